"""A store in memory for the runner tests."""
from __future__ import annotations

import json


class MemStore:
    """The two calls the runner makes of a store (known, add_many), in memory."""

    def __init__(self):
        self.records = {}

    def known(self, ids):
        return {i for i in ids if i in self.records}

    def add(self, art):
        if art.id in self.records:
            return False
        self.records[art.id] = json.loads(json.dumps(art.to_dict()))
        return True

    def add_many(self, arts, on_error=None):
        out = []
        for a in arts:
            try:
                out.append(self.add(a))
            except Exception as e:  # the real store's contract: a refused record costs only itself
                on_error(a, e)
                out.append(None)
        return out
