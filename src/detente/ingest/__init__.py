"""Ingest: every input kind users have news in, turned into `model.Article` records.

    read(sources, **options) -> Iterator[Article | IngestError]
    article_from_text(text, source=None, id=None, **meta) -> Article

The kind of each document is decided by its content, not its extension: READERS, below, lists the
kinds in the order their detectors are asked (detect.kind_of). A new kind is a module with its
`read(doc, options)` and detector plus one line in READERS. Nothing here raises on bad input: each
unreadable document becomes one `IngestError` with a one-line reason, and reading carries on with the
next one.
"""
from __future__ import annotations

import dataclasses
import glob
import io
import os
import sys
from functools import partial
from typing import Iterable, Iterator, Optional, Union

from ..model import Article, IngestError, content_id
from . import corpus, detect, feeds, html
from .dates import iso_date
from .fetch import URL, FetchError, fetch
from .page import clean_page, find_dateline
from .readers import Doc, Item, Options, Reader, table

__all__ = ["read", "article_from_text", "article_from_html", "article_from_entry", "check_language", "READERS",
           "Reader"]

_FIELDS = {f.name for f in dataclasses.fields(Article)}
MIN_CONFIDENCE_TO_SKIP = 0.8  # a non-English guess below this keeps the article (and says so in warnings)


def article_from_text(text: str, source: str | None = None, id: str | None = None, **meta) -> Article:
    """An article from scraped page text: headline, dateline, tags, byline/date lines and furniture
    are taken out of the body (the dateline word stays, pointed at by `dateline_span`).

    `meta` sets any other Article field (title, published, url, tags ...) and wins over what the page
    says; a given `title` is also removed from the top of the body.
    """
    unknown = set(meta) - _FIELDS
    if unknown:
        raise TypeError(f"article_from_text() got unknown Article field(s): {', '.join(sorted(unknown))}")
    page = clean_page(text, title=meta.pop("title", None))
    published = meta.pop("published", None)
    fields = dict(text=page.body, source=source, title=page.title, dateline=page.dateline,
                  dateline_span=page.dateline_span, tags=page.tags, author=page.author,
                  published=page.published, input_kind="text")
    fields.update({k: v for k, v in meta.items() if v is not None})
    art = Article(id=id or content_id(page.body), **fields)
    _set_published(art, published)
    if not page.body.strip():
        art.warnings.append("ingest: no article text left after removing headline and page furniture")
    return art


def article_from_html(markup: str, source: str | None = None, url: str | None = None, id: str | None = None,
                      input_kind: str = "html") -> Optional[Article]:
    """An article from an HTML page (trafilatura), or None when the page holds no article text."""
    doc = html.extract(markup, url=url)
    if doc is None:
        return None
    page = clean_page(doc.text, title=doc.title)  # pages put share lines and bylines inside the main text too
    body = page.body
    art = Article(id=id or content_id(body), text=body, source=source, title=doc.title or page.title,
                  dateline=page.dateline, dateline_span=page.dateline_span, tags=list(doc.tags) or page.tags,
                  url=doc.url or url, author=doc.author or page.author, site=doc.site,
                  published=iso_date(doc.date) or page.published, input_kind=input_kind)
    return art


def read(sources: Union[str, Iterable[str]], *, text_column: str = "text", id_column: str = "id",
         title_column: str = "title", date_column: str = "date", url_column: str = "url",
         fetch_timeout: float = 10, max_bytes: int = 20_000_000) -> Iterator[Item]:
    """Articles from paths, folders (recursive), globs, URLs or '-' (stdin), in order.

    Non-English articles come back as `IngestError(..., skipped=True)`; texts too short to tell stay.
    """
    opts = Options(text_column, id_column, title_column, date_column, url_column, fetch_timeout, max_bytes)
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    for src in sources:
        src = os.fspath(src)
        for name in _expand(src):
            if isinstance(name, IngestError):
                yield name
                continue
            try:
                for item in _read_one(name, opts):
                    yield item if isinstance(item, IngestError) else check_language(item)
            except Exception as e:  # a bug on one document must not end the batch; say which and why
                yield IngestError(name, f"unexpected {type(e).__name__}: {_one_line(e)}")


# --- sources ----------------------------------------------------------------------------------

def _expand(src: str) -> Iterator[Union[str, IngestError]]:
    if src == "-" or URL.match(src):
        yield src
    elif os.path.isdir(src):
        found = False
        for root, dirs, files in os.walk(src):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for f in sorted(files):
                if not f.startswith("."):
                    found = True
                    yield os.path.join(root, f)
        if not found:
            yield IngestError(src, "empty folder: no files in it")
    elif os.path.exists(src):
        yield src
    elif glob.has_magic(src):
        matches = sorted(p for p in glob.glob(src, recursive=True) if os.path.isfile(p))
        if not matches:
            yield IngestError(src, "no files match this pattern")
        yield from matches
    else:
        yield IngestError(src, "no such file or directory")


def _read_one(name: str, opts: Options) -> Iterator[Item]:
    if URL.match(name):
        try:
            data, _ctype, final_url = fetch(name, timeout=opts.fetch_timeout, max_bytes=opts.max_bytes)
        except FetchError as e:
            yield IngestError(name, str(e))
            return
        yield from _read_bytes(data, name, opts, url=final_url)
        return
    if name == "-":
        data = sys.stdin.buffer.read(opts.max_bytes + 1)
        if len(data) > opts.max_bytes:
            yield IngestError("<stdin>", f"too large: more than {opts.max_bytes:,} bytes (raise max_bytes)")
            return
        yield from _read_bytes(data, "<stdin>", opts)
        return
    try:
        size = os.path.getsize(name)
        with open(name, "rb") as f:
            head = f.read(detect.SNIFF_BYTES)
            if not head:
                yield IngestError(name, "empty file")
                return
            if not detect.is_gzip(head) and not detect.looks_binary(head):
                kind = _kind(head.decode(detect.text_encoding(head) or "utf-8", errors="ignore"), name)
                if READERS[kind].stream is not None:
                    f.seek(0)
                    yield from READERS[kind].stream(f, head, name, opts)  # no size limit: read as it goes
                    return
            if size > opts.max_bytes:
                yield IngestError(name, f"too large: {size:,} bytes (limit {opts.max_bytes:,}; raise max_bytes)")
                return
            data = head + f.read()
    except OSError as e:
        yield IngestError(name, (e.strerror or str(e)).lower())
        return
    yield from _read_bytes(data, name, opts)


# --- documents --------------------------------------------------------------------------------

def _read_bytes(data: bytes, name: str, opts: Options, url: Optional[str] = None) -> Iterator[Item]:
    if not data.strip():
        yield IngestError(name, "empty document" if url or name == "<stdin>" else "empty file")
        return
    if detect.is_gzip(data):
        try:
            data = detect.gunzip(data, opts.max_bytes)
        except (OSError, EOFError, ValueError) as e:
            yield IngestError(name, f"broken gzip: {_one_line(e)}")
            return
    if detect.looks_binary(data[:detect.SNIFF_BYTES]):
        yield IngestError(name, "binary file, not text (no known text encoding fits)")
        return
    text, warning = detect.decode(data)
    doc = Doc(data, text, name, url, [f"ingest: {warning}"] if warning else [])
    yield from READERS[_kind(text[:detect.SNIFF_BYTES], name)].read(doc, opts)


def _kind(head_text: str, name: str) -> str:
    return detect.kind_of(head_text, name, READERS.values(), fallback="text")


def _read_text(doc: Doc, opts: Options) -> Iterator[Item]:
    art = article_from_text(doc.text, source=doc.name, url=doc.url, input_kind="url" if doc.url else "text")
    if not art.text.strip():
        yield IngestError(doc.name, "no article text (only headline or page furniture)")
        return
    art.warnings[:0] = doc.warnings
    yield art


def _read_html(doc: Doc, opts: Options) -> Iterator[Item]:
    art = article_from_html(doc.text, source=doc.name, url=doc.url, input_kind="url" if doc.url else "html")
    if art is None:
        yield IngestError(doc.name, "no article text found in the HTML")
        return
    art.warnings[:0] = doc.warnings
    yield art


def _read_xml(doc: Doc, opts: Options) -> Iterator[Item]:
    yield IngestError(doc.name, "XML that is neither a feed (RSS/Atom/RDF) nor HTML")


def _read_feed(doc: Doc, opts: Options) -> Iterator[Item]:
    for e in feeds.entries(doc.data):
        if isinstance(e, feeds.FeedProblem):
            yield IngestError(doc.name if e.index is None else f"{doc.name}#{e.index + 1}", e.reason)
            continue
        yield article_from_entry(e, doc.name)


def article_from_entry(e: feeds.Entry, feed: str) -> Article:
    """The article a feed entry carries; its id (the entry's own, else its link, else one from its text:
    model.content_id) is the same whether `ingest` or `watch` reads the feed, so neither stores an item
    the other has stored."""
    source = f"{feed}#{e.index + 1}"
    art = Article(id=e.id or e.url or content_id(e.text), text=e.text, source=source, title=e.title,
                  url=e.url, published=e.published, author=e.author, tags=e.tags, input_kind="feed")
    art.dateline, art.dateline_span, _ = find_dateline(art.text)
    art.language = e.language
    return art


def _read_corpus(doc: Doc, opts: Options, kind: str) -> Iterator[Item]:
    stream = io.StringIO(doc.text, newline=None if kind != "csv" else "")
    yield from _corpus_items(_records(stream, doc.text, kind, opts), doc.name, kind, opts)


def _stream_corpus(f, head: bytes, name: str, opts: Options, kind: str) -> Iterator[Item]:
    encoding = detect.text_encoding(head)
    if encoding is None:
        try:
            head.decode("utf-8")
            encoding = "utf-8-sig"
        except UnicodeDecodeError as e:
            # a head cut inside a character is still UTF-8; anything else gets the detector's guess
            encoding = "utf-8-sig" if e.start >= len(head) - 4 else _guess_encoding(head)
    stream = io.TextIOWrapper(f, encoding=encoding, errors="replace", newline="" if kind == "csv" else None)
    head_text = head.decode(encoding, errors="ignore")
    try:
        yield from _corpus_items(_records(stream, head_text, kind, opts), name, kind, opts)
    finally:
        stream.detach()


def _guess_encoding(head: bytes) -> str:
    return "utf-8" if detect.UTF8_MULTIBYTE.search(head) else (detect.guess_encoding(head) or "utf-8")


def _records(stream, head_text: str, kind: str, opts: Options):
    if kind == "csv":
        return corpus.csv_records(stream, opts.text_column, head_text)
    if kind == "json":
        return corpus.json_records(stream.read(), opts.text_column)
    return corpus.jsonl_records(stream, opts.text_column)


def _corpus_items(records, name: str, kind: str, opts: Options) -> Iterator[Item]:
    kind = "jsonl" if kind == "json" else kind
    for rec in records:
        if isinstance(rec, corpus.CorpusProblem):
            yield IngestError(name if rec.row is None else f"{name}#{rec.row}", rec.reason)
            if rec.fatal:
                return
            continue
        yield _corpus_article(rec, name, kind, opts)


def _corpus_article(rec: corpus.Record, name: str, kind: str, opts: Options) -> Item:
    source = f"{name}#{rec.row}"
    text = rec.fields.get(opts.text_column)
    if not isinstance(text, str) or not text.strip():
        return IngestError(source, f"empty or missing text in column {opts.text_column!r}")
    # corpus text is kept exactly as given: users hold offsets into it
    rid = rec.fields.get(opts.id_column)
    title = rec.fields.get(opts.title_column)
    url = rec.fields.get(opts.url_column)
    art = Article(id=str(rid) if rid not in (None, "") else content_id(text), text=text, source=source,
                  title=str(title).strip() or None if title else None, url=str(url) if url else None,
                  input_kind=kind)
    art.dateline, art.dateline_span, dateline_date = find_dateline(text)
    _set_published(art, rec.fields.get(opts.date_column) or dateline_date)
    return art


# The input kinds, in the order their detectors are asked (the first to claim a document decides; the
# file-name suffixes are asked only when no detector claimed it; text is what is left).
READERS: dict[str, Reader] = table(
    Reader("feed", "RSS 0.9x/1.0/2.0, Atom, RDF or JSON Feed: one article per entry", _read_feed, detect.is_feed),
    Reader("jsonl", "JSON Lines corpus: one object a line, the text in --text-column",
           partial(_read_corpus, kind="jsonl"), detect.is_jsonl, suffixes=(".jsonl", ".ndjson"),
           stream=partial(_stream_corpus, kind="jsonl")),
    Reader("json", "a JSON array of objects, read as a JSON Lines corpus", partial(_read_corpus, kind="json"),
           detect.is_json),
    Reader("html", "an HTML page (its article found by trafilatura) or fragment", _read_html, detect.is_html),
    Reader("xml", "XML that is no feed: reported as an error", _read_xml, detect.is_xml),
    Reader("csv", "CSV/TSV corpus with a header line, the text in --text-column", partial(_read_corpus, kind="csv"),
           detect.is_csv, suffixes=(".csv", ".tsv"), stream=partial(_stream_corpus, kind="csv")),
    Reader("text", "plain text of a page: headline, dateline and furniture taken out", _read_text),
)


# --- shared -----------------------------------------------------------------------------------

def _set_published(art: Article, value) -> None:
    if value in (None, ""):
        return
    date = iso_date(value)
    if date:
        art.published = date
    else:
        art.warnings.append(f"ingest: publication date {str(value)[:40]!r} not understood; left empty")


def check_language(art: Article) -> Item:
    lang, conf = detect.language(art.text)
    if lang is None:
        return art
    if lang != "en" and conf >= MIN_CONFIDENCE_TO_SKIP:
        return IngestError(art.source or art.id, f"skipped: language {lang!r} is not English", skipped=True)
    if lang != "en":
        art.warnings.append(f"ingest: language looks like {lang!r} (confidence {conf:.2f}); coded as English")
    art.language = "en"
    return art


def _one_line(e) -> str:
    return " ".join(str(e).split())[:200]
