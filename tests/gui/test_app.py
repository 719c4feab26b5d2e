"""The ``desktop-oms`` command: first run (enrol), the demo's screenshot, its options."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from desktop_oms.cli import station_main
from desktop_oms.gui.app import Options, StationApp
from desktop_oms.gui.demo import DEMO_LOGINS, DEMO_MANAGER, DEMO_PIN
from desktop_oms.gui.firstrun import EnrolDialog
from desktop_oms.gui.mainwindow import MainWindow
from desktop_oms.sync.enrolment import pointer_path, read_enrolment
from tests.gui.conftest import LiveDemo, copy_database


def test_demo_constants_match_the_seed() -> None:
    """The logins shown on the demo's sign-in page are the ones the server seeds."""
    from desktop_oms.server import seed

    assert DEMO_PIN == seed.DEMO_PIN
    assert seed.MAIN_STORE == "AMS1"
    assert DEMO_MANAGER in DEMO_LOGINS
    assert all(login.startswith("ams1.") for login in DEMO_LOGINS)


def test_help_names_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    """``desktop-oms --help`` documents the demo, screenshot and cache options."""
    with pytest.raises(SystemExit) as exit_info:
        station_main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for option in ("--demo", "--screenshot", "--view", "--data-dir", "--cache", "--seed-size"):
        assert option in out


def test_demo_only_options_need_demo(capsys: pytest.CaptureFixture[str]) -> None:
    """``--port`` and ``--data-dir`` without ``--demo`` are usage errors."""
    for argv in (["--port", "9000"], ["--data-dir", "x"], ["--demo", "--simulate-orders", "-1"]):
        with pytest.raises(SystemExit) as exit_info:
            station_main(argv)
        assert exit_info.value.code == 2
    assert "needs --demo" in capsys.readouterr().err


def test_first_run_enrols_this_pc_then_opens_the_station(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    demo: LiveDemo,
    isolated_home: Path,
) -> None:
    """Without an enrolment the station asks for a manager's login; a wrong PIN is
    explained; the right one enrols, syncs and shows the sign-in page."""
    window = MainWindow()
    qtbot.addWidget(window)
    app = StationApp(Options(demo=False, feed_wait=1.0), window)
    run = asyncio.ensure_future(app.main())
    dialog: list[EnrolDialog] = []
    qtbot.waitUntil(lambda: bool(dialog.extend(window.findChildren(EnrolDialog)) or dialog))
    enrol = dialog[0]
    qtbot.waitUntil(enrol.isVisible)
    enrol.url.setText(demo.url)
    qtbot.keyClicks(enrol.username, DEMO_MANAGER)
    qtbot.keyClicks(enrol.pin, "0000")
    qtbot.mouseClick(enrol.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(enrol.error.isVisible, timeout=10_000)
    assert "not right" in enrol.error.text() and enrol.isVisible()

    qtbot.keyClicks(enrol.pin, DEMO_PIN)
    with qtbot.waitSignal(app.booted, timeout=30_000):
        qtbot.mouseClick(enrol.enrol_button, Qt.MouseButton.LeftButton)
    assert window.page == "sign_in" and not enrol.isVisible()
    enrolment = read_enrolment()
    assert enrolment.store_id == app.station.store_id  # type: ignore[union-attr]
    assert json.loads(pointer_path().read_text())["cache"] == str(enrolment.cache_path)
    assert enrolment.token()  # in the owner-only file: this box has no keyring
    qtbot.waitUntil(lambda: window.ui.storeLabel.text().startswith("AMS1"), timeout=10_000)

    window.close()
    qtbot.waitUntil(run.done, timeout=15_000)
    assert run.result() == 0


def _station_command() -> list[str]:
    script = Path(sys.executable).with_name("desktop-oms")
    if script.exists():
        return [str(script)]
    return [
        sys.executable,
        "-c",
        "import sys; from desktop_oms.cli import station_main; "
        "sys.exit(station_main(sys.argv[1:]))",
    ]


@pytest.mark.slow
def test_demo_screenshot(tmp_path: Path, seeded_demo: Path) -> None:
    """``desktop-oms --demo --screenshot`` starts the demo, loads the queue, writes a PNG of
    the window and exits 0, without a display."""
    data_dir = tmp_path / "demo"
    copy_database(seeded_demo, data_dir)  # a seeded demo database: no seeding wait
    png = tmp_path / "shots" / "pickups.png"
    args = [*_station_command(), "--demo", "--data-dir", str(data_dir), "--simulate-orders", "0"]
    started = time.monotonic()
    done = subprocess.run(
        [*args, "--screenshot", str(png), "--view", "order"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert f"screenshot saved to {png}" in done.stdout
    print(f"screenshot run took {time.monotonic() - started:.1f} s")
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1440, 900)
    assert QColor(image.pixel(400, 20)).name() == "#111827"  # the top bar
    colours = {image.pixel(x, y) for x in range(0, 1440, 7) for y in range(60, 880, 7)}
    assert len(colours) > 20  # a drawn page, not an empty window
