"""Carriers the server buys shipping labels from, behind one interface (:class:`Carrier`).

:func:`carrier_for` gives the carrier of an id bound to the caller's transaction (the
built-in OMS Post keeps its serial counter in the database). A carrier of a real network
would make an HTTP call in ``buy_label``; see docs/decisions.md ("Shipping labels").
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from desktop_oms.server.carriers.base import (
    Carrier,
    CarrierRefused,
    CarrierUnavailable,
    Label,
    Shipment,
)
from desktop_oms.server.carriers.omspost import OMSPOST_ID, OmsPost, db_serials

__all__ = [
    "CARRIER_IDS",
    "Carrier",
    "CarrierRefused",
    "CarrierUnavailable",
    "Label",
    "Shipment",
    "carrier_for",
]

#: The carriers this server can buy labels from.
CARRIER_IDS = (OMSPOST_ID,)


def carrier_for(carrier_id: str, conn: Connection) -> Carrier:
    """The carrier ``carrier_id`` working in ``conn``'s transaction; KeyError if unknown."""
    if carrier_id == OMSPOST_ID:
        return OmsPost(db_serials(conn, OMSPOST_ID))
    raise KeyError(carrier_id)
