"""Who works at the station: staff sessions, offline PIN checks, sign-in throttling.

No widgets: QtCore only, for the messages' words (context "SignIn"), as the checks run on
the database worker.

Staff sign in with username + PIN, or by scanning their badge (``OMS:S:<badge id>``,
DESIGN §7: "badge scan or username plus PIN"). Both are checked *offline* against the
staff rows synced to the station: a PIN against the row's Argon2id ``verifier``, a
badge by its id. The station then signs in online when it can (see ``station.py``); the
server re-checks every command anyway.

Failed attempts are throttled per login like the server does: after
:data:`MAX_FAILURES` failures within :data:`WINDOW` the login is locked for the rest of
the window, so the offline verifier cannot be brute-forced through the sign-in screen.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from PySide6.QtCore import QCoreApplication
from sqlalchemy.engine import Connection

from desktop_oms.cache import queries
from desktop_oms.domain.roles import Role

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
#: How a staff member proved who they are.
Method = Literal["pin", "badge"]

_HASHER = PasswordHasher()


@dataclass(frozen=True, slots=True)
class StaffSession:
    """A signed-in staff member; ``token`` once the server also signed them in."""

    staff_id: int
    username: str
    display_name: str
    role: Role
    store_id: int | None
    method: Method
    started_at: datetime
    token: str | None = None

    @property
    def short_name(self) -> str:
        """First name and the initial of the last name, for the top bar."""
        parts = self.display_name.split()
        if len(parts) < 2:
            return self.display_name
        return f"{parts[0]} {parts[-1][0]}."


class SignInRefused(Exception):
    """Sign-in failed; ``message`` is fit to show, ``reason`` is machine-readable."""

    def __init__(
        self,
        reason: Literal["empty", "unknown", "wrong_pin", "inactive", "other_store", "throttled"],
        message: str,
        retry_after: float | None = None,
        minutes: int | None = None,
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.retry_after = retry_after
        #: For ``throttled``: the whole minutes left of the lock.
        self.minutes = minutes


def verify_pin(verifier: str, pin: str) -> bool:
    """Whether ``pin`` matches an Argon2id verifier (the hash's own parameters apply)."""
    try:
        return _HASHER.verify(verifier, pin)
    except (VerificationError, InvalidHashError):
        return False


def is_badge_scan(text: str) -> bool:
    """Whether ``text`` is a scanned badge code (``OMS:S:...``), which needs no PIN."""
    return text.strip()[:6].upper() == "OMS:S:"


@dataclass
class SignInThrottle:
    """Failures per login within a sliding window; thread-safe."""

    max_failures: int = MAX_FAILURES
    window: timedelta = WINDOW
    _failures: dict[str, list[datetime]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @staticmethod
    def _key(login: str) -> str:
        return login.strip().casefold()

    def check(self, login: str, now: datetime) -> None:
        """SignInRefused("throttled") while ``login`` is locked."""
        with self._lock:
            recent = [t for t in self._failures.get(self._key(login), []) if now - t < self.window]
            self._failures[self._key(login)] = recent
            if len(recent) >= self.max_failures:
                wait = (recent[0] + self.window - now).total_seconds()
                minutes = max(1, round(wait / 60))
                raise SignInRefused(
                    "throttled",
                    QCoreApplication.translate(
                        "SignIn",
                        "Too many wrong attempts. Try again in {minutes} min, or ask a manager.",
                    ).format(minutes=minutes),
                    retry_after=wait,
                    minutes=minutes,
                )

    def failed(self, login: str, now: datetime) -> None:
        """Count a failed attempt."""
        with self._lock:
            self._failures.setdefault(self._key(login), []).append(now)

    def succeeded(self, login: str) -> None:
        """Forget the failures of ``login``."""
        with self._lock:
            self._failures.pop(self._key(login), None)


def sign_in_offline(
    conn: Connection,
    login: str,
    pin: str | None,
    *,
    store_id: int,
    now: datetime,
    throttle: SignInThrottle,
) -> StaffSession:
    """Check a username + PIN, or a scanned badge, against the synced staff rows.

    Runs on the database worker (a PIN check takes ~30 ms of Argon2). Raises
    :class:`SignInRefused` with a message for the sign-in screen.
    """
    text = login.strip()
    badge = is_badge_scan(text)
    if not text or (not badge and not pin):
        raise SignInRefused(
            "empty",
            QCoreApplication.translate(
                "SignIn", "Enter your username and PIN, or scan your badge."
            ),
        )
    throttle.check(text, now)
    row = queries.staff_by_login(conn, text)
    ok = row is not None and (verify_pin(row.verifier, pin) if pin else badge)
    if row is None or not ok:
        throttle.failed(text, now)
        if badge and row is None:
            raise SignInRefused(
                "unknown",
                QCoreApplication.translate("SignIn", "This badge is not known at this store."),
            )
        wrong = QCoreApplication.translate("SignIn", "Username or PIN is not right. Try again.")
        if row is None:
            # chain staff (customer service, admins) are not synced to a store's station:
            # "unknown" lets the sign-in view ask the server; the words do not say which
            # part was wrong
            raise SignInRefused("unknown", wrong)
        raise SignInRefused("wrong_pin", wrong)
    if not row.active:
        raise SignInRefused(
            "inactive",
            QCoreApplication.translate("SignIn", "{name}'s account is switched off.").format(
                name=row.display_name
            ),
        )
    if row.store_id is not None and row.store_id != store_id:
        raise SignInRefused(
            "other_store",
            QCoreApplication.translate("SignIn", "{name} works at another store.").format(
                name=row.display_name
            ),
        )
    throttle.succeeded(text)
    return StaffSession(
        staff_id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=Role(row.role),
        store_id=row.store_id,
        method="badge" if badge and not pin else "pin",
        started_at=now,
    )
