"""The one way text enters reportlab's paragraph markup.

reportlab reads ``Paragraph`` text as a small XML dialect: a school's name with ``<font
size=60>`` would print huge and ``Skola <unclosed & co`` would make the whole document fail.
Every value that is not our own fixed wording passes ``text`` first.
"""

from __future__ import annotations

from xml.sax.saxutils import escape


def text(value: object) -> str:
    """``value`` as literal paragraph text: ``&``, ``<`` and ``>`` escaped, never markup."""
    return escape("" if value is None else str(value))
