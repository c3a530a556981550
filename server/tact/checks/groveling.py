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
from .apology_shapes import OWN_SLIPS
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


# --- total blame taken for what someone else did -------------------------------------------------
# "The courier lost the parcel. That's all on me.": the writer takes the whole blame for an act the
# draft has just given to the reader or a third party. The pattern rule apology.all-my-fault reads the
# same device inside one sentence ("Although your team sent the old file, that's totally on me");
# this check reads it across the sentence before, which a sentence pattern cannot see.
_WHOLLY = r"(?:entirely|all|completely|totally|wholly|100%|squarely)"
_TOTAL_BLAME = re.compile(
    rf"\b{_WHOLLY}\s+(?:my|our)\s+(?:own\s+)?fault"
    # "on us" said of the blame ("that's all on us"), not of a job ahead ("picking the colours is all on us")
    rf"|(?:\b(?:that|this|it|which)(?:'s|\s+is|\s+was)\s+|^\W*){_WHOLLY}\s+(?:on|down\s+to)\s+(?:me|us)\b(?!\s+to\s)"
    r"|\b(?:take|accept|taking|accepting)\s+(?:full|complete|total|sole|all\s+the|the\s+full)\s+(?:personal\s+)?(?:responsibility|blame)"
    r"|\bthe\s+blame\s+is\s+(?:all\s+|entirely\s+|wholly\s+)?(?:mine|ours)", re.I)
_NEGATED = re.compile(r"\b(?:not|n't|never|no)\s+(?:\w+\s+)?$", re.I)
# the act: "you entered", "your team uploaded", "the plant delivered", "an outage at your bank delayed"
_OTHERS = (r"(?:the|a|an|their|his|her)\s+(?:[\w'-]+\s+){0,2}?(?:airline|courier|carrier|bank|supplier|plant|factory|printer|driver"
           r"|contractor|client|customer|agency|landlord|builder|insurer|council|vendor|warehouse|manufacturer|hotel|venue|outage"
           r"|storm|flood|flooding|strike|snow|weather|traffic|post\s+office|IT\s+team|sub-?contractor)")
_OTHERS_ACT = re.compile(
    r"\b(?:you\s+|your\s+(?:(?!(?:was|were|is|are|been|be|got|gets|has|had|have)\b)[\w'-]+\s+){0,3}?|" + _OTHERS + r"\s+(?:[\w'-]+\s+){0,3}?)"
    r"(?:just\s+|accidentally\s+|had\s+|has\s+|have\s+)?"
    r"(?:entered|sent|gave|typed|uploaded|wrote|chose|picked|filled\s+in|submitted|provided|supplied|delivered|booked|ordered"
    r"|approved|signed|changed|forgot|left|circulated|forwarded|lost|dropped|mixed\s+up|misspel\w+|cancell?ed|closed|delayed"
    r"|shut|flooded|washed\s+out|held\s+up|processed)\b", re.I)
# the writer's own act named beside it: the blame is theirs to take ("I sent the wrong file. That's on me.")
_OWN_ACT = re.compile(
    r"\b(?:I|we)(?:'ve|\s+have|\s+had)?\s+" + OWN_SLIPS + r"|uploaded|picked|quoted|told|promised|didn't|did\s+not|failed)\b", re.I)
# responsibility for the work ahead, not blame: "I take full responsibility for the rollout from here"
_GOING_FORWARD = re.compile(r"\b(?:from\s+(?:here|now)(?:\s+on)?|going\s+forward|moving\s+forward|from\s+this\s+point|for\s+(?:getting|making|delivering|sorting|fixing|seeing|managing|running))\b", re.I)
# the reader's part told as done right: "You sent everything on time. The delay is entirely on us."
_DONE_RIGHT = re.compile(r"\b(?:on\s+time|in\s+good\s+time|correct(?:ly)?|right|everything|all\s+(?:we|I)\s+needed|as\s+agreed|promptly|perfect(?:ly)?|early|fine|great|spot\s+on|no\s+problem|thanks?|thank\s+you)\b", re.I)


@python_check("blame_for_others")
def blame_for_others(draft, rule):
    sentences = draft.sentences
    for index, sentence in enumerate(sentences):
        text = without_quotations(sentence.text)
        blame = _TOTAL_BLAME.search(text)
        if blame is None or _NEGATED.search(text, 0, blame.start()) or "?" in text or _GOING_FORWARD.search(text):
            continue
        told = [text[:blame.start()]] + ([without_quotations(sentences[index - 1].text)] if index > 0 else [])
        act = next((t for t in told if _OTHERS_ACT.search(t)), None)
        if act is None or any(_OWN_ACT.search(t) for t in told) or _DONE_RIGHT.search(act):
            continue
        yield Hit(sentence.start, sentence.end)
