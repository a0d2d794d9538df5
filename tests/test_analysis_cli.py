"""The analysis commands: detente events, dyad (with a chart), partners, export, stats."""
from __future__ import annotations

import json

import pytest

from detente.cli import main
from support.cli import run  # the store_path fixture (the seeded store) is in conftest.py


def test_events_filters_jsonl(capsys, store_path):
    rc, out, _ = run(capsys, "events", "--store", store_path, "--dyad", "PAK", "IND", "--format", "jsonl")
    rows = [json.loads(x) for x in out.splitlines()]
    assert rc == 0 and sorted(r["cameo"] for r in rows) == ["0871", "190"]
    rc, out, _ = run(capsys, "events", "--store", store_path, "--actor", "USA", "--negated", "only", "--format", "jsonl")
    assert [json.loads(x)["local_id"] for x in out.splitlines()] == ["e8"]
    rc, out, _ = run(capsys, "events", "--store", store_path, "--cameo", "18", "--place", "Kabul", "--since",
                     "2021-01-01", "--until", "2021-12-31", "--format", "csv")
    lines = out.splitlines()
    assert lines[0].startswith("event_id,") and len(lines) == 2 and "bombing" in lines[1]


def test_events_table(capsys, store_path):
    rc, out, _ = run(capsys, "events", "--store", store_path, "--plover", "RETREAT", "--format", "table")
    assert rc == 0 and "0871" in out and "seed:e5" in out


def test_dyad_table_and_plot(capsys, store_path, tmp_path):
    png, svg = tmp_path / "d.png", tmp_path / "d.svg"
    rc, out, err = run(capsys, "dyad", "PAK", "IND", "--store", store_path, "--format", "table", "--plot", str(png))
    assert rc == 0 and "2025-05" in out and "PAK->IND 190" in out
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
    rc, out, err = run(capsys, "dyad", "USA", "PAK", "--store", store_path, "--format", "jsonl", "--by", "quarter",
                       "--plot", str(svg))
    rows = [json.loads(x) for x in out.splitlines()]
    assert rc == 0 and sum(r["n_events"] for r in rows) == 4 and "cooperative" in err
    assert "<svg" in svg.read_text(encoding="utf-8")[:500]


def test_partners_stats_export(capsys, store_path, tmp_path):
    rc, out, _ = run(capsys, "partners", "USA", "--store", store_path, "--format", "jsonl", "--rank", "conflict")
    assert rc == 0 and json.loads(out.splitlines()[0])["partner"] in {"PAK", "IMG", "IMGISK"}
    rc, out, _ = run(capsys, "stats", "--store", store_path, "--format", "json")
    stats = json.loads(out)
    assert (stats["articles"], stats["events"]) == (1, 8)
    out_file = tmp_path / "g.tsv"
    rc, _, err = run(capsys, "export", "--store", store_path, "--format", "gdelt", "--out", str(out_file))
    assert rc == 0 and "7 rows" in err and len(out_file.read_text().splitlines()) == 7


def test_missing_store_is_one_line(capsys, tmp_path):
    with pytest.raises(SystemExit) as e:
        main(["dyad", "USA", "PAK", "--store", str(tmp_path / "none.duckdb")])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "no such store" in err and "Traceback" not in err


def test_bad_date_is_refused(capsys, store_path):
    with pytest.raises(SystemExit):
        main(["events", "--store", store_path, "--since", "last week"])
    assert "not a date" in capsys.readouterr().err
