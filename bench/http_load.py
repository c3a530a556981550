"""HTTP round trip and throughput under `tact serve` (gunicorn) on 127.0.0.1, plus a load run with
the workers' resident memory. (Not named http.py: in bench/ that would shadow the standard
library's `http` package for every script run from here.)

For 1, 2 and 4 workers: starts `tact serve` (rate limit off, access log on, to /dev/null), then
- round trip: one keep-alive client, requests one after another (dev-set drafts as sent, and
  1,500-character drafts), client-side p50/p99;
- throughput: `wrk` (Debian's `wrk`; bounded by --duration) with --connections keep-alive
  connections cycling through the same bodies; checks/s, its latency percentiles, non-2xx count.
Then the load run, with 2 workers: --load requests (default 10,000) from a bounded thread pool of
keep-alive clients, every status counted; each worker's RSS after startup, after a warm-up of
--warmup requests, and at the end (growth is measured from the warm-up).

Targets: round trip p99 ≤ 15 ms; ≥ 300 checks/s with 2 workers on 2 cores; 0 errors in 10,000;
RSS growth ≤ 10% after warm-up.

    .venv/bin/python bench/http_load.py [--workers 1 2 4] [--duration 10] [--load 10000]
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil

from drafts import dev_drafts, drafts_of_length, print_header, summary

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`tact serve` in a subprocess, for the length of a `with` block."""

    def __init__(self, workers: int):
        self.workers, self.port = workers, free_port()

    def __enter__(self):
        env = {**os.environ, "TACT_RATELIMIT": "off"}
        self.proc = subprocess.Popen([sys.executable, "-m", "tact.cli", "serve", "--port", str(self.port),
                                      "--workers", str(self.workers)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if Client(self.port).get("/healthz") == 200 and len(self.worker_pids()) == self.workers:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        self.proc.kill()
        raise RuntimeError("tact serve did not come up")

    def worker_pids(self) -> list[int]:
        return sorted(child.pid for child in psutil.Process(self.proc.pid).children())

    def worker_rss_mb(self) -> list[float]:
        return [psutil.Process(pid).memory_info().rss / 2**20 for pid in self.worker_pids()]

    def __exit__(self, *exc):
        self.proc.terminate()
        self.proc.wait(timeout=60)


class Client:
    """One keep-alive connection; reconnects if the server closed it."""

    def __init__(self, port: int):
        self.port, self.conn = port, None

    def _request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                headers = {"Content-Type": "application/json"} if body is not None else {}
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                return response.status, response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def get(self, path: str) -> int:
        return self._request("GET", path)[0]

    def check(self, body: bytes) -> int:
        return self._request("POST", "/api/v1/check", body)[0]


def round_trip(port: int, bodies: list[bytes], count: int) -> dict:
    client, times, errors = Client(port), [], 0
    for body in bodies[:20]:
        client.check(body)
    for i in range(count):
        started = time.perf_counter()
        status = client.check(bodies[i % len(bodies)])
        times.append((time.perf_counter() - started) * 1000)
        errors += status != 200
    return {**summary(times), "errors": errors}


def wrk_lua(bodies: list[bytes]) -> str:
    quoted = ",\n".join("[==[" + b.decode() + "]==]" for b in bodies)
    return ("local bodies = {\n" + quoted + "\n}\nlocal i = 0\n"
            "wrk.method = 'POST'\nwrk.headers['Content-Type'] = 'application/json'\n"
            "request = function()\n  i = i % #bodies + 1\n"
            "  return wrk.format(nil, '/api/v1/check', nil, bodies[i])\nend\n")


def throughput(port: int, bodies: list[bytes], duration: float, connections: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(wrk_lua(bodies))
    try:
        out = subprocess.run(["wrk", "-t", "1", "-c", str(connections), "-d", f"{max(1, round(duration))}s", "--latency",
                              "-s", script.name, f"http://127.0.0.1:{port}"],
                             capture_output=True, text=True, timeout=duration + 60).stdout
    finally:
        os.unlink(script.name)

    def ms(label):
        m = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\b", out, re.M)
        if not m:
            return float("nan")
        return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]

    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {"rps": float(rps.group(1)) if rps else float("nan"), "p50": ms("50%"), "p99": ms("99%"),
            "non2xx": int(non2xx.group(1)) if non2xx else 0,
            "socket_errors": socket_errors.group(1) if socket_errors else "none"}


def load_run(server: Server, bodies: list[bytes], total: int, warmup: int, clients: int) -> dict:
    rss_start = server.worker_rss_mb()
    counter = iter(range(10**9))
    lock = threading.Lock()
    statuses: dict = {}

    def drive(n_requests: int):
        client = Client(server.port)
        for _ in range(n_requests):
            with lock:
                i = next(counter)
            try:
                status = client.check(bodies[i % len(bodies)])
            except OSError as exc:
                status = type(exc).__name__
            with lock:
                statuses[status] = statuses.get(status, 0) + 1

    def run(n: int) -> float:
        started = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            list(pool.map(drive, [n // clients + (1 if c < n % clients else 0) for c in range(clients)]))
        return time.perf_counter() - started

    run(warmup)
    rss_warm = server.worker_rss_mb()
    statuses.clear()
    seconds = run(total)
    rss_end = server.worker_rss_mb()
    growth = max((end - warm) / warm * 100 for warm, end in zip(rss_warm, rss_end))
    return {"requests": sum(statuses.values()), "ok": statuses.get(200, 0),
            "errors": sum(v for k, v in statuses.items() if k != 200), "statuses": statuses, "seconds": seconds,
            "rss_start": rss_start, "rss_warm": rss_warm, "rss_end": rss_end, "growth_pct": growth}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2, 4], help="worker counts to sweep (none: only the load run)")
    parser.add_argument("--duration", type=float, default=10, help="seconds of wrk per setting")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--round-trips", type=int, default=1000)
    parser.add_argument("--load", type=int, default=10_000)
    parser.add_argument("--warmup", type=int, default=5_000, help="checks before the RSS baseline (fills the bounded per-text caches)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is not installed (Debian: apt-get install wrk)", file=sys.stderr)
        return 2
    print_header("HTTP on 127.0.0.1 under tact serve (gunicorn), ms")
    sets = {"dev set as sent": [json.dumps(b).encode() for b in dev_drafts()],
            "1,500 chars": [json.dumps(b).encode() for b in drafts_of_length(1500, 300, seed=3)]}
    for workers in args.workers:
        with Server(workers) as server:
            for name, bodies in sets.items():
                rt = round_trip(server.port, bodies, args.round_trips)
                tp = throughput(server.port, bodies, args.duration, args.connections)
                print(f"workers={workers} {name:>16}: round trip p50 {rt['p50']:.2f} p99 {rt['p99']:.2f} "
                      f"(n={rt['n']}, errors {rt['errors']}) | wrk {args.connections} conns {args.duration:.0f}s: "
                      f"{tp['rps']:.0f} checks/s, p50 {tp['p50']:.2f} p99 {tp['p99']:.2f}, "
                      f"non-2xx {tp['non2xx']}, socket errors {tp['socket_errors']}", flush=True)
    if args.load:
        with Server(2) as server:
            bodies = [json.dumps(b).encode() for b in dev_drafts() + drafts_of_length(1500, 2000, seed=4)]
            result = load_run(server, bodies, args.load, args.warmup, clients=4)
            print(f"load run, 2 workers, 4 keep-alive clients: {result['requests']:,} requests in "
                  f"{result['seconds']:.1f} s ({result['requests'] / result['seconds']:.0f}/s), "
                  f"{result['errors']} errors, statuses {result['statuses']}")
            for i, (start, warm, end) in enumerate(zip(result["rss_start"], result["rss_warm"], result["rss_end"])):
                print(f"  worker {i + 1} RSS: {start:.1f} MB after startup, {warm:.1f} MB after {args.warmup:,} "
                      f"warm-up checks, {end:.1f} MB after {args.load:,} more ({(end - warm) / warm * 100:+.1f}%)")
            print(f"  largest growth after warm-up: {result['growth_pct']:+.1f}% (target ≤ 10%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
