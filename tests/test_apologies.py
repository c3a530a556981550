"""Apologies: ones that hand the fault back (blame-shifting), grovel, or fix nothing (apology)."""
import json
import re
from pathlib import Path

import pytest

from labeled import score
from rewrites import applied, first_rewrites, reads_as_a_sentence
from tact.model import Context
from tact.request import parse_check
from tact.text.draft import build_draft

DATA = Path(__file__).parent / "data"


def found(check, text, category):
    return [i for i in check(text=text).issues if i.category == category]


# Seed scenarios of issue 3.

def test_seed_admission_then_blaming_the_customer(check):
    issues = found(check, "I missed the assignment, but the customer didn't make the schedule clear.", "blame-shifting")
    assert [i.text for i in issues] == ["but the customer didn't make the schedule clear"]
    assert issues[0].replacements


def test_seed_apology_excused_by_everyone_else(check):
    issues = found(check, "Sorry I called you Ms., but up to now every Lynn I've met was a woman.", "blame-shifting")
    assert len(issues) == 1 and issues[0].text.startswith("but up to now every Lynn")


def test_seed_apology_with_no_remedy(check):
    issues = found(check, "Sorry, we couldn't make the call today due to travel.", "apology")
    assert [i.rule for i in issues] == ["apology.no-remedy"]
    assert any("Thursday, [date]" in r for r in issues[0].replacements)


# Apology, then blame.

@pytest.mark.parametrize("text", [
    "Sorry, but you never said the deck was for the board.",
    "Apologies for the late report. If your team had sent the data when we asked, this wouldn't have happened.",
    "I'm sorry the install ran late, but if I'd been in the loop it would have gone fine.",
    "I apologize for the wrong label; however, the prescription we received was hard to read.",
    "Sorry about the missing slides — that was Priya's job.",
])
def test_apology_followed_by_blame_is_flagged(check, text):
    assert found(check, text, "blame-shifting")


@pytest.mark.parametrize("text", [
    "Sorry, but I can't make Tuesday — could we do Wednesday?",
    "Sorry, but the venue needs a final headcount by Friday at noon.",
    "That was my mistake — I entered the wrong part number. The right one ships today.",
    "I'm sorry, but our policy doesn't allow pets; there's a kennel nearby.",
    "I'm so sorry to hear about your father. Take all the time you need.",
])
def test_declines_ownership_and_sympathy_are_not_blame(check, text):
    assert not found(check, text, "blame-shifting")


def test_quoted_words_are_not_the_writers_apology(check):
    text = 'The headline read "Mistakes were made" and the column said "sorry, but you never told us".'
    assert not found(check, text, "blame-shifting")


# Over-apology: counted across the draft, one issue from the first apology to the last.

def test_three_apologies_give_one_issue_spanning_them(check):
    text = "I am so sorry for the error. I sincerely apologize for the trouble. Please accept my apologies."
    issues = [i for i in found(check, text, "apology") if i.rule == "apology.over-apology"]
    assert len(issues) == 1
    assert issues[0].text.startswith("sorry") and issues[0].text.endswith("apologies.")
    assert "3 times" in issues[0].message
    assert issues[0].replacements == ("sorry for the error.",)


def test_over_apology_replacement_keeps_the_remedy(check):
    text = "I am so sorry for the error. Please accept my apologies. We are truly sorry, and the parts will ship by Wednesday."
    issue = [i for i in found(check, text, "apology") if i.rule == "apology.over-apology"][0]
    assert issue.replacements[0] == "sorry for the error. The parts will ship by Wednesday."


def test_one_apology_with_a_fix_is_a_good_apology(check):
    text = "I'm sorry I missed the deadline. The report will be with you by noon on Wednesday."
    assert not found(check, text, "apology")


def test_two_apologies_in_separate_sentences_without_again_pass(check):
    text = "Sorry for the slow reply. Yes, Friday works. Sorry about the noise on the call, the builders are in."
    assert not [i for i in found(check, text, "apology") if i.rule == "apology.over-apology"]


# Session 18: bookends. An apology for intruding opens, the message follows, a second apology closes. The
# labelled sets mark one of the two (dev.jsonl the first, sentences.jsonl the last), so the finding is one, from
# the first apology to the last.

def test_bookend_apologies_are_one_issue_from_the_first_to_the_last(check):
    text = ("Hi Ana,\n\nSorry to bother you again! The caterer needs the final numbers by Thursday. "
            "Again, sorry for the extra email!\n\nLeo")
    issues = [i for i in found(check, text, "apology") if i.rule == "apology.over-apology"]
    assert len(issues) == 1
    assert issues[0].text.startswith("Sorry to bother you again!") and issues[0].text.endswith("sorry for the extra email!")


def test_an_opener_that_already_over_apologises_keeps_one_issue(check):
    text = ("Sorry to bother you, and sorry for the long email. Could you confirm the date? Sorry again!")
    issues = [i for i in found(check, text, "apology") if i.rule == "apology.over-apology"]
    assert len(issues) == 1 and issues[0].text.endswith("Sorry again!")


def test_a_mishap_apology_with_sorry_again_keeps_one_issue(check):
    text = "Sorry the parcel went to the wrong address. The new one ships today. Sorry again!"
    issues = [i for i in found(check, text, "apology") if i.rule == "apology.over-apology"]
    assert len(issues) == 1 and issues[0].text.startswith("Sorry the parcel")


# Apology without remedy: draft-level search for a fix, next step or date.

@pytest.mark.parametrize("text", [
    "Hi Sofia,\n\nI'm so sorry I missed our call yesterday. Things got away from me.\n\nBest,\nKevin",
    "Unfortunately the translation isn't finished. My apologies.",
    "Apologies, I wasn't able to submit the chapter by Friday as promised. It's been a hectic week.",
])
def test_missed_commitment_without_a_next_step_is_flagged(check, text):
    assert [i.rule for i in found(check, text, "apology")] == ["apology.no-remedy"]


@pytest.mark.parametrize("text", [
    "Sorry I missed our call. Could we try Thursday at 10am?",
    "Sorry I didn't get the draft to you on Friday — it's attached now.",
    "Sorry for the late reply! Yes, the 14th works, and I've booked the room.",
    "We're sorry the part arrived damaged. A new one shipped this morning.",
])
def test_a_remedy_anywhere_after_the_apology_clears_it(check, text):
    assert not found(check, text, "apology")


def test_the_date_of_the_failure_is_not_a_remedy(check):
    text = "I'm sorry the mock-ups didn't reach you on Monday as promised."
    assert found(check, text, "apology")


@pytest.mark.parametrize("text", [
    "Apologies, your parcel hasn't been dispatched. It was meant to go out last Thursday.",
    "We're sorry the chairs weren't delivered on the agreed date. I know your office opens on Monday.",
    "I'm so sorry your invoice still hasn't been paid. I know it was due on the 15th.",
])
def test_a_past_date_or_the_readers_own_date_is_not_a_remedy(check, text):
    assert [i.rule for i in found(check, text, "apology")] == ["apology.no-remedy"]


# Blame without the apology's usual words: devices that hand the fault back on their own.

@pytest.mark.parametrize("text, rule", [
    ("The booking tool must have double-charged your card.", "blame.blames-a-tool"),
    ("Your reply must have gone to junk, so I never saw it.", "blame.blames-a-tool"),
    ("The late fee really isn't on us.", "blame.not-our-fault"),
    ("Through no fault of ours, the venue cancelled.", "blame.not-our-fault"),
    ("Apologies if anyone felt left out of the planning.", "blame.if-apology"),
    ("Had your reception logged the parcel, it would not have gone missing.", "blame.counterfactual"),
    ("I could have prepared the slides had anybody shared the agenda.", "blame.counterfactual"),
    ("Two bugs were introduced in Friday's build.", "blame.passive-dodge"),
    ("An outdated price list was mistakenly attached to the quote.", "blame.passive-dodge"),
    ("Hiccups like this happen with any new supplier.", "blame.fatalism"),
])
def test_blame_devices_are_flagged_by_their_rule(check, text, rule):
    assert rule in [i.rule for i in found(check, text, "blame-shifting")]


@pytest.mark.parametrize("text", [
    # someone else's failure after an apology, admission or a regret about the writer's own side
    "Sorry the menu was wrong — the caterer swapped the cards.",
    "Apologies for the delay. Nobody on your team had signed the work order.",
    "We did overrun, though your approvals came back late.",
    "I quoted the old rate because the spreadsheet you sent listed it.",
    "Unfortunately the agency we hired never checked the translations.",
    "I'm sorry the new intern forgot to copy you in.",
    # blame first, own failure as its consequence
    "Your office never sent the floor plan, so we couldn't start the fit-out.",
])
def test_someone_elses_failure_next_to_an_apology_is_flagged(check, text):
    assert found(check, text, "blame-shifting")


@pytest.mark.parametrize("text", [
    "Our apologies that the upgrade did not finish overnight; it completes at 9am.",
    "Sorry, the invoices aren't ready yet — you'll have them Thursday.",
    "Unfortunately your bank didn't approve the transfer, so we've sent the details again.",
    "If the map I sent was unclear, that's my fault — a better one is attached.",
    "I missed your call — the line was busy. Could we talk at 4pm?",
    "Sorry you didn't receive the parcel; a replacement ships today.",
    "Sorry I called you by the wrong name, and thanks for being gracious about it.",
    # a name after a preposition is the thing's, not someone who failed
    "I'm sorry your rent remittance for Oak Villas didn't reach you this month as it should have.",
])
def test_own_failures_and_news_are_not_blame(check, text):
    assert not found(check, text, "blame-shifting")


def test_a_non_apology_and_its_excuse_are_one_issue(check):
    issues = found(check, "Sorry the form seemed confusing to you; most customers fill it in fine.", "blame-shifting")
    assert len(issues) == 1 and issues[0].text.startswith("Sorry the form")


def test_fresh_blame_set_written_before_the_round_2_rules(service):
    """tests/data/tone_b_blame.jsonl: 53 blame-shifting sentences across devices and 47 near-misses
    (ownership, declines, sympathy, neutral passives), written before the round-2 rules."""
    # written in turn, each before the rules it then drove: first-run recall 0.25, 0.33, 0.63
    for name in ("tone_b_blame.jsonl", "tone_b_blame_holdout.jsonl", "tone_b_blame_final.jsonl"):
        report = score(service, name, ("blame-shifting", "vague-commitment"))
        blame = report.scores["blame-shifting"]
        assert blame.recall >= 0.9 and blame.precision >= 0.9, name
        assert report.clean_flagged <= 1, name


# Session 2: devices, not phrases.

def test_session_2_device_set(service):
    """tests/data/tone_b_s2_devices.jsonl: 28 blame and 28 apology devices, 3 sentences and 2 near-misses
    each, written before the session-2 rules (first-run recall: blame 0.23, apology 0.36)."""
    report = score(service, "tone_b_s2_devices.jsonl", ("blame-shifting", "apology"))
    assert report.scores["blame-shifting"].recall >= 0.8 and report.scores["blame-shifting"].precision >= 0.9
    assert report.scores["apology"].recall >= 0.9 and report.scores["apology"].precision >= 0.9
    assert report.clean_flagged <= 3  # of 112 near-misses


@pytest.mark.parametrize("text", [
    "Looking at the logs, the fault lies with your proxy settings.",  # the fault placed on their side
    "Our booking software decided to cancel the second night.",  # a tool that decides
    "Unfortunately your order was cancelled after five days without payment.",  # the reader's silence, by rule
    "I regret it if my remarks about the budget were taken the wrong way.",  # conditional, "regret it if"
    "Sorry the kitchen isn't quite what you pictured, but it's exactly what was specified.",  # expectations, then an excuse
    "If we'd had the floor plans when you promised them, we'd be finished.",  # what we weren't given
    "Payroll was really Dana's area rather than mine.",  # a colleague's part
    "That's what tends to happen when guests prop the fire door open.",  # the reader's own doing
    "It seems the visa forms were not filed before the deadline.",  # a duty not done, nobody named
    "Honestly, my hands are tied on the late fee.",  # hiding behind the rules
])
def test_session_2_blame_devices(check, text):
    assert found(check, text, "blame-shifting")


@pytest.mark.parametrize("text", [
    "The fault was ours: our proxy settings were wrong, and they're fixed now.",
    "Our booking software cancels unpaid nights after five days, so I've extended yours to Friday.",
    "Your order will be cancelled after five days without payment, so please pay by Thursday.",
    "Sorry the kitchen isn't what we agreed — the fitters come back on Monday to redo it.",
    "Sorry the kitchen isn't quite what you pictured.",  # unseen writers read this as a sincere regret (session 4)
    "If we'd had more time, we'd have added a terrace — maybe next year!",
    "Payroll is Dana's area, and she's copied here to sort it today.",
    "We regret that the visa forms were not filed before the deadline; we've filed them this morning.",
    "My hands are tied on the late fee, but I can waive the delivery charge instead.",
])
def test_session_2_blame_near_misses(check, text):
    assert not found(check, text, "blame-shifting")


def test_grovel_passage_is_one_issue_with_a_calm_rewrite(check):
    text = ("Dear Ms Ruiz,\n\nI am mortified. Please forgive me for sending the draft contract, and I feel awful "
            "about it. The signed version is attached.\n\nTom")
    issues = found(check, text, "apology")
    assert [i.rule for i in issues] == ["apology.grovel-cluster"]
    assert issues[0].text.startswith("I am mortified") and issues[0].text.endswith("I feel awful about it.")
    assert issues[0].replacements and "mortified" not in issues[0].replacements[0]


def test_grovel_phrases_far_apart_stay_separate(check):
    text = ("I feel awful about the delay. The figures are attached. Page two has the totals. The notes are on "
            "page three. The appendix lists the sources. Please don't hold it against the team.")
    assert {i.rule for i in found(check, text, "apology")} == {"apology.groveling", "apology.pleading"}


@pytest.mark.parametrize("text, rule", [
    ("I'm a complete idiot with these forms.", "apology.self-punishing"),
    ("I'm so incredibly sorry about the double booking.", "apology.intensified"),
    ("I'd completely understand if you took your business elsewhere.", "apology.pleading"),
    ("Please accept our apologies that your card was not issued within the five days we quoted.", "apology.no-remedy"),
    ("Apologies that nobody rang you back yesterday with the results.", "apology.no-remedy"),
])
def test_session_2_apology_devices(check, text, rule):
    assert rule in {i.rule for i in found(check, text, "apology")}


@pytest.mark.parametrize("text", [
    "I'm useless at golf, but I'll come to the away day.",
    "Sorry I missed the call. Could we do Thursday at 10am instead?",
    "Sorry, I can't attend the launch, but Marco will host in my place.",
    "I can't thank you enough for the introduction.",
])
def test_session_2_apology_near_misses(check, text):
    assert not found(check, text, "apology")


def test_a_date_in_small_talk_is_no_remedy(check):
    text = "Sorry the progress report didn't go out last week like I said it would! See you Thursday."
    assert [i.rule for i in found(check, text, "apology")] == ["apology.no-remedy"]


def test_scan_finds_what_a_search_of_each_sentence_finds(service):
    """apologies.scan reads one scan of the draft per sentence; quotations and matches across a
    sentence edge fall back to searching the sentence on its own."""
    from tact.checks.apologies import APOLOGY, CONCRETE_TIME, scan
    from tact.checks.commitments import without_quotations
    from tact.text.draft import build_draft

    texts = [
        'Sorry about that. He wrote "sorry, but no". Apologies again!',
        "Mortified, Ngozi. Absolutely mortified. Sorry.",
        "Hi Sam,\n\nSorry for the delay.\nThe file is attached, see you Monday at 3pm.\n\n> sorry from the thread",
        "No apology here at all, just a note about Tuesday the 14th.",
    ]
    for text in texts:
        draft = build_draft(text=text)
        for regex in (APOLOGY, CONCRETE_TIME):
            expected = [(i, s.start + m.start(), s.start + m.end()) for i, s in enumerate(draft.sentences)
                        for m in regex.finditer(without_quotations(s.text))]
            assert scan(draft, regex) == expected, (text, regex.pattern[:30])


def test_threads_checking_different_drafts_share_no_per_draft_state(service):
    """gunicorn's gthread workers check drafts on several threads at once: the per-draft values the
    apology checks share (scans, apologies found, blame, remedies) must belong to their own draft."""
    import sys
    from concurrent.futures import ThreadPoolExecutor

    from tact.engine import CheckRequest, run

    drafts = [
        "Sorry for the delay, but your team never sent the figures. I'm so sorry again!",
        "Apologies, the report is late. I'll send it on Friday at 10am.",
        "I'm sorry you feel that way. Mistakes were made.",
        "We missed the deadline, sorry. Sorry, sorry!",
    ]

    def issues(text):
        return [(i.rule, i.offset, i.length) for i in run(CheckRequest(text=text), service.ruleset).issues]

    expected = {text: issues(text) for text in drafts}
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, as a busy worker does
    try:
        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(lambda k: (drafts[k % 4], issues(drafts[k % 4])), range(400)))
    finally:
        sys.setswitchinterval(interval)
    assert all(found == expected[text] for text, found in results)


# Session 3: a promise named as broken, a change of subject, small talk, an excuse as the only failure.

@pytest.mark.parametrize("text", [
    "Hi Tasha,\n\nSorry I never rang you back on Tuesday like I said I would. It's been chaos here.\n\nRyan",
    "Really sorry, I know I said the panels would be up before Christmas. Hope the family are well.",
    "Apologies, I said I'd have the reconciliation to you on Monday and I didn't manage it. Hope the team had a good weekend.",
    "Apologies for not joining our call yesterday. Anyway, I've attached the new timetable for your group.",
    "I'm sorry the valuation didn't go out as I'd promised. Separately, the allowance resets on 6 April.",
    "We missed the service at Carrow House last week, and I'm sorry for that. On another note, our brochure is attached.",
    "Sorry the newsletter didn't go out to your subscribers. It won't happen again.",
    "I promised you the budget by Monday, and I'm sorry I let that slip. The feedback was great, by the way.",
])
def test_a_miss_answered_only_by_small_talk_or_another_subject_is_flagged(check, text):
    assert [i.rule for i in found(check, text, "apology")] == ["apology.no-remedy"]


@pytest.mark.parametrize("text", [
    "Sorry I never rang you back. Could we talk Thursday at 10am instead?",
    "Sorry I missed the call. Anyway, could we do Thursday at 2pm instead?",
    "Sorry the report didn't go out like I said it would. It's attached now.",
    "Apologies for missing the deadline. Separately, I'll send it over by noon on Friday.",
    "Sorry I missed Monday's call. I'll have the notes to you by Wednesday, and hope you had a good weekend!",
])
def test_a_fix_for_the_miss_still_clears_it_after_a_change_of_subject(check, text):
    assert not found(check, text, "apology")


def test_an_excuse_that_is_the_only_failure_is_blame_not_a_missing_remedy(check):
    text = "Apologies, but nobody told me the deadline had moved."
    assert not found(check, text, "apology") and found(check, text, "blame-shifting")
    both = "Sorry I missed the kickoff this morning, but nobody told me it had moved to 8. Hope it went well."
    assert found(check, both, "apology") and found(check, both, "blame-shifting")


def test_the_writers_own_crew_is_what_the_apology_is_for(check):
    assert not found(check, "Sorry the crew didn't turn up on Tuesday. They'll be with you Thursday at 8am.", "blame-shifting")
    assert found(check, "Sorry the report was late, but your team didn't send the figures.", "blame-shifting")


def test_stacked_grovelling_over_two_sentences_is_one_passage(check):
    text = "Hi Mr Lindqvist,\n\nI'm hopeless, I sent the wrong contract. Honestly, I don't know how you put up with me. The correct one is attached."
    issues = found(check, text, "apology")
    assert len(issues) == 1 and "put up with me" in issues[0].text and "hopeless" in issues[0].text


@pytest.mark.parametrize("text", [
    "Sorry I haven't been in touch, it's been a mad month. Great news about the new office!",
    "I didn't post the samples until Friday, so they will be a few days late, sorry. Hope you had a good weekend.",
])
def test_the_message_itself_or_its_new_arrival_time_answers_the_apology(check, text):
    assert not found(check, text, "apology")


# Session 3 blame devices, written as families with near-misses (the rule examples hold more of each).

@pytest.mark.parametrize("text, rule", [
    ("Our booking app dropped a few appointments, so there wasn't much we could have done.", "blame.could-not-have-helped"),
    ("It's not something our team could have caught.", "blame.could-not-have-helped"),
    ("That account was set up by my predecessor, so I can't really speak to why.", "blame.someone-else-handled"),
    ("To be honest that was Gordon's event, not mine.", "blame.someone-else-handled"),
    ("Sorry for the confusion, but it was all set out in the SOW you signed in August.", "blame.reader-decided"),
    ("Things slipped because the job spec kept changing on your side.", "blame.reader-decided"),
    ("Sorry if you took my last mail the wrong way.", "blame.took-it-wrong"),
    ("I'm sorry if our engineer's visit caused any disruption.", "blame.took-it-wrong"),
    ("Our receptionist is new and she must have put you in for the wrong time.", "blame.junior-did-it"),
    ("If the drawings weren't clear, that's because the survey we were given was out of date.", "blame.because-of-them"),
    ("The roofers are a separate firm, so the leak is really down to them rather than us.", "blame.down-to-them"),
    ("Sorry the launch slipped, but we couldn't build the pages without the product photos.", "blame.apology-then-excuse"),
    ("Apologies — however, we were only sent the first page of the contract.", "blame.apology-then-excuse"),
])
def test_session_3_blame_devices(check, text, rule):
    # Only this rule: another rule's finding in the same sentence would fold it into one issue.
    assert rule in [i.rule for i in check(text=text, rules=[rule]).issues]


@pytest.mark.parametrize("text", [
    "Our drivers don't cover the islands, so we deliver to the ferry port in Oban.",
    "This is a reminder that invoice 4411 is now 30 days overdue; please pay by Friday.",
    "There isn't much we can do until the part arrives on Friday.",
    "The booking was handled by Jamie; she'll confirm the times by Friday.",
    "It's entirely down to you which option we choose.",
    "Sorry, you took the last slot — could you do Tuesday instead?",
    "Our intern sent over the deck; let me know what you think.",
    "That's because the roof needs a second coat — it'll be done by Friday.",
    "Nobody told me you were in town — what a lovely surprise!",
    "We can't start without the deposit; could you send it by Friday?",
])
def test_session_3_blame_near_misses(check, text):
    assert not found(check, text, "blame-shifting")


@pytest.mark.parametrize("text, rule", [
    ("We regret the late delivery; however, the purchase order from your side arrived a week late.", "blame.apology-then-excuse"),
    ("Sorry it took so long, your people kept moving the goalposts.", "blame.apology-then-excuse"),
    ("Sorry for the hold-up. Your finance team still hasn't released the deposit.", "blame.apology-then-excuse"),
    ("Sorry, we were waiting on your sign-off the whole time.", "blame.apology-then-excuse"),
    ("Sorry the install overran, but the site wasn't ready when we arrived.", "blame.apology-then-excuse"),
    ("Apologies if my tone was misread.", "blame.took-it-wrong"),
    ("The figures were keyed in incorrectly.", "blame.passive-dodge"),
    ("The intern forgot to post it.", "blame.junior-did-it"),
    ("No one let us know the client had cancelled.", "blame.excuse-opener"),
    ("We did it exactly as per your instructions.", "blame.did-as-told"),
])
def test_session_3_second_round_blame_devices(check, text, rule):
    assert rule in [i.rule for i in check(text=text, rules=[rule]).issues]


@pytest.mark.parametrize("text", [
    "Apologies, the quarterly figures aren't ready; they'll be with you by noon Thursday.",
    "The printers delivered the wrong paper stock. We've reprinted at our cost and the brochures arrive Monday.",
    "I'm sorry your statement was sent to your previous address. A replacement goes out tomorrow.",
    "I've booked the room as per your instructions.",
])
def test_session_3_second_round_near_misses(check, text):
    assert not found(check, text, "blame-shifting")


def test_the_writers_own_service_limits_are_facts_not_blame(check):
    for text in ("Sorry, but we can't do Sunday collections; our drivers don't cover that area at weekends. Monday works.",
                 "Sorry, but our engineers don't work weekends; the earliest slot is Monday at 8am."):
        assert not found(check, text, "blame-shifting")
    assert found(check, "Sorry it's late, but your courier didn't deliver the parts.", "blame-shifting")


def test_candour_that_leads_into_owning_it_is_not_an_excuse(check):
    text = "I owe you an apology for Tuesday, and to be honest I'm sorry for the whole month. I'm very sorry."
    assert not found(check, text, "blame-shifting")
    assert found(check, "Sorry for the delay, but to be honest the brief was vague.", "blame-shifting")


@pytest.mark.parametrize("text, category", [
    ("Sorry about standing you up this morning, it's been crazy.", "apology"),
    ("Kindly accept our apologies for the non-delivery of the goods on the agreed date.", "apology"),
    ("I apologize we were not able to finish the audit by Friday as committed.", "apology"),
    ("I feel like such an idiot for sending that.", "apology"),
    ("We are sorry for the delay, but the documents from your company arrived incomplete.", "blame-shifting"),
    ("Sorry for the mixup, the guy at the front desk gave you the wrong info.", "blame-shifting"),
    ("Regarding the delay, this was caused by your late payment.", "blame-shifting"),
    ("Sorry if the email was confusing to you.", "blame-shifting"),
])
def test_session_3_third_sweep(check, text, category):
    assert found(check, text, category)


def test_you_as_the_object_of_the_writers_promise_is_not_blamed(check):
    text = "Sorry, the samples I promised you last week didn't ship."
    assert not found(check, text, "blame-shifting") and found(check, text, "apology")


def test_sorry_you_did_not_enjoy_it_is_a_non_apology_unless_something_is_done(check):
    assert found(check, "I'm sorry you didn't enjoy Saturday's bootcamp. Some people find the format hard.", "blame-shifting")
    assert not found(check, "Sorry you didn't enjoy your stay; we've refunded the second night.", "blame-shifting")


# Replacements read as sentences a writer would send (session 4).


def test_a_non_apology_replacement_is_a_whole_sentence(check):
    text = "Sorry if you were offended, but mistakes were made on your side."
    issue, = check(text=text, rules=["blame.if-apology"]).issues
    rewritten = [applied(text, issue, r) for r in issue.replacements]
    assert rewritten and all(r.startswith("I'm sorry for") and "for," not in r for r in rewritten)


def test_pattern_rules_in_tone_categories_replace_their_whole_sentence(service):
    """Each pattern rule's flagged span runs from its sentence's first word to its end, so a
    replacement written as a sentence fits wherever the device sits."""
    checked = 0
    for rule in service.ruleset.rules:
        if rule.category not in ("blame-shifting", "apology") or rule.regex is None:
            continue
        for example in rule.definition["examples"]["flag"]:
            text = example if isinstance(example, str) else example["text"]
            draft = build_draft(text=text, context=Context())
            for issue in service.check(parse_check({"text": text, "rules": [rule.id]}), service.ruleset).issues:
                sentence = draft.sentence_at(issue.offset)
                assert issue.offset == sentence.start, (rule.id, text)
                assert text[issue.offset + issue.length:].strip() in ("", ".", "!", "?", "?!", "!!") or \
                    text[issue.offset + issue.length] in ".;!?\n\"", (rule.id, text)
                assert all(r[:1].isupper() for r in issue.replacements), rule.id
                checked += 1
    assert checked > 300


@pytest.mark.parametrize("text, expected", [
    ("Sorry the banner was late, but your team changed the copy three times.", "Sorry the banner was late, and that's on me."),
    ("Apologies for the wrong invoice; however, the PO we received was incomplete.", "Apologies for the wrong invoice; that's on me."),
    ("I'm sorry the report slipped. If your analysts had sent the data on time, it would have been done.",
     "I'm sorry the report slipped. That's on us, and here's what we're doing to fix it."),
])
def test_the_excuse_is_replaced_by_owning_it_in_the_same_slot(check, text, expected):
    issue, = check(text=text, rules=["blame.apology-then-excuse"]).issues
    assert applied(text, issue, issue.replacements[0]) == expected


def test_a_no_remedy_replacement_adds_the_next_step_after_the_apology(check):
    text = "Sorry, we couldn't make the call today due to travel."
    issue, = check(text=text, rules=["apology.no-remedy"]).issues
    assert [applied(text, issue, r) for r in issue.replacements] == [
        "Sorry, we couldn't make the call today due to travel. I'll have it to you by Thursday, [date].",
        "Sorry, we couldn't make the call today due to travel. Could we reschedule for Thursday, [date]?",
    ]


@pytest.mark.parametrize("text", [
    "Apologies for the oversight on the invoice.",
    "We apologise that your appointment was cancelled at short notice.",
    "My apologies — the samples never went out.",
    "Please accept our sincere apologies for the delay in issuing your tickets, which we had committed to sending by 1 May.",
])
def test_session_4_misses_without_a_next_step(check, text):
    assert found(check, text, "apology")


@pytest.mark.parametrize("text", [
    "So sorry we dropped the ball on your renewal; it's now renewed to next May.",
    "Apologies for the oversight — the corrected invoice is attached.",
    "I owe you an apology for not turning up to the session on Saturday. Could we do next Saturday at 10am instead?",
])
def test_session_4_misses_with_a_fix_pass(check, text):
    assert not found(check, text, "apology")


def test_the_date_of_the_missed_session_is_not_a_new_date(check):
    text = "I owe you and Kayla a huge apology for not turning up to the session on Saturday. There's really no excuse."
    assert found(check, text, "apology")


# Replacements that keep the writer's words (issue 3: "a concrete replacement that keeps the writer's meaning").

def test_first_replacement_of_every_flag_example_reads_as_a_sentence(check, service):
    """Apply each blame-shifting and apology rule's first replacement to its flag examples: the result
    must be text a professional would send as it stands, bar at most two [placeholders]."""
    # the learned signal's replacement is its own engineer's (a template of three placeholders)
    rules = [r for r in service.ruleset.rules if r.category in ("blame-shifting", "apology") and r.check != "learned"]
    rewrites = list(first_rewrites(check, rules))
    problems = [(rule, text, rewritten, p) for rule, text, rewritten in rewrites for p in reads_as_a_sentence(rewritten)]
    checked = len(rewrites)
    assert checked > 400
    assert not problems, problems[:10]


@pytest.mark.parametrize("rule, text, expected", [
    ("apology.groveling", "I can't apologise enough for the delay.",
     "I'm sorry for the delay, and here's the fix: [fix]."),
    ("apology.groveling", "I feel awful about the mix-up with your tickets.",
     "I'm sorry about the mix-up with your tickets, and here's the fix: [fix]."),
    ("apology.self-punishing", "Honestly, I'm red-faced about the typo.",
     "I'm sorry about the typo. I got it wrong, and here's the fix: [fix]."),
    ("apology.self-punishing", "I have no excuse for missing the filing.",
     "I'm sorry for missing the filing. I got it wrong, and here's the fix: [fix]."),
    ("apology.pleading", "Sorry to be such a pest about the forms.",
     "I'm sorry about the forms, and here's how I'm fixing it: [fix]."),
    ("blame.hedged-harm", "We regret any difficulties you may have experienced with the app.",
     "I'm sorry for what went wrong with the app."),
    ("blame.you-misread", "I think you've misunderstood how the retainer works.",
     "Let me explain how the retainer works again, in case I wasn't clear: [the point]."),
    ("blame.someone-else-handled", "The quote was put together by a former colleague, so I can't comment on how the price was reached.",
     "I'll find out how the price was reached and come back to you by [day]."),
    ("blame.wasnt-me", "I only joined last month, so I don't know what was agreed.",
     "I'll find out what was agreed and come back to you by [day]."),
    ("blame.decision-was-made", "Somewhere along the line a decision was made not to ship the order.",
     "We've decided not to ship the order, because [reason]."),
    ("blame.decision-was-made", "It has been decided that your claim will not proceed.",
     "We've decided that your claim will not proceed, because [reason]."),
    ("apology.over-apology", "Sorry to bother you, and sorry if this is obvious, but where is the form?",
     "Sorry to bother you, but where is the form?"),
    ("blame.hands-tied", "I'm afraid my hands are tied on the cancellation fee.",
     "I can't change the policy on the cancellation fee, but here's what I can do: [option]."),
    ("blame.everyone-else-managed", "No other team has struggled with the new login.",
     "I'm sorry you've had trouble with the new login; let's get this working for you: [next step]."),
    ("blame.sorry-anyway", "The courier lost it, but apologies regardless.",
     "The courier lost it, and I'm sorry; here's what we're doing about it: [fix]."),
    ("blame.sorry-anyway", "The bank held it up - sorry anyhow.",
     "The bank held it up and I'm sorry; here's what we're doing about it: [fix]."),
    ("blame.their-job", "Renewing the certificate was your IT department's job, not ours.",
     "Renewing the certificate fell outside our agreement, but here's what we can do now: [option]."),
    ("blame.their-job", "It was always your team's job to check the proofs.",
     "It fell outside our agreement to check the proofs, but here's what we can do now: [option]."),
    ("blame.their-job", "Under the SLA, responsibility for user training rests with your team.",
     "Under the SLA, user training fell outside our agreement, but here's what we can do now: [option]."),
    ("blame.excuse-opener", "We were never sent the updated floor plan.",
     "We should have confirmed the updated floor plan with you sooner; to finish this, we need [what's missing] by [day]."),
    ("blame.excuse-opener", "At no point did anyone on your side mention the deadline.",
     "We should have confirmed the deadline with you sooner; to finish this, we need [what's missing] by [day]."),
    ("blame.the-system-did-it", "Our CRM sent the reminder to the wrong address, not us.",
     "Our CRM sent the reminder to the wrong address, and that's on us; we've fixed it: [what we did]."),
    ("blame.the-system-did-it", "The billing platform applied the old rate on its own.",
     "The billing platform applied the old rate, and that's on us; we've fixed it: [what we did]."),
    ("blame.the-system-did-it", "The mix-up is down to our booking platform, I'm afraid.",
     "The mix-up is down to our booking platform, and that's on us; we've fixed it: [what we did]."),
])
def test_first_replacement_keeps_what_the_writer_named(check, rule, text, expected):
    issue, = check(text=text, rules=[rule]).issues
    assert applied(text, issue, issue.replacements[0]) == expected


@pytest.mark.parametrize("rule, text, expected", [
    # nothing to keep: the template still reads as a sentence
    ("apology.groveling", "I apologise from the bottom of my heart.", "I'm sorry, and here's the fix: [fix]."),
    ("blame.you-misread", "You've clearly got the wrong end of the stick.",
     "Let me explain again, in case I wasn't clear: [the point]."),
    ("blame.hedged-harm", "Sorry about whatever the courier did.", "I'm sorry for what went wrong."),
    ("blame.excuse-opener", "In fairness to my team, the spec changed twice that week.",
     "We should have confirmed with you sooner; to finish this, we need [what's missing] by [day]."),
    # a time after "until" is not the thing that was missing
    ("blame.excuse-opener", "We weren't told about the change until the day itself.",
     "We should have confirmed with you sooner; to finish this, we need [what's missing] by [day]."),
])
def test_first_replacement_without_a_topic_is_still_a_sentence(check, rule, text, expected):
    issue, = check(text=text, rules=[rule]).issues
    assert applied(text, issue, issue.replacements[0]) == expected


# Session 5: devices unseen writers used (w13v-w18v, w19-w24), each written in fresh words.

@pytest.mark.parametrize("text", [
    "We apologise for the error, which originated in the data supplied by your office.",
    "Sorry for the confusion over the rates, which were agreed by my predecessor before I took over.",
    "Sorry the invoice was wrong, though the mistake came from your purchasing team.",
    "I apologise for the late delivery, but the hold-up started at your loading bay.",
    "Apologies for the muddle over the guest list, which was drawn up by your PA.",
    "I'm sorry the booking process frustrated you, but it's the same for everyone.",
    "Sorry for the delay on the report, but we only received the final figures from your team on Friday.",
    "Yes, the return went in late — the accountant's paperwork was a mess.",
])
def test_session_5_apology_then_fault_back(check, text):
    assert "blame.apology-then-excuse" in [i.rule for i in check(text=text, rules=["blame.apology-then-excuse"]).issues]


@pytest.mark.parametrize("text", [
    "Sorry for the confusion over the rates; the correct figures from our own price list are attached.",
    "Please accept our apologies that the valuation did not reach you by 14 November as promised.",
    "My apologies — the samples never went out.",
    "Sorry the return went in late; it's filed now and the penalty is refunded.",
])
def test_session_5_apologies_that_blame_nobody(check, text):
    assert not found(check, text, "blame-shifting")


def test_a_standalone_passive_about_the_readers_material_with_its_consequence_is_blame(check):
    text = "The raw footage was not received in a usable format, which is why the edit slipped."
    assert found(check, text, "blame-shifting")


@pytest.mark.parametrize("text", [
    "My sincere apologies that the valuation report was not with you on Friday as agreed.",
    "Apologies that the draft accounts weren't with you by the 15th as we agreed.",
    "Sorry the contract wasn't sent over before the weekend as I'd said.",
    "Apologies for the delay on the collection, that's on me.",
])
def test_session_5_missed_commitments_without_a_next_step(check, text):
    assert found(check, text, "apology")


@pytest.mark.parametrize("text", [
    "Apologies that the report wasn't with you on Friday; it's attached now.",
    "I attached the wrong file — sorry, the right one is here.",
    "Sorry the patio still isn't finished; the stone should arrive next week.",
    "Apologies for the delay on the collection, that's on me — the wagon is booked for Thursday 8am.",
])
def test_session_5_missed_commitments_with_a_next_step_pass(check, text):
    assert not found(check, text, "apology")


def test_session_5_variants_first_run_record(service):
    """Fresh variants of the session-5 devices and near-misses (tests/data/tone_ba_s5.jsonl), written
    before the rules that catch them: round 1 (90 devices) was 32/90 with the session-start rules, round 2
    (40 devices in new words) 22/40 with the round-1 rules, round 3 (30) 22/30 with the round-2 rules, round 4
    (25) 14/25 with the round-3 rules, round 5 (20) 14/20 with the round-4 rules; none of the 100 near-misses,
    nor 42 ordinary sentences that use the new word classes (12 of them flagged before the two stress
    rounds), may be flagged."""
    items = [json.loads(line) for line in open(DATA / "tone_ba_s5.jsonl")]
    devices = [i for i in items if i["expect"]]
    caught = sum(any(x.category == i["expect"][0]["category"] for x in service.check(parse_check({"text": i["text"]}), service.ruleset).issues)
                 for i in devices)
    flagged = [i["text"] for i in items if not i["expect"]
               and any(x.category in ("blame-shifting", "apology") for x in service.check(parse_check({"text": i["text"]}), service.ruleset).issues)]
    assert caught >= len(devices) - 4  # left: 'happens to the best of us', 'approved the proofs without comment', 'Entschuldigung for…', 'the PO number came from your purchasing team'
    assert not flagged


def test_a_promise_with_no_time_is_no_new_plan_for_the_miss(check):
    # the vague promise is also vague-commitment's finding; the apology still leaves the reader to chase
    assert found(check, "So sorry the survey slipped, that's on me. I'll get it over as soon as I can.", "apology")
    assert not found(check, "So sorry the survey slipped, that's on me. I'll get it over by Thursday noon.", "apology")
    assert not found(check, "Sorry the survey slipped. I've sent it now, and I'll call you when I get a moment.", "apology")


def test_the_readers_own_dated_email_after_a_contrast_is_blame(check):
    text = "Apologies for the mix-up over the venue, though your email of the 2nd did say the Crown."
    assert found(check, text, "blame-shifting")


def test_news_told_with_regret_is_not_an_apology_for_a_miss(check):
    # "Regrettably, …" reports what happened (blame-shifting judges its passive); it promises nothing to fix
    text = "Regrettably, the pallets were not checked at the depot, and two arrived damaged. Please claim through the portal."
    assert not found(check, text, "apology")
    assert found(check, "We regret that the pallets were not checked at the depot.", "apology")


def test_session_5_held_out_round_keeps_its_first_run(service):
    """tests/data/tone_ba_s5_holdout.jsonl: 20 devices and 10 near-misses written after the last session-5
    rule and never tuned on. First run 11/20 (blame 8/15, apology 3/5), no near-miss flagged: the honest
    estimate of recall on unseen wording. A later rule may raise it; nothing may lower it."""
    items = [json.loads(line) for line in open(DATA / "tone_ba_s5_holdout.jsonl")]

    def categories(text):
        return {x.category for x in service.check(parse_check({"text": text}), service.ruleset).issues}

    caught = sum(i["expect"][0]["category"] in categories(i["text"]) for i in items if i["expect"])
    flagged = [i["text"] for i in items if not i["expect"] and categories(i["text"]) & {"blame-shifting", "apology"}]
    assert caught >= 11
    assert not flagged


# Session 6: families seen in two or more unseen writers' drafts (w19v-w24v), each written as fresh
# variants before the rules; the near-misses share their words and must stay clean.
@pytest.mark.parametrize("text", [
    "If our statement caused any confusion, then naturally I apologise.",
    "If there's been any confusion regarding the schedule, that's regrettable.",
    "I apologize if the pricing was unclear.",
    "I'm sorry this has caused you so much frustration.",
    "Apologies that the quote came as a shock, but it reflects the current rates.",
    "I'm sorry the changes were misunderstood.",
    "I was fairly sure the quote made that clear.",
    "To be fair, I did explain this in my last email.",
    "The hold-up sits with the printers, who missed their slot.",
    "Our subcontractor, who frankly dropped the ball, has been told.",
    "Our subcontracted haulier let us down badly on this occasion.",
    "So sorry we missed the install date, but your site contact wasn't there to let us in.",
    "The spreadsheet converted the codes to dates and no one noticed.",
    "The damage was down to the packaging your team insisted on.",
    "Our old account manager made promises he couldn't keep.",
    "If payment had gone through by Friday, the tickets would still be held for you.",
    "The launch slipped, as projects often do.",
    "Some things are simply beyond anyone's control.",
    "Regrettably, several pages were omitted during the upload to the portal.",
])
def test_session_6_blame_families(check, text):
    assert found(check, text, "blame-shifting")


@pytest.mark.parametrize("text", [
    "If there's any confusion about the fee basis, just give me a ring.",
    "Sorry if this isn't clear — I'm writing from my phone.",
    "I'm sorry the delay has been so frustrating — I've rebooked the fitter for 8am Friday.",
    "Sorry to hear the move has been so stressful for you.",
    "I thought the presentation was very clear — thanks for sharing it.",
    "I thought I'd made that clear, but clearly I didn't — sorry, here's the full breakdown.",
    "Our previous account manager, Dana, has moved to the Leeds office; I'm your contact now.",
    "Excel can reformat dates, so I've saved the file as a PDF for you.",
    "The weather is out of anyone's hands, so we've booked the marquee as a backup.",
    "Projects like this often run over, so we've built two weeks of slack into the plan.",
    "Had a great time at the launch, thank you!",
    "Apologies for missing Tuesday's call — I was stuck with an emergency. I'm free Thursday at 10; does that suit?",
    "Sorry to be a pain, but could you resend the rider as a PDF?",
])
def test_session_6_near_misses(check, text):
    assert not found(check, text, "blame-shifting") and not found(check, text, "apology")


def test_a_miss_dated_in_the_sentence_that_names_it_still_wants_a_next_step(check):
    # "for Monday" dates what was promised, not a new plan
    issue, = found(check, "Oops, sorry! The rate sheet I promised for Monday totally slipped through the cracks.", "apology")
    assert issue.rule == "apology.no-remedy" and "slipped through the cracks" in issue.text
    assert not found(check, "Oops, sorry! The rate sheet slipped through the cracks. You'll have it on Monday.", "apology")


def test_an_apology_taken_back_by_blame_is_blame_not_a_missing_remedy(check):
    text = "I'm sorry the rollout didn't go to plan, but your IT team gave us the wrong server details."
    assert found(check, text, "blame-shifting") and not found(check, text, "apology")
    # owning the miss in so many words still wants the next step
    text = "Sorry I missed the kickoff this morning, but nobody told me it had moved to 8."
    assert found(check, text, "blame-shifting") and found(check, text, "apology")


def test_apologising_for_the_apology_joins_the_groveling_passage(check):
    issue, = found(check, "Sorry again! And sorry for the delay in saying sorry! I do feel awful about the missed demo.", "apology")
    assert "I do feel awful" in issue.text


# Session 6, after reading w25-w30 (first scored blind): their misses as device classes, in fresh words.
@pytest.mark.parametrize("text", [
    "If my notes on the pitch came across as blunt, I apologise, but somebody had to raise it.",
    "Sorry you found the menu underwhelming; the rest of the party seemed to love it.",
    "This error is from our dispatch team, not from me.",
    "Honestly this was the fault of our night driver.",
    "That quote came from Raj, so please take it up with him.",
    "It's sorted now, so there's no point dwelling on it.",
    "We printed it exactly as your brief asked.",
    "You might want to re-read the contract you signed.",
    "Sorry the boiler is playing up again, but I did ask in May whether you wanted a service.",
    "They do clog when guests flush wipes.",
])
def test_session_6_second_round_blame_devices(check, text):
    assert found(check, text, "blame-shifting")


def test_a_formal_apology_for_failing_to_deliver_wants_a_next_step(check):
    assert found(check, "Please accept our apologies for failing to file your return on time.", "apology")
    # a hedged promise to deliver is a next step (its vagueness is vague-commitment's finding)
    assert not found(check, "The report is overdue and I'm sorry. I'm hoping to get it over to you soon.", "apology")


def test_a_surprise_is_a_non_apology_only_when_it_is_taken_back(check):
    assert not found(check, "I'm sorry the bill came as a surprise. We can set up a payment plan.", "blame-shifting")
    assert found(check, "I'm sorry the bill came as a surprise, but the fee was on the estimate.", "blame-shifting")


def test_session_7_variants_record(service):
    """tests/data/tone_ba_s7.jsonl: session-7 devices from w25v-w30v's misses. Round 1 (132 devices, 12 per
    device, written before the rules) was 39/132 with the session-start rules and 128/132 after; round 2
    (22 devices, written after the rules and never tuned on) was 16/22 on first run, with 3 of its 11
    near-misses flagged (since fixed); round 3 (24 devices in new registers, written after the round-2
    generalisation) was 17/24 on first run, with 3 of its 20 near-misses flagged (since fixed); round 4 (20
    devices, 5 of them older blame devices, written after round 3's rules) was 13/20 on first run, 0/12
    near-misses flagged. No near-miss of either round, nor the precision families (passive
    reports of third-party or market events, counterfactuals in a third party's reported view — 3 of
    which blame.learned still flags, not these rules' finding — and apologies that are no missed
    commitment), may be flagged by a pattern rule or the apology checks."""
    items = [json.loads(line) for line in open(DATA / "tone_ba_s7.jsonl")]

    def found(text):
        return service.check(parse_check({"text": text}), service.ruleset).issues

    devices = [i for i in items if i["expect"]]
    caught = sum(any(x.category == i["expect"][0]["category"] for x in found(i["text"])) for i in devices)
    flagged = [i["text"] for i in items if not i["expect"]
               and any(x.category in ("blame-shifting", "apology") and x.rule != "blame.learned" for x in found(i["text"]))]
    assert caught >= 190  # of 198
    assert len(flagged) <= 1  # "Sorry I couldn't join the call — who is taking notes?" (no-remedy; borderline)


def test_the_readers_thing_slipping_through_is_the_writers_miss(check):
    # the reader's invoice "slipped through" on the writer's side: the reader did nothing
    text = "Sorry — your March invoice slipped through during our system changeover. It's been approved today and will be paid Friday."
    assert not found(check, text, "blame-shifting")
    assert found(check, "Sorry for the delay, but your office sent the invoice to the wrong address.", "blame-shifting")
