"""The outbox and the pending overlay: commands with their optimistic effect, confirmations."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from desktop_oms.cache import outbox, overlay, queries, state
from desktop_oms.cache.apply import apply_changes
from desktop_oms.cache.db import CacheDB
from desktop_oms.domain.errors import (
    IllegalTransition,
    InsufficientStock,
    MissingRequirement,
    NotFound,
    OutOfScope,
    PermissionDenied,
    StaleVersion,
    VerificationFailed,
)
from desktop_oms.domain.roles import Role
from tests.cache import datagen
from tests.cache.datagen import change
from tests.cache.helpers import count, load_chain

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
ASSOCIATE, LEAD, MANAGER = 1, 2, 3


@pytest.fixture
def station(cache: CacheDB) -> CacheDB:
    """A store-1 station with staff of three roles and fulfillments in several states."""
    load_chain(cache, datagen.Chain(skus=20, stores=3))
    docs = [
        change("staff", "1", datagen.staff_doc(ASSOCIATE, 1, "associate")),
        change("staff", "2", datagen.staff_doc(LEAD, 1, "lead")),
        change("staff", "3", datagen.staff_doc(MANAGER, 1, "manager")),
        change("fulfillment", "1", datagen.fulfillment_doc(1, 1, status="open")),
        change("fulfillment", "2", datagen.fulfillment_doc(2, 1, status="ready_for_pickup")),
        change("fulfillment", "3", datagen.fulfillment_doc(3, 1, fraud_state="review")),
        change("fulfillment", "4", datagen.fulfillment_doc(4, 2, status="open")),
        change(
            "fulfillment",
            "5",
            datagen.fulfillment_doc(5, 1, method="ship_from_store", status="picking", lines=1),
        ),
    ]
    with cache.write() as conn:
        apply_changes(conn, docs)
    return cache


def _enqueue(db: CacheDB, name: str, key: str, base: int, **kw: Any) -> outbox.OutboxEntry:
    args = kw.pop("args", {})
    staff = kw.pop("staff_id", ASSOCIATE)
    kind = kw.pop("target_kind", "fulfillment")
    with db.write() as conn:
        return outbox.enqueue(
            conn,
            name=name,
            target_kind=kind,
            target_key=key,
            base_version=base,
            staff_id=staff,
            approved_by=kw.pop("approved_by", None),
            args=args,
            now=kw.pop("now", NOW),
            **kw,
        )


def _view(db: CacheDB, fid: int) -> dict[str, Any]:
    with db.read() as conn:
        row = conn.exec_driver_sql(
            "SELECT status, version, pending, outbox_seq, bin, doc FROM v_fulfillments "
            "WHERE id = ?",
            (fid,),
        ).one()
    return {
        "status": row[0],
        "version": row[1],
        "pending": row[2],
        "seq": row[3],
        "bin": row[4],
        "doc": json.loads(row[5]),
    }


def _confirmed_status(db: CacheDB, fid: int) -> str:
    with db.read() as conn:
        return str(
            conn.exec_driver_sql("SELECT status FROM fulfillments WHERE id = ?", (fid,)).scalar()
        )


def test_enqueue_appends_the_command_and_its_predicted_effect(station: CacheDB) -> None:
    """The outbox entry and the pending row appear together; confirmed data is untouched."""
    entry = _enqueue(station, "start_picking", "1", 1)
    assert (entry.seq, entry.name, entry.target_key, entry.base_version) == (
        1,
        "start_picking",
        "1",
        1,
    )
    assert entry.command()["issued_at"] == "2026-03-02T12:00:00.000000+00:00"
    view = _view(station, 1)
    assert (view["status"], view["version"], view["pending"], view["seq"]) == ("picking", 2, 1, 1)
    assert view["doc"]["status"] == "picking"
    assert _confirmed_status(station, 1) == "open"
    with station.read() as conn:
        assert [e.seq for e in outbox.pending(conn)] == [1]
        assert queries.outbox_length(conn) == 1


def test_a_refused_command_leaves_neither_entry_nor_effect(station: CacheDB) -> None:
    """The DomainError names why; the caller's transaction goes on with nothing written."""
    with station.write() as conn:
        with pytest.raises(IllegalTransition, match="cannot hand over"):
            outbox.enqueue(
                conn,
                name="hand_over",
                target_kind="fulfillment",
                target_key="1",
                base_version=1,
                staff_id=ASSOCIATE,
                approved_by=None,
                args={"verification": {"method": "pickup_code", "pickup_code": "000000"}},
                now=NOW,
            )
        state.put(conn, state.Key.SERVER_URL, "http://oms")  # the transaction is still usable
    assert count(station, "outbox") == 0
    assert count(station, "pending_fulfillments") == 0
    with station.read() as conn:
        assert state.get(conn, state.Key.LAST_COMMAND_SEQ) is None
        assert state.get(conn, state.Key.SERVER_URL) == "http://oms"


def test_a_failure_while_writing_the_effect_also_removes_the_entry(
    station: CacheDB, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entry and effect are one unit: a crash between them leaves neither."""

    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(overlay, "put_fulfillments", broken)
    with pytest.raises(OSError, match="disk full"):
        _enqueue(station, "start_picking", "1", 1)
    monkeypatch.undo()
    assert count(station, "outbox") == 0
    assert count(station, "pending_fulfillments") == 0
    assert _enqueue(station, "start_picking", "1", 1).seq == 1


@pytest.mark.parametrize(
    ("name", "key", "base", "kw", "error"),
    [
        ("start_picking", "1", 0, {}, StaleVersion),
        ("start_picking", "99", 1, {}, NotFound),
        ("start_picking", "4", 1, {}, OutOfScope),
        ("cancel", "1", 1, {"args": {"reason": "customer_request"}}, PermissionDenied),
        ("start_picking", "1", 1, {"staff_id": 42}, PermissionDenied),
        ("mark_ready", "5", 1, {"args": {"bin": "A1"}}, IllegalTransition),
        ("pack", "5", 1, {"args": {}}, MissingRequirement),
        ("expire", "2", 1, {}, PermissionDenied),
        (
            "hand_over",
            "2",
            1,
            {"args": {"verification": {"method": "pickup_code", "pickup_code": "123456"}}},
            VerificationFailed,
        ),
        (
            "hand_over",
            "2",
            1,
            {"args": {"verification": {"method": "id_check", "collector_name": "A. Person"}}},
            MissingRequirement,
        ),
        ("reject_line", "1", 1, {"args": {"line_no": 1, "quantity": 1}}, MissingRequirement),
    ],
)
def test_local_checks_refuse_what_the_server_would(
    station: CacheDB, name: str, key: str, base: int, kw: dict[str, Any], error: type[Exception]
) -> None:
    """Status machine, role, scope, version, requirements and pickup codes are checked offline."""
    with pytest.raises(error):
        _enqueue(station, name, key, base, **kw)
    assert count(station, "outbox") == 0


def test_an_approving_manager_lends_their_role(station: CacheDB) -> None:
    """An associate cancels with a manager's approval; the manager's role counts."""
    entry = _enqueue(
        station, "cancel", "1", 1, args={"reason": "customer_request"}, approved_by=MANAGER
    )
    assert entry.approved_by == MANAGER
    assert _view(station, 1)["status"] == "cancelled"


def test_commands_chain_on_predicted_state_and_seqs_never_repeat(station: CacheDB) -> None:
    """A second command builds on the first's prediction; seqs go on after confirmations."""
    first = _enqueue(station, "start_picking", "1", 1)
    second = _enqueue(station, "mark_ready", "1", 2, args={"bin": "P-007"})
    assert (first.seq, second.seq) == (1, 2)
    view = _view(station, 1)
    assert (view["status"], view["version"], view["seq"], view["bin"]) == (
        "ready_for_pickup",
        3,
        2,
        "P-007",
    )
    deadline = datetime.fromisoformat(view["doc"]["pickup_deadline"])
    assert deadline == NOW + timedelta(days=7)
    assert all(line["picked"] == line["quantity"] for line in view["doc"]["lines"])
    with station.write() as conn:
        assert outbox.confirm_through(conn, 2) == 2
    assert _enqueue(station, "start_picking", "3", 1).seq == 3


def test_the_view_shows_pending_until_the_confirmed_row_catches_up(station: CacheDB) -> None:
    """After an applied result the prediction stays until the feed brings the server's row."""
    entry = _enqueue(station, "start_picking", "1", 1)
    with station.write() as conn:
        outbox.confirm(conn, entry.seq, {"seq": 1, "id": entry.id, "status": "applied"})
    view = _view(station, 1)
    assert (view["status"], view["pending"]) == ("picking", 1)
    assert count(station, "outbox") == 0
    server = datagen.fulfillment_doc(1, 1, status="picking", version=2)
    with station.write() as conn:
        apply_changes(conn, [change("fulfillment", "1", server, 200)])
    view = _view(station, 1)
    assert (view["status"], view["pending"], view["seq"]) == ("picking", 0, None)
    assert count(station, "pending_fulfillments") == 0


def test_a_feed_row_alone_does_not_drop_an_unconfirmed_prediction(station: CacheDB) -> None:
    """Until the command is confirmed its effect is shown, whatever the feed says."""
    _enqueue(station, "start_picking", "1", 1)
    other = datagen.fulfillment_doc(1, 1, status="open", version=2, customer="Renamed")
    with station.write() as conn:
        apply_changes(conn, [change("fulfillment", "1", other)])
    assert _view(station, 1)["pending"] == 1
    with station.write() as conn:
        outbox.confirm_through(conn, 1)  # the confirmed row (v2) is not behind the prediction
    view = _view(station, 1)
    assert (view["status"], view["pending"]) == ("open", 0)


def test_a_caught_up_feed_settles_predictions_the_server_did_not_echo(station: CacheDB) -> None:
    """A command that changed nothing on the server cannot leave its prediction forever."""
    _enqueue(station, "start_picking", "1", 1)
    with station.write() as conn:
        outbox.confirm_through(conn, 1)
        assert outbox.settle(conn) == 0
        assert outbox.settle(conn, caught_up=True) == 1
    assert _view(station, 1)["pending"] == 0


def test_a_rejected_command_becomes_a_conflict_showing_the_server_state(station: CacheDB) -> None:
    """The server's current documents replace both confirmed and predicted rows at once."""
    entry = _enqueue(station, "start_picking", "1", 1)
    current = datagen.fulfillment_doc(1, 1, status="cancelled", version=4)
    result = {
        "seq": entry.seq,
        "id": entry.id,
        "status": "rejected",
        "code": "stale_version",
        "message": "fulfillment 1 changed meanwhile",
        "current": [change("fulfillment", "1", current)],
    }
    with station.write() as conn:
        outbox.confirm(conn, entry.seq, result, now=NOW)
    view = _view(station, 1)
    assert (view["status"], view["version"], view["pending"]) == ("cancelled", 4, 0)
    with station.read() as conn:
        found = queries.conflicts(conn)
        detail = queries.order_detail(conn, "WEB-1000001")
    assert len(found) == 1
    conflict = found[0]
    assert (conflict.outbox_seq, conflict.code, conflict.message) == (
        1,
        "stale_version",
        "fulfillment 1 changed meanwhile",
    )
    assert conflict.command == entry.command()
    assert conflict.current[0]["data"]["status"] == "cancelled"
    assert detail is not None
    assert detail.conflicts == [conflict]
    assert detail.commands == []
    with station.write() as conn:
        assert outbox.acknowledge(conn, conflict.id, NOW)
        assert not outbox.acknowledge(conn, conflict.id, NOW)
    with station.read() as conn:
        assert queries.conflicts(conn) == []
        assert len(queries.conflicts(conn, unacknowledged_only=False)) == 1


def test_a_result_for_another_command_is_refused(station: CacheDB) -> None:
    """A result whose id is not the entry's means a seq was reused: never silently accepted."""
    entry = _enqueue(station, "start_picking", "1", 1)
    with station.write() as conn, pytest.raises(ValueError, match="not the result"):
        outbox.confirm(conn, entry.seq, {"seq": 1, "id": "other", "status": "applied"})


def test_hand_over_with_the_right_code_and_a_refused_line(station: CacheDB) -> None:
    """The pickup code is checked offline; refused units are recorded on the line."""
    doc = _view(station, 2)["doc"]
    args = {
        "verification": {"method": "pickup_code", "pickup_code": doc["pickup_code"]},
        "refused": [{"line_no": 2, "quantity": 1, "reason": "damaged"}],
    }
    _enqueue(station, "hand_over", "2", 1, args=args)
    view = _view(station, 2)
    assert view["status"] == "handed_over"
    assert [line["refused"] for line in view["doc"]["lines"]] == [0, 1]
    with station.read() as conn:
        assert queries.pickup_queue(conn, 1, "ready", None, NOW) == []


def test_rejecting_every_line_ends_the_fulfillment_as_rejected(station: CacheDB) -> None:
    """Each reject bumps the order; the last one moves the fulfillment to rejected."""
    _enqueue(
        station, "reject_line", "1", 1, args={"line_no": 1, "quantity": 1, "reason": "damaged"}
    )
    assert _view(station, 1)["status"] == "open"
    _enqueue(
        station, "reject_line", "1", 2, args={"line_no": 2, "quantity": 2, "reason": "not_found"}
    )
    view = _view(station, 1)
    assert (view["status"], view["version"]) == ("rejected", 3)
    assert view["doc"]["order"]["version"] == 3
    assert [line["rejected"] for line in view["doc"]["lines"]] == [1, 2]


def test_order_commands_predict_cancel_and_fraud_release(station: CacheDB) -> None:
    """Order-level commands carry the order version and change every fulfillment here."""
    with pytest.raises(StaleVersion):
        _enqueue(
            station,
            "release_fraud_hold",
            "WEB-1000003",
            9,
            target_kind="order",
            staff_id=MANAGER,
        )
    _enqueue(station, "release_fraud_hold", "WEB-1000003", 1, target_kind="order", staff_id=MANAGER)
    with station.read() as conn:
        detail = queries.order_detail(conn, "WEB-1000003")
    assert detail is not None
    assert [f.doc["order"]["fraud_state"] for f in detail.fulfillments] == ["released"]
    assert [c.name for c in detail.commands] == ["release_fraud_hold"]
    _enqueue(
        station,
        "cancel_order",
        "WEB-1000003",
        2,
        target_kind="order",
        staff_id=LEAD,
        args={"reason": "customer_request"},
    )
    assert _view(station, 3)["status"] == "cancelled"
    with pytest.raises(IllegalTransition, match="nothing left"):
        _enqueue(
            station,
            "cancel_order",
            "WEB-1000003",
            3,
            target_kind="order",
            staff_id=LEAD,
            args={"reason": "customer_request"},
        )


def test_stock_adjustment_predicts_the_stock_row(station: CacheDB) -> None:
    """A manager's delta shows at once in ``v_inventory``; stock never goes below zero."""
    sku = datagen.sku_of(3)
    with station.read() as conn:
        before = {s.store_id: s for s in queries.inventory_for(conn, sku)}[1]
    with pytest.raises(PermissionDenied):
        _enqueue(
            station,
            "adjust_inventory",
            f"1:{sku}",
            1,
            target_kind="inventory",
            args={"mode": "delta", "quantity": -1, "reason": "damaged"},
        )
    with pytest.raises(InsufficientStock):
        _enqueue(
            station,
            "adjust_inventory",
            f"1:{sku}",
            1,
            target_kind="inventory",
            staff_id=MANAGER,
            args={"mode": "delta", "quantity": -before.on_hand - 1, "reason": "damaged"},
        )
    _enqueue(
        station,
        "adjust_inventory",
        f"1:{sku}",
        1,
        target_kind="inventory",
        staff_id=MANAGER,
        args={"mode": "count", "quantity": 100, "reason": "cycle_count"},
    )
    with station.read() as conn:
        after = {s.store_id: s for s in queries.inventory_for(conn, sku)}[1]
    assert (after.on_hand, after.version, after.pending) == (100, 2, True)
    with station.write() as conn:
        outbox.confirm(
            conn,
            1,
            {"status": "rejected", "code": "stale_version", "message": "x", "current": []},
            now=NOW,
        )
    with station.read() as conn:
        reverted = {s.store_id: s for s in queries.inventory_for(conn, sku)}[1]
    assert (reverted.on_hand, reverted.pending) == (before.on_hand, False)


def test_a_session_role_serves_staff_the_station_does_not_hold(station: CacheDB) -> None:
    """Chain-wide staff sign in online; their session's role is used instead of the table."""
    entry = _enqueue(
        station,
        "cancel",
        "1",
        1,
        staff_id=900,
        role=Role.CUSTOMER_SERVICE,
        args={"reason": "customer_request"},
    )
    assert entry.staff_id == 900


def test_client_id_is_created_once_and_kept(station: CacheDB) -> None:
    """The sync client id is 32 hex digits and the same on every call."""
    with station.write() as conn:
        first = outbox.client_id(conn)
    with station.write() as conn:
        assert outbox.client_id(conn) == first
    assert len(first) == 32
    assert int(first, 16) >= 0


def test_failed_pushes_are_recorded_without_leaving_the_outbox(station: CacheDB) -> None:
    """Attempts and the last error are kept for display and backoff."""
    entry = _enqueue(station, "start_picking", "1", 1)
    later = NOW + timedelta(seconds=30)
    with station.write() as conn:
        outbox.record_attempt(conn, [entry.seq], error="timeout", next_attempt_at=later)
        again = outbox.get(conn, entry.seq)
    assert again is not None
    assert (again.attempts, again.last_error, again.state) == (1, "timeout", "retrying")
    assert again.next_attempt_at == "2026-03-02T12:00:30.000000+00:00"
