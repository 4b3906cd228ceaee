"""Read models of the Catalogue section, and the target-group edit."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.models import catalogue, inventory
from desktop.models.catalogue import ItemFilter
from desktop.models.codes import (
    ApplicationStatus,
    CommandState,
    DocumentType,
    HandoverStatus,
    ItemStatus,
    TargetGroup,
)
from desktop.models.errors import NotFoundError, PermissionDeniedError
from desktop.models.schema import AuditEntry, Document, Item, OutboxCommand
from desktop.models.store import Store
from desktop.models.workflow import ItemAction
from factories import (
    ADMIN,
    OTHER_SCHOOL,
    REVIEWER,
    SCHOOL,
    add_application,
    add_handover,
    add_item,
    seed_catalogue,
)


@pytest.fixture
def cat(store: Store) -> Store:
    seed_catalogue(store)
    return store


def test_offered_kinds_carry_documents_and_item_counts(cat: Store) -> None:
    with cat.write() as s:
        s.add_all([
            Document(institution_id=SCHOOL, offered_kind_id="ok-win",
                     doc_type=DocumentType.EXPLOITATION_RULES,
                     title="Datortehnikas lietošanas noteikumi",
                     url="https://skola.example.lv/noteikumi.pdf"),
            Document(institution_id=SCHOOL, offered_kind_id="ok-win", doc_type=DocumentType.PNA,
                     title="Pieņemšanas-nodošanas akta veidne", file_path="docs/pna.pdf"),
        ])
    add_item(cat, kind="windows_laptop")
    add_item(cat, kind="windows_laptop")
    add_item(cat, kind="windows_laptop", institution=OTHER_SCHOOL)
    rows = catalogue.offered_kinds(cat, SCHOOL)
    assert [r.kind_code for r in rows] == ["chromebook_laptop", "tablet", "windows_laptop"]
    win = rows[-1]
    assert win.label_lv == "Windows portatīvais dators" and win.item_count == 2
    assert {d.doc_type for d in win.documents} == {DocumentType.EXPLOITATION_RULES,
                                                   DocumentType.PNA}
    assert rows[0].target_group is TargetGroup.SOCIALLY_DISADVANTAGED_LEARNER


def test_target_group_change_is_one_transaction_with_audit_and_outbox(cat: Store) -> None:
    out = catalogue.set_target_group(cat, ADMIN, "ok-tab", TargetGroup.LEARNER)
    assert out.command_id is not None
    with cat.read() as s:
        cmd = s.scalars(select(OutboxCommand)).one()
        assert (cmd.command, cmd.aggregate_type, cmd.aggregate_id) == (
            "set_target_group", "offered_kind", "ok-tab")
        assert cmd.payload == {"offered_kind_id": "ok-tab", "kind_code": "tablet",
                               "target_group": "learner"}
        audit = s.scalars(select(AuditEntry)).one()
        assert audit.details == {"kind": "tablet", "from": "employee", "to": "learner"}
    [tab] = [r for r in catalogue.offered_kinds(cat, SCHOOL) if r.id == "ok-tab"]
    assert tab.target_group is TargetGroup.LEARNER and tab.waiting_sync
    # the same value again writes and sends nothing
    assert catalogue.set_target_group(cat, ADMIN, "ok-tab", "learner").command_id is None
    with cat.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxCommand)) == 1


def test_target_group_refused_for_a_reviewer_and_for_an_unknown_kind(cat: Store) -> None:
    with pytest.raises(PermissionDeniedError):
        catalogue.set_target_group(cat, REVIEWER, "ok-tab", TargetGroup.ALL)
    with pytest.raises(NotFoundError):
        catalogue.set_target_group(cat, ADMIN, "nav-tāda", TargetGroup.ALL)
    with pytest.raises(ValueError):
        catalogue.set_target_group(cat, ADMIN, "ok-tab", "visi")  # type: ignore[arg-type]


def test_items_filter_by_kind_status_and_folded_text(cat: Store) -> None:
    a = inventory.create_item(cat, ADMIN, {"kind_code": "windows_laptop",
                                           "inventory_no": "RĀVĢ-0010",
                                           "location": "Bibliotēka, skapis Nr. 3"}).item_id
    b = inventory.create_item(cat, ADMIN, {"kind_code": "tablet", "inventory_no": "RĀVĢ-00101",
                                           "manufacturer": "Samsung"}).item_id
    c = add_item(cat, kind="windows_laptop", status=ItemStatus.IN_USE, inventory_no="X-1")
    assert catalogue.item_ids(cat, SCHOOL) == [a, b, c]
    assert catalogue.item_ids(cat, SCHOOL, ItemFilter(kind_code="windows_laptop")) == [a, c]
    assert catalogue.item_ids(cat, SCHOOL, ItemFilter(status=ItemStatus.IN_USE)) == [c]
    assert catalogue.item_ids(cat, SCHOOL, ItemFilter(text="biblioteka")) == [a]
    assert catalogue.item_ids(cat, SCHOOL, ItemFilter(text="SAMSUNG rāvģ")) == [b]
    # a scanned label is the exact number: it finds that item, not those that contain it
    assert catalogue.item_ids(cat, SCHOOL, ItemFilter(text="RĀVĢ-0010\n")) == [a]
    assert catalogue.find_by_inventory_no(cat, SCHOOL, " rāvģ-00101 ") == b
    assert catalogue.find_by_inventory_no(cat, OTHER_SCHOOL, "RĀVĢ-0010") is None
    # an ASCII-only scanner types the label's code: RAVG finds RĀVĢ
    assert catalogue.find_by_inventory_no(cat, SCHOOL, "RAVG-00101") == b
    assert catalogue.find_by_inventory_no(cat, SCHOOL, "RAVG-0010") == a
    rows = catalogue.item_rows(cat, [c, a, "gone"])
    assert [r.id for r in rows] == [c, a]
    assert rows[1].kind_label == "Windows portatīvais dators" and rows[1].waiting_sync
    assert rows[0].status is ItemStatus.IN_USE and not rows[0].waiting_sync


def test_item_history_newest_first(cat: Store) -> None:
    item_id = inventory.create_item(cat, ADMIN, {"kind_code": "tablet",
                                                 "inventory_no": "T-1"}).item_id
    inventory.change_item_status(cat, ADMIN, item_id, ItemAction.COMMISSION)
    inventory.change_item_status(cat, ADMIN, item_id, ItemAction.SEND_TO_MAINTENANCE,
                                 reason="Jāatjauno operētājsistēma")
    history = catalogue.item_history(cat, item_id)
    assert [(h.from_status, h.to_status) for h in history] == [
        (ItemStatus.AVAILABLE, ItemStatus.MAINTENANCE),
        (ItemStatus.NEW, ItemStatus.AVAILABLE),
        (None, ItemStatus.NEW),
    ]
    assert history[0].reason == "Jāatjauno operētājsistēma" and history[0].actor == ADMIN.username
    with pytest.raises(NotFoundError):
        catalogue.item(cat, OTHER_SCHOOL, item_id)


def test_availability_counts_items_against_open_demand(cat: Store) -> None:
    for status in (ItemStatus.AVAILABLE, ItemStatus.AVAILABLE, ItemStatus.IN_USE,
                   ItemStatus.UNDER_REPAIR):
        add_item(cat, kind="windows_laptop", status=status)
    add_item(cat, kind="windows_laptop", status=ItemStatus.AVAILABLE, institution=OTHER_SCHOOL)
    for _ in range(3):
        add_application(cat, status=ApplicationStatus.SUBMITTED)
    add_application(cat, status=ApplicationStatus.POSTPONED)
    add_application(cat, status=ApplicationStatus.CONFIRMED)  # granted, no device yet
    cancelled = add_application(cat, status=ApplicationStatus.CONFIRMED)
    add_handover(cat, cancelled, None, HandoverStatus.CANCELLED)  # still needs one
    lent = add_application(cat, status=ApplicationStatus.CONFIRMED)
    add_handover(cat, lent, add_item(cat, status=ItemStatus.IN_USE), HandoverStatus.ISSUED)
    add_application(cat, status=ApplicationStatus.DECLINED)
    add_application(cat, status=ApplicationStatus.SUBMITTED, institution=OTHER_SCHOOL)
    add_application(cat, status=ApplicationStatus.SUBMITTED, kind="chromebook_laptop")

    rows = {r.kind_code: r for r in catalogue.availability(cat, SCHOOL)}
    win = rows["windows_laptop"]
    assert win.items == {ItemStatus.AVAILABLE: 2, ItemStatus.IN_USE: 2,
                         ItemStatus.UNDER_REPAIR: 1}
    assert (win.submitted, win.postponed, win.granted_without_item) == (3, 1, 2)
    assert win.open_demand == 6 and win.shortage == 4 and win.total_items == 5
    chrome = rows["chromebook_laptop"]
    assert chrome.total_items == 0 and chrome.shortage == 1
    assert rows["tablet"].open_demand == 0 and rows["tablet"].shortage == 0


def test_catalogue_conflict_shows_both_versions(cat: Store) -> None:
    inventory.set_accepting_applications(cat, ADMIN, "ok-win", False)
    central = {"id": "ok-win", "version": 4, "institution_id": SCHOOL,
               "kind_code": "windows_laptop", "target_group": "employee",
               "accepting_applications": True, "documents": []}
    with cat.write() as s:
        cmd = s.scalars(select(OutboxCommand)).one()
        cmd.state = CommandState.CONFLICT
        cmd.conflict = {"status": 412, "title": "stale", "current_offered_kind": central}
    [conflict] = catalogue.catalogue_conflicts(cat, SCHOOL)
    assert conflict.label == "Windows portatīvais dators" and conflict.http_status == 412
    assert conflict.local == {"target_group": "Visiem", "accepting_applications": "slēgta"}
    assert conflict.central == {"target_group": "Darbiniekiem", "accepting_applications": "atvērta"}
    assert conflict.central_version == 4
    [win] = [r for r in catalogue.offered_kinds(cat, SCHOOL) if r.id == "ok-win"]
    assert win.in_conflict and not win.accepting_applications  # the local value stands


def _refuse_item_edit(cat: Store, item_id: str) -> None:
    """Edit the item here, then mark its command refused by the central service."""
    inventory.edit_item(cat, ADMIN, item_id, {
        "kind_code": "windows_laptop", "inventory_no": "INV-77", "manufacturer": "HP",
        "model": "ProBook 450", "year": 2023})
    central = {"id": item_id, "version": 3, "institution_id": SCHOOL,
               "kind_code": "windows_laptop", "inventory_no": "INV-77", "serial_no": None,
               "manufacturer": "Lenovo", "model": "ThinkPad E14", "year": 2024,
               "acquisition_value": "649.99", "socially_supported": False, "location": None,
               "notes": None, "status": "maintenance"}
    with cat.write() as s:
        cmd = s.scalars(select(OutboxCommand)).one()
        cmd.state = CommandState.CONFLICT
        cmd.conflict = {"status": 412, "title": "stale", "current_item": central}


def test_catalogue_conflict_on_an_item_shows_both_versions(cat: Store) -> None:
    # the item branch reads the held Item (not an OfferedKind): its inventory number labels it
    item_id = add_item(cat, inventory_no="INV-77")
    _refuse_item_edit(cat, item_id)
    [conflict] = catalogue.catalogue_conflicts(cat, SCHOOL)
    assert conflict.aggregate_type == "item" and conflict.aggregate_id == item_id
    assert conflict.label == "INV-77" and conflict.http_status == 412
    assert conflict.central_version == 3
    assert (conflict.local["manufacturer"], conflict.local["model"], conflict.local["year"]) \
        == ("HP", "ProBook 450", "2023")
    assert conflict.local["status"] == ItemStatus.AVAILABLE.label_lv
    assert (conflict.central["manufacturer"], conflict.central["year"]) == ("Lenovo", "2024")
    assert conflict.central["status"] == ItemStatus.MAINTENANCE.label_lv
    assert conflict.central["acquisition_value"] == "649.99"


def test_catalogue_conflict_on_an_item_gone_here_is_named_from_the_command(cat: Store) -> None:
    item_id = add_item(cat, inventory_no="INV-77")
    _refuse_item_edit(cat, item_id)
    with cat.write() as s:
        s.delete(s.get(Item, item_id))
    [conflict] = catalogue.catalogue_conflicts(cat, SCHOOL)
    assert conflict.label == "INV-77"
    assert conflict.local["model"] == "ProBook 450"  # from the refused command's payload
