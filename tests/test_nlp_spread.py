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


class _CountingPool(nlp.ProcessPoolExecutor):
    submitted = 0

    def submit(self, *args, **kwargs):
        type(self).submitted += 1
        return super().submit(*args, **kwargs)


def test_a_spread_parse_is_the_one_process_parse(monkeypatch):
    # small chunks and groups: a 30k-character text becomes ~15 groups, most of them parsed by a helper
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 1_000)
    monkeypatch.setattr(nlp, "BATCH_CHARS", 2_000)
    monkeypatch.setattr(nlp, "SPREAD_CHARS", 10_000)
    monkeypatch.setattr(nlp, "ProcessPoolExecutor", _CountingPool)
    text = _text(30_000)
    short = PARAGRAPHS[1]
    monkeypatch.setattr(nlp, "_helpers_wanted", lambda: 0)
    alone = list(nlp.parse_many([short, text, short]))
    assert _CountingPool.submitted == 0
    monkeypatch.setattr(nlp, "_helpers_wanted", lambda: 1)
    spread = list(nlp.parse_many([short, text, short]))
    assert _CountingPool.submitted >= 3  # groups went to the helper (it takes them from the end)
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
