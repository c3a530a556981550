"""Sentence splitting tuned for email: terminal punctuation, blank lines, and short lines
(greetings, sign-offs, list items) end a sentence; a hard-wrapped line does not."""
from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st prof sr jr inc ltd co corp vs etc eg ie approx dept est no fig jan feb mar apr jun jul "
    "aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun a.m p.m e.g i.e u.s".split()
)
# A terminator run, optional closing quotes/brackets, then white space.
_TERMINATOR = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
_WRAP_LINE_MIN = 50  # a line at least this long that ends mid-sentence was probably hard-wrapped


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str

    @property
    def is_question(self) -> bool:
        return self.text.rstrip("\"'”’) ").endswith("?")


def _last_word(text: str, start: int, end: int) -> str:
    """The last white-space-delimited word of text[start:end] without its trailing dots ("" if none).
    Walks back from `end` instead of copying the chunk, which kept a run of "x. x. x." quadratic."""
    while end > start and text[end - 1] == ".":
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    word_start = end
    while word_start > start and not text[word_start - 1].isspace():
        word_start -= 1
    return text[word_start:end].lower()


def _is_abbreviation(word: str) -> bool:
    word = word.lstrip("(\"'“‘")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _next_visible_char(text: str, start: int, end: int) -> str:
    """The first non-space character of text[start:end], or ""."""
    while start < end and text[start].isspace():
        start += 1
    return text[start:start + 1] if start < end else ""


def _line_pieces(text: str, start: int, end: int):
    """Split [start, end) into runs separated by sentence-ending line breaks."""
    piece_start = start
    pos = start
    while True:
        nl = text.find("\n", pos, end)
        if nl < 0:
            yield piece_start, end
            return
        line = text[pos:nl].rstrip()
        next_line = text[nl + 1:text.find("\n", nl + 1, end) if text.find("\n", nl + 1, end) >= 0 else end]
        wrapped = (
            len(line) >= _WRAP_LINE_MIN
            and (line[-1:].isalnum() or line[-1:] in ",;-–")
            and next_line[:1].isalnum()
            and not next_line[:1].isupper()
        )
        if not wrapped:
            yield piece_start, nl
            piece_start = nl + 1
        pos = nl + 1


def split_sentences(text: str, ranges: list[tuple[int, int]]) -> list[Sentence]:
    sentences = []

    def add(s: int, e: int):
        chunk = text[s:e]
        stripped = chunk.strip()
        if stripped:
            s += len(chunk) - len(chunk.lstrip())
            sentences.append(Sentence(s, s + len(stripped), stripped))

    for range_start, range_end in ranges:
        for piece_start, piece_end in _line_pieces(text, range_start, range_end):
            sentence_start = piece_start
            for match in _TERMINATOR.finditer(text, piece_start, piece_end):
                word = _last_word(text, sentence_start, match.end())
                if match.group().startswith(".") and len(match.group().rstrip("\"'”’)]")) == 1 and _is_abbreviation(word):
                    if not _next_visible_char(text, match.end(), piece_end).isupper():
                        continue
                    if word.strip("(") not in ("a.m", "p.m", "etc"):
                        continue
                add(sentence_start, match.end())
                sentence_start = match.end()
            add(sentence_start, piece_end)
    return sentences
