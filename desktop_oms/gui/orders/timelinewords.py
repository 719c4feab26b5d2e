"""An order's timeline entries in the station's language.

:mod:`desktop_oms.cache.orders` words each entry in English from the server's audit trail
(``Quantity changed (fulfillment 12): line 1, 2 units``) or from the cached documents
(``Ready for pickup in bin A-21 (fulfillment 12)``), the same for logs, tests and every
station. The Orders page shows them through :func:`entry_text`, which recognises those
few shapes and says them again from the catalogue; a shape it does not know is shown as
it came. Reason codes (``damaged``) become their labels (:func:`why_text`).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from desktop_oms.domain.reasons import REASON_CODES
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.words import reason_label

#: The English of :mod:`desktop_oms.cache.orders`' actions and endings, for the catalogue.
HEADS = (
    QT_TRANSLATE_NOOP("OrderTimeline", "Order placed"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Re-routed to another store"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Picking started"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Ready for pickup"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Handed over to the customer"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Packed"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Unpacked"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Shipped"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Sent to the pickup store"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Received at the pickup store"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Cancelled"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Expired: not collected in time"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Line rejected by the store"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Quantity changed"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Order cancelled"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Pickup store changed"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Fraud hold released"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Goods back on the shelf"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Delivery changed"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Item replaced"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Contact details changed"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Ready-for-pickup notice sent again"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Shipping labels bought"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Shipping label voided"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Collected by the customer"),
    QT_TRANSLATE_NOOP("OrderTimeline", "Rejected by the store"),
)
#: Fulfillment methods and channels as the cache words them ("store pickup", "call centre").
WORDS = {
    "store pickup": QT_TRANSLATE_NOOP("OrderTimeline", "store pickup"),
    "ship to store": QT_TRANSLATE_NOOP("OrderTimeline", "ship to store"),
    "ship from store": QT_TRANSLATE_NOOP("OrderTimeline", "ship from store"),
    "delivery": QT_TRANSLATE_NOOP("OrderTimeline", "delivery"),
    "pickup": QT_TRANSLATE_NOOP("OrderTimeline", "pickup"),
    "web": QT_TRANSLATE_NOOP("OrderTimeline", "web"),
    "marketplace": QT_TRANSLATE_NOOP("OrderTimeline", "marketplace"),
    "call centre": QT_TRANSLATE_NOOP("OrderTimeline", "call centre"),
}
#: Reason codes and their labels; a code of several kinds ("damaged": a rejection, an
#: adjustment) reads as its first, the picking one.
_LABELS: dict[str, str] = {}
for _reason in REASON_CODES:
    _LABELS.setdefault(_reason.code, _reason.label)

_PLACED = re.compile(r"Order placed \((.+)\)$")
_CREATED = re.compile(r"Fulfillment (\d+): (.+) at (.*)$")
_REJECTED = re.compile(r"(\d+) × (\S+) \(line (\d+)\) rejected at (.*)$")
_RETURNED = re.compile(r"Goods of fulfillment (\d+) back on the shelf$")
_IN_BIN = re.compile(r" in bin (\S+)")
_OF = re.compile(r" \(fulfillment (\S+)\)")
_LINE = re.compile(r"line (\d+)$")
_UNITS = re.compile(r"(\d+) units?$")
_VIA = re.compile(r"via (.+)$")


def _tr(text: str) -> str:
    return QCoreApplication.translate("OrderTimeline", text)


def _word(text: str) -> str:
    known = WORDS.get(text)
    return _tr(known) if known else text


def _detail(part: str) -> str:
    """One detail of a server entry (``line 1``, ``2 units``, ``→ UTR1``, ``via web``)."""
    if (found := _LINE.match(part)) is not None:
        return QCoreApplication.translate("OrderTimeline", "line {line}").format(
            line=found.group(1)
        )
    if (found := _UNITS.match(part)) is not None:
        count = int(found.group(1))
        if count == 1:
            return QCoreApplication.translate("OrderTimeline", "1 unit")
        return QCoreApplication.translate("OrderTimeline", "{count} units").format(count=count)
    if (found := _VIA.match(part)) is not None:
        return QCoreApplication.translate("OrderTimeline", "via {channel}").format(
            channel=_word(found.group(1))
        )
    return _word(part)


def entry_text(what: str) -> str:
    """A timeline entry's "what" (as :mod:`desktop_oms.cache.orders` words it) in the
    station's language."""
    if (found := _PLACED.match(what)) is not None:
        return QCoreApplication.translate("OrderTimeline", "Order placed ({channel})").format(
            channel=_word(found.group(1).replace("_", " "))
        )
    if (found := _CREATED.match(what)) is not None:
        return QCoreApplication.translate(
            "OrderTimeline", "Fulfillment {id}: {method} at {store}"
        ).format(id=found.group(1), method=_word(found.group(2)), store=found.group(3))
    if (found := _REJECTED.match(what)) is not None:
        return QCoreApplication.translate(
            "OrderTimeline", "{count} × {sku} (line {line}) rejected at {store}"
        ).format(
            count=found.group(1), sku=found.group(2), line=found.group(3), store=found.group(4)
        )
    if (found := _RETURNED.match(what)) is not None:
        return QCoreApplication.translate(
            "OrderTimeline", "Goods of fulfillment {id} back on the shelf"
        ).format(id=found.group(1))
    head = next((h for h in sorted(HEADS, key=len, reverse=True) if what.startswith(h)), None)
    if head is None:
        return what
    rest, text = what[len(head) :], _tr(head)
    if (found := _IN_BIN.match(rest)) is not None:
        text += " " + QCoreApplication.translate("OrderTimeline", "in bin {bin}").format(
            bin=found.group(1)
        )
        rest = rest[found.end() :]
    if (found := _OF.match(rest)) is not None:
        text += " " + QCoreApplication.translate("OrderTimeline", "(fulfillment {id})").format(
            id=found.group(1)
        )
        rest = rest[found.end() :]
    if rest.startswith(": "):
        text += ": " + ", ".join(_detail(p) for p in rest[2:].split(", "))
        rest = ""
    return text + rest


def why_text(why: str) -> str:
    """A timeline entry's "why": a reason code as its label (``damaged`` -> "Item
    damaged"), a note as written."""
    parts = [p.strip() for p in why.split(" — ")]
    return " — ".join(
        reason_label(_LABELS[p]) if p in _LABELS else p.replace("_", " ") for p in parts
    )
