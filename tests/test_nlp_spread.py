"""A long text parsed in the main process is spread over helper processes (nlp.SPREAD_CHARS): the parse
must be the one a single process gives, token for token."""
from __future__ import annotations

from detente import nlp

PARAGRAPHS = [
    "Pakistan's army said on Tuesday that India had not attacked its posts near Kashmir, officials said.",
    "ISLAMABAD, May 10 (Reuters) - Prime Minister Shehbaz Sharif met the Chinese ambassador in Islamabad "
    "and asked Beijing to help end the fighting. \"We will defend every inch,\" he told reporters.",
    "The United Nations Security Council called for restraint. Russia and the United States urged both "
    "sides to talk; Iran offered to mediate between New Delhi and Islamabad on Wednesday.",
    "Hundreds of people fled villages along the Line of Control after shelling overnight\nkilled three "
    "civilians in Poonch, the police said in a statement.",
]


def _text(n_chars: int) -> str:
    parts, size, k = [], 0, 0
    while size < n_chars:
        parts.append(f"{k}. " + PARAGRAPHS[k % len(PARAGRAPHS)])
        size += len(parts[-1]) + 2
        k += 1
    return "\n\n".join(parts)


def test_a_spread_parse_is_the_one_process_parse(monkeypatch):
    # small chunks and groups: a 30k-character text becomes ~15 groups, most of them parsed by a helper
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 1_000)
    monkeypatch.setattr(nlp, "BATCH_CHARS", 2_000)
    monkeypatch.setattr(nlp, "SPREAD_CHARS", 10_000)
    here = []  # the groups parsed in this process (a forked helper counts in its own memory)
    parse_group = nlp._parse_group
    monkeypatch.setattr(nlp, "_parse_group", lambda model, group: here.append(group) or parse_group(model, group))
    text = _text(30_000)
    short = PARAGRAPHS[1]
    monkeypatch.setattr(nlp, "_helpers_wanted", lambda: 0)
    alone = list(nlp.parse_many([short, text, short]))
    groups = len(here)
    here.clear()
    monkeypatch.setattr(nlp, "_helpers_wanted", lambda: 1)
    spread = list(nlp.parse_many([short, text, short]))
    assert groups > 10 and len(here) <= groups - 3  # groups went to the helper (it takes them from the end)
    assert len(nlp._chunks(text)) > 20
    assert spread == alone  # every token (offsets, tags, heads, entity labels), sentence and entity
    assert [t.text for t in spread[1].tokens][:3] == ["0", ".", "Pakistan"]
    assert any(e.label == "GPE" for e in spread[1].entities) and len(spread[1].sentences) > 100


def test_only_the_main_process_spreads():
    import threading

    seen = []
    t = threading.Thread(target=lambda: seen.append(nlp._helpers_wanted()))
    t.start()
    t.join()
    assert seen == [0]  # a thread (Dask's workers code in threads) parses alone


def test_the_groups_of_a_helper_that_dies_are_parsed_here(monkeypatch):
    import os

    monkeypatch.setattr(nlp, "CHUNK_CHARS", 1_000)
    monkeypatch.setattr(nlp, "BATCH_CHARS", 2_000)
    monkeypatch.setattr(nlp, "SPREAD_CHARS", 10_000)
    text = _text(20_000)
    monkeypatch.setattr(nlp, "_helpers_wanted", lambda: 0)
    alone = nlp.parse(text)
    parent, parse_group = os.getpid(), nlp._parse_group

    def killed_in_a_helper(model, group):
        if os.getpid() != parent:  # the helper dies (as an OOM kill would end it) on its first group
            os._exit(1)
        return parse_group(model, group)

    monkeypatch.setattr(nlp, "_parse_group", killed_in_a_helper)
    monkeypatch.setattr(nlp, "_helpers_wanted", lambda: 1)
    assert nlp.parse(text) == alone
