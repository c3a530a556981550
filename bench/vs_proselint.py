"""Tact and proselint side by side on the same drafts, in the same process and the same run.

For each draft: proselint's in-process lint (`LintFile(...).lint()`, all its default checks) and
Tact's engine time (`elapsed_ms`, whole built-in library, zones and send time in the context),
alternating so both see the same machine state; the ratio proselint / Tact is taken per document.
Target: Tact ≥ 20× faster per document.

    .venv/bin/pip install proselint   # a dev extra: pip install -e ".[dev]"
    .venv/bin/python bench/vs_proselint.py [--count 300]
"""
from __future__ import annotations

import argparse
import time

from drafts import dev_drafts, drafts_of_length, enron_drafts, percentile, print_header, summary
from proselint.checks import __register__
from proselint.registry import CheckRegistry
from proselint.tools import LintFile
from tact.request import parse_check
from tact.service import Service, Settings


def proselint_ms(text: str) -> tuple[float, float]:
    """(wall ms, CPU ms) of proselint linting `text`."""
    wall, cpu = time.perf_counter(), time.thread_time()
    LintFile("<draft>", text).lint()
    return (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000


def compare(service: Service, bodies: list[dict]) -> dict[str, list[float]]:
    """Per document: Tact's elapsed_ms and CPU ms, proselint's wall and CPU ms, and both ratios."""
    out: dict[str, list[float]] = {k: [] for k in ("tact", "prose", "ratio", "tact_cpu", "prose_cpu", "ratio_cpu")}
    for body in bodies:
        request = parse_check(body)
        cpu = time.thread_time()
        t = service.check(request, service.ruleset).elapsed_ms
        t_cpu = (time.thread_time() - cpu) * 1000
        p, p_cpu = proselint_ms(body["text"])
        for key, value in (("tact", t), ("prose", p), ("ratio", p / max(t, 1e-3)), ("tact_cpu", t_cpu),
                           ("prose_cpu", p_cpu), ("ratio_cpu", p_cpu / max(t_cpu, 1e-3))):
            out[key].append(value)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=300, help="drafts per generated size")
    args = parser.parse_args()
    print_header("Tact engine vs proselint, same drafts, same process (ms per document)")
    CheckRegistry().register_many(__register__)
    service = Service(Settings())
    # Warm-up on other drafts: both compile their patterns on first use, and a long-running worker has
    # its steady state (RE2 builds its DFA states lazily: see bench/engine.py).
    for body in drafts_of_length(1500, 300, seed=99):
        service.check(parse_check(body), service.ruleset)
        proselint_ms(body["text"])
    print("ratio = proselint time / Tact time for the same document; wall: Tact's elapsed_ms vs proselint's "
          "wall clock; CPU: thread CPU time of each (not inflated by other load on the machine)")
    print(f"{'drafts':>16} {'n':>5} | {'tact p50':>8} {'p99':>7} | {'proselint p50':>13} {'p99':>7} | "
          f"{'ratio p50':>9} {'p1 (worst)':>10} {'p99':>7} {'min':>6} | {'CPU: tact p50':>13} {'proselint p50':>13} "
          f"{'ratio p50':>9} {'p1':>6} {'p99':>6}")
    sets = [("dev set as sent", dev_drafts()), ("1,500 chars", drafts_of_length(1500, args.count, seed=1)),
            ("Enron 1.2-1.8k", enron_drafts()), ("10,000 chars", drafts_of_length(10000, max(1, args.count // 5), seed=2))]
    for name, bodies in sets:
        r = compare(service, bodies)
        t, p, ratios, rc = summary(r["tact"]), summary(r["prose"]), r["ratio"], r["ratio_cpu"]
        print(f"{name:>16} {t['n']:>5} | {t['p50']:>8.3f} {t['p99']:>7.3f} | {p['p50']:>13.3f} {p['p99']:>7.3f} | "
              f"{percentile(ratios, 50):>8.1f}× {percentile(ratios, 1):>9.1f}× {percentile(ratios, 99):>6.1f}× "
              f"{min(ratios):>5.1f}× | {percentile(r['tact_cpu'], 50):>13.3f} {percentile(r['prose_cpu'], 50):>13.3f} "
              f"{percentile(rc, 50):>8.1f}× {percentile(rc, 1):>5.1f}× {percentile(rc, 99):>5.1f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
