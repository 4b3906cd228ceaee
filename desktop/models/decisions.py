"""Deciding on applications: grant (optionally with an item), refuse, defer.

Each function is one transaction: the new state, its status-history rows, an audit row and the
outbox command commit together, or nothing does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.changes import NO_CHANGES, OpChanges
from desktop.models.codes import HandoverStatus, ItemStatus
from desktop.models.errors import InputError, NotFoundError
from desktop.models.journal import Actor, Change, Command, record
from desktop.models.permissions import Permission, require
from desktop.models.schema import (
    ACTIVE_HANDOVER_STATUSES,
    Application,
    Handover,
    Item,
    OfferedKind,
    utcnow,
)
from desktop.models.store import Store
from desktop.models.workflow import (
    ApplicationAction,
    GrantFacts,
    GrantRuleError,
    ItemAction,
    check_grant,
    next_application_status,
    next_item_status,
)

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


def check_item_for(session: Session, app: Application, item: Item) -> None:
    """The grant rule of DOMAIN.md for this application and this item."""
    offered = session.scalars(
        select(OfferedKind).where(
            OfferedKind.institution_id == app.institution_id,
            OfferedKind.kind_code == app.kind_code,
        )
    ).one_or_none()
    if offered is None:
        raise NotFoundError("offered kind", "Piedāvātais resursu veids", app.kind_code)
    check_grant(
        GrantFacts(
            requested_kind=app.kind_code,
            applicant_role=app.submitter_role,
            social_status_confirmed=any(s.confirmed for s in app.social_statuses),
            kind_target_group=offered.target_group,
            item_kind=item.kind_code,
            item_status=item.status,
            item_socially_supported=item.socially_supported,
        )
    )


def reserve_item(item: Item, *, now: datetime) -> Change:
    before = item.status
    item.status = next_item_status(before, ItemAction.RESERVE)
    item.updated_at = now
    return Change("item", item.id, ItemAction.RESERVE.value, before, item.status)


def grant(
    store: Store,
    actor: Actor,
    application_id: int,
    *,
    item_id: str | None = None,
    return_deadline: date | None = None,
    now: datetime | None = None,
) -> Outcome:
    """Grant the application; with an item, reserve it and start the handover (preparing)."""
    require(actor, Permission.DECIDE)
    at = now or utcnow()
    with store.write() as session:
        app = load_application(session, application_id, actor)
        before = app.status
        app.status = next_application_status(before, ApplicationAction.GRANT)
        app.status_changed_at = at
        app.updated_at = at
        app.decision_reason = None
        app.revisit_on = None
        changes = [
            Change("application", str(app.id), "grant", before, app.status, app.id),
        ]
        handover_id = None
        payload: dict[str, object] = {}
        if item_id is not None:
            item = load_item(session, item_id, actor)
            check_item_for(session, app, item)
            changes.append(reserve_item(item, now=at))
            handover = Handover(
                application_id=app.id,
                item_id=item.id,
                status=HandoverStatus.PREPARING,
                status_changed_at=at,
                created_at=at,
                return_deadline=return_deadline,
            )
            session.add(handover)
            session.flush()
            handover_id = handover.id
            changes.append(
                Change("handover", handover.id, "create", None, handover.status, app.id)
            )
            payload = {
                "handover_id": handover.id,
                "item_id": item.id,
                "return_deadline": return_deadline.isoformat() if return_deadline else None,
            }
        command_id = record(
            session,
            actor,
            action="grant",
            entity_type="application",
            entity_id=str(app.id),
            changes=changes,
            audit_details={"from": before.value, "to": app.status.value, "with_item": bool(item_id)},
            command=Command("application", str(app.id), "grant", app.server_version, payload,
                            app.id),
            now=at,
        )
        return Outcome(app.id, app.status.value, command_id, handover_id, item_id)


def refuse(
    store: Store, actor: Actor, application_id: int, reason: str, *, now: datetime | None = None
) -> Outcome:
    """Refuse the application; a reason is required and goes to the applicant."""
    require(actor, Permission.DECIDE)
    text = clean_reason(reason, required=True)
    at = now or utcnow()
    with store.write() as session:
        app = load_application(session, application_id, actor)
        before = app.status
        app.status = next_application_status(before, ApplicationAction.REFUSE)
        app.status_changed_at = at
        app.updated_at = at
        app.decision_reason = text
        app.revisit_on = None
        command_id = record(
            session,
            actor,
            action="refuse",
            entity_type="application",
            entity_id=str(app.id),
            changes=[Change("application", str(app.id), "refuse", before, app.status, app.id,
                            text)],
            audit_details={"from": before.value, "to": app.status.value},
            command=Command("application", str(app.id), "refuse", app.server_version,
                            {"reason": text}, app.id),
            now=at,
        )
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
    text = clean_reason(reason, required=True)
    at = now or utcnow()
    if revisit_on is not None and revisit_on < at.date():
        raise InputError(
            "revisit_on",
            f"the revisit date {revisit_on.isoformat()} is in the past",
            f"Atkārtotas izskatīšanas datums {revisit_on:%d.%m.%Y} ir pagātnē",
        )
    with store.write() as session:
        app = load_application(session, application_id, actor)
        before = app.status
        app.status = next_application_status(before, ApplicationAction.DEFER)
        app.status_changed_at = at
        app.updated_at = at
        app.decision_reason = text
        app.revisit_on = revisit_on
        command_id = record(
            session,
            actor,
            action="defer",
            entity_type="application",
            entity_id=str(app.id),
            changes=[Change("application", str(app.id), "defer", before, app.status, app.id,
                            text)],
            audit_details={"from": before.value, "to": app.status.value},
            command=Command(
                "application",
                str(app.id),
                "defer",
                app.server_version,
                {"reason": text, "revisit_on": revisit_on.isoformat() if revisit_on else None},
                app.id,
            ),
            now=at,
        )
        return Outcome(app.id, app.status.value, command_id)


def offerable_items(store: Store, actor: Actor, application_id: int) -> list[tuple[str, str]]:
    """Items that the grant rule allows for this application: (id, inventory number)."""
    with store.read() as session:
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
                check_item_for(session, app, item)
            except GrantRuleError:  # a refused item is simply not offered
                continue
            allowed.append((item.id, item.inventory_no))
        return allowed

