"""Dedup of reports into real-world events, on a small hand-written multi-outlet corpus.

Run as a script to print the pairwise precision/recall of the clustering:
    .venv/bin/python tests/test_store_cluster.py
"""
from __future__ import annotations

import itertools
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from detente.store import Store  # noqa: E402
from support.coded_articles import article, event, place  # noqa: E402

# (article id, outlet, published, text, [(gold event, event kwargs)]). Gold labels name real-world events;
# "x-" labels are events told apart on purpose (similar but distinct, or negated).
CORPUS = [
    ("dawn1", "dawn.com", "2025-05-08",
     "Pakistani troops shelled Indian posts in Poonch on Wednesday, killing three soldiers, officials said.",
     [("poonch", dict(src=("Pakistani troops", "PAKMIL"), tgt=("Indian posts", "INDMIL"), cameo="190",
                      trigger="shelled", date="2025-05-07", place_name="Poonch"))]),
    ("hindu1", "thehindu.com", "2025-05-08",
     "India said Pakistan fired artillery at its positions along the Line of Control in Poonch district, "
     "and three Indian soldiers died.",
     [("poonch", dict(src=("Pakistan", "PAK"), tgt=("India", "IND"), cameo="194", trigger="fired artillery",
                      date="2025-05-07", place_name="Poonch"))]),
    ("reut1", "reuters.com", "2025-05-09",
     "Cross-border shelling by Pakistan in Poonch killed three Indian troops this week. Separately, Pakistani "
     "gunmen attacked an army camp in Kupwara, the Indian army said.",
     [("poonch", dict(src=("Pakistan", "PAK"), tgt=("Indian troops", "INDMIL"), cameo="19", trigger="shelling",
                      date="2025-05", place_name="Poonch")),
      ("kupwara", dict(src=("Pakistani gunmen", "PAK"), tgt=("army camp", "INDMIL"), cameo="190",
                       trigger="attacked", date="2025-05-07", place_name="Kupwara"))]),
    ("ht1", "hindustantimes.com", "2025-05-08",
     "Militants from Pakistan stormed an Indian army camp in Kupwara on Wednesday night; two attackers were shot.",
     [("kupwara", dict(src=("Militants from Pakistan", "PAK"), tgt=("Indian army camp", "INDMIL"), cameo="190",
                       trigger="stormed", date="2025-05-07", place_name="Kupwara"))]),
    ("geo1", "geo.tv", "2025-05-08",
     "Pakistan denied that its forces attacked India on Wednesday.",
     [("x-denied", dict(src=("its forces", "PAKMIL"), tgt=("India", "IND"), cameo="190", trigger="attacked",
                        date="2025-05-07", negated=True))]),
    ("dawn2", "dawn.com", "2025-05-11",
     "Pakistan and India agreed to a full ceasefire on Saturday after four days of fighting.",
     [("ceasefire", dict(src=("Pakistan", "PAK"), tgt=("India", "IND"), cameo="0871", trigger="ceasefire",
                         date="2025-05-10"))]),
    ("hindu2", "thehindu.com", "2025-05-10",
     "India and Pakistan have agreed to stop all firing and military action, the foreign secretary announced.",
     [("ceasefire", dict(src=("India", "IND"), tgt=("Pakistan", "PAK"), cameo="0871", trigger="stop all firing",
                         date="2025-05-10"))]),
    ("ap1", "apnews.com", "2025-05-11",
     "The truce between India and Pakistan, agreed on Saturday, held overnight along the border.",
     [("ceasefire", dict(src=("India", "IND"), tgt=("Pakistan", "PAK"), cameo="087", trigger="truce",
                         date="2025-05-10"))]),
    ("dawn3", "dawn.com", "2025-03-12",
     "A suicide bomber struck the railway station in Quetta on Tuesday, killing 20 people. Hours later, a "
     "separate blast hit a police checkpoint in Peshawar.",
     [("quetta", dict(src=("suicide bomber", "IMGTTP", None, "IMG"), tgt=("railway station", "PAK"),
                      cameo="183", trigger="struck", date="2025-03-11", place_name="Quetta")),
      ("peshawar", dict(src=("separate blast", "IMGTTP", None, "IMG"), tgt=("police checkpoint", "PAKCOP"),
                        cameo="183", trigger="hit", date="2025-03-11", place_name="Peshawar"))]),
    ("tribune1", "tribune.com.pk", "2025-03-12",
     "Twenty people were killed when a bomber blew himself up at Quetta railway station in Balochistan.",
     [("quetta", dict(src=("bomber", "IMGTTP", None, "IMG"), tgt=("Quetta railway station", "PAK"),
                      cameo="183", trigger="blew himself up", date="2025-03-11", place_name="Quetta"))]),
    ("bbc1", "bbc.co.uk", "2025-03-12",
     "A bomb attack on a railway station in Pakistan killed 20 people on Tuesday, police in Quetta said.",
     [("quetta", dict(src=("bomb attack", "IMGTTP", None, "IMG"), tgt=("railway station", "PAK"),
                      cameo="183", trigger="bomb attack", date="2025-03-11", place_name="Pakistan",
                      also=["Quetta"]))]),
    ("geo2", "geo.tv", "2025-03-12",
     "Militants attacked a police checkpoint in Peshawar with explosives late on Tuesday.",
     [("peshawar", dict(src=("Militants", "IMGTTP", None, "IMG"), tgt=("police checkpoint", "PAKCOP"),
                        cameo="18", trigger="attacked", date="2025-03-11", place_name="Peshawar"))]),
    ("state1", "state.gov", "2025-06-20",
     "The United States praised Pakistan for its counterterrorism cooperation in June.",
     [("praise-june", dict(src=("United States", "USA"), tgt=("Pakistan", "PAK"), cameo="051", trigger="praised",
                           date="2025-06"))]),
    ("dawn4", "dawn.com", "2025-06-21",
     "Washington commended Pakistan's counterterrorism cooperation, a State Department spokesperson said.",
     [("praise-june", dict(src=("Washington", "USAGOV"), tgt=("Pakistan", "PAK"), cameo="051",
                           trigger="commended", date="2025-06-20"))]),
    ("dawn5", "dawn.com", "2025-09-15",
     "Washington praised Pakistan again for its role in regional stability.",
     [("x-praise-sept", dict(src=("Washington", "USAGOV"), tgt=("Pakistan", "PAK"), cameo="051",
                             trigger="praised", date="2025-09-15"))]),
    ("toi1", "timesofindia.com", "2025-02-14",
     "Indian and American officials met in Washington to discuss trade on Thursday. The US also said it "
     "expects India to cut tariffs.",
     [("meet", dict(src=("Indian", "IND"), tgt=("American officials", "USAGOV"), cameo="040", trigger="met",
                    date="2025-02-13", place_name="Washington")),
      ("x-expects", dict(src=("The US", "USA"), tgt=("India", "IND"), cameo="010", trigger="expects",
                         date="2025-02-13"))]),
    ("wapo1", "washingtonpost.com", "2025-02-14",
     "US officials held talks with an Indian delegation in Washington on Thursday about trade.",
     [("meet", dict(src=("US officials", "USAGOV"), tgt=("Indian delegation", "IND"), cameo="040",
                    trigger="held talks", date="2025-02-13", place_name="Washington"))]),
    ("al1", "aljazeera.com", "2021-08-27",
     "Islamic State Khorasan claimed the suicide bombing at Kabul airport that killed 13 US service members.",
     [("kabul", dict(src=("Islamic State Khorasan", "IMGISK", None, "IMG"), tgt=("US service members", "USAMIL"),
                     cameo="183", trigger="suicide bombing", date="2021-08-26", place_name="Kabul"))]),
    ("seedish", "example.pk", "2025-10-27",
     "The operative was behind the 2021 bombing in Kabul that killed American troops.",
     [("kabul", dict(src=("operative", "IMGISK", None, "IMG"), tgt=("American troops", "USAMIL"), cameo="183",
                     trigger="bombing", date="2021", place_name="Kabul"))]),
    ("naharnet1", "naharnet.com", "2025-04-02",
     "Israeli warplanes struck a building in Tyre on Tuesday. Another Israeli strike hit a suburb of Beirut.",
     [("tyre", dict(src=("Israeli warplanes", "ISRMIL"), tgt=("building", "LBN"), cameo="195", trigger="struck",
                    date="2025-04-01", place_name="Tyre")),
      ("beirut", dict(src=("Israeli strike", "ISRMIL"), tgt=("suburb", "LBN"), cameo="195", trigger="hit",
                      date="2025-04-01", place_name="Beirut"))]),
    ("lorient1", "lorientlejour.com", "2025-04-02",
     "An Israeli drone strike on Tyre killed two people, Lebanese officials said.",
     [("tyre", dict(src=("Israeli drone", "ISRMIL"), tgt=("Lebanese officials", "LBN"), cameo="195",
                    trigger="drone strike", date="2025-04-01", place_name="Tyre"))]),
    ("kyiv1", "kyivindependent.com", "2025-02-03",
     "Russian missiles hit residential buildings in Kharkiv overnight, injuring nine.",
     [("kharkiv", dict(src=("Russian missiles", "RUSMIL"), tgt=("residential buildings", "UKR"), cameo="190",
                       trigger="hit", place_name="Kharkiv"))]),
    ("ukrinform1", "ukrinform.net", "2025-02-04",
     "Nine residents of Kharkiv were injured when Russian missiles struck apartment blocks.",
     [("kharkiv", dict(src=("Russian missiles", "RUSMIL"), tgt=("apartment blocks", "UKR"), cameo="190",
                       trigger="struck", place_name="Kharkiv"))]),
]


def build(aid, outlet, published, text, specs):
    places, events = [], []
    for i, (_, kw) in enumerate(specs):
        kw = dict(kw)
        src, tgt = kw.pop("src"), kw.pop("tgt")
        trig, cameo = kw.pop("trigger"), kw.pop("cameo")
        for name in kw.pop("also", []):  # other towns the place coder finds in the sentence
            places.append(place(text, name)[1])
        events.append(event(text, f"e{i + 1}", src, tgt, cameo, trig, places=places, **kw))
    return article(aid, text, published=published, site=outlet, events=events, places=places)


def gold_labels() -> dict[str, str]:
    return {f"{aid}:e{i + 1}": label for aid, _, _, _, specs in CORPUS for i, (label, _) in enumerate(specs)}


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, int, int, int]:
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(gold), 2):
        same_pred, same_gold = pred[a] == pred[b], gold[a] == gold[b]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1), tp, fp, fn


def cluster_corpus(path: str, order=None) -> dict[str, str]:
    items = CORPUS if order is None else [CORPUS[i] for i in order]
    with Store(path) as s:
        for item in items:
            assert s.add(build(*item))
        df = s.events(negated=None)
    return dict(zip(df["event_id"], df["cluster_id"]))


@pytest.fixture(scope="module")
def clustered(tmp_path_factory):
    return cluster_corpus(str(tmp_path_factory.mktemp("dedup") / "d.duckdb"))


def test_reports_of_one_event_merge_and_similar_events_stay_apart(clustered):
    gold = gold_labels()
    precision, recall, *_ = pairwise(clustered, gold)
    assert precision == 1.0
    assert recall >= 0.9
    c = clustered
    assert c["dawn1:e1"] == c["hindu1:e1"] == c["reut1:e1"]  # day and month precision, different wording
    assert c["reut1:e2"] == c["ht1:e1"] != c["dawn1:e1"]  # same day, same dyad, another town: apart
    assert c["geo1:e1"] == "geo1:e1"  # negated: never merged
    assert c["dawn2:e1"] == c["hindu2:e1"] == c["ap1:e1"]  # reported in either direction (symmetric act)
    assert c["dawn3:e1"] != c["dawn3:e2"]  # two bombings in one article stay two events
    assert c["bbc1:e1"] == c["dawn3:e1"]  # "in Pakistan ... police in Quetta said": the Quetta bombing
    assert c["dawn5:e1"] != c["state1:e1"]  # the same act three months later is another event
    assert c["toi1:e2"] != c["toi1:e1"]
    assert c["al1:e1"] == c["seedish:e1"]  # "2021" is compatible with 2021-08-26
    assert c["naharnet1:e1"] == c["lorient1:e1"] != c["naharnet1:e2"]
    assert c["kyiv1:e1"] == c["ukrinform1:e1"]  # undated: the reports' dates stand in


def test_cluster_counts(tmp_path):
    cluster_corpus(str(tmp_path / "c.duckdb"))
    with Store(str(tmp_path / "c.duckdb"), read_only=True) as s:
        cl = s.clusters(dyad=("PAK", "IND"), cameo="08")
        assert len(cl) == 1
        row = cl.iloc[0]
        assert (row.num_articles, row.num_sources, row.num_mentions) == (3, 3, 3)
        assert str(row.first_seen)[:10] == "2025-05-10" and str(row.last_seen)[:10] == "2025-05-11"
        assert row.event_id == "hindu2:e1"  # the earliest report stands for the cluster
        assert len(s.events(dyad=("PAK", "IND"), cameo="08")) == 3  # raw reports stay queryable
        assert s.dyad("PAK", "IND", dedup=True)["n_events"].sum() == 3  # poonch, kupwara, ceasefire
        assert s.dyad("PAK", "IND")["n_events"].sum() == 8  # reports, negated left out


def test_batched_writes_cluster_as_one_by_one(tmp_path, clustered):
    # a batch is written in one transaction, its events inserted together: dedup must still see the
    # events of the articles ahead of it in the batch
    for size in (len(CORPUS), 5):
        with Store(str(tmp_path / f"b{size}.duckdb")) as s:
            for i in range(0, len(CORPUS), size):
                assert all(s.add_batch([build(*item) for item in CORPUS[i:i + size]]))
            df = s.events(negated=None)
        assert dict(zip(df["event_id"], df["cluster_id"])) == clustered


def test_same_outlet_counts_once(tmp_path):
    with Store(str(tmp_path / "o.duckdb")) as s:
        s.add(build(*CORPUS[0]))
        again = list(CORPUS[1])
        again[0], again[1] = "dawn-followup", "dawn.com"
        s.add(build(*again))
        row = s.clusters().iloc[0]
        assert (row.num_articles, row.num_sources) == (2, 1)


def test_incremental_and_deterministic(tmp_path):
    first = cluster_corpus(str(tmp_path / "a.duckdb"))
    again = cluster_corpus(str(tmp_path / "b.duckdb"))
    assert first == again
    # Another arrival order gives other cluster ids but the same partition here.
    shuffled = cluster_corpus(str(tmp_path / "c.duckdb"), order=list(reversed(range(len(CORPUS)))))
    assert pairwise(shuffled, gold_labels())[:2] == pairwise(first, gold_labels())[:2]
    # Adding an article leaves every stored assignment as it was.
    with Store(str(tmp_path / "a.duckdb")) as s:
        before = dict(zip(*s.events(negated=None)[["event_id", "cluster_id"]].T.values))
        t = "Pakistan shelled Poonch again on Wednesday, Indian officials said."
        s.add(article("late", t, published="2025-05-12", site="ndtv.com", places=[], events=[
            event(t, "e1", ("Pakistan", "PAK"), ("Indian officials", "IND"), "190", "shelled", date="2025-05-07")]))
        after = dict(zip(*s.events(negated=None)[["event_id", "cluster_id"]].T.values))
    assert {k: after[k] for k in before} == before
    assert after["late:e1"] == before["dawn1:e1"]


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        pred = cluster_corpus(os.path.join(d, "d.duckdb"))
    gold = gold_labels()
    p, r, tp, fp, fn = pairwise(pred, gold)
    print(f"{len(CORPUS)} articles, {len(gold)} events, {len(set(gold.values()))} real-world events, "
          f"{len(set(pred.values()))} clusters")
    print(f"pairwise precision {p:.3f}  recall {r:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    for eid in sorted(gold, key=lambda e: (gold[e], e)):
        print(f"  {gold[eid]:14s} {eid:18s} -> {pred[eid]}")


def test_a_store_from_before_the_block_index_gets_it_and_clusters_alike(tmp_path, clustered):
    """A store written before dedup's block index existed (here: the index dropped) is filed again on
    its next write, and what is added afterwards clusters as in a store that always had the index."""
    half = len(CORPUS) // 2
    path = str(tmp_path / "old.duckdb")
    with Store(path) as s:
        for item in CORPUS[:half]:
            s.add(build(*item))
        filed = s.sql("SELECT count(*) AS n FROM dedup_blocks")["n"][0]
        assert filed > 0
        s.con.execute("DROP TABLE dedup_blocks")
    with Store(path) as s:
        for item in CORPUS[half:]:
            s.add(build(*item))
        df = s.events(negated=None)
        assert s.sql("SELECT count(*) AS n FROM dedup_blocks")["n"][0] > filed
    assert dict(zip(df["event_id"], df["cluster_id"])) == clustered


def test_block_rows_file_every_week_a_window_touches():
    import datetime as dt

    from detente.store import cluster

    day = {"dyad_key": "IND|PAK", "cluster_id": "c1", "date_start": dt.date(2024, 1, 6),
           "date_end": dt.date(2024, 1, 8), "published": dt.date(2024, 1, 9)}
    weeks = [b for b, _ in cluster.block_rows([day])]
    assert len(weeks) == 2 and all(b.startswith("IND|PAK|w") for b in weeks)  # Sat..Mon crosses a week
    year = dict(day, date_start=dt.date(2023, 1, 1), date_end=dt.date(2023, 12, 31))
    assert [b for b, _ in cluster.block_rows([year])] == ["IND|PAK|y2023"]  # a long window: by year
    undated = dict(day, date_start=None, date_end=None)
    assert cluster.block_rows([undated])  # the report's date +- the slack stands in
    assert cluster.block_rows([dict(day, negated=True)]) == [] and cluster.block_rows([dict(day, dyad_key=None)]) == []
