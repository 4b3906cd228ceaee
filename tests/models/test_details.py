"""The detail query: one application with everything that hangs on it, as plain dataclasses."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import event, func, select, update

from desktop.models.codes import (
    ApplicantRole,
    ApplicationStatus,
    CommandState,
    DocumentType,
    GuardianCheck,
    HandoverStatus,
    SocialStatus,
)
from desktop.models.decisions import defer, grant
from desktop.models.details import (
    ApplicationDetail,
    AttachmentDetail,
    DocumentDetail,
    HandoverDetail,
    NotificationDetail,
    SocialStatusDetail,
    TimelineEntry,
    application_detail,
    document_file,
)
from desktop.models.handovers import prepare_handover
from desktop.models.schema import (
    Application,
    ApplicationSocialStatus,
    Document,
    DocumentAcknowledgement,
    OutboxCommand,
    StatusHistory,
)
from factories import (
    DESK,
    OTHER_SCHOOL,
    REVIEWER,
    SCHOOL,
    WHEN,
    add_application,
    add_handover,
    add_item,
    seed_catalogue,
)

SUBMITTED = WHEN - timedelta(minutes=5)
GRANTED = datetime(2026, 11, 12, 8, 15, tzinfo=UTC)
PREPARED = datetime(2026, 11, 13, 9, 0, tzinfo=UTC)
CONFIRMED_AT = datetime(2026, 8, 31, 12, 0, tzinfo=UTC)
DEADLINE = date(2027, 6, 30)


@pytest.fixture
def case(store):
    """A granted, prepared application with two social statuses and two acknowledged docs."""
    seed_catalogue(store)
    item_id = add_item(store, inventory_no="INV-0042")
    app_id = add_application(store, social=SocialStatus.POOR_FAMILY)
    other_id = add_application(store, learner="Ērika Ķuze", submitter="Ģirts Ķuzis")
    with store.write() as s:
        s.execute(update(ApplicationSocialStatus)
                  .where(ApplicationSocialStatus.application_id == app_id)
                  .values(confirmed_at=CONFIRMED_AT))
        s.add(ApplicationSocialStatus(application_id=app_id, status=SocialStatus.DISABILITY,
                                      viis_code="I", confirmed=False))
        s.add_all([
            Document(id="doc-rules", institution_id=SCHOOL, offered_kind_id="ok-win",
                     doc_type=DocumentType.EXPLOITATION_RULES,
                     title="Datoru lietošanas noteikumi"),
            Document(id="doc-pna", institution_id=SCHOOL, offered_kind_id="ok-win",
                     doc_type=DocumentType.PNA, title="PNA veidne"),
        ])
        s.flush()
        s.add_all([
            DocumentAcknowledgement(application_id=app_id, document_id="doc-rules",
                                    acknowledged_at=WHEN - timedelta(minutes=2)),
            DocumentAcknowledgement(application_id=app_id, document_id="doc-pna",
                                    acknowledged_at=WHEN - timedelta(minutes=1)),
        ])
        app = s.get(Application, app_id)
        app.notes = "Zvanīt pēc 16:00"
        # the submission as the central service reported it
        s.add(StatusHistory(entity_type="application", entity_id=str(app_id),
                            application_id=app_id, action="submit", from_status=None,
                            to_status="submitted", actor="central", source="central",
                            at=SUBMITTED))
    grant(store, REVIEWER, app_id, item_id=item_id, now=GRANTED)
    prepare_handover(store, DESK, app_id, return_deadline=DEADLINE, now=PREPARED)
    # another application's history must not leak in
    defer(store, REVIEWER, other_id, "Jāprecizē klase", now=GRANTED)
    return app_id, item_id, other_id


def test_unknown_and_foreign_applications_are_none(store, case) -> None:
    app_id, _, _ = case
    assert application_detail(store, SCHOOL, 999_999) is None
    assert application_detail(store, OTHER_SCHOOL, app_id) is None
    foreign = add_application(store, institution=OTHER_SCHOOL)
    assert application_detail(store, SCHOOL, foreign) is None
    assert application_detail(store, OTHER_SCHOOL, foreign) is not None


def test_header_people_and_contacts(store, case) -> None:
    app_id, _, _ = case
    d = application_detail(store, SCHOOL, app_id)
    assert isinstance(d, ApplicationDetail)
    assert d.id == app_id
    assert d.number == f"P-2026-{app_id:06d}"
    assert d.institution_id == SCHOOL
    assert d.status is ApplicationStatus.CONFIRMED
    assert d.status_label == "Piešķirts"
    assert d.submitted_at == WHEN
    assert d.status_changed_at == GRANTED
    assert d.kind_code == "windows_laptop"
    assert d.kind_label == "Windows portatīvais dators"

    assert d.submitter_name == "Līga Bērziņa"
    assert d.submitter_role is ApplicantRole.PARENT_GUARDIAN
    assert d.submitter_role_label == "Vecāks vai aizbildnis"
    assert d.submitter_code_masked == "010180-*****"
    assert d.submitter_personal_code == "010180-10006"
    assert d.learner_name == "Jānis Bērziņš"
    assert d.learner_class == "7.b"
    assert d.learner_code_masked == "150312-*****"
    assert d.learner_personal_code == "150312-20004"
    assert d.guardian_check is GuardianCheck.VERIFIED
    assert d.guardian_check_label == "Apstiprināta"
    assert d.guardian_checked_at == WHEN

    assert d.phone == "+37120000000"
    assert d.email == "liga.berzina@example.lv"
    assert d.notes == "Zvanīt pēc 16:00"
    assert d.decision_reason is None
    assert d.revisit_on is None
    assert d.withdrawal_reason is None
    assert d.withdrawal_reason_label is None


def test_full_personal_codes_stay_out_of_repr(store, case) -> None:
    d = application_detail(store, SCHOOL, case[0])
    assert "10006" not in repr(d)
    assert "20004" not in repr(d)
    assert "010180-*****" in repr(d)


def test_detail_is_frozen_and_plain(store, case) -> None:
    d = application_detail(store, SCHOOL, case[0])
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.status = ApplicationStatus.DECLINED  # type: ignore[misc]
    for value in (d, *d.social_statuses, *d.documents, *d.handovers, *d.timeline):
        assert dataclasses.is_dataclass(value)
    assert isinstance(d.timeline, tuple) and isinstance(d.handovers, tuple)


def test_social_statuses_in_classifier_order(store, case) -> None:
    d = application_detail(store, SCHOOL, case[0])
    assert d.social_statuses == (
        SocialStatusDetail(SocialStatus.POOR_FAMILY, "Trūcīga ģimene", "T", True, CONFIRMED_AT),
        SocialStatusDetail(SocialStatus.DISABILITY, "Invaliditāte", "I", False, None),
    )
    assert d.social_status_confirmed


def test_documents_acknowledged(store, case) -> None:
    d = application_detail(store, SCHOOL, case[0])
    assert d.documents == (
        DocumentDetail("Datoru lietošanas noteikumi", DocumentType.EXPLOITATION_RULES,
                       "Lietošanas noteikumi", WHEN - timedelta(minutes=2)),
        DocumentDetail("PNA veidne", DocumentType.PNA, "Pieņemšanas-nodošanas akts",
                       WHEN - timedelta(minutes=1)),
    )


def test_handover_with_known_item(store, case) -> None:
    app_id, item_id, _ = case
    d = application_detail(store, SCHOOL, app_id)
    assert len(d.handovers) == 1
    h = d.handovers[0]
    assert isinstance(h, HandoverDetail)
    assert d.current_handover == h
    assert h.status is HandoverStatus.PREPARED
    assert h.status_label == "Gatavs izsniegšanai"
    assert h.act_number == f"P-2026-{app_id:06d}-A1"
    assert h.item_id == item_id
    assert h.item_inventory_no == "INV-0042"
    assert h.item_manufacturer == "Lenovo"
    assert h.item_model == "ThinkPad E14"
    assert h.item_known
    assert h.item_description == "Lenovo ThinkPad E14"
    assert h.created_at == GRANTED
    assert h.prepared_at == PREPARED
    assert h.status_changed_at == PREPARED
    assert h.return_deadline == DEADLINE
    assert h.issued_at is None and h.returned_at is None
    assert h.return_condition is None and h.return_condition_label is None
    assert h.cancel_reason is None and h.incident_description is None


def test_handover_whose_item_is_not_known_locally(store) -> None:
    seed_catalogue(store)
    app_id = add_application(store, status=ApplicationStatus.CONFIRMED)
    add_handover(store, app_id, "item-not-pulled-yet", HandoverStatus.PREPARING)
    d = application_detail(store, SCHOOL, app_id)
    (h,) = d.handovers
    assert h.item_id == "item-not-pulled-yet"
    assert h.item_inventory_no is None
    assert h.item_model is None
    assert not h.item_known
    assert h.item_description is None
    assert h.status_label == "Sagatavošanā"


def test_another_schools_item_is_not_shown(store) -> None:
    seed_catalogue(store)
    foreign_item = add_item(store, institution=OTHER_SCHOOL, inventory_no="LIE-1")
    app_id = add_application(store, status=ApplicationStatus.CONFIRMED)
    add_handover(store, app_id, foreign_item, HandoverStatus.PREPARING)
    (h,) = application_detail(store, SCHOOL, app_id).handovers
    assert h.item_inventory_no is None


def test_timeline_oldest_first_with_labels(store, case) -> None:
    app_id, _, _ = case
    d = application_detail(store, SCHOOL, app_id)
    handover_id = d.handovers[0].id
    summary = [(e.entity_type, e.action, e.from_label, e.to_label, e.actor, e.source, e.at)
               for e in d.timeline]
    assert summary == [
        ("application", "submit", None, "Iesniegts", "central", "central", SUBMITTED),
        ("application", "grant", "Iesniegts", "Piešķirts", "ilze.reviewer", "local", GRANTED),
        ("handover", "create", None, "Sagatavošanā", "ilze.reviewer", "local", GRANTED),
        ("handover", "prepare", "Sagatavošanā", "Gatavs izsniegšanai", "desk.ģirts", "local",
         PREPARED),
    ]
    assert all(isinstance(e, TimelineEntry) for e in d.timeline)
    assert d.timeline[0].central and not d.timeline[1].central
    assert d.timeline[1].from_status == "submitted" and d.timeline[1].to_status == "confirmed"
    assert d.timeline[1].entity_id == str(app_id)
    assert {e.entity_id for e in d.timeline[2:]} == {handover_id}
    # the item's own history (reserved) belongs to the item, not to the case
    assert "item" not in {e.entity_type for e in d.timeline}


def test_decision_fields_and_reason_in_timeline(store) -> None:
    seed_catalogue(store)
    app_id = add_application(store)
    defer(store, REVIEWER, app_id, "Gaidām VIIS apstiprinājumu", revisit_on=date(2026, 12, 1),
          now=GRANTED)
    d = application_detail(store, SCHOOL, app_id)
    assert d.status_label == "Atlikta izskatīšana"
    assert d.decision_reason == "Gaidām VIIS apstiprinājumu"
    assert d.revisit_on == date(2026, 12, 1)
    (entry,) = d.timeline
    assert entry.reason == "Gaidām VIIS apstiprinājumu"
    assert (entry.from_label, entry.to_label) == ("Iesniegts", "Atlikta izskatīšana")


def test_sync_state(store, case) -> None:
    app_id, _, _ = case
    d = application_detail(store, SCHOOL, app_id)
    assert (d.commands_waiting, d.in_conflict) == (2, False)
    with store.write() as s:
        first = s.scalar(select(func.min(OutboxCommand.id))
                         .where(OutboxCommand.application_id == app_id))
        s.execute(update(OutboxCommand).where(OutboxCommand.id == first)
                  .values(state=CommandState.CONFLICT))
    d = application_detail(store, SCHOOL, app_id)
    assert (d.commands_waiting, d.in_conflict) == (1, True)


def test_withdrawn_unknown_kind_and_english(store) -> None:
    from desktop.models.codes import WithdrawalReason

    seed_catalogue(store)
    app_id = add_application(store, kind="vr_headset", social=SocialStatus.LOW_INCOME_FAMILY,
                             social_confirmed=False)
    with store.write() as s:
        app = s.get(Application, app_id)
        app.status = ApplicationStatus.WITHDRAWN
        app.withdrawal_reason = WithdrawalReason.BOUGHT_HIMSELF
        app.phone = None
        app.learner_class = None
    d = application_detail(store, SCHOOL, app_id)
    assert d.kind_label == "vr_headset"  # the kind has not reached this store yet
    assert d.withdrawal_reason_label == "Iegādājās pats"
    assert d.phone is None and d.learner_class is None
    assert d.handovers == () and d.timeline == () and d.documents == ()
    assert not d.social_status_confirmed
    en = application_detail(store, SCHOOL, app_id, language="en")
    assert en.status_label == "Withdrawn"
    assert en.withdrawal_reason_label == "Bought one themselves"
    assert en.social_statuses[0].label == "Low-income family"
    assert en.submitter_role_label == "Parent or guardian"


def test_english_kind_label(store, case) -> None:
    d = application_detail(store, SCHOOL, case[0], language="en")
    assert d.kind_label == "Windows laptop"
    assert d.timeline[1].to_label == "Granted"
    assert d.handovers[0].status_label == "Ready for issue"


def test_queries_per_collection_not_per_row(store) -> None:
    """Many handovers and history rows cost the same number of statements as one."""
    seed_catalogue(store)
    app_id = add_application(store, status=ApplicationStatus.CONFIRMED)
    for _ in range(5):
        add_handover(store, app_id, add_item(store), HandoverStatus.CANCELLED)
    with store.write() as s:
        s.add_all(StatusHistory(entity_type="application", entity_id=str(app_id),
                                application_id=app_id, action="sync", from_status="submitted",
                                to_status="confirmed", actor="central", source="central",
                                at=WHEN + timedelta(minutes=n)) for n in range(20))
    statements: list[str] = []

    def count(conn, cursor, statement, *args) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        d = application_detail(store, SCHOOL, app_id)
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert len(d.handovers) == 5 and len(d.timeline) == 20
    assert len(statements) <= 6


# -- the handover's lifecycle: arrangement, paper act, files, losses, notifications ----------

ARRANGED_FROM = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
ARRANGED_TO = datetime(2026, 12, 7, 10, 30, tzinfo=UTC)
SIGNED = datetime(2026, 12, 7, 8, 20, tzinfo=UTC)
ACT_PDF = b"%PDF-1.4\n% Pie\xc5\x86em\xc5\xa1anas-nodo\xc5\xa1anas akts\n"
SCAN_PNG = b"\x89PNG\r\n\x1a\n" + b"parakst\xc4\xabts" * 40
POLICE_PDF = b"%PDF-1.4\n% Valsts policijas izzi\xc5\x86a\n"


@pytest.fixture
def paper_case(store):
    """Granted, prepared ahead with an arrangement, then signed on paper with a scan."""
    from desktop.models.lifecycle import NewFile, PickupPlan, prepare_ahead, sign_on_paper

    seed_catalogue(store)
    item_id = add_item(store, inventory_no="RAVG-0107")
    app_id = add_application(store, learner="Ērika Ķuze", submitter="Ģirts Ķuzis")
    grant(store, REVIEWER, app_id, item_id=item_id, now=GRANTED)
    plan = PickupPlan("Skolas bibliotēka, 2. stāvs", ARRANGED_FROM, ARRANGED_TO,
                      "Inese Kalniņa", "29 123 456")
    assert prepare_ahead(store, DESK, [app_id], plan, item_ids={app_id: item_id},
                         return_deadline=DEADLINE, now=PREPARED).done == [app_id]
    handover_id = application_detail(store, SCHOOL, app_id).handovers[0].id
    sign_on_paper(store, DESK, handover_id, ACT_PDF,
                  scan=NewFile("parakstītais akts.png", SCAN_PNG), now=SIGNED)
    return app_id, handover_id


def test_arrangement_paper_act_and_scan(store, paper_case) -> None:
    app_id, handover_id = paper_case
    (h,) = application_detail(store, SCHOOL, app_id).handovers
    assert h.id == handover_id
    assert h.status is HandoverStatus.ISSUED
    assert h.item_inventory_no == "RAVG-0107"
    assert h.item_serial_no is not None and h.item_serial_no.startswith("SN")
    assert (h.pickup_place, h.pickup_from, h.pickup_to) == (
        "Skolas bibliotēka, 2. stāvs", ARRANGED_FROM, ARRANGED_TO)
    assert (h.contact_person, h.contact_phone) == ("Inese Kalniņa", "+37129123456")
    assert h.arranged
    assert h.issued_on_paper and h.issued_at == SIGNED
    assert not h.kind_differs
    assert h.act_document_id is not None and h.act_available
    (scan,) = h.attachments
    assert isinstance(scan, AttachmentDetail)
    assert scan.doc_type is DocumentType.PNA_SIGNED
    assert scan.type_label == "Parakstītā akta skenējums"
    assert "parakstītais akts.png" in scan.title
    assert scan.available
    assert h.incident_occurred_on is None and not h.incident
    assert (h.can_sign_on_paper, h.can_change_deadline, h.can_record_incident,
            h.can_close_case) == (False, True, True, False)


def test_a_missing_or_damaged_file_is_not_available(store, paper_case) -> None:
    app_id, _ = paper_case
    (h,) = application_detail(store, SCHOOL, app_id).handovers
    act = document_file(store, DESK, h.act_document_id)
    scan = document_file(store, DESK, h.attachments[0].id)
    assert act is not None and act.read_bytes() == ACT_PDF
    assert scan is not None and scan.read_bytes() == SCAN_PNG
    act.write_bytes(ACT_PDF + "% mainīts\n".encode())  # damaged: the sha256 no longer matches
    scan.unlink()
    (h,) = application_detail(store, SCHOOL, app_id).handovers
    assert not h.act_available
    assert not h.attachments[0].available
    assert document_file(store, DESK, h.act_document_id) is None
    assert document_file(store, DESK, h.attachments[0].id) is None


def test_an_act_filed_on_another_workstation_is_not_here_yet(store, paper_case) -> None:
    from desktop.models.schema import Handover

    app_id, handover_id = paper_case
    with store.write() as s:  # what a pull writes before the sync has fetched the files
        h = s.get(Handover, handover_id)
        h.act_document_id = "5d1c0e7e-0000-4000-8000-00000000a11e"
        h.act_sha256 = "a" * 64
        h.attachments = [*h.attachments, {
            "id": "5d1c0e7e-0000-4000-8000-00000000b0b0", "doc_type": "incident_attachment",
            "title": "Policijas izziņa Nr. 11/2026", "sha256": "b" * 64, "size": 2048}]
    (h,) = application_detail(store, SCHOOL, app_id).handovers
    assert not h.act_available
    scan, police = h.attachments
    assert scan.available and not police.available
    assert police.title == "Policijas izziņa Nr. 11/2026"
    assert police.doc_type is DocumentType.INCIDENT_ATTACHMENT
    assert document_file(store, DESK, police.id) is None


def test_a_file_of_another_school_is_never_given(store, paper_case) -> None:
    from desktop.models.codes import StaffRole
    from desktop.models.journal import Actor

    app_id, _ = paper_case
    (h,) = application_detail(store, SCHOOL, app_id).handovers
    stranger = Actor("desk.ļena", OTHER_SCHOOL, StaffRole.DESK)
    assert document_file(store, stranger, h.act_document_id) is None
    assert document_file(store, stranger, h.attachments[0].id) is None
    assert document_file(store, DESK, "no-such-document") is None


def test_loss_recorded_with_an_attachment(store, paper_case, monkeypatch) -> None:
    from desktop.models import wire_dates
    from desktop.models.lifecycle import NewFile, record_incident

    # the payload's "not in the future" check reads the wire clock: it is the test's day too
    monkeypatch.setattr(wire_dates, "wire_now", lambda: datetime(2026, 12, 10, 9, 0, tzinfo=UTC))

    app_id, handover_id = paper_case
    record_incident(store, DESK, handover_id, lost=False,
                    description="Nozagts trolejbusā Nr. 3 pie Brīvības ielas",
                    occurred_on=date(2026, 12, 9),
                    attachments=[NewFile("policijas izziņa.pdf", POLICE_PDF)],
                    now=datetime(2026, 12, 10, 9, 0, tzinfo=UTC))
    (h,) = application_detail(store, SCHOOL, app_id).handovers
    assert h.status is HandoverStatus.STOLEN and h.incident
    assert h.incident_occurred_on == date(2026, 12, 9)
    assert h.incident_description == "Nozagts trolejbusā Nr. 3 pie Brīvības ielas"
    scan, police = h.attachments
    assert police.doc_type is DocumentType.INCIDENT_ATTACHMENT
    assert police.type_label == "Pielikums" and police.available
    assert (h.can_sign_on_paper, h.can_change_deadline, h.can_record_incident,
            h.can_close_case) == (False, False, False, True)
    en = application_detail(store, SCHOOL, app_id, language="en").handovers[0]
    assert en.attachments[1].type_label == "Attachment"


def test_kind_differs_and_no_arrangement(store, case) -> None:
    from desktop.models.schema import Handover

    app_id, _, _ = case
    (h,) = application_detail(store, SCHOOL, app_id).handovers
    assert not h.kind_differs and not h.arranged and not h.issued_on_paper
    assert h.act_document_id is None and not h.act_available and h.attachments == ()
    assert h.can_sign_on_paper and h.can_change_deadline and not h.can_record_incident
    with store.write() as s:
        s.get(Handover, h.id).kind_differs = True
    assert application_detail(store, SCHOOL, app_id).handovers[0].kind_differs


def test_notifications_oldest_first_with_labels(store, case) -> None:
    app_id, _, _ = case
    handover_id = application_detail(store, SCHOOL, app_id).handovers[0].id
    with store.write() as s:  # as the sync writes them (the wire model, dumped as JSON)
        s.get(Application, app_id).notifications = [
            {"kind": "deadline_changed", "at": "2026-12-08T09:00:00Z",
             "handover_id": handover_id, "channels": ["email"]},
            {"kind": "ready_for_issue", "at": "2026-12-07T08:15:00Z",
             "handover_id": handover_id, "channels": ["email", "sms"]},
            {"kind": "a_future_kind", "at": "2026-12-09T10:00:00+02:00", "channels": []},
            {"kind": "refused", "at": "vakar"},  # damaged: left out, not a crash
            "nav ieraksts",
        ]
    d = application_detail(store, SCHOOL, app_id)
    assert d.notifications == (
        NotificationDetail("ready_for_issue", "Gatavs izsniegšanai",
                           datetime(2026, 12, 7, 8, 15, tzinfo=UTC), ("email", "sms"),
                           handover_id),
        NotificationDetail("deadline_changed", "Mainīts atgriešanas termiņš",
                           datetime(2026, 12, 8, 9, 0, tzinfo=UTC), ("email",), handover_id),
        NotificationDetail("a_future_kind", "a_future_kind",
                           datetime(2026, 12, 9, 8, 0, tzinfo=UTC), ()),
    )
    en = application_detail(store, SCHOOL, app_id, language="en")
    assert [n.kind_label for n in en.notifications][:2] == ["Ready for issue",
                                                            "Return deadline changed"]
    assert application_detail(store, SCHOOL, case[2]).notifications == ()


def test_files_cost_one_query_for_all_handovers(store, paper_case) -> None:
    app_id, _ = paper_case
    statements: list[str] = []

    def count(conn, cursor, statement, *args) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        d = application_detail(store, SCHOOL, app_id)
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert d.handovers[0].act_available
    assert len(statements) <= 7
