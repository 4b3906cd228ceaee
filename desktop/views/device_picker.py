"""A device picker that describes each device: a table of the devices that may be chosen
(inventory number, kind, maker and model, serial number, location, condition, notes from the
last return) with a type-ahead filter over all of them.

The filter folds case and Latvian diacritics the way the inbox search does (``fold``), so
"ravg" finds "RAVĢ-…" and "edn" finds "Ēdnīca". Keyboard: type to filter, Up/Down/Page keys
move through the rows from the filter field too, Enter chooses (``chosen``), and so does a
double click. ``select_inventory_no`` preselects a scanned device. The rows come from
``set_choices`` or are read off the GUI thread with ``load`` (through ``desktop.tasks``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.device_choices import DeviceChoice
from desktop.models.schema import fold
from desktop.tasks import TaskRunner, error_text
from desktop.views.dates import shown_date
from desktop.views.qt_typed import QT_TRANSLATE_NOOP
from desktop.views.table_model import Index, ListTableModel

EMPTY = "—"
MUTED_COLOUR = "#5f6368"
ItemIdRole = Qt.ItemDataRole.UserRole + 1
SearchRole = Qt.ItemDataRole.UserRole + 2  # the row's texts, folded
# Logical widths that together fit a 1366×768 screen at 125 % inside a dialog; the notes
# column takes what is left, and every cell's full text is in its tooltip.
COLUMN_WIDTHS = {"inventory_no": 110, "kind": 130, "model": 150, "serial_no": 105,
                 "location": 140, "status": 80, "returned": 105}
_NAVIGATION_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class DeviceChoicesModel(ListTableModel):
    """The devices that may be chosen, one row each, in the order given."""

    columns = (
        ("inventory_no", QT_TRANSLATE_NOOP("DeviceChoicesModel", "Inventāra Nr.")),
        ("kind", QT_TRANSLATE_NOOP("DeviceChoicesModel", "Resursa veids")),
        ("model", QT_TRANSLATE_NOOP("DeviceChoicesModel", "Ražotājs un modelis")),
        ("serial_no", QT_TRANSLATE_NOOP("DeviceChoicesModel", "Sērijas Nr.")),
        ("location", QT_TRANSLATE_NOOP("DeviceChoicesModel", "Atrašanās vieta")),
        # the condition: the item's status and how it came back from its last loan
        ("status", QT_TRANSLATE_NOOP("DeviceChoicesModel", "Statuss")),
        ("returned", QT_TRANSLATE_NOOP("DeviceChoicesModel", "Atgriezts")),
        ("notes", QT_TRANSLATE_NOOP("DeviceChoicesModel", "Atgriešanas piezīmes")),
    )

    def __init__(self, language: str = "lv", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._keys: list[str] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        # folded once per load: the filter runs on every keystroke
        self._keys = [self._search_key(r) for r in rows]
        super().set_rows(rows)

    def _search_key(self, r: DeviceChoice) -> str:
        return r.search_key(self._language)

    def row_of_inventory_no(self, text: str) -> int:
        """The row of the device with this inventory number, case and diacritics folded
        (a scanner types "RAVG-…" for the label "RAVĢ-…"); -1 when none."""
        typed = text.strip()
        exact = [n for n, r in enumerate(self._rows) if r.inventory_no == typed]
        if exact:
            return exact[0]
        wanted = fold(typed)
        alike = [n for n, r in enumerate(self._rows) if fold(r.inventory_no) == wanted]
        # Two devices a scanner cannot tell apart: choosing one would be a guess.
        return alike[0] if wanted and len(alike) == 1 else -1

    def _condition_tip(self, r: DeviceChoice) -> str:
        lines = [self.tr("Statuss: {0}").format(r.status.label(self._language))]
        if r.last_return_condition is None:
            lines.append(self.tr("Resurss vēl nav bijis izsniegts."))
        else:
            when = shown_date(r.last_returned_at, EMPTY)
            lines.append(self.tr("Pēdējoreiz atgriezts {0}: {1}").format(
                when, r.last_return_label(self._language)))
        if r.last_return_missing:
            lines.append(self.tr("Trūka: {0}").format(", ".join(r.last_return_missing)))
        if r.last_return_notes:
            lines.append(self.tr("Piezīmes: {0}").format(r.last_return_notes))
        return "\n".join(lines)

    def text(self, r: DeviceChoice, key: str) -> str:
        """What the cell of ``key`` shows for ``r``."""
        if key == "inventory_no":
            return r.inventory_no
        if key == "kind":
            return r.kind_label
        if key == "model":
            return r.make_and_model or EMPTY
        if key == "serial_no":
            return r.serial_no or EMPTY
        if key == "location":
            return r.location or EMPTY
        if key == "status":
            return r.status.label(self._language)
        if key == "returned":
            return r.last_return_label(self._language) or EMPTY
        if key == "notes":
            return " ".join((r.last_return_notes or "").split()) or EMPTY
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r: DeviceChoice = self._rows[index.row()]
        key = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(r, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key in ("status", "returned", "notes"):
                return self._condition_tip(r)
            shown = self.text(r, key)
            return shown if shown != EMPTY else None
        if role == ItemIdRole:
            return r.item_id
        if role == SearchRole:
            return self._keys[index.row()]
        return None


class FoldedFilter(QSortFilterProxyModel):
    """Rows whose texts hold every typed word, case and diacritics folded."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        words = fold(text).split()
        if words == self._words:
            return
        self._begin_change()
        self._words = words
        self._end_change()

    # Qt 6.10 replaced invalidateRowsFilter() with a begin/end pair (6.13 deprecates it)
    def _begin_change(self) -> None:
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()

    def _end_change(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        key = model.index(source_row, 0, source_parent).data(SearchRole) or ""
        return all(word in key for word in self._words)


class DevicePicker(QWidget):
    """The table of devices with its type-ahead filter and empty state.

    Signals: ``chosen(item id)`` on Enter or a double click; ``current_changed(item id or
    None)`` as the highlighted row moves; ``loaded(count)`` once the rows are in;
    ``failed(message)`` when reading them did not work."""

    chosen = Signal(str)
    current_changed = Signal(object)
    loaded = Signal(int)
    failed = Signal(str)

    def __init__(self, language: str = "lv", parent: QWidget | None = None, *,
                 highlight_first: bool = True) -> None:
        """``highlight_first=False``: no device is current until one is scanned, typed for or
        picked (the desk, where a current device would be issued)."""
        super().__init__(parent)
        self._language = language
        self._highlight_first = highlight_first
        self._wanted: str | None = None  # an inventory number to preselect once loaded
        self._loading = False

        self.filter_label = QLabel(self.tr("&Meklēt:"))
        self.filter_edit = QLineEdit(clearButtonEnabled=True)
        self.filter_edit.setPlaceholderText(
            self.tr("inventāra vai sērijas numurs, modelis, vieta…"))
        self.filter_edit.setAccessibleName(self.tr("Meklēt resursu"))
        self.filter_label.setBuddy(self.filter_edit)
        self.count_label = QLabel()
        self.count_label.setStyleSheet(f"color: {MUTED_COLOUR};")

        self.model = DeviceChoicesModel(language, self)
        self.proxy = FoldedFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortLocaleAware(True)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Pieejamie resursi"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in a form
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the given order first
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        for column, (key, *_rest) in enumerate(self.model.columns):
            if key in COLUMN_WIDTHS:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, COLUMN_WIDTHS[key])
        self.table.setMinimumHeight(180)

        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet(f"color: {MUTED_COLOUR}; font-size: 14px;")
        self.message.setAccessibleName(self.tr("Resursu saraksta stāvoklis"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.message)

        search = QHBoxLayout()
        search.addWidget(self.filter_label)
        search.addWidget(self.filter_edit, 1)
        search.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search)
        layout.addWidget(self.stack, 1)
        self.setFocusProxy(self.filter_edit)

        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _index: self._choose())
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self.current_changed.emit(self.current_item_id()))
        self._show_state()

    # -- the rows ----------------------------------------------------------------------------
    def load(self, tasks: TaskRunner, fetch: Callable[[], Sequence[DeviceChoice]]) -> None:
        """Read the rows with ``fetch`` on a worker; they replace the shown ones on arrival."""
        self._loading = True
        self._show_state()
        tasks.run(fetch, on_done=self.set_choices, on_error=self._failed, owner=self,
                  key="device-choices", latest=True)

    def set_choices(self, choices: Sequence[DeviceChoice]) -> None:
        """Show these devices (in this order); the filter stays as typed."""
        self._loading = False
        self.model.set_rows(choices)
        wanted, self._wanted = self._wanted, None
        if not (wanted and self.select_inventory_no(wanted)):
            self._ensure_current()
        self._show_state()
        self.current_changed.emit(self.current_item_id())
        self.loaded.emit(len(choices))

    def _failed(self, exc: Exception) -> None:
        self._loading = False
        self.model.set_rows([])
        text = error_text(exc, self._language)
        self._show_state(text)
        self.current_changed.emit(None)
        self.failed.emit(text)

    def choices(self) -> list[DeviceChoice]:
        return [row for n in range(self.model.rowCount())
                if (row := self.model.row_at(n)) is not None]

    # -- what is chosen ----------------------------------------------------------------------
    def current_item_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ItemIdRole) if index.isValid() else None

    def current_choice(self) -> DeviceChoice | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row: DeviceChoice | None = self.model.row_at(self.proxy.mapToSource(index).row())
        return row

    def select_inventory_no(self, text: str) -> bool:
        """Make the device with this inventory number the current row (clearing a filter
        that hides it); before the rows arrive, it is remembered for them. False when no
        such device is offered."""
        if self._loading:
            self._wanted = text
            return False
        row = self.model.row_of_inventory_no(text)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _choose(self) -> None:
        item_id = self.current_item_id()
        if item_id is not None:
            self.chosen.emit(item_id)

    # -- filtering and the empty state -------------------------------------------------------
    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._ensure_current()
        self._show_state()

    def _ensure_current(self) -> None:
        """A hidden or missing current row gives way to the first one shown (once something
        was typed, when the first is not highlighted by itself)."""
        current = self.table.currentIndex()
        if current.isValid():
            self.table.scrollTo(current)
            return
        typed = bool(self.filter_edit.text().strip())
        if self.proxy.rowCount() > 0 and (self._highlight_first or typed):
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        else:
            self.current_changed.emit(None)

    def _show_state(self, error: str | None = None) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if error is not None:
            text = error
        elif self._loading:
            text = self.tr("Ielādē pieejamos resursus…")
        elif total == 0:
            text = self.tr("Nav pieejamu resursu")
        elif shown == 0:
            text = self.tr("Neviens pieejamais resurss neatbilst meklētajam „{0}“").format(
                self.filter_edit.text().strip())
        else:
            text = ""
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message if text else self.table)
        self.count_label.setText(
            "" if total == 0 or text else
            self.tr("{0} no {1}").format(shown, total) if shown != total else str(total))

    def empty_text(self) -> str:
        """The message shown instead of the table ("" while rows are shown)."""
        return self.message.text() if self.stack.currentWidget() is self.message else ""

    # -- keyboard ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if key in _ENTER_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if self.current_item_id() is not None:
                self._choose()
                return True  # chosen here, not also the dialog's default button
            return watched is self.table  # nothing to choose: the table eats it
        if watched is self.filter_edit and key in _NAVIGATION_KEYS:
            self._move(Qt.Key(key))
            return True
        return super().eventFilter(watched, event)

    def _move(self, key: Qt.Key) -> None:
        """Up/Down/Page keys in the filter field move the table's current row."""
        rows = self.proxy.rowCount()
        if rows == 0:
            return
        current = self.table.currentIndex()
        row = current.row() if current.isValid() else -1
        page = max(1, self.table.viewport().height() // max(1, self.table.rowHeight(0)) - 1)
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -page,
                Qt.Key.Key_PageDown: page}[key]
        target = min(rows - 1, max(0, row + step))
        self.table.setCurrentIndex(self.proxy.index(target, 0))
