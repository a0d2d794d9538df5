"""The DuckDB store: round trip, idempotence, atomic writes, schema versions, event filters."""
from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from detente.model import Article
from detente.store import STORE_SCHEMA_VERSION, Store, StoreError, date_range
from support.coded_articles import article, event, seed_like


@pytest.fixture()
def seeded(store):
    store.add(seed_like())
    return store


def test_round_trip_gives_back_the_record(store):
    art = seed_like()
    assert store.add(art) is True
    back = store.get("seed")
    assert isinstance(back, Article)
    assert back == art
    assert back.events[2].place.name == "Kabul"
    assert store.get("nope") is None


def test_record_dict_is_the_dataclass_dict():
    import dataclasses

    art = seed_like()
    art.warnings = ("a tuple stays a tuple",)
    d = art.to_dict()
    assert d == dataclasses.asdict(art)
    assert isinstance(d["warnings"], tuple)
    d["actors"][0]["mentions"].clear()  # a copy: changing it leaves the record alone
    assert art.actors[0].mentions


def test_reingest_is_a_noop(store):
    assert store.add(seed_like())
    before = store.stats()
    assert store.add(seed_like()) is False
    assert store.stats()["events"] == before["events"] == 8
    assert store.stats()["articles"] == 1


def test_tables_are_flattened(seeded):
    assert seeded.has("seed") and not seeded.has("other")
    actors = seeded.actors(article="seed")
    assert actors.loc[0, "name"] == "Marco Rubio" and actors.loc[0, "n_mentions"] == 1
    q = seeded.quotes(speaker="Rubio")
    assert len(q) == 1 and q.loc[0, "speaker_country"] == "USA"
    assert list(seeded.places()["role"]) == ["dateline", "mentioned"]
    row = seeded.events(article="seed", cameo="183").iloc[0]
    text = seed_like().text
    assert text[row.trigger_start:row.trigger_end] == row.trigger_text == "bombing"
    assert row.source_country is None and row.source_code == "IMGISK"
    assert (row.date_precision, str(row.date_start)[:10], str(row.date_end)[:10]) == ("year", "2021-01-01", "2021-12-31")
    assert row.goldstein == pytest.approx(-10.0) and row.quad_class == 4  # filled from the CAMEO table
    assert row.place_feature == "city" and row.lat == pytest.approx(34.53)
    arts = seeded.articles(q="Strategic Ties")
    assert arts[0]["id"] == "seed" and arts[0]["n_events"] == 8 and arts[0]["published"] == "2025-10-27"
    assert seeded.articles(q="no such words") == []


def test_half_written_article_never_reaches_the_store(store, monkeypatch):
    from detente.store import facade

    def boom(con, rows, pending=(), stored=None):
        raise RuntimeError("disk full")

    monkeypatch.setattr(facade, "assign_clusters", boom)
    with pytest.raises(StoreError, match="seed"):
        store.add(seed_like())
    monkeypatch.undo()
    real = Store._insert

    def late_boom(self, table, values):
        if table == "event_mentions":  # the last table: every other row of the article is written by now
            raise RuntimeError("disk full")
        real(self, table, values)

    monkeypatch.setattr(Store, "_insert", late_boom)
    with pytest.raises(StoreError, match="seed"):
        store.add(seed_like())
    monkeypatch.undo()
    assert not store.has("seed")
    for table in ("articles", "actors", "mentions", "events", "quotes", "places", "event_mentions"):
        assert store.sql(f"SELECT count(*) AS n FROM {table}")["n"][0] == 0, table
    assert store.add(seed_like()) is True
    assert store.stats()["events"] == 8


def test_reopen_and_read_only(tmp_path):
    path = str(tmp_path / "r.duckdb")
    with Store(path) as s:
        s.add(seed_like())
    with Store(path, read_only=True) as s:
        assert s.has("seed") and len(s.events()) == 7
        with pytest.raises(StoreError, match="read-only"):
            s.add(article("x", "text"))
    with pytest.raises(StoreError, match="no such store"):
        Store(str(tmp_path / "missing.duckdb"), read_only=True)


def test_default_path_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_STORE", str(tmp_path / "env.duckdb"))
    with Store() as s:
        assert s.path == str(tmp_path / "env.duckdb")
    assert (tmp_path / "env.duckdb").exists()


def test_newer_schema_is_one_clear_error(tmp_path):
    path = str(tmp_path / "new.duckdb")
    Store(path).close()
    con = duckdb.connect(path)
    con.execute("INSERT INTO schema_version (version) VALUES (?)", [STORE_SCHEMA_VERSION + 1])
    con.close()
    with pytest.raises(StoreError, match="newer detente"):
        Store(path)


def test_foreign_database_is_refused(tmp_path):
    path = str(tmp_path / "other.duckdb")
    con = duckdb.connect(path)
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a detente store"):
        Store(path)


def test_event_filters(seeded):
    ids = lambda df: sorted(df["local_id"])  # noqa: E731
    assert ids(seeded.events(actor="IMG")) == ["e3"]
    assert ids(seeded.events(actor="USAGOV")) == ["e1", "e4", "e7"]  # e8 is negated: hidden by default
    assert ids(seeded.events(actor="USAGOV", negated=None)) == ["e1", "e4", "e7", "e8"]
    assert ids(seeded.events(negated=True)) == ["e8"]
    assert ids(seeded.events(dyad=("PAK", "USA"))) == ["e1", "e2", "e4", "e7"]
    assert ids(seeded.events(dyad=("PAK", "USA"), directed=True)) == ["e2", "e7"]
    assert ids(seeded.events(dyad=("PAKSPY", "USA"))) == ["e2"]
    assert ids(seeded.events(cameo="08")) == ["e5"]
    assert ids(seeded.events(cameo=["19", "18"])) == ["e3", "e6"]
    assert ids(seeded.events(plover="retreat")) == ["e5"]
    assert ids(seeded.events(start="2025-05-15", end="2025-05-20")) == ["e4", "e5", "e6"]  # month-precise May
    assert ids(seeded.events(end="2022-01-01")) == ["e3"]
    assert ids(seeded.events(place="Kabul")) == ids(seeded.events(place="AFG")) == ["e3"]
    assert ids(seeded.events(modality="hypothetical")) == []
    assert len(seeded.events(limit=2)) == 2 and ids(seeded.events(limit=2, offset=6)) == ["e7"]


def test_date_range():
    assert date_range("2025-02") == (date_range("2025-02-01")[0], date_range("2025-02-28")[0], "month")
    assert date_range("2024-12")[1].isoformat() == "2024-12-31"
    assert date_range("2025-13") == (None, None, None)
    assert date_range("soon") == (None, None, None) and date_range(None) == (None, None, None)


def test_odd_records_are_stored(store):
    t = "Somebody did something."
    art = article("odd", t, published="not a date", events=[event(t, "e1", ("Somebody", None), None, "", "did")])
    art.events[0].cameo = None
    assert store.add(art)
    row = store.events(negated=None).iloc[0]
    assert row.cameo is None and row.dyad_key is None and pd.isna(row.published)
    assert store.get("odd").published == "not a date"  # the record comes back as coded


def test_article_without_id_is_refused(store):
    with pytest.raises(StoreError, match="without an id"):
        store.add(article("", "Some text."))
    assert store.stats()["articles"] == 0


def _bad_place(aid: str) -> Article:
    art = seed_like()
    art.id = aid
    art.places[1].lat = "north"  # a hand-made record the store cannot take
    return art


def test_a_batch_is_all_or_nothing(store):
    good, bad = seed_like(), _bad_place("bad")
    with pytest.raises(StoreError, match="2 articles"):
        store.add_batch([good, bad])
    assert store.stats()["articles"] == 0 and store.stats()["events"] == 0
    assert store.add_batch([good, good]) == [True, False]  # a repeat within the batch is a repeat
    assert store.stats()["events"] == 8


def test_a_refused_record_costs_only_itself(store):
    first, second = seed_like(), seed_like()
    first.id, second.id = "first", "second"
    refused = []
    flags = store.add_many([first, _bad_place("bad"), second], on_error=lambda a, e: refused.append((a.id, str(e))))
    assert flags == [True, None, True]
    assert [r[0] for r in refused] == ["bad"] and "article bad: not stored" in refused[0][1]
    assert store.has("first") and store.has("second") and not store.has("bad")
    assert store.integrity_errors() == []
    with pytest.raises(StoreError, match="article bad"):
        store.add_many([_bad_place("bad")])


def test_a_week_dated_event_spans_its_week(tmp_path):
    import detente
    from detente.store import Store
    art = detente.code_text("Germany criticised Poland last week.", published="2024-03-14")
    ev = [e for e in art.events if e.date_precision == "week"]
    assert ev, [(e.date, e.date_precision) for e in art.events]
    with Store(str(tmp_path / "w.duckdb")) as store:
        store.add(art)
        row = store.events(article=art.id).iloc[0]
    assert row.date_precision == "week" and str(row.date_start)[:10] == "2024-03-04" and str(row.date_end)[:10] == "2024-03-10"


def test_the_default_view_hides_what_the_text_only_entertains(tmp_path):
    import detente
    from detente.store import Store
    art = detente.code_text("If Iran attacks Israel, the United States will respond. Iran condemned Israel on Monday.",
                            published="2024-03-14")
    hypo = [e for e in art.events if e.modality == "hypothetical" and not e.negated]
    assert hypo  # coded and kept, with its modality
    with Store(str(tmp_path / "h.duckdb")) as store:
        store.add(art)
        shown = store.events(article=art.id)
        every = store.events(article=art.id, modality="hypothetical")
    assert "hypothetical" not in set(shown["modality"]) and len(shown) >= 1
    assert len(every) == len(hypo)
