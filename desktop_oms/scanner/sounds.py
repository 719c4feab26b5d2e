"""The good-scan and bad-scan sounds, synthesised, so they can be remade and checked.

``good.wav``: one short high beep (2.4 kHz sine, 90 ms), the sound of a scanner's good
read. ``bad.wav``: a low double buzz (two 140 ms bursts of a 220 Hz band-limited square
wave), unmistakable even in a noisy store and for people who cannot hear high tones well.
Both are 16 kHz, 16-bit mono PCM WAV (what QSoundEffect plays everywhere), with short
raised-cosine fades so they do not click. Write them into ``resources/sounds/``::

    .venv/bin/python -m desktop_oms.scanner.sounds

then recompile the resources (``python -m desktop_oms.gui.forms.compile``).
"""

from __future__ import annotations

import argparse
import math
import sys
import wave
from collections.abc import Iterable, Sequence
from pathlib import Path

RATE = 16_000
#: ``QLoggingCategory.setFilterRules`` rules that silence QtMultimedia's own log categories
#: (the optional libraries it probes for, none needed to play a WAV). Here, not in the Qt
#: module, because QtMultimedia logs while it is imported: set them before importing it.
QUIET_MULTIMEDIA_RULES = "qt.multimedia.*=false"
SOUNDS_DIR = Path(__file__).resolve().parents[2] / "resources" / "sounds"
_FADE_S = 0.004


def tone(frequency: float, seconds: float, amplitude: float, harmonics: int = 1) -> list[float]:
    """A tone of ``seconds`` with faded ends; ``harmonics`` > 1 adds odd ones (a square wave).

    Harmonics at or above a quarter of the sample rate are left out (no aliasing).
    """
    count = round(seconds * RATE)
    fade = round(_FADE_S * RATE)
    partials = [
        (k, 1.0 / k) for k in range(1, 2 * harmonics, 2) if k == 1 or k * frequency < RATE / 4
    ]
    scale = amplitude / sum(weight for _, weight in partials)
    samples = []
    for i in range(count):
        phase = 2 * math.pi * frequency * i / RATE
        value = scale * sum(weight * math.sin(k * phase) for k, weight in partials)
        edge = min(i, count - 1 - i)
        if edge < fade:
            value *= 0.5 - 0.5 * math.cos(math.pi * edge / fade)
        samples.append(value)
    return samples


def silence(seconds: float) -> list[float]:
    """``seconds`` of silence."""
    return [0.0] * round(seconds * RATE)


def good_sound() -> list[float]:
    """The good-scan beep."""
    return tone(2400, 0.09, 0.6)


def bad_sound() -> list[float]:
    """The bad-scan double buzz."""
    buzz = tone(220, 0.14, 0.55, harmonics=9)
    return buzz + silence(0.07) + buzz


def pcm16(samples: Iterable[float]) -> bytes:
    """Samples in [-1, 1] as little-endian signed 16-bit PCM."""
    out = bytearray()
    for value in samples:
        clipped = max(-1.0, min(1.0, value))
        out += round(clipped * 32767).to_bytes(2, "little", signed=True)
    return bytes(out)


def write_wav(path: Path, samples: Sequence[float]) -> None:
    """Write ``samples`` as a 16 kHz, 16-bit mono WAV file."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm16(samples))


SOUNDS = {"good.wav": good_sound, "bad.wav": bad_sound}


def main(argv: Sequence[str] | None = None) -> int:
    """Write the sounds into ``resources/sounds`` (or the given directory)."""
    parser = argparse.ArgumentParser(
        prog="python -m desktop_oms.scanner.sounds", description=__doc__.split("\n")[0]
    )
    parser.add_argument("directory", nargs="?", type=Path, default=SOUNDS_DIR)
    args = parser.parse_args(argv)
    args.directory.mkdir(parents=True, exist_ok=True)
    for name, make in SOUNDS.items():
        write_wav(args.directory / name, make())
        print(f"wrote {args.directory / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
