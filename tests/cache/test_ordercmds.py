"""Order modifications without Qt: an order's facts, the role rules, the arguments and the
validators' messages, and the one outbox command each change becomes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop_oms.cache import ordercmds, outbox
from desktop_oms.cache.apply import apply_changes
from desktop_oms.cache.db import CacheDB
from desktop_oms.cache.ordercmds import (
    OrderRefused,
    Permission,
    address_problems,
    approver_problem,
    change_quantity_args,
    contact_args,
    email_problem,
    facts_from_docs,
    permission,
    phone_problem,
    released,
)
from desktop_oms.domain.errors import PermissionDenied, StaleVersion
from desktop_oms.domain.roles import Role
from tests.cache import datagen
from tests.cache.datagen import change
from tests.cache.helpers import load_chain

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
ASSOCIATE, LEAD, MANAGER = 1, 2, 3


@pytest.fixture
def station(cache: CacheDB) -> CacheDB:
    """A store-1 station with three staff and a two-line pickup (2 lines: 1 and 2 units),
    one picking and one ready."""
    load_chain(cache, datagen.Chain(skus=20, stores=3))
    picking = datagen.fulfillment_doc(7, 1, status="picking", order_version=4)
    ready = datagen.fulfillment_doc(8, 1, status="ready_for_pickup", order_version=4)
    ready["order_number"] = ready["order"]["number"] = picking["order_number"]
    ready["lines"] = [dict(picking["lines"][1], quantity=1)]
    docs = [
        change("staff", "1", datagen.staff_doc(ASSOCIATE, 1, "associate")),
        change("staff", "2", datagen.staff_doc(LEAD, 1, "lead")),
        change("staff", "3", datagen.staff_doc(MANAGER, 1, "manager")),
        change("fulfillment", "7", picking),
        change("fulfillment", "8", ready),
    ]
    with cache.write() as conn:
        apply_changes(conn, docs)
    return cache


NUMBER = "WEB-1000007"


def test_facts_add_up_each_line_over_the_fulfillments(station: CacheDB) -> None:
    """Units still ordered per line, and how many can still change (not yet past picking)."""
    with station.read() as conn:
        facts = ordercmds.order_facts(conn, NUMBER)
        assert ordercmds.order_facts(conn, "WEB-0") is None
    assert facts is not None
    assert (facts.number, facts.version, facts.pickup, facts.pickup_store_id) == (
        NUMBER,
        4,
        True,
        1,
    )
    one, two = facts.lines
    assert (one.active, one.changeable, one.lowest) == (1, 1, 0)
    assert (two.active, two.changeable, two.lowest) == (3, 2, 1)
    assert facts.ready and facts.open and not facts.left
    assert facts.bins == ("P-008",)
    assert released(facts) == [
        f"1 × {one.name} ({one.sku})",
        f"3 × {two.name} ({two.sku})",
        "the goods in bin P-008 go back on the shelf",
    ]


def test_a_cancelled_fulfillment_counts_for_nothing() -> None:
    """Units of an ended fulfillment are not ordered any more."""
    done = datagen.fulfillment_doc(9, 1, status="cancelled")
    facts = facts_from_docs([done])
    assert [line.active for line in facts.lines] == [0, 0] and not facts.open


def test_role_rules_with_approval() -> None:
    """Changers change; an associate needs a manager; the fraud hold needs a manager even
    for a lead; contact edits and the ready notice are everyone's."""
    assert permission("change_quantity", Role.LEAD) is Permission.ALLOWED
    assert permission("cancel_line", Role.ASSOCIATE) is Permission.APPROVAL
    assert permission("release_fraud_hold", Role.LEAD) is Permission.APPROVAL
    assert permission("release_fraud_hold", Role.MANAGER) is Permission.ALLOWED
    assert permission("edit_contact", Role.ASSOCIATE) is Permission.ALLOWED
    assert permission("resend_ready_notice", Role.ASSOCIATE) is Permission.ALLOWED
    assert approver_problem("cancel_order", Role.MANAGER, "Ann") is None
    assert approver_problem("cancel_order", Role.LEAD, "Bo Smit") == (
        "Bo Smit is a lead: only a manager can approve this change."
    )
    assert approver_problem("cancel_order", Role.ASSOCIATE, "Ann").startswith("Ann is an associate")


def test_quantity_arguments_are_bounded(station: CacheDB) -> None:
    """Down to what is past picking, never up, never the same, always with a reason."""
    with station.read() as conn:
        facts = ordercmds.order_facts(conn, NUMBER)
    assert facts is not None
    assert change_quantity_args(facts, 2, 1, "customer_request") == {
        "line_no": 2,
        "quantity": 1,
        "reason": "customer_request",
    }
    for quantity, words in ((0, "cannot go below 1"), (3, "already has 3"), (4, "only be lowered")):
        with pytest.raises(OrderRefused, match=words):
            change_quantity_args(facts, 2, quantity, "customer_request")
    with pytest.raises(OrderRefused, match="Choose a reason"):
        change_quantity_args(facts, 2, 1, "")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "Enter the customer's e-mail address."),
        ("noor.example.com", "The e-mail address needs an @ (like name@example.com)."),
        ("noor @example.com", "The e-mail address cannot contain spaces."),
        ("a@b@example.com", "The e-mail address has more than one @."),
        ("noor@example", "The part after the @ needs a domain with a dot (like example.com)."),
        ("noor@example.com", None),
    ],
)
def test_email_messages(text: str, problem: str | None) -> None:
    """Each mistake in an e-mail address has its own message."""
    assert email_problem(text) == problem


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "Enter the customer's phone number."),
        ("06-12a45678", "A phone number has only digits, spaces and + - ( )."),
        ("06+12345678", "The + goes only at the start of the number (like +31 6 1234 5678)."),
        ("06 1234", "The phone number has 6 digits: it needs at least 8."),
        ("+31 6 1234 5678 9012 3", "The phone number has 16 digits: at most 15 are possible."),
        ("+31 (0)6 1234-5678", None),
    ],
)
def test_phone_messages(text: str, problem: str | None) -> None:
    """Each mistake in a phone number has its own message."""
    assert phone_problem(text) == problem


def test_address_problems_per_field() -> None:
    """A delivery address is checked field by field, the postal code by country."""
    good = {
        "name": "Noor Visser",
        "line1": "Keizersgracht 100",
        "postal_code": "1015 CV",
        "city": "Amsterdam",
        "country": "NL",
    }
    assert address_problems(good) == {}
    bad = address_problems({**good, "line1": "Keizersgracht", "postal_code": "10153", "city": ""})
    assert bad == {
        "line1": "The street line needs a house number.",
        "postal_code": "A postal code in NL is four digits and two letters, like 1012 JS.",
        "city": "Enter the town or city.",
    }
    assert address_problems({**good, "country": "US"})["country"].startswith("We deliver to NL")
    assert address_problems({**good, "country": "BE", "postal_code": "1000"}) == {}


def test_contact_arguments_only_what_changed(station: CacheDB) -> None:
    """Only changed fields are sent; an emptied alternate person is removed (None)."""
    with station.read() as conn:
        facts = ordercmds.order_facts(conn, NUMBER)
    assert facts is not None
    same = {"name": facts.customer_name, "email": facts.email, "phone": facts.phone}
    with pytest.raises(OrderRefused, match="Nothing was changed"):
        contact_args(facts, **same, alternate="")
    assert contact_args(facts, **{**same, "email": "new@example.nl"}, alternate="Sem") == {
        "email": "new@example.nl",
        "alternate_pickup_name": "Sem",
    }
    with pytest.raises(OrderRefused, match="needs an @"):
        contact_args(facts, **{**same, "email": "new"}, alternate="")


def test_queue_writes_one_order_command_with_the_approver(station: CacheDB) -> None:
    """The associate's cancel, approved by the manager, is one order command carrying both;
    without approval it is refused; a stale version is refused at once."""
    with station.write() as conn:
        with pytest.raises(PermissionDenied):
            ordercmds.queue(
                conn,
                action="cancel_order",
                number=NUMBER,
                base_version=4,
                args={"reason": "customer_request"},
                staff_id=ASSOCIATE,
                approved_by=None,
                now=NOW,
            )
        with pytest.raises(StaleVersion):
            ordercmds.queue(
                conn,
                action="cancel_line",
                number=NUMBER,
                base_version=3,
                args={"line_no": 1, "quantity": 0, "reason": "customer_request"},
                staff_id=LEAD,
                approved_by=None,
                now=NOW,
            )
        entry = ordercmds.queue(
            conn,
            action="cancel_order",
            number=NUMBER,
            base_version=4,
            args={"reason": "customer_request"},
            staff_id=ASSOCIATE,
            approved_by=MANAGER,
            now=NOW,
        )
    assert (entry.name, entry.target_kind, entry.target_key, entry.base_version) == (
        "cancel_order",
        "order",
        NUMBER,
        4,
    )
    assert (entry.staff_id, entry.approved_by) == (ASSOCIATE, MANAGER)
    with station.read() as conn:
        assert [e.seq for e in outbox.pending(conn)] == [entry.seq]
        facts = ordercmds.order_facts(conn, NUMBER)
    assert facts is not None and facts.pending and not facts.open  # predicted: cancelled
