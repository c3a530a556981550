"""An immutable, compiled set of rules and the matching that runs them over a draft.

All pattern rules are combined into a few RE2 sets, so a few linear scans of the draft
say which rules can match at all; only those run their own pattern. The same scan reads the
`trigger`s of Python check rules: a check whose trigger is absent from the draft does not run.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import re2

from ..checks.registry import PYTHON_CHECKS, Hit
from ..model import Finding
from ..text.draft import Draft
from .conditions import DraftFacts, sentence_ok
from .loader import PackError, RuleProblem, pack_files, parse_yaml
from .rule import Rule, RuleInvalid, build_rule

BUILTIN_RULES = Path(__file__).resolve().parents[3] / "rules"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# The prefilter's DFA gets a generous budget: when RE2's DFA runs out of memory a Set reports
# "no match" rather than an error, which would silently drop findings on a large pack.
_SET_MAX_MEM = 256 << 20
# Rules per set. A set's DFA state is the combination of every rule's partial matches, so one set
# of all ~70 rules meets new combinations in every new email and builds DFA states for most of its
# bytes (0.8-1.2 ms per 1,500-character Enron email even after thousands of others); sets of ~18
# stay near their warm speed (0.3 ms on the same emails, 0.08 ms on dev drafts vs 0.17 ms).
_RULES_PER_SET = 18
_COUNTED_REPEAT = re.compile(r"\{(\d+),(\d+)\}")


def prefilter_pattern(pattern: str) -> str:
    """`pattern` for the prefilter sets: every counted repeat `X{m,n}` widened to `X{m,}`.

    The set only says which rules can match, and a wider pattern matches wherever the rule's own
    does (its regex then decides), so no finding is lost. But a DFA counts a repeat position by
    position: `[^.;!?\\n]{0,160}` in one rule made its set build new states at nearly every byte
    of unseen mail (~9 ms per 1,500-character email); widened, the same scans take ~1 ms.
    Classes (`[...]`, `[[:alpha:]]`) and escapes are skipped; `\\Q...\\E` leaves the pattern as is."""
    if "\\Q" in pattern:
        return pattern
    out, i, length, in_class = [], 0, len(pattern), False
    while i < length:
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif in_class:
            close = pattern.find(":]", i + 2) if pattern.startswith("[:", i) else -1
            stop = close + 2 if close >= 0 else i + 1
            in_class = char != "]" or close >= 0
            out.append(pattern[i:stop])
            i = stop
        elif char == "[":
            in_class = True
            stop = i + 1 + (pattern.startswith("^", i + 1))
            stop += pattern.startswith("]", stop)  # a leading "]" is a member, not the end
            out.append(pattern[i:stop])
            i = stop
        elif char == "{" and (counted := _COUNTED_REPEAT.match(pattern, i)):
            out.append("{" + counted.group(1) + ",}")
            i = counted.end()
        else:
            out.append(char)
            i += 1
    return "".join(out)


def fill(template: str, values: dict) -> str:
    """Replace `{name}` with values[name]; unknown names are left as written (no str.format on user text)."""
    if "{" not in template:  # most messages and explanations have no placeholder
        return template
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    _pattern_rules: tuple[Rule, ...] = ()
    # (RE2 set, the indices in _pattern_rules of its first patterns, {index in the set: index in
    # `rules`} of the check triggers it holds after them): one scan answers both questions.
    _sets: tuple = ()
    _gated: frozenset = frozenset()  # indices in `rules` of the check rules with a trigger

    @classmethod
    def of(cls, rules: Iterable[Rule]) -> "RuleSet":
        rules = tuple(rules)
        pattern_rules = tuple(r for r in rules if r.regex is not None)
        triggers = [(i, "(?i:" + rule.trigger + ")") for i, rule in enumerate(rules) if rule.check and rule.trigger]
        count = max(-(-len(pattern_rules) // _RULES_PER_SET), 1 if triggers else 0)
        sets = []
        for first in range(count):  # round robin, so rules of one category spread over the sets
            options = re2.Options()
            options.log_errors = False
            options.max_mem = _SET_MAX_MEM
            prefilter = re2.Set.SearchSet(options)
            indices = tuple(range(first, len(pattern_rules), count))
            for index in indices:
                rule = pattern_rules[index]
                for source in dict.fromkeys((prefilter_pattern(rule.pattern_source), rule.pattern_source)):
                    try:  # the widened pattern, or the rule's own should RE2 refuse it
                        prefilter.Add(source if rule.definition.get("case_sensitive") else "(?i:" + source + ")")
                        break
                    except re2.error:
                        if source == rule.pattern_source:
                            raise
            triggered = {}
            if first == count - 1:  # the triggers ride along in the last set, so they cost no scan of their own
                for rule_index, trigger in triggers:
                    triggered[len(indices) + len(triggered)] = rule_index
                    prefilter.Add(trigger)
            prefilter.Compile()
            sets.append((prefilter, indices, triggered))
        return cls(rules, pattern_rules, tuple(sets), frozenset(i for i, _ in triggers))

    def _scan(self, draft: Draft) -> tuple[list[int], set[int]]:
        """One pass of the sets over the new text, once per draft: the candidates (see `candidates`)
        and the indices in `rules` of the check rules whose trigger matched."""
        def scan(draft: Draft) -> tuple[list[int], set[int]]:
            candidates, fired = [], set()
            if draft.new_ranges:
                text = draft.new_text
                for prefilter, indices, triggered in self._sets:
                    for i in prefilter.Match(text) or ():
                        if i < len(indices):
                            candidates.append(indices[i])
                        else:
                            fired.add(triggered[i])
            return sorted(candidates), fired
        return draft.memo(f"ruleset.scan.{id(self)}", scan)

    def candidates(self, draft: Draft) -> list[int]:
        """Indices in `_pattern_rules`, in order, of every rule whose pattern matches somewhere in the new
        text (and, rarely, of one whose widened prefilter pattern matches where its own does not)."""
        return self._scan(draft)[0]

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def only(self, keep) -> "RuleSet":
        return RuleSet.of(r for r in self.rules if keep(r))

    def checks(self, draft: Draft) -> list[Rule]:
        """The check rules to run on `draft`, in order: those without a trigger, and those whose
        trigger matches somewhere in the new text (read from the same set scan as the candidates)."""
        fired = self._scan(draft)[1] if self._gated else set()
        return [rule for i, rule in enumerate(self.rules) if rule.check and (i not in self._gated or i in fired)]

    def findings(self, draft: Draft) -> Iterator[Finding]:
        candidates = self.candidates(draft)
        if candidates:
            facts = DraftFacts(draft)
            for index in candidates:
                yield from _pattern_findings(self._pattern_rules[index], draft, facts)
        for rule in self.checks(draft):
            for hit in PYTHON_CHECKS[rule.check](draft, rule):
                yield _finding(rule, draft, hit)


def _finding(rule: Rule, draft: Draft, hit: Hit, groups: tuple = ()) -> Finding:
    matched = draft.text[hit.start:hit.end]
    values = {"match": matched, **{str(i): g or "" for i, g in enumerate(groups, 1)}, **hit.values}
    replacements = tuple(dict.fromkeys(
        r for r in (*hit.replacements, *(fill(t, values) for t in rule.replacements)) if r != matched
    ))
    return Finding(
        start=hit.start,
        end=hit.end,
        rule=rule.id,
        category=rule.category,
        severity=rule.severity,
        message=hit.message or fill(rule.message, values),
        explanation=fill(rule.explanation, values),
        replacements=replacements,
    )


def _pattern_findings(rule: Rule, draft: Draft, facts: DraftFacts) -> Iterator[Finding]:
    when, when_regex = rule.when, rule.when_regex
    if "draft_matches" in when_regex and not when_regex["draft_matches"].search(draft.new_text):
        return
    if "draft_not_matches" in when_regex and when_regex["draft_not_matches"].search(draft.new_text):
        return
    hits = []
    text = draft.folded
    not_in_quotes = when.get("not_in_quotes")
    # Capture groups only fill `{1}`-style placeholders; the wrapper builds them one call per group.
    templated = any("{" in t for t in (rule.message, rule.explanation, *rule.replacements))
    for range_start, range_end in draft.new_ranges:
        for match in rule.regex.finditer(text, range_start, range_end):
            start, end = match.span()
            if end == start:
                continue
            sentence = draft.sentence_at(start)
            if sentence is not None and not sentence_ok(when, when_regex, sentence, start):
                continue
            if not_in_quotes and facts.inside_quotation(start, end):
                continue
            if any(facts.near(n, start, end) == n.negate for n in rule.near):
                continue
            hits.append((Hit(start, end), match.groups() if templated else ()))
    if len(hits) < when.get("min_count", 1):
        return
    for hit, groups in hits:
        yield _finding(rule, draft, hit, groups)


def load_rules(paths: Iterable[str | Path]) -> list[Rule]:
    """Load and validate every rule in the given packs; PackError lists every problem with file and line."""
    rules, problems, seen = [], [], {}
    for path in paths:
        try:
            files = pack_files(path)
        except PackError as exc:
            problems.extend(exc.problems)
            continue
        for file in files:
            try:
                raw_rules = parse_yaml(file.read_text(encoding="utf-8"), str(file))
            except (PackError, UnicodeDecodeError, OSError) as exc:
                problems.extend(exc.problems if isinstance(exc, PackError) else [RuleProblem(str(file), 0, "", f"cannot read: {exc}")])
                continue
            for raw in raw_rules:
                try:
                    rule = build_rule(raw, str(file))
                except RuleInvalid as exc:
                    problems.extend(exc.problems)
                    continue
                if rule.id in seen:
                    problems.append(RuleProblem(rule.file, rule.line, rule.id, f"duplicate rule id (first defined at {seen[rule.id]})"))
                    continue
                seen[rule.id] = f"{rule.file}:{rule.line}"
                rules.append(rule)
    if problems:
        raise PackError(problems)
    return rules
