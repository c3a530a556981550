"""Word forms for `phrases`: a rule written as "circle~ back" also matches "circled back" and "circling back".

English regular morphology plus the irregular verbs email writers use. It generates
more forms than exist (both "visited" and "visitted"): a form nobody writes costs
nothing, a missed one is a false negative.
"""
from __future__ import annotations

import re

_VOWELS = "aeiou"
_IRREGULAR = {
    "be": "am is are was were been being",
    "have": "has had having",
    "do": "does did done doing",
    "go": "goes went gone going",
    "get": "gets got gotten getting",
    "make": "makes made making",
    "take": "takes took taken taking",
    "give": "gives gave given giving",
    "send": "sends sent sending",
    "tell": "tells told telling",
    "say": "says said saying",
    "see": "sees saw seen seeing",
    "know": "knows knew known knowing",
    "think": "thinks thought thinking",
    "come": "comes came coming",
    "forget": "forgets forgot forgotten forgetting",
    "write": "writes wrote written writing",
    "speak": "speaks spoke spoken speaking",
    "meet": "meets met meeting",
    "pay": "pays paid paying",
    "buy": "buys bought buying",
    "bring": "brings brought bringing",
    "leave": "leaves left leaving",
    "lose": "loses lost losing",
    "keep": "keeps kept keeping",
    "hold": "holds held holding",
    "run": "runs ran running",
    "put": "puts putting",
    "set": "sets setting",
    "let": "lets letting",
    "read": "reads reading",
    "understand": "understands understood understanding",
    "hear": "hears heard hearing",
    "feel": "feels felt feeling",
    "find": "finds found finding",
    "mean": "means meant meaning",
    "build": "builds built building",
    "spend": "spends spent spending",
    "fall": "falls fell fallen falling",
    "break": "breaks broke broken breaking",
    "choose": "chooses chose chosen choosing",
    "begin": "begins began begun beginning",
    "person": "people persons",
    "child": "children",
}
# Function words keep their form under `inflect: true` ("drop the ball", not "drop thes ball").
_FUNCTION_WORDS = frozenset("""
a an the this that these those my your our their his her its i you we they he she it me us them
to of in on at by for with from as and or but not no per than so if up out off about into over
is am are was were be been do does did have has had will would can could shall should may might must
""".split())


def _doubles(word: str) -> bool:
    """Whether the final consonant may double before -ed/-ing (stop → stopped, commit → committed)."""
    return (len(word) >= 3 and word[-1] not in _VOWELS + "wxy" and word[-2] in _VOWELS
            and word[-3] not in _VOWELS)


def word_forms(word: str) -> list[str]:
    """`word` and its inflected forms (plural / third person, past, -ing), `word` first, in its case."""
    forms = _lower_forms(word.lower())
    if word.isupper():
        return [f.upper() for f in forms]
    if word[:1].isupper():
        return [f.capitalize() for f in forms]
    return forms


def _lower_forms(base: str) -> list[str]:
    if base in _IRREGULAR:
        return [base, *_IRREGULAR[base].split()]
    if not re.fullmatch(r"[a-z]{2,}", base):
        return [base]
    if base.endswith(("s", "x", "z", "ch", "sh")):
        plural = [base + "es"]
    elif base.endswith("o"):
        plural = [base + "es", base + "s"]
    elif base[-1] == "y" and base[-2] not in _VOWELS:
        plural = [base[:-1] + "ies"]
    else:
        plural = [base + "s"]
    if base.endswith("e"):
        past = [base + "d"]
        ing = [base[:-2] + "ying"] if base.endswith("ie") else [base + "ing"] if base.endswith(("ee", "ye", "oe")) else [base[:-1] + "ing"]
    elif base[-1] == "y" and base[-2] not in _VOWELS:
        past, ing = [base[:-1] + "ied"], [base + "ing"]
    else:
        past, ing = [base + "ed"], [base + "ing"]
        if _doubles(base):
            past.append(base + base[-1] + "ed")
            ing.append(base + base[-1] + "ing")
    return list(dict.fromkeys([base, *plural, *past, *ing]))


def is_function_word(word: str) -> bool:
    return word.lower() in _FUNCTION_WORDS
