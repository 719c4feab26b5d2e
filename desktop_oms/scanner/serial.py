"""Serial scanners without Qt: bytes split into lines, and what the port's state means.

A serial (or USB virtual COM port) scanner sends each code as a line. :class:`LineSplitter`
turns the bytes as they arrive, in whatever chunks, into :class:`Line` values with the
arrival time of each character; :class:`PortStatus` is the port's state with the message
staff and IT see. :mod:`~desktop_oms.scanner.qtserial` drives both from a QSerialPort.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import pairwise

from desktop_oms.scanner.settings import LineEnding

#: The longest line kept; a scanner that never sends its line ending is cut here.
MAX_LINE = 4096

_ENDING_NAMES = {
    LineEnding.CR: "CR",
    LineEnding.LF: "LF",
    LineEnding.CRLF: "CR LF",
    LineEnding.ANY: "CR or LF",
}


@dataclass(frozen=True, slots=True)
class Line:
    """One line from the port: its text, the ending as sent, times between characters.

    ``problem`` is set for data that never got its line ending (cut off by the port going
    away, or a scanner set to another suffix).
    """

    text: str
    ending: str
    gaps_ms: tuple[float, ...]
    problem: str | None = None


@dataclass(slots=True)
class LineSplitter:
    """Splits a serial byte stream into lines ending as ``ending`` says.

    Bytes are read as UTF-8 (ASCII for every code we read; anything else shows as U+FFFD
    in diagnostics and decodes as a bad scan). With ``ending=any`` a CR, an LF or a CR LF
    ends a line and empty lines are skipped.
    """

    ending: LineEnding = LineEnding.ANY
    _chars: list[str] = field(default_factory=list)
    _times: list[float] = field(default_factory=list)
    _decoder: codecs.IncrementalDecoder = field(
        default_factory=lambda: codecs.getincrementaldecoder("utf-8")(errors="replace")
    )

    @property
    def partial(self) -> str:
        """The characters received since the last line ended."""
        return "".join(self._chars)

    def feed(self, data: bytes, at_ms: float) -> list[Line]:
        """The lines completed by ``data``, which arrived at ``at_ms``."""
        lines: list[Line] = []
        for char in self._decoder.decode(data):
            self._chars.append(char)
            self._times.append(at_ms)
            line = self._line_end()
            if line is not None:
                lines.append(line)
            elif len(self._chars) >= MAX_LINE:
                lines.append(self._take(0, f"no line ending after {MAX_LINE} characters"))
        return [line for line in lines if line.text or line.problem]

    def flush(self, why: str) -> Line | None:
        """The characters waiting for their line ending, as a line with problem ``why``."""
        self._decoder.reset()
        return self._take(0, why) if self._chars else None

    def expected_ending(self) -> str:
        """The line ending in words (``CR LF``), for messages."""
        return _ENDING_NAMES[self.ending]

    def _line_end(self) -> Line | None:
        last = self._chars[-1]
        if self.ending is LineEnding.CRLF:
            if last == "\n" and len(self._chars) >= 2 and self._chars[-2] == "\r":
                return self._take(2)
            return None
        if self.ending is LineEnding.CR:
            return self._take(1) if last == "\r" else None
        if self.ending is LineEnding.LF:
            return self._take(1) if last == "\n" else None
        if last == "\n" and not self._chars[:-1]:
            self._chars.clear()  # the LF of a CR LF whose CR ended the line
            self._times.clear()
            return None
        return self._take(1) if last in "\r\n" else None

    def _take(self, ending_length: int, problem: str | None = None) -> Line:
        times = self._times
        body = len(self._chars) - ending_length
        line = Line(
            "".join(self._chars[:body]),
            "".join(self._chars[body:]),
            tuple(b - a for a, b in pairwise(times)),
            problem,
        )
        self._chars, self._times = [], []
        return line


class PortState(StrEnum):
    """The state of the serial scanner's port."""

    OFF = "off"
    CONNECTED = "connected"
    NOT_FOUND = "not_found"
    NO_PERMISSION = "no_permission"
    BUSY = "busy"
    LOST = "lost"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class PortStatus:
    """The port's state and the sentence that explains it (``detail``: the system's words)."""

    state: PortState
    port: str = ""
    detail: str = ""

    @property
    def ok(self) -> bool:
        """Whether the scanner can be used (connected, or none configured)."""
        return self.state in (PortState.CONNECTED, PortState.OFF)

    @property
    def message(self) -> str:
        """What the status bar and the settings page show."""
        port = self.port
        match self.state:
            case PortState.OFF:
                return "No serial scanner set up"
            case PortState.CONNECTED:
                return f"Scanner on {port} connected"
            case PortState.NOT_FOUND:
                return f"Scanner on {port} not found — check the cable"
            case PortState.NO_PERMISSION:
                return (
                    f"Scanner on {port} cannot be opened: no permission "
                    "(on Linux, add this user to the dialout group)"
                )
            case PortState.BUSY:
                return f"Scanner on {port} is in use by another program"
            case PortState.LOST:
                return f"Scanner on {port} disconnected — reconnecting…"
        return f"Scanner on {port}: {self.detail or 'port error'}"
