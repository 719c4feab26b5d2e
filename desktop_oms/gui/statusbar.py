"""The status bar: online or offline, changes waiting to be sent, last sync, conflicts, and
the serial scanner's port when one is set up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget
from sqlalchemy.engine import Connection

from desktop_oms.cache import queries, state
from desktop_oms.cache.state import Key
from desktop_oms.gui import theme
from desktop_oms.gui.pickups.timefmt import duration, parse_utc
from desktop_oms.scanner.serial import PortState, PortStatus
from desktop_oms.sync.clock import Skew
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
        return QCoreApplication.translate("StatusBar", "Not synced yet")
    seconds = (now - last).total_seconds()
    if seconds < 10:
        return QCoreApplication.translate("StatusBar", "Synced just now")
    if seconds < 60:
        return QCoreApplication.translate("StatusBar", "Synced {seconds} s ago").format(
            seconds=int(seconds)
        )
    return QCoreApplication.translate("StatusBar", "Synced {span} ago").format(
        span=duration(now - last)
    )


def clock_text(skew: Skew) -> tuple[str, str]:
    """The pill and the tooltip saying how far this PC's clock is off, in the station's
    language (:class:`desktop_oms.sync.clock.Skew`)."""
    spans = {
        "day": QCoreApplication.translate("StatusBar", "{count} d"),
        "hour": QCoreApplication.translate("StatusBar", "{count} h"),
        "minute": QCoreApplication.translate("StatusBar", "{count} min"),
    }
    span = spans[skew.unit].format(count=skew.count)
    if skew.ahead:
        pill = QCoreApplication.translate("StatusBar", "This PC's clock is {span} ahead")
    else:
        pill = QCoreApplication.translate("StatusBar", "This PC's clock is {span} behind")
    pill = pill.format(span=span)
    tip = QCoreApplication.translate(
        "StatusBar", "{clock} of the server's: set it right (the server's time counts)"
    ).format(clock=pill)
    return pill, tip


class StationStatusBar(QObject):
    """Fills a ``QStatusBar`` with the station's sync state.

    Signal ``conflictsClicked()``: the conflict badge was clicked (open the inbox).
    """

    conflictsClicked = Signal()  # noqa: N815

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self.link = QLabel(self.tr("Starting"), bar)
        self.link.setObjectName("linkPill")
        self.link.setProperty("state", "starting")
        self.pending = QLabel("", bar)
        self.pending.setObjectName("pendingLabel")
        self.synced = QLabel("", bar)
        self.synced.setObjectName("syncAgeLabel")
        self.conflicts = QLabel("", bar)
        self.conflicts.setObjectName("conflictBadge")
        self.conflicts.setToolTip(
            self.tr(
                "Changes the server refused (another station or the server changed the order "
                "first). Click to open the conflict inbox."
            )
        )
        self.conflicts.setCursor(Qt.CursorShape.PointingHandCursor)
        self.conflicts.installEventFilter(self)
        self.conflicts.hide()
        self.scanner = QLabel("", bar)
        self.scanner.setObjectName("scannerPill")
        self.scanner.hide()
        # This PC's clock far off the server's (sync.clock): someone should set it right.
        self.clock = QLabel("", bar)
        self.clock.setObjectName("clockPill")
        self.clock.setStyleSheet(
            f"QLabel {{ background: {theme.WARN_TINT}; color: {theme.WARN}; "
            "border-radius: 11px; padding: 2px 10px; font-weight: 700; }"
        )
        self.clock.hide()
        self.station = QLabel("", bar)
        self.station.setObjectName("stationLabel")
        spacer = QWidget(bar)
        spacer.setFixedWidth(4)
        bar.addWidget(spacer)
        for widget in (self.link, self.pending, self.synced, self.conflicts):
            bar.addWidget(widget)
        bar.addPermanentWidget(self.clock)
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
            state_name, text, tip = (
                "starting",
                self.tr("Connecting…"),
                self.tr("Waiting for the server"),
            )
        elif link.problem:  # on this PC (the disk is full): the sync cannot go on
            state_name, text, tip = "refused", self.tr("Disk full: sync stopped"), link.problem
        elif link.online:
            state_name, text, tip = "online", self.tr("Online"), self.tr("Connected to the server")
        elif not link.authorized:
            state_name, text = "refused", self.tr("Station not authorised")
            tip = self.tr("The server refused this station's key: enrol it again. ({why})").format(
                why=link.error or ""
            )
        else:
            state_name, text = "offline", self.tr("Offline")
            tip = self.tr(
                "Working from this PC's data; changes are sent when the server is back."
            ) + (f"\n{link.error}" if link.error else "")
        self._online = None if link is None else link.online
        skew = None if link is None else link.skew
        pill, clock_tip = clock_text(skew) if skew else ("", "")
        self.clock.setText(f"●  {pill}" if skew else "")
        self.clock.setToolTip(clock_tip)
        self.clock.setVisible(skew is not None)
        self.link.setText(f"●  {text}")
        self.link.setToolTip(tip)
        self.link.setProperty("state", state_name)
        theme.restyle(self.link)

    def set_scanner(self, status: PortStatus) -> None:
        """Show the serial scanner's port state (hidden while none is set up)."""
        words = {
            PortState.CONNECTED: ("ok", self.tr("Scanner connected")),
            PortState.LOST: ("warn", self.tr("Scanner reconnecting…")),
            PortState.NOT_FOUND: ("bad", self.tr("Scanner not found")),
        }
        state, text = words.get(status.state, ("bad", self.tr("Scanner unavailable")))
        self.scanner.setText(f"●  {text}")
        self.scanner.setToolTip(self.port_message(status))
        self.scanner.setProperty("state", state)
        theme.restyle(self.scanner)
        self.scanner.setVisible(status.state is not PortState.OFF)

    def port_message(self, status: PortStatus) -> str:
        """:attr:`PortStatus.message` in the station's language (the scanner words it in
        English; the system's own ``detail`` stays as it is)."""
        port = status.port
        match status.state:
            case PortState.OFF:
                return self.tr("No serial scanner set up")
            case PortState.CONNECTED:
                return self.tr("Scanner on {port} connected").format(port=port)
            case PortState.NOT_FOUND:
                return self.tr("Scanner on {port} not found — check the cable").format(port=port)
            case PortState.NO_PERMISSION:
                return self.tr(
                    "Scanner on {port} cannot be opened: no permission "
                    "(on Linux, add this user to the dialout group)"
                ).format(port=port)
            case PortState.BUSY:
                return self.tr("Scanner on {port} is in use by another program").format(port=port)
            case PortState.LOST:
                return self.tr("Scanner on {port} disconnected — reconnecting…").format(port=port)
        return self.tr("Scanner on {port}: {why}").format(
            port=port, why=status.detail or self.tr("port error")
        )

    def set_counts(self, counts: SyncCounts) -> None:
        """Show the commands waiting, conflicts and the last sync."""
        if counts.pending:
            self.pending.setText(self.tr("%n change(s) waiting to send", "", counts.pending))
        else:
            self.pending.setText(self.tr("All changes sent"))
        self.conflicts.setText(self.tr("%n refused change(s)", "", counts.conflicts))
        self.conflicts.setVisible(counts.conflicts > 0)
        self._last = parse_utc(counts.last_sync_at)
        self.tick()

    def tick(self, now: datetime | None = None) -> None:
        """Update the time since the last sync."""
        self.synced.setText(since_text(self._last, now or datetime.now(UTC)))
        self.synced.setAlignment(Qt.AlignmentFlag.AlignVCenter)
