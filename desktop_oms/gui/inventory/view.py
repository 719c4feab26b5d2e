"""The Inventory page: the store manager's view of stock and fulfilment, from the cache.

Tiles with today's figures and the lists' sizes, three charts (stock value by department,
orders fulfilled per hour, rejections by reason), and the lists: departments, out of
stock, low stock, aged pickups and overdue fulfillments, each exportable to CSV. Every
figure is read from the station cache (:mod:`desktop_oms.cache.inventory`) on the database
worker, so the page works the same offline; it says how old the data is, and a banner
says when the station is offline.

The page reads when it comes to the front (``page_shown``), when the department filter or
the list shown changes, and on data changes while it is in front, at most once every
:data:`MIN_REFRESH_MS` (the department sums scan the store's whole stock: ~0.3 s on the
worker at 500k SKUs). Double-clicking an aged pickup or an overdue order opens it: a
ship-from-store fulfillment on the Fulfil page, anything else in Pickups.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, get_args

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Connection

from desktop_oms.cache import inventory
from desktop_oms.cache.inventory import InventoryOverview, StockList, TodayFigures
from desktop_oms.domain.roles import LEADS_AND_UP, Role
from desktop_oms.gui import csvexport, theme
from desktop_oms.gui.banner import warn_banner
from desktop_oms.gui.inventory.charts import ChartCard
from desktop_oms.gui.inventory.models import (
    AgedPickupModel,
    DepartmentModel,
    ListModel,
    OverdueModel,
    StockLevelModel,
)
from desktop_oms.gui.inventory.widgets import STYLE, TITLES, ListButton, ListName, Tile
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.numbers import CURRENCY_SYMBOLS, grouped, money
from desktop_oms.gui.pickups.timefmt import duration, locale_text, parse_utc
from desktop_oms.gui.queuetable import empty_label, setup_queue_table
from desktop_oms.gui.station import Station, StationEvents
from desktop_oms.gui.tasks import Task, TaskManager
from desktop_oms.gui.words import reason_label
from desktop_oms.sync.runner import LinkState

LISTS: tuple[ListName, ...] = get_args(ListName)
#: A read on data changes waits at least this long after the one before.
MIN_REFRESH_MS = 10_000
#: The data-age text and "late by" durations are refreshed this often.
TICK_MS = 30_000
#: While in front, the page re-reads at least this often (times move on).
STALE_AFTER = timedelta(minutes=1)
ROW_HEIGHT = 40
ALL = QT_TRANSLATE_NOOP("InventoryView", "All departments")
#: Bars of the hourly chart: from the earlier of this hour or the first order, to the
#: later of this hour or the last order.
DAY_HOURS = (8, 20)
#: Departments on the stock value chart (the most valuable; the table has them all).
CHART_DEPARTMENTS = 7


def may_see_inventory(role: Role | None) -> bool:
    """Whether ``role`` sees the Inventory page (leads, managers, admins)."""
    return role is not None and role in LEADS_AND_UP


def _now() -> datetime:
    return datetime.now(UTC)


def ready_text(seconds: float | None) -> str:
    """The average time to ready as a tile shows it: ``45 min``, ``3h 05m``, ``2d 4h``,
    ``—`` for none."""
    if seconds is None:
        return "—"
    minutes = int(seconds // 60)
    if minutes < 60:
        return QCoreApplication.translate("InventoryView", "{minutes} min").format(minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return QCoreApplication.translate("InventoryView", "{hours}h {minutes}m").format(
            hours=hours, minutes=f"{minutes:02d}"
        )
    days, hours = divmod(hours, 24)
    return QCoreApplication.translate("InventoryView", "{days}d {hours}h").format(
        days=days, hours=hours
    )


def hour_range(per_hour: tuple[int, ...]) -> tuple[int, int]:
    """The hours the hourly chart spans: the working day, and any hour with orders."""
    busy = [h for h, n in enumerate(per_hour) if n]
    return min([DAY_HOURS[0], *busy]), max([DAY_HOURS[1], *busy])


class InventoryView(QWidget):
    """The Inventory page.

    Signals: ``loaded()`` after the first read shows; ``refreshed()`` after every read is
    shown; ``message(str, str)`` with a text and a level for the window; ``orderRequested
    (str)`` with an order number to open in Pickups; ``fulfilRequested(str, int)`` with an
    order number and fulfillment id to open on the Fulfil page; ``exported(str, int)`` with
    the file and the rows written by an export.
    """

    loaded = Signal()
    refreshed = Signal()
    message = Signal(str, str)
    orderRequested = Signal(str)  # noqa: N815
    fulfilRequested = Signal(str, int)  # noqa: N815
    exported = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inventoryView")
        self.setStyleSheet(STYLE)
        self.station: Station | None = None
        self.events: StationEvents | None = None
        self.tasks: TaskManager | None = None
        self.online: bool | None = None
        self.last: InventoryOverview | None = None
        self._list: ListName = "departments"
        self._department: str | None = None
        self._generation = 0
        self._read_at: datetime | None = None
        self._first = True
        self._stale = True

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 14)
        layout.setSpacing(12)
        layout.addLayout(self._build_header())
        layout.addWidget(self._build_banner())
        layout.addLayout(self._build_tiles())
        layout.addLayout(self._build_charts())
        layout.addLayout(self._build_list_bar())
        layout.addWidget(self._build_lists(), 1)

        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.timeout.connect(self.refresh)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)

    # --- building ----------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = QLabel(self.tr("Inventory"), self)
        self.title.setObjectName("pageTitle")
        self.age = QLabel(self.tr("Reading the station's data…"), self)
        self.age.setObjectName("pageSubtitle")
        titles.addWidget(self.title)
        titles.addWidget(self.age)
        row.addLayout(titles)
        row.addStretch(1)
        label = QLabel(self.tr("Department"), self)
        label.setProperty("muted", True)
        self.department = QComboBox(self)
        self.department.setObjectName("departmentFilter")
        self.department.setMinimumWidth(220)
        label.setBuddy(self.department)
        self.department.addItem(self.tr(ALL), None)
        self.department.setToolTip(self.tr("Narrow the out-of-stock and low-stock lists"))
        self.department.currentIndexChanged.connect(self._on_department)
        row.addWidget(label, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.department, 0, Qt.AlignmentFlag.AlignVCenter)
        return row

    def _build_banner(self) -> QFrame:
        self.banner, self.banner_text, title = warn_banner(
            self, "offlineBanner", "offlineText", self.tr("Offline")
        )
        assert title is not None
        self.banner_title = title
        return self.banner

    def _build_tiles(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.tiles = {
            "fulfilled": Tile("fulfilled", self.tr("Fulfilled today"), self),
            "ready": Tile("ready", self.tr("Time to ready"), self),
            "rejected": Tile("rejected", self.tr("Rejected today"), self),
            "out_of_stock": Tile("out_of_stock", self.tr("Out of stock"), self),
            "low_stock": Tile("low_stock", self.tr("Low stock"), self),
            "aged_pickups": Tile("aged_pickups", self.tr("Aged pickups"), self),
            "overdue": Tile("overdue", self.tr("Overdue"), self),
        }
        for column, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, 0, column)
            grid.setColumnStretch(column, 1)
        tips = {
            "out_of_stock": self.tr("Show the out of stock list"),
            "low_stock": self.tr("Show the low stock list"),
            "aged_pickups": self.tr("Show the aged pickups list"),
            "overdue": self.tr("Show the overdue list"),
        }
        for name in ("out_of_stock", "low_stock", "aged_pickups", "overdue"):
            tile = self.tiles[name]
            tile.setCursor(Qt.CursorShape.PointingHandCursor)
            tile.setToolTip(tips[name])
            tile.clicked.connect(lambda n=name: self.show_list(n))
        return grid

    def _build_charts(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(12)
        self.value_chart = ChartCard(
            self.tr("Stock value by department"), horizontal=True, parent=self
        )
        self.hours_chart = ChartCard(self.tr("Orders fulfilled per hour"), parent=self)
        self.reasons_chart = ChartCard(
            self.tr("Rejections today by reason"), horizontal=True, parent=self
        )
        for card, stretch in (
            (self.value_chart, 5),
            (self.hours_chart, 4),
            (self.reasons_chart, 4),
        ):
            card.setFixedHeight(230)
            row.addWidget(card, stretch)
        return row

    def _build_list_bar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.switcher = QFrame(self)
        self.switcher.setObjectName("inventoryLists")
        self.switcher.setProperty("segmented", True)
        switcher_layout = QHBoxLayout(self.switcher)
        switcher_layout.setContentsMargins(4, 4, 4, 4)
        switcher_layout.setSpacing(4)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.list_buttons: dict[ListName, ListButton] = {}
        for n, name in enumerate(LISTS):
            button = ListButton(name, self.switcher)
            key = QShortcut(QKeySequence(f"Ctrl+{n + 1}"), self)
            key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            key.activated.connect(lambda n=name: self.show_list(n))
            button.setToolTip(self.tr("Ctrl+{number}").format(number=n + 1))
            self._group.addButton(button)
            switcher_layout.addWidget(button)
            self.list_buttons[name] = button
            button.clicked.connect(lambda _checked=False, n=name: self.show_list(n))
        self.list_buttons["departments"].setChecked(True)
        row.addWidget(self.switcher, 0)
        row.addSpacing(12)
        self.list_note = QLabel("", self)
        self.list_note.setProperty("faint", True)
        self.list_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.list_note, 1, Qt.AlignmentFlag.AlignVCenter)
        self.export_button = QPushButton(self.tr("Export CSV"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.setIcon(theme.icon("upload", theme.INK))
        self.export_button.setToolTip(
            self.tr("Save the list shown as a CSV file (for a spreadsheet)")
        )
        self.export_button.clicked.connect(lambda: self.export_csv())
        row.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return row

    def _build_lists(self) -> QStackedWidget:
        self.stack = QStackedWidget(self)
        self.models: dict[ListName, ListModel[Any]] = {
            "departments": DepartmentModel(parent=self),
            "out_of_stock": StockLevelModel(parent=self),
            "low_stock": StockLevelModel(parent=self),
            "aged_pickups": AgedPickupModel(parent=self),
            "overdue": OverdueModel(parent=self),
        }
        self.tables: dict[ListName, QTableView] = {}
        for name, model in self.models.items():
            table = QTableView(self.stack)
            table.setObjectName(f"table_{name}")
            table.setAccessibleName(self.list_buttons[name].title.text())
            table.setModel(model)
            widths = {n: c.width for n, c in enumerate(model.columns)}
            stretch = 1 if name in ("out_of_stock", "low_stock", "aged_pickups", "overdue") else 0
            setup_queue_table(table, row_height=ROW_HEIGHT, widths=widths, stretch=stretch)
            table.activated.connect(lambda index, n=name: self._open_row(n, index))
            self.tables[name] = table
            self.stack.addWidget(table)
        self.empty = empty_label(self.stack)
        self.stack.addWidget(self.empty)
        return self.stack

    # --- wiring ------------------------------------------------------------------------------

    def attach(self, station: Station, events: StationEvents, tasks: TaskManager) -> None:
        """Read from ``station``'s cache through ``tasks``; follow its data and link."""
        self.station, self.events, self.tasks = station, events, tasks
        events.dataChanged.connect(self._on_data)
        events.linkChanged.connect(self.set_link)

    def page_shown(self) -> None:
        """The page came to the front: read now, and keep the clock going."""
        if self.online is None and self.station is not None:
            link = self.station.link
            if link.online or link.error is not None:
                self.set_link(link)
        self._tick.start()
        self.refresh()

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        """Not in front: no clock, no reads (the next show reads)."""
        self._tick.stop()
        self._later.stop()
        super().hideEvent(event)

    def showEvent(self, event: Any) -> None:  # noqa: N802
        """Shown again (the window restored): the clock goes on; ``page_shown`` reads when
        the page itself comes to the front, the clock when data changed meanwhile."""
        if self.station is not None:
            self._tick.start()
        super().showEvent(event)

    def _in_front(self) -> bool:
        return self.isVisible()

    def _on_data(self) -> None:
        if not self._in_front():
            self._stale = True
            return
        if self._later.isActive():
            return
        since = (_now() - self._read_at).total_seconds() * 1000 if self._read_at else 1e9
        self._later.start(int(max(0, MIN_REFRESH_MS - since)))

    def _on_tick(self) -> None:
        self._show_age()
        if self._stale or self._read_at is None or _now() - self._read_at >= STALE_AFTER:
            self.refresh()

    def set_link(self, link: LinkState) -> None:
        """Show or hide the offline banner."""
        self.online = link.online
        self.banner.setVisible(not link.online)
        self._show_age()

    # --- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the page's figures, and the stock list shown, from the cache."""
        station, tasks = self.station, self.tasks
        if station is None or tasks is None:
            return
        self._later.stop()
        self._generation += 1
        generation = self._generation
        store_id, department, now = station.store_id, self._department, _now()
        lists: tuple[StockList, ...] = ()
        if self._list in ("out_of_stock", "low_stock"):
            lists = (self._list,)
        self._read_at = now
        self._stale = False

        def job(conn: Connection) -> InventoryOverview:
            return inventory.overview(conn, store_id, now, department=department, lists=lists)

        tasks.read(job, key="inventory.overview", name="inventory").then(
            lambda found: self._apply(found, generation), self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        self.age.setText(self.tr("The station's data could not be read"))
        self.message.emit(
            self.tr("The inventory figures could not be read: {error}").format(error=exc), "bad"
        )

    def _apply(self, found: InventoryOverview, generation: int) -> None:
        if generation != self._generation:
            return  # an older question; a newer answer is on its way
        self.last = found
        tz, now = found.timezone, found.now
        self._fill_departments(found)
        self.models["departments"].set_rows(found.departments, now, tz)
        if found.out_of_stock is not None:
            self.models["out_of_stock"].set_rows(found.out_of_stock, now, tz)
        if found.low_stock is not None:
            self.models["low_stock"].set_rows(found.low_stock, now, tz)
        self.models["aged_pickups"].set_rows(found.aged_pickups, now, tz)
        self.models["overdue"].set_rows(found.overdue, now, tz)
        self._show_tiles(found)
        self._show_charts(found)
        self._show_list_state()
        self._show_age()
        self.refreshed.emit()
        if self._first:
            self._first = False
            self.loaded.emit()

    def _fill_departments(self, found: InventoryOverview) -> None:
        names = found.department_names
        combo = self.department
        present = [combo.itemData(i) for i in range(1, combo.count())]
        if present == names:
            return
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr(ALL), None)
        for name in names:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(0, combo.findData(self._department)))
        combo.blockSignals(False)

    # --- showing -----------------------------------------------------------------------------

    def _show_tiles(self, found: InventoryOverview) -> None:
        today = found.today
        limits = found.thresholds
        out, low = found.stock_counts()
        where = (
            self.tr("SKUs in {department}").format(department=found.department)
            if found.department
            else self.tr("SKUs, none available")
        )
        tiles = self.tiles
        day = locale_text(today.day, "d MMM")
        tiles["fulfilled"].show_figure(
            grouped(today.orders_fulfilled), self.tr("orders, {day}").format(day=day)
        )
        tiles["ready"].show_figure(
            ready_text(today.average_ready_seconds),
            self.tr("average of {count}").format(count=today.ready)
            if today.ready
            else self.tr("none ready yet today"),
        )
        lines = sum(r.lines for r in today.rejections)
        tiles["rejected"].show_figure(
            grouped(today.rejected_units),
            self.tr("units in %n line(s)", "", lines) if lines else self.tr("units"),
            "warn" if today.rejected_units else "",
        )
        tiles["out_of_stock"].show_figure(grouped(out), where, "bad" if out else "ok")
        tiles["low_stock"].show_figure(
            grouped(low),
            self.tr("SKUs, 1–{most} available").format(most=limits.low_stock_units),
            "warn" if low else "",
        )
        aged = len(found.aged_pickups)
        tiles["aged_pickups"].show_figure(
            grouped(aged),
            self.tr("ready over {days} days").format(days=limits.aged_pickup_days),
            "warn" if aged else "ok",
        )
        late = len(found.overdue)
        tiles["overdue"].show_figure(
            grouped(late), self.tr("past promised time"), "bad" if late else "ok"
        )
        for name, count, alert in (
            ("departments", len(found.departments), False),
            ("out_of_stock", out, False),
            ("low_stock", low, False),
            ("aged_pickups", aged, True),
            ("overdue", late, True),
        ):
            self.list_buttons[name].set_count(count, alert)  # type: ignore[index]

    def _show_charts(self, found: InventoryOverview) -> None:
        rows = sorted(found.departments, key=lambda d: -d.stock_value_minor)
        currencies = {d.currency for d in rows}
        currency = currencies.pop() if len(currencies) == 1 else ""
        total = sum(d.stock_value_minor for d in rows)
        caption = (
            self.tr("{value} on hand").format(value=money(total, currency))
            if currency
            else self.tr("On hand × price")
        )
        if len(rows) > CHART_DEPARTMENTS:
            caption += " · " + self.tr("top {shown} of {count} departments").format(
                shown=CHART_DEPARTMENTS, count=len(rows)
            )
        self.value_chart.caption.setText(caption)
        shown = list(reversed(rows[:CHART_DEPARTMENTS]))  # the largest at the top
        symbol = CURRENCY_SYMBOLS.get(currency, "")
        self.value_chart.set_bars(
            [d.department for d in shown],
            [d.stock_value_minor / 100_000 for d in shown],
            labels=f"{symbol}@valuek",
            precision=3,
            empty=self.tr("No stock on record for this store"),
        )
        self._show_hours(found.today)
        reasons = list(reversed(found.today.rejections))
        self.reasons_chart.caption.setText(self.tr("Units rejected while picking"))
        self.reasons_chart.set_bars(
            [reason_label(r.label) for r in reasons],
            [r.units for r in reasons],
            empty=self.tr("No rejections today"),
        )

    def _show_hours(self, today: TodayFigures) -> None:
        first, last = hour_range(today.per_hour)
        self.hours_chart.caption.setText(
            self.tr("{count} handed over or shipped today, by hour").format(
                count=today.orders_fulfilled
            )
        )
        self.hours_chart.set_indexed(
            today.per_hour, first, last, empty=self.tr("No orders fulfilled yet today")
        )

    def _show_age(self) -> None:
        found = self.last
        if found is None:
            return
        synced = parse_utc(found.last_sync_at)
        now = _now()
        if synced is None:
            text = self.tr("Not synced with the server yet")
            when = self.tr("the last sync")
        else:
            local = synced.astimezone(found.timezone)
            ago = now - synced
            ago_text = (
                self.tr("just now")
                if ago < timedelta(minutes=1)
                else self.tr("{duration} ago").format(duration=duration(ago))
            )
            same_day = local.date() == now.astimezone(found.timezone).date()
            clock = locale_text(local, "HH:mm" if same_day else "HH:mm d MMM")
            when = self.tr("{time}, {ago}").format(time=clock, ago=ago_text)
            text = self.tr("Figures as of {when}").format(when=when)
        self.age.setText(self.tr("{age} · from this station's data").format(age=text))
        if self.online is False:
            self.banner_text.setText(
                self.tr(
                    "The server cannot be reached. These figures are this station's data as of "
                    "{when}; they catch up by themselves once the connection is back."
                ).format(when=when)
            )

    # --- lists -------------------------------------------------------------------------------

    def show_list(self, name: ListName) -> None:
        """Show one list (the stock lists are read when they come to the front)."""
        if name not in self.models:
            return
        self.list_buttons[name].setChecked(True)
        changed = name != self._list
        self._list = name
        self._show_list_state()
        if changed and name in ("out_of_stock", "low_stock"):
            self.refresh()

    @property
    def list_shown(self) -> ListName:
        """The list in front."""
        return self._list

    def _show_list_state(self) -> None:
        name = self._list
        model = self.models[name]
        found = self.last
        stock_list = name in ("out_of_stock", "low_stock")
        if model.rowCount() == 0 and found is not None:
            self.empty.setText(self._empty_text(name, found))
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.tables[name])
        self.export_button.setEnabled(model.rowCount() > 0)
        notes = {
            "departments": self.tr("Value = on hand × price"),
            "aged_pickups": self.tr("Double-click or Enter to open"),
            "overdue": self.tr("Double-click or Enter to open"),
        }
        note = notes.get(name, "")
        if stock_list and found is not None:
            note = found.department or self.tr(ALL)
        self.list_note.setText(note)
        self.list_note.setToolTip(note)

    def _empty_text(self, name: ListName, found: InventoryOverview) -> str:
        units, days = found.thresholds.low_stock_units, found.thresholds.aged_pickup_days
        if name == "departments":
            return self.tr("No stock on record for this store yet.")
        if name == "out_of_stock":
            if found.department:
                return self.tr("Nothing is out of stock in {department}.").format(
                    department=found.department
                )
            return self.tr("Nothing is out of stock.")
        if name == "low_stock":
            if found.department:
                return self.tr("No SKU in {department} is down to {units} units or fewer.").format(
                    department=found.department, units=units
                )
            return self.tr("No SKU is down to {units} units or fewer.").format(units=units)
        if name == "aged_pickups":
            return self.tr("No pickup has waited more than {days} days.").format(days=days)
        return self.tr("Every order is on time.")

    def _on_department(self, _index: int) -> None:
        self._department = self.department.currentData()
        self.refresh()

    def set_department(self, department: str | None) -> None:
        """Narrow the stock lists to one department (None: all), as the filter does."""
        self.department.setCurrentIndex(max(0, self.department.findData(department)))

    def _open_row(self, name: ListName, index: QModelIndex) -> None:
        if not index.isValid() or name not in ("aged_pickups", "overdue"):
            return
        row = self.models[name].row_at(index.row())
        if name == "overdue" and row.method == "ship_from_store":
            self.fulfilRequested.emit(row.order_number, row.id)
        else:
            self.orderRequested.emit(row.order_number)

    # --- export ------------------------------------------------------------------------------

    def export_csv(self, path: Path | None = None) -> Task[int] | None:
        """Export the list shown to ``path`` (asked for when None); the writing task."""
        if self.tasks is None:
            return None
        model = self.models[self._list]
        title = TITLES[self._list]
        if self._list in ("out_of_stock", "low_stock") and self._department:
            title = f"{title} {self._department}"
        if path is None:
            path = csvexport.ask_path(
                self, csvexport.default_name(title, datetime.now().astimezone())
            )
            if path is None:
                return None
        chosen = path
        task = csvexport.export_model(model, chosen, self.tasks)

        def done(rows: int) -> None:
            self.message.emit(
                self.tr("Exported %n row(s) to {file}", "", rows).format(file=chosen), "info"
            )
            self.exported.emit(str(chosen), rows)

        def failed(exc: BaseException) -> None:
            self.message.emit(
                self.tr("The list could not be saved to {file}: {error}").format(
                    file=chosen, error=exc
                ),
                "bad",
            )

        return task.then(done, failed)
