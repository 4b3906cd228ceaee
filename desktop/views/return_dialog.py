"""Taking a device back: its condition (in working order / damaged) and notes.

Notes are required for a damaged device (what is wrong), as the core requires; the dialog
says so before the staff member presses the button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.views.decision_dialogs import ERROR_COLOUR, MAX_REASON

WORKING = "returned_working_order"
DAMAGED = "damaged"


class ReturnDialog(QDialog):
    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resursa atgriešana"))
        heading = QLabel(label)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight:600")
        self.working = QRadioButton(self.tr("Darba kārtībā"))
        self.damaged = QRadioButton(self.tr("Bojāts"))
        self.working.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.working)
        group.addButton(self.damaged)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Piezīmes, piemēram, kas bojāts un kā"))
        self.notes.setTabChangesFocus(True)
        self.error = QLabel()
        self.error.setStyleSheet(f"color:{ERROR_COLOUR}")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.accept_button = buttons.addButton(self.tr("Pieņemt atpakaļ"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("Stāvoklis")))
        layout.addWidget(self.working)
        layout.addWidget(self.damaged)
        layout.addWidget(QLabel(self.tr("Piezīmes")))
        layout.addWidget(self.notes)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(440, 340)

    def values(self) -> tuple[str, str | None]:
        text = self.notes.toPlainText().strip()
        return (DAMAGED if self.damaged.isChecked() else WORKING), (text or None)

    def _check(self) -> None:
        condition, notes = self.values()
        if condition == DAMAGED and not notes:
            self._say(self.tr("Bojātam resursam aprakstiet bojājumu piezīmēs."))
            return
        if notes and len(notes) > MAX_REASON:
            self._say(self.tr("Piezīmes ir par garu: {0} rakstzīmes, atļauts {1}.").format(
                len(notes), MAX_REASON))
            return
        self.accept()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.notes.setFocus()
