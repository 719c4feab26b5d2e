"""Station cold start: from process start to a window that accepts scans, vs importing Qt.

Run from the repository root (offscreen unless QT_QPA_PLATFORM says otherwise)::

    .venv/bin/python bench/startup_bench.py            # 5 runs of each
    .venv/bin/python bench/startup_bench.py --runs 3 --no-demo

Figures (DESIGN §8: cold start to a window that accepts scans <= 1.5 s; reference
``import PySide6.QtWidgets`` alone), each the median of ``--runs`` fresh processes:

* ``import desktop_oms.gui.app`` (everything the station imports before its window);
* an enrolled station (``desktop-oms --cache FILE``, synced before): process start until
  the window is shown, and until the sign-in page is up (it takes a badge scan);
* the demo (``desktop-oms --demo``): until the window is shown and until the pickup queue
  shows its rows (seeding the demo database, starting its server, enrolling and the first
  sync included).

Times are taken inside the station process (``--screenshot`` runs, which quit by
themselves) against the wall-clock time the parent took just before starting it.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # not imported in the timed station process
    from figures import Figure

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MARK_RE = re.compile(r"^MARK (.+) (\d+\.\d+)$", re.MULTILINE)


def child(argv: list[str]) -> int:
    """In the station process: print when the window, the sign-in and the data show."""
    started = float(argv[0])

    def mark(name: str) -> None:
        print(f"MARK {name} {time.time() - started:.4f}", flush=True)

    mark("interpreter up")
    from desktop_oms.gui.app import run  # noqa: F401 - the import being measured

    mark("gui imported")
    from desktop_oms.cli import station_main
    from desktop_oms.gui.mainwindow import MainWindow
    from desktop_oms.gui.pickups.view import PickupsView

    show, sign_in, apply = MainWindow.show, MainWindow.show_sign_in, PickupsView._apply

    def shown(self: MainWindow) -> None:
        show(self)
        mark("window shown")

    def signing_in(self: MainWindow, message: str | None = None) -> None:
        sign_in(self, message)
        mark("sign-in shown")

    def applied(self: PickupsView, result: object, generation: int) -> None:
        apply(self, result, generation)  # type: ignore[arg-type]
        if self.model.rowCount():
            mark("queue rows shown")

    MainWindow.show = shown  # type: ignore[method-assign, assignment]
    MainWindow.show_sign_in = signing_in  # type: ignore[method-assign]
    PickupsView._apply = applied  # type: ignore[method-assign]
    return station_main(argv[1:])


def _timed(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run the station with ``args``; the first time of each mark it printed."""
    started = time.time()
    done = subprocess.run(
        [sys.executable, __file__, "child", f"{started:.6f}", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the station failed: {done.stdout}{done.stderr}")
    marks: dict[str, float] = {}
    for name, value in MARK_RE.findall(done.stdout):
        marks.setdefault(name, float(value))
    return marks


def _imported(module: str, env: dict[str, str]) -> float:
    """Seconds from starting a fresh interpreter until it has imported ``module``."""
    code = f"import time; import {module}; print(time.time())"
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return float(done.stdout.split()[-1]) - started


def _enrolled_station(work: Path, env: dict[str, str]) -> tuple[subprocess.Popen[str], Path]:
    """A demo server and a station enrolled at it and synced; the server and the cache."""
    server = subprocess.Popen(
        [
            str(BIN / "desktop-oms-server"),
            *("--demo", "--port", "0", "--database", f"sqlite:///{work / 'server.sqlite3'}"),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert server.stdout is not None
    url = None
    for line in server.stdout:
        found = re.search(r"listening on (http://\S+)", line)
        if found:
            url = found.group(1)
            break
    if url is None:
        raise RuntimeError("the server did not start")
    cache = work / "station.sqlite3"
    sync = str(BIN / "desktop-oms-sync")
    enrol = [sync, "enrol", "--server", url, "--username", "ams1.manager", "--cache", str(cache)]
    for _ in range(50):
        if subprocess.run(enrol, env=env, capture_output=True, check=False).returncode == 0:
            break
        time.sleep(0.2)
    subprocess.run([sync, "sync"], env=env, capture_output=True, check=True)
    return server, cache


def main() -> int:
    """Measure and print one results table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="processes per figure (median)")
    parser.add_argument("--no-demo", action="store_true", help="skip the demo figures")
    parser.add_argument(
        "--json", action="store_true", help="also print the figures for bench/run.py"
    )
    args = parser.parse_args()
    from figures import Figure, emit

    rows: list[tuple[str, str, str]] = []
    found: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as tmp:
        work = Path(tmp)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "XDG_CONFIG_HOME": str(work / "config"),
            "XDG_DATA_HOME": str(work / "data"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "DESKTOP_OMS_PIN": "1234",
        }
        runs = range(args.runs)
        qt = statistics.median(_imported("PySide6.QtWidgets", env) for _ in runs)
        gui = statistics.median(_imported("desktop_oms.gui.app", env) for _ in runs)
        rows.append(("import PySide6.QtWidgets (reference)", f"{qt:.2f} s", "-"))
        rows.append(("import desktop_oms.gui.app", f"{gui:.2f} s", f"{gui / qt:.1f}x"))
        qt_ref = "import PySide6.QtWidgets"
        found.append(
            Figure("cold start: import desktop_oms.gui.app", gui, "s", qt, qt_ref, gui / qt)
        )

        server, cache = _enrolled_station(work, env)
        try:
            shot = str(work / "signin.png")
            station = [
                _timed(["--cache", str(cache), "--screenshot", shot, "--view", "signin"], env)
                for _ in runs
            ]
        finally:
            server.terminate()
            server.wait(30)
        for name, label in (("window shown", "window shown"), ("sign-in shown", "sign-in up")):
            value = statistics.median(m[name] for m in station)
            target = " (<= 1.5 s)" if name == "sign-in shown" else ""
            rows.append(
                (f"enrolled station: {label}", f"{value:.2f} s", f"{value / qt:.1f}x{target}")
            )
            found.append(
                Figure(
                    f"cold start, enrolled station: {label}",
                    value,
                    "s",
                    qt,
                    qt_ref,
                    value / qt,
                    target="<= 1.5 s" if target else "",
                    met=value <= 1.5 if target else None,
                    note=f"median of {args.runs} processes",
                )
            )

        if not args.no_demo:
            demo = [
                _timed(
                    ["--demo", "--simulate-orders", "0", "--screenshot", str(work / "d.png")], env
                )
                for _ in runs
            ]
            for name in ("window shown", "queue rows shown"):
                value = statistics.median(m[name] for m in demo)
                rows.append((f"demo: {name}", f"{value:.2f} s", f"{value / qt:.1f}x"))
                found.append(
                    Figure(f"cold start, demo: {name}", value, "s", qt, qt_ref, value / qt)
                )

    load = os.getloadavg()[0]
    print(f"startup bench: median of {args.runs} processes; {os.cpu_count()} CPUs, load {load:.2f}")
    header = ("figure", "time", "vs import Qt")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(3)]
    for line in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)))
    if args.json:
        emit(found)
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        sys.exit(child(sys.argv[2:]))
    sys.exit(main())
