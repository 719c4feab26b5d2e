"""The server's own log, at DEBUG, holds no PIN, token, Authorization header or customer data.

A real server process (its real logging set-up, ``--log-level debug``) takes an order,
sign-ins with wrong and right PINs, token use by staff, station and channel, order
searches by e-mail, name and phone, an order's detail, a failing request; then its whole
output is searched for every secret and every piece of the customer's data.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import httpx
import pytest
from fastapi.testclient import TestClient

from desktop_oms.protocol import API_PREFIX
from desktop_oms.server.services import Services
from tests.server.chain import build_chain
from tests.server.factories import DEFAULT_PIN, make_channel, username_of
from tests.server.liveserver import prepare, serve

CUSTOMER = {
    "name": "Zebulon Quixotic",
    "email": "zebulon.quixotic@example.org",
    "phone": "+31 6 9876 5432",
    "line1": "Keizersgracht 999",
    "postal_code": "1015 CZ",
}
CARD = "4242424242424242"
WRONG_PIN = "97531864"


@dataclass
class Setup:
    """What the prepared database holds for the test."""

    username: str
    station_token: str
    channel_key: str


def _build(_client: TestClient, services: Services) -> Setup:
    chain = build_chain(_client, services)
    with services.db.write() as conn:
        _, key = make_channel(conn)
    with services.db.read() as conn:
        username = username_of(conn, chain.a.manager)
    return Setup(username=username, station_token=chain.a.station_token, channel_key=key)


def _order_body() -> dict[str, Any]:
    address = {
        "name": CUSTOMER["name"],
        "line1": CUSTOMER["line1"],
        "city": "Amsterdam",
        "postal_code": CUSTOMER["postal_code"],
        "country": "NL",
    }
    return {
        "channel": "web",
        "external_ref": uuid.uuid4().hex,
        "customer": {
            "external_id": CUSTOMER["email"],
            "name": CUSTOMER["name"],
            "email": CUSTOMER["email"],
            "phone": CUSTOMER["phone"],
        },
        "delivery": "pickup",
        "pickup_store_code": "AMS1",
        "billing_address": address,
        "lines": [{"sku": "SKU-1", "quantity": 1, "unit_price_minor": 1299}],
        "payment": {"card_number": CARD, "holder": CUSTOMER["name"]},
    }


def test_debug_log_holds_no_secret_or_customer_data(tmp_path: Path) -> None:
    """Intake, sign-in (wrong, right), token use and searches leave nothing to leak."""
    database = tmp_path / "oms.sqlite3"
    setup = prepare(database, _build)
    log = tmp_path / "server.log"
    secrets: list[str] = [setup.station_token, setup.channel_key, WRONG_PIN, DEFAULT_PIN, CARD]
    with (
        serve(database, log, "--log-level", "debug") as server,
        httpx.Client(base_url=server.base + API_PREFIX, timeout=30) as http,
    ):
        channel = {"Authorization": f"Bearer {setup.channel_key}"}
        r = http.post("/orders", json=_order_body(), headers={**channel, "Idempotency-Key": "k1"})
        assert r.status_code == 201, r.text
        number = r.json()["number"]

        r = http.post("/auth/sign-in", json={"username": setup.username, "pin": WRONG_PIN})
        assert r.status_code == 401
        station = {"X-Station-Authorization": f"Bearer {setup.station_token}"}
        r = http.post(
            "/auth/sign-in",
            json={"username": setup.username, "pin": DEFAULT_PIN},
            headers=station,
        )
        assert r.status_code == 200, r.text
        token = r.json()["token"]
        secrets.append(token)
        staff = {"Authorization": f"Bearer {token}"}
        assert http.get("/auth/me", headers=staff).status_code == 200
        for q in (CUSTOMER["email"], CUSTOMER["name"], CUSTOMER["phone"], "9876 5432"):
            r = http.get("/orders", params={"q": q}, headers=staff)
            assert r.status_code == 200 and r.json(), (q, r.text)
        r = http.get(f"/orders/{number}", headers=staff)
        assert r.status_code == 200 and CUSTOMER["email"] in r.text
        sync = {"Authorization": f"Bearer {setup.station_token}"}
        assert http.get("/sync/status", headers=sync).status_code == 200
        cursor = http.get("/sync/snapshot", headers=sync).json()["cursor"]
        r = http.get("/sync/snapshot/fulfillment", params={"cursor": cursor}, headers=sync)
        assert CUSTOMER["email"] in r.text
        # failures log too: a forged token, a malformed body, a bad sign-in body
        forged = f"st_{'A' * 20}.{'b' * 30}"
        secrets.append(forged)
        assert http.get("/auth/me", headers={"Authorization": f"Bearer {forged}"}).is_error
        r = http.post("/auth/sign-in", json={"username": CUSTOMER["email"], "pin": "12"})
        assert r.status_code == 422
        r = http.post(
            "/orders",
            content=b'{"customer": {"email": "' + CUSTOMER["email"].encode() + b'"',
            headers={**channel, "Idempotency-Key": "k2", "Content-Type": "application/json"},
        )
        assert r.status_code == 400
    text = log.read_text(encoding="utf-8", errors="replace")
    lowered = text.lower()
    leaks = [s for s in secrets if s in text]
    leaks += [
        f"customer {k}"
        for k, v in CUSTOMER.items()
        if any(form.lower() in lowered for form in (v, quote(v), quote_plus(v)))
    ]
    leaks += [
        w for w in ("bearer st_", "bearer sn_", "bearer ch_", "authorization:") if w in lowered
    ]
    leaks += ["phone digits"] if "98765432" in re.sub(r"[^0-9]", "", text) else []
    secret_parts = [s.split(".", 1)[1] for s in secrets if "." in s]
    leaks += ["token secret part" for part in secret_parts if part in text]
    assert not leaks, f"{leaks}\n{text[-3000:]}"
    assert "GET /api/v1/orders?[query]" in text  # the access log ran, at DEBUG
    assert "DEBUG" in text
    assert "Traceback" not in text and "Logging error" not in text, text[-3000:]


@pytest.mark.parametrize(
    "path", ["/api/v1/orders?q=zebulon@example.org&limit=5", "/api/v1/orders/ABC?x=1"]
)
def test_access_line_loses_its_query(path: str) -> None:
    """The access-log filter keeps method and path, drops the query string."""
    import logging

    from desktop_oms.server.logs import QuerylessAccess

    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", path, "1.1", 200),
        None,
    )
    assert QuerylessAccess().filter(record)
    line = record.getMessage()
    assert path.split("?")[0] + "?[query]" in line
    assert "zebulon" not in line and "x=1" not in line
