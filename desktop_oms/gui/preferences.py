"""The station's preferences: server address and CA bundle, printers, theme and language.

They live in a QSettings INI file, ``settings.ini`` in the user's config directory (beside
``scanner.json`` and the token file, :func:`desktop_oms.sync.credentials.config_dir`):
they belong to the PC, not to a station's cache. Tests (and a support technician) can
point them at any file (:func:`open_settings`), never the real user's by accident.

:class:`Preferences` holds typed values with defaults. :func:`load` reads them and falls
back to a default for each value that is missing or wrong (logged: a hand-edited file never
stops the station); :func:`validate` checks what staff typed and names what is wrong, in
words for the settings dialog. Reading and writing are disk work: on the pool, except at
start-up, where the theme and language must be known before the first page is built.
Nothing here touches a widget (only QtCore's QSettings).
"""

from __future__ import annotations

import logging
import ssl
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QSettings

from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.printing import DEFAULT_PRINTER
from desktop_oms.gui.theme import DEFAULT_THEME, THEMES
from desktop_oms.gui.translations import LANGUAGES, SOURCE_LANGUAGE

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.ini"
#: The documents a station prints, each on a printer of its own: key -> name for staff.
#: (English, marked for lupdate: translate with context "Preferences" where shown).
DOCUMENTS: dict[str, str] = {
    "receipt": str(QT_TRANSLATE_NOOP("Preferences", "Receipt")),
    "picklist": str(QT_TRANSLATE_NOOP("Preferences", "Pick list")),
    "label": str(QT_TRANSLATE_NOOP("Preferences", "Label")),
}


class InvalidPreference(ValueError):
    """A value staff gave is not right: ``field`` names it, ``message`` says why."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


@dataclass(frozen=True, slots=True)
class Preferences:
    """The station's preferences (the defaults: the enrolment's server, the system's CAs,
    the default printer for everything, the light theme, English)."""

    #: The server's address; empty: the address the station was enrolled with.
    server_url: str = ""
    #: A PEM file of the CAs that sign the server's certificate; empty: the system's.
    ca_bundle: str = ""
    #: Document key (:data:`DOCUMENTS`) -> printer name, ``DEFAULT_PRINTER`` or
    #: ``SAVE_AS_PDF`` (:mod:`desktop_oms.gui.printing`); unnamed: the default printer.
    printers: dict[str, str] = field(default_factory=dict)
    theme: str = DEFAULT_THEME
    language: str = SOURCE_LANGUAGE

    def printer_for(self, document: str) -> str:
        """The printer chosen for ``document`` (a key of :data:`DOCUMENTS`)."""
        return self.printers.get(document, DEFAULT_PRINTER)

    def with_printer(self, document: str, printer: str) -> Preferences:
        """These preferences with ``printer`` chosen for ``document``."""
        return replace(self, printers={**self.printers, document: printer})


def settings_path() -> Path:
    """Where the preferences are kept: ``settings.ini`` in the user's config directory."""
    from desktop_oms.sync.credentials import config_dir

    return config_dir() / SETTINGS_FILE


def open_settings(path: Path | None = None) -> QSettings:
    """The QSettings INI file at ``path`` (default: :func:`settings_path`)."""
    return QSettings(str(path or settings_path()), QSettings.Format.IniFormat)


# --- checking what staff typed ------------------------------------------------------------


def check_server_url(text: str) -> str:
    """``text`` as a server address (trimmed, no trailing slash; empty stays empty: the
    enrolment's); InvalidPreference says what is wrong with it."""
    url = text.strip().rstrip("/")
    if not url:
        return ""
    if any(c.isspace() for c in url):
        raise InvalidPreference(
            "server_url", QCoreApplication.translate("Preferences", "an address has no spaces")
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InvalidPreference(
            "server_url",
            QCoreApplication.translate(
                "Preferences", "it must start with https:// (or http:// on a test network)"
            ),
        )
    if not parts.hostname:
        raise InvalidPreference(
            "server_url",
            QCoreApplication.translate(
                "Preferences", "it names no server (e.g. https://oms.example.com)"
            ),
        )
    try:
        parts.port  # noqa: B018 - reading it checks it
    except ValueError:
        raise InvalidPreference(
            "server_url",
            QCoreApplication.translate("Preferences", "its port is not a number from 1 to 65535"),
        ) from None
    if parts.query or parts.fragment:
        raise InvalidPreference(
            "server_url",
            QCoreApplication.translate(
                "Preferences", "it must be the server's address only, without ? or #"
            ),
        )
    return url


def check_ca_bundle(text: str) -> str:
    """Disk: ``text`` as a CA bundle file (empty stays empty: the system's CAs), checked
    to be a readable PEM file of certificates; InvalidPreference says what is wrong."""
    name = text.strip()
    if not name:
        return ""
    path = Path(name).expanduser()
    if not path.exists():
        raise InvalidPreference(
            "ca_bundle",
            QCoreApplication.translate("Preferences", "there is no file {path}").format(path=path),
        )
    if not path.is_file():
        raise InvalidPreference(
            "ca_bundle",
            QCoreApplication.translate("Preferences", "{path} is a folder, not a file").format(
                path=path
            ),
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidPreference(
            "ca_bundle",
            QCoreApplication.translate("Preferences", "{path} cannot be read ({error})").format(
                path=path, error=exc.strerror
            ),
        ) from None
    if b"-----BEGIN CERTIFICATE-----" not in data:
        raise InvalidPreference(
            "ca_bundle",
            QCoreApplication.translate(
                "Preferences", "{path} holds no certificate (a PEM file with BEGIN CERTIFICATE)"
            ).format(path=path),
        )
    try:
        ssl.create_default_context(cafile=str(path))
    except ssl.SSLError as exc:
        raise InvalidPreference(
            "ca_bundle",
            QCoreApplication.translate(
                "Preferences", "{path} has a damaged certificate ({error})"
            ).format(path=path, error=exc.reason or exc),
        ) from None
    return str(path)


def validate(prefs: Preferences) -> Preferences:
    """Disk (the CA file): ``prefs`` with every value checked and tidied;
    InvalidPreference names the first wrong one."""
    if prefs.theme not in THEMES:
        raise InvalidPreference(
            "theme",
            QCoreApplication.translate("Preferences", "there is no theme {name}").format(
                name=repr(prefs.theme)
            ),
        )
    if prefs.language not in LANGUAGES:
        raise InvalidPreference(
            "language",
            QCoreApplication.translate("Preferences", "there is no language {name}").format(
                name=repr(prefs.language)
            ),
        )
    for document in prefs.printers:
        if document not in DOCUMENTS:
            raise InvalidPreference(
                "printers",
                QCoreApplication.translate("Preferences", "there is no document {name}").format(
                    name=repr(document)
                ),
            )
    return replace(
        prefs,
        server_url=check_server_url(prefs.server_url),
        ca_bundle=check_ca_bundle(prefs.ca_bundle),
    )


# --- reading and writing ------------------------------------------------------------------


def _text(settings: QSettings, key: str, default: str) -> str:
    value = settings.value(key, default)
    if isinstance(value, str):
        return value
    log.warning("setting %s=%r ignored: not text", key, value)
    return default


def _checked(value: str, default: str, allowed: object, key: str) -> str:
    if value in allowed:  # type: ignore[operator]
        return value
    log.warning("setting %s=%r ignored: not one of the choices", key, value)
    return default


def read(settings: QSettings) -> Preferences:
    """The preferences ``settings`` holds; a missing or wrong value is its default."""
    url = _text(settings, "connection/server_url", "")
    try:
        url = check_server_url(url)
    except InvalidPreference as exc:
        log.warning("setting connection/server_url ignored: %s", exc.message)
        url = ""
    printers = {
        key: _text(settings, f"printers/{key}", DEFAULT_PRINTER)
        for key in DOCUMENTS
        if settings.contains(f"printers/{key}")
    }
    theme = _text(settings, "appearance/theme", DEFAULT_THEME)
    language = _text(settings, "appearance/language", SOURCE_LANGUAGE)
    return Preferences(
        server_url=url,
        ca_bundle=_text(settings, "connection/ca_bundle", "").strip(),
        printers=printers,
        theme=_checked(theme, DEFAULT_THEME, THEMES, "appearance/theme"),
        language=_checked(language, SOURCE_LANGUAGE, LANGUAGES, "appearance/language"),
    )


def write(settings: QSettings, prefs: Preferences) -> None:
    """Disk: store ``prefs`` in ``settings`` and flush it (OSError when it cannot)."""
    settings.setValue("connection/server_url", prefs.server_url)
    settings.setValue("connection/ca_bundle", prefs.ca_bundle)
    for key in DOCUMENTS:
        settings.setValue(f"printers/{key}", prefs.printer_for(key))
    settings.setValue("appearance/theme", prefs.theme)
    settings.setValue("appearance/language", prefs.language)
    settings.sync()
    if settings.status() != QSettings.Status.NoError:
        raise OSError(f"the settings could not be written to {settings.fileName()}")


def load(path: Path | None = None) -> Preferences:
    """Disk: the preferences stored at ``path`` (default: the user's), or the defaults."""
    return read(open_settings(path))


def save(prefs: Preferences, path: Path | None = None) -> Preferences:
    """Disk: store ``prefs`` at ``path`` (default: the user's); returns them."""
    write(open_settings(path), prefs)
    return prefs
