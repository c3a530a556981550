"""Condescension written as shapes, not phrases (session 9: devices that new writers word afresh).

- `grand_feat`: a task compared, in the negative, with a famously hard feat ("isn't exactly
  building a space station", "hardly a moon landing", "it's not like we're landing a plane here",
  "It's a sprinkler head, not a nuclear reactor"). The feat is a word class (space flight, surgery,
  nuclear power, higher maths, defusing a bomb…); the frame is a negation, "hardly", "not exactly",
  "not like we're…" or a contrast ", not a…". A feat said plainly ("Our client is a brain
  surgeon") or of the writer ("I'm no rocket scientist") passes, and so does reassurance
  ("Don't worry, it's not rocket science; I'll walk you through it").
- `emphatic_try`: an imperative asking the reader to make an effort, with an emphatic "do" ("Do
  make an effort to…", "Please do try to…") or a reproach of past failure ("Try to actually…",
  "…this time", "…for once"). "Please try to arrive by nine" passes.
- `sarcastic_thanks`: thanks for the reader's act with a reproach of its timing ("Thanks so much
  for letting us know the morning of the shoot", "…two hours before doors opened", "Thank you for
  finally replying"), and the verdict that often follows ("Really helpful, that.").
- `sarcastic_interjection`: a cry of delight said flat about a setback: "Wonderful." or "Oh,
  marvellous." after "The artwork arrived with the old barcode again", or "Oh great, another
  set with the last page missing". Delight at good news ("The deposit is in. Great."), delight
  with an exclamation mark, or delight followed by thanks passes.
"""
from __future__ import annotations

import re

from ..rules.conditions import in_quotation
from .registry import Hit, python_check

_I = re.IGNORECASE

# ---- grand_feat
_FEAT = re.compile(
    r"\b(?:rocket\s+science|brain\s+surgery|(?:open[\s-])?heart\s+surgery|neurosurgery|keyhole\s+surgery|heart\s+transplant"
    r"|a\s+PhD(?:\s+(?:exam|thesis|dissertation|viva))?|heavy\s+lifting|building\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:bridge|cathedral|skyscraper|pyramids?|great\s+wall|tower|stadium|dam)"
    r"|space\s+(?:station|shuttle|rocket|programme|program|mission|launch)|moon\s+landing|moonshot|mission\s+to\s+mars"
    r"|nuclear\s+(?:reactor|physics|power\s+(?:station|plant)|submarine|fusion|science)"
    r"|(?:land(?:ing)?|fly(?:ing)?|pilot(?:ing)?)\s+(?:a|an|the)\s+(?:plane|jumbo(?:\s+jet)?|jet|747|airliner|aircraft|helicopter|space\s+shuttle)"
    r"|(?:put(?:ting)?|send(?:ing)?|land(?:ing)?)\s+(?:a\s+man|someone|people|a\s+rover)\s+on\s+(?:the\s+moon|mars)"
    r"|(?:defus(?:e|ing)|disarm(?:ing)?)\s+(?:a|the)\s+bomb|split(?:ting)?\s+the\s+atom"
    r"|quantum\s+(?:physics|mechanics|computing)|astrophysics|particle\s+physics|theoretical\s+physics"
    r"|advanced\s+(?:mathematics|maths|math|physics|calculus)|calculus|differential\s+equations"
    r"|climbing\s+everest|(?:climb(?:ing)?|scal(?:e|ing)|summit(?:ing)?|conquer(?:ing)?)\s+(?:mount\s+[\w-]+|everest|kilimanjaro|k2|the\s+(?:matterhorn|eiger|alps|himalayas|andes)|mont\s+blanc|a\s+mountain)"
    r"|(?:land(?:ing)?|walk(?:ing)?)\s+(?:a\s+man\s+)?on\s+the\s+moon|swim(?:ming)?\s+the\s+(?:channel|atlantic)|(?:cross(?:ing)?|row(?:ing)?)\s+the\s+(?:atlantic|pacific|sahara|antarctic)|(?:curing|cure\s+for|a\s+cure\s+for)\s+cancer|world\s+peace|the\s+sistine\s+chapel|the\s+pyramids"
    r"|the\s+manhattan\s+project|a\s+marathon"
    # An academic feat ("a degree in finance", "a doctoral thesis", "a master's"): only beside a sarcastic
    # frame ("hardly requires a degree in finance"); "the role does not require a degree" is a plain fact.
    r"|(?:a\s+)?(?:university\s+|college\s+)?(?:degree|doctorate|master'?s(?:\s+degree)?|diploma|doctoral\s+(?:thesis|dissertation)|dissertation)(?:\s+in\s+[\w-]+)?)\b",
    _I)
_DEGREE_FEAT = re.compile(r"(?:a\s+)?(?:university\s+|college\s+)?(?:degree|doctorate|master|diploma|doctoral|dissertation)", _I)
# What must stand right before the feat: a negation or "hardly", then perhaps "exactly", "like we're",
# a verb of doing and an article.
_FEAT_FRAME = re.compile(
    r"(?:\b(?:isn't|is\s+not|wasn't|was\s+not|aren't|are\s+not|weren't|ain't|it's\s+not|not|hardly|scarcely)"
    r"(?:\s+(?:exactly|really|quite|just|precisely|like\s+(?:we're|you're|I'm|we\s+are|you\s+are|I\s+am|anyone's|anybody's|someone's|it's|this\s+is|they're|he's|she's|we've\s+got\s+to|you've\s+got\s+to|we\s+have\s+to|you\s+have\s+to)"
    r"|as\s+(?:if|though)\s+(?:we're|you're|I'm|it's|we\s+are|you\s+are)|asking\s+(?:you|them|anyone)\s+(?:to|for)|(?:being\s+)?asked\s+to))*"
    r"(?:\s+(?:building|doing|performing|attempting|running|launching|designing|solving|negotiating|asking\s+for|achieving|inventing"
    r"|requires?|requiring|takes?|taking|calls?\s+for|needs?|needing))?"
    r"(?:\s+(?:an?|the))?\s+)$",
    _I)
# Feats that are also real trips ("we are not crossing the Atlantic until the weather clears", "the trek isn't
# climbing Kilimanjaro"): only a sarcastic "exactly", "hardly", "quite" or "like" makes them the comparison.
_TRIP_FEAT = re.compile(r"(?:(?:climb|scal|summit|conquer)\w*\s+(?:mount|kilimanjaro|k2|the|mont|a\s+mountain)|(?:land|walk)\w*\s+(?:a\s+man\s+)?on\s+the\s+moon"
                        r"|(?:swim|cross|row)\w*\s+the)\b", _I)
_NEED_FRAME = re.compile(r"\b(?:requires?|requiring|takes?|taking|calls?\s+for|needs?|needing)\s+(?:(?:an?|the)\s+)?$", _I)
_SARCASTIC_FRAME = re.compile(r"\b(?:exactly|hardly|scarcely|quite|precisely|like)\b", _I)
_REASSURANCE = re.compile(
    r"\b(?:don't\s+worry|no\s+worries|not\s+to\s+worry|good\s+news|luckily|thankfully|happy\s+to\s+help|glad\s+to\s+help"
    r"|I'll\s+(?:show|help|walk|talk)|we'll\s+(?:show|help|walk|talk))\b|\b(?:I'm|I\s+am|we're|we\s+are)\s+(?:no|not\s+(?:a|an))\b"
    # The writer's own struggle ("isn't brain surgery, but it sure took me a whole afternoon") is self-mockery.
    r"|\bbut\s+(?:it\s+)?(?:sure\s+|still\s+|definitely\s+|honestly\s+)?took\s+(?:me|us)\b"
    # ... or the writer's own slip ("was not rocket science, and still I managed to break it, my fault").
    r"|\b(?:my|our)\s+(?:fault|mistake|bad|error)\b|\b(?:I|we)\s+(?:still\s+)?managed\s+to\s+(?:break|mess|botch|miss|get\s+it\s+wrong)\b",
    _I)
_COPULA_FRAME = re.compile(r"^(isn't|is\s+not|wasn't|was\s+not|aren't|are\s+not|weren't|ain't)\b", _I)
_FEAT_MESSAGE = "“{}” belittles the task and the person who found it hard."


def _feat_replacement(frame: str) -> str:
    """What the frame plus feat becomes: the plain statement that the task is quick."""
    copula = _COPULA_FRAME.match(frame)
    if copula:
        word = copula.group(1).lower()
        return {"wasn't": "was", "was not": "was", "aren't": "are", "are not": "are", "weren't": "were"}.get(
            re.sub(r"\s+", " ", word), "is") + " quick"
    if frame.lower().startswith(("hardly", "scarcely")):
        return "quick"
    return "it's a quick one"  # "it's not like we're landing a plane here"


@python_check("grand_feat")
def grand_feat(draft, rule):
    for sentence in draft.sentences:
        text = sentence.text
        for m in _FEAT.finditer(text):
            frame = _FEAT_FRAME.search(text, 0, m.start())
            if frame is None or _REASSURANCE.search(text):
                continue
            if _TRIP_FEAT.match(m.group(0)) and not _SARCASTIC_FRAME.search(frame.group(0)):
                continue
            # "will not need heavy lifting gear", "does not require a degree": a need said plainly is a fact;
            # only "hardly", "exactly"… make the need, or an academic feat, the comparison.
            if (_DEGREE_FEAT.match(m.group(0)) or _NEED_FRAME.search(frame.group(0))) and not _SARCASTIC_FRAME.search(frame.group(0)):
                continue
            start, end = frame.start(), m.end()
            # A contrast (", not a nuclear reactor") goes with its comma; "it's not like we're…" is one clause.
            before = text[:start]
            contrast = before.rstrip().endswith(",") and text[start:end].lower().startswith("not")
            if contrast:
                start = before.rstrip().rfind(",")
            if in_quotation(draft, sentence.start + start, sentence.start + end):
                continue
            replacement = "" if contrast else _feat_replacement(text[frame.start():m.start()])
            if text[frame.start()].isupper():  # capitalised like the words it replaces
                replacement = replacement[:1].upper() + replacement[1:]
            phrase = text[start:end].lstrip(", ")
            yield Hit(sentence.start + start, sentence.start + end, values={"phrase": phrase},
                      replacements=(replacement,), message=_FEAT_MESSAGE.format(phrase))
            break


# ---- emphatic_try
_EFFORT = (r"(?:try\s+(?:to|and)|make\s+(?:an|the|some|a\s+real|a\s+proper|every|more\s+of\s+an|a\s+bit\s+more|more)\s+effort(?:\s+to)?"
           r"|attempt\s+to|endeavou?r\s+to|bother\s+to)")
# A vocative or a "right," before the imperative: "Tom, do try to…", "Right, please try to…".
_ADDRESS = r"(?:(?:[A-Z][\w'-]+|right|ok(?:ay)?|now|so|and)\s*,\s*)?"
_DO_TRY = re.compile(r"^\W*" + _ADDRESS + r"(?:please\s+|kindly\s+)?(?:do\s+(?:please\s+)?|please\s+do\s+)" + _EFFORT + r"\s+", _I)
_PLAIN_TRY = re.compile(r"^\W*" + _ADDRESS + r"(?:please\s+|kindly\s+)?" + _EFFORT + r"\s+", _I)
_FAILURE_MARK = re.compile(r"\b(?:actually|for\s+once|this\s+time|at\s+least|properly)\b", _I)
_THIS_TIME = re.compile(r"\s*,?\s+(?:this\s+time|for\s+once)\b", _I)
_TAG_QUESTION = re.compile(r",\s*(?:won't|will|would|can't|could)\s+you\s*\?+\s*$", _I)
_WELL_WISHING = re.compile(r"(?:enjoy|relax|rest|unwind|have\s+(?:some\s+)?fun|take\s+it\s+easy|get\s+some\s+(?:rest|sleep)|switch\s+off)\b", _I)
_TRY_MESSAGE = "“{}” scolds the reader like a child."
_OPENER = re.compile(r"^[\s\"'(]*" + _ADDRESS, _I)


@python_check("emphatic_try")
def emphatic_try(draft, rule):
    for sentence in draft.sentences:
        text = sentence.text
        if sentence.is_question and not _TAG_QUESTION.search(text):
            continue  # a real question; "Do try to…, won't you?" is an order with a tag
        frame = _DO_TRY.match(text)
        if frame is None:
            frame = _PLAIN_TRY.match(text)
            if frame is None or not _FAILURE_MARK.search(text, frame.end(), frame.end() + 60):
                continue
        if _WELL_WISHING.match(text, frame.end()):
            continue  # "do try to enjoy the break" wishes the reader well
        # The finding starts at "please"/"do"/"try" (a vocative before it stays) and runs to "this time"
        # when the sentence has one, so the rewrite drops both: "Do make an effort to send X this time"
        # -> "Please send X".
        opener = _OPENER.match(text)
        start = opener.end() if opener else 0
        tail = _THIS_TIME.search(text, frame.end())
        end = tail.start() + len(tail.group().rstrip()) if tail else frame.end()
        if not tail:
            actually = re.match(r"(?:actually|properly)\s+", text[end:], _I)
            end += actually.end() if actually else 0
        if in_quotation(draft, sentence.start + start, sentence.start + end):
            continue
        please = "Please " if start == len(text) - len(text.lstrip(" \"'(")) else "please "
        if tail:
            middle = re.sub(r"^(?:actually|properly)\s+", "", text[frame.end():tail.start()], flags=_I)
            replacement = please + middle.rstrip(" ,")
        else:
            replacement = please.rstrip()
        phrase = text[start:end].strip()
        yield Hit(sentence.start + start, sentence.start + end, values={"phrase": phrase},
                  replacements=(replacement,), message=_TRY_MESSAGE.format(phrase))


# ---- sarcastic_thanks
_THANKS = re.compile(
    r"\b(?:thanks|thank\s+you|cheers|many\s+thanks|much\s+appreciated|(?:I|we)\s+(?:really\s+|do\s+)?appreciate(?:\s+(?:it|you))?|appreciate(?:\s+(?:it|you))?|grateful)"
    r"(?:\s+(?:so+|very|ever\s+so)\s+much|\s+a\s+lot|\s+a\s+million|\s+a\s+bunch|\s+a\s+ton|\s+heaps|\s+loads)?\s+(?:for\s+)?(?P<act>(?:[^.;:!?\u2014\u2013]|(?<=\b[ap])\.(?=\s?m\.)|(?<=\b[ap]\.m)\.|(?<=\b[ap]\.\sm)\.){3,160})",  # "11 p.m." stays in the act
    _I)
_READERS_ACT = re.compile(
    r"^(?:(?:finally|eventually|at\s+last|belatedly|for\s+once)\s+)?(?:letting|telling|informing|warning|notifying|updating|alerting|reading|replying|responding|"
    r"getting\s+back|sending|answering|looking|calling|confirming|checking|showing\s+up|turning\s+up|joining|coming|giving|flagging|mentioning|"
    r"your|(?:all\s+)?the\s+(?:[\w'-]+\s+){0,3}?(?:heads-up|notice|warning|update|reply|response|call|email|message))\b",
    _I)
_LATE = re.compile(
    r"\b(?:finally|eventually|at\s+(?:long\s+)?last|belatedly|for\s+once|this\s+time)\b"
    r"|\b(?:(?:a\s+)?(?:mere|measly|whole|full|good|solid)\s+)?(?:\d+|a|an|one|two|three|four|five|six|ten|twenty|thirty|forty|a\s+few|a\s+couple\s+of)\s+(?:(?:whole|full|good|solid|measly|mere)\s+)?(?:minutes?|hours?)\s+(?:before|ahead\s+of|after)\b"
    # notice counted in minutes, or in an hour or two ("the forty-five minutes' notice", "an hour's warning")
    r"|\b(?:\d{1,3}|five|ten|fifteen|twenty|thirty|forty|fifty|sixty|ninety|a\s+few|[a-z]+ty-[a-z]+)\s+minutes?'?s?\s+(?:of\s+)?(?:notice|warning|heads-up)\b"
    r"|\b(?:an|one|two|three|a\s+few|a\s+couple\s+of|[1-3])[\s-]+hours?'?s?\s+(?:of\s+)?(?:notice|warning|heads-up)\b"
    r"|\bthe\s+(?:morning|afternoon|evening|day)\s+of\b|\bthe\s+(?:night|evening)\s+before\b"
    r"|\bafter\s+[^.!?]{0,30}?\b(?:had|'d)\s+already\b|\b(?:a|one|two|three|\d)\s+days?\s+out\s+from\b"
    r"|\bat\s+(?:\d{1,2}(?:[:.]\d\d)?\s*(?:o'clock|pm|p\.m\.|am|a\.m\.)?|ten|eleven|midnight)\b[^.!?]{0,25}\bnight\b|\bat\s+midnight\b"
    r"|\b(?:days|weeks|a\s+week|a\s+month|months|a\s+fortnight|(?:a\s+)?(?:whole|full|good)\s+(?:week|fortnight|month))\s+(?:late|later|after)\b|\bonly\s+after\s+(?:the|our|we|I)\b"
    r"|\bonly\s+(?:a|one|two|three|four|\d)\s+(?:days?|hours?)\s+(?:before|ahead\s+of)\b"
    # news that came once the boat had gone ("after the vessel sailed", "after the cut-off had passed"), or
    # at night at the start of a weekend ("at 11 p.m. on a Friday")
    r"|\bafter\s+(?:the|our|your)\s+(?:[\w-]+\s+){0,2}?(?:had\s+(?:already\s+)?)?(?:sailed|departed|taken\s+off)\b"
    r"|\bafter\s+(?:the|our|your)\s+(?:vessel|ship|boat|truck|lorry|plane|flight|container|shipment|train|van|courier|driver)\s+(?:had\s+(?:already\s+)?)?(?:left|gone)\b"
    r"|\bafter\s+the\s+(?:[\w-]+\s+)?(?:deadline|cut-?off|closing\s+date)\s+(?:had\s+(?:already\s+)?)?(?:passed|closed|gone)\b"
    r"|\bat\s+\d{1,2}(?:[:.]\d\d)?\s*(?:pm|p\.\s?m\.?)\s+on\s+a\s+(?:Friday|Saturday|Sunday)\b"
    # "the generous two days' notice": a lavish word on a short notice
    r"|\b(?:generous|ample|lavish|luxurious|plentiful|whole|full)\s+(?:(?:one|two|three|a\s+few|\d{1,2}|twenty-four|forty-eight)\s+(?:hours?|minutes?|days?)'?s?"
    r"|(?:a|one)\s+day's|an\s+hour's|(?:twenty-four|forty-eight|24|48)-hour)\s+(?:of\s+)?(?:notice|warning|heads-up)\b"
    r"|\b(?:a|one|two|\d|the)\s+days?\s+(?:before|ahead\s+of)\s+(?:the\s+|our\s+|your\s+)?(?:launch|deadline|event|wedding|conference|go-?live|opening|shoot|show|trip|flight|move|handover|gala|party|dinner|ceremony|festival|fair|expo|summit|concert|reception|premiere|fundraiser|auction|harvest|audit|inspection|shipment|shipping\s+date|dispatch|delivery|installation|commissioning|start-?up|surgery|procedure|appointment|closing|move-?in)\b",
    _I)
# Thanks for something done behind the writer's back ("for moving every outlet without running it by me"):
# the act need not be news, and no timing is needed.
_UNASKED = re.compile(
    r"\bwithout\s+(?:first\s+)?(?:asking|consulting|checking\s+with|running\s+(?:it|this|that|them)\s+(?:by|past)|telling|warning|informing"
    r"|letting\s+(?:me|us|anyone|anybody)\s+know|a\s+word\s+to)\s+(?:me|us|anyone|anybody|the\s+(?:team|client|office|rest\s+of\s+us))\b",
    _I)
_VERDICT = re.compile(
    r"^\W*(?:(?:really|real|truly|very|so|super|ever\s+so|most|how)\s+)?(?:helpful|useful|appreciated|considerate|thoughtful|kind)(?:\s+of\s+you)?(?:,\s*that)?\s*[.!]*\W*$",
    _I)
# Thanks that go on to say the timing still helped ("…two days before the shipment, that gave us time
# to rebook") are sincere.
_TIMELY = re.compile(
    r"\b(?:(?:it|that|which)\s+(?:really\s+)?helped|gave\s+us\s+(?:time|a\s+chance|enough\s+time)|(?:just\s+)?in\s+time|saved\s+(?:us|the|me)|so\s+(?:that\s+)?(?:we|I)\s+(?:could|can)|meant\s+(?:we|I)\s+could|lifesaver|life-saver)\b",
    _I)
_THANKS_MESSAGE = "Thanks with a jab at the timing reads as sarcasm."


@python_check("sarcastic_thanks")
def sarcastic_thanks(draft, rule):
    sentences = draft.sentences
    verdict = None  # the sentence after a finding, when it is the verdict the finding already covers
    for i, sentence in enumerate(sentences):
        if i == verdict:
            continue
        m = _THANKS.search(sentence.text)
        if m is None or not (_READERS_ACT.search(m.group("act")) and _LATE.search(m.group("act"))
                             or _UNASKED.search(m.group("act"))):
            continue
        if in_quotation(draft, sentence.start + m.start(), sentence.start + m.end()):
            continue
        if _TIMELY.search(sentence.text, m.start()):
            continue
        end = sentence.end
        if i + 1 < len(sentences) and _VERDICT.match(sentences[i + 1].text):
            end, verdict = sentences[i + 1].end, i + 1
        yield Hit(sentence.start, end)


# ---- sarcastic_interjection
_DELIGHT = r"(?:great|wonderful|marvell?ous|brilliant|fantastic|perfect|lovely|super|terrific|splendid|fabulous|excellent|amazing|awesome)"
# The cry, perhaps doubled or sealed ("Brilliant, truly", "Great, love that"), and what follows it in its sentence.
_CRY = re.compile(
    rf"^\W*(?P<oh>(?:oh|wow|ah)\s*,?\s+)?{_DELIGHT}(?:\s*,\s*(?:(?:just|truly|really|simply|absolutely)\s+{_DELIGHT}|truly|really|love\s+(?:that|it)))?"
    r"\s*(?P<rest>.*)$", _I | re.S)
# A setback: a repeat, a change, something missing, wrong, late or broken.
_SETBACK = re.compile(
    r"\b(?:again|another|once\s+more|(?:\w+\s+)?(?:week|day|time|month)\s+running|instead\s+of|wrong|missing|without|never|no\s+longer|late|"
    r"cancell?ed|broke|broken|deleted|lost|changed|crashed|failed|bounced|forgot|forgotten|went\s+down|unsigned|blank|"
    r"(?:photo(?:graph)?s?|scans?|pictures?)\s+of|(?:in|into)\s+the\s+(?:[\w-]+\s+){0,3}?field|old)\b", _I)
# Without "oh", the setback in the cry's own sentence must open on a repeat: "Fabulous, another change."
_REPEAT_NEXT = re.compile(r",\s*(?:another|yet\s+again|again)\b", _I)
# Good news or thanks beside the cry makes it sincere.
_GOOD = re.compile(
    r"\b(?:fixed|sorted|resolved|solved|approved|confirmed|thank\w*|good\s+news|better|on\s+time|ahead\s+of|early|back\s+(?:up|online)|"
    r"(?:all|safely)\s+(?:arrived|in)|congrat\w*|well\s+done|love(?:d|ly)?\b(?!\s+(?:that|it)\b))\b", _I)


@python_check("sarcastic_interjection")
def sarcastic_interjection(draft, rule):
    sentences = draft.sentences
    for i, sentence in enumerate(sentences):  # a sentence's text is already trimmed
        text = sentence.text
        m = _CRY.match(text)
        if m is None or text.endswith("!") or sentence.is_question or _GOOD.search(m.group("rest")):
            continue
        rest = m.group("rest").strip()
        before = sentences[i - 1] if i else None
        if not rest or rest in (".", "…"):
            # the cry alone, after a setback told in the sentence before it
            told = before is not None and not before.is_question and _SETBACK.search(before.text) and not _GOOD.search(before.text)
        else:
            # the cry and the setback in one sentence: "Oh great, another set with the last page missing."
            told = rest[0] == "," and (m.group("oh") or _REPEAT_NEXT.match(rest)) and _SETBACK.search(rest)
        if told and not in_quotation(draft, sentence.start, sentence.end):
            yield Hit(sentence.start, sentence.end)
