"""The demo chain: stores, a catalogue with valid GTINs, stock, staff, channels and orders.

:func:`seed_demo` fills an empty, migrated database with a realistic chain (stores in real
Dutch, Belgian and German cities and a DC near Tilburg), reproducibly for one ``rng_seed``.
Staff and channels are created through :mod:`auth`, orders through :func:`intake.place_order`
(so routing and reservations are real) and moved on by :func:`commands.execute`, so that
every fulfillment state exists at the main store and elsewhere.

How the catalogue reaches stations: products, their identifiers and the stock rows are
bulk-inserted (SQLite ``executemany`` of plain tuples, PostgreSQL ``COPY``) and are **not**
put on the change feed: 500k products as touched documents would be a feed nobody can
replay quickly. A station's first sync is always a snapshot (a new station has no cursor,
and a fresh database has a new epoch, so any old cursor gets the reset answer); snapshot
pages read the live tables, so they deliver the whole catalogue and stock. Everything that
happens after the bulk load — reservations of the demo orders, commands, new orders —
goes on the feed as usual. Stores, staff and the demo setting are small and are put on the
feed too.
"""

from __future__ import annotations

import itertools
import json
import logging
import math
import random
import time
import unicodedata
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, cast
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from faker import Faker
from sqlalchemy.engine import Connection

from desktop_oms.domain.boxes import BOX_TYPES_SETTING, BoxType
from desktop_oms.domain.commands import CommandName
from desktop_oms.domain.entities import Channel, FraudState
from desktop_oms.domain.errors import DomainError
from desktop_oms.domain.identifiers import (
    IdentifierKind,
    badge_code,
    gtin_check_digit,
    make_gtin13,
)
from desktop_oms.domain.roles import Role
from desktop_oms.domain.shipping import ServiceLevel
from desktop_oms.domain.status import FulfillmentMethod, FulfillmentStatus
from desktop_oms.protocol.intake import (
    AddressIn,
    CustomerIn,
    Delivery,
    LineIn,
    OrderIn,
    OrderOut,
    PaymentIn,
)
from desktop_oms.protocol.sync import (
    AGED_PICKUP_DAYS_DEFAULT,
    AGED_PICKUP_DAYS_SETTING,
    LOW_STOCK_UNITS_DEFAULT,
    LOW_STOCK_UNITS_SETTING,
    SNAPSHOT_COLUMNS,
    Kind,
)
from desktop_oms.server import feed
from desktop_oms.server import schema as t
from desktop_oms.server.auth import TokenKind, create_channel, create_staff, new_token
from desktop_oms.server.commands import Actor, execute
from desktop_oms.server.db import Database
from desktop_oms.server.errors import ApiError
from desktop_oms.server.intake import place_order
from desktop_oms.server.payments import APPROVE_CARD, PaymentProvider
from desktop_oms.server.seed_data import (
    BOXES,
    CARRIERS,
    CATALOGUE_SIZE,
    CHAIN_NAME,
    DC,
    DEPARTMENTS,
    OPENING_HOURS,
    ORDER_COUNT,
    STORE_COUNT,
    STORES,
    Department,
    Location,
)
from desktop_oms.server.seed_day import fill_day

log = logging.getLogger(__name__)

Size = Literal["small", "medium", "large"]
SIZES: tuple[Size, ...] = ("small", "medium", "large")

DEMO_PIN = "1234"
"""Every demo staff member's PIN (a demo, not a secret)."""
MAIN_STORE = "AMS1"
"""The store a demo station works for; every fulfillment state exists there."""
SETTING_KEY = "demo.seed"
"""The ``settings`` row holding the (non-secret) summary of a seeded demo."""
BOX_NAMES = {"S": "Small", "M": "Medium", "L": "Large", "XL": "Extra large"}
"""Names of the seed's box types (the store setting ``box_types``)."""
CHANNELS: tuple[tuple[str, Channel], ...] = (
    ("web", Channel.WEB),
    ("marketplace", Channel.MARKETPLACE),
    ("call-centre", Channel.CALL_CENTRE),
)
STORE_ROLES: tuple[Role, ...] = (Role.ASSOCIATE, Role.LEAD, Role.MANAGER)
CHAIN_STAFF: tuple[tuple[str, Role], ...] = (
    ("service1", Role.CUSTOMER_SERVICE),
    ("service2", Role.CUSTOMER_SERVICE),
    ("admin", Role.ADMIN),
)

M = FulfillmentMethod
S = FulfillmentStatus

#: Rows per executemany call, and per transaction of the bulk load.
CHUNK_ROWS = 10_000
ROWS_PER_TRANSACTION = 200_000

# --- credentials -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StaffLogin:
    """One demo staff member's sign-in: username and PIN, or their badge."""

    store_code: str | None
    username: str
    role: Role
    display_name: str
    badge_id: str | None
    pin: str = DEMO_PIN

    @property
    def badge_barcode(self) -> str | None:
        """The text printed as the badge's barcode (scan it to sign in)."""
        return badge_code(self.badge_id) if self.badge_id else None


@dataclass(frozen=True, slots=True)
class ChannelKey:
    """A sales channel's API key (shown once; the server keeps only its hash)."""

    name: str
    channel: Channel
    api_key: str


@dataclass(frozen=True)
class DemoCredentials:
    """What a demo user needs: staff logins per store, channel keys and the main store."""

    size: str
    main_store: str
    stores: tuple[tuple[str, str], ...]
    """``(code, city)`` of every location, stores first, in seeding order."""
    staff: tuple[StaffLogin, ...]
    channels: tuple[ChannelKey, ...]

    def staff_at(self, store_code: str | None) -> list[StaffLogin]:
        """The logins of one store (``None``: the chain-wide staff)."""
        return [s for s in self.staff if s.store_code == store_code]

    def login(self, username: str) -> StaffLogin:
        """The login of one username."""
        for s in self.staff:
            if s.username == username:
                return s
        raise KeyError(username)

    def channel_key(self, channel: Channel) -> str:
        """The API key of the demo channel of one kind."""
        for c in self.channels:
            if c.channel is channel:
                return c.api_key
        raise KeyError(channel)

    def format_credentials(self) -> str:
        """The readable table printed when the demo starts."""
        return format_credentials(self)


def format_credentials(creds: DemoCredentials) -> str:
    """Render demo credentials as a plain-text table (store staff, chain staff, channels)."""
    city = dict(creds.stores)
    lines = [
        f"{CHAIN_NAME} demo chain ({creds.size}) - main store {creds.main_store} "
        f"({city.get(creds.main_store, '?')})",
        f"Every demo PIN is {DEMO_PIN}; sign in with username + PIN or scan the badge code.",
        "",
        f"{'Store':<7}{'City':<12}{'Username':<17}{'Role':<18}{'Badge':<11}Badge barcode",
        "-" * 84,
    ]
    codes: list[str | None] = [code for code, _ in creds.stores]
    codes.append(None)
    for code in codes:
        for s in creds.staff_at(code):
            where = code or "chain"
            town = city.get(code, "-") if code else "-"
            lines.append(
                f"{where:<7}{town:<12}{s.username:<17}{s.role.value:<18}"
                f"{s.badge_id or '-':<11}{s.badge_barcode or '-'}"
            )
    lines += ["", "Sales channels (POST /api/v1/orders with 'Authorization: Bearer <key>'):"]
    for c in creds.channels:
        lines.append(f"  {c.name:<13}{c.api_key}")
    return "\n".join(lines)


# --- small helpers -----------------------------------------------------------------------


def _ascii(text: str) -> str:
    """Lower-case ASCII letters only (for e-mail addresses)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


def _chunks(rows: Iterable[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    it = iter(rows)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def bulk_insert(
    conn: Connection, table: sa.Table, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]
) -> int:
    """Insert plain tuples fast: ``COPY`` on PostgreSQL, chunked executemany on SQLite.

    JSON columns must be given as JSON text. Nothing is put on the feed. Returns the count.
    """
    prep = conn.dialect.identifier_preparer
    cols = ", ".join(prep.quote(c) for c in columns)
    count = 0
    if conn.dialect.name == "postgresql":
        driver: Any = conn.connection.driver_connection
        with (
            driver.cursor() as cur,
            cur.copy(f"COPY {prep.format_table(table)} ({cols}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
                count += 1
        return count
    compiled = sa.insert(table).compile(dialect=conn.dialect, column_keys=list(columns))
    if list(compiled.positiontup or ()) != list(columns):
        raise ValueError(f"give {table.name} columns in table order: {compiled.positiontup}")
    for chunk in _chunks(rows, CHUNK_ROWS):
        conn.exec_driver_sql(str(compiled), chunk)
        count += len(chunk)
    return count


def _load(
    db: Database, table: sa.Table, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]
) -> int:
    """Bulk-insert ``rows``: on SQLite in transactions of :data:`ROWS_PER_TRANSACTION` rows;
    on PostgreSQL in one transaction that drops the table's foreign keys, copies, and adds
    them back (one validating join instead of two trigger lookups per row: 4x faster; the
    DDL is transactional, so a failure leaves the schema as it was)."""
    if db.is_postgres:
        with db.write() as conn:
            fks = sorted(table.foreign_key_constraints, key=lambda fk: str(fk.name))
            for fk in fks:
                conn.execute(sa.schema.DropConstraint(fk))
            total = bulk_insert(conn, table, columns, rows)
            for fk in fks:
                conn.execute(sa.schema.AddConstraint(fk))
        return total
    total = 0
    for part in _chunks(rows, ROWS_PER_TRANSACTION):
        with db.write() as conn:
            conn.exec_driver_sql("PRAGMA cache_size=-262144")  # 256 MiB for the index inserts
            try:
                total += bulk_insert(conn, table, columns, part)
            finally:
                conn.exec_driver_sql("PRAGMA cache_size=-2000")
    return total


# --- the chain ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoreInfo:
    """What order generation needs of a location."""

    id: int
    code: str
    name: str
    kind: str
    city: str
    postal_code: str
    country: str
    latitude: float
    longitude: float
    locale: str = "nl_NL"
    postcodes: tuple[int, int] | None = None


_LOCALE_BY_COUNTRY = {"NL": "nl_NL", "BE": "nl_BE", "DE": "de_DE"}


def load_stores(conn: Connection) -> list[StoreInfo]:
    """Every location of the database, with locale and postal codes for known demo cities."""
    known = {loc.code: loc for loc in (*STORES, DC)}
    out = []
    for r in conn.execute(sa.select(t.stores).order_by(t.stores.c.id)):
        loc = known.get(r.code)
        out.append(
            StoreInfo(
                id=r.id,
                code=r.code,
                name=r.name,
                kind=r.kind,
                city=r.city,
                postal_code=r.postal_code,
                country=r.country,
                latitude=r.latitude,
                longitude=r.longitude,
                locale=loc.locale if loc else _LOCALE_BY_COUNTRY.get(r.country, "nl_NL"),
                postcodes=loc.postcodes if loc else None,
            )
        )
    return out


def _store_name(loc: Location) -> str:
    if loc.kind == "dc":
        return f"{CHAIN_NAME} Distribution Centre {loc.city_en}"
    return f"{CHAIN_NAME} {loc.city_en} {loc.street.rsplit(' ', 1)[0]}"


def _insert_locations(db: Database, locations: Sequence[Location]) -> list[StoreInfo]:
    with db.write() as conn:
        for loc in locations:
            hours = OPENING_HOURS["DC" if loc.kind == "dc" else loc.country]
            store_id = conn.execute(
                sa.insert(t.stores)
                .values(
                    code=loc.code,
                    name=_store_name(loc),
                    kind=loc.kind,
                    address=loc.street,
                    city=loc.city,
                    postal_code=loc.postal_code,
                    country=loc.country,
                    latitude=loc.latitude,
                    longitude=loc.longitude,
                    timezone=loc.timezone,
                    opening_hours=hours,
                    version=1,
                )
                .returning(t.stores.c.id)
            ).scalar_one()
            feed.touch(conn, Kind.STORE, int(store_id))
        return load_stores(conn)


# --- the catalogue -----------------------------------------------------------------------


@dataclass
class Catalogue:
    """The generated catalogue, kept compact for stock and order generation."""

    skus: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    prices: array[int] = field(default_factory=lambda: array("i"))
    popularity: array[float] = field(default_factory=lambda: array("d"))


#: The products and identifiers tables are loaded in the snapshot's column order.
PRODUCT_COLUMNS = SNAPSHOT_COLUMNS[Kind.PRODUCT]
IDENTIFIER_COLUMNS = SNAPSHOT_COLUMNS[Kind.IDENTIFIER]
INVENTORY_COLUMNS = (
    "store_id",
    "sku",
    "on_hand",
    "reserved",
    "safety_stock",
    "daily_sales",
    "version",
)


def _charm_price(euros: float) -> int:
    """A shelf price in cents: 23.40 -> 22.99, 1234 -> 1229.00."""
    if euros < 100:
        return max(99, round(euros) * 100 - 1)
    return (round(euros / 10) * 10 - 1) * 100


def _counts(total: int) -> list[tuple[Department, int]]:
    depts = sorted(DEPARTMENTS, key=lambda d: d.code)  # SKU order is insertion order
    counts = [(d, int(total * d.share)) for d in depts]
    short = total - sum(n for _, n in counts)
    first, n = counts[0]
    counts[0] = (first, n + short)
    return counts


def generate_catalogue(
    total: int, rng: random.Random, catalogue: Catalogue
) -> Iterator[tuple[tuple[Any, ...], list[tuple[str, str, str]]]]:
    """Product rows (in :data:`PRODUCT_COLUMNS` order) with their identifier rows.

    Styles (brand, adjective, product type, material, price) come in colour and size
    variants, one SKU each, each with its own GTIN-13 from the brand's company prefix
    (books: an ISBN-13); some have a GTIN-8 or a store's own in-store code too. Only word
    lists and ``rng`` are used, so 500k rows take seconds. ``catalogue`` is filled as rows
    are produced.
    """
    item_refs: dict[str, int] = {}
    gtin8_next = 0
    store_code_next = 0
    for dept, count in _counts(total):
        made = 0
        while made < count:
            brand = rng.choice(dept.brands)
            adjective = rng.choice(dept.adjectives)
            noun, typical = rng.choice(dept.nouns)
            material = rng.choice(dept.materials)
            price = _charm_price(typical * (0.6 + 0.9 * rng.random()))
            style_pop = rng.lognormvariate(-0.7, 1.0)
            n_variants = min(rng.randint(*dept.variants), count - made)
            n_colours = min(len(dept.colours), max(1, round(math.sqrt(n_variants))))
            colours = rng.sample(dept.colours, n_colours)
            n_sizes = min(len(dept.sizes), math.ceil(n_variants / n_colours))
            first_size = rng.randrange(len(dept.sizes) - n_sizes + 1)
            sizes = dept.sizes[first_size : first_size + n_sizes]
            for colour, size in itertools.islice(itertools.product(colours, sizes), n_variants):
                made += 1
                sku = f"{dept.code}-{made:06d}"
                if dept.code == "BK":
                    name = f"The {adjective} {noun} ({colour}, {size}) - {brand.name}"
                    attrs = {"publisher": brand.name, "format": colour, "language": size}
                else:
                    name = f"{brand.name} {adjective} {noun}, {colour}, {size}"
                    attrs = {
                        "brand": brand.name,
                        dept.colour_label: colour,
                        dept.size_label: size,
                        "material": material,
                    }
                ref = item_refs.get(brand.prefix, 0) + 1
                if ref > 99_999:
                    raise ValueError(f"brand {brand.name} ran out of item references")
                item_refs[brand.prefix] = ref
                idents = [(make_gtin13(f"{brand.prefix}{ref:05d}"), "GTIN-13", sku)]
                extra = rng.random()
                if extra < dept.gtin8_share:
                    gtin8_next += 1
                    payload = f"87{gtin8_next:05d}"
                    idents.append((payload + gtin_check_digit(payload), "GTIN-8", sku))
                elif extra > 0.97:
                    # A GS1 restricted-circulation number (prefix 2x), printed in-store.
                    store_code_next += 1
                    idents.append(
                        (make_gtin13(f"21{store_code_next:010d}"), IdentifierKind.STORE.value, sku)
                    )
                catalogue.skus.append(sku)
                catalogue.names.append(name)
                catalogue.prices.append(price)
                catalogue.popularity.append(style_pop * (0.5 + rng.random()))
                row = (sku, name, dept.name, price, "EUR", json.dumps(attrs), None, 1)
                yield row, idents


def _load_catalogue(db: Database, total: int, rng: random.Random) -> tuple[Catalogue, int]:
    catalogue = Catalogue()
    identifiers: list[tuple[str, str, str]] = []

    def products() -> Iterator[tuple[Any, ...]]:
        for row, idents in generate_catalogue(total, rng, catalogue):
            identifiers.extend(idents)
            yield row

    _load(db, t.products, PRODUCT_COLUMNS, products())
    identifiers.sort()  # primary-key order: appends instead of random B-tree inserts
    _load(db, t.product_identifiers, IDENTIFIER_COLUMNS, identifiers)
    return catalogue, len(identifiers)


# --- stock -------------------------------------------------------------------------------


@dataclass
class StockPools:
    """Per location: a sample of SKUs it has in stock (index, ATP) and of SKUs it lacks."""

    stocked: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    missing: dict[int, list[int]] = field(default_factory=dict)


POOL_SIZE = 3_000


def generate_inventory(
    stores: Sequence[StoreInfo], catalogue: Catalogue, rng: random.Random, pools: StockPools
) -> Iterator[tuple[Any, ...]]:
    """Stock rows (in :data:`INVENTORY_COLUMNS` order), SKU by SKU, for a share of each
    store's range (40-70%; the DC 90%), with on hand, safety stock and daily sales.

    Fills ``pools`` with samples for order generation, from the same random draws.
    """
    n = len(catalogue.skus)
    plan = []
    for s in stores:
        if s.kind == "dc":
            share, factor = 0.9, 6.0
        else:
            share, factor = 0.4 + 0.3 * rng.random(), 0.6 + 0.8 * rng.random()
        keep = min(1.0, POOL_SIZE / max(1.0, n * share))
        lack = min(1.0, POOL_SIZE / max(1.0, n * (1 - share)))
        stocked: list[tuple[int, int]] = []
        missing: list[int] = []
        pools.stocked[s.id] = stocked
        pools.missing[s.id] = missing
        plan.append((s.id, share, factor, s.kind == "dc", share * keep, stocked, missing, lack))
    skus, popularity = catalogue.skus, catalogue.popularity
    rand = rng.random
    for i in range(n):
        sku = skus[i]
        pop = popularity[i]
        for store_id, share, factor, is_dc, keep_below, stocked, missing, lack in plan:
            u = rand()
            if u >= share:
                if u < share + (1 - share) * lack:
                    missing.append(i)
                continue
            daily = pop * factor
            if u > share * 0.95:
                on_hand = 0  # out of stock: sold through, awaiting replenishment
            else:
                on_hand = int(daily * (3 + 17 * rand())) + 1 + int(3 * u / share)
            safety = 0 if is_dc or daily < 0.5 else (1 if daily < 2 else 2)
            if u < keep_below and on_hand - safety >= 2:
                stocked.append((i, on_hand - safety))
            yield (store_id, sku, on_hand, 0, safety, round(daily, 2), 1)


# --- staff and channels ------------------------------------------------------------------


def make_fakers(seed: int) -> dict[str, Any]:
    """Seeded Faker instances for the chain's locales (names and street names)."""
    out: dict[str, Any] = {}
    for k, locale in enumerate(("nl_NL", "nl_BE", "fr_BE", "fr_FR", "de_DE")):
        fake = Faker(locale)
        fake.seed_instance(seed * 31 + k)
        out[locale] = fake
    return out


def _person(fakers: Mapping[str, Any], locale: str) -> tuple[str, str]:
    fake = fakers[locale]
    return str(fake.first_name()), str(fake.last_name())


def _create_staff(
    db: Database, stores: Sequence[StoreInfo], fakers: Mapping[str, Any]
) -> tuple[list[StaffLogin], dict[tuple[int | None, Role], int]]:
    logins: list[StaffLogin] = []
    ids: dict[tuple[int | None, Role], int] = {}
    seq = 0
    people: list[tuple[StoreInfo | None, str, Role]] = [
        (s, f"{s.code.lower()}.{role.value}", role) for s in stores for role in STORE_ROLES
    ]
    people += [(None, username, role) for username, role in CHAIN_STAFF]
    with db.write() as conn:
        for store, username, role in people:
            seq += 1
            first, last = _person(fakers, store.locale if store else "nl_NL")
            badge = f"B{seq:04d}{store.code if store else 'HQ'}"
            staff_id = create_staff(
                conn,
                store_id=store.id if store else None,
                username=username,
                display_name=f"{first} {last}",
                role=role,
                pin=DEMO_PIN,
                badge_id=badge,
            )
            ids[(store.id if store else None, role)] = staff_id
            logins.append(
                StaffLogin(store.code if store else None, username, role, f"{first} {last}", badge)
            )
    return logins, ids


def _create_channels(db: Database) -> list[ChannelKey]:
    keys = []
    with db.write() as conn:
        for name, channel in CHANNELS:
            _, key = create_channel(conn, name=name, channel=channel)
            keys.append(ChannelKey(name, channel, key))
    return keys


# --- customers and orders ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Customer:
    """A made-up customer living near a store."""

    name: str
    email: str
    phone: str
    street: str
    postal_code: str
    city: str
    country: str
    latitude: float
    longitude: float
    external_id: str


def _phone(rng: random.Random, country: str) -> str:
    digits = "".join(str(rng.randrange(10)) for _ in range(8))
    if country == "BE":
        return f"+32 47{digits[0]} {digits[1:3]} {digits[3:5]} {digits[5:7]}"
    if country == "DE":
        return f"+49 15{digits[0]} {digits[1:]}"
    return f"+31 6 {digits[:4]} {digits[4:]}"


_NL_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
_EMAIL_DOMAINS = ("gmail.com", "outlook.com", "hotmail.com", "ziggo.nl", "kpnmail.nl", "web.de")
_STREET_LOCALE = {"nl_NL": "nl_NL", "nl_BE": "nl_NL", "fr_BE": "fr_FR", "de_DE": "de_DE"}


class OrderFactory:
    """Builds plausible :class:`OrderIn` values: customers near stores, cards, addresses."""

    def __init__(self, rng: random.Random, fakers: Mapping[str, Any]) -> None:
        self.rng = rng
        self.fakers = fakers
        self._emails: set[str] = set()
        self._next_customer = 0

    def postal_code(self, store: StoreInfo) -> str:
        """A postal code of the store's neighbourhood."""
        if store.postcodes is None:
            return store.postal_code
        number = self.rng.randint(*store.postcodes)
        if store.country == "NL":
            letters = self.rng.choice(_NL_LETTERS) + self.rng.choice(_NL_LETTERS)
            return f"{number} {letters}"
        if store.country == "DE":
            return f"{number:05d}"
        return str(number)

    def customer(self, home: StoreInfo) -> Customer:
        """A new customer living up to 8 km from ``home``."""
        rng = self.rng
        first, last = _person(self.fakers, home.locale)
        email = ""
        while not email or email in self._emails:
            suffix = rng.randint(1, 99 if not email else 9999)
            local = f"{_ascii(first)}.{_ascii(last)}{suffix}"
            email = f"{local}@{rng.choice(_EMAIL_DOMAINS)}"
        self._emails.add(email)
        self._next_customer += 1
        street_faker = self.fakers[_STREET_LOCALE.get(home.locale, "nl_NL")]
        distance, angle = 0.4 + 7.6 * rng.random(), rng.random() * 2 * math.pi
        lat = home.latitude + distance / 111.32 * math.cos(angle)
        lon = home.longitude + distance / (111.32 * math.cos(math.radians(lat))) * math.sin(angle)
        return Customer(
            name=f"{first} {last}",
            email=email,
            phone=_phone(rng, home.country),
            street=f"{street_faker.street_name()} {rng.randint(1, 240)}",
            postal_code=self.postal_code(home),
            city=home.city,
            country=home.country,
            latitude=round(lat, 6),
            longitude=round(lon, 6),
            external_id=f"C{rng.randint(1_000_000, 9_999_999)}-{self._next_customer}",
        )

    @staticmethod
    def address(c: Customer, *, postal_code: str | None = None) -> AddressIn:
        """The customer's home address (with its geocode)."""
        return AddressIn(
            name=c.name,
            line1=c.street,
            city=c.city,
            postal_code=postal_code or c.postal_code,
            country=c.country,
            latitude=c.latitude,
            longitude=c.longitude,
        )

    def order(
        self,
        channel: Channel,
        customer: Customer,
        lines: Sequence[tuple[str, int, int]],
        *,
        pickup: StoreInfo | None,
        shipping_postcode: str | None = None,
    ) -> OrderIn:
        """An order of ``(sku, quantity, unit price)`` lines: picked up at ``pickup``, or
        delivered home (to ``shipping_postcode`` when given: another than the card's).

        About one delivery in four goes express; the choice follows from the channel's
        reference, so it draws nothing more from ``rng`` (the demo stays as it was).
        """
        rng = self.rng
        billing = self.address(customer)
        shipping = None
        if pickup is None:
            shipping = self.address(customer, postal_code=shipping_postcode)
        prefix = {Channel.WEB: "W", Channel.MARKETPLACE: "MP-", Channel.CALL_CENTRE: "CC"}
        ref = rng.randint(10_000_000, 99_999_999)
        express = pickup is None and ref % 4 == 0
        return OrderIn(
            channel=channel,
            external_ref=f"{prefix.get(channel, 'X')}{ref}",
            customer=CustomerIn(
                external_id=customer.external_id,
                name=customer.name,
                email=customer.email,
                phone=customer.phone,
            ),
            delivery=Delivery.PICKUP if pickup else Delivery.DELIVERY,
            pickup_store_code=pickup.code if pickup else None,
            shipping_address=shipping,
            billing_address=billing,
            alternate_pickup_name=None,
            lines=[LineIn(sku=s, quantity=q, unit_price_minor=p) for s, q, p in lines],
            payment=PaymentIn(card_number=APPROVE_CARD, holder=customer.name),
            shipping_service=ServiceLevel.EXPRESS if express else ServiceLevel.STANDARD,
        )


def pick_channel(rng: random.Random) -> Channel:
    """Web most of the time, then marketplace, then the call centre."""
    r = rng.random()
    return Channel.WEB if r < 0.6 else Channel.MARKETPLACE if r < 0.85 else Channel.CALL_CENTRE


def pick_quantity(rng: random.Random, atp: int) -> int:
    """Usually one, sometimes two or three (never more than is available)."""
    r = rng.random()
    want = 1 if r < 0.8 else 2 if r < 0.95 else 3
    return max(1, min(want, atp))


# --- moving orders through their states ---------------------------------------------------

Bucket = Literal["fresh", "today", "recent", "old"]
BUCKET_WEIGHTS: tuple[tuple[Bucket, float], ...] = (
    ("fresh", 0.3),
    ("today", 0.3),
    ("recent", 0.28),
    ("old", 0.12),
)

#: Target states by age of the order and method, with weights.
TARGETS: dict[tuple[Bucket, FulfillmentMethod], tuple[tuple[str, float], ...]] = {
    ("fresh", M.STORE_PICKUP): (("open", 0.7), ("picking", 0.3)),
    ("fresh", M.SHIP_FROM_STORE): (("open", 0.7), ("picking", 0.3)),
    ("fresh", M.SHIP_TO_STORE): (("open", 0.6), ("picking", 0.4)),
    ("today", M.STORE_PICKUP): (
        ("picking", 0.15),
        ("ready_for_pickup", 0.4),
        ("handed_over", 0.33),
        ("cancelled", 0.08),
        ("rejected", 0.04),
    ),
    ("today", M.SHIP_FROM_STORE): (
        ("picking", 0.15),
        ("packed", 0.35),
        ("shipped", 0.4),
        ("cancelled", 0.1),
    ),
    ("today", M.SHIP_TO_STORE): (
        ("picking", 0.15),
        ("packed", 0.2),
        ("in_transit", 0.55),
        ("cancelled", 0.1),
    ),
    ("recent", M.STORE_PICKUP): (
        ("open", 0.06),
        ("picking", 0.06),
        ("ready_for_pickup", 0.4),
        ("handed_over", 0.4),
        ("cancelled", 0.08),
    ),
    ("recent", M.SHIP_FROM_STORE): (
        ("open", 0.05),
        ("packed", 0.1),
        ("shipped", 0.77),
        ("cancelled", 0.08),
    ),
    ("recent", M.SHIP_TO_STORE): (
        ("in_transit", 0.15),
        ("arrived", 0.2),
        ("ready_for_pickup", 0.3),
        ("handed_over", 0.3),
        ("cancelled", 0.05),
    ),
    ("old", M.STORE_PICKUP): (("expired", 0.4), ("handed_over", 0.45), ("cancelled", 0.15)),
    ("old", M.SHIP_FROM_STORE): (("shipped", 0.9), ("cancelled", 0.1)),
    ("old", M.SHIP_TO_STORE): (("expired", 0.3), ("handed_over", 0.55), ("cancelled", 0.15)),
}

C = CommandName
#: The commands that take a fulfillment of a method from ``open`` to a target state.
PATHS: dict[tuple[FulfillmentMethod, str], tuple[CommandName, ...]] = {
    (M.STORE_PICKUP, "picking"): (C.START_PICKING,),
    (M.STORE_PICKUP, "ready_for_pickup"): (C.START_PICKING, C.MARK_READY),
    (M.STORE_PICKUP, "handed_over"): (C.START_PICKING, C.MARK_READY, C.HAND_OVER),
    (M.STORE_PICKUP, "expired"): (C.START_PICKING, C.MARK_READY, C.EXPIRE),
    (M.SHIP_FROM_STORE, "picking"): (C.START_PICKING,),
    (M.SHIP_FROM_STORE, "packed"): (C.START_PICKING, C.PACK),
    (M.SHIP_FROM_STORE, "shipped"): (C.START_PICKING, C.PACK, C.SHIP),
    (M.SHIP_TO_STORE, "picking"): (C.START_PICKING,),
    (M.SHIP_TO_STORE, "packed"): (C.START_PICKING, C.PACK),
    (M.SHIP_TO_STORE, "in_transit"): (C.START_PICKING, C.PACK, C.DISPATCH_TRANSFER),
    (M.SHIP_TO_STORE, "arrived"): (
        C.START_PICKING,
        C.PACK,
        C.DISPATCH_TRANSFER,
        C.RECEIVE_TRANSFER,
    ),
    (M.SHIP_TO_STORE, "ready_for_pickup"): (
        C.START_PICKING,
        C.PACK,
        C.DISPATCH_TRANSFER,
        C.RECEIVE_TRANSFER,
        C.MARK_READY,
    ),
    (M.SHIP_TO_STORE, "handed_over"): (
        C.START_PICKING,
        C.PACK,
        C.DISPATCH_TRANSFER,
        C.RECEIVE_TRANSFER,
        C.MARK_READY,
        C.HAND_OVER,
    ),
    (M.SHIP_TO_STORE, "expired"): (
        C.START_PICKING,
        C.PACK,
        C.DISPATCH_TRANSFER,
        C.RECEIVE_TRANSFER,
        C.MARK_READY,
        C.EXPIRE,
    ),
}
#: Commands run by the store that receives the goods (pickup store) rather than the source.
AT_DESTINATION = frozenset({C.RECEIVE_TRANSFER, C.MARK_READY, C.HAND_OVER, C.EXPIRE})
HOLD_DAYS = 7


def _weighted(rng: random.Random, options: Sequence[tuple[str, float]]) -> str:
    r = rng.random() * sum(w for _, w in options)
    for value, weight in options:
        r -= weight
        if r <= 0:
            return value
    return options[-1][0]


@dataclass
class OrderPlan:
    """One demo order to place: when, where, what, and (for coverage) its forced outcome."""

    at: datetime
    bucket: Bucket
    kind: Literal["pickup", "transfer", "delivery", "high_value", "other_postcode"]
    store: StoreInfo
    channel: Channel
    customer: Customer
    lines: list[tuple[int, int]]
    force: str | None = None
    release_hold: bool = False


@dataclass(frozen=True, slots=True)
class _Placed:
    plan: OrderPlan
    out: OrderOut


class _DemoOrders:
    """Plans, places and moves on the demo orders."""

    def __init__(
        self,
        db: Database,
        payments: PaymentProvider,
        stores: Sequence[StoreInfo],
        staff: Mapping[tuple[int | None, Role], int],
        catalogue: Catalogue,
        pools: StockPools,
        rng: random.Random,
        fakers: Mapping[str, Any],
        now: datetime,
    ) -> None:
        self.db = db
        self.payments = payments
        self.stores = [s for s in stores if s.kind == "store"]
        self.by_id = {s.id: s for s in stores}
        self.by_code = {s.code: s for s in stores}
        self.staff = staff
        self.catalogue = catalogue
        self.pools = pools
        self.rng = rng
        self.factory = OrderFactory(rng, fakers)
        self.now = now
        self.customers: list[tuple[StoreInfo, Customer]] = []
        self.placed = 0
        self.failed = 0

    # -- planning --

    def _time(self, bucket: Bucket) -> datetime:
        r = self.rng.random()
        ago = {
            "fresh": timedelta(minutes=3 + 85 * r),
            "today": timedelta(hours=3 + 6 * r),
            "recent": timedelta(hours=26 + 44 * r),
            "old": timedelta(days=8.5 + 3.5 * r),
        }[bucket]
        return self.now - ago

    def _customer(self, store: StoreInfo) -> Customer:
        """A returning customer of that store now and then, else a new one."""
        regulars = [c for s, c in self.customers if s.id == store.id]
        if regulars and self.rng.random() < 0.2:
            return self.rng.choice(regulars)
        customer = self.factory.customer(store)
        self.customers.append((store, customer))
        return customer

    def _lines(self, store: StoreInfo, kind: str) -> list[tuple[int, int]]:
        rng = self.rng
        stocked = self.pools.stocked.get(store.id) or []
        if kind == "high_value":
            priced = sorted(stocked, key=lambda e: -self.catalogue.prices[e[0]])[:8]
            lines: list[tuple[int, int]] = []
            total = 0
            for idx, atp in rng.sample(priced, min(len(priced), 4)):
                price = self.catalogue.prices[idx]
                qty = max(1, min(atp, math.ceil((180_000 - total) / price)))
                lines.append((idx, qty))
                total += qty * price
                if total > 180_000:
                    break
            return lines
        n = 1 if rng.random() < 0.6 else 2 if rng.random() < 0.7 else 3
        out: dict[int, int] = {}
        if kind == "transfer":
            missing = self.pools.missing.get(store.id) or []
            if missing:
                out[rng.choice(missing)] = 1
        for _ in range(10 * n):
            if len(out) >= n or not stocked:
                break
            idx, atp = rng.choice(stocked)
            if idx not in out:
                out[idx] = pick_quantity(rng, atp)
        return list(out.items())

    def plan(
        self,
        store: StoreInfo,
        kind: Literal["pickup", "transfer", "delivery", "high_value", "other_postcode"],
        bucket: Bucket,
        force: str | None = None,
    ) -> OrderPlan:
        """An order of ``kind`` at (pickup) or near (delivery) ``store``."""
        plan_kind = "delivery" if kind == "other_postcode" else kind
        return OrderPlan(
            at=self._time(bucket),
            bucket=bucket,
            kind=kind,
            store=store,
            channel=pick_channel(self.rng),
            customer=self._customer(store),
            lines=self._lines(store, plan_kind),
            force=force,
        )

    def random_plan(self, main: StoreInfo) -> OrderPlan:
        """A random order: a third of them at or near the main store."""
        rng = self.rng
        store = main if rng.random() < 0.3 else rng.choice(self.stores)
        bucket = cast(Bucket, _weighted(rng, BUCKET_WEIGHTS))
        r = rng.random()
        if r < 0.03:
            plan = self.plan(store, "high_value", "fresh")
            plan.release_hold = rng.random() < 0.3
            return plan
        if r < 0.05:
            return self.plan(store, "other_postcode", "fresh")
        kind: Literal["pickup", "transfer", "delivery"] = (
            "pickup" if r < 0.45 else "transfer" if r < 0.6 else "delivery"
        )
        return self.plan(store, kind, bucket)

    # -- placing --

    def place(self, plan: OrderPlan) -> OrderOut | None:
        """Place one planned order through intake; None when intake refused it."""
        if not plan.lines:
            return None
        cat = self.catalogue
        lines = [(cat.skus[i], q, cat.prices[i]) for i, q in plan.lines]
        pickup = None if plan.kind in ("delivery", "other_postcode") else plan.store
        postcode = None
        if plan.kind == "other_postcode":
            postcode = plan.customer.postal_code
            for _ in range(20):
                postcode = self.factory.postal_code(plan.store)
                if postcode != plan.customer.postal_code:
                    break
        order = self.factory.order(
            plan.channel, plan.customer, lines, pickup=pickup, shipping_postcode=postcode
        )
        try:
            with self.db.write() as conn:
                out = place_order(conn, self.payments, order, now=plan.at)
        except ApiError as exc:
            self.failed += 1
            log.info("demo order not placed: %s", exc.message)
            return None
        self.placed += 1
        return out

    # -- moving on --

    def _actor(self, store_id: int, role: Role) -> Actor:
        return Actor(staff_id=self.staff[(store_id, role)], role=role, store_id=store_id)

    def _chain_actor(self, role: Role) -> Actor:
        return Actor(staff_id=self.staff[(None, role)], role=role, store_id=None)

    def _run(
        self, actor: Actor, name: CommandName, key: str, args: Mapping[str, Any], at: datetime
    ) -> bool:
        try:
            execute(self.db, actor, name, key, args, now=at)
        except DomainError as exc:
            log.warning("demo command %s on %s refused: %s", name.value, key, exc.message)
            return False
        return True

    def _fulfillment(self, fid: int) -> Any:
        with self.db.read() as conn:
            return conn.execute(sa.select(t.fulfillments).where(t.fulfillments.c.id == fid)).one()

    def _fulfillment_lines(self, fid: int) -> list[Any]:
        fl = t.fulfillment_lines.c
        with self.db.read() as conn:
            return list(
                conn.execute(
                    sa.select(t.fulfillment_lines)
                    .where(fl.fulfillment_id == fid)
                    .order_by(fl.line_no)
                )
            )

    def _times(self, bucket: Bucket, start: datetime, steps: int) -> list[datetime]:
        rng, now = self.rng, self.now
        if bucket in ("fresh", "today"):
            end = now - timedelta(minutes=1 if bucket == "fresh" else 5 + 40 * rng.random())
        elif bucket == "recent":
            end = min(start + timedelta(hours=4 + 26 * rng.random()), now - timedelta(hours=1))
        else:
            end = start + timedelta(hours=3 + 27 * rng.random())
        begin = start + (end - start) * 0.05
        points = sorted(rng.random() for _ in range(steps))
        times = [begin + (end - begin) * p for p in points]
        if steps:
            times[-1] = end
        return times

    def _args(self, name: CommandName, f: Any, customer: Customer) -> dict[str, Any]:
        rng = self.rng
        if name is C.MARK_READY:
            return {"bin": f"{rng.choice('ABCD')}-{rng.randint(1, 24):02d}"}
        if name is C.HAND_OVER:
            if f.pickup_code and rng.random() < 0.8:
                verification: dict[str, Any] = {
                    "method": "pickup_code",
                    "pickup_code": f.pickup_code,
                }
            else:
                verification = {
                    "method": "id_check",
                    "collector_name": customer.name,
                    "id_type": rng.choice(("id_card", "passport", "driving_licence")),
                    "id_last_digits": f"{rng.randint(0, 9999):04d}",
                    "relationship": "self",
                }
            refused = []
            lines = self._fulfillment_lines(f.id)
            if len(lines) > 1 and rng.random() < 0.25:
                line = rng.choice(lines)
                refused.append(
                    {
                        "line_no": line.line_no,
                        "quantity": 1,
                        "reason": rng.choice(("changed_mind", "size_fit", "damaged")),
                    }
                )
            return {"verification": verification, "refused": refused}
        if name is C.PACK:
            box, length, width, height = rng.choice(BOXES)
            weight = 300 + rng.randint(0, 40) * 100
            return {
                "boxes": [
                    {
                        "box_type": box,
                        "length_cm": length,
                        "width_cm": width,
                        "height_cm": height,
                        "weight_g": weight,
                    }
                ]
            }
        if name is C.SHIP:
            digits = "".join(str(rng.randrange(10)) for _ in range(12))
            return {"carrier": rng.choice(CARRIERS), "tracking": f"3S{digits}"}
        if name is C.DISPATCH_TRANSFER:
            return {"tracking": f"TR{rng.randint(10**9, 10**10 - 1)}"}
        return {}

    def drive(self, placed: _Placed) -> None:
        """Move each fulfillment of a placed order to its (forced or random) target state."""
        plan, out = placed.plan, placed.out
        rng = self.rng
        held = out.fraud_state is FraudState.REVIEW
        if held and plan.release_hold:
            at = plan.at + timedelta(minutes=20 + 60 * rng.random())
            if at < self.now and self._run(
                self._chain_actor(Role.CUSTOMER_SERVICE),
                C.RELEASE_FRAUD_HOLD,
                out.number,
                {"note": "customer called back, identity confirmed"},
                at,
            ):
                held = False
        for f_out in out.fulfillments:
            method = M(f_out.method)
            target = self._target(plan, f_out.store_code, f_out.destination_store_code, method)
            if held:
                target = "open"  # stores see the hold and do not pick
            self._move(f_out.id, method, target, plan)

    def _target(
        self, plan: OrderPlan, store_code: str, dest_code: str | None, method: FulfillmentMethod
    ) -> str:
        here = plan.store.code
        matches = {
            "pickup": method is M.STORE_PICKUP and store_code == here,
            "transfer": method is M.SHIP_TO_STORE and dest_code == here,
            "delivery": method is M.SHIP_FROM_STORE and store_code == here,
        }.get(plan.kind, False)
        if plan.force and matches:
            return plan.force
        return _weighted(self.rng, TARGETS[(plan.bucket, method)])

    def _move(self, fid: int, method: FulfillmentMethod, target: str, plan: OrderPlan) -> None:
        rng = self.rng
        f = self._fulfillment(fid)
        source = f.store_id
        pickup_at = f.destination_store_id if method is M.SHIP_TO_STORE else f.store_id
        if target == "open":
            return
        if target == "cancelled":
            steps = self._times(plan.bucket, plan.at, 2)
            if rng.random() < 0.5 and self._run(
                self._actor(source, Role.ASSOCIATE), C.START_PICKING, str(fid), {}, steps[0]
            ):
                f = self._fulfillment(fid)
            actor = (
                self._chain_actor(Role.CUSTOMER_SERVICE)
                if rng.random() < 0.5
                else self._actor(source, Role.LEAD)
            )
            reason = rng.choice(("customer_request", "customer_request", "duplicate", "other"))
            self._run(actor, C.CANCEL, str(fid), {"reason": reason}, steps[1])
            return
        if target == "rejected":
            lines = self._fulfillment_lines(fid)
            at = self._times(plan.bucket, plan.at, 1)[0]
            for line in lines:
                qty = line.quantity - line.rejected
                if qty > 0:
                    args = {
                        "line_no": line.line_no,
                        "quantity": qty,
                        "reason": rng.choice(("not_found", "damaged")),
                    }
                    self._run(
                        self._actor(source, Role.ASSOCIATE), C.REJECT_LINE, str(fid), args, at
                    )
            return
        path = PATHS[(method, target)]
        times = self._times(plan.bucket, plan.at, len(path))
        for name, at in zip(path, times, strict=True):
            if name is C.EXPIRE:
                f = self._fulfillment(fid)
                if f.pickup_deadline is None or f.pickup_deadline >= self.now:
                    return
                at = f.pickup_deadline + timedelta(minutes=5 + 50 * rng.random())
                actor = self._actor(pickup_at, Role.MANAGER)
            else:
                at_store = pickup_at if name in AT_DESTINATION else source
                actor = self._actor(at_store, Role.ASSOCIATE)
            if name in (C.HAND_OVER, C.MARK_READY):
                f = self._fulfillment(fid)
            if name is C.MARK_READY and target == "expired":
                at = min(at, self.now - timedelta(days=HOLD_DAYS, hours=2))
            if not self._run(actor, name, str(fid), self._args(name, f, plan.customer), at):
                return

    def walk(
        self, fid: int, plan: OrderPlan, steps: Sequence[tuple[CommandName, datetime]]
    ) -> None:
        """Run ``steps`` (command, when) on a fulfillment of ``plan``'s store, in order."""
        for name, at in steps:
            if not self.step(fid, plan, name, at):
                return

    def step(
        self,
        fid: int,
        plan: OrderPlan,
        name: CommandName,
        at: datetime,
        args: Mapping[str, Any] | None = None,
    ) -> bool:
        """Run one command on a fulfillment of ``plan``'s store as its staff would (a manager
        expires, a lead cancels, an associate does the rest); whether it was applied.
        ``args`` default to plausible ones for the command."""
        role = Role.MANAGER if name is C.EXPIRE else Role.LEAD if name is C.CANCEL else None
        if args is None:
            if name is C.EXPIRE:
                args = {}
            elif name is C.CANCEL:
                args = {"reason": "customer_request"}
            else:
                args = self._args(name, self._fulfillment(fid), plan.customer)
        actor = self._actor(plan.store.id, role or Role.ASSOCIATE)
        return self._run(actor, name, str(fid), args, at)

    def lines_of(self, fid: int) -> list[Any]:
        """A fulfillment's lines, in line order."""
        return self._fulfillment_lines(fid)

    # -- coverage --

    def statuses(self, store_id: int, *, at: bool) -> set[str]:
        """Statuses present at (``at``) or away from one store, plus ``overdue``/``review``."""
        f, o = t.fulfillments.c, t.orders.c
        if at:
            where = sa.or_(f.store_id == store_id, f.destination_store_id == store_id)
        else:
            where = sa.and_(
                f.store_id != store_id,
                sa.or_(f.destination_store_id.is_(None), f.destination_store_id != store_id),
            )
        active = [s.value for s in S if not s.terminal]
        with self.db.read() as conn:
            found = set(conn.execute(sa.select(f.status).where(where).distinct()).scalars())
            if conn.execute(
                sa.select(f.id)
                .where(where, f.status.in_(active), f.promised_at < self.now)
                .limit(1)
            ).first():
                found.add("overdue")
            if conn.execute(
                sa.select(f.id)
                .join(t.orders, o.id == f.order_id)
                .where(where, o.fraud_state == "review")
                .limit(1)
            ).first():
                found.add("review")
        return found


#: What must exist at the main store and elsewhere, and the order that makes it.
COVERAGE: tuple[tuple[str, str, Bucket], ...] = (
    ("open", "pickup", "fresh"),
    ("picking", "pickup", "fresh"),
    ("overdue", "pickup", "today"),
    ("ready_for_pickup", "pickup", "today"),
    ("handed_over", "pickup", "today"),
    ("cancelled", "pickup", "today"),
    ("rejected", "pickup", "today"),
    ("expired", "pickup", "old"),
    ("packed", "delivery", "today"),
    ("shipped", "delivery", "today"),
    ("in_transit", "transfer", "today"),
    ("arrived", "transfer", "recent"),
    ("review", "high_value", "fresh"),
)


def _cover(orders: _DemoOrders, store: StoreInfo, main: StoreInfo, *, rounds: int = 4) -> list[str]:
    """Place forced orders at ``store`` until every state of :data:`COVERAGE` exists at the
    main store (when ``store`` is it) or away from it (else); what is still missing."""
    missing: list[str] = []
    for _ in range(rounds):
        present = orders.statuses(main.id, at=store.id == main.id)
        missing = [status for status, _, _ in COVERAGE if status not in present]
        if not missing:
            return []
        plans = []
        for status, kind, bucket in COVERAGE:
            if status in missing:
                force = "open" if status in ("overdue", "review") else status
                plans.append(orders.plan(store, kind, bucket, force=force))  # type: ignore[arg-type]
        for plan in sorted(plans, key=lambda p: p.at):
            out = orders.place(plan)
            if out is not None:
                orders.drive(_Placed(plan, out))
    return missing


# --- the counter's tabs at the main store --------------------------------------------------

#: What the main store's pickup counter holds at least, so every tab of the station's
#: queue has a handful: ready (some made ready after their promised time), handed over
#: since the store's midnight, within a day of the pickup deadline (the station's
#: Expiring tab looks 24 h ahead), and ended pickups whose goods still sit in a bin.
COUNTER: dict[str, int] = {
    "expiring": 3,
    "ready_late": 2,
    "ready": 7,
    "handed_over_today": 4,
    "expired_in_bin": 2,
    "cancelled_in_bin": 1,
}
Step = tuple[CommandName, datetime]


def _store_midnight(db: Database, store: StoreInfo, now: datetime) -> datetime:
    """The start of the store's day (in its time zone), in UTC."""
    with db.read() as conn:
        name = conn.execute(
            sa.select(t.stores.c.timezone).where(t.stores.c.id == store.id)
        ).scalar_one()
    local = now.astimezone(ZoneInfo(name))
    return datetime.combine(local.date(), datetime.min.time(), local.tzinfo).astimezone(UTC)


def counter_state(db: Database, store: StoreInfo, now: datetime) -> dict[str, int]:
    """How many pickups at ``store`` are in each :data:`COUNTER` situation."""
    f = t.fulfillments.c
    here = sa.or_(
        sa.and_(f.method == M.STORE_PICKUP.value, f.store_id == store.id),
        sa.and_(f.method == M.SHIP_TO_STORE.value, f.destination_store_id == store.id),
    )
    ready = sa.and_(here, f.status == S.READY_FOR_PICKUP.value)
    in_bin = sa.and_(here, f.bin.is_not(None))
    since = _store_midnight(db, store, now)
    wheres = {
        "expiring": sa.and_(ready, f.pickup_deadline <= now + timedelta(hours=24)),
        "ready_late": sa.and_(ready, f.updated_at > f.promised_at),
        "ready": ready,
        "handed_over_today": sa.and_(here, f.status == S.HANDED_OVER.value, f.updated_at >= since),
        "expired_in_bin": sa.and_(in_bin, f.status == S.EXPIRED.value),
        "cancelled_in_bin": sa.and_(in_bin, f.status == S.CANCELLED.value),
    }
    with db.read() as conn:
        return {
            name: int(conn.execute(sa.select(sa.func.count()).where(w)).scalar_one())
            for name, w in wheres.items()
        }


def _scene(
    kind: str, rng: random.Random, now: datetime, since: datetime
) -> tuple[datetime, list[Step]]:
    """When a pickup of one :data:`COUNTER` situation is ordered, and the commands that
    bring it there with their times (``since``: the start of the store's day)."""

    def minutes(low: float, high: float) -> timedelta:
        return timedelta(minutes=low + (high - low) * rng.random())

    if kind == "expiring":  # its deadline is 2 to 20 h away
        ready = now - timedelta(days=HOLD_DAYS) + minutes(120, 1200)
        placed = ready - minutes(60, 180)
    elif kind == "ready_late":  # promised 2 h after the order, ready 30 to 120 min later
        placed = now - minutes(300, 600)
        ready = placed + timedelta(hours=2) + minutes(30, 120)
    elif kind == "handed_over_today":
        handed = since + (now - since) * (0.15 + 0.8 * rng.random())
        ready = handed - minutes(30, 1200)
        placed = ready - minutes(40, 110)
    elif kind == "expired_in_bin":  # its deadline passed 1 to 3 days ago
        ready = now - minutes(24 * 60, 72 * 60) - timedelta(days=HOLD_DAYS)
        placed = ready - minutes(40, 110)
    elif kind == "cancelled_in_bin":  # cancelled by the customer after it was staged
        placed = now - minutes(600, 1500)
        ready = placed + minutes(40, 110)
    else:  # ready before its promise, waiting a few hours to 3 days
        placed = now - minutes(150, 4300)
        ready = placed + minutes(40, 110)
    steps = [(C.START_PICKING, placed + (ready - placed) * 0.3), (C.MARK_READY, ready)]
    if kind == "handed_over_today":
        steps.append((C.HAND_OVER, handed))
    elif kind == "expired_in_bin":
        steps.append((C.EXPIRE, ready + timedelta(days=HOLD_DAYS) + minutes(5, 55)))
    elif kind == "cancelled_in_bin":
        steps.append((C.CANCEL, min(now - minutes(5, 30), ready + minutes(60, 300))))
    return placed, steps


def _fill_counter(orders: _DemoOrders, store: StoreInfo, *, attempts: int = 40) -> dict[str, int]:
    """Place and move pickups at ``store`` until each :data:`COUNTER` situation has its
    handful (the random orders leave some tabs empty); what is still missing."""
    rng, now, db = orders.rng, orders.now, orders.db
    since = _store_midnight(db, store, now)
    missing = {}
    for kind, wanted in COUNTER.items():
        tries = 0
        while counter_state(db, store, now)[kind] < wanted and tries < attempts:
            tries += 1
            placed, steps = _scene(kind, rng, now, since)
            plan = orders.plan(store, "pickup", "today")
            plan.at = placed
            out = orders.place(plan)
            if out is None or out.fraud_state is FraudState.REVIEW:
                continue  # no stock, or held for review: the store would not pick it
            for f_out in out.fulfillments:
                if M(f_out.method) is M.STORE_PICKUP and f_out.store_code == store.code:
                    orders.walk(f_out.id, plan, steps)
        short = wanted - counter_state(db, store, now)[kind]
        if short > 0:
            missing[kind] = short
    return missing


# --- the entry point ---------------------------------------------------------------------


def _summary(conn: Connection) -> dict[str, Any] | None:
    value = conn.execute(
        sa.select(t.settings.c.value).where(t.settings.c.key == SETTING_KEY)
    ).scalar_one_or_none()
    if value is None:
        return None
    return cast(dict[str, Any], json.loads(value) if isinstance(value, str) else value)


def is_empty(db: Database) -> bool:
    """Whether the database has no stores yet (a demo may be seeded into it)."""
    with db.read() as conn:
        return conn.execute(sa.select(t.stores.c.id).limit(1)).first() is None


def seed_demo(
    db: Database,
    payments: PaymentProvider,
    size: Size,
    *,
    rng_seed: int = 42,
    now: datetime | None = None,
) -> DemoCredentials:
    """Fill an empty, migrated database with the demo chain; its credentials.

    The same ``rng_seed`` gives the same stores, catalogue, stock, staff names and order
    mix. Raises ValueError on a database that already has stores.
    """
    if size not in SIZES:
        raise ValueError(f"unknown demo size {size!r}; use one of {', '.join(SIZES)}")
    if not is_empty(db):
        raise ValueError("the database already has stores: the demo seeds empty databases only")
    now = now or datetime.now(UTC)
    rng = random.Random(rng_seed)
    fakers = make_fakers(rng_seed)
    started = time.perf_counter()

    locations = [*STORES[: STORE_COUNT[size]], DC]
    stores = _insert_locations(db, locations)
    catalogue, n_identifiers = _load_catalogue(db, CATALOGUE_SIZE[size], random.Random(rng_seed))
    log.info(
        "demo: %d products, %d identifiers in %.1f s",
        len(catalogue.skus),
        n_identifiers,
        time.perf_counter() - started,
    )
    pools = StockPools()
    stock_rng = random.Random(rng_seed + 1)
    n_stock = _load(
        db, t.inventory, INVENTORY_COLUMNS, generate_inventory(stores, catalogue, stock_rng, pools)
    )
    log.info("demo: %d stock rows in %.1f s", n_stock, time.perf_counter() - started)

    logins, staff_ids = _create_staff(db, stores, fakers)
    channels = _create_channels(db)
    log.info("demo: %d staff, %d channels", len(logins), len(channels))

    orders = _DemoOrders(db, payments, stores, staff_ids, catalogue, pools, rng, fakers, now)
    main = next(s for s in stores if s.code == MAIN_STORE)
    plans = [orders.random_plan(main) for _ in range(ORDER_COUNT[size])]
    for plan in sorted(plans, key=lambda p: p.at):
        out = orders.place(plan)
        if out is not None:
            orders.drive(_Placed(plan, out))
    other = next(s for s in stores if s.code != MAIN_STORE and s.kind == "store")
    for store in (main, other):
        missing = _cover(orders, store, main)
        if missing:
            log.warning("demo: no %s fulfillments around %s", ", ".join(missing), store.code)
    short = _fill_counter(orders, main)
    if short:
        log.warning("demo: the %s counter lacks %s", main.code, short)
    short = fill_day(orders, main, _store_midnight(db, main, now))
    if short:
        log.warning("demo: the %s day lacks %s", main.code, short)
    log.info(
        "demo: %d orders placed (%d refused) in %.1f s",
        orders.placed,
        orders.failed,
        time.perf_counter() - started,
    )

    with db.write() as conn:
        # The seed's notices describe the past: count them as sent, not as a flood at start.
        n = t.notifications.c
        conn.execute(
            sa.update(t.notifications)
            .where(n.status == "pending")
            .values(status="sent", sent_at=n.created_at, attempts=1)
        )
        summary = {
            "chain": CHAIN_NAME,
            "size": size,
            "rng_seed": rng_seed,
            "main_store": MAIN_STORE,
            "seeded_at": now.isoformat(),
            "channels": [name for name, _ in CHANNELS],
        }
        conn.execute(sa.insert(t.settings).values(key=SETTING_KEY, value=summary))
        feed.touch(conn, Kind.SETTING, SETTING_KEY)
        boxes = [
            BoxType(code, BOX_NAMES.get(code, code), length, width, height).as_setting()
            for code, length, width, height in BOXES
        ]
        conn.execute(sa.insert(t.settings).values(key=BOX_TYPES_SETTING, value=boxes))
        feed.touch(conn, Kind.SETTING, BOX_TYPES_SETTING)
        for key, value in (
            (LOW_STOCK_UNITS_SETTING, LOW_STOCK_UNITS_DEFAULT),
            (AGED_PICKUP_DAYS_SETTING, AGED_PICKUP_DAYS_DEFAULT),
        ):
            conn.execute(sa.insert(t.settings).values(key=key, value=value))
            feed.touch(conn, Kind.SETTING, key)
    log.info("demo: seeded %s chain in %.1f s", size, time.perf_counter() - started)
    return DemoCredentials(
        size=size,
        main_store=MAIN_STORE,
        stores=tuple((s.code, s.city) for s in stores),
        staff=tuple(logins),
        channels=tuple(channels),
    )


def demo_credentials(db: Database) -> DemoCredentials | None:
    """The credentials of an already seeded demo, with fresh channel keys; None if not a demo.

    Staff logins are read back from the staff table (PINs are the demo PIN); channel API
    keys cannot be recovered from their hashes, so the demo channels get new keys (the old
    ones stop working).
    """
    with db.write() as conn:
        summary = _summary(conn)
        if summary is None:
            return None
        s, st = t.staff.c, t.stores.c
        stores = [
            (r.code, r.city)
            for r in conn.execute(
                sa.select(st.code, st.city).order_by(st.kind.desc(), st.id)  # stores, then DCs
            )
        ]
        staff = tuple(
            StaffLogin(r.code, r.username, Role(r.role), r.display_name, r.badge_id)
            for r in conn.execute(
                sa.select(s.username, s.role, s.display_name, s.badge_id, st.code)
                .select_from(t.staff.outerjoin(t.stores, st.id == s.store_id))
                .where(s.active.is_(True))
                .order_by(s.id)
            )
        )
        channels = []
        kinds = dict(CHANNELS)
        for name in summary.get("channels", []):
            token = new_token(TokenKind.CHANNEL)
            updated = conn.execute(
                sa.update(t.channels)
                .where(t.channels.c.name == name)
                .values(key_lookup=token.lookup, key_hash=token.hash)
            ).rowcount
            if updated and name in kinds:
                channels.append(ChannelKey(name, kinds[name], token.token))
    return DemoCredentials(
        size=str(summary.get("size", "?")),
        main_store=str(summary.get("main_store", MAIN_STORE)),
        stores=tuple(stores),
        staff=staff,
        channels=tuple(channels),
    )
