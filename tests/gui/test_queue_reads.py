"""The queue's cheap paths agree with the full ones: the overdue count, the tab counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from desktop_oms.cache import queries
from desktop_oms.cache.queries import QueueRow
from desktop_oms.gui.pickups import timefmt
from desktop_oms.gui.pickups.queue import TABS, QueueRequest, fetch
from tests.gui.conftest import Counter

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
STATUSES = (
    "open",
    "picking",
    "packed",
    "in_transit",
    "arrived",
    "ready_for_pickup",
    "handed_over",
    "expired",
    "cancelled",
    "rejected",
)
moments = st.one_of(
    st.none(),
    st.integers(-72 * 60, 72 * 60).map(lambda m: (NOW + timedelta(minutes=m)).isoformat()),
)


@given(status=st.sampled_from(STATUSES), promised=moments, deadline=moments, bin_=st.booleans())
def test_is_overdue_is_what_the_age_cell_flags(
    status: str, promised: str | None, deadline: str | None, bin_: bool
) -> None:
    """The overdue count's shortcut flags a row exactly when its age cell is red."""
    row = QueueRow(
        id=1,
        order_number="WEB-1000001",
        method="store_pickup",
        status=status,
        customer_name="Anna de Vries",
        customer_phone="+31 6 1234 5678",
        promised_at=promised,
        pickup_deadline=deadline,
        bin="A-01" if bin_ else None,
        items=1,
        updated_at=(NOW - timedelta(hours=3)).isoformat(),
        fraud_state="clear",
        version=1,
        order_version=1,
        pending=False,
    )
    tz = ZoneInfo("Europe/Amsterdam")
    assert timefmt.is_overdue(row, NOW) == timefmt.age(row, NOW, tz).overdue


def test_fetch_counts_every_tab_as_its_rows(counter: Counter) -> None:
    """The tab badges (counted in SQL) and the overdue count match the rows each tab shows,
    with and without a search."""
    now = datetime.now(UTC)
    store = counter.station.store_id
    for search in ("", "a"):
        for tab in TABS:
            request = QueueRequest(store_id=store, tab=tab, search=search)
            result = counter.read(lambda conn, r=request: fetch(conn, r, now))
            rows = counter.read(
                lambda conn, t=tab, s=search: queries.pickup_queue(conn, store, t, s or None, now)
            )
            assert result.counts[tab] == len(rows) == len(result.rows)
            assert result.overdue == sum(1 for r in rows if timefmt.age(r, now, UTC).overdue)
    assert any(result.counts.values())
