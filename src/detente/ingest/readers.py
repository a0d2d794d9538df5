"""What a kind of input is to ingest: a `Reader` (how to tell it, how to read it) and what it is given.

The kinds themselves are the READERS table in `detente.ingest`; adding one is a module with a
`read(doc, options)` (and a detector, usually) plus one line in that table.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import BinaryIO, Callable, Iterator, Optional, Union

from ..model import Article, IngestError
from .detect import Head

Item = Union[Article, IngestError]


@dataclass(frozen=True)
class Options:
    """The reading options of `ingest.read`: corpus column names and the limits on what is read."""
    text_column: str = "text"
    id_column: str = "id"
    title_column: str = "title"
    date_column: str = "date"
    url_column: str = "url"
    fetch_timeout: float = 10
    max_bytes: int = 20_000_000


@dataclass
class Doc:
    """One document to read: its bytes (gunzipped), its decoded text, the name errors and sources
    carry (a path, a URL, '<stdin>'), the URL it was fetched from, and the decoder's warnings."""
    data: bytes
    text: str
    name: str
    url: Optional[str] = None
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Reader:
    """One input kind. `detect(head)` says from a document's first characters that it is of this
    kind (the first reader in table order to say so wins); `suffixes` settle by file name what no
    detector claimed; `read(doc, options)` yields its articles or errors, never raises on bad input.
    `stream(file, head, name, options)`, when given, reads a local file of this kind as it goes,
    with no size limit (corpora of many rows)."""
    kind: str
    description: str
    read: Callable[[Doc, Options], Iterator[Item]]
    detect: Optional[Callable[[Head], bool]] = None
    suffixes: tuple[str, ...] = ()
    stream: Optional[Callable[[BinaryIO, bytes, str, Options], Iterator[Item]]] = None


def table(*readers: Reader) -> dict[str, Reader]:
    return {r.kind: r for r in readers}
