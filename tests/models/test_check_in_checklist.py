"""The check-in checklist in the core: the kind's list (checked, cleaned, administrators only),
the return's record of it with a grade, the rule both sides share, and the return act's facts.

Defect seen in use (issue 13): a return recorded only working or damaged and free text.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from pydantic import ValidationError
from sqlalchemy import select

from desktop.models import desk, kind_checklists, rules
from desktop.models.aggregates import ApplicationData, Context, HandoverData, ItemData
from desktop.models.codes import (
    ApplicantRole,
    ApplicationStatus,
    CommandState,
    HandoverStatus,
    ItemStatus,
    ReturnCondition,
    ReturnGrade,
)
from desktop.models.commands import (
    REGISTRY,
    CommandName,
    ReturnPayload,
    SetCheckInChecklistPayload,
    apply_command,
)
from desktop.models.decisions import grant
from desktop.models.errors import InputError, PermissionDeniedError
from desktop.models.handovers import record_return
from desktop.models.permissions import Permission
from desktop.models.schema import Handover, Item, OfferedKind, OutboxCommand
from desktop.models.store import Store
from desktop.models.workflow import WorkflowError
from factories import ADMIN, DESK, REVIEWER, add_application, add_item, seed_catalogue

NOW = datetime(2026, 9, 3, 9, 0, tzinfo=UTC)
CHECKLIST = ["Lādētājs", "Soma", "Irbulis"]


@pytest.fixture
def seeded(store: Store) -> Store:
    seed_catalogue(store)
    return store


def _issued(store: Store, kind: str = "windows_laptop") -> tuple[str, str]:
    item_id = add_item(store, kind=kind, inventory_no="RAVĢ-0077")
    app_id = add_application(store, kind=kind, learner="Ērika Ķuze", submitter="Ģirts Ķuze")
    grant(store, REVIEWER, app_id, item_id=item_id, return_deadline=date(2027, 6, 30), now=NOW)
    handover_id = desk.start_handover(store, DESK, app_id, now=NOW).handover_id
    with store.write() as s:  # the applicant confirmed on the e-service (a pull brings it)
        h = s.get(Handover, handover_id)
        assert h is not None
        h.status, h.issued_at = HandoverStatus.ISSUED, NOW
        item = s.get(Item, item_id)
        assert item is not None
        item.status = ItemStatus.IN_USE
    return handover_id, item_id


def _checklist(store: Store, kind_id: str = "ok-win") -> list[str]:
    with store.read() as s:
        kind = s.get(OfferedKind, kind_id)
        assert kind is not None
        return list(kind.check_in_checklist)


# --- the command in the registry ------------------------------------------------------------


def test_the_command_is_an_administrators_change_of_the_offered_kind() -> None:
    entry = REGISTRY[CommandName.SET_CHECK_IN_CHECKLIST]
    assert entry.name.value == "set_check_in_checklist"
    assert (entry.payload, entry.permission, entry.aggregate) == (
        SetCheckInChecklistPayload, Permission.EDIT_CATALOGUE, "offered_kind")
    assert entry.label("lv") and entry.label("en") and entry.label("lv") != entry.label("en")


@pytest.mark.parametrize(("entries", "lv"), [
    pytest.param([f"Daļa {n}" for n in range(16)], "15", id="sixteen"),
    pytest.param(["Ā" * 61], "60", id="too-long"),
    pytest.param(["Lādētājs", "LĀDĒTĀJS"], "divreiz", id="duplicate-folded"),
    pytest.param([""], "tukš", id="blank"),
    pytest.param([" Soma"], "atstarp", id="surrounding-space"),
    pytest.param(["Soma\nLādētājs"], "rindiņ", id="line-break"),
])
def test_the_rule_refuses_a_bad_checklist_in_both_languages(entries: list[str], lv: str) -> None:
    with pytest.raises(WorkflowError) as refused:
        rules.check_checklist(entries)
    assert lv in refused.value.message_lv
    assert str(refused.value) and str(refused.value) != refused.value.message_lv
    with pytest.raises(ValidationError):
        SetCheckInChecklistPayload(offered_kind_id="ok-win", kind_code="windows_laptop",
                                   checklist=entries)


def test_fifteen_entries_of_sixty_characters_pass() -> None:
    entries = [f"{n:02d} " + "ž" * 57 for n in range(15)]
    rules.check_checklist(entries)
    rules.check_checklist([])
    payload = SetCheckInChecklistPayload(offered_kind_id="ok-win", kind_code="windows_laptop",
                                         checklist=entries)
    assert payload.checklist == entries


# --- saving a kind's checklist --------------------------------------------------------------


def test_saving_cleans_the_entries_and_queues_one_command(seeded: Store) -> None:
    outcome = kind_checklists.set_check_in_checklist(
        seeded, ADMIN, "ok-win", ["  Lādētājs ", "", "Soma   ar  siksnu", "\tIrbulis"], now=NOW)
    assert outcome.command_id is not None
    assert outcome.changes.offered_kinds == {"ok-win"} and outcome.changes.outbox
    assert _checklist(seeded) == ["Lādētājs", "Soma ar siksnu", "Irbulis"]
    with seeded.read() as s:
        [cmd] = s.scalars(select(OutboxCommand)).all()
    assert cmd.command == "set_check_in_checklist" and cmd.state is CommandState.PENDING
    assert cmd.payload == {"offered_kind_id": "ok-win", "kind_code": "windows_laptop",
                           "checklist": ["Lādētājs", "Soma ar siksnu", "Irbulis"]}
    shown = kind_checklists.kind_checklist(seeded, ADMIN, "ok-win")
    assert (shown.entries, shown.kind_code, shown.waiting_sync) == (
        ("Lādētājs", "Soma ar siksnu", "Irbulis"), "windows_laptop", True)


@pytest.mark.parametrize(("entries", "lv"), [
    pytest.param([f"Daļa {n}" for n in range(16)], "15", id="sixteen"),
    pytest.param(["Ā" * 61], "60", id="too-long"),
    pytest.param(["Lādētājs", "lādētājs"], "divreiz", id="duplicate-folded"),
])
def test_a_bad_checklist_is_refused_naming_the_problem_and_changes_nothing(
        seeded: Store, entries: list[str], lv: str) -> None:
    with pytest.raises(InputError) as refused:
        kind_checklists.set_check_in_checklist(seeded, ADMIN, "ok-win", entries)
    assert refused.value.field == "checklist" and lv in refused.value.message_lv
    assert _checklist(seeded) == []
    with seeded.read() as s:
        assert s.scalars(select(OutboxCommand)).all() == []


@pytest.mark.parametrize("actor", [DESK, REVIEWER], ids=["desk", "reviewer"])
def test_only_administrators_change_it(seeded: Store, actor: Any) -> None:
    with pytest.raises(PermissionDeniedError):
        kind_checklists.set_check_in_checklist(seeded, actor, "ok-win", CHECKLIST)
    assert _checklist(seeded) == []


def test_the_desk_reads_the_checklist_of_the_returned_devices_kind(seeded: Store) -> None:
    kind_checklists.set_check_in_checklist(seeded, ADMIN, "ok-win", CHECKLIST)
    kind_checklists.set_check_in_checklist(seeded, ADMIN, "ok-tab", ["Lādētājs", "Vāciņš"])
    handover_id, _ = _issued(seeded)
    assert kind_checklists.checklist_for_handover(seeded, DESK, handover_id) == CHECKLIST


# --- the return -----------------------------------------------------------------------------


def test_a_return_records_each_entry_the_grade_and_derives_the_condition(seeded: Store) -> None:
    handover_id, item_id = _issued(seeded)
    record_return(seeded, DESK, handover_id, ReturnGrade.FAIR.condition, grade=ReturnGrade.FAIR,
                  notes="Trūkst lādētāja; vāks saskrāpēts",
                  checklist=[("Lādētājs", False), ("Soma", True)], now=NOW)
    with seeded.read() as s:
        h = s.get(Handover, handover_id)
        assert h is not None
        assert (h.status, h.return_condition, h.return_grade) == (
            HandoverStatus.RETURNED, ReturnCondition.RETURNED_WORKING_ORDER, ReturnGrade.FAIR)
        assert h.return_checklist == [{"name": "Lādētājs", "returned": False},
                                      {"name": "Soma", "returned": True}]
        cmd = s.scalars(select(OutboxCommand)).all()[-1]
        assert cmd.payload["grade"] == "fair"
        assert cmd.payload["checklist"] == [{"name": "Lādētājs", "returned": False},
                                            {"name": "Soma", "returned": True}]
        item = s.get(Item, item_id)
        assert item is not None and item.status is ItemStatus.AVAILABLE


def test_grades_and_their_labels() -> None:
    assert [g.value for g in ReturnGrade] == ["as_new", "good", "fair", "damaged"]
    assert [g.label_lv for g in ReturnGrade] == ["Kā jauns", "Labs", "Apmierinošs", "Bojāts"]
    assert {g: g.condition for g in ReturnGrade} == {
        ReturnGrade.AS_NEW: ReturnCondition.RETURNED_WORKING_ORDER,
        ReturnGrade.GOOD: ReturnCondition.RETURNED_WORKING_ORDER,
        ReturnGrade.FAIR: ReturnCondition.RETURNED_WORKING_ORDER,
        ReturnGrade.DAMAGED: ReturnCondition.DAMAGED,
    }


@pytest.mark.parametrize(("grade", "checklist"), [
    pytest.param(ReturnGrade.GOOD, [("Lādētājs", False)], id="missing-charger"),
    pytest.param(ReturnGrade.DAMAGED, [("Lādētājs", True)], id="damaged"),
])
def test_a_missing_entry_or_a_damaged_device_needs_notes(
        seeded: Store, grade: ReturnGrade, checklist: list[tuple[str, bool]]) -> None:
    handover_id, _ = _issued(seeded)
    with pytest.raises(InputError) as refused:
        record_return(seeded, DESK, handover_id, grade.condition, grade=grade,
                      checklist=checklist, notes="   ", now=NOW)
    assert refused.value.field == "reason" and "piezīm" in refused.value.message_lv
    with seeded.read() as s:
        h = s.get(Handover, handover_id)
        assert h is not None and h.status is HandoverStatus.ISSUED


def _work_app() -> tuple[ApplicationData, Context]:
    h = HandoverData(id="00000000-0000-4000-8000-000000000001", status=HandoverStatus.ISSUED,
                     status_changed_at=NOW, created_at=NOW, item_id="i-1", issued_at=NOW)
    app = ApplicationData(id=1, number="P-2026-000001", institution_id="4313900123",
                          kind_code="windows_laptop", status=ApplicationStatus.CONFIRMED,
                          status_changed_at=NOW, applicant_role=ApplicantRole.PARENT_GUARDIAN,
                          social_status_confirmed=False, handovers=[h])
    item = ItemData(id="i-1", institution_id="4313900123", kind_code="windows_laptop",
                    inventory_no="RAVĢ-1", status=ItemStatus.IN_USE)
    return app, Context(now=NOW, find_item=lambda _i: item,
                        offered_target_group=lambda _k: None)


def test_the_shared_rule_refuses_a_missing_entry_without_notes() -> None:
    app, ctx = _work_app()
    payload = ReturnPayload(handover_id=app.handovers[0].id,
                            condition=ReturnCondition.RETURNED_WORKING_ORDER,
                            grade=ReturnGrade.AS_NEW, returned_at=NOW,
                            checklist=[{"name": "Irbulis", "returned": False}])
    with pytest.raises(WorkflowError) as refused:
        apply_command(CommandName.RECORD_RETURN, app, payload, ctx)
    assert "Irbulis" in refused.value.message_lv and "Irbulis" in str(refused.value)
    with_notes = payload.model_copy(update={"notes": "Irbulis pazaudēts"})
    applied = apply_command(CommandName.RECORD_RETURN, app, with_notes, ctx)
    assert applied.application is not None
    h = applied.application.handovers[0]
    assert (h.return_grade, h.return_checklist) == (
        ReturnGrade.AS_NEW, [{"name": "Irbulis", "returned": False}])


def test_a_grade_that_contradicts_the_condition_is_malformed() -> None:
    with pytest.raises(ValidationError):
        ReturnPayload(handover_id="00000000-0000-4000-8000-000000000001",
                      condition=ReturnCondition.RETURNED_WORKING_ORDER,
                      grade=ReturnGrade.DAMAGED, notes="Ekrāns", returned_at=NOW)
    with pytest.raises(ValidationError):  # the same entry twice
        ReturnPayload(handover_id="00000000-0000-4000-8000-000000000001",
                      condition=ReturnCondition.RETURNED_WORKING_ORDER, returned_at=NOW,
                      checklist=[{"name": "Soma", "returned": True},
                                 {"name": "soma", "returned": False}], notes="x")


def test_an_older_return_without_grade_or_checklist_still_passes() -> None:
    app, ctx = _work_app()
    payload = ReturnPayload.model_validate({
        "handover_id": app.handovers[0].id, "condition": "returned_working_order",
        "returned_at": NOW.isoformat()})
    applied = apply_command(CommandName.RECORD_RETURN, app, payload, ctx)
    assert applied.application is not None
    h = applied.application.handovers[0]
    assert (h.return_grade, h.return_checklist) == (None, [])


# --- the return act's facts -------------------------------------------------------------------


def test_the_act_facts_say_what_came_back_what_is_missing_and_the_grade(seeded: Store) -> None:
    handover_id, _ = _issued(seeded)
    record_return(seeded, DESK, handover_id, ReturnCondition.RETURNED_WORKING_ORDER,
                  grade=ReturnGrade.GOOD, notes="Lādētājs palika mājās",
                  checklist=[("Lādētājs", False), ("Soma", True), ("Irbulis", True)], now=NOW)
    facts = desk.act_facts(seeded, DESK, handover_id)
    assert facts["returned_items"] == ("Soma", "Irbulis")
    assert facts["missing_items"] == ("Lādētājs",)
    assert facts["grade"] == "Labs"
    assert facts["condition"] == "Darba kārtībā"
    assert facts["return_notes"] == "Lādētājs palika mājās"
