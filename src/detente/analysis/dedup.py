"""Deduplication: reports of the same real-world event become one cluster (the rule: docs/store.md).

Clusters are assigned incrementally when an article is stored: each new event is compared only with
stored events in its block (the unordered pair of actors) whose dates can overlap, and joins the best
compatible cluster or founds its own (cluster id = the founding event's id). Nothing is recomputed;
given the same articles in the same order, the clusters are the same.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any, Optional, Sequence

# Codes for acts both sides perform together: reports word them either way round ("A and B clashed").
SYMMETRIC_CODES = ("040", "046", "057", "0871", "19")
UNDATED_SLACK_DAYS = 3  # an undated event is taken to lie within this many days of its report
DAY_SLACK_DAYS = 1  # day-precise dates may differ by one day (time zones, "yesterday" read differently)
SAME_PLACE_KM = 40.0
COARSE_FEATURES = {"country", "admin1", "region", "continent"}
SIM_MIN = 0.12  # evidence similarity (content-word overlap) needed to merge ...
SIM_MIN_SAME_PLACE = 0.04  # ... or this much when both reports name the same town

_STOP = set("""a an the and or but of to in on at by for with from as is are was were be been being it its this
that these those he she they them his her their we our you your i said says say told has have had will would
could should may might can not no also after before over into than then there here who whom which what when
while during against about between amid mr ms mrs new one two three four five six seven eight nine ten
monday tuesday wednesday thursday friday saturday sunday today yesterday week month year night morning
january february march april may june july august september october november december""".split())


def side_key(row: dict, side: str) -> Optional[str]:
    return row.get(f"{side}_country") or row.get(f"{side}_code") or None


def dyad_key(row: dict) -> Optional[str]:
    """The block: the unordered pair of actors ('IND|PAK'); None when neither side is known."""
    a, b = side_key(row, "source"), side_key(row, "target")
    if not a and not b:
        return None
    return "|".join(sorted([a or "", b or ""]))


def _interval(row: dict) -> Optional[tuple[dt.date, dt.date]]:
    start, end = row.get("date_start"), row.get("date_end")
    if start is not None:
        slack = dt.timedelta(days=DAY_SLACK_DAYS if start == end else 0)
        return start - slack, end + slack
    pub = row.get("published")
    if pub is not None:
        slack = dt.timedelta(days=UNDATED_SLACK_DAYS)
        return pub - slack, pub + slack
    return None


def _km(a: dict, b: dict) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _specific(row: dict) -> Optional[str]:
    """The event's own town (or finer), casefolded; None when it has no place or only a coarse one."""
    if row.get("place_feature") in COARSE_FEATURES:
        return None
    name = row.get("place_name") or row.get("place_text")
    return name.casefold() if name else None


def place_match(a: dict, b: dict) -> Optional[bool]:
    """True: same town; None: compatible but not known to be the same; False: different places.

    A report placed only coarsely ("in Pakistan") or not at all still names towns in its sentence
    ("police in Quetta said"): those hints must include the other report's town.
    """
    if a.get("place_country") and b.get("place_country") and a["place_country"] != b["place_country"]:
        return False
    sa, sb = _specific(a), _specific(b)
    if sa and sb:
        if a.get("geonameid") is not None and a.get("geonameid") == b.get("geonameid"):
            return True
        if None not in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
            return _km(a, b) <= SAME_PLACE_KM
        return sa == sb
    if sa or sb:
        town, other = (sa, b) if sa else (sb, a)
        hints = {h.casefold() for h in (other.get("sentence_places") or [])}
        return (town in hints) if hints else None
    return None


def codes_compatible(a: dict, b: dict) -> bool:
    if a.get("cameo_root") and a.get("cameo_root") == b.get("cameo_root"):
        return True
    return bool(a.get("plover")) and a.get("plover") == b.get("plover")


def _symmetric(code: Optional[str]) -> bool:
    return bool(code) and code.startswith(SYMMETRIC_CODES)


def direction_compatible(a: dict, b: dict) -> bool:
    same = (side_key(a, "source"), side_key(a, "target")) == (side_key(b, "source"), side_key(b, "target"))
    if same:
        return True
    flipped = (side_key(a, "source"), side_key(a, "target")) == (side_key(b, "target"), side_key(b, "source"))
    return flipped and (_symmetric(a.get("cameo")) or _symmetric(b.get("cameo")))


def words(text: str) -> set[str]:
    # Five-letter prefixes stand in for stems: "attacked", "attacks" and "attackers" meet at "attac".
    return {w[:5] for w in re.findall(r"[a-z]+", (text or "").lower()) if len(w) > 2 and w not in _STOP}


def similarity(a: dict, b: dict) -> float:
    wa, wb = words(a.get("evidence") or ""), words(b.get("evidence") or "")
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def compatible(a: dict, b: dict) -> bool:
    """The hard gates: same dyad and direction, compatible codes, overlapping dates, no clash of places."""
    if a.get("article_id") == b.get("article_id"):
        return False  # the coder already merged what one article says twice; its distinct events stay distinct
    if dyad_key(a) != dyad_key(b) or dyad_key(a) is None or not direction_compatible(a, b):
        return False
    if not codes_compatible(a, b):
        return False
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None or ia[1] < ib[0] or ib[1] < ia[0]:
        return False
    return place_match(a, b) is not False


def score(new: dict, members: list[dict]) -> Optional[float]:
    """How well `new` fits a cluster (every member must pass the gates); None when it does not fit."""
    best = None
    for m in members:
        if not compatible(new, m):
            return None
        s = similarity(new, m)
        need = SIM_MIN_SAME_PLACE if place_match(new, m) else SIM_MIN
        if s >= need:
            s += 1.0 if new.get("cameo") == m.get("cameo") else 0.0
            best = s if best is None else max(best, s)
    return best


_CANDIDATES = """
SELECT event_id, article_id, cluster_id, dyad_key, source_country, source_code, target_country, target_code,
       cameo, cameo_root, plover, date_start, date_end, published, place_text, place_name, place_country,
       place_feature, lat, lon, geonameid, sentence_places, evidence
FROM events
WHERE cluster_id IN (
    SELECT DISTINCT cluster_id FROM events
    WHERE dyad_key IN ({keys}) AND NOT negated AND coalesce(date_end, published + {u}) >= ?::DATE
                       AND coalesce(date_start, published - {u}) <= ?::DATE)
   OR list_contains(?::VARCHAR[], cluster_id)
ORDER BY cluster_id, event_id
"""


def assign_clusters(con, rows: list[dict[str, Any]], pending: Sequence[dict[str, Any]] = ()) -> None:
    """Set `cluster_id` on the event rows of one article about to be stored (inside its transaction).

    One query fetches every stored cluster that could hold any of the article's events (by block and
    date window); each event then joins the best one it fits. `pending`: event rows of articles ahead
    of this one in the same write, not yet in the table; they count as stored.
    """
    todo = []
    for row in rows:
        row["cluster_id"] = row["event_id"]
        window = _interval(row)
        # Negated events are not reports of an event; they never merge.
        if row.get("dyad_key") is not None and window is not None and not row.get("negated"):
            todo.append((row, window))
    if not todo:
        return
    keys = sorted({r["dyad_key"] for r, _ in todo})
    lo, hi = min(w[0] for _, w in todo), max(w[1] for _, w in todo)
    near = sorted({p["cluster_id"] for p in pending if p.get("dyad_key") in keys and _in_window(p, lo, hi)})
    cur = con.execute(_CANDIDATES.format(keys=", ".join("?" for _ in keys), u=UNDATED_SLACK_DAYS),
                      keys + [lo, hi, near])
    got = cur.fetchall()
    cols = [d[0] for d in cur.description]
    clusters: dict[str, list[dict]] = {}
    for r in got:
        m = dict(zip(cols, r))
        clusters.setdefault(m["cluster_id"], []).append(m)
    for cid in near:
        clusters.setdefault(cid, [])
    for p in pending:
        if p["cluster_id"] in clusters:
            clusters[p["cluster_id"]].append(p)
    taken: set[str] = set()  # one article contributes at most one event to a cluster
    for row, _ in todo:
        best, best_id = None, None
        for cid in sorted(clusters):
            if cid in taken or clusters[cid][0]["dyad_key"] != row["dyad_key"]:
                continue
            s = score(row, clusters[cid])
            if s is not None and (best is None or s > best):
                best, best_id = s, cid
        if best_id is not None:
            row["cluster_id"] = best_id
            taken.add(best_id)


def _in_window(row: dict, lo: dt.date, hi: dt.date) -> bool:
    """The candidate query's date test, for a row not yet in the table."""
    if row.get("negated"):
        return False
    slack = dt.timedelta(days=UNDATED_SLACK_DAYS)
    pub = row.get("published")
    end = row.get("date_end") or (pub + slack if pub else None)
    start = row.get("date_start") or (pub - slack if pub else None)
    return end is not None and start is not None and end >= lo and start <= hi
