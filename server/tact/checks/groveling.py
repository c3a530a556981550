"""Groveling that comes in a pile: "I am mortified. Truly. Please forgive me... I feel dreadful."

Each groveling phrase is a YAML pattern rule of its own. When several sit within a couple of
sentences of each other, the reader sees one groveling passage, not four separate problems, so this
check reports the passage once, from the first groveling sentence to the last; the engine then keeps
this finding over the single-phrase ones it covers. The rule's options carry the phrase patterns
(YAML aliases of the single-phrase rules), so each phrase is written once.
"""
from __future__ import annotations

import re

from ..text import regex
from ..text.regex import fast
from .apologies import APOLOGY, UNION_OPTIONS, _apologies, scan
from .commitments import without_quotations
from .registry import Hit, python_check

_compiled: dict[str, tuple] = {}
# "We are deeply" (cut from "We are deeply, truly sorry"): a piece ending in an intensifier says nothing.
_DANGLING = re.compile(r"\b(?:so|very|really|truly|deeply|sincerely|terribly|incredibly|genuinely|most|utterly)$", re.I)
_PIECES = re.compile(r"(?<=[.!?])\s+|,\s*(?:and\s+)?|;\s*|\s[\u2014\u2013-]\s|\s+and\s+")


# The single-phrase rules match their whole sentence around the phrase (so a replacement is a whole
# sentence, from its first word): `(?:[^.!?\n"\s][^.!?\n"]*?)?(phrase)[^.!?\n"]*`, or with the text
# before and after the phrase in groups of their own, the after-group holding an optional topic group
# ("about the typo") that the replacement keeps. The cluster counts phrases, so it takes the phrase alone.
_SENTENCE_WRAP = ('(?:[^.!?\\n"\\s][^.!?\\n"]*?)?(', ')[^.!?\\n"]*')
_GROUPED_HEAD, _GROUPED_TAIL = '((?:[^.!?\\n"\\s][^.!?\\n"]*?)?)(', ')([^.!?\\n"]*)'
_TOPIC_TAIL_START = ')((?:((?:[ \\t]+'


def _phrase(pattern: str) -> str:
    head, tail = _SENTENCE_WRAP
    if pattern.startswith(head) and pattern.endswith(tail):
        return pattern[len(head):-len(tail)]
    if pattern.startswith(_GROUPED_HEAD):
        end = len(pattern) - len(_GROUPED_TAIL) if pattern.endswith(_GROUPED_TAIL) else pattern.rfind(_TOPIC_TAIL_START)
        if end > len(_GROUPED_HEAD):
            return pattern[len(_GROUPED_HEAD):end]
    return pattern


def _regexes(rule):
    """The union of the rule's phrase patterns and its exclusion, compiled once per rule."""
    found = _compiled.get(rule.id)
    if found is None or found[0] is not rule.options:
        options = rule.options
        union = regex.compile("|".join(f"(?:{_phrase(p)})" for p in options["patterns"]), UNION_OPTIONS)
        exclude = fast(options["not_matches"]) if options.get("not_matches") else None
        found = _compiled[rule.id] = (options, union, exclude)
    return found[1], found[2]


def grovel_phrases(draft, rule) -> list[tuple[int, int, int]]:
    """(sentence index, start, end) of each groveling phrase of the rule's `patterns`, outside the
    sentences its `not_matches` excludes."""
    union, exclude = _regexes(rule)
    phrases = scan(draft, union)  # (sentence index, start, end) in draft order
    if phrases and exclude is not None:
        excluded = {i for i in {p[0] for p in phrases} if exclude.search(without_quotations(draft.sentences[i].text))}
        phrases = [p for p in phrases if p[0] not in excluded]
    return phrases


def widen(lo: int, hi: int, marked, within: int) -> tuple[int, int]:
    """The sentence range [lo, hi] widened over every marked sentence (an apology, a groveling phrase)
    at most `within` sentences beyond either end, again and again: the reader sees one pile of
    apology and remorse, so it is one finding, not a card for each sentence of it."""
    marked = sorted(set(marked))
    changed = True
    while changed:
        changed = False
        for index in marked:
            if lo - within <= index < lo:
                lo, changed = index, True
            elif hi < index <= hi + within:
                hi, changed = index, True
    return lo, hi


@python_check("grovel_cluster")
def grovel_cluster(draft, rule):
    union, _ = _regexes(rule)
    within = int(rule.options.get("within_sentences", 2))
    phrases = grovel_phrases(draft, rule)
    if len(phrases) < 2:
        return
    cluster = []
    for phrase in phrases + [None]:
        if phrase is not None and (not cluster or phrase[0] - cluster[-1][0] <= within):
            cluster.append(phrase)
            continue
        if len(cluster) >= 2:
            yield _passage(draft, union, cluster, within)
        cluster = [phrase]


def _passage(draft, union, cluster, within: int) -> Hit:
    """One hit over the whole sentences from the first groveling phrase to the last, and over the plain
    apologies beside them ("I feel terrible. I'm so sorry your dinner was cold."), with a calm rewrite."""
    lo, hi = widen(cluster[0][0], cluster[-1][0], [index for index, _, _ in _apologies(draft)], within)
    first, last = draft.sentences[lo], draft.sentences[hi]
    end = last.start + len(last.text.rstrip())
    kept = [piece.strip(" .!") for piece in _PIECES.split(draft.folded[first.start:end])]
    kept = [piece for piece in kept if len(piece.split()) >= 3 and not union.search(piece) and not _DANGLING.search(piece)]
    calm = ["I'm sorry."] if not any(APOLOGY.search(piece) for piece in kept) else []
    calm += [piece[0].upper() + piece[1:] + "." for piece in kept]
    return Hit(first.start, end, values={"count": len(cluster)}, replacements=(" ".join(calm),))
