"""Split a draft's normalized text into the sender's new text, the quoted thread and the signature.

quotequail finds where a reply header starts the quoted thread ("On ... wrote:",
Outlook's "From: ... Sent: ..." block, forwarded-message separators); our own
code handles what it leaves: interleaved "> " lines and signatures.
"""
from __future__ import annotations

import re

import quotequail

from .source import Region

_QUOTED_LINE = re.compile(r"^[ \t]*>.*$", re.M)
# A line that starts a signature: the "-- " delimiter, mobile footers, or a sign-off
# followed only by a few short lines (name, title, phone).
_SIG_DELIMITER = re.compile(r"^(?:-- ?|__+|—\s*)$|^Sent from my \w+(?: \w+){0,3}\s*$|^Get Outlook for \w+", re.M)
_SIGN_OFF = re.compile(
    r"^[ \t]*(?:(?:best|kind|warm|warmest|many)?\s*(?:regards|wishes)|best|thanks(?: again| so much)?|thank you|"
    r"cheers|sincerely(?: yours)?|yours(?: truly| sincerely)?|all the best|talk soon|take care|respectfully|"
    r"with thanks|many thanks|thx|regards|br|--\s*\w+)[ \t]*[,!.]?[ \t]*$",
    re.I | re.M,
)
_SIGN_OFF_TAIL_LINES = 5
_SIGN_OFF_TAIL_LINE_WORDS = 8


def _looks_like_signature_line(line: str) -> bool:
    line = line.strip()
    return len(line.split()) <= _SIGN_OFF_TAIL_LINE_WORDS and not line.endswith(("?", "!", ".", ":"))


def _quote_header_start(text: str) -> int | None:
    """Where quotequail says the quoted thread begins (including its intro line), if anywhere."""
    chunks = quotequail.quote(text, quote_intro_line=True)
    pos = 0
    for is_new, chunk in chunks:
        if not is_new:
            return pos
        pos += len(chunk) + 1  # quotequail joins lines with "\n"
    return None


def _signature_start(text: str, limit: int) -> int | None:
    head = text[:limit]
    match = _SIG_DELIMITER.search(head)
    if match:
        return match.start()
    for sign_off in _SIGN_OFF.finditer(head):
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
    for match in _QUOTED_LINE.finditer(text, 0, covered_until):
        regions.append(Region(match.start(), min(match.end() + 1, covered_until), "quote"))
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
