"""The grant, refuse and defer dialogs, and how a refusal from the core is shown."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.models.codes import ApplicationStatus, HandoverStatus, ItemStatus, ReturnCondition
from desktop.models.device_choices import DeviceChoice, device_choices
from desktop.models.errors import InputError
from desktop.models.schema import Handover, Item
from desktop.models.workflow import ApplicationAction, TransitionError
from desktop.tasks import TaskRunner
from desktop.views.decision_dialogs import (
    MAX_REASON,
    DeferDialog,
    GrantDialog,
    RefuseDialog,
    show_error,
)
from factories import REVIEWER, add_application, add_handover, add_item, seed_catalogue
from qt_helpers import type_text

# The offscreen platform cannot pass a shown window's size hints on, and says so as a warning.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

LABEL = "Pieteikums P-2026-001001 · Jānis Bērziņš, 7.b"
REASON = "Ierīču nav; pieteikums iesniegts pēc termiņa — lūdzam pieteikties rudenī."
Accepted = QDialog.DialogCode.Accepted
Rejected = QDialog.DialogCode.Rejected


def _open(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # shortcuts (Ctrl+Enter) work in the active window only
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


@pytest.fixture
def refuse(qtbot) -> RefuseDialog:
    return _open(qtbot, RefuseDialog(LABEL))


@pytest.fixture
def defer(qtbot) -> DeferDialog:
    return _open(qtbot, DeferDialog(LABEL))


# --- refuse ---------------------------------------------------------------------------------


def test_refuse_buttons_and_heading(refuse: RefuseDialog) -> None:
    assert refuse.windowTitle() == "Atteikt pieteikumu"
    assert refuse.heading.text() == LABEL
    assert refuse.ok_button.text() == "Atteikt"
    assert refuse.cancel_button.text() == "Atcelt"
    assert refuse.focusWidget() is refuse.reason_edit
    assert not refuse.error_label.isVisible()


@pytest.mark.parametrize("blank", ["", "   ", "\n \t\n"])
def test_refuse_with_a_blank_reason_stays_open_with_a_message(qtbot, refuse, blank) -> None:
    refuse.reason_edit.setPlainText(blank)
    refuse.cancel_button.setFocus()

    qtbot.mouseClick(refuse.ok_button, Qt.MouseButton.LeftButton)

    assert refuse.isVisible()
    assert refuse.result() != Accepted
    assert refuse.error_label.isVisible()
    assert refuse.error_label.text() == "Jānorāda atteikuma pamatojums"
    assert "#b3261e" in refuse.error_label.styleSheet()  # red
    assert refuse.focusWidget() is refuse.reason_edit


def test_refuse_with_a_latvian_reason_accepts(qtbot, refuse) -> None:
    qtbot.mouseClick(refuse.ok_button, Qt.MouseButton.LeftButton)
    assert refuse.error_label.isVisible()

    type_text(refuse.reason_edit, REASON)
    assert not refuse.error_label.isVisible()  # typing clears the message
    assert refuse.counter.text() == f"{len(REASON)}\u00a0/\u00a0{MAX_REASON}"

    with qtbot.waitSignal(refuse.accepted, timeout=1000):
        qtbot.mouseClick(refuse.ok_button, Qt.MouseButton.LeftButton)
    assert refuse.result() == Accepted
    assert refuse.reason() == REASON


def test_reason_is_trimmed_and_keeps_its_lines(qtbot, refuse) -> None:
    type_text(refuse.reason_edit, "  Pirmā rinda")
    QTest.keyClick(refuse.reason_edit, Qt.Key.Key_Return)  # a new line, not "OK"
    type_text(refuse.reason_edit, "otrā rinda  ")
    assert refuse.isVisible() and refuse.result() != Accepted
    assert refuse.reason() == "Pirmā rinda\notrā rinda"


def test_a_reason_over_the_limit_is_refused(qtbot, refuse) -> None:
    refuse.reason_edit.setPlainText("ž" * (MAX_REASON + 1))
    assert refuse.counter.text().startswith(f"{MAX_REASON + 1}")
    assert "#b3261e" in refuse.counter.styleSheet()

    refuse.ok_button.click()

    assert refuse.result() != Accepted
    assert refuse.error_label.text() == (
        "Pamatojums ir par garu: atļautas ne vairāk kā 2000 rakstzīmes")
    refuse.reason_edit.setPlainText("ž" * MAX_REASON)
    refuse.ok_button.click()
    assert refuse.result() == Accepted


def test_ctrl_enter_refuses_and_esc_cancels(qtbot) -> None:
    dialog = _open(qtbot, RefuseDialog(LABEL))
    type_text(dialog.reason_edit, REASON)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        QTest.keyClick(dialog.reason_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == Accepted

    other = _open(qtbot, RefuseDialog(LABEL))
    type_text(other.reason_edit, REASON)
    with qtbot.waitSignal(other.rejected, timeout=1000):
        QTest.keyClick(other.reason_edit, Qt.Key.Key_Escape)
    assert other.result() == Rejected


@pytest.mark.parametrize(
    ("count", "title", "heading"),
    [
        (12, "Atteikt 12 pieteikumus", "Atlasīti 12 pieteikumi"),
        (21, "Atteikt 21 pieteikumu", "Atlasīts 21 pieteikums"),
        (11, "Atteikt 11 pieteikumus", "Atlasīti 11 pieteikumi"),
    ],
)
def test_bulk_refuse_says_how_many(qtbot, count, title, heading) -> None:
    dialog = RefuseDialog(count=count)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == title
    assert dialog.heading.text() == heading


def test_show_problem_points_at_the_reason(refuse) -> None:
    # the caller shows an InputError of the core the same way
    refuse.show_problem(InputError("reason", "required", "Jānorāda pamatojums").message_lv)
    assert refuse.error_label.isVisible()
    assert refuse.error_label.text() == "Jānorāda pamatojums"


# --- defer ----------------------------------------------------------------------------------


def test_defer_requires_a_reason_and_the_date_is_optional(qtbot, defer) -> None:
    assert defer.windowTitle() == "Atlikt pieteikuma izskatīšanu"
    assert defer.ok_button.text() == "Atlikt"
    assert defer.cancel_button.text() == "Atcelt"
    assert not defer.use_revisit.isChecked()
    assert not defer.revisit.isEnabled()

    qtbot.mouseClick(defer.ok_button, Qt.MouseButton.LeftButton)
    assert defer.result() != Accepted
    assert defer.error_label.text() == "Jānorāda atlikšanas pamatojums"

    type_text(defer.reason_edit, REASON)
    qtbot.mouseClick(defer.ok_button, Qt.MouseButton.LeftButton)
    assert defer.result() == Accepted
    assert defer.values() == (REASON, None)


def test_defer_revisit_date_from_today(qtbot, defer) -> None:
    today = date.today()
    assert defer.revisit.minimumDate().toPython() == today
    assert defer.revisit.displayFormat() == "dd.MM.yyyy"

    defer.revisit.setDate(QDate(today - timedelta(days=3)))  # clamped: not in the past
    assert defer.revisit.date().toPython() == today

    qtbot.mouseClick(defer.use_revisit, Qt.MouseButton.LeftButton)
    assert defer.revisit.isEnabled()
    later = today + timedelta(days=30)
    defer.revisit.setDate(QDate(later))
    defer.reason_edit.setPlainText(REASON)
    defer.ok_button.click()
    assert defer.values() == (REASON, later)


def test_enter_in_the_date_does_not_send_the_reason(qtbot, defer) -> None:
    type_text(defer.reason_edit, "Gaidām VIIS apstiprinājumu")
    defer.use_revisit.setChecked(True)
    defer.revisit.setFocus()
    QTest.keyClick(defer.revisit, Qt.Key.Key_Return)
    QTest.keyClick(defer.use_revisit, Qt.Key.Key_Enter)
    assert defer.isVisible()
    assert defer.result() != Accepted


def test_bulk_defer_title(qtbot) -> None:
    dialog = DeferDialog(count=12)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Atlikt 12 pieteikumus"


# --- grant ---------------------------------------------------------------------------------


def _device(n: int, **kw) -> DeviceChoice:
    values = dict(item_id=f"item-{n}", inventory_no=f"RAVĢ-2024-{n:03d}",
                  kind_code="windows_laptop", kind_label="Windows portatīvais dators",
                  manufacturer="Lenovo", model="ThinkPad E14", serial_no=f"PF4ŠK{n:03d}",
                  location="214. kabinets", status=ItemStatus.AVAILABLE,
                  last_return_condition=None, last_returned_at=None, last_return_notes=None)
    values.update(kw)
    return DeviceChoice(**values)


ITEMS = [_device(1), _device(2), _device(3)]


def _cells(dialog: GrantDialog, row: int) -> dict[str, str]:
    model = dialog.picker.table.model()
    keys = [c[0] for c in dialog.picker.model.columns]
    return {key: model.index(row, col).data() for col, key in enumerate(keys)}


def test_the_grant_dialogs_picker_describes_a_seeded_device(qtbot, store) -> None:
    """The defect: the list showed inventory numbers only, while the applicant's page says
    "HP ProBook 450 G10". Read from the store off the GUI thread, like the app does."""
    seed_catalogue(store)
    app_id = add_application(store)
    item_id = add_item(store, inventory_no="RAVĢ-2024-017")
    with store.write() as s:
        item = s.get(Item, item_id)
        item.manufacturer, item.model = "HP", "ProBook 450 G10"
        item.serial_no, item.location = "5CD3481ŽQ7", "Skapis Nr. 3, 214. kabinets"
    lent_to = add_application(store, status=ApplicationStatus.CONFIRMED, learner="Anna Kalniņa")
    handover = add_handover(store, lent_to, item_id, HandoverStatus.RETURNED)
    with store.write() as s:
        h = s.get(Handover, handover)
        h.returned_at = datetime(2026, 6, 12, 9, 0, tzinfo=UTC)
        h.return_condition = ReturnCondition.RETURNED_WORKING_ORDER
        h.return_notes = "Lādētājs nomainīts"
    tasks = TaskRunner()

    dialog = GrantDialog(LABEL, tasks=tasks,
                         load=lambda: device_choices(store, REVIEWER, app_id))
    _open(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.picker.model.rowCount() == 1, timeout=5000)

    assert _cells(dialog, 0) == {
        "inventory_no": "RAVĢ-2024-017", "kind": "Windows portatīvais dators",
        "model": "HP ProBook 450 G10", "serial_no": "5CD3481ŽQ7",
        "location": "Skapis Nr. 3, 214. kabinets",
        "status": "Pieejams", "returned": "Darba kārtībā", "notes": "Lādētājs nomainīts"}
    assert dialog.picker.table.isVisible()
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result_values() == (item_id, None)
    tasks.shutdown()


def test_grant_waits_for_the_devices_before_granting(qtbot, store) -> None:
    seed_catalogue(store)
    app_id = add_application(store)
    tasks = TaskRunner()
    release = threading.Event()  # the read answers when the test says so

    def load() -> list[DeviceChoice]:
        release.wait(10)
        return device_choices(store, REVIEWER, app_id)

    dialog = _open(qtbot, GrantDialog(LABEL, tasks=tasks, load=load))
    assert dialog.picker.empty_text() == "Ielādē pieejamos resursus…"
    assert not dialog.ok_button.isEnabled()  # nothing to grant with yet
    release.set()
    qtbot.waitUntil(dialog.no_items.isVisible, timeout=5000)  # the school has no such device
    assert dialog.without_item.isChecked()
    assert dialog.ok_button.isEnabled()
    tasks.shutdown()


def test_grant_with_a_chosen_item(qtbot) -> None:
    dialog = _open(qtbot, GrantDialog(LABEL, ITEMS))
    assert dialog.heading.text() == LABEL
    assert dialog.ok_button.text() == "Piešķirt"
    assert dialog.cancel_button.text() == "Atcelt"
    assert [_cells(dialog, r)["inventory_no"] for r in range(3)] == [
        "RAVĢ-2024-001", "RAVĢ-2024-002", "RAVĢ-2024-003"]
    assert dialog.with_item.isChecked()
    assert not dialog.no_items.isVisible()
    assert dialog.picker.current_item_id() == "item-1"  # the first one is highlighted

    dialog.picker.table.selectRow(1)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result_values() == ("item-2", None)


def test_type_ahead_arrows_and_enter_grant_from_the_keyboard(qtbot) -> None:
    devices = [_device(1), _device(2, manufacturer="HP", model="ProBook 450 G10"),
               _device(3, manufacturer="HP", model="ProBook 450 G10", serial_no="5CD3481ŽQ7")]
    dialog = _open(qtbot, GrantDialog(LABEL, devices))
    assert dialog.focusWidget() is dialog.picker.filter_edit

    type_text(dialog.picker.filter_edit, "probook")
    assert dialog.picker.current_item_id() == "item-2"
    QTest.keyClick(dialog.picker.filter_edit, Qt.Key.Key_Down)
    assert dialog.picker.current_item_id() == "item-3"
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        QTest.keyClick(dialog.picker.filter_edit, Qt.Key.Key_Return)
    assert dialog.result_values() == ("item-3", None)


def test_a_filter_that_hides_every_device_cannot_grant_without_one_by_accident(qtbot) -> None:
    dialog = _open(qtbot, GrantDialog(LABEL, ITEMS))
    type_text(dialog.picker.filter_edit, "Dell")
    assert dialog.picker.empty_text() == "Neviens pieejamais resurss neatbilst meklētajam „Dell“"
    assert not dialog.ok_button.isEnabled()
    QTest.keyClick(dialog.picker.filter_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != Accepted
    assert dialog.result_values() == (None, None)


def test_grant_preselects_a_scanned_device(qtbot) -> None:
    dialog = _open(qtbot, GrantDialog(LABEL, ITEMS, scanned="ravg-2024-003"))
    assert dialog.picker.current_item_id() == "item-3"


def test_grant_with_a_return_deadline(qtbot) -> None:
    dialog = _open(qtbot, GrantDialog(LABEL, ITEMS))
    today = date.today()
    assert dialog.use_deadline.text() == "Atgriešanas termiņš:"
    assert not dialog.deadline.isEnabled()
    assert dialog.deadline.minimumDate().toPython() == today
    assert dialog.deadline.displayFormat() == "dd.MM.yyyy"
    assert dialog.deadline.date().toPython() >= today

    dialog.use_deadline.setChecked(True)
    assert dialog.deadline.isEnabled()
    dialog.deadline.setDate(QDate(2030, 6, 30))
    assert dialog.result_values() == ("item-1", date(2030, 6, 30))
    dialog.deadline.setDate(QDate(2099, 6, 30))  # past what the register takes: held back
    assert dialog.deadline.date() == QDate.currentDate().addDays(3653)


def test_grant_without_an_item_although_some_are_offered(qtbot) -> None:
    dialog = _open(qtbot, GrantDialog(LABEL, ITEMS))
    dialog.use_deadline.setChecked(True)
    qtbot.mouseClick(dialog.without_item, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, dialog.without_item.height() // 2))  # on the button
    assert dialog.without_item.isChecked()
    assert not dialog.picker.isEnabled()
    assert not dialog.deadline.isEnabled()  # a deadline belongs to a handover with an item
    assert dialog.result_values() == (None, None)


def test_grant_with_nothing_to_offer_is_only_without_an_item(qtbot) -> None:
    dialog = _open(qtbot, GrantDialog(LABEL, []))
    assert dialog.no_items.isVisible()
    assert "Nav pieejamu piemērotu resursu" in dialog.no_items.text()
    assert not dialog.with_item.isEnabled()
    assert not dialog.picker.isVisible()
    assert dialog.without_item.isChecked()
    assert dialog.without_item.text() == (
        "Piešķirt bez resursa (resursu izvēlēsies izsniegšanas vietā)")

    dialog.ok_button.click()
    assert dialog.result() == Accepted
    assert dialog.result_values() == (None, None)


def test_grant_esc_cancels(qtbot) -> None:
    dialog = _open(qtbot, GrantDialog(LABEL, ITEMS))
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        QTest.keyClick(dialog.picker.filter_edit, Qt.Key.Key_Escape)
    assert dialog.result() == Rejected


def test_the_grant_dialog_fits_a_laptop_screen(qtbot) -> None:
    dialog = _open(qtbot, GrantDialog(LABEL, ITEMS))
    # 1366×768 at 125 %: 1093×614 logical pixels, less the window frame and task bar
    assert dialog.width() <= 1060 and dialog.height() <= 560
    header = dialog.picker.table.horizontalHeader()
    assert header.length() <= dialog.picker.table.viewport().width()  # no sideways scrolling


# --- show_error -----------------------------------------------------------------------------


@pytest.fixture
def warnings(monkeypatch) -> list[tuple[object, str, str]]:
    shown: list[tuple[object, str, str]] = []

    def capture(parent, title, text, *args, **kwargs):
        shown.append((parent, title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(capture))
    return shown


def test_show_error_shows_the_latvian_message(qtbot, warnings) -> None:
    dialog = GrantDialog(LABEL, ITEMS)
    qtbot.addWidget(dialog)
    exc = TransitionError("application", ApplicationStatus.DECLINED, ApplicationAction.GRANT)

    show_error(dialog, exc)

    assert warnings == [(dialog, "Darbība netika veikta", exc.message_lv)]
    assert warnings[0][2] == "Pieteikumam statusā „Atteikts“ nevar veikt darbību „piešķirt“"


def test_show_error_of_an_unexpected_error_names_only_its_type(warnings) -> None:
    try:
        raise KeyError("150312-20004")  # whatever it carries is not for the screen
    except KeyError as exc:
        show_error(None, exc)

    (_, _, text), = warnings
    assert "KeyError" in text
    assert "150312" not in text
    assert "Traceback" not in text
    assert text.startswith("Darbību neizdevās pabeigt")
