"""The issuing desk's operations: prepare a handover, cancel it, take a return, acknowledge a
lost or stolen report. Each is one transaction with its history, audit row and outbox command.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.codes import (
    ApplicationStatus,
    CancelReason,
    HandoverStatus,
    ItemStatus,
    ReturnCondition,
)
from desktop.models.decisions import (
    Outcome,
    active_handover,
    check_item_for,
    clean_reason,
    load_application,
    load_item,
    reserve_item,
)
from desktop.models.errors import InputError, NotFoundError
from desktop.models.journal import Actor, Change, Command, record
from desktop.models.permissions import Permission, require
from desktop.models.schema import Application, Handover, Item, utcnow
from desktop.models.store import Store
from desktop.models.workflow import (
    HandoverAction,
    ItemAction,
    TransitionError,
    next_handover_status,
    next_item_status,
)

_CLOSED_CASE = (HandoverStatus.RETURNED, HandoverStatus.LOST, HandoverStatus.STOLEN)


def _load_handover(session: Session, handover_id: str, actor: Actor) -> Handover:
    handover = session.get(Handover, handover_id)
    if handover is None or handover.application.institution_id != actor.institution_id:
        raise NotFoundError("handover", "Nodošana", handover_id)
    return handover


def _move_item(item: Item, action: ItemAction, at: datetime) -> Change:
    before = item.status
    item.status = next_item_status(before, action)
    item.updated_at = at
    return Change("item", item.id, action.value, before, item.status)


def _move_handover(
    handover: Handover, action: HandoverAction, at: datetime, reason: str | None = None
) -> Change:
    before = handover.status
    handover.status = next_handover_status(before, action)
    handover.status_changed_at = at
    return Change(
        "handover", handover.id, action.value, before, handover.status,
        handover.application_id, reason,
    )


def _next_act_number(session: Session, app: Application) -> str:
    count = session.scalar(
        select(func.count()).select_from(Handover).where(Handover.application_id == app.id)
    )
    return f"{app.number}-A{count or 1}"


def prepare_handover(
    store: Store,
    actor: Actor,
    application_id: int,
    *,
    item_id: str | None = None,
    return_deadline: date | None = None,
    now: datetime | None = None,
) -> Outcome:
    """Make a granted application "Ready for issue": assign or verify the item, reserve it.

    With an item different from the one reserved at grant, the old one is released and the
    new one must pass the grant rule.
    """
    require(actor, Permission.HAND_OVER)
    at = now or utcnow()
    with store.write() as session:
        app = load_application(session, application_id, actor)
        if app.status is not ApplicationStatus.CONFIRMED:
            raise TransitionError("application", app.status, HandoverAction.PREPARE,
                                  "only a granted application can be prepared for issue")
        changes: list[Change] = []
        handover = active_handover(session, app.id)
        if handover is None:
            finished = session.scalars(
                select(Handover.status).where(
                    Handover.application_id == app.id,
                    Handover.status.in_(_CLOSED_CASE),
                )
            ).first()
            if finished is not None:
                # A returned, lost or stolen device ends the case; only a cancelled handover
                # may be followed by another one.
                raise TransitionError("handover", finished, HandoverAction.PREPARE,
                                      "this application's device was already handed over")
            handover = Handover(
                application_id=app.id, status=HandoverStatus.PREPARING,
                status_changed_at=at, created_at=at,
            )
            session.add(handover)
            session.flush()
            changes.append(Change("handover", handover.id, "create", None, handover.status,
                                  app.id))
        elif handover.status is not HandoverStatus.PREPARING:
            raise TransitionError("handover", handover.status, HandoverAction.PREPARE)

        if item_id is not None and item_id != handover.item_id:
            new_item = load_item(session, item_id, actor)
            check_item_for(session, app, new_item)
            if handover.item_id is not None:
                old = load_item(session, handover.item_id, actor)
                changes.append(_move_item(old, ItemAction.UNRESERVE, at))
            changes.append(reserve_item(new_item, now=at))
            handover.item_id = new_item.id
        if handover.item_id is None:
            raise InputError("item", "choose or scan the device to hand over",
                             "Izvēlieties vai noskenējiet izsniedzamo resursu")
        item = load_item(session, handover.item_id, actor)
        if item.status is not ItemStatus.RESERVED:
            raise TransitionError("item", item.status, HandoverAction.PREPARE,
                                  "the device must be reserved for this handover")
        changes.append(_move_handover(handover, HandoverAction.PREPARE, at))
        handover.prepared_at = at
        handover.act_number = _next_act_number(session, app)
        if return_deadline is not None:
            handover.return_deadline = return_deadline
        command_id = record(
            session, actor, action="prepare_handover", entity_type="handover",
            entity_id=handover.id, changes=changes,
            audit_details={"application": app.id, "item": item.inventory_no},
            command=Command(
                "application", str(app.id), "prepare_handover", app.server_version,
                {
                    "handover_id": handover.id,
                    "item_id": item.id,
                    "act_number": handover.act_number,
                    "return_deadline": (
                        handover.return_deadline.isoformat() if handover.return_deadline
                        else None
                    ),
                },
                app.id,
            ),
            now=at,
        )
        return Outcome(app.id, handover.status.value, command_id, handover.id, item.id)


def cancel_handover(
    store: Store,
    actor: Actor,
    handover_id: str,
    reason: CancelReason,
    *,
    notes: str | None = None,
    now: datetime | None = None,
) -> Outcome:
    """Cancel a handover that has not been issued (e.g. the applicant refused the device)."""
    require(actor, Permission.HAND_OVER)
    reason = CancelReason(reason)
    text = clean_reason(notes, required=reason is CancelReason.OTHER)
    at = now or utcnow()
    with store.write() as session:
        handover = _load_handover(session, handover_id, actor)
        app = handover.application
        changes = [_move_handover(handover, HandoverAction.CANCEL, at, text or reason.value)]
        handover.cancel_reason = reason
        if handover.item_id is not None:
            item = load_item(session, handover.item_id, actor)
            changes.append(_move_item(item, ItemAction.UNRESERVE, at))
        command_id = record(
            session, actor, action="cancel_handover", entity_type="handover",
            entity_id=handover.id, changes=changes,
            audit_details={"application": app.id, "reason": reason.value},
            command=Command("application", str(app.id), "cancel_handover", app.server_version,
                            {"handover_id": handover.id, "reason": reason.value, "notes": text},
                            app.id),
            now=at,
        )
        return Outcome(app.id, handover.status.value, command_id, handover.id, handover.item_id)


def record_return(
    store: Store,
    actor: Actor,
    handover_id: str,
    condition: ReturnCondition,
    *,
    notes: str | None = None,
    now: datetime | None = None,
) -> Outcome:
    """Take a device back: the handover is returned, the item available or damaged."""
    require(actor, Permission.HAND_OVER)
    condition = ReturnCondition(condition)
    text = clean_reason(notes, required=condition is ReturnCondition.DAMAGED)
    at = now or utcnow()
    with store.write() as session:
        handover = _load_handover(session, handover_id, actor)
        app = handover.application
        changes = [_move_handover(handover, HandoverAction.RETURN, at, text)]
        handover.returned_at = at
        handover.return_condition = condition
        handover.return_notes = text
        if handover.item_id is None:  # pragma: no cover - an issued handover always has one
            raise InputError("item", "the handover has no device", "Nodošanai nav resursa")
        item = load_item(session, handover.item_id, actor)
        action = (
            ItemAction.RETURN_WORKING
            if condition is ReturnCondition.RETURNED_WORKING_ORDER
            else ItemAction.RETURN_DAMAGED
        )
        changes.append(_move_item(item, action, at))
        command_id = record(
            session, actor, action="record_return", entity_type="handover",
            entity_id=handover.id, changes=changes,
            audit_details={"application": app.id, "item": item.inventory_no,
                           "condition": condition.value},
            command=Command("application", str(app.id), "record_return", app.server_version,
                            {"handover_id": handover.id, "condition": condition.value,
                             "notes": text, "returned_at": at.isoformat()},
                            app.id),
            now=at,
        )
        return Outcome(app.id, handover.status.value, command_id, handover.id, item.id)


def acknowledge_incident(
    store: Store, actor: Actor, handover_id: str, *, now: datetime | None = None
) -> Outcome:
    """The school acknowledges the applicant's lost/stolen report; the item follows."""
    require(actor, Permission.HAND_OVER)
    at = now or utcnow()
    with store.write() as session:
        handover = _load_handover(session, handover_id, actor)
        app = handover.application
        if handover.status not in (HandoverStatus.LOST, HandoverStatus.STOLEN):
            raise TransitionError("handover", handover.status,
                                  HandoverAction.ACKNOWLEDGE_INCIDENT,
                                  "there is no lost or stolen report to acknowledge")
        if handover.incident_acknowledged_at is not None:
            raise TransitionError("handover", handover.status,
                                  HandoverAction.ACKNOWLEDGE_INCIDENT,
                                  "the report was already acknowledged")
        if handover.item_id is None:  # pragma: no cover - an issued handover always has one
            raise InputError("item", "the handover has no device", "Nodošanai nav resursa")
        item = load_item(session, handover.item_id, actor)
        action = (
            ItemAction.REPORT_LOST
            if handover.status is HandoverStatus.LOST
            else ItemAction.REPORT_STOLEN
        )
        changes = [_move_item(item, action, at)]
        handover.incident_acknowledged_at = at
        command_id = record(
            session, actor, action="acknowledge_incident", entity_type="handover",
            entity_id=handover.id, changes=changes,
            audit_details={"application": app.id, "item": item.inventory_no,
                           "incident": handover.status.value},
            command=Command("application", str(app.id), "acknowledge_incident",
                            app.server_version, {"handover_id": handover.id}, app.id),
            now=at,
        )
        return Outcome(app.id, handover.status.value, command_id, handover.id, item.id)
