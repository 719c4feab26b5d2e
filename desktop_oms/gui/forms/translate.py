"""Extract the station's visible strings into Qt Linguist catalogues and compile them.

Run after changing visible strings::

    .venv/bin/python -m desktop_oms.gui.forms.translate update [--area fulfil]  # .py/.ui -> .ts
    .venv/bin/linguist resources/translations/nl/fulfil.ts                       # translate
    .venv/bin/python -m desktop_oms.gui.forms.translate release                 # .ts -> .qm
    .venv/bin/python -m desktop_oms.gui.forms.translate check                   # exit 1 if not

``update`` runs ``lupdate`` per area (:data:`desktop_oms.gui.translations.AREAS`) and
language, keeping the translations already made and dropping strings no longer in the
code; English, the source language, gets only the plural forms. ``release`` compiles each
language's catalogues into one ``desktop_oms_<language>.qm`` beside the compiled forms.
``check`` (run by the tests) fails when a catalogue is behind the code, when a string has
no finished translation, or when a compiled catalogue is behind its sources. Catalogues
are written without source locations, so moving code does not churn them.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop_oms.gui.translations import AREAS, LANGUAGES, SOURCE_LANGUAGE, catalogue_path

ROOT = Path(__file__).resolve().parents[3]
_EXTRA_COMMENT = re.compile(r"\n[ \t]*<extracomment>.*?</extracomment>", re.DOTALL)
TS_DIR = ROOT / "resources" / "translations"


def _tool(name: str) -> Path:
    import PySide6

    base = Path(PySide6.__file__).resolve().parent
    return base / (f"{name}.exe" if sys.platform == "win32" else name)


def sources(area: str) -> list[Path]:
    """The files of ``area``, in a stable order."""
    found: set[Path] = set()
    for pattern in AREAS[area]:
        found.update(Path(p) for p in glob.glob(str(ROOT / pattern), recursive=True))
    return sorted(p for p in found if p.is_file())


def ts_path(language: str, area: str) -> Path:
    """The catalogue of ``area`` in ``language``."""
    return TS_DIR / language / f"{area}.ts"


def update_one(language: str, area: str, target: Path) -> None:
    """Run ``lupdate`` for ``area`` into ``target`` (merged with what ``target`` holds)."""
    args = [str(_tool("lupdate")), "-silent", "-locations", "none", "-no-obsolete"]
    args += ["-source-language", SOURCE_LANGUAGE, "-target-language", language]
    if language == SOURCE_LANGUAGE:
        args.append("-pluralonly")
    args += [os.path.relpath(p, ROOT) for p in sources(area)]
    args += ["-ts", str(target)]
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(args, cwd=ROOT, check=True, capture_output=True)  # noqa: S603
    # lupdate takes every ``#:`` comment before a string as a note to translators; ours
    # document attributes (Sphinx style), so the notes are dropped, not churned.
    text = target.read_text(encoding="utf-8")
    target.write_text(_EXTRA_COMMENT.sub("", text), encoding="utf-8")


def release_one(language: str, target: Path) -> None:
    """Compile every catalogue of ``language`` into ``target``."""
    inputs = sorted((TS_DIR / language).glob("*.ts"))
    args = [str(_tool("lrelease")), "-silent", "-nounfinished", *map(str, inputs), "-qm"]
    subprocess.run([*args, str(target)], check=True, capture_output=True)  # noqa: S603


@dataclass(frozen=True, slots=True)
class Missing:
    """A string with no finished translation."""

    language: str
    area: str
    context: str
    source: str

    def __str__(self) -> str:
        return f"{self.language}/{self.area}.ts [{self.context}] {self.source!r}"


def missing(language: str) -> list[Missing]:
    """Every string of ``language``'s catalogues without a finished, non-empty translation."""
    found: list[Missing] = []
    for path in sorted((TS_DIR / language).glob("*.ts")):
        for context in ET.parse(path).getroot().iter("context"):  # noqa: S314 (our own file)
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                if translation is None or translation.get("type") in {"unfinished", "vanished"}:
                    found.append(Missing(language, path.stem, name, source))
                    continue
                forms = [f.text or "" for f in translation.iter("numerusform")]
                texts = forms if message.get("numerus") == "yes" else [translation.text or ""]
                if not texts or any(not t.strip() for t in texts):
                    found.append(Missing(language, path.stem, name, source))
    return found


def stale_catalogues() -> list[Path]:
    """Catalogues that ``update`` would change: the code has strings they lack, or lost some."""
    outdated: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="oms-ts-") as tmp:
        for language in LANGUAGES:
            for area in AREAS:
                committed = ts_path(language, area)
                fresh = Path(tmp) / f"{language}-{area}.ts"
                if committed.exists():
                    shutil.copyfile(committed, fresh)
                update_one(language, area, fresh)
                if not committed.exists() or fresh.read_bytes() != committed.read_bytes():
                    outdated.append(committed)
    return outdated


def stale_compiled() -> list[Path]:
    """Compiled catalogues that differ from what their sources compile to now."""
    outdated: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="oms-qm-") as tmp:
        for language in LANGUAGES:
            fresh = Path(tmp) / f"{language}.qm"
            release_one(language, fresh)
            target = catalogue_path(language)
            if not target.exists() or fresh.read_bytes() != target.read_bytes():
                outdated.append(target)
    return outdated


def main(argv: Sequence[str] | None = None) -> int:
    """``update``, ``release`` or ``check``; the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m desktop_oms.gui.forms.translate", description=__doc__.split("\n")[0]
    )
    parser.add_argument("action", choices=("update", "release", "check"))
    parser.add_argument("--area", action="append", choices=sorted(AREAS), help="only these")
    args = parser.parse_args(argv)
    if args.action == "update":
        for language in LANGUAGES:
            for area in args.area or AREAS:
                update_one(language, area, ts_path(language, area))
                print(f"updated {os.path.relpath(ts_path(language, area), ROOT)}")
        return 0
    if args.action == "release":
        for language in LANGUAGES:
            target = catalogue_path(language)
            # Compile beside the target and rename it into place: running stations (and
            # tests) map the catalogue, and rewriting a mapped file in place crashes them.
            fresh = target.with_name(f".{target.name}.new")
            release_one(language, fresh)
            fresh.replace(target)
            print(f"wrote {os.path.relpath(target, ROOT)}")
        return 0
    problems = [f"behind the code: {os.path.relpath(p, ROOT)}" for p in stale_catalogues()]
    problems += [f"not translated: {m}" for language in LANGUAGES for m in missing(language)]
    problems += [f"not compiled: {os.path.relpath(p, ROOT)}" for p in stale_compiled()]
    for problem in problems:
        print(problem)
    if problems:
        print("run: python -m desktop_oms.gui.forms.translate update|release", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
