"""The rule set's prefilter: pattern rules split over a few RE2 sets, with the same answer as one."""
from tact.rules.ruleset import BUILTIN_RULES, RuleSet, load_rules
from tact.text.draft import build_draft

TEXTS = [
    "Why didn't you send the report? As I already explained, it's simple.",
    "Sorry for the delay, but your team never sent the figures. I'll get back to you soon.",
    "Thanks for the update. The meeting is at 3pm on Tuesday.",
    "",
    "Obviously nobody read my last email. With all due respect, calm down.",
]


def test_every_pattern_rule_is_in_exactly_one_set():
    ruleset = RuleSet.of(load_rules([BUILTIN_RULES]))
    assert len(ruleset._sets) > 1
    indices = sorted(i for _, members, _ in ruleset._sets for i in members)
    assert indices == list(range(len(ruleset._pattern_rules)))


def test_candidates_are_the_rules_whose_pattern_matches_the_new_text():
    ruleset = RuleSet.of(load_rules([BUILTIN_RULES]))
    for text in TEXTS:
        draft = build_draft(text=text)
        expected = [i for i, rule in enumerate(ruleset._pattern_rules) if rule.regex.search(draft.new_text)]
        assert set(expected) <= set(ruleset.candidates(draft))
    assert any(ruleset.candidates(build_draft(text=t)) for t in TEXTS)


def test_prefilter_patterns_widen_counted_repeats_and_nothing_else():
    from tact.rules.ruleset import prefilter_pattern

    assert prefilter_pattern(r"\bso\b[^.;!?\n]{0,160}?\s+(?:\w+\s+){1,3}done{2}") == r"\bso\b[^.;!?\n]{0,}?\s+(?:\w+\s+){1,}done{2}"
    for kept in (r"[{0,2}]x", r"[]{0,2}]", r"[^]{1,2}]", r"[[:alpha:]{1,2}]", r"\{0,2\}", r"a\Q{0,2}\E", r"x{3}", r"x{2,}"):
        assert prefilter_pattern(kept) == kept


def test_every_builtin_prefilter_pattern_compiles_and_still_finds_every_rule_that_matches():
    """Widened patterns match a superset of texts, so the prefilter may name an extra rule (its own
    regex then finds nothing) but never misses one: checked on every rule's examples."""
    import re2

    from tact.rules.ruleset import prefilter_pattern

    rules = load_rules([BUILTIN_RULES])
    ruleset = RuleSet.of(rules)
    texts = [e.text for r in rules for e in (*r.flag, *r.passes) if e.text]
    extra = 0
    for text in texts:
        draft = build_draft(text=text)
        expected = [i for i, rule in enumerate(ruleset._pattern_rules) if rule.regex.search(draft.new_text)]
        found = ruleset.candidates(draft)
        assert set(expected) <= set(found)
        extra += len(found) - len(expected)
    assert extra <= len(texts) // 100  # widening almost never names a rule that cannot match
    for rule in ruleset._pattern_rules:
        re2.compile(prefilter_pattern(rule.pattern_source))
