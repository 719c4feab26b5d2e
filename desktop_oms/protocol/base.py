"""The strict base model every wire schema derives from."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class WireModel(BaseModel):
    """Unknown fields are an error, values are immutable, enums travel as their values."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)
