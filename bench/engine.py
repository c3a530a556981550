"""Engine time per draft at 200, 1,500 and 10,000 characters, whole built-in library on.

Drafts are dev-set drafts laid end to end and cut to length (each measured draft is distinct, so
no per-text cache flatters the figures), checked with both time zones and the send time in the
context, as the extension sends them. Times are wall clock (time.perf_counter) and CPU time of
this thread (time.thread_time, which other load on the machine does not inflate).
Target at 1,500 characters: p50 ≤ 1 ms, p99 ≤ 5 ms.

    .venv/bin/python bench/engine.py [--count 1000] [--rounds 1] [--breakdown]

--breakdown adds where the time goes at 1,500 characters: the text pipeline stages and each rule
on its own (CPU ms per draft, mean), to show which check to profile next.
"""
from __future__ import annotations

import argparse
import collections
import gc
import time

from drafts import dev_drafts, drafts_of_length, print_header, summary
from tact import engine
from tact.request import parse_check
from tact.rules.ruleset import RuleSet
from tact.service import Service, Settings
from tact.text.draft import build_draft

SIZES = (200, 1500, 10000)


def measure(service: Service, bodies: list[dict], rounds: int) -> tuple[list[float], list[float], float]:
    requests = [parse_check(body) for body in bodies]
    ruleset = service.ruleset
    for request in requests[:20]:  # warm-up: first-call costs (imports, caches of compiled patterns)
        service.check(request, ruleset)
    wall, cpu, issues = [], [], 0
    gc.collect()
    for _ in range(rounds):
        for request in requests:
            w, c = time.perf_counter(), time.thread_time()
            result = service.check(request, ruleset)
            cpu.append((time.thread_time() - c) * 1000)
            wall.append((time.perf_counter() - w) * 1000)
            issues += len(result.issues)
    return wall, cpu, issues / len(wall)


def breakdown(service: Service, bodies: list[dict], top: int = 15):
    """Mean CPU ms per draft of each pipeline stage and of each rule run alone."""
    singles = {rule.id: RuleSet.of([rule]) for rule in service.ruleset.rules}
    cost: collections.Counter = collections.Counter()

    def timed(name, fn):
        started = time.thread_time()
        fn()
        cost[name] += time.thread_time() - started

    for request in (parse_check(body) for body in bodies):
        holder = {}
        timed("text: build_draft (normalize, quote/signature split)",
              lambda: holder.update(d=build_draft(text=request.text, html=request.html, context=request.context)))
        draft = holder["d"]
        timed("text: folded", lambda: draft.folded)
        timed("text: sentences", lambda: (draft.sentences, draft.sentence_at(0)))
        timed("engine: stats (words, sentences, reading grade)", lambda: engine.stats(draft))
        for rule_id, single in singles.items():
            timed(f"rule {rule_id}", lambda: list(single.findings(draft)))
    print(f"\nwhere the time goes at 1,500 chars (CPU ms per draft, mean of {len(bodies)}):")
    for name, seconds in cost.most_common(top):
        print(f"{seconds / len(bodies) * 1000:8.3f}  {name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="distinct drafts per size (a third of it at 10,000)")
    parser.add_argument("--rounds", type=int, default=1, help="passes over them (later passes hit per-text caches)")
    parser.add_argument("--breakdown", action="store_true", help="also time each stage and each rule at 1,500 chars")
    args = parser.parse_args()
    print_header("engine time per draft (ms), whole built-in library, zones + sent_at in context")
    service = Service(Settings())
    print(f"rules: {len(service.ruleset.rules)}")
    print(f"{'drafts':>18} {'n':>6} {'issues/draft':>12} | {'wall p50':>8} {'p90':>7} {'p99':>7} {'max':>7} "
          f"| {'cpu p50':>8} {'p99':>7}")
    sets = [("dev set as sent", dev_drafts())] + [(f"{n:,} chars", drafts_of_length(n, args.count if n < 10000 else args.count // 3, seed=n))
                                                 for n in SIZES]
    for name, bodies in sets:
        wall, cpu, issues = measure(service, bodies, args.rounds)
        w, c = summary(wall), summary(cpu)
        print(f"{name:>18} {w['n']:>6} {issues:>12.1f} | {w['p50']:>8.3f} {w['p90']:>7.3f} {w['p99']:>7.3f} "
              f"{w['max']:>7.2f} | {c['p50']:>8.3f} {c['p99']:>7.3f}")
    if args.breakdown:
        breakdown(service, drafts_of_length(1500, 300, seed=15))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
