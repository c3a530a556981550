"""The tautology check: a sentence that tells the reader a thing does what its own name says."""
import pytest

RULE = "condescension.tautology"


def flagged(check, text):
    return [i for i in check(text=text, rules=[RULE]).issues]


@pytest.mark.parametrize("text, span", [
    ("He was never added, and payroll can only pay people who are actually on the payroll.",
     "payroll can only pay people who are actually on the payroll"),
    ("It'll be in your Downloads folder, which is where downloaded things go.",
     ", which is where downloaded things go"),
    ("Once you've filled it in, the Submit button is the one that submits the form.",
     "the Submit button is the one that submits"),
])
def test_a_thing_explained_by_its_own_name_is_flagged(check, text, span):
    [issue] = flagged(check, text)
    assert issue.text == span


@pytest.mark.parametrize("text", [
    "Tickets can only be collected with the ticket reference.",  # the repeated word is not the limit
    "Put it in the Projects folder, which is where the project files live.",  # a particular set: information
    "The Premium plan is the one that includes premium support.",  # the verb is new information
    "We can only pay people who are on the payroll by Friday's cut-off.",  # no stem of the subject repeats
    'Her note said "payroll can only pay people on the payroll".',  # someone else's words
    "The quoted thread says it all.\n\n> payroll can only pay people on the payroll",
])
def test_near_misses_pass(check, text):
    assert flagged(check, text) == []


def test_the_aside_is_dropped_with_its_comma(check):
    [issue] = flagged(check, "It'll be in your Downloads folder, which is where downloaded things go.")
    assert issue.replacements[0] == ""


@pytest.mark.parametrize("text, span, rewrite", [
    ("In the real world, a deadline is a deadline.", "a deadline is a deadline", "In the real world, the deadline stands."),
    ("Rules are rules, I'm afraid.", "Rules are rules", "The rules stand, I'm afraid."),
    ("We'd love to help, but a contract is a contract.", "a contract is a contract", "We'd love to help, but the contract stands."),
])
def test_a_noun_said_twice_as_the_whole_argument_is_flagged(check, text, span, rewrite):
    [issue] = flagged(check, text)
    assert issue.text == span
    assert text[:issue.offset] + issue.replacements[0] + text[issue.offset + issue.length:] == rewrite


@pytest.mark.parametrize("text", [
    "What's done is done, and we've moved on.",  # an idiom about the past, not a lesson
    "The plan is a plan, not a promise.",  # a distinction, which says something new
    "The fee is a fee for the whole year.",  # the clause does not end on the noun
    "This is this week's schedule.",
    'He said "rules are rules" and hung up.',  # someone else's words
])
def test_a_repeated_noun_that_adds_something_passes(check, text):
    assert flagged(check, text) == []
