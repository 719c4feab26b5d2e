"""Cycle counts in the cache: scope, scans, the variance review, submit as commands."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_oms.cache import counts, outbox, queries, state
from desktop_oms.cache.apply import apply_changes
from desktop_oms.cache.counts import Scope
from desktop_oms.cache.db import CacheDB
from desktop_oms.cache.state import Key
from desktop_oms.domain.commands import CommandName, TargetKind
from desktop_oms.domain.errors import MissingRequirement, NotFound, PermissionDenied
from tests.cache import datagen
from tests.cache.datagen import change
from tests.cache.helpers import load_chain

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
ASSOCIATE, MANAGER = 1, 2
STORE = 1


@pytest.fixture
def station(cache: CacheDB) -> CacheDB:
    """A store-1 station of a 70-product chain, with an associate and a manager."""
    load_chain(cache, datagen.Chain(skus=70, stores=3))
    with cache.write() as conn:
        apply_changes(
            conn,
            [
                change("staff", "1", datagen.staff_doc(ASSOCIATE, STORE, "associate")),
                change("staff", "2", datagen.staff_doc(MANAGER, STORE, "manager")),
            ],
        )
    return cache


def _home(db: CacheDB) -> list[queries.ProductRow]:
    with db.read() as conn:
        return counts.scope_products(conn, Scope("department", "Home"))


def _start(db: CacheDB, scope: Scope, staff: int = ASSOCIATE) -> counts.CountSession:
    with db.write() as conn:
        return counts.start(conn, store_id=STORE, scope=scope, staff_id=staff, now=NOW)


def _scan(db: CacheDB, session: int, code: str, *, add_outside: bool = False) -> counts.CountLine:
    with db.write() as conn:
        return counts.record_scan(
            conn, session, code, staff_id=ASSOCIATE, now=NOW, add_outside=add_outside
        )


def _on_hand(db: CacheDB, sku: str) -> tuple[int, int]:
    with db.read() as conn:
        row = conn.exec_driver_sql(
            "SELECT on_hand, version FROM v_inventory WHERE store_id = ? AND sku = ?", (STORE, sku)
        ).one()
    return int(row[0]), int(row[1])


def test_scope_by_department_and_by_shelf(station: CacheDB) -> None:
    """A department holds its products; a bay (``H-07``) and a shelf (``H-07-C``) hold the
    products whose derived location is there, of every department on that aisle letter."""
    with station.read() as conn:
        assert counts.make_scope(conn, "department", " home ") == Scope("department", "Home")
        with pytest.raises(NotFound, match="No department is called “Garden”"):
            counts.make_scope(conn, "department", "Garden")
        with pytest.raises(NotFound, match="no aisle Z"):
            counts.make_scope(conn, "shelf", "Z-01")
        with pytest.raises(MissingRequirement, match="is not a shelf"):
            counts.make_scope(conn, "shelf", "H-41")
        assert counts.make_scope(conn, "shelf", "h7c") == Scope("shelf", "H-07-C")
        assert counts.parse_shelf("k 3") == "K-03"
        every = conn.exec_driver_sql("SELECT sku, department FROM products").all()
    home = _home(station)
    assert {p.sku for p in home} == {s for s, d in every if d == "Home"} != set()
    location = queries.shelf_location("Home", home[0].sku)
    bay = location[:4]
    with station.read() as conn:
        in_bay = counts.scope_products(conn, Scope("shelf", bay))
        on_shelf = counts.scope_products(conn, Scope("shelf", location))
    expected_bay = {s for s, d in every if queries.shelf_location(d, s).startswith(bay + "-")}
    assert {p.sku for p in in_bay} == expected_bay
    assert home[0].sku in {p.sku for p in on_shelf} <= expected_bay
    assert Scope("shelf", bay).label == f"Aisle H, bay {bay[2:]}"
    assert Scope("shelf", location).label == f"Shelf {location}"


def test_scans_count_units_and_keep_the_snapshot_of_the_first(station: CacheDB) -> None:
    """Each scan is +1 on its product's line; the line keeps the expected quantity, the
    confirmed version and the last outbox seq of its first scan, even when stock and
    the outbox move on before the next."""
    product = _home(station)[0]
    gtin = next(c for c, s in _codes(station, product.sku).items() if s == product.sku)
    count = _start(station, Scope("department", "Home"))
    expected, version = _on_hand(station, product.sku)
    with station.write() as conn:
        state.put(conn, Key.LAST_COMMAND_SEQ, 41)
    first = _scan(station, count.id, gtin[1:])  # as a scanner reads the EAN-13
    assert (first.counted, first.scans, first.source) == (1, 1, "scan")
    assert (first.expected, first.base_version, first.counted_at_seq) == (expected, version, 41)
    with station.write() as conn:  # a sale synced, a command issued meanwhile
        stock = datagen.inventory_doc(STORE, int(product.sku[4:]), version=version + 1)
        stock["on_hand"] = expected - 1
        apply_changes(conn, [change("inventory", f"{STORE}:{product.sku}", stock)])
        state.put(conn, Key.LAST_COMMAND_SEQ, 42)
    again = _scan(station, count.id, product.sku)
    assert (again.counted, again.scans) == (2, 2)
    assert (again.expected, again.base_version, again.counted_at_seq) == (expected, version, 41)
    with station.write() as conn:
        typed = counts.set_quantity(conn, count.id, product.sku, 7, staff_id=ASSOCIATE, now=NOW)
    assert (typed.counted, typed.source, typed.scans) == (7, "hand", 2)
    with station.read() as conn:
        assert counts.get(conn, count.id) == counts.open_counts(conn, STORE)[0]
        assert counts.open_counts(conn, STORE)[0].units == 7


def _codes(db: CacheDB, sku: str) -> dict[str, str]:
    with db.read() as conn:
        return queries.identifiers_of(conn, [sku])


def test_a_product_outside_the_count_is_refused_naming_where_it_belongs(station: CacheDB) -> None:
    """Scanning a product of another department says which one and which shelf; added on
    purpose it is counted (and its next scans too); an unknown code is NotFound."""
    count = _start(station, Scope("department", "Home"))
    with station.read() as conn:
        kitchen = counts.scope_products(conn, Scope("department", "Kitchen"))[0]
    where = queries.shelf_location("Kitchen", kitchen.sku)
    with pytest.raises(counts.OutsideScope) as refused:
        _scan(station, count.id, kitchen.sku)
    assert refused.value.location == where
    assert refused.value.message == (
        f"{kitchen.name} ({kitchen.sku}) is not part of this count: it belongs to Kitchen, "
        f"shelf {where}, not Home department. Add it to the count to count it here anyway"
    )
    with station.read() as conn:
        assert counts.lines(conn, count.id) == []
    added = _scan(station, count.id, kitchen.sku, add_outside=True)
    assert (added.counted, added.in_scope) == (1, False)
    assert _scan(station, count.id, kitchen.sku).counted == 2
    with station.read() as conn:
        assert kitchen.sku in counts.scope_codes(conn, count.id).values()
    with pytest.raises(NotFound, match="No product has the barcode 4006381333931"):
        _scan(station, count.id, "4006381333931")


def test_review_lists_counted_by_variance_value_then_stock_not_counted(station: CacheDB) -> None:
    """Counted lines come first, the largest absolute variance value on top; then every
    SKU of the scope with stock here that nobody counted, flagged as not counted."""
    home = _home(station)
    stocked = [p for p in home if _on_hand(station, p.sku)[0] > 2]
    a, b = stocked[0], stocked[1]
    count = _start(station, Scope("department", "Home"))
    with station.write() as conn:
        counts.set_quantity(conn, count.id, a.sku, 0, staff_id=ASSOCIATE, now=NOW)
        counts.set_quantity(
            conn, count.id, b.sku, _on_hand(station, b.sku)[0] + 1, staff_id=ASSOCIATE, now=NOW
        )
        counts.set_reason(conn, count.id, a.sku, "theft")
        with pytest.raises(MissingRequirement, match="not a adjust reason"):
            counts.set_reason(conn, count.id, a.sku, "lost")
        review = counts.review(conn, count.id)
        assert counts.review(conn, count.id, uncounted=False).lines == review.counted
    by_sku = {r.sku: r for r in review.lines}
    va, vb = by_sku[a.sku], by_sku[b.sku]
    assert va.variance == -_on_hand(station, a.sku)[0] and va.reason == "theft"
    assert vb.variance == 1 and vb.variance_minor == b.price_minor
    values = [abs(r.variance_minor or 0) for r in review.counted]
    assert values == sorted(values, reverse=True)
    assert review.lines[: len(review.counted)] == review.counted
    stocked_home = {p.sku for p in home if _on_hand(station, p.sku)[0] > 0}
    assert {r.sku for r in review.not_counted} == stocked_home - {a.sku, b.sku}
    assert all(r.counted is None and r.variance is None for r in review.not_counted)
    assert review.variance_units == va.variance + 1
    assert review.variance_minor == va.variance * a.price_minor + b.price_minor
    assert review.absolute_minor == abs(va.variance * a.price_minor) + b.price_minor
    assert review.differing == 2


def test_submit_queues_one_count_command_per_line_in_one_transaction(station: CacheDB) -> None:
    """An associate may count but not submit (the count stays open); a manager's submit
    queues an adjust_inventory count per counted line with the line's snapshot and reason,
    predicts the counted stock, and closes the count; the not counted SKUs are left out
    or counted as 0, as chosen."""
    home = _home(station)
    stocked = [p for p in home if _on_hand(station, p.sku)[0] > 0]
    first, second = stocked[0], stocked[1]
    count = _start(station, Scope("department", "Home"))
    with station.write() as conn:
        state.put(conn, Key.LAST_COMMAND_SEQ, 5)
    _scan(station, count.id, first.sku)
    with station.write() as conn:
        counts.set_quantity(conn, count.id, second.sku, 3, staff_id=ASSOCIATE, now=NOW)
        counts.set_reason(conn, count.id, second.sku, "damaged")
    with (
        pytest.raises(PermissionDenied, match="Only a manager can submit a count"),
        station.write() as conn,
    ):
        counts.submit(conn, count.id, staff_id=ASSOCIATE, now=NOW)
    with station.read() as conn:
        assert counts.get(conn, count.id).state == "open"  # type: ignore[union-attr]
        assert outbox.pending(conn) == []
    base = {p.sku: _on_hand(station, p.sku)[1] for p in (first, second)}
    later = NOW + timedelta(minutes=20)
    with station.write() as conn:
        done = counts.submit(conn, count.id, staff_id=MANAGER, now=later)
    assert done.count.state == "submitted" and done.count.submitted_by == MANAGER
    assert done.zeroed == 0
    commands = {
        e.target_key: (e.name, e.seq, e.base_version, e.staff_id, e.args) for e in done.entries
    }
    assert commands == {
        f"1:{first.sku}": (
            "adjust_inventory",
            6,
            base[first.sku],
            MANAGER,
            {"mode": "count", "quantity": 1, "reason": "cycle_count", "counted_at_seq": 5},
        ),
        f"1:{second.sku}": (
            "adjust_inventory",
            7,
            base[second.sku],
            MANAGER,
            {"mode": "count", "quantity": 3, "reason": "damaged", "counted_at_seq": 5},
        ),
    }
    assert _on_hand(station, first.sku)[0] == 1 and _on_hand(station, second.sku)[0] == 3
    with station.read() as conn:
        assert [e.seq for e in outbox.pending(conn)] == [6, 7]
        assert {ln.outbox_seq for ln in counts.lines(conn, count.id)} == {6, 7}
        assert counts.waiting(conn, count.id) == 2
        assert counts.open_counts(conn, STORE) == []
    with pytest.raises(counts.CountRefused, match="This count was submitted at"):
        _scan(station, count.id, first.sku)

    zero = _start(station, Scope("department", "Home"))
    _scan(station, zero.id, stocked[2].sku)
    with station.write() as conn:
        left = len(counts.review(conn, zero.id).not_counted)
        done = counts.submit(conn, zero.id, staff_id=MANAGER, now=later, uncounted="zero")
    assert done.zeroed == left > 0 and len(done.entries) == left + 1
    assert all(
        e.args["quantity"] == 0 for e in done.entries if e.target_key != f"1:{stocked[2].sku}"
    )


def test_a_failing_command_leaves_the_count_open_and_the_outbox_empty(station: CacheDB) -> None:
    """Submit is all or nothing: a line the prediction refuses (a product gone from the
    catalogue) rolls every command back, and the count stays open to fix."""
    home = _home(station)
    count = _start(station, Scope("department", "Home"))
    _scan(station, count.id, home[0].sku)
    _scan(station, count.id, home[1].sku)
    with station.write() as conn:
        conn.exec_driver_sql("UPDATE count_lines SET reason = 'gone' WHERE sku = ?", (home[1].sku,))
    with (
        pytest.raises(MissingRequirement, match="reason 'gone' is not a adjust reason"),
        station.write() as conn,
    ):
        counts.submit(conn, count.id, staff_id=MANAGER, now=NOW)
    with station.read() as conn:
        assert outbox.pending(conn) == []
        assert counts.get(conn, count.id).state == "open"  # type: ignore[union-attr]
        assert all(ln.outbox_seq is None for ln in counts.lines(conn, count.id))


def test_an_open_count_survives_closing_and_reopening_the_cache(tmp_path: Path) -> None:
    """The count and its lines are in the cache file: a restart finds them as they were."""
    path = tmp_path / "station.sqlite3"
    db = CacheDB(path)
    load_chain(db, datagen.Chain(skus=30, stores=2))
    count = _start(db, Scope("shelf", "H-07"))
    sku = datagen.sku_of(1)
    with db.write() as conn:
        counts.set_quantity(conn, count.id, sku, 4, staff_id=ASSOCIATE, now=NOW, add_outside=True)
        before = counts.lines(conn, count.id)
    db.close()
    db = CacheDB(path)
    with db.read() as conn:
        assert [c.id for c in counts.open_counts(conn, STORE)] == [count.id]
        assert counts.lines(conn, count.id) == before
    with db.write() as conn:
        counts.cancel(conn, count.id, NOW)
        assert counts.open_counts(conn, STORE) == []
    db.close()


def test_a_single_correction_is_a_delta_on_the_version_shown(station: CacheDB) -> None:
    """Damaged goods written off: a delta command based on the version the station shows;
    zero units or an unknown reason are refused before anything is queued."""
    product = _home(station)[0]
    on_hand, version = _on_hand(station, product.sku)
    with station.write() as conn:
        with pytest.raises(MissingRequirement, match="other than 0"):
            counts.adjust(
                conn,
                store_id=1,
                sku=product.sku,
                delta=0,
                reason="damaged",
                staff_id=MANAGER,
                now=NOW,
            )
        entry = counts.adjust(
            conn,
            store_id=1,
            sku=product.sku,
            delta=-1 if on_hand else 2,
            reason="damaged",
            staff_id=MANAGER,
            now=NOW,
        )
    assert entry.base_version == version
    assert entry.args == {"mode": "delta", "quantity": -1 if on_hand else 2, "reason": "damaged"}
    assert _on_hand(station, product.sku)[0] == on_hand + (-1 if on_hand else 2)


def _count_refs(db: CacheDB, count_id: int) -> tuple[list[tuple[int, int | None]], set[int | None]]:
    """The outbox (seq, args.counted_at_seq) and the count lines' counted_at_seq."""
    with db.read() as conn:
        entries = [(e.seq, e.args.get("counted_at_seq")) for e in outbox.pending(conn)]
        lines = {ln.counted_at_seq for ln in counts.lines(conn, count_id)}
    return entries, lines


def test_renumbering_the_outbox_keeps_counts_pointing_at_the_same_commands(
    station: CacheDB,
) -> None:
    """A count names the last command issued before it (``counted_at_seq``). When the
    server asks for other seqs (``sequence_gap``) or an undo takes a command back, that
    reference moves with the command it names; one naming a confirmed command stays."""
    home = [p for p in _home(station) if _on_hand(station, p.sku)[0] > 0]
    earlier = _on_hand(station, home[0].sku)
    with station.write() as conn:
        state.put(conn, Key.LAST_COMMAND_SEQ, 5)  # 1-5 confirmed by the server
        before = outbox.enqueue(
            conn,
            name=CommandName.ADJUST_INVENTORY,
            target_kind=TargetKind.INVENTORY,
            target_key=f"{STORE}:{home[0].sku}",
            base_version=earlier[1],
            staff_id=MANAGER,
            approved_by=None,
            args={"mode": "delta", "quantity": -1, "reason": "damaged"},
            now=NOW,
        )
    assert before.seq == 6
    count = _start(station, Scope("department", "Home"))
    _scan(station, count.id, home[1].sku)  # counted after command 6
    with station.write() as conn:
        state.put(conn, Key.LAST_COMMAND_SEQ, 6)
    with station.write() as conn:
        counts.set_quantity(conn, count.id, home[2].sku, 2, staff_id=ASSOCIATE, now=NOW)
        done = counts.submit(conn, count.id, staff_id=MANAGER, now=NOW)
    assert [e.seq for e in done.entries] == [7, 8]
    assert _count_refs(station, count.id) == ([(6, None), (7, 6), (8, 6)], {6})

    with station.write() as conn:
        outbox.renumber(conn, -10)  # the server expects seq 16 next
    assert _count_refs(station, count.id) == ([(16, None), (17, 16), (18, 16)], {16})
    with station.read() as conn:
        assert {ln.outbox_seq for ln in counts.lines(conn, count.id)} == {17, 18}
    with station.write() as conn:
        outbox.renumber(conn, 10)
    assert _count_refs(station, count.id) == ([(6, None), (7, 6), (8, 6)], {6})

    # command 6 taken back (as an undo does): the count now follows command 5, confirmed
    with station.write() as conn:
        conn.exec_driver_sql("DELETE FROM outbox WHERE seq = 6")
        outbox.renumber(conn, 1, above=6)
    assert _count_refs(station, count.id) == ([(6, 5), (7, 5)], {5})
    with station.write() as conn:
        outbox.renumber(conn, -3)  # a reference to a confirmed command does not move
    assert _count_refs(station, count.id) == ([(9, 5), (10, 5)], {5})
