"""Accusatory questions: the structural checks in tact/checks/questions.py and the verdicts
that context reverses (suggestions, questions about things, someone else's words)."""
import re

import pytest

from labeled import score
from rewrites import applied, first_rewrites, reads_as_a_sentence


def accusations(check, text, **context):
    result = check(text=text, context=context) if context else check(text=text)
    return [i for i in result.issues if i.category == "accusatory-question"]


def test_seed_purpose_question_next_to_gatekeeping_is_flagged(check):
    text = "Can you clarify the purpose of this call? I typically know the people I meet with."
    [issue] = accusations(check, text)
    assert issue.rule == "accusatory.purpose-demand"
    assert issue.text == "Can you clarify the purpose of this call?"
    assert issue.replacements and all("?" in r for r in issue.replacements)


def test_purpose_question_alone_is_a_fair_question(check):
    assert accusations(check, "Can you clarify the purpose of this call? I'd like to prepare.") == []


def test_gatekeeping_counts_only_in_neighbouring_sentences(check):
    far = ("I typically know the people I meet with. Thanks for the note. The office is on floor 3. "
           "Parking is free. Can you clarify the purpose of this call?")
    near = "Thanks for the note. I typically know the people I meet with. Can you clarify the purpose of this call?"
    assert accusations(check, far) == []
    assert [i.rule for i in accusations(check, near)] == ["accusatory.purpose-demand"]


def test_intensifier_alone_makes_a_purpose_question_a_demand(check):
    [issue] = accusations(check, "Hi Sam,\n\nWhat exactly is the purpose of this call?\n\nLee")
    assert issue.text == "What exactly is the purpose of this call?"


def test_purpose_question_inside_quotation_marks_is_not_the_writers(check):
    text = "The regulator asked, \u201cWhat exactly is the purpose of this call?\u201d I've drafted a reply."
    assert accusations(check, text) == []


@pytest.mark.parametrize("text", [
    "Why don't we meet Tuesday?",
    "Why don't you take Friday off? You've earned it.",
    "Why does the report show two totals?",
    "Could you walk me through the new rota?",
    "Who will be presenting on Thursday?",
    "Do you know who approved the original budget? I need to send them the receipt.",
    "How hard would it be to add a CSV export?",
    "Is the meeting still on for Friday?",
    "Really? That's great news!",
    "Since when has the caf\u00e9 served breakfast? Great news if so.",
])
def test_suggestions_and_questions_about_things_are_not_accusations(check, text):
    assert accusations(check, text) == []


@pytest.mark.parametrize("text, rule", [
    ("Why didn't you send the deck?", "accusatory.why-didnt-you"),
    ("Why haven't you updated the tracker?", "accusatory.why-havent-you"),
    ("How could you forget the signed copy?", "accusatory.how-could-you"),
    ("Did you even read the brief?", "accusatory.did-you-even"),
    ("Do you not check your email?", "accusatory.did-you-even"),
    ("Who signed off on the new rates without asking sales?", "accusatory.culprit"),
    ("Who gave you my calendar link?", "accusatory.culprit"),
    ("Is there a reason you ignored my last three emails?", "accusatory.excuse-demand"),
    ("How is the login bug still not fixed?", "accusatory.still-not-done"),
    ("Why am I only hearing about this now?", "accusatory.left-out"),
])
def test_accusatory_devices_are_flagged_by_their_rule(check, text, rule):
    assert rule in [i.rule for i in accusations(check, text)]


def test_why_didnt_you_offers_a_request_that_keeps_the_verb(check):
    [issue] = accusations(check, "Why didn't you send the deck?")
    assert issue.text == "Why didn't you"
    fixed = "Why didn't you send the deck?".replace(issue.text, issue.replacements[0])
    assert fixed == "Could you send the deck?"


def test_quoted_accusation_is_not_flagged(check):
    text = "The customer's complaint said, \u201cWhy didn't you ship it on time?\u201d Could you check the order?"
    assert accusations(check, text) == []


def test_a_run_of_scoffs_is_one_issue(check):
    [issue] = accusations(check, "The pallet is in bay 4 again. Seriously? Again?")
    assert issue.rule == "accusatory.scoff" and issue.text == "Seriously? Again?"


def test_scoff_needs_the_whole_sentence(check):
    assert accusations(check, "Seriously, thank you for covering. Again, thanks for hosting?") == []


def test_the_quoted_thread_is_never_flagged(check):
    text = "Sounds good, see you then.\n\nOn Mon, Dana wrote:\n> Why didn't you send the deck?"
    assert accusations(check, text) == []


@pytest.mark.parametrize("text, rule", [
    ("How is it possible that the courier had the wrong address?", "accusatory.disbelief"),
    ("Why is it that I have to remind your staff about the forms?", "accusatory.disbelief"),
    ("Why does your office always lose the second page?", "accusatory.always-never"),
    ("Why is no one picking up the phone at the depot?", "accusatory.always-never"),
    ("Were you planning on telling us about the move at some point?", "accusatory.left-out"),
    ("Has it not occurred to anyone that the lift is broken?", "accusatory.left-out"),
    ("So nobody bothered to confirm the booking?", "accusatory.did-you-even"),
    ("Am I supposed to just guess which file is current?", "accusatory.burden"),
    ("Didn't you promise the floor plan by Monday?", "accusatory.negative-reproach"),
])
def test_rhetorical_devices_are_flagged_by_their_rule(check, text, rule):
    assert rule in [i.rule for i in accusations(check, text)]


@pytest.mark.parametrize("text", [
    "How is it possible to download the slides?",
    "Why do the buses always run late on Fridays?",
    "Were you planning on joining us for lunch?",
    "Who let you know about the vacancy? I'd like to thank them.",
    "Am I supposed to bring ID to the site visit?",
    "Didn't you say you were in Madrid in May? Let's meet there.",
    "How on earth did you pull that off in a week? Amazing work.",
])
def test_genuine_questions_sharing_the_words_are_not_accusations(check, text):
    assert accusations(check, text) == []


def test_fresh_phrasings_written_before_the_rules(service):
    """tests/data/tone_a_fresh.jsonl: sentences written before the rules for the device families
    (see each item's `kind`), so this measures general coverage, not memorised sentences."""
    report = score(service, "tone_a_fresh.jsonl", ("accusatory-question", "condescension"))
    for category in ("accusatory-question", "condescension"):
        assert report.scores[category].recall >= 0.9, category
        assert report.scores[category].precision >= 0.9, category
    assert report.clean_flagged <= 2


@pytest.mark.parametrize("text, rule", [
    ("How many more reminders does the finance office need?", "accusatory.how-many-more"),
    ("Who really thought that was a sensible deadline?", "accusatory.who-thought"),
    ("Is anyone over there going to take responsibility for the outage?", "accusatory.ownership"),
])
def test_round_three_devices_are_flagged(check, text, rule):
    assert rule in [i.rule for i in accusations(check, text)]


@pytest.mark.parametrize("text", [
    "How many reminders should the booking system send?",
    "Who thought of the venue? It was perfect.",
    "Is anyone willing to own the rota next month?",
])
def test_round_three_near_misses_are_not_accusations(check, text):
    assert accusations(check, text) == []


@pytest.mark.parametrize("text, rule", [
    ("What on earth were you thinking?", "accusatory.how-could-you"),
    ("What was going through their heads?", "accusatory.how-could-you"),
    ("Who on earth signed this off?", "accusatory.culprit"),
    ("What made you think the landlord wouldn't mind?", "accusatory.judgement-question"),
    ("Which part of 'no deliveries after six' is confusing you?", "accusatory.incomprehension"),
    ("Are you going to refund us or not?", "accusatory.ultimatum"),
    ("Were you ever actually planning to send the photos?", "accusatory.bad-faith"),
    ("Was the quote even checked before it went out?", "accusatory.competence-question"),
    ("How is a broken lock my problem?", "accusatory.not-my-problem"),
    ("What's taking your installers so long?", "accusatory.chase-demand"),
    ("Do you realise how many tenants have complained?", "accusatory.impact-lecture"),
    ("So exactly when were you going to pay us?", "accusatory.exactly-challenge"),
])
def test_session_two_devices_are_flagged(check, text, rule):
    # Another rule of the category may report the same words first (overlapping findings merge);
    # each rule's own examples are checked by `tact rules test`.
    assert accusations(check, text), rule


@pytest.mark.parametrize("text", [
    "What were you thinking of for the team lunch?",
    "Who signed up for the quiz night?",
    "What made you choose Porto? Great city.",
    "Which part of the course did you enjoy most?",
    "Is the buffet vegetarian or not? Either is fine.",
    "Were you planning to bring the samples on Friday?",
    "Has the flyer been proofread yet? I can do it tonight.",
    "How is the problem with the boiler now?",
    "What's the usual delay for a visa?",
    "Do you know how many guests are coming?",
    "When exactly are you arriving on Tuesday?",
])
def test_session_two_near_misses_are_not_accusations(check, text):
    assert accusations(check, text) == []


def test_session_two_fresh_device_set(service):
    """tests/data/tone_ca_accusatory.jsonl: 28 devices, three sentences and two near-misses each,
    written before the session-2 rules (first run: recall 0.23). The rule examples are other sentences."""
    report = score(service, "tone_ca_accusatory.jsonl", ("accusatory-question",))
    assert report.scores["accusatory-question"].recall >= 0.9
    assert report.clean_flagged == 0


def test_purpose_prefilter_never_skips_a_sentence_the_pattern_matches():
    """The substring prefilter is only a shortcut: every sentence _PURPOSE matches passes it."""
    import json
    from pathlib import Path

    from tact.checks.questions import _PURPOSE, _may_ask_purpose

    samples = [
        "What is this call regarding?", "What exactly was that meeting about?", "Why do you need a meeting with me?",
        "How did you even get my number?", "Could you clarify the purpose of the visit?", "What's the point of this call?",
    ]
    for path in ("/work/shared/eval/sentences.jsonl", str(Path(__file__).parent / "data" / "tone_ca_accusatory.jsonl")):
        if Path(path).exists():
            samples += [json.loads(line)["text"] for line in open(path)]
    matched = [s for s in samples if _PURPOSE.search(s)]
    assert len(matched) >= 6
    assert all(_may_ask_purpose(s) for s in matched)


# ---- Session 3: devices unseen authors use (independent drafts w1v-w6v, w9-w12) and the
# reversals that keep them from firing on fair questions.

def pattern_accusations(check, text):
    """Findings of this file's pattern and structural rules (severity `warning`); the learned
    signal (severity `suggestion`) is scored by its own tests."""
    return [i for i in accusations(check, text) if i.severity == "warning"]


@pytest.mark.parametrize("text", [
    "Is the plan just to keep bouncing the claim until the client gives up?",
    "Were you hoping nobody would spot the missing pages?",
    "Did anyone on your side bother to proofread this?",
    "Has anyone on your team logged in at all this quarter?",
    "Was any of this even validated before it went into a board pack?",
    "Is anyone over there actually in charge of our account?",
    "Did the contract just sit in someone's inbox for two weeks?",
    "What exactly has the team been doing all this time?",
    "Can you honestly tell me you checked these figures before sending them?",
    "Is checking them before forwarding not part of what we pay you for?",
    "Is this the level of quality we should expect for your day rate?",
    "What about 'final' was unclear?",
    "You did check the figures before sending them, right?",
    "Seriously, how does a deep clean miss the entire staff kitchen?",
    "How does a licensed shop sign off an aircraft with a crack you can see from the ramp?",
    "Why am I only finding this out three days later?",
    "Is this meant to be some kind of joke?",
    "Why does every delivery from your team arrive at 24 frames?",
    "Do you realise forty of my staff have just been paid the wrong amount?",
    "How does this keep happening?",
    "Have we fallen off your radar?",
    "So nobody thought to call?",
])
def test_session_three_devices_are_flagged(check, text):
    assert pattern_accusations(check, text), text


@pytest.mark.parametrize("text", [
    "Is the plan still to launch in May?",
    "Did anyone on your side get a chance to read the draft yet?",
    "Were the samples measured in centimetres or inches?",
    "How hard is it to learn Portuguese, do you think?",
    "Are you saying you'd prefer Tuesday?",
    "Is this the level of detail you need for the audit?",
    "What is unclear about the brief? Happy to expand on any section.",
    "You're coming on Friday, right?",
    "Seriously, how did you pull that off in a week? Amazing.",
    "How does the scanner miss barcodes? Is it the lighting?",
    "Who signed off the design? It's gorgeous.",
    "Is it too much to ask for two extra chairs? No worries if not.",
    "Did you even get a break today? You deserve one.",
    "Why is it always so busy on Fridays?",
    "So nobody needs a lift on Friday?",
    "Is this how you'd like the files named?",
])
def test_session_three_near_misses_are_not_accusations(check, text):
    assert pattern_accusations(check, text) == []


def test_how_hard_is_it_needs_a_failure_nearby(check):
    jab = "Your invoice bounced again because the PO number is missing. How hard is it to put a PO number on an invoice?"
    question = "We're moving offices in June. How hard is it to put a new address on the invoices?"
    assert [i.rule for i in pattern_accusations(check, jab)] == ["accusatory.how-hard-is-it"]
    assert pattern_accusations(check, question) == []


def test_a_basic_check_is_a_jab_only_after_a_reported_failure(check):
    jab = "Your reply didn't answer any of my questions. Did you read my email?"
    fair = "I've sent the schedule for Friday. Did you read my email about parking?"
    assert [i.rule for i in pattern_accusations(check, jab)] == ["accusatory.basic-check"]
    assert pattern_accusations(check, fair) == []


def test_session_three_fresh_device_set(check):
    """tests/data/tone_acc_s3.jsonl: four rounds of sentences written before the rules that
    followed them (device families of the issue, other registers, non-native word order, questions
    after a reported failure), with near-misses. First runs, before any rule for them: round 3
    recall 10/42 with 7 of 52 near-misses flagged (all by older rules); round 4 recall 8/30 with
    0 of 20 near-misses flagged; round 5 recall 18/46 with 2 of 28 near-misses flagged; round 6 recall 9/30 with 0 of 15
    near-misses flagged."""
    import json
    from pathlib import Path

    items = [json.loads(line) for line in (Path(__file__).parent / "data" / "tone_acc_s3.jsonl").open()]
    devices = [i["text"] for i in items if i["category"]]
    near_misses = [i["text"] for i in items if not i["category"]]
    assert len(devices) >= 410 and len(near_misses) >= 160
    caught = sum(bool(pattern_accusations(check, t)) for t in devices)
    flagged = [t for t in near_misses if pattern_accusations(check, t)]
    assert caught / len(devices) >= 0.93, caught
    assert flagged == []


@pytest.mark.parametrize("text, rule", [
    ("Why your engineers never ring before they come?", "accusatory.why-uninverted"),
    ("Why did you move the server without telling us?", "accusatory.without-step"),
    ("Where on earth did these surcharges come from?", "accusatory.where-from"),
    ("What happened to the quarterly audits we've been paying for?", "accusatory.paid-for"),
    ("Seriously, who thought this was finished?", "accusatory.seriously"),
    ("What exactly have the installers been doing since Tuesday?", "accusatory.idle-demand"),
    ("Who at your end cancelled our slot?", "accusatory.culprit-side"),
    ("What's the real reason the order keeps slipping?", "accusatory.real-reason"),
    ("Was this manual even proofread before it was printed?", "accusatory.even-checked"),
    ("Who at your firm is actually progressing our case?", "accusatory.who-actually"),
    ("Could you explain why our signed-off colour scheme was ignored?", "accusatory.explain-disregard"),
    ("Is this meant to be funny?", "accusatory.joke"),
    ("Why can no one confirm a delivery date?", "accusatory.unreachable"),
    ("What do we pay your agency for, then?", "accusatory.paid-for"),
    ("Can't you read the drawings?", "accusatory.did-you-even"),
])
def test_session_four_devices_are_flagged_by_their_rule(check, text, rule):
    assert rule in [i.rule for i in check(text=text, rules=[rule]).issues]


@pytest.mark.parametrize("text", [
    "Why you should book the early-bird rate?",  # a heading, not a charge
    "Why did you pick the venue without a stage? Just curious.",
    "Where exactly is the loading bay?",
    "Seriously, thank you for staying late!",
    "What are the painters doing first on Monday?",
    "Who at your end will sign the contract?",
    "What's the main reason for the change, cost?",
    "Do you really think the green works better? I can't decide.",
    "Did you not get my invite? It may be in your junk folder.",
    "Why is it so hard to find a taxi near the hotel?",
])
def test_session_four_near_misses_are_not_accusations(check, text):
    assert accusations(check, text) == []


# Replacements that keep the writer's words (issue 3: "a concrete replacement that keeps the writer's meaning").

def test_first_replacement_of_every_accusatory_flag_example_reads_as_a_sentence(check, service):
    """Apply each accusatory rule's first replacement to its flag examples: the result must be text a
    professional would send as it stands, bar at most two [placeholders]."""
    # the learned signal's replacement is its own engineer's (a template of three placeholders)
    rules = [r for r in service.ruleset.rules if r.category == "accusatory-question" and r.check != "learned"]
    rewrites = list(first_rewrites(check, rules))
    problems = [(rule, text, rewritten, p) for rule, text, rewritten in rewrites for p in reads_as_a_sentence(rewritten)]
    checked = len(rewrites)
    assert checked > 350
    assert not problems, problems[:10]


@pytest.mark.parametrize("rule, text, expected", [
    ("accusatory.why-didnt-you", "Why didn't you send the deck?", "Could you send the deck?"),
    ("accusatory.how-hard-is-it", "The PO number is missing again. How hard is it to put it on the invoice?",
     "The PO number is missing again. Could you make sure to put it on the invoice from now on?"),
    ("accusatory.unclear-about", "What is unclear about the deadline?",
     "To restate what I need about the deadline: [the request], by [date]."),
    ("accusatory.unclear-about", "What exactly didn't your team follow about the parking rules?",
     "To restate what I need about the parking rules: [the request], by [date]."),
    ("accusatory.without-step", "Why were you running the migration without taking a backup?",
     "Next time, please don't go ahead without taking a backup. Could you [the fix] by [date]?"),
    ("accusatory.even-checked", "Was that batch even tested?",
     "Could you check that batch again and send a corrected version by [date]?"),
    ("accusatory.even-checked", "Has this contract even been read by your lawyer?",
     "Could you check this contract again and send a corrected version by [date]?"),
    ("accusatory.basic-check", "The stand was built facing the wall. Did anyone look at the floor plan?",
     "The stand was built facing the wall. Could you check the floor plan again and let me know by [date]?"),
    ("accusatory.exasperated-opener", "Come on, who signs off a drawing without the dimensions?",
     "This needs fixing; could you let me know by [date] how you'll put it right?"),
    ("accusatory.how-does-a-pro", "How can a qualified electrician forget to earth the cooker?",
     "Could you look into how this was missed and let me know the fix?"),
    ("accusatory.recurrence", "How is this still happening after three tickets?",
     "Could you look into why this happened and let me know what will stop it recurring?"),
    ("accusatory.so-sarcasm", "So nobody thought to call?",
     "Could you let me know what happened, and how you'll put it right by [date]?"),
])
def test_first_accusatory_replacement_keeps_what_the_writer_named(check, rule, text, expected):
    issue, = check(text=text, rules=[rule]).issues
    assert applied(text, issue, issue.replacements[0]) == expected


@pytest.mark.parametrize("rule, text, expected", [
    # nothing to keep: the template still reads as a sentence
    ("accusatory.unclear-about", "What about 'final' was unclear?", "To restate what I need: [the request], by [date]."),
    ("accusatory.basic-check", "Three of the panels are the wrong colour again. Has anyone compared them to the sample?",
     "Three of the panels are the wrong colour again. Could you check again and let me know by [date]?"),
    ("accusatory.even-checked", "Were they even tested?", "Could you check again and send a corrected version by [date]?"),
])
def test_first_accusatory_replacement_reads_without_a_capture(check, rule, text, expected):
    issue, = check(text=text, rules=[rule]).issues
    assert applied(text, issue, issue.replacements[0]) == expected


@pytest.mark.parametrize("text", [
    "Am I paying you to tell me what I already know?",
    "Why do they keep cancelling our slots, when you told us it was fixed?",
    "What did your team think would happen if the site went live without a backup?",
    "Was there really no one who could be bothered to call us back?",
    "Was my email not clear enough?",
    "Was your team planning to invoice us for work that wasn't done?",
    "Are you telling me the form was live for a week and nobody noticed?",
    "Why is the invoice wrong for the fourth time in a row?",
    "Do you realise that this costs us a day of production?",
    "Why you delete the files without asking?",
    "Is it just something you tell all your clients?",
])
def test_session_five_unseen_accusations_are_flagged(check, text):
    assert accusations(check, text)


@pytest.mark.parametrize("text", [
    "Are we paying you to do the install as well, or is that the electrician?",
    "Why are you suddenly seeing this error? Did the update install?",
    "What did you think would happen at the launch, and did it go to plan?",
    "If nobody can be bothered to fill in the survey, shall we drop it?",
    "Were the photos clear enough to quote from?",
    "Were you planning to invoice us for the extra day?",
    "Are you telling me which option you prefer, or just listing them?",
    "Is that just what you tell everyone, or does my plan have extra cover?",
])
def test_session_five_near_misses_are_fair_questions(check, text):
    assert accusations(check, text) == []


@pytest.mark.parametrize("text, flagged", [
    ("Why am I having to chase this for the fourth time?", True),
    ("How do you expect us to plan when you change the date every week?", True),
    ("Did you not think to check with us first?", True),
    ("What's the point of having an account manager if nobody picks up?", True),
    ("How do you expect the market to move next quarter?", False),
    ("Why is it always so busy on Mondays, do you think?", False),
    ("Since when has the new pricing applied, so I can update our records?", False),
])
def test_session_five_second_round(check, text, flagged):
    assert bool(accusations(check, text)) is flagged


# Session 6: families from the session-5 blind drafts' misses (a sarcastic presumption, doubting the
# reader's role, "why is it always us"), variants written before the rules.
@pytest.mark.parametrize("text, rule", [
    ("Are you under the impression that our deadlines are optional?", "accusatory.incredulous"),
    ("Was your team under the impression that the invoice would pay itself?", "accusatory.incredulous"),
    ("Do you think we work for free?", "accusatory.incredulous"),
    ("Are you certain you're qualified to sign this off?", "accusatory.competence-question"),
    ("Is there anyone else on your team who actually understands billing?", "accusatory.competence-question"),
    ("Are you really the best person to be managing our project?", "accusatory.competence-question"),
    ("How come we're always the ones who notice the missing items?", "accusatory.excuse-demand"),
    ("Why does it always fall to us to catch these problems?", "accusatory.excuse-demand"),
])
def test_session_6_unseen_accusations_are_flagged_by_their_rule(check, text, rule):
    assert [i.rule for i in check(text=text, rules=[rule]).issues] == [rule]


@pytest.mark.parametrize("text", [
    "Were you under the impression that the deposit was refundable? If so, I'm sorry for the confusion.",
    "We were under the impression that you wanted the blue finish.",
    "Are you sure you're happy to take this on? It's a lot of extra work.",
    "Is there someone on your team who handles VAT questions?",
    "Why does it always rain on launch day? Typical!",
    "Could you tell me why the October invoice lists the deep clean twice? It may just be two separate visits.",
])
def test_session_6_near_misses_are_not_accusations(check, text):
    assert not accusations(check, text)


@pytest.mark.parametrize("text, rule", [
    ("Do you realise the renewal form had to be signed by Friday?", "accusatory.do-you-realize"),
    ("Do you realise we waited two hours in the rain?", "accusatory.do-you-realize"),
    ("Do you have any idea how many patients are waiting on this?", "accusatory.do-you-realize"),
    ("What've you lot been doing all month, then?", "accusatory.idle-demand"),
    ("Were the rooms even cleaned, or did the crew just tick the boxes?", "accusatory.sneering-alternative"),
])
def test_session_6_tuning_families_are_flagged_by_their_rule(check, text, rule):
    assert [i.rule for i in check(text=text, rules=[rule]).issues] == [rule]


@pytest.mark.parametrize("text", [
    "Do you realise the shop shuts at 5 on Saturdays? Just so you can plan.",
    "Do you have any idea how many guests are coming? No rush.",
    "Is this the final version, or is it just a draft for comments?",
])
def test_session_6_tuning_near_misses_are_fair_questions(check, text):
    assert not accusations(check, text)


# Session 7 (issue 3): the w25v-w30v misses as devices in fresh words (tests/data/tone_va_s7.jsonl,
# 12 variants and 6 near-misses a family).
def test_session_7_fresh_accusatory_variants_and_near_misses(service):
    acc = score(service, "tone_va_s7.jsonl", ("accusatory-question",)).scores["accusatory-question"]
    assert acc.tp >= 74 and acc.fp == 0


@pytest.mark.parametrize("text, rule", [
    ("On what grounds did you decide the deadline didn't apply to you?", "accusatory.what-makes-you-think"),
    ("Does anyone at your end look at the invoices before sending them?", "accusatory.did-you-even"),
    ("Is this honestly the best your studio could come up with?", "accusatory.sarcastic-verdict"),
    ("How exactly was this \u201cchecked\u201d?", "accusatory.sarcastic-verdict"),
    ("Why didn't your night shift crew call us when the alarm went?", "accusatory.why-didnt-you"),
])
def test_session_7_devices(check, text, rule):
    assert rule in [i.rule for i in accusations(check, text)]


@pytest.mark.parametrize("text", [
    "On what basis are the bonuses awarded this year?",
    "Is anyone free to check the timesheets before they go out on Monday?",
    "Was that really all it took? Amazing work, thanks so much.",
    "How do I mark the file as \"final\"?",
    "Why didn't the storm hit the coast as forecast?",
])
def test_session_7_near_misses_pass(check, text):
    assert accusations(check, text) == []


@pytest.mark.parametrize("ending", ["?!", "?🙄", "??"])
def test_a_question_ending_in_an_exclamation_or_an_emoji_is_still_a_question(check, ending):
    # "?!" once made the sentence a statement, and every question-only rule skipped it
    assert accusations(check, f"Hi Jo,\n\nWhy didn't you send the deck{ending}\n\nSam")
    assert accusations(check, f"Hi Jo,\n\nWho signed off on this{ending}\n\nSam")
