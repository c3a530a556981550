"""`tact serve` under real gunicorn: body limit (also for chunked bodies), per-key rate limit with a
JSON 429, graceful reload on HUP, JSON access logs without drafts or query strings."""
import datetime as dt
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from tact.serve import AccessLog, gunicorn_options

DRAFT = "Why didn't you send the Okapi-Zanzibar contract at 3pm?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, method, path, body=None, headers=None, chunked=False):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        headers = dict(headers or {})
        if chunked:
            conn.putrequest(method, path)
            for k, v in {**headers, "Transfer-Encoding": "chunked"}.items():
                conn.putheader(k, v)
            conn.endheaders()
            for i in range(0, len(body), 65536):
                piece = body[i:i + 65536]
                conn.send(b"%x\r\n%s\r\n" % (len(piece), piece))
            conn.send(b"0\r\n\r\n")
        else:
            conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def post_json(port, body, headers=None, chunked=False):
    data = json.dumps(body).encode()
    return request(port, "POST", "/api/v1/check", data, {"Content-Type": "application/json", **(headers or {})},
                   chunked)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    log_path = tmp_path_factory.mktemp("serve") / "serve.log"
    env = {**os.environ, "TACT_RATELIMIT": "8/minute", "TACT_MAX_BODY_BYTES": "20000", "TACT_RELOAD_INTERVAL": "0"}
    with open(log_path, "wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "tact.cli", "serve", "--port", str(port), "--workers", "2"],
                                stdout=log, stderr=subprocess.STDOUT, env=env)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if request(port, "GET", "/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("tact serve did not answer /healthz: " + log_path.read_text()[-2000:])
    yield SimpleNamespace(port=port, proc=proc, log=log_path)
    proc.terminate()
    proc.wait(timeout=30)


def test_gunicorn_runs_preloaded_workers_with_timeouts_and_no_control_socket():
    options = gunicorn_options("127.0.0.1", 8787, 2, env={})
    assert options["workers"] == 2 and options["preload_app"] is True
    assert 0 < options["timeout"] <= 60 and 0 < options["graceful_timeout"] <= options["timeout"]
    assert options["logger_class"] is AccessLog and options["control_socket_disable"] is True
    assert gunicorn_options("127.0.0.1", 8787, 0, env={"TACT_THREADS": "1"})["worker_class"] == "sync"


def test_access_log_line_is_json_without_body_or_query(caplog):
    from gunicorn.config import Config

    cfg = Config()
    cfg.set("accesslog", "-")
    logger = AccessLog(cfg)
    environ = {"REMOTE_ADDR": "10.0.0.1", "REQUEST_METHOD": "GET", "PATH_INFO": "/v2/check",
               "QUERY_STRING": "text=" + DRAFT, "wsgi.input": DRAFT}
    lines = []
    logger.access_log.info = lines.append
    logger.access(SimpleNamespace(status_code=200, sent=42), None, environ, dt.timedelta(milliseconds=3))
    record = json.loads(lines[0])
    assert record["path"] == "/v2/check" and record["status"] == 200 and record["ms"] == 3.0
    assert "Okapi" not in lines[0] and "text=" not in lines[0]


def test_a_draft_is_checked(server):
    status, _, body = post_json(server.port, {"text": DRAFT}, {"Authorization": "Bearer draft-key"})
    assert status == 200 and json.loads(body)["issues"]


@pytest.mark.parametrize("chunked", [False, True])
def test_a_body_over_the_limit_is_a_json_413_even_when_chunked(server, chunked):
    status, _, body = post_json(server.port, {"text": "a" * 30000}, {"Authorization": f"Bearer big-{chunked}"},
                                chunked=chunked)
    assert status == 413 and json.loads(body)["error"]["code"] == "too_large"


def test_a_chunked_body_under_the_limit_is_read_whole(server):
    status, _, body = post_json(server.port, {"text": "x" * 15000 + " " + DRAFT}, {"Authorization": "Bearer chunk"},
                                chunked=True)
    assert status == 200 and json.loads(body)["issues"]


def test_each_key_has_its_own_rate_limit_and_429_is_json(server):
    # 8/minute per key, counted per worker (memory storage): 2 workers allow at most 16.
    answers = [post_json(server.port, {"text": "Hello."}, {"Authorization": "Bearer hot-key"}) for _ in range(20)]
    statuses = [status for status, _, _ in answers]
    assert 429 in statuses and statuses.count(200) <= 16
    # Which worker takes the next request is up to gunicorn, so the refusal is read from this run.
    _, headers, body = next(answer for answer in answers if answer[0] == 429)
    assert json.loads(body)["error"]["code"] == "rate_limited" and "Retry-After" in headers
    assert post_json(server.port, {"text": "Hello."}, {"Authorization": "Bearer other-key"})[0] == 200
    assert all(request(server.port, "GET", "/healthz")[0] == 200 for _ in range(20))


def test_hup_replaces_the_workers_without_dropping_the_service(server):
    def workers():
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(server.proc.pid)], capture_output=True, text=True)
        return set(out.stdout.split())

    before = workers()
    server.proc.send_signal(signal.SIGHUP)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (workers() & before or len(workers()) < 2):
        assert request(server.port, "GET", "/healthz")[0] == 200
        time.sleep(0.2)
    assert not workers() & before and len(workers()) == 2
    assert post_json(server.port, {"text": DRAFT}, {"Authorization": "Bearer after-hup"})[0] == 200


def test_access_log_is_json_lines_without_draft_text(server):
    request(server.port, "GET", "/v2/check?text=" + "Okapi-Zanzibar+secret&language=en-US")
    time.sleep(0.5)
    log = Path(server.log).read_text()
    access = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    assert {"method", "path", "status", "ms"} <= set(access[0])
    assert any(r["path"] == "/api/v1/check" and r["status"] == 413 for r in access)
    assert "Okapi" not in log and "Zanzibar" not in log
