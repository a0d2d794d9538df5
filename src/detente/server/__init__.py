"""HTTP API and dashboard over the store (FastAPI)."""


def create_app(*args, **kwargs):
    from .app import create_app as _create

    return _create(*args, **kwargs)
