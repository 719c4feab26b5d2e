"""Station enrolment and staff sign-in."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field, model_validator

from desktop_oms.domain.roles import Role
from desktop_oms.protocol.base import DbInt, WireModel

Pin = Annotated[str, Field(min_length=4, max_length=64)]


class SignInRequest(WireModel):
    """Username or badge, plus PIN; a station signs in on behalf of its staff."""

    username: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    badge_id: Annotated[str, Field(pattern=r"^[A-Z0-9]{4,16}$")] | None = None
    pin: Pin

    @model_validator(mode="after")
    def _one_identity(self) -> SignInRequest:
        if (self.username is None) == (self.badge_id is None):
            raise ValueError("give exactly one of username or badge_id")
        return self


class StaffOut(WireModel):
    """Who is signed in."""

    id: int
    username: str
    display_name: str
    role: Role
    store_id: int | None
    store_code: str | None


class TokenOut(WireModel):
    """A short-lived bearer token scoped to the staff member's store and role."""

    token: str
    expires_at: datetime
    staff: StaffOut


class EnrolRequest(WireModel):
    """A manager enrols the PC they are at as a station of their store."""

    name: Annotated[str, Field(min_length=1, max_length=100)]
    store_id: DbInt | None = Field(
        default=None, description="the station's store; admins must give it, managers may omit it"
    )


class EnrolOut(WireModel):
    """The new station's identity and secret (shown once; the server keeps only a hash)."""

    station_id: int
    store_id: int
    store_code: str
    client_id: str
    station_token: str
