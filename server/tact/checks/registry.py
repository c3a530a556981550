"""Checks written in Python, for what a pattern cannot say (sentence structure, time arithmetic).

A Python check is a function `(draft, rule) -> Iterable[Hit]`, registered once under a
name. A YAML rule selects it with `check: NAME`; the rule still owns the id, category,
severity, message template, explanation and examples, so every rule is data.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

PYTHON_CHECKS: dict[str, Callable] = {}


@dataclass(frozen=True)
class Hit:
    """A match from a Python check. `values` fill the rule's `{placeholders}`;
    `replacements`, when given, come before the rule's own."""

    start: int
    end: int
    values: dict = field(default_factory=dict)
    replacements: tuple[str, ...] = ()
    message: str | None = None  # overrides the rule's message when a check knows better


def python_check(name: str):
    def register(fn: Callable[..., Iterable[Hit]]):
        if name in PYTHON_CHECKS:
            raise ValueError(f"Python check {name!r} registered twice")
        PYTHON_CHECKS[name] = fn
        return fn

    return register
