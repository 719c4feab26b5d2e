"""The demo chain and the order simulator, on SQLite and PostgreSQL.

The chain is seeded once per backend (module-scoped): counts, valid barcodes, every
fulfillment state at the main store and elsewhere, stock that adds up, working credentials.
"""

from __future__ import annotations

import json
import os
import random
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from desktop_oms.domain.entities import Channel, OpeningHours
from desktop_oms.domain.identifiers import GtinCode, parse_code, validate_badge_id
from desktop_oms.domain.roles import Role
from desktop_oms.domain.status import FulfillmentMethod, FulfillmentStatus
from desktop_oms.protocol.sync import Kind
from desktop_oms.server import schema as t
from desktop_oms.server.auth import resolve_channel_key, verify_pin
from desktop_oms.server.db import Database
from desktop_oms.server.errors import ApiError
from desktop_oms.server.migrate import prepare_database
from desktop_oms.server.payments import Authorization, AuthOutcome, TestPaymentProvider
from desktop_oms.server.seed import (
    DEMO_PIN,
    MAIN_STORE,
    Catalogue,
    DemoCredentials,
    demo_credentials,
    format_credentials,
    generate_catalogue,
    seed_demo,
)
from desktop_oms.server.seed_data import DEPARTMENTS
from desktop_oms.server.simulate import OrderSimulator

NOW = datetime.now(UTC).replace(microsecond=0)
S = FulfillmentStatus
EVERY_STATE = {
    S.OPEN,
    S.PICKING,
    S.READY_FOR_PICKUP,
    S.HANDED_OVER,
    S.PACKED,
    S.SHIPPED,
    S.IN_TRANSIT,
    S.ARRIVED,
    S.CANCELLED,
    S.EXPIRED,
    S.REJECTED,
}

Seeded = tuple[Database, DemoCredentials]


def _pg_database() -> Iterator[str]:
    admin_url = os.environ.get("DESKTOP_OMS_TEST_PG_URL")
    required = os.environ.get("DESKTOP_OMS_REQUIRE_PG") == "1"
    if not admin_url:
        if required:
            pytest.fail("DESKTOP_OMS_REQUIRE_PG=1 but DESKTOP_OMS_TEST_PG_URL is not set")
        pytest.skip("DESKTOP_OMS_TEST_PG_URL not set")
    name = f"oms_seed_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.OperationalError as exc:
        admin.dispose()
        if required:
            pytest.fail(f"PostgreSQL is not reachable: {exc}")
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    try:
        yield sa.engine.make_url(admin_url).set(database=name).render_as_string(False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def seeded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Seeded]:
    """A small demo chain, seeded once per backend for the whole module."""
    urls: Iterator[str]
    if request.param == "sqlite":
        urls = iter([f"sqlite:///{tmp_path_factory.mktemp('seed') / 'oms.sqlite3'}"])
    else:
        urls = _pg_database()
    url = next(urls)
    db = Database(url)
    try:
        prepare_database(db)
        creds = seed_demo(db, TestPaymentProvider(), "small", now=NOW)
        yield db, creds
    finally:
        db.dispose()
        for _ in urls:  # runs the PostgreSQL generator's clean-up
            pass


# --- the chain ---------------------------------------------------------------------------


def test_locations_are_real_places(seeded: Seeded) -> None:
    """Eight stores and a DC, with coordinates in the Benelux/Rhineland and valid hours."""
    db, creds = seeded
    with db.read() as conn:
        rows = list(conn.execute(sa.select(t.stores).order_by(t.stores.c.id)))
    stores = [r for r in rows if r.kind == "store"]
    assert len(stores) >= 8
    assert [r.code for r in rows if r.kind == "dc"] == ["TLBDC"]
    assert MAIN_STORE in {r.code for r in stores}
    by_code = {r.code: r for r in rows}
    assert by_code["AMS1"].latitude == pytest.approx(52.37, abs=0.05)
    assert by_code["AMS1"].longitude == pytest.approx(4.89, abs=0.05)
    assert by_code["CGN1"].latitude == pytest.approx(50.94, abs=0.05)
    for r in rows:
        assert 50.0 < r.latitude < 54.0 and 3.0 < r.longitude < 7.5, r.code
        ZoneInfo(r.timezone)
        hours = OpeningHours.parse(r.opening_hours)
        assert len(hours.closed_days) <= 1
    assert OpeningHours.parse(by_code["BRU1"].opening_hours).closed_days == ("sun",)
    assert [code for code, _ in creds.stores] == [r.code for r in rows]


def test_catalogue_has_valid_barcodes(seeded: Seeded) -> None:
    """~2,000 SKUs in every department; each has one valid GTIN-13, some a second code."""
    db, _ = seeded
    with db.read() as conn:
        products = list(conn.execute(sa.select(t.products)))
        idents = list(conn.execute(sa.select(t.product_identifiers)))
    assert len(products) == 2_000
    assert {p.department for p in products} == {d.name for d in DEPARTMENTS}
    assert all(p.price_minor > 0 and p.currency == "EUR" for p in products)
    assert all(isinstance(p.attributes, dict) and p.attributes for p in products)
    assert all(all(isinstance(v, str) for v in p.attributes.values()) for p in products)
    gtin13: dict[str, int] = defaultdict(int)
    kinds: dict[str, int] = defaultdict(int)
    for ident in idents:
        kinds[ident.kind] += 1
        decoded = parse_code(ident.value)
        assert isinstance(decoded, GtinCode), ident.value
        assert decoded.digits == ident.value
        if ident.kind == "GTIN-13":
            gtin13[ident.sku] += 1
            assert decoded.gtin14 == "0" + ident.value
    assert set(gtin13) == {p.sku for p in products}
    assert set(gtin13.values()) == {1}
    assert kinds["GTIN-8"] > 0 and kinds["store"] > 0
    books = [i.value for i in idents if i.sku.startswith("BK-") and i.kind == "GTIN-13"]
    assert books and all(v.startswith("978") for v in books)  # ISBN-13s


def test_catalogue_generation_is_reproducible() -> None:
    """The same seed gives the same catalogue, another seed another one."""

    def rows(seed: int) -> list[object]:
        return list(generate_catalogue(300, random.Random(seed), Catalogue()))

    assert rows(7) == rows(7)
    assert rows(7) != rows(8)


def test_stock_covers_part_of_the_range(seeded: Seeded) -> None:
    """Each store stocks 40-70% of the SKUs, the DC most; never negative, never over-reserved."""
    db, _ = seeded
    inv = t.inventory.c
    with db.read() as conn:
        per_store: dict[str, int] = dict(
            conn.execute(
                sa.select(t.stores.c.code, sa.func.count())
                .join(t.inventory, inv.store_id == t.stores.c.id)
                .group_by(t.stores.c.code)
            ).all()
        )
        bad = conn.execute(
            sa.select(sa.func.count()).where(
                sa.or_(inv.on_hand < 0, inv.reserved < 0, inv.reserved > inv.on_hand)
            )
        ).scalar_one()
        sellers = conn.execute(sa.select(sa.func.count()).where(inv.daily_sales > 0)).scalar_one()
        safety = conn.execute(sa.select(sa.func.count()).where(inv.safety_stock > 0)).scalar_one()
    assert bad == 0
    assert sellers > 0 and safety > 0
    for code, count in per_store.items():
        share = count / 2_000
        assert (0.85 <= share <= 0.95) if code == "TLBDC" else (0.33 <= share <= 0.75), code


def test_reservations_match_open_work(seeded: Seeded) -> None:
    """Reserved stock is exactly what open fulfillments still hold at their source store."""
    db, _ = seeded
    f, fl = t.fulfillments.c, t.fulfillment_lines.c
    m = FulfillmentMethod
    holding = [S.OPEN, S.PICKING, S.PACKED]
    expected: dict[tuple[int, str], int] = defaultdict(int)
    with db.read() as conn:
        rows = conn.execute(
            sa.select(
                f.store_id, f.method, f.status, fl.sku, fl.quantity, fl.rejected, fl.refused
            ).join(t.fulfillment_lines, fl.fulfillment_id == f.id)
        )
        for r in rows:
            holds = S(r.status) in holding or (
                r.method == m.STORE_PICKUP and r.status == S.READY_FOR_PICKUP
            )
            if holds:
                expected[(r.store_id, r.sku)] += r.quantity - r.rejected - r.refused
        inv = t.inventory.c
        actual = {
            (r.store_id, r.sku): r.reserved
            for r in conn.execute(
                sa.select(inv.store_id, inv.sku, inv.reserved).where(inv.reserved > 0)
            )
        }
    assert actual == {k: v for k, v in expected.items() if v}


def test_staff_of_every_role(seeded: Seeded) -> None:
    """Associate, lead and manager per location; customer service and admin chain-wide."""
    db, creds = seeded
    with db.read() as conn:
        staff = list(conn.execute(sa.select(t.staff)))
        location_ids = list(conn.execute(sa.select(t.stores.c.id)).scalars())
    roles = {(r.store_id, Role(r.role)) for r in staff}
    for store_id in location_ids:
        for role in (Role.ASSOCIATE, Role.LEAD, Role.MANAGER):
            assert (store_id, role) in roles
    assert (None, Role.CUSTOMER_SERVICE) in roles and (None, Role.ADMIN) in roles
    assert {Role(r.role) for r in staff} == set(Role)
    for r in staff:
        validate_badge_id(r.badge_id)
    assert {x.username for x in creds.staff} == {r.username for r in staff}
    manager = next(r for r in staff if r.username == "ams1.manager")
    assert manager.role == Role.MANAGER.value and manager.active
    assert verify_pin(manager.pin_hash, DEMO_PIN)
    assert creds.login("ams1.manager").badge_barcode == f"OMS:S:{manager.badge_id}"
    assert len(staff) <= 4 * len(location_ids) + 4  # Argon2 is slow: the demo stays modest


def test_channel_keys_work(seeded: Seeded) -> None:
    """Each printed channel key authenticates as its channel."""
    db, creds = seeded
    assert {c.channel for c in creds.channels} == {
        Channel.WEB,
        Channel.MARKETPLACE,
        Channel.CALL_CENTRE,
    }
    with db.read() as conn:
        for key in creds.channels:
            assert resolve_channel_key(conn, key.api_key).channel is key.channel


def _statuses(db: Database, where: sa.ColumnElement[bool]) -> set[S]:
    with db.read() as conn:
        return {
            S(x) for x in conn.execute(sa.select(t.fulfillments.c.status).where(where)).scalars()
        }


def test_every_state_at_the_main_store_and_elsewhere(seeded: Seeded) -> None:
    """Every fulfillment state exists at the main store and at other locations."""
    db, _ = seeded
    f = t.fulfillments.c
    with db.read() as conn:
        main = conn.execute(
            sa.select(t.stores.c.id).where(t.stores.c.code == MAIN_STORE)
        ).scalar_one()
    at_main = sa.or_(f.store_id == main, f.destination_store_id == main)
    elsewhere = sa.and_(
        f.store_id != main, sa.or_(f.destination_store_id.is_(None), f.destination_store_id != main)
    )
    assert _statuses(db, at_main) >= EVERY_STATE
    assert _statuses(db, elsewhere) >= EVERY_STATE
    with db.read() as conn:
        methods = set(conn.execute(sa.select(f.method).where(at_main).distinct()).scalars())
        assert methods == {m.value for m in FulfillmentMethod}
        ready = list(
            conn.execute(
                sa.select(f.bin, f.pickup_deadline).where(at_main, f.status == S.READY_FOR_PICKUP)
            )
        )
        assert ready and all(r.bin and r.pickup_deadline > NOW for r in ready)
        handed_today = conn.execute(
            sa.select(sa.func.count())
            .select_from(t.audit)
            .where(t.audit.c.action == "hand_over", t.audit.c.at > NOW - timedelta(hours=12))
        ).scalar_one()
        assert handed_today > 0
        active = [s.value for s in S if not s.terminal]
        overdue = conn.execute(
            sa.select(sa.func.count()).where(at_main, f.status.in_(active), f.promised_at < NOW)
        ).scalar_one()
        assert overdue > 0
        on_time = conn.execute(
            sa.select(sa.func.count()).where(at_main, f.status.in_(active), f.promised_at > NOW)
        ).scalar_one()
        assert on_time > 0


def test_the_main_counter_has_a_handful_in_every_tab(seeded: Seeded) -> None:
    """AMS1's pickup counter, as the station's tabs show it: several ready (some made ready
    after their promised time), some handed over since the store's midnight, a few within
    the Expiring tab's window, and expired and cancelled pickups still in their bins."""
    from desktop_oms.cache.queries import EXPIRING_WITHIN
    from desktop_oms.server.seed import COUNTER, counter_state, load_stores

    db, _ = seeded
    with db.read() as conn:
        main = next(s for s in load_stores(conn) if s.code == MAIN_STORE)
    found = counter_state(db, main, NOW)
    assert all(found[kind] >= wanted for kind, wanted in COUNTER.items()), found
    assert COUNTER["ready"] >= 5 and COUNTER["handed_over_today"] >= 3
    f = t.fulfillments.c
    pickup_here = sa.or_(
        sa.and_(f.method == "store_pickup", f.store_id == main.id),
        sa.and_(f.method == "ship_to_store", f.destination_store_id == main.id),
    )
    with db.read() as conn:
        expiring = conn.execute(
            sa.select(sa.func.count()).where(
                pickup_here,
                f.status == S.READY_FOR_PICKUP,
                f.pickup_deadline > NOW,
                f.pickup_deadline <= NOW + EXPIRING_WITHIN,
            )
        ).scalar_one()
        midnight = datetime.combine(
            NOW.astimezone(ZoneInfo("Europe/Amsterdam")).date(),
            datetime.min.time(),
            ZoneInfo("Europe/Amsterdam"),
        )
        handed = conn.execute(
            sa.select(f.updated_at).where(pickup_here, f.status == S.HANDED_OVER)
        ).scalars()
        staged = conn.execute(
            sa.select(f.status, f.bin).where(
                pickup_here, f.status.in_([S.EXPIRED, S.CANCELLED]), f.bin.is_not(None)
            )
        ).all()
    assert expiring >= COUNTER["expiring"]
    assert sum(1 for at in handed if midnight <= at <= NOW) >= COUNTER["handed_over_today"]
    assert {status for status, _ in staged} == {S.EXPIRED, S.CANCELLED}


def test_the_main_store_has_a_day_for_the_inventory_view(seeded: Seeded) -> None:
    """AMS1's inventory view has figures for today: fulfilments completed since midnight with
    their ready and completion times, rejections for several reasons, aged ready pickups,
    overdue open work, products out of stock and low; the view's thresholds are settings."""
    from desktop_oms.server.seed import _store_midnight, load_stores
    from desktop_oms.server.seed_day import DAY, day_state

    db, _ = seeded
    with db.read() as conn:
        main = next(s for s in load_stores(conn) if s.code == MAIN_STORE)
    midnight = _store_midnight(db, main, NOW)
    found = day_state(db, main, NOW, midnight)
    assert all(found[kind] >= wanted for kind, wanted in DAY.items()), found
    f, i = t.fulfillments.c, t.inventory.c
    with db.read() as conn:
        done = conn.execute(
            sa.select(f.method, f.ready_at, f.completed_at).where(
                sa.or_(f.store_id == main.id, f.destination_store_id == main.id),
                f.status.in_([S.HANDED_OVER, S.SHIPPED]),
                f.completed_at >= midnight,
            )
        ).all()
        settings = dict(conn.execute(sa.select(t.settings.c.key, t.settings.c.value)).all())
        atp = i.on_hand - i.reserved - i.safety_stock
        out = conn.execute(
            sa.select(sa.func.count()).where(i.store_id == main.id, atp <= 0)
        ).scalar_one()
        low = conn.execute(
            sa.select(sa.func.count()).where(i.store_id == main.id, atp > 0, atp <= 3)
        ).scalar_one()
    assert {m for m, _, _ in done} == {"store_pickup", "ship_from_store"}
    assert all(r is not None and r <= c <= NOW for _, r, c in done)
    ends = sorted(c for _, _, c in done)
    assert ends[-1] - ends[0] >= (NOW - midnight) / 4  # spread over the day, not one burst
    assert out >= 10 and low >= 10
    assert settings["inventory.low_stock_units"] == 3
    assert settings["inventory.aged_pickup_days"] == 3


def test_orders_from_several_channels_some_on_review(seeded: Seeded) -> None:
    """Orders come from web, marketplace and call centre; some are held for fraud review."""
    db, _ = seeded
    o, f = t.orders.c, t.fulfillments.c
    with db.read() as conn:
        channels = set(conn.execute(sa.select(o.channel).distinct()).scalars())
        deliveries = set(conn.execute(sa.select(o.delivery).distinct()).scalars())
        held_at_main = conn.execute(
            sa.select(sa.func.count())
            .select_from(t.orders)
            .join(t.fulfillments, f.order_id == o.id)
            .join(t.stores, t.stores.c.id == f.store_id)
            .where(o.fraud_state == "review", t.stores.c.code == MAIN_STORE)
        ).scalar_one()
        rules = [
            r
            for (value,) in conn.execute(sa.select(o.fraud_rules).where(o.fraud_state == "review"))
            for r in (json.loads(value) if isinstance(value, str) else value)
        ]
        pending = conn.execute(
            sa.select(sa.func.count()).where(t.notifications.c.status == "pending")
        ).scalar_one()
    assert channels == {"web", "marketplace", "call_centre"}
    assert deliveries == {"pickup", "delivery"}
    assert held_at_main > 0
    assert "high_value" in rules
    assert pending == 0  # the seed's notices are history, not a flood at start


def test_bulk_catalogue_is_not_on_the_feed(seeded: Seeded) -> None:
    """Products are delivered by the snapshot; stores, staff and touched stock by the feed."""
    db, _ = seeded
    c = t.changes.c
    with db.read() as conn:
        kinds: dict[str, int] = dict(
            conn.execute(sa.select(c.kind, sa.func.count()).group_by(c.kind)).all()
        )
        stock_rows = conn.execute(sa.select(sa.func.count()).select_from(t.inventory)).scalar_one()
    assert Kind.PRODUCT.value not in kinds
    assert kinds[Kind.STORE.value] == 9
    assert kinds[Kind.STAFF.value] > 0 and kinds[Kind.FULFILLMENT.value] > 0
    assert 0 < kinds[Kind.INVENTORY.value] < stock_rows / 5
    # the demo summary, the store's box types and the inventory view's two thresholds
    assert kinds[Kind.SETTING.value] == 4


def test_credentials_table_and_recovery(seeded: Seeded) -> None:
    """The table names every login; a re-run recovers them with fresh channel keys."""
    db, creds = seeded
    text = format_credentials(creds)
    assert creds.format_credentials() == text
    for needle in ("ams1.manager", "ams1.associate", "service1", "admin", DEMO_PIN, MAIN_STORE):
        assert needle in text
    for key in creds.channels:
        assert key.api_key in text
    ch = t.channels.c
    with db.read() as conn:
        saved = list(conn.execute(sa.select(ch.id, ch.key_lookup, ch.key_hash)))
    again = demo_credentials(db)
    try:
        assert again is not None
        assert again.main_store == MAIN_STORE and again.size == "small"
        assert [s.username for s in again.staff] == [s.username for s in creds.staff]
        assert again.stores == creds.stores
        with db.read() as conn:
            for old, new in zip(creds.channels, again.channels, strict=True):
                assert new.api_key != old.api_key
                assert resolve_channel_key(conn, new.api_key).channel is new.channel
                with pytest.raises(ApiError):
                    resolve_channel_key(conn, old.api_key)
    finally:  # put the original keys back for the other tests
        with db.write() as conn:
            for row in saved:
                conn.execute(
                    sa.update(t.channels)
                    .where(ch.id == row.id)
                    .values(key_lookup=row.key_lookup, key_hash=row.key_hash)
                )


def test_seeding_twice_is_refused(seeded: Seeded) -> None:
    """The demo only seeds an empty database."""
    db, _ = seeded
    with pytest.raises(ValueError, match="already has stores"):
        seed_demo(db, TestPaymentProvider(), "small")


def test_demo_credentials_of_a_plain_database(sqlite_url: str) -> None:
    """A database that was not seeded as a demo has no demo credentials."""
    db = Database(sqlite_url)
    prepare_database(db)
    assert demo_credentials(db) is None
    db.dispose()


# --- the simulator -----------------------------------------------------------------------


def _orders(db: Database) -> int:
    with db.read() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(t.orders)).scalar_one())


def test_simulator_places_plausible_orders(seeded: Seeded) -> None:
    """Each order is placed through intake: routed, reserved, from a demo channel."""
    db, _ = seeded
    before = _orders(db)
    sim = OrderSimulator(db, TestPaymentProvider(), per_minute=60, rng_seed=3)
    outs = [sim.place_one() for _ in range(8)]
    placed = [o for o in outs if o is not None]
    assert len(placed) >= 6 and sim.placed == len(placed)
    assert _orders(db) == before + len(placed)
    assert all(o.fulfillments for o in placed)
    assert {o.channel for o in placed} <= {Channel.WEB, Channel.MARKETPLACE, Channel.CALL_CENTRE}


def test_simulator_high_value_orders_go_to_review(seeded: Seeded) -> None:
    """A high-value order trips the fraud rules."""
    db, _ = seeded
    sim = OrderSimulator(db, TestPaymentProvider(), 60, rng_seed=5, high_value_share=1.0)
    out = sim.place_one()
    assert out is not None
    assert out.total_minor > 150_000 and "high_value" in out.fraud_rules


def test_simulator_thread_runs_at_its_rate_and_stops(seeded: Seeded) -> None:
    """The thread keeps placing orders until stopped."""
    db, _ = seeded
    sim = OrderSimulator(db, TestPaymentProvider(), per_minute=1200, rng_seed=11)
    sim.start()
    try:
        deadline = time.monotonic() + 30
        while sim.placed < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert sim.placed >= 3
    finally:
        sim.stop()
    assert not sim.running


class _Broken:
    """A payment provider that is down (raises), then declines."""

    def __init__(self) -> None:
        self.calls = 0

    def authorize(self, amount_minor: int, currency: str, card_number: str) -> Authorization:
        self.calls += 1
        if self.calls % 2:
            raise ConnectionError("provider down")
        return Authorization(AuthOutcome.DECLINED, None, "declined")


def test_simulator_survives_failures(seeded: Seeded) -> None:
    """Refused orders are counted and logged; the thread keeps going."""
    db, _ = seeded
    before = _orders(db)
    payments = _Broken()
    sim = OrderSimulator(db, payments, per_minute=1200, rng_seed=13)
    sim.start()
    try:
        deadline = time.monotonic() + 30
        while sim.failed < 4 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert sim.failed >= 4 and sim.running
    finally:
        sim.stop()
    assert sim.placed == 0 and payments.calls >= 4
    assert _orders(db) == before


def test_simulator_needs_a_rate(seeded: Seeded) -> None:
    """A rate of zero is a mistake, not a silent no-op."""
    db, _ = seeded
    with pytest.raises(ValueError, match="positive rate"):
        OrderSimulator(db, TestPaymentProvider(), per_minute=0)


def test_simulator_on_an_empty_database(sqlite_url: str) -> None:
    """Without stores there is nothing to order, and nothing breaks."""
    db = Database(sqlite_url)
    prepare_database(db)
    sim = OrderSimulator(db, TestPaymentProvider(), per_minute=60, rng_seed=1)
    assert sim.place_one() is None
    db.dispose()
