"""A stand-in LanguageTool server for tests: the same HTTP API v2 and JSON, a few deterministic rules.

The real LanguageTool (a Java jar) cannot be downloaded here, so the upstream path is tested against
this. It answers `GET /v2/languages` and `GET|POST /v2/check` like LanguageTool (offsets in UTF-16
units, as Java counts), and `GET /_last` with the parameters of the last check (to see what Tact sent).

    python tests/lt_standin.py [--mode ok|slow|fail] [--delay SECONDS] [--rules FILE.json]

prints "PORT <n>" once it listens on 127.0.0.1. `--rules` adds rules:
[{"id", "pattern", "message", "replacements", "category", "issueType"}].
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MISSPELLINGS = {"recieve": "receive", "teh": "the", "definately": "definitely", "tomorow": "tomorrow",
                "adress": "address", "untill": "until"}
LANGUAGES = [{"name": "English", "code": "en", "longCode": "en"},
             {"name": "English (US)", "code": "en", "longCode": "en-US"},
             {"name": "German (Germany)", "code": "de", "longCode": "de-DE"}]


def utf16(text: str, cp: int) -> int:
    return cp + sum(1 for ch in text[:cp] if ord(ch) > 0xFFFF)


def match(text, start, end, rule, message, short, replacements, category, issue_type, type_name="Other"):
    lo, hi = max(0, start - 40), min(len(text), end + 40)
    context = text[lo:hi].replace("\n", " ")
    return {
        "message": message, "shortMessage": short,
        "replacements": [{"value": r} for r in replacements],
        "offset": utf16(text, start), "length": utf16(text, end) - utf16(text, start),
        "context": {"text": context, "offset": utf16(context, start - lo), "length": utf16(text, end) - utf16(text, start)},
        "sentence": text.strip(),
        "type": {"typeName": type_name},
        "rule": {"id": rule, "description": short, "issueType": issue_type, "category": category},
        "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
    }


def check(text: str, params: dict, extra_rules: list) -> list:
    disabled = set(filter(None, params.get("disabledRules", "").split(",")))
    found = []
    for m in re.finditer(r"[A-Za-z]+", text):
        right = MISSPELLINGS.get(m.group().lower())
        if right:
            found.append(match(text, m.start(), m.end(), "MORFOLOGIK_RULE_EN_US", "Possible spelling mistake found.",
                               "Spelling mistake", [right], {"id": "TYPOS", "name": "Possible Typo"},
                               "misspelling", "UnknownWord"))
    for m in re.finditer(r"\b(\w+) (\1)\b", text, re.IGNORECASE):
        found.append(match(text, m.start(), m.end(), "ENGLISH_WORD_REPEAT_RULE", "Possible typo: you repeated a word.",
                           "Word repetition", [m.group(1)], {"id": "MISC", "name": "Miscellaneous"}, "duplication"))
    for rule in extra_rules:
        for m in re.finditer(rule["pattern"], text):
            found.append(match(text, m.start(), m.end(), rule["id"], rule["message"], rule.get("short", ""),
                               rule.get("replacements", []), rule.get("category", {"id": "STYLE", "name": "Style"}),
                               rule.get("issueType", "style")))
    return sorted((f for f in found if f["rule"]["id"] not in disabled), key=lambda f: f["offset"])


def make_handler(mode: str, delay: float, extra_rules: list, last: dict):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def reply(self, status: int, body, content_type="application/json"):
            data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def params(self) -> dict:
            query = urllib.parse.urlsplit(self.path).query
            body = ""
            if self.command == "POST":
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
            return {k: v[-1] for k, v in urllib.parse.parse_qs(query + "&" + body, keep_blank_values=True).items()}

        def do_GET(self):
            self.route()

        def do_POST(self):
            self.route()

        def route(self):
            path = urllib.parse.urlsplit(self.path).path
            if path == "/v2/languages":
                return self.reply(200, LANGUAGES)
            if path == "/_last":
                return self.reply(200, last)
            if path != "/v2/check":
                return self.reply(404, "Error: not found", "text/plain")
            params = self.params()
            last.clear()
            last.update(params)
            if mode == "slow":
                time.sleep(delay)
            if mode == "fail":
                return self.reply(500, "Error: Internal Error: java.lang.OutOfMemoryError", "text/plain")
            if "text" not in params:
                return self.reply(400, "Error: Missing 'text' or 'data' parameter", "text/plain")
            return self.reply(200, {
                "software": {"name": "LanguageTool", "version": "6.6-standin", "apiVersion": 1, "premium": False},
                "warnings": {"incompleteResults": False},
                "language": {"name": "English (US)", "code": "en-US",
                             "detectedLanguage": {"name": "English (US)", "code": "en-US", "confidence": 0.9}},
                "matches": check(params["text"], params, extra_rules),
            })

    return Handler


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=("ok", "slow", "fail"), default="ok")
    parser.add_argument("--delay", type=float, default=5.0)
    parser.add_argument("--rules")
    args = parser.parse_args()
    extra = json.load(open(args.rules, encoding="utf-8")) if args.rules else []
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(args.mode, args.delay, extra, {}))
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        sys.stdin.read()  # serve until the test closes our stdin (or dies)
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
