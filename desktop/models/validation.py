"""Validation and normalisation of personal codes, phone numbers and e-mail addresses.

Every error carries an English message (``str(error)``) and a Latvian one (``message_lv``)
so that a view can show the user exactly what is wrong in either language.

Personal codes are personal data: this module never logs, and the messages never repeat
more of a code than the user needs to find the mistake.
"""

from __future__ import annotations

import datetime
import unicodedata

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


def _describe_char(ch: str) -> tuple[str, str]:
    """Name a character so the user can find it, even if it is invisible."""
    if ch.isspace():
        return "a space", "atstarpe"
    shown = f"'{ch}'" if ch.isprintable() else f"U+{ord(ch):04X}"
    return f"the character {shown}", f"rakstzīme {shown}"


def _lv_entered(n: int) -> str:
    # Latvian participle agrees with the number: 1, 21, 31… take the singular.
    return "ievadīts" if n % 10 == 1 and n % 100 != 11 else "ievadīti"


# --- personal code --------------------------------------------------------------------------

_PC_FIELD = "personal_code"
_PC_WEIGHTS = (1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_NEW_FORM_PREFIX = "32"


def _checksum_remainder(first_ten: str) -> int:
    return (1101 - sum(w * int(d) for w, d in zip(_PC_WEIGHTS, first_ten, strict=True))) % 11


def personal_code_check_digit(first_ten: str) -> int:
    """Check digit of a legacy personal code from its first ten digits."""
    if len(first_ten) != 10 or not set(first_ten) <= _ASCII_DIGITS:
        raise ValueError("expected exactly ten ASCII digits")
    return _checksum_remainder(first_ten) % 10


def _pc_error(en: str, lv: str) -> PersonalCodeError:
    return PersonalCodeError(_PC_FIELD, en, lv)


def _personal_code_digits(text: str) -> str:
    """The 11 digits of a code typed with or without the hyphen, or an error."""
    stripped = text.strip()
    if not stripped:
        raise _pc_error("Personal code is empty.", "Personas kods nav ievadīts.")
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


def _legacy_birth_date(digits: str) -> datetime.date:
    century = digits[6]
    if century not in "012":
        raise _pc_error(
            f"The 7th digit (century of birth) must be 0, 1 or 2, found {century}.",
            f"Septītajam ciparam (dzimšanas gadsimts) jābūt 0, 1 vai 2, ievadīts {century}.",
        )
    day, month = int(digits[0:2]), int(digits[2:4])
    year = 1800 + 100 * int(century) + int(digits[4:6])
    try:
        return datetime.date(year, month, day)
    except ValueError:
        pass
    # Name the broken part without echoing the whole birth date.
    if not 1 <= month <= 12:
        en = f"month {digits[2:4]} does not exist"
        lv = f"{digits[2:4]}. mēnesis neeksistē"
    elif month == 2 and day == 29:
        en = "29 February exists only in leap years"
        lv = "29. februāris ir tikai garajos gados"
    else:
        en = f"day {digits[0:2]} does not exist in month {digits[2:4]}"
        lv = f"{digits[2:4]}. mēnesī nav {digits[0:2]}. datuma"
    raise _pc_error(
        f"The first six digits must be a real birth date (DDMMYY): {en}.",
        f"Pirmajiem sešiem cipariem jābūt īstam dzimšanas datumam (DDMMGG): {lv}.",
    )


def _check_legacy_checksum(digits: str) -> None:
    remainder = _checksum_remainder(digits[:10])
    # The final "mod 10" folds remainder 10 onto check digit 0, so with remainder 10
    # allowed, a single mistyped digit could turn a code with remainder 0 into one with
    # remainder 10 and the same check digit 0, and be accepted. Codes whose remainder is 10
    # are treated as never issued, so that every single-digit typing mistake is caught.
    # (Project decision, not confirmed against a published register specification.)
    if remainder == 10:
        raise _pc_error(
            "Personal code is not valid: its checksum remainder is 10, "
            "and such codes are not issued. Check for a typing mistake.",
            "Personas kods nav derīgs: kontrolsummas atlikums ir 10, un šādi kodi netiek "
            "piešķirti. Pārbaudiet, vai kods ievadīts pareizi.",
        )
    if int(digits[10]) != remainder:
        raise _pc_error(
            f"Check digit (the last digit) is {digits[10]}, expected {remainder}. "
            "Check for a typing mistake.",
            f"Kontrolcipars nesakrīt: pēdējais cipars ir {digits[10]}, jābūt {remainder}. "
            "Pārbaudiet, vai kods ievadīts pareizi.",
        )


def validate_personal_code(text: str) -> str:
    """Validate a Latvian personal code and return it as ``DDMMYY-NNNNN``.

    Raises PersonalCodeError naming the problem.
    """
    digits = _personal_code_digits(text)
    # Codes issued since 1 July 2017 start with 32, carry no birth date and no
    # publicly specified checksum, so beyond "11 digits" there is nothing to check.
    if not digits.startswith(_NEW_FORM_PREFIX):
        _legacy_birth_date(digits)
        _check_legacy_checksum(digits)
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
    return _legacy_birth_date(digits)


# --- phone ----------------------------------------------------------------------------------

_PHONE_FIELD = "phone"
_PHONE_SEPARATORS = frozenset(" -()")
_LV_COUNTRY_CODE = "371"
# Only mobile (2) and landline (6): service numbers (80, 90…) cannot reach a parent.
_LV_FIRST_DIGITS = "26"


def _phone_error(en: str, lv: str) -> PhoneError:
    return PhoneError(_PHONE_FIELD, en, lv)


def _latvian_subscriber(digits: str, *, bare: bool) -> str:
    if len(digits) != 8:
        en = f"A Latvian number has 8 digits, found {len(digits)}."
        lv = f"Latvijas tālruņa numurā ir 8 cipari, {_lv_entered(len(digits))} {len(digits)}."
        if bare and digits.startswith(_LV_COUNTRY_CODE):
            en += " To include the country code, write +371."
            lv += " Lai norādītu valsts kodu, rakstiet +371."
        raise _phone_error(en, lv)
    if digits[0] not in _LV_FIRST_DIGITS:
        raise _phone_error(
            f"A Latvian number must start with 2 (mobile) or 6 (landline), "
            f"but it starts with {digits[0]}.",
            f"Latvijas tālruņa numuram jāsākas ar 2 (mobilais) vai 6 (fiksētais), "
            f"bet tas sākas ar {digits[0]}.",
        )
    return f"+{_LV_COUNTRY_CODE}{digits}"


def validate_phone(text: str) -> str:
    """Validate a Latvian (or foreign, with country code) number; return E.164 ``+371…``.

    Raises PhoneError naming the problem.
    """
    stripped = text.strip()
    if not stripped:
        raise _phone_error("Phone number is empty.", "Tālruņa numurs nav ievadīts.")
    # Separators go first, so "(+371) 2…" is read as written.
    compact = "".join(ch for ch in stripped if ch not in _PHONE_SEPARATORS)
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
        return _latvian_subscriber(compact, bare=True)

    if not international:
        raise _phone_error(
            "The country code and number are missing after the international prefix.",
            "Pēc starptautiskā prefiksa trūkst valsts koda un numura.",
        )
    if international.startswith(_LV_COUNTRY_CODE):
        return _latvian_subscriber(international[len(_LV_COUNTRY_CODE) :], bare=False)
    if international[0] == "0":
        raise _phone_error("A country code cannot start with 0.", "Valsts kods nevar sākties ar 0.")
    if not 8 <= len(international) <= 15:
        raise _phone_error(
            "An international number has 8 to 15 digits including the country code, "
            f"found {len(international)}.",
            "Starptautiskā tālruņa numurā kopā ar valsts kodu ir no 8 līdz 15 cipariem, "
            f"{_lv_entered(len(international))} {len(international)}.",
        )
    return f"+{international}"


# --- e-mail ---------------------------------------------------------------------------------

_EMAIL_FIELD = "email"
_ATEXT_SPECIALS = frozenset("!#$%&'*+-/=?^_`{|}~")
_ASCII_LETTERS_DIGITS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_LDH = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def _email_error(en: str, lv: str) -> EmailError:
    return EmailError(_EMAIL_FIELD, en, lv)


def _is_unicode_letter(ch: str, *, allow_digits: bool) -> bool:
    # Marks (M*) are allowed so that decomposed "a" + combining macron still counts.
    category = unicodedata.category(ch)
    return category[0] in ("L", "M") or (allow_digits and category == "Nd")


def _check_local_part(local: str) -> None:
    if not local:
        raise _email_error("There is nothing before the @.", "Pirms @ nekas nav ievadīts.")
    octets = len(local.encode("utf-8"))
    if octets > 64:
        raise _email_error(
            f"The part before @ is too long: {octets} characters, at most 64 "
            "(letters with diacritics count as two).",
            f"Daļa pirms @ ir par garu: {octets} rakstzīmes, atļautas ne vairāk kā 64 "
            "(burti ar diakritiskajām zīmēm skaitās kā divi).",
        )
    for ch in local:
        if ch in _ASCII_LETTERS_DIGITS or ch in _ATEXT_SPECIALS or ch == ".":
            continue
        # SMTPUTF8 (RFC 6531) lets "jānis.bērziņš" through on today's mail systems.
        if ord(ch) > 127 and _is_unicode_letter(ch, allow_digits=True):
            continue
        en, lv = _describe_char(ch)
        raise _email_error(
            f"The part before @ contains {en}, which is not allowed.",
            f"Daļā pirms @ ir neatļauta {lv}.",
        )
    if local.startswith(".") or local.endswith("."):
        raise _email_error(
            "The part before @ must not start or end with a dot.",
            "Daļa pirms @ nedrīkst sākties vai beigties ar punktu.",
        )
    if ".." in local:
        raise _email_error(
            "The part before @ must not contain two dots in a row.",
            "Daļā pirms @ nedrīkst būt divi punkti pēc kārtas.",
        )


def _ascii_label(label: str) -> str:
    """The label as it goes on the wire (punycode if needed), after checking its letters."""
    for ch in label:
        if ch in _LDH or (ord(ch) > 127 and _is_unicode_letter(ch, allow_digits=False)):
            continue
        en, lv = _describe_char(ch)
        raise _email_error(
            f"The domain after @ contains {en}, which is not allowed; "
            "use letters, digits and hyphens.",
            f"Domēnā pēc @ ir neatļauta {lv}; atļauti burti, cipari un defises.",
        )
    if label.startswith("-") or label.endswith("-"):
        raise _email_error(
            f"A part of the domain must not start or end with a hyphen: {label}.",
            f"Domēna daļa nedrīkst sākties vai beigties ar defisi: {label}.",
        )
    too_long = _email_error(
        f"A part of the domain is too long: {label} (at most 63 characters).",
        f"Domēna daļa ir par garu: {label} (ne vairāk kā 63 rakstzīmes).",
    )
    if label.isascii():
        if len(label) > 63:
            raise too_long
        return label
    try:
        encoded = label.encode("idna").decode("ascii")
    except UnicodeError:
        # The codec does not say why; length is the one cause worth telling apart.
        if len("xn--") + len(label.encode("punycode")) > 63:
            raise too_long from None
        encoded = ""
    # Nameprep may map characters; re-check what would actually be sent.
    if not encoded or not set(encoded) <= _LDH or encoded[0] == "-" or encoded[-1] == "-":
        raise _email_error(
            f"The domain part {label} is not a valid internationalised domain name.",
            f"Domēna daļa {label} nav derīgs starptautiskais domēna vārds.",
        )
    return encoded


def _check_domain(domain: str) -> str:
    """Validate a lower-cased domain and return its ASCII (IDNA) form."""
    if not domain:
        raise _email_error("There is nothing after the @.", "Pēc @ nekas nav ievadīts.")
    if "." not in domain:
        raise _email_error(
            "The domain after @ must contain a dot, for example skola.lv.",
            "Domēnā pēc @ jābūt punktam, piemēram, skola.lv.",
        )
    labels = domain.split(".")
    if any(not label for label in labels):
        raise _email_error(
            "The domain after @ must not start or end with a dot or have two dots in a row.",
            "Domēns pēc @ nedrīkst sākties vai beigties ar punktu, un tajā nedrīkst būt "
            "divi punkti pēc kārtas.",
        )
    encoded = [_ascii_label(label) for label in labels]
    tld = labels[-1]
    if len(tld) < 2 or not tld.isalpha():
        raise _email_error(
            "The domain must end with a top-level domain of at least two letters, "
            f"such as .lv; found .{tld}.",
            "Domēnam jābeidzas ar augstākā līmeņa domēnu no vismaz diviem burtiem, "
            f"piemēram, .lv; ievadīts .{tld}.",
        )
    return ".".join(encoded)


def validate_email(text: str) -> str:
    """Validate an e-mail address; return it stripped, with the domain lower-cased.

    Raises EmailError naming the problem.
    """
    address = text.strip()
    if not address:
        raise _email_error("E-mail address is empty.", "E-pasta adrese nav ievadīta.")
    if any(ch.isspace() for ch in address):
        raise _email_error(
            "E-mail address must not contain spaces.", "E-pasta adresē nedrīkst būt atstarpes."
        )
    at_count = address.count("@")
    if at_count == 0:
        raise _email_error("E-mail address must contain @.", "E-pasta adresē jābūt simbolam @.")
    if at_count > 1:
        # Quoted local parts ("a@b"@x.lv) are legal but not worth supporting here.
        raise _email_error(
            f"E-mail address must contain only one @, found {at_count}.",
            f"E-pasta adresē drīkst būt tikai viens @, bet ir {at_count}.",
        )
    local, domain = address.split("@")
    _check_local_part(local)
    domain = domain.lower()
    ascii_domain = _check_domain(domain)
    total = len(local.encode("utf-8")) + 1 + len(ascii_domain)
    if total > 254:
        raise _email_error(
            f"E-mail address is too long: {total} characters, at most 254.",
            f"E-pasta adrese ir par garu: {total} rakstzīmes, atļautas ne vairāk kā 254.",
        )
    return f"{local}@{domain}"
