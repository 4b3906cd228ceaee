"""Signing in: the dialog against the reference server, the school picker, a kept sign-in
renewed at start, an offline start, and the per-user settings registry behind it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer

from desktop.accounts import SignInService
from desktop.app import sign_in
from desktop.models.codes import StaffRole
from desktop.settings import Settings, SettingsStore, check_server_url
from desktop.tasks import TaskRunner
from desktop.views.sign_in_dialog import SignInDialog
from sync.credentials import MemoryCredentials
from sync.devserver.seeding import MAIN_INSTITUTION, OTHER_INSTITUTION
from sync.devserver.server import DevServer


@pytest.fixture(scope="module")
def server():
    s = DevServer(seed=5).start()
    yield s
    s.stop()


@pytest.fixture
def tasks(qapp):
    runner = TaskRunner(qapp)
    yield runner
    runner.wait()


def _dialog(qtbot, tasks, service: SignInService, **kwargs) -> SignInDialog:
    dialog = SignInDialog(tasks, service.sign_in, check_server=check_server_url, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _type(dialog: SignInDialog, server: str, user: str, password: str) -> None:
    dialog.server.setText(server)
    dialog.username.setText(user)
    dialog.password.setText(password)
    dialog.ok_button.click()


def test_a_reviewer_signs_in_to_their_one_school(qtbot, tasks, server) -> None:
    credentials = MemoryCredentials()
    service = SignInService(credentials, Settings())
    dialog = _dialog(qtbot, tasks, service)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        _type(dialog, server.url, "reviewer", "demo")
    assert dialog.chosen is not None and dialog.chosen.institution_id == MAIN_INSTITUTION
    account = service.account(dialog.chosen)
    assert account.role is StaffRole.REVIEWER and not account.offline
    assert credentials.load(server.url, "reviewer") is not None  # the token is kept
    assert dialog.password.text() == ""  # the password does not stay in the widget


def test_a_wrong_password_says_so_and_keeps_the_dialog_open(qtbot, tasks, server) -> None:
    dialog = _dialog(qtbot, tasks, SignInService(MemoryCredentials(), Settings()))
    _type(dialog, server.url, "reviewer", "nepareizā-parole")
    qtbot.waitUntil(lambda: "Nepareizs lietotājvārds vai parole" in dialog.message.text(),
                    timeout=10000)
    assert dialog.isVisible() and dialog.chosen is None
    assert dialog.ok_button.isEnabled()


def test_a_bad_server_address_is_refused_before_any_request(qtbot, tasks) -> None:
    calls = []

    def never(*args):
        calls.append(args)
        return []

    dialog = SignInDialog(tasks, never, check_server=check_server_url)
    qtbot.addWidget(dialog)
    dialog.show()
    _type(dialog, "http://resursi.skola.lv", "ilze", "x")
    assert "https://" in dialog.message.text() and dialog.message.isVisible()
    _type(dialog, "https://resursi.skola.lv", "", "x")
    assert dialog.message.text() == "Ierakstiet lietotājvārdu."
    assert calls == []


def test_a_user_of_two_schools_picks_one(qtbot, tasks, server) -> None:
    service = SignInService(MemoryCredentials(), Settings())
    dialog = _dialog(qtbot, tasks, service)
    _type(dialog, server.url, "admin", "demo")
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10000)
    assert dialog.school_list.count() == 2
    assert all(dialog.school_list.item(r).text().endswith("\nAdministrators")
               for r in range(2))
    for row in range(2):
        school = dialog.school_list.item(row).data(0x0100)
        if school.institution_id == OTHER_INSTITUTION:
            dialog.school_list.setCurrentRow(row)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.ok_button.click()
    assert dialog.chosen.institution_id == OTHER_INSTITUTION
    assert service.account(dialog.chosen).role is StaffRole.ADMIN


def test_a_kept_sign_in_is_renewed_and_opens_the_school_of_last_time(qtbot, tasks,
                                                                    server) -> None:
    credentials = MemoryCredentials()
    first = SignInService(credentials, Settings())
    first.sign_in(server.url, "admin", "demo")
    remembered = Settings(server_url=server.url, username="admin",
                          institution_id=OTHER_INSTITUTION, role="admin")
    service = SignInService(credentials, remembered)
    assert service.can_resume()
    dialog = SignInDialog(tasks, service.sign_in, check_server=check_server_url,
                          server_url=server.url, username="admin",
                          last_institution=OTHER_INSTITUTION, resume=service.resume)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.show()
    assert dialog.chosen.institution_id == OTHER_INSTITUTION
    assert not service.account(dialog.chosen).offline


def test_without_a_connection_the_kept_sign_in_opens_offline_as_last_time(qtbot, tasks) -> None:
    down = DevServer(seed=1).start()
    credentials = MemoryCredentials()
    SignInService(credentials, Settings()).sign_in(down.url, "desk", "demo")
    url = down.url
    down.stop()
    remembered = Settings(server_url=url, username="desk", institution_id=MAIN_INSTITUTION,
                          institution_name="Rīgas Ķengaraga vidusskola", role="desk")
    service = SignInService(credentials, remembered)
    dialog = SignInDialog(tasks, service.sign_in, check_server=check_server_url,
                          server_url=url, username="desk", last_institution=MAIN_INSTITUTION,
                          resume=service.resume)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.show()
    account = service.account(dialog.chosen)
    assert account.offline and account.role is StaffRole.DESK
    # the school's name as the central service gave it at the last sign-in (kept with the role)
    assert account.institution_name == "Rīgas Āgenskalna Valsts ģimnāzija"


def test_an_expired_sign_in_asks_for_the_password(qtbot, tasks, server) -> None:
    credentials = MemoryCredentials()
    SignInService(credentials, Settings()).sign_in(server.url, "reviewer", "demo")
    tokens = credentials.load(server.url, "reviewer")
    from sync.credentials import Tokens
    credentials.save(server.url, "reviewer", Tokens(tokens.access_token, "atsaukts-žetons"))
    service = SignInService(credentials, Settings(server_url=server.url, username="reviewer",
                                                  institution_id=MAIN_INSTITUTION,
                                                  role="reviewer"))
    dialog = SignInDialog(tasks, service.sign_in, check_server=check_server_url,
                          server_url=server.url, username="reviewer", resume=service.resume)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Lūdzu, pierakstieties"),
                    timeout=10000)
    assert dialog.isVisible() and dialog.password.isEnabled()
    assert credentials.load(server.url, "reviewer") is None  # the refused token is forgotten


def test_sign_in_remembers_server_user_and_school_but_never_the_password(qtbot, qapp, server,
                                                                        tmp_path: Path) -> None:
    preferences = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))

    def fill() -> None:
        dialog = next(w for w in qapp.topLevelWidgets()
                      if isinstance(w, SignInDialog) and w.isVisible())
        _type(dialog, server.url, "reviewer", "demo")

    QTimer.singleShot(50, fill)
    account = sign_in(qapp, preferences, MemoryCredentials(), None, "lv")
    assert account is not None and account.role is StaffRole.REVIEWER
    saved = preferences.load()
    assert (saved.server_url, saved.username, saved.institution_id, saved.role) == (
        server.url, "reviewer", MAIN_INSTITUTION, "reviewer")
    text = (tmp_path / "s.ini").read_text(encoding="utf-8")
    assert "demo" not in text.replace("demo-", "")


def test_a_cancelled_sign_in_returns_nobody(qtbot, qapp, tmp_path: Path) -> None:
    preferences = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))

    def cancel() -> None:
        dialog = next(w for w in qapp.topLevelWidgets()
                      if isinstance(w, SignInDialog) and w.isVisible())
        dialog.reject()

    QTimer.singleShot(50, cancel)
    assert sign_in(qapp, preferences, MemoryCredentials(), None, "lv") is None
    assert preferences.load() == Settings()  # nothing remembered from a cancelled sign-in


def test_signing_out_forgets_the_kept_sign_in(qtbot, qapp, server, tmp_path: Path) -> None:
    from desktop.app import Application, Connection
    from desktop.models.store import open_store

    credentials = MemoryCredentials()
    store = open_store(tmp_path / "data")
    app = Application(qapp, store, connection=Connection(
        server.url, "reviewer", "demo", MAIN_INSTITUTION, credentials))
    qtbot.addWidget(app.window)
    app.start()
    qtbot.waitUntil(lambda: app.window.connection_label.text().startswith("Tiešsaistē"),
                    timeout=15000)
    assert credentials.load(server.url, "reviewer") is not None
    assert app.sign_out_action.isEnabled()
    app.sign_out_action.trigger()  # nothing unsent: no question, signed out once counted
    qtbot.waitUntil(lambda: app.sign_out_requested, timeout=5000)
    assert credentials.load(server.url, "reviewer") is None
    app.shutdown()


def test_offline_with_a_role_file_edited_to_admin_opens_as_the_real_role(qtbot, tasks) -> None:
    down = DevServer(seed=1).start()
    credentials, url = MemoryCredentials(), down.url
    SignInService(credentials, Settings()).sign_in(url, "desk", "demo")
    down.stop()
    edited = Settings(server_url=url, username="desk", institution_id=MAIN_INSTITUTION,
                      institution_name="Rīgas Ķengaraga vidusskola", role="admin")
    service = SignInService(credentials, edited)
    dialog = SignInDialog(tasks, service.sign_in, check_server=check_server_url,
                          server_url=url, username="desk", last_institution=MAIN_INSTITUTION,
                          resume=service.resume)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.show()
    assert service.account(dialog.chosen).role is StaffRole.DESK


def test_offline_without_a_confirmed_role_says_so_and_may_go_on_read_only(qtbot, tasks) -> None:
    down = DevServer(seed=1).start()
    credentials, url = MemoryCredentials(), down.url
    SignInService(credentials, Settings()).sign_in(url, "desk", "demo")
    down.stop()
    credentials.save_claims(url, "desk", '{"memberships": [{"bojāts": "ā"}]}')
    edited = Settings(server_url=url, username="desk", institution_id=MAIN_INSTITUTION,
                      institution_name="Rīgas Ķengaraga vidusskola", role="admin")
    service = SignInService(credentials, edited)
    dialog = SignInDialog(tasks, service.sign_in, check_server=check_server_url,
                          server_url=url, username="desk", last_institution=MAIN_INSTITUTION,
                          resume=service.resume)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=20000)
    assert dialog.isVisible() and dialog.chosen is None  # not opened silently
    assert "tikai skatīšanai" in dialog.message.text()
    assert "pierakstieties vēlreiz" in dialog.message.text()
    assert dialog.ok_button.text() == "Turpināt tikai skatīšanai"
    dialog.password.setText("parole")  # a password: a fresh sign-in instead
    assert dialog.ok_button.text() == "Pierakstīties"
    dialog.password.clear()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.ok_button.click()
    account = service.account(dialog.chosen)
    assert account.role is None and account.offline and account.needs_renewal
