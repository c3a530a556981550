"""Sentence splitting tuned for email: terminal punctuation, blank lines, and short lines
(greetings, sign-offs, list items) end a sentence; a hard-wrapped line does not."""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from .positions import positions

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st prof sr jr inc ltd co corp vs etc eg ie approx dept est no fig jan feb mar apr jun jul "
    "aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun a.m p.m e.g i.e u.s".split()
)
# A terminator run, optional closing quotes/brackets, then white space (see `terminators`).
# Words that start sentences and are never surnames: after one of them, "rev C." or "Plan B." ends a
# sentence rather than being an initial ("J. Smith").
_SENTENCE_OPENERS = frozenset(
    "i we you he she it they who what why how when where which is are was were do does did can could will "
    "would should has have had please thanks thank the this that these those our my your their let if but "
    "and so also any anyone".split()
)
_TERMINATOR_CHARS = ".!?…"
_CLOSERS = "\"'”’)]"
_WRAP_LINE_MIN = 50  # a line at least this long that ends mid-sentence was probably hard-wrapped


class Sentence(NamedTuple):
    start: int
    end: int
    text: str
    is_question: bool


_AFTER_QUESTION = "\"'”’) !\ufe0f\u200d"  # closers, "!" ("?!"), emoji joiners and selectors


def asks(body: str) -> bool:
    """The sentence is a question: it ends in "?", perhaps followed by "!" ("?!"), closers or emoji
    ("Who signed this off?🙄")."""
    tail = body.rstrip(_AFTER_QUESTION)
    while tail and unicodedata.category(tail[-1]) in ("So", "Sk"):  # emoji, skin tones
        tail = tail[:-1].rstrip(_AFTER_QUESTION)
    return tail.endswith("?")


def terminators(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    r"""The spans the regex `[.!?…]+["'”’)\]]*(?=\s|$)` finds in text[lo:hi], from a str.find per terminator character
    (C speed) instead of a Python-regex walk over every character. A maximal run of terminators,
    then of closers, ends a sentence when white space or `hi` follows; a run that does not can match
    in no shorter way either (what follows a shorter one is a terminator or a closer)."""
    marks = positions(text, _TERMINATOR_CHARS, lo, hi)
    spans, k, count = [], 0, len(marks)
    while k < count:
        start = end = marks[k]
        while k < count and marks[k] == end:
            end += 1
            k += 1
        while end < hi and text[end] in _CLOSERS:
            end += 1
        if end == hi or text[end].isspace():
            spans.append((start, end))
    return spans


# An emoji (or a run of them) that ends a sentence with no full stop ("Got it 👍 Will send it Friday") or
# follows its "?" ("Who signed this off?🙄 I need to know"); one opening a sentence ("Really? 👍 Fine.") stays.
_EMOJI_BREAK = re.compile(
    "(?:(?<=\\w[ \t])|(?<=[?!.\u2026]))[\u2600-\u27bf\U0001f300-\U0001faff][\ufe0f\u200d\u2600-\u27bf\U0001f300-\U0001faff]*(?=[ \t]+[A-Z])")


def emoji_breaks(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of emoji runs in text[lo:hi] that end a sentence: white space and a capital letter follow."""
    if text.isascii():
        return []
    return [m.span() for m in _EMOJI_BREAK.finditer(text, lo, hi)]


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


def _dot_continues(text: str, word: str, mark_end: int, piece_end: int) -> bool:
    """Whether the single dot after `word` leaves the sentence open: an initial ("J. Smith", but not
    "rev C. Who…"), or an abbreviation ("Dr. Lee"; "p.m." and "etc." only before a lower-case word)."""
    bare = word.lstrip("(\"'“‘")
    if len(bare) == 1 and bare.isalpha():
        return _next_word(text, mark_end, piece_end) not in _SENTENCE_OPENERS
    return bare in _ABBREVIATIONS and (
        not _next_visible_char(text, mark_end, piece_end).isupper() or word.strip("(") not in ("a.m", "p.m", "etc"))


def _next_word(text: str, start: int, end: int) -> str:
    """The first word of text[start:end] (letters only), lower-cased."""
    while start < end and text[start].isspace():
        start += 1
    stop = start
    while stop < end and text[stop].isalpha():
        stop += 1
    return text[start:stop].lower()


def _next_visible_char(text: str, start: int, end: int) -> str:
    """The first non-space character of text[start:end], or ""."""
    while start < end and text[start].isspace():
        start += 1
    return text[start:start + 1] if start < end else ""


def _line_pieces(text: str, start: int, end: int):
    """Split [start, end) into runs separated by sentence-ending line breaks."""
    piece_start = line_start = start
    nl = text.find("\n", start, end)
    while nl >= 0:
        if not (nl - line_start >= _WRAP_LINE_MIN and _wrapped(text[line_start:nl].rstrip(), text[nl + 1:nl + 2] if nl + 1 < end else "")):
            yield piece_start, nl
            piece_start = nl + 1
        line_start = nl + 1
        nl = text.find("\n", line_start, end)
    yield piece_start, end


def _wrapped(line: str, next_char: str) -> bool:
    """Whether a line break inside a sentence was put there by hard wrapping: a long line that
    stops mid-sentence, continued by a lowercase word or a number."""
    return (
        len(line) >= _WRAP_LINE_MIN
        and (line[-1:].isalnum() or line[-1:] in ",;-–")
        and next_char.isalnum()
        and not next_char.isupper()
    )


def split_sentences(text: str, ranges: list[tuple[int, int]]) -> list[Sentence]:
    sentences = []
    append, new_sentence = sentences.append, tuple.__new__  # Sentence(...) without its Python-level __new__

    def add(s: int, e: int):
        chunk = text[s:e]
        body = chunk.strip()
        if body:
            start = s + chunk.index(body[0])
            append(new_sentence(Sentence, (start, start + len(body), body, asks(body))))

    for range_start, range_end in ranges:
        # One scan per range: a terminator never spans a line break, and at a piece's end the
        # lookahead sees the line break (white space) just as it sees the end of a piece.
        marks = terminators(text, range_start, range_end)
        breaks = emoji_breaks(text, range_start, range_end)
        if breaks:
            marks = sorted(set(marks) | set(breaks))
        t, count = 0, len(marks)
        for piece_start, piece_end in _line_pieces(text, range_start, range_end):
            if piece_start == piece_end:  # an empty line: nothing to add
                continue
            sentence_start = piece_start
            while t < count and marks[t][0] < piece_end:
                mark_start, mark_end = marks[t]
                t += 1
                if text[mark_start] == "." and len(text[mark_start:mark_end].rstrip(_CLOSERS)) == 1:
                    if _dot_continues(text, _last_word(text, sentence_start, mark_start + 1), mark_end, piece_end):
                        continue
                add(sentence_start, mark_end)
                sentence_start = mark_end
            add(sentence_start, piece_end)
    return sentences
