"""Qt table models of the Catalogue section: the inventory items and the kinds offered.

They hold plain rows from ``desktop.models.catalogue`` and ``custody`` (loaded on the task
runner) and never touch the store. The status shows as text and as a coloured mark, so it does
not depend on telling colours apart; a reserved holder reads "(rezervēts)" as well as in
italics. The items sort by any column in memory (a school has a few thousand).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.icons import icon
from desktop.models.catalogue import ItemRow as ItemRowData
from desktop.models.catalogue import OfferedKindRow, target_group_label
from desktop.models.custody import ItemHandover, ItemHolderRow
from desktop.models.schema import latvian_sort_key
from desktop.views.availability_chart import ITEM_STATUS_COLOURS
from desktop.views.dates import shown_date
from desktop.views.qt_typed import QT_TRANSLATE_NOOP
from desktop.views.table_model import ListTableModel

Index = QModelIndex | QPersistentModelIndex
EMPTY = "—"
ItemIdRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2
ApplicationIdRole = Qt.ItemDataRole.UserRole + 3  # the holder's application (None: nobody)
WAITING_COLOUR = "#8a6d00"
CONFLICT_COLOUR = "#b3261e"
OVERDUE_COLOUR = "#b3261e"
RESERVED_COLOUR = "#5f6368"


def day(value: date | datetime | None) -> str:
    """01.09.2026 (a moment on the local calendar)."""
    return shown_date(value, EMPTY)


def learner(h: ItemHandover) -> str:
    """"Jānis Bērziņš, 7.b"."""
    return f"{h.learner_name}, {h.learner_class}" if h.learner_class else h.learner_name


def holder_of(row: ItemRowData | None) -> ItemHandover | None:
    """The handover holding the row's item (rows without custody have none)."""
    return row.holder if isinstance(row, ItemHolderRow) else None


def money(value: Decimal | None) -> str:
    """649.99 → "649,99" (Latvian decimal comma; thousands with a thin space)."""
    if value is None:
        return EMPTY
    whole, _, cents = f"{value:,.2f}".partition(".")
    return f"{whole.replace(',', ' ')},{cents}"


class ItemsModel(ListTableModel):
    """The school's items, one row each: in the order the query gave, or sorted by a column
    (``sort``, kept across reloads). Who holds an item and until when come right after its
    status, before the make and model, so that they are in sight without scrolling on a
    laptop's screen."""

    columns = (
        ("inventory_no", QT_TRANSLATE_NOOP("ItemsModel", "Inventāra Nr.")),
        ("kind", QT_TRANSLATE_NOOP("ItemsModel", "Veids")),
        ("status", QT_TRANSLATE_NOOP("ItemsModel", "Statuss")),
        ("holder", QT_TRANSLATE_NOOP("ItemsModel", "Lietotājs")),
        ("deadline", QT_TRANSLATE_NOOP("ItemsModel", "Jāatgriež līdz")),
        ("model", QT_TRANSLATE_NOOP("ItemsModel", "Ražotājs un modelis")),
        ("serial_no", QT_TRANSLATE_NOOP("ItemsModel", "Sērijas Nr.")),
        ("year", QT_TRANSLATE_NOOP("ItemsModel", "Gads")),
        ("value", QT_TRANSLATE_NOOP("ItemsModel", "Vērtība, €")),
        ("social", QT_TRANSLATE_NOOP("ItemsModel", "Sociāli atbalstāmajiem")),
        ("location", QT_TRANSLATE_NOOP("ItemsModel", "Atrašanās vieta")),
        ("sync", QT_TRANSLATE_NOOP("ItemsModel", "Sinhronizācija")),
    )

    def __init__(self, language: str = "lv", parent: QObject | None = None, *,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._language = language
        self._today = today
        self._loaded: list[ItemRowData] = []  # in the query's order
        self._sort_key: str | None = None
        self._descending = False

    def row_of(self, item_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == item_id), -1)

    def ids(self) -> list[str]:
        return [r.id for r in self._rows]

    # -- sorting -----------------------------------------------------------------------------
    def set_rows(self, rows: Any) -> None:
        self._loaded = list(rows)
        self.beginResetModel()
        self._rows = self._sorted(self._loaded)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By a column (-1: as the query gave), rows without a value last either way; the
        selection and current row stay on their items."""
        self._sort_key = self.columns[column][0] if 0 <= column < len(self.columns) else None
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        before = self._rows
        self._rows = self._sorted(self._loaded)
        where = {r.id: n for n, r in enumerate(self._rows)}
        for index in self.persistentIndexList():
            moved = where.get(before[index.row()].id, -1) if index.isValid() else -1
            self.changePersistentIndex(index, self.index(moved, index.column())
                                       if moved >= 0 else QModelIndex())
        self.layoutChanged.emit()

    def _sorted(self, rows: list[ItemRowData]) -> list[ItemRowData]:
        key = self._sort_key
        if key is None:
            return list(rows)
        keyed = [(self._sort_value(r, key), r) for r in rows]
        with_value = [(v, r) for v, r in keyed if v is not None]
        with_value.sort(key=lambda pair: pair[0], reverse=self._descending)
        return [r for _v, r in with_value] + [r for v, r in keyed if v is None]

    def _sort_value(self, r: ItemRowData, key: str) -> Any:
        holder = holder_of(r)
        if key == "inventory_no":
            return r.inventory_no
        if key == "year":
            return r.year
        if key == "value":
            return r.acquisition_value
        if key == "social":
            return r.socially_supported
        if key == "holder":
            return None if holder is None else latvian_sort_key(learner(holder))
        if key == "deadline":
            return None if holder is None else holder.return_deadline
        if key == "sync":
            return (r.in_conflict, r.waiting_sync)
        text = self._text(r, key)
        return None if text in (EMPTY, "") else latvian_sort_key(text)

    # -- cells -------------------------------------------------------------------------------
    def _holder_tip(self, h: ItemHandover) -> str:
        if h.reserved:
            lines = [self.tr("Rezervēts kopš {0} ({1}); vēl nav izsniegts").format(
                day(h.since), h.status.label(self._language).lower())]
        else:
            lines = [self.tr("Izsniegts {0}").format(day(h.since))]
        lines.append(self.tr("Pieteikums {0}").format(h.application_number))
        if h.act_number:
            lines.append(self.tr("Akts Nr. {0}").format(h.act_number))
        if h.return_deadline is not None:
            lines.append(self.tr("Jāatgriež līdz {0}").format(day(h.return_deadline)))
        return "\n".join(lines)

    def _text_of_holder(self, h: ItemHandover, key: str) -> str:
        if key == "deadline":
            return "" if h.return_deadline is None else day(h.return_deadline)
        return learner(h)

    def _text(self, r: ItemRowData, key: str) -> str:
        if key in ("holder", "deadline"):
            holder = holder_of(r)
            if holder is None:
                return ""
            if key == "deadline":
                return "" if holder.return_deadline is None else day(holder.return_deadline)
            if holder.reserved:
                return self.tr("{0} (rezervēts)").format(learner(holder))
            return learner(holder)
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
        holder = holder_of(r)
        if role == ApplicationIdRole:
            return None if holder is None else holder.application_id
        if holder is not None and key in ("holder", "deadline"):
            return self._holder_data(holder, key, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "model" and r.notes:
                return r.notes
            if key == "sync" and r.in_conflict:
                return self.tr("Centrālais serviss šīs izmaiņas noraidīja: skatiet sadaļu "
                               "„Konflikti“")
            return None
        if role == Qt.ItemDataRole.DecorationRole and key == "status":
            return QColor(ITEM_STATUS_COLOURS[r.status])
        if role == Qt.ItemDataRole.ForegroundRole and key == "sync":
            return QBrush(QColor(CONFLICT_COLOUR if r.in_conflict else WAITING_COLOUR))
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("year", "value"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _holder_data(self, h: ItemHandover, key: str, role: int) -> Any:
        """The holder's and the deadline's cells: a reservation in grey italics, a deadline
        that has passed in red bold and said so in its tooltip."""
        overdue = key == "deadline" and h.overdue(self._today())
        if role == Qt.ItemDataRole.ToolTipRole:
            if overdue:
                return self.tr("Atgriešanas termiņš ir nokavēts")
            return self._holder_tip(h)
        # Not by colour alone (EN 301 549, 1.4.1): a clock beside the late date, and the
        # words a screen reader says with it.
        if role == Qt.ItemDataRole.DecorationRole and overdue:
            return icon("defer")
        if role == Qt.ItemDataRole.AccessibleTextRole and overdue:
            return self.tr("{0}, termiņš nokavēts").format(self._text_of_holder(h, key))
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue:
                return QBrush(QColor(OVERDUE_COLOUR))
            return QBrush(QColor(RESERVED_COLOUR)) if h.reserved else None
        if role == Qt.ItemDataRole.FontRole and (h.reserved or overdue):
            font = QFont()
            font.setItalic(h.reserved)
            font.setBold(overdue)
            return font
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

