"""Authentication and authorisation: hashes, tokens, staff sign-in, and the FastAPI guards.

Everything secret is stored as an Argon2id hash only (DESIGN §7): PINs and passwords with
memory-hard parameters, bearer tokens with light ones (see :data:`TOKEN_HASHER`). A token
is ``<prefix>_<lookup>.<secret>``: the public ``lookup`` finds the row through a unique
index, the ``secret`` is checked against the row's hash. Sessions, stations, channels and
sign-in attempts live in the database, so any worker can answer any request.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
import secrets
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any, Final

import sqlalchemy as sa
from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Connection

from desktop_oms.domain.entities import Channel
from desktop_oms.domain.roles import Role
from desktop_oms.protocol.auth import EnrolOut, StaffOut, TokenOut
from desktop_oms.protocol.errors import ErrorCode
from desktop_oms.protocol.sync import Kind
from desktop_oms.server import feed
from desktop_oms.server import schema as t
from desktop_oms.server.config import ServerConfig
from desktop_oms.server.errors import ApiError
from desktop_oms.server.principals import ChannelPrincipal, StaffPrincipal, StationPrincipal
from desktop_oms.server.services import Services, get_services

# --------------------------------------------------------------------------- hashing

#: PINs, passwords and the stations' offline verifiers: Argon2id with OWASP's baseline
#: (19 MiB, 2 passes, 1 lane) — about 30 ms per hash, cheap enough for a counter PC to
#: verify offline and for sign-in bursts at shift change, costly for a guessing rig.
PIN_HASHER: Final = PasswordHasher(
    time_cost=2, memory_cost=19_456, parallelism=1, hash_len=32, salt_len=16, type=Type.ID
)

#: Bearer tokens: Argon2id with the lightest parameters (1 MiB, 1 pass, well under 1 ms).
#: A token's secret is 256 random bits, so guessing it is hopeless however fast the hash;
#: stretching only protects low-entropy secrets. The hash is there so that a copy of the
#: database holds no usable token, and Argon2id so that every stored secret has one format.
TOKEN_HASHER: Final = PasswordHasher(
    time_cost=1, memory_cost=1_024, parallelism=1, hash_len=32, salt_len=16, type=Type.ID
)

PIN_MIN_LENGTH: Final = 4
PIN_MAX_LENGTH: Final = 64


def _check_pin(pin: str) -> None:
    if not PIN_MIN_LENGTH <= len(pin) <= PIN_MAX_LENGTH:
        raise ValueError(f"a PIN has {PIN_MIN_LENGTH} to {PIN_MAX_LENGTH} characters")


def hash_pin(pin: str) -> str:
    """The server's Argon2id hash of a PIN or password (never leaves the server)."""
    _check_pin(pin)
    return PIN_HASHER.hash(pin)


def make_verifier(pin: str) -> str:
    """The offline verifier stations receive: a second Argon2id hash with its own salt."""
    _check_pin(pin)
    return PIN_HASHER.hash(pin)


def _verify(hasher: PasswordHasher, stored: str, secret: str) -> bool:
    try:
        return hasher.verify(stored, secret)
    except (VerificationError, InvalidHashError):
        return False


def verify_pin(stored: str, pin: str) -> bool:
    """Whether ``pin`` matches an Argon2id hash or verifier (constant-time inside argon2)."""
    return _verify(PIN_HASHER, stored, pin)


@functools.cache
def _dummy_pin_hash() -> str:
    return PIN_HASHER.hash(secrets.token_urlsafe(16))


# --------------------------------------------------------------------------- tokens


class TokenKind(StrEnum):
    """A token's prefix: whose token it is."""

    STAFF = "st"
    STATION = "sn"
    CHANNEL = "ch"


_LOOKUP_BYTES = 12  # 24 hex characters, unique index on it
_SECRET_BYTES = 32  # 256 bits
_TOKEN = re.compile(r"^(st|sn|ch)_([0-9a-f]{24})\.([A-Za-z0-9_-]{43})$")


@dataclass(frozen=True, slots=True)
class NewToken:
    """A fresh token: the text handed out once, and what the server stores of it."""

    token: str
    lookup: str
    hash: str


def new_token(kind: TokenKind) -> NewToken:
    """A new random token of ``kind`` with its lookup part and the hash of its secret."""
    lookup = secrets.token_hex(_LOOKUP_BYTES)
    secret = secrets.token_urlsafe(_SECRET_BYTES)
    return NewToken(f"{kind.value}_{lookup}.{secret}", lookup, TOKEN_HASHER.hash(secret))


def parse_token(token: str, kind: TokenKind) -> tuple[str, str] | None:
    """The ``(lookup, secret)`` of a well-formed token of ``kind``, else None."""
    m = _TOKEN.match(token)
    if m is None or m.group(1) != kind.value:
        return None
    return m.group(2), m.group(3)


class VerifiedTokens:
    """A per-process LRU of tokens whose secret this process already verified.

    Maps sha256(token) to the row id and stored hash it was verified against, so a hit
    skips Argon2 but the caller still reads the row (revocation, expiry) on every request.
    Nothing in it is needed by another worker: a miss only costs one light verify.
    """

    def __init__(self, size: int = 4096) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._entries: OrderedDict[bytes, tuple[int, str]] = OrderedDict()

    @staticmethod
    def _key(token: str) -> bytes:
        return hashlib.sha256(token.encode()).digest()

    def check(self, token: str, row_id: int, stored_hash: str, secret: str) -> bool:
        """Whether ``token`` matches the row: from the cache, else by an Argon2 verify."""
        key = self._key(token)
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None:
                self._entries.move_to_end(key)
        if hit == (row_id, stored_hash):
            return True
        if not _verify(TOKEN_HASHER, stored_hash, secret):
            return False
        with self._lock:
            self._entries[key] = (row_id, stored_hash)
            self._entries.move_to_end(key)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return True

    def clear(self) -> None:
        """Forget everything (tests)."""
        with self._lock:
            self._entries.clear()


VERIFIED = VerifiedTokens()


# --------------------------------------------------------------------------- errors


def _unauthenticated(message: str) -> ApiError:
    return ApiError(401, ErrorCode.UNAUTHENTICATED, message, headers={"WWW-Authenticate": "Bearer"})


def _expired() -> ApiError:
    return ApiError(
        401,
        ErrorCode.TOKEN_EXPIRED,
        "your session has expired: sign in again",
        headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
    )


_BAD_SIGN_IN = "wrong username, badge or PIN"


def check_store_scope(
    principal: StaffPrincipal | StationPrincipal | ChannelPrincipal, store_id: int | None
) -> None:
    """Refuse (403 ``out_of_scope``) a store-scoped caller touching another store's data."""
    if isinstance(principal, StaffPrincipal):
        allowed = principal.may_see_store(store_id)
    elif isinstance(principal, StationPrincipal):
        allowed = store_id == principal.store_id
    else:
        allowed = True  # sales channels are not store-scoped
    if not allowed:
        raise ApiError(
            403,
            ErrorCode.OUT_OF_SCOPE,
            f"store {store_id} is outside your scope",
            {"store_id": store_id},
        )


# --------------------------------------------------------------------------- audit


def _audit(
    conn: Connection,
    entity: str,
    key: str | int,
    action: str,
    *,
    staff_id: int | None = None,
    station_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    conn.execute(
        sa.insert(t.audit).values(
            at=datetime.now(UTC),
            entity=entity,
            entity_key=str(key),
            action=action,
            staff_id=staff_id,
            approved_by=None,
            station_id=station_id,
            reason=None,
            details=details or {},
        )
    )


# --------------------------------------------------------------------------- staff


def create_staff(
    conn: Connection,
    *,
    store_id: int | None,
    username: str,
    display_name: str,
    role: Role,
    pin: str,
    badge_id: str | None = None,
) -> int:
    """Create a staff member with hashed PIN and offline verifier; publish to the feed.

    Store roles belong to one store; chain-wide roles (customer service, admin) to none,
    so their verifiers never travel to a station.
    """
    if role.chain_wide and store_id is not None:
        raise ValueError(f"a {role.value} is chain-wide and belongs to no store")
    if not role.chain_wide and store_id is None:
        raise ValueError(f"a {role.value} belongs to a store")
    staff_id = conn.execute(
        sa.insert(t.staff)
        .values(
            store_id=store_id,
            username=username,
            display_name=display_name,
            role=role.value,
            badge_id=badge_id,
            pin_hash=hash_pin(pin),
            verifier=make_verifier(pin),
            active=True,
        )
        .returning(t.staff.c.id)
    ).scalar_one()
    _audit(conn, "staff", staff_id, "created", details={"role": role.value, "store_id": store_id})
    feed.touch(conn, Kind.STAFF, staff_id)
    return int(staff_id)


def set_pin(conn: Connection, staff_id: int, pin: str) -> None:
    """Give a staff member a new PIN: new hash and verifier (stations get it by the feed)."""
    updated = conn.execute(
        sa.update(t.staff)
        .where(t.staff.c.id == staff_id)
        .values(pin_hash=hash_pin(pin), verifier=make_verifier(pin), version=t.staff.c.version + 1)
    ).rowcount
    if not updated:
        raise LookupError(f"no staff member {staff_id}")
    _audit(conn, "staff", staff_id, "pin_changed")
    feed.touch(conn, Kind.STAFF, staff_id)


def staff_out(conn: Connection, staff_id: int) -> StaffOut:
    """The public description of a staff member (who is signed in)."""
    s, st = t.staff.c, t.stores.c
    row = conn.execute(
        sa.select(s.id, s.username, s.display_name, s.role, s.store_id, st.code)
        .select_from(t.staff.outerjoin(t.stores, st.id == s.store_id))
        .where(s.id == staff_id)
    ).one()
    return StaffOut(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=Role(row.role),
        store_id=row.store_id,
        store_code=row.code,
    )


# --------------------------------------------------------------------------- channels


def create_channel(conn: Connection, *, name: str, channel: Channel) -> tuple[int, str]:
    """Register a sales channel; returns its id and API key (shown once, stored hashed)."""
    tok = new_token(TokenKind.CHANNEL)
    channel_id = conn.execute(
        sa.insert(t.channels)
        .values(name=name, channel=channel.value, key_lookup=tok.lookup, key_hash=tok.hash)
        .returning(t.channels.c.id)
    ).scalar_one()
    _audit(conn, "channel", channel_id, "created", details={"name": name})
    return int(channel_id), tok.token


# --------------------------------------------------------------------------- stations


def _store_code(conn: Connection, store_id: int) -> str:
    code = conn.execute(sa.select(t.stores.c.code).where(t.stores.c.id == store_id)).scalar()
    if code is None:
        raise ApiError(
            422, ErrorCode.UNKNOWN_STORE, f"there is no store {store_id}", {"store_id": store_id}
        )
    return str(code)


def enrol_station(conn: Connection, *, store_id: int, name: str, enrolled_by: int) -> EnrolOut:
    """Enrol a PC as a station of ``store_id``; its token is in the answer only."""
    code = _store_code(conn, store_id)
    tok = new_token(TokenKind.STATION)
    client_id = uuid.uuid4().hex
    station_id = conn.execute(
        sa.insert(t.stations)
        .values(
            store_id=store_id,
            name=name,
            client_id=client_id,
            token_lookup=tok.lookup,
            token_hash=tok.hash,
            enrolled_by=enrolled_by,
            enrolled_at=datetime.now(UTC),
        )
        .returning(t.stations.c.id)
    ).scalar_one()
    _audit(
        conn,
        "station",
        station_id,
        "enrolled",
        staff_id=enrolled_by,
        station_id=station_id,
        details={"store_id": store_id, "name": name},
    )
    return EnrolOut(
        station_id=station_id,
        store_id=store_id,
        store_code=code,
        client_id=client_id,
        station_token=tok.token,
    )


def revoke_station(conn: Connection, station_id: int, *, revoked_by: int | None = None) -> bool:
    """Revoke a station and every session signed in at it; False if it already was."""
    now = datetime.now(UTC)
    st = t.stations.c
    done = conn.execute(
        sa.update(t.stations)
        .where(st.id == station_id, st.revoked_at.is_(None))
        .values(revoked_at=now)
    ).rowcount
    if not done:
        return False
    conn.execute(
        sa.update(t.sessions)
        .where(t.sessions.c.station_id == station_id, t.sessions.c.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    _audit(conn, "station", station_id, "revoked", staff_id=revoked_by, station_id=station_id)
    return True


def station_store(conn: Connection, station_id: int) -> int | None:
    """The store a station belongs to, or None if there is no such station."""
    sid = conn.execute(
        sa.select(t.stations.c.store_id).where(t.stations.c.id == station_id)
    ).scalar()
    return None if sid is None else int(sid)


# --------------------------------------------------------------------------- sign-in


def _subject(username: str | None, badge_id: str | None) -> str:
    if username is not None:
        return f"user:{username.lower()}"
    assert badge_id is not None
    return f"badge:{badge_id.upper()}"


def _serialize_subject(conn: Connection, subject: str) -> None:
    """Serialize sign-ins of one subject, so concurrent guesses cannot pass the throttle."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(sa.func.hashtextextended(subject, 0))))
    # SQLite: Database.write() already holds the database's write lock (BEGIN IMMEDIATE).


def _check_throttle(conn: Connection, config: ServerConfig, subject: str, now: datetime) -> None:
    """429 if the subject failed ``signin_max_failures`` times in the window (since a success)."""
    a = t.signin_attempts.c
    since = now - config.signin_window
    last_ok = conn.execute(
        sa.select(sa.func.max(a.at)).where(a.subject == subject, a.success, a.at > since)
    ).scalar()
    floor = max(since, last_ok) if last_ok is not None else since
    failures = list(
        conn.execute(
            sa.select(a.at)
            .where(a.subject == subject, sa.not_(a.success), a.at > floor)
            .order_by(a.at.desc())
            .limit(config.signin_max_failures)
        ).scalars()
    )
    if len(failures) < config.signin_max_failures:
        return
    retry_at: datetime = failures[-1] + config.signin_window
    wait = max(1, math.ceil((retry_at - now).total_seconds()))
    raise ApiError(
        429,
        ErrorCode.THROTTLED,
        f"too many failed sign-ins: try again in {wait} s",
        {"retry_after": wait},
        headers={"Retry-After": str(wait)},
    )


def _record_attempt(conn: Connection, subject: str, now: datetime, success: bool) -> None:
    conn.execute(sa.insert(t.signin_attempts).values(subject=subject, at=now, success=success))


def sign_in(
    conn: Connection,
    config: ServerConfig,
    *,
    username: str | None = None,
    badge_id: str | None = None,
    pin: str,
    station_id: int | None = None,
    now: datetime | None = None,
) -> TokenOut:
    """Check username or badge plus PIN and open a session; throttled per subject.

    A failed attempt is written to ``conn`` before the ``ApiError`` is raised: commit the
    transaction anyway (the route catches the error inside it), or the throttle never
    counts it. Failures never tell whether the user exists; the same message and about
    the same time answer an unknown user, a wrong PIN and an inactive account. With
    ``station_id`` the session is tied to that station, whose store the staff member must
    belong to unless chain-wide.
    """
    if (username is None) == (badge_id is None):
        raise ValueError("give exactly one of username or badge_id")
    now = now or datetime.now(UTC)
    subject = _subject(username, badge_id)
    _serialize_subject(conn, subject)
    _check_throttle(conn, config, subject, now)

    station_store_id: int | None = None
    if station_id is not None:
        st = t.stations.c
        station = conn.execute(
            sa.select(st.store_id, st.revoked_at).where(st.id == station_id)
        ).first()
        if station is None or station.revoked_at is not None:
            raise _unauthenticated("this station is not enrolled (or its enrolment was revoked)")
        station_store_id = int(station.store_id)

    s = t.staff.c
    who = s.username == username if username is not None else s.badge_id == badge_id
    row = conn.execute(sa.select(s.id, s.store_id, s.role, s.pin_hash, s.active).where(who)).first()
    ok = verify_pin(row.pin_hash if row is not None else _dummy_pin_hash(), pin)
    if row is None or not ok or not row.active:
        _record_attempt(conn, subject, now, success=False)
        raise _unauthenticated(_BAD_SIGN_IN)
    _record_attempt(conn, subject, now, success=True)

    role = Role(row.role)
    if station_store_id is not None and not role.chain_wide and row.store_id != station_store_id:
        raise ApiError(
            403,
            ErrorCode.OUT_OF_SCOPE,
            "you do not work at this station's store",
            {"store_id": station_store_id},
        )
    if PIN_HASHER.check_needs_rehash(row.pin_hash):
        conn.execute(sa.update(t.staff).where(s.id == row.id).values(pin_hash=hash_pin(pin)))

    tok = new_token(TokenKind.STAFF)
    expires_at = now + config.staff_token_ttl
    conn.execute(
        sa.insert(t.sessions).values(
            staff_id=row.id,
            station_id=station_id,
            token_lookup=tok.lookup,
            token_hash=tok.hash,
            created_at=now,
            expires_at=expires_at,
        )
    )
    return TokenOut(token=tok.token, expires_at=expires_at, staff=staff_out(conn, row.id))


def revoke_session(conn: Connection, session_id: int) -> bool:
    """End a staff session (sign-out); False if it was already ended."""
    c = t.sessions.c
    done = conn.execute(
        sa.update(t.sessions)
        .where(c.id == session_id, c.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    ).rowcount
    return bool(done)


def purge_auth_records(
    conn: Connection,
    config: ServerConfig,
    *,
    keep: timedelta = timedelta(days=7),
    now: datetime | None = None,
) -> int:
    """Delete sign-in attempts past the throttle window and sessions ended ``keep`` ago."""
    now = now or datetime.now(UTC)
    a, c = t.signin_attempts.c, t.sessions.c
    n = conn.execute(sa.delete(t.signin_attempts).where(a.at < now - config.signin_window)).rowcount
    n += conn.execute(
        sa.delete(t.sessions).where(sa.or_(c.expires_at < now - keep, c.revoked_at < now - keep))
    ).rowcount
    return int(n)


# --------------------------------------------------------------------------- resolving tokens


def resolve_staff_token(
    conn: Connection, token: str, now: datetime | None = None
) -> StaffPrincipal:
    """The staff session of a bearer token; 401 if unknown, revoked or expired."""
    parsed = parse_token(token, TokenKind.STAFF)
    if parsed is None:
        raise _unauthenticated("not a staff session token")
    lookup, secret = parsed
    se, s, st = t.sessions.c, t.staff.c, t.stations.c
    row = conn.execute(
        sa.select(
            se.id,
            se.token_hash,
            se.expires_at,
            se.revoked_at,
            se.station_id,
            s.id.label("staff_id"),
            s.store_id,
            s.role,
            s.active,
            st.store_id.label("station_store_id"),
            st.revoked_at.label("station_revoked_at"),
        )
        .select_from(
            t.sessions.join(t.staff, s.id == se.staff_id).outerjoin(
                t.stations, st.id == se.station_id
            )
        )
        .where(se.token_lookup == lookup)
    ).first()
    if row is None or not VERIFIED.check(token, row.id, row.token_hash, secret):
        raise _unauthenticated("unknown session token")
    if row.revoked_at is not None or row.station_revoked_at is not None:
        raise _unauthenticated("this session has ended: sign in again")
    if row.expires_at <= (now or datetime.now(UTC)):
        raise _expired()
    role = Role(row.role)
    moved = (
        row.station_id is not None and not role.chain_wide and row.station_store_id != row.store_id
    )
    if not row.active or moved:
        raise _unauthenticated("this session is no longer valid: sign in again")
    return StaffPrincipal(
        staff_id=row.staff_id,
        store_id=row.store_id,
        role=role,
        session_id=row.id,
        station_id=row.station_id,
    )


def resolve_station_token(conn: Connection, token: str) -> StationPrincipal:
    """The enrolled station of a bearer token; 401 if unknown or revoked."""
    parsed = parse_token(token, TokenKind.STATION)
    if parsed is None:
        raise _unauthenticated("not a station token")
    lookup, secret = parsed
    st = t.stations.c
    row = conn.execute(
        sa.select(st.id, st.store_id, st.client_id, st.token_hash, st.revoked_at).where(
            st.token_lookup == lookup
        )
    ).first()
    if row is None or not VERIFIED.check(token, row.id, row.token_hash, secret):
        raise _unauthenticated("unknown station token")
    if row.revoked_at is not None:
        raise _unauthenticated("this station's enrolment was revoked: enrol it again")
    return StationPrincipal(station_id=row.id, store_id=row.store_id, client_id=row.client_id)


def resolve_channel_key(conn: Connection, token: str) -> ChannelPrincipal:
    """The sales channel of an API key; 401 if unknown."""
    parsed = parse_token(token, TokenKind.CHANNEL)
    if parsed is None:
        raise _unauthenticated("not a sales channel key")
    lookup, secret = parsed
    c = t.channels.c
    row = conn.execute(
        sa.select(c.id, c.name, c.channel, c.key_hash).where(c.key_lookup == lookup)
    ).first()
    if row is None or not VERIFIED.check(token, row.id, row.key_hash, secret):
        raise _unauthenticated("unknown sales channel key")
    return ChannelPrincipal(channel_id=row.id, name=row.name, channel=Channel(row.channel))


# --------------------------------------------------------------------------- FastAPI guards

staff_bearer = HTTPBearer(
    scheme_name="StaffToken",
    description="`st_…` session token from `POST /auth/sign-in`.",
    auto_error=False,
)
station_bearer = HTTPBearer(
    scheme_name="StationToken",
    description="`sn_…` station token from `POST /stations/enrol`.",
    auto_error=False,
)
channel_bearer = HTTPBearer(
    scheme_name="ChannelKey",
    description="`ch_…` sales channel API key, created by an admin.",
    auto_error=False,
)

ServicesDep = Annotated[Services, Depends(get_services)]
Credentials = HTTPAuthorizationCredentials | None


def _bearer(credentials: Credentials) -> str:
    if credentials is None or not credentials.credentials:
        raise _unauthenticated("sign in first: no bearer token")
    return credentials.credentials


def require_staff(*roles: Role) -> Callable[[Services, Credentials], StaffPrincipal]:
    """A dependency yielding the signed-in staff member; 403 unless one of ``roles``.

    With no roles any signed-in staff member passes. The session row is read on every
    request, so sign-out, revocation, expiry and role changes take effect at once.
    """
    allowed = frozenset(roles)

    def staff_dependency(
        services: ServicesDep,
        credentials: Annotated[Credentials, Depends(staff_bearer)],
    ) -> StaffPrincipal:
        token = _bearer(credentials)
        with services.db.read() as conn:
            principal = resolve_staff_token(conn, token)
        if allowed and principal.role not in allowed:
            names = ", ".join(sorted(r.value for r in allowed))
            raise ApiError(
                403,
                ErrorCode.FORBIDDEN,
                f"this needs one of the roles {names}; you are {principal.role.value}",
                {"roles": sorted(r.value for r in allowed), "role": principal.role.value},
            )
        return principal

    return staff_dependency


def require_station(
    services: ServicesDep,
    credentials: Annotated[Credentials, Depends(station_bearer)],
) -> StationPrincipal:
    """A dependency yielding the enrolled station making the request (401 if revoked)."""
    token = _bearer(credentials)
    with services.db.read() as conn:
        return resolve_station_token(conn, token)


def require_channel(
    services: ServicesDep,
    credentials: Annotated[Credentials, Depends(channel_bearer)],
) -> ChannelPrincipal:
    """A dependency yielding the sales channel making the request."""
    token = _bearer(credentials)
    with services.db.read() as conn:
        return resolve_channel_key(conn, token)
