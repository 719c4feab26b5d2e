"""Live fixtures of the sync tests: a real server on loopback and real station caches.

:class:`LiveServer` runs the FastAPI app under uvicorn in a thread on a free
``127.0.0.1`` port (it can be stopped and started again on the same port, the database
file swapped in between). :func:`build_world` makes an app on a fresh SQLite file, fills
it with :func:`tests.server.chain.build_chain` plus a catalogue big enough to page, a third
store beyond the stations' scope, a setting and orders, and starts the server.
:class:`Station` is one station: a cache file with its enrolment, a client and an engine.
:func:`server_rows` builds, from the server's own documents, what a station's cache tables
must hold; :func:`cache_rows` reads what they do hold.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from desktop_oms.cache import outbox, rows, state
from desktop_oms.cache.db import CacheDB, driver_cursor
from desktop_oms.cache.schema import CONFIRMED
from desktop_oms.cache.state import Key
from desktop_oms.domain.identifiers import make_gtin13
from desktop_oms.domain.roles import Role
from desktop_oms.protocol.sync import FulfillmentDoc, Kind
from desktop_oms.server import feed
from desktop_oms.server import schema as t
from desktop_oms.server.app import create_app
from desktop_oms.server.config import ServerConfig
from desktop_oms.server.documents import build_documents
from desktop_oms.server.scope import station_scope
from desktop_oms.server.services import Services
from desktop_oms.sync.client import ServerClient
from desktop_oms.sync.engine import SyncEngine
from desktop_oms.sync.progress import ProgressCallback, ignore
from tests.server.chain import Chain, build_chain
from tests.server.factories import make_staff, make_station, make_store

#: Extra catalogue on top of build_chain's three SKUs, so that snapshots take many pages.
EXTRA_SKUS = 120
#: Stores whose stock a station mirrors besides its own (the third store stays outside).
NEARBY = 1


def wait_for(check: Callable[[], bool], timeout: float, interval: float = 0.02) -> bool:
    """Poll ``check`` until it is true or ``timeout`` seconds passed; whether it became true."""
    deadline = time.monotonic() + timeout
    while True:
        if check():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)


class LiveServer:
    """The app under uvicorn in a thread on ``127.0.0.1:<port>``; restartable on that port."""

    def __init__(self, app: FastAPI, port: int = 0) -> None:
        self.app = app
        self.port = port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The server's base URL."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        """Whether the server is serving."""
        return self._server is not None

    def start(self, timeout: float = 15.0) -> None:
        """Serve on the port (a free one the first time)."""
        # proto=IPPROTO_TCP: asyncio sets TCP_NODELAY on accepted sockets only then (else
        # every keep-alive answer waits ~40 ms for a delayed ACK).
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        self.port = int(sock.getsockname()[1])
        config = uvicorn.Config(
            self.app,
            log_config=None,
            log_level="warning",
            access_log=False,
            lifespan="on",
            ws="none",
            timeout_graceful_shutdown=1,
        )
        server = uvicorn.Server(config)

        def run() -> None:
            try:
                server.run(sockets=[sock])
            finally:
                sock.close()

        thread = threading.Thread(target=run, name=f"uvicorn-{self.port}", daemon=True)
        thread.start()
        if not wait_for(lambda: server.started or not thread.is_alive(), timeout):
            raise RuntimeError("the live server did not start")
        if not server.started:
            raise RuntimeError("the live server failed to start")
        self._server, self._thread = server, thread

    def stop(self, timeout: float = 15.0) -> None:
        """Stop serving (connections in flight end after a short grace)."""
        if self._server is None or self._thread is None:
            return
        self._server.should_exit = True
        self._thread.join(timeout)
        if self._thread.is_alive():
            raise RuntimeError("the live server did not stop")
        self._server = self._thread = None


def make_app(database_url: str, tmp: Path, **overrides: Any) -> FastAPI:
    """An app on ``database_url`` with jobs off and a fast long-poll re-check."""
    notices = tmp / "notices"
    notices.mkdir(exist_ok=True)
    settings: dict[str, Any] = {
        "database_url": database_url,
        "run_jobs": False,
        "longpoll_recheck_seconds": 0.1,
        "nearby_store_count": NEARBY,
        "notification_dir": notices,
    }
    settings.update(overrides)
    return create_app(ServerConfig(**settings))


@dataclass(frozen=True)
class Creds:
    """An enrolled station's identity and token."""

    station_id: int
    store_id: int
    token: str
    client_id: str


@dataclass
class World:
    """A live server with the test chain, and what the tests need to reach into it."""

    server: LiveServer
    app: FastAPI
    services: Services
    chain: Chain
    db_path: Path
    tmp: Path
    far_store: int
    test_client: TestClient
    stations: list[Station] = field(default_factory=list)

    @property
    def url(self) -> str:
        """The live server's URL."""
        return self.server.url

    def creds(self, side: str = "a") -> Creds:
        """The enrolled station of store ``a`` or ``b`` made by build_chain."""
        s = self.chain.a if side == "a" else self.chain.b
        with self.services.db.read() as conn:
            sid = conn.execute(
                sa.select(t.stations.c.id).where(t.stations.c.client_id == s.client_id)
            ).scalar_one()
        return Creds(int(sid), s.store_id, s.station_token, s.client_id)

    def second_station(self, side: str = "a") -> Creds:
        """Enrol another station of the same store."""
        s = self.chain.a if side == "a" else self.chain.b
        with self.services.db.write() as conn:
            out = make_station(conn, store_id=s.store_id, name="Counter 2", enrolled_by=s.manager)
        return Creds(out.station_id, out.store_id, out.station_token, out.client_id)

    def station(
        self, creds: Creds, name: str = "station", *, url: str | None = None, **kw: Any
    ) -> Station:
        """A station with a new cache file under the test's directory, closed at the end.

        ``url``: where it talks to (a fault proxy, say); the live server by default.
        """
        st = Station(self.tmp / f"{name}.sqlite3", url or self.url, creds, **kw)
        self.stations.append(st)
        return st

    def close(self) -> None:
        """Stop everything this world started."""
        for st in self.stations:
            st.close()
        self.server.stop()
        self.test_client.close()
        self.services.db.dispose()


def _extra_catalogue(services: Services, chain: Chain) -> int:
    """Products with GTINs stocked at both stores, a far store with stock, a setting."""
    with services.db.write() as conn:
        far = make_store(conn, code="BER1", lat=52.52, lon=13.405)
        make_staff(conn, store_id=far, role=Role.MANAGER)
        products, idents, stock = [], [], []
        for n in range(EXTRA_SKUS):
            sku = f"X-{n:04d}"
            products.append(
                {
                    "sku": sku,
                    "name": f"Thing {n} in colour {n % 7}",
                    "department": ("Home", "Garden", "Toys")[n % 3],
                    "price_minor": 100 + n,
                    "currency": "EUR",
                    "attributes": {"colour": f"c{n % 7}"},
                    "image_ref": None,
                }
            )
            idents.append({"value": make_gtin13(f"871234{n:06d}"), "kind": "GTIN-13", "sku": sku})
            for store_id in (chain.a.store_id, chain.b.store_id, far):
                stock.append(
                    {
                        "store_id": store_id,
                        "sku": sku,
                        "on_hand": n % 9,
                        "reserved": 0,
                        "safety_stock": 0,
                        "daily_sales": 1.0,
                    }
                )
        conn.execute(sa.insert(t.products), products)
        conn.execute(sa.insert(t.product_identifiers), idents)
        conn.execute(sa.insert(t.inventory), stock)
        for sku in ("SKU-1", "SKU-2", "SKU-3"):
            conn.execute(
                sa.insert(t.inventory).values(
                    store_id=far, sku=sku, on_hand=3, reserved=0, safety_stock=0
                )
            )
        conn.execute(sa.insert(t.settings).values(key="pickup_hold_days", value=7))
        feed.touch(conn, Kind.SETTING, "pickup_hold_days")
    return far


def build_world(tmp: Path, **config: Any) -> World:
    """A live server on a fresh SQLite file with the chain, a catalogue and some orders."""
    db_path = tmp / "oms.sqlite3"
    app = make_app(f"sqlite:///{db_path}", tmp, **config)
    services = app.state.services
    assert isinstance(services, Services)
    test_client = TestClient(app)
    chain = build_chain(test_client, services)
    far = _extra_catalogue(services, chain)
    chain.order(store="a", email="alice@example.com")
    chain.order(store="a", lines={"SKU-3": 1}, email="amir@example.com")
    chain.order(store="b", email="bob@example.com")
    server = LiveServer(app)
    server.start()
    return World(server, app, services, chain, db_path, tmp, far, test_client)


# --- stations ------------------------------------------------------------------------------


class Station:
    """One station: its cache file (enrolled as ``creds``), a client and an engine."""

    def __init__(
        self,
        path: Path,
        url: str,
        creds: Creds,
        *,
        page_limit: int | None = None,
        progress: ProgressCallback = ignore,
        timeout: float = 10.0,
    ) -> None:
        self.path = path
        self.creds = creds
        self.cache = CacheDB(path)
        enrol_cache(self.cache, url, creds)
        self.client = ServerClient(url, creds.token, timeout=timeout)
        self.engine = SyncEngine(self.cache, self.client, progress=progress, page_limit=page_limit)

    def close(self) -> None:
        """Close the client and the cache."""
        self.client.close()
        self.cache.close()

    def fulfillment(self, fid: int) -> tuple[str, int, bool] | None:
        """Status, version and pending flag of a fulfillment as the views show it."""
        with self.cache.read() as conn:
            row = (
                driver_cursor(conn)
                .execute("SELECT status, version, pending FROM v_fulfillments WHERE id = ?", (fid,))
                .fetchone()
            )
        return None if row is None else (str(row[0]), int(row[1]), bool(row[2]))

    def enqueue(self, name: str, fid: int, *, staff: int, **args: Any) -> outbox.OutboxEntry:
        """Queue a command on a fulfillment, based on the version the view shows."""
        found = self.fulfillment(fid)
        assert found is not None, f"fulfillment {fid} is not at this station"
        with self.cache.write() as conn:
            return outbox.enqueue(
                conn,
                name=name,
                target_kind="fulfillment",
                target_key=str(fid),
                base_version=found[1],
                staff_id=staff,
                approved_by=None,
                args=args,
                now=datetime.now(UTC),
            )

    def outbox(self) -> list[outbox.OutboxEntry]:
        """The commands waiting, in seq order."""
        with self.cache.read() as conn:
            return outbox.pending(conn, 1000)

    def state(self, key: Key) -> Any:
        """A value of ``sync_state``."""
        with self.cache.read() as conn:
            return state.get(conn, key)


def enrol_cache(cache: CacheDB, url: str, creds: Creds) -> None:
    """Write a station's enrolment into its cache, as ``desktop-oms-sync enrol`` does."""
    with cache.write() as conn:
        state.put_many(
            conn,
            {
                Key.SERVER_URL: url,
                Key.STATION_ID: creds.station_id,
                Key.STORE_ID: creds.store_id,
                Key.CLIENT_ID: creds.client_id,
            },
        )


# --- what the server has, what the cache holds -------------------------------------------

Tables = dict[str, set[tuple[Any, ...]]]


def _fulfillment_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A fulfillments row with its document text put in one canonical form."""
    doc = FulfillmentDoc.model_validate(json.loads(row[-1])).model_dump(mode="json")
    return (*row[:-1], json.dumps(doc, sort_keys=True))


def _wire(doc: dict[str, Any] | None) -> dict[str, Any]:
    """A document as the wire carries it (the snapshot route's JSON encoding)."""
    assert doc is not None
    decoded = json.loads(json.dumps(doc, default=str))
    assert isinstance(decoded, dict)
    return decoded


def server_rows(services: Services, store_id: int) -> Tables:
    """The rows a station of ``store_id`` must hold, built from the server's documents."""
    out: Tables = {table.name: set() for table in CONFIRMED.values()}
    with services.db.read() as conn:
        scope = station_scope(conn, store_id, services.config.nearby_store_count)
        stores = [store_id, *scope.nearby_store_ids]
        keys: dict[Kind, list[str]] = {
            Kind.SETTING: list(conn.execute(sa.select(t.settings.c.key)).scalars()),
            Kind.REASON_CODE: [
                f"{r.kind}:{r.code}" for r in conn.execute(sa.select(t.reason_codes))
            ],
            Kind.STORE: [str(i) for i in conn.execute(sa.select(t.stores.c.id)).scalars()],
            Kind.STAFF: [
                str(i)
                for i in conn.execute(
                    sa.select(t.staff.c.id).where(t.staff.c.store_id == store_id)
                ).scalars()
            ],
            Kind.PRODUCT: list(conn.execute(sa.select(t.products.c.sku)).scalars()),
            Kind.INVENTORY: [
                f"{r.store_id}:{r.sku}"
                for r in conn.execute(
                    sa.select(t.inventory.c.store_id, t.inventory.c.sku).where(
                        t.inventory.c.store_id.in_(stores)
                    )
                )
            ],
            Kind.FULFILLMENT: [
                str(i)
                for i in conn.execute(
                    sa.select(t.fulfillments.c.id).where(
                        sa.or_(
                            t.fulfillments.c.store_id == store_id,
                            t.fulfillments.c.destination_store_id == store_id,
                        )
                    )
                ).scalars()
            ],
        }
        for kind, wanted in keys.items():
            for doc in build_documents(conn, kind, wanted):
                if doc.op != "upsert":
                    continue
                data = _wire(doc.data)
                table = CONFIRMED[kind.value].name
                built = rows.DOC_ROW[kind.value](data)
                if kind is Kind.FULFILLMENT:
                    built = _fulfillment_row(built)
                out[table].add(tuple(built))
                if kind is Kind.PRODUCT:
                    out["identifiers"].update(rows.identifier_rows(data))
    return out


def cache_rows(cache: CacheDB) -> Tables:
    """The rows of a cache's confirmed tables."""
    out: Tables = {}
    with cache.read() as conn:
        cur = driver_cursor(conn)
        for table in CONFIRMED.values():
            found = cur.execute(f"SELECT * FROM {table.name}").fetchall()
            if table.name == "fulfillments":
                found = [_fulfillment_row(r) for r in found]
            out[table.name] = {tuple(r) for r in found}
    return out


def dump(cache: CacheDB) -> dict[str, list[tuple[Any, ...]]]:
    """Every table of a cache (confirmed, bookkeeping, outbox, overlay, conflicts), sorted."""
    with cache.read() as conn:
        cur = driver_cursor(conn)
        names = [
            r[0]
            for r in cur.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'product_fts%' "
                "AND name != 'alembic_version' ORDER BY name"
            )
        ]
        return {
            name: sorted(
                cur.execute(f"SELECT * FROM {name}").fetchall(),
                key=repr,
            )
            for name in names
        }


def command_log(services: Services, station_id: int) -> list[tuple[int, str, str, str]]:
    """The server's processed commands of a station: (seq, command id, name, status)."""
    c = t.command_log.c
    with services.db.read() as conn:
        found = conn.execute(
            sa.select(c.seq, c.command_id, c.name, c.status)
            .where(c.station_id == station_id)
            .order_by(c.seq)
        )
        return [(int(r.seq), str(r.command_id), str(r.name), str(r.status)) for r in found]


def fulfillment_state(services: Services, fid: int) -> tuple[str, int]:
    """A fulfillment's status and version on the server."""
    f = t.fulfillments.c
    with services.db.read() as conn:
        row = conn.execute(sa.select(f.status, f.version).where(f.id == fid)).one()
    return str(row.status), int(row.version)


def fulfillments_of(services: Services, store_id: int) -> list[int]:
    """The ids of the fulfillments a store fulfils, oldest first."""
    f = t.fulfillments.c
    with services.db.read() as conn:
        return [
            int(i)
            for i in conn.execute(
                sa.select(f.id).where(f.store_id == store_id).order_by(f.id)
            ).scalars()
        ]
