"""S10 tracking numbers and the rule tying ``ship`` to a fulfillment's labels."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_oms.domain.errors import IllegalTransition, VerificationFailed
from desktop_oms.domain.shipping import (
    check_ship_tracking,
    format_s10,
    is_s10,
    make_s10,
    s10_check_digit,
)


def test_s10_check_digit() -> None:
    """Weights 8 6 4 2 3 5 9 7, 11 minus the sum mod 11; 10 becomes 0 and 11 becomes 5."""
    # 4*8 + 7*6 + 3*4 + 1*2 + 2*3 + 4*5 + 8*9 + 2*7 = 200; 200 mod 11 = 2; 11 - 2 = 9
    assert s10_check_digit("47312482") == 9
    assert s10_check_digit("00000001") == 4  # 7 -> 11 - 7
    assert s10_check_digit("00000000") == 5  # remainder 0 -> 11 -> 5
    assert s10_check_digit("00000030") == 6  # 3*9 = 27, remainder 5 -> 11 - 5
    assert s10_check_digit("00000008") == 0  # 8*7 = 56, remainder 1 -> 10 -> 0
    assert make_s10("RR", 47312482, "CH") == "RR473124829CH"
    assert is_s10("RR473124829CH") and not is_s10("RR473124828CH")
    assert format_s10("RR473124829CH") == "RR 4731 2482 9 CH"


def _remainder(serial: str) -> int:
    return sum(int(d) * w for d, w in zip(serial, (8, 6, 4, 2, 3, 5, 9, 7), strict=True)) % 11


@given(st.integers(min_value=1, max_value=99_999_999), st.integers(0, 7), st.integers(1, 9))
def test_a_changed_digit_is_caught(serial: int, where: int, delta: int) -> None:
    """A single changed serial digit breaks the check digit, except where the remainder
    moves between 0 and 6: S10 maps both to 5 (a limit of the standard, pinned here)."""
    number = make_s10("CP", serial, "NL")
    digits = list(number[2:10])
    digits[where] = str((int(digits[where]) + delta) % 10)
    changed = "".join(digits)
    if {_remainder(number[2:10]), _remainder(changed)} == {0, 6}:
        assert is_s10(number[:2] + changed + number[10:])
    else:
        assert not is_s10(number[:2] + changed + number[10:])


def test_ship_must_use_an_active_label() -> None:
    """With active labels, only their number and carrier; without, not a label carrier."""
    labels = [
        {"tracking": "CP400000015NL", "carrier": "omspost", "status": "void", "box_index": 1},
        {"tracking": "CP400000029NL", "carrier": "omspost", "status": "active", "box_index": 1},
    ]
    check_ship_tracking(labels, "omspost", "CP400000029NL")
    with pytest.raises(VerificationFailed):
        check_ship_tracking(labels, "omspost", "CP400000015NL")
    with pytest.raises(VerificationFailed):
        check_ship_tracking(labels, "DHL", "CP400000029NL")
    with pytest.raises(IllegalTransition):
        check_ship_tracking([], "omspost", "CP400000029NL")
    check_ship_tracking([], "DHL", "JVGL0612345678")
