"""Issue 15: children's data at rest. With a keyed store, the act PDFs and attachments in the
data folder are sealed (nobody reads them without the key, a changed byte makes them
unreadable); the rows and the central service still know them by the sha256 of the content."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.models import desk
from desktop.models.codes import DocumentType, ReturnCondition
from desktop.models.decisions import grant
from desktop.models.details import application_detail, document_file
from desktop.models.files import intact
from desktop.models.handovers import record_return
from desktop.models.lifecycle import NewFile, sign_on_paper
from desktop.models.schema import Document
from desktop.models.store import Store
from desktop.models.vault import MAGIC, SealedFileError
from factories import DESK, REVIEWER, SCHOOL, add_application, add_item, seed_catalogue, snapshot

NOW = datetime(2026, 9, 3, 9, 0, tzinfo=UTC)
LEARNER = "Ērika Ķuze"
SUBMITTER = "Ģirts Ķuzis"
# The fixture's files name the child in plain text, as a real act does inside its PDF.
ACT = f"%PDF-1.7\nPieņemšanas-nodošanas akts · {LEARNER} · {SUBMITTER}\n".encode()
RETURN_ACT = f"%PDF-1.7\nAtgriešanas akts · {LEARNER}\n".encode()
SCAN = b"\x89PNG\r\n\x1a\n" + f"parakstīja {SUBMITTER}".encode() * 20
NAMES = [n.encode() for n in (LEARNER, SUBMITTER, "Ērika", "Ķuz")]


@pytest.fixture
def keyed(store: Store) -> Store:
    store.key = os.urandom(32)  # until open_store(folder, key=...) exists
    seed_catalogue(store)
    return store


def _granted(store: Store) -> int:
    item_id = add_item(store, inventory_no="RAVĢ-0150")
    app_id = add_application(store, learner=LEARNER, submitter=SUBMITTER)
    grant(store, REVIEWER, app_id, item_id=item_id, return_deadline=date(2027, 6, 30), now=NOW)
    return app_id


def _assert_sealed(path: Path) -> None:
    on_disk = path.read_bytes()
    assert on_disk.startswith(MAGIC)
    assert b"%PDF" not in on_disk and b"PNG" not in on_disk
    for name in NAMES:
        assert name not in on_disk


def _files(store: Store) -> list[Path]:
    return sorted(p for p in (store.data_dir / "documents").rglob("*") if p.is_file())


def test_filed_acts_are_sealed_and_open_through_the_vault(keyed: Store) -> None:
    app_id = _granted(keyed)
    card = desk.start_handover(keyed, DESK, app_id, now=NOW)
    filed = desk.file_act(keyed, DESK, card.handover_id, ACT, now=NOW)
    _assert_sealed(filed.path)
    assert keyed.vault.read(filed.path) == ACT
    assert filed.sha256 == hashlib.sha256(ACT).hexdigest()  # the content's, not the file's
    with keyed.read() as s:
        assert s.get(Document, filed.document_id).sha256 == filed.sha256  # type: ignore[union-attr]
    assert desk.act_path(keyed, DESK, card.handover_id) == filed.path


def test_the_paper_act_and_its_scan_are_sealed(keyed: Store) -> None:
    app_id = _granted(keyed)
    card = desk.start_handover(keyed, DESK, app_id, now=NOW)
    sign_on_paper(keyed, DESK, card.handover_id, ACT,
                  scan=NewFile("parakstītais akts.png", SCAN), now=NOW)
    record_return(keyed, DESK, card.handover_id, ReturnCondition.RETURNED_WORKING_ORDER, now=NOW)
    desk.file_act(keyed, DESK, card.handover_id, RETURN_ACT, returned=True, now=NOW)
    files = _files(keyed)
    assert len(files) == 3
    for path in files:
        _assert_sealed(path)
    (h,) = application_detail(keyed, SCHOOL, app_id).handovers
    assert h.act_available and h.attachments[0].available
    act = document_file(keyed, DESK, h.act_document_id)  # type: ignore[arg-type]
    scan = document_file(keyed, DESK, h.attachments[0].id)
    assert act is not None and keyed.vault.read(act) == ACT
    assert scan is not None and keyed.vault.read(scan) == SCAN
    returned = desk.act_path(keyed, DESK, card.handover_id, returned=True)
    assert returned is not None and keyed.vault.read(returned) == RETURN_ACT


def test_a_changed_byte_is_refused_and_nothing_else_changes(keyed: Store) -> None:
    app_id = _granted(keyed)
    card = desk.start_handover(keyed, DESK, app_id, now=NOW)
    sign_on_paper(keyed, DESK, card.handover_id, ACT,
                  scan=NewFile("parakstītais akts.png", SCAN), now=NOW)
    (h,) = application_detail(keyed, SCHOOL, app_id).handovers
    act = document_file(keyed, DESK, h.act_document_id)  # type: ignore[arg-type]
    assert act is not None
    data = bytearray(act.read_bytes())
    data[len(data) // 2] ^= 0x40
    act.write_bytes(bytes(data))
    before = snapshot(keyed)
    with pytest.raises(SealedFileError) as caught:
        keyed.vault.read(act)
    assert act.name in caught.value.message_lv and "mainīts" in caught.value.message_lv
    # the changed act is not offered; the scan still is; no row changed
    assert desk.act_path(keyed, DESK, card.handover_id) is None
    assert document_file(keyed, DESK, h.act_document_id) is None  # type: ignore[arg-type]
    (h,) = application_detail(keyed, SCHOOL, app_id).handovers
    assert not h.act_available and h.attachments[0].available
    assert snapshot(keyed) == before
    assert act.read_bytes() == bytes(data)  # left as found, for whoever looks into it


def test_intact_checks_the_content_and_stays_inside_the_folder(keyed: Store,
                                                               tmp_path: Path) -> None:
    target = keyed.vault.write(keyed.data_dir / "documents" / "7" / "a.pdf", ACT)
    digest = hashlib.sha256(ACT).hexdigest()
    assert intact(keyed.data_dir, "documents/7/a.pdf", digest, keyed.vault) == target
    # the sealed bytes' own digest is not the content's
    sealed_digest = hashlib.sha256(target.read_bytes()).hexdigest()
    assert intact(keyed.data_dir, "documents/7/a.pdf", sealed_digest, keyed.vault) is None
    assert intact(keyed.data_dir, "documents/7/a.pdf", sealed_digest) == target  # no vault
    outside = keyed.vault.write(tmp_path / "outside.pdf", ACT)
    assert intact(keyed.data_dir, f"../{outside.name}", digest, keyed.vault) is None
    assert intact(keyed.data_dir, str(outside), digest, keyed.vault) is None


def test_a_plain_store_keeps_plain_files(store: Store) -> None:
    """Key None (the tests, a bench with encryption off): everything as before."""
    seed_catalogue(store)
    app_id = _granted(store)
    card = desk.start_handover(store, DESK, app_id, now=NOW)
    filed = desk.file_act(store, DESK, card.handover_id, ACT, now=NOW)
    assert filed.path.read_bytes() == ACT
    assert desk.act_path(store, DESK, card.handover_id) == filed.path


# -- both ways through the central service ---------------------------------------------------


def test_upload_sends_plain_bytes_and_download_keeps_them_sealed(tmp_path: Path) -> None:
    from desktop.desk import file_missing_acts
    from desktop.models import decisions
    from desktop.models.codes import StaffRole
    from desktop.models.journal import Actor
    from desktop.models.schema import Application
    from desktop.models.store import open_store
    from sync.client import CentralClient
    from sync.credentials import MemoryCredentials
    from sync.devserver.server import DevServer
    from sync.engine import SyncEngine

    school = "4313900123"
    admin = Actor("admin", school, StaffRole.ADMIN)

    def workstation(server: DevServer, folder: Path) -> tuple[Store, CentralClient, SyncEngine]:
        client = CentralClient(server.url, username="admin", credentials=MemoryCredentials(),
                               timeout=(2.0, 10.0))
        client.sign_in("demo")
        store = open_store(folder)
        store.key = os.urandom(32)  # each workstation its own key
        engine = SyncEngine(store, client, school, page_size=500,
                            after_pull=lambda: file_missing_acts(store, admin, "Inese Kļaviņa"))
        engine.sync_once()
        return store, client, engine

    with DevServer(seed=160) as server:
        one, one_client, one_engine = workstation(server, tmp_path / "one")
        two, two_client, two_engine = workstation(server, tmp_path / "two")
        try:
            with one.read() as s:
                open_ids = list(s.scalars(select(Application.id).where(
                    Application.institution_id == school,
                    Application.status.in_(["submitted", "postponed"]))
                    .order_by(Application.id)))
            for app_id in open_ids:
                items = [i for i, _ in decisions.offerable_items(one, admin, app_id)]
                if items:
                    break
            else:
                raise AssertionError("the seed has no grantable application with a device")
            decisions.grant(one, admin, app_id)
            card = desk.start_handover(one, admin, app_id, item_id=items[0])
            one_engine.sync_once()
            sign_on_paper(one, admin, card.handover_id, ACT,
                          scan=NewFile("parakstīts.png", SCAN))
            for path in _files(one):
                _assert_sealed(path)
            one_engine.sync_once()
            [remote] = server.state.application(app_id).handovers
            act_id = remote.act_document_id
            assert server.state.get_file(None, school, act_id)[0] == ACT  # plain up there
            assert server.state.get_file(None, school, remote.attachments[0].id)[0] == SCAN

            two_engine.sync_once()
            with two.read() as s:
                act = s.get(Document, act_id)
                scanned = s.get(Document, remote.attachments[0].id)
                assert act is not None and scanned is not None
                assert scanned.doc_type is DocumentType.PNA_SIGNED
                act_file, scan_file = (two.data_dir / act.file_path,
                                       two.data_dir / scanned.file_path)
            _assert_sealed(act_file)
            _assert_sealed(scan_file)
            assert two.vault.read(act_file) == ACT and two.vault.read(scan_file) == SCAN
            with pytest.raises(SealedFileError):  # the other workstation's key opens nothing
                one.vault.read(act_file)
            assert document_file(two, admin, act_id) == act_file
        finally:
            for client, store in ((one_client, one), (two_client, two)):
                client.close()
                store.close()


def test_upload_refuses_a_changed_sealed_file(keyed: Store) -> None:
    from desktop.models.commands import DocumentRef
    from sync.files import MissingFile, local_bytes

    app_id = _granted(keyed)
    card = desk.start_handover(keyed, DESK, app_id, now=NOW)
    filed = desk.file_act(keyed, DESK, card.handover_id, ACT, now=NOW)
    ref = DocumentRef(id=filed.document_id, doc_type=DocumentType.PNA, title="akts",
                      sha256=filed.sha256, size=len(ACT))
    assert local_bytes(keyed, ref) == ACT
    data = bytearray(filed.path.read_bytes())
    data[-1] ^= 0x01
    filed.path.write_bytes(bytes(data))
    with pytest.raises(MissingFile):
        local_bytes(keyed, ref)
