"""Validate one rule definition and compile it into an immutable `Rule`."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import re2

from ..checks.registry import PYTHON_CHECKS
from ..model import CATEGORIES, SEVERITIES
from ..text import regex
from .conditions import Near
from .inflect import is_function_word, word_forms
from .loader import LineDict, RuleProblem

RULE_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
CATEGORY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
RULE_KEYS = {
    "id", "category", "severity", "message", "explanation", "pattern", "phrases", "inflect", "check",
    "case_sensitive", "replacements", "examples", "when", "options", "trigger",
}
WHEN_KEYS = {
    "question": bool,
    "sentence_start": bool,
    "sentence_matches": str,
    "sentence_not_matches": str,
    "draft_matches": str,
    "draft_not_matches": str,
    "min_count": int,
    "not_in_quotes": bool,
    "near": dict,
    "not_near": dict,
}
NEAR_KEYS = {"phrases", "pattern", "within"}
MAX_NEAR_WORDS = 100
MAX_PATTERN_LENGTH = 20_000
_RE2_MAX_MEM = 8 << 20
# Phrases are literal text: fold typographic quotes as the draft is folded (see Draft.folded).
_FOLD_QUOTES = str.maketrans("\u2018\u2019\u201b\u2032\u02bc\u201c\u201d\u201e\u2033", "'''''\"\"\"\"")


class RuleInvalid(Exception):
    def __init__(self, problems: list[RuleProblem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def compile_pattern(pattern: str, case_sensitive: bool = False, capture: bool = True):
    """Compile with RE2 (linear time, no backtracking); raise ValueError with RE2's reason. Without
    `capture` every group is non-capturing: the same matches, and RE2 finds a match's span with its
    DFAs alone instead of also running its NFA over the match for the groups."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise ValueError(f"pattern is longer than {MAX_PATTERN_LENGTH} characters")
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = case_sensitive
    options.max_mem = _RE2_MAX_MEM
    options.never_capture = not capture
    try:
        return regex.compile(pattern, options)
    except re2.error as exc:
        reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise ValueError(f"RE2 cannot compile this pattern ({reason}); RE2 has no backreferences or lookarounds") from None


def phrase_pattern(phrase: str, inflect: bool = False) -> str:
    """A phrase as a pattern: words in order, any white space between, word boundaries at the ends.

    Word syntax: `word~` matches the word's inflected forms (`inflect: true` does this for every
    word but function words); `a|b` matches either word in that place. ValueError if malformed.
    """
    slots = []
    for word in phrase.translate(_FOLD_QUOTES).split():
        marked = len(word) > 1 and word.endswith("~")
        alternatives = (word[:-1] if marked else word).split("|")
        if not all(alternatives):
            raise ValueError(f"phrase {phrase!r}: empty alternative in {word!r}")
        forms = []
        for alt in alternatives:
            forms.extend(word_forms(alt) if marked or (inflect and not is_function_word(alt)) else [alt])
        slots.append(list(dict.fromkeys(forms)))
    if not slots:
        raise ValueError("a phrase cannot be empty")
    body = r"\s+".join(re2.escape(s[0]) if len(s) == 1 else "(?:" + "|".join(map(re2.escape, s)) + ")" for s in slots)
    head = r"\b" if all(f[:1].isalnum() for f in slots[0]) else ""
    tail = r"\b" if all(f[-1:].isalnum() for f in slots[-1]) else ""
    return head + body + tail


@dataclass(frozen=True)
class Example:
    text: str
    context: dict = field(default_factory=dict)
    html: bool = False


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: str
    message: str
    explanation: str
    replacements: tuple[str, ...]
    flag: tuple[Example, ...]
    passes: tuple[Example, ...]
    file: str
    line: int
    pattern_source: Optional[str] = None  # the RE2 pattern a pattern/phrases rule matches
    regex: Any = None  # its groups capture only when the rule's text names one (`{1}`)
    check: Optional[str] = None
    trigger: Optional[str] = None  # a check rule's RE2 pattern: the check runs only where it matches the new text
    when: dict = field(default_factory=dict)
    when_regex: dict = field(default_factory=dict)
    near: tuple[Near, ...] = ()
    options: dict = field(default_factory=dict)
    definition: dict = field(default_factory=dict)  # as written, for listing

    def describe(self) -> dict:
        return {
            "id": self.id,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "explanation": self.explanation,
            "replacements": list(self.replacements),
            "examples": {"flag": [e.text for e in self.flag], "pass": [e.text for e in self.passes]},
            "source": f"{Path(self.file).name}:{self.line}",  # never the server's directory layout
            "kind": "check" if self.check else "pattern",
        }


def _examples(raw, file: str, line: int, rule_id: str, problems: list, required: bool) -> tuple[tuple, tuple]:
    def one(item, kind):
        if isinstance(item, str):
            return Example(item)
        if (isinstance(item, dict) and isinstance(item.get("text"), str) and set(item) <= {"text", "context", "html"}
                and isinstance(item.get("context", {}), (dict, type(None))) and isinstance(item.get("html", False), bool)):
            return Example(item["text"], dict(item.get("context") or {}), bool(item.get("html")))
        problems.append(RuleProblem(file, getattr(item, "line", line), rule_id,
                                    f"each `examples.{kind}` item is a string or a mapping with `text` "
                                    "(and optional `context` mapping, `html` true/false)", "examples"))
        return None

    if raw is None and not required:
        return (), ()
    if not isinstance(raw, dict):
        problems.append(RuleProblem(file, line, rule_id, "`examples` with at least one `flag` and one `pass` sentence is required", "examples"))
        return (), ()
    result = []
    for kind in ("flag", "pass"):
        items = raw.get(kind)
        if not isinstance(items, list) or (required and not items):
            if required or items is not None:
                problems.append(RuleProblem(file, raw.key_lines.get(kind, raw.line) if isinstance(raw, LineDict) else line,
                                            rule_id, f"`examples.{kind}` needs at least one example", "examples"))
            items = []
        result.append(tuple(e for e in (one(i, kind) for i in items) if e))
    extra = set(raw) - {"flag", "pass"}
    if extra:
        problems.append(RuleProblem(file, line, rule_id, f"unknown key in `examples`: {sorted(extra, key=str)[0]!r} (allowed: flag, pass)", "examples"))
    return result[0], result[1]


def _matcher_source(raw: dict, inflect: bool, problem) -> Optional[str]:
    """The RE2 source of a `pattern`/`phrases` mapping (a rule, or a `near` condition); None after a problem."""
    if "pattern" in raw:
        if not isinstance(raw["pattern"], str) or not raw["pattern"]:
            problem("pattern", "`pattern` must be a non-empty string (RE2 syntax)")
            return None
        return raw["pattern"]
    phrases = raw["phrases"]
    if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
        problem("phrases", "`phrases` must be a non-empty list of non-empty strings")
        return None
    try:
        return "|".join(phrase_pattern(p, inflect) for p in phrases)
    except ValueError as exc:
        problem("phrases", str(exc))
        return None


def _conditions(when: dict, case_sensitive: bool, problem) -> tuple[dict, tuple[Near, ...]]:
    """Validate `when`; (compiled regex conditions, near conditions)."""
    when_regex, near = {}, []
    for key, value in when.items():
        expected = WHEN_KEYS.get(key)
        if expected is None:
            problem("when", f"unknown condition {key!r} (allowed: {', '.join(sorted(WHEN_KEYS))})")
        elif not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            kind = {dict: "mapping (phrases or pattern, within)", bool: "true or false"}.get(expected, expected.__name__)
            problem("when", f"condition {key!r} must be a {kind}")
        elif expected is str:
            try:
                when_regex[key] = compile_pattern(value, case_sensitive)
            except ValueError as exc:
                problem("when", f"condition {key!r}: {exc}")
        elif expected is dict:
            near.extend(_near(key, value, case_sensitive, problem))
    if isinstance(when.get("min_count"), int) and when["min_count"] < 1:
        problem("when", "condition 'min_count' must be 1 or more")
    return when_regex, tuple(near)


def _near(key: str, value: dict, case_sensitive: bool, problem) -> list[Near]:
    def near_problem(_, message):
        problem("when", f"condition {key!r}: {message}")

    unknown = sorted(set(value) - NEAR_KEYS, key=str)
    if unknown:
        near_problem(None, f"unknown key {unknown[0]!r} (allowed: phrases or pattern, within)")
    within = value.get("within")
    if not isinstance(within, int) or isinstance(within, bool) or not 0 <= within <= MAX_NEAR_WORDS:
        near_problem(None, f"`within` must be a number of words from 0 to {MAX_NEAR_WORDS}")
        return []
    if ("pattern" in value) == ("phrases" in value):
        near_problem(None, "give exactly one of `phrases` or `pattern`")
        return []
    source = _matcher_source(value, False, near_problem)
    if source is None:
        return []
    try:
        return [Near(compile_pattern(source, case_sensitive), within, key == "not_near")]
    except ValueError as exc:
        near_problem(None, str(exc))
        return []


def build_rule(raw: Any, file: str, require_examples: bool = True) -> Rule:
    """Validate `raw` (one item of a `rules:` list) and compile it; RuleInvalid lists every problem.

    `require_examples=False` (the playground) accepts a rule still missing its examples.
    """
    line = getattr(raw, "line", 0)
    if not isinstance(raw, dict):
        raise RuleInvalid([RuleProblem(file, line, "", "each rule is a mapping (id, category, message, ...)")])
    key_lines = getattr(raw, "key_lines", {})
    rule_id = raw.get("id") if isinstance(raw.get("id"), str) else ""
    problems: list[RuleProblem] = []

    def problem(key: str, message: str):
        problems.append(RuleProblem(file, key_lines.get(key, line), rule_id, message, key if key in RULE_KEYS else ""))

    for key in sorted(set(raw) - RULE_KEYS, key=str):
        problem(key, f"unknown key {key!r} (allowed: {', '.join(sorted(RULE_KEYS))})")
    if not rule_id or not RULE_ID.match(rule_id):
        problem("id", "`id` is required: lowercase letters, digits, '.', '_' or '-' (e.g. acme.no-asap)")
    for key in ("category", "message"):
        if not isinstance(raw.get(key), str) or not raw.get(key).strip():
            problem(key, f"`{key}` is required and must be a string")
    if isinstance(raw.get("category"), str) and raw["category"].strip() and not CATEGORY.match(raw["category"].strip()):
        problem("category", f"`category` is a lowercase name with '-' (built in: {', '.join(CATEGORIES)}; or your own, e.g. acme-style)")
    if "explanation" in raw and not isinstance(raw["explanation"], str):
        problem("explanation", "`explanation` must be a string")
    severity = raw.get("severity", "warning")
    if severity not in SEVERITIES:
        problem("severity", f"`severity` must be one of {', '.join(SEVERITIES)}")
    case_sensitive = raw.get("case_sensitive", False)
    if not isinstance(case_sensitive, bool):
        problem("case_sensitive", "`case_sensitive` must be true or false")
        case_sensitive = False
    inflect = raw.get("inflect", False)
    if not isinstance(inflect, bool):
        problem("inflect", "`inflect` must be true or false")
        inflect = False
    elif inflect and "phrases" not in raw:
        problem("inflect", "`inflect` applies to `phrases` only")
    replacements = raw.get("replacements", [])
    if not isinstance(replacements, list) or not all(isinstance(r, str) for r in replacements):
        problem("replacements", "`replacements` must be a list of strings")
        replacements = []

    matchers = [k for k in ("pattern", "phrases", "check") if k in raw]
    pattern_source = regex = check = None
    if len(matchers) != 1:
        problem(matchers[1] if len(matchers) > 1 else "id", "give exactly one of `pattern`, `phrases` or `check`")
    elif matchers[0] == "check":
        check = raw["check"]
        if not isinstance(check, str) or check not in PYTHON_CHECKS:
            problem("check", f"no Python check named {check!r} (known: {', '.join(sorted(PYTHON_CHECKS)) or 'none'})")
    else:
        pattern_source = _matcher_source(raw, inflect, problem)
    if pattern_source is not None:
        try:
            # A rule whose text names no group (`{1}`) needs only where each match is.
            regex = compile_pattern(pattern_source, case_sensitive, capture=bool(_group_placeholders(raw)))
        except ValueError as exc:
            problem(matchers[0], str(exc))
        else:
            _check_placeholders(regex.groups, raw, problem)

    trigger = raw.get("trigger")
    if trigger is not None:
        if not check:
            problem("trigger", "`trigger` applies to `check` rules (a pattern rule's own pattern is its trigger)")
        elif not isinstance(trigger, str) or not trigger.strip():
            problem("trigger", "`trigger` must be a non-empty RE2 pattern")
        else:
            try:
                compile_pattern(trigger)
            except ValueError as exc:
                problem("trigger", str(exc))

    when = raw.get("when", {})
    if not isinstance(when, dict):
        problem("when", "`when` must be a mapping of conditions")
        when = {}
    when_regex, near = _conditions(when, case_sensitive, problem)
    if check and (near or when.get("not_in_quotes")):
        problem("when", "`near`, `not_near` and `not_in_quotes` apply to `pattern`/`phrases` rules")
    options = raw.get("options", {})
    if not isinstance(options, dict):
        problem("options", "`options` must be a mapping")
        options = {}
    elif isinstance(check, str) and hasattr(PYTHON_CHECKS.get(check), "validate_options"):
        try:  # a check may load what its options name (a model file) now: a broken one is a load error
            PYTHON_CHECKS[check].validate_options(options, file)
        except ValueError as exc:
            problem("options", str(exc))

    flag, passes = _examples(raw.get("examples"), file, key_lines.get("examples", line), rule_id, problems, require_examples)
    if problems:
        raise RuleInvalid(problems)
    return Rule(
        id=rule_id,
        category=raw["category"].strip(),
        severity=severity,
        message=raw["message"].strip(),
        explanation=(raw.get("explanation") or "").strip(),
        replacements=tuple(replacements),
        flag=flag,
        passes=passes,
        file=file,
        line=line,
        pattern_source=pattern_source,
        regex=regex,
        check=check,
        trigger=trigger,
        when=dict(when),
        when_regex=when_regex,
        near=near,
        options=dict(options),
        definition=dict(raw),
    )


_GROUP_PLACEHOLDER = re.compile(r"\{(\d+)\}")


def _group_placeholders(raw: dict) -> list[tuple[str, str]]:
    """(key, number) of each `{N}` in a pattern rule's message, explanation and replacements."""
    found = []
    for key in ("message", "explanation", "replacements"):
        texts = raw.get(key)
        for text in texts if isinstance(texts, list) else [texts]:
            found += [(key, number) for number in (_GROUP_PLACEHOLDER.findall(text) if isinstance(text, str) else ())]
    return found


def _check_placeholders(groups: int, raw: dict, problem) -> None:
    """`{N}` in a pattern rule's text must name one of the pattern's capture groups."""
    for key, number in _group_placeholders(raw):
        if not 1 <= int(number) <= groups:
            problem(key, f"`{{{number}}}` names capture group {number}, but the pattern has "
                         f"{groups} group{'s' if groups != 1 else ''}")
