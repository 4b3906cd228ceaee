"""A background sync that brings changed applications reloads the inbox; the application the
reviewer is looking at stays selected, its detail follows the change, and Grant / Refuse /
Defer act on it (issue 11: the selection used to be cleared on every sync)."""

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

SCHOOL = "4313900123"
REASON = "Šim izglītojamajam dators jau ir izsniegts citā programmā"


class AcceptingRefuseDialog:
    """Stands in for the modal dialog: the reviewer typed a reason and pressed "Atteikt"."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def exec(self) -> QDialog.DialogCode:
        return QDialog.DialogCode.Accepted

    def reason(self) -> str:
        return REASON


@pytest.fixture
def running(qtbot, qapp, tmp_path: Path):
    server = DevServer(seed=40).start()
    store = open_store(tmp_path / "data")
    app = Application(qapp, store, connection=Connection(
        server.url, "reviewer", "demo", SCHOOL, MemoryCredentials()))
    qtbot.addWidget(app.window)
    try:
        with qtbot.waitSignal(app.inbox.loaded, timeout=15000,
                              check_params_cb=lambda n: n > 3):
            app.start()
        qtbot.waitUntil(lambda: app.window.connection_label.text().startswith("Tiešsaistē"),
                        timeout=15000)
        yield app, server
    finally:
        app.window.close()
        app.shutdown()
        server.stop()


def _submitted_rows(app: Application) -> list[int]:
    status_col = [c[0] for c in COLUMNS].index("status")
    model = app.inbox.model
    submitted = ApplicationStatus.SUBMITTED.label("lv")
    return [row for row in range(model.rowCount())
            if model.index(row, status_col).data() == submitted]


def test_a_sync_that_changes_the_selected_application_keeps_it_selected(
        qtbot, running, monkeypatch) -> None:
    app, server = running
    inbox = app.inbox
    model = inbox.model
    qtbot.waitUntil(lambda: len(_submitted_rows(app)) >= 3, timeout=10000)
    rows = _submitted_rows(app)
    row = rows[1]  # not the first row: a reset that falls back to row 0 must not pass
    chosen = model.id_at(row)
    with qtbot.waitSignal(app.detail.loaded, timeout=5000):
        inbox.table.selectRow(row)
    assert inbox.selected_ids() == [chosen]

    # Meanwhile, on the e-service: this applicant and two others change their phone numbers,
    # and a fourth application is withdrawn.
    others = [i for i in server.application_ids(SCHOOL) if i != chosen]
    server.applicant_contact(chosen, phone="+37120000011")
    for n, other in enumerate(others[:2]):
        server.applicant_contact(other, phone=f"+3712000010{n}")
    withdrawn = next(i for i in others[2:]
                     if server.application(i).status.value == "submitted")
    server.applicant_withdraw(withdrawn, "bought_himself")

    with qtbot.waitSignal(app.sync.synced, timeout=15000) as synced:
        app.window.sync_action.trigger()
    assert chosen in synced.args[0].changed_applications
    # the list follows the sync (the withdrawn one shows its new status) ...
    status_col = [c[0] for c in COLUMNS].index("status")
    qtbot.waitUntil(lambda: model.row_of(withdrawn) >= 0 and model.index(
        model.row_of(withdrawn), status_col).data() == ApplicationStatus.WITHDRAWN.label("lv"),
        timeout=10000)
    # ... the detail shows the same application with what the sync brought ...
    qtbot.waitUntil(lambda: app.detail.detail is not None
                    and app.detail.detail.phone == "+37120000011", timeout=10000)
    assert app.detail.application_id == chosen
    # ... and the same application is still selected and current
    assert inbox.selected_ids() == [chosen]
    current = inbox.table.currentIndex()
    assert current.isValid() and model.id_at(current.row()) == chosen

    # Ctrl+R acts on it, without "select an application first"
    monkeypatch.setattr("desktop.deciding.RefuseDialog", AcceptingRefuseDialog)
    said: list[str] = []
    monkeypatch.setattr("desktop.deciding.QMessageBox.information",
                        lambda *args: said.append(str(args[-1])))
    app.decisions.refuse_action.trigger()
    assert said == []
    # the detail and the row follow the decision; the list stays as it is
    qtbot.waitUntil(lambda: app.detail.detail is not None
                    and app.detail.detail.status is ApplicationStatus.DECLINED, timeout=10000)
    qtbot.waitUntil(lambda: model.index(model.row_of(chosen), status_col).data()
                    == ApplicationStatus.DECLINED.label("lv"), timeout=10000)
    qtbot.waitUntil(lambda: server.application(chosen).status.value == "declined",
                    timeout=15000)
    assert server.application(chosen).decision_reason == REASON
    assert inbox.selected_ids() == [chosen]
