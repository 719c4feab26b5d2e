"""How a scan is shown to the person setting up a scanner (no Qt).

A store's IT person needs to see exactly what arrived: every character, control
characters included (GS as ␝, CR as ␍), how fast the characters came (a wedge scanner
that types slower than the detection threshold is not recognised), what the station
made of it and where it went. :class:`LogEntry` is one such line; the Qt model in
:mod:`~desktop_oms.scanner.qtdiagnostics` shows a live list of them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from desktop_oms.scanner.router import RouteResult
from desktop_oms.scanner.scan import BadScan, Decoded, Scan, Source, decode, describe

#: Unicode "control pictures" for C0 control characters and DEL.
_PICTURES = {chr(c): chr(0x2400 + c) for c in range(0x20)} | {"\x7f": "\u2421"}


#: The ASCII names of C0 control characters and DEL, by their picture (␝ → GS).
_C0 = (
    *("NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT"),
    *("FF", "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB"),
    *("CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"),
)
CONTROL_NAMES = {chr(0x2400 + i): name for i, name in enumerate(_C0)} | {"\u2421": "DEL"}


def visible(text: str) -> str:
    """``text`` with control characters shown as their pictures (GS → ␝, CR → ␍)."""
    return "".join(_PICTURES.get(c, c) for c in text)


def runs(shown: str) -> list[tuple[str, bool]]:
    """``shown`` (text from :func:`visible`) as runs: ``(text, False)`` for plain text and
    ``(name, True)`` for each control character (``GS``, ``CR``), for drawing them as tags
    where a font has no control pictures."""
    out: list[tuple[str, bool]] = []
    for char in shown:
        name = CONTROL_NAMES.get(char)
        if name is not None:
            out.append((name, True))
        elif out and not out[-1][1]:
            out[-1] = (out[-1][0] + char, False)
        else:
            out.append((char, False))
    return out


def timing_summary(gaps_ms: tuple[float, ...]) -> str:
    """The time between characters in words: ``mean 8.2 ms, max 12 ms``, or ``—``."""
    if not gaps_ms:
        return "—"
    mean = sum(gaps_ms) / len(gaps_ms)
    return f"mean {mean:.1f} ms, max {max(gaps_ms):.0f} ms"


def timing_detail(gaps_ms: tuple[float, ...]) -> str:
    """Every gap between characters, for a tooltip."""
    if not gaps_ms:
        return "No timings (typed, or one chunk from the port)"
    return "Time between characters (ms): " + " ".join(f"{g:.0f}" for g in gaps_ms)


_SOURCE_NAMES = {
    Source.WEDGE: "Keyboard scanner",
    Source.SERIAL: "Serial scanner",
    Source.TYPED: "Typed",
}


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One scan as the diagnostics page lists it."""

    at: datetime
    source: str
    raw: str
    length: int
    timing: str
    timing_detail: str
    meaning: str
    good: bool
    routed: str
    symbology: str

    @classmethod
    def of(cls, scan: Scan, decoded: Decoded | None = None, routed: str = "") -> LogEntry:
        """The entry of ``scan`` (decoded here unless ``decoded`` is given)."""
        decoded = decode(scan) if decoded is None else decoded
        source = _SOURCE_NAMES[scan.source]
        if scan.device and scan.source is Source.SERIAL:
            source += f" ({scan.device})"
        return cls(
            at=scan.at,
            source=source,
            raw=visible(scan.text + scan.terminator),
            length=len(scan.text),
            timing=timing_summary(scan.gaps_ms),
            timing_detail=timing_detail(scan.gaps_ms),
            meaning=describe(decoded),
            good=not isinstance(decoded, BadScan),
            routed=routed,
            symbology=scan.symbology or "",
        )

    @classmethod
    def of_result(cls, result: RouteResult) -> LogEntry:
        """The entry of a routed scan: its decoding and where it went."""
        routed = result.destination.value
        if result.target:
            routed += f": {result.target}"
        if not result.good and result.message != describe(result.decoded):
            routed += f" — {result.message}"
        entry = cls.of(result.scan, result.decoded, routed)
        return entry if result.good else replace(entry, good=False)
