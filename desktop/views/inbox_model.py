"""The inbox's table model: holds the ordered row ids, fetches rows a block at a time."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from desktop.models.codes import ApplicationStatus
from desktop.models.queries import InboxRow
from desktop.views.table_model import ColumnsTableModel

IdRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex

# (key, Latvian header, sort key or None)
COLUMNS: list[tuple[str, str, str | None]] = [
    ("number", QT_TRANSLATE_NOOP("InboxModel", "Numurs"), "number"),
    ("submitted_at", QT_TRANSLATE_NOOP("InboxModel", "Iesniegts"), "submitted_at"),
    ("learner_name", QT_TRANSLATE_NOOP("InboxModel", "Izglītojamais"), "learner_name"),
    ("learner_class", QT_TRANSLATE_NOOP("InboxModel", "Klase"), "learner_class"),
    ("submitter_name", QT_TRANSLATE_NOOP("InboxModel", "Iesniedzējs"), None),
    ("kind_label", QT_TRANSLATE_NOOP("InboxModel", "Resurss"), "kind_code"),
    ("status", QT_TRANSLATE_NOOP("InboxModel", "Statuss"), "status"),
    ("sync", QT_TRANSLATE_NOOP("InboxModel", "Sinhronizācija"), None),
]

STATUS_COLOURS = {
    ApplicationStatus.SUBMITTED: "#1f5fa8",
    ApplicationStatus.POSTPONED: "#a86a00",
    ApplicationStatus.CONFIRMED: "#1d7a3a",
    ApplicationStatus.DECLINED: "#a52a2a",
    ApplicationStatus.WITHDRAWN: "#666666",
    ApplicationStatus.DELETED: "#666666",
}


class RowSource(Protocol):
    def __call__(self, ids: Sequence[int]) -> list[InboxRow]: ...


class InboxModel(ColumnsTableModel):
    """Rows are fetched on demand from ``fetch_rows`` in blocks; only ids are kept for all."""

    columns = COLUMNS

    BLOCK = 100
    MAX_BLOCKS = 20

    sortRequested = Signal(str, bool)  # sort key, descending

    def __init__(self, fetch_rows: RowSource, *, language: str = "lv",
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._language = language
        self._ids: list[int] = []
        self._rows_by_id: dict[int, int] | None = None  # built on the first look-up
        self._blocks: OrderedDict[int, dict[int, InboxRow]] = OrderedDict()
        self.date_format: Callable[[Any], str] = lambda d: d.strftime("%d.%m.%Y")

    # -- data in -----------------------------------------------------------------
    def set_ids(self, ids: list[int]) -> None:
        """Show ``ids`` in this order. The same ids again only repaint (a reset would clear
        the view's selection for nothing)."""
        if ids == self._ids:
            self.refresh_rows()
            return
        self.beginResetModel()
        self._ids = list(ids)
        self._rows_by_id = None
        self._blocks.clear()
        self.endResetModel()

    def refresh_rows(self, changed: set[int] | None = None) -> None:
        """Forget cached rows (all, or those of ``changed`` ids) and repaint them."""
        if not self._ids:
            return
        self._blocks.clear()
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1,
                                                             len(COLUMNS) - 1))

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, application_id: int) -> int:
        if self._rows_by_id is None:
            self._rows_by_id = {app_id: row for row, app_id in enumerate(self._ids)}
        return self._rows_by_id.get(application_id, -1)

    def row_at(self, row: int) -> InboxRow | None:
        block_no = row // self.BLOCK
        block = self._blocks.get(block_no)
        if block is None:
            start = block_no * self.BLOCK
            ids = self._ids[start:start + self.BLOCK]
            block = {r.id: r for r in self._fetch_rows(ids)}
            self._blocks[block_no] = block
            while len(self._blocks) > self.MAX_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block_no)
        return block.get(self._ids[row])

    # -- Qt model API --------------------------------------------------------------
    def row_total(self) -> int:
        return len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role == IdRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.ForegroundRole, StatusRole):
            return None
        row = self.row_at(index.row())
        if row is None:  # deleted since the ids were read; shown empty until the next reload
            return None
        key = COLUMNS[index.column()][0]
        if role == StatusRole:
            return row.status.value
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "status":
                return QBrush(QColor(STATUS_COLOURS[row.status]))
            if key == "sync" and row.in_conflict:
                return QBrush(QColor("#a52a2a"))
            return None
        return self._text(row, key, tooltip=role == Qt.ItemDataRole.ToolTipRole)

    def _text(self, row: InboxRow, key: str, *, tooltip: bool) -> str | None:
        if key == "submitted_at":
            return self.date_format(row.submitted_at.astimezone())
        if key == "status":
            return row.status.label(self._language)
        if key == "sync":
            if row.in_conflict:
                return self.tr("Konflikts")
            if row.waiting_to_sync:
                return self.tr("Gaida sinhronizāciju")
            return self.tr("Sinhronizēts") if tooltip else ""
        if key == "learner_name" and tooltip:
            return f"{row.learner_name} ({row.masked_learner_code})"
        value = getattr(row, key)
        return "" if value is None else str(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS) and COLUMNS[column][2] is not None:
            self.sortRequested.emit(COLUMNS[column][2],
                                    order == Qt.SortOrder.DescendingOrder)
