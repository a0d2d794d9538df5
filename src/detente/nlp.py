"""The NLP layer: the only module that touches spaCy.

It loads the pipeline once per process and turns texts into `model.Parse` records, so that every
later stage works on plain tokens and sentences and can run anywhere the records can travel.
"""
from __future__ import annotations

import multiprocessing
import os
import re
import signal
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from sys import intern
from typing import Iterable, Iterator

from .lifeline import exit_with_parent
from .model import Entity, Parse, Sentence, Token
from .settings import DEFAULTS, current

DEFAULT_MODEL = DEFAULTS.spacy_model  # kept for callers; the default lives in settings.py
# spaCy's parser needs memory in proportion to the text; long texts are parsed in pieces cut at
# paragraph breaks so a 50 MB page codes in bounded memory.
CHUNK_CHARS = 20_000
BATCH_SIZE = 32
BATCH_CHARS = 40_000
# One long document would keep one core busy and leave the others idle (a 2 MB page: ~80 s of parse on
# one core). Parsed in a process's main thread with no parent process of ours (the CLI with --workers 1,
# a script, a notebook), a text this long is spread: helper processes, forked from this one so that they
# start at once with the model loaded, parse its chunk groups from the end while this process parses them
# from the front. A pool or Dask worker parses on its own: the other cores are busy with other documents.
SPREAD_CHARS = 200_000


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
    # The break itself opens the new sentence: forcing the word after it to start one makes the parser
    # cut that word off ("Turkey | and Libya agreed"); the break token is folded into the sentence
    # before it (_to_parse), so no sentence is whitespace alone.
    for tok in doc[1:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            tok.is_sent_start = True
    return doc


def parse(text: str) -> Parse:
    return next(parse_many([text]))


def parse_many(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Parse]:
    """Parse texts in order, batching through `nlp.pipe`; long texts are split and re-joined."""
    nlp = load()
    texts = list(texts) if not isinstance(texts, list) else texts
    pieces: list[tuple[int, int, str]] = []  # (text index, offset, chunk)
    results: dict[int, list[tuple[int, object]]] = {}
    for n, text in enumerate(texts):
        if len(text) >= SPREAD_CHARS and _helpers_wanted():
            results[n] = _spread(nlp, [(n, off, chunk) for off, chunk in _chunks(text)], batch_size)
            continue
        for off, chunk in _chunks(text):
            pieces.append((n, off, chunk))
    for group in _groups(pieces, batch_size):
        for (n, off, _), doc in zip(group, _pipe(nlp, group)):
            results.setdefault(n, []).append((off, doc))
    for n, text in enumerate(texts):
        yield _to_parse(text, results.pop(n, []))  # its Docs go now, not with the batch's last parse


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


def _helpers_wanted() -> int:
    """How many helper processes a long text may be spread over here: one fewer than the cores, and
    none in a worker process, in a thread, or where fork is not the safe way to start a process."""
    if (multiprocessing.parent_process() is not None or threading.current_thread() is not threading.main_thread()
            or not sys.platform.startswith("linux")):
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores - 1


def _spread(nlp, pieces: list[tuple[int, int, str]], batch_size: int) -> list[tuple[int, object]]:
    """Parse one long text's chunks here and in helper processes at once: the helpers take chunk groups
    from the end, this process from the front, until they meet (so neither waits on the other for
    long). Each group is parsed by the same pipeline as here and comes back as a serialized Doc:
    tokens, heads, labels, entities and sentence starts are those a one-process parse gives."""
    from spacy.tokens import Doc

    groups = list(_groups(pieces, batch_size))
    helpers = min(_helpers_wanted(), len(groups) - 1)
    if helpers < 1:
        return [(off, doc) for g in groups for (_, off, _), doc in zip(g, _pipe(nlp, g))]
    docs: dict[int, list] = {}
    sent: dict[int, Future] = {}
    front, back = 0, len(groups) - 1
    # fork: the helpers share this process's loaded model and settings and start at once
    with ProcessPoolExecutor(helpers, mp_context=multiprocessing.get_context("fork"), initializer=_init_helper,
                             initargs=(os.getpid(),)) as pool:
        while front <= back:
            while back > front and sum(not f.done() for f in sent.values()) < 2 * helpers:
                sent[back] = pool.submit(_parse_group, [c for _, _, c in groups[back]])
                back -= 1
            docs[front] = _pipe(nlp, groups[front])
            front += 1
        for i, fut in sent.items():
            try:
                docs[i] = [Doc(nlp.vocab).from_bytes(b) for b in fut.result()]
            except Exception:  # noqa: BLE001 - a helper that died (OOM kill): its group is parsed here
                docs[i] = _pipe(nlp, groups[i])
    return [(off, doc) for i in sorted(docs) for (_, off, _), doc in zip(groups[i], docs[i])]


def _pipe(nlp, group: list[tuple[int, int, str]]) -> list:
    import numpy

    docs = list(nlp.pipe([c for _, _, c in group], batch_size=len(group)))
    for doc in docs:
        # tok2vec's output (~400 bytes a token) is never read: not held for all of a long text's chunks
        doc.tensor = numpy.zeros((0,), dtype="float32")
    return docs


def _init_helper(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the parent, which ends the helpers
    exit_with_parent(parent)


def _parse_group(texts: list[str]) -> list[bytes]:
    # the tensor (tok2vec's output) is not read back: leaving it out makes the result 10x smaller
    return [doc.to_bytes(exclude=["tensor", "user_data"]) for doc in load().pipe(texts, batch_size=len(texts))]


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
            words = [t for t in sent if not t.is_space]
            if not words and sentences and sentences[-1].last == base + sent.start:
                # a paragraph break alone: it belongs to the sentence before it
                sentences[-1] = Sentence(sentences[-1].start, sentences[-1].end, sentences[-1].first, base + sent.end)
            else:
                # spaCy leaves paragraph breaks inside the sentence around them; a sentence's span is its words
                words = words or [sent[0]]
                sentences.append(Sentence(off + words[0].idx, off + words[-1].idx + len(words[-1].text),
                                          base + sent.start, base + sent.end))
            sid = len(sentences) - 1
            for t in sent:
                # spaCy hands out a new str per call: one copy of each word and label instead of one per
                # token keeps a 2 MB text's 400k tokens ~100 MB smaller
                tokens.append(Token(
                    i=base + t.i, start=off + t.idx, end=off + t.idx + len(t.text), text=intern(t.text),
                    lemma=intern(t.lemma_), pos=intern(t.pos_), tag=intern(t.tag_), dep=intern(t.dep_),
                    head=base + t.head.i, ent=intern(t.ent_type_), ent_iob=intern(t.ent_iob_), sent=sid,
                    ws=intern(t.whitespace_),
                ))
        for e in doc.ents:
            entities.append(Entity(off + e.start_char, off + e.end_char, e.text, e.label_, base + e.start, base + e.end))
    return Parse(text=text, tokens=tokens, sentences=sentences, entities=entities)
