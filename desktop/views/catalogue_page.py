"""The Catalogue section: the inventory, the kinds the school lends, and their availability.

Everything the page reads or changes comes in as plain callables (``CatalogueServices``, bound
by the composition root to ``desktop.models.catalogue``, ``inventory``, ``inventory_csv`` and
``desktop.documents.labels``) and runs on the task runner. Only an administrator edits the
catalogue: for anyone else the editing controls are disabled and their tooltip says why.

The search field takes what a keyboard-wedge scanner types from a label (the inventory number
and Enter): the exact number finds that one item and Enter opens it. It also finds an item by
its holder's name, class or application number when the services read custody.

Each item has at most one editor, whatever opens it (the list, a scanned label, another
section through ``open_item``): asking again raises the open one, so two editors never
overwrite each other's save. Editors are not modal, so that the holder's application can be
opened from one (``open_application``, wired by the composition root) while it stays open.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import EVERYTHING, ChangeBus, WhenSeen, changes_of
from desktop.documents.labels import DEFAULT_LAYOUT, LAYOUTS, LabelLayout
from desktop.models.catalogue import (
    AvailabilityRow,
    CatalogueConflict,
    ItemFilter,
    ItemRow,
    OfferedKindRow,
    target_group_label,
)
from desktop.models.changes import OpChanges
from desktop.models.codes import DocumentType, ItemStatus, TargetGroup
from desktop.models.decisions import Outcome
from desktop.models.document_templates import TemplateRow
from desktop.models.inventory_csv import ImportPreview
from desktop.models.kind_checklists import KindChecklist
from desktop.models.scan_codes import same_code
from desktop.tasks import TaskRunner, core_message
from desktop.views.availability_chart import AvailabilityChart
from desktop.views.catalogue_models import ItemsModel, OfferedKindsModel, holder_of
from desktop.views.import_dialog import ImportDialog
from desktop.views.item_editor import ItemEditor, ItemEditorServices
from desktop.views.kind_checklist import KindChecklistBox
from desktop.views.school_deadline import SchoolDeadlineBox
from desktop.views.templates_page import TemplatesPage
from desktop.views.view_state import capture, restore

ERROR_COLOUR = "#b3261e"
SUCCESS_COLOUR = "#1d7a3a"
MUTED_COLOUR = "#5f6368"
SEARCH_DELAY_MS = 250


@dataclass(frozen=True)
class CatalogueServices:
    """What the Catalogue page may read and do; each runs on the task runner."""

    load_kinds: Callable[[], list[OfferedKindRow]]
    load_availability: Callable[[], list[AvailabilityRow]]
    load_conflicts: Callable[[], list[CatalogueConflict]]
    query_items: Callable[[ItemFilter], Sequence[ItemRow]]
    kind_choices: Callable[[], list[tuple[str, str]]]
    set_accepting: Callable[[str, bool], Any]
    set_target_group: Callable[[str, TargetGroup], Any]
    item_editor: ItemEditorServices
    preview_import: Callable[[str], ImportPreview]
    commit_import: Callable[[ImportPreview], int]
    export_csv: Callable[[str], int]  # path → items written
    label_pdf: Callable[[list[str], str, int], bytes]  # item ids, layout, first position
    # the document templates tab ("Dokumentu veidnes"): shown only when both are given
    templates: Callable[[], list[TemplateRow]] | None = None
    save_template: Callable[..., Outcome] | None = None  # see document_templates.save_…
    # the school's default return deadline: shown on "Resursu veidi" when both are given
    school_deadline: Callable[[], date | None] | None = None
    set_school_deadline: Callable[[date | None], Outcome] | None = None
    # the kinds' check-in checklist: shown on "Resursu veidi" when both are given
    kind_checklist: Callable[[str], KindChecklist] | None = None
    set_kind_checklist: Callable[[str, list[str]], Outcome] | None = None


class LabelsDialog(QDialog):
    """Which label sheet, and where on it to start."""

    def _sheet_name(self, layout: LabelLayout) -> str:
        """"3 × 8 (70 × 37 mm, 24 labels)" in the UI's language and number format."""
        number = QLocale()  # the default locale follows the UI language (desktop.i18n)
        size = (f"{number.toString(layout.width_mm, 'g', 4)} × "
                f"{number.toString(layout.height_mm, 'g', 4)} mm")
        return self.tr("{0} × {1} ({2}, %n uzlīmes)", "", layout.per_sheet).format(
            layout.columns, layout.rows, size)

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Uzlīmes ar QR kodu"))
        self.layout_choice = QComboBox()
        for key, layout in LAYOUTS.items():
            self.layout_choice.addItem(self._sheet_name(layout), key)
        self.layout_choice.setCurrentIndex(self.layout_choice.findData(DEFAULT_LAYOUT))
        self.start = QSpinBox()
        self.start.setMinimum(1)
        self.layout_choice.currentIndexChanged.connect(self._limit)
        self._limit()
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Uzlīmes %n resursiem.", "", count)
                           + " " + self.tr("QR kodā ir inventāra numurs: noskenējot to "
                                           "jebkurā meklēšanas laukā, resurss tiek atrasts.")))
        form.addRow(self.tr("Uzlīmju loksne"), self.layout_choice)
        form.addRow(self.tr("Sākt ar uzlīmi Nr."), self.start)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Saglabāt PDF…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Atcelt"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _limit(self) -> None:
        layout = LAYOUTS[str(self.layout_choice.currentData())]
        self.start.setMaximum(layout.per_sheet)

    def choice(self) -> tuple[str, int]:
        return str(self.layout_choice.currentData()), self.start.value() - 1


class CataloguePage(QWidget):
    """Inventārs · Resursu veidi · Pieejamība."""

    open_application = Signal(int)  # show this application (an item's holder's, or past)

    def __init__(self, tasks: TaskRunner, services: CatalogueServices, *,
                 can_edit: Callable[[], bool] | bool, language: str = "lv",
                 ask_open_path: Callable[[QWidget], str | None] | None = None,
                 ask_save_path: Callable[[QWidget, str, str], str | None] | None = None,
                 changes: ChangeBus | None = None,
                 today: Callable[[], date] = date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._tasks = tasks
        self._changes = changes
        self._services = services
        self._can_edit = can_edit if callable(can_edit) else (lambda: bool(can_edit))
        self._language = language
        self._ask_open_path = ask_open_path
        self._ask_save_path = ask_save_path or self._save_with_dialog
        self._kind_rows: list[OfferedKindRow] = []
        self._open_after_load: str | None = None
        self._select_after_load: str | None = None
        self._kinds_loaded = False
        self.editor: ItemEditor | None = None  # the one opened or raised last
        self._editors: dict[str | None, ItemEditor] = {}  # by item id; None: a new item
        self.import_dialog: ImportDialog | None = None

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_items_tab(), self.tr("Inventārs"))
        self.tabs.addTab(self._build_kinds_tab(), self.tr("Resursu veidi"))
        self.tabs.addTab(self._build_availability_tab(), self.tr("Pieejamība"))
        self.templates_page: TemplatesPage | None = None
        if services.templates is not None and services.save_template is not None:
            self.templates_page = TemplatesPage(
                tasks, load=services.templates, load_kinds=services.load_kinds,
                save=services.save_template, can_edit=self._can_edit, language=language)
            self.templates_page.changed.connect(self._template_saved)
            self.tabs.addTab(self.templates_page, self.tr("Dokumentu veidnes"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload_items)
        self.apply_permission()
        # In the app the section reads the store when it is first opened, and again after a
        # change elsewhere when it is next looked at.
        self._when_seen: WhenSeen | None = None
        if changes is not None:
            self._when_seen = WhenSeen(self, self.refresh, stale=True)
            changes.changed.connect(self.follow_changes)

    def follow_changes(self, changes: OpChanges, source: object) -> None:
        if source is self or self._when_seen is None:
            return  # its own change: it refreshed already
        # items and kinds, the "waiting to sync" marks, and who holds what: a handover or
        # an application (a learner's name or class) changed
        if (changes.touches_catalogue or changes.outbox or changes.handovers
                or changes.applications):
            self._when_seen.request()
            for editor in self._editors.values():  # open on screen: their holder now
                editor.reload()

    def _publish(self, changes: OpChanges) -> None:
        if self._changes is not None:
            self._changes.publish(changes, self)

    # -- building --------------------------------------------------------------------------
    def _build_items_tab(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Meklēt: inventāra vai sērijas nr., ražotājs, vieta — vai skenējiet "
                    "uzlīmi"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Meklēt resursu"))
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._search_entered)
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(self.tr("Resursa veids"))
        self.kind_filter.addItem(self.tr("Visi veidi"), None)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.reload_items())
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Statuss"))
        self.status_filter.addItem(self.tr("Visi statusi"), None)
        for status in ItemStatus:
            self.status_filter.addItem(status.label(self._language), status.value)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload_items())
        self.count_label = QLabel()
        self.count_label.setStyleSheet(f"color: {MUTED_COLOUR};")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.count_label)

        self.new_button = QPushButton(self.tr("Jauns resurss…"))
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button = QPushButton(self.tr("Atvērt…"))
        self.edit_button.clicked.connect(self._open_current)
        self.import_button = QPushButton(self.tr("Importēt CSV…"))
        self.import_button.clicked.connect(self.open_import)
        self.export_button = QPushButton(self.tr("Eksportēt CSV…"))
        self.export_button.clicked.connect(self.export)
        self.labels_button = QPushButton(self.tr("Drukāt uzlīmes…"))
        self.labels_button.setToolTip(self.tr("QR uzlīmes atlasītajiem resursiem (vai visiem "
                                              "sarakstā redzamajiem)"))
        self.labels_button.clicked.connect(self.print_labels)
        self.application_button = QPushButton(self.tr("Atvērt pieteikumu"))
        self.application_button.setToolTip(self.tr(
            "Pieteikums, kuram izvēlētais resurss ir izsniegts vai rezervēts"))
        self.application_button.setEnabled(False)
        self.application_button.clicked.connect(self._open_holders_application)
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.import_button,
                       self.export_button, self.labels_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.application_button)

        self.items_model = ItemsModel(self._language, self, today=self._today)
        self.items = QTableView()
        self.items.setAccessibleName(self.tr("Resursi"))
        self.items.setModel(self.items_model)
        self.items.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.items.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.items.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.items.setAlternatingRowColors(True)
        self.items.verticalHeader().hide()
        self.items.setWordWrap(False)
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # sorted in memory by any column (a click on its header); a third click goes back to
        # inventory-number order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorClearable(True)
        self.items.setSortingEnabled(True)
        # ``activated`` alone: a double-click emits it as well as ``doubleClicked``, and both
        # used to open an editor each
        self.items.activated.connect(lambda index: self._open_row(index.row()))
        self.items.selectionModel().currentRowChanged.connect(self._current_item_changed)

        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.items, 1)
        return tab

    def _build_kinds_tab(self) -> QWidget:
        self.kinds_model = OfferedKindsModel(self._language, self)
        self.kinds = QTableView()
        self.kinds.setAccessibleName(self.tr("Piedāvātie resursu veidi"))
        self.kinds.setModel(self.kinds_model)
        self.kinds.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.kinds.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.kinds.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.kinds.verticalHeader().hide()
        self.kinds.horizontalHeader().setStretchLastSection(True)
        self.kinds.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_kind(current.row()))

        self.kind_title = QLabel()
        self.kind_title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.target_group = QComboBox()
        for group in TargetGroup:
            self.target_group.addItem(target_group_label(group, self._language), group.value)
        self.target_group.activated.connect(self._target_group_chosen)
        self.accepting = QCheckBox(self.tr("Pieņemt pieteikumus"))
        self.accepting.clicked.connect(self._accepting_clicked)
        self.documents = QLabel()
        self.documents.setWordWrap(True)
        self.documents.setTextFormat(Qt.TextFormat.RichText)
        self.documents.setOpenExternalLinks(True)
        self.documents_note = QLabel(self.tr(
            "Dokumenti, kas jāapstiprina, saņemot resursu: saites no centrālā servisa un "
            "skolas veidnes (tās raksta cilnē „Dokumentu veidnes“)."))
        self.documents_note.setWordWrap(True)
        self.documents_note.setStyleSheet(f"color: {MUTED_COLOUR};")
        form = QFormLayout()
        form.addRow(self.tr("Kam izsniedz"), self.target_group)
        form.addRow("", self.accepting)
        form.addRow(self.tr("Dokumenti"), self.documents)
        form.addRow("", self.documents_note)
        detail = QGroupBox(self.tr("Izvēlētais veids"))
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.kind_title)
        detail_layout.addLayout(form)

        self.conflicts_box = QGroupBox(self.tr("Centrālais serviss šīs izmaiņas noraidīja"))
        self.conflicts_label = QLabel()
        self.conflicts_label.setWordWrap(True)
        self.conflicts_label.setTextFormat(Qt.TextFormat.RichText)
        conflicts_layout = QVBoxLayout(self.conflicts_box)
        conflicts_layout.addWidget(self.conflicts_label)
        self.conflicts_box.hide()

        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.kinds, 2)
        self.kind_checklist: KindChecklistBox | None = None
        below = QHBoxLayout()
        below.addWidget(detail, 1)
        if (self._services.kind_checklist is not None
                and self._services.set_kind_checklist is not None):
            self.kind_checklist = KindChecklistBox(
                self._tasks, load=self._services.kind_checklist,
                save=self._services.set_kind_checklist, can_edit=self.can_edit)
            self.kind_checklist.saved.connect(self._kind_checklist_saved)
            self.kind_checklist.failed.connect(self._failed)
            below.addWidget(self.kind_checklist, 1)
        layout.addLayout(below, 0)
        self.school_deadline: SchoolDeadlineBox | None = None
        if (self._services.school_deadline is not None
                and self._services.set_school_deadline is not None):
            self.school_deadline = SchoolDeadlineBox(
                self._tasks, load=self._services.school_deadline,
                save=self._services.set_school_deadline, can_edit=self.can_edit)
            self.school_deadline.saved.connect(self._school_deadline_saved)
            self.school_deadline.failed.connect(self._failed)
            layout.addWidget(self.school_deadline, 0)
        layout.addWidget(self.conflicts_box, 0)
        return tab

    def _kind_checklist_saved(self, outcome: object) -> None:
        self.say(self.tr("Komplektācija saglabāta; to saņems arī pārējās skolas "
                         "darbstacijas."))
        self._publish(changes_of(outcome))
        self._run(self._services.load_kinds, on_done=self._kinds_loaded_from,
                  on_error=self._failed)

    def _school_deadline_saved(self) -> None:
        self.say(self.tr("Noklusētais atgriešanas termiņš saglabāts; to saņems arī pārējās "
                         "skolas darbstacijas."))
        self._publish(OpChanges.of(institution=True, outbox=True))

    def _build_availability_tab(self) -> QWidget:
        self.chart = AvailabilityChart(language=self._language)
        intro = QLabel(self.tr(
            "Katram veidam: resursi pēc statusa un pieteikumi, kas vēl gaida resursu "
            "(iesniegti, atlikti un piešķirti bez resursa)."))
        intro.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        return tab

    # -- permission and messages -----------------------------------------------------------
    def can_edit(self) -> bool:
        return bool(self._can_edit())

    def apply_permission(self) -> None:
        allowed = self.can_edit()
        why = "" if allowed else self.tr("Katalogu labot var tikai administrators")
        for widget in (self.new_button, self.import_button, self.target_group, self.accepting):
            widget.setEnabled(allowed and (widget not in (self.target_group, self.accepting)
                                           or self._current_kind() is not None))
            widget.setToolTip(why)
        self.edit_button.setText(self.tr("Atvērt…") if allowed else self.tr("Skatīt…"))
        if self.templates_page is not None:
            self.templates_page.apply_permission()
        if self.school_deadline is not None:
            self.school_deadline.apply_permission()
        if self.kind_checklist is not None:
            self.kind_checklist.apply_permission()

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {ERROR_COLOUR if error else SUCCESS_COLOUR};"
                                   " font-weight: bold;")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _failed(self, exc: Exception) -> None:
        self.say(core_message(exc, self._language) or self.tr(
            "Darbību neizdevās pabeigt: negaidīta kļūda ({0}).").format(type(exc).__name__),
            error=True)

    # -- loading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read everything again (on showing the section, after a sync or a change)."""
        self.apply_permission()
        self.reload_items()
        self._run(self._services.load_kinds, on_done=self._kinds_loaded_from,
                        on_error=self._failed)
        if self.school_deadline is not None:
            self.school_deadline.reload()
        self._run(self._services.load_availability, on_done=self.chart.set_rows,
                        on_error=self._failed)
        self._run(self._services.load_conflicts, on_done=self._show_conflicts,
                        on_error=self._failed)
        if not self._kinds_loaded:
            self._run(self._services.kind_choices, on_done=self._fill_kind_filter,
                            on_error=self._failed)
        if self.templates_page is not None:
            self.templates_page.reload()

    def current_filter(self) -> ItemFilter:
        status = self.status_filter.currentData()
        return ItemFilter(kind_code=self.kind_filter.currentData(),
                          status=ItemStatus(status) if status else None,
                          text=self.search.text())

    def reload_items(self) -> None:
        self._search_timer.stop()
        self._run(self._services.query_items, self.current_filter(),
                  on_done=self._items_loaded, on_error=self._failed, key="items")

    def _item_id_at(self, row: int) -> str | None:
        item = self.items_model.row_at(row)
        return item.id if item is not None else None

    def _items_loaded(self, rows: Sequence[ItemRow]) -> None:
        selected = self._select_after_load
        state = capture(self.items, self._item_id_at)
        self.items_model.set_rows(rows)
        restore(self.items, state, self.items_model.row_of)  # selection and scroll kept
        self._current_item_changed(self.items.currentIndex(), QModelIndex())  # its holder now
        self.count_label.setText(self.tr("%n resursi", "", len(rows)))
        if not self.items.property("sized") and rows:
            self.items.resizeColumnsToContents()
            self.items.setProperty("sized", True)
        if selected:
            self._select_item(selected)
        self._select_after_load = None
        wanted = self._open_after_load
        self._open_after_load = None
        if wanted is not None:
            row = self.items_model.row_of(wanted)
            if row >= 0:
                self._open_row(row)

    def _fill_kind_filter(self, kinds: list[tuple[str, str]]) -> None:
        self._kinds_loaded = True
        self._kind_choices = kinds
        current = self.kind_filter.currentData()
        self.kind_filter.blockSignals(True)
        while self.kind_filter.count() > 1:
            self.kind_filter.removeItem(1)
        for code, label in kinds:
            self.kind_filter.addItem(label, code)
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(current)))
        self.kind_filter.blockSignals(False)

    def _kinds_loaded_from(self, rows: list[OfferedKindRow]) -> None:
        current = self._current_kind()
        self._kind_rows = rows
        self.kinds_model.set_rows(rows)
        self.kinds.resizeColumnsToContents()
        row = next((n for n, r in enumerate(rows) if current and r.id == current.id), 0)
        if rows:
            self.kinds.selectionModel().setCurrentIndex(
                self.kinds_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self._show_kind(row)
        else:
            self._show_kind(-1)

    # -- items -----------------------------------------------------------------------------
    def _current_item_id(self) -> str | None:
        index = self.items.currentIndex()
        row = self.items_model.row_at(index.row()) if index.isValid() else None
        return row.id if row else None

    def selected_item_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.items.selectionModel().selectedRows()})
        return [r.id for n in rows if (r := self.items_model.row_at(n)) is not None]

    def _select_item(self, item_id: str) -> bool:
        row = self.items_model.row_of(item_id)
        if row < 0:
            return False
        index = self.items_model.index(row, 0)
        self.items.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.items.scrollTo(index)
        return True

    def _search_entered(self) -> None:
        """Enter in the search field (a scanner ends with it): an exact number opens."""
        text = self.search.text().strip()
        rows = self._all_rows()
        exact = [r for r in rows if r.inventory_no == text]
        alike = exact or [r for r in rows if same_code(text, r.inventory_no)]
        # two items a scanner cannot tell apart: the search below lists both
        match = alike[0] if text and len(alike) == 1 else None
        if match is not None and not self._search_timer.isActive():
            self._open_row(self.items_model.row_of(match.id))
            return
        self.show_item_by_number(text)

    def _all_rows(self) -> list[ItemRow]:
        return [r for n in range(self.items_model.rowCount())
                if (r := self.items_model.row_at(n)) is not None]

    def show_item_by_number(self, text: str, *, open_it: bool = True) -> None:
        """Find the item whose label was scanned (from this or any other search field)."""
        self.tabs.setCurrentIndex(0)
        if self.search.text() != text:
            self.search.blockSignals(True)
            self.search.setText(text)
            self.search.blockSignals(False)
        self.kind_filter.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(0)
        self._open_after_load = None
        self._run(self._services.query_items, self.current_filter(),
                  on_done=lambda rows: self._scanned(rows, text, open_it),
                  on_error=self._failed, key="items")

    def _scanned(self, rows: Sequence[ItemRow], text: str, open_it: bool) -> None:
        exact = ([r for r in rows if r.inventory_no == text.strip()]
                 or [r for r in rows if same_code(text, r.inventory_no)])
        self._items_loaded(rows)
        if len(exact) == 1:
            self._select_item(exact[0].id)
            if open_it:
                self._open_row(self.items_model.row_of(exact[0].id))
        elif text.strip() and not rows:
            self.say(self.tr("Resurss ar numuru „{0}“ nav atrasts").format(text.strip()),
                     error=True)

    def _open_current(self) -> None:
        index = self.items.currentIndex()
        if index.isValid():
            self._open_row(index.row())

    def _current_item_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        holder = holder_of(self.items_model.row_at(current.row()))
        self.application_button.setEnabled(holder is not None)
        self.application_button.setToolTip(
            self.tr("Pieteikums {0}: {1}").format(holder.application_number,
                                                  holder.learner_name)
            if holder is not None else
            self.tr("Pieteikums, kuram izvēlētais resurss ir izsniegts vai rezervēts"))

    def _open_holders_application(self) -> None:
        holder = holder_of(self.items_model.row_at(self.items.currentIndex().row()))
        if holder is not None:
            self.open_application.emit(holder.application_id)

    def _open_row(self, row: int) -> None:
        item = self.items_model.row_at(row)
        if item is not None:
            self.open_editor(item)

    def _kinds_for_editor(self) -> list[tuple[str, str]]:
        return list(getattr(self, "_kind_choices", []))

    def open_item(self, item_id: str) -> None:
        """Open the item's editor, or raise it if it is open (from another section)."""
        if item_id in self._editors:
            self._raise(self._editors[item_id])
            return
        self._run(self._services.item_editor.load_item, item_id, on_done=self.open_editor,
                  on_error=self._failed)

    def open_editor(self, item: ItemRow | None) -> ItemEditor:
        """The item's editor (a new item's for None): the one already open, raised, or a new
        one."""
        key = item.id if item is not None else None
        open_already = self._editors.get(key)
        if open_already is not None:
            self._raise(open_already)
            return open_already
        editor = ItemEditor(self._tasks, self._services.item_editor,
                            kinds=self._kinds_for_editor(), can_edit=self.can_edit(),
                            item=item, language=self._language, today=self._today,
                            parent=self)
        editor.saved.connect(self._item_saved)
        editor.changed.connect(self._publish)
        editor.open_application.connect(self.open_application)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._editors[key] = editor
        self.editor = editor
        editor.finished.connect(lambda _r: self._editor_closed(key, editor))
        editor.show()
        return editor

    def _raise(self, editor: ItemEditor) -> None:
        editor.show()
        editor.raise_()
        editor.activateWindow()
        self.editor = editor

    def _editor_closed(self, key: str | None, editor: ItemEditor) -> None:
        if self._editors.get(key) is editor:
            del self._editors[key]
        if self.editor is editor:
            self.editor = None

    def _item_saved(self, item_id: str) -> None:
        self._select_after_load = item_id or None
        self.say(self.tr("Saglabāts; tiks nosūtīts centrālajam servisam nākamajā "
                         "sinhronizācijā."))
        self.refresh()

    # -- import, export, labels ----------------------------------------------------------------
    def open_import(self) -> ImportDialog:
        dialog = ImportDialog(self._tasks, preview=self._services.preview_import,
                              commit=self._services.commit_import, can_edit=self.can_edit(),
                              ask_open_path=self._ask_open_path, parent=self)
        dialog.imported.connect(self._imported)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "import_dialog", None))
        dialog.open()
        return dialog

    def _imported(self, count: int) -> None:
        self.say(self.tr("Importēti %n resursi; tie tiks nosūtīti centrālajam servisam "
                         "nākamajā sinhronizācijā.", "", count))
        # (the import does not say which items it wrote: every view looks again)
        self._publish(EVERYTHING)
        self.refresh()

    def _save_with_dialog(self, parent: QWidget, title: str, suggested: str) -> str | None:
        filters = (self.tr("PDF faili (*.pdf)") if suggested.endswith(".pdf")
                   else self.tr("CSV faili (*.csv)"))
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path or None

    def export(self) -> None:
        path = self._ask_save_path(self, self.tr("Eksportēt inventāru"), "inventars.csv")
        if not path:
            return
        self._run(self._services.export_csv, path,
                        on_done=lambda n: self.say(self.tr("Eksportēti %n resursi", "", n)
                                                   + ": " + Path(path).name),
                        on_error=self._failed)

    def print_labels(self) -> None:
        ids = self.selected_item_ids() or self.items_model.ids()
        if not ids:
            self.say(self.tr("Sarakstā nav neviena resursa, kam drukāt uzlīmes"), error=True)
            return
        dialog = LabelsDialog(len(ids), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        layout, start = dialog.choice()
        self.save_labels(ids, layout, start)

    def save_labels(self, ids: list[str], layout: str, start: int) -> None:
        path = self._ask_save_path(self, self.tr("Saglabāt uzlīmes"), "uzlimes.pdf")
        if not path:
            return

        def write() -> int:
            Path(path).write_bytes(self._services.label_pdf(ids, layout, start))
            return len(ids)

        self._run(write, on_done=lambda n: self.say(
            self.tr("%n uzlīmes saglabātas", "", n) + ": " + Path(path).name),
            on_error=self._failed)

    # -- kinds -----------------------------------------------------------------------------
    def _current_kind(self) -> OfferedKindRow | None:
        if not hasattr(self, "kinds"):
            return None
        index = self.kinds.currentIndex()
        return self.kinds_model.row_at(index.row()) if index.isValid() else None

    def _show_kind(self, row: int) -> None:
        kind = self.kinds_model.row_at(row)
        if self.kind_checklist is not None:
            self.kind_checklist.show_kind(kind.id if kind is not None else None)
        if kind is None:
            self.kind_title.setText(self.tr("Iestādei vēl nav neviena resursu veida"))
            self.documents.setText("")
            self.apply_permission()
            return
        self.kind_title.setText(kind.label(self._language))
        self.target_group.setCurrentIndex(self.target_group.findData(kind.target_group.value))
        self.accepting.setChecked(kind.accepting_applications)
        self.documents.setText(self._documents_html(kind))
        self.apply_permission()

    def _documents_html(self, kind: OfferedKindRow) -> str:
        if not kind.documents:
            none = self.tr("nav dokumentu")  # outside the f-string: lupdate skips those
            return f"<span style='color:{MUTED_COLOUR}'>{none}</span>"
        lines = []
        for d in kind.documents:
            what = html.escape(DocumentType(d.doc_type).label(self._language))
            title = html.escape(d.title)
            if d.url:
                link = f"<a href='{html.escape(d.url, quote=True)}'>{title}</a>"
            elif d.file_path:
                link = f"{title} <span style='color:{MUTED_COLOUR}'>(PDF)</span>"
            else:
                link = title
            lines.append(f"{what}: {link}")
        return "<br>".join(lines)

    def _target_group_chosen(self, _index: int) -> None:
        kind = self._current_kind()
        group = TargetGroup(str(self.target_group.currentData()))
        if kind is None or not self.can_edit() or group is kind.target_group:
            return
        self._run(self._services.set_target_group, kind.id, group,
                  on_done=self._kind_changed, on_error=self._kind_failed)

    def _accepting_clicked(self, checked: bool) -> None:
        kind = self._current_kind()
        if kind is None or not self.can_edit():
            return
        self._run(self._services.set_accepting, kind.id, checked,
                  on_done=self._kind_changed, on_error=self._kind_failed)

    def _kind_changed(self, outcome: object) -> None:
        self.say(self.tr("Saglabāts; tiks publicēts centrālajā servisā nākamajā "
                         "sinhronizācijā."))
        self._publish(changes_of(outcome))
        self.refresh()

    def _template_saved(self, changes: OpChanges) -> None:
        """A template was saved (its tab reloads itself): the kinds' documents and "waiting to
        sync" marks are stale here, and elsewhere the change bus says so."""
        self._publish(changes)
        self._run(self._services.load_kinds, on_done=self._kinds_loaded_from,
                  on_error=self._failed)

    def _kind_failed(self, exc: Exception) -> None:
        self._failed(exc)
        self._show_kind(self.kinds.currentIndex().row())  # back to what is stored

    def _show_conflicts(self, conflicts: list[CatalogueConflict]) -> None:
        if not conflicts:
            self.conflicts_box.hide()
            return
        names = {"target_group": self.tr("Kam izsniedz"),
                 "accepting_applications": self.tr("Pieteikšanās"),
                 "inventory_no": self.tr("Inventāra numurs"), "kind_code": self.tr("Veids"),
                 "serial_no": self.tr("Sērijas numurs"), "manufacturer": self.tr("Ražotājs"),
                 "model": self.tr("Modelis"), "year": self.tr("Gads"),
                 "acquisition_value": self.tr("Vērtība"),
                 "socially_supported": self.tr("Sociāli atbalstāmajiem"),
                 "location": self.tr("Atrašanās vieta"), "notes": self.tr("Piezīmes"),
                 "status": self.tr("Statuss"),
                 "check_in_checklist": self.tr("Komplektācija")}
        parts = [html.escape(self.tr(
            "Kamēr šīs izmaiņas gaidīja sinhronizāciju, kāds tos pašus datus mainīja "
            "centrālajā servisā. Nekas netika pārrakstīts: izvēlieties sadaļā „Konflikti“, "
            "kuru versiju paturēt."))]
        for c in conflicts:
            rows = []
            for field, local in c.local.items():
                central = c.central.get(field, "—") if c.central else self.tr("nav zināms")
                style = " style='color:#b3261e; font-weight:bold'" if central != local else ""
                rows.append(f"<tr><td>{html.escape(names.get(field, field))}</td>"
                            f"<td{style}>{html.escape(local)}</td>"
                            f"<td{style}>{html.escape(central)}</td></tr>")
            here, central_service = self.tr("Šajā datorā"), self.tr("Centrālajā servisā")
            head = (f"<tr><th align='left'>{html.escape(c.label)}</th>"
                    f"<th align='left'>{here}</th>"
                    f"<th align='left'>{central_service}"
                    f"{'' if c.central_version is None else f' (v{c.central_version})'}"
                    f"</th></tr>")
            parts.append("<table cellspacing='0' cellpadding='3'>" + head + "".join(rows)
                         + "</table>")
        self.conflicts_label.setText("<br>".join(parts))
        self.conflicts_box.show()

    def _run(self, fn: Callable[..., Any], *args: Any,
             on_done: Callable[..., Any] | None = None,
             on_error: Callable[[Exception], Any] | None = None,
             key: str | None = None) -> None:
        """On the task runner, owned by this page (the callbacks are dropped if it is gone
        by then); with a ``key``, only the newest such task's result is shown."""
        self._tasks.run(fn, *args, on_done=on_done, on_error=on_error, owner=self, key=key,
                        latest=key is not None)
