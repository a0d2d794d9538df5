"""The CLI's conventions: date forms, names for codes, empty results that say why, `--out -`, rounded
numbers and plain dates, tables that fit the terminal, codes/actors lookup, shell completion."""
from __future__ import annotations

import csv
import io
import json

import pytest

from detente.cli import main
from support.cli import run


def jsonl(out: str) -> list[dict]:
    return [json.loads(x) for x in out.splitlines() if x.strip()]


@pytest.mark.parametrize("since", ["2025", "2025-05", "2025-05-01"])
def test_date_forms(capsys, store_path, since):
    rc, out, err = run(capsys, "events", "--store", store_path, "--dyad", "PAK", "IND", "--since", since,
                       "--format", "jsonl")
    rows = jsonl(out)
    assert rc == 0 and rows and all(r["date_end"] >= "2025-01-01" for r in rows), err


def test_date_forms_narrow_the_window(capsys, store_path):
    _, year, _ = run(capsys, "events", "--store", store_path, "--since", "2021", "--until", "2021", "--format", "jsonl")
    _, month, _ = run(capsys, "events", "--store", store_path, "--since", "2025-05", "--until", "2025-05",
                      "--format", "jsonl")
    assert {r["date"][:4] for r in jsonl(year)} == {"2021"}
    assert jsonl(month) and all(r["date_start"] <= "2025-05-31" and r["date_end"] >= "2025-05-01" for r in jsonl(month))


@pytest.mark.parametrize("option,value", [("--since", "2025-13"), ("--until", "May 2025"), ("--since", "25-01")])
def test_bad_date_names_the_option(capsys, store_path, option, value):
    with pytest.raises(SystemExit) as e:
        main(["events", "--store", store_path, option, value])
    err = capsys.readouterr().err
    assert e.value.code == 2 and err.startswith(f"detente: {option} {value!r} is not a date")
    assert "Traceback" not in err and "--published" not in err


def test_published_must_be_a_day(capsys, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("Pakistan met India in Kabul.")
    with pytest.raises(SystemExit) as e:
        main(["code", str(page), "--no-store", "--published", "2025-01"])
    assert e.value.code == 2 and "--published '2025-01' is not a date (YYYY-MM-DD)" in capsys.readouterr().err


def test_names_resolve_to_codes(capsys, store_path):
    _, by_code, _ = run(capsys, "events", "--store", store_path, "--dyad", "PAK", "IND", "--format", "jsonl")
    _, by_name, _ = run(capsys, "events", "--store", store_path, "--dyad", "Pakistan", "india", "--format", "jsonl")
    assert jsonl(by_code) and jsonl(by_name) == jsonl(by_code)
    rc, out, _ = run(capsys, "dyad", "Pakistan", "India", "--store", store_path, "--format", "jsonl")
    assert rc == 0 and sum(r["n_events"] for r in jsonl(out)) >= 1


def test_ambiguous_and_unknown_names(capsys, store_path):
    from detente.lookup import UnknownTerm, resolve_actor

    with pytest.raises(SystemExit):
        main(["events", "--store", store_path, "--actor", "Foobarlandia Republic"])
    assert "--actor 'Foobarlandia Republic' is no known actor name or code" in capsys.readouterr().err
    from detente.actors.lexicon import Entry, Lexicon

    lex = Lexicon([Entry("Georgia", "country", "Georgia", "GEO", None, "GEO", "country"),
                   Entry("Georgia", "country", "Georgia (US state)", "USA", None, "USA", "country")], {"GEO": "Georgia"})
    with pytest.raises(UnknownTerm, match=r"--dyad 'Georgia' is ambiguous: GEO \(Georgia\); USA"):
        resolve_actor("Georgia", "dyad", lexicon=lex)


@pytest.mark.parametrize("argv,why", [
    (["--actor", "Turkey"], "no stored event has actor TUR; nearest:"),
    (["--since", "2025-06", "--until", "2025-01"], "--since 2025-06 is after --until 2025-01: the range is empty"),
    (["--since", "2030"], "no event dated in that window (stored events run"),
    (["--dyad", "PAK", "IND", "--cameo", "18"], "each filter matches events alone"),
    (["--dyad", "USA", "IND"], "both actors are stored, but never with each other"),
])
def test_empty_result_says_why(capsys, store_path, argv, why):
    rc, out, err = run(capsys, "events", "--store", store_path, *argv, "--format", "jsonl")
    assert rc == 0 and out == "" and err.count("\n") == 1 and why in err, err


@pytest.mark.parametrize("argv,why", [(["--cameo", "ZZ"], "--cameo 'ZZ' is no CAMEO code; nearest:"),
                                      (["--plover", "FIGHT"], "--plover 'FIGHT' is no PLOVER type; types: AGREE")])
def test_unknown_code_is_refused_with_suggestions(capsys, store_path, argv, why):
    with pytest.raises(SystemExit) as e:
        main(["events", "--store", store_path, *argv])
    assert e.value.code == 2 and why in capsys.readouterr().err


def test_dyad_without_events_says_why(capsys, store_path):
    rc, _, err = run(capsys, "dyad", "Turkey", "Syria", "--store", store_path, "--format", "jsonl")
    assert rc == 0 and "no stored event has actor TUR" in err


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "gdelt"])
def test_export_to_stdout(capsys, store_path, tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    rc, out, err = run(capsys, "export", "--store", store_path, "--format", fmt, "--out", "-")
    assert rc == 0 and out and "rows written to stdout" in err
    assert not (tmp_path / "-").exists()
    n = int(err.split()[0])
    body = out.splitlines()
    assert len(body) == n + (fmt == "csv")


def test_plain_dates_and_rounded_goldstein(capsys, store_path):
    _, out, _ = run(capsys, "events", "--store", store_path, "--format", "jsonl")
    rows = jsonl(out)
    assert rows and all("T" not in (r["date_start"] or "") for r in rows)
    assert all(r["goldstein"] is None or round(r["goldstein"], 1) == r["goldstein"] for r in rows)
    _, out, _ = run(capsys, "events", "--store", store_path, "--format", "csv")
    recs = list(csv.DictReader(io.StringIO(out)))
    assert recs and all("T" not in r["date_start"] for r in recs)
    assert all(len(r["goldstein"].partition(".")[2]) <= 1 for r in recs if r["goldstein"])


def test_table_fits_the_terminal(capsys, store_path, monkeypatch):
    for width in (80, 120):
        monkeypatch.setenv("COLUMNS", str(width))
        rc, out, _ = run(capsys, "events", "--store", store_path, "--format", "table")
        assert rc == 0 and max(len(line) for line in out.splitlines()) <= width


def test_table_leaves_out_columns_it_cannot_fit(capsys, store_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    _, narrow, _ = run(capsys, "events", "--store", store_path, "--format", "table")
    monkeypatch.setenv("COLUMNS", "250")
    _, wide, _ = run(capsys, "events", "--store", store_path, "--format", "table")
    assert "left out for width:" in narrow and "event_id" in narrow.split("left out for width:")[1]
    assert "left out" not in wide and "event_id" in wide


def test_codes_and_actors_lookup(capsys):
    rc, out, _ = run(capsys, "codes", "ceasefire", "--format", "jsonl")
    codes = {r["code"]: r for r in jsonl(out)}
    assert rc == 0 and codes["0871"]["plover"] == "RETREAT" and codes["0871"]["goldstein"] == 9.0
    rc, out, _ = run(capsys, "codes", "05", "--scheme", "cameo", "--format", "jsonl")
    assert rc == 0 and all(r["code"].startswith("05") for r in jsonl(out)) and len(jsonl(out)) > 5
    rc, out, _ = run(capsys, "actors", "putin", "--format", "jsonl")
    first = jsonl(out)[0]
    assert rc == 0 and first["name"] == "Vladimir Putin" and first["country"] == "RUS" and first["code"].startswith("RUS")
    rc, _, err = run(capsys, "actors", "qqxxzzy", "--format", "jsonl")
    assert rc == 1 and "no actor name contains" in err


def test_shell_completion(capsys):
    rc, out, _ = run(capsys, "completion", "bash")
    assert rc == 0 and "complete" in out and "--dyad" in out and "codes" in out


def test_country_and_body_compose_a_code():
    from detente.lookup import resolve_actor, search_actors

    assert resolve_actor("Pakistan army") == "PAKMIL"
    assert resolve_actor("Indian police") == "INDCOP"
    hit = search_actors("defence ministry pakistan")[0]
    assert (hit.code, hit.country, hit.sector) == ("PAKGOV", "PAK", "GOV")
