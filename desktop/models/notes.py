"""The school's notes on an application (the register's ``Notes``), written by staff.

One transaction, like every decision: the notes, an audit row and the outbox command
``set_application_notes`` (the registry's rule, the same on the central service), so the notes
reach the register and every other workstation; notes the register holds come back with each
pulled copy of the application. No history row: a status is not what changed.
"""

from __future__ import annotations

from datetime import datetime

from desktop.models.commands import MAX_NOTES, CommandName, SetApplicationNotesPayload
from desktop.models.decisions import Outcome, load_application
from desktop.models.errors import InputError
from desktop.models.journal import Actor
from desktop.models.operations import run_application_command
from desktop.models.permissions import Permission, require
from desktop.models.schema import utcnow
from desktop.models.store import Store


def clean_notes(text: str | None) -> str | None:
    """Notes as they are kept: without surrounding space, None when blank; too long is
    refused with a message naming the length."""
    cleaned = (text or "").strip()
    if len(cleaned) > MAX_NOTES:
        raise InputError(
            "notes",
            f"the notes are {len(cleaned)} characters long, at most {MAX_NOTES} are allowed",
            f"Piezīmes ir {len(cleaned)} rakstzīmes garas, atļautas ne vairāk kā {MAX_NOTES}",
        )
    return cleaned or None


def set_application_notes(store: Store, actor: Actor, application_id: int, notes: str | None,
                          *, now: datetime | None = None) -> Outcome:
    """Write the application's notes (None or blank clears them); the same notes again
    change nothing and send nothing."""
    require(actor, Permission.ANNOTATE)
    cleaned = clean_notes(notes)
    with store.write() as session:
        app = load_application(session, application_id, actor)
        if app.notes == cleaned:
            return Outcome(app.id, app.status.value, None)
        _, command_id = run_application_command(
            session, actor, app, CommandName.SET_APPLICATION_NOTES,
            SetApplicationNotesPayload(notes=cleaned), at=now or utcnow(),
            audit_details={"notes": "cleared" if cleaned is None else "written"})
        return Outcome(app.id, app.status.value, command_id)
