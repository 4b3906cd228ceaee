"""The dialogs of a handover's life beyond the counter: prepare ahead with a pickup
arrangement, change the return deadline, record a loss or theft, close a case, and record an
act signed on paper.

Like ``decision_dialogs``, they only collect and check what the staff member typed; the caller
(``desktop.lifecycle``) runs the operation through the task runner and shows a refusal from the
core with ``show_error``. Where the core has the rule (the pickup arrangement), the dialog asks
the core's own check (``lifecycle.arrangement``, Qt-free and without the store) and shows its
Latvian message beside the form, so the form and the operation never disagree.

Every dialog keeps its OK button disabled until what it needs is there. Files are read only
when chosen, on the GUI thread: they are small (a scan, a photo, a police report: at most
20 MB, checked before reading).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models.commands import MAX_FILE_BYTES
from desktop.models.device_choices import DeviceChoice
from desktop.models.errors import InputError
from desktop.models.lifecycle import NewFile, PickupPlan, arrangement
from desktop.models.wire_dates import FURTHEST_AHEAD
from desktop.views.dates import shown_date
from desktop.views.decision_dialogs import (
    DATE_FORMAT,
    ERROR_COLOUR,
    MAX_REASON,
    MUTED_COLOUR,
    WARNING_COLOUR,
    _buttons,
    _heading,
    _note,
)
from desktop.views.device_picker import DevicePicker
from desktop.views.qt_typed import to_date

TIME_FORMAT = "HH:mm"
PICKUP_STARTS = QTime(9, 0)
PICKUP_ENDS = QTime(15, 0)
# Logical pixels: the device table's columns side by side, and the whole dialog inside
# 1366×768 at 125 % (1093×614) with room for the window's title bar.
PREPARE_DIALOG_SIZE = (1040, 510)
PICKER_MIN_HEIGHT = 150
MAX_ATTACHMENTS = 10  # the same limit as desktop.models.lifecycle.record_incident
# What an attachment may be (the same kinds the core accepts): a PDF, a PNG or a JPEG.
_KINDS = (b"%PDF-", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(minimum: QDate | None = None, maximum: QDate | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    if minimum is not None:
        edit.setMinimumDate(minimum)
    if maximum is not None:
        edit.setMaximumDate(maximum)
    return edit


def _time_edit(value: QTime, accessible: str) -> QTimeEdit:
    edit = QTimeEdit(value)
    edit.setDisplayFormat(TIME_FORMAT)
    edit.setAccessibleName(accessible)
    return edit


def _school_year_end(today: QDate) -> QDate:
    end = QDate(today.year(), 5, 31)
    return end if end >= today else QDate(today.year() + 1, 5, 31)


def _size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))}\u00a0kB"
    return f"{size / (1024 * 1024):.1f}\u00a0MB".replace(".", ",")


def read_attachment(path: Path) -> NewFile:
    """A chosen file as a ``NewFile`` (its base name and bytes), or ``InputError`` with a
    Latvian message: too large (checked before reading), empty, unreadable, or not a PDF, PNG
    or JPEG."""
    # the name is only the document's title (the file is stored under its id): Latvian
    # letters stay, as people named the file; never a folder
    name = path.name.strip()[-120:] or "pielikums"
    too_large = QCoreApplication.translate("lifecycle_dialogs", "Fails {0} ir lielāks par 20 MB")
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError("file", f"{name} is larger than 20 MB", too_large.format(name))
        content = path.read_bytes()
    except OSError:
        raise InputError("file", f"{name} cannot be read", QCoreApplication.translate(
            "lifecycle_dialogs", "Failu {0} neizdevās nolasīt").format(name)) from None
    if not content:
        raise InputError("file", f"{name} is empty", QCoreApplication.translate(
            "lifecycle_dialogs", "Fails {0} ir tukšs").format(name))
    if len(content) > MAX_FILE_BYTES:  # it grew since it was measured
        raise InputError("file", f"{name} is larger than 20 MB", too_large.format(name))
    if not content.startswith(_KINDS):
        raise InputError("file", f"{name} is not a PDF, PNG or JPEG file",
                         QCoreApplication.translate(
                             "lifecycle_dialogs", "Fails {0} nav PDF, PNG vai JPEG fails"
                         ).format(name))
    return NewFile(name, content)


def _pick_files(parent: QWidget, title: str, *, many: bool) -> list[Path]:
    file_filter = QCoreApplication.translate(
        "lifecycle_dialogs", "PDF, PNG vai JPEG (*.pdf *.png *.jpg *.jpeg)")
    if many:
        paths, _ = QFileDialog.getOpenFileNames(parent, title, "", file_filter)
        return [Path(p) for p in paths]
    path, _ = QFileDialog.getOpenFileName(parent, title, "", file_filter)
    return [Path(path)] if path else []


class _Counter(QLabel):
    """"12 / 2000" under a text field, red when over."""

    def show_length(self, length: int) -> None:
        self.setText(f"{length}\u00a0/\u00a0{MAX_REASON}")
        self.setStyleSheet(f"color: {ERROR_COLOUR if length > MAX_REASON else MUTED_COLOUR};")


def _text_edit(accessible: str, height: int = 90) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setAccessibleName(accessible)
    edit.setMinimumHeight(height)
    return edit


def _error_label() -> QLabel:
    label = _note("", ERROR_COLOUR)
    label.setAccessibleName(QCoreApplication.translate("lifecycle_dialogs", "Kļūda"))
    label.hide()
    return label


# -- prepare ahead ---------------------------------------------------------------------------


class PrepareAheadDialog(QDialog):
    """Prepare one granted application (``count`` 1, with the device to reserve chosen from
    ``choices`` if given) or a selection ahead of the visit: where and when they collect it,
    whom to ask, the return deadline, and whether the applicant is told.

    The devices are described in a ``DevicePicker`` (type to filter on any column, arrows to
    move, Enter prepares with the highlighted one); "Resursu izvēlēsies izsniegšanas vietā"
    leaves the device to the desk. ``reserved``: the inventory number of the device already
    reserved for the application (among ``choices``), preselected; leaving the device to the
    desk would still prepare with it, so that choice is not offered then. A selection is
    prepared without devices: the desk picks each one.

    ``previous`` fills the form from the arrangement made last (the same room and hours are
    usual for a whole class); ``today`` is for tests.
    """

    def __init__(
        self,
        label: str,
        count: int,
        choices: Sequence[DeviceChoice] | None,
        default_deadline: date | None,
        default_contact: str,
        parent: QWidget | None = None,
        *,
        previous: PickupPlan | None = None,
        today: date | None = None,
        language: str = "lv",
        reserved: str | None = None,
    ) -> None:
        super().__init__(parent)
        if count > 1:
            # self.tr: lupdate marks plurals (%n) only in a tr() call
            title = self.tr("Sagatavot izsniegšanai %n pieteikumus", "", count)
        else:
            title = self.tr("Sagatavot izsniegšanai")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        qtoday = _qdate(today) if today is not None else QDate.currentDate()
        self._touched: set[str] = set()

        self.heading = _heading(label or self.tr("Atlasīti %n pieteikumi", "", count))
        # the device: only for one application, and only when the caller offers devices
        self.picker: DevicePicker | None = None
        self.no_items: QLabel | None = None
        if count <= 1 and choices is not None:
            self._device_choice(list(choices), language, reserved)

        self.place = QLineEdit(previous.place if previous else "")
        self.place.setPlaceholderText(self.tr("piemēram, Skolas 12. kabinets"))
        self.place.setAccessibleName(self.tr("Saņemšanas vieta"))
        self.place.setMaxLength(200)
        start_day = qtoday.addDays(1)
        start_time, end_time = PICKUP_STARTS, PICKUP_ENDS
        if previous is not None:
            local_start = previous.starts_at.astimezone()
            local_end = previous.ends_at.astimezone()
            start_day = max(qtoday, _qdate(local_start.date()))
            start_time = QTime(local_start.hour, local_start.minute)
            end_time = QTime(local_end.hour, local_end.minute)
        self.day = _date_edit(minimum=qtoday, maximum=qtoday.addDays(FURTHEST_AHEAD.days))
        self.day.setDate(start_day)
        self.day.setAccessibleName(self.tr("Saņemšanas datums"))
        self.time_from = _time_edit(start_time, self.tr("Saņemšanas laiks no"))
        self.time_to = _time_edit(end_time, self.tr("Saņemšanas laiks līdz"))
        self.contact = QLineEdit(previous.contact_person if previous else default_contact)
        self.contact.setAccessibleName(self.tr("Kontaktpersona"))
        self.contact.setPlaceholderText(self.tr("vārds un uzvārds"))
        self.contact.setMaxLength(200)
        self.phone = QLineEdit((previous.contact_phone or "") if previous else "")
        self.phone.setAccessibleName(self.tr("Kontaktpersonas tālrunis"))
        self.phone.setPlaceholderText(self.tr("piemēram, +371 67 000 000 (nav obligāts)"))
        self.phone.setMaxLength(24)
        self.use_deadline = QCheckBox(self.tr("Atgriešanas termiņš:"))
        self.use_deadline.setAccessibleName(self.tr("Noteikt atgriešanas termiņu"))
        self.deadline = _date_edit(minimum=qtoday, maximum=qtoday.addDays(FURTHEST_AHEAD.days))
        self.deadline.setDate(_qdate(default_deadline) if default_deadline is not None
                              else _school_year_end(qtoday))
        self.deadline.setAccessibleName(self.tr("Atgriešanas termiņš"))
        self.use_deadline.setChecked(default_deadline is not None)
        self.no_deadline = _note(self.tr("nav noteikts"))
        self.notify = QCheckBox(self.tr("Paziņot iesniedzējam") if count <= 1
                                else self.tr("Paziņot iesniedzējiem"))
        self.notify.setAccessibleName(self.notify.text())
        self.notify.setChecked(True)
        self.notify_hint = _note(self.tr(
            "Centrālais serviss nosūtīs iesniedzējam saņemšanas vietu, laiku un kontaktus.")
            if count <= 1 else self.tr(
            "Centrālais serviss nosūtīs iesniedzējiem saņemšanas vietu, laiku un kontaktus."))
        self.error_label = _error_label()
        self.buttons, self.ok_button, self.cancel_button = _buttons(self, self.tr("Sagatavot"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addSpacing(6)
        if self.picker is not None and self.no_items is not None:
            layout.addWidget(self.with_item)
            layout.addWidget(self.item_box, 1)
            layout.addWidget(self.no_items)
            layout.addWidget(self.without_item)
            layout.addWidget(self.reserved_note)
            layout.addSpacing(8)
        self._add_pickup_form(layout, wide=bool(choices) and self.picker is not None)
        layout.addWidget(self.notify_hint)
        layout.addWidget(self.error_label)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)

        self._fields: dict[str, QWidget] = {
            "place": self.place, "contact_person": self.contact, "contact_phone": self.phone,
            "arrangement": self.time_from}
        for name, edit in (("place", self.place), ("contact_person", self.contact),
                           ("contact_phone", self.phone)):
            edit.textChanged.connect(self._update)
            edit.editingFinished.connect(lambda name=name: self._touch(name))
        for changed in (self.day.dateChanged, self.time_from.timeChanged,
                        self.time_to.timeChanged):
            changed.connect(self._update)
        self.use_deadline.toggled.connect(self._update)
        self.notify.toggled.connect(self.notify_hint.setVisible)
        self._update()
        if self.picker is not None and choices:
            self.picker.setFocus()  # the one thing that differs from the last arrangement
        else:
            (self.contact if previous is not None and self.place.text() else self.place
             ).setFocus()

    def _device_choice(self, choices: list[DeviceChoice], language: str,
                       reserved: str | None) -> None:
        """The picker between "reserve this device" and "leave it to the desk"."""
        if choices:
            self.resize(*PREPARE_DIALOG_SIZE)
        self.with_item = QRadioButton(self.tr("Rezervēt resursu:"))
        self.with_item.setAccessibleName(self.tr("Rezervēt izvēlēto resursu"))
        self.without_item = QRadioButton(self.tr("Resursu izvēlēsies izsniegšanas vietā"))
        self.without_item.setAccessibleName(self.without_item.text())
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.with_item)
        self.choice.addButton(self.without_item)
        self.picker = DevicePicker(language)
        self.picker.table.setMinimumHeight(PICKER_MIN_HEIGHT)
        self.item_box = QWidget()
        box = QVBoxLayout(self.item_box)
        box.setContentsMargins(22, 0, 0, 0)  # under its radio button
        box.addWidget(self.picker)
        self.no_items = _note(self.tr(
            "Nav pieejamu piemērotu resursu: resursu izvēlēsies izsniegšanas vietā."),
            WARNING_COLOUR)
        self.reserved_note = _note("")
        self.picker.set_choices(choices)
        kept = reserved is not None and self.picker.select_inventory_no(reserved)
        if kept:
            # without a device named, preparing keeps the reserved one (lifecycle.prepare_ahead)
            self.reserved_note.setText(self.tr(
                "Pieteikumam jau rezervēts resurss {0}; to var nomainīt pret citu."
            ).format(reserved))
            self.without_item.setToolTip(self.reserved_note.text())
        self.reserved_note.setVisible(kept)
        self.without_item.setEnabled(not kept)
        has_items = bool(choices)
        self.no_items.setVisible(not has_items)
        self.item_box.setVisible(has_items)
        self.with_item.setEnabled(has_items)
        (self.with_item if has_items else self.without_item).setChecked(True)
        self.with_item.toggled.connect(self._update)
        self.picker.current_changed.connect(lambda _item: self._update())
        self.picker.chosen.connect(self._chosen)

    def _add_pickup_form(self, layout: QVBoxLayout, *, wide: bool) -> None:
        """Where, when and whom to ask: in two columns beside each other under the device
        table (the dialog is wide for it, and a laptop screen is short), else one."""
        first = QFormLayout()
        first.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        second = QFormLayout() if wide else first
        second.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        first.addRow(self._label(self.tr("Saņemšanas &vieta:"), self.place), self.place)
        when = QHBoxLayout()
        when.addWidget(self.day)
        when.addSpacing(8)
        when.addWidget(QLabel(self.tr("no")))
        when.addWidget(self.time_from)
        when.addWidget(QLabel(self.tr("līdz")))
        when.addWidget(self.time_to)
        when.addStretch(1)
        first.addRow(self._label(self.tr("Saņemšanas &laiks:"), self.day), when)
        second.addRow(self._label(self.tr("&Kontaktpersona:"), self.contact), self.contact)
        second.addRow(self._label(self.tr("&Tālrunis:"), self.phone), self.phone)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.deadline)
        deadline_row.addWidget(self.no_deadline)
        deadline_row.addStretch(1)
        first.addRow(self.use_deadline, deadline_row)
        if wide:
            second.addRow(self.notify)
            columns = QHBoxLayout()
            columns.addLayout(first, 1)
            columns.addSpacing(16)
            columns.addLayout(second, 1)
            layout.addLayout(columns)
        else:
            layout.addLayout(first)
            layout.addSpacing(4)
            layout.addWidget(self.notify)

    def _chosen(self, _item_id: str) -> None:
        # Enter or a double click on a device prepares with it; a missing place is named
        self.with_item.setChecked(True)
        self.accept()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _touch(self, name: str) -> None:
        self._touched.add(name)
        self._update()

    def _plan(self) -> PickupPlan:
        day = to_date(self.day.date())
        start, end = self.time_from.time(), self.time_to.time()
        # the hours are the school's (local) time; the plan carries aware datetimes
        starts = datetime(day.year, day.month, day.day, start.hour(), start.minute()).astimezone()
        ends = datetime(day.year, day.month, day.day, end.hour(), end.minute()).astimezone()
        return PickupPlan(place=self.place.text().strip(), starts_at=starts, ends_at=ends,
                          contact_person=self.contact.text().strip(),
                          contact_phone=self.phone.text().strip() or None)

    def problem(self) -> InputError | None:
        """What the core would refuse in the arrangement, or None."""
        try:
            arrangement(self._plan())
        except InputError as exc:
            return exc
        return None

    def _update(self) -> None:
        self.deadline.setEnabled(self.use_deadline.isChecked())
        self.deadline.setVisible(self.use_deadline.isChecked())
        self.no_deadline.setVisible(not self.use_deadline.isChecked())
        if self.picker is not None:
            self.picker.setEnabled(self.with_item.isChecked())
        problem = self.problem()
        self.ok_button.setEnabled(problem is None and not self._device_missing())
        # a field is complained about once the person has left it (the times at once)
        if problem is not None and (problem.field in self._touched
                                    or problem.field not in ("place", "contact_person",
                                                             "contact_phone")):
            self.error_label.setText(problem.message_lv)
            self.error_label.show()
        else:
            self.error_label.hide()

    def show_problem(self, exc: InputError) -> None:
        """Point at the field the core refused, with its Latvian message."""
        self.error_label.setText(exc.message_lv)
        self.error_label.show()
        widget = self._fields.get(exc.field)
        if widget is not None:
            widget.setFocus()

    def _device_missing(self) -> bool:
        """"Reserve a device" is chosen but the filter shows none."""
        return (self.picker is not None and self.with_item.isChecked()
                and self.picker.current_item_id() is None)

    def accept(self) -> None:
        problem = self.problem()
        if problem is not None:
            self._touched.add(problem.field)
            self.show_problem(problem)
            return
        if self._device_missing():
            return
        super().accept()

    def values(self) -> tuple[PickupPlan, str | None, date | None, bool]:
        """(the pickup plan, the device to reserve or None, the return deadline or None,
        whether to notify the applicant)."""
        item_id = None
        if self.picker is not None and self.with_item.isChecked():
            item_id = self.picker.current_item_id()
        deadline = to_date(self.deadline.date()) if self.use_deadline.isChecked() else None
        return self._plan(), item_id, deadline, self.notify.isChecked()


# -- return deadline -------------------------------------------------------------------------


class DeadlineDialog(QDialog):
    """A new return deadline for one handover or ``count`` of them, and whether to tell the
    applicants. ``current`` is the deadline they share now (None: none, or they differ)."""

    def __init__(self, count: int, current: date | None, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mainīt atgriešanas termiņu"))
        self.setMinimumWidth(420)
        qtoday = _qdate(today) if today is not None else QDate.currentDate()
        self._count = count
        self._current = current
        self.heading = _heading(self.tr("Atlasīti %n pieteikumi", "", count) if count > 1 else self.tr("Atgriešanas termiņš"))
        if current is not None:
            now_text = self.tr("Pašreizējais termiņš: {0}").format(shown_date(current))
        elif count > 1:
            now_text = self.tr("Pašreizējie termiņi atšķiras vai nav noteikti.")
        else:
            now_text = self.tr("Pašreizējais termiņš: nav noteikts")
        self.current_label = _note(now_text)
        self.deadline = _date_edit(minimum=qtoday, maximum=qtoday.addDays(FURTHEST_AHEAD.days))
        start = _qdate(current) if current is not None else _school_year_end(qtoday)
        self.deadline.setDate(max(start, qtoday))
        self.deadline.setAccessibleName(self.tr("Jaunais atgriešanas termiņš"))
        self.notify = QCheckBox(self.tr("Paziņot iesniedzējam") if count <= 1
                                else self.tr("Paziņot iesniedzējiem"))
        self.notify.setAccessibleName(self.notify.text())
        self.notify.setChecked(True)
        self.buttons, self.ok_button, self.cancel_button = _buttons(self, self.tr("Mainīt"))

        row = QHBoxLayout()
        new_label = QLabel(self.tr("&Jaunais termiņš:"))
        new_label.setBuddy(self.deadline)
        row.addWidget(new_label)
        row.addWidget(self.deadline)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.current_label)
        layout.addSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.notify)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        self.deadline.dateChanged.connect(self._update)
        self._update()
        self.deadline.setFocus()

    def _update(self) -> None:
        # the same deadline again changes nothing
        self.ok_button.setEnabled(self._current is None
                                  or to_date(self.deadline.date()) != self._current)

    def values(self) -> tuple[date, bool]:
        """(the new deadline, whether to notify the applicants)."""
        return to_date(self.deadline.date()), self.notify.isChecked()


# -- attachments, shared by the incident and the signed act ----------------------------------


class _Files(QWidget):
    """A list of chosen files with "add" and "remove"; at most ``limit``."""

    def __init__(self, add_text: str, title: str, limit: int, accessible: str,
                 error: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._limit = limit
        self._error = error
        self.files: list[NewFile] = []
        self.list = QListWidget()
        self.list.setAccessibleName(accessible)
        self.add_button = QPushButton(add_text)
        self.add_button.setAccessibleName(add_text.rstrip("…"))
        self.remove_button = QPushButton(self.tr("Noņemt"))
        self.remove_button.setAccessibleName(self.tr("Noņemt atlasīto failu"))
        if limit == 1:  # one file: one line as wide as the dialog, the buttons under it
            self.list.setFixedHeight(self.list.fontMetrics().height() + 10)
            column = QVBoxLayout(self)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(self.list)
            under = QHBoxLayout()
            under.addWidget(self.add_button)
            under.addWidget(self.remove_button)
            under.addStretch(1)
            column.addLayout(under)
        else:
            row = QHBoxLayout(self)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(self.list, 1)
            self.list.setMinimumHeight(72)
            self.list.setMaximumHeight(120)
            buttons = QVBoxLayout()
            buttons.addWidget(self.add_button)
            buttons.addWidget(self.remove_button)
            buttons.addStretch(1)
            row.addLayout(buttons)
        self.add_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove_current)
        self.list.currentRowChanged.connect(lambda _row: self._update())
        self._update()

    def _update(self) -> None:
        # one file (a scan): choosing another replaces it
        self.add_button.setEnabled(self._limit == 1 or len(self.files) < self._limit)
        self.remove_button.setEnabled(self.list.currentRow() >= 0)

    def choose(self) -> None:
        for path in _pick_files(self, self._title, many=self._limit > 1):
            if not self.add_path(path):
                break

    def add_path(self, path: Path) -> bool:
        """Read and list ``path``; False (and the reason shown) when it cannot be added."""
        if self._limit > 1 and len(self.files) >= self._limit:
            self._show(self.tr("Ne vairāk kā {0} pielikumi").format(self._limit))
            return False
        try:
            new = read_attachment(path)
        except InputError as exc:
            self._show(exc.message_lv)
            return False
        self.add(new)
        return True

    def add(self, new: NewFile) -> None:
        if any(f.content == new.content for f in self.files):
            return  # the same file chosen twice
        if self._limit == 1:
            self.files.clear()
            self.list.clear()
        self.files.append(new)
        item = QListWidgetItem(f"{new.name} ({_size_text(len(new.content))})")
        item.setToolTip(new.name)
        self.list.addItem(item)
        self.list.setCurrentRow(self.list.count() - 1)
        self._error.hide()
        self._update()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            del self.files[row]
        self._update()

    def _show(self, message: str) -> None:
        self._error.setText(message)
        self._error.show()


# -- loss or theft ---------------------------------------------------------------------------


class IncidentDialog(QDialog):
    """Record a loss or theft the school was told of (a parent phoned, a police report came):
    what happened, when, a description, and files such as the police report."""

    def __init__(self, label: str, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reģistrēt nozaudēšanu vai zādzību"))
        self.setMinimumWidth(540)
        qtoday = _qdate(today) if today is not None else QDate.currentDate()
        self.heading = _heading(label)
        self.lost = QRadioButton(self.tr("Nozaudēts"))
        self.lost.setAccessibleName(self.tr("Resurss nozaudēts"))
        self.stolen = QRadioButton(self.tr("Nozagts"))
        self.stolen.setAccessibleName(self.tr("Resurss nozagts"))
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.lost)
        self.kind.addButton(self.stolen)
        self.occurred_on = _date_edit(maximum=qtoday)
        self.occurred_on.setMinimumDate(qtoday.addYears(-5))
        self.occurred_on.setDate(qtoday)
        self.occurred_on.setAccessibleName(self.tr("Notikuma datums"))
        self.description = _text_edit(self.tr("Kas notika"), 100)
        self.description.setPlaceholderText(self.tr(
            "Kur un kā resurss pazuda, kas par to ziņoja"))
        self.counter = _Counter()
        self.error_label = _error_label()
        self.attachments = _Files(self.tr("Pievienot failu…"), self.tr("Pielikums"),
                                  MAX_ATTACHMENTS, self.tr("Pielikumi"), self.error_label)
        self.buttons, self.ok_button, self.cancel_button = _buttons(self, self.tr("Reģistrēt"))

        kind_row = QHBoxLayout()
        kind_row.addWidget(self.lost)
        kind_row.addWidget(self.stolen)
        kind_row.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Kas noticis:"), kind_row)
        day_label = QLabel(self.tr("Notikuma &datums:"))
        day_label.setBuddy(self.occurred_on)
        form.addRow(day_label, self.occurred_on)
        description_label = QLabel(self.tr("&Apraksts:"))
        description_label.setBuddy(self.description)
        attachments_label = QLabel(self.tr("Pielikumi (piemēram, policijas izziņa), "
                                           "PDF, PNG vai JPEG līdz 20 MB:"))
        attachments_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(description_label)
        layout.addWidget(self.description, 1)
        layout.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(attachments_label)
        layout.addWidget(self.attachments)
        layout.addWidget(self.error_label)
        layout.addWidget(_note(self.tr(
            "Resurss uzreiz kļūs nozaudēts vai nozagts; ziņojums tiks uzskatīts par "
            "apstiprinātu.")))
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        self.kind.buttonToggled.connect(lambda *_: self._update())
        self.description.textChanged.connect(self._update)
        self._update()
        self.lost.setFocus()

    def _text(self) -> str:
        return self.description.toPlainText().strip()

    def _update(self) -> None:
        length = len(self._text())
        self.counter.show_length(length)
        self.ok_button.setEnabled(self.kind.checkedButton() is not None
                                  and 0 < length <= MAX_REASON)

    def add_file(self, path: Path) -> bool:
        """Attach ``path`` (as "Pievienot failu…" does once a file is chosen)."""
        return self.attachments.add_path(path)

    def keyPressEvent(self, event: Any) -> None:
        # Enter outside the description must not record a half-written report
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def values(self) -> tuple[bool, str, date, list[NewFile]]:
        """(lost: True, stolen: False; the description; the day it happened; the files)."""
        return (self.lost.isChecked(), self._text(), to_date(self.occurred_on.date()),
                list(self.attachments.files))


# -- closing a case --------------------------------------------------------------------------


class CloseCaseDialog(QDialog):
    """Close a lost or stolen case, with optional notes."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Slēgt lietu"))
        self.setMinimumWidth(460)
        self.heading = _heading(label)
        self.explanation = _note(self.tr(
            "Lieta tiks slēgta; dati tiks dzēsti pēc 25 mēnešiem."), WARNING_COLOUR)
        notes_label = QLabel(self.tr("&Piezīmes (nav obligātas):"))
        self.notes_edit = _text_edit(self.tr("Piezīmes"), 80)
        notes_label.setBuddy(self.notes_edit)
        self.counter = _Counter()
        self.buttons, self.ok_button, self.cancel_button = _buttons(self, self.tr("Slēgt lietu"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addSpacing(6)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes_edit, 1)
        layout.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignRight)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        self.notes_edit.textChanged.connect(self._update)
        self._update()
        self.notes_edit.setFocus()

    def _update(self) -> None:
        length = len(self.notes_edit.toPlainText().strip())
        self.counter.show_length(length)
        self.ok_button.setEnabled(length <= MAX_REASON)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # closing a case is never an accident of the Enter key
            return
        super().keyPressEvent(event)

    def notes(self) -> str | None:
        """The notes, trimmed; None when there are none."""
        return self.notes_edit.toPlainText().strip() or None


# -- signed on paper -------------------------------------------------------------------------


class SignOnPaperDialog(QDialog):
    """The applicant signed the printed act at the desk: record it, with a scan of the
    signed page if there is one. The device becomes issued."""

    def __init__(self, label: str, act_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Parakstīts uz papīra"))
        self.setMinimumWidth(500)
        self.heading = _heading(label)
        self.act_label = _note(self.tr("Izdrukātais pieņemšanas-nodošanas akts Nr. {0}")
                               .format(act_number))
        self.signed = QCheckBox(self.tr("Iesniedzējs parakstīja izdrukāto aktu"))
        self.signed.setAccessibleName(self.tr("Iesniedzējs parakstīja izdrukāto aktu"))
        self.error_label = _error_label()
        self.scan_files = _Files(self.tr("Pievienot skenējumu…"),
                                 self.tr("Parakstītā akta skenējums"), 1,
                                 self.tr("Parakstītā akta skenējums"), self.error_label)
        scan_label = QLabel(self.tr("Parakstītās lapas skenējums (nav obligāts):"))
        self.buttons, self.ok_button, self.cancel_button = _buttons(
            self, self.tr("Reģistrēt izsniegšanu"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.act_label)
        layout.addSpacing(6)
        layout.addWidget(self.signed)
        layout.addSpacing(4)
        layout.addWidget(scan_label)
        layout.addWidget(self.scan_files)
        layout.addWidget(self.error_label)
        layout.addWidget(_note(self.tr(
            "Resurss tiks atzīmēts kā izsniegts, un akts tiks pievienots pieteikumam.")))
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        self.signed.toggled.connect(self.ok_button.setEnabled)
        self.ok_button.setEnabled(False)
        self.signed.setFocus()

    def add_scan(self, path: Path) -> bool:
        """Attach the scan at ``path`` (as "Pievienot skenējumu…" does once it is chosen)."""
        return self.scan_files.add_path(path)

    def scan(self) -> NewFile | None:
        """The scan of the signed page, or None."""
        return self.scan_files.files[0] if self.scan_files.files else None
