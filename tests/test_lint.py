"""Static checks, run with the rest of the tests (`bash scripts/test`, hence CI) so that they cannot drift.

Each test runs one tool over the configuration in pyproject.toml, from the repository root, and fails
with the tool's own report: what it says is what to fix. A new check is one more test that runs its
tool and hands the exit status and output to `passes`.
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def passes(tool: str, status: int, output: str) -> None:
    """Fail, showing the tool's output, unless it exited 0."""
    if status != 0:
        pytest.fail(f"{tool} exited {status}:\n{output.strip()}", pytrace=False)


def test_types(monkeypatch: pytest.MonkeyPatch) -> None:
    """mypy, strict on model.py, settings.py, dates.py, geodesy.py and store/ ([tool.mypy] in pyproject.toml)."""
    from mypy import api

    monkeypatch.chdir(ROOT)  # the configuration's paths (files, mypy_path, cache_dir) are relative to it
    stdout, stderr, status = api.run(["--config-file", str(ROOT / "pyproject.toml")])
    passes("mypy", status, stdout + stderr)



def test_lint() -> None:
    """ruff: pyflakes, pycodestyle and bugbear over the code, tests, benchmarks and scripts ([tool.ruff])."""
    import subprocess

    from ruff.__main__ import find_ruff_bin  # the ruff of this environment, not one on PATH

    proc = subprocess.run([find_ruff_bin(), "check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)
    passes("ruff", proc.returncode, proc.stdout + proc.stderr)
