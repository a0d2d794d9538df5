"""Named PER/ORG/GPE mention precision/recall/F1 of the actors stage on m2e2 DEV (VOA sentences).

    .venv/bin/python benchmarks/entities.py [--limit N]

Gold: ../shared/eval/m2e2_dev.jsonl entities of type PER, ORG, GPE flagged `name_like` (a heuristic
flag: ACE also annotates nominals and pronouns, which are not names).

How actor mentions map to ACE types (ACE marks the name, not the title or the noun it modifies):
  person names                 -> PER, on the name only ("Marco Rubio" in "US Secretary of State
                                  Marco Rubio"); a country before the title -> GPE ("US")
  countries, demonyms, capitals used for governments -> GPE ("Pakistan", "Pakistani", "Islamabad")
  country + sector body        -> GPE on the country part ("US" in "US soldiers"); the body is nominal
  organisations, armed groups, seats of power, unknown NER organisations -> ORG
  capitalised bodies ("U.S. Supreme Court") -> ORG on the whole mention (and GPE on the country)
  role nouns, pronouns, lower-case bodies ("troops", "US soldiers") -> not names, left out
Sentences of one article are joined (in order) so that coreference ("Rubio" after "Marco Rubio") has
its context, as it has in real use. Line "actors+places" adds the places stage's toponyms not covered by an actor
as GPE (cities and
regions are places, not actors). Baseline: the spaCy model's own NER (PERSON->PER, ORG->ORG,
GPE/NORP->GPE), measured in the same run. Scores: exact span, and overlap (one-to-one, same type).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "src"))

from detente import nlp  # noqa: E402
from detente.actors import lexicon as lexicon_mod  # noqa: E402
from detente.actors.coref import build_actors  # noqa: E402
from detente.actors.recognize import recognize  # noqa: E402
from detente.model import Article  # noqa: E402

GOLD = os.path.join(ROOT, "..", "shared", "eval", "m2e2_dev.jsonl")
TYPES = ("PER", "ORG", "GPE")
NER_TYPE = {"PERSON": "PER", "ORG": "ORG", "GPE": "GPE", "NORP": "GPE"}


def actor_spans(art: Article, parse, lex) -> set[tuple[int, int, str]]:
    mentions = recognize(art, parse, lex)
    art.actors = build_actors(mentions, parse, lex, art.published)  # adds surname mentions to `mentions`
    out = set()
    for m in mentions:
        pre = m.extra.get("prefix_span")
        if m.type == "person":
            s, e = m.extra.get("name_span", (m.start, m.end))
            out.add((s, e, "PER"))
            if pre:
                out.add((*pre, "GPE" if m.country else "ORG"))
        elif m.type in ("country", "gov"):
            seat = m.entry is not None and m.entry.type == "seat"
            out.add((m.start, m.end, "ORG" if seat else "GPE"))
        elif m.type == "body":
            if pre:
                out.add((*pre, "GPE"))
            s, e = m.extra.get("body_span", (m.start, m.end))
            if art.text[s:e].istitle():  # "U.S. Supreme Court": a capitalised body is a name
                out.add((m.start, m.end, "ORG"))
        elif m.type == "org":
            out.add((*(pre or (m.start, m.end)), "ORG"))
    return out


def place_spans(art: Article, parse, taken) -> set[tuple[int, int, str]]:
    try:
        from detente import places
    except ImportError:
        return set()
    out = set()
    for p in places.resolve(art, parse, art.actors) or []:
        if p.role == "dateline":
            continue
        if not any(s < p.end and p.start < e for s, e, _ in taken):
            out.add((p.start, p.end, "GPE"))
    return out


def ner_spans(parse) -> set[tuple[int, int, str]]:
    return {(e.start, e.end, NER_TYPE[e.label]) for e in parse.entities if e.label in NER_TYPE}


def group(recs: list[dict]) -> list[dict]:
    """Sentences of one article joined in order, so coreference has the article to work with.

    Upstream sentences lack their final character; each gets '.' and a line break. Gold offsets are
    moved into the joined text; predictions that cross a sentence boundary are dropped."""
    by_doc: dict[str, list[dict]] = {}
    for r in recs:
        by_doc.setdefault(r.get("doc_id") or r["id"], []).append(r)
    docs = []
    for doc_id, rs in by_doc.items():
        rs.sort(key=lambda r: r.get("sent_index", 0))
        text, gold, sentences = "", set(), []
        for r in rs:
            off = len(text)
            sentences.append((off, off + len(r["text"])))
            gold |= {(g["start"] + off, g["end"] + off, g["type"]) for g in r.get("entities") or []
                     if g.get("type") in TYPES and g.get("name_like")}
            text += r["text"] + ".\n"
        docs.append({"id": doc_id, "text": text, "gold": gold, "sentences": sentences, "date": rs[0].get("date")})
    return docs


def match(gold: set, pred: set) -> tuple[int, int]:
    """(exact, overlap) true positives; overlap pairs one gold with one prediction of the same type."""
    exact = len(gold & pred)
    used, overlap = set(), 0
    for g in sorted(gold):
        for p in sorted(pred):
            if p in used or p[2] != g[2]:
                continue
            if p[0] < g[1] and g[0] < p[1]:
                used.add(p)
                overlap += 1
                break
    return exact, overlap


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", type=int, default=0, help="print N missed/spurious examples")
    args = ap.parse_args()
    with open(GOLD, encoding="utf-8") as f:
        recs = [json.loads(line) for line in f]
    if args.limit:
        recs = recs[:args.limit]
    lex = lexicon_mod.load()
    systems = ("spaCy NER (baseline)", "actors", "actors+places")
    counts = {s: {t: Counter() for t in TYPES} for s in systems}
    errors: list[str] = []
    t0 = time.time()
    docs = group(recs)
    parses = nlp.parse_many([d["text"] for d in docs], batch_size=64)
    for doc, parse in zip(docs, parses):
        gold = doc["gold"]
        art = Article(id=doc["id"], text=doc["text"], published=doc["date"])
        ours = actor_spans(art, parse, lex)
        preds = {systems[0]: ner_spans(parse), systems[1]: ours,
                 systems[2]: ours | place_spans(art, parse, ours)}
        inside = doc["sentences"]
        preds = {k: {x for x in v if any(a <= x[0] and x[1] <= b for a, b in inside)} for k, v in preds.items()}
        rec = doc
        for s, pred in preds.items():
            for t in TYPES:
                g = {x for x in gold if x[2] == t}
                p = {x for x in pred if x[2] == t}
                ex, ov = match(g, p)
                c = counts[s][t]
                c["gold"] += len(g)
                c["pred"] += len(p)
                c["exact"] += ex
                c["overlap"] += ov
        if args.errors and len(errors) < args.errors:
            for x in sorted(gold - preds[systems[2]]):
                errors.append(f"MISS {x[2]} {rec['text'][x[0]:x[1]]!r}")
            for x in sorted(preds[systems[2]] - gold):
                errors.append(f"SPUR {x[2]} {rec['text'][x[0]:x[1]]!r}")
    secs = time.time() - t0
    print(f"m2e2 DEV: {len(recs)} sentences in {len(docs)} articles (sentences joined per article), "
          f"named PER/ORG/GPE gold mentions (name_like), {secs:.0f}s")
    print(f"{'system':22} {'type':4} {'gold':>5} {'pred':>5}   exact P/R/F1        overlap P/R/F1")
    for s in systems:
        tot = Counter()
        for t in (*TYPES, "all"):
            c = counts[s][t] if t != "all" else tot
            if t != "all":
                tot.update(c)
            pe, re_, fe = prf(c["exact"], c["pred"], c["gold"])
            po, ro, fo = prf(c["overlap"], c["pred"], c["gold"])
            print(f"{s:22} {t:4} {c['gold']:5d} {c['pred']:5d}   {pe:.3f}/{re_:.3f}/{fe:.3f}"
                  f"   {po:.3f}/{ro:.3f}/{fo:.3f}")
    base = prf(sum(counts[systems[0]][t]["exact"] for t in TYPES), sum(counts[systems[0]][t]["pred"] for t in TYPES),
               sum(counts[systems[0]][t]["gold"] for t in TYPES))[2]
    ours = prf(sum(counts[systems[2]][t]["exact"] for t in TYPES), sum(counts[systems[2]][t]["pred"] for t in TYPES),
               sum(counts[systems[2]][t]["gold"] for t in TYPES))[2]
    print(f"exact F1 actors+places / spaCy NER baseline: {ours / base if base else 0:.2f}x")
    for line in errors[:args.errors]:
        print(line)


if __name__ == "__main__":
    main()
