"""OMS Post: the built-in carrier. It issues UPU S10 tracking numbers, sort codes from the
postcode, and a 4x6 in ZPL II label (812 x 1218 dots at 203 dpi) with a Code 128 barcode.

Its only state is the last serial it issued, kept in ``carrier_serials`` and counted up in
the caller's transaction (a row lock serializes buyers across workers), so a tracking
number is never issued twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from desktop_oms.domain.shipping import ServiceLevel, format_s10, is_s10, make_s10
from desktop_oms.protocol.sync import AddressDoc
from desktop_oms.server import schema as t
from desktop_oms.server.carriers.base import CarrierRefused, Label, Shipment

OMSPOST_ID = "omspost"
OMSPOST_NAME = "OMS Post"
#: S10 service indicators: C* parcels, E* express (EMS).
PREFIX = {ServiceLevel.STANDARD: "CP", ServiceLevel.EXPRESS: "EE"}
#: Serials start here (the first label is ``…40000001…``), 8 digits in all.
SERIAL_BASE = 40_000_000
#: The heaviest and longest parcel the carrier takes.
MAX_WEIGHT_G = 31_500
MAX_SIDE_CM = 120
#: Sorting hubs by the first digit of a Dutch postcode.
NL_HUBS = {
    "1": "AMS",
    "2": "HAG",
    "3": "RTM",
    "4": "BRD",
    "5": "EIN",
    "6": "MST",
    "7": "ZWL",
    "8": "LWR",
    "9": "GRQ",
}

#: Label geometry: 4 x 6 in at 203 dpi.
DPI = 203
WIDTH_DOTS = 812
HEIGHT_DOTS = 1218


def db_serials(conn: Connection, carrier: str) -> Callable[[], int]:
    """A counter of ``carrier``'s serials in ``conn``'s transaction (row-locked per call)."""
    c = t.carrier_serials.c

    def bump() -> int | None:
        return conn.execute(
            sa.update(t.carrier_serials)
            .where(c.carrier == carrier)
            .values(last_serial=c.last_serial + 1)
            .returning(c.last_serial)
        ).scalar_one_or_none()

    def next_serial() -> int:
        got = bump()
        if got is None:
            insert = (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(
                t.carrier_serials
            )
            conn.execute(
                insert.values(carrier=carrier, last_serial=SERIAL_BASE).on_conflict_do_nothing()
            )
            got = bump()
        assert got is not None
        return int(got)

    return next_serial


def routing_code(address: AddressDoc) -> str:
    """The sort code printed big on the label: country, hub, postcode area (``NL-AMS-10``)."""
    compact = re.sub(r"[^0-9A-Za-z]", "", address.postal_code).upper()
    area = compact[:2] or "00"
    hub = NL_HUBS[compact[0]] if address.country == "NL" and compact[:1] in NL_HUBS else "INT"
    return f"{address.country}-{hub}-{area}"


def _field(text: str) -> str:
    """Text safe inside ``^FD…^FS`` (no command or control prefixes)."""
    return re.sub(r"[\^~\r\n]", " ", text).strip()


def _kg(weight_g: int) -> str:
    return f"{weight_g / 1000:.2f} KG"


def _address_lines(address: AddressDoc) -> list[str]:
    lines = [address.line1]
    if address.line2:
        lines.append(address.line2)
    return lines


def label_zpl(label: Label, *, date: datetime) -> str:
    """The label as ZPL II for a 4x6 in label at 203 dpi (UTF-8 text, Code 128 tracking)."""
    s = label.shipment
    service = s.service.value.upper()
    out = [
        "^XA",
        "^CI28",
        f"^PW{WIDTH_DOTS}",
        f"^LL{HEIGHT_DOTS}",
        "^LH0,0",
        "^FX header: carrier and service ^FS",
        f"^FO30,30^A0N,60,60^FD{_field(label.carrier_name.upper())}^FS",
        f"^FO30,94^A0N,24,24^FDPARCEL - S10 {_field(s.ship_from.country)}^FS",
        "^FO512,26^GB270,90,90^FS",
        f"^FO512,50^FR^A0N,50,50^FB270,1,0,C^FD{service}^FS",
        "^FO30,130^GB752,4,4^FS",
        "^FX sender ^FS",
        "^FO30,146^A0N,22,22^FDFROM^FS",
    ]
    y = 172
    sender = [s.ship_from.name, *_address_lines(s.ship_from)]
    sender.append(f"{s.ship_from.postal_code} {s.ship_from.city} {s.ship_from.country}")
    for line in sender:
        out.append(f"^FO30,{y}^A0N,26,26^FB470,1,0,L^FD{_field(line)}^FS")
        y += 30
    out += [
        f"^FO520,146^A0N,22,22^FDBOX {s.box_index} OF {s.box_count}^FS",
        f"^FO520,176^A0N,44,44^FD{_kg(s.weight_g)}^FS",
        f"^FO520,226^A0N,24,24^FD{s.length_cm}x{s.width_cm}x{s.height_cm} CM^FS",
        f"^FO520,256^A0N,24,24^FD{date:%Y-%m-%d}^FS",
        "^FO30,300^GB752,4,4^FS",
        "^FX recipient ^FS",
        "^FO30,316^A0N,26,26^FDSHIP TO^FS",
    ]
    to = s.ship_to
    y = 352
    out.append(f"^FO60,{y}^A0N,50,50^FB722,1,0,L^FD{_field(to.name.upper())}^FS")
    y += 60
    for line in _address_lines(to):
        out.append(f"^FO60,{y}^A0N,42,42^FB722,1,0,L^FD{_field(line.upper())}^FS")
        y += 48
    out.append(
        f"^FO60,{y}^A0N,54,54^FB722,1,0,L^FD{_field(f'{to.postal_code} {to.city}'.upper())}^FS"
    )
    y += 62
    out.append(f"^FO60,{y}^A0N,42,42^FD{_field(to.country)}^FS")
    if to.phone:
        out.append(f"^FO300,{y + 8}^A0N,30,30^FDTEL {_field(to.phone)}^FS")
    out += [
        "^FO30,660^GB752,4,4^FS",
        "^FX sort code ^FS",
        "^FO30,676^A0N,22,22^FDROUTE^FS",
        f"^FO30,702^A0N,120,110^FD{_field(label.routing_code)}^FS",
        "^FO30,836^GB752,4,4^FS",
        "^FX tracking number, Code 128 (automatic subsets) ^FS",
        "^FO30,850^A0N,22,22^FDTRACKING^FS",
        f"^FO70,880^BY3,3,200^BCN,200,N,N,N,A^FD{label.tracking}^FS",
        f"^FO30,1092^A0N,40,40^FB752,1,0,C^FD{format_s10(label.tracking)}^FS",
        "^FO30,1140^GB752,4,4^FS",
        f"^FO30,1156^A0N,28,28^FDREF {_field(s.reference)}^FS",
        f"^FO420,1160^A0N,22,22^FB362,1,0,R^FD{_field(label.carrier_name)} {service}^FS",
        "^XZ",
    ]
    return "\n".join(out) + "\n"


class OmsPost:
    """The built-in carrier; ``serials`` hands out its serial numbers, ``clock`` the time."""

    id = OMSPOST_ID
    name = OMSPOST_NAME

    def __init__(
        self,
        serials: Callable[[], int],
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._serials = serials
        self._clock = clock

    def buy_label(self, shipment: Shipment) -> Label:
        """A label with a fresh S10 number; CarrierRefused for a parcel it does not take."""
        if shipment.weight_g <= 0:
            raise CarrierRefused(f"box {shipment.box_index}: weigh the box first")
        if shipment.weight_g > MAX_WEIGHT_G:
            raise CarrierRefused(
                f"box {shipment.box_index} weighs {shipment.weight_g / 1000:.1f} kg: "
                f"{OMSPOST_NAME} takes up to {MAX_WEIGHT_G / 1000:.1f} kg"
            )
        longest = max(shipment.length_cm, shipment.width_cm, shipment.height_cm)
        if longest > MAX_SIDE_CM:
            raise CarrierRefused(
                f"box {shipment.box_index} is {longest} cm long: "
                f"{OMSPOST_NAME} takes up to {MAX_SIDE_CM} cm"
            )
        to = shipment.ship_to
        if not to.postal_code.strip() or not to.line1.strip():
            raise CarrierRefused("the shipping address has no street or postcode")
        country = shipment.ship_from.country
        tracking = make_s10(PREFIX[shipment.service], self._serials(), country)
        label = Label(
            carrier=self.id,
            carrier_name=self.name,
            tracking=tracking,
            routing_code=routing_code(to),
            zpl="",
            shipment=shipment,
        )
        return replace(label, zpl=label_zpl(label, date=self._clock()))

    def void(self, tracking: str) -> None:
        """Void one of its labels: accepted for any well-formed OMS Post number."""
        if not is_s10(tracking) or tracking[:2] not in PREFIX.values():
            raise CarrierRefused(f"{tracking} is not an {OMSPOST_NAME} tracking number")
