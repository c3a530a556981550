"""Production serving with gunicorn (never Flask's development server)."""
from __future__ import annotations

import sys

from gunicorn.app.base import BaseApplication

EXTENSION_HINT = (
    "Load the browser extension: chrome://extensions → Developer mode → Load unpacked → {ext}\n"
    "Its default server is http://127.0.0.1:8787."
)


class _Gunicorn(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from .api import create_app

        return create_app()


def serve(host: str, port: int, workers: int) -> int:
    from pathlib import Path

    url = f"http://{host}:{port}"
    print(f"Tact is serving on {url}  (try: curl -s {url}/healthz)", file=sys.stderr)
    print(EXTENSION_HINT.format(ext=Path(__file__).resolve().parents[2] / "extension"), file=sys.stderr)
    _Gunicorn({
        "bind": f"{host}:{port}",
        "workers": max(1, workers),
        "worker_class": "sync",
        "timeout": 30,
        "graceful_timeout": 10,
        "keepalive": 5,
        "preload_app": True,
        "accesslog": "-",
        # Method, path, status, size, duration: never the body or the query string.
        "access_log_format": '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms',
    }).run()
    return 0
