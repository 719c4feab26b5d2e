"""The feed validator that builds dicts agrees with the protocol's models, page for page."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa
from pydantic import ValidationError

from desktop_oms.protocol.sync import FeedPage, Kind
from desktop_oms.server import feed
from desktop_oms.server import schema as t
from desktop_oms.sync import client as client_module
from tests.sync.live import World

Edit = Callable[[dict[str, Any]], None]


def _feed_bytes(world: World) -> bytes:
    """A real feed page with every kind of document, from the start of the feed."""
    with world.services.db.write() as conn:
        conn.execute(
            sa.update(t.products)
            .where(t.products.c.sku == "SKU-1")
            .values(price_minor=1499, version=t.products.c.version + 1)
        )
        feed.touch(conn, Kind.PRODUCT, "SKU-1")
    station = world.station(world.creds("a"))
    cursor = station.client.snapshot_start().cursor
    epoch = cursor.split(":")[0]
    return station.client._feed(f"{epoch}:0", 0, None)


def _set(path: list[Any], value: Any) -> Edit:
    def edit(page: dict[str, Any]) -> None:
        target: Any = page
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return edit


def test_the_dict_validator_is_in_use_and_gives_the_models_data(world: World) -> None:
    """The fast path exists (no silent fallback) and yields what the models hold."""
    validator = client_module._FEED_AS_DICTS
    assert validator is not None
    content = _feed_bytes(world)
    as_dicts = validator.validate_json(content, strict=True)
    as_models = FeedPage.model_validate_json(content, strict=True)
    assert {c["kind"] for c in as_dicts["changes"]} >= {
        "store",
        "staff",
        "product",
        "inventory",
        "fulfillment",
        "reason_code",
        "setting",
    }
    assert as_dicts == as_models.model_dump()


@pytest.mark.parametrize(
    "edit",
    [
        _set(["more"], "yes"),
        _set(["last_seq"], "3"),
        _set(["changes", 0, "seq"], True),
        _set(["changes", 0, "op"], "merge"),
        _set(["changes", 0, "kind"], "gadget"),
        _set(["changes", 0, "surprise"], 1),
        _set(["cursor"], None),
    ],
    ids=["bool as text", "int as text", "bool as int", "bad op", "bad kind", "extra", "null"],
)
def test_the_dict_validator_refuses_what_the_models_refuse(world: World, edit: Edit) -> None:
    """Strictness and unknown fields are judged the same way on both paths."""
    validator = client_module._FEED_AS_DICTS
    assert validator is not None
    page = json.loads(_feed_bytes(world))
    edit(page)
    content = json.dumps(page).encode()
    with pytest.raises(ValidationError):
        FeedPage.model_validate_json(content, strict=True)
    with pytest.raises(ValidationError):
        validator.validate_json(content, strict=True)


def test_a_document_field_of_the_wrong_type_is_refused_in_every_kind(world: World) -> None:
    """Each kind's document is checked, not only the envelope."""
    validator = client_module._FEED_AS_DICTS
    assert validator is not None
    page = json.loads(_feed_bytes(world))
    seen = set()
    for n, change in enumerate(page["changes"]):
        if change["kind"] in seen or change["data"] is None:
            continue
        seen.add(change["kind"])
        broken = json.loads(json.dumps(page))
        field = next(iter(broken["changes"][n]["data"]))
        broken["changes"][n]["data"][field] = [1, 2]
        with pytest.raises(ValidationError):
            validator.validate_json(json.dumps(broken).encode(), strict=True)
    assert len(seen) == 7
