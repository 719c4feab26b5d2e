"""Shipping labels: tracking numbers (UPU S10), service levels, label states and the rules
that tie a label to the ``ship`` command. Used by the server and the station alike.

A label is bought per packed box from a carrier; it is ``active`` until voided. A
fulfillment with active labels ships under one of their tracking numbers and their
carrier; a tracking number of a carrier we buy labels from is never typed in by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

from desktop_oms.domain.errors import IllegalTransition, PermissionDenied, VerificationFailed
from desktop_oms.domain.roles import Role


class ServiceLevel(StrEnum):
    """How fast the carrier delivers."""

    STANDARD = "standard"
    EXPRESS = "express"


class LabelStatus(StrEnum):
    """A label is active until voided (a voided label must not be used)."""

    ACTIVE = "active"
    VOID = "void"


#: Who may buy a label (the floor) and who may void one (a lead or above).
LABEL_BUYERS = frozenset({Role.ASSOCIATE, Role.LEAD, Role.MANAGER, Role.ADMIN})
LABEL_VOIDERS = frozenset({Role.LEAD, Role.MANAGER, Role.ADMIN})

#: Carriers whose labels this system buys: their tracking numbers come from a label only.
LABEL_CARRIERS = frozenset({"omspost"})

_S10 = re.compile(r"^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$")
_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def s10_check_digit(serial: str) -> int:
    """The UPU S10 check digit of an 8-digit serial (weights 8 6 4 2 3 5 9 7, mod 11)."""
    if len(serial) != 8 or not serial.isdigit():
        raise ValueError(f"an S10 serial is 8 digits, not {serial!r}")
    total = sum(int(d) * w for d, w in zip(serial, _S10_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: 0, 11: 5}.get(check, check)


def make_s10(prefix: str, serial: int, country: str) -> str:
    """An S10 tracking number: 2-letter service indicator, serial, check digit, country."""
    if not re.fullmatch(r"[A-Z]{2}", prefix) or not re.fullmatch(r"[A-Z]{2}", country):
        raise ValueError(f"S10 needs 2-letter prefix and country, not {prefix!r}/{country!r}")
    if not 0 < serial < 100_000_000:
        raise ValueError(f"S10 serial {serial} is out of range")
    digits = f"{serial:08d}"
    return f"{prefix}{digits}{s10_check_digit(digits)}{country}"


def is_s10(text: str) -> bool:
    """Whether ``text`` is a well-formed S10 tracking number with a correct check digit."""
    match = _S10.match(text)
    return match is not None and s10_check_digit(match.group(2)) == int(match.group(3))


def format_s10(text: str) -> str:
    """``CP000012347NL`` as printed for people: ``CP 0000 1234 7 NL``."""
    match = _S10.match(text)
    if match is None:
        return text
    prefix, serial, check, country = match.groups()
    return f"{prefix} {serial[:4]} {serial[4:]} {check} {country}"


def active_labels(labels: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The labels (``LabelDoc`` dicts) still active, in box order."""
    live = [x for x in labels if x.get("status") == LabelStatus.ACTIVE.value]
    return sorted(live, key=lambda x: int(x.get("box_index", 0)))


def check_ship_tracking(labels: Iterable[Mapping[str, Any]], carrier: str, tracking: str) -> None:
    """Refuse a ``ship`` whose carrier and tracking do not match the fulfillment's labels.

    With active labels, ship under one of their tracking numbers and their carrier. With
    none, a carrier we buy labels from is refused (buy the label first); any other carrier's
    number (a label made outside this system) is taken as typed.
    """
    live = active_labels(labels)
    if live:
        numbers = [str(x["tracking"]) for x in live]
        if tracking not in numbers:
            raise VerificationFailed(
                f"tracking {tracking} is not on this parcel's labels ({', '.join(numbers)})"
            )
        if carrier != live[0]["carrier"]:
            raise VerificationFailed(
                f"the labels are from {live[0]['carrier']}, not from {carrier}"
            )
        return
    if carrier in LABEL_CARRIERS:
        raise IllegalTransition(f"buy the {carrier} label first: there is no active label")


def check_label_role(role: Role, *, void: bool = False) -> None:
    """Refuse a role that may not buy (or void) labels."""
    allowed = LABEL_VOIDERS if void else LABEL_BUYERS
    if role not in allowed:
        what = "void" if void else "buy"
        raise PermissionDenied(f"a {role.value} may not {what} shipping labels")
