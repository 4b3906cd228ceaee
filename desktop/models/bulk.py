"""Granting, refusing or deferring many applications at once (a selection in the inbox).

The whole selection is one ``store.write()``; each application is decided inside it through
``decisions.refuse``/``defer`` as a savepoint, so one that may no longer be refused (already
declined, withdrawn, deleted meanwhile) is reported and skipped without undoing the others,
and the decisions that stand commit together. What can be checked once is checked before anything is
written: the reason, the revisit date and the actor's permission.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from desktop.models import decisions
from desktop.models.changes import OpChanges
from desktop.models.errors import InputError
from desktop.models.journal import Actor
from desktop.models.permissions import Permission, require
from desktop.models.schema import utcnow
from desktop.models.store import Store
from desktop.models.workflow import WorkflowError


@dataclass(frozen=True)
class BulkResult:
    """Which applications were decided and which were not, with a Latvian message for each;
    of a bulk grant, those granted without a device (none was left, or none was asked for)."""

    done: list[int] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)
    without_device: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.done) + len(self.failed)

    @property
    def changes(self) -> OpChanges:
        return OpChanges.of(applications=self.done, outbox=bool(self.done))


def _unique(ids: Iterable[int]) -> list[int]:
    """The ids in their order, each once (a selection may name a row twice)."""
    return list(dict.fromkeys(int(i) for i in ids))


def _reason(reason: str) -> str:
    """The cleaned reason, or ``InputError`` before anything is written."""
    return decisions.clean_reason(reason, required=True) or ""


def each_application(store: Store, ids: Iterable[int],
                     act: Callable[[Session, int], object]) -> BulkResult:
    """Run ``act`` for each application in one transaction, each as a savepoint: one a rule
    refuses is reported with its Latvian reason and undone alone; the others commit together."""
    done: list[int] = []
    failed: list[tuple[int, str]] = []
    with store.write() as session:
        for app_id in _unique(ids):
            try:
                with session.begin_nested():
                    act(session, app_id)
            except WorkflowError as exc:  # a rule said no for this one: report it, go on
                failed.append((app_id, exc.message_lv))
            else:
                done.append(app_id)
    return BulkResult(done, failed)


def _each(store: Store, ids: Iterable[int], decide: Callable[[int], object]) -> BulkResult:
    # ``decide`` opens its own write(): inside this one it is a savepoint of it
    return each_application(store, ids, lambda _session, app_id: decide(app_id))


def refuse_many(
    store: Store,
    actor: Actor,
    application_ids: Iterable[int],
    reason: str,
    *,
    now: datetime | None = None,
) -> BulkResult:
    """Refuse every application in ``application_ids`` with the same reason.

    Raises ``InputError`` (nothing written) when the reason is blank or too long, and
    ``PermissionDeniedError`` when the actor may not decide.
    """
    require(actor, Permission.DECIDE)
    text = _reason(reason)
    return _each(
        store, application_ids,
        lambda app_id: decisions.refuse(store, actor, app_id, text, now=now),
    )


def defer_many(
    store: Store,
    actor: Actor,
    application_ids: Iterable[int],
    reason: str,
    revisit_on: date | None = None,
    *,
    now: datetime | None = None,
) -> BulkResult:
    """Postpone every application in ``application_ids`` with the same reason and date.

    Raises ``InputError`` (nothing written) when the reason is blank or too long or the
    revisit date is in the past, and ``PermissionDeniedError`` when the actor may not decide.
    """
    require(actor, Permission.DECIDE)
    text = _reason(reason)
    if revisit_on is not None and revisit_on < (now or utcnow()).date():
        raise InputError(
            "revisit_on",
            f"the revisit date {revisit_on.isoformat()} is in the past",
            f"Atkārtotas izskatīšanas datums {revisit_on:%d.%m.%Y} ir pagātnē",
        )
    return _each(
        store, application_ids,
        lambda app_id: decisions.defer(store, actor, app_id, text, revisit_on=revisit_on,
                                       now=now),
    )


def grant_many(
    store: Store,
    actor: Actor,
    application_ids: Iterable[int],
    *,
    assign: bool,
    return_deadline: date | None = None,
    now: datetime | None = None,
) -> BulkResult:
    """Grant every application in ``application_ids``; with ``assign``, each reserves the
    first available device of its kind that the grant rule allows (by inventory number),
    while any is left. One transaction, each application a savepoint: one the rules refuse
    is reported and skipped; those that found no device are granted without one (the desk
    picks it later) and named in ``without_device``.

    Raises ``PermissionDeniedError`` (nothing written) when the actor may not decide.
    """
    require(actor, Permission.DECIDE)
    at = now or utcnow()
    bare: list[int] = []

    def grant_one(session: Session, app_id: int) -> None:
        choices = decisions.offerable_in(session, actor, app_id) if assign else []
        item_id = choices[0][0] if choices else None
        decisions.grant_body(session, actor, app_id, item_id=item_id,
                             return_deadline=return_deadline if item_id else None, at=at)
        if item_id is None:
            bare.append(app_id)

    result = each_application(store, application_ids, grant_one)
    return BulkResult(result.done, result.failed, [i for i in bare if i in result.done])
