"""The school's notes on an application (the register's ``Notes``), written by staff.

One transaction, like every decision: the notes, an audit row and the outbox command
``set_application_notes`` (the registry's rule, the same on the central service), so the notes
reach the register and every other workstation; notes the register holds come back with each
pulled copy of the application. No history row: a status is not what changed.

A note is typed in a dialog while syncs go on: the save names the notes the dialog started
from, and when the stored notes are no longer those (a pull brought another workstation's
note meanwhile) it is refused, quoting the other note, rather than overwriting it on top of
the newer version (whose If-Match the outbox would then carry, so no conflict would show).
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Final

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


class NotesChangedError(InputError):
    """The notes were changed elsewhere after the edit started; ``current_notes`` are those
    stored now (None: cleared), quoted in the message so that the person can keep both."""

    def __init__(self, current_notes: str | None) -> None:
        if current_notes is None:
            super().__init__(
                "notes", "someone else cleared the notes while you were writing; your text "
                         "was not saved",
                "Kamēr rakstījāt, kāds cits piezīmes izdzēsa; jūsu teksts nav saglabāts")
        else:
            super().__init__(
                "notes", "someone else changed the notes while you were writing; your text "
                         f"was not saved. They now read: “{current_notes}”",
                "Kamēr rakstījāt, kāds cits piezīmes mainīja; jūsu teksts nav saglabāts. "
                f"Tagad tās ir: „{current_notes}“")
        self.current_notes = current_notes


class _Unchecked(Enum):
    UNCHECKED = "unchecked"


# ``expected_notes`` not given: write whatever is stored now (a script, a test, an import)
UNCHECKED: Final = _Unchecked.UNCHECKED


def set_application_notes(store: Store, actor: Actor, application_id: int, notes: str | None,
                          *, expected_notes: str | None | _Unchecked = UNCHECKED,
                          now: datetime | None = None) -> Outcome:
    """Write the application's notes (None or blank clears them); the same notes again
    change nothing and send nothing.

    ``expected_notes``: the notes the edit started from (as shown; blank is none). When the
    stored notes differ from them, ``NotesChangedError`` and nothing is written.
    """
    require(actor, Permission.ANNOTATE)
    cleaned = clean_notes(notes)
    with store.write() as session:
        app = load_application(session, application_id, actor)
        if app.notes == cleaned:
            return Outcome(app.id, app.status.value, None)
        if expected_notes is not UNCHECKED and app.notes != (
                (expected_notes or "").strip() or None):
            raise NotesChangedError(app.notes)
        _, command_id = run_application_command(
            session, actor, app, CommandName.SET_APPLICATION_NOTES,
            SetApplicationNotesPayload(notes=cleaned), at=now or utcnow(),
            audit_details={"notes": "cleared" if cleaned is None else "written"})
        return Outcome(app.id, app.status.value, command_id)
