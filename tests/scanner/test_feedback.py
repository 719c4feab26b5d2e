"""Good and bad feedback: the sound files themselves, the resources, and ScanFeedback.

This machine may have no audio device (CI has none): the sound effects then load into
their Error state and stay silent. The tests check what does not depend on a speaker —
the files, that the right effect is asked to play at the right volume, and the flash.
"""

from __future__ import annotations

import math
import wave
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QFile, QUrl
from PySide6.QtMultimedia import QSoundEffect
from pytestqt.qtbot import QtBot

from desktop_oms.scanner import sounds
from desktop_oms.scanner.qtfeedback import BAD_SOUND, GOOD_SOUND, ScanFeedback
from desktop_oms.scanner.router import Destination, RouteResult
from desktop_oms.scanner.scan import Scan, Source, decode
from desktop_oms.scanner.settings import ScannerSettings

SOUNDS = Path(__file__).resolve().parents[2] / "resources" / "sounds"


def read_wav(path: Path) -> tuple[wave._wave_params, list[int]]:
    """A WAV file's parameters and its 16-bit samples."""
    with wave.open(str(path), "rb") as source:
        params = source.getparams()
        frames = source.readframes(params.nframes)
    samples = [
        int.from_bytes(frames[i : i + 2], "little", signed=True) for i in range(0, len(frames), 2)
    ]
    return params, samples


def power_at(samples: list[int], frequency: float, rate: int) -> float:
    """The signal's power at ``frequency`` (Goertzel)."""
    coefficient = 2 * math.cos(2 * math.pi * frequency / rate)
    previous = before = 0.0
    for sample in samples:
        previous, before = sample + coefficient * previous - before, previous
    return previous**2 + before**2 - coefficient * previous * before


def loudest(samples: list[int], rate: int, step: int) -> float:
    """The frequency (multiples of ``step`` up to 4 kHz) with the most power."""
    return max(range(step, 4001, step), key=lambda f: power_at(samples, f, rate))


def test_the_committed_sounds_are_what_the_generator_makes() -> None:
    """16 kHz 16-bit mono WAVs, equal to a fresh synthesis (to one step, for libm rounding)."""
    for name, make in sounds.SOUNDS.items():
        params, samples = read_wav(SOUNDS / name)
        assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, sounds.RATE)
        fresh = [round(max(-1.0, min(1.0, v)) * 32767) for v in make()]
        assert len(samples) == len(fresh)
        assert max(abs(a - b) for a, b in zip(samples, fresh, strict=True)) <= 1


def test_good_is_a_short_high_beep_and_bad_a_lower_double_buzz() -> None:
    """Distinct by pitch, length and shape: the bad one has a silent gap between two buzzes."""
    good_params, good = read_wav(SOUNDS / "good.wav")
    bad_params, bad = read_wav(SOUNDS / "bad.wav")
    assert good_params.nframes / sounds.RATE < 0.15
    assert bad_params.nframes > 2 * good_params.nframes
    assert loudest(good, sounds.RATE, 50) == 2400
    assert loudest(bad, sounds.RATE, 110) == 220  # a square wave: 220 Hz and odd harmonics
    assert power_at(bad, 2400, sounds.RATE) < power_at(bad, 220, sounds.RATE) / 100
    middle = bad[len(bad) // 2 - 200 : len(bad) // 2 + 200]
    assert max(abs(s) for s in middle) == 0  # the pause between the two buzzes
    assert max(abs(s) for s in good) > 10_000  # loud enough to hear in a store
    assert good[0] == 0  # faded in: no click


def test_the_generator_writes_both_files(tmp_path: Path) -> None:
    """``python -m desktop_oms.scanner.sounds DIR`` writes good.wav and bad.wav there."""
    assert sounds.main([str(tmp_path)]) == 0
    for name in ("good.wav", "bad.wav"):
        assert (tmp_path / name).read_bytes() == (SOUNDS / name).read_bytes()


def test_the_sounds_are_in_the_compiled_resources() -> None:
    """The station loads them from ``:/oms/sounds/`` (resources/station.qrc, compiled)."""
    from desktop_oms.gui.forms import rc_station

    assert rc_station is not None
    for url, name in ((GOOD_SOUND, "good.wav"), (BAD_SOUND, "bad.wav")):
        resource = QFile(":" + QUrl(url).path())
        assert resource.open(QFile.OpenModeFlag.ReadOnly)
        assert bytes(resource.readAll().data()) == (SOUNDS / name).read_bytes()
        resource.close()


def result(good: bool) -> RouteResult:
    """A routed scan, good (an order opened) or bad (a check digit)."""
    text = "OMS:O:WEB-1000234" if good else "4006381333932"
    scan = Scan(text, Source.WEDGE, datetime.now(UTC))
    decoded = decode(scan)
    destination = Destination.OPEN_ORDER if good else Destination.BAD
    message = "Order WEB-1000234" if good else str(decoded)
    return RouteResult(scan, decoded, destination, message)


class PlaySpy:
    """Stands in for ``QSoundEffect.play`` on one effect and counts the calls."""

    def __init__(self, effect: QSoundEffect) -> None:
        self.calls = 0
        effect.play = self  # type: ignore[method-assign]

    def __call__(self) -> None:
        self.calls += 1


@pytest.fixture
def feedback(qtbot: QtBot) -> ScanFeedback:
    """Feedback playing the committed files (the resources need the gui's module)."""
    found = ScanFeedback(
        good_sound=QUrl.fromLocalFile(str(SOUNDS / "good.wav")).toString(),
        bad_sound=QUrl.fromLocalFile(str(SOUNDS / "bad.wav")).toString(),
    )
    qtbot.waitUntil(
        lambda: all(e.status() != QSoundEffect.Status.Loading for e in found.effects),
        timeout=5000,
    )
    return found


def test_a_good_scan_plays_the_good_sound_and_flashes_good(
    qtbot: QtBot, feedback: ScanFeedback
) -> None:
    """``give`` picks the sound and the flash from the result."""
    good_effect, bad_effect = feedback.effects
    assert good_effect.source().fileName() == "good.wav"
    assert bad_effect.source().fileName() == "bad.wav"
    good_spy, bad_spy = PlaySpy(good_effect), PlaySpy(bad_effect)
    with qtbot.waitSignal(feedback.flash) as flash:
        feedback.give(result(good=True))
    assert flash.args == [True, "Order WEB-1000234"]
    with qtbot.waitSignal(feedback.flash) as flash:
        feedback.give(result(good=False))
    assert flash.args[0] is False
    assert "Check digit wrong" in flash.args[1]
    assert (good_spy.calls, bad_spy.calls) == (1, 1)


def test_volume_and_mute(qtbot: QtBot, feedback: ScanFeedback) -> None:
    """Volume is a perceptual slider (linear gain below it); mute and 0 % play nothing."""
    feedback.apply(ScannerSettings(volume=100))
    assert [e.volume() for e in feedback.effects] == [pytest.approx(1.0)] * 2
    feedback.apply(ScannerSettings(volume=50))
    half = feedback.effects[0].volume()
    assert 0.0 < half < 0.5  # logarithmic: half the slider is well under half the gain
    spies = [PlaySpy(e) for e in feedback.effects]
    feedback.apply(ScannerSettings(muted=True))
    assert all(e.isMuted() for e in feedback.effects)
    with qtbot.waitSignal(feedback.flash):  # the flash still shows
        feedback.bad("Unknown barcode")
    feedback.apply(ScannerSettings(volume=0))
    feedback.good()
    assert [s.calls for s in spies] == [0, 0]
    feedback.apply(ScannerSettings())
    feedback.good()
    assert [s.calls for s in spies] == [1, 0]
    assert feedback.settings == ScannerSettings()


def test_sound_availability_is_reported_and_reloading_keeps_working(
    qtbot: QtBot, feedback: ScanFeedback
) -> None:
    """Without an audio device the effects end in Error; either way good/bad never fail."""
    expected = all(e.status() == QSoundEffect.Status.Ready for e in feedback.effects)
    assert feedback.sound_available is expected
    old = feedback.effects
    feedback._reload()  # what a change of audio outputs does
    assert feedback.effects != old
    assert [e.source().fileName() for e in feedback.effects] == ["good.wav", "bad.wav"]
    with qtbot.waitSignal(feedback.flash):
        feedback.good("ok")
