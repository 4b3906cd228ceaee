"""The data folder's passphrase, asked where the computer has no keyring for its key.

A new folder asks twice (and says that a forgotten passphrase cannot be recovered: the data
then comes again from the central service into a new folder); an existing one asks once, and
again after a wrong answer, saying so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models.store_key import MIN_PASSPHRASE

MIN_LENGTH = MIN_PASSPHRASE  # the core refuses a shorter one too


class PassphraseDialog(QDialog):
    """Asks for the passphrase of ``folder``; ``passphrase`` holds the answer once accepted."""

    def __init__(self, folder: Path, *, new: bool, wrong: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new = new
        self.passphrase: str | None = None
        self.setWindowTitle(self.tr("Datu mapes parole"))
        self.setMinimumWidth(460)

        layout = QVBoxLayout(self)
        if new:
            text = self.tr(
                "Šajā datorā nav drošas paroļu glabātavas, tāpēc skolēnu datus šajā datu mapē "
                "aizsargās parole. Izvēlieties vismaz %n rakstzīmju garu paroli.", "",
                MIN_LENGTH)
            text += "\n\n" + self.tr(
                "Aizmirstu paroli atjaunot nevar: tad dati jāsinhronizē no centrālā servisa "
                "jaunā datu mapē.")
        else:
            text = self.tr("Ievadiet datu mapes paroli.")
        self.intro = QLabel(text)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.folder_label = QLabel(self.tr("Datu mape: {0}").format(folder))
        self.folder_label.setWordWrap(True)
        self.folder_label.setAccessibleName(self.tr("Datu mape"))
        layout.addWidget(self.folder_label)

        form = QFormLayout()
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("Parole"))
        form.addRow(self.tr("Parole:"), self.first)
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Parole vēlreiz"))
        if new:
            form.addRow(self.tr("Parole vēlreiz:"), self.second)
        else:
            self.second.hide()
        layout.addLayout(form)

        self.error = QLabel(self.tr("Parole neatver šo datu mapi; mēģiniet vēlreiz.")
                            if wrong else "")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(wrong)
        layout.addWidget(self.error)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.first.setFocus()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def _accept(self) -> None:
        value = self.first.text()
        if self.new and len(value) < MIN_LENGTH:
            self._say(self.tr("Parolei jābūt vismaz %n rakstzīmju garai.", "", MIN_LENGTH))
            return
        if self.new and value != self.second.text():
            self._say(self.tr("Abas paroles nesakrīt."))
            return
        if not value:
            self._say(self.tr("Ievadiet paroli."))
            return
        self.passphrase = value
        self.accept()
