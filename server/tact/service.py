"""What the API surfaces share: settings, the rules in force (swapped atomically on reload), the engine."""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import checks  # noqa: F401  (registers the Python checks)
from .checks import readability
from .engine import CheckRequest, CheckResult, run
from .grammar import LanguageToolUpstream, UpstreamOptions, UpstreamReport, drop_duplicates
from .request import InputError
from .rules.ruleset import BUILTIN_RULES, RuleSet
from .teams import LiveTeams

log = logging.getLogger("tact")


@dataclass(frozen=True)
class Settings:
    rules_dir: Path = BUILTIN_RULES
    max_body_bytes: int = 256 * 1024
    config: Path | None = None  # TACT_CONFIG: teams, their keys and rule packs; None: one team, no key
    reload_interval: float = 2.0  # seconds between checks for changed rules or config; 0: reload on SIGHUP only
    languagetool_url: str | None = None  # a LanguageTool server for grammar and spelling; None: grammar off
    languagetool_timeout: float = 1.5  # seconds Tact waits for it at most
    languagetool_retry_after: float = 5.0  # seconds a failed LanguageTool is left alone

    @classmethod
    def from_env(cls, env=os.environ) -> "Settings":
        return cls(
            rules_dir=Path(env.get("TACT_RULES_DIR") or BUILTIN_RULES),
            max_body_bytes=int(env.get("TACT_MAX_BODY_BYTES") or 256 * 1024),
            config=Path(env["TACT_CONFIG"]) if env.get("TACT_CONFIG") else None,
            reload_interval=float(env.get("TACT_RELOAD_INTERVAL") or 2.0),
            languagetool_url=(env.get("TACT_LANGUAGETOOL_URL") or "").strip() or None,
            languagetool_timeout=float(env.get("TACT_LANGUAGETOOL_TIMEOUT") or 1.5),
            languagetool_retry_after=float(env.get("TACT_LANGUAGETOOL_RETRY_AFTER") or 5.0),
        )


@dataclass
class Service:
    settings: Settings
    teams: LiveTeams = field(init=False)
    grammar: LanguageToolUpstream | None = field(init=False, default=None)

    def __post_init__(self):
        if self.settings.languagetool_url:
            self.grammar = LanguageToolUpstream(self.settings.languagetool_url, self.settings.languagetool_timeout,
                                                self.settings.languagetool_retry_after)
        self.teams = LiveTeams(self.settings.rules_dir, self.settings.config, self.settings.reload_interval)
        readability.reading_grade("Warm up the syllable dictionary.")  # loads once, not on a request
        log.info("loaded %d rules from %s%s", len(self.ruleset.rules), self.settings.rules_dir,
                 f"; teams from {self.settings.config}" if self.settings.config else "")

    @property
    def ruleset(self) -> RuleSet:
        """The built-in library as shipped (the CLI's rules)."""
        return self.teams.current.builtin

    def ruleset_for(self, authorization: str | None) -> RuleSet:
        """The rules in force for the caller's team; a 401 InputError for a missing or wrong key."""
        team = self.teams.get().team_for(authorization)
        if team is None:
            raise InputError(401, "unauthorized", "send a team API key: Authorization: Bearer KEY")
        return team.ruleset

    def check(self, request: CheckRequest, ruleset: RuleSet, upstream: UpstreamOptions | None = UpstreamOptions(),
              report: UpstreamReport | None = None) -> CheckResult:
        """`upstream`: what to ask the LanguageTool server (None: do not ask it); `report` receives what it said."""
        wants_grammar = request.categories is None or "grammar" in request.categories
        if self.grammar is None or upstream is None or not wants_grammar:
            return run(request, ruleset)
        result = run(request, ruleset, extra=[self.grammar.source(upstream, report)])
        result.issues = drop_duplicates(result.issues)
        return result

    def health(self) -> dict:
        return {"status": "ok", "rules": len(self.ruleset.rules), "grammar": self.grammar_health()}

    def grammar_health(self) -> dict:
        if self.grammar is None:
            return {"status": "off", "reason": "TACT_LANGUAGETOOL_URL is not set"}
        return self.grammar.health()
