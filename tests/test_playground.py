"""POST /api/v1/rules/try: a rule is validated as written and run on sample text; nothing is saved."""
import json

import pytest

RULE = {
    "id": "acme.no-asap",
    "category": "vague-commitment",
    "message": "“{match}” sets no date.",
    "pattern": r"\bASAP\b",
    "replacements": ["by Friday 5pm ET"],
    "examples": {"flag": ["I'll send it ASAP."], "pass": ["I'll send it by Friday.", "Send it asap please"]},
}
YAML = """\
rules:
  - id: acme.per-my-last
    category: acme-style
    message: "“{match}” reads as a rebuke."
    phrases: ["per my last|previous email~"]
    examples:
      flag: ["Per my last email, the fee is due."]
      pass: ["As I wrote on Monday, the fee is due."]
"""


def try_rule(client, body, **headers):
    return client.post("/api/v1/rules/try", data=json.dumps(body), content_type="application/json", headers=headers)


def test_a_json_rule_runs_on_the_text_and_reports_each_example(client):
    response = try_rule(client, {"rule": RULE, "text": "Thanks! I'll get it back to you ASAP."})
    assert response.status_code == 200
    body = response.get_json()
    [issue] = body["issues"]
    assert issue["rule"] == "acme.no-asap" and issue["text"] == "ASAP" and issue["offset"] == 32
    assert issue["message"] == "“ASAP” sets no date." and issue["replacements"] == ["by Friday 5pm ET"]
    assert [(e["expect"], e["text"], e["ok"]) for e in body["examples"]] == [
        ("flag", "I'll send it ASAP.", True),
        ("pass", "I'll send it by Friday.", True),
        ("pass", "Send it asap please", False),  # case-insensitive by default: the author learns it here
    ]
    assert body["examples"][2]["reason"] == "was flagged ('asap')"
    assert body["warnings"] == []


def test_a_yaml_rule_file_is_accepted(client):
    body = try_rule(client, {"yaml": YAML, "text": "As per my previous emails, see below."}).get_json()
    assert [i["text"] for i in body["issues"]] == ["per my previous emails"]
    assert all(e["ok"] for e in body["examples"]) and body["rules"][0]["category"] == "acme-style"


def test_invalid_yaml_rule_gets_422_with_line_rule_and_message(client):
    broken = YAML.replace(r'phrases: ["per my last|previous email~"]', r"pattern: '(?<=per )my last'")
    response = try_rule(client, {"yaml": broken, "text": "x"})
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "invalid_rule"
    [detail] = error["details"]
    assert detail["file"] == "<yaml>" and detail["line"] == 5 and detail["rule"] == "acme.per-my-last"
    assert detail["key"] == "pattern" and "RE2 cannot compile" in detail["message"]


def test_yaml_syntax_error_is_a_422_with_the_line(client):
    response = try_rule(client, {"yaml": "rules:\n  - id: [oops\n", "text": "x"})
    assert response.status_code == 422
    [detail] = response.get_json()["error"]["details"]
    assert detail["line"] and "YAML syntax error" in detail["message"]


def test_json_rule_problems_name_the_key(client):
    response = try_rule(client, {"rule": {**RULE, "severity": "loud", "colour": "red"}, "text": "x"})
    assert response.status_code == 422
    details = response.get_json()["error"]["details"]
    assert {(d["key"], d["rule"]) for d in details} == {("severity", "acme.no-asap"), (None, "acme.no-asap")}
    assert all(d["file"] == "<rule>" and d["line"] is None for d in details)


def test_a_rule_without_examples_runs_with_a_warning(client):
    draft = {k: v for k, v in RULE.items() if k != "examples"}
    body = try_rule(client, {"rule": draft, "text": "ASAP"}).get_json()
    assert [i["text"] for i in body["issues"]] == ["ASAP"] and body["examples"] == []
    assert body["warnings"] == ["acme.no-asap: add at least one `flag` and one `pass` example; a pack refuses a rule without them"]


def test_nothing_is_saved(client):
    try_rule(client, {"rule": RULE, "text": "ASAP"})
    assert "acme.no-asap" not in {r["id"] for r in client.get("/api/v1/rules").get_json()["rules"]}
    check = client.post("/api/v1/check", data=json.dumps({"text": "I'll send it ASAP."}), content_type="application/json")
    assert "acme.no-asap" not in {i["rule"] for i in check.get_json()["issues"]}


@pytest.mark.parametrize("body, status, code", [
    ({"text": "x"}, 422, "rule_or_yaml"),
    ({"rule": RULE, "yaml": YAML, "text": "x"}, 422, "rule_or_yaml"),
    ({"rule": "not an object", "text": "x"}, 422, "invalid_field"),
    ({"yaml": 5, "text": "x"}, 422, "invalid_field"),
    ({"rule": RULE, "text": "x", "save": True}, 422, "invalid_field"),
    ({"rule": RULE, "text": 5}, 422, "invalid_field"),
    ({"yaml": "rules:\n" + "  - {}\n" * 51}, 413, "too_large"),
    ({"yaml": "rules: []\n" + "#" * 70_000}, 413, "too_large"),
    ({"rule": RULE, "text": "a" * 20_001}, 413, "too_large"),
    ({"yaml": "rules: []"}, 422, "invalid_rule"),
    ({"yaml": "a: &a [1]\nrules: *a"}, 422, "invalid_rule"),
    ({"yaml": "[" * 5000}, 422, "invalid_rule"),
    ([RULE], 422, "invalid_field"),
])
def test_bad_requests_get_a_json_error_never_a_500(client, body, status, code):
    response = try_rule(client, body)
    assert response.status_code == status, response.get_json()
    assert response.get_json()["error"]["code"] == code


def test_the_playground_is_in_the_openapi_description(client):
    assert "/api/v1/rules/try" in client.get("/openapi.json").get_json()["paths"]
