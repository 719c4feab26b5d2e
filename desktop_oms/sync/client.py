"""The HTTP client of the sync protocol (requests): every reply validated before use.

See docs/api.md. Network failures, timeouts and 5xx become :class:`ServerUnavailable`;
410 becomes :class:`ResetRequired`; any reply that does not match the protocol schemas
becomes :class:`MalformedReply`, so the caller applies nothing from it.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote

import requests
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import SchemaError, SchemaValidator
from requests.adapters import HTTPAdapter
from requests.exceptions import ContentDecodingError
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from desktop_oms.domain.shipping import ServiceLevel
from desktop_oms.protocol import API_PREFIX
from desktop_oms.protocol.auth import EnrolOut, EnrolRequest, SignInRequest, TokenOut
from desktop_oms.protocol.errors import ErrorEnvelope
from desktop_oms.protocol.labels import DEFAULT_CARRIER, LabelRequest, LabelsOut, VoidOut
from desktop_oms.protocol.sync import (
    SNAPSHOT_COLUMNS,
    CommandIn,
    FeedPage,
    Kind,
    LabelDoc,
    OrderDetail,
    OrderSummary,
    PushRequest,
    PushResponse,
    SnapshotPage,
    SnapshotStart,
)
from desktop_oms.sync.errors import (
    MalformedReply,
    NotAuthorized,
    Refused,
    ResetRequired,
    ServerUnavailable,
)

M = TypeVar("M", bound=BaseModel)

_ORDER_HITS: TypeAdapter[list[OrderSummary]] = TypeAdapter(list[OrderSummary])

#: What staff read when a label cannot be bought or voided for want of a network.
LABELS_OFFLINE = (
    "Labels need the network: the station is offline. Pack now and buy the label when it is back."
)
#: ... and when the person at the station has no server session (a badge-only sign-in).
LABELS_NEED_SIGN_IN = (
    "Labels are bought online in your name: sign in again with your PIN while the "
    "station is online."
)

#: What staff read when the chain's orders cannot be searched or read for want of a network.
ORDERS_OFFLINE = (
    "Searching all stores needs the network: the station is offline. "
    "This store's orders are still searchable."
)
#: ... and when the person at the station has no server session (a badge-only sign-in).
ORDERS_NEED_SIGN_IN = (
    "Orders of other stores are read online in your name: sign in again with your PIN "
    "while the station is online."
)

#: Snapshot pages and pushes may take this many times the client's timeout to answer
#: (60 s with the default 15 s); a long-poll gets its wait plus the timeout.
BULK_FACTOR = 4

_ROW_TYPES: dict[Kind, tuple[tuple[type, ...], ...]] = {
    Kind.STORE: ((int,), (dict,)),
    Kind.PRODUCT: ((str,), (str,), (str,), (int,), (str,), (dict,), (str, type(None)), (int,)),
    Kind.IDENTIFIER: ((str,), (str,), (str,)),
    Kind.INVENTORY: ((int,), (str,), (int,), (int,), (int,), (int,)),
    Kind.FULFILLMENT: ((int,), (dict,)),
    Kind.STAFF: ((int,), (dict,)),
    Kind.REASON_CODE: ((str,), (str,), (str,)),
    Kind.SETTING: ((str,), (object,)),
}


def check_rows(kind: Kind, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Check a snapshot page's columns and each row's shape and types; MalformedReply if off."""
    expected = SNAPSHOT_COLUMNS[kind]
    if tuple(columns) != expected:
        raise MalformedReply(f"snapshot {kind.value}: columns {list(columns)} != {list(expected)}")
    types = _ROW_TYPES[kind]
    width = len(types)
    for n, row in enumerate(rows):
        if len(row) != width:
            raise MalformedReply(f"snapshot {kind.value} row {n}: {len(row)} values, not {width}")
        for value, allowed in zip(row, types, strict=True):
            if not isinstance(value, allowed) or (isinstance(value, bool) and bool not in allowed):
                raise MalformedReply(
                    f"snapshot {kind.value} row {n}: {type(value).__name__} where "
                    f"{'/'.join(a.__name__ for a in allowed)} was expected"
                )


@dataclass(frozen=True, slots=True)
class RawFeed:
    """A feed page whose changes are the validated JSON dicts (``seq, kind, key, op, data``)."""

    cursor: str
    changes: list[dict[str, Any]]
    more: bool
    last_seq: int


def _not_json(method: str, path: str, content: bytes, status: int = 200) -> MalformedReply:
    return MalformedReply(
        f"the server's answer to {method} {path} is not valid JSON "
        f"(HTTP {status}, {len(content)} bytes)"
    )


def _malformed(exc: ValidationError, what: str, content: bytes | None = None) -> MalformedReply:
    """The MalformedReply naming the first place where an answer breaks its schema."""
    first = exc.errors()[0]
    if first["type"] == "json_invalid" and content is not None:
        return _not_json("GET", "/sync/feed", content)
    where = ".".join(str(p) for p in first["loc"])
    return MalformedReply(f"malformed {what} from the server: {where}: {first['msg']}")


def _reply_error(exc: ValidationError, what: str, path: str, content: bytes) -> MalformedReply:
    """The MalformedReply for a JSON answer to ``GET path`` that breaks its schema."""
    first = exc.errors()[0]
    if first["type"] == "json_invalid":
        return _not_json("GET", path, content)
    where = ".".join(str(p) for p in first["loc"]) or "the whole answer"
    return MalformedReply(f"malformed {what} from the server: {where}: {first['msg']}")


# --- feed pages as dicts -------------------------------------------------------------------

#: Core-schema types a model may be built from for :func:`dict_validator` to mirror it.
_PLAIN_TYPES = frozenset(
    {
        "any",
        "bool",
        "bytes",
        "date",
        "datetime",
        "decimal",
        "default",
        "definition-ref",
        "definitions",
        "dict",
        "enum",
        "float",
        "int",
        "list",
        "literal",
        "none",
        "nullable",
        "set",
        "str",
        "tagged-union",
        "time",
        "timedelta",
        "tuple",
        "union",
        "uuid",
        "model",
        "model-fields",
        "model-field",
    }
)
#: Keys of a core schema that hold values, not schemas.
_NOT_SCHEMAS = frozenset({"cls", "config", "metadata", "default", "expected", "serialization"})


class _Unsupported(Exception):
    """A model uses something (a custom validator, a root model) a dict cannot mirror."""


def _as_dicts(schema: Any) -> Any:
    """A pydantic core schema with every model validated into a typed dict instead."""
    if isinstance(schema, list):
        return [_as_dicts(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    kind = schema.get("type")
    if isinstance(kind, str) and kind not in _PLAIN_TYPES:
        raise _Unsupported(kind)
    if kind == "model":
        inner = schema["schema"]
        if schema.get("root_model") or schema.get("custom_init") or inner["type"] != "model-fields":
            raise _Unsupported(str(schema.get("cls")))
        config = schema.get("config", {})
        fields = {
            name: {
                "type": "typed-dict-field",
                "schema": _as_dicts(field["schema"]),
                "required": field["schema"].get("type") != "default",
            }
            for name, field in inner["fields"].items()
        }
        out: dict[str, Any] = {"type": "typed-dict", "fields": fields, "config": config}
        if "extra_fields_behavior" in config:
            out["extra_behavior"] = config["extra_fields_behavior"]
        if "ref" in schema:
            out["ref"] = schema["ref"]
        return out
    return {k: v if k in _NOT_SCHEMAS else _as_dicts(v) for k, v in schema.items()}


def dict_validator(model: type[BaseModel]) -> SchemaValidator | None:
    """A validator with ``model``'s rules that returns dicts, or None when none can be made."""
    try:
        return SchemaValidator(_as_dicts(model.__pydantic_core_schema__))
    except (_Unsupported, KeyError, TypeError, SchemaError):
        return None


_FEED_AS_DICTS = dict_validator(FeedPage)


class _InFlight:
    """The client's open connections, so :meth:`ServerClient.close` can abort a long-poll."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._conns: weakref.WeakSet[HTTPConnection] = weakref.WeakSet()
        self.closed = False

    def add(self, conn: HTTPConnection) -> None:
        """Track a freshly connected connection (or drop it when the client is closed)."""
        with self._lock:
            if not self.closed:
                self._conns.add(conn)
                return
        conn.close()
        raise ConnectionAbortedError("the sync client was closed")

    def abort(self) -> None:
        """Shut every tracked socket down: a request blocked on it fails at once."""
        with self._lock:
            self.closed = True
            conns = list(self._conns)
        for conn in conns:
            sock = conn.sock
            if sock is not None:
                with contextlib.suppress(OSError):  # already closed by its own thread
                    sock.shutdown(socket.SHUT_RDWR)


def _adapter(in_flight: _InFlight) -> HTTPAdapter:
    """A requests adapter whose connections register with ``in_flight`` when they connect."""

    class Conn(HTTPConnection):
        def connect(self) -> None:
            super().connect()
            in_flight.add(self)

    class TlsConn(HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            in_flight.add(self)

    class Pool(HTTPConnectionPool):
        ConnectionCls = Conn

    class TlsPool(HTTPSConnectionPool):
        ConnectionCls = TlsConn

    class Adapter(HTTPAdapter):
        def init_poolmanager(
            self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any
        ) -> None:
            super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
            self.poolmanager.pool_classes_by_scheme = {"http": Pool, "https": TlsPool}

    return Adapter()


def _why(exc: requests.RequestException) -> str:
    """A short, human reason for a failed request."""
    if isinstance(exc, requests.ConnectTimeout):
        return "the connection timed out"
    if isinstance(exc, requests.ReadTimeout):
        return "it did not answer in time"
    if isinstance(exc, (requests.exceptions.ChunkedEncodingError, ContentDecodingError)):
        return "the connection dropped in the middle of the answer"
    if isinstance(exc, requests.ConnectionError):
        text = str(exc)
        if "refused" in text.lower():
            return "the connection was refused (is the server running?)"
        if "resolve" in text.lower() or "name or service" in text.lower():
            return "its host name could not be resolved"
        return "the connection failed or was closed"
    return exc.__class__.__name__


#: How clients check the server's TLS certificate when not told: True (the system's CAs)
#: or a CA bundle file (the station's settings, :func:`use_ca_bundle`).
_default_verify: bool | str = True


def use_ca_bundle(path: str | None) -> None:
    """Check servers' certificates against the CA bundle file ``path`` from now on (None or
    empty: the system's CAs); clients made after this call use it."""
    global _default_verify
    _default_verify = path or True


def default_verify() -> bool | str:
    """What new clients pass to requests' ``verify=``: True or the CA bundle's path."""
    return _default_verify


class ServerClient:
    """One server, one bearer token; thread-safe enough for one caller at a time per method.

    ``timeout`` is the read timeout of an ordinary request, in seconds (connecting gets
    at most 5 s); snapshot pages and pushes get :data:`BULK_FACTOR` times as long.

    :meth:`close` aborts requests in flight (a long-poll ends at once with
    :class:`ServerUnavailable`), so a sync loop stops promptly.
    """

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        timeout: float = 15.0,
        verify: bool | str | None = None,
    ) -> None:
        if verify is None:
            verify = _default_verify
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self._in_flight = _InFlight()
        self.session = requests.Session()
        adapter = _adapter(self._in_flight)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.verify = verify
        self.session.headers["Accept-Encoding"] = "gzip"
        self.session.headers["User-Agent"] = "desktop-oms-station"

    def close(self) -> None:
        """Abort requests in flight and close pooled connections; the client is done."""
        self._in_flight.abort()
        self.session.close()

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._in_flight.closed

    def _request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        body: BaseModel | None = None,
        timeout: float | None = None,
        token: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        """One request; the decoded JSON of a 2xx answer, else the matching SyncError."""
        content = self._exchange(
            method, path, params=params, body=body, timeout=timeout, token=token, headers=headers
        )
        try:
            return json.loads(content) if content else None
        except (ValueError, RecursionError):  # RecursionError: a reply nested too deep
            raise _not_json(method, path, content) from None

    def _exchange(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        body: BaseModel | None = None,
        timeout: float | None = None,
        token: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> bytes:
        """One request; the raw body of a 2xx answer, else the matching SyncError."""
        headers = dict(headers or {})
        bearer = self.token if token is None else token
        if bearer:
            headers["Authorization"] = f"Bearer {bearer}"
        data = None
        if body is not None:
            data = body.model_dump_json(exclude_none=False).encode()
            headers["Content-Type"] = "application/json"
        url = f"{self.base_url}{API_PREFIX}{path}"
        if self.closed:
            raise ServerUnavailable("the sync client was closed")
        try:
            resp = self.session.request(
                method,
                url,
                params=params,
                data=data,
                headers=headers,
                timeout=(min(5.0, self.timeout), timeout or self.timeout),
            )
            content = resp.content  # reads the whole body: a cut-off body raises here
        except requests.RequestException as exc:
            raise ServerUnavailable(
                f"the server at {self.base_url} is unreachable ({method} {path}): {_why(exc)}"
            ) from exc
        if resp.status_code < 400:
            return content
        try:
            payload = json.loads(content) if content else None
        except (ValueError, RecursionError):  # RecursionError: a reply nested too deep
            if resp.status_code >= 500:
                raise ServerUnavailable(
                    f"the server at {self.base_url} failed (HTTP {resp.status_code} "
                    f"to {method} {path})"
                ) from None
            raise _not_json(method, path, content, resp.status_code) from None
        self._raise_for(resp.status_code, payload, method, path)
        raise AssertionError("unreachable")  # pragma: no cover - _raise_for always raises

    def _raise_for(self, status: int, payload: Any, method: str, path: str) -> None:
        try:
            err = ErrorEnvelope.model_validate(payload).error
        except ValidationError:
            if status >= 500:
                raise ServerUnavailable(
                    f"the server at {self.base_url} failed (HTTP {status} to {method} {path})"
                ) from None
            raise MalformedReply(
                f"HTTP {status} from {method} {path} without an error body"
            ) from None
        if status >= 500:
            raise ServerUnavailable(f"the server failed: {err.message}")
        if status == 410:
            raise ResetRequired(err.message, str(err.details.get("reason", "unknown")))
        if status == 401:
            raise NotAuthorized(err.message)
        raise Refused(status, err.code.value, err.message, dict(err.details))

    @staticmethod
    def _parse(model: type[M], payload: Any, what: str) -> M:
        try:
            return model.model_validate(payload)
        except ValidationError as exc:
            raise _malformed(exc, what) from None

    # --- auth ----------------------------------------------------------------------------

    def sign_in(self, request: SignInRequest) -> TokenOut:
        """Sign a staff member in online."""
        payload = self._request("POST", "/auth/sign-in", body=request, token="")
        return self._parse(TokenOut, payload, "sign-in answer")

    def enrol(self, staff_token: str, name: str) -> EnrolOut:
        """Enrol this PC as a station of the signed-in manager's store."""
        payload = self._request(
            "POST", "/stations/enrol", body=EnrolRequest(name=name), token=staff_token
        )
        return self._parse(EnrolOut, payload, "enrolment answer")

    def sign_out(self, staff_token: str) -> None:
        """End a staff session (its token stops working on every worker)."""
        self._request("POST", "/auth/sign-out", token=staff_token)

    # --- shipping labels (online only) ------------------------------------------------

    def buy_labels(
        self,
        fulfillment_id: int,
        idempotency_key: str,
        *,
        staff_token: str | None,
        service: ServiceLevel | None = None,
        carrier: str = DEFAULT_CARRIER,
    ) -> list[LabelDoc]:
        """Network: buy one label per box of a packed parcel; the labels in box order.

        ``service`` defaults (server side) to the fulfillment's ``shipping_service``.

        ``idempotency_key`` is one per purchase attempt (a UUID): retry a failed call with
        the same key and the server answers the labels it bought, never buying twice.
        ``staff_token`` is the signed-in person's server session (``StaffSession.token``).
        Errors (all :class:`SyncError`, ``message`` fit to show): ServerUnavailable when
        offline (:data:`LABELS_OFFLINE`) or the carrier failed; Refused with the server's
        reason (not packed, labels already active, another store, a role that may not,
        the carrier refusing the box) or when there is no online sign-in.
        """
        request = LabelRequest(carrier=carrier, service=service)
        payload = self._label_call(
            "POST",
            f"/fulfillments/{fulfillment_id}/labels",
            staff_token,
            body=request,
            headers={"Idempotency-Key": idempotency_key},
        )
        return list(self._parse(LabelsOut, payload, "label purchase answer").labels)

    def void_label(self, tracking: str, *, staff_token: str | None) -> LabelDoc:
        """Network: void a label not yet shipped (lead and up); the label, now void.

        Voiding a void label answers it again, so a retry is safe. Errors as
        :meth:`buy_labels` (Refused 409 once the parcel has shipped).
        """
        payload = self._label_call("POST", f"/labels/{tracking}/void", staff_token)
        return self._parse(VoidOut, payload, "label void answer").label

    def _label_call(
        self,
        method: str,
        path: str,
        staff_token: str | None,
        *,
        body: BaseModel | None = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        """A label request as the signed-in person, with the errors worded for the bench."""
        if not staff_token:
            raise Refused(401, "unauthenticated", LABELS_NEED_SIGN_IN, {})
        try:
            return self._request(method, path, body=body, token=staff_token, headers=headers)
        except NotAuthorized:
            raise Refused(401, "unauthenticated", LABELS_NEED_SIGN_IN, {}) from None
        except ServerUnavailable as exc:
            if isinstance(exc.__cause__, requests.RequestException) or self.closed:
                raise ServerUnavailable(LABELS_OFFLINE) from exc
            raise ServerUnavailable(
                f"{exc.message} — try again: a retry never buys a label twice"
            ) from exc

    # --- orders (online only) -----------------------------------------------------------

    def search_orders(self, q: str, staff_token: str | None, limit: int = 50) -> list[OrderSummary]:
        """Network: orders whose number, customer name, e-mail, phone or a line's SKU
        contains ``q``, in the signed-in person's scope (customer service: the chain).

        The reply is validated strictly (no value coerced). Errors (:class:`SyncError`,
        ``message`` fit to show): ServerUnavailable when offline (:data:`ORDERS_OFFLINE`);
        Refused without an online sign-in (:data:`ORDERS_NEED_SIGN_IN`) or for a search
        too short; MalformedReply for an answer off the protocol.
        """
        text = q.strip()
        if len(text) < 2:
            raise Refused(422, "validation_failed", "Type at least 2 characters to search.", {})
        content = self._orders_call("/orders", staff_token, {"q": text[:100], "limit": limit})
        try:
            return _ORDER_HITS.validate_json(content, strict=True)
        except ValidationError as exc:
            raise _reply_error(exc, "order search answer", "/orders", content) from None

    def get_order(self, number: str, staff_token: str | None) -> OrderDetail:
        """Network: one order with its lines, fulfillments and timeline (who, which station,
        when, why). Errors as :meth:`search_orders`; Refused 404 when the order does not
        exist or is outside the person's scope. A reply for another order is malformed."""
        if not number.strip():
            raise Refused(422, "validation_failed", "No order number given.", {})
        path = f"/orders/{quote(number.strip(), safe='')}"
        content = self._orders_call(path, staff_token)
        try:
            detail = OrderDetail.model_validate_json(content, strict=True)
        except ValidationError as exc:
            raise _reply_error(exc, "order answer", path, content) from None
        if detail.order.number != number.strip():
            raise MalformedReply(
                f"asked the server for order {number.strip()}, it answered {detail.order.number}"
            )
        return detail

    def _orders_call(
        self, path: str, staff_token: str | None, params: dict[str, Any] | None = None
    ) -> bytes:
        """A GET as the signed-in person; the raw JSON body, errors worded for the page."""
        if not staff_token:
            raise Refused(401, "unauthenticated", ORDERS_NEED_SIGN_IN, {})
        try:
            return self._exchange("GET", path, params=params, token=staff_token)
        except NotAuthorized:
            raise Refused(401, "unauthenticated", ORDERS_NEED_SIGN_IN, {}) from None
        except ServerUnavailable as exc:
            if isinstance(exc.__cause__, requests.RequestException) or self.closed:
                raise ServerUnavailable(ORDERS_OFFLINE) from exc
            raise

    # --- sync ----------------------------------------------------------------------------

    def snapshot_start(self) -> SnapshotStart:
        """Start a snapshot at a fixed cursor."""
        return self._parse(SnapshotStart, self._request("GET", "/sync/snapshot"), "snapshot")

    def snapshot_page(
        self, kind: Kind, cursor: str, after: str | None, limit: int | None = None
    ) -> SnapshotPage:
        """One snapshot page, checked row by row."""
        params: dict[str, Any] = {"cursor": cursor}
        if after is not None:
            params["after"] = after
        if limit is not None:
            params["limit"] = limit
        payload = self._request(
            "GET", f"/sync/snapshot/{kind.value}", params=params, timeout=self.timeout * BULK_FACTOR
        )
        if not isinstance(payload, dict) or not isinstance(payload.get("rows"), list):
            raise MalformedReply(f"malformed snapshot page of {kind.value}")
        rows = payload["rows"]
        payload_meta = {**payload, "rows": []}
        page = self._parse(SnapshotPage, payload_meta, "snapshot page")
        if page.kind != kind or page.cursor != cursor:
            raise MalformedReply(f"asked for {kind.value} at {cursor}, got {page.kind.value}")
        if not all(isinstance(r, list) for r in rows):
            raise MalformedReply(f"snapshot {kind.value}: a row is not a list")
        check_rows(kind, page.columns, rows)
        return page.model_copy(update={"rows": rows})

    def feed(self, cursor: str, wait: float = 0, limit: int | None = None) -> FeedPage:
        """Changes after ``cursor``, long-polling up to ``wait`` seconds, as models."""
        content = self._feed(cursor, wait, limit)
        try:
            return FeedPage.model_validate_json(content, strict=True)
        except ValidationError as exc:
            raise _malformed(exc, "feed page", content) from None

    def feed_raw(self, cursor: str, wait: float = 0, limit: int | None = None) -> RawFeed:
        """Changes after ``cursor`` as plain dicts for the cache, validated strictly.

        The JSON bytes are validated against :class:`FeedPage` in strict mode (no value
        is coerced) by a validator that builds dicts instead of models: on a 10k-change
        delta, building the models and dumping them back cost more than the apply.
        """
        content = self._feed(cursor, wait, limit)
        try:
            if _FEED_AS_DICTS is None:
                FeedPage.model_validate_json(content, strict=True)
                data = json.loads(content)
            else:
                data = _FEED_AS_DICTS.validate_json(content, strict=True)
        except ValidationError as exc:
            raise _malformed(exc, "feed page", content) from None
        return RawFeed(data["cursor"], data["changes"], data["more"], data["last_seq"])

    def _feed(self, cursor: str, wait: float, limit: int | None) -> bytes:
        params: dict[str, Any] = {"cursor": cursor, "wait": wait}
        if limit is not None:
            params["limit"] = limit
        return self._exchange("GET", "/sync/feed", params=params, timeout=wait + self.timeout)

    def push(self, client_id: str, commands: Sequence[CommandIn]) -> PushResponse:
        """Push commands in seq order; the per-command results."""
        body = PushRequest(client_id=client_id, commands=list(commands))
        payload = self._request(
            "POST", "/sync/commands", body=body, timeout=self.timeout * BULK_FACTOR
        )
        result = self._parse(PushResponse, payload, "push answer")
        sent = [c.seq for c in commands]
        got = [r.seq for r in result.results]
        if got != sent[: len(got)] or not got:
            raise MalformedReply(f"push answer covers seqs {got}, sent {sent}")
        for cmd, res in zip(commands, result.results, strict=False):
            if res.id != cmd.id:
                raise MalformedReply(
                    f"push answer for seq {cmd.seq} is the result of command {res.id}, "
                    f"not of {cmd.id}"
                )
        return result

    def status(self) -> dict[str, Any]:
        """The server's view of this station (cursor, last_seq)."""
        payload = self._request("GET", "/sync/status")
        adapter: TypeAdapter[dict[str, Any]] = TypeAdapter(dict[str, Any])
        try:
            return adapter.validate_python(payload)
        except ValidationError:
            raise MalformedReply("malformed status answer") from None
