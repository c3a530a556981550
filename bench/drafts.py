"""What the benchmarks share: drafts of a given length built from the labeled dev set, the
context a webmail client sends with them, percentiles, and the machine they ran on."""
from __future__ import annotations

import json
import os
import platform
import random
import statistics
import sys
from pathlib import Path

DEV_SET = Path(os.environ.get("TACT_DEV_SET", Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.jsonl"))
# Every draft is checked with both zones and the send time, so the time checks run in full.
DEFAULT_CONTEXT = {"sender_timezone": "America/Los_Angeles", "recipient_timezone": "America/New_York",
                   "sent_at": "2026-07-14T09:30:00-07:00"}


def dev_records() -> list[dict]:
    with open(DEV_SET, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def full_context(record: dict) -> dict:
    return {**DEFAULT_CONTEXT, **(record.get("context") or {})}


def drafts_of_length(length: int, count: int, seed: int = 0) -> list[dict]:
    """`count` distinct request bodies whose text is `length` characters (cut at a word boundary) of
    dev-set drafts laid end to end in a shuffled order, with the first draft's context."""
    records = dev_records()
    rnd = random.Random(seed)
    bodies, seen = [], set()
    while len(bodies) < count:
        order = records[:]
        rnd.shuffle(order)
        start = rnd.randrange(len(order))
        parts, size, i = [], 0, start
        while size < length:
            parts.append(order[i % len(order)]["text"])
            size += len(parts[-1]) + 2
            i += 1
        text = "\n\n".join(parts)[:length]
        cut = text.rfind(" ", 0, length)
        text = text[:cut if cut > length * 0.9 else length]
        if text in seen:
            continue
        seen.add(text)
        bodies.append({"text": text, "context": full_context(order[start % len(order)])})
    return bodies


ENRON = DEV_SET.parent / "external" / "enron_aeslc.jsonl"


def enron_drafts(low: int = 1200, high: int = 1800) -> list[dict]:
    """Real business email (Enron, AESLC bodies) of `low`-`high` characters, with the default context:
    a realistic line next to the dense dev-set drafts (measure only; rules are never tuned on it)."""
    with open(ENRON, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    return [{"text": r["text"], "context": DEFAULT_CONTEXT} for r in records if low <= len(r["text"]) <= high]


def dev_drafts() -> list[dict]:
    """The dev set's drafts as a client sends them: text plus context (zones, send time, quoted thread)."""
    return [{"text": r["text"], "context": full_context(r)} for r in dev_records()]


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100), nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def summary(values: list[float]) -> dict:
    return {"n": len(values), "p50": percentile(values, 50), "p90": percentile(values, 90),
            "p99": percentile(values, 99), "max": max(values), "mean": statistics.fmean(values)}


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} CPUs ({len(os.sched_getaffinity(0))} usable), {model}; "
            f"Python {platform.python_version()} on {platform.system()} {platform.release()}; "
            f"load average {os.getloadavg()[0]:.2f}")


def print_header(title: str):
    print(f"# {title}")
    print(f"machine: {machine()}")
    print(f"python: {sys.executable}")
