"""Exports: JSON Lines, CSV, Parquet and the GDELT 2.0 event table."""
from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

from detente.export import GDELT_COLUMNS, export
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

