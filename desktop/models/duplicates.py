"""Duplicate applications, as the register's ``checkDuplicate`` finds them: the same learner
(personal code), the same kind, and the other application still open.

Open (the register's active statuses, in DOMAIN.md's terms): submitted or postponed, or
granted while its device is still to come or with the learner, that is a handover that is
active (preparing, prepared, issued) or none that ended the case (returned, lost, stolen). A
granted application whose handover was only cancelled stays open: the desk may prepare
another device. Refused, withdrawn and deleted applications are closed.

The rule is written once in Python (``is_open``: the reference service asks it of its wire
records) and once as SQL (``open_clause``: the inbox asks it of the rows it shows, one look-up
in the (school, learner, kind) index per row); a test holds the two to the same table.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, String, and_, exists, func, not_, or_, select
from sqlalchemy.orm import aliased

from desktop.models.codes import ApplicationStatus, HandoverStatus
from desktop.models.schema import Application, Handover

UNDECIDED = (ApplicationStatus.SUBMITTED, ApplicationStatus.POSTPONED)
ACTIVE_HANDOVERS = (HandoverStatus.PREPARING, HandoverStatus.PREPARED, HandoverStatus.ISSUED)
ENDED_HANDOVERS = (HandoverStatus.RETURNED, HandoverStatus.LOST, HandoverStatus.STOLEN)
SEPARATOR = ","  # between the numbers the row query gathers (numbers hold no comma)


def is_open(status: ApplicationStatus, handovers: Iterable[HandoverStatus]) -> bool:
    """Whether an application with ``status`` and these handover statuses is still open."""
    if status in UNDECIDED:
        return True
    if status is not ApplicationStatus.CONFIRMED:
        return False
    seen = set(handovers)
    return bool(seen & set(ACTIVE_HANDOVERS)) or not seen & set(ENDED_HANDOVERS)


def open_clause(app: Any) -> ColumnElement[bool]:
    """``is_open`` as SQL over ``app`` (Application or an alias of it)."""
    handover = aliased(Handover)

    def has(statuses: tuple[HandoverStatus, ...]) -> ColumnElement[bool]:
        return exists().where(handover.application_id == app.id,
                              handover.status.in_([s.value for s in statuses]))

    return or_(
        app.status.in_([s.value for s in UNDECIDED]),
        and_(app.status == ApplicationStatus.CONFIRMED.value,
             or_(has(ACTIVE_HANDOVERS), not_(has(ENDED_HANDOVERS)))),
    )


def others_of(app: Any) -> tuple[Any, tuple[ColumnElement[bool], ...]]:
    """An alias of Application and the conditions that make its rows the other open
    applications of ``app``'s learner for ``app``'s kind at ``app``'s school."""
    other = aliased(Application, name="other")
    return other, (
        other.institution_id == app.institution_id,
        other.learner_personal_code == app.learner_personal_code,
        other.kind_code == app.kind_code,
        other.id != app.id,
        open_clause(other),
    )


def numbers_column(app: Any = Application) -> Any:
    """A scalar subquery: the other open applications' numbers joined by ``SEPARATOR``
    (NULL when there are none), for a row query over ``app``."""
    other, conditions = others_of(app)
    return (select(func.group_concat(other.number, SEPARATOR))
            .where(*conditions).scalar_subquery())


def split_numbers(joined: str | None) -> tuple[str, ...]:
    """The numbers ``numbers_column`` gathered, in order."""
    return tuple(sorted(joined.split(SEPARATOR))) if joined else ()


def others_column(app: Any = Application) -> Any:
    """A scalar subquery: "id number status" of each other open application, joined by
    ``SEPARATOR`` (NULL when there are none): the detail reads them with the application."""
    other, conditions = others_of(app)
    described = other.id.cast(String) + " " + other.number + " " + other.status
    return (select(func.group_concat(described, SEPARATOR))
            .where(*conditions).scalar_subquery())


def split_others(joined: str | None) -> list[tuple[int, str, ApplicationStatus]]:
    """(id, number, status) of what ``others_column`` gathered, by number."""
    found = []
    for entry in joined.split(SEPARATOR) if joined else []:
        app_id, number, status = entry.split(" ")
        found.append((int(app_id), number, ApplicationStatus(status)))
    return sorted(found, key=lambda o: o[1])
