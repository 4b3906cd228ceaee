"""A lost laptop revoked by an administrator: at its next contact with the central service the
workstation erases its copy of the school's data (store, backups, acts, key) and closes."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from functools import partial
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.accounts import SignInService
from desktop.app import Application, Connection
from desktop.models.files import DOCUMENTS_DIR
from desktop.models.store import BACKUP_DIRNAME, DB_FILENAME
from desktop.models.store_key import KEYINFO_FILENAME, MemorySecrets, open_data_folder, read_keyinfo
from desktop.models.wipe import wipe_data_folder
from desktop.models.workstation import FILENAME as WORKSTATION_FILE
from desktop.models.workstation import workstation_id, workstation_name
from desktop.settings import Settings
from sync.client import CentralClient, WorkstationRevokedError
from sync.credentials import MemoryCredentials
from sync.devserver.server import DevServer
from sync.protocol import WORKSTATION_REVOKED
from tests.factories import add_application, seed_catalogue

SCHOOL = "4313900123"


@pytest.fixture
def central() -> Iterator[DevServer]:
    with DevServer(seed=40) as server:
        yield server




def revoke_from_another_computer(central: DevServer, revoked_id: str) -> None:
    admin = CentralClient(central.url, username="admin", credentials=MemoryCredentials(),
                          workstation=("0b7c5f1e-8a8e-4d55-9a1f-6f0c2d9e4b11", "Skolas birojs"))
    try:
        admin.sign_in("demo")
        assert revoked_id in {w.id for w in admin.workstations()}
        admin.revoke_workstation(revoked_id)
    finally:
        admin.close()


def test_a_revoked_workstation_wipes_its_data_folder_at_the_next_sync(
        qtbot: QtBot, qapp, tmp_path: Path, central: DevServer, said: list[str]) -> None:
    folder = tmp_path / "dati"
    secrets = MemorySecrets()
    store = open_data_folder(folder, secrets=secrets, ask=lambda request: None)
    app = Application(qapp, store, connection=Connection(
        central.url, "admin", "demo", SCHOOL, MemoryCredentials()), secrets=secrets)
    qtbot.addWidget(app.window)
    try:
        with qtbot.waitSignal(app.inbox.loaded, timeout=15000):
            app.start()
        qtbot.waitUntil(lambda: app.window.connection_label.text().startswith("Tiešsaistē"),
                        timeout=15000)
        qtbot.waitUntil(lambda: app.inbox.model.rowCount() > 0, timeout=15000)
        (folder / DOCUMENTS_DIR / "7").mkdir(parents=True)
        (folder / DOCUMENTS_DIR / "7" / "RAVG-2026-000007.pdf").write_bytes(b"sealed act")
        (folder / BACKUP_DIRNAME).mkdir(exist_ok=True)
        (folder / BACKUP_DIRNAME / "resursi-before-0012.sqlite3").write_bytes(b"backup")
        info = read_keyinfo(folder)
        assert info is not None and secrets.get(info.key_id) is not None
        this = workstation_id(folder)

        revoke_from_another_computer(central, this)
        with qtbot.waitSignal(app.sync.workstation_revoked, timeout=15000):
            app.sync_now()
        qtbot.waitUntil(lambda: app.revoked and bool(said), timeout=15000)

        assert sorted(p.name for p in folder.rglob("*")) == [WORKSTATION_FILE]
        assert secrets.get(info.key_id) is None  # the key is gone from the keyring
        assert said == ["Šī darbstacija ir atsaukta centrālajā servisā; tās dati tiek dzēsti"]
        assert not app.window.isVisible()
        assert workstation_id(folder) == this  # it stays the revoked workstation
    finally:
        app.window.close()
        app.shutdown()


def test_a_revoked_workstation_signing_in_is_refused_and_wipes_its_folder(
        tmp_path: Path, central: DevServer) -> None:
    folder = tmp_path / "dati"
    secrets = MemorySecrets()
    open_data_folder(folder, secrets=secrets, ask=lambda request: None).close()
    this = workstation_id(folder)
    laptop = CentralClient(central.url, username="admin", credentials=MemoryCredentials(),
                           workstation=(this, "Klases klēpjdators"))
    laptop.sign_in("demo")  # the service knows the laptop from its last contact
    laptop.close()
    revoke_from_another_computer(central, this)
    service = SignInService(MemoryCredentials(), Settings(server_url=central.url),
                            workstation=(this, workstation_name()),
                            on_revoked=lambda: wipe_data_folder(folder, secrets))
    assert (folder / DB_FILENAME).exists() and (folder / KEYINFO_FILENAME).exists()
    with pytest.raises(WorkstationRevokedError):
        service.sign_in(central.url, "admin", "demo")
    assert sorted(p.name for p in folder.rglob("*")) == [WORKSTATION_FILE]


class Hostile(BaseHTTPRequestHandler):
    """An address typed into the sign-in dialog that answers "revoked" to anyone."""

    def do_POST(self) -> None:
        self.server.headers_seen.append(self.headers.get("X-Resursi-Workstation"))  # type: ignore[attr-defined]
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = json.dumps({"type": WORKSTATION_REVOKED, "title": "x", "status": 403,
                           "detail": "revoked"}).encode()
        self.send_response(403)
        self.send_header("Content-Type", "application/problem+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *a) -> None:
        pass


def test_only_the_folders_own_server_can_have_it_wiped(data_dir: Path) -> None:
    secrets = MemorySecrets()
    store = open_data_folder(data_dir, secrets=secrets, ask=lambda r: None)
    seed_catalogue(store)
    add_application(store, learner="Jānis Bērziņš")
    store.close()
    server = HTTPServer(("127.0.0.1", 0), Hostile)
    server.headers_seen = []  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        settings = Settings(server_url="https://resursi.example.lv", username="desk")
        service = SignInService(MemoryCredentials(), settings,
                                workstation=(workstation_id(data_dir), "laptop"),
                                on_revoked=partial(wipe_data_folder, data_dir, secrets))
        with pytest.raises(WorkstationRevokedError):
            service.sign_in(f"http://127.0.0.1:{server.server_port}", "nobody", "whatever")
    finally:
        server.shutdown()
    assert (data_dir / "resursi.sqlite3").exists(), "wiped by a server it never synced with"
    assert server.headers_seen == [None]  # and that server was not told who we are
