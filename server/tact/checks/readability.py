"""Readability with textstat: the draft's reading grade and sentences too long to follow."""
from __future__ import annotations

import re
from functools import lru_cache

import textstat

from .registry import Hit, python_check

_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
# Syllable counting is slow on a giant "word"; no real word is this long, so longer runs are cut.
_LONG_RUN = re.compile(r"\S{40,}")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


@lru_cache(maxsize=4096)
def reading_grade(text: str) -> float:
    """Flesch-Kincaid grade of `text` (0.0 for text with no words)."""
    if not _WORD.search(text):
        return 0.0
    return round(float(textstat.flesch_kincaid_grade(_LONG_RUN.sub(lambda m: m.group()[:40], text))), 1)


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
    grade = reading_grade(draft.new_text)
    if grade <= limit or not draft.sentences:
        return
    hardest = max(draft.sentences, key=lambda s: (word_count(s.text) >= 8, reading_grade(s.text)))
    yield Hit(hardest.start, hardest.end, values={"grade": grade, "limit": limit})
