"""Condescension rules: the devices are flagged, and the near-misses that share their words are not
(quotations of someone else, honest "simply", self-deprecation, neutral references back)."""
import pytest


def condescension(check, text):
    return [i for i in check(text=text).issues if i.category == "condescension"]


@pytest.mark.parametrize("text, rule", [
    ("As I already explained, the deposit is non-refundable.", "condescension.repetition"),
    ("Per my last email, the cutoff is the 25th.", "condescension.repetition"),
    ("Obviously the client won't pay twice.", "condescension.obviously"),
    ("Let me make this simple for you: no PO, no payment.", "condescension.simplify"),
    ("Filing a ticket isn't rocket science.", "condescension.trivializing"),
    ("I'm sure even you can find the login page.", "condescension.ability"),
    ("Calm down, it's one late invoice.", "condescension.patronizing"),
    ("With all due respect, you don't understand the contract.", "condescension.respect-preface"),
    ("Thank you for your eventual reply.", "condescension.sarcasm"),
    ("Had you read the brief, you'd know the budget.", "condescension.reading-jab"),
])
def test_condescending_devices_are_flagged_by_their_rule(check, text, rule):
    assert rule in [i.rule for i in condescension(check, text)]


@pytest.mark.parametrize("text", [
    "To unsubscribe, simply reply to this email with STOP.",
    "You can simply reply to this email to confirm.",
    "Obviously I'm biased, but the blue version looks sharper.",
    "Obviously we'll cover your travel costs.",
    "I'm no rocket scientist, but the chart looks upside down.",
    "As mentioned on the call, the venue has step-free access.",
    "Tax is not my strong suit, so I'd value your eye on this.",
    "Friendly reminder that timesheets are due by noon on Friday.",
    "In plain terms, the policy covers fire but not flood.",
])
def test_near_misses_are_not_condescension(check, text):
    assert condescension(check, text) == []


@pytest.mark.parametrize("text", [
    "Her exact words were \u201cIt's not rocket science,\u201d which was fair.",
    "In training we'll discuss why \u201cper my last email\u201d lands badly.",
    "Tip from the style guide: avoid \u201cobviously\u201d in customer emails.",
])
def test_words_inside_quotation_marks_are_not_the_writers_tone(check, text):
    assert condescension(check, text) == []


def test_respect_preface_replacement_keeps_the_point_without_the_preface(check):
    text = "With all due respect, your forecast is wrong."
    [issue] = condescension(check, text)
    assert issue.replacements[0] == "your forecast is wrong"


def test_repetition_replacement_is_a_neutral_recap(check):
    text = "As I already explained, the venue closes at ten."
    [issue] = condescension(check, text)
    assert issue.text == "As I already explained"
    assert text.replace(issue.text, issue.replacements[0]) == "To recap, the venue closes at ten."


def test_reading_jab_after_an_apology_is_left_to_blame_shifting(check):
    text = "Sorry for the confusion, but if you had read the attachment you'd have seen the rates."
    assert [i for i in condescension(check, text) if i.rule == "condescension.reading-jab"] == []


def test_quoted_thread_is_never_flagged(check):
    text = "Thanks, will do.\n\nOn Tue, Sam wrote:\n> As I already explained, obviously this isn't rocket science."
    assert condescension(check, text) == []
