"""The try-it pages: the compose playground at / and the rule workbench at /rules.

Static files only: the pages are plain HTML plus JavaScript that calls the public API, so no draft
text is ever templated by the server. The highlight and card code is the extension's own, served
read-only from `extension/common/` so the pages and the extension cannot drift apart.
"""
from __future__ import annotations

from pathlib import Path

from flask import Blueprint, abort, current_app, send_from_directory

blueprint = Blueprint("pages", __name__)

WEB_DIR = Path(__file__).resolve().parents[1] / "web"
COMMON_DIR = Path(__file__).resolve().parents[3] / "extension" / "common"

# Only what a page loads; anything else in those folders (notes, dotfiles, sources) stays private.
SERVED_TYPES = {
    ".html": "text/html", ".js": "text/javascript", ".css": "text/css",
    ".svg": "image/svg+xml", ".png": "image/png", ".json": "application/json",
}

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "font-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
])


def _send(root: Path, name: str):
    """Send root/name if it is a servable file inside root (never a path that escapes it)."""
    root = root.resolve()
    path = (root / name).resolve()
    if (not path.is_relative_to(root) or not path.is_file() or path.suffix not in SERVED_TYPES
            or any(part.startswith(".") for part in path.relative_to(root).parts)):
        abort(404)
    return send_from_directory(root, str(path.relative_to(root)), mimetype=SERVED_TYPES[path.suffix],
                               max_age=0)


@blueprint.get("/")
def playground():
    return _send(WEB_DIR, "playground.html")


@blueprint.get("/rules")
def rule_workbench():
    return _send(WEB_DIR, "rules.html")


@blueprint.get("/web/<path:name>")
def web_asset(name: str):
    return _send(WEB_DIR, name)


@blueprint.get("/common/<path:name>")
def common_asset(name: str):
    return _send(Path(current_app.config.get("TACT_COMMON_DIR") or COMMON_DIR), name)


@blueprint.after_request
def security_headers(response):
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-cache"
    return response
