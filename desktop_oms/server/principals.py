"""Who is calling: a signed-in staff member, an enrolled station, or a sales channel."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_oms.domain.entities import Channel
from desktop_oms.domain.roles import Role


@dataclass(frozen=True, slots=True)
class StaffPrincipal:
    """A staff session: store scope (None for chain-wide roles) and role."""

    staff_id: int
    store_id: int | None
    role: Role
    session_id: int
    station_id: int | None

    def may_see_store(self, store_id: int | None) -> bool:
        """Whether this staff member may read or change data of ``store_id``."""
        return self.role.chain_wide or (store_id is not None and store_id == self.store_id)


@dataclass(frozen=True, slots=True)
class StationPrincipal:
    """An enrolled station of one store, identified by its sync client id."""

    station_id: int
    store_id: int
    client_id: str


@dataclass(frozen=True, slots=True)
class ChannelPrincipal:
    """A sales channel sending orders in (web shop, marketplace, call centre)."""

    channel_id: int
    name: str
    channel: Channel
