"""The school's default return deadline: the day handovers get unless staff choose another.

Shown on the catalogue's "Resursu veidi" tab (a school-wide lending setting, like the kinds'
own); administrators change it, the others read it. Saved through the task runner; the change
goes to the central service like the catalogue's (``set_default_return_deadline``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.tasks import TaskRunner

DATE_FORMAT = "dd.MM.yyyy"


class SchoolDeadlineBox(QGroupBox):
    """``load`` → the school's default (or None); ``save(day or None)`` → an Outcome."""

    saved = Signal()
    failed = Signal(object)  # the exception, for the page's message line

    def __init__(self, tasks: TaskRunner, *, load: Callable[[], date | None],
                 save: Callable[[date | None], Any], can_edit: Callable[[], bool],
                 today: Callable[[], date] = date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Skolas noklusētais atgriešanas termiņš"), parent)
        self._tasks = tasks
        self._load = load
        self._save = save
        self._can_edit = can_edit
        self._today = today
        self.enabled = QCheckBox(self.tr("Resursi jāatgriež līdz"))
        self.enabled.setAccessibleName(self.tr("Ir noklusētais atgriešanas termiņš"))
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(DATE_FORMAT)
        self.day.setAccessibleName(self.tr("Noklusētais atgriešanas termiņš"))
        self.save_button = QPushButton(self.tr("Saglabāt"))
        self.save_button.clicked.connect(self.save)
        self.enabled.toggled.connect(self._changed)
        self.day.dateChanged.connect(self._changed)
        hint = QLabel(self.tr("Jaunām izsniegšanām, ja termiņu neizvēlas citu (piemēram, "
                              "mācību gada beigas). Visām skolas darbstacijām."))
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.enabled)
        row.addWidget(self.day)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(hint)
        self._held: date | None = None
        self.apply_permission()

    def apply_permission(self) -> None:
        allowed = bool(self._can_edit())
        why = "" if allowed else self.tr("Noklusēto termiņu maina administrators")
        for widget in (self.enabled, self.day, self.save_button):
            widget.setToolTip(why)
        self.enabled.setEnabled(allowed)
        self.day.setEnabled(allowed and self.enabled.isChecked())
        self.save_button.setEnabled(allowed and self._chosen() != self._held)

    def reload(self) -> None:
        self._tasks.run(self._load, on_done=self._show, owner=self, key="load", latest=True)

    def _show(self, held: date | None) -> None:
        self._held = held
        self.enabled.blockSignals(True)
        self.day.blockSignals(True)
        self.enabled.setChecked(held is not None)
        today = self._today()
        self.day.setMinimumDate(QDate(today.year, today.month, today.day))
        shown = held or date(today.year + (today.month > 5), 5, 31)  # the school year's end
        self.day.setDate(QDate(shown.year, shown.month, shown.day))
        self.enabled.blockSignals(False)
        self.day.blockSignals(False)
        self.apply_permission()

    def _chosen(self) -> date | None:
        if not self.enabled.isChecked():
            return None
        picked = self.day.date()
        return date(picked.year(), picked.month(), picked.day())

    def _changed(self, *_: object) -> None:
        self.apply_permission()

    def save(self) -> None:
        chosen = self._chosen()
        self.save_button.setEnabled(False)
        self._tasks.run(self._save, chosen, on_done=lambda _o: self._done(chosen),
                        on_error=self._error, owner=self)

    def _done(self, chosen: date | None) -> None:
        self._held = chosen
        self.apply_permission()
        self.saved.emit()

    def _error(self, exc: Exception) -> None:
        self.apply_permission()
        self.failed.emit(exc)
