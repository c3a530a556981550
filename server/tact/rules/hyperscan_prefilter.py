"""The prefilter as Hyperscan databases compiled ahead of time and cached on disk.

RE2 sets build their DFA states lazily, so mail they have not seen keeps costing state construction
(2.7 ms per unseen 1,500-character Enron email at 227 rules). Hyperscan builds its automata when it
compiles: unseen text costs what seen text does. Compiling is slow (~15-20 s for the library), so
the databases are compiled outside request time (`tact serve` start, `tact rules compile`) and cached
(`prefilter_cache`); a rule set whose databases are not compiled yet uses its RE2 sets instead.

The members (each pattern rule's widened prefilter pattern, each check trigger) are spread over a
few databases by a hash of the rule id, so editing or adding a rule recompiles one database, not all.
Each database only has to name a superset of the rules whose own regex matches:
- end anchors (`$`, `\\z`) are dropped (Hyperscan refuses them inside a pattern; without them a
  pattern matches more, never less), and HS_FLAG_PREFILTER lets Hyperscan widen what it must;
- a pattern that is one long alternation compiles as one expression per branch, all reporting the
  rule (accusatory.diligence: 2.3 s as one expression, 0.35 s as 36);
- the text is the Latin-1 bytes the RE2 sets read, and a case-insensitive pattern holding a Latin-1
  letter beyond ASCII stays with RE2 (Hyperscan folds ASCII letters only, RE2 folds é and É).
A pattern Hyperscan refuses stays with the RE2 sets too.
"""
from __future__ import annotations

import functools
import importlib.metadata
import logging
import platform
import re
import threading
import time
import zlib
from dataclasses import dataclass
from typing import Callable

from . import prefilter_cache

try:
    import hyperscan
except ImportError:  # an optional speed-up: without it the RE2 sets do all the work
    hyperscan = None

log = logging.getLogger("tact")

# Databases per rule set: more of them make a rule edit recompile less, and every scan walk more.
GROUPS = 4
# Seconds between looks for a database another process (`tact rules compile`) may have cached.
_LOOK_AGAIN = 5.0
_INLINE_FLAGS = re.compile(r"\(\?[a-zA-Z-]+\)")
_CASED_LATIN1 = re.compile(rb"[\xc0-\xd6\xd8-\xf6\xf8-\xfe]")


# A match the Vectorscan 5.4.12 engine in the later hyperscan wheels (0.7.30, 0.8.2, 0.9.1) misses on x86 (it
# dropped apology.groveling on a rule example with odd characters put in; upstream's false negatives
# are fixed in 5.4.13, which no wheel carries yet): an engine that misses it is not used.
_KNOWN_MISS = (rb"\bI\s+(?:\w+ly,?\s+)*feel\s+(?:so,?\s+)*awful", b"ab!t the venue, I feel awfulive me.")


def available() -> bool:
    """Hyperscan is installed and its engine finds what a known false negative hides."""
    return hyperscan is not None and _engine_ok()


@functools.lru_cache(maxsize=1)
def _engine_ok() -> bool:
    pattern, text = _KNOWN_MISS
    database = _compile([(pattern,)])
    found: list = []
    if database is not None:
        database.scan(text, match_event_handler=lambda *match: found.append(match))
    if not found:
        log.warning("the installed hyperscan (%s) misses known matches: the prefilter uses RE2 sets only "
                    "(pyproject.toml pins a sound version)", importlib.metadata.version("hyperscan"))
    return bool(found)


def _flags() -> int:
    return hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY | hyperscan.HS_FLAG_PREFILTER


# An RE2 pattern's tokens as far as splitting and anchors go: an escape, a whole class
# (`[^]a-z[:alpha:]\]]`), a run of characters with no such role, or one character.
_TOKEN = re.compile(r"\\.|\[\^?\]?(?:\[:\^?\w+:\]|\\.|[^\]])*\]|[^\\\[()|$?*+{]+|.", re.S)


def _tokens(source: str):
    """(token, depth) for each token of an RE2 pattern (see `_TOKEN`); depth counts open groups,
    a group's "(" and ")" included."""
    depth = 0
    for match in _TOKEN.finditer(source):
        token = match.group()
        depth += token == "("
        yield token, depth
        depth -= token == ")"


def _without_end_anchors(source: str) -> str:
    if "$" not in source and "\\z" not in source:
        return source
    return "".join(token for token, _ in _tokens(source) if token not in ("$", "\\z"))


def _split(tokens: list[tuple[str, int]], depth: int) -> list[str]:
    """The tokens (all at `depth` or deeper) joined and split at their `|` at `depth`."""
    parts, current = [], []
    for token, at in tokens:
        if token == "|" and at == depth:
            parts.append("".join(current))
            current = []
        else:
            current.append(token)
    return parts + ["".join(current)]


def _group_end(tokens: list[tuple[str, int]]) -> int | None:
    """Index of the ")" closing the group `tokens` open with, or None if they do not open with one."""
    if not tokens or tokens[0][0] != "(":
        return None
    return next((n for n, (token, depth) in enumerate(tokens) if token == ")" and depth == 1), None)


def _optional(tokens: list[tuple[str, int]]) -> bool:
    """Whether `tokens` are one group that may match nothing: `(…)?`, `(…)*`, or `((…)?)`."""
    close = _group_end(tokens)
    if close is None:
        return False
    rest = "".join(token for token, _ in tokens[close + 1:])
    if rest in ("?", "*", "??", "*?"):
        return True
    inner = [(token, depth - 1) for token, depth in tokens[1:close]]
    return not rest and bool(inner) and not inner[0][0].startswith("?") and _optional(inner)


def _without_leading_optional(tokens: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """`tokens` without a leading group that may match nothing (the sentence before a flagged phrase,
    `(?:[^.!?\\n"\\s][^.!?\\n"]*?)?`): a search for the rest matches wherever one for the whole does."""
    close = _group_end(tokens)
    if close is None:
        return tokens
    stop = close + 1
    while stop < len(tokens) and tokens[stop][1] == 0 and tokens[stop][0] in ("?", "*", "??", "*?"):
        stop += 1
    if stop < len(tokens) and _optional(tokens[:stop]):
        return _without_leading_optional(tokens[stop:])
    return tokens


def branches(source: str) -> list[str]:
    """Patterns that, searched for, together match wherever `source` does: without a leading optional
    group (`_without_leading_optional`), split into its top-level alternatives, or, for `(A|B|…)tail`
    or `(?:A|B|…)tail`, into `(?:A)tail`, `(?:B)tail`, …; `source` itself when an inline flag such
    as `(?i)` could reach across a split."""
    if _INLINE_FLAGS.search(source):
        return [source]
    tokens = _without_leading_optional(list(_tokens(source)))
    parts = _split(tokens, 0)
    close = _group_end(tokens)
    if len(parts) > 1 or close is None:
        return parts
    inner = _split(tokens[1:close], 1)
    if inner[0].startswith("?") and not inner[0].startswith("?:"):
        return parts  # a group with flags or a name
    inner[0] = inner[0][2:] if inner[0].startswith("?:") else inner[0]
    tail = "".join(token for token, _ in tokens[close + 1:])
    if len(inner) > 1 and not tail.startswith(("*", "+", "?", "{")):
        return ["(?:" + part + ")" + tail for part in inner]
    return parts


def expressions(source: str, caseless: bool, latin1: Callable[[str], bytes | None]) -> tuple[bytes, ...] | None:
    """The Hyperscan expressions for one prefilter member (see the module doc), as Latin-1 bytes;
    None when the member must stay with the RE2 sets."""
    out = []
    for branch in branches(_without_end_anchors(source)):
        encoded = latin1("(?i:" + branch + ")" if caseless else branch)
        if encoded is None or caseless and _CASED_LATIN1.search(encoded):
            return None
        out.append(encoded)
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _platform() -> str:
    """What a compiled database depends on besides its patterns: Hyperscan's version and the CPU."""
    try:
        flags = next((line for line in open("/proc/cpuinfo", encoding="ascii", errors="replace") if line.startswith("flags")), "")
    except OSError:
        flags = ""
    return f"{importlib.metadata.version('hyperscan')} {platform.machine()} {platform.system()} {zlib.crc32(flags.encode())}"


@dataclass(frozen=True)
class _Group:
    key: str
    members: tuple[int, ...]  # the prefilter's member ids, in order
    expressions: tuple[tuple[bytes, ...], ...]  # each member's expressions


@dataclass(frozen=True)
class _Compiled:
    database: object
    ids: tuple[int, ...]  # member id of each expression id
    covered: frozenset  # the member ids it answers for


class HyperscanPrefilter:
    """Members (id = position) in a few Hyperscan databases; `scan` names the members that may match.
    A database not compiled yet covers nothing: the caller runs those members through RE2."""

    def __init__(self, members: list[tuple[str, tuple[bytes, ...] | None]], groups: int = GROUPS, directory=None):
        """`members`: (rule id, its expressions or None for one Hyperscan does not take)."""
        self._directory = directory
        by_group: dict[int, list[int]] = {}
        for member, (rule_id, exprs) in enumerate(members):
            if exprs is not None:
                by_group.setdefault(zlib.crc32(rule_id.encode("utf-8")) % groups, []).append(member)
        where = _platform()
        self._groups = []
        for _, ids in sorted(by_group.items()):
            exprs = tuple(members[i][1] for i in ids)
            key = prefilter_cache.key_of("hyperscan", where, str(_flags()), *(b"\0".join(e) for e in exprs))
            self._groups.append(_Group(key, tuple(ids), exprs))
        # (each group's _Compiled or None, the member ids they cover): swapped as one, so a scan's
        # answer and the members it answers for always come from the same databases
        self._state: tuple = ((None,) * len(self._groups), frozenset())
        self._lock = threading.Lock()
        self._local = threading.local()
        self._next_look = 0.0
        self.load()

    @property
    def covered(self) -> frozenset:
        return self._state[1]

    def complete(self) -> bool:
        return all(c is not None for c in self._state[0])

    def _set(self, compiled: list) -> None:
        self._state = (tuple(compiled), frozenset().union(*(c.covered for c in compiled if c is not None)))

    def load(self) -> int:
        """Take every database the cache holds; how many were missing."""
        with self._lock:
            self._next_look = time.monotonic() + _LOOK_AGAIN
            compiled = list(self._state[0])
            for n, group in enumerate(self._groups):
                if compiled[n] is None:
                    compiled[n] = self._read(group)
            self._set(compiled)
            return sum(c is None for c in compiled)

    def compile(self) -> float:
        """Compile (and cache) every database the cache does not hold; the seconds spent compiling.
        Under the cache's compile lock: what another process compiled meanwhile is read, not rebuilt."""
        if not self.load():
            return 0.0
        spent = 0.0
        with prefilter_cache.exclusive(self._directory):
            self.load()
            for n, group in enumerate(self._groups):
                if self._state[0][n] is not None:
                    continue
                started = time.perf_counter()
                built = self._build(group)
                spent += time.perf_counter() - started
                with self._lock:
                    compiled = list(self._state[0])
                    compiled[n] = built
                    self._set(compiled)
        return spent

    def scan(self, data: bytes) -> tuple[set[int], frozenset]:
        """(member ids that may match `data`, Latin-1 bytes; the member ids the answer covers)."""
        if time.monotonic() > self._next_look and not self.complete():
            self.load()
        compiled, covered = self._state
        local = self._local
        if getattr(local, "compiled", None) is not compiled:  # a scratch per thread and database
            local.scratches = [hyperscan.Scratch(c.database) if c is not None else None for c in compiled]
            local.compiled = compiled
        found: set[int] = set()
        for c, scratch in zip(compiled, local.scratches):
            if c is not None:
                ids = c.ids
                c.database.scan(data, match_event_handler=lambda i, start, end, flags, context: found.add(ids[i]),
                                scratch=scratch)
        return found, covered

    def _read(self, group: _Group) -> _Compiled | None:
        stored = prefilter_cache.read(group.key, self._directory)
        if stored is None:
            return None
        extra, payload = stored
        try:
            database = hyperscan.loadb(payload, hyperscan.HS_MODE_BLOCK)
            taken = [int(i) for i in extra["taken"]]
            return self._assemble(database, group, taken)
        except (hyperscan.error, KeyError, TypeError, ValueError, IndexError):
            log.warning("prefilter cache: ignoring an unusable database %s", group.key)
            return None

    def _build(self, group: _Group) -> _Compiled | None:
        taken = list(range(len(group.members)))
        database = _compile([group.expressions[i] for i in taken])
        if database is None:  # some pattern is refused: find it alone, compile the others
            taken = [i for i in taken if _compile([group.expressions[i]]) is not None]
            database = _compile([group.expressions[i] for i in taken]) if taken else None
        if database is None:
            return None
        prefilter_cache.write(group.key, hyperscan.dumpb(database), {"taken": taken}, self._directory)
        return self._assemble(database, group, taken)

    @staticmethod
    def _assemble(database, group: _Group, taken: list[int]) -> _Compiled:
        ids = tuple(group.members[i] for i in taken for _ in group.expressions[i])
        return _Compiled(database, ids, frozenset(group.members[i] for i in taken))


def _compile(member_expressions: list[tuple[bytes, ...]]):
    """One block-mode database of the members' expressions (expression id = position); None if refused."""
    exprs = [e for member in member_expressions for e in member]
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    try:
        database.compile(expressions=exprs, ids=list(range(len(exprs))), elements=len(exprs), flags=[_flags()] * len(exprs))
    except hyperscan.error:
        return None
    return database
