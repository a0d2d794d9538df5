"""The package version, in a module of its own: every layer may name it without importing `detente`'s
`__init__` (which imports layers above them)."""
from __future__ import annotations

__version__ = "0.1.0"
