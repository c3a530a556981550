"""Vague commitments: a promise needs a day the reader can hold the writer to."""
import datetime as dt
import re

import pytest

from tact.checks.commitments import clause_around, has_concrete_time, suggested_deadline
from tact.model import Context

from labeled import score
from rewrites import applied, first_rewrites


def vague(check, text, **context):
    return [i for i in check(text=text, context=context).issues if i.category == "vague-commitment"]


def test_seed_when_i_can_is_flagged_with_a_dated_replacement(check):
    issues = vague(check, "I'll get back to you when I can.")
    assert len(issues) == 1
    assert "when I can" in issues[0].text
    assert issues[0].replacements[0] == "I'll get back to you by Thursday, [date]"


def test_replacement_names_a_real_weekday_when_the_send_time_is_known(check):
    issues = vague(check, "We'll send the revised plan soon.", sent_at="2026-07-14T09:30:00-07:00")
    assert issues[0].replacements[0] == "We'll send the revised plan by Thursday, July 16"


@pytest.mark.parametrize("text", [
    "I'll follow up shortly with the numbers.",
    "I'll push a fix ASAP.",
    "We'll circle back on pricing.",
    "Once the vendor replies, we'll confirm the dates.",
    "I'll have the report to you early next week.",
    "Let me check with finance and get back to you.",
    "Your account will be credited.",
    "Leave it with me.",
])
def test_undated_promises_are_flagged(check, text):
    assert vague(check, text)


@pytest.mark.parametrize("text", [
    "I'll get back to you by Friday at 3pm.",
    "We'll confirm your booking by end of day Tuesday.",
    "Your refund will be processed within 5 working days.",
    "See you soon!",
    "Get well soon, Marguerite.",
    "Could you get back to me when you know your numbers?",
    "I'll let you know if anything changes.",
    "The flight leaves shortly after 7am.",
    'The vendor wrote "we will revert in due course", so I chased them today.',
])
def test_dated_social_or_reader_side_sentences_pass(check, text):
    assert not vague(check, text)


def test_a_date_in_another_clause_does_not_rescue_a_vague_promise(check):
    issues = vague(check, "I'll review the files when I can, and we can go over them on Friday at 9:30.")
    assert [i.text for i in issues] == ["I'll review the files when I can"]


def test_quoted_thread_is_not_flagged(check):
    text = "Thanks, see the answer below.\n\nOn Mon, Dana wrote:\n> I'll get back to you soon."
    assert not vague(check, text)


def test_concrete_time_detector():
    assert has_concrete_time("by Thursday noon")
    assert has_concrete_time("within 3 business days")
    assert has_concrete_time("on 2 October")
    assert not has_concrete_time("sometime next week")
    assert not has_concrete_time("we sat on it")


def test_clause_around_stops_at_commas_and_conjunctions():
    text = "I'll look when I can, and we meet Friday"
    start, end = clause_around(text, text.index("when"), text.index("can") + 3)
    assert text[start:end] == "I'll look when I can"


def test_suggested_deadline_skips_the_weekend():
    friday = dt.datetime(2026, 7, 17, 10, tzinfo=dt.timezone.utc)
    assert suggested_deadline(Context(sent_at=friday)) == "by Tuesday, July 21"
    assert suggested_deadline(Context()) == "by Thursday, [date]"


# Whose promise it is, and who sets the time.

@pytest.mark.parametrize("text", [
    "Send me the floor plan and I'll get back to you with a quote.",
    "Once you've signed, we'll countersign and return a copy.",
    "Let me know if you need more chairs and I'll sort it.",
    "If anything changes on our side, we'll let you know.",
    "The regulator will rule on the merger in due course.",
    "The airline says the bags will be returned shortly.",
    "According to the builder, the scaffolding comes down soon.",
])
def test_promises_the_reader_times_or_third_parties_make_are_not_flagged(check, text):
    assert not vague(check, text)


@pytest.mark.parametrize("text", [
    "Nadia from our team will send you the contract shortly.",
    "The committee will review your request and get back to you.",
    "I'll get back to you soon if you don't mind.",
    "Your refund will be processed in due course.",
    "I'm going to check the meter readings and get back to you.",
    "We should hear from the lender before long.",
    "I'll have the drawings to you in a week or two.",
])
def test_promises_made_to_the_reader_stay_flagged(check, text):
    assert vague(check, text)


def test_fresh_phrasings_written_before_the_round_2_rules(service):
    """tests/data/tone_b_vague.jsonl: promises and near-misses (reported third parties, boilerplate,
    reader requests, dated promises) written before the round-2 changes."""
    vague = score(service, "tone_b_vague.jsonl", ("vague-commitment",)).scores["vague-commitment"]
    assert vague.recall >= 0.9 and vague.precision >= 0.9


# Session 3: undated promises in forms unseen writers use, and statements that promise the reader nothing.

@pytest.mark.parametrize("text", [
    "We're digging through the logs — should have an answer for you at some stage.",
    "Our team expects to issue revised terms in the near future.",
    "The courier should drop the samples off any day now.",
    "I'll book your slot as soon as a technician frees up.",
    "We'll get the mono artwork finished whenever the designers free up.",
    "We'll work through the backlog as resources permit.",
    "I'll pick up the minor fixes as and when time allows.",
    "I'll send through the revised quote just now.",
    "Will update when I hear more.",
    "I'll raise it when we next speak.",
    "We'll see what we can do about the delivery fee.",
    "I will see what I can arrange with the venue.",
    "The signed contract will follow under separate cover.",
    "Hoping to get to your notes before too long.",
    "Once I'm back on top of things I'll send the updated budget.",
    "We'll confirm the booking once the venue gets back to us.",
])
def test_session_3_undated_promises_are_flagged(check, text):
    assert vague(check, text)


@pytest.mark.parametrize("text", [
    "I think this will take care of the problem soon.",
    "Looks like we are going to add a second site very soon.",
    "I will most likely see the confirmation in the next day or so.",
    "My flatmate will be leaving shortly.",
    "The old cables which will be replaced in the near future run under the car park.",
    "Judy will get back to us with a venue.",
    "Their sales team will follow up with the distributors.",
    "The new office tree has gone up and will soon be decorated.",
    "The shuttle will soon leave from gate 4.",
    "We plan to expand into Ohio at some point.",
    "We will want to receive the keys very soon.",
    "Once we get March closed, we will need to start on April.",
    "Let's stay in touch.",
    "Let me hear from you soon.",
    "The project has been in the works for some time.",
    "Her number is on my list of people to call.",
    "This will allow me to verify whether the process is being handled properly.",
    "My assistant will have numbers where I can be reached.",
    "I'll update you once they respond.",
    "The engineer will inspect the unit as soon as possible after it has cooled (within 4 - 5 hrs).",
    "The gallery will be with you by the end of next week, as agreed.",
])
def test_session_3_statements_that_promise_the_reader_nothing_pass(check, text):
    assert not vague(check, text)


def test_a_keep_you_posted_after_a_vague_promise_is_one_finding(check):
    issues = vague(check, "Still crunching the numbers, should have something for you at some point. I'll keep you posted.")
    assert [i.text for i in issues] == ["should have something for you at some point"]


def test_a_hedge_gives_way_to_the_time_word(check):
    issues = vague(check, "All being well, we'll have the seating plan over to you in a bit.")
    assert [i.text for i in issues] == ["we'll have the seating plan over to you in a bit"]


@pytest.mark.parametrize("text", [
    "The regatta will soon take place off Cowes, from 2 to 4 August.",
    "The audit will all be over soon and we will be able to relax.",
    "Please confirm your numbers over the next few days, and I'll order the food.",
    "I hope to sign the lease today so we can move in early next month.",
    "I'll speak to the contractor this week to work out when we can start.",
    "If we don't get the parts soon, the line stops.",
    "We can expect the rates to fall at some point.",
])
def test_times_that_belong_to_another_clause_or_a_question_pass(check, text):
    assert not vague(check, text)


def test_an_apposed_hedge_joins_the_finding(check):
    issues = vague(check, "The new signage should be ready towards the end of the month, give or take.")
    assert [i.text for i in issues] == ["should be ready towards the end of the month, give or take"]


@pytest.mark.parametrize("text", [
    "I'll call you once I'm back from the trade show next week.",
    "If anything is missing, can you please let me know as soon as possible?",
    "We'll keep you informed of any changes to the timetable.",
])
def test_a_roughly_dated_condition_a_reader_request_or_news_if_any_pass(check, text):
    assert not vague(check, text)


@pytest.mark.parametrize("text, expected", [
    ("I'll try and squeeze your edits in when things are less hectic.", True),
    ("We will contact you in the near term about the renewal.", True),
    ("I'll action this when I'm back in the office.", True),
    ("I'll action this when I'm back in the office at 2pm today.", False),
    ("Their surveyor will be in touch with the landlord shortly.", False),
    ("Their surveyor will be in touch with you shortly.", True),
])
def test_workload_returns_and_third_party_contacts(check, text, expected):
    assert bool(vague(check, text)) is expected


@pytest.mark.parametrize("text", [
    "If the code doesn't arrive, let us know and we'll sort it out.",
    "Send the photos and I'll assess the damage the next working day.",
])
def test_a_reader_move_or_a_relative_day_answers_when(check, text):
    assert not vague(check, text)


@pytest.mark.parametrize("text", [
    "We will advise you timely of the new shipping date.",  # non-native adverb of time
    "Your claim will be settled in the fullness of time.",
    "Give us a couple of days and we'll send the estimate.",  # the writer asks for open time
    "We're clearing a backlog and will answer yours in turn.",  # a place in a queue
    "We'll try to communicate better going forward.",  # improvement with no end
    "I'll ring you once it's done.",  # the writer's own work, not an outside event
    "The dark mode will be rolled out in a forthcoming release.",
    "We'll come round to measure up, depending on how the other jobs go.",
])
def test_unseen_phrasings_of_an_undated_promise_are_flagged(check, text):
    assert vague(check, text)


@pytest.mark.parametrize("text", [
    "Moving forward, statements will be issued on the 5th of each month.",  # a policy, not an improvement
    "I'll call you the minute the line is back up.",  # the call comes with an outside event
    "Once the tax office publishes the new rates, we will contact you with the figures.",
    "To confirm, simply reply YES and we'll do the rest.",  # waits on the reader
    "The viewing is booked for Thursday 12 June. I'll get back to you with the entry code.",
    "I'll brief my drivers when the route is agreed.",  # a step for third parties
    "I'm sure you'll get used to the new dashboard eventually.",  # a prediction about the reader
    "We can see him tomorrow at 9:15 if that suits, and we'll refund the call-out fee today.",
])
def test_notices_on_events_reader_moves_and_third_party_steps_pass(check, text):
    assert not vague(check, text)


def test_a_social_clause_does_not_hide_a_vague_promise_in_the_next_clause(check):
    issues = vague(check, "We can see you tomorrow at 10:40, and we'll look at a credit for the trip at some point.")
    assert [i.text for i in issues] == ["we'll look at a credit for the trip at some point"]


def test_time_asked_for_is_flagged_with_the_promise_it_delays(check):
    [issue] = vague(check, "Give me a little while and I'll come back to you with some options.")
    assert issue.text == "Give me a little while and I'll come back to you with some options"
    assert issue.replacements[0] == "I'll come back to you with some options by Thursday, [date]"


# Replacements that read on into the words after the flag (issue 3: a replacement the writer can send).

def test_first_replacement_of_every_vague_flag_example_reads_on_after_the_date(check, service):
    """The flag may end before its clause does ("when I get| a minute"): the date may not be followed by the
    stranded rest of the vague words, nor land inside a bare "I'll … get round to"."""
    rules = [r for r in service.ruleset.rules if r.category == "vague-commitment"]
    rewrites = list(first_rewrites(check, rules))
    stranded = re.compile(r"\b(?:I'll|we'll|will)\s+by\b|\[date\] (?:a|the|down|more|review|at|up)\b|\b(\w+)\s+\1\b|  ", re.I)
    problems = [(text, rewritten) for _, text, rewritten in rewrites if stranded.search(rewritten)]
    checked = len(rewrites)
    assert checked > 60
    assert not problems, problems[:10]


@pytest.mark.parametrize("text, expected", [
    ("I'll look at the logs when I get a minute.", "I'll look at the logs by Thursday, [date], when I get a minute."),
    ("I'll get round to the floor plans after the trade show.",
     "By Thursday, [date], I'll get round to the floor plans after the trade show."),
    ("Sorry, busy week, but we'll get round to the lobby.",
     "Sorry, busy week, but by Thursday, [date], we'll get round to the lobby."),
    ("I'll sign the forms when I'm back at my desk.", "I'll sign the forms by Thursday, [date], when I'm back at my desk."),
    ("We'll have the invoices corrected as soon as possible.", "We'll have the invoices corrected by Thursday, [date]."),
    ("The matter has our full attention and a substantive response will be issued as expeditiously as circumstances permit.",
     "The matter has our full attention and a substantive response will be issued by Thursday, [date] as circumstances permit."),
])
def test_a_vague_promise_gets_a_date_and_keeps_the_writers_words(check, text, expected):
    issue, = check(text=text, rules=["vague.no-date-promise"]).issues
    assert applied(text, issue, issue.replacements[0]) == expected


@pytest.mark.parametrize("text", [
    "Fingers crossed we'll get the new portal live sometime down the line.",
    "We're hoping to get the revised layout over to you eventually, it's on the list.",
    "We'll send the replacement as soon as the warehouse catches up.",
    "The printer has the files and they should be done shortly.",
    "I'll squeeze your audit in when I have a gap this quarter.",
    "I'll pencil in some time for your query once things settle down.",
    "I will share the corrected file as soon as it is possible.",
    "Hi Sam,\n\nThe site office is on the 2nd floor now. Leave it with me and I'll sort the keys.",
])
def test_session_5_unseen_phrasings_are_flagged(check, text):
    assert vague(check, text)


@pytest.mark.parametrize("text", [
    "We'll send the test results once the lab reports them, and by 3 April at the latest.",
    "The launch call is Monday 3pm; I'll share the joining link once IT sets it up.",
    "As soon as the deposit is received we will proceed with the order.",
    "I'm away until 9 May. I'll reply when I'm back.",
    "I'll email you the tracking link as soon as the parcel leaves the warehouse.",
    "We look forward to welcoming you again at some point.",
    "An agenda for the open day will be published as soon as it is available.",
    "If you've ever ordered from us before, you'll know we reply the same day.",
])
def test_session_5_dated_or_unowed_statements_pass(check, text):
    assert not vague(check, text)


def test_a_reassurance_after_a_vague_promise_is_one_finding(check):
    issues = vague(check, "We've passed it to the landlord and shall revert in due course. Kindly bear with us.")
    assert len(issues) == 1 and "in due course" in issues[0].text


@pytest.mark.parametrize("text, flagged", [
    ("I'll drop the keys round whenever I'm passing.", True),
    ("We'll get the rota sorted for you nearer the date.", True),
    ("We're planning to get the repair done before the cold weather sets in.", True),
    ("Our office will be closed over the holidays and reopens on 3 January.", False),
    ("I'll be in touch nearer the time if anything changes, but Tuesday at 10am stands.", False),
])
def test_session_5_second_round(check, text, flagged):
    assert bool(vague(check, text)) is flagged


# Session 6: families from the session-5 blind drafts' misses, each written as variants by other
# hands before the rule (roadmap/backlog status, "when there's movement", open windows in
# non-native present tense, internal processes finishing, a colleague's undated call).
@pytest.mark.parametrize("text", [
    "That feature is on our roadmap.",
    "Dark mode is firmly on the backlog and we'll pick it up.",
    "Noted, it's on the to-do list.",
    "We'll get to it, promise.",
    "I'll give you a shout when there's any progress on the permit.",
    "We will inform you when there are developments.",
    "I send you the corrected invoice in the next days.",
    "We will deliver the samples after our production planning is finished.",
    "The engineer will ring you once she's had a look at the boiler.",
    "Anna is looking into it and she will contact you in time.",
    "Our accounts team are on it and they'll be in touch in due course.",
    "Yes, will get that to you shortly.",
])
def test_session_6_unseen_phrasings_are_flagged(check, text):
    assert vague(check, text)


@pytest.mark.parametrize("text", [
    "The bulk-edit feature is on the roadmap for the 3 March release.",
    "Is the export button on the roadmap?",
    "I can't get to it because the site is down.",
    "If there's any movement on the quote, I'll let you know.",
    "We send invoices on the first of each month.",
    "Once the calculation is finished on Monday, we will send you the offer.",
    "The parts will be here in time for Tuesday's fitting.",
    # The reader's input sets the time of the next step.
    "I attach our terms and a questionnaire. Once we receive these, we will request the title deeds.",
    "Once payment clears we'll book the delivery.",
    "Please review the draft and mark up any changes. Once I receive comments from everyone I'll circulate a final version.",
    "Next time maybe just send it to us and we'll take care of it properly.",
    # A step of an event the sentence before dates.
    "The switch is set for Tuesday 2 March overnight. You'll get a text on each handset when it's done.",
    # A double space from a mail client does not make "as soon as <event>" a bare "soon".
    "We'll give everybody our new address as  soon as both sales are officially done.",
    "Within the next day or so, you will receive a pack from Yvonne, our site manager.",
])
def test_session_6_dated_or_reader_paced_statements_pass(check, text):
    assert not vague(check, text)


@pytest.mark.parametrize("text", [
    "Our supplier is late with the panels. Once we receive these, we'll fit them.",
    "Once our payment to the supplier clears, we'll ship your order.",
    "I'll send the samples in a week or so.",
])
def test_session_6_near_misses_of_the_passes_stay_flagged(check, text):
    assert vague(check, text)


def test_a_status_and_the_vague_promise_after_it_are_one_finding(check):
    text = "Good idea on the export button, it's on the roadmap. We'll let you know when there's news."
    issues = vague(check, text)
    assert len(issues) == 1
    assert issues[0].text.startswith("on the roadmap") and issues[0].text.endswith("when there's news")
    assert issues[0].replacements[0] == "on the roadmap. We'll let you know by Thursday, [date]"


def test_a_status_alone_gets_its_date_in_a_clause_of_its_own(check):
    issues = vague(check, "Good idea on the export button, it's definitely on the roadmap.")
    assert issues[0].replacements[0] == "on the roadmap, and we'll confirm a date for it by Thursday, [date]"


# Session 6, after the new authors' tuning drafts were scored blind (then read): their families in
# other words.
@pytest.mark.parametrize("text", [
    "We will send the new price list in coming days.",
    "I check the invoice and send you the correction when I find time.",
    "The revised report will land once it's cleared QA.",
    "Our team will arrange the replacement as soon as the factory have available capacity.",
    "We expect to be able to release decisions at some point after the reviewing phase wraps up.",
    "The landlord is considering a number of proposals and we will revert with their position in due course.",
])
def test_session_6_tuning_families_are_flagged(check, text):
    assert vague(check, text)


@pytest.mark.parametrize("text", [
    "I'll look at it on Friday morning.",
    "The release will land on 14 May once it's cleared QA.",
    "The landlord will revert with his position in due course, his agent told me.",
])
def test_session_6_tuning_near_misses_pass(check, text):
    assert not vague(check, text)


@pytest.mark.parametrize("text", [
    "Yep, the API docs are on my list. Leave it with me.",
    "We'll reorder as soon as the mill has spare capacity. We will inform you again later.",
])
def test_a_status_or_a_notice_beside_the_promise_is_one_finding(check, text):
    assert len(vague(check, text)) == 1


# Session 7 (issue 3): devices from w25v-w30v in fresh words, and internal-mail families that are no
# stall (tests/data/tone_va_s7.jsonl holds 12 variants and 6 near-misses a family).
def test_session_7_fresh_variants_and_near_misses(service):
    report = score(service, "tone_va_s7.jsonl", ("vague-commitment",))
    vague = report.scores["vague-commitment"]
    assert vague.tp >= 138 and vague.fp <= 3


@pytest.mark.parametrize("text", [
    "Nearly finished the sketches, shouldn't be much longer!",
    "Timing on the brochure proofs — hopefully sometime next week.",
    "Let's pencil in the network cutover for sometime after Christmas.",
    "Sorry the accounts are late again. They'll be with you shortly.",
    "We will inform you when possible about the new shipment.",
    "Your request is under process and the needful will be done accordingly.",
    "We will check and reply you soonest.",
    "For the extra night, we will see with the marina and we tell you.",
    "I'm back now and will look at it.",
    "Let me mull it over with the team and circle back when I can.",
])
def test_session_7_devices_are_flagged(check, text):
    assert vague(check, text)


@pytest.mark.parametrize("text", [
    "It won't be long before the new rates apply to everyone.",
    "Hi all, the trading floor move is still on hold. We will keep you informed.",
    "I'll update everyone periodically as the merger review progresses.",
    "Over the coming days we will be interviewing candidates for the analyst role.",
    "Per the vendor, the patch will be released in a couple of weeks.",
    "If there's anything you need from me, I'll do it asap.",
    "Great to hear from you. I'll give you a call when I get back from Dallas.",
    "I'll ring you at 10:00 am tomorrow (Wednesday) unless another time works better for you.",
    "I will send the new bill of lading as soon as I receive it, and in any case by Friday.",
    "All -- I'll send out a summary of the key terms once the last open point is settled.",
])
def test_session_7_internal_mail_passes(check, text):
    assert not vague(check, text)


def test_a_group_greeting_does_not_excuse_a_time_word(check):
    assert vague(check, "Hello all,\n\nOur engineers are investigating the cause. Expect an update from us shortly.")


@pytest.mark.parametrize("text", [
    "I'll be checking voicemail from time to time over the holidays.",
    "We'll get together for a drink once the quarter closes.",
    "I'll follow up with Mark later.",
    "Turn the thermostat down to 20 and the bills will follow.",
])
def test_availability_drinks_a_colleague_and_a_consequence_pass(check, text):
    assert not vague(check, text)
