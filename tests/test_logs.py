"""The station's log file and support bundle (Qt-free parts): redaction, rotation,
uncaught exceptions, and the diagnostics zip built from a real cache file."""

from __future__ import annotations

import json
import logging
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_oms.diagnostics.bundle import (
    MANIFEST,
    SCANNER,
    SYNC_STATE,
    read_sync_state,
    write_bundle,
)
from desktop_oms.diagnostics.logfile import (
    LOG_DIR_ENV,
    LOG_NAME,
    LogSetup,
    active_log_dir,
    log_dir,
    log_files,
    setup_logging,
)
from desktop_oms.diagnostics.redact import RedactingFilter, redact

PIN = "7319"
TOKEN = "Zq8sLw3NvB5xKc1TjR7mYp0HdF4gAe2U"  # as secrets.token_urlsafe makes them

# (what is logged, what must not reach the log, what must survive)
CASES = [
    ("sign-in pin=7319 for ams1.associate", "7319", "ams1.associate"),
    ('body {"username": "ams1.associate", "pin": "7319"}', "7319", "ams1.associate"),
    ("SignInRequest(username='x', badge_id=None, pin='7319')", "7319", "SignInRequest"),
    ("PIN: 7319 refused", "7319", "refused"),
    (f"Authorization: Bearer {TOKEN}", TOKEN, "Authorization"),
    (f"{{'Authorization': 'Bearer {TOKEN}', 'Accept': 'json'}}", TOKEN, "Accept"),
    ("headers Authorization=Basic dXNlcjpwYXNz", "dXNlcjpwYXNz", "headers"),
    (f"GET http://127.0.0.1:9/api/v1/feed?cursor=3:10&token={TOKEN}", TOKEN, "cursor=3:10"),
    (f"station_token={TOKEN}", TOKEN, "station_token"),
    ('{"access_token": "abc.def.ghi", "token_type": "bearer"}', "abc.def.ghi", "token_type"),
    ("keyring secret='s3cr3t-value' stored", "s3cr3t-value", "stored"),
    ("password: hunter22", "hunter22", "password"),
    ("http://admin:hunter22@oms.example.net/api", "hunter22", "oms.example.net/api"),
    (f"the token {TOKEN} was refused", TOKEN, "was refused"),
    ("mail ann.devries+shop@example.com about it", "ann.devries+shop@example.com", "about"),
    ("customer email=ann@example.nl", "ann@example.nl", "customer"),
    ("call +31 6 5555 0101 when ready", "5555 0101", "when ready"),
    ("call 06-12345678 now", "12345678", "now"),
    ("call +1 (555) 123-4567 now", "123-4567", "now"),
    ("call (555) 123-4567 now", "123-4567", "now"),
    ('{"phone": "0612345678"}', "0612345678", "phone"),
    ('{"name": "Ann de Vries", "email": "x@y.nl"}', "Ann de Vries", '"name"'),
    ("Customer(external_id='c-1', name='Ann de Vries')", "Ann de Vries", "external_id"),
    (
        '{"billing_address": {"name": "Ann", "line1": "Dam 1", "city": "Amsterdam", '
        '"postal_code": "1012 JS", "country": "NL"}}',
        "Dam 1",
        "billing_address",
    ),
    ('{"line1": "Dam 1", "postal_code": "1012 JS"}', "1012 JS", "line1"),
    ("address='Kalverstraat 92, Amsterdam'", "Kalverstraat 92", "address"),
    ("card_number=4242424242424242", "4242424242424242", "card_number"),
]

# Ordinary log lines that must pass untouched (what support needs to read).
KEPT = [
    "2026-11-29 12:57:35,012 INFO oms-pull desktop_oms.station: staff #3 signed in",
    "sync failed: the server at http://127.0.0.1:8000 is unreachable (GET /feed)",
    "order AMS1-000123 handed over; cursor 3:12345; outbox seq 17",
    "client id 0f8e7d6c5b4a39281706f5e4d3c2b1a0 (uuid hex)",
    "PySide6.QtWidgets.QApplication started in 1.25 s",
    "scanner: wedge on, terminator enter, 9600 baud",
]


@pytest.mark.parametrize(("text", "secret", "kept"), CASES, ids=[c[1][:16] for c in CASES])
def test_redact_removes_secrets_and_customer_data(text: str, secret: str, kept: str) -> None:
    """Each kind of secret and customer datum is masked; the rest of the line stays."""
    out = redact(text)
    assert secret not in out, out
    assert kept in out, out
    assert "[redacted]" in out or "[email]" in out or "[phone]" in out


@pytest.mark.parametrize("text", KEPT)
def test_redact_keeps_ordinary_lines(text: str) -> None:
    """What support needs (ids, cursors, timings, hosts without credentials) survives."""
    assert redact(text) == text


def test_redact_is_idempotent() -> None:
    """Redacting twice (handler and bundle) changes nothing more."""
    for text, _secret, _kept in CASES:
        once = redact(text)
        assert redact(once) == once


def _record(msg: str, *args: object, exc: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc is not None else None
    return logging.LogRecord("t", logging.WARNING, __file__, 1, msg, args, exc_info)


def test_filter_redacts_arguments_and_exceptions() -> None:
    """The filter sees the formatted message and the exception text, not only ``msg``."""
    try:
        raise RuntimeError(f'POST /auth/sign-in failed: {{"pin": "{PIN}"}} token={TOKEN}')
    except RuntimeError as exc:
        record = _record("sign-in for %s with %s", "ann@example.com", f"pin={PIN}", exc=exc)
    RedactingFilter().filter(record)
    text = logging.Formatter().format(record)
    assert "sign-in for [email]" in text
    assert "RuntimeError" in text and "Traceback" in text
    for secret in (PIN, TOKEN, "ann@example.com"):
        assert secret not in text


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[LogSetup]:
    """The log set up in a test directory, removed afterwards."""
    setup = setup_logging(tmp_path / "logs")
    try:
        yield setup
    finally:
        setup.close()


def test_log_dir_defaults_and_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """platformdirs' user log dir by default; the env var or an argument move it."""
    import platformdirs

    monkeypatch.delenv(LOG_DIR_ENV, raising=False)
    assert log_dir() == Path(platformdirs.user_log_path("desktop-oms", appauthor=False))
    monkeypatch.setenv(LOG_DIR_ENV, str(tmp_path / "env"))
    assert log_dir() == tmp_path / "env"
    assert log_dir(tmp_path / "arg") == tmp_path / "arg"


def test_log_file_is_redacted(logs: LogSetup) -> None:
    """What the app logs lands in the file, without the secrets."""
    assert active_log_dir() == logs.directory
    log = logging.getLogger("desktop_oms.test")
    log.warning("sign-in refused for %s (pin=%s)", "ams1.associate", PIN)
    try:
        raise ValueError(f"GET /api/v1/feed?token={TOKEN} -> customer +31 6 5555 0101")
    except ValueError:
        log.exception("pull failed")
    logs.flush()
    text = logs.path.read_text("utf-8")
    assert "sign-in refused for ams1.associate" in text
    assert "pull failed" in text and "ValueError" in text
    for secret in (PIN, TOKEN, "5555 0101"):
        assert secret not in text


def test_uncaught_exceptions_are_logged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """sys.excepthook and threading.excepthook write the crash (redacted) to the file,
    then hand it to the hooks installed before (here: recorders, not pytest's)."""
    seen: list[object] = []
    monkeypatch.setattr(sys, "excepthook", lambda *a: seen.append(a[0]))
    monkeypatch.setattr(threading, "excepthook", lambda a: seen.append(a.exc_type))
    logs = setup_logging(tmp_path)
    try:
        _crash(logs)
    finally:
        logs.close()
    assert seen == [KeyError, RuntimeError]


def _crash(logs: LogSetup) -> None:
    error = KeyError(f"pin={PIN}")
    sys.excepthook(type(error), error, None)

    def crash() -> None:
        raise RuntimeError(f"worker died with Authorization: Bearer {TOKEN}")

    thread = threading.Thread(target=crash, name="oms-crash-test")
    thread.start()
    thread.join()
    logs.flush()
    text = logs.path.read_text("utf-8")
    assert "uncaught exception" in text and "KeyError" in text
    assert "uncaught exception in thread oms-crash-test" in text
    assert "RuntimeError: worker died" in text
    assert PIN not in text and TOKEN not in text


def test_close_restores_hooks(tmp_path: Path) -> None:
    """Closing the log gives back the exception hooks and removes the handler."""
    before = sys.excepthook, threading.excepthook
    setup = setup_logging(tmp_path)
    assert sys.excepthook is not before[0]
    setup.close()
    assert (sys.excepthook, threading.excepthook) == before
    assert setup.handler not in logging.getLogger().handlers


def test_rotation_keeps_a_bounded_set_of_files(tmp_path: Path) -> None:
    """With a small size limit the file rotates and at most 1 + backups files remain."""
    setup = setup_logging(tmp_path, max_bytes=2_000, backups=2, hooks=False)
    try:
        log = logging.getLogger("desktop_oms.rotation")
        for n in range(200):
            log.info("line %04d of the rotation test, padded to be long enough", n)
        setup.flush()
    finally:
        setup.close()
    files = log_files(tmp_path)
    assert [f.name for f in files] == [LOG_NAME, LOG_NAME + ".1", LOG_NAME + ".2"]
    assert all(f.stat().st_size <= 2_000 for f in files)
    assert "line 0199" in files[0].read_text("utf-8")  # the newest is the current file
    assert "line 0000" not in "".join(f.read_text("utf-8") for f in files)  # oldest dropped


def test_bundle_from_a_cache(tmp_path: Path) -> None:
    """The zip holds manifest, sync state (from a real cache file), scanner settings and
    the logs, re-redacted; nothing secret anywhere in it."""
    from datetime import UTC, datetime

    from desktop_oms.cache import state
    from desktop_oms.cache.db import CacheDB, driver_cursor

    cache = CacheDB(tmp_path / "cache.sqlite3")
    try:
        with cache.write() as conn:
            state.set_cursor(conn, "3:42", datetime(2026, 11, 29, 12, 0, tzinfo=UTC))
            state.put(conn, state.Key.SERVER_URL, f"http://admin:{PIN}@127.0.0.1:8000")
            driver_cursor(conn).execute(
                "INSERT INTO conflicts(outbox_seq, command, code, message, current, created_at)"
                " VALUES (1, 'hand_over', 'stale', 'x', '{}', '2026-11-29T12:00:00Z')"
            )
        with cache.read() as conn:
            found = read_sync_state(conn)
    finally:
        cache.close()
    assert found["cursor"] == "3:42" and found["epoch"] == "3"
    assert found["conflicts"] == 1 and found["conflicts_open"] == 1
    assert found["cache_quick_check"] == ["ok"]
    assert found["cache_schema_revision"]
    logs = tmp_path / "logs"
    logs.mkdir()
    # A log file an older version wrote, unredacted: the bundle redacts it on the way in.
    (logs / LOG_NAME).write_text(f"old line pin={PIN} ann@example.com\n", "utf-8")
    (logs / (LOG_NAME + ".1")).write_text(f"older line Bearer {TOKEN}\n", "utf-8")
    dest = write_bundle(
        tmp_path / "out" / "diag.zip",
        log_dir=logs,
        sync_state=found,
        scanner={"wedge": True, "port": "/dev/ttyUSB0"},
        extra_versions={"qt_runtime": "6.x"},
    )
    with zipfile.ZipFile(dest) as bundle:
        names = bundle.namelist()
        assert names == [MANIFEST, SYNC_STATE, SCANNER, "logs/station.log", "logs/station.log.1"]
        manifest = json.loads(bundle.read(MANIFEST))
        sync = json.loads(bundle.read(SYNC_STATE))
        blob = b"".join(bundle.read(n) for n in names)
    for key in ("desktop-oms", "PySide6", "python", "sqlite", "os", "qt_runtime"):
        assert manifest["versions"][key]
    assert sync["cursor"] == "3:42"
    assert sync["server_url"] == "http://[redacted]@127.0.0.1:8000"
    assert b"old line" in blob and b"older line" in blob
    for secret in (PIN, TOKEN, "ann@example.com"):
        assert secret.encode() not in blob
    assert not list(dest.parent.glob("*.part"))
