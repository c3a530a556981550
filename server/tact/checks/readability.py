"""Readability with textstat: the draft's reading grade and sentences too long to follow."""
from __future__ import annotations

import re
from functools import lru_cache

import textstat

from .registry import Hit, python_check

_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_MAX_WORD = 40  # syllable counting is slow on a giant "word"; no real word is longer


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


@lru_cache(maxsize=65536)
def _syllables(word: str) -> int:
    return max(1, textstat.syllable_count(word[:_MAX_WORD]))


def reading_grade(text: str, sentences: int = 1) -> float:
    """Flesch-Kincaid grade of `text` split into `sentences` sentences (ours, not textstat's own
    count, so the grade agrees with the sentences the checks see); 0.0 for text with no words."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    syllables = sum(_syllables(w.lower()) for w in words)
    return round(0.39 * len(words) / max(1, sentences) + 11.8 * syllables / len(words) - 15.59, 1)


def draft_grade(draft) -> float:
    return reading_grade(draft.new_text, len(draft.sentences))


@python_check("long_sentence")
def long_sentence(draft, rule):
    limit = int(rule.options.get("max_words", 35))
    for sentence in draft.sentences:
        words = word_count(sentence.text)
        if words > limit:
            yield Hit(sentence.start, sentence.end, values={"words": words, "limit": limit})


@python_check("reading_grade")
def hard_to_read(draft, rule):
    """Flags the hardest sentence when the whole draft reads above the grade limit."""
    limit = float(rule.options.get("max_grade", 14))
    min_words = int(rule.options.get("min_words", 40))
    if word_count(draft.new_text) < min_words:
        return
    grade = draft_grade(draft)
    if grade <= limit or not draft.sentences:
        return
    hardest = max(draft.sentences, key=lambda s: (word_count(s.text) >= 8, reading_grade(s.text)))
    yield Hit(hardest.start, hardest.end, values={"grade": grade, "limit": limit})
