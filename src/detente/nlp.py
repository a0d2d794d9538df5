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
from dataclasses import replace
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
    results: dict[int, list[_Part]] = {}
    for n, text in enumerate(texts):
        if len(text) >= SPREAD_CHARS and _helpers_wanted():
            results[n] = _spread(nlp, [(n, off, chunk) for off, chunk in _chunks(text)], batch_size)
            continue
        for off, chunk in _chunks(text):
            pieces.append((n, off, chunk))
    for group in _groups(pieces, batch_size):
        for (n, _, _), part in zip(group, _parse_group(nlp, group)):
            results.setdefault(n, []).append(part)
    for n, text in enumerate(texts):
        yield _to_parse(text, results.pop(n, []))  # its parts go now, not with the batch's last parse


def as_text(parse: Parse, text: str) -> Parse:
    """The parse of a same-length rewrite of `text` (pipeline: a dateline's separator made a sentence end)
    read as `text`'s own: tokens and entities keep their offsets and take their words from `text`, so
    every stage sees the article's characters."""
    if parse.text == text:
        return parse
    assert len(parse.text) == len(text), "a rewrite for the parser keeps the text's length"
    tokens = [t if text[t.start:t.end] == t.text else replace(t, text=text[t.start:t.end]) for t in parse.tokens]
    entities = [e if text[e.start:e.end] == e.text else replace(e, text=text[e.start:e.end]) for e in parse.entities]
    return Parse(text=text, tokens=tokens, sentences=parse.sentences, entities=entities)


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


def _spread(nlp, pieces: list[tuple[int, int, str]], batch_size: int) -> list[_Part]:
    """Parse one long text's chunks here and in helper processes at once. Each process claims the next
    chunk group (this one from the front, the helpers from the back, through one shared pair of
    bounds) only when it is free, so all finish within about one group of each other, and turns each
    group into parts (_part) as soon as it is parsed: what is left after the parse is the joining
    (_to_parse). The helpers are forked: they start at once with this process's loaded model, settings
    and the text's groups, and run the same pipeline, so the parse is the one a single process gives."""
    groups = list(_groups(pieces, batch_size))
    ctx = multiprocessing.get_context("fork")
    bounds = ctx.Array("q", [0, len(groups) - 1])  # the next group from the front, the next from the back
    parts: dict[int, list[_Part]] = {}
    helpers, readers = [], []
    for _ in range(min(_helpers_wanted(), len(groups) - 1)):
        conn, theirs = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_helper, args=(groups, bounds, theirs, os.getpid()), daemon=True)
        try:
            proc.start()
        except OSError:  # no memory or no process left to fork: this process parses what is left
            break
        finally:
            theirs.close()
        helpers.append(proc)
        # a thread takes in each group a helper sends while this one parses: a helper never waits on it
        readers.append(threading.Thread(target=_receive, args=(conn, parts), daemon=True))
        readers[-1].start()
    try:
        while (i := _claim(bounds, front=True)) is not None:
            parts[i] = _parse_group(nlp, groups[i])
        for reader in readers:
            reader.join()
    finally:
        for proc in helpers:
            proc.join(timeout=1)
            if proc.is_alive():
                proc.kill()
    for i, group in enumerate(groups):
        if i not in parts:  # claimed by a helper that died (OOM kill): parsed here
            parts[i] = _parse_group(nlp, group)
    return [part for i in range(len(groups)) for part in parts[i]]


def _claim(bounds, front: bool) -> int | None:
    """The index of the next unparsed group from the front (or the back), or None when all are taken."""
    with bounds.get_lock():
        lo, hi = bounds[0], bounds[1]
        if lo > hi:
            return None
        if front:
            bounds[0] = lo + 1
            return lo
        bounds[1] = hi - 1
        return hi


def _helper(groups: list, bounds, conn, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the parent, which ends the helpers
    exit_with_parent(parent)
    nlp = load()
    while (i := _claim(bounds, front=False)) is not None:
        conn.send((i, _parse_group(nlp, groups[i])))
    conn.send(None)
    conn.close()


def _receive(conn, parts: dict) -> None:
    try:
        while (msg := conn.recv()) is not None:
            parts[msg[0]] = msg[1]
    except (EOFError, OSError):  # the helper died: the groups it claimed and did not send are redone
        pass
    finally:
        conn.close()


# A parsed chunk as plain values, with offsets and token indices local to the chunk:
# (chunk offset, tokens, sentences, entities), a token (char offset, text, lemma, pos, tag, dep, head,
# entity label, IOB, trailing whitespace), a sentence (first token, one past the last, start and end
# character of its words, whether it has none), an entity (start, end character, text, label, first,
# one past the last token). Small to send from a helper process, and no spaCy Doc outlives its group.
_Part = tuple


def _parse_group(nlp, group: list[tuple[int, int, str]]) -> list[_Part]:
    return [_part(off, doc) for (_, off, _), doc in zip(group, nlp.pipe([c for _, _, c in group],
                                                                       batch_size=len(group)))]


def _part(off: int, doc) -> _Part:
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, IS_SPACE, LEMMA, ORTH, POS, SPACY, TAG

    # the attributes read as columns of ids (spaCy's Token objects and their string properties cost ~5 us
    # a token); each distinct id becomes its string once, interned: one copy of each word and label, not
    # one per token, keeps a 2 MB text's 400k tokens ~100 MB smaller
    import numpy

    cols = doc.to_array([IDX, ORTH, LEMMA, POS, TAG, DEP, ENT_TYPE, ENT_IOB, SPACY, IS_SPACE])
    ids = cols[:, 1:7]
    strings = doc.vocab.strings
    text_of = {h: intern(strings[h]) for h in numpy.unique(ids).tolist()}
    words, lemmas, pos, tags, deps, ents = ([text_of[h] for h in col] for col in ids.T.tolist())
    heads = (doc.to_array([HEAD]).astype("int64") + numpy.arange(len(doc))).tolist()  # HEAD is relative
    tokens = list(zip(cols[:, 0].tolist(), words, lemmas, pos, tags, deps, heads, ents,
                      [_IOB[v] for v in cols[:, 7].tolist()], [" " if v else "" for v in cols[:, 8].tolist()]))
    is_space = cols[:, 9].tolist()
    sentences = []
    for sent in doc.sents:
        # spaCy leaves paragraph breaks inside the sentence around them; a sentence's span is its words
        kept = [j for j in range(sent.start, sent.end) if not is_space[j]]
        first, last = (kept[0], kept[-1]) if kept else (sent.start, sent.start)
        sentences.append((sent.start, sent.end, tokens[first][0], tokens[last][0] + len(tokens[last][1]), not kept))
    entities = [(e.start_char, e.end_char, e.text, e.label_, e.start, e.end) for e in doc.ents]
    return off, tokens, sentences, entities


_IOB = ("", "I", "O", "B")  # spaCy's ENT_IOB values


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


def _to_parse(text: str, parts: list[_Part]) -> Parse:
    """A text's parsed chunks joined into one Parse: offsets and token indices made the text's."""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    for off, toks, sents, ents in parts:
        base = len(tokens)
        for first, last, start, end, blank in sents:
            if blank and sentences and sentences[-1].last == base + first:
                # a paragraph break alone: it belongs to the sentence before it
                sentences[-1] = Sentence(sentences[-1].start, sentences[-1].end, sentences[-1].first, base + last)
            else:
                sentences.append(Sentence(off + start, off + end, base + first, base + last))
            sid = len(sentences) - 1
            for j in range(first, last):
                idx, word, lemma, pos, tag, dep, head, ent, iob, ws = toks[j]
                tokens.append(Token(base + j, off + idx, off + idx + len(word), word, lemma, pos, tag, dep,
                                    base + head, ent, iob, sid, ws))
        for start, end, words, label, first, last in ents:
            entities.append(Entity(off + start, off + end, words, label, base + first, base + last))
    return Parse(text=text, tokens=tokens, sentences=sentences, entities=entities)
