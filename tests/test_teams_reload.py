"""Reload under the real server (gunicorn): edits are picked up without a restart, `kill -HUP` restarts
workers on the current rules, and a broken pack never replaces the last good rules."""
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request

import pytest

from tact.teams import key_hash

from packs import ACME_PACK as PACK, CIRCLE_BACK_RULE as MORE

KEY = "acme-7d41"
BROKEN = PACK.replace('phrases: ["ASAP"]', "pattern: '(?<=send )ASAP'")
DRAFT = "I'll send it ASAP and we circled back on pricing."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(textwrap.dedent(text), encoding="utf-8")
    os.replace(tmp, path)  # as an editor saves: the watcher never reads half a file


@pytest.fixture()
def server(tmp_path, request):
    interval = request.param
    write(tmp_path / "builtin" / "none.yaml", "rules: []\n")
    write(tmp_path / "acme" / "style.yaml", PACK)
    write(tmp_path / "tact.toml", f'[teams.acme]\napi_key_sha256 = "{key_hash(KEY)}"\nrule_packs = ["acme"]\n')
    port = free_port()
    env = {**os.environ, "TACT_CONFIG": str(tmp_path / "tact.toml"), "TACT_RULES_DIR": str(tmp_path / "builtin"),
           "TACT_RELOAD_INTERVAL": str(interval), "TACT_RATELIMIT": "off", "TACT_ACCESS_LOG": "off"}
    log = open(tmp_path / "server.log", "w+")
    proc = subprocess.Popen([sys.executable, "-m", "tact.cli", "serve", "--port", str(port), "--workers", "1"],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail("server did not start:\n" + (tmp_path / "server.log").read_text())
            time.sleep(0.2)
    yield url, proc, tmp_path
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def flagged(url: str) -> set[str]:
    req = urllib.request.Request(url + "/api/v1/check", data=json.dumps({"text": DRAFT}).encode(),
                                 headers={"Content-Type": "application/json", "Authorization": f"Bearer {KEY}"})
    with urllib.request.urlopen(req, timeout=10) as response:
        return {issue["rule"] for issue in json.load(response)["issues"]}


def eventually(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


@pytest.mark.parametrize("server", [0.2], indirect=True)
def test_edits_reload_without_a_restart_and_a_broken_pack_keeps_the_last_good_rules(server):
    url, proc, tmp_path = server
    assert flagged(url) == {"acme.no-asap"}
    write(tmp_path / "acme" / "style.yaml", PACK + MORE)
    assert eventually(lambda: flagged(url) == {"acme.no-asap", "acme.circle-back"})

    write(tmp_path / "acme" / "style.yaml", BROKEN + MORE)
    assert eventually(lambda: "style.yaml:5: acme.no-asap: RE2 cannot compile" in (tmp_path / "server.log").read_text())
    assert flagged(url) == {"acme.no-asap", "acme.circle-back"}

    proc.send_signal(signal.SIGHUP)  # new workers, forked from a master that kept the last good rules
    time.sleep(2)
    assert proc.poll() is None
    assert flagged(url) == {"acme.no-asap", "acme.circle-back"}
    assert DRAFT not in (tmp_path / "server.log").read_text()  # drafts never reach the log


@pytest.mark.parametrize("server", [0], indirect=True)
def test_sighup_reloads_when_polling_is_off(server):
    url, proc, tmp_path = server
    assert flagged(url) == {"acme.no-asap"}
    write(tmp_path / "acme" / "style.yaml", PACK + MORE)
    time.sleep(0.5)
    assert flagged(url) == {"acme.no-asap"}  # no polling: a serving worker does not change by itself
    proc.send_signal(signal.SIGHUP)
    assert eventually(lambda: flagged(url) == {"acme.no-asap", "acme.circle-back"})
