"""Distance on the earth's surface: the one great-circle (haversine) formula the code uses.

Places are compared by kilometres in clustering (the same town?), in the places evaluation (how far
off?) and in benchmarks; a sphere of mean radius is accurate to about 0.5 %, far finer than the
thresholds (40 km, 161 km) it is tested against. Imports nothing of ours.
"""
from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0  # mean radius (IUGG)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    # rounding can lift h a hair above 1 for antipodal points, where asin would raise
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))
