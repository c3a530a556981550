"""Turn what a client sent (JSON body or CLI flags) into a validated CheckRequest."""
from __future__ import annotations

import datetime as dt
from typing import Any

import pytz

from .engine import CheckRequest
from .model import Context

MAX_CONTEXT_CHARS = 256 * 1024


class InputError(Exception):
    """Client input we refuse, with the HTTP status and a stable error code."""

    def __init__(self, status: int, code: str, message: str, details: list | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details or []

    def to_json(self) -> dict:
        error = {"code": self.code, "message": self.message}
        if self.details:
            error["details"] = self.details
        return {"error": error}


def invalid(message: str, code: str = "invalid_field") -> InputError:
    return InputError(422, code, message)


def parse_timezone(name: Any, field: str) -> dt.tzinfo | None:
    if name is None or name == "":
        return None
    if not isinstance(name, str):
        raise invalid(f"`{field}` must be an IANA timezone name such as \"America/Chicago\"")
    try:
        return pytz.timezone(name.strip())
    except (pytz.UnknownTimeZoneError, ValueError, UnicodeError):
        shown = name if len(name) <= 60 else name[:60] + "…"
        raise invalid(f"`{field}`: unknown timezone {shown!r}; use an IANA name such as \"America/Chicago\"",
                      "unknown_timezone") from None


def parse_sent_at(value: Any, sender_tz: dt.tzinfo | None) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > 64:
        raise invalid("`context.sent_at` must be an ISO 8601 date-time string")
    try:
        moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise invalid("`context.sent_at` is not an ISO 8601 date-time such as 2026-07-14T09:30:00-07:00") from None
    if moment.tzinfo is None:
        moment = sender_tz.localize(moment) if hasattr(sender_tz, "localize") else moment.replace(tzinfo=dt.timezone.utc)
    return moment


CONTEXT_FIELDS = frozenset({"sender_timezone", "recipient_timezone", "sent_at", "quoted"})


def parse_context(raw: Any) -> Context:
    if raw is None:
        return Context()
    if not isinstance(raw, dict):
        raise invalid("`context` must be an object")
    unknown = sorted(set(raw) - CONTEXT_FIELDS)
    if unknown:
        raise invalid(f"unknown field `context.{unknown[0]}` (known: {', '.join(sorted(CONTEXT_FIELDS))})")
    quoted = raw.get("quoted") or ""
    if not isinstance(quoted, str):
        raise invalid("`context.quoted` must be a string")
    if len(quoted) > MAX_CONTEXT_CHARS:
        raise InputError(413, "too_large", f"`context.quoted` is longer than {MAX_CONTEXT_CHARS} characters")
    sender = parse_timezone(raw.get("sender_timezone"), "context.sender_timezone")
    recipient = parse_timezone(raw.get("recipient_timezone"), "context.recipient_timezone")
    return Context(sender, recipient, parse_sent_at(raw.get("sent_at"), sender), quoted)


def parse_names(raw: Any, field: str) -> frozenset[str] | None:
    if raw is None:
        return None
    if not isinstance(raw, list) or not all(isinstance(c, str) for c in raw):
        raise invalid(f"`{field}` must be a list of strings")
    return frozenset(raw)


def parse_check(body: Any) -> CheckRequest:
    """Validate a native-API body: exactly one of `text`/`html`, optional `context` and `categories`."""
    if not isinstance(body, dict):
        raise invalid("the body must be a JSON object with `text` or `html`")
    known = {"text", "html", "context", "categories", "rules"}
    unknown = sorted(set(body) - known)
    if unknown:
        raise invalid(f"unknown field `{unknown[0]}` (known: {', '.join(sorted(known))})")
    present = [k for k in ("text", "html") if body.get(k) is not None]
    if len(present) != 1:
        raise invalid("give exactly one of `text` or `html`", "text_or_html")
    value = body[present[0]]
    if not isinstance(value, str):
        raise invalid(f"`{present[0]}` must be a string")
    return CheckRequest(
        text=value if present[0] == "text" else None,
        html=value if present[0] == "html" else None,
        context=parse_context(body.get("context")),
        categories=parse_names(body.get("categories"), "categories"),
        rules=parse_names(body.get("rules"), "rules"),
    )
