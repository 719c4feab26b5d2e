"""The view queries on a generated mid-size chain (50k products, 6 stores, 4k fulfillments).

Each query is checked against the same answer computed in Python from the generated
documents, and its plan is checked to use an index (timings belong to ``bench/``).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop_oms.cache import outbox, queries
from desktop_oms.cache.apply import apply_changes
from desktop_oms.cache.db import CacheDB, driver_cursor
from desktop_oms.cache.rows import fold, phone_search_digits, utc_text
from desktop_oms.domain.geo import by_distance
from desktop_oms.domain.identifiers import badge_code, order_code
from tests.cache import datagen
from tests.cache.datagen import change
from tests.cache.helpers import load_chain

SKUS = 50_000
STORES = 6
FULFILLMENTS = 4_000
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
# 13:00 in Amsterdam: the store's day began at 23:00 UTC the day before
LOCAL_MIDNIGHT = datetime(2026, 3, 1, 23, 0, tzinfo=UTC)
FIRST = ("Anna", "Bram", "Chloé", "Daan", "Eva", "Finn", "Gijs", "Hanna", "Isa", "Jesse")
LAST = ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer")
STATUSES = {
    "store_pickup": ("open", "picking", "ready_for_pickup", "handed_over", "cancelled"),
    "ship_from_store": ("open", "picking", "packed", "shipped"),
    "ship_to_store": (
        "open",
        "picking",
        "packed",
        "in_transit",
        "arrived",
        "ready_for_pickup",
        "handed_over",
    ),
}


class World:
    """The loaded cache and the documents it was loaded from (the ground truth)."""

    def __init__(self, db: CacheDB, docs: dict[int, dict[str, Any]]) -> None:
        self.db = db
        self.docs = docs

    def __repr__(self) -> str:
        return f"World({self.db.path.name}, {len(self.docs)} fulfillments)"


def _fulfillments(rng: random.Random) -> Iterator[dict[str, Any]]:
    for fid in range(1, FULFILLMENTS + 1):
        method = rng.choice(list(STATUSES))
        status = rng.choice(STATUSES[method])
        store, destination = 1, None
        if method == "ship_to_store":
            store, destination = rng.choice(((2, 1), (1, 3), (3, 1)))
        elif rng.random() < 0.1:
            continue  # other stores' orders never reach this station
        deadline = None
        if status == "ready_for_pickup":
            deadline = NOW + timedelta(hours=rng.randint(-48, 120))
        yield datagen.fulfillment_doc(
            fid,
            store,
            method=method,
            status=status,
            destination_store_id=destination,
            customer=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            updated_at=NOW - timedelta(minutes=rng.randint(0, 3 * 24 * 60)),
            pickup_deadline=deadline,
            shipping_service=_service(fid, method),
        )


def _service(fid: int, method: str) -> str | None:
    """Every third delivery is express; some others name standard, the rest nothing."""
    if method != "ship_from_store":
        return None
    return "express" if fid % 3 == 0 else "standard" if fid % 3 == 1 else None


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """A station of store 1 with the chain loaded and a few commands in flight."""
    path: Path = tmp_path_factory.mktemp("queries") / "station.sqlite3"
    db = CacheDB(path)
    load_chain(db, datagen.Chain(skus=SKUS, stores=STORES), page=5_000)
    rng = random.Random(20260302)
    docs = {d["id"]: d for d in _fulfillments(rng)}
    dc = {**datagen.store_doc(7), "kind": "dc", "name": "Central DC", "latitude": 52.3}
    with db.write() as conn:
        apply_changes(
            conn,
            [change("fulfillment", str(i), d) for i, d in docs.items()]
            + [change("store", "7", dc), change("staff", "1", datagen.staff_doc(1, 1))],
        )
        # commands in flight: the views must show their predicted state
        for fid in [i for i, d in docs.items() if d["status"] == "open" and d["store_id"] == 1][
            :25
        ]:
            outbox.enqueue(
                conn,
                name="start_picking",
                target_kind="fulfillment",
                target_key=str(fid),
                base_version=1,
                staff_id=1,
                approved_by=None,
                args={},
                now=NOW,
            )
            docs[fid] = {**docs[fid], "status": "picking", "version": 2, "pending": True}
    try:
        yield World(db, docs)
    finally:
        db.close()


def _pickup_store(d: dict[str, Any]) -> int | None:
    if d["method"] == "ship_to_store":
        return int(d["destination_store_id"])
    return int(d["store_id"]) if d["method"] == "store_pickup" else None


def _matches(d: dict[str, Any], search: str | None) -> bool:
    if not search:
        return True
    c = d["customer"]
    fields = (d["order_number"], c["name"], c["phone"], c["email"])
    return any(fold(search) in fold(f) for f in fields)


def _expected_pickup(world: World, tab: str, search: str | None = None) -> list[int]:
    here = [d for d in world.docs.values() if _pickup_store(d) == 1 and _matches(d, search)]
    if tab == "ready":
        rows = [d for d in here if d["status"] == "ready_for_pickup"]
        rows.sort(key=lambda d: (d["customer"]["name"], d["id"]))
    elif tab == "preparing":
        rows = [
            d for d in here if d["status"] in ("open", "picking", "packed", "in_transit", "arrived")
        ]
        rows.sort(key=lambda d: (utc_text(d["promised_at"]), d["id"]))
    elif tab == "handed_over_today":
        rows = [
            d
            for d in here
            if d["status"] == "handed_over"
            and datetime.fromisoformat(d["updated_at"]) >= LOCAL_MIDNIGHT
        ]
        rows.sort(key=lambda d: (-datetime.fromisoformat(d["updated_at"]).timestamp(), d["id"]))
    else:
        until = NOW + queries.EXPIRING_WITHIN
        rows = [
            d
            for d in here
            if d["status"] == "ready_for_pickup"
            and datetime.fromisoformat(d["pickup_deadline"]) <= until
        ]
        rows.sort(key=lambda d: (utc_text(d["pickup_deadline"]), d["id"]))
    return [d["id"] for d in rows]


def _plan(world: World, sql: str, params: tuple[Any, ...] = ()) -> str:
    with world.db.read() as conn:
        rows = driver_cursor(conn).execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    return "\n".join(str(r[3]) for r in rows)


@pytest.mark.parametrize("tab", ["ready", "preparing", "handed_over_today", "expiring"])
def test_pickup_queue_tabs(world: World, tab: queries.PickupTab) -> None:
    """Each counter tab holds exactly the right pickups of this store, in its order."""
    with world.db.read() as conn:
        found = queries.pickup_queue(conn, 1, tab, None, NOW)
    expected = _expected_pickup(world, tab)
    assert expected, "the generated chain should fill every tab"
    assert [r.id for r in found] == expected
    pending = {r.id for r in found if r.pending}
    assert pending == {i for i in expected if world.docs[i].get("pending")}


@pytest.mark.parametrize(
    ("tab", "search"),
    [
        ("ready", "jansen"),
        ("ready", "CHLOÉ"),
        ("preparing", "chloe"),
        ("preparing", "WEB-100012"),
        ("handed_over_today", "example.com"),
        ("expiring", "+31610000"),
        ("ready", "50%_"),
    ],
)
def test_pickup_queue_search(world: World, tab: queries.PickupTab, search: str) -> None:
    """A search narrows a tab by order number, customer name, phone or e-mail."""
    with world.db.read() as conn:
        found = queries.pickup_queue(conn, 1, tab, search, NOW)
    assert [r.id for r in found] == _expected_pickup(world, tab, search)


@pytest.mark.parametrize("search", [None, "jansen", "example.com"])
def test_pickup_counts_match_the_tabs_without_reading_rows(
    world: World, search: str | None
) -> None:
    """Every tab's count is the number of rows the tab shows (searched alike), pending rows
    counted once; a count reads only the queue index, no row of the table."""
    with world.db.read() as conn:
        counts = queries.pickup_counts(conn, 1, search, NOW)
        shown = {
            tab: len(queries.pickup_queue(conn, 1, tab, search, NOW)) for tab in queries.PICKUP_TABS
        }
    assert counts == shown
    assert counts["ready"] and counts["preparing"]
    with world.db.read() as conn:
        where, _order, params = queries._tab_filter(driver_cursor(conn), 1, "ready", search, NOW)
    matching = queries.fulfillment_overlay("id", "pickup_store_id = :store" + where)
    sql = f"SELECT count(*) FROM ({matching})"
    with world.db.read() as conn:
        plan = driver_cursor(conn).execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    text = "\n".join(str(r[3]) for r in plan)
    covering = "COVERING INDEX ix_fulfillments_pickup_queue"
    assert (covering in text) == (search is None), text


@pytest.mark.parametrize(
    ("tab", "status", "method"),
    [
        ("open", "open", None),
        ("in_progress", "picking", None),
        ("packed", "packed", None),
        ("open", "open", "ship_from_store"),
        ("in_progress", "picking", "store_pickup"),
        ("open", "open", "arrivals"),
        ("in_progress", "picking", "arrivals"),
    ],
)
def test_fulfil_queue(
    world: World, tab: queries.FulfilTab, status: str, method: queries.FulfilMethod | None
) -> None:
    """The back room sees its own store's work by status (and method), and the transfers
    arriving here (in transit in Open, arrived in In progress), by promised time."""
    arriving = {"open": "in_transit", "in_progress": "arrived"}.get(tab)
    with world.db.read() as conn:
        found = queries.fulfil_queue(conn, 1, tab, method)
        counts = queries.fulfil_counts(conn, 1, method)
    expected = sorted(
        (
            d
            for d in world.docs.values()
            if (
                d["store_id"] == 1
                and d["status"] == status
                and method != "arrivals"
                and (method is None or d["method"] == method)
            )
            or (
                d["destination_store_id"] == 1
                and d["status"] == arriving
                and method in (None, "arrivals")
            )
        ),
        key=lambda d: (utc_text(d["promised_at"]), d["id"]),
    )
    assert [r.id for r in found] == [d["id"] for d in expected]
    assert counts[tab] == len(found)
    assert found


@pytest.mark.parametrize("tab", queries.FULFIL_TABS)
@pytest.mark.parametrize("service", ["express", "standard"])
def test_fulfil_queue_by_shipping_service(
    world: World, tab: queries.FulfilTab, service: queries.FulfilService
) -> None:
    """The service filter keeps the tab's rows of that shipping service (a document without
    one is standard), counted alike; the rows say which is express."""
    with world.db.read() as conn:
        every = queries.fulfil_queue(conn, 1, tab)
        found = queries.fulfil_queue(conn, 1, tab, service=service)
        counts = queries.fulfil_counts(conn, 1, service=service)
    doc_service = {i: d.get("shipping_service") or "standard" for i, d in world.docs.items()}
    assert [r.id for r in found] == [r.id for r in every if doc_service[r.id] == service]
    assert all(r.shipping_service == service for r in found)
    assert all(r.express == (doc_service[r.id] == "express") for r in every)
    assert counts[tab] == len(found)
    if service == "express" and tab == "open":
        assert found
    with pytest.raises(ValueError, match="unknown shipping service"), world.db.read() as conn:
        queries.fulfil_queue(conn, 1, tab, service="overnight")  # type: ignore[arg-type]


def test_queue_queries_use_their_indexes(world: World) -> None:
    """The queues read ranges of their composite indexes, never the whole table."""
    ready = _plan(
        world,
        "SELECT id FROM v_fulfillments WHERE pickup_store_id = 1 AND status = 'ready_for_pickup'",
    )
    fulfil = _plan(world, "SELECT id FROM v_fulfillments WHERE store_id = 1 AND status = 'open'")
    detail = _plan(world, "SELECT id FROM v_fulfillments WHERE order_number = 'WEB-1000001'")
    assert "ix_fulfillments_pickup_queue" in ready
    assert "ix_fulfillments_fulfil_queue" in fulfil
    assert "ix_fulfillments_order_number" in detail
    for plan in (ready, fulfil, detail):
        assert "SCAN f" not in plan


def test_order_detail(world: World) -> None:
    """An order's fulfillments with their predicted state and the commands in flight."""
    fid = next(i for i, d in world.docs.items() if d.get("pending"))
    number = world.docs[fid]["order_number"]
    with world.db.read() as conn:
        detail = queries.order_detail(conn, number)
        missing = queries.order_detail(conn, "WEB-9999999")
    assert missing is None
    assert detail is not None
    assert [(f.id, f.status, f.pending) for f in detail.fulfillments] == [(fid, "picking", True)]
    assert detail.fulfillments[0].doc["customer"] == world.docs[fid]["customer"]
    assert [(c.name, c.target_key) for c in detail.commands] == [("start_picking", str(fid))]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(i=st.integers(min_value=1, max_value=SKUS), form=st.sampled_from(range(7)))
def test_product_by_identifier_finds_every_spelling(world: World, i: int, form: int) -> None:
    """A product is found by its barcode however scanned, by its store code and by its SKU."""
    gtin = datagen.gtin_of(i)
    spelled = [
        gtin,
        gtin.zfill(14),
        f"{gtin[0]} {gtin[1:7]} {gtin[7:]}",
        f"]E0{gtin}",
        f"(01){gtin.zfill(14)}(17)271231",
        datagen.sku_of(i).lower(),
        f"  {datagen.sku_of(i)}\n",
    ][form]
    with world.db.read() as conn:
        found = queries.product_by_identifier(conn, spelled)
    assert found is not None
    assert found.sku == datagen.sku_of(i)
    assert found.attribute_map() == datagen.product_doc(i)["attributes"]


def test_product_by_identifier_misses(world: World) -> None:
    """Store codes are found; order codes, unknown barcodes and junk find nothing."""
    with world.db.read() as conn:
        assert queries.product_by_identifier(conn, "ST000020") is not None
        assert queries.product_by_identifier(conn, order_code("WEB-1000001")) is None
        assert queries.product_by_identifier(conn, "4006381333931") is None
        assert queries.product_by_identifier(conn, "no such thing") is None
    plan = _plan(world, queries._BY_IDENTIFIER, ("x",))
    assert "SEARCH i USING PRIMARY KEY" in plan


def _indexed_text(i: int) -> str:
    doc = datagen.product_doc(i)
    idents = [datagen.gtin_of(i).zfill(14)] + ([f"ST{i:06d}"] if i % 10 == 0 else [])
    attrs = " ".join(doc["attributes"].values())
    return "\n".join((doc["sku"], doc["name"], doc["department"], attrs, *idents)).lower()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    i=st.integers(min_value=1, max_value=SKUS),
    offset=st.integers(min_value=0, max_value=1_000),
    length=st.integers(min_value=3, max_value=40),
)
def test_search_finds_a_product_by_any_substring_of_its_name(
    world: World, i: int, offset: int, length: int
) -> None:
    """Every 3+ character piece of a name finds the product; every hit really matches."""
    name = datagen.product_name(i)
    start = offset % (len(name) - 2)
    piece = name[start : start + length] if len(name) - start >= 3 else name[-3:]
    assume(len(piece.strip()) >= 3)
    with world.db.read() as conn:
        found = queries.search_products(conn, piece, limit=SKUS)
    assert datagen.sku_of(i) in {p.sku for p in found}
    words = piece.lower().split()
    for product in found[:200]:
        text = _indexed_text(int(product.sku[4:]))
        if len([w for w in words if len(w) >= 3]) == 0:
            assert piece.strip().lower() in text
        else:
            assert all(w in text for w in words)


def test_search_ranks_a_few_hits_and_caps_many(world: World) -> None:
    """An exact SKU or barcode ranks first; a frequent term returns the limit unranked."""
    with world.db.read() as conn:
        by_sku = queries.search_products(conn, "SKU-0012345")
        by_gtin = queries.search_products(conn, datagen.gtin_of(777))
        many = queries.search_products(conn, "cotton", limit=50)
        none = queries.search_products(conn, "zzqx")
    assert by_sku[0].sku == "SKU-0012345"
    assert by_gtin[0].sku == datagen.sku_of(777)
    assert len(many) == 50
    assert all("cotton" in p.name.lower() for p in many)
    assert none == []


def test_short_input_is_a_prefix_search_on_indexed_columns(world: World) -> None:
    """Under 3 characters: names starting with it (any case), by name, then SKUs."""
    with world.db.read() as conn:
        found = queries.search_products(conn, "bl", limit=20)
        sku_prefix = queries.search_products(conn, "sk", limit=5)
        wildcard = queries.search_products(conn, "%", limit=5)
    assert len(found) == 20
    assert all(p.name.lower().startswith("bl") for p in found)
    assert [p.name.lower() for p in found] == sorted(p.name.lower() for p in found)
    assert [p.sku for p in sku_prefix] == [datagen.sku_of(i) for i in range(1, 6)]
    assert wildcard == []
    name_plan = _plan(world, "SELECT sku FROM products WHERE name LIKE ? ESCAPE '\\'", ("bl%",))
    assert "USING INDEX ix_products_name" in name_plan


def test_short_words_narrow_longer_ones(world: World) -> None:
    """``shirt xl``: the trigram index finds shirts, the short word keeps the XL ones."""
    with world.db.read() as conn:
        found = queries.search_products(conn, "Shirt XL", limit=SKUS)
        only_short = queries.search_products(conn, "d S", limit=SKUS)
    assert found
    for p in found:
        doc = datagen.product_doc(int(p.sku[4:]))
        assert "shirt" in p.name.lower()
        assert "xl" in _indexed_text(int(p.sku[4:]))
        assert doc["sku"] == p.sku
    assert all("d s" in _indexed_text(int(p.sku[4:])) for p in only_short)
    assert only_short


def test_inventory_for_lists_each_store_own_first_then_nearest(world: World) -> None:
    """Stock per mirrored store with availability, own store first, then by distance."""
    sku = datagen.sku_of(4321)
    with world.db.read() as conn:
        found = queries.inventory_for(conn, sku)
    assert found[0].store_id == 1
    assert sorted(s.store_id for s in found) == list(range(1, STORES + 1))
    distances = [s.distance_km for s in found[1:]]
    assert all(d is not None for d in distances)
    assert distances == sorted(distances)  # type: ignore[type-var]
    for s in found:
        doc = datagen.inventory_doc(s.store_id, 4321)
        assert (s.on_hand, s.reserved) == (doc["on_hand"], doc["reserved"])
        assert s.available == max(0, doc["on_hand"] - doc["reserved"] - doc["safety_stock"])
    plan = _plan(world, "SELECT on_hand FROM v_inventory WHERE sku = ?", (sku,))
    assert "ix_inventory_sku" in plan


def test_nearby_stores_by_great_circle_distance(world: World) -> None:
    """Nearest stores first, never the store itself nor a distribution centre."""
    with world.db.read() as conn:
        found = queries.nearby_stores(conn, 1, limit=3)
        nowhere = queries.nearby_stores(conn, 99)
    stores = [datagen.store_doc(i) for i in range(2, STORES + 1)]
    origin = datagen.store_doc(1)
    expected = by_distance(
        (origin["latitude"], origin["longitude"]),
        stores,
        lambda s: (s["latitude"], s["longitude"]),
    )[:3]
    assert [s.id for s in found] == [s["id"] for _km, s in expected]
    assert [round(s.distance_km, 6) for s in found] == [round(km, 6) for km, _s in expected]
    assert nowhere == []


def test_staff_by_login(world: World) -> None:
    """By username in any case, by badge id, or by a scanned badge code."""
    with world.db.read() as conn:
        by_name = queries.staff_by_login(conn, "USER1")
        by_badge = queries.staff_by_login(conn, "B00001")
        by_scan = queries.staff_by_login(conn, badge_code("B00001"))
        unknown = queries.staff_by_login(conn, "nobody")
    assert by_name is not None
    assert by_name.username == "user1"
    assert by_name.active is True
    assert by_badge == by_name
    assert by_scan == by_name
    assert unknown is None


def test_reason_codes_and_outbox_length(world: World) -> None:
    """Small lookups the dialogs need."""
    with world.db.read() as conn:
        assert queries.reason_codes(conn, "cancel") == [
            ("customer_request", "Customer asked to cancel")
        ]
        assert queries.outbox_length(conn) == 25


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("+31 6 1234", "3161234"),
        ("0031 6 1234", "3161234"),
        ("06-12 34", "61234"),
        ("(020) 555.12/34", "205551234"),
        ("0042", None),  # too few digits left to be a phone: a plain search
        ("WEB-1000042", None),
        ("jansen", None),
        ("", None),
    ],
)
def test_phone_search_digits(typed: str, digits: str | None) -> None:
    """A typed phone number loses its marks, the international 00 and a trunk 0."""
    assert phone_search_digits(typed) == digits


def test_a_phone_number_is_found_however_it_is_typed(world: World) -> None:
    """International, 00-prefixed and national forms with spaces all find the customer."""
    doc = next(d for d in world.docs.values() if d["id"] in _expected_pickup(world, "ready"))
    phone = doc["customer"]["phone"]  # stored as +31 6 ... without spaces
    assert phone.startswith("+316")
    national = "0" + phone[3:]
    typed_forms = [
        f"{phone[:3]} {phone[3]} {phone[4:8]} {phone[8:]}",
        f"00{phone[1:3]} {phone[3:]}",
        f"{national[:2]} {national[2:6]}-{national[6:]}",
    ]
    for typed in typed_forms:
        with world.db.read() as conn:
            found = [r.id for r in queries.pickup_queue(conn, 1, "ready", typed, NOW)]
        assert doc["id"] in found, typed
        assert all(phone[3:] in world.docs[i]["customer"]["phone"] for i in found), typed
