"""The Applications section: filters, free-text search and the inbox table."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import ChangeBus
from desktop.models.changes import OpChanges
from desktop.models.classes import class_label, grade_of_choice
from desktop.models.codes import ApplicationStatus, SocialStatus
from desktop.models.inbox_window import InboxOrder, InboxSource, Key
from desktop.models.queries import InboxFilter, InboxRow
from desktop.settings import InboxFilterMemory, SettingsStore
from desktop.tasks import TaskRunner
from desktop.views.flow_layout import FlowLayout
from desktop.views.inbox_model import COLUMNS, UNKNOWN, IdRole, InboxModel, Parts
from desktop.views.qt_typed import to_date
from desktop.views.view_state import ViewState, capture, locate, restore, top_row

# The columns a reviewer decides by, always in sight; the others only while the list has room
# for them, in this order (a 1366 px laptop at 125 % has room for the first five only).
ESSENTIAL_COLUMNS = ("number", "learner_name", "learner_class", "kind_label", "status")
OPTIONAL_COLUMNS = ("submitted_at", "sync", "submitter_name")
# Shrunk first, in this order, when even the essential columns are too wide: their text is cut
# short with "…" and the cell's tooltip still says it whole.
SHRINKABLE_COLUMNS = ("kind_label", "status")
_KEYS = [c[0] for c in COLUMNS]

# A class filter's choice: (grade, parallel), (grade, None) for every class of the grade.
ClassChoice = tuple[int, str | None]


def _class_choice(remembered: str) -> ClassChoice | None:
    """A class choice remembered as its label ("5.a1", "10") as the pair it stands for."""
    grade, parallel = grade_of_choice(remembered)
    return None if grade is None else (grade, parallel)



def _index_of(combo: QComboBox, value: object) -> int:
    """The row whose data equals ``value``, -1 when none (``findData`` compares a Python
    object such as the class's pair by identity, not by value)."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)


@dataclass(frozen=True)
class _Reloaded:
    """A reload's rows from the worker."""

    ids: list[int]  # every id (no source, or a search's few), else empty: read by windows
    counts: dict[ApplicationStatus, int] | None  # None: not read again (or read apart)
    parts: Parts  # the rows in sight, read with the ids
    state: ViewState  # the place when the reload was asked for
    rows: dict[Hashable, int]  # where that place's rows are among ``ids``
    # read a window at a time (a page with a source): the list, its count, the windows read
    order: InboxOrder | None = None
    total: int = 0
    windows: tuple[tuple[int, list[tuple[Key, InboxRow]]], ...] = ()


class InboxPage(QWidget):
    """Shows one school's applications; the id query runs in the background."""

    applicationActivated = Signal(int)
    selectedCountChanged = Signal(int)  # how many rows are selected, as the selection changes
    currentApplicationChanged = Signal(int)  # the row under the cursor, as the user moves
    loaded = Signal(int)  # number of matching applications, after each reload

    def __init__(
        self,
        tasks: TaskRunner,
        *,
        institution_id: str,
        query_ids: Callable[[InboxFilter, str, bool], list[int]] | None = None,
        fetch_rows: Callable[[Sequence[int]], list[InboxRow]] | None = None,
        count_statuses: Callable[[], dict[ApplicationStatus, int]],
        source: InboxSource | None = None,
        kinds: list[tuple[str, str]] | None = None,
        classes: list[ClassChoice] | None = None,
        language: str = "lv",
        settings: SettingsStore | None = None,
        settings_scope: str = "local",
        changes: ChangeBus | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        # With a source the list is read a window at a time (the rows in sight, their count):
        # never every matching id. Without one (older callers, tests) ``query_ids`` reads them.
        self._source = source
        self._order: InboxOrder | None = None  # the list read a window at a time, if it is
        self._query_ids = query_ids
        if fetch_rows is None:
            if source is None:
                raise TypeError("InboxPage needs a source or query_ids and fetch_rows")
            fetch_rows = source.rows
        self._count_statuses = count_statuses
        self._filter = InboxFilter(institution_id=institution_id)
        self._sort = ("submitted_at", True)
        self._queried = False  # the ids were asked for at least once
        self._counts: dict[ApplicationStatus, int] | None = None
        self._current_id: int | None = None  # the application last named as current
        # a remembered kind or class whose choice is not listed yet (the lists are read in
        # the background at start): the filter uses it meanwhile
        # (the class as its (grade, parallel) pair, the kind as its code)
        self._waiting_choice: dict[str, Any] = {}
        self._language = language
        self._settings = settings
        self._settings_scope = settings_scope  # "<user>/<school>": remembered per user

        self.search = QLineEdit(placeholderText=self.tr(
            "Meklēt: pieteikuma numurs, vārds, uzvārds vai klase"))
        self.search.setClearButtonEnabled(True)
        find = QKeySequence(QKeySequence.StandardKey.Find)
        # the whole hint (cut short in a narrow pane) and the key that comes here
        self.search.setToolTip(f"{self.search.placeholderText()}"
                               f" ({find.toString(QKeySequence.SequenceFormat.NativeText)})")
        self.search.setAccessibleName(self.tr("Meklēt pieteikumus"))
        # the clear button (×) is a tool button the line edit makes: a screen reader names it
        for button in self.search.findChildren(QToolButton):
            button.setAccessibleName(self.tr("Notīrīt meklēšanu"))
            button.setToolTip(self.tr("Notīrīt meklēšanu"))
        QShortcut(find, self, self.focus_search)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Statuss"))
        self.status_filter.addItem(self.tr("Visi statusi"), None)
        for status in ApplicationStatus:
            if status is not ApplicationStatus.DELETED:
                self.status_filter.addItem(status.label(language), status.value)
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(self.tr("Resursa veids"))
        self.kind_filter.addItem(self.tr("Visi resursi"), None)
        for code, label in kinds or []:
            self.kind_filter.addItem(label, code)
        self.class_filter = QComboBox()
        self.class_filter.setAccessibleName(self.tr("Klase"))
        self.class_filter.addItem(self.tr("Visas klases"), None)
        self._add_classes(classes or [])
        self.social_filter = QComboBox()
        self.social_filter.setAccessibleName(self.tr("Sociālais statuss"))
        self.social_filter.addItem(self.tr("Jebkurš sociālais statuss"), None)
        for social in SocialStatus:
            self.social_filter.addItem(f"{social.label(language)} ({social.viis_code})",
                                       social.value)
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        self.use_dates = QCheckBox(self.tr("Iesniegts no"))
        self.use_dates.setAccessibleName(self.tr("Atlasīt pēc iesniegšanas datuma"))
        self.date_from.setAccessibleName(self.tr("Iesniegts no"))
        self.date_to.setAccessibleName(self.tr("Iesniegts līdz"))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setEnabled(False)
        self.date_from.setDate(QDate.currentDate().addMonths(-1))
        self.date_to.setDate(QDate.currentDate())
        self.waiting_only = QCheckBox(self.tr("Gaida sinhronizāciju"))
        self.waiting_only.setAccessibleName(self.waiting_only.text())
        self.conflict_only = QCheckBox(self.tr("Konflikti"))
        self.conflict_only.setAccessibleName(self.conflict_only.text())
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        # every status's count, on two lines in a narrow pane; the line's length never asks
        # for a wider pane
        self.counts.setWordWrap(True)
        self.counts.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.counts.setAccessibleName(self.tr("Pieteikumu skaits"))

        # rows are read a block at a time on the workers, with a placeholder until they come
        self.model = InboxModel(fetch_rows, language=language, tasks=tasks, parent=self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Pieteikumi"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._fitting = False
        self._preferred, self._least = self._column_widths()
        self._lay_out_columns()
        self.table.viewport().installEventFilter(self)
        self.table.activated.connect(
            lambda index: self.applicationActivated.emit(int(index.data(IdRole)))
        )
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self._selection_changed())

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.kind_filter, 1)
        # the other filters wrap onto a second line where the list pane is narrow (a 1366 px
        # laptop at 125 %), rather than being cut off; the dates stay together
        dates = QWidget()
        span = QHBoxLayout(dates)
        span.setContentsMargins(0, 0, 0, 0)
        parts: list[QWidget] = [self.use_dates, self.date_from, QLabel(self.tr("līdz")),
                                self.date_to]
        for part in parts:
            span.addWidget(part)
        self.more_filters = QWidget()
        more = FlowLayout(self.more_filters)
        for item in (self.class_filter, self.social_filter, dates, self.waiting_only,
                     self.conflict_only):
            more.addWidget(item)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.more_filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)

        # Typing re-queries after a short pause, not on every key.
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self._refilter)
        self.search.textChanged.connect(self._debounce.start)
        # From the search field, ↓ or Enter goes to the list (to its first row when none is
        # current), so a search-then-review needs no mouse.
        self.search.installEventFilter(self)
        self.search.returnPressed.connect(self.focus_list)
        for name, combo in self._combos().items():
            combo.currentIndexChanged.connect(
                lambda _i, name=name: self._waiting_choice.pop(name, None))  # chosen now
            combo.currentIndexChanged.connect(self._refilter)
        for box in (self.waiting_only, self.conflict_only):
            box.toggled.connect(self._refilter)
        self.use_dates.toggled.connect(self.date_from.setEnabled)
        self.use_dates.toggled.connect(self.date_to.setEnabled)
        self.use_dates.toggled.connect(self._refilter)
        self.date_from.dateChanged.connect(self._debounce.start)
        self.date_to.dateChanged.connect(self._debounce.start)
        self._restore_filter()
        self._restore_columns()
        header = self.table.horizontalHeader()
        for signal in (header.sectionResized, header.sectionMoved,
                       header.sortIndicatorChanged):
            signal.connect(self._remember_columns)
        header.sectionResized.connect(self._column_resized)
        # Connected last: enabling sorting above asks the model to sort once, which must not
        # query (and remember an empty filter) before the remembered filter is restored.
        self.model.sortRequested.connect(self._on_sort)
        self.model.rowsFetched.connect(self._rows_fetched)
        if changes is not None:
            changes.changed.connect(self.follow_changes)

    def follow_changes(self, changes: OpChanges, source: object) -> None:
        """Reload what a change elsewhere touched; the reviewer's place is kept."""
        if changes.everything or (changes.touches_applications and (
                source is not self or self.status_filter.currentData() is not None
                or self.waiting_only.isChecked())):
            # a sync, another section, or a decision on a list narrowed by status: the list
            # reflects it at once, online or not (a refused application leaves "Iesniegts")
            self.reload()
        elif changes.touches_applications:
            # a decision on the unnarrowed list's own selection: its rows repaint, the list
            # stays put (a refused application does not vanish from under the reviewer's eyes)
            self.model.refresh_rows(set(changes.applications))
            self.refresh_counts()
        elif changes.outbox:  # "waiting to sync" / "conflict" marks
            self.model.refresh_rows()

    @property
    def current_filter(self) -> InboxFilter:
        status = self.status_filter.currentData()
        social = self.social_filter.currentData()
        dated = self.use_dates.isChecked()
        grade, parallel = self._choice("class") or (None, None)
        return replace(
            self._filter,
            text=self.search.text(),
            statuses=frozenset({ApplicationStatus(status)}) if status else frozenset(),
            kind_code=self._choice("kind"),
            class_grade=grade,
            class_parallel=parallel,
            social_status=SocialStatus(social) if social else None,
            submitted_from=to_date(self.date_from.date()) if dated else None,
            submitted_to=to_date(self.date_to.date()) if dated else None,
            waiting_to_sync=self.waiting_only.isChecked(),
            in_conflict=self.conflict_only.isChecked(),
        )

    # The last filter is remembered per user and school (the settings scope names them).

    def _combos(self) -> dict[str, QComboBox]:
        return {"status": self.status_filter, "kind": self.kind_filter,
                "class": self.class_filter, "social": self.social_filter}

    def _choice(self, name: str) -> Any:
        return self._waiting_choice.get(name) or self._combos()[name].currentData()

    def set_institution(self, institution_id: str) -> None:
        """The school whose applications are listed (known once the store was read)."""
        self._filter = replace(self._filter, institution_id=institution_id)

    def set_choices(self, kinds: list[tuple[str, str]], classes: list[ClassChoice]) -> None:
        """Fill the kind and class filters (read in the background at start), keeping what
        is chosen or remembered."""
        lost = False
        for name, combo in (("kind", self.kind_filter), ("class", self.class_filter)):
            wanted = self._choice(name)
            combo.blockSignals(True)
            try:
                while combo.count() > 1:
                    combo.removeItem(1)
                if name == "kind":
                    for value, label in kinds:
                        combo.addItem(label, value)
                else:
                    self._add_classes(classes)
                index = _index_of(combo, wanted) if wanted else 0
                combo.setCurrentIndex(max(index, 0))
            finally:
                combo.blockSignals(False)
            self._waiting_choice.pop(name, None)
            lost = lost or index < 0
        if lost:  # a remembered kind or class the school no longer has: list all
            self._refilter()

    def _add_classes(self, classes: list[ClassChoice]) -> None:
        """Each grade (every class of it), then its classes: "Visas 5. klases", "5.a", "5.b";
        ``classes`` as (grade, parallel) in school order. The choice's data is that pair,
        (5, None) for the grade: a label is never read back, so any parallel ("1", "a1")
        filters."""
        shown: set[int] = set()
        for grade, parallel in classes:
            if grade not in shown:
                shown.add(grade)
                self.class_filter.addItem(self.tr("Visas {0}. klases").format(grade),
                                          (grade, None))
            if parallel:
                self.class_filter.addItem(class_label(grade, parallel) or "", (grade, parallel))

    def _restore_filter(self) -> None:
        if self._settings is None:
            return
        memory = self._settings.inbox_filter(self._settings_scope)
        remembered = {"status": memory.status, "kind": memory.kind,
                      "class": _class_choice(memory.learner_class), "social": memory.social}
        widgets = [*self._combos().values(), self.waiting_only, self.conflict_only]
        for w in widgets:
            w.blockSignals(True)
        try:
            for name, combo in self._combos().items():
                value = remembered[name]
                index = _index_of(combo, value) if value else 0
                if index < 0 and name in ("kind", "class"):
                    self._waiting_choice[name] = value
                combo.setCurrentIndex(max(index, 0))
            self.waiting_only.setChecked(memory.waiting)
            self.conflict_only.setChecked(memory.conflict)
        finally:
            for w in widgets:
                w.blockSignals(False)

    def _remember_filter(self) -> None:
        if self._settings is None:
            return
        self._settings.set_inbox_filter(self._settings_scope, InboxFilterMemory(
            status=self._choice("status") or "", kind=self._choice("kind") or "",
            learner_class=class_label(*self._choice("class") or (None, None)) or "",
            social=self._choice("social") or "",
            waiting=self.waiting_only.isChecked(), conflict=self.conflict_only.isChecked()))

    # -- the columns: the learner's takes what the others leave; a narrow list drops the
    # optional ones rather than scroll sideways ----------------------------------------------
    def _column_widths(self) -> tuple[dict[str, int], dict[str, int]]:
        """Each column's width (the learner's: its least) and the least the shrinkable ones
        may have, from the font: a scaled screen or a larger font gets wider columns."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()

        def text(sample: str, pad: int = 14) -> int:
            return metrics.horizontalAdvance(sample) + pad

        def title(key: str) -> int:  # the header's text and its sort arrow
            return header.sectionSizeHint(_KEYS.index(key))

        # the number fits whole, with the duplicate warning's sign beside it
        number = text("P-2026-000000", metrics.height() + 12)
        statuses = [status.label(self._language) for status in ApplicationStatus]
        preferred = {
            "number": max(number, title("number")),
            "submitted_at": max(text("00.00.0000"), title("submitted_at")),
            "learner_name": max(text("Markuss Krūmiņš"), title("learner_name")),
            # the title unsorted ("Klase" whole; sorted by it, its arrow may cut it short)
            "learner_class": max(text("10.a1"), text(self.model.tr("Klase"))),
            "submitter_name": text("Ģertrūde Dūmiņa-Kalniņa"),
            "kind_label": text("Windows portatīvais dators"),
            "status": max(text(max(statuses, key=metrics.horizontalAdvance)), title("status")),
            "sync": text(self.tr("Gaida sinhronizāciju")),
        }
        least = {"kind_label": text("Windows p…"), "status": text("Piešķirts")}
        return preferred, least

    def _lay_out_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(_KEYS.index("learner_name"),
                                    QHeaderView.ResizeMode.Stretch)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The essential columns in the list's width (the shrinkable ones cut down to their
        least when they must), then the optional ones that still fit, in their order."""
        if self._fitting:
            return
        self._fitting = True
        try:
            header = self.table.horizontalHeader()
            room = self.table.viewport().width() - self._preferred["learner_name"]
            widths = {key: self._preferred[key] for key in ESSENTIAL_COLUMNS
                      if key != "learner_name"}
            excess = sum(widths.values()) - room
            for key in SHRINKABLE_COLUMNS:
                cut = max(min(excess, widths[key] - self._least[key]), 0)
                widths[key] -= cut
                excess -= cut
            room -= sum(widths.values())
            for key in OPTIONAL_COLUMNS:
                fits = self._preferred[key] <= room
                header.setSectionHidden(_KEYS.index(key), not fits)
                if fits:
                    widths[key] = self._preferred[key]
                    room -= widths[key]
            header.setSectionHidden(_KEYS.index("learner_name"), False)
            for key, width in widths.items():
                header.setSectionHidden(_KEYS.index(key), False)
                header.resizeSection(_KEYS.index(key), width)
        finally:
            self._fitting = False

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        """A column the user dragged keeps that width (as far as the list has room)."""
        key = _KEYS[column] if 0 <= column < len(_KEYS) else None
        if self._fitting or key is None or key == "learner_name" or new <= 0:
            return
        self._preferred[key] = new
        self._least[key] = min(self._least.get(key, new), new)
        self._fit_columns()

    # Column widths, order and the sort are remembered per user like the filter ("v2": the
    # layout before the columns fitted the list's width is not restored).
    def _columns_scope(self) -> str:
        return f"{self._settings_scope}/v2"

    def _restore_columns(self) -> None:
        if self._settings is None:
            return
        state = self._settings.column_layout(self._columns_scope())
        header = self.table.horizontalHeader()
        if state is not None and header.restoreState(state):
            for column, name in enumerate(_KEYS):
                width = header.sectionSize(column)
                if name == "learner_name" or header.isSectionHidden(column) or width <= 0:
                    continue
                if name in SHRINKABLE_COLUMNS:
                    # saved maybe cut down to fit a narrow list: never narrower than its own
                    width = max(width, self._preferred[name])
                self._preferred[name] = width
            self._lay_out_columns()
            column = header.sortIndicatorSection()
            key = COLUMNS[column][2] if 0 <= column < len(COLUMNS) else None
            if key is not None:
                self._sort = (key, header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)

    def _remember_columns(self, *_args: object) -> None:
        if self._settings is not None and not self._fitting:
            self._settings.set_column_layout(self._columns_scope(),
                                             self.table.horizontalHeader().saveState())

    def _on_sort(self, key: str, descending: bool) -> None:
        # QTableView.sortByColumn asks the model to sort twice (through the header's signal
        # and directly); the second request for the same order must not query again.
        if (key, descending) == self._sort and self._queried:
            return
        self._sort = (key, descending)
        self._refilter()

    def _refilter(self) -> None:
        # The counts per status are the school's, not the filter's: a new filter or sort
        # leaves them as they are, which keeps a filter change to one query.
        self.reload(recount=self._counts is None)

    def reload(self, *, recount: bool = True, after: int = 0) -> None:
        """Query the ids for the current filter and sort in the background (and the counts
        per status unless only the filter or sort changed); with ``after`` (a task of the
        same runner), the rows are shown only once that task's answer was."""
        self._queried = True
        f = self.current_filter
        self._remember_filter()
        key, descending = self._sort
        known = self._counts
        # The rows that will be in sight are read with the ids (and a screenful below them,
        # for a scroll or Page Down), so the list never shows placeholders where it shows
        # rows now, nor at the top when it first opens; the worker also finds where the
        # selected, current and top rows went, so that keeping the reviewer's place costs
        # the GUI thread no walk over the ids.
        state = capture(self.table, self._id_at)
        ahead = 2 * self._rows_in_sight()
        model = self.model

        def listed(ids: list[int]) -> _Reloaded:
            rows = locate(ids, state.keys)
            spans = []
            sight = model.in_sight(top_row(state, lambda k: rows.get(k, -1)), ahead, len(ids))
            if sight is not None:
                spans.append(sight)
                if state.current is None and sight[0] > 0:
                    # no row is current: ↓ or Enter from the search goes to the first row
                    # (focus_list), which then shows at once too
                    spans.append((0, min(ahead, len(ids)) - 1))
            counts = self._count_statuses() if recount and known is not None else None
            return _Reloaded(ids, counts, model.read_ahead(ids, spans), state, rows)

        source = self._source
        if source is not None:
            def windowed() -> _Reloaded:
                order = source.plan(InboxOrder(f, key, descending))
                few = source.few(order)
                if few is not None:  # a search, a rare filter: its few ids, as a list
                    return listed(few)
                total = source.count(order)
                places = source.places(order, [k for k in state.keys if isinstance(k, int)])
                rows = {app_id: row for app_id, (row, _key) in places.items()}
                windows = []
                sight = model.in_sight(top_row(state, lambda k: rows.get(k, -1)), ahead, total)
                if sight is not None:
                    size = sight[1] - sight[0] + 1
                    # from the row the list is scrolled by, both ways in the index; else by
                    # its place (an offset: the index's entries up to it are stepped over)
                    anchor = next((places[k] for k in (state.anchor, state.current)
                                   if k in places and sight[0] <= places[k][0] <= sight[1]),
                                  None)
                    windows.append((sight[0], source.window(order, sight[0], None, size)
                                    if anchor is None else
                                    source.around(order, anchor[1], anchor[0] - sight[0],
                                                  size)))
                    if state.current is None and sight[0] > 0:
                        windows.append((0, source.window(order, 0, None, min(ahead, total))))
                counts = self._count_statuses() if recount and known is not None else None
                found: dict[Hashable, int] = {k: v for k, v in rows.items()}
                return _Reloaded([], counts, {}, state, found, order, total, tuple(windows))
            self._run_reload(windowed, after, known)
            return

        def work() -> _Reloaded:
            assert self._query_ids is not None
            return listed(self._query_ids(f, key, descending))

        self._run_reload(work, after, known)

    def _run_reload(self, work: Callable[[], _Reloaded], after: int,
                    known: dict[ApplicationStatus, int] | None) -> None:
        # a newer filter's query makes this one's answer be dropped
        read = self._tasks.run(work, on_done=self._apply, on_error=self._show_error,
                               owner=self, key="ids", latest=True, after=after)
        if known is None:
            # Nothing is on screen yet (the first reload): the counts are read on the other
            # worker, next to the ids, and the rows are shown after them. Later the counts
            # are read with the ids, leaving the other worker to the other views.
            self._tasks.run(self._count_statuses, on_done=self._counts_read,
                            on_error=self._show_error, owner=self, key="first-counts",
                            latest=True, before=read)

    def _rows_in_sight(self) -> int:
        height = max(self.table.viewport().height(), self.height(), 600)
        return height // max(self.table.verticalHeader().defaultSectionSize(), 1) + 2

    def _apply(self, result: _Reloaded) -> None:
        if result.counts is not None:
            self._counts = result.counts
        # The reviewer's place survives the reload: the same applications stay selected, the
        # current one stays current (the detail keeps showing it) and the list does not jump.
        state = capture(self.table, self._id_at)
        self._order = result.order
        if result.order is not None and self._source is not None:
            order, source = result.order, self._source
            self.model.set_window(result.total, result.windows,
                                  lambda offset, after, limit: source.window(order, offset,
                                                                             after, limit))
            # moved meanwhile: the rows of the new place, as far as they were read
            rows = result.rows if state == result.state else {
                k: row for k in state.keys
                if isinstance(k, int) and (row := self.model.row_of(k)) >= 0}
        else:
            rows = result.rows if state == result.state else locate(result.ids, state.keys)
            self.model.set_ids(result.ids, result.parts)
        if not restore(self.table, state, lambda k: rows.get(k, -1)):
            self._current_id = None
        self._show_counts()
        self.loaded.emit(self.model.row_total())

    def refresh_counts(self) -> None:
        """Re-read the counts per status (after a decision) without touching the rows."""
        self._tasks.run(self._count_statuses, on_done=self._counts_read,
                        on_error=self._show_error, owner=self, key="counts", latest=True)

    def _counts_read(self, counts: dict[ApplicationStatus, int]) -> None:
        self._counts = counts
        self._show_counts()

    def _show_counts(self) -> None:
        found = self.model.row_total()
        parts = [self.tr("Atrasti: {0}").format(f"{found:,}".replace(",", "\u00a0"))]
        parts += [f"{status.label(self._language)}: {count}"
                  for status in ApplicationStatus if (count := (self._counts or {}).get(status))]
        self.counts.setText("  ·  ".join(parts))

    def _show_error(self, exc: Exception) -> None:
        message = getattr(exc, "message_lv", None) or self.tr(
            "Neizdevās nolasīt pieteikumus ({0})").format(type(exc).__name__)
        self.counts.setText(message)

    def _id_at(self, row: int) -> int | None:
        app_id = self.model.id_at(row) if 0 <= row < self.model.rowCount() else UNKNOWN
        return None if app_id == UNKNOWN else app_id

    def _on_current_row(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        selection = self.table.selectionModel()
        if not selection.hasSelection():
            # the row the detail shows is the one a decision acts on: a row made current
            # without a selection (the list focused by Tab, a row found again after a
            # reload) is selected too; a Ctrl+arrow beside a selection leaves it as it is
            selection.select(current, QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)
        application_id = self.model.id_at(current.row())
        if application_id == UNKNOWN:
            return  # its window is on its way: named when it arrives (_rows_fetched)
        if application_id != self._current_id:  # not the same one found again after a reload
            self._current_id = application_id
            self.currentApplicationChanged.emit(application_id)

    def _rows_fetched(self, first: int, last: int) -> None:
        """A window arrived: the current row may be one whose id was not known yet."""
        current = self.table.currentIndex()
        if current.isValid() and first <= current.row() <= last:
            self._on_current_row(current, None)

    def _selection_changed(self) -> None:
        rows = self._selected_rows()
        self.selectedCountChanged.emit(len(self._ids_of(rows)))
        self._read_selected_ids(rows)

    def _selected_rows(self) -> list[int]:
        """The rows with any cell selected, from the selection's ranges (one per block of
        rows, not an index per cell: Ctrl+A on 300,000 rows stays cheap). By any cell, not
        selectedRows(): that wants every column of a row selected, and a column hidden for
        want of room leaves that short (the row then reads as unselected)."""
        rows: set[int] = set()
        selection = self.table.selectionModel().selection()
        for i in range(selection.count()):
            span = selection.at(i)
            rows.update(range(span.top(), span.bottom() + 1))
        return sorted(rows)

    def _ids_of(self, rows: list[int]) -> list[int]:
        return [app_id for r in rows if (app_id := self.model.id_at(r)) != UNKNOWN]

    def _read_selected_ids(self, rows: list[int]) -> None:
        """Rows selected whose windows were never read (a Shift+click after a jump, Ctrl+A):
        their ids are read in the background, and the selection is named again when they
        are here, so that an action on the selection acts on all of it."""
        order, source = self._order, self._source
        if order is None or source is None:
            return
        spans = self.model.unknown_spans(set(rows))
        if not spans:
            return
        first, last = spans[0][0], spans[-1][1]  # one read from the first to the last

        def read() -> list[int]:
            return source.ids(order, first, last - first + 1)

        def arrived(ids: list[int]) -> None:
            if self._order is order:  # still the same list
                self.model.put_ids(first, ids)
                self.selectedCountChanged.emit(len(self.selected_ids()))

        self._tasks.run(read, on_done=arrived, on_error=self._show_error, owner=self,
                        key="selected-ids", latest=True)

    def selected_ids(self) -> list[int]:
        return self._ids_of(self._selected_rows())

    def add_actions(self, actions: list[QAction]) -> None:
        """Actions on the selected applications, in the list's context menu (right click or
        the menu key); a group added after another is set apart by a separator."""
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        if self.table.actions() and actions:
            separator = QAction(self.table)
            separator.setSeparator(True)
            self.table.addAction(separator)
        self.table.addActions(actions)

    def focus_search(self) -> None:
        """Ctrl+F: the search field, its text selected for typing over."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_list(self, *, step: bool = False) -> None:
        """From the search to the list: the current row (the first when none is; with
        ``step``, the one after it) becomes the selected one too, so that what the detail
        shows is what a decision acts on."""
        rows = self.model.rowCount()
        if rows == 0:
            return
        # read before the focus moves: a list focused without a current row makes its first
        # row current, which is not a row the reviewer was on
        current = self.table.currentIndex()
        row = current.row() if current.isValid() else 0
        selected = self.table.selectionModel().isRowSelected(row)
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if step and current.isValid() and selected:
            row = min(row + 1, rows - 1)
        elif current.isValid() and selected:
            return  # already agreed: the reviewer's selection (maybe several rows) stays
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, max(current.column(), 0)),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(self.model.index(row, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down):
            self.focus_list(step=True)
            return True
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.search.setFocus()
