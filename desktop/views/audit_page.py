"""The audit log: who viewed personal data, decided, handed over, returned or exported, when.

Read-only by design (the log is append-only; nothing on this page can change a row). The page
gets plain callables from the composition root (bound to ``desktop.models.audit_queries``)
and runs each on the task runner; a page of rows at a time, newest first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import ChangeBus, WhenSeen
from desktop.models.audit_queries import (
    AuditChoices,
    AuditFilter,
    AuditPage,
    AuditRow,
    DeletionRun,
    describe_run,
)
from desktop.models.audit_words import VIEW_ACTION, action_label, entity_label
from desktop.models.changes import OpChanges
from desktop.models.command_names import CommandName
from desktop.tasks import TaskRunner
from desktop.views.dates import shown_datetime
from desktop.views.detail_page import CONFLICT_COLOUR, WARNING_COLOUR
from desktop.views.qt_typed import QT_TRANSLATE_NOOP
from desktop.views.table_model import Index, ListTableModel

log = logging.getLogger(__name__)

PAGE_SIZE = 200
NO_DATE = QDate(2000, 1, 1)  # the date edits' "no limit" value, shown as a dash
EntityIdRole = Qt.ItemDataRole.UserRole + 1
ActionRole = Qt.ItemDataRole.UserRole + 2

# Marked for Qt Linguist; ColumnsTableModel.headerData translates them in this context.
COLUMNS: list[tuple[str, str]] = [
    ("at", QT_TRANSLATE_NOOP("AuditTableModel", "Laiks")),
    ("actor", QT_TRANSLATE_NOOP("AuditTableModel", "Lietotājs")),
    ("action", QT_TRANSLATE_NOOP("AuditTableModel", "Darbība")),
    ("entity", QT_TRANSLATE_NOOP("AuditTableModel", "Objekts")),
    ("entity_id", QT_TRANSLATE_NOOP("AuditTableModel", "Objekta ID")),
    ("details", QT_TRANSLATE_NOOP("AuditTableModel", "Sīkāk")),
]


class AuditTableModel(ListTableModel):
    """One page of audit rows."""

    columns = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            # the stored codes stay at hand for whoever needs them (a user name, a record id)
            if key == "actor" and r.who != r.actor:
                return f"{r.who} ({r.actor})"
            if key == "entity" and r.entity_id:
                return f"{r.subject}\n{self.tr('Objekta ID')}: {r.entity_id}"
            return self._text(r, key)
        if role == EntityIdRole:
            return r.entity_id
        if role == ActionRole:
            return r.action
        if role == Qt.ItemDataRole.ForegroundRole and key == "action":
            if r.action == VIEW_ACTION:
                return QBrush(QColor(WARNING_COLOUR))
            if r.action in (CommandName.REFUSE, "discard"):  # refusals and discards
                return QBrush(QColor(CONFLICT_COLOUR))
        return None

    def _text(self, r: AuditRow, key: str) -> str:
        if key == "at":
            return shown_datetime(r.at, seconds=True)
        # The words come with the row, in the page's language (audit_words), looked up with
        # the records' numbers and names on the worker that read the page.
        if key == "actor":
            return r.who
        if key == "action":
            return r.action_label
        if key == "entity":
            return r.subject
        if key == "entity_id":
            return r.entity_id
        return r.details_text


def ask_save_path(parent: QWidget | None, suggested: str, file_filter: str) -> Path | None:
    title = QCoreApplication.translate("AuditLogPage", "Saglabāt kā")
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return Path(name) if name else None


class AuditLogPage(QWidget):
    """Filters, one page of the log, paging, and CSV export of everything the filter matches."""

    loaded = Signal(int)  # how many rows match, after every load
    exported = Signal(int)  # rows written
    failed = Signal(str)  # the Latvian message shown

    def __init__(
        self,
        tasks: TaskRunner,
        *,
        load_page: Callable[[AuditFilter, int, int], AuditPage],
        load_choices: Callable[[], AuditChoices],
        export: Callable[[AuditFilter, Path], int],
        load_deletions: Callable[[], list[DeletionRun]] | None = None,
        institution_id: str = "",
        ask_path: Callable[[QWidget | None, str, str], Path | None] | None = None,
        page_size: int = PAGE_SIZE,
        language: str = "lv",
        changes: ChangeBus | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        # In the app the page is read when first opened and, after changes, when next seen.
        self._when_seen = WhenSeen(self, self.reload, stale=True) if changes else None
        if changes is not None:
            changes.changed.connect(self.follow_changes)
        self._language = language  # of the deletion-run sentences the core writes
        self._load_page = load_page
        self._load_choices = load_choices
        self._export = export
        self._load_deletions = load_deletions
        self._institution = institution_id
        #: asked for the export file; tests replace it with a function returning a path
        self.ask_path = ask_path or ask_save_path
        self.page_size = page_size
        self._offset = 0
        self._total = 0
        # Until the first page is back the page says it is reading: after a sign-in the
        # workers are busy with the first sync and retention, and "no entry matches" while
        # the read waits its turn sent people to "Clear filters" (issue 16).
        self._reading = True

        self.model = AuditTableModel(self)

        title = QLabel(self.tr("Audita žurnāls"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr(
            "Kas skatīja iesniedzēju personas datus, pieņēma lēmumus, izsniedza un pieņēma "
            "atpakaļ resursus un eksportēja datus. Žurnālu nevar labot; ierakstus par "
            "dzēstiem pieteikumiem pēc 25 mēnešiem dzēš kopā ar pieteikumu."))
        intro.setWordWrap(True)
        # What retention deleted: counts and dates only, from the deletion log.
        self.deletions = QLabel()
        self.deletions.setWordWrap(True)
        self.deletions.setTextFormat(Qt.TextFormat.PlainText)
        self.deletions.setAccessibleName(self.tr("Automātiskā dzēšana"))
        self.deletions.setVisible(load_deletions is not None)

        self.actor_box = QComboBox()
        self.actor_box.setAccessibleName(self.tr("Lietotājs"))
        self.action_box = QComboBox()
        self.action_box.setAccessibleName(self.tr("Darbība"))
        self.entity_box = QComboBox()
        self.entity_box.setAccessibleName(self.tr("Objekts"))
        for box in (self.actor_box, self.action_box, self.entity_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.entity_id = QLineEdit()
        self.entity_id.setPlaceholderText(self.tr("Objekta ID"))
        self.entity_id.setAccessibleName(self.tr("Objekta ID"))
        self.entity_id.setClearButtonEnabled(True)
        self.entity_id.setMaximumWidth(160)
        # room for its placeholder, which is the field's only caption
        self.entity_id.setMinimumWidth(
            self.entity_id.fontMetrics().horizontalAdvance(self.tr("Objekta ID")) + 40)
        self.since = self._date_edit(self.tr("No datuma"))
        self.until = self._date_edit(self.tr("Līdz datumam"))
        self._fill_choices(AuditChoices([], [], []))

        self.clear_button = QPushButton(self.tr("Notīrīt filtrus"))
        self.export_button = QPushButton(self.tr("Eksportēt CSV…"))
        self.export_button.setToolTip(self.tr(
            "Saglabāt visus filtram atbilstošos ierakstus CSV failā (eksports tiek reģistrēts "
            "žurnālā)"))

        filters = QHBoxLayout()
        filters.addWidget(self.actor_box)
        filters.addWidget(self.action_box)
        filters.addWidget(self.entity_box)
        filters.addWidget(self.entity_id)
        filters.addWidget(QLabel(self.tr("No")))
        filters.addWidget(self.since)
        filters.addWidget(QLabel(self.tr("līdz")))
        filters.addWidget(self.until)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Audita ieraksti"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # narrow enough that the details keep room on a 1366×768 laptop at 125 %
        for column, width in enumerate((148, 125, 180, 205, 120)):
            self.table.setColumnWidth(column, width)
        # Records are named by their numbers; the stored id is in the object's tooltip.
        self.table.setColumnHidden([c[0] for c in COLUMNS].index("entity_id"), True)

        self.previous_button = QPushButton(self.tr("◀ Iepriekšējā lapa"))
        self.next_button = QPushButton(self.tr("Nākamā lapa ▶"))
        self.position = QLabel()
        pager = QHBoxLayout()
        pager.addWidget(self.position)
        pager.addStretch(1)
        # beside the paging, not in the filter row: on a laptop at 125 % the filters need
        # the whole width
        pager.addWidget(self.export_button)
        pager.addSpacing(16)
        pager.addWidget(self.previous_button)
        pager.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.deletions)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(pager)

        for box in (self.actor_box, self.action_box, self.entity_box):
            box.currentIndexChanged.connect(self._filter_changed)
        self.entity_id.editingFinished.connect(self._filter_changed)
        self.since.dateChanged.connect(self._filter_changed)
        self.until.dateChanged.connect(self._filter_changed)
        self.clear_button.clicked.connect(self.clear_filters)
        self.export_button.clicked.connect(self.export_csv)
        self.previous_button.clicked.connect(lambda: self._go(self._offset - self.page_size))
        self.next_button.clicked.connect(lambda: self._go(self._offset + self.page_size))
        self._update_pager()

    def _run(self, fn: Callable[..., Any], *args: Any, **callbacks: Any) -> int:
        return self._tasks.run(fn, *args, owner=self, **callbacks)

    # -- building ---------------------------------------------------------------------------
    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd.MM.yyyy")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("—")  # shown for NO_DATE: no limit
        edit.setDate(NO_DATE)
        return edit

    def _fill_choices(self, choices: AuditChoices) -> None:
        language = self._language

        def person(username: str) -> str:
            return choices.actor_names.get(username) or username

        labelled: tuple[tuple[QComboBox, str, list[str], Callable[[str], str]], ...] = (
            (self.actor_box, self.tr("Visi lietotāji"), choices.actors, person),
            (self.action_box, self.tr("Visas darbības"), choices.actions,
             lambda a: action_label(a, language)),
            (self.entity_box, self.tr("Visi objekti"), choices.entity_types,
             lambda e: entity_label(e, language)),
        )
        for box, everything, values, label in labelled:
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, None)
            for value in values:
                box.addItem(label(value), value)
            found = box.findData(current) if current is not None else 0
            box.setCurrentIndex(max(0, found))
            box.blockSignals(False)

    # -- state ------------------------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        def day(edit: QDateEdit) -> date | None:
            d = edit.date()
            return None if d == NO_DATE else date(d.year(), d.month(), d.day())

        return AuditFilter(
            institution_id=self._institution or None,
            actor=self.actor_box.currentData(),
            action=self.action_box.currentData(),
            entity_type=self.entity_box.currentData(),
            entity_id=self.entity_id.text().strip() or None,
            since=day(self.since),
            until=day(self.until),
            language=self._language,
        )

    @property
    def total(self) -> int:
        return self._total

    def clear_filters(self) -> None:
        for box in (self.actor_box, self.action_box, self.entity_box):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        for edit in (self.since, self.until):
            edit.blockSignals(True)
            edit.setDate(NO_DATE)
            edit.blockSignals(False)
        self.entity_id.clear()
        self._filter_changed()

    def set_institution(self, institution_id: str) -> None:
        """The school whose log is shown (known once the store was read)."""
        self._institution = institution_id

    def follow_changes(self, changes: OpChanges, _source: object) -> None:
        """Every operation writes audit rows: read the page again when it is next seen."""
        if self._when_seen is not None and changes:
            self._when_seen.request()

    def reload(self) -> None:
        """Fetch the filter choices and the current page again (e.g. after a sync)."""
        self._run(self._load_choices, on_done=self._fill_choices,
                        on_error=lambda exc: self._show_error(exc, self.tr(
                            "Neizdevās nolasīt filtru vērtības.")))
        if self._load_deletions is not None:
            self._run(self._load_deletions, on_done=self._show_deletions,
                            on_error=lambda exc: self._show_error(exc, self.tr(
                                "Neizdevās nolasīt dzēšanas žurnālu.")))
        self._go(self._offset)

    def _show_deletions(self, runs: list[DeletionRun]) -> None:
        if not runs:
            self.deletions.setText(self.tr(
                "Automātiskā dzēšana (25 mēneši pēc lietas slēgšanas): vēl nekas nav dzēsts."))
            self.deletions.setToolTip("")
            return
        self.deletions.setText(self.tr("Automātiskā dzēšana, pēdējoreiz: {run}.").format(
            run=describe_run(runs[0], self._language)))
        self.deletions.setToolTip("\n".join(describe_run(r, self._language) for r in runs))

    def _filter_changed(self, *_: object) -> None:
        self._go(0)

    def _go(self, offset: int) -> None:
        offset = max(0, offset)
        # only the newest page asked for is shown (a newer filter may be asked meanwhile)
        self._run(self._load_page, self.current_filter(), offset, self.page_size,
                  on_done=self._show_page, on_error=self._page_failed, key="page", latest=True)

    def _page_failed(self, exc: Exception) -> None:
        self._reading = False
        self._update_pager()
        self._show_error(exc, self.tr("Neizdevās nolasīt audita žurnālu."))

    def _show_page(self, page: AuditPage) -> None:
        self._reading = False
        self._offset, self._total = page.offset, page.total
        self.model.set_rows(page.rows)
        self.message.hide()
        self._update_pager()
        self.loaded.emit(page.total)

    def _update_pager(self) -> None:
        shown = self.model.rowCount()
        if self._reading:
            self.position.setText(self.tr("Ielādē audita žurnālu…"))
        elif self._total == 0 and self._filtered():
            self.position.setText(self.tr("Nav ierakstu, kas atbilst filtram"))
        elif self._total == 0:
            self.position.setText(self.tr("Žurnālā vēl nav ierakstu"))
        else:
            self.position.setText(self.tr("{first}–{last} no {total}").format(
                first=self._offset + 1, last=self._offset + shown, total=self._total))
        self.previous_button.setEnabled(self._offset > 0)
        self.next_button.setEnabled(self._offset + shown < self._total)
        self.export_button.setEnabled(self._total > 0)

    def _filtered(self) -> bool:
        """Whether the person narrowed the log (the school alone is no narrowing)."""
        f = self.current_filter()
        return any((f.actor, f.action, f.entity_type, f.entity_id, f.since, f.until))

    # -- export -----------------------------------------------------------------------------
    def export_csv(self) -> None:
        suggested = f"audita-zurnals-{date.today().isoformat()}.csv"
        path = self.ask_path(self, suggested, self.tr("CSV faili (*.csv)"))
        if path is None:
            return
        self.export_button.setEnabled(False)
        self._run(self._export, self.current_filter(), path,
                        on_done=self._exported,
                        on_error=lambda exc: self._show_error(exc, self.tr(
                            "Neizdevās saglabāt failu {name}.").format(name=path.name)))

    def _exported(self, rows: int) -> None:
        self.export_button.setEnabled(True)
        self._say(self.tr("Fails saglabāts; ierakstu skaits: {n}.").format(n=rows), error=False)
        self.exported.emit(rows)
        self._go(0)  # the export itself is now the newest row

    def _show_error(self, exc: Exception, fallback: str) -> None:
        log.warning("audit log page: %s", type(exc).__name__)
        self.export_button.setEnabled(self._total > 0)
        text = getattr(exc, "message_lv", None) or fallback
        self._say(text, error=True)
        self.failed.emit(text)

    def _say(self, text: str, *, error: bool) -> None:
        colour = CONFLICT_COLOUR if error else "#1d7a3a"
        self.message.setStyleSheet(f"QLabel {{ color: {colour}; }}")
        self.message.setText(text)
        self.message.show()
