"""The station's scanner settings: one plain, validated dataclass with working defaults.

The gui's settings store persists it (``dataclasses.asdict``; the enums are ``str``
subclasses) and builds it back with keyword arguments; every component takes the whole
object and reads what it needs, so a change is applied by handing over a new one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Terminator(StrEnum):
    """The key a keyboard-wedge scanner sends after the code (its "suffix")."""

    ENTER = "enter"
    TAB = "tab"


class LineEnding(StrEnum):
    """What ends a line from a serial scanner. ``any``: CR, LF or CR LF."""

    CR = "cr"
    LF = "lf"
    CRLF = "crlf"
    ANY = "any"


#: Baud rates serial scanners offer (QSerialPort takes any, scanners only these).
BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600)


class InvalidSettings(ValueError):
    """A scanner setting out of range; ``field`` names it for the settings page."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class ScannerSettings:
    """How the station reads scanners, with defaults that suit common USB and serial models.

    Keyboard wedge: a run of keys counts as a scan when its average time between keys is at
    most ``max_average_ms``, it has at least ``min_length`` characters (after ``prefix``)
    and ends with one of ``terminators`` (none: the burst ends when ``timeout_ms`` passes
    without a key). ``timeout_ms`` is also the longest gap inside one burst, and the
    longest a typed key is held back before it reaches the field. Serial: ``serial_port``
    (empty: no serial scanner) at ``baud_rate``, 8 data bits, no parity, 1 stop bit.
    Feedback: ``volume`` in percent, ``muted``.
    """

    wedge_enabled: bool = True
    max_average_ms: float = 30.0
    timeout_ms: float = 60.0
    min_length: int = 4
    terminators: tuple[Terminator, ...] = (Terminator.ENTER, Terminator.TAB)
    prefix: str = ""
    serial_port: str = ""
    baud_rate: int = 9600
    line_ending: LineEnding = LineEnding.ANY
    reconnect_ms: int = 2000
    volume: int = 80
    muted: bool = False

    def __post_init__(self) -> None:
        """Refuse values the scanner code cannot work with, naming the field."""
        # Accept the persisted (plain str / list) forms and store the typed ones.
        try:
            terminators = tuple(dict.fromkeys(Terminator(t) for t in self.terminators))
        except ValueError:
            raise InvalidSettings("terminators", "each must be 'enter' or 'tab'") from None
        object.__setattr__(self, "terminators", terminators)
        try:
            object.__setattr__(self, "line_ending", LineEnding(self.line_ending))
        except ValueError:
            raise InvalidSettings("line_ending", "must be cr, lf, crlf or any") from None
        if not 1 <= self.max_average_ms <= 200:
            raise InvalidSettings("max_average_ms", "must be between 1 and 200 ms")
        if not self.max_average_ms <= self.timeout_ms <= 1000:
            raise InvalidSettings(
                "timeout_ms", "must be at least the average time between keys and at most 1000 ms"
            )
        if not 1 <= self.min_length <= 100:
            raise InvalidSettings("min_length", "must be between 1 and 100 characters")
        if len(self.prefix) > 8 or any(c in "\r\n\t" for c in self.prefix):
            raise InvalidSettings("prefix", "at most 8 characters, no Enter or Tab")
        if self.serial_port != self.serial_port.strip():
            raise InvalidSettings("serial_port", "has spaces around the port name")
        if self.baud_rate not in BAUD_RATES:
            raise InvalidSettings("baud_rate", f"must be one of {', '.join(map(str, BAUD_RATES))}")
        if not 200 <= self.reconnect_ms <= 60_000:
            raise InvalidSettings("reconnect_ms", "must be between 200 ms and 60 s")
        if not 0 <= self.volume <= 100:
            raise InvalidSettings("volume", "must be between 0 and 100 percent")
