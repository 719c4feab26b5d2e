"""A small known chain for sync and command tests: two stores, products, staff, stations."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from fastapi.testclient import TestClient

from desktop_oms.domain.entities import Channel
from desktop_oms.domain.roles import Role
from desktop_oms.protocol import API_PREFIX
from desktop_oms.protocol.intake import OrderIn
from desktop_oms.server import schema as t
from desktop_oms.server.intake import place_order
from desktop_oms.server.services import Services
from tests.server.factories import bearer, make_staff, make_station, make_store

SKUS = ("SKU-1", "SKU-2", "SKU-3")


@dataclass
class Side:
    """One store with its staff and an enrolled station."""

    store_id: int
    associate: int
    lead: int
    manager: int
    station_token: str
    client_id: str


@dataclass
class Chain:
    """Store A (Amsterdam) and store B (Rotterdam), stock at both."""

    a: Side
    b: Side
    services: Services
    client: TestClient
    seq: dict[str, int]

    def order(
        self,
        *,
        store: str = "a",
        lines: dict[str, int] | None = None,
        email: str = "jane@example.com",
        delivery: bool = False,
    ) -> str:
        """Place a pickup order at store a or b (``delivery``: a delivery to an address
        in Amsterdam instead); its number."""
        code = "AMS1" if store == "a" else "RTM1"
        where: dict[str, Any] = {"delivery": "pickup", "pickup_store_code": code}
        if delivery:
            where = {
                "delivery": "delivery",
                "shipping_address": {
                    "name": "Jane Doe",
                    "line1": "Dam 1",
                    "city": "Amsterdam",
                    "postal_code": "1012 JS",
                    "country": "NL",
                    "latitude": 52.373,
                    "longitude": 4.893,
                },
            }
        body = OrderIn.model_validate(
            {
                "channel": Channel.WEB.value,
                "external_ref": uuid.uuid4().hex,
                "customer": {
                    "external_id": email,
                    "name": "Jane Doe",
                    "email": email,
                    "phone": "+31 6 1234 5678",
                },
                **where,
                "billing_address": {
                    "name": "Jane Doe",
                    "line1": "Dam 1",
                    "city": "Amsterdam",
                    "postal_code": "1012 JS",
                    "country": "NL",
                },
                "lines": [
                    {"sku": sku, "quantity": qty, "unit_price_minor": 1299}
                    for sku, qty in (lines or {"SKU-1": 1, "SKU-2": 2}).items()
                ],
                "payment": {"card_number": "4242424242424242", "holder": "Jane Doe"},
            }
        )
        with self.services.db.write() as conn:
            return place_order(conn, self.services.payments, body).number

    def second_station(self, side: Side) -> Side:
        """Another station of ``side``'s store (same staff), enrolled by its manager."""
        with self.services.db.write() as conn:
            station = make_station(
                conn, store_id=side.store_id, name="Counter 2", enrolled_by=side.manager
            )
        return Side(
            store_id=side.store_id,
            associate=side.associate,
            lead=side.lead,
            manager=side.manager,
            station_token=station.station_token,
            client_id=station.client_id,
        )

    def order_version(self, number: str) -> int:
        """The order's current version."""
        with self.services.db.read() as conn:
            return int(
                conn.execute(
                    sa.select(t.orders.c.version).where(t.orders.c.number == number)
                ).scalar_one()
            )

    def fulfillments(self, number: str) -> list[Any]:
        """Every fulfillment row of an order, oldest first."""
        with self.services.db.read() as conn:
            return list(
                conn.execute(
                    sa.select(t.fulfillments)
                    .join(t.orders, t.orders.c.id == t.fulfillments.c.order_id)
                    .where(t.orders.c.number == number)
                    .order_by(t.fulfillments.c.id)
                )
            )

    def fulfillment(self, number: str) -> Any:
        """The (first) fulfillment row of an order."""
        with self.services.db.read() as conn:
            return conn.execute(
                sa.select(t.fulfillments)
                .join(t.orders, t.orders.c.id == t.fulfillments.c.order_id)
                .where(t.orders.c.number == number)
                .order_by(t.fulfillments.c.id)
            ).first()

    def command(
        self,
        side: Side,
        name: str,
        key: str | int,
        /,
        *,
        staff: int | None = None,
        base_version: int | None = None,
        seq: int | None = None,
        command_id: str | None = None,
        approved_by: int | None = None,
        **args: Any,
    ) -> Any:
        """Push one command from ``side``'s station; the HTTP response."""
        target_kind = {
            "change_quantity": "order",
            "cancel_order": "order",
            "change_pickup_store": "order",
            "release_fraud_hold": "order",
            "change_delivery": "order",
            "replace_item": "order",
            "edit_contact": "order",
            "resend_ready_notice": "order",
            "adjust_inventory": "inventory",
        }.get(name, "fulfillment")
        if base_version is None and target_kind == "fulfillment":
            with self.services.db.read() as conn:
                base_version = conn.execute(
                    sa.select(t.fulfillments.c.version).where(t.fulfillments.c.id == int(key))
                ).scalar_one()
        if base_version is None and target_kind == "order":
            with self.services.db.read() as conn:
                base_version = conn.execute(
                    sa.select(t.orders.c.version).where(t.orders.c.number == str(key))
                ).scalar_one_or_none()
        if seq is None:
            seq = self.seq[side.client_id] = self.seq.get(side.client_id, 0) + 1
        cmd = {
            "seq": seq,
            "id": command_id or str(uuid.uuid4()),
            "name": name,
            "target_kind": target_kind,
            "target_key": str(key),
            "base_version": base_version if base_version is not None else 0,
            "staff_id": staff or side.associate,
            "approved_by": approved_by,
            "issued_at": datetime.now(UTC).isoformat(),
            "args": args,
        }
        return self.client.post(
            f"{API_PREFIX}/sync/commands",
            json={"client_id": side.client_id, "commands": [cmd]},
            headers=bearer(side.station_token),
        )

    def result(self, side: Side, name: str, key: str | int, /, **kw: Any) -> dict[str, Any]:
        """Push one command and return its single result (asserting HTTP 200)."""
        r = self.command(side, name, key, **kw)
        assert r.status_code == 200, r.text
        result = r.json()["results"][0]
        assert isinstance(result, dict)
        return result


def build_chain(client: TestClient, services: Services, *, stock: int = 5) -> Chain:
    """Create the chain: stores A and B 57 km apart, three products stocked at both."""
    with services.db.write() as conn:
        sides = []
        for code, lat, lon in (("AMS1", 52.3702, 4.8952), ("RTM1", 51.9244, 4.4777)):
            sid = make_store(conn, code=code, lat=lat, lon=lon)
            manager = make_staff(conn, store_id=sid, role=Role.MANAGER)
            station = make_station(conn, store_id=sid, enrolled_by=manager)
            sides.append(
                Side(
                    store_id=sid,
                    associate=make_staff(conn, store_id=sid, role=Role.ASSOCIATE),
                    lead=make_staff(conn, store_id=sid, role=Role.LEAD),
                    manager=manager,
                    station_token=station.station_token,
                    client_id=station.client_id,
                )
            )
        for sku in SKUS:
            conn.execute(
                sa.insert(t.products).values(
                    sku=sku,
                    name=f"Product {sku}",
                    department="Home",
                    price_minor=1299,
                    currency="EUR",
                    attributes={"colour": "blue"},
                    image_ref=None,
                )
            )
            for side in sides:
                conn.execute(
                    sa.insert(t.inventory).values(
                        store_id=side.store_id,
                        sku=sku,
                        on_hand=stock,
                        reserved=0,
                        safety_stock=0,
                        daily_sales=1.0,
                    )
                )
    return Chain(a=sides[0], b=sides[1], services=services, client=client, seq={})
