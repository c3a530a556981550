"""Condescension as a co-occurrence in one sentence: the reader (or a novice standing for them) paired
with ease, comprehension or a second attempt. No single phrase carries the device, so unseen writers
word it a hundred ways; the pairing is what they share.

`reader_ease` reads three frames:
- hope + "that's clear(er) / makes sense / easier to follow" + a second-attempt or novice marker
  ("hope that makes it a bit clearer this time round", "hopefully that is clear enough now, even
  without a finance background");
- "easy/easier/simpler … (for you) to follow/find/spot" + a marker that the reader needed it made easy:
  another attempt ("this time", "even"), a simplification ("one step at a time", "small words", "the
  very basics"), or mark-up aimed at the reader ("highlighted in yellow so it's easier for you to find");
- "even" + the reader or a novice ("even you'll appreciate", "even your finance committee", "even for
  someone non-technical", "even without a legal background") + a word of ability or ease.
It leaves alone the writer's own ease ("easy for us to add a delivery"), mark-up of changes ("highlighted
the changes so you can see what's new"), ease for the reader's customers ("easier for your customers to
find"), "even if/though", and a product's audience ("even complete beginners can join").

The finding spans the paired words; the first replacement is the same words without the dig (the
"even …", "this time", "for you" go), so the writer's point stays.
"""
from __future__ import annotations

import re

from ..rules.conditions import quoted_at
from ..text.regex import fast
from .registry import Hit, python_check

# The draft-wide anchor scan (RE2): a sentence is read only if it holds one of these.
_ANCHOR = fast(r"\b(?:hope|hopefully|trust|even|easy|easier|simple|simpler|clearer|harder|impossible|sense)\b"
               r"|\bno\s+(?:problem|trouble|bother)\s+for\b|\bso\s+(?:that\s+)?(?:you|your)\b|\blike\s+(?:you|yourself)\b")

_I = re.IGNORECASE
# People outside the conversation: ease for them is a service, not a put-down.
_AUDIENCE = (r"(?:customers?|clients?|guests?|visitors?|users?|competitors?|rivals?|audiences?|readers?|patients?|"
             r"members?|fans|followers|shoppers?|buyers?|tenants?|students?|pupils?|kids|children|donors?|public)")
_READER = rf"(?:you(?:\s+all|\s+guys)?|y'all|your\s+(?!{_AUDIENCE}\b)(?:[\w-]+\s+){{0,2}}?[\w-]+)"
_BACKGROUND = r"(?:an?\s+|any\s+)?(?:[\w-]+\s+)?(?:background|training|experience|degree|qualifications?|knowledge|expertise)"
_NOVICE = (r"(?:(?:someone|somebody|anyone|a\s+person)\s+(?:who(?:'s|\s+is|\s+has|\s+hasn't|\s+isn't)?\s+(?:never|not|new)|"
           rf"non-[\w-]+|new\s+to|outside\s+the\s+(?:trade|industry|field|profession|business)|"
           rf"(?:without|with\s+(?:no|little|limited))\s+{_BACKGROUND}|unfamiliar)|"
           r"(?:an?\s+)?(?:non-[\w-]+|layperson|lay\s+person|(?:complete\s+|total\s+)?(?:beginner|novice|newcomer|amateur)|"
           r"non-specialist)\b(?!s)|"
           rf"without\s+{_BACKGROUND})")
_COMPREHEND = (r"(?:follow|understand|grasp|find|spot|see|take\s+in|digest|read|navigate|work\s+out|make\s+sense\s+of|"
               r"get\s+your\s+head\s+around|keep\s+up(?:\s+with)?|miss|notice|work\s+through|get\s+through|cope\s+with)")

# Frame 1: hope + the explanation is clear now + a marker.
_HOPE = re.compile(r"\b(?:hope|hopefully|trust|let's\s+see\s+if|see\s+if|maybe|perhaps)\b", _I)
_CLEAR_NOW = re.compile(
    r"\b(?:that|this|it|these|things|everything|all\s+(?:of\s+)?(?:that|this)|the\s+(?:attached|enclosed|above|below|revised\s+[\w-]+|new\s+version))"
    r"(?:\s+(?:version|one|explanation|summary|email|note|draft|breakdown|guide|time))?"
    r"(?:'s|\s+is|\s+was|\s+should\s+be|\s+will\s+be|'ll\s+be|\s+makes?\s+(?:it|things|everything)|\s+helps?)?\s+"
    r"(?:(?:a\s+(?:bit|little|lot|touch)|much|more|any|now|finally|at\s+last|all)\s+)*"
    rf"(?:clear|clearer|simpler|plainer|straightforward|(?:easy|easier|simple)\s+(?:enough\s+)?(?:for\s+{_READER}\s+)?to\s+{_COMPREHEND}|"
    r"makes?\s+(?:more\s+)?sense|sinks?\s+in|clears?\s+(?:it|things)\s+up)\b", _I)
_MARKER = re.compile(
    rf"\bthis\s+time(?:\s+round|\s+around)?\b|\bfor\s+once\b|\beven\s+(?:for\s+)?(?:{_READER}|{_NOVICE})|\bnow\s*(?:[,.!;:]|$)|"
    rf"\bby\s+now\b|\bat\s+last\b|\bfinally\b|\benough\s+for\s+{_READER}|\bfor\s+{_READER}\s+(?:now|this\s+time)\b|"
    rf"\bfor\s+{_READER}\s+to\s+(?:follow|understand|grasp|take\s+in|digest)\b", _I)

# Frame 2: ease for the reader to understand or find, and a sign they needed it.
_EASE_TO = re.compile(
    rf"\b(?:easy|easier|simple|simpler|clearer|harder|impossible|no\s+(?:problem|trouble|bother))\s+(?:enough\s+)?"
    rf"(?:(?P<who>for\s+(?:{_READER}|{_AUDIENCE}|us|me|our\s+[\w-]+|the\s+[\w-]+))\s+)?to\s+{_COMPREHEND}\b", _I)
_STRONG = re.compile(
    r"\bthis\s+time\b|\bfor\s+once\b|\bstep\s+at\s+a\s+time\b|\bsmall\s+words\b|\bshort\s+words\b|\b(?:very|bare|absolute)\s+basics\b|"
    r"\bslow(?:ly|er)\b|\bin\s+(?:simple|plain|simpler|plainer)\s+(?:terms|english|words|language)\b|\bbaby\s+steps\b", _I)
_MARKUP = re.compile(
    r"\b(?:highlight\w*|bold(?:ed)?|underlin\w*|circled|ringed|starred|capitals|(?:all\s+)?caps|capital\s+letters|arrows?|bigger|enlarged|"
    r"(?:large|larger|big|giant|huge)\s+(?:letters|print|font|type)|"
    r"in\s+(?:bright\s+)?(?:yellow|red|green|pink|orange|blue))\b", _I)
# "so your office can actually read it": the reader able to, as the purpose of the writer's effort.
_SO_CAN = re.compile(
    rf"\bso\s+(?:that\s+)?(?P<who>{_READER})\s+(?:can|could|will|'ll|won't|can't|cannot|couldn't)\s+"
    rf"(?:(?:actually|possibly|finally|easily|at\s+least)\s+)?(?:{_COMPREHEND})\b", _I)
# "easier for non-finance people like yourself": the reader filed with a class of novices.
_LIKE_YOU = re.compile(r"\b(?:easy|easier|simple|simpler|clearer|plain|plainer)\b[^.!?]*?\b(?:people|folk|someone|those|clients)\s+like\s+(?:you|yourself)\b", _I)
# Mark-up of what changed is a courtesy to any reader.
_CHANGES = re.compile(r"\b(?:changes|changed|edits|amendments|differences|what's\s+new|updates|tracked|revisions|additions|new\s+(?:bits|parts|wording))\b", _I)

# Frame 3: "even" + the reader or a novice + ability or ease.
_EVEN = re.compile(rf"\beven\s+(?:for\s+|to\s+)?(?:{_READER}|{_NOVICE})(?:'ll|'d|'re|'ve)?", _I)
_ABILITY = re.compile(
    r"\b(?:follow|understand|grasp|manage|manageable|cope|spot|find|easy|easier|simple|simpler|clear|clearer|obvious|"
    r"appreciate|get\s+it|work\s+(?:it|this|that)\s+out|figure|handle|able|can\s+(?:do|see|tell|use|manage)|"
    r"could\s+(?:do|see|tell|use|manage)|make\s+sense|straightforward|realise|realize|grasp)\b", _I)

# What the replacement drops: the dig words, keeping the writer's own.
_DIG_TAIL = re.compile(rf",?\s*\beven\s+(?:for\s+|to\s+)?(?:{_NOVICE}|{_READER})\b[^,.;:!?]*$", _I)
_DIG_WORDS = re.compile(
    rf"\s*\b(?:this\s+time(?:\s+round|\s+around)?|for\s+once|at\s+last|finally)\b|\beven\s+(?=you|your)|"
    rf"\s+for\s+{_READER}(?=\s+to\b)|\s+now(?=\s*[,.!;:]|\s*$)", _I)


def _soften(words: str) -> str:
    """The paired words without the dig: a trailing "even for someone non-technical" goes, then "this
    time", "for you", "even" before the reader, and a closing "now"."""
    softened = _DIG_TAIL.sub("", words)
    softened = _DIG_WORDS.sub("", softened if softened.strip(" ,") else words)
    return re.sub(r"\s{2,}", " ", softened).strip(" ,")


# The clause that says why something was made easy ("so it's easy to follow"), dropped with the word
# before it so that removing it leaves no stray space ("one step at a time so it's easy to follow" ->
# "one step at a time").
_WHY_CLAUSE = re.compile(r"([\w'-]+)(?:,\s*|\s+)(?:so\s+(?:that\s+)?|which\s+(?:should\s+|will\s+)?(?:make|makes)\s+|to\s+make\s+)[^,;:]*$", _I)


def _last_end(pattern: re.Pattern, text: str, pos: int) -> int:
    return max((m.end() for m in pattern.finditer(text, pos)), default=0)


# Words each frame cannot match without: a substring test skips a frame's regexes in most sentences.
_HOPE_WORDS = ("hope", "trust", "see if", "maybe", "perhaps")
_EASE_WORDS = ("eas", "simpl", "clearer", "harder", "impossible", "no problem", "no trouble", "no bother", "so ")


def _frames(text: str):
    """(start, end) of the paired words in one sentence, or None."""
    lower = text.lower()
    hope = _HOPE.search(text) if any(w in lower for w in _HOPE_WORDS) else None
    if hope:
        clear, marker = _CLEAR_NOW.search(text, hope.end()), _MARKER.search(text, hope.end())
        if clear and marker:
            return hope.start(), max(clear.end(), _last_end(_MARKER, text, hope.end()))
    like_you = _LIKE_YOU.search(text) if "like you" in lower else None
    if like_you:
        return like_you.start(), like_you.end()
    eases = (*_EASE_TO.finditer(text), *_SO_CAN.finditer(text)) if any(w in lower for w in _EASE_WORDS) else ()
    for ease in eases:
        who = (ease.group("who") or "").lower()
        if who and not re.match(rf"(?:for\s+)?{_READER}$", who, _I):
            continue  # the writer's own ease, a third party's, or the reader's customers'
        strong = _STRONG.search(text) or _EVEN.search(text)
        if strong:
            if strong.start() < ease.start() and not _EVEN.search(text, ease.start()):
                # "one step at a time so it's easy to follow": the why-clause is the dig.
                return ease.start(), max(ease.end(), _last_end(_STRONG, text, ease.end()))
            return min(ease.start(), strong.start()), max(ease.end(), strong.end())
        if who and _MARKUP.search(text) and not _CHANGES.search(text):
            return ease.start(), ease.end()
    even = _EVEN.search(text) if "even" in lower else None
    ability = (_ABILITY.search(text, even.end()) or _ABILITY.search(text)) if even else None
    if ability:
        return min(even.start(), ability.start()), max(even.end(), ability.end(), _last_end(_STRONG, text, ability.end()))
    return None


def _rewrite(text: str, start: int, end: int) -> tuple[int, int, tuple[str, ...]]:
    """(start, end, replacements) in sentence coordinates: the paired words softened where the dig is
    separable; else the why-clause dropped; else the sentence itself, for the rule's own replacement."""
    words = text[start:end]
    softened = _soften(words)
    if softened and softened != words:
        return start, end, (softened,)
    clause = _WHY_CLAUSE.search(text[:end])
    if clause and clause.start(1) < start:
        return clause.start(1), end, (clause.group(1),)
    body = text.rstrip(" \t\n.!?")
    return len(text) - len(text.lstrip()), len(body), ()


@python_check("reader_ease")
def reader_ease(draft, rule):
    for sentence in draft.sentences_matching(_ANCHOR):
        text = draft.folded[sentence.start:sentence.end]
        span = _frames(text)
        if span is None:
            continue
        if quoted_at(draft, sentence.start + span[0]):
            continue
        start, end, replacements = _rewrite(draft.text[sentence.start:sentence.end], *span)
        yield Hit(sentence.start + start, sentence.start + end, replacements=replacements)
