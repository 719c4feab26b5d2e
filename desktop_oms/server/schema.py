"""The server's database schema (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Alembic migrations under ``migrations/`` are checked against this metadata by the tests.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = sa.MetaData(naming_convention=NAMING)

Json = sa.JSON().with_variant(JSONB(), "postgresql")


class UTCDateTime(sa.TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer, primary_key=True, autoincrement=True)


def _version() -> sa.Column[int]:
    return sa.Column("version", sa.Integer, nullable=False, server_default="1")


meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(40), primary_key=True),
    sa.Column("value", sa.String(200), nullable=False),
)

feed_state = sa.Table(
    "feed_state",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("pruned_through", sa.BigInteger, nullable=False),
)

changes = sa.Table(
    "changes",
    metadata,
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("key", sa.String(200), nullable=False),
    sa.Column("store_id", sa.Integer, nullable=True),
    sa.Column("store2_id", sa.Integer, nullable=True),
    sa.Column("op", sa.String(6), nullable=False),
    sa.Column("data", Json, nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Index("ix_changes_kind_key", "kind", "key"),
)

stores = sa.Table(
    "stores",
    metadata,
    _id(),
    sa.Column("code", sa.String(8), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(5), nullable=False, server_default="store"),
    sa.Column("address", sa.String(200), nullable=False),
    sa.Column("city", sa.String(100), nullable=False),
    sa.Column("postal_code", sa.String(20), nullable=False),
    sa.Column("country", sa.String(2), nullable=False),
    sa.Column("latitude", sa.Float, nullable=False),
    sa.Column("longitude", sa.Float, nullable=False),
    sa.Column("timezone", sa.String(64), nullable=False),
    sa.Column("opening_hours", Json, nullable=False),
    _version(),
)

staff = sa.Table(
    "staff",
    metadata,
    _id(),
    sa.Column("store_id", sa.Integer, sa.ForeignKey("stores.id"), nullable=True, index=True),
    sa.Column("username", sa.String(100), nullable=False, unique=True),
    sa.Column("display_name", sa.String(200), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("badge_id", sa.String(16), nullable=True, unique=True),
    sa.Column("pin_hash", sa.String(200), nullable=False),
    sa.Column("verifier", sa.String(200), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    _version(),
)

stations = sa.Table(
    "stations",
    metadata,
    _id(),
    sa.Column("store_id", sa.Integer, sa.ForeignKey("stores.id"), nullable=False, index=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("client_id", sa.String(32), nullable=False, unique=True),
    sa.Column("token_lookup", sa.String(64), nullable=False, unique=True),
    sa.Column("token_hash", sa.String(200), nullable=False),
    sa.Column("enrolled_by", sa.Integer, sa.ForeignKey("staff.id"), nullable=False),
    sa.Column("enrolled_at", UTCDateTime, nullable=False),
    sa.Column("revoked_at", UTCDateTime, nullable=True),
    sa.Column("last_seq", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("last_seen_at", UTCDateTime, nullable=True),
)

sessions = sa.Table(
    "sessions",
    metadata,
    _id(),
    sa.Column("staff_id", sa.Integer, sa.ForeignKey("staff.id"), nullable=False, index=True),
    sa.Column("station_id", sa.Integer, sa.ForeignKey("stations.id"), nullable=True),
    sa.Column("token_lookup", sa.String(64), nullable=False, unique=True),
    sa.Column("token_hash", sa.String(200), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("expires_at", UTCDateTime, nullable=False),
    sa.Column("revoked_at", UTCDateTime, nullable=True),
)

signin_attempts = sa.Table(
    "signin_attempts",
    metadata,
    _id(),
    sa.Column("subject", sa.String(120), nullable=False),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("success", sa.Boolean, nullable=False),
    sa.Index("ix_signin_attempts_subject_at", "subject", "at"),
)

channels = sa.Table(
    "channels",
    metadata,
    _id(),
    sa.Column("name", sa.String(40), nullable=False, unique=True),
    sa.Column("channel", sa.String(20), nullable=False),
    sa.Column("key_lookup", sa.String(64), nullable=False, unique=True),
    sa.Column("key_hash", sa.String(200), nullable=False),
)

products = sa.Table(
    "products",
    metadata,
    sa.Column("sku", sa.String(64), primary_key=True),
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("department", sa.String(100), nullable=False, index=True),
    sa.Column("price_minor", sa.Integer, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("attributes", Json, nullable=False),
    sa.Column("image_ref", sa.String(200), nullable=True),
    _version(),
)

product_identifiers = sa.Table(
    "product_identifiers",
    metadata,
    sa.Column("value", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("sku", sa.String(64), sa.ForeignKey("products.sku"), nullable=False, index=True),
)

inventory = sa.Table(
    "inventory",
    metadata,
    sa.Column("store_id", sa.Integer, sa.ForeignKey("stores.id"), primary_key=True),
    sa.Column("sku", sa.String(64), sa.ForeignKey("products.sku"), primary_key=True),
    sa.Column("on_hand", sa.Integer, nullable=False),
    sa.Column("reserved", sa.Integer, nullable=False, server_default="0"),
    sa.Column("safety_stock", sa.Integer, nullable=False, server_default="0"),
    sa.Column("daily_sales", sa.Float, nullable=False, server_default="0"),
    _version(),
    sa.CheckConstraint("reserved >= 0", name="reserved_not_negative"),
    sa.CheckConstraint("on_hand >= 0", name="on_hand_not_negative"),
    sa.Index("ix_inventory_sku", "sku"),
)

stock_movements = sa.Table(
    "stock_movements",
    metadata,
    _id(),
    sa.Column("store_id", sa.Integer, sa.ForeignKey("stores.id"), nullable=False),
    sa.Column("sku", sa.String(64), sa.ForeignKey("products.sku"), nullable=False),
    sa.Column("delta", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("at", UTCDateTime, nullable=False),
    # the station and outbox seq of the command that caused it (null: staff API, jobs, intake)
    sa.Column("station_id", sa.Integer, nullable=True),
    sa.Column("command_seq", sa.BigInteger, nullable=True),
    sa.Index("ix_stock_movements_store_sku_version", "store_id", "sku", "version"),
)

customers = sa.Table(
    "customers",
    metadata,
    _id(),
    sa.Column("channel", sa.String(20), nullable=False),
    sa.Column("external_id", sa.String(100), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("email", sa.String(254), nullable=False, index=True),
    sa.Column("phone", sa.String(40), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("channel", "external_id", name="uq_customers_channel_external"),
)

orders = sa.Table(
    "orders",
    metadata,
    _id(),
    sa.Column("number", sa.String(20), nullable=False, unique=True),
    sa.Column("channel", sa.String(20), nullable=False),
    sa.Column("external_ref", sa.String(100), nullable=False),
    sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.id"), nullable=False, index=True),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("total_minor", sa.Integer, nullable=False),
    sa.Column("payment_state", sa.String(12), nullable=False),
    sa.Column("payment_ref", sa.String(64), nullable=True),
    sa.Column("fraud_state", sa.String(12), nullable=False),
    sa.Column("fraud_rules", Json, nullable=False),
    sa.Column("delivery", sa.String(10), nullable=False),
    sa.Column("pickup_store_id", sa.Integer, sa.ForeignKey("stores.id"), nullable=True),
    sa.Column("shipping_address", Json, nullable=True),
    sa.Column("billing_address", Json, nullable=False),
    sa.Column("alternate_pickup_name", sa.String(200), nullable=True),
    sa.Column("shipping_service", sa.String(10), nullable=False, server_default="standard"),
    sa.Column("created_at", UTCDateTime, nullable=False, index=True),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    _version(),
)

order_lines = sa.Table(
    "order_lines",
    metadata,
    _id(),
    sa.Column("order_id", sa.Integer, sa.ForeignKey("orders.id"), nullable=False),
    sa.Column("line_no", sa.Integer, nullable=False),
    sa.Column("sku", sa.String(64), sa.ForeignKey("products.sku"), nullable=False),
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("quantity", sa.Integer, nullable=False),
    sa.Column("unit_price_minor", sa.Integer, nullable=False),
    sa.Column("unfillable", sa.Integer, nullable=False, server_default="0"),
    sa.Column("cancelled", sa.Integer, nullable=False, server_default="0"),
    sa.UniqueConstraint("order_id", "line_no", name="uq_order_lines_order_line"),
)

fulfillments = sa.Table(
    "fulfillments",
    metadata,
    _id(),
    sa.Column("order_id", sa.Integer, sa.ForeignKey("orders.id"), nullable=False, index=True),
    sa.Column("store_id", sa.Integer, sa.ForeignKey("stores.id"), nullable=False),
    sa.Column("destination_store_id", sa.Integer, sa.ForeignKey("stores.id"), nullable=True),
    sa.Column("method", sa.String(20), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("bin", sa.String(12), nullable=True),
    sa.Column("pickup_code", sa.String(6), nullable=True),
    sa.Column("promised_at", UTCDateTime, nullable=True),
    sa.Column("pickup_deadline", UTCDateTime, nullable=True),
    sa.Column("tracking", sa.String(40), nullable=True),
    sa.Column("carrier", sa.String(40), nullable=True),
    sa.Column("boxes", Json, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    _version(),
    # when and by whom an ended pickup's goods left its bin for the shelf (return_to_stock)
    sa.Column("returned_at", UTCDateTime, nullable=True),
    sa.Column("returned_by", sa.Integer, nullable=True),
    # the staff member assigned to pick it (start_picking)
    sa.Column("picker_id", sa.Integer, nullable=True),
    # when it became ready (ready_for_pickup; packed for ship-from-store) and when it ended
    sa.Column("ready_at", UTCDateTime, nullable=True),
    sa.Column("completed_at", UTCDateTime, nullable=True),
    sa.Index("ix_fulfillments_store_status", "store_id", "status"),
    sa.Index("ix_fulfillments_destination", "destination_store_id"),
)

fulfillment_lines = sa.Table(
    "fulfillment_lines",
    metadata,
    _id(),
    sa.Column("fulfillment_id", sa.Integer, sa.ForeignKey("fulfillments.id"), nullable=False),
    sa.Column("line_no", sa.Integer, nullable=False),
    sa.Column("sku", sa.String(64), sa.ForeignKey("products.sku"), nullable=False),
    sa.Column("quantity", sa.Integer, nullable=False),
    sa.Column("picked", sa.Integer, nullable=False, server_default="0"),
    sa.Column("rejected", sa.Integer, nullable=False, server_default="0"),
    sa.Column("refused", sa.Integer, nullable=False, server_default="0"),
    sa.UniqueConstraint("fulfillment_id", "line_no", name="uq_fulfillment_lines_f_line"),
)

# units of a fulfillment line its store could not supply (reject_line), for the documents
fulfillment_rejections = sa.Table(
    "fulfillment_rejections",
    metadata,
    _id(),
    sa.Column(
        "fulfillment_id", sa.Integer, sa.ForeignKey("fulfillments.id"), nullable=False, index=True
    ),
    sa.Column("line_no", sa.Integer, nullable=False),
    sa.Column("sku", sa.String(64), nullable=False),
    sa.Column("quantity", sa.Integer, nullable=False),
    sa.Column("reason", sa.String(40), nullable=False),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("staff_id", sa.Integer, nullable=True),
)

shipping_labels = sa.Table(
    "shipping_labels",
    metadata,
    _id(),
    sa.Column("tracking", sa.String(40), nullable=False, unique=True),
    sa.Column(
        "fulfillment_id", sa.Integer, sa.ForeignKey("fulfillments.id"), nullable=False, index=True
    ),
    sa.Column("carrier", sa.String(40), nullable=False),
    sa.Column("service", sa.String(10), nullable=False),
    sa.Column("box_index", sa.Integer, nullable=False),
    sa.Column("status", sa.String(6), nullable=False),
    # what the label shows (addresses, routing code, weights, ZPL): a LabelDoc's fields
    sa.Column("label", Json, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("created_by", sa.Integer, nullable=False),
    sa.Column("voided_at", UTCDateTime, nullable=True),
    sa.Column("voided_by", sa.Integer, nullable=True),
)

# the last serial a built-in carrier issued (its tracking numbers are unique across workers)
carrier_serials = sa.Table(
    "carrier_serials",
    metadata,
    sa.Column("carrier", sa.String(40), primary_key=True),
    sa.Column("last_serial", sa.BigInteger, nullable=False),
)

idempotency_keys = sa.Table(
    "idempotency_keys",
    metadata,
    _id(),
    sa.Column("principal", sa.String(60), nullable=False),
    sa.Column("key", sa.String(200), nullable=False),
    sa.Column("request_hash", sa.String(64), nullable=False),
    sa.Column("status_code", sa.Integer, nullable=False),
    sa.Column("response", Json, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("principal", "key", name="uq_idempotency_keys_principal_key"),
)

command_log = sa.Table(
    "command_log",
    metadata,
    sa.Column("station_id", sa.Integer, sa.ForeignKey("stations.id"), primary_key=True),
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("command_id", sa.String(36), nullable=False, unique=True),
    sa.Column("name", sa.String(40), nullable=False),
    sa.Column("status", sa.String(10), nullable=False),
    sa.Column("result", Json, nullable=False),
    sa.Column("received_at", UTCDateTime, nullable=False),
)

audit = sa.Table(
    "audit",
    metadata,
    _id(),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("entity", sa.String(20), nullable=False),
    sa.Column("entity_key", sa.String(200), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("staff_id", sa.Integer, nullable=True),
    sa.Column("approved_by", sa.Integer, nullable=True),
    sa.Column("station_id", sa.Integer, nullable=True),
    sa.Column("reason", sa.String(40), nullable=True),
    sa.Column("details", Json, nullable=False),
    sa.Index("ix_audit_entity", "entity", "entity_key"),
)

notifications = sa.Table(
    "notifications",
    metadata,
    _id(),
    sa.Column("order_id", sa.Integer, sa.ForeignKey("orders.id"), nullable=False, index=True),
    sa.Column("kind", sa.String(30), nullable=False),
    sa.Column("recipient", sa.String(254), nullable=False),
    sa.Column("subject", sa.String(300), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("status", sa.String(10), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("next_attempt_at", UTCDateTime, nullable=False),
    sa.Column("sent_at", UTCDateTime, nullable=True),
    sa.Column("last_error", sa.Text, nullable=True),
    sa.Index("ix_notifications_status_next", "status", "next_attempt_at"),
)

reason_codes = sa.Table(
    "reason_codes",
    metadata,
    sa.Column("kind", sa.String(10), primary_key=True),
    sa.Column("code", sa.String(40), primary_key=True),
    sa.Column("label", sa.String(200), nullable=False),
)

settings = sa.Table(
    "settings",
    metadata,
    sa.Column("key", sa.String(60), primary_key=True),
    sa.Column("value", Json, nullable=False),
)
