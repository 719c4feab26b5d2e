"""Server benchmark: order intake, change-feed reads and write-to-station latency, per backend.

Run from the repository root::

    .venv/bin/python bench/server_bench.py                     # small: ~75 s, both backends
    .venv/bin/python bench/server_bench.py --scale large       # ~3.5 min
    .venv/bin/python bench/server_bench.py --backends sqlite --seconds 3

For each backend (SQLite file; PostgreSQL: a new database ``oms_bench_<pid>`` made through
``DESKTOP_OMS_TEST_PG_URL`` and dropped after) a chain is written straight into the server
database, with a backlog of stock changes published to the change feed. The server runs in
its own process (uvicorn on a free loopback port, jobs on, as shipped); every client is in
another process, so each figure stands beside a reference from the same run:

1. **Order intake**: a load process with several threads (one keep-alive HTTP connection
   each) posts pickup orders (``POST /api/v1/orders``, a channel key, an Idempotency-Key)
   for N seconds: orders/s and latency. Reference: the same load process against
   ``GET /health``, the HTTP floor of this server on this machine.
2. **Change feed**: a station-like reader pulls ``GET /api/v1/sync/feed`` pages (station
   token, gzip, JSON decoded) over the backlog: rows/s. Reference: the same rows read
   straight from the ``changes`` table with the driver (``sqlite3`` / ``psycopg``), the
   same scope filter and page size, in this process.
3. **Write to second station**: a station process runs the real ``SyncRunner`` (long-poll)
   on a fresh cache; this process places one pickup order for the station's store at a
   time, at random intervals; the station prints when the order's fulfillment is committed
   in its cache. Latency from sending the order to that commit (the long-poll is woken at
   the server's commit, so the station often has it before the answer is read), p50/p95.
   Reference: a bare
   HTTP round trip (``GET /health``), p95. Target (DESIGN: "within a second or two"):
   p95 <= 2 s.
"""

from __future__ import annotations

import argparse
import functools
import http.client
import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import sqlalchemy as sa  # noqa: E402
from figures import Figure, emit, table  # noqa: E402

PG_ENV = "DESKTOP_OMS_TEST_PG_URL"


@dataclass(frozen=True, slots=True)
class Scale:
    """How big a run is."""

    skus: int
    stores: int
    backlog: int
    seconds: float
    samples: int
    clients: int


SCALES = {
    "small": Scale(skus=20_000, stores=4, backlog=20_000, seconds=5, samples=50, clients=8),
    "large": Scale(skus=100_000, stores=10, backlog=200_000, seconds=10, samples=150, clients=8),
}


# --- the chain ---------------------------------------------------------------------------


def _chunks(items: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def generate(url: str, skus: int, stores: int, seed: int = 7) -> dict[str, Any]:
    """Fill a new server database with a chain; the keys and ids the clients need."""
    from desktop_oms.domain.entities import Channel
    from desktop_oms.domain.identifiers import make_gtin13
    from desktop_oms.domain.roles import Role
    from desktop_oms.protocol.sync import Kind
    from desktop_oms.server import auth, feed
    from desktop_oms.server import schema as t
    from desktop_oms.server.db import Database
    from desktop_oms.server.migrate import prepare_database
    from desktop_oms.server.scope import station_scope

    rng = random.Random(seed)
    db = Database(url)
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

    def products() -> Iterator[dict[str, Any]]:
        for n in range(skus):
            yield {
                "sku": f"P{n:07d}",
                "name": f"Item {n}",
                "department": ("Home", "Garden", "Kitchen", "Tools")[n % 4],
                "price_minor": 999,
                "currency": "EUR",
                "attributes": {"colour": ("black", "white", "red")[n % 3]},
                "image_ref": None,
                "version": 1,
            }

    def identifiers() -> Iterator[dict[str, Any]]:
        for n in range(skus):
            yield {"value": make_gtin13(f"87{n:010d}"), "kind": "GTIN-13", "sku": f"P{n:07d}"}

    def inventory() -> Iterator[dict[str, Any]]:
        for store_id in store_ids:
            for n in range(skus):
                yield {
                    "store_id": store_id,
                    "sku": f"P{n:07d}",
                    "on_hand": 50 + n % 20,
                    "reserved": 0,
                    "safety_stock": n % 3,
                    "daily_sales": 1.0,
                    "version": 1,
                }

    for table_, rows in (
        (t.products, products()),
        (t.product_identifiers, identifiers()),
        (t.inventory, inventory()),
    ):
        for chunk in _chunks(rows, 20_000):
            with db.write() as conn:
                conn.execute(sa.insert(table_), chunk)
    with db.write() as conn:
        manager = auth.create_staff(
            conn,
            store_id=own,
            username="bench-manager",
            display_name="Bench Manager",
            role=Role.MANAGER,
            pin="48151623",
        )
        station = auth.enrol_station(conn, store_id=own, name="bench", enrolled_by=manager)
        _channel_id, channel_key = auth.create_channel(conn, name="bench-web", channel=Channel.WEB)
        scope = station_scope(conn, own, 5)
    db.dispose()
    return {
        "store_ids": store_ids,
        "scope": [own, *scope.nearby_store_ids],
        "station_id": station.station_id,
        "client_id": station.client_id,
        "token": station.station_token,
        "channel_key": channel_key,
        "skus": skus,
    }


def write_backlog(url: str, scope: list[int], skus: int, n: int, seed: int = 11) -> tuple[str, int]:
    """``n`` stock-level changes in the station's scope, published to the feed in
    transactions of 10,000 (as a bulk stock import would); the cursor before them."""
    from desktop_oms.protocol.sync import Kind
    from desktop_oms.server import feed
    from desktop_oms.server import schema as t
    from desktop_oms.server.db import Database

    rng = random.Random(seed)
    db = Database(url)
    with db.read() as conn:
        start = f"{feed.epoch(conn)}:{feed.top_seq(conn)[0]}"
    inv = t.inventory.c
    update = (
        sa.update(t.inventory)
        .where(inv.store_id == sa.bindparam("s"), inv.sku == sa.bindparam("k"))
        .values(on_hand=inv.on_hand + 1, version=inv.version + 1)
    )
    done = 0
    while done < n:
        size = min(10_000, n - done)
        pairs: set[tuple[int, int]] = set()
        while len(pairs) < size:
            pairs.add((rng.choice(scope), rng.randrange(skus)))
        ordered = sorted(pairs)
        with db.write() as conn:
            conn.execute(update, [{"s": s, "k": f"P{i:07d}"} for s, i in ordered])
            feed.touch_many(conn, Kind.INVENTORY, [f"{s}:P{i:07d}" for s, i in ordered])
        done += size
    db.dispose()
    return start, done


def analyze_feed(url: str) -> None:
    """``ANALYZE changes`` on PostgreSQL, as autovacuum does within a minute or so of a burst.

    Until then the planner's statistics are those of the near-empty table: it expects few
    rows in a station's scope above a cursor and reads every one of them (bitmap scan and
    sort) for each page instead of walking the primary key (see bench/README.md).
    """
    if url.startswith("postgresql"):
        engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE changes")
        engine.dispose()


# --- the server process ----------------------------------------------------------------


def serve(url: str, port_file: Path) -> None:
    """Run the server (jobs on, as shipped) on a free loopback port; write the port when up."""
    import asyncio

    import uvicorn

    from desktop_oms.server.app import create_app
    from desktop_oms.server.config import ServerConfig

    app = create_app(ServerConfig(database_url=url))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, ws="none"))

    async def announce() -> None:
        while not server.started:
            await asyncio.sleep(0.05)
        port_file.write_text(str(port))

    async def main() -> None:
        await asyncio.gather(server.serve(sockets=[sock]), announce())

    asyncio.run(main())


def _wait_port(port_file: Path, proc: subprocess.Popen[bytes], timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if port_file.exists() and port_file.read_text().strip():
            return int(port_file.read_text())
        if proc.poll() is not None:
            raise RuntimeError("the server process exited before it answered")
        time.sleep(0.05)
    raise RuntimeError(f"the server did not start within {timeout:.0f} s")


# --- the load process ----------------------------------------------------------------------


def _order_body(sku: str, store: str) -> bytes:
    email = f"{uuid.uuid4().hex[:10]}@example.com"
    return json.dumps(
        {
            "channel": "web",
            "external_ref": uuid.uuid4().hex,
            "customer": {
                "external_id": email,
                "name": "Bench Customer",
                "email": email,
                "phone": "+31 6 5555 0101",
            },
            "delivery": "pickup",
            "pickup_store_code": store,
            "billing_address": {
                "name": "Bench Customer",
                "line1": "Dam 1",
                "city": "Amsterdam",
                "postal_code": "1012 JS",
                "country": "NL",
            },
            "lines": [{"sku": sku, "quantity": 1, "unit_price_minor": 999}],
            "payment": {"card_number": "4242424242424242", "holder": "Bench Customer"},
        }
    ).encode()


def load(spec: dict[str, Any]) -> dict[str, Any]:
    """Threads with one keep-alive connection each, hitting one endpoint until the time is
    up (after a one-second warm-up that is not counted); counts and latencies."""
    port, mode, seconds, clients = spec["port"], spec["mode"], spec["seconds"], spec["clients"]
    rng = random.Random(spec.get("seed", 3))
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    warm_end = time.monotonic() + 1.0
    end = warm_end + seconds

    def worker(seed: int) -> None:
        local = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine: list[float] = []
        codes: dict[int, int] = {}
        while True:
            if mode == "orders":
                body = _order_body(f"P{local.randrange(spec['skus']):07d}", spec["store"])
                headers = {
                    "Authorization": f"Bearer {spec['key']}",
                    "Idempotency-Key": uuid.uuid4().hex,
                    "Content-Type": "application/json",
                }
                start = time.monotonic()
                conn.request("POST", "/api/v1/orders", body=body, headers=headers)
            else:
                start = time.monotonic()
                conn.request("GET", "/health")
            answer = conn.getresponse()
            answer.read()
            now = time.monotonic()
            if now >= end:
                break
            if start >= warm_end:
                mine.append(now - start)
                codes[answer.status] = codes.get(answer.status, 0) + 1
        conn.close()
        with lock:
            latencies.extend(mine)
            for code, count in codes.items():
                statuses[code] = statuses.get(code, 0) + count

    threads = [threading.Thread(target=worker, args=(rng.random(),)) for _ in range(int(clients))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    latencies.sort()
    ok = statuses.get(201 if mode == "orders" else 200, 0)
    return {
        "ok": ok,
        "statuses": statuses,
        "rate": ok / seconds,
        "p50": _pct(latencies, 50),
        "p95": _pct(latencies, 95),
    }


def _pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of sorted values."""
    if not values:
        return float("nan")
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values) + 0.5) - 1))]


def run_load(port: int, spec: dict[str, Any]) -> dict[str, Any]:
    """One load run in a separate process."""
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--load"],
        input=json.dumps({"port": port, **spec}),
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


# --- the change feed ------------------------------------------------------------------------


def read_feed_http(url: str, token: str, cursor: str, rows: int) -> float:
    """Pull feed pages as a station does (gzip, JSON decoded) until ``rows`` are read; s."""
    import requests

    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    got = 0
    start = time.perf_counter()
    while got < rows:
        answer = session.get(f"{url}/api/v1/sync/feed", params={"cursor": cursor}, timeout=120)
        answer.raise_for_status()
        page = answer.json()
        got += len(page["changes"])
        cursor = page["cursor"]
        if not page["more"]:
            break
    spent = time.perf_counter() - start
    session.close()
    if got < rows:
        raise RuntimeError(f"the feed returned {got} rows, expected {rows}")
    return spent


def read_feed_raw(url: str, scope: list[int], cursor: str, rows: int, page: int) -> float:
    """The same rows straight from the ``changes`` table with the driver, page by page; s."""
    after = int(cursor.rsplit(":", 1)[1])
    own, nearby = scope[0], scope[1:]
    global_kinds = ("store", "product", "reason_code", "setting")
    if url.startswith("sqlite"):
        conn: Any = sqlite3.connect(sa.engine.make_url(url).database or "")
        mark = "?"
    else:
        import psycopg

        conn = psycopg.connect(
            sa.engine.make_url(url).set(drivername="postgresql").render_as_string(False)
        )
        mark = "%s"
    near = ", ".join([mark] * len(nearby)) or "NULL"
    kinds = ", ".join([mark] * len(global_kinds))
    sql = (
        f"SELECT seq, kind, key, op, data FROM changes WHERE seq > {mark} AND "
        f"(kind IN ({kinds}) OR store_id = {mark} OR store2_id = {mark} OR "
        f"(kind = 'inventory' AND store_id IN ({near}))) ORDER BY seq LIMIT {page}"
    )
    got = 0
    start = time.perf_counter()
    while got < rows:
        cur = conn.execute(sql, (after, *global_kinds, own, own, *nearby))
        batch = cur.fetchall()
        if not batch:
            break
        got += len(batch)
        after = batch[-1][0]
    spent = time.perf_counter() - start
    conn.close()
    if got < rows:
        raise RuntimeError(f"the raw read returned {got} rows, expected {rows}")
    return spent


# --- the station process ----------------------------------------------------------------


def station(cache_path: Path, url: str, identity: dict[str, Any]) -> None:
    """First sync, then the real ``SyncRunner``; prints each committed page's fulfillments."""
    from desktop_oms.cache import state
    from desktop_oms.cache.db import CacheDB
    from desktop_oms.cache.state import Key
    from desktop_oms.sync import engine as engine_module
    from desktop_oms.sync.client import ServerClient
    from desktop_oms.sync.engine import SyncEngine
    from desktop_oms.sync.runner import SyncRunner

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
    engine = SyncEngine(cache, ServerClient(url, identity["token"], timeout=120))
    start = time.perf_counter()
    engine.initial_sync()
    engine.catch_up()
    print(json.dumps({"ready": time.perf_counter() - start}), flush=True)

    seen: list[str] = []
    apply = vars(engine_module)["apply_changes"]
    pull_once = engine.pull_once

    def noting_apply(conn: Any, changes: list[dict[str, Any]]) -> Any:
        seen.extend(str(c["key"]) for c in changes if c["kind"] == "fulfillment")
        return apply(conn, changes)

    def noting_pull(wait: float = 0) -> Any:
        result = pull_once(wait)
        if seen:  # committed: pull_once returns after its write transaction
            print(json.dumps({"t": time.monotonic(), "keys": seen}), flush=True)
            seen.clear()
        return result

    setattr(engine_module, "apply_changes", noting_apply)  # noqa: B010 - observing it
    engine.pull_once = noting_pull  # type: ignore[method-assign]
    runner = SyncRunner(engine)
    runner.start()
    sys.stdin.read()  # until the parent closes it
    runner.stop()
    cache.close()


def write_to_station(
    url: str, identity: dict[str, Any], work: Path, samples: int
) -> tuple[list[float], float]:
    """Place orders one at a time; the latency from sending each to the station's commit."""
    import requests

    env = {**os.environ, "BENCH_IDENTITY": json.dumps(identity)}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--station", str(work / "cache"), url]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None and proc.stdin is not None
    ready = json.loads(proc.stdout.readline())["ready"]
    arrived: dict[str, float] = {}
    cond = threading.Condition()

    def reader() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            got = json.loads(line)
            with cond:
                for key in got["keys"]:
                    arrived.setdefault(key, got["t"])
                cond.notify_all()

    threading.Thread(target=reader, daemon=True).start()
    rng = random.Random(5)
    session = requests.Session()
    latencies: list[float] = []
    try:
        for _ in range(samples):
            time.sleep(rng.uniform(0.05, 0.4))
            sent = time.monotonic()
            answer = session.post(
                f"{url}/api/v1/orders",
                data=_order_body(f"P{rng.randrange(identity['skus']):07d}", "S001"),
                headers={
                    "Authorization": f"Bearer {identity['channel_key']}",
                    "Idempotency-Key": uuid.uuid4().hex,
                    "Content-Type": "application/json",
                },
                timeout=60,
            )
            if answer.status_code != 201:
                raise RuntimeError(f"order refused: {answer.status_code} {answer.text}")
            keys = [str(f["id"]) for f in answer.json()["fulfillments"]]
            with cond:
                if not cond.wait_for(functools.partial(set(keys).issubset, arrived), 30):
                    raise RuntimeError(f"the station never showed fulfillments {keys}")
                latencies.append(max(arrived[k] for k in keys) - sent)
    finally:
        session.close()
        proc.stdin.close()
        proc.wait(60)
    return latencies, ready


def round_trips(url: str, n: int = 300) -> list[float]:
    """Bare HTTP round trips (``GET /health``) on one keep-alive session, sorted."""
    import requests

    session = requests.Session()
    times = []
    for _ in range(n):
        start = time.monotonic()
        session.get(f"{url}/health", timeout=30).raise_for_status()
        times.append(time.monotonic() - start)
    session.close()
    return sorted(times)


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


class PgDatabase:
    """A fresh PostgreSQL database for one run, dropped afterwards."""

    def __init__(self, admin_url: str) -> None:
        self.admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self.name = f"oms_bench_{os.getpid()}"
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {self.name}")
            conn.exec_driver_sql(f"CREATE DATABASE {self.name}")
            self.version = str(conn.exec_driver_sql("SHOW server_version").scalar())
        self.url = sa.engine.make_url(admin_url).set(database=self.name).render_as_string(False)

    def drop(self) -> None:
        """Drop the database (its connections closed first)."""
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
        self.admin.dispose()


def bench_backend(
    backend: str, url: str, scale: Scale, work: Path, seconds: float, analyze: bool
) -> list[Figure]:
    """All three figures on one backend."""
    start = time.perf_counter()
    identity = generate(url, scale.skus, scale.stores)
    inventory_rows = scale.skus * scale.stores
    print(
        f"[{backend}] chain: {scale.skus:,} SKUs x {scale.stores} stores "
        f"({inventory_rows:,} stock rows) in {time.perf_counter() - start:.1f} s",
        flush=True,
    )
    start = time.perf_counter()
    cursor, backlog = write_backlog(url, identity["scope"], scale.skus, scale.backlog)
    if analyze:
        analyze_feed(url)
    print(
        f"[{backend}] backlog: {backlog:,} stock changes published in "
        f"{time.perf_counter() - start:.1f} s",
        flush=True,
    )
    port_file = work / f"port-{backend}"
    server = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--serve", url, str(port_file)]
    )
    figures: list[Figure] = []
    try:
        port = _wait_port(port_file, server, 120)
        base = f"http://127.0.0.1:{port}"
        # 2. change feed first, so the backlog is exactly what the feed holds after it
        http_s = min(read_feed_http(base, identity["token"], cursor, backlog) for _ in range(2))
        raw_s = min(read_feed_raw(url, identity["scope"], cursor, backlog, 2000) for _ in range(2))
        print(
            f"[{backend}] feed: HTTP {backlog / http_s:,.0f} rows/s, raw {backlog / raw_s:,.0f}",
            flush=True,
        )
        # 1. intake against the HTTP floor
        common = {"seconds": seconds, "clients": scale.clients}
        floor = run_load(port, {"mode": "health", **common})
        intake = run_load(
            port,
            {
                "mode": "orders",
                "key": identity["channel_key"],
                "skus": scale.skus,
                "store": "S001",
                **common,
            },
        )
        if not intake["ok"] or not floor["ok"]:
            raise RuntimeError(f"no answer counted: intake {intake}, health {floor}")
        print(
            f"[{backend}] intake {intake['rate']:.0f} orders/s (statuses {intake['statuses']}), "
            f"health {floor['rate']:.0f} req/s",
            flush=True,
        )
        # 3. a write on the server until a second station shows it
        latencies, ready = write_to_station(base, identity, work / backend, scale.samples)
        trips = round_trips(base)
        print(f"[{backend}] station first sync {ready:.1f} s", flush=True)
    finally:
        server.terminate()
        server.wait(60)
    latencies.sort()
    errors = sum(n for code, n in intake["statuses"].items() if int(code) != 201)
    p95_ms, trip_ms = _pct(latencies, 95) * 1000, _pct(trips, 95) * 1000
    figures += [
        Figure(
            name=f"order intake, {backend}",
            value=intake["rate"],
            unit="req/s",
            reference=floor["rate"],
            reference_name="GET /health",
            ratio=intake["rate"] / floor["rate"],
            note=f"{scale.clients} clients, {seconds:g} s: {intake['ok']:,} orders, "
            f"{errors} refused",
        ),
        Figure(
            name=f"order intake latency p95, {backend}",
            value=intake["p95"] * 1000,
            unit="ms",
            reference=floor["p95"] * 1000,
            reference_name="GET /health p95",
            ratio=intake["p95"] / floor["p95"],
            note=f"p50 {intake['p50'] * 1000:.0f} ms",
        ),
        Figure(
            name=f"change feed read, {backend}",
            value=backlog / http_s,
            unit="rows/s",
            reference=backlog / raw_s,
            reference_name="raw driver read",
            ratio=raw_s / http_s,
            note=f"{backlog:,} rows, pages of 2,000"
            + ("" if analyze or backend == "sqlite" else "; statistics stale"),
        ),
        Figure(
            name=f"server write to second station p95, {backend}",
            value=p95_ms,
            unit="ms",
            reference=trip_ms,
            reference_name="bare HTTP round trip p95",
            ratio=p95_ms / trip_ms,
            target="<= 2 s",
            met=p95_ms <= 2000,
            note=f"{len(latencies)} orders; p50 {_pct(latencies, 50) * 1000:.0f} ms",
        ),
    ]
    return figures


def run(args: argparse.Namespace) -> int:
    """Every backend asked for; one table."""
    scale = SCALES[args.scale]
    seconds = args.seconds or scale.seconds
    if args.backends is None and not os.environ.get(PG_ENV):
        print(f"{PG_ENV} is not set: PostgreSQL is skipped (pass --backends to insist)")
        args.backends = "sqlite"
    backends = [b.strip() for b in (args.backends or "sqlite,postgresql").split(",") if b.strip()]
    unknown = set(backends) - {"sqlite", "postgresql"}
    if unknown:
        raise SystemExit(f"unknown backend(s) {sorted(unknown)}: use sqlite and/or postgresql")
    if "postgresql" in backends and not os.environ.get(PG_ENV):
        raise SystemExit(
            f"set {PG_ENV} (e.g. postgresql+psycopg://oms:oms@127.0.0.1:5432/postgres) "
            "or pass --backends sqlite"
        )
    print(f"machine: {_machine()}; load average {os.getloadavg()[0]:.1f}")
    started = time.perf_counter()
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="server-bench-") as tmp:
        work = Path(tmp)
        for backend in backends:
            (work / backend).mkdir()
            if backend == "sqlite":
                url = f"sqlite:///{work / backend / 'server.sqlite3'}"
                figures += bench_backend(backend, url, scale, work, seconds, args.analyze)
                continue
            pg = PgDatabase(os.environ[PG_ENV])
            print(f"[postgresql] PostgreSQL {pg.version}, database {pg.name}", flush=True)
            try:
                figures += bench_backend(backend, pg.url, scale, work, seconds, args.analyze)
            finally:
                pg.drop()
    print(f"\ntotal {time.perf_counter() - started:.0f} s; load average {os.getloadavg()[0]:.1f}\n")
    print(table(figures))
    if args.json:
        emit(figures)
    return 0


def main() -> int:
    """Parse the command line and run one of the roles."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    parser.add_argument(
        "--backends",
        help=f"comma-separated (default sqlite,postgresql; sqlite alone when {PG_ENV} is not set)",
    )
    parser.add_argument("--seconds", type=float, help="per load measurement (default by scale)")
    parser.add_argument("--json", action="store_true", help="also print the BENCH-FIGURES line")
    parser.add_argument(
        "--no-analyze",
        dest="analyze",
        action="store_false",
        help="PostgreSQL: read the feed backlog before its statistics are refreshed",
    )
    parser.add_argument("--serve", nargs=2, metavar=("URL", "PORT_FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--station", nargs=2, metavar=("CACHE", "URL"), help=argparse.SUPPRESS)
    parser.add_argument("--load", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve[0], Path(args.serve[1]))
        return 0
    if args.station:
        station(Path(args.station[0]), args.station[1], json.loads(os.environ["BENCH_IDENTITY"]))
        return 0
    if args.load:
        print(json.dumps(load(json.loads(sys.stdin.read()))), flush=True)
        return 0
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
