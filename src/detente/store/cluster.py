"""Clustering across articles: reports of the same real-world event become one cluster (the rule:
docs/store.md; within one article, events/dedupe.py merges repeats before the store sees them).

Clusters are assigned incrementally when an article is stored: each new event is compared only with
stored events in its block (the unordered pair of actors) whose dates can overlap, found through an
index of blocks by week, and joins the best compatible cluster or founds its own (cluster id = the
founding event's id). Nothing is recomputed;
given the same articles in the same order, the clusters are the same.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, Optional, Sequence, cast

from ..geodesy import distance_km

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

# An event as a row: column name -> value (rows.COLUMNS["events"]; those read back from the table
# have the columns of the query that read them). Values are whatever DuckDB stores or returns.
EventRow = dict[str, Any]

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


def side_key(row: EventRow, side: str) -> Optional[str]:
    return row.get(f"{side}_country") or row.get(f"{side}_code") or None


def dyad_key(row: EventRow) -> Optional[str]:
    """The block: the unordered pair of actors ('IND|PAK'); None when neither side is known."""
    a, b = side_key(row, "source"), side_key(row, "target")
    if not a and not b:
        return None
    return "|".join(sorted([a or "", b or ""]))


def _interval(row: EventRow) -> Optional[tuple[dt.date, dt.date]]:
    start = row.get("date_start")
    end = cast(dt.date, row.get("date_end"))  # set whenever date_start is (rows.date_range gives both)
    if start is not None:
        slack = dt.timedelta(days=DAY_SLACK_DAYS if start == end else 0)
        return start - slack, end + slack
    pub = row.get("published")
    if pub is not None:
        slack = dt.timedelta(days=UNDATED_SLACK_DAYS)
        return pub - slack, pub + slack
    return None


def _km(a: EventRow, b: EventRow) -> float:
    return distance_km(a["lat"], a["lon"], b["lat"], b["lon"])


def _specific(row: EventRow) -> Optional[str]:
    """The event's own town (or finer), casefolded; None when it has no place or only a coarse one."""
    if row.get("place_feature") in COARSE_FEATURES:
        return None
    name = row.get("place_name") or row.get("place_text")
    return name.casefold() if name else None


def place_match(a: EventRow, b: EventRow) -> Optional[bool]:
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


def codes_compatible(a: EventRow, b: EventRow) -> bool:
    if a.get("cameo_root") and a.get("cameo_root") == b.get("cameo_root"):
        return True
    return bool(a.get("plover")) and a.get("plover") == b.get("plover")


def _symmetric(code: Optional[str]) -> bool:
    return bool(code and code.startswith(SYMMETRIC_CODES))


def direction_compatible(a: EventRow, b: EventRow) -> bool:
    same = (side_key(a, "source"), side_key(a, "target")) == (side_key(b, "source"), side_key(b, "target"))
    if same:
        return True
    flipped = (side_key(a, "source"), side_key(a, "target")) == (side_key(b, "target"), side_key(b, "source"))
    return flipped and (_symmetric(a.get("cameo")) or _symmetric(b.get("cameo")))


def words(text: str) -> set[str]:
    # Five-letter prefixes stand in for stems: "attacked", "attacks" and "attackers" meet at "attac".
    return {w[:5] for w in re.findall(r"[a-z]+", (text or "").lower()) if len(w) > 2 and w not in _STOP}


def similarity(a: EventRow, b: EventRow) -> float:
    wa, wb = words(a.get("evidence") or ""), words(b.get("evidence") or "")
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def compatible(a: EventRow, b: EventRow) -> bool:
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


def score(new: EventRow, members: list[EventRow]) -> Optional[float]:
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


# Candidate clusters are found through an index, not a scan of the events table, so that storing an
# article costs the same in an empty store and in one of millions of events: every stored event that
# can merge (not negated, with a block and a date window) is filed in `dedup_blocks` under its block and
# each week its window touches (or each year, for a window longer than WIDE_DAYS). A new event looks up
# the weeks and years of its own window: a superset of the clusters it can join, which `score` sorts out.
WIDE_DAYS = 56
_BLOCKS_TABLE = "CREATE TABLE IF NOT EXISTS dedup_blocks (block VARCHAR, cluster_id VARCHAR)"
_MEMBERS = """
SELECT event_id, article_id, cluster_id, dyad_key, source_country, source_code, target_country, target_code,
       cameo, cameo_root, plover, date_start, date_end, published, place_text, place_name, place_country,
       place_feature, lat, lon, geonameid, sentence_places, evidence, negated
FROM events WHERE cluster_id IN ({ids})
ORDER BY cluster_id, event_id
"""


def _weeks(dyad: str, lo: dt.date, hi: dt.date) -> list[str]:
    return [f"{dyad}|w{w}" for w in range((lo.toordinal() - 1) // 7, (hi.toordinal() - 1) // 7 + 1)]


def _years(dyad: str, lo: dt.date, hi: dt.date) -> list[str]:
    return [f"{dyad}|y{y}" for y in range(lo.year, hi.year + 1)]


def _stored_window(row: EventRow) -> Optional[tuple[dt.date, dt.date]]:
    """The dates a stored event can be matched over: its own, or its report's +- UNDATED_SLACK_DAYS."""
    slack = dt.timedelta(days=UNDATED_SLACK_DAYS)
    pub = row.get("published")
    start = row.get("date_start") or (pub - slack if pub else None)
    end = row.get("date_end") or (pub + slack if pub else None)
    return (start, end) if start is not None and end is not None else None


def block_rows(events: Sequence[EventRow]) -> list[list[Any]]:
    """[block, cluster_id] rows filing the events of an article being stored (after assign_clusters)."""
    out: list[list[Any]] = []
    for row in events:
        window = _stored_window(row)
        if row.get("negated") or not row.get("dyad_key") or window is None:
            continue
        lo, hi = min(window), max(window)
        filed = _weeks if (hi - lo).days <= WIDE_DAYS else _years
        out.extend([b, row["cluster_id"]] for b in filed(row["dyad_key"], lo, hi))
    return out


def ensure_index(con: DuckDBPyConnection) -> None:
    """Create the block index (filling it from the stored events, for a store written before it existed)
    and the index of events by cluster; in its own transaction. Also the way to refile events written
    into the table by other means: drop dedup_blocks, then call this."""
    have = _scalar(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' "
                               "AND table_name = 'dedup_blocks'"))
    con.execute("BEGIN")
    try:
        con.execute(_BLOCKS_TABLE)
        if not have:
            _refile(con)
        con.execute("CREATE INDEX IF NOT EXISTS dedup_blocks_block ON dedup_blocks (block)")
        con.execute("CREATE INDEX IF NOT EXISTS events_cluster ON events (cluster_id)")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _scalar(cur: DuckDBPyConnection) -> Any:
    """The one value of a one-row query (an aggregate without GROUP BY always gives its row)."""
    return cast("tuple[Any, ...]", cur.fetchone())[0]


def _refile(con: DuckDBPyConnection, chunk: int = 100_000) -> None:
    import pyarrow as pa

    top = _scalar(con.execute("SELECT max(rowid) FROM events"))
    for lo in range(0, (top or -1) + 1, chunk):  # by rowid range: memory bounded by the chunk
        cur = con.execute("SELECT dyad_key, date_start, date_end, published, cluster_id, negated FROM events "
                          "WHERE rowid >= ? AND rowid < ? AND NOT negated AND dyad_key IS NOT NULL", [lo, lo + chunk])
        cols = [d[0] for d in cur.description]
        filed = block_rows([dict(zip(cols, r)) for r in cur.fetchall()])
        dedup_blocks_rows = pa.table({"block": pa.array([b for b, _ in filed], pa.string()),  # noqa: F841
                                      "cluster_id": pa.array([c for _, c in filed], pa.string())})
        con.execute("INSERT INTO dedup_blocks SELECT block, cluster_id FROM dedup_blocks_rows")


class Candidates:
    """The stored side of dedup for one write: which clusters each block holds and their members, read
    once for every event of the write (two queries a batch, not two an article; the table does not
    change until the batch is inserted, so each article sees what it would have fetched itself)."""

    def __init__(self, con: DuckDBPyConnection, rows: Sequence[EventRow]):
        keys = sorted({k for r, window in _mergeable(rows) for k in _keys(r, window)})
        self.blocks: dict[str, set[str]] = {}
        self.members: dict[str, list[EventRow]] = {}
        if not keys:
            return
        for block, cid in con.execute(f"SELECT DISTINCT block, cluster_id FROM dedup_blocks WHERE block IN "
                                      f"({', '.join('?' for _ in keys)})", keys).fetchall():
            self.blocks.setdefault(block, set()).add(cid)
        want = sorted(set().union(*self.blocks.values())) if self.blocks else []
        if want:
            cur = con.execute(_MEMBERS.format(ids=", ".join("?" for _ in want)), want)
            cols = [d[0] for d in cur.description]
            for r in cur.fetchall():
                m = dict(zip(cols, r))
                self.members.setdefault(m["cluster_id"], []).append(m)

    def clusters(self, keys: Sequence[str]) -> set[str]:
        return set().union(*(self.blocks.get(k, ()) for k in keys))


def _mergeable(rows: Sequence[EventRow]) -> list[tuple[EventRow, tuple[dt.date, dt.date]]]:
    """The rows that can join a cluster, with their date windows. Negated events are not reports of an
    event; they never merge."""
    out = []
    for row in rows:
        window = _interval(row)
        if row.get("dyad_key") is not None and window is not None and not row.get("negated"):
            out.append((row, window))
    return out


def _keys(row: EventRow, window: tuple[dt.date, dt.date]) -> list[str]:
    """The blocks to look an event up in: its own window, widened by the slack its matches may add."""
    slack = dt.timedelta(days=DAY_SLACK_DAYS)
    lo, hi = window[0] - slack, window[1] + slack
    return _weeks(row["dyad_key"], lo, hi) + _years(row["dyad_key"], lo, hi)


def assign_clusters(con: DuckDBPyConnection, rows: list[EventRow], pending: Sequence[EventRow] = (),
                    stored: Optional[Candidates] = None) -> None:
    """Set `cluster_id` on the event rows of one article about to be stored (inside its transaction).

    The block index gives every stored cluster that could hold any of the article's events (same block,
    dates that can overlap), with their members; each event then joins the best one it fits. `pending`:
    event rows of articles ahead of this one in the same write, not yet in the table; they count as
    stored. `stored`: the look-up made once for the whole write (its rows must include this article's);
    None looks up this article's alone. Needs ensure_index to have run on `con`.
    """
    for row in rows:
        row["cluster_id"] = row["event_id"]
    todo = _mergeable(rows)
    if not todo:
        return
    stored = stored if stored is not None else Candidates(con, [*pending, *rows])
    dyads = {r["dyad_key"] for r, _ in todo}
    lo, hi = min(w[0] for _, w in todo), max(w[1] for _, w in todo)
    near = {p["cluster_id"] for p in pending if p.get("dyad_key") in dyads and _in_window(p, lo, hi)}
    ids = stored.clusters([k for r, w in todo for k in _keys(r, w)])
    # copies: this article's pending rows are added below, not to the shared look-up
    clusters = {cid: list(stored.members[cid]) for cid in sorted(ids | near) if cid in stored.members}
    # candidates are the clusters with a report in one of the article's blocks and in its date window
    clusters = {cid: ms for cid, ms in clusters.items()
                if cid in near or any(m["dyad_key"] in dyads and _in_window(m, lo, hi) for m in ms)}
    for cid in near:
        clusters.setdefault(cid, [])
    for p in pending:
        if p["cluster_id"] in clusters:
            clusters[p["cluster_id"]].append(p)
    taken: set[str] = set()  # one article contributes at most one event to a cluster
    for row, _ in todo:
        best: Optional[float] = None
        best_id: Optional[str] = None
        for cid in sorted(clusters):
            if cid in taken or clusters[cid][0]["dyad_key"] != row["dyad_key"]:
                continue
            s = score(row, clusters[cid])
            if s is not None and (best is None or s > best):
                best, best_id = s, cid
        if best_id is not None:
            row["cluster_id"] = best_id
            taken.add(best_id)


def _in_window(row: EventRow, lo: dt.date, hi: dt.date) -> bool:
    """Whether a row not yet in the table can be matched over [lo, hi] (the stored events' rule)."""
    if row.get("negated"):
        return False
    window = _stored_window(row)
    return window is not None and window[1] >= lo and window[0] <= hi
