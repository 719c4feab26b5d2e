"""Where the station keeps its server token: the OS keyring, else an owner-only file.

The keyring entry is service ``desktop-oms``, username ``<server_url>#<station_id>``. A
box without a usable keyring backend (a headless CI machine: keyring's ``fail`` or
``null`` backend, ``NoKeyringError``) gets a file under platformdirs' user config dir,
created with mode 0600 in a 0700 directory and refused when others can read it (as ssh
refuses a readable private key). A keyring that exists but refuses (locked, access
denied) is an error, never a silent downgrade to a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from enum import StrEnum
from pathlib import Path

import keyring
import keyring.errors

SERVICE = "desktop-oms"
APP_NAME = "desktop-oms"


class CredentialsError(Exception):
    """The token store refused or holds something unsafe; ``str()`` is fit to show."""


class Storage(StrEnum):
    """Where a token was stored."""

    KEYRING = "keyring"
    FILE = "file"


def normalize_url(server_url: str) -> str:
    """The server URL as it names credentials: trimmed, without a trailing slash."""
    return server_url.strip().rstrip("/")


def account_name(server_url: str, station_id: int | str) -> str:
    """The keyring username of one station of one server: ``<server_url>#<station_id>``."""
    return f"{normalize_url(server_url)}#{station_id}"


def config_dir() -> Path:
    """The user's config directory for desktop-oms (platformdirs)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


def token_file(server_url: str, station_id: int | str) -> Path:
    """The fallback file of one station's token (named by a hash of the account)."""
    digest = hashlib.sha256(account_name(server_url, station_id).encode()).hexdigest()[:24]
    return config_dir() / "tokens" / f"{digest}.json"


def keyring_usable() -> bool:
    """Whether a real keyring backend is configured (not the fail/null/empty-chain one)."""
    try:
        backend = keyring.get_keyring()
        return float(backend.priority) > 0
    except (keyring.errors.InitError, keyring.errors.NoKeyringError):
        return False


_NO_KEYRING = (keyring.errors.NoKeyringError, keyring.errors.InitError)


def save_token(server_url: str, station_id: int | str, token: str) -> Storage:
    """Store a station token; where it went (keyring, or the owner-only file without one)."""
    account = account_name(server_url, station_id)
    if keyring_usable():
        try:
            keyring.set_password(SERVICE, account, token)
        except _NO_KEYRING:
            pass
        except keyring.errors.KeyringError as exc:
            raise CredentialsError(f"the keyring refused to store the token: {exc}") from exc
        else:
            _remove_file(token_file(server_url, station_id))  # an older copy must not linger
            return Storage.KEYRING
    _write_file(token_file(server_url, station_id), account, token)
    return Storage.FILE


def load_token(server_url: str, station_id: int | str) -> str | None:
    """The stored token of a station, or None when there is none."""
    account = account_name(server_url, station_id)
    if keyring_usable():
        try:
            found = keyring.get_password(SERVICE, account)
        except _NO_KEYRING:
            found = None
        except keyring.errors.KeyringError as exc:
            raise CredentialsError(f"the keyring refused to give the token: {exc}") from exc
        if found is not None:
            return found
    return _read_file(token_file(server_url, station_id), account)


def forget_token(server_url: str, station_id: int | str) -> None:
    """Delete a station's token from the keyring and the fallback file (missing is fine)."""
    if keyring_usable():
        with contextlib.suppress(keyring.errors.PasswordDeleteError, *_NO_KEYRING):
            keyring.delete_password(SERVICE, account_name(server_url, station_id))
    _remove_file(token_file(server_url, station_id))


# --- the fallback file -----------------------------------------------------------------


def _private_dir(path: Path) -> None:
    """Create ``path`` (and parents) for the owner only; tighten it if it exists."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        path.chmod(0o700)


def _write_file(path: Path, account: str, token: str) -> None:
    """Write the token atomically into a file only its owner can read (0600)."""
    _private_dir(path.parent)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"account": account, "token": token}, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def _read_file(path: Path, account: str) -> str | None:
    """The token in ``path``, or None; CredentialsError when the file is unsafe or garbled."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    if os.name == "posix":
        if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise CredentialsError(
                f"{path} can be read by other users (mode {stat.filemode(info.st_mode)}): "
                "run 'chmod 600' on it, or enrol the station again"
            )
        if info.st_uid != os.getuid():
            raise CredentialsError(f"{path} belongs to another user")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CredentialsError(f"{path} is not a readable token file: {exc}") from exc
    if not isinstance(data, dict) or data.get("account") != account:
        raise CredentialsError(f"{path} holds the token of another station")
    token = data.get("token")
    if not isinstance(token, str) or not token:
        raise CredentialsError(f"{path} holds no token")
    return token


def _remove_file(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
