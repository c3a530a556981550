"""Hostile input through the engine and the HTTP API: never a crash, never a 500, never a range
outside the input, and never super-linear time on shapes that used to be quadratic or cubic."""
import json
import time

import pytest
import quotequail
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tact.engine import CheckRequest
from tact.text.segments import _quote_header_start

HOSTILE_CHARS = ["\x00", "\u200f", "\u200e", "\u202e", "\u2066", "\u200d", "\u200b", "\ufeff", "\ud800", "\udfff",
                 "\U0001F469\u200d\U0001F467", "e\u0301", "\u2028", "\u2029", "\r", "\r\n", "\t", "\xa0", "\u3000",
                 "\U0001D49C", "\uffff", "&", "<", ">", "&#0;", "&#xD800;", "&#99999999;", "&nosuch;"]
PHRASES = ["Why didn't you send it?", "Why didn’t you call?", "I'll get back to you soon.", "Let's talk at 3pm.",
           "\n> quoted line\n", "On Mon, Dana wrote:\n", "-- \nDana\n", "Thanks,\nSam", "x. ", "Dr. ", "\t.",
           "<div>", "</div>", "<br>", "<blockquote type=cite>", "<div class=gmail_quote>", "<!--", "-->", "<a",
           "<script>", "</script>", "<pre>", "</p>", "&amp;", "&lt;", "<![CDATA[", "<?xml", "<!DOCTYPE"]
pieces = st.one_of(st.text(max_size=12), st.sampled_from(HOSTILE_CHARS), st.sampled_from(PHRASES))
drafts = st.lists(pieces, max_size=16).map("".join)
FULL_CONTEXT = {"sender_timezone": "America/Los_Angeles", "recipient_timezone": "Asia/Kolkata",
                "sent_at": "2026-07-14T09:30:00-07:00", "quoted": "On Mon, Dana wrote:\n> Could we do 2pm Central?"}


def utf16_units(s):
    """The UTF-16 code units of `s` (compared as units: decoding would merge a split surrogate pair)."""
    return s.encode("utf-16-le", "surrogatepass")


def assert_offsets_valid(source: str, issues: list[dict], html: bool):
    """Both units select the same characters, inside the input; for plain text they are the issue's text."""
    for issue in issues:
        offset, length = issue["offset"], issue["length"]
        assert 0 <= offset and 0 < length and offset + length <= len(source)
        selected = source[offset: offset + length]
        units = utf16_units(source)[2 * issue["offset_utf16"]: 2 * (issue["offset_utf16"] + issue["length_utf16"])]
        assert units == utf16_units(selected)
        if not html:
            assert selected.replace("\r\n", "\n").replace("\r", "\n") == issue["text"]


def as_dicts(result):
    return [issue.to_json() for issue in result.issues]


# --- the engine -------------------------------------------------------------------------------------

@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts, st.booleans())
def test_engine_survives_hostile_text_and_html(service, draft, as_html):
    request = CheckRequest(html=draft) if as_html else CheckRequest(text=draft)
    assert_offsets_valid(draft, as_dicts(service.check(request, service.ruleset)), as_html)


@pytest.mark.parametrize("draft", ["\t.", "a\n\t.", " \t.\n", "\u3000."])
def test_a_sentence_of_only_white_space_and_a_dot_is_not_a_crash(check, draft):
    assert_offsets_valid(draft, as_dicts(check(text=draft)), html=False)


# Each of these took seconds to minutes before the pipeline was made linear (quotequail's regexes,
# html.parser's rescans, per-sentence copies); a 5-second budget leaves room for a loaded machine.
SLOW_SHAPES = {
    "gmail header pattern, cubic in quotequail": {"text": "2024/1/1 " + " <a@" * 4000},
    "100 KB single line": {"text": "Why didn't you send it? " * 4200},
    "100 KB of abbreviations": {"text": "x. " * 33000},
    "10,000 nested divs with text": {"html": "<div>a" * 10000},
    "10,000 nested quotes": {"html": "<blockquote type=cite>" * 10000 + "Why didn't you?"},
    "stray end tags under deep nesting": {"html": "<div>" * 5000 + "</span>" * 20000},
    "unclosed start tags": {"html": "<a" * 30000},
    "unclosed comments": {"html": "<!--" * 30000},
    "unclosed processing instructions": {"html": "<?" * 30000},
    "references after the last tag": {"html": "<b>x</b>" + "&amp" * 30000},
    "a thousand reply headers": {"text": "On Monday Bob wrote:\n" * 1000 + "Why didn't you?"},
}


@pytest.mark.parametrize("name", sorted(SLOW_SHAPES))
def test_pathological_shapes_finish_in_linear_time(check, name):
    body = SLOW_SHAPES[name]
    started = time.perf_counter()
    result = check(**body)
    assert time.perf_counter() - started < 5.0
    source = body.get("text", body.get("html"))
    assert_offsets_valid(source, as_dicts(result), html="html" in body)


def test_markup_after_the_last_tag_is_text_with_its_references_decoded(check):
    result = check(html="<div>ok</div>Why didn&#39;t you &amp; <b send it?")
    assert result.draft.text == "ok\nWhy didn't you & <b send it?"


HEADERS = ["On Mon, Jan 5, 2026 at 9:00 AM Dana <d@x.com> wrote:", "-----Original Message-----",
           "Begin forwarded message:", "________________________________", "> On Tue Bob wrote:",
           "On Tue, Bob Smith <bob@example.com>", "wrote:", "2024/1/1 Bob <b@x.com>", "Am 1. Jan schrieb Bob:", "\ud800"]
lines = st.lists(st.one_of(st.text(max_size=30), st.sampled_from(HEADERS)), max_size=12).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(lines)
def test_quote_header_detection_agrees_with_quotequail(text):
    chunks = quotequail.quote(text, quote_intro_line=True)
    expected = None if len(chunks) == 1 else len(text) - len(chunks[1][1])  # where the quoted chunk starts
    assert _quote_header_start(text) == expected


# --- the HTTP API -----------------------------------------------------------------------------------

def post_raw(client, data: str | bytes, content_type="application/json"):
    return client.post("/api/v1/check", data=data, content_type=content_type)


def assert_clean_answer(response, source=None, html=False):
    assert response.status_code != 500, response.get_data(as_text=True)[:300]
    body = response.get_json()
    assert isinstance(body, dict)
    if response.status_code == 200:
        if source is not None:
            assert_offsets_valid(source, body["issues"], html)
    else:
        assert response.status_code in (400, 413, 415, 422)
        assert set(body["error"]) >= {"code", "message"}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
bodies = st.one_of(
    json_values,
    st.fixed_dictionaries({}, optional={"text": json_values, "html": json_values, "context": json_values,
                                        "categories": json_values, "rules": json_values}),
    st.fixed_dictionaries({"text": drafts}, optional={"context": st.fixed_dictionaries({}, optional={
        "sender_timezone": json_values | st.sampled_from(["America/Chicago", "UTC", "Mars/Base", "../../etc/passwd"]),
        "recipient_timezone": json_values | st.sampled_from(["Europe/London", ""]),
        "sent_at": json_values | st.sampled_from(["2026-07-14T09:30:00-07:00", "2026-07-14", "9999-99-99", "Z"]),
        "quoted": json_values | drafts})}),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bodies)
def test_api_answers_any_json_with_a_result_or_a_clean_error(app, body):
    response = post_raw(app.test_client(), json.dumps(body))
    text = body.get("text") if isinstance(body, dict) else None
    assert_clean_answer(response, text if isinstance(text, str) and body.get("html") is None else None)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts)
def test_lone_surrogates_sent_as_json_escapes_are_checked(app, draft):
    # json.dumps writes a lone surrogate as a \udXXX escape, exactly as a browser's JSON.stringify does.
    body = json.dumps({"text": draft, "context": FULL_CONTEXT})
    response = post_raw(app.test_client(), body)
    assert response.status_code == 200
    # A high and a low surrogate that end up side by side are one character once decoded: offsets
    # are into the string the server received, which is what the client's JSON says.
    assert_clean_answer(response, json.loads(body)["text"])


@pytest.mark.parametrize("data", [
    "[" * 100000, '{"text":' * 50000, '{"text": "a", "context": ' + "[" * 20000 + "]" * 20000 + "}",
    b"\xff\xfe{", b'{"text": "\xc3\x28"}', '{"text": "\\ud800\\udc00\\udc00"}', "", "null", "0", '"text"',
    '{"text": "a", "text": 1}', '{"text": NaN}', '{"text": "a"} trailing', "\x00",
])
def test_malformed_or_deeply_nested_json_is_a_clean_error(client, data):
    assert_clean_answer(post_raw(client, data))


@pytest.mark.parametrize("body", [
    {"text": "a", "context": {"quoted": "q" * 300_000}},
    {"text": "a", "context": {"sender_timezone": "A" * 200_000}},
    {"text": "a", "context": {"sent_at": "2" * 200_000}},
    {"text": "a", "categories": ["x"] * 50_000},
    {"text": "a", "rules": ["r" * 100_000]},
    {"html": "<div>" * 10_000 + "Why didn't you send it?"},
    {"text": "Why didn't you send it? " * 4200},
])
def test_huge_values_are_answered_or_refused_cleanly(client, body):
    response = post_raw(client, json.dumps(body))
    assert_clean_answer(response, body.get("text"))


def test_a_body_over_the_limit_is_413(client, app):
    limit = app.config["MAX_CONTENT_LENGTH"]
    response = post_raw(client, json.dumps({"text": "a" * (limit + 10)}))
    assert response.status_code == 413 and response.get_json()["error"]["code"] == "too_large"


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                                          "application/json-patch+json", ""])
def test_wrong_content_types_are_415(client, content_type):
    response = post_raw(client, '{"text": "a"}', content_type)
    assert response.status_code in (400, 415)
    assert_clean_answer(response)
