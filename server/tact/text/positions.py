"""Where characters occur in a text, found with str.find (C speed) rather than a Python-regex walk
over every character: the sentence splitter and the quotation finder scan each draft this way."""
from __future__ import annotations


def positions(text: str, chars: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Sorted offsets in text[lo:hi] of every occurrence of any character of `chars`."""
    hi = len(text) if hi is None else hi
    found = []
    for char in chars:
        i = text.find(char, lo, hi)
        while i >= 0:
            found.append(i)
            i = text.find(char, i + 1, hi)
    found.sort()
    return found
