"""`detente.ingest.read`: every input kind, detection by content, encodings, language, bad input."""
from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import shutil
import sys
import threading
import time
from pathlib import Path

import pytest

from detente import ingest
from detente.ingest import Reader, read
from detente.model import Article, IngestError
from support.paths import SEED_ARTICLE

FIX = Path(__file__).parent / "fixtures" / "ingest"
ENGLISH = ("The foreign ministers of both countries met in Vienna on Thursday and agreed to reopen their "
           "embassies, officials said after the talks.")
GERMAN = ("Die Außenminister beider Länder trafen sich am Donnerstag in Wien und vereinbarten, ihre Botschaften "
          "wieder zu öffnen, sagten Beamte nach den Gesprächen.")


def items(*sources, **options):
    return list(read([str(s) for s in sources], **options))


def one(*sources, **options):
    got = items(*sources, **options)
    assert len(got) == 1, got
    return got[0]


def arts(got):
    return [g for g in got if isinstance(g, Article)]


def errors(got):
    return [g for g in got if isinstance(g, IngestError)]


# --- input kinds ------------------------------------------------------------------------------

def test_text_page():
    art = one(SEED_ARTICLE)
    assert art.input_kind == "text" and art.title.startswith("US Seeks") and art.dateline == "WASHINGTON"
    assert art.language == "en" and art.id and art.source == str(SEED_ARTICLE)


def test_html_page_metadata_and_main_text():
    art = one(FIX / "article.html")
    assert art.input_kind == "html"
    assert art.title == "Leaders sign water treaty after decade of talks"
    assert art.published == "2024-05-14" and art.author == "Samir Khan" and art.site == "The Example Herald"
    assert art.dateline == "NEW DELHI" and art.text.startswith("NEW DELHI — The prime ministers")
    assert "joint commission" in art.text and "cross the border." in art.text
    for junk in ("Log in", "Celebrity wedding", "All rights reserved", "Privacy policy"):
        assert junk not in art.text
    assert len(art.text.split("\n\n")) == 4


def test_rss_full_content_preferred_over_summary_and_dates():
    got = items(FIX / "feed.rss")
    assert [a.title for a in arts(got)] == ["Envoys meet in Geneva", "Ceasefire holds"]
    first, second = got
    assert first.input_kind == "feed" and first.url == "https://news.example.org/geneva"
    assert first.id == "https://news.example.org/geneva"  # the entry's guid
    assert "draft peace agreement" in first.text and "teaser" not in first.text
    assert first.text.split("\n\n")[1].startswith("The talks, hosted by Switzerland")
    assert first.dateline == "GENEVA" and first.published == "2024-05-14"
    assert second.text == "The ceasefire between the two sides held for a third day, monitors said."
    assert second.published == "2024-05-15" and second.id != first.id


def test_atom_and_json_feed():
    atom = one(FIX / "feed.atom")
    assert atom.id == "urn:example:entry:1" and atom.published == "2024-06-01"
    assert atom.text == "The parliament approved the budget after a long debate."
    j1, j2 = items(FIX / "feed.json")
    assert (j1.id, j1.title, j1.url, j1.text) == ("j1", "Talks resume", "https://json.example.org/1",
                                                   "Negotiators resumed talks in Doha.")
    assert j2.published == "2024-07-02" and j2.text == "A second item with plain text only."


def test_jsonl_columns_text_kept_exactly_and_bad_lines_reported():
    got = items(FIX / "corpus.jsonl")
    a1, a2, bad_json, empty = got
    assert (a1.id, a1.title, a1.published, a1.url, a1.input_kind) == ("a1", "First", "2024-01-05",
                                                                      "https://c.example.org/1", "jsonl")
    assert a1.text == "CAIRO: Egypt and Sudan held talks on the Nile dam on Friday." and a1.dateline == "CAIRO"
    assert a2.id == "2" and a2.published == "2024-02-05" and a2.text == "Officials met again.\n\nNo agreement was reached."
    assert isinstance(bad_json, IngestError) and bad_json.source.endswith("corpus.jsonl#3")
    assert "not valid JSON" in bad_json.reason
    assert isinstance(empty, IngestError) and "'text'" in empty.reason


def test_csv_with_configured_column_names():
    got = items(FIX / "corpus.csv", text_column="body", id_column="doc_id", title_column="headline",
                date_column="published")
    x1, x2 = got
    assert (x1.id, x1.title, x1.published, x1.dateline) == ("x1", "Port reopens", "2024-03-01", "KARACHI")
    assert x1.text == "KARACHI: The port reopened on Friday, officials said." and x1.input_kind == "csv"
    assert x2.text == 'Shipping resumed, with "heavy" traffic.' and x2.published is None


def test_kind_is_detected_by_content_not_extension(tmp_path):
    for name, src in [("page.txt", "article.html"), ("news.txt", "feed.rss"), ("data.txt", "corpus.jsonl")]:
        shutil.copy(FIX / src, tmp_path / name)
    (tmp_path / "table.dat").write_text('id,text\n1,"The envoy arrived in Kabul on Monday.\n\nTalks began.\n\n'
                                        'They ended late."\n', encoding="utf-8")
    (tmp_path / "update.json").write_text("[Update] " + ENGLISH, encoding="utf-8")
    (tmp_path / "fragment.txt").write_text("<b>Breaking</b><p>" + ENGLISH + "</p><p>" + ENGLISH + "</p>",
                                           encoding="utf-8")
    kinds = {Path(a.source.split("#")[0]).name: a.input_kind for a in arts(items(tmp_path))}
    assert kinds == {"page.txt": "html", "news.txt": "feed", "data.txt": "jsonl", "table.dat": "csv",
                     "update.json": "text", "fragment.txt": "html"}


def _read_memo(doc, options):
    """A toy kind: 'MEMO' on the first line, then articles separated by lines of dashes."""
    for n, part in enumerate(doc.text.split("\n", 1)[1].split("\n----\n")):
        yield Article(id=f"memo-{n}", text=part.strip(), source=f"{doc.name}#{n + 1}", input_kind="memo")


def test_a_registered_reader_is_an_input_kind_end_to_end(tmp_path, monkeypatch, capsys):
    """One line in READERS: its documents are detected (by content or by suffix), read, and coded."""
    from detente.cli import main

    monkeypatch.setitem(ingest.READERS, "memo", Reader("memo", "memos", _read_memo,
                                                       detect=lambda head: head.text.startswith("MEMO\n"),
                                                       suffixes=(".memo",)))
    (tmp_path / "a.txt").write_text(f"MEMO\n{ENGLISH}\n----\nThe talks in Vienna ended on Friday without "
                                    "an agreement, the envoys said.\n", encoding="utf-8")
    (tmp_path / "b.memo").write_text(f"To whom it may concern\n{ENGLISH}\n", encoding="utf-8")
    got = arts(items(tmp_path / "a.txt", tmp_path / "b.memo"))
    assert [(a.id, a.input_kind) for a in got] == [("memo-0", "memo"), ("memo-1", "memo"), ("memo-0", "memo")]
    assert got[0].text == ENGLISH and got[2].text == ENGLISH
    assert main(["code", str(tmp_path / "a.txt"), "--no-store", "--format", "jsonl"]) == 0
    coded = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [c["id"] for c in coded] == ["memo-0", "memo-1"] and coded[0]["input_kind"] == "memo"
    assert coded[1]["text"].startswith("The talks in Vienna") and "events" in coded[1]


def test_gzip_is_read_transparently_and_a_corrupt_one_is_an_error(tmp_path):
    path = tmp_path / "article.html.gz"
    path.write_bytes(gzip.compress((FIX / "article.html").read_bytes()))
    art = one(path)
    assert art.input_kind == "html" and art.title == "Leaders sign water treaty after decade of talks"
    corrupt = tmp_path / "corrupt.gz"
    corrupt.write_bytes(b"\x1f\x8b\x08\x00" + b"not deflate data at all" * 3)
    assert one(corrupt).reason.startswith("broken gzip")


def test_folder_recursive_and_glob(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "a" / "b" / "two.txt").write_text(ENGLISH.replace("Vienna", "Oslo"), encoding="utf-8")
    (tmp_path / "a" / ".hidden").write_text(ENGLISH, encoding="utf-8")
    got = items(tmp_path / "a")
    assert [Path(a.source).name for a in got] == ["one.txt", "two.txt"]
    assert len({a.id for a in got}) == 2
    assert sorted(Path(a.source).name for a in items(f"{tmp_path}/**/*.txt")) == ["one.txt", "two.txt"]
    assert "no files match" in one(f"{tmp_path}/**/*.nothing").reason


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED_ARTICLE.read_bytes()), encoding="utf-8"))
    art = one("-")
    assert art.source == "<stdin>" and art.dateline == "WASHINGTON"


def test_same_text_same_id_whatever_the_path(tmp_path, monkeypatch):
    """An input without an id of its own gets one from its text: the same file as a relative path, an
    absolute path or stdin is one article, stored once."""
    copy = tmp_path / "sub" / "copy.txt"
    copy.parent.mkdir()
    shutil.copy(SEED_ARTICLE, copy)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED_ARTICLE.read_bytes()), encoding="utf-8"))
    ids = {one(p).id for p in ("sub/copy.txt", copy, SEED_ARTICLE, "-")}
    assert len(ids) == 1
    changed = tmp_path / "changed.txt"
    changed.write_text(SEED_ARTICLE.read_text(encoding="utf-8").replace("Rubio", "Rubino"), encoding="utf-8")
    assert one(changed).id not in ids


def test_corpus_rows_without_id_take_their_texts_id(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text('{"text": "%s"}\n{"id": "given", "text": "%s"}\n' % (ENGLISH, ENGLISH), encoding="utf-8")
    b.write_text('{"title": "x", "text": "%s"}\n' % ENGLISH, encoding="utf-8")
    first, given = items(a)
    assert given.id == "given"  # an id column wins
    assert one(b).id == first.id != given.id


# --- URLs against a local server --------------------------------------------------------------

class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/missing":
            self.send_error(404, "Not Found")
            return
        body = (FIX / "article.html").read_bytes() if self.path != "/big" else b"<p>x</p>" * 20000
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def test_url_is_fetched_and_read_as_html(server):
    art = one(f"{server}/news/treaty")
    assert art.input_kind == "url" and art.url == f"{server}/news/treaty"
    assert art.title == "Leaders sign water treaty after decade of talks" and "Teesta" in art.text


def test_url_and_file_of_the_same_page_share_an_id(server):
    assert one(f"{server}/news/treaty").id == one(FIX / "article.html").id


def test_url_errors_timeout_size_and_http(server):
    got = items(f"{server}/missing", f"{server}/slow", f"{server}/big", f"{server}/ok",
                fetch_timeout=0.5, max_bytes=100_000)
    missing, slow, big, ok = got
    assert "404" in missing.reason and missing.source.endswith("/missing")
    assert "timed out" in slow.reason
    assert "too large" in big.reason
    assert isinstance(ok, Article)


# --- encodings and language -------------------------------------------------------------------

def test_legacy_encoding_is_detected(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes((ENGLISH + " Café owners in Genève protested à la française.").encode("cp1252"))
    art = one(path)
    assert "Café owners in Genève protested à la française." in art.text
    assert any("not UTF-8" in w for w in art.warnings)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_byte_order_mark_are_text(tmp_path, monkeypatch, codec):
    text = ENGLISH + " Café owners in Genève protested — again."
    path = tmp_path / "wide.txt"
    path.write_bytes(text.encode(codec))
    art = one(path)
    assert isinstance(art, Article) and art.text == text and not art.warnings
    rows = tmp_path / "wide.jsonl"
    rows.write_bytes(('{"id": "w1", "text": "%s"}\n{"id": "w2", "text": "%s"}\n' % (text, text)).encode(codec))
    assert [(a.id, a.text) for a in items(rows)] == [("w1", text), ("w2", text)]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode(codec)), encoding="utf-8"))
    assert one("-").text == text


def test_invalid_utf8_bytes_are_replaced_not_fatal(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(ENGLISH.encode("utf-8").replace(b"Vienna", b"Vienna\xe2\x80\x99s \xff\xfe"))
    art = one(path)
    assert isinstance(art, Article) and "Vienna’s" in art.text and "\ufffd" in art.text
    assert any("invalid UTF-8" in w for w in art.warnings)


def test_non_english_is_skipped_with_its_language_short_text_is_not(tmp_path):
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "short.txt").write_text("Guten Tag, Berlin.", encoding="utf-8")
    de, short = items(tmp_path / "de.txt", tmp_path / "short.txt")
    assert isinstance(de, IngestError) and de.skipped and de.reason == "skipped: language 'de' is not English"
    assert isinstance(short, Article) and short.text == "Guten Tag, Berlin."


# --- bad input: one IngestError each, naming the input, and the batch carries on ---------------

def test_bad_inputs_each_give_one_error_and_reading_continues(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:  # 50 MB of text, written in chunks
        chunk = (ENGLISH + "\n").encode() * 4000
        while f.tell() < 50_000_000:
            f.write(chunk)
    broken_feed = tmp_path / "broken.rss"
    broken_feed.write_text((FIX / "feed.rss").read_text(encoding="utf-8")[:250], encoding="utf-8")
    cut_feed = tmp_path / "cut.rss"  # cut inside the first entry: read leniently, but the entry has no text
    cut_feed.write_text((FIX / "feed.rss").read_text(encoding="utf-8")[:420], encoding="utf-8")
    missing = tmp_path / "missing.txt"
    sources = [empty, binary, big, broken_feed, cut_feed, FIX / "corpus.csv", missing, SEED_ARTICLE]
    got = items(*sources)
    assert len(got) == len(sources)
    reasons = {Path(g.source).name: g.reason for g in errors(got)}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["image.txt"]
    assert "too large" in reasons["big.txt"] and "50,0" in reasons["big.txt"]
    assert reasons["broken.rss"].startswith("broken feed")
    assert "not well-formed" in reasons["cut.rss#1"]
    assert "no text column 'text'" in reasons["corpus.csv"] and "body" in reasons["corpus.csv"]
    assert reasons["missing.txt"] == "no such file or directory"
    assert all("\n" not in r and "Traceback" not in r for r in reasons.values())
    assert isinstance(got[-1], Article) and got[-1].dateline == "WASHINGTON"


def test_malformed_html_still_yields_text_or_one_error(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text("<html><body><div><p>" + ENGLISH + "<p>" + ENGLISH.replace("Vienna", "Rome")
                    + "<table><tr><td>unclosed <b>bold <i>text</div></span></html></html>", encoding="utf-8")
    art = one(page)
    assert isinstance(art, Article) and "met in Vienna" in art.text
    nothing = tmp_path / "nothing.html"
    nothing.write_text("<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>")
    err = one(nothing)
    assert isinstance(err, IngestError) and "no article text" in err.reason


def test_unknown_jsonl_text_column_is_one_error(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": 1, "body": "x"}\n{"id": 2, "body": "y"}\n', encoding="utf-8")
    err = one(path)
    assert "no text column 'text'" in err.reason and "body" in err.reason


def test_large_corpus_streams_past_max_bytes(tmp_path):
    path = tmp_path / "big.jsonl"
    line = '{"text": "%s"}\n' % ENGLISH
    path.write_text(line * 300, encoding="utf-8")
    assert os.path.getsize(path) > 20_000
    got = items(path, max_bytes=20_000)
    assert len(got) == 300 and all(isinstance(a, Article) for a in got)


# --- any bytes at all: items, never an exception ------------------------------------------------

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

_STARTS = st.sampled_from([b"", b"<?xml version='1.0'?><rss><channel><item>", b"<html><body><p>", b"{\"text\": ",
                           b"id,text\n1,", b"\xef\xbb\xbf", b"\xff\xfe", b"\x1f\x8b", b"[{", b"WASHINGTON: "])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(start=_STARTS, rest=st.binary(max_size=300))
def test_any_bytes_give_items_not_exceptions(tmp_path, start, rest):
    path = tmp_path / "doc"
    path.write_bytes(start + rest)
    got = items(path)
    assert got and all(isinstance(g, (Article, IngestError)) for g in got)
    for g in got:
        if isinstance(g, IngestError):
            assert not g.reason.startswith("unexpected") and "\n" not in g.reason
