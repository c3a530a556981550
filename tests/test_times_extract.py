"""Time mention extraction: clocks, ranges, days and zones, with offsets into the text."""
import datetime as dt

import pytest

from tact.checks.times.extract import extract, latest_message
from tact.request import parse_context

LA_TO_CHICAGO = {"sender_timezone": "America/Los_Angeles", "recipient_timezone": "America/Chicago",
                 "sent_at": "2026-07-14T09:30:00-07:00"}  # a Tuesday


def mentions(text, **context):
    found = extract(text, [(0, len(text))], parse_context({**LA_TO_CHICAGO, **context}))
    return found.mentions


def only(text, **context):
    found = mentions(text, **context)
    assert len(found) == 1, [text[m.start:m.end] for m in found]
    return found[0]


@pytest.mark.parametrize("text, hour, minute", [
    ("at 2pm", 14, 0), ("at 2:30 p.m.", 14, 30), ("at 14:00", 14, 0), ("at noon", 12, 0),
    ("at midnight", 0, 0), ("at half past three", 15, 30), ("at quarter to five", 16, 45), ("9 AM", 9, 0),
    ("at 2.30pm", 14, 30), ("three o'clock on Friday", 15, 0), ("at 09:15", 9, 15), ("at 4:30", 16, 30),
])
def test_clock_forms_read_as_24_hour_times(text, hour, minute):
    clock = only(text).clock
    assert (clock.hour, clock.minute) == (hour, minute)


@pytest.mark.parametrize("text, start, end", [
    ("2–3pm", 14, 15), ("11–1pm", 11, 13), ("10:00 to 11:30 am", 10, 11), ("9-11am ET", 9, 11),
])
def test_ranges_share_the_second_end_am_pm(text, start, end):
    clock = only(text).clock
    assert (clock.hour, clock.end_hour) == (start, end)


@pytest.mark.parametrize("text, date", [
    ("September 14 at 2pm", dt.date(2026, 9, 14)),
    ("14 September at 2pm", dt.date(2026, 9, 14)),
    ("Sept. 14 at 2pm", dt.date(2026, 9, 14)),
    ("9/14 at 2pm", dt.date(2026, 9, 14)),
    ("2026-03-14 at 2pm", dt.date(2026, 3, 14)),
    ("the 22nd at noon", dt.date(2026, 7, 22)),
    ("the 5th of October at 3pm", dt.date(2026, 10, 5)),
    ("March 14 at 2pm", dt.date(2027, 3, 14)),  # mail schedules ahead: the coming March
    ("July 1 at 2pm", dt.date(2026, 7, 1)),  # ...unless the date passed in the last two months
    ("March 14, 2026 at 2pm", dt.date(2026, 3, 14)),
])
def test_dates_resolve_to_the_coming_occurrence(text, date):
    assert only(text).date == date


def test_24_hour_clock_outside_the_americas():
    clock = only("at 10:00", sender_timezone="Europe/Berlin").clock
    assert (clock.hour, clock.stated, clock.style24) == (10, True, True)
    assert only("at 4:30", sender_timezone="Europe/Berlin").clock.hour == 4


def test_day_first_numeric_dates_for_senders_outside_the_americas():
    assert only("14/9 at 2pm", sender_timezone="Europe/Berlin").date == dt.date(2026, 9, 14)
    assert only("4/9 at 2pm", sender_timezone="Europe/Berlin").date == dt.date(2026, 9, 4)
    assert only("9/4 at 2pm").date == dt.date(2026, 9, 4)


@pytest.mark.parametrize("text, date", [
    ("tomorrow at 2pm", dt.date(2026, 7, 15)),
    ("today at 2pm", dt.date(2026, 7, 14)),
    ("next Tuesday at 2pm", dt.date(2026, 7, 21)),
    ("Tuesday at 2pm", dt.date(2026, 7, 21)),  # said on a Tuesday: the coming one
    ("this Friday at 2pm", dt.date(2026, 7, 17)),
    ("2pm Central on Thursday", dt.date(2026, 7, 16)),
])
def test_relative_days_resolve_against_sent_at(text, date):
    assert only(text).date == date


def test_relative_days_are_read_in_the_senders_zone():
    # 23:30 in Los Angeles is already the next day in UTC; "tomorrow" is still the 15th.
    late = only("tomorrow at 9am", sent_at="2026-07-14T23:30:00-07:00")
    assert late.date == dt.date(2026, 7, 15)


@pytest.mark.parametrize("text, zone, kind", [
    ("2pm ET", "America/New_York", "abbr"),
    ("2pm Central", "America/Chicago", "family"),
    ("2pm Pacific time", "America/Los_Angeles", "family"),
    ("2pm UTC+2", "UTC+02:00", "offset"),
    ("2pm GMT+5:30", "UTC+05:30", "offset"),
    ("2pm London time", "Europe/London", "place"),
    ("16:00 in Berlin", "Europe/Berlin", "place"),
    ("2pm Europe/Berlin", "Europe/Berlin", "iana"),
    ("2pm (CET)", "Europe/Berlin", "abbr"),
    ("2pm your time", "America/Chicago", "party"),
    ("2pm my time", "America/Los_Angeles", "party"),
    ("9am India time", "Asia/Kolkata", "place"),
])
def test_zone_mentions(text, zone, kind):
    found = only(text).zone
    assert (found.zone, found.kind) == (zone, kind)


def test_abbreviation_takes_the_meaning_of_a_party_that_uses_it():
    china = {"sender_timezone": "Asia/Shanghai", "recipient_timezone": "America/Chicago"}
    assert only("9am CST", **china).zone.zone == "Asia/Shanghai"
    assert only("9am CST").zone.zone == "America/Chicago"


def test_a_bare_city_names_the_zone_only_where_the_writing_shows_it_is_one():
    london, new_york = mentions("Thursday at 3pm London / 10am New York work for you?")
    assert (london.zone.zone, new_york.zone.zone) == ("Europe/London", "America/New_York")
    sydney, paris = mentions("Friday, 6pm Sydney time (10am Paris).")
    assert (sydney.zone.zone, paris.zone.zone) == ("Australia/Sydney", "Europe/Paris")
    assert only("Lunch at 1pm Denver, then drinks.").zone is None  # a place after a time, not its zone
    assert only("See you at 3pm Monday.").zone is None


def test_a_zone_after_a_list_of_times_covers_each():
    first, second = mentions("Let's do 2pm or 3pm ET.")
    assert first.zone.zone == second.zone.zone == "America/New_York"


def test_mention_spans_day_clock_and_zone():
    text = "Could we talk at 2pm Central on Tuesday? Or Friday, March 13 at 10am?"
    found = mentions(text)
    assert [text[m.start:m.end] for m in found] == ["2pm Central on Tuesday", "Friday, March 13 at 10am"]


@pytest.mark.parametrize("text", [
    "The install takes 2 hours and a 30-minute break.",
    "It costs $2 per seat, or $29/seat/month.",
    "We ship 2 pm-ready templates.",
    "Upgrade to v2.3.1 or Python 3.11.",
    "Refunds appear within 3–5 business days.",
    "Dial-in: +1 312 555 0148, code 7731, tracking 7712 4490 2231.",
    "The score was 3-2; see section 4.12 and page 10.",
    "We're at 10 now and aiming for 12 by Friday.",
    "I live at 3 Main St and work 24/7.",
])
def test_numbers_that_are_not_times(text):
    assert mentions(text) == ()


def test_bare_hours_count_only_beside_a_day():
    assert only("Thursday at 10").clock.hour == 10
    assert only("Thursday around 9").clock.hour == 9
    assert only("Meet me at 7 on Friday").clock.hour == 7
    assert only("Thursday at 3").clock.hour == 15  # an afternoon hour when no am/pm is given
    assert mentions("see you at 10") == ()


def test_deadlines_are_marked():
    assert only("Please reply by 5pm tomorrow.").deadline
    assert only("Thursday by 5pm works").deadline
    assert not only("Let's meet at 5pm tomorrow.").deadline


def test_latest_message_skips_headers_and_older_replies():
    quoted = ("On Tue, Oct 6, 2026 at 2:31 PM, Paolo wrote:\n> Thursday 10:30am ET works.\n>\n"
              ">> On Mon, Oct 5, 2026 at 9:00 AM, Dana wrote:\n>> Monday at 3pm?\n")
    text, ranges = latest_message(quoted)
    assert len(text) == len(quoted)
    kept = " ".join(text[a:b] for a, b in ranges)
    assert "10:30am" in kept and "3pm" not in kept and "2:31" not in kept


def test_digit_runs_start_where_the_regex_finds_them():
    """The candidate search's digit runs (bytes.find on ASCII text) are those `\\d+` finds, inside any range."""
    import random
    import re

    from tact.checks.times.anchors import _digit_runs

    rnd, digits = random.Random(5), re.compile(r"\d+")
    for _ in range(20000):
        text = "".join(rnd.choice("0123456789ab .:/-\u0663—") for _ in range(rnd.randint(0, 24)))
        lo = rnd.randint(0, len(text))
        hi = rnd.randint(lo, len(text))
        assert _digit_runs(text, lo, hi) == {m.start() for m in digits.finditer(text, lo, hi)}


def test_the_hyperscan_anchors_scan_in_many_threads_at_once():
    """A Hyperscan scratch serves one scan at a time: threads checking drafts together each use their
    own (a shared one raised ScratchInUseError under a threaded server)."""
    import threading

    from tact.checks.times import anchors

    if anchors._database() is None:
        pytest.skip("hyperscan is not installed")
    text = "Monday at 10am, Tuesday 3pm or tomorrow at noon? " * 400
    low = text.lower()
    data = anchors.scannable(low)
    want = anchors.find(text, low, data, 0, len(text))
    errors, results = [], []

    def scan():
        try:
            for _ in range(20):
                results.append(anchors.find(text, low, data, 0, len(text)) == want)
        except Exception as exc:  # noqa: BLE001 - the test reports whatever a thread raised
            errors.append(exc)

    threads = [threading.Thread(target=scan) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and all(results) and len(results) == 160


def test_the_hyperscan_anchors_are_the_python_scans():
    """One Hyperscan scan finds the digit runs, stems and weekday abbreviations the Python scans do,
    inside any range (stems may be found more than once inside a word: the candidates are the same)."""
    import random

    from tact.checks.times import anchors
    from tact.checks.times.extract import _candidates, _lower

    if anchors._database() is None:
        pytest.skip("hyperscan is not installed")
    rnd = random.Random(7)
    pieces = ["day", "Mon", "mon", "TUE", "Sat.", "noon", "oon", "clock", "o'clock", "half", "quarter", "tmrw",
              "tonight", "tomorrow", "midnight", "12", "3", " ", "\t", "\n", "é", "Monä", "—", "\u0663", "K",
              "\u212a", "İ", "x", "_", "?", ":", "-"]
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        low = _lower(text)
        lo = rnd.randint(0, len(text))
        hi = rnd.randint(lo, len(text))
        data = anchors.scannable(low)
        assert (data is None) == ("\u0663" in text)
        digits, stems, weekdays = anchors.find(text, low, data, lo, hi)
        want_digits, want_stems, want_weekdays = anchors._python_anchors(text, low, lo, hi)
        assert digits == want_digits
        assert sorted(weekdays) == want_weekdays
        assert set(stems) >= set(want_stems)
        assert all(low.startswith(stem, i) and lo <= i <= hi - len(stem) for stem, i in stems)
        assert _candidates(text, low, data, lo, hi) == _candidates(text, low, None, lo, hi)
