"""Devices past their return deadline, the longest overdue first, with a phone to call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.tasks import TaskRunner
from desktop.views.decision_dialogs import show_error
from desktop.views.desk_models import RowsModel
from desktop.views.qt_typed import QT_TRANSLATE_NOOP


def days_text(days: int) -> str:
    """Latvian agreement: 1, 21, 31… diena; otherwise dienas."""
    return f"{days} diena" if days % 10 == 1 and days % 100 != 11 else f"{days} dienas"


class OverduePanel(QWidget):
    def __init__(self, tasks: TaskRunner, load: Callable[[], list[Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._load = load
        self.model = RowsModel([
            ("number", QT_TRANSLATE_NOOP("RowsModel", "Pieteikums"), lambda r: r.number),
            ("learner", QT_TRANSLATE_NOOP("RowsModel", "Izglītojamais"), lambda r: r.learner_name),
            ("class", QT_TRANSLATE_NOOP("RowsModel", "Klase"), lambda r: r.learner_class),
            ("applicant", QT_TRANSLATE_NOOP("RowsModel", "Iesniedzējs"), lambda r: r.applicant_name),
            ("phone", QT_TRANSLATE_NOOP("RowsModel", "Tālrunis"), lambda r: r.phone),
            ("item", QT_TRANSLATE_NOOP("RowsModel", "Inventāra nr."), lambda r: r.inventory_no),
            ("deadline", QT_TRANSLATE_NOOP("RowsModel", "Termiņš"), lambda r: r.return_deadline),
            ("late", QT_TRANSLATE_NOOP("RowsModel", "Kavēts"), lambda r: days_text(r.days_overdue)),
        ], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        self._tasks.run(self._load, on_done=self._apply, on_error=lambda e: show_error(self, e),
                        owner=self, key="load", latest=True)

    def _apply(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        self.summary.setText(self.tr("Nav resursu ar nokavētu atgriešanas termiņu.") if not rows
                             else self.tr("Atgriešanas termiņš nokavēts: {0}").format(len(rows)))
