"""Validation and normalisation of personal codes, phone numbers and e-mail addresses.

The rules are the field's libraries'; this module adds the messages. Every error carries an
English message (``str(error)``) and a Latvian one (``message_lv``) naming what is wrong, so
that a view can show the user exactly that in either language.

- Personal codes: python-stdnum's ``stdnum.lv.pvn``. The check digit is
  ((1101 − Σ wᵢ·dᵢ) mod 11) mod 10 with weights 1,6,3,7,9,10,5,8,4,2 over the first ten
  digits, so checksum remainder 10 gives check digit 0 (as public validators and real codes
  agree), and codes starting with 32 (issued since 1 July 2017, no birth date) carry the same
  check digit. Because remainders 0 and 10 share check digit 0, a single mistyped digit that
  moves one onto the other yields another valid code: no validator of this rule can catch
  that. ``pvn`` also accepts company numbers (first digit 4–9) and birth years from 2100 on
  (century digit 3–9); neither is a personal code, so both are refused here.
- Phone numbers: ``phonenumbers`` (Google's libphonenumber metadata). A number without + or
  00 is Latvian; Latvian numbers must be mobile or landline (a parent cannot be reached on a
  service number).
- E-mail addresses: ``email-validator``, syntax only (``check_deliverability=False``: never a
  DNS query), internationalised addresses allowed; special-use names (.local, .test…) refused.

Personal codes are personal data: this module never logs, and the messages never repeat
more of a code than the user needs to find the mistake.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable

import email_validator
import phonenumbers
from stdnum import exceptions as stdnum_errors
from stdnum.lv import pvn

__all__ = [
    "EmailError",
    "PersonalCodeError",
    "PhoneError",
    "ValidationError",
    "birth_date_of",
    "mask_personal_code",
    "personal_code_check_digit",
    "validate_email",
    "validate_personal_code",
    "validate_phone",
]


class ValidationError(ValueError):
    """Input that cannot be accepted; ``str()`` is English, ``message_lv`` Latvian."""

    def __init__(self, field: str, message_en: str, message_lv: str) -> None:
        super().__init__(message_en)
        self.field = field
        self.message_en = message_en
        self.message_lv = message_lv

    def __reduce__(self) -> tuple[type[ValidationError], tuple[str, str, str]]:
        # ValueError would pickle only args (the English text) and fail to rebuild us.
        return (type(self), (self.field, self.message_en, self.message_lv))


class PersonalCodeError(ValidationError):
    """A personal identity code (personas kods) is not valid."""


class PhoneError(ValidationError):
    """A phone number is not valid."""


class EmailError(ValidationError):
    """An e-mail address is not valid."""


_ASCII_DIGITS = frozenset("0123456789")


def _shown(ch: str) -> str:
    # Marks, format characters and spaces cannot be seen alone: give their code point.
    if unicodedata.category(ch)[0] not in "LNPS":
        return f"U+{ord(ch):04X}"
    return '"\'"' if ch == "'" else f"'{ch}'"


def _describe_char(ch: str) -> tuple[str, str]:
    """Name a character so the user can find it, even if it is invisible."""
    if ch.isspace():
        return "a space", "atstarpe"
    return f"the character {_shown(ch)}", f"rakstzīme {_shown(ch)}"


def _lv_entered(n: int) -> str:
    # Latvian participle agrees with the number: 1, 21, 31… take the singular.
    return "ievadīts" if n % 10 == 1 and n % 100 != 11 else "ievadīti"


def _lv_digits(n: int) -> str:
    return "cipars" if n % 10 == 1 and n % 100 != 11 else "cipari"


# --- personal code --------------------------------------------------------------------------

_PC_FIELD = "personal_code"
_NEW_FORM_PREFIX = "32"
# A day of birth starts with 0–3 and so does 32; pvn reads 4–9 as a company number.
_PC_FIRST_DIGITS = "0123"
_CENTURY_DIGITS = "012"


def personal_code_check_digit(first_ten: str) -> int:
    """Check digit of a personal code (legacy or 32-) from its first ten digits."""
    if len(first_ten) != 10 or not set(first_ten) <= _ASCII_DIGITS:
        raise ValueError("expected exactly ten ASCII digits")
    return int(pvn.calc_check_digit_pers(first_ten))


def _pc_error(en: str, lv: str) -> PersonalCodeError:
    return PersonalCodeError(_PC_FIELD, en, lv)


def _personal_code_digits(text: str) -> str:
    """The 11 digits of a code typed with or without the hyphen, or an error."""
    stripped = text.strip()
    if not stripped:
        raise _pc_error("Personal code is empty.", "Personas kods nav ievadīts.")
    # Checked here rather than by pvn.compact, which would also drop an "LV" VAT prefix
    # and hyphens anywhere.
    for position, ch in enumerate(stripped):
        if ch in _ASCII_DIGITS:
            continue
        if ch == "-":
            if position != 6:
                raise _pc_error(
                    "A hyphen is only allowed after the first six digits (DDMMYY-NNNNN).",
                    "Defise atļauta tikai pēc pirmajiem sešiem cipariem (DDMMGG-NNNNN).",
                )
            continue
        en, lv = _describe_char(ch)
        raise _pc_error(
            f"Personal code contains {en} at position {position + 1}; "
            "only digits and one hyphen are allowed.",
            f"Personas kodā {position + 1}. pozīcijā ir neatļauta {lv}; "
            "atļauti tikai cipari un viena defise.",
        )
    digits = stripped.replace("-", "")
    if len(digits) != 11:
        raise _pc_error(
            f"Personal code must have 11 digits, found {len(digits)}.",
            f"Personas kodam jābūt 11 cipariem, {_lv_entered(len(digits))} {len(digits)}.",
        )
    return digits


def _check_what_pvn_does_not(digits: str) -> None:
    if digits[0] not in _PC_FIRST_DIGITS:
        raise _pc_error(
            "Personal code must start with 0, 1, 2 or 3 (the day of birth, or 32 for codes "
            f"issued since July 2017), found {digits[0]}.",
            "Personas kodam jāsākas ar 0, 1, 2 vai 3 (dzimšanas diena vai 32 kodiem, kas "
            f"piešķirti kopš 2017. gada jūlija), ievadīts {digits[0]}.",
        )
    if not digits.startswith(_NEW_FORM_PREFIX) and digits[6] not in _CENTURY_DIGITS:
        raise _pc_error(
            f"The 7th digit (century of birth) must be 0, 1 or 2, found {digits[6]}.",
            f"Septītajam ciparam (dzimšanas gadsimts) jābūt 0, 1 vai 2, ievadīts {digits[6]}.",
        )


def _birth_date_error(digits: str) -> PersonalCodeError:
    """Name the broken part of the birth date without echoing the whole date."""
    day, month = int(digits[0:2]), int(digits[2:4])
    if not 1 <= month <= 12:
        en = f"month {digits[2:4]} does not exist"
        lv = f"{digits[2:4]}. mēnesis neeksistē"
    elif month == 2 and day == 29:
        en = "29 February exists only in leap years"
        lv = "29. februāris ir tikai garajos gados"
    else:
        en = f"day {digits[0:2]} does not exist in month {digits[2:4]}"
        lv = f"{digits[2:4]}. mēnesī nav {digits[0:2]}. datuma"
    return _pc_error(
        f"The first six digits must be a real birth date (DDMMYY): {en}.",
        f"Pirmajiem sešiem cipariem jābūt īstam dzimšanas datumam (DDMMGG): {lv}.",
    )


def _check_digit_error(digits: str) -> PersonalCodeError:
    expected = personal_code_check_digit(digits[:10])
    return _pc_error(
        f"Check digit (the last digit) is {digits[10]}, expected {expected}. "
        "Check for a typing mistake.",
        f"Kontrolcipars nesakrīt: pēdējais cipars ir {digits[10]}, jābūt {expected}. "
        "Pārbaudiet, vai kods ievadīts pareizi.",
    )


def validate_personal_code(text: str) -> str:
    """Validate a Latvian personal code and return it as ``DDMMYY-NNNNN``.

    Raises PersonalCodeError naming the problem.
    """
    digits = _personal_code_digits(text)
    _check_what_pvn_does_not(digits)
    try:
        pvn.validate(digits)
    except stdnum_errors.InvalidComponent:
        raise _birth_date_error(digits) from None
    except stdnum_errors.InvalidChecksum:
        raise _check_digit_error(digits) from None
    except stdnum_errors.ValidationError:
        # Format and length were checked above; kept so no library error reaches a user.
        raise _pc_error(
            "Personal code is not valid. Check for a typing mistake.",
            "Personas kods nav derīgs. Pārbaudiet, vai tas ievadīts pareizi.",
        ) from None
    return f"{digits[:6]}-{digits[6:]}"


def mask_personal_code(code: str) -> str:
    """``DDMMYY-*****`` for an 11-digit code, ``***`` for anything else."""
    stripped = code.strip()
    if len(stripped) == 12 and stripped[6] == "-":
        stripped = stripped[:6] + stripped[7:]
    if len(stripped) != 11 or not set(stripped) <= _ASCII_DIGITS:
        # Never echo input we cannot vouch for: it may be a mistyped code.
        return "***"
    return f"{stripped[:6]}-*****"


def birth_date_of(code: str) -> datetime.date | None:
    """Birth date of a legacy code; None for a 32-code. Raises PersonalCodeError."""
    digits = validate_personal_code(code).replace("-", "")
    if digits.startswith(_NEW_FORM_PREFIX):
        return None
    return pvn.get_birth_date(digits)


# --- phone ----------------------------------------------------------------------------------

_PHONE_FIELD = "phone"
_PHONE_SEPARATORS = frozenset(" -()")
_LV_COUNTRY_CODE = "371"
_LV_LENGTH = 8
# Only mobile (2…) and landline (6…): service numbers (80, 90…) cannot reach a parent.
_REACHABLE = frozenset(
    {
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    }
)
_LV_FIRST_DIGITS = "26"
_E164 = phonenumbers.PhoneNumberFormat.E164
_Reason = phonenumbers.ValidationResult


def _phone_error(en: str, lv: str) -> PhoneError:
    return PhoneError(_PHONE_FIELD, en, lv)


def _latvian_number(national: str, *, bare: bool) -> str:
    if len(national) != _LV_LENGTH:
        en = f"A Latvian number has 8 digits, found {len(national)}."
        lv = f"Latvijas tālruņa numurā ir 8 cipari, {_lv_entered(len(national))} {len(national)}."
        if bare and national.startswith(_LV_COUNTRY_CODE):
            en += " To include the country code, write +371."
            lv += " Lai norādītu valsts kodu, rakstiet +371."
        raise _phone_error(en, lv)
    number = phonenumbers.parse(f"+{_LV_COUNTRY_CODE}{national}")
    if phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in _REACHABLE:
        return phonenumbers.format_number(number, _E164)
    if national[0] not in _LV_FIRST_DIGITS:
        raise _phone_error(
            f"A Latvian number must start with 2 (mobile) or 6 (landline), "
            f"but it starts with {national[0]}.",
            f"Latvijas tālruņa numuram jāsākas ar 2 (mobilais) vai 6 (fiksētais), "
            f"bet tas sākas ar {national[0]}.",
        )
    raise _phone_error(
        f"The Latvian number {national} is not in any assigned number range; "
        "check for a typing mistake.",
        f"Latvijas tālruņa numurs {national} nav nevienā piešķirtajā numuru diapazonā; "
        "pārbaudiet, vai tas ievadīts pareizi.",
    )


def _unknown_country_code() -> PhoneError:
    return _phone_error(
        "The number does not start with a known country code; check the digits after +.",
        "Numurs nesākas ar zināmu valsts kodu; pārbaudiet ciparus pēc +.",
    )


def _foreign_number(international: str) -> str:
    found = len(international)
    try:
        number = phonenumbers.parse(f"+{international}")
    except phonenumbers.NumberParseException as exc:
        if exc.error_type == phonenumbers.NumberParseException.TOO_LONG:
            raise _phone_error(
                f"The number is too long: found {found} digits including the country code.",
                f"Numurs ir par garu: kopā ar valsts kodu {_lv_entered(found)} {found} "
                f"{_lv_digits(found)}.",
            ) from None
        raise _unknown_country_code() from None
    code = f"+{number.country_code}"
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason == _Reason.INVALID_COUNTRY_CODE:
        raise _unknown_country_code()
    if reason in (_Reason.TOO_SHORT, _Reason.IS_POSSIBLE_LOCAL_ONLY):
        raise _phone_error(
            f"The number is too short for country code {code}: found {found} digits "
            "including the country code.",
            f"Numurs valsts kodam {code} ir par īsu: kopā ar valsts kodu "
            f"{_lv_entered(found)} {found} {_lv_digits(found)}.",
        )
    if reason == _Reason.TOO_LONG:
        raise _phone_error(
            f"The number is too long for country code {code}: found {found} digits "
            "including the country code.",
            f"Numurs valsts kodam {code} ir par garu: kopā ar valsts kodu "
            f"{_lv_entered(found)} {found} {_lv_digits(found)}.",
        )
    if not phonenumbers.is_valid_number(number):
        raise _phone_error(
            f"This is not a valid number with country code {code}; check the digits.",
            f"Šis nav derīgs tālruņa numurs ar valsts kodu {code}; pārbaudiet ciparus.",
        )
    return phonenumbers.format_number(number, _E164)


def validate_phone(text: str) -> str:
    """Validate a Latvian (or foreign, with country code) number; return E.164 ``+371…``.

    Raises PhoneError naming the problem.
    """
    stripped = text.strip()
    if not stripped:
        raise _phone_error("Phone number is empty.", "Tālruņa numurs nav ievadīts.")
    # Separators go first, so "(+371) 2…" is read as written.
    compact = "".join(ch for ch in stripped if ch not in _PHONE_SEPARATORS)
    # Checked before the library, which would read letters as keypad digits (1-800-FLOWERS).
    for position, ch in enumerate(compact):
        if ch in _ASCII_DIGITS or (ch == "+" and position == 0):
            continue
        en, lv = _describe_char(ch)
        if ch == "+":
            raise _phone_error(
                "A + is only allowed at the start of the phone number.",
                "Zīme + atļauta tikai tālruņa numura sākumā.",
            )
        if ch.isalpha():
            raise _phone_error(
                f"Phone number must not contain letters, found '{ch}'.",
                f"Tālruņa numurā nedrīkst būt burti, atrasts '{ch}'.",
            )
        raise _phone_error(
            f"Phone number contains {en}, which is not allowed; only digits, spaces, "
            "hyphens, parentheses and a leading + are allowed.",
            f"Tālruņa numurā ir neatļauta {lv}; atļauti tikai cipari, atstarpes, "
            "defises, iekavas un + sākumā.",
        )

    if compact.startswith("+"):
        international = compact[1:]
    elif compact.startswith("00"):
        international = compact[2:]
    else:
        if not compact:
            raise _phone_error("Phone number has no digits.", "Tālruņa numurā nav ciparu.")
        return _latvian_number(compact, bare=True)

    if not international:
        raise _phone_error(
            "The country code and number are missing after the international prefix.",
            "Pēc starptautiskā prefiksa trūkst valsts koda un numura.",
        )
    if international.startswith(_LV_COUNTRY_CODE):
        return _latvian_number(international[len(_LV_COUNTRY_CODE) :], bare=False)
    if international[0] == "0":
        raise _phone_error("A country code cannot start with 0.", "Valsts kods nevar sākties ar 0.")
    return _foreign_number(international)


# --- e-mail ---------------------------------------------------------------------------------

_EMAIL_FIELD = "email"
_MAX_LOCAL = 64
_MAX_LABEL = 63
_AT_LOOK_ALIKES = frozenset("\uff20\ufe6b")  # full-width and small commercial at


def _email_error(en: str, lv: str) -> EmailError:
    return EmailError(_EMAIL_FIELD, en, lv)


def _check_the_obvious(address: str) -> tuple[str, str]:
    """The common slips, with our messages; the library would name them less plainly."""
    if not address:
        raise _email_error("E-mail address is empty.", "E-pasta adrese nav ievadīta.")
    if any(ch.isspace() for ch in address):
        raise _email_error(
            "E-mail address must not contain spaces.", "E-pasta adresē nedrīkst būt atstarpes."
        )
    at_count = address.count("@")
    look_alike = next((ch for ch in address if ch in _AT_LOOK_ALIKES), None)
    if look_alike:
        raise _email_error(
            f"E-mail address contains {_shown(look_alike)} instead of an ordinary @.",
            f"E-pasta adresē ir {_shown(look_alike)}, nevis parastais @.",
        )
    if at_count == 0:
        raise _email_error("E-mail address must contain @.", "E-pasta adresē jābūt simbolam @.")
    if at_count > 1:
        # Quoted local parts ("a@b"@x.lv) are legal but not worth supporting here.
        raise _email_error(
            f"E-mail address must contain only one @, found {at_count}.",
            f"E-pasta adresē drīkst būt tikai viens @, bet ir {at_count}.",
        )
    local, domain = address.split("@")
    if not local:
        raise _email_error("There is nothing before the @.", "Pirms @ nekas nav ievadīts.")
    if not domain:
        raise _email_error("There is nothing after the @.", "Pēc @ nekas nav ievadīts.")
    return local, domain


# The library's reasons are English only; each known one is told again in both languages,
# naming the part or character at fault. These are messages, not rules: the library decides.
_Explainer = Callable[[str, str, re.Match[str]], EmailError]
_NAMED_CHAR = re.compile(r"'(.)'|\"(.)\"|(U\+[0-9A-F]{4,8})|([A-Z][A-Z0-9 \-]*[A-Z0-9])")


def _chars_in(listing: str) -> list[str]:
    """The characters the library lists (quoted, U+XXXX or by Unicode name)."""
    found = []
    for quoted, double, hex_code, name in _NAMED_CHAR.findall(listing):
        if quoted or double:
            found.append(quoted or double)
        elif hex_code:
            found.append(chr(int(hex_code[2:], 16)))
        else:
            try:
                found.append(unicodedata.lookup(name))
            except KeyError:
                continue
    return found


def _chars_error(
    chars: list[str], where_en: str, where_lv: str, tail_en: str = "", tail_lv: str = ""
) -> EmailError:
    if len(chars) == 1:
        en, lv = _describe_char(chars[0])
        return _email_error(
            f"{where_en} contains {en}, which is not allowed{tail_en}.",
            f"{where_lv} ir neatļauta {lv}{tail_lv}.",
        )
    shown = ", ".join(_shown(ch) for ch in chars)
    return _email_error(
        f"{where_en} contains the characters {shown}, which are not allowed{tail_en}.",
        f"{where_lv} ir neatļautas rakstzīmes: {shown}{tail_lv}.",
    )


def _local_chars(_local: str, _domain: str, match: re.Match[str]) -> EmailError:
    chars = _chars_in(match.group(1) or "")
    if not chars:
        return _email_error(
            "The part before @ contains a character that is not allowed.",
            "Daļā pirms @ ir neatļauta rakstzīme.",
        )
    return _chars_error(chars, "The part before @", "Daļā pirms @")


def _domain_chars(_local: str, _domain: str, match: re.Match[str]) -> EmailError:
    chars = _chars_in(match.group(1) or "")
    if not chars:
        return _idna(_local, _domain, match)
    return _chars_error(
        chars,
        "The domain after @",
        "Domēnā pēc @",
        "; use letters, digits and hyphens",
        "; atļauti burti, cipari un defises",
    )


def _unsafe_chars(local: str, domain: str, match: re.Match[str]) -> EmailError:
    chars = _chars_in(match.group(1))
    if chars and all(ch in local for ch in chars):
        return _chars_error(chars, "The part before @", "Daļā pirms @")
    if chars and all(ch in domain for ch in chars):
        return _chars_error(chars, "The domain after @", "Domēnā pēc @")
    return _chars_error(chars or ["\ufffd"], "The e-mail address", "E-pasta adresē")


def _nothing_before(_local: str, _domain: str, _match: re.Match[str]) -> EmailError:
    return _email_error("There is nothing before the @.", "Pirms @ nekas nav ievadīts.")


def _quoted(_local: str, _domain: str, _match: re.Match[str]) -> EmailError:
    return _chars_error(['"'], "The part before @", "Daļā pirms @")


def _dots(local: str, _domain: str, _match: re.Match[str]) -> EmailError:
    if local.startswith(".") or local.endswith("."):
        return _email_error(
            "The part before @ must not start or end with a dot.",
            "Daļa pirms @ nedrīkst sākties vai beigties ar punktu.",
        )
    if ".." in local:
        return _email_error(
            "The part before @ must not contain two dots in a row.",
            "Daļā pirms @ nedrīkst būt divi punkti pēc kārtas.",
        )
    return _email_error(
        "The domain after @ must not start or end with a dot or have two dots in a row.",
        "Domēns pēc @ nedrīkst sākties vai beigties ar punktu, un tajā nedrīkst būt "
        "divi punkti pēc kārtas.",
    )


def _hyphens(local: str, domain: str, match: re.Match[str]) -> EmailError:
    label = next((p for p in domain.split(".") if p.startswith("-") or p.endswith("-")), None)
    if label is None:
        return _idna(local, domain, match)
    return _email_error(
        f"A part of the domain must not start or end with a hyphen: {label}.",
        f"Domēna daļa nedrīkst sākties vai beigties ar defisi: {label}.",
    )


def _idna(_local: str, domain: str, _match: re.Match[str]) -> EmailError:
    return _email_error(
        f"The domain {domain} is not a valid internationalised domain name.",
        f"Domēns {domain} nav derīgs starptautiskais domēna vārds.",
    )


def _local_too_long(local: str, _domain: str, _match: re.Match[str]) -> EmailError:
    return _email_error(
        f"The part before @ is too long: {len(local)} characters, at most {_MAX_LOCAL}.",
        f"Daļa pirms @ ir par garu: {len(local)} rakstzīmes, atļautas ne vairāk kā {_MAX_LOCAL}.",
    )


def _label_too_long(_local: str, domain: str, _match: re.Match[str]) -> EmailError:
    label = max(domain.split("."), key=len)
    return _email_error(
        f"A part of the domain is too long: {label} (at most {_MAX_LABEL} characters).",
        f"Domēna daļa ir par garu: {label} (ne vairāk kā {_MAX_LABEL} rakstzīmes).",
    )


def _too_long(_local: str, _domain: str, match: re.Match[str]) -> EmailError:
    over = int(match.group(1))
    unit_lv = "rakstzīmi" if over % 10 == 1 and over % 100 != 11 else "rakstzīmēm"
    return _email_error(
        f"E-mail address is too long: {over} character{'s' * (over != 1)} over the limit.",
        f"E-pasta adrese ir par garu: par {over} {unit_lv} vairāk, nekā atļauts.",
    )


def _no_dot(_local: str, _domain: str, _match: re.Match[str]) -> EmailError:
    return _email_error(
        "The domain after @ must contain a dot, for example skola.lv.",
        "Domēnā pēc @ jābūt punktam, piemēram, skola.lv.",
    )


def _tld_error(domain: str) -> EmailError:
    tld = domain.rsplit(".", 1)[-1]
    return _email_error(
        "The domain must end with a top-level domain of at least two letters, "
        f"such as .lv; found .{tld}.",
        "Domēnam jābeidzas ar augstākā līmeņa domēnu no vismaz diviem burtiem, "
        f"piemēram, .lv; ievadīts .{tld}.",
    )


def _reserved(_local: str, domain: str, _match: re.Match[str]) -> EmailError:
    return _email_error(
        f"{domain} is a reserved name that cannot receive e-mail.",
        f"{domain} ir rezervēts nosaukums, uz kuru e-pastu nevar nosūtīt.",
    )


def _ip_address(_local: str, _domain: str, _match: re.Match[str]) -> EmailError:
    return _email_error(
        "The domain after @ must be a name such as skola.lv, not an IP address.",
        "Domēnam pēc @ jābūt nosaukumam, piemēram, skola.lv, nevis IP adresei.",
    )


def _brackets(_local: str, _domain: str, _match: re.Match[str]) -> EmailError:
    return _email_error(
        "Write only the address, without a name or angle brackets < >.",
        "Ierakstiet tikai adresi, bez vārda un leņķiekavām < >.",
    )


_EXPLAINED: tuple[tuple[re.Pattern[str], _Explainer], ...] = tuple(
    (re.compile(pattern), explain)
    for pattern, explain in (
        (r"too long before the @-sign", _local_too_long),
        (r"periods cannot be separated by so many|Label too long", _label_too_long),
        (r"too long.*\((\d+) (?:character|byte)s? too many", _too_long),
        (r"unsafe characters: (.*)\.$", _unsafe_chars),
        (
            r"Internationalized characters before the @-sign(?: are not supported: (.*)\.$)?",
            _local_chars,
        ),
        (r"characters (?:in quotes )?before the @-sign(?:: (.*)\.$)?", _local_chars),
        (
            r"after the @-sign contains invalid characters(?: after Unicode normalization)?"
            r": (.*)\.$",
            _domain_chars,
        ),
        (r"Quoting the part before|after close quote", _quoted),
        (r"must have an @-sign", _quoted),  # the @ was inside quotation marks
        (r"something before the @-sign", _nothing_before),
        (r"should have a period", _no_dot),
        (r"hyphen|dashes", _hyphens),
        (r"period", _dots),
        (r"top-level domain", lambda _local, domain, _match: _tld_error(domain)),
        (r"special-use or reserved name", _reserved),
        (r"display name|angle bracket|anything after the email address", _brackets),
        (r"bracket", _ip_address),
        (r"IDNA|after the @-sign is invalid|after the @-sign contains invalid", _idna),
    )
)


def _explain(local: str, domain: str, reason: str) -> EmailError:
    for pattern, explain in _EXPLAINED:
        match = pattern.search(reason)
        if match:
            return explain(local, domain, match)
    return _email_error(
        f"E-mail address is not valid: {reason}",
        "E-pasta adrese nav derīga. Pārbaudiet, vai tā ievadīta pareizi.",
    )


def validate_email(text: str) -> str:
    """Validate an e-mail address; return it normalised (NFC, domain lower-cased).

    Raises EmailError naming the problem.
    """
    address = text.strip()
    local, domain = _check_the_obvious(address)
    try:
        valid = email_validator.validate_email(
            address,
            check_deliverability=False,
            allow_smtputf8=True,
            strict=True,
            allow_quoted_local=False,
            allow_domain_literal=False,
            allow_display_name=False,
            globally_deliverable=True,
            test_environment=False,
        )
    except email_validator.EmailNotValidError as exc:
        raise _explain(local, domain.lower(), str(exc)) from None
    # The library takes "skola.l"; no top-level domain has a single letter.
    if len(valid.domain.rsplit(".", 1)[-1]) < 2:
        raise _tld_error(valid.domain)
    return valid.normalized


#: Unicode categories no name a person reads may hold: controls (NUL, line breaks), format
#: characters (bidi overrides, zero-width marks), line and paragraph separators.
CONTROL_CATEGORIES = ("Cc", "Cf", "Zl", "Zp")


def first_control(value: str) -> str | None:
    """The first control or format character of ``value``, or None. A printable string
    holds none (checked in C: the common case); only the rest is looked at one by one."""
    if value.isprintable():
        return None
    return next((c for c in value if unicodedata.category(c) in CONTROL_CATEGORIES), None)


def printable(value: str, limit: int) -> str:
    """``value`` without control or format characters, trimmed, at most ``limit`` long."""
    kept = "".join(c for c in value if unicodedata.category(c) not in CONTROL_CATEGORIES)
    return kept.strip()[:limit].strip()
