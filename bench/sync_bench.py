"""Sync benchmark: a fresh station's first sync and a 10k-change delta against a live server.

Run from the repository root::

    .venv/bin/python bench/sync_bench.py                       # quick: 20k SKUs, 4 stores
    .venv/bin/python bench/sync_bench.py --skus 500000 --stores 10   # the large chain

What happens, each part in its own process so the figures are the station's own:

1. A generated chain goes straight into a new server database (SQLAlchemy Core
   ``executemany`` of plain tuples into the server schema; orders through
   ``intake.place_order``); one station is enrolled.
2. The server runs as a subprocess (uvicorn on a free loopback port, jobs off).
3. The station runs as a subprocess: ``SyncEngine.initial_sync`` + ``catch_up`` on a new
   cache file; then, once the parent has made 10k changes on the server (stock levels and
   product prices, published to the feed), ``catch_up`` again. It times itself: the
   write phase is the time inside ``SnapshotWriter.write_page``; the delta's decode +
   apply + commit is the ``catch_up`` time minus the time inside the HTTP requests
   (network, server, gzip). It reports its own peak RSS (``getrusage``).
4. The references run in this process, after the station exited, on the same machine:
   raw ``sqlite3`` ``executemany`` of the station's rows (read back from its cache, in the
   snapshot's page size, one transaction per page) into the same shadow-table DDL the
   station writes to; and a raw upsert (the cache's own ``ON CONFLICT`` SQL) of the delta's
   rows, built before the clock starts and sorted by key, on a copy of the cache taken
   just before the delta.

Figures (DESIGN §8): write phase >= 0.5x the raw rate; delta <= 3x the raw time; peak RSS
<= 400 MiB and flat in catalogue size; end-to-end times for information.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from desktop_oms.cache import rows as cache_rows  # noqa: E402
from desktop_oms.cache import state  # noqa: E402
from desktop_oms.cache.apply import upsert_sql  # noqa: E402
from desktop_oms.cache.db import CacheDB  # noqa: E402
from desktop_oms.cache.schema import CONFIRMED, columns_of, shadow_name  # noqa: E402
from desktop_oms.cache.snapshot import shadow_ddl  # noqa: E402
from desktop_oms.cache.state import Key  # noqa: E402

SNAPSHOT_PAGE = 20_000  # the server's snapshot page limit (ServerConfig default)
DELTA_CHANGES = 10_000
ORDERS = 200
MIB = 1024 * 1024


# --- the chain ---------------------------------------------------------------------------

_ADJECTIVES = ("Classic", "Modern", "Compact", "Deluxe", "Rustic", "Sleek", "Soft", "Sturdy")
_NOUNS = ("Lamp", "Chair", "Kettle", "Towel", "Jacket", "Drill", "Vase", "Blanket", "Mug")
_COLOURS = ("black", "white", "red", "blue", "green", "oak", "grey", "sand")
_SIZES = ("XS", "S", "M", "L", "XL", "one size")
_DEPARTMENTS = ("Home", "Garden", "Kitchen", "Fashion", "Tools", "Toys")


def _chunks(items: Iterator[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    chunk: list[tuple[Any, ...]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _insert(conn: Any, table: sa.Table, columns: list[str], rows: Iterator[tuple[Any, ...]]) -> int:
    """SQLAlchemy Core executemany of plain tuples, in chunks; the row count."""
    stmt = str(sa.insert(table).compile(dialect=conn.dialect, column_keys=columns))
    total = 0
    for chunk in _chunks(rows, 50_000):
        conn.exec_driver_sql(stmt, chunk)
        total += len(chunk)
    return total


def generate(db_path: Path, skus: int, stores: int, seed: int = 7) -> dict[str, Any]:
    """Fill a new server database with the chain; what the station needs to enrol."""
    from desktop_oms.domain.identifiers import make_gtin13
    from desktop_oms.domain.roles import Role
    from desktop_oms.protocol.intake import OrderIn
    from desktop_oms.protocol.sync import Kind
    from desktop_oms.server import auth, feed
    from desktop_oms.server import schema as t
    from desktop_oms.server.db import Database
    from desktop_oms.server.intake import place_order
    from desktop_oms.server.migrate import prepare_database
    from desktop_oms.server.payments import TestPaymentProvider

    rng = random.Random(seed)
    db = Database(f"sqlite:///{db_path}")
    prepare_database(db)
    store_ids: list[int] = []
    with db.write() as conn:
        for n in range(stores):
            sid = conn.execute(
                sa.insert(t.stores)
                .values(
                    code=f"S{n + 1:03d}",
                    name=f"Store {n + 1}",
                    kind="store",
                    address=f"{n + 1} Market Street",
                    city="Utrecht",
                    postal_code="3511 AA",
                    country="NL",
                    latitude=52.0 + rng.random(),
                    longitude=4.5 + rng.random() * 1.5,
                    timezone="Europe/Amsterdam",
                    opening_hours={"mon": ["09:00", "18:00"]},
                )
                .returning(t.stores.c.id)
            ).scalar_one()
            store_ids.append(int(sid))
            feed.touch(conn, Kind.STORE, sid)
    own = store_ids[0]

    def products() -> Iterator[tuple[Any, ...]]:
        for n in range(skus):
            attrs = {"colour": rng.choice(_COLOURS), "size": rng.choice(_SIZES)}
            name = f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)} {n}"
            dept = rng.choice(_DEPARTMENTS)
            yield (f"P{n:07d}", name, dept, 499 + n % 5000, "EUR", json.dumps(attrs), None, 1)

    def identifiers() -> Iterator[tuple[Any, ...]]:
        for n in range(skus):
            yield (make_gtin13(f"87{n:010d}"), "GTIN-13", f"P{n:07d}")

    def inventory() -> Iterator[tuple[Any, ...]]:
        for store_id in store_ids:
            for n in range(skus):
                yield (store_id, f"P{n:07d}", 5 + n % 20, 0, n % 3, 1.0, 1)

    counts: dict[str, int] = {}
    with db.engine.connect() as conn:  # foreign keys off for the bulk load, like a restore
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        conn.begin()
        p_cols = ["sku", "name", "department", "price_minor", "currency", "attributes"]
        p_cols += ["image_ref", "version"]
        counts["products"] = _insert(conn, t.products, p_cols, products())
        counts["identifiers"] = _insert(
            conn, t.product_identifiers, ["value", "kind", "sku"], identifiers()
        )
        i_cols = ["store_id", "sku", "on_hand", "reserved", "safety_stock", "daily_sales"]
        counts["inventory"] = _insert(conn, t.inventory, [*i_cols, "version"], inventory())
        conn.commit()
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
    with db.write() as conn:
        manager = auth.create_staff(
            conn,
            store_id=own,
            username="bench-manager",
            display_name="Bench Manager",
            role=Role.MANAGER,
            pin="48151623",
        )
        for k in range(5):
            auth.create_staff(
                conn,
                store_id=own,
                username=f"bench-associate-{k}",
                display_name=f"Associate {k}",
                role=Role.ASSOCIATE,
                pin="48151623",
            )
        station = auth.enrol_station(conn, store_id=own, name="bench", enrolled_by=manager)
    payments = TestPaymentProvider()
    for k in range(ORDERS):
        body = OrderIn.model_validate(
            {
                "channel": "web",
                "external_ref": uuid.uuid4().hex,
                "customer": {
                    "external_id": f"c{k}@example.com",
                    "name": f"Customer {k}",
                    "email": f"c{k}@example.com",
                    "phone": "+31 6 1234 5678",
                },
                "delivery": "pickup",
                "pickup_store_code": "S001",
                "billing_address": {
                    "name": f"Customer {k}",
                    "line1": "Dam 1",
                    "city": "Amsterdam",
                    "postal_code": "1012 JS",
                    "country": "NL",
                },
                "lines": [
                    {"sku": f"P{rng.randrange(skus):07d}", "quantity": 1, "unit_price_minor": 999}
                    for _ in range(1 + k % 3)
                ],
                "payment": {"card_number": "4242424242424242", "holder": "Customer"},
            }
        )
        with db.write() as conn:
            place_order(conn, payments, body)
    db.dispose()
    counts["orders"] = ORDERS
    return {
        "store_ids": store_ids,
        "station_id": station.station_id,
        "client_id": station.client_id,
        "token": station.station_token,
        "counts": counts,
    }


def make_delta(
    db_path: Path, scope_stores: list[int], skus: int, n: int, seed: int
) -> dict[str, Any]:
    """``n`` changes on the server, published to the feed: 80% stock levels, 20% prices."""
    from desktop_oms.protocol.sync import Kind
    from desktop_oms.server import feed
    from desktop_oms.server import schema as t
    from desktop_oms.server.db import Database

    db = Database(f"sqlite:///{db_path}")
    rng = random.Random(seed)
    n_products = n // 5
    n_stock = n - n_products
    prices = sorted(rng.sample(range(skus), min(n_products, skus)))
    pairs = sorted({(rng.choice(scope_stores), rng.randrange(skus)) for _ in range(n_stock * 2)})[
        :n_stock
    ]
    with db.write() as conn:
        inv, prod = t.inventory.c, t.products.c
        conn.execute(
            sa.update(t.products)
            .where(prod.sku == sa.bindparam("k"))
            .values(price_minor=prod.price_minor + 100, version=prod.version + 1),
            [{"k": f"P{i:07d}"} for i in prices],
        )
        conn.execute(
            sa.update(t.inventory)
            .where(inv.store_id == sa.bindparam("s"), inv.sku == sa.bindparam("k"))
            .values(on_hand=inv.on_hand + 1, version=inv.version + 1),
            [{"s": s, "k": f"P{i:07d}"} for s, i in pairs],
        )
        feed.touch_many(conn, Kind.PRODUCT, [f"P{i:07d}" for i in prices])
        feed.touch_many(conn, Kind.INVENTORY, [f"{s}:P{i:07d}" for s, i in pairs])
    db.dispose()
    return {"products": [f"P{i:07d}" for i in prices], "inventory": pairs}


# --- the server process ----------------------------------------------------------------


def serve(db_path: Path, port_file: Path, feed_page_limit: int) -> None:
    """Run the server on a free loopback port; write the port to ``port_file`` when up."""
    import uvicorn

    from desktop_oms.server.app import create_app
    from desktop_oms.server.config import ServerConfig

    app = create_app(
        ServerConfig(
            database_url=f"sqlite:///{db_path}",
            run_jobs=False,
            feed_page_limit=feed_page_limit,
        )
    )
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", access_log=False, ws="none")
    server = uvicorn.Server(config)

    async def announce() -> None:
        import asyncio

        while not server.started:
            await asyncio.sleep(0.05)
        port_file.write_text(str(port))

    import asyncio

    async def main() -> None:
        await asyncio.gather(server.serve(sockets=[sock]), announce())

    asyncio.run(main())


# --- the station process ---------------------------------------------------------------


def station(cache_path: Path, url: str, identity: dict[str, Any], profile: str | None) -> None:
    """Initial sync, then (on "go" from stdin) the delta; figures as JSON lines on stdout."""
    from desktop_oms.cache.snapshot import SnapshotWriter
    from desktop_oms.sync.client import ServerClient
    from desktop_oms.sync.engine import SyncEngine

    timers = {"write": 0.0, "finish": 0.0, "net": 0.0}
    counters = {"pages": 0, "rows": 0}
    write_page, finish = SnapshotWriter.write_page, SnapshotWriter.finish

    def timed_write(self: SnapshotWriter, *args: Any, **kwargs: Any) -> int:
        start = time.perf_counter()
        n = write_page(self, *args, **kwargs)
        timers["write"] += time.perf_counter() - start
        counters["pages"] += 1
        counters["rows"] += n
        return n

    def timed_finish(self: SnapshotWriter) -> None:
        start = time.perf_counter()
        finish(self)
        timers["finish"] += time.perf_counter() - start

    SnapshotWriter.write_page = timed_write  # type: ignore[method-assign]
    SnapshotWriter.finish = timed_finish  # type: ignore[method-assign]

    cache = CacheDB(cache_path)
    with cache.write() as conn:
        state.put_many(
            conn,
            {
                Key.SERVER_URL: url,
                Key.STATION_ID: identity["station_id"],
                Key.STORE_ID: identity["store_ids"][0],
                Key.CLIENT_ID: identity["client_id"],
            },
        )
    client = ServerClient(url, identity["token"], timeout=120)
    request = client.session.request

    def timed_request(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return request(*args, **kwargs)
        finally:
            timers["net"] += time.perf_counter() - start

    client.session.request = timed_request  # type: ignore[method-assign]
    from desktop_oms.sync import engine as engine_module

    timers["feed"] = timers["apply"] = 0.0
    feed_raw, apply = client.feed_raw, vars(engine_module)["apply_changes"]

    def timed_feed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return feed_raw(*args, **kwargs)
        finally:
            timers["feed"] += time.perf_counter() - start

    def timed_apply(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return apply(*args, **kwargs)
        finally:
            timers["apply"] += time.perf_counter() - start

    client.feed_raw = timed_feed  # type: ignore[method-assign]
    setattr(engine_module, "apply_changes", timed_apply)  # noqa: B010 - timing it
    engine = SyncEngine(cache, client)

    profiler: Any = None
    if profile == "snapshot":
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
    start = time.perf_counter()
    engine.initial_sync()
    engine.catch_up()
    total = time.perf_counter() - start
    if profiler is not None:
        profiler.stop()
        Path(os.environ["BENCH_PROFILE_OUT"]).write_text(profiler.output_text(color=False))
        profiler = None
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    checkpoint = sqlite3.connect(cache_path)  # the snapshot's WAL out of the way, untimed
    checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    checkpoint.close()
    print(
        json.dumps(
            {
                "phase": "snapshot",
                "total_s": total,
                "write_s": timers["write"],
                "finish_s": timers["finish"],
                "net_s": timers["net"],
                "pages": counters["pages"],
                "rows": counters["rows"],
                "rss": rss,
            }
        ),
        flush=True,
    )
    while sys.stdin.readline().strip() == "go":
        timers["net"] = timers["feed"] = timers["apply"] = 0.0
        if profile == "delta" and profiler is None:
            from pyinstrument import Profiler

            profiler = Profiler()
            profiler.start()
        gc.collect()
        start = time.perf_counter()
        changes = engine.catch_up()
        total = time.perf_counter() - start
        if profiler is not None and profile == "delta":
            profiler.stop()
            Path(os.environ["BENCH_PROFILE_OUT"]).write_text(profiler.output_text(color=False))
            profile = None  # the first round only
        print(
            json.dumps(
                {
                    "phase": "delta",
                    "total_s": total,
                    "net_s": timers["net"],
                    "decode_s": timers["feed"] - timers["net"],
                    "apply_s": timers["apply"],
                    "changes": changes,
                    "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                }
            ),
            flush=True,
        )
    client.close()
    cache.close()


# --- references --------------------------------------------------------------------------


def _raw_connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA cache_size=-32768")
    return conn


def raw_snapshot_write(station_cache: Path, target: Path) -> tuple[float, int]:
    """Raw executemany of the station's rows, page by page, into the same shadow tables."""
    CacheDB(target).close()  # the same migrated schema
    dst = _raw_connect(target)
    src = sqlite3.connect(f"file:{station_cache}?mode=ro", uri=True)
    for table in CONFIRMED.values():
        dst.execute(f"DROP TABLE IF EXISTS {shadow_name(table)}")
        dst.execute(shadow_ddl(table))
    spent = 0.0
    total = 0
    for table in CONFIRMED.values():
        names = columns_of(table)
        insert = (
            f"INSERT INTO {shadow_name(table)} ({', '.join(names)}) "
            f"VALUES ({', '.join('?' * len(names))})"
        )
        keys = ", ".join(c.name for c in table.primary_key.columns)
        cur = src.execute(f"SELECT {', '.join(names)} FROM {table.name} ORDER BY {keys}")
        while page := cur.fetchmany(SNAPSHOT_PAGE):
            gc.collect()
            start = time.perf_counter()
            dst.execute("BEGIN")
            dst.executemany(insert, page)
            dst.execute("COMMIT")
            spent += time.perf_counter() - start
            total += len(page)
    src.close()
    dst.close()
    return spent, total


def raw_delta(server_db: Path, target: Path, changed: dict[str, Any]) -> tuple[float, int]:
    """Raw sorted upsert of the delta's rows (built from the server's documents first)."""
    from desktop_oms.protocol.sync import Kind
    from desktop_oms.server.db import Database
    from desktop_oms.server.documents import build_documents

    db = Database(f"sqlite:///{server_db}")
    built: dict[str, list[tuple[Any, ...]]] = {"product": [], "inventory": []}
    with db.read() as conn:
        for kind, keys in (
            (Kind.PRODUCT, changed["products"]),
            (Kind.INVENTORY, [f"{s}:P{i:07d}" for s, i in changed["inventory"]]),
        ):
            for doc in build_documents(conn, kind, keys):
                data = json.loads(json.dumps(doc.data, default=str))
                built[kind.value].append(tuple(cache_rows.DOC_ROW[kind.value](data)))
    db.dispose()
    built["product"].sort(key=lambda r: r[:1])
    built["inventory"].sort(key=lambda r: r[:2])
    raw = _raw_connect(target)
    gc.collect()
    start = time.perf_counter()
    raw.execute("BEGIN")
    for name, rows in built.items():
        raw.executemany(upsert_sql(CONFIRMED[name], versioned=True), rows)
    raw.execute("COMMIT")
    spent = time.perf_counter() - start
    raw.close()
    return spent, sum(len(r) for r in built.values())


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of an SQLite file through the backup API."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


# --- the run -----------------------------------------------------------------------------


def _machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} CPUs ({cpu}), {mem:.1f} GiB RAM, SQLite {sqlite3.sqlite_version}"


def _wait_port(port_file: Path, proc: subprocess.Popen[bytes], timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if port_file.exists() and port_file.read_text().strip():
            return int(port_file.read_text())
        if proc.poll() is not None:
            raise RuntimeError("the server process exited")
        time.sleep(0.05)
    raise RuntimeError("the server did not start")


def run(args: argparse.Namespace) -> int:
    """Generate, serve, sync, measure, print the table."""
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="sync-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    server_db = work / "server.sqlite3"
    for p in work.glob("*.sqlite3*"):
        p.unlink()
    print(f"machine: {_machine()}")
    print(f"chain: {args.skus} SKUs x {args.stores} stores; work dir {work}")
    start = time.perf_counter()
    identity = generate(server_db, args.skus, args.stores)
    print(f"generated in {time.perf_counter() - start:.1f} s: {identity['counts']}", flush=True)

    port_file = work / "port"
    port_file.unlink(missing_ok=True)
    me = [sys.executable, str(Path(__file__).resolve())]
    server = subprocess.Popen(
        [*me, "--serve", str(server_db), str(port_file), "--feed-page", str(args.feed_page)]
    )
    station_proc: subprocess.Popen[str] | None = None
    try:
        url = f"http://127.0.0.1:{_wait_port(port_file, server, 60)}"
        cache_path = work / "station.sqlite3"
        env = {**os.environ, "BENCH_IDENTITY": json.dumps(identity)}
        if args.profile:
            env["BENCH_PROFILE_OUT"] = str(work / f"profile-{args.profile}.txt")
        cmd = [*me, "--station", str(cache_path), url]
        if args.profile:
            cmd += ["--profile", args.profile]
        if args.cache_kib:
            cmd += ["--cache-kib", str(args.cache_kib)]
        station_proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
        )
        assert station_proc.stdout is not None and station_proc.stdin is not None
        snap = json.loads(station_proc.stdout.readline())
        print(f"initial sync done in {snap['total_s']:.1f} s", flush=True)

        cache = CacheDB(cache_path)
        with cache.read() as conn:
            scope = [int(state.get(conn, Key.STORE_ID))]
            scope += [int(s) for s in state.get(conn, Key.NEARBY_STORE_IDS, [])]
        cache.close()
        rounds: list[tuple[Path, dict[str, Any], dict[str, Any]]] = []
        for r in range(args.rounds):
            ref_db = work / f"reference-delta-{r}.sqlite3"
            copy_sqlite(cache_path, ref_db)  # the state the station applies this round to
            changed = make_delta(server_db, scope, args.skus, DELTA_CHANGES, seed=11 + r)
            station_proc.stdin.write("go\n")
            station_proc.stdin.flush()
            rounds.append((ref_db, changed, json.loads(station_proc.stdout.readline())))
        station_proc.stdin.close()
        station_proc.wait(120)
        station_proc.stdout.close()
    finally:
        if station_proc is not None and station_proc.poll() is None:
            station_proc.kill()
        server.terminate()
        server.wait(30)

    raw_write_s, raw_rows = raw_snapshot_write(cache_path, work / "reference-write.sqlite3")
    measured = []  # (station s, raw s, ratio, changes, raw rows) per round
    for ref_db, changed, delta in rounds:
        raw_s, raw_n = raw_delta(server_db, ref_db, changed)
        mine = delta["total_s"] - delta["net_s"]
        measured.append((mine, raw_s, mine / raw_s, delta["changes"], raw_n))
        ref_db.unlink()
    spread = ", ".join(f"{m[2]:.2f}x" for m in measured)
    for n, (_ref, _changed, d) in enumerate(rounds):
        print(
            f"delta round {n + 1}: decode {d['decode_s'] * 1000:.0f} ms, apply "
            f"{d['apply_s'] * 1000:.0f} ms, commit and the rest "
            f"{(d['total_s'] - d['net_s'] - d['decode_s'] - d['apply_s']) * 1000:.0f} ms, "
            f"raw upsert {measured[n][1] * 1000:.0f} ms"
        )
    mid = sorted(measured, key=lambda m: m[2])[len(measured) // 2]

    write_ratio = raw_write_s / snap["write_s"]
    rss_mib = max(snap["rss"], *(d["rss"] for _r, _c, d in rounds)) / MIB
    rows = snap["rows"]
    print()
    print("| figure | station | reference (same run) | ratio | target | |")
    print("|---|---|---|---|---|---|")
    print(
        f"| initial sync, write phase ({rows:,} rows, {snap['pages']} pages) | "
        f"{snap['write_s']:.2f} s ({rows / snap['write_s']:,.0f} rows/s) | "
        f"raw executemany {raw_write_s:.2f} s ({raw_rows / raw_write_s:,.0f} rows/s) | "
        f"{write_ratio:.2f}x | >= 0.5x | {'met' if write_ratio >= 0.5 else 'MISSED'} |"
    )
    print(
        f"| 10k-change delta: decode + apply + commit ({mid[3]:,} changes; median of "
        f"{len(measured)} rounds, in order: {spread}) | {mid[0]:.3f} s | raw sorted upsert "
        f"{mid[1]:.3f} s ({mid[4]:,} rows) | {mid[2]:.2f}x | <= 3x | "
        f"{'met' if mid[2] <= 3 else 'MISSED'} |"
    )
    print(
        f"| initial sync, peak RSS of the station | {rss_mib:.0f} MiB | — | — | <= 400 MiB | "
        f"{'met' if rss_mib <= 400 else 'MISSED'} |"
    )
    print(
        f"| initial sync end to end (snapshot + catch-up) | {snap['total_s']:.1f} s | "
        f"of which HTTP (server + transfer) {snap['net_s']:.1f} s, switch-in "
        f"{snap['finish_s']:.1f} s | — | — | |"
    )
    last = rounds[-1][2]
    print(
        f"| 10k-change delta end to end (last round) | {last['total_s']:.2f} s | of which "
        f"HTTP {last['net_s']:.2f} s | — | — | |"
    )
    if args.json:
        from figures import Figure, emit

        emit(
            [
                Figure(
                    "initial sync, write phase",
                    snap["write_s"],
                    "s",
                    raw_write_s,
                    "raw executemany",
                    write_ratio,
                    target=">= 0.5x",
                    met=write_ratio >= 0.5,
                    note=f"{rows:,} rows: {rows / snap['write_s']:,.0f} vs "
                    f"{raw_rows / raw_write_s:,.0f} rows/s",
                ),
                Figure(
                    "initial sync end to end (snapshot + catch-up)",
                    snap["total_s"],
                    "s",
                    note=f"HTTP {snap['net_s']:.1f} s, switch-in {snap['finish_s']:.1f} s",
                ),
                Figure(
                    "initial sync, peak RSS of the station",
                    rss_mib,
                    "MiB",
                    target="<= 400 MiB",
                    met=rss_mib <= 400,
                ),
                Figure(
                    "10k-change delta: decode + apply + commit",
                    mid[0] * 1000,
                    "ms",
                    mid[1] * 1000,
                    "raw sorted upsert",
                    mid[2],
                    target="<= 3x",
                    met=mid[2] <= 3,
                    note=f"median of {len(measured)} rounds: {spread}",
                ),
                Figure(
                    "10k-change delta end to end (last round)",
                    last["total_s"] * 1000,
                    "ms",
                    note=f"HTTP {last['net_s'] * 1000:.0f} ms",
                ),
            ]
        )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def main() -> int:
    """Parse the command line and run one of the three roles."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--skus", type=int, default=20_000)
    parser.add_argument("--stores", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3, help="10k-change deltas to time")
    parser.add_argument(
        "--feed-page", type=int, default=2000, help="the server's feed page limit (default 2000)"
    )
    parser.add_argument("--keep", help="work in this directory and keep its files")
    parser.add_argument(
        "--json", action="store_true", help="also print the figures for bench/run.py"
    )
    parser.add_argument("--profile", choices=["snapshot", "delta"], help="pyinstrument a phase")
    parser.add_argument(
        "--cache-kib", type=int, help="the station's SQLite page cache per connection (diagnosis)"
    )
    parser.add_argument("--serve", nargs=2, metavar=("DB", "PORT_FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--station", nargs=2, metavar=("CACHE", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(Path(args.serve[0]), Path(args.serve[1]), args.feed_page)
        return 0
    if args.station:
        if args.cache_kib:
            from desktop_oms.cache import db as cache_db

            cache_db.CACHE_KIB = args.cache_kib
        identity = json.loads(os.environ["BENCH_IDENTITY"])
        station(Path(args.station[0]), args.station[1], identity, args.profile)
        return 0
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
