"""The check-in checklist of each offered kind: what belongs with a device of the kind
("Lādētājs", "Soma", "Irbulis"), ticked off by the desk when the device comes back.

Administrators set it (``set_check_in_checklist``, the registry's command on the offered-kind
aggregate, published with If-Match like the kind's other changes); the desk reads the list of
the device it takes back. The checks are the registry's rule (``rules.check_checklist``),
reported as ``InputError`` naming the problem before anything is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import rules
from desktop.models.changes import OpChanges
from desktop.models.codes import CommandState
from desktop.models.commands import CommandName, SetCheckInChecklistPayload
from desktop.models.decisions import Outcome
from desktop.models.errors import InputError, NotFoundError
from desktop.models.journal import Actor, Command, record
from desktop.models.permissions import Permission, require
from desktop.models.schema import Handover, Item, OfferedKind, OutboxCommand, utcnow
from desktop.models.store import Store


@dataclass(frozen=True)
class KindChecklist:
    offered_kind_id: str
    kind_code: str
    entries: tuple[str, ...]
    waiting_sync: bool  # a change saved here that the central service has not accepted yet


def clean_checklist(entries: Sequence[str]) -> list[str]:
    """The entries as typed, tidied (spaces collapsed, blank lines dropped) and checked by the
    registry's rule; InputError says what is wrong in both languages."""
    cleaned = [" ".join(e.split()) for e in entries]
    cleaned = [e for e in cleaned if e]
    try:
        rules.check_checklist(cleaned)
    except rules.RuleRefused as exc:
        raise InputError("checklist", str(exc), exc.message_lv) from None
    return cleaned


def _offered(session: Session, actor: Actor, offered_kind_id: str) -> OfferedKind:
    offered = session.get(OfferedKind, offered_kind_id)
    if offered is None or offered.institution_id != actor.institution_id:
        raise NotFoundError("offered kind", "Piedāvātais resursu veids", offered_kind_id)
    return offered


def kind_checklist(store: Store, actor: Actor, offered_kind_id: str) -> KindChecklist:
    """The kind's checklist as it is held here (with a change not yet published)."""
    with store.read() as session:
        offered = _offered(session, actor, offered_kind_id)
        waiting = session.scalar(select(OutboxCommand.id).where(
            OutboxCommand.command == CommandName.SET_CHECK_IN_CHECKLIST.value,
            OutboxCommand.aggregate_id == offered.id,
            OutboxCommand.state == CommandState.PENDING.value).limit(1)) is not None
        return KindChecklist(offered.id, offered.kind_code,
                             tuple(offered.check_in_checklist or ()), waiting)


def set_check_in_checklist(store: Store, actor: Actor, offered_kind_id: str,
                           entries: Sequence[str], *, now: datetime | None = None) -> Outcome:
    """Replace the kind's checklist (administrators); the same list again writes nothing."""
    require(actor, Permission.EDIT_CATALOGUE)
    checklist = clean_checklist(entries)
    at = now or utcnow()
    with store.write() as session:
        offered = _offered(session, actor, offered_kind_id)
        before = list(offered.check_in_checklist or [])
        if before == checklist:
            return Outcome(None, "unchanged", None)
        offered.check_in_checklist = checklist
        offered.updated_at = at
        session.flush()
        command_id = record(
            session, actor, action=CommandName.SET_CHECK_IN_CHECKLIST.value,
            entity_type="offered_kind", entity_id=offered.id, changes=[],
            audit_details={"kind": offered.kind_code, "from": before, "to": checklist},
            command=Command("offered_kind", offered.id, CommandName.SET_CHECK_IN_CHECKLIST,
                            offered.server_version,
                            SetCheckInChecklistPayload(offered_kind_id=offered.id,
                                                       kind_code=offered.kind_code,
                                                       checklist=checklist)),
            now=at)
        return Outcome(None, "saved", command_id,
                       extra=OpChanges.of(offered_kinds=[offered.id]))


def checklist_for_handover(store: Store, actor: Actor, handover_id: str) -> list[str]:
    """The checklist of the device a handover lent: its own kind's (which may differ from the
    kind applied for), else the application's; empty when the school set none."""
    with store.read() as session:
        handover = session.get(Handover, handover_id)
        if handover is None or handover.application.institution_id != actor.institution_id:
            raise NotFoundError("handover", "Izsniegšanas ieraksts", handover_id)
        item = session.get(Item, handover.item_id) if handover.item_id else None
        kind_code = item.kind_code if item is not None else handover.application.kind_code
        held = session.scalar(select(OfferedKind.check_in_checklist).where(
            OfferedKind.institution_id == actor.institution_id,
            OfferedKind.kind_code == kind_code))
        return list(held or [])
