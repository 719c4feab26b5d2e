"""Enrolling this PC as a station, and finding the enrolment again for every later sync.

A manager signs in online (username + PIN) and enrols the PC; the server answers with the
station's id, store, sync ``client_id`` and token (shown once). The identity goes into the
cache's ``sync_state`` (so a cache file knows whose it is), the token into the OS keyring
(see :mod:`credentials`), and a small pointer file under the user config dir names the
cache, so that ``desktop-oms-sync sync`` needs no arguments. The manager's session is
signed out again: the station syncs with its own token only.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Connection

from desktop_oms.cache import integrity, state
from desktop_oms.cache.apply import wipe_confirmed
from desktop_oms.cache.db import CacheDB, default_cache_path, driver_cursor
from desktop_oms.cache.state import Key
from desktop_oms.protocol.auth import SignInRequest
from desktop_oms.sync import credentials
from desktop_oms.sync.client import ServerClient
from desktop_oms.sync.errors import SyncError

POINTER_NAME = "station.json"


class NotEnrolled(SyncError):
    """This PC (or this cache file) has no station enrolment, or its token is gone."""


class AlreadyEnrolled(SyncError):
    """The cache file already belongs to a station; enrolling again needs ``force``."""


@dataclass(frozen=True, slots=True)
class Enrolment:
    """A station's identity: server, station, store, sync client id, cache file."""

    server_url: str
    station_id: int
    store_id: int
    client_id: str
    cache_path: Path
    store_code: str | None = None
    #: The server URL the token is stored under, when the station now reaches its server
    #: at another address (:meth:`moved_to`); empty: ``server_url``.
    token_url: str = ""

    def moved_to(self, server_url: str) -> Enrolment:
        """This enrolment reached at ``server_url`` (the station's settings name a new
        address for the same server); its token is still found under the old one."""
        url = credentials.normalize_url(server_url)
        if url == self.server_url:
            return self
        return replace(self, server_url=url, token_url=self.token_url or self.server_url)

    def token(self) -> str:
        """The station's token from the keyring or its file; NotEnrolled when it is gone."""
        found = credentials.load_token(self.token_url or self.server_url, self.station_id)
        if not found:
            raise NotEnrolled(
                f"no token is stored for station {self.station_id} of {self.server_url}: "
                "enrol this PC again (desktop-oms-sync enrol)"
            )
        return found


def pointer_path() -> Path:
    """The file naming the cache of the station enrolled last on this PC."""
    return credentials.config_dir() / POINTER_NAME


def _identity(cache: CacheDB) -> dict[Key, Any]:
    keys = (Key.SERVER_URL, Key.STATION_ID, Key.STORE_ID, Key.CLIENT_ID)
    with cache.read() as conn:
        return {k: state.get(conn, k) for k in keys}


def read_enrolment(cache_path: Path | None = None) -> Enrolment:
    """The enrolment of ``cache_path`` (default: the station enrolled last); NotEnrolled."""
    if cache_path is None:
        cache_path = pointed_cache()
    if not cache_path.exists():
        raise NotEnrolled(f"there is no station cache at {cache_path}: enrol this PC first")
    cache = CacheDB(cache_path)
    try:
        found = _identity(cache)
    finally:
        cache.close()
    if found[Key.CLIENT_ID] is None or found[Key.STATION_ID] is None or not found[Key.SERVER_URL]:
        raise NotEnrolled(f"the cache {cache_path} belongs to no enrolled station: enrol first")
    return Enrolment(
        server_url=str(found[Key.SERVER_URL]),
        station_id=int(found[Key.STATION_ID]),
        store_id=int(found[Key.STORE_ID]),
        client_id=str(found[Key.CLIENT_ID]),
        cache_path=cache_path,
    )


def pointed_cache() -> Path:
    """The cache file of the station enrolled last on this PC (NotEnrolled if none)."""
    path = pointer_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NotEnrolled(
            "this PC is not enrolled as a station: run desktop-oms-sync enrol"
        ) from None
    except (OSError, ValueError) as exc:
        raise NotEnrolled(f"{path} is unreadable ({exc}): enrol this PC again") from None
    cache = data.get("cache") if isinstance(data, dict) else None
    if not isinstance(cache, str):
        raise NotEnrolled(f"{path} names no cache file: enrol this PC again")
    return Path(cache)


def _write_pointer(enrolment: Enrolment) -> None:
    path = pointer_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    body = {
        "server_url": enrolment.server_url,
        "station_id": enrolment.station_id,
        "cache": str(enrolment.cache_path),
    }
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _refuse_if_enrolled(conn: Connection, path: Path) -> None:
    """AlreadyEnrolled when the cache belongs to a station already."""
    station = state.get(conn, Key.STATION_ID)
    if station is not None or state.get(conn, Key.CLIENT_ID) is not None:
        raise AlreadyEnrolled(
            f"{path} already belongs to station {station} of "
            f"{state.get(conn, Key.SERVER_URL)}: pass --force to enrol it again"
        )


def _must_wipe(conn: Connection, server_url: str, store_id: int | None) -> bool:
    """Whether a re-used cache's confirmed data belongs to another store or server.

    Its commands not yet sent cannot follow it there: AlreadyEnrolled then.
    """
    old_url = state.get(conn, Key.SERVER_URL)
    if old_url is None and state.get(conn, Key.CLIENT_ID) is None:
        return False  # a new cache
    same = (
        credentials.normalize_url(str(old_url or "")) == server_url
        and state.get(conn, Key.STORE_ID) == store_id
    )
    pending = driver_cursor(conn).execute("SELECT count(*) FROM outbox").fetchone()[0]
    if pending and not same:
        raise AlreadyEnrolled(
            f"the cache holds {pending} commands not yet sent for another store or server: "
            "sync them first, or enrol with a new cache file"
        )
    return not same


def _check_cache(path: Path, server_url: str, store_id: int | None, force: bool) -> None:
    """Refuse, before the server enrols anything, a cache that cannot take the station."""
    if not path.exists():
        return
    cache = CacheDB(path)
    try:
        with cache.read() as conn:
            if not force:
                _refuse_if_enrolled(conn, path)
            if store_id is not None:
                _must_wipe(conn, server_url, store_id)
    finally:
        cache.close()


def enrol(
    server_url: str,
    username: str,
    pin: str,
    *,
    name: str,
    cache_path: Path | None = None,
    force: bool = False,
    timeout: float = 15.0,
) -> tuple[Enrolment, credentials.Storage]:
    """Sign a manager in, enrol this PC, store identity and token; the enrolment and where
    the token went. Sync errors propagate (NotAuthorized: wrong PIN; Refused: not a manager)."""
    url = credentials.normalize_url(server_url)
    if cache_path is not None:
        _check_cache(cache_path, url, None, force)  # refuse before anything is sent
    client = ServerClient(url, timeout=timeout)
    try:
        session = client.sign_in(SignInRequest(username=username, pin=pin))
        try:
            if cache_path is not None:
                _check_cache(cache_path, url, session.staff.store_id, force)
            out = client.enrol(session.token, name)
        finally:
            with contextlib.suppress(SyncError):
                client.sign_out(session.token)
    finally:
        client.close()
    path = cache_path or default_cache_path(url, out.station_id)
    cache = CacheDB(path)
    try:
        with cache.write() as conn:
            previous = state.get(conn, Key.STATION_ID), state.get(conn, Key.SERVER_URL)
            if not force:
                _refuse_if_enrolled(conn, path)
            if _must_wipe(conn, url, out.store_id):
                wipe_confirmed(conn)
                state.delete(conn, [Key.STORE_ID, Key.NEARBY_STORE_IDS, Key.LAST_SYNC_AT])
            pending = driver_cursor(conn).execute("SELECT count(*) FROM outbox").fetchone()[0]
            values: dict[Key, Any] = {
                Key.SERVER_URL: url,
                Key.STATION_ID: out.station_id,
                Key.STORE_ID: out.store_id,
                Key.CLIENT_ID: out.client_id,
            }
            if not pending:
                values[Key.LAST_COMMAND_SEQ] = 0  # a new client id numbers from 1
            state.put_many(conn, values)
    finally:
        cache.close()
    storage = credentials.save_token(url, out.station_id, out.station_token)
    old_station, old_url = previous
    if old_station is not None and (old_station, old_url) != (out.station_id, url):
        with contextlib.suppress(credentials.CredentialsError):
            credentials.forget_token(str(old_url), old_station)
    enrolment = Enrolment(
        server_url=url,
        station_id=out.station_id,
        store_id=out.store_id,
        client_id=out.client_id,
        cache_path=path,
        store_code=out.store_code,
    )
    _write_pointer(enrolment)
    # the identity beside the cache from the start: a cache lost before the station's
    # first restart still comes back as this station (cache/integrity.py)
    integrity.remember_identity(path)
    return enrolment, storage
