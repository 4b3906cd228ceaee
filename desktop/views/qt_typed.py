"""Two PySide6 functions typed as what they return at run time.

PySide6's stubs declare ``QT_TRANSLATE_NOOP(context, message) -> object`` and
``QDate.toPython() -> object``; at run time the first returns ``message`` unchanged (a marked
Latvian text stays a ``str``) and the second a ``datetime.date``. The views use these instead,
so the type checker sees a ``str`` and a ``date``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import cast

from PySide6 import QtCore

# (context, Latvian text) -> the same text, marked for Qt Linguist and translated where it is
# shown. The same PySide6 function with its run-time type: pyside6-lupdate finds marked texts
# by the call's name, so the views import it under this name and Linguist sees every text.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)


def to_date(day: QtCore.QDate) -> date:
    """A (valid) QDate as a Python date."""
    return date(day.year(), day.month(), day.day())
