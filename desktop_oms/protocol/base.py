"""The strict base model every wire schema derives from."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

#: The largest integer a database column holds (signed 64 bit); a larger id names nothing,
#: and sending it to the database would fail instead of answering "not found".
MAX_DB_INT = 2**63 - 1

#: An integer the database can hold: wire fields stored in or compared with a column.
DbInt = Annotated[int, Field(ge=-MAX_DB_INT - 1, le=MAX_DB_INT)]

#: A database row id (positive, 64 bit).
DbId = Annotated[int, Field(ge=1, le=MAX_DB_INT)]

_ASCII_DIGITS = re.compile(r"^[0-9]{1,19}$")


def parse_db_id(text: str) -> int | None:
    """The row id written in ``text`` (ASCII digits, within 64 bits), else None."""
    if not _ASCII_DIGITS.match(text):
        return None
    value = int(text)
    return value if 0 < value <= MAX_DB_INT else None


class WireModel(BaseModel):
    """Unknown fields are an error, values are immutable, enums travel as their values."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)
