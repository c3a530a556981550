"""Runs the browser tests of the try-it pages (node --test tests/web/) in real Chromium.

Skipped when Chromium or the npm packages are missing, unless TACT_REQUIRE_BROWSER=1 (CI), where a
missing browser is a failure.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("TACT_CHROMIUM", "/usr/bin/chromium")


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    if not shutil.which("node"):
        return "no node on PATH"
    if not (REPO / "node_modules" / "playwright-core").is_dir():
        return "node_modules/playwright-core is missing (npm ci)"
    return None


def test_playground_and_rule_workbench_in_chromium():
    missing = _missing()
    if missing:
        if os.environ.get("TACT_REQUIRE_BROWSER") == "1":
            pytest.fail(f"TACT_REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(missing)
    env = {**os.environ, "TACT_BIN": str(Path(sys.executable).parent / "tact")}
    command = ["node", "--test", "--test-reporter=spec", "--test-concurrency=1", "tests/web/"]
    run = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, f"browser tests failed:\n{run.stdout[-20000:]}\n{run.stderr[-5000:]}"
