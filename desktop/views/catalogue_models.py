"""Qt table models of the Catalogue section: the inventory items and the kinds offered.

They hold plain rows from ``desktop.models.catalogue`` (loaded on the task runner) and never
touch the store. The status shows as text and as a coloured mark, so it does not depend on
telling colours apart.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.models.catalogue import ItemRow as ItemRowData
from desktop.models.catalogue import OfferedKindRow, target_group_label
from desktop.views.availability_chart import ITEM_STATUS_COLOURS
from desktop.views.qt_typed import QT_TRANSLATE_NOOP
from desktop.views.table_model import ListTableModel

Index = QModelIndex | QPersistentModelIndex
EMPTY = "—"
ItemIdRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2
WAITING_COLOUR = "#8a6d00"
CONFLICT_COLOUR = "#b3261e"


def money(value: Decimal | None) -> str:
    """649.99 → "649,99" (Latvian decimal comma; thousands with a thin space)."""
    if value is None:
        return EMPTY
    whole, _, cents = f"{value:,.2f}".partition(".")
    return f"{whole.replace(',', ' ')},{cents}"


class ItemsModel(ListTableModel):
    """The school's items, one row each, in the order the query gave."""

    columns = (
        ("inventory_no", QT_TRANSLATE_NOOP("ItemsModel", "Inventāra nr.")),
        ("kind", QT_TRANSLATE_NOOP("ItemsModel", "Veids")),
        ("model", QT_TRANSLATE_NOOP("ItemsModel", "Ražotājs un modelis")),
        ("serial_no", QT_TRANSLATE_NOOP("ItemsModel", "Sērijas nr.")),
        ("year", QT_TRANSLATE_NOOP("ItemsModel", "Gads")),
        ("value", QT_TRANSLATE_NOOP("ItemsModel", "Vērtība, €")),
        ("social", QT_TRANSLATE_NOOP("ItemsModel", "Soc. atbalstam")),
        ("location", QT_TRANSLATE_NOOP("ItemsModel", "Atrašanās vieta")),
        ("status", QT_TRANSLATE_NOOP("ItemsModel", "Statuss")),
        ("sync", QT_TRANSLATE_NOOP("ItemsModel", "Sinhronizācija")),
    )

    def __init__(self, language: str = "lv", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language

    def row_of(self, item_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == item_id), -1)

    def ids(self) -> list[str]:
        return [r.id for r in self._rows]

    def _text(self, r: ItemRowData, key: str) -> str:
        if key == "inventory_no":
            return r.inventory_no
        if key == "kind":
            return r.kind_label
        if key == "model":
            return " ".join(p for p in (r.manufacturer, r.model) if p) or EMPTY
        if key == "serial_no":
            return r.serial_no or EMPTY
        if key == "year":
            return EMPTY if r.year is None else str(r.year)
        if key == "value":
            return money(r.acquisition_value)
        if key == "social":
            return self.tr("jā") if r.socially_supported else ""
        if key == "location":
            return r.location or EMPTY
        if key == "status":
            return r.status.label(self._language)
        if key == "sync":
            if r.in_conflict:
                return self.tr("Konflikts")
            return self.tr("Gaida sinhronizāciju") if r.waiting_sync else ""
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        key = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, key)
        if role == ItemIdRole:
            return r.id
        if role == StatusRole:
            return r.status.value
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "model" and r.notes:
                return r.notes
            if key == "sync" and r.in_conflict:
                return self.tr("Centrālais serviss šīs izmaiņas nepieņēma: skatiet sadaļu "
                               "“Konflikti”")
            return None
        if role == Qt.ItemDataRole.DecorationRole and key == "status":
            return QColor(ITEM_STATUS_COLOURS[r.status])
        if role == Qt.ItemDataRole.ForegroundRole and key == "sync":
            return QBrush(QColor(CONFLICT_COLOUR if r.in_conflict else WAITING_COLOUR))
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("year", "value"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class OfferedKindsModel(ListTableModel):
    """The kinds the school lends: to whom, whether it takes applications, documents."""

    columns = (
        ("kind", QT_TRANSLATE_NOOP("OfferedKindsModel", "Resursa veids")),
        ("target", QT_TRANSLATE_NOOP("OfferedKindsModel", "Kam izsniedz")),
        ("accepting", QT_TRANSLATE_NOOP("OfferedKindsModel", "Pieteikšanās")),
        ("documents", QT_TRANSLATE_NOOP("OfferedKindsModel", "Dokumenti")),
        ("items", QT_TRANSLATE_NOOP("OfferedKindsModel", "Resursi")),
        ("sync", QT_TRANSLATE_NOOP("OfferedKindsModel", "Sinhronizācija")),
    )

    def __init__(self, language: str = "lv", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language

    def _text(self, r: OfferedKindRow, key: str) -> str:
        if key == "kind":
            return r.label(self._language)
        if key == "target":
            return target_group_label(r.target_group, self._language)
        if key == "accepting":
            return self.tr("Atvērta") if r.accepting_applications else self.tr("Slēgta")
        if key == "documents":
            return str(len(r.documents)) if r.documents else self.tr("nav")
        if key == "items":
            return str(r.item_count)
        if key == "sync":
            if r.in_conflict:
                return self.tr("Konflikts")
            return self.tr("Gaida sinhronizāciju") if r.waiting_sync else ""
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        key = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, key)
        if role == ItemIdRole:
            return r.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "accepting":
                return QBrush(QColor("#1d7a3a" if r.accepting_applications else "#666666"))
            if key == "sync" and (r.in_conflict or r.waiting_sync):
                return QBrush(QColor(CONFLICT_COLOUR if r.in_conflict else WAITING_COLOUR))
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("items", "documents"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

