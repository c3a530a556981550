"""Rule evaluation cost as packs grow: the built-in library alone vs. plus 1,000 generated phrase rules.

    .venv/bin/python bench/rules_scale.py [--rules 1000] [--runs 2000]

The generated pack is written as YAML and loaded like a team's pack (word forms, alternatives
and all), then the engine checks one 1,500-character business email over and over. All
pattern rules share one RE2 set, so a draft is scanned once however many rules there are;
only the few rules the set reports run their own pattern. Target: p50 <= 2 ms with 1,000 rules.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))

from tact import checks  # noqa: E402,F401  (registers the Python checks)
from tact.engine import CheckRequest, run  # noqa: E402
from tact.rules.ruleset import BUILTIN_RULES, RuleSet, load_rules  # noqa: E402

WORDS = """account agenda align approval asset audit backlog bandwidth baseline benchmark billing
blocker board brief budget buy-in calendar campaign capacity circle client contract cost deadline
deal deck deliverable demo draft escalate estimate feedback forecast funnel handoff headcount
invoice kickoff launch lead leverage margin metric milestone onboarding outreach pipeline pivot
pricing priority proposal quote quota renewal report revenue roadmap runway scope signoff slide
stakeholder synergy target ticket timeline touch base update vendor workflow""".split()
VERBS = "circle touch follow loop reach ping sync align escalate revisit table park drop push".split()
TEMPLATE = """\
  - id: gen.rule-{n}
    category: gen-style
    severity: suggestion
    message: "“{{match}}” is on the team's word list."
    phrases: [{phrases}]{inflect}
    examples:
      flag: ["{flag}"]
      pass: ["Nothing to see in this sentence."]
"""
DRAFT = """\
Hi Dana,

Thanks for the call this morning and for walking us through the renewal. I have pulled the
numbers together and attached the revised quote, which now covers the extra seats for the
support desk and the onboarding sessions your team asked about.

A few notes before Thursday. The pricing on the second page assumes a two-year term; if you
would rather stay on annual billing, I can send a second version by Wednesday at noon Central.
Our finance lead will want the signed order form by the end of the month so the new seats are
live for your spring launch. I will also share the implementation timeline with your project
manager, so she can plan the training around your release calendar.

On the question about data export: yes, the admin console can export every ticket with its
history as CSV, and our API returns the same fields. I have added a short guide to the shared
folder. If anything in the contract reads differently from what we discussed, mark it up and
I will turn it around the same day. We can follow up with the legal team after that, and we
will circle back on the budget once the board has signed off.

Last thing: the security questionnaire is with our compliance team. They expect to finish it
by Friday, and I will forward it the moment it is done. If your IT team has questions on single
sign-on or data residency, I can set up a call with our solutions engineer next week.

Thanks again for your time and for the detailed notes, and talk soon.

Best,
Sam
"""


def generated_pack(count: int, seed: int = 7) -> str:
    """`count` rules of one to three phrases each, shaped like a team's word list: two to four words
    (jargon verbs with word forms, `a|b` alternatives), plus four phrases that do occur in the draft."""
    rng = random.Random(seed)
    rules = []
    for n in range(count):
        phrases = []
        for _ in range(rng.randint(1, 3)):
            words = rng.sample(WORDS, rng.randint(1, 3))
            if len(words) == 1 or rng.random() < 0.3:
                words.insert(0, rng.choice(VERBS) + "~")
            if rng.random() < 0.1:
                words[-1] += "|" + rng.choice(WORDS)
            phrases.append(" ".join(words))
        flag = " ".join(w.rstrip("~").split("|")[0] for w in phrases[0].split())
        inflect = "\n    inflect: true" if rng.random() < 0.2 else ""
        rules.append(TEMPLATE.format(n=n, phrases=", ".join(f'"{p}"' for p in phrases), inflect=inflect,
                                     flag=f"Please see the {flag} today."))
    for n, phrase in enumerate(["circle~ back", "follow~ up", "revised quote", "end of the month"]):
        rules.append(TEMPLATE.format(n=f"hit-{n}", phrases=f'"{phrase}"', inflect="",
                                     flag=f"We {phrase.replace('~', '')} here."))
    return "rules:\n" + "".join(rules)


def timings(ruleset: RuleSet, runs: int) -> tuple[list[float], list[float]]:
    """(wall-clock ms, CPU ms of this thread) per check, each sorted. CPU time is the engine's own
    cost even on a busy machine; wall-clock is what a caller waits."""
    request = CheckRequest(text=DRAFT)
    for _ in range(50):
        run(request, ruleset)
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.thread_time()
        run(request, ruleset)
        cpu.append((time.thread_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    return sorted(wall), sorted(cpu)


def p99(samples: list[float]) -> float:
    return samples[min(len(samples) - 1, int(len(samples) * 0.99))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=2000)
    args = parser.parse_args()

    builtin_rules = load_rules([BUILTIN_RULES])
    with tempfile.TemporaryDirectory() as pack:
        (Path(pack) / "generated.yaml").write_text(generated_pack(args.rules), encoding="utf-8")
        started = time.perf_counter()
        generated = load_rules([pack])
        alone = RuleSet.of(generated)
        load_ms = (time.perf_counter() - started) * 1000
    sets = {
        "built-in library": RuleSet.of(builtin_rules),
        f"{len(generated)} generated alone": alone,
        f"built-in + {len(generated)} generated": RuleSet.of([*builtin_rules, *generated]),
    }
    print(f"draft: {len(DRAFT)} chars; built-in rules: {len(builtin_rules)}; generated phrase rules: "
          f"{len(generated)} (loaded and compiled in {load_ms:.0f} ms); "
          f"generated rules that fire on it: {len({i.rule for i in run(CheckRequest(text=DRAFT), alone).issues})}")
    print(f"{'rule set':<32}{'p50 ms':>9}{'p99 ms':>9}{'p50 CPU ms':>12}")
    medians = {}
    for name, ruleset in sets.items():
        wall, cpu = timings(ruleset, args.runs)
        medians[name] = (statistics.median(wall), statistics.median(cpu))
        print(f"{name:<32}{medians[name][0]:>9.3f}{p99(wall):>9.3f}{medians[name][1]:>12.3f}")
    base, gen, grown = (medians[n] for n in sets)
    print(f"ratio of medians, built-in + generated vs built-in: {grown[0] / base[0]:.2f}x wall, "
          f"{grown[1] / base[1]:.2f}x CPU; added by the generated rules: {grown[1] - base[1]:.3f} ms CPU")
    ok = gen[0] <= 2.0
    print(f"target p50 <= 2 ms for the engine with {len(generated)} phrase rules: {'met' if ok else 'MISSED'} "
          f"({gen[0]:.3f} ms wall, {gen[1]:.3f} ms CPU)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
