"""Shipping labels over the staff API: buying a fulfillment's labels and voiding one.

A label is bought online (a carrier call): ``POST /fulfillments/{id}/labels`` with an
``Idempotency-Key``; ``POST /labels/{tracking}/void``. See docs/api.md ("Shipping labels").
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from desktop_oms.domain.shipping import ServiceLevel
from desktop_oms.protocol.base import WireModel
from desktop_oms.protocol.sync import FulfillmentDoc, LabelDoc

#: The built-in carrier's id (see ``server/carriers``).
DEFAULT_CARRIER = "omspost"


class LabelRequest(WireModel):
    """Buy one label per packed box from ``carrier`` at ``service`` level.

    Without ``service`` the label goes at the fulfillment's ``shipping_service``.
    """

    carrier: Annotated[str, Field(pattern=r"^[a-z0-9_]{2,40}$")] = DEFAULT_CARRIER
    service: ServiceLevel | None = None


class LabelsOut(WireModel):
    """The labels bought (one per box, in box order) and the fulfillment carrying them."""

    labels: list[LabelDoc]
    fulfillment: FulfillmentDoc


class VoidOut(WireModel):
    """The voided label and the fulfillment carrying it."""

    label: LabelDoc
    fulfillment: FulfillmentDoc
