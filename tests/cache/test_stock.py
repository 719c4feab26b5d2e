"""The Stock page's reads (cache/stock.py): opening hours and open-now across time zones,
how old figures are, a product in full with stock here and nearby (pending marked), and
search hits with the stock here and a hit count."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop_oms.cache import overlay, queries, stock
from desktop_oms.cache.db import CacheDB, driver_cursor
from desktop_oms.domain.geo import haversine_km
from tests.cache import datagen
from tests.cache.helpers import load_chain

NL = {
    "mon": ["12:00", "18:00"],
    "tue": ["09:30", "18:00"],
    "wed": ["09:30", "18:00"],
    "thu": ["09:30", "21:00"],
    "fri": ["09:30", "18:00"],
    "sat": ["09:30", "17:30"],
    "sun": None,
}
#: Thursday 26 November 2026, 19:30 UTC: 20:30 in Amsterdam, 14:30 in New York.
THURSDAY_EVENING = datetime(2026, 11, 26, 19, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("tz", "now", "today", "open_now", "status"),
    [
        ("Europe/Amsterdam", THURSDAY_EVENING, "09:30–21:00", True, "Open until 21:00"),
        ("Europe/Amsterdam", THURSDAY_EVENING + timedelta(hours=1), "09:30–21:00", False,
         "Opens tomorrow 09:30"),
        # the same instant is 14:30 in New York: open, but Thursday's 21:00 is not near
        ("America/New_York", THURSDAY_EVENING, "09:30–21:00", True, "Open until 21:00"),
        # 05:00 UTC Friday is still Thursday 23:00 in Mexico City... and 06:00 in Amsterdam
        ("Europe/Amsterdam", datetime(2026, 11, 27, 5, 0, tzinfo=UTC), "09:30–18:00", False,
         "Opens 09:30"),
        ("America/Mexico_City", datetime(2026, 11, 27, 5, 0, tzinfo=UTC), "09:30–21:00", False,
         "Opens tomorrow 09:30"),
        # Sunday: closed all day; Monday opens late
        ("Europe/Amsterdam", datetime(2026, 11, 29, 11, 0, tzinfo=UTC), "Closed today", False,
         "Opens tomorrow 12:00"),
        ("Europe/Amsterdam", datetime(2026, 11, 30, 9, 0, tzinfo=UTC), "12:00–18:00", False,
         "Opens 12:00"),
    ],
)  # fmt: skip
def test_store_clock_in_the_stores_own_time_zone(
    tz: str, now: datetime, today: str, open_now: bool, status: str
) -> None:
    """Today's hours and open-or-closed are the store's local ones, whatever the PC's zone."""
    clock = stock.store_clock(NL, tz, now)
    assert (clock.today, clock.open_now, clock.status) == (today, open_now, status)
    assert clock.local_now.utcoffset() == now.astimezone(ZoneInfo(tz)).utcoffset()


def test_hours_past_midnight_and_bad_data() -> None:
    """Hours closing after midnight stay open into the next day; malformed hours or an
    unknown time zone never raise (closed, or UTC)."""
    late = {"fri": ["18:00", "02:00"], "sat": None}
    one_am_saturday = datetime(2026, 11, 28, 0, 0, tzinfo=UTC)  # 01:00 in Amsterdam
    clock = stock.store_clock(late, "Europe/Amsterdam", one_am_saturday)
    assert (clock.today, clock.open_now, clock.status) == ("Closed today", True, "Open until 02:00")
    assert stock.store_clock('{"mon": "all day"}', "Mars/Olympus", one_am_saturday).status == (
        "Closed"
    )
    assert stock.store_clock("not json", "Europe/Amsterdam", one_am_saturday).today == (
        "Closed today"
    )
    assert stock.store_clock({"sat": ["00:00", "24:00"]}, "UTC", one_am_saturday).open_now


def test_age_of_figures() -> None:
    """``as of 10:42, 3 min ago`` in the store's zone; older ones name the day."""
    tz = ZoneInfo("Europe/Amsterdam")
    now = datetime(2026, 11, 26, 9, 45, tzinfo=UTC)
    assert stock.as_of("2026-11-26T09:42:00.000000Z", now, tz) == "as of 10:42, 3 min ago"
    assert stock.as_of("2026-11-26T09:44:55.000000Z", now, tz) == "as of 10:44, just now"
    assert stock.as_of("2026-11-25T07:45:00.000000Z", now, tz) == (
        "as of yesterday 08:45, 1 day ago"
    )
    assert stock.as_of("2026-11-26T07:15:00.000000Z", now, tz) == "as of 08:15, 2 h 30 min ago"
    assert stock.as_of(None, now, tz) == "not synced yet"
    assert stock.ago(now - timedelta(days=3, hours=1), now) == "3 days ago"


@pytest.fixture
def chain(cache: CacheDB) -> CacheDB:
    """Store 1 with 200 products and the stock of 4 stores."""
    load_chain(cache, datagen.Chain(skus=200, stores=4))
    with cache.write() as conn:
        conn.exec_driver_sql(
            "INSERT INTO sync_state(key, value) VALUES ('last_sync_at', "
            "'\"2026-11-26T09:42:00.000000Z\"') "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
        )
    return cache


def test_product_detail_has_stock_here_and_nearby_by_distance(chain: CacheDB) -> None:
    """Product 30: its GTIN-13 and store code as printed, attributes, the stock here as
    stored, the other stores nearest first with their own figures, hours and distance."""
    now = datetime(2026, 11, 26, 9, 45, tzinfo=UTC)
    with chain.read() as conn:
        detail = stock.product_detail(conn, datagen.sku_of(30), 1, now)
        assert stock.product_detail(conn, "NO-SUCH", 1, now) is None
    assert detail is not None
    doc = datagen.product_doc(30)
    assert detail.product.name == doc["name"]
    assert [(i.kind, i.value) for i in detail.identifiers] == [
        ("GTIN-13", datagen.gtin_of(30)),
        ("store", "ST000030"),
    ]
    assert dict(detail.attributes) == {k.capitalize(): v for k, v in doc["attributes"].items()}
    assert detail.last_sync_at == "2026-11-26T09:42:00.000000Z" and not detail.pending
    here = detail.here
    assert here is not None
    inv = datagen.inventory_doc(1, 30)
    assert (here.stock.on_hand, here.stock.reserved, here.stock.safety_stock) == (
        inv["on_hand"],
        inv["reserved"],
        inv["safety_stock"],
    )
    assert here.available == max(0, inv["on_hand"] - inv["reserved"] - inv["safety_stock"])
    assert [s.stock.store_id for s in detail.nearby] != []
    origin = datagen.store_doc(1)
    expected = sorted(
        (
            haversine_km(
                origin["latitude"],
                origin["longitude"],
                datagen.store_doc(i)["latitude"],
                datagen.store_doc(i)["longitude"],
            ),
            i,
        )
        for i in (2, 3, 4)
    )
    assert [s.stock.store_id for s in detail.nearby] == [i for _d, i in expected]
    for entry, (distance, store_id) in zip(detail.nearby, expected, strict=True):
        inv = datagen.inventory_doc(store_id, 30)
        assert entry.stock.on_hand == inv["on_hand"]
        assert entry.stock.distance_km == pytest.approx(distance)
        assert entry.code == f"S{store_id:03d}"
        assert entry.clock is not None and entry.clock.today == "09:00–18:00"
        assert entry.clock.open_now  # Thursday 10:45 in Amsterdam


def test_a_pending_change_is_marked_with_when_it_was_made(chain: CacheDB) -> None:
    """A stock row a command in flight changed shows the prediction, marked pending, with
    the time the command was made here."""
    sku = datagen.sku_of(7)
    with chain.write() as conn:
        cur = driver_cursor(conn)
        cur.execute(
            "INSERT INTO outbox (seq, id, name, target_kind, target_key, base_version, "
            "staff_id, approved_by, args, issued_at, state, attempts, next_attempt_at, "
            "last_error) VALUES (1, 'u1', 'adjust', 'inventory', ?, 1, 1, NULL, '{}', "
            "'2026-11-26T09:44:00.000000Z', 'queued', 0, NULL, NULL)",
            (f"1:{sku}",),
        )
        overlay.put_inventory(cur, [(1, sku, 50, 3, 1, 2)], 1)
    with chain.read() as conn:
        detail = stock.product_detail(conn, sku, 1)
        found = stock.search(conn, sku, 1)
    assert detail is not None and detail.here is not None and detail.pending
    assert detail.here.stock.pending and detail.here.available == 46
    assert detail.here.pending_since == "2026-11-26T09:44:00.000000Z"
    assert all(not s.stock.pending and s.pending_since is None for s in detail.nearby)
    (hit,) = [h for h in found.hits if h.sku == sku]
    assert (hit.available, hit.pending) == (46, True)


def test_search_hits_carry_the_stock_here_and_a_count(chain: CacheDB) -> None:
    """Hits have the available-to-promise of store 1 (as stored); the count says how many
    match in all; nothing found is an empty result, not an error."""
    name = datagen.product_name(42)
    with chain.read() as conn:
        result = stock.search(conn, name, 1)
        wide = stock.search(conn, datagen.product_name(42).split()[0].lower(), 1, limit=5)
        none = stock.search(conn, "zzqx", 1)
        short = stock.search(conn, "SK", 1, limit=10)
        every = queries.search_products_counted(conn, "SKU-", 50)
    assert result.hits[0].sku == datagen.sku_of(42)
    inv = datagen.inventory_doc(1, 42)
    assert result.hits[0].available == max(
        0, inv["on_hand"] - inv["reserved"] - inv["safety_stock"]
    )
    assert result.total == len(result.hits) and not result.more
    assert len(wide.hits) == 5 and wide.total > 5
    assert none.hits == () and none.total == 0 and not none.more
    assert len(short.hits) == 10 and short.total == 200
    assert len(every.rows) == 50 and every.total == 200 and not every.more


def test_lookup_by_any_code_and_showcase(chain: CacheDB) -> None:
    """A scanned GTIN, its GTIN-14 and a store code name the product in full; an unknown
    code names none. The showcase is a stocked product and a search that finds it."""
    with chain.read() as conn:
        by_gtin = stock.lookup(conn, datagen.gtin_of(30), 1)
        by_key = stock.lookup(conn, datagen.gtin_of(30).zfill(14), 1)
        by_store_code = stock.lookup(conn, "ST000030", 1)
        missing = stock.lookup(conn, "4006381333931", 1)
        shown = stock.showcase(conn, 1)
        assert shown is not None
        found = stock.search(conn, shown[0], 1)
    assert by_gtin is not None and by_gtin.product.sku == datagen.sku_of(30)
    assert by_key is not None and by_key.product.sku == datagen.sku_of(30)
    assert by_store_code is not None and by_store_code.product.sku == datagen.sku_of(30)
    assert missing is None
    assert shown[1] in [h.sku for h in found.hits]


def test_printed_identifiers() -> None:
    """Stored GTIN-14 keys are shown with the digits on the pack."""
    assert stock.printed("GTIN-13", "08712345678906") == "8712345678906"
    assert stock.printed("GTIN-8", "00000087654325") == "87654325"
    assert stock.printed("GTIN-14", "18712345678903") == "18712345678903"
    assert stock.printed("store", "02100000000015") == "2100000000015"
    assert stock.printed("store", "ST000030") == "ST000030"
