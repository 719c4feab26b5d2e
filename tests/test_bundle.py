"""The PyInstaller bundle: ``pyinstaller.spec`` builds it, and the bundled binary passes
``--self-test`` offscreen (the demo server child is the bundled binary too).

Slow (the build takes about a minute); tests/gui/test_self_test.py checks the self-test
itself without a bundle.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the bundle into a temporary directory; its binary."""
    out = tmp_path_factory.mktemp("bundle")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "build"),
            str(ROOT / "pyinstaller.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=540,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    binary = (
        out / "dist" / "desktop-oms" / ("desktop-oms.exe" if os.name == "nt" else "desktop-oms")
    )
    assert binary.is_file(), f"no {binary} after the build"
    return binary


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_bundle_carries_its_data_files(bundle: Path) -> None:
    """The Alembic migrations of the cache and the server travel as files (Alembic reads
    them from disk), at the paths the migrate modules look."""
    internal = bundle.parent / "_internal" / "desktop_oms"
    for room in ("cache", "server"):
        migrations = internal / room / "migrations"
        assert (migrations / "env.py").is_file(), f"{room} migrations missing"
        source = sorted(
            p.name for p in (ROOT / "desktop_oms" / room / "migrations" / "versions").glob("*.py")
        )
        bundled = sorted(p.name for p in (migrations / "versions").glob("*.py"))
        assert bundled == source
    plugins = bundle.parent / "_internal" / "PySide6" / "Qt" / "plugins"
    for plugin in ("platforms/libqoffscreen", "imageformats/libqsvg", "multimedia/"):
        folder, _, name = plugin.partition("/")
        assert any(p.name.startswith(name) for p in (plugins / folder).iterdir()), plugin


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_bundled_binary_passes_its_self_test(bundle: Path, tmp_path: Path) -> None:
    """The bundled binary starts the embedded demo (as itself), opens the window, syncs,
    signs in, scans an order and exits 0, offscreen."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV"))  # nothing of the venv leaks in
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [str(bundle), "--self-test", "--simulate-orders", "0"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "self-test: demo server at http://127.0.0.1:" in done.stdout
    assert "(the bundled binary)" in done.stdout
    assert "opened it (open_order)" in done.stdout
    assert "self-test: translations: English, Nederlands" in done.stdout  # the .qm bundled
    assert "self-test: passed" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
