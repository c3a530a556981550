"""No draft text in any log record (every logger at DEBUG, success and error paths, a check that
raises with the draft in its message, gunicorn's access log) and nothing written to disk."""
import builtins
import datetime as dt
import json
import logging
import os
import shutil
import traceback
from pathlib import Path
from types import SimpleNamespace

import pytest

from tact.api import create_app
from tact.checks.registry import PYTHON_CHECKS, python_check
from tact.rules.ruleset import BUILTIN_RULES
from tact.serve import AccessLog
from tact.service import Service, Settings

SECRET = "Quetzalcoatl-Ultramarine"
DRAFT = f"Why didn't you send the {SECRET} contract at 3pm? I'll get back to you soon."
BOOM = "BOOM-Xylophone"  # in a draft, makes the test check raise with the draft in the exception message


if "privacy_test_raises" not in PYTHON_CHECKS:
    @python_check("privacy_test_raises")
    def _raises(draft, rule):
        if BOOM in draft.text:
            raise ValueError(f"cannot handle {draft.text!r}")
        return ()


BOOM_RULE = f"""rules:
  - id: privacy.raises
    category: readability
    severity: suggestion
    message: "test rule whose check raises"
    check: privacy_test_raises
    examples:
      flag: ["never flagged"]
      pass: ["fine"]
"""


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record):
        text = record.getMessage()
        if record.exc_info:
            text += "".join(traceback.format_exception(*record.exc_info))
        self.lines.append(f"{record.name} {text}")


@pytest.fixture()
def logs():
    handler = Collect()
    root = logging.getLogger()
    names = ["", "tact", "werkzeug", "flask", "flask_limiter", "gunicorn.error", "gunicorn.access",
             *logging.root.manager.loggerDict]
    saved = {name: (logging.getLogger(name).level, logging.getLogger(name).disabled) for name in names}
    for name in names:
        logging.getLogger(name).setLevel(logging.DEBUG)
        logging.getLogger(name).disabled = False
    root.addHandler(handler)
    yield handler
    root.removeHandler(handler)
    for name, (level, disabled) in saved.items():
        logging.getLogger(name).setLevel(level)
        logging.getLogger(name).disabled = disabled


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    rules = tmp_path_factory.mktemp("rules")
    for pack in BUILTIN_RULES.glob("*.yaml"):
        shutil.copy(pack, rules / pack.name)
    shutil.copytree(BUILTIN_RULES / "models", rules / "models")  # the learned rules' model files
    (rules / "privacy.yaml").write_text(BOOM_RULE)
    app = create_app(service=Service(Settings(rules_dir=rules, reload_interval=0)))
    app.testing = False  # errors go through the app's handlers and its logger, as in production
    app.config["PROPAGATE_EXCEPTIONS"] = False
    return app


@pytest.fixture()
def no_writes(tmp_path, monkeypatch):
    """Run with HOME, cwd and TMPDIR in an empty directory and record every open for writing."""
    for name in ("home", "cwd", "tmp"):
        (tmp_path / name).mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    monkeypatch.chdir(tmp_path / "cwd")
    writes: list[str] = []
    real_open, real_os_open = builtins.open, os.open

    def watched_open(file, mode="r", *args, **kwargs):
        if any(c in mode for c in "wax+"):
            writes.append(f"open({file!r}, {mode!r})")
        return real_open(file, mode, *args, **kwargs)

    def watched_os_open(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND):
            writes.append(f"os.open({path!r})")
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", watched_open)
    monkeypatch.setattr(os, "open", watched_os_open)
    yield writes
    monkeypatch.undo()
    left = [str(p) for p in tmp_path.rglob("*") if p.is_file()]
    assert left == [], f"files written: {left}"


def requests(client):
    """(what, response) for success and error paths on every surface that takes a draft."""
    ctx = {"sender_timezone": "America/Los_Angeles", "recipient_timezone": "Europe/Berlin",
           "sent_at": "2026-07-14T09:30:00-07:00", "quoted": f"On Mon, Dana wrote:\n> {SECRET} at 2pm?"}

    def post(body, **kw):
        return client.post("/api/v1/check", data=body if isinstance(body, str) else json.dumps(body),
                           content_type=kw.get("content_type", "application/json"))

    yield "check text", post({"text": DRAFT, "context": ctx}), 200
    yield "check html", post({"html": f"<div>{DRAFT}</div>", "context": ctx}), 200
    yield "bad timezone", post({"text": DRAFT, "context": {"sender_timezone": SECRET}}), 422
    yield "bad field", post({"text": DRAFT, SECRET: 1}), 422
    yield "malformed json", post('{"text": "' + DRAFT + '"'), 400
    yield "wrong content type", post(DRAFT, content_type="text/plain"), 415
    yield "too large", post({"text": DRAFT * 10000}), 413
    yield "check raises", post({"text": f"{BOOM} {DRAFT}"}), 500
    yield "languagetool form", client.post("/v2/check", data={"text": DRAFT, "language": "en-US"}), 200
    yield "languagetool query", client.get(f"/v2/check?text={SECRET}&language=en-US"), None
    yield "rule playground", client.post("/api/v1/rules/try", json={
        "rule": {"id": "x.y", "category": "tone", "severity": "warning", "message": "m", "pattern": "contract"},
        "text": DRAFT}), None


def test_no_draft_text_in_any_log_record_and_nothing_on_disk(app, logs, no_writes):
    client = app.test_client()
    for what, response, status in requests(client):
        if status is not None:
            assert response.status_code == status, what
        assert response.status_code != 500 or what == "check raises", what
    assert any("unexpected error (ValueError)" in line for line in logs.lines)  # the failure itself is logged
    leaked = [line for line in logs.lines if SECRET in line or BOOM in line]
    assert leaked == []
    assert no_writes == []


def test_gunicorn_access_format_leaves_out_body_and_query(logs):
    from gunicorn.config import Config

    cfg = Config()
    cfg.set("accesslog", "-")
    logger = AccessLog(cfg)
    logger.access_log.addHandler(logs)
    environ = {"REMOTE_ADDR": "127.0.0.1", "REQUEST_METHOD": "GET", "PATH_INFO": "/v2/check",
               "QUERY_STRING": f"text={SECRET}", "RAW_URI": f"/v2/check?text={SECRET}"}
    logger.access(SimpleNamespace(status_code=200, sent=10), SimpleNamespace(), environ, dt.timedelta(milliseconds=2))
    assert any("/v2/check" in line for line in logs.lines)
    assert not any(SECRET in line for line in logs.lines)


def test_the_raising_check_is_really_in_force(app):
    assert app.extensions["tact"].ruleset.get("privacy.raises") is not None
    assert Path(app.extensions["tact"].settings.rules_dir, "privacy.yaml").exists()
