"""Cycle counts on the station: count a department or a shelf, review, submit as commands.

A count (a row of ``count_sessions``) has a scope: a department, or a shelf by its derived
location (:func:`desktop_oms.cache.queries.shelf_location`): an aisle and bay (``H-07``,
every shelf of the bay) or one shelf (``H-07-C``). Scans and typed quantities make its
lines (``count_lines``). A line remembers what the station knew when the SKU was *first*
counted: the expected quantity (``v_inventory`` on hand), the confirmed stock version
and the last outbox seq issued. Those go with the count to the server, which applies it
against the movements since then (not a blind overwrite): sales after the count still
count, this station's commands issued before it are taken as already on the shelf.

The variance review lists every counted SKU and every SKU in scope with stock here that
was not counted (counted as 0 or left out, as the user chooses). Submitting queues one
``adjust_inventory`` count command per counted line, whether or not it differs from what
the station expects, so the server reconciles movements this station has not seen yet;
all in the caller's one write transaction, with the count marked submitted. Nothing here
waits for the network: a count is taken and submitted offline and reaches the server with
the outbox. Counts are the station's own rows, so they survive restarts and sign-outs.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy.engine import Connection

from desktop_oms.cache import outbox, queries, state
from desktop_oms.cache.db import driver_cursor
from desktop_oms.cache.queries import ProductRow
from desktop_oms.cache.rows import utc_text
from desktop_oms.cache.state import Key
from desktop_oms.domain.commands import CommandName, TargetKind, check_role
from desktop_oms.domain.errors import (
    DomainError,
    MissingRequirement,
    NotFound,
    PermissionDenied,
)
from desktop_oms.domain.reasons import ReasonKind, require_reason
from desktop_oms.domain.roles import Role

ScopeKind = Literal["department", "shelf"]
#: What to do at submit with SKUs in scope that have stock here but were not counted.
Uncounted = Literal["leave", "zero"]

OPEN, SUBMITTED, CANCELLED = "open", "submitted", "cancelled"
#: The reason a counted line carries unless the user picks another.
DEFAULT_REASON = "cycle_count"
#: ``count_lines.source``: scanned, typed or +/- by hand, counted as 0 at review.
SCAN, HAND, NOT_FOUND = "scan", "hand", "not_found"
#: The largest quantity one line may hold (the wire's limit for a count).
MAX_QUANTITY = 100_000

_SHELF_RE = re.compile(r"^([A-Z])[\s-]*(\d{1,2})(?:[\s-]*([A-E]))?$")


class CountRefused(DomainError):
    """A count cannot take this: it is closed, the quantity is wrong, nothing was counted."""

    code = "count_refused"


class OutsideScope(DomainError):
    """A product scanned into a count it is not part of; says where it belongs."""

    code = "outside_count"

    def __init__(self, message: str, product: ProductRow, location: str) -> None:
        super().__init__(message)
        self.product = product
        self.location = location


@dataclass(frozen=True, slots=True)
class Scope:
    """What a count covers: a department (by name) or a shelf (``H-07`` or ``H-07-C``)."""

    kind: ScopeKind
    value: str

    @property
    def label(self) -> str:
        """The scope in words: ``Home department``, ``Aisle H, bay 07``, ``Shelf H-07-C``."""
        if self.kind == "department":
            return f"{self.value} department"
        parts = self.value.split("-")
        if len(parts) == 2:
            return f"Aisle {parts[0]}, bay {parts[1]}"
        return f"Shelf {self.value}"

    def holds(self, product: ProductRow) -> bool:
        """Whether ``product`` belongs to this scope."""
        if self.kind == "department":
            return product.department == self.value
        location = queries.shelf_location(product.department, product.sku)
        return location == self.value or location.startswith(self.value + "-")


def parse_shelf(text: str) -> str:
    """A shelf or bay typed any common way (``h7``, ``H-07``, ``h 7 c``) as ``H-07`` or
    ``H-07-C``; MissingRequirement saying the form otherwise."""
    found = _SHELF_RE.match(text.strip().upper())
    bay = int(found.group(2)) if found else 0
    if found is None or not 1 <= bay <= 40:
        raise MissingRequirement(
            f"“{text.strip()}” is not a shelf: type an aisle and bay such as H-07 "
            "(bays 01-40), or one shelf such as H-07-C (shelves A-E)"
        )
    shelf = found.group(3)
    return f"{found.group(1)}-{bay:02d}" + (f"-{shelf}" if shelf else "")


def _initial(department: str) -> str:
    """A department's aisle letter, as :func:`queries.shelf_location` derives it."""
    return queries.shelf_location(department, "")[0]


def departments(conn: Connection) -> list[str]:
    """The catalogue's departments, by name."""
    cur = driver_cursor(conn)
    return [str(d) for (d,) in cur.execute("SELECT DISTINCT department FROM products ORDER BY 1")]


def make_scope(conn: Connection, kind: ScopeKind, value: str) -> Scope:
    """A checked scope: a known department (any letter case), or a shelf of a known aisle."""
    names = departments(conn)
    if kind == "department":
        for name in names:
            if name.casefold() == value.strip().casefold():
                return Scope("department", name)
        raise NotFound(f"No department is called “{value.strip()}”: pick one from the list")
    shelf = parse_shelf(value)
    if not any(_initial(name) == shelf[0] for name in names):
        aisles = ", ".join(sorted({_initial(n) for n in names}))
        raise NotFound(f"There is no aisle {shelf[0]} in this store (aisles: {aisles})")
    return Scope("shelf", shelf)


# --- sessions ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CountSession:
    """A count and how far it got: lines counted and units counted."""

    id: int
    store_id: int
    scope: Scope
    started_at: str
    started_by: int
    started_by_name: str | None
    state: str
    submitted_at: str | None
    submitted_by: int | None
    lines: int
    units: int

    @property
    def is_open(self) -> bool:
        """Whether the count still takes scans."""
        return self.state == OPEN


_SESSION_SELECT = (
    "SELECT s.id, s.store_id, s.scope_kind, s.scope_value, s.started_at, s.started_by, "
    "st.display_name, s.state, s.submitted_at, s.submitted_by, "
    "(SELECT count(*) FROM count_lines l WHERE l.session_id = s.id), "
    "(SELECT coalesce(sum(counted), 0) FROM count_lines l WHERE l.session_id = s.id) "
    "FROM count_sessions s LEFT JOIN staff st ON st.id = s.started_by"
)


def _session_of(row: Sequence[Any]) -> CountSession:
    return CountSession(
        id=int(row[0]),
        store_id=int(row[1]),
        scope=Scope(row[2], str(row[3])),
        started_at=str(row[4]),
        started_by=int(row[5]),
        started_by_name=row[6],
        state=str(row[7]),
        submitted_at=row[8],
        submitted_by=row[9],
        lines=int(row[10]),
        units=int(row[11]),
    )


def start(
    conn: Connection, *, store_id: int, scope: Scope, staff_id: int, now: datetime
) -> CountSession:
    """Begin a count of ``scope`` (see :func:`make_scope`) at ``store_id``."""
    cur = driver_cursor(conn)
    cur.execute(
        "INSERT INTO count_sessions (store_id, scope_kind, scope_value, started_at, started_by, "
        "state) VALUES (?, ?, ?, ?, ?, ?)",
        (store_id, scope.kind, scope.value, utc_text(now), staff_id, OPEN),
    )
    session_id = cur.lastrowid
    assert session_id is not None
    found = get(conn, session_id)
    assert found is not None
    return found


def get(conn: Connection, session_id: int) -> CountSession | None:
    """One count, whatever its state."""
    row = driver_cursor(conn).execute(_SESSION_SELECT + " WHERE s.id = ?", (session_id,)).fetchone()
    return None if row is None else _session_of(row)


def open_counts(conn: Connection, store_id: int) -> list[CountSession]:
    """The counts of ``store_id`` still open, the most recent first."""
    found = driver_cursor(conn).execute(
        _SESSION_SELECT + " WHERE s.store_id = ? AND s.state = ? ORDER BY s.id DESC",
        (store_id, OPEN),
    )
    return [_session_of(r) for r in found]


def _open(conn: Connection, session_id: int) -> CountSession:
    found = get(conn, session_id)
    if found is None:
        raise NotFound(f"count {session_id} does not exist at this station")
    if found.state != OPEN:
        when = found.submitted_at if found.state == SUBMITTED else None
        at = f" at {when[:16].replace('T', ' ')} UTC" if when else ""
        raise CountRefused(f"This count was {found.state}{at}: start a new count")
    return found


def cancel(conn: Connection, session_id: int, now: datetime) -> None:
    """Abandon an open count (its lines stay, for the record; nothing is sent)."""
    _open(conn, session_id)
    driver_cursor(conn).execute(
        "UPDATE count_sessions SET state = ?, cancelled_at = ? WHERE id = ?",
        (CANCELLED, utc_text(now), session_id),
    )


# --- the scope's products ------------------------------------------------------------------


_PRODUCTS = (
    "SELECT p.sku, p.name, p.department, p.price_minor, p.currency, p.attributes, p.image_ref, "
    "p.version FROM products p WHERE p.department IN "
)


def product_of(conn: Connection, sku: str) -> ProductRow | None:
    """The catalogue product with SKU ``sku``."""
    row = (
        driver_cursor(conn)
        .execute(_PRODUCTS.replace("p.department IN ", "p.sku = ?"), (sku,))
        .fetchone()
    )
    return None if row is None else ProductRow._make(row)


def _scope_departments(conn: Connection, scope: Scope) -> list[str]:
    if scope.kind == "department":
        return [scope.value]
    return [d for d in departments(conn) if _initial(d) == scope.value[0]]


def scope_products(conn: Connection, scope: Scope) -> list[ProductRow]:
    """Every catalogue product in ``scope``, by SKU (a shelf's: every product located there)."""
    names = _scope_departments(conn, scope)
    if not names:
        return []
    marks = ", ".join("?" * len(names))
    cur = driver_cursor(conn)
    found = [
        ProductRow._make(r) for r in cur.execute(_PRODUCTS + f"({marks}) ORDER BY p.sku", names)
    ]
    return found if scope.kind == "department" else [p for p in found if scope.holds(p)]


def scope_codes(conn: Connection, session_id: int) -> dict[str, str]:
    """What a scanner may read for the count's products, mapped to their SKU: identifier
    lookup keys (GTIN-14 for a GTIN), SKUs, and the SKUs of lines added from outside.
    The page decides a scan's sound from it at once; the write then checks again."""
    found = get(conn, session_id)
    if found is None:
        return {}
    cur = driver_cursor(conn)
    skus = [p.sku for p in scope_products(conn, found.scope)]
    skus += [
        str(s)
        for (s,) in cur.execute(
            "SELECT sku FROM count_lines WHERE session_id = ? AND NOT in_scope", (session_id,)
        )
    ]
    codes = queries.identifiers_of(conn, skus)
    codes.update({sku: sku for sku in skus})
    return codes


# --- counting ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CountLine:
    """One counted SKU of a count, with what the station knew when it was first counted."""

    session_id: int
    sku: str
    counted: int
    expected: int
    base_version: int
    counted_at_seq: int | None
    first_scanned_at: str
    last_scanned_at: str
    scans: int
    source: str
    reason: str
    in_scope: bool
    counted_by: int
    outbox_seq: int | None


_LINE_COLUMNS = (
    "session_id, sku, counted, expected, base_version, counted_at_seq, first_scanned_at, "
    "last_scanned_at, scans, source, reason, in_scope, counted_by, outbox_seq"
)


def _line_of(row: Sequence[Any]) -> CountLine:
    values = list(row)
    values[11] = bool(values[11])
    return CountLine(*values)


def line(conn: Connection, session_id: int, sku: str) -> CountLine | None:
    """One line of a count."""
    row = (
        driver_cursor(conn)
        .execute(
            f"SELECT {_LINE_COLUMNS} FROM count_lines WHERE session_id = ? AND sku = ?",  # noqa: S608
            (session_id, sku),
        )
        .fetchone()
    )
    return None if row is None else _line_of(row)


def lines(conn: Connection, session_id: int) -> list[CountLine]:
    """Every line of a count, by SKU."""
    found = driver_cursor(conn).execute(
        f"SELECT {_LINE_COLUMNS} FROM count_lines WHERE session_id = ? ORDER BY sku",  # noqa: S608
        (session_id,),
    )
    return [_line_of(r) for r in found]


def _stock(cur: sqlite3.Cursor, store_id: int, sku: str) -> tuple[int, int]:
    """``(on hand as the station sees it, confirmed version)`` of one SKU here (0, 0: none)."""
    seen = cur.execute(
        "SELECT on_hand FROM v_inventory WHERE store_id = ? AND sku = ?", (store_id, sku)
    ).fetchone()
    confirmed = cur.execute(
        "SELECT version FROM inventory WHERE store_id = ? AND sku = ?", (store_id, sku)
    ).fetchone()
    return (0 if seen is None else int(seen[0]), 0 if confirmed is None else int(confirmed[0]))


def _new_line(
    conn: Connection,
    count: CountSession,
    sku: str,
    *,
    counted: int,
    scans: int,
    source: str,
    in_scope: bool,
    staff_id: int,
    now: datetime,
) -> CountLine:
    """Take a SKU into the count: the snapshot of what the station knows now goes with it."""
    cur = driver_cursor(conn)
    expected, base_version = _stock(cur, count.store_id, sku)
    last_seq = int(state.get(conn, Key.LAST_COMMAND_SEQ, 0) or 0)
    at = utc_text(now)
    cur.execute(
        f"INSERT INTO count_lines ({_LINE_COLUMNS}) "  # noqa: S608
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
        (
            count.id,
            sku,
            counted,
            expected,
            base_version,
            last_seq or None,
            at,
            at,
            scans,
            source,
            DEFAULT_REASON,
            in_scope,
            staff_id,
        ),
    )
    found = line(conn, count.id, sku)
    assert found is not None
    return found


def outside_message(product: ProductRow, scope: Scope) -> OutsideScope:
    """The refusal of ``product`` scanned into a count of ``scope``: where it belongs."""
    location = queries.shelf_location(product.department, product.sku)
    return OutsideScope(
        f"{product.name} ({product.sku}) is not part of this count: it belongs to "
        f"{product.department}, shelf {location}, not {scope.label}. Add it to the count to "
        "count it here anyway",
        product,
        location,
    )


def _admit(
    conn: Connection, count: CountSession, product: ProductRow, add_outside: bool
) -> tuple[CountLine | None, bool]:
    """The product's line (None: not counted yet) and whether it is in scope; OutsideScope
    when it is neither in scope, nor added before, nor to be added now."""
    existing = line(conn, count.id, product.sku)
    in_scope = count.scope.holds(product)
    if existing is None and not in_scope and not add_outside:
        raise outside_message(product, count.scope)
    return existing, in_scope


def record_scan(
    conn: Connection,
    session_id: int,
    code: str,
    *,
    staff_id: int,
    now: datetime,
    add_outside: bool = False,
) -> CountLine:
    """One unit scanned: +1 on its product's line (the line begins, with its snapshot, at
    the first). NotFound for a code no product has; OutsideScope for a product outside the
    count unless ``add_outside`` (the user said to add it)."""
    count = _open(conn, session_id)
    product = queries.product_by_identifier(conn, code)
    if product is None:
        raise NotFound(f"No product has the barcode {code.strip()}")
    existing, in_scope = _admit(conn, count, product, add_outside)
    if existing is None:
        return _new_line(
            conn,
            count,
            product.sku,
            counted=1,
            scans=1,
            source=SCAN,
            in_scope=in_scope,
            staff_id=staff_id,
            now=now,
        )
    if existing.counted >= MAX_QUANTITY:
        raise CountRefused(f"{product.sku} already has {existing.counted} counted")
    return _update(conn, existing, existing.counted + 1, staff_id, now, scanned=True)


def _update(
    conn: Connection, old: CountLine, counted: int, staff_id: int, now: datetime, *, scanned: bool
) -> CountLine:
    source = SCAN if scanned and old.source == SCAN else HAND
    driver_cursor(conn).execute(
        "UPDATE count_lines SET counted = ?, scans = scans + ?, source = ?, last_scanned_at = ?, "
        "counted_by = ? WHERE session_id = ? AND sku = ?",
        (counted, int(scanned), source, utc_text(now), staff_id, old.session_id, old.sku),
    )
    found = line(conn, old.session_id, old.sku)
    assert found is not None
    return found


def set_quantity(
    conn: Connection,
    session_id: int,
    sku: str,
    quantity: int,
    *,
    staff_id: int,
    now: datetime,
    add_outside: bool = False,
    source: str = HAND,
) -> CountLine:
    """Set the counted quantity of a SKU by hand (typed, +/-, or 0 for "not found")."""
    if not 0 <= quantity <= MAX_QUANTITY:
        raise CountRefused(f"A counted quantity is a whole number from 0 to {MAX_QUANTITY:,}")
    count = _open(conn, session_id)
    product = product_of(conn, sku)
    if product is None:
        raise NotFound(f"SKU {sku} is not in the catalogue")
    existing, in_scope = _admit(conn, count, product, add_outside)
    if existing is None:
        return _new_line(
            conn,
            count,
            sku,
            counted=quantity,
            scans=0,
            source=source,
            in_scope=in_scope,
            staff_id=staff_id,
            now=now,
        )
    return _update(conn, existing, quantity, staff_id, now, scanned=False)


def remove_line(conn: Connection, session_id: int, sku: str) -> bool:
    """Take a SKU out of the count (to recount it from scratch); whether it was there."""
    _open(conn, session_id)
    cur = driver_cursor(conn)
    cur.execute("DELETE FROM count_lines WHERE session_id = ? AND sku = ?", (session_id, sku))
    return cur.rowcount == 1


def set_reason(conn: Connection, session_id: int, sku: str, reason: str) -> None:
    """The adjustment reason a counted line goes to the server with (``cycle_count``,
    ``damaged``, ``theft``, ...)."""
    require_reason(ReasonKind.ADJUST, reason)
    _open(conn, session_id)
    cur = driver_cursor(conn)
    cur.execute(
        "UPDATE count_lines SET reason = ? WHERE session_id = ? AND sku = ?",
        (reason, session_id, sku),
    )
    if cur.rowcount != 1:
        raise CountRefused(f"{sku} has not been counted: count it first, then give a reason")


# --- the variance review -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReviewLine:
    """A SKU in the review: counted (``counted`` set) or in scope with stock, not counted."""

    sku: str
    name: str
    department: str
    location: str
    price_minor: int
    currency: str
    expected: int  # when counted: as the station saw it then; else now
    current: int  # on hand as the station sees it now
    counted: int | None
    reason: str
    in_scope: bool
    source: str | None
    scans: int
    last_scanned_at: str | None
    outbox_seq: int | None

    @property
    def variance(self) -> int | None:
        """Counted minus expected, None when not counted."""
        return None if self.counted is None else self.counted - self.expected

    @property
    def variance_minor(self) -> int | None:
        """The variance's value at the product's price (minor units)."""
        v = self.variance
        return None if v is None else v * self.price_minor

    @property
    def moved_since(self) -> int:
        """How on hand changed here since the SKU was counted (sales, receipts seen)."""
        return self.current - self.expected if self.counted is not None else 0


@dataclass(frozen=True, slots=True)
class Review:
    """The variance review of a count: counted lines by absolute variance value, then the
    SKUs in scope with stock here that were not counted; with totals."""

    count: CountSession
    lines: list[ReviewLine]
    currency: str

    @property
    def counted(self) -> list[ReviewLine]:
        """The lines counted."""
        return [r for r in self.lines if r.counted is not None]

    @property
    def not_counted(self) -> list[ReviewLine]:
        """SKUs in scope with stock here that nobody counted."""
        return [r for r in self.lines if r.counted is None]

    @property
    def units_counted(self) -> int:
        """Units counted over the counted lines."""
        return sum(r.counted or 0 for r in self.lines)

    @property
    def units_expected(self) -> int:
        """Units expected on the counted lines."""
        return sum(r.expected for r in self.counted)

    @property
    def variance_units(self) -> int:
        """Net units over (+) or short (-) on the counted lines."""
        return sum(r.variance or 0 for r in self.lines)

    @property
    def variance_minor(self) -> int:
        """Net value of the variance (minor units)."""
        return sum(r.variance_minor or 0 for r in self.lines)

    @property
    def absolute_minor(self) -> int:
        """Value of every line's variance, over and short alike (minor units)."""
        return sum(abs(r.variance_minor or 0) for r in self.lines)

    @property
    def differing(self) -> int:
        """Counted lines whose count differs from what was expected."""
        return sum(1 for r in self.lines if r.variance)


def review(conn: Connection, session_id: int, *, uncounted: bool = True) -> Review:
    """The variance review of a count (any state; an open count's as it stands); without
    the SKUs not counted when ``uncounted`` is False (cheap: while counting a department,
    each scan re-reads only the lines)."""
    count = get(conn, session_id)
    if count is None:
        raise NotFound(f"count {session_id} does not exist at this station")
    cur = driver_cursor(conn)
    counted = {c.sku: c for c in lines(conn, session_id)}
    in_scope = {p.sku: p for p in scope_products(conn, count.scope)} if uncounted else {}
    stock = dict(
        cur.execute("SELECT sku, on_hand FROM v_inventory WHERE store_id = ?", (count.store_id,))
        if len(in_scope) + len(counted) > 500
        else _stock_of(cur, count.store_id, [*in_scope, *counted])
    )
    products = dict(in_scope)
    for sku in counted.keys() - products.keys():
        product = product_of(conn, sku)
        if product is not None:
            products[sku] = product
    out: list[ReviewLine] = []
    for sku, product in products.items():
        c = counted.get(sku)
        now_on_hand = int(stock.get(sku, 0))
        if c is None and now_on_hand <= 0:
            continue  # nothing expected, nothing counted
        if not uncounted and c is None:
            continue
        out.append(
            ReviewLine(
                sku=sku,
                name=product.name,
                department=product.department,
                location=queries.shelf_location(product.department, sku),
                price_minor=product.price_minor,
                currency=product.currency,
                expected=c.expected if c is not None else now_on_hand,
                current=now_on_hand,
                counted=None if c is None else c.counted,
                reason=DEFAULT_REASON if c is None else c.reason,
                in_scope=True if c is None else c.in_scope,
                source=None if c is None else c.source,
                scans=0 if c is None else c.scans,
                last_scanned_at=None if c is None else c.last_scanned_at,
                outbox_seq=None if c is None else c.outbox_seq,
            )
        )
    out.sort(
        key=lambda r: (
            r.counted is None,
            -abs(r.variance_minor or 0) if r.counted is not None else -r.expected * r.price_minor,
            r.location,
            r.sku,
        )
    )
    currency = out[0].currency if out else "EUR"
    return Review(count, out, currency)


def _stock_of(cur: sqlite3.Cursor, store_id: int, skus: Sequence[str]) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for sku in dict.fromkeys(skus):
        row = cur.execute(
            "SELECT sku, on_hand FROM v_inventory WHERE store_id = ? AND sku = ?", (store_id, sku)
        ).fetchone()
        if row is not None:
            found.append((str(row[0]), int(row[1])))
    return found


# --- submitting ----------------------------------------------------------------------------

#: What a store associate is told when only a manager may submit.
MANAGER_SUBMITS = (
    "Only a manager can submit a count: the count is saved here — a manager signs in to "
    "review and submit it"
)


@dataclass(frozen=True, slots=True)
class Submitted:
    """A submitted count: the commands queued (one per counted line), in seq order."""

    count: CountSession
    entries: list[outbox.OutboxEntry]
    zeroed: int  # SKUs not counted that were counted as 0 at submit


def may_submit(role: Role | None) -> bool:
    """Whether ``role`` may submit counts and adjust stock."""
    if role is None:
        return False
    try:
        check_role(CommandName.ADJUST_INVENTORY, role)
    except PermissionDenied:
        return False
    return True


def submit(
    conn: Connection,
    session_id: int,
    *,
    staff_id: int,
    now: datetime,
    uncounted: Uncounted = "leave",
    role: Role | None = None,
) -> Submitted:
    """Queue the count: an ``adjust_inventory`` count command per counted line (after
    counting the SKUs not counted as 0 when ``uncounted == "zero"``), the count marked
    submitted; in the caller's write transaction, so all or nothing. PermissionDenied for
    a role that may not adjust stock (the count stays open)."""
    count = _open(conn, session_id)
    acting = role if role is not None else _role_of(conn, staff_id)
    if not may_submit(acting):
        raise PermissionDenied(MANAGER_SUBMITS)
    zeroed = 0
    if uncounted == "zero":
        for missing in review(conn, session_id).not_counted:
            set_quantity(
                conn, session_id, missing.sku, 0, staff_id=staff_id, now=now, source=NOT_FOUND
            )
            zeroed += 1
    todo = lines(conn, session_id)
    if not todo:
        raise CountRefused("Nothing has been counted yet: scan the items on the shelf first")
    cur = driver_cursor(conn)
    entries: list[outbox.OutboxEntry] = []
    for item in todo:
        entry = outbox.enqueue(
            conn,
            name=CommandName.ADJUST_INVENTORY,
            target_kind=TargetKind.INVENTORY,
            target_key=f"{count.store_id}:{item.sku}",
            base_version=item.base_version,
            staff_id=staff_id,
            approved_by=None,
            args={
                "mode": "count",
                "quantity": item.counted,
                "reason": item.reason,
                "counted_at_seq": item.counted_at_seq,
            },
            now=now,
            role=role,
        )
        cur.execute(
            "UPDATE count_lines SET outbox_seq = ? WHERE session_id = ? AND sku = ?",
            (entry.seq, session_id, item.sku),
        )
        entries.append(entry)
    cur.execute(
        "UPDATE count_sessions SET state = ?, submitted_at = ?, submitted_by = ? WHERE id = ?",
        (SUBMITTED, utc_text(now), staff_id, session_id),
    )
    done = get(conn, session_id)
    assert done is not None
    return Submitted(done, entries, zeroed)


def _role_of(conn: Connection, staff_id: int) -> Role | None:
    row = (
        driver_cursor(conn)
        .execute("SELECT role FROM staff WHERE id = ? AND active", (staff_id,))
        .fetchone()
    )
    return None if row is None else Role(row[0])


def waiting(conn: Connection, session_id: int) -> int:
    """How many of a submitted count's commands are still in the outbox (not confirmed)."""
    row = (
        driver_cursor(conn)
        .execute(
            "SELECT count(*) FROM count_lines l JOIN outbox o ON o.seq = l.outbox_seq "
            "WHERE l.session_id = ?",
            (session_id,),
        )
        .fetchone()
    )
    return int(row[0])


# --- one correction ------------------------------------------------------------------------


def adjust(
    conn: Connection,
    *,
    store_id: int,
    sku: str,
    delta: int,
    reason: str,
    staff_id: int,
    now: datetime,
    role: Role | None = None,
) -> outbox.OutboxEntry:
    """Queue a single stock correction by ``delta`` units (damaged, theft, found, ...),
    based on the stock version the station shows now (the server refuses it if stock
    moved meanwhile: the conflict inbox then says so)."""
    if delta == 0:
        raise MissingRequirement("A correction needs a number of units other than 0")
    require_reason(ReasonKind.ADJUST, reason)
    row = (
        driver_cursor(conn)
        .execute("SELECT version FROM v_inventory WHERE store_id = ? AND sku = ?", (store_id, sku))
        .fetchone()
    )
    return outbox.enqueue(
        conn,
        name=CommandName.ADJUST_INVENTORY,
        target_kind=TargetKind.INVENTORY,
        target_key=f"{store_id}:{sku}",
        base_version=0 if row is None else int(row[0]),
        staff_id=staff_id,
        approved_by=None,
        args={"mode": "delta", "quantity": delta, "reason": reason},
        now=now,
        role=role,
    )


# --- the demo --------------------------------------------------------------------------------

#: Differences from the expected quantity a demo count shows, line by line.
_DEMO_VARIANCES = (0, -1, 0, 2, -3, 0, 1, 0, -1, 0)


def showcase(conn: Connection, store_id: int, staff_id: int, now: datetime) -> tuple[int, str]:
    """Demo and screenshots: a count of the bay with the most stocked products here, most
    of them counted with a few variances, the last ones not yet; its id and the SKU
    counted last."""
    cur = driver_cursor(conn)
    bays: dict[str, list[tuple[str, int]]] = {}
    for sku, department, on_hand in cur.execute(
        "SELECT v.sku, p.department, v.on_hand FROM v_inventory v "
        "JOIN products p ON p.sku = v.sku WHERE v.store_id = ? AND v.on_hand > 0 ORDER BY v.sku",
        (store_id,),
    ):
        bay = queries.shelf_location(str(department), str(sku))[:4]
        bays.setdefault(bay, []).append((str(sku), int(on_hand)))
    if not bays:
        raise NotFound("no stock at this store to count")
    bay = max(sorted(bays), key=lambda b: min(len(bays[b]), 10))
    count = start(conn, store_id=store_id, scope=Scope("shelf", bay), staff_id=staff_id, now=now)
    stocked = sorted(bays[bay], key=lambda item: queries.shelf_location(bay[0], item[0]))
    last = stocked[0][0]
    for n, (sku, on_hand) in enumerate(stocked[: max(1, len(stocked) - 2)]):
        quantity = max(0, on_hand + _DEMO_VARIANCES[n % len(_DEMO_VARIANCES)])
        _new_line(
            conn,
            count,
            sku,
            counted=quantity,
            scans=quantity,
            source=SCAN,
            in_scope=True,
            staff_id=staff_id,
            now=now,
        )
        last = sku
    return count.id, last
