"""The devices offered when preparing one application ahead: the prepare rule's choice (the
grant rule's: the requested kind, available, allowed for the applicant), described, with the
device already reserved for the application among them."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from desktop.models import decisions
from desktop.models.codes import ApplicationStatus, HandoverStatus, ItemStatus
from desktop.models.errors import NotFoundError
from desktop.models.lifecycle import PickupPlan, prepare_ahead, prepare_device_choices
from desktop.models.schema import Handover, Item
from factories import (
    ADMIN,
    DESK,
    OTHER_SCHOOL,
    add_application,
    add_item,
    seed_catalogue,
)

PLAN = PickupPlan("Skolas 12. kabinets", datetime(2026, 9, 3, 9, 0).astimezone(),
                  datetime(2026, 9, 3, 15, 0).astimezone(), "Ilze Ozoliņa")


@pytest.fixture
def school(store):
    seed_catalogue(store)
    return store


def _place(store, item_id: str, location: str) -> None:
    with store.write() as s:
        s.get(Item, item_id).location = location


def test_only_devices_the_prepare_rule_allows_are_offered(school) -> None:
    app_id = add_application(school, status=ApplicationStatus.CONFIRMED)
    laptop = add_item(school, inventory_no="RAVĢ-2024-017")
    _place(school, laptop, "Skapis Nr. 3, 214. kabinets")
    add_item(school, inventory_no="RAVĢ-2024-001", kind="tablet")  # another kind
    add_item(school, inventory_no="RAVĢ-2024-002", status=ItemStatus.UNDER_REPAIR)
    add_item(school, inventory_no="RAVĢ-2024-003", institution=OTHER_SCHOOL)

    choices, reserved = prepare_device_choices(school, DESK, app_id)

    assert [c.inventory_no for c in choices] == ["RAVĢ-2024-017"]
    assert choices[0].location == "Skapis Nr. 3, 214. kabinets"
    assert choices[0].kind_code == "windows_laptop"
    assert reserved is None


def test_the_device_reserved_at_the_grant_is_offered_and_named(school) -> None:
    app_id = add_application(school)
    reserved_id = add_item(school, inventory_no="RAVĢ-2024-017")
    other = add_item(school, inventory_no="RAVĢ-2024-021")
    decisions.grant(school, ADMIN, app_id, item_id=reserved_id)

    choices, reserved = prepare_device_choices(school, DESK, app_id, language="en")

    assert [(c.inventory_no, c.status) for c in choices] == [
        ("RAVĢ-2024-017", ItemStatus.RESERVED), ("RAVĢ-2024-021", ItemStatus.AVAILABLE)]
    assert choices[0].kind_label == "Windows laptop"
    assert reserved == "RAVĢ-2024-017"
    # choosing it prepares with it; choosing the other swaps the reservation
    result = prepare_ahead(school, DESK, [app_id], PLAN, item_ids={app_id: other})
    assert result.failed == []
    with school.read() as s:
        assert s.get(Item, reserved_id).status is ItemStatus.AVAILABLE
        assert s.get(Item, other).status is ItemStatus.RESERVED
        h = s.scalars(select(Handover).where(Handover.application_id == app_id)).one()
        assert (h.status, h.item_id) == (HandoverStatus.PREPARED, other)


def test_an_application_of_another_school_is_not_found(school) -> None:
    app_id = add_application(school, institution=OTHER_SCHOOL,
                             status=ApplicationStatus.CONFIRMED)
    with pytest.raises(NotFoundError):
        prepare_device_choices(school, DESK, app_id)
