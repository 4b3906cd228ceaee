"""Tests for desktop.models.validation: personal codes, phone numbers, e-mail addresses."""

from __future__ import annotations

import datetime
import pickle
import re

import phonenumbers
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

# --- an independent implementation of the personal-code rule -------------------------------
# The rule (python-stdnum's stdnum.lv.pvn, public validators, real codes): the check digit is
# ((1101 - Σ w·d) mod 11) mod 10 with w = 1,6,3,7,9,10,5,8,4,2 over the first ten digits, for
# legacy codes (DDMMYY-CNNNX) and for codes starting with 32 (issued since 1 July 2017) alike;
# remainder 10 gives check digit 0. Since 1101 ≡ 1 (mod 11) and -w ≡ 10,5,8,4,2,1,6,3,7,9
# (mod 11), the same remainder is (1 + Σ w'·d) mod 11 with the weights below: written
# differently on purpose, so that a slip in either formula makes the tests fail.
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


def is_personal_code(digits: str) -> bool:
    """The rule written out independently, for 11 ASCII digits."""
    if digits[0] not in "0123" or int(digits[10]) != remainder_of(digits[:10]) % 10:
        return False
    if digits.startswith("32"):
        return True
    if digits[6] not in "012":
        return False
    try:
        datetime.date(
            1800 + 100 * int(digits[6]) + int(digits[4:6]), int(digits[2:4]), int(digits[0:2])
        )
    except ValueError:
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
    """A legacy code (11 digits, no hyphen) and its birth date; any remainder, 10 included."""
    date = draw(dates)
    return with_check_digit(first_ten_of(date, draw(serials))), date


@st.composite
def remainder_ten_codes(draw: st.DrawFn) -> str:
    """A legacy code whose checksum remainder is 10, so its check digit is 0."""
    first_nine = first_ten_of(draw(dates), draw(serials))[:9]
    last = [d for d in DIGITS if remainder_of(first_nine + d) == 10]
    assume(last)
    return first_nine + last[0] + "0"


new_form_codes = st.text(alphabet=DIGITS, min_size=8, max_size=8).map(
    lambda middle: with_check_digit("32" + middle)
)
personal_codes = st.one_of(legacy_codes().map(lambda pair: pair[0]), new_form_codes)


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
    assert personal_code_check_digit("3286730067") == 9


def test_check_digit_helper_gives_zero_for_remainder_ten() -> None:
    assert remainder_of("0101851235") == 10
    assert personal_code_check_digit("0101851235") == 0


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
        (datetime.date(1985, 1, 1), 235),  # remainder 10: check digit 0
    ],
)
def test_legacy_codes_built_by_the_checksum_rule_are_valid(
    date: datetime.date, serial: int
) -> None:
    code = with_check_digit(first_ten_of(date, serial))
    assert validate_personal_code(code) == hyphenated(code)
    assert birth_date_of(code) == date


def test_remainder_ten_code_with_check_digit_zero_is_accepted() -> None:
    # 010185-12350: the checksum remainder is 10, and the check digit is then 0.
    assert remainder_of("0101851235") == 10
    assert validate_personal_code("010185-12350") == "010185-12350"
    assert birth_date_of("01018512350") == datetime.date(1985, 1, 1)


@pytest.mark.parametrize("last", "123456789")
def test_remainder_ten_code_with_any_other_check_digit_is_refused(last: str) -> None:
    with pytest.raises(PersonalCodeError, match=f"is {last}, expected 0") as info:
        validate_personal_code("010185-1235" + last)
    assert info.value.message_lv.startswith("Kontrolcipars nesakrīt")


@pytest.mark.parametrize(
    "typed",
    ["16117519997", "161175-19997", "  161175-19997", "161175-19997\t", "\n16117519997 "],
)
def test_normalisation_with_and_without_hyphen_and_whitespace(typed: str) -> None:
    assert validate_personal_code(typed) == "161175-19997"


@pytest.mark.parametrize("typed", ["32867300679", "328673-00679", " 320000-00008 "])
def test_new_form_codes_with_the_right_check_digit_are_accepted(typed: str) -> None:
    normalised = validate_personal_code(typed)
    assert normalised == hyphenated(typed.strip().replace("-", ""))
    assert birth_date_of(typed) is None


@pytest.mark.parametrize(("typed", "found"), [("328673-00677", "7"), ("32345678901", "1")])
def test_new_form_code_with_a_wrong_check_digit_is_refused(typed: str, found: str) -> None:
    expected = remainder_of(typed.replace("-", "")[:10]) % 10
    with pytest.raises(PersonalCodeError, match=f"is {found}, expected {expected}") as info:
        validate_personal_code(typed)
    assert info.value.message_lv.startswith("Kontrolcipars nesakrīt")
    assert_explained(info.value, "personal_code")


@pytest.mark.parametrize("typed", ["40003521600", "900035-21600", "500101-10000"])
def test_a_code_starting_with_4_to_9_is_not_a_personal_code(typed: str) -> None:
    # 40003521600 is a valid company number (stdnum.lv.pvn accepts it); not a personal code.
    with pytest.raises(
        PersonalCodeError, match=f"start with 0, 1, 2 or 3.*found {typed[0]}"
    ) as info:
        validate_personal_code(typed)
    assert "jāsākas ar 0, 1, 2 vai 3" in info.value.message_lv
    assert_explained(info.value, "personal_code")


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
        ("LV16117519997", "'L'"),  # stdnum would strip a VAT prefix: not part of a code
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
    # stdnum would read century 3–9 as a birth year from 2100 on; no such code is issued.
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
        ("331085-1", "day 33 does not exist in month 10"),
    ],
)
def test_impossible_birth_date(ddmmyy_c: str, problem: str) -> None:
    code = with_check_digit(ddmmyy_c.replace("-", "") + "234")
    with pytest.raises(PersonalCodeError, match=problem) as info:
        validate_personal_code(code)
    assert "dzimšanas datumam" in info.value.message_lv


def code_with_remainder(date: datetime.date, wanted_remainder: int) -> str:
    """The code with the lowest serial whose checksum remainder is the wanted one."""
    for serial in range(1000):
        first_ten = first_ten_of(date, serial)
        if remainder_of(first_ten) == wanted_remainder:
            return with_check_digit(first_ten)
    raise AssertionError("no such serial")


def test_leap_day_2000_is_valid() -> None:
    code = with_check_digit(first_ten_of(datetime.date(2000, 2, 29), 0))
    assert birth_date_of(code) == datetime.date(2000, 2, 29)


def test_checksum_mismatch_names_both_digits() -> None:
    with pytest.raises(PersonalCodeError) as info:
        validate_personal_code("161175-19993")
    assert "check digit (the last digit) is 3, expected 7" in str(info.value).lower()
    assert info.value.message_lv.startswith("Kontrolcipars nesakrīt")


def test_the_mod_ten_fold_lets_some_single_typos_through() -> None:
    """The rule's known limit: remainders 0 and 10 share check digit 0.

    A single mistyped digit that moves the remainder from 0 to 10 (or back) keeps the check
    digit, so the typo is another valid code. No validator of this rule can catch it.
    """
    original = code_with_remainder(datetime.date(1990, 5, 17), 0)
    typos = [
        original[:i] + d + original[i + 1 :]
        for i in range(10)
        for d in DIGITS
        if d != original[i]
        and remainder_of(original[:i] + d + original[i + 1 : 10]) == 10
        and is_personal_code(original[:i] + d + original[i + 1 :])
    ]
    assert validate_personal_code(original) == hyphenated(original)
    assert typos, "expected at least one typo landing on remainder 10"
    for typo in typos:
        assert typo[10] == "0"
        assert validate_personal_code(typo) == hyphenated(typo)


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


@given(new_form_codes, st.booleans())
def test_property_new_form_codes_validate_and_carry_no_birth_date(
    code: str, with_hyphen: bool
) -> None:
    typed = hyphenated(code) if with_hyphen else code
    assert validate_personal_code(typed) == hyphenated(code)
    assert birth_date_of(typed) is None
    assert personal_code_check_digit(code[:10]) == int(code[10])


@given(remainder_ten_codes())
def test_property_remainder_ten_codes_with_check_digit_zero_are_accepted(code: str) -> None:
    assert validate_personal_code(code) == hyphenated(code)


@given(new_form_codes, st.sampled_from(DIGITS))
def test_property_new_form_code_with_another_check_digit_is_refused(code: str, other: str) -> None:
    assume(other != code[10])
    with pytest.raises(PersonalCodeError, match="Check digit") as info:
        validate_personal_code(code[:10] + other)
    assert_explained(info.value, "personal_code")


@settings(max_examples=300)
@given(personal_codes)
def test_property_single_digit_typos_are_caught_except_across_the_mod_ten_fold(
    code: str,
) -> None:
    """What the rule guarantees for every valid code and every one of its 99 one-digit typos.

    A changed check digit is always caught. A changed digit among the first ten always
    changes the remainder mod 11 (11 is prime and no weight is 0 mod 11), so the typo is
    caught unless the two remainders are 0 and 10, which both give check digit 0. Such a
    typo is accepted exactly when it is itself a valid code (a real date, and so on).
    """
    for position in range(11):
        for digit in DIGITS:
            if digit == code[position]:
                continue
            typo = code[:position] + digit + code[position + 1 :]
            across_the_fold = position < 10 and {
                remainder_of(code[:10]),
                remainder_of(typo[:10]),
            } == {0, 10}
            accepted = is_accepted(typo)
            assert accepted == is_personal_code(typo), f"{code} → {typo}"
            if accepted:
                assert across_the_fold, f"{code} → {typo}"
                continue
            with pytest.raises(PersonalCodeError) as info:
                validate_personal_code(typo)
            assert_explained(info.value, "personal_code")


@given(st.text(alphabet=DIGITS, min_size=11, max_size=11), st.booleans())
def test_property_the_validator_agrees_with_the_rule_on_any_eleven_digits(
    digits: str, with_hyphen: bool
) -> None:
    assert is_accepted(hyphenated(digits) if with_hyphen else digits) == is_personal_code(digits)


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
        ("+380 44 123 4567", "+380441234567"),
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
        ("+49 123", "too short for country code \\+49: found 5 digits"),
        # 17 digits: E.164 allows 15; the library finds no such German number.
        ("+49 1234 5678 9012 345", "not a valid number with country code \\+49"),
        ("+1 012 345 6789", "not a valid number with country code \\+1\\b"),
        ("+44 20 7946 09581", "too long for country code \\+44"),
        ("+999 1234 5678", "does not start with a known country code"),
        ("+371 2301 0000", "23010000 is not in any assigned number range"),
    ],
)
def test_bad_phone_numbers_name_the_problem(typed: str, problem: str) -> None:
    with pytest.raises(PhoneError, match=re.compile(problem, re.IGNORECASE)) as info:
        validate_phone(typed)
    assert_explained(info.value, "phone")


def test_unassigned_latvian_range_latvian_message() -> None:
    with pytest.raises(PhoneError) as info:
        validate_phone("23010000")
    assert "23010000" in info.value.message_lv
    assert "diapazonā" in info.value.message_lv


def test_foreign_number_messages_name_the_country_code_in_latvian() -> None:
    with pytest.raises(PhoneError) as info:
        validate_phone("+49 123")
    assert info.value.message_lv == (
        "Numurs valsts kodam +49 ir par īsu: kopā ar valsts kodu ievadīti 5 cipari."
    )
    with pytest.raises(PhoneError) as info:
        validate_phone("+1 012 345 6789")
    assert "+1" in info.value.message_lv
    assert_explained(info.value, "phone")


def test_phone_latvian_messages() -> None:
    with pytest.raises(PhoneError) as info:
        validate_phone("2000000")
    assert info.value.message_lv == "Latvijas tālruņa numurā ir 8 cipari, ievadīti 7."
    with pytest.raises(PhoneError) as info:
        validate_phone("50000000")
    assert "jāsākas ar 2" in info.value.message_lv


# --- phone: properties ----------------------------------------------------------------------

# Every 6xxxxxxx is a landline; mobiles 2xxxxxxx are assigned except parts of 23xxxxxx.
latvian_subscribers = st.one_of(
    st.text(alphabet=DIGITS, min_size=7, max_size=7).map(lambda rest: "6" + rest),
    st.tuples(st.sampled_from("012456789"), st.text(alphabet=DIGITS, min_size=6, max_size=6)).map(
        lambda parts: "2" + "".join(parts)
    ),
)
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


# The library's own example numbers (fixed and mobile) of every other country: real ranges.
_FOREIGN_EXAMPLES = sorted(
    {
        phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)[1:]
        for region in phonenumbers.SUPPORTED_REGIONS - {"LV"}
        for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE)
        if (example := phonenumbers.example_number_for_type(region, kind)) is not None
    }
)
foreign_numbers = st.sampled_from(_FOREIGN_EXAMPLES)


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
        # Letters typed as a base letter and a combining mark come back composed (NFC).
        ("ja\u0304nis@skola.lv", "jānis@skola.lv"),
        # The domain comes back as it will be looked up: full-width letters mapped (UTS 46).
        ("jānis@ＳＫＯＬＡ.lv", "jānis@skola.lv"),
        # The limit of 64 before the @ counts letters, not UTF-8 bytes (email-validator).
        ("ā" * 64 + "@skola.lv", "ā" * 64 + "@skola.lv"),
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
        ("jānis(x)@skola.lv", "the characters '\\(', '\\)'"),
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
        ("ā" * 65 + "@skola.lv", "before @ is too long: 65"),
        ("jānis@" + "a" * 64 + ".lv", "part of the domain is too long"),
        ("jānis@" + "ā" * 60 + ".lv", "part of the domain is too long"),
        ("jānis@" + ".".join(["a" * 60] * 5) + ".lv", "address is too long"),
        ("jānis@skola.local", "skola.local is a reserved name"),
        ("jānis@skola.test", "skola.test is a reserved name"),
        ("jānis@sko\u200bla.lv", "U\\+200B"),
        ("jānis\u00ad@skola.lv", "U\\+00AD"),
        ('"jānis"@skola.lv', "the character '\"'"),
        ("jānis@[10.0.0.1]", "not an IP address"),
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


@pytest.mark.parametrize(
    ("typed", "lv"),
    [
        ("jānis(x)@skola.lv", "Daļā pirms @ ir neatļautas rakstzīmes: '(', ')'."),
        ("jānis@skola.local", "skola.local ir rezervēts nosaukums"),
        ("jānis@-skola.lv", "Domēna daļa nedrīkst sākties vai beigties ar defisi: -skola."),
        ("jānis..bērziņš@skola.lv", "Daļā pirms @ nedrīkst būt divi punkti pēc kārtas."),
    ],
)
def test_email_messages_from_the_library_are_given_in_latvian(typed: str, lv: str) -> None:
    with pytest.raises(EmailError) as info:
        validate_email(typed)
    assert lv in info.value.message_lv


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
# Names reserved for special use (RFC 6761, 7686) never take mail.
_SPECIAL_USE = {"arpa", "invalid", "local", "localhost", "onion", "test"}
tlds = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=6
).filter(lambda tld: tld.lower() not in _SPECIAL_USE)
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


# --- any input: a result or a clear refusal, never a library's exception --------------------

_EMAILISH = st.text(alphabet=_ATEXT + _LV_LETTERS + '@.-_()[]<>"\\ \u200b\u00adＳ＠', max_size=40)


@given(st.one_of(st.text(max_size=40), _EMAILISH, emails.map("@".join)))
def test_property_any_text_gives_an_address_or_an_explained_email_error(text: str) -> None:
    try:
        result = validate_email(text)
    except EmailError as error:
        assert_explained(error, "email")
        assert "not valid:" not in str(error), "a library reason without a Latvian telling"
    else:
        assert validate_email(result) == result


@given(st.one_of(st.text(max_size=25), st.text(alphabet="+0123456789 -()", max_size=25)))
def test_property_any_text_gives_a_number_or_an_explained_phone_error(text: str) -> None:
    try:
        result = validate_phone(text)
    except PhoneError as error:
        assert_explained(error, "phone")
    else:
        assert re.fullmatch(r"\+[1-9]\d{6,16}", result)
        assert validate_phone(result) == result
