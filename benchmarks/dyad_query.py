"""Dyad timeline and event filter on a 1,000,000-event store, against full-scan baselines in the same run.

    .venv/bin/python benchmarks/dyad_query.py [--events N] [--rounds N]

Synthetic events are generated inside DuckDB straight into the store's own tables (the query path is
what is measured; storing through Store.add is timed separately on a few hundred articles, with the
dedup lookups running against the full store, and compared with storing them into an empty store: the
ratio should stay <= 2, insert cost independent of the store's size; the median of --rounds rounds,
alternating between the two stores, in wall and in CPU time). The baseline is what one does without
the store's queries: read the whole events table into pandas and filter/group there.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests"))

import pandas as pd  # noqa: E402

from detente import ontology  # noqa: E402
from detente.store import cluster  # noqa: E402
from detente.store import Store  # noqa: E402

COUNTRIES = ["USA", "PAK", "IND", "CHN", "RUS", "UKR", "AFG", "IRN", "ISR", "LBN", "SYR", "TUR", "GBR", "FRA", "DEU",
             "JPN", "KOR", "PRK", "SAU", "EGY", "NGA", "ETH", "SDN", "BRA", "MEX", "VEN", "COL", "IDN", "PHL", "BGD"]
SECTORS = ["GOV", "MIL", "GOV", "", "SPY", "COP", "REB", "OPP"]
CODES = ["010", "020", "030", "036", "040", "042", "043", "045", "046", "051", "057", "061", "064", "070", "0871",
         "090", "100", "111", "112", "120", "130", "138", "141", "160", "172", "173", "180", "183", "190", "193",
         "194", "195", "200"]


def timed(fn, repeat: int = 5) -> tuple[float, object]:
    fn()  # warm-up: file pages and query plans in memory, as on a running server
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def generate(store: Store, n: int) -> None:
    con = store.con
    codes = pd.DataFrame([(i, c, *ontology.cameo(c), *(ontology.plover(c) or (None, None))) for i, c in enumerate(CODES)],
                         columns=["k", "cameo", "cameo_name", "goldstein", "quad_class", "plover", "plover_mode"])
    con.register("_codes", codes)
    n_art = max(n // 10, 1)
    nc, ns, nk = len(COUNTRIES), len(SECTORS), len(CODES)
    con.execute("BEGIN")
    con.execute(f"""
        INSERT INTO articles (id, source, title, published, outlet, n_events, text, record)
        SELECT 'art' || i, 'synthetic', 'synthetic article ' || i, DATE '2015-01-01' + (i * 3652 // {n_art})::INTEGER,
               'outlet' || (i % 200), 10, '', '{{}}' FROM range({n_art}) t(i)""")
    # Skewed pairs: the first countries act far more often, as in real news.
    con.execute(f"""
        INSERT INTO events (event_id, article_id, local_id, source_text, source_code, source_country, source_sector,
            target_text, target_code, target_country, target_sector, cameo, cameo_root, cameo_name, goldstein,
            quad_class, plover, plover_mode, date, date_precision, date_source, date_start, date_end, negated,
            modality, evidence, n_mentions, dyad_key, cluster_id, published, outlet)
        WITH g AS (
            SELECT i, (i // 10) AS a,
                   {COUNTRIES!r}[1 + (floor(pow(random(), 2.2) * {nc}))::INTEGER] AS sc,
                   {COUNTRIES!r}[1 + (floor(pow(random(), 2.2) * {nc}))::INTEGER] AS tc,
                   {SECTORS!r}[1 + (floor(random() * {ns}))::INTEGER] AS ss,
                   (floor(random() * {nk}))::INTEGER AS k,
                   DATE '2015-01-01' + (floor(random() * 3652))::INTEGER AS d,
                   random() < 0.05 AS neg
            FROM range({n}) t(i))
        SELECT 'art' || a || ':e' || (i % 10), 'art' || a, 'e' || (i % 10), sc, sc || ss, sc, nullif(ss, ''),
               tc, tc, tc, NULL, c.cameo, left(c.cameo, 2), c.cameo_name, c.goldstein, c.quad_class, c.plover,
               c.plover_mode, strftime(d, '%Y-%m-%d'), 'day', 'text', d, d, neg, 'asserted', 'synthetic evidence', 1,
               least(sc, tc) || '|' || greatest(sc, tc), 'art' || a || ':e' || (i % 10),
               DATE '2015-01-01' + (a * 3652 // {n_art})::INTEGER, 'outlet' || (a % 200)
        FROM g JOIN _codes c ON c.k = g.k""")
    con.execute("COMMIT")
    con.unregister("_codes")
    con.execute("CHECKPOINT")


def pandas_dyad(store: Store, a: str, b: str) -> pd.DataFrame:
    df = store.sql("SELECT * FROM events")
    m = ~df["negated"] & df["date_start"].notna() & (
        ((df["source_country"] == a) & (df["target_country"] == b)) |
        ((df["source_country"] == b) & (df["target_country"] == a)))
    d = df[m]
    return d.groupby(d["date_start"].dt.to_period("M")).agg(n_events=("event_id", "size"),
                                                             goldstein_sum=("goldstein", "sum"))


def pandas_filter(store: Store) -> pd.DataFrame:
    df = store.sql("SELECT * FROM events")
    m = (~df["negated"] & ((df["source_country"] == "PAK") | (df["target_country"] == "PAK"))
         & df["cameo"].str.startswith("19") & (df["date_end"] >= "2020-01-01") & (df["date_start"] <= "2020-12-31"))
    return df[m]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--rounds", type=int, default=3, help="rounds of the insert timing, alternating stores")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "bench.duckdb")
        with Store(path) as store:
            t = time.perf_counter()
            generate(store, args.events)
            print(f"generated {store.stats()['events']:,} events in {time.perf_counter() - t:.1f}s "
                  f"({os.path.getsize(path) / 2**20:.0f} MiB)")
            t = time.perf_counter()
            cluster.ensure_index(store.con)  # the events went in behind Store.add's back: file them for dedup
            print(f"dedup index built over them in {time.perf_counter() - t:.1f}s (once, for a store without it)")

        with Store(path) as store:
            q, df = timed(lambda: store.dyad("USA", "PAK", by="month"))
            base, bdf = timed(lambda: pandas_dyad(store, "USA", "PAK"), repeat=2)
            assert int(df["n_events"].sum()) == int(bdf["n_events"].sum()), "the store and the baseline disagree"
            print(f"dyad USA-PAK monthly ({len(df)} months, {int(df['n_events'].sum()):,} events, trend "
                  f"{df.attrs['trend']}): {q * 1000:.1f} ms   full-scan pandas baseline {base * 1000:.0f} ms   "
                  f"ratio {base / q:.1f}x   target < 500 ms: {'met' if q < 0.5 else 'MISSED'}")
            q2, _ = timed(lambda: store.dyad("USA", "PAK", by="month", dedup=True))
            print(f"dyad USA-PAK monthly, dedup: {q2 * 1000:.1f} ms")

            f, fdf = timed(lambda: store.events(actor="PAK", cameo="19", start="2020-01-01", end="2020-12-31"))
            fb, fbdf = timed(lambda: pandas_filter(store), repeat=2)
            assert len(fdf) == len(fbdf), "the store and the baseline disagree"
            print(f"events filter (PAK, CAMEO 19*, 2020: {len(fdf):,} rows): {f * 1000:.1f} ms   "
                  f"full-scan pandas baseline {fb * 1000:.0f} ms   ratio {fb / f:.1f}x")

            from test_store_cluster import CORPUS, build

            arts = [build(f"x{i}-" + it[0], *it[1:]) for i in range(10) for it in CORPUS]
            with Store(os.path.join(d, "empty.duckdb")) as empty:
                # rounds alternate between the two stores, so that a burst of other work on a shared
                # machine falls on both; the medians are compared, in wall and in CPU time
                rounds = [(store_rates(store, arts, f"full{k}"), store_rates(empty, arts, f"empty{k}"))
                          for k in range(args.rounds)]
        for how in ("add", "add_many"):
            full, cold = ({clock: statistics.median(r[i][f"{how}_{clock}"] for r in rounds) for clock in ("wall", "cpu")}
                          for i in (0, 1))
            ratio = {clock: cold[clock] / full[clock] for clock in full}
            print(f"Store.{how} of {len(arts)} articles (dedup included), median of {args.rounds}: "
                  f"{full['wall']:.0f} articles/s ({full['cpu']:.0f} per CPU s) into the {args.events:,}-event store, "
                  f"{cold['wall']:.0f} ({cold['cpu']:.0f}) into an empty one: {ratio['wall']:.2f}x slower in wall "
                  f"time, {ratio['cpu']:.2f}x in CPU time (bar <= 2: "
                  f"{'met' if max(ratio.values()) <= 2 else 'MISSED'})")
    return 0


def store_rates(store: Store, arts: list, tag: str) -> dict:
    """Articles/s (wall and CPU) through Store.add (one transaction each) and through add_many in batches
    of 16 (the ingest's way), each over fresh ids; the first few articles warm the connection up first."""
    warm = [replace(a, id=f"{tag}-warm-{a.id}") for a in arts[:5]]
    for a in warm:
        store.add(a)
    out = {}
    one = [replace(a, id=f"{tag}-one-{a.id}") for a in arts]
    many = [replace(a, id=f"{tag}-many-{a.id}") for a in arts]
    for how, write in (("add", lambda: [store.add(a) for a in one]),
                       ("add_many", lambda: [store.add_many(many[k:k + 16]) for k in range(0, len(many), 16)])):
        t, c = time.perf_counter(), time.process_time()
        write()
        out[f"{how}_wall"] = len(arts) / (time.perf_counter() - t)
        out[f"{how}_cpu"] = len(arts) / (time.process_time() - c)
    return out


if __name__ == "__main__":
    raise SystemExit(main())
