"""Teams: who may call (API key hashes) and which rules each team runs, from the `TACT_CONFIG` TOML.

Every team's rules are compiled into its own immutable RuleSet when the configuration is
loaded. A reload builds a complete new `Teams` and replaces the one reference requests
read, so a request sees either the old rules or the new ones, never half a pack; a
reload that fails leaves the previous rules in force.
"""
from __future__ import annotations

import dataclasses
import hashlib
import hmac
import logging
import os
import re
import threading
import time
import tomllib
import weakref
from dataclasses import dataclass
from pathlib import Path

from .model import CATEGORIES, SEVERITIES
from .rules.examples import run_examples
from .rules.loader import PackError, RuleProblem
from .rules.rule import Rule
from .rules.ruleset import RuleSet, load_rules

log = logging.getLogger("tact")

TEAM_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
SHA256_HEX = re.compile(r"^[0-9a-fA-F]{64}$")
TEAM_KEYS = {"api_key_sha256", "rule_packs", "disable", "severity"}


class ConfigError(PackError):
    """A configuration (or one of its packs) that cannot be loaded; `problems` says where and why."""


@dataclass(frozen=True)
class Team:
    name: str
    key_sha256: bytes | None  # None: the default team, which needs no key
    ruleset: RuleSet


@dataclass(frozen=True)
class Teams:
    builtin: RuleSet  # the built-in library as shipped (what `tact check` runs)
    teams: tuple[Team, ...]
    keyed: bool  # teams are configured: every request must carry a team's key
    watched: tuple[Path, ...]  # files and directories whose change means a reload

    def team_for(self, authorization: str | None) -> Team | None:
        """The caller's team, or None for a missing or wrong key (only possible when `keyed`)."""
        if not self.keyed:
            return self.teams[0]
        key = bearer_key(authorization)
        digest = hashlib.sha256((key or "").encode("utf-8", "surrogatepass")).digest()
        found = None
        for team in self.teams:  # compare with every team: the time taken does not say which key was close
            if hmac.compare_digest(digest, team.key_sha256) and key:
                found = team
        return found


def bearer_key(authorization: str | None) -> str | None:
    scheme, _, key = (authorization or "").strip().partition(" ")
    return key.strip() or None if scheme.lower() == "bearer" else None


def key_hash(key: str) -> str:
    """What goes in `api_key_sha256` for `key`."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def load_teams(rules_dir: Path, config: Path | None) -> Teams:
    """Load the built-in library and, with a config, every team's packs; PackError/ConfigError lists every problem."""
    builtin_rules = load_rules([rules_dir])
    builtin = RuleSet.of(builtin_rules)
    if config is None:
        return Teams(builtin, (Team("default", None, builtin),), keyed=False, watched=(Path(rules_dir),))
    problems: list[RuleProblem] = []
    where = str(config)
    try:
        raw = tomllib.loads(Path(config).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([RuleProblem(where, 0, "", f"cannot read the configuration: {exc}")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([RuleProblem(where, 0, "", f"TOML syntax error: {exc}")]) from None
    for key in sorted(set(raw) - {"teams"}):
        problems.append(RuleProblem(where, 0, "", f"unknown top-level key {key!r} (allowed: [teams.NAME] tables)"))
    tables = raw.get("teams")
    if not isinstance(tables, dict) or not tables:
        problems.append(RuleProblem(where, 0, "", "define at least one team: [teams.NAME] with api_key_sha256"))
        tables = {}
    teams, packs, keys = [], [], {}
    for name, table in tables.items():
        team_packs = _team_packs(name, table, config, problems)
        packs.extend(team_packs)
        team = _build_team(name, table, team_packs, builtin, where, problems)
        if team is None:
            continue
        if team.key_sha256 in keys:
            problems.append(RuleProblem(where, 0, "", f"[teams.{name}] has the same api_key_sha256 as [teams.{keys[team.key_sha256]}]"))
        keys[team.key_sha256] = name
        teams.append(team)
    if problems:
        raise ConfigError(problems)
    return Teams(builtin, tuple(teams), keyed=True, watched=(Path(config), Path(rules_dir), *dict.fromkeys(packs)))


def _team_packs(name: str, table, config: Path, problems: list) -> list[Path]:
    packs = table.get("rule_packs", []) if isinstance(table, dict) else []
    if not isinstance(packs, list) or not all(isinstance(p, str) and p for p in packs):
        problems.append(RuleProblem(str(config), 0, "", f"[teams.{name}] rule_packs must be a list of paths"))
        return []
    return [(Path(config).parent / p).resolve() for p in packs]  # relative to the config file


def _build_team(name: str, table, packs: list[Path], builtin: RuleSet, where: str, problems: list) -> Team | None:
    before = len(problems)

    def problem(message: str):
        problems.append(RuleProblem(where, 0, "", f"[teams.{name}] {message}"))

    if not TEAM_NAME.match(name):
        problem("team names use letters, digits, '_' and '-'")
    if not isinstance(table, dict):
        problem("must be a table")
        return None
    for key in sorted(set(table) - TEAM_KEYS):
        problem(f"unknown key {key!r} (allowed: {', '.join(sorted(TEAM_KEYS))})")
    key_hex = table.get("api_key_sha256")
    if not isinstance(key_hex, str) or not SHA256_HEX.match(key_hex):
        problem("api_key_sha256 must be the 64 hex digits of the key's SHA-256 (printf %s KEY | sha256sum)")
    pack_rules = _pack_rules(packs, builtin.rules, problems)
    if len(problems) > before:
        return None  # names in `disable` and `severity` cannot be checked against a pack that did not load
    rules = [*builtin.rules, *pack_rules]
    categories = set(CATEGORIES) | {r.category for r in rules}
    ids = {r.id for r in rules}
    disable = table.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(d, str) for d in disable):
        problem("disable must be a list of categories or rule ids")
        disable = []
    for entry in disable:
        if entry not in ids and entry not in categories:
            problem(f"disable: {entry!r} is neither a category nor a rule id this team has")
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        problem("severity must be a table of rule id or category = \"error\" | \"warning\" | \"suggestion\"")
        severity = {}
    for target, level in severity.items():
        if target not in ids and target not in categories:
            problem(f"severity: {target!r} is neither a category nor a rule id this team has")
        if level not in SEVERITIES:
            problem(f"severity: {target!r} = {level!r}; use one of {', '.join(SEVERITIES)}")
    if len(problems) > before:
        return None
    off = set(disable)
    in_force = [
        dataclasses.replace(r, severity=severity.get(r.id, severity.get(r.category, r.severity)))
        for r in rules if r.id not in off and r.category not in off
    ]
    # A team that changes nothing shares the built-in RuleSet (one prefilter to compile and keep in memory).
    return Team(name, bytes.fromhex(key_hex), builtin if tuple(in_force) == builtin.rules else RuleSet.of(in_force))


def _pack_rules(packs: list[Path], builtin_rules, problems: list) -> list[Rule]:
    """A team's own rules: valid, not reusing a built-in id, and passing their own examples."""
    try:
        rules = load_rules(packs)
    except PackError as exc:
        problems.extend(exc.problems)
        return []
    builtin = {r.id: r for r in builtin_rules}
    for rule in rules:
        if rule.id in builtin:
            first = builtin[rule.id]
            problems.append(RuleProblem(rule.file, rule.line, rule.id, f"duplicate rule id (the built-in rule at {first.file}:{first.line})", "id"))
    _, failures = run_examples(rules)
    for failure in failures:
        problems.append(RuleProblem(failure.rule.file, failure.rule.line, failure.rule.id,
                                    f"{failure.kind} example {failure.example.text!r} {failure.reason}", "examples"))
    return rules


def fingerprint(paths) -> tuple:
    """Size and modification time of every watched file (YAML files for a directory); changes when any does."""
    entries = []
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")) if path.is_dir() else [path]
        for file in files:
            try:
                stat = file.stat()
                entries.append((str(file), stat.st_mtime_ns, stat.st_size))
            except OSError:
                entries.append((str(file), None, None))
    return tuple(entries)


class LiveTeams:
    """The Teams in force. `current` is the one reference requests read; a successful reload replaces it.

    Reloads happen on `reload()` and when a watched file changes: a thread in each process polls
    every `interval` seconds. That includes the gunicorn master, so workers it forks (at start, or
    anew after `kill -HUP`) inherit the last good rules; each worker then checks for changes
    itself before its first request.
    """

    def __init__(self, rules_dir: Path, config: Path | None, interval: float):
        self._args = (Path(rules_dir), Path(config) if config else None)
        self.current = load_teams(*self._args)
        self._fingerprint = fingerprint(self.current.watched)
        self._interval = interval
        self._reload_lock = threading.Lock()
        self._watch_lock = threading.Lock()
        self._watching_pid = None
        _INSTANCES.add(self)
        self._start_watching()

    def get(self) -> Teams:
        if self._watching_pid != os.getpid():
            self._start_watching()  # a forked worker: its parent's watcher thread did not come along
        return self.current

    def reload(self) -> bool:
        """Build every team's rules afresh and swap them in; on failure log why and keep the old ones."""
        with self._reload_lock:
            seen = fingerprint(self.current.watched)
            try:
                teams = load_teams(*self._args)
            except PackError as exc:
                self._fingerprint = seen  # do not retry (and re-log) until something changes again
                log.error("rules not reloaded; the previous rules stay in force:\n%s", exc)
                return False
            self.current = teams
            self._fingerprint = fingerprint(teams.watched)
        log.info("rules reloaded: %s", ", ".join(f"{t.name} {len(t.ruleset.rules)}" for t in teams.teams))
        return True

    def reload_if_changed(self) -> bool:
        return fingerprint(self.current.watched) != self._fingerprint and self.reload()

    def _start_watching(self) -> None:
        with self._watch_lock:
            if self._watching_pid == os.getpid():
                return
            self._watching_pid = os.getpid()
            self.reload_if_changed()
            if self._interval > 0:
                threading.Thread(target=_watch, args=(weakref.ref(self), os.getpid(), self._interval),
                                 name="tact-rules-watch", daemon=True).start()


def _watch(ref, pid: int, interval: float) -> None:
    """Poll for changed rules until the LiveTeams is gone (or this is a forked copy of the process)."""
    while True:
        time.sleep(interval)
        live = ref()
        if live is None or live._watching_pid != pid or os.getpid() != pid:
            return
        try:
            live.reload_if_changed()
        except Exception:  # the watcher must outlive any surprise; requests keep the rules in force
            log.exception("rule watcher: reload check failed")
        del live


_INSTANCES: "weakref.WeakSet[LiveTeams]" = weakref.WeakSet()


def _fresh_locks_after_fork() -> None:
    # A fork may happen while the parent's watcher holds a lock; the child would wait on it forever.
    for live in list(_INSTANCES):
        live._reload_lock = threading.Lock()
        live._watch_lock = threading.Lock()


os.register_at_fork(after_in_child=_fresh_locks_after_fork)
