"""Span arithmetic shared by the scorers."""
from __future__ import annotations

import re

WORD = re.compile(r"\w+")


def overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return min(a1, b1) > max(a0, b0)


def word_positions(text: str, start: int, end: int) -> set[int]:
    """Start offsets of the word tokens inside [start, end): a bag of tokens keyed by position."""
    return {start + m.start() for m in WORD.finditer(text[start:end])}


def prf(tp: float, n_pred: float, n_gold: float) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred, "gold": n_gold}
