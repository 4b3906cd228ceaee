"""Decisions from the Applications section: offline, marked waiting, synced on reconnect;
roles that may not decide see the actions disabled."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from desktop.app import Application, Connection
from desktop.models.codes import ApplicationStatus
from desktop.models.store import open_store
from desktop.views.inbox_model import COLUMNS
from sync.credentials import MemoryCredentials
from sync.devserver.server import DevServer

REASON = "Ierīču skaits ir ierobežots; prioritāte sociāli atbalstāmajiem"


class AcceptingRefuseDialog:
    """Stands in for the modal dialog: the user typed a reason and pressed "Atteikt"."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def exec(self) -> QDialog.DialogCode:
        return QDialog.DialogCode.Accepted

    def reason(self) -> str:
        return REASON


@pytest.fixture
def running(qtbot, qapp, tmp_path: Path):
    server = DevServer(seed=40).start()
    store = open_store(tmp_path / "data")

    def start(user: str) -> Application:
        app = Application(qapp, store, connection=Connection(
            server.url, user, "demo", "4313900123", MemoryCredentials()))
        qtbot.addWidget(app.window)
        with qtbot.waitSignal(app.inbox.loaded, timeout=15000, check_params_cb=lambda n: n > 0):
            app.start()
        qtbot.waitUntil(lambda: app.window.connection_label.text().startswith("Tiešsaistē"),
                        timeout=15000)
        started.append(app)
        return app

    started: list[Application] = []
    yield start, server
    for app in started:
        app.window.close()
        app.shutdown()
    server.stop()


def _first_submitted_row(app: Application) -> int:
    status_col = [c[0] for c in COLUMNS].index("status")
    for row in range(app.inbox.model.rowCount()):
        if app.inbox.model.index(row, status_col).data() == "Iesniegts":
            return row
    raise AssertionError("no submitted application")


def test_refusal_made_offline_waits_then_syncs(qtbot, running, monkeypatch) -> None:
    start, server = running
    app = start("reviewer")
    monkeypatch.setattr("desktop.deciding.RefuseDialog", AcceptingRefuseDialog)
    row = _first_submitted_row(app)
    app_id = app.inbox.model.id_at(row)
    app.inbox.table.selectRow(row)

    server.faults.add(path_prefix="/v1/", status=503, count=None)  # the service is down
    declined_before = app.inbox._counts.get(ApplicationStatus.DECLINED, 0)
    with qtbot.waitSignal(app.changes.changed, timeout=5000,
                          check_params_cb=lambda changes, _source: app_id in changes.applications):
        app.decisions.refuse_action.trigger()
    # the counts per status follow the decision at once, offline too
    qtbot.waitUntil(lambda: f"Atteikts: {declined_before + 1}" in app.inbox.counts.text(),
                    timeout=5000)
    sync_col = [c[0] for c in COLUMNS].index("sync")
    qtbot.waitUntil(lambda: app.inbox.model.index(app.inbox.model.row_of(app_id), sync_col)
                    .data() == "Gaida sinhronizāciju", timeout=5000)
    qtbot.waitUntil(lambda: app.window.connection_label.text().startswith("Bezsaistē"),
                    timeout=10000)
    assert server.application(app_id).status.value == "submitted"

    server.faults.clear()  # the connection is back
    app.window.sync_action.trigger()
    qtbot.waitUntil(lambda: server.application(app_id).status.value == "declined",
                    timeout=15000)
    assert server.application(app_id).decision_reason == REASON
    qtbot.waitUntil(lambda: app.window.sync_label.text() == "Gaida sinhronizāciju: 0",
                    timeout=10000)


def test_the_issuing_desk_cannot_decide(running) -> None:
    start, _server = running
    app = start("desk")
    assert not app.decisions.refuse_action.isEnabled()
    assert not app.decisions.grant_action.isEnabled()
    assert "izskatītājs" in app.decisions.refuse_action.toolTip()
