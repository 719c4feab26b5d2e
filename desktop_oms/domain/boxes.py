"""Shipping box types: the store setting ``box_types`` and the defaults without it.

The setting is a JSON list of ``{"code", "name", "length_cm", "width_cm", "height_cm"}``
objects (``max_weight_g`` optional); a station packs into those boxes. Entries that do
not make sense (no code, a dimension of zero) are skipped; no usable entry at all means
the defaults.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: The settings key of the store's box types.
BOX_TYPES_SETTING = "box_types"
#: The heaviest parcel a box may hold unless its type says otherwise (carriers' usual cap).
MAX_WEIGHT_G = 31_500


@dataclass(frozen=True, slots=True)
class BoxType:
    """A box the store packs into: its code (``M``), name and inside dimensions in cm."""

    code: str
    name: str
    length_cm: int
    width_cm: int
    height_cm: int
    max_weight_g: int = MAX_WEIGHT_G

    @property
    def dimensions(self) -> str:
        """``40 × 30 × 20 cm``."""
        return f"{self.length_cm} × {self.width_cm} × {self.height_cm} cm"

    def as_setting(self) -> dict[str, Any]:
        """The type as one entry of the ``box_types`` setting."""
        return {
            "code": self.code,
            "name": self.name,
            "length_cm": self.length_cm,
            "width_cm": self.width_cm,
            "height_cm": self.height_cm,
            "max_weight_g": self.max_weight_g,
        }

    def box(self, weight_g: int) -> dict[str, Any]:
        """A packed box of this type (a ``BoxDoc`` of the ``pack`` command)."""
        return {
            "box_type": self.code,
            "length_cm": self.length_cm,
            "width_cm": self.width_cm,
            "height_cm": self.height_cm,
            "weight_g": weight_g,
        }


DEFAULT_BOX_TYPES: tuple[BoxType, ...] = (
    BoxType("S", "Small", 30, 20, 10),
    BoxType("M", "Medium", 40, 30, 20),
    BoxType("L", "Large", 60, 40, 30),
)


def _positive(entry: Mapping[str, Any], key: str) -> int | None:
    value = entry.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        return None
    return int(value)


def box_types_from_setting(value: Any) -> tuple[BoxType, ...]:
    """The box types a ``box_types`` setting value names (the defaults when none are usable)."""
    found: list[BoxType] = []
    seen: set[str] = set()
    for entry in value if isinstance(value, list) else []:
        if not isinstance(entry, Mapping):
            continue
        code = str(entry.get("code") or "").strip()
        dims = [_positive(entry, k) for k in ("length_cm", "width_cm", "height_cm")]
        if not code or code in seen or None in dims:
            continue
        length, width, height = (int(d or 0) for d in dims)
        name = str(entry.get("name") or code).strip() or code
        cap = _positive(entry, "max_weight_g") or MAX_WEIGHT_G
        found.append(BoxType(code, name, length, width, height, cap))
        seen.add(code)
    return tuple(found) or DEFAULT_BOX_TYPES
