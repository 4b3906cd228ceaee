"""One application in full: people, social status, documents, decision, handover and history.

The view is given a plain ``load(application_id)`` callable (the composition root binds it to
``desktop.models.details.application_detail``); it runs that on the task runner and fills
itself when the answer arrives, ignoring answers for an application no longer asked for.
Everything shown comes from applicants and the register, so every label is plain text.

The handover's actions (sign on paper, return deadline, loss or theft, closing a case) are
only asked for: the view emits a signal with the handover's id and the composition root opens
the dialog and runs the operation. Files (the act, attachments) are opened or printed through
an optional ``document_file(document_id)`` callable, run on the task runner like ``load``,
and read through ``read_file`` (the store's vault: on disk they may be sealed); the
``openDocumentRequested``/``printDocumentRequested`` signals are emitted either way.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import ChangeBus, changes_of
from desktop.models.changes import OpChanges
from desktop.models.codes import HandoverStatus
from desktop.models.commands import MAX_NOTES
from desktop.models.details import (
    ApplicationDetail,
    AttachmentDetail,
    HandoverDetail,
    NotificationDetail,
    TimelineEntry,
)
from desktop.models.notes import NotesChangedError
from desktop.tasks import TaskRunner, core_message
from desktop.views.dates import shown_date, shown_datetime, shown_time
from desktop.views.desk_print import FileShower, Reader
from desktop.views.flow_layout import FlowLayout
from desktop.views.inbox_model import DUPLICATE_TINT, STATUS_COLOURS

EMPTY = "—"
CENTRAL_ACTOR = "central"
TWO_COLUMNS_FROM = 760  # content width (px) from which the groups sit in two columns

HANDOVER_COLOURS = {
    HandoverStatus.PREPARING: "#8a6100",
    HandoverStatus.PREPARED: "#1d7a3a",
    HandoverStatus.ISSUED: "#1f5fa8",
    HandoverStatus.RETURNED: "#555555",
    HandoverStatus.LOST: "#a52a2a",
    HandoverStatus.STOLEN: "#a52a2a",
    HandoverStatus.CANCELLED: "#666666",
}
CONFIRMED_COLOUR = "#1d7a3a"
WARNING_COLOUR = "#8a6100"
CONFLICT_COLOUR = "#a52a2a"
CENTRAL_COLOUR = "#1f5fa8"

_SELECTABLE = (Qt.TextInteractionFlag.TextSelectableByMouse
               | Qt.TextInteractionFlag.TextSelectableByKeyboard)


def when(value: datetime | None) -> str:
    """A UTC instant as staff read it: local time, dd.mm.yyyy HH:MM."""
    return shown_datetime(value, EMPTY)


def day(value: date | None) -> str:
    return shown_date(value, EMPTY)


def time_span(start: datetime | None, end: datetime | None) -> str:
    """"07.12.2026 10:00–12:30", or both dates in full when the span passes midnight."""
    if start is None:
        return EMPTY
    first = start.astimezone()
    if end is None:
        return when(start)
    last = end.astimezone()
    if last.date() == first.date():
        return f"{shown_datetime(first)}–{shown_time(last)}"
    return f"{shown_datetime(first)} – {shown_datetime(last)}"


def text_or_dash(value: object) -> str:
    if value is None:
        return EMPTY
    text = str(value).strip()
    return text or EMPTY


class _FactLabel(QLabel):
    """A word-wrapped label that asks for its text on one line (a wrapped QLabel asks for
    less and would wrap even where the line has room); narrower, it wraps."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        one_line = (self.fontMetrics().horizontalAdvance(self.text()) + margins.left()
                    + margins.right() + 2 * self.margin() + 2)
        width = max(hint.width(), one_line)
        # QLabel's own hint wraps a longer text onto two lines of a quarter of its width
        height = self.heightForWidth(width)
        return QSize(width, height if height > 0 else hint.height())


def _value_label(text: str = EMPTY, kind: type[QLabel] = QLabel) -> QLabel:
    label = kind(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # applicant data is never markup
    label.setTextInteractionFlags(_SELECTABLE)
    label.setCursor(Qt.CursorShape.IBeamCursor)
    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
    label.setSizePolicy(policy)
    # after the size policy: word wrap sets the policy's height-for-width flag, which the
    # layouts need to give a wrapped label the height of its real width
    label.setWordWrap(True)
    return label


def _pill(label: QLabel, colour: str) -> None:
    """Status shown with a colour AND its text, never the colour alone."""
    label.setStyleSheet(
        f"QLabel {{ background-color: {colour}; color: white; border-radius: 4px;"
        f" padding: 3px 10px; font-weight: bold; }}"
    )


def _coloured(label: QLabel, colour: str | None) -> None:
    label.setStyleSheet("" if colour is None else f"QLabel {{ color: {colour}; }}")


class PersonalCodeField(QWidget):
    """A personal code shown masked, with a button that reveals it for comparing."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._masked = EMPTY
        self._full = ""
        self.label = _value_label()
        self.label.setWordWrap(False)
        self.label.setAccessibleName(accessible_name)
        self.button = QPushButton(self.tr("Rādīt"))
        self.button.setCheckable(True)
        self.button.setAccessibleName(self.tr("Rādīt: {0}").format(accessible_name))
        self.button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.button.toggled.connect(self._show)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        layout.addStretch(1)

    def set_code(self, masked: str, full: str) -> None:
        self._masked, self._full = masked or EMPTY, full
        self.button.blockSignals(True)
        self.button.setChecked(False)
        self.button.blockSignals(False)
        self.button.setVisible(bool(full) and full != masked)
        self._show(False)

    @property
    def revealed(self) -> bool:
        return self.button.isChecked()

    def _show(self, reveal: bool) -> None:
        self.label.setText(self._full if reveal else self._masked)
        self.button.setText(self.tr("Slēpt") if reveal else self.tr("Rādīt"))


class _TimelineList(QListWidget):
    """The history as a list that is as tall as its entries: the page scrolls, not the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setSpacing(1)
        copy = QAction(self.tr("Kopēt"), self)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_selection)
        self.addAction(copy)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._width = -1

    def copy_selection(self) -> None:
        rows = sorted(self.selectedIndexes(), key=lambda i: i.row())
        text = "\n".join(str(i.data()) for i in rows)
        if text:
            QGuiApplication.clipboard().setText(text)

    def relayout(self) -> None:
        """Give each entry the height its wrapped text needs at the current width."""
        width = max(self.viewport().width() - 2 * self.spacing() - 12, 120)
        self._width = self.viewport().width()
        metrics = self.fontMetrics()
        total = 0
        for row in range(self.count()):
            item = self.item(row)
            rect = metrics.boundingRect(0, 0, width, 100_000,
                                        int(Qt.TextFlag.TextWordWrap), item.text())
            height = rect.height() + 10
            item.setSizeHint(QSize(width, height))
            total += height + 2 * self.spacing()
        frame = 2 * self.frameWidth()
        self.setFixedHeight(max(total, metrics.height() + 10) + frame + 2)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._width:
            self.relayout()


class FormRows(QFormLayout):
    """Caption and value rows of one group, rebuilt when a list (documents…) changes."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setHorizontalSpacing(12)
        self.setVerticalSpacing(6)

    caption_width = 0  # the captions of all groups line up when they fit this width

    def add_row(self, caption: str, field: QWidget, *, top: bool = False) -> QLabel:
        """``top``: the caption beside the first line of a field that starts with text and
        has buttons below or beside it (an act, a list of files)."""
        label = QLabel(caption)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setMinimumWidth(self.caption_width)
        if isinstance(field, QLabel) or top:
            # top-aligned beside a value that wraps onto several lines (QFormLayout centres
            # a caption that cannot grow vertically); centred beside a field with buttons
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        label.setBuddy(field)
        self.addRow(label, field)
        return label

    def add_wide(self, widget: QWidget) -> None:
        self.addRow(widget)

    def clear(self) -> None:
        while self.rowCount():
            self.removeRow(0)


class NotesDialog(QDialog):
    """The school's notes on one application: free text, at most what the register keeps."""

    def __init__(self, notes: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        hint = QLabel(self.tr("Piezīmes redz iestādes darbinieki visās darbstacijās; "
                              "iesniedzējam tās netiek sūtītas."))
        hint.setWordWrap(True)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        self.editor = QPlainTextEdit()
        self.editor.setPlainText(notes)
        self.editor.setAccessibleName(self.tr("Piezīmes"))
        self.editor.setTabChangesFocus(True)
        self.counter = QLabel()
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Saglabāt"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Atcelt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.counter)
        layout.addWidget(buttons)
        self.editor.textChanged.connect(self._count)
        self._count()
        self.resize(520, 300)

    def text(self) -> str:
        return self.editor.toPlainText()

    def _count(self) -> None:
        length = len(self.text().strip())
        too_long = length > MAX_NOTES
        self.counter.setText(
            self.tr("Par garu: rakstzīmju skaits {0}, atļautas ne vairāk kā {1}").format(
                length, MAX_NOTES)
            if too_long else self.tr("{0} no {1} rakstzīmēm").format(length, MAX_NOTES))
        _coloured(self.counter, CONFLICT_COLOUR if too_long else None)
        self.save_button.setEnabled(not too_long)


class ApplicationDetailView(QWidget):
    """Shows one application; ``show_application`` loads it in the background."""

    loaded = Signal(int)  # the application id, after the view shows it (or "not found")
    failed = Signal(int)  # the application id whose loading raised
    # The handover's actions, asked for with its id; the composition root does them.
    signOnPaperRequested = Signal(str)  # a handover ready for issue
    deadlineRequested = Signal(str)  # preparing, ready for issue or issued
    incidentRequested = Signal(str)  # issued: the school records a loss or theft
    closeCaseRequested = Signal(str)  # lost or stolen, acknowledged, not closed yet
    openDocumentRequested = Signal(str)  # a Document id (the act, an attachment)
    printDocumentRequested = Signal(str)  # a Document id (the act)
    # another application asked for from this one (a duplicate's link): the composition
    # root shows it as it shows one chosen in the inbox, which records the view
    applicationRequested = Signal(int)

    def __init__(
        self,
        load: Callable[[int], ApplicationDetail | None],
        *,
        tasks: TaskRunner,
        changes: ChangeBus | None = None,
        document_file: Callable[[str], Path | None] | None = None,
        read_file: Reader | None = None,
        can_hand_over: Callable[[], bool] | None = None,
        save_notes: Callable[[int, str | None, str | None], object] | None = None,
        can_annotate: Callable[[], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._tasks = tasks
        self._changes = changes
        self._document_file = document_file
        # writing the notes (``notes.set_application_notes`` bound by the composition root:
        # the application, the new notes, the notes the edit started from); without it the
        # notes are only shown
        self._save_notes = save_notes
        self._can_annotate = can_annotate
        self.notes_dialog: NotesDialog | None = None
        # per application: what went wrong saving its notes (shown whenever it is shown, not
        # under another one shown by then) and the text that was not saved, which the next
        # edit opens with so that nothing typed is lost
        self._notes_messages: dict[int, str] = {}
        self._notes_drafts: dict[int, str] = {}
        # whether the signed-in person may act on handovers (asked at each fill); all may
        # when not told
        self._can_hand_over = can_hand_over
        # how a file is shown and printed (tests and the screenshot tool replace them): read
        # through ``read_file`` (the store's vault: the files may be sealed), printed from
        # memory, shown from a private copy. The system viewer never says when it is done,
        # so the copies stay until this view goes (it lives as long as the main window) or,
        # at the latest, until the program ends.
        self.files = FileShower(self, read_file)
        self.destroyed.connect(self.files.close)
        self.open_file: Callable[[Path], bool] = self.files.open
        self.print_file: Callable[[QWidget | None, Path], bool] = self.files.print
        if changes is not None:
            changes.changed.connect(self.follow_changes)
        self._requested: int | None = None
        self._detail: ApplicationDetail | None = None
        self._columns = 0

        self.placeholder = QLabel(self.tr("Izvēlieties pieteikumu sarakstā"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholder.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        # wide enough for the longest fixed caption, so that the groups' columns line up
        self._caption_width = max(self.fontMetrics().horizontalAdvance(caption) for caption in (
            self.tr("Aizbildnības pārbaude"), self.tr("Atgriešanas termiņš"),
            self.tr("Atsaukšanas iemesls"), self.tr("Atkārtota izskatīšana")))
        self._build_header()
        self._build_groups()

        content = QWidget()
        content.setObjectName("detailContent")
        self._left = QVBoxLayout()
        self._right = QVBoxLayout()
        for column in (self._left, self._right):
            column.setSpacing(10)
        self._columns_box = columns = QHBoxLayout()
        columns.setSpacing(12)
        columns.addLayout(self._left, 1)
        columns.addLayout(self._right, 1)
        body = QVBoxLayout(content)
        body.setContentsMargins(12, 12, 12, 12)
        body.setSpacing(10)
        body.addWidget(self.header)
        body.addWidget(self.duplicates_warning)
        body.addLayout(columns)
        body.addWidget(self.history_group)
        body.addStretch(1)
        self._place_groups(2)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(content)
        self.scroll_area.viewport().installEventFilter(self)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.scroll_area)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # -- building ------------------------------------------------------------------------------
    def _build_header(self) -> None:
        self.header = QWidget()
        self.number_label = _value_label()
        self.number_label.setWordWrap(False)
        self.number_label.setSizePolicy(QSizePolicy.Policy.Preferred,
                                        QSizePolicy.Policy.Preferred)
        font = QFont(self.number_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.number_label.setFont(font)
        self.number_label.setAccessibleName(self.tr("Pieteikuma numurs"))
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setAccessibleName(self.tr("Pieteikuma statuss"))
        big = QFont(self.status_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.2)
        big.setBold(True)
        self.status_label.setFont(big)
        self.handover_status_label = QLabel()
        self.handover_status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.handover_status_label.setFont(big)
        self.handover_status_label.setAccessibleName(self.tr("Izsniegšanas statuss"))
        self.kind_label = _value_label(kind=_FactLabel)
        self.kind_label.setAccessibleName(self.tr("Pieprasītais resurss"))
        self.submitted_label = _value_label(kind=_FactLabel)
        self.submitted_label.setAccessibleName(self.tr("Iesniegts"))
        self.sync_state_label = _value_label(kind=_FactLabel)
        self.sync_state_label.setAccessibleName(self.tr("Sinhronizācija"))

        # The number and the status pills side by side while they fit, the pills on the next
        # line when they do not (two long statuses at 125 % are wider than a laptop's pane):
        # the header never makes the detail wider than its pane.
        top = QWidget()
        pills = FlowLayout(top, spacing=10)
        pills.center_lines = True
        for label in (self.number_label, self.status_label, self.handover_status_label):
            pills.addWidget(label)
        under = QWidget()
        facts = FlowLayout(under, spacing=16)
        facts.line_spacing = 4
        for label in (self.kind_label, self.submitted_label, self.sync_state_label):
            # each fact on one line while the pane has room for it, wrapped when not
            facts.addWidget(label)
        layout = QVBoxLayout(self.header)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(6)
        layout.addWidget(top)
        layout.addWidget(under)

        # the learner's other open application for the same kind: a sign and words, and the
        # numbers as links that show it
        self.duplicates_warning = QLabel()
        self.duplicates_warning.setObjectName("duplicatesWarning")
        self.duplicates_warning.setTextFormat(Qt.TextFormat.RichText)
        self.duplicates_warning.setWordWrap(True)
        self.duplicates_warning.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.duplicates_warning.setAccessibleName(self.tr("Iespējams dublikāts"))
        self.duplicates_warning.setStyleSheet(
            f"QLabel#duplicatesWarning {{ background-color: {DUPLICATE_TINT};"
            f" border-left: 4px solid {WARNING_COLOUR}; color: #1d2433;"
            f" padding: 6px 10px; }}")
        self.duplicates_warning.linkActivated.connect(self._open_duplicate)
        self.duplicates_warning.hide()

    def _group(self, title: str) -> tuple[QGroupBox, FormRows]:
        box = QGroupBox(title)
        form = FormRows(box)
        form.caption_width = self._caption_width
        return box, form

    def _row(self, form: FormRows, caption: str, field: QWidget | None = None) -> QLabel:
        value = field if field is not None else _value_label()
        label = form.add_row(caption, value)
        if isinstance(value, QLabel):
            value.setAccessibleName(caption)
            return value
        return label

    def _build_groups(self) -> None:
        self.submitter_group, form = self._group(self.tr("Iesniedzējs"))
        self.submitter_name = self._row(form, self.tr("Vārds, uzvārds"))
        self.submitter_role = self._row(form, self.tr("Loma"))
        self.submitter_code = PersonalCodeField(self.tr("Iesniedzēja personas kods"))
        self._row(form, self.tr("Personas kods"), self.submitter_code)
        self.guardian_check = self._row(form, self.tr("Aizbildnības pārbaude"))

        self.learner_group, form = self._group(self.tr("Izglītojamais"))
        self.learner_name = self._row(form, self.tr("Vārds, uzvārds"))
        self.learner_class = self._row(form, self.tr("Klase"))
        self.learner_code = PersonalCodeField(self.tr("Izglītojamā personas kods"))
        self._row(form, self.tr("Personas kods"), self.learner_code)

        self.social_group, self.social_form = self._group(self.tr("Sociālais statuss"))
        self.documents_group, self.documents_form = self._group(self.tr("Dokumenti"))

        self.contacts_group, form = self._group(self.tr("Kontakti"))
        self.phone = self._row(form, self.tr("Tālrunis"))
        self.email = self._row(form, self.tr("E-pasts"))
        form.add_row(self.tr("Piezīmes"), self._notes_field(), top=True)

        self.decision_group, form = self._group(self.tr("Lēmums"))
        self.decision_status = self._row(form, self.tr("Statuss"))
        self.status_changed = self._row(form, self.tr("Statuss mainīts"))
        self.decision_reason = self._row(form, self.tr("Pamatojums"))
        self.revisit_on = self._row(form, self.tr("Atkārtota izskatīšana"))
        self.withdrawal_reason = self._row(form, self.tr("Atsaukšanas iemesls"))

        self._build_handover_group()

        self.history_group = QGroupBox(self.tr("Vēsture"))
        self.timeline = _TimelineList()
        self.timeline.setAccessibleName(self.tr("Statusu vēsture"))
        history = QVBoxLayout(self.history_group)
        history.addWidget(self.timeline)

    def _notes_field(self) -> QWidget:
        """The school's notes, a button that edits them, and what went wrong saving them."""
        field = QWidget()
        column = QVBoxLayout(field)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.notes = _value_label()
        self.notes.setAccessibleName(self.tr("Piezīmes"))
        self.notes_button = QPushButton(self.tr("Labot piezīmes…"))
        self.notes_button.setAccessibleName(self.notes_button.text().rstrip("…"))
        tip = self.tr("Piezīmes redz iestādes darbinieki visās darbstacijās; iesniedzējam "
                      "tās netiek sūtītas.")
        self.notes_button.setToolTip(tip)
        self.notes_button.setAccessibleDescription(tip)
        self.notes_button.clicked.connect(self.edit_notes)
        buttons = QWidget()
        FlowLayout(buttons).addWidget(self.notes_button)
        self.notes_message = _value_label()
        self.notes_message.setAccessibleName(self.tr("Piezīmju paziņojums"))
        _coloured(self.notes_message, CONFLICT_COLOUR)
        self.notes_message.hide()
        for widget in (self.notes, buttons, self.notes_message):
            column.addWidget(widget)
        return field

    def edit_notes(self) -> None:
        """Open the notes of the shown application for editing; saved in the background."""
        d = self._detail
        if d is None or self._save_notes is None:
            return
        # the save names the notes the dialog started from: a sync that brings another
        # workstation's note while it is open must not have that note overwritten
        started_from = d.notes
        dialog = NotesDialog(self._notes_drafts.pop(d.id, d.notes or ""), self)
        dialog.setWindowTitle(self.tr("Piezīmes: {0}").format(d.number))
        dialog.accepted.connect(lambda: self._store_notes(d.id, dialog.text(), started_from))
        self.notes_dialog = dialog
        dialog.open()

    def _store_notes(self, application_id: int, text: str, started_from: str | None) -> None:
        save = self._save_notes
        if save is None:
            return
        self._notes_messages.pop(application_id, None)
        self._show_notes_message()
        self._tasks.run(save, application_id, text.strip() or None, started_from,
                        on_done=lambda outcome: self._notes_saved(application_id, outcome),
                        on_error=lambda exc: self._notes_failed(application_id, text, exc),
                        owner=self, key="notes")

    def _notes_saved(self, application_id: int, outcome: object) -> None:
        changes = changes_of(outcome, OpChanges.of(applications=[application_id]))
        if self._changes is not None:
            self._changes.publish(changes, self)  # this view follows it too
        else:
            self.refresh()

    def _notes_failed(self, application_id: int, text: str, exc: Exception) -> None:
        message = core_message(exc) or self.tr(
            "Piezīmes neizdevās saglabāt ({0})").format(type(exc).__name__)
        if text.strip():
            self._notes_drafts[application_id] = text
            message = "\n".join((message, self.tr(
                "Jūsu teksts nav zudis: tas būs logā „Labot piezīmes…“.")))
        self._notes_messages[application_id] = message
        if isinstance(exc, NotesChangedError) and self._requested == application_id:
            self.refresh()  # the field shows the other note, the message stays with it
        self._show_notes_message()

    def _show_notes_message(self) -> None:
        """The notes message of the application shown (an answer about another one that
        arrives after the reviewer moved on waits until that one is shown again)."""
        d = self._detail
        message = (self._notes_messages.get(d.id)
                   if d is not None and d.id == self._requested else None)
        self.notes_message.setText(message or "")
        self.notes_message.setVisible(message is not None)

    def _build_handover_group(self) -> None:
        """The current handover, its actions, the older handovers and the notifications."""
        self.handover_group = QGroupBox(self.tr("Izsniegšana"))
        box = QVBoxLayout(self.handover_group)
        box.setSpacing(8)

        def form_widget() -> tuple[QWidget, FormRows]:
            widget = QWidget()
            form = FormRows(widget)
            form.setContentsMargins(0, 0, 0, 0)
            form.caption_width = self._caption_width
            return widget, form

        current, self.handover_form = form_widget()
        self.file_message = _value_label()
        self.file_message.setAccessibleName(self.tr("Faila paziņojums"))
        _coloured(self.file_message, CONFLICT_COLOUR)
        self.file_message.hide()

        self.handover_actions = QWidget()
        flow = FlowLayout(self.handover_actions)
        self.sign_on_paper_button = self._action_button(
            flow, self.tr("Parakstīt uz papīra…"),
            self.tr("Iesniedzējs parakstīja papīra aktu: resurss izsniegts. Pieejams, kad "
                    "izsniegšana ir „Gatavs izsniegšanai“."), self.signOnPaperRequested)
        self.deadline_button = self._action_button(
            flow, self.tr("Mainīt atgriešanas termiņu…"),
            self.tr("Pieejams, līdz resurss ir atgriezts, nozaudēts vai nozagts."),
            self.deadlineRequested)
        self.incident_button = self._action_button(
            flow, self.tr("Reģistrēt nozaudēšanu vai zādzību…"),
            self.tr("Iesniedzējs ziņoja iestādei, ka izsniegtais resurss ir nozaudēts vai "
                    "nozagts."), self.incidentRequested)
        self.close_case_button = self._action_button(
            flow, self.tr("Slēgt lietu…"),
            self.tr("Slēgt nozaudēta vai nozagta resursa lietu: tās dati tiks dzēsti pēc "
                    "25 mēnešiem."), self.closeCaseRequested)

        self.notifications_label = _value_label()
        self.notifications_label.setAccessibleName(self.tr("Paziņojumi iesniedzējam"))
        older, self.older_handover_form = form_widget()
        self._older_handovers = older
        for widget in (current, self.file_message, self.handover_actions,
                       self.notifications_label, older):
            box.addWidget(widget)
        self._action_handover: str | None = None

    def _action_button(self, flow: FlowLayout, text: str, tip: str,
                       signal: Any) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.rstrip("…"))  # a screen reader says no "dot dot dot"
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
        button.clicked.connect(lambda: self._ask(signal))
        flow.addWidget(button)
        return button

    def _ask(self, signal: Any) -> None:
        if self._action_handover is not None:
            signal.emit(self._action_handover)

    def _place_groups(self, columns: int) -> None:
        """Two columns when there is room, one when the view is narrow."""
        if columns == self._columns:
            return
        self._columns = columns
        left = [self.submitter_group, self.learner_group, self.social_group,
                self.contacts_group]
        right = [self.decision_group, self.handover_group, self.documents_group]
        for layout in (self._left, self._right):
            # removeWidget deletes the layout's item at once: a group's item only taken out
            # would stay the one its size changes are reported to, and the group's new item
            # would keep the height it had when the columns changed
            for box in left + right:
                layout.removeWidget(box)
            while layout.count():
                layout.takeAt(0)  # the stretch
        if columns == 1:
            left, right = left + right, []
        self._columns_box.setStretch(1, 1 if right else 0)
        for layout, boxes in ((self._left, left), (self._right, right)):
            for box in boxes:
                layout.addWidget(box)
            layout.addStretch(1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize:
            width = self.scroll_area.viewport().width()
            self._place_groups(2 if width >= TWO_COLUMNS_FROM else 1)
        return super().eventFilter(watched, event)

    # -- loading -------------------------------------------------------------------------------
    @property
    def detail(self) -> ApplicationDetail | None:
        """What the view shows now (None for the placeholder or "not found")."""
        return self._detail

    def handover(self, handover_id: str) -> HandoverDetail | None:
        """One of the shown application's handovers (for the dialogs an action opens)."""
        if self._detail is None:
            return None
        return next((h for h in self._detail.handovers if h.id == handover_id), None)

    @property
    def case_label(self) -> str:
        """"P-2026-000123 · Jānis Bērziņš": how a dialog names the shown application."""
        d = self._detail
        return "" if d is None else f"{d.number} · {d.learner_name}"

    @property
    def application_id(self) -> int | None:
        """The application last asked for."""
        return self._requested

    def show_application(self, application_id: int) -> None:
        """Load ``application_id`` in the background; the newest request wins."""
        self._start(application_id, keep_place=False)

    def refresh(self) -> None:
        """Read the shown application again (it changed), keeping the scroll position."""
        if self._requested is not None:
            self._start(self._requested, keep_place=self._requested == (
                self._detail.id if self._detail is not None else None))

    def follow_changes(self, changes: OpChanges, _source: object) -> None:
        shown = self._requested
        if shown is not None and (changes.everything or shown in changes.applications):
            self.refresh()

    def _start(self, application_id: int, *, keep_place: bool) -> None:
        self._requested = application_id
        # the newest request wins: the answer for a row the reviewer already left is dropped
        self._tasks.run(
            self._load, application_id,
            on_done=lambda result: self._apply(application_id, result, keep_place=keep_place),
            on_error=lambda exc: self._fail(application_id, exc),
            owner=self, key="detail", latest=True,
        )

    def clear(self) -> None:
        """Back to the placeholder; answers still on their way are ignored."""
        self._tasks.cancel(self, "detail")
        self._requested = None
        self._detail = None
        self.placeholder.setText(self.tr("Izvēlieties pieteikumu sarakstā"))
        self.stack.setCurrentWidget(self.placeholder)

    def _apply(self, application_id: int, detail: ApplicationDetail | None, *,
               keep_place: bool = False) -> None:
        self._detail = detail
        if detail is None:
            self.placeholder.setText(self.tr(
                "Pieteikums nav atrasts: iespējams, tas ir dzēsts vai pieder citai iestādei."))
            self.stack.setCurrentWidget(self.placeholder)
        else:
            place = self.scroll_area.verticalScrollBar().value() if keep_place else 0
            self._fill(detail)
            self.stack.setCurrentWidget(self.scroll_area)
            self.scroll_area.verticalScrollBar().setValue(place)
        self.loaded.emit(application_id)

    def _fail(self, application_id: int, exc: Exception) -> None:
        self._detail = None
        message = core_message(exc) or self.tr(
            "Neizdevās nolasīt pieteikumu ({0})").format(type(exc).__name__)
        self.placeholder.setText(message)
        self.stack.setCurrentWidget(self.placeholder)
        self.failed.emit(application_id)

    # -- filling -------------------------------------------------------------------------------
    def _fill(self, d: ApplicationDetail) -> None:
        self.number_label.setText(d.number)
        self.status_label.setText(d.status_label)
        _pill(self.status_label, STATUS_COLOURS.get(d.status, "#666666"))
        current = d.current_handover
        self.handover_status_label.setVisible(current is not None)
        if current is not None:
            self.handover_status_label.setText(current.status_label)
            _pill(self.handover_status_label, HANDOVER_COLOURS.get(current.status, "#666666"))
        self.kind_label.setText(d.kind_label)
        self._fill_duplicates(d)
        self.submitted_label.setText(self.tr("Iesniegts {0}").format(when(d.submitted_at)))
        if d.in_conflict:
            self.sync_state_label.setText(self.tr("Konflikts ar centrālo servisu"))
            _coloured(self.sync_state_label, CONFLICT_COLOUR)
        elif d.commands_waiting:
            self.sync_state_label.setText(
                self.tr("Gaida sinhronizāciju: {0}").format(d.commands_waiting))
            _coloured(self.sync_state_label, WARNING_COLOUR)
        else:
            self.sync_state_label.setText(self.tr("Sinhronizēts"))
            _coloured(self.sync_state_label, None)

        self.submitter_name.setText(text_or_dash(d.submitter_name))
        self.submitter_role.setText(text_or_dash(d.submitter_role_label))
        self.submitter_code.set_code(d.submitter_code_masked, d.submitter_personal_code)
        checked = d.guardian_check_label
        if d.guardian_checked_at is not None:
            checked = f"{checked} · {when(d.guardian_checked_at)}"
        self.guardian_check.setText(checked)

        self.learner_name.setText(text_or_dash(d.learner_name))
        self.learner_class.setText(text_or_dash(d.learner_class))
        self.learner_code.set_code(d.learner_code_masked, d.learner_personal_code)

        self._fill_social(d)
        self._fill_documents(d)

        self.phone.setText(text_or_dash(d.phone))
        self.email.setText(text_or_dash(d.email))
        self.notes.setText(text_or_dash(d.notes))
        self._show_notes_message()
        self.notes_button.setVisible(self._save_notes is not None)
        self.notes_button.setEnabled(self._can_annotate is None or self._can_annotate())

        self.decision_status.setText(d.status_label)
        _coloured(self.decision_status, STATUS_COLOURS.get(d.status))
        self.status_changed.setText(when(d.status_changed_at))
        self.decision_reason.setText(text_or_dash(d.decision_reason))
        self.revisit_on.setText(day(d.revisit_on))
        self.withdrawal_reason.setText(text_or_dash(d.withdrawal_reason_label))

        self._fill_handovers(d)
        self._fill_timeline(d)

    def duplicates_text(self, d: ApplicationDetail) -> str:
        """The warning's words (plain), naming the other applications and their statuses."""
        listed = ", ".join(f"{o.number} ({o.status_label})" for o in d.duplicates)
        if len(d.duplicates) == 1:
            return self.tr("Iespējams dublikāts: šim izglītojamajam ir vēl viens atvērts "
                           "pieteikums tam pašam resursa veidam: {0}").format(listed)
        return self.tr("Iespējams dublikāts: šim izglītojamajam ir vēl {0} atvērti "
                       "pieteikumi tam pašam resursa veidam: {1}").format(len(d.duplicates),
                                                                            listed)

    def _fill_duplicates(self, d: ApplicationDetail) -> None:
        self.duplicates_warning.setVisible(bool(d.duplicates))
        if not d.duplicates:
            self.duplicates_warning.clear()
            return
        plain = self.duplicates_text(d)
        links = html.escape(plain)
        for other in d.duplicates:
            number = html.escape(other.number)
            links = links.replace(number, f'<a href="application:{other.id}">{number}</a>', 1)
        self.duplicates_warning.setText(f"⚠ {links}")
        self.duplicates_warning.setAccessibleDescription(plain)

    def _open_duplicate(self, link: str) -> None:
        kind, _, value = link.partition(":")
        if kind == "application" and value.isdigit():
            self.applicationRequested.emit(int(value))

    @staticmethod
    def _clear_form(form: FormRows) -> None:
        form.clear()

    def _dash_row(self, form: FormRows, text: str) -> None:
        form.add_wide(_value_label(text))

    def _fill_social(self, d: ApplicationDetail) -> None:
        form = self.social_form
        self._clear_form(form)
        if not d.social_statuses:
            self._dash_row(form, self.tr("{0} (nav norādīts)").format(EMPTY))
            return
        for social in d.social_statuses:
            if social.confirmed:
                text = self.tr("Apstiprināts VIIS")
                if social.confirmed_at is not None:
                    text = f"{text} · {when(social.confirmed_at)}"
                colour = CONFIRMED_COLOUR
            else:
                text, colour = self.tr("Nav apstiprināts"), WARNING_COLOUR
            value = _value_label(text)
            _coloured(value, colour)
            self._row(form, f"{social.label} ({social.viis_code})", value)

    def _fill_documents(self, d: ApplicationDetail) -> None:
        form = self.documents_form
        self._clear_form(form)
        if not d.documents:
            self._dash_row(form, self.tr("{0} (nav apstiprinātu dokumentu)").format(EMPTY))
            return
        for doc in d.documents:
            # the title is the applicant's own wording and may be long: a row of its own
            value = _value_label(self.tr("{0}\n{1} · apstiprināšanas datums: {2}").format(
                doc.title, doc.type_label, when(doc.acknowledged_at)))
            value.setAccessibleName(doc.type_label)
            form.add_wide(value)

    def _item_text(self, h: HandoverDetail) -> str:
        if h.item_id is None:
            return EMPTY
        if not h.item_known:
            return self.tr("{0} (resurss vēl nav sinhronizēts)").format(EMPTY)
        text = " · ".join(p for p in (h.item_inventory_no, h.item_description) if p)
        if h.item_serial_no:
            text = self.tr("{0}\nsērijas Nr. {1}").format(text, h.item_serial_no)
        return text

    def _fill_handovers(self, d: ApplicationDetail) -> None:
        self._clear_form(self.handover_form)
        self._clear_form(self.older_handover_form)
        self.file_message.hide()
        current = d.current_handover
        self._action_handover = current.id if current is not None else None
        self.handover_actions.setVisible(current is not None)
        if current is None:
            self._dash_row(self.handover_form,
                           self.tr("{0} (resurss nav piešķirts)").format(EMPTY))
        else:
            self._fill_handover(self.handover_form, current)
            self._enable_actions(current)
        older = list(reversed(d.handovers[:-1]))
        self._older_handovers.setVisible(bool(older))
        for h in older:
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            line.setFrameShadow(QFrame.Shadow.Sunken)
            self.older_handover_form.add_wide(line)
            self._fill_handover(self.older_handover_form, h)
        self._fill_notifications(d)

    def _enable_actions(self, h: HandoverDetail) -> None:
        permitted = self._can_hand_over is None or self._can_hand_over()
        for button, allowed in ((self.sign_on_paper_button, h.can_sign_on_paper),
                                (self.deadline_button, h.can_change_deadline),
                                (self.incident_button, h.can_record_incident),
                                (self.close_case_button, h.can_close_case)):
            button.setEnabled(permitted and allowed)

    def _fill_handover(self, form: FormRows, h: HandoverDetail) -> None:
        status = _value_label(h.status_label)
        _coloured(status, HANDOVER_COLOURS.get(h.status))
        self._row(form, self.tr("Statuss"), status)
        self._row(form, self.tr("Resurss"), _value_label(self._item_text(h)))
        if h.kind_differs:
            # a sign and words, not a colour alone
            flag = _value_label(self.tr("⚠ Cits veids nekā pieprasīts"))
            flag.setAccessibleName(self.tr("Cits veids nekā pieprasīts"))
            _pill(flag, WARNING_COLOUR)
            form.add_wide(flag)
        self._row(form, self.tr("Sagatavots"), _value_label(when(h.prepared_at)))
        issued = when(h.issued_at)
        if h.issued_on_paper:
            issued = self.tr("{0} · parakstīts uz papīra").format(issued)
        self._row(form, self.tr("Izsniegts"), _value_label(issued))
        if h.returned_at is not None or h.return_condition is not None:
            self._row(form, self.tr("Atgriezts"), _value_label(when(h.returned_at)))
            condition = text_or_dash(h.return_condition_label)
            if h.return_notes:
                condition = f"{condition}: {h.return_notes}"
            self._row(form, self.tr("Stāvoklis"), _value_label(condition))
        self._row(form, self.tr("Atgriešanas termiņš"), _value_label(day(h.return_deadline)))
        if h.arranged:
            self._row(form, self.tr("Saņemšanas vieta"),
                      _value_label(text_or_dash(h.pickup_place)))
            self._row(form, self.tr("Saņemšanas laiks"),
                      _value_label(time_span(h.pickup_from, h.pickup_to)))
            contact = ", ".join(p for p in (h.contact_person, h.contact_phone) if p)
            self._row(form, self.tr("Kontaktpersona"), _value_label(text_or_dash(contact)))
        if h.cancel_reason is not None:
            self._row(form, self.tr("Atcelšanas iemesls"),
                      _value_label(text_or_dash(h.cancel_reason_label)))
        form.add_row(self.tr("Akts"), self._act_field(h), top=True)
        if h.attachments:
            form.add_row(self.tr("Pielikumi"), self._attachments_field(h.attachments),
                         top=True)
        if h.incident:
            self._fill_incident(form, h)

    def _act_field(self, h: HandoverDetail) -> QWidget:
        field = QWidget()
        column = QVBoxLayout(field)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        number = _value_label(text_or_dash(h.act_number))
        number.setAccessibleName(self.tr("Akts"))
        column.addWidget(number)
        if h.act_number is None and h.act_document_id is None:
            return field
        buttons = QWidget()
        flow = FlowLayout(buttons)
        open_button = QPushButton(self.tr("Atvērt"))
        open_button.setAccessibleName(self.tr("Atvērt aktu"))
        print_button = QPushButton(self.tr("Drukāt"))
        print_button.setAccessibleName(self.tr("Drukāt aktu"))
        document_id = h.act_document_id
        if h.act_available and document_id is not None:
            open_button.clicked.connect(lambda: self.open_document(document_id))
            print_button.clicked.connect(lambda: self.print_document(document_id))
        else:
            handed_out = h.issued_at is not None or h.act_document_id is not None
            why = (self.tr("Akts vēl nav saņemts no centrālā servisa") if handed_out
                   else self.tr("Akts būs pieejams pēc izsniegšanas"))
            for button in (open_button, print_button):
                button.setEnabled(False)
                button.setToolTip(why)
                button.setAccessibleDescription(why)
        flow.addWidget(open_button)
        flow.addWidget(print_button)
        column.addWidget(buttons)
        return field

    def _attachments_field(self, attachments: tuple[AttachmentDetail, ...]) -> QWidget:
        field = QWidget()
        column = QVBoxLayout(field)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        for attachment in attachments:
            row = QHBoxLayout()
            row.setSpacing(6)
            text = attachment.title
            if attachment.type_label and attachment.type_label != attachment.title:
                text = f"{attachment.title}\n{attachment.type_label}"
            label = _value_label(text)
            label.setAccessibleName(attachment.type_label)
            button = QPushButton(self.tr("Atvērt"))
            button.setAccessibleName(self.tr("Atvērt: {0}").format(attachment.title))
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setProperty("document_id", attachment.id)
            if attachment.available:
                doc_id = attachment.id
                button.clicked.connect(lambda _=False, i=doc_id: self.open_document(i))
            else:
                why = self.tr("Fails vēl nav saņemts no centrālā servisa")
                button.setEnabled(False)
                button.setToolTip(why)
                button.setAccessibleDescription(why)
            row.addWidget(label, 1)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            column.addLayout(row)
        return field

    def _fill_incident(self, form: FormRows, h: HandoverDetail) -> None:
        heading = _value_label(self.tr("Ziņojums par nozaudēšanu vai zādzību"))
        bold = QFont(heading.font())
        bold.setBold(True)
        heading.setFont(bold)
        _coloured(heading, CONFLICT_COLOUR)
        form.add_wide(heading)
        lost_or_stolen = h.status in (HandoverStatus.LOST, HandoverStatus.STOLEN)
        self._row(form, self.tr("Veids"),
                  _value_label(h.status_label if lost_or_stolen else EMPTY))
        self._row(form, self.tr("Notika"), _value_label(day(h.incident_occurred_on)))
        self._row(form, self.tr("Apraksts"), _value_label(text_or_dash(h.incident_description)))
        self._row(form, self.tr("Ziņots"), _value_label(when(h.incident_reported_at)))
        closed = (when(h.closed_at) if h.closed_at is not None
                  else self.tr("{0} (lieta nav slēgta)").format(EMPTY))
        self._row(form, self.tr("Lieta slēgta"), _value_label(closed))

    def notification_text(self, n: NotificationDetail) -> str:
        """"Paziņots iesniedzējam: Gatavs izsniegšanai, 07.12.2026 10:15 (e-pasts, SMS)"."""
        names = {"email": self.tr("e-pasts"), "sms": self.tr("SMS")}
        text = self.tr("Paziņots iesniedzējam: {0}, {1}").format(n.kind_label, when(n.at))
        if n.channels:
            text = f"{text} ({', '.join(names.get(c, c) for c in n.channels)})"
        return text

    def _fill_notifications(self, d: ApplicationDetail) -> None:
        lines = [self.notification_text(n) for n in d.notifications]
        self.notifications_label.setText("\n".join(lines))
        self.notifications_label.setVisible(bool(lines))

    # -- files ---------------------------------------------------------------------------------
    def open_document(self, document_id: str) -> None:
        """Open a document's file in the system's viewer (through ``document_file``)."""
        self.openDocumentRequested.emit(document_id)

        def show(path: Path) -> None:
            if not self.open_file(path):
                self._say(self.tr("Failu neizdevās atvērt: sistēmā nav programmas, kas to "
                                  "parāda."))

        self._with_file(document_id, show)

    def print_document(self, document_id: str) -> None:
        """Print a document (the act) through ``document_file``."""
        self.printDocumentRequested.emit(document_id)
        self._with_file(document_id, lambda path: self.print_file(self, path))

    def _with_file(self, document_id: str, use: Callable[[Path], object]) -> None:
        if self._document_file is None:
            return  # the composition root follows the signals itself
        self.file_message.hide()

        def done(path: Path | None) -> None:
            if path is None:
                self._say(self.tr("Fails šajā darbstacijā vēl nav saņemts vai ir bojāts."))
            else:
                use(path)

        self._tasks.run(self._document_file, document_id, on_done=done,
                        on_error=lambda exc: self._say(self.tr(
                            "Failu neizdevās nolasīt ({0})").format(type(exc).__name__)),
                        owner=self, key="document", latest=True)

    def _say(self, message: str) -> None:
        self.file_message.setText(message)
        self.file_message.show()

    def timeline_text(self, entry: TimelineEntry) -> str:
        """"Iesniegts → Piešķirts · ilze.reviewer · 12.11.2026 10:15" (+ the reason below)."""
        transition = (f"{entry.from_label} → {entry.to_label}" if entry.from_label
                      else entry.to_label)
        if entry.entity_type == "handover":
            transition = self.tr("Izsniegšana: {0}").format(transition)
        service = self.tr("e-pakalpojums")
        if entry.central:
            who = service if entry.actor in ("", CENTRAL_ACTOR) else f"{entry.actor} ({service})"
        else:
            who = entry.actor
        text = f"{transition} · {who} · {when(entry.at)}"
        if entry.reason:
            text = f"{text}\n{entry.reason}"
        return text

    def _fill_timeline(self, d: ApplicationDetail) -> None:
        self.timeline.clear()
        for entry in d.timeline:
            item = QListWidgetItem(self.timeline_text(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            if entry.central:
                item.setForeground(QBrush(QColor(CENTRAL_COLOUR)))
                item.setToolTip(self.tr("Notikums no e-pakalpojuma (centrālā servisa)"))
            self.timeline.addItem(item)
        if not d.timeline:
            empty = QListWidgetItem(self.tr("{0} (vēstures ierakstu nav)").format(EMPTY))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.timeline.addItem(empty)
        self.timeline.relayout()

    @property
    def timeline_entries(self) -> int:
        """How many history entries the timeline shows (not counting the "none" line)."""
        return len(self._detail.timeline) if self._detail is not None else 0
