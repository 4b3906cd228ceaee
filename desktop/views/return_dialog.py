"""Taking a device back: the kind's checklist ticked off, the device's grade, and notes.

Each entry of the kind's checklist ("Lādētājs", "Soma", …) is a checkbox, none ticked until
the staff member has seen it; the grade ("Kā jauns" … "Bojāts") is chosen, never assumed; a
missing entry or a damaged device needs notes, as the registry's rule requires on both sides
(``rules.check_return_notes``), and the dialog says so before anything is sent. Everything is
reachable by keyboard: Tab through the checkboxes (Space ticks), Alt with a grade's underlined
letter, Ctrl+Enter to take the device back. Long checklists go into columns so that fifteen
entries still fit a 1366×768 screen at 125 %.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.models.codes import ReturnCondition, ReturnGrade
from desktop.models.rules import missing_from
from desktop.views.decision_dialogs import ERROR_COLOUR, MAX_REASON

WORKING = ReturnCondition.RETURNED_WORKING_ORDER.value
DAMAGED = ReturnCondition.DAMAGED.value
# The checklist's room: at most three columns within this many pixels, at most this many rows
# before it scrolls (fifteen entries and the rest of the dialog fit 1366×768 at 125 %).
MAX_COLUMNS = 3
ROWS_BEFORE_COLUMNS = 5
CHECKLIST_WIDTH = 780
COLUMN_GAP = 24
MAX_ROWS = 8


@dataclass(frozen=True)
class ReturnAnswer:
    """What the staff member recorded: the register's condition follows from the grade."""

    grade: ReturnGrade
    notes: str | None
    checklist: list[tuple[str, bool]]  # (entry, came back), in the kind's order

    @property
    def condition(self) -> ReturnCondition:
        return self.grade.condition


class _Notes(QPlainTextEdit):
    """A few lines high to begin with (the dialog grows it when resized)."""

    def sizeHint(self) -> QSize:
        return QSize(420, 84)


class ReturnDialog(QDialog):
    def __init__(self, label: str, parent: QWidget | None = None, *,
                 checklist: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resursa atgriešana"))
        heading = QLabel(label)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight:600")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)

        self._names = list(checklist)
        self.items: list[QCheckBox] = []
        self.all_button: QPushButton | None = None
        if self._names:
            layout.addWidget(self._checklist_box())

        grades = QGroupBox(self.tr("Stāvoklis"))
        grade_row = QHBoxLayout(grades)
        self._grade_group = QButtonGroup(self)
        texts = {ReturnGrade.AS_NEW: self.tr("&Kā jauns"), ReturnGrade.GOOD: self.tr("&Labs"),
                 ReturnGrade.FAIR: self.tr("&Apmierinošs"),
                 ReturnGrade.DAMAGED: self.tr("&Bojāts")}
        self.grades: dict[ReturnGrade, QRadioButton] = {}
        for grade in ReturnGrade:
            button = QRadioButton(texts[grade])
            self._grade_group.addButton(button)
            grade_row.addWidget(button)
            self.grades[grade] = button
        grade_row.addStretch(1)
        layout.addWidget(grades)

        notes_label = QLabel(self.tr("&Piezīmes (obligātas, ja kaut kas trūkst vai resurss "
                                     "ir bojāts)"))
        notes_label.setWordWrap(True)
        self.notes = _Notes()
        self.notes.setPlaceholderText(self.tr("Piemēram, kas bojāts un kā, kas trūkst un kad "
                                              "to atnesīs"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(60)
        notes_label.setBuddy(self.notes)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes, 1)

        self.error = QLabel()
        self.error.setStyleSheet(f"color:{ERROR_COLOUR}")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.accept_button = buttons.addButton(self.tr("Pieņemt atpakaļ"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setToolTip(self.tr("Ctrl+Enter"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self._check)
        layout.addWidget(buttons)
        self.resize(max(480, self.sizeHint().width()), self.sizeHint().height())
        first = self.items[0] if self.items else self.grades[ReturnGrade.AS_NEW]
        first.setFocus()

    def _checklist_box(self) -> QGroupBox:
        """The entries down one column, in more (of five rows) for a longer list as far as
        the width a laptop screen leaves allows, and in a scrolled pane past ``MAX_ROWS``."""
        box = QGroupBox(self.tr("Komplektācija: atzīmējiet, kas atgriezts"))
        for name in self._names:
            item = QCheckBox(name.replace("&", "&&"))  # a name's "&" is not a shortcut
            item.setAccessibleName(name)
            self.items.append(item)
        widest = max(item.sizeHint().width() for item in self.items) + COLUMN_GAP
        wanted = -(-len(self.items) // ROWS_BEFORE_COLUMNS)  # one column for a short list
        columns = max(1, min(MAX_COLUMNS, CHECKLIST_WIDTH // widest, wanted))
        rows = -(-len(self.items) // columns)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(COLUMN_GAP)
        for n, item in enumerate(self.items):  # down the first column, then the next
            grid.addWidget(item, n % rows, n // rows)
        grid.setColumnStretch(columns, 1)
        self.all_button = QPushButton(self.tr("Atzīmēt visu"))
        self.all_button.setAutoDefault(False)
        self.all_button.clicked.connect(self._tick_all)
        row = QHBoxLayout(box)
        if rows > MAX_ROWS:
            scroll = QScrollArea()
            scroll.setWidget(grid_host)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setFixedHeight(MAX_ROWS * (self.items[0].sizeHint().height()
                                              + grid.verticalSpacing()))
            row.addWidget(scroll, 1)
        else:
            row.addWidget(grid_host, 1)
        row.addWidget(self.all_button, 0, Qt.AlignmentFlag.AlignTop)
        return box

    def _tick_all(self) -> None:
        for item in self.items:
            item.setChecked(True)

    # -- what was recorded ---------------------------------------------------------------------
    def _grade(self) -> ReturnGrade | None:
        return next((g for g, b in self.grades.items() if b.isChecked()), None)

    def _text(self) -> str | None:
        return self.notes.toPlainText().strip() or None

    def answer(self) -> ReturnAnswer:
        """The recorded return (only once accepted is the grade certain to be chosen)."""
        return ReturnAnswer(grade=self._grade() or ReturnGrade.GOOD, notes=self._text(),
                            checklist=[(name, item.isChecked())
                                       for name, item in zip(self._names, self.items,
                                                             strict=True)])

    def values(self) -> tuple[str, str | None]:
        """(the register's condition code, notes): what a desk without grades sends."""
        grade = self._grade()
        condition = grade.condition.value if grade is not None else WORKING
        return condition, self._text()

    # -- checking before it is sent ------------------------------------------------------------
    def _check(self) -> None:
        grade = self._grade()
        notes = self._text()
        if grade is None:
            self._say(self.tr("Izvēlieties resursa stāvokli."),
                      self.grades[ReturnGrade.AS_NEW])
            return
        missing = missing_from(self.answer().checklist)
        if missing and not notes:
            self._say(self.tr("Trūkst: {0}. Aprakstiet piezīmēs, kas trūkst un kāpēc.").format(
                ", ".join(missing)))
            return
        if grade is ReturnGrade.DAMAGED and not notes:
            self._say(self.tr("Bojātam resursam aprakstiet bojājumu piezīmēs."))
            return
        if notes and len(notes) > MAX_REASON:
            self._say(self.tr("Piezīmes ir par garu: {0} rakstzīmes, atļautas ne vairāk kā "
                              "{1}.").format(len(notes), MAX_REASON))
            return
        self.accept()

    def _say(self, text: str, focus: QWidget | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        (focus or self.notes).setFocus()
