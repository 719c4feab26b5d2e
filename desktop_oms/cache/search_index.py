"""Upkeep of the product search index (FTS5 trigram over ``v_product_search``).

The index is *external content*: it stores no copy of the text, only the trigrams. So an
entry is removed by handing FTS5 the exact values it indexed ('delete' with the old
values), read from the view *before* the product or its identifiers change; after the
change the entry is re-added from the view. Every write to ``products`` or
``identifiers`` goes through :func:`entries` + :func:`remove` / :func:`add`, or ends
with :func:`rebuild`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable

#: One product's index entry: rowid, then the indexed columns in FTS order.
Entry = tuple[int, str, str, str, str, str | None]

_ENTRIES = (
    "SELECT rid, sku, name, department, attrs, idents FROM v_product_search "
    "WHERE sku IN (SELECT value FROM json_each(?)) ORDER BY rid"
)
_DELETE = (
    "INSERT INTO product_fts(product_fts, rowid, sku, name, department, attrs, idents) "
    "VALUES ('delete', ?, ?, ?, ?, ?, ?)"
)
_INSERT = (
    "INSERT INTO product_fts(rowid, sku, name, department, attrs, idents) "
    "SELECT rid, sku, name, department, attrs, idents FROM v_product_search "
    "WHERE sku IN (SELECT value FROM json_each(?)) ORDER BY rid"
)


def entries(cur: sqlite3.Cursor, skus: Collection[str]) -> dict[str, Entry]:
    """The current index entries of these products, read from the view, by SKU."""
    if not skus:
        return {}
    found = cur.execute(_ENTRIES, (json.dumps(sorted(skus)),))
    return {r[1]: (r[0], r[1], r[2], r[3], r[4], r[5]) for r in found}


def entry(
    rowid: int,
    sku: str,
    name: str,
    department: str,
    attrs: str,
    identifiers: Iterable[tuple[str, str]],
) -> Entry:
    """A product's index entry exactly as ``v_product_search`` yields it, built in Python."""
    # Identifier values sorted by code point (SQLite's BINARY order of UTF-8 text) and
    # space-joined, or NULL without identifiers.
    values = sorted(value for value, _kind in identifiers)
    return (rowid, sku, name, department, attrs, " ".join(values) if values else None)


def remove(cur: sqlite3.Cursor, old: Iterable[Entry]) -> None:
    """Remove index entries, given exactly as they were indexed, in rowid order."""
    # FTS5 flushes its pending changes whenever a rowid goes backwards.
    cur.executemany(_DELETE, sorted(old))


def add(cur: sqlite3.Cursor, skus: Collection[str]) -> None:
    """Add index entries for these products as they are now (deleted ones are skipped)."""
    if skus:
        cur.execute(_INSERT, (json.dumps(sorted(skus)),))


def rebuild(cur: sqlite3.Cursor) -> None:
    """Re-index every product from scratch (after a snapshot switch or a VACUUM)."""
    cur.execute("INSERT INTO product_fts(product_fts) VALUES ('rebuild')")


def clear(cur: sqlite3.Cursor) -> None:
    """Drop every index entry (the products are being wiped)."""
    cur.execute("INSERT INTO product_fts(product_fts) VALUES ('delete-all')")


def consistent(cur: sqlite3.Cursor) -> bool:
    """Whether the index matches the products exactly (FTS5 integrity-check against content)."""
    try:
        cur.execute("INSERT INTO product_fts(product_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError:
        return False
    return True
