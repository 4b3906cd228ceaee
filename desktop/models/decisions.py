"""Deciding on applications: grant (optionally with an item), refuse, defer.

Each function is one transaction: the new state, its status-history rows, an audit row and the
outbox command commit together, or nothing does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import rules
from desktop.models.changes import NO_CHANGES, OpChanges
from desktop.models.codes import ApplicationStatus, ItemStatus
from desktop.models.commands import CommandName, DeferPayload, GrantPayload, RefusePayload
from desktop.models.errors import InputError, NotFoundError
from desktop.models.journal import Actor
from desktop.models.operations import (
    application_data,
    context,
    item_data,
    run_application_command,
)
from desktop.models.permissions import Permission, require
from desktop.models.schema import (
    ACTIVE_HANDOVER_STATUSES,
    Application,
    Handover,
    Item,
    new_id,
    utcnow,
)
from desktop.models.store import Store
from desktop.models.workflow import GrantRuleError

MAX_REASON = 2000


@dataclass(frozen=True)
class Outcome:
    """What an operation changed, for the caller to show; no ORM objects leave the core."""

    application_id: int | None
    status: str
    command_id: str | None
    handover_id: str | None = None
    item_id: str | None = None
    extra: OpChanges = NO_CHANGES  # what else the operation touched (an unreserved item…)

    @property
    def changes(self) -> OpChanges:
        """What a view must reload after this operation."""
        return OpChanges.of(applications=[self.application_id], items=[self.item_id],
                            handovers=[self.handover_id],
                            outbox=self.command_id is not None) | self.extra


def free_id(session: Session, wanted: str | None) -> str:
    """``wanted`` if no handover has it yet, else a new id."""
    if wanted is not None and session.get(Handover, wanted) is None:
        return wanted
    return new_id()


def load_application(session: Session, application_id: int, actor: Actor) -> Application:
    app = session.get(Application, application_id)
    if app is None or app.institution_id != actor.institution_id:
        raise NotFoundError("application", "Pieteikums", application_id)
    return app


def load_item(session: Session, item_id: str, actor: Actor) -> Item:
    item = session.get(Item, item_id)
    if item is None or item.institution_id != actor.institution_id:
        raise NotFoundError("item", "Resurss", item_id)
    return item


def active_handover(session: Session, application_id: int) -> Handover | None:
    return session.scalars(
        select(Handover).where(
            Handover.application_id == application_id,
            Handover.status.in_(ACTIVE_HANDOVER_STATUSES),
        )
    ).one_or_none()


def clean_reason(reason: str | None, *, required: bool) -> str | None:
    text = (reason or "").strip()
    if not text:
        if required:
            raise InputError("reason", "a reason is required", "Jānorāda pamatojums")
        return None
    if len(text) > MAX_REASON:
        raise InputError(
            "reason",
            f"the reason is {len(text)} characters long, at most {MAX_REASON} are allowed",
            f"Pamatojums ir {len(text)} rakstzīmes garš, atļauts ne vairāk kā {MAX_REASON}",
        )
    return text


def check_item_for(session: Session, actor: Actor, app: Application, item: Item) -> None:
    """The grant rule of DOMAIN.md for this application and this item (the registry's)."""
    work = rules.start(application_data(app), context(session, actor, utcnow()))
    work.check_grant(item_data(item))


def grant_body(
    session: Session,
    actor: Actor,
    application_id: int,
    *,
    item_id: str | None = None,
    return_deadline: date | None = None,
    handover_id: str | None = None,
    at: datetime,
) -> Outcome:
    """``grant`` inside the caller's transaction (for re-apply and bulk decisions).

    ``handover_id``: the id the new handover takes (re-apply keeps the one the decisions
    queued behind it name), when it is free.
    """
    app = load_application(session, application_id, actor)
    before = app.status
    payload = GrantPayload(handover_id=free_id(session, handover_id)
                           if item_id is not None else None,
                           item_id=item_id, return_deadline=return_deadline)
    applied, command_id = run_application_command(
        session, actor, app, CommandName.GRANT, payload, at=at,
        audit_details={"from": before.value, "to": ApplicationStatus.CONFIRMED.value,
                       "with_item": bool(item_id)})
    handover_id = applied.created_handovers[0] if applied.created_handovers else None
    return Outcome(app.id, app.status.value, command_id, handover_id, item_id)


def grant(
    store: Store,
    actor: Actor,
    application_id: int,
    *,
    item_id: str | None = None,
    return_deadline: date | None = None,
    handover_id: str | None = None,
    now: datetime | None = None,
) -> Outcome:
    """Grant the application; with an item, reserve it and start the handover (preparing)."""
    require(actor, Permission.DECIDE)
    with store.write() as session:
        return grant_body(session, actor, application_id, item_id=item_id,
                          return_deadline=return_deadline, handover_id=handover_id,
                          at=now or utcnow())


def refuse_body(session: Session, actor: Actor, application_id: int, reason: str, *,
                at: datetime) -> Outcome:
    text = clean_reason(reason, required=True)
    assert text is not None
    app = load_application(session, application_id, actor)
    before = app.status
    _, command_id = run_application_command(
        session, actor, app, CommandName.REFUSE, RefusePayload(reason=text), at=at,
        audit_details={"from": before.value, "to": ApplicationStatus.DECLINED.value})
    return Outcome(app.id, app.status.value, command_id)


def refuse(
    store: Store, actor: Actor, application_id: int, reason: str, *, now: datetime | None = None
) -> Outcome:
    """Refuse the application; a reason is required and goes to the applicant."""
    require(actor, Permission.DECIDE)
    clean_reason(reason, required=True)
    with store.write() as session:
        return refuse_body(session, actor, application_id, reason, at=now or utcnow())


def defer_body(session: Session, actor: Actor, application_id: int, reason: str, *,
               revisit_on: date | None = None, at: datetime) -> Outcome:
    text = clean_reason(reason, required=True)
    assert text is not None
    if revisit_on is not None and revisit_on < at.date():
        raise InputError(
            "revisit_on",
            f"the revisit date {revisit_on.isoformat()} is in the past",
            f"Atkārtotas izskatīšanas datums {revisit_on:%d.%m.%Y} ir pagātnē",
        )
    app = load_application(session, application_id, actor)
    before = app.status
    _, command_id = run_application_command(
        session, actor, app, CommandName.DEFER,
        DeferPayload(reason=text, revisit_on=revisit_on), at=at,
        audit_details={"from": before.value, "to": ApplicationStatus.POSTPONED.value})
    return Outcome(app.id, app.status.value, command_id)


def defer(
    store: Store,
    actor: Actor,
    application_id: int,
    reason: str,
    *,
    revisit_on: date | None = None,
    now: datetime | None = None,
) -> Outcome:
    """Postpone the decision, with a reason and optionally a date to look at it again."""
    require(actor, Permission.DECIDE)
    at = now or utcnow()
    clean_reason(reason, required=True)
    with store.write() as session:
        return defer_body(session, actor, application_id, reason, revisit_on=revisit_on,
                          at=at)


def offerable_items(store: Store, actor: Actor, application_id: int) -> list[tuple[str, str]]:
    """Items that the grant rule allows for this application: (id, inventory number)."""
    with store.read() as session:
        return offerable_in(session, actor, application_id)


def offerable_in(session: Session, actor: Actor, application_id: int) -> list[tuple[str, str]]:
    """``offerable_items`` inside the caller's session (a bulk grant sees the devices it has
    reserved a moment ago as reserved)."""
    app = load_application(session, application_id, actor)
    candidates = session.scalars(
        select(Item)
        .where(
            Item.institution_id == actor.institution_id,
            Item.kind_code == app.kind_code,
            Item.status == ItemStatus.AVAILABLE,
        )
        .order_by(Item.inventory_no)
    ).all()
    allowed = []
    for item in candidates:
        try:
            check_item_for(session, actor, app, item)
        except GrantRuleError:  # a refused item is simply not offered
            continue
        allowed.append((item.id, item.inventory_no))
    return allowed

