"""Importing an inventory from CSV: choose a file, see its rows and every error, then commit.

The preview (``inventory_csv.preview_file``) and the commit (``inventory_csv.commit``) come in
as plain callables and run on the task runner. The commit is all or nothing, and the button
offers it only when no row is bad; the errors name the line, the field and the reason. A big
file's preview holds its counts, its first rows and its bad rows (up to a cap): the summary
says how many rows there are and how many bad ones the table does not show.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models import inventory_csv
from desktop.models.codes import ItemStatus
from desktop.models.inventory_csv import LABELS_LV, ImportPreview, RowError
from desktop.tasks import TaskRunner
from desktop.views.qt_typed import QT_TRANSLATE_NOOP
from desktop.views.table_model import ListTableModel

Index = QModelIndex | QPersistentModelIndex
ERROR_COLOUR = "#b3261e"
ERROR_BACKGROUND = "#fdecea"
SUCCESS_COLOUR = "#1d7a3a"
MUTED_COLOUR = "#5f6368"
BadRole = Qt.ItemDataRole.UserRole + 1


class PreviewModel(ListTableModel):
    """The file's rows as read, each with its errors (bad rows tinted and listed)."""

    columns = (
        ("row", QT_TRANSLATE_NOOP("PreviewModel", "Rinda")),
        ("inventory_no", QT_TRANSLATE_NOOP("PreviewModel", "Inventāra numurs")),
        ("kind_code", QT_TRANSLATE_NOOP("PreviewModel", "Resursa veids")),
        ("maker", QT_TRANSLATE_NOOP("PreviewModel", "Ražotājs un modelis")),
        ("year", QT_TRANSLATE_NOOP("PreviewModel", "Gads")),
        ("acquisition_value", QT_TRANSLATE_NOOP("PreviewModel", "Vērtība")),
        ("status", QT_TRANSLATE_NOOP("PreviewModel", "Statuss")),
        ("errors", QT_TRANSLATE_NOOP("PreviewModel", "Kļūdas")),
    )

    def __init__(self, field_labels: dict[str, str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._labels = field_labels or {}

    def _error_text(self, errors: Sequence[RowError]) -> str:
        parts = []
        for e in errors:
            label = self._labels.get(e.field or "", "")
            parts.append(f"{label}: {e.message_lv}" if label else e.message_lv)
        return "\n".join(parts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        key = self.columns[index.column()][0]
        bad_here = any(e.field == key for e in r.errors)
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "row":
                return str(r.row)
            if key == "errors":
                return self._error_text(r.errors) if r.errors else self.tr("✓ derīga")
            if key == "maker":
                return " ".join(p for p in (r.values.get("manufacturer", "").strip(),
                                            r.values.get("model", "").strip()) if p)
            if key == "status":
                raw = r.values.get("status", "").strip()
                return raw or (ItemStatus.NEW.label_lv if not r.errors else "")
            return r.values.get(key, "").strip()
        if role == Qt.ItemDataRole.ToolTipRole and key == "errors" and r.errors:
            return "\n".join(e.line() for e in r.errors)
        if role == BadRole:
            return bool(r.errors)
        if role == Qt.ItemDataRole.BackgroundRole and r.errors:
            return QBrush(QColor(ERROR_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "errors":
                return QBrush(QColor(ERROR_COLOUR if r.errors else SUCCESS_COLOUR))
            if bad_here:
                return QBrush(QColor(ERROR_COLOUR))
        if role == Qt.ItemDataRole.FontRole and bad_here:
            font = QFont()
            font.setBold(True)
            return font
        return None


class _BadRowsOnly(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.only_bad = False

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.only_bad:
            return True
        return bool(self.sourceModel().index(source_row, 0, source_parent).data(BadRole))


class ImportDialog(QDialog):
    """Preview a CSV file, then import all of its rows or none."""

    imported = Signal(int)  # how many items were written

    def __init__(self, tasks: TaskRunner, *, preview: Callable[[str], ImportPreview],
                 commit: Callable[[ImportPreview], int], can_edit: bool,
                 ask_open_path: Callable[[QWidget], str | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._preview_fn = preview
        self._commit_fn = commit
        self._can_edit = can_edit
        self._ask_open_path = ask_open_path or self._ask_with_dialog
        self.preview: ImportPreview | None = None
        self.setWindowTitle(self.tr("Inventāra imports no CSV"))
        self.setMinimumSize(980, 560)

        intro = QLabel(self.tr(
            "Izvēlieties CSV failu (UTF-8, UTF-16 vai Windows-1257, atdalītājs „;“ vai „,“). "
            "Vispirms tiek pārbaudīta katra rinda; importēts tiek viss fails vai nekas."))
        intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Izvēlēties failu…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(self.tr("Fails nav izvēlēts"))
        self.file_label.setStyleSheet(f"color: {MUTED_COLOUR};")
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.only_bad = QCheckBox(self.tr("Rādīt tikai kļūdainās rindas"))
        self.only_bad.toggled.connect(self._filter_bad)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.only_bad)

        self.model = PreviewModel(LABELS_LV, self)
        self.proxy = _BadRowsOnly(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Importējamās rindas"))
        self.table.setModel(self.proxy)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setMinimumSectionSize(26)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Importēt"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.commit)
        cancel = self.buttons.addButton(self.tr("Aizvērt"),
                                        QDialogButtonBox.ButtonRole.RejectRole)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addLayout(summary_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        if not can_edit:
            why = self.tr("Katalogu labot var tikai administrators")
            self.choose_button.setEnabled(False)
            self.choose_button.setToolTip(why)
            self.import_button.setToolTip(why)

    def _ask_with_dialog(self, parent: QWidget) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, self.tr("Inventāra CSV fails"), "",
                                              self.tr("CSV faili (*.csv *.txt);;Visi faili (*)"))
        return path or None

    def choose_file(self) -> None:
        path = self._ask_open_path(self)
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        """Read and check ``path`` in the background; nothing is written."""
        self.file_label.setText(Path(path).name)
        self.summary.setText(self.tr("Pārbauda…"))
        self.import_button.setEnabled(False)
        self._run(self._preview_fn, path, on_done=self.show_preview,
                        on_error=self._failed)

    def show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.model.set_rows(preview.rows)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, 56)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeRowsToContents()
        rows = preview.row_count
        bad = preview.bad_row_count
        found = self.tr("{0}, atdalītājs „{1}“").format(preview.encoding_label,
                                                          preview.delimiter or "?")
        parts = [found, self.tr("%n rindas", "", rows)]
        if len(preview.rows) < rows:  # a big file: its first rows and its bad ones
            first = min(rows, inventory_csv.PREVIEW_ROWS)
            parts.append((self.tr("tabulā redzamas pirmās {0} un kļūdainās") if bad
                          else self.tr("tabulā redzamas pirmās {0}")).format(first))
        if preview.ignored_columns:
            parts.append(self.tr("netiks importētas kolonnas: {0}").format(
                ", ".join(preview.ignored_columns)))
        text = html.escape(" · ".join(parts))
        if preview.file_errors:
            problems = "<br>".join(html.escape(e.message_lv) for e in preview.file_errors)
            text += f"<br><span style='color:{ERROR_COLOUR}'><b>{problems}</b></span>"
        elif bad:
            said = (self.tr("%n rindās ir kļūdas", "", bad)
                    + self.tr(" — nekas netiks importēts, kamēr tās nav izlabotas failā."))
            hidden = bad - len(preview.bad_rows)
            if hidden > 0:
                said += " " + self.tr("(Vēl %n kļūdainas rindas nav parādītas.)", "", hidden)
            text += f"<br><span style='color:{ERROR_COLOUR}'><b>{html.escape(said)}</b></span>"
        else:
            said = self.tr("Visas rindas ir derīgas.")
            text += f"<br><span style='color:{SUCCESS_COLOUR}'><b>{said}</b></span>"
        self.summary.setText(text)
        self.import_button.setText(
            self.tr("Importēt %n resursus", "", rows)
            if preview.ok else self.tr("Importēt"))
        self.import_button.setEnabled(self._can_edit and preview.ok)
        if bad and not self.only_bad.isChecked():
            self.only_bad.setChecked(True)

    def _filter_bad(self, only: bool) -> None:
        self.proxy.only_bad = only
        self.proxy.invalidate()
        self.table.resizeRowsToContents()

    def commit(self) -> None:
        if self.preview is None or not self.preview.ok or not self._can_edit:
            return
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.summary.setText(self.tr("Importē…"))
        self._run(self._commit_fn, self.preview, on_done=self._committed,
                        on_error=self._failed)

    def _committed(self, count: int) -> None:
        self.imported.emit(int(count))
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.choose_button.setEnabled(self._can_edit)
        errors = getattr(exc, "errors", None)
        message = getattr(exc, "message_lv", None)
        if not isinstance(message, str):
            message = self.tr("Failu neizdevās nolasīt: {0}").format(
                getattr(exc, "strerror", None) or type(exc).__name__)
        lines = [html.escape(line) for line in
                 (message, *(e.line() for e in (errors or [])[:20]))]
        self.summary.setText(f"<span style='color:{ERROR_COLOUR}'><b>"
                             + "<br>".join(lines) + "</b></span>")
        self.import_button.setEnabled(False)

    def _run(self, fn: Callable[..., Any], *args: Any,
             on_done: Callable[..., Any] | None = None,
             on_error: Callable[[Exception], Any] | None = None) -> None:
        """On the task runner; the callbacks are dropped if this widget is gone by then."""
        self._tasks.run(fn, *args, on_done=on_done, on_error=on_error, owner=self)
