"""The status bar: online or offline, changes waiting to be sent, last sync, conflicts, and
the serial scanner's port when one is set up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget
from sqlalchemy.engine import Connection

from desktop_oms.cache import queries, state
from desktop_oms.cache.state import Key
from desktop_oms.gui import theme
from desktop_oms.gui.pickups.timefmt import duration, parse_utc
from desktop_oms.scanner.serial import PortState, PortStatus
from desktop_oms.sync.runner import LinkState


@dataclass(frozen=True, slots=True)
class SyncCounts:
    """What the status bar shows from the cache."""

    pending: int
    conflicts: int
    last_sync_at: str | None


def read_counts(conn: Connection) -> SyncCounts:
    """Disk: commands waiting, open conflicts and the last successful sync."""
    return SyncCounts(
        pending=queries.outbox_length(conn),
        conflicts=len(queries.conflicts(conn)),
        last_sync_at=state.get(conn, Key.LAST_SYNC_AT),
    )


def since_text(last: datetime | None, now: datetime) -> str:
    """``Synced just now``, ``Synced 3 min ago``, ``Not synced yet``."""
    if last is None:
        return "Not synced yet"
    seconds = (now - last).total_seconds()
    if seconds < 10:
        return "Synced just now"
    if seconds < 60:
        return f"Synced {int(seconds)} s ago"
    return f"Synced {duration(now - last)} ago"


class StationStatusBar(QObject):
    """Fills a ``QStatusBar`` with the station's sync state.

    Signal ``conflictsClicked()``: the conflict badge was clicked (open the inbox).
    """

    conflictsClicked = Signal()  # noqa: N815

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self.link = QLabel("Starting", bar)
        self.link.setObjectName("linkPill")
        self.link.setProperty("state", "starting")
        self.pending = QLabel("", bar)
        self.pending.setObjectName("pendingLabel")
        self.synced = QLabel("", bar)
        self.synced.setObjectName("syncAgeLabel")
        self.conflicts = QLabel("", bar)
        self.conflicts.setObjectName("conflictBadge")
        self.conflicts.setToolTip(
            "Changes the server refused (another station or the server changed the order "
            "first). Click to open the conflict inbox."
        )
        self.conflicts.setCursor(Qt.CursorShape.PointingHandCursor)
        self.conflicts.installEventFilter(self)
        self.conflicts.hide()
        self.scanner = QLabel("", bar)
        self.scanner.setObjectName("scannerPill")
        self.scanner.hide()
        self.station = QLabel("", bar)
        self.station.setObjectName("stationLabel")
        spacer = QWidget(bar)
        spacer.setFixedWidth(4)
        bar.addWidget(spacer)
        for widget in (self.link, self.pending, self.synced, self.conflicts):
            bar.addWidget(widget)
        bar.addPermanentWidget(self.scanner)
        bar.addPermanentWidget(self.station)
        self._last: datetime | None = None
        self._online: bool | None = None
        self.set_counts(SyncCounts(0, 0, None))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """A left click on the conflict badge emits ``conflictsClicked``."""
        if (
            watched is self.conflicts
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            self.conflictsClicked.emit()
            return True
        return super().eventFilter(watched, event)

    def set_station(self, text: str) -> None:
        """Name the station and store (right-hand side)."""
        self.station.setText(text)

    def set_link(self, link: LinkState | None) -> None:
        """Show whether the server answers."""
        if link is None:
            state_name, text, tip = "starting", "Connecting…", "Waiting for the server"
        elif link.online:
            state_name, text, tip = "online", "Online", "Connected to the server"
        elif not link.authorized:
            state_name, text = "refused", "Station not authorised"
            tip = f"The server refused this station's key: enrol it again. ({link.error or ''})"
        else:
            state_name, text = "offline", "Offline"
            tip = "Working from this PC's data; changes are sent when the server is back." + (
                f"\n{link.error}" if link.error else ""
            )
        self._online = None if link is None else link.online
        self.link.setText(f"●  {text}")
        self.link.setToolTip(tip)
        self.link.setProperty("state", state_name)
        theme.restyle(self.link)

    def set_scanner(self, status: PortStatus) -> None:
        """Show the serial scanner's port state (hidden while none is set up)."""
        words = {
            PortState.CONNECTED: ("ok", "Scanner connected"),
            PortState.LOST: ("warn", "Scanner reconnecting…"),
            PortState.NOT_FOUND: ("bad", "Scanner not found"),
        }
        state, text = words.get(status.state, ("bad", "Scanner unavailable"))
        self.scanner.setText(f"●  {text}")
        self.scanner.setToolTip(status.message)
        self.scanner.setProperty("state", state)
        theme.restyle(self.scanner)
        self.scanner.setVisible(status.state is not PortState.OFF)

    def set_counts(self, counts: SyncCounts) -> None:
        """Show the commands waiting, conflicts and the last sync."""
        if counts.pending:
            noun = "change" if counts.pending == 1 else "changes"
            self.pending.setText(f"{counts.pending} {noun} waiting to send")
        else:
            self.pending.setText("All changes sent")
        self.conflicts.setText(
            f"{counts.conflicts} refused change{'s' if counts.conflicts != 1 else ''}"
        )
        self.conflicts.setVisible(counts.conflicts > 0)
        self._last = parse_utc(counts.last_sync_at)
        self.tick()

    def tick(self, now: datetime | None = None) -> None:
        """Update the time since the last sync."""
        self.synced.setText(since_text(self._last, now or datetime.now(UTC)))
        self.synced.setAlignment(Qt.AlignmentFlag.AlignVCenter)
