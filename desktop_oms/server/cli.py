"""``desktop-oms-server``: migrate, optionally seed the demo chain, and serve with uvicorn.

Migrations run once, in this process, before any worker starts. With ``--workers N > 1``
uvicorn starts N processes that each build the app from :func:`app_from_env` (an import
string factory), whose configuration travels in the :data:`CONFIG_ENV` environment
variable; the workers keep no state another worker needs (DESIGN §4).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any, cast

import sqlalchemy as sa
from fastapi import FastAPI

from desktop_oms import __version__
from desktop_oms.server import logs
from desktop_oms.server.config import ServerConfig, default_database_url
from desktop_oms.server.db import Database, new_epoch
from desktop_oms.server.migrate import prepare_database
from desktop_oms.server.payments import PaymentProvider, TestPaymentProvider

log = logging.getLogger(__name__)

CONFIG_ENV = "DESKTOP_OMS_SERVER_CONFIG"
"""Environment variable holding the JSON settings of :func:`app_from_env`."""
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8700
#: Seconds a stopping server waits for requests in flight before it cancels them: a
#: station's long-poll (up to 30 s) must not hold the shutdown; the station re-polls.
GRACEFUL_SHUTDOWN_SECONDS = 2


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``desktop-oms-server``."""
    parser = argparse.ArgumentParser(
        prog="desktop-oms-server",
        description=(
            "The central order management server: order intake from sales channels, "
            "availability, staff sign-in and the station sync protocol. It migrates the "
            "database on start."
        ),
        epilog=(
            "examples:\n"
            "  desktop-oms-server --demo                     seed a demo chain and serve it\n"
            "  desktop-oms-server --database postgresql+psycopg://oms@db/oms --workers 4 "
            "--host 0.0.0.0\n"
            "  desktop-oms-server --database URL --new-epoch  after restoring a backup"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--database",
        metavar="URL",
        help="SQLAlchemy URL: sqlite:///path/oms.sqlite3 or postgresql+psycopg://user:pw@host/db "
        "(default: an SQLite file in the platform's data directory)",
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help="address to listen on (%(default)s)")
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help="port to listen on; 0 picks a free one (%(default)s)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="worker processes; use PostgreSQL for more than one (%(default)s)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="seed a demo chain into an empty database (or show the credentials of the one "
        "seeded before) and print its staff logins and channel API keys",
    )
    parser.add_argument(
        "--seed-size",
        choices=("small", "medium", "large"),
        default="small",
        help="demo catalogue: small ~2,000 SKUs, medium ~30,000, large 500,000 (%(default)s)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=42,
        metavar="N",
        help="random seed of the demo data (%(default)s)",
    )
    parser.add_argument(
        "--simulate-orders",
        type=float,
        default=0.0,
        metavar="N_PER_MINUTE",
        help="place about N random orders a minute, as sales channels would (default: off)",
    )
    parser.add_argument(
        "--notifications-dir",
        type=Path,
        metavar="DIR",
        help="write customer e-mails to DIR/outbox.jsonl instead of the log",
    )
    parser.add_argument(
        "--smtp",
        metavar="URL",
        help="send customer e-mails by SMTP: smtp://user:pw@host:port?from=orders@example.com "
        "(smtp+starttls:// for STARTTLS)",
    )
    parser.add_argument(
        "--log-level",
        choices=("debug", "info", "warning", "error"),
        default="info",
        help="how much to log; every level is redacted: no PIN, token or customer data "
        "(%(default)s)",
    )
    parser.add_argument(
        "--new-epoch",
        action="store_true",
        help="give the database a new epoch (after restoring a backup: every station "
        "resyncs from scratch), then exit",
    )
    return parser


# --- the app in each worker --------------------------------------------------------------


def _config_json(config: ServerConfig) -> str:
    return json.dumps(
        {
            "database_url": config.database_url,
            "notification_dir": str(config.notification_dir) if config.notification_dir else None,
            "smtp_url": config.smtp_url,
        }
    )


def config_from_env() -> ServerConfig:
    """The server configuration handed to workers in :data:`CONFIG_ENV`."""
    raw = os.environ.get(CONFIG_ENV)
    if not raw:
        raise RuntimeError(f"{CONFIG_ENV} is not set: start workers with desktop-oms-server")
    data: dict[str, Any] = json.loads(raw)
    notification_dir = data.get("notification_dir")
    return ServerConfig(
        database_url=str(data["database_url"]),
        notification_dir=Path(notification_dir) if notification_dir else None,
        smtp_url=data.get("smtp_url"),
    )


def app_from_env() -> FastAPI:
    """Import-string app factory for uvicorn workers (``desktop_oms.server.cli:app_from_env``)."""
    from desktop_oms.server.app import create_app

    logs.install()  # this worker's handlers, as uvicorn configured them
    return create_app(config_from_env())


# --- the demo ----------------------------------------------------------------------------


def _prepare_demo(db: Database, size: str, seed: int, payments: PaymentProvider) -> None:
    """Seed an empty database, or show the credentials of a demo seeded before."""
    from desktop_oms.server.seed import (
        Size,
        demo_credentials,
        format_credentials,
        is_empty,
        seed_demo,
    )

    if is_empty(db):
        print(f"Seeding a {size} demo chain (this happens once per database) ...", flush=True)
        started = time.perf_counter()
        creds = seed_demo(db, payments, cast(Size, size), rng_seed=seed)
        print(f"Seeded in {time.perf_counter() - started:.1f} s.\n", flush=True)
    else:
        found = demo_credentials(db)
        if found is None:
            print(
                "Note: --demo was given but the database already holds data that is not a "
                "demo; nothing was seeded.",
                flush=True,
            )
            return
        creds = found
        print(
            f"Note: the database already holds the {creds.size} demo chain; the channel API "
            "keys below are new (the old ones no longer work).\n",
            flush=True,
        )
    print(f"{format_credentials(creds)}\n", flush=True)


# --- serving -----------------------------------------------------------------------------


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


@contextmanager
def _quiet_signal_reraise(server: Any) -> Iterator[None]:
    """Let SIGINT/SIGTERM stop uvicorn gracefully and then return normally.

    uvicorn re-raises a signal that stopped it once it has shut down; with these handlers
    in place that re-raise only asks the (already stopped) server to exit again.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(_sig: int, _frame: FrameType | None) -> None:
        server.should_exit = True

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _serve(args: argparse.Namespace, config: ServerConfig, simulate: float) -> int:
    import uvicorn

    from desktop_oms.server.app import create_app

    simulator = None
    if args.workers > 1:
        os.environ[CONFIG_ENV] = _config_json(config)
        uv_config = uvicorn.Config(
            "desktop_oms.server.cli:app_from_env",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_level=args.log_level,
            timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
        )
        logs.install()  # uvicorn.Config has just configured its loggers
        sock = uv_config.bind_socket()
        port = sock.getsockname()[1]
        if simulate > 0:
            simulator = _simulator(Database(config.database_url), TestPaymentProvider(), simulate)
        print(f"desktop-oms-server listening on {_url(args.host, port)}", flush=True)
        from uvicorn.supervisors import Multiprocess

        try:
            Multiprocess(uv_config, sockets=[sock]).run()
        finally:
            if simulator:
                simulator.stop()
        return 0

    payments = TestPaymentProvider()
    app = create_app(config, payments=payments)
    uv_config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
    )
    logs.install()  # uvicorn.Config has just configured its loggers
    sock = uv_config.bind_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(uv_config)
    if simulate > 0:
        # The app's own database, so new orders wake this process's long-polls at once.
        simulator = _simulator(app.state.services.db, payments, simulate)
    print(f"desktop-oms-server listening on {_url(args.host, port)}", flush=True)
    try:
        with _quiet_signal_reraise(server):
            server.run(sockets=[sock])
    finally:
        if simulator:
            simulator.stop()
        sock.close()
    return 0 if server.started else 1


def _simulator(db: Database, payments: PaymentProvider, per_minute: float) -> Any:
    from desktop_oms.server.simulate import OrderSimulator

    simulator = OrderSimulator(db, payments, per_minute)
    simulator.start()
    return simulator


def _has_stores(db: Database) -> bool:
    from desktop_oms.server import schema

    with db.read() as conn:
        return conn.execute(sa.select(schema.stores.c.id).limit(1)).first() is not None


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``desktop-oms-server``; the process exit code (130 when interrupted early)."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("desktop-oms-server: interrupted", file=sys.stderr)
        return 130


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if not 0 <= args.port <= 65535:
        parser.error("--port must be between 0 and 65535")
    if args.simulate_orders < 0:
        parser.error("--simulate-orders cannot be negative")
    logs.configure(getattr(logging, args.log_level.upper()))
    url = args.database or default_database_url()
    if args.workers > 1 and url.startswith("sqlite"):
        log.warning("several workers on SQLite serialize every write; use PostgreSQL")

    db = Database(url)
    try:
        prepare_database(db)  # once, before any worker starts
        if args.new_epoch:
            with db.write() as conn:
                epoch = new_epoch(conn)
            print(f"The database has a new epoch {epoch}: every station will resync.")
            return 0
        if args.demo:
            _prepare_demo(db, args.seed_size, args.seed, TestPaymentProvider())
        simulate = float(args.simulate_orders)
        if simulate > 0 and not _has_stores(db):
            log.warning("no stores in the database: not simulating orders (try --demo)")
            simulate = 0.0
    finally:
        db.dispose()

    config = ServerConfig(
        database_url=url,
        notification_dir=args.notifications_dir,
        smtp_url=args.smtp,
    )
    return _serve(args, config, simulate)


if __name__ == "__main__":
    sys.exit(main())
