"""RE2 regexes with the google-re2 API and results, minus most of its per-call cost.

The google-re2 wrapper re-encodes the whole text to UTF-8 on every call, measures the start offset
character by character and builds a dictionary to decode each match's offsets. The checks call
RE2 ~100 times per draft, mostly on the same few strings, so that work was a fifth of the engine.
Here an ASCII text (most sentences) needs no offset mapping at all, and a text with a few
non-ASCII characters gets one small table per string, kept for the strings in use, that maps
offsets by bisection (a text with thousands of non-ASCII characters keeps google-re2's own mapping).
Match objects are google-re2's with faster whole-match accessors; sub, split and findall are google-re2's own.
"""
from __future__ import annotations

import bisect
import re
import threading

import re2

# The letters a case-insensitive match (RE2's or Python's re.I) equates with an ASCII letter: İ ı ſ K.
FOLDS_INTO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
_NULL_SPAN = (-1, -1)
_UNANCHORED = re2._Anchor.UNANCHORED
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_TABLES_KEPT = 64
_MAX_EXTRA_BYTES = 4096  # a table holds three short lists per non-ASCII character: keep them small


class _Offsets:
    """Code-point <-> UTF-8 byte offsets of one text, by bisection over its non-ASCII characters."""

    __slots__ = ("encoded", "_chars", "_bytes", "_extra")

    def __init__(self, text: str, encoded: bytes):
        self.encoded = encoded
        chars, byte_starts, extra, total = [], [], [0], 0
        for m in _NON_ASCII.finditer(text):
            code = ord(m.group())
            chars.append(m.start())
            byte_starts.append(m.start() + total)
            total += 1 if code < 0x800 else 2 if code < 0x10000 else 3
            extra.append(total)
        self._chars, self._bytes, self._extra = chars, byte_starts, extra

    def to_bytes(self, pos: int) -> int:
        return pos + self._extra[bisect.bisect_left(self._chars, pos)]

    def to_chars(self, pos: int) -> int:
        return pos - self._extra[bisect.bisect_left(self._bytes, pos)]


# (text, its table or None): the text is kept so the id() it is filed under stays its own.
_tables: dict[int, tuple[str, _Offsets | None]] = {}
_tables_lock = threading.Lock()


def _offsets(text: str) -> _Offsets | None:
    """The offset table of a non-ASCII text; None for a text with so many non-ASCII characters that
    a table would be large and slow to build (google-re2's own mapping, in C, serves those)."""
    entry = _tables.get(id(text))
    if entry is not None and entry[0] is text:
        return entry[1]
    encoded = text.encode("utf-8")
    table = _Offsets(text, encoded) if len(encoded) - len(text) <= _MAX_EXTRA_BYTES else None
    with _tables_lock:
        if len(_tables) >= _TABLES_KEPT:  # the strings of earlier drafts
            _tables.clear()
        _tables[id(text)] = (text, table)
    return table


class _Match(re2._Match):
    """google-re2's match, with the whole match's start, end, span and text and the groups tuple read
    straight from the spans: its own methods check the group number against the regex's group count
    (a property) on every call, and checks call them several times per match."""

    __slots__ = ()

    def start(self, group=0):
        return self._spans[0][0] if group == 0 else super().start(group)

    def end(self, group=0):
        return self._spans[0][1] if group == 0 else super().end(group)

    def span(self, group=0):
        return self._spans[0] if group == 0 else super().span(group)

    def group(self, *groups):
        if groups:
            return super().group(*groups)
        start, end = self._spans[0]  # the whole match: never the null span
        return self._text[start:end]

    def groups(self, default=None):
        text = self._text
        return tuple(default if span == _NULL_SPAN else text[span[0]:span[1]] for span in self._spans[1:])


class Regex(re2._Regexp):
    """A compiled RE2 regex: google-re2's `_Regexp` with a faster `_match` (every search, match,
    finditer, findall, sub and split goes through it) and the group count read once."""

    __slots__ = ("_groups",)

    def __init__(self, pattern: str, options: re2.Options):
        super().__init__(pattern, options)
        self._groups = self._regexp.NumberOfCapturingGroups()

    def __setstate__(self, state):  # unpickled: google-re2 restores only the pattern and the program
        super().__setstate__(state)
        self._groups = self._regexp.NumberOfCapturingGroups()

    @property
    def groups(self) -> int:
        return self._groups

    def _match(self, anchor, text, pos=None, endpos=None):
        if type(text) is not str:
            yield from super()._match(anchor, text, pos, endpos)
            return
        length = len(text)
        pos = 0 if pos is None else max(0, min(pos, length))
        endpos = length if endpos is None else max(0, min(endpos, length))
        if pos > endpos:
            return
        table = None
        if text.isascii():
            encoded, byte_pos, byte_end = text.encode("ascii"), pos, endpos
        else:
            table = _offsets(text)
            if table is None:
                yield from super()._match(anchor, text, pos, endpos)
                return
            encoded, byte_pos, byte_end = table.encoded, table.to_bytes(pos), table.to_bytes(endpos)
        regexp, match_class = self._regexp, _Match
        while True:
            spans = regexp.Match(anchor, encoded, byte_pos, byte_end)
            whole = spans[0]
            if whole == _NULL_SPAN:
                return
            if table is not None:
                to_chars = table.to_chars
                spans = [span if span == _NULL_SPAN else (to_chars(span[0]), to_chars(span[1])) for span in spans]
            yield match_class(self, text, pos, endpos, spans)
            if byte_pos == byte_end:
                return
            if byte_pos == whole[1]:  # an empty match: step over one character
                byte_pos = byte_pos + 1 if table is None else table.to_bytes(table.to_chars(byte_pos) + 1)
            else:
                byte_pos = whole[1]


    def search(self, text, pos=None, endpos=None):
        # One match: no generator (search is most of the calls, ~60 a draft).
        if type(text) is str and text.isascii() and pos is None and endpos is None:
            spans = self._regexp.Match(_UNANCHORED, text.encode("ascii"), 0, len(text))
            return None if spans[0] == _NULL_SPAN else _Match(self, text, 0, len(text), spans)
        return next(self._match(_UNANCHORED, text, pos, endpos), None)


def compile(pattern: str, options: re2.Options | None = None) -> Regex:  # noqa: A001 (re2.compile's name)
    return Regex(pattern, options or re2.Options())


def fast(pattern: str, flags: int = re.IGNORECASE) -> Regex:
    """A check's pattern with RE2, case-insensitive unless `flags` says otherwise: the checks' long
    alternations run 50-100x faster than with `re`, in linear time. RE2 has no lookarounds, so the
    few context tests live in Python after the match."""
    options = re2.Options()
    options.case_sensitive = not flags & re.IGNORECASE
    options.log_errors = False
    return Regex(pattern, options)
