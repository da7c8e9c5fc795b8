# ruff: noqa: S101, S311
"""Tests for monia.people.hetu (Finnish personal identity code).

Apart from the public DVV documentation example (131052-308T), codes for living people use
synthetic individual numbers (900-999); real-range numbers only appear with 1800s dates.
"""

from __future__ import annotations

import random
import string
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monia.people.hetu import (
    CENTURY_SIGNS,
    IdentityCode,
    InvalidIdentityCode,
    canonical,
    checksum_char,
    is_valid,
    make_synthetic,
    parse,
    random_synthetic,
)

CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
DVV_EXAMPLE = "131052-308T"


def with_check(ddmmyy: str, sign: str, zzz: str) -> str:
    """Build a code with a correct check character, computed independently of hetu.py."""
    return f"{ddmmyy}{sign}{zzz}{CHECK[int(ddmmyy + zzz) % 31]}"


def reason(value: str) -> str:
    with pytest.raises(InvalidIdentityCode) as excinfo:
        parse(value)
    assert not is_valid(value)
    return excinfo.value.code


# --- the documentation example -------------------------------------------------------------


def test_dvv_documentation_example_parses() -> None:
    code = parse(DVV_EXAMPLE)
    assert code == IdentityCode(
        value=DVV_EXAMPLE,
        birth_date=date(1952, 10, 13),
        individual_number=308,
        is_synthetic=False,
        sex="female",
    )
    assert code.century_sign == "-"
    assert code.canonical == DVV_EXAMPLE
    assert str(code) == DVV_EXAMPLE
    assert is_valid(DVV_EXAMPLE)


def test_checksum_char_matches_documentation_example() -> None:
    assert checksum_char(date(1952, 10, 13), 308) == "T"


def test_checksum_char_does_not_depend_on_century() -> None:
    assert checksum_char(date(1852, 10, 13), 308) == checksum_char(date(2052, 10, 13), 308)


@pytest.mark.parametrize("individual_number", [-1, 1000])
def test_checksum_char_rejects_out_of_range_individual_number(individual_number: int) -> None:
    with pytest.raises(ValueError):
        checksum_char(date(2015, 3, 1), individual_number)


# --- checksum ------------------------------------------------------------------------------


@pytest.mark.parametrize("check", [c for c in CHECK if c != "T"])
def test_wrong_check_character_is_a_checksum_error(check: str) -> None:
    assert reason(DVV_EXAMPLE[:10] + check) == "checksum"


@pytest.mark.parametrize("check", ["G", "I", "O", "Q", "Z"])
def test_letter_never_used_as_check_character_is_a_checksum_error(check: str) -> None:
    assert reason(DVV_EXAMPLE[:10] + check) == "checksum"


def test_substituted_digit_is_a_checksum_error() -> None:
    # 131052-308T -> 131052-309T: still a valid date and individual number.
    assert reason("131052-309T") == "checksum"


def test_transposed_digits_are_a_checksum_error() -> None:
    # 131052 -> 130152: 13 Jan 1952 is a valid date, so only the checksum can catch it.
    assert reason("130152-308T") == "checksum"


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "ddmmyy",
    ["000115", "320115", "310415", "001315", "011315", "010015", "300215", "310615"],
)
def test_impossible_date_is_a_date_error(ddmmyy: str) -> None:
    assert reason(with_check(ddmmyy, "A", "900")) == "date"


def test_february_29_is_valid_in_a_leap_year() -> None:
    code = parse("290224A900J")
    assert code.birth_date == date(2024, 2, 29)


def test_february_29_is_a_date_error_in_a_common_year() -> None:
    assert reason(with_check("290223", "A", "900")) == "date"


def test_february_29_2000_is_valid_because_divisible_by_400() -> None:
    assert parse(with_check("290200", "A", "902")).birth_date == date(2000, 2, 29)


@pytest.mark.parametrize("sign", ["+", "-", "Y", "X", "W", "V", "U"])
def test_february_29_is_a_date_error_in_1800_and_1900(sign: str) -> None:
    assert reason(with_check("290200", sign, "902")) == "date"


def test_same_digits_give_a_different_date_per_century_sign() -> None:
    assert parse(with_check("290296", "+", "900")).birth_date == date(1896, 2, 29)
    assert parse(with_check("290296", "-", "900")).birth_date == date(1996, 2, 29)
    assert parse(with_check("290296", "A", "900")).birth_date == date(2096, 2, 29)


# --- century signs -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sign", "year"),
    [
        ("+", 1890),
        ("-", 1990),
        ("Y", 1990),
        ("X", 1990),
        ("W", 1990),
        ("V", 1990),
        ("U", 1990),
        ("A", 2090),
        ("B", 2090),
        ("C", 2090),
        ("D", 2090),
        ("E", 2090),
        ("F", 2090),
    ],
)
def test_each_century_sign_gives_its_century(sign: str, year: int) -> None:
    code = parse(with_check("010190", sign, "950"))
    assert code.birth_date == date(year, 1, 1)
    assert code.century_sign == sign


def test_all_2000s_signs_give_an_equal_parse_for_a_child_born_2015_03_01() -> None:
    birth = date(2015, 3, 1)
    codes = [make_synthetic(birth, 900, century_variant=i) for i in range(6)]
    assert codes == [f"010315{sign}900Y" for sign in "ABCDEF"]
    parsed = [parse(c) for c in codes]
    assert {(p.birth_date, p.individual_number, p.is_synthetic, p.sex) for p in parsed} == {
        (birth, 900, True, "female")
    }
    assert {p.canonical for p in parsed} == {"010315A900Y"}
    assert {canonical(c) for c in codes} == {"010315A900Y"}


def test_all_1900s_signs_give_the_same_date_for_the_1990s() -> None:
    codes = [with_check("010190", sign, "950") for sign in "-YXWVU"]
    assert {parse(c).birth_date for c in codes} == {date(1990, 1, 1)}
    assert {canonical(c) for c in codes} == {"010190-950A"}


def test_canonical_keeps_the_1800s_sign() -> None:
    assert canonical(with_check("010100", "+", "002")) == "010100+002H"


def test_codes_differing_only_in_century_sign_are_different_values() -> None:
    # Dataclass equality includes the value; compare people with canonical().
    a, b = parse("010315A900Y"), parse("010315B900Y")
    assert a != b
    assert a.canonical == b.canonical


def test_canonical_normalises_whitespace_and_case() -> None:
    assert canonical(" 010315c900y ") == "010315A900Y"


def test_canonical_rejects_invalid_code() -> None:
    with pytest.raises(InvalidIdentityCode):
        canonical("010315A900X")


@pytest.mark.parametrize("sign", ["*", "1", "G", "Z", "/", " ", "Ä"])
def test_unknown_century_sign_is_a_century_error(sign: str) -> None:
    assert reason(f"131052{sign}308T") == "century"


# --- individual numbers --------------------------------------------------------------------


@pytest.mark.parametrize("zzz", ["000", "001"])
def test_individual_number_000_and_001_are_invalid(zzz: str) -> None:
    assert reason(with_check("010100", "+", zzz)) == "individual_number"


def test_individual_number_002_is_the_smallest_valid() -> None:
    code = parse(with_check("010100", "+", "002"))
    assert code.individual_number == 2
    assert not code.is_synthetic


def test_individual_number_899_is_not_synthetic_and_900_999_are() -> None:
    assert not parse(with_check("010100", "+", "899")).is_synthetic
    assert parse(with_check("010100", "+", "900")).is_synthetic
    assert parse(with_check("010100", "+", "999")).is_synthetic


def test_sex_follows_individual_number_parity() -> None:
    assert parse(make_synthetic(date(2015, 3, 1), 900)).sex == "female"
    assert parse(make_synthetic(date(2015, 3, 1), 901)).sex == "male"


# --- normalisation and format --------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [" 131052-308T", "131052-308T ", "\t131052-308t\n", "131052-308t", "\u00a0131052-308T"],
)
def test_surrounding_whitespace_and_lowercase_are_accepted(raw: str) -> None:
    code = parse(raw)
    assert code.value == DVV_EXAMPLE
    assert code == parse(DVV_EXAMPLE)


def test_lowercase_century_sign_is_accepted() -> None:
    assert parse("010315b900y").value == "010315B900Y"


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "131052-308",  # too short
        "131052-308TT",  # too long
        "131052308T",  # missing century sign
        "131052-0308T",
        "131052 -308T",  # inner whitespace
        "131052- 308T",
        "13105A-308T",  # letter in date
        "131052-3O8T",  # letter O for zero
        "131052-308-",  # check character not alphanumeric
        "١٣١٠٥٢-٣٠٨T",  # non-ASCII digits
        "131052-308T\n131052-308T",
    ],
)
def test_wrong_shape_or_length_is_a_format_error(raw: str) -> None:
    assert reason(raw) == "format"


def test_error_reasons_are_reported_in_a_fixed_order() -> None:
    # Impossible date AND wrong checksum: the date is reported.
    assert reason("310252-308T") == "date"
    # Unknown century AND wrong checksum: the century is reported.
    assert reason("131052*309T") == "century"
    # Individual number 000 AND wrong checksum: the individual number is reported.
    assert reason("131052-000T") == "individual_number"


def test_error_is_a_value_error_without_the_rejected_value_in_its_message() -> None:
    with pytest.raises(ValueError) as excinfo:
        parse("131052-309T")
    assert isinstance(excinfo.value, InvalidIdentityCode)
    assert excinfo.value.code == "checksum"
    assert "131052" not in str(excinfo.value)


# --- synthetic codes -----------------------------------------------------------------------


@pytest.mark.parametrize("individual_number", [-1, 0, 2, 308, 899, 1000])
def test_make_synthetic_rejects_non_synthetic_individual_numbers(individual_number: int) -> None:
    with pytest.raises(ValueError):
        make_synthetic(date(2015, 3, 1), individual_number)


@pytest.mark.parametrize("birth", [date(1799, 12, 31), date(2100, 1, 1)])
def test_make_synthetic_rejects_years_without_a_century_sign(birth: date) -> None:
    with pytest.raises(ValueError):
        make_synthetic(birth, 900)


@pytest.mark.parametrize(
    ("birth", "variant"),
    [(date(1890, 1, 1), 1), (date(1990, 1, 1), 6), (date(2015, 3, 1), 6), (date(2015, 3, 1), -1)],
)
def test_make_synthetic_rejects_unknown_century_variant(birth: date, variant: int) -> None:
    with pytest.raises(ValueError):
        make_synthetic(birth, 900, century_variant=variant)


def test_make_synthetic_defaults_to_the_canonical_sign() -> None:
    assert make_synthetic(date(1890, 1, 1), 950)[6] == "+"
    assert make_synthetic(date(1990, 1, 1), 950) == "010190-950A"
    assert make_synthetic(date(2015, 3, 1), 900) == "010315A900Y"


def test_random_synthetic_is_valid_synthetic_and_reproducible() -> None:
    birth = date(2015, 3, 1)
    first = [random_synthetic(random.Random(42), birth) for _ in range(3)]
    assert len(set(first)) == 1  # same seed, same code
    rng = random.Random(7)
    for _ in range(200):
        code = parse(random_synthetic(rng, birth))
        assert code.birth_date == birth
        assert code.is_synthetic
        assert 900 <= code.individual_number <= 999


# --- properties ----------------------------------------------------------------------------

birth_dates = st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31))
synthetic_numbers = st.integers(min_value=900, max_value=999)
individual_numbers = st.integers(min_value=2, max_value=999)


@st.composite
def valid_codes(draw: st.DrawFn) -> str:
    """Any valid code, built independently of make_synthetic (real-range numbers too)."""
    birth = draw(birth_dates)
    number = draw(individual_numbers)
    sign = draw(st.sampled_from(CENTURY_SIGNS[birth.year // 100 * 100]))
    return with_check(f"{birth:%d%m}{birth.year % 100:02d}", sign, f"{number:03d}")


@given(birth=birth_dates, number=synthetic_numbers, data=st.data())
def test_make_synthetic_round_trips_through_parse(
    birth: date, number: int, data: st.DataObject
) -> None:
    variant = data.draw(st.integers(0, len(CENTURY_SIGNS[birth.year // 100 * 100]) - 1))
    value = make_synthetic(birth, number, century_variant=variant)
    code = parse(value)
    assert code.value == value
    assert code.birth_date == birth
    assert code.individual_number == number
    assert code.is_synthetic
    assert code.canonical == make_synthetic(birth, number)


@given(value=valid_codes())
def test_whitespace_and_case_do_not_change_the_parse(value: str) -> None:
    assert parse(f"  {value.lower()}\n") == parse(value)


MUTATION_ALPHABET = string.digits + string.ascii_uppercase + "+-*/ ."


@given(
    value=valid_codes(),
    position=st.integers(min_value=0, max_value=10),
    replacement=st.sampled_from(MUTATION_ALPHABET),
)
def test_changing_one_character_raises_or_gives_a_different_parse(
    value: str, position: int, replacement: str
) -> None:
    if value[position] == replacement:
        replacement = "*"
    mutated = value[:position] + replacement + value[position + 1 :]
    original = parse(value)
    try:
        result = parse(mutated)
    except InvalidIdentityCode:
        return
    assert result != original
    # Only the century sign can be changed and still give a valid code: either another
    # century (a different birth date) or an equivalent sign (same person, same canonical).
    assert position == 6
    assert result.birth_date != original.birth_date or result.canonical == original.canonical


@given(value=valid_codes(), position=st.sampled_from([0, 1, 2, 3, 4, 7, 8]))
def test_swapping_adjacent_different_digits_is_always_rejected(value: str, position: int) -> None:
    a, b = value[position], value[position + 1]
    if a == b:
        return
    swapped = value[:position] + b + a + value[position + 2 :]
    assert not is_valid(swapped)


@given(birth=birth_dates, number=individual_numbers)
def test_checksum_char_is_the_nine_digit_number_mod_31(birth: date, number: int) -> None:
    nine_digits = int(f"{birth:%d%m}{birth.year % 100:02d}{number:03d}")
    assert checksum_char(birth, number) == CHECK[nine_digits % 31]
