"""Apology devices named by their grammar rather than their words.

Each check reads one shape, whatever words a writer fills it with:
`empty_pledge`: a first-person promise to be or do better that names no step ("We'll up our game").
`permission_apology`: the apology made the object of a request for permission ("Is it okay if I apologise").
`signoff_apology`: an apology standing in the valediction slot ("So sorry for all the trouble,\\nClaire").
`space_apology`: apologising for the writer's own message taking the reader's space ("cluttering your inbox").
`asking_apology`: apologising for having to ask at all ("Sorry to even ask", "I feel awful asking").
`catastrophizing`: the writer's slip told as total ruin ("I've completely ruined your launch").
`shame_wish`: a wish to vanish from shame ("I want to crawl under my desk", "I could curl up and die").
"""
from __future__ import annotations

import re

from ..text.regex import fast
from .apologies import ADMISSION, APOLOGY, _apologies, _first_per_sentence, scan
from .commitments import CONCRETE_TIME, without_quotations
from .registry import Hit, python_check

_I = re.IGNORECASE


def _sentence_end(draft, index: int) -> int:
    sentence = draft.sentences[index]
    return sentence.start + len(sentence.text.rstrip())


_CLAUSE_BREAK = re.compile(r"[,;:]|\s[\u2014\u2013-]\s|\u2014")
_CLAUSE_BREAK_OR_BUT = re.compile(_CLAUSE_BREAK.pattern + r"|\bbut\b")


def _clause_end(draft, index: int, end: int, text: str, breaks: re.Pattern = _CLAUSE_BREAK) -> int:
    """Where the clause that reaches `end` (a draft offset in sentence `index`, whose text is `text`) stops:
    the next break after it, or the sentence's end."""
    cut = breaks.search(text, end - draft.sentences[index].start)
    return draft.sentences[index].start + cut.start() if cut else _sentence_end(draft, index)


# --- empty do-better pledge -------------------------------------------------------------------
# The writer's future self, improved, with no step named: "I'll be better", "we will make sure to raise our game".
PLEDGE = fast(
    r"\b(?:I|we)(?:'ll|\s+will|\s+shall|'m\s+going\s+to|'re\s+going\s+to|\s+(?:am|are)\s+going\s+to|\s+promise\s+to)\s+"
    r"(?:(?:really|definitely|truly|genuinely|honestly|make\s+sure\s+(?:to|(?:I|we)\s+(?:will\s+)?)|try\s+(?:to|and)|do\s+(?:my|our)\s+(?:very\s+)?best\s+to"
    r"|endeavou?r\s+to|aim\s+to|strive\s+to|work\s+(?:on|at)|all|be\s+sure\s+to)\s+){0,2}"
    r"(?:be\s+(?:\w+\s+)?(?:better|more\s+(?:careful|organi[sz]ed|attentive|reliable|thorough|on\s+the\s+ball))|do\s+(?:\w+\s+)?better|try\s+harder|work\s+harder"
    r"|improve|up\s+(?:our|my)\s+game|raise\s+(?:our|my)\s+game|lift\s+(?:our|my)\s+game|step\s+(?:it\s+|things\s+)?up|make\s+(?:more\s+of\s+an|an|a\s+(?:bigger|real|better|proper))\s+effort"
    r"|pull\s+(?:our|my)\s+socks\s+up|get\s+(?:our|my)\s+act\s+together|sharpen\s+up|tighten\s+(?:things\s+)?up|learn\s+from\s+(?:this|it|that|our|my))\b"
    r"|\blesson(?:s)?\s+(?:has\s+been\s+|have\s+been\s+)?learn(?:ed|t)\b"
)
# Pledges that own a miss without an apology beside them: "We promise to do better."
_BARE_PLEDGE = re.compile(r"\bpromise\s+to\b|\b(?:do|be)\s+(?:\w+\s+)?better\b|\btry\s+harder\b|\bgame\b|\bsocks\b|\bact\s+together\b", _I)
# A named step turns the pledge into a plan: "we'll do better by checking every invoice twice", "from Monday".
_PLEDGE_STEP = re.compile(r"\bby\s+\w+ing\b|\b(?:every|each)\s+\w+|:\s*\S|\b(?:checklist|second\s+check|double-?check|sign-?off|review\s+step|new\s+process|reminder|alert)\b", _I)


# After the pledge only a vague when may follow ("from here on", "in future", "I promise"): words after it
# make it a different sentence ("I'll try harder to guess what 'make it pop' means", sarcasm).
_PLEDGE_TAIL = re.compile(
    r"(?:[\s,]*(?:from\s+(?:here|now)\s+on(?:wards)?|going\s+forward|moving\s+forward|in\s+(?:the\s+)?future|next\s+time|from\s+now|this\s+time|henceforth"
    r"|(?:I|we)\s+promise|promise|honestly|truly|really|on\s+(?:this|that|these)|with\s+(?:this|that|these|things)|here|too|again|than\s+(?:this|that)"
    r"|by\s+(?:you|your\s+\w+|all\s+of\s+you))\b)*"
    r"[\s,]*(?:[.!;\u2014\u2013-]|$)", _I)


@python_check("empty_pledge")
def empty_pledge(draft, rule):
    """A pledge to be or do better after an apology or admission, naming neither a step nor a date."""
    owned = bool(_apologies(draft) or scan(draft, ADMISSION))
    for index, start, end in _first_per_sentence(scan(draft, PLEDGE)):
        if not owned and not _BARE_PLEDGE.search(draft.folded, start, end):
            continue  # "we'll improve the packaging" is a plan; "we promise to do better" owns a miss by itself
        text = without_quotations(draft.sentences[index].text)
        after = start + len(draft.text[start:end]) - draft.sentences[index].start
        if not _PLEDGE_TAIL.match(text, after) or _PLEDGE_STEP.search(text) or any(m.group().strip().lower() != "now" for m in CONCRETE_TIME.finditer(text)):
            continue
        yield Hit(start, _sentence_end(draft, index), replacements=(
            "Starting Monday, [date], every [report] gets a second check before it goes out.",))


# --- permission-seeking apology ---------------------------------------------------------------
# "if I apologise", and the writer's past a request for leave takes: "would it be okay if I apologized / I offered my apologies"
# (someone else's past, "may I ask whether the supplier apologised", asks no leave to apologise)
_APOLOGY_ACT = (r"(?:apologi[sz]e|say\s+(?:I'm\s+|I\s+am\s+)?sorry|said\s+sorry|saying\s+sorry|offer\s+(?:an?\s+|my\s+|our\s+)?(?:\w+\s+)?apolog\w*|express\s+(?:my|our)\s+(?:\w+\s+)?(?:apolog\w*|regret)"
                r"|I\s+(?:apologi[sz]ed|offered\s+(?:an?\s+|my\s+)?(?:\w+\s+)?apolog\w*|expressed\s+my\s+(?:\w+\s+)?(?:apolog\w*|regret)))")
_HOPE_OK = r"hope\s+(?:it's|it\s+is|that's)\s+(?:alright|all\s+right|okay|ok|fine)"
_PERMISSION = (
    r"(?:if\s+(?:it's|it\s+is|that's|that\s+is|you're|you\s+are)\s+(?:alright|all\s+right|okay|ok|fine|acceptable)"
    r"|(?:is|would)\s+it\s+(?:be\s+)?(?:alright|all\s+right|okay|ok|acceptable|appropriate)"
    r"|(?:allow|permit)\s+me|may\s+I|might\s+I|could\s+I|can\s+I|would\s+you\s+(?:mind|let\s+me)|if\s+I\s+may|if\s+you(?:'ll|\s+will|'d|\s+would)\s+(?:allow|permit|let)\s+me"
    r"|(?:you(?:'ll|\s+will|'d|\s+would))\s+(?:allow|let|permit)\s+me|" + _HOPE_OK + ")"
)
PERMISSION_APOLOGY = fast(
    rf"\b{_PERMISSION}\b[^.!?]{{0,60}}?\b{_APOLOGY_ACT}\b|\b{_APOLOGY_ACT}\b[^.!?]{{0,80}}?\b(?:if\s+(?:it's|it\s+is|that's|that\s+is)\s+(?:alright|all\s+right|okay|ok|fine|acceptable)"
    r"|if\s+you\s+(?:don't|do\s+not)\s+mind|if\s+I\s+may)\b"
    # a request of the writer's own wrapped in an apology: "Sorry, would it be okay if I moved our chat?"
    r"|\b(?:sorry|apologies)\s*[,!.\x{2014}\x{2013}-]+\s*(?:I\s+" + _HOPE_OK + r"\s*[,.]?\s*)?"
    r"(?:(?:would|is)\s+it\s+(?:be\s+)?(?:alright|all\s+right|okay|ok|acceptable)(?:\s+with\s+you)?\s+if\s+I|would\s+you\s+mind\s+(?:terribly\s+|awfully\s+)?if\s+I|may\s+I|could\s+I\s+possibly)\b"
    # leave asked for writing at all: "Sorry, I hope it's all right that I'm even writing to you about this"
    r"|\b(?:sorry|apologies)\s*[,!.\x{2014}\x{2013}-]+\s*I\s+" + _HOPE_OK + r"\s+(?:that|if)\s+I(?:'m|\s+am)?\s+(?:even\s+)?(?:writ|e-?mail|ask|contact|reach|rais|bring|mention|chas)\w*"
    # the request taken back in the same breath: "Only if it's not too much, sorry."
    r"|\bif\s+(?:it's|it\s+is)\s+not\s+too\s+much(?:\s+(?:trouble|bother|of\s+a\s+bother))?\s*[,\x{2014}\x{2013}-]*\s*(?:sorry|apologies)\b"
)


@python_check("permission_apology")
def permission_apology(draft, rule):
    """The apology asked leave for ("Would it be alright if I said sorry for the mix-up?"): the reader is
    handed the job of granting it."""
    for index, start, end in _first_per_sentence(scan(draft, PERMISSION_APOLOGY)):
        sentence = draft.sentences[index]
        what = _APOLOGY_FOR.search(sentence.text, start - sentence.start)
        said = f"I'm sorry {what.group(1)} {what.group(2).strip()}." if what else "I'm sorry."
        yield Hit(sentence.start, _sentence_end(draft, index), replacements=(said,))


# what the apology is for, up to a clause break: "for the tasting date mix-up"
_APOLOGY_FOR = re.compile(r"\b(for|about)\s+((?:(?!\bif\b)[^.?!,;:\u2014\u2013])+)", _I)


# --- apology as the sign-off ------------------------------------------------------------------
_NAME_LINE = re.compile(r"^\s*(?-i:[A-Z])[\w.'-]*(?:\s+(?-i:[A-Z&])[\w.'&-]*){0,3}\s*$")
# Under the name: a title or company line ("Key Account Sales, Osaka", "Sales Dept., Osaka")
_TITLE_LINE = re.compile(r"^\s*(?-i:[A-Z0-9])[^!?\n]{0,50}?$|^\s*(?-i:[A-Z])[\w.'-]*(?:\s+(?-i:[A-Z&])[\w.'&-]*){0,3}\s*$")


# What loads a closing apology: intensity, repetition, or everything at once.
_LOADED = re.compile(r"\b(?:so|very|truly|deeply|really|terribly|awfully|again|once\s+more|everything|all\s+the|profuse\w*|thousand|million|a\s+lot"
                     r"|deepest|sincerest|humblest|profound|heartfelt)\b|\bx\s*\d+", _I)


@python_check("signoff_apology")
def signoff_apology(draft, rule):
    """An apology in the valediction slot: the line before the writer's name, ending in a comma."""
    sentences = draft.sentences
    for index, start, end in _apologies(draft):
        if index + 1 >= len(sentences) or index == 0:
            continue
        sentence, name = sentences[index], sentences[index + 1]
        gap = draft.text[sentence.end:name.start]
        if not sentence.text.rstrip().endswith(",") or "\n" not in gap or not _NAME_LINE.match(name.text):
            continue
        if not _LOADED.search(sentence.text):
            continue  # "Sorry for the hassle,": one plain apology as the close is a courtesy
        if any(not _TITLE_LINE.match(later.text) for later in sentences[index + 2:]):
            continue  # a name line, then more than a title or company line: not the close of the message
        before = draft.text[:sentence.start].rstrip(" \t")
        if before and not before.endswith("\n"):
            continue  # the closing stands on a line of its own
        yield Hit(sentence.start, sentence.start + len(sentence.text.rstrip().rstrip(",")), replacements=("Thanks for your patience",))
        return


# --- apologising for the message taking space --------------------------------------------------
SPACE_APOLOGY = fast(
    r"\b(?:sorry|apologies|apologi[sz]e|forgive\s+me|excuse\s+me|pardon)\s+(?:(?:again|once\s+more|in\s+advance)\s+)?(?:for|about)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:(?:[\w'-]+\s+){1,6}?and\s+(?:for\s+)?)?(?:(?:clutter\w*|clog\w*|flood\w*|spamm?\w*|bombard\w*|fill\w*|stuff\w*|occupy\w*|occupi\w*|burden\w*|crowd\w*|jamm\w*)\s+(?:up\s+)?(?:your|the)\s+(?:\w+\s+)?(?:inbox|mailbox|e-?mail|feed|channel|thread|desk|day|calendar|screen)|tak(?:e|ing)\s+(?:up\s+(?:so\s+much\s+(?:of\s+)?|all\s+(?:of\s+)?|(?:so\s+much\s+)?(?:space|room)\s+in\s+)?your|(?:so\s+much|all|this\s+much)\s+of\s+your\s+(?:\w+\s+)?time)"
    r"|hogg?\w*|invad\w*|existing|the\s+(?:\w+\s+)?(?:essay|novel|saga|epic|tome|wall\s+of\s+text)|(?:such\s+)?an?\s+(?:\w+\s+)?(?:essay|novel|saga|epic|tome|wall\s+of\s+text)"
    r"|(?:yet\s+)?another\s+(?:\w+\s+)?(?:e-?mail|message|note)|all\s+(?:the|these|my|of\s+my)\s+(?:\w+\s+)?(?:e-?mails|messages|notes|follow-?ups)"
    r"|(?:so\s+many|multiple|repeated|endless)\s+(?:e-?mails|messages|notes))"
    # the same with "to": "Sorry to clog up your inbox yet again", "sorry to take up space in your inbox"
    r"|\b(?:sorry|apologies|apologi[sz]e)\s+(?:again\s+)?to\s+(?:(?:clutter|clog|flood|spam|bombard|fill|stuff|jam|crowd|burden)\w*\s+(?:up\s+)?(?:your|the)\s+(?:\w+\s+)?(?:inbox|mailbox)"
    r"|take\s+up\s+(?:so\s+much\s+|more\s+)?(?:space|room)\s+in\s+your\s+(?:\w+\s+)?(?:inbox|mailbox))\b"
    # its length, apologised for a second time: "sorry again for the length" (once is a courtesy)
    r"|\b(?:sorry|apologies|apologi[sz]e)\s+(?:again|once\s+more)\s+(?:for|about)\s+(?:the\s+(?:sheer\s+)?length\b"
    r"|(?:such\s+)?(?:a|the|this)\s+(?:very\s+|really\s+|super\s+|rather\s+)?(?:long|lengthy|long-winded|rambling)\s+(?:e-?mail|message|note|reply|update|one|ramble))"
    # writing at all, once more: "so sorry to be writing again", "I apologise for emailing you again"
    r"|\b(?:sorry|apologies|apologi[sz]e)\s+(?:again\s+)?(?:to\s+be|for|to)\s+(?:writing|write|e-?mailing|e-?mail|messaging|message|in\s+your\s+inbox)\s+(?:(?:to\s+)?you\s+)?(?:yet\s+|once\s+)?again\b"
)


@python_check("space_apology")
def space_apology(draft, rule):
    """An apology for the writer's own message as an imposition ("Sorry for clogging up your inbox again")."""
    for index, start, end in _first_per_sentence(scan(draft, SPACE_APOLOGY)):
        text = without_quotations(draft.sentences[index].text)
        yield Hit(start, _clause_end(draft, index, end, text, _CLAUSE_BREAK_OR_BUT), replacements=("Thanks for reading",))


# --- apologising for asking at all --------------------------------------------------------------
ASKING_APOLOGY = fast(
    r"\b(?:sorry|apologies|apologi[sz]e|forgive\s+me)\s+(?:\w+\s+)?(?:to|for)\s+(?:even\s+(?:having\s+to\s+|be\s+)?|having\s+to\s+|have\s+to\s+)"
    r"(?:ask|asking|bother|bothering|trouble|troubling|chase|chasing|pester|pestering|nag|nagging|nudge|nudging|raise|raising|mention|mentioning|write|writing|e-?mail|e-?mailing)\b"
    r"|\b(?:hate|hating)\s+(?:to|having\s+to)\s+(?:even\s+)?(?:ask|bother|chase|pester|nag|nudge|trouble)\b|\b(?:hate|hating)\s+to\s+be\s+(?:a|such\s+a)\s+(?:bother|pest|nuisance|pain|nag)\s*(?:[,.!;]|\s+(?:but|and)\b)"
    r"|\b(?:hate|hating)\s+(?:even\s+)?(?:asking|bothering|bugging|chasing|pestering|nagging|being\s+(?:a|such\s+a|this\s+much\s+of\s+a)\s+(?:pest|nuisance|pain|bother|nag))\b"
    r"|\bfeel(?:ing)?\s+(?:so\s+|really\s+|a\s+bit\s+|terribly\s+|quite\s+|very\s+|pretty\s+)?(?:awful|terrible|bad|guilty|horrible|rotten|dreadful|cheeky|rude|awkward)\s+"
    r"(?:for\s+)?(?:even\s+)?(?:asking|to\s+ask|bothering|to\s+bother|chasing|to\s+chase|pestering|nagging|having\s+to\s+ask|having\s+to\s+chase)\b"
    # the reader's time pleaded before the question: "sorry to bother you, I know you're busy"
    r"|\bsorry\s+to\s+(?:bother|trouble|bug|disturb)\s+you\b[^.!?]{0,30}?\bI\s+know\s+(?:you(?:'re|\s+are)|how)\s+(?:\w+\s+)?busy\b"
)


@python_check("asking_apology")
def asking_apology(draft, rule):
    """Sorry for having to ask at all: the request is the writer's right, the apology shrinks it."""
    for index, start, end in _first_per_sentence(scan(draft, ASKING_APOLOGY)):
        sentence = draft.sentences[index]
        if _INTENSIFIERS_ONLY.fullmatch(sentence.text[:start - sentence.start]):
            start = sentence.start  # "So sorry to even ask": the whole opening goes
        rest = _REQUEST_AFTER.match(sentence.text, end - sentence.start)
        if rest is not None and rest.group(1).strip(" .!?"):
            request = rest.group(1).strip()
            stop = sentence.start + rest.start(1) + len(request)
            yield Hit(start, stop, replacements=(request[0].upper() + request[1:],))
        elif (trailing := _TRAILING_CLAUSE.search(sentence.text, 0, start - sentence.start)) is not None:
            # "…, and I hate to even ask.": the closing clause goes
            yield Hit(sentence.start + trailing.start(), end, replacements=("",))
        else:
            yield Hit(start, end, replacements=("Quick request",))


_INTENSIFIERS_ONLY = re.compile(r"\s*(?:(?:I'm|I\s+am|we're|we\s+are|so|very|really|terribly|truly|awfully|ever|just|honestly)\s*,?\s*)*", _I)
# "…, and I hate to even ask": a closing clause of its own after the sentence's point
_TRAILING_CLAUSE = re.compile(r"\s*[,;]\s*(?:and\s+|but\s+)?(?:I|we)\s+(?:really\s+|just\s+|do\s+)?$", _I)
# "..., but would you mind sending the PO number?": the request the apology was wrapped round
_REQUEST_AFTER = re.compile(r"\s*(?:[,;:\u2014\u2013-]\s*)?(?:but\s+|and\s+|so\s+)?(.*?)\s*$", _I)


# --- catastrophizing ----------------------------------------------------------------------------
_TOTAL = r"(?:completely|totally|utterly|absolutely|entirely|well\s+and\s+truly|royally)"
CATASTROPHE = fast(
    rf"\b(?:I|we)(?:'ve|\s+have)?\s+(?:(?:just|now|probably|honestly)\s+)?(?:{_TOTAL}\s+)(?:ruined|wrecked|destroyed|sunk|torpedoed|sabotaged|trashed|blown|killed|botched)\b"
    r"|\b(?:I|we)(?:'ve|\s+have)?\s+(?:(?:just|now|probably|honestly)\s+)?(?:ruined|wrecked|destroyed|sunk|torpedoed|sabotaged|trashed|killed|compromised|jeopardi[sz]ed|endangered)\s+(?:everything|it\s+all|the\s+whole\s+\w+|your\s+(?:whole|entire)\s+\w+)"
    r"|\b(?:I|we)(?:'ve|\s+have)?\s+(?:(?:just|now|probably|honestly|really)\s+)?made\s+(?:such\s+)?an?\s+(?:complete|total|absolute|utter|right|royal|proper|massive|huge|unholy)\s+(?:disaster|mess|hash|shambles|catastrophe|pig's\s+ear|dog's\s+dinner)\s+of\b"
    r"|\b(?:don't|do\s+not|can't)\s+(?:\w+\s+)?know\s+how\s+(?:we|I)(?:'ll|\s+will|\s+can|\s+could)\s+ever\s+(?:recover|make\s+(?:this|it|things)\s+(?:right|up)|come\s+back|live\s+(?:this|it)\s+down)\b"
    r"|\b(?:I|we)(?:'ll|\s+will)\s+never\s+(?:recover|live\s+(?:this|it)\s+down|be\s+able\s+to\s+make\s+(?:this|it)\s+up)\b"
)


# "This is an absolute disaster": ruin said of the slip the writer has just owned (in this sentence or the
# one before); said after "we received the wrong parts" it is a complaint, not catastrophizing.
TOTAL_RUIN = fast(r"\b(?:this|that|it|which)(?:'s|\s+is|\s+was)\s+(?:(?:an?|such\s+an?)\s+)?(?:absolute|complete|total|utter|unmitigated)\s+(?:disaster|catastrophe|nightmare|shambles|fiasco)\b")
# The writer's own slip: "I sent", "we've accidentally deleted", "I misspelt".
OWN_SLIPS = r"(?:just\s+|accidentally\s+|somehow\s+)?(?:sent|put|made|used|typed|spelt|spelled|wrote|gave|booked|entered|attached|ordered|mixed\s+up|misspel\w+|forgot|missed|lost|deleted"
_OWN_SLIP = re.compile(
    r"\b(?:I|we)(?:'ve|\s+have)?\s+" + OWN_SLIPS + r")\b"
    # or owned outright beside the ruin: "a complete disaster and entirely my fault", "I can't believe we did this"
    r"|\b(?:my|our)\s+(?:own\s+)?(?:fault|doing|mistake|error)\b|\b(?:can't|cannot)\s+believe\s+(?:I|we)\s+(?:did|made|let|sent)\b|\b(?:I|we)\s+did\s+(?:this|that)\b", _I)


@python_check("catastrophizing")
def catastrophizing(draft, rule):
    """The writer's own slip told as total ruin: it asks the reader to comfort, not to plan."""
    found = list(scan(draft, CATASTROPHE)) + [
        (index, start, end) for index, start, end in scan(draft, TOTAL_RUIN)
        if any(_OWN_SLIP.search(without_quotations(draft.sentences[i].text)) for i in range(max(0, index - 1), index + 1))]
    for index, start, end in _first_per_sentence(sorted(found)):
        yield Hit(draft.sentences[index].start, _sentence_end(draft, index), replacements=("I made a mistake, and here's how I'm fixing it: [fix].",))


# --- a wish to vanish from shame -----------------------------------------------------------------
SHAME_WISH = fast(
    r"\b(?:I|I'd|I\s+would|I\s+just|I\s+honestly|I\s+really|part\s+of\s+me)\s*(?:(?:just|honestly|really|genuinely|literally)\s+)?"
    r"(?:want(?:ed)?\s+to|could|wish\s+I\s+could|(?:would|'d)\s+(?:like\s+to|happily|gladly|rather)|feel\s+like\s+(?:I\s+could\s+)?|am\s+ready\s+to)\s*(?:just\s+|happily\s+|quietly\s+)?"
    r"(?:crawl\s+(?:under|into|away|in)|curl\s+up|hide\s+(?:under|away|in\s+a)|die\b|disappear|vanish|sink\s+(?:into|through)|melt\s+into)"
    r"|\b(?:want|wanted|wish|wished|praying\s+for|waiting\s+for)\s+(?:for\s+)?the\s+(?:ground|floor|earth)\s+to\s+(?:\w+\s+){0,2}?(?:open|swallow)"
    r"|\bcrawl(?:ing)?\s+(?:under|into)\s+(?:a|my|the)\s+(?:rock|hole|desk|bed|duvet)\b"
)


@python_check("shame_wish")
def shame_wish(draft, rule):
    for index, start, end in _first_per_sentence(scan(draft, SHAME_WISH)):
        sentence = draft.sentences[index]
        text = sentence.text
        yield Hit(sentence.start if not text[:start - sentence.start].strip(" ") or start - sentence.start < 20 else start,
                  _clause_end(draft, index, end, text), replacements=("I'm sorry",))
