"""The desk's lists (cases at the counter, devices to take back, incidents, overdue) as one
flat table model: each column is a key, a Latvian header and how to read a row's cell."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from desktop.views.dates import shown_date, shown_datetime
from desktop.views.table_model import Index, ListTableModel

Getter = Callable[[Any], object]


def cell_text(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, datetime):
        return shown_datetime(value)
    if isinstance(value, date):
        return shown_date(value)
    label = getattr(value, "label_lv", None)
    return label if isinstance(label, str) else str(value)


class RowsModel(ListTableModel):
    """Plain row objects (the core's frozen dataclasses) shown through getters."""

    def __init__(self, columns: Sequence[tuple[str, str, Getter]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = [(key, header) for key, header, _ in columns]
        self._getters = [getter for _, _, getter in columns]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell_text(self._getters[index.column()](self._rows[index.row()]))
        return None

    def index_of(self, predicate: Callable[[Any], bool]) -> QModelIndex:
        for row, value in enumerate(self._rows):
            if predicate(value):
                return self.index(row, 0)
        return QModelIndex()
