"""The dialogs of a handover's life beyond the counter: prepare ahead, return deadline, loss or
theft, closing a case, signed on paper. What they return, that OK waits for what is needed, and
that a value the core would refuse is named with the core's Latvian message."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
)

from desktop.models.codes import ItemStatus, ReturnCondition
from desktop.models.commands import MAX_FILE_BYTES
from desktop.models.device_choices import DeviceChoice
from desktop.models.lifecycle import NewFile, PickupPlan
from desktop.settings import (
    SettingError,
    SettingsStore,
    check_return_deadline_day,
    next_return_deadline,
)
from desktop.views.lifecycle_dialogs import (
    CloseCaseDialog,
    DeadlineDialog,
    IncidentDialog,
    PrepareAheadDialog,
    SignOnPaperDialog,
)
from desktop.views.settings_dialog import SettingsDialog
from qt_helpers import type_text

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

TODAY = date(2026, 9, 1)
LABEL = "P-2026-000109 · Jānis Bērziņš"
PDF = "%PDF-1.4\n% Policijas izziņa par zādzību\n".encode()
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
Accepted = QDialog.DialogCode.Accepted
# 1366×768 at 125 %: what a dialog may take, in the logical pixels Qt lays out in
SCREEN = (1366 / 1.25, 768 / 1.25)


def _open(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _fits(dialog: QDialog) -> None:
    hint = dialog.sizeHint().expandedTo(dialog.minimumSizeHint())
    assert hint.width() <= SCREEN[0] and hint.height() <= SCREEN[1], hint


def _every_input_is_named(dialog: QDialog) -> None:
    inputs = [*dialog.findChildren(QLineEdit), *dialog.findChildren(QComboBox),
              *dialog.findChildren(QDateEdit), *dialog.findChildren(QPlainTextEdit),
              *dialog.findChildren(QListWidget),
              *(b for b in dialog.findChildren(QAbstractButton) if b.isCheckable())]
    # the line edits inside date, time and combo boxes belong to them
    inputs = [w for w in inputs if not isinstance(w.parent(), QAbstractSpinBox | QComboBox)]
    unnamed = [type(w).__name__ for w in inputs if not w.accessibleName()]
    assert not unnamed, unnamed


# --- prepare ahead --------------------------------------------------------------------------


def _device(n: int, **kw) -> DeviceChoice:
    values = dict(item_id=f"item-{n}", inventory_no=f"RAVĢ-2024-{n:03d}",
                  kind_code="windows_laptop", kind_label="Windows portatīvais dators",
                  manufacturer="Lenovo", model="ThinkPad E14", serial_no=f"PF4K{n:04d}",
                  location="IT kabinets, skapis Nr. 3", status=ItemStatus.AVAILABLE,
                  last_return_condition=None, last_returned_at=None, last_return_notes=None)
    values.update(kw)
    return DeviceChoice(**values)


DEVICES = [
    _device(1),
    _device(7, manufacturer="HP", model="ProBook 450 G10", serial_no="5CD3481ŽQ7",
            location="Ēdnīcas noliktava", last_return_condition=ReturnCondition.DAMAGED,
            last_returned_at=datetime(2026, 6, 12, 9, 0, tzinfo=UTC),
            last_return_notes="Skrāpējums uz vāka"),
    _device(11, manufacturer="Dell", model="Latitude 3440", serial_no="HXQ9C94",
            location="Bibliotēka, 2. stāvs"),
]
PLACE = "Skolas 12. kabinets (2. stāvā)"


def _prepare(qtbot, **kwargs) -> PrepareAheadDialog:
    args = {"label": LABEL, "count": 1, "choices": DEVICES,
            "default_deadline": date(2027, 5, 31), "default_contact": "Ilze Ozoliņa",
            "today": TODAY} | kwargs
    return _open(qtbot, PrepareAheadDialog(**args))


def _shown(dialog: PrepareAheadDialog) -> list[list[str]]:
    assert dialog.picker is not None
    table = dialog.picker.table.model()
    return [[table.index(r, c).data() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_prepare_one_with_a_device_and_the_pickup(qtbot) -> None:
    dialog = _prepare(qtbot)
    assert dialog.windowTitle() == "Sagatavot izsniegšanai"
    assert dialog.heading.text() == LABEL
    assert dialog.ok_button.text() == "Sagatavot"
    assert dialog.with_item.isChecked() and dialog.without_item.isEnabled()
    assert dialog.without_item.text() == "Resursu izvēlēsies izsniegšanas vietā"
    assert not dialog.ok_button.isEnabled()  # no place yet
    assert dialog.notify.isChecked() and dialog.notify.text() == "Paziņot iesniedzējam"

    type_text(dialog.place, PLACE)
    dialog.phone.setText("67 000 000")
    assert dialog.picker is not None
    dialog.picker.table.selectRow(2)
    dialog.day.setDate(QDate(2026, 9, 3))
    dialog.time_from.setTime(QTime(8, 30))
    dialog.time_to.setTime(QTime(16, 0))
    assert dialog.ok_button.isEnabled()

    plan, item_id, deadline, notify = dialog.values()
    assert plan == PickupPlan(PLACE, datetime(2026, 9, 3, 8, 30).astimezone(),
                              datetime(2026, 9, 3, 16, 0).astimezone(),
                              "Ilze Ozoliņa", "67 000 000")
    assert plan.starts_at.tzinfo is not None  # local time, aware
    assert (item_id, deadline, notify) == ("item-11", date(2027, 5, 31), True)
    dialog.ok_button.click()
    assert dialog.result() == Accepted


def test_prepare_describes_every_device(qtbot) -> None:
    dialog = _prepare(qtbot)
    assert _shown(dialog) == [
        ["RAVĢ-2024-001", "Windows portatīvais dators", "Lenovo ThinkPad E14", "PF4K0001",
         "IT kabinets, skapis Nr. 3", "Pieejams", "—", "—"],
        ["RAVĢ-2024-007", "Windows portatīvais dators", "HP ProBook 450 G10", "5CD3481ŽQ7",
         "Ēdnīcas noliktava", "Pieejams", "Bojāts", "Skrāpējums uz vāka"],
        ["RAVĢ-2024-011", "Windows portatīvais dators", "Dell Latitude 3440", "HXQ9C94",
         "Bibliotēka, 2. stāvs", "Pieejams", "—", "—"]]
    assert dialog.focusWidget() is dialog.picker.filter_edit  # the device first


def test_type_ahead_then_enter_prepares_with_the_chosen_device(qtbot) -> None:
    dialog = _prepare(qtbot, previous=PickupPlan(
        PLACE, datetime(2026, 9, 2, 10, 0).astimezone(),
        datetime(2026, 9, 2, 12, 0).astimezone(), "Ģirts Ķuzis"))
    assert dialog.picker is not None
    type_text(dialog.picker.filter_edit, "ēdnīc")  # the location, with its diacritics
    assert [row[0] for row in _shown(dialog)] == ["RAVĢ-2024-007"]
    dialog.picker.filter_edit.clear()
    type_text(dialog.picker.filter_edit, "latitude")
    QTest.keyClick(dialog.picker.filter_edit, Qt.Key.Key_Return)
    assert dialog.result() == Accepted
    assert dialog.values()[1] == "item-11"


def test_arrows_move_through_the_devices_and_enter_waits_for_the_place(qtbot) -> None:
    dialog = _prepare(qtbot)
    assert dialog.picker is not None
    type_text(dialog.picker.filter_edit, "ravg-2024")  # the label without its Ģ
    QTest.keyClick(dialog.picker.filter_edit, Qt.Key.Key_Down)
    QTest.keyClick(dialog.picker.filter_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != Accepted  # no place yet
    assert dialog.error_label.text() == "Norādiet saņemšanas vietu (līdz 200 rakstzīmēm)"
    assert dialog.focusWidget() is dialog.place
    type_text(dialog.place, PLACE)
    QTest.keyClick(dialog.place, Qt.Key.Key_Return)  # the default button
    assert dialog.result() == Accepted
    assert dialog.values()[1] == "item-7"


def test_leave_the_device_to_the_desk(qtbot) -> None:
    dialog = _prepare(qtbot, default_deadline=None)
    assert not dialog.use_deadline.isChecked()
    assert dialog.no_deadline.text() == "nav noteikts"
    dialog.place.setText("Bibliotēka")
    dialog.without_item.setChecked(True)
    assert dialog.picker is not None and not dialog.picker.isEnabled()
    dialog.notify.setChecked(False)
    plan, item_id, deadline, notify = dialog.values()
    assert (item_id, deadline, notify) == (None, None, False)
    assert plan.contact_phone is None
    assert dialog.ok_button.isEnabled()
    dialog.use_deadline.setChecked(True)
    assert dialog.values()[2] == date(2027, 5, 31)  # the school year's end is offered


def test_the_reserved_device_is_preselected_and_kept(qtbot) -> None:
    reserved = _device(21, status=ItemStatus.RESERVED, location="Direktora kabinets")
    dialog = _prepare(qtbot, choices=[*DEVICES, reserved], reserved="RAVĢ-2024-021")
    assert dialog.picker is not None
    assert dialog.picker.current_item_id() == "item-21"
    assert _shown(dialog)[-1][4:6] == ["Direktora kabinets", "Rezervēts"]
    # preparing without a device would keep the reserved one: not offered as if it did not
    assert not dialog.without_item.isEnabled()
    assert "RAVĢ-2024-021" in dialog.reserved_note.text()
    dialog.place.setText(PLACE)
    assert dialog.values()[1] == "item-21"


def test_prepare_a_selection_has_no_device_choice(qtbot) -> None:
    dialog = _prepare(qtbot, label="", count=3, choices=None)
    assert dialog.windowTitle() == "Sagatavot izsniegšanai 3 pieteikumus"
    assert dialog.heading.text() == "Atlasīti 3 pieteikumi"
    assert dialog.picker is None
    dialog.place.setText("Aktu zāle")
    assert dialog.values()[1] is None
    assert _prepare(qtbot, label="", count=21, choices=None).heading.text() == \
        "Atlasīts 21 pieteikums"


def test_prepare_with_no_devices_to_offer_says_so(qtbot) -> None:
    dialog = _prepare(qtbot, choices=[])
    assert dialog.no_items is not None and dialog.no_items.isVisible()
    assert "Nav pieejamu piemērotu resursu" in dialog.no_items.text()
    assert dialog.without_item.isChecked() and not dialog.with_item.isEnabled()
    dialog.place.setText(PLACE)
    assert dialog.ok_button.isEnabled() and dialog.values()[1] is None


def test_a_bad_phone_shows_the_cores_message_and_keeps_ok_disabled(qtbot) -> None:
    dialog = _prepare(qtbot)
    dialog.place.setText("Skolas 12. kabinets")
    dialog.phone.setText("12")
    assert not dialog.ok_button.isEnabled()
    assert not dialog.error_label.isVisible()  # not until the person leaves the field
    dialog.phone.editingFinished.emit()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == \
        "Tālruņa numurs: 8 līdz 15 cipari, piemēram, +37167000000"
    dialog.accept()  # Enter, too, is refused with the message
    assert dialog.isVisible() and dialog.result() != Accepted
    assert dialog.focusWidget() is dialog.phone
    dialog.phone.setText("+371 2000 0000")
    assert dialog.ok_button.isEnabled() and not dialog.error_label.isVisible()


def test_an_emptied_place_shows_the_cores_message(qtbot) -> None:
    dialog = _prepare(qtbot)
    dialog.place.setText("Skolas 12. kabinets")
    dialog.place.setText("   ")
    dialog.place.editingFinished.emit()
    assert not dialog.ok_button.isEnabled()
    assert dialog.error_label.text() == "Norādiet saņemšanas vietu (līdz 200 rakstzīmēm)"
    dialog.contact.setText("")
    dialog.place.setText("Skolas 12. kabinets")
    dialog.contact.editingFinished.emit()
    assert dialog.error_label.text() == \
        "Norādiet skolas kontaktpersonu (līdz 200 rakstzīmēm)"


def test_a_pickup_that_ends_before_it_starts_is_named_at_once(qtbot) -> None:
    dialog = _prepare(qtbot)
    dialog.place.setText("Skolas 12. kabinets")
    dialog.time_to.setTime(QTime(8, 0))
    assert not dialog.ok_button.isEnabled()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text().startswith("Saņemšanas laikam jābeidzas pēc tā sākuma")


def test_prepare_remembers_the_previous_arrangement(qtbot) -> None:
    previous = PickupPlan("Skolas 12. kabinets", datetime(2026, 9, 2, 10, 0).astimezone(),
                          datetime(2026, 9, 2, 12, 30).astimezone(), "Ģirts Ķuzis",
                          "+37167000000")
    dialog = _prepare(qtbot, previous=previous)
    plan = dialog.values()[0]
    assert plan == previous
    assert dialog.ok_button.isEnabled()
    selection = _prepare(qtbot, label="", count=4, choices=None, previous=previous)
    assert selection.focusWidget() is selection.contact  # the place is already there


def test_prepare_dialog_names_every_input_and_fits_the_screen(qtbot) -> None:
    many = [_device(n, location="IT kabinets, skapis Nr. 1",
                    last_return_notes="Lādētājs nomainīts; taustiņš „Ē“ atjaunots")
            for n in range(1, 30)]
    for dialog in (_prepare(qtbot), _prepare(qtbot, choices=many),
                   _prepare(qtbot, label="", count=4, choices=None)):
        _every_input_is_named(dialog)
        _fits(dialog)
        if dialog.picker is not None:  # every column in view, none cut to "…"
            header = dialog.picker.table.horizontalHeader()
            assert header.length() <= dialog.picker.table.viewport().width()


# --- return deadline ------------------------------------------------------------------------


def test_deadline_for_one_waits_for_a_new_date(qtbot) -> None:
    dialog = _open(qtbot, DeadlineDialog(1, date(2027, 5, 31), today=TODAY))
    assert dialog.windowTitle() == "Mainīt atgriešanas termiņu"
    assert dialog.current_label.text() == "Pašreizējais termiņš: 31.05.2027"
    assert not dialog.ok_button.isEnabled()  # the same date changes nothing
    dialog.deadline.setDate(QDate(2027, 6, 14))
    assert dialog.ok_button.isEnabled()
    dialog.notify.setChecked(False)
    assert dialog.values() == (date(2027, 6, 14), False)
    _every_input_is_named(dialog)
    _fits(dialog)


def test_deadline_for_a_selection(qtbot) -> None:
    dialog = _open(qtbot, DeadlineDialog(2, None, today=TODAY))
    assert dialog.heading.text() == "Atlasīti 2 pieteikumi"
    assert "atšķiras" in dialog.current_label.text()
    assert dialog.ok_button.isEnabled()
    assert dialog.values() == (date(2027, 5, 31), True)
    assert dialog.deadline.minimumDate() == QDate(2026, 9, 1)  # never in the past


# --- loss or theft --------------------------------------------------------------------------


def test_incident_waits_for_what_happened_and_a_description(qtbot, tmp_path: Path) -> None:
    dialog = _open(qtbot, IncidentDialog(LABEL, today=TODAY))
    assert dialog.windowTitle() == "Reģistrēt nozaudēšanu vai zādzību"
    assert not dialog.ok_button.isEnabled()
    dialog.stolen.setChecked(True)
    assert not dialog.ok_button.isEnabled()
    type_text(dialog.description, "Soma ar datoru nozagta autobusā Nr. 22; māte ziņoja pa "
                                  "tālruni, policijā iesniegts iesniegums.")
    assert dialog.ok_button.isEnabled()
    assert dialog.occurred_on.maximumDate() == QDate(2026, 9, 1)  # never in the future
    dialog.occurred_on.setDate(QDate(2026, 8, 28))
    report = tmp_path / "izziņa-policijai.pdf"
    report.write_bytes(PDF)
    assert dialog.add_file(report)
    assert dialog.attachments.list.item(0).text() == "izziņa-policijai.pdf (1\u00a0kB)"

    lost, text, occurred_on, files = dialog.values()
    assert lost is False
    assert text.startswith("Soma ar datoru nozagta")
    assert occurred_on == date(2026, 8, 28)
    assert files == [NewFile("izziņa-policijai.pdf", PDF)]
    _every_input_is_named(dialog)
    _fits(dialog)


def test_incident_files_are_chosen_checked_and_removed(qtbot, tmp_path: Path,
                                                       monkeypatch) -> None:
    dialog = _open(qtbot, IncidentDialog(LABEL, today=TODAY))
    photo = tmp_path / "foto-ķēde.png"
    photo.write_bytes(PNG)
    text = tmp_path / "piezīmes.txt"
    text.write_text("nav attēls", encoding="utf-8")
    huge = tmp_path / "skenējums.pdf"
    with huge.open("wb") as f:  # sparse: measured, never read
        f.truncate(MAX_FILE_BYTES + 1)
    monkeypatch.setattr("desktop.views.lifecycle_dialogs.QFileDialog.getOpenFileNames",
                        lambda *args: ([str(photo)], ""))
    dialog.attachments.add_button.click()
    assert [f.name for f in dialog.values()[3]] == ["foto-ķēde.png"]

    assert not dialog.add_file(text)
    assert dialog.error_label.text() == "Fails piezīmes.txt nav PDF, PNG vai JPEG fails"
    assert not dialog.add_file(huge)
    assert dialog.error_label.text() == "Fails skenējums.pdf ir lielāks par 20 MB"
    assert not dialog.add_file(tmp_path / "nav-tāda.pdf")
    assert "neizdevās nolasīt" in dialog.error_label.text()
    assert len(dialog.values()[3]) == 1

    dialog.attachments.list.setCurrentRow(0)
    dialog.attachments.remove_button.click()
    assert dialog.values()[3] == []
    assert not dialog.attachments.remove_button.isEnabled()


def test_incident_takes_at_most_ten_files(qtbot, tmp_path: Path) -> None:
    dialog = _open(qtbot, IncidentDialog(LABEL, today=TODAY))
    for n in range(10):
        path = tmp_path / f"lapa-{n}.pdf"
        path.write_bytes(PDF + bytes([n]))
        assert dialog.add_file(path)
    assert not dialog.attachments.add_button.isEnabled()
    extra = tmp_path / "vienpadsmitā.pdf"
    extra.write_bytes(PDF + b"11")
    assert not dialog.add_file(extra)
    assert dialog.error_label.text() == "Ne vairāk kā 10 pielikumi"


# --- closing a case -------------------------------------------------------------------------


def test_close_case_explains_and_takes_optional_notes(qtbot) -> None:
    dialog = _open(qtbot, CloseCaseDialog(LABEL))
    assert dialog.windowTitle() == "Slēgt lietu"
    assert dialog.explanation.text() == "Lieta tiks slēgta; dati tiks dzēsti pēc 25 mēnešiem."
    assert dialog.ok_button.isEnabled() and dialog.notes() is None
    type_text(dialog.notes_edit, "  Policija lietu izbeidza; ģimene kompensēja zaudējumus.  ")
    assert dialog.notes() == "Policija lietu izbeidza; ģimene kompensēja zaudējumus."
    dialog.notes_edit.setPlainText("ž" * 2001)
    assert not dialog.ok_button.isEnabled()
    _every_input_is_named(dialog)
    _fits(dialog)


# --- signed on paper ------------------------------------------------------------------------


def test_sign_on_paper_waits_for_the_confirmation_and_takes_a_scan(
        qtbot, tmp_path: Path, monkeypatch) -> None:
    dialog = _open(qtbot, SignOnPaperDialog(LABEL, "P-2026-000109-A1"))
    assert dialog.windowTitle() == "Parakstīts uz papīra"
    assert "P-2026-000109-A1" in dialog.act_label.text()
    assert not dialog.ok_button.isEnabled()
    dialog.signed.click()
    assert dialog.ok_button.isEnabled()
    assert dialog.scan() is None

    scan = tmp_path / "parakstītā-lapa.png"
    scan.write_bytes(PNG)
    monkeypatch.setattr("desktop.views.lifecycle_dialogs.QFileDialog.getOpenFileName",
                        lambda *args: (str(scan), ""))
    dialog.scan_files.add_button.click()
    assert dialog.scan() == NewFile("parakstītā-lapa.png", PNG)
    other = tmp_path / "otrā-lapa.pdf"
    other.write_bytes(PDF)
    assert dialog.add_scan(other)  # one scan: the new one replaces it
    assert dialog.scan() == NewFile("otrā-lapa.pdf", PDF)
    assert dialog.scan_files.list.count() == 1
    _every_input_is_named(dialog)
    _fits(dialog)


@pytest.mark.skipif(os.name == "nt", reason="file modes")
def test_an_unreadable_scan_is_refused_in_latvian(qtbot, tmp_path: Path) -> None:
    dialog = _open(qtbot, SignOnPaperDialog(LABEL, "P-2026-000109-A1"))
    empty = tmp_path / "tukšs.pdf"
    empty.write_bytes(b"")
    assert not dialog.add_scan(empty)
    assert dialog.error_label.text() == "Fails tukšs.pdf ir tukšs"
    assert dialog.scan() is None


# --- the workstation's return deadline (settings) -------------------------------------------


@pytest.mark.parametrize(("typed", "stored"), [
    ("31.05.", "31.05."), ("31.5", "31.05."), (" 1.9. ", "01.09."), ("29.02.", "29.02.")])
def test_the_return_deadline_day_is_stored_as_day_and_month(typed: str, stored: str) -> None:
    assert check_return_deadline_day(typed) == stored


@pytest.mark.parametrize("typed", ["", "31.06.", "32.01.", "0.5.", "31/05", "maijs"])
def test_a_bad_return_deadline_day_is_refused_in_latvian(typed: str) -> None:
    with pytest.raises(SettingError) as caught:
        check_return_deadline_day(typed)
    assert caught.value.field == "return_deadline_day"
    assert caught.value.message_lv == \
        "Atgriešanas termiņam jābūt dienai un mēnesim, piemēram, 31.05."


def test_the_next_return_deadline_is_on_or_after_today() -> None:
    assert next_return_deadline("31.05.", date(2026, 5, 31)) == date(2026, 5, 31)
    assert next_return_deadline("31.05.", date(2026, 6, 1)) == date(2027, 5, 31)
    assert next_return_deadline("15.06.", date(2026, 1, 10)) == date(2026, 6, 15)
    assert next_return_deadline("29.02.", date(2026, 3, 1)) == date(2027, 2, 28)
    assert next_return_deadline("29.02.", date(2027, 3, 1)) == date(2028, 2, 29)


def test_the_settings_keep_the_return_deadline_day(qtbot, tmp_path: Path) -> None:
    store = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert store.load().return_deadline_day == "31.05."
    dialog = SettingsDialog(store.load(), store.save, default_data_dir="/home/ilze/Resursi")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.return_deadline_day.setText("31.13.")
    dialog._accept()
    assert dialog.saved is None and dialog.message.text().startswith("Atgriešanas termiņam")
    assert dialog.focusWidget() is dialog.return_deadline_day
    dialog.return_deadline_day.setText("14.6")
    with qtbot.waitSignal(dialog.accepted):
        dialog._accept()
    assert store.load().return_deadline_day == "14.06."
    store.qsettings.setValue("settings/return_deadline_day", "jūnija vidus")
    assert store.load().return_deadline_day == "31.05."  # a damaged value: the default
