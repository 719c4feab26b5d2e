"""Good and bad scan feedback: a sound (QSoundEffect) and a flash the gui shows.

Staff look at the goods, not the screen, while scanning: the sound says whether the scan
was taken. :class:`ScanFeedback` plays ``good.wav`` or ``bad.wav`` (compiled into the
station's resources, ``:/oms/sounds/``; see :mod:`~desktop_oms.scanner.sounds`) at the set
volume unless muted, and emits ``flash`` so the gui can colour the window's edge or the
scan field. The sounds are loaded once, on the default audio output, and loaded again
when the outputs change (a headset plugged in). Without an audio device the effects end
in the Error state and stay silent; :attr:`ScanFeedback.sound_available` says so, and the
flash still works.

On a machine without audio, QtMultimedia logs where it looked (``qt.multimedia.*``
categories, some while this module is imported: set
:data:`~desktop_oms.scanner.sounds.QUIET_MULTIMEDIA_RULES` with
``QLoggingCategory.setFilterRules`` before importing it to silence them) and two warnings
in the default category ("PulseAudioService: pa_context_connect() failed",
"QSoundEffect: playback of this format is not supported on the selected audio device"),
which no logging rule can single out.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect, QtAudio

from desktop_oms.gui.scanwords import result_message
from desktop_oms.scanner.router import RouteResult
from desktop_oms.scanner.settings import ScannerSettings
from desktop_oms.scanner.sounds import QUIET_MULTIMEDIA_RULES

__all__ = ["BAD_SOUND", "GOOD_SOUND", "QUIET_MULTIMEDIA_RULES", "ScanFeedback"]

GOOD_SOUND = "qrc:/oms/sounds/good.wav"
BAD_SOUND = "qrc:/oms/sounds/bad.wav"


class ScanFeedback(QObject):
    """Plays the good or bad sound of a scan and asks the gui for a flash.

    Signal ``flash(bool good, str message)``: show a good (green) or bad (red) flash with
    ``message`` (the decoded meaning, or the reason the scan was bad, in the station's
    language: :func:`desktop_oms.gui.scanwords.result_message`).
    """

    flash = Signal(bool, str)

    def __init__(
        self,
        settings: ScannerSettings | None = None,
        parent: QObject | None = None,
        *,
        good_sound: str = GOOD_SOUND,
        bad_sound: str = BAD_SOUND,
    ) -> None:
        super().__init__(parent)
        self._settings = settings or ScannerSettings()
        self._sources = (QUrl(good_sound), QUrl(bad_sound))
        self._good = self._effect(self._sources[0])
        self._bad = self._effect(self._sources[1])
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._reload)

    @property
    def settings(self) -> ScannerSettings:
        """The settings in use (volume, mute)."""
        return self._settings

    @property
    def effects(self) -> tuple[QSoundEffect, QSoundEffect]:
        """The good and the bad sound effect."""
        return self._good, self._bad

    @property
    def sound_available(self) -> bool:
        """Whether both sounds loaded and can play (False without an audio device)."""
        return all(e.status() == QSoundEffect.Status.Ready for e in self.effects)

    def apply(self, settings: ScannerSettings) -> None:
        """Use a new volume and mute setting."""
        self._settings = settings
        for effect in self.effects:
            self._configure(effect)

    def good(self, message: str = "") -> None:
        """A scan was taken: the good sound and a good flash."""
        self._play(self._good)
        self.flash.emit(True, message)

    def bad(self, message: str) -> None:
        """A scan was bad or refused: the bad sound and a bad flash saying why."""
        self._play(self._bad)
        self.flash.emit(False, message)

    def give(self, result: RouteResult) -> None:
        """The feedback for a routed scan (connect ``ScanDispatcher.routed`` here)."""
        message = result_message(result)  # in the station's language
        if result.good:
            self.good(message)
        else:
            self.bad(message)

    def _play(self, effect: QSoundEffect) -> None:
        if not self._settings.muted and self._settings.volume > 0:
            effect.play()

    def _effect(self, source: QUrl) -> QSoundEffect:
        effect = QSoundEffect(self)
        self._configure(effect)
        effect.setSource(source)
        return effect

    def _configure(self, effect: QSoundEffect) -> None:
        # The setting is a perceptual (logarithmic) slider; QSoundEffect wants linear gain.
        effect.setVolume(
            QtAudio.convertVolume(
                self._settings.volume / 100,
                QtAudio.VolumeScale.LogarithmicVolumeScale,
                QtAudio.VolumeScale.LinearVolumeScale,
            )
        )
        effect.setMuted(self._settings.muted)

    def _reload(self) -> None:
        """The audio outputs changed: load the sounds again on the (new) default output."""
        for effect in self.effects:
            effect.deleteLater()
        self._good = self._effect(self._sources[0])
        self._bad = self._effect(self._sources[1])
