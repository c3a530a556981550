"""Condescension rules: the devices are flagged, and the near-misses that share their words are not
(quotations of someone else, honest "simply", self-deprecation, neutral references back)."""
import pytest

from labeled import score
from rewrites import first_rewrites, reads_as_a_sentence


def condescension(check, text):
    return [i for i in check(text=text).issues if i.category == "condescension"]


@pytest.mark.parametrize("text, rule", [
    ("As I already explained, the deposit is non-refundable.", "condescension.repetition"),
    ("Per my last email, the cutoff is the 25th.", "condescension.repetition"),
    ("Obviously the client won't pay twice.", "condescension.judging-adverb"),
    ("Let me make this simple for you: no PO, no payment.", "condescension.simplify"),
    ("Filing a ticket isn't rocket science.", "condescension.grand-feat"),
    ("I'm sure even you can find the login page.", "condescension.ability"),
    ("Calm down, it's one late invoice.", "condescension.calm-down"),
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


def applied(text, issue, choice=0):
    """The draft with the issue's replacement applied, as the extension does."""
    return text[:issue.offset] + issue.replacements[choice] + text[issue.offset + issue.length:]


@pytest.mark.parametrize("text, fixed", [
    ("Your invoice is obviously wrong.", "Your invoice is wrong."),
    ("Obviously the deposit isn't refundable.", "The deposit isn't refundable."),
    ("Obviously, the deposit isn't refundable.", "The deposit isn't refundable."),
    ("The deposit isn't refundable, obviously.", "The deposit isn't refundable."),
    ("Your totals are, obviously, out of date.", "Your totals are out of date."),
    ("You clearly haven't opened the file.", "You haven't opened the file."),
    ("Clearly you didn't check the attachment.", "You didn't check the attachment."),
    ("Hi Dev,\n\nObviously the client isn't paying twice.\n\nThanks", "Hi Dev,\n\nThe client isn't paying twice.\n\nThanks"),
])
def test_removing_the_adverb_leaves_a_clean_sentence(check, text, fixed):
    [issue] = condescension(check, text)
    assert issue.rule == "condescension.judging-adverb"
    result = applied(text, issue)
    assert result == fixed
    assert "  " not in result and " ," not in result and " ." not in result


@pytest.mark.parametrize("text", [
    "He was obviously thrilled with the award.",  # a third party's state
    "The storm obviously slowed every courier in the region.",  # a fact about the world
    "Obviously, if the dates don't suit you, we can move them.",  # an offer
    "Obviously it's your call.",  # deference
    "Obviously, this is a difficult time for everyone.",  # shared gravity
    "You obviously care a lot about the details, which I love.",  # praise
    "Sorry, I obviously misread the rota.",  # the writer's own slip
])
def test_obviously_not_aimed_at_the_reader_is_not_flagged(check, text):
    assert condescension(check, text) == []


@pytest.mark.parametrize("text", [
    "As things begin to calm down, we'll review the seating plan.",
    "The market should settle down once the ruling is out.",
    "Thanks for everything.\n\nDear.",
    "As I've said before, we remain committed to the project and grateful for your support.",
    "As previously communicated, the office is closed on Friday.",
    "In case you missed it, the webinar recording is online.",
    "Once again, thank you for hosting us.",
])
def test_everyday_phrases_that_share_the_words_are_not_condescension(check, text):
    assert condescension(check, text) == []


@pytest.mark.parametrize("text, rule", [
    ("Please just calm down, the refund is coming.", "condescension.calm-down"),
    ("As I've mentioned several times, the form goes to legal.", "condescension.repetition"),
    ("Once again, the badge goes on the lanyard.", "condescension.once-again"),
    ("Perhaps you missed it, but the agenda was attached.", "condescension.feigned-doubt"),
    ("Let me walk you through it very slowly.", "condescension.simplify"),
    ("This really isn't complicated.", "condescension.trivializing"),
])
def test_new_device_families_are_flagged(check, text, rule):
    assert rule in [i.rule for i in condescension(check, text)]


def test_feigned_doubt_replacement_keeps_the_information(check):
    text = "Perhaps you missed it, but the agenda was attached."
    [issue] = condescension(check, text)
    assert applied(text, issue) == "For reference, the agenda was attached."


def test_obviously_inside_a_quotation_is_not_the_writers(check):
    assert condescension(check, "She wrote \u201cobviously the fee is fixed\u201d, so I checked.") == []


def test_concessive_obviously_is_not_a_lecture(check):
    assert condescension(check, "Obviously the venue is small, but the rooftop makes up for it.") == []


@pytest.mark.parametrize("text, rule", [
    ("Keeping the fridge clean is Office Etiquette 101.", "condescension.basics-101"),
    ("I'm baffled that the sign-in rule needs explaining.", "condescension.surprised-to-explain"),
    ("Hopefully the point sticks this time.", "condescension.sink-in"),
    ("Let's go through this again, one step at a time.", "condescension.start-over"),
    ("Here it is in terms anyone can follow: the office is shut.", "condescension.plain-terms"),
    ("You might want to reread the terms before replying.", "condescension.reread"),
    ("Reminder no. 5 about the expense claims.", "condescension.numbered-reminder"),
    ("I'll keep it short so you can keep up.", "condescension.keep-it-simple"),
])
def test_round_three_devices_are_flagged_by_their_rule(check, text, rule):
    assert rule in [i.rule for i in condescension(check, text)]


@pytest.mark.parametrize("text", [
    "Economics 101 starts on the 9th.",
    "The headcount is now 101.",
    "I'll keep this brief: the minutes are attached.",
    "Let's try again on Friday afternoon.",
    "You may want to reread section 2; it was revised this morning.",
    "As a reminder, the car park closes at seven.",
    "I can't believe how quickly the launch came round!",
    "The handbook is written in words anyone can understand.",
])
def test_round_three_near_misses_are_not_condescension(check, text):
    assert condescension(check, text) == []


def test_round_three_fresh_set(service):
    """tests/data/tone_a_round3.jsonl: ten or more sentences per round-3 device family and near-misses,
    written before the rules (the rule examples are different sentences)."""
    report = score(service, "tone_a_round3.jsonl", ("accusatory-question", "condescension"))
    for category in ("accusatory-question", "condescension"):
        assert report.scores[category].recall >= 0.9, category
        assert report.scores[category].precision >= 0.9, category
    assert report.clean_flagged == 0


@pytest.mark.parametrize("text, rule", [
    ("I trust that's plain enough for you now.", "condescension.comprehension-check"),
    ("As I've explained more than once, the hall has no lift.", "condescension.said-before-count"),
    ("As any accountant could tell you, receipts come first.", "condescension.common-knowledge"),
    ("Keeping the keys safe is, after all, your job.", "condescension.your-job"),
    ("It's lovely to see you finally reading the minutes.", "condescension.faux-praise"),
    ("To spell it out: the quote has expired.", "condescension.spell-it-out"),
    ("In case it wasn't clear, the gate shuts at six.", "condescension.clarity-meta"),
    ("Not bad for a beginner, I suppose.", "condescension.backhanded"),
    ("You'll understand once you've had a few more years in the trade.", "condescension.experience-dig"),
    ("Need I remind you that we are the client?", "condescension.power-reminder"),
    ("Surely anyone can see why the drain floods.", "condescension.talking-down"),
])
def test_session_two_devices_are_flagged(check, text, rule):
    # Another rule of the category may report the same words first (overlapping findings merge);
    # each rule's own examples are checked by `tact rules test`.
    assert condescension(check, text), rule


@pytest.mark.parametrize("text", [
    "Does the rota make sense to you, or shall we change it?",
    "As we discussed on Friday, the fitting is on Monday.",
    "As anyone who came will tell you, the dinner was wonderful.",
    "A key part of your role will be training the new starters.",
    "Lovely to see you at the awards on Thursday!",
    "To be clear, the price includes delivery.",
    "You may not be aware, but we now deliver on Sundays.",
    "Bless you for covering the stand, that was kind.",
    "Since you're new, here's a list of who does what.",
    "Let me remind you that the office closes early on Friday.",
    "Surely you can see the river from the terrace!",
])
def test_session_two_near_misses_are_not_condescension(check, text):
    assert condescension(check, text) == []


def test_session_two_fresh_device_set(service):
    """tests/data/tone_ca_condescension.jsonl: 29 devices, three sentences and two near-misses each,
    written before the session-2 rules (first run: recall 0.16). The rule examples are other sentences."""
    report = score(service, "tone_ca_condescension.jsonl", ("condescension",))
    assert report.scores["condescension"].recall >= 0.9
    assert report.clean_flagged == 0


def test_adverb_offsets_hold_after_non_ascii_text(check):
    text = "Caf\u00e9 \u2014 na\u00efve \u201cr\u00e9sum\u00e9\u201d aside. Obviously the deposit isn\u2019t refundable."
    [issue] = condescension(check, text)
    assert text[issue.offset:issue.offset + issue.length] == issue.text == "Obviously the"


# ---- Session 3: device families written for the word class.

def _pattern_rules_only(service):
    """The session-3 families on their own, without any learned signal scoring the same sentences."""
    from tact.rules.ruleset import RuleSet
    return RuleSet.of([r for r in service.ruleset.rules if not r.id.endswith(".learned")])


def test_session_three_fresh_phrasings(service):
    """tests/data/tone_cond_s3.jsonl: sentences in the session-3 families written after the rules and
    not among their examples, with near-misses. First runs: round 1 flagged 37 of 42 (one of 20
    near-misses flagged), round 2 (other registers) 22 of 40 (three of 20 near-misses flagged), round 3
    (the families the independent authors use most, reworded) 13 of 35 (none of 13 near-misses), round 4
    (non-native and US registers) 13 of 30 (one of 14 near-misses)."""
    from tact.evaluation import evaluate, read_jsonl
    from labeled import DATA

    report = evaluate(read_jsonl(str(DATA / "tone_cond_s3.jsonl")), _pattern_rules_only(service), ("condescension",))
    assert report.scores["condescension"].recall >= 0.9  # 0.939 when round 4 went in
    assert report.clean_flagged == 0


@pytest.mark.parametrize("text", [
    "For the third time this month the lift has stuck between floors.",  # an event recurring
    "For the third time the bundle came back with the wrong tabs.",
    "Sorry, sorry — I know I've already said it twice, but I'm so sorry about the mix-up.",  # the writer's own apology
    "Apologies for any confusion on your side about the dates.",  # blame-shifting's finding, not talking down
    "Loved the photos, you obviously had the best day!",
    "Thanks for the detailed repro steps — super helpful.",  # sincere thanks
    "We'll leave the catering to the professionals this year.",
    "As any visitor will tell you, the coffee there is excellent.",
])
def test_session_three_near_misses(check, text):
    assert condescension(check, text) == []


@pytest.mark.parametrize("text, rule", [
    ("For the third time, the gate code is 1234.", "condescension.repetition"),
    ("I'm explaining this for the third time: the form needs a signature.", "condescension.repetition"),
    ("Really appreciate the two-day heads-up, very helpful.", "condescension.ironic-thanks"),
    ("Bless, you've clearly tried your best with it.", "condescension.pat-on-head"),
])
def test_session_three_devices(check, text, rule):
    assert rule in [i.rule for i in condescension(check, text)]


def test_a_second_device_in_the_clause_is_one_finding(check):
    text = "I wouldn't worry your head about it — just leave the maths to us."
    [issue] = condescension(check, text)
    assert issue.text == "worry your head about it — just leave the maths to us"


@pytest.mark.parametrize("text", [
    'Her note said "just leave the maths to us" and we did.',
    "Her note said 'just leave the maths to us' and we did.",
])
def test_the_clause_stops_at_a_quotation_mark(check, text):
    assert condescension(check, text) == []


def test_session_four_fresh_phrasings(service):
    """tests/data/tone_cond_s4.jsonl: device families the independent authors used and the rules
    missed, ten phrasings and five near-misses per family, written before the rules. First runs:
    round 1 (14 families) flagged 16 of 140 with the session-3 rules (no near-miss flagged); round 2
    (the same families reworded, other registers) 52 of 140 with the round-1 rules (one of 70
    near-misses flagged) — that rate is the honest estimate of recall on unseen phrasings; round 3
    (20 devices the first two families imply: 'the long words', 'no such thing as a stupid question,
    but', 'you're not the first to get confused', 'you may not be aware that aircraft require…')
    7 of 20 with the round-2 rules (none of 10 near-misses); round 4 (the families in US, non-native
    and terse registers: 'it's literally one checkbox', 'I will explain again more simple', 'Y'all will
    figure it out eventually') 3 of 25 with the round-3 rules (none of 10 near-misses); round 5 (mixed
    families, fresh wording: 'the full manual seems to have been too much', 'does exactly what it
    says', 'to save you the trouble of reading it') 5 of 20 with the round-4 rules (none of 10); round 6
    (the families the independent authors use most: faux-praise, sarcastic thanks, going slowly, the
    reader's job, 'anyone would know') 9 of 25 with the round-5 rules (one of 10 near-misses); round 7
    (fresh phrasings across the families: 'so even the night shift can follow it', 'for your sake',
    'a quick refresher on how deadlines work') 4 of 20 with the round-6 rules (none of 10)."""
    from tact.evaluation import evaluate, read_jsonl
    from labeled import DATA

    report = evaluate(read_jsonl(str(DATA / "tone_cond_s4.jsonl")), _pattern_rules_only(service), ("condescension",))
    assert report.scores["condescension"].recall >= 0.9  # 0.939 when round 5 went in
    assert report.clean_flagged == 0


@pytest.mark.parametrize("text", [
    "This is my fourth request for the SSL certificate.",  # a firm count, not a put-down
    "This is our third chaser on the unpaid invoice.",
    "Thanks for having a go at the formulas yourself 🙂 I'll have a look this afternoon.",  # friendly
    "If weekends aren't your thing, we can do Monday.",  # a preference, not a skill
    "Obviously it's been one of those weeks here!",  # the writer's own rough patch
    "Obviously the snow has thrown the delivery schedule out today.",  # news both sides live with
    "Obviously the rate cut last week changes the picture, so I've rerun the numbers.",
    "For future reference, my direct line is 0161 555 0100.",  # information, not a lesson
    "We'll revise the design as many times as it takes to get it right.",  # a service promise
    "Totally understandable if you haven't had time to look yet.",
])
def test_session_four_near_misses(check, text):
    assert condescension(check, text) == []


@pytest.mark.parametrize("text, rule", [
    ("The big green button marked START is the one that starts the machine.", "condescension.spelling-out"),
    ("Shorter days mean less power; that's just how the sun works, I'm afraid.", "condescension.how-things-work"),
    ("I'm sure you'll get the hang of it eventually.", "condescension.eventual-mastery"),
    ("Honestly, this is first-year accounting stuff.", "condescension.basic-level"),
    ("I've drawn you a little diagram, since the written explanation didn't land.", "condescension.picture-book"),
    ("I've bolded the date so it's harder to miss this time.", "condescension.hard-to-miss"),
    ("I'll take it one step at a time so nobody gets lost.", "condescension.go-slowly"),
    ("I appreciate numbers aren't really your thing.", "condescension.not-your-thing"),
    ("For future reference, the ETA is when the ship docks, not when it reaches you.", "condescension.future-reference"),
    ("Maybe I wasn't clear enough for you the first time.", "condescension.mock-self-blame"),
    ("Believe it or not, the app does actually work if you update it.", "condescension.mock-surprise"),
    ("Which is understandable if you haven't done one before.", "condescension.beginner-allowance"),
    ("Happy to explain it again, as many times as it takes.", "condescension.as-often-as-it-takes"),
    ("You of all people should know what the reserve fund is for.", "condescension.should-know-role"),
    ("Proofreading is, after all, rather the point of hiring an agency.", "condescension.point-of-hiring"),
    ("We do love a challenge here at the hotel.", "condescension.ironic-compliment"),
    ("Payroll can only pay staff who are on the payroll.", "condescension.tautology"),
    ("It's a classic rookie error.", "condescension.school-grade"),
    ("I admire your optimism about the deadline.", "condescension.ironic-admiration"),
])
def test_session_four_devices(check, text, rule):
    assert rule in [i.rule for i in check(text=text, rules=[rule]).issues]


def test_session_four_held_out_round(service):
    """tests/data/tone_cond_s4_holdout.jsonl: 20 fresh phrasings and 10 near-misses written after
    round 7 and never tuned on, so its recall is an honest estimate of recall on unseen wording
    (0.30 at the end of session 4; rounds 2-7 first runs were 0.12-0.37). Its misses are for a later
    round to generalise from, not to copy; the floor only catches regressions, and no near-miss may
    ever be flagged (one was, by a session-3 rule, before the fix that went in with this set). Session 5
    generalised from its misses (0.30 -> 0.90: 'outside your comfort zone', 'or more slowly', 'well done
    for getting there in the end', 'not to be patronising, but', '…, for future reference' after a
    button), so it no longer estimates unseen recall; tone_cond_s5.jsonl's round 2 first run does (0.44)."""
    from tact.evaluation import evaluate, read_jsonl
    from labeled import DATA

    report = evaluate(read_jsonl(str(DATA / "tone_cond_s4_holdout.jsonl")), _pattern_rules_only(service), ("condescension",))
    assert report.scores["condescension"].recall >= 0.85
    assert report.clean_flagged == 0


# Replacements that keep the writer's words (issue 3: "a concrete replacement that keeps the writer's meaning").

@pytest.mark.parametrize("rule, text, expected", [
    ("condescension.reread", "You might want to re-read the delivery terms.", "The answer is in the delivery terms."),
    ("condescension.reread", "You might like to take another look at my last email.", "The answer is in my last email."),
    ("condescension.reread", "Perhaps you'd care to read the quote more carefully.", "The answer is in the quote."),
    ("condescension.general-fact", "In case you didn't know, invoices need a purchase order number.",
     "To confirm, invoices need a purchase order number."),
    ("condescension.highlighted-for-you", "I've attached the guidelines again and highlighted them in yellow for you.",
     "I've attached the guidelines again and highlighted them in yellow."),
    ("condescension.keep-it-simple", "Here's the short version so it's easy to understand.", "Here's the short version."),
    ("condescension.keep-it-simple", "I'll stick to bullet points so it's easier to take in.", "I'll stick to bullet points."),
    ("condescension.basics-101", "Labelling the pallets was Warehousing 101.", "Labelling the pallets was essential."),
    ("condescension.basics-101", "Honestly, that's Customer Service 101.", "Honestly, that's essential."),
    ("condescension.start-over", "I'll explain it again, point by point.", "I'll go through it step by step."),
    ("condescension.said-before-count", "As I've stressed repeatedly, the lab closes at six.", "To recap, the lab closes at six."),
    ("condescension.school-grade", "Sending the draft to print is a bit of a schoolboy error.",
     "Sending the draft to print is an easy mistake to make."),
    ("condescension.hard-to-miss", "I've put the deadline in bold so it's harder to overlook this time.",
     "I've put the deadline in bold so it's clear."),
    ("condescension.tautology", "The Save button is the one that saves your changes.", "The Save button lets you save your changes."),
    ("condescension.tautology", "Pro tip: the search bar actually searches things.", "Pro tip: the search bar lets you search things."),
    ("condescension.tautology", "Just to point out, the Print icon is the one that prints the page.",
     "Just to point out, the Print icon lets you print the page."),
])
def test_first_replacement_keeps_what_the_writer_said(check, rule, text, expected):
    issue, = check(text=text, rules=[rule]).issues
    assert applied(text, issue) == expected


def test_no_replacement_is_copied_from_one_example(service):
    """A first replacement that names one example's specifics ("the red ALARM button", "page 4") is
    wrong for every other draft: a fixed replacement may not carry a digit or an all-caps word."""
    import re
    fixed = [(rule.id, rule.replacements[0]) for rule in service.ruleset.rules
             if rule.category == "condescension" and rule.replacements and "{" not in rule.replacements[0]]
    assert fixed
    assert not [(r, t) for r, t in fixed if re.search(r"\d|£|\b[A-Z]{2,}\b", re.sub(r"\[[^\]]*\]", "", t))]


def test_session_five_fresh_phrasings(service):
    """tests/data/tone_cond_s5.jsonl: the families behind the misses in last session's blind drafts
    (w13v-w18v) and the new authors' tune drafts (w19-w24), 72 phrasings and 38 near-misses written
    before the rules. First run with the session-4 rules: 13 of 72 flagged (0.18), two near-misses
    flagged ("Thanks and God bless," and "Bless your heart, thank you for the flowers!"). Round 2 (43
    fresh phrasings across the families in US, non-native, terse and formal registers, 20 near-misses):
    19 of 43 with the round-1 rules (0.44, the honest estimate of recall on unseen wording), no
    near-miss flagged."""
    from tact.evaluation import evaluate, read_jsonl
    from labeled import DATA

    report = evaluate(read_jsonl(str(DATA / "tone_cond_s5.jsonl")), _pattern_rules_only(service), ("condescension",))
    assert report.scores["condescension"].recall >= 0.9  # 0.889 after round 1, 0.930 after round 2
    assert report.clean_flagged == 0


@pytest.mark.parametrize("text", [
    "Thanks and God bless,",  # a sign-off blessing
    "Bless your heart for being so patient with us on the church banner.",  # sincere thanks
    "Shockingly, we sold out of tickets in two hours!",  # good news
    "Funnily enough, we don't have a free slot that week either.",  # the writer's own news
    "In real-world tests, the battery lasted ten hours.",
    "I'll explain it as clearly as I can on Friday's call.",
    "It shouldn't be that hard for us to fit you in on Friday.",  # the writer's own task
    "Sorry, I know this is all a bit confusing for you; our portal is being rebuilt.",  # the writer owns it
    "Please drive slowly this time of year.",
])
def test_session_five_near_misses(check, text):
    assert condescension(check, text) == []


@pytest.mark.parametrize("text, rule", [
    ("Shockingly, forty people cannot be fed from a platter order for twenty.", "condescension.sarcastic-surprise"),
    ("To put it in the simplest possible terms, panels make electricity when the sun shines.", "condescension.simplify"),
    ("I appreciate this is all very new and confusing for you.", "condescension.assumed-ignorance"),
    ("Clients with less experience often get confused by tiered pricing, which is completely understandable.",
     "condescension.beginner-allowance"),
    ("Well done for finding the attachment this time!", "condescension.faux-praise"),
    ("Thanks for the fourth chaser about the logo files today, that really keeps things moving.", "condescension.sarcastic-thanks"),
    ("Let me know if you'd like me to draw you a diagram.", "condescension.picture-book"),
    ("I would gently suggest re-reading the scheme rules.", "condescension.reread"),
    ("Reading clause 7 before signing would have saved us both this conversation.", "condescension.read-first"),
    ("The form only has three fields, so it really shouldn't be that hard to complete.", "condescension.trivializing"),
    ("As you'll know if you've ever done a renovation, these things take time.", "condescension.obviously"),
    ("As I'm sure you're aware, the payroll cut-off is there for a reason.", "condescension.lecturing"),
    ("As I've now said a couple of times, the permit comes first.", "condescension.repetition"),
    ("I'll walk you through it, since the portal seems to have defeated you last week.", "condescension.ability"),
    ("Hopefully even your finance committee can follow it this time.", "condescension.reader-ease"),
])
def test_session_five_devices(check, text, rule):
    assert rule in [i.rule for i in check(text=text, rules=[rule]).issues]


def test_session_five_held_out_rounds(service):
    """tests/data/tone_cond_s5_holdout.jsonl: fresh phrasings and near-misses each measured once before
    any rule was written for them, the honest estimate of recall on unseen wording. Round 4 (25
    phrasings, 10 near-misses, written after round 3): 10 of 25 (0.40) with the round-3 rules. Round 5
    (20 phrasings, 8 near-misses, written after the round-4 rules): 3 of 20 (0.15) — 'more your speed',
    'your eyes don't glaze over', 'a ten-year-old could fill this in', 'take some people longer'. No
    near-miss flagged on either first run. Both rounds were then generalised from, so the floor only
    catches regressions now."""
    from tact.evaluation import evaluate, read_jsonl
    from labeled import DATA

    report = evaluate(read_jsonl(str(DATA / "tone_cond_s5_holdout.jsonl")), _pattern_rules_only(service), ("condescension",))
    assert report.scores["condescension"].recall >= 0.75  # 0.80 at the end of session 5
    assert report.clean_flagged == 0


# Replacements that keep the writer's meaning (issue 3): the first replacement drops only the dig.
# A rule whose alternatives capture the words to keep offers "{2}{3}…": the kept pieces of whichever
# alternative matched; an alternative with nothing to keep captures itself whole, so the filled text
# equals the flagged text, is dropped, and the generic template that follows comes first.
KEEPS_THE_REST = ("condescension.nursery", "condescension.read-first", "condescension.right-there")


@pytest.mark.parametrize("rule, text, expected", [
    ("condescension.nursery", "Please don't worry your little head about the invoices.",
     "Please don't worry about the invoices."),
    ("condescension.nursery", "That's grown-up maths, so we'll do it.", "That's maths, so we'll do it."),
    ("condescension.nursery", "You just concentrate on choosing the menu.", "You concentrate on choosing the menu."),
    ("condescension.read-first", "The answer is literally on the first page of the brief.",
     "The answer is on the first page of the brief."),
    ("condescension.read-first", "As you might remember, or might not, the venue changed in May.",
     "As you might remember, the venue changed in May."),
    ("condescension.read-first", "If you actually opened the file you would see the totals.",
     "If you opened the file you would see the totals."),
    ("condescension.right-there", "The fee, which is in capitals on the front page, is £40.",
     "The fee, which is on the front page, is £40."),
    ("condescension.right-there", "The code is next to the huge button that clearly says Reset.",
     "The code is next to the button that says Reset."),
    ("condescension.right-there", "The key dates are listed so they don't slip past you again.",
     "The key dates are listed so they don't slip past you."),
    ("condescension.right-there", "The price is literally the first line on the quote.",
     "The price is the first line on the quote."),
    ("condescension.sarcastic-aside", "Your so-called schedule has three clashes.", "Your schedule has three clashes."),
    ("condescension.sarcastic-aside", "We checked the so-called plan your team sent over.",
     "We checked the plan your team sent over."),
    ("condescension.sarcastic-aside", "We looked at the 'filing system' your office uses.",
     "We looked at the filing system your office uses."),
])
def test_first_replacement_drops_only_the_dig(check, rule, text, expected):
    issue, = check(text=text, rules=[rule]).issues
    assert applied(text, issue) == expected


@pytest.mark.parametrize("rule, text", [
    ("condescension.nursery", "Just leave the maths to us."),
    ("condescension.read-first", "Reading the brief before quoting would save us both a lot of time."),
    ("condescension.read-first", "It might help to read the contract from start to finish before replying."),
])
def test_with_nothing_to_keep_the_generic_template_comes_first(check, rule, text):
    issue, = check(text=text, rules=[rule]).issues
    assert "[" in issue.replacements[0] and issue.replacements[0] != issue.text


def test_replacements_that_keep_the_rest_read_as_sentences(service, check):
    """Every flag example of the rules above, with its first replacement applied, is a sentence a
    professional could send, bar a placeholder; and most keep the writer's own words."""
    rules = [r for r in service.ruleset.rules if r.id in KEEPS_THE_REST]
    rewrites = list(first_rewrites(check, rules))
    assert len(rewrites) >= 35
    problems = [(rule, text, rewritten, p) for rule, text, rewritten in rewrites for p in reads_as_a_sentence(rewritten)]
    assert not problems, problems[:10]
    kept = [rewritten for _, _, rewritten in rewrites if "[" not in rewritten]
    assert len(kept) >= 15


def test_session_six_families(service):
    """tests/data/tone_cond_s6.jsonl: nine families behind the misses in the session-5 blind drafts
    (w19v-w24v), each written as 12 phrasings another writer would use and 6 near-misses a fair
    reviewer would not flag, before the rules. First run with the session-5 rules: 23 of 108 flagged
    (0.21), one near-miss flagged ('Reading the attached guide before the training will help you…').
    Round 2 (36 fresh phrasings, 16 near-misses, written after the round-1 rules): 15 of 36 (0.42), no
    near-miss flagged, the honest estimate of recall on unseen wording. Both rounds were then
    generalised from (word classes, not the sentences), so the floor only catches regressions; no
    near-miss may be flagged."""
    from tact.evaluation import evaluate, read_jsonl
    from labeled import DATA

    report = evaluate(read_jsonl(str(DATA / "tone_cond_s6.jsonl")), _pattern_rules_only(service), ("condescension",))
    assert report.scores["condescension"].recall >= 0.85
    assert report.clean_flagged == 0


@pytest.mark.parametrize("text, rule", [
    ("You might not realise, being new to lettings, that the deposit goes into a scheme.", "condescension.novice-framing"),
    ("I understand design isn't really your world, so I'll keep the notes brief.", "condescension.novice-framing"),
    ("Could you ask someone a little more experienced to check the load figures?", "condescension.more-senior"),
    ("As I've pointed out on four separate occasions, the gate closes at six.", "condescension.count-of-times"),
    ("Let's try this once more: the form goes to the council, not to us.", "condescension.simpler-still"),
    ("Neon green for a law firm is certainly a bold choice.", "condescension.ironic-choice"),
    ("Any surveyor worth their salt would have flagged the damp.", "condescension.any-professional"),
    ("Perhaps in your country deadlines are flexible, but here they are not.", "condescension.your-country"),
    ("Had you looked at the second tab, you would have found the totals.", "condescension.would-have-seen"),
    ("I've put little stars next to the boxes you need, since this part seems to confuse you.", "condescension.hand-holding"),
    # after the w25-w30 transfer check
    ("Congratulations on working out that the rent is due monthly.", "condescension.mock-congrats"),
    ("I would have thought signing off the artwork was part of your job.", "condescension.your-role"),
    ("I'll go through it extra slowly so nothing gets missed.", "condescension.simpler-still"),
    ("As any landlord will appreciate, the deposit is held in a scheme.", "condescension.any-professional"),
    ("I'm sure you'll manage it this time.", "condescension.hand-holding"),
])
def test_session_six_devices(check, text, rule):
    assert rule in [i.rule for i in check(text=text, rules=[rule]).issues]


@pytest.mark.parametrize("text", [
    "We'd love to do the signs for y'all once things quieten down.\n\nBless,\nCarla",  # a sign-off
    "This is the third time I've asked for the insurance certificate; we can't start on site without it.",  # a chaser
    "Reading the handbook before your first shift will help you settle in.",  # advice, not a scolding
    "It only took three rounds of edits, thanks to your clear notes.",  # sincere thanks
    "We've labelled every box so nothing gets lost in the move.",  # care, not a slow explanation
])
def test_session_six_near_misses(check, text):
    assert condescension(check, text) == []


def test_session_seven_families(service):
    """tests/data/tone_cond_s7.jsonl: the families behind the misses in the session-6 blind drafts
    (w25v-w30v) and in sentences.jsonl, each written as phrasings another writer would use plus
    near-misses, before the rules. Round 1 (9 families x 12 + 6): 23 of 108 flagged before, three
    near-misses flagged. Round 2 (48 + 24, written after round 1's rules): the nine families 30 of 36
    (0.83) before any change, two near-misses flagged; two new families 0 of 12. Round 3 (50 + 27,
    after round 2): earlier families 13 of 14, one near-miss; three new families 0 of 36, then 23 of 36
    (basic-ui-fact only 4 of 12: the tautology frames, not a list of every obvious fact). Round 4 (14 in
    US, terse and non-native registers + 20 realistic near-misses): 11 of 14, no near-miss. Round 5
    (truism): 0 of 12, then 12 of 12. The floor only catches regressions; no near-miss may be flagged."""
    from tact.evaluation import evaluate, read_jsonl
    from labeled import DATA

    report = evaluate(read_jsonl(str(DATA / "tone_cond_s7.jsonl")), _pattern_rules_only(service), ("condescension",))
    assert report.scores["condescension"].recall >= 0.88  # 0.910 when round 5 went in
    assert report.clean_flagged == 0


@pytest.mark.parametrize("text, rule", [
    ("Maybe ask someone in your finance team to explain the statement to you.", "condescension.get-it-explained"),
    ("Online forms can be so confusing, I know!", "condescension.scary-basics"),
    ("Updating the rota is usually what a shift manager does.", "condescension.your-job-reminder"),
    ("Well done for finally finding the mute button.", "condescension.mock-congrats"),
    ("With a bit more practice, the quoting will come naturally to you.", "condescension.eventual-mastery"),
    ("As I said at our last two appointments, the dressing must stay dry.", "condescension.said-before-count"),
    ("I'll explain again, because you didn't understand the first time: the fee is fixed.", "condescension.repetition"),
    ("Let me put it in plain English once more.", "condescension.plain-terms"),
    ("Even a quick glance at the invoice would have spotted the VAT line.", "condescension.would-have-seen"),
    ("Hopefully pictures help.", "condescension.picture-book"),
    ("The shared folder is, funnily enough, where shared files go.", "condescension.obvious-aside"),
    ("Did you actually open the form? It's one page.", "condescension.short-document-jab"),
    ("There's a 'Spreadsheets for Beginners' course you might find useful.", "condescension.training-offer"),
    ("Only two typos in the title this time, well done!", "condescension.only-n-mistakes"),
    ("Your slot is 10 minutes, which means you should speak for no longer than 10 minutes.", "condescension.tautology"),
    ("Freezer items go in the freezer as soon as they arrive.", "condescension.tautology"),
    ("Kettles need water in them to boil.", "condescension.truism"),
])
def test_session_seven_devices(check, text, rule):
    assert rule in [i.rule for i in check(text=text, rules=[rule]).issues]


@pytest.mark.parametrize("text", [
    "Aye, I'll get round to the bathroom quote in a bit, love.",  # a tradesperson's own promise
    "One small thing for next time: put the case citations in footnotes rather than in the body.",  # feedback
    "Congratulations on finally getting the keys to the new house!",  # a celebration
    "The engineer can also show you how it works on Thursday if needed.",  # a booked visit
    "The call is at 10am, so I'll dial in at 10am.",  # the writer's own step, restated
    "As we discussed on our last two calls, the launch is now in May.",  # shared discussion, news
    "Hopefully the diagram helps you plan the furniture layout.",
    "We're running a training session on the new portal for all clients on Thursday.",
    "Plants need watering twice a week in July, more in a heatwave.",  # a schedule, not a truism
])
def test_session_seven_near_misses(check, text):
    assert condescension(check, text) == []
