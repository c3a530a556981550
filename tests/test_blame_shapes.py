"""Blame devices read by their grammar (checks/blame_shapes.py): a circumstance in place of the reason,
an apology on a condition, a harm admitted only through stacked hedges.

The flagged sentences are fresh variants (session 9), none copied from a labeled set: other
circumstances, other conditions, other hedges in the same grammatical shape."""
import pytest


def rule_hits(check, text, rule):
    return [i for i in check(text=text).issues if i.rule == rule]


@pytest.mark.parametrize("text", [
    "With the bank holiday and two drivers off sick, the pallets just didn't go out on Thursday.",
    "Between the audit and the office move, the brochure copy never got done.",
    "What with the rain and the road closures, the crew couldn't finish the fence this week.",
    "Given the power cut on Tuesday, the reports weren't ready in time.",
    "It's been absolute chaos here since the merger, so the contract review slipped.",
])
def test_a_circumstance_in_place_of_the_reason_is_flagged(check, text):
    issue, = rule_hits(check, text, "blame.circumstance-excuse")
    assert issue.text == text.rstrip()


@pytest.mark.parametrize("text", [
    "With the bank holiday, the pallets didn't go out on Thursday; they're booked for Monday at 8am.",
    "With your help, the launch went ahead on time.",
    "With the school holidays coming up, the office closes at 3pm on Fridays.",
    "Between the audit and the office move, we didn't finish the copy, and that's on us.",
    "Sorry to hear it's been so hectic, and that the move didn't happen on Friday.",
    "It's been a busy month, so thank you for your patience.",
])
def test_a_circumstance_with_a_fix_or_ownership_is_not_flagged(check, text):
    assert rule_hits(check, text, "blame.circumstance-excuse") == []


@pytest.mark.parametrize("text", [
    "If the wording in our letter upset your staff, then we're sorry about that.",
    "If the crate arrived scuffed, apologies for that.",
    "To the degree the noise bothered your neighbours, we regret that.",
    "Insofar as the new layout confused your team, I apologise.",
    "If the early start woke your tenants, that's regrettable.",  # session 16: an impersonal regret after the condition
    "If the noise caused you any bother, then I suppose I'm sorry about that.",  # a grudging lead-in
])
def test_an_apology_on_a_condition_is_flagged(check, text):
    issue, = rule_hits(check, text, "blame.conditional-apology")
    assert text.startswith(issue.text)


@pytest.mark.parametrize("text", [
    "If you need the files sooner, sorry, just let me know.",
    "If you'd like a call, I'm sorry I can only do Thursday.",
    "If the crate arrived scuffed, that's our fault, and a replacement ships today.",
    "I'm sorry the crate arrived scuffed; a replacement ships today.",
    "If you have questions about the invoice, apologies in advance for the jargon.",
    "If you can't make the 9th, that's unfortunate, but the 16th works too.",
])
def test_a_condition_that_offers_or_owns_is_not_flagged(check, text):
    assert rule_hits(check, text, "blame.conditional-apology") == []


@pytest.mark.parametrize("text", [
    "There might perhaps have been a minor mix-up with your seat numbers.",
    "Your deposit may possibly have been applied twice, perhaps.",
    "It appears there was possibly a slight error in the March totals.",
    "Some of the labels could conceivably have been printed slightly wrong.",
])
def test_a_harm_admitted_through_stacked_hedges_is_flagged(check, text):
    issue, = rule_hits(check, text, "blame.hedged-admission")
    assert issue.text == text.rstrip()


@pytest.mark.parametrize("text", [
    "There was an error in the March totals; the corrected sheet is attached.",
    "The courier may have been delayed by the snow; tracking updates tonight.",
    "You may possibly have missed the slight change in the schedule.",
    "If there may have been a small error, we'll check it today.",
    "The venue could possibly have room for a few more guests.",
    "Perhaps the slight delay was our mistake, and we've fixed it.",
])
def test_a_single_hedge_or_an_owned_harm_is_not_flagged(check, text):
    assert rule_hits(check, text, "blame.hedged-admission") == []


# Session 16: a failure told as "did not go out" under an impersonal regret; a crew's mistakes told after a
# team's apology; an apology opened by five words ("Our whole team is very sorry").
@pytest.mark.parametrize("text, rule", [
    ("It is regrettable that your statement did not go out before the deadline.", "blame.regret-without-agency"),
    ("Our whole team is very sorry that the order was late. The night crew made several mistakes on the labels.", "blame.apology-then-circumstance"),
])
def test_session_16_shapes_are_flagged(check, text, rule):
    assert rule_hits(check, text, rule)


@pytest.mark.parametrize("text, rule", [
    ("It's a pity the sun didn't come out for your party.", "blame.regret-without-agency"),
    ("Our whole team is very sorry that the order was late. We made several mistakes on the labels, and new ones ship today.", "blame.apology-then-circumstance"),
])
def test_session_16_near_misses_pass(check, text, rule):
    assert rule_hits(check, text, rule) == []


# Session 17: a hedged part in the harm ("may have contributed in some way to", "might have had a hand in")
# is a harm too; one hedge, or a part in something good, is not the device.
@pytest.mark.parametrize("text", [
    "Our crew may possibly have played some part in the damage to the fence.",
    "It's conceivable that our van might have had a hand in the scrape on your gate.",
    "There's a chance our vehicles may have played a small role in the ruts on the verge.",
])
def test_session_17_hedged_part_in_a_harm_is_flagged(check, text):
    assert rule_hits(check, text, "blame.hedged-admission")


@pytest.mark.parametrize("text", [
    "Your suggestions may have contributed to the smoother launch, thank you.",
    "Our crew damaged the fence, and we'll replace the panel on Monday.",
    "It's possible the part may arrive early.",
])
def test_session_17_hedged_part_near_misses_pass(check, text):
    assert rule_hits(check, text, "blame.hedged-admission") == []


# Session 17: the miss told as fated or impossible after a circumstance ("was always going to slip",
# "have inevitably fallen behind", "there was no way it was getting done"); a good outcome is not a miss.
@pytest.mark.parametrize("text", [
    "What with the storms and two drivers off, the deliveries were always going to slip.",
    "With the audit and the office move, things have inevitably fallen behind on your file.",
    "With half the crew off sick, there was no way the roof was getting done this week.",
    "It's been a brutal couple of weeks here, so a few jobs have been slipping.",
])
def test_session_17_fated_miss_after_a_circumstance_is_flagged(check, text):
    assert rule_hits(check, text, "blame.circumstance-excuse")


@pytest.mark.parametrize("text", [
    "With your help, the launch was always going to be a success.",
    "With the new crane, the roof was always going to be quick.",
    "Between you and me, it was impossible to choose a favourite design.",
])
def test_session_17_fated_near_misses_pass(check, text):
    assert rule_hits(check, text, "blame.circumstance-excuse") == []


# Session 18: an excuse after "but" led by a plea ("you have to understand that", "as you can imagine,"), a
# claim of no control ("I can't control their diaries"), or someone else's wish as the cause ("all our clients
# wanted deliveries"); an offer, a fix or our own wish after the plea is still no excuse.
@pytest.mark.parametrize("text", [
    "I apologise for the late reply, but you have to understand that our office was moving that week.",
    "Sorry the parts came late, but as you can imagine, the port was chaos after the strike.",
    "Sorry the draft is late, but the partners only signed off last night and I can't control their diaries.",
    "I'm sorry the tiles were late, but all our clients wanted deliveries before Christmas.",
    "Apologies that the survey slipped, but please understand that two surveyors were off sick.",
])
def test_session_18_pleaded_excuse_after_but_is_flagged(check, text):
    assert rule_hits(check, text, "blame.apology-then-circumstance")


@pytest.mark.parametrize("text", [
    "Sorry for the delay, but you can now download the report from the portal.",
    "Sorry the parts were late, but as you can imagine, we've prioritised your order and it ships today.",
    "I'm sorry the permit is late, but I can't control the council's timetable, so I've asked them for a date and will tell you on Friday.",
    "Sorry the invoice was late, but we wanted to be sure every line was right, and it's attached.",
])
def test_session_18_pleaded_excuse_near_misses_pass(check, text):
    assert rule_hits(check, text, "blame.apology-then-circumstance") == []


# A group's strain told right after the apology ("no-remedy team apology"); a busy spell with the shop
# or the team as its subject ("circumstantial excuse"); a regret that it came after the date it was for.
@pytest.mark.parametrize("text, rule, flagged", [
    ("Apologies from all of us that the quote was late. Our site engineers have been badly stretched since March.",
     "blame.apology-then-circumstance", "Our site engineers have been badly stretched since March."),
    ("Sorry on behalf of the studio that your prints were wrong. The new staff are still getting up to speed.",
     "blame.apology-then-circumstance", "The new staff are still getting up to speed."),
    ("We're sorry the boiler service was missed. It was a hectic spell for everybody here.",
     "blame.apology-then-circumstance", "It was a hectic spell for everybody here."),
    ("The whole team has been snowed under since the audit, so the handbook never got finished.",
     "blame.circumstance-excuse", "The whole team has been snowed under since the audit, so the handbook never got finished."),
    ("It's regrettable that the signed deeds reached your solicitor after the closing date.",
     "blame.regret-without-agency", "It's regrettable that the signed deeds reached your solicitor after the closing date."),
])
def test_group_strain_busy_team_and_arrival_after_the_date_are_flagged(check, text, rule, flagged):
    issue, = rule_hits(check, text, rule)
    assert issue.text == flagged


@pytest.mark.parametrize("text, rule", [
    ("Apologies, I wasn't able to submit the chapter by Friday. It's been a hectic week.", "blame.apology-then-circumstance"),
    ("I'm so sorry I missed our call yesterday. Things got away from me.", "blame.apology-then-circumstance"),
    ("Sorry the proofs are late. The shop's been swamped this month.", "blame.apology-then-circumstance"),
    ("Sorry for the slow reply. Everyone here has been flat out with the launch.", "blame.apology-then-circumstance"),
    ("We're sorry the order was late. Our drivers have been stretched thin, so we've hired two more and it ships Monday.",
     "blame.apology-then-circumstance"),
    ("The whole team has been flat out this month, and your report is attached.", "blame.circumstance-excuse"),
    ("It's a shame the rain came after the harvest was in.", "blame.regret-without-agency"),
])
def test_own_busy_week_fixes_and_plain_regrets_pass(check, text, rule):
    assert rule_hits(check, text, rule) == []
