"""Resolving a command the central service refused: re-apply it on the server's state, or
discard it. Either way the local copy first becomes the server's state, so nothing of the
refused decision lingers half-applied, and nothing is dropped without the user choosing so.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import (
    catalogue,
    decisions,
    document_templates,
    handovers,
    inventory,
    kind_checklists,
    lifecycle,
    school_settings,
)
from desktop.models.changes import OpChanges
from desktop.models.codes import ApplicationStatus, CommandState, HandoverStatus
from desktop.models.commands import (
    AcknowledgePayload,
    ArrangePickupPayload,
    CancelPayload,
    CloseCasePayload,
    CommandName,
    DeferPayload,
    FileActPayload,
    GrantPayload,
    IncidentPayload,
    PreparePayload,
    RefusePayload,
    RemindPayload,
    ReturnPayload,
    SetAcceptingPayload,
    SetApplicationNotesPayload,
    SetCheckInChecklistPayload,
    SetDeadlinePayload,
    SetDefaultDeadlinePayload,
    SetDocumentTemplatePayload,
    SetItemStatusPayload,
    SetTargetGroupPayload,
    SignPayload,
    UpsertItemPayload,
    spec,
)
from desktop.models.decisions import Outcome
from desktop.models.errors import NotFoundError
from desktop.models.journal import Actor, Change, record
from desktop.models.schema import (
    Application,
    DeferredChange,
    Handover,
    Institution,
    Item,
    OfferedKind,
    OutboxCommand,
    ResourceKind,
    SyncState,
    utcnow,
)
from desktop.models.store import Store
from desktop.models.workflow import ItemAction
from sync import mapping
from sync.protocol import ApplicationWire, InstitutionWire, ItemWire, OfferedKindWire, Tombstone
from sync.protocol import Change as WireChange

_CHANGE: TypeAdapter[WireChange] = TypeAdapter(WireChange)

@dataclass(frozen=True)
class ConflictView:
    """A refused command beside the server's state, for the conflicts panel."""

    command_id: str
    application_id: int | None
    aggregate_type: str
    aggregate_id: str
    command: str
    payload: dict[str, Any]
    decided_by: str
    decided_at: datetime
    http_status: int
    title: str | None
    detail: str | None
    local_status: str | None
    server_status: ApplicationStatus | None
    server_handover_statuses: list[HandoverStatus]
    server_version: int | None
    waiting_behind: int  # later commands on the same record, held until this is resolved
    application_number: str | None = None
    server_decision_reason: str | None = None
    server_withdrawal_reason: str | None = None
    # Catalogue conflicts: the central service's record as it stood when it refused (the
    # wire form of an offered kind or an item, JSON-like), and the record's local name.
    server_record: dict[str, Any] | None = None
    record_name: str | None = None


def list_conflicts(store: Store, institution_id: str) -> list[ConflictView]:
    with store.read() as s:
        rows = s.scalars(
            select(OutboxCommand)
            .where(OutboxCommand.state == CommandState.CONFLICT.value,
                   OutboxCommand.institution_id == institution_id)
            .order_by(OutboxCommand.id)
        ).all()
        views = []
        for cmd in rows:
            conflict = cmd.conflict or {}
            current = _current(conflict)
            local = s.get(Application, cmd.application_id) if cmd.application_id else None
            behind = len(_later(s, cmd))
            views.append(ConflictView(
                command_id=cmd.command_id,
                application_id=cmd.application_id,
                aggregate_type=cmd.aggregate_type,
                aggregate_id=cmd.aggregate_id,
                command=cmd.command,
                payload=dict(cmd.payload),
                decided_by=cmd.actor,
                decided_at=cmd.created_at,
                http_status=int(conflict.get("status") or 0),
                title=conflict.get("title"),
                # the rule's own Latvian wording when the service gives it
                detail=conflict.get("detail_lv") or conflict.get("detail"),
                local_status=local.status.value if local else None,
                server_status=current.status if current else None,
                server_handover_statuses=[h.status for h in current.handovers] if current else [],
                server_version=current.version if current else None,
                waiting_behind=behind,
                application_number=(local.number if local else
                                    current.number if current else None),
                server_decision_reason=current.decision_reason if current else None,
                server_withdrawal_reason=(current.withdrawal_reason.label_lv
                                          if current and current.withdrawal_reason else None),
                server_record=_server_record(cmd, conflict),
                record_name=_record_name(s, cmd, conflict),
            ))
        return views


def _server_record(cmd: OutboxCommand, conflict: dict[str, Any]) -> dict[str, Any] | None:
    key = {"offered_kind": "current_offered_kind", "item": "current_item",
           "institution": "current_institution"}.get(
        cmd.aggregate_type)
    raw = conflict.get(key) if key else None
    return dict(raw) if raw else None


def _record_name(s: Session, cmd: OutboxCommand, conflict: dict[str, Any]) -> str | None:
    """The kind's Latvian name or the device's inventory number, as this computer knows it."""
    if cmd.aggregate_type == "offered_kind":
        offered = s.get(OfferedKind, cmd.aggregate_id)
        code = (offered.kind_code if offered else
                cmd.payload.get("kind_code")
                or (conflict.get("current_offered_kind") or {}).get("kind_code"))
        kind = s.get(ResourceKind, code) if code else None
        return kind.label_lv if kind else code
    if cmd.aggregate_type == "item":
        item = s.get(Item, cmd.aggregate_id)
        return (item.inventory_no if item else
                cmd.payload.get("inventory_no")
                or (conflict.get("current_item") or {}).get("inventory_no"))
    return None


def _current(conflict: dict[str, Any]) -> ApplicationWire | None:
    raw = conflict.get("current")
    return ApplicationWire.model_validate(raw) if raw else None


def _later(s: Session, cmd: OutboxCommand) -> list[OutboxCommand]:
    return list(s.scalars(
        select(OutboxCommand).where(
            OutboxCommand.aggregate_type == cmd.aggregate_type,
            OutboxCommand.aggregate_id == cmd.aggregate_id,
            OutboxCommand.state == CommandState.PENDING.value,
            OutboxCommand.id > cmd.id,
        ).order_by(OutboxCommand.id)
    ))


def _load_conflict(s: Session, command_id: str, actor: Actor) -> OutboxCommand:
    cmd = s.scalars(select(OutboxCommand).where(OutboxCommand.command_id == command_id)).first()
    if (cmd is None or cmd.state is not CommandState.CONFLICT
            or cmd.institution_id != actor.institution_id):
        raise NotFoundError("conflict", "Konflikts", command_id)
    return cmd


def _restore_server_state(s: Session, cmd: OutboxCommand, actor: Actor) -> list[str]:
    """Make the local copy the server's state, discarding cmd and what was built on it."""
    conflict = cmd.conflict or {}
    dropped = [cmd, *_later(s, cmd)]
    touched_items = {c.payload.get("item_id") for c in dropped} - {None}
    for c in dropped:  # a command on a handover holds its item too (one ownership rule)
        handover = s.get(Handover, c.payload.get("handover_id") or "")
        if handover is not None and handover.item_id:
            touched_items.add(handover.item_id)
    if cmd.aggregate_type == "item":
        touched_items.add(cmd.aggregate_id)
    now = utcnow()
    for c in dropped:
        c.state = CommandState.DISCARDED
        c.done_at = now
    s.flush()

    resync = False
    current = _current(conflict)
    if current is not None:
        app = s.get(Application, current.id)
        before = app.status if app else None
        if app is not None:
            app.server_version = min(app.server_version, current.version - 1)
        mapping.apply_application(s, current)
        if before is not None and before != current.status:
            record(s, actor, action="discard", entity_type="application",
                   entity_id=str(current.id),
                   changes=[Change("application", str(current.id), "discard", before,
                                   current.status, current.id)],
                   audit_details={"command": cmd.command, "status": conflict.get("status")})
    elif cmd.application_id is not None:
        resync = True
    restored: set[str] = set()
    raw_items = list(conflict.get("current_items") or [])
    if conflict.get("current_item"):
        raw_items.append(conflict["current_item"])
    for raw in raw_items:
        wire = ItemWire.model_validate(raw)
        item = s.get(Item, wire.id)
        if item is not None:
            item.server_version = min(item.server_version, wire.version - 1)
        mapping.apply_item(s, wire)
        restored.add(wire.id)
    if cmd.aggregate_type == "offered_kind":
        resync |= _restore_offered_kind(s, cmd.aggregate_id, conflict)
    if cmd.aggregate_type == "institution":
        resync |= _restore_institution(s, cmd.aggregate_id, conflict)
    for item_id in touched_items - restored:
        # We do not know this item's server state: ask the next pull to bring everything.
        item = s.get(Item, item_id)
        if item is not None:
            item.server_version = 0
        resync = True
    if resync:
        state = s.get(SyncState, cmd.institution_id)
        if state is not None:
            state.cursor = None
    record(s, actor, action="resolve_conflict", entity_type=cmd.aggregate_type,
           entity_id=cmd.aggregate_id, changes=[],
           audit_details={"command": cmd.command, "discarded": len(dropped)})
    # Changes the pull held back for this record can now be applied, if still newer.
    for entity, entity_id in [(("application", str(cmd.application_id))
                               if cmd.application_id else (cmd.aggregate_type, cmd.aggregate_id)),
                              *(("item", i) for i in touched_items)]:
        held = s.get(DeferredChange, (entity, entity_id))
        if held is not None:
            s.delete(held)
            s.flush()
            _apply_held(s, _CHANGE.validate_json(held.body))
    return [c.command_id for c in dropped]


def _restore_offered_kind(s: Session, offered_id: str, conflict: dict[str, Any]) -> bool:
    """The kind becomes the server's copy; True when that copy is unknown and a resync must
    bring it."""
    raw = conflict.get("current_offered_kind")
    offered = s.get(OfferedKind, offered_id)
    if raw:
        wire = OfferedKindWire.model_validate(raw)
        if offered is not None:
            # The local copy carries the refused change at (or past) that version: lower the
            # version so the server's copy is applied over it.
            offered.server_version = min(offered.server_version, wire.version - 1)
        mapping.apply_offered_kind(s, wire)
        return False
    if offered is not None:
        offered.server_version = 0  # any pulled copy of it is newer than ours
    return True


def _restore_institution(s: Session, institution_id: str, conflict: dict[str, Any]) -> bool:
    """The school's settings become the server's copy (True: unknown, a resync brings it)."""
    raw = conflict.get("current_institution")
    inst = s.get(Institution, institution_id)
    if raw:
        wire = InstitutionWire.model_validate(raw)
        if inst is not None:
            inst.server_version = min(inst.server_version, wire.version - 1)
        mapping.apply_institution(s, wire)
        return False
    if inst is not None:
        inst.server_version = 0
    return True


def _apply_held(s: Session, change: WireChange) -> None:
    data = getattr(change, "data", None)
    if isinstance(data, ApplicationWire):
        mapping.apply_application(s, data)
    elif isinstance(data, ItemWire):
        mapping.apply_item(s, data)
    elif isinstance(data, OfferedKindWire):
        mapping.apply_offered_kind(s, data)
    elif isinstance(data, InstitutionWire):
        mapping.apply_institution(s, data)
    elif isinstance(change, Tombstone):
        if change.of == "application":
            mapping.delete_application(s, int(change.id))
        else:
            mapping.delete_record(s, change.of, change.id)


@dataclass(frozen=True)
class Resolution:
    """What resolving a conflict did: the commands it discarded and what views must reload."""

    command_ids: list[str]
    changes: OpChanges


def _resolution_changes(s: Session, cmd: OutboxCommand, dropped: list[str]) -> OpChanges:
    items = {c.payload.get("item_id") for c in s.scalars(
        select(OutboxCommand).where(OutboxCommand.command_id.in_(dropped)))}
    return OpChanges.of(
        applications=[cmd.application_id],
        items=[*items, cmd.aggregate_id if cmd.aggregate_type == "item" else None],
        offered_kinds=[cmd.aggregate_id if cmd.aggregate_type == "offered_kind" else None],
        outbox=True)


def discard(store: Store, actor: Actor, command_id: str) -> Resolution:
    """Drop the refused decision (and any built on it); the server's state stands."""
    with store.write() as s:
        cmd = _load_conflict(s, command_id, actor)
        dropped = _restore_server_state(s, cmd, actor)
        return Resolution(dropped, _resolution_changes(s, cmd, dropped))


def reapply(store: Store, actor: Actor, command_id: str) -> Outcome:
    """Make the same decision again on the server's current state (a new command), and the
    decisions that were waiting behind it, in their order.

    One transaction: the local copy becomes the server's state, the refused commands are
    discarded and the decisions are made again by the registry's rules. When a rule refuses
    any of them on the server's state, that error is raised and nothing has changed: the
    conflict, its command and those waiting behind it stay exactly as they were.
    """
    with store.write() as s:
        cmd = _load_conflict(s, command_id, actor)
        queue = [(c.command, dict(c.payload), c.application_id, c.aggregate_id)
                 for c in (cmd, *_later(s, cmd))]
        dropped = _restore_server_state(s, cmd, actor)
        extra = _resolution_changes(s, cmd, dropped)
        outcomes = [_run_again(store, actor, *entry) for entry in queue]
        for later in outcomes[1:]:
            extra = extra | later.changes
        return replace(outcomes[0], extra=outcomes[0].extra | extra)


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _run_again(store: Store, actor: Actor, name: str, raw: dict[str, Any],
               app_id: int | None, aggregate_id: str) -> Outcome:
    """The same decision again, through the operation that made it (a new command)."""
    command = CommandName(name)
    payload = spec(command).parse(raw)
    if spec(command).aggregate == "application" and app_id is None:
        raise ValueError(f"the {command.value} command names no application")
    match payload:
        case GrantPayload():
            assert app_id is not None
            return decisions.grant(store, actor, app_id, item_id=payload.item_id,
                                   return_deadline=payload.return_deadline,
                                   handover_id=payload.handover_id)
        case RefusePayload():
            assert app_id is not None
            return decisions.refuse(store, actor, app_id, payload.reason)
        case DeferPayload():
            assert app_id is not None
            return decisions.defer(store, actor, app_id, payload.reason,
                                   revisit_on=payload.revisit_on)
        case PreparePayload():
            assert app_id is not None
            return handovers.prepare_handover(store, actor, app_id, item_id=payload.item_id,
                                              return_deadline=payload.return_deadline,
                                              handover_id=payload.handover_id,
                                              arrangement=payload.arrangement,
                                              notify=payload.notify,
                                              allow_other_kind=payload.allow_other_kind)
        case CancelPayload():
            return handovers.cancel_handover(store, actor, payload.handover_id,
                                             payload.reason, notes=payload.notes)
        case ReturnPayload():
            return handovers.record_return(
                store, actor, payload.handover_id, payload.condition, notes=payload.notes,
                grade=payload.grade,
                checklist=[(e.name, e.returned) for e in payload.checklist])
        case AcknowledgePayload():
            return handovers.acknowledge_incident(store, actor, payload.handover_id)
        case (ArrangePickupPayload() | SignPayload() | FileActPayload() | SetDeadlinePayload()
              | IncidentPayload() | CloseCasePayload() | RemindPayload()
              | SetApplicationNotesPayload()):
            assert app_id is not None
            return lifecycle.run_again(store, actor, app_id, command, payload)
        case UpsertItemPayload():
            values = payload.model_dump(exclude={"item_id", "status"})
            return inventory.edit_item(store, actor, aggregate_id, values)
        case SetItemStatusPayload():
            return inventory.change_item_status(store, actor, aggregate_id,
                                                ItemAction(payload.action),
                                                reason=payload.reason)
        case SetAcceptingPayload():
            return inventory.set_accepting_applications(store, actor, aggregate_id,
                                                        payload.accepting_applications)
        case SetTargetGroupPayload():
            return catalogue.set_target_group(store, actor, aggregate_id,
                                              payload.target_group)
        case SetDefaultDeadlinePayload():
            return school_settings.set_default_return_deadline(
                store, actor, payload.default_return_deadline)
        case SetDocumentTemplatePayload():
            t = payload.template
            return document_templates.save_document_template(
                store, actor, aggregate_id, template_id=t.id, doc_type=t.doc_type,
                title=t.title, body=t.body, valid_from=t.valid_from, valid_to=t.valid_to)
        case SetCheckInChecklistPayload():
            return kind_checklists.set_check_in_checklist(store, actor, aggregate_id,
                                                          payload.checklist)
    raise ValueError(f"cannot re-apply a {command.value} command")
