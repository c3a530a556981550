"""The `when:` conditions a pattern match must meet, judged against the draft around the match."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..text.draft import Draft
from ..text.positions import positions

# Quotation marks (already folded to ASCII); a paragraph break (a line of only spaces and tabs, or
# none, between two line breaks) ends any open quotation.
_QUOTE_CHARS = "\"'"
_OPENS_AFTER = "([{\"-\u2014\u2013"
MAX_QUOTATION_CHARS = 600
# Where a word (`\w+(?:'\w+)*`, as a scan from the start of the text finds them) starts: a word
# character after neither a word character nor an apostrophe that follows one.
_WORD_START = re.compile(r"(?<!\w)(?<!\w')\w")


@dataclass(frozen=True)
class Near:
    """`near` / `not_near`: another phrase within `within` words of the match (before or after)."""

    regex: Any
    within: int
    negate: bool


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text inside quotation marks ("..." or '...'), marks included.

    A single quote opens only after a space or bracket and closes only before a non-letter,
    so apostrophes (don't, the clients' files) are not taken for quotation marks.
    Unclosed marks, and quotations longer than a paragraph or MAX_QUOTATION_CHARS, are ignored.
    """
    spans = []
    double = single = None
    marks = positions(text, _QUOTE_CHARS)
    breaks = _paragraph_breaks(text) if marks else []
    b = 0
    for i in marks:
        if b < len(breaks) and breaks[b] < i:  # a paragraph break since the last mark
            double = single = None
            while b < len(breaks) and breaks[b] < i:
                b += 1
        if text[i] == '"':
            if double is None:
                double = i
            else:
                if i - double <= MAX_QUOTATION_CHARS:
                    spans.append((double, i + 1))
                double = None
        else:
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if single is None:
                if (before.isspace() or before in _OPENS_AFTER) and not after.isspace():
                    single = i
            elif not before.isspace() and not after.isalnum():
                if i - single <= MAX_QUOTATION_CHARS:
                    spans.append((single, i + 1))
                single = None
    return sorted(spans)


def quotations(draft: Draft) -> list[tuple[int, int]]:
    """`quotation_spans` of the draft's folded text, worked out once per draft for every check and condition."""
    return draft.memo("conditions.quotations", _draft_quotations)


def _draft_quotations(draft: Draft) -> list[tuple[int, int]]:
    return quotation_spans(draft.folded)


def in_quotation(draft: Draft, start: int, end: int) -> bool:
    """Whether [start, end) sits inside quotation marks (someone else's words, not the writer's)."""
    return any(s <= start and end <= e for s, e in quotations(draft))


def quoted_at(draft: Draft, pos: int) -> bool:
    """Whether the character at pos is inside quotation marks."""
    return any(s <= pos < e for s, e in quotations(draft))


# A line break followed by a blank line (only spaces and tabs, or none) and another line break; led
# by a literal, so Python's re looks only where a line break is.
_PARAGRAPH_BREAK = re.compile(r"\n(?=[ \t]*\n)")


def _paragraph_breaks(text: str) -> list[int]:
    """Where each line break followed by a blank line (only spaces and tabs) and another line break starts."""
    return [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]


class DraftFacts:
    """What the conditions need to know about one draft, computed at most once per check and only if asked."""

    def __init__(self, draft: Draft):
        self.draft = draft
        self._near_hits: dict[int, list[tuple[int, int]]] = {}

    @cached_property
    def _quotations(self) -> list[tuple[int, int]]:
        return quotations(self.draft)

    @cached_property
    def _quotation_starts(self) -> list[int]:
        return [s for s, _ in self._quotations]

    def inside_quotation(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._quotation_starts, start) - 1
        return i >= 0 and end <= self._quotations[i][1]

    def words_at_most(self, left_end: int, right_start: int, most: int) -> bool:
        """Whether at most `most` words start in [left_end, right_start): counted there, not over the
        whole text (a regex walk of 160 µs a 1,500-character draft), and no further than `most` + 1."""
        for count, _ in enumerate(_WORD_START.finditer(self.draft.folded, left_end, right_start), 1):
            if count > most:
                return False
        return True

    def near(self, near: Near, start: int, end: int) -> bool:
        """Whether `near`'s phrase occurs in the new text within `near.within` words of [start, end)."""
        hits = self._near_hits.get(id(near))
        if hits is None:
            text = self.draft.folded
            hits = [(m.start(), m.end()) for s, e in self.draft.new_ranges
                    for m in near.regex.finditer(text, s, e) if m.end() > m.start()]
            self._near_hits[id(near)] = hits
        for s, e in hits:
            if (s, e) == (start, end):
                continue  # the match itself is not "another phrase"
            if s < end and start < e:
                return True
            if self.words_at_most(e, start, near.within) if e <= start else self.words_at_most(end, s, near.within):
                return True
        return False


def sentence_ok(when: dict, when_regex: dict, sentence, start: int) -> bool:
    """The sentence-level conditions: question, sentence_start, sentence_(not_)matches."""
    if "question" in when and sentence.is_question != when["question"]:
        return False
    if when.get("sentence_start") and sentence.text[: start - sentence.start].strip(" \"'(-*•"):
        return False
    if "sentence_matches" in when_regex and not when_regex["sentence_matches"].search(sentence.text):
        return False
    if "sentence_not_matches" in when_regex and when_regex["sentence_not_matches"].search(sentence.text):
        return False
    return True
