"""The school's own settings a workstation may change: today, its default return deadline.

One transaction: the local institution row and the ``set_default_return_deadline`` command
(published with If-Match on the school's settings, like the catalogue's changes).
"""

from __future__ import annotations

from datetime import date, datetime

from desktop.models.commands import CommandName, SetDefaultDeadlinePayload
from desktop.models.decisions import Outcome
from desktop.models.errors import NotFoundError
from desktop.models.journal import Actor, Command, record
from desktop.models.permissions import Permission, require
from desktop.models.rules import set_default_return_deadline as rule
from desktop.models.schema import Institution, utcnow
from desktop.models.store import Store


def set_default_return_deadline(store: Store, actor: Actor, deadline: date | None, *,
                                now: datetime | None = None) -> Outcome:
    """Set (or clear, with None) the deadline new handovers get by default (administrators).

    Raises the rule's ``WorkflowError`` for a day in the past, before anything is written.
    """
    require(actor, Permission.EDIT_CATALOGUE)
    at = now or utcnow()
    payload = SetDefaultDeadlinePayload(institution_id=actor.institution_id,
                                        default_return_deadline=deadline)
    chosen = rule(payload, at.astimezone().date())
    with store.write() as session:
        inst = session.get(Institution, actor.institution_id)
        if inst is None:
            raise NotFoundError("institution", "Iestāde", actor.institution_id)
        if inst.default_return_deadline == chosen:
            return Outcome(None, "unchanged", None)
        before = inst.default_return_deadline
        inst.default_return_deadline = chosen
        command_id = record(
            session, actor, action=CommandName.SET_DEFAULT_RETURN_DEADLINE.value,
            entity_type="institution", entity_id=inst.id, changes=[],
            audit_details={"from": before.isoformat() if before else None,
                           "to": chosen.isoformat() if chosen else None},
            command=Command("institution", inst.id, CommandName.SET_DEFAULT_RETURN_DEADLINE,
                            inst.server_version, payload),
            now=at)
        return Outcome(None, "changed", command_id)
