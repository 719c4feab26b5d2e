"""Routes: the station sync protocol — snapshot, change feed (long-poll) and command push.

See docs/api.md for the protocol a client must follow.
"""

from __future__ import annotations

import json
import time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from desktop_oms.protocol.errors import ErrorCode, ErrorEnvelope
from desktop_oms.protocol.sync import (
    SNAPSHOT_ORDER,
    Cursor,
    FeedPage,
    Kind,
    PushRequest,
    PushResponse,
    SnapshotKindInfo,
    SnapshotPage,
    SnapshotStart,
)
from desktop_oms.server import feed, push, snapshot
from desktop_oms.server import schema as t
from desktop_oms.server.auth import require_station
from desktop_oms.server.errors import ApiError
from desktop_oms.server.feed import Scope
from desktop_oms.server.principals import StationPrincipal
from desktop_oms.server.scope import station_scope
from desktop_oms.server.services import Services, get_services

router = APIRouter(prefix="/sync", tags=["sync"])

ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorEnvelope, "description": "no or bad station token"},
    410: {"model": ErrorEnvelope, "description": "resync_required: start a new snapshot"},
}

StationDep = Annotated[StationPrincipal, Depends(require_station)]
ServicesDep = Annotated[Services, Depends(get_services)]


def _json_response(payload: Any) -> Response:
    body = json.dumps(payload, separators=(",", ":"), default=str)
    return Response(body, media_type="application/json")


def _check_cursor(epoch: str, top: int, pruned: int, text: str) -> Cursor:
    try:
        cursor = Cursor.parse(text)
    except ValueError as exc:
        raise ApiError(422, ErrorCode.VALIDATION, str(exc)) from None
    reason = None
    if cursor.epoch != epoch:
        reason = "epoch"
    elif cursor.seq > top:
        reason = "future"
    elif cursor.seq < pruned:
        reason = "compacted"
    if reason:
        raise ApiError(
            410,
            ErrorCode.RESYNC_REQUIRED,
            {
                "epoch": "the server's database was re-created or restored",
                "future": "the cursor is ahead of the server",
                "compacted": "the cursor is older than the server keeps changes",
            }[reason]
            + ": take a new snapshot",
            {"reason": reason, "epoch": epoch, "seq": top},
        )
    return cursor


def _scope(services: Services, station: StationPrincipal) -> Scope:
    with services.db.read() as conn:
        return station_scope(conn, station.store_id, services.config.nearby_store_count)


@router.get("/snapshot", response_model=SnapshotStart, responses=ERRORS)
def start_snapshot(station: StationDep, services: ServicesDep) -> SnapshotStart:
    """Start a snapshot: its fixed cursor and how many rows of each kind it holds."""
    with services.db.read() as conn:
        scope = station_scope(conn, station.store_id, services.config.nearby_store_count)
        top, _ = feed.top_seq(conn)
        cursor = Cursor(epoch=feed.epoch(conn), seq=top)
        kinds = [
            SnapshotKindInfo(kind=k, rows=snapshot.count(conn, scope, k)) for k in SNAPSHOT_ORDER
        ]
    return SnapshotStart(
        cursor=str(cursor),
        kinds=kinds,
        nearby_store_ids=list(scope.nearby_store_ids),
        store_id=station.store_id,
    )


@router.get("/snapshot/{kind}", response_model=SnapshotPage, responses=ERRORS)
def snapshot_page(
    kind: Kind,
    station: StationDep,
    services: ServicesDep,
    cursor: Annotated[str, Query(description="the snapshot's cursor")],
    after: Annotated[str | None, Query(max_length=300)] = None,
    limit: Annotated[int | None, Query(ge=1, le=100_000)] = None,
) -> Response:
    """One page of one kind, resumable: pass the previous page's ``next_after``."""
    size = min(limit or services.config.snapshot_page_limit, services.config.snapshot_page_limit)
    scope = _scope(services, station)
    with services.db.read() as conn:
        top, pruned = feed.top_seq(conn)
        _check_cursor(feed.epoch(conn), top, pruned, cursor)
        try:
            rows, nxt = snapshot.page(conn, scope, kind, after, size)
        except ValueError:
            raise ApiError(422, ErrorCode.VALIDATION, f"bad 'after' key {after!r}") from None
    return _json_response(
        {
            "cursor": cursor,
            "kind": kind.value,
            "columns": snapshot.columns(kind),
            "rows": rows,
            "next_after": nxt,
        }
    )


def _feed_payload(rows: list[Any], seq: int, epoch: str, more: bool, last_seq: int) -> Any:
    return {
        "cursor": f"{epoch}:{seq}",
        "changes": [
            {"seq": r.seq, "kind": r.kind, "key": r.key, "op": r.op, "data": r.data} for r in rows
        ],
        "more": more,
        "last_seq": last_seq,
    }


@router.get("/feed", response_model=FeedPage, responses=ERRORS)
async def read_feed(
    request: Request,
    station: StationDep,
    services: ServicesDep,
    cursor: Annotated[str, Query(description="epoch:seq from the snapshot or last page")],
    wait: Annotated[float, Query(ge=0, le=60, description="long-poll seconds")] = 0,
    limit: Annotated[int | None, Query(ge=1, le=10_000)] = None,
) -> Response:
    """Changes after ``cursor`` in commit order; waits up to ``wait`` s when there are none.

    A long-poll whose station hung up ends at the next recheck instead of holding a worker
    (and a shutdown) until its wait runs out.
    """
    size = min(limit or services.config.feed_page_limit, services.config.feed_page_limit)
    scope = await run_in_threadpool(_scope, services, station)
    deadline = time.monotonic() + min(wait, services.config.longpoll_max_seconds)

    def once() -> tuple[Any, bool]:
        with services.db.read() as conn:
            top, pruned = feed.top_seq(conn)
            epoch = feed.epoch(conn)
            start = _check_cursor(epoch, top, pruned, cursor)
            got = feed.read(conn, scope, start.seq, size)
            last_seq = conn.execute(
                t.stations.select()
                .with_only_columns(t.stations.c.last_seq)
                .where(t.stations.c.id == station.station_id)
            ).scalar_one()
            payload = _feed_payload(got.rows, got.seq, epoch, got.more, int(last_seq))
            return payload, bool(got.rows)

    while True:
        payload, found = await run_in_threadpool(once)
        remaining = deadline - time.monotonic()
        if found or remaining <= 0:
            return _json_response(payload)
        if await request.is_disconnected():
            return Response(status_code=204)
        await services.waker.wait(min(remaining, services.config.longpoll_recheck_seconds))


@router.post("/commands", response_model=PushResponse, responses=ERRORS)
def push_commands(body: PushRequest, station: StationDep, services: ServicesDep) -> PushResponse:
    """Apply the station's commands in seq order; replays get their stored results."""
    return push.apply_push(services, station, body)


@router.get("/status", responses=ERRORS)
def status(station: StationDep, services: ServicesDep) -> dict[str, Any]:
    """The station's position: the server's cursor and the last command seq processed."""
    with services.db.read() as conn:
        top, pruned = feed.top_seq(conn)
        last_seq = conn.execute(
            t.stations.select()
            .with_only_columns(t.stations.c.last_seq)
            .where(t.stations.c.id == station.station_id)
        ).scalar_one()
        return {
            "cursor": f"{feed.epoch(conn)}:{top}",
            "pruned_through": pruned,
            "last_seq": int(last_seq),
            "store_id": station.store_id,
        }
