"""Pickup queue benchmark: opening a large queue in the real view, and UI stalls during sync.

Run from the repository root (offscreen unless QT_QPA_PLATFORM says otherwise)::

    .venv/bin/python bench/gui_bench.py            # 10,000-row queue, 10k-change delta
    .venv/bin/python bench/gui_bench.py --quick    # 2,000 rows, 2,000 changes (a smoke run)

Figures (DESIGN §8), each beside a reference measured in the same run:

* open a 10k-row queue: switching the real :class:`PickupsView` (model, table, tabs with
  counts, in a shown 1440x900 window with the station's stylesheet) to the Ready tab, from
  the request to the database worker until the rows are in the model and the window is
  painted, vs a raw ``sqlite3`` fetch of the same rows in the same order; target <= 3x.
* longest UI-thread stall while the real :class:`SyncEngine` applies a delta on its own
  thread (feed pages validated by the real client code, applied, committed) and the view
  follows it live: the longest gap between ticks of a 5 ms main-thread ``QTimer``, from
  the first page until the view shows the final state; target <= 50 ms. The reference is
  the longest gap of the same timer over the same time with nothing running (idle).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from figures import Figure, emit  # noqa: E402
from PySide6.QtCore import (  # noqa: E402, TID251
    QEventLoop,
    QMessageLogContext,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication  # noqa: E402, TID251

from desktop_oms.cache import state  # noqa: E402
from desktop_oms.cache.apply import SnapshotWriter  # noqa: E402
from desktop_oms.cache.db import CacheDB  # noqa: E402
from desktop_oms.cache.rows import SNAPSHOT_COLUMNS  # noqa: E402
from desktop_oms.gui.app import freeze_startup_objects, make_application  # noqa: E402
from desktop_oms.gui.pickups.view import PickupsView  # noqa: E402
from desktop_oms.gui.station import StationEvents  # noqa: E402
from desktop_oms.gui.tasks import TaskManager  # noqa: E402
from desktop_oms.sync.client import ServerClient  # noqa: E402
from desktop_oms.sync.engine import SyncEngine  # noqa: E402
from desktop_oms.sync.progress import Progress  # noqa: E402
from tests.cache import datagen  # noqa: E402

STORE = 1
EPOCH = datagen.EPOCH
TZ = ZoneInfo("Europe/Amsterdam")
FIRST = ("Anna", "Bram", "Chloé", "Daan", "Emma", "Finn", "Gijs", "Hanna", "Ilse", "Jesse")
LAST = ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer", "Bos")
#: Columns the queue reads, as the raw reference reads them.
QUEUE_COLUMNS = (
    "id, order_number, method, status, customer_name, customer_phone, promised_at, "
    "pickup_deadline, bin, items, updated_at, fraud_state, version, order_version"
)
STALL_TARGET_MS = 50.0
OPEN_TARGET = 3.0


@dataclass(frozen=True)
class Scale:
    """How big a run is."""

    queue: int  # ready pickups at the station's store (the tab opened)
    delta: int  # changes in the delta
    skus: int
    stores: int
    opens: int  # timed openings (median)
    rounds: int  # delta rounds (median of their longest stalls)


FULL = Scale(queue=10_000, delta=10_000, skus=20_000, stores=4, opens=7, rounds=3)
QUICK = Scale(queue=2_000, delta=2_000, skus=2_000, stores=2, opens=3, rounds=1)


# --- data ----------------------------------------------------------------------------------


def _midnight(now: datetime) -> datetime:
    """The start of the store's day, in UTC."""
    local = now.astimezone(TZ)
    return datetime.combine(local.date(), datetime.min.time(), TZ).astimezone(UTC)


def _pickup(
    fid: int, rng: random.Random, now: datetime, status: str, **fields: Any
) -> dict[str, Any]:
    """A pickup fulfillment document at the station's store with realistic times."""
    doc = datagen.fulfillment_doc(fid, STORE, status="open", lines=1 + fid % 3)
    created = now - timedelta(hours=2 + rng.random() * 24 * 6)
    doc["created_at"] = doc["order"]["created_at"] = created.isoformat()
    doc["promised_at"] = (created + timedelta(hours=2)).isoformat()
    doc["updated_at"] = (created + timedelta(hours=1 + rng.random() * 3)).isoformat()
    doc["status"] = status
    doc["customer"]["name"] = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    doc["customer"]["phone"] = f"+31 6 {rng.randrange(10**4):04d} {fid % 10**4:04d}"
    if status == "ready_for_pickup":
        doc["bin"] = f"{'ABCD'[fid % 4]}-{fid % 24 + 1:02d}"
        # about 3% are within a day of their deadline (the Expiring tab)
        left = timedelta(hours=1 + rng.random() * 22) if rng.random() < 0.03 else None
        deadline = now + (left or timedelta(days=1 + rng.random() * 6))
        doc["pickup_deadline"] = deadline.isoformat()
        doc["updated_at"] = (deadline - timedelta(days=7)).isoformat()
    doc.update(fields)
    return doc


def fulfillments(scale: Scale, now: datetime) -> list[dict[str, Any]]:
    """The station's fulfillments: the ready queue and realistic company in other tabs."""
    rng = random.Random(7)
    docs = [_pickup(fid, rng, now, "ready_for_pickup") for fid in range(1, scale.queue + 1)]
    fid = scale.queue
    since = _midnight(now)
    for n in range(scale.queue // 5):  # being prepared
        fid += 1
        docs.append(_pickup(fid, rng, now, ("open", "picking")[n % 2]))
    for _ in range(scale.queue // 10):  # handed over today
        fid += 1
        at = since + (now - since) * rng.random()
        docs.append(_pickup(fid, rng, now, "handed_over", updated_at=at.isoformat()))
    for _ in range(scale.queue // 2):  # handed over before today: not in any tab
        fid += 1
        at = since - timedelta(days=1 + rng.random() * 30)
        docs.append(_pickup(fid, rng, now, "handed_over", updated_at=at.isoformat()))
    return docs


def build_cache(path: Path, scale: Scale, now: datetime) -> list[dict[str, Any]]:
    """A synced station cache of store 1; its fulfillment documents."""
    db = CacheDB(path)
    writer = SnapshotWriter(db)
    cursor = f"{EPOCH}:1000"
    store_ids = list(range(1, scale.stores + 1))
    writer.begin(cursor, STORE, store_ids[1:])
    small = datagen.snapshot_kinds(datagen.Chain(skus=0, stores=scale.stores))
    for kind in ("setting", "reason_code", "store", "staff"):
        writer.write_page(kind, _columns(kind), small[kind], None)
    sources: dict[str, Callable[[], Iterator[list[Any]]]] = {
        "product": lambda: datagen.product_rows(scale.skus),
        "identifier": lambda: datagen.iter_identifier_rows(scale.skus),
        "inventory": lambda: datagen.inventory_rows(scale.skus, store_ids),
    }
    for kind, source in sources.items():
        writer.write_page(kind, _columns(kind), list(source()), None)
    docs = fulfillments(scale, now)
    writer.write_page("fulfillment", ["id", "doc"], [[d["id"], d] for d in docs], None)
    writer.finish()
    with db.write() as conn:
        state.set_cursor(conn, cursor, now)
    db.close()
    return docs


def _columns(kind: str) -> list[str]:
    """The snapshot columns of a kind."""
    return list(SNAPSHOT_COLUMNS[kind])


def delta_pages(
    scale: Scale, docs: list[dict[str, Any]], now: datetime, page_size: int = 2_000
) -> list[bytes]:
    """A delta as feed pages (JSON bytes): 10% queue changes, 20% prices, 70% stock.

    The queue changes touch the open tab: ready pickups handed over (rows leave), new
    ready pickups (rows arrive), and ready pickups whose document changed (rows update).
    """
    rng = random.Random(11)
    ready = [d for d in docs if d["status"] == "ready_for_pickup"]
    n_queue, n_products = scale.delta // 10, scale.delta // 5
    n_stock = scale.delta - n_queue - n_products
    changes: list[dict[str, Any]] = []
    seq = 1000
    touched = rng.sample(ready, min(len(ready), n_queue * 2 // 3))
    for n, doc in enumerate(touched):
        new = json.loads(json.dumps(doc))
        new["version"] = doc["version"] + 1
        new["updated_at"] = now.isoformat()
        if n % 2 == 0:
            new["status"] = "handed_over"
        else:
            new["bin"] = f"Z-{n % 24 + 1:02d}"  # moved to another bin
        seq += 1
        changes.append(datagen.change("fulfillment", str(doc["id"]), new, seq))
    next_id = max(d["id"] for d in docs)
    for _ in range(n_queue - len(touched)):
        next_id += 1
        seq += 1
        doc = _pickup(next_id, rng, now, "ready_for_pickup")
        changes.append(datagen.change("fulfillment", str(next_id), doc, seq))
    for k in range(n_products):  # price changes
        i = 1 + (k * 7919) % scale.skus
        doc = datagen.product_doc(i, version=2)
        doc["price_minor"] += 100
        seq += 1
        changes.append(datagen.change("product", doc["sku"], doc, seq))
    for k in range(n_stock):
        i = 1 + (k * 104729) % scale.skus
        store_id = 1 + k % scale.stores
        doc = datagen.inventory_doc(store_id, i, version=2)
        seq += 1
        changes.append(datagen.change("inventory", f"{store_id}:{doc['sku']}", doc, seq))
    rng.shuffle(changes)  # the feed interleaves kinds; seqs stay in page order
    for n, change in enumerate(changes):
        change["seq"] = 1001 + n
    pages = []
    for start in range(0, len(changes), page_size):
        part = changes[start : start + page_size]
        more = start + page_size < len(changes)
        page = {
            "cursor": f"{EPOCH}:{part[-1]['seq']}",
            "changes": part,
            "more": more,
            "last_seq": 0,
        }
        pages.append(json.dumps(page).encode())
    return pages


class FeedFromMemory(ServerClient):
    """The real client (strict validation of the bytes) over feed pages held in memory."""

    def __init__(self, pages: list[bytes]) -> None:
        super().__init__("http://127.0.0.1:9", "bench-token")
        cursors = [f"{EPOCH}:1000", *(str(json.loads(p)["cursor"]) for p in pages)]
        self._next: dict[str, bytes] = dict(zip(cursors, pages, strict=False))

    def _feed(self, cursor: str, wait: float, limit: int | None) -> bytes:
        """The page after ``cursor`` (an empty last page at the end), no network."""
        page = self._next.get(cursor)
        if page is None:
            return json.dumps(
                {"cursor": cursor, "changes": [], "more": False, "last_seq": 0}
            ).encode()
        return page


# --- the view ------------------------------------------------------------------------------


class _StationStub:
    """What the view and :class:`StationEvents` use of a station: store, callbacks."""

    def __init__(self) -> None:
        self.store_id = STORE
        self.session = None
        self.progress_cbs: list[Callable[[Progress], None]] = []

    def on_progress(self, callback: Callable[[Progress], None]) -> None:
        self.progress_cbs.append(callback)

    def on_link(self, _callback: Callable[[Any], None]) -> None:
        """No link changes in a benchmark."""

    def on_session(self, _callback: Callable[[Any], None]) -> None:
        """No sign-ins in a benchmark."""

    def progress(self, progress: Progress) -> None:
        """The engine's progress report, passed on as a station passes it."""
        for callback in self.progress_cbs:
            callback(progress)


@dataclass
class Counter:
    """An open pickup page on a cache file, as the station shows it."""

    cache: CacheDB
    tasks: TaskManager
    events: StationEvents
    view: PickupsView
    station: _StationStub

    @classmethod
    def open(cls, path: Path) -> Counter:
        """The view attached to the cache, shown at counter size, first read done."""
        cache = CacheDB(path)
        station = _StationStub()
        events = StationEvents(station)  # type: ignore[arg-type]
        tasks = TaskManager(cache)
        view = PickupsView()
        view.resize(1440, 900)
        view.attach(station, events, tasks)  # type: ignore[arg-type]
        view.set_timezone(TZ)
        view.show()
        found = cls(cache, tasks, events, view, station)
        found.show_tab("handed_over_today")
        return found

    def show_tab(self, tab: str) -> None:
        """Switch tab and wait until its rows are shown and painted."""
        loop = QEventLoop()
        self.view.refreshed.connect(loop.quit)
        self.view.set_tab(tab)  # type: ignore[arg-type]
        loop.exec()
        self.view.refreshed.disconnect(loop.quit)
        QApplication.processEvents()
        self.view.repaint()

    def close(self) -> None:
        """Close the view and stop the worker."""
        self.view.close()
        self.view.deleteLater()
        self.tasks.shutdown()
        self.tasks.pool.shutdown()
        self.events.deleteLater()
        self.cache.close()
        QApplication.processEvents()


def raw_fetch(path: Path) -> list[tuple[Any, ...]]:
    """The Ready tab's rows in the view's default order, read with sqlite3 alone."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            f"SELECT {QUEUE_COLUMNS} FROM fulfillments "
            "WHERE pickup_store_id = ? AND status = 'ready_for_pickup' "
            "ORDER BY promised_at, id",
            (STORE,),
        ).fetchall()
    finally:
        conn.close()


def bench_open(path: Path, scale: Scale) -> dict[str, Any]:
    """Median time to open the Ready tab in the view vs a raw fetch of its rows."""
    counter = Counter.open(path)
    ours: list[float] = []
    raw: list[float] = []
    shown = 0
    try:
        for _ in range(scale.opens):
            counter.show_tab("handed_over_today")
            gc.collect()
            start = time.perf_counter()
            counter.show_tab("ready")
            ours.append(time.perf_counter() - start)
            shown = counter.view.model.rowCount()
            gc.collect()
            start = time.perf_counter()
            rows = raw_fetch(path)
            raw.append(time.perf_counter() - start)
            assert len(rows) == shown, (len(rows), shown)
    finally:
        counter.close()
    mine, ref = statistics.median(ours), statistics.median(raw)
    return {
        "figure": f"open a {shown:,}-row queue (Ready tab)",
        "ours_s": mine,
        "reference_s": ref,
        "reference": "raw sqlite3 fetch of the same rows, same order",
        "ratio": mine / ref,
        "target": f"<= {OPEN_TARGET:g}x",
        "met": mine / ref <= OPEN_TARGET,
        "samples": {"ours": ours, "reference": raw},
    }


@dataclass
class Ticks:
    """A main-thread timer recording the gaps between its ticks."""

    interval_ms: int = 5
    stamps: list[float] = field(default_factory=list)

    def gaps_ms(self) -> list[float]:
        """Milliseconds between consecutive ticks."""
        return [(b - a) * 1000 for a, b in zip(self.stamps, self.stamps[1:], strict=False)]

    def run(self, until: Callable[[], bool], minimum_s: float = 0.0) -> float:
        """Tick until ``until()`` is true (checked each tick) and ``minimum_s`` passed."""
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(self.interval_ms)
        loop = QEventLoop()
        start = time.perf_counter()

        def tick() -> None:
            now = time.perf_counter()
            self.stamps.append(now)
            if now - start >= minimum_s and until():
                loop.quit()

        timer.timeout.connect(tick)
        self.stamps.append(start)
        timer.start()
        loop.exec()
        timer.stop()
        return time.perf_counter() - start


def bench_stall(path: Path, pages: list[bytes], expect_ready: int) -> dict[str, Any]:
    """The longest main-thread gap while the engine applies ``pages`` and the view follows."""
    counter = Counter.open(path)
    counter.show_tab("ready")
    engine = SyncEngine(counter.cache, FeedFromMemory(pages), progress=counter.station.progress)
    done = threading.Event()
    final_reads: list[float] = []
    finished_at: list[float] = []

    def refreshed() -> None:
        if done.is_set():
            final_reads.append(time.perf_counter())

    counter.view.refreshed.connect(refreshed)

    def pull() -> None:
        engine.catch_up()
        finished_at.append(time.perf_counter())
        done.set()

    def settled() -> bool:
        view = counter.view
        return (
            done.is_set()
            and bool(final_reads)
            and view.last_result is not None
            and view.last_result.counts["ready"] == expect_ready
            and view.model.rowCount() == expect_ready
        )

    try:
        gc.collect()
        idle = Ticks()
        worker = threading.Thread(target=pull, name="oms-pull")
        busy = Ticks()
        start = time.perf_counter()
        worker.start()
        elapsed = busy.run(settled)
        worker.join()
        apply_s = finished_at[0] - start
        gc.collect()
        idle.run(lambda: True, minimum_s=elapsed)
    finally:
        counter.close()
    stall, idle_max = max(busy.gaps_ms()), max(idle.gaps_ms())
    return {
        "stall_ms": stall,
        "idle_ms": idle_max,
        "busy_p99_ms": _p(busy.gaps_ms(), 0.99),
        "idle_p99_ms": _p(idle.gaps_ms(), 0.99),
        "apply_s": apply_s,
        "until_shown_s": elapsed,
        "ticks": len(busy.stamps),
    }


def _quiet_platform_notes(_kind: QtMsgType, _context: QMessageLogContext, text: str) -> None:
    """Drop the offscreen plugin's notes; print any other Qt message."""
    if "does not support" not in text:
        print(text, file=sys.stderr)


def _p(values: list[float], q: float) -> float:
    """The ``q`` quantile of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one results table (or JSON)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    parser.add_argument("--queue", type=int, help="ready pickups in the opened tab")
    parser.add_argument("--delta", type=int, help="changes in the delta")
    parser.add_argument("--rounds", type=int, help="delta rounds (median of their stalls)")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the results as JSON (and the figures for bench/run.py on stderr)",
    )
    parser.add_argument(
        "--no-freeze",
        action="store_true",
        help="do not freeze the start-up objects out of the GC as the app does (diagnosis)",
    )
    parser.add_argument("--profile", choices=("open", "stall"), help="pyinstrument one figure")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep the cache files in DIR")
    args = parser.parse_args(argv)
    scale = QUICK if args.quick else FULL
    scale = Scale(
        queue=args.queue or scale.queue,
        delta=args.delta or scale.delta,
        skus=scale.skus,
        stores=scale.stores,
        opens=scale.opens,
        rounds=args.rounds or scale.rounds,
    )
    qInstallMessageHandler(_quiet_platform_notes)
    make_application(["gui-bench"])
    now = datetime.now(UTC)
    work = Path(tempfile.mkdtemp(prefix="gui-bench-")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
    try:
        base = work / "station.sqlite3"
        for old in work.glob("station*.sqlite3*"):
            old.unlink()
        docs = build_cache(base, scale, now)
        pages = delta_pages(scale, docs, now)
        expect_ready = _expected_ready(docs, pages)
        del docs  # a station holds no documents: only what the view and the cache need
        load = os.getloadavg()
        if not args.no_freeze:
            freeze_startup_objects()  # as the app does once it has booted

        if profiler is not None and args.profile == "open":
            profiler.start()
        opened = bench_open(base, scale)
        if profiler is not None and args.profile == "open":
            profiler.stop()

        rounds = []
        for n in range(scale.rounds):
            target = work / f"station-delta-{n}.sqlite3"
            shutil.copy(base, target)
            if profiler is not None and args.profile == "stall":
                profiler.start()
            rounds.append(bench_stall(target, pages, expect_ready))
            if profiler is not None and args.profile == "stall":
                profiler.stop()
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    stall = statistics.median(r["stall_ms"] for r in rounds)
    idle = statistics.median(r["idle_ms"] for r in rounds)
    results = {
        "scale": {"queue": scale.queue, "delta": scale.delta, "skus": scale.skus},
        "machine": {
            "cpus": os.cpu_count(),
            "load_before": load[0],
            "load_after": os.getloadavg()[0],
        },
        "gc_frozen": not args.no_freeze,
        "open": opened,
        "stall": {
            "figure": f"longest UI stall, {scale.delta:,}-change delta applied live",
            "ours_ms": stall,
            "reference_ms": idle,
            "reference": "longest gap of the same 5 ms timer, idle, same duration",
            "ratio": stall / idle,
            "target": f"<= {STALL_TARGET_MS:g} ms",
            "met": stall <= STALL_TARGET_MS,
            "rounds": rounds,
        },
    }
    if args.json:
        print(json.dumps(results, indent=2))
        emit(as_figures(results), file=sys.stderr)  # stdout stays one JSON document
    else:
        print_table(results)
    if profiler is not None:
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    return 0


def _expected_ready(docs: list[dict[str, Any]], pages: list[bytes]) -> int:
    """How many pickups are ready once the delta is applied."""
    status = {d["id"]: d["status"] for d in docs}
    for page in pages:
        for change in json.loads(page)["changes"]:
            if change["kind"] == "fulfillment":
                status[change["data"]["id"]] = change["data"]["status"]
    return sum(1 for s in status.values() if s == "ready_for_pickup")


def as_figures(results: dict[str, Any]) -> list[Figure]:
    """The two figures as ``bench/run.py`` collects them."""
    o, s = results["open"], results["stall"]
    spread = ", ".join(f"{r['stall_ms']:.1f}" for r in s["rounds"])
    return [
        Figure(
            o["figure"],
            o["ours_s"] * 1000,
            "ms",
            o["reference_s"] * 1000,
            "raw fetch",
            o["ratio"],
            target=o["target"],
            met=o["met"],
            note=f"median of {len(o['samples']['ours'])}",
        ),
        Figure(
            s["figure"],
            s["ours_ms"],
            "ms",
            s["reference_ms"],
            "idle timer's longest gap",
            s["ratio"],
            target=s["target"],
            met=s["met"],
            note=f"median of {len(s['rounds'])} rounds: {spread} ms; "
            f"load {results['machine']['load_before']:.1f}",
        ),
    ]


def print_table(results: dict[str, Any]) -> None:
    """The results as one table."""
    o, s = results["open"], results["stall"]
    rows = [
        (
            o["figure"],
            f"{o['ours_s'] * 1000:.1f} ms",
            f"{o['reference_s'] * 1000:.1f} ms (raw fetch)",
            f"{o['ratio']:.2f}x",
            o["target"],
            "met" if o["met"] else "MISSED",
        ),
        (
            s["figure"],
            f"{s['ours_ms']:.1f} ms",
            f"{s['reference_ms']:.1f} ms (idle timer)",
            f"{s['ratio']:.2f}x",
            s["target"],
            "met" if s["met"] else "MISSED",
        ),
    ]
    scale = results["scale"]
    machine = results["machine"]
    print(
        f"gui bench: {scale['queue']:,} ready pickups, {scale['delta']:,}-change delta, "
        f"{scale['skus']:,} SKUs; Qt platform {QApplication.platformName()}; "
        f"start-up objects {'frozen' if results['gc_frozen'] else 'NOT frozen'} (gc); "
        f"{machine['cpus']} CPUs, load average {machine['load_before']:.2f} before, "
        f"{machine['load_after']:.2f} after"
    )
    header = ("figure", "view", "reference (same run)", "ratio", "target", "")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for line in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)))
    for n, r in enumerate(s["rounds"], 1):
        print(
            f"  delta round {n}: stall {r['stall_ms']:.1f} ms (p99 gap {r['busy_p99_ms']:.1f} ms), "
            f"idle max {r['idle_ms']:.1f} ms (p99 {r['idle_p99_ms']:.1f} ms), "
            f"apply {r['apply_s'] * 1000:.0f} ms, shown after {r['until_shown_s'] * 1000:.0f} ms"
        )


if __name__ == "__main__":
    sys.exit(main())
