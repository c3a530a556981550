"""Teams from TACT_CONFIG: keys select a team, each team runs its own rules, reloads are atomic and safe."""
import json
import logging
import textwrap
import time

import pytest

from tact.api import create_app
from tact.service import Service, Settings
from tact.teams import ConfigError, bearer_key, key_hash

from packs import ACME_PACK, CIRCLE_BACK_RULE as NEW_RULE

ACME_KEY, GLOBEX_KEY = "acme-2f9c1e7d", "globex-8a61b0c4"
# A small stand-in for the built-in library, so these tests do not move with its rules.
BUILTIN = """\
rules:
  - id: accusatory.why-didnt-you
    category: accusatory-question
    message: "“{match}” reads as an accusation."
    pattern: '\\bwhy didn''t you\\b'
    examples:
      flag: ["Why didn't you send it?"]
      pass: ["Could you send it?"]
  - id: apology.sorry
    category: apology
    severity: suggestion
    message: "Say what you will do instead."
    phrases: ["sorry"]
    examples:
      flag: ["Sorry for the delay."]
      pass: ["Thanks for waiting."]
"""
ASAP = "Thanks, I'll send the contract ASAP."
ACCUSATORY = "Why didn't you send the deck?"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def write_config(tmp_path, acme_extra="", extra=""):
    return write(tmp_path / "tact.toml", f"""\
        [teams.acme]
        api_key_sha256 = "{key_hash(ACME_KEY)}"
        rule_packs = ["acme-rules"]
        disable = ["accusatory-question"]
        severity = {{ "acme.no-asap" = "error" }}
        {acme_extra}
        [teams.globex]
        api_key_sha256 = "{key_hash(GLOBEX_KEY)}"
        {extra}""")


def settings(tmp_path, config, interval=0.0):
    return Settings(rules_dir=write(tmp_path / "builtin" / "rules.yaml", BUILTIN).parent, config=config,
                    reload_interval=interval)


@pytest.fixture()
def team_setup(tmp_path):
    write(tmp_path / "acme-rules" / "style.yaml", ACME_PACK)
    service = Service(settings(tmp_path, write_config(tmp_path)))
    app = create_app(service=service)
    app.testing = True
    return app.test_client(), service, tmp_path


def check(client, text, key=None):
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return client.post("/api/v1/check", data=json.dumps({"text": text}), content_type="application/json", headers=headers)


def rules_of(response):
    return [i["rule"] for i in response.get_json()["issues"]]


def test_a_team_pack_rule_flags_for_that_team_only(team_setup):
    client, _, _ = team_setup
    assert rules_of(check(client, ASAP, ACME_KEY)) == ["acme.no-asap"]
    assert "acme.no-asap" not in rules_of(check(client, ASAP, GLOBEX_KEY))


def test_a_disabled_category_is_silent_for_that_team_only(team_setup):
    client, _, _ = team_setup
    assert rules_of(check(client, ACCUSATORY, ACME_KEY)) == []
    assert rules_of(check(client, ACCUSATORY, GLOBEX_KEY)) == ["accusatory.why-didnt-you"]


def test_severity_overrides_apply_to_the_team(team_setup):
    client, _, _ = team_setup
    [issue] = check(client, ASAP, ACME_KEY).get_json()["issues"]
    assert issue["severity"] == "error"


def test_rules_endpoint_lists_exactly_what_is_in_force_for_the_caller(team_setup):
    client, service, _ = team_setup
    acme = {r["id"]: r for r in client.get("/api/v1/rules", headers={"Authorization": f"Bearer {ACME_KEY}"}).get_json()["rules"]}
    globex = {r["id"] for r in client.get("/api/v1/rules", headers={"Authorization": f"Bearer {GLOBEX_KEY}"}).get_json()["rules"]}
    builtin = {r.id for r in service.ruleset.rules}
    assert globex == builtin
    assert acme["acme.no-asap"]["severity"] == "error"
    assert set(acme) == {"acme.no-asap"} | {r.id for r in service.ruleset.rules if r.category != "accusatory-question"}


@pytest.mark.parametrize("headers", [
    {}, {"Authorization": "Bearer wrong-key"}, {"Authorization": f"Basic {ACME_KEY}"},
    {"Authorization": "Bearer"}, {"Authorization": f"Bearer {ACME_KEY}x"},
])
def test_a_missing_or_wrong_key_gets_401_on_every_surface(team_setup, headers):
    client, _, _ = team_setup
    responses = [
        client.post("/api/v1/check", data=json.dumps({"text": ASAP}), content_type="application/json", headers=headers),
        client.get("/api/v1/rules", headers=headers),
        client.post("/api/v1/rules/try", data=json.dumps({"rule": {}, "text": "x"}), content_type="application/json", headers=headers),
        client.post("/v2/check", data={"text": ASAP, "language": "en-US"}, headers=headers),
    ]
    assert [r.status_code for r in responses] == [401] * 4
    for response in responses[:3]:  # the LanguageTool API answers errors in LanguageTool's plain text
        assert response.get_json()["error"]["code"] == "unauthorized"


def test_without_config_there_is_one_team_and_no_key(tmp_path):
    app = create_app(service=Service(settings(tmp_path, None)))
    client = app.test_client()
    assert rules_of(check(client, ACCUSATORY)) == ["accusatory.why-didnt-you"]
    assert rules_of(check(client, ACCUSATORY, "any-key")) == ["accusatory.why-didnt-you"]


def test_bearer_key_parsing():
    assert bearer_key("Bearer abc") == "abc" and bearer_key("bearer  abc ") == "abc"
    assert bearer_key("Basic abc") is None and bearer_key(None) is None and bearer_key("Bearer ") is None


@pytest.mark.parametrize("broken, where", [
    (ACME_PACK.replace('phrases: ["ASAP"]', "pattern: '(a)\\1'"), "style.yaml:5: acme.no-asap: RE2 cannot compile"),
    (ACME_PACK.replace("      pass: [\"I'll send it by Friday.\"]\n", ""), "style.yaml:8: acme.no-asap: `examples.pass` needs"),
    (ACME_PACK + "  - id: [broken\n", "style.yaml:11: YAML syntax error"),
    (ACME_PACK.replace("by Friday.", "by Friday ASAP."), "style.yaml:2: acme.no-asap: pass example"),
])
def test_a_broken_pack_is_refused_on_reload_and_the_last_good_rules_keep_serving(team_setup, caplog, broken, where):
    client, service, tmp_path = team_setup
    before = service.teams.current
    write(tmp_path / "acme-rules" / "style.yaml", broken + NEW_RULE)
    with caplog.at_level(logging.ERROR, logger="tact"):
        assert service.teams.reload() is False
    assert where in caplog.text and "previous rules stay in force" in caplog.text
    assert service.teams.current is before
    assert rules_of(check(client, ASAP, ACME_KEY)) == ["acme.no-asap"]
    assert rules_of(check(client, "We circled back.", ACME_KEY)) == []


def test_a_good_reload_swaps_every_team_at_once(team_setup):
    client, service, tmp_path = team_setup
    write(tmp_path / "acme-rules" / "more.yaml", "rules:\n" + NEW_RULE)
    assert service.teams.reload() is True
    assert rules_of(check(client, "We circled back on it.", ACME_KEY)) == ["acme.circle-back"]
    assert rules_of(check(client, "We circled back on it.", GLOBEX_KEY)) == []


def test_a_changed_config_reloads_keys_too(team_setup):
    client, service, tmp_path = team_setup
    config = tmp_path / "tact.toml"
    config.write_text(config.read_text().replace(key_hash(GLOBEX_KEY), key_hash("globex-rotated")))
    assert service.teams.reload_if_changed() is True
    assert check(client, ASAP, GLOBEX_KEY).status_code == 401
    assert check(client, ASAP, "globex-rotated").status_code == 200


def test_the_watcher_picks_up_an_edited_pack_without_a_signal(tmp_path):
    write(tmp_path / "acme-rules" / "style.yaml", ACME_PACK)
    service = Service(settings(tmp_path, write_config(tmp_path), interval=0.05))
    ruleset = service.ruleset_for(f"Bearer {ACME_KEY}")  # starts the watcher in this process
    write(tmp_path / "acme-rules" / "style.yaml", ACME_PACK + NEW_RULE)
    deadline = time.monotonic() + 5
    while service.ruleset_for(f"Bearer {ACME_KEY}") is ruleset and time.monotonic() < deadline:
        time.sleep(0.05)
    assert service.ruleset_for(f"Bearer {ACME_KEY}").get("acme.circle-back") is not None


@pytest.mark.parametrize("config, message", [
    ('[teams.acme]\napi_key_sha256 = "abc"\n', "api_key_sha256 must be the 64 hex digits"),
    (f'[teams.acme]\napi_key_sha256 = "{key_hash("k")}"\nrule_pack = ["x"]\n', "unknown key 'rule_pack'"),
    (f'[teams.acme]\napi_key_sha256 = "{key_hash("k")}"\ndisable = ["acme.nope"]\n', "'acme.nope' is neither a category nor a rule id"),
    (f'[teams.acme]\napi_key_sha256 = "{key_hash("k")}"\nseverity = {{ apology = "loud" }}\n', "use one of error, warning, suggestion"),
    (f'[teams.a]\napi_key_sha256 = "{key_hash("k")}"\n[teams.b]\napi_key_sha256 = "{key_hash("k")}"\n', "same api_key_sha256"),
    (f'[teams.acme]\napi_key_sha256 = "{key_hash("k")}"\nrule_packs = ["missing"]\n', "no such rule pack"),
    ('[teams.acme\n', "TOML syntax error"),
    ('title = "x"\n', "unknown top-level key 'title'"),
])
def test_config_problems_are_refused_with_a_message_that_says_what_to_fix(tmp_path, config, message):
    path = write(tmp_path / "tact.toml", config)
    with pytest.raises(ConfigError) as error:
        Service(settings(tmp_path, path))
    assert message in str(error.value) and str(path) in str(error.value) or "missing" in str(error.value)


def test_a_team_rule_cannot_reuse_a_built_in_id(tmp_path):
    write(tmp_path / "acme-rules" / "x.yaml", ACME_PACK.replace("acme.no-asap", "apology.sorry"))
    with pytest.raises(ConfigError, match="x.yaml:2: apology.sorry: duplicate rule id \\(the built-in rule at .*rules.yaml:9\\)"):
        Service(settings(tmp_path, write_config(tmp_path)))


def test_a_team_that_changes_nothing_shares_the_built_in_rule_set(team_setup):
    _, service, _ = team_setup
    assert service.ruleset_for(f"Bearer {GLOBEX_KEY}") is service.ruleset
