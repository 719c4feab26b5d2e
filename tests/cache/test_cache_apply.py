"""Feed changes applied to the confirmed tables: the version rule, deletes, the search index."""

from __future__ import annotations

import json
from typing import Any

from desktop_oms.cache import queries, search_index, state
from desktop_oms.cache.apply import ApplyStats, apply_changes, wipe_confirmed
from desktop_oms.cache.db import CacheDB, driver_cursor
from tests.cache import datagen
from tests.cache.datagen import change
from tests.cache.helpers import count


def _apply(db: CacheDB, changes: list[dict[str, Any]]) -> ApplyStats:
    with db.write() as conn:
        return apply_changes(conn, changes)


def _product(db: CacheDB, sku: str) -> tuple[Any, ...] | None:
    with db.read() as conn:
        row = conn.exec_driver_sql(
            "SELECT name, price_minor, version FROM products WHERE sku = ?", (sku,)
        ).first()
    return None if row is None else tuple(row)


def _search(db: CacheDB, text: str) -> list[str]:
    with db.read() as conn:
        return [p.sku for p in queries.search_products(conn, text)]


def _index_consistent(db: CacheDB) -> bool:
    with db.read() as conn:
        return search_index.consistent(driver_cursor(conn))


def test_newer_and_equal_versions_replace_older_ones_are_ignored(cache: CacheDB) -> None:
    """Keep an incoming document only if its version is not lower than the stored one."""
    p1 = datagen.product_doc(1, version=3, name="Original Mug")
    _apply(cache, [change("product", p1["sku"], p1)])
    older = datagen.product_doc(1, version=2, name="Older Mug")
    stats = _apply(cache, [change("product", p1["sku"], older)])
    assert stats == ApplyStats(upserted=0, deleted=0, stale=1, skipped=0)
    assert _product(cache, p1["sku"]) == ("Original Mug", p1["price_minor"], 3)
    same = datagen.product_doc(1, version=3, name="Same Version Mug")
    _apply(cache, [change("product", p1["sku"], same)])
    assert _product(cache, p1["sku"]) == ("Same Version Mug", p1["price_minor"], 3)

    stock = datagen.inventory_doc(1, 1, version=5)
    _apply(cache, [change("inventory", "1:" + stock["sku"], stock)])
    stale = {**stock, "on_hand": 999, "version": 4}
    stats = _apply(cache, [change("inventory", "1:" + stock["sku"], stale)])
    assert (stats.upserted, stats.stale) == (0, 1)
    newer = {**stock, "on_hand": 3, "version": 6}
    stats = _apply(cache, [change("inventory", "1:" + stock["sku"], newer)])
    assert (stats.upserted, stats.stale) == (1, 0)
    with cache.read() as conn:
        on_hand = conn.exec_driver_sql("SELECT on_hand, version FROM inventory").one()
    assert tuple(on_hand) == (3, 6)


def test_a_fulfillment_republished_for_an_order_change_is_taken(cache: CacheDB) -> None:
    """Same fulfillment version, newer order (fraud released): the document is replaced."""
    f = datagen.fulfillment_doc(10, 1, fraud_state="review", version=2, order_version=1)
    _apply(cache, [change("fulfillment", "10", f)])
    released = datagen.fulfillment_doc(10, 1, fraud_state="released", version=2, order_version=2)
    _apply(cache, [change("fulfillment", "10", released)])
    with cache.read() as conn:
        row = conn.exec_driver_sql(
            "SELECT fraud_state, order_version, doc FROM fulfillments WHERE id = 10"
        ).one()
    assert row[:2] == ("released", 2)
    assert json.loads(row[2])["order"]["fraud_state"] == "released"


def test_the_last_change_of_a_key_in_a_page_wins(cache: CacheDB) -> None:
    """A page may carry a key twice: an upsert then a delete deletes; the reverse keeps it."""
    a, b = datagen.inventory_doc(1, 1), datagen.inventory_doc(1, 2)
    ka, kb = f"1:{a['sku']}", f"1:{b['sku']}"
    _apply(cache, [change("inventory", ka, a, 1), change("inventory", ka, None, 2)])
    _apply(cache, [change("inventory", kb, None, 3), change("inventory", kb, b, 4)])
    with cache.read() as conn:
        skus = conn.exec_driver_sql("SELECT sku FROM inventory").scalars().all()
    assert skus == [b["sku"]]


def test_deletes_remove_each_kind(cache: CacheDB) -> None:
    """A tombstone removes the document, whatever its kind; unknown keys are no-ops."""
    docs = [
        change("store", "1", datagen.store_doc(1)),
        change("staff", "1", datagen.staff_doc(1, 1)),
        change("fulfillment", "5", datagen.fulfillment_doc(5, 1)),
        change("inventory", "1:SKU-0000001", datagen.inventory_doc(1, 1)),
        change("reason_code", "cancel:other", {"kind": "cancel", "code": "other", "label": "x"}),
        change("setting", "pickup_hold_days", {"key": "pickup_hold_days", "value": 5}),
        change("product", "SKU-0000001", datagen.product_doc(1)),
    ]
    _apply(cache, docs)
    tables = (
        "stores",
        "staff",
        "fulfillments",
        "inventory",
        "reason_codes",
        "settings",
        "products",
        "identifiers",
    )
    assert [count(cache, t) for t in tables] == [1, 1, 1, 1, 1, 1, 1, 1]
    stats = _apply(
        cache, [change(d["kind"], d["key"], None) for d in docs] + [change("store", "99", None)]
    )
    assert stats.deleted == 7
    assert [count(cache, t) for t in tables] == [0] * 8
    assert _index_consistent(cache)


def test_search_index_follows_renames_identifier_moves_and_deletes(cache: CacheDB) -> None:
    """Every product change keeps the trigram index exactly in step with the products."""
    one = datagen.product_doc(1, name="Walnut Serving Board")
    two = datagen.product_doc(2, name="Copper Kettle")
    _apply(cache, [change("product", one["sku"], one), change("product", two["sku"], two)])
    assert _search(cache, "walnut") == [one["sku"]]
    assert _search(cache, datagen.gtin_of(2)[1:]) == [two["sku"]]

    renamed = {**one, "name": "Maple Serving Board", "version": 2}
    _apply(cache, [change("product", one["sku"], renamed)])
    assert _search(cache, "walnut") == []
    assert _search(cache, "maple") == [one["sku"]]

    # product 1 takes product 2's barcode: both index entries change
    moved = {**renamed, "identifiers": [["GTIN-13", datagen.gtin_of(2)]], "version": 3}
    _apply(cache, [change("product", one["sku"], moved)])
    assert _search(cache, datagen.gtin_of(2)[1:]) == [one["sku"]]
    assert _search(cache, datagen.gtin_of(1)[1:]) == []
    assert _index_consistent(cache)

    price_only = {**moved, "price_minor": 1, "version": 4}
    _apply(cache, [change("product", one["sku"], price_only)])
    assert _product(cache, one["sku"]) == ("Maple Serving Board", 1, 4)

    _apply(cache, [change("product", one["sku"], None)])
    assert _search(cache, "maple") == []
    assert count(cache, "identifiers") == 0
    assert _search(cache, "kettle") == [two["sku"]]
    assert _index_consistent(cache)


def test_an_ignored_older_product_leaves_identifiers_and_index_alone(cache: CacheDB) -> None:
    """A stale product document changes nothing at all, not even its identifiers."""
    doc = datagen.product_doc(1, version=5, name="Linen Apron")
    _apply(cache, [change("product", doc["sku"], doc)])
    stale = {**doc, "name": "Stale Apron", "identifiers": [], "version": 4}
    _apply(cache, [change("product", doc["sku"], stale)])
    assert count(cache, "identifiers") == 1
    assert _search(cache, "linen") == [doc["sku"]]
    assert _index_consistent(cache)


def test_unknown_kinds_and_empty_upserts_are_skipped(cache: CacheDB) -> None:
    """A kind from a newer server does not stop the page; it is counted as skipped."""
    stats = _apply(
        cache,
        [
            {"seq": 1, "kind": "voucher", "key": "1", "op": "upsert", "data": {"x": 1}},
            {"seq": 2, "kind": "store", "key": "2", "op": "upsert", "data": None},
            change("store", "1", datagen.store_doc(1)),
        ],
    )
    assert stats == ApplyStats(upserted=1, deleted=0, stale=0, skipped=2)


def test_wipe_confirmed_keeps_outbox_overlay_conflicts_and_identity(cache: CacheDB) -> None:
    """A reset empties synced data and the cursor, nothing the station still owes the server."""
    _apply(cache, [change("product", "SKU-0000001", datagen.product_doc(1))])
    with cache.write() as conn:
        state.set_cursor(conn, f"{datagen.EPOCH}:5")
        state.put(conn, state.Key.CLIENT_ID, "c" * 32)
        conn.exec_driver_sql(
            "INSERT INTO conflicts (outbox_seq, command, code, message, current, created_at) "
            "VALUES (1, '{}', 'stale_version', 'x', '[]', '2026')"
        )
        wipe_confirmed(conn)
    assert count(cache, "products") == 0
    assert count(cache, "conflicts") == 1
    assert _search(cache, "SKU") == []
    with cache.read() as conn:
        assert state.cursor(conn) is None
        assert state.get(conn, state.Key.CLIENT_ID) == "c" * 32
    assert _index_consistent(cache)


def test_vacuum_keeps_the_search_index_in_step(cache: CacheDB) -> None:
    """VACUUM may renumber product rowids; the index is rebuilt after it."""
    docs = [datagen.product_doc(i) for i in range(1, 201)]
    _apply(cache, [change("product", d["sku"], d) for d in docs])
    _apply(cache, [change("product", d["sku"], None) for d in docs[::2]])
    cache.vacuum()
    assert _index_consistent(cache)
    assert _search(cache, docs[1]["name"]) == [docs[1]["sku"]]
    assert _search(cache, docs[0]["name"]) == []


def test_a_new_price_is_a_narrow_update_other_changes_take_the_full_path(cache: CacheDB) -> None:
    """A change that keeps a product's text and identifiers updates the row in place (no
    identifier or search-index write); a renamed key, a new identifier kind or value, or
    an older version is still handled exactly."""
    docs = [datagen.product_doc(i, name=f"Oak Board {i}") for i in (1, 2, 3, 4, 5)]
    _apply(cache, [change("product", d["sku"], d) for d in docs])
    price, renamed_key, new_kind, new_code, stale = docs
    statements: list[str] = []
    with cache.write() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.set_trace_callback(statements.append)
        stats = apply_changes(
            conn,
            [change("product", price["sku"], {**price, "price_minor": 5, "image_ref": None})],
        )
        raw.set_trace_callback(None)
    assert stats == ApplyStats(upserted=1)
    assert any(s.startswith("UPDATE products SET price_minor") for s in statements)
    assert not [s for s in statements if "product_fts" in s or "INTO identifiers" in s]
    assert _product(cache, price["sku"]) == ("Oak Board 1", 5, 1)

    attrs = renamed_key["attributes"]
    stats = _apply(
        cache,
        [
            change("product", price["sku"], {**price, "price_minor": 7, "version": 2}),
            change(
                "product",
                renamed_key["sku"],
                {**renamed_key, "attributes": {"maat": attrs["size"], "colour": attrs["colour"]}},
            ),
            change("product", new_kind["sku"], {**new_kind, "identifiers": [["UPC-A", "x3"]]}),
            change(
                "product",
                new_code["sku"],
                {**new_code, "identifiers": [*new_code["identifiers"], ["store", "ZZ-9"]]},
            ),
            change("product", stale["sku"], {**stale, "price_minor": 1, "version": 0}),
        ],
    )
    assert stats == ApplyStats(upserted=4, stale=1)
    with cache.read() as conn:
        cur = driver_cursor(conn)
        stored_attrs = cur.execute(
            "SELECT attributes FROM products WHERE sku = ?", (renamed_key["sku"],)
        ).fetchone()[0]
        kinds = cur.execute("SELECT value, kind FROM identifiers WHERE sku = ?", (new_kind["sku"],))
        assert kinds.fetchall() == [("x3", "UPC-A")]
    assert json.loads(stored_attrs) == {"maat": attrs["size"], "colour": attrs["colour"]}
    assert _search(cache, "ZZ-9") == [new_code["sku"]]
    assert _product(cache, price["sku"]) == ("Oak Board 1", 7, 2)
    assert _product(cache, stale["sku"]) == ("Oak Board 5", stale["price_minor"], 1)
    assert _index_consistent(cache)
