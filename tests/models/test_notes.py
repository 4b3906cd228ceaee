"""The school's notes on an application: the registry's command, its rule and its operation."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from desktop.models.aggregates import Context
from desktop.models.codes import ApplicantRole, ApplicationStatus, StaffRole
from desktop.models.commands import (
    CommandName,
    SetApplicationNotesPayload,
    apply_command,
    spec,
)
from desktop.models.errors import NotFoundError
from desktop.models.journal import Actor
from desktop.models.notes import set_application_notes
from desktop.models.notices import notices_for
from desktop.models.operations import application_data
from desktop.models.permissions import Permission, allows
from desktop.models.rules import RuleRefused
from desktop.models.schema import Application, AuditEntry, StatusHistory
from factories import DESK, REVIEWER, add_application, seed_catalogue

NOW = datetime(2026, 12, 9, 10, tzinfo=UTC)
CTX = Context(now=NOW, find_item=lambda _id: None, offered_target_group=lambda _k: None)


def _data(store, app_id: int):
    with store.read() as s:
        app = s.get(Application, app_id)
        assert app is not None
        return application_data(app)


def test_every_role_that_works_with_applications_may_write_notes() -> None:
    entry = spec(CommandName.SET_APPLICATION_NOTES)
    assert entry.permission is Permission.ANNOTATE and entry.aggregate == "application"
    assert (entry.label_lv, entry.label_en) == ("Mainīt piezīmes", "Change the notes")
    assert all(allows(role, Permission.ANNOTATE) for role in StaffRole)


def test_the_payload_takes_trimmed_text_or_nothing() -> None:
    assert SetApplicationNotesPayload(notes="Zvanīt pēc 16:00").notes == "Zvanīt pēc 16:00"
    assert SetApplicationNotesPayload().notes is None
    for bad in ("", "   ", " atstarpe", "ā" * 2001):
        with pytest.raises(ValidationError):
            SetApplicationNotesPayload(notes=bad)


@pytest.mark.parametrize("status", [s for s in ApplicationStatus
                                    if s is not ApplicationStatus.DELETED])
def test_the_rule_writes_notes_whatever_the_status_and_tells_no_one(store, status) -> None:
    seed_catalogue(store)
    app_id = add_application(store, status=status)
    payload = SetApplicationNotesPayload(notes="Ģimene pārcēlās uz Liepāju")
    applied = apply_command(CommandName.SET_APPLICATION_NOTES, _data(store, app_id), payload,
                            CTX)
    assert applied.application is not None
    assert applied.application.notes == "Ģimene pārcēlās uz Liepāju"
    assert applied.application.status is status and applied.changes == []
    assert notices_for(CommandName.SET_APPLICATION_NOTES, payload, applied) == []


def test_a_deleted_application_takes_no_notes(store) -> None:
    seed_catalogue(store)
    app_id = add_application(store, status=ApplicationStatus.DELETED)
    with pytest.raises(RuleRefused) as refused:
        apply_command(CommandName.SET_APPLICATION_NOTES, _data(store, app_id),
                      SetApplicationNotesPayload(notes="x"), CTX)
    assert refused.value.message_lv == "pieteikums ir dzēsts"


def test_the_desk_writes_notes_audited_without_a_status_change(store) -> None:
    seed_catalogue(store)
    app_id = add_application(store, role=ApplicantRole.LEARNER)
    outcome = set_application_notes(store, DESK, app_id, "Atnāca pēc datora; atnāks rīt.",
                                     now=NOW)
    assert outcome.command_id is not None
    with store.read() as s:
        assert s.get(Application, app_id).notes == "Atnāca pēc datora; atnāks rīt."
        audit = s.query(AuditEntry).filter_by(action="set_application_notes").one()
        assert audit.details == {"notes": "written"} and "Atnāca" not in str(audit.details)
        assert s.query(StatusHistory).count() == 0
    other_school = Actor("ilze", "4313900999", StaffRole.REVIEWER)
    with pytest.raises(NotFoundError):  # another school's application
        set_application_notes(store, other_school, app_id, "x")
    assert set_application_notes(store, REVIEWER, app_id, None).command_id is not None
    assert set_application_notes(store, REVIEWER, app_id, "").command_id is None  # already none


def _notes_pulled(store, app_id: int, notes: str | None, version: int) -> None:
    """What a pull does when another workstation wrote the notes (apply_application)."""
    with store.write() as s:
        app = s.get(Application, app_id)
        app.notes, app.server_version = notes, version


def test_notes_changed_elsewhere_while_they_were_typed_are_not_overwritten(store) -> None:
    """Defect (review of issue 13): the dialog opened with one text, a pull brought another
    workstation's note meanwhile, and the save overwrote it based on the newer version."""
    from sqlalchemy import select

    from desktop.models.notes import NotesChangedError
    from desktop.models.schema import OutboxCommand

    seed_catalogue(store)
    app_id = add_application(store)
    _notes_pulled(store, app_id, "Tālrunis mainīts", 3)
    started_from = "Tālrunis mainīts"  # what the dialog opened with
    _notes_pulled(store, app_id, "Kolēģe: dokumenti vēl jāpārbauda", 4)
    with pytest.raises(NotesChangedError) as refused:
        set_application_notes(store, REVIEWER, app_id, started_from + "; zvanīts 3.9.",
                              expected_notes=started_from)
    error = refused.value
    assert error.current_notes == "Kolēģe: dokumenti vēl jāpārbauda"
    assert "kāds cits" in error.message_lv and "Kolēģe: dokumenti vēl jāpārbauda" in (
        error.message_lv)
    assert "someone else" in str(error) and "Kolēģe: dokumenti" in str(error)
    assert error.field == "notes"
    with store.read() as s:
        assert s.get(Application, app_id).notes == "Kolēģe: dokumenti vēl jāpārbauda"
        assert s.scalars(select(OutboxCommand)).all() == []
        assert s.query(AuditEntry).filter_by(action="set_application_notes").count() == 0

    # cleared elsewhere: the message says so rather than quoting nothing
    _notes_pulled(store, app_id, None, 5)
    with pytest.raises(NotesChangedError) as cleared:
        set_application_notes(store, REVIEWER, app_id, "Jauns teksts",
                              expected_notes="Kolēģe: dokumenti vēl jāpārbauda")
    assert cleared.value.current_notes is None and "izdzēsa" in cleared.value.message_lv


def test_notes_based_on_what_is_stored_are_written(store) -> None:
    seed_catalogue(store)
    app_id = add_application(store)
    _notes_pulled(store, app_id, "Tālrunis mainīts", 3)
    # the dialog's text as typed (spaces, a blank start) counts as the notes it stands for
    assert set_application_notes(store, REVIEWER, app_id, "Tālrunis mainīts; zvanīts.",
                                 expected_notes=" Tālrunis mainīts\n").command_id is not None
    other = add_application(store, learner="Ērika Ķuze")
    assert set_application_notes(store, REVIEWER, other, "Ģimene pārcēlās uz Liepāju.",
                                 expected_notes="").command_id is not None
    # the other workstation wrote the very same text: nothing is lost, nothing to send
    _notes_pulled(store, other, "Māte lūdz zvanīt no rīta.", 7)
    assert set_application_notes(store, REVIEWER, other, "Māte lūdz zvanīt no rīta.",
                                 expected_notes="Ģimene pārcēlās uz Liepāju.").command_id is None
