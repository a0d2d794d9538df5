"""Why an event query matched nothing, in one line, with the nearest codes the store does hold.

An analyst who asks for `--actor TUR --since 2026` and gets no rows needs to know which filter emptied
the result: a code the store never saw, a window outside the stored dates, or filters that each match
but not together.
"""
from __future__ import annotations

import difflib
from typing import Optional

from ..store import filters as event_filters

# the filters a user sets, as the CLI names them
OPTION = {"actor": "--actor", "dyad": "--dyad", "cameo": "--cameo", "plover": "--plover", "start": "--since",
          "end": "--until", "modality": "--modality", "place": "--place", "article": "--article"}


def _count(store, **filters) -> int:
    conds, params = event_filters.filters(**filters)
    where = ("WHERE " + " AND ".join(conds)) if conds else ""
    return int(store.sql(f"SELECT count(*) AS n FROM events {where}", params)["n"].iloc[0])


def actor_codes(store) -> list[str]:
    """Countries and actor codes on either side of the stored events, most frequent first."""
    df = store.sql("SELECT c, count(*) AS n FROM (SELECT unnest([source_country, source_code, target_country, "
                   "target_code]) AS c FROM events) WHERE c IS NOT NULL GROUP BY c ORDER BY n DESC, c LIMIT 2000")
    return list(df["c"])


def nearest_actors(store, term: str, n: int = 4) -> list[str]:
    codes = actor_codes(store)
    t = term.upper()
    near = [c for c in codes if c.startswith(t[:3])][:n] or difflib.get_close_matches(t, codes, n=n, cutoff=0.5)
    return near or codes[:n]


def _shown(key: str, value) -> str:
    if key == "dyad":
        return f"{OPTION[key]} {' '.join(value)}"
    return f"{OPTION[key]} {value}"


def why_empty(store, filters: dict) -> Optional[str]:
    """One line saying why `filters` (as Store.events takes them) match no event; None if they do match."""
    start, end = filters.get("start"), filters.get("end")
    if start and end and event_filters.bound(start, last=False) > event_filters.bound(end, last=True):
        return f"--since {start} is after --until {end}: the range is empty"
    if _count(store, **filters):
        return None
    if not int(store.sql("SELECT count(*) AS n FROM events")["n"].iloc[0]):
        return "the store holds no events (code some with: detente ingest PATH)"
    set_ = {k: v for k, v in filters.items() if k in OPTION and v}
    alone = {k: _count(store, negated=filters.get("negated"), **{k: v, **({"directed": filters.get("directed")}
                                                                         if k == "dyad" else {})})
             for k, v in set_.items()}
    for k, n in alone.items():
        if n:
            continue
        v = set_[k]
        if k in ("start", "end"):
            r = store.sql("SELECT min(date_start)::VARCHAR AS lo, max(date_end)::VARCHAR AS hi FROM events").iloc[0]
            return f"{_shown(k, v)}: no event dated in that window (stored events run {r['lo']} to {r['hi']})"
        if k in ("actor", "dyad"):
            terms = [v] if k == "actor" else list(v)
            known = set(actor_codes(store))
            missing = [t for t in terms if t.upper() not in known and not any(c.startswith(t.upper()) for c in known)]
            if missing:
                return (f"{_shown(k, v)}: no stored event has actor {missing[0].upper()}; nearest: "
                        f"{', '.join(nearest_actors(store, missing[0]))}")
            return f"{_shown(k, v)}: both actors are stored, but never with each other"
        return f"{_shown(k, v)}: no stored event matches it"
    parts = ", ".join(f"{_shown(k, set_[k])}: {n}" for k, n in alone.items())
    return f"each filter matches events alone ({parts}) but none match them all" if parts else \
        "no events match (negated, hypothetical and question events are hidden: try --negated all or --modality)"
