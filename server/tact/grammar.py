"""Grammar and spelling from a real LanguageTool server (`TACT_LANGUAGETOOL_URL`), through language-tool-python.

The upstream is optional and never allowed to cost Tact its latency: every call is bounded by a
timeout, a failure is remembered for a few seconds (so a dead server costs nothing per check), and
Tact's own issues come back whatever the upstream does. Only the sender's new text is sent (never
the quoted thread or the signature), and nothing about it is logged.
"""
from __future__ import annotations

import bisect
import logging
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from language_tool_python import LanguageTool
from language_tool_python.exceptions import LanguageToolError

from .model import Finding, Issue
from .text.draft import Draft

log = logging.getLogger("tact.grammar")

RULE_PREFIX = "languagetool."  # Tact rule id of an upstream match: "languagetool.MORFOLOGIK_RULE_EN_US"
CATEGORY = "grammar"
# Sure mistakes are errors; what LanguageTool itself calls style is a suggestion; the rest a warning.
_SEVERITY = {"misspelling": "error", "grammar": "error", "style": "suggestion", "register": "suggestion",
             "locale-violation": "suggestion"}


@dataclass(frozen=True)
class UpstreamOptions:
    """What a LanguageTool client asked for that the upstream server, not Tact, has to honour."""

    language: str = "en-US"
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_only: bool = False
    level: str = ""
    extra: dict = field(default_factory=dict)  # other LanguageTool parameters, e.g. motherTongue

    def params(self) -> dict:
        params = {"language": self.language, **self.extra}
        for name, values in (("enabledRules", self.enabled_rules), ("disabledRules", self.disabled_rules),
                             ("enabledCategories", self.enabled_categories),
                             ("disabledCategories", self.disabled_categories)):
            if values:
                params[name] = ",".join(values)
        if self.enabled_only:
            params["enabledOnly"] = "true"
        if self.level:
            params["level"] = self.level
        return params


@dataclass
class UpstreamReport:
    """What one check learned from the upstream: the LanguageTool fields Tact's Finding has no room for
    (keyed by Tact rule id and message), and whether its answer is missing (timeout, error)."""

    meta: dict = field(default_factory=dict)
    incomplete: bool = False


class _BoundedLanguageTool(LanguageTool):
    """language-tool-python's client for a remote server, with our timeout instead of its 300 s."""

    def __init__(self, url: str, timeout: float):
        self._TIMEOUT = timeout  # shadows the class constant, which every request of the library reads
        super().__init__("en-US", remote_server=url)


class _Utf16:
    """Maps UTF-16 offsets (what LanguageTool, a Java server, reports) to code points of `text`."""

    def __init__(self, text: str):
        self.astral16 = []  # UTF-16 index of each astral character
        for i, ch in enumerate(text):
            if ord(ch) > 0xFFFF:
                self.astral16.append(i + len(self.astral16))

    def to_cp(self, offset16: int) -> int:
        return offset16 - bisect.bisect_left(self.astral16, offset16)


def _sent_text(draft: Draft) -> tuple[str, list[tuple[int, int]]]:
    """The new text as sent upstream (pieces joined by "\\n") and, per piece, (its start there, its start in draft.text)."""
    pieces, starts, at = [], [], 0
    for start, end in draft.new_ranges:
        starts.append((at, start))
        pieces.append(draft.text[start:end])
        at += end - start + 1
    return "\n".join(pieces), starts


def _findings(body: dict, draft: Draft, report: UpstreamReport) -> list[Finding]:
    sent, starts = _sent_text(draft)
    utf16, piece_starts = _Utf16(sent), [s for s, _ in starts]
    findings = []
    for match in body["matches"]:
        finding = _finding(match, sent, utf16, starts, piece_starts)
        if finding is not None:
            findings.append(finding)
            rule = match["rule"]
            report.meta[(finding.rule, finding.message)] = {
                "rule": {"id": rule["id"], "description": str(rule.get("description") or ""),
                         "issueType": str(rule.get("issueType") or "uncategorized"),
                         "category": _category(rule.get("category"))},
                "shortMessage": str(match.get("shortMessage") or ""),
                "type": match["type"] if isinstance(match.get("type"), dict) else {"typeName": "Other"},
            }
    return findings


def _category(raw) -> dict:
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        return {"id": raw["id"], "name": str(raw.get("name") or raw["id"])}
    return {"id": "MISC", "name": "Miscellaneous"}


def _finding(match, sent: str, utf16: _Utf16, starts, piece_starts) -> Optional[Finding]:
    """One upstream match as a Finding in draft.text coordinates, or None when it is malformed or
    spans two pieces of new text (it would cover quoted text Tact never sent)."""
    if not isinstance(match, dict) or not isinstance(match.get("rule"), dict):
        return None
    offset, length, rule_id = match.get("offset"), match.get("length"), match["rule"].get("id")
    if not (isinstance(offset, int) and isinstance(length, int) and isinstance(rule_id, str) and rule_id
            and offset >= 0 and length > 0):
        return None
    start, end = utf16.to_cp(offset), utf16.to_cp(offset + length)
    if end > len(sent) or start >= end:
        return None
    piece = bisect.bisect_right(piece_starts, start) - 1
    sent_start, draft_start = starts[piece]
    piece_end = starts[piece + 1][0] - 1 if piece + 1 < len(starts) else len(sent)
    if end > piece_end:
        return None
    raw_replacements = match.get("replacements")
    replacements = tuple(r["value"] for r in (raw_replacements if isinstance(raw_replacements, list) else ())
                         if isinstance(r, dict) and isinstance(r.get("value"), str))
    rule = match["rule"]
    issue_type = rule.get("issueType") if isinstance(rule.get("issueType"), str) else ""
    return Finding(
        start=draft_start + start - sent_start,
        end=draft_start + end - sent_start,
        rule=RULE_PREFIX + rule_id,
        category=CATEGORY,
        severity=_SEVERITY.get(issue_type, "warning"),
        message=str(match.get("message") or rule.get("description") or rule_id),
        explanation=str(rule.get("description") or ""),
        replacements=replacements,
    )


class LanguageToolUpstream:
    """A LanguageTool server Tact asks for grammar and spelling, with a bounded wait."""

    def __init__(self, url: str, timeout: float = 1.5, retry_after: float = 5.0):
        self.url = url
        self.timeout = timeout
        self.retry_after = retry_after
        self._lock = threading.Lock()
        self._tool: Optional[_BoundedLanguageTool] = None
        self._executor: Optional[ThreadPoolExecutor] = None  # made on first use: gunicorn forks after loading the app
        self._failed_at: Optional[float] = None
        self._last_error = ""
        self._last_ms: Optional[float] = None

    @property
    def shown_url(self) -> str:
        """The URL without any user:password in it."""
        parts = urllib.parse.urlsplit(self.url)
        host = parts.hostname or ""
        netloc = f"{host}:{parts.port}" if parts.port else host
        return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))

    def source(self, options: UpstreamOptions = UpstreamOptions(),
               report: Optional[UpstreamReport] = None) -> Callable[[Draft], Iterable[Finding]]:
        """A finding source for `engine.run(..., extra=[...])`."""
        report = report if report is not None else UpstreamReport()

        def upstream_findings(draft: Draft) -> list[Finding]:
            if not draft.new_ranges:
                return []
            if self._cooling_down():
                report.incomplete = True
                return []
            body = self._call(_sent_text(draft)[0], options, report)
            return [] if body is None else _findings(body, draft, report)

        return upstream_findings

    def health(self) -> dict:
        """The upstream's state; asks it (within the timeout) when nothing recent says how it is."""
        with self._lock:
            stale = self._last_ms is None and self._failed_at is None
        if stale or (self._failed_at is not None and not self._cooling_down()):
            self._probe()
        with self._lock:
            state = {"status": "ok", "url": self.shown_url, "timeout_s": self.timeout}
            if self._failed_at is not None:
                state.update(status="degraded", error=self._last_error)
            else:
                state["last_ms"] = self._last_ms
            return state

    def _probe(self):
        self._call("Tact health check.", UpstreamOptions(), None)  # a fixed text, never a draft

    def _call(self, text: str, options: UpstreamOptions, report: Optional[UpstreamReport]) -> Optional[dict]:
        """The upstream's answer within the timeout, or None (and the upstream marked degraded)."""
        started = time.perf_counter()
        future = self._pool().submit(self._ask, text, options)
        try:
            body = future.result(timeout=self.timeout)
            if not isinstance(body, dict) or not isinstance(body.get("matches"), list):
                raise LanguageToolError("the upstream answer is not LanguageTool JSON")
        except FutureTimeout:
            future.cancel()
            self._failed(report, f"no answer within {self.timeout:g} s")
            return None
        except Exception as exc:  # noqa: BLE001  (an untrusted server: any failure means "answer without it")
            self._failed(report, _describe(exc))
            return None
        self._succeeded(started)
        return body

    def _pool(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="tact-languagetool")
            return self._executor

    def _client(self) -> _BoundedLanguageTool:
        with self._lock:
            tool = self._tool
        if tool is None:
            tool = _BoundedLanguageTool(self.url, self.timeout)  # asks the server for its languages
            with self._lock:
                self._tool = tool
        return tool

    def _ask(self, text: str, options: UpstreamOptions):
        tool = self._client()
        params = {**tool._create_params(text), **options.params()}
        return tool._query_server(urllib.parse.urljoin(tool.url, "check"), params, num_tries=1, method="post")

    def _cooling_down(self) -> bool:
        with self._lock:
            return self._failed_at is not None and time.monotonic() - self._failed_at < self.retry_after

    def _succeeded(self, started: float):
        with self._lock:
            self._failed_at, self._last_error = None, ""
            self._last_ms = round((time.perf_counter() - started) * 1000, 1)

    def _failed(self, report: Optional[UpstreamReport], error: str):
        if report is not None:
            report.incomplete = True
        with self._lock:
            self._failed_at, self._last_error = time.monotonic(), error
        log.warning("LanguageTool at %s: %s; answering with Tact's own issues", self.shown_url, error)


def _describe(exc: Exception) -> str:
    """Why the upstream failed, without echoing its answer (which could quote the draft)."""
    text = str(exc)
    if "timed out" in text.lower() or "timeout" in type(exc).__name__.lower():
        return "timed out"
    if "connect" in text.lower():
        return "cannot connect"
    if isinstance(exc, ValueError):
        return "the server does not offer English"
    return "answered with an error (not LanguageTool JSON)"


def drop_duplicates(issues: list[Issue]) -> list[Issue]:
    """Drop an upstream issue that flags the same words as one of Tact's own (they overlap by at least
    half of the longer span). A short grammar match inside a long Tact span (a long sentence) stays."""
    own = [i for i in issues if not i.rule.startswith(RULE_PREFIX)]

    def duplicate(issue: Issue) -> bool:
        for mine in own:
            overlap = min(issue.offset + issue.length, mine.offset + mine.length) - max(issue.offset, mine.offset)
            if overlap > 0 and overlap * 2 >= max(issue.length, mine.length):
                return True
        return False

    return [i for i in issues if not (i.rule.startswith(RULE_PREFIX) and duplicate(i))]
