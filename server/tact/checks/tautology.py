"""Spelling out the obvious as a tautology: the sentence tells the reader that a thing does what its
own name says ("payroll can only pay people who are on the payroll", "the Downloads folder, which is
where downloaded things go", "the Save button is the one that saves your work"). A pattern cannot
see that the same word comes back; this check compares word stems across the two halves.

`spelled_out_tautology` reads three frames, each tight enough that a repeated word is the whole
point of the sentence:
- "X can only V … on/in the X": the limit restated as the thing's own name;
- "…X, which is where/what X-ed things go": a generic clause (no article) naming the folder again;
- "the X button is the one that X-es" or "the X bar X-es": the label and the verb share a stem;
- "a deadline is a deadline", "rules are rules": a clause that is the noun said twice, offered as the
  whole argument (at the start of a sentence or after a comma, and ending the clause);
- "the column marked 'Qty' is the quantity", "the box labelled 'Name' is for your name": a label read
  back as what it labels (the label the same word, or its abbreviation), ending the clause;
- "fridge items go in the fridge", "chilled goods go in the chiller": a class of goods sent to the
  place it is named after;
- "your slot is 15 minutes, which means your talk should last no longer than 15 minutes": a figure, a
  time or a day restated as its own consequence;
- "files you download go into your Downloads folder", "to reply, you press the Reply button": a folder
  or a control named after what it does, explained.
"""
from __future__ import annotations

import re

from ..rules.conditions import quoted_at
from ..text.regex import fast
from .registry import Hit, python_check

# The draft-wide anchor scan (RE2); sentences are read only around an anchor.
_CONTROL = r"(?:button|bar|key|icon|link|tab|box|field|menu|option|folder|switch)"
_ANCHOR = fast(r"\bcan\s+only\b|\bwhich\s+is\s+(?:just\s+|simply\s+|exactly\s+)?(?:where|what)\b|\b(?:is|are)\s+(?:(?:simply|just|literally|actually|also)\s+)?the\s+ones?\s+(?:that|which)\b"
               rf"|\b{_CONTROL}\s+(?:(?:actually|literally|just|simply)\s+)?[a-z]+s\b"
               r"|\b(?:folder|tab|tray)\b|\bto\s+[a-z]+\b[^,.!?]{0,12},[^.!?]{0,20}\b(?:press|click|hit|tap|select|use|choose)\b"
               r"|\b(?:marked|labell?ed|titled|headed)\b|\b(?:go|goes|belong|belongs)\s+(?:straight\s+|directly\s+|back\s+)?(?:in|into|on)\b")
# The time-aside anchor on its own, searched only when the draft has its tail: in the one regex above,
# its counted gap made RE2 build new DFA states on every unseen email (~210 us of the anchor's 222).
_ASIDE_TAIL = r",\s*(?:which\s+means|meaning|so|i\.e\.|in\s+other\s+words|that\s+means|that\s+is\s+to\s+say)\b"
_TIME_ASIDE_GATE = fast(_ASIDE_TAIL)
_TIME_ASIDE = fast(r"(?:\d|day\b|midnight|noon|midday)[^.!?]{0,40}" + _ASIDE_TAIL)

_CAN_ONLY = re.compile(
    r"(?P<a>\b[\w'-]+(?:\s+[\w'-]+){0,2})\s+can\s+only\s+[^.!?;:]{1,60}?\b(?:on|in|into|onto|from)\s+"
    r"(?:the\s+|your\s+|our\s+|their\s+)?(?P<b>[\w'-]+)", re.IGNORECASE)
# The clause names generic things, not a particular set ("where the project files live" passes).
_WHICH_IS = re.compile(
    r"(?P<a>(?:[\w'-]+\W+){1,6}?)(?P<clause>which)\s+is\s+(?:just\s+|simply\s+|exactly\s+)?(?:where|what)\s+"
    r"(?!(?:the|your|our|my|their|all|we|you|I|it|they|he|she|this|that|these|those)\b)(?P<b>[\w'-]+(?:\s+[\w'-]+)?)\s+"
    r"(?:go|goes|live|lives|end\s+up|ends\s+up|are\s+kept|get\s+saved|are\s+saved|belong|belongs|sit|sits|land|lands)\b",
    re.IGNORECASE)
_THE_ONE = re.compile(
    r"(?P<a>(?:[\w'-]+\s+){1,4}?)(?:is|are)\s+(?:(?:simply|just|literally|actually|also)\s+)?the\s+ones?\s+(?:that|which)\s+"
    r"(?:(?:actually|literally|really)\s+)?(?P<b>[\w'-]+)", re.IGNORECASE)
# "the search bar searches", "the Save button saves": a control doing what its name says.
_CONTROL_DOES = re.compile(
    rf"\bthe\s+(?P<a>[\w'-]+)\s+{_CONTROL}\s+(?:(?:actually|literally|just|simply)\s+)?(?P<b>[a-z]+s)\b", re.IGNORECASE)
# "a deadline is a deadline": the same noun on both sides of is/are, ending the clause; the two nouns
# are compared in Python (RE2 has no backreference), and the clause must stand alone: it opens the
# sentence or follows a comma or a conjunction.
_SAID_TWICE = fast(r"(?:^|[.!?,;:\n\x{2014}-]\s*|\b(?:but|and|so|because)\s+)((?:an?\s+|the\s+)?([a-z]{3,}))\s+(is|are)\s+"
                   r"(?:an?\s+|the\s+)?([a-z]{3,})\s*[.!,;:\x{2014}-]")
_STANDS_ALONE = re.compile(r"(?:^|[,;:\u2014-]|\b(?:but|and|so|because))\W*$", re.IGNORECASE)
_CONTRAST = re.compile(r"\s*(?:not|but|rather|instead)\b", re.IGNORECASE)  # "a plan is a plan, not a promise" distinguishes
_NOT_NOUNS = frozenset("this that what which there here who it its done said business".split())
# "the column marked 'Qty' is the quantity": the label (group "label") and the word after the article
# are compared as a word or its abbreviation; the clause must end there ("is your booking reference
# from the confirmation email" adds something and passes).
_LABEL = re.compile(
    r"(?P<a>\b(?:field|box|column|row|tab|button|line|section|cell|heading|header|key|icon|option)\s+"
    r"(?:marked|labell?ed|titled|headed|that\s+says)\s+['\"]?(?P<label>[A-Za-z]{2,})['\"]?)\s+"
    r"(?:is|are|means|stands\s+for)\s+(?:(?:just|simply|literally|basically)\s+)?(?:for\s+)?(?:the|your|a|an)\s+"
    r"(?P<b>[A-Za-z]{2,})(?:\s+(?:number|address|name|date|code|amount|total|figure|price|reference))?\s*(?=[.!,;:\u2014]|$)",
    re.IGNORECASE)
# "fridge items go in the fridge": a class of goods (a noun of goods after the name) sent to its namesake.
_ITEMS_GO = re.compile(
    r"(?P<a>\b[\w'-]+\s+(?:items|goods|stock|products|things|stuff|bits|deliveries|orders|samples|lines))\s+"
    r"(?:go|goes|belong|belongs|need\s+to\s+go|should\s+go|must\s+go|get\s+put|are\s+put|are\s+kept)\s+"
    r"(?:straight\s+|directly\s+|back\s+)?(?P<prep>in|into|on)\s+(?:the\s+|a\s+|your\s+)(?P<b>[\w'-]+)", re.IGNORECASE)
# "Your slot is 15 minutes, which means your talk should last no longer than 15 minutes": a figure, a
# time or a day restated as its own consequence (compared in Python; "which means about 12 minutes of
# talk" adds something and passes).
_AMOUNT = (r"(?:[£$€]\s?)?\d+(?:[,.:]\d+)*(?:\s*(?:am|pm|kg|km|%|[a-z]+))?"
           r"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|midnight|noon|midday)\b")
_RESTATED = re.compile(
    rf"(?P<a>{_AMOUNT})[^.!?;]{{0,30}}?(?P<clause>,\s*(?:which\s+means|meaning|so|i\.e\.|in\s+other\s+words|that\s+means|that\s+is\s+to\s+say))\b"
    rf"(?P<mid>[^.!?;\d]{{1,80}}?)(?P<b>{_AMOUNT})(?:\s+at\s+(?:the\s+)?most|\s+max(?:imum)?)?", re.IGNORECASE)
# "Files you download go into your Downloads folder", "emails you've sent live in the Sent folder": the
# folder named after the verb that fills it (first three letters: send/Sent, delete/Deleted).
_YOU_V_FOLDER = re.compile(
    r"(?P<a>\b(?:[\w'-]+\s+)?you(?:'ve|\s+have)?\s+(?:just\s+|already\s+)?(?P<verb>[a-z]{3,}))\s+"
    r"(?:live|lives|go|goes|end\s+up|ends\s+up|are\s+(?:kept|saved|stored|put)|get\s+(?:saved|put|stored)|sit|land|appear|show\s+up)\s+"
    r"(?:in|into|under|to)\s+(?:the\s+|your\s+)?['\"]?(?P<b>[A-Za-z]{3,})(?:\s+items)?['\"]?\s+(?:folder|tab|section|list|tray|box|area)\b",
    re.IGNORECASE)
# "To reply, you press the Reply button", "To print, click Print.": the control named after the task,
# the clause ending at the control ("To save time, use the saved searches" goes on and passes).
_TO_V_PRESS = re.compile(
    r"\bto\s+(?P<a>[a-z]{3,})\b[^,.!?]{0,12},\s*(?:just\s+|simply\s+)?(?:you\s+)?(?:just\s+|simply\s+|can\s+)?"
    r"(?:press|click|hit|tap|select|use|choose)\s+(?:on\s+)?(?:the\s+)?['\"]?(?P<b>[A-Za-z]{3,})['\"]?"
    r"(?:\s+(?:button|key|icon|tab|option|link|menu))?\s*(?=[.!,;]|$)", re.IGNORECASE)
# The restatement is a limit put on the reader ("your talk should last no longer than", "you can't
# spend more than", "no more than 40 people can come"); the writer confirming their own step ("the call
# is at 10am, so I'll dial in at 10am") is no lesson.
_LIMIT = re.compile(r"\b(?:you|your|no\s+(?:more|longer|later)\s+than|not\s+(?:more|longer|later)\s+than|can't|cannot|must|should|"
                    r"needs?\s+to|ha(?:s|ve)\s+to|at\s+(?:the\s+)?most|max(?:imum)?|up\s+to|by|within|only)\b", re.IGNORECASE)
_WRITER = re.compile(r"\b(?:I|I'll|I'm|I've|I'd|we|we'll|we're|we've|we'd)\b", re.IGNORECASE)
_EVERYDAY_FOLDERS = frozenset("sent deleted drafts draft downloads download trash outbox junk spam".split())
_EVERYDAY_CONTROLS = frozenset("reply print send save close open delete forward attach undo copy paste search exit".split())
_MOVED_ON = re.compile(r"\s*(?:next|last|this|the\s+following|following|later|after|before|from|plus|onwards|on\s+top|extra|more|\d)\b",
                       re.IGNORECASE)
_FRAMES = (_CAN_ONLY, _WHICH_IS, _THE_ONE, _CONTROL_DOES, _LABEL, _ITEMS_GO, _RESTATED, _YOU_V_FOLDER, _TO_V_PRESS)
# Each frame's own words: a sentence the anchor let through ("…, so we'll…") is read only by the frames
# whose words it holds (the frames' leading lazy groups cost ~50-90 µs a sentence).
_GATES = {
    _CAN_ONLY: re.compile(r"\bcan\s+only\b", re.IGNORECASE),
    _WHICH_IS: re.compile(r"\bwhich\s+is\b", re.IGNORECASE),
    _THE_ONE: re.compile(r"\bthe\s+ones?\s+(?:that|which)\b", re.IGNORECASE),
    _CONTROL_DOES: re.compile(rf"\b{_CONTROL}\b", re.IGNORECASE),
    _LABEL: re.compile(r"\b(?:marked|labell?ed|titled|headed|that\s+says)\b", re.IGNORECASE),
    _ITEMS_GO: re.compile(r"\b(?:items|goods|stock|products|things|stuff|bits|deliveries|orders|samples|lines)\s+(?:go|goes|belong|need|should|must|get|are)\b", re.IGNORECASE),
    _YOU_V_FOLDER: re.compile(r"\byou\b[^.!?]*\b(?:folder|tab|section|list|tray|box|area)\b", re.IGNORECASE),
    _TO_V_PRESS: re.compile(r"\bto\s+[a-z]+\b[^,.!?]{0,12},[^.!?]*\b(?:press|click|hit|tap|select|use|choose)\b", re.IGNORECASE),
    _RESTATED: re.compile(r",\s*(?:which\s+means|meaning|so|i\.e\.|in\s+other\s+words|that\s+means|that\s+is\s+to\s+say)\b", re.IGNORECASE),
}

_STOP = frozenset(
    "the a an this that these those our your their my his her its we you they it i one ones can only "
    "is are was were be been on in into onto from which what where who that's it's just simply "
    "actually also really literally people thing things stuff".split()
)


# A conjunction before the named thing is not part of it ("and payroll can only pay…").
_LEADING_JOIN = re.compile(r"(?:(?:and|but|so|because|as|since|then|while|although|though|or|also|yet)\s+)+", re.IGNORECASE)


def _stems(text: str) -> set[str]:
    return {w.lower()[:4] for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() not in _STOP}


def _abbreviates(label: str, word: str) -> bool:
    """'Qty' -> quantity, 'Ref' -> reference, 'Date' -> date: the label's letters, in order, from the
    word's first letter (a label of two letters must be the word's start)."""
    label, word = label.lower(), word.lower()
    if not word.startswith(label[0]) or len(label) > len(word):
        return False
    if len(label) < 3:
        return word.startswith(label)
    it = iter(word)
    return all(c in it for c in label)


def _repeats(frame: re.Pattern, m: re.Match) -> bool:
    if frame is _LABEL:
        return _abbreviates(m.group("label"), m.group("b"))
    if frame is _RESTATED:  # "… the release date is 9 September next year" moves the date on
        same = lambda t: re.sub(r"[\s,]", "", t.lower())  # noqa: E731
        return (same(m.group("a")) == same(m.group("b")) and not _MOVED_ON.match(m.string, m.end())
                and _LIMIT.search(m.group("mid") + m.string[m.end("b"):m.end()]) is not None
                and _WRITER.search(m.group("mid")) is None)
    if frame is _YOU_V_FOLDER:  # the mail and file folders every reader has; a team's "Uploads" is news
        verb, folder = m.group("verb").lower(), m.group("b").lower()
        return verb not in _STOP and folder in _EVERYDAY_FOLDERS and verb[:3] == folder[:3]
    if frame is _TO_V_PRESS:  # the controls every program has; "To approve, click Approve" teaches a system
        task, control = m.group("a").lower(), m.group("b").lower()
        return task not in _STOP and control in _EVERYDAY_CONTROLS and task[:4] == control[:4]
    if frame is _ITEMS_GO:
        first = m.group("a").split()[0].lower()
        return first[:4] == m.group("b").lower()[:4] and first[:4] not in _STOP
    return bool(_stems(m.group("a")) & _stems(m.group("b")))


def _lets_you(named: str, m: re.Match, frame: re.Pattern) -> str:
    """"The Save button is the one that saves" -> "The Save button lets you save": the thing keeps the
    writer's name and case, the verb goes to its base form."""
    if frame is _THE_ONE:
        named = re.sub(r"\s+(?:is|are)\s+.*$", "", named, flags=re.IGNORECASE | re.DOTALL)
    else:  # _CONTROL_DOES: "search bar (actually) searches" -> "search bar"
        named = re.sub(r"\s+(?:actually|literally|just|simply)$", "", named.rstrip(), flags=re.IGNORECASE)
    verb = m.group("b")
    base = verb[:-2] if re.search(r"(?:ch|sh|ss|x|z|o)es$", verb, re.IGNORECASE) else verb[:-1] if verb.lower().endswith("s") else verb
    return f"{named.rstrip()} lets you {base}"


def _said_twice(draft):
    """Hits for "a deadline is a deadline": the replacement says the thing stands, in the writer's noun."""
    for range_start, range_end in draft.new_ranges:
        for m in _SAID_TWICE.finditer(draft.folded, range_start, range_end):
            noun, again = m.group(2).lower(), m.group(4).lower()
            if noun != again or noun in _NOT_NOUNS or _CONTRAST.match(draft.folded, m.end()):
                continue
            start = m.start(1)
            sentence = draft.sentence_at(start)
            before = draft.folded[sentence.start:start] if sentence else ""
            if sentence is None or not _STANDS_ALONE.search(before):
                continue
            article = "the" if before.strip() else "The"
            verb = "stands" if m.group(3).lower() == "is" else "stand"
            noun = m.group(2) if m.group(2).isupper() else noun
            yield start, m.end(4), (f"{article} {noun} {verb}",)


def _label_start(text: str, m: re.Match) -> int:
    """The start of "the column marked 'Qty'": the article (and one modifier) before the control word."""
    before = re.search(r"(?:\b(?:the|this|that|a)\s+(?:[\w'-]+\s+)?)$", text[:m.start("a")], re.IGNORECASE)
    return before.start() if before else m.start("a")


@python_check("spelled_out_tautology")
def spelled_out_tautology(draft, rule):
    for start, end, replacements in _said_twice(draft):
        if not quoted_at(draft, start):
            yield Hit(start, end, replacements=replacements)
    anchors = (_ANCHOR, _TIME_ASIDE) if _TIME_ASIDE_GATE.search(draft.new_text) else (_ANCHOR,)
    for sentence in draft.sentences_matching(*anchors):
        text = draft.folded[sentence.start:sentence.end]
        for frame in _FRAMES:
            if _GATES[frame].search(text) is None:
                continue
            m = frame.search(text)
            if m is None or not _repeats(frame, m):
                continue
            replacements = ()
            if frame is _RESTATED:  # the restatement goes, with its comma
                start = sentence.start + m.start("clause")
                replacements = ("",)
            elif m.groupdict().get("clause"):  # the aside alone goes, with its comma
                before = text[:m.start("clause")].rstrip()
                start = sentence.start + (len(before) - 1 if before.endswith(",") else m.start("clause"))
                replacements = ("",)
            elif frame in (_YOU_V_FOLDER, _TO_V_PRESS):  # the obvious step: it goes
                start = sentence.start + m.start()
                replacements = ("",)
            elif frame is _LABEL:  # the label read back: the sentence goes
                start = sentence.start + _label_start(text, m)
                replacements = ("",)
            elif frame is _ITEMS_GO:  # the lesson as a request: "Please put fridge items in the fridge"
                start = sentence.start + m.start("a")
                named = draft.text[start:sentence.start + m.end("a")]
                named = named[0].lower() + named[1:] if named[:1].isupper() and not named[:2].isupper() else named
                replacements = (f"Please put {named} {m.group('prep').lower()} the {m.group('b')}",)
            else:
                join = _LEADING_JOIN.match(m.group("a"))
                start = sentence.start + m.start("a") + (join.end() if join else 0)
                if frame is not _CAN_ONLY:  # keep the control and what it acts on, minus the lesson
                    replacements = (_lets_you(draft.text[start:sentence.start + m.start("b")], m, frame),)
            if quoted_at(draft, start):
                continue
            yield Hit(start, sentence.start + m.end(), replacements=replacements)
            break
