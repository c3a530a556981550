"""The segmented draft every check receives."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, TypeVar

from ..model import Context
from .html import html_source
from .segments import new_text_ranges, split_segments
from .sentences import Sentence, split_sentences
from .source import Region, Source, plain_source

T = TypeVar("T")

# Same-length folding so patterns need not spell every typographic variant.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    **{chr(c): "\ufffd" for c in range(0xD800, 0xE000)},  # lone surrogates cannot be encoded for RE2
})
_FOLDABLE = re.compile("[" + "".join(chr(c) for c in _FOLD if not 0xD800 <= c < 0xE000) + "\ud800-\udfff]")


@dataclass
class Draft:
    source: Source
    context: Context
    regions: list[Region]
    new_ranges: list[tuple[int, int]]
    _memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def memo(self, key: str, compute: Callable[["Draft"], T]) -> T:
        """`compute(self)`, computed once per draft under `key` (a module-qualified name): for values
        several checks need, such as the time mentions or the words of each sentence."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = compute(self)
            return value

    @property
    def text(self) -> str:
        return self.source.text

    @cached_property
    def folded(self) -> str:
        """`text` with curly quotes and odd spaces folded to ASCII; same length, same offsets."""
        if self.text.isascii():  # nothing to fold
            return self.text
        # A regex scan finds the few foldable characters far faster than translate() looks up every one.
        return _FOLDABLE.sub(lambda m: _FOLD[ord(m.group())], self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences of the new text (quoted thread and signature excluded)."""
        return split_sentences(self.folded, self.new_ranges)

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_index(self, pos: int) -> int:
        """Index of the last sentence starting at or before pos (-1 before the first)."""
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    def sentence_at(self, pos: int) -> Sentence | None:
        i = self.sentence_index(pos)
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentences_matching(self, *regexes) -> list[Sentence]:
        """Sentences of the new text where any of `regexes` matches, in order. One scan of the draft
        per regex instead of one per sentence: most sentences hold no trigger word at all."""
        hits = set()
        for regex in regexes:
            for start, end in self.new_ranges:
                for m in regex.finditer(self.folded, start, end):
                    sentence = self.sentence_at(m.start())
                    if sentence is not None:
                        hits.add(sentence.start)
        return [s for s in self.sentences if s.start in hits]

    def is_new_text(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.new_ranges)

    @cached_property
    def new_text(self) -> str:
        return "\n".join(self.folded[s:e] for s, e in self.new_ranges)

    @cached_property
    def quoted(self) -> str:
        """The quoted thread: what the client sent as context plus what was quoted inline."""
        inline = [self.text[r.start:r.end] for r in self.regions if r.kind == "quote"]
        return "\n".join(part for part in [self.context.quoted, *inline] if part)


def build_draft(*, text: str | None = None, html: str | None = None, context: Context = Context()) -> Draft:
    source = html_source(html) if html is not None else plain_source(text or "")
    regions = split_segments(source.text, source.regions)
    return Draft(source=source, context=context, regions=regions, new_ranges=new_text_ranges(len(source.text), regions))
