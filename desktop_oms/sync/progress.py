"""Progress of a sync, reported through a plain callback (the GUI turns it into signals)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class Phase(StrEnum):
    """Where the engine is."""

    SNAPSHOT = "snapshot"
    SWITCHING = "switching"
    PULL = "pull"
    PUSH = "push"
    IDLE = "idle"
    OFFLINE = "offline"
    RESET = "reset"


@dataclass(frozen=True, slots=True)
class Progress:
    """A progress report: phase, current kind, pages and rows done, rows expected, bytes."""

    phase: Phase
    kind: str | None = None
    pages: int = 0
    rows: int = 0
    total_rows: int = 0
    message: str = ""


ProgressCallback = Callable[[Progress], None]


def ignore(_progress: Progress) -> None:
    """A callback that drops reports."""
