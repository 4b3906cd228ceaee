"""The issuing desk's core: finding the case at the counter, checking a scanned item, the
customer card, filing acts, and the incident and overdue lists."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from desktop.models import desk
from desktop.models.codes import (
    ApplicationStatus,
    DocumentType,
    HandoverStatus,
    ItemStatus,
    ReturnCondition,
    SocialStatus,
)
from desktop.models.decisions import grant
from desktop.models.errors import InputError
from desktop.models.handovers import record_return
from desktop.models.schema import AuditEntry, Document, Handover, Item
from desktop.models.store import Store
from factories import (
    DESK,
    OTHER_SCHOOL,
    REVIEWER,
    add_application,
    add_handover,
    add_item,
    seed_catalogue,
)

NOW = datetime(2026, 9, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def seeded(store: Store) -> Store:
    seed_catalogue(store)
    return store


def _granted(store: Store, *, learner: str = "Jānis Bērziņš", submitter: str = "Līga Bērziņa",
             with_item: bool = True, inventory_no: str | None = None) -> tuple[int, str]:
    item_id = add_item(store, inventory_no=inventory_no)
    app_id = add_application(store, learner=learner, submitter=submitter)
    grant(store, REVIEWER, app_id, item_id=item_id if with_item else None,
          return_deadline=date(2027, 6, 30), now=NOW)
    return app_id, item_id


def _inventory(store: Store, item_id: str) -> str:
    with store.read() as s:
        item = s.get(Item, item_id)
        assert item is not None
        return item.inventory_no


def test_find_by_name_without_diacritics_number_and_scanned_label(seeded: Store) -> None:
    app_id, item_id = _granted(seeded, inventory_no="RAVĢ-0042")
    other, _ = _granted(seeded, learner="Anna Ozoliņa", submitter="Pēteris Ozoliņš")
    add_application(seeded, learner="Jānis Bērziņš")  # submitted, not granted: never listed

    assert [r.application_id for r in desk.find(seeded, DESK, "berzins")] == [app_id]
    assert [r.application_id for r in desk.find(seeded, DESK, "OZOLIŅA")] == [other]
    row = desk.find(seeded, DESK, "ravĢ-0042")[0]  # a scanner's case may differ
    assert (row.application_id, row.inventory_no, row.item_id) == (app_id, "RAVĢ-0042", item_id)
    assert row.handover_status is HandoverStatus.PREPARING
    assert row.resource == "Windows portatīvais dators"
    number = row.number
    assert [r.application_id for r in desk.find(seeded, DESK, number)] == [app_id]
    assert {r.application_id for r in desk.find(seeded, DESK, "")} == {app_id, other}
    assert desk.find(seeded, DESK, "nav-tāda") == []


def test_the_desk_list_speaks_the_ui_s_language(seeded: Store) -> None:
    app_id, _ = _granted(seeded, inventory_no="RAVĢ-0043")
    [lv] = desk.find(seeded, DESK, "RAVG-0043")
    [en] = desk.find(seeded, DESK, "RAVG-0043", language="en")
    assert (lv.resource, lv.status_label) == ("Windows portatīvais dators", "Sagatavošanā")
    assert (en.resource, en.status_label) == ("Windows laptop", "Preparing")


def test_other_schools_cases_are_not_found(seeded: Store) -> None:
    add_application(seeded, institution=OTHER_SCHOOL, status=ApplicationStatus.CONFIRMED,
                    learner="Jānis Bērziņš")
    assert desk.find(seeded, DESK, "berzins") == []


def test_verify_accepts_the_reserved_item_and_refuses_another(seeded: Store) -> None:
    app_id, item_id = _granted(seeded)
    assert desk.verify_item(seeded, DESK, app_id, _inventory(seeded, item_id).lower()) == item_id
    spare = add_item(seeded, inventory_no="RAVG-0777")
    with pytest.raises(InputError) as caught:
        desk.verify_item(seeded, DESK, app_id, "RAVG-0777")
    assert "Noskenēts cits resurss (RAVG-0777)" in caught.value.message_lv
    with pytest.raises(InputError) as caught:
        desk.verify_item(seeded, DESK, app_id, "NAV-0000")
    assert "nav atrasts" in caught.value.message_lv
    with seeded.read() as s:
        assert s.get(Item, spare).status is ItemStatus.AVAILABLE  # type: ignore[union-attr]


def test_verify_without_reserved_item_needs_an_available_allowed_one(seeded: Store) -> None:
    app_id, _ = _granted(seeded, with_item=False)
    add_item(seeded, status=ItemStatus.DAMAGED, inventory_no="RAVG-0100")
    add_item(seeded, kind="chromebook_laptop", socially_supported=True,
                          inventory_no="RAVG-0200")
    good = add_item(seeded, inventory_no="RAVG-0300")
    with pytest.raises(InputError) as caught:
        desk.verify_item(seeded, DESK, app_id, "RAVG-0100")
    assert "nav pieejams izsniegšanai" in caught.value.message_lv
    assert "Bojāts" in caught.value.message_lv
    with pytest.raises(InputError) as caught:
        desk.verify_item(seeded, DESK, app_id, "RAVG-0200")
    assert "izsniegt nevar" in caught.value.message_lv
    assert desk.verify_item(seeded, DESK, app_id, "RAVG-0300") == good


def test_start_handover_prepares_and_gives_only_the_card(seeded: Store) -> None:
    app_id, item_id = _granted(seeded)
    card = desk.start_handover(seeded, DESK, app_id,
                               inventory_no=_inventory(seeded, item_id), now=NOW)
    assert card.application_id == app_id
    assert card.applicant_name == "Līga Bērziņa"
    assert card.resource == "Windows portatīvais dators"
    assert card.act_number.endswith("-A1")
    fields = set(card.__dataclass_fields__)
    assert not fields & {"learner_name", "personal_code", "phone", "email"}
    with seeded.read() as s:
        h = s.get(Handover, card.handover_id)
        assert h is not None and h.status is HandoverStatus.PREPARED
    # pressing "Start" again shows the same prepared handover, nothing changes
    again = desk.start_handover(seeded, DESK, app_id, inventory_no=None)
    assert again == card
    state = desk.handover_state(seeded, DESK, card.handover_id)
    assert state.status is HandoverStatus.PREPARED and not state.act_filed


def test_start_handover_with_a_scanned_item_when_none_was_reserved(seeded: Store) -> None:
    app_id, _ = _granted(seeded, with_item=False)
    item_id = add_item(seeded, inventory_no="RAVG-0555")
    card = desk.start_handover(seeded, DESK, app_id, inventory_no="RAVG-0555", now=NOW)
    assert card.inventory_no == "RAVG-0555"
    with seeded.read() as s:
        assert s.get(Item, item_id).status is ItemStatus.RESERVED  # type: ignore[union-attr]


def test_file_act_keeps_the_pdf_with_the_application(seeded: Store) -> None:
    app_id, _ = _granted(seeded)
    card = desk.start_handover(seeded, DESK, app_id, now=NOW)
    content = b"%PDF-1.4 act"
    filed = desk.file_act(seeded, DESK, card.handover_id, content, now=NOW)
    assert filed.path == seeded.data_dir / "documents" / str(app_id) / f"{card.act_number}.pdf"
    assert filed.path.read_bytes() == content
    with seeded.read() as s:
        doc = s.get(Document, filed.document_id)
        assert doc is not None and doc.doc_type is DocumentType.PNA
        assert doc.file_path == f"documents/{app_id}/{card.act_number}.pdf"
        assert doc.sha256 == hashlib.sha256(content).hexdigest()
        assert (doc.application_id, doc.handover_id) == (app_id, card.handover_id)
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "file_act")).one()
        assert "Bērziņ" not in str(audit.details)
    assert desk.act_path(seeded, DESK, card.handover_id) == filed.path
    assert desk.handover_state(seeded, DESK, card.handover_id).act_filed
    # filing again replaces the file and keeps one row
    again = desk.file_act(seeded, DESK, card.handover_id, b"%PDF-1.4 reprint", now=NOW)
    assert again.document_id == filed.document_id
    with seeded.read() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 1
    # a damaged file is not offered for printing
    filed.path.write_bytes(b"tampered")
    assert desk.act_path(seeded, DESK, card.handover_id) is None


def test_file_act_leaves_no_file_when_the_row_fails(seeded: Store,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    app_id, _ = _granted(seeded)
    card = desk.start_handover(seeded, DESK, app_id, now=NOW)

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(desk, "record", broken)
    with pytest.raises(RuntimeError):
        desk.file_act(seeded, DESK, card.handover_id, b"%PDF", now=NOW)
    assert not (seeded.data_dir / "documents" / str(app_id) / f"{card.act_number}.pdf").exists()
    with seeded.read() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0


def test_act_facts_for_an_issued_and_returned_device(seeded: Store) -> None:
    app_id, item_id = _granted(seeded, learner="Jānis Ķēniņš", submitter="Līga Ķēniņa")
    card = desk.start_handover(seeded, DESK, app_id, now=NOW)
    with seeded.write() as s:  # as a pull from the central service would after the receipt
        h = s.get(Handover, card.handover_id)
        assert h is not None
        h.status, h.issued_at = HandoverStatus.ISSUED, NOW
        s.get(Item, item_id).status = ItemStatus.IN_USE  # type: ignore[union-attr]
    record_return(seeded, DESK, card.handover_id, ReturnCondition.DAMAGED,
                  notes="Ieplaisājis ekrāns", now=datetime(2027, 6, 20, 10, tzinfo=UTC))
    facts = desk.act_facts(seeded, DESK, card.handover_id)
    assert facts["applicant_name"] == "Līga Ķēniņa"
    assert facts["learner_name"] == "Jānis Ķēniņš" and facts["learner_class"] == "7.b"
    assert facts["school_name"] == "Rīgas Āgenskalna Valsts ģimnāzija"
    assert facts["act_number"] == card.act_number
    assert facts["act_date"] == date(2026, 9, 3)
    assert facts["confirmed_at"] is not None
    assert facts["condition"] == "Bojāts" and facts["return_notes"] == "Ieplaisājis ekrāns"
    assert facts["returned_on"] == date(2027, 6, 20)
    assert facts["serial_no"] and facts["model"] == "Lenovo ThinkPad E14"


def test_issued_scope_finds_devices_to_take_back(seeded: Store) -> None:
    app_id, item_id = _granted(seeded)
    add_handover(seeded, app_id, None, HandoverStatus.CANCELLED)
    assert desk.find(seeded, DESK, "", desk.DeskScope.ISSUED) == []
    with seeded.write() as s:
        h = s.scalars(select(Handover).where(Handover.application_id == app_id,
                                             Handover.status == "preparing")).one()
        h.status = HandoverStatus.ISSUED
    rows = desk.find(seeded, DESK, _inventory(seeded, item_id), desk.DeskScope.ISSUED)
    assert [r.application_id for r in rows] == [app_id]
    assert desk.find(seeded, DESK, "", desk.DeskScope.TO_ISSUE) == []


def test_open_incidents_and_overdue(seeded: Store) -> None:
    lost_app = add_application(seeded, status=ApplicationStatus.CONFIRMED,
                               learner="Marta Kalniņa", submitter="Ilze Kalniņa")
    stolen_app = add_application(seeded, status=ApplicationStatus.CONFIRMED,
                                 social=SocialStatus.POOR_FAMILY)
    late_app = add_application(seeded, status=ApplicationStatus.CONFIRMED,
                               learner="Oskars Vītols", submitter="Dace Vītola")
    on_time = add_application(seeded, status=ApplicationStatus.CONFIRMED)
    ids = {}
    for app_id, status in ((lost_app, HandoverStatus.LOST), (stolen_app, HandoverStatus.STOLEN),
                           (late_app, HandoverStatus.ISSUED), (on_time, HandoverStatus.ISSUED)):
        ids[app_id] = add_handover(seeded, app_id, add_item(seeded, status=ItemStatus.IN_USE),
                                   status)
    with seeded.write() as s:
        lost = s.get(Handover, ids[lost_app])
        assert lost is not None
        lost.incident_description = "Atstāts autobusā Nr. 3, meklējām — neatradām"
        lost.incident_reported_at = NOW
        s.get(Handover, ids[stolen_app]).incident_acknowledged_at = NOW  # type: ignore[union-attr]
        s.get(Handover, ids[late_app]).return_deadline = date(2026, 8, 31)  # type: ignore[union-attr]
        s.get(Handover, ids[on_time]).return_deadline = date(2026, 9, 30)  # type: ignore[union-attr]
    incidents = desk.open_incidents(seeded, DESK)
    assert [(i.application_id, i.status) for i in incidents] == [(lost_app, HandoverStatus.LOST)]
    assert incidents[0].description.startswith("Atstāts autobusā")  # type: ignore[union-attr]
    assert incidents[0].applicant_name == "Ilze Kalniņa"
    late = desk.overdue(seeded, DESK, today=date(2026, 9, 10))
    assert [(r.application_id, r.days_overdue) for r in late] == [(late_app, 10)]
    assert late[0].learner_name == "Oskars Vītols"
