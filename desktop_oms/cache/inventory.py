"""What the manager's inventory view reads: stock by department, the out-of-stock and
low-stock lists, aged pickups, overdue fulfillments and today's fulfilment figures.

Everything comes from the station cache, so the view works offline; stock and
fulfillments are read with the pending overlay (a command in flight shows its predicted
effect). Available to promise is ``on_hand - reserved - safety_stock`` floored at 0:
*out of stock* means nothing available, *low stock* 1 up to the threshold (the server's
setting :data:`LOW_STOCK_SETTING`). "Today" is the store's local day (the ``stores`` time
zone). Fulfillment times the cache has no column for (``ready_at``, ``completed_at``,
``rejections``) are read from the document with ``json_extract``: documents written before
the server sent them give NULL, and the figures fall back as each function says.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, Literal, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.engine import Connection

from desktop_oms.cache import queries, state
from desktop_oms.cache.db import driver_cursor
from desktop_oms.cache.queries import fulfillment_overlay
from desktop_oms.cache.rows import utc_text

#: Server setting: a SKU with at most this many units available (and some) is low on stock.
LOW_STOCK_SETTING = "inventory.low_stock_units"
#: Server setting: a pickup ready for longer than this many days is aged.
AGED_PICKUP_SETTING = "inventory.aged_pickup_days"
DEFAULT_LOW_STOCK_UNITS = 3
DEFAULT_AGED_PICKUP_DAYS = 3
#: Reason codes of rejected lines (``reason_codes.kind``).
REJECT_KIND = "reject"


class Thresholds(NamedTuple):
    """The limits the lists use (server settings, defaults when the server sent none)."""

    low_stock_units: int
    aged_pickup_days: int


def _count_setting(conn: Connection, key: str, default: int) -> int:
    value = queries.setting(conn, key)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        return default
    return int(value)


def thresholds(conn: Connection) -> Thresholds:
    """The low-stock and aged-pickup thresholds synced from the server (or the defaults)."""
    return Thresholds(
        _count_setting(conn, LOW_STOCK_SETTING, DEFAULT_LOW_STOCK_UNITS),
        _count_setting(conn, AGED_PICKUP_SETTING, DEFAULT_AGED_PICKUP_DAYS),
    )


def store_timezone(conn: Connection, store_id: int) -> tzinfo:
    """The store's time zone (UTC when the store or its zone is unknown)."""
    row = (
        driver_cursor(conn)
        .execute("SELECT timezone FROM stores WHERE id = ?", (store_id,))
        .fetchone()
    )
    try:
        return ZoneInfo(row[0]) if row is not None else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def local_midnight(now: datetime, tz: tzinfo) -> datetime:
    """The start of the local day of ``now`` in ``tz`` (an aware datetime)."""
    return datetime.combine(now.astimezone(tz).date(), time(0), tz)


def _parse(text: str | None) -> datetime | None:
    """A timestamp from the cache or a document (any ISO form; naive is UTC), or None."""
    if not text:
        return None
    value = datetime.fromisoformat(text)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


# --- stock ---------------------------------------------------------------------------------


class DepartmentRow(NamedTuple):
    """Stock of one department at the store (one row per currency its prices are in).

    ``skus``: SKUs the store has a stock row for; ``stock_value_minor``: on hand times the
    price, in minor units of ``currency``; ``out_of_stock``/``low_stock``: SKUs with
    nothing / at most the threshold (but something) available to promise.
    """

    department: str
    currency: str
    skus: int
    on_hand: int
    stock_value_minor: int
    out_of_stock: int
    low_stock: int


#: Available to promise before flooring (``v`` is an inventory row).
_AVAILABLE = "v.on_hand - v.reserved - v.safety_stock"


def _stock_overlay(columns: str, where: str) -> str:
    """``columns`` of the store's stock rows (``v``, joined to products ``p``) matching
    ``where``, as ``v_inventory`` has them (a pending row over its confirmed one),
    without materialising the view (at 500k SKUs that alone took 100 ms)."""
    return (
        f"SELECT {columns}, 1 AS pending, v.outbox_seq AS outbox_seq "  # noqa: S608
        f"FROM pending_inventory v JOIN products p ON p.sku = v.sku WHERE {where} "
        f"UNION ALL SELECT {columns}, 0, NULL FROM inventory v JOIN products p ON p.sku = v.sku "
        f"WHERE {where} AND NOT EXISTS (SELECT 1 FROM pending_inventory q "
        "WHERE q.store_id = v.store_id AND q.sku = v.sku)"
    )


#: Confirmed stock by department: a plain join on primary keys and one GROUP BY. Reading
#: through the overlay (NOT EXISTS per row, a compound co-routine) cost a third more at
#: 500k SKUs; the few pending rows are accounted for in Python instead.
_DEPARTMENTS = (
    "SELECT p.department, p.currency, count(*), coalesce(sum(v.on_hand), 0), "  # noqa: S608
    "coalesce(sum(v.on_hand * p.price_minor), 0), "
    f"coalesce(sum({_AVAILABLE} <= 0), 0), "
    f"coalesce(sum({_AVAILABLE} > 0 AND {_AVAILABLE} <= :low), 0) "
    "FROM inventory v JOIN products p ON p.sku = v.sku WHERE v.store_id = :store "
    "GROUP BY p.department, p.currency"
)
#: The store's pending stock rows, each with its product and the confirmed row it hides.
_PENDING_STOCK = """
SELECT p.department, p.currency, p.price_minor, q.on_hand, q.reserved, q.safety_stock,
       v.on_hand, v.reserved, v.safety_stock
FROM pending_inventory q JOIN products p ON p.sku = q.sku
LEFT JOIN inventory v ON v.store_id = q.store_id AND v.sku = q.sku
WHERE q.store_id = :store
"""


def _stock_figures(
    price: int, on_hand: int, reserved: int, safety: int, low: int
) -> tuple[int, int, int, int, int]:
    """One stock row's share of a department row: SKUs, units, value, out, low."""
    available = on_hand - reserved - safety
    return (1, on_hand, on_hand * price, int(available <= 0), int(0 < available <= low))


def departments(conn: Connection, store_id: int, low_stock_units: int) -> list[DepartmentRow]:
    """Stock at ``store_id`` by department (and currency), by department name, as the
    overlay predicts it.

    One pass over the store's confirmed stock rows joined to the catalogue by primary
    keys, grouped in SQL (about 0.3 s at 500k SKUs, see docs/decisions.md), then each
    pending row replaces its confirmed row's share.
    """
    params = {"store": store_id, "low": low_stock_units}
    cur = driver_cursor(conn)
    groups: dict[tuple[str, str], list[int]] = {
        (r[0], r[1]): list(r[2:]) for r in cur.execute(_DEPARTMENTS, params)
    }
    for r in cur.execute(_PENDING_STOCK, params):
        key, price = (r[0], r[1]), r[2]
        sums = groups.setdefault(key, [0, 0, 0, 0, 0])
        if r[6] is not None:  # the confirmed row this pending one hides
            old = _stock_figures(price, r[6], r[7], r[8], low_stock_units)
            sums[:] = [s - o for s, o in zip(sums, old, strict=True)]
        new = _stock_figures(price, r[3], r[4], r[5], low_stock_units)
        sums[:] = [s + n for s, n in zip(sums, new, strict=True)]
    return [
        DepartmentRow(department, currency, *sums)
        for (department, currency), sums in sorted(
            groups.items(), key=lambda item: (item[0][0].casefold(), item[0])
        )
        if sums[0] > 0
    ]


class StockLevelRow(NamedTuple):
    """A SKU on the out-of-stock or low-stock list.

    ``last_known``: when the figures were true — the last sync for confirmed stock, when
    the station's own change was made for a predicted (``pending``) one.
    """

    sku: str
    name: str
    department: str
    on_hand: int
    reserved: int
    safety_stock: int
    available: int
    last_known: str | None
    pending: bool


def _stock_list(
    conn: Connection, store_id: int, condition: str, params: dict[str, Any], department: str | None
) -> list[StockLevelRow]:
    where = f"v.store_id = :store AND {condition}"
    params = {**params, "store": store_id}
    if department is not None:
        where += " AND p.department = :department"
        params["department"] = department
    sql = (
        "SELECT s.sku, s.name, s.department, s.on_hand, s.reserved, s.safety_stock, "  # noqa: S608
        "s.available, o.issued_at, s.pending FROM ("
        + _stock_overlay(
            "v.sku AS sku, p.name AS name, p.department AS department, v.on_hand AS on_hand, "
            "v.reserved AS reserved, v.safety_stock AS safety_stock, "
            f"max(0, {_AVAILABLE}) AS available",
            where,
        )
        + ") s LEFT JOIN outbox o ON o.seq = s.outbox_seq "
        "ORDER BY s.department, s.available, s.name, s.sku"
    )
    cur = driver_cursor(conn)
    synced = state.get(conn, state.Key.LAST_SYNC_AT)
    return [
        StockLevelRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] or synced, r[8] == 1)
        for r in cur.execute(sql, params)
    ]


def out_of_stock(
    conn: Connection, store_id: int, department: str | None = None
) -> list[StockLevelRow]:
    """SKUs with nothing available to promise at ``store_id`` (one department, or all),
    by department, then name."""
    return _stock_list(conn, store_id, f"{_AVAILABLE} <= 0", {}, department)


def low_stock(
    conn: Connection, store_id: int, threshold: int, department: str | None = None
) -> list[StockLevelRow]:
    """SKUs with 1 to ``threshold`` units available at ``store_id`` (one department, or
    all), by department, then fewest available, then name."""
    condition = f"{_AVAILABLE} > 0 AND {_AVAILABLE} <= :low"
    return _stock_list(conn, store_id, condition, {"low": threshold}, department)


# --- fulfillments --------------------------------------------------------------------------


class AgedPickupRow(NamedTuple):
    """A pickup ready at the counter for longer than the aged-pickup threshold."""

    id: int
    order_number: str
    customer_name: str
    ready_since: str
    pickup_deadline: str | None
    bin: str | None
    pending: bool


def aged_pickups(conn: Connection, store_id: int, now: datetime, days: int) -> list[AgedPickupRow]:
    """Pickups ready at ``store_id`` since at least ``days`` days before ``now``, oldest
    first. Ready since the document's ``ready_at``; for documents without it, the last
    update (a ready pickup is not changed after it is put in its bin)."""
    where = "pickup_store_id = :store AND status = 'ready_for_pickup'"
    columns = (
        "id, order_number, customer_name, json_extract(doc, '$.ready_at') AS ready_at, "
        "updated_at, pickup_deadline, bin"
    )
    cutoff = now - timedelta(days=days)
    found: list[tuple[datetime, AgedPickupRow]] = []
    cur = driver_cursor(conn)
    for r in cur.execute(fulfillment_overlay(columns, where), {"store": store_id}):
        since = _parse(r[3]) or _parse(r[4])
        if since is None or since > cutoff:
            continue
        row = AgedPickupRow(r[0], r[1], r[2], utc_text(since) or "", r[5], r[6], r[7] == 1)
        found.append((since, row))
    found.sort(key=lambda pair: (pair[0], pair[1].id))
    return [row for _since, row in found]


class OverdueRow(NamedTuple):
    """A fulfillment past its promised time and not ready yet (``late`` at reading)."""

    id: int
    order_number: str
    method: str
    status: str
    customer_name: str
    promised_at: str
    late_seconds: int
    pending: bool


#: Work not ready yet that the store answers for: its own picking (and a transfer it has
#: packed but not sent), and what its counter's customers wait for (transfers coming here).
_NOT_READY = (
    "((store_id = :store AND status IN ('open', 'picking')) "
    "OR (store_id = :store AND method = 'ship_to_store' AND status = 'packed') "
    "OR (pickup_store_id = :store "
    "AND status IN ('open', 'picking', 'packed', 'in_transit', 'arrived')))"
)


def overdue(conn: Connection, store_id: int, now: datetime) -> list[OverdueRow]:
    """Fulfillments of ``store_id`` whose promised time is before ``now`` and that are not
    ready (a pickup not ready to collect, a parcel not packed, a transfer not arrived and
    staged), latest first."""
    where = f"{_NOT_READY} AND promised_at < :now"
    columns = "id, order_number, method, status, customer_name, promised_at"
    found = []
    params = {"store": store_id, "now": utc_text(now)}
    for r in driver_cursor(conn).execute(fulfillment_overlay(columns, where), params):
        promised = _parse(r[5])
        assert promised is not None
        late = int((now - promised).total_seconds())
        found.append(OverdueRow(r[0], r[1], r[2], r[3], r[4], r[5], late, r[6] == 1))
    found.sort(key=lambda row: (-row.late_seconds, row.id))
    return found


class ReasonFigure(NamedTuple):
    """Rejections for one reason: units, and how many rejections (of lines) made them."""

    code: str
    label: str
    units: int
    lines: int


@dataclass(frozen=True, slots=True)
class TodayFigures:
    """The store's fulfilment figures of one local day, up to ``now``.

    ``orders_fulfilled``: orders with a fulfillment here completed today (handed over at
    the counter, or shipped from the store); ``per_hour[h]``: those orders by the local
    hour of completion. ``ready``: fulfillments that became ready today;
    ``average_ready_seconds``: their mean time from creation to ready (None if none).
    ``rejections``: lines rejected here today, by reason, most units first.
    """

    day: date
    since: str
    orders_fulfilled: int
    per_hour: tuple[int, ...]
    ready: int
    average_ready_seconds: float | None
    rejections: tuple[ReasonFigure, ...] = field(default=())

    @property
    def rejected_units(self) -> int:
        """Units rejected today, over every reason."""
        return sum(r.units for r in self.rejections)


#: Completed here: handed over at this counter, or shipped from this store.
_COMPLETED_TODAY = (
    "((pickup_store_id = :store AND status = 'handed_over') "
    "OR (store_id = :store AND method = 'ship_from_store' AND status = 'shipped')) "
    "AND updated_at >= :since"
)
#: Possibly became ready here today (ready_at <= updated_at: the last change is later).
_READY_TODAY = (
    "((pickup_store_id = :store "
    "AND status IN ('ready_for_pickup', 'handed_over', 'expired', 'cancelled')) "
    "OR (store_id = :store AND method = 'ship_from_store' "
    "AND status IN ('packed', 'shipped', 'cancelled'))) "
    "AND updated_at >= :since"
)
#: Statuses whose last update is when the fulfillment became ready (no ``ready_at``).
_READY_NOW = frozenset({"ready_for_pickup", "packed"})


def _completed(cur: sqlite3.Cursor, params: dict[str, Any], since: datetime) -> dict[str, datetime]:
    """Each order completed here today and when (its last fulfillment here to complete).
    The document's ``completed_at``; for documents without it, the last update."""
    columns = "order_number, json_extract(doc, '$.completed_at') AS completed_at, updated_at"
    orders: dict[str, datetime] = {}
    for r in cur.execute(fulfillment_overlay(columns, _COMPLETED_TODAY), params):
        done = _parse(r[1]) or _parse(r[2])
        if done is not None and done >= since:
            orders[r[0]] = max(done, orders.get(r[0], done))
    return orders


def _ready_durations(cur: sqlite3.Cursor, params: dict[str, Any], since: datetime) -> list[float]:
    """Seconds from creation to ready of the fulfillments that became ready today. Ready at
    the document's ``ready_at``; without it, only a fulfillment still ready (or packed)
    counts, ready at its last update."""
    columns = "status, created_at, json_extract(doc, '$.ready_at') AS ready_at, updated_at"
    durations = []
    for r in cur.execute(fulfillment_overlay(columns, _READY_TODAY), params):
        ready = _parse(r[2]) or (_parse(r[3]) if r[0] in _READY_NOW else None)
        created = _parse(r[1])
        if ready is not None and created is not None and ready >= since:
            durations.append(max(0.0, (ready - created).total_seconds()))
    return durations


def _rejections(
    cur: sqlite3.Cursor, params: dict[str, Any], since: datetime
) -> tuple[ReasonFigure, ...]:
    """Lines this store rejected today, by reason (label from ``reason_codes``)."""
    where = (
        "store_id = :store AND updated_at >= :since AND json_array_length(doc, '$.rejections') > 0"
    )
    columns = "json_extract(doc, '$.rejections') AS rejections"
    totals: dict[str, list[int]] = {}
    for (text,) in (r[:1] for r in cur.execute(fulfillment_overlay(columns, where), params)):
        for rejection in json.loads(text):
            at = _parse(rejection.get("at"))
            if at is None or at < since:
                continue
            units_count = totals.setdefault(str(rejection.get("reason") or "unknown"), [0, 0])
            units_count[0] += int(rejection.get("quantity") or 0)
            units_count[1] += 1
    labels = dict(
        cur.execute("SELECT code, label FROM reason_codes WHERE kind = ?", (REJECT_KIND,))
    )
    figures = [
        ReasonFigure(code, str(labels.get(code, code.replace("_", " ").capitalize())), u, n)
        for code, (u, n) in totals.items()
    ]
    figures.sort(key=lambda f: (-f.units, -f.lines, f.label))
    return tuple(figures)


def today(conn: Connection, store_id: int, now: datetime) -> TodayFigures:
    """The store's fulfilment figures since its local midnight (see :class:`TodayFigures`)."""
    tz = store_timezone(conn, store_id)
    since = local_midnight(now, tz)
    params = {"store": store_id, "since": utc_text(since)}
    cur = driver_cursor(conn)
    completed = _completed(cur, params, since)
    hours = [0] * 24
    for done in completed.values():
        hours[done.astimezone(tz).hour] += 1
    durations = _ready_durations(cur, params, since)
    average = sum(durations) / len(durations) if durations else None
    return TodayFigures(
        day=since.date(),
        since=utc_text(since) or "",
        orders_fulfilled=len(completed),
        per_hour=tuple(hours),
        ready=len(durations),
        average_ready_seconds=average,
        rejections=_rejections(cur, params, since),
    )


# --- the whole view ------------------------------------------------------------------------


#: The stock lists the view can show.
StockList = Literal["out_of_stock", "low_stock"]


@dataclass(frozen=True, slots=True)
class InventoryOverview:
    """What the inventory view shows, read in one transaction (so the figures add up).

    ``department``: the department the stock lists are narrowed to (None: all);
    ``out_of_stock``/``low_stock``: None unless asked for (at 500k SKUs each list is a
    scan of the store's stock: the view reads the one it shows); ``last_sync_at``: when
    the cache last heard from the server (canonical UTC text); ``timezone``: the store's.
    """

    store_id: int
    now: datetime
    department: str | None
    thresholds: Thresholds
    departments: list[DepartmentRow]
    aged_pickups: list[AgedPickupRow]
    overdue: list[OverdueRow]
    today: TodayFigures
    last_sync_at: str | None
    timezone: tzinfo
    out_of_stock: list[StockLevelRow] | None = None
    low_stock: list[StockLevelRow] | None = None

    @property
    def department_names(self) -> list[str]:
        """The departments the store stocks, by name."""
        return sorted({d.department for d in self.departments}, key=str.casefold)

    def stock_counts(self) -> tuple[int, int]:
        """SKUs out of stock and low on stock (in the department chosen, or all)."""
        rows = [d for d in self.departments if self.department in (None, d.department)]
        return sum(d.out_of_stock for d in rows), sum(d.low_stock for d in rows)


def overview(
    conn: Connection,
    store_id: int,
    now: datetime,
    *,
    department: str | None = None,
    lists: Sequence[StockList] = (),
) -> InventoryOverview:
    """Disk: read the inventory view of ``store_id`` at ``now``, with the stock ``lists``
    asked for (narrowed to ``department``)."""
    limits = thresholds(conn)
    return InventoryOverview(
        store_id=store_id,
        now=now,
        department=department,
        thresholds=limits,
        departments=departments(conn, store_id, limits.low_stock_units),
        aged_pickups=aged_pickups(conn, store_id, now, limits.aged_pickup_days),
        overdue=overdue(conn, store_id, now),
        today=today(conn, store_id, now),
        last_sync_at=state.get(conn, state.Key.LAST_SYNC_AT),
        timezone=store_timezone(conn, store_id),
        out_of_stock=(
            out_of_stock(conn, store_id, department) if "out_of_stock" in lists else None
        ),
        low_stock=(
            low_stock(conn, store_id, limits.low_stock_units, department)
            if "low_stock" in lists
            else None
        ),
    )


def totals(rows: Sequence[DepartmentRow]) -> DepartmentRow:
    """The department rows summed (currency: the one they share, else ``mixed``)."""
    currencies = {r.currency for r in rows}
    return DepartmentRow(
        "All departments",
        currencies.pop() if len(currencies) == 1 else "mixed",
        sum(r.skus for r in rows),
        sum(r.on_hand for r in rows),
        sum(r.stock_value_minor for r in rows),
        sum(r.out_of_stock for r in rows),
        sum(r.low_stock for r in rows),
    )
