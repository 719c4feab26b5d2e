"""Why an order change cannot be made, in the station's language.

:mod:`desktop_oms.cache.ordercmds` checks a change (a quantity, an address, contact
details) without Qt and says what is wrong in English, for logs and tests alike. The
dialogs show that message through :func:`refusal_text`, which knows each of its shapes
and says it again from the catalogue; a message it does not know (a server's own, a new
check) is shown as it came. :func:`released_text` words what cancelling an order gives
back (:func:`desktop_oms.cache.ordercmds.released`, from the same facts).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from desktop_oms.cache.ordercmds import OrderFacts
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP

#: Messages without anything filled in, as the checks word them.
_FIXED = (
    QT_TRANSLATE_NOOP(
        "OrderRefusals", "A quantity can only be lowered; place a new order for more."
    ),
    QT_TRANSLATE_NOOP("OrderRefusals", "Choose a reason."),
    QT_TRANSLATE_NOOP("OrderRefusals", "Enter the customer's e-mail address."),
    QT_TRANSLATE_NOOP("OrderRefusals", "The e-mail address needs an @ (like name@example.com)."),
    QT_TRANSLATE_NOOP("OrderRefusals", "The e-mail address cannot contain spaces."),
    QT_TRANSLATE_NOOP("OrderRefusals", "The e-mail address has more than one @."),
    QT_TRANSLATE_NOOP(
        "OrderRefusals", "The part after the @ needs a domain with a dot (like example.com)."
    ),
    QT_TRANSLATE_NOOP("OrderRefusals", "Enter the customer's phone number."),
    QT_TRANSLATE_NOOP("OrderRefusals", "A phone number has only digits, spaces and + - ( )."),
    QT_TRANSLATE_NOOP(
        "OrderRefusals", "The + goes only at the start of the number (like +31 6 1234 5678)."
    ),
    QT_TRANSLATE_NOOP("OrderRefusals", "Enter the street and house number."),
    QT_TRANSLATE_NOOP("OrderRefusals", "The street line needs a house number."),
    QT_TRANSLATE_NOOP("OrderRefusals", "Enter the postal code."),
    QT_TRANSLATE_NOOP("OrderRefusals", "Enter the town or city."),
    QT_TRANSLATE_NOOP("OrderRefusals", "Nothing was changed."),
)
#: Whose name a name check is about ("Enter the {who}.").
_WHO = {
    "name": QT_TRANSLATE_NOOP("OrderRefusals", "name"),
    "recipient's name": QT_TRANSLATE_NOOP("OrderRefusals", "recipient's name"),
    "customer's name": QT_TRANSLATE_NOOP("OrderRefusals", "customer's name"),
    "collector's name": QT_TRANSLATE_NOOP("OrderRefusals", "collector's name"),
}
#: How a postal code of each country is written.
_POSTAL = {
    "four digits and two letters, like 1012 JS": QT_TRANSLATE_NOOP(
        "OrderRefusals", "four digits and two letters, like 1012 JS"
    ),
    "four digits, like 1000": QT_TRANSLATE_NOOP("OrderRefusals", "four digits, like 1000"),
    "five digits, like 10115": QT_TRANSLATE_NOOP("OrderRefusals", "five digits, like 10115"),
    "five digits, like 75001": QT_TRANSLATE_NOOP("OrderRefusals", "five digits, like 75001"),
    "four digits, like 1009": QT_TRANSLATE_NOOP("OrderRefusals", "four digits, like 1009"),
}
_ALREADY = re.compile(r"Line (\d+) already has (\d+): choose another quantity\.$")
_LOWEST = re.compile(
    r"(\d+) of line (\d+) is already picked, packed or handed over: it cannot go below \d+\.$"
)
_DIGITS_FEW = re.compile(r"The phone number has (\d+) digits: it needs at least 8\.$")
_DIGITS_MANY = re.compile(r"The phone number has (\d+) digits: at most 15 are possible\.$")
_ENTER = re.compile(r"Enter the (.+)\.$")
_SHORT = re.compile(r"The (.+) is too short\.$")
_LONG = re.compile(r"The (.+) is too long \(at most 120 characters\)\.$")
_COUNTRIES = re.compile(r"We deliver to (.+) only\.$")
_POSTAL_IS = re.compile(r"A postal code in (\w+) is (.+)\.$")


def _tr(text: str) -> str:
    return QCoreApplication.translate("OrderRefusals", text)


def _one(message: str) -> str:
    """One sentence of a refusal in the station's language (as it came when unknown)."""
    if message in _FIXED:
        return _tr(message)
    if (found := _ALREADY.match(message)) is not None:
        return QCoreApplication.translate(
            "OrderRefusals", "Line {line} already has {quantity}: choose another quantity."
        ).format(line=found.group(1), quantity=found.group(2))
    if (found := _LOWEST.match(message)) is not None:
        return QCoreApplication.translate(
            "OrderRefusals",
            "{count} of line {line} is already picked, packed or handed over: "
            "it cannot go below {count}.",
        ).format(count=found.group(1), line=found.group(2))
    if (found := _DIGITS_FEW.match(message)) is not None:
        return QCoreApplication.translate(
            "OrderRefusals", "The phone number has {count} digits: it needs at least 8."
        ).format(count=found.group(1))
    if (found := _DIGITS_MANY.match(message)) is not None:
        return QCoreApplication.translate(
            "OrderRefusals", "The phone number has {count} digits: at most 15 are possible."
        ).format(count=found.group(1))
    if (found := _ENTER.match(message)) is not None and found.group(1) in _WHO:
        return QCoreApplication.translate("OrderRefusals", "Enter the {who}.").format(
            who=_tr(_WHO[found.group(1)])
        )
    if (found := _SHORT.match(message)) is not None and found.group(1) in _WHO:
        return QCoreApplication.translate("OrderRefusals", "The {who} is too short.").format(
            who=_tr(_WHO[found.group(1)])
        )
    if (found := _LONG.match(message)) is not None and found.group(1) in _WHO:
        return QCoreApplication.translate(
            "OrderRefusals", "The {who} is too long (at most 120 characters)."
        ).format(who=_tr(_WHO[found.group(1)]))
    if (found := _COUNTRIES.match(message)) is not None:
        return QCoreApplication.translate(
            "OrderRefusals", "We deliver to {countries} only."
        ).format(countries=found.group(1))
    if (found := _POSTAL_IS.match(message)) is not None and found.group(2) in _POSTAL:
        return QCoreApplication.translate(
            "OrderRefusals", "A postal code in {country} is {format}."
        ).format(country=found.group(1), format=_tr(_POSTAL[found.group(2)]))
    return message


def refusal_text(message: str) -> str:
    """A refusal of :mod:`desktop_oms.cache.ordercmds` (one sentence, or an address's
    problems joined by spaces) in the station's language."""
    known = _one(message)
    if known != message or message in _FIXED:
        return known
    sentences = re.split(r"(?<=\.) (?=[A-Z])", message)
    return " ".join(_one(s) for s in sentences) if len(sentences) > 1 else message


def released_text(facts: OrderFacts) -> list[str]:
    """What cancelling the whole order gives back, one phrase per line or bin."""
    out = [f"{line.active} × {line.name} ({line.sku})" for line in facts.lines if line.active > 0]
    out += [
        QCoreApplication.translate(
            "OrderRefusals", "the goods in bin {bin} go back on the shelf"
        ).format(bin=b)
        for b in facts.bins
    ]
    return out
