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

from drafts import dev_drafts, drafts_of_length, percentile, print_header, summary
from proselint.checks import __register__
from proselint.registry import CheckRegistry
from proselint.tools import LintFile
from tact.request import parse_check
from tact.service import Service, Settings


def proselint_ms(text: str) -> float:
    started = time.perf_counter()
    LintFile("<draft>", text).lint()
    return (time.perf_counter() - started) * 1000


def compare(service: Service, bodies: list[dict]) -> tuple[list[float], list[float], list[float]]:
    tact, prose, ratios = [], [], []
    for body in bodies:
        request = parse_check(body)
        t = service.check(request, service.ruleset).elapsed_ms
        p = proselint_ms(body["text"])
        tact.append(t)
        prose.append(p)
        ratios.append(p / max(t, 1e-3))
    return tact, prose, ratios


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=300, help="drafts per generated size")
    args = parser.parse_args()
    print_header("Tact engine vs proselint, same drafts, same process (ms per document)")
    CheckRegistry().register_many(__register__)
    service = Service(Settings())
    for body in dev_drafts()[:10]:  # warm-up: both compile their patterns on first use
        service.check(parse_check(body), service.ruleset)
        proselint_ms(body["text"])
    print(f"{'drafts':>16} {'n':>5} | {'tact p50':>8} {'p99':>7} | {'proselint p50':>13} {'p99':>7} | "
          f"{'ratio p50':>9} {'p1 (worst)':>10} {'p99':>7} {'min':>6}")
    sets = [("dev set as sent", dev_drafts()), ("1,500 chars", drafts_of_length(1500, args.count, seed=1)),
            ("10,000 chars", drafts_of_length(10000, max(1, args.count // 5), seed=2))]
    for name, bodies in sets:
        tact, prose, ratios = compare(service, bodies)
        t, p = summary(tact), summary(prose)
        print(f"{name:>16} {t['n']:>5} | {t['p50']:>8.3f} {t['p99']:>7.3f} | {p['p50']:>13.3f} {p['p99']:>7.3f} | "
              f"{percentile(ratios, 50):>8.1f}× {percentile(ratios, 1):>9.1f}× {percentile(ratios, 99):>6.1f}× "
              f"{min(ratios):>5.1f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
