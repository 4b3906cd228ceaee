"""Lost and stolen reports from applicants, with their description; the school acknowledges
one and the device becomes lost or stolen in the inventory."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import ChangeBus, changes_of
from desktop.models.changes import OpChanges
from desktop.tasks import TaskRunner
from desktop.views.decision_dialogs import show_error
from desktop.views.desk_models import RowsModel
from desktop.views.qt_typed import QT_TRANSLATE_NOOP


class IncidentsPanel(QWidget):
    acknowledged = Signal(str)  # handover id

    def __init__(self, tasks: TaskRunner, load: Callable[[], list[Any]],
                 acknowledge: Callable[[str], object], *, changes: ChangeBus | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._changes = changes
        self._load = load
        self._acknowledge = acknowledge
        self.model = RowsModel([
            ("number", QT_TRANSLATE_NOOP("RowsModel", "Pieteikums"), lambda r: r.number),
            ("status", QT_TRANSLATE_NOOP("RowsModel", "Ziņojums"), lambda r: r.status),
            ("reported", QT_TRANSLATE_NOOP("RowsModel", "Ziņots"), lambda r: r.reported_at),
            ("applicant", QT_TRANSLATE_NOOP("RowsModel", "Iesniedzējs"), lambda r: r.applicant_name),
            ("learner", QT_TRANSLATE_NOOP("RowsModel", "Izglītojamais"), lambda r: r.learner_name),
            ("item", QT_TRANSLATE_NOOP("RowsModel", "Inventāra Nr."), lambda r: r.inventory_no),
        ], self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Ziņojumi par nozaudētiem vai nozagtiem resursiem"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.description = QPlainTextEdit(readOnly=True)
        self.description.setAccessibleName(self.tr("Ziņojuma apraksts"))
        self.description.setPlaceholderText(self.tr("Izvēlieties ziņojumu, lai redzētu aprakstu"))
        self.description.setMaximumHeight(110)
        self.empty = QLabel(self.tr("Nav neapstiprinātu ziņojumu par nozaudētiem vai "
                                    "nozagtiem resursiem."))
        self.acknowledge_button = QPushButton(self.tr("Apstiprināt ziņojumu"))
        self.acknowledge_button.setToolTip(self.tr(
            "Resurss inventārā tiks atzīmēts kā nozaudēts vai nozagts"))
        self.acknowledge_button.setEnabled(False)
        self.acknowledge_button.clicked.connect(self.acknowledge_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty)
        buttons.addStretch(1)
        buttons.addWidget(self.acknowledge_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("Iesniedzēja apraksts")))
        layout.addWidget(self.description)
        layout.addLayout(buttons)

    def reload(self) -> None:
        self._tasks.run(self._load, on_done=self._apply, on_error=lambda e: show_error(self, e),
                        owner=self, key="load", latest=True)

    def _apply(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        if rows:
            self.table.selectRow(0)
        self._show_current()

    def current(self) -> Any | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _show_current(self) -> None:
        row = self.current()
        self.description.setPlainText(row.description or "" if row else "")
        self.acknowledge_button.setEnabled(row is not None)

    def acknowledge_current(self) -> None:
        row = self.current()
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Apstiprināt ziņojumu"),
            self.tr("Apstiprināt ziņojumu par pieteikuma {0} resursu {1}? Resurss inventārā "
                    "būs „{2}“.").format(row.number, row.inventory_no or "—",
                                         row.status.label_lv))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.run_acknowledge(row.handover_id)

    def run_acknowledge(self, handover_id: str) -> None:
        def done(outcome: object) -> None:
            self.acknowledged.emit(handover_id)
            if self._changes is not None:
                self._changes.publish(changes_of(outcome, OpChanges.of(
                    handovers=[handover_id], outbox=True)), self)
            self.reload()

        self._tasks.run(self._acknowledge, handover_id, on_done=done,
                        on_error=lambda e: show_error(self, e))
