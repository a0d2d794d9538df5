"""Every command that codes in its own process sets the collector as the runner's workers do.

The model and lexicons are loaded once through `runner.warm_up(freeze=True)`, which freezes what was
loaded and raises the thresholds (`runner.GC_THRESHOLDS`): without it a command codes several times slower
in collections (docs/scale.md). Each command runs in a fresh interpreter that reports the collector's
settings before and after it.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from detente.runner import GC_THRESHOLDS

REPORT = ("import gc, sys\nfrom detente.cli import main\nbefore = gc.get_threshold()\nrc = main(sys.argv[1:])\n"
          "print(json.dumps({'rc': rc, 'before': before, 'after': gc.get_threshold(), "
          "'frozen': gc.get_freeze_count()}))\n")
TEXT = ("GENEVA, 3 May 2024 - The government of France met Italy to discuss trade on 3 May, officials said. "
        "\"We will not accept this,\" the foreign minister of Italy said.")


def _run(*args) -> dict:
    proc = subprocess.run([sys.executable, "-c", "import json\n" + REPORT, *map(str, args)], capture_output=True,
                          text=True, timeout=600)
    assert "Traceback" not in proc.stderr, proc.stderr
    return json.loads(proc.stdout.splitlines()[-1])


@pytest.fixture
def inputs(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "text": TEXT, "quotes": []}) + "\n", encoding="utf-8")
    return {"doc": doc, "gold": gold, "store": tmp_path / "s.duckdb"}


@pytest.mark.parametrize("command", [
    ["code", "{doc}", "--no-store"],
    ["ingest", "{doc}", "--workers", "1", "--quiet", "--store", "{store}"],
    ["evaluate", "{gold}"],
], ids=lambda c: c[0])
def test_a_command_that_codes_sets_the_collector(command, inputs):
    got = _run(*(arg.format(**inputs) for arg in command))
    assert got["rc"] == 0
    assert tuple(got["before"]) != GC_THRESHOLDS  # Python's own, so the command is what changed them
    assert tuple(got["after"]) == GC_THRESHOLDS
    assert got["frozen"] > 100_000  # the model, lexicons and gazetteer are out of the collector's sight


def test_code_with_only_bad_input_fails_without_loading_the_model(inputs, tmp_path):
    got = _run("code", tmp_path / "missing.txt", "--no-store")
    assert got["rc"] == 1
    assert got["after"] == got["before"] and got["frozen"] == 0
