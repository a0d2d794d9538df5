"""Values as people read them, from what DuckDB or pandas hand back (the exports and the CLI's frames)."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def tidy(df: pd.DataFrame) -> pd.DataFrame:
    """A frame as people read it: dates without a midnight time, Goldstein to one decimal, other
    floats without binary noise (six decimals keep coordinates to the metre)."""
    import pandas as pd

    out = df.copy()
    for c in out.columns:
        col = out[c]
        if pd.api.types.is_datetime64_any_dtype(col):
            if (col.dropna() == col.dropna().dt.normalize()).all():
                out[c] = col.dt.strftime("%Y-%m-%d").where(col.notna(), None)
        elif pd.api.types.is_float_dtype(col):
            out[c] = col.round(1 if "goldstein" in c.lower() else 6)
    return out


def jsonable(v):
    """Plain JSON values from what DuckDB or pandas hand back (numpy arrays and scalars, NaN, NaT, dates)."""
    if v is None or isinstance(v, (str, bool, int)):
        return v
    if isinstance(v, (list, tuple)):
        return [jsonable(x) for x in v]
    if hasattr(v, "tolist") and not hasattr(v, "isoformat"):  # numpy array or scalar
        return jsonable(v.tolist())
    import pandas as pd  # a look-up in sys.modules after the first call

    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v
