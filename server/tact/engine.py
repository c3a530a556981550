"""The one engine function: a request in, issues and stats out."""
from __future__ import annotations

import bisect
import time
from dataclasses import dataclass, field, replace
from typing import Iterable, Optional

from .checks import readability
from .model import SEVERITY_RANK, TONE_CATEGORIES, Context, Finding, Issue
from .rules.ruleset import RuleSet
from .text.draft import Draft, build_draft


@dataclass(frozen=True)
class CheckRequest:
    text: Optional[str] = None
    html: Optional[str] = None
    context: Context = Context()
    categories: Optional[frozenset[str]] = None  # None: every category
    rules: Optional[frozenset[str]] = None  # None: every rule


@dataclass
class CheckResult:
    issues: list[Issue]
    stats: dict
    elapsed_ms: float
    draft: Draft = field(repr=False, default=None)

    def to_json(self) -> dict:
        return {"issues": [i.to_json() for i in self.issues], "stats": self.stats, "elapsed_ms": self.elapsed_ms}


def _trimmed(finding: Finding, text: str) -> Finding:
    start, end = finding.start, finding.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if (start, end) == (finding.start, finding.end):
        return finding
    return Finding(start, end, finding.rule, finding.category, finding.severity, finding.message,
                   finding.explanation, finding.replacements)


def _rank(f: Finding) -> tuple:
    """Stronger first: severity, then length, then position, then rule id."""
    return SEVERITY_RANK[f.severity], -(f.end - f.start), f.start, f.rule


def merge(findings: Iterable[Finding]) -> list[Finding]:
    """Drop a finding that overlaps a stronger one of the same category (severity, then length, then position)."""
    ranked = sorted(findings, key=_rank)
    kept: list[Finding] = []
    # Per category, the kept ranges sorted by start; they never overlap, so they are sorted by end too and
    # only the last one starting before f.end can overlap f (a bisection, not a scan: thousands of
    # findings in a long draft made the scan quadratic).
    starts: dict[str, list[int]] = {}
    ends: dict[str, list[int]] = {}
    for f in ranked:
        cat_starts, cat_ends = starts.setdefault(f.category, []), ends.setdefault(f.category, [])
        before = bisect.bisect_left(cat_starts, f.end)
        if before and cat_ends[before - 1] > f.start:
            continue
        cat_starts.insert(before, f.start)
        cat_ends.insert(before, f.end)
        kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.end, f.rule))


# Categories whose findings in neighbouring sentences are one passage (an apology and the excuse after
# it, a lecture over two sentences); each accusatory question stays a finding of its own.
PASSAGE_CATEGORIES = TONE_CATEGORIES - {"accusatory-question"}


def fold_sentences(findings: list[Finding], draft: Draft) -> list[Finding]:
    """One finding per tone category and sentence, and per run of neighbouring sentences in the
    passage categories (a reviewer flags the passage once): the strongest, widened over the others."""
    groups: list[list[Finding]] = []
    held: dict[str, tuple[list[Finding], int, int]] = {}  # category -> (its group, first sentence, last sentence)
    for f in findings:
        first = draft.sentence_index(f.start) if f.category in TONE_CATEGORIES else -1
        if first < 0 or f.start >= draft.sentences[first].end:
            groups.append([f])  # outside every sentence, or not a tone finding
            continue
        slot = held.get(f.category)
        last = max(first, draft.sentence_index(f.end - 1))
        if slot is None or first > (slot[2] + 1 if f.category in PASSAGE_CATEGORIES else slot[1]):
            groups.append([f])
            held[f.category] = (groups[-1], first, last)
        else:
            slot[0].append(f)
            held[f.category] = (slot[0], slot[1], max(slot[2], last))
    return [group[0] if len(group) == 1 else _folded(group, draft.text) for group in groups]


def _folded(group: list[Finding], text: str) -> Finding:
    """The group's strongest finding over the whole group. Each of its replacements rewrites the
    group's text: the strongest finding's words by it, each other finding's by that finding's first
    replacement (kept as written when it has none), so one click fixes the passage. The group comes
    from merge(): in order and never overlapping."""
    strong = min(group, key=_rank)
    start, end = group[0].start, max(f.end for f in group)

    def rewrite(replacement: str) -> str:
        out, pos = [], start
        for f in group:
            own = replacement if f is strong else f.replacements[0] if f.replacements else text[f.start:f.end]
            out += [text[pos:f.start], own]
            pos = f.end
        return "".join(out) + text[pos:end]

    return replace(strong, start=start, end=end, replacements=tuple(rewrite(r) for r in strong.replacements))


def to_issue(finding: Finding, draft: Draft) -> Issue:
    source = draft.source
    start, end = source.locate(finding.start, finding.end)
    start16, end16 = source.utf16(start), source.utf16(end)
    return Issue(
        rule=finding.rule, category=finding.category, severity=finding.severity,
        message=finding.message, explanation=finding.explanation,
        offset=start, length=end - start, offset_utf16=start16, length_utf16=end16 - start16,
        text=draft.text[finding.start:finding.end], replacements=finding.replacements,
    )


def stats(draft: Draft) -> dict:
    return {
        "words": readability.draft_words(draft),
        "sentences": len(draft.sentences),
        "reading_grade": readability.draft_grade(draft),
    }


def run(request: CheckRequest, ruleset: RuleSet, extra: Iterable = ()) -> CheckResult:
    """Check one draft. `extra` are further finding sources `(draft) -> findings` (e.g. an upstream grammar server)."""
    started = time.perf_counter()
    draft = build_draft(text=request.text, html=request.html, context=request.context)
    findings = [*ruleset.findings(draft), *(f for source in extra for f in source(draft))]
    wanted = [
        _trimmed(f, draft.text) for f in findings
        if (request.categories is None or f.category in request.categories)
        and (request.rules is None or f.rule in request.rules)
    ]
    issues = [to_issue(f, draft) for f in fold_sentences(merge(f for f in wanted if f.end > f.start), draft)]
    return CheckResult(issues, stats(draft), round((time.perf_counter() - started) * 1000, 3), draft)
