"""A refused action in the station's language: :func:`error_text` of a domain error.

The domain's errors (:mod:`desktop_oms.domain.errors`) carry an English ``message`` for
logs and the wire, a stable ``code`` per kind, and, where staff often meet them, ``why``
(the case) and ``values`` (what the sentence needs). In English :func:`error_text` is the
message itself; in another language it is a sentence per case worded here, else a sentence
per code, so no English reaches the screen. A server's own words (a refusal's reason sent
back) are not domain errors raised here and are shown as they came.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_oms.domain.errors import DomainError, InvalidCode
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.scanwords import bad_scan_detail, speaks_english
from desktop_oms.gui.words import role_label

CONTEXT = "ErrorText"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


#: What staff tried to do (status actions and command names), as "you cannot ___".
ACTIONS = {
    "start_picking": QT_TRANSLATE_NOOP("ErrorText", "start picking"),
    "mark_ready": QT_TRANSLATE_NOOP("ErrorText", "mark ready"),
    "hand_over": QT_TRANSLATE_NOOP("ErrorText", "hand over"),
    "pack": QT_TRANSLATE_NOOP("ErrorText", "pack"),
    "unpack": QT_TRANSLATE_NOOP("ErrorText", "unpack"),
    "ship": QT_TRANSLATE_NOOP("ErrorText", "ship"),
    "dispatch_transfer": QT_TRANSLATE_NOOP("ErrorText", "send to the pickup store"),
    "receive_transfer": QT_TRANSLATE_NOOP("ErrorText", "receive from another store"),
    "cancel": QT_TRANSLATE_NOOP("ErrorText", "cancel"),
    "expire": QT_TRANSLATE_NOOP("ErrorText", "let expire"),
    "reject": QT_TRANSLATE_NOOP("ErrorText", "reject"),
    "reject_line": QT_TRANSLATE_NOOP("ErrorText", "reject a line"),
    "change_quantity": QT_TRANSLATE_NOOP("ErrorText", "change a quantity"),
    "cancel_order": QT_TRANSLATE_NOOP("ErrorText", "cancel the order"),
    "change_pickup_store": QT_TRANSLATE_NOOP("ErrorText", "change the pickup store"),
    "release_fraud_hold": QT_TRANSLATE_NOOP("ErrorText", "release the fraud hold"),
    "change_delivery": QT_TRANSLATE_NOOP("ErrorText", "change the delivery"),
    "replace_item": QT_TRANSLATE_NOOP("ErrorText", "replace an item"),
    "edit_contact": QT_TRANSLATE_NOOP("ErrorText", "edit the contact details"),
    "resend_ready_notice": QT_TRANSLATE_NOOP("ErrorText", "send the ready notice again"),
    "adjust_inventory": QT_TRANSLATE_NOOP("ErrorText", "correct the stock"),
    "return_to_stock": QT_TRANSLATE_NOOP("ErrorText", "put back in stock"),
}

#: A fulfillment's status, as "it is ___".
STATUSES = {
    "open": QT_TRANSLATE_NOOP("ErrorText", "open"),
    "picking": QT_TRANSLATE_NOOP("ErrorText", "being picked"),
    "packed": QT_TRANSLATE_NOOP("ErrorText", "packed"),
    "in_transit": QT_TRANSLATE_NOOP("ErrorText", "on its way"),
    "arrived": QT_TRANSLATE_NOOP("ErrorText", "arrived"),
    "ready_for_pickup": QT_TRANSLATE_NOOP("ErrorText", "ready for pickup"),
    "handed_over": QT_TRANSLATE_NOOP("ErrorText", "handed over"),
    "shipped": QT_TRANSLATE_NOOP("ErrorText", "shipped"),
    "cancelled": QT_TRANSLATE_NOOP("ErrorText", "cancelled"),
    "expired": QT_TRANSLATE_NOOP("ErrorText", "expired"),
    "rejected": QT_TRANSLATE_NOOP("ErrorText", "rejected"),
}

#: What an action can lack (status requirements and the ID check's fields).
NEEDS = {
    "bin": QT_TRANSLATE_NOOP("ErrorText", "a bin"),
    "verification": QT_TRANSLATE_NOOP("ErrorText", "a check of the pickup code or ID"),
    "reason": QT_TRANSLATE_NOOP("ErrorText", "a reason"),
    "tracking": QT_TRANSLATE_NOOP("ErrorText", "a tracking number"),
    "boxes": QT_TRANSLATE_NOOP("ErrorText", "the boxes"),
    "collector_name": QT_TRANSLATE_NOOP("ErrorText", "the collector's name"),
    "id_type": QT_TRANSLATE_NOOP("ErrorText", "the kind of ID"),
    "id_last_digits": QT_TRANSLATE_NOOP("ErrorText", "the last digits of the ID"),
}

#: A sentence per case (``DomainError.why``); ``{…}`` fields from ``values``.
CASES = {
    "transition": QT_TRANSLATE_NOOP("ErrorText", "You cannot {action} this order: it is {status}."),
    "role": QT_TRANSLATE_NOOP("ErrorText", "As {role} you may not do this: {action}."),
    "requirements": QT_TRANSLATE_NOOP("ErrorText", "To {action}, this is still needed: {missing}."),
    "not_restockable": QT_TRANSLATE_NOOP(
        "ErrorText", "Only an expired or cancelled pickup goes back to stock; this one is {status}."
    ),
    "never_staged": QT_TRANSLATE_NOOP(
        "ErrorText", "This order was never put in a bin: there is nothing to put back."
    ),
    "returned": QT_TRANSLATE_NOOP("ErrorText", "These goods were already put back in stock."),
    "reason": QT_TRANSLATE_NOOP("ErrorText", "Choose a reason from the list."),
    "code": QT_TRANSLATE_NOOP("ErrorText", "“{raw}” is not a valid code."),
    "version": QT_TRANSLATE_NOOP(
        "ErrorText", "This was changed meanwhile: look at it again and retry."
    ),
    "other_store": QT_TRANSLATE_NOOP("ErrorText", "This belongs to another store."),
    "pickup_code": QT_TRANSLATE_NOOP("ErrorText", "The pickup code does not match this order."),
    "id_check": QT_TRANSLATE_NOOP("ErrorText", "The ID check still needs: {missing}."),
    "line": QT_TRANSLATE_NOOP("ErrorText", "Line {line} is not part of this order."),
    "refuse_too_many": QT_TRANSLATE_NOOP(
        "ErrorText", "Line {line}: you cannot refuse {quantity}, only {left} to hand over."
    ),
    "all_refused": QT_TRANSLATE_NOOP(
        "ErrorText", "Every item was refused: cancel the order instead."
    ),
    "carrier": QT_TRANSLATE_NOOP("ErrorText", "Choose a carrier before shipping."),
    "wrong_bin": QT_TRANSLATE_NOOP(
        "ErrorText", "This order was in bin {bin}, not in bin {scanned}."
    ),
    "reject_status": QT_TRANSLATE_NOOP(
        "ErrorText", "You cannot reject lines of this order: it is {status}."
    ),
    "reject_too_many": QT_TRANSLATE_NOOP(
        "ErrorText", "Line {line}: you cannot reject {quantity}, only {left} left."
    ),
    "order_not_here": QT_TRANSLATE_NOOP("ErrorText", "This order is not at this station."),
    "nothing_to_cancel": QT_TRANSLATE_NOOP(
        "ErrorText", "Order {number} has nothing left to cancel."
    ),
    "not_on_review": QT_TRANSLATE_NOOP("ErrorText", "Order {number} is not on fraud review."),
    "nothing_to_change": QT_TRANSLATE_NOOP(
        "ErrorText", "Order {number} has nothing left to change."
    ),
    "unchanged": QT_TRANSLATE_NOOP(
        "ErrorText", "Nothing changed: the details given are the current ones."
    ),
    "nothing_ready": QT_TRANSLATE_NOOP(
        "ErrorText", "Order {number} has nothing ready for pickup: there is no notice to send."
    ),
    "sku": QT_TRANSLATE_NOOP("ErrorText", "There is no product with SKU {sku}."),
    "negative_count": QT_TRANSLATE_NOOP("ErrorText", "A counted quantity cannot be negative."),
    "below_zero": QT_TRANSLATE_NOOP(
        "ErrorText", "The stock of {sku} cannot go below zero (on hand: {on_hand})."
    ),
}

#: A sentence per kind of error (``DomainError.code``), when the case is not known here.
CODES = {
    "domain_error": QT_TRANSLATE_NOOP("ErrorText", "This cannot be done."),
    "invalid_code": QT_TRANSLATE_NOOP("ErrorText", "This is not a valid code."),
    "illegal_transition": QT_TRANSLATE_NOOP(
        "ErrorText", "This cannot be done with the order as it is now."
    ),
    "permission_denied": QT_TRANSLATE_NOOP("ErrorText", "Your role may not do this."),
    "missing_requirement": QT_TRANSLATE_NOOP(
        "ErrorText", "Something is still missing: check the form."
    ),
    "stale_version": CASES["version"],
    "insufficient_stock": QT_TRANSLATE_NOOP("ErrorText", "There is not enough stock for this."),
    "verification_failed": QT_TRANSLATE_NOOP("ErrorText", "The check did not match."),
    "out_of_scope": CASES["other_store"],
    "not_found": QT_TRANSLATE_NOOP("ErrorText", "This was not found at this station."),
}


def _word(table: dict[str, str], value: str) -> str:
    """``value`` (a code) in words: from ``table`` translated, else the code readable."""
    label = table.get(value)
    return _tr(label) if label is not None else value.replace("_", " ")


def _values(exc: DomainError) -> dict[str, str]:
    """The error's values with codes turned into words of the station's language."""
    values = dict(exc.values)
    if "action" in values:
        values["action"] = _word(ACTIONS, values["action"])
    if "status" in values:
        values["status"] = _word(STATUSES, values["status"])
    if "role" in values:
        values["role"] = role_label(values["role"])
    if "missing" in values:
        values["missing"] = ", ".join(
            _word(NEEDS, name.strip()) for name in values["missing"].split(",")
        )
    return values


def error_text(exc: BaseException) -> str:
    """What staff read about a refused action, in the station's language.

    English: the error's own message. Another language: the sentence of its case, else of
    its kind; an exception that is no domain error gives its text as it is.
    """
    if not isinstance(exc, DomainError):
        return str(exc)
    if speaks_english():
        return exc.message
    case = CASES.get(exc.why)
    if case is not None:
        try:
            text = _tr(case).format(**_values(exc))
        except (KeyError, IndexError):  # a raise site without all the values
            text = ""
        if text:
            if isinstance(exc, InvalidCode):
                detail = bad_scan_detail(exc.reason)
                text = f"{text} {detail[:1].upper()}{detail[1:]}." if detail else text
            return text
    return _tr(CODES.get(exc.code, CODES["domain_error"]))
