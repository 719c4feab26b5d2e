"""Stock lookup benchmark: a barcode scan and a search per keystroke, each against its
reference measured in the same run on the same cache file (DESIGN §8, issue #7).

Run from the repository root::

    .venv/bin/python bench/stock_bench.py            # 500,000 products (~2 min)
    .venv/bin/python bench/stock_bench.py --quick    # 50,000 products (~15 s)

Figures:

* **product by barcode**: the Stock page's lookup path for one scan — a read transaction
  on the station's cache (``CacheDB.read``, as the database worker runs each job), the
  code parsed (``parse_code``: GTIN check digit, UPC-E, GS1) and
  ``queries.product_by_identifier`` — vs a raw ``sqlite3`` indexed lookup of the same key
  (``identifiers`` primary key joined to ``products``) on an open connection; mean over
  the scans; target <= 10x. The full product detail (stock here and at nearby stores,
  hours, barcodes) is shown beside it, without a target.
* **search per keystroke**: realistic typing — product names (and SKUs, and two-word
  searches) typed a character at a time; for each keystroke the real search
  (``cache.stock.search``: FTS5 trigram or prefix search, ranking when hits are few, the
  hit count, the stock here) in a read transaction, then the real results model
  (``StockResultsModel.set_hits``, offscreen Qt) updated: from the query to the model
  updated. Reference: a ``LIKE '%text%'`` scan over name, SKU, department and attribute
  values of the same rows (``LIMIT 50``, as many hits as the page shows). Target: p95
  <= 50 ms and p95 >= 10x faster than the LIKE scan's p95. The same keys are then typed
  into the real Stock page (``StockView`` shown offscreen, the real ``TaskManager``
  database worker): from the text set to the page's ``searched`` signal (hits in the
  model, count shown), keys :data:`KEY_GAP_MS` apart so the page repaints in between.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from figures import Figure, emit  # noqa: E402

from desktop_oms.cache import queries, stock  # noqa: E402
from desktop_oms.cache import rows as cache_rows  # noqa: E402
from desktop_oms.cache.apply import SnapshotWriter  # noqa: E402
from desktop_oms.cache.db import CacheDB  # noqa: E402
from tests.cache import datagen  # noqa: E402

STORE_ID = 1
#: The catalogue size the search ratio target (>= 10x a LIKE scan) is set for (DESIGN §8).
SEARCH_RATIO_SKUS = 500_000
#: Milliseconds between two keys typed into the Stock page (faster than anyone types).
KEY_GAP_MS = 20


def _pages(rows: Iterator[list[Any]], size: int, kind: str) -> Iterator[tuple[list[Any], Any]]:
    page: list[list[Any]] = []
    for row in rows:
        page.append(row)
        if len(page) == size:
            after = f"{row[0]}:{row[1]}" if kind == "inventory" else str(row[0])
            yield page, after
            page = []
    yield page, None


def build_cache(path: Path, skus: int, stores: int) -> float:
    """A station cache of store 1: ``skus`` products with GTIN-13s (a store code for every
    tenth), the stock of ``stores`` stores, through the real snapshot writer; seconds."""
    start = time.perf_counter()
    db = CacheDB(path)
    writer = SnapshotWriter(db)
    store_ids = list(range(1, stores + 1))
    writer.begin(f"{datagen.EPOCH}:100", STORE_ID, store_ids[1:])
    small = datagen.snapshot_kinds(datagen.Chain(skus=0, stores=stores))
    for kind in ("setting", "reason_code", "store", "staff"):
        writer.write_page(kind, list(cache_rows.SNAPSHOT_COLUMNS[kind]), small[kind], None)
    sources: dict[str, Callable[[], Iterator[list[Any]]]] = {
        "product": lambda: datagen.product_rows(skus),
        "identifier": lambda: datagen.iter_identifier_rows(skus),
        "inventory": lambda: datagen.inventory_rows(skus, store_ids),
    }
    for kind, source in sources.items():
        for page, after in _pages(source(), 20_000, kind):
            writer.write_page(kind, list(cache_rows.SNAPSHOT_COLUMNS[kind]), page, after)
    writer.write_page("fulfillment", ["id", "doc"], [], None)
    writer.finish()
    db.close()
    return time.perf_counter() - start


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def scans(skus: int, n: int, rng: random.Random) -> list[str]:
    """Codes as scanners read them: mostly EAN-13, some GTIN-14 and GS1 element strings,
    store codes for products that have one."""
    out = []
    for _ in range(n):
        i = rng.randint(1, skus)
        r = rng.random()
        if r < 0.7:
            out.append(datagen.gtin_of(i))
        elif r < 0.8:
            out.append(datagen.gtin_of(i).zfill(14))
        elif r < 0.9:
            out.append(f"01{datagen.gtin_of(i).zfill(14)}10LOT{i % 97}")
        else:
            j = max(10, i - i % 10)
            out.append(f"ST{j:06d}")
    return out


def lookup_key(code: str) -> str:
    """The identifier key the raw reference looks up for ``code`` (computed before timing)."""
    if code.startswith("ST"):
        return code
    if code.startswith("01") and len(code) > 16:
        return code[2:16]
    return code.zfill(14)


def bench_barcode(
    path: Path, skus: int, n: int, figures: list[Figure]
) -> list[tuple[str, str, str, str, str, bool]]:
    """The lookup path per scan vs a raw indexed lookup; the full detail for information.
    Appends the figures for ``bench/run.py`` to ``figures``."""
    rng = random.Random(7)
    codes = scans(skus, n, rng)
    keys = [lookup_key(c) for c in codes]
    db = CacheDB(path)
    with db.read() as conn:  # warm: biip's import on first use, statement caches
        for code in codes[:50]:
            assert queries.product_by_identifier(conn, code) is not None
    raw = sqlite3.connect(path)
    sql = (
        "SELECT p.sku, p.name, p.department, p.price_minor, p.currency, p.attributes, "
        "p.image_ref, p.version FROM identifiers i JOIN products p ON p.sku = i.sku "
        "WHERE i.value = ?"
    )
    for key in keys[:50]:
        raw.execute(sql, (key,)).fetchone()

    ours: list[float] = []
    reference: list[float] = []
    for _round in range(3):  # interleaved rounds: both sides see the same machine state
        start = time.perf_counter()
        for code in codes:
            with db.read() as conn:
                found = queries.product_by_identifier(conn, code)
            assert found is not None, code
        ours.append((time.perf_counter() - start) / len(codes))
        start = time.perf_counter()
        for key in keys:
            assert raw.execute(sql, (key,)).fetchone() is not None, key
        reference.append((time.perf_counter() - start) / len(keys))
    detail: list[float] = []
    for code in codes[: min(500, len(codes))]:
        start = time.perf_counter()
        with db.read() as conn:
            assert stock.lookup(conn, code, STORE_ID) is not None
        detail.append(time.perf_counter() - start)
    raw.close()
    db.close()
    mine, ref = min(ours), min(reference)
    ratio = mine / ref
    figures.append(
        Figure(
            f"product by barcode: lookup path per scan, mean of {n:,}",
            mine * 1e6,
            "µs",
            ref * 1e6,
            "raw indexed sqlite3",
            ratio,
            target="<= 10x",
            met=ratio <= 10,
            note=f"{skus:,} products, best of 3 rounds",
        )
    )
    return [
        (
            f"product by barcode: lookup path per scan, mean of {n:,} (best of 3 rounds)",
            f"{mine * 1e6:.0f} µs",
            f"{ref * 1e6:.1f} µs raw indexed sqlite3",
            f"{ratio:.1f}x",
            "<= 10x",
            ratio <= 10,
        ),
        (
            "  full product detail after a scan (stock here + nearby, hours), p95",
            f"{_p95(detail) * 1000:.2f} ms",
            "—",
            "—",
            "—",
            True,
        ),
    ]


def typing(skus: int, rng: random.Random, names: int) -> list[str]:
    """What staff type, one entry per keystroke: product names (lower case, as typed),
    SKUs, and two-word searches (colour and noun), each a character at a time."""
    typed: list[str] = []
    for k in range(names):
        i = rng.randint(1, skus)
        name = datagen.product_name(i).lower()
        if k % 6 == 4:
            text = datagen.sku_of(i)
        elif k % 6 == 5:
            words = name.split()
            text = f"{words[0]} {words[2]}"  # "olive mug"
        else:
            text = name
        typed.extend(text[:n] for n in range(1, min(len(text), 18) + 1))
    return [t for t in typed if t.strip()]


def bench_search(
    path: Path, skus: int, names: int, figures: list[Figure]
) -> list[tuple[str, str, str, str, str, bool]]:
    """Per keystroke: the real search and the results model, vs a LIKE scan. Appends the
    figures for ``bench/run.py`` to ``figures``: the p95, and the p95 against the LIKE
    scan's (judged only at the catalogue size that target is set for)."""
    from PySide6.QtWidgets import QApplication  # noqa: TID251

    from desktop_oms.gui.stock.model import StockResultsModel

    app = QApplication.instance() or QApplication(["stock-bench"])
    rng = random.Random(11)
    typed = typing(skus, rng, names)
    db = CacheDB(path)
    model = StockResultsModel()
    raw = sqlite3.connect(path)
    like = (
        "SELECT sku, name, department, price_minor, currency, attributes, image_ref, version "
        "FROM products WHERE name LIKE ?1 OR sku LIKE ?1 OR department LIKE ?1 "
        "OR attribute_values LIKE ?1 LIMIT 50"
    )
    with db.read() as conn:  # warm the page cache and statements as a running station has
        for text in typed[:30]:
            stock.search(conn, text, STORE_ID)
    mine: list[float] = []
    scan: list[float] = []
    worst: tuple[float, str] = (0.0, "")
    for text in typed:
        start = time.perf_counter()
        with db.read() as conn:
            result = stock.search(conn, text, STORE_ID)
        model.set_hits(result.hits)
        spent = time.perf_counter() - start
        mine.append(spent)
        worst = max(worst, (spent, text))
        start = time.perf_counter()
        raw.execute(like, (f"%{text}%",)).fetchall()
        scan.append(time.perf_counter() - start)
    app.processEvents()
    raw.close()
    db.close()
    page = _through_the_page(path, typed)
    p95, ref95 = _p95(mine), _p95(scan)
    faster = ref95 / p95
    full_size = skus >= SEARCH_RATIO_SKUS
    at = f"{skus:,} products"
    for label, value, target, met in (
        ("query to model updated, p95", p95, "<= 50 ms", p95 <= 0.050),
        (
            "query to model updated, p95 vs LIKE scan",
            p95,
            ">= 10x faster" if full_size else ">= 10x faster (at 500k products)",
            faster >= 10 if full_size else None,  # the ratio target is set for 500k
        ),
        ("typed into the Stock page, p95", _p95(page), "<= 50 ms", _p95(page) <= 0.050),
    ):
        figures.append(
            Figure(
                f"search per keystroke ({len(typed):,} keys): {label}",
                value * 1000,
                "ms",
                ref95 * 1000,
                "LIKE scan p95",
                ref95 / value,
                ratio_unit="x faster",
                target=target,
                met=met,
                note=at if met is not None else f"{at}: not judged below 500k",
            )
        )
    return [
        (
            f"search per keystroke: query to model updated, p95 of {len(typed):,} keys",
            f"{p95 * 1000:.1f} ms",
            f"{ref95 * 1000:.1f} ms LIKE scan (p95)",
            f"{faster:.0f}x faster",
            "<= 50 ms, >= 10x",
            p95 <= 0.050 and faster >= 10,
        ),
        (
            "  the same keys typed into the Stock page (worker hop, view), p95",
            f"{_p95(page) * 1000:.1f} ms",
            f"{ref95 * 1000:.1f} ms LIKE scan (p95)",
            f"{ref95 / _p95(page):.0f}x faster",
            "<= 50 ms, >= 10x",
            _p95(page) <= 0.050 and ref95 / _p95(page) >= 10,
        ),
        (
            "  median / slowest keystroke",
            f"{statistics.median(mine) * 1000:.1f} / {worst[0] * 1000:.1f} ms",
            f"{statistics.median(scan) * 1000:.1f} / {max(scan) * 1000:.1f} ms LIKE",
            "—",
            "—",
            True,
        ),
        (
            "  slowest keystroke's text",
            repr(worst[1]),
            "—",
            "—",
            "—",
            True,
        ),
    ]


class _Station:
    """What the Stock page reads of a station: its store."""

    store_id = STORE_ID


def _through_the_page(path: Path, typed: list[str]) -> list[float]:
    """Each text set into the real Stock page's search field (as a keystroke does) until
    the page shows its hits: the database worker's hop there and back included."""
    from PySide6.QtCore import QEventLoop, QTimer  # noqa: TID251
    from PySide6.QtWidgets import QApplication  # noqa: TID251

    from desktop_oms.gui.stock.view import StockView
    from desktop_oms.gui.tasks import TaskManager

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    db = CacheDB(path)
    tasks = TaskManager(db)
    view = StockView()
    view.resize(1200, 800)
    view.show()
    view.station, view.tasks = _Station(), tasks  # type: ignore[assignment]
    loop = QEventLoop()  # waits in Qt's event loop (GIL released), as the station does
    view.searched.connect(lambda _result: loop.quit())
    spent: list[float] = []
    for text in typed:
        start = time.perf_counter()
        view.search.setText(text)
        loop.exec()
        spent.append(time.perf_counter() - start)
        # the next key after KEY_GAP_MS: the page repaints in between, as it does while
        # a person types (at best ~10 keys a second; back to back, the repaint of one
        # answer would be timed into the next)
        QTimer.singleShot(KEY_GAP_MS, loop.quit)
        loop.exec()
    view.close()
    tasks.shutdown()
    db.close()
    return spent


def main() -> None:
    """Build the cache, run both figures, print one table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--skus", type=int, default=500_000, help="products in the catalogue")
    parser.add_argument("--stores", type=int, default=4, help="stores whose stock is mirrored")
    parser.add_argument("--quick", action="store_true", help="50,000 products")
    parser.add_argument("--scans", type=int, default=5_000, help="barcode lookups to time")
    parser.add_argument("--names", type=int, default=120, help="searches typed, key by key")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the cache file here")
    parser.add_argument(
        "--json", action="store_true", help="also print the figures for bench/run.py"
    )
    args = parser.parse_args()
    if args.quick:
        args.skus = 50_000

    with tempfile.TemporaryDirectory(prefix="stock-bench-") as tmp:
        path = args.keep or Path(tmp) / "station.sqlite3"
        built = "reused"
        if not path.exists():
            built = f"built in {build_cache(path, args.skus, args.stores):.1f} s"
        found: list[Figure] = []
        results = bench_barcode(path, args.skus, args.scans, found)
        results += bench_search(path, args.skus, args.names, found)

    load = os.getloadavg()
    print(
        f"stock bench: {args.skus:,} products, {args.stores} stores' stock, cache {built}; "
        f"{os.cpu_count()} CPUs, load {load[0]:.1f}, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )
    header = ("figure", "value", "reference", "ratio", "target", "met")
    table = [header] + [(*r[:5], ("yes" if r[5] else "NO") if r[4] != "—" else "") for r in results]
    widths = [max(len(row[i]) for row in table) for i in range(6)]
    for n, row in enumerate(table):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    if args.json:
        emit(found)


if __name__ == "__main__":
    main()
