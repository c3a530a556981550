"""What the API surfaces share: settings, the rules in force (swapped atomically on reload), the engine."""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import checks  # noqa: F401  (registers the Python checks)
from .checks import readability
from .engine import CheckRequest, CheckResult, run
from .rules.ruleset import BUILTIN_RULES, RuleSet, load_rules

log = logging.getLogger("tact")


@dataclass(frozen=True)
class Settings:
    rules_dir: Path = BUILTIN_RULES
    max_body_bytes: int = 256 * 1024

    @classmethod
    def from_env(cls, env=os.environ) -> "Settings":
        return cls(
            rules_dir=Path(env.get("TACT_RULES_DIR") or BUILTIN_RULES),
            max_body_bytes=int(env.get("TACT_MAX_BODY_BYTES") or 256 * 1024),
        )


@dataclass
class Service:
    settings: Settings
    ruleset: RuleSet = field(init=False)

    def __post_init__(self):
        self.ruleset = RuleSet.of(load_rules([self.settings.rules_dir]))
        readability.reading_grade("Warm up the syllable dictionary.")  # loads once, not on a request
        log.info("loaded %d rules from %s", len(self.ruleset.rules), self.settings.rules_dir)

    def ruleset_for(self, authorization: str | None) -> RuleSet:
        return self.ruleset

    def check(self, request: CheckRequest, ruleset: RuleSet) -> CheckResult:
        return run(request, ruleset)

    def health(self) -> dict:
        return {"status": "ok", "rules": len(self.ruleset.rules), "grammar": {"status": "off"}}
