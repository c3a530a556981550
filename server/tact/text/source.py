"""The string the client sent, its normalized text, and the map between them.

Checks work on `Source.text`; every position they report is mapped back to the
client's string with `Source.locate`, in code points and in UTF-16 units.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_CARRIAGE_RETURN = re.compile("\r\n?")


@dataclass(frozen=True)
class Region:
    """A stretch of normalized text that markup identified as quoted thread or signature."""

    start: int
    end: int
    kind: str  # "quote" | "signature"


@dataclass
class Source:
    original: str
    text: str
    # For each normalized character i, the half-open range starts[i]:ends[i] in `original`.
    # None means the identity map (plain text without carriage returns).
    starts: Optional[list[int]] = None
    ends: Optional[list[int]] = None
    regions: list[Region] = field(default_factory=list)
    _astral: Optional[list[int]] = field(default=None, repr=False)

    def locate(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalized range [start, end) to the range of `original` it came from."""
        if self.starts is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def utf16(self, offset: int) -> int:
        """UTF-16 index of code-point index `offset` in `original` (astral characters count twice)."""
        if self._astral is None:
            original = self.original  # isascii() is a flag look-up: most drafts need no scan at all
            # Nor does a text whose UTF-16 form has one unit per character (no astral character): the
            # encoder runs in C, several times faster than a regex walk over every character.
            plain = original.isascii() or len(original.encode("utf-16-le", "surrogatepass")) == 2 * len(original)
            self._astral = [] if plain else [m.start() for m in _ASTRAL.finditer(original)]
        return offset + bisect.bisect_left(self._astral, offset)


def plain_source(text: str) -> Source:
    """Plain text: line endings become "\\n"; everything else is kept as sent."""
    if "\r" not in text:
        return Source(original=text, text=text)
    pieces, starts, ends = [], [], []
    pos = 0
    for line_end in _CARRIAGE_RETURN.finditer(text):  # runs between line endings are copied as ranges, not per character
        cr, after = line_end.span()
        pieces += (text[pos:cr], "\n")
        starts += range(pos, cr + 1)
        ends += range(pos + 1, cr + 1)
        ends.append(after)
        pos = after
    pieces.append(text[pos:])
    starts += range(pos, len(text))
    ends += range(pos + 1, len(text) + 1)
    return Source(original=text, text="".join(pieces), starts=starts, ends=ends)
