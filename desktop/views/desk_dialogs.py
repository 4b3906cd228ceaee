"""Cancelling a handover (the applicant refused the device, or it does not suit)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.views.decision_dialogs import ERROR_COLOUR, MAX_REASON


class CancelHandoverDialog(QDialog):
    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Atcelt izsniegšanu"))
        heading = QLabel(label)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight:600")
        self.reason = QComboBox()
        for code, text in (("submitter_refused", self.tr("Iesniedzējs atteicās pieņemt resursu")),
                           ("item_unsuitable", self.tr("Resurss nav piemērots")),
                           ("other", self.tr("Cits iemesls"))):
            self.reason.addItem(text, code)
        self.reason.setAccessibleName(self.tr("Atcelšanas iemesls"))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Piezīmes"))
        self.notes.setPlaceholderText(self.tr("Piezīmes (obligātas, ja izvēlēts „Cits iemesls“)"))
        self.notes.setTabChangesFocus(True)
        self.error = QLabel()
        self.error.setStyleSheet(f"color:{ERROR_COLOUR}")
        self.error.hide()
        info = QLabel(self.tr("Resurss atkal būs pieejams izsniegšanai."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Neatcelt"))
        buttons.addButton(self.tr("Atcelt izsniegšanu"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (heading, QLabel(self.tr("Iemesls")), self.reason, self.notes, info,
                  self.error, buttons):
            layout.addWidget(w)
        self.resize(420, 300)

    def values(self) -> tuple[str, str | None]:
        return str(self.reason.currentData()), (self.notes.toPlainText().strip() or None)

    def _check(self) -> None:
        reason, notes = self.values()
        if reason == "other" and not notes:
            self.error.setText(self.tr("Norādiet iemeslu piezīmēs."))
            self.error.show()
            return
        if notes and len(notes) > MAX_REASON:
            self.error.setText(self.tr("Piezīmes ir par garu."))
            self.error.show()
            return
        self.accept()
