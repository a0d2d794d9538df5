"""detente: evidence-linked political event data from international news."""
from __future__ import annotations

from .version import __version__  # noqa: F401 - the package's version, as `detente.__version__`

from . import notebook as _notebook  # noqa: E402,F401 - gives the records their Jupyter HTML


def code_text(text: str, published: str | None = None, **meta):
    """Code one article given as text (scraped page text is cleaned first) -> `model.Article`."""
    from .pipeline import code_text as _code_text

    return _code_text(text, published=published, **meta)


def __getattr__(name):
    if name == "Store":
        from .store import Store

        return Store
    if name == "rows":  # rows.py moved into the store package
        from .store import rows

        return rows
    raise AttributeError(name)
