"""The dialogs of a handover's life beyond the counter: prepare ahead, return deadline, loss or
theft, closing a case, signed on paper. What they return, that OK waits for what is needed, and
that a value the core would refuse is named with the core's Latvian message."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, QTime
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

from desktop.models.commands import MAX_FILE_BYTES
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
ITEMS = [("item-1", "INV-1001 · Lenovo ThinkPad E14"), ("item-2", "INV-1002 · Dell Latitude")]
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


def _prepare(qtbot, **kwargs) -> PrepareAheadDialog:
    args = {"label": LABEL, "count": 1, "items": ITEMS, "default_deadline": date(2027, 5, 31),
            "default_contact": "Ilze Ozoliņa", "today": TODAY} | kwargs
    return _open(qtbot, PrepareAheadDialog(**args))


def test_prepare_one_with_a_device_and_the_pickup(qtbot) -> None:
    dialog = _prepare(qtbot)
    assert dialog.windowTitle() == "Sagatavot izsniegšanai"
    assert dialog.heading.text() == LABEL
    assert dialog.ok_button.text() == "Sagatavot"
    combo = dialog.item_combo
    assert combo is not None
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "— izvēlēsies izsniegšanas vietā —", *(text for _id, text in ITEMS)]
    assert not dialog.ok_button.isEnabled()  # no place yet
    assert dialog.notify.isChecked() and dialog.notify.text() == "Paziņot iesniedzējam"

    type_text(dialog.place, "Skolas 12. kabinets (2. stāvā)")
    dialog.phone.setText("67 000 000")
    combo.setCurrentIndex(2)
    dialog.day.setDate(QDate(2026, 9, 3))
    dialog.time_from.setTime(QTime(8, 30))
    dialog.time_to.setTime(QTime(16, 0))
    assert dialog.ok_button.isEnabled()

    plan, item_id, deadline, notify = dialog.values()
    assert plan == PickupPlan("Skolas 12. kabinets (2. stāvā)",
                              datetime(2026, 9, 3, 8, 30).astimezone(),
                              datetime(2026, 9, 3, 16, 0).astimezone(),
                              "Ilze Ozoliņa", "67 000 000")
    assert plan.starts_at.tzinfo is not None  # local time, aware
    assert (item_id, deadline, notify) == ("item-2", date(2027, 5, 31), True)
    dialog.ok_button.click()
    assert dialog.result() == Accepted


def test_prepare_without_a_device_deadline_or_notice(qtbot) -> None:
    dialog = _prepare(qtbot, default_deadline=None)
    assert not dialog.use_deadline.isChecked()
    assert dialog.no_deadline.text() == "nav noteikts"
    dialog.place.setText("Bibliotēka")
    dialog.notify.setChecked(False)
    plan, item_id, deadline, notify = dialog.values()
    assert (item_id, deadline, notify) == (None, None, False)
    assert plan.contact_phone is None
    dialog.use_deadline.setChecked(True)
    assert dialog.values()[2] == date(2027, 5, 31)  # the school year's end is offered


def test_prepare_a_selection_has_no_device_choice(qtbot) -> None:
    dialog = _prepare(qtbot, label="", count=3, items=None)
    assert dialog.windowTitle() == "Sagatavot izsniegšanai 3 pieteikumus"
    assert dialog.heading.text() == "Atlasīti 3 pieteikumi"
    assert dialog.item_combo is None
    dialog.place.setText("Aktu zāle")
    assert dialog.values()[1] is None
    assert _prepare(qtbot, label="", count=21, items=None).heading.text() == \
        "Atlasīts 21 pieteikums"


def test_prepare_with_no_devices_to_offer_says_so(qtbot) -> None:
    dialog = _prepare(qtbot, items=[])
    assert dialog.no_items is not None
    assert "Nav pieejamu piemērotu resursu" in dialog.no_items.text()
    assert dialog.item_combo is not None and dialog.item_combo.count() == 1


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


def test_prepare_dialog_names_every_input_and_fits_the_screen(qtbot) -> None:
    for dialog in (_prepare(qtbot), _prepare(qtbot, label="", count=4, items=None)):
        _every_input_is_named(dialog)
        _fits(dialog)


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
