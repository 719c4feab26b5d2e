"""Great-circle distances and nearest-first ordering."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_oms.domain.geo import EARTH_RADIUS_KM, by_distance, haversine_km

PARIS = (48.8566, 2.3522)
LONDON = (51.5074, -0.1278)
LYON = (45.7640, 4.8357)
BRUSSELS = (50.8503, 4.3517)

lats = st.floats(-90, 90, allow_nan=False)
lons = st.floats(-180, 180, allow_nan=False)


def test_paris_london() -> None:
    """Paris to London is about 343.5 km along the great circle."""
    assert haversine_km(*PARIS, *LONDON) == pytest.approx(343.5, abs=0.5)


def test_known_extremes() -> None:
    """Zero for one point; half the circumference between antipodes and between the poles."""
    assert haversine_km(*PARIS, *PARIS) == 0.0
    half = math.pi * EARTH_RADIUS_KM
    assert haversine_km(0, 0, 0, 180) == pytest.approx(half)
    assert haversine_km(90, 0, -90, 0) == pytest.approx(half)
    assert haversine_km(0, 179.5, 0, -179.5) == pytest.approx(haversine_km(0, 0, 0, 1))


@given(lat1=lats, lon1=lons, lat2=lats, lon2=lons)
def test_distance_is_symmetric_and_bounded(
    lat1: float, lon1: float, lat2: float, lon2: float
) -> None:
    """d(a, b) = d(b, a), and no two points are further apart than the antipodes."""
    there = haversine_km(lat1, lon1, lat2, lon2)
    back = haversine_km(lat2, lon2, lat1, lon1)
    assert there == pytest.approx(back, abs=1e-6)
    assert 0.0 <= there <= math.pi * EARTH_RADIUS_KM + 1e-6


def test_by_distance_sorts_nearest_first() -> None:
    """Stores come back with their distance, nearest first."""
    stores = {"lyon": LYON, "london": LONDON, "brussels": BRUSSELS, "paris": PARIS}
    ranked = by_distance(PARIS, stores, key=stores.__getitem__)
    assert [name for _, name in ranked] == ["paris", "brussels", "london", "lyon"]
    assert ranked[0][0] == 0.0
    assert ranked[2][0] == pytest.approx(343.5, abs=0.5)
    assert by_distance(PARIS, [], key=stores.__getitem__) == []


def test_by_distance_keeps_input_order_on_ties() -> None:
    """Equal distances keep their input order, and items need not be comparable."""
    items = [{"id": 2}, {"id": 1}]
    ranked = by_distance(PARIS, items, key=lambda _item: LONDON)
    assert [item["id"] for _, item in ranked] == [2, 1]
