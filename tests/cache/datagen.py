"""Deterministic wire-shaped data for cache tests and the cache benchmark.

Everything here is what the server sends: documents as JSON-decoded dicts, snapshot
rows as lists in ``SNAPSHOT_COLUMNS`` order, feed changes as ``Change``-shaped dicts.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from desktop_oms.domain.identifiers import make_gtin13

BASE_TIME = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
EPOCH = "0" * 31 + "1"

COLOURS = [
    "Red",
    "Blue",
    "Green",
    "Black",
    "White",
    "Grey",
    "Navy",
    "Olive",
    "Beige",
    "Teal",
    "Coral",
    "Ivory",
    "Amber",
    "Plum",
    "Mint",
    "Sand",
    "Rust",
    "Slate",
    "Lilac",
    "Ochre",
]
MATERIALS = [
    "Cotton",
    "Linen",
    "Wool",
    "Denim",
    "Leather",
    "Steel",
    "Oak",
    "Bamboo",
    "Ceramic",
    "Glass",
    "Copper",
    "Canvas",
    "Suede",
    "Cork",
]
NOUNS = [
    "Shirt",
    "Trousers",
    "Jacket",
    "Scarf",
    "Mug",
    "Kettle",
    "Lamp",
    "Chair",
    "Table",
    "Backpack",
    "Wallet",
    "Sneaker",
    "Boot",
    "Sock",
    "Blanket",
    "Pillow",
    "Towel",
    "Bottle",
    "Plate",
    "Bowl",
    "Spoon",
    "Knife",
    "Notebook",
    "Pencil",
    "Clock",
    "Mirror",
    "Basket",
    "Planter",
    "Candle",
    "Umbrella",
    "Glove",
    "Hat",
    "Belt",
    "Apron",
    "Tray",
    "Vase",
    "Stool",
    "Shelf",
    "Rug",
    "Curtain",
]
DEPARTMENTS = ("Clothing", "Home", "Kitchen", "Outdoor", "Office", "Footwear", "Accessories")
SIZES = ("XS", "S", "M", "L", "XL", "XXL")
CITIES = (
    ("Amsterdam", 52.37, 4.89),
    ("Utrecht", 52.09, 5.12),
    ("Rotterdam", 51.92, 4.48),
    ("The Hague", 52.07, 4.30),
    ("Eindhoven", 51.44, 5.47),
    ("Groningen", 53.22, 6.57),
    ("Leiden", 52.16, 4.49),
    ("Haarlem", 52.38, 4.64),
    ("Arnhem", 51.98, 5.91),
    ("Zwolle", 52.52, 6.08),
)
HOURS = {d: ["09:00", "18:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat")} | {"sun": None}


def iso(value: datetime) -> str:
    """ISO text as the server sends it."""
    return value.isoformat()


def sku_of(i: int) -> str:
    """The SKU of product number ``i``."""
    return f"SKU-{i:07d}"


def gtin_of(i: int) -> str:
    """The GTIN-13 of product number ``i`` (valid check digit)."""
    return make_gtin13(f"87{i:010d}")


def store_doc(i: int) -> dict[str, Any]:
    """Store number ``i`` (1-based), spread over a few cities."""
    city, lat, lon = CITIES[(i - 1) % len(CITIES)]
    rank = (i - 1) // len(CITIES)
    return {
        "id": i,
        "code": f"S{i:03d}",
        "name": f"{city} {rank + 1}",
        "kind": "store",
        "address": f"Main Street {i}",
        "city": city,
        "postal_code": f"{1000 + i} AB",
        "country": "NL",
        "latitude": lat + rank * 0.01,
        "longitude": lon + rank * 0.01,
        "timezone": "Europe/Amsterdam",
        "opening_hours": HOURS,
        "version": 1,
    }


def product_name(i: int) -> str:
    """A readable, mostly unique product name."""
    r = random.Random(i)
    return f"{r.choice(COLOURS)} {r.choice(MATERIALS)} {r.choice(NOUNS)} {i % 997}"


def product_doc(i: int, version: int = 1, name: str | None = None) -> dict[str, Any]:
    """Product number ``i`` with its GTIN-13 (and a store code for every tenth)."""
    r = random.Random(i)
    identifiers = [["GTIN-13", gtin_of(i)]]
    if i % 10 == 0:
        identifiers.append(["store", f"ST{i:06d}"])
    return {
        "sku": sku_of(i),
        "name": name if name is not None else product_name(i),
        "department": DEPARTMENTS[i % len(DEPARTMENTS)],
        "price_minor": 199 + (i * 37) % 20000,
        "currency": "EUR",
        "attributes": {"size": r.choice(SIZES), "colour": r.choice(COLOURS).lower()},
        "image_ref": f"img/{i}.jpg" if i % 3 else None,
        "identifiers": identifiers,
        "version": version,
    }


def product_row(doc: dict[str, Any]) -> list[Any]:
    """A product snapshot row."""
    return [
        doc["sku"],
        doc["name"],
        doc["department"],
        doc["price_minor"],
        doc["currency"],
        doc["attributes"],
        doc["image_ref"],
        doc["version"],
    ]


def inventory_doc(store_id: int, i: int, version: int = 1) -> dict[str, Any]:
    """Stock of product ``i`` at a store."""
    return {
        "store_id": store_id,
        "sku": sku_of(i),
        "on_hand": (i * 7 + store_id) % 40,
        "reserved": (i + store_id) % 3,
        "safety_stock": 1,
        "version": version,
    }


def staff_doc(i: int, store_id: int, role: str = "associate") -> dict[str, Any]:
    """A staff member of a store."""
    return {
        "id": i,
        "store_id": store_id,
        "username": f"user{i}",
        "display_name": f"User {i}",
        "role": role,
        "badge_id": f"B{i:05d}",
        "verifier": "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
        "active": True,
        "version": 1,
    }


PICKUP_STATUSES = ("open", "picking", "ready_for_pickup", "handed_over", "cancelled")
SHIP_STATUSES = ("open", "picking", "packed", "shipped")


def fulfillment_doc(
    fid: int,
    store_id: int,
    *,
    method: str = "store_pickup",
    status: str = "open",
    destination_store_id: int | None = None,
    version: int = 1,
    order_version: int = 1,
    lines: int = 2,
    customer: str | None = None,
    updated_at: datetime | None = None,
    pickup_deadline: datetime | None = None,
    fraud_state: str = "clear",
    shipping_service: str | None = None,
) -> dict[str, Any]:
    """A fulfillment document with its order, customer and lines (without
    ``shipping_service`` unless given, as documents written before it existed)."""
    created = BASE_TIME - timedelta(hours=fid % 72)
    name = customer if customer is not None else f"Customer {fid}"
    number = f"WEB-{1000000 + fid}"
    return {
        "id": fid,
        "order_number": number,
        "store_id": store_id,
        "destination_store_id": destination_store_id,
        "method": method,
        "status": status,
        "bin": f"P-{fid % 50:03d}" if status == "ready_for_pickup" else None,
        "pickup_code": f"{(fid * 7919) % 1000000:06d}",
        "promised_at": iso(created + timedelta(hours=24)),
        "pickup_deadline": iso(pickup_deadline) if pickup_deadline else None,
        "tracking": None,
        "carrier": None,
        "boxes": [],
        "created_at": iso(created),
        "updated_at": iso(updated_at or created + timedelta(minutes=5)),
        "order": {
            "number": number,
            "channel": "web",
            "created_at": iso(created),
            "payment_state": "authorized",
            "fraud_state": fraud_state,
            "fraud_rules": [],
            "total_minor": 2500 * lines,
            "currency": "EUR",
            "alternate_pickup_name": None,
            "version": order_version,
        },
        "customer": {
            "id": fid,
            "name": name,
            "email": f"customer{fid}@example.com",
            "phone": f"+3161{fid:07d}",
        },
        "lines": [
            {
                "line_no": n + 1,
                "sku": sku_of((fid * 13 + n) % 1000 + 1),
                "name": product_name((fid * 13 + n) % 1000 + 1),
                "quantity": 1 + n,
                "picked": 0,
                "rejected": 0,
                "refused": 0,
                "unit_price_minor": 2500,
            }
            for n in range(lines)
        ],
        "version": version,
    } | ({} if shipping_service is None else {"shipping_service": shipping_service})


def change(kind: str, key: str, data: dict[str, Any] | None, seq: int = 0) -> dict[str, Any]:
    """A feed change (an upsert, or a delete when ``data`` is None)."""
    return {
        "seq": seq,
        "kind": kind,
        "key": key,
        "op": "delete" if data is None else "upsert",
        "data": data,
    }


@dataclass(frozen=True)
class Chain:
    """The size of a generated chain."""

    skus: int
    stores: int = 6
    fulfillments: int = 0
    store_id: int = 1


def pages(kind: str, rows: list[list[Any]], size: int) -> Iterator[tuple[list[list[Any]], Any]]:
    """Rows split into snapshot pages with each page's ``next_after``."""
    for start in range(0, len(rows), size):
        page = rows[start : start + size]
        last = start + size >= len(rows)
        if last:
            yield page, None
        elif kind == "inventory":
            yield page, f"{page[-1][0]}:{page[-1][1]}"
        else:
            yield page, str(page[-1][0])
    if not rows:
        yield [], None


def product_rows(n: int) -> Iterator[list[Any]]:
    """Product snapshot rows 1..n in SKU order."""
    for i in range(1, n + 1):
        yield product_row(product_doc(i))


def iter_identifier_rows(n: int) -> Iterator[list[Any]]:
    """Identifier snapshot rows of products 1..n in value order, streamed.

    GTIN keys grow with the product number (same prefix, check digit last), and every
    store code sorts after every digit string.
    """
    for i in range(1, n + 1):
        yield [gtin_of(i).zfill(14), "GTIN-13", sku_of(i)]
    for i in range(10, n + 1, 10):
        yield [f"ST{i:06d}", "store", sku_of(i)]


def identifier_rows(n: int) -> list[list[Any]]:
    """Identifier snapshot rows of products 1..n, in value order."""
    return list(iter_identifier_rows(n))


def inventory_rows(n: int, store_ids: list[int]) -> Iterator[list[Any]]:
    """Inventory snapshot rows in (store, SKU) order."""
    for store_id in sorted(store_ids):
        for i in range(1, n + 1):
            d = inventory_doc(store_id, i)
            yield [d["store_id"], d["sku"], d["on_hand"], d["reserved"], d["safety_stock"], 1]


def snapshot_kinds(chain: Chain) -> dict[str, list[list[Any]]]:
    """Every snapshot kind's rows for a chain (fits a test-sized chain in memory)."""
    store_ids = list(range(1, chain.stores + 1))
    return {
        "setting": [["pickup_hold_days", 7]],
        "reason_code": [["cancel", "customer_request", "Customer asked to cancel"]],
        "store": [[i, store_doc(i)] for i in store_ids],
        "staff": [[i, staff_doc(i, chain.store_id)] for i in range(1, 4)],
        "product": list(product_rows(chain.skus)),
        "identifier": identifier_rows(chain.skus),
        "inventory": list(inventory_rows(chain.skus, store_ids)),
        "fulfillment": [
            [f, fulfillment_doc(f, chain.store_id)] for f in range(1, chain.fulfillments + 1)
        ],
    }
