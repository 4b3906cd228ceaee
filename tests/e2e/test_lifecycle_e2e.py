"""The handover's whole life against the reference server, with two workstations of one
school (each its own store, client and sync engine), Qt-free:

prepared ahead with an arrangement and a notification → confirmed later while no desk watches
→ the act filed once, by one workstation, present on the second after its sync; two
workstations racing to file the same act, a hundred times: one act; signed on paper → issued;
a deadline changed for a selection → the overdue list; a loss recorded by staff with an
attachment → the case closed → deleted exactly 25 months later (the purge's clock is fixed).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from desktop.desk import file_missing_acts
from desktop.models import decisions, desk, lifecycle, retention
from desktop.models.codes import DocumentType, HandoverStatus, ItemStatus, StaffRole
from desktop.models.commands import CommandName
from desktop.models.journal import Actor
from desktop.models.lifecycle import NewFile, PickupPlan
from desktop.models.schema import Application, Document, Handover, Item, OutboxCommand
from desktop.models.store import Store, open_store
from sync.client import CentralClient
from sync.credentials import MemoryCredentials
from sync.devserver.server import DevServer
from sync.engine import SyncEngine

SCHOOL = "4313900123"
ADMIN = Actor("admin", SCHOOL, StaffRole.ADMIN)
PLAN = PickupPlan("Skolas bibliotēka, 2. stāvs", datetime(2026, 12, 9, 8, 30, tzinfo=UTC),
                  datetime(2026, 12, 9, 14, tzinfo=UTC), "Inese Kļaviņa", "+371 2612 3456")


@dataclass
class Workstation:
    store: Store
    client: CentralClient
    engine: SyncEngine


def _workstation(server: DevServer, folder: Path) -> Workstation:
    client = CentralClient(server.url, username="admin", credentials=MemoryCredentials(),
                           timeout=(2.0, 10.0))
    client.sign_in("demo")
    store = open_store(folder)
    engine = SyncEngine(store, client, SCHOOL, page_size=500,
                        after_pull=lambda: file_missing_acts(store, ADMIN, "Inese Kļaviņa"))
    engine.sync_once()
    return Workstation(store, client, engine)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[DevServer, Workstation, Workstation]]:
    with DevServer(seed=160) as server:
        one = _workstation(server, tmp_path / "one")
        two = _workstation(server, tmp_path / "two")
        try:
            yield server, one, two
        finally:
            for ws in (one, two):
                ws.client.close()
                ws.store.close()


def _granted(ws: Workstation, count: int, *, with_item: bool) -> list[tuple[int, str | None]]:
    """``count`` open applications granted by ``ws`` (with a free device each if asked)."""
    chosen: list[tuple[int, str | None]] = []
    used: set[str] = set()
    with ws.store.read() as s:
        open_ids = list(s.scalars(select(Application.id).where(
            Application.institution_id == SCHOOL,
            Application.status.in_(["submitted", "postponed"])).order_by(Application.id)))
    for app_id in open_ids:
        items = [i for i, _ in decisions.offerable_items(ws.store, ADMIN, app_id)
                 if i not in used]
        if with_item and not items:
            continue
        item = items[0] if with_item else None
        decisions.grant(ws.store, ADMIN, app_id)
        if item:
            used.add(item)
        chosen.append((app_id, item))
        if len(chosen) == count:
            return chosen
    raise AssertionError("the seed has too few grantable applications")


def _handover(ws: Workstation, app_id: int) -> Handover:
    with ws.store.read() as s:
        h = s.scalars(select(Handover).where(Handover.application_id == app_id)
                      .order_by(Handover.created_at.desc())).first()
        assert h is not None
        s.expunge(h)
        return h


def _act_files(ws: Workstation, handover_id: str) -> list[Document]:
    with ws.store.read() as s:
        docs = list(s.scalars(select(Document).where(
            Document.handover_id == handover_id, Document.doc_type == DocumentType.PNA.value,
            Document.title.not_like("Atgriešanas%"))))
        for d in docs:
            s.expunge(d)
        return docs


def test_prepared_ahead_confirmed_later_act_filed_once_present_on_the_second(world) -> None:
    server, one, two = world
    [(single, item)] = _granted(one, 1, with_item=True)
    selection = [a for a, _ in _granted(one, 2, with_item=False)]
    result = lifecycle.prepare_ahead(one.store, ADMIN, [single, *selection], PLAN,
                                     item_ids={single: item} if item else None, notify=True,
                                     return_deadline=date(2027, 5, 31))
    assert result.done == [single, *selection] and not result.failed
    one.engine.sync_once()

    # the central service holds the arrangement, told the applicant, and shows it to them
    remote = server.state.application(single)
    [prepared] = [h for h in remote.handovers if h.status is HandoverStatus.PREPARED]
    assert (prepared.pickup_place, prepared.contact_person, prepared.contact_phone) == (
        "Skolas bibliotēka, 2. stāvs", "Inese Kļaviņa", "+37126123456")
    assert [n.kind.value for n in remote.notifications] == ["ready_for_issue"]
    for app_id in selection:  # no device yet: the desk picks it, the arrangement is agreed
        [waiting] = server.state.application(app_id).handovers
        assert waiting.status is HandoverStatus.PREPARING and waiting.item_id is None
        assert waiting.pickup_place == "Skolas bibliotēka, 2. stāvs"
    page = server.eservice_page(single)
    assert "Skolas bibliotēka, 2. stāvs" in page and "Inese Kļaviņa" in page
    assert "09.12.2026 10:30–16:00" in page  # Riga time
    two.engine.sync_once()
    with two.store.read() as s:
        app = s.get(Application, single)
        assert app is not None and app.notifications[0]["kind"] == "ready_for_issue"

    # the applicant confirms days later; no desk is watching
    server.applicant_confirm_receipt(single)
    one.engine.sync_once()  # sees it first: files the act and sends it
    two.engine.sync_once()  # fetches that act
    hid = _handover(one, single).id
    [act_one] = _act_files(one, hid)
    [act_two] = _act_files(two, hid)
    assert act_one.id == act_two.id == server.state.application(single).handovers[0] \
        .act_document_id
    bytes_one = (one.store.data_dir / act_one.file_path).read_bytes()
    bytes_two = (two.store.data_dir / act_two.file_path).read_bytes()
    assert bytes_one == bytes_two and bytes_one.startswith(b"%PDF")
    assert hashlib.sha256(bytes_two).hexdigest() == act_two.sha256
    assert desk.act_path(two.store, ADMIN, hid) is not None  # the second can open and reprint
    content, _ = server.state.get_file(None, SCHOOL, act_one.id)
    assert content == bytes_one


def test_two_workstations_race_to_file_the_same_act_a_hundred_times(world) -> None:
    server, one, two = world
    files_before = server.state.file_count(SCHOOL)
    handovers: list[str] = []
    while len(handovers) < 100:
        # enough free devices: new ones in the catalogue of the central service
        for n in range(20):
            item_id = _new_item(server, f"RACE-{len(handovers) + n:04d}")
            assert item_id
        one.engine.push()  # not sync_once: its act filing would leave nothing to race for
        one.engine.pull()
        batch = []
        for app_id in _submitted(server, 20):
            one.engine.pull()
            items = decisions.offerable_items(one.store, ADMIN, app_id)
            decisions.grant(one.store, ADMIN, app_id, item_id=items[0][0])
            batch.append(desk.start_handover(one.store, ADMIN, app_id).handover_id)
        one.engine.push()
        for hid in batch:
            server.applicant_confirm_receipt(server.state.handover_owner(hid) or 0)
        handovers += batch
    # both see every confirmation and file every act before either sends one…
    for ws in (one, two):
        ws.engine.pull()
        while file_missing_acts(ws.store, ADMIN):
            pass
        with ws.store.read() as s:  # a real race: each holds its own act of every handover
            assert s.scalar(select(func.count()).select_from(OutboxCommand).where(
                OutboxCommand.command == CommandName.FILE_ACT.value,
                OutboxCommand.state == "pending")) == len(handovers)
    # …then both send at once
    errors: list[BaseException] = []

    def push(ws: Workstation) -> None:
        try:
            ws.engine.sync_once()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=push, args=(ws,)) for ws in (one, two)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert errors == []
    one.engine.sync_once()
    two.engine.sync_once()
    for hid in handovers[:100]:
        app_id = server.state.handover_owner(hid)
        assert app_id is not None
        [remote] = [h for h in server.state.application(app_id).handovers if h.id == hid]
        assert remote.act_document_id is not None
        for ws in (one, two):
            [act] = _act_files(ws, hid)  # one act row, the central one
            assert act.id == remote.act_document_id
            assert (ws.store.data_dir / act.file_path).exists()
    # one file per act: the losers' uploads are gone
    assert server.state.file_count(SCHOOL) == files_before + len(handovers)
    for ws in (one, two):
        with ws.store.read() as s:
            assert s.scalar(select(func.count()).select_from(OutboxCommand).where(
                OutboxCommand.state.in_(["pending", "conflict"]))) == 0


def _new_item(server: DevServer, inventory_no: str) -> str:
    import uuid

    from sync.protocol import ItemUpsert

    item_id = str(uuid.uuid4())
    server.state.put_item(None, SCHOOL, item_id, ItemUpsert(
        kind_code="windows_laptop", inventory_no=inventory_no, manufacturer="HP",
        model="ProBook 450 G10", status=ItemStatus.AVAILABLE), if_none_match="*")
    return item_id


def _submitted(server: DevServer, count: int) -> list[int]:
    ids = []
    for n in range(count):
        ids.append(server.applicant_submit({
            "institution_id": SCHOOL, "kind_code": "windows_laptop",
            "submitter": {"role": "parent_guardian", "name": f"Līga Ozoliņa {n}",
                          "personal_code": "120385-12342"},
            "learner": {"name": f"Jānis Ozoliņš {n}", "personal_code": "325794-61232",
                        "class_name": "5.a"},
            "contact": {"phone": "+37129123456", "email": "liga@example.lv"},
        }).id)
    return ids


def test_signed_on_paper_issues_and_both_workstations_hold_the_act_and_scan(world) -> None:
    server, one, two = world
    [(app_id, item)] = _granted(one, 1, with_item=True)
    card = desk.start_handover(one.store, ADMIN, app_id, item_id=item)
    one.engine.sync_once()
    scan = NewFile("parakstīts.png", b"\x89PNG\r\n\x1a\n" + b"skenets" * 10)
    outcome = lifecycle.sign_on_paper(one.store, ADMIN, card.handover_id,
                                      b"%PDF-1.7 papira akts", scan=scan)
    assert outcome.status == HandoverStatus.ISSUED.value
    with one.store.read() as s:
        assert s.get(Item, item).status is ItemStatus.IN_USE  # type: ignore[union-attr]
    one.engine.sync_once()
    [remote] = server.state.application(app_id).handovers
    assert remote.status is HandoverStatus.ISSUED and remote.issued_on_paper
    assert [a.doc_type for a in remote.attachments] == [DocumentType.PNA_SIGNED]
    two.engine.sync_once()
    [act] = _act_files(two, card.handover_id)
    assert (two.store.data_dir / act.file_path).read_bytes() == b"%PDF-1.7 papira akts"
    with two.store.read() as s:
        scanned = s.get(Document, remote.attachments[0].id)
        assert scanned is not None and scanned.doc_type is DocumentType.PNA_SIGNED
        assert (two.store.data_dir / scanned.file_path).read_bytes() == scan.content
    assert server.state.get_file(None, SCHOOL, act.id)[0] == b"%PDF-1.7 papira akts"


def test_deadline_changed_for_a_selection_reaches_the_overdue_list(world) -> None:
    server, one, two = world
    granted = _granted(one, 2, with_item=True)
    hids = []
    for app_id, item in granted:
        hids.append(desk.start_handover(one.store, ADMIN, app_id, item_id=item).handover_id)
    one.engine.sync_once()
    for app_id, _ in granted:
        server.applicant_confirm_receipt(app_id)
    one.engine.sync_once()
    today = datetime.now(UTC).date()
    result = lifecycle.set_return_deadlines(one.store, ADMIN, hids, today, notify=True)
    assert sorted(result.done) == sorted(a for a, _ in granted)
    one.engine.sync_once()
    two.engine.sync_once()
    later = today + timedelta(days=3)
    overdue = {r.handover_id: r for r in desk.overdue(two.store, ADMIN, today=later)}
    assert all(overdue[h].days_overdue == 3 for h in hids)  # the seed has others overdue too
    assert not set(hids) & {r.handover_id for r in desk.overdue(two.store, ADMIN, today=today)}
    for app_id, _ in granted:
        kinds = [n.kind.value for n in server.state.application(app_id).notifications]
        assert kinds[-1] == "deadline_changed"
    # a deadline in the past is refused before anything is written
    with pytest.raises(Exception, match="pagātnē|past"):
        lifecycle.set_return_deadlines(one.store, ADMIN, hids, today - timedelta(days=1))


def test_loss_recorded_by_staff_closed_and_deleted_exactly_25_months_later(world) -> None:
    server, one, two = world
    [(app_id, item)] = _granted(one, 1, with_item=True)
    hid = desk.start_handover(one.store, ADMIN, app_id, item_id=item).handover_id
    one.engine.sync_once()
    server.applicant_confirm_receipt(app_id)
    one.engine.sync_once()
    report = NewFile("policijas izziņa.pdf", "%PDF-1.4 Valsts policija, izziņa".encode())
    lifecycle.record_incident(one.store, ADMIN, hid, lost=False,
                              description="Vecāks zvanīja: somu nozaga autobusā Nr. 22",
                              occurred_on=datetime.now(UTC).date(), attachments=[report])
    one.engine.sync_once()
    [remote] = server.state.application(app_id).handovers
    assert remote.status is HandoverStatus.STOLEN and remote.incident_acknowledged_at
    assert [n.kind.value for n in server.state.application(app_id).notifications][-1] == \
        "loss_recorded"
    with one.store.read() as s:
        assert s.get(Item, item).status is ItemStatus.STOLEN  # type: ignore[union-attr]
    lifecycle.close_case(one.store, ADMIN, hid, "Policija lietu izbeidza")
    one.engine.sync_once()
    two.engine.sync_once()  # the second holds the case, its attachment fetched
    attachment_id = remote.attachments[0].id
    with two.store.read() as s:
        doc = s.get(Document, attachment_id)
        assert doc is not None and doc.file_path
        attachment = two.store.data_dir / doc.file_path
        closed_at = s.get(Handover, hid).closed_at  # type: ignore[union-attr]
    assert attachment.read_bytes() == report.content and closed_at is not None
    due = retention.add_months(retention.local_day(closed_at), 25)
    retention.purge_expired(two.store, today=due - timedelta(days=1))  # the seed's older cases
    with two.store.read() as s:
        assert s.get(Application, app_id) is not None  # a day before: kept
    assert attachment.exists()
    gone = retention.purge_expired(two.store, today=due)
    assert gone.applications == 1  # exactly this one, on its day
    with two.store.read() as s:
        assert s.get(Application, app_id) is None
    assert not attachment.exists()


def test_a_command_naming_a_file_never_uploaded_is_refused(world) -> None:
    """The service judges a command's files: a reference without its bytes changes nothing."""
    server, one, _ = world
    [(app_id, item)] = _granted(one, 1, with_item=True)
    card = desk.start_handover(one.store, ADMIN, app_id, item_id=item)
    one.engine.sync_once()
    lifecycle.sign_on_paper(one.store, ADMIN, card.handover_id, b"%PDF-1.7 akts")
    with one.store.write() as s:  # the file vanished from the disk before the sync
        act = s.scalars(select(Document).where(Document.handover_id == card.handover_id)).one()
        (one.store.data_dir / act.file_path).unlink()
    one.engine.sync_once()
    with one.store.read() as s:
        cmd = s.scalars(select(OutboxCommand).where(
            OutboxCommand.command == CommandName.SIGN_HANDOVER.value)).one()
        assert cmd.state.value == "conflict"
    assert server.state.application(app_id).handovers[0].status is HandoverStatus.PREPARED


def test_a_template_written_on_one_workstation_is_the_act_text_on_the_other(world) -> None:
    from desktop.desk import act_data
    from desktop.models.document_templates import document_templates, save_document_template
    from desktop.models.schema import OfferedKind

    server, one, two = world
    with one.store.read() as s:
        offered_id = s.scalars(select(OfferedKind.id).where(
            OfferedKind.institution_id == SCHOOL,
            OfferedKind.kind_code == "windows_laptop")).one()
    today = datetime.now(UTC).date()
    save_document_template(one.store, ADMIN, offered_id, template_id=None,
                           doc_type=DocumentType.PNA, title="Akta teksts (skolas)",
                           body="{{skola}} nodod {{izglitojamais}} ({{klase}}) lietošanā "
                                "{{modelis}}.", valid_from=today - timedelta(days=1),
                           valid_to=None)
    save_document_template(one.store, ADMIN, offered_id, template_id=None,
                           doc_type=DocumentType.EXPLOITATION_RULES,
                           title="Datora lietošanas noteikumi",
                           body="Datoru lieto tikai mācībām.\n\nBojājumus paziņo klases "
                                "audzinātājai.", valid_from=today - timedelta(days=1),
                           valid_to=None)
    one.engine.sync_once()
    remote = server.state.offered_kind_for(SCHOOL, "windows_laptop")
    assert remote is not None
    bodies = {d.title: d.body for d in remote.documents if d.body}
    assert bodies["Akta teksts (skolas)"].startswith("{{skola}} nodod")
    two.engine.sync_once()
    titles = {r.title for r in document_templates(two.store, SCHOOL)}
    assert {"Akta teksts (skolas)", "Datora lietošanas noteikumi"} <= titles

    [(app_id, item)] = _granted(two, 1, with_item=True)
    card = desk.start_handover(two.store, ADMIN, app_id, item_id=item)
    two.engine.sync_once()
    page = server.eservice_page(app_id)
    assert "Datora lietošanas noteikumi" in page and "Akta teksts (skolas)" not in page
    rules_id = next(d.id for d in remote.documents if d.title == "Datora lietošanas noteikumi")
    rules = requests.get(f"{server.url}/e-service/documents/{rules_id}", timeout=10).text
    assert "Datoru lieto tikai mācībām." in rules
    server.applicant_confirm_receipt(app_id)
    two.engine.sync_once()
    terms = act_data(two.store, ADMIN, card.handover_id).terms
    assert terms is not None and "nodod" in terms and "{{" not in terms
    acknowledged = {d.title for d in server.state.application(app_id).documents_acknowledged}
    assert "Datora lietošanas noteikumi" in acknowledged
    assert "Akta teksts (skolas)" not in acknowledged


def test_a_reminder_for_overdue_devices_reaches_the_applicants(world) -> None:
    server, one, _ = world
    late = desk.overdue(one.store, ADMIN)  # the seed has devices past their deadline
    assert late, "the seed has no overdue device"
    [(app_id, item)] = _granted(one, 1, with_item=True)
    on_time = desk.start_handover(one.store, ADMIN, app_id, item_id=item).handover_id
    result = lifecycle.remind_return(one.store, ADMIN, [late[0].handover_id, on_time])
    assert result.done == [late[0].application_id]
    [(refused, why)] = result.failed  # not out on loan yet: refused, nothing sent
    assert refused == app_id and "nevar veikt" in why  # the state machine says why
    one.engine.sync_once()
    kinds = [n.kind.value for n in server.state.application(late[0].application_id)
             .notifications]
    assert kinds[-1] == "return_reminder"


def test_the_schools_default_deadline_from_the_central_service_prefills_preparing(world) -> None:
    from sync.devserver.state import InstitutionSettings
    from sync.protocol import etag

    server, one, _ = world
    current = server.state.get_settings(None, SCHOOL)
    server.state.put_settings(None, SCHOOL, InstitutionSettings(
        name=current.name, address=current.address,
        default_return_deadline=date(2027, 5, 31)), if_match=etag(current.version))
    one.engine.sync_once()
    assert lifecycle.default_return_deadline(one.store, ADMIN) == date(2027, 5, 31)
    [(app_id, _)] = _granted(one, 1, with_item=False)
    lifecycle.prepare_ahead(one.store, ADMIN, [app_id], PLAN)  # no deadline chosen
    assert _handover(one, app_id).return_deadline == date(2027, 5, 31)


def test_the_schools_default_deadline_set_on_one_workstation_is_used_on_the_other(
        world) -> None:
    from desktop.models.school_settings import set_default_return_deadline

    server, one, two = world
    later = datetime.now(UTC).date() + timedelta(days=200)
    set_default_return_deadline(one.store, ADMIN, later)
    one.engine.sync_once()
    assert server.state.get_settings(None, SCHOOL).default_return_deadline == later
    two.engine.sync_once()
    assert lifecycle.default_return_deadline(two.store, ADMIN) == later
    [(app_id, _)] = _granted(two, 1, with_item=False)
    lifecycle.prepare_ahead(two.store, ADMIN, [app_id], PLAN)
    assert _handover(two, app_id).return_deadline == later
