"""CAMEO and PLOVER: the code tables (data files beside this module) and lookups over them.

    cameo("0871")  -> ("Declare truce, ceasefire", 9.0, 2)
    plover("0871") -> ("RETREAT", "ceasefire")
    plover_type("ASSAULT") -> {"quad": ..., "recipient": ..., "score": ..., "modes": [...]}
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..lexicon import load_yaml

HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def _cameo() -> dict[str, list]:
    return {str(k): v for k, v in load_yaml(HERE / "cameo.yaml")["cameo"].items()}


@lru_cache(maxsize=1)
def _plover() -> dict:
    return load_yaml(HERE / "plover.yaml")


def _norm(code) -> Optional[str]:
    if code is None:
        return None
    code = str(code).strip()
    if code.isdigit() and len(code) == 1:
        code = "0" + code  # "1" written for root 01
    return code


def is_code(code) -> bool:
    return _norm(code) in _cameo()


def cameo(code) -> Optional[tuple[str, float, int]]:
    """(name, Goldstein score, QuadClass) of a CAMEO code, or None when the code is unknown."""
    row = _cameo().get(_norm(code))
    return (row[0], float(row[1]), int(row[2])) if row else None


MATERIAL_QUADS = (2, 4)  # QuadClass of material cooperation and material conflict (1 and 3: words)


def material(code) -> bool:
    """Is the CAMEO code a deed rather than words (QuadClass 2 or 4: aid, yielding, force, coercion,
    violence)? False for an unknown code."""
    row = _cameo().get(_norm(code))
    return bool(row) and int(row[2]) in MATERIAL_QUADS


def plover(code) -> Optional[tuple[Optional[str], Optional[str]]]:
    """(PLOVER type, mode) for a CAMEO code; type None for statements (01) and appeals (02)."""
    row = _cameo().get(_norm(code))
    return (row[3], row[4]) if row else None


def root(code) -> Optional[str]:
    code = _norm(code)
    return code[:2] if code and code in _cameo() else None


def codes(level: Optional[int] = None) -> list[str]:
    """All CAMEO codes (level 1: the 20 roots, 2: three-digit codes, 3: four-digit codes)."""
    sizes = {1: 2, 2: 3, 3: 4}
    return [c for c in _cameo() if level is None or len(c) == sizes[level]]


def plover_types() -> list[str]:
    return list(_plover()["plover"])


def plover_type(name: str) -> Optional[dict]:
    return _plover()["plover"].get((name or "").upper())


def plover_modes(name: str) -> list[str]:
    info = plover_type(name)
    return list(info["modes"]) if info else []
