"""Quotes: direct-quote content P/R/F1 by exact span and by token overlap, and speaker accuracy.

Gold direct quotes are compared without their quotation marks (`content_unquoted`, or the parts in
`content_fragments`). Exact: a coded quote whose span, trimmed of punctuation and spaces, equals a gold
part trimmed the same way. Overlap: bags of word tokens keyed by position. Speaker: for each gold
direct quote that some coded quote overlaps, the coded speaker is right when its words overlap the
gold speaker span, or when its actor has a mention there (coreference), or names the same surname.
"""
from __future__ import annotations

from ..model import Article
from .spans import overlaps, prf, word_positions

_TRIM = " \t\n\"'“”‘’«»,.;:!?—–-"


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


def _parts(q: dict) -> list[tuple[int, int]]:
    frags = q.get("content_fragments") or [q.get("content_unquoted") or q["content"]]
    return [(f["start"], f["end"]) for f in frags]


def _speaker_ok(text: str, gold_sp: dict, quote, art: Article) -> bool:
    sp = quote.speaker
    if sp is None or gold_sp is None:
        return False
    if overlaps(sp.start, sp.end, gold_sp["start"], gold_sp["end"]):
        return True
    actor = next((a for a in art.actors if a.id == sp.actor), None) if sp.actor else None
    if actor and any(overlaps(m.start, m.end, gold_sp["start"], gold_sp["end"]) for m in actor.mentions):
        return True
    gold_last = gold_sp["text"].split()[-1].lower() if gold_sp["text"].split() else ""
    names = [(actor.name if actor else ""), sp.text]
    return bool(gold_last) and any(n.split() and n.split()[-1].lower() == gold_last for n in names)


def score(records: list[dict], coded: list[Article]) -> dict:
    exact_tp = n_pred = n_gold_parts = 0
    tok_tp = tok_pred = tok_gold = 0
    sp_seen = sp_ok = sp_gold = 0
    for rec, art in zip(records, coded):
        text = rec["text"]
        gold = [q for q in rec.get("quotes") or [] if q.get("direct")]
        preds = [q for q in art.quotes if q.direct and not q.scare]
        gold_parts = {_trim(text, s, e) for q in gold for s, e in _parts(q)}
        pred_spans = {_trim(text, q.start, q.end) for q in preds}
        n_gold_parts += len(gold_parts)
        n_pred += len(pred_spans)
        exact_tp += len(gold_parts & pred_spans)
        gtok = set().union(*[word_positions(text, s, e) for q in gold for s, e in _parts(q)]) if gold else set()
        ptok = set().union(*[word_positions(text, q.start, q.end) for q in preds]) if preds else set()
        tok_gold += len(gtok)
        tok_pred += len(ptok)
        tok_tp += len(gtok & ptok)
        for g in gold:
            if not g.get("speaker"):
                continue
            sp_gold += 1
            hit = [q for q in preds if any(overlaps(q.start, q.end, s, e) for s, e in _parts(g))]
            if hit:
                sp_seen += 1
                sp_ok += any(_speaker_ok(text, g["speaker"], q, art) for q in hit)
    return {
        "exact": prf(exact_tp, n_pred, n_gold_parts),
        "token_overlap": prf(tok_tp, tok_pred, tok_gold),
        "speaker_accuracy_found": round(sp_ok / sp_seen, 4) if sp_seen else None,
        "speaker_accuracy_all": round(sp_ok / sp_gold, 4) if sp_gold else None,
        "gold_direct_quotes_with_speaker": sp_gold,
    }
