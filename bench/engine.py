"""Engine time per draft at 200, 1,500 and 10,000 characters, whole built-in library on.

Drafts are dev-set drafts laid end to end and cut to length (each measured draft is distinct, so
no per-text cache flatters the figures), checked with both time zones and the send time in the
context, as the extension sends them. Times are wall clock (time.perf_counter) and CPU time of
this thread (time.thread_time, which other load on the machine does not inflate).
Target at 1,500 characters: p50 ≤ 1 ms, p99 ≤ 5 ms. The dev-set drafts are dense (most sentences
carry a tone or time problem); the "Enron" line is real business email of 1,200-1,800 characters
(shared/eval/external, measured only, never tuned on), a more typical load.

    .venv/bin/python bench/engine.py [--count 1000] [--rounds 1] [--breakdown]

Before measuring, the engine checks 300 other drafts: a long-running worker's steady state, where
RE2 has built the DFA states ordinary text needs (the first few hundred drafts build them: the rule
set's prefilter takes ~0.3 ms a draft at first, ~0.02 ms once warm) and the per-word syllable cache
holds the common words. No measured draft is among them.

The prefilter runs on Hyperscan databases when the `hyperscan` package is installed: they are
compiled (or read from the cache, see README "Prefilter cache") before the warm-up, and the time
is printed. --re2-only measures the RE2 sets alone, as without Hyperscan or before its databases
are compiled.

--breakdown adds where the time goes at 1,500 characters inside real engine runs: the text pipeline
stages, the rule-set prefilter, each pattern rule and each Python check (CPU ms per draft, mean).
A value several checks share (the time mentions, the words of each sentence) is counted in the
first check that asks for it.
"""
from __future__ import annotations

import argparse
import collections
import dataclasses
import gc
import time

from drafts import dev_drafts, drafts_of_length, enron_drafts, print_header, summary
from tact import engine
from tact.checks.registry import PYTHON_CHECKS
from tact.request import parse_check
from tact.rules import hyperscan_prefilter, ruleset as ruleset_module
from tact.rules.conditions import DraftFacts
from tact.service import Service, Settings

SIZES = (200, 1500, 10000)


def warm_up(service: Service, count: int = 300):
    """Run the engine as a worker that has been serving for a while (see the module doc)."""
    for body in drafts_of_length(1500, count, seed=99):
        service.check(parse_check(body), service.ruleset)


def measure(service: Service, bodies: list[dict], rounds: int) -> tuple[list[float], list[float], float]:
    requests = [parse_check(body) for body in bodies]
    ruleset = service.ruleset
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


def breakdown(service: Service, bodies: list[dict], top: int = 25):
    """Mean CPU ms per draft of each stage, each pattern rule and each Python check, timed inside
    `engine.run` (its draft building and stats wrapped for the duration, the rule set's `findings`
    replaced by the same steps with a timer around each)."""
    cost: collections.Counter = collections.Counter()
    ruleset = service.ruleset

    def timed(name, fn, *args, **kwargs):
        started = time.thread_time()
        value = fn(*args, **kwargs)
        cost[name] += time.thread_time() - started
        return value

    def findings(draft):  # what RuleSet.findings does, each part timed
        timed("text: sentences", draft.sentence_at, 0)
        facts = DraftFacts(draft)
        flagged = timed("rule set prefilter (Hyperscan or RE2 set scans, check triggers included)", ruleset.candidates, draft)
        for index in flagged:
            rule = ruleset._pattern_rules[index]
            yield from timed(f"pattern {rule.id}", lambda: list(ruleset_module._pattern_findings(rule, draft, facts)))
        for rule in timed("check rules to run (triggers read from the scan)", ruleset.checks, draft):
            hits = timed(f"check {rule.id}", lambda: list(PYTHON_CHECKS[rule.check](draft, rule)))
            yield from timed("findings from hits", lambda: [ruleset_module._finding(rule, draft, h) for h in hits])

    original_build, original_stats = engine.build_draft, engine.stats
    engine.build_draft = lambda **kw: timed("text: build_draft (normalize, quote/signature split)", original_build, **kw)
    engine.stats = lambda draft: timed("engine: stats (words, sentences, reading grade)", original_stats, draft)
    timed_ruleset = dataclasses.replace(ruleset)
    object.__setattr__(timed_ruleset, "findings", findings)
    total = 0.0
    try:
        for request in (parse_check(body) for body in bodies):
            started = time.thread_time()
            engine.run(request, timed_ruleset)
            total += time.thread_time() - started
    finally:
        engine.build_draft, engine.stats = original_build, original_stats
    parts = sum(cost.values())
    cost["engine: filter, merge, offsets, issues (the rest)"] = total - parts
    print(f"\nwhere the time goes at 1,500 chars (CPU ms per draft, mean of {len(bodies)}; total {total / len(bodies) * 1000:.3f}):")
    for name, seconds in cost.most_common(top):
        print(f"{seconds / len(bodies) * 1000:8.3f}  {name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="distinct drafts per size (a third of it at 10,000)")
    parser.add_argument("--rounds", type=int, default=1, help="passes over them (later passes hit per-text caches)")
    parser.add_argument("--breakdown", action="store_true", help="also time each stage and each rule at 1,500 chars")
    parser.add_argument("--re2-only", action="store_true", help="prefilter with the RE2 sets only (no Hyperscan)")
    args = parser.parse_args()
    if args.re2_only:
        hyperscan_prefilter.hyperscan = None
    print_header("engine time per draft (ms), whole built-in library, zones + sent_at in context")
    service = Service(Settings())
    started = time.perf_counter()
    compiled = service.ruleset.compile_prefilter()
    accelerated = service.ruleset._hyperscan
    prefilter = ("RE2 sets only" if accelerated is None else
                 f"Hyperscan for {len(accelerated.covered)} members ({'compiled in %.1f s' % compiled if compiled else 'from the cache'}, "
                 f"{time.perf_counter() - started:.2f} s in all), RE2 sets for the rest")
    print(f"rules: {len(service.ruleset.rules)}; prefilter: {prefilter}")
    warm_up(service)
    print(f"{'drafts':>18} {'n':>6} {'issues/draft':>12} | {'wall p50':>8} {'p90':>7} {'p99':>7} {'max':>7} "
          f"| {'cpu p50':>8} {'p99':>7}")
    sets = [("dev set as sent", dev_drafts())] + [(f"{n:,} chars", drafts_of_length(n, args.count if n < 10000 else args.count // 3, seed=n))
                                                 for n in SIZES]
    sets.insert(3, ("Enron 1,200-1,800", enron_drafts()))
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
