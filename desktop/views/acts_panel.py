"""The school's filed acts on the desk's "Akti" tab: found by number or name, opened or printed
again, the return act too where there is one.

An act filed on another workstation is listed as soon as the sync has said so; its file comes
with a later sync, and until then the row says so and its buttons stay disabled. Opening or
printing reads the file again (on a worker) and checks it is intact first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.icons import icon
from desktop.tasks import TaskRunner, core_message
from desktop.views.decision_dialogs import ERROR_COLOUR, MUTED_COLOUR
from desktop.views.desk_models import RowsModel, cell_text
from desktop.views.desk_print import FileShower, Reader
from desktop.views.qt_typed import QT_TRANSLATE_NOOP
from desktop.views.table_model import Index
from desktop.views.view_state import capture, restore

SEARCH_DELAY_MS = 250
NOT_HERE_YET = QT_TRANSLATE_NOOP("ActsModel", "Tiks saņemts ar sinhronizāciju")
ON_PAPER = QT_TRANSLATE_NOOP("ActsModel", "{0} (uz papīra)")
FILED = QT_TRANSLATE_NOOP("ActsModel", "Saglabāts")
FILED_WITH_RETURN = QT_TRANSLATE_NOOP("ActsModel", "Saglabāts; arī atgriešanas akts")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ActsModel", text)


def _status(row: Any) -> str:
    """The handover's status; "(uz papīra)" where the paper act was signed instead of the
    receipt confirmed on latvija.gov.lv."""
    label = cell_text(row.status)
    return _tr(ON_PAPER).format(label) if row.issued_on_paper else label


def _file_state(row: Any) -> str:
    if not row.available:
        return _tr(NOT_HERE_YET)
    if row.returned_act_available:
        return _tr(FILED_WITH_RETURN)
    return _tr(FILED)


class ActsModel(RowsModel):
    """The act list: one row per filed act; a row whose file is not here yet is greyed."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            # the application's number is in the act's and below the list: not a column
            ("act", QT_TRANSLATE_NOOP("ActsModel", "Akts"), lambda r: r.act_number),
            # second, so that a narrow window still shows whether the act is here
            ("file", QT_TRANSLATE_NOOP("ActsModel", "Akta fails"), _file_state),
            ("learner", QT_TRANSLATE_NOOP("ActsModel", "Izglītojamais"),
             lambda r: f"{r.learner_name}, {r.learner_class}" if r.learner_class
             else r.learner_name),
            ("applicant", QT_TRANSLATE_NOOP("ActsModel", "Iesniedzējs"),
             lambda r: r.applicant_name),
            ("item", QT_TRANSLATE_NOOP("ActsModel", "Inventāra Nr."), lambda r: r.inventory_no),
            ("issued", QT_TRANSLATE_NOOP("ActsModel", "Izsniegts"),
             lambda r: r.issued_at.astimezone().date() if r.issued_at else None),
            ("status", QT_TRANSLATE_NOOP("ActsModel", "Statuss"), _status),
        ], parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole and not row.available:
            return QColor(MUTED_COLOUR)
        if role == Qt.ItemDataRole.FontRole and not row.available and (
                self.columns[index.column()][0] == "file"):
            font = QFont()
            font.setItalic(True)
            return font
        return super().data(index, role)


class ActsPanel(QWidget):
    """See the module docstring."""

    loaded = Signal(int)  # rows shown, after every load

    def __init__(self, tasks: TaskRunner, load: Callable[[str], list[Any]],
                 act_file: Callable[[str, bool], Path | None], *,
                 read_file: Reader | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._load = load
        self._act_file = act_file
        # how a file is shown and printed (tests and the screenshot tool replace them): read
        # through ``read_file`` (the store's vault: the acts may be sealed), printed from
        # memory, shown from a private copy that lives until this panel goes
        self.files = FileShower(self, read_file)
        self.destroyed.connect(self.files.close)
        self.open_file: Callable[[Path], bool] = self.files.open
        self.print_file: Callable[[QWidget | None, Path], bool] = self.files.print
        self._after_load = ""  # a message to show once the list has been read again

        self.search = QLineEdit(clearButtonEnabled=True)
        self.search.setAccessibleName(self.tr("Meklēt aktu"))
        self.search.setPlaceholderText(self.tr(
            "Pieteikuma vai akta numurs, vārds vai noskenējiet resursa uzlīmi"))
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.reload)
        self.summary = QLabel()
        self.summary.setStyleSheet(f"color:{MUTED_COLOUR}")

        self.model = ActsModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Akti"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.table.doubleClicked.connect(lambda *_: self.open_act())

        self.current_label = QLabel(self.tr("Izvēlieties aktu sarakstā"))
        self.current_label.setTextFormat(Qt.TextFormat.PlainText)
        self.current_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color:{ERROR_COLOUR}")
        self.message.hide()
        self.open_button = QPushButton(self.tr("Atvērt"))
        self.open_button.clicked.connect(self.open_act)
        self.print_button = QPushButton(icon("print"), self.tr("Drukāt atkārtoti"))
        self.print_button.clicked.connect(self.print_act)
        self.open_return_button = QPushButton(self.tr("Atvērt"))
        self.open_return_button.clicked.connect(lambda: self.open_act(returned=True))
        self.print_return_button = QPushButton(icon("print"), self.tr("Drukāt atkārtoti"))
        self.print_return_button.clicked.connect(lambda: self.print_act(returned=True))
        for button, name in ((self.open_button, self.tr("Atvērt aktu")),
                             (self.print_button, self.tr("Drukāt aktu atkārtoti")),
                             (self.open_return_button, self.tr("Atvērt atgriešanas aktu")),
                             (self.print_return_button,
                              self.tr("Drukāt atgriešanas aktu atkārtoti"))):
            button.setAccessibleName(name)
            button.setToolTip(name)
            button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.summary)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Pieņemšanas-nodošanas akts:")), 0, 0)
        grid.addWidget(self.open_button, 0, 1)
        grid.addWidget(self.print_button, 0, 2)
        grid.addWidget(QLabel(self.tr("Atgriešanas akts:")), 1, 0)
        grid.addWidget(self.open_return_button, 1, 1)
        grid.addWidget(self.print_return_button, 1, 2)
        bottom = QHBoxLayout()
        details = QVBoxLayout()
        details.addWidget(self.current_label)
        details.addWidget(self.message)
        bottom.addLayout(details, 1)
        bottom.addLayout(grid)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)  # the tab's frame is margin enough
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    # -- the list ----------------------------------------------------------------------------
    def reload(self) -> None:
        self._timer.stop()
        self._tasks.run(self._load, self.search.text(), on_done=self._apply,
                        on_error=self._failed, owner=self, key="load", latest=True)

    def _failed(self, exc: Exception) -> None:
        self._say(core_message(exc) or self.tr(
            "Aktu sarakstu neizdevās nolasīt ({0}).").format(type(exc).__name__))

    def _apply(self, rows: list[Any]) -> None:
        state = capture(self.table, self._key_at)
        self.model.set_rows(rows)
        kept = restore(self.table, state, self._row_of)
        if not kept and rows:
            self.table.selectRow(0)
        waiting = sum(1 for r in rows if not r.available)
        if not rows:
            text = (self.tr("Nav atrasts neviens akts") if self.search.text().strip()
                    else self.tr("Vēl nav neviena akta"))
        elif waiting:
            text = self.tr("Akti: {0}, no tiem vēl jāsaņem: {1}").format(len(rows), waiting)
        else:
            text = self.tr("Akti: {0}").format(len(rows))
        self.summary.setText(text)
        self._show_current()
        if self._after_load:
            self._say(self._after_load)
            self._after_load = ""
        self.loaded.emit(len(rows))

    def _key_at(self, row: int) -> str | None:
        found = self.model.row_at(row)
        return found.handover_id if found is not None else None

    def _row_of(self, handover_id: object) -> int:
        return self.model.index_of(lambda r: r.handover_id == handover_id).row()

    def current(self) -> Any | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _show_current(self) -> None:
        row = self.current()
        self.message.hide()
        if row is None:
            self.current_label.setText(self.tr("Izvēlieties aktu sarakstā"))
        elif not row.available:
            self.current_label.setText(self.tr(
                "Akta {0} fails vēl nav šajā datorā: tas tiks saņemts ar sinhronizāciju."
            ).format(row.act_number))
        else:
            self.current_label.setText(self.tr("Akts {0} · pieteikums {1} · {2}").format(
                row.act_number, row.application_number, row.learner_name))
        available = row is not None and row.available
        returned = row is not None and row.returned_act_available
        self.open_button.setEnabled(available)
        self.print_button.setEnabled(available)
        self.open_return_button.setEnabled(returned)
        self.print_return_button.setEnabled(returned)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # -- opening and printing ----------------------------------------------------------------
    def open_act(self, *, returned: bool = False) -> None:
        self._with_file(returned, self.open_file)

    def print_act(self, *, returned: bool = False) -> None:
        self._with_file(returned, lambda path: self.print_file(self, path))

    def _with_file(self, returned: bool, use: Callable[[Path], object]) -> None:
        row = self.current()
        if row is None or not (row.returned_act_available if returned else row.available):
            return
        handover_id = row.handover_id

        def found(path: Path | None) -> None:
            if path is None:  # changed since the list was read: read it again, and say why
                self._after_load = self.tr("Akta fails šajā datorā nav atrasts vai ir bojāts.")
                self.reload()
                return
            use(Path(path))

        self._tasks.run(self._act_file, handover_id, returned, on_done=found,
                        on_error=lambda e: self._say(getattr(e, "message_lv", None) or self.tr(
                            "Aktu neizdevās atvērt ({0}).").format(type(e).__name__)),
                        owner=self)
