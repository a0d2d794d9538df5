"""Alerts kept in the store's `alerts` table, so the dashboard shows what `watch` raised.

The table is made by the first writer that records an alert; a store that never had one reads as no
alerts. `seq` only grows, so a reader asks for what came after the last alert it has.
"""
from __future__ import annotations

import json
from typing import Callable

_TABLE = """CREATE TABLE IF NOT EXISTS alerts (seq BIGINT NOT NULL, id VARCHAR PRIMARY KEY, rule VARCHAR,
    kind VARCHAR, fired VARCHAR, summary VARCHAR, n_events INTEGER, record VARCHAR)"""
_EXISTS = "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'alerts'"


def record(store, alerts: list[dict]) -> list[dict]:
    """Store the alerts not stored before (by id), in one transaction; returns those that were new."""
    if not alerts:
        return []
    con = store.con
    con.execute(_TABLE)
    known = {r[0] for r in con.execute("SELECT id FROM alerts WHERE list_contains(?, id)",
                                       [[a["id"] for a in alerts]]).fetchall()}
    fresh = [a for a in alerts if a["id"] not in known]
    if not fresh:
        return []
    con.execute("BEGIN")
    try:
        seq = con.execute("SELECT coalesce(max(seq), 0) FROM alerts").fetchall()[0][0]
        for i, a in enumerate(fresh, 1):
            con.execute("INSERT INTO alerts VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [seq + i, a["id"], a["rule"], a["kind"], a["fired"], a["summary"], a["n_events"],
                         json.dumps(a, ensure_ascii=False)])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return fresh


def recent(sql: Callable, after: int = 0, limit: int = 50) -> list[dict]:
    """Alerts with seq above `after`, newest first, each the full record plus its `seq`.
    `sql(query, params)` runs a query on the store and gives a DataFrame (Store.sql)."""
    if not int(sql(_EXISTS, [])["n"][0]):
        return []
    df = sql("SELECT seq, record FROM alerts WHERE seq > ? ORDER BY seq DESC LIMIT ?", [int(after), int(limit)])
    return [{**json.loads(rec), "seq": int(seq)} for seq, rec in zip(df["seq"], df["record"])]
