"""Every failure answers in the one JSON error envelope, never a 500 or a stack trace."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from desktop_oms.protocol import API_PREFIX
from desktop_oms.protocol.errors import ErrorEnvelope
from desktop_oms.server.services import Services
from tests.server.chain import Chain, build_chain
from tests.server.factories import bearer


@pytest.fixture
def database_url(sqlite_url: str) -> str:
    """These tests are about HTTP handling: SQLite is enough."""
    return sqlite_url


@pytest.fixture
def chain(client: TestClient, services: Services) -> Chain:
    """The two-store chain."""
    return build_chain(client, services)


def _envelope(r: Any, status: int, code: str) -> None:
    assert r.status_code == status, r.text
    body = ErrorEnvelope.model_validate(r.json())
    assert body.error.code.value == code
    assert "Traceback" not in r.text
    assert body.error.message


def _push(chain: Chain, content: bytes, headers: dict[str, str] | None = None) -> Any:
    h = {"Content-Type": "application/json", **bearer(chain.a.station_token), **(headers or {})}
    return chain.client.post(f"{API_PREFIX}/sync/commands", content=content, headers=h)


def test_malformed_json(chain: Chain) -> None:
    """A body that is not JSON is 400 malformed_json."""
    _envelope(_push(chain, b'{"client_id": '), 400, "malformed_json")


def test_unknown_field(chain: Chain) -> None:
    """An unknown field is 422 and names the field."""
    r = _push(
        chain, b'{"client_id": "' + chain.a.client_id.encode() + b'", "commands": [], "extra": 1}'
    )
    _envelope(r, 422, "validation_error")
    assert "extra" in r.text


def test_wrong_types(chain: Chain) -> None:
    """A wrong type is 422 with the location."""
    r = _push(chain, b'{"client_id": 5, "commands": "no"}')
    _envelope(r, 422, "validation_error")
    assert "client_id" in r.json()["error"]["message"] or "client_id" in r.text


def test_oversized_declared_and_streamed(chain: Chain) -> None:
    """Bodies over the limit are 413, whether declared by length or streamed."""
    big = b'{"client_id": "' + b"a" * 2_000_000 + b'"}'
    _envelope(_push(chain, big), 413, "body_too_large")

    def chunks() -> Any:
        for _ in range(30):
            yield b"x" * 100_000

    r = chain.client.post(
        f"{API_PREFIX}/sync/commands",
        content=chunks(),
        headers={"Content-Type": "application/json", **bearer(chain.a.station_token)},
    )
    _envelope(r, 413, "body_too_large")


def test_deeply_nested_body(chain: Chain) -> None:
    """A deeply nested body is refused cleanly."""
    body = b'{"args": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    r = _push(chain, body)
    assert r.status_code in (400, 422)
    ErrorEnvelope.model_validate(r.json())


def test_unknown_route_and_method(client: TestClient) -> None:
    """Unknown paths and methods answer in the envelope too."""
    _envelope(client.get(f"{API_PREFIX}/nope"), 404, "not_found")
    _envelope(client.delete(f"{API_PREFIX}/sync/feed"), 405, "method_not_allowed")


def test_no_and_bad_token(client: TestClient) -> None:
    """Missing and unknown tokens are 401 unauthenticated."""
    _envelope(client.get(f"{API_PREFIX}/sync/status"), 401, "unauthenticated")
    _envelope(
        client.get(f"{API_PREFIX}/sync/status", headers=bearer("sn_x.y")), 401, "unauthenticated"
    )


def test_bad_query_values(chain: Chain) -> None:
    """Out-of-range query values are 422, a bad snapshot key too."""
    h = bearer(chain.a.station_token)
    _envelope(
        chain.client.get(f"{API_PREFIX}/sync/feed", params={"cursor": "x", "wait": -1}, headers=h),
        422,
        "validation_error",
    )
    cursor = chain.client.get(f"{API_PREFIX}/sync/snapshot", headers=h).json()["cursor"]
    _envelope(
        chain.client.get(
            f"{API_PREFIX}/sync/snapshot/inventory",
            params={"cursor": cursor, "after": "nocolon"},
            headers=h,
        ),
        422,
        "validation_error",
    )
    _envelope(
        chain.client.get(f"{API_PREFIX}/sync/snapshot/bogus", params={"cursor": cursor}, headers=h),
        422,
        "validation_error",
    )


def test_command_with_bad_args_is_a_rejected_result(chain: Chain) -> None:
    """Bad command arguments are a rejected result naming the problem, not a 500."""
    f = chain.fulfillment(chain.order())
    r = chain.result(chain.a, "mark_ready", f.id, bin="not a bin!")
    assert r["status"] == "rejected"
    assert r["code"] == "missing_requirement"
    assert "bin" in r["message"]
    r = chain.result(chain.a, "start_picking", "not-a-number", base_version=1)
    assert r["code"] == "not_found"
