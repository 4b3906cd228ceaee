"""Spreadsheet-safe CSV cells: what a spreadsheet would evaluate is neither written nor read.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to
Excel and LibreOffice (``=HYPERLINK(…)``, ``+cmd|' /c calc'!A0``, ``@SUM(1)``). Exports prefix
such a cell with an apostrophe, which the spreadsheet shows as text and does not display;
imports refuse it, naming the row, rather than guess what was meant. A plain number such as
``-5`` or ``+37120000000`` is left alone on import, and written as text on export (a phone
number keeps its ``+``).
"""

from __future__ import annotations

import re

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+([.,][0-9]+)?")


def neutral(text: str) -> str:
    """``text`` as an export cell: a leading formula character is defused with ``'``."""
    return "'" + text if text.startswith(_TRIGGERS) else text


def is_formula(text: str) -> bool:
    """Whether an imported cell would be evaluated by a spreadsheet (and is not a number)."""
    stripped = text.strip()
    return text.startswith(_TRIGGERS) and not _PLAIN_NUMBER.fullmatch(stripped) or \
        stripped.startswith(("=", "@"))
