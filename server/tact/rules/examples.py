"""Run each rule's `flag` and `pass` examples: the rule's own tests."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..engine import CheckRequest, run
from ..request import InputError, parse_context
from .rule import Example, Rule
from .ruleset import RuleSet


@dataclass(frozen=True)
class ExampleFailure:
    rule: Rule
    kind: str  # "flag" | "pass"
    example: Example
    reason: str

    def __str__(self) -> str:
        return f"{self.rule.file}:{self.rule.line}: {self.rule.id}: {self.kind} example {self.example.text!r} {self.reason}"


def example_request(example: Example, rule: Rule) -> CheckRequest:
    context = parse_context(example.context or None)
    body = {"html": example.text} if example.html else {"text": example.text}
    return CheckRequest(**body, context=context, rules=frozenset([rule.id]))


def check_examples(rule: Rule) -> list[ExampleFailure]:
    """A `flag` example must raise this rule; a `pass` example must not."""
    single = RuleSet.of([rule])
    failures = []
    for kind, examples in (("flag", rule.flag), ("pass", rule.passes)):
        for example in examples:
            try:
                issues = run(example_request(example, rule), single).issues
            except InputError as exc:
                failures.append(ExampleFailure(rule, kind, example, f"has a bad context: {exc.message}"))
                continue
            if kind == "flag" and not issues:
                failures.append(ExampleFailure(rule, kind, example, "was not flagged"))
            elif kind == "pass" and issues:
                spans = ", ".join(repr(i.text) for i in issues)
                failures.append(ExampleFailure(rule, kind, example, f"was flagged ({spans})"))
    return failures


def run_examples(rules: Iterable[Rule]) -> tuple[int, list[ExampleFailure]]:
    """(number of examples run, failures)."""
    count, failures = 0, []
    for rule in rules:
        count += len(rule.flag) + len(rule.passes)
        failures.extend(check_examples(rule))
    return count, failures
