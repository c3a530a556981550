"""Stating the obvious: a general truth told to the reader as if they did not know it ("Cameras need
light to take pictures", "Water, as you may know, is wet", "a dog does have to actually be here for us
to vaccinate him"). The reader hears that the writer thinks they missed something any child knows.

`truism` reads a generic claim: a clause whose subject is a kind of thing, not a particular one (a
bare plural or a mass noun, "a/an …", never "the/your/our …"), with a verb of how things are in
general. It flags the claim when
- a knowing aside sits in the same sentence ("as you may know", "I remind you", "of course", "funnily
  enough", "as I'm sure you can appreciate", "just so you know", "to spell it out", "…, you know");
- or the claim insists on its own: an emphatic "does need" ("an EV charger does need electricity"), an
  "actually" in the requirement ("posts need to actually be posted", "only works if you actually…"), a
  machine that "needs fuel in it to run", a thing that "cannot deliver if nobody is there", or one that
  "has to exist before anyone can translate it" ("cannot be shipped before it has been made").
A rule stated for the reader's information passes ("Bookings need a deposit to be confirmed", "As you
know, a deposit is required"): its verb is not one of a thing's plain workings and no aside mocks it.
"""
from __future__ import annotations

import re

from ..rules.conditions import quoted_at
from ..text.regex import fast
from .apologies import scan
from .registry import Hit, python_check

_I = re.IGNORECASE

# An aside that tells the reader they knew this already, or should have.
_KNOWING = (
    r"\bas\s+(?:you|we\s+all|everyone|anyone)(?:'ll)?\s+(?:(?:may|might|surely|probably|no\s+doubt|well|will|must|should|already|of\s+course)\s+){0,2}"
    r"(?:know|be\s+aware|are\s+aware|appreciate|understand|realise|realize|have\s+(?:heard|noticed|seen))\b"
    r"|\bas\s+I'?m\s+sure\s+you(?:'re|\s+are|\s+can|'ll|\s+will)?\s+(?:know|aware|appreciate|understand|imagine|realise|realize)\b"
    r"|\bI\s+(?:would\s+|must\s+|should\s+|might\s+)?remind\s+you\b|\bjust\s+to\s+remind\s+you\b"
    r"|\bI\s+(?:assume|presume|trust|take\s+it)\s+(?:that\s+)?you\s+(?:know|are\s+aware|understand|realise|realize)\b"
    r"|,\s*you(?:'ll|\s+will)\s+(?:surely\s+)?(?:appreciate|understand|realise|realize|agree),|^\W*naturally\s*,"
    r"|\bof\s+course\b|\b(?:funnily|oddly|strangely|surprisingly|curiously)\s+enough\b|\bbelieve\s+it\s+or\s+not\b"
    r"|\bneedless\s+to\s+say\b|\b(?:goes|went|go)\s+without\s+saying\b|\bin\s+case\s+(?:that|it)\s+(?:wasn't|was\s+not|isn't)\b"
    r"|\bjust\s+so\s+(?:you\s+know|you(?:'re|\s+are)\s+aware|we(?:'re|\s+are)\s+(?:clear|on\s+the\s+same\s+page))\b"
    r"|\bto\s+be\s+(?:absolutely\s+|completely\s+|perfectly\s+|crystal\s+|quite\s+)?clear\b"
    r"|\b(?:just\s+)?to\s+spell\s+it\s+out\b|\ballow\s+me\s+to\s+point\s+out\b|\b(?:worth|bear)\s+(?:bearing\s+)?in\s+mind\b"
    r"|,\s*you\s+know\s*[.!]|\bas\s+a\s+(?:general\s+)?rule\s+of\s+thumb\b"
    r"|\b(?:(?:it's|it\s+is)\s+)?worth\s+pointing\s+out\b"
    # the hedged pointing-out that pretends the obvious might be news: "I should perhaps point out that…"
    r"|\b(?:I\s+(?:should|must|might|would)\s+(?:perhaps|maybe|probably|just)\s+|(?:perhaps|maybe)\s+I\s+(?:should|must)\s+)point\s+out\b"
)
_KNOWING_RE = re.compile(_KNOWING, _I)
# A kind of thing that nobody attends to ("a plan nobody funds", "a site no one visits"): with a knowing
# aside its fate needs no purpose clause to be a lecture ("…doesn't get executed").
_NOBODY_RE = re.compile(r"\s(?:nobody|no\s+one|no-one)\s", _I)
# A kind of thing that lacks what it runs on ("a server that isn't paid for", "a car without fuel", "a
# form with no signature"), and so fails at its plain job ("doesn't stay running", "won't ring", "can't be
# cashed"): with a knowing aside that is a lecture too. Policy verbs ("can't be processed/booked") pass.
_LACKING_RE = re.compile(r"\b(?:that|which)\s+(?:isn't|is\s+not|aren't|are\s+not|hasn't|has\s+not|haven't|have\s+not)\b|\b(?:without|with\s+no)\b", _I)
_FAILS_RE = re.compile(
    r"^(?:won't|will\s+not|doesn't|does\s+not|don't|do\s+not|can't|cannot|can\s+not)\s+(?:stay\s+[a-z-]+|go|run|work|print|ring|start|"
    r"open|lock|arrive|move|sail|fly|drive|load|charge|boil|cook|heat\s+up|cool\s+down|grow|light\s+up|"
    r"be\s+(?:delivered|shipped|sent|paid|released|cleared|honou?red|cashed|opened|used|read|driven|flown))\b", _I)
# Asides that mock on their own, wherever they sit: with one of these any general verb makes the lecture
# ("Wheel nuts need tightening, funnily enough", "A roof with slates missing will, funnily enough, let
# the rain in").
_MOCKING_RE = re.compile(r"\b(?:funnily|oddly|strangely)\s+enough\b|\bbelieve\s+it\s+or\s+not\b|,\s*you\s+know\s*[.!]", _I)

# A generic subject at the start of a clause: a bare noun (plural or mass) or "a/an …", then perhaps a
# short qualifier ("that isn't paid for", "with slates missing") and an aside between commas.
_CLAUSE_START = r"(?:^|[,:;]\s*|\b(?:that|since|because|so|and|but)\s+)"
_NOT_NOUN = (r"(?!(?:the|your|our|my|their|his|her|its|this|that|these|those|we|you|they|he|she|it|i|me|us|them|there|here|"
             r"what|which|who|some|any|all|each|every|no|one|none|both|most|as|if|when|please|just|so|then|also|thanks|sorry|"
             r"and|but|or|nor|yet|because|since|though|although|while|not|never)\b)")
_WORD = _NOT_NOUN + r"[a-z-]+"
_QUALIFIER = r"(?!(?:i|we|you|he|she|they)\b)[a-z'-]+"  # "that isn't paid for", "with no words on them"
_SUBJECT = (rf"(?P<subject>(?:an?\s+(?:{_WORD}\s+){{0,2}}?{_WORD}|(?:{_WORD}\s+)?{_WORD})"
            rf"(?:\s+(?:that|which|with|without|in|on)(?:\s+{_QUALIFIER}){{1,5}}?)?)(?:\s*,(?P<aside>[^,.;:!?]{{1,40}}),)?\s+")
# Verbs of how a kind of thing works in general; "is/are" only beside a knowing aside.
_EMPHATIC = r"(?:does|do)\s+(?:(?:in\s+fact|of\s+course|actually|indeed|really|still)\s+)?(?:need|have\s+to|require)\b"
_GENERAL = (r"(?:needs?|requires?|has\s+to|have\s+to|must|will|won't|will\s+not|cannot|can't|can\s+not|can\s+only|only\s+[a-z]+s|"
            r"doesn't|don't|does\s+not|do\s+not|tends?\s+to|takes?|go|goes|mean|means|is|are)\b")
# What makes a general verb a claim about how things work: a purpose or a condition in the clause.
_CONDITION = (r"[^.;:!?]{0,60}?\b(?:to\s+[a-z]+|before\s+(?:it|they|he|she|anyone|anybody|you|we|the\s+[a-z]+)\s+(?:can|will|is|are)|"
              r"before\s+(?:it|he|she|anyone|anybody)\s+(?!(?:has|was|is|does)\b)[a-z]+s\b|"
              r"before\s+(?:it|they|he|she|anyone|anybody|you|we)\s+(?:has|have|had)\s+(?!been\b)[a-z]+ed\b|"
              r"if\s+(?:nobody|no\s+one|no-one|you|he|she|they|the|it|there)|unless|until|without|once|(?:in\s+order|so)\s+(?:to|that)|"
              # a machine that is off fails at its plain job: "a computer cannot be accessed when it is switched off"
              r"(?:when|while|whenever)\s+(?:it|they|the\s+[a-z-]+)(?:'s|'re|\s+is|\s+are)\s+(?:(?:still|completely|fully)\s+)?(?:switched\s+off|turned\s+off|"
              r"unplugged|powered\s+(?:down|off)|off|empty|flat|dead|disconnected|offline)|"
              r"for\s+(?:it|them|us|him|her|anyone)\s+to|"
              # a direction set against its opposite: "water goes down and not up"
              r"(?:and\s+|,\s*)not\s+(?:up|down|uphill|downhill|upwards|downwards|backwards|forwards|in\s+reverse))\b")

# "does usually need" is a claim's verb too, but only an aside makes it a lecture ("A ringing phone does
# usually need picking up, you know"; "Boilers do usually need servicing once a year" is advice).
_HEDGED = r"(?:does|do)\s+(?:usually|generally|normally|typically)\s+(?:need|have\s+to|require)\b"
_CLAIM = re.compile(_CLAUSE_START + _SUBJECT + rf"(?P<verb>{_EMPHATIC}|{_HEDGED}|{_GENERAL})", _I)
_CONDITION_RE = re.compile(_CONDITION, _I)
_EMPHATIC_RE = re.compile(_EMPHATIC, _I)
# "is/are" states what a kind of thing is ("is wet", "is a liquid"), not a rule ("is required", "are
# non-refundable", "is due").
_POLICY = re.compile(r"^(?:is|are)\s+(?:(?:not|also|always|usually|normally|strictly)\s+)?(?:[a-z-]+(?:ed|able|ible)|due|subject|open|closed|free|available|limited|mandatory|optional|on|at|in|by|from|for|to)\b", _I)
# A claim that insists without an aside.
_INSISTS = re.compile(
    rf"^{_EMPHATIC}"                                                        # "does need"
    r"|^(?:needs?|has\s+to|have\s+to|must)\s+(?:to\s+)?actually\b"            # "need to actually be posted"
    r"|^only\s+[a-z]+s\s+if\s+(?:you|he|she|they|someone|somebody|people)\s+actually\b"  # "only works if you actually…"
    # "need fuel in it to run", "need to be plugged in to stay cold": a basic input for the thing's basic
    # job, ending the claim; a schedule or a quantity ("need watering twice a week") is advice.
    r"|^needs?\s+(?:to\s+be\s+[a-z-]+(?:\s+in)?|(?:a\s+|an\s+|some\s+)?(?:[a-z-]+\s+){0,2}?[a-z-]+(?:\s+(?:in|on)\s+(?:them|it|the\s+[a-z-]+(?:\s+[a-z-]+)?))?)\s+to\s+"
    r"(?:work|run|print|turn\s+on|switch\s+on|start|arrive|open|lock|survive|grow|live|stay\s+[a-z-]+|keep\s+[a-z-]+|"
    r"heat\s+(?:up|the\s+[a-z-]+)|cool\s+down|be\s+delivered|be\s+paid|function|operate|charge|move|drive|go|fly|float|cook|"
    r"boil|burn|light\s+up|take\s+(?:pictures|photos))(?:\s+properly|\s+correctly|\s+at\s+all)?\s*(?:[.!]|$|,\s*(?:so|which|as|and\s+that)\b)"
    r"|^(?:cannot|can't|can\s+not|won't|will\s+not)\s+[^.;:!?]{1,40}?\bif\s+(?:nobody|no\s+one|no-one)\b"  # "cannot deliver if nobody…"
    # a thing has to exist before anything is done with it: "a document has to exist before anyone can translate it",
    # "a product cannot be shipped before it has been made"
    r"|^(?:has|have|needs?|must)\s+to\s+(?:actually\s+)?exist\s+(?:before|for)\b"
    r"|^(?:cannot|can't|can\s+not)\s+be\s+[a-z]+ed\s+(?:before|until)\s+(?:it|they)\s+(?:(?:has|have)\s+been|(?:is|are))\s+(?:actually\s+)?(?:made|built|written|produced|manufactured|created|invented)\b",
    _I)
# A plain fact about kinds that takes a general verb but is no lecture: the writer's offer or thanks.
# "I'll state what ought to go without saying" is the lecture's own preface, not an offer.
_OWN_SIDE = re.compile(r"(?<!before\s)(?<!until\s)(?<!unless\s)(?<!\bif\s)(?<!\bonce\s)\b(?:we(?:'ll|\s+will|\s+can|'d|\s+would)|I(?:'ll|\s+will|\s+can|'d\s+be)(?!\s+(?:state|say|point\s+out|spell|repeat|remind))|happy\s+to|glad\s+to|thank\w*)\b", _I)
# The same insistence said to the reader: "you have to actually buy it to have it", "you will need to
# actually sign it for it to bind anyone": the thing only works if the reader does the obvious.
_YOU_ACTUALLY = re.compile(
    r"\byou(?:'ll|\s+will|'d|\s+would)?\s+(?:(?:have|need)\s+to|must)\s+actually\s+[a-z]+\s+(?:it|them|one)\s+"
    r"(?:to|for\s+(?:it|them)\s+to|before\s+(?:it|they)\s+(?:can|will))\s+[a-z]+", _I)

# The sentences worth reading (one RE2 scan of the draft): a knowing aside, or the first words of an insistence.
_GATE = fast(rf"{_KNOWING}|\b{_EMPHATIC}|\bneeds?\b|\bactually\b|\bonly\s+[a-z]+s\s+if\b|\bif\s+(?:nobody|no\s+one|no-one)\b|\bto\s+(?:actually\s+)?exist\b|\b(?:before|until)\s+(?:it|they)\s+(?:has|have|is|are)\b")


@python_check("truism")
def truism(draft, rule):
    for index in sorted({index for index, _, _ in scan(draft, _GATE)}):
        sentence = draft.sentences[index]
        body = sentence.text
        if sentence.is_question or _OWN_SIDE.search(body):
            continue  # a question, or the writer's own offer or thanks: no lecture
        knowing = _KNOWING_RE.search(body)
        for claim in _CLAIM.finditer(body):
            if claim.start("subject") and body[claim.start("subject")].isupper():
                continue  # a name mid-sentence ("As you know, Dynegy is…") is one thing, not a kind
            rest = body[claim.start("verb"):]
            if knowing:
                if claim.group("verb").lower() in ("is", "are"):
                    # what a kind of thing is, with the aside inside the claim: "Water, as you may know, is wet"
                    if not (claim.start("aside") <= knowing.start() < claim.end("aside")) or _POLICY.match(rest):
                        continue
                elif not (_EMPHATIC_RE.match(rest) or _INSISTS.match(rest) or _CONDITION_RE.match(body, claim.end("verb"))
                          or _MOCKING_RE.search(body) or _NOBODY_RE.search(claim.group("subject"))
                          or (_LACKING_RE.search(claim.group("subject")) and _FAILS_RE.match(rest))):
                    continue
            elif not _INSISTS.match(rest):
                continue
            start = min(claim.start("subject"), knowing.start()) if knowing else claim.start("subject")
            end = max(len(body.rstrip(".!… ")), knowing.end() if knowing else 0)
            if quoted_at(draft, sentence.start + claim.start("subject")):
                break
            yield Hit(sentence.start + start, sentence.start + end)
            break
        else:
            you = _YOU_ACTUALLY.search(body)
            if you and not quoted_at(draft, sentence.start + you.start()):
                yield Hit(sentence.start + you.start(), sentence.start + len(body.rstrip(".!… ")))
