"""The dates the wire and the command payloads take: strict on both sides.

Nothing before 2000; a moment that happened no more than a day ahead of this clock (two
computers' clocks differ); a deadline, a revisit day or an arranged time at most ten years
ahead. The validators read ``wire_now`` of this module, so a test moves the clock with
``monkeypatch.setattr(wire_dates, "wire_now", ...)``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Annotated, TypeVar

from pydantic import AfterValidator, AwareDatetime

#: How far one side's clock may run ahead of the other's: a moment that records something
#: that happened may lie this far in the future, no further.
CLOCK_SKEW = timedelta(days=1)
#: How far ahead a deadline or an arranged time may be set (ten years).
FURTHEST_AHEAD = timedelta(days=3653)
#: Nothing on the wire is older than this (and an older moment could not be moved into the
#: workstation's time zone everywhere: year 1 minus an offset is out of range).
EARLIEST = date(2000, 1, 1)


def wire_now() -> datetime:
    """The clock the date checks read; a test moves it with ``monkeypatch.setattr``."""
    return datetime.now(UTC)


_When = TypeVar("_When", date, datetime)


def _day(value: date | datetime) -> date:
    return value.astimezone(UTC).date() if isinstance(value, datetime) else value


def _not_before_earliest(value: date | datetime) -> None:
    if _day(value) < EARLIEST:
        raise ValueError(f"is before {EARLIEST.isoformat()}")


def _happened(value: _When) -> _When:
    """A moment (or day) something happened: not in the future beyond the clock skew."""
    _not_before_earliest(value)
    now = wire_now()
    late = (value > now + CLOCK_SKEW if isinstance(value, datetime)
            else value > (now + CLOCK_SKEW).date())
    if late:
        raise ValueError(f"lies in the future ({value.isoformat()} is more than "
                         f"{CLOCK_SKEW.days} day ahead of now)")
    return value


def _ahead(value: _When) -> _When:
    """A deadline or an arranged time: may be in the future, but within ten years."""
    _not_before_earliest(value)
    now = wire_now()
    late = (value > now + FURTHEST_AHEAD if isinstance(value, datetime)
            else value > (now + FURTHEST_AHEAD).date())
    if late:
        raise ValueError(f"lies too far ahead ({value.isoformat()} is more than "
                         f"{FURTHEST_AHEAD.days // 365} years from now)")
    return value


#: When something happened (a status reached, a submission, an issue, a return).
Happened = Annotated[AwareDatetime, AfterValidator(_happened)]
#: The day something happened (an incident).
HappenedOn = Annotated[date, AfterValidator(_happened)]
#: A deadline or a revisit day.
DueOn = Annotated[date, AfterValidator(_ahead)]
#: An arranged time (a pickup window).
ArrangedAt = Annotated[AwareDatetime, AfterValidator(_ahead)]


__all__ = ["CLOCK_SKEW", "EARLIEST", "FURTHEST_AHEAD", "ArrangedAt", "DueOn", "Happened",
           "HappenedOn", "wire_now"]
