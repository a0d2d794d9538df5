"""The store's one exception, in a module of its own so that every part of the store can raise it."""
from __future__ import annotations


class StoreError(Exception):
    """The store cannot be opened or written; the message is one line meant for the user."""
