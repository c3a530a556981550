"""Compiled prefilter databases on disk, keyed by what they were compiled from.

A file is `<key>.bin` under the cache directory: one header line (JSON: the key, the payload's
SHA-256 and whatever the caller stores alongside) and the payload. A file whose header, key or
checksum does not match reads as missing, so a truncated, corrupt or foreign file is rebuilt,
never trusted. Writes go to a temporary file in the same directory and are renamed into place, so
concurrent workers (gunicorn) never read a half-written file; the last of two equal writes wins.
After a write only the newest KEEP files stay. Compiles hold one lock per directory (`exclusive`),
so two `tact serve` starts do not both spend a compile's CPU on the same databases.

The directory: TACT_CACHE_DIR, else $XDG_CACHE_HOME/tact/prefilter, else ~/.cache/tact/prefilter.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger("tact")
_SUFFIX = ".bin"
# Files kept: every rule change leaves new ones (four databases per library version), so the oldest
# go after a write; a server that loaded one keeps it in memory.
KEEP = 64
_STALE_TEMPORARY = 3600  # seconds after which a temporary file is a crashed writer's


def cache_dir(env=os.environ) -> Path:
    if env.get("TACT_CACHE_DIR"):
        return Path(env["TACT_CACHE_DIR"])
    base = Path(env["XDG_CACHE_HOME"]) if env.get("XDG_CACHE_HOME") else Path.home() / ".cache"
    return base / "tact" / "prefilter"


def key_of(*parts: bytes | str) -> str:
    """A file name safe key for the parts, each length-prefixed so no two lists collide."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:40]


def read(key: str, directory: Path | None = None) -> tuple[dict, bytes] | None:
    """(the stored extras, the payload) under `key`; None when absent, unreadable or not intact."""
    path = (directory or cache_dir()) / (key + _SUFFIX)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head, newline, payload = data.partition(b"\n")
    try:
        header = json.loads(head) if newline else None
    except ValueError:
        header = None
    if (not isinstance(header, dict) or header.get("key") != key
            or header.get("sha256") != hashlib.sha256(payload).hexdigest()):
        log.warning("prefilter cache: ignoring a damaged file %s", path.name)
        return None
    return header.get("extra") or {}, payload


def write(key: str, payload: bytes, extra: dict, directory: Path | None = None) -> bool:
    """Store `payload` under `key` atomically; False (logged, not raised) when the directory is not writable."""
    directory = directory or cache_dir()
    header = json.dumps({"key": key, "sha256": hashlib.sha256(payload).hexdigest(), "extra": extra})
    temporary = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, prefix=f".{key}.", suffix=".tmp", delete=False) as out:
            temporary = out.name
            out.write(header.encode("ascii") + b"\n" + payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, directory / (key + _SUFFIX))
        _prune(directory)
        return True
    except OSError as exc:
        log.warning("prefilter cache: cannot write to %s (%s); compiled databases stay in memory", directory, exc)
        if temporary:
            try:
                os.unlink(temporary)
            except OSError:
                pass
        return False


@contextmanager
def exclusive(directory: Path | None = None):
    """Hold the directory's compile lock: a second holder waits, then finds the first one's files.
    The lock goes with its holder, even one that crashes (flock); an unwritable directory compiles
    without it."""
    directory = directory or cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle = open(directory / ".compile.lock", "ab")
    except OSError:
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _prune(directory: Path) -> None:
    """Remove all but the KEEP newest files and temporary files left by crashed writers."""
    def age(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:  # removed by another process meanwhile
            return 0.0
    files = sorted(directory.glob("*" + _SUFFIX), key=age, reverse=True)
    now = time.time()
    stale = [p for p in directory.glob(".*.tmp") if now - age(p) > _STALE_TEMPORARY]
    for path in files[KEEP:] + stale:
        try:
            path.unlink()
        except OSError:
            pass
