"""Apologies that hurt: ones that hand the fault back, ones that grovel, ones that fix nothing.

`apology_then_blame`: an apology or admission followed, in the same sentence or the next, by a
clause that puts the fault on the reader or someone else ("Sorry, but you never said...").
`over_apology`: several apologies in one draft. `apology_without_remedy`: an apology for a missed
commitment with no fix, next step or date anywhere in the draft.
"""
from __future__ import annotations

import re

from .commitments import CONCRETE_TIME, fast, sentences_matching, without_quotations
from .registry import Hit, python_check

_I = re.IGNORECASE

APOLOGY = fast(
    r"\b(?:sorry|sorr(?:ies|y+)|apolog(?:y|ies|i[sz]e[sd]?|i[sz]ing)|regret(?:s|ted|fully|tably)?|my\s+bad|forgive\s+me"
    r"|pardon\s+(?:me|the)|mea\s+culpa|excuse\s+(?:me|us)\s+for)\b",
)
# "Sorry to hear", "sorry for your loss": sympathy, not an apology for something done.
_SYMPATHY = fast(
    r"\bsorry\s+(?:to\s+(?:hear|see|learn|read)|for\s+your\s+loss|about\s+your\s+(?:loss|father|mother|dad|mum|mom|husband|wife"
    r"|partner|son|daughter|family|health|illness|diagnosis))\b|\b(?:sorry|regret)\s+(?:that\s+)?you(?:'re|\s+are)\s+(?:unwell|ill|sick|leaving)\b",
)
# Owning a miss without the word sorry: "I missed the assignment, but...".
ADMISSION = fast(
    r"\b(?:I|we)\s+(?:missed|forgot|overlooked|messed\s+up|dropped\s+the\s+ball|was\s+late|were\s+late|didn't|did\s+not"
    r"|couldn't|could\s+not|wasn't\s+able|weren't\s+able|failed\s+to|got\s+(?:it|that|this|the\s+\w+)\s+wrong"
    r"|made\s+(?:a|an|the)\s+(?:mistake|error))\b|\b(?:partly|partially|my)\s+(?:my\s+)?fault\b",
)
_CONTRAST = re.compile(r"\b(?:but|however|though|although|then\s+again|that\s+said)\b|;|\s[\u2014\u2013-]\s", _I)
_READER_THINGS = (
    r"(?:invite|invitation|notes?|brief|instructions?|email|e-mail|message|team|office|staff|people|side|request|specs?"
    r"|specification|data|files?|documents?|paperwork|form|PO|purchase\s+order|firewall|IT|system|setup|change|changes|manager"
    r"|colleague|assistant|department|company|design|requirements?|description|directions|address|details|answer|reply"
    r"|approval|feedback|schedule|calendar|deadline|timeline|lawyer|accountant|contractor|marketing\s+lead)"
)
_OTHERS = (
    r"(?:you|nobody|no\s*-?\s*one|someone|somebody|they|he|she|the\s+(?:client|customer|vendor|courier|supplier|printer|hotel"
    r"|venue|new\s+guy|intern|other\s+team|previous\s+\w+|last\s+\w+|contractor|agency)s?"
    rf"|your\s+(?:own\s+)?(?:\w+\s+)?{_READER_THINGS}|the\s+(?:\w+\s+)?(?:invite|instructions|brief|specs?|prescription|data"
    r"|template|ticket|process|form|schedule|requirements|notes|email|paperwork|information|info)"
    r"|the\s+\w+(?:\s+\w+)?\s+(?:I|we)\s+(?:received|got|had|were\s+given|were\s+sent))"
)
_FAULT_VERB = (
    r"(?:never|didn't|did\s+not|wasn't|weren't|hadn't|had\s+not|haven't|hasn't|failed\s+to|forgot|neglected|changed|moved"
    r"|kept\s+changing|did\s+(?:send|say|ask|approve|sign)|sent\s+(?:me|us)|gave\s+(?:me|us)|told\s+(?:me|us)|left\s+(?:no|out)"
    r"|signed\s+off|should\s+have|could\s+have|were\s+supposed|was\s+supposed|sat\s+on|sent\s+the\s+wrong|put\s+the\s+wrong"
    r"|(?:was|were|are|is)\s+(?:\w+ly\s+|pretty\s+|quite\s+|very\s+|so\s+|really\s+|a\s+bit\s+|rather\s+)?(?:vague|unclear|incomplete"
    r"|wrong|incorrect|inaccurate|impossible|confusing|illegible|misleading|ambiguous|contradictory|hard\s+to|difficult\s+to"
    r"|broken|not\s+(?:clear|final|ready)|missing|late))"
)
# The clause that hands the fault over.
BLAME = fast(
    rf"\b{_OTHERS}\s+(?:\w+\s+){{0,2}}?{_FAULT_VERB}\b"
    r"|\bif\s+I(?:'d|\s+had)\s+been\s+(?:in\s+the\s+loop|told|informed|copied|kept|included|given|warned|reminded|consulted|asked)\b"
    r"|\bif\s+(?:you|your|someone|somebody|anyone|nobody|they|the\s+\w+)[^.;!?]{0,50}?(?:\bhad|'d)\s+(?:just\s+)?"
    r"(?:been|\w+ed|sent|told|read|done|seen|kept|made|got|gone|given|known|written)\b"
    r"|\bto\s+be\s+(?:fair|honest)\b|\bin\s+(?:all\s+)?fairness\b|\bhonestly,?\s+the\b|\bultimately,?\s+(?:you|your|it\s+was)\b"
    r"|\bnot\s+(?:our|my)\s+(?:fault|call|problem|responsibility|department|job|platform|doing|error|mistake)\b|\bnot\s+(?:us|me)\b"
    r"|\bout\s+of\s+(?:our|my)\s+hands\b|\bbeyond\s+(?:our|my)\s+control\b|\bnothing\s+(?:I|we)\s+could\s+(?:do|have\s+done)\b"
    r"|\b(?:that's|that\s+is|it's|it\s+is)\s+on\s+the\s+\w+|\btheir\s+(?:problem|fault|responsibility|call)\b"
    r"|\b(?:was|is)\s+your\s+(?:responsibility|job|call|fault|problem|change|mistake|error|decision)\b|\bonus\s+on\b"
    r"|\b\w+'s\s+(?:job|responsibility|fault|call|mistake|error|doing)\b|\bwhich\s+(?:stemmed|came|resulted)\s+from\b"
    r"|\b(?:caused|due)\s+(?:by|to)\s+(?:your|the\s+client|the\s+customer|incorrect|wrong)\b"
    r"|\b(?:every|most|all|any)\s+\w+\s+(?:I've|I\s+have|we've)\s+(?:ever\s+)?(?:met|seen|known|worked\s+with|dealt\s+with)\b"
    r"|\beasy\s+mistake\s+to\s+make\b|\banyone\s+would\s+have\b|\b(?:it|this)\s+was\s+only\b|\bonly\s+(?:one|a)\s+(?:letter|typo|minute|day|small|tiny)\b"
    r"|\bto\s+a\s+point\b|\bmostly\s+(?:it's|it\s+was|it\s+is)\s+the\b|\bhardly\s+the\s+end\b|\bover-?react|\babsolute\s+chaos\b|\b(?:I\s+was|we\s+were)\s+(?:just|only)\s+following\b"
    r"|\bas\s+(?:approved|instructed|requested|specified)\s+by\s+(?:you|your)\b|\b(?:nobody|no\s+one|everyone)\s+else\b"
    r"|\b(?:I\s+was|we\s+were)\s+(?:given|told|sent|handed)\s+the\s+(?:wrong|old|outdated|incorrect)\b|\bto\s+the\s+letter\b"
    r"|\bnot\s+for\s+what\s+I\s+(?:said|did|wrote)\b|\bmust\s+have\s+(?:eaten|lost|deleted|swallowed|corrupted|broken|eaten)\b|\bper\s+the\s+contract\b",
)
# A fix, next step or new date: what turns an apology into a good one.
REMEDY = fast(
    r"\b(?:I|we)(?:'ve|\s+have)\s+(?:now\s+|just\s+|already\s+|since\s+)?\w+(?:ed|en|t)\b"
    r"|\b(?:I|we)(?:'ve|\s+have)\s+(?:now\s+|just\s+|already\s+)?(?:sent|put|made|set|built|found|told|said|paid|got|run|spoken)\b"
    r"|\battach(?:ed|ing)\b|\benclosed\b|\bhere(?:'s|\s+is|\s+are)\b|\bbelow\b|\bfrom\s+now\s+on\b|\bgoing\s+forward\b"
    r"|\bre(?:schedul|book|ship|sen[dt]|fund|issu|print|rout|order|arrang)\w*\b|\breplacement\b|\bcredit(?:ed)?\b"
    r"|\b(?:could|can|shall)\s+we\b|\blet's\b|\bwould\s+\w+\s+(?:work|suit)\b|\bdoes\s+\w+\s+work\b|\bare\s+you\s+free\b|\binstead\b"
    r"|\b(?:fixed|corrected|resolved|sorted|updated|moved|approved|ready\s+for|is\s+now|are\s+now|on\s+(?:its|their)\s+way)\b"
    r"|\bwon't\s+happen\s+again\b|\b(?:I|we)(?:'ll|\s+will)\s+(?:call|send|have|get|deliver|ship|bring|make\s+sure|set|book|fix|cover)\b",
)
# What the apology is for: a missed commitment or a failure the reader is left holding.
FAILURE = fast(
    r"\b(?:missed|missing|no-?show(?:ed|ing)?|forgot|forgotten|slipped\s+my\s+mind|didn't|did\s+not|couldn't|could\s+not"
    r"|wasn't\s+able|weren't\s+able|(?:was|were)\s+unable\s+to|for\s+not\s+\w+ing|(?:was|were)\s+(?:unavailable|down|offline)|haven't|hasn't|still\s+(?:isn't|aren't|not|hasn't|haven't|don't|doesn't|out)"
    r"|(?:isn't|aren't|wasn't|weren't|not)\s+(?:yet\s+)?(?:ready|done|finished|delivered|complete|completed|paid|served|available|there)"
    r"|overdue|overran|slipped|late\b|damaged|lost\s+track|never\s+got\s+round|wasn't\s+at|dropping\s+off|not\s+turning\s+up"
    r"|owe\s+you|(?:don't|do\s+not)\s+have\s+(?:an?\s+)?(?:update|answer|news)|dropped\s+the\s+ball|messed\s+up|screwed\s+up|blew\s+it"
    r"|(?:my|our)\s+fault|went\s+quiet|going\s+quiet|out\s+of\s+stock|did\s+not\s+complete|not\s+(?:been\s+)?(?:delivered|paid|processed|sent))",
)
# "Sorry you feel...", "sorry if...": not an apology for a miss but a non-apology (blame-shifting).
_NOT_AN_APOLOGY = re.compile(r"\b(?:sorry|apologi[sz]e|apologies|regret)\s+(?:that\s+)?(?:if\b|you\b)", _I)
# An apology for a slow reply is answered by the reply itself, unless the writer still has nothing.
_SLOW_REPLY = re.compile(r"\b(?:late|slow|delayed|belated)\s+(?:reply|response|answer)\b|\bdelay\s+in\s+(?:getting\s+back|responding|replying)\b", _I)
_STILL_NOTHING = re.compile(r"\bstill\s+(?:haven't|have\s+not|don't|do\s+not)\b|\bnot\s+yet\b|\bhaven't\s+had\s+a\s+chance\b", _I)


_last: tuple = (None, [])  # (draft, its apologies): three checks ask for the same draft in turn


def _apologies(draft) -> list[tuple[int, int, int]]:
    """(sentence index, start, end) of every apology in the writer's own words, in draft order."""
    global _last
    if _last[0] is draft:
        return _last[1]
    found = []
    index_of = {s.start: i for i, s in enumerate(draft.sentences)}
    for sentence in sentences_matching(draft, APOLOGY):
        index = index_of[sentence.start]
        text = without_quotations(sentence.text)
        sympathy = [m.span() for m in _SYMPATHY.finditer(text)]
        for m in APOLOGY.finditer(text):
            if any(s <= m.start() < e for s, e in sympathy) or _is_a_title(text, m):
                continue
            found.append((index, sentence.start + m.start(), sentence.start + m.end()))
    _last = (draft, found)
    return found


def _is_a_title(text: str, m) -> bool:
    """"Sorry! Deluxe", a name with a capital after it, is a title, not an apology."""
    rest = text[m.end():m.end() + 3]
    return m.group() == "Sorry" and rest[:1] == "!" and rest[1:2] == " " and text[m.end() + 2:m.end() + 3].isupper() and m.start() > 0


@python_check("apology_then_blame")
def apology_then_blame(draft, rule):
    sentences = draft.sentences
    seen = set()
    owned = {i for i, _, _ in _apologies(draft)}
    admitted = {s.start for s in sentences_matching(draft, ADMISSION)}
    for index, sentence in enumerate(sentences):
        if index not in owned and sentence.start not in admitted:
            continue
        text = without_quotations(sentence.text)
        admission = ADMISSION.search(text)
        if index not in owned and admission is None:
            continue
        after = 0
        if index in owned:
            after = min(m.end() for m in APOLOGY.finditer(text)) if APOLOGY.search(text) else 0
        elif admission is not None:
            after = admission.end()
        for target, offset in ((sentence, after), (sentences[index + 1] if index + 1 < len(sentences) else None, 0)):
            if target is None or target.start in seen:
                continue
            hit = _blame_clause(without_quotations(target.text), offset, target is not sentence)
            if hit is not None:
                seen.add(target.start)
                yield Hit(target.start + hit[0], target.start + hit[1])
                break


def _blame_clause(text: str, after: int, next_sentence: bool):
    """The span from the contrast word (or the blame itself) to the end of the blaming clause."""
    blame = BLAME.search(text, after)
    if blame is None:
        return None
    if next_sentence and blame.start() > 25:
        return None  # in the next sentence only an opening blame ("If your team had...") is the apology's excuse
    start = blame.start()
    for m in _CONTRAST.finditer(text, after, blame.start()):
        start = m.start() if m.group().strip() else m.end()
    end = len(text.rstrip(" .!?"))
    return (start + len(text[start:]) - len(text[start:].lstrip(" ;-\u2014\u2013")), end)


@python_check("over_apology")
def over_apology(draft, rule):
    """Three apologies in a draft, two in one sentence, or a second "sorry again": flag first to last."""
    found = _apologies(draft)
    limit = int(rule.options.get("max_apologies", 2))
    if len(found) < 2:
        return
    same_sentence = any(a[0] == b[0] for a, b in zip(found, found[1:]))
    again = any(re.search(r"\b(?:again|once\s+more)\b", draft.folded[s:draft.sentences[i].end], _I) for i, s, _ in found[1:])
    if len(found) > limit or same_sentence or again:
        last = draft.sentences[found[-1][0]]
        end = last.start + len(last.text.rstrip())
        yield Hit(found[0][1], end, values={"count": len(found)}, replacements=(_one_apology(draft, found, end),))


def _one_apology(draft, found, end: int) -> str:
    """The flagged text with only its first apology: later apology clauses dropped, other content kept."""
    first = draft.sentences[found[0][0]]
    kept = [draft.text[found[0][1]:first.end].strip()]
    for sentence in draft.sentences[found[0][0] + 1:]:
        if sentence.start >= end:
            break
        if not APOLOGY.search(sentence.text):
            kept.append(sentence.text.strip())
            continue
        rest = [c.strip(" ,;") for c in re.split(r",\s*(?:and\s+)?|;|\s[\u2014\u2013-]\s", sentence.text) if not APOLOGY.search(c)]
        rest = [c for c in rest if len(c.split()) >= 3]
        if rest:
            clause = " ".join(rest).rstrip(".!") + "."
            kept.append(clause[0].upper() + clause[1:])
    return " ".join(kept)


@python_check("apology_without_remedy")
def apology_without_remedy(draft, rule):
    """An apology for a missed commitment, and nothing after it that fixes, reschedules or dates it."""
    found = _apologies(draft)
    if not found:
        return
    sentences = draft.sentences
    for index, start, end in found:
        sentence = sentences[index]
        text = without_quotations(sentence.text)
        neighbours = " ".join(s.text for s in sentences[max(0, index - 1):index + 2])
        failure = FAILURE.search(text)
        first = sentence
        if failure is None and len(text) < 40:  # "The audit isn't finished. My apologies."
            for other in sentences[max(0, index - 1):index + 2]:
                if other is not sentence and FAILURE.search(without_quotations(other.text)):
                    failure, first = FAILURE.search(without_quotations(other.text)), min(other, sentence, key=lambda x: x.start)
                    break
        if failure is None or _NOT_AN_APOLOGY.search(text):
            continue  # "sorry you feel...", "sorry if...": a non-apology, blame-shifting's finding
        if _SLOW_REPLY.search(text) and not _STILL_NOTHING.search(neighbours):
            continue
        if _has_remedy(draft, index, text, failure):
            return
        last = max(first, sentence, key=lambda x: x.start)
        yield Hit(first.start, last.start + len(last.text.rstrip(" .!")))
        return


_NOT_A_FIX = frozenset("been got ruined forgotten failed missed messed dropped lost".split())


def _remedy_in(text: str) -> bool:
    return any(m.group().split()[-1].lower() not in _NOT_A_FIX for m in REMEDY.finditer(text))


def _has_remedy(draft, index: int, text: str, failure) -> bool:
    """A fix or next step anywhere in the draft, other than the words that describe the failure itself."""
    tail = text[failure.end():]
    cut = re.search(r"[,;\u2014\u2013]|\s-\s|\band\b", tail)
    rest = tail[cut.end():] if cut else ""
    if rest and not BLAME.search(rest) and (_remedy_in(rest) or CONCRETE_TIME.search(rest)):
        return True
    for i, sentence in enumerate(draft.sentences):
        if i == index:
            continue
        other = without_quotations(sentence.text)
        if _remedy_in(other) or (i > index and CONCRETE_TIME.search(other)):
            return True
    return False
