"""Every performance target of issue #9 in one command: each benchmark script in its own
process, their figures gathered into one table with the machine it ran on.

Run from the repository root::

    .venv/bin/python bench/run.py                    # small: the scripts' quick sizes (~4 min)
    .venv/bin/python bench/run.py --scale large      # 500k SKUs x 10 stores, 10k queue (~15 min)
    .venv/bin/python bench/run.py --only sync,stock --keep /tmp/bench   # a subset, outputs kept

Each script prints its own table for a person and, with ``--json``, one
``BENCH-FIGURES <json>`` line (``bench/figures.py``; ``gui_bench.py`` prints it on
stderr, as its stdout is one JSON document). A script that is missing, crashes or prints
no figures becomes a row saying so ("failed: <last line of stderr>") and the run goes on.
Exit code 0 when every script ran and every target is met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure, parse
from figures import table as figure_rows

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


@dataclass(frozen=True, slots=True)
class Script:
    """One benchmark script and its arguments at each scale."""

    name: str
    file: str
    small: tuple[str, ...]
    large: tuple[str, ...]

    def argv(self, scale: str) -> list[str]:
        """The script's arguments at ``scale``, ``--json`` included."""
        return [*(self.small if scale == "small" else self.large), "--json"]


#: In the order of issue #9's list of figures.
SCRIPTS: tuple[Script, ...] = (
    Script("sync", "sync_bench.py", (), ("--skus", "500000", "--stores", "10")),
    Script("server", "server_bench.py", ("--scale", "small"), ("--scale", "large")),
    Script("stock", "stock_bench.py", ("--quick",), ()),
    # the queue target is set for 10k rows: small opens the same 10k-row tab (~15 s),
    # with one delta round instead of three
    Script("gui", "gui_bench.py", ("--rounds", "1"), ()),
    Script("startup", "startup_bench.py", ("--runs", "3", "--no-demo"), ("--runs", "5")),
)


@dataclass(slots=True)
class Outcome:
    """What one script gave: its figures, or why there are none."""

    script: Script
    status: str  # "ok", "missing", "failed"
    figures: list[Figure] = field(default_factory=list)
    message: str = ""
    seconds: float = 0.0

    @property
    def all_met(self) -> bool:
        """Ran, and no figure with a target missed it."""
        return self.status == "ok" and all(f.met is not False for f in self.figures)


def last_line(text: str) -> str:
    """The last non-blank line of ``text`` (what a crash says last), or a placeholder."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "(no output)"


def outcome_of(
    script: Script, returncode: int | None, stdout: str, stderr: str, seconds: float = 0.0
) -> Outcome:
    """Judge a finished script: its figures, or "failed: ..." (``returncode`` None: timed out)."""
    found = parse(stdout) + parse(stderr)
    if returncode is None:
        return Outcome(script, "failed", found, f"timed out after {seconds:.0f} s", seconds)
    if returncode != 0:
        return Outcome(script, "failed", found, last_line(stderr or stdout), seconds)
    if not found:
        return Outcome(script, "failed", [], "printed no BENCH-FIGURES line", seconds)
    return Outcome(script, "ok", found, "", seconds)


def run_script(
    script: Script, scale: str, out_dir: Path, timeout: float, python: str = sys.executable
) -> Outcome:
    """Run one script in its own process, its stdout and stderr saved in ``out_dir``."""
    path = BENCH / script.file
    if not path.exists():
        return Outcome(script, "missing", message=f"{script.file} does not exist")
    out, err = out_dir / f"{script.name}.out", out_dir / f"{script.name}.err"
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    with out.open("w") as stdout, err.open("w") as stderr:
        proc = subprocess.Popen(
            [python, str(path), *script.argv(scale)],
            cwd=ROOT,
            env=env,
            stdout=stdout,
            stderr=stderr,
        )
        try:
            returncode: int | None = proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            returncode = None
    seconds = time.perf_counter() - start
    return outcome_of(script, returncode, out.read_text(), err.read_text(), seconds)


def table(outcomes: Sequence[Outcome]) -> str:
    """One Markdown table: every figure, and a row for each script that gave none."""
    rows = [
        "| figure | measured | reference (same run) | ratio | target | met |",
        "|---|---|---|---|---|---|",
    ]
    for o in outcomes:
        rows.extend(figure_rows(o.figures).splitlines()[2:])  # the rows, not the header
        if o.status != "ok":
            what = "not run: missing" if o.status == "missing" else f"failed: {o.message}"
            what = what.replace("|", "\\|")
            rows.append(f"| `{o.script.file}` | {what} | — | — | its targets | **not measured** |")
    return "\n".join(rows)


def machine() -> str:
    """nproc, CPU model, memory, Python, SQLite and the load average, on one line."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"nproc {os.cpu_count()}; CPU {cpu}; memory {mem:.1f} GiB; "
        f"Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}; "
        f"load average {load}"
    )


def select(only: str | None) -> list[Script]:
    """The scripts named in ``--only`` (all when None), in the table's order."""
    if not only:
        return list(SCRIPTS)
    wanted = {name.strip() for name in only.split(",") if name.strip()}
    unknown = wanted - {s.name for s in SCRIPTS}
    if unknown:
        names = ", ".join(s.name for s in SCRIPTS)
        raise SystemExit(f"--only: unknown {', '.join(sorted(unknown))} (known: {names})")
    return [s for s in SCRIPTS if s.name in wanted]


def main(argv: list[str] | None = None) -> int:
    """Run the scripts one after another, print the table and the machine."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--scale", choices=("small", "large"), default="small")
    parser.add_argument("--only", help="comma-separated: " + ",".join(s.name for s in SCRIPTS))
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep each script's output here")
    parser.add_argument(
        "--timeout", type=float, help="seconds per script (default 900 small, 3600 large)"
    )
    args = parser.parse_args(argv)
    scripts = select(args.only)
    timeout = args.timeout or (900.0 if args.scale == "small" else 3600.0)
    before = machine()
    print(f"machine: {before}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-run-") as tmp:
        out_dir = args.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        outcomes: list[Outcome] = []
        for script in scripts:
            print(f"running {script.file} {' '.join(script.argv(args.scale))} ...", flush=True)
            outcome = run_script(script, args.scale, out_dir, timeout)
            state = outcome.status if outcome.status == "ok" else f"{outcome.status}: "
            print(f"  {state}{outcome.message} ({outcome.seconds:.0f} s)", flush=True)
            outcomes.append(outcome)
        command = "python bench/run.py --scale " + args.scale
        if args.only:
            command += f" --only {args.only}"
        per_script = ", ".join(f"{o.script.name} {o.seconds:.0f} s" for o in outcomes)
        report = (
            f"{table(outcomes)}\n\n"
            f"- command: `{command}` (each script: {per_script})\n"
            f"- machine before: {before}\n"
            f"- machine after: {machine()}"
        )
        print()
        print(report)
        if args.keep:
            (out_dir / "table.md").write_text(report + "\n")
    return 0 if all(o.all_met for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
