"""Detection quality on a labeled JSONL set (schema: shared/eval/README.md).

An expected item matches a flagged issue when the categories are equal and the issue's range
overlaps the first occurrence of the expected `span` in the draft. Precision, recall and F1 are
per category over all drafts; clean drafts (empty `expect`) count toward precision and toward the
share of clean drafts flagged.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from .engine import CheckRequest, run
from .request import CONTEXT_FIELDS, parse_context
from .rules.ruleset import RuleSet

GRADED = ("condescension", "accusatory-question", "blame-shifting", "timezone", "vague-commitment", "apology")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in GRADED})
    drafts: int = 0
    clean: int = 0
    clean_flagged: int = 0
    misses: list = field(default_factory=list)  # (id, category, span)
    false_alarms: list = field(default_factory=list)  # (id, category, flagged text, rule)

    def lines(self, verbose: bool = False) -> list[str]:
        out = [f"{'category':22} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn"]
        for category, s in self.scores.items():
            out.append(f"{category:22} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:4} {s.fp:3} {s.fn:3}")
        share = self.clean_flagged / self.clean if self.clean else 0.0
        out.append(f"clean drafts flagged: {self.clean_flagged}/{self.clean} ({share:.1%}) of {self.drafts} drafts")
        if verbose:
            out += [f"MISS  {i} {c}: {s!r}" for i, c, s in self.misses]
            out += [f"FALSE {i} {c}: {t!r} [{r}]" for i, c, t, r in self.false_alarms]
        return out


def evaluate(items: Iterable[dict], ruleset: RuleSet, categories: Iterable[str] = GRADED) -> Report:
    categories = tuple(categories)
    report = Report(scores={c: Score() for c in categories})
    for item in items:
        report.drafts += 1
        text = item["text"]
        request = CheckRequest(text=text, context=parse_context(item.get("context")), categories=frozenset(categories))
        issues = run(request, ruleset).issues
        expected = [e for e in item.get("expect", []) if e["category"] in categories]
        used = set()
        for exp in expected:
            span_start = text.find(exp["span"])
            span_end = span_start + len(exp["span"])
            hit = next((k for k, i in enumerate(issues) if k not in used and i.category == exp["category"]
                        and span_start >= 0 and i.offset < span_end and span_start < i.offset + i.length), None)
            if hit is None:
                report.scores[exp["category"]].fn += 1
                report.misses.append((item.get("id"), exp["category"], exp["span"]))
            else:
                used.add(hit)
                report.scores[exp["category"]].tp += 1
        for k, issue in enumerate(issues):
            if k in used:
                continue
            # A second issue on an already-matched span is not a false alarm, only a duplicate.
            if any(issue.category == issues[u].category and issue.offset < issues[u].offset + issues[u].length
                   and issues[u].offset < issue.offset + issue.length for u in used):
                continue
            report.scores[issue.category].fp += 1
            report.false_alarms.append((item.get("id"), issue.category, issue.text, issue.rule))
        if not item.get("expect"):
            report.clean += 1
            report.clean_flagged += bool(issues)
    return report


def read_jsonl(path: str) -> list[dict]:
    """Labeled drafts; sentence-level items (`category`/`span`, as in sentences.jsonl) become drafts too."""
    items = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            item = json.loads(line)
            misplaced = sorted(CONTEXT_FIELDS & item.keys())
            if misplaced:  # silently ignored, it would score every such draft as a miss
                raise ValueError(f"line {number}: `{misplaced[0]}` belongs inside `context`")
            if "expect" not in item:
                item["expect"] = [{"category": item["category"], "span": item["span"]}] if item.get("category") else []
            items.append(item)
    return items
