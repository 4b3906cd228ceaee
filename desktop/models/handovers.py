"""The issuing desk's operations: prepare a handover, cancel it, take a return, acknowledge a
lost or stolen report. Each is one transaction with its history, audit row and outbox command.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy.orm import Session

from desktop.models import rules
from desktop.models.codes import (
    ApplicationStatus,
    CancelReason,
    HandoverStatus,
    ReturnCondition,
    ReturnGrade,
)
from desktop.models.commands import (
    AcknowledgePayload,
    Arrangement,
    CancelPayload,
    ChecklistEntry,
    CommandName,
    PreparePayload,
    ReturnPayload,
)
from desktop.models.decisions import (
    Outcome,
    active_handover,
    clean_reason,
    free_id,
    load_application,
)
from desktop.models.errors import InputError, NotFoundError
from desktop.models.journal import Actor
from desktop.models.operations import run_application_command
from desktop.models.permissions import Permission, require
from desktop.models.schema import Application, Handover, Item, utcnow
from desktop.models.store import Store
from desktop.models.workflow import HandoverAction, TransitionError


def _load_handover(session: Session, handover_id: str, actor: Actor) -> Handover:
    handover = session.get(Handover, handover_id)
    if handover is None or handover.application.institution_id != actor.institution_id:
        raise NotFoundError("handover", "Izsniegšanas ieraksts", handover_id)
    return handover


def _next_act_number(app: Application, new_handover: bool) -> str:
    """``<application number>-A<n>``: unique without asking the server (prepared offline)."""
    return f"{app.number}-A{len(app.handovers) + (1 if new_handover else 0) or 1}"


def prepare_handover_body(
    session: Session,
    actor: Actor,
    application_id: int,
    *,
    item_id: str | None = None,
    return_deadline: date | None = None,
    handover_id: str | None = None,
    at: datetime,
    arrangement: Arrangement | None = None,
    notify: bool = False,
    allow_other_kind: bool = False,
) -> Outcome:
    """``prepare_handover`` inside the caller's transaction (``handover_id``: the id a new
    handover takes when it is free, as in ``grant_body``)."""
    app = load_application(session, application_id, actor)
    if app.status is not ApplicationStatus.CONFIRMED:
        raise TransitionError("application", app.status, HandoverAction.PREPARE,
                              "only a granted application can be prepared for issue")
    handover = active_handover(session, app.id)
    item_id = item_id or (handover.item_id if handover is not None else None)
    if item_id is None:
        raise InputError("item", "choose or scan the device to hand over",
                         "Izvēlieties vai noskenējiet izsniedzamo resursu")
    payload = PreparePayload(
        handover_id=handover.id if handover is not None else free_id(session, handover_id),
        item_id=item_id,
        act_number=_next_act_number(app, handover is None),
        return_deadline=return_deadline,
        arrangement=arrangement,
        notify=notify,
        allow_other_kind=allow_other_kind,
    )
    _, command_id = run_application_command(
        session, actor, app, CommandName.PREPARE_HANDOVER, payload, at=at,
        audit_entity=("handover", payload.handover_id),
        audit_details={"application": app.id,
                       "item": applied_inventory_no(session, item_id)})
    return Outcome(app.id, HandoverStatus.PREPARED.value, command_id, payload.handover_id,
                   item_id)


def applied_inventory_no(session: Session, item_id: str) -> str | None:
    item = session.get(Item, item_id)
    return item.inventory_no if item is not None else None


def prepare_handover(
    store: Store,
    actor: Actor,
    application_id: int,
    *,
    item_id: str | None = None,
    return_deadline: date | None = None,
    handover_id: str | None = None,
    now: datetime | None = None,
    arrangement: Arrangement | None = None,
    notify: bool = False,
    allow_other_kind: bool = False,
) -> Outcome:
    """Make a granted application "Ready for issue": assign or verify the item, reserve it.

    With an item different from the one reserved at grant, the old one is released and the
    new one must pass the grant rule.
    """
    require(actor, Permission.HAND_OVER)
    with store.write() as session:
        return prepare_handover_body(session, actor, application_id, item_id=item_id,
                                     return_deadline=return_deadline,
                                     handover_id=handover_id, at=now or utcnow(),
                                     arrangement=arrangement, notify=notify,
                                     allow_other_kind=allow_other_kind)


def cancel_handover_body(session: Session, actor: Actor, handover_id: str,
                         reason: CancelReason, *, notes: str | None = None,
                         at: datetime) -> Outcome:
    reason = CancelReason(reason)
    text = clean_reason(notes, required=reason is CancelReason.OTHER)
    handover = _load_handover(session, handover_id, actor)
    app = handover.application
    _, command_id = run_application_command(
        session, actor, app, CommandName.CANCEL_HANDOVER,
        CancelPayload(handover_id=handover.id, reason=reason, notes=text), at=at,
        audit_entity=("handover", handover.id),
        audit_details={"application": app.id, "reason": reason.value})
    return Outcome(app.id, handover.status.value, command_id, handover.id, handover.item_id)


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
    clean_reason(notes, required=CancelReason(reason) is CancelReason.OTHER)
    with store.write() as session:
        return cancel_handover_body(session, actor, handover_id, reason, notes=notes,
                                    at=now or utcnow())


def _return_notes(condition: ReturnCondition, checklist: Sequence[tuple[str, bool]],
                  notes: str | None) -> str | None:
    """The notes as the payload carries them, or InputError naming why they are required
    (the rule's own check, asked before anything is written)."""
    text = clean_reason(notes, required=False)
    try:
        rules.check_return_notes(condition, checklist, text)
    except rules.RuleRefused as exc:
        raise InputError("reason", str(exc), exc.message_lv) from None
    return text


def record_return_body(session: Session, actor: Actor, handover_id: str,
                       condition: ReturnCondition, *, notes: str | None = None,
                       at: datetime, grade: ReturnGrade | None = None,
                       checklist: Sequence[tuple[str, bool]] = ()) -> Outcome:
    condition = ReturnCondition(condition)
    grade = ReturnGrade(grade) if grade is not None else None
    text = _return_notes(condition, checklist, notes)
    handover = _load_handover(session, handover_id, actor)
    app = handover.application
    _, command_id = run_application_command(
        session, actor, app, CommandName.RECORD_RETURN,
        ReturnPayload(handover_id=handover.id, condition=condition, notes=text,
                      returned_at=at, grade=grade,
                      checklist=[ChecklistEntry(name=name, returned=returned)
                                 for name, returned in checklist]),
        at=at, audit_entity=("handover", handover.id),
        audit_details={"application": app.id,
                       "item": applied_inventory_no(session, handover.item_id or ""),
                       "condition": condition.value,
                       **({"grade": grade.value} if grade is not None else {}),
                       **({"missing": rules.missing_from(checklist)} if checklist else {})})
    return Outcome(app.id, handover.status.value, command_id, handover.id, handover.item_id)


def record_return(
    store: Store,
    actor: Actor,
    handover_id: str,
    condition: ReturnCondition,
    *,
    notes: str | None = None,
    now: datetime | None = None,
    grade: ReturnGrade | None = None,
    checklist: Sequence[tuple[str, bool]] = (),
) -> Outcome:
    """Take a device back: the handover is returned, the item available or damaged.

    ``grade`` (the desk's finer word) must mean ``condition``; ``checklist`` is the kind's
    checklist as (name, came back) pairs. A damaged device or a missing entry needs notes.
    """
    require(actor, Permission.HAND_OVER)
    _return_notes(ReturnCondition(condition), checklist, notes)
    with store.write() as session:
        return record_return_body(session, actor, handover_id, condition, notes=notes,
                                  at=now or utcnow(), grade=grade, checklist=checklist)


def acknowledge_incident_body(session: Session, actor: Actor, handover_id: str, *,
                              at: datetime) -> Outcome:
    handover = _load_handover(session, handover_id, actor)
    app = handover.application
    incident = handover.status.value
    _, command_id = run_application_command(
        session, actor, app, CommandName.ACKNOWLEDGE_INCIDENT,
        AcknowledgePayload(handover_id=handover.id), at=at,
        audit_entity=("handover", handover.id),
        audit_details={"application": app.id,
                       "item": applied_inventory_no(session, handover.item_id or ""),
                       "incident": incident})
    return Outcome(app.id, handover.status.value, command_id, handover.id, handover.item_id)


def acknowledge_incident(
    store: Store, actor: Actor, handover_id: str, *, now: datetime | None = None
) -> Outcome:
    """The school acknowledges the applicant's lost/stolen report; the item follows."""
    require(actor, Permission.HAND_OVER)
    with store.write() as session:
        return acknowledge_incident_body(session, actor, handover_id, at=now or utcnow())
