"""The administrator's "Darbstacijas" dialog (issue 15): the computers that hold the school's
data, and revoking a lost one.

A table (name, last user, last sync, status), this computer marked; "Atsaukt…" asks first,
saying what follows (the laptop's copy is erased at its next connection, its unsent work is
lost), and is off for a revoked workstation and for this one. The list and the revocation are
plain callables run off the GUI thread (``desktop.tasks``); a failure (offline, not allowed)
is shown in the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.tasks import TaskRunner, error_text
from desktop.views.dates import shown_date, shown_datetime
from desktop.views.qt_typed import QT_TRANSLATE_NOOP
from desktop.views.table_model import Index, ListTableModel
from desktop.workstations import Row

ERROR_COLOUR = "#b3261e"
MUTED_COLOUR = "#5f6368"
# Logical pixels: inside 1366×768 at 125 % (1093×614 less the frame and the task bar).
DIALOG_SIZE = (780, 440)


class WorkstationsModel(ListTableModel):
    """The workstations, one row each; the status column says when one was revoked."""

    columns = (("name", QT_TRANSLATE_NOOP("WorkstationsModel", "Nosaukums")),
               ("user", QT_TRANSLATE_NOOP("WorkstationsModel", "Lietotājs")),
               ("seen", QT_TRANSLATE_NOOP("WorkstationsModel", "Pēdējā sinhronizācija")),
               ("status", QT_TRANSLATE_NOOP("WorkstationsModel", "Statuss")))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: Row | None = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        key = self.columns[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and key == "status" and row.revoked:
            return QColor(ERROR_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and key == "name":
            return row.id
        return None

    def _text(self, row: Row, key: str) -> str:
        if key == "name":
            name = row.name or self.tr("(bez nosaukuma)")
            return self.tr("{0} (šī)").format(name) if row.this else name
        if key == "user":
            return row.last_user
        if key == "seen":
            return shown_datetime(row.last_seen)
        if row.revoked:
            return self.tr("Atsaukta {0}").format(shown_date(row.revoked_at))
        return self.tr("Aktīva")


class WorkstationsDialog(QDialog):
    """The school's workstations; ``load`` and ``revoke`` run on ``tasks``' workers."""

    shown_rows = Signal()  # a list arrived and is shown (for tests and screenshots)
    revoked = Signal(str)  # a workstation was revoked (its id)

    def __init__(self, tasks: TaskRunner, load: Callable[[], list[Row]],
                 revoke: Callable[[str], None], *, language: str = "lv",
                 confirm: Callable[[Row], bool] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._load = load
        self._revoke = revoke
        self._language = language
        self._confirm = confirm or self._ask
        self._busy = False
        self.setWindowTitle(self.tr("Darbstacijas"))
        self.resize(*DIALOG_SIZE)

        intro = QLabel(self.tr(
            "Datori, kas sinhronizē skolas datus ar centrālo servisu. Ja dators ir pazudis vai "
            "nodots citam, atsauciet to: nākamajā savienojuma reizē tas dzēsīs savu lokālo "
            "datu kopiju."))
        intro.setWordWrap(True)
        self.model = WorkstationsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Darbstacijas"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setCornerButtonEnabled(False)  # one row at a time: nothing to select all
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _now, _before: self._update())
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setStyleSheet(f"color: {MUTED_COLOUR};")
        self.state.setAccessibleName(self.tr("Stāvoklis"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.setAccessibleName(self.tr("Kļūda"))
        self.error.hide()

        self.revoke_button = QPushButton(self.tr("Atsaukt…"))
        self.revoke_button.setAccessibleName(self.tr("Atsaukt darbstaciju"))
        self.revoke_button.setAutoDefault(False)
        self.revoke_button.clicked.connect(self.revoke_chosen)
        self.reload_button = QPushButton(self.tr("Atjaunot sarakstu"))
        self.reload_button.setAccessibleName(self.tr("Atjaunot sarakstu"))
        self.reload_button.setAutoDefault(False)
        self.reload_button.clicked.connect(self.reload)
        self.box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.box.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Aizvērt"))
        self.close_button.setAccessibleName(self.tr("Aizvērt"))
        self.box.rejected.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.revoke_button)
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        buttons.addWidget(self.box)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.state)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.reload()
        self.table.setFocus()

    # -- what is shown ---------------------------------------------------------------------
    def chosen(self) -> Row | None:
        index = self.table.currentIndex()
        row: Row | None = self.model.row_at(index.row()) if index.isValid() else None
        return row

    def reload(self, select: str | None = None) -> None:
        """Ask for the list again (off the GUI thread); ``select`` keeps that row chosen."""
        chosen = self.chosen()
        keep = select or (chosen.id if chosen else None)
        self._busy = True
        self.state.setText(self.tr("Saraksts tiek ielādēts…"))
        self._update()
        self._tasks.run(self._load, on_done=lambda rows: self._show(rows, keep),
                        on_error=self._failed, owner=self, key="workstations", latest=True)

    def _show(self, rows: list[Row], keep: str | None) -> None:
        self._busy = False
        self.model.set_rows(rows)
        at = next((n for n, r in enumerate(rows) if r.id == keep), 0 if rows else -1)
        if at >= 0:
            self.table.setCurrentIndex(self.model.index(at, 0))
        revoked = sum(1 for r in rows if r.revoked)
        self.state.setText(
            self.tr("Nevienas darbstacijas vēl nav.") if not rows else
            self.tr("Darbstacijas: {0}, no tām atsauktas: {1}").format(len(rows), revoked))
        self.error.hide()
        self._update()
        self.shown_rows.emit()

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        self.state.setText("")
        self.error.setText(error_text(exc, self._language))
        self.error.show()
        self._update()

    def _update(self) -> None:
        row = self.chosen()
        can = not self._busy and row is not None and not row.revoked and not row.this
        self.revoke_button.setEnabled(can)
        if row is not None and row.this:
            self.revoke_button.setToolTip(self.tr("Šo darbstaciju nevar atsaukt no tās pašas"))
        elif row is not None and row.revoked:
            self.revoke_button.setToolTip(self.tr("Šī darbstacija jau ir atsaukta"))
        else:
            self.revoke_button.setToolTip("")
        self.reload_button.setEnabled(not self._busy)

    # -- revoking --------------------------------------------------------------------------
    def _ask(self, row: Row) -> bool:
        box, yes = self.confirmation(row)
        box.exec()
        return box.clickedButton() is yes

    def confirmation(self, row: Row) -> tuple[QMessageBox, QAbstractButton]:
        """The question before revoking ``row``, and its "Atsaukt" button."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Atsaukt darbstaciju"),
            self.tr("Atsaukt darbstaciju „{0}“ (pēdējais lietotājs: {1})?").format(
                row.name or row.id, row.last_user),
            QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr(
            "Nākamajā savienojuma reizē ar centrālo servisu šis dators dzēsīs savu lokālo "
            "datu kopiju. Darbs, ko tajā vēl nav nosūtīts, tiks zaudēts. Atsaukumu nevar "
            "atcelt."))
        yes = box.addButton(self.tr("Atsaukt"), QMessageBox.ButtonRole.DestructiveRole)
        no = box.addButton(self.tr("Atcelt"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        return box, yes

    def revoke_chosen(self) -> None:
        row = self.chosen()
        if row is None or not self.revoke_button.isEnabled() or not self._confirm(row):
            return
        self._busy = True
        self.state.setText(self.tr("Darbstacija tiek atsaukta…"))
        self._update()
        self._tasks.run(self._revoke, row.id, on_done=lambda _none: self._done(row.id),
                        on_error=self._failed, owner=self, key="revoke")

    def _done(self, workstation_id: str) -> None:
        self.revoked.emit(workstation_id)
        self.reload(select=workstation_id)
