"""The station's label calls against a live server: buy (and retry) labels in the signed-in
person's name, see them arrive in the cache with the fulfillment, ship under the label
through the outbox, void; offline and sign-in failures worded for the bench."""

from __future__ import annotations

import json
import socket
import uuid

import pytest

from desktop_oms.cache.db import driver_cursor
from desktop_oms.protocol.auth import SignInRequest
from desktop_oms.server import schema as t
from desktop_oms.sync.client import LABELS_NEED_SIGN_IN, LABELS_OFFLINE, ServerClient
from desktop_oms.sync.errors import Refused, ServerUnavailable
from tests.server.factories import DEFAULT_PIN, username_of
from tests.server.test_labels import BOX_M, BOX_S, delivery_order
from tests.sync.live import Station, World


def _staff_token(world: World, staff_id: int) -> str:
    with world.services.db.read() as conn:
        name = username_of(conn, staff_id)
    client = ServerClient(world.url, timeout=10)
    try:
        return client.sign_in(SignInRequest(username=name, pin=DEFAULT_PIN)).token
    finally:
        client.close()


def _cached_doc(station: Station, fid: int) -> dict[str, object]:
    with station.cache.read() as conn:
        row = driver_cursor(conn).execute("SELECT doc FROM fulfillments WHERE id = ?", (fid,))
        found = row.fetchone()
    assert found is not None
    doc = json.loads(found[0])
    assert isinstance(doc, dict)
    return doc


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_buy_labels_reach_the_cache_and_the_parcel_ships_under_one(world: World) -> None:
    """Pack through the outbox, buy two labels online (a retry with the same key gets the
    same two), pull: the cached document carries them; ship with the first label's number
    through the outbox; a shipped parcel's label cannot be voided."""
    a = world.chain.a
    fid = delivery_order(world.chain)
    station = world.station(world.creds("a"))
    station.engine.sync_once()
    station.enqueue("start_picking", fid, staff=a.associate)
    station.engine.push_all()
    station.engine.sync_once()
    station.enqueue("pack", fid, staff=a.associate, boxes=[BOX_M, BOX_S])
    assert station.engine.push_all().applied == 1
    station.engine.sync_once()

    token = _staff_token(world, a.associate)
    key = str(uuid.uuid4())
    labels = station.client.buy_labels(fid, key, staff_token=token)
    assert [x.box_index for x in labels] == [1, 2]
    assert station.client.buy_labels(fid, key, staff_token=token) == labels
    with pytest.raises(Refused) as refused:
        station.client.buy_labels(fid, str(uuid.uuid4()), staff_token=token)
    assert refused.value.status == 409 and "void them" in refused.value.message

    station.engine.sync_once()
    cached = _cached_doc(station, fid)
    assert [x["tracking"] for x in cached["labels"]] == [x.tracking for x in labels]  # type: ignore[union-attr]
    assert cached["status"] == "packed"

    station.enqueue("ship", fid, staff=a.associate, carrier="omspost", tracking=labels[0].tracking)
    assert station.engine.push_all().applied == 1
    with world.services.db.read() as conn:
        row = conn.execute(t.fulfillments.select().where(t.fulfillments.c.id == fid)).one()
    assert (row.status, row.tracking) == ("shipped", labels[0].tracking)

    lead = _staff_token(world, a.lead)
    with pytest.raises(Refused) as refused:
        station.client.void_label(labels[1].tracking, staff_token=lead)
    assert refused.value.status == 409 and "has shipped" in refused.value.message


def test_void_and_the_errors_staff_read(world: World) -> None:
    """A lead voids (twice: the same answer); an associate may not; another store's lead is
    out of scope; no online sign-in and a dead session ask for a PIN sign-in; offline says
    to pack now and buy later."""
    a = world.chain.a
    fid = delivery_order(world.chain)
    world.chain.result(a, "start_picking", fid)
    world.chain.result(a, "pack", fid, boxes=[BOX_S])
    client = ServerClient(world.url, world.creds("a").token, timeout=10)
    try:
        [label] = client.buy_labels(fid, "k-1", staff_token=_staff_token(world, a.associate))
        with pytest.raises(Refused) as refused:
            client.void_label(label.tracking, staff_token=_staff_token(world, a.associate))
        assert refused.value.status == 403 and "lead" in refused.value.message
        with pytest.raises(Refused) as refused:
            client.void_label(label.tracking, staff_token=_staff_token(world, world.chain.b.lead))
        assert refused.value.code == "out_of_scope"
        lead = _staff_token(world, a.lead)
        voided = client.void_label(label.tracking, staff_token=lead)
        assert voided.status.value == "void" and voided.tracking == label.tracking
        assert client.void_label(label.tracking, staff_token=lead) == voided

        with pytest.raises(Refused) as refused:
            client.buy_labels(fid, "k-2", staff_token=None)
        assert refused.value.message == LABELS_NEED_SIGN_IN
        with pytest.raises(Refused) as refused:
            client.buy_labels(fid, "k-2", staff_token="st_nope.nope")
        assert refused.value.status == 401 and refused.value.message == LABELS_NEED_SIGN_IN
    finally:
        client.close()

    offline = ServerClient(f"http://127.0.0.1:{_free_port()}", "sn_x", timeout=2)
    try:
        with pytest.raises(ServerUnavailable) as down:
            offline.buy_labels(fid, "k-3", staff_token="st_x")
        assert down.value.message == LABELS_OFFLINE
        with pytest.raises(ServerUnavailable) as down:
            offline.void_label("CP400000015NL", staff_token="st_x")
        assert down.value.message == LABELS_OFFLINE
    finally:
        offline.close()
