"""The Applications section: filters, free-text search and the inbox table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.codes import ApplicationStatus
from desktop.models.queries import InboxFilter, InboxRow
from desktop.tasks import TaskRunner
from desktop.views.inbox_model import IdRole, InboxModel


class InboxPage(QWidget):
    """Shows one school's applications; the id query runs in the background."""

    applicationActivated = Signal(int)
    loaded = Signal(int)  # number of matching applications, after each reload

    def __init__(
        self,
        tasks: TaskRunner,
        *,
        institution_id: str,
        query_ids: Callable[[InboxFilter, str, bool], list[int]],
        fetch_rows: Callable[[Sequence[int]], list[InboxRow]],
        count_statuses: Callable[[], dict[ApplicationStatus, int]],
        kinds: list[tuple[str, str]],
        language: str = "lv",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._query_ids = query_ids
        self._count_statuses = count_statuses
        self._filter = InboxFilter(institution_id=institution_id)
        self._sort = ("submitted_at", True)
        self._generation = 0
        self._language = language

        self.search = QLineEdit(placeholderText=self.tr(
            "Meklēt: pieteikuma numurs, vārds, uzvārds vai klase"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Meklēt pieteikumus"))
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Statuss"))
        self.status_filter.addItem(self.tr("Visi statusi"), None)
        for status in ApplicationStatus:
            if status is not ApplicationStatus.DELETED:
                self.status_filter.addItem(status.label(language), status.value)
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(self.tr("Resursa veids"))
        self.kind_filter.addItem(self.tr("Visi resursi"), None)
        for code, label in kinds:
            self.kind_filter.addItem(label, code)
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.PlainText)

        self.model = InboxModel(fetch_rows, language=language, parent=self)
        self.model.sortRequested.connect(self._on_sort)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        for column, width in enumerate((120, 90, 175, 50, 175, 175, 140)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(
            lambda index: self.applicationActivated.emit(int(index.data(IdRole)))
        )

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.kind_filter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)

        # Typing re-queries after a short pause, not on every key.
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(self._debounce.start)
        self.status_filter.currentIndexChanged.connect(self.reload)
        self.kind_filter.currentIndexChanged.connect(self.reload)

    @property
    def current_filter(self) -> InboxFilter:
        status = self.status_filter.currentData()
        return replace(
            self._filter,
            text=self.search.text(),
            statuses=frozenset({ApplicationStatus(status)}) if status else frozenset(),
            kind_code=self.kind_filter.currentData(),
        )

    def _on_sort(self, key: str, descending: bool) -> None:
        self._sort = (key, descending)
        self.reload()

    def reload(self) -> None:
        """Query the ids for the current filter and sort in the background."""
        self._generation += 1
        generation = self._generation
        f = self.current_filter
        key, descending = self._sort

        def work() -> tuple[list[int], dict[ApplicationStatus, int]]:
            return self._query_ids(f, key, descending), self._count_statuses()

        self._tasks.run(work, on_done=lambda result: self._apply(generation, result),
                        on_error=self._show_error)

    def _apply(self, generation: int,
               result: tuple[list[int], dict[ApplicationStatus, int]]) -> None:
        if generation != self._generation:  # a newer query is on its way
            return
        ids, counts = result
        self.model.set_ids(ids)
        parts = [self.tr("Atrasti: {0}").format(f"{len(ids):,}".replace(",", "\u00a0"))]
        parts += [f"{status.label(self._language)}: {counts[status]}"
                  for status in ApplicationStatus if counts.get(status)]
        self.counts.setText("  ·  ".join(parts))
        self.loaded.emit(len(ids))

    def _show_error(self, exc: Exception) -> None:
        message = getattr(exc, "message_lv", None) or self.tr(
            "Neizdevās nolasīt pieteikumus ({0})").format(type(exc).__name__)
        self.counts.setText(message)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.id_at(r) for r in rows]

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.search.setFocus()
