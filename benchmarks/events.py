"""Event coding against the wire-sentence gold (PETRARCH-2 validation) and ACE event detection (m2e2).

    .venv/bin/python benchmarks/events.py [--m2e2-limit N] [--show-errors]

PETR2 (../shared/eval/events_petr2_gsr.jsonl, 78 sentences, 80 gold events, 12 sentences with none):
each gold event is aligned one-to-one with the best predicted (non-negated) event of its sentence;
an unaligned gold event counts wrong on every field. Reported: triple accuracy (source country, CAMEO
root, target country), exact CAMEO code, PLOVER type (gold events with a PLOVER type), source and
target country (gold events naming a country on that side), per-root confusion, and the events
predicted for sentences whose gold says there is none; then the headline figures again under
PETRARCH's location-as-target convention (DETENTE_PLACE_AS_TARGET=1), which the gold follows and
detente does not by default.

m2e2 (../shared/eval/m2e2_dev.jsonl, VOA sentences, ACE events): detection recall/precision for the
ACE types that map to CAMEO roots, on triggers (the lexicon alone) and on coded events (with
actors). A detection is a trigger overlapping the gold trigger with a compatible root; precision
counts only our triggers of those roots.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from detente import nlp, pipeline  # noqa: E402
from detente.events import lexicon as ev_lexicon, triggers  # noqa: E402
from detente.model import Article  # noqa: E402
from detente.settings import ENV_VARS, current, use  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
PLACE_ENV = ENV_VARS["place_as_target"]
ACE_ROOTS = {
    "Conflict:Attack": ("18", "19", "20"),
    "Life:Die": ("18", "19", "20"),
    "Contact:Meet": ("04",),
    "Justice:Arrest-Jail": ("173",),
    "Conflict:Demonstrate": ("14",),
    "Transaction:Transfer-Money": ("07",),
}
DETECT_ROOTS = ("04", "07", "14", "173", "18", "19", "20")


def read(name):
    with open(EVAL / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def code(records):
    arts = [Article(id=r["id"], text=r["text"].replace("\n", " "), published=r.get("date")) for r in records]
    return list(pipeline.code_articles(arts))


def side(actors):
    return actors[0].get("country") if actors else None


def align(gold, pred):
    """Greedy one-to-one alignment of gold events with predicted events, best agreement first."""
    def score(g, p):
        s_root = (p.cameo or "")[:2] == (g.get("cameo") or "")[:2]
        return (4 * s_root + 2 * ((p.source and p.source.country) == side(g["source_actors"]))
                + 2 * ((p.target and p.target.country) == side(g["target_actors"])) + (p.plover == g.get("event")))
    pairs = sorted(((score(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)), reverse=True)
    used_g, used_p, out = set(), set(), {}
    for s, gi, pi in pairs:
        if gi in used_g or pi in used_p or s == 0:
            continue
        used_g.add(gi), used_p.add(pi)
        out[gi] = pred[pi]
    return out


def petr2(show_errors, place_as_target=False):
    recs = read("events_petr2_gsr.jsonl")
    t0 = time.perf_counter()
    with use(current().with_options(place_as_target=place_as_target)):
        coded = code(recs)
    secs = time.perf_counter() - t0
    if place_as_target:  # the same figures under PETRARCH's convention, for comparison only
        print(f"PETR2 with place-as-target (PETRARCH convention, {PLACE_ENV}=1, not the default):")
    n = Counter()
    confusion = defaultdict(Counter)
    errors = []
    for r, art in zip(recs, coded):
        pred = [e for e in art.events if not e.negated]
        if r.get("noevents") or not r.get("events"):
            n["noevent_sents"] += 1
            n["noevent_preds"] += len(pred)
            n["noevent_sents_with_pred"] += bool(pred)
            continue
        al = align(r["events"], pred)
        for gi, g in enumerate(r["events"]):
            p = al.get(gi)
            groot, gsrc, gtgt = (g["cameo"] or "")[:2], side(g["source_actors"]), side(g["target_actors"])
            n["gold"] += 1
            proot = (p.cameo[:2] if p else "--")
            psrc = p.source.country if p and p.source else None
            ptgt = p.target.country if p and p.target else None
            confusion[groot][proot] += 1
            n["triple"] += bool(p) and (gsrc, groot, gtgt) == (psrc, proot, ptgt)
            n["exact"] += bool(p) and p.cameo == g["cameo"]
            n["root"] += bool(p) and proot == groot
            if g.get("event"):
                n["plover_gold"] += 1
                n["plover"] += bool(p) and p.plover == g["event"]
            found = {a.country for a in art.actors}  # what the actors stage made available
            if gsrc:
                n["src_gold"] += 1
                n["src"] += psrc == gsrc
                n["src_avail"] += gsrc in found
            if gtgt:
                n["tgt_gold"] += 1
                n["tgt"] += ptgt == gtgt
                n["tgt_avail"] += gtgt in found
            if show_errors and not (bool(p) and (gsrc, groot, gtgt) == (psrc, proot, ptgt)):
                errors.append(f"  gold {gsrc}-{g['cameo']}-{gtgt}  got {psrc}-{p.cameo if p else None}-{ptgt}"
                              f"  | {r['text'][:110]!r}")
        n["pred_in_event_sents"] += len(pred)
    def pct(a, b):
        return f"{100 * n[a] / max(1, n[b]):5.1f}% ({n[a]}/{n[b]})"

    if place_as_target:
        print(f"  triple {pct('triple', 'gold')}, PLOVER {pct('plover', 'plover_gold')}, "
              f"source {pct('src', 'src_gold')}, target {pct('tgt', 'tgt_gold')}")
        return
    print(f"PETR2 wire sentences: {len(recs)} sentences, {n['gold']} gold events, coded in {secs:.1f}s")
    print(f"  triple accuracy (source country, CAMEO root, target country): {pct('triple', 'gold')}")
    print(f"  CAMEO exact code:        {pct('exact', 'gold')}")
    print(f"  CAMEO root:              {pct('root', 'gold')}")
    print(f"  PLOVER type:             {pct('plover', 'plover_gold')}")
    print(f"  source country:          {pct('src', 'src_gold')}")
    print(f"  target country:          {pct('tgt', 'tgt_gold')}")
    print(f"  ceiling set by the actors stage (gold country among the sentence's actors): "
          f"source {pct('src_avail', 'src_gold')}, target {pct('tgt_avail', 'tgt_gold')}")
    print(f"  predicted events in event sentences: {n['pred_in_event_sents']}; "
          f"in the {n['noevent_sents']} no-event sentences: {n['noevent_preds']} "
          f"({n['noevent_sents_with_pred']} sentences with any)")
    print("  per-root confusion (gold root: predicted root counts; -- = no aligned event):")
    for groot in sorted(confusion):
        row = ", ".join(f"{k}:{v}" for k, v in confusion[groot].most_common())
        print(f"    {groot}: {row}")
    if errors:
        print("  errors:")
        print("\n".join(errors))


def m2e2(limit):
    recs = read("m2e2_dev.jsonl")
    if limit:
        recs = recs[:limit]
    lex = ev_lexicon.load()
    t0 = time.perf_counter()
    texts = [r["text"] for r in recs]
    parses = list(nlp.parse_many(texts))
    n = Counter()
    per_type = defaultdict(Counter)
    arts = []
    for r, parse in zip(recs, parses):
        art = Article(id=r["id"], text=r["text"], published=r.get("date"))
        arts.append(pipeline.code_parsed(art, parse))
        gold = [e for e in r.get("ace_events") or [] if e["type"] in ACE_ROOTS and e.get("trigger")]
        trigs = [t for t in triggers.find(parse, lex) if t.code.startswith(DETECT_ROOTS)]
        tspans = [(parse.tokens[t.i].start, parse.tokens[t.i].end, t.code) for t in trigs]
        espans = [(e.trigger.start, e.trigger.end, e.cameo) for e in art.events
                  if not e.negated and e.cameo.startswith(DETECT_ROOTS)]
        for level, spans in (("trigger", tspans), ("event", espans)):
            hit_pred = set()
            for g in gold:
                gs, ge = g["trigger"]["start"], g["trigger"]["end"]
                ok = [k for k, (s, e, c) in enumerate(spans) if s < ge and gs < e and c.startswith(ACE_ROOTS[g["type"]])]
                n[f"{level}_gold"] += 1
                n[f"{level}_found"] += bool(ok)
                per_type[g["type"]][f"{level}_found"] += bool(ok)
                per_type[g["type"]]["gold"] += level == "trigger"
                hit_pred.update(ok)
            n[f"{level}_pred"] += len(spans)
            n[f"{level}_pred_ok"] += len(hit_pred)
    secs = time.perf_counter() - t0
    print(f"m2e2 VOA sentences: {len(recs)} sentences, {n['trigger_gold']} gold events of the mapped ACE types, {secs:.1f}s")
    for level in ("trigger", "event"):
        r = n[f"{level}_found"] / max(1, n[f"{level}_gold"])
        p = n[f"{level}_pred_ok"] / max(1, n[f"{level}_pred"])
        f = 2 * p * r / max(1e-9, p + r)
        print(f"  {level:7s} recall {100 * r:5.1f}% ({n[f'{level}_found']}/{n[f'{level}_gold']})  "
              f"precision {100 * p:5.1f}% ({n[f'{level}_pred_ok']}/{n[f'{level}_pred']})  F1 {100 * f:5.1f}%")
    for ty, c in sorted(per_type.items()):
        print(f"    {ty:28s} gold {c['gold']:4d}  trigger recall {100 * c['trigger_found'] / max(1, c['gold']):5.1f}%  "
              f"event recall {100 * c['event_found'] / max(1, c['gold']):5.1f}%")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--m2e2-limit", type=int, default=0, help="only the first N m2e2 sentences")
    ap.add_argument("--show-errors", action="store_true", help="list the PETR2 gold events not matched")
    ap.add_argument("--skip-m2e2", action="store_true")
    args = ap.parse_args()
    if not EVAL.exists():
        sys.exit(f"no evaluation data at {EVAL}")
    petr2(args.show_errors)
    petr2(False, place_as_target=True)
    if not args.skip_m2e2:
        m2e2(args.m2e2_limit)


if __name__ == "__main__":
    main()
