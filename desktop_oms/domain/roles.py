"""Staff roles and what each may do beyond the command table."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """A staff member's role; store roles are scoped to one store, the others to the chain."""

    ASSOCIATE = "associate"
    LEAD = "lead"
    MANAGER = "manager"
    CUSTOMER_SERVICE = "customer_service"
    ADMIN = "admin"

    @property
    def chain_wide(self) -> bool:
        """Whether this role sees every store (customer service and admin) or only its own."""
        return self in (Role.CUSTOMER_SERVICE, Role.ADMIN)


STORE_ROLES = frozenset({Role.ASSOCIATE, Role.LEAD, Role.MANAGER})
ALL_ROLES = frozenset(Role)
LEADS_AND_UP = frozenset({Role.LEAD, Role.MANAGER, Role.ADMIN})
MANAGERS = frozenset({Role.MANAGER, Role.ADMIN})
