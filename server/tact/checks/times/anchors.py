"""Where time parts may start, found in C: digit runs, the word stems of day and clock words, and
capitalised weekday abbreviations (`extract._candidates` turns them into the positions the time
patterns are tried at).

With Hyperscan installed, one scan of a small database over the lowercased text's Latin-1 bytes
reports all three (10 µs a 1,500-character draft, against 50 µs for a digit regex, nine `str.find`
loops and a weekday regex in Python). The Python scans stay for a text Hyperscan cannot read the
same way (a decimal digit beyond Latin-1, which `\\d` matches) and where Hyperscan is not installed.
"""
from __future__ import annotations

import codecs
import functools
import re
import threading

from ...rules import hyperscan_prefilter

# Words that can start a time part. Every weekday name ends in "day", as do today, yesterday and
# midday: one stem finds them all.
_WORD_STEMS = ("day", "tonight", "tomorrow", "tmrw", "noon", "midnight", "half", "quarter", "clock")
_CASED_STEM = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b")
_DIGITS = re.compile(r"\d+")
_DIGIT_MARKS = bytes(0 if 0x30 <= b <= 0x39 else 1 for b in range(256))  # an ASCII digit -> 0, anything else -> 1

# Expression ids: 0-1 a digit run's first digit, 2.. each stem, then a weekday abbreviation in any
# case followed by an ASCII word boundary (a superset: `_CASED_STEM` confirms each on the text).
_EXPRESSIONS = (rb"^[0-9]", rb"[^0-9][0-9]", *(stem.encode() for stem in _WORD_STEMS),
                rb"(?:mon|tue|wed|thu|fri|sat|sun)\b")
_WEEKDAY = len(_EXPRESSIONS) - 1


class _BeyondLatin1Digit(Exception):
    """A decimal digit above U+00FF: `\\d` matches it, a Latin-1 byte cannot stand for it."""


def _beyond_latin1(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler ("tact-times"): characters above U+00FF become "?" (neither a letter nor
    a digit, as they are for every stem and digit the scan looks for), unless one is a decimal digit."""
    chars = error.object[error.start:error.end]
    if any(char.isdecimal() for char in chars):
        raise _BeyondLatin1Digit
    return "?" * len(chars), error.end


codecs.register_error("tact-times", _beyond_latin1)


@functools.lru_cache(maxsize=1)
def _database():
    """The compiled database, or None without a usable Hyperscan."""
    if not hyperscan_prefilter.available():
        return None
    hyperscan = hyperscan_prefilter.hyperscan
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    database.compile(expressions=list(_EXPRESSIONS), ids=list(range(len(_EXPRESSIONS))),
                     elements=len(_EXPRESSIONS), flags=[0] * len(_EXPRESSIONS))
    return database


_per_thread = threading.local()


def _scratch(database):
    """A scratch of this thread's own: one scratch scanning in two threads at once is an error."""
    scratch = getattr(_per_thread, "scratch", None)
    if scratch is None:
        scratch = _per_thread.scratch = hyperscan_prefilter.hyperscan.Scratch(database)
    return scratch


def scannable(low: str) -> bytes | None:
    """The lowercased text as the scan reads it, one byte per character; None when the Python scans
    must read it (no Hyperscan, or a decimal digit beyond Latin-1)."""
    if _database() is None:
        return None
    try:
        return low.encode("latin-1", "tact-times")
    except _BeyondLatin1Digit:
        return None


def find(text: str, low: str, data: bytes | None, lo: int, hi: int) -> tuple[set[int], list[tuple[str, int]], list[int]]:
    """In text[lo:hi]: where each run of digits starts (as `\\d+` finds them), each occurrence of a
    stem in `low` as (stem, position), and where `_CASED_STEM` matches. `data`: `scannable(low)`."""
    if data is None:
        return _python_anchors(text, low, lo, hi)
    digits, stems, weekdays = set(), [], []

    def found(expression: int, start: int, end: int, flags: int, context) -> None:
        if expression < 2:
            digits.add(lo + end - 1)
        elif expression < _WEEKDAY:
            stems.append((_WORD_STEMS[expression - 2], lo + end - len(_EXPRESSIONS[expression])))
        elif _CASED_STEM.match(text, lo + end - 3, hi):
            weekdays.append(lo + end - 3)

    database = _database()
    database.scan(data[lo:hi], match_event_handler=found, scratch=_scratch(database))
    return digits, stems, weekdays


def _python_anchors(text: str, low: str, lo: int, hi: int) -> tuple[set[int], list[tuple[str, int]], list[int]]:
    stems = []
    for stem in _WORD_STEMS:
        i = low.find(stem, lo, hi)
        while i >= 0:
            stems.append((stem, i))
            i = low.find(stem, i + len(stem), hi)
    return _digit_runs(text, lo, hi), stems, [match.start() for match in _CASED_STEM.finditer(text, lo, hi)]


def _digit_runs(text: str, lo: int, hi: int) -> set[int]:
    """Where each run of digits in text[lo:hi] starts, as `\\d+` finds them. An ASCII text is marked
    digit / not digit by bytes.translate and the runs found by bytes.find, in C."""
    if not text.isascii():  # Unicode digits count too: the regex knows them
        return {match.start() for match in _DIGITS.finditer(text, lo, hi)}
    marks = text.encode("ascii").translate(_DIGIT_MARKS)
    found = set()
    i = marks.find(0, lo, hi)
    while i >= 0:
        found.add(i)
        i = marks.find(1, i, hi)
        if i < 0:
            break
        i = marks.find(0, i, hi)
    return found
