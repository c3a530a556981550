"""The seven time zone checks, the seed scenario, near-misses and DST edges."""
import pytest

from tact.checks.times import zones


def timezone_issues(check, text, **context):
    result = check(text=text, context=context, categories=["timezone"])
    for issue in result.issues:  # offsets select exactly the flagged text
        assert text[issue.offset:issue.offset + issue.length] == issue.text
    return result.issues


def one(check, text, **context):
    issues = timezone_issues(check, text, **context)
    assert len(issues) == 1, [(i.rule, i.text) for i in issues]
    return issues[0]


LA, CHICAGO, NY = "America/Los_Angeles", "America/Chicago", "America/New_York"


# ------------------------------------------------------------------ the seed scenario

def test_seed_confirming_2pm_to_a_client_who_proposed_2pm_central(check):
    issue = one(check, "Great, I'll send an invite for Tuesday at 2pm.",
                sender_timezone=LA, recipient_timezone=CHICAGO, sent_at="2026-07-14T09:30:00-07:00",
                quoted="Could we talk at 2pm Central on Tuesday?")
    assert issue.category == "timezone"
    assert issue.text == "Tuesday at 2pm"
    assert "Central" in issue.message and "Pacific" in issue.message
    assert issue.replacements[0] == "Tuesday at 2pm CT (12pm PT)"


def test_seed_through_the_native_api(client):
    response = client.post("/api/v1/check", json={
        "text": "Great, I'll send an invite for Tuesday at 2pm.",
        "context": {"sender_timezone": LA, "recipient_timezone": CHICAGO, "sent_at": "2026-07-14T09:30:00-07:00",
                    "quoted": "On Mon, Dana wrote:\n> Could we talk at 2pm Central on Tuesday?"},
        "categories": ["timezone"]})
    issue, = response.get_json()["issues"]
    assert (issue["offset"], issue["length"], issue["rule"]) == (31, 14, "timezone.differs-from-thread")


# ------------------------------------------------------------------ 1. no zone

def test_time_without_zone_between_different_zones_suggests_both(check):
    issue = one(check, "Can we talk Thursday at 4pm?", sender_timezone=LA, recipient_timezone=NY,
                sent_at="2026-08-04T12:00:00-07:00")
    assert issue.rule == "timezone.no-zone"
    assert issue.replacements == ("Thursday at 4pm PT (7pm ET)",)
    assert "Pacific" in issue.message and "Eastern" in issue.message


def test_time_without_zone_when_the_recipient_zone_is_unknown(check):
    issue = one(check, "The review is set for Friday at 10am.", sender_timezone="Asia/Kolkata",
                sent_at="2026-03-02T10:00:00+05:30")
    assert issue.replacements == ("Friday at 10am India time",)
    assert "unknown" in issue.message


@pytest.mark.parametrize("sender, recipient", [
    (CHICAGO, CHICAGO), ("America/Toronto", NY), ("Europe/Paris", "Europe/Berlin"), ("Asia/Kolkata", "Asia/Calcutta"),
])
def test_no_zone_needed_when_the_clocks_agree(check, sender, recipient):
    assert timezone_issues(check, "Tuesday at 2pm works for me.", sender_timezone=sender,
                           recipient_timezone=recipient, sent_at="2026-05-01T11:00:00-05:00") == []


def test_a_zone_declared_once_covers_the_drafts_times(check):
    context = dict(sender_timezone=NY, recipient_timezone="Europe/London", sent_at="2026-07-08T09:00:00-04:00")
    assert timezone_issues(check, "Thursday: kickoff at 9am, break at 10:30. All times are Eastern.", **context) == []
    assert timezone_issues(check, "Thursday: kickoff at 9am, break at 10:30 (times in ET).", **context) == []
    assert len(timezone_issues(check, "Kickoff is Thursday at 9am; we meet three times a week.", **context)) == 1


@pytest.mark.parametrize("text", [
    "Could we review it on Tuesday, 28 July at 10:00 São Paulo time?",
    "Could we meet on Tuesday, 28 July at 10:00 in Bogotá?",
    "Kickoff is Tuesday, 28 July at 10:00 Sao Paulo time.",
])
def test_a_city_named_with_or_without_its_accents_is_a_zone(check, text):
    assert timezone_issues(check, text, sender_timezone="America/Sao_Paulo", recipient_timezone="Europe/London",
                           sent_at="2026-07-20T10:00:00-03:00") == []


def test_no_zone_flag_without_any_zone_to_suggest(check):
    assert timezone_issues(check, "Tuesday at 2pm works for me.") == []


def test_half_hour_and_45_minute_zones_convert_exactly(check):
    kolkata = one(check, "Let's talk Tuesday at 2pm.", sender_timezone=LA, recipient_timezone="Asia/Kolkata",
                  sent_at="2026-01-12T09:00:00-08:00")
    assert kolkata.replacements[0] == "Tuesday at 2pm PT (3:30am India time on Wednesday)"
    kathmandu = one(check, "Let's talk Tuesday at 9am.", sender_timezone="Asia/Kathmandu",
                    recipient_timezone="Europe/London", sent_at="2026-01-12T09:00:00+05:45")
    assert kathmandu.replacements[0] == "Tuesday at 9am Nepal time (3:15am UK time)"


@pytest.mark.parametrize("text, expected", [
    ("Saturday, March 7 at 3pm", "3pm UK time (10am ET)"),   # both on standard time
    ("Sunday, March 8 at 3pm", "3pm UK time (11am ET)"),     # US daylight time began at 2am that Sunday
    ("Monday, March 30 at 3pm", "3pm UK time (10am ET)"),    # UK summer time began on March 29
])
def test_conversions_follow_each_zones_own_dst_dates(check, text, expected):
    issue = one(check, f"How about {text}?", sender_timezone="Europe/London", recipient_timezone=NY,
                sent_at="2026-03-02T09:00:00+00:00")
    assert issue.replacements[0].endswith(expected)


def test_southern_hemisphere_offsets_move_the_other_way(check):
    january = one(check, "Could we do a demo on Friday, January 16 at 11am?", sender_timezone="Australia/Sydney",
                  recipient_timezone=LA, sent_at="2026-01-12T09:00:00+11:00")
    assert january.replacements[0].endswith("11am AEDT (4pm PT on Thursday)")
    july = one(check, "Could we do a demo on Friday, July 17 at 11am?", sender_timezone="Australia/Sydney",
               recipient_timezone=LA, sent_at="2026-07-12T09:00:00+10:00")
    assert july.replacements[0].endswith("11am AEST (6pm PT on Thursday)")


# ------------------------------------------------------------------ 2. ambiguous abbreviation

@pytest.mark.parametrize("text, sender, recipient, replacement", [
    ("Thursday at 9am CST", "Asia/Shanghai", CHICAGO, "9am China time (8pm CT on Wednesday)"),
    ("Friday 4pm IST", "Asia/Kolkata", "Europe/Dublin", "4pm India time (11:30am Irish time)"),
    ("Monday at 3pm BST", "Asia/Dhaka", "Europe/London", "3pm Bangladesh time (10am UK time)"),
])
def test_ambiguous_abbreviation_between_parties_who_read_it_differently(check, text, sender, recipient, replacement):
    issue = one(check, f"The call is {text}.", sender_timezone=sender, recipient_timezone=recipient,
                sent_at="2026-06-10T12:00:00+00:00")
    assert issue.rule == "timezone.ambiguous-abbreviation"
    assert issue.replacements[0] == replacement


def test_shared_abbreviation_between_parties_in_the_same_place_passes(check):
    assert timezone_issues(check, "The call is Friday 4pm IST.", sender_timezone="Asia/Kolkata",
                           recipient_timezone="Asia/Kolkata", sent_at="2026-06-10T12:00:00+05:30") == []


def test_abbreviation_names_come_from_tzdata():
    cst_zones = {use.zone for use in zones.uses_of("CST")}
    assert {"America/Chicago", "Asia/Shanghai", "America/Havana"} <= cst_zones
    assert {use.zone for use in zones.uses_of("IST")} >= {"Asia/Kolkata", "Asia/Jerusalem", "Europe/Dublin"}
    assert "Asia/Dhaka" in {use.zone for use in zones.uses_of("BST")}  # from the small supplement


# ------------------------------------------------------------------ 3. standard time in summer

@pytest.mark.parametrize("text, sender, sent_at, fixes", [
    ("on July 16 at 11am EST", NY, "2026-07-08T09:00:00-04:00", ("11am ET", "11am EDT")),
    ("on January 20 at 10am EDT", NY, "2026-01-08T09:00:00-05:00", ("10am ET", "10am EST")),
    ("on Sunday, March 8 at 3pm EST", NY, "2026-03-02T09:00:00-05:00", ("3pm ET", "3pm EDT")),
    ("on Sunday, March 29 at 10:00 CET", "Europe/Berlin", "2026-03-20T09:00:00+01:00", ("10:00 CEST",)),
    ("on Sunday, April 5 at 10am AEDT", "Australia/Sydney", "2026-03-30T09:00:00+11:00", ("10am AEST",)),
    ("on January 15 at 9am AEST", "Australia/Sydney", "2026-01-05T09:00:00+11:00", ("9am AEDT",)),
    ("on July 16 at 11am Eastern Standard Time", NY, "2026-07-08T09:00:00-04:00", ("11am ET", "11am EDT")),
])
def test_season_of_the_abbreviation_must_match_the_date(check, text, sender, sent_at, fixes):
    issue = one(check, f"The review is {text}.", sender_timezone=sender, recipient_timezone=sender, sent_at=sent_at)
    assert issue.rule == "timezone.daylight-mismatch"
    assert issue.replacements == fixes


@pytest.mark.parametrize("text, sender, sent_at", [
    ("on Saturday, March 7 at 3pm EST", NY, "2026-03-02T09:00:00-05:00"),  # the day before the change
    ("on Saturday, March 28 at 10:00 CET", "Europe/Berlin", "2026-03-20T09:00:00+01:00"),
    ("on July 16 at 10am MST", "America/Phoenix", "2026-07-08T09:00:00-07:00"),  # Arizona keeps MST
    ("on July 16 at 11am ET", NY, "2026-07-08T09:00:00-04:00"),
    ("on July 15 at 9am AEST", "Australia/Sydney", "2026-07-05T09:00:00+10:00"),
    ("on November 5 at 14:00 GMT", "Europe/London", "2026-10-27T09:40:00+00:00"),
])
def test_abbreviation_in_its_own_season_passes(check, text, sender, sent_at):
    assert timezone_issues(check, f"The review is {text}.", sender_timezone=sender, recipient_timezone=sender,
                           sent_at=sent_at) == []


# ------------------------------------------------------------------ 4. differs from the quoted thread

THREAD = {"sender_timezone": LA, "recipient_timezone": CHICAGO, "sent_at": "2026-07-14T09:30:00-07:00"}


def test_same_clock_in_another_zone_than_the_thread(check):
    issue = one(check, "Monday at 1pm ET works great.", sender_timezone=NY, recipient_timezone=CHICAGO,
                sent_at="2026-09-10T12:00:00-04:00", quoted="> I can do 1pm Central on Monday.")
    assert issue.rule == "timezone.differs-from-thread"
    assert issue.replacements == ("Monday at 2pm ET (1pm CT)",)


def test_other_time_on_the_same_day_as_the_thread(check):
    issue = one(check, "Great, I've put Thursday at 10am ET on the calendar.", sender_timezone=CHICAGO,
                recipient_timezone=NY, sent_at="2026-10-06T15:00:00-05:00",
                quoted="On Tue, Oct 6, 2026 at 2:31 PM, Paolo wrote:\n> Thursday 10:30am ET works for us.")
    assert issue.replacements == ("Thursday at 10:30am ET",)
    assert "10:30am" in issue.message


def test_same_time_on_another_day_than_the_thread(check):
    issue = one(check, "See you Thursday at 3pm PT.", sender_timezone=LA, recipient_timezone=LA,
                sent_at="2026-01-16T16:30:00-08:00", quoted="> Let's do Wednesday at 3pm PT.")
    assert issue.replacements == ("Wednesday at 3pm PT",)


@pytest.mark.parametrize("text", [
    "Thursday works. I've sent an invite for 3pm Eastern, which is 2pm your time.",
    "Great, I'll send an invite for Thursday at 2pm CT (12pm PT).",
    "Thursday doesn't work for me; how about Friday at 11am PT instead?",
    "I'll send the agenda by 5pm tomorrow.",
])
def test_thread_near_misses(check, text):
    issues = timezone_issues(check, text, **{**THREAD, "sender_timezone": NY},
                             quoted="> Would Thursday at 2pm Central work?")
    assert [i for i in issues if i.rule == "timezone.differs-from-thread"] == []


def test_older_messages_in_the_thread_are_not_the_proposal(check):
    quoted = ("On Mon, Dana wrote:\n> Tuesday at 2pm PT is confirmed.\n>\n"
              ">> On Sun, Kyle wrote:\n>> How about Tuesday at 4pm PT?\n")
    assert timezone_issues(check, "See you Tuesday at 2pm PT.", **THREAD, quoted=quoted) == []


# ------------------------------------------------------------------ 5. weekday and date

@pytest.mark.parametrize("text, fixes", [
    ("Tuesday, March 12", ("Thursday, March 12", "Tuesday, March 10")),
    ("Wed 5 November", ("Thu 5 November", "Wed 4 November")),
    ("next Monday, Feb 10", ("next Tuesday, Feb 10", "next Monday, Feb 9")),
    ("Friday, October 1, 2027", ("Friday, October 1, 2027",)),  # 2027: October 1 is a Friday
])
def test_weekday_that_does_not_match_its_date(check, text, fixes):
    issues = timezone_issues(check, f"The walkthrough is {text}.", sender_timezone=NY,
                             sent_at="2026-03-03T10:10:00-05:00")
    if fixes == (text,):
        assert issues == []
        return
    issue, = issues
    assert (issue.rule, issue.text, issue.replacements) == ("timezone.weekday-mismatch", text, fixes)


def test_weekday_with_a_yearless_date_and_no_send_time_is_not_judged(check):
    """Without `sent_at` the year meant is unknown: "Friday 10 October" is right in 2025, wrong in 2026."""
    assert timezone_issues(check, "Could you arrange payment by Friday 10 October?") == []
    issue = one(check, "Could you arrange payment by Friday 10 October?", sent_at="2026-09-20T10:00:00+01:00")
    assert issue.rule == "timezone.weekday-mismatch"
    issue = one(check, "Could you arrange payment by Friday 10 October 2026?")
    assert issue.rule == "timezone.weekday-mismatch"


# ------------------------------------------------------------------ 6. outside the reader's working day

def test_time_outside_the_readers_working_day_is_a_suggestion(check):
    issue = one(check, "Let's talk Thursday at 10am ET.", sender_timezone=NY, recipient_timezone="Asia/Tokyo",
                sent_at="2026-04-28T20:00:00-04:00")
    assert (issue.rule, issue.severity) == ("timezone.outside-hours", "suggestion")
    assert "11pm JST" in issue.message


def test_working_day_check_in_a_45_minute_zone(check):
    issue = one(check, "Let's talk Tuesday at 9am ET.", sender_timezone=NY, recipient_timezone="Asia/Kathmandu",
                sent_at="2026-01-12T09:00:00-05:00")
    assert "7:45pm Nepal time" in issue.message


def test_working_day_check_ignores_deadlines_and_shared_clocks(check):
    assert timezone_issues(check, "Please send the files by 11pm ET.", sender_timezone=NY,
                           recipient_timezone="Asia/Tokyo", sent_at="2026-04-28T20:00:00-04:00") == []
    assert timezone_issues(check, "The crew is back Monday at 7am.", sender_timezone=CHICAGO,
                           recipient_timezone=CHICAGO, sent_at="2026-05-14T16:10:00-05:00") == []


# ------------------------------------------------------------------ near-misses

@pytest.mark.parametrize("text", [
    "The install takes 2 hours; the fee is $2 and we ship 2 pm-ready templates in version 2.3.1.",
    "Refunds appear within 3–5 business days. Call +1 312 555 0148.",
    "Let's talk Tuesday at 2pm PT (4pm CT).",
    "The call is Thursday at 9am Chicago time (16:00 in Berlin).",
    "Sorry I missed the 10am yesterday.",
    "The samples will arrive Wednesday.",
])
def test_near_misses_raise_nothing(check, text):
    assert timezone_issues(check, text, sender_timezone=CHICAGO, recipient_timezone="America/Denver",
                           sent_at="2026-05-05T16:00:00-05:00") == []


def test_times_in_the_quoted_thread_are_never_flagged(check):
    text = "Sounds good, see you then.\n\nOn Mon, Dana wrote:\n> Could we talk Tuesday at 2pm CST?\n> Wed, March 12?"
    assert timezone_issues(check, text, sender_timezone=LA, recipient_timezone="Asia/Shanghai",
                           sent_at="2026-07-14T09:30:00-07:00") == []
    assert timezone_issues(check, "Sounds good, see you then.", sender_timezone=LA, recipient_timezone=NY,
                           quoted="> Tuesday at 2pm?") == []


def test_html_input_maps_the_issue_back_to_the_source(check):
    html = "<div>Great, I&#39;ll send an invite for <b>Tuesday</b> at 2pm.</div>"
    result = check(html=html, context={**THREAD, "quoted": "> Could we talk at 2pm Central on Tuesday?"},
                   categories=["timezone"])
    issue, = result.issues
    assert issue.text == "Tuesday at 2pm"
    assert issue.replacements[0] == "Tuesday at 2pm CT (12pm PT)"


# ------------------------------------------------------------------ robustness

from hypothesis import given, settings, strategies as st  # noqa: E402

PIECES = ["Tuesday", "Tue", "March 14", "14 March", "the 14th", "3/14", "2026-02-29", "2pm", "2:30 p.m.", "14:00",
          "noon", "half past three", "2–3pm", "at", "by", "on", " ", ", ", "(", ")", "CST", "IST", "ET", "Central",
          "UTC+5:30", "GMT-06:00", "London time", "in Berlin", "your time", "next", "tomorrow", "$2", "2 hours",
          "99:99", "0/0", "31/31", "February 30", "Feb 31st", "> ", "\n", "On Mon, X wrote:", "é", "\ud83d\ude00"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.sampled_from([None, "2026-03-08T01:30:00-05:00"]))
def test_any_mix_of_time_words_gives_valid_offsets(check, pieces, sent_at):
    text = "".join(pieces)
    context = {"sender_timezone": "America/New_York", "recipient_timezone": "Asia/Kathmandu",
               "quoted": "> " + text}
    if sent_at:
        context["sent_at"] = sent_at
    timezone_issues(check, text, **context)


@pytest.mark.parametrize("text", [
    "Let's do 3pm UK time (10am for you in New York).",
    "Let's do 3pm UK time, which is 10am on your end.",
    "Let's do 3pm NYC time.",
    "Let's do 10am where you are.",
    "Shall we do Wednesday at 9:00 Tokyo time? That's 17:00 on Tuesday for me in Los Angeles.",
])
def test_upper_case_places_and_the_readers_own_clock_count_as_zones(check, text):
    assert timezone_issues(check, text, sender_timezone="Europe/London", recipient_timezone=NY,
                           sent_at="2026-01-20T11:40:00+00:00") == []


def test_an_unknown_upper_case_word_after_a_time_is_no_zone(check):
    issue = one(check, "Let's do 3pm ABC.", sender_timezone="Europe/London", recipient_timezone=NY,
                sent_at="2026-01-20T11:40:00+00:00")
    assert issue.rule == "timezone.no-zone"


def test_the_past_sentence_test_agrees_with_its_regex():
    """`_about_the_past` skips the regex where no past word can be: same answer on random texts,
    letters re.I folds into ASCII included."""
    import random

    from tact.checks.times.checks import _PAST, _about_the_past

    rnd = random.Random(11)
    pieces = ["yesterday", "ago", "last week", "last  week", "LAST TIME", "missed", "earlier today", "a", " ", "x",
              "agony", "lastweek", "mis", "sed", "wee", "earl", "er today", "ye", "sterday", "–", "é", "Σ",
              "ſ", "\u212a", "İ", "ı", "MİSSED"]
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6)))
        assert _about_the_past(text) == bool(_PAST.search(text)), text


# ------------------------------------------------------------------ clocks and places in other usages

POS, LONDON = "America/Port_of_Spain", "Europe/London"


@pytest.mark.parametrize("text, flagged", [
    ("Let's try again: Thursday at 14h, same link.", "Thursday at 14h"),
    ("Could we do Friday at 9h30?", "Friday at 9h30"),
])
def test_a_24_hour_clock_written_with_h_is_a_time(check, text, flagged):
    issue = one(check, text, sender_timezone=POS, recipient_timezone=LONDON, sent_at="2026-05-28T09:40:00-04:00")
    assert issue.rule == "timezone.no-zone" and issue.text == flagged


@pytest.mark.parametrize("text", [
    "We reply within 2h on weekdays.",
    "The crossing takes 14h door to door.",
    "Let's talk on Thursday 4 June at 10:00 Trinidad time (UTC−4), which is 15:00 in London.",
    "Friday at 3pm Ghana time works for our team.",
    "Tuesday 10am Kenya time, then.",
])
def test_durations_and_single_zone_countries_are_no_missing_zone(check, text):
    assert timezone_issues(check, text, sender_timezone=POS, recipient_timezone=LONDON,
                           sent_at="2026-05-28T09:40:00-04:00") == []


# ------------------------------------------------------------------ session 9: misses on independent drafts

def test_my_time_in_the_quoted_thread_is_the_other_partys_zone(check):
    """The thread is the client's words: their "my time" is the recipient's zone, not the sender's."""
    issue = one(check, "Sounds good. I'll call you Tuesday at 10 Central for the walkthrough.",
                sender_timezone=CHICAGO, recipient_timezone="America/Phoenix", sent_at="2026-08-03T16:00:00-05:00",
                quoted="On Mon, Aug 3, 2026, Wes wrote:\n> Tuesday at 10 my time works for the walkthrough. I'm in Phoenix.")
    assert issue.rule == "timezone.differs-from-thread"
    assert issue.replacements[0] == "Tuesday at 12pm Central (10am Arizona time)"


def test_the_thread_saying_my_time_in_the_readers_zone_is_matched(check):
    assert timezone_issues(check, "Wednesday at 3pm your time suits us for the call.",
                           sender_timezone="Africa/Nairobi", recipient_timezone="Europe/Berlin",
                           sent_at="2026-06-15T10:00:00+03:00",
                           quoted="On Mon, Klaus wrote:\n> Could we do the call on Wednesday at 3 pm my time (Berlin)?") == []
    issue = one(check, "Wednesday at 2pm your time suits us for the call.",
                sender_timezone="Africa/Nairobi", recipient_timezone="Europe/Berlin", sent_at="2026-06-15T10:00:00+03:00",
                quoted="On Mon, Klaus wrote:\n> Could we do the call on Wednesday at 3 pm my time (Berlin)?")
    assert issue.rule == "timezone.differs-from-thread"


@pytest.mark.parametrize("verb, flagged", [("come by", True), ("stop by", True), ("reply by", False)])
def test_come_by_thursday_is_a_visit_not_a_deadline(check, verb, flagged):
    issues = timezone_issues(check, "Confirmed, see you Thursday 4:30pm HKT at your office.",
                             sender_timezone="Asia/Singapore", recipient_timezone="Asia/Hong_Kong",
                             sent_at="2026-09-07T11:00:00+08:00",
                             quoted=f"On 7 Sep 2026, Vincent wrote:\n> Can you {verb} Thursday at 3:30pm HKT?")
    assert [i.rule for i in issues] == (["timezone.differs-from-thread"] if flagged else [])


def test_a_proposed_time_takes_the_day_named_before_it_on_its_line_and_an_owned_time_is_no_proposal(check):
    quoted = ("On Thu, 7 May 2026, Karen wrote:\n> Tuesday 12 May works for us. Let's do 3:00 PM Sydney time "
              "so our controller can join after her 2 PM meeting.")
    context = dict(sender_timezone="Asia/Manila", recipient_timezone="Australia/Sydney", sent_at="2026-05-08T10:30:00+08:00")
    issue = one(check, "Noted: the cut-over call is on Tuesday, 12 May at 2:00 PM Sydney time.", quoted=quoted, **context)
    assert issue.rule == "timezone.differs-from-thread" and issue.replacements[0] == "Tuesday, 12 May at 3pm Sydney time"
    assert timezone_issues(check, "Noted: the cut-over call is on Tuesday, 12 May at 3:00 PM Sydney time.",
                           quoted=quoted, **context) == []


def test_half_two_is_half_past_two(check):
    issue = one(check, "Let's try again: Thursday at half two, same link.",
                sender_timezone="Europe/Dublin", recipient_timezone="America/Toronto", sent_at="2026-09-08T16:20:00+01:00")
    assert issue.rule == "timezone.no-zone" and "9:30am ET" in issue.message
    assert timezone_issues(check, "Cut the budget in half two times over.", sender_timezone="Europe/Dublin",
                           recipient_timezone="America/Toronto", sent_at="2026-09-08T16:20:00+01:00") == []


@pytest.mark.parametrize("text, flagged", [
    ("Shall we do the call tomorrow, Wednesday, at 10:00? 😊", "tomorrow, Wednesday"),
    ("Let's do the visit tomorrow (Wednesday) at 2pm.", "tomorrow (Wednesday"),
    ("Shall we do the call tomorrow, Tuesday, at 10:00?", None),
    ("See you tomorrow, Wednesday is the backup.", None),
])
def test_tomorrow_named_with_the_wrong_weekday(check, text, flagged):
    issues = timezone_issues(check, text, sender_timezone="Europe/Berlin", recipient_timezone="Europe/Berlin",
                             sent_at="2026-11-23T15:00:00+01:00")  # a Monday: tomorrow is Tuesday
    assert [i.text for i in issues] == ([flagged] if flagged else [])
    if flagged:
        assert issues[0].message == "Tomorrow (November 24, 2026) is a Tuesday, not a Wednesday."
        assert list(issues[0].replacements) == [flagged.replace("Wednesday", "Tuesday"), "Wednesday"]


# ------------------------------------------------------------------ 7. a conversion that does not add up

def test_a_conversion_off_by_the_weeks_when_clocks_change_apart(check):
    """19 March 2026: New York is on daylight time, Dublin not yet, so 10:00 there is 14:00 in Dublin."""
    text = "Café kick-off 🚀 Thursday 19 March, 10:00 New York time, which is 15:00 here in Dublin."
    issue = one(check, text, sender_timezone="Europe/Dublin", recipient_timezone=NY, sent_at="2026-03-16T12:00:00+00:00")
    assert (issue.rule, issue.text, issue.replacements) == ("timezone.wrong-conversion", "15:00 here in Dublin",
                                                           ("14:00 here in Dublin",))
    assert text.encode("utf-16-le")[2 * issue.offset_utf16:2 * (issue.offset_utf16 + issue.length_utf16)].decode(
        "utf-16-le") == issue.text  # the rocket is two UTF-16 units
    assert timezone_issues(check, text.replace("15:00", "14:00"), sender_timezone="Europe/Dublin",
                           recipient_timezone=NY, sent_at="2026-03-16T12:00:00+00:00") == []


def test_a_converted_time_on_the_wrong_day_gets_the_right_day(check):
    issue = one(check, "Let's meet Monday 2 November at 11pm PT (8am CET on Monday 2 November).",
                sender_timezone=LA, recipient_timezone="Europe/Berlin", sent_at="2026-10-27T09:00:00-07:00")
    assert issue.replacements == ("8am CET on Tuesday 3 November",)


def test_two_alternative_slots_are_not_a_conversion(check):
    assert timezone_issues(check, "Could we do 9am PT on Monday or 4pm CEST on Tuesday?", sender_timezone=LA,
                           recipient_timezone="Europe/Berlin", sent_at="2026-05-04T09:00:00-07:00") == []


@pytest.mark.parametrize("name, zone", [
    ("East Africa Time", "Africa/Nairobi"), ("Australian Eastern Standard Time", "Australia/Sydney"),
    ("Gulf Standard Time", "Asia/Dubai"), ("Greenwich Mean Time", "Etc/GMT"), ("British Summer Time", "Europe/London"),
])
def test_cldr_long_zone_names(name, zone):
    assert zones.long_names()[name.lower()][0] == zone


def test_a_long_zone_name_is_a_zone_and_its_season_is_checked(check):
    nairobi = dict(sender_timezone="Africa/Nairobi", recipient_timezone="Africa/Nairobi", sent_at="2026-12-01T09:00:00+03:00")
    assert timezone_issues(check, "Could we talk on Monday 7 December at 14:00 East Africa Time?", **nairobi) == []
    issue = one(check, "Our call is Tuesday 12 May at 17:00 Australian Eastern Daylight Time.",
                sender_timezone="Australia/Sydney", recipient_timezone="Australia/Sydney", sent_at="2026-05-06T09:30:00+10:00")
    assert issue.rule == "timezone.daylight-mismatch"
