"""Tests for desktop.models.validation: personal codes, phone numbers, e-mail addresses."""

from __future__ import annotations

import datetime
import pickle
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop.models.validation import (
    EmailError,
    PersonalCodeError,
    PhoneError,
    ValidationError,
    birth_date_of,
    mask_personal_code,
    personal_code_check_digit,
    validate_email,
    validate_personal_code,
    validate_phone,
)

DIGITS = "0123456789"

# --- an independent implementation of the personal-code checksum ----------------------------
# The module computes (1101 - Σ w·d) mod 11 with w = 1,6,3,7,9,10,5,8,4,2. Since
# 1101 ≡ 1 (mod 11) and -w ≡ 10,5,8,4,2,1,6,3,7,9 (mod 11), the same remainder is
# (1 + Σ w'·d) mod 11 with the weights below: written differently on purpose, so that
# a slip in either formula makes the tests fail.
_WEIGHTS = (10, 5, 8, 4, 2, 1, 6, 3, 7, 9)


def remainder_of(first_ten: str) -> int:
    return (1 + sum(w * int(d) for w, d in zip(_WEIGHTS, first_ten, strict=True))) % 11


def first_ten_of(date: datetime.date, serial: int) -> str:
    century = (date.year - 1800) // 100
    return f"{date.day:02d}{date.month:02d}{date.year % 100:02d}{century}{serial:03d}"


def with_check_digit(first_ten: str) -> str:
    return first_ten + str(remainder_of(first_ten) % 10)


def hyphenated(code: str) -> str:
    return f"{code[:6]}-{code[6:]}"


def is_accepted(text: str) -> bool:
    try:
        validate_personal_code(text)
    except PersonalCodeError:
        return False
    return True


def assert_explained(error: ValidationError, field: str) -> None:
    """Every rejection says what is wrong, in both languages, for the right field."""
    assert error.field == field
    assert str(error).strip()
    assert error.message_lv.strip()
    assert str(error) != error.message_lv


dates = st.dates(min_value=datetime.date(1800, 1, 1), max_value=datetime.date(2099, 12, 31))
serials = st.integers(min_value=0, max_value=999)


@st.composite
def legacy_codes(draw: st.DrawFn) -> tuple[str, datetime.date]:
    """An issuable legacy code (11 digits, no hyphen) and its birth date."""
    date = draw(dates)
    first_ten = first_ten_of(date, draw(serials))
    assume(remainder_of(first_ten) != 10)
    return with_check_digit(first_ten), date


@st.composite
def remainder_ten_codes(draw: st.DrawFn) -> str:
    """A code with a real date whose checksum remainder is 10 (check digit would be 0)."""
    first_nine = first_ten_of(draw(dates), draw(serials))[:9]
    last = [d for d in DIGITS if remainder_of(first_nine + d) == 10]
    assume(last)
    return first_nine + last[0] + "0"


# --- ValidationError ------------------------------------------------------------------------


def test_validation_error_carries_field_and_both_messages() -> None:
    error = PhoneError("guardian_phone", "Phone number is empty.", "Tālruņa numurs nav ievadīts.")
    assert isinstance(error, ValidationError)
    assert isinstance(error, ValueError)
    assert error.field == "guardian_phone"
    assert str(error) == "Phone number is empty."
    assert error.message_lv == "Tālruņa numurs nav ievadīts."


def test_validation_error_survives_pickling() -> None:
    error = pickle.loads(pickle.dumps(EmailError("email", "en", "lv")))
    assert type(error) is EmailError
    assert (error.field, str(error), error.message_lv) == ("email", "en", "lv")


# --- personal code: examples ----------------------------------------------------------------


def test_check_digit_helper_matches_independent_formula() -> None:
    assert personal_code_check_digit("1611751999") == 7
    assert personal_code_check_digit("0101001230") == remainder_of("0101001230") % 10


@pytest.mark.parametrize("bad", ["", "123456789", "12345678901", "161175199a"])
def test_check_digit_helper_rejects_anything_but_ten_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        personal_code_check_digit(bad)


def test_published_example_code_is_valid() -> None:
    # 161175-19997 is the example used by python-stdnum's Latvian module.
    assert validate_personal_code("161175-19997") == "161175-19997"
    assert birth_date_of("161175-19997") == datetime.date(1975, 11, 16)


@pytest.mark.parametrize(
    ("date", "serial"),
    [
        (datetime.date(1899, 12, 31), 1),  # century digit 0
        (datetime.date(1985, 3, 12), 456),  # century digit 1
        (datetime.date(2000, 2, 29), 123),  # 2000 was a leap year
        (datetime.date(2012, 2, 29), 789),
        (datetime.date(2016, 7, 1), 0),
    ],
)
def test_legacy_codes_built_by_the_checksum_rule_are_valid(
    date: datetime.date, serial: int
) -> None:
    first_ten = first_ten_of(date, serial)
    while remainder_of(first_ten) == 10:  # not issued; pick the next serial
        serial += 1
        first_ten = first_ten_of(date, serial)
    code = with_check_digit(first_ten)
    assert validate_personal_code(code) == hyphenated(code)
    assert birth_date_of(code) == date


@pytest.mark.parametrize(
    "typed",
    ["16117519997", "161175-19997", "  161175-19997", "161175-19997\t", "\n16117519997 "],
)
def test_normalisation_with_and_without_hyphen_and_whitespace(typed: str) -> None:
    assert validate_personal_code(typed) == "161175-19997"


@pytest.mark.parametrize("typed", ["32345678901", "323456-78901", " 320000-00000 "])
def test_new_form_codes_are_accepted_without_date_or_checksum(typed: str) -> None:
    normalised = validate_personal_code(typed)
    assert normalised == hyphenated(typed.strip().replace("-", ""))
    assert birth_date_of(typed) is None


@pytest.mark.parametrize("typed", ["", "   ", "\t\n"])
def test_empty_code_is_rejected(typed: str) -> None:
    with pytest.raises(PersonalCodeError, match="empty") as info:
        validate_personal_code(typed)
    assert "nav ievadīts" in info.value.message_lv


@pytest.mark.parametrize(("typed", "found"), [("161175-1999", 10), ("1611751", 7), ("3", 1)])
def test_wrong_length_says_how_many_digits_were_found(typed: str, found: int) -> None:
    with pytest.raises(PersonalCodeError, match=f"11 digits, found {found}") as info:
        validate_personal_code(typed)
    assert info.value.message_lv.startswith("Personas kodam jābūt 11 cipariem")
    assert str(found) in info.value.message_lv


def test_wrong_length_latvian_message() -> None:
    with pytest.raises(PersonalCodeError) as info:
        validate_personal_code("161175199")
    assert info.value.message_lv == "Personas kodam jābūt 11 cipariem, ievadīti 9."


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("16117a-19997", "'a'"),
        ("161175-1999ā", "'ā'"),
        ("161175/19997", "'/'"),
        ("161175 19997", "a space"),
        ("161175\u200b19997", "U+200B"),
        ("１61175-19997", "'１'"),  # a full-width digit is not an ASCII digit
    ],
)
def test_invalid_character_is_named(typed: str, named: str) -> None:
    with pytest.raises(PersonalCodeError) as info:
        validate_personal_code(typed)
    assert named in str(info.value)
    assert_explained(info.value, "personal_code")


@pytest.mark.parametrize("typed", ["16117-519997", "1611751-9997", "-16117519997", "161175--19997"])
def test_hyphen_only_after_sixth_digit(typed: str) -> None:
    with pytest.raises(PersonalCodeError, match="hyphen") as info:
        validate_personal_code(typed)
    assert "Defise" in info.value.message_lv


@pytest.mark.parametrize("century", "3456789")
def test_bad_century_digit(century: str) -> None:
    code = with_check_digit(f"161175{century}999")
    with pytest.raises(PersonalCodeError, match=f"century.*found {century}") as info:
        validate_personal_code(code)
    assert "gadsimts" in info.value.message_lv


@pytest.mark.parametrize(
    ("ddmmyy_c", "problem"),
    [
        ("290223-2", "29 February exists only in leap years"),
        ("290200-1", "29 February exists only in leap years"),  # 1900 was not a leap year
        ("311185-1", "day 31 does not exist in month 11"),
        ("001085-1", "day 00 does not exist in month 10"),
        ("151385-1", "month 13 does not exist"),
        ("150085-1", "month 00 does not exist"),
    ],
)
def test_impossible_birth_date(ddmmyy_c: str, problem: str) -> None:
    code = with_check_digit(ddmmyy_c.replace("-", "") + "234")
    with pytest.raises(PersonalCodeError, match=problem) as info:
        validate_personal_code(code)
    assert "dzimšanas datumam" in info.value.message_lv


def first_issuable(date: datetime.date, wanted_remainder: int | None = None) -> str:
    """The code with the lowest serial that is issued (and has the wanted remainder)."""
    for serial in range(1000):
        first_ten = first_ten_of(date, serial)
        remainder = remainder_of(first_ten)
        if remainder != 10 and wanted_remainder in (None, remainder):
            return with_check_digit(first_ten)
    raise AssertionError("no such serial")


def test_leap_day_2000_is_valid() -> None:
    code = first_issuable(datetime.date(2000, 2, 29))
    assert birth_date_of(code) == datetime.date(2000, 2, 29)


def test_checksum_mismatch_names_both_digits() -> None:
    with pytest.raises(PersonalCodeError) as info:
        validate_personal_code("161175-19993")
    assert "check digit (the last digit) is 3, expected 7" in str(info.value).lower()
    assert info.value.message_lv.startswith("Kontrolcipars nesakrīt")


def test_remainder_ten_is_rejected_even_though_check_digit_would_be_zero() -> None:
    # Choose the tenth digit so that 010185-123?0 has remainder 10.
    first_nine = "010185123"
    last = next(d for d in DIGITS if remainder_of(first_nine + d) == 10)
    with pytest.raises(PersonalCodeError, match="remainder is 10") as info:
        validate_personal_code(first_nine + last + "0")
    assert "atlikums ir 10" in info.value.message_lv


def test_mod_ten_fold_collision_is_caught() -> None:
    """Without the remainder-10 rule this single typo would pass: both codes end in 0."""
    original = first_issuable(datetime.date(1990, 5, 17), wanted_remainder=0)
    typos = [
        original[:i] + d + original[i + 1 :]
        for i in range(10)
        for d in DIGITS
        if d != original[i] and remainder_of(original[:i] + d + original[i + 1 : 10]) == 10
    ]
    assert validate_personal_code(original) == hyphenated(original)
    assert typos, "expected at least one typo landing on remainder 10"
    for typo in typos:
        assert typo[10] == "0"  # same check digit as the original: the fold collides
        assert not is_accepted(typo)


# --- personal code: properties --------------------------------------------------------------


@given(legacy_codes(), st.booleans(), st.sampled_from(["", " ", "\t", "  \n"]))
def test_property_legacy_codes_validate_and_normalise(
    code_and_date: tuple[str, datetime.date], with_hyphen: bool, padding: str
) -> None:
    code, date = code_and_date
    typed = padding + (hyphenated(code) if with_hyphen else code) + padding
    assert validate_personal_code(typed) == hyphenated(code)
    assert re.fullmatch(r"\d{6}-[012]\d{4}", validate_personal_code(typed))
    assert birth_date_of(typed) == date
    assert personal_code_check_digit(code[:10]) == int(code[10])


@given(remainder_ten_codes())
def test_property_remainder_ten_codes_are_rejected(code: str) -> None:
    with pytest.raises(PersonalCodeError, match="remainder is 10"):
        validate_personal_code(code)


@settings(max_examples=300)
@given(legacy_codes())
def test_property_every_single_digit_change_is_rejected(
    code_and_date: tuple[str, datetime.date],
) -> None:
    # All 11 positions × 9 other digits, for every generated code: with ~1/11 of codes
    # having remainder 0, the remainder-0 → remainder-10 typos are always exercised.
    code, _ = code_and_date
    for position in range(11):
        for digit in DIGITS:
            if digit == code[position]:
                continue
            typo = code[:position] + digit + code[position + 1 :]
            if typo.startswith("32"):
                # Reads as a new-form code, which has no checksum: see the test below.
                continue
            with pytest.raises(PersonalCodeError) as info:
                validate_personal_code(typo)
            assert_explained(info.value, "personal_code")


@given(legacy_codes())
def test_property_typo_into_32_prefix_is_indistinguishable_from_a_new_code(
    code_and_date: tuple[str, datetime.date],
) -> None:
    # Known limit: 32-codes carry no checksum, so a legacy code whose day is 02, 12, 22
    # or 31 can be mistyped into a valid-looking new-form code. Nothing can catch that.
    code, _ = code_and_date
    typos = {"3" + code[1:], code[0] + "2" + code[2:]}
    for typo in typos:
        if typo.startswith("32") and typo != code:
            assert validate_personal_code(typo) == hyphenated(typo)


_ELEVEN_DIGITS = re.compile(r"\s*[0-9]{6}-?[0-9]{5}\s*")


@given(
    st.one_of(
        st.text(),
        st.text(alphabet="0123456789- ", max_size=16),
        st.text(alphabet="0123456789", min_size=0, max_size=20),
    )
)
def test_property_text_that_is_not_eleven_digits_is_rejected(text: str) -> None:
    assume(not _ELEVEN_DIGITS.fullmatch(text))
    with pytest.raises(PersonalCodeError) as info:
        validate_personal_code(text)
    assert_explained(info.value, "personal_code")


# --- masking --------------------------------------------------------------------------------


def test_mask_examples() -> None:
    assert mask_personal_code("161175-19997") == "161175-*****"
    assert mask_personal_code("16117519997") == "161175-*****"
    assert mask_personal_code("323456-78901") == "323456-*****"


@pytest.mark.parametrize(
    "text", ["", "161175-1999", "16117-519997", "161175-1999a", "Jānis Bērziņš", "***"]
)
def test_mask_never_echoes_anything_that_is_not_a_code(text: str) -> None:
    assert mask_personal_code(text) == "***"


@given(st.text(alphabet=DIGITS, min_size=11, max_size=11), st.booleans())
def test_property_mask_hides_the_last_five_digits(code: str, with_hyphen: bool) -> None:
    masked = mask_personal_code(hyphenated(code) if with_hyphen else code)
    assert masked == f"{code[:6]}-*****"
    assert masked[7:] == "*****"
    if code[6:] not in code[:6]:
        assert code[6:] not in masked


@given(st.text(alphabet=DIGITS, min_size=11, max_size=11), st.text(DIGITS, min_size=5, max_size=5))
def test_property_mask_does_not_depend_on_the_last_five_digits(code: str, other: str) -> None:
    assert mask_personal_code(code) == mask_personal_code(code[:6] + other)


@given(st.text())
def test_property_mask_of_non_codes_is_stars(text: str) -> None:
    assume(not _ELEVEN_DIGITS.fullmatch(text))
    assert mask_personal_code(text) == "***"


# --- phone: examples ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("20000000", "+37120000000"),
        ("+371 2000 0000", "+37120000000"),
        ("00371 67 123 456", "+37167123456"),
        ("(+371) 29-123-456", "+37129123456"),
        ("+371 (29) 123 456", "+37129123456"),
        ("  6 7 1 2 3 4 5 6  ", "+37167123456"),
        ("+49 30 1234567", "+49301234567"),
        ("0044 20 7946 0958", "+442079460958"),
        ("+1 (212) 555-0100", "+12125550100"),
    ],
)
def test_valid_phone_numbers_normalise_to_e164(typed: str, e164: str) -> None:
    assert validate_phone(typed) == e164


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("2000000", "a Latvian number has 8 digits, found 7"),
        ("+371 200000000", "a Latvian number has 8 digits, found 9"),
        ("37120000000", "write \\+371"),
        ("50000000", "must start with 2 \\(mobile\\) or 6 \\(landline\\), but it starts with 5"),
        ("+371 80000000", "starts with 8"),
        ("+371 90000000", "starts with 9"),
        ("2000 000a", "letters, found 'a'"),
        ("Jānis", "letters, found 'J'"),
        ("2000/0000", "the character '/'"),
        ("20+000000", "\\+ is only allowed at the start"),
        ("+", "missing"),
        ("()", "no digits"),
        ("+0123456789", "country code cannot start with 0"),
        ("+49 123", "8 to 15 digits including the country code, found 5"),
        ("+49 1234 5678 9012 345", "found 17"),
    ],
)
def test_bad_phone_numbers_name_the_problem(typed: str, problem: str) -> None:
    with pytest.raises(PhoneError, match=re.compile(problem, re.IGNORECASE)) as info:
        validate_phone(typed)
    assert_explained(info.value, "phone")


def test_phone_latvian_messages() -> None:
    with pytest.raises(PhoneError) as info:
        validate_phone("2000000")
    assert info.value.message_lv == "Latvijas tālruņa numurā ir 8 cipari, ievadīti 7."
    with pytest.raises(PhoneError) as info:
        validate_phone("50000000")
    assert "jāsākas ar 2" in info.value.message_lv


# --- phone: properties ----------------------------------------------------------------------

latvian_subscribers = st.tuples(
    st.sampled_from("26"), st.text(alphabet=DIGITS, min_size=7, max_size=7)
).map("".join)
separators = st.sampled_from(["", "", " ", "-", "(", ")"])


@st.composite
def spread(draw: st.DrawFn, digits: str) -> str:
    """Digits with random separators between and around them."""
    return "".join(draw(separators) + d for d in digits) + draw(separators)


@given(
    latvian_subscribers,
    st.sampled_from(["", "+371", "00371", "+371 ", "(+371) ", "00 371 ", " +371-"]),
    st.data(),
)
def test_property_latvian_numbers_round_trip_to_e164(
    subscriber: str, prefix: str, data: st.DataObject
) -> None:
    typed = prefix + data.draw(spread(subscriber))
    e164 = validate_phone(typed)
    assert e164 == "+371" + subscriber
    assert validate_phone(e164) == e164


foreign_numbers = st.text(alphabet=DIGITS, min_size=8, max_size=15).filter(
    lambda n: n[0] != "0" and not n.startswith("371")
)


@given(foreign_numbers, st.sampled_from(["+", "00", "+ ", "00 "]), st.data())
def test_property_foreign_numbers_round_trip_to_e164(
    number: str, prefix: str, data: st.DataObject
) -> None:
    e164 = validate_phone(prefix + data.draw(spread(number)))
    assert e164 == "+" + number
    assert validate_phone(e164) == e164


@given(
    st.text(alphabet=DIGITS, min_size=1, max_size=16).filter(
        lambda n: len(n) != 8 and not n.startswith("00")
    ),
    st.sampled_from(["", "+371 ", "00371 "]),
)
def test_property_wrong_length_latvian_numbers_are_rejected(digits: str, prefix: str) -> None:
    with pytest.raises(PhoneError, match=f"8 digits, found {len(digits)}") as info:
        validate_phone(prefix + digits)
    assert_explained(info.value, "phone")


@given(
    st.sampled_from("01345789"),
    st.text(alphabet=DIGITS, min_size=7, max_size=7),
    st.sampled_from(["", "+371 ", "00371 "]),
)
def test_property_latvian_numbers_not_starting_with_2_or_6_are_rejected(
    first: str, rest: str, prefix: str
) -> None:
    typed = prefix + first + rest
    with pytest.raises(PhoneError) as info:
        validate_phone(typed)
    assert_explained(info.value, "phone")
    if not (prefix == "" and first == "0" and rest[0] == "0"):  # bare "00…" is a prefix
        assert f"starts with {first}" in str(info.value)


@given(
    latvian_subscribers,
    st.characters(categories=["L"]),
    st.integers(min_value=0, max_value=12),
)
def test_property_letters_in_phone_numbers_are_rejected(
    subscriber: str, letter: str, where: int
) -> None:
    typed = "+371 " + subscriber
    where = min(where, len(typed))
    typed = typed[:where] + letter + typed[where:]
    with pytest.raises(PhoneError, match="letters") as info:
        validate_phone(typed)
    assert letter in str(info.value)
    assert_explained(info.value, "phone")


# --- e-mail: examples -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("anna@skola.lv", "anna@skola.lv"),
        ("  Anna.Liepa@Skola.LV ", "Anna.Liepa@skola.lv"),
        ("jānis.bērziņš@skola.lv", "jānis.bērziņš@skola.lv"),
        ("direktors@skola.ķekava.lv", "direktors@skola.ķekava.lv"),
        ("Jānis.Bērziņš@Skola.Ķekava.LV", "Jānis.Bērziņš@skola.ķekava.lv"),
        ("a+b_c!#$%&'*/=?^`{|}~-d@x-y.z1.lv", "a+b_c!#$%&'*/=?^`{|}~-d@x-y.z1.lv"),
        ("info@ģimnāzija.rīga.lv", "info@ģimnāzija.rīga.lv"),
    ],
)
def test_valid_emails_are_accepted(typed: str, normalised: str) -> None:
    assert validate_email(typed) == normalised


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", "empty"),
        ("jānis.bērziņš.skola.lv", "must contain @"),
        ("jānis@bērziņš@skola.lv", "only one @, found 2"),
        ("jānis bērziņš@skola.lv", "spaces"),
        ("@skola.lv", "nothing before the @"),
        ("jānis@", "nothing after the @"),
        ("jānis@skola", "must contain a dot"),
        (".jānis@skola.lv", "start or end with a dot"),
        ("jānis.@skola.lv", "start or end with a dot"),
        ("jānis..bērziņš@skola.lv", "two dots in a row"),
        ("jānis(x)@skola.lv", "the character '\\('"),
        ("jānis@skola..lv", "two dots in a row"),
        ("jānis@.skola.lv", "start or end with a dot"),
        ("jānis@skola.lv.", "start or end with a dot"),
        ("jānis@sko_la.lv", "the character '_'"),
        ("jānis@-skola.lv", "hyphen: -skola"),
        ("jānis@skola-.lv", "hyphen: skola-"),
        ("jānis@skola.l", "top-level domain of at least two letters.*found \\.l\\b"),
        ("jānis@skola.123", "top-level domain"),
        ("jānis@xn--ķekava.lv", "not a valid internationalised domain name"),
        ("a" * 65 + "@skola.lv", "before @ is too long: 65"),
        ("ā" * 33 + "@skola.lv", "before @ is too long: 66"),
        ("jānis@" + "a" * 64 + ".lv", "part of the domain is too long"),
        ("jānis@" + "ā" * 60 + ".lv", "part of the domain is too long"),
        ("jānis@" + ".".join(["a" * 60] * 5) + ".lv", "address is too long"),
    ],
)
def test_bad_emails_name_the_problem(typed: str, problem: str) -> None:
    with pytest.raises(EmailError, match=re.compile(problem, re.IGNORECASE)) as info:
        validate_email(typed)
    assert_explained(info.value, "email")


def test_email_latvian_message() -> None:
    with pytest.raises(EmailError) as info:
        validate_email("jānis.skola.lv")
    assert info.value.message_lv == "E-pasta adresē jābūt simbolam @."


# --- e-mail: properties ---------------------------------------------------------------------

_LV_LETTERS = "āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ"
_ATEXT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~"
_LABEL_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" + _LV_LETTERS

local_parts = st.lists(
    st.text(alphabet=_ATEXT + _LV_LETTERS, min_size=1, max_size=6), min_size=1, max_size=3
).map(".".join)
labels = st.lists(
    st.text(alphabet=_LABEL_CHARS, min_size=1, max_size=5), min_size=1, max_size=3
).map("-".join)
tlds = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=6
)
domains = st.tuples(st.lists(labels, min_size=1, max_size=3), tlds).map(
    lambda parts: ".".join([*parts[0], parts[1]])
)
emails = st.tuples(local_parts, domains)


@given(emails)
def test_property_valid_emails_are_accepted_with_domain_lower_cased(
    parts: tuple[str, str],
) -> None:
    local, domain = parts
    result = validate_email(f"{local}@{domain}")
    assert result == f"{local}@{domain.lower()}"
    assert validate_email(result) == result


def _assert_rejected(typed: str, problem: str) -> None:
    with pytest.raises(EmailError, match=problem) as info:
        validate_email(typed)
    assert_explained(info.value, "email")


@given(emails)
def test_property_email_without_at_is_rejected(parts: tuple[str, str]) -> None:
    _assert_rejected("".join(parts), "must contain @")


@given(emails, st.data())
def test_property_email_with_two_at_signs_is_rejected(
    parts: tuple[str, str], data: st.DataObject
) -> None:
    address = "@".join(parts)
    where = data.draw(st.integers(min_value=1, max_value=len(address) - 1))
    _assert_rejected(address[:where] + "@" + address[where:], "only one @, found 2")


@given(emails, st.sampled_from([" ", "\t", "\u00a0", "\n"]), st.data())
def test_property_email_with_inner_whitespace_is_rejected(
    parts: tuple[str, str], space: str, data: st.DataObject
) -> None:
    address = "@".join(parts)
    where = data.draw(st.integers(min_value=1, max_value=len(address) - 1))
    _assert_rejected(address[:where] + space + address[where:], "spaces")


@given(emails)
def test_property_email_with_empty_local_part_is_rejected(parts: tuple[str, str]) -> None:
    _assert_rejected("@" + parts[1], "nothing before the @")


@given(emails)
def test_property_email_with_empty_domain_is_rejected(parts: tuple[str, str]) -> None:
    _assert_rejected(parts[0] + "@", "nothing after the @")


@given(local_parts, labels)
def test_property_email_with_dotless_domain_is_rejected(local: str, label: str) -> None:
    _assert_rejected(f"{local}@{label}", "must contain a dot")
