"""Console entry points: ``desktop-oms`` (the station) and ``desktop-oms-server``.

Kept thin and free of heavy imports: the server is imported only when it is started.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

STATION_PENDING = (
    "desktop-oms: the station application arrives with issue #4.\n"
    "Until then, 'desktop-oms --demo' starts the demo server (a seeded chain with a trickle "
    "of new orders) and 'desktop-oms-server --help' shows the server's options."
)


def server_main(argv: Sequence[str] | None = None) -> int:
    """``desktop-oms-server``: the central OMS (see ``desktop_oms.server.cli``)."""
    from desktop_oms.server.cli import main

    return main(argv)


def _station_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desktop-oms",
        description="The store station. With --demo: start a whole demo system on this machine.",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start an embedded demo server on a free loopback port with its own SQLite "
        "file, seeded with a demo chain and receiving new orders",
    )
    parser.add_argument("--port", type=int, help="port of the demo server (default: a free one)")
    parser.add_argument(
        "--seed-size",
        choices=("small", "medium", "large"),
        default="small",
        help="demo catalogue size (%(default)s)",
    )
    parser.add_argument(
        "--simulate-orders",
        type=float,
        default=6.0,
        metavar="N_PER_MINUTE",
        help="new demo orders per minute (%(default)s; 0 for none)",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="keep the demo database in DIR and reuse it next time (default: a fresh "
        "temporary directory, removed on exit)",
    )
    return parser


def station_main(argv: Sequence[str] | None = None) -> int:
    """``desktop-oms``: for now only ``--demo`` (the demo server); the Qt station is issue #4."""
    args = _station_parser().parse_args(argv)
    if not args.demo:
        print(STATION_PENDING, file=sys.stderr)
        return 2
    temporary = args.data_dir is None
    data_dir = Path(tempfile.mkdtemp(prefix="desktop-oms-demo-")) if temporary else args.data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    database = data_dir / "oms-demo.sqlite3"
    print(f"desktop-oms demo: data in {data_dir}", flush=True)
    try:
        return server_main(
            [
                "--demo",
                "--database",
                f"sqlite:///{database}",
                "--host",
                "127.0.0.1",
                "--port",
                str(args.port if args.port is not None else 0),
                "--seed-size",
                args.seed_size,
                "--simulate-orders",
                str(args.simulate_orders),
                "--notifications-dir",
                str(data_dir / "notifications"),
            ]
        )
    finally:
        if temporary:
            shutil.rmtree(data_dir, ignore_errors=True)
