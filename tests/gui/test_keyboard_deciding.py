"""Deciding with the keyboard alone (issue 16): Ctrl+F, type, ↓ picks a row (selected, not
only current), Ctrl+G/R/D grant, refuse and defer, and the dialogs are answered with keys.
The shortcuts are named where a person looks for them: the tooltips and a menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.changes import ChangeBus
from desktop.deciding import Decisions
from desktop.models import queries
from desktop.models.codes import ApplicationStatus
from desktop.models.inbox_window import InboxSource
from desktop.models.schema import Application as ApplicationRow
from desktop.settings import SettingsStore
from desktop.tasks import TaskRunner
from desktop.views.decision_dialogs import DeferDialog, GrantDialog, RefuseDialog
from desktop.views.inbox_page import InboxPage
from desktop.views.main_window import MainWindow
from factories import REVIEWER, SCHOOL, add_application, add_item, seed_catalogue
from qt_helpers import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
BĒRZIŅI = ("Anna Bērziņa", "Jānis Bērziņš", "Ēriks Bērziņš")
REASON = "Ierīču skaits ir ierobežots; prioritāte sociāli atbalstāmajiem"


@pytest.fixture
def desk(qtbot, store):
    """The Applications section in a main window, with the decisions wired as the app does."""
    seed_catalogue(store)
    add_item(store, inventory_no="RAVĢ-2024-017")
    ids = [add_application(store, learner=name, learner_class="7.b") for name in BĒRZIŅI]
    ids.append(add_application(store, learner="Žanete Šmite", submitter="Ņina Šmite",
                               learner_class="5.a"))
    tasks, changes = TaskRunner(), ChangeBus()
    inbox = InboxPage(
        tasks, institution_id=SCHOOL,
        source=InboxSource(store),
        count_statuses=lambda: queries.status_counts(store, SCHOOL),
        kinds=[("windows_laptop", "Windows portatīvais dators")], changes=changes)
    window = MainWindow(school_name="Rīgas Āgenskalna Valsts ģimnāzija",
                        user_label="ilze.reviewer", settings=SettingsStore.in_memory())
    qtbot.addWidget(window)
    window.add_section("Pieteikumi", inbox)
    decisions = Decisions(tasks, store, inbox, window, lambda: REVIEWER, changes)
    window.add_actions(decisions.actions)
    inbox.add_actions(decisions.actions)
    window.resize(1093, 614)
    with qtbot.waitSignal(inbox.loaded, timeout=5000):
        inbox.reload()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # shortcuts work in the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    yield window, inbox, decisions, changes, ids
    tasks.wait()


def _key(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the focus is, as a keyboard delivers it."""
    focused = QApplication.focusWidget()
    assert focused is not None
    QTest.keyClick(focused, key, modifier)


def _answer(qtbot, kind: type[QDialog], answer) -> None:
    """Answer the dialog the next shortcut opens (modal: its own event loop), keys only."""
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, act)
            return
        try:
            dialog.activateWindow()  # as the window manager does with a new dialog
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
            answer(dialog)
        finally:
            if dialog.isVisible():  # the keys did not answer it: fail, do not hang
                dialog.reject()

    QTimer.singleShot(0, act)


def _back_to(qtbot, window: QWidget) -> None:
    """The window manager gives the main window back its activation when a dialog closes
    (the offscreen platform does not); the keyboard focus is where it was."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _status(store, app_id: int) -> ApplicationStatus:
    with store.read() as s:
        return s.get(ApplicationRow, app_id).status


def test_search_down_selects_the_row_the_detail_shows(qtbot, desk) -> None:
    window, inbox, *_ = desk
    shown: list[int] = []
    inbox.currentApplicationChanged.connect(shown.append)
    inbox.table.setFocus()
    _key(Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is inbox.search
    with qtbot.waitSignal(inbox.loaded, timeout=5000):
        type_text(inbox.search, "Bērziņ")
    assert inbox.model.rowCount() == 3
    _key(Qt.Key.Key_Down)
    assert QApplication.focusWidget() is inbox.table
    assert inbox.selected_ids() == [inbox.model.id_at(0)] == shown[-1:]
    # back to the search and ↓ again: the next row, selected too (selection = detail)
    _key(Qt.Key.Key_F, CTRL)
    _key(Qt.Key.Key_Down)
    assert inbox.selected_ids() == [inbox.model.id_at(1)] == shown[-1:]
    # Enter from the search keeps the row the reviewer is on
    _key(Qt.Key.Key_F, CTRL)
    _key(Qt.Key.Key_Return)
    assert QApplication.focusWidget() is inbox.table
    assert inbox.selected_ids() == [inbox.model.id_at(1)]


def test_a_row_current_but_not_selected_becomes_selected(qtbot, desk) -> None:
    _window, inbox, *_ = desk
    inbox.table.setCurrentIndex(inbox.model.index(2, 0))
    assert inbox.selected_ids() == [inbox.model.id_at(2)]  # current and selected go together
    inbox.table.selectionModel().clearSelection()  # Ctrl+Space: the row stays current
    assert inbox.selected_ids() == []
    inbox.search.setFocus()
    _key(Qt.Key.Key_Return)
    assert inbox.selected_ids() == [inbox.model.id_at(2)]


def test_grant_on_a_selection_of_several_says_it_grants_them_all(qtbot, desk) -> None:
    _window, inbox, decisions, *_ = desk
    inbox.search.setFocus()
    _key(Qt.Key.Key_Down)
    assert decisions.grant_action.isEnabled()
    _key(Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(inbox.selected_ids()) == 2
    assert decisions.grant_action.isEnabled()
    assert "Piešķirt visus atlasītos" in decisions.grant_action.toolTip()
    assert decisions.refuse_action.isEnabled() and decisions.defer_action.isEnabled()
    _key(Qt.Key.Key_Up)  # one again
    assert decisions.grant_action.isEnabled()
    assert decisions.grant_action.toolTip() == "Piešķirt (Ctrl+G)"


def test_the_shortcuts_are_in_the_tooltips_and_the_menu(desk) -> None:
    window, _inbox, decisions, *_ = desk
    assert [a.toolTip() for a in decisions.actions] == [
        "Piešķirt (Ctrl+G)", "Atteikt (Ctrl+R)", "Atlikt (Ctrl+D)"]
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert "P&ieteikums" in menus
    listed = [(a.text(), a.shortcut().toString()) for a in menus["P&ieteikums"].actions()]
    assert listed == [("Piešķirt…", "Ctrl+G"), ("Atteikt…", "Ctrl+R"), ("Atlikt…", "Ctrl+D")]


def test_search_grant_refuse_defer_with_the_keyboard_only(qtbot, desk, store) -> None:
    window, inbox, _decisions, changes, ids = desk
    inbox.table.setFocus()
    _key(Qt.Key.Key_F, CTRL)
    with qtbot.waitSignal(inbox.loaded, timeout=5000):
        type_text(inbox.search, "Bērziņ")
    _key(Qt.Key.Key_Down)
    first, second, third = (inbox.model.id_at(r) for r in range(3))
    assert set(inbox.selected_ids()) == {first}

    def grant(dialog: GrantDialog) -> None:
        # the devices are read on a worker: Enter on the highlighted one grants with it
        qtbot.waitUntil(lambda: dialog.picker.model.rowCount() == 1, timeout=5000)
        _key(Qt.Key.Key_Return)

    _answer(qtbot, GrantDialog, grant)
    with qtbot.waitSignal(changes.changed, timeout=5000):
        _key(Qt.Key.Key_G, CTRL)
    assert _status(store, first) is ApplicationStatus.CONFIRMED

    def give_reason(dialog: RefuseDialog | DeferDialog) -> None:
        # the school's stock reasons arrive from a worker and take the focus: Tab goes on
        # to the text, where the reviewer types their own
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.stock_list, timeout=5000)
        _key(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.reason_edit
        type_text(dialog.reason_edit, REASON)
        _key(Qt.Key.Key_Return, CTRL)

    def pick_a_stock_reason(dialog: RefuseDialog | DeferDialog) -> None:
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.stock_list, timeout=5000)
        _key(Qt.Key.Key_Down)  # the first of the school's reasons fills the text
        assert dialog.reason_edit.toPlainText() == dialog.stock_list.item(0).text()
        _key(Qt.Key.Key_Return)

    _back_to(qtbot, window)
    assert QApplication.focusWidget() is inbox.table  # back where the reviewer was
    _key(Qt.Key.Key_Down)
    assert inbox.selected_ids() == [second]
    _answer(qtbot, RefuseDialog, pick_a_stock_reason)
    with qtbot.waitSignal(changes.changed, timeout=5000):
        _key(Qt.Key.Key_R, CTRL)
    assert _status(store, second) is ApplicationStatus.DECLINED

    _back_to(qtbot, window)
    _key(Qt.Key.Key_Down)
    assert inbox.selected_ids() == [third]
    _answer(qtbot, DeferDialog, give_reason)
    with qtbot.waitSignal(changes.changed, timeout=5000):
        _key(Qt.Key.Key_D, CTRL)
    assert _status(store, third) is ApplicationStatus.POSTPONED
    assert _status(store, ids[-1]) is ApplicationStatus.SUBMITTED  # not in the search
