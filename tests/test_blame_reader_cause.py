"""The reader's own action named as the cause of the writer's miss (checks/blame_reader_cause.py)."""
import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def blame(check, text):
    return [i for i in check(text=text).issues if i.rule == "blame.reader-as-cause"]


# Fresh variants (session 8), none from a labeled set: the reader's side as the past subject, a link of
# cause, a bad outcome.
@pytest.mark.parametrize("text", [
    "Your team moved the delivery window, which is why the van missed you.",
    "Your receptionist sent our fitter away, so the job didn't get done.",
    "Your accounts team paid the wrong invoice, and that's why the account went on hold.",
    "You booked the small room, so there wasn't space for the extra guests.",
    "Your side kept adding rooms to the scope, so of course the budget grew.",
    "The tiles went down late because your plumber hadn't capped the pipes.",
    "Look, you signed off the blue, so that's what we printed.",
])
def test_the_reader_as_the_cause_of_a_bad_outcome_is_flagged(check, text):
    issue, = blame(check, text)
    assert issue.text == text.rstrip()


@pytest.mark.parametrize("text", [
    "You asked for the cheaper paper, so I've sent two samples to compare.",
    "You mentioned you're away next week, so we'll deliver on Monday 3 June.",
    "Your order shipped late because we booked the wrong van, and that's on us.",
    "You've been very patient, so the delivery is free this time.",
    "Thanks — you sent the plans early, so we finished a day ahead.",
    "Did your team move the delivery window, so the van arrived late?",
    "The pump failed the day after you serviced it.",
    'She wrote "you changed the plan, so it slipped" in her notes.',
    # handing over what was asked; what follows a colon is new content, not the outcome
    "You asked for a summary for the board, so here it is: the software flags any session missing a note.",
    "You asked for the numbers, so here they are.",
])
def test_the_reader_acting_without_a_bad_outcome_or_owned_passes(check, text):
    assert not blame(check, text)


def test_only_the_sentence_with_the_cause_is_flagged(check):
    text = "Hi Dana,\n\nThanks for the call. You changed the menu on Friday, so the kitchen couldn't prep the fish.\n\nBest,\nOwen"
    issue, = blame(check, text)
    assert issue.text == "You changed the menu on Friday, so the kitchen couldn't prep the fish."


def test_session_8_variants_record(service):
    """tests/data/tone_ba_s8.jsonl: session-8 fresh variants, written from the brief's device list before
    any rule for them (none from a labeled set): the reader's action as the cause (12, 0 caught before
    blame.reader-as-cause, 11 after), the same as a noun phrase (12), a third party named as the cause
    (23), an apology answered with the rule that says no (8), an apology for the reader's reaction (5),
    an apology with a vague remedy (10); and 14 near misses. Most families here were tried as checks and
    did not reach the transfer writers (see the session-8 report), so they stay misses on record."""
    from tact.request import parse_check

    items = [json.loads(line) for line in open(DATA / "tone_ba_s8.jsonl")]

    def found(text):
        return service.check(parse_check({"text": text}), service.ruleset).issues

    devices = [i for i in items if i["expect"]]
    caught = sum(any(x.category == i["expect"][0]["category"] for x in found(i["text"])) for i in devices)
    flagged = [i["text"] for i in items if not i["expect"] and any(x.category in ("blame-shifting", "apology") for x in found(i["text"]))]
    assert caught >= 27  # of 69
    assert not flagged


# Session 16: the trouble dated from the reader's act, or the reader's act as the origin "in the first place".
@pytest.mark.parametrize("text", [
    "The delay started when your team sent the brief two weeks late.",
    "That only happened because you sent the signed letter late.",
    "The customs hold happened because your forwarder filed the wrong codes in the first place.",
])
def test_the_trouble_dated_from_the_readers_act_is_flagged(check, text):
    assert blame(check, text)


@pytest.mark.parametrize("text", [
    "The fun started when you arrived with the cake.",
    "Your team chose the right supplier in the first place, which made it easy.",
    "The delay started when the ferry was cancelled, and your parcel arrives Tuesday.",
])
def test_the_readers_act_without_a_fault_passes(check, text):
    assert not blame(check, text)
