"""Run each rule's `flag` and `pass` examples: the rule's own tests."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..engine import CheckRequest, run
from ..request import InputError, parse_context
from .rule import Example, Rule
from .ruleset import RuleSet


@dataclass(frozen=True)
class ExampleResult:
    rule: Rule
    kind: str  # "flag" | "pass"
    example: Example
    reason: str  # empty when the example passed

    @property
    def passed(self) -> bool:
        return not self.reason

    def __str__(self) -> str:
        outcome = self.reason or "passed"
        return f"{self.rule.file}:{self.rule.line}: {self.rule.id}: {self.kind} example {self.example.text!r} {outcome}"

    def to_json(self) -> dict:
        return {"rule": self.rule.id, "expect": self.kind, "text": self.example.text,
                "ok": self.passed, "reason": self.reason or None}


def example_request(example: Example, rule: Rule) -> CheckRequest:
    context = parse_context(example.context or None)
    body = {"html": example.text} if example.html else {"text": example.text}
    return CheckRequest(**body, context=context, rules=frozenset([rule.id]))


def example_results(rule: Rule) -> list[ExampleResult]:
    """A `flag` example must raise this rule; a `pass` example must not."""
    single = RuleSet.of([rule])
    results = []
    for kind, examples in (("flag", rule.flag), ("pass", rule.passes)):
        for example in examples:
            try:
                issues = run(example_request(example, rule), single).issues
            except InputError as exc:
                results.append(ExampleResult(rule, kind, example, f"has a bad context: {exc.message}"))
                continue
            reason = ""
            if kind == "flag" and not issues:
                reason = "was not flagged"
            elif kind == "pass" and issues:
                reason = f"was flagged ({', '.join(repr(i.text) for i in issues)})"
            results.append(ExampleResult(rule, kind, example, reason))
    return results


def check_examples(rule: Rule) -> list[ExampleResult]:
    """The examples of `rule` that fail."""
    return [r for r in example_results(rule) if not r.passed]


def run_examples(rules: Iterable[Rule]) -> tuple[int, list[ExampleResult]]:
    """(number of examples run, failures)."""
    count, failures = 0, []
    for rule in rules:
        count += len(rule.flag) + len(rule.passes)
        failures.extend(check_examples(rule))
    return count, failures
