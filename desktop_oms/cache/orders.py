"""Orders as the Orders page reads them from the cache: a search, and one order in full.

The station's cache holds the fulfillments of its own store, each with its whole document
(order header, customer, lines). :func:`search` finds orders by number, customer name,
e-mail or phone (``search_text``; a phone typed any way, ``+31 6…`` or ``06…``, matches
its digits) or by the SKU of any line (``json_each`` over the document's lines), and
groups the hits by order. :func:`order_view` gathers one order: header, customer, every
line with where and how it is being fulfilled, the commands on it still waiting for the
server (shown as pending), open conflicts, and the timeline the cache can tell (created,
ready, completed, rejections) for when the server cannot be asked. Reads go through the
pending overlay, so a queued change shows its predicted effect. No Qt.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy.engine import Connection

from desktop_oms.cache import queries
from desktop_oms.cache.db import driver_cursor
from desktop_oms.cache.outbox import COLUMNS as OUTBOX_COLUMNS
from desktop_oms.cache.outbox import OutboxEntry, entry_from_row
from desktop_oms.cache.queries import ConflictRow, fulfillment_overlay
from desktop_oms.cache.rows import fold, phone_search_digits, utc_text

#: At most this many orders answer a search (the newest first).
SEARCH_LIMIT = 50
#: A search needs at least this many characters (one letter matches half the chain).
MIN_SEARCH = 2

#: Statuses in which nothing more happens to a fulfillment.
TERMINAL = frozenset({"handed_over", "shipped", "cancelled", "expired", "rejected"})
#: Statuses after which the goods have left the store (or the customer has them).
GONE = frozenset({"handed_over", "shipped", "in_transit", "arrived"})


class OrderHit(NamedTuple):
    """One order found by a search: who, when, how much, where it stands.

    ``status`` is the most pressing status of its fulfillments (see :func:`order_status`);
    ``matched`` says what matched when it is not in the row (``SKU ABC-123``), else "".
    ``store_ids`` are the stores that fulfil or hand the order over.
    """

    number: str
    customer_name: str
    customer_phone: str
    customer_email: str
    created_at: str
    status: str
    methods: tuple[str, ...]
    items: int
    total_minor: int
    currency: str
    fraud_state: str
    store_ids: tuple[int, ...]
    pending: bool
    matched: str


@dataclass(frozen=True, slots=True)
class OrderSearch:
    """The answer to one search: the text searched and the orders found (newest first)."""

    text: str
    hits: list[OrderHit]
    more: bool


#: Which status of an order's fulfillments speaks for the order, most pressing first.
_STATUS_RANK = (
    "ready_for_pickup",
    "arrived",
    "packed",
    "picking",
    "open",
    "in_transit",
    "expired",
    "handed_over",
    "shipped",
    "rejected",
    "cancelled",
)


def order_status(statuses: list[str]) -> str:
    """The status that speaks for an order with fulfillments in ``statuses``."""
    for status in _STATUS_RANK:
        if status in statuses:
            return status
    return statuses[0] if statuses else "open"


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_HIT_COLUMNS = (
    "order_number, customer_name, customer_phone, customer_email, status, method, items, "
    "fraud_state, store_id, destination_store_id, "
    "json_extract(doc, '$.order.created_at') AS order_created, "
    "json_extract(doc, '$.order.total_minor') AS total_minor, "
    "json_extract(doc, '$.order.currency') AS currency, "
    "(SELECT group_concat(json_extract(j.value, '$.sku'), ' ') "
    " FROM json_each(doc, '$.lines') j) AS skus"
)
_SKU_MATCH = (
    "EXISTS (SELECT 1 FROM json_each(doc, '$.lines') j "
    "WHERE json_extract(j.value, '$.sku') LIKE :sku ESCAPE '\\')"
)


def search(conn: Connection, text: str, limit: int = SEARCH_LIMIT) -> OrderSearch:
    """Orders in the cache whose number, customer name, e-mail, phone or a line's SKU
    contains ``text`` (case and accents ignored; a phone in any formatting), newest first."""
    typed = text.strip()
    if len(typed) < MIN_SEARCH:
        return OrderSearch(text, [], False)
    folded = fold(typed)
    digits = phone_search_digits(typed)
    params: dict[str, Any] = {"p": _like(folded), "sku": _like(typed)}
    where = "(search_text LIKE :p ESCAPE '\\' OR " + _SKU_MATCH
    if digits is not None:
        params["d"] = _like(digits)
        where += " OR search_text LIKE :d ESCAPE '\\'"
    where += ")"
    sql = (
        f"SELECT * FROM ({fulfillment_overlay(_HIT_COLUMNS, where)}) "  # noqa: S608
        "ORDER BY order_created DESC, order_number"
    )
    cur = driver_cursor(conn)
    grouped: dict[str, list[tuple[Any, ...]]] = {}
    more = False
    for row in cur.execute(sql, params):
        number = row[0]
        if number not in grouped:
            if len(grouped) >= limit:
                more = True
                break
            grouped[number] = []
        grouped[number].append(row)
    hits = [_hit(rows, folded, digits) for rows in grouped.values()]
    return OrderSearch(text, hits, more)


def _hit(rows: list[tuple[Any, ...]], folded: str, digits: str | None) -> OrderHit:
    first = rows[0]
    statuses = [r[4] for r in rows]
    stores: set[int] = set()
    for r in rows:
        stores.update(s for s in (r[8], r[9]) if s is not None)
    row_text = fold(" ".join(str(v) for v in (first[0], first[1], first[3])))
    in_row = folded in row_text or (
        digits is not None and digits in "".join(c for c in first[2] if c.isdigit())
    )
    matched = ""
    if not in_row and digits is None:
        skus = sorted({s for r in rows for s in (r[13] or "").split() if folded in fold(s)})
        if skus:
            matched = "SKU " + ", ".join(skus[:3])
    methods = tuple(dict.fromkeys(r[5] for r in rows))
    return OrderHit(
        number=first[0],
        customer_name=first[1],
        customer_phone=first[2],
        customer_email=first[3],
        created_at=str(first[10] or ""),
        status=order_status(statuses),
        methods=methods,
        items=sum(int(r[6]) for r in rows),
        total_minor=int(first[11] or 0),
        currency=str(first[12] or ""),
        fraud_state=first[7],
        store_ids=tuple(sorted(stores)),
        pending=any(r[-1] == 1 for r in rows),
        matched=matched,
    )


# --- one order -----------------------------------------------------------------------------


class StoreName(NamedTuple):
    """A store as the detail names it."""

    id: int
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class LineState:
    """One order line in one fulfillment: what, how many, where, and how far it got."""

    line_no: int
    sku: str
    name: str
    quantity: int
    picked: int
    rejected: int
    refused: int
    unit_price_minor: int
    fulfillment_id: int
    method: str
    status: str
    store: str
    pickup_store: str | None
    bin: str | None
    pending: bool

    @property
    def open_units(self) -> int:
        """Units still to hand over or ship (not rejected or refused)."""
        return max(0, self.quantity - self.rejected - self.refused)


@dataclass(frozen=True, slots=True)
class CacheEvent:
    """A moment of the order's life the cache knows of (the offline timeline)."""

    at: str
    what: str
    who: str | None = None
    why: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One line of an order's timeline: when, what, who (and who approved), which
    station, why (a reason code or note)."""

    at: str
    what: str
    who: str
    station: str
    why: str
    approved_by: str


#: What an audited action did, in words (``{entity}`` is "order" or "fulfillment N").
_ACTIONS = {
    "place_order": "Order placed",
    "reroute": "Re-routed to another store",
    "start_picking": "Picking started",
    "mark_ready": "Ready for pickup",
    "hand_over": "Handed over to the customer",
    "pack": "Packed",
    "unpack": "Unpacked",
    "ship": "Shipped",
    "dispatch_transfer": "Sent to the pickup store",
    "receive_transfer": "Received at the pickup store",
    "cancel": "Cancelled",
    "expire": "Expired: not collected in time",
    "reject_line": "Line rejected by the store",
    "change_quantity": "Quantity changed",
    "cancel_order": "Order cancelled",
    "change_pickup_store": "Pickup store changed",
    "release_fraud_hold": "Fraud hold released",
    "return_to_stock": "Goods back on the shelf",
    "change_delivery": "Delivery changed",
    "replace_item": "Item replaced",
    "edit_contact": "Contact details changed",
    "resend_ready_notice": "Ready-for-pickup notice sent again",
    "buy_labels": "Shipping labels bought",
    "void_label": "Shipping label voided",
}


def action_text(action: str) -> str:
    """An audited action in words (``cancel_order`` -> ``Order cancelled``)."""
    return _ACTIONS.get(action, action.replace("_", " ").capitalize())


def _detail_text(action: str, details: Mapping[str, Any], stores: dict[int, StoreName]) -> str:
    """The few details worth a line of their own (quantities, stores, lines)."""
    parts: list[str] = []
    if "line_no" in details:
        parts.append(f"line {details['line_no']}")
    if "sku" in details and action != "place_order":
        parts.append(str(details["sku"]))
    for key in ("quantity", "new_quantity"):
        if key in details and isinstance(details[key], int):
            parts.append(f"{details[key]} unit{'s' if details[key] != 1 else ''}")
            break
    for key in ("store_id", "to_store_id", "source_store_id"):
        value = details.get(key)
        if isinstance(value, int):
            parts.append(f"→ {_store_text(stores, value)}")
            break
    if action == "place_order" and "channel" in details:
        parts.append(f"via {str(details['channel']).replace('_', ' ')}")
    if details.get("method") and action == "change_delivery":
        parts.append(str(details["method"]).replace("_", " "))
    return ", ".join(parts)


def server_timeline(
    entries: list[Mapping[str, Any]], stores: dict[int, StoreName], staff: dict[int, str]
) -> list[TimelineRow]:
    """The server's audit trail of an order (``TimelineEntry`` JSON data) as timeline rows,
    oldest first. Names come from the entry (``staff_name``, ``approved_by_name``,
    ``station_name``) and else from the staff this station knows."""
    rows = []
    for e in entries:
        action = str(e["action"])
        what = action_text(action)
        if e["entity"] == "fulfillment":
            what += f" (fulfillment {e['entity_key']})"
        extra = _detail_text(action, e.get("details") or {}, stores)
        if extra:
            what += f": {extra}"
        who = _name(e.get("staff_name"), e.get("staff_id"), staff, "")
        approved = _name(e.get("approved_by_name"), e.get("approved_by"), staff, "")
        station = e.get("station_name") or (
            f"station {e['station_id']}" if e.get("station_id") is not None else ""
        )
        note = (e.get("details") or {}).get("note")
        why = " — ".join(str(x) for x in (e.get("reason"), note) if x)
        rows.append(TimelineRow(_t(e["at"]), what, who, str(station), why, approved))
    rows.sort(key=lambda r: r.at)
    return rows


def _name(name: Any, staff_id: Any, staff: dict[int, str], default: str) -> str:
    if name:
        return str(name)
    if isinstance(staff_id, int):
        return staff.get(staff_id, f"staff #{staff_id}")
    return default


# --- what can be changed ---------------------------------------------------------------------

#: The modifications the Orders page offers, in the order of its buttons.
ACTIONS = (
    "change_quantity",
    "cancel_line",
    "cancel_order",
    "change_pickup_store",
    "change_delivery",
    "replace_item",
    "edit_contact",
    "resend_ready_notice",
    "release_fraud_hold",
)
#: Statuses in which the goods are still at a store and the order may still change.
_CHANGEABLE = frozenset({"open", "picking", "packed", "arrived", "ready_for_pickup"})
_PICKUP = frozenset({"store_pickup", "ship_to_store"})


def why_not(view: OrderView) -> dict[str, str | None]:
    """For each of :data:`ACTIONS`: None when it fits the order's state, else why not
    (the tooltip of its disabled button). Roles are not checked here: an action beyond
    the signed-in role asks a manager to approve."""
    live = [f for f in view.fulfillments if f.status in _CHANGEABLE]
    open_lines = [x for x in view.lines if x.status in _CHANGEABLE and x.open_units > 0]
    statuses = ", ".join(dict.fromkeys(f.status.replace("_", " ") for f in view.fulfillments))
    over = f"Nothing left to change: the order is {statuses or 'not routed'}."
    result: dict[str, str | None] = dict.fromkeys(ACTIONS)
    if not open_lines:
        for name in ("change_quantity", "cancel_line", "replace_item"):
            result[name] = over if not live else "No line has units left to change."
    if not live:
        result["cancel_order"] = over
        result["change_delivery"] = over
    if not any(f.method in _PICKUP and f.status in _CHANGEABLE for f in view.fulfillments):
        result["change_pickup_store"] = (
            over if not live else "Not collected at a store: it is delivered to the customer."
        )
    if not any(f.status == "ready_for_pickup" for f in view.fulfillments):
        result["resend_ready_notice"] = (
            f"Only once the order is ready for pickup (it is {statuses or 'not routed'})."
        )
    fraud = str(view.order.get("fraud_state", ""))
    if fraud != "review":
        result["release_fraud_hold"] = f"No fraud hold to release (fraud check: {fraud})."
    return result


@dataclass(frozen=True, slots=True)
class PendingChange:
    """A command on the order still waiting for the server."""

    seq: int
    name: str
    args: dict[str, Any]
    issued_at: str
    staff: str
    approved_by: str | None
    state: str
    attempts: int
    last_error: str | None


@dataclass(frozen=True, slots=True)
class OrderView:
    """An order as the page shows it: from the cache (predicted while changes are pending)
    and, when the server answered, from the server; ``from_server`` says which timeline
    it carries (the server's full audit trail, or what the cache's documents tell).
    ``order_lines`` are the order's own lines (with cancelled and unfillable units) when
    the server sent them."""

    number: str
    order: dict[str, Any]
    customer: dict[str, Any]
    lines: list[LineState]
    fulfillments: list[queries.FulfillmentView]
    pending: list[PendingChange]
    conflicts: list[ConflictRow]
    timeline: list[TimelineRow]
    from_server: bool = False
    stores: dict[int, StoreName] = field(default_factory=dict)
    ship_to: dict[str, Any] | None = None
    order_lines: list[dict[str, Any]] = field(default_factory=list)

    @property
    def version(self) -> int:
        """The order's version as the station has it (the base of a modification)."""
        return int(self.order.get("version", 0))

    @property
    def statuses(self) -> list[str]:
        """The statuses of its fulfillments, in id order."""
        return [f.status for f in self.fulfillments]

    @property
    def status(self) -> str:
        """The status that speaks for the order."""
        return order_status(self.statuses)


def _stores(cur: sqlite3.Cursor) -> dict[int, StoreName]:
    return {
        r[0]: StoreName(r[0], r[1], r[2]) for r in cur.execute("SELECT id, code, name FROM stores")
    }


def _staff(cur: sqlite3.Cursor) -> dict[int, str]:
    return dict(cur.execute("SELECT id, display_name FROM staff"))


def _store_text(stores: dict[int, StoreName], store_id: int | None) -> str:
    if store_id is None:
        return ""
    found = stores.get(store_id)
    return found.code if found is not None else f"store {store_id}"


@dataclass(frozen=True, slots=True)
class OrderLocal:
    """What the cache holds of one order: its fulfillments here (pending over confirmed),
    the commands on it waiting for the server, open conflicts, and names to show."""

    number: str
    fulfillments: list[queries.FulfillmentView]
    commands: list[OutboxEntry]
    conflicts: list[ConflictRow]
    stores: dict[int, StoreName]
    staff: dict[int, str]


def local(conn: Connection, number: str) -> OrderLocal:
    """Disk: the cache's part of order ``number`` (empty lists when it has none of it)."""
    cur = driver_cursor(conn)
    detail = queries.order_detail(conn, number)
    if detail is not None:
        fulfillments, commands, conflicts = detail.fulfillments, detail.commands, detail.conflicts
    else:  # an order of another store (customer service): only our queued changes, if any
        fulfillments, conflicts = [], []
        commands = [
            entry_from_row(r)
            for r in cur.execute(
                f"SELECT {OUTBOX_COLUMNS} FROM outbox "  # noqa: S608 - constant columns
                "WHERE target_kind = 'order' AND target_key = ? ORDER BY seq",
                (number,),
            )
        ]
    return OrderLocal(number, fulfillments, commands, conflicts, _stores(cur), _staff(cur))


def order_view(conn: Connection, number: str) -> OrderView | None:
    """Disk: the order ``number`` as this station knows it, None when the cache has none."""
    return build(local(conn, number))


def _server_fulfillment(doc: Mapping[str, Any]) -> queries.FulfillmentView:
    return queries.FulfillmentView(
        int(doc["id"]),
        str(doc["status"]),
        str(doc["method"]),
        int(doc["store_id"]),
        doc["destination_store_id"],
        int(doc["version"]),
        False,
        None,
        dict(doc),
    )


def build(found: OrderLocal, server: Mapping[str, Any] | None = None) -> OrderView | None:
    """An order's view from the cache's part and, when the server answered, its order
    detail (an ``OrderDetail`` as JSON data): the server's documents, with the cache's
    predicted ones over them while changes wait; the server's timeline, else the cache's.
    None when neither knows the order."""
    stores, staff = found.stores, found.staff
    fulfillments = list(found.fulfillments)
    order: dict[str, Any] | None = None
    customer: dict[str, Any] | None = None
    if server is not None:
        mine = {f.id: f for f in fulfillments}
        theirs = [_server_fulfillment(d) for d in server["fulfillments"]]
        fulfillments = [mine[f.id] if f.id in mine and mine[f.id].pending else f for f in theirs]
        fulfillments += [f for f in found.fulfillments if f.id not in {x.id for x in theirs}]
        fulfillments.sort(key=lambda f: f.id)
        order, customer = dict(server["order"]), dict(server["customer"])
    if not fulfillments and order is None:
        return None
    if fulfillments:
        newest = max(fulfillments, key=lambda f: int(f.doc["order"]["version"]))
        if order is None or int(newest.doc["order"]["version"]) > int(order["version"]):
            order, customer = dict(newest.doc["order"]), dict(newest.doc["customer"])
    assert order is not None and customer is not None
    lines = _lines(fulfillments, stores)
    ship_to = next((f.doc["ship_to"] for f in fulfillments if f.doc.get("ship_to")), None)
    timeline: list[TimelineRow]
    if server is not None:
        timeline = server_timeline(server["timeline"], stores, staff)
    else:
        timeline = [
            TimelineRow(e.at, e.what, e.who or "", "", e.why or "", "")
            for e in cache_events(fulfillments, stores, staff)
        ]
    return OrderView(
        number=found.number,
        order=order,
        customer=customer,
        lines=lines,
        fulfillments=fulfillments,
        pending=[_pending(e, staff) for e in found.commands],
        conflicts=found.conflicts,
        timeline=timeline,
        from_server=server is not None,
        stores=stores,
        ship_to=ship_to,
        order_lines=[dict(x) for x in server["lines"]] if server is not None else [],
    )


def _lines(
    fulfillments: list[queries.FulfillmentView], stores: dict[int, StoreName]
) -> list[LineState]:
    lines: list[LineState] = []
    for f in fulfillments:
        doc = f.doc
        pickup = pickup_store_of(f)
        for line in doc["lines"]:
            lines.append(
                LineState(
                    line_no=int(line["line_no"]),
                    sku=str(line["sku"]),
                    name=str(line["name"]),
                    quantity=int(line["quantity"]),
                    picked=int(line["picked"]),
                    rejected=int(line["rejected"]),
                    refused=int(line["refused"]),
                    unit_price_minor=int(line["unit_price_minor"]),
                    fulfillment_id=f.id,
                    method=f.method,
                    status=f.status,
                    store=_store_text(stores, f.store_id),
                    pickup_store=_store_text(stores, pickup) if pickup is not None else None,
                    bin=doc.get("bin"),
                    pending=f.pending,
                )
            )
    lines.sort(key=lambda x: (x.line_no, x.fulfillment_id))
    return lines


def pickup_store_of(f: queries.FulfillmentView) -> int | None:
    """Where the customer collects a fulfillment (None: it is shipped to them)."""
    if f.method == "ship_to_store":
        return f.destination_store_id
    if f.method == "store_pickup":
        return f.store_id
    return None


def _pending(entry: OutboxEntry, staff: dict[int, str]) -> PendingChange:
    approver = staff.get(entry.approved_by) if entry.approved_by is not None else None
    if entry.approved_by is not None and approver is None:
        approver = f"staff {entry.approved_by}"
    return PendingChange(
        seq=entry.seq,
        name=entry.name,
        args=dict(entry.args),
        issued_at=entry.issued_at,
        staff=staff.get(entry.staff_id, f"staff {entry.staff_id}"),
        approved_by=approver,
        state=entry.state,
        attempts=entry.attempts,
        last_error=entry.last_error,
    )


_ENDED = {
    "handed_over": "Collected by the customer",
    "shipped": "Shipped",
    "cancelled": "Cancelled",
    "expired": "Expired: not collected in time",
    "rejected": "Rejected by the store",
}


def _t(value: Any) -> str:
    """A document's timestamp as canonical UTC text (so events sort by time)."""
    return utc_text(value) or ""


def cache_events(
    fulfillments: list[queries.FulfillmentView],
    stores: dict[int, StoreName],
    staff: dict[int, str],
) -> list[CacheEvent]:
    """What the documents tell of an order's life, oldest first (the offline timeline)."""
    if not fulfillments:
        return []
    order = fulfillments[0].doc["order"]
    events = [CacheEvent(_t(order["created_at"]), f"Order placed ({order['channel']})")]
    for f in fulfillments:
        doc = f.doc
        where = _store_text(stores, f.store_id)
        method = f.method.replace("_", " ")
        events.append(CacheEvent(_t(doc["created_at"]), f"Fulfillment {f.id}: {method} at {where}"))
        for r in doc.get("rejections") or []:
            who = staff.get(r["staff_id"]) if r.get("staff_id") is not None else None
            events.append(
                CacheEvent(
                    _t(r["at"]),
                    f"{r['quantity']} × {r['sku']} (line {r['line_no']}) rejected at {where}",
                    who,
                    str(r["reason"]),
                )
            )
        if doc.get("ready_at"):
            ready = "Packed" if f.method == "ship_from_store" else "Ready for pickup"
            bin_ = f" in bin {doc['bin']}" if doc.get("bin") else ""
            events.append(CacheEvent(_t(doc["ready_at"]), f"{ready}{bin_} (fulfillment {f.id})"))
        if doc.get("completed_at"):
            ended = _ENDED.get(f.status, f.status.replace("_", " ").capitalize())
            events.append(CacheEvent(_t(doc["completed_at"]), f"{ended} (fulfillment {f.id})"))
        if doc.get("returned_at"):
            who = staff.get(doc["returned_by"]) if doc.get("returned_by") is not None else None
            events.append(
                CacheEvent(
                    _t(doc["returned_at"]), f"Goods of fulfillment {f.id} back on the shelf", who
                )
            )
    events.sort(key=lambda e: e.at)
    return events


def showcase(conn: Connection) -> tuple[str, str] | None:
    """An order worth showing (screenshots, demos): ready for pickup with the most lines,
    rejections first; the word to search it by (its customer's last name) and its number."""
    row = (
        driver_cursor(conn)
        .execute(
            "SELECT customer_name, order_number FROM fulfillments "
            "WHERE status = 'ready_for_pickup' ORDER BY "
            "json_array_length(doc, '$.rejections') DESC, "
            "json_array_length(doc, '$.lines') DESC, id LIMIT 1"
        )
        .fetchone()
    )
    if row is None:
        return None
    return str(row[0]).split()[-1], str(row[1])


def store_codes(conn: Connection) -> dict[int, str]:
    """Every store's code by id (to name the stores of an order)."""
    return {sid: store.code for sid, store in _stores(driver_cursor(conn)).items()}
