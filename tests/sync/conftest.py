"""Fixtures of the sync tests: an isolated home (config dir, keyring) and a live world."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from tests.sync.live import World, build_world


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Config and data dirs under the test's tmp dir; no keyring (as on a headless box).

    Child processes inherit the same: the environment names the fail backend.
    """
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    previous: KeyringBackend = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    try:
        yield home
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    """A live server with the two-store chain, a catalogue, a far store and orders."""
    built = build_world(tmp_path)
    try:
        yield built
    finally:
        built.close()
