"""The pickup queue's item model: Qt's model tester, and live updates that keep selection."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QItemSelectionModel, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester

from desktop_oms.cache import queries
from desktop_oms.cache.queries import QueueRow
from desktop_oms.gui import theme
from desktop_oms.gui.pickups.model import ID_ROLE, LEVEL_ROLE, OVERDUE_ROLE, PickupQueueModel
from desktop_oms.gui.pickups.queue import Column
from tests.gui.conftest import Counter

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _text(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def make_row(n: int, *, status: str = "ready_for_pickup", **changes: object) -> QueueRow:
    """A queue row with plausible values; ``changes`` override fields."""
    row = QueueRow(
        id=n,
        order_number=f"WEB-{1_000_000 + n}",
        method="store_pickup",
        status=status,
        customer_name=f"Customer {n:03d}",
        customer_phone=f"+31 6 0000 {n:04d}",
        promised_at=_text(NOW + timedelta(hours=n - 5)),
        pickup_deadline=_text(NOW + timedelta(days=7)) if status == "ready_for_pickup" else None,
        bin=f"A-{n:02d}" if status == "ready_for_pickup" else None,
        items=1 + n % 4,
        updated_at=_text(NOW - timedelta(hours=n)) or "",
        fraud_state="clear",
        version=1,
        order_version=1,
        pending=False,
    )
    return row._replace(**changes)


def select(model: PickupQueueModel, selection: QItemSelectionModel, row: int) -> None:
    """Select a whole row, as a click does."""
    selection.setCurrentIndex(
        model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "py-tester"])
def test_model_passes_the_model_tester_through_live_updates(
    qtmodeltester: ModelTester, force_py: bool
) -> None:
    """Qt's model tester stays attached while rows are removed, reordered, inserted, changed
    and the model is reset; the selection follows its row throughout."""
    model = PickupQueueModel(AMSTERDAM)
    model.reset([make_row(n) for n in range(1, 21)], NOW)
    qtmodeltester.check(model, force_py=force_py)
    selection = QItemSelectionModel(model)
    select(model, selection, 7)
    chosen = model.row_at(7).id
    rng = random.Random(7)
    rows = model.rows
    next_id = 100
    for _ in range(40):
        rows = [r for r in rows if r.id == chosen or rng.random() > 0.15]
        if rng.random() < 0.3:
            rng.shuffle(rows)
        for _ in range(rng.randrange(4)):
            rows.insert(rng.randrange(len(rows) + 1), make_row(next_id))
            next_id += 1
        rows = [r._replace(items=r.items + 1) if rng.random() < 0.2 else r for r in rows]
        model.update(rows, NOW)
        assert model.rows == rows
        assert [i.data(ID_ROLE) for i in selection.selectedRows()] == [chosen]
        assert selection.currentIndex().data(ID_ROLE) == chosen
    model.reset([make_row(n) for n in range(3)], NOW)
    model.tick(NOW + timedelta(minutes=5))
    model.update([], NOW)
    assert model.rowCount() == 0


def test_update_keeps_persistent_indexes_on_their_rows(qapp: object) -> None:
    """A persistent index (what views keep) points at the same order after any update."""
    model = PickupQueueModel(AMSTERDAM)
    model.reset([make_row(n) for n in range(10)], NOW)
    kept = {n: QPersistentModelIndex(model.index(n, Column.BIN)) for n in range(10)}
    rows = [make_row(n) for n in (9, 12, 3, 0, 11, 5, 7)]  # removed, reordered, inserted
    model.update(rows, NOW)
    for n, index in kept.items():
        if n in (9, 3, 0, 5, 7):
            assert index.isValid() and index.data(ID_ROLE) == n and index.column() == Column.BIN
        else:
            assert not index.isValid()


def test_cells_show_the_counter_view_of_a_row(qapp: object) -> None:
    """Text, overdue flags and alignment of a late preparing row and a ready row."""
    late = make_row(1, status="picking", promised_at=_text(NOW - timedelta(hours=2, minutes=5)))
    ready = make_row(2, bin="C-23")
    model = PickupQueueModel(AMSTERDAM)
    model.reset([late, ready], NOW)
    shown = [[model.index(r, c).data() for c in range(Column.COUNT)] for r in range(2)]
    assert shown[0][Column.ORDER] == "WEB-1000001" and shown[0][Column.BIN] == "—"
    assert shown[0][Column.STATUS] == "Picking" and shown[0][Column.AGE] == "2 h 5 min late"
    assert shown[0][Column.PROMISED] == "Today 10:55"  # 09:55 UTC in Amsterdam (CET)
    assert model.index(0, Column.AGE).data(OVERDUE_ROLE) is True
    assert model.index(0, Column.AGE).data(Qt.ItemDataRole.DecorationRole) is not None
    assert shown[1][Column.BIN] == "C-23" and shown[1][Column.AGE].startswith("Waiting")
    assert model.index(1, Column.AGE).data(LEVEL_ROLE) == "ok"
    assert model.index(1, Column.AGE).data(OVERDUE_ROLE) is False
    assert model.headerData(Column.PROMISED, Qt.Orientation.Horizontal) == "Promised"
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_promised_column_flags_a_broken_promise(qapp: object) -> None:
    """The promised time shows in store time; red with an alert while the order is still
    being prepared after it, plain once it is ready; the header says what it means."""
    late = make_row(1, status="picking", promised_at=_text(NOW - timedelta(hours=2)))
    ready = make_row(2, promised_at=_text(NOW - timedelta(hours=3)))
    due = make_row(3, status="open", promised_at=_text(NOW + timedelta(days=1, hours=1)))
    later = make_row(4, status="open", promised_at=_text(NOW + timedelta(days=4)))
    none = make_row(5, status="open", promised_at=None)
    model = PickupQueueModel(AMSTERDAM)
    model.reset([late, ready, due, later, none], NOW)

    def cell(row: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> object:
        return model.index(row, Column.PROMISED).data(role)

    assert [cell(r) for r in range(5)] == [
        "Today 11:00",  # 10:00 UTC is 11:00 in Amsterdam (CET)
        "Today 10:00",
        "Tomorrow 14:00",
        "Sat 14 Mar 13:00",
        "—",
    ]
    red = QColor(theme.BAD)
    assert cell(0, Qt.ItemDataRole.ForegroundRole) == red
    assert cell(0, Qt.ItemDataRole.DecorationRole) is not None
    assert (
        cell(0, Qt.ItemDataRole.ToolTipRole) == "Promised 2 h ago (Today 11:00) and not ready yet"
    )
    for row in (1, 2, 3):  # kept (ready) or still ahead: not flagged
        assert cell(row, Qt.ItemDataRole.ForegroundRole) != red
        assert cell(row, Qt.ItemDataRole.DecorationRole) is None
    assert cell(1, Qt.ItemDataRole.ToolTipRole) == "Promised ready to collect Today 10:00"
    assert cell(4, Qt.ItemDataRole.ForegroundRole) == QColor(theme.FAINT)
    meaning = model.headerData(
        Column.PROMISED, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert "ready to collect" in meaning and "store time" in meaning
    model.tick(NOW - timedelta(hours=3))  # earlier: the promise is not broken yet
    assert cell(0, Qt.ItemDataRole.DecorationRole) is None


def test_an_ended_pickup_shows_how_long_its_goods_wait_in_the_bin(qapp: object) -> None:
    """An expired or cancelled row (the Expired tab) tells since when, and which bin to empty."""
    expired = make_row(
        1, status="expired", bin="P-014", updated_at=_text(NOW - timedelta(days=1, hours=2))
    )
    cancelled = make_row(
        2, status="cancelled", bin="A-02", updated_at=_text(NOW - timedelta(hours=20, minutes=19))
    )
    model = PickupQueueModel(AMSTERDAM)
    model.reset([expired, cancelled], NOW)
    age = model.index(0, Column.AGE)
    assert age.data() == "Expired 1 d 2 h"
    assert age.data(LEVEL_ROLE) == "warn" and age.data(OVERDUE_ROLE) is False
    assert age.data(Qt.ItemDataRole.ToolTipRole) == (
        "Expired Yesterday 11:00: its goods are still in bin P-014. Put them back on the shelf."
    )
    assert model.index(1, Column.AGE).data() == "Cancelled 20 h"  # to the hour: a short cell
    assert model.index(1, Column.PROMISED).data(Qt.ItemDataRole.DecorationRole) is None


def test_header_sort_asks_the_view_instead_of_sorting(qapp: object) -> None:
    """``sort()`` never reorders rows itself: it asks for a sorted read."""
    model = PickupQueueModel(AMSTERDAM)
    rows = [make_row(n) for n in (3, 1, 2)]
    model.reset(rows, NOW)
    asked: list[tuple[int, bool]] = []
    model.sortRequested.connect(lambda column, descending: asked.append((column, descending)))
    model.sort(Column.CUSTOMER, Qt.SortOrder.DescendingOrder)
    assert asked == [(Column.CUSTOMER, True)] and model.rows == rows


def test_model_over_the_synced_queue(counter: Counter, qtmodeltester: ModelTester) -> None:
    """The model over the real synced queue passes the tester, then takes each tab."""
    model = PickupQueueModel(AMSTERDAM)
    store = counter.station.store_id

    def read(tab: str) -> list[QueueRow]:
        return counter.read(lambda conn: queries.pickup_queue(conn, store, tab, None, NOW))

    model.reset(read("preparing"), NOW)
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    for tab in ("ready", "handed_over_today", "expiring", "expired", "preparing"):
        model.update(read(tab), NOW)
        assert [r.id for r in model.rows] == [r.id for r in read(tab)]
