"""Differential check for engine speed work: the full output (issues with offsets, stats) of the engine
on ~5,000 varied inputs, written as one JSON line per input, so two trees can be compared byte for byte.

    # before a change: snapshot a copy of the tree
    .venv/bin/python bench/differential.py --tree /tmp/base --out /tmp/before.jsonl
    # after it: the same inputs through the changed tree, compared line by line
    .venv/bin/python bench/differential.py --tree /work/main --out /tmp/after.jsonl --compare /tmp/before.jsonl

`--tree` is the checkout whose `server/` and `rules/` are used (so a frozen copy of the other engineers'
checks and rules can be combined with one's own changed files). Inputs: the dev drafts as sent, the
sentences set (alone and in groups), Enron emails, drafts of 200/1,500/10,000 characters built from the
dev set, CRLF and HTML variants of them, and hostile drafts assembled from the fuzz run's pieces, each
with a varied context (zones, send times, quoted thread). Draft text is never printed: a difference is
reported by input number and kind only.
"""
from __future__ import annotations

import argparse
import hashlib
import html as html_module
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVAL = Path("/work/shared/eval")


def _records(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def inputs() -> list[tuple[str, dict]]:
    """(kind, request body) pairs, the same on every call."""
    sys.path.insert(0, str(HERE))
    from drafts import DEFAULT_CONTEXT, dev_drafts, drafts_of_length
    from fuzz import HOSTILE, MARKUP, PHRASES, SENT, ZONES

    rnd = random.Random(20261123)
    out: list[tuple[str, dict]] = [("dev", body) for body in dev_drafts()]
    sentences = [r["text"] for r in _records(EVAL / "sentences.jsonl")]
    out += [("sentence", {"text": s, "context": DEFAULT_CONTEXT}) for s in sentences]
    for _ in range(400):
        group = rnd.sample(sentences, rnd.randint(2, 12))
        out.append(("sentences", {"text": rnd.choice([" ", "\n", "\n\n"]).join(group), "context": DEFAULT_CONTEXT}))
    enron = _records(EVAL / "external" / "enron_aeslc.jsonl")
    out += [("enron", {"text": r["text"], "context": DEFAULT_CONTEXT}) for r in rnd.sample(enron, 1200)]
    for length, count in ((200, 600), (1500, 800), (10000, 60)):
        out += [(f"{length}", body) for body in drafts_of_length(length, count, seed=length + 7)]
    for body in drafts_of_length(1500, 150, seed=3):
        out.append(("crlf", {"text": body["text"].replace("\n", "\r\n"), "context": body["context"]}))
        paragraphs = "".join(f"<p>{html_module.escape(p)}</p>" for p in body["text"].split("\n\n"))
        out.append(("html", {"html": f"<div>{paragraphs}</div>", "context": body["context"]}))
    pieces = HOSTILE + PHRASES
    for i in range(800):
        html = i % 2 == 1
        pool = pieces + MARKUP if html else pieces
        text = "".join(rnd.choice(pool) if rnd.random() < 0.6 else rnd.choice(sentences)[: rnd.randint(1, 80)]
                       for _ in range(rnd.randint(1, 30)))
        context = {"sender_timezone": rnd.choice(ZONES), "recipient_timezone": rnd.choice(ZONES),
                   "sent_at": rnd.choice(SENT), "quoted": rnd.choice(["", "On Mon, Dana wrote:\n> Could we do 2pm Central?"])}
        out.append(("fuzz", {"html" if html else "text": text, "context": context}))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tree", required=True, help="checkout whose server/ and rules/ to run")
    parser.add_argument("--out", required=True)
    parser.add_argument("--compare", help="an earlier --out to compare with")
    args = parser.parse_args()
    tree = Path(args.tree).resolve()
    sys.path.insert(0, str(tree / "server"))
    from tact import engine
    from tact.request import parse_check
    from tact.rules.ruleset import RuleSet, load_rules
    import tact
    assert Path(tact.__file__).resolve().is_relative_to(tree), f"tact imported from {tact.__file__}, not {tree}"

    ruleset = RuleSet.of(load_rules([tree / "rules"]))
    if hasattr(ruleset, "compile_prefilter"):  # a tree with Hyperscan databases: compiled or cached first
        ruleset.compile_prefilter()
        accelerated = ruleset._hyperscan
        print(f"prefilter: {'RE2 sets only' if accelerated is None else f'Hyperscan for {len(accelerated.covered)} members, RE2 sets for the rest'}")
    with open(args.out, "w", encoding="utf-8") as out:
        for kind, body in inputs():
            result = engine.run(parse_check(body), ruleset).to_json()
            del result["elapsed_ms"]
            out.write(json.dumps({"kind": kind, **result}, sort_keys=True, ensure_ascii=True) + "\n")
    with open(args.out, encoding="utf-8") as f:
        lines = f.read().splitlines()
    issues = sum(len(json.loads(line)["issues"]) for line in lines)
    print(f"{len(lines)} inputs, {issues} issues, sha1 {hashlib.sha1(chr(10).join(lines).encode()).hexdigest()[:12]}")
    if not args.compare:
        return 0
    with open(args.compare, encoding="utf-8") as f:
        before = f.read().splitlines()
    if len(before) != len(lines):
        print(f"different input counts: {len(before)} vs {len(lines)}")
        return 1
    differing = [i for i, (a, b) in enumerate(zip(before, lines)) if a != b]
    for i in differing[:20]:
        a, b = json.loads(before[i]), json.loads(lines[i])
        rules_a = sorted(x["rule"] for x in a["issues"])
        rules_b = sorted(x["rule"] for x in b["issues"])
        print(f"input {i} ({a['kind']}): rules {rules_a} -> {rules_b}; stats {a['stats']} -> {b['stats']}")
    print(f"{len(differing)} of {len(lines)} inputs differ")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
