"""/v2/check and /v2/languages answer as LanguageTool does: language_tool_python itself is the client."""
from __future__ import annotations

import json
import threading
import unicodedata

import language_tool_python
import language_tool_python.server
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.serving import make_server

from tact.api import create_app
from tact.api.languagetool import lt_id
from tact.request import InputError, parse_check
from tact.service import Service, Settings

from packs import WHY_DIDNT_YOU_RULE

ACCUSATORY = lt_id("accusatory.why-didnt-you")
TEXT = "Thanks for the detailed notes you sent 😀 on Monday. Why didn't you send the deck? I'll call at 3pm ASAP."
# A pack of our own, so these tests pin the API mapping, not the built-in library (which grows daily).
PACK = "rules:" + WHY_DIDNT_YOU_RULE + r"""
  - id: vague.asap
    category: vague-commitment
    severity: suggestion
    message: "“ASAP” sets no date."
    explanation: ASAP means something different to each reader.
    pattern: '\bASAP\b'
    case_sensitive: true
    replacements: ["by Friday 5pm"]
    examples: {flag: ["I'll send it ASAP."], pass: ["I'll send it by Friday."]}
  - id: time.no-zone
    category: timezone
    severity: warning
    message: "“{match}” has no time zone."
    explanation: A reader in another zone cannot tell when you mean.
    pattern: '\b\d{1,2}(?::\d\d)?\s?[ap]m\b'
    replacements: ["{match} ET"]
    examples: {flag: ["Let's talk at 3pm."], pass: ["Let's talk at 3pm ET."]}
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    pack = tmp_path_factory.mktemp("lt-pack")
    (pack / "rules.yaml").write_text(PACK, encoding="utf-8")
    return Service(Settings(rules_dir=pack))


@pytest.fixture(scope="module")
def app(service):
    return create_app(service=service)


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def tact_url(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


@pytest.fixture()
def tool(tact_url, monkeypatch):
    """language_tool_python pointed at Tact; any attempt to download or start LanguageTool fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("language_tool_python tried to download or start LanguageTool")

    monkeypatch.setattr(language_tool_python.server.LocalLanguageTool, "from_version_name", refuse)
    monkeypatch.setattr(language_tool_python.server.LanguageTool, "_start_local_server", refuse)
    with language_tool_python.LanguageTool("en-US", remote_server=tact_url) as tool:
        yield tool


def native_issues(service, text):
    return service.check(parse_check({"text": text}), service.ruleset).issues


def apply_first_replacements(text, issues):
    for issue in sorted(issues, key=lambda i: i.offset, reverse=True):
        if issue.replacements:
            text = text[:issue.offset] + issue.replacements[0] + text[issue.offset + issue.length:]
    return text


def test_language_tool_python_check_returns_tacts_issues_with_code_point_offsets_after_an_emoji(tool, service):
    matches = tool.check(TEXT)
    expected = native_issues(service, TEXT)
    assert expected and len(matches) == len(expected)
    for match, issue in zip(matches, expected):
        assert (match.offset, match.error_length) == (issue.offset, issue.length)
        assert match.rule_id == lt_id(issue.rule)
        assert match.category == lt_id(issue.category)
        assert match.replacements == list(issue.replacements)
        assert match.message == unicodedata.normalize("NFKC", issue.message)  # the client normalizes messages
    accusatory = next(m for m in matches if m.rule_id == ACCUSATORY)
    assert accusatory.offset > TEXT.index("😀")
    assert TEXT[accusatory.offset:].startswith("Why didn't you")
    assert accusatory.category == "TACT_ACCUSATORY_QUESTION"
    assert accusatory.rule_issue_type == "style"
    assert accusatory.replacements
    # context offsets count UTF-16 units, as LanguageTool's do (so the client's `matched_text` is off by one
    # after an emoji in the context, exactly as with a real LanguageTool server)
    assert TEXT[accusatory.offset:accusatory.offset + accusatory.error_length] in accusatory.context


def test_language_tool_python_correct_applies_the_first_replacement(tool, service):
    corrected = tool.correct(TEXT)
    assert corrected != TEXT
    assert corrected == apply_first_replacements(TEXT, native_issues(service, TEXT))
    assert "Why didn't you" not in corrected


def test_disabled_rules_and_categories_take_languagetool_ids(tool):
    assert any(m.rule_id == ACCUSATORY for m in tool.check(TEXT))
    tool.disabled_rules = {ACCUSATORY}
    assert not any(m.rule_id == ACCUSATORY for m in tool.check(TEXT))
    tool.disabled_rules = set()
    tool.disabled_categories = {"TACT_ACCUSATORY_QUESTION"}
    assert not any(m.category == "TACT_ACCUSATORY_QUESTION" for m in tool.check(TEXT))


def test_enabled_only_runs_just_the_named_rules(tool):
    tool.enabled_rules = {ACCUSATORY}
    tool.enabled_rules_only = True
    matches = tool.check(TEXT + " " + "This sentence " * 30 + "is long.")
    assert matches and {m.rule_id for m in matches} == {ACCUSATORY}


def test_languages_lists_english_variants(tool, client):
    languages = client.get("/v2/languages").get_json()
    assert {"name": "English (US)", "code": "en", "longCode": "en-US"} in languages
    assert str(tool.language) == "en-US"


def check(client, **params):
    return client.post("/v2/check", data=params)


def test_response_carries_every_field_languagetool_clients_read(client):
    body = check(client, text=TEXT, language="en-US").get_json()
    assert body["software"]["apiVersion"] == 1
    assert body["language"]["code"] == "en-US" and body["language"]["detectedLanguage"]["code"] == "en-US"
    assert body["warnings"] == {"incompleteResults": False}
    match = next(m for m in body["matches"] if m["rule"]["id"] == ACCUSATORY)
    assert set(match) >= {"message", "shortMessage", "replacements", "offset", "length", "context", "sentence",
                          "type", "rule"}
    assert match["rule"]["category"] == {"id": "TACT_ACCUSATORY_QUESTION", "name": "Tone: accusatory question"}
    assert match["rule"]["description"]
    assert match["type"] == {"typeName": "Other"}
    assert match["sentence"].startswith("Why didn't you send the deck?")
    # offsets in UTF-16 units: the emoji counts twice
    utf16 = TEXT.encode("utf-16-le")
    assert utf16[match["offset"] * 2:].decode("utf-16-le").startswith("Why didn't you")
    ctx = match["context"]
    shown = ctx["text"].encode("utf-16-le")[ctx["offset"] * 2:(ctx["offset"] + ctx["length"]) * 2].decode("utf-16-le")
    assert shown.startswith("Why didn't you") and ctx["text"].startswith("...")


def test_get_with_query_parameters_and_auto_language(client):
    body = client.get("/v2/check", query_string={"text": "Why didn't you call me?", "language": "auto",
                                                 "preferredVariants": "en-GB"}).get_json()
    assert body["language"]["detectedLanguage"] == {"name": "English (GB)", "code": "en-GB"}
    assert [m["rule"]["id"] for m in body["matches"]] == [ACCUSATORY]


def test_annotated_html_offsets_land_on_the_text_not_the_markup(client):
    annotation = [
        {"markup": "<p>"}, {"text": "Hi Dana 😀,"}, {"markup": "</p>\n<p>", "interpretAs": "\n\n"},
        {"markup": "<span class=\"x\">"}, {"text": "Why didn't you "}, {"markup": "<b>"}, {"text": "send"},
        {"markup": "</b>"}, {"text": " the deck?"}, {"markup": "</span></p>"},
    ]
    original = "".join(part.get("text", part.get("markup")) for part in annotation)
    body = check(client, data=json.dumps({"annotation": annotation}), language="en-US").get_json()
    match = next(m for m in body["matches"] if m["rule"]["id"] == ACCUSATORY)
    utf16 = original.encode("utf-16-le")
    flagged = utf16[match["offset"] * 2:(match["offset"] + match["length"]) * 2].decode("utf-16-le")
    assert flagged.startswith("Why didn't you <b>send</b>")
    assert not flagged.endswith(">")
    assert match["sentence"].startswith("Why didn't you send the deck?")


def test_data_with_plain_text_key(client):
    body = check(client, data=json.dumps({"text": "Why didn't you call?"}), language="en").get_json()
    assert body["language"]["code"] == "en"
    assert body["matches"][0]["offset"] == 0


@pytest.mark.parametrize("params, message", [
    ({"language": "en-US"}, "Error: Missing 'text' or 'data' parameter"),
    ({"text": "hi"}, "Error: Missing 'language' parameter"),
    ({"text": "hi", "data": "{}", "language": "en-US"}, "Error: Set only 'text' or 'data' parameter, not both"),
    ({"data": "{not json", "language": "en-US"}, "Error: Could not parse JSON from 'data' parameter"),
    ({"data": "{}", "language": "en-US"}, "Error: 'data' key in JSON requires 'text' or 'annotation' key"),
    ({"data": '{"annotation": [{"text": "a", "markup": "b"}]}', "language": "en-US"}, "Error: Only either"),
    ({"data": '{"annotation": [{"text": "a", "interpretAs": "b"}]}', "language": "en-US"},
     "Error: 'text' cannot be used with 'interpretAs'"),
    ({"data": '{"annotation": [{"foo": 1}]}', "language": "en-US"}, "Error: Only 'text' and 'markup'"),
    ({"data": '{"annotation": "x"}', "language": "en-US"}, "Error: 'annotation' must be a list"),
    ({"text": "hi", "language": "xx-YY"}, "Error: 'xx-YY' is not a language code known to Tact"),
    ({"text": "hi", "language": "en-US", "enabledOnly": "true"}, "Error: You must specify enabled rules"),
])
def test_bad_requests_get_languagetools_plain_text_400(client, params, message):
    response = check(client, **params)
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    assert response.get_data(as_text=True).startswith(message)


def test_a_too_large_body_is_a_plain_text_413_not_a_500(client, service):
    response = check(client, text="a" * (service.settings.max_body_bytes + 10), language="en-US")
    assert response.status_code == 413 and response.mimetype == "text/plain"


def test_grammar_is_off_without_a_languagetool_url(client):
    assert client.get("/healthz").get_json()["grammar"]["status"] == "off"
    body = check(client, text="I will recieve it.", language="en-US").get_json()
    assert body["matches"] == [] and body["warnings"]["incompleteResults"] is False


def test_team_key_from_languagetools_apikey_parameter_and_refusal_in_plain_text(app, service, monkeypatch):
    seen = []

    def refuse(authorization):
        seen.append(authorization)
        raise InputError(401, "unauthorized", "send a team API key: Authorization: Bearer KEY")

    monkeypatch.setattr(service, "ruleset_for", refuse)
    response = app.test_client().post("/v2/check", data={"text": "hi", "language": "en-US", "apiKey": "k1"})
    assert seen == ["Bearer k1"]
    assert response.status_code == 401 and response.mimetype == "text/plain"
    assert response.get_data(as_text=True) == "Error: send a team API key: Authorization: Bearer KEY"


PIECES = st.sampled_from(["Why didn't you ", "send the deck", "?", " ", "\r\n", "😀", "ASAP", "3pm", "é", "\ud800", "> "])
MARKUP = st.sampled_from(["<p>", "</p>", "<b>", "&amp;", "<br/>", "\\textbf{"])


def utf16_to_cp(text: str, offset16: int) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")[:offset16 * 2].decode("utf-16-le", "surrogatepass"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.one_of(st.builds(lambda t: {"text": t}, st.lists(PIECES, max_size=6).map("".join)),
                                st.builds(lambda m: {"markup": m}, MARKUP),
                                st.builds(lambda m, i: {"markup": m, "interpretAs": i}, MARKUP,
                                          st.sampled_from(["\n\n", " ", "&"]))), max_size=12))
def test_any_annotation_gets_matches_whose_offsets_lie_in_the_string(app, parts):
    original = "".join(part.get("text", part.get("markup")) for part in parts)
    response = app.test_client().post("/v2/check", data={"data": json.dumps({"annotation": parts}), "language": "auto"})
    assert response.status_code == 200
    for match in response.get_json()["matches"]:
        start = utf16_to_cp(original, match["offset"])
        end = utf16_to_cp(original, match["offset"] + match["length"])
        assert 0 <= start < end <= len(original)
        assert original[start:end].strip()
