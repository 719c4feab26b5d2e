"""Words that come from the domain or the server, in the station's language.

Reason codes are defined in :mod:`desktop_oms.domain.reasons` (Qt-free, English) and
synced from the server; the station shows their labels through :func:`reason_label`, which
looks each label up in the "Reasons" context of the catalogue. ``lupdate`` extracts only
literal strings, so every domain label is listed below (a test checks the list against the
domain); a label the server adds later shows in English until a catalogue has it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_oms.gui.marks import QT_TRANSLATE_NOOP

#: Every reason label of :data:`desktop_oms.domain.reasons.REASON_CODES`, for ``lupdate``.
REASON_LABELS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Reasons", "Address was wrong"),
    QT_TRANSLATE_NOOP("Reasons", "Customer asked for the change"),
    QT_TRANSLATE_NOOP("Reasons", "Customer asked to cancel"),
    QT_TRANSLATE_NOOP("Reasons", "Customer changed their mind"),
    QT_TRANSLATE_NOOP("Reasons", "Cycle count"),
    QT_TRANSLATE_NOOP("Reasons", "Damaged"),
    QT_TRANSLATE_NOOP("Reasons", "Damaged or unsellable"),
    QT_TRANSLATE_NOOP("Reasons", "Duplicate order"),
    QT_TRANSLATE_NOOP("Reasons", "Found stock"),
    QT_TRANSLATE_NOOP("Reasons", "Item damaged"),
    QT_TRANSLATE_NOOP("Reasons", "Item not found on the shelf"),
    QT_TRANSLATE_NOOP("Reasons", "No stock anywhere"),
    QT_TRANSLATE_NOOP("Reasons", "Not collected by the deadline"),
    QT_TRANSLATE_NOOP("Reasons", "Not what was ordered"),
    QT_TRANSLATE_NOOP("Reasons", "Order changed after packing"),
    QT_TRANSLATE_NOOP("Reasons", "Other"),
    QT_TRANSLATE_NOOP("Reasons", "Past its best-before date"),
    QT_TRANSLATE_NOOP("Reasons", "Payment failed"),
    QT_TRANSLATE_NOOP("Reasons", "Pickup store cannot serve the order"),
    QT_TRANSLATE_NOOP("Reasons", "Receiving error"),
    QT_TRANSLATE_NOOP("Reasons", "Repack into other boxes"),
    QT_TRANSLATE_NOOP("Reasons", "Returned to stock"),
    QT_TRANSLATE_NOOP("Reasons", "Store cannot fulfil in time"),
    QT_TRANSLATE_NOOP("Reasons", "Suspected fraud"),
    QT_TRANSLATE_NOOP("Reasons", "Theft or loss"),
    QT_TRANSLATE_NOOP("Reasons", "Wrong item in the location"),
    QT_TRANSLATE_NOOP("Reasons", "Wrong item packed"),
    QT_TRANSLATE_NOOP("Reasons", "Wrong size or fit"),
)


def reason_label(label: str) -> str:
    """A reason's label (as the domain or the server gives it) in the station's language."""
    return QCoreApplication.translate("Reasons", label)


#: Staff roles as the station names them (context "Roles"; :func:`role_label` translates).
ROLE_LABELS: dict[str, str] = {
    "associate": QT_TRANSLATE_NOOP("Roles", "associate"),
    "lead": QT_TRANSLATE_NOOP("Roles", "lead"),
    "manager": QT_TRANSLATE_NOOP("Roles", "manager"),
    "customer_service": QT_TRANSLATE_NOOP("Roles", "customer service"),
    "admin": QT_TRANSLATE_NOOP("Roles", "admin"),
}


def role_label(role: str) -> str:
    """A staff role (``Role.value``, e.g. ``customer_service``) in the station's language,
    lower case as in a sentence; an unknown role reads as its code."""
    label = ROLE_LABELS.get(str(role))
    if label is None:
        return str(role).replace("_", " ")
    return QCoreApplication.translate("Roles", label)
