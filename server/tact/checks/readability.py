"""Readability with textstat: the draft's reading grade and sentences too long to follow."""
from __future__ import annotations

import functools
import re

from textstat.backend.selections._list_words import list_words
from textstat.backend.utils._get_cmudict import get_cmudict
from textstat.backend.utils._get_pyphen import get_pyphen

from .registry import Hit, python_check

_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_MAX_WORD = 40  # syllable counting is slow on a giant "word"; no real word is longer


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


_SYLLABLE_CACHE_SIZE = 65536
_syllable_cache: dict[str, int] = {}  # a plain dict: a hit is one look-up (lru_cache also reorders its list)


@functools.cache
def _dictionaries():
    """textstat's own CMU dictionary and hyphenator for its default language (en_US)."""
    return get_cmudict("en_US"), get_pyphen("en_US")


@functools.cache
def _hyphenation() -> tuple[dict, int, int]:
    """The hyphenator's patterns as a trie (letter by letter; "" holds a pattern's (position, level)
    pairs, positions counted from the pattern's first letter) and its left and right margins."""
    hyphenator = _dictionaries()[1]
    trie: dict = {}
    for key, (offset, values) in hyphenator.hd.patterns.items():
        node = trie
        for letter in key:
            node = node.setdefault(letter, {})
        node[""] = tuple(enumerate(values, offset))
    return trie, hyphenator.left, hyphenator.right


def _hyphen_points(word: str) -> int:
    """len(pyphen.positions(word)) for a lowercase word, by pyphen's own algorithm (each pattern that
    occurs in ".word." raises the levels between its letters; odd levels inside the margins are
    points), ~2.5x faster: pyphen looks up every piece of up to 28 letters at each letter, here a
    walk down the trie stops at the first piece that no pattern starts with."""
    trie, left, right = _hyphenation()
    pointed = f".{word}."
    levels = [0] * (len(pointed) + 1)  # a pattern of n letters has n + 1 positions: none past the end
    for i in range(len(pointed) - 1):
        node = trie
        for letter in pointed[i:]:
            node = node.get(letter)
            if node is None:
                break
            for position, level in node.get("", ()):
                if level > levels[i + position]:
                    levels[i + position] = level
    last = len(word) - right
    return sum(1 for i, level in enumerate(levels) if level % 2 and left <= i - 1 <= last)


def _textstat_syllables(word: str) -> int:
    """textstat.syllable_count(word), ~3x faster for a plain lowercase ASCII word (most new words):
    textstat's tokenizer leaves such a word as it is, so its dictionary and hyphenator are asked
    directly, as textstat asks them. Anything else ("don't", "q3", "e-mail") goes through textstat's
    own tokenizer and dictionary, as textstat.syllable_count does, with ASCII pieces hyphenated here."""
    cmu, hyphenator = _dictionaries()
    if word.isascii() and word.isalpha() and word.islower():
        pronunciations = cmu.get(word)
        if pronunciations:
            return sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
        return _hyphen_points(word) + 1
    count = 0
    for piece in list_words(word, lowercase=True):  # textstat's count_syllables, step for step
        try:
            count += sum(1 for phone in cmu[piece][0] if phone[-1].isdigit())
        except (TypeError, IndexError, KeyError):
            count += (_hyphen_points(piece) if piece.isascii() else len(hyphenator.positions(piece))) + 1
    return count


def _syllables(word: str) -> int:
    count = _syllable_cache.get(word)
    if count is None:
        if len(_syllable_cache) >= _SYLLABLE_CACHE_SIZE:
            _syllable_cache.clear()
        count = _syllable_cache[word] = max(1, _textstat_syllables(word[:_MAX_WORD]))
    return count


def _words_and_syllables(text: str) -> tuple[int, int]:
    # ASCII lowercasing keeps every word boundary, so the words come out lowercased in one pass.
    words = _WORD.findall(text.lower()) if text.isascii() else list(map(str.lower, _WORD.findall(text)))
    try:
        syllables = sum(map(_syllable_cache.__getitem__, words))
    except KeyError:
        syllables = sum(map(_syllables, words))
    return len(words), syllables


def _grade(words: int, syllables: int, sentences: int) -> float:
    if not words:
        return 0.0
    return round(0.39 * words / max(1, sentences) + 11.8 * syllables / words - 15.59, 1)


def reading_grade(text: str, sentences: int = 1) -> float:
    """Flesch-Kincaid grade of `text` split into `sentences` sentences (ours, not textstat's own
    count, so the grade agrees with the sentences the checks see); 0.0 for text with no words."""
    return _grade(*_words_and_syllables(text), sentences)


def _sentence_counts(draft) -> list[tuple[int, int]]:
    return [_words_and_syllables(s.text) for s in draft.sentences]


def sentence_counts(draft) -> list[tuple[int, int]]:
    """(words, syllables) of each of the draft's sentences, counted once per draft for the stats and both rules."""
    return draft.memo("readability.sentence_counts", _sentence_counts)


def draft_words(draft) -> int:
    """Words of the new text. Sentences cover every non-space character of it and a word never
    spans white space, so this is the sum over sentences (property-tested against `new_text`)."""
    return sum(words for words, _ in sentence_counts(draft))


def draft_grade(draft) -> float:
    counts = sentence_counts(draft)
    return _grade(sum(w for w, _ in counts), sum(s for _, s in counts), len(counts))


@python_check("long_sentence")
def long_sentence(draft, rule):
    limit = int(rule.options.get("max_words", 35))
    for sentence, (words, _) in zip(draft.sentences, sentence_counts(draft)):
        if words > limit:
            yield Hit(sentence.start, sentence.end, values={"words": words, "limit": limit})


@python_check("reading_grade")
def hard_to_read(draft, rule):
    """Flags the hardest sentence when the whole draft reads above the grade limit."""
    limit = float(rule.options.get("max_grade", 14))
    min_words = int(rule.options.get("min_words", 40))
    if draft_words(draft) < min_words:
        return
    grade = draft_grade(draft)
    if grade <= limit or not draft.sentences:
        return
    counts = sentence_counts(draft)
    hardest = max(range(len(counts)), key=lambda i: (counts[i][0] >= 8, _grade(*counts[i], 1)))
    sentence = draft.sentences[hardest]
    yield Hit(sentence.start, sentence.end, values={"grade": grade, "limit": limit})
