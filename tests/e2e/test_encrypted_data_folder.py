"""Issue 15's must-show: after a whole lending cycle on an encrypted data folder (a migration
with its backup, a grant, the handover confirmed on the e-service, the act, the return and its
act, all synced) no name, personal code or PDF header lies in plain bytes anywhere in it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.desk import produce_act, take_back
from desktop.models import decisions, desk
from desktop.models.codes import HandoverStatus, StaffRole
from desktop.models.files import DOCUMENTS_DIR
from desktop.models.journal import Actor
from desktop.models.schema import Application, Document
from desktop.models.store import BACKUP_DIRNAME
from desktop.models.store_key import MemorySecrets, open_data_folder
from sync.client import CentralClient
from sync.credentials import MemoryCredentials
from sync.devserver.server import DevServer
from sync.engine import SyncEngine
from tests.plain_bytes import PDF_HEADER, needles, plain_bytes_found

SCHOOL = "4313900123"
ADMIN = Actor("admin", SCHOOL, StaffRole.ADMIN)
SUBMITTER = "Līga Šķēle-Ņikitina"
LEARNER = "Žanis Ģērķis"


@pytest.fixture
def server() -> Iterator[DevServer]:
    with DevServer(seed=40) as central:
        yield central


def test_a_whole_cycle_leaves_no_child_in_plain_bytes(tmp_path: Path, server: DevServer) -> None:
    app_id = server.applicant_submit({
        "institution_id": SCHOOL, "kind_code": "windows_laptop",
        "submitter": {"role": "parent_guardian", "name": SUBMITTER,
                      "personal_code": "120385-12342"},
        "learner": {"name": LEARNER, "personal_code": "325794-61232", "class_name": "7.b"},
        "contact": {"phone": "+37129123456", "email": "liga.skele@example.lv"},
    }).id
    folder = tmp_path / "dati"
    secrets = MemorySecrets()
    # a data folder made by an older Resursi: opening it now migrates it, with a backup
    open_data_folder(folder, secrets=secrets, ask=lambda r: None,
                     target_revision="0011").close()
    store = open_data_folder(folder, secrets=secrets, ask=lambda r: None)
    client = CentralClient(server.url, username="admin", credentials=MemoryCredentials())
    try:
        client.sign_in("demo")
        engine = SyncEngine(store, client, SCHOOL, page_size=200)
        engine.sync_once()
        item_id = decisions.offerable_items(store, ADMIN, app_id)[0][0]
        decisions.grant(store, ADMIN, app_id, item_id=item_id,
                        return_deadline=date.today() + timedelta(days=270))
        card = desk.start_handover(store, ADMIN, app_id)
        engine.sync_once()
        server.applicant_confirm_receipt(app_id)
        engine.sync_once()
        assert desk.handover_state(store, ADMIN, card.handover_id).status is (
            HandoverStatus.ISSUED)
        produce_act(store, ADMIN, card.handover_id, "Ģirts Ļaviņš")
        take_back(store, ADMIN, card.handover_id, "returned_working_order", None)
        engine.sync_once()
        assert engine.pending_count() == 0

        with store.read() as s:
            people = s.execute(select(
                Application.learner_name, Application.submitter_name,
                Application.learner_personal_code, Application.submitter_personal_code)).all()
            acts = list(s.scalars(select(Document.file_path).where(
                Document.file_path.is_not(None))))
        assert len(people) > 40 and len(acts) == 2
        for relative in acts:  # the acts are there, and whole when opened with the key
            content = store.vault.read(folder / relative)
            assert content.startswith(PDF_HEADER)
        assert list((folder / BACKUP_DIRNAME).glob("*.sqlite3"))
        wanted = needles([n for row in people for n in row[:2] if n],
                         [c for row in people for c in row[2:] if c])
        assert plain_bytes_found(folder, wanted) == []  # the WAL still open
    finally:
        client.close()
        store.close()
    assert sorted(p.name for p in (folder / DOCUMENTS_DIR / str(app_id)).iterdir()) == sorted(
        Path(a).name for a in acts)
    assert plain_bytes_found(folder, wanted) == []
