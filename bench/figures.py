"""One benchmark figure, as every script reports it to ``bench/run.py``.

Each script keeps printing its own table for a person; with ``--json`` it also prints one
line ``BENCH-FIGURES <json list>`` on stdout, which ``run.py`` collects into the single
table of every target (issue #9). A figure stands beside its reference measured in the
same run (DESIGN §8); ``met`` is None for figures without a target (shown for context).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import TextIO

#: The marker of the machine-readable line among a script's output.
MARKER = "BENCH-FIGURES "


@dataclass(frozen=True, slots=True)
class Figure:
    """A measured value with its same-run reference, the ratio, the target and the verdict."""

    name: str
    value: float
    unit: str
    reference: float | None = None
    reference_name: str = ""
    ratio: float | None = None
    ratio_unit: str = "x"
    target: str = ""
    met: bool | None = None
    note: str = ""


def emit(figures: Iterable[Figure], file: TextIO | None = None) -> None:
    """Print the machine-readable line (``run.py`` reads it) on stdout, or on ``file``."""
    print(MARKER + json.dumps([asdict(f) for f in figures]), file=file, flush=True)


def parse(output: str) -> list[Figure]:
    """The figures a script printed (empty if it printed none)."""
    found: list[Figure] = []
    for line in output.splitlines():
        if line.startswith(MARKER):
            found.extend(Figure(**item) for item in json.loads(line[len(MARKER) :]))
    return found


def fmt(value: float | None, unit: str) -> str:
    """A value with its unit, at a sensible precision (``6.9 ms``, ``48 us``, ``1.85x``)."""
    if value is None:
        return "—"
    if unit == "x":
        return f"{value:.2f}x"
    if unit.startswith("x "):  # "x faster"
        return f"{value:.1f}{unit}"
    if abs(value) >= 100:
        return f"{value:,.0f} {unit}"
    if abs(value) >= 10:
        return f"{value:.1f} {unit}"
    return f"{value:.2f} {unit}"


def table(figures: Sequence[Figure]) -> str:
    """The results as a Markdown table (what bench/README.md keeps)."""
    rows = [
        "| figure | measured | reference (same run) | ratio | target | met |",
        "|---|---|---|---|---|---|",
    ]
    for f in figures:
        reference = f"{f.reference_name} {fmt(f.reference, f.unit)}" if f.reference else "—"
        ratio = fmt(f.ratio, f.ratio_unit) if f.ratio is not None else "—"
        verdict = {True: "met", False: "**missed**", None: ""}[f.met]
        note = f" ({f.note})" if f.note else ""
        rows.append(
            f"| {f.name}{note} | {fmt(f.value, f.unit)} | {reference} | {ratio} | "
            f"{f.target or '—'} | {verdict} |"
        )
    return "\n".join(rows)
