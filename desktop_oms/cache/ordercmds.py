"""Order modifications at the station: what an order allows, who may change it, and the
one outbox command each change becomes (Qt-free; the dialogs live in ``gui/orders``).

:func:`order_facts` reads an order as the station has it (its fulfillments here, through
the pending overlay) into the figures the dialogs need: each line's units still ordered
and how many of them can still be changed, the pickup store, the customer and the order
``version`` every command is based on. :func:`permission` applies the role rules of
:mod:`desktop_oms.domain.commands` (allowed, needs a manager's approval, or refused) and
:func:`queue` writes the command (target ``order``, key = the order number) with
:func:`desktop_oms.cache.outbox.enqueue`, whose prediction refuses what the station
already knows cannot work. The validators give staff one specific message per mistake.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.engine import Connection

from desktop_oms.cache import outbox, queries
from desktop_oms.cache.db import driver_cursor
from desktop_oms.cache.stock import store_clock
from desktop_oms.domain.commands import COMMANDS, CommandName, TargetKind
from desktop_oms.domain.reasons import ReasonKind, reasons_for
from desktop_oms.domain.roles import Role
from desktop_oms.domain.status import FulfillmentMethod, FulfillmentStatus

#: Roles that may approve a change on someone's behalf (the server re-checks: push.py).
APPROVER_ROLES = frozenset({Role.MANAGER, Role.ADMIN, Role.CUSTOMER_SERVICE})
#: Fulfillment statuses in which a line can still be lowered or the goods moved.
CHANGEABLE = (FulfillmentStatus.OPEN.value, FulfillmentStatus.PICKING.value)
#: Statuses after the goods left the fulfilling store.
LEFT = (
    FulfillmentStatus.IN_TRANSIT.value,
    FulfillmentStatus.ARRIVED.value,
    FulfillmentStatus.SHIPPED.value,
    FulfillmentStatus.HANDED_OVER.value,
)
#: Which reasons each modification asks for.
REASON_KIND: dict[str, ReasonKind] = {
    "change_quantity": ReasonKind.CANCEL,
    "cancel_line": ReasonKind.CANCEL,
    "cancel_order": ReasonKind.CANCEL,
    "change_delivery": ReasonKind.CHANGE,
    "replace_item": ReasonKind.REJECT,
}
#: The station's action names (the command names, and ``cancel_line``) and their command.
ACTIONS: dict[str, CommandName] = {
    "change_quantity": CommandName.CHANGE_QUANTITY,
    "cancel_line": CommandName.CHANGE_QUANTITY,
    "cancel_order": CommandName.CANCEL_ORDER,
    "change_pickup_store": CommandName.CHANGE_PICKUP_STORE,
    "change_delivery": CommandName.CHANGE_DELIVERY,
    "replace_item": CommandName.REPLACE_ITEM,
    "edit_contact": CommandName.EDIT_CONTACT,
    "resend_ready_notice": CommandName.RESEND_READY_NOTICE,
    "release_fraud_hold": CommandName.RELEASE_FRAUD_HOLD,
}


class OrderRefused(Exception):
    """The change cannot be made to this order as the station has it; ``message`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- what the order allows -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LineFacts:
    """One order line over the order's fulfillments here.

    ``active``: units still ordered (not cancelled, rejected or refused); ``changeable``:
    of those, the units in fulfillments not yet picked (open or picking), which a quantity
    change or a cancel can still take away; ``stores``: where those units are fulfilled.
    """

    line_no: int
    sku: str
    name: str
    active: int
    changeable: int
    stores: tuple[int, ...]

    @property
    def lowest(self) -> int:
        """The lowest quantity the line can be changed to (what is already past picking)."""
        return self.active - self.changeable


@dataclass(frozen=True, slots=True)
class OrderFacts:
    """An order as this station has it, for the modification dialogs."""

    number: str
    version: int
    pickup: bool
    pickup_store_id: int | None
    fraud_state: str
    fraud_rules: tuple[str, ...]
    customer_name: str
    email: str
    phone: str
    alternate_pickup_name: str | None
    lines: tuple[LineFacts, ...]
    statuses: tuple[str, ...]
    bins: tuple[str, ...]
    pending: bool
    ship_to: Mapping[str, Any] | None

    @property
    def open(self) -> bool:
        """Whether anything of the order can still change (a fulfillment not ended)."""
        return any(not FulfillmentStatus(s).terminal for s in self.statuses)

    @property
    def ready(self) -> bool:
        """Whether a pickup of the order waits at the counter."""
        return FulfillmentStatus.READY_FOR_PICKUP.value in self.statuses

    @property
    def left(self) -> bool:
        """Whether goods of the order already left the fulfilling store."""
        return any(s in LEFT for s in self.statuses)

    def line(self, line_no: int) -> LineFacts:
        """The line numbered ``line_no`` (KeyError when the order has none)."""
        for line in self.lines:
            if line.line_no == line_no:
                return line
        raise KeyError(line_no)


_ENDED_LINES = (
    FulfillmentStatus.CANCELLED.value,
    FulfillmentStatus.EXPIRED.value,
    FulfillmentStatus.REJECTED.value,
)


def facts_from_docs(docs: Sequence[Mapping[str, Any]], pending: bool = False) -> OrderFacts:
    """The facts of one order from its fulfillment documents (at least one)."""
    first = docs[0]
    header = max((d["order"] for d in docs), key=lambda o: int(o["version"]))
    lines: dict[int, dict[str, Any]] = {}
    pickup_store: int | None = None
    pickup = False
    ship_to: Mapping[str, Any] | None = None
    for d in docs:
        method = d["method"]
        if method == FulfillmentMethod.STORE_PICKUP.value:
            pickup, pickup_store = True, int(d["store_id"])
        elif method == FulfillmentMethod.SHIP_TO_STORE.value:
            pickup = True
            if d.get("destination_store_id") is not None:
                pickup_store = int(d["destination_store_id"])
        elif d.get("ship_to"):
            ship_to = d["ship_to"]
        status = d["status"]
        for ln in d["lines"]:
            entry = lines.setdefault(
                int(ln["line_no"]),
                {"sku": ln["sku"], "name": ln["name"], "active": 0, "changeable": 0, "stores": []},
            )
            if status in _ENDED_LINES:
                continue
            units = int(ln["quantity"]) - int(ln["rejected"]) - int(ln["refused"])
            entry["active"] += units
            if status in CHANGEABLE and units > 0:
                entry["changeable"] += units
                if d["store_id"] not in entry["stores"]:
                    entry["stores"].append(int(d["store_id"]))
    customer = first["customer"]
    return OrderFacts(
        number=str(first["order_number"]),
        version=int(header["version"]),
        pickup=pickup,
        pickup_store_id=pickup_store,
        fraud_state=str(header.get("fraud_state", "clear")),
        fraud_rules=tuple(header.get("fraud_rules") or ()),
        customer_name=str(customer.get("name", "")),
        email=str(customer.get("email", "")),
        phone=str(customer.get("phone", "")),
        alternate_pickup_name=header.get("alternate_pickup_name"),
        lines=tuple(
            LineFacts(no, e["sku"], e["name"], e["active"], e["changeable"], tuple(e["stores"]))
            for no, e in sorted(lines.items())
        ),
        statuses=tuple(str(d["status"]) for d in docs),
        bins=tuple(str(d["bin"]) for d in docs if d.get("bin") and not _ended(d["status"])),
        pending=pending,
        ship_to=ship_to,
    )


def _ended(status: str) -> bool:
    return FulfillmentStatus(status).terminal


def order_facts(conn: Connection, number: str) -> OrderFacts | None:
    """The order ``number`` as the station has it (predicted while changes wait), or None."""
    found = list(
        driver_cursor(conn).execute(
            "SELECT doc, pending FROM v_fulfillments WHERE order_number = ? ORDER BY id",
            (number,),
        )
    )
    if not found:
        return None
    return facts_from_docs([json.loads(doc) for doc, _ in found], any(p == 1 for _, p in found))


def reason_choices(conn: Connection, kind: ReasonKind) -> list[tuple[str, str]]:
    """The ``(code, label)`` reasons of ``kind`` synced from the server, else the built-in."""
    synced = queries.reason_codes(conn, kind.value)
    return synced or [(r.code, r.label) for r in reasons_for(kind)]


# --- who may --------------------------------------------------------------------------------


class Permission(StrEnum):
    """What the signed-in role may do about a command."""

    ALLOWED = "allowed"
    APPROVAL = "approval"  # a manager's badge or PIN makes it allowed
    REFUSED = "refused"


def permission(action: str, role: Role) -> Permission:
    """Whether ``role`` may run ``action`` itself, with a manager's approval, or not at all."""
    spec = COMMANDS[ACTIONS[action]]
    if role in spec.roles:
        return Permission.ALLOWED
    if spec.roles & APPROVER_ROLES and not role.chain_wide:
        return Permission.APPROVAL
    return Permission.REFUSED


def approver_problem(action: str, role: Role, display_name: str) -> str | None:
    """Why a person of ``role`` cannot approve ``action`` (None when they can)."""
    spec = COMMANDS[ACTIONS[action]]
    if role in APPROVER_ROLES and role in spec.roles:
        return None
    who = role.value.replace("_", " ")
    article = "an" if who[0] in "aeiou" else "a"
    return f"{display_name} is {article} {who}: only a manager can approve this change."


# --- the command ----------------------------------------------------------------------------


def queue(
    conn: Connection,
    *,
    action: str,
    number: str,
    base_version: int,
    args: Mapping[str, Any],
    staff_id: int,
    approved_by: int | None,
    now: datetime,
    role: Role | None = None,
) -> outbox.OutboxEntry:
    """Write the one outbox command of ``action`` on order ``number`` (with its predicted
    effect); a DomainError when the station already knows it cannot work."""
    return outbox.enqueue(
        conn,
        name=ACTIONS[action],
        target_kind=TargetKind.ORDER,
        target_key=number,
        base_version=base_version,
        staff_id=staff_id,
        approved_by=approved_by,
        args=args,
        now=now,
        role=role,
    )


def change_quantity_args(
    facts: OrderFacts, line_no: int, quantity: int, reason: str
) -> dict[str, Any]:
    """``change_quantity`` arguments, or OrderRefused when the quantity cannot be set."""
    line = facts.line(line_no)
    if quantity == line.active:
        raise OrderRefused(f"Line {line_no} already has {quantity}: choose another quantity.")
    if quantity > line.active:
        raise OrderRefused("A quantity can only be lowered; place a new order for more.")
    if quantity < line.lowest:
        raise OrderRefused(
            f"{line.lowest} of line {line_no} is already picked, packed or handed over: "
            f"it cannot go below {line.lowest}."
        )
    if not reason:
        raise OrderRefused("Choose a reason.")
    return {"line_no": line_no, "quantity": quantity, "reason": reason}


def released(facts: OrderFacts) -> list[str]:
    """What cancelling the whole order gives back, one sentence per line or bin."""
    out = [f"{line.active} × {line.name} ({line.sku})" for line in facts.lines if line.active > 0]
    out += [f"the goods in bin {b} go back on the shelf" for b in facts.bins]
    return out


# --- stores to move to or take stock from --------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoreChoice:
    """A store the order could move to (or take a replacement from).

    ``available``: units available there of each SKU of the order (as the station last
    synced them; a store not mirrored here shows None); ``hours``: today's opening hours.
    """

    id: int
    code: str
    name: str
    city: str
    distance_km: float | None
    hours: str
    open_now: bool
    available: Mapping[str, int | None]

    def has_all(self, need: Mapping[str, int]) -> bool:
        """Whether the store has every SKU in ``need`` in the quantity needed (known here)."""
        return all((self.available.get(sku) or 0) >= qty for sku, qty in need.items())

    def short_of(self, need: Mapping[str, int]) -> list[str]:
        """The SKUs the station knows the store has too few of (unknown stock: the server
        decides, so it is not counted short)."""
        return [
            sku
            for sku, qty in need.items()
            if (units := self.available.get(sku)) is not None and units < qty
        ]


def store_choices(
    conn: Connection,
    origin_store_id: int,
    skus: Sequence[str],
    now: datetime,
    *,
    include_origin: bool = False,
    limit: int = 8,
) -> list[StoreChoice]:
    """The stores nearest ``origin_store_id`` (itself only with ``include_origin``, first)
    with each SKU's available quantity, distance and today's hours, nearest first."""
    stock: dict[str, dict[int, int]] = {
        sku: {row.store_id: row.available for row in queries.inventory_for(conn, sku)}
        for sku in skus
    }
    cur = driver_cursor(conn)
    candidates: list[tuple[int, str, str, str, float | None]] = []
    if include_origin:
        own = cur.execute(
            "SELECT id, code, name, city FROM stores WHERE id = ?", (origin_store_id,)
        ).fetchone()
        if own is not None:
            candidates.append((own[0], own[1], own[2], own[3], 0.0))
    candidates += [
        (s.id, s.code, s.name, s.city, s.distance_km)
        for s in queries.nearby_stores(conn, origin_store_id, limit=limit)
    ]
    out = []
    for store_id, code, name, city, distance in candidates[:limit]:
        row = cur.execute(
            "SELECT opening_hours, timezone FROM stores WHERE id = ?", (store_id,)
        ).fetchone()
        clock = store_clock(row[0], row[1], now)
        out.append(
            StoreChoice(
                store_id,
                code,
                name,
                city,
                distance,
                clock.today,
                clock.open_now,
                {sku: stock[sku].get(store_id) for sku in skus},
            )
        )
    return out


def stock_sources(
    conn: Connection, sku: str, now: datetime, *, exclude: Sequence[int] = ()
) -> list[StoreChoice]:
    """The stores with ``sku`` available (the station's mirror), nearest first."""
    cur = driver_cursor(conn)
    out = []
    for row in queries.inventory_for(conn, sku):
        if row.store_id in exclude or row.available <= 0:
            continue
        found = cur.execute(
            "SELECT code, name, city, kind, opening_hours, timezone FROM stores WHERE id = ?",
            (row.store_id,),
        ).fetchone()
        if found is None:
            continue
        clock = store_clock(found[4], found[5], now)
        out.append(
            StoreChoice(
                row.store_id,
                found[0],
                found[1] if found[3] == "store" else f"{found[1]} (warehouse)",
                found[2],
                row.distance_km,
                clock.today,
                clock.open_now,
                {sku: row.available},
            )
        )
    return out


# --- contact details and addresses ----------------------------------------------------------

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_POSTAL = {
    "NL": (re.compile(r"^\d{4}\s?[A-Za-z]{2}$"), "four digits and two letters, like 1012 JS"),
    "BE": (re.compile(r"^\d{4}$"), "four digits, like 1000"),
    "DE": (re.compile(r"^\d{5}$"), "five digits, like 10115"),
    "FR": (re.compile(r"^\d{5}$"), "five digits, like 75001"),
    "LU": (re.compile(r"^(L-?)?\d{4}$"), "four digits, like 1009"),
}
#: Countries an address may be in (those the chain delivers to).
COUNTRIES = ("NL", "BE", "DE", "FR", "LU")


def email_problem(text: str) -> str | None:
    """What is wrong with an e-mail address, None when it looks right."""
    value = text.strip()
    if not value:
        return "Enter the customer's e-mail address."
    if "@" not in value:
        return "The e-mail address needs an @ (like name@example.com)."
    if " " in value:
        return "The e-mail address cannot contain spaces."
    if value.count("@") > 1:
        return "The e-mail address has more than one @."
    if not _EMAIL.match(value):
        return "The part after the @ needs a domain with a dot (like example.com)."
    return None


def phone_problem(text: str) -> str | None:
    """What is wrong with a phone number, None when it looks right."""
    value = text.strip()
    if not value:
        return "Enter the customer's phone number."
    if re.search(r"[^\d\s+()./-]", value):
        return "A phone number has only digits, spaces and + - ( )."
    if "+" in value[1:]:
        return "The + goes only at the start of the number (like +31 6 1234 5678)."
    digits = re.sub(r"\D", "", value)
    if len(digits) < 8:
        return f"The phone number has {len(digits)} digits: it needs at least 8."
    if len(digits) > 15:
        return f"The phone number has {len(digits)} digits: at most 15 are possible."
    return None


def name_problem(text: str, what: str = "name") -> str | None:
    """What is wrong with a person's name, None when it looks right."""
    value = text.strip()
    if not value:
        return f"Enter the {what}."
    if len(value) < 2:
        return f"The {what} is too short."
    if len(value) > 120:
        return f"The {what} is too long (at most 120 characters)."
    return None


def address_problems(address: Mapping[str, str]) -> dict[str, str]:
    """Each field of a delivery address that is wrong, with what is wrong."""
    problems: dict[str, str] = {}
    if (found := name_problem(address.get("name", ""), "recipient's name")) is not None:
        problems["name"] = found
    if not address.get("line1", "").strip():
        problems["line1"] = "Enter the street and house number."
    elif not re.search(r"\d", address["line1"]):
        problems["line1"] = "The street line needs a house number."
    country = address.get("country", "").strip().upper()
    if country not in COUNTRIES:
        problems["country"] = f"We deliver to {', '.join(COUNTRIES)} only."
    postal = address.get("postal_code", "").strip()
    if not postal:
        problems["postal_code"] = "Enter the postal code."
    elif country in _POSTAL and not _POSTAL[country][0].match(postal):
        problems["postal_code"] = f"A postal code in {country} is {_POSTAL[country][1]}."
    if not address.get("city", "").strip():
        problems["city"] = "Enter the town or city."
    phone = address.get("phone", "").strip()
    if phone and (found := phone_problem(phone)) is not None:
        problems["phone"] = found
    return problems


def contact_args(
    facts: OrderFacts, *, name: str, email: str, phone: str, alternate: str
) -> dict[str, Any]:
    """``edit_contact`` arguments: only what changed. OrderRefused with the first problem,
    or when nothing changed."""
    for problem in (
        name_problem(name, "customer's name"),
        email_problem(email),
        phone_problem(phone),
    ):
        if problem is not None:
            raise OrderRefused(problem)
    wanted_alt = alternate.strip()
    if wanted_alt and (problem := name_problem(wanted_alt, "collector's name")) is not None:
        raise OrderRefused(problem)
    args: dict[str, Any] = {}
    if name.strip() != facts.customer_name:
        args["name"] = name.strip()
    if email.strip() != facts.email:
        args["email"] = email.strip()
    if phone.strip() != facts.phone:
        args["phone"] = phone.strip()
    if wanted_alt != (facts.alternate_pickup_name or ""):
        args["alternate_pickup_name"] = wanted_alt or None
    if not args:
        raise OrderRefused("Nothing was changed.")
    return args
