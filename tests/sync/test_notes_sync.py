"""An application's notes (the register's ``Notes``) travel both ways.

Defect seen in use (issue 13): the detail page showed the notes but they were never synced: a
note written at one workstation stayed there, and notes the register held never arrived.
Staff now write notes with ``set_application_notes`` (the registry's command, through the
outbox, If-Match the application's version like every command on it), and pulled copies
bring the register's notes into the store.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.models import decisions
from desktop.models.codes import CommandState
from desktop.models.commands import CommandName
from desktop.models.errors import InputError
from desktop.models.notes import set_application_notes
from desktop.models.schema import Application, OutboxCommand
from sync import conflicts
from synctools import ADMIN, SCHOOL, Side, assert_converged, make_side, open_application_ids

NOTE = "Zvanīt mātei pēc 16:00; dators vajadzīgs līdz 1. oktobrim (Ēriks Ķēniņš)."


@pytest.fixture
def other(tmp_path: Path, server: Any) -> Iterator[Side]:
    """A second workstation of the same school, straight to the server."""
    s = make_side(tmp_path / "other", server.url)
    s.engine.sync_once()
    yield s
    s.close()


def _notes(side: Side, app_id: int) -> str | None:
    with side.store.read() as s:
        app = s.get(Application, app_id)
        assert app is not None
        return app.notes


def test_notes_written_here_reach_the_register_and_the_other_workstation(
        side: Side, other: Side, server: Any) -> None:
    app_id = open_application_ids(side.store)[0]
    version = server.application(app_id).version
    outcome = set_application_notes(side.store, ADMIN, app_id, f"  {NOTE}\n")
    assert outcome.command_id is not None and app_id in outcome.changes.applications
    assert _notes(side, app_id) == NOTE  # trimmed
    with side.store.read() as s:
        [queued] = s.scalars(select(OutboxCommand).where(
            OutboxCommand.state == CommandState.PENDING.value)).all()
    assert (queued.command, queued.payload) == (CommandName.SET_APPLICATION_NOTES.value,
                                                {"notes": NOTE})
    assert queued.base_version == version

    side.engine.sync_once()
    remote = server.application(app_id)
    assert (remote.notes, remote.version) == (NOTE, version + 1)
    assert server.application(app_id).notifications == []  # the applicant is not told
    other.engine.sync_once()
    assert _notes(other, app_id) == NOTE  # pulled into the other store
    assert_converged(side, server.url)

    # cleared: blank notes are no notes
    set_application_notes(other.store, ADMIN, app_id, "   ")
    other.engine.sync_once()
    side.engine.sync_once()
    assert server.application(app_id).notes is None and _notes(side, app_id) is None


def test_the_same_notes_again_send_nothing(side: Side) -> None:
    app_id = open_application_ids(side.store)[0]
    set_application_notes(side.store, ADMIN, app_id, NOTE)
    again = set_application_notes(side.store, ADMIN, app_id, NOTE + " ")
    assert again.command_id is None
    with side.store.read() as s:
        assert len(s.scalars(select(OutboxCommand)).all()) == 1


def test_too_long_notes_are_refused_and_change_nothing(side: Side) -> None:
    app_id = open_application_ids(side.store)[0]
    with pytest.raises(InputError) as refused:
        set_application_notes(side.store, ADMIN, app_id, "ā" * 2001)
    assert "2000" in refused.value.message_lv
    assert _notes(side, app_id) is None


def test_notes_raced_by_a_change_elsewhere_are_a_conflict_resolved_either_way(
        side: Side, other: Side, proxy: Any, server: Any) -> None:
    first, second = open_application_ids(side.store)[:2]
    proxy.offline = True
    set_application_notes(side.store, ADMIN, first, NOTE)
    set_application_notes(side.store, ADMIN, second, "Māte lūdz zvanīt no rīta.")
    decisions.defer(other.store, ADMIN, first, "Gaidām piegādi no Rīgas")
    set_application_notes(other.store, ADMIN, second, "Ģimene pārcēlās uz Liepāju.")
    other.engine.sync_once()
    proxy.offline = False
    assert side.engine.sync_once().conflicts == 2  # If-Match: based on the older versions
    by_app = {c.application_id: c for c in conflicts.list_conflicts(side.store, SCHOOL)}

    # re-applied: the note stands on the deferred application
    conflicts.reapply(side.store, ADMIN, by_app[first].command_id)
    # discarded: the other workstation's note is the one kept
    conflicts.discard(side.store, ADMIN, by_app[second].command_id)
    side.engine.sync_once()
    assert (server.application(first).notes, server.application(first).status.value) == (
        NOTE, "postponed")
    assert server.application(second).notes == "Ģimene pārcēlās uz Liepāju."
    assert _notes(side, second) == "Ģimene pārcēlās uz Liepāju."
    assert_converged(side, server.url)


def test_a_note_pulled_while_another_was_typed_is_kept(side: Side, other: Side,
                                                       server: Any) -> None:
    """Defect (review of issue 13): a sync that ran while the notes dialog was open brought
    the other workstation's note, and the save then overwrote it without a conflict."""
    from desktop.models.notes import NotesChangedError

    app_id = open_application_ids(side.store)[0]
    opened_with = _notes(side, app_id)  # the dialog opens
    set_application_notes(other.store, ADMIN, app_id, "Kolēģe: dokumenti vēl jāpārbauda.")
    other.engine.sync_once()
    side.engine.sync_once()  # the pull lands while the dialog is open
    with pytest.raises(NotesChangedError) as refused:
        set_application_notes(side.store, ADMIN, app_id, NOTE, expected_notes=opened_with)
    assert "Kolēģe: dokumenti vēl jāpārbauda." in refused.value.message_lv
    side.engine.sync_once()
    assert server.application(app_id).notes == "Kolēģe: dokumenti vēl jāpārbauda."
    assert _notes(side, app_id) == "Kolēģe: dokumenti vēl jāpārbauda."
