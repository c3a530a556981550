"""The reader-ease check: the reader (or a novice standing for them) paired, in one sentence, with ease,
comprehension or a second attempt. The first replacement keeps the writer's words without the dig."""
import pytest

RULE = "condescension.reader-ease"


def flagged(check, text):
    return check(text=text, rules=[RULE]).issues


def rewritten(text, issue):
    return text[:issue.offset] + issue.replacements[0] + text[issue.offset + issue.length:]


@pytest.mark.parametrize("text, rewrite", [
    # hope + "clear now" + a second attempt or a novice
    ("I've looked at the screenshot; hope that makes it a bit clearer this time round.",
     "I've looked at the screenshot; hope that makes it a bit clearer."),
    ("Hopefully that is clear enough now, even without a finance background.", "Hopefully that is clear enough."),
    # ease for the reader + a sign they needed it
    ("I've highlighted the relevant sentence in yellow so it's easier for you to find.",
     "I've highlighted the relevant sentence in yellow so it's easier to find."),
    ("I've highlighted the modifier field so it's easier for your front desk to spot this time.",
     "I've highlighted the modifier field so it's easier to spot."),
    ("No worries, I'll take this one step at a time so it's easy to follow.", "No worries, I'll take this one step at a time."),
    ("I've attached a diagram, which should make it easy enough to follow even for someone non-technical.",
     "I've attached a diagram, which should make it easy enough to follow."),
    # "even" + the reader or a novice + ability
    ("As I'm sure even you'll appreciate, a conversion rate is a share.", "As I'm sure you'll appreciate, a conversion rate is a share."),
    ("I've used small words, so hopefully even your committee can follow it this time.",
     "I've used small words, so hopefully your committee can follow it."),
])
def test_the_pairing_is_flagged_and_the_rewrite_keeps_the_writers_point(check, text, rewrite):
    [issue] = flagged(check, text)
    assert rewritten(text, issue) == rewrite


@pytest.mark.parametrize("text", [
    "It's easy for us to add a second delivery if you need one.",  # the writer's own ease
    "I've highlighted the changes in yellow so it's easier for you to see what's new.",  # mark-up of changes
    "We've added a search bar so it's easier for your customers to find past orders.",  # the reader's customers
    "I've bolded the key dates so they're easy to find.",  # mark-up not aimed at the reader
    "Even if you're busy, please reply by Friday.",
    "The course is designed so that even complete beginners can join.",  # a product's audience
    "Even without the discount, the price is competitive.",
    "I hope this is clear; if not, call me.",  # no second attempt
    "Hopefully the weather is clearer this time.",  # not about an explanation
    "I hope the new layout is easier for your customers to use.",
    "The venue is easy to reach even for someone without a car.",  # access, not ability
    'Her note said "hopefully even you can follow it this time" and we laughed.',
])
def test_near_misses_pass(check, text):
    assert flagged(check, text) == []


def test_a_dig_that_cannot_be_lifted_out_offers_the_rule_replacement_for_the_sentence(check):
    text = "It's simple enough that even a complete beginner could manage it."
    [issue] = flagged(check, text)
    assert rewritten(text, issue) == "Happy to go through any of it on a call."
