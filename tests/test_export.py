"""Exports: JSON Lines, CSV, Parquet and the GDELT 2.0 event table; the table of formats (WRITERS)."""
from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

from detente.cli import main
from detente.export import GDELT_COLUMNS, WRITERS, Selection, Writer, export
from detente.model import Article
from detente.store import Store
from support.coded_articles import article, event, seed_like


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("exp") / "e.duckdb")
    with Store(path) as s:
        s.add(seed_like())
        t = "Militants\tattacked a checkpoint in Quetta on Tuesday.\nMore later."
        places = []
        s.add(article("q1", t, published="2025-03-12", url="https://www.dawn.com/news/1", places=places, events=[
            event(t, "e1", ("Militants", "IMGTTP", None, "IMG"), ("checkpoint", "PAKCOP"), "183", "attacked",
                  date="2025-03-11", place_name="Quetta", places=places)]))
        t2 = "A bomber attacked a checkpoint in Quetta, police said."
        p2 = []
        s.add(article("q2", t2, published="2025-03-13", site="geo.tv", places=p2, events=[
            event(t2, "e1", ("bomber", "IMGTTP", None, "IMG"), ("checkpoint", "PAKCOP"), "180", "attacked",
                  date="2025-03-11", place_name="Quetta", places=p2)]))
        yield s


def _gdelt(path):
    with open(path, encoding="utf-8") as f:
        return [dict(zip(GDELT_COLUMNS, line.rstrip("\n").split("\t"))) for line in f]


def test_gdelt_columns_and_conventions(store, tmp_path):
    assert len(GDELT_COLUMNS) == 61 and GDELT_COLUMNS[26] == "EventCode" and GDELT_COLUMNS[-1] == "SOURCEURL"
    out = tmp_path / "g.tsv"
    n = export(store, str(out), "gdelt")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == 9  # 7 seed events shown (the negated one is not) + 2
    assert all(len(line.split("\t")) == 61 for line in lines)
    rows = {r["EventCode"]: r for r in _gdelt(out)}
    q = rows["183"] if rows["183"]["SQLDATE"] == "20250311" else None
    assert q is not None
    assert (q["MonthYear"], q["Year"], q["EventBaseCode"], q["EventRootCode"], q["QuadClass"]) == \
        ("202503", "2025", "183", "18", "4")
    assert q["Actor1Code"] == "IMGTTP" and q["Actor1CountryCode"] == "" and q["Actor1KnownGroupCode"] == "TTP"
    assert q["Actor2CountryCode"] == "PAK" and q["Actor2Type1Code"] == "COP"
    assert q["ActionGeo_Type"] == "4" and q["ActionGeo_CountryCode"] == "PK"  # FIPS, as GDELT
    assert q["ActionGeo_FullName"] == "Quetta, Pakistan" and float(q["ActionGeo_Lat"]) == pytest.approx(30.18)
    assert q["SOURCEURL"] == "https://www.dawn.com/news/1" and len(q["DATEADDED"]) == 14
    assert q["IsRootEvent"] == "1" and q["NumArticles"] == "1"
    assert float(q["FractionDate"]) == pytest.approx(2025 + 70 / 365, abs=1e-4)
    kabul = [r for r in _gdelt(out) if r["ActionGeo_FullName"].startswith("Kabul")][0]
    assert kabul["SQLDATE"] == "20210101" and kabul["ActionGeo_CountryCode"] == "AF"  # year-precise: first day
    rubio = [r for r in _gdelt(out) if r["EventCode"] == "030"][0]
    assert rubio["Actor1Code"] == "USAGOV" and rubio["Actor1Name"] == "WASHINGTON"


def test_gdelt_dedup_counts_reports(store, tmp_path):
    out = tmp_path / "d.tsv"
    export(store, str(out), "gdelt", dedup=True, actor="IMG", cameo="18")
    rows = _gdelt(out)
    assert len(rows) == 2  # Kabul 2021 and one Quetta cluster of two reports
    quetta = [r for r in rows if r["SQLDATE"] == "20250311"][0]
    assert (quetta["NumArticles"], quetta["NumSources"]) == ("2", "2")


def test_tables_as_csv_parquet_jsonl(store, tmp_path):
    n = export(store, str(tmp_path / "e.csv"), "csv")
    with open(tmp_path / "e.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert n == len(rows) == 9 and rows[0]["event_id"] and "evidence" in rows[0]
    assert any("\t" in r["evidence"] for r in rows)  # CSV keeps the text as it was
    assert export(store, str(tmp_path / "e.parquet"), "parquet", negated=None) == 10
    pq = pd.read_parquet(tmp_path / "e.parquet")
    assert len(pq) == 10 and pq["negated"].sum() == 1
    export(store, str(tmp_path / "e.jsonl"), "jsonl", dyad=("PAK", "IND"))
    recs = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["cameo"] for r in recs} == {"0871", "190"} and recs[0]["date_start"].startswith("2025-05")
    assert export(store, str(tmp_path / "c.csv"), "csv", table="clusters") == 9 - 1
    assert export(store, str(tmp_path / "p.parquet"), "parquet", table="places") == 4


def test_articles_jsonl_are_full_records(store, tmp_path):
    n = export(store, str(tmp_path / "a.jsonl"), "jsonl", table="articles")
    recs = [Article.from_dict(json.loads(x)) for x in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    assert n == 3 and [r.id for r in recs] == ["q1", "q2", "seed"]
    assert recs[2] == seed_like()


def test_bad_requests(store, tmp_path):
    with pytest.raises(ValueError):
        export(store, str(tmp_path / "x"), "xml")
    with pytest.raises(ValueError):
        export(store, str(tmp_path / "x"), "gdelt", table="quotes")



# --- the table of formats ---------------------------------------------------------------------------

def _read_back(path, fmt: str) -> pd.DataFrame:
    """A written file read back; a format added to WRITERS needs its line here (the test below fails
    until it has one)."""
    return {
        "jsonl": lambda: pd.DataFrame([json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]),
        "csv": lambda: pd.read_csv(path, dtype=str, keep_default_na=False),
        "parquet": lambda: pd.read_parquet(path),
        "gdelt": lambda: pd.read_csv(path, sep="\t", header=None, names=GDELT_COLUMNS, dtype=str, quoting=3,
                                     keep_default_na=False),
    }[fmt]()


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_every_writer_round_trips(store, tmp_path, fmt):
    writer = WRITERS[fmt]
    for table in writer.tables:
        out = tmp_path / f"{table}{writer.suffix}"
        n = export(store, str(out), fmt, table=table)
        back = _read_back(out, fmt)
        assert n == len(back) > 0, (fmt, table)
        with store.hold() as con:
            sql, params = Selection(table).sql()
            stored = con.execute(sql, params).df()
        if fmt == "gdelt":  # events with a date, their CAMEO codes as written
            dated = stored[stored["date_start"].notna() | stored["published"].notna()]
            assert sorted(back["EventCode"]) == sorted(dated["cameo"]) and back.shape[1] == 61
            continue
        if (fmt, table) != ("jsonl", "articles"):  # which writes the full coded records
            assert list(back.columns) == list(stored.columns), (fmt, table)
        key = stored.columns[0]  # event_id, id, article_id: each table's first column names its rows
        assert [str(v) for v in back[key]] == [str(v) for v in stored[key]], (fmt, table)


def _toy_write(con, selection: Selection, out: str) -> int:
    sql, params = selection.sql()
    ids = [r[0] for r in con.execute(sql, params).fetchall()]
    with open(out, "w", encoding="utf-8") as f:
        f.writelines(f"{i}\n" for i in ids)
    return len(ids)


def test_a_registered_writer_is_a_format_end_to_end(store, tmp_path, monkeypatch, capsys):
    """One line in WRITERS: export() writes it and the CLI offers it, nothing else to touch."""
    monkeypatch.setitem(WRITERS, "toy", Writer("toy", ".txt", "the rows' ids, one a line", _toy_write,
                                               tables=("events", "articles")))
    assert export(store, str(tmp_path / "a.txt"), "toy", table="articles") == 3
    assert (tmp_path / "a.txt").read_text(encoding="utf-8").split() == ["q1", "q2", "seed"]
    with pytest.raises(ValueError):
        export(store, str(tmp_path / "x.txt"), "toy", table="places")
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    assert "toy (.txt): the rows' ids, one a line" in capsys.readouterr().out
    out = tmp_path / "sub" / "e.txt"
    assert main(["export", "--store", store.path, "--format", "toy", "--out", str(out), "--dyad", "PAK", "IND"]) == 0
    assert "2 rows written" in capsys.readouterr().err and len(out.read_text().split()) == 2
