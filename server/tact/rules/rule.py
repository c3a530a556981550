"""Validate one rule definition and compile it into an immutable `Rule`."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

import re2

from ..checks.registry import PYTHON_CHECKS
from ..model import SEVERITIES
from .loader import LineDict, RuleProblem

RULE_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
RULE_KEYS = {
    "id", "category", "severity", "message", "explanation", "pattern", "phrases", "check",
    "case_sensitive", "replacements", "examples", "when", "options",
}
WHEN_KEYS = {
    "question": bool,
    "sentence_start": bool,
    "sentence_matches": str,
    "sentence_not_matches": str,
    "draft_matches": str,
    "draft_not_matches": str,
    "min_count": int,
}
MAX_PATTERN_LENGTH = 20_000
_RE2_MAX_MEM = 8 << 20


class RuleInvalid(Exception):
    def __init__(self, problems: list[RuleProblem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def compile_pattern(pattern: str, case_sensitive: bool = False):
    """Compile with RE2 (linear time, no backtracking); raise ValueError with RE2's reason."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise ValueError(f"pattern is longer than {MAX_PATTERN_LENGTH} characters")
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = case_sensitive
    options.max_mem = _RE2_MAX_MEM
    try:
        return re2.compile(pattern, options)
    except re2.error as exc:
        reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise ValueError(f"RE2 cannot compile this pattern ({reason}); RE2 has no backreferences or lookarounds") from None


def phrase_pattern(phrase: str) -> str:
    """A literal phrase as a pattern: words in order, any white space between, word boundaries at the ends."""
    words = [re2.escape(w) for w in phrase.split()]
    body = r"\s+".join(words)
    head = r"\b" if phrase[:1].isalnum() else ""
    tail = r"\b" if phrase[-1:].isalnum() else ""
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
    regex: Any = None
    check: Optional[str] = None
    when: dict = field(default_factory=dict)
    when_regex: dict = field(default_factory=dict)
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
            "source": f"{self.file}:{self.line}",
            "kind": "check" if self.check else "pattern",
        }


def _examples(raw, file: str, line: int, rule_id: str, problems: list) -> tuple[tuple, tuple]:
    def one(item, kind):
        if isinstance(item, str):
            return Example(item)
        if isinstance(item, dict) and isinstance(item.get("text"), str) and set(item) <= {"text", "context", "html"}:
            return Example(item["text"], dict(item.get("context") or {}), bool(item.get("html")))
        problems.append(RuleProblem(file, getattr(item, "line", line), rule_id,
                                    f"each `examples.{kind}` item is a string or a mapping with `text` (and optional `context`, `html`)"))
        return None

    if not isinstance(raw, dict):
        problems.append(RuleProblem(file, line, rule_id, "`examples` with at least one `flag` and one `pass` sentence is required"))
        return (), ()
    result = []
    for kind in ("flag", "pass"):
        items = raw.get(kind)
        if not isinstance(items, list) or not items:
            problems.append(RuleProblem(file, raw.key_lines.get(kind, raw.line) if isinstance(raw, LineDict) else line,
                                        rule_id, f"`examples.{kind}` needs at least one example"))
            items = []
        result.append(tuple(e for e in (one(i, kind) for i in items) if e))
    extra = set(raw) - {"flag", "pass"}
    if extra:
        problems.append(RuleProblem(file, line, rule_id, f"unknown key in `examples`: {sorted(extra)[0]!r}"))
    return result[0], result[1]


def build_rule(raw: Any, file: str) -> Rule:
    """Validate `raw` (one item of a `rules:` list) and compile it; RuleInvalid lists every problem."""
    line = getattr(raw, "line", 0)
    if not isinstance(raw, dict):
        raise RuleInvalid([RuleProblem(file, line, "", "each rule is a mapping (id, category, message, ...)")])
    key_lines = getattr(raw, "key_lines", {})
    rule_id = raw.get("id") if isinstance(raw.get("id"), str) else ""
    problems: list[RuleProblem] = []

    def problem(key: str, message: str):
        problems.append(RuleProblem(file, key_lines.get(key, line), rule_id, message))

    for key in sorted(set(raw) - RULE_KEYS):
        problem(key, f"unknown key {key!r} (allowed: {', '.join(sorted(RULE_KEYS))})")
    if not rule_id or not RULE_ID.match(rule_id):
        problem("id", "`id` is required: lowercase letters, digits, '.', '_' or '-' (e.g. acme.no-asap)")
    for key in ("category", "message"):
        if not isinstance(raw.get(key), str) or not raw.get(key).strip():
            problem(key, f"`{key}` is required and must be a string")
    if "explanation" in raw and not isinstance(raw["explanation"], str):
        problem("explanation", "`explanation` must be a string")
    severity = raw.get("severity", "warning")
    if severity not in SEVERITIES:
        problem("severity", f"`severity` must be one of {', '.join(SEVERITIES)}")
    case_sensitive = raw.get("case_sensitive", False)
    if not isinstance(case_sensitive, bool):
        problem("case_sensitive", "`case_sensitive` must be true or false")
        case_sensitive = False
    replacements = raw.get("replacements", [])
    if not isinstance(replacements, list) or not all(isinstance(r, str) for r in replacements):
        problem("replacements", "`replacements` must be a list of strings")
        replacements = []

    matchers = [k for k in ("pattern", "phrases", "check") if k in raw]
    pattern_source = regex = check = None
    if len(matchers) != 1:
        problem(matchers[1] if len(matchers) > 1 else "id", "give exactly one of `pattern`, `phrases` or `check`")
    elif matchers[0] == "pattern":
        if not isinstance(raw["pattern"], str) or not raw["pattern"]:
            problem("pattern", "`pattern` must be a non-empty string (RE2 syntax)")
        else:
            pattern_source = raw["pattern"]
    elif matchers[0] == "phrases":
        phrases = raw["phrases"]
        if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
            problem("phrases", "`phrases` must be a non-empty list of non-empty strings")
        else:
            pattern_source = "|".join(phrase_pattern(p) for p in phrases)
    else:
        check = raw["check"]
        if check not in PYTHON_CHECKS:
            problem("check", f"no Python check named {check!r} (known: {', '.join(sorted(PYTHON_CHECKS)) or 'none'})")
    if pattern_source is not None:
        try:
            regex = compile_pattern(pattern_source, case_sensitive)
        except ValueError as exc:
            problem(matchers[0], str(exc))

    when = raw.get("when", {})
    when_regex = {}
    if not isinstance(when, dict):
        problem("when", "`when` must be a mapping of conditions")
        when = {}
    for key, value in when.items():
        expected = WHEN_KEYS.get(key)
        if expected is None:
            problem("when", f"unknown condition {key!r} (allowed: {', '.join(sorted(WHEN_KEYS))})")
        elif not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            problem("when", f"condition {key!r} must be a {expected.__name__}")
        elif expected is str:
            try:
                when_regex[key] = compile_pattern(value, case_sensitive)
            except ValueError as exc:
                problem("when", f"condition {key!r}: {exc}")
    options = raw.get("options", {})
    if not isinstance(options, dict):
        problem("options", "`options` must be a mapping")
        options = {}

    flag, passes = _examples(raw.get("examples"), file, key_lines.get("examples", line), rule_id, problems)
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
        when=dict(when),
        when_regex=when_regex,
        options=dict(options),
        definition=dict(raw),
    )
