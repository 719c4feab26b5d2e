"""``desktop-oms-sync``: enrol this PC as a station, sync its cache, show its sync status.

Exit codes (also in ``--help``), so scripts and service managers can tell failures apart:

=====  ===============================================================================
0      done (a resync the server asked for, once finished, is a success: it is reported)
1      another failure (the server refused the request; a local error)
2      bad command line
3      not enrolled (no enrolment, no cache, or no stored token)
4      the server is unreachable (no answer, connection dropped, timeout, HTTP 5xx)
5      refused credentials: the station's token (revoked: enrol again) or the manager's
       sign-in (wrong username or PIN, not a manager)
6      the server kept asking for a resync and the snapshot could not finish
7      the server's answer did not match the protocol (nothing of it was applied)
130    interrupted (Ctrl-C) during ``sync --once``
=====  ===============================================================================
"""

from __future__ import annotations

import argparse
import getpass
import os
import signal
import socket
import sys
import threading
from collections.abc import Sequence
from enum import IntEnum
from pathlib import Path
from types import FrameType
from typing import TextIO

from desktop_oms.cache import integrity, queries
from desktop_oms.cache.db import CacheDB
from desktop_oms.sync.client import ServerClient
from desktop_oms.sync.credentials import CredentialsError
from desktop_oms.sync.engine import SyncEngine, cache_status
from desktop_oms.sync.enrolment import (
    AlreadyEnrolled,
    Enrolment,
    NotEnrolled,
    enrol,
    pointed_cache,
    read_enrolment,
)
from desktop_oms.sync.errors import (
    MalformedReply,
    NotAuthorized,
    Refused,
    ResetRequired,
    ServerUnavailable,
    SyncError,
)
from desktop_oms.sync.progress import Phase, Progress
from desktop_oms.sync.runner import LinkState, SyncRunner

PIN_ENV = "DESKTOP_OMS_PIN"
#: How often ``sync --once`` starts over when the server resets during its snapshot.
RESET_ATTEMPTS = 3


class Exit(IntEnum):
    """The process exit codes."""

    OK = 0
    FAILED = 1
    USAGE = 2
    NOT_ENROLLED = 3
    UNREACHABLE = 4
    REFUSED = 5
    RESET = 6
    MALFORMED = 7
    INTERRUPTED = 130


EPILOG = """exit codes: 0 done, 1 other failure, 2 bad command line, 3 not enrolled,
4 server unreachable, 5 token or sign-in refused, 6 resync could not finish,
7 malformed server answer, 130 interrupted"""


def describe(p: Progress) -> str:
    """One progress line for people."""
    if p.phase is Phase.SNAPSHOT:
        of = f"/{p.total_rows}" if p.total_rows else ""
        return f"snapshot: {p.kind} page {p.pages}, {p.rows}{of} rows"
    if p.phase is Phase.SWITCHING:
        return f"snapshot: switching in {p.rows} rows from {p.pages} pages"
    if p.phase is Phase.PULL:
        return f"pull: {p.rows} changes applied" if p.rows else "pull: up to date"
    if p.phase is Phase.PUSH:
        return f"push: {p.rows} commands confirmed by the server"
    if p.phase is Phase.RESET:
        return f"reset: {p.message}; taking a new snapshot (pending commands are kept)"
    return f"{p.phase.value}: {p.message}".rstrip(": ")


class _Printer:
    """Progress and link-state lines, from any thread, to one stream."""

    def __init__(self, out: TextIO, quiet: bool) -> None:
        self.out = out
        self.quiet = quiet
        self.resets = 0
        self._lock = threading.Lock()

    def line(self, text: str) -> None:
        """Print one line at once."""
        with self._lock:
            print(text, file=self.out, flush=True)

    def progress(self, p: Progress) -> None:
        """A progress callback for the engine."""
        if p.phase is Phase.RESET:
            self.resets += 1
            self.line(describe(p))  # always shown: staff should know why it takes long
        elif not self.quiet and not (p.phase is Phase.PULL and not p.rows):
            self.line(describe(p))

    def link(self, state: LinkState) -> None:
        """A link-state callback for the runner."""
        if state.online:
            self.line("online: in sync with the server")
        elif not state.authorized:
            self.line(f"refused: {state.error}")
        else:
            self.line(f"offline: {state.error} (retrying)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desktop-oms-sync",
        description="Enrol this PC as a station of a store and keep its local cache in sync.",
        epilog=EPILOG,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("enrol", help="enrol this PC as a station (a manager signs in)")
    p.add_argument("--server", required=True, help="the OMS server's URL, e.g. https://oms:8000")
    p.add_argument("--username", required=True, help="the manager's username")
    p.add_argument(
        "--pin", help=f"the manager's PIN (default: ${PIN_ENV}, else asked without echo)"
    )
    p.add_argument("--name", default=socket.gethostname(), help="the station's name")
    p.add_argument("--cache", type=Path, help="the cache file (default: per server and station)")
    p.add_argument("--force", action="store_true", help="re-enrol a cache that has a station")

    p = sub.add_parser("sync", help="sync the cache with the server")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="push, pull to the end, exit (default)")
    mode.add_argument("--forever", action="store_true", help="keep in sync until Ctrl-C")
    p.add_argument("--cache", type=Path, help="the cache file (default: the enrolled station's)")
    p.add_argument("--quiet", action="store_true", help="print only resets and failures")

    p = sub.add_parser("status", help="cursor, outbox, last sync and conflicts (offline)")
    p.add_argument("--cache", type=Path, help="the cache file (default: the enrolled station's)")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; the exit code."""
    out = out or sys.stdout
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2)
        return int(exc.code or 0)
    try:
        if args.command == "enrol":
            return _enrol(args, out)
        if args.command == "status":
            return _status(args, out)
        return _sync(args, out)
    except KeyboardInterrupt:
        print("interrupted", file=out, flush=True)
        return Exit.INTERRUPTED
    except SyncError as exc:
        code, text = _failure(exc)
        print(text, file=sys.stderr, flush=True)
        return code
    except CredentialsError as exc:
        print(f"the station's token cannot be used: {exc}", file=sys.stderr, flush=True)
        return Exit.NOT_ENROLLED


def _failure(exc: SyncError) -> tuple[Exit, str]:
    """The exit code and message for a sync failure."""
    if isinstance(exc, NotEnrolled):
        return Exit.NOT_ENROLLED, f"not enrolled: {exc.message}"
    if isinstance(exc, AlreadyEnrolled):
        return Exit.FAILED, f"not enrolled again: {exc.message}"
    if isinstance(exc, ServerUnavailable):
        return Exit.UNREACHABLE, f"server unreachable: {exc.message}"
    if isinstance(exc, MalformedReply):
        return Exit.MALFORMED, f"the server's answer was malformed: {exc.message}"
    if isinstance(exc, NotAuthorized):
        return Exit.REFUSED, f"refused: {exc.message}"
    if isinstance(exc, ResetRequired):
        return (
            Exit.RESET,
            f"the server keeps asking for a resync ({exc.reason}): {exc.message}; "
            "the snapshot could not finish, run sync again later",
        )
    if isinstance(exc, Refused):
        code = Exit.REFUSED if exc.status in (401, 403) else Exit.FAILED
        return code, f"the server refused: {exc.message} ({exc.code})"
    return Exit.FAILED, f"sync failed: {exc.message}"


def _enrol(args: argparse.Namespace, out: TextIO) -> int:
    pin = args.pin or os.environ.get(PIN_ENV)
    if not pin:
        if not sys.stdin.isatty():
            print(f"give the PIN with --pin or ${PIN_ENV}", file=sys.stderr)
            return Exit.USAGE
        pin = getpass.getpass(f"PIN of {args.username}: ")
    try:
        enrolment, storage = enrol(
            args.server,
            args.username,
            pin,
            name=args.name,
            cache_path=args.cache,
            force=args.force,
        )
    except NotAuthorized as exc:
        print(f"sign-in refused: {exc.message}", file=sys.stderr, flush=True)
        return Exit.REFUSED
    where = "the OS keyring" if storage == "keyring" else "an owner-only file (no keyring here)"
    code = f" ({enrolment.store_code})" if enrolment.store_code else ""
    print(
        f"enrolled as station {enrolment.station_id} of store {enrolment.store_id}{code} "
        f"at {enrolment.server_url}\n"
        f"cache: {enrolment.cache_path}\ntoken stored in {where}\n"
        "next: desktop-oms-sync sync",
        file=out,
        flush=True,
    )
    return Exit.OK


def _open(args: argparse.Namespace) -> tuple[Enrolment, CacheDB, integrity.Recovery | None]:
    recovery = _check_cache(args.cache or pointed_cache())
    enrolment = read_enrolment(args.cache)
    return enrolment, CacheDB(enrolment.cache_path), recovery


def _check_cache(path: Path) -> integrity.Recovery | None:
    """The start-up integrity check the station runs too: a damaged cache is kept aside and
    replaced by one holding its readable commands; what happened goes to stderr."""
    try:
        found = integrity.recover(path)
    except integrity.CacheLost as exc:
        raise NotEnrolled(str(exc)) from None
    if found is not None:
        print(found.message(), file=sys.stderr, flush=True)
    return found


def _status(args: argparse.Namespace, out: TextIO) -> int:
    enrolment, cache, _recovery = _open(args)
    try:
        st = cache_status(cache)
        with cache.read() as conn:
            open_conflicts = queries.conflicts(conn)
    finally:
        cache.close()
    lines = [
        f"station    {enrolment.station_id} of store {enrolment.store_id} "
        f"at {enrolment.server_url}",
        f"cache      {enrolment.cache_path}",
        f"cursor     {st.cursor or 'none yet (no snapshot taken)'}",
        f"outbox     {st.outbox} command{'s' if st.outbox != 1 else ''} waiting for the server",
        f"last sync  {st.last_sync_at or 'never'}",
        f"conflicts  {st.conflicts} unacknowledged",
    ]
    lines += [
        f"  - #{c.id} {c.command.get('name')} on {c.command.get('target_kind')} "
        f"{c.command.get('target_key')}: {c.code}: {c.message}"
        for c in open_conflicts
    ]
    if st.snapshot_under_way:
        lines.append("snapshot   under way: the next sync resumes it")
    print("\n".join(lines), file=out, flush=True)
    return Exit.OK


def _sync(args: argparse.Namespace, out: TextIO) -> int:
    enrolment, cache, recovery = _open(args)
    printer = _Printer(out, args.quiet)
    try:
        client = ServerClient(enrolment.server_url, enrolment.token())
        if recovery is not None:  # close holes the salvage left in the saved commands' seqs
            integrity.reconcile(cache, int(client.status()["last_seq"]))
        engine = SyncEngine(cache, client, progress=printer.progress)
        try:
            if args.forever:
                return _forever(engine, printer)
            return _once(engine, printer)
        finally:
            client.close()
    finally:
        cache.close()


def _once(engine: SyncEngine, printer: _Printer) -> int:
    for attempt in range(1, RESET_ATTEMPTS + 1):
        try:
            pushed, pulled = engine.sync_once()
            break
        except ResetRequired:
            if attempt == RESET_ATTEMPTS:
                raise
            printer.line("reset: the server was reset during the snapshot; starting over")
    st = engine.status()
    if printer.resets:
        printer.line(
            "the server's database was re-created or restored: this station took a new "
            "snapshot and kept its pending commands"
        )
    printer.line(
        f"in sync at {st.cursor}: pushed {pushed.sent} commands ({pushed.rejected} refused), "
        f"pulled {pulled} changes; {st.outbox} waiting, {st.conflicts} conflicts to review"
    )
    return Exit.OK


def _forever(engine: SyncEngine, printer: _Printer) -> int:
    stop = threading.Event()

    def on_term(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, on_term)
    runner = SyncRunner(engine, on_state=printer.link)
    runner.start()
    printer.line(f"syncing with {engine.client.base_url} until Ctrl-C")
    code = Exit.OK
    try:
        while not stop.wait(0.5):
            if not runner.state.authorized:
                printer.line("the station's token was refused: enrol this PC again")
                code = Exit.REFUSED
                break
    except KeyboardInterrupt:
        pass
    finally:
        runner.stop()
        signal.signal(signal.SIGTERM, previous)
    printer.line("stopped")
    return code


__all__ = ["Exit", "describe", "main"]


if __name__ == "__main__":
    raise SystemExit(main())
