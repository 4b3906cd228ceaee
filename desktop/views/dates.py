"""Dates and times as the views show them, through QLocale so the UI language decides.

One pattern, dd.MM.yyyy, in both languages: the core's messages, the PDF acts and reports and
the school's own paperwork all write 28.02.2026, and a British "28/02/2026" beside them on the
same screen would read as a second convention."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

DATE_PATTERN = "dd.MM.yyyy"
TIME_PATTERN = "HH:mm"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def shown_date(day: date | datetime | None, empty: str = "") -> str:
    """28.02.2026; an aware datetime is shown on its local day."""
    if day is None:
        return empty
    if isinstance(day, datetime):
        day = day.astimezone().date() if day.tzinfo else day.date()
    return QLocale().toString(_qdate(day), DATE_PATTERN)


def shown_time(moment: datetime, seconds: bool = False) -> str:
    """14:05 (or 14:05:09) in local time."""
    local = moment.astimezone() if moment.tzinfo else moment
    pattern = TIME_PATTERN + (":ss" if seconds else "")
    return QLocale().toString(QTime(local.hour, local.minute, local.second), pattern)


def shown_datetime(moment: datetime | None, empty: str = "", seconds: bool = False) -> str:
    """28.02.2026 14:05 in local time."""
    if moment is None:
        return empty
    local = moment.astimezone() if moment.tzinfo else moment
    pattern = f"{DATE_PATTERN} {TIME_PATTERN}" + (":ss" if seconds else "")
    stamp = QDateTime(_qdate(local.date()), QTime(local.hour, local.minute, local.second))
    return QLocale().toString(stamp, pattern)
