"""Held commands: written at once, kept from the push until their hold ends, taken back
(undo) without leaving a seq gap, refused an undo once they left or others build on them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from desktop_oms.cache import outbox, state
from desktop_oms.cache.apply import apply_changes
from desktop_oms.cache.db import CacheDB
from desktop_oms.cache.state import Key
from tests.cache import datagen
from tests.cache.datagen import change
from tests.cache.helpers import count, load_chain

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
HOLD = NOW + timedelta(seconds=5)
ASSOCIATE = 1
READY = 2  # a ready pickup (fulfillment 2) among open ones (1, 3, 4)


@pytest.fixture
def station(cache: CacheDB) -> CacheDB:
    """A store-1 station with an associate, open fulfillments and one ready pickup."""
    load_chain(cache, datagen.Chain(skus=20, stores=2))
    docs = [
        change("staff", "1", datagen.staff_doc(ASSOCIATE, 1, "associate")),
        change("fulfillment", "1", datagen.fulfillment_doc(1, 1, status="open")),
        change("fulfillment", "2", datagen.fulfillment_doc(READY, 1, status="ready_for_pickup")),
        change("fulfillment", "3", datagen.fulfillment_doc(3, 1, status="open")),
        change("fulfillment", "4", datagen.fulfillment_doc(4, 1, status="open")),
    ]
    with cache.write() as conn:
        apply_changes(conn, docs)
    return cache


def _enqueue(
    db: CacheDB, name: str, fid: int, *, hold: datetime | None = None, **args: Any
) -> outbox.OutboxEntry:
    with db.read() as conn:
        version = conn.exec_driver_sql(
            "SELECT version FROM v_fulfillments WHERE id = ?", (fid,)
        ).scalar_one()
    with db.write() as conn:
        return outbox.enqueue(
            conn,
            name=name,
            target_kind="fulfillment",
            target_key=str(fid),
            base_version=int(version),
            staff_id=ASSOCIATE,
            approved_by=None,
            args=args,
            now=NOW,
            hold_until=hold,
        )


def _hand_over(db: CacheDB, *, hold: datetime | None = HOLD) -> outbox.OutboxEntry:
    code = datagen.fulfillment_doc(READY, 1)["pickup_code"]
    return _enqueue(
        db,
        "hand_over",
        READY,
        hold=hold,
        verification={"method": "pickup_code", "pickup_code": code},
        refused=[],
    )


def _due(db: CacheDB, now: datetime) -> list[int]:
    with db.write() as conn:
        return [e.seq for e in outbox.due(conn, now)]


def _status(db: CacheDB, fid: int) -> tuple[str, int, int | None]:
    """Status, pending flag and outbox seq of a fulfillment as the views show it."""
    with db.read() as conn:
        row = conn.exec_driver_sql(
            "SELECT status, pending, outbox_seq FROM v_fulfillments WHERE id = ?", (fid,)
        ).one()
    return str(row[0]), int(row[1]), row[2]


def _outbox(db: CacheDB) -> list[tuple[int, str, str]]:
    with db.read() as conn:
        return [(e.seq, e.id, e.state) for e in outbox.pending(conn)]


def _last_seq(db: CacheDB) -> int:
    with db.read() as conn:
        return int(state.get(conn, Key.LAST_COMMAND_SEQ, 0))


def test_a_held_command_is_written_at_once_with_its_effect(station: CacheDB) -> None:
    """Nothing is lost in the undo window: the entry and its prediction are on disk."""
    entry = _hand_over(station)
    assert (entry.seq, entry.state, entry.next_attempt_at) == (
        1,
        "held",
        "2026-03-02T12:00:05.000000+00:00",
    )
    assert _outbox(station) == [(1, entry.id, "held")]
    assert _status(station, READY) == ("handed_over", 1, 1)


def test_the_push_takes_nothing_from_a_held_command_on(station: CacheDB) -> None:
    """Commands before a held one go; it and every later one wait until the hold ends,
    then all go in seq order and the hold is released."""
    first = _enqueue(station, "start_picking", 1)
    held = _hand_over(station)
    after = _enqueue(station, "start_picking", 3)
    assert (first.state, held.state, after.state) == ("queued", "held", "queued")
    assert _due(station, NOW) == [1]
    assert _due(station, HOLD - timedelta(microseconds=1)) == [1]
    assert _outbox(station)[1][2] == "held"
    assert _due(station, HOLD) == [1, 2, 3]
    assert [s for _seq, _id, s in _outbox(station)] == ["queued"] * 3
    assert _due(station, NOW) == [1, 2, 3]  # released for good, whatever the clock says


def test_a_clock_set_back_days_does_not_keep_a_held_command_back(station: CacheDB) -> None:
    """The PC's clock went back 3 days after a handover was held for 5 s: its hold would
    end 3 days from the clock's "now", which no undo window is, so it is released."""
    held = _hand_over(station)
    assert _due(station, NOW + timedelta(seconds=1)) == []  # an ordinary hold still holds
    assert _due(station, HOLD - outbox.MAX_HOLD) == []  # as long as any undo window can be
    assert _due(station, NOW - timedelta(days=3)) == [held.seq]
    assert _outbox(station) == [(held.seq, held.id, "queued")]


def test_release_ends_a_hold_early(station: CacheDB) -> None:
    """The undo window closed before the hold's end: the command may go at once."""
    held = _hand_over(station)
    with station.write() as conn:
        assert outbox.release(conn, held.seq)
        assert not outbox.release(conn, held.seq)
    assert _due(station, NOW) == [held.seq]


def test_undo_takes_the_command_and_its_effect_back_without_a_gap(station: CacheDB) -> None:
    """The later commands move one seq down (their predictions with them), the next one
    gets the following seq: the server sees 1, 2, 3, never a hole."""
    first = _enqueue(station, "start_picking", 1)
    held = _hand_over(station)
    later = _enqueue(station, "start_picking", 3)
    last = _enqueue(station, "start_picking", 4)
    assert _status(station, READY) == ("handed_over", 1, 2)
    with station.write() as conn:
        taken = outbox.withdraw(conn, held.seq)
    assert taken.id == held.id
    assert _outbox(station) == [
        (1, first.id, "queued"),
        (2, later.id, "queued"),
        (3, last.id, "queued"),
    ]
    assert _status(station, READY) == ("ready_for_pickup", 0, None)
    assert _status(station, 3) == ("picking", 1, 2)
    assert _status(station, 4) == ("picking", 1, 3)
    assert _last_seq(station) == 3
    assert count(station, "pending_fulfillments") == 3
    again = _hand_over(station)
    assert again.seq == 4
    assert _due(station, NOW) == [1, 2, 3]


def test_undo_of_the_last_command_gives_its_seq_to_the_next(station: CacheDB) -> None:
    """With nothing after it, the next command takes the withdrawn one's seq."""
    _enqueue(station, "start_picking", 1)
    held = _hand_over(station)
    with station.write() as conn:
        outbox.withdraw(conn, held.seq)
    assert _last_seq(station) == 1
    assert _enqueue(station, "start_picking", 3).seq == 2


def test_undo_is_refused_once_the_push_may_have_the_command(station: CacheDB) -> None:
    """Released (the push may be sending it) or confirmed: undo says why and changes nothing."""
    held = _hand_over(station)
    assert _due(station, HOLD) == [held.seq]  # the push took it
    with station.write() as conn, pytest.raises(outbox.UndoRefused, match="being sent"):
        outbox.withdraw(conn, held.seq)
    assert _outbox(station) == [(1, held.id, "queued")]
    assert _status(station, READY) == ("handed_over", 1, 1)
    with station.write() as conn:
        outbox.confirm(conn, held.seq, {"seq": 1, "id": held.id, "status": "applied"})
        with pytest.raises(outbox.UndoRefused, match="already reached the server"):
            outbox.withdraw(conn, held.seq)


def test_undo_is_refused_when_another_waiting_command_builds_on_it(station: CacheDB) -> None:
    """A later command on the same fulfillment was based on the held one's prediction (and
    an earlier one's prediction was overwritten by it): taking it out would break either."""
    held = _enqueue(station, "start_picking", 1, hold=HOLD)
    _enqueue(station, "mark_ready", 1, bin="A-01")
    before = _outbox(station)
    with station.write() as conn, pytest.raises(outbox.UndoRefused, match="later change"):
        outbox.withdraw(conn, held.seq)
    assert _outbox(station) == before
    assert _status(station, 1) == ("ready_for_pickup", 1, 2)

    _enqueue(station, "start_picking", 3)
    held_on_top = _enqueue(station, "mark_ready", 3, hold=HOLD, bin="A-02")
    with station.write() as conn, pytest.raises(outbox.UndoRefused, match="earlier change"):
        outbox.withdraw(conn, held_on_top.seq)
    assert _status(station, 3) == ("ready_for_pickup", 1, held_on_top.seq)


def test_renumber_moves_commands_and_predictions_both_ways(station: CacheDB) -> None:
    """One implementation serves the server's ``sequence_gap`` (all commands) and undo."""
    a = _enqueue(station, "start_picking", 1)
    b = _enqueue(station, "start_picking", 3)
    with station.write() as conn:
        outbox.renumber(conn, -5)
    assert [(s, i) for s, i, _st in _outbox(station)] == [(6, a.id), (7, b.id)]
    assert _status(station, 1)[2] == 6 and _status(station, 3)[2] == 7
    assert _last_seq(station) == 7
    with station.write() as conn:
        outbox.renumber(conn, 5)
    assert [(s, i) for s, i, _st in _outbox(station)] == [(1, a.id), (2, b.id)]
    assert _status(station, 1)[2] == 1 and _status(station, 3)[2] == 2
    assert _last_seq(station) == 2
