"""``desktop-oms --self-test`` without a bundle, and the demo server child's hidden flag.

tests/test_bundle.py runs the same self-test in the PyInstaller bundle; when that fails,
these place the fault: the self-test itself, or the bundle.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from desktop_oms.cli import DEMO_SERVER_FLAG
from desktop_oms.gui import demo

STEPS = (
    "self-test: demo server at http://127.0.0.1:",
    "(python -m)",
    "self-test: first sync done; ",
    "self-test: resources, stylesheet and icons on the offscreen platform",
    "self-test: Code 128 and QR codes",
    "self-test: translations: English, Nederlands",
    "self-test: pickup queue shows ",
    "opened it (open_order)",
    "self-test: passed",
)


def _station(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "desktop_oms.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


@pytest.mark.slow
def test_self_test_passes() -> None:
    """The self-test boots the demo, syncs, signs in, scans an order and exits 0."""
    done = _station("--self-test", "--simulate-orders", "0")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    for step in STEPS:
        assert step in done.stdout, f"{step!r} missing from:\n{done.stdout[-3000:]}"
    assert "FAILED" not in done.stderr


@pytest.mark.slow
def test_self_test_fails_with_a_reason() -> None:
    """When the demo cannot start (its port is taken) the self-test says so and exits 1."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = _station("--self-test", "--simulate-orders", "0", "--port", str(port))
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-3000:]
    assert "the demo could not start" in done.stderr
    assert "self-test: passed" not in done.stdout


def test_demo_server_flag_dispatches_to_the_server_cli() -> None:
    """``desktop-oms --run-demo-server ...`` is ``desktop-oms-server ...`` (the bundle's demo
    child); the flag stays out of the station's help."""
    # stdin stays open: the demo child ends itself when its stdin closes (an orphan)
    with subprocess.Popen(
        [sys.executable, "-m", "desktop_oms.cli", DEMO_SERVER_FLAG, "--help"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        shown = child.stdout.read()
        child.wait(60)  # not its code: the orphan watch blocked on stdin may abort shutdown
    assert "desktop-oms-server" in shown
    assert "--seed-size" in shown
    station_help = _station("--help", timeout=60)
    assert "--self-test" in station_help.stdout
    assert DEMO_SERVER_FLAG not in station_help.stdout


def test_demo_server_command_in_a_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    """In a frozen bundle the demo server child is the bundled binary with the hidden flag;
    from source it is this interpreter running the demo module."""
    assert demo.server_command() == [sys.executable, "-m", "desktop_oms.gui.demo", "serve"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/desktop-oms/desktop-oms")
    assert demo.server_command() == ["/opt/desktop-oms/desktop-oms", DEMO_SERVER_FLAG]
