"""Compile the Designer forms (``ui/*.ui``) and resources (``resources/*.qrc``) to Python.

Run after changing a form, an icon or the stylesheet::

    .venv/bin/python -m desktop_oms.gui.forms.compile          # rewrite what changed
    .venv/bin/python -m desktop_oms.gui.forms.compile --check  # exit 1 if anything is stale

``ui/<name>.ui`` becomes ``desktop_oms/gui/forms/ui_<name>.py`` and
``resources/<name>.qrc`` becomes ``desktop_oms/gui/forms/rc_<name>.py``; both are
committed, so running the station needs no Qt tools. Resources are compiled without
compression and in rcc format 1 (no file timestamps), so the output depends only on the
inputs and the Qt version, and ``--check`` (run by the tests) is stable across checkouts.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
FORMS_DIR = Path(__file__).resolve().parent
UI_DIR = ROOT / "ui"
RESOURCES_DIR = ROOT / "resources"


@dataclass(frozen=True, slots=True)
class Job:
    """One source file and the module it compiles to."""

    source: Path
    target: Path

    @property
    def tool(self) -> str:
        """``uic`` for a form, ``rcc`` for a resource collection."""
        return "uic" if self.source.suffix == ".ui" else "rcc"


def jobs() -> list[Job]:
    """Every form and resource collection, with its generated module."""
    found = [Job(p, FORMS_DIR / f"ui_{p.stem}.py") for p in sorted(UI_DIR.glob("*.ui"))]
    found += [Job(p, FORMS_DIR / f"rc_{p.stem}.py") for p in sorted(RESOURCES_DIR.glob("*.qrc"))]
    return found


def _tool(name: str) -> Path:
    import PySide6

    base = Path(PySide6.__file__).resolve().parent
    if sys.platform == "win32":
        return base / f"{name}.exe"
    return base / "Qt" / "libexec" / name


#: First line of every generated module: mypy does not check generated code.
HEADER = "# mypy: ignore-errors\n"


def compile_one(job: Job, output: Path) -> None:
    """Compile ``job.source`` into ``output`` (CalledProcessError on a tool failure)."""
    if job.tool == "uic":
        args = [str(_tool("uic")), "-g", "python", "--from-imports", "-o", str(output)]
    else:
        args = [str(_tool("rcc")), "-g", "python", "--no-compress", "--format-version", "1"]
        args += ["-o", str(output)]
    # rcc resolves the files of a .qrc relative to the .qrc; uic needs no working dir.
    subprocess.run([*args, job.source.name], cwd=job.source.parent, check=True)  # noqa: S603
    output.write_text(HEADER + output.read_text(encoding="utf-8"), encoding="utf-8")


#: The line naming the Qt version that generated a module: any supported Qt may compile.
_VERSION_LINE = re.compile(rb"^#.*Created by: .*version [0-9.]+\s*$", re.MULTILINE)


def _without_version(text: bytes) -> bytes:
    return _VERSION_LINE.sub(b"", text)


def stale(job: Job) -> bool:
    """Whether the committed module differs from what the source compiles to now.

    The tools' version line is ignored, so the check holds on any Qt the project allows.
    """
    with tempfile.TemporaryDirectory(prefix="oms-forms-") as tmp:
        fresh = Path(tmp) / job.target.name
        compile_one(job, fresh)
        if not job.target.exists():
            return True
        return _without_version(fresh.read_bytes()) != _without_version(job.target.read_bytes())


def main(argv: Sequence[str] | None = None) -> int:
    """Compile what changed (or, with ``--check``, only report it); the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m desktop_oms.gui.forms.compile", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--check", action="store_true", help="report stale modules, write none")
    args = parser.parse_args(argv)
    outdated = [job for job in jobs() if stale(job)]
    for job in outdated:
        shown = os.path.relpath(job.target, ROOT)
        if args.check:
            print(f"stale: {shown} (from {os.path.relpath(job.source, ROOT)})")
        else:
            compile_one(job, job.target)
            print(f"wrote {shown}")
    if args.check and outdated:
        print("run: python -m desktop_oms.gui.forms.compile", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
