"""Decisions from the Applications section: offline, marked waiting, synced on reconnect;
roles that may not decide see the actions disabled."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QWidget

from desktop.app import Application, Connection
from desktop.changes import ChangeBus
from desktop.deciding import Decisions
from desktop.models.codes import ApplicationStatus, ItemStatus
from desktop.models.schema import Application as ApplicationRow
from desktop.models.schema import Item
from desktop.models.store import open_store
from desktop.tasks import TaskRunner
from desktop.views.decision_dialogs import GrantDialog
from desktop.views.inbox_model import COLUMNS
from factories import REVIEWER, add_application, add_item, seed_catalogue
from qt_helpers import accepting_reason_dialog, type_text
from sync.credentials import MemoryCredentials
from sync.devserver.server import DevServer

REASON = "Ierīču skaits ir ierobežots; prioritāte sociāli atbalstāmajiem"


# Stands in for the modal dialog: the user typed a reason and pressed "Atteikt".
AcceptingRefuseDialog = accepting_reason_dialog(REASON)


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


# --- the grant action's device picker (issue 13) ----------------------------------------------


class _Inbox:
    """Stands in for the inbox: one application selected, its label not in the list."""

    def __init__(self, app_id: int) -> None:
        self._app_id = app_id
        self.model = self

    def selected_ids(self) -> list[int]:
        return [self._app_id]

    def row_of(self, _app_id: int) -> int:
        return -1


def test_grant_offers_the_described_devices_and_grants_with_the_chosen_one(
        qtbot, store, monkeypatch) -> None:
    seed_catalogue(store)
    app_id = add_application(store)
    add_item(store, inventory_no="RAVĢ-2024-001")
    probook = add_item(store, inventory_no="RAVĢ-2024-017")
    with store.write() as s:
        item = s.get(Item, probook)
        item.manufacturer, item.model, item.serial_no = "HP", "ProBook 450 G10", "5CD3481ŽQ7"
        item.location = "Skapis Nr. 3, 214. kabinets"
    parent = QWidget()
    qtbot.addWidget(parent)
    tasks, changes = TaskRunner(), ChangeBus()
    decisions = Decisions(tasks, store, _Inbox(app_id), parent, lambda: REVIEWER, changes)
    seen: list[list[str]] = []

    def exec_(dialog: GrantDialog) -> QDialog.DialogCode:
        """The reviewer types the model and presses Enter in the opened dialog."""
        qtbot.waitUntil(lambda: dialog.picker.model.rowCount() == 2, timeout=5000)
        table = dialog.picker.table.model()
        seen.extend([table.index(r, c).data() for c in range(table.columnCount())]
                    for r in range(table.rowCount()))
        type_text(dialog.picker.filter_edit, "probook")
        QTest.keyClick(dialog.picker.filter_edit, Qt.Key.Key_Return)
        return QDialog.DialogCode(dialog.result())

    monkeypatch.setattr(GrantDialog, "exec", exec_)
    with qtbot.waitSignal(changes.changed, timeout=5000):
        decisions.grant_action.trigger()

    assert ["RAVĢ-2024-017", "Windows portatīvais dators", "HP ProBook 450 G10", "5CD3481ŽQ7",
            "Skapis Nr. 3, 214. kabinets", "Pieejams", "—", "—"] in seen
    with store.read() as s:
        assert s.get(ApplicationRow, app_id).status is ApplicationStatus.CONFIRMED
        assert s.get(Item, probook).status is ItemStatus.RESERVED
    tasks.shutdown()


AcceptingDeferDialog = accepting_reason_dialog("Gaidām papildu resursu piegādi")


def test_a_bulk_deferral_says_how_many_in_the_status_bar(qtbot, running, monkeypatch) -> None:
    """Issue 16: a bulk defer of three gave no summary."""
    start, _server = running
    app = start("reviewer")
    monkeypatch.setattr("desktop.deciding.DeferDialog", AcceptingDeferDialog)
    status_col = [c[0] for c in COLUMNS].index("status")
    rows = [r for r in range(app.inbox.model.rowCount())
            if app.inbox.model.index(r, status_col).data() == "Iesniegts"][:3]
    assert len(rows) == 3
    selection = app.inbox.table.selectionModel()
    for row in rows:
        selection.select(app.inbox.model.index(row, 0),
                         selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    with qtbot.waitSignal(app.decisions.finished, timeout=10000) as said:
        app.decisions.defer_action.trigger()
    assert said.args == ["Atlikti pieteikumi: 3"]
    assert app.window.statusBar().currentMessage() == "Atlikti pieteikumi: 3"


def test_a_bulk_grant_reserves_devices_and_says_how_many(qtbot, running, monkeypatch) -> None:
    """Issue 16: grant where a device can be assigned automatically, for a selection."""
    start, _server = running
    app = start("reviewer")
    asked: list[int] = []
    monkeypatch.setattr(Decisions, "ask_bulk_grant",
                        lambda self, count: asked.append(count) or True)
    status_col = [c[0] for c in COLUMNS].index("status")
    rows = [r for r in range(app.inbox.model.rowCount())
            if app.inbox.model.index(r, status_col).data() == "Iesniegts"][:2]
    ids = [app.inbox.model.id_at(r) for r in rows]
    selection = app.inbox.table.selectionModel()
    for row in rows:
        selection.select(app.inbox.model.index(row, 0),
                         selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    assert app.decisions.grant_action.isEnabled()
    with qtbot.waitSignal(app.decisions.finished, timeout=10000) as said:
        app.decisions.grant_action.trigger()
    assert asked == [2]
    assert said.args[0].startswith("Piešķirti pieteikumi: 2")
    with app.store.read() as s:
        assert {s.get(ApplicationRow, i).status for i in ids} == {ApplicationStatus.CONFIRMED}
