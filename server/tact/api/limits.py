"""Request limits: per-key rate limiting (flask-limiter), configured from the environment, and the
body-size limit for streamed (chunked) bodies.

- `TACT_RATELIMIT`: limits such as "600/minute" or "20/second;600/minute"; "off" (or unset, outside
  `tact serve`) means no limit. `tact serve` defaults it to DEFAULT_LIMIT.
- `TACT_RATELIMIT_STORAGE`: where counts live, a `limits` storage URI: "memory://" (the default: per
  process, so each gunicorn worker counts on its own) or e.g. "redis://host:6379/0" to share one count
  across every worker and every instance behind a load balancer.
- `TACT_PROXY_HOPS`: how many proxies in front set X-Forwarded-For (0 by default: the socket address is
  the client).

A caller is its API key (only a hash of it is kept, never the key) or, without one, its address.
Going over the limit is a 429 in the API's error shape, with Retry-After.
"""
from __future__ import annotations

import hashlib
import os
from typing import Mapping

from flask import Flask, request
from flask_limiter import Limiter
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.middleware.proxy_fix import ProxyFix

DEFAULT_LIMIT = "600/minute"
UNLIMITED_PATHS = ("/healthz",)


def caller_key() -> str:
    """The rate-limit bucket of this request: a hash of its Bearer key, or its client address."""
    authorization = request.headers.get("Authorization", "")
    scheme, _, key = authorization.partition(" ")
    if scheme.lower() == "bearer" and key.strip():
        return "key:" + hashlib.sha256(key.strip().encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return "addr:" + (request.remote_addr or "unknown")


def refuse_oversized_stream():
    """A chunked body has no Content-Length for Flask's MAX_CONTENT_LENGTH to refuse up front, and
    werkzeug silently cuts it at the limit: read it here and answer 413 if anything is left over."""
    limit = request.max_content_length
    if limit is None or request.content_length is not None or request.method not in ("POST", "PUT", "PATCH"):
        return
    if len(request.get_data(cache=True)) >= limit and request.environ["wsgi.input"].read(1):
        raise RequestEntityTooLarge()


def install(app: Flask, env: Mapping[str, str] = os.environ) -> Limiter | None:
    """Apply the body limit to streamed bodies and the rate limits the environment asks for to
    every route but the health check."""
    app.before_request(refuse_oversized_stream)
    hops = int(env.get("TACT_PROXY_HOPS") or 0)
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops)
    limit = (env.get("TACT_RATELIMIT") or "").strip()
    if not limit or limit.lower() == "off":
        return None
    return Limiter(
        caller_key,
        app=app,
        default_limits=[limit],
        default_limits_exempt_when=lambda: request.path in UNLIMITED_PATHS,
        storage_uri=(env.get("TACT_RATELIMIT_STORAGE") or "memory://").strip(),
        strategy="moving-window",
        headers_enabled=True,
        key_prefix="tact",
        # Shared storage down: keep serving and count in this process rather than fail every check.
        swallow_errors=True,
        in_memory_fallback_enabled=True,
    )
