"""A bounded fuzz run: generated drafts (plain text and HTML) through the engine, with every issue's
range checked in code points and in UTF-16 units.

Each input is hostile by construction: arbitrary Unicode including lone surrogates, NULs, RTL and
bidi controls, zero-width joiners, combining marks, CR/LF mixes, broken and nested markup,
character references, quoted-thread headers and signatures, mixed with phrases the rules flag.
An input counts as a crash if the engine raises; as an invalid offset if a range falls outside the
input, if its UTF-16 range selects different characters, or (plain text) if it does not select the
issue's `text`. Target: 100,000 inputs, 0 crashes, 0 invalid offsets.

    .venv/bin/python bench/fuzz.py [--inputs 100000] [--jobs 2] [--seconds 3600]
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import time
import traceback

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from drafts import print_header
from tact.request import parse_check
from tact.service import Service, Settings

HOSTILE = ["\x00", "\u200f", "\u200e", "\u202e", "\u2066", "\u2069", "\u200d", "\u200b", "\ufeff", "\ud800", "\udbff",
           "\udc00", "\U0001F469\u200d\U0001F467", "e\u0301", "\u2028", "\u2029", "\r", "\r\n", "\n\n", "\t", "\xa0",
           "\u3000", "\U0001D49C", "\uffff", "\u2019", "\u201c", "\u2026", "&", "<", ">", "&#0;", "&#xD800;",
           "&#99999999;", "&nosuch;", "&amp", "&nbsp;"]
PHRASES = ["Why didn't you send it?", "Why didn’t you call?", "I'll get back to you soon.", "Let's talk at 3pm.",
           "Can we meet Tuesday at 2pm?", "I'm sorry, but the vendor was late.", "As I said before, ",
           "Obviously ", "I'll look into it.", "tomorrow at 9", "at 17:30 CET", "from 2-3pm PT", "noon",
           "\n> quoted line\n", "On Mon, Dana wrote:\n", "-----Original Message-----\n", "-- \nDana\n",
           "Thanks,\nSam", "Sent from my iPhone", "x. ", "Dr. ", "\t.", "a.m.", "2024/1/1 Bob <b@x.com>\n"]
MARKUP = ["<div>", "</div>", "<br>", "<br/>", "<p>", "</p>", "<blockquote type=cite>", "</blockquote>",
          "<div class=gmail_quote>", "<div class=\"gmail_signature\">", "<div id=divRplyFwdMsg>", "<!--", "-->",
          "<a", "<a href='x'>", "</a>", "<script>", "</script>", "<style>", "<pre>", "</pre>", "<![CDATA[", "]]>",
          "<?xml ?>", "<!DOCTYPE html>", "</", "<b", "<span style=\"x\">", "</span>", "<table><tr><td>", "<li>"]
ZONES = [None, "America/Los_Angeles", "America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Adelaide",
         "Pacific/Chatham", "UTC", "America/St_Johns"]
SENT = [None, "2026-07-14T09:30:00-07:00", "2026-03-08T01:59:00-08:00", "2026-11-01T01:30:00-04:00",
        "2026-12-31T23:59:59+14:00", "2026-02-28T12:00:00Z"]

plain_piece = st.one_of(st.text(max_size=16), st.sampled_from(HOSTILE), st.sampled_from(PHRASES))
html_piece = st.one_of(plain_piece, st.sampled_from(MARKUP))
inputs = st.one_of(
    st.tuples(st.just("text"), st.lists(plain_piece, max_size=24).map("".join)),
    st.tuples(st.just("html"), st.lists(html_piece, max_size=24).map("".join)),
)
contexts = st.fixed_dictionaries({"sender_timezone": st.sampled_from(ZONES),
                                  "recipient_timezone": st.sampled_from(ZONES),
                                  "sent_at": st.sampled_from(SENT),
                                  "quoted": st.sampled_from(["", "On Mon, Dana wrote:\n> Could we do 2pm Central?"])})


def utf16_units(s: str) -> bytes:
    """The UTF-16 code units of `s` (compared as units: decoding would merge a split surrogate pair)."""
    return s.encode("utf-16-le", "surrogatepass")


def offset_problem(source: str, issue, html: bool) -> str | None:
    if not (0 <= issue.offset and 0 < issue.length and issue.offset + issue.length <= len(source)):
        return f"range {issue.offset}+{issue.length} outside an input of {len(source)}"
    selected = source[issue.offset: issue.offset + issue.length]
    if utf16_units(source)[2 * issue.offset_utf16: 2 * (issue.offset_utf16 + issue.length_utf16)] != utf16_units(selected):
        return "UTF-16 range selects different characters"
    if not html and selected.replace("\r\n", "\n").replace("\r", "\n") != issue.text:
        return f"range selects {selected!r}, issue text is {issue.text!r}"
    return None


BATCH = 20  # inputs per hypothesis example: hypothesis's per-example bookkeeping would otherwise dominate


def fuzz_part(job: int, count: int, seconds: float, seed_value: int) -> tuple[dict, list[str]]:
    """Run `count` inputs (stopping early after `seconds`); return the counts and a few failing examples."""
    service = Service(Settings())
    ruleset = service.ruleset
    counts = {"inputs": 0, "text": 0, "html": 0, "issues": 0, "crashes": 0, "invalid offsets": 0}
    examples: list[str] = []
    started = time.monotonic()

    def check_one(kind: str, source: str, context: dict):
        counts["inputs"] += 1
        counts[kind] += 1
        try:
            result = service.check(parse_check({kind: source, "context": context}), ruleset)
        except Exception as exc:  # counted, not raised: the run goes on and reports every kind of crash
            counts["crashes"] += 1
            if len(examples) < 5:
                examples.append(f"crash {type(exc).__name__} on {kind}={source[:200]!r}\n{traceback.format_exc()}")
            return
        counts["issues"] += len(result.issues)
        for issue in result.issues:
            problem = offset_problem(source, issue, kind == "html")
            if problem:
                counts["invalid offsets"] += 1
                if len(examples) < 5:
                    examples.append(f"invalid offset ({problem}) in {issue.rule} on {kind}={source[:200]!r}")

    @seed(seed_value + job)
    @settings(max_examples=-(-count // BATCH), deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(st.lists(st.tuples(inputs, contexts), min_size=BATCH, max_size=BATCH))
    def run_batch(batch):
        for (kind, source), context in batch:
            if counts["inputs"] < count and time.monotonic() - started < seconds:
                check_one(kind, source, context)

    run_batch()
    return counts, examples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=3600, help="stop early after this long")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes (each its own seed)")
    args = parser.parse_args()
    print_header(f"fuzz: {args.inputs:,} generated inputs through the engine, {args.jobs} processes")
    started = time.monotonic()
    shares = [args.inputs // args.jobs + (1 if j < args.inputs % args.jobs else 0) for j in range(args.jobs)]
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        parts = pool.starmap(fuzz_part, [(j, n, args.seconds, args.seed) for j, n in enumerate(shares)])
    counts: dict = {}
    examples: list[str] = []
    for part_counts, part_examples in parts:
        for key, value in part_counts.items():
            counts[key] = counts.get(key, 0) + value
        examples += part_examples
    elapsed = time.monotonic() - started
    print(", ".join(f"{k}: {v:,}" for k, v in counts.items()) + f"  ({elapsed:.0f} s, "
          f"{counts['inputs'] / max(elapsed, 1e-9):,.0f} inputs/s)")
    for example in examples:
        print(example)
    return 1 if counts["crashes"] or counts["invalid offsets"] or counts["inputs"] < args.inputs else 0


if __name__ == "__main__":
    raise SystemExit(main())
