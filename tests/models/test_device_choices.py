"""The devices offered for an application, described: the grant rule's choice, one query."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, select

from desktop.models import decisions
from desktop.models.codes import (
    ApplicationStatus,
    HandoverStatus,
    ItemStatus,
    ReturnCondition,
)
from desktop.models.device_choices import DeviceChoice, describe_items, device_choices
from desktop.models.errors import NotFoundError
from desktop.models.schema import Handover, Item
from factories import (
    OTHER_SCHOOL,
    REVIEWER,
    WHEN,
    add_application,
    add_handover,
    add_item,
    seed_catalogue,
)


def _describe(store, item_id: str, *, manufacturer: str | None, model: str | None,
              serial: str | None, location: str | None) -> None:
    with store.write() as s:
        item = s.get(Item, item_id)
        item.manufacturer, item.model = manufacturer, model
        item.serial_no, item.location = serial, location


def _returned(store, item_id: str, condition: ReturnCondition, notes: str | None,
              days_ago: int) -> None:
    """A past loan of the device, returned ``days_ago`` days after WHEN's reference."""
    lent_to = add_application(store, status=ApplicationStatus.CONFIRMED,
                              learner="Anna Kalniņa")
    handover_id = add_handover(store, lent_to, item_id, HandoverStatus.RETURNED)
    with store.write() as s:
        h = s.get(Handover, handover_id)
        h.returned_at = WHEN + timedelta(days=100 - days_ago)
        h.return_condition = condition
        h.return_notes = notes


@pytest.fixture
def school(store):
    seed_catalogue(store)
    return store


def test_the_offered_devices_are_described(school) -> None:
    app_id = add_application(school)
    probook = add_item(school, inventory_no="RAVĢ-2024-017")
    _describe(school, probook, manufacturer="HP", model="ProBook 450 G10",
              serial="5CD3481ŽQ7", location="Skapis Nr. 3, 214. kabinets")
    _returned(school, probook, ReturnCondition.DAMAGED, "Skrāpējums uz vāka", days_ago=40)
    _returned(school, probook, ReturnCondition.RETURNED_WORKING_ORDER,
              "Lādētājs nomainīts", days_ago=5)
    plain = add_item(school, inventory_no="RAVĢ-2024-003")
    _describe(school, plain, manufacturer=None, model=None, serial=None, location=None)

    choices = device_choices(school, REVIEWER, app_id)

    assert [c.inventory_no for c in choices] == ["RAVĢ-2024-003", "RAVĢ-2024-017"]
    bare, described = choices
    assert described == DeviceChoice(
        item_id=probook, inventory_no="RAVĢ-2024-017", kind_code="windows_laptop",
        kind_label="Windows portatīvais dators", manufacturer="HP", model="ProBook 450 G10",
        serial_no="5CD3481ŽQ7", location="Skapis Nr. 3, 214. kabinets",
        status=ItemStatus.AVAILABLE,
        last_return_condition=ReturnCondition.RETURNED_WORKING_ORDER,  # the latest return
        last_returned_at=WHEN + timedelta(days=95), last_return_notes="Lādētājs nomainīts")
    assert described.make_and_model == "HP ProBook 450 G10"
    assert described.last_returned_at is not None and described.last_returned_at.tzinfo == UTC
    assert bare.make_and_model == ""
    assert bare.last_return_condition is None and bare.last_return_notes is None


def test_the_choice_is_the_grant_rules(school) -> None:
    app_id = add_application(school)  # a Windows laptop for anyone
    add_item(school, inventory_no="RAVĢ-1")
    add_item(school, inventory_no="RAVĢ-2", status=ItemStatus.RESERVED)
    add_item(school, inventory_no="RAVĢ-3", status=ItemStatus.UNDER_REPAIR)
    add_item(school, inventory_no="RAVĢ-4", kind="chromebook_laptop")
    add_item(school, inventory_no="LRV-5", institution=OTHER_SCHOOL)
    add_item(school, inventory_no="RAVĢ-6")

    choices = device_choices(school, REVIEWER, app_id)

    assert [(c.item_id, c.inventory_no) for c in choices] == decisions.offerable_items(
        school, REVIEWER, app_id)
    assert [c.inventory_no for c in choices] == ["RAVĢ-1", "RAVĢ-6"]


def test_english_kind_labels(school) -> None:
    app_id = add_application(school)
    add_item(school)
    assert [c.kind_label for c in device_choices(school, REVIEWER, app_id, "en")] == [
        "Windows laptop"]


def test_an_application_of_another_school_is_not_found(school) -> None:
    other = add_application(school, institution=OTHER_SCHOOL)
    with pytest.raises(NotFoundError):
        device_choices(school, REVIEWER, other)


def test_describing_is_one_query_however_many_devices(school) -> None:
    ids = [add_item(school, inventory_no=f"RAVĢ-{n:03d}") for n in range(30)]
    for item_id in ids[:10]:
        _returned(school, item_id, ReturnCondition.RETURNED_WORKING_ORDER, None, days_ago=3)
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(school.engine, "before_cursor_execute", count)
    try:
        described = describe_items(school, REVIEWER.institution_id, ids)
    finally:
        event.remove(school.engine, "before_cursor_execute", count)
    assert len(described) == 30
    assert len(statements) == 1
    assert sum(c.last_return_condition is not None for c in described) == 10


def test_other_schools_items_are_not_described(school) -> None:
    theirs = add_item(school, institution=OTHER_SCHOOL)
    assert describe_items(school, REVIEWER.institution_id, [theirs]) == []
    assert describe_items(school, REVIEWER.institution_id, []) == []


def test_search_key_folds_case_and_diacritics(school) -> None:
    item_id = add_item(school, inventory_no="RAVĢ-2024-017")
    _describe(school, item_id, manufacturer="HP", model="ProBook 450 G10",
              serial="5CD3481ŽQ7", location="Ēdnīcas noliktava")
    (choice,) = describe_items(school, REVIEWER.institution_id, [item_id])
    key = choice.search_key()
    for folded in ("ravg-2024-017", "probook", "5cd3481zq7", "ednicas", "pieejams"):
        assert folded in key


def test_a_returned_item_loaned_out_again_keeps_its_last_return(school) -> None:
    app_id = add_application(school)
    item_id = add_item(school)
    _returned(school, item_id, ReturnCondition.DAMAGED, "Ekrāns ieplīsis", days_ago=1)
    # a cancelled handover afterwards says nothing about how the device came back
    later = add_application(school, status=ApplicationStatus.CONFIRMED)
    add_handover(school, later, item_id, HandoverStatus.CANCELLED)
    (choice,) = device_choices(school, REVIEWER, app_id)
    assert choice.last_return_condition is ReturnCondition.DAMAGED
    assert choice.last_return_notes == "Ekrāns ieplīsis"
    assert choice.last_returned_at == WHEN + timedelta(days=99)
    assert isinstance(choice.last_returned_at, datetime)


def test_the_last_returns_grade_and_missing_accessories_describe_the_device(school) -> None:
    """Issue 13: the picker shows how the device came back by the desk's grade and what of
    the kind's checklist was missing."""
    from desktop.models.codes import ReturnGrade

    app_id = add_application(school)
    item_id = add_item(school, inventory_no="RAVĢ-2024-021")
    _returned(school, item_id, ReturnCondition.RETURNED_WORKING_ORDER, "Lādētājs mājās",
              days_ago=3)
    with school.write() as s:
        h = s.scalars(select(Handover).where(Handover.item_id == item_id)).one()
        h.return_grade = ReturnGrade.FAIR
        h.return_checklist = [{"name": "Lādētājs", "returned": False},
                              {"name": "Soma", "returned": True}]
    [choice] = [c for c in device_choices(school, REVIEWER, app_id) if c.item_id == item_id]
    assert (choice.last_return_grade, choice.last_return_missing) == (ReturnGrade.FAIR,
                                                                      ("Lādētājs",))
    assert choice.last_return_label() == "Apmierinošs"
    assert "apmierinoss" in choice.search_key() and "ladetajs" in choice.search_key()
