"""The DuckDB store of coded articles (docs/store.md): what it holds and how it is queried.

  schema    the tables and views, and the schema version written
  rows      a coded article flattened into table rows
  cluster   reports of one real-world event, across articles, joined into a cluster at insert
  filters   the SQL of the event filters (Store.events, timelines, alerts, exports)
  timeline  dyad timelines, trend labels and partner rankings (Store.dyad, Store.partners)
  sharing   one file for several processes: opening with a wait, a writer that lingers until asked
  facade    `Store`: opening the file per operation, writing batches, the queries

Everything here reads and writes records and rows; nothing imports `analysis` or what sits above it
(docs/architecture.md).
"""
from __future__ import annotations

from .errors import StoreError
from .facade import DEFAULT_PATH, Store, default_path
from .sharing import LOCK_WAIT
from ..dates import date_range
from .schema import STORE_SCHEMA_VERSION

__all__ = ["DEFAULT_PATH", "LOCK_WAIT", "STORE_SCHEMA_VERSION", "Store", "StoreError", "date_range", "default_path"]
