"""The dialogs that ask for a decision's details: grant, refuse, defer; and ``show_error``.

The dialogs only collect and check what the staff member typed; the caller runs the decision
(``desktop.models.decisions`` / ``desktop.models.bulk``) through the task runner and shows a
refusal from the core with ``show_error``. The grant dialog offers the devices the grant rule
allows, described (``device_choices``), in a ``DevicePicker``: given, or read off the GUI
thread.

Keyboard: Esc cancels. In the refuse and defer dialogs Enter in the reason starts a new line
and Enter in any other field does nothing, so a half-written reason is never sent by
accident; Ctrl+Enter (or the button) decides. Above the reason they offer the school's stock
reasons (``desktop.models.stock_reasons``, given or read off the GUI thread): the list has
the focus when there are any, arrows pick one (which fills the reason, still editable, Tab
goes there) and Enter in the list decides. In the grant dialog typing filters the devices,
arrows move through them and Enter grants with the highlighted one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QFocusEvent, QFont, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.device_choices import DeviceChoice
from desktop.models.wire_dates import FURTHEST_AHEAD
from desktop.tasks import TaskRunner
from desktop.views.device_picker import DevicePicker
from desktop.views.qt_typed import to_date

MAX_REASON = 2000  # the same limit as desktop.models.decisions.MAX_REASON
DATE_FORMAT = "dd.MM.yyyy"
ERROR_COLOUR = "#b3261e"
MUTED_COLOUR = "#5f6368"
WARNING_COLOUR = "#8a6100"
SCHOOL_YEAR_ENDS = (5, 31)  # (month, day): the return deadline offered first
# Logical pixels: room for the device table's columns, inside 1366×768 at 125 %.
GRANT_DIALOG_SIZE = (1040, 500)


def _date_edit(minimum: QDate, value: QDate) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setMinimumDate(minimum)
    # a deadline further ahead than the register takes (wire_dates) cannot be picked
    edit.setMaximumDate(QDate.currentDate().addDays(FURTHEST_AHEAD.days))
    edit.setDate(max(value, minimum))
    edit.setEnabled(False)
    return edit


def _school_year_end(today: QDate) -> QDate:
    month, day = SCHOOL_YEAR_ENDS
    end = QDate(today.year(), month, day)
    return end if end >= today else QDate(today.year() + 1, month, day)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names come from applicants
    label.setWordWrap(True)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


def _note(text: str, colour: str = MUTED_COLOUR) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {colour};")
    return label


def _buttons(dialog: QDialog, ok_text: str) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    ok.setText(ok_text)
    cancel.setText(QCoreApplication.translate("decision_dialogs", "Atcelt"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, ok, cancel


class GrantDialog(QDialog):
    """Grant one application, with one of the offered devices or without one (chosen later).

    The devices are given (``choices``) or read by the picker off the GUI thread (``tasks``
    and ``load``); until they arrive "Piešķirt" waits. ``scanned``: an inventory number to
    preselect."""

    def __init__(
        self,
        application_label: str,
        choices: Sequence[DeviceChoice] | None = None,
        parent: QWidget | None = None,
        *,
        tasks: TaskRunner | None = None,
        load: Callable[[], Sequence[DeviceChoice]] | None = None,
        language: str = "lv",
        scanned: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Piešķirt resursu"))
        self.setMinimumWidth(720)
        self.resize(*GRANT_DIALOG_SIZE)
        today = QDate.currentDate()

        self.heading = _heading(application_label)
        self.with_item = QRadioButton(self.tr("Piešķirt resursu:"))
        self.without_item = QRadioButton(
            self.tr("Piešķirt bez resursa (resursu izvēlēsies izsniegšanas vietā)"))
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.with_item)
        self.choice.addButton(self.without_item)
        self.picker = DevicePicker(language)
        self.no_items = _note(
            self.tr("Nav pieejamu piemērotu resursu: pieteikumu var piešķirt bez resursa, "
                    "un resursu izvēlēsies izsniegšanas vietā."), WARNING_COLOUR)
        self.use_deadline = QCheckBox(self.tr("Atgriešanas termiņš:"))
        self.deadline = _date_edit(today, _school_year_end(today))
        self.deadline.setAccessibleName(self.tr("Atgriešanas termiņš"))
        self.buttons, self.ok_button, self.cancel_button = _buttons(self, self.tr("Piešķirt"))

        self.item_box = QWidget()
        item_layout = QVBoxLayout(self.item_box)
        item_layout.setContentsMargins(22, 0, 0, 0)  # under its radio button
        item_layout.addWidget(self.picker, 1)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.use_deadline)
        deadline_row.addWidget(self.deadline)
        deadline_row.addStretch(1)
        item_layout.addLayout(deadline_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addSpacing(6)
        layout.addWidget(self.with_item)
        layout.addWidget(self.item_box, 1)
        layout.addWidget(self.no_items)
        layout.addWidget(self.without_item)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)

        self.with_item.setChecked(True)
        self.no_items.hide()
        self.with_item.toggled.connect(self._update)
        self.use_deadline.toggled.connect(self._update)
        self.picker.current_changed.connect(lambda _item: self._update())
        self.picker.loaded.connect(self._offered)
        self.picker.failed.connect(lambda _message: self._offered(0, keep_list=True))
        self.picker.chosen.connect(self._chosen)
        if choices is None and load is not None and tasks is not None:
            self.picker.load(tasks, load)
        else:
            self.picker.set_choices(list(choices or []))
        if scanned:  # while loading, remembered for the rows to come
            self.picker.select_inventory_no(scanned)
        self._update()
        self.picker.setFocus()

    def _offered(self, count: int, *, keep_list: bool = False) -> None:
        """The devices are in: with none, granting without one is what is left."""
        has_items = count > 0
        self.no_items.setVisible(not has_items)
        self.item_box.setVisible(has_items or keep_list)  # a failed read says why there
        self.with_item.setEnabled(has_items)
        (self.with_item if has_items else self.without_item).setChecked(True)
        (self.picker if has_items else self.without_item).setFocus()
        self._update()

    def _chosen(self, _item_id: str) -> None:
        # Enter or a double click on a device grants with it, as Enter did in the old list.
        self.with_item.setChecked(True)
        if self.ok_button.isEnabled():
            self.accept()

    def _update(self) -> None:
        with_item = self.with_item.isChecked()
        self.picker.setEnabled(with_item)
        # A deadline belongs to the handover, which only a granted item starts.
        self.use_deadline.setEnabled(with_item)
        self.deadline.setEnabled(with_item and self.use_deadline.isChecked())
        self.ok_button.setEnabled(not with_item or self.picker.current_item_id() is not None)

    def result_values(self) -> tuple[str | None, date | None]:
        """(item id or None for "without an item", return deadline or None)."""
        item_id = self.picker.current_item_id() if self.with_item.isChecked() else None
        if item_id is None:
            return None, None
        deadline = to_date(self.deadline.date()) if self.use_deadline.isChecked() else None
        return item_id, deadline


class _StockList(QListWidget):
    """The stock reasons. Nothing is picked until the user moves or clicks: Qt would make the
    first row current on a keyboard focus-in, which would fill the reason unasked, and the
    first Down would then skip it."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.currentRow() >= 0:
            super().focusInEvent(event)
            return
        QFrame.focusInEvent(self, event)
        self.viewport().update()


STOCK_ROWS_SHOWN = 5  # more scroll: the dialog must fit a laptop screen


class _ReasonDialog(QDialog):
    """A required multi-line reason with a counter and an inline error, and the stock
    reasons above it: ``reasons`` given, or ``load_reasons`` run on ``tasks``."""

    def __init__(self, title: str, heading: str, ok_text: str, blank_message: str,
                 parent: QWidget | None = None, *, reasons: Sequence[str] | None = None,
                 tasks: TaskRunner | None = None,
                 load_reasons: Callable[[], Sequence[str]] | None = None) -> None:
        super().__init__(parent)
        self.blank_message = blank_message
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.heading = _heading(heading)
        self.stock_label = QLabel(self.tr("&Gatavie pamatojumi:"))
        self.stock_list = _StockList()
        self.stock_list.setAccessibleName(self.tr("Gatavie pamatojumi"))
        self.stock_list.setWordWrap(True)
        self.stock_list.setToolTip(self.tr(
            "Bultiņas izvēlas pamatojumu, Enter apstiprina; tekstu zemāk var labot"))
        self.stock_label.setBuddy(self.stock_list)
        self.stock_list.currentRowChanged.connect(self._pick)
        self.stock_list.itemClicked.connect(lambda _item: self._pick(self.stock_list.currentRow()))
        self.stock_label.hide()
        self.stock_list.hide()
        self.reason_label = QLabel(self.tr("&Pamatojums:"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setAccessibleName(self.tr("Pamatojums"))
        self.reason_edit.setMinimumHeight(110)
        self.reason_label.setBuddy(self.reason_edit)
        self.counter = QLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.error_label = _note("", ERROR_COLOUR)
        self.error_label.setAccessibleName(self.tr("Kļūda"))
        self.error_label.hide()
        self.buttons, self.ok_button, self.cancel_button = _buttons(self, ok_text)
        self.ok_button.setToolTip(self.tr("Ctrl+Enter"))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

        self.form = QVBoxLayout(self)
        self.form.addWidget(self.heading)
        self.form.addSpacing(6)
        self.form.addWidget(self.stock_label)
        self.form.addWidget(self.stock_list)
        self.form.addWidget(self.reason_label)
        self.form.addWidget(self.reason_edit, 1)
        under = QHBoxLayout()
        under.addWidget(self.error_label, 1)
        under.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignTop)
        self.form.addLayout(under)
        self.reason_edit.textChanged.connect(self._on_text)
        self._on_text()
        self.reason_edit.setFocus()
        if reasons is not None:
            self.set_stock_reasons(reasons)
        elif tasks is not None and load_reasons is not None:
            # no list is no loss: the reason can always be typed, so a failed read is quiet
            tasks.run(load_reasons, on_done=self.set_stock_reasons,
                      on_error=lambda _exc: None, owner=self, key="stock", latest=True)

    def set_stock_reasons(self, reasons: Sequence[str]) -> None:
        """Offer ``reasons``; the list takes the focus unless a reason is already typed."""
        self.stock_list.blockSignals(True)
        self.stock_list.clear()
        self.stock_list.addItems(list(reasons))
        self.stock_list.setCurrentRow(-1)
        self.stock_list.blockSignals(False)
        shown = bool(reasons)
        self.stock_label.setVisible(shown)
        self.stock_list.setVisible(shown)
        if not shown:
            return
        self._fit_stock_list()
        if not self.reason_edit.toPlainText().strip():
            self.stock_list.setFocus()

    def _fit_stock_list(self) -> None:
        # Room for up to five reasons (wrapped), so the reason field keeps its height.
        rows = min(self.stock_list.count(), STOCK_ROWS_SHOWN)
        line = self.stock_list.fontMetrics().lineSpacing() + 6
        frame = 2 * self.stock_list.frameWidth()
        self.stock_list.setFixedHeight(rows * line + frame)

    def stock_reasons(self) -> list[str]:
        return [self.stock_list.item(n).text() for n in range(self.stock_list.count())]

    def _pick(self, row: int) -> None:
        """A picked reason replaces the text as one undoable edit (Ctrl+Z brings back what
        was typed)."""
        if row < 0:
            return
        cursor = self.reason_edit.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(self.stock_list.item(row).text())
        self.reason_edit.setTextCursor(cursor)

    def _add_bottom(self, *widgets: QWidget | QHBoxLayout) -> None:
        for widget in widgets:
            if isinstance(widget, QWidget):
                self.form.addWidget(widget)
            else:
                self.form.addLayout(widget)
        self.form.addSpacing(6)
        self.form.addWidget(self.buttons)

    def _length(self) -> int:
        return len(self.reason_edit.toPlainText().strip())

    def _on_text(self) -> None:
        length = self._length()
        self.counter.setText(f"{length}\u00a0/\u00a0{MAX_REASON}")
        self.counter.setStyleSheet(
            f"color: {ERROR_COLOUR if length > MAX_REASON else MUTED_COLOUR};")
        if self.error_label.isVisible() and 0 < length <= MAX_REASON:
            self.error_label.hide()

    def _problem(self) -> str | None:
        length = self._length()
        if length == 0:
            return self.blank_message
        if length > MAX_REASON:
            return self.tr("Pamatojums ir par garu: atļautas ne vairāk kā {0} rakstzīmes"
                           ).format(MAX_REASON)
        return None

    def show_problem(self, message: str) -> None:
        """Point at the reason with a message (also for an ``InputError`` from the core)."""
        self.error_label.setText(message)
        self.error_label.show()
        self.reason_edit.setFocus()

    def accept(self) -> None:
        problem = self._problem()
        if problem:
            self.show_problem(problem)
            return
        super().accept()

    def keyPressEvent(self, event: Any) -> None:
        # Enter outside the reason (a date, a check box) must not send a half-written reason;
        # a focused button still handles Enter itself, and Ctrl+Enter is the shortcut.
        # In the stock reasons Enter decides with the picked one (the list passes it on).
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            event.accept()
            if self.focusWidget() is self.stock_list:
                self.accept()
            return
        super().keyPressEvent(event)

    def reason(self) -> str:
        """The reason as it will be recorded: trimmed of surrounding blanks."""
        return self.reason_edit.toPlainText().strip()


class RefuseDialog(_ReasonDialog):
    """Refuse one application, or ``count`` selected ones, with a reason."""

    def __init__(self, application_label: str = "", *, count: int = 1,
                 parent: QWidget | None = None, reasons: Sequence[str] | None = None,
                 tasks: TaskRunner | None = None,
                 load_reasons: Callable[[], Sequence[str]] | None = None) -> None:
        # translate() with the literal in place: lupdate extracts nothing passed via a helper
        super().__init__(
            QCoreApplication.translate("decision_dialogs", "Atteikt pieteikumu"),
            application_label, QCoreApplication.translate("decision_dialogs", "Atteikt"),
            QCoreApplication.translate("decision_dialogs", "Jānorāda atteikuma pamatojums"),
            parent, reasons=reasons, tasks=tasks, load_reasons=load_reasons)
        if count > 1:  # self.tr: lupdate marks plurals (%n) only in a tr() call
            self.setWindowTitle(self.tr("Atteikt %n pieteikumus", "", count))
            if not application_label:
                self.heading.setText(self.tr("Atlasīti %n pieteikumi", "", count))
        self.hint = _note(self.tr("Pamatojumu redzēs pieteikuma iesniedzējs."))
        self._add_bottom(self.hint)


class DeferDialog(_ReasonDialog):
    """Postpone one application, or ``count`` selected ones: a reason, optionally a date."""

    def __init__(self, application_label: str = "", *, count: int = 1,
                 parent: QWidget | None = None, reasons: Sequence[str] | None = None,
                 tasks: TaskRunner | None = None,
                 load_reasons: Callable[[], Sequence[str]] | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("decision_dialogs", "Atlikt pieteikuma izskatīšanu"),
            application_label, QCoreApplication.translate("decision_dialogs", "Atlikt"),
            QCoreApplication.translate("decision_dialogs", "Jānorāda atlikšanas pamatojums"),
            parent, reasons=reasons, tasks=tasks, load_reasons=load_reasons)
        if count > 1:  # self.tr: lupdate marks plurals (%n) only in a tr() call
            self.setWindowTitle(self.tr("Atlikt %n pieteikumus", "", count))
            if not application_label:
                self.heading.setText(self.tr("Atlasīti %n pieteikumi", "", count))
        today = QDate.currentDate()
        self.use_revisit = QCheckBox(self.tr("Izskatīt atkārtoti:"))
        self.revisit = _date_edit(today, today.addDays(7))
        self.revisit.setAccessibleName(self.tr("Atkārtotas izskatīšanas datums"))
        self.use_revisit.toggled.connect(self.revisit.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.use_revisit)
        row.addWidget(self.revisit)
        row.addStretch(1)
        self._add_bottom(row)

    def values(self) -> tuple[str, date | None]:
        """(reason, revisit date or None)."""
        revisit = to_date(self.revisit.date()) if self.use_revisit.isChecked() else None
        return self.reason(), revisit


def show_error(parent: QWidget | None, exc: Exception) -> None:
    """Tell the user a decision did not go through: the core's Latvian message, never a
    traceback; for an unexpected error, a generic message naming its type."""
    message = getattr(exc, "message_lv", None)
    if not isinstance(message, str) or not message.strip():
        message = QCoreApplication.translate(
            "decision_dialogs",
            "Darbību neizdevās pabeigt: negaidīta kļūda ({0}). Mēģiniet vēlreiz; "
            "ja kļūda atkārtojas, sazinieties ar atbalsta dienestu."
        ).format(type(exc).__name__)
    QMessageBox.warning(parent, QCoreApplication.translate(
        "decision_dialogs", "Darbība netika veikta"), message)
