"""rules/schema.json: the editor-side description of a rule file agrees with the loader."""
import json

import jsonschema
import pytest
import yaml

from tact.rules.rule import NEAR_KEYS, RULE_KEYS, WHEN_KEYS
from tact.rules.ruleset import BUILTIN_RULES

SCHEMA = json.loads((BUILTIN_RULES / "schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)
RULE_FILES = sorted(BUILTIN_RULES.rglob("*.yaml"))


def test_the_schema_is_a_valid_json_schema():
    jsonschema.Draft7Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", RULE_FILES, ids=[p.name for p in RULE_FILES])
def test_every_built_in_rule_file_validates_against_the_schema(path):
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in VALIDATOR.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))]
    assert not errors, "\n".join(errors)


def test_the_schema_knows_exactly_the_keys_the_loader_knows():
    rule = SCHEMA["definitions"]["rule"]["properties"]
    assert set(rule) == RULE_KEYS
    assert set(rule["when"]["properties"]) == set(WHEN_KEYS)
    assert set(SCHEMA["definitions"]["near"]["properties"]) == NEAR_KEYS


RULE = {"id": "acme.x", "category": "acme-style", "message": "m", "pattern": "x",
        "examples": {"flag": ["x"], "pass": ["y"]}}


@pytest.mark.parametrize("change", [
    {"colour": "red"},
    {"severity": "loud"},
    {"phrases": ["x"]},  # two matchers
    {"examples": {"flag": ["x"]}},
    {"examples": {"flag": ["x"], "pass": []}},
    {"when": {"near": {"phrases": ["y"]}}},
    {"when": {"sometimes": True}},
    {"inflect": True},  # inflect without phrases
    {"id": "Acme X"},
])
def test_the_schema_rejects_what_the_loader_rejects(change):
    from tact.rules.rule import RuleInvalid, build_rule

    rule = {**RULE, **change}
    assert not VALIDATOR.is_valid({"rules": [rule]})
    with pytest.raises(RuleInvalid):
        build_rule(rule, "test.yaml")


def test_the_schema_accepts_a_rule_using_every_feature():
    rule = {
        "id": "acme.everything", "category": "vague-commitment", "severity": "error",
        "message": "“{match}”", "explanation": "why", "phrases": ["circle~ back", "touch base"], "inflect": True,
        "case_sensitive": False, "replacements": ["say when"],
        "when": {"question": False, "not_in_quotes": True, "min_count": 1,
                 "near": {"phrases": ["soon"], "within": 5}, "not_near": {"pattern": "Monday", "within": 3}},
        "examples": {"flag": ["We will circle back soon."],
                     "pass": [{"text": "We will circle back on Monday.", "context": {"sender_timezone": "UTC"}}]},
    }
    assert VALIDATOR.is_valid({"rules": [rule]}), list(VALIDATOR.iter_errors({"rules": [rule]}))
    from tact.rules.examples import check_examples
    from tact.rules.rule import build_rule

    assert check_examples(build_rule(rule, "test.yaml")) == []
