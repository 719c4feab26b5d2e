"""The station token store: OS keyring when there is one, else an owner-only file."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend

from desktop_oms.sync import credentials
from desktop_oms.sync.credentials import CredentialsError, Storage

URL = "http://oms.example:8000/"


class MemoryKeyring(KeyringBackend):
    """A working keyring backend that keeps passwords in a dict (a stand-in for the OS one)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("no such password")


class LockedKeyring(MemoryKeyring):
    """A keyring that exists but refuses (the user did not unlock it)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("the keyring is locked")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """A working keyring for the duration of a test."""
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


def test_without_a_keyring_the_token_goes_to_an_owner_only_file() -> None:
    """No keyring backend (as on CI): a 0600 file in a 0700 directory, found again by URL
    spelling and station, and deleted by forget."""
    assert not credentials.keyring_usable()
    assert credentials.save_token(URL, 7, "sn_abc.secret") is Storage.FILE
    path = credentials.token_file(URL, 7)
    assert path.is_file()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert "sn_abc.secret" in path.read_text()
    assert credentials.load_token("http://oms.example:8000", 7) == "sn_abc.secret"
    assert credentials.load_token(URL, 8) is None
    assert credentials.load_token("http://other.example:8000", 7) is None
    credentials.save_token(URL, 7, "sn_new.secret")  # replaced atomically
    assert credentials.load_token(URL, 7) == "sn_new.secret"
    assert list(path.parent.iterdir()) == [path]  # no temporary file left behind
    credentials.forget_token(URL, 7)
    assert credentials.load_token(URL, 7) is None and not path.exists()
    credentials.forget_token(URL, 7)  # forgetting twice is fine


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_token_file_others_can_read_is_refused() -> None:
    """Like ssh with a readable private key: refuse, and say how to fix it."""
    credentials.save_token(URL, 7, "sn_abc.secret")
    path = credentials.token_file(URL, 7)
    path.chmod(0o644)
    with pytest.raises(CredentialsError, match="chmod 600"):
        credentials.load_token(URL, 7)


def test_with_a_keyring_the_token_goes_there(memory_keyring: MemoryKeyring) -> None:
    """Service ``desktop-oms``, username ``<server_url>#<station_id>``; no file is written,
    and a file left from a keyring-less time is removed."""
    path = credentials.token_file(URL, 7)
    path.parent.mkdir(parents=True)
    path.write_text("stale")
    assert credentials.keyring_usable()
    assert credentials.save_token(URL, 7, "sn_abc.secret") is Storage.KEYRING
    assert memory_keyring.items == {("desktop-oms", "http://oms.example:8000#7"): "sn_abc.secret"}
    assert not path.exists()
    assert credentials.load_token(URL, 7) == "sn_abc.secret"
    credentials.forget_token(URL, 7)
    assert memory_keyring.items == {}
    assert credentials.load_token(URL, 7) is None


def test_a_keyring_that_refuses_is_an_error_not_a_file() -> None:
    """A locked keyring must not silently downgrade the secret to a file."""
    previous = keyring.get_keyring()
    keyring.set_keyring(LockedKeyring())
    try:
        with pytest.raises(CredentialsError, match="locked"):
            credentials.save_token(URL, 7, "sn_abc.secret")
    finally:
        keyring.set_keyring(previous)
    assert not credentials.token_file(URL, 7).exists()
