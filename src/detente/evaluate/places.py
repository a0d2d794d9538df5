"""Places: toponym recall, country-correct, share within 161 km (100 miles) and median error.

Gold items count when they carry coordinates (toponyms the annotators could ground). A coded place
matches a gold item when their spans overlap. Country-correct uses the gold country when the gold
gives one (ISO alpha-2, compared through pycountry's exact lookup).
"""
from __future__ import annotations

import statistics
from collections import defaultdict

from ..geodesy import distance_km
from ..model import Article
from .spans import overlaps

WITHIN_KM = 161.0


def _iso3(alpha2: str | None) -> str | None:
    if not alpha2:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_2=alpha2.upper())
    return c.alpha_3 if c else None


def score(records: list[dict], coded: list[Article]) -> dict:
    by_source = defaultdict(lambda: {"gold": 0, "found": 0, "with_country": 0, "country_ok": 0, "errors": []})
    n_pred = n_pred_ok = 0
    for rec, art in zip(records, coded):
        s = by_source[rec.get("source") or "all"]
        gold_all = rec.get("places") or []
        n_pred += len(art.places)
        n_pred_ok += sum(any(overlaps(p.start, p.end, g["start"], g["end"]) for g in gold_all) for p in art.places)
        for g in gold_all:
            if g.get("lat") is None or g.get("lon") is None:
                continue
            s["gold"] += 1
            hit = next((p for p in art.places if overlaps(p.start, p.end, g["start"], g["end"])), None)
            if hit is None:
                continue
            s["found"] += 1
            want = _iso3(g.get("country"))
            if want:
                s["with_country"] += 1
                s["country_ok"] += hit.country == want
            if hit.lat is not None and hit.lon is not None:
                s["errors"].append(distance_km(g["lat"], g["lon"], hit.lat, hit.lon))
            else:
                s["errors"].append(float("inf"))

    def summary(parts) -> dict:
        gold = sum(p["gold"] for p in parts)
        found = sum(p["found"] for p in parts)
        wc = sum(p["with_country"] for p in parts)
        ok = sum(p["country_ok"] for p in parts)
        errs = [e for p in parts for e in p["errors"]]
        return {"gold_toponyms": gold, "recall": round(found / gold, 4) if gold else None,
                "country_correct": round(ok / wc, 4) if wc else None,
                "within_161km": round(sum(e <= WITHIN_KM for e in errs) / len(errs), 4) if errs else None,
                "median_error_km": round(statistics.median(errs), 1) if errs else None}

    out = {"overall": summary(list(by_source.values()))}
    out.update({src: summary([p]) for src, p in sorted(by_source.items())})
    out["precision_overlap_any_gold"] = round(n_pred_ok / n_pred, 4) if n_pred else None
    return out
