"""Application start-up: QApplication, the qasync event loop, and the station's boot.

:func:`run` is what ``desktop-oms`` calls. It builds the application and the window
first (so something is on screen at once), then boots on the event loop, every slow
step on the network pool: start the embedded demo server and enrol a demo station, or
find this PC's enrolment (or ask for one: :mod:`firstrun`); open the cache; run the first
sync with its progress on screen; start the sync loops; show the sign-in.

:func:`run` starts the scanners before anything else (:meth:`StationApp.start_scanners`:
the keyboard-wedge filter goes on the application with the defaults; the saved scanner
settings are read on the pool and applied when they arrive).

With ``screenshot`` set the app signs the demo associate in, waits for the first data
load, saves the window as a PNG and quits: the product as a user sees it, offscreen.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import signal
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QPoint, QRect, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop_oms.cache import integrity
from desktop_oms.gui import theme
from desktop_oms.gui.demo import (
    DEMO_LOGINS,
    DEMO_MANAGER,
    DEMO_PIN,
    DemoError,
    DemoServer,
    enrol_station,
)
from desktop_oms.gui.firstrun import EnrolDialog
from desktop_oms.gui.mainwindow import IDLE_MINUTES, MainWindow
from desktop_oms.gui.preferences import Preferences
from desktop_oms.gui.scanning import load_settings
from desktop_oms.gui.station import Station, StationEvents
from desktop_oms.gui.tasks import Pool, TaskManager
from desktop_oms.sync.credentials import CredentialsError
from desktop_oms.sync.engine import Cancelled
from desktop_oms.sync.enrolment import Enrolment, NotEnrolled, pointed_cache, read_enrolment
from desktop_oms.sync.errors import NotAuthorized, ServerUnavailable, SyncError

log = logging.getLogger(__name__)

APP_NAME = "desktop-oms"
VIEWS = (
    "pickups",
    "order",
    "fulfil",
    "conflicts",
    "settings",
    "signin",
    "stock",
    "inventory",
    "count",
    "count-review",
    "orders",
)
#: The demo's customer-service agent: the Orders screenshot is theirs (signed in online).
DEMO_SERVICE = "service1"
#: Screenshot views of pages only a manager sees: the demo manager signs in for them.
MANAGER_VIEWS = frozenset({"inventory", "count", "count-review"})
#: The window size of a screenshot (a common counter screen).
SCREENSHOT_SIZE = (1440, 900)
#: How long a screenshot run may take before it gives up.
SCREENSHOT_TIMEOUT = 300.0


@dataclass
class Options:
    """How to start: the demo (with its server's settings) or this PC's enrolment."""

    demo: bool = False
    data_dir: Path | None = None
    port: int = 0
    seed_size: str = "small"
    simulate_orders: float = 6.0
    cache: Path | None = None
    screenshot: Path | None = None
    view: str = "pickups"
    feed_wait: float = 25.0
    idle_minutes: float = IDLE_MINUTES
    size: tuple[int, int] = field(default=SCREENSHOT_SIZE)
    #: ``--self-test``: boot the demo, sync, sign in, scan an order, exit 0 (see
    #: :mod:`desktop_oms.gui.selftest`).
    self_test: bool = False
    #: ``--theme``: this run's theme (default: the one chosen in the settings).
    theme: str | None = None
    #: ``--language``: this run's language (default: the one chosen in the settings).
    language: str | None = None

    @property
    def unattended(self) -> bool:
        """A run nobody watches (a screenshot, the self-test): a failure ends it with 1."""
        return self.screenshot is not None or self.self_test


def wait_signal(signal_: SignalInstance) -> asyncio.Future[tuple[Any, ...]]:
    """A future that resolves with the arguments of the next emission of ``signal_``."""
    future: asyncio.Future[tuple[Any, ...]] = asyncio.get_running_loop().create_future()

    def fire(*args: Any) -> None:
        if not future.done():
            future.set_result(args)
        with contextlib.suppress(RuntimeError, TypeError):
            signal_.disconnect(fire)

    signal_.connect(fire)
    return future


class StationApp(QObject):
    """Boots the station in ``window``, runs it until the window closes, cleans up.

    Signals: ``booted()`` when the station is open and the sign-in (or, for a
    screenshot, the work area) is shown; ``bootFailed(str)`` with the reason.
    """

    booted = Signal()
    bootFailed = Signal(str)  # noqa: N815

    def __init__(self, options: Options, window: MainWindow) -> None:
        super().__init__(window)
        self.options = options
        self.window = window
        self.pool = Pool(self)
        self.demo: DemoServer | None = None
        self.station: Station | None = None
        self.events: StationEvents | None = None
        self.tasks: TaskManager | None = None
        self.exit_code = 0
        self._closed: asyncio.Future[None] | None = None
        self._cancel_sync = threading.Event()
        #: A damaged cache replaced at start (shown on the sign-in page), else None.
        self.recovery: integrity.Recovery | None = None
        window.closing.connect(self._on_closing)
        window.sync_view.quitRequested.connect(self.request_quit)

    # --- the run -------------------------------------------------------------------------

    async def main(self) -> int:
        """Show the window, boot, and run until it closes; the exit code."""
        self._closed = asyncio.get_running_loop().create_future()
        self.window.show()
        boot = asyncio.ensure_future(self._boot_and_serve())
        try:
            await self._closed
        finally:
            if not boot.done():
                boot.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await boot
            self.shutdown()
        return self.exit_code

    def start_scanners(self) -> None:
        """Listen to the scanners from now on (the wedge filter on the application, with
        the defaults) and apply the saved scanner settings once the pool has read them."""
        scanners = self.window.scanners
        scanners.install()
        self.pool.run(load_settings, name="scanner settings").then(
            scanners.apply, self._settings_unreadable
        )

    def _settings_unreadable(self, exc: BaseException) -> None:
        log.warning("scanner settings not read: %s", exc)

    def request_quit(self) -> None:
        """Close the window (and so end the run), e.g. on SIGTERM."""
        self.window.close()

    def _on_closing(self) -> None:
        self._cancel_sync.set()
        if self._closed is not None and not self._closed.done():
            self._closed.set_result(None)

    async def _boot_and_serve(self) -> None:
        try:
            opened = await self._boot()
        except Exception as exc:  # shown, never swallowed
            log.exception("start-up failed")
            self.window.sync_view.failed(
                self.tr("The station could not start"), str(exc), retry=False
            )
            self._fail(f"Start-up failed: {exc}")
            return
        if not opened:
            return
        self.booted.emit()
        if self.options.self_test:
            from desktop_oms.gui import selftest

            self.exit_code = await selftest.check(self)
            self.request_quit()
        if self.options.screenshot is not None:
            await self._screenshot(self.options.screenshot)

    def _fail(self, message: str) -> None:
        self.bootFailed.emit(message)
        if self.options.unattended:
            print(f"desktop-oms: {message}", file=sys.stderr, flush=True)
            self.exit_code = 1
            self.request_quit()

    async def _boot(self) -> bool:
        """Open the station; False when the user gave up (quit, cancel)."""
        while True:
            found = await (self._start_demo() if self.options.demo else self._start_enrolled())
            if found is None:
                return False
            if found:
                break
        assert self.station is not None
        while await self._needs_first_sync():
            outcome = await self._first_sync()
            if outcome == "done":
                break
            if outcome == "quit":
                self.request_quit()
                return False
        self.station.start_sync()
        self.window.load_store()
        freeze_startup_objects()
        if self.options.unattended and self.options.view != "signin":
            await self._demo_sign_in()
        else:
            self.window.show_sign_in(self.recovery.message() if self.recovery else None)
        return True

    async def _choice(self) -> str:
        """Wait for Try again or Quit on the start-up page."""
        view = self.window.sync_view
        retry, quit_ = wait_signal(view.retryRequested), wait_signal(view.quitRequested)
        done, pending = await asyncio.wait({retry, quit_}, return_when=asyncio.FIRST_COMPLETED)
        for other in pending:
            other.cancel()
        if quit_ in done:
            self.request_quit()
            return "quit"
        return "retry"

    async def _retry_or_quit(self) -> bool | None:
        """After a failure: False to try again, None to give up."""
        if self.options.unattended:
            return None
        return False if await self._choice() == "retry" else None

    async def _start_demo(self) -> bool | None:
        """Start the demo server and enrol a station; True, None (quit) or False (retry)."""
        opts = self.options
        assert opts.data_dir is not None, "the demo needs a data directory"
        self.window.show_start(
            self.tr("Starting the demo"),
            self.tr(
                "Starting a demo server on this PC with a small store chain and a trickle of new "
                "orders. The first start seeds its database; that takes a few seconds."
            ),
        )
        demo = DemoServer(
            opts.data_dir,
            port=opts.port,
            seed_size=opts.seed_size,
            simulate_orders=opts.simulate_orders,
        )
        self.demo = demo
        try:
            url = await self.pool.run(demo.start, name="demo server")
            self.window.show_start(
                self.tr("Starting the demo"),
                self.tr("Enrolling a counter station at {url}…").format(url=url),
            )
            data_dir = opts.data_dir
            enrolment, token = await self.pool.run(
                lambda: enrol_station(url, data_dir), name="demo enrol"
            )
        except (DemoError, SyncError, OSError) as exc:
            demo.stop()
            self.window.sync_view.failed(self.tr("The demo could not start"), str(exc))
            self._fail(f"the demo could not start: {exc}")
            return await self._retry_or_quit()
        await self._open(enrolment, token, demo_pin=DEMO_PIN)
        return True

    async def _start_enrolled(self) -> bool | None:
        """Find this PC's enrolment (or enrol it); True, None (quit) or False (retry)."""
        self.window.show_start(self.tr("Opening the station"))
        cache = self.options.cache
        if not await self._check_cache(cache):
            return await self._retry_or_quit()
        try:
            enrolment = await self.pool.run(lambda: read_enrolment(cache), name="enrolment")
            token = await self.pool.run(enrolment.token, name="token")
            enrolment = await self.pool.run(lambda: _moved(enrolment), name="server address")
        except NotEnrolled:
            if self.options.unattended:
                self._fail("this PC is not enrolled as a station (try --demo)")
                return None
            dialog = EnrolDialog(self.pool, self.window, cache_path=cache)
            dialog.setModal(True)
            dialog.open()
            (result,) = await wait_signal(dialog.finished)
            if result != QDialog.DialogCode.Accepted or dialog.enrolment is None:
                self.request_quit()
                return None
            enrolment = dialog.enrolment
            token = await self.pool.run(enrolment.token, name="token")
        except CredentialsError as exc:
            self.window.sync_view.failed(self.tr("The station's key cannot be read"), str(exc))
            self._fail(str(exc))
            return await self._retry_or_quit()
        await self._open(enrolment, token)
        if self.recovery is not None:
            await self._reconcile()
        return True

    async def _check_cache(self, cache: Path | None) -> bool:
        """Check the cache file at start; a damaged one is kept aside and replaced by a new
        one holding its readable commands (:mod:`desktop_oms.cache.integrity`). False
        when even the station's identity was lost and the user must be told so first."""
        try:
            found = await self.pool.run(lambda: check_cache(cache), name="integrity check")
        except integrity.CacheLost as exc:
            log.error("%s", exc)
            self.window.sync_view.failed(self.tr("This station's data was damaged"), str(exc))
            self._fail(str(exc))
            return False
        if found is not None:  # kept across a retry of a later step
            self.recovery = found
            self.window.show_start(self.tr("Repairing this station's data"), found.message())
        return True

    async def _reconcile(self) -> None:
        """After a new cache replaced a damaged or deleted one: close holes in the saved
        commands' seqs, and number new ones after the server's last, once it answers."""
        station = self.station
        assert station is not None
        try:
            status = await self.pool.run(station.client.status, name="sync status")
            last = int(status["last_seq"])
            await self.pool.run(lambda: integrity.reconcile(station.cache, last), name="reconcile")
            if self.recovery is not None:  # how many were lost, now exactly
                self.recovery = self.recovery.with_server(last)
        except (SyncError, KeyError, TypeError, ValueError) as exc:
            log.warning("saved commands not reconciled with the server: %s", exc)

    async def _open(self, enrolment: Enrolment, token: str, *, demo_pin: str | None = None) -> None:
        """Open the station (its cache file is opened and migrated on the pool)."""
        wait = self.options.feed_wait
        station = await self.pool.run(
            lambda: Station(enrolment, token, demo_pin=demo_pin, feed_wait=wait), name="open"
        )
        self.station = station
        self.events = StationEvents(station, self)
        self.tasks = TaskManager(station.cache, self.pool, self)
        self.window.attach(station, self.events, self.tasks)

    async def _needs_first_sync(self) -> bool:
        station = self.station
        assert station is not None
        return bool(await self.pool.run(station.needs_first_sync, name="needs snapshot"))

    async def _first_sync(self) -> str:
        """Run the first sync with progress on screen: ``done``, ``retry`` or ``quit``."""
        station = self.station
        assert station is not None and self.events is not None
        view = self.window.sync_view
        self.window.show_start(self.tr("Setting up this station"))
        view.first_sync()
        self._cancel_sync = threading.Event()
        cancel = self._cancel_sync
        view.cancelRequested.connect(cancel.set)
        try:
            await self.pool.run(lambda: station.first_sync(cancel), name="first sync")
        except Cancelled:
            view.failed(
                self.tr("First sync paused"),
                self.tr("What was downloaded is kept; the sync continues where it stopped."),
            )
        except NotAuthorized as exc:
            view.failed(
                self.tr("The server refused this station"),
                self.tr("{why}. Enrol it again.").format(why=exc.message),
            )
            self._fail(exc.message)
        except ServerUnavailable as exc:
            view.failed(self.tr("The server cannot be reached"), exc.message)
            self._fail(exc.message)
        except SyncError as exc:
            view.failed(self.tr("The first sync failed"), exc.message)
            self._fail(exc.message)
        else:
            self.events.changed()
            return "done"
        finally:
            with contextlib.suppress(RuntimeError, TypeError):
                view.cancelRequested.disconnect(cancel.set)
        if self.options.unattended:
            return "quit"
        return await self._choice()

    async def _demo_sign_in(self) -> None:
        """Sign the demo associate in (screenshots of the work area; the demo manager for
        the pages of :data:`MANAGER_VIEWS`)."""
        station, tasks = self.station, self.tasks
        assert station is not None and tasks is not None
        if not station.demo:
            self.window.show_sign_in()
            return
        if self.options.view == "orders" and await self._demo_service_sign_in():
            return
        login = DEMO_MANAGER if self.options.view in MANAGER_VIEWS else DEMO_LOGINS[0]
        session = await tasks.read(lambda conn: station.check_sign_in(conn, login, DEMO_PIN))
        station.begin_session(session)
        self.window.sign_in.signedIn.emit(session)

    async def _demo_service_sign_in(self) -> bool:
        """Sign the demo's customer-service agent in online (chain staff are not synced to
        a store's station); False when the server does not answer."""
        from desktop_oms.gui.signin import session_from_token

        station, tasks = self.station, self.tasks
        assert station is not None and tasks is not None
        try:
            token = await tasks.run(
                lambda: station.sign_in_online(DEMO_SERVICE, DEMO_PIN), name="sign-in"
            )
        except SyncError:
            return False
        session = session_from_token(token)
        station.begin_session(session)
        self.window.sign_in.signedIn.emit(session)
        return True

    async def _show_orders(self) -> None:
        """The Orders page with a customer searched and their order open, with its lines,
        customer, payment and the server's timeline."""
        from desktop_oms.cache.orders import showcase

        window, tasks = self.window, self.tasks
        if tasks is None:
            return
        view = window.orders
        window.show_page("orders")
        found = await tasks.read(showcase, name="orders showcase")
        if found is None:
            return
        text, number = found
        searched = wait_signal(view.searched)
        view.search_for(text)
        await asyncio.wait_for(searched, 30)
        for _ in range(2):  # the cache's view first, then the server's with its timeline
            opened = wait_signal(view.orderOpened)
            if view.current is None or view.current.number != number:
                view.open_order(number)
            await asyncio.wait_for(opened, 30)
            if view.current is not None and view.current.from_server:
                break
        row = view.model.row_of(number)
        if row is not None:
            view.table.selectRow(row)

    async def _screenshot(self, path: Path) -> None:
        window = self.window
        try:
            if self.options.view != "signin":
                if window.pickups.last_result is None:
                    await asyncio.wait_for(wait_signal(window.pickups.loaded), 60)
                if self.options.view == "order" and window.pickups.model.rowCount() > 0:
                    opened = wait_signal(window.pickups.orderOpened)
                    window.pickups.table.selectRow(0)
                    await asyncio.wait_for(opened, 30)
                if self.options.view == "fulfil":
                    read = wait_signal(window.fulfil.refreshed)
                    window.show_page("fulfil")
                    await asyncio.wait_for(read, 30)
                    if window.fulfil.model.rowCount() > 0:
                        opened = wait_signal(window.fulfil.opened)
                        window.fulfil.select(window.fulfil.model.row_at(0).id)
                        await asyncio.wait_for(opened, 30)
                if self.options.view == "conflicts":
                    read = wait_signal(window.conflicts.refreshed)
                    window.show_conflicts()
                    await asyncio.wait_for(read, 30)
                    window.conflicts.open_entry(0)
                if self.options.view == "stock":
                    await self._show_stock()
                if self.options.view == "orders":
                    await self._show_orders()
                if self.options.view == "inventory":
                    read = wait_signal(window.inventory.refreshed)
                    window.show_page("inventory")
                    await asyncio.wait_for(read, 30)
                if self.options.view in ("count", "count-review"):
                    await self._show_count(review=self.options.view == "count-review")
            dialog = None
            if self.options.view == "settings":
                dialog = window.open_settings("scanner")
            await self._settle()
            path.parent.mkdir(parents=True, exist_ok=True)
            if not grab(window, dialog).save(str(path)):
                raise OSError(f"cannot write {path}")
            print(f"desktop-oms: screenshot saved to {path}", flush=True)
        except (TimeoutError, OSError) as exc:
            print(f"desktop-oms: no screenshot: {exc}", file=sys.stderr, flush=True)
            self.exit_code = 1
        self.request_quit()

    async def _show_count(self, *, review: bool) -> None:
        """The Count page with a demo count of a bay in progress (or its variance review)."""
        from datetime import UTC, datetime

        from desktop_oms.cache import counts

        window, station, tasks = self.window, self.station, self.tasks
        if station is None or tasks is None or station.session is None:
            return
        store_id, staff_id = station.store_id, station.session.staff_id
        now = datetime.now(UTC)
        count_id, last = await tasks.write(
            lambda conn: counts.showcase(conn, store_id, staff_id, now), name="count showcase"
        )
        found = await tasks.read(lambda conn: counts.get(conn, count_id), name="count")
        if found is None:
            return
        view = window.count
        window.show_page("count")
        opened = wait_signal(view.opened)
        view.open_count(found)
        await asyncio.wait_for(opened, 30)
        shown = wait_signal(view.shown)
        view.reload(last)
        await asyncio.wait_for(shown, 30)
        if review:
            reviewed = wait_signal(view.reviewed)
            view.show_review()
            await asyncio.wait_for(reviewed, 30)
        else:
            row = next(r for r in view.model.rows if r.sku == last)
            view.announce(row.sku, row.name, row.counted or 0)

    async def _show_stock(self) -> None:
        """The Stock page with a realistic search typed and a well-stocked product open."""
        from desktop_oms.cache.stock import showcase

        window, station, tasks = self.window, self.station, self.tasks
        if station is None or tasks is None:
            return
        store_id = station.store_id
        window.show_page("stock")
        found = await tasks.read(lambda conn: showcase(conn, store_id), name="stock showcase")
        if found is None:
            return
        text, sku = found
        searched = wait_signal(window.stock.searched)
        window.stock.search_for(text)
        await asyncio.wait_for(searched, 30)
        opened = wait_signal(window.stock.productOpened)
        window.stock.open_sku(sku)
        await asyncio.wait_for(opened, 30)

    async def _settle(self) -> None:
        """Let the link come up and layouts and toasts settle before the picture."""
        station = self.station
        for _ in range(50):
            if station is None or station.link.online:
                break
            await asyncio.sleep(0.1)
        self.window.toast.hide()
        await asyncio.sleep(0.3)

    # --- the end -------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop syncing, finish database jobs, stop the demo server (all at once)."""
        stopping = None
        self.window.scanners.uninstall()
        if self.station is not None:
            self.station.close()  # aborts its long-poll, so the server need not wait for it
        if self.demo is not None:
            stopping = threading.Thread(target=self.demo.stop, name="oms-demo-stop")
            stopping.start()
        if self.tasks is not None:
            self.tasks.shutdown()
        self.pool.shutdown(2.0)
        if stopping is not None:
            stopping.join()


def check_cache(cache: Path | None) -> integrity.Recovery | None:
    """Disk: check the station's cache (``cache``, else the enrolled one) at start; see
    :func:`integrity.recover`. None when it is sound or there is none yet."""
    path = cache
    if path is None:
        try:
            path = pointed_cache()
        except NotEnrolled:
            return None  # not enrolled yet: read_enrolment says so
    return integrity.recover(path)


def _moved(enrolment: Enrolment) -> Enrolment:
    """Disk: ``enrolment`` at the server address the settings give, if they give one."""
    from desktop_oms.gui import preferences

    url = preferences.load().server_url
    return enrolment.moved_to(url) if url else enrolment


def grab(window: QWidget, dialog: QWidget | None = None) -> QPixmap:
    """The window as a picture, with ``dialog`` drawn over it where it shows (offscreen,
    a dialog is a window of its own that a grab of the main window leaves out)."""
    picture = window.grab()
    if dialog is not None and dialog.isVisible():
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        at = window.mapFromGlobal(dialog.frameGeometry().topLeft())
        if not window.rect().contains(at):  # not placed over the window: centre it
            at = QPoint(
                (window.width() - dialog.width()) // 2, (window.height() - dialog.height()) // 2
            )
        frame = QRect(at, dialog.size())
        painter.fillRect(window.rect(), QColor(17, 24, 39, 70))  # the window behind, dimmed
        painter.setPen(Qt.PenStyle.NoPen)
        for spread in range(1, 16):  # a soft shadow, as a window manager draws one
            painter.setBrush(QColor(0, 0, 0, 7))
            painter.drawRoundedRect(frame.adjusted(-spread, 6 - spread, spread, 6 + spread), 8, 8)
        painter.drawPixmap(at, dialog.grab())
        painter.setPen(QColor("#AEB6C2"))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(frame.adjusted(0, 0, -1, -1))
        painter.end()
    return picture


def freeze_startup_objects() -> None:
    """Leave what start-up built (modules, widgets, the station) out of Python's cyclic GC.

    A full collection walks every tracked object, ~70 ms for a booted station, holding
    the GIL: when a large sync delta triggered one, the UI stalled for that long. Frozen
    objects are still freed by reference counting; only cycles among them stay (no
    collection first: it would cost those 70 ms at start-up).
    """
    gc.freeze()


def _offscreen_without_display() -> None:
    """On Linux without a display, render offscreen instead of aborting."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    print(
        "desktop-oms: no display found; the window is drawn offscreen (use --screenshot to see it)",
        file=sys.stderr,
        flush=True,
    )


def use_preferences(theme_name: str | None = None) -> Preferences:
    """Disk (start-up, before any page is built): read the station's preferences and use
    them: the theme (``theme_name`` overrides it), the printer per document, the CA
    bundle for the server's certificate. Unreadable preferences are the defaults."""
    from desktop_oms.gui import preferences, printing
    from desktop_oms.sync.client import use_ca_bundle

    try:
        prefs = preferences.load()
    except OSError as exc:  # pragma: no cover - QSettings reports errors by status
        log.warning("settings not read: %s", exc)
        prefs = preferences.Preferences()
    theme.use(theme_name or prefs.theme)
    printing.use_printers(prefs.printers)
    use_ca_bundle(prefs.ca_bundle or None)
    return prefs


def make_application(argv: Sequence[str], theme_name: str | None = None) -> QApplication:
    """The QApplication with the station's name, icon, font and stylesheet (in the theme
    of the settings, or ``theme_name``)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Counter")
    app.setOrganizationName("desktop-oms")
    app.setDesktopFileName(APP_NAME)
    # The run ends when StationApp.main() returns (after its clean-up), not when Qt sees
    # the last window close.
    app.setQuitOnLastWindowClosed(False)
    use_preferences(theme_name)
    theme.apply(app)
    return app


def _install_language(app: QApplication, chosen: str | None = None) -> None:
    """Speak ``chosen``, else the language of the settings (it applies from this start on)."""
    from desktop_oms.gui import preferences, translations

    language = chosen or preferences.load().language
    try:
        translations.install(app, language)
    except translations.LanguageUnavailable as exc:
        log.warning("language %s not installed: %s", language, exc)


def run(argv: Sequence[str], options: Options) -> int:
    """Run the station until its window closes; the process exit code."""
    import qasync

    _offscreen_without_display()
    app = make_application(argv, options.theme)
    _install_language(app, options.language)
    from desktop_oms.gui.diagnostics import start_logging

    logs = start_logging()  # the rotating, redacted log file; Qt's messages and crashes too
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    window = MainWindow(idle_minutes=options.idle_minutes)
    if options.screenshot is not None:
        window.resize(*options.size)
    else:
        window.resize(1366, 860)
    controller = StationApp(options, window)
    controller.start_scanners()
    if options.self_test:
        from desktop_oms.gui import selftest

        selftest.watchdog(controller)

    def stop(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, controller.request_quit)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    wake = QTimer()  # lets Python run its signal handlers while Qt waits
    wake.start(200)
    wake.timeout.connect(lambda: None)
    try:
        with loop:
            code: int = loop.run_until_complete(controller.main())
            return code
    finally:
        wake.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        logs.close()
