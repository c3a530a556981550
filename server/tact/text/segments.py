"""Split a draft's normalized text into the sender's new text, the quoted thread and the signature.

quotequail finds where a reply header starts the quoted thread ("On ... wrote:",
Outlook's "From: ... Sent: ..." block, forwarded-message separators); our own
code handles what it leaves: interleaved "> " lines and signatures.
"""
from __future__ import annotations

import re

from quotequail import _patterns as quotequail_patterns

from . import regex
from .source import Region

# Line patterns, led by the line break before the line (searched in "\n" + text, so a match's start
# there is the line's start in text): Python's re tries a pattern led by "^" at every character, one
# led by a literal character only where that character is.
_QUOTED_LINE = re.compile(r"\n[ \t]*>.*$", re.M)
# A line that starts a signature: the "-- " delimiter, mobile footers, or a sign-off
# followed only by a few short lines (name, title, phone).
_SIG_DELIMITER = re.compile(r"\n(?:(?:-- ?|__+|—\s*)$|Sent from my \w+(?: \w+){0,3}\s*$|Get Outlook for \w+)", re.M)
_SIGN_OFF = re.compile(
    r"^[ \t]*(?:(?:best|kind|warm|warmest|many)?\s*(?:regards|wishes)|best|thanks(?: again| so much)?|thank you|"
    r"cheers|sincerely(?: yours)?|yours(?: truly| sincerely)?|all the best|talk soon|take care|respectfully|"
    r"with thanks|many thanks|thx|regards|br|--\s*\w+)[ \t]*[,!.]?[ \t]*$",
    re.I | re.M,
)
# A line a sign-off match can run on from into the next one: blank, or holding only the optional
# first word of "kind regards" or the "--" of "-- Dana" (only those parts' \s* crosses a line break).
_RUNS_ON = re.compile(r"[ \t]*(?:(?:best|kind|warm|warmest|many)\s*|--\s*)?\s*", re.I)
_SIGN_OFF_TAIL_LINES = 5
_SIGN_OFF_TAIL_LINE_WORDS = 8


def _looks_like_signature_line(line: str) -> bool:
    line = line.strip()
    return len(line.split()) <= _SIGN_OFF_TAIL_LINE_WORDS and not line.endswith(("?", "!", ".", ":"))


# quotequail's own reply/forward header patterns, as one RE2 alternation: quotequail tries ~40
# backtracking regexes per line (slow, and cubic on a hostile "2024/1/1 <…@…>" line); RE2 is linear.
_QUOTE_HEADER = regex.compile("|".join(
    f"(?:{p})" for p in (*quotequail_patterns.REPLY_PATTERNS, *quotequail_patterns.FORWARD_PATTERNS)))
# Every one of those patterns ends in one of ":>_-", so only a line ending in one (or the line
# before it, joined with it) is tried: the end of such a line.
_MAY_END_HEADER = re.compile(r"[:>_\-][^\S\n]*$", re.M)
_QUOTE_LINE_LIMIT = 1000  # quotequail.quote's default `limit`: from this line on, everything counts as quoted
_SURROGATE = re.compile("[\ud800-\udfff]")


def _joined(first: str, second: str) -> str:
    """quotequail's join of a header wrapped over two lines."""
    if first and first[-1] in quotequail_patterns.STRIP_SPACE_CHARS:
        return first + second
    return first + " " + second


def _is_quote_header(line: str, following: str | None) -> bool:
    """quotequail's test of one line (joined with the next when it wraps)."""
    for candidate in (line, None if following is None else _joined(line, following)):
        if candidate is None:
            break
        if candidate.startswith(">"):
            candidate = candidate[1:].strip()
        if not candidate:
            break
        if _QUOTE_HEADER.match(candidate.strip()):
            return True
    return False


def _quote_header_start(text: str) -> int | None:
    """Where the quoted thread begins (including its intro line), if anywhere: exactly what
    `quotequail.quote(text, quote_intro_line=True)` says, in linear time."""
    if not text.isascii() and _SURROGATE.search(text):  # RE2 needs UTF-8; a lone surrogate is as opaque as U+FFFD to these patterns
        text = _SURROGATE.sub("\ufffd", text)
    lines = text.split("\n")
    for n in _header_candidates(text):
        if n >= _QUOTE_LINE_LIMIT - 1:
            break
        if _is_quote_header(lines[n], lines[n + 1] if n + 1 < len(lines) else None):
            return _line_start(lines, n)
    return _line_start(lines, _QUOTE_LINE_LIMIT - 1) if len(lines) >= _QUOTE_LINE_LIMIT else None


def _header_candidates(text: str) -> list[int]:
    """Numbers of the lines that may start a header, in order: a line that may end one, and the
    line before it (a header wrapped over two lines). Found with one regex scan, not a loop over lines."""
    found, line, counted = [], 0, 0
    for match in _MAY_END_HEADER.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        for n in (line - 1, line):
            if n >= 0 and (not found or n > found[-1]):
                found.append(n)
    return found


def _line_start(lines: list[str], n: int) -> int:
    return sum(map(len, lines[:n])) + n


def _last_lines_start(text: str, count: int) -> int:
    """Where the count-th non-blank line from the end of `text` starts (0 if there are fewer)."""
    end, found = len(text), 0
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            found += 1
            if found == count:
                return start
        end = start - 1
    return 0


def _sign_off_scan_start(head: str, line_start: int) -> int:
    """Where a scan for the sign-offs that end after `line_start` (a line's start) may begin and find
    the same ones a scan of the whole draft finds (Python's re tries the "^"-led pattern at every
    character): `line_start`, or earlier while the line before could be part of a match running on."""
    start = line_start
    while start > 0:
        previous = head.rfind("\n", 0, start - 1) + 1
        if not _RUNS_ON.fullmatch(head, previous, start - 1):
            break
        start = previous
    return start


def _signature_start(text: str, limit: int) -> int | None:
    head = text[:limit]
    match = _SIG_DELIMITER.search("\n" + head)
    if match:
        return match.start()
    # A sign-off ending before the last few non-blank lines has too many lines after it: skip it
    # without splitting the rest of the draft (that made a draft with many sign-offs quadratic).
    too_early = _last_lines_start(head, _SIGN_OFF_TAIL_LINES + 1)
    for sign_off in _SIGN_OFF.finditer(head, _sign_off_scan_start(head, too_early)):
        if sign_off.end() <= too_early:
            continue
        tail = head[sign_off.end():].strip("\n")
        lines = [line for line in tail.split("\n") if line.strip()]
        if len(lines) <= _SIGN_OFF_TAIL_LINES and all(map(_looks_like_signature_line, lines)):
            return sign_off.start()
    return None


def split_segments(text: str, markup_regions: list[Region]) -> list[Region]:
    """Regions of `text` that are quoted thread or signature; everything else is new text."""
    regions = list(markup_regions)
    covered_until = len(text)
    quote_starts = [r.start for r in regions if r.kind == "quote"]
    if quote_starts:
        covered_until = min(quote_starts)
    head = text[:covered_until]
    header = _quote_header_start(head) if head.strip() else None
    if header is not None and header < covered_until:
        regions.append(Region(header, covered_until, "quote"))
        covered_until = header
    for match in _QUOTED_LINE.finditer("\n" + text, 0, covered_until + 1):
        regions.append(Region(match.start(), min(match.end(), covered_until), "quote"))
    sig = _signature_start(text, covered_until)
    if sig is not None:
        regions.append(Region(sig, covered_until, "signature"))
    return sorted(regions, key=lambda r: r.start)


def new_text_ranges(length: int, regions: list[Region]) -> list[tuple[int, int]]:
    """The complement of `regions` in [0, length)."""
    ranges, pos = [], 0
    for region in sorted(regions, key=lambda r: r.start):
        if region.start > pos:
            ranges.append((pos, region.start))
        pos = max(pos, region.end)
    if pos < length:
        ranges.append((pos, length))
    return ranges
