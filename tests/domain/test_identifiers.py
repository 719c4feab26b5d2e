"""Barcode parsing: GTIN check digits, UPC-E, GS1 element strings and our own OMS codes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desktop_oms.domain.errors import InvalidCode
from desktop_oms.domain.identifiers import (
    BADGE_ID_RE,
    BIN_RE,
    GS,
    ORDER_NUMBER_RE,
    PICKUP_CODE_RE,
    STORE_CODE_RE,
    BadgeCode,
    BinCode,
    Gs1Code,
    GtinCode,
    IdentifierKind,
    OrderCode,
    badge_code,
    bin_code,
    gtin_check_digit,
    make_gtin13,
    normalize_gtin,
    order_code,
    parse_code,
    parse_gtin,
)


def _check(payload: str) -> str:
    """GS1 mod-10 check digit, written out independently of the code under test."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(payload)))
    return str((10 - total % 10) % 10)


@st.composite
def gtins(draw: st.DrawFn, lengths: tuple[int, ...] = (8, 12, 13, 14)) -> str:
    """A valid GTIN of one of ``lengths`` digits (never all zeros)."""
    length = draw(st.sampled_from(lengths))
    payload = draw(st.text("0123456789", min_size=length - 1, max_size=length - 1))
    assume(payload.strip("0"))
    return payload + _check(payload)


KIND = {
    8: IdentifierKind.GTIN_8,
    12: IdentifierKind.GTIN_12,
    13: IdentifierKind.GTIN_13,
    14: IdentifierKind.GTIN_14,
}

# --- GTIN ------------------------------------------------------------------------------


@given(gtin=gtins(), wrapping=st.sampled_from(["{}", " {}\r\n", "{}\n", "\t{}\r"]))
def test_valid_gtins_round_trip(gtin: str, wrapping: str) -> None:
    """Every valid GTIN parses to its own digits, format and 14-digit key."""
    raw = wrapping.format(gtin)
    code = parse_code(raw)
    assert isinstance(code, GtinCode)
    assert code.gtin14 == gtin.zfill(14)
    assert code.digits == gtin
    assert code.kind == KIND[len(gtin)]
    assert normalize_gtin(raw) == gtin.zfill(14)
    assert parse_gtin(raw) == code


@given(gtin=gtins(), data=st.data())
def test_every_single_digit_corruption_is_rejected(gtin: str, data: st.DataObject) -> None:
    """Changing any one digit of a GTIN to another digit breaks its check digit."""
    position = data.draw(st.integers(0, len(gtin) - 1), label="position")
    digit = data.draw(st.sampled_from("0123456789").filter(lambda d: d != gtin[position]))
    corrupted = gtin[:position] + digit + gtin[position + 1 :]
    # An 8-digit scan is read as EAN-8 only when the scanner says so (]E4); otherwise a
    # corrupted EAN-8 may happen to be a valid UPC-E (see the next test).
    raw = f"]E4{corrupted}" if len(gtin) == 8 else corrupted
    with pytest.raises(InvalidCode, match="check digit should be"):
        parse_code(raw)
    with pytest.raises(InvalidCode):
        normalize_gtin(raw)


@given(gtin=gtins(lengths=(8,)), data=st.data())
def test_a_corrupted_ean8_is_never_read_as_that_ean8(gtin: str, data: st.DataObject) -> None:
    """Without a symbology identifier, a corrupted EAN-8 is rejected or read as a UPC-E."""
    position = data.draw(st.integers(0, 7), label="position")
    digit = data.draw(st.sampled_from("0123456789").filter(lambda d: d != gtin[position]))
    corrupted = gtin[:position] + digit + gtin[position + 1 :]
    try:
        code = parse_code(corrupted)
    except InvalidCode:
        return
    assert isinstance(code, GtinCode)
    assert code.kind is IdentifierKind.UPC_E


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("4006381333932", "check digit should be 1, not 2"),
        ("12345678901", "GTIN needs 8, 12, 13 or 14 digits, got 11"),
        ("123456789", "GTIN needs 8, 12, 13 or 14 digits, got 9"),
        ("123456789012345", "GTIN needs 8, 12, 13 or 14 digits, got 15"),
        ("0000000000000", "cannot be all zeros"),
        ("96385073", "check digit should be 4, not 3"),
        ("04252613", "check digit should be 0 (EAN-8) or 4 (UPC-E), not 3"),
        ("]E40425261", "GTIN needs 8, 12, 13 or 14 digits, got 7"),
        ("]E01234567a", "digits only"),
        ("]E029999999", "UPC-E code starts with 0 or 1"),
    ],
)
def test_bad_gtins_say_why(raw: str, reason: str) -> None:
    """The reason names what is wrong, in words a counter clerk can act on."""
    with pytest.raises(InvalidCode) as caught:
        parse_code(raw)
    assert reason in caught.value.reason
    assert caught.value.raw == raw


def test_gtin_forms_share_one_key() -> None:
    """EAN-13, UPC-A, GTIN-14 and UPC-E of one item find the same product."""
    keys = {normalize_gtin(raw) for raw in ("042100005264", "0042100005264", "00042100005264")}
    keys.add(normalize_gtin("04252614"))
    assert keys == {"00042100005264"}


def test_printed_ean13_with_spaces_and_symbology() -> None:
    """A clerk typing the printed digits (with spaces) gets the same code as the scanner."""
    assert normalize_gtin("4 006381 333931") == "04006381333931"
    assert normalize_gtin("]E04006381333931") == "04006381333931"
    assert normalize_gtin("]I104006381333931") == "04006381333931"
    with pytest.raises(InvalidCode, match="does not carry a plain GTIN"):
        parse_gtin("]C14006381333931")


def test_add_on_is_dropped() -> None:
    """A ]E3 scan (EAN-13 with a 2- or 5-digit add-on) is looked up by its main symbol."""
    assert normalize_gtin("]E3400638133393112") == "04006381333931"
    assert normalize_gtin("]E3400638133393154321") == "04006381333931"


def test_check_digit_helpers() -> None:
    """gtin_check_digit and make_gtin13 agree with published GTINs."""
    assert gtin_check_digit("400638133393") == "1"
    assert gtin_check_digit("9638507") == "4"
    assert make_gtin13("400638133393") == "4006381333931"
    for bad in ("40063813339", "4006381333a3", "", "٤00638133393"):
        with pytest.raises(InvalidCode):
            make_gtin13(bad)
    with pytest.raises(InvalidCode, match="7, 11, 12 or 13 digits, got 3"):
        gtin_check_digit("123")
    with pytest.raises(InvalidCode, match="digits only"):
        gtin_check_digit("12345x7")


@given(payload=st.text("0123456789", min_size=12, max_size=12))
def test_make_gtin13_makes_valid_gtins(payload: str) -> None:
    """Every generated GTIN-13 parses (or is refused only for being all zeros)."""
    gtin = make_gtin13(payload)
    if payload.strip("0"):
        assert parse_gtin(gtin).kind is IdentifierKind.GTIN_13


# --- UPC-E -----------------------------------------------------------------------------

UPC_E_PAIRS = [
    ("04252614", "042100005264"),  # GS1 General Specifications example
    ("06543217", "065100004327"),
    ("01234565", "012345000065"),
    ("01234505", "012000003455"),
]


@pytest.mark.parametrize(("upc_e", "upc_a"), UPC_E_PAIRS)
def test_upc_e_expands_to_upc_a(upc_e: str, upc_a: str) -> None:
    """UPC-E is stored under the GTIN-14 of its UPC-A expansion."""
    code = parse_code(f"]E0{upc_e}")
    assert code == GtinCode(upc_a.zfill(14), upc_e, IdentifierKind.UPC_E)
    assert normalize_gtin(upc_a) == code.gtin14
    plain = parse_code(upc_e)  # without ]E0 some UPC-Es are also valid EAN-8s
    assert isinstance(plain, GtinCode)
    assert code.gtin14 in plain.lookup_keys


def _expand(upc_e7: str) -> str:
    """UPC-E (number system + 6 digits) to the 11-digit UPC-A payload, per the GS1 table."""
    ns, d = upc_e7[0], upc_e7[1:]
    last = d[5]
    if last in "012":
        return f"{ns}{d[0:2]}{last}0000{d[2:5]}"
    if last == "3":
        return f"{ns}{d[0:3]}00000{d[3:5]}"
    if last == "4":
        return f"{ns}{d[0:4]}00000{d[4]}"
    return f"{ns}{d[0:5]}0000{last}"


@given(ns=st.sampled_from("01"), body=st.text("0123456789", min_size=6, max_size=6))
def test_upc_e_expansion_follows_the_gs1_table(ns: str, body: str) -> None:
    """Every UPC-E with its correct check digit expands as the GS1 suppression table says."""
    payload = _expand(ns + body)
    assume(payload.strip("0"))
    upc_e = ns + body + _check(payload)
    code = parse_code(f"]E0{upc_e}")
    assert isinstance(code, GtinCode)
    assert code.gtin14 == (payload + _check(payload)).zfill(14)


def test_ambiguous_eight_digits_offer_both_keys() -> None:
    """An 8-digit scan valid as EAN-8 and as UPC-E reads as EAN-8 with the UPC-E as fallback."""
    digits = next(
        f"0{n:06d}" + _check(f"0{n:06d}")
        for n in range(1, 10**6)
        if _check(_expand(f"0{n:06d}")) == _check(f"0{n:06d}")
    )
    code = parse_code(digits)
    assert isinstance(code, GtinCode)
    assert code.kind is IdentifierKind.GTIN_8
    upc = parse_code(f"]E0{digits}")
    assert isinstance(upc, GtinCode)
    assert code.lookup_keys == (digits.zfill(14), upc.gtin14)
    assert parse_code(f"]E4{digits}") == GtinCode(digits.zfill(14), digits, IdentifierKind.GTIN_8)


# --- GS1 element strings ---------------------------------------------------------------

TODAY = dt.date.today()
batches = st.text("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-", min_size=1, max_size=20)
serials = st.text("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", min_size=1, max_size=20)
expiries = st.dates(TODAY - dt.timedelta(days=365 * 20), TODAY + dt.timedelta(days=365 * 20))


@given(
    gtin=gtins(),
    batch=st.none() | batches,
    expiry=st.none() | expiries,
    serial=st.none() | serials,
    order=st.randoms(use_true_random=False),
    prefix=st.sampled_from(["", "]C1", "]d2", "]Q3", "]e0", GS, "]C1" + GS]),
    extra_separators=st.booleans(),
    suffix=st.sampled_from(["", "\r\n", "\n", GS]),
)
def test_gs1_element_strings(
    gtin: str,
    batch: str | None,
    expiry: dt.date | None,
    serial: str | None,
    order: object,
    prefix: str,
    extra_separators: bool,
    suffix: str,
) -> None:
    """AIs 01/10/17/21 in any order, with or without symbology identifier and spare GS."""
    fields = [("01", gtin.zfill(14), False)]
    if batch is not None:
        fields.append(("10", batch, True))
    if expiry is not None:
        fields.append(("17", expiry.strftime("%y%m%d"), False))
    if serial is not None:
        fields.append(("21", serial, True))
    order.shuffle(fields)  # type: ignore[attr-defined]
    text = ""
    for index, (ai, value, variable) in enumerate(fields):
        last = index == len(fields) - 1
        text += ai + value + (GS if (variable or extra_separators) and not last else "")
    code = parse_code(prefix + text + suffix)
    assert code == Gs1Code(gtin.zfill(14), batch, expiry, serial)


def test_gs1_known_message() -> None:
    """A GS1-128 scan as a scanner sends it, in every transmission form."""
    expected = Gs1Code("09501101530003", "AB-12", dt.date(2027, 5, 31), "SN0001")
    for raw in (
        f"]C101095011015300031727053110AB-12{GS}21SN0001\r\n",
        f"{GS}01095011015300031727053110AB-12{GS}21SN0001",
        f"]d2{GS}01095011015300031727053110AB-12{GS}21SN0001{GS}",
        "(01)09501101530003(17)270531(10)AB-12(21)SN0001",
        "(01) 09501101530003 (17) 270531 (10) AB-12 (21) SN0001",
        "https://id.gs1.org/01/09501101530003/10/AB-12/21/SN0001?17=270531",
    ):
        assert parse_code(raw) == expected, raw
    with pytest.raises(InvalidCode):  # a space is not a GS1 character, unlike in typed text
        parse_code(f"]C1010950110153000317270531 10AB-12{GS}21SN0001")


def test_gs1_day_zero_is_end_of_month() -> None:
    """A GS1 date with day 00 means the last day of that month."""
    code = parse_code("]C1010950110153000317280200")
    assert isinstance(code, Gs1Code)
    assert code.expiry == dt.date(2028, 2, 29)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("]C10109501101530004", "check digit should be 3, not 4"),
        ("]C11012345", "carries no GTIN (AI 01)"),
        ("]C100123456789012345675", "shipping label (SSCC)"),
        ("]C101095011015300031725023010A", "(17) USE BY or EXPIRY has an invalid value '250230'"),
        ("]C10109501101530", "(01) GTIN has an invalid value '09501101530'"),
        (f"]C1010950110153000310A{GS}10B", "(10) appears twice with different values"),
        ("]C1ZZ", "no GS1 application identifier at 'ZZ'"),
        ("(01)0950110153000", "(01) GTIN has an invalid value"),
        ("(01", "GS1 text should look like (01)"),
        ("https://example.com/shop/item/1", "not a GS1 Digital Link"),
    ],
)
def test_bad_gs1_says_why(raw: str, reason: str) -> None:
    """GS1 failures name the field and what is wrong with it."""
    with pytest.raises(InvalidCode) as caught:
        parse_code(raw)
    assert reason in caught.value.reason


# --- OMS codes -------------------------------------------------------------------------

order_numbers = st.from_regex(ORDER_NUMBER_RE, fullmatch=True)
pickup_codes = st.from_regex(PICKUP_CODE_RE, fullmatch=True)
store_codes = st.from_regex(STORE_CODE_RE, fullmatch=True)
bins = st.from_regex(BIN_RE, fullmatch=True)
badge_ids = st.from_regex(BADGE_ID_RE, fullmatch=True)
wrappings = st.sampled_from(["{}", "{}\r\n", " {}\n", "]C0{}", "]Q1{}", "]d1{}"])


@given(number=order_numbers, pickup=st.none() | pickup_codes, wrap=wrappings, lower=st.booleans())
def test_order_codes_round_trip(number: str, pickup: str | None, wrap: str, lower: bool) -> None:
    """order_code -> parse_code gives the order back, also from a caps-locked scanner."""
    text = order_code(number, pickup)
    assert text.isascii()
    assert parse_code(wrap.format(text.lower() if lower else text)) == OrderCode(number, pickup)


@given(store=store_codes, bin_name=bins, wrap=wrappings, lower=st.booleans())
def test_bin_codes_round_trip(store: str, bin_name: str, wrap: str, lower: bool) -> None:
    """bin_code -> parse_code gives the store and bin back."""
    text = bin_code(store, bin_name)
    assert parse_code(wrap.format(text.lower() if lower else text)) == BinCode(store, bin_name)


@given(badge=badge_ids, wrap=wrappings)
def test_badge_codes_round_trip(badge: str, wrap: str) -> None:
    """badge_code -> parse_code gives the badge id back."""
    assert parse_code(wrap.format(badge_code(badge))) == BadgeCode(badge)


def test_known_oms_codes() -> None:
    """The examples of the design read as expected."""
    assert parse_code("OMS:O:WEB-1000234") == OrderCode("WEB-1000234")
    assert parse_code("OMS:O:MKT-2000001:042137") == OrderCode("MKT-2000001", "042137")
    assert parse_code("OMS:O:CC-3000007") == OrderCode("CC-3000007")
    assert parse_code("OMS:B:S014:P-014") == BinCode("S014", "P-014")
    assert parse_code("OMS:S:B0042") == BadgeCode("B0042")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("OMS:X:WEB-1000234", "unknown OMS code type 'X'"),
        ("OMS:", "OMS code has no type"),
        ("OMS:O:WEB-1000234:12345", "pickup code must be 6 digits"),
        ("OMS:O:WEB-1000234:1234567", "pickup code must be 6 digits"),
        ("OMS:O:WEB-1000234:", "pickup code must be 6 digits"),
        ("OMS:O:WEB1000234", "order number should be"),
        ("OMS:O:W-1000234", "order number should be"),
        ("OMS:O:WEB-1234", "order number should be"),
        ("OMS:O", "an order code is OMS:O:<order number>"),
        ("OMS:O:WEB-1000234:123456:9", "an order code is OMS:O:<order number>"),
        ("OMS:B:S014", "a bin label is OMS:B:<store code>:<bin>"),
        ("OMS:B:S:P-014", "store code must be"),
        ("OMS:B:S014:-P", "bin must be"),
        ("OMS:B:S014:P-0123456789AB", "bin must be"),
        ("OMS:S:ABC", "badge id must be"),
        ("OMS:S:AB CD", "badge id must be"),
        ("OMS:S", "a staff badge is OMS:S:<badge id>"),
        ("OMSÖS:ABCD", "check the scanner's keyboard layout"),
    ],
)
def test_bad_oms_codes_say_why(raw: str, reason: str) -> None:
    """OMS code failures name the part that is wrong."""
    with pytest.raises(InvalidCode) as caught:
        parse_code(raw)
    assert reason in caught.value.reason


def test_makers_refuse_bad_parts() -> None:
    """The makers never build a code that parse_code would refuse."""
    with pytest.raises(InvalidCode, match="order number"):
        order_code("web-1000234")
    with pytest.raises(InvalidCode, match="pickup code must be 6 digits"):
        order_code("WEB-1000234", "12a456")
    with pytest.raises(InvalidCode, match="store code"):
        bin_code("s014", "P-014")
    with pytest.raises(InvalidCode, match="bin must be"):
        bin_code("S014", "P:014")
    with pytest.raises(InvalidCode, match="badge id"):
        badge_code("AB")


# --- anything else ---------------------------------------------------------------------

junk = st.one_of(
    st.text(),
    st.text(st.characters(min_codepoint=0, max_codepoint=127)),
    st.builds("{}{}".format, st.sampled_from(["OMS:", "oms:o:", "OMS:B:", "OMS:S:"]), st.text()),
    st.builds(
        "{}{}".format,
        st.sampled_from(["]C1", "]d2", "]Q3", "]E0", "]E3", "]E4", "]I1", "]", "(", "http://"]),
        st.text(st.characters(min_codepoint=0, max_codepoint=127)),
    ),
    st.builds("01{}{}".format, st.text("0123456789", max_size=16), st.text(max_size=20)),
    st.text("0123456789 \x1d()", max_size=40),
)


@given(raw=junk)
def test_junk_raises_only_invalid_code(raw: str) -> None:
    """Whatever arrives, parse_code returns a code or raises InvalidCode, nothing else."""
    error: InvalidCode | None = None
    try:
        parse_code(raw)
    except InvalidCode as exc:
        error = exc
    if error is not None:
        assert error.raw == raw
        assert error.reason


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "nothing was scanned"),
        (" \r\n", "nothing was scanned"),
        ("hello", "not a product barcode or an OMS code"),
        ("\x07123", "control character U+0007"),
        ("]", "no valid symbology identifier"),
        ("]C1", "nothing follows the symbology identifier"),
    ],
)
def test_other_input_says_why(raw: str, reason: str) -> None:
    """Empty scans, text and control characters get their own reasons."""
    with pytest.raises(InvalidCode) as caught:
        parse_code(raw)
    assert reason in caught.value.reason
