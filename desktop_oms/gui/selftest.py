"""``desktop-oms --self-test``: check an install (a PyInstaller bundle above all) end to end.

The boot itself (see :mod:`desktop_oms.gui.app`) is the first half of the check: the
embedded demo server starts as a child process (in a bundle: the bundled binary with its
hidden server flag), its database and the station cache migrate with their bundled
Alembic scripts, the main window opens and the first sync runs. Once the demo associate
is signed in, :func:`check` does the rest: the compiled resources and the Qt plugins they
need are there, the barcode libraries draw, and scanning an order's code opens that order.

Every step prints one ``self-test: ok ...`` line; the first failure raises
:class:`SelfTestFailed` with what went wrong, and the run exits 1.
"""

from __future__ import annotations

import asyncio
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QFile, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication, QImageReader

from desktop_oms.gui import barcodes, theme, translations

if TYPE_CHECKING:
    from desktop_oms.gui.app import StationApp

#: How long the whole self-test may take (boot included) before it fails.
SELF_TEST_TIMEOUT = 240.0
#: Resources compiled into ``forms/rc_station.py`` that the station cannot do without.
RESOURCES = (":/oms/style/station.qss", ":/oms/icons/app.svg", ":/oms/sounds/good.wav")


class SelfTestFailed(Exception):
    """A self-test step failed; ``str()`` says which and why."""


def say(message: str) -> None:
    """One line of the self-test's report on stdout."""
    print(f"self-test: {message}", flush=True)


def check_resources() -> None:
    """The compiled resources, the SVG image plugin, the platform plugin and the barcodes."""
    missing = [path for path in RESOURCES if not QFile.exists(path)]
    if missing:
        raise SelfTestFailed(f"compiled resources missing: {', '.join(missing)}")
    if b"svg" not in [bytes(f.data()) for f in QImageReader.supportedImageFormats()]:
        raise SelfTestFailed("the Qt SVG image plugin (imageformats/qsvg) is missing")
    if theme.pixmap("app", size=32).isNull():
        raise SelfTestFailed("the app icon does not render")
    if not theme.stylesheet().strip():
        raise SelfTestFailed("the stylesheet is empty")
    say(f"resources, stylesheet and icons on the {QGuiApplication.platformName()} platform")
    if not barcodes.code128_modules("OMS:TEST") or not barcodes.qr_modules("OMS:TEST"):
        raise SelfTestFailed("the barcode libraries (python-barcode, segno) draw nothing")
    say("Code 128 and QR codes")
    for code, name in translations.LANGUAGES.items():
        path = translations.catalogue_path(code)
        translator = QTranslator()
        if not translator.load(str(path)):
            raise SelfTestFailed(f"the {name} catalogue {path} is missing")
        if translator.isEmpty():
            raise SelfTestFailed(f"the {name} catalogue {path} translates nothing")
    say(f"translations: {', '.join(translations.LANGUAGES.values())}")


async def scan_an_order(app: StationApp) -> None:
    """Type a ready order's number into the scan route; it must open that order."""
    from desktop_oms.gui.app import wait_signal

    window = app.window
    pickups = window.pickups
    if pickups.last_result is None:
        await asyncio.wait_for(wait_signal(pickups.loaded), 60)
    result = pickups.last_result
    if result is None or not result.rows:
        raise SelfTestFailed("the pickup queue is empty after the first sync")
    number = result.rows[0].order_number
    say(f"pickup queue shows {len(result.rows)} orders")
    opened = wait_signal(pickups.orderOpened)
    routed = window.handle_code(number)
    if routed is None or not routed.good:
        message = routed.message if routed is not None else "taken as a search"
        raise SelfTestFailed(f"scanning order {number} was refused: {message}")
    (shown,) = await asyncio.wait_for(opened, 30)
    if shown != number:
        raise SelfTestFailed(f"scanning order {number} opened order {shown}")
    say(f"scanning order {number} opened it ({routed.destination.name.lower()})")


def watchdog(app: StationApp, timeout: float = SELF_TEST_TIMEOUT) -> QTimer:
    """Fail the self-test if it has not ended after ``timeout`` seconds (a boot that hangs)."""

    def expired() -> None:
        print(f"self-test: FAILED: not done within {timeout:.0f} s", file=sys.stderr, flush=True)
        app.exit_code = 1
        app.request_quit()

    timer = QTimer(app)
    timer.setSingleShot(True)
    timer.timeout.connect(expired)
    timer.start(int(timeout * 1000))
    return timer


async def check(app: StationApp) -> int:
    """Run the checks after the boot; the exit code (a failure is printed to stderr)."""
    station = app.station
    try:
        if station is None or station.session is None:
            raise SelfTestFailed("no demo associate is signed in")
        if app.demo is not None:
            how = "the bundled binary" if getattr(sys, "frozen", False) else "python -m"
            say(f"demo server at {app.demo.url} ({how})")
        say(f"first sync done; {station.session.display_name} signed in")
        check_resources()
        sounds = app.window.scanners.feedback.sound_available
        say(f"scan sounds {'ready' if sounds else 'silent (no audio output here; not an error)'}")
        await scan_an_order(app)
    except (SelfTestFailed, TimeoutError) as exc:
        print(f"self-test: FAILED: {exc or 'timed out'}", file=sys.stderr, flush=True)
        return 1
    say("passed")
    return 0
