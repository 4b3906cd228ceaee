"""The inbox's table model: rows fetched a block at a time, by their ids or as a window of the
list (keyset paging), so that it never needs every matching id."""

from __future__ import annotations

import functools
import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from desktop.models.codes import ApplicationStatus
from desktop.models.inbox_window import Key
from desktop.models.queries import InboxRow
from desktop.tasks import TaskRunner
from desktop.views.dates import shown_date
from desktop.views.qt_typed import QT_TRANSLATE_NOOP
from desktop.views.table_model import ColumnsTableModel

log = logging.getLogger(__name__)

IdRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2
DuplicatesRole = Qt.ItemDataRole.UserRole + 3  # the numbers of the learner's other open ones

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


RowSource = Callable[[Sequence[int]], list[InboxRow]]
# The list's rows from the ``offset``-th, ``limit`` of them, with their keys; ``after`` is the
# key of the row before ``offset`` when it is known (the index is then sought, not counted).
WindowSource = Callable[[int, "Key | None", int], list[tuple[Key, InboxRow]]]
UNKNOWN = -1  # the id of a row whose window has not been read yet


class KnownIds:
    """The ids of a list's rows as far as they were read, by row: its length is the list's
    (the count), a row not read yet has the id UNKNOWN and a slice holds only the known ids.
    Kept for every row read (a few hundred bytes per screenful), unlike the rows."""

    def __init__(self, total: int) -> None:
        self._total = total
        self._at: dict[int, int] = {}
        self._row: dict[int, int] = {}

    def __len__(self) -> int:
        return self._total

    def __getitem__(self, index: int) -> int:
        return self._at.get(index + self._total if index < 0 else index, UNKNOWN)

    def between(self, first: int, stop: int) -> list[int]:
        """The known ids of rows ``first`` … ``stop - 1``, in order."""
        at = self._at
        return [at[r] for r in range(max(first, 0), min(stop, self._total)) if r in at]

    def __iter__(self) -> Any:
        return iter(self.between(0, self._total))

    def put(self, first: int, ids: Sequence[int]) -> None:
        for row, app_id in enumerate(ids, first):
            if row < self._total:
                self._at[row] = app_id
                self._row[app_id] = row

    def row_of(self, app_id: int) -> int:
        return self._row.get(app_id, -1)


@functools.cache
def _style_warning_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def _warning_icon() -> QIcon | None:
    """The style's warning sign (none without a widget application: model tests)."""
    return _style_warning_icon() if isinstance(QApplication.instance(), QApplication) else None


ANSWERED_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                            Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole,
                            Qt.ItemDataRole.DecorationRole, StatusRole, IdRole,
                            DuplicatesRole})
# A row whose learner has another open application for the same kind (checkDuplicate): a
# warning sign on its number, the words in the tooltip, and a tint, never the colour alone.
DUPLICATE_TINT = "#fdf0cf"

Block = dict[int, InboxRow]  # application id -> its row
# Rows read ahead with the ids (those in sight): block number -> (first row, last row, rows).
# Only part of a block may be read; its other rows are read with the rest of the block when
# they are first shown.
Parts = dict[int, tuple[int, int, Block]]
PLACEHOLDER = "…"  # shown, in grey, while a block of rows is on its way
PLACEHOLDER_COLOUR = "#9e9e9e"


class InboxModel(ColumnsTableModel):
    """Display rows are fetched on demand, a block at a time. A list given as its ids
    (``set_ids``: a search's few matches) reads a block by primary key. A list given as its
    count (``set_window``) knows only the ids of the rows read so far: a block whose ids are
    not known is read as a window of the list, after the key of the row before it when that
    one was read (an index seek), else from its place (an offset), and never are all the ids
    read. With a task runner (the app) the blocks are read on a worker thread and a row shows
    a grey placeholder until its block arrives: the GUI thread never waits on the store.
    Without one (model tests) a block is read at once."""

    columns = COLUMNS

    BLOCK = 100
    MAX_BLOCKS = 20

    sortRequested = Signal(str, bool)  # sort key, descending
    rowsFetched = Signal(int, int)  # first and last row of a block that arrived

    def __init__(self, fetch_rows: RowSource, *, language: str = "lv",
                 tasks: TaskRunner | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._language = language
        self._tasks = tasks
        self._ids: list[int] | KnownIds = []
        # a list read a window at a time (set_window): how a block is read, and the keys of
        # the last rows of the blocks read (row -> key), for the next block to follow them
        self._windows: WindowSource | None = None
        self._keys_at: dict[int, Key] = {}
        self._generation = 0  # a new list makes a window still on its way useless
        self._rows_by_id: dict[int, int] | None = None  # built on the first look-up
        self._blocks: OrderedDict[int, Block] = OrderedDict()
        self._parts: dict[int, tuple[int, int]] = {}  # blocks only these rows of are read
        self._stale: set[int] = set()  # blocks shown as they were until read again
        self._loading: set[int] = set()  # blocks on their way from a worker
        self.date_format: Callable[[Any], str] = shown_date

    # -- data in -----------------------------------------------------------------
    def set_ids(self, ids: list[int], parts: Parts | None = None) -> None:
        """Show ``ids`` in this order, with the rows already read for them (``parts``: those
        in sight, read with the ids). The same ids again only repaint (a reset would clear
        the view's selection for nothing). The model keeps ``ids`` (not a copy)."""
        parts = parts or {}
        if isinstance(self._ids, list) and ids == self._ids:
            current = set()
            for block_no, (first, last, rows) in parts.items():
                if self._whole(block_no, first, last) or block_no not in self._blocks \
                        or block_no in self._parts:
                    self._store_block(block_no, rows, first, last)
                    current.add(block_no)
                else:  # new rows for part of a block that is here: the rest is read again
                    self._blocks[block_no].update(rows)
            self._repaint(current)
            self.refresh_rows(exclude=current)
            return
        self.beginResetModel()
        self._ids = ids
        self._windows = None
        self._start_list()
        for block_no, (first, last, rows) in parts.items():
            self._store_block(block_no, rows, first, last)
        self.endResetModel()

    def set_window(self, total: int, windows: Sequence[tuple[int, list[tuple[Key, InboxRow]]]],
                   source: WindowSource) -> None:
        """Show a list of ``total`` rows read a window at a time from ``source``; ``windows``
        are those already read (first row, its rows with their keys): the rows in sight."""
        self.beginResetModel()
        known = KnownIds(total)
        self._ids = known
        self._windows = source
        self._start_list()
        for first, window in windows:
            self._put_window(first, window)
        self.endResetModel()

    def _put_window(self, first: int, window: list[tuple[Key, InboxRow]]) -> set[int]:
        """Keep a window's ids, its blocks' rows and the key of each block's last row; the
        blocks it filled."""
        if not isinstance(self._ids, KnownIds) or not window:
            return set()
        self._ids.put(first, [row.id for _, row in window])
        last = first + len(window) - 1
        filled = set()
        for block_no in range(first // self.BLOCK, last // self.BLOCK + 1):
            lo = max(first, block_no * self.BLOCK)
            hi = min(last, (block_no + 1) * self.BLOCK - 1)
            self._store_block(block_no, {row.id: row for _, row in window[lo - first:hi - first + 1]},
                              lo, hi)
            self._keys_at[hi] = window[hi - first][0]
            filled.add(block_no)
        return filled

    def _start_list(self) -> None:
        self._generation += 1
        self._keys_at.clear()
        self._rows_by_id = None
        self._blocks.clear()
        self._parts.clear()
        self._stale.clear()
        self._loading.clear()
        if self._tasks is not None:
            self._tasks.cancel(self)  # blocks of the old ids: no longer wanted

    def refresh_rows(self, changed: set[int] | None = None, *,
                     exclude: set[int] | None = None) -> None:
        """Read cached rows again (all, or those of ``changed`` ids) and repaint them; in
        the background the old rows stay in sight until the new ones arrive."""
        if not self._ids:
            return
        if changed is None:
            affected = set(self._blocks)
        else:  # only blocks that are here matter: their ids, not all the ids, are looked at
            affected = {block_no for block_no in self._blocks
                        if not changed.isdisjoint(self._slice(block_no))}
        affected -= exclude or set()
        if not affected:
            return
        if self._tasks is None:
            for block_no in affected:
                del self._blocks[block_no]
                self._parts.pop(block_no, None)
        else:
            self._stale |= affected
        self._repaint(affected)

    def id_at(self, row: int) -> int:
        """The row's application (UNKNOWN while its window is on its way)."""
        return self._ids[row]

    def ids(self) -> list[int]:
        """The ids known, in order (all of them, unless the list is read a window at a
        time)."""
        return list(self._ids)

    def unknown_spans(self, rows: set[int]) -> list[tuple[int, int]]:
        """Runs (first, last) of ``rows`` whose ids were not read yet, in order."""
        spans: list[tuple[int, int]] = []
        if not isinstance(self._ids, KnownIds):
            return spans
        for row in sorted(rows):
            if self._ids[row] != UNKNOWN:
                continue
            if spans and spans[-1][1] == row - 1:
                spans[-1] = (spans[-1][0], row)
            else:
                spans.append((row, row))
        return spans

    def put_ids(self, first: int, ids: Sequence[int]) -> None:
        """The ids of rows from ``first``, read apart from their rows (a selection's)."""
        if isinstance(self._ids, KnownIds):
            self._ids.put(first, ids)

    def row_of(self, application_id: int) -> int:
        if isinstance(self._ids, KnownIds):
            return self._ids.row_of(application_id)
        if self._rows_by_id is None:
            self._rows_by_id = {app_id: row for row, app_id in enumerate(self._ids)}
        return self._rows_by_id.get(application_id, -1)

    def is_fetched(self, row: int) -> bool:
        """The row's block is here and current (not a placeholder, not being read again)."""
        block_no = row // self.BLOCK
        return (block_no in self._blocks and block_no not in self._stale
                and self._covers(block_no, row))

    def _covers(self, block_no: int, row: int) -> bool:
        part = self._parts.get(block_no)
        return part is None or part[0] <= row <= part[1]

    def _whole(self, block_no: int, first: int, last: int) -> bool:
        """Rows ``first`` … ``last`` are all of the block's."""
        return first <= block_no * self.BLOCK and \
            last >= min((block_no + 1) * self.BLOCK, len(self._ids)) - 1

    def row_at(self, row: int) -> InboxRow | None:
        """The row if its block is here; otherwise its block is asked for (in the background
        when there is a task runner) and None is returned until it arrives."""
        if not 0 <= row < len(self._ids):
            return None
        block_no = row // self.BLOCK
        block = self._blocks.get(block_no)
        if block is None or block_no in self._stale or not self._covers(block_no, row):
            self._request(block_no)
            block = self._blocks.get(block_no)
        if block is None:
            return None
        self._blocks.move_to_end(block_no)
        return block.get(self._ids[row])

    # -- blocks ----------------------------------------------------------------------
    @staticmethod
    def in_sight(first_row: int, count: int, total: int) -> tuple[int, int] | None:
        """The first and last of ``count`` rows from ``first_row``; near the end of the
        list, its last ``count`` rows (a view scrolled to the bottom shows those)."""
        if total <= 0 or count <= 0:
            return None
        first = max(min(first_row, total - count), 0)
        return first, min(first + count, total) - 1

    def read_ahead(self, ids: Sequence[int], spans: list[tuple[int, int]]) -> Parts:
        """Read the rows ``spans`` name (first and last row) of ``ids``, in one query, spans
        that share a block as one (for a worker thread: only the row source is called)."""
        merged: list[list[int]] = []
        for first, last in sorted(spans):
            if merged and first // self.BLOCK <= merged[-1][1] // self.BLOCK:
                merged[-1][1] = max(merged[-1][1], last)
            else:
                merged.append([first, last])
        wanted = [i for first, last in merged for i in ids[first:last + 1]]
        read = {r.id: r for r in self._fetch_rows(wanted)} if wanted else {}
        parts: Parts = {}
        for first, last in merged:
            for block_no in range(first // self.BLOCK, last // self.BLOCK + 1):
                lo = max(first, block_no * self.BLOCK)
                hi = min(last, (block_no + 1) * self.BLOCK - 1)
                parts[block_no] = (lo, hi, {i: read[i] for i in ids[lo:hi + 1] if i in read})
        return parts

    def _slice(self, block_no: int) -> list[int]:
        first, stop = block_no * self.BLOCK, (block_no + 1) * self.BLOCK
        if isinstance(self._ids, KnownIds):
            return self._ids.between(first, stop)
        return self._ids[first:stop]

    def _request(self, block_no: int) -> None:
        ids = self._slice(block_no)
        if self._windows is not None and \
                len(ids) < min((block_no + 1) * self.BLOCK, len(self._ids)) - block_no * self.BLOCK:
            self._request_window(block_no)
            return
        if not ids:
            return
        if self._tasks is None:
            self._store_block(block_no, {r.id: r for r in self._fetch_rows(ids)})
            return
        if block_no in self._loading:
            return
        self._loading.add(block_no)
        self._tasks.run(self._fetch_rows, ids, owner=self, key=("block", block_no),
                        latest=True, on_done=lambda rows: self._arrived(block_no, ids, rows),
                        on_error=lambda exc: self._failed(block_no, exc))

    def _request_window(self, block_no: int) -> None:
        """Read a block whose ids are not known: after the block before it when that one's
        last key is (an index seek), else by its place in the list (an offset)."""
        source = self._windows
        assert source is not None
        first = block_no * self.BLOCK
        after = self._keys_at.get(first - 1)
        if self._tasks is None:
            self._window_read(block_no, source(first, after, self.BLOCK))
            return
        if block_no in self._loading:
            return
        self._loading.add(block_no)
        generation = self._generation
        self._tasks.run(source, first, after, self.BLOCK, owner=self, key=("block", block_no),
                        latest=True,
                        on_done=lambda window: self._window_arrived(block_no, generation,
                                                                    window),
                        on_error=lambda exc: self._failed(block_no, exc))

    def _window_arrived(self, block_no: int, generation: int,
                        window: list[tuple[Key, InboxRow]]) -> None:
        self._loading.discard(block_no)
        if generation != self._generation:
            return  # another list meanwhile
        self._repaint(self._window_read(block_no, window))

    def _window_read(self, block_no: int, window: list[tuple[Key, InboxRow]]) -> set[int]:
        filled = self._put_window(block_no * self.BLOCK, window)
        if len(window) < self.BLOCK:
            # the list ends sooner than its count said (rows gone since it was counted): the
            # rest shows empty until the next reload, rather than being asked for again
            first = block_no * self.BLOCK
            self._store_block(block_no, self._blocks.get(block_no, {}), first,
                              first + self.BLOCK - 1)
            filled.add(block_no)
        return filled

    def _arrived(self, block_no: int, ids: list[int], rows: list[InboxRow]) -> None:
        self._loading.discard(block_no)
        if self._slice(block_no) != ids:
            return  # the list changed meanwhile; what is in sight is asked for again
        self._store_block(block_no, {r.id: r for r in rows})
        self._repaint({block_no})

    def _failed(self, block_no: int, exc: Exception) -> None:
        self._loading.discard(block_no)  # tried again when the rows are next painted
        log.warning("inbox rows could not be read: %s", type(exc).__name__)

    def _store_block(self, block_no: int, block: Block, first: int = -1,
                     last: int = -1) -> None:
        """Keep ``block``: all of the block's rows, or those from ``first`` to ``last``."""
        self._blocks[block_no] = block
        self._blocks.move_to_end(block_no)
        self._stale.discard(block_no)
        if first < 0 or self._whole(block_no, first, last):
            self._parts.pop(block_no, None)
        else:
            self._parts[block_no] = (first, last)
        while len(self._blocks) > self.MAX_BLOCKS:
            gone, _ = self._blocks.popitem(last=False)
            self._stale.discard(gone)
            self._parts.pop(gone, None)

    def _repaint(self, block_numbers: set[int]) -> None:
        for block_no in sorted(block_numbers):
            first = block_no * self.BLOCK
            last = min(first + self.BLOCK, len(self._ids)) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
                self.rowsFetched.emit(first, last)

    # -- Qt model API --------------------------------------------------------------
    def row_total(self) -> int:
        return len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Painting a cell asks for some eight roles; most are answered before the index is
        # even looked at.
        if role not in ANSWERED_ROLES:
            return None
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role == IdRole:
            app_id = self._ids[index.row()]
            return None if app_id == UNKNOWN else app_id
        row = self.row_at(index.row())
        if row is None:
            if self.is_fetched(index.row()):
                return None  # deleted since the ids were read; empty until the next reload
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(PLACEHOLDER_COLOUR))
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return PLACEHOLDER
            return None
        key = COLUMNS[index.column()][0]
        if role == StatusRole:
            return row.status.value
        if role == DuplicatesRole:
            return list(row.duplicates)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(DUPLICATE_TINT)) if row.duplicates else None
        if role == Qt.ItemDataRole.DecorationRole:
            return _warning_icon() if row.duplicates and key == "number" else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "status":
                return QBrush(QColor(STATUS_COLOURS[row.status]))
            if key == "sync" and row.in_conflict:
                return QBrush(QColor("#a52a2a"))
            return None
        if role == Qt.ItemDataRole.ToolTipRole and row.duplicates:
            own = self._text(row, key, tooltip=True)
            return "\n".join(t for t in (own, self.duplicates_text(row.duplicates)) if t)
        return self._text(row, key, tooltip=role == Qt.ItemDataRole.ToolTipRole)

    def duplicates_text(self, numbers: tuple[str, ...]) -> str:
        """"Iespējams dublikāts: …" naming the learner's other open applications."""
        listed = ", ".join(numbers)
        if len(numbers) == 1:
            return self.tr("Iespējams dublikāts: šim izglītojamajam ir vēl viens atvērts "
                           "pieteikums tam pašam resursa veidam: {0}").format(listed)
        return self.tr("Iespējams dublikāts: šim izglītojamajam ir vēl {0} atvērti "
                       "pieteikumi tam pašam resursa veidam: {1}").format(len(numbers), listed)

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
