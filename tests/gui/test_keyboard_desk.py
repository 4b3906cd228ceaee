"""The issuing desk with the keyboard alone (issue 16): Ctrl+F, type the learner, Tab to the
scan field, type (or scan) the device, Enter starts the handover; Ctrl+Tab to "Atgriešana",
Ctrl+F, type the inventory number, Enter finds it, Tab to "Pieņemt atpakaļ…", Space opens the
return dialog, which is answered with keys (Space and the arrows pick the grade, Ctrl+Enter
accepts)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_desk_page import desk_page, school  # noqa: F401  (fixtures)
from test_keyboard_deciding import CTRL, _answer, _key

from desktop.models.codes import HandoverStatus, ItemStatus, ReturnGrade
from desktop.models.schema import Handover, Item
from desktop.views.return_dialog import ReturnDialog
from qt_helpers import type_text


def _focus_until(qtbot, widget) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=3000)


def _tab_to(qtbot, widget, limit: int = 30) -> None:
    """Tab until ``widget`` has the focus, as a person does (fails after ``limit`` stops)."""
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return
        _key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is widget, QApplication.focusWidget()


def test_start_a_handover_then_take_it_back_with_the_keyboard_only(
        qtbot, desk_page, school) -> None:  # noqa: F811
    store, app_id, reserved, _other = school
    page = desk_page
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.cases.table.setFocus()

    _key(Qt.Key.Key_F, CTRL)
    _focus_until(qtbot, page.cases.search)
    type_text(page.cases.search, "Ģērķis")
    _key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.cases.current() is not None
                    and page.cases.current().application_id == app_id, timeout=3000)
    _tab_to(qtbot, page.scan)
    page.scan.selectAll()
    type_text(page.scan, "RAVĢ-0042")
    with qtbot.waitSignal(page.customer.code.painted, timeout=5000):
        _key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.card is not None, timeout=3000)
    handover_id = page.card.handover_id
    with store.read() as s:
        assert s.get(Handover, handover_id).status is HandoverStatus.PREPARED
    # the applicant confirms on their phone (the sync brings it); here the store is told
    with store.write() as s:  # what the pull writes when the applicant confirmed
        h = s.get(Handover, handover_id)
        h.status, h.issued_at = HandoverStatus.ISSUED, datetime.now(UTC)
        s.get(Item, reserved).status = ItemStatus.IN_USE

    # the applicant's screen opened beside; the staff's window is active again
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.cases.search.setFocus()
    _focus_until(qtbot, page.cases.search)
    _key(Qt.Key.Key_Tab, CTRL)  # the next tab: "Atgriešana"
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.return_tab, timeout=3000)
    _key(Qt.Key.Key_F, CTRL)
    _focus_until(qtbot, page.returns.search)
    type_text(page.returns.search, "RAVĢ-0042")
    _key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.returns.current() is not None, timeout=3000)
    _tab_to(qtbot, page.take_back_button)

    def answer(dialog: ReturnDialog) -> None:
        assert QApplication.focusWidget() is dialog.grades[ReturnGrade.AS_NEW]
        _key(Qt.Key.Key_Space)  # "Kā jauns" …
        _key(Qt.Key.Key_Right)  # … then the arrow moves the choice on to "Labs"
        assert dialog.grades[ReturnGrade.GOOD].isChecked()
        _key(Qt.Key.Key_Return, CTRL)

    _answer(qtbot, ReturnDialog, answer)
    _key(Qt.Key.Key_Space)

    def returned() -> bool:
        with store.read() as s:
            return s.get(Handover, handover_id).status is HandoverStatus.RETURNED

    qtbot.waitUntil(returned, timeout=5000)
