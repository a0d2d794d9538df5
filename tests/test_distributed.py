"""The Dask path on a LocalCluster writes the same records as the local runner, resumes, and loads."""
from __future__ import annotations

import gc
import json

import pytest

from detente import runner
from support.memory_store import MemStore
from support.uncoded_articles import uncoded_articles

pytest.importorskip("distributed")
from detente import distributed  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():
    client, cl = distributed.connect("local:1")
    yield client
    client.close()
    cl.close()


def test_workers_set_the_collector_as_local_workers_do(cluster):
    """The worker plugin loads the model through runner.warm_up(freeze=True), as every coding process does."""
    assert set(cluster.run(gc.get_threshold).values()) == {runner.GC_THRESHOLDS}
    assert all(n > 100_000 for n in cluster.run(gc.get_freeze_count).values())


def test_dask_writes_the_local_records_and_resumes(cluster, tmp_path):
    local = MemStore()
    list(runner.ingest_local(uncoded_articles(), local, workers=1))

    out, stats = str(tmp_path / "parts"), {}
    got = list(distributed.ingest_dask(uncoded_articles(), out, cluster, batch_size=3, rows_per_file=4, stats=stats))
    assert got == [(a.id, True) for a in uncoded_articles()]
    assert len(list((tmp_path / "parts").glob("part-*.parquet"))) == 2  # 7 rows, 4 per file

    records = {a.id: json.loads(json.dumps(a.to_dict())) for a in distributed.read_records(out)}
    assert records == local.records

    again = list(distributed.ingest_dask(uncoded_articles(), out, cluster, stats=stats))
    assert again == [(a.id, False) for a in uncoded_articles()] and stats["coded"] == 0


def test_partitions_load_into_the_store_and_duckdb_reads_them(cluster, tmp_path):
    store_mod = pytest.importorskip("detente.store")
    import duckdb

    out = str(tmp_path / "parts")
    list(distributed.ingest_dask(uncoded_articles(4), out, cluster))
    with store_mod.Store(str(tmp_path / "s.duckdb")) as store:
        assert [new for _, new in distributed.load_parquet(out, store)] == [True] * 4
        assert [new for _, new in distributed.load_parquet(out, store)] == [False] * 4
        n_events = store.stats()["events"]
    q = f"SELECT count(*), sum(n_events) FROM read_parquet('{out}/part-*.parquet')"
    assert duckdb.sql(q).fetchall() == [(4, n_events)]


def test_a_failing_document_is_reported(cluster, tmp_path):
    errors = []
    arts = uncoded_articles(3)
    arts.insert(1, runner.Article(id="bad", text=None))
    got = list(distributed.ingest_dask(arts, str(tmp_path / "p"), cluster, on_error=errors.append))
    assert [i for i, _ in got] == ["t0", "t1", "t2"]
    assert [e.source for e in errors] == ["bad"]
