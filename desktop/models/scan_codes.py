"""What a scanner types for a device, and finding the device again from it.

Inventory numbers carry Latvian letters (RAVĢ-2020-000001), which many USB barcode scanners in
keyboard mode cannot type. Labels therefore carry the number folded to ASCII capitals
(``scan_code``: RAVG-2020-000001), and every lookup of a typed or scanned number compares
folded forms (``fold``, the inbox search's folding): RAVG = RAVĢ = ravģ.

The lookup is narrowed in the database before anything is folded: digits and punctuation stay
as typed, each run of letters becomes a LIKE wildcard (``like_pattern``), so the school's
unique index on (institution, inventory number) alone yields the few candidates, and only
those are folded and compared. Two devices that fold alike are both returned: the caller
names them instead of guessing.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.schema import Item, fold

__all__ = ["code_key", "items_matching", "like_pattern", "same_code", "scan_code"]

_ESCAPE = "\\"


def code_key(text: str) -> str:
    """What a number is to a scanner: two numbers with the same key cannot be told apart."""
    # Stripped after folding too: a lone combining mark folds to nothing.
    return fold(text.strip()).strip()


def _is_letter_like(ch: str) -> bool:
    # Whatever folding may change (letters, anything beyond ASCII) is left to the wildcard.
    return not ch.isascii() or ch.isalpha()


def like_pattern(typed: str) -> str:
    """A LIKE pattern (escape ``\\``) that the inventory numbers folding like ``typed`` match.

    Digits and punctuation stay, each run of letters becomes ``%`` (folding may change its
    length: a decomposed Ģ is two characters). Letters alone (a name typed in the search box)
    would then match every item, so there each letter becomes ``_`` instead.
    """
    text = typed.strip()
    if all(_is_letter_like(ch) or ch.isspace() for ch in text):
        return "".join("_" if _is_letter_like(ch) else ch for ch in text)
    out: list[str] = []
    for ch in text:
        if _is_letter_like(ch):
            if not out or out[-1] != "%":
                out.append("%")
        else:
            out.append(_ESCAPE + ch if ch in "%_" + _ESCAPE else ch)
    return "".join(out)


def _matches(pattern: str, text: str) -> bool:
    """``text LIKE pattern`` as SQLite reads it, for the patterns ``like_pattern`` makes."""
    regex: list[str] = []
    chars = iter(pattern)
    for ch in chars:
        if ch == _ESCAPE:
            regex.append(re.escape(next(chars)))
        else:
            regex.append(".*" if ch == "%" else "." if ch == "_" else re.escape(ch))
    return re.fullmatch("".join(regex), text, re.IGNORECASE | re.DOTALL) is not None


def scan_code(inventory_no: str) -> str:
    """The ASCII code a label carries for ``inventory_no`` (what any scanner can type back).

    A number that folding cannot bring to ASCII (Cyrillic, say) keeps its own letters: no
    ASCII code of it could be found again.
    """
    number = inventory_no.strip()
    code = code_key(number).upper()
    if code.isascii() and _matches(like_pattern(code), number):
        return code
    return number


def same_code(typed: str, inventory_no: str) -> bool:
    """Whether ``typed`` (a scan, a typed number) names ``inventory_no``."""
    wanted = code_key(typed)
    return bool(wanted) and wanted == code_key(inventory_no)


def items_matching(session: Session, institution_id: str, typed: str) -> list[tuple[str, str]]:
    """(id, inventory number) of the school's items that ``typed`` names, by number.

    Usually one. Several when their numbers fold alike (RAVĢ-7 and RAVG-7), except that a
    number typed letter for letter with diacritics (it cannot come from an ASCII label) takes
    the item that has exactly that number.
    """
    needle = typed.strip()
    wanted = code_key(needle)
    if not wanted:
        return []
    numbers = [
        number
        for number in session.scalars(
            select(Item.inventory_no).where(
                Item.institution_id == institution_id,
                Item.inventory_no.like(like_pattern(needle), escape=_ESCAPE),
            )
        )
        if code_key(number) == wanted
    ]
    if len(numbers) > 1 and not needle.isascii() and needle in numbers:
        numbers = [needle]
    if not numbers:
        return []
    rows = session.execute(
        select(Item.id, Item.inventory_no)
        .where(Item.institution_id == institution_id, Item.inventory_no.in_(numbers))
        .order_by(Item.inventory_no)
    )
    return [(item_id, number) for item_id, number in rows]
