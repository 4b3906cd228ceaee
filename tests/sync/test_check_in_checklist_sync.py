"""The check-in checklist travels: a kind's checklist from one workstation to the register and
the other workstations, and a return's checklist and grade with the handover.

Defect seen in use (issue 13): taking a device back recorded only working or damaged and free
text; nothing said whether the charger, the bag or the stylus came back, nor how worn the
device was. Administrators now set a checklist per offered kind (``set_check_in_checklist``,
If-Match the kind's version like its other changes), and the return records each entry and a
grade; a missing entry or a damaged device needs notes, on both sides.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.models import decisions, handovers, kind_checklists
from desktop.models.codes import CommandState, ReturnCondition, ReturnGrade, StaffRole
from desktop.models.commands import CommandName
from desktop.models.errors import PermissionDeniedError
from desktop.models.journal import Actor
from desktop.models.schema import Handover, OfferedKind, OutboxCommand
from desktop.models.workflow import WorkflowError
from sync import conflicts
from sync.protocol import CommandRequest
from synctools import ADMIN, SCHOOL, Side, assert_converged, make_side, open_application_ids

CHECKLIST = ["Lādētājs", "Soma", "Irbulis"]
SEEDED = ["Lādētājs", "Soma"]  # the reference server's sample data: a laptop's checklist
DESK = Actor("desk", SCHOOL, StaffRole.DESK)


@pytest.fixture
def other(tmp_path: Path, server: Any) -> Iterator[Side]:
    """A second workstation of the same school, straight to the server."""
    s = make_side(tmp_path / "other", server.url)
    s.engine.sync_once()
    yield s
    s.close()


def _kind(side: Side, kind_code: str = "windows_laptop") -> OfferedKind:
    with side.store.read() as s:
        offered = s.scalars(select(OfferedKind).where(
            OfferedKind.institution_id == SCHOOL, OfferedKind.kind_code == kind_code)).one()
        s.expunge(offered)
        return offered


def _issued(side: Side, server: Any) -> str:
    """A laptop granted, prepared and confirmed by the applicant: out on loan."""
    store = side.store
    for app_id in open_application_ids(store):
        offered = [i for i, _ in decisions.offerable_items(store, ADMIN, app_id)]
        if not offered:
            continue
        outcome = decisions.grant(store, ADMIN, app_id, item_id=offered[0])
        handovers.prepare_handover(store, ADMIN, app_id)
        side.engine.sync_once()
        server.applicant_confirm_receipt(app_id)
        side.engine.sync_once()
        assert outcome.handover_id is not None
        return outcome.handover_id
    raise AssertionError("the seed has no grantable application")


def test_a_checklist_set_here_reaches_the_register_and_the_other_workstation(
        side: Side, other: Side, server: Any) -> None:
    kind = _kind(side)
    assert kind.check_in_checklist == SEEDED  # pulled with the kind
    outcome = kind_checklists.set_check_in_checklist(
        side.store, ADMIN, kind.id, ["  Lādētājs ", "Soma", "", "Irbulis"])
    assert outcome.command_id is not None
    assert _kind(side).check_in_checklist == CHECKLIST  # trimmed, blank lines dropped
    with side.store.read() as s:
        [queued] = s.scalars(select(OutboxCommand).where(
            OutboxCommand.state == CommandState.PENDING.value)).all()
    assert (queued.command, queued.aggregate_type, queued.aggregate_id) == (
        CommandName.SET_CHECK_IN_CHECKLIST.value, "offered_kind", kind.id)
    assert queued.payload["checklist"] == CHECKLIST
    assert queued.base_version == kind.server_version

    side.engine.sync_once()
    remote = next(o for o in server.offered_kinds(SCHOOL) if o.id == kind.id)
    assert (remote.check_in_checklist, remote.version) == (CHECKLIST, kind.server_version + 1)
    other.engine.sync_once()
    assert _kind(other).check_in_checklist == CHECKLIST
    assert kind_checklists.kind_checklist(other.store, ADMIN, kind.id).entries == tuple(CHECKLIST)
    assert_converged(side, server.url)

    # the same list again sends nothing; an emptied list clears it everywhere
    assert kind_checklists.set_check_in_checklist(side.store, ADMIN, kind.id,
                                                  CHECKLIST).command_id is None
    kind_checklists.set_check_in_checklist(other.store, ADMIN, kind.id, [])
    other.engine.sync_once()
    side.engine.sync_once()
    assert _kind(side).check_in_checklist == []
    assert next(o for o in server.offered_kinds(SCHOOL)
                if o.id == kind.id).check_in_checklist == []


def test_only_administrators_set_a_checklist(side: Side) -> None:
    kind = _kind(side)
    with pytest.raises(PermissionDeniedError):
        kind_checklists.set_check_in_checklist(side.store, DESK, kind.id, CHECKLIST)
    assert _kind(side).check_in_checklist == SEEDED


def test_a_return_with_its_checklist_and_grade_reaches_the_other_workstation(
        side: Side, other: Side, server: Any) -> None:
    kind = _kind(side)
    kind_checklists.set_check_in_checklist(side.store, ADMIN, kind.id, CHECKLIST)
    handover_id = _issued(side, server)
    assert kind_checklists.checklist_for_handover(side.store, DESK, handover_id) == CHECKLIST
    handovers.record_return(
        side.store, DESK, handover_id, ReturnCondition.RETURNED_WORKING_ORDER,
        grade=ReturnGrade.GOOD, notes="Lādētājs palika mājās; atnesīs rīt (Ēriks Ķēniņš)",
        checklist=[("Lādētājs", False), ("Soma", True), ("Irbulis", True)])
    side.engine.sync_once()
    app_id = next(a.id for a in server.applications(SCHOOL)
                  if any(h.id == handover_id for h in a.handovers))
    remote = next(h for h in server.application(app_id).handovers if h.id == handover_id)
    assert remote.return_grade is ReturnGrade.GOOD
    assert remote.return_condition is ReturnCondition.RETURNED_WORKING_ORDER
    assert [(e.name, e.returned) for e in remote.return_checklist] == [
        ("Lādētājs", False), ("Soma", True), ("Irbulis", True)]
    other.engine.sync_once()
    with other.store.read() as s:
        held = s.get(Handover, handover_id)
        assert held is not None
        assert held.return_grade is ReturnGrade.GOOD
        assert held.return_checklist == [{"name": "Lādētājs", "returned": False},
                                         {"name": "Soma", "returned": True},
                                         {"name": "Irbulis", "returned": True}]
    assert_converged(side, server.url)


def test_a_missing_accessory_without_notes_is_refused_on_both_sides(
        side: Side, server: Any) -> None:
    handover_id = _issued(side, server)
    with pytest.raises(WorkflowError) as refused:
        handovers.record_return(side.store, DESK, handover_id,
                                ReturnCondition.RETURNED_WORKING_ORDER, grade=ReturnGrade.GOOD,
                                checklist=[("Lādētājs", False), ("Soma", True)])
    assert "Lādētājs" in refused.value.message_lv and "piezīm" in refused.value.message_lv
    with side.store.read() as s:
        held = s.get(Handover, handover_id)
        assert held is not None and held.status.value == "issued"
        assert s.scalars(select(OutboxCommand).where(
            OutboxCommand.state == CommandState.PENDING.value)).all() == []

    # the register refuses the same command sent by anyone else
    app = next(a for a in server.applications(SCHOOL)
               if any(h.id == handover_id for h in a.handovers))
    issued_at = next(h.issued_at for h in app.handovers if h.id == handover_id)
    for payload in (
        {"checklist": [{"name": "Lādētājs", "returned": False}],
         "condition": "returned_working_order", "grade": "good"},
        {"condition": "damaged", "grade": "damaged"},
    ):
        answer = server.command(app.id, CommandRequest(
            command_id=str(uuid.uuid4()), command=CommandName.RECORD_RETURN,
            base_version=app.version,
            payload={"handover_id": handover_id, "returned_at": issued_at.isoformat(),
                     **payload}))
        assert answer.status == 409, answer.body
        assert "piezīm" in json.loads(answer.body)["detail_lv"]
    assert server.application(app.id).version == app.version


def test_a_raced_checklist_is_a_conflict_resolved_either_way(
        side: Side, other: Side, proxy: Any, server: Any) -> None:
    first, second = _kind(side, "windows_laptop"), _kind(side, "tablet")
    proxy.offline = True
    kind_checklists.set_check_in_checklist(side.store, ADMIN, first.id, CHECKLIST)
    kind_checklists.set_check_in_checklist(side.store, ADMIN, second.id, ["Lādētājs"])
    kind_checklists.set_check_in_checklist(other.store, ADMIN, first.id, ["Soma"])
    kind_checklists.set_check_in_checklist(other.store, ADMIN, second.id,
                                           ["Lādētājs", "Vāciņš"])
    other.engine.sync_once()
    proxy.offline = False
    assert side.engine.sync_once().conflicts == 2  # If-Match: based on the older versions
    by_kind = {c.aggregate_id: c for c in conflicts.list_conflicts(side.store, SCHOOL)}
    # both versions in words, for the catalogue's box and the conflicts panel
    from desktop.models.catalogue import catalogue_conflicts
    from desktop.views.conflicts_panel import decision_rows, server_rows

    shown = {c.aggregate_id: c for c in catalogue_conflicts(side.store, SCHOOL)}
    assert shown[first.id].local["check_in_checklist"] == "Lādētājs, Soma, Irbulis"
    assert shown[first.id].central["check_in_checklist"] == "Soma"
    assert ("Komplektācija", "Lādētājs, Soma, Irbulis") in decision_rows(by_kind[first.id])
    assert ("Komplektācija", "Soma") in server_rows(by_kind[first.id])
    conflicts.reapply(side.store, ADMIN, by_kind[first.id].command_id)  # ours stands
    conflicts.discard(side.store, ADMIN, by_kind[second.id].command_id)  # theirs stands
    side.engine.sync_once()
    remote = {o.id: o.check_in_checklist for o in server.offered_kinds(SCHOOL)}
    assert (remote[first.id], remote[second.id]) == (CHECKLIST, ["Lādētājs", "Vāciņš"])
    assert _kind(side, "tablet").check_in_checklist == ["Lādētājs", "Vāciņš"]
    assert_converged(side, server.url)
