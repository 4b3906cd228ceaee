"""The device picker: a described table of devices, type-ahead over every column (case and
Latvian diacritics folded), a scanned device preselected, chosen from the keyboard."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.models.codes import ItemStatus, ReturnCondition
from desktop.models.device_choices import DeviceChoice
from desktop.models.errors import NotFoundError
from desktop.tasks import TaskRunner
from desktop.views.device_picker import DevicePicker, FoldedFilter, ItemIdRole
from qt_helpers import type_text

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _device(n: int, **kw) -> DeviceChoice:
    values = dict(item_id=f"item-{n}", inventory_no=f"RAVĢ-2024-{n:03d}",
                  kind_code="windows_laptop", kind_label="Windows portatīvais dators",
                  manufacturer="Lenovo", model="ThinkPad E14", serial_no=f"PF4K{n:04d}",
                  location="214. kabinets", status=ItemStatus.AVAILABLE,
                  last_return_condition=None, last_returned_at=None, last_return_notes=None)
    values.update(kw)
    return DeviceChoice(**values)


DEVICES = [
    _device(1),
    _device(2, manufacturer="HP", model="ProBook 450 G10", serial_no="5CD3481ŽQ7",
            location="Ēdnīcas noliktava",
            last_return_condition=ReturnCondition.DAMAGED,
            last_returned_at=datetime(2026, 6, 12, 9, 0, tzinfo=UTC),
            last_return_notes="Skrāpējums uz vāka;\nlādētājs nomainīts"),
    _device(3, manufacturer="Dell", model="Latitude 3440", serial_no="HXQ9C94",
            last_return_condition=ReturnCondition.RETURNED_WORKING_ORDER,
            last_returned_at=datetime(2026, 5, 30, 12, 0, tzinfo=UTC)),
    _device(17, manufacturer="HP", model="ProBook 450 G10", serial_no="5CD34819KM",
            location=None),
]


@pytest.fixture
def picker(qtbot) -> DevicePicker:
    widget = DevicePicker()
    qtbot.addWidget(widget)
    widget.resize(960, 360)
    widget.set_choices(DEVICES)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _shown(picker: DevicePicker) -> list[str]:
    proxy = picker.table.model()
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def _row(picker: DevicePicker, inventory_no: str) -> list[str]:
    proxy = picker.table.model()
    row = _shown(picker).index(inventory_no)
    return [proxy.index(row, c).data() for c in range(proxy.columnCount())]


def test_models_pass_the_model_tester(qtmodeltester, picker) -> None:
    qtmodeltester.check(picker.model)
    type_text(picker.filter_edit, "hp")
    qtmodeltester.check(picker.proxy)


def test_model_tester_on_a_filter_over_an_empty_and_a_reset_model(qtmodeltester, qtbot) -> None:
    widget = DevicePicker()
    qtbot.addWidget(widget)
    qtmodeltester.check(widget.model)
    widget.set_choices(DEVICES)
    widget.set_choices([])
    qtmodeltester.check(widget.proxy)


def test_every_column_describes_the_device(picker) -> None:
    assert _row(picker, "RAVĢ-2024-002") == [
        "RAVĢ-2024-002", "Windows portatīvais dators", "HP ProBook 450 G10", "5CD3481ŽQ7",
        "Ēdnīcas noliktava", "Pieejams", "Bojāts", "Skrāpējums uz vāka; lādētājs nomainīts"]
    assert _row(picker, "RAVĢ-2024-017")[4:] == ["—", "Pieejams", "—", "—"]
    assert _row(picker, "RAVĢ-2024-003")[5:7] == ["Pieejams", "Darba kārtībā"]
    headers = [picker.table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert headers == ["Inventāra Nr.", "Resursa veids", "Ražotājs un modelis", "Sērijas Nr.",
                       "Atrašanās vieta", "Statuss", "Atgriezts", "Atgriešanas piezīmes"]
    proxy = picker.table.model()
    row = _shown(picker).index("RAVĢ-2024-002")
    for column in (5, 6, 7):  # the condition's cells explain it in full
        tip = proxy.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("Statuss: Pieejams\nPēdējoreiz atgriezts 12.06.2026: Bojāts")
        assert "Piezīmes: Skrāpējums uz vāka;" in tip
    never = proxy.index(_shown(picker).index("RAVĢ-2024-017"), 6)
    assert "Resurss vēl nav bijis izsniegts." in never.data(Qt.ItemDataRole.ToolTipRole)


@pytest.mark.parametrize(("typed", "expected"), [
    ("probook", ["RAVĢ-2024-002", "RAVĢ-2024-017"]),  # by model
    ("HP 450", ["RAVĢ-2024-002", "RAVĢ-2024-017"]),  # every word, any column
    ("5cd3481zq7", ["RAVĢ-2024-002"]),  # by serial, Ž folded
    ("HXQ9", ["RAVĢ-2024-003"]),  # part of a serial
    ("ēdnīc", ["RAVĢ-2024-002"]),  # by location, with diacritics
    ("EDNICAS", ["RAVĢ-2024-002"]),  # and without them, upper case
    ("ravg-2024-00", ["RAVĢ-2024-001", "RAVĢ-2024-002", "RAVĢ-2024-003"]),
    ("bojāts", ["RAVĢ-2024-002"]),  # by the last return's condition
    ("darba kartiba", ["RAVĢ-2024-003"]),
    ("skrāpējums", ["RAVĢ-2024-002"]),  # by the return's notes
])
def test_type_ahead_filters_on_any_column(picker, typed, expected) -> None:
    type_text(picker.filter_edit, typed)
    assert _shown(picker) == expected
    assert picker.current_item_id() is not None
    assert picker.current_choice().inventory_no == expected[0]
    assert picker.count_label.text() == f"{len(expected)} no 4"


def test_nothing_matches_says_so_and_clearing_brings_the_rows_back(qtbot, picker) -> None:
    type_text(picker.filter_edit, "Macbook")
    assert _shown(picker) == []
    assert picker.empty_text() == "Neviens pieejamais resurss neatbilst meklētajam „Macbook“"
    assert not picker.table.isVisible()
    assert picker.current_item_id() is None
    picker.filter_edit.clear()
    assert len(_shown(picker)) == 4
    assert picker.empty_text() == ""
    assert picker.table.isVisible()


def test_no_devices_at_all_is_a_clear_empty_state(qtbot) -> None:
    widget = DevicePicker()
    qtbot.addWidget(widget)
    widget.set_choices([])
    widget.show()
    assert widget.empty_text() == "Nav pieejamu resursu"
    assert widget.current_item_id() is None


def test_preselect_by_the_folded_inventory_number(picker) -> None:
    assert picker.select_inventory_no("RAVG-2024-017")  # what an ASCII scanner types
    assert picker.current_item_id() == "item-17"
    assert picker.select_inventory_no(" ravģ-2024-003 ")
    assert picker.current_item_id() == "item-3"
    assert not picker.select_inventory_no("RAVG-2024-999")
    assert picker.current_item_id() == "item-3"  # a number not offered changes nothing


def test_two_devices_a_scanner_cannot_tell_apart_are_not_guessed(qtbot) -> None:
    widget = DevicePicker()
    qtbot.addWidget(widget)
    widget.set_choices([_device(5, inventory_no="RAVĢ-5"), _device(6, inventory_no="RAVG-5")])
    assert not widget.select_inventory_no("ravg-5")  # which of the two? not a guess
    assert widget.select_inventory_no("RAVG-5")  # letter for letter: that one
    assert widget.current_item_id() == "item-6"
    assert widget.select_inventory_no("RAVĢ-5")
    assert widget.current_item_id() == "item-5"


def test_preselect_clears_a_filter_that_hides_the_device(picker) -> None:
    type_text(picker.filter_edit, "Dell")
    assert picker.select_inventory_no("RAVG-2024-017")
    assert picker.filter_edit.text() == ""
    assert picker.current_item_id() == "item-17"


def test_keyboard_choice_from_the_filter_field(qtbot, picker) -> None:
    picker.filter_edit.setFocus()
    type_text(picker.filter_edit, "hp")
    assert picker.current_item_id() == "item-2"
    QTest.keyClick(picker.filter_edit, Qt.Key.Key_Down)
    assert picker.current_item_id() == "item-17"
    QTest.keyClick(picker.filter_edit, Qt.Key.Key_Down)  # stays on the last one
    assert picker.current_item_id() == "item-17"
    QTest.keyClick(picker.filter_edit, Qt.Key.Key_Up)
    with qtbot.waitSignal(picker.chosen, timeout=1000) as chosen:
        QTest.keyClick(picker.filter_edit, Qt.Key.Key_Return)
    assert chosen.args == ["item-2"]


def test_keyboard_choice_in_the_table(qtbot, picker) -> None:
    picker.table.setFocus()
    QTest.keyClick(picker.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(picker.table, Qt.Key.Key_Up)
    assert picker.current_item_id() == "item-3"
    with qtbot.waitSignal(picker.chosen, timeout=1000) as chosen:
        QTest.keyClick(picker.table, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert chosen.args == ["item-3"]


def test_a_double_click_chooses(qtbot, picker) -> None:
    proxy = picker.table.model()
    index = proxy.index(2, 1)
    rect = picker.table.visualRect(index)
    with qtbot.waitSignal(picker.chosen, timeout=1000) as chosen:
        # what a mouse sends: Qt 6's mouseDClick alone has no first press for item views
        QTest.mouseClick(picker.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QTest.mouseDClick(picker.table.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert chosen.args == [index.data(ItemIdRole)]


def test_enter_with_nothing_to_choose_chooses_nothing(qtbot, picker) -> None:
    type_text(picker.filter_edit, "Macbook")
    with qtbot.assertNotEmitted(picker.chosen):
        QTest.keyClick(picker.filter_edit, Qt.Key.Key_Return)


def test_loads_off_the_gui_thread_and_preselects_the_scanned_device(qtbot) -> None:
    widget = DevicePicker()
    qtbot.addWidget(widget)
    tasks = TaskRunner()
    release = threading.Event()
    threads: list[bool] = []

    def fetch() -> list[DeviceChoice]:
        threads.append(threading.current_thread() is threading.main_thread())
        release.wait(10)
        return DEVICES

    widget.load(tasks, fetch)
    assert widget.empty_text() == "Ielādē pieejamos resursus…"
    assert not widget.select_inventory_no("RAVG-2024-003")  # remembered for the rows
    with qtbot.waitSignal(widget.loaded, timeout=5000) as loaded:
        release.set()
    assert loaded.args == [4]
    assert threads == [False]
    assert widget.current_item_id() == "item-3"
    tasks.shutdown()


def test_a_failed_read_says_why_without_a_traceback(qtbot) -> None:
    widget = DevicePicker()
    qtbot.addWidget(widget)
    tasks = TaskRunner()

    def fetch() -> list[DeviceChoice]:
        raise NotFoundError("application", "Pieteikums", 4711)

    with qtbot.waitSignal(widget.failed, timeout=5000) as failed:
        widget.load(tasks, fetch)
    assert failed.args[0] == widget.empty_text()
    assert "Pieteikums" in failed.args[0] and "Traceback" not in failed.args[0]
    assert widget.current_item_id() is None
    tasks.shutdown()


def test_the_filter_alone_folds_like_the_inbox_search() -> None:
    proxy = FoldedFilter()
    proxy.set_text("  Ģirts  ĻAVIŅŠ ")
    assert proxy._words == ["girts", "lavins"]


def test_at_the_desk_nothing_is_current_until_scanned_typed_or_picked(qtbot) -> None:
    widget = DevicePicker(highlight_first=False)
    qtbot.addWidget(widget)
    widget.set_choices(DEVICES)
    widget.show()
    assert widget.current_item_id() is None
    with qtbot.assertNotEmitted(widget.chosen):
        QTest.keyClick(widget.filter_edit, Qt.Key.Key_Return)
    QTest.keyClick(widget.filter_edit, Qt.Key.Key_Down)  # arrows start at the first
    assert widget.current_item_id() == "item-1"
    widget.set_choices(DEVICES)  # a reload forgets it
    assert widget.current_item_id() is None
    type_text(widget.filter_edit, "dell")  # typing is choosing
    assert widget.current_item_id() == "item-3"
    widget.filter_edit.clear()
    widget.set_choices(DEVICES)
    assert widget.select_inventory_no("RAVG-2024-017")
    assert widget.current_item_id() == "item-17"
