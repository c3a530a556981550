"""The reader's own action named as the cause of the writer's miss.

"You changed the layout twice, so the launch was always going to slip", "your site manager locked the
gate at four, so our driver couldn't unload", "the job ran late because your builder hadn't finished
the first fix", "you approved the proof with the old logo, so that's what we printed". The verbs and
nouns are endless; the grammar is one: a clause whose subject is the reader or the reader's side, in
the past, joined by a word of consequence ("so", "which is why", "meaning") to a clause that tells a
bad outcome, or a bad outcome explained by "because/since/as" such a clause. `reader_as_cause` reads
that shape: who did it (the reader's side), what tense (past), what link (cause), what came of it
(a miss, a delay, the wrong thing).
"""
from __future__ import annotations

import re

from .commitments import without_quotations
from .registry import Hit, python_check

_I = re.IGNORECASE

# The reader or the reader's side as subject; "the plan you approved" as subject too.
_READER = (r"(?:you(?:\s+(?:both|all|guys))?|your\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?[\w-]+"
           r"|the\s+(?:[\w-]+\s+){1,2}?(?:you|your\s+[\w-]+)\s+(?:sent|gave|chose|picked|approved|booked|ordered|specified|supplied|signed|provided))")
_PAST = (r"(?:(?:only|just|also|then|originally|actually|already|still|never|twice|again)\s+)?"
         r"(?:[a-z]+ed|sent|gave|told|chose|took|made|put|kept\s+\w+ing|kept|left|let|sat\s+on|set|wrote|said|ran|went|came|got|paid|bought"
         r"|brought|forgot|lost|sold|held|shut|cut|drew|picked|swapped|switched|rang|hung\s+up|stood"
         r"|(?:didn't|did\s+not|wouldn't|would\s+not|hadn't|had\s+not|couldn't|could\s+not|never|weren't|wasn't)\s+(?:even\s+|actually\s+|yet\s+)?\w+)\b")
_SO = r"(?:,?\s+(?:and\s+)?(?:so|which\s+is\s+why|that's\s+why|that\s+is\s+why|which\s+meant|meaning|hence|as\s+a\s+result|and\s+that's\s+why))\b"
# A bad outcome: a miss, a delay, a wrong or missing thing, or the writer having done only what was asked.
_BAD = re.compile(r"\b(?:slip(?:ped|s)?|late|delay(?:ed|s)?|behind|held\s+up|stalled|on\s+hold|couldn't|could\s+not|can't|cannot|didn't|did\s+not"
        r"|wasn't|weren't|was\s+not|were\s+not|never|no\s+(?:space|room|time|way|one|access)|wrong|missed|moved\s+on|went\s+(?:to|back)|bounced"
        r"|grew|went\s+up|overran|over\s+budget|always\s+going\s+to|had\s+to|flat|missing|lost|failed|nothing|that's\s+what\s+(?:we|I)"
        r"|which\s+is\s+what\s+(?:we|I)|what\s+(?:we|I)\s+(?:printed|built|made|delivered|sent|fitted|ordered|installed|did)"
        # the job made longer: "so the cool-down took much longer than planned", "so unloading took twice as long"
        r"|took\s+(?:much\s+|far\s+|a\s+lot\s+|way\s+|a\s+(?:bit|little)\s+)?longer|took\s+(?:twice|three\s+times)\s+as\s+long|took\s+an\s+extra\s+(?:hour|day|week|\w+\s+(?:hours|days|weeks))|ran\s+over)\b", _I)
_FORWARD = re.compile(rf"(?:^|[,;:]\s*|\b(?:but|and|then|well|honestly|frankly|look|unfortunately|sadly|regrettably)\s*,?\s+)(?P<who>{_READER})\s+{_PAST}[^.;!?]*?{_SO}(?P<then>[^.;:!?]*)", _I)
_BACKWARD = re.compile(rf"\b(?:because|since|as)\s+(?P<who>{_READER})\s+{_PAST}", _I)
# Or the trouble dated from the reader's act ("the delay started when your team sent the brief two weeks late",
# "that happened because you sent the letter late"), or the reader's act told as the origin of the fault
# ("your team sent the list with the wrong codes in the first place").
_STARTED = re.compile(
    rf"\b(?:(?:delay|problem|trouble|hold-?up|slip|issue|mix-?up|confusion|mess)s?\s+(?:all\s+|only\s+|really\s+)?(?:started|began|came\s+about|arose|kicked\s+off)"
    rf"\s+(?:when|because|after|once|the\s+moment)|(?:that|this|it)\s+(?:only\s+)?happened\s+(?:because|since))\s+(?P<who>{_READER})\s+{_PAST}[^.;!?]*?\b(?:late|wrong|incorrect|twice|again|changed|missing)\b"
    rf"|(?:^|[,;:]\s*|\b(?:but|and|honestly|frankly|because|since)\s*,?\s+)(?P<who2>{_READER})\s+{_PAST}[^.;!?]*?\b(?:wrong|incorrect|late|old|outdated|missing)\b[^.;!?]{{0,40}}?\bin\s+the\s+first\s+place\b", _I)
# A word of cause or consequence: the sentences without one are not read further.
_LINK = re.compile(r"\b(?:so|why|meant|meaning|hence|result|because|since|as|when|after|once|moment|first\s+place)\b", _I)
# The reader's side as the one who suffered, asked kindly, or will act: not a cause.
# The writer doing what the reader asked, now or next ("so I've dropped the panelling"): acting on it, not an outcome.
# "So here it is": the writer handing over what was asked.
_WRITER_ACTS = re.compile(r"^\W*(?:(?:of\s+course|naturally|therefore)\W+)?(?:(?:I|we)(?:'ve|\s+have|'ll|\s+will|'m|\s+am|'re|\s+are|'d|\s+would|\s+can)"
                          r"|here(?:'s|\s+is|\s+are|\s+it\s+is|\s+they\s+are))\b", _I)
_NOT_A_CAUSE = re.compile(r"^(?:you(?:'ve|\s+have)|your\s+(?:order|parcel|delivery|booking|invoice|refund|account|payment|call|email|message|letter|question|request|query|complaint|feedback|kind|patience|flights?|train|bus|ferry|connection|luggage|bags?|suitcase))\b", _I)
_OWNED = re.compile(
    r"\b(?:my|our)\s+(?:own\s+)?(?:fault|mistake|error|bad|oversight|responsibility)\b|\b(?:that's|it's|this\s+is)\s+on\s+(?:me|us)\b"
    r"|\b(?:I|we)\s+should\s+have\b|\bthank(?:s|\s+you)\b|\bno\s+(?:problem|worries)\b|\bhappy\s+to\b", _I)


@python_check("reader_as_cause")
def reader_as_cause(draft, rule):
    for sentence in draft.sentences:  # the writer's new text only
        if sentence.is_question or "you" not in sentence.text.lower() or not _LINK.search(sentence.text):
            continue
        said = without_quotations(sentence.text)
        if _OWNED.search(said):
            continue
        m = _STARTED.search(said)
        if m is not None and not _NOT_A_CAUSE.match(m.group("who") or m.group("who2")):
            yield _whole(sentence, said)
            continue
        for regex in (_FORWARD, _BACKWARD):
            m = regex.search(said)
            if m is None or _NOT_A_CAUSE.match(m.group("who")):
                continue
            then = m.group("then") if regex is _FORWARD else said[_clause_start(said, m.start()):m.start()]
            if not _BAD.search(then) or regex is _FORWARD and _WRITER_ACTS.match(then):
                continue
            yield _whole(sentence, said)
            break


def _whole(sentence, said: str) -> Hit:
    """The sentence, its white space trimmed."""
    return Hit(sentence.start + len(said) - len(said.lstrip()), sentence.start + len(said.rstrip(" \n")))


def _clause_start(said: str, at: int) -> int:
    """Where the clause before a "because" starts (after a semicolon, colon or dash)."""
    start = 0
    for m in re.finditer(r"[;:\u2014\u2013]\s*|\s-\s+", said[:at]):
        start = m.end()
    return start
