"""Reliability: whatever real corpora throw at detente, no exception escapes, every offset points at
its own text, and nothing half-written reaches the store."""
from __future__ import annotations

import signal
import subprocess
import sys
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.ingest import read
from detente.model import Article, IngestError
from detente.pipeline import code_articles, code_text
from detente.store import Store

FAST = settings(max_examples=20, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

WORDS = st.sampled_from(["Washington", "Pakistan", "India", "said", "the", "army", "attacked", "“", "”", '"',
                         "President", "Putin", "met", "in", "Kabul", ".", ",", "\n\n", "not", "will", "2021",
                         "March", "Comments (0)", "NATO", "ISIS-K", "é", "\u200b", "\ud7ff", "😀"])
NEWSY = st.lists(WORDS, max_size=120).map(" ".join)


def assert_sound(art: Article) -> None:
    assert isinstance(art, Article)
    assert art.offset_errors() == []


@FAST
@given(st.one_of(st.text(max_size=1500), NEWSY))
def test_arbitrary_text_codes_with_sound_offsets(text):
    assert_sound(code_text(text))


TAG = st.sampled_from(["p", "div", "script", "style", "h1", "article", "a", "table", "td", "br", "li", "title"])


@st.composite
def html_pages(draw):
    parts = ["<html><head><title>", draw(NEWSY), "</title></head><body>"]
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(TAG)
        parts.append(f"<{tag}>{draw(st.one_of(NEWSY, st.text(max_size=60)))}")
        if draw(st.booleans()):  # malformed on purpose half the time
            parts.append(f"</{tag}>")
    return "".join(parts)


@st.composite
def feeds(draw):
    items = "".join(f"<item><title>{draw(NEWSY)}</title><description>{draw(st.one_of(NEWSY, st.text(max_size=80)))}"
                    f"</description><pubDate>{draw(st.sampled_from(['Tue, 10 Jun 2025 04:00:00 GMT', 'garbage', '']))}"
                    f"</pubDate></item>" for _ in range(draw(st.integers(0, 4))))
    cut = draw(st.integers(0, 3))
    doc = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    return doc[: len(doc) - cut * 7] if cut else doc


def _through_everything(path: str, store: Store) -> None:
    items = list(read([path]))
    assert items and all(isinstance(i, (Article, IngestError)) for i in items)
    for art in code_articles([i for i in items if isinstance(i, Article)]):
        assert_sound(art)
        store.add(art)
        assert store.get(art.id) is not None


@FAST
@given(page=st.one_of(html_pages(), feeds()))
def test_random_html_and_feeds_flow_to_the_store(tmp_path_factory, page):
    d = tmp_path_factory.mktemp("rand")
    path = d / ("page.html" if page.startswith("<html") else "feed.xml")
    path.write_text(page, encoding="utf-8", errors="surrogatepass")
    with Store(str(d / "s.duckdb")) as store:
        _through_everything(str(path), store)


def test_empty_and_large_inputs(tmp_path):
    assert_sound(code_text(""))
    sentence = "Pakistan's army said on Tuesday that India had not attacked its posts near Kashmir. "
    big = "\n\n".join(sentence * 5 for _ in range(500))  # ~215 kB, parsed in pieces
    art = code_text(big)
    assert_sound(art)
    assert len(art.text) > 200_000


def test_reingest_is_idempotent(tmp_path):
    art = code_text("Russia attacked Ukraine on 24 February 2022, the Ukrainian government said.", id="same-id")
    with Store(str(tmp_path / "s.duckdb")) as store:
        assert store.add(art) is True
        before = store.stats()
        again = code_text("Russia attacked Ukraine on 24 February 2022, the Ukrainian government said.", id="same-id")
        assert store.add(again) is False
        assert store.stats() == before


def _corpus(path, n: int) -> None:
    import json

    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"doc{i}", "text": f"Story {i}. The president of France met the prime minister "
                                f"of Italy in Rome on {1 + i % 27} May 2024 to discuss trade. " * 3}) + "\n")


def _stored(db) -> int:
    if not db.exists():
        return 0
    try:
        with Store(str(db), read_only=True) as store:
            return store.stats()["articles"]
    except Exception:  # noqa: BLE001 - created but its schema not yet written
        return 0


def test_kill_during_ingest_leaves_a_sound_store(tmp_path):
    corpus, db = tmp_path / "c.jsonl", tmp_path / "s.duckdb"
    _corpus(corpus, 400)
    proc = subprocess.Popen([sys.executable, "-m", "detente", "ingest", str(corpus), "--store", str(db),
                             "--workers", "1", "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not _stored(db):  # the store can be read while the ingest writes
        time.sleep(0.2)
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(str(db)) as store:
        assert store.integrity_errors() == []
        n = store.stats()["articles"]
    assert 0 < n <= 400
    rerun = subprocess.run([sys.executable, "-m", "detente", "ingest", str(corpus), "--store", str(db),
                            "--workers", "1", "--quiet"], capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    with Store(str(db)) as store:
        assert store.stats()["articles"] == 400
        assert store.integrity_errors() == []


def test_writer_and_reader_processes(tmp_path):
    corpus, db = tmp_path / "c.jsonl", tmp_path / "s.duckdb"
    _corpus(corpus, 40)
    with Store(str(db)):
        pass
    writer = subprocess.Popen([sys.executable, "-m", "detente", "ingest", str(corpus), "--store", str(db),
                               "--workers", "1", "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        seen = []
        for _ in range(10):
            reader = subprocess.run([sys.executable, "-m", "detente", "stats", "--store", str(db)],
                                    capture_output=True, text=True, timeout=120)
            # a reader either reads a consistent store or says in one line that the writer holds it
            assert "Traceback" not in reader.stderr
            seen.append(reader.returncode)
            if writer.poll() is not None:
                break
            time.sleep(0.3)
    finally:
        assert writer.wait(timeout=300) == 0, writer.stderr.read()
    after = subprocess.run([sys.executable, "-m", "detente", "stats", "--store", str(db)], capture_output=True, text=True)
    assert after.returncode == 0 and "40" in after.stdout
