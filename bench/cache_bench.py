"""Station cache benchmark: snapshot write phase and delta apply, each against raw sqlite3.

Run from the repository root::

    .venv/bin/python bench/cache_bench.py --skus 50000 --stores 6

Figures (DESIGN §8), each a ratio against a reference measured in the same run:

* snapshot write phase: :class:`SnapshotWriter` pages (shadow tables, progress per page)
  vs raw ``sqlite3`` ``executemany`` of the same rows into the same schema, one
  transaction per page as well; target >= 0.5x the reference's rate. The switch-in
  (``finish``: table swap, index build, search index) is shown on its own line.
* 10k-change delta: JSON-decode a feed page, ``apply_changes``, commit, vs a raw sorted
  ``INSERT ... ON CONFLICT DO UPDATE`` ``executemany`` of the same rows (already built),
  on identical copies of the database; target <= 3x the reference's time.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_oms.cache import rows as cache_rows  # noqa: E402
from desktop_oms.cache.apply import SnapshotWriter, apply_changes  # noqa: E402
from desktop_oms.cache.db import CacheDB  # noqa: E402
from desktop_oms.cache.schema import CONFIRMED, columns_of  # noqa: E402
from tests.cache import datagen  # noqa: E402

Page = tuple[list[list[Any]], str | None]


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _chunks(kind: str, rows: Iterator[list[Any]], size: int) -> Iterator[Page]:
    page: list[list[Any]] = []
    for row in rows:
        page.append(row)
        if len(page) == size:
            after = f"{row[0]}:{row[1]}" if kind == "inventory" else str(row[0])
            yield page, after
            page = []
    yield page, None


def snapshot_pages(skus: int, stores: int, size: int) -> Iterator[tuple[str, list[str], Page]]:
    """The snapshot of a chain, page by page (never more than one page in memory)."""
    store_ids = list(range(1, stores + 1))
    small = datagen.snapshot_kinds(datagen.Chain(skus=0, stores=stores))
    for kind in ("setting", "reason_code", "store", "staff"):
        yield kind, list(cache_rows.SNAPSHOT_COLUMNS[kind]), (small[kind], None)
    sources: dict[str, Callable[[], Iterator[list[Any]]]] = {
        "product": lambda: datagen.product_rows(skus),
        "identifier": lambda: datagen.iter_identifier_rows(skus),
        "inventory": lambda: datagen.inventory_rows(skus, store_ids),
    }
    for kind, source in sources.items():
        for page in _chunks(kind, source(), size):
            yield kind, list(cache_rows.SNAPSHOT_COLUMNS[kind]), page
    yield "fulfillment", ["id", "doc"], ([], None)


def bench_snapshot(path: Path, skus: int, stores: int, size: int) -> tuple[float, float, int]:
    """Seconds in write_page, seconds in finish, rows written."""
    db = CacheDB(path)
    writer = SnapshotWriter(db)
    writer.begin(f"{datagen.EPOCH}:100", 1, list(range(2, stores + 1)))
    spent = 0.0
    total = 0
    for kind, columns, (page, after) in snapshot_pages(skus, stores, size):
        start = time.perf_counter()
        total += writer.write_page(kind, columns, page, after)
        spent += time.perf_counter() - start
    start = time.perf_counter()
    writer.finish()
    finish = time.perf_counter() - start
    db.close()
    return spent, finish, total


def _raw_convert(kind: str) -> Callable[[list[Any]], Any] | None:
    if kind == "product":

        def product(r: list[Any]) -> tuple[Any, ...]:
            a = r[5]
            return (
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                json.dumps(a),
                " ".join(a.values()),
                r[6],
                r[7],
            )

        return product
    if kind in ("store", "staff", "fulfillment"):
        return cache_rows.SNAPSHOT_ROW[kind]
    if kind == "setting":
        return lambda r: (r[0], json.dumps(r[1]))
    return None


def bench_raw_snapshot(path: Path, skus: int, stores: int, size: int) -> tuple[float, int]:
    """Raw sqlite3 executemany of the same rows into the same (migrated) schema."""
    CacheDB(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    sql = {}
    for kind, table in CONFIRMED.items():
        names = columns_of(table)
        sql[kind] = (
            f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        )
    spent = 0.0
    total = 0
    for kind, _columns, (page, _after) in snapshot_pages(skus, stores, size):
        convert = _raw_convert(kind)
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany(sql[kind], page if convert is None else map(convert, page))
        conn.execute("COMMIT")
        spent += time.perf_counter() - start
        total += len(page)
    conn.close()
    return spent, total


def delta_changes(skus: int, stores: int, n: int, mix: str) -> list[dict[str, Any]]:
    """``n`` feed changes: a realistic mix (stock, orders, some renamed products), products
    only (renamed), or prices (80% stock, 20% new prices: the delta of ``sync_bench.py``)."""
    out: list[dict[str, Any]] = []
    seq = 1000
    step = max(1, skus // n)
    for k in range(n):
        seq += 1
        i = 1 + (k * step * 7919) % skus
        if mix == "prices":
            if k % 5 == 0:
                doc = datagen.product_doc(i, version=2)
                doc["price_minor"] += 100
                out.append(datagen.change("product", doc["sku"], doc, seq))
            else:
                store_id = 1 + k % stores
                doc = datagen.inventory_doc(store_id, i, version=2)
                out.append(datagen.change("inventory", f"{store_id}:{doc['sku']}", doc, seq))
        elif mix == "products" or k % 10 == 0:
            doc = datagen.product_doc(i, version=2, name=f"{datagen.product_name(i)} v2")
            out.append(datagen.change("product", doc["sku"], doc, seq))
        elif k % 10 < 4:
            fid = 100_000 + k
            doc = datagen.fulfillment_doc(fid, 1, status="open")
            out.append(datagen.change("fulfillment", str(fid), doc, seq))
        else:
            store_id = 1 + k % stores
            doc = datagen.inventory_doc(store_id, i, version=2)
            out.append(datagen.change("inventory", f"{store_id}:{doc['sku']}", doc, seq))
    return out


def bench_delta(path: Path, page: bytes) -> float:
    """Decode, apply and commit one feed page through the cache."""
    db = CacheDB(path)
    gc.collect()
    start = time.perf_counter()
    changes = json.loads(page)["changes"]
    with db.write() as conn:
        apply_changes(conn, changes)
    spent = time.perf_counter() - start
    db.close()
    return spent


def bench_raw_delta(path: Path, changes: list[dict[str, Any]]) -> float:
    """Raw sorted upserts of the same rows (built before the clock starts)."""
    from desktop_oms.cache.apply import upsert_sql

    by_kind: dict[str, list[tuple[Any, ...]]] = {}
    idents: list[tuple[Any, ...]] = []
    for c in changes:
        by_kind.setdefault(c["kind"], []).append(cache_rows.DOC_ROW[c["kind"]](c["data"]))
        if c["kind"] == "product":
            idents.extend(cache_rows.identifier_rows(c["data"]))
    keys = {"product": 1, "inventory": 2, "fulfillment": 1}
    for kind, built in by_kind.items():
        built.sort(key=lambda r, n=keys[kind]: r[:n])  # type: ignore[misc]
    idents.sort()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    gc.collect()
    start = time.perf_counter()
    conn.execute("BEGIN")
    for kind, built in by_kind.items():
        conn.executemany(upsert_sql(CONFIRMED[kind], versioned=True), built)
    if idents:
        conn.executemany(
            "INSERT INTO identifiers (value, kind, sku) VALUES (?, ?, ?) "
            "ON CONFLICT (value) DO UPDATE SET kind = excluded.kind, sku = excluded.sku",
            idents,
        )
    conn.execute("COMMIT")
    spent = time.perf_counter() - start
    conn.close()
    return spent


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def bench_lookups(path: Path, skus: int) -> list[tuple[str, str, str, str]]:
    """Barcode lookups and per-keystroke search, each against raw sqlite3 on the same file."""
    import random

    from desktop_oms.cache import queries

    rng = random.Random(7)
    numbers = [rng.randint(1, skus) for _ in range(2_000)]
    db = CacheDB(path)
    raw = sqlite3.connect(path)
    with db.read() as conn:
        start = time.perf_counter()
        for i in numbers:
            assert queries.product_by_identifier(conn, datagen.gtin_of(i)) is not None
        ours = (time.perf_counter() - start) / len(numbers)
    sql = (
        "SELECT p.sku, p.name, p.department, p.price_minor, p.currency, p.attributes, "
        "p.image_ref, p.version FROM identifiers i JOIN products p ON p.sku = i.sku "
        "WHERE i.value = ?"
    )
    keys = [datagen.gtin_of(i).zfill(14) for i in numbers]
    start = time.perf_counter()
    for key in keys:
        assert raw.execute(sql, (key,)).fetchone() is not None
    reference = (time.perf_counter() - start) / len(keys)
    results = [
        (
            "product by barcode (2,000 scans)",
            f"{ours * 1e6:.0f} us",
            f"{reference * 1e6:.0f} us",
            f"{ours / reference:.1f}x time (<= 10x)",
        )
    ]

    typed: list[str] = []
    for i in (rng.randint(1, skus) for _ in range(60)):
        name = datagen.product_name(i)
        typed.extend(name[:n] for n in range(1, min(len(name), 16) + 1))
    like = (
        "SELECT sku, name, department, price_minor, currency, attributes, image_ref, version "
        "FROM products WHERE name LIKE ?1 OR sku LIKE ?1 OR department LIKE ?1 "
        "OR attribute_values LIKE ?1 LIMIT 50"
    )
    mine: list[float] = []
    scan: list[float] = []
    with db.read() as conn:
        for text in typed:
            start = time.perf_counter()
            queries.search_products(conn, text, limit=50)
            mine.append(time.perf_counter() - start)
            start = time.perf_counter()
            raw.execute(like, (f"%{text}%",)).fetchall()
            scan.append(time.perf_counter() - start)
    raw.close()
    db.close()
    results.append(
        (
            f"search per keystroke ({len(typed)} keys), p95",
            f"{_p95(mine) * 1000:.1f} ms",
            f"{_p95(scan) * 1000:.1f} ms (LIKE)",
            f"{_p95(scan) / _p95(mine):.0f}x faster (>= 10x, <= 50 ms)",
        )
    )
    return results


def main() -> None:
    """Run the benchmark and print one results table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skus", type=int, default=50_000)
    parser.add_argument("--stores", type=int, default=6)
    parser.add_argument(
        "--quick", action="store_true", help="the quick chain of sync_bench.py: 20k SKUs x 4 stores"
    )
    parser.add_argument("--page", type=int, default=5_000, help="snapshot page size (rows)")
    parser.add_argument("--delta", type=int, default=10_000, help="changes in the delta")
    parser.add_argument("--repeat", type=int, default=3, help="delta runs (best is kept)")
    args = parser.parse_args()
    if args.quick:
        args.skus, args.stores = 20_000, 4

    with tempfile.TemporaryDirectory(prefix="cache-bench-") as tmp:
        work = Path(tmp)
        ours_s, finish_s, rows = bench_snapshot(
            work / "ours.sqlite3", args.skus, args.stores, args.page
        )
        rss = _peak_rss_mib()
        raw_s, raw_rows = bench_raw_snapshot(
            work / "raw.sqlite3", args.skus, args.stores, args.page
        )
        assert rows == raw_rows, (rows, raw_rows)

        results: list[tuple[str, str, str, str]] = []
        ours_rate, raw_rate = rows / ours_s, raw_rows / raw_s
        results.append(
            (
                f"snapshot write phase ({rows:,} rows)",
                f"{ours_rate:,.0f} rows/s",
                f"{raw_rate:,.0f} rows/s",
                f"{ours_rate / raw_rate:.2f}x rate (>= 0.5x)",
            )
        )
        results.append(
            (
                "snapshot finish (swap, indexes, search)",
                f"{finish_s:.2f} s",
                "-",
                f"pages+finish {rows / (ours_s + finish_s):,.0f} rows/s",
            )
        )
        results.extend(bench_lookups(work / "ours.sqlite3", args.skus))
        for mix in ("mixed", "prices", "products"):
            changes = delta_changes(args.skus, args.stores, args.delta, mix)
            page = json.dumps({"cursor": "x", "changes": changes, "more": False}).encode()
            ours, raw = [], []
            for _ in range(args.repeat):
                a, b = work / "delta-ours.sqlite3", work / "delta-raw.sqlite3"
                for target in (a, b):
                    shutil.copy(work / "ours.sqlite3", target)
                ours.append(bench_delta(a, page))
                raw.append(bench_raw_delta(b, changes))
            results.append(
                (
                    f"delta {args.delta:,} changes ({mix})",
                    f"{min(ours) * 1000:.0f} ms",
                    f"{min(raw) * 1000:.0f} ms",
                    f"{min(ours) / min(raw):.2f}x time (<= 3x)",
                )
            )

    print(f"cache bench: {args.skus:,} SKUs, {args.stores} stores, pages of {args.page:,} rows")
    print(f"peak RSS after the snapshot: {rss:.0f} MiB")
    header = ("figure", "cache", "raw sqlite3", "ratio (target)")
    widths = [max(len(r[i]) for r in [header, *results]) for i in range(4)]
    for line in [header, tuple("-" * w for w in widths), *results]:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)))


if __name__ == "__main__":
    main()
