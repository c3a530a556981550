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
    indices = sorted(i for _, members in ruleset._sets for i in members)
    assert indices == list(range(len(ruleset._pattern_rules)))


def test_candidates_are_the_rules_whose_pattern_matches_the_new_text():
    ruleset = RuleSet.of(load_rules([BUILTIN_RULES]))
    for text in TEXTS:
        draft = build_draft(text=text)
        expected = [i for i, rule in enumerate(ruleset._pattern_rules) if rule.regex.search(draft.new_text)]
        assert ruleset.candidates(draft) == expected
    assert any(ruleset.candidates(build_draft(text=t)) for t in TEXTS)
