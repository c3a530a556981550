"""Accusatory questions a pattern cannot judge alone, because the verdict depends on the
sentence as a whole or on the sentences around it.

- `justification_demand`: "Can you clarify the purpose of this call?" is a fair question on
  its own, but next to a gatekeeping remark ("I typically know the people I meet with") or
  with an intensifier ("What *exactly* is the purpose…") it demands that the reader justify
  themselves.
- `scoff_question`: a question that is nothing but a scoff ("Seriously?", "Again?",
  "Are you kidding me?"), which only means something as a whole sentence.
"""
from __future__ import annotations

import re

from ..rules.conditions import in_quotation
from .registry import Hit, python_check

# Asking the reader what a call, meeting or message is for.
_PURPOSE = re.compile(
    r"\b(?:what(?:\s+exactly)?(?:'s|\s+is|\s+was|\s+would\s+be)|clarify|explain|tell\s+me|share|know)\s+"
    r"(?:exactly\s+|precisely\s+|again\s+)?(?:the\s+)?(?:purpose|point|reason|agenda|goal|objective|aim)\s+"
    r"(?:of|for|behind)\s+(?:this|the|your|our|you|a|that)\b"
    r"|\bwhat\s+(?:exactly\s+|precisely\s+)?(?:is|was)\s+(?:this|that|the)(?:\s+(?:call|meeting|invite|invitation|email|request|visit))?\s+"
    r"(?:regarding|about|in\s+reference\s+to|concerning|for)\s*\?"
    r"|\bwhy\s+(?:exactly\s+)?(?:do|did|would)\s+you\s+(?:need|want)\s+(?:to\s+(?:meet|speak|talk|call|connect)|a\s+(?:call|meeting))\b"
    r"|\bhow\s+did\s+you\s+(?:even\s+|actually\s+)?(?:get|find|obtain)\s+(?:my|this)\s+(?:\w+\s+)?(?:number|email|address|details|calendar|link|contact)\b",
    re.IGNORECASE,
)
# Every branch of _PURPOSE needs one of these words, or ends the question on a preposition:
# plain substring tests skip most questions before the regex runs (the check's main cost).
_PURPOSE_WORDS = ("purpose", "point", "reason", "agenda", "goal", "objective", "aim", "why", "how did you")
_PURPOSE_ENDINGS = ("regarding", "about", "concerning", "for", "in reference to")


def _may_ask_purpose(text: str) -> bool:
    lower = text.lower()
    return any(w in lower for w in _PURPOSE_WORDS) or lower.rstrip(" \t\n?!\"')").endswith(_PURPOSE_ENDINGS)


# Words that turn a request for information into a demand.
_INTENSIFIER = re.compile(r"\b(?:exactly|precisely|even|actually|really|on\s+earth|in\s+the\s+world)\b", re.IGNORECASE)
# Remarks that question the reader's right to the writer's time, said next to the question.
_GATEKEEPING = re.compile(
    r"\bI\s+(?:typically|usually|normally|generally|only|always|tend\s+to(?:\s+only)?|prefer\s+to(?:\s+only)?)\s+"
    r"(?:know\b|(?:take|accept|join|agree\s+to)\s+(?:calls|meetings|invit)|(?:meet|speak|talk|deal)\s+(?:only\s+)?(?:with\s+)?(?:people|those|strangers|someone|contacts))"
    r"|\bpeople\s+I\s+(?:already\s+|actually\s+)?(?:know|meet|work\s+with)\b"
    r"|\bI\s+(?:don't|do\s+not)\s+(?:usually\s+|normally\s+|typically\s+|generally\s+)?(?:take|accept|do|join)\s+"
    r"(?:calls|meetings|cold|unsolicited|random)\b"
    r"|\b(?:I\s+(?:don't|do\s+not)\s+(?:believe|think)\s+)?we(?:'ve|\s+have)?\s+(?:never|not|haven't|have\s+not)\s+"
    r"(?:met|spoken|been\s+introduced)\b"
    r"|\bI\s+(?:don't|do\s+not)\s+(?:recall|remember)\s+(?:agreeing|booking|scheduling|accepting|asking|requesting|setting|signing)\b"
    r"|\bI\s+(?:didn't|did\s+not|never)\s+(?:agree\s+to|book|schedule|request|ask\s+for|accept|sign\s+up\s+for)\s+(?:this|a|any|the)\b"
    r"|\bnot\s+sure\s+(?:who\s+you\s+are|why\s+(?:you're|you\s+are|I'm|I\s+am|I\s+was)\s+"
    r"(?:contacting|emailing|calling|writing|on|being\s+invited|invited|included))\b"
    r"|\bI\s+(?:don't|do\s+not)\s+know\s+(?:you|who\s+you\s+are)\b"
    r"|\bmy\s+(?:time|calendar|schedule)\s+is\s+(?:limited|valuable|precious|not\s+(?:open|free))\b",
    re.IGNORECASE,
)
_NEIGHBOURS = 2  # sentences either side in which a gatekeeping remark counts

# A question that is only a scoff: "Seriously?", "Again?", "Are you kidding me?", "Seriously, Joaquín?".
_SCOFF = re.compile(
    r"^[\s\"'(]*(?:(?:and\s+|but\s+)?(?:seriously|again|truly|really\s+now)"
    r"|are\s+you\s+(?:serious|kidding|joking|for\s+real)(?:\s+me)?|you\s+can't\s+be\s+serious)"
    r"(?:\s*,\s*(?-i:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?))?\s*[?!]*\?[?!]*[\s\"')]*$",
    re.IGNORECASE,
)


@python_check("justification_demand")
def justification_demand(draft, rule):
    sentences = draft.sentences
    for i, sentence in enumerate(sentences):
        purpose = _PURPOSE.search(sentence.text) if sentence.is_question and _may_ask_purpose(sentence.text) else None
        if purpose is None or in_quotation(draft, sentence.start + purpose.start(), sentence.start + purpose.end()):
            continue
        nearby = sentences[max(0, i - _NEIGHBOURS):i] + sentences[i + 1:i + 1 + _NEIGHBOURS]
        if _INTENSIFIER.search(sentence.text) or any(_GATEKEEPING.search(s.text) for s in nearby):
            yield Hit(sentence.start, sentence.end)


@python_check("scoff_question")
def scoff_question(draft, rule):
    """One hit per run of consecutive scoffs ("Seriously? Again?" is one scoff)."""
    run = None
    for sentence in draft.sentences:
        if sentence.is_question and _SCOFF.match(sentence.text) and not in_quotation(draft, sentence.start, sentence.end):
            run = (run[0] if run else sentence.start, sentence.end)
            continue
        if run:
            yield Hit(*run)
            run = None
    if run:
        yield Hit(*run)
