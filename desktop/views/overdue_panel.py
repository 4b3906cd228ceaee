"""Devices past their return deadline, the longest overdue first, with the applicant's phone
and e-mail; for a selection: a new return deadline, taking one back, recording its loss, and
the list as a CSV file for calling round."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.icons import icon
from desktop.tasks import TaskRunner, core_message
from desktop.views.decision_dialogs import ERROR_COLOUR, show_error
from desktop.views.desk_models import RowsModel
from desktop.views.qt_typed import QT_TRANSLATE_NOOP

OK_COLOUR = "#1d7a3a"


def ask_save_path(parent: QWidget | None, suggested: str, file_filter: str) -> Path | None:
    title = QCoreApplication.translate("OverduePanel", "Saglabāt kā")
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return Path(name) if name else None


class OverduePanel(QWidget):
    """See the module docstring. ``change_deadline`` and ``record_incident`` (the
    ``Lifecycle``'s, GUI thread) may be None: their actions are then not offered."""

    # (handover id, application number): take this device back on the return tab
    take_back_requested = Signal(str, str)
    exported = Signal(str)  # the path written

    def __init__(self, tasks: TaskRunner, load: Callable[[], list[Any]], *,
                 export: Callable[[list[Any], Path], int] | None = None,
                 change_deadline: Callable[[list[str], date | None, str], object] | None = None,
                 record_incident: Callable[[str, str], object] | None = None,
                 remind_return: Callable[[list[str]], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._load = load
        self._export = export
        self._change_deadline = change_deadline
        self._record_incident = record_incident
        self._remind_return = remind_return
        self.ask_path: Callable[[QWidget | None, str, str], Path | None] = ask_save_path
        self.model = RowsModel([
            ("number", QT_TRANSLATE_NOOP("RowsModel", "Pieteikums"), lambda r: r.number),
            ("learner", QT_TRANSLATE_NOOP("RowsModel", "Izglītojamais"), lambda r: r.learner_name),
            ("class", QT_TRANSLATE_NOOP("RowsModel", "Klase"), lambda r: r.learner_class),
            ("applicant", QT_TRANSLATE_NOOP("RowsModel", "Iesniedzējs"), lambda r: r.applicant_name),
            ("phone", QT_TRANSLATE_NOOP("RowsModel", "Tālrunis"), lambda r: r.phone),
            ("email", QT_TRANSLATE_NOOP("RowsModel", "E-pasts"),
             lambda r: getattr(r, "email", None)),
            ("item", QT_TRANSLATE_NOOP("RowsModel", "Inventāra Nr."), lambda r: r.inventory_no),
            ("deadline", QT_TRANSLATE_NOOP("RowsModel", "Termiņš"), lambda r: r.return_deadline),
            ("late", QT_TRANSLATE_NOOP("RowsModel", "Kavēts"),
             # "21 diena", "5 dienas": the plural forms come from the translations
             lambda r: self.tr("%n dienas", "", r.days_overdue)),
        ], self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Kavēta atgriešana"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.table.doubleClicked.connect(lambda *_: self.take_back_current())
        self.summary = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()

        self.deadline_action = QAction(self.tr("Mainīt termiņu…"), self)
        self.deadline_action.setToolTip(self.tr(
            "Jauns atgriešanas termiņš visiem atlasītajiem resursiem"))
        self.deadline_action.triggered.connect(self.change_deadline)
        self.take_back_action = QAction(icon("return"), self.tr("Pieņemt atpakaļ"), self)
        self.take_back_action.triggered.connect(self.take_back_current)
        self.incident_action = QAction(icon("lost"), self.tr("Ierakstīt nozaudēšanu…"), self)
        self.incident_action.setToolTip(self.tr(
            "Iesniedzējs ziņoja, ka resurss nozaudēts vai nozagts"))
        self.incident_action.triggered.connect(self.record_incident)
        self.remind_action = QAction(self.tr("Atgādināt iesniedzējam"), self)
        self.remind_action.setToolTip(self.tr(
            "Centrālais serviss atgādinās atlasīto resursu iesniedzējiem tos atgriezt"))
        self.remind_action.triggered.connect(self.remind_return)
        self.remind_action.setVisible(remind_return is not None)
        self.export_action = QAction(icon("export"), self.tr("Eksportēt CSV…"), self)
        self.export_action.setToolTip(self.tr("Sarakstā redzamās rindas CSV failā"))
        self.export_action.triggered.connect(self.export_csv)
        self.deadline_action.setVisible(change_deadline is not None)
        self.incident_action.setVisible(record_incident is not None)
        self.export_action.setVisible(export is not None)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions([self.take_back_action, self.deadline_action,
                               self.remind_action, self.incident_action])

        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        self.buttons: dict[str, QPushButton] = {}
        for key, action in (("deadline", self.deadline_action),
                            ("remind", self.remind_action),
                            ("take_back", self.take_back_action),
                            ("incident", self.incident_action),
                            ("export", self.export_action)):
            button = QPushButton(action.icon(), action.text())
            button.setToolTip(action.toolTip() if action.toolTip() != action.text() else "")
            button.clicked.connect(action.trigger)
            button.setVisible(action.isVisible())
            action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))
            self.buttons[key] = button
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)  # the tab's frame is margin enough
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self._update_actions()

    # -- the list ----------------------------------------------------------------------------
    def reload(self) -> None:
        self._tasks.run(self._load, on_done=self._apply, on_error=lambda e: show_error(self, e),
                        owner=self, key="load", latest=True)

    def _apply(self, rows: list[Any]) -> None:
        chosen = {r.handover_id for r in self.selected_rows()}
        self.model.set_rows(rows)
        for number, row in enumerate(rows):  # the selection survives a reload
            if row.handover_id in chosen:
                self.table.selectionModel().select(
                    self.model.index(number, 0),
                    self.table.selectionModel().SelectionFlag.Select
                    | self.table.selectionModel().SelectionFlag.Rows)
        self.summary.setText(self.tr("Nav resursu ar nokavētu atgriešanas termiņu.") if not rows
                             else self.tr("Atgriešanas termiņš nokavēts: {0}").format(len(rows)))
        self._update_actions()

    def rows(self) -> list[Any]:
        return self.model.rows()

    def selected_rows(self) -> list[Any]:
        picked = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [row for row in (self.model.row_at(n) for n in picked) if row is not None]

    def _update_actions(self) -> None:
        picked = len(self.selected_rows())
        self.deadline_action.setEnabled(picked > 0)
        self.remind_action.setEnabled(picked > 0)
        self.take_back_action.setEnabled(picked == 1)
        self.incident_action.setEnabled(picked == 1)
        self.export_action.setEnabled(self.model.row_total() > 0)

    # -- actions -----------------------------------------------------------------------------
    @staticmethod
    def _label(row: Any) -> str:
        return f"{row.number} · {row.learner_name}"  # as the lifecycle's dialogs head a case

    def change_deadline(self) -> None:
        rows = self.selected_rows()
        if not rows or self._change_deadline is None:
            return
        deadlines = {r.return_deadline for r in rows}
        current = deadlines.pop() if len(deadlines) == 1 else None
        # a selection is headed by the dialog itself ("3 selected"), one case by its label
        label = self._label(rows[0]) if len(rows) == 1 else ""
        self._change_deadline([r.handover_id for r in rows], current, label)

    def remind_return(self) -> None:
        rows = self.selected_rows()
        if rows and self._remind_return is not None:
            self._remind_return([r.handover_id for r in rows])

    def take_back_current(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.take_back_requested.emit(rows[0].handover_id, rows[0].number)

    def record_incident(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1 and self._record_incident is not None:
            self._record_incident(rows[0].handover_id, self._label(rows[0]))

    def export_csv(self) -> None:
        rows = self.rows()
        if not rows or self._export is None:
            return
        suggested = f"kaveta-atgriesana-{date.today().isoformat()}.csv"
        path = self.ask_path(self, suggested, self.tr("CSV faili (*.csv)"))
        if path is None:
            return
        self.export_action.setEnabled(False)
        self._tasks.run(self._export, rows, path,
                        on_done=lambda n: self._exported(path, n),
                        on_error=lambda e: self._export_failed(path, e), owner=self)

    def _exported(self, path: Path, rows: int) -> None:
        self._say(self.tr("Saglabāts: {0} (rindas: {1})").format(str(path), rows), OK_COLOUR)
        self._update_actions()
        self.exported.emit(str(path))

    def _export_failed(self, path: Path, exc: Exception) -> None:
        self._say(core_message(exc) or self.tr(
            "Neizdevās saglabāt failu {0}.").format(path.name), ERROR_COLOUR)
        self._update_actions()

    def _say(self, text: str, colour: str) -> None:
        self.message.setStyleSheet(f"color:{colour}")
        self.message.setText(text)
        self.message.show()
