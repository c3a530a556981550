"""LanguageTool's HTTP API v2 (`/v2/check`, `/v2/languages`): every LanguageTool client is a Tact client.

Tact's categories and rule ids are shown the LanguageTool way and read back from it, so a client's
`disabledRules`/`disabledCategories` work: rule `accusatory.why-didnt-you` is `TACT_ACCUSATORY_WHY_DIDNT_YOU`,
category `timezone` is `TACT_TIMEZONE`. Matches from an upstream LanguageTool server keep their own
ids and categories, and any id or category Tact does not know is passed on to that server.
Errors are LanguageTool's: plain text "Error: ..." with status 400.
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from typing import Optional

from flask import Blueprint, Response, current_app, jsonify, request
from werkzeug.exceptions import HTTPException

from .. import __version__
from ..engine import CheckRequest
from ..grammar import RULE_PREFIX, UpstreamOptions, UpstreamReport
from ..model import Issue
from ..request import InputError
from ..rules.ruleset import RuleSet
from ..text.source import Source

blueprint = Blueprint("languagetool", __name__)

# (name, longCode): Tact's rules are written for English, in every variant LanguageTool names.
LANGUAGES = (
    ("English", "en"), ("English (US)", "en-US"), ("English (GB)", "en-GB"), ("English (Australian)", "en-AU"),
    ("English (Canadian)", "en-CA"), ("English (New Zealand)", "en-NZ"), ("English (South African)", "en-ZA"),
)
_LANGUAGE_BY_CODE = {code.lower(): (name, code) for name, code in LANGUAGES}
CATEGORY_NAMES = {
    "condescension": "Tone: condescension",
    "accusatory-question": "Tone: accusatory question",
    "blame-shifting": "Tone: blame-shifting",
    "apology": "Tone: apology",
    "vague-commitment": "Vague commitment",
    "timezone": "Time zones",
    "readability": "Readability",
}
# LanguageTool's issue types (from the W3C ITS list), which clients use to colour a match.
_ISSUE_TYPES = {"timezone": "inconsistency", "grammar": "grammar"}  # tone and the rest: "style"
CONTEXT_CHARS = 40  # characters of context each side, as LanguageTool shows


class LanguageToolError(Exception):
    """A request LanguageTool would refuse; answered as it does, in plain text."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message, self.status = message, status


def _plain_error(message: str, status: int) -> Response:
    return Response(f"Error: {message}", status=status, mimetype="text/plain")


@blueprint.errorhandler(LanguageToolError)
def _refused(exc: LanguageToolError):
    return _plain_error(exc.message, exc.status)


@blueprint.errorhandler(InputError)
def _input_error(exc: InputError):  # e.g. a missing or wrong team key
    return _plain_error(exc.message, exc.status)


@blueprint.errorhandler(HTTPException)
def _http_error(exc: HTTPException):
    return _plain_error(exc.description or exc.name, exc.code or 400)


def lt_id(name: str) -> str:
    """`accusatory.why-didnt-you` -> `TACT_ACCUSATORY_WHY_DIDNT_YOU` (LanguageTool ids are upper-case words)."""
    return "TACT_" + re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_")


def lt_rule_id(rule: str) -> str:
    return rule[len(RULE_PREFIX):] if rule.startswith(RULE_PREFIX) else lt_id(rule)


def lt_category(category: str) -> dict:
    return {"id": lt_id(category), "name": CATEGORY_NAMES.get(category, category.replace("-", " ").capitalize())}


@dataclass(frozen=True)
class _RuleIndex:
    """The rules in force, findable by their LanguageTool ids and categories."""

    rules: dict  # LanguageTool id -> Rule
    by_tact_id: dict  # Tact id -> Rule
    categories: dict  # LanguageTool category id -> Tact category

    @classmethod
    def of(cls, ruleset: RuleSet) -> "_RuleIndex":
        rules = {}
        for rule in ruleset.rules:
            rules.setdefault(lt_id(rule.id), rule)  # ids that differ only in punctuation: the first keeps the name
        categories = {lt_id(c): c for c in [*CATEGORY_NAMES, "grammar", *(r.category for r in ruleset.rules)]}
        return cls(rules, {r.id: r for r in ruleset.rules}, categories)


_INDEXES: dict[int, tuple[RuleSet, _RuleIndex]] = {}
_FILTERED: dict[tuple, tuple[RuleSet, RuleSet]] = {}


def _index(ruleset: RuleSet) -> _RuleIndex:
    """One index per rule set (rule sets are immutable; a reload or a team brings a new one)."""
    entry = _INDEXES.get(id(ruleset))
    if entry is None or entry[0] is not ruleset:
        if len(_INDEXES) > 32:
            _INDEXES.clear()
        entry = _INDEXES[id(ruleset)] = (ruleset, _RuleIndex.of(ruleset))
    return entry[1]


def _filtered(ruleset: RuleSet, keep: frozenset) -> RuleSet:
    """The rule set with only the `keep` rules, compiled once per combination a client uses."""
    if len(keep) == len(ruleset.rules):
        return ruleset
    entry = _FILTERED.get((id(ruleset), keep))
    if entry is None or entry[0] is not ruleset:
        if len(_FILTERED) > 64:
            _FILTERED.clear()
        entry = _FILTERED[(id(ruleset), keep)] = (ruleset, ruleset.only(lambda r: r.id in keep))
    return entry[1]


def _names(params, name: str) -> list[str]:
    return [part.strip() for part in (params.get(name) or "").split(",") if part.strip()]


def _language(params) -> tuple[tuple[str, str], tuple[str, str]]:
    """(language, detected language), each (name, longCode)."""
    code = (params.get("language") or "").strip()
    if not code:
        raise LanguageToolError("Missing 'language' parameter, e.g. 'language=en-US' for American English "
                                "or 'language=fr' for French")
    if code.lower() == "auto":
        preferred = [_LANGUAGE_BY_CODE[v.lower()] for v in _names(params, "preferredVariants")
                     if v.lower() in _LANGUAGE_BY_CODE]
        detected = preferred[0] if preferred else _LANGUAGE_BY_CODE["en-us"]
        return detected, detected
    found = _LANGUAGE_BY_CODE.get(code.lower().replace("_", "-"))
    if found is None:
        raise LanguageToolError(f"'{code}' is not a language code known to Tact, which checks English. Supported "
                                f"language codes are: {', '.join(c for _, c in LANGUAGES)}, auto")
    return found, found


@dataclass(frozen=True)
class _Annotated:
    """The `data` parameter: what Tact checks (`plain`) and, per plain character, its span in `original`
    (text and markup concatenated, the string LanguageTool's offsets count)."""

    original: str
    plain: str
    starts: list
    ends: list

    def locate(self, start: int, length: int) -> tuple[int, int]:
        if length <= 0:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[start + length - 1]


def _annotated(raw: str) -> _Annotated:
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise LanguageToolError("Could not parse JSON from 'data' parameter") from None
    if not isinstance(data, dict):
        raise LanguageToolError("'data' must be a JSON object with 'text' or 'annotation' key")
    if "text" in data and "annotation" in data:
        raise LanguageToolError("'data' key in JSON requires either 'text' or 'annotation' key, not both")
    if "text" in data:
        parts = [{"text": data["text"]}]
    elif "annotation" in data:
        parts = data["annotation"]
    else:
        raise LanguageToolError("'data' key in JSON requires 'text' or 'annotation' key")
    if not isinstance(parts, list):
        raise LanguageToolError("'annotation' must be a list of objects with 'text' or 'markup'")
    original, plain, starts, ends, at = [], [], [], [], 0
    for part in parts:
        if not isinstance(part, dict):
            raise LanguageToolError(f"Only 'text' and 'markup' are supported in 'annotation' list: {_short(part)}")
        if "text" in part and "markup" in part:
            raise LanguageToolError("Only either 'text' or 'markup' are supported in an object in 'annotation' "
                                    f"list, not both: {_short(part)}")
        if "text" in part and "interpretAs" in part:
            raise LanguageToolError(f"'text' cannot be used with 'interpretAs' (only 'markup' can): {_short(part)}")
        if "text" in part:
            text = _string(part["text"], "text")
            original.append(text)
            plain.append(text)
            starts.extend(range(at, at + len(text)))
            ends.extend(range(at + 1, at + len(text) + 1))
        elif "markup" in part:
            markup = _string(part["markup"], "markup")
            shown = _string(part.get("interpretAs", ""), "interpretAs")
            original.append(markup)
            plain.append(shown)
            starts.extend([at] * len(shown))  # what the markup stands for spans all of it
            ends.extend([at + len(markup)] * len(shown))
        else:
            raise LanguageToolError(f"Only 'text' and 'markup' are supported in 'annotation' list: {_short(part)}")
        at += len(original[-1])
    return _Annotated("".join(original), "".join(plain), starts, ends)


def _string(value, key: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise LanguageToolError(f"'{key}' in 'annotation' must be a string")


def _short(value) -> str:
    return json.dumps(value)[:80]


def _utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _context(original: str, start: int, end: int) -> dict:
    """LanguageTool's context: the match with up to 40 characters each side, "..." where cut, line breaks as spaces."""
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(original), end + CONTEXT_CHARS)
    prefix, suffix = ("..." if lo > 0 else ""), ("..." if hi < len(original) else "")
    text = prefix + re.sub(r"[\r\n]", " ", original[lo:hi]) + suffix
    before = prefix + original[lo:start]
    return {"text": text, "offset": _utf16_len(before), "length": _utf16_len(original[start:end])}


class _Checked:
    """One /v2/check: the client's string, what Tact checked, and the result."""

    def __init__(self, original: str, annotated: Optional[_Annotated], result, report: UpstreamReport, index):
        self.original, self.annotated, self.result, self.report, self.index = original, annotated, result, report, index
        self.utf16 = Source(original=original, text=original).utf16

    def match(self, issue: Issue) -> dict:
        if self.annotated is None:
            start, end = issue.offset, issue.offset + issue.length
        else:
            start, end = self.annotated.locate(issue.offset, issue.length)
        offset16 = self.utf16(start)
        upstream = self.report.meta.get((issue.rule, issue.message)) if issue.rule.startswith(RULE_PREFIX) else None
        return {
            "message": issue.message,
            "shortMessage": upstream["shortMessage"] if upstream else CATEGORY_NAMES.get(issue.category, ""),
            "replacements": [{"value": r} for r in issue.replacements],
            "offset": offset16,
            "length": self.utf16(end) - offset16,
            "context": _context(self.original, start, end),
            "sentence": self._sentence(issue),
            "type": upstream["type"] if upstream else {"typeName": "Hint" if issue.severity == "suggestion" else "Other"},
            "rule": upstream["rule"] if upstream else self._rule(issue),
            "ignoreForIncompleteSentence": False,
            "contextForSureMatch": 0,
        }

    def _rule(self, issue: Issue) -> dict:
        rule = self.index.by_tact_id.get(issue.rule)
        explanation = rule.explanation if rule else ""
        first_sentence = re.split(r"(?<=[.!?])\s", explanation.strip(), maxsplit=1)[0] if explanation else ""
        return {
            "id": lt_rule_id(issue.rule),
            "description": first_sentence or CATEGORY_NAMES.get(issue.category, issue.category),
            "issueType": _ISSUE_TYPES.get(issue.category, "style"),
            "category": lt_category(issue.category),
        }

    def _sentence(self, issue: Issue) -> str:
        draft = self.result.draft
        starts = draft.source.starts
        pos = issue.offset if starts is None else bisect.bisect_left(starts, issue.offset)
        sentence = draft.sentence_at(pos)
        if sentence is not None:
            return draft.text[sentence.start:sentence.end].strip()
        line_start = draft.text.rfind("\n", 0, pos) + 1
        line_end = draft.text.find("\n", pos)
        return draft.text[line_start:line_end if line_end >= 0 else len(draft.text)].strip()


def _selection(params, index: _RuleIndex, ruleset: RuleSet) -> tuple[frozenset, UpstreamOptions | None]:
    """Which Tact rules run, and what to ask the upstream server (None: nothing)."""
    enabled_rules, disabled_rules = _names(params, "enabledRules"), _names(params, "disabledRules")
    enabled_cats, disabled_cats = _names(params, "enabledCategories"), _names(params, "disabledCategories")
    enabled_only = (params.get("enabledOnly") or "").strip().lower() == "true"
    if enabled_only and not enabled_rules and not enabled_cats:
        raise LanguageToolError("You must specify enabled rules or categories when using enabledOnly=true")

    def tact_id(name):
        rule = index.rules.get(name)
        return rule.id if rule else None

    on_rules = {tact_id(n) for n in enabled_rules} - {None}
    off_rules = {tact_id(n) for n in disabled_rules} - {None}
    on_cats = {index.categories[n] for n in enabled_cats if n in index.categories}
    off_cats = {index.categories[n] for n in disabled_cats if n in index.categories}
    if enabled_only:
        keep = frozenset(r.id for r in ruleset.rules if r.id in on_rules or r.category in on_cats)
    else:
        keep = frozenset(r.id for r in ruleset.rules if r.id not in off_rules and r.category not in off_cats)

    # Names Tact does not know belong to the upstream server; "grammar" stands for all of its matches.
    theirs = [[n for n in names if n not in known] for names, known in (
        (enabled_rules, index.rules), (disabled_rules, index.rules),
        (enabled_cats, index.categories), (disabled_cats, index.categories))]
    grammar = lt_id("grammar")
    if grammar in disabled_cats or (enabled_only and not theirs[0] and not theirs[2] and grammar not in enabled_cats):
        return keep, None
    if enabled_only and grammar in enabled_cats and not theirs[0] and not theirs[2]:
        enabled_only = False  # every upstream match is wanted
    extra = {"motherTongue": params["motherTongue"]} if params.get("motherTongue") else {}
    if params.get("preferredVariants") and (params.get("language") or "").strip().lower() == "auto":
        extra["preferredVariants"] = params["preferredVariants"]  # LanguageTool refuses it with any other language
    upstream = UpstreamOptions(
        language=params.get("language") or "en-US",
        enabled_rules=tuple(theirs[0]), disabled_rules=tuple(theirs[1]),
        enabled_categories=tuple(theirs[2]), disabled_categories=tuple(theirs[3]),
        enabled_only=enabled_only, level=(params.get("level") or "").strip(), extra=extra,
    )
    return keep, upstream


def service():
    return current_app.extensions["tact"]


@blueprint.route("/v2/check", methods=["GET", "POST"])
def check():
    params = request.values  # query string and form body, as LanguageTool reads them
    if "text" in params and "data" in params:
        raise LanguageToolError("Set only 'text' or 'data' parameter, not both")
    if "text" not in params and "data" not in params:
        raise LanguageToolError("Missing 'text' or 'data' parameter")
    language, detected = _language(params)
    annotated = _annotated(params["data"]) if "data" in params else None
    original = annotated.original if annotated else params["text"]

    authorization = request.headers.get("Authorization")
    if not authorization and params.get("apiKey"):
        authorization = f"Bearer {params['apiKey']}"  # LanguageTool clients send their key as a parameter
    ruleset = service().ruleset_for(authorization)
    index = _index(ruleset)
    keep, upstream = _selection(params, index, ruleset)
    report = UpstreamReport()
    result = service().check(CheckRequest(text=annotated.plain if annotated else original),
                             _filtered(ruleset, keep), upstream=upstream, report=report)
    checked = _Checked(original, annotated, result, report, index)
    return jsonify({
        "software": {"name": "Tact", "version": __version__, "buildDate": "", "apiVersion": 1, "premium": False,
                     "premiumHint": "", "status": ""},
        "warnings": {"incompleteResults": report.incomplete},
        "language": {"name": language[0], "code": language[1],
                     "detectedLanguage": {"name": detected[0], "code": detected[1]}},
        "matches": [checked.match(issue) for issue in result.issues],
    })


@blueprint.get("/v2/languages")
def languages():
    return jsonify([{"name": name, "code": code.split("-")[0], "longCode": code} for name, code in LANGUAGES])
