"""The NLP layer: the only module that touches spaCy.

It loads the pipeline once per process and turns texts into `model.Parse` records, so that every
later stage works on plain tokens and sentences and can run anywhere the records can travel.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

from .model import Entity, Parse, Sentence, Token
from .settings import DEFAULTS, current

DEFAULT_MODEL = DEFAULTS.spacy_model  # kept for callers; the default lives in settings.py
# spaCy's parser needs memory in proportion to the text; long texts are parsed in pieces cut at
# paragraph breaks so a 50 MB page codes in bounded memory.
CHUNK_CHARS = 20_000
BATCH_SIZE = 32
BATCH_CHARS = 40_000


def model_name() -> str:
    """The spaCy pipeline to load: the spacy_model setting (DETENTE_SPACY_MODEL)."""
    return current().spacy_model


@lru_cache(maxsize=2)
def load(name: str | None = None):
    import spacy
    from spacy.language import Language

    if not Language.has_factory("detente_line_breaks"):
        Language.component("detente_line_breaks", func=_line_breaks)
    nlp = spacy.load(name or model_name())
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS * 4)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("detente_line_breaks", before="parser")
    return nlp


def _line_breaks(doc):
    """A blank line ends a sentence: pages put headlines, bylines and paragraphs apart, and the parser
    would otherwise run a Title Case headline into the lede. A single line break does not: wire
    copy is often hard-wrapped mid-sentence."""
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    return doc


def parse(text: str) -> Parse:
    return next(parse_many([text]))


def parse_many(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Parse]:
    """Parse texts in order, batching through `nlp.pipe`; long texts are split and re-joined."""
    nlp = load()
    texts = list(texts) if not isinstance(texts, list) else texts
    pieces: list[tuple[int, int, str]] = []  # (text index, offset, chunk)
    for n, text in enumerate(texts):
        for off, chunk in _chunks(text):
            pieces.append((n, off, chunk))
    results: dict[int, list[tuple[int, object]]] = {}
    for group in _groups(pieces, batch_size):
        for (n, off, _), doc in zip(group, nlp.pipe([c for _, _, c in group], batch_size=len(group))):
            results.setdefault(n, []).append((off, doc))
    for n, text in enumerate(texts):
        yield _to_parse(text, results.get(n, []))


def _groups(pieces: list, batch_size: int) -> Iterator[list]:
    """Batches for `nlp.pipe` bounded in count and in characters: the parser's memory grows with the
    characters of a batch, so one long article must not ride with 31 others."""
    group, chars = [], 0
    for piece in pieces:
        if group and (len(group) >= batch_size or chars + len(piece[2]) > BATCH_CHARS):
            yield group
            group, chars = [], 0
        group.append(piece)
        chars += len(piece[2])
    if group:
        yield group


def _chunks(text: str) -> list[tuple[int, str]]:
    if len(text) <= CHUNK_CHARS:
        return [(0, text)]
    out, pos = [], 0
    while pos < len(text):
        end = min(len(text), pos + CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", pos + CHUNK_CHARS // 2, end)
            if cut == -1:
                ends = list(re.finditer(r"[.!?]\s", text[pos + CHUNK_CHARS // 2:end]))
                m = ends[-1] if ends else None  # the last sentence end in the second half
                cut = pos + CHUNK_CHARS // 2 + m.end() if m else end
            end = cut if cut > pos else end
        out.append((pos, text[pos:end]))
        pos = end
    return out


def _to_parse(text: str, docs: list) -> Parse:
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    for off, doc in docs:
        base = len(tokens)
        for sent in doc.sents:
            # spaCy leaves paragraph breaks inside the sentence before them; a sentence's span is its words
            words = [t for t in sent if not t.is_space] or [sent[0]]
            sentences.append(Sentence(off + words[0].idx, off + words[-1].idx + len(words[-1].text),
                                      base + sent.start, base + sent.end))
            sid = len(sentences) - 1
            for t in sent:
                tokens.append(Token(
                    i=base + t.i, start=off + t.idx, end=off + t.idx + len(t.text), text=t.text,
                    lemma=t.lemma_, pos=t.pos_, tag=t.tag_, dep=t.dep_, head=base + t.head.i,
                    ent=t.ent_type_, ent_iob=t.ent_iob_, sent=sid, ws=t.whitespace_,
                ))
        for e in doc.ents:
            entities.append(Entity(off + e.start_char, off + e.end_char, e.text, e.label_, base + e.start, base + e.end))
    return Parse(text=text, tokens=tokens, sentences=sentences, entities=entities)
