"""The rule playground, POST /api/v1/rules/try: validate a rule as it is written and run it on sample text.

Nothing is saved. Sizes are bounded so a request cannot buy unbounded work; patterns
compile with RE2 (linear time, bounded memory) as in a pack.
"""
from __future__ import annotations

from flask import Blueprint, jsonify, request

from ..engine import run
from ..request import InputError, invalid, parse_check
from ..rules.examples import example_results
from ..rules.loader import PackError, RuleProblem, parse_yaml
from ..rules.rule import Rule, RuleInvalid, build_rule
from ..rules.ruleset import RuleSet
from .native import json_body, service

blueprint = Blueprint("playground", __name__)

MAX_YAML_CHARS = 64 * 1024
MAX_TEXT_CHARS = 20_000
MAX_RULES = 50
MAX_EXAMPLES = 200
KNOWN_FIELDS = ("rule", "yaml", "text", "html", "context")


def too_large(message: str) -> InputError:
    return InputError(413, "too_large", message)


def definitions(body: dict) -> tuple[list, str]:
    """The raw rule definitions in the body and the name problems report them under."""
    given = [k for k in ("rule", "yaml") if body.get(k) is not None]
    if len(given) != 1:
        raise invalid("give exactly one of `rule` (one rule as an object) or `yaml` (a rule file's text)", "rule_or_yaml")
    if given == ["rule"]:
        if not isinstance(body["rule"], dict):
            raise invalid("`rule` must be an object with the keys of one rule (id, category, message, ...)")
        return [body["rule"]], "<rule>"
    text = body["yaml"]
    if not isinstance(text, str):
        raise invalid("`yaml` must be a string: the text of a rule file (rules: ...)")
    if len(text) > MAX_YAML_CHARS:
        raise too_large(f"`yaml` is longer than {MAX_YAML_CHARS} characters")
    try:
        return parse_yaml(text, "<yaml>", allow_aliases=False), "<yaml>"
    except PackError as exc:
        raise rule_problems(exc.problems) from None


def rule_problems(problems: list[RuleProblem]) -> InputError:
    count = len(problems)
    return InputError(422, "invalid_rule", f"the rule does not validate ({count} problem{'s' if count != 1 else ''})",
                      [p.to_json() for p in problems])


def build_rules(raws: list, source: str) -> list[Rule]:
    if len(raws) > MAX_RULES:
        raise too_large(f"at most {MAX_RULES} rules at a time")
    rules, problems, seen = [], [], set()
    for raw in raws:
        try:
            rule = build_rule(raw, source, require_examples=False)
        except RuleInvalid as exc:
            problems.extend(exc.problems)
            continue
        if rule.id in seen:
            problems.append(RuleProblem(source, rule.line, rule.id, "duplicate rule id", "id"))
        seen.add(rule.id)
        rules.append(rule)
    if problems:
        raise rule_problems(problems)
    if not rules:
        raise rule_problems([RuleProblem(source, 0, "", "no rule given: `rules:` is empty")])
    if sum(len(r.flag) + len(r.passes) for r in rules) > MAX_EXAMPLES:
        raise too_large(f"at most {MAX_EXAMPLES} examples at a time")
    return rules


def sample_request(body: dict):
    sample = {k: body[k] for k in ("text", "html", "context") if body.get(k) is not None}
    if "text" not in sample and "html" not in sample:
        return None
    for key in ("text", "html"):
        if isinstance(sample.get(key), str) and len(sample[key]) > MAX_TEXT_CHARS:
            raise too_large(f"`{key}` is longer than {MAX_TEXT_CHARS} characters")
    return parse_check(sample)


@blueprint.post("/api/v1/rules/try")
def try_rules():
    service().ruleset_for(request.headers.get("Authorization"))  # the same keys as /check: no anonymous work
    body = json_body()
    if not isinstance(body, dict):
        raise invalid("the body must be a JSON object with `rule` or `yaml`, and `text`")
    unknown = sorted(set(body) - set(KNOWN_FIELDS))
    if unknown:
        raise invalid(f"unknown field `{unknown[0]}` (known: {', '.join(KNOWN_FIELDS)})")
    rules = build_rules(*definitions(body))
    sample = sample_request(body)
    issues = run(sample, RuleSet.of(rules)).issues if sample else []
    return jsonify({
        "rules": [r.describe() for r in rules],
        "issues": [i.to_json() for i in issues],
        "examples": [result.to_json() for r in rules for result in example_results(r)],
        "warnings": [f"{r.id}: add at least one `flag` and one `pass` example; a pack refuses a rule without them"
                     for r in rules if not r.flag or not r.passes],
    })
