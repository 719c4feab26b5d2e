"""Console entry points: ``desktop-oms`` (the station) and ``desktop-oms-server``.

Kept thin and free of heavy imports: the server and the Qt station are imported only when
they start.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

#: The hidden first argument that makes ``desktop-oms`` the embedded demo's server child:
#: a frozen bundle has no ``python -m``, so :mod:`desktop_oms.gui.demo` starts the bundled
#: binary itself with it (``desktop-oms --run-demo-server <desktop-oms-server args>``).
DEMO_SERVER_FLAG = "--run-demo-server"


def server_main(argv: Sequence[str] | None = None) -> int:
    """``desktop-oms-server``: the central OMS (see ``desktop_oms.server.cli``)."""
    from desktop_oms.server.cli import main

    return main(argv)


def _station_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desktop-oms",
        description="The store station: pickups at the counter, working from a local copy of "
        "the store's data that syncs with the central server. Without --demo it opens this "
        "PC's station (a manager enrols the PC on first run).",
        epilog="examples:\n"
        "  desktop-oms --demo                              a whole demo system on this PC\n"
        "  desktop-oms --demo --screenshot pickups.png     save the window as a PNG and exit\n"
        "  desktop-oms --self-test                         check this install end to end\n"
        "  desktop-oms                                     this PC's station",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start an embedded demo server on a free loopback port with its own SQLite "
        "file, seeded with a demo chain and receiving new orders, and open a station of its "
        "main store (AMS1)",
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
    parser.add_argument(
        "--cache",
        type=Path,
        metavar="FILE",
        help="the station cache to open (default: the station enrolled last on this PC)",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PATH",
        help="render the window to a PNG once it has started and loaded its data, then exit "
        "(works without a display)",
    )
    parser.add_argument(
        "--view",
        choices=(
            "pickups",
            "order",
            "fulfil",
            "conflicts",
            "settings",
            "signin",
            "stock",
            "inventory",
            "count",
            "count-review",
            "orders",
        ),
        default="pickups",
        help="what --screenshot shows: the pickup queue, the queue with its first order "
        "open, the back room's fulfil queue with its first order open, the conflict inbox "
        "with its newest entry open, the settings dialog (scanner "
        "tab) over the queue, or the sign-in (%(default)s); the demo signs its associate in "
        "for all but the sign-in (its manager for the inventory view); count and "
        "count-review: the Count page with a demo count of a bay in progress, or its "
        "variance review (the manager signs in); orders: the Orders page with a customer "
        "searched and their order open with its timeline (the demo's customer-service agent "
        "signs in online)",
    )
    parser.add_argument(
        "--theme",
        choices=("light", "dark", "high-contrast"),
        help="the theme of this run (default: the one chosen in the settings)",
    )
    parser.add_argument(
        "--language",
        choices=("en", "nl"),
        help="the language of this run (default: the one chosen in the settings)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this install end to end and exit 0 (or 1, saying what failed): start "
        "the embedded demo, open the window, run the first sync, sign the demo associate in "
        "and scan an order's code (implies --demo; works without a display)",
    )
    return parser


def station_main(argv: Sequence[str] | None = None) -> int:
    """``desktop-oms``: the Qt station (``--demo``: with an embedded demo server)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == [DEMO_SERVER_FLAG]:  # the embedded demo's server child (a bundle)
        from desktop_oms.gui.demo import serve_main

        return serve_main(arguments[1:])
    parser = _station_parser()
    args = parser.parse_args(arguments)
    if args.self_test:
        if args.screenshot is not None:
            parser.error("--self-test and --screenshot do not go together")
        args.demo = True
    if args.simulate_orders < 0:
        parser.error("--simulate-orders cannot be negative")
    if args.port is not None and not 0 <= args.port <= 65535:
        parser.error("--port must be between 0 and 65535")
    demo_only = [o for o in ("port", "data_dir") if getattr(args, o) is not None]
    if demo_only and not args.demo:
        parser.error(f"--{demo_only[0].replace('_', '-')} needs --demo")
    if args.screenshot is not None and args.screenshot.is_dir():
        parser.error("--screenshot needs a file name (PATH.png)")

    from desktop_oms.gui import preferences, theme

    # the theme before any page module is imported: some bake its colours in at import
    theme.use(args.theme or preferences.load().theme)
    from desktop_oms.gui.app import Options, run

    temporary = args.demo and args.data_dir is None
    data_dir: Path | None = None
    if args.demo:
        data_dir = (
            Path(tempfile.mkdtemp(prefix="desktop-oms-demo-")) if temporary else args.data_dir
        )
        assert data_dir is not None
        data_dir.mkdir(parents=True, exist_ok=True)
        print(f"desktop-oms demo: data in {data_dir}", flush=True)
    options = Options(
        demo=args.demo,
        data_dir=data_dir,
        port=args.port or 0,
        seed_size=args.seed_size,
        simulate_orders=args.simulate_orders,
        cache=args.cache,
        screenshot=args.screenshot,
        view=args.view,
        self_test=args.self_test,
        theme=args.theme,
        language=args.language,
    )
    try:
        return run([sys.argv[0] if sys.argv else "desktop-oms"], options)
    finally:
        if temporary and data_dir is not None:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":  # ``python -m desktop_oms.cli``, and the PyInstaller bundle's entry
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(station_main())
