"""`account_demand`: a question that makes the reader account for a failure.

Not a phrase but a shape, so that it holds across registers ("May I know why the annexure was
changed without informing us?", "Can you explain me why the list has only 12 machines?", "Why
was the incident not logged as per the agreed process?"): a demand for an account (why, explain,
may I know, is there a reason) plus a failure (not, never, without, only now, as agreed, before
you…) aimed at the reader's side; or a rhetorical form that needs no failure word ("What is the
point of a style guide if nobody reads it?", "Was it really so difficult to…?"). A question
about a thing ("Why does the invoice show two totals?") or a suggestion ("Why don't we…?") is
not one.
"""
from __future__ import annotations

import re

from ..rules.conditions import in_quotation
from .registry import Hit, python_check

_X = re.IGNORECASE | re.VERBOSE

# The reader's side: you, your people, anyone at your end.
_READER = re.compile(
    r"\b(?:you|your|yours|yourselves|yourself)\b"
    r"|\b(?:anyone|anybody|someone|somebody|nobody|no\s+one)\s+(?:at|on|in|from|over)\s+(?:your|there)\b", re.IGNORECASE)
# Failures that name their victim or their breach, so need no word for the reader.
_BREACH_WORDS = (r"\bwithout\s+(?:informing|telling|notifying|asking|consulting|warning|checking\s+with)\b|\beven\s+once\b"
                 r"|\bas\s+(?:every\s+other|agreed|per\s+the\s+agreed|promised)\b|\bonly\s+(?:now|today|hearing|finding|learning)\b")
_BREACH = re.compile(_BREACH_WORDS, re.IGNORECASE)
# Something that should have happened and did not, or happened wrong: a breach, or one of these.
_FAILURE = re.compile(r"""
  \b(?:not|never|nobody|no\s+one|nothing|without)\b | n't\b
| \bonly\s+\d+\b | \bas\s+(?:requested|instructed)\b
| \bbefore\s+(?:you|your|somebody|someone|anyone|they)\b
| \bwhen\s+(?:your|the)\b[^?]*\b(?:clearly|own|says?|said|shows?)\b
| \bapart\s+from\b | \bif\s+(?:I|we)\s+(?:have|had)\s+to\b
| """ + _BREACH_WORDS, _X)
# A failure in the past: what was (not) done, not what would or could be.
_PAST_FAILURE = re.compile(
    r"\b(?:did|was|were|has|have|had)(?:n't|\s+(?:not|never))\b|\b(?:didn't|wasn't|weren't|hasn't|haven't|hadn't|never)\b|"
    + _BREACH_WORDS, re.IGNORECASE)
# Asking for an account outright.
_ACCOUNT = re.compile(r"""
  \b(?:can|could|would|will)\s+(?:you|someone|somebody|anyone)\s+(?:kindly\s+|please\s+|possibly\s+)?explain\b
| \bexplain\s+(?:to\s+)?me\b
| \bmay\s+I\s+(?:\w+\s+)?(?:know|ask|enquire|inquire|understand)\s+(?:why|on\s+what|what|how|who|the\s+reason)\b
| \bis\s+there\s+(?:some|a|any)\s+(?:good\s+|particular\s+|specific\s+)?reason\b
""", _X)
# "On what basis did you decide…", "…, and on what basis?" (not "On what basis do you price a rush job?").
_BASIS = re.compile(
    r"\bon\s+what\s+(?:basis|grounds|authority)\s+(?:did|was|were|has|have|had)\b|\band\s+on\s+what\s+(?:basis|grounds|authority)\s*\?",
    re.IGNORECASE)
# "your project manager's name": the reader's thing, not the reader, is the subject.
_READERS_THING = re.compile(r"\byour(?:\s+[\w-]+){0,3}'s\s+[\w-]+", re.IGNORECASE)
_WHY = re.compile(r"\bwhy\b(?!\s+(?:don't|not|do\s+not)\b)", re.IGNORECASE)  # "why don't we…", "why not…" suggest
# "why was the incident not logged", "why wasn't the gate left open", "why the template was not used": a step
# not taken, its agent unsaid.
_UNDONE = re.compile(
    r"\bwhy\s+(?:(?:was|were|has|have)(?:n't|\s+\w+(?:\s+\w+){0,5}\s+not)|wasn't|weren't|hasn't|haven't"
    r"|(?:[\w'-]+\s+){1,6}(?:was|were|has\s+been|had\s+been|have\s+been)(?:n't|\s+not|\s+never))\b",
    re.IGNORECASE)
_OURS = re.compile(r"\b(?:our|my|we|I)\b")  # a step of the writer's own side left undone is no accusation
# Rhetorical forms that are an accusation whatever the words around them.
_RHETORICAL = re.compile(r"""
  \bwhat\s+(?:was|were|is|are|has|have)\s+(?:you|your\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:been\s+)?doing\s+(?:while|all\s+(?:day|week|month)|since)\b
| \bwhat\s+exactly\s+(?:was|were|is|are|has|have)\s+(?:you|your\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:been\s+)?doing\b
| \bwhat\s+exactly\s+(?:were|was|did|do|are)\s+(?:you|your\s+[\w-]+)\s+(?:expecting|expect|thinking|think|hoping)\b
| \bwhat(?:'s|\s+is)\s+(?:exactly\s+)?the\s+point\s+of\b[^?]*\bif\s+(?!I\b|we\b)
| \bwhat\s+exactly\s+is\s+(?:the|this|that|your)\s+[\w-]+\s+for\b
| \bwas\s+it\s+(?:really\s+)?(?:so|that|too)\s+(?:difficult|hard|much)\b
| \bhow\s+many\s+(?:more\s+)?times\s+(?:does|do|must|will|should|has|have)\b[^?]*\b(?:have|has|need|needs)\s+to\s+be\b
| \bwho\s*,?\s*(?:in\s+your\s+(?:opinion|view)\s*,\s*)?(?:is|was|are|were)\s+(?:expected|supposed|meant)\s+to\b
| ^\W*(?:was|were|did|has|had|is|are)\b[^?]*\b(?:anyone|anybody|somebody|someone)\s+(?:at|on|in|from|over)\s+(?:your\s+[\w-]+|there)\b[^?]*\bbefore\b
| \bhow\s+(?:hard|difficult)\s+(?:is|was|can)\s+it\s+(?:be\s+)?(?:to\s+|for\s+(?:you|your\s+[\w-]+)\s+to\s+)[^?]*\bbefore\s+(?:you|your)\b
""", _X)


def demands_account(question: str) -> bool:
    if _RHETORICAL.search(question):
        return True
    account = _ACCOUNT.search(question)
    if account and _FAILURE.search(question, account.end()) and (
            _READER.search(question, account.end()) or _BREACH.search(question, account.end())):
        return True
    if _BASIS.search(question) and _READER.search(question):
        return True
    why = _WHY.search(question)
    if why is None:
        return False
    rest = _READERS_THING.sub("", question[why.end():])
    if _PAST_FAILURE.search(rest) and _READER.search(rest):
        return True
    return bool(_UNDONE.search(question) and not _OURS.search(question, why.end()))


@python_check("account_demand")
def account_demand(draft, rule):
    for sentence in draft.sentences:
        if not sentence.is_question or not demands_account(sentence.text):
            continue
        mark = sentence.start + sentence.text.rfind("?")
        if not in_quotation(draft, mark, mark + 1):  # a question inside quotation marks is someone else's
            yield Hit(sentence.start, sentence.end)
