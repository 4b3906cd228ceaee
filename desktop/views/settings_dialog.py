"""The settings dialog: the per-user registry (``desktop.settings``) as a form.

A value that fails its check is refused with the registry's Latvian message, the field is
focused, and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.settings import (
    DEFAULT_RETURN_DEADLINE_DAY,
    LANGUAGES,
    SYNC_INTERVALS_S,
    SettingError,
    Settings,
)

LANGUAGE_NAMES = {"lv": "Latviešu", "en": "English"}


class SettingsDialog(QDialog):
    """Edits a copy of the settings; ``save`` checks and stores it, or raises SettingError."""

    def __init__(self, settings: Settings, save: Callable[[Settings], Settings], *,
                 default_data_dir: str, data_dir_in_use: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = settings
        self._save = save
        self.saved: Settings | None = None
        self.setWindowTitle(self.tr("Iestatījumi — Resursi"))
        self.setMinimumWidth(620)

        self.server_url = QLineEdit(settings.server_url)
        self.server_url.setPlaceholderText("https://resursi.example.lv")
        self.ca_bundle = QLineEdit(settings.ca_bundle)
        self.ca_bundle.setPlaceholderText(self.tr("sistēmas sertifikāti"))
        # in a row with its "Browse" button, so the form's label is the row's, not its own
        self.ca_bundle.setAccessibleName(self.tr("Iestādes sertifikātu fails (CA)"))
        self.qr_url_template = QLineEdit(settings.qr_url_template)
        self.qr_url_template.setCursorPosition(0)
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.sync_interval = QComboBox()
        intervals = sorted({*SYNC_INTERVALS_S, settings.sync_interval_s})
        for seconds in intervals:
            text = (self.tr("ik pēc {0} s").format(seconds) if seconds < 60
                    else self.tr("ik pēc {0} min").format(seconds // 60) if seconds % 60 == 0
                    else self.tr("ik pēc {0} s").format(seconds))
            self.sync_interval.addItem(text, seconds)
        self.sync_interval.setCurrentIndex(self.sync_interval.findData(settings.sync_interval_s))
        self.data_dir = QLineEdit(settings.data_dir)
        self.data_dir.setPlaceholderText(data_dir_in_use or default_data_dir)
        # what this run uses (a --data-dir, or the folder chosen earlier): the field holds
        # only what the next start will use
        self.data_dir_in_use = QLabel(self.tr("Pašlaik izmantotā mape: {0}").format(
            data_dir_in_use or default_data_dir))
        self.data_dir_in_use.setWordWrap(True)
        self.data_dir_in_use.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_dir_in_use.setStyleSheet("color: #555;")
        self.data_dir.setAccessibleName(self.tr("Datu mape"))
        self.return_deadline_day = QLineEdit(settings.return_deadline_day)
        self.return_deadline_day.setPlaceholderText(DEFAULT_RETURN_DEADLINE_DAY)
        self.return_deadline_day.setMaxLength(10)
        self.return_deadline_day.setAccessibleName(
            self.tr("Atgriešanas termiņš (diena un mēnesis)"))

        form = QFormLayout()
        form.addRow(self.tr("Centrālā servisa adrese:"), self.server_url)
        form.addRow(self.tr("Iestādes sertifikātu fails (CA):"),
                    self._with_browse(self.ca_bundle, self._pick_ca))
        form.addRow(self.tr("QR koda adreses veidne:"), self.qr_url_template)
        hint = QLabel(self.tr("Veidnē {application_id} aizstāj ar pieteikuma identifikatoru "
                              "reģistrā (nevis pieteikuma numuru), {receipt_token} – ar "
                              "izsniegšanas slepeno kodu; ja veidnē tā nav, kodu pievieno kā "
                              "?receipt=…"))
        hint.setStyleSheet("color: #555;")
        form.addRow("", hint)
        form.addRow(self.tr("Valoda:"), self.language)
        form.addRow(self.tr("Sinhronizēt:"), self.sync_interval)
        form.addRow(self.tr("Datu mape:"), self._with_browse(self.data_dir, self._pick_folder))
        form.addRow("", self.data_dir_in_use)
        form.addRow(self.tr("Atgriešanas termiņš:"), self.return_deadline_day)
        deadline_hint = QLabel(self.tr(
            "Diena un mēnesis (DD.MM.), kad mācību gada beigās jāatgriež resursi; to piedāvā, "
            "sagatavojot izsniegšanu."))
        deadline_hint.setWordWrap(True)
        deadline_hint.setStyleSheet("color: #555;")
        form.addRow("", deadline_hint)
        self._fields = {"server_url": self.server_url, "ca_bundle": self.ca_bundle,
                        "qr_url_template": self.qr_url_template, "language": self.language,
                        "sync_interval_s": self.sync_interval, "data_dir": self.data_dir,
                        "return_deadline_day": self.return_deadline_day}

        self.restart_note = QLabel(self.tr(
            "Valodas, datu mapes un centrālā servisa maiņa stāsies spēkā pēc programmas restartēšanas."))
        self.restart_note.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a52a2a;")
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Saglabāt"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Atcelt"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.restart_note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _with_browse(self, field: QLineEdit, pick: Callable[[], None]) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        button = QPushButton(self.tr("Izvēlēties…"))
        button.clicked.connect(pick)
        row.addWidget(button)
        return box

    def _pick_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Sertifikātu fails"), "",
                                              self.tr("PEM sertifikāti (*.pem *.crt);;Visi (*)"))
        if path:
            self.ca_bundle.setText(path)

    def _pick_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Datu mape"), self.data_dir.text())
        if path:
            self.data_dir.setText(path)

    def edited(self) -> Settings:
        return replace(
            self._original,
            server_url=self.server_url.text(),
            ca_bundle=self.ca_bundle.text(),
            qr_url_template=self.qr_url_template.text(),
            language=self.language.currentData(),
            sync_interval_s=self.sync_interval.currentData(),
            data_dir=self.data_dir.text(),
            return_deadline_day=self.return_deadline_day.text(),
        )

    def needs_restart(self) -> bool:
        saved = self.saved or self._original
        return any(getattr(saved, name) != getattr(self._original, name)
                   for name in ("language", "data_dir", "server_url", "ca_bundle"))

    def _accept(self) -> None:
        try:
            self.saved = self._save(self.edited())
        except SettingError as exc:
            self.message.setText(exc.message_lv)
            self.message.show()
            field = self._fields.get(exc.field)
            if field is not None:
                field.setFocus()
            return
        self.accept()
