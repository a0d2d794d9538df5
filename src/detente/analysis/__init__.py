"""Analysis over the store: alert rules and their log, why a query matched nothing, the dyad chart.

It imports the store (`store/`), never the reverse. Clustering, the filters' SQL and the dyad
timelines moved into the store; their old names here still answer, as the store's modules.
"""
from __future__ import annotations


def __getattr__(name: str):
    # imported when asked for: store.timeline needs pandas, which `analysis.alerts` users may not
    if name == "dedup":
        from ..store import cluster

        return cluster
    if name == "queries":
        from ..store import filters

        return filters
    if name == "timeline":
        from ..store import timeline

        return timeline
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
