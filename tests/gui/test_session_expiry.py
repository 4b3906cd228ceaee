"""An expired sign-in, in use: the sync that finds it asks for the password once (the user
name filled in), "Sinhronizēt tagad" while signed out asks as well, and after the password the
sync goes on by itself. The sign-in lapses by moving the devserver's token clock, never by
waiting."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.app import Application, Connection
from desktop.views.sign_in_dialog import SignInDialog
from sync.credentials import MemoryCredentials
from sync.devserver.seeding import MAIN_INSTITUTION
from sync.devserver.server import DevServer
from sync.devserver.state import REFRESH_TTL


@pytest.fixture
def signed_in(qtbot, qapp, tmp_path: Path):
    from desktop.models.store import open_store

    server = DevServer(seed=5).start()
    credentials = MemoryCredentials()
    store = open_store(tmp_path / "data")
    app = Application(qapp, store, connection=Connection(
        server.url, "reviewer", "demo", MAIN_INSTITUTION, credentials))
    qtbot.addWidget(app.window)
    app.start()
    qtbot.waitUntil(lambda: app.window.connection_label.text().startswith("Tiešsaistē"),
                    timeout=15000)
    yield app, server, credentials
    app.window.close()
    app.shutdown()
    server.stop()


def _lapse(server: DevServer) -> None:
    """Both tokens run out: the access token and the refresh token behind it."""
    start = server.state.clock()
    server.state.clock = lambda: start + REFRESH_TTL + 60


def _open_sign_ins(qapp: QApplication) -> list[SignInDialog]:
    return [w for w in qapp.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()]


def test_an_expired_sign_in_asks_once_for_the_password_and_the_sync_goes_on(
        qtbot, qapp, signed_in) -> None:
    app, server, credentials = signed_in
    _lapse(server)
    app.window.sync_action.trigger()
    qtbot.waitUntil(lambda: len(_open_sign_ins(qapp)) == 1, timeout=15000)
    dialog = _open_sign_ins(qapp)[0]
    assert "Jāpierakstās vēlreiz" in app.window.connection_label.text()
    # who signs in again is the user already working: filled in, not to be changed here
    assert dialog.username.text() == "reviewer" and dialog.username.isReadOnly()
    assert dialog.server.text() == server.url and dialog.server.isReadOnly()
    assert "beigusies" in dialog.message.text()

    app.window.sync_action.trigger()  # again, while it is open: still one dialog
    qtbot.waitUntil(lambda: not app.sync.running, timeout=10000)
    assert len(_open_sign_ins(qapp)) == 1

    dialog.password.setText("demo")
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        dialog.ok_button.click()
    # the sync resumes by itself, with the new tokens kept
    qtbot.waitUntil(lambda: app.window.connection_label.text().startswith("Tiešsaistē"),
                    timeout=15000)
    assert credentials.load(server.url, "reviewer") is not None
    assert _open_sign_ins(qapp) == []


def test_cancelled_it_is_not_pushed_again_but_sync_now_asks(qtbot, qapp, signed_in) -> None:
    app, server, _credentials = signed_in
    _lapse(server)
    app.window.sync_action.trigger()
    qtbot.waitUntil(lambda: len(_open_sign_ins(qapp)) == 1, timeout=15000)
    _open_sign_ins(qapp)[0].reject()

    app.sync.sync_now()  # a timer's or a local change's sync: no dialog forced on the user
    qtbot.waitUntil(lambda: not app.sync.running, timeout=10000)
    assert _open_sign_ins(qapp) == []
    assert "Jāpierakstās vēlreiz" in app.window.connection_label.text()

    app.window.sync_action.trigger()  # "Sinhronizēt tagad" while signed out: asks
    qtbot.waitUntil(lambda: len(_open_sign_ins(qapp)) == 1, timeout=5000)
    dialog = _open_sign_ins(qapp)[0]
    assert dialog.username.text() == "reviewer"
    dialog.reject()
