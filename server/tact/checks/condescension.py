"""Condescension a pattern cannot judge alone: an "obviously"/"clearly" adverb is talking down
only when it is aimed at the reader, and removing it cleanly needs the words around it.

`judging_adverb` flags
- a verdict on the reader: "clearly you didn't…", "you obviously skipped…", "evidently someone
  wasn't listening" (the adverb next to the reader, or a veiled "someone", and a failure);
- "obviously" as a discourse marker: at the start or the end of the sentence ("Obviously the
  fee is fixed.", "…is fixed, obviously.") it tells the reader they should have known; in the
  middle it counts only when the sentence is about the reader ("your totals are obviously off").
It leaves alone "obviously" about the writer's own side ("Obviously we'll cover the taxi"), an
offer or deference ("obviously it's your call"), shared gravity ("obviously this is a difficult
time"), praise, and a remark about a third party or a fact ("he was obviously thrilled").

The finding covers the adverb plus one neighbouring word or comma, and the first replacement is
that neighbour alone, so applying it leaves no double space, dangling comma or lower-case start
("Obviously, the fee" -> "The fee"; "is obviously wrong" -> "is wrong"; "fixed, obviously." ->
"fixed."). The engine trims white space from findings, which is why the range never ends in one.
"""
from __future__ import annotations

import re

from ..rules.conditions import quoted_at
from ..text.regex import fast
from .registry import Hit, python_check

# RE2 (through the project's offset-mapping wrapper): the draft-wide scan for the four adverbs is
# the check's main cost, and Python's re tries the case-insensitive alternation at every position.
_ADVERB = fast(r"\b(obviously|clearly|evidently|apparently)\b")

# Who the verdict is about (the reader, or a "someone" that plainly means the reader) and a failure.
_SUBJECT = r"(?:you(?:'ve|'re|'d)?|you\s+people|your\s+(?:team|side|office|people|staff)|someone|somebody|nobody|no\s+one|no-one)"
_FAILURE = (
    r"(?:(?:just|simply|still|never|really)\s+)?"
    r"(?:didn't|did\s+not|don't|do\s+not|haven't|have\s+not|hasn't|has\s+not|weren't|were\s+not|wasn't|was\s+not|"
    r"aren't|are\s+not|can't|cannot|couldn't|won't|never|missed|skipped|forgot|ignored|overlooked|misread|"
    r"misunderstood|failed|have\s+no|had\s+no|has\s+no|confused|mistaken|wrong|not)\b"
)
_VERDICT_AFTER = re.compile(r"^,?\s*" + _SUBJECT + r"\s+" + _FAILURE, re.IGNORECASE)  # "clearly you didn't"
_VERDICT_BEFORE = re.compile(r"\b" + _SUBJECT + r"(?:\s+(?:have|are|were|had))?\s+$", re.IGNORECASE)  # "you | clearly"
_FAILURE_AFTER = re.compile(r"^\s+" + _FAILURE, re.IGNORECASE)

# What may stand before a sentence-opening "obviously": nothing, a conjunction, a vocative-free opener.
_OPENER = re.compile(r"^[\s\"'(*\-\u2022]*(?:(?:and|but|so|well|now|look|because|since|also)[\s,]+)*$", re.IGNORECASE)
# A reference back before the adverb ("As I mentioned on the phone, obviously the shots…") still opens on it.
_AS_I_SAID = re.compile(r"^\W*as\s+(?:I|we)(?:'ve|\s+have)?\s+(?:mentioned|said|discussed|explained|noted)\b[^,]{0,40},\s*$", re.IGNORECASE)
_FIRST_PERSON_NEXT = re.compile(r"^[\s,]*(?:I|I'm|I'd|I've|I'll|we|we're|we'd|we've|we'll|my|our|us)\b", re.IGNORECASE)
# "Obviously, we can't board a dog without a current rabies certificate": a rule the reader is taken to have
# missed, though it opens on "we". Only the refusal-without-a-requirement shape counts; "obviously we can't
# control the weather" has no "without".
_WE_CANT_WITHOUT = re.compile(
    r"^[\s,]*we\s+(?:can't|cannot|can\s+not|won't|will\s+not|aren't\s+able\s+to|are\s+not\s+able\s+to)\s+"
    r"[^.!?;]{1,60}?\bwithout\s+(?:a|an|the|your|his|her|their|any|proof|payment|signed|written)\b",
    re.IGNORECASE,
)
_YOU = r"\b(?:you|your|yours|you're|you've|you'd|you'll|yourself)\b"
_SECOND_PERSON = re.compile(_YOU, re.IGNORECASE)
# The clause "obviously" stands in ends at a comma, semicolon, colon or dash: "you" in another clause ("you're
# right, and for small suppliers that's obviously not enough") is not what it judges. Before the adverb only the
# last three words count ("what you were saying were obviously moved" is said of others).
_CLAUSE_END = re.compile(r"[,;:\u2014\u2013]|\s-\s")
_READER_JUST_BEFORE = re.compile(_YOU + r"(?:\W+[\w'-]+){0,2}\W*$", re.IGNORECASE)
_FIRST_PERSON_BEFORE = re.compile(r"\b(?:I|we)(?:\s+(?:have|had|are|were|was|am))?\s+$", re.IGNORECASE)
# An offer, deference or shared gravity: "obviously" here softens rather than talks down.
_BENIGN = re.compile(
    r"\b(?:your\s+call|up\s+to\s+you|it\s+depends|feel\s+free|let\s+(?:me|us)\s+know|happy\s+to|glad\s+to|no\s+pressure|"
    r"either\s+(?:way|option)|whatever\s+(?:works|suits)|we\s+can|we\s+could|we'd\s+(?:be|love)|we\s+will|we'll|"
    r"I\s+can|I'll|I\s+will|I'd\s+(?:be|love)|important|concern(?:ed|s|ing)?|disappoint\w*|upset|worr\w+|sensitive|"
    r"serious|priority|difficult\s+time|tough|frustrat\w*|stressful|annoying|unfortunate\w*|sad|big\s+deal|exciting|excited|good\s+news|bad\s+news|"
    r"great\s+news|thank\w*|appreciat\w*|congrat\w*|love|lovely|great|excellent|impressive|brilliant|wonderful|fantastic|"
    r"best|beautiful\w*|amazing|gorgeous|stunning|fun|happy|"
    r"proud|hard\s+work|worked\s+hard|care[sd]?|thrilled|delighted|(?:nobody|no\s+one)\s+could\s+have|"
    # The writer's own rough patch ("obviously it's been one of those weeks here") owns up, not talks down.
    r"one\s+of\s+those\s+(?:days|weeks|months|mornings|years)|(?:been|is|was)\s+(?:a\s+)?(?:bit\s+)?(?:hectic|manic|chaotic|crazy|mad)|"
    # News both sides live with ("obviously the snow has thrown the schedule out") is shared, not a lecture.
    r"snow\w*|rain|storms?|flood\w*|weather|heatwave|fog|strikes?|(?:rate|price)\s+(?:cut|rise|hike)s?|interest\s+rates?|"
    r"inflation|recession|pandemic|covid|lockdown|election|closures?|roadworks|power\s+cut|outage|bank\s+holiday)\b",
    re.IGNORECASE,
)
# "Obviously X, but Y" concedes X before the writer's own point; it does not lecture.
_CONCESSION = re.compile(r",\s*but\b", re.IGNORECASE)
# A sentence-opening (or closing) "obviously" with no "you" talks down when what it calls obvious is a rule, a
# limit or a term the reader is taken to have missed ("obviously the discount only applies to annual plans",
# "the deposit isn't refundable, obviously", "obviously the price includes VAT", "as anyone would expect");
# said of the world ("obviously the cold snap pushed prices up") it is commentary shared with the reader.
_CONSTRAINT = re.compile(
    r"\b(?:not|no|never|nobody|nothing|none|cannot|without|only|still|until|unless|if|need|needs|must|has\s+to|"
    r"have\s+to|required?|requires|applies|apply|includ\w*|exclud\w*|refund\w*|anyone|everyone|everybody)\b|\bnon-|n't\b",
    re.IGNORECASE,
)
# A kind of thing, or an action in general, as what "obviously" opens on ("Obviously, a suite with a hot tub
# is going to cost more", "Obviously, changing the names after translation breaks every language"): a
# general truth the reader is taken to have missed. Quantities ("obviously a lot has changed") are news.
_GENERIC_NEXT = re.compile(
    r"^[\s,]*(?:an?\s+(?!(?:lot|few|bit|little|couple|while|number|great\s+deal|good\s+deal|day|week|month|year)\b)[\w-]+|"
    r"[a-z]+ing\s+(?:a|an|the|your|our|it|them|this|that|[\w-]+s)\b)[^.!?;]{0,80}?\b(?:is|are|will|won't|would|does|doesn't|do|don't|"
    r"costs?|takes?|uses?|breaks?|means?|affects?|changes?|makes?|needs?|gets?)\b",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"^([\s,]*)([\w'-]+)")
_PREV_COMMA = re.compile(r",\s*$")

_VERDICT_MESSAGE = "“{}” passes judgement on the reader."
_OBVIOUS_MESSAGE = "“{}” implies the reader should have known already."


def _matched_case(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _removal(text: str, start: int, end: int) -> tuple[int, int, str]:
    """(start, end, replacement) in sentence coordinates that removes text[start:end] cleanly."""
    before, after = text[:start], text[end:]
    comma_before = _PREV_COMMA.search(before)
    following = _NEXT_WORD.match(after)
    if following is None:  # "fixed, obviously." : take the comma before along
        return (comma_before.start() if comma_before else start), end, ""
    word, stop = following.group(2), end + following.end()
    if "," in following.group(1) and comma_before:  # "are, obviously, out": both commas go
        return comma_before.start(), stop, " " + word
    return start, stop, _matched_case(word, text[start:end]) if _OPENER.match(before) else word


def _verdict(text: str, start: int, end: int) -> bool:
    before, after = text[:start], text[end:]
    return bool(_VERDICT_AFTER.match(after) or (_VERDICT_BEFORE.search(before) and _FAILURE_AFTER.match(after)))


def _obviously_talks_down(text: str, start: int, end: int) -> bool:
    if text[start:end].lower() != "obviously":
        return False
    before, after = text[:start], text[end:]
    requirement = _WE_CANT_WITHOUT.match(after)
    # The refusal's own "we can't" is not the benign offer "we can".
    if _BENIGN.search(before + after[requirement.end():] if requirement else text):
        return False
    if _FIRST_PERSON_NEXT.match(after) and not requirement:
        return False
    if _FIRST_PERSON_BEFORE.search(before) and not requirement:  # "we obviously needed you": the writer's own
        return False
    clause_before = _CLAUSE_END.split(before.rstrip(" ,"))[-1]
    if _SECOND_PERSON.search(_CLAUSE_END.split(after.lstrip(" ,"), 1)[0]) or _READER_JUST_BEFORE.search(clause_before):
        return True
    opening = bool(_OPENER.match(before) or _AS_I_SAID.match(before)) and not _CONCESSION.search(after)
    closing = bool(_PREV_COMMA.search(before)) and not after.strip(" \t\n\"')*.!?")
    return (opening or closing) and bool(_CONSTRAINT.search(before + " " + after) or (opening and _GENERIC_NEXT.match(after)))


@python_check("judging_adverb")
def judging_adverb(draft, rule):
    # One scan of the new text for the adverbs; sentences are read only around a match.
    for range_start, range_end in draft.new_ranges:
        for m in _ADVERB.finditer(draft.folded, range_start, range_end):
            sentence = draft.sentence_at(m.start())
            if sentence is None:
                continue
            text, start, end = sentence.text, m.start() - sentence.start, m.end() - sentence.start
            verdict = _verdict(text, start, end)
            if not verdict and not _obviously_talks_down(text, start, end):
                continue
            if quoted_at(draft, m.start()):
                continue
            hit_start, hit_end, replacement = _removal(text, start, end)
            word = m.group(1)
            yield Hit(
                sentence.start + hit_start, sentence.start + hit_end,
                values={"word": word},
                replacements=(replacement,),
                message=(_VERDICT_MESSAGE if verdict else _OBVIOUS_MESSAGE).format(word[:1].upper() + word[1:].lower()),
            )
