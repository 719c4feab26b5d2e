"""Scanner settings: working defaults, the persisted form reads back, bad values are named."""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

import pytest

from desktop_oms.scanner.settings import InvalidSettings, LineEnding, ScannerSettings, Terminator


def test_defaults_suit_common_scanners() -> None:
    """30 ms a key on average, Enter or Tab at the end, 9600 baud, sound on."""
    settings = ScannerSettings()
    assert settings.max_average_ms == 30
    assert settings.timeout_ms >= settings.max_average_ms
    assert settings.terminators == (Terminator.ENTER, Terminator.TAB)
    assert settings.serial_port == ""
    assert settings.baud_rate == 9600
    assert settings.line_ending is LineEnding.ANY
    assert not settings.muted


def test_the_persisted_form_reads_back() -> None:
    """``asdict`` (what the settings store writes, e.g. as JSON) builds the same settings."""
    settings = ScannerSettings(
        terminators=(Terminator.TAB,), serial_port="/dev/ttyUSB0", line_ending=LineEnding.CRLF
    )
    stored: dict[str, Any] = {
        key: list(value) if isinstance(value, tuple) else value
        for key, value in asdict(settings).items()
    }
    assert stored["terminators"] == ["tab"]
    assert stored["line_ending"] == "crlf"
    assert ScannerSettings(**stored) == settings
    assert ScannerSettings(terminators=("enter", "enter")).terminators == (Terminator.ENTER,)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"max_average_ms": 0}, "max_average_ms"),
        ({"max_average_ms": 500}, "max_average_ms"),
        ({"timeout_ms": 20}, "timeout_ms"),
        ({"timeout_ms": 5000}, "timeout_ms"),
        ({"min_length": 0}, "min_length"),
        ({"terminators": ("space",)}, "terminators"),
        ({"prefix": "\r"}, "prefix"),
        ({"prefix": "123456789"}, "prefix"),
        ({"serial_port": " COM3"}, "serial_port"),
        ({"baud_rate": 9601}, "baud_rate"),
        ({"line_ending": "nl"}, "line_ending"),
        ({"reconnect_ms": 10}, "reconnect_ms"),
        ({"volume": 101}, "volume"),
    ],
)
def test_bad_values_are_refused_by_name(changes: dict[str, Any], field: str) -> None:
    """The settings page can point at the field that is wrong."""
    with pytest.raises(InvalidSettings) as refused:
        replace(ScannerSettings(), **changes)
    assert refused.value.field == field
    assert str(refused.value).startswith(f"{field}: ")
