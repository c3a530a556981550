"""What the time zone rules add to the engine's time on a 1,500-character draft.

Runs the built-in rules with and without the `timezone` category over the same
drafts and prints the median and p99 of each and of the difference, for two sets:

- typical: each labeled dev draft that names a time, padded with plain business
  sentences to 1,500 characters (one to three time expressions, as in real mail);
- dense: 1,500 characters with a dozen time expressions, prices, ranges and a
  quoted thread (a worst case).

Times are CPU time of this process (time.process_time), so other load on the
machine does not inflate them. Target: the time rules add ≤ 0.5 ms at the median.

    .venv/bin/python bench/time_checks.py [--rounds 30]
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))

from tact.engine import CheckRequest, run  # noqa: E402
from tact.request import parse_context  # noqa: E402
from tact.service import Service, Settings  # noqa: E402

SENTENCES = [
    "Thanks for the update on the rollout plan and for sending the revised numbers so quickly.",
    "Could we hold Tuesday at 2pm for the kickoff with your operations team?",
    "I've blocked 2:00–3:00pm MST on June 24 for the migration dry run.",
    "The quarterly review is on Thursday, July 16 at 11am EST in the large room.",
    "Refunds typically appear within 3–5 business days, and the fee is $29/seat/month.",
    "Version 2.3.1 ships with 2 pm-ready templates and takes about 2 hours to install.",
    "Our engineering lead can join Friday at 9am CST if that still suits you.",
    "How about Wednesday at 9am Chicago time (16:00 in Berlin) for the follow-up?",
    "Please send the signed forms by noon tomorrow so legal can file them.",
    "The warehouse closes at 4:30 on Fridays, so drivers should arrive before then.",
    "Let's plan the vendor walkthrough for Tuesday, March 12 at 1pm ET.",
    "I'll bring the usage numbers and the draft contract to the call.",
    "If anything changes on your side, let me know and we can move things around.",
    "We regroup on March 24 at 9am Tokyo time, which is 8pm ET on March 23.",
    "The dial-in is +1 312 555 0148, code 7731, and the slides are attached.",
    "Lunch will be provided for everyone who attends in person at the Denver office.",
]
PADDING = (
    "Thanks again for walking us through the proposal and for the detailed notes on scope. "
    "The team reviewed the numbers and we are comfortable with the plan as written. "
    "Please let me know if your legal team needs anything else from our side before signing. "
    "We will share the updated project charter and the risk register with everyone involved. "
    "I have also copied our operations lead so she can answer questions about the rollout. "
    "Looking forward to working together on this and to a smooth handover at the end. "
) * 4
CONTEXT = {
    "sender_timezone": "America/Los_Angeles",
    "recipient_timezone": "America/Chicago",
    "sent_at": "2026-07-14T09:30:00-07:00",
    "quoted": "On Mon, Jul 13, 2026 at 4:02 PM, Dana wrote:\n> Could we talk at 2pm Central on Tuesday?\n> Thanks, Dana",
}
DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.jsonl"


def dense(count: int, seed: int = 7) -> list[tuple[str, dict]]:
    """`count` different drafts of 1,500 characters, each a shuffle of the sentences above."""
    rng = random.Random(seed)
    result = []
    for _ in range(count):
        order = SENTENCES[:]
        rng.shuffle(order)
        text = "Hi Dana,\n\n" + " ".join(order + order)
        result.append((text[:1500], CONTEXT))
    return result


def typical() -> list[tuple[str, dict]]:
    """Dev drafts that name a time, each padded to 1,500 characters with plain sentences."""
    result = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if any(ch.isdigit() for ch in row["text"]) or "noon" in row["text"]:
            body = row["text"]
            cut = body.find("\n\n") + 2 if "\n\n" in body else 0
            padded = body[:cut] + PADDING[:max(0, 1500 - len(body))] + "\n\n" + body[cut:]
            result.append((padded[:1500] if len(padded) > 1500 else padded, row.get("context") or {}))
    return result


def timings(ruleset, requests, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        for request in requests:
            started = time.process_time()
            run(request, ruleset)
            samples.append((time.process_time() - started) * 1000)
    return samples


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(name: str, drafts: list[tuple[str, dict]], with_time, without_time, rounds: int) -> None:
    requests = [CheckRequest(text=text, context=parse_context(context)) for text, context in drafts]
    timings(with_time, requests, 2)  # warm up: the zone abbreviation index is read from tzdata once per process
    timings(without_time, requests, 2)
    found = sum(1 for r in requests for i in run(r, with_time).issues if i.category == "timezone")
    base, full = [], []
    for _ in range(rounds):  # interleaved, so noise falls on both alike
        base += timings(without_time, requests, 1)
        full += timings(with_time, requests, 1)
    sizes = sorted(len(r.text) for r in requests)
    print(f"{name}: {len(requests)} drafts of {sizes[0]}–{sizes[-1]} chars, {found} timezone issues in all")
    for label, samples in (("  without timezone rules", base), ("  with timezone rules", full)):
        print(f"{label:26s} median {statistics.median(samples):.3f} ms   p99 {percentile(samples, 0.99):.3f} ms")
    print(f"{'  added by timezone rules':26s} median {statistics.median(full) - statistics.median(base):.3f} ms   "
          f"p99 {percentile(full, 0.99) - percentile(base, 0.99):.3f} ms   (target: median ≤ 0.5 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    with_time = Service(Settings()).ruleset
    without_time = with_time.only(lambda rule: rule.category != "timezone")
    if DEV.exists():
        measure("typical", typical(), with_time, without_time, args.rounds)
    measure("dense", dense(10), with_time, without_time, args.rounds)


if __name__ == "__main__":
    main()
