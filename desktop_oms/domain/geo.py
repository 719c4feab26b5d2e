"""Great-circle distances, for routing orders to the nearest stores with stock."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import TypeVar

EARTH_RADIUS_KM = 6371.0088
"""The IUGG mean Earth radius."""

T = TypeVar("T")
LatLon = tuple[float, float]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in decimal degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def by_distance(
    origin: LatLon, items: Iterable[T], key: Callable[[T], LatLon]
) -> list[tuple[float, T]]:
    """``(km, item)`` pairs sorted nearest first; ties keep the input order."""
    lat, lon = origin
    pairs = [(haversine_km(lat, lon, *key(item)), item) for item in items]
    pairs.sort(key=lambda pair: pair[0])
    return pairs
