"""What every state change writes besides the state: history, audit and the outbox command.

Operations call ``record`` inside their own transaction, so the four writes commit or roll back
together: no decision is lost, none is half-recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from desktop.models.aggregates import Change
from desktop.models.codes import StaffRole
from desktop.models.schema import AuditEntry, OutboxCommand, StatusHistory, new_id, utcnow

if TYPE_CHECKING:
    from desktop.models.commands import CommandName, Payload

__all__ = ["Actor", "Change", "Command", "record"]


@dataclass(frozen=True)
class Actor:
    """The signed-in staff member acting for one school."""

    username: str
    institution_id: str
    role: StaffRole


@dataclass(frozen=True)
class Command:
    """A command for the central service, queued in the outbox.

    The payload is the registry's model for ``name``, built (and so validated) by the
    operation: a malformed command cannot reach the outbox.
    """

    aggregate_type: str
    aggregate_id: str
    name: CommandName
    base_version: int
    payload: Payload
    application_id: int | None = None

    def __post_init__(self) -> None:
        from desktop.models.commands import REGISTRY  # the registry imports Actor from here

        expected = REGISTRY[self.name].payload
        if type(self.payload) is not expected:
            raise TypeError(f"{self.name.value} takes a {expected.__name__}, "
                            f"not a {type(self.payload).__name__}")


def record(
    session: Session,
    actor: Actor,
    *,
    action: str,
    entity_type: str,
    entity_id: str,
    changes: list[Change],
    audit_details: dict[str, Any] | None = None,
    command: Command | None = None,
    now: datetime | None = None,
) -> str | None:
    """Write the history rows, one audit row and the outbox command; return the command id."""
    at = now or utcnow()
    for change in changes:
        session.add(
            StatusHistory(
                entity_type=change.entity_type,
                entity_id=change.entity_id,
                application_id=change.application_id,
                action=change.action,
                from_status=None if change.from_status is None else change.from_status.value,
                to_status=change.to_status.value,
                reason=change.reason,
                actor=actor.username,
                source="local",
                at=at,
            )
        )
    session.add(
        AuditEntry(
            at=at,
            actor=actor.username,
            institution_id=actor.institution_id,
            action=action,
            entity_type=entity_type,
            entity_id=entity_id,
            details=audit_details or {},
        )
    )
    if command is None:
        return None
    command_id = new_id()
    session.add(
        OutboxCommand(
            command_id=command_id,
            institution_id=actor.institution_id,
            aggregate_type=command.aggregate_type,
            aggregate_id=command.aggregate_id,
            application_id=command.application_id,
            command=command.name.value,
            payload=command.payload.model_dump(mode="json"),
            base_version=command.base_version,
            actor=actor.username,
            created_at=at,
        )
    )
    return command_id
