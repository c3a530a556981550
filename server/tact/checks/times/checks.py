"""The time zone checks: each reads the draft's time mentions and says what a reader could get wrong."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ...text.regex import FOLDS_INTO_ASCII
from ..registry import Hit, python_check
from . import zones
from .extract import DayRef, Extraction, TimeMention, extract, latest_message, previous_word, reference_date

_FOLD_QUOTES = str.maketrans({"\u2019": "'", "\u00a0": " ", "\u202f": " "})
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_PAST = re.compile(r"\b(?:yesterday|ago|last (?:week|night|time|month)|missed|earlier today)\b", re.I)
_PAST_WORDS = ("yesterday", "ago", "last ", "missed", "earlier today")  # one is in every text _PAST matches
# A reply that turns a proposed time down or offers another is not confirming it.
_COUNTER = re.compile(
    r"\b(?:instead|how about|what about|can't|cannot|doesn't work|won't work|not work|unavailable|"
    r"alternatively|rather|prefer|reschedule|move|push)\b", re.I)


@dataclass(frozen=True)
class Analysis:
    new: Extraction
    thread: Extraction
    thread_text: str
    sender: str | None
    recipient: str | None
    today: dt.date
    scheduled: tuple[TimeMention, ...]  # mentions in the new text that set a time to come (not a past one)


def analysis(draft) -> Analysis:
    """Time mentions of the draft and of its quoted thread, found once per draft for all the time rules."""
    return draft.memo("times.analysis", _analyse)


def _analyse(draft) -> Analysis:
    context = draft.context
    today = reference_date(context)
    # Most drafts quote nothing: an empty thread has no latest message to read.
    thread_text, latest = latest_message(draft.quoted.translate(_FOLD_QUOTES)) if draft.quoted else ("", [])
    new = extract(draft.folded, draft.new_ranges, context, today)
    return Analysis(
        new=new,
        thread=extract(thread_text, latest, context, today, by_recipient=True) if latest else Extraction((), ()),
        thread_text=thread_text,
        sender=getattr(context.sender_timezone, "zone", None),
        recipient=getattr(context.recipient_timezone, "zone", None),
        today=today,
        scheduled=_scheduled(draft, new.mentions),
    )


def _scheduled(draft, mentions) -> tuple[TimeMention, ...]:
    """The mentions that set a time to come: not a past day, not in a sentence about the past (each
    sentence searched once, however many times it holds)."""
    past_sentence: dict[int, bool] = {}
    kept = []
    for m in mentions:
        if m.day is not None and m.day.past:
            continue
        sentence = draft.sentence_at(m.start)
        if sentence is not None:
            past = past_sentence.get(sentence.start)
            if past is None:
                past = past_sentence[sentence.start] = _about_the_past(sentence.text)
            if past:
                continue
        kept.append(m)
    return tuple(kept)


def _about_the_past(text: str) -> bool:
    """`_PAST` searched for (10 µs a sentence: a case-insensitive regex walks every character) where
    the lower-cased text holds one of its words; re.I also matches "ſ" to "s" and three more letters."""
    low = text.lower()
    if not any(word in low for word in _PAST_WORDS) and (text.isascii() or not FOLDS_INTO_ASCII.search(text)):
        return False
    return bool(_PAST.search(text))


# ---------------------------------------------------------------- formatting

def clock_text(hour: int, minute: int, style24: bool) -> str:
    if style24:
        return f"{hour:02d}:{minute:02d}"
    suffix = "am" if hour < 12 else "pm"
    shown = hour % 12 or 12
    return f"{shown}{f':{minute:02d}' if minute else ''}{suffix}"


def moment_text(start: dt.datetime, end: dt.datetime | None, style24: bool) -> str:
    if end is None:
        return clock_text(start.hour, start.minute, style24)
    first, second = clock_text(start.hour, start.minute, style24), clock_text(end.hour, end.minute, style24)
    if not style24 and first[-2:] == second[-2:]:
        first = first[:-2]
    return f"{first}–{second}"


def _day_note(moment: dt.datetime, original: dt.date) -> str:
    return "" if moment.date() == original else f" on {_WEEKDAY_NAMES[moment.weekday()]}"


def _labelled(start: dt.datetime, end: dt.datetime | None, zone: str, style24: bool, original: dt.date) -> str:
    return f"{moment_text(start, end, style24)} {zones.label(zone, start)}{_day_note(start, original)}"


def _replace(text: str, mention: TimeMention, start: int, end: int, new: str) -> str:
    """The mention's text with [start, end) (draft offsets) replaced by `new`."""
    return text[mention.start:start] + new + text[end:mention.end]


# ---------------------------------------------------------------- reading mentions

def moments(mention: TimeMention, zone: str, date: dt.date) -> tuple[dt.datetime, dt.datetime | None]:
    clock = mention.clock
    start = zones.localize(dt.datetime.combine(date, dt.time(clock.hour, clock.minute)), zone)
    end = None
    if clock.end_hour is not None:
        end = zones.localize(dt.datetime.combine(date, dt.time(clock.end_hour, clock.end_minute)), zone)
        if end < start:
            end += dt.timedelta(days=1)
    return start, end


def _meant_zone(mention: TimeMention, a: Analysis) -> str | None:
    """The zone a time is in: the one written, else the sender's."""
    if mention.zone is not None:
        return mention.zone.zone
    return a.sender


def _same_clock(a_zone: str, b_zone: str, moment: dt.datetime) -> bool:
    return zones.at(moment, a_zone).utcoffset() == zones.at(moment, b_zone).utcoffset()


# ---------------------------------------------------------------- 1. no zone

@python_check("time_without_zone")
def time_without_zone(draft, rule):
    a = analysis(draft)
    if a.sender is None:
        return  # without the sender's zone there is nothing to suggest
    for m in a.scheduled:
        if m.zone is not None:
            continue
        date = m.date or a.today
        start, end = moments(m, a.sender, date)
        style = m.clock.style24
        if a.recipient is not None:
            if _same_clock(a.sender, a.recipient, start):
                continue
            there = zones.at(start, a.recipient)
            there_end = zones.at(end, a.recipient) if end else None
            suggestion = (f"{moment_text(start, end, style)} {zones.label(a.sender, start)} "
                          f"({_labelled(there, there_end, a.recipient, style, date)})")
            detail = (f"you are on {zones.describe(a.sender)} time and your reader is on "
                      f"{zones.describe(a.recipient)} time, where that is {_labelled(there, there_end, a.recipient, style, date)}")
        else:
            suggestion = f"{moment_text(start, end, style)} {zones.label(a.sender, start)}"
            detail = "your reader's time zone is unknown, so they will read it in their own"
        yield Hit(m.start, m.end, values={"time": draft.text[m.start:m.end], "detail": detail},
                  replacements=(_replace(draft.text, m, m.clock.start, m.tail, suggestion),))


# ---------------------------------------------------------------- 2. ambiguous abbreviation

def _reading(abbr: str, party: str | None) -> str | None:
    """The zone a party takes `abbr` for: their own when they use it, else its most common meaning."""
    if party is None:
        return None
    if any(use.zone == party for use in zones.uses_of(abbr)):
        return party
    return zones.CONFUSED[abbr][0][0]


def _converted(m: TimeMention, a: Analysis, moment: dt.datetime, date: dt.date) -> bool:
    """Whether a time beside `m` in a plain zone is the same moment as `m` ("3:30pm GMT / 9pm IST")."""
    return any(n is not m and n.zone is not None and n.zone.zone is not None and n.zone.abbr not in zones.CONFUSED
               and (0 <= m.clock.start - n.tail <= 12 or 0 <= n.clock.start - m.tail <= 12)
               and moments(n, n.zone.zone, date)[0] == moment for n in a.scheduled)


def _meaning_name(abbr: str, zone: str) -> str:
    return next((name for meaning, name in zones.CONFUSED[abbr] if meaning == zone), zones.label(zone, dt.datetime.now(zones.UTC)))


def _meanings(abbr: str, moment: dt.datetime) -> str:
    parts = [f"{name} ({zones.offset_text(_offset_as(abbr, zone, moment))})" for zone, name in zones.CONFUSED[abbr]]
    return ", ".join(parts[:-1]) + " or " + parts[-1]


def _offset_as(abbr: str, zone: str, moment: dt.datetime) -> dt.timedelta:
    """The offset `zone` has while it uses `abbr` (CST is UTC−6 in Chicago even in July)."""
    for use in zones.uses_of(abbr):
        if use.zone == zone:
            return use.offset
    return zones.at(moment, zone).utcoffset()


@python_check("ambiguous_zone_abbreviation")
def ambiguous_zone_abbreviation(draft, rule):
    a = analysis(draft)
    for m in a.scheduled:
        abbr = m.zone.abbr if m.zone is not None and m.zone.kind == "abbr" else None
        if abbr not in zones.CONFUSED:
            continue
        meant = _reading(abbr, a.sender)
        if meant is None:
            continue
        date = m.date or a.today
        start, end = moments(m, meant, date)
        read = _reading(abbr, a.recipient)
        sender_lives_by_it = meant == a.sender or abbr in zones.MAIN_MEANING
        if read is not None and _same_clock(meant, read, start) and (sender_lives_by_it or _converted(m, a, start, date)):
            continue
        if read is None and meant == zones.CONFUSED[abbr][0][0]:
            continue  # a reader with no other clue takes the meaning the sender means
        style = m.clock.style24
        suggestion = f"{moment_text(start, end, style)} {zones.label(meant, start)}"
        if a.recipient and not _same_clock(meant, a.recipient, start):
            there = zones.at(start, a.recipient)
            suggestion += f" ({_labelled(there, zones.at(end, a.recipient) if end else None, a.recipient, style, date)})"
        reader = (f"your reader in {zones.city(a.recipient)} will read it as {_meaning_name(abbr, read)}" if read
                  else f"a reader elsewhere will likely read it as {zones.CONFUSED[abbr][0][1]}")
        yield Hit(m.clock.start, m.tail, values={
            "abbr": abbr, "meanings": _meanings(abbr, start), "reader": reader,
            "meant": zones.label(meant, start)},
            replacements=(suggestion,))


# ---------------------------------------------------------------- 3. standard time in summer, or the reverse

@python_check("daylight_time_mismatch")
def daylight_time_mismatch(draft, rule):
    a = analysis(draft)
    for m in a.scheduled:
        if m.zone is None or m.zone.abbr is None or m.zone.zone is None:
            continue
        abbr, zone = m.zone.abbr, m.zone.zone
        if not any(use.zone == zone for use in zones.uses_of(abbr)):
            continue
        date = m.date or a.today
        start, end = moments(m, zone, date)
        actual = zones.at(start, zone).tzname()
        if actual == abbr or not actual.isalpha():
            continue
        style = m.clock.style24
        generic = zones.generic_label(zone)
        fixes = [f"{moment_text(start, end, style)} {generic}"] if generic else []
        fixes.append(f"{moment_text(start, end, style)} {actual if actual not in zones.CONFUSED else zones.label(zone, start)}")
        season = "daylight" if zones.at(start, zone).dst() else "standard"
        yield Hit(m.clock.start, m.tail, values={
            "abbr": m.zone.text, "actual": actual, "season": season, "date": f"{start:%B} {start.day}",
            "place": zones.city(zone), "offset": zones.offset_text(start.utcoffset()),
            "generic": generic or actual}, replacements=tuple(dict.fromkeys(fixes)))


# ---------------------------------------------------------------- 4. differs from the quoted thread

def _thread_zone(t: TimeMention, a: Analysis) -> str | None:
    """An unzoned time in the quoted thread was written by the other party, in their zone."""
    if t.zone is not None:
        return t.zone.zone
    return a.recipient


def _line(text: str, t: TimeMention) -> str:
    return text[text.rfind("\n", 0, t.start) + 1:(text.find("\n", t.end) + 1 or len(text) + 1) - 1]


def _same_day(m: TimeMention, t_day: DayRef | None) -> bool | None:
    if m.day is None or t_day is None:
        return None
    if m.day.date is not None and t_day.date is not None:
        return m.day.date == t_day.date
    if m.day.weekday is not None and t_day.weekday is not None:
        return m.day.weekday == t_day.weekday
    return m.date == t_day.resolved


def _line_day(t: TimeMention, days, text: str) -> DayRef | None:
    """The day of a time: its own, or the day the same line named just before it ("Tuesday 12 May
    works for us. Let's do 3:00 PM Sydney time", "Wednesday 15 July at 7am EDT (8pm KST)")."""
    if t.day is not None:
        return t.day
    line_start = text.rfind("\n", 0, t.start) + 1
    return next((d for d in reversed(days) if line_start <= d.start and d.end <= t.start), None)


# "after her 2 PM meeting": a time owned by someone names an engagement, not a proposal.
_POSSESSIVES = frozenset({"my", "your", "his", "her", "our", "their"})


@python_check("differs_from_thread")
def differs_from_thread(draft, rule):
    a = analysis(draft)
    low = None
    proposals = []
    for t in a.thread.mentions:
        if t.deadline or not _thread_zone(t, a) or (t.day and t.day.past) or _about_the_past(_line(a.thread_text, t)):
            continue
        low = low or a.thread_text.lower()
        if previous_word(low, t.start)[0] not in _POSSESSIVES:
            proposals.append(t)
    if not proposals:
        return
    for m in a.scheduled:
        zone = _meant_zone(m, a)
        if m.deadline or zone is None:
            continue
        sentence = draft.sentence_at(m.start)
        if sentence is not None and _COUNTER.search(sentence.text):
            continue
        best = None
        for t in proposals:
            t_zone = _thread_zone(t, a)
            t_day = _line_day(t, a.thread.days, a.thread_text)  # "(16:00 in Tokyo)" after "Wednesday 20 May at 9:00" is on the 20th too
            t_own = t_day.resolved if t_day is not None else None
            date = m.date or t_own or a.today
            t_date = t_own or m.date or a.today
            mine, _ = moments(m, zone, date)
            theirs, theirs_end = moments(t, t_zone, t_date)
            if mine == theirs:
                best = None
                break
            same_day = _same_day(m, t_day)
            same_clock = (m.clock.hour, m.clock.minute) == (t.clock.hour, t.clock.minute)
            if same_day is False and not same_clock:
                continue
            if same_day is None and not same_clock:
                continue
            rank = (same_clock and same_day is not False, same_clock, same_day is True)
            if best is None or rank > best[0]:
                best = (rank, t, t_zone, theirs, theirs_end)
        if best is None:
            continue
        _, t, t_zone, theirs, theirs_end = best
        yield _thread_hit(draft, a, m, zone, t, t_zone, theirs, theirs_end)


def _thread_hit(draft, a, m, zone, t, t_zone, theirs, theirs_end) -> Hit:
    style = m.clock.style24
    original = theirs.date()
    thread_said = a.thread_text[t.start:t.end].strip()
    mine, _ = moments(m, zone, m.date or t.date or a.today)
    as_theirs = zones.at(mine, t_zone)
    in_their_zone = f"{clock_text(as_theirs.hour, as_theirs.minute, style)} {zones.describe(t_zone)} time{_day_note(as_theirs, original)}"
    if m.zone is None:
        here = zones.at(theirs, zone)
        new_clock = f"{moment_text(theirs, theirs_end, style)} {zones.label(t_zone, theirs)}"
        if not _same_clock(zone, t_zone, theirs):
            new_clock += f" ({_labelled(here, zones.at(theirs_end, zone) if theirs_end else None, zone, style, original)})"
        reading = (f"reads as {clock_text(mine.hour, mine.minute, style)} {zones.describe(zone)} time, "
                   f"which is {in_their_zone}")
    else:
        here = zones.at(theirs, zone)
        here_end = zones.at(theirs_end, zone) if theirs_end else None
        new_clock = f"{moment_text(here, here_end, style)} {m.zone.text}{_day_note(here, original)}"
        if not _same_clock(zone, t_zone, theirs):
            new_clock += f" ({moment_text(theirs, theirs_end, style)} {zones.label(t_zone, theirs)})"
        reading = f"is {in_their_zone}"
    replacement = _replace(draft.text, m, m.clock.start, m.tail, new_clock)
    if m.day is not None and m.day.weekday is not None and m.day.weekday != theirs.weekday() and m.day.weekday_span:
        ws, we = m.day.weekday_span
        replacement = replacement[:ws - m.start] + _WEEKDAY_NAMES[zones.at(theirs, zone).weekday()] + replacement[we - m.start:]
    return Hit(m.start, m.end, values={
        "time": draft.text[m.start:m.end], "thread_time": thread_said, "reading": reading,
        "thread_zone": zones.describe(t_zone)}, replacements=(replacement,))


# ---------------------------------------------------------------- 5. weekday does not match the date

def _weekday_like(written: str, weekday: int) -> str:
    name = _WEEKDAY_NAMES[weekday]
    core = written.rstrip(".")
    if len(core) < 6:  # an abbreviation: Tue, Thurs
        name = name[: len(core)] if len(core) >= 3 else name[:3]
    if written.isupper():
        name = name.upper()
    elif written.islower():
        name = name.lower()
    return name + ("." if written.endswith(".") else "")


@python_check("weekday_date_mismatch")
def weekday_date_mismatch(draft, rule):
    a = analysis(draft)
    text = draft.text
    for day in a.new.days:
        if day.weekday is None or day.date is None or day.recurring or day.date.weekday() == day.weekday:
            continue
        if day.year_inferred and draft.context.sent_at is None:
            continue  # no year written and no send time: which year is meant is unknown
        ws, we = day.weekday_span
        right = _weekday_like(text[ws:we], day.date.weekday())
        fixes = [text[day.start:ws] + right + text[we:day.end]]
        written = f"{day.date:%B} {day.date.day}, {day.date.year}"
        other = _nearest_weekday(day.date, day.weekday)
        if day.relative:  # "tomorrow (Thursday)": tomorrow is another weekday, or Thursday was meant
            written = f"{day.relative.capitalize()} ({written})"
            fixes.append(text[ws:we])
        elif other.month == day.date.month and day.date_span:
            ds, de = day.date_span
            moved = re.sub(rf"(?<!\d){day.date.day}(?!\d)", str(other.day), text[ds:de], count=1)
            if moved != text[ds:de]:
                fixes.append(text[day.start:ds] + moved + text[de:day.end])
        yield Hit(day.start, day.end, values={
            "weekday": _WEEKDAY_NAMES[day.weekday], "actual": _WEEKDAY_NAMES[day.date.weekday()],
            "date": written}, replacements=tuple(fixes))


def _nearest_weekday(date: dt.date, weekday: int) -> dt.date:
    ahead = (weekday - date.weekday()) % 7
    return date + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)


# ---------------------------------------------------------------- 6. outside the reader's working day

def _reader_time_given(a: Analysis, mention: TimeMention, start: dt.datetime) -> bool:
    """Whether the draft already says this moment on the reader's clock nearby ("9am Tokyo time, which is 8pm ET")."""
    for other in a.scheduled:
        if other is mention or other.zone is None or other.zone.zone is None or abs(other.start - mention.start) > 80:
            continue
        if not _same_clock(other.zone.zone, a.recipient, start):
            continue
        other_start, _ = moments(other, other.zone.zone, other.date or start.astimezone(zones.tzinfo(other.zone.zone)).date())
        if other_start == start:
            return True
    return False


@python_check("outside_recipient_hours")
def outside_recipient_hours(draft, rule):
    a = analysis(draft)
    if a.recipient is None:
        return
    low, high = rule.options.get("start_hour", 8) * 60, rule.options.get("end_hour", 19) * 60
    for m in a.scheduled:
        zone = _meant_zone(m, a)
        if zone is None or m.deadline:
            continue
        day = _line_day(m, a.new.days, draft.folded)
        date = (day.resolved if day is not None else None) or a.today
        start, end = moments(m, zone, date)
        if _same_clock(zone, a.recipient, start):
            continue
        there = zones.at(start, a.recipient)
        there_end = zones.at(end, a.recipient) if end else there
        first = there.hour * 60 + there.minute
        last = first + int(((there_end - there).total_seconds()) // 60)
        if low <= first and last <= high or _reader_time_given(a, m, start):
            continue
        local = _labelled(there, zones.at(end, a.recipient) if end else None, a.recipient, m.clock.style24, date)
        yield Hit(m.start, m.end, values={"time": draft.text[m.start:m.end], "local": local,
                                           "place": zones.city(a.recipient)},
                  replacements=(draft.text[m.start:m.end] + f" ({local})",))



# ---------------------------------------------------------------- 7. a conversion that does not add up

# What joins a time to its conversion: "10:00 New York time (15:00 in Dublin)", "…, which is 3pm for
# you", "9am PT / 12pm ET", "= 18:00 CET".
_CONVERSION = re.compile(r"\s*(?:\(|/|=|,?\s*(?:which\s+is|which\s+would\s+be|that\s+is|that's|i\.e\.)\s)\s*", re.I)


@python_check("wrong_conversion")
def wrong_conversion(draft, rule):
    a = analysis(draft)
    for first, second in zip(a.scheduled, a.scheduled[1:]):
        if first.zone is None or second.zone is None or first.zone.zone is None or second.zone.zone is None:
            continue
        if first.zone.zone == second.zone.zone or not _CONVERSION.fullmatch(draft.folded, first.end, second.start):
            continue
        if (first.clock.end_hour is None) != (second.clock.end_hour is None):
            continue  # "22:00 to Sunday 02:00 CET (21:00-01:00 GMT)": one range written as two times
        # "3pm BST / 10am EDT on Thursday 16 July": a day written once is both times' day
        day = _line_day(first, a.new.days, draft.folded) or second.day
        start, _ = moments(first, first.zone.zone, (day.resolved if day is not None else None) or a.today)
        right = zones.at(start, second.zone.zone)
        clock = second.clock
        both_dated = first.day is not None and second.day is not None
        if (right.hour, right.minute) == (clock.hour, clock.minute) and not (both_dated and second.date != right.date()):
            continue
        shown = clock_text(right.hour, right.minute, clock.style24)
        on = f" on {right:%A} {right.day} {right:%B}"
        if second.day is not None and second.date != right.date():
            fixed = f"{shown} {second.zone.text}{on}"
        else:
            fixed = _replace(draft.text, second, clock.start, clock.end, shown)
        yield Hit(second.start, second.end, values={
            "time": draft.text[second.start:second.end], "first": draft.text[first.start:first.end],
            "right": f"{shown} {second.zone.text}{on if right.date() != start.date() else ''}"},
            replacements=(fixed,))
