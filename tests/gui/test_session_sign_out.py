"""Signing out with decisions not yet sent asks first: send them first, sign out anyway, or
stay. Without anything waiting it signs out at once, as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.app import Application, Connection
from desktop.views.inbox_model import COLUMNS
from desktop.views.sign_in_dialog import SignOutChoice, sign_out_question
from qt_helpers import accepting_reason_dialog
from sync.credentials import MemoryCredentials
from sync.devserver.seeding import MAIN_INSTITUTION
from sync.devserver.server import DevServer

REASON = "Ierīču skaits ir ierobežots; prioritāte sociāli atbalstāmajiem"


_Refusing = accepting_reason_dialog(REASON)


@pytest.fixture
def with_unsent(qtbot, qapp, tmp_path: Path, monkeypatch):
    """A reviewer online, then the service down and one refusal waiting in the outbox."""
    from desktop.models.store import open_store

    server = DevServer(seed=40).start()
    credentials = MemoryCredentials()
    store = open_store(tmp_path / "data")
    app = Application(qapp, store, connection=Connection(
        server.url, "reviewer", "demo", MAIN_INSTITUTION, credentials))
    qtbot.addWidget(app.window)
    with qtbot.waitSignal(app.inbox.loaded, timeout=15000, check_params_cb=lambda n: n > 0):
        app.start()
    qtbot.waitUntil(lambda: app.window.connection_label.text().startswith("Tiešsaistē"),
                    timeout=15000)
    monkeypatch.setattr("desktop.deciding.RefuseDialog", _Refusing)
    status = [c[0] for c in COLUMNS].index("status")
    row = next(r for r in range(app.inbox.model.rowCount())
               if app.inbox.model.index(r, status).data() == "Iesniegts")
    # not selectRow: it reads the keyboard's modifiers, and a Ctrl left "held" by an earlier
    # test's key events would make it toggle the row off instead
    selection = app.inbox.table.selectionModel()
    selection.select(app.inbox.model.index(row, 0),
                     selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows)
    assert app.inbox.selected_ids()
    server.faults.add(path_prefix="/v1/", status=503, count=None)  # the service is down
    app.decisions.refuse_action.trigger()
    qtbot.waitUntil(lambda: app.window.sync_label.text() == "Gaida sinhronizāciju: 1",
                    timeout=10000)
    qtbot.waitUntil(lambda: not app.sync.running, timeout=10000)
    asked: list[tuple[int, bool]] = []
    yield app, server, credentials, asked
    app.window.close()
    app.shutdown()
    server.stop()


def _answer(app: Application, asked: list[tuple[int, bool]], *choices: SignOutChoice) -> None:
    answers = list(choices)

    def ask(_parent: object, pending: int, can_sync: bool) -> SignOutChoice:
        asked.append((pending, can_sync))
        return answers.pop(0)

    app.ask_sign_out = ask  # type: ignore[method-assign]


def test_cancel_keeps_the_user_signed_in(qtbot, with_unsent) -> None:
    app, server, credentials, asked = with_unsent
    _answer(app, asked, SignOutChoice.CANCEL)
    app.sign_out_action.trigger()
    qtbot.waitUntil(lambda: asked == [(1, True)], timeout=5000)
    assert not app.sign_out_requested
    assert credentials.load(server.url, "reviewer") is not None


def test_sign_out_anyway_forgets_the_sign_in(qtbot, with_unsent) -> None:
    app, server, credentials, asked = with_unsent
    _answer(app, asked, SignOutChoice.SIGN_OUT)
    app.sign_out_action.trigger()
    qtbot.waitUntil(lambda: app.sign_out_requested, timeout=5000)
    assert asked == [(1, True)]
    assert credentials.load(server.url, "reviewer") is None


def test_sync_first_sends_the_decision_and_then_signs_out(qtbot, with_unsent) -> None:
    app, server, credentials, asked = with_unsent
    server.faults.clear()  # the connection is back
    _answer(app, asked, SignOutChoice.SYNC_FIRST)
    app.sign_out_action.trigger()
    qtbot.waitUntil(lambda: app.sign_out_requested, timeout=20000)
    assert asked == [(1, True)]  # sent: not asked again
    qtbot.waitUntil(lambda: app.window.sync_label.text() == "Gaida sinhronizāciju: 0",
                    timeout=5000)
    assert credentials.load(server.url, "reviewer") is None


def test_the_question_names_the_count_and_offers_three_ways(qtbot) -> None:
    box = sign_out_question(None, 3, True)
    qtbot.addWidget(box)
    assert "3 lēmumi vēl nav nosūtīti" in box.text()
    texts = [b.text() for b in box.buttons()]
    assert "Vispirms sinhronizēt" in texts and "Izrakstīties tik un tā" in texts
    assert box.escapeButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert box.defaultButton().text() == "Vispirms sinhronizēt"
    offline = sign_out_question(None, 1, False)  # nothing to sync with: two ways
    qtbot.addWidget(offline)
    assert "Vispirms sinhronizēt" not in [b.text() for b in offline.buttons()]
