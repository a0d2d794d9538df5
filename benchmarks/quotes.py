"""Direct quotes and speakers on PolNeAR dev (../shared/eval/quotes_polnear_dev.jsonl, 84 articles).

Usage: .venv/bin/python benchmarks/quotes.py [--limit N] [--show-errors N]

Scores with detente.evaluate.quotes (the project's scorer), so the figures are the ones
`detente evaluate` reports. The scorer takes coded quotes with direct=True and scare=False; the quotes
stage sets direct=False on *mixed* quotes, quoted fragments inside the reporter's own sentence
('Washington sees “an opportunity ...”'), which PARC and PolNeAR code as (part of) an indirect
attribution.
- content exact P/R/F1: a coded direct quote whose span, trimmed of marks, punctuation and spaces,
  equals a gold direct-quote part (a quote split by an attribution is scored per part, as PolNeAR's
  `content_fragments` give them);
- content token-overlap P/R/F1: word tokens (by position) inside coded vs gold direct quotes;
- speaker accuracy: over gold direct quotes with a speaker that some coded quote overlaps ("found"),
  and over all of them ("all"); the coded speaker is right when its words overlap the gold speaker
  span, or its actor has a mention there (coreference), or it ends in the same surname.
Speaker accuracy is printed twice: with the actors stage as it stands (`actors.resolve`; its version
is printed) and with a stand-in actors layer built from spaCy PERSON entities (one actor per surname),
which shows the quotes stage once person actors exist (a gold "he" is then matched by the coded
pronoun pointing at the antecedent's actor).
Also printed, as diagnosis: the content scores with mixed quotes counted as direct, and with coded
direct quotes that lie inside a gold indirect/mixed attribution left out of precision. Each article is coded as given
(no cleaning), stages actors -> quotes.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "src"))  # this checkout's detente, not the one installed
GOLD = os.path.join(HERE, "..", "..", "shared", "eval", "quotes_polnear_dev.jsonl")


def actors_version() -> str:
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%h %ad %s", "--date=iso", "--", "src/detente/actors"],
                             cwd=os.path.join(HERE, ".."), capture_output=True, text=True, timeout=10)
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def person_actors(parse):
    """A stand-in actors layer: one person actor per surname among spaCy's PERSON entities.

    Used only to show what the quotes stage does once actors exist (pronoun fallback then points at
    an actor and the pronoun's own words); the real figure is the one with `actors.resolve`."""
    from detente.model import Actor, Span

    by_key = {}
    for e in parse.entities:
        if e.label != "PERSON" or not e.text.split():
            continue
        key = e.text.split()[-1].lower().removesuffix("’s").removesuffix("'s")
        a = by_key.setdefault(key, Actor(id=f"p{len(by_key)}", name=e.text, kind="person"))
        if len(e.text) > len(a.name):
            a.name = e.text
        a.mentions.append(Span(e.start, e.end, e.text))
    return list(by_key.values())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--show-errors", type=int, default=0, help="print N speaker errors and N missed quotes")
    args = ap.parse_args()
    if not os.path.exists(GOLD):
        print(f"no gold file at {GOLD}", file=sys.stderr)
        return 2
    from detente import actors, pipeline, quotes
    from detente.evaluate import read_gold
    from detente.evaluate import quotes as scorer
    from detente.evaluate.spans import overlaps
    from detente.model import Article

    records = read_gold(GOLD, args.limit)
    t0 = time.monotonic()
    parses = list(pipeline.parse_texts([r["text"] for r in records]))  # as the pipeline parses
    t_parse = time.monotonic() - t0
    coded, proxy, warnings = [], [], 0
    t0 = time.monotonic()
    for r, p in zip(records, parses):
        art = Article(id=str(r["id"]), text=r["text"])
        art.actors = actors.resolve(art, p)
        art.quotes = quotes.extract(art, p, art.actors)
        warnings += len(art.warnings)
        coded.append(art)
    t_code = time.monotonic() - t0
    for r, p in zip(records, parses):
        art = Article(id=str(r["id"]), text=r["text"])
        art.actors = person_actors(p)
        art.quotes = quotes.extract(art, p, art.actors)
        proxy.append(art)
    rep = scorer.score(records, coded)
    rep_proxy = scorer.score(records, proxy)

    in_indirect = scare = mixed = 0
    for r, art in zip(records, coded):
        indirect = [q["content"] for q in r.get("quotes") or [] if not q.get("direct")]
        for q in art.quotes:
            scare += q.scare
            mixed += not q.direct and not q.scare
            if q.direct and any(c["start"] <= q.start and q.end <= c["end"] for c in indirect):
                in_indirect += 1

    print(f"gold: {GOLD}  records: {len(records)}  actors: {actors_version()}")
    for k in ("exact", "token_overlap"):
        m = rep[k]
        print(f"content {k:<14} P {100 * m['precision']:5.1f}  R {100 * m['recall']:5.1f}  F1 {100 * m['f1']:5.1f}"
              f"   (tp {m['tp']}, pred {m['pred']}, gold {m['gold']})")
    acc_f, acc_a = rep["speaker_accuracy_found"], rep["speaker_accuracy_all"]
    print(f"speaker accuracy  found {100 * (acc_f or 0):5.1f}  all {100 * (acc_a or 0):5.1f}"
          f"   (gold direct quotes with a speaker: {rep['gold_direct_quotes_with_speaker']})")
    acc_f, acc_a = rep_proxy["speaker_accuracy_found"], rep_proxy["speaker_accuracy_all"]
    print(f"  with PERSON-entity stand-in actors: speaker accuracy found {100 * (acc_f or 0):5.1f}"
          f"  all {100 * (acc_a or 0):5.1f}")
    print(f"coded: mixed quotes (direct=False) {mixed}, scare quotes {scare}, direct quotes inside a gold"
          f" indirect/mixed attribution {in_indirect}; warnings: {warnings}")
    import copy

    def variant(keep, as_direct):
        out = []
        for r, art in zip(records, coded):
            indirect = [q["content"] for q in r.get("quotes") or [] if not q.get("direct")]
            a2 = copy.copy(art)
            a2.quotes = [copy.copy(q) for q in art.quotes if keep(q, indirect)]
            for q in a2.quotes:
                q.direct = q.direct or as_direct
            out.append(a2)
        return scorer.score(records, out)

    # mixed quotes (direct=False) scored as if direct: what the `direct` flag buys against PolNeAR
    rep_all = variant(lambda q, ind: True, True)
    # coded direct quotes lying inside a gold indirect/mixed attribution left out of precision
    rep_len = variant(lambda q, ind: not any(c["start"] <= q.start and q.end <= c["end"] for c in ind), False)
    for name, rp in (("mixed counted as direct", rep_all), ("w/o quotes inside gold indirect", rep_len)):
        for k in ("exact", "token_overlap"):
            m = rp[k]
            print(f"  {name:<32} {k:<14} P {100 * m['precision']:5.1f}  R {100 * m['recall']:5.1f}"
                  f"  F1 {100 * m['f1']:5.1f}")
    print(f"seconds: parse {t_parse:.1f}, actors+quotes {t_code:.1f}")

    if args.show_errors:
        shown_sp = shown_miss = 0
        for r, art in zip(records, coded):
            text = r["text"]
            for g in (q for q in r.get("quotes") or [] if q.get("direct")):
                parts = scorer._parts(g)
                hit = [q for q in art.quotes if not q.scare and any(overlaps(q.start, q.end, s, e) for s, e in parts)]
                gu = (g.get("content_unquoted") or g["content"])["text"]
                if not hit and shown_miss < args.show_errors:
                    shown_miss += 1
                    print(f"MISSED {r['id'][:30]}: {gu[:90]!r}")
                elif hit and g.get("speaker") and shown_sp < args.show_errors and \
                        not any(scorer._speaker_ok(text, g["speaker"], q, art) for q in hit):
                    shown_sp += 1
                    sp = hit[0].speaker
                    print(f"SPEAKER {r['id'][:30]}: gold {g['speaker']['text']!r} coded {sp.text if sp else None!r}"
                          f" cue {hit[0].cue.text if hit[0].cue else None!r}: {gu[:70]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
