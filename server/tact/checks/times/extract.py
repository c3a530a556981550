"""Find time expressions in text: clock times and ranges, the day they fall on, and the zone they name.

Measured against dateparser, ctparse, timefhuman and datefinder (see bench/time_checks.py
and the issue notes): none reports where the day, the clock and the zone sit in the
text, none keeps "CST" or "Central" as written, and the fast ones misread ranges and
prices. So this is a small scanner of our own: one regular-expression pass finds the
parts, then neighbouring parts are joined into `TimeMention`s.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from . import anchors, zones

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}

_MER = r"(?:[aApP][mM]\b|[aApP]\.\s?[mM]\.)"
_NUMWORD = "|".join(_NUMBER_WORDS)
_MONTH = (r"(?:(?i:january|february|march|april|june|july|august|september|october|november|december)\b|May\b|MAY\b"
          r"|(?i:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?)")
# A number that is not part of a price, version, path, longer number or UTC offset ("GMT-06:00").
_NUM = r"(?<![\w$£€¥.:/#+])(?<!GMT-)(?<!UTC-)(?<!GMT−)(?<!UTC−)"

# Time parts, as two patterns: one tried where a number starts, one where a word does.
_NUMERIC_PARTS = re.compile(
    rf"""
    (?P<iso>{_NUM}(?P<iy>20\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b)
  | (?P<num>{_NUM}(?P<nm>\d{{1,2}})/(?P<nd>\d{{1,2}})(?:/(?P<ny>\d{{4}}|\d{{2}}))?(?![\d/]))
  | (?P<dm>{_NUM}(?P<dmday>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmmon>{_MONTH})(?:,?\s+(?P<dmyear>(?:19|20)\d\d)\b)?)
  | (?P<clock>
        {_NUM}(?P<h>\d{{1,2}})(?:[:.](?P<m>[0-5]\d))?\s?(?P<mer>{_MER})(?![-‐][A-Za-z])
      | {_NUM}(?P<hh>\d{{1,2}}):(?P<mm>[0-5]\d)(?![\d:])
      | {_NUM}(?P<oh>\d{{1,2}})\s+(?i:o'?clock\b)
      | {_NUM}(?P<hx>\d{{1,2}})h(?P<hxm>[0-5]\d)?(?!\w)
      | {_NUM}(?P<bare>\d{{1,2}})(?![\w%:/.,]\d|[\w%$£€])
    )
    """,
    re.X,
)
_WORD_PARTS = re.compile(
    rf"""
    (?P<md>(?P<mdmon>{_MONTH})\s+(?P<mdday>\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)(?:,?\s+(?P<mdyear>(?:19|20)\d\d)\b)?)
  | (?P<ord>\b(?i:the)\s+(?P<ordday>\d{{1,2}})(?:st|nd|rd|th)\b
        (?:\s+(?i:of)\s+(?P<ordmon>{_MONTH})(?:,?\s+(?P<ordyear>(?:19|20)\d\d)\b)?)?)
  | (?P<wd>\b(?:(?P<wdmod>(?i:this\s+coming|this|next|coming|last))\s+)?
        (?P<wdname>(?i:mon|tues|tue|wednes|wed|thurs|thu|fri|satur|sat|sun)(?i:day)(?P<plural>s)?
                  |(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\b\.?))
  | (?P<rel>\b(?i:today|tonight|tomorrow|tmrw|yesterday)\b)
  | (?P<clock>
        \b(?P<named>(?i:noon|midday|midnight))\b
      | \b(?P<frac>(?i:half|quarter))\s+(?P<dir>(?i:past|to))\s+(?P<fh>(?i:{_NUMWORD})\b|\d{{1,2}}(?!\d))
      | \b(?i:half)\s+(?P<bh>(?i:{_NUMWORD}))\b(?![-\u2010])  # British "half two": half past two
      | \b(?P<wh>(?i:{_NUMWORD}))\s+(?:(?P<wmer>{_MER})|(?i:o'?clock\b))
    )
    """,
    re.X,
)

_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|through)\s*$", re.I)
_DAY_JOIN = re.compile(r"[\s,(]*$")
_DATING_RELATIVES = frozenset({"today", "tomorrow"})  # "tonight, Friday" is as often a new clause as a date
# The weekday after "tomorrow," names it only where the phrase ends there or a time follows: in "See
# you tomorrow, Thursday is the backup" it starts a new clause.
_APPOSITION_END = re.compile(r"\s*(?:[,.;:!?)\]]|$|@|\d|(?i:at|from|around|between|morning|afternoon|evening)\b)")
_BEFORE_CLOCK = re.compile(
    r"\s*,?\s*(?:(?P<word>at|@|from|around|about|by|between|starting at|beginning at|before|after|until)\s+)?$", re.I)
_AFTER_CLOCK = re.compile(r"\s*,?\s*(?:on\s+)?$", re.I)
_DEADLINE_WORDS = frozenset({"by", "before", "until", "till", "due", "than"})  # "than": "no later than"
_VISIT_VERBS = frozenset({"come", "coming", "stop", "stopping", "drop", "dropping", "swing", "swinging", "pop", "popping"})  # "come by Thursday"
_CONTEXT_WORDS = frozenset({"at", "@", "from", "by", "until", "till", "around", "about", "to", "before", "after",
                            "between"})
_MONTH_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                          "sept", "oct", "nov", "dec", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
                          "sept.", "oct.", "nov.", "dec."})
_MODIFIERS = frozenset({"this", "next", "coming", "last"})
_LIST_JOIN = re.compile(r"\s*(?:,|/|or|and|,\s*or|,\s*and)\s*$", re.I)

_ZONE = re.compile(
    r"""
    (?P<lead>\s*\(\s*|\s*,?\s*)
    (?:
        (?P<iana>[A-Z][A-Za-z_]+/[A-Za-z_]+(?:/[A-Za-z_]+)?)
      | (?P<utc>UTC|GMT)\s?(?P<sign>[+\-−])\s?(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?
      | (?:U\.?S\.?\s+)?(?P<family>(?i:""" + zones.FAMILIES + r"""))
        (?P<kind>\s+(?i:standard|daylight|summer))?(?P<time>\s+(?i:time))?\b
      | (?P<whose>(?i:your|my|our|local))\s+(?i:time)(?:\s+(?i:zone))?\b
      | (?P<foryou>(?i:for\s+(?:you|me|us)|(?:on|at)\s+(?:your|my|our)\s+end|where\s+(?:you|I|we)\s+(?:are|am)))\b
      | (?P<abbr>[A-Z]{1,5})\b
      | (?:(?P<in>(?i:(?:here\s+|there\s+)?in))\s+)?(?P<place>[A-Z\u00C0-\u00DE][^\W\d_]+(?:[ -][A-Z\u00C0-\u00DE][^\W\d_]+){0,2})(?P<ptime>\s+(?i:time))?\b
    )
    (?P<close>\s*\))?
    """,
    re.X,
)
_PLACE_TIME = re.compile(r"\s+time\b", re.I)
# The attribution line of a quoted reply ("On Tue, Oct 6, 2026 at 2:31 PM, Paolo wrote:") and mail
# headers carry times that nobody proposed.
_QUOTE_HEADER = re.compile(r"^[>\s]*(?:On\b[^\n]*\bwrote:|(?:From|Sent|Date|To|Cc|Subject):[^\n]*)[ \t]*$",
                           re.M | re.I)


# The parts below are frozen dataclasses whose __init__ fills all fields at once: the generated frozen
# __init__ sets each field with its own object.__setattr__ call (4.5 µs for a DayRef, a draft makes
# a dozen of these), the fields, equality, hashing and repr stay the dataclass's.
@dataclass(frozen=True, init=False)
class Clock:
    start: int
    end: int
    hour: int  # 0-23, the start of a range
    minute: int
    end_hour: int | None = None  # the end of a range ("2–3pm")
    end_minute: int | None = None
    stated: bool = True  # am/pm or 24-hour written; False when the hour is a guess ("at 10")
    style24: bool = False  # the writer used a 24-hour clock

    def __init__(self, start: int, end: int, hour: int, minute: int, end_hour: int | None = None,
                 end_minute: int | None = None, stated: bool = True, style24: bool = False):
        self.__dict__.update(start=start, end=end, hour=hour, minute=minute, end_hour=end_hour,
                             end_minute=end_minute, stated=stated, style24=style24)


@dataclass(frozen=True, init=False)
class DayRef:
    start: int
    end: int
    weekday: int | None = None
    weekday_span: tuple[int, int] | None = None
    date: dt.date | None = None  # the written date, with its year inferred when not written
    year_inferred: bool = False
    date_span: tuple[int, int] | None = None
    resolved: dt.date | None = None  # the day meant: the date, or the weekday/relative day read against sent_at
    relative: str | None = None
    modifier: str | None = None
    recurring: bool = False

    def __init__(self, start: int, end: int, weekday: int | None = None, weekday_span: tuple[int, int] | None = None,
                 date: dt.date | None = None, year_inferred: bool = False, date_span: tuple[int, int] | None = None,
                 resolved: dt.date | None = None, relative: str | None = None, modifier: str | None = None,
                 recurring: bool = False):
        self.__dict__.update(start=start, end=end, weekday=weekday, weekday_span=weekday_span, date=date,
                             year_inferred=year_inferred, date_span=date_span, resolved=resolved, relative=relative,
                             modifier=modifier, recurring=recurring)

    @property
    def past(self) -> bool:
        return self.relative == "yesterday" or self.modifier == "last"


@dataclass(frozen=True, init=False)
class ZoneRef:
    start: int
    end: int
    text: str
    zone: str | None  # a zone key (IANA name or "UTC+05:30"); None for "local time"
    kind: str  # abbr | family | long | offset | place | iana | party | local
    abbr: str | None = None

    def __init__(self, start: int, end: int, text: str, zone: str | None, kind: str, abbr: str | None = None):
        self.__dict__.update(start=start, end=end, text=text, zone=zone, kind=kind, abbr=abbr)


@dataclass(frozen=True, init=False)
class TimeMention:
    start: int
    end: int
    clock: Clock
    day: DayRef | None
    zone: ZoneRef | None
    tail: int  # where the clock and its zone end ("2pm (ET)" includes the parenthesis)
    deadline: bool = False  # "by 5pm", "before noon"

    def __init__(self, start: int, end: int, clock: Clock, day: DayRef | None, zone: ZoneRef | None, tail: int,
                 deadline: bool = False):
        self.__dict__.update(start=start, end=end, clock=clock, day=day, zone=zone, tail=tail, deadline=deadline)

    @property
    def date(self) -> dt.date | None:
        return self.day.resolved if self.day else None


@dataclass(frozen=True)
class Extraction:
    mentions: tuple[TimeMention, ...]
    days: tuple[DayRef, ...]  # every day group, with or without a clock


def reference_date(context) -> dt.date:
    """Today in the sender's zone when the draft was written (relative days are read against it)."""
    if context.sent_at is None:
        return _local_date(dt.datetime.now(dt.timezone.utc), context.sender_timezone)
    return _sent_date(context.sent_at, context.sender_timezone)


def _local_date(moment: dt.datetime, zone: dt.tzinfo | None) -> dt.date:
    return (moment.astimezone(zone) if zone is not None else moment).date()


# A zone conversion costs 7 µs; a client sends the same send time and zone with every check of a draft.
_sent_date = lru_cache(maxsize=256)(_local_date)


@lru_cache(maxsize=1024)  # a pure function of a few small values; drafts repeat them
def _nearest_year(month: int, day: int, today: dt.date) -> dt.date | None:
    """The date with that month and day a writer most likely means: mail schedules ahead, so the
    coming one, unless it fell in the last two months (a recent date being referred back to)."""
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate >= today - dt.timedelta(days=60):
            return candidate
    return None


@lru_cache(maxsize=1024)  # a pure function of a few small values; drafts repeat them
def _nearest_month(day: int, today: dt.date) -> dt.date | None:
    best = None
    for shift in (0, 1, -1):
        month = (today.month - 1 + shift) % 12 + 1
        year = today.year + (today.month - 1 + shift) // 12
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or (candidate >= today) > (best >= today) or (
                (candidate >= today) == (best >= today) and abs((candidate - today).days) < abs((best - today).days)):
            best = candidate
    return best


@lru_cache(maxsize=1024)  # a pure function of a few small values; drafts repeat them
def _weekday_date(weekday: int, modifier: str | None, today: dt.date) -> dt.date:
    ahead = (weekday - today.weekday()) % 7
    if modifier == "last":
        return today - dt.timedelta(days=(today.weekday() - weekday) % 7 or 7)
    if modifier and modifier.startswith("this") and modifier != "this coming":
        return today + dt.timedelta(days=ahead)
    return today + dt.timedelta(days=ahead or 7)


def _hour_guess(hour: int) -> int:
    """An hour written with no am/pm: 7-11 are mornings, 12 noon, 1-6 afternoons (business hours)."""
    return hour + 12 if 1 <= hour <= 6 else hour


def _clock(match: re.Match, american: bool) -> tuple[int, int, bool, bool] | None:
    """(hour 0-23, minute, stated, style24) for a clock match, None when it cannot be a time."""
    g = match.group  # groups read one by one: a groupdict of the pattern's 20 groups costs 3 µs
    if match.re is _WORD_PARTS:
        named = g("named")
        if named is not None:
            return (0 if named.lower() == "midnight" else 12), 0, True, False
        frac = g("frac")
        if frac is not None:
            fh = g("fh")
            hour = _NUMBER_WORDS.get(fh.lower()) or int(fh)
            if not 1 <= hour <= 12:
                return None
            minute = 30 if frac.lower() == "half" else 15
            if g("dir").lower() == "to":
                hour, minute = (hour - 2) % 12 + 1, 60 - minute
            return _hour_guess(hour), minute, False, False
        bh = g("bh")
        if bh is not None:
            return _hour_guess(_NUMBER_WORDS[bh.lower()]), 30, False, False
        hour, wmer = _NUMBER_WORDS[g("wh").lower()], g("wmer")
        if wmer:
            return (hour % 12) + (12 if wmer[0] in "pP" else 0), 0, True, False
        return _hour_guess(hour), 0, False, False
    h = g("h")
    if h is not None:
        hour, minute = int(h), int(g("m") or 0)
        if not 1 <= hour <= 12:
            return None
        pm = g("mer")[0] in "pP"
        return (hour % 12) + (12 if pm else 0), minute, True, False
    hh = g("hh")
    if hh is not None:
        hour, minute = int(hh), int(g("mm"))
        if hour > 23:
            return None
        if hour >= 13 or hh.startswith("0") or hour == 0:
            return hour, minute, True, True
        # "10:00" from a writer on a 24-hour clock (most of the world outside the Americas) is 10:00.
        return (hour, minute, True, True) if not american else (_hour_guess(hour), minute, False, False)
    hx = g("hx")
    if hx is not None:  # "14h", "9h30": a 24-hour clock in French, Portuguese, Spanish… usage
        hour, minute = int(hx), int(g("hxm") or 0)
        return (hour, minute, True, True) if hour <= 23 else None
    oh = g("oh")
    if oh is not None:
        hour = int(oh)
        return (_hour_guess(hour), 0, False, False) if 1 <= hour <= 12 else None
    hour = int(g("bare"))
    return (_hour_guess(hour), 0, False, False) if 1 <= hour <= 12 else None


def _day_token(match: re.Match, today: dt.date, american: bool) -> DayRef | None:
    g, kind = match.group, match.lastgroup
    start, end = match.span()
    if kind == "wd":
        name, modifier = g("wdname").lower(), g("wdmod")
        weekday = _WEEKDAYS[name[:3]]
        modifier = " ".join(modifier.lower().split()) if modifier else None
        return DayRef(start, end, weekday=weekday, weekday_span=match.span("wdname"), modifier=modifier,
                      resolved=_weekday_date(weekday, modifier, today), recurring=bool(g("plural")))
    if kind == "rel":
        word = " ".join(g("rel").lower().split())
        shift = {"today": 0, "tonight": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}[word]
        return DayRef(start, end, relative=word if word != "tmrw" else "tomorrow",
                      resolved=today + dt.timedelta(days=shift))
    date, inferred = None, False
    if kind == "ord" and g("ordmon"):  # "the 5th of October" is a day-month date
        kind, month_name, day_text, year = "dm", g("ordmon"), g("ordday"), g("ordyear")
    elif kind == "md" or kind == "dm":
        month_name, day_text, year = g(kind + "mon"), g(kind + "day"), g(kind + "year")
    if kind == "iso":
        try:
            date = dt.date(int(g("iy")), int(g("im")), int(g("id")))
        except ValueError:
            return None
    elif kind == "md" or kind == "dm":
        month = _MONTHS[month_name.lower().rstrip(".")[:3]]
        day = int(day_text)
        try:
            date = dt.date(int(year), month, day) if year else _nearest_year(month, day, today)
        except ValueError:
            return None
        inferred = not year
    elif kind == "ord":
        date = _nearest_month(int(g("ordday")), today)
        inferred = True
    elif kind == "num":
        first, second = int(g("nm")), int(g("nd"))
        month, day = (first, second) if american else (second, first)
        if month > 12 and day <= 12:
            month, day = day, month
        year = g("ny")
        try:
            if year:
                date = dt.date(int(year) + (2000 if len(year) == 2 else 0), month, day)
            else:
                date = _nearest_year(month, day, today)
        except ValueError:
            return None
        inferred = not year
    if date is None:
        return None
    return DayRef(start, end, date=date, date_span=(start, end), resolved=date, year_inferred=inferred)


def _join_days(tokens: list[DayRef], text: str) -> list[DayRef]:
    """Join neighbours such as "next Monday, Feb 10", "Friday 13 November" or "tomorrow (Thursday)" into one
    day reference (a relative day joined to a weekday dates it: the weekday must fall on that date)."""
    groups: list[DayRef] = []
    for token in tokens:
        last = groups[-1] if groups else None
        near = last is not None and token.start - last.end <= 3 and _DAY_JOIN.match(text, last.end, token.start)
        if (near and last.relative in _DATING_RELATIVES and token.weekday is not None and token.date is None
                and token.modifier is None and not token.recurring and _APPOSITION_END.match(text, token.end)):
            groups[-1] = DayRef(last.start, token.end, weekday=token.weekday, weekday_span=token.weekday_span,
                                date=last.resolved, date_span=(last.start, last.end), resolved=last.resolved,
                                year_inferred=True, relative=last.relative)
        elif (near and (last.date is None) != (token.date is None) and last.relative is None
                and token.relative is None):
            weekday_part, date_part = (last, token) if last.date is None else (token, last)
            groups[-1] = DayRef(last.start, token.end, weekday=weekday_part.weekday, weekday_span=weekday_part.weekday_span,
                                date=date_part.date, date_span=date_part.date_span, resolved=date_part.date,
                                year_inferred=date_part.year_inferred, modifier=weekday_part.modifier)
        else:
            groups.append(token)
    return groups


# A zone's long name ("East Africa Time", "Australian Eastern Standard Time"): capitalized words and "time".
_LONG_NAME = re.compile(r"(\s*\(\s*|\s*,?\s*)((?:U\.?S\.?\s+)?([A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){0,3}\s+[Tt]ime))\b(\s*\))?")


def _long_zone(text: str, pos: int, end: int) -> tuple[ZoneRef, int] | None:
    """A long zone name right after a clock, as CLDR spells it (zones.long_names), and where the mention ends."""
    match = _LONG_NAME.match(text, pos, end)
    if not match or ("(" in match.group(1) and not match.group(4)):
        return None
    found = zones.long_names().get(" ".join(match.group(3).lower().split()))
    if found is None:
        return None
    zone_name, season = found
    start, stop = match.start(2), match.end(2)
    abbr = zones.season_abbreviation(zone_name, season) if season else None
    return ZoneRef(start, stop, text[start:stop], zone_name, "long", abbr=abbr), (match.end() if match.group(4) else stop)


def _zone_after(text: str, pos: int, end: int, parties: tuple) -> tuple[ZoneRef, int] | None:
    """The zone written right after a clock, and where the mention ends (past a closing parenthesis)."""
    long = _long_zone(text, pos, end)
    if long is not None:
        return long
    match = _ZONE.match(text, pos, end)
    if not match:
        return None
    g = match.group  # groups read one by one: a groupdict costs more than the few read here
    opened = "(" in g("lead")
    if opened and not g("close"):
        return None
    start = match.start() + len(g("lead"))
    written = text[start:match.end() - len(g("close") or "")].rstrip()
    stop = start + len(written)
    found = _zone_ref(g, text, start, stop, written, parties)
    if found is None:
        return None
    return found, (match.end() if opened else found.end)


# A bare city names the zone where the writing shows it is one: in parentheses ("6pm Sydney (10am
# Paris)"), or in a list of times across places ("3pm London / 10am New York").
_BEFORE_LISTED_TIME = re.compile(r"/\s*\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*$", re.I)
_LIST_NEXT = re.compile(r"\s*/")


def _listed_place(g, text: str, start: int, stop: int) -> bool:
    if g("close") or _LIST_NEXT.match(text, stop):  # an opened parenthesis is closed by now
        return True
    clock_end = start - len(g("lead"))
    return bool(_BEFORE_LISTED_TIME.search(text, max(0, clock_end - 16), clock_end))


def _zone_ref(g, text: str, start: int, stop: int, written: str, parties: tuple) -> ZoneRef | None:
    sender, recipient = parties
    if g("iana"):
        zone = zones.iana_zone(g("iana"))
        return ZoneRef(start, stop, written, zone, "iana") if zone else None
    if g("utc"):
        hours, minutes = int(g("oh")), int(g("om") or 0)
        if hours > 14 or minutes >= 60:
            return None
        return ZoneRef(start, stop, written, zones.offset_key(g("sign"), hours, minutes), "offset")
    if g("family"):
        family = " ".join(g("family").lower().split())
        if family.endswith("european") and not g("time"):
            return None
        season = (g("kind") or "").strip().lower()
        abbr = None
        if season:  # "Eastern Standard Time" says as much as "EST", so the same season check applies
            summer = season != "standard"
            if family.endswith("european"):
                abbr = family[0].upper() + "E" + ("ST" if summer else "T")  # CET / CEST
            else:
                abbr = {"alaska": "AK"}.get(family, family[0].upper()) + ("DT" if summer else "ST")
        return ZoneRef(start, stop, written, zones.FAMILY_ZONES[family], "family", abbr=abbr)
    if g("whose"):
        whose = g("whose").lower()
        zone = recipient if whose == "your" else None if whose == "local" else sender
        return ZoneRef(start, stop, written, zone, "party" if whose != "local" else "local")
    if g("foryou"):  # "10am for you", "5pm for me in Los Angeles", "4pm on your end"
        return ZoneRef(start, stop, written, recipient if "you" in g("foryou").lower() else sender, "party")
    if g("abbr"):
        if zones.is_abbreviation(g("abbr")):
            return ZoneRef(start, stop, written, zones.resolve_abbreviation(g("abbr"), parties), "abbr", abbr=g("abbr"))
        place, after = zones.city_zones().get(g("abbr")), _PLACE_TIME.match(text, stop)
        if place and after:  # "3pm UK time", "9am NYC time": an upper-case place, not an abbreviation
            return ZoneRef(start, after.end(), text[start:after.end()], place, "place")
        return None
    if g("place"):
        words = g("place").replace("-", " ").split()
        cities = zones.city_zones()
        for n in range(len(words), 0, -1):
            name = zones.ascii_name(" ".join(words[:n]))  # "São Paulo" is tzdata's "Sao Paulo"
            if name in cities:
                if n < len(words):  # the rest of the capitalized run is not part of the place
                    if g("ptime"):
                        return None
                    stop = start + text[start:stop].index(words[n - 1]) + len(words[n - 1])
                    written = text[start:stop]
                elif not (g("in") or g("ptime") or _listed_place(g, text, start, stop)):
                    return None  # "2pm Denver" is rare; "2pm Monday" is not a place
                return ZoneRef(start, stop, written, cities[name], "place")
    return None


_LEAD_WORDS = _MONTH_WORDS | _MODIFIERS | frozenset(_NUMBER_WORDS) | {"the"}


def _candidates(text: str, low: str, data: bytes | None, lo: int, hi: int) -> list[int]:
    """Where a time part may start: digits and a few words, found in C (`anchors`), so the
    full pattern runs at a handful of places instead of at every character."""
    found, stems, weekdays = anchors.find(text, low, data, lo, hi)
    for stem, i in stems:
        start = i
        while start > lo and low[start - 1].isalpha():
            start -= 1
        found.add(start)
        if stem == "clock" and start == i:  # "o'clock": the number word before it starts the time
            found.add(previous_word(low, max(lo, i - 2), lo)[1])
    found.update(weekdays)
    starts = set(found)
    for pos in found:
        if pos == lo or low[pos - 1] not in " \t":
            continue  # no word just before (previous_word would say so)
        # A part may begin a word earlier: "March 12", "the 14th", "three o'clock", "next Monday".
        word, at = previous_word(low, pos, lo)
        if word in _LEAD_WORDS:
            if word == "coming":  # "this coming Friday" starts at "this"
                before, this_at = previous_word(low, at, lo)
                at = this_at if before == "this" else at
            starts.add(at)
    return sorted(starts)


def previous_word(low: str, pos: int, lo: int = 0) -> tuple[str, int]:
    """The word just before `pos` (lowercased text, spaces between) and where it starts; ("", pos) if none."""
    end = pos
    while end > lo and low[end - 1] in " \t":
        end -= 1
    if end == pos or end == lo:
        return "", pos
    start = end
    while start > lo and (low[start - 1].isalpha() or low[start - 1] in ".@'"):
        start -= 1
    return low[start:end], start


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a few characters (e.g. "İ") lower to two; keep offsets aligned
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


def _tokens(text: str, low: str, ranges: Iterable[tuple[int, int]], today: dt.date, american: bool):
    clocks, days = [], []
    data = anchors.scannable(low) if ranges else None
    for lo, hi in ranges:
        covered = lo
        for pos in _candidates(text, low, data, lo, hi):
            if pos < covered:
                continue
            match = (_NUMERIC_PARTS if text[pos].isdigit() else _WORD_PARTS).match(text, pos, hi)
            if match is None:
                continue
            covered = match.end()
            if match.lastgroup == "clock":
                parsed = _clock(match, american)
                if parsed:
                    clocks.append((match, parsed))
            else:
                day = _day_token(match, today, american)
                if day:
                    days.append(day)
    return clocks, days


def extract(text: str, ranges: Iterable[tuple[int, int]], context, today: dt.date | None = None,
            by_recipient: bool = False) -> Extraction:
    """Every time mention and day reference inside `ranges` of `text` (offsets into `text`).
    `today` is `reference_date(context)`, passed in when the caller has it (a zone conversion per call).
    `by_recipient`: the text is the other party's (the quoted thread), so "my time" there is theirs."""
    ranges = list(ranges)
    today = reference_date(context) if today is None else today
    sender = getattr(context.sender_timezone, "zone", None)
    recipient = getattr(context.recipient_timezone, "zone", None)
    if by_recipient:
        sender, recipient = recipient, sender
    american = (sender or "America/").startswith("America/")
    low = _lower(text)
    raw_clocks, day_tokens = _tokens(text, low, ranges, today, american)
    days = _join_days(day_tokens, text)
    limit = {start: end for start, end in ranges}

    def range_end(pos: int) -> int:
        if len(ranges) == 1 and ranges[0][0] <= pos <= ranges[0][1]:  # most drafts: one range of new text
            return ranges[0][1]
        return next((end for start, end in limit.items() if start <= pos <= end), len(text))

    # Join "2–3pm" / "10:00 to 11:30 am" into one clock carrying both ends.
    clocks: list[Clock] = []
    i = 0
    while i < len(raw_clocks):
        match, (hour, minute, stated, style24) = raw_clocks[i]
        start, end = match.span()
        if i + 1 < len(raw_clocks):
            nxt, (h2, m2, stated2, style2) = raw_clocks[i + 1]
            if _RANGE_JOIN.match(text, end, nxt.start()) and (stated2 or stated or (":" in match.group() and ":" in nxt.group())):
                if not stated and stated2 and not style2:
                    # "2–3pm", "11–1pm": the first end takes the second's am/pm unless that makes it later.
                    hour = hour % 12 + (h2 // 12) * 12
                    if hour * 60 + minute > h2 * 60 + m2:
                        hour = (hour + 12) % 24
                    stated = True
                clocks.append(Clock(start, nxt.end(), hour, minute, h2, m2, stated and stated2, style24 or style2))
                i += 2
                continue
        i += 1
        bare = match.group().isdigit() or match.group()[-1] == "h"  # "14h" alone may be a duration ("within 2h")
        if bare and previous_word(low, start)[0] not in _CONTEXT_WORDS:
            continue  # a bare number is a time only as in "Thursday at 10"
        clocks.append(Clock(start, end, hour, minute, None, None, stated, style24))

    mentions: list[TimeMention] = []
    day_starts = sorted((d.start, d) for d in days)
    for clock in clocks:
        written = text[clock.start:clock.end]
        word_before = previous_word(low, clock.start)[0]
        found = _zone_after(text, clock.end, range_end(clock.end), (sender, recipient))
        zone, tail = found if found else (None, clock.end)
        # The day before the clock ("Tuesday at 2pm") or after it ("2pm Central on Tuesday").
        day, start, end, connector = None, clock.start, tail, ""
        for d in days:
            if d.end <= clock.start and clock.start - d.end <= 24:
                gap = _BEFORE_CLOCK.match(text, d.end, clock.start)
                if gap:
                    day, start, connector = d, d.start, (gap.group("word") or "").lower()
        if day is None:
            for d_start, d in day_starts:
                if d_start >= tail and d_start - tail <= 6 and _AFTER_CLOCK.match(text, tail, d_start):
                    day, end = d, d.end
                    break
            if zone is None and day is not None:  # "17:00 on Tuesday for me in Los Angeles"
                found = _zone_after(text, day.end, range_end(day.end), (sender, recipient))
                zone = found[0] if found else None
        if not _plausible(clock, written, word_before, day, zone, connector):
            continue
        word, at = previous_word(low, start)
        visit = word == "by" and previous_word(low, at)[0] in _VISIT_VERBS
        deadline = not visit and (word in _DEADLINE_WORDS or connector in ("by", "before", "until"))
        mentions.append(TimeMention(start, end, clock, day, zone, tail, deadline))
    mentions = _share_zones(mentions, text)
    default = _declared_zone(text, low, ranges, (sender, recipient))
    if default is not None:
        mentions = [m if m.zone is not None else TimeMention(m.start, m.end, m.clock, m.day, default, m.tail, m.deadline)
                    for m in mentions]
    return Extraction(tuple(mentions), tuple(days))


_ALL_TIMES = re.compile(r"\b(?:all\s+)?times\s+(?:(?:are|listed|shown|below|above|here)\s+)*(?:in\s+)?", re.I)


def _declared_zone(text: str, low: str, ranges, parties) -> ZoneRef | None:
    """A zone declared once for the whole draft: "All times are Eastern.", "(times in CET)"."""
    for lo, hi in ranges:
        i = low.find("times", lo, hi)
        while i >= 0:
            start = low.rfind("all", max(lo, i - 5), i)
            match = _ALL_TIMES.match(text, start if start >= 0 else i, hi)
            if match:
                found = _zone_after(text, match.end(), hi, parties)
                if found:
                    return found[0]
            i = low.find("times", i + 5, hi)
    return None


def _plausible(clock: Clock, written: str, word_before: str, day: DayRef | None, zone: ZoneRef | None,
               connector: str) -> bool:
    """A clock with no am/pm and no 24-hour form ("at 10", "9:30") counts only where a time is expected."""
    if clock.stated or clock.end_hour is not None:
        return True
    if zone is not None or day is not None and connector:
        return True
    after_word = word_before in _CONTEXT_WORDS
    if written.strip().isdigit():
        return day is not None and after_word  # "at 7 on Friday"; a lone "at 10" may be anything
    # 9:30, half past three, three o'clock: a time word or a preposition before it is enough.
    return after_word or day is not None


def _share_zones(mentions: list[TimeMention], text: str) -> list[TimeMention]:
    """In "2pm or 3pm ET" the zone belongs to both times."""
    result = list(mentions)
    for i in range(len(result) - 2, -1, -1):
        current, following = result[i], result[i + 1]
        if current.zone is None and following.zone is not None and _LIST_JOIN.match(text, current.end, following.start):
            result[i] = TimeMention(current.start, current.end, current.clock, current.day, following.zone, current.tail,
                                    current.deadline)
    return result


_QUOTE_DEPTH = re.compile(r"^[ \t]*((?:>[ \t]?)*)(?=[^>\s])", re.M)


def latest_message(quoted: str) -> tuple[str, list[tuple[int, int]]]:
    """The quoted thread with attribution lines and mail headers blanked (same length), and the
    ranges of its most recent message: what the other party just proposed, not older replies."""
    headers = list(_QUOTE_HEADER.finditer(quoted))
    blanked = _QUOTE_HEADER.sub(lambda m: " " * len(m.group()), quoted)
    start, end = 0, len(quoted)
    if headers and not quoted[:headers[0].start()].strip():
        start = headers[0].end()
    later = [h for h in headers if h.start() >= start and quoted[start:h.start()].strip()]
    if later:
        end = later[0].start()
    # Older messages quoted inside the latest one sit one ">" deeper.
    depths = [(m.start(), m.group(1).count(">")) for m in _QUOTE_DEPTH.finditer(quoted, start, end)]
    if not depths:
        return blanked, []
    shallowest = min(depth for _, depth in depths)
    ranges = []
    for pos, depth in depths:
        line_end = quoted.find("\n", pos, end)
        line_end = end if line_end < 0 else line_end
        if depth == shallowest:
            ranges.append((pos, line_end))
    merged: list[tuple[int, int]] = []
    for lo, hi in ranges:
        if merged and blanked[merged[-1][1]:lo].strip() == "":
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return blanked, merged
