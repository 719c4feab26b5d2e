"""The carrier interface: a shipment (one box) in, a label out; a label can be voided."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from desktop_oms.domain.shipping import ServiceLevel
from desktop_oms.protocol.sync import AddressDoc


class CarrierRefused(Exception):
    """The carrier will not take this parcel or void this label (the reason, for staff)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class CarrierUnavailable(Exception):
    """The carrier could not be reached or failed; the same request may be retried."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Shipment:
    """One box to send: from where, to whom, how fast, how heavy and big, our reference."""

    ship_from: AddressDoc
    ship_to: AddressDoc
    service: ServiceLevel
    reference: str
    box_index: int
    box_count: int
    weight_g: int
    length_cm: int
    width_cm: int
    height_cm: int


@dataclass(frozen=True, slots=True)
class Label:
    """A bought label: the carrier's tracking number and sort code, and its ZPL II text."""

    carrier: str
    carrier_name: str
    tracking: str
    routing_code: str
    zpl: str
    shipment: Shipment


class Carrier(Protocol):
    """A carrier: buys a label for one box, voids a label not yet handed over."""

    @property
    def id(self) -> str:
        """The carrier's id (``omspost``), as the ``ship`` command's ``carrier`` names it."""
        ...

    @property
    def name(self) -> str:
        """The carrier's name for people (``OMS Post``)."""
        ...

    def buy_label(self, shipment: Shipment) -> Label:
        """Buy a label for ``shipment``; CarrierRefused or CarrierUnavailable if not."""
        ...

    def void(self, tracking: str) -> None:
        """Cancel a label (it will not be charged); CarrierRefused if the carrier says no."""
        ...
