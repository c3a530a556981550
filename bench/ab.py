"""Engine time before and after a change, both trees in one process, each draft through both alternately.

On this shared machine two runs of the same tree in separate processes differ by up to a fifth; in one
process, with the order flipped every round, the same tree against itself comes out within 2%.

    git archive HEAD | tar -x -C /tmp/before          # before the change
    .venv/bin/python bench/ab.py --before /tmp/before [--rounds 3] [--count 300]

The `before` tree's `server/tact` is imported as `tact_before` from a temporary copy (its `rules/` copied
beside it, where its rule set looks for them; its codec error handlers renamed, as both trees register
them under the same names); `tact` is the one this Python imports (this checkout, or PYTHONPATH=DIR/server),
with its own rules. While others edit rules and checks, time only your change: the session-start copy
against a copy of it with your files put in. Each draft runs twice in each tree (the faster counts; `--runs 1` counts its first run, where a cache refill
shows); the figures are CPU ms per draft: p50, mean and the median of the per-draft ratios.
"""
from __future__ import annotations

import argparse
import importlib
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from drafts import dev_drafts, drafts_of_length, enron_drafts

_HANDLER = re.compile(r'register_error\(\s*"([^"]+)"')


def _import_before(tree: Path, into: Path):
    """`tree`'s server/tact as the package `tact_before`, from a copy under `into`."""
    shutil.copytree(tree / "server" / "tact", into / "server" / "tact_before")
    shutil.copytree(tree / "rules", into / "rules")
    files = list((into / "server" / "tact_before").rglob("*.py"))
    names = {name for path in files for name in _HANDLER.findall(path.read_text(encoding="utf-8"))}
    for path in files:
        source = path.read_text(encoding="utf-8")
        renamed = source
        for name in names:
            renamed = renamed.replace(f'"{name}"', f'"{name}-before"')
        if renamed != source:
            path.write_text(renamed, encoding="utf-8")
    sys.path.insert(0, str(into / "server"))
    return importlib.import_module("tact_before")


def _service(package: str):
    service = importlib.import_module(package + ".service").Service(importlib.import_module(package + ".service").Settings())
    service.ruleset.compile_prefilter()
    return service, importlib.import_module(package + ".request").parse_check


def _cpu(service, parse, body, runs: int = 2) -> float:
    request, best = parse(body), float("inf")
    for _ in range(runs):
        started = time.thread_time()
        service.check(request, service.ruleset)
        best = min(best, time.thread_time() - started)
    return best * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", required=True, help="a copy of the tree before the change")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--count", type=int, default=300, help="1,500-character drafts")
    parser.add_argument("--runs", type=int, default=2,
                        help="runs of each draft per round, the fastest counting; --runs 1 --rounds 1 times each draft "
                             "as the engine first meets it, so a cache the second run would find warm (a regex's DFA "
                             "states) is counted")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        _import_before(Path(args.before).resolve(), Path(scratch))
        before, after = _service("tact_before"), _service("tact")
        for label, (service, _) in (("before", before), ("after", after)):
            print(f"{label}: {Path(sys.modules[service.__module__].__file__).parents[1]}, {len(service.ruleset.rules)} rules")
        for body in drafts_of_length(1500, 200, seed=99):  # both warm, as a long-running worker
            _cpu(*before, body)
            _cpu(*after, body)
        for name, bodies in (("1,500 chars", drafts_of_length(1500, args.count, seed=15)),
                             ("Enron 1,200-1,800", enron_drafts()), ("dev set as sent", dev_drafts())):
            old, new = [], []
            for round_ in range(args.rounds):
                for body in bodies:
                    if round_ % 2:
                        old.append(_cpu(*before, body, args.runs))
                        new.append(_cpu(*after, body, args.runs))
                    else:
                        new.append(_cpu(*after, body, args.runs))
                        old.append(_cpu(*before, body, args.runs))
            ratio = statistics.median(b / a for a, b in zip(old, new) if a > 0)
            print(f"{name:>18}: before p50 {statistics.median(old):.3f} mean {statistics.fmean(old):.3f} | "
                  f"after p50 {statistics.median(new):.3f} mean {statistics.fmean(new):.3f} | "
                  f"x{statistics.median(new) / statistics.median(old):.3f} (per-draft ratio {ratio:.3f})", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
