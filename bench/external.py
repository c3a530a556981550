"""Tone checks on text written outside the project (shared/eval/external): measure, never tune.

1. Enron business email (AESLC bodies, no timezone context): the share of emails flagged per
   tone category and overall (target: at most 3%), and 30 sampled flagged emails with their
   flagged sentences, so a reader can judge whether a careful person would flag them too.
2. Stanford Politeness requests (Wikipedia and Stack Exchange): the share of requests with an
   accusatory-question or condescension issue in the impolite quartile vs the polite one
   (targets: at least 25% impolite, at least 4x the polite rate).

Usage: .venv/bin/python bench/external.py [--sample 30] [--seed 7] [--dir PATH]
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "server"))

from tact.engine import CheckRequest, run  # noqa: E402
from tact.service import Service, Settings  # noqa: E402

TONE = ("condescension", "accusatory-question", "blame-shifting", "vague-commitment", "apology")
RUDENESS = frozenset({"accusatory-question", "condescension"})
DEFAULT_DIR = ROOT.parent / "shared" / "eval" / "external"
# Quartile thresholds on `Normalized Score` from the paper (see external/README.md).
QUARTILES = {
    "wikipedia.annotated.csv": (-0.443, 0.514),
    "stack-exchange.annotated.csv": (-0.344, 0.421),
}


def tone_issues(text: str, ruleset, categories=frozenset(TONE)):
    result = run(CheckRequest(text=text, categories=categories), ruleset)
    return result.issues, result.draft


def flagged_sentence(draft, issue) -> str:
    """The sentence around an issue (or the issue's own text when it spans sentences)."""
    start = draft.text.find(issue.text)
    sentence = draft.sentence_at(start) if start >= 0 else None
    return (sentence.text if sentence else issue.text).replace("\n", " ")


def enron(path: Path, ruleset, sample: int, seed: int) -> None:
    emails = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    per_category: Counter = Counter()
    rude_rules: Counter = Counter()
    flagged = []
    for email in emails:
        issues, draft = tone_issues(email["text"], ruleset)
        if issues:
            flagged.append((email["id"], issues, draft))
            per_category.update({i.category for i in issues})
            rude_rules.update(i.rule for i in issues if i.category in RUDENESS)
    total = len(emails)
    print(f"Enron (AESLC): {total} emails, tone categories, no timezone context")
    for category in TONE:
        print(f"  {category:22} {per_category[category]:5}  {per_category[category] / total:6.2%}")
    print(f"  {'any tone category':22} {len(flagged):5}  {len(flagged) / total:6.2%}   (target <= 3%)")
    if rude_rules:
        print("  accusatory/condescension findings by rule: " + ", ".join(f"{r} {c}" for r, c in rude_rules.most_common()))
    chosen = random.Random(seed).sample(flagged, min(sample, len(flagged)))
    print(f"\n{len(chosen)} sampled flagged emails (seed {seed}): judge each flagged sentence")
    for n, (email_id, issues, draft) in enumerate(chosen, 1):
        print(f"\n[{n}] {email_id}")
        for issue in issues:
            print(f"    {issue.category} / {issue.rule}: “{issue.text}”")
            print(f"      in: {flagged_sentence(draft, issue)[:300]}")


def politeness(path: Path, ruleset, impolite_max: float, polite_min: float) -> None:
    counts = {"impolite": [0, 0], "polite": [0, 0]}  # [requests, flagged]
    rules = {"impolite": Counter(), "polite": Counter()}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            score = float(row["Normalized Score"])
            quartile = "impolite" if score <= impolite_max else "polite" if score >= polite_min else None
            if quartile is None:
                continue
            issues, _ = tone_issues(row["Request"], ruleset, RUDENESS)
            counts[quartile][0] += 1
            counts[quartile][1] += bool(issues)
            rules[quartile].update(i.rule for i in issues)
    (n_imp, f_imp), (n_pol, f_pol) = counts["impolite"], counts["polite"]
    rate_imp, rate_pol = f_imp / max(n_imp, 1), f_pol / max(n_pol, 1)
    ratio = f"{rate_imp / rate_pol:.1f}x" if rate_pol else ("inf" if rate_imp else "n/a")
    print(f"\n{path.name}: accusatory-question or condescension issue on")
    print(f"  impolite quartile (score <= {impolite_max}): {f_imp}/{n_imp} = {rate_imp:.1%}   (target >= 25%)")
    print(f"  polite quartile   (score >= {polite_min}): {f_pol}/{n_pol} = {rate_pol:.1%}")
    print(f"  ratio impolite/polite: {ratio}   (target >= 4x)")
    for quartile, counter in rules.items():
        if counter:
            print(f"  rules firing on the {quartile} quartile: " + ", ".join(f"{r} {c}" for r, c in counter.most_common(8)))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="folder with the external corpora")
    parser.add_argument("--sample", type=int, default=30, help="flagged Enron emails to print")
    parser.add_argument("--seed", type=int, default=7, help="seed for the sample")
    args = parser.parse_args(argv)
    ruleset = Service(Settings()).ruleset
    enron(args.dir / "enron_aeslc.jsonl", ruleset, args.sample, args.seed)
    for name, (impolite_max, polite_min) in QUARTILES.items():
        politeness(args.dir / name, ruleset, impolite_max, polite_min)
    return 0


if __name__ == "__main__":
    sys.exit(main())
