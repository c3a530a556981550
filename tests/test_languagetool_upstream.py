"""TACT_LANGUAGETOOL_URL: grammar from a LanguageTool server, merged, de-duplicated, and never waited on too long.

The upstream is tests/lt_standin.py, a process that speaks LanguageTool's HTTP API (the real jar
cannot be downloaded here).
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tact.api import create_app
from tact.engine import CheckRequest
from tact.grammar import RULE_PREFIX, UpstreamOptions, UpstreamReport, drop_duplicates
from tact.model import Issue
from tact.request import parse_check
from tact.service import Service, Settings

from packs import WHY_DIDNT_YOU_RULE

STANDIN = Path(__file__).with_name("lt_standin.py")
PACK = "rules:" + WHY_DIDNT_YOU_RULE + "\n"
# The stand-in also flags "Why didn't you" as a style issue, as a LanguageTool rule might: a duplicate.
STANDIN_RULES = [{"id": "WHY_DIDNT_YOU_STYLE", "pattern": "Why didn't you", "message": "Consider a softer question.",
                  "short": "Tone", "replacements": ["Could you"]}]
TEXT = "I will recieve 😀 teh deck tomorrow. Why didn't you send it?\n\n> On Monday Dana wrote:\n> I will recieve it"


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    folder = tmp_path_factory.mktemp("upstream-pack")
    (folder / "rules.yaml").write_text(PACK, encoding="utf-8")
    (folder.parent / "standin-rules.json").write_text(json.dumps(STANDIN_RULES), encoding="utf-8")
    return folder


def start_standin(pack, *args) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen([sys.executable, str(STANDIN), "--rules", str(pack.parent / "standin-rules.json"), *args],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    assert line.startswith("PORT "), line
    return process, f"http://127.0.0.1:{int(line.split()[1])}"


def stop(process: subprocess.Popen):
    process.stdin.close()  # the stand-in serves until its stdin closes
    try:
        process.wait(5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


@pytest.fixture(scope="module")
def upstream(pack):
    process, url = start_standin(pack)
    yield url
    stop(process)


@pytest.fixture(scope="module")
def slow_upstream(pack):
    process, url = start_standin(pack, "--mode", "slow", "--delay", "5")
    yield url
    stop(process)


@pytest.fixture(scope="module")
def failing_upstream(pack):
    process, url = start_standin(pack, "--mode", "fail")
    yield url
    stop(process)


def make_service(pack, url, timeout=1.5, retry_after=0.0) -> Service:
    return Service(Settings(rules_dir=pack, languagetool_url=url, languagetool_timeout=timeout,
                            languagetool_retry_after=retry_after))


def check(service, **body):
    return service.check(parse_check(body), service.ruleset)


def last_sent(url) -> dict:
    with urllib.request.urlopen(url + "/_last", timeout=5) as response:
        return json.load(response)


def test_upstream_matches_merge_as_grammar_with_offsets_in_the_clients_string(pack, upstream):
    service = make_service(pack, upstream)
    result = check(service, text=TEXT)
    grammar = [i for i in result.issues if i.category == "grammar"]
    assert [(TEXT[i.offset:i.offset + i.length], i.rule, i.replacements) for i in grammar] == [
        ("recieve", RULE_PREFIX + "MORFOLOGIK_RULE_EN_US", ("receive",)),
        ("teh", RULE_PREFIX + "MORFOLOGIK_RULE_EN_US", ("the",)),  # after the emoji: UTF-16 mapped to code points
    ]
    assert grammar[0].severity == "error" and grammar[0].message == "Possible spelling mistake found."
    assert any(i.rule == "accusatory.why-didnt-you" for i in result.issues)  # Tact's own issues stay
    # only the new text went upstream: never the quoted thread
    assert "Dana" not in last_sent(upstream)["text"] and "recieve it" not in last_sent(upstream)["text"]
    health = service.health()["grammar"]
    assert health["status"] == "ok" and "last_ms" in health


def test_overlapping_upstream_match_is_dropped_in_favour_of_tacts_own(pack, upstream):
    service = make_service(pack, upstream)
    result = check(service, text="Why didn't you send it?")
    assert [i.rule for i in result.issues] == ["accusatory.why-didnt-you"]


def test_html_input_maps_upstream_offsets_to_the_html_source(pack, upstream):
    service = make_service(pack, upstream)
    html = "<div><p>Hi &amp; hello, I will <b>recieve</b> the the deck.</p></div>"
    result = check(service, html=html)
    found = {html[i.offset:i.offset + i.length]: i.rule for i in result.issues}
    assert found == {"recieve": RULE_PREFIX + "MORFOLOGIK_RULE_EN_US", "the the": RULE_PREFIX + "ENGLISH_WORD_REPEAT_RULE"}
    assert last_sent(upstream)["text"] == "Hi & hello, I will recieve the the deck."


def test_native_api_can_leave_grammar_out(pack, upstream):
    service = make_service(pack, upstream)
    result = check(service, text="I will recieve it.", categories=["accusatory-question"])
    assert result.issues == []


def test_v2_check_passes_upstream_matches_unchanged(pack, upstream):
    client = create_app(service=make_service(pack, upstream)).test_client()
    body = client.post("/v2/check", data={"text": TEXT, "language": "en-US"}).get_json()
    typo = body["matches"][0]
    assert typo["rule"] == {"id": "MORFOLOGIK_RULE_EN_US", "description": "Spelling mistake", "issueType": "misspelling",
                            "category": {"id": "TYPOS", "name": "Possible Typo"}}
    assert typo["shortMessage"] == "Spelling mistake" and typo["type"] == {"typeName": "UnknownWord"}
    assert (typo["offset"], typo["length"]) == (7, 7)
    teh = body["matches"][1]
    assert (teh["offset"], teh["length"]) == (TEXT.index("teh") + 1, 3)  # UTF-16: the emoji counts twice
    assert "TACT_ACCUSATORY_WHY_DIDNT_YOU" in [m["rule"]["id"] for m in body["matches"]]
    assert body["warnings"]["incompleteResults"] is False


def test_v2_rule_and_category_names_tact_does_not_know_go_upstream(pack, upstream):
    client = create_app(service=make_service(pack, upstream)).test_client()
    body = client.post("/v2/check", data={"text": TEXT, "language": "en-US", "motherTongue": "de",
                                          "disabledRules": "MORFOLOGIK_RULE_EN_US,TACT_ACCUSATORY_WHY_DIDNT_YOU,WHY_DIDNT_YOU_STYLE"}
                       ).get_json()
    assert body["matches"] == []
    sent = last_sent(upstream)
    assert sent["disabledRules"] == "MORFOLOGIK_RULE_EN_US,WHY_DIDNT_YOU_STYLE" and sent["motherTongue"] == "de"
    assert sent["language"] == "en-US"
    body = client.post("/v2/check", data={"text": "I will recieve it.", "language": "en-US",
                                          "disabledCategories": "TACT_GRAMMAR"}).get_json()
    assert body["matches"] == []


def test_slow_upstream_costs_at_most_the_timeout_and_tact_still_answers(pack, slow_upstream):
    service = make_service(pack, slow_upstream, timeout=0.5, retry_after=60)
    report = UpstreamReport()
    started = time.perf_counter()
    result = service.check(CheckRequest(text="Why didn't you send it? I will recieve it."), service.ruleset,
                           UpstreamOptions(), report)
    elapsed = time.perf_counter() - started
    assert 0.45 <= elapsed < 1.0
    assert [i.rule for i in result.issues] == ["accusatory.why-didnt-you"]
    assert report.incomplete
    assert service.health()["grammar"] == {"status": "degraded", "url": slow_upstream, "timeout_s": 0.5,
                                           "error": "no answer within 0.5 s"}
    # while it is degraded Tact does not wait on it at all
    started = time.perf_counter()
    again = check(service, text="Why didn't you send it?")
    assert time.perf_counter() - started < 0.2 and [i.rule for i in again.issues] == ["accusatory.why-didnt-you"]


def test_upstream_5xx_gives_tacts_own_issues_and_degraded_health(pack, failing_upstream):
    service = make_service(pack, failing_upstream, timeout=1.5)
    client = create_app(service=service).test_client()
    started = time.perf_counter()
    body = client.post("/v2/check", data={"text": "Why didn't you send it? I will recieve it.",
                                          "language": "en-US"}).get_json()
    assert time.perf_counter() - started < 1.5
    assert [m["rule"]["id"] for m in body["matches"]] == ["TACT_ACCUSATORY_WHY_DIDNT_YOU"]
    assert body["warnings"]["incompleteResults"] is True
    grammar = client.get("/healthz").get_json()["grammar"]
    assert grammar["status"] == "degraded" and "OutOfMemory" not in grammar["error"]


def test_unreachable_upstream_is_degraded_not_an_error(pack):
    service = make_service(pack, "http://127.0.0.1:9/", timeout=1.0)  # port 9 (discard): nothing listens
    result = check(service, text="Why didn't you send it?")
    assert [i.rule for i in result.issues] == ["accusatory.why-didnt-you"]
    assert service.health()["grammar"]["status"] == "degraded"


def test_health_asks_the_server_when_nothing_recent_says_how_it_is(pack, upstream):
    health = make_service(pack, upstream).health()["grammar"]
    assert health["status"] == "ok" and health["last_ms"] >= 0
    dead = make_service(pack, "http://127.0.0.1:9", timeout=1.0)
    assert dead.health()["grammar"] == {"status": "degraded", "url": "http://127.0.0.1:9", "timeout_s": 1.0,
                                        "error": "cannot connect"}


def test_health_without_url_says_grammar_is_off(pack):
    grammar = Service(Settings(rules_dir=pack)).health()["grammar"]
    assert grammar["status"] == "off" and "TACT_LANGUAGETOOL_URL" in grammar["reason"]


def test_settings_read_the_languagetool_environment():
    settings = Settings.from_env({"TACT_LANGUAGETOOL_URL": "http://lt:8010", "TACT_LANGUAGETOOL_TIMEOUT": "0.8"})
    assert settings.languagetool_url == "http://lt:8010" and settings.languagetool_timeout == 0.8
    assert Settings.from_env({}).languagetool_url is None


def issue(rule, offset, length):
    return Issue(rule=rule, category="x", severity="warning", message="m", explanation="", offset=offset,
                 length=length, offset_utf16=offset, length_utf16=length, text="t")


def test_drop_duplicates_keeps_a_short_grammar_match_inside_a_long_tact_span():
    long_sentence = issue("readability.long-sentence", 0, 200)
    typo = issue(RULE_PREFIX + "MORFOLOGIK_RULE_EN_US", 50, 7)
    same_words = issue(RULE_PREFIX + "STYLE", 0, 190)
    assert drop_duplicates([long_sentence, typo, same_words]) == [long_sentence, typo]


def test_credentials_in_the_url_are_not_shown(pack):
    service = make_service(pack, "http://user:secret@127.0.0.1:9/v2/")
    assert service.health()["grammar"]["url"] == "http://127.0.0.1:9/v2/"


def test_preferred_variants_go_upstream_only_with_language_auto(pack, upstream):
    client = create_app(service=make_service(pack, upstream)).test_client()
    client.post("/v2/check", data={"text": "I will recieve it.", "language": "en-US", "preferredVariants": "en-GB"})
    assert "preferredVariants" not in last_sent(upstream)  # LanguageTool would refuse the whole request
    client.post("/v2/check", data={"text": "I will recieve it.", "language": "auto", "preferredVariants": "en-GB"})
    assert last_sent(upstream)["preferredVariants"] == "en-GB" and last_sent(upstream)["language"] == "auto"


JSON = st.recursive(st.none() | st.booleans() | st.integers(-5, 300) | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                        st.sampled_from(["matches", "rule", "id", "offset", "length", "message", "replacements",
                                         "value", "issueType", "category", "type", "shortMessage"]), inner, max_size=6),
                    max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(body=st.fixed_dictionaries({"matches": st.lists(JSON | st.fixed_dictionaries({
    "offset": st.integers(-2, 200), "length": st.integers(-1, 60), "rule": st.fixed_dictionaries({"id": st.just("X")}),
    "replacements": JSON}), max_size=6)}))
def test_any_upstream_json_gives_valid_findings_or_none(body):
    from tact.grammar import _findings
    from tact.text.draft import build_draft

    draft = build_draft(text="I will 😀 recieve teh deck.\n> quoted line\nThanks " * 3)
    for finding in _findings(body, draft, UpstreamReport()):
        assert 0 <= finding.start < finding.end <= len(draft.text)
        assert draft.is_new_text(finding.start, finding.end)
