"""Blame-shifting devices read by their grammar, not their wording.

Each check here reads one device in its general shape: who is the agent of the failure, what is
said about the harm, and whether the writer owns it or offers a fix.

- `circumstance_excuse`: a fronted circumstance ("With the school holidays and the weather, ...") or
  a busy spell ("it's been chaos here") whose clause is the writer's work not done, with no fix or
  date in that sentence or the next.
- `conditional_apology`: an apology whose main clause follows a condition about the harm or the
  reader's reaction ("If the invoice came across as confusing, then apologies for that").
- `hedged_admission`: a harm admitted only through two hedges, one of them a doubt that it
  happened ("There may possibly have been a small error").
- `apology_then_circumstance`: an apology for a miss, then "but" and the circumstances ("…, but we've been
  slammed"), or a next sentence that hands the slip to a colleague ("Sam on our team uploaded the wrong file").
- `regret_without_agency`: an impersonal regret ("It's unfortunate that…") over a failure of the
  service whose doer is never named ("…your refund ended up going to the previous tenant").
"""
from __future__ import annotations

import re

from .apologies import HERE_PEOPLE, OWNERSHIP
from .commitments import CONCRETE_TIME, without_quotations
from .registry import Hit, python_check

_I = re.IGNORECASE

# The writer owning the failure, never blame-shifting: apologies' OWNERSHIP, or these plainer admissions.
_OWNED_TOO = re.compile(
    r"\b(?:my|our)\s+(?:own\s+)?slip\b|\b(?:it\s+was|that\s+was)\s+on\s+(?:me|us)\b|\b(?:the\s+)?(?:mistake|error|fault)\s+(?:was|is)\s+(?:mine|ours)\b"
    r"|\b(?:I|we)\s+accept\s+(?:full\s+)?responsibility\b|\b(?:I|we)\s+(?:dropped|missed|forgot|overlooked|messed|got\s+(?:it|this|that|the\s+\w+)\s+wrong)\b", _I)


def _owned(said: str) -> bool:
    return OWNERSHIP.search(said) is not None or _OWNED_TOO.search(said) is not None
_NOT_SOMEONE_HERE = "".join(rf"(?<!{word}\s)" for word in HERE_PEOPLE)  # "everyone here is…" is no "here is"
# A fix or a firm next step: the sentence or the one after it moves the reader forward.
_REMEDY = re.compile(
    r"\b(?:I|we)(?:'ve|\s+have)\s+(?:now\s+|just\s+|already\s+|since\s+|also\s+)?(?!been\b|had\b|got\s+no\b|no\b)[a-z]+(?:ed|t|en|un|ung|ought|ade|ent|ound|ook)\b"
    rf"|\battached\b|{_NOT_SOMEONE_HERE}\bhere(?:'s|\s+is|\s+are)\b|\b(?:is|are|it's|they're|has\s+been|have\s+been)\s+(?:now\s+)?(?:fixed|corrected|sorted|resolved|rectified|tidied|back\s+up|on\s+(?:its|their)\s+way|booked|rebooked|scheduled|rescheduled|arranged|confirmed|going\s+out|leaving)\b"
    r"|\b(?:I|we)(?:'m|\s+am|'re|\s+are)\s+(?:now\s+)?(?:re-?\w+ing|fixing|sorting|correcting|refunding|sending|shipping)\b", _I)
_FUTURE = re.compile(r"\b(?:will|'ll|ships?|arrives?|due|resumes?|expect)\b", _I)


def _remedied(sentences, i: int, window: int = 1) -> bool:
    for s in sentences[i:i + 1 + window]:
        said = s.text
        if _REMEDY.search(said) or (_FUTURE.search(said) and CONCRETE_TIME.search(said)):
            return True
    return False


def _statements(draft, cheap=None):
    """(index, sentence, its text with quotations blanked) for each sentence that is not a question and, when
    `cheap` is given, passes that test on its raw text first (most sentences fail it: no blanking then)."""
    for i, sentence in enumerate(draft.sentences):
        if not sentence.is_question and (cheap is None or cheap(sentence.text)):
            yield i, sentence, without_quotations(sentence.text)


def _span(sentence, said: str, start: int = 0, end: int | None = None) -> Hit:
    end = len(said.rstrip(" \n")) if end is None else end
    while start < end and said[start] in " \n\t,;:-\u2014\u2013":
        start += 1
    return Hit(sentence.start + start, sentence.start + end)


# ---------------------------------------------------------------- a circumstance instead of the reason

_FRONTED = re.compile(
    r"^\W*(?:(?:what\s+)?with|between|given|due\s+to|owing\s+to|because\s+of|thanks\s+to|what\s+with|in\s+light\s+of|with\s+all)\s+"
    r"(?P<what>[^,;:.!?\u2014]{3,90}?)\s*(?:,|\u2014|\s-\s)\s*(?P<main>[^;:!?]+)", _I)
# The writer's work not done: "just didn't happen", "couldn't get the stage rigged", "slipped".
_NOT_DONE = re.compile(
    r"\b(?:just\s+|simply\s+)?(?:didn't|did\s+not|couldn't|could\s+not|wasn't|weren't|was\s+not|haven't|hasn't|hadn't|won't|can't|cannot)\s+"
    r"(?:(?:quite|really|exactly|yet|been\s+able\s+to|manage\s+to|possibly|be)\s+)?(?:happen|happened|get|got|make|made|finish|finished|done|ready|going\s+to|manage|managed|come\s+together|"
    r"go\s+ahead|arrive|arrived|ship|shipped|complete|completed|been|keep|meet|hit|deliver|delivered|start|started|move|moved|progress|progressed"
    r"|(?!(?:need|needs|have|mind|want|expect|think|know|feel|bother|worry|charge|cost|affect|matter|change|stop|apply|count)\b)[a-z]+\s+(?:out|through|off|ahead|together|in\s+time|on\s+time|to\s+plan|as\s+planned))\b"
    r"|\b(?:slipped|fell\s+behind|(?:have|has|had)\s+fallen\s+behind|ran\s+(?:late|over|behind)|got\s+(?:pushed|delayed|held\s+up|bumped)|was\s+(?:pushed|delayed|held\s+up|bumped)|(?:is|are|was|were)\s+(?:running\s+)?(?:late|behind)|on\s+hold|ground\s+to\s+a\s+halt|went\s+out\s+the\s+window"
    r"|never\s+(?:made\s+it|got\s+(?:done|finished|started|sent|off)|happened|went\s+out|arrived|shipped)|(?:didn't|did\s+not|never)\s+get\s+(?:done|finished|sent|started|looked\s+at)|got\s+away\s+from\s+(?:us|me)"
    r"|fell\s+(?:through|by\s+the\s+wayside)|slipped\s+through|(?:wasn't|was\s+not|weren't)\s+(?:possible|feasible|realistic|doable)|(?:got|was|were)\s+(?:cancelled|postponed|missed)"
    # session 17: the outcome told as fated or impossible ("the timeline was always going to wobble",
    # "things have inevitably fallen behind", "it was simply impossible to finish", "there was no way it was getting done")
    r"|(?:was|were)\s+(?:always|bound|inevitably)\s+(?:going\s+)?to\s+(?:slip|wobble|suffer|drift|fall\s+behind|take\s+longer|run\s+(?:late|over|behind)|be\s+(?:late|delayed|tight))"
    r"|(?:have|has|had)\s+(?:inevitably|just|rather|somewhat)\s+fallen\s+behind|(?:have|has|had)\s+(?:just\s+)?been\s+slipping"
    r"|(?:was|were|(?:has|have|had)\s+(?:just\s+|simply\s+)?been)\s+(?:just\s+|simply\s+|frankly\s+|honestly\s+|really\s+)?(?:impossible|not\s+possible)|there\s+was\s+(?:just\s+|simply\s+|really\s+)?no\s+way\s+(?:the|we|I|it|this|that|they|your|our|my|any(?:one|body)?|to|of)\b)\b", _I)


_SYMPATHY = re.compile(r"^\W*(?:(?:I'm|I\s+am|we're|we\s+are)\s+)?(?:so\s+)?sorry\s+to\s+hear\b", _I)
# Or a busy state as the cause: "it's been chaos here, so the report didn't get done".
_BUSY = re.compile(
    r"\b(?:it(?:'s|\s+has|\s+had)?\s+been|things\s+(?:have\s+been|had\s+been|were|got|are)|we(?:'ve|\s+have|'d|\s+had)\s+been|it\s+was|it\s+got|we\s+were|I\s+was|I've\s+been|this\s+(?:week|month)\s+(?:has\s+been|was)"
    # or the shop as the busy one ("The office has been stretched thin", "Everyone's been flat out")
    r"|(?:the|our)\s+(?:whole\s+|entire\s+)?(?:office|team|staff|crew|shop|warehouse|department|kitchen|studio|workshop|practice|desk)\s+(?:(?:has|have|had)\s+been|was|were)|every(?:one|body)(?:'s|\s+has|\s+had)\s+been)\s+"
    # an article may stand before or after the degree word ("an incredibly busy month", "such a busy week")
    r"(?:(?:so|such|really|pretty|absolutely|completely|totally|utterly|just|a\s+bit|quite|rather|incredibly|very|a|an|total|absolute)\s+)*"
    r"(?:busy|hectic|chaos|chaotic|crazy|insane|wild|brutal|relentless|mad|manic|madness|mental|nightmare|flat\s+out|swamped|slammed|snowed\s+under|non-?stop|whirlwind|full-?on|overwhelming|nuts|frantic|rammed|stretched|"
    r"short-?staffed|(?:one\s+of\s+those|a\s+(?:rough|tough|difficult|crazy|mad|busy|hectic)\s+(?:week|month|few\s+(?:days|weeks)|couple\s+of\s+(?:days|weeks|months)|time|season|quarter)))\b", _I)


@python_check("circumstance_excuse")
def circumstance_excuse(draft, rule):
    for i, sentence in enumerate(draft.sentences):
        if sentence.is_question:
            continue
        said = sentence.text
        m = _FRONTED.match(said)
        if m is not None:  # the cheap anchored shapes first; the quotation blanking only for a candidate
            said = without_quotations(said)
            m = _FRONTED.match(said)
        if m is not None and _NOT_DONE.search(m.group("main")):
            what = m.group("what")
        elif _BUSY.search(said) and _NOT_DONE.search(said) and not _SYMPATHY.match(said):
            said = without_quotations(said)
            if not (_BUSY.search(said) and _NOT_DONE.search(said)):
                continue
            what = ""
        else:
            continue
        if _owned(said):
            continue
        if re.match(r"(?:you|your|the\s+(?:[\w-]+\s+)?you)\b", what, _I) or re.search(r"\b(?:help|thanks|respect|regards|love|luck|pleasure|(?:our|my)\s+(?:[\w-]+\s+)?(?:error|mistake|oversight))\b", what, _I):
            continue  # the reader's doing is another device; "with your help" is not a circumstance
        if _fixed(draft.sentences, i, said):
            continue
        yield _span(sentence, said)


# "..., so we rebooked you on Saturday's flight" / "..., so they are back on site on 14 March": the fix in the same sentence.
_SO_FIX = re.compile(
    r"\bso\s+(?:I|we)(?:'ve|\s+have)?\s+(?:now\s+|already\s+)?(?:re\w+ed|booked|moved|arranged|sent|put|set\s+up|found|added|ordered|switched|swapped|hired|brought\s+in)\b"
    r"|\bso\s+(?:I|we|they|he|she|the\s+(?:[\w-]+\s+)?[\w-]+)\s+(?:will|'ll|are|is|'re|'s)\s+(?:be\s+)?(?:back|there|on\s+site|coming|arriving|starting|returning)\b[^;!?]*?\b(?:on|by|at|from)\s+\w", _I)


def _fixed(sentences, i: int, said: str) -> bool:
    """A fix in sentence `i` (its text `said`) or the next: the cause told is an account, not an excuse."""
    return _remedied(sentences, i) or _SO_FIX.search(said) is not None


# ---------------------------------------------------------------- an apology on a condition

_APOLOGY = r"(?:(?:I|we)(?:'m|\s+am|'re|\s+are)\s+(?:\w+\s+){0,2}?sorry|sorry|apologies|my\s+apologies|our\s+apologies|(?:I|we)\s+(?:do\s+|would\s+|'d\s+)?(?:\w+\s+)?(?:apologi[sz]e|regret)|apologi[sz]es)"
_CONDITIONAL = re.compile(
    r"^\W*(?P<cond>(?:if|to\s+(?:whatever|the|any)\s+(?:extent|degree)(?:\s+that)?|insofar\s+as|in\s+so\s+far\s+as|inasmuch\s+as|should)\b[^;:!?]{3,140}?)"
    rf",\s*(?:then\s+)?(?:(?:of\s+course|naturally|obviously|certainly|by\s+all\s+means|fine|okay|ok|I\s+(?:suppose|guess))\s*,?\s+)?(?:then\s+)?"
    r"(?:" + _APOLOGY + r"|(?:it(?:'s|\s+is)|that(?:'s|\s+is)|this\s+is)\s+(?:(?:most|very|really|deeply|certainly|of\s+course)\s+)?(?:regrettable|unfortunate))\b", _I)
# Conditions that offer, ask or plan are not about the harm, nor is a message that may repeat one the reader
# already has ("If you've already received this, apologies for the duplicate").
_OFFER = re.compile(r"\b(?:need|needs|want|wants|would|'d|like|prefer|wish|can|could|will|'ll|have\s+any|get\s+a\s+chance|let\s+me|happy|still|again|more\s+time|question|questions|already)\b", _I)


@python_check("conditional_apology")
def conditional_apology(draft, rule):
    for _, sentence, said in _statements(draft):
        m = _CONDITIONAL.match(said)
        if m is None or _OFFER.search(m.group("cond")) or _owned(said):
            continue
        yield _span(sentence, said, 0, m.end())


# ---------------------------------------------------------------- a harm admitted as a stacked possibility

# Doubt about whether it happened, and doubt about how much: two hedges on one harm.
_EPISTEMIC = re.compile(
    r"\b(?:may|might|could)\s+(?:(?:possibly|perhaps|conceivably|potentially|just|well|not)\s+)?have\b|\b(?:possibly|perhaps|maybe|conceivably|potentially|presumably|apparently)\b"
    r"|\b(?:there\s+)?(?:appears|appeared|seems|seemed)\s+to\s+(?:have\s+been|be)\b|\bit\s+(?:seems|appears|looks)\s+(?:as\s+though|as\s+if|like|that)\b"
    r"|\bit(?:'s|\s+is|\s+was)\s+(?:just\s+|entirely\s+|quite\s+)?(?:possible|conceivable)\b|\bthere(?:'s|\s+is|\s+was)\s+(?:a|some)\s+(?:small\s+|slight\s+)?chance\b", _I)
_DEGREE = re.compile(
    r"\b(?:somewhat|slight(?:ly)?|small|minor|tiny|little|a\s+(?:touch|tad|bit)|some\s+sort\s+of|of\s+sorts|arguably|to\s+some\s+(?:extent|degree)|not\s+(?:entirely|quite|fully|completely|100%)|less\s+than\s+(?:ideal|perfect)|marginally|partially|in\s+part|in\s+some\s+(?:small\s+)?way|some\s+(?:small\s+)?part|if\s+(?:at\s+all|any|there\s+(?:even\s+|actually\s+|really\s+)?(?:was|were)\s+(?:one|any)))\b", _I)
_HARM = re.compile(
    r"\b(?:error|errors|mistake|mistakes|delay|delays|delayed|mix-?up|oversight|issue|problem|glitch|hiccup|discrepancy|overcharge|miscalculation|slip|confusion|inaccurac(?:y|ies)|"
    r"twice|wrong(?:ly)?|incorrect(?:ly)?|late|missed|overlooked|affected|lost|miscalculated|overcharged|double-?\w+|omitted|left\s+out|miscommunication|misunderstanding|inconvenience|disruption"
    r"|had\s+(?:an?\s+|some\s+)?(?:\w+\s+)?(?:effect|impact)|dip|drop|difficulty|disturbance|scratch(?:es)?|damage|damaged|interruptions?|outages?|inconsistenc(?:y|ies)"
    r"|disturbed|nicked|scratched|dented|chipped|cracked|broken|inconvenienced|less\s+[\w-]+\s+than\s+(?:ideal|expected|usual|promised)"
    # "our equipment may have contributed in some way to the rutting": a part in the harm, owned only as a possibility
    r"|contributed|played\s+(?:a|an|some|any)\s+(?:\w+\s+)?(?:part|role)|had\s+(?:a|some)\s+(?:\w+\s+)?(?:hand|part|role))\b", _I)
# The weather did it: a guess at a natural cause, not a harm the writer half-admits.
_WEATHER = re.compile(r"\b(?:by|in|during)\s+(?:the\s+|last\s+night's\s+|this\s+week's\s+)?(?:frost|weather|storm|wind|winds|rain|snow|heat|cold|flood|floods|hail|ice|freeze|heatwave|gales?)\b", _I)
_PAST = re.compile(r"\bhave\b|\b(?:was|were|had|happened|occurred|went|got|crept|slipped|arose)\b", _I)


@python_check("hedged_admission")
def hedged_admission(draft, rule):
    for _, sentence, said in _statements(draft, _EPISTEMIC.search):  # most sentences hold no hedge
        hedges = list(_EPISTEMIC.finditer(said))
        harm = _HARM.search(said) if hedges else None
        if harm is None or not _PAST.search(said) or _owned(said) or _WEATHER.search(said):
            continue
        count = len({m.group().lower() for m in hedges}) + len({m.group().lower() for m in _DEGREE.finditer(said)})
        if count < 2:
            continue
        first = min(hedges[0].start(), harm.start())
        if re.search(r"\byou\b", said[:first], _I) or re.match(r"\W*(?:if|whether|in\s+case|when\s+you)\b", said, _I):
            continue  # the reader may have done it, or a condition: another device
        yield _span(sentence, said)


# ---------------------------------------------------------------- regret with nobody doing it

# "It's unfortunate that the curtains were measured wrong": an impersonal regret over a failure whose doer
# is never named. "It's a shame you couldn't make it" is sympathy for the reader: the clause must tell a
# failure of the service, and no "I"/"we" may own it.
_IMPERSONAL = re.compile(
    r"^\W*(?:(?:well|sadly|alas|honestly|look)\W+)?(?:it(?:'s|\s+is|\s+was)|that(?:'s|\s+is|\s+was))\s+(?:(?:most|very|really|rather|deeply|so|such|all\s+very|just)\s+)?"
    r"(?:unfortunate|regrettable|a\s+(?:real\s+|great\s+|big\s+)?(?:shame|pity)|too\s+bad)\s*,?\s+(?:that\s+)?(?P<clause>[^;:!?]+)", _I)
_LUCKLESS = re.compile(
    r"^\W*(?:unfortunately|sadly|regrettably|alas)\b,?\s+(?P<clause>(?:the|your|some|one|two|a|an|several|all)\b[^;:!?]*?\bended\s+up\b[^;:!?]*)", _I)
_SERVICE_FAILURE = re.compile(
    r"\b(?:ended\s+up|wrong(?:ly)?|incorrect(?:ly)?|missing|late|delayed|damaged|broken|lost|mixed\s+up|went\s+astray|fell\s+through|didn't\s+add\s+up|double-?\w+|twice|overlooked|missed"
    r"|contaminated|misplaced|mislabell?ed|misprinted|misdirected|in\s+(?:that|this|such\s+a)\s+(?:condition|state)|(?:was|were|got)\s+(?:not|n't)?\s*(?:\w+ed|sent|told|paid|made|put|done|given)"
    r"|(?:didn't|did\s+not|failed\s+to)\s+(?:go\s+out|arrive|reach\s+(?:you|your|the)\b|turn\s+up|show\s+up|come\s+through|get\s+(?:sent|posted|done|processed|to\s+you))"
    r"|never\s+(?:went\s+out|arrived|came|turned\s+up|showed\s+up|made\s+it|got\s+\w+|happened|reached\s+you)|(?:contained|had|included)\s+(?:an?\s+|some\s+)?(?:[\w-]+\s+)?(?:error|errors|mistake|mistakes)"
    r"|(?:was|were)\s+(?:not|n't)\s+(?:ready|done|there|available|finished|complete)|had\s+to\s+be\s+(?:cancell?ed|postponed|called\s+off|rescheduled)|without\s+(?:you|your\s+[\w-]+)\s+being\s+(?:told|informed|notified|asked|consulted)"
    r"|no\s+(?:[\w-]+\s+)?(?:was|were)\s+(?:waiting|there|sent|available|on\s+hand)"
    # or it came after the date it was for ("the transcript arrived after your filing deadline")
    r"|(?:arrived|came(?:\s+in)?|reached\s+(?:you|your\s+[\w-]+)|went\s+out|got\s+to\s+you|turned\s+up|(?:was|were)\s+(?:delivered|sent|filed|issued|returned|submitted|posted|finished|ready))"
    r"\s+(?:[\w-]+\s+){0,3}?(?:after|past|beyond)\s+(?:the|your|our)\s+(?:[\w-]+\s+){0,2}?(?:deadline|cut-?off|due\s+date|date|hearing|meeting|start|event|launch|ceremony|closing|window|appointment|session|wedding|opening))\b", _I)


@python_check("regret_without_agency")
def regret_without_agency(draft, rule):
    for _, sentence, said in _statements(draft, lambda text: _IMPERSONAL.match(text) or _LUCKLESS.match(text)):
        m = _IMPERSONAL.match(said) or _LUCKLESS.match(said)
        if m is None:
            continue
        clause = m.group("clause")
        # "our invoice contained an error" names our thing, not our doing: only a pronoun doer owns it
        if re.search(r"\b(?:I|we|me|us)\b", clause, _I) or not _SERVICE_FAILURE.search(clause) or _owned(said):
            continue
        if re.match(r"\s*you(?:'re|'ve|\s+(?:are|have|had|can't|couldn't|could\s+not|won't|didn't|did\s+not|missed|had\s+to|were\s+(?:ill|unwell|away|sick)))\b", clause, _I):
            continue  # the reader's own bad luck ("It's a shame you couldn't make it"): sympathy
        if re.search(r"\bmissed\s+(?:you|each\s+other|seeing|meeting|catching)\b", clause, _I):
            continue  # "It's a shame our team missed you at the expo": a social regret
        yield _span(sentence, said)


# ---------------------------------------------------------------- an apology, then "but" and the circumstances

# "I'm sorry the car wasn't ready, but we're only two mechanics and Fridays are always mad": the clause after
# the contrast explains the miss away. The apology must be for something ("Sorry, but I can't make Monday" is a
# refusal), and the clause must tell circumstances, not a fix, an offer, a plan, an inability to come, a thanks
# or the writer's own fault.
_LEAD = r"again|once\s+again|first(?:\s+of\s+all)?|firstly|also|and"  # words that may come before the apology
_APOLOGY_THEN_CONTRAST = re.compile(
    rf"^\W*(?:(?:{_LEAD})\W+)?{_APOLOGY}\s+(?P<what>(?:for|that|about|the|your|our|my|I|we|it|this|to\s+(?:say|report|tell)|if)\b[^;:!?]*?)"
    r"(?:,\s*|;\s*|\s+[\u2014\u2013-]\s+|\s+)(?P<but>but|however|though|although|tho)\b,?\s*(?P<why>[^;:!?]+)", _I)
_NOT_A_MISS = re.compile(r"^(?:to\s+(?:hear|see|learn|read|bother|trouble|interrupt|chase|nag|ask|pester|bug|disturb|write|be\s+\w+ing|add)|for\s+(?:your|the)\s+loss|if"
    r"|for\s+(?:the\s+|this\s+|such\s+|all\s+the\s+)?(?:short|late|last[-\s]minute|long|lengthy|mass|group|duplicate|multiple|repeated)\s+(?:notice|e-?mails?|messages?|post|note|change))\b", _I)
_NOT_AN_EXCUSE = re.compile(
    r"\b(?:will|'ll|won't|going\s+to|now|attached|enclosed|here(?:'s|\s+is|\s+are)|below|please|let|happy|glad|good\s+news|luckily|fortunately|thankfully|hopefully|hope|thanks?|thank\s+you|appreciate|rest\s+assured"
    r"|upside|bright\s+side|(?:I|we|you)\s+(?:can|could|would|should|may|might|shall|must)|(?:can|could|would|shall|may)\s+(?:I|we|you)|(?:I|we)\s+(?:can't|cannot)\s+(?:make|do|attend|join|offer|accept|refund|change|share|give)"
    r"|want|wanted|need|needs|wish|I'd|we'd|plan|intend|promise|on\s+it|working|looking\s+into|chasing|checking|"
    r"fault|mistake|error|blame|responsibility|sorry|apologi[sz]e|apologies|our\s+end|my\s+end|no\s+excuse|not\s+an\s+excuse|nevertheless|anyway|still|refund\w*|credit\w*|free|discount\w*|compensat\w*|on\s+us|on\s+me)\b", _I)
# A finite verb in the clause: it tells how things were or are.
_TELLS = re.compile(r"\b(?:was|were|is|are|am|'s|'re|'m|had|has|have|'ve|did|got|only|just|always|never|kept|ran|went|came|took|met|happen\w*|\w+ed)\b", _I)


# Or the whole next sentence hands it to someone else: "Sorry about the wrong file. Sam on our team uploaded it."
# It opens on them (not on "I"/"we" or a step forward), and tells their slip. A busy week told there ("It's
# been hectic") is the apology's own weakness, not blame; with "but" it is the excuse.
_APOLOGY_FOR = re.compile(rf"^\W*(?:(?:{_LEAD}|on\s+behalf\s+of\s+[^,]+)\W+)?(?:[\w']+\s+){{0,5}}?{_APOLOGY}\s+(?P<what>[^;:!?]+)", _I)
_OPENS_ON_US = re.compile(r"^\W*(?:I|we|it|that\s+our|things|I'm|we're|I've|we've|I'll|we'll|I'd|we'd|let|please|here|attached|thanks|thank|could|can|would|if|going\s+forward|in\s+the\s+meantime|to\s+make|as\s+a|this\s+(?:won't|will))\b", _I)
_CAUSE = re.compile(
    r"\b(?:wrong|wrongly|missed|forgot|forgotten|forgetting|came\s+in\s+late|called\s+in\s+sick|was\s+new"
    r"|made\s+(?:(?:a|many|several|some|a\s+few|lots\s+of|a\s+lot\s+of|a\s+couple\s+of|two|three)\s+)?(?:\w+\s+)?(?:mistakes?|errors?)|pulled\s+(?:onto|off)|double-?booked|mix-?up|mixed\s+up|mis\w+|on\s+(?:her|him|them)|down\s+to"
    r"|(?:[A-Z][a-z]+|colleague|predecessor|assistant)'s\s+(?:order|job|file|account|desk|call|patch)|handled\s+by|typed|entered|uploaded"
    # who had it then: "Our new intern was handling that file", "A temp was looking after that account"
    r"|(?:was|were|had\s+been)\s+(?:the\s+one\s+)?(?:handling|dealing\s+with|in\s+charge\s+of|looking\s+after|responsible\s+for|covering|managing))\b", _I)
# Or a third party's rush or overload ("The pathology lab has been swamped", "the creators were slow getting their drafts in").
# Our own busy week is the apology's weakness, not blame: not when the sentence opens on us, our shop or everyone.
_THEIR_RUSH = re.compile(
    r"\b(?:swamped|slammed|snowed\s+under|stretched(?:\s+(?:too\s+)?thin)?|overloaded|backlogged|backed\s+up|(?:was|were|has\s+been|have\s+been)\s+(?:really\s+|very\s+|so\s+|pretty\s+)?slow"
    r"|in\s+a\s+(?:hurry|rush)|rushed|short-?staffed|off\s+sick|on\s+sick\s+leave|other\s+priorities)\b", _I)
_OURS_BUSY = re.compile(r"^\W*(?:our|my|everyone|everybody|all\s+of\s+us|the\s+(?:shop|office|team|store|studio|clinic|practice|firm|company|business|place|crew|staff|kitchen|workshop|salon|surgery|desk)\b)", _I)


def _cause(why: str) -> bool:
    return _CAUSE.search(why) is not None or (_THEIR_RUSH.search(why) is not None and not _OURS_BUSY.match(why))


# Or the strain of a whole group, told after the apology as the reason ("Our whole team is sorry the package
# was late. Our operations colleagues have been badly stretched this month", "The new people on the night shift are
# still learning the products", "It was a crazy stretch for everyone here"). "It's been a hectic week", "Things got
# away from me" or "The shop's been swamped" is the writer's own busy week, not blame: the strain must be a group of
# people's (everyone, the team, the crew, our colleagues, the new people); a place (the office, the kitchen) only
# when it was short of people ("the kitchen was short-staffed that day").
_GROUP = (r"(?:every(?:one|body)|all\s+of\s+us|the\s+(?:whole\s+|entire\s+)?(?:team|staff|crew|lads|guys|night\s+shift|day\s+shift|site\s+team)"
          r"|(?:our|the)\s+(?:[\w-]+\s+){0,2}?(?:team|staff|colleagues|folks|people|crew|guys|lads|engineers|drivers|technicians|planners|installers|fitters|reporters|pickers|"
          r"packers|operators|agents|juniors)|(?:the|our)\s+new\s+(?:[\w-]+\s+)?(?:people|staff|starters|hires|joiners|guys|recruits|colleagues|team(?:\s+members)?))")
_PLACE = r"(?:the|our)\s+(?:whole\s+)?(?:office|shop|kitchen|warehouse|front\s+desk|studio|department|desk|floor|workshop|store|practice|clinic|branch)"
_LEAD_IN = r"^\W*(?:(?:honestly|unfortunately|sadly|frankly|truthfully|as\s+you\s+(?:know|can\s+imagine)|to\s+be\s+honest)\W+)?"
_VERB = r"(?:'s|'re|'ve)?\s+(?:(?:has|have|had)\s+been|been|was|were|is|are|got|had|have)\s+(?:[\w-]+\s+){0,3}?"
_SHORT_OF_PEOPLE = r"(?:short-?(?:staffed|handed)|understaffed|stretched\s+(?:[\w-]+\s+)?thin|run\s+off\s+(?:their|our|its)\s+feet)"
_GROUP_STRAIN = re.compile(
    rf"{_LEAD_IN}{_GROUP}(?:\s+here)?(?:\s+(?:on|in|at|from)\s+(?:the|our)\s+[\w-]+(?:\s+[\w-]+)?)?{_VERB}"
    r"(?:stretched|swamped|slammed|overloaded|overstretched|snowed\s+under|flat\s+out|run\s+off\s+(?:their|our|its)\s+feet|under\s+(?:[\w-]+\s+){0,2}?(?:pressure|strain)"
    r"|short-?(?:staffed|handed)|understaffed|learning|finding\s+(?:their|its|our)\s+feet|getting\s+(?:up\s+to\s+speed|used\s+to|to\s+grips)|new\s+to|settling\s+in|bedding\s+in"
    r"|a\s+(?:[\w-]+\s+)?(?:rough|tough|hard|difficult|crazy|busy|hectic|long|bad|mad|brutal|chaotic)\s+(?:[\w-]+\s+)?(?:week|month|day|morning|night|time|stretch|spell|few\s+(?:days|weeks)|season|quarter))\b"
    rf"|{_LEAD_IN}{_PLACE}{_VERB}{_SHORT_OF_PEOPLE}\b"
    # or the strain told as everyone's ("things just got away from everybody", "a crazy stretch for everyone here")
    rf"|\bthings\s+(?:just\s+|simply\s+|kind\s+of\s+)?(?:got|slipped)\s+away\s+from\s+(?:them|everyone|everybody|all\s+of\s+us|us\s+all|{_GROUP})\b"
    r"|\b(?:things|stuff|a\s+few\s+things|some\s+things)\s+(?:have\s+|has\s+|had\s+)?(?:slipped|fallen\s+behind|got\s+missed)\s+for\s+(?:everyone|everybody|all\s+of\s+us|us\s+all)\b"
    r"|\b(?:busy|crazy|hectic|hard|tough|rough|difficult|mad|long|chaotic|brutal|stressful|intense)\s+(?:[\w-]+\s+)?(?:week|weeks|month|months|stretch|time|period|season|quarter|spell|day|days)\s+"
    r"for\s+(?:everyone|everybody|all\s+of\s+us|us\s+all)\b"
    r"|\b(?:difficult|hard|impossible)\s+for\s+(?:anyone|anybody|any\s+one\s+person)\s+to\s+keep\s+track\b", _I)
_STILL_NEW = re.compile(r"\bstill\s+(?=learning|finding|getting|new|settling|bedding)", _I)  # "still learning" is the strain, not "we still did it"
_FOR_A_REPLY = re.compile(r"\b(?:repl(?:y|ies|ying)|respon(?:se|ses|ding)|getting\s+back|answer(?:ing)?|radio\s+silence)\b", _I)


_SORRY = re.compile(r"sorry|apolog", _I)


def _for_a_miss(what: str) -> bool:
    return len(what.split()) >= 2 and not _NOT_A_MISS.match(what)


# A plea that leads the excuse in ("you must understand that…", "as you can imagine,", "please understand that…") is
# no offer or plan: read the clause after it. And a claim of no control over it is the excuse itself.
_PLEA = re.compile(
    r"^\W*(?:you\s+(?:must|will|have\s+to|need\s+to|should|may|might)\s+(?:understand|appreciate|realise|realize)"
    r"|please\s+(?:understand|appreciate|bear\s+in\s+mind)|as\s+you\s+(?:can|may|will|might|could)\s+(?:imagine|appreciate|understand))\b,?\s*(?:that\s+)?", _I)
_NO_CONTROL = re.compile(
    r"\b(?:(?:I|we)\s+(?:can't|cannot|can\s+not|couldn't|could\s+not)\s+control|(?:out\s+of|beyond)\s+(?:my|our)\s+control|(?:I|we)\s+(?:have|had)\s+no\s+control)\b", _I)
# Someone else's wish told as the cause ("many customers want samples"), unlike our own ("but we want to make it right").
_THEIR_WISH = re.compile(r"\b(?:want|wanted)\b", _I)
_OUR_WISH = re.compile(r"\b(?:I|we|you|I'd|we'd)\s+(?:\w+\s+)?(?:want|wanted)\b", _I)


def _excuse(why: str) -> bool:
    why = _PLEA.sub("", why, count=1)
    if _REMEDY.search(why) or _owned(why):
        return False
    if _NO_CONTROL.search(why) and not re.search(r"\b(?:will|'ll|so\s+(?:I|we)|attached|here(?:'s|\s+is))\b", why, _I):
        return True
    m = _NOT_AN_EXCUSE.search(why)
    while m is not None and _THEIR_WISH.fullmatch(m.group(0)) and not _OUR_WISH.search(why):
        m = _NOT_AN_EXCUSE.search(why, m.end())
    return m is None


@python_check("apology_then_circumstance")
def apology_then_circumstance(draft, rule):
    sentences = draft.sentences
    for i, sentence, said in _statements(draft, _SORRY.search):
        m = _APOLOGY_THEN_CONTRAST.match(said)
        if m is not None:
            if _for_a_miss(m.group("what")) and _TELLS.search(m.group("why")) and _excuse(m.group("why")):
                yield _span(sentence, said, m.start("but"))
            continue
        m = _APOLOGY_FOR.match(said)
        if m is None or not _for_a_miss(m.group("what")):
            continue
        if said.startswith(";", m.end()):  # "Apologies for the missing backup; the stick was prepared in a hurry by the workshop."
            why = said[m.end() + 1:]
            if _excuse_after(m.group("what"), why, sentences, i, i + 1):
                yield _span(sentence, said, m.end() + 1)
        elif i + 1 < len(sentences) and not sentences[i + 1].is_question:
            why = without_quotations(sentences[i + 1].text)
            if _excuse_after(m.group("what"), why, sentences, i, i + 2):
                yield _span(sentences[i + 1], why)


def _excuse_after(what: str, why: str, sentences, i: int, after: int) -> bool:
    """Is `why`, told right after the apology for `what` (sentence `i`), an excuse? Short, with no fix in the sentence
    at `after` (else an account), and either the slip handed to someone else (not when it opens on us) or a group's
    strain given as the reason, with no fix in the apology either (a slow reply excused by a busy week is small talk)."""
    if len(why.split()) > 30 or _remedied(sentences, after, window=0):
        return False
    if not _OPENS_ON_US.match(why) and _cause(why) and _excuse(why):
        return True
    return (_GROUP_STRAIN.search(why) is not None and not _FOR_A_REPLY.search(what)
            and _excuse(_STILL_NEW.sub("", why)) and not _remedied(sentences, i, window=0))


# ---------------------------------------------------------------- a third party named as the cause, and no fix

# "The delay with your inverter was caused by the shipping line changing vessels. We'll keep you posted.":
# the harm is told as another firm's or a machine's doing (caused by, came from, pushed by, on their end),
# and neither that sentence nor the next gives a fix or a date. With a fix ("...; we've switched suppliers and
# it ships Monday") the cause is an explanation, not the excuse.
# rules/blame-shifting.yaml gates the check on these words (its trigger): keep the two lists together.
_THIRD = (r"(?:suppliers?|manufacturers?|makers?|vendors?|couriers?|websites?|hotels?|consulates?|embass(?:y|ies)|carriers?|shipping\s+(?:line|company|agent)s?|forwarders?|freight\s+(?:company|agent|forwarder)s?"
          r"|hauliers?|labs?|laborator(?:y|ies)|factor(?:y|ies)|printers?|distributors?|wholesalers?|sub-?contractors?|airlines?|tour\s+(?:company|operator)s?"
          r"|banks?|(?:[\w-]+\s+)?system|software|platform|portal|app|customs|port|regulator|council|authorit(?:y|ies)|registry|mill|foundry|warehouse|depot|agency)")
_BY_THIRD = re.compile(
    rf"\b(?:caused|triggered|created|introduced|pushed(?:\s+out)?|rolled\s+out|sent|entered|lost|misplaced|mis[a-z]+ed|held\s+up|delayed|corrupted|deleted|changed|overwritten)(?:\s+(?:on|in|at|onto)\s+(?:the|your)\s+[\w-]+)?\s+by\s+(?:the|a|an|their|one\s+of\s+(?:the|our))\s+(?:[\w-]+\s+){{0,4}}?{_THIRD}\b"
    rf"|\b(?:came|originated|stems?|stemmed|arose|started)\s+(?:from|with|at|in)\s+(?:the|a|their)\s+(?:[\w-]+\s+){{0,2}}?{_THIRD}(?:'s)?\b"
    rf"|\bon\s+(?:the|their)\s+(?:[\w-]+\s+)?{_THIRD}'s\s+(?:end|side)\b"
    # "filed late, mostly because the tour company's forms are so confusing": another firm's thing as the main reason
    rf"|\b(?:mostly|mainly|largely|partly|simply|purely|entirely|chiefly)\s+(?:because|since)\s+(?:of\s+)?(?:the|their)\s+(?:[\w-]+\s+)?{_THIRD}(?:'s)?\b"
    rf"|\b(?:because\s+of|due\s+to|owing\s+to|thanks\s+to)\s+(?:a|an|the|some)\s+(?:[\w-]+\s+){{0,2}}?(?:problems?|issues?|glitch(?:es)?|errors?|faults?|delays?|mix-?ups?|bugs?)\s+(?:with|at|from|on|in)\s+(?:the|their)\s+(?:[\w-]+\s+)?{_THIRD}\b", _I)
_HARMED = re.compile(
    r"\b(?:delay\w*|late|error\w*|wrong|mistake\w*|problems?|issues?|fault\w*|hold-?up|held\s+up|glitch\w*|missing|lost|damaged|mis[a-z]+ed|stopped|failed|outage|bug|crash\w*|mix-?up|overcharg\w*|broke\w*|corrupt\w*|longer\s+than|still\s+pending|stuck|(?:didn't|did\s+not|wasn't|weren't|was\s+not|were\s+not)\s+(?:get\s+)?\w+\s+(?:on|in)\s+time)\b", _I)
_OURS = re.compile(r"\b(?:by|from|with|at)\s+(?:us|me|our\s+(?:own\s+)?(?:side|end|team|office|staff))\b|\b(?:we|I)\s+(?:missed|sent|made|forgot|lost|used|chose|picked)\b", _I)


@python_check("third_party_cause")
def third_party_cause(draft, rule):
    for i, sentence, said in _statements(draft, _BY_THIRD.search):
        m = _BY_THIRD.search(said)
        if m is None or not _HARMED.search(said) or _owned(said) or _OURS.search(said):
            continue
        if re.match(r"\W*(?:if|whether|when|in\s+case|once)\b", said, _I):
            continue  # a condition, not a claim
        if _fixed(draft.sentences, i, said):
            continue
        if any(_owned(s.text) for s in draft.sentences[i + 1:i + 2]):
            continue  # "... delayed by their system outage. I am sure it is somehow my fault": owned after all
        yield _span(sentence, said)
