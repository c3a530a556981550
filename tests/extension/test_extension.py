"""Runs the extension's tests from pytest, so `make test` includes them.

- The pure modules' unit tests (node only).
- The browser suite: Debian's Chromium with the unpacked extension against a real `tact serve`.
  Skipped when Chromium, node or the npm packages are missing, unless TACT_REQUIRE_BROWSER=1 (CI),
  where that is a failure.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("TACT_CHROMIUM", "/usr/bin/chromium")


def _skip_or_fail(reason: str):
    if os.environ.get("TACT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"TACT_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


def _node(*files: str, timeout: int) -> subprocess.CompletedProcess:
    env = {**os.environ, "TACT_BIN": str(Path(sys.executable).parent / "tact")}
    return subprocess.run(["node", "--test", "--test-reporter=spec", *files], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_extension_pure_modules():
    if not shutil.which("node"):
        _skip_or_fail("no node on PATH")
    run = _node(str(HERE / "offsets.test.mjs"), timeout=120)
    assert run.returncode == 0, f"unit tests failed:\n{run.stdout[-20000:]}\n{run.stderr[-5000:]}"


def test_extension_in_chromium():
    if not Path(CHROMIUM).exists():
        _skip_or_fail(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    if not shutil.which("node"):
        _skip_or_fail("no node on PATH")
    for package in ("playwright-core", "tinymce", "quill"):
        if not (REPO / "node_modules" / package).is_dir():
            _skip_or_fail(f"node_modules/{package} is missing (npm ci)")
    run = _node(str(HERE / "extension.test.mjs"), timeout=600)
    assert run.returncode == 0, f"browser tests failed:\n{run.stdout[-20000:]}\n{run.stderr[-5000:]}"
