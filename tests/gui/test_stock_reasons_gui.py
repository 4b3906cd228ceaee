"""Stock reasons in the refuse and defer dialogs, picked from the keyboard, and the editor of
the school's list (issue 16). The store is read and written off the GUI thread, as in the app."""

from __future__ import annotations

from functools import partial
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from desktop.models import stock_reasons as sr
from desktop.tasks import TaskRunner
from desktop.views.decision_dialogs import DeferDialog, RefuseDialog
from desktop.views.stock_reasons_dialog import StockReasonsDialog, stock_reasons_service
from factories import REVIEWER
from qt_helpers import type_text

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

LABEL = "Pieteikums P-2026-001001 · Jānis Bērziņš, 7.b"
REASONS = ["Iesniedzējs neatbilst mērķa grupai", "Nav pieejamu resursu",
           "Izglītojamais nemācās šajā skolā"]
Accepted = QDialog.DialogCode.Accepted
D = TypeVar("D", bound=QDialog)


def _open(qtbot, dialog: D) -> D:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


@pytest.fixture
def tasks():
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_a_stock_reason_is_picked_with_arrows_and_enter_refuses(qtbot) -> None:
    dialog = _open(qtbot, RefuseDialog(LABEL, reasons=REASONS))
    assert dialog.stock_list.isVisible()
    assert dialog.stock_label.text() == "&Gatavie pamatojumi:"
    assert dialog.focusWidget() is dialog.stock_list
    assert dialog.reason() == ""  # nothing picked until the user moves

    QTest.keyClick(dialog.stock_list, Qt.Key.Key_Down)
    assert dialog.reason() == "Iesniedzējs neatbilst mērķa grupai"
    QTest.keyClick(dialog.stock_list, Qt.Key.Key_Down)
    assert dialog.reason() == "Nav pieejamu resursu"
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        QTest.keyClick(dialog.stock_list, Qt.Key.Key_Return)
    assert dialog.result() == Accepted
    assert dialog.reason() == "Nav pieejamu resursu"


def test_the_picked_text_stays_editable_and_typed_text_comes_back_with_undo(qtbot) -> None:
    dialog = _open(qtbot, DeferDialog(LABEL, reasons=["Gaidām papildu resursu piegādi"]))
    QTest.keyClick(dialog.stock_list, Qt.Key.Key_Down)
    QTest.keyClick(dialog.stock_list, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.reason_edit
    dialog.reason_edit.moveCursor(dialog.reason_edit.textCursor().MoveOperation.End)
    type_text(dialog.reason_edit, " — līdz 15. oktobrim")
    assert dialog.values() == ("Gaidām papildu resursu piegādi — līdz 15. oktobrim", None)

    # a reason typed from scratch, then a pick by mistake: Ctrl+Z brings the typing back
    dialog.reason_edit.setPlainText("Jāprecizē, kurā klasē mācās")
    dialog.stock_list.setCurrentRow(-1)
    dialog.stock_list.setCurrentRow(0)
    assert dialog.reason() == "Gaidām papildu resursu piegādi"
    QTest.keyClick(dialog.reason_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.reason() == "Jāprecizē, kurā klasē mācās"


def test_without_stock_reasons_the_dialog_is_as_before(qtbot) -> None:
    dialog = _open(qtbot, RefuseDialog(LABEL, reasons=[]))
    assert not dialog.stock_list.isVisible()
    assert dialog.focusWidget() is dialog.reason_edit


def test_the_schools_reasons_are_read_off_the_gui_thread(qtbot, store, tasks) -> None:
    sr.add_reason(store, REVIEWER, "refuse", "Pieteikums iesniegts pēc termiņa")
    dialog = _open(qtbot, RefuseDialog(
        LABEL, count=3, tasks=tasks,
        load_reasons=partial(sr.reason_texts, store, REVIEWER, "refuse")))
    qtbot.waitUntil(dialog.stock_list.isVisible, timeout=5000)
    assert dialog.stock_reasons()[-1] == "Pieteikums iesniegts pēc termiņa"
    assert dialog.stock_reasons()[:3] == list(sr.DEFAULTS["refuse"][:3])
    assert dialog.focusWidget() is dialog.stock_list


def test_reasons_arriving_late_do_not_take_the_focus_from_typing(qtbot) -> None:
    dialog = _open(qtbot, RefuseDialog(LABEL))
    type_text(dialog.reason_edit, "Ģimene pārcēlusies uz Liepāju")
    dialog.set_stock_reasons(REASONS)
    assert dialog.focusWidget() is dialog.reason_edit
    assert dialog.reason() == "Ģimene pārcēlusies uz Liepāju"
    # Enter in the reason still starts a new line rather than refusing
    QTest.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != Accepted


# --- the editor -----------------------------------------------------------------------------


def _editor(qtbot, store, tasks, **kw) -> StockReasonsDialog:
    dialog = StockReasonsDialog(tasks, stock_reasons_service(store, lambda: REVIEWER), **kw)
    _open(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.list.count() > 0, timeout=5000)
    return dialog


def _after(qtbot, dialog: StockReasonsDialog, action) -> None:
    with qtbot.waitSignal(dialog.shown_list, timeout=5000):
        action()


def test_the_editor_shows_the_defaults_until_the_school_changes_them(qtbot, store, tasks):
    dialog = _editor(qtbot, store, tasks)
    assert dialog.windowTitle() == "Gatavie pamatojumi"
    assert dialog.texts() == list(sr.DEFAULTS["refuse"])
    assert "noklusētie" in dialog.state.text()
    assert not dialog.reset_button.isEnabled()

    dialog.list.setCurrentRow(-1)
    dialog.text.setPlainText("")
    type_text(dialog.text, "Pieteikums iesniegts pēc termiņa")
    _after(qtbot, dialog, lambda: qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton))
    assert dialog.texts()[-1] == "Pieteikums iesniegts pēc termiņa"
    assert dialog.list.currentRow() == dialog.list.count() - 1
    assert dialog.state.text().startswith("Skolas saraksts:")
    assert sr.reason_texts(store, REVIEWER, "refuse") == dialog.texts()


def test_the_editor_by_keyboard_moves_edits_and_removes(qtbot, store, tasks) -> None:
    dialog = _editor(qtbot, store, tasks)
    first, second = sr.DEFAULTS["refuse"][:2]
    dialog.list.setFocus()
    assert dialog.list.currentRow() == 0
    _after(qtbot, dialog, lambda: QTest.keyClick(dialog.list, Qt.Key.Key_Down,
                                                 Qt.KeyboardModifier.ControlModifier))
    assert dialog.texts()[:2] == [second, first]
    assert dialog.list.currentRow() == 1  # the moved reason stays chosen

    dialog.text.setPlainText("Iesniedzējs neatbilst mērķa grupai (nav 1.–12. klases skolēns)")
    _after(qtbot, dialog, dialog.save_button.click)
    assert dialog.texts()[1] == "Iesniedzējs neatbilst mērķa grupai (nav 1.–12. klases skolēns)"

    dialog.list.setFocus()
    dialog.list.setCurrentRow(0)
    _after(qtbot, dialog, lambda: QTest.keyClick(dialog.list, Qt.Key.Key_Delete))
    assert second not in dialog.texts()
    assert sr.reason_texts(store, REVIEWER, "refuse") == dialog.texts()

    _after(qtbot, dialog, dialog.reset_button.click)
    assert dialog.texts() == list(sr.DEFAULTS["refuse"])


def test_the_deferral_tab_and_a_refused_change(qtbot, store, tasks) -> None:
    dialog = _editor(qtbot, store, tasks)
    _after(qtbot, dialog, lambda: dialog.tabs.setCurrentIndex(1))
    assert dialog.texts() == list(sr.DEFAULTS["defer"])
    dialog.list.setCurrentRow(1)
    dialog.text.setPlainText(sr.DEFAULTS["defer"][0].upper())  # the same as the first one
    dialog.save_button.click()
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert dialog.error.text().startswith("Šāds pamatojums sarakstā jau ir")
    assert sr.stock_reasons(store, REVIEWER, "defer").defaults  # nothing was written


def test_a_read_only_editor(qtbot, store, tasks) -> None:
    dialog = _editor(qtbot, store, tasks, can_edit=False)
    for button in (dialog.add_button, dialog.save_button, dialog.remove_button,
                   dialog.up_button, dialog.down_button, dialog.reset_button):
        assert not button.isEnabled()
    assert dialog.text.isReadOnly()


def test_enter_in_the_editors_list_changes_nothing(qtbot, store, tasks) -> None:
    dialog = _editor(qtbot, store, tasks)
    dialog.list.setFocus()
    dialog.list.setCurrentRow(1)
    QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    tasks.wait()  # a change wrongly started would be written by now
    assert sr.stock_reasons(store, REVIEWER, "refuse").defaults
    assert dialog.texts() == list(sr.DEFAULTS["refuse"])
