"""Running a registry command on the local store: the desktop side of the one command model.

``run_application_command`` is the body every application operation shares: it reads the
aggregate into plain data, runs the registry's rule (the same function the central service
runs), writes back what the rule changed, and records history, audit and the outbox command,
all in the caller's session, so the caller's one transaction holds all of it. Operations that
compose others (re-apply, bulk decisions) call these bodies inside one ``store.write()``.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.aggregates import (
    APPLICATION_WRITABLE,
    HANDOVER_FIELDS,
    ApplicationData,
    Applied,
    Context,
    HandoverData,
    ItemData,
)
from desktop.models.codes import TargetGroup
from desktop.models.commands import CommandName, Payload, apply_command, spec
from desktop.models.errors import NotFoundError
from desktop.models.journal import Actor, Command, record
from desktop.models.permissions import require
from desktop.models.schema import Application, Handover, Item, OfferedKind


def application_data(app: Application) -> ApplicationData:
    """The plain aggregate the registry's rules work on, read from the local rows."""
    return ApplicationData(
        id=app.id, number=app.number, institution_id=app.institution_id,
        kind_code=app.kind_code, status=app.status, status_changed_at=app.status_changed_at,
        applicant_role=app.submitter_role,
        social_status_confirmed=any(s.confirmed for s in app.social_statuses),
        decision_reason=app.decision_reason, revisit_on=app.revisit_on,
        withdrawal_reason=app.withdrawal_reason,
        handovers=[HandoverData(**{f: getattr(h, f) for f in HANDOVER_FIELDS})
                   for h in sorted(app.handovers, key=lambda h: (h.created_at, h.id))],
        notes=app.notes,
    )


def item_data(item: Item) -> ItemData:
    return ItemData(id=item.id, institution_id=item.institution_id, kind_code=item.kind_code,
                    inventory_no=item.inventory_no, status=item.status,
                    socially_supported=item.socially_supported)


def context(session: Session, actor: Actor, now: datetime) -> Context:
    """The rules' questions answered from the local store; unknown records are not found."""
    def find_item(item_id: str) -> ItemData:
        item = session.get(Item, item_id)
        if item is None or item.institution_id != actor.institution_id:
            raise NotFoundError("item", "Resurss", item_id)
        return item_data(item)

    def target_group(kind_code: str) -> TargetGroup:
        offered = session.scalars(select(OfferedKind).where(
            OfferedKind.institution_id == actor.institution_id,
            OfferedKind.kind_code == kind_code)).one_or_none()
        if offered is None:
            raise NotFoundError("offered kind", "Piedāvātais resursu veids", kind_code)
        return offered.target_group

    return Context(now=now, find_item=find_item, offered_target_group=target_group,
                   handover_id_used=lambda hid: session.get(Handover, hid) is not None)


def write_back(session: Session, app: Application, applied: Applied, at: datetime) -> None:
    """Make the local rows what the rule decided."""
    data = applied.application
    assert data is not None
    for name in APPLICATION_WRITABLE:
        if getattr(app, name) != getattr(data, name):
            setattr(app, name, getattr(data, name))
    app.updated_at = at
    rows = {h.id: h for h in app.handovers}
    for h in data.handovers:
        values = asdict(h)
        row = rows.get(h.id)
        if row is None:
            app.handovers.append(Handover(**values))
            continue
        for name, value in values.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
    for item_id in applied.changed_items:
        item = session.get(Item, item_id)
        assert item is not None
        item.status = applied.items[item_id].status
        item.updated_at = at
    session.flush()


def run_application_command(
    session: Session,
    actor: Actor,
    app: Application,
    name: CommandName,
    payload: Payload,
    *,
    at: datetime,
    audit_entity: tuple[str, str] | None = None,
    audit_details: dict[str, Any] | None = None,
) -> tuple[Applied, str]:
    """Apply ``name`` to ``app`` with the registry's rule; history, audit and outbox with it.

    Raises the rule's ``WorkflowError`` (nothing written) when the rule refuses.
    """
    entry = spec(name)
    require(actor, entry.permission)
    applied = apply_command(entry.name, application_data(app), payload,
                            context(session, actor, at))
    base_version = app.server_version
    write_back(session, app, applied, at)
    entity_type, entity_id = audit_entity or ("application", str(app.id))
    command_id = record(
        session, actor, action=entry.name.value, entity_type=entity_type,
        entity_id=entity_id, changes=applied.changes, audit_details=audit_details or {},
        command=Command("application", str(app.id), entry.name, base_version, payload,
                        app.id),
        now=at,
    )
    assert command_id is not None
    return applied, command_id
