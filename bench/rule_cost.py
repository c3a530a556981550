"""What each pattern rule adds to the prefilter on mail it has not seen: for a rule author to find
the patterns that make the RE2 sets slow before the library pays for them.

    .venv/bin/python bench/rule_cost.py [--top 25] [--compile]

Each pattern rule goes alone into a `RuleSet` (its prefilter set built as the engine builds it);
the set first scans 300 dev-set drafts of 1,500 characters (a worker that has been serving a while),
then the Enron emails of 1,200-1,800 characters, each once (text the DFA has not seen: what a new
draft is). Printed: CPU µs per email for that pattern alone, most expensive first, and the sum.
The engine's sets hold 12 rules each, and a set's cost is more than the sum of its members' (its DFA
state is the combination of their partial matches), so a rule near the top costs the engine
more than its own figure. What makes a pattern expensive: a gap that stays open for many bytes
(`[^.]*`, `.{0,80}?`, `(?:\\w+\\s+){0,6}`), above all after a common word (`\\bwhy\\b[^.?]*`), and
long alternations that start with common words ("I", "you", "the").

--compile lists instead what each member of the Hyperscan prefilter (pattern rules and check
triggers) costs to compile alone (CPU seconds, most expensive first), and the whole library's
compile as the engine does it (its databases, without the cache).

--scan lists what each Hyperscan member costs the scan: its expressions compiled alone, 300 dense
1,500-character drafts scanned, CPU µs per draft above an empty database's (median), most expensive
first; then the library's databases as the engine scans them. The members' figures add up to more
than the databases' (a database shares its literal matcher), but rank who pays for the scan.

--candidate lists what each pattern rule costs when the prefilter names it and it finds nothing
(its own regex over the draft, as `ruleset._pattern_findings` runs it): µs per draft, median over the
drafts where it found nothing. This is what a less selective prefilter would spend per extra candidate.
"""
from __future__ import annotations

import argparse
import statistics
import time

from drafts import drafts_of_length, enron_drafts
from tact.rules.ruleset import _RULES_PER_SET, RuleSet
from tact.service import Service, Settings
from tact.text.draft import build_draft


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=25, help="rules to list")
    parser.add_argument("--compile", action="store_true", help="Hyperscan compile time per member instead")
    parser.add_argument("--scan", action="store_true", help="Hyperscan scan time per member instead")
    parser.add_argument("--candidate", action="store_true", help="each pattern rule's cost as a candidate that finds nothing")
    args = parser.parse_args()
    if args.compile:
        return compile_costs(Service(Settings()).ruleset, args.top)
    if args.scan:
        return scan_costs(Service(Settings()).ruleset, args.top)
    if args.candidate:
        return candidate_costs(Service(Settings()).ruleset, args.top)
    rules = Service(Settings()).ruleset._pattern_rules
    warm = [build_draft(text=b["text"]).new_text for b in drafts_of_length(1500, 300, seed=99)]
    unseen = [build_draft(text=b["text"]).new_text for b in enron_drafts()]
    costs = []
    for rule in rules:
        alone = RuleSet.of([rule])
        (prefilter, _, _), latin1 = alone._sets[0], alone._twins[0] is not None

        def read(text: str) -> bytes:  # as the engine hands the text to this set (a K or ſ aside)
            return (alone._latin1(text) if latin1 else None) or text.encode("utf-8")
        for text in map(read, warm):
            prefilter.Match(text)
        unseen_bytes = [read(text) for text in unseen]
        started = time.thread_time()
        for text in unseen_bytes:
            prefilter.Match(text)
        costs.append(((time.thread_time() - started) / len(unseen) * 1e6, rule.id))
    costs.sort(reverse=True)
    print(f"{len(rules)} pattern rules in sets of {_RULES_PER_SET}; CPU µs per unseen 1,200-1,800-character email, "
          f"each prefilter pattern alone in a set (sum {sum(c for c, _ in costs):.0f} µs):")
    for cost, rule_id in costs[:args.top]:
        print(f"{cost:8.1f}  {rule_id}")
    return 0


def compile_costs(ruleset: RuleSet, top: int) -> int:
    from tact.rules import hyperscan_prefilter

    accelerated = ruleset._hyperscan
    if accelerated is None:
        print("hyperscan is not installed (or refused): nothing to compile")
        return 1
    names = [r.id for r in ruleset._pattern_rules] + [ruleset.rules[i].id + " (trigger)" for i, _, _ in ruleset._members[1]]
    costs, expressions = [], 0
    for group in accelerated._groups:
        for member, exprs in zip(group.members, group.expressions):
            started = time.thread_time()
            refused = hyperscan_prefilter._compile([exprs]) is None
            costs.append((time.thread_time() - started, names[member] + (" REFUSED" if refused else "")))
            expressions += len(exprs)
    costs.sort(reverse=True)
    started = time.thread_time()
    for group in accelerated._groups:
        hyperscan_prefilter._compile(list(group.expressions))
    whole = time.thread_time() - started
    print(f"{len(costs)} members ({expressions} expressions) in {len(accelerated._groups)} databases: "
          f"each alone {sum(c for c, _ in costs):.1f} CPU s in all, the databases {whole:.1f} CPU s; most expensive:")
    for cost, name in costs[:top]:
        print(f"{cost:8.3f}  {name}")
    return 0


def _member_names(ruleset: RuleSet) -> list[str]:
    return [r.id for r in ruleset._pattern_rules] + [ruleset.rules[i].id + " (trigger)" for i, _, _ in ruleset._members[1]]


def scan_costs(ruleset: RuleSet, top: int) -> int:
    import hyperscan

    from tact.rules import hyperscan_prefilter

    accelerated = ruleset._hyperscan
    if accelerated is None:
        print("hyperscan is not installed (or refused): nothing to scan")
        return 1
    texts = [ruleset._latin1(build_draft(text=b["text"]).new_text) for b in drafts_of_length(1500, 300, seed=99)]
    texts = [t for t in texts if t is not None]

    def per_draft(databases) -> float:
        """CPU µs per draft, median over the texts (each the fastest of two passes), all databases."""
        scratches = [hyperscan.Scratch(d) for d in databases]
        costs = []
        for text in texts:
            best = None
            for _ in range(2):
                started = time.thread_time()
                for database, scratch in zip(databases, scratches):
                    database.scan(text, match_event_handler=_ignore, scratch=scratch)
                spent = time.thread_time() - started
                best = spent if best is None else min(best, spent)
            costs.append(best)
        return statistics.median(costs) * 1e6

    empty = per_draft([hyperscan_prefilter._compile([(b"\\x00never\\x00",)])])
    names, costs = _member_names(ruleset), []
    for group in accelerated._groups:
        for member, exprs in zip(group.members, group.expressions):
            database = hyperscan_prefilter._compile([exprs])
            if database is not None:
                costs.append((per_draft([database]) - empty, len(exprs), names[member]))
    costs.sort(reverse=True)
    accelerated.compile()
    whole = per_draft([c.database for c in accelerated._state[0] if c is not None])
    print(f"{len(costs)} members alone, CPU µs per dense 1,500-char draft above an empty database's ({empty:.1f}): "
          f"sum {sum(c for c, _, _ in costs):.0f}; the {len(accelerated._groups)} databases as the engine scans them: {whole:.0f}")
    for cost, count, name in costs[:top]:
        print(f"{cost:8.1f}  {name} ({count} expressions)")
    return 0


def _ignore(*_match) -> None:
    return None


def candidate_costs(ruleset: RuleSet, top: int) -> int:
    from tact.rules.conditions import DraftFacts
    from tact.rules.ruleset import _pattern_findings

    drafts = [build_draft(text=b["text"]) for b in drafts_of_length(1500, 100, seed=99)]
    costs = []
    for rule in ruleset._pattern_rules:
        spent = []
        for draft in drafts:
            facts = DraftFacts(draft)
            started = time.thread_time()
            found = list(_pattern_findings(rule, draft, facts))
            if not found:
                spent.append(time.thread_time() - started)
        if spent:
            costs.append((statistics.median(spent) * 1e6, rule.id))
    costs.sort(reverse=True)
    print(f"{len(costs)} pattern rules as candidates that find nothing, CPU µs per dense 1,500-char draft "
          f"(median over drafts; median of rules {statistics.median(c for c, _ in costs):.1f}):")
    for cost, rule_id in costs[:top]:
        print(f"{cost:10.1f}  {rule_id}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
