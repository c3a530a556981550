"""Production serving with gunicorn (never Flask's development server).

One master, N worker processes forked after the rules are compiled (preload: compiled once, shared
copy-on-write). `kill -HUP <master pid>` restarts the workers gracefully: in-flight checks finish,
new workers take over; rule packs and TACT_CONFIG are re-read on change without any signal.
Access logs are JSON lines with method, path, status, size and duration: never a body or query string.
"""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger

from .api.limits import DEFAULT_LIMIT

EXTENSION_HINT = (
    "Load the browser extension: chrome://extensions → Developer mode → Load unpacked → {ext}\n"
    "Its default server is http://127.0.0.1:8787."
)
MAX_LOGGED_PATH = 200


class AccessLog(Logger):
    """gunicorn's logger with one JSON object per request; built from the WSGI environ, so a draft
    (in the body) or a LanguageTool-style `?text=` query can never reach it."""

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        self.access_log.info(json.dumps({
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "remote": environ.get("REMOTE_ADDR", "-"),
            "method": environ.get("REQUEST_METHOD", "-"),
            "path": (environ.get("PATH_INFO") or "/")[:MAX_LOGGED_PATH],
            "status": getattr(resp, "status_code", None),
            "bytes": getattr(resp, "sent", None),
            "ms": round(request_time.total_seconds() * 1000, 2),
            "pid": os.getpid(),
        }, ensure_ascii=True))


class _Gunicorn(BaseApplication):
    def __init__(self, app, options: dict):
        self.app = app
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            if key in self.cfg.settings:  # settings an older gunicorn lacks are left out
                self.cfg.set(key, value)

    def load(self):
        return self.app


def gunicorn_options(host: str, port: int, workers: int, env=os.environ) -> dict:
    threads = max(1, int(env.get("TACT_THREADS") or 2))
    return {
        "bind": f"{host}:{port}",
        "workers": max(1, workers),
        # Threads give keep-alive and keep a slow client from holding a whole worker; checks are
        # CPU-bound, so more workers (one per core), not more threads, add throughput.
        "worker_class": "gthread" if threads > 1 else "sync",
        "threads": threads,
        "timeout": int(env.get("TACT_TIMEOUT") or 30),  # a worker silent this long is killed and replaced
        "graceful_timeout": 20,  # on HUP/TERM: time for in-flight checks to finish
        "keepalive": 5,
        "backlog": 512,
        "preload_app": True,
        "logger_class": AccessLog,
        "accesslog": "-" if (env.get("TACT_ACCESS_LOG") or "on").lower() != "off" else None,
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": "tact",
        # gunicorn ≥ 23 opens a control socket under $HOME by default: one path for every instance on
        # the host, and a file Tact has no use for.
        "control_socket_disable": True,
    }


def _log_to_stderr() -> None:
    """Tact's own messages (rules loaded or refused on reload, upstream grammar state): never draft text."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("[%(asctime)s] [%(process)d] [%(levelname)s] %(name)s: %(message)s"))
    logger = logging.getLogger("tact")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def compile_prefilters(service) -> subprocess.Popen | None:
    """Start `tact rules compile` in the background when the prefilter cache lacks a Hyperscan
    database of the rules in force, and return it; None when nothing is missing. Startup never waits
    for a compile (15-70 s of CPU for the library): the workers prefilter with RE2 sets until the
    cache holds the databases, which they look for every few seconds (`hyperscan_prefilter`)."""
    teams = service.teams.current
    rulesets = (teams.builtin, *(team.ruleset for team in teams.teams))
    if all(r._hyperscan is None or r._hyperscan.complete() for r in rulesets):
        return None
    process = subprocess.Popen([sys.executable, "-m", "tact.cli", "rules", "compile"], stdout=subprocess.DEVNULL,
                               stdin=subprocess.DEVNULL)
    print(f"Compiling the rules' prefilter in the background (pid {process.pid}); until it is cached the "
          f"workers prefilter with RE2 sets", file=sys.stderr)
    return process


def serve(host: str, port: int, workers: int) -> int:
    from .api import create_app
    from .rules.loader import PackError

    os.environ.setdefault("TACT_RATELIMIT", DEFAULT_LIMIT)
    _log_to_stderr()
    try:
        app = create_app()  # before gunicorn, so a broken pack or config is a clear message, not a traceback
    except PackError as exc:
        print("tact serve: the rules or the configuration cannot be loaded:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    compile_prefilters(app.extensions["tact"])
    url = f"http://{host}:{port}"
    print(f"Tact is serving on {url}  (try: curl -s {url}/healthz); master pid {os.getpid()}: "
          f"kill -HUP {os.getpid()} restarts the workers gracefully", file=sys.stderr)
    print(EXTENSION_HINT.format(ext=Path(__file__).resolve().parents[2] / "extension"), file=sys.stderr)
    _Gunicorn(app, gunicorn_options(host, port, workers)).run()
    return 0
