"""The native API: answers per DESIGN.md, and a JSON error with the right status for every bad input."""
import json

import pytest


def post(client, body, content_type="application/json"):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post("/api/v1/check", data=data, content_type=content_type)


def test_check_returns_issues_stats_and_timing(client):
    response = post(client, {"text": "Why didn't you send it?"})
    assert response.status_code == 200
    body = response.get_json()
    issue = body["issues"][0]
    assert issue["text"] == "Why didn't you" and issue["offset"] == 0 and issue["length"] == 14
    assert issue["category"] == "accusatory-question" and issue["replacements"]
    assert set(issue) >= {"id", "rule", "severity", "message", "explanation", "offset_utf16", "length_utf16"}
    assert body["stats"]["words"] == 5 and body["stats"]["sentences"] == 1
    assert isinstance(body["elapsed_ms"], float)


def test_issue_ids_are_stable_across_requests(client):
    first = post(client, {"text": "Why didn't you send it?"}).get_json()["issues"][0]["id"]
    assert post(client, {"text": "Why didn't you send it?"}).get_json()["issues"][0]["id"] == first


def test_categories_filter_the_issues(client):
    body = {"text": "Why didn't you send it?", "categories": ["timezone"]}
    assert post(client, body).get_json()["issues"] == []


def test_html_body_is_checked(client):
    response = post(client, {"html": "<div>Why didn&#39;t you send it?</div>"})
    assert response.get_json()["issues"][0]["offset"] == 5


@pytest.mark.parametrize("body, content_type, status, code", [
    ("{not json", "application/json", 400, "malformed_json"),
    (b"\xff\xfe", "application/json", 400, "malformed_json"),
    ("[" * 100_000 + "]" * 100_000, "application/json", 400, "malformed_json"),
    ({"text": "hi"}, "text/plain", 415, "unsupported_media_type"),
    ({"text": "hi"}, "application/x-www-form-urlencoded", 415, "unsupported_media_type"),
    ({}, "application/json", 422, "text_or_html"),
    ({"text": "a", "html": "<b>a</b>"}, "application/json", 422, "text_or_html"),
    ({"text": 42}, "application/json", 422, "invalid_field"),
    (["text"], "application/json", 422, "invalid_field"),
    ("null", "application/json", 422, "invalid_field"),
    ({"text": "hi", "colour": 1}, "application/json", 422, "invalid_field"),
    ({"text": "hi", "context": "x"}, "application/json", 422, "invalid_field"),
    ({"text": "hi", "context": {"sender_timezone": "Mars/Olympus"}}, "application/json", 422, "unknown_timezone"),
    ({"text": "hi", "context": {"recipient_timezone": 5}}, "application/json", 422, "invalid_field"),
    ({"text": "hi", "context": {"sent_at": "yesterday"}}, "application/json", 422, "invalid_field"),
    ({"text": "hi", "context": {"quoted": ["x"]}}, "application/json", 422, "invalid_field"),
    ({"text": "hi", "categories": "timezone"}, "application/json", 422, "invalid_field"),
])
def test_bad_input_gets_a_json_error_with_its_status(client, body, content_type, status, code):
    response = post(client, body, content_type)
    assert response.status_code == status
    assert response.get_json()["error"]["code"] == code
    assert response.get_json()["error"]["message"]


def test_body_over_the_limit_is_413(client, app):
    limit = app.config["MAX_CONTENT_LENGTH"]
    response = post(client, {"text": "a" * (limit + 10)})
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "too_large"


def test_unknown_path_and_wrong_method_are_json_errors(client):
    assert client.get("/nope").get_json()["error"]["code"] == "not_found"
    response = client.get("/api/v1/check")
    assert response.status_code == 405 and response.get_json()["error"]["code"] == "method_not_allowed"


def test_sent_at_without_offset_is_read_in_the_sender_zone(client):
    body = {"text": "hi", "context": {"sender_timezone": "America/Chicago", "sent_at": "2026-07-14T09:30:00"}}
    assert post(client, body).status_code == 200


def test_rules_healthz_and_openapi(client):
    rules = client.get("/api/v1/rules").get_json()["rules"]
    assert any(r["id"] == "accusatory.why-didnt-you" and r["examples"]["flag"] for r in rules)
    assert all("/" not in r["source"] for r in rules)  # file:line, not the server's directory layout
    assert client.get("/healthz").get_json()["status"] in ("ok", "degraded")
    spec = client.get("/openapi.json").get_json()
    assert "/api/v1/check" in spec["paths"]
