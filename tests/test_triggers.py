"""Check-rule triggers: a Python check runs only when its `trigger` matches the new text, and every
built-in trigger is a necessary condition of its check (the check never reports on a draft whose
new text lacks the trigger), so gating changes speed, not findings."""
import json
from pathlib import Path

import pytest

from tact.checks.registry import PYTHON_CHECKS, Hit
from tact.rules.rule import RuleInvalid, build_rule, compile_pattern
from tact.rules.ruleset import BUILTIN_RULES, RuleSet, load_rules
from tact.text.draft import build_draft

_CALLS: list[str] = []


def _counting_check(draft, rule):
    _CALLS.append(rule.id)
    yield Hit(0, 1)


PYTHON_CHECKS.setdefault("test_counting_check", _counting_check)


def check_rule(rule_id: str, **extra) -> dict:
    return {"id": rule_id, "category": "apology", "message": "m", "check": "test_counting_check", **extra}


def test_a_trigger_is_compiled_and_kept_on_the_rule():
    rule = build_rule(check_rule("t.one", trigger="sorry|apolog"), "pack.yaml", require_examples=False)
    assert rule.trigger == "sorry|apolog"


@pytest.mark.parametrize("raw, says", [
    ({"id": "t.p", "category": "apology", "message": "m", "pattern": "x", "trigger": "x"}, "applies to `check` rules"),
    (check_rule("t.bad", trigger="(unclosed"), "RE2 cannot compile"),
    (check_rule("t.empty", trigger="  "), "non-empty RE2 pattern"),
    (check_rule("t.list", trigger=["a"]), "non-empty RE2 pattern"),
])
def test_a_bad_trigger_is_a_load_error_naming_the_key(raw, says):
    with pytest.raises(RuleInvalid) as error:
        build_rule(raw, "pack.yaml", require_examples=False)
    assert any(p.key == "trigger" and says in p.message for p in error.value.problems)


def test_a_check_runs_only_when_its_trigger_is_in_the_new_text():
    ruleset = RuleSet.of([
        build_rule(check_rule("t.gated", trigger="sorry"), "pack.yaml", require_examples=False),
        build_rule(check_rule("t.always"), "pack.yaml", require_examples=False),
    ])
    assert [r.id for r in ruleset.checks(build_draft(text="Thanks for the figures."))] == ["t.always"]
    assert [r.id for r in ruleset.checks(build_draft(text="SORRY for the delay."))] == ["t.gated", "t.always"]
    # in the quoted thread only: not the writer's words, so the check does not run
    quoted = build_draft(text="Thanks!\n\nOn Mon, Jan 5, 2026 at 9:00 AM, Ann <a@b.c> wrote:\n> sorry for the delay")
    assert [r.id for r in ruleset.checks(quoted)] == ["t.always"]
    _CALLS.clear()
    findings = list(ruleset.findings(build_draft(text="Thanks for the figures.")))
    assert _CALLS == ["t.always"] and [f.rule for f in findings] == ["t.always"]


def test_triggers_ride_in_the_pattern_rules_set_scan():
    pattern = {"id": "t.pat", "category": "apology", "message": "m", "pattern": "sorry"}
    ruleset = RuleSet.of([
        build_rule(check_rule("t.gated", trigger="regret"), "pack.yaml", require_examples=False),
        build_rule(pattern, "pack.yaml", require_examples=False),
    ])
    assert len(ruleset._sets) == 1  # one scan answers both questions
    draft = build_draft(text="Sorry, I regret it.")
    assert ruleset.candidates(draft) == [0] and [r.id for r in ruleset.checks(draft)] == ["t.gated"]
    draft = build_draft(text="I regret it.")
    assert ruleset.candidates(draft) == [] and [r.id for r in ruleset.checks(draft)] == ["t.gated"]


def test_without_any_trigger_every_check_rule_runs():
    ruleset = RuleSet.of([build_rule(check_rule("t.a"), "p.yaml", require_examples=False)])
    assert ruleset._gated == frozenset() and [r.id for r in ruleset.checks(build_draft(text=""))] == ["t.a"]


def _corpus() -> list[str]:
    texts = []
    for path in [Path("/work/shared/eval/dev.jsonl"), Path("/work/shared/eval/sentences.jsonl"),
                 *sorted((Path(__file__).parent / "data").glob("*.jsonl"))]:
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    return texts


def test_every_builtin_trigger_is_necessary_for_its_check():
    """Run each triggered check ungated over the labeled sets and every rule's examples: wherever it
    reports anything, its trigger matches the new text. A check that learns a new word fails here
    until its trigger does too."""
    rules = load_rules([BUILTIN_RULES])
    triggered = [r for r in rules if r.check and r.trigger]
    assert triggered, "the built-in library gates some checks"
    texts = _corpus() + [e.text for r in rules for e in (*r.flag, *r.passes) if e.text]
    assert len(texts) > 1000
    for rule in triggered:
        check, trigger = PYTHON_CHECKS[rule.check], compile_pattern(rule.trigger)
        for text in texts:
            draft = build_draft(text=text)
            if not trigger.search(draft.new_text):
                assert not list(check(draft, rule)), (rule.id, "reports without its trigger")


def test_time_triggers_are_necessary_with_zones_and_a_send_time():
    """The time checks say nothing without the parties' zones, so the test above cannot see them:
    here every text runs with both zones and a send time (each rule example with its own context),
    plus clocks written without digits, and digits and letters outside ASCII."""
    from tact.request import parse_context

    rules = load_rules([BUILTIN_RULES])
    timed = [r for r in rules if r.check and r.trigger and r.category == "timezone"]
    assert len(timed) == 7, "every time check carries a trigger"
    zoned = parse_context({"sender_timezone": "America/Los_Angeles", "recipient_timezone": "Europe/London",
                           "sent_at": "2026-07-14T09:30:00-07:00", "quoted": "Does 3pm EST on Tuesday work?"})
    spelled = ["Let's meet at noon.", "Half past three on Friday?", "Call me at three pm tomorrow.",
               "Shall we say five o'clock Tuesday?", "Lunch at midday, dinner at midnight.",
               "See you at \u0663pm", "Meet at 3\u00a0pm Tuesday, March 12", "Tuesday March 12 at ten a.m.",
               "We can talk Thursday.", "Sure, that works for me.", "Sounds good, see you then."]
    cases = [(text, zoned) for text in _corpus()[:3000] + spelled]
    cases += [(e.text, parse_context(e.context or None)) for r in rules for e in (*r.flag, *r.passes) if e.text]
    triggers = [(rule, PYTHON_CHECKS[rule.check], compile_pattern(rule.trigger)) for rule in timed]
    reported = 0
    for text, context in cases:
        draft = build_draft(text=text, context=context)  # one draft for all seven: they share its time analysis
        for rule, check, trigger in triggers:
            hits = list(check(draft, rule))
            reported += bool(hits)
            if not trigger.search(draft.new_text):
                assert not hits, (rule.id, "reports without its trigger")
    assert reported > 100  # the checks did run with the zones set
