"""The issuing desk: find the case at the counter, check the device, show the applicant the
QR code on their screen, wait for their confirmation, print the act (or, without the phone,
print the paper act and record it signed); returns, lost/stolen reports, overdue devices and
the school's filed acts on their own tabs.

The page gets plain callables (``DeskServices``), the watch on the open handover
(``desktop.desk.HandoverWatch``) and the applicant-facing ``CustomerScreen``; every database
step runs through the task runner.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import ChangeBus, WhenSeen, changes_of
from desktop.icons import icon
from desktop.models.changes import OpChanges
from desktop.models.device_choices import DeviceChoice
from desktop.models.scan_codes import same_code
from desktop.tasks import TaskRunner
from desktop.views.acts_panel import ActsPanel
from desktop.views.customer_screen import CustomerScreen
from desktop.views.dates import shown_date
from desktop.views.decision_dialogs import ERROR_COLOUR, MUTED_COLOUR, show_error
from desktop.views.desk_dialogs import CancelHandoverDialog
from desktop.views.desk_models import RowsModel
from desktop.views.desk_picker_fit import fit_columns, wanted_width
from desktop.views.desk_print import FileShower
from desktop.views.desk_services import DeskServices
from desktop.views.device_picker import DevicePicker
from desktop.views.incidents_panel import IncidentsPanel
from desktop.views.overdue_panel import OverduePanel
from desktop.views.qt_typed import QT_TRANSLATE_NOOP
from desktop.views.return_dialog import ReturnDialog
from desktop.views.view_state import capture, restore

SEARCH_DELAY_MS = 250
OK_COLOUR = "#2e7d32"
LIST_MIN = 360  # logical pixels the case list keeps beside the picker: number, learner, class


def _table(model: RowsModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the list for the next control (no trap)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _case_columns() -> list[tuple[str, str, Callable[[Any], object]]]:
    return [
        ("number", QT_TRANSLATE_NOOP("RowsModel", "Pieteikums"), lambda r: r.number),
        ("learner", QT_TRANSLATE_NOOP("RowsModel", "Izglītojamais"), lambda r: r.learner_name),
        ("class", QT_TRANSLATE_NOOP("RowsModel", "Klase"), lambda r: r.learner_class),
        ("applicant", QT_TRANSLATE_NOOP("RowsModel", "Iesniedzējs"), lambda r: r.submitter_name),
        ("resource", QT_TRANSLATE_NOOP("RowsModel", "Resursa veids"), lambda r: r.resource),
        ("item", QT_TRANSLATE_NOOP("RowsModel", "Inventāra Nr."), lambda r: r.inventory_no),
        ("status", QT_TRANSLATE_NOOP("RowsModel", "Statuss"), lambda r: r.status_label),
    ]


class _SearchList(QWidget):
    """A search box (a keyboard-wedge scanner types into it too) over a list of cases."""

    def __init__(self, tasks: TaskRunner, find: Callable[[str, str], list[Any]], scope: str,
                 placeholder: str, columns: list[tuple[str, str, Callable[[Any], object]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._find = find
        self._scope = scope
        self.after_load: Callable[[str, list[Any]], None] | None = None
        self.search = QLineEdit(placeholderText=placeholder, clearButtonEnabled=True)
        self.model = RowsModel(columns, self)
        self.table = _table(self.model)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.reload)
        # A list that cannot be read says why in place (signed out, a damaged store):
        # opening the section must not put a modal box in the way.
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.notice.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)

    def reload(self, *, pick_single: bool = True) -> None:
        """Read the list for the search text. A search (typed, scanned) selects the one case
        it finds; a reload after a change (``pick_single=False``) selects nobody the staff
        did not select: the desk would move on to that case by itself."""
        self._timer.stop()
        text = self.search.text()
        # only the newest search's answer is shown (the scanner may have typed on meanwhile)
        self._tasks.run(self._find, text, self._scope,
                        on_done=lambda rows: self._apply(text, rows, pick_single),
                        on_error=self._failed, owner=self, key="find", latest=True)

    def _failed(self, exc: Exception) -> None:
        self.notice.setText(getattr(exc, "message_lv", None) or self.tr(
            "Sarakstu neizdevās nolasīt ({0}).").format(type(exc).__name__))
        self.notice.show()

    def _apply(self, text: str, rows: list[Any], pick_single: bool = True) -> None:
        self.notice.hide()
        state = capture(self.table, self._key_at)
        self.model.set_rows(rows)
        kept = restore(self.table, state, self._row_of)  # the case at the counter stays put
        if not kept and len(rows) == 1 and pick_single:
            self.table.selectRow(0)
        if self.after_load is not None:
            self.after_load(text, rows)

    def current(self) -> Any | None:
        return self.model.row_at(self.table.currentIndex().row())

    def clear_current(self) -> None:
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())

    def _key_at(self, row: int) -> int | None:
        found = self.model.row_at(row)
        return found.application_id if found is not None else None

    def _row_of(self, application_id: object) -> int:
        return self.model.index_of(lambda r: r.application_id == application_id).row()


class DeskPage(QWidget):
    """See the module docstring.

    The issue tab serves one applicant at a time. The case shown (``_case``, the row the staff
    selected) owns everything on the right: the facts, the status line, the buttons, the
    handover in progress (``card``), its act and the applicant's screen. Selecting another
    application, or "Nākamais iesniedzējs" once the handover ended, resets all of it
    (``_reset_issue``); the applicant's screen goes back to its welcome page, which names
    nobody. A reload after a change (a sync, this page's own steps) keeps the case shown.
    """

    handed_over = Signal(int)  # application id: the applicant confirmed, the act is filed

    def __init__(self, tasks: TaskRunner, services: DeskServices, watch: Any,
                 customer: CustomerScreen | None = None, *,
                 changes: ChangeBus | None = None, language: str = "lv",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._tasks = tasks
        self._changes = changes
        self._services = services
        self.watch = watch
        self.customer = customer or CustomerScreen()
        # the acts are read through the store's vault (they may be sealed) and printed from
        # memory; a copy for the system viewer lives until this page goes (``FileShower``)
        self.files = FileShower(self, services.read_file)
        self.destroyed.connect(self.files.close)
        self.print_file: Callable[[QWidget | None, Path], bool] = self.files.print
        self._case: Any | None = None  # the DeskRow shown on the issue tab
        self._case_issued = False  # its device was issued (the confirmation came)
        self.card: Any | None = None  # the shown case's handover (CustomerCard)
        self.card_label = ""  # "P-2026-001000 · Jānis Bērziņš": the open handover's case
        self.act_path: Path | None = None
        self.return_act_path: Path | None = None
        self._returned_id: str | None = None  # the handover whose return act is offered

        self.tabs = QTabWidget()
        self.issue_tab = self._issue_tab()
        self.return_tab = self._return_tab()
        self.tabs.addTab(self.issue_tab, icon("desk"), self.tr("Izsniegšana"))
        self.tabs.addTab(self.return_tab, icon("return"), self.tr("Atgriešana"))
        self.incidents = IncidentsPanel(tasks, services.incidents, services.acknowledge,
                                        changes=changes)
        self.tabs.addTab(self.incidents, icon("lost"), self.tr("Nozaudēti un nozagti"))
        self.overdue = OverduePanel(tasks, services.overdue, export=services.export_overdue,
                                    change_deadline=services.change_deadline,
                                    record_incident=services.record_incident,
                                    remind_return=services.remind_return)
        self.overdue.take_back_requested.connect(self.start_return)
        self.tabs.addTab(self.overdue, self.tr("Kavēta atgriešana"))
        self.acts: ActsPanel | None = None
        if services.acts is not None:
            self.acts = ActsPanel(tasks, services.acts, services.act_file,
                                  read_file=services.read_file)
            self.acts.print_file = lambda parent, path: self.print_file(parent, path)
            self.tabs.addTab(self.acts, icon("print"), self.tr("Akti"))
        self._reloads: dict[QWidget, Callable[[], None]] = {
            self.issue_tab: lambda: self.cases.reload(pick_single=False),
            self.return_tab: lambda: self.returns.reload(pick_single=False),
            self.incidents: self.incidents.reload,
            self.overdue: self.overdue.reload,
        }
        if self.acts is not None:
            self._reloads[self.acts] = self.acts.reload
        # (handover, application number) the overdue tab asked to take back
        self._returning: tuple[str, str] | None = None
        self.tabs.currentChanged.connect(self._tab_shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)

        watch.status_changed.connect(self._status_changed)
        watch.issued.connect(self._issued)
        watch.failed.connect(self._say_error)
        QShortcut(QKeySequence("Ctrl+F"), self).activated.connect(self._focus_search)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):  # a monitor plugged in or out meanwhile
            app.screenAdded.connect(self._fill_screens)
            app.screenRemoved.connect(self._fill_screens)
        # The lists are read when the section is first opened, and after a change elsewhere
        # when it is next looked at.
        self._when_seen = WhenSeen(self, self.reload, stale=True)
        if changes is not None:
            changes.changed.connect(self.follow_changes)

    def follow_changes(self, changes: OpChanges, source: object) -> None:
        if source in (self, self.incidents):
            return  # its own change: the list it acted on was read again already
        if changes.touches_desk:
            self._when_seen.request()

    def _publish(self, changes: OpChanges) -> None:
        if self._changes is not None:
            self._changes.publish(changes, self)

    # -- the issue tab ---------------------------------------------------------------------
    def _issue_tab(self) -> QWidget:
        self.cases = _SearchList(
            self._tasks, self._services.find, "to_issue",
            self.tr("Pieteikuma numurs, vārds vai resursa uzlīme"), _case_columns())
        self.cases.search.setToolTip(self.tr(
            "Ievadiet pieteikuma numuru vai vārdu vai noskenējiet resursa uzlīmi"))
        # named for a screen reader: the placeholder goes once something is typed
        self.cases.search.setAccessibleName(self.tr("Meklēt pieteikumu izsniegšanai"))
        self.cases.table.setAccessibleName(self.tr("Pieteikumi izsniegšanai"))
        self.cases.after_load = self._after_cases_loaded
        self.cases.table.selectionModel().currentRowChanged.connect(
            lambda *_: self._show_case())

        self.case_title = QLabel(self.tr("Izvēlieties pieteikumu sarakstā"))
        self.case_title.setTextFormat(Qt.TextFormat.PlainText)
        self.case_title.setWordWrap(True)
        self.case_title.setStyleSheet("font-size:15px;font-weight:600")
        self.case_facts = QLabel()
        self.case_facts.setTextFormat(Qt.TextFormat.PlainText)
        self.case_facts.setWordWrap(True)
        self.scan = QLineEdit(clearButtonEnabled=True)
        self._scan_hint(self.tr("Noskenējiet resursa uzlīmi"))
        self.scan.returnPressed.connect(self.start_handover)
        # Without a reserved device, the devices to choose from, described and filtered as
        # typed. None is current until scanned, typed for or picked: "Sākt izsniegšanu"
        # issues the current one.
        self.items = DevicePicker(self._language, highlight_first=False)
        fit_columns(self.items)
        self.items.chosen.connect(lambda _item_id: self.start_handover())
        self.items.current_changed.connect(self._picked)
        self.scan.textChanged.connect(self._scanned)
        self.items.hide()
        self.start_button = QPushButton(icon("qr"), self.tr("Sākt izsniegšanu"))
        self.start_button.setDefault(True)
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(self.start_handover)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setStyleSheet("font-size:15px;font-weight:600")
        self.status.setContentsMargins(0, 8, 0, 0)
        self.status.hide()  # until there is something to say: the picker needs the room
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(f"color:{ERROR_COLOUR}")
        self.error.hide()
        # shows whatever the applicant's screen holds now: at most the shown case's handover
        self.show_button = QPushButton(self.tr("Rādīt iesniedzēja ekrānu"))
        self.show_button.clicked.connect(self._show_customer)
        self.cancel_button = QPushButton(self.tr("Atcelt izsniegšanu…"))
        self.cancel_button.clicked.connect(self.cancel_handover)
        self.print_button = QPushButton(icon("print"), self.tr("Drukāt aktu"))
        self.print_button.clicked.connect(self.print_act)
        self.paper_button = QPushButton(icon("print"), self.tr("Drukāt papīra aktu"))
        self.paper_button.setToolTip(self.tr(
            "Ja savienojuma nav vai iesniedzējs nevar apstiprināt tālrunī"))
        self.paper_button.clicked.connect(self.print_paper_act)
        self.signed_button = QPushButton(self.tr("Parakstīts uz papīra…"))
        self.signed_button.setToolTip(self.tr(
            "Iesniedzējs parakstīja izdrukāto aktu: reģistrēt izsniegšanu un saglabāt aktu"))
        self.signed_button.clicked.connect(self.signed_on_paper)
        self.signed_button.setVisible(self._services.sign_on_paper is not None)
        for button in (self.cancel_button, self.print_button, self.paper_button,
                       self.signed_button):
            button.setEnabled(False)
        self.next_button = QPushButton(self.tr("Nākamais iesniedzējs"))
        self.next_button.setToolTip(self.tr(
            "Notīrīt šo pieteikumu no ekrāna un iesniedzēja ekrānu; meklēt nākamo"))
        self.next_button.clicked.connect(self.next_applicant)
        self.next_button.hide()

        self.screen_choice = QComboBox()
        self.full_screen = QCheckBox(self.tr("Pilnekrāna režīmā"))
        self._fill_screens()

        box = self.issue_box = QGroupBox(self.tr("Izsniegšana"))
        # a grid rather than a form: the picker's row takes the height there is
        form = QGridLayout()
        scan_label = QLabel(self.tr("Resurss:"))
        scan_label.setBuddy(self.scan)
        form.addWidget(scan_label, 0, 0)
        form.addWidget(self.scan, 0, 1)
        form.addWidget(self.items, 1, 0, 1, 2)
        form.setRowStretch(1, 1)
        screen_label = QLabel(self.tr("Iesniedzēja ekrāns:"))
        screen_label.setBuddy(self.screen_choice)
        form.addWidget(screen_label, 2, 0)
        form.addWidget(self.screen_choice, 2, 1)
        form.addWidget(self.full_screen, 3, 1)
        form.setColumnStretch(1, 1)
        # Two buttons a row: the panel stays narrow enough for the applicant's window beside
        # it on a laptop alone. Hidden while a device is being chosen: there is no handover
        # then, and the picker needs the lines.
        self.handover_buttons = QWidget()
        buttons = QGridLayout(self.handover_buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.show_button, 0, 0)
        buttons.addWidget(self.cancel_button, 0, 1)
        buttons.addWidget(self.print_button, 1, 0)
        # without the phone: print the act to sign by hand, then record it signed
        buttons.addWidget(self.paper_button, 1, 1)
        buttons.addWidget(self.signed_button, 2, 1)
        side = QVBoxLayout(box)
        side.addWidget(self.case_title)
        side.addWidget(self.case_facts)
        side.addLayout(form)
        side.addWidget(self.start_button)
        side.addWidget(self.error)
        side.addWidget(self.status)
        side.addWidget(self.handover_buttons)
        side.addWidget(self.next_button)
        self._side, self._side_form, self._side_spacer = side, form, side.count()
        side.addStretch(1)
        note = self.confirm_note = QLabel(self.tr(
            "Iesniedzējs saņemšanu apstiprina savā tālrunī portālā latvija.gov.lv, "
            "noskenējot QR kodu iesniedzēja ekrānā."))
        note.setWordWrap(True)
        note.setStyleSheet(f"color:{MUTED_COLOUR}")
        side.addWidget(note)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.cases)
        splitter.addWidget(box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([780, 480])
        # the widths before the panel made room for the picker, given back when it is
        # hidden; None once the staff move the divider themselves
        self._room: list[int] | None = None
        splitter.splitterMoved.connect(self._divider_moved)
        self._splitter = splitter
        return splitter

    def _show_picker(self, shown: bool) -> None:
        """The picker takes the panel's spare height while there is a device to choose;
        hidden, the buttons close up under the scan field."""
        self.items.setVisible(shown)
        # the handover and how the applicant confirms it come once the device is chosen;
        # until then the picker needs the lines on a laptop
        self.handover_buttons.setVisible(not shown)
        self.confirm_note.setVisible(not shown)
        self._side.setStretchFactor(self._side_form, 1 if shown else 0)
        self._side.setStretch(self._side_spacer, 0 if shown else 1)
        self._make_room(shown)

    def _make_room(self, picker: bool) -> None:
        """While the picker is shown, the panel takes from the case list the width the
        picker's columns want (the list keeps ``LIST_MIN``); hidden, the panel gives it back.
        On a laptop alone the applicant's window, shown once a device is chosen, covers the
        list and leaves the panel, at its own width, in sight."""
        sizes = self._splitter.sizes()
        total = sum(sizes)
        if not picker:
            before, self._room = self._room, None
            if before is not None:
                self._splitter.setSizes(before)  # scaled to the width there is now
            return
        if self._room is not None or total <= 0 or len(sizes) != 2:
            return
        box = self.issue_box
        margins = self._side.contentsMargins()
        around = (box.width() - box.contentsRect().width() + margins.left()
                  + margins.right())  # the panel's width beside the picker's
        want = min(wanted_width(self.items) + around, total - LIST_MIN)
        if want > sizes[1]:
            self._room = sizes
            self._splitter.setSizes([total - want, want])

    def _divider_moved(self, *_: object) -> None:
        self._room = None  # the staff chose the widths: they stay

    def _scan_hint(self, text: str) -> None:
        self.scan.setPlaceholderText(text)
        self.scan.setToolTip(text)  # the narrow panel may cut it short

    def _scanned(self, text: str) -> None:
        """A number scanned or typed into the field is the device the picker highlights, and
        a number it does not offer leaves none highlighted: the two never disagree on what
        "Sākt izsniegšanu" issues."""
        if text.strip() and not self.items.select_inventory_no(text):
            self.items.table.clearSelection()
            self.items.table.setCurrentIndex(QModelIndex())

    def _picked(self, _item_id: object) -> None:
        """A device picked (clicked, typed for, moved to) replaces a number in the field that
        names another: the one picked is the one issued."""
        choice = self.items.current_choice()
        scanned = self.scan.text()
        if choice is not None and scanned.strip() and not same_code(scanned,
                                                                    choice.inventory_no):
            self.scan.clear()

    def _fill_screens(self, *_: object) -> None:
        """The monitors to show the applicant's screen on; a second one faces the applicant
        and gets it full screen (one monitor: a window beside the staff's controls)."""
        screens = self.customer.screens()
        self.screen_choice.clear()
        for number, screen in enumerate(screens, start=1):
            self.screen_choice.addItem(self.tr("{0}. ekrāns ({1})").format(
                number, screen.name() or "—"), number - 1)
        second = len(screens) > 1
        if second:
            self.screen_choice.setCurrentIndex(1)
        self.full_screen.setChecked(second)

    def _focus_search(self) -> None:
        shown = self.tabs.currentWidget()
        target = (self.acts.search if self.acts is not None and shown is self.acts
                  else self.returns.search if shown is self.return_tab
                  else self.cases.search)
        target.setFocus()
        target.selectAll()

    def _tab_shown(self, index: int) -> None:
        shown = self.tabs.widget(index)
        reload = self._reloads.get(shown) if shown is not None else None
        if reload is not None:
            reload()

    def reload(self) -> None:
        """Re-read the visible tab (after a sync brought changes)."""
        self._tab_shown(self.tabs.currentIndex())

    def _after_cases_loaded(self, text: str, rows: list[Any]) -> None:
        # A scanned label that matches the one case's reserved item verifies it at once.
        # (an ASCII scanner's RAVG-… is the label of RAVĢ-…)
        if len(rows) == 1 and rows[0].inventory_no and same_code(text, rows[0].inventory_no):
            self.scan.setText(rows[0].inventory_no)
        self._show_case()

    def _show_case(self) -> None:
        row = self.cases.current()
        if row is None:
            # The issued case left the list, or a search found nothing: a handover stays in
            # sight until another case is selected; with none, the panel waits for a choice.
            if self.card is None and not self._case_issued:
                self.case_title.setText(self.tr("Izvēlieties pieteikumu sarakstā"))
                self.case_facts.clear()
                self.start_button.setEnabled(False)
            return
        if self._case is None or row.application_id != self._case.application_id:
            self._reset_issue()  # another applicant: nothing of the last one stays
            self._case = row
            self._render_case()
            self._offer_items(row)
            return
        reserved = self._case.inventory_no
        self._case = row  # the same case read again (its status may have moved on)
        self._render_case()
        if row.inventory_no != reserved:
            self._offer_items(row)

    def _render_case(self) -> None:
        row = self._case
        if row is None:
            return
        self.case_title.setText(f"{row.number} · {row.learner_name}")
        deadline = shown_date(row.return_deadline, "—")
        status = self.tr("Izsniegts") if self._case_issued else row.status_label
        self.case_facts.setText(self.tr(
            "Iesniedzējs: {0}\nResursa veids: {1}\nRezervētais resurss: {2}\n"
            "Atgriešanas termiņš: {3}\nStatuss: {4}").format(
            row.submitter_name, row.resource, row.inventory_no or self.tr("nav izvēlēts"),
            deadline, status))
        self.start_button.setEnabled(not self._case_issued)

    def _offer_items(self, row: Any) -> None:
        """The scan field checks the reserved device; without one, the devices to choose."""
        self.items.set_choices([])
        if row.inventory_no:
            self._show_picker(False)
            if not same_code(self.scan.text(), row.inventory_no):
                self.scan.clear()
            self._scan_hint(self.tr("Noskenējiet {0} uzlīmi, lai pārbaudītu"
                                    ).format(row.inventory_no))
            return
        self._scan_hint(self.tr("Noskenējiet izsniedzamā resursa uzlīmi"))
        app_id = row.application_id
        self._tasks.run(self._services.offerable, app_id,
                        on_done=lambda items: self._fill_items(app_id, items),
                        on_error=lambda e: show_error(self, e),
                        owner=self, key="offerable", latest=True)

    def _fill_items(self, app_id: int, items: list[DeviceChoice]) -> None:
        if self._case is None or self._case.application_id != app_id or self._case.inventory_no:
            return  # another case meanwhile, or this one's device reserved since
        self.items.set_choices(items)  # none: "Nav pieejamu resursu" in its place
        if self.scan.text().strip():  # scanned before the devices came
            self._scanned(self.scan.text())
        self._show_picker(True)

    def _reset_issue(self) -> None:
        """Forget the case shown and its handover: the desk as it is before any case."""
        self.watch.stop()  # a handover still waiting stays ready for issue in the list
        self._case = None
        self._case_issued = False
        self.card = None
        self.card_label = ""
        self.act_path = None
        self._set_status("")
        self.error.clear()
        self.error.hide()
        self.scan.clear()
        self._scan_hint(self.tr("Noskenējiet resursa uzlīmi"))
        self.items.set_choices([])
        self.items.filter_edit.clear()
        self._show_picker(False)
        for button in (self.start_button, self.cancel_button, self.print_button,
                       self.paper_button, self.signed_button):
            button.setEnabled(False)
        self.next_button.hide()
        self.case_title.setText(self.tr("Izvēlieties pieteikumu sarakstā"))
        self.case_facts.clear()
        self._release_customer()

    def _release_customer(self, *, hide_alone: bool = False) -> None:
        """The applicant's screen names nobody. On a laptop alone it also goes out of the way
        of the list once it showed someone (``hide_alone``: even if it did not)."""
        showed = not self.customer.welcoming
        self.customer.show_welcome()
        if self.customer.one_monitor and (showed or hide_alone):
            self.customer.hide()

    def next_applicant(self) -> None:
        """The handover ended: clear the desk and the applicant's screen, and wait in the
        search box for the next applicant's number, name or label."""
        self._reset_issue()
        self._release_customer(hide_alone=True)
        self.cases.clear_current()
        self.cases.search.clear()
        self.cases.search.setFocus()
        self.cases.reload(pick_single=False)

    def _say_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _set_status(self, text: str, colour: str | None = None) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.status.setStyleSheet("font-size:15px;font-weight:600" +
                                  (f";color:{colour}" if colour else ""))

    def status_text(self) -> str:
        return self.status.text()

    def start_handover(self) -> None:
        """Check the device, make the handover ready, show the applicant the QR code."""
        row = self.cases.current()
        if row is None:
            self._say_error(self.tr("Vispirms izvēlieties pieteikumu sarakstā."))
            return
        if self._case_issued:
            return  # issued already: "Nākamais iesniedzējs" moves on
        try:  # the URL needs no network; a bad template is said before anything changes
            self._services.receipt_url(row.application_id, None)
        except ValueError as exc:
            self._say_error(getattr(exc, "message_lv", str(exc)))
            return
        scanned = self.scan.text().strip() or None
        item_id = self.items.current_item_id() if scanned is None else None
        if scanned is None and item_id is None and not row.inventory_no:
            self._say_error(self.tr("Noskenējiet vai izvēlieties izsniedzamo resursu."))
            return
        self.error.hide()
        self.start_button.setEnabled(False)
        self._tasks.run(self._services.start, row.application_id, scanned, item_id,
                        on_done=lambda card: self._prepared(
                            card, self._services.receipt_url(card.application_id,
                                                             card.receipt_token),
                            f"{row.number} · {row.learner_name}"),
                        on_error=self._start_failed, owner=self)

    def _start_failed(self, exc: Exception) -> None:
        self.start_button.setEnabled(self._case is not None and not self._case_issued)
        message = getattr(exc, "message_lv", None)
        if isinstance(message, str) and message:
            self._say_error(message)  # a refused scan says why, next to the field
        else:
            show_error(self, exc)

    def _prepared(self, card: Any, url: str, label: str = "") -> None:
        self._publish(changes_of(card, OpChanges.of(
            applications=[card.application_id], handovers=[card.handover_id], outbox=True)))
        if self._case is None or self._case.application_id != card.application_id:
            # another case was selected meanwhile: this one waits, ready for issue, in the list
            self.cases.reload(pick_single=False)
            return
        self.card = card
        self.card_label = label or f"{card.act_number} · {card.applicant_name}"
        self.act_path = None
        self.customer.show_card(card.applicant_name, card.resource, url)
        self._show_customer()
        self._set_status(self.tr("Gatavs izsniegšanai · gaida apstiprinājumu latvija.gov.lv "
                                 "(akts {0})").format(card.act_number))
        self.cancel_button.setEnabled(True)
        self.paper_button.setEnabled(True)
        self.signed_button.setEnabled(True)  # while the handover is ready for issue
        self.print_button.setEnabled(False)
        self.start_button.setEnabled(True)
        self.next_button.hide()
        self.scan.clear()
        self.watch.start(card.handover_id)
        self.cases.reload(pick_single=False)

    def _show_customer(self) -> None:
        self.customer.show_on(self.screen_choice.currentData(),
                              full_screen=self.full_screen.isChecked(), staff=self)

    def _status_changed(self, state: Any) -> None:
        if self.card is None:
            return
        code = getattr(state.status, "value", str(state.status))
        self.signed_button.setEnabled(code == "prepared")
        if code == "issued":  # the act follows (``_issued``); nothing more to start or cancel
            self._case_issued = True
            for button in (self.start_button, self.cancel_button, self.paper_button):
                button.setEnabled(False)
            self._render_case()
            self.next_button.show()
        elif code == "cancelled":
            self._set_status(self.tr("Izsniegšana atcelta"))
            self._end_handover()

    def _issued(self, path: Path) -> None:
        if self.card is None:
            return
        self.act_path = Path(path)
        self._case_issued = True
        self.customer.show_confirmed()  # then the welcome page, after its timer
        self._set_status(self.tr("Izsniegts · saņemšana apstiprināta, akts {0} saglabāts"
                                 ).format(self.card.act_number), OK_COLOUR)
        self.print_button.setEnabled(True)
        for button in (self.start_button, self.cancel_button, self.paper_button,
                       self.signed_button):
            button.setEnabled(False)
        self._render_case()
        self.next_button.show()
        self.next_button.setFocus()  # Enter: on to the next applicant
        self.handed_over.emit(self.card.application_id)
        # the act is filed with the application (the issue itself came with a sync)
        self._publish(OpChanges.of(applications=[self.card.application_id],
                                   handovers=[self.card.handover_id]))
        self.cases.reload(pick_single=False)

    def _end_handover(self) -> None:
        """The handover was cancelled: the case stays (another device may suit)."""
        self.watch.stop()
        self._release_customer(hide_alone=True)
        self.card = None
        self.card_label = ""
        for button in (self.cancel_button, self.paper_button, self.signed_button):
            button.setEnabled(False)
        self.next_button.show()

    def cancel_handover(self) -> None:
        if self.card is None:
            return
        dialog = CancelHandoverDialog(f"{self.card.act_number} · {self.card.applicant_name}",
                                      self)
        if dialog.exec() != CancelHandoverDialog.DialogCode.Accepted:
            return
        reason, notes = dialog.values()
        self.run_cancel(reason, notes)

    def run_cancel(self, reason: str, notes: str | None) -> None:
        if self.card is None:
            return
        handover_id = self.card.handover_id
        application_id = self.card.application_id

        def done(outcome: object) -> None:
            if self.card is not None and self.card.handover_id == handover_id:
                self._set_status(self.tr("Izsniegšana atcelta; resurss atkal pieejams"))
                self._end_handover()
            self._publish(changes_of(outcome, OpChanges.of(
                applications=[application_id], handovers=[handover_id], outbox=True)))
            self.cases.reload(pick_single=False)

        self._tasks.run(self._services.cancel, handover_id, reason, notes, on_done=done,
                        on_error=lambda e: show_error(self, e), owner=self)

    def print_act(self) -> None:
        if self.act_path is not None:
            self.print_file(self, self.act_path)

    def print_paper_act(self) -> None:
        if self.card is None or self._case_issued:
            return
        handover_id = self.card.handover_id
        self._tasks.run(self._services.paper_act, handover_id,
                        on_done=lambda path: self._paper_printed(handover_id, path),
                        on_error=lambda e: show_error(self, e), owner=self)

    def _paper_printed(self, handover_id: str, path: object) -> None:
        if self.card is None or self.card.handover_id != handover_id:
            return  # the desk moved on to another applicant meanwhile
        printed = self.print_file(self, Path(path))  # type: ignore[arg-type]
        if printed and self.signed_button.isVisible() and self.signed_button.isEnabled():
            self._set_status(self.tr("Papīra akts {0} izdrukāts · kad tas parakstīts, "
                                     "nospiediet „Parakstīts uz papīra…“"
                                     ).format(self.card.act_number))
            self.signed_button.setFocus()

    def signed_on_paper(self) -> None:
        """The applicant signed the paper act: the lifecycle asks for the scan and records
        the handover issued; the watch then sees it issued and shows the act."""
        sign = self._services.sign_on_paper
        if self.card is None or sign is None or not self.signed_button.isEnabled():
            return
        sign(self.card.handover_id, self.card_label, self.card.act_number)

    # -- the return tab --------------------------------------------------------------------
    def _return_tab(self) -> QWidget:
        columns = _case_columns()[:-1] + [
            ("deadline", QT_TRANSLATE_NOOP("RowsModel", "Termiņš"), lambda r: r.return_deadline)]
        self.returns = _SearchList(
            self._tasks, self._services.find, "issued",
            self.tr("Ievadiet pieteikuma numuru vai vārdu vai noskenējiet atgriežamā resursa "
                    "uzlīmi"),
            columns)
        self.returns.search.setAccessibleName(self.tr("Meklēt izsniegto resursu"))
        self.returns.table.setAccessibleName(self.tr("Izsniegtie resursi"))
        self.returns.after_load = self._after_returns_loaded
        self.returns.table.selectionModel().currentRowChanged.connect(
            lambda *_: self._show_return())
        self.take_back_button = QPushButton(icon("return"), self.tr("Pieņemt atpakaļ…"))
        self.take_back_button.clicked.connect(self.take_back)
        self.return_status = QLabel()
        self.return_status.setWordWrap(True)
        self.return_status.setTextFormat(Qt.TextFormat.PlainText)
        self.print_return_button = QPushButton(icon("print"),
                                               self.tr("Drukāt atgriešanas aktu"))
        self.print_return_button.setEnabled(False)
        self.print_return_button.clicked.connect(self.print_return_act)
        bar = QHBoxLayout()
        bar.addWidget(self.return_status, 1)
        bar.addWidget(self.print_return_button)
        bar.addWidget(self.take_back_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.returns, 1)
        layout.addLayout(bar)
        return tab

    def start_return(self, handover_id: str, application_number: str) -> None:
        """Take back the device of ``handover_id`` (asked from the overdue tab): the return
        tab finds its case and asks for its condition."""
        self._returning = (handover_id, application_number)
        self.returns.search.setText(application_number)
        if self.tabs.currentWidget() is self.return_tab:
            self.returns.reload()
        else:
            self.tabs.setCurrentWidget(self.return_tab)  # which reads the list with that number

    def _show_return(self) -> None:
        """Another device selected: the last return's message and act are not its own."""
        row = self.returns.current()
        if row is None or row.handover_id == self._returned_id:
            return
        self._returned_id = None
        self.return_act_path = None
        self.return_status.clear()
        self.print_return_button.setEnabled(False)

    def _after_returns_loaded(self, text: str, _rows: list[Any]) -> None:
        if self._returning is None or self._returning[1] != text:
            return  # an ordinary search (or one typed over the number meanwhile)
        wanted, self._returning = self._returning[0], None
        row = self.returns.model.index_of(lambda r: r.handover_id == wanted).row()
        if row < 0:
            self.return_status.setText(self.tr("Šis resurss vairs nav izsniegts: "
                                               "iespējams, tas jau pieņemts atpakaļ."))
            return
        self.returns.table.selectRow(row)
        QTimer.singleShot(0, self.take_back)  # the dialog after this answer, not inside it

    def take_back(self) -> None:
        row = self.returns.current()
        if row is None:
            QMessageBox.information(self, "Resursi", self.tr(
                "Izvēlieties vai noskenējiet atgriežamo resursu."))
            return
        if self._services.return_checklist is None:
            self._ask_return(row, [])
            return
        # the dialog after this answer, not inside it
        self._tasks.run(self._services.return_checklist, row.handover_id,
                        on_done=lambda names: QTimer.singleShot(
                            0, lambda: self._ask_return(row, names)),
                        on_error=lambda e: show_error(self, e), owner=self)

    def _ask_return(self, row: Any, checklist: list[str]) -> None:
        dialog = ReturnDialog(f"{row.number} · {row.learner_name} · {row.inventory_no or '—'}",
                              self, checklist=checklist)
        if dialog.exec() != ReturnDialog.DialogCode.Accepted:
            return
        answer = dialog.answer()
        self.run_return(row.handover_id, answer.condition.value, answer.notes,
                        answer.grade.value, answer.checklist)

    def run_return(self, handover_id: str, condition: str, notes: str | None,
                   grade: str | None = None,
                   checklist: list[tuple[str, bool]] | None = None) -> None:
        row = self.returns.model.row_at(
            self.returns.model.index_of(lambda r: r.handover_id == handover_id).row())
        application_id = row.application_id if row is not None else None

        def done(result: object) -> None:
            self._returned_id = handover_id
            self.return_act_path = Path(getattr(result, "path", result))  # type: ignore[arg-type]
            self.return_status.setText(self.tr("Resurss pieņemts atpakaļ; atgriešanas akts "
                                               "saglabāts."))
            self.print_return_button.setEnabled(True)
            self._publish(changes_of(result, OpChanges.of(
                applications=[application_id], handovers=[handover_id], outbox=True)))
            self.returns.reload(pick_single=False)

        self._tasks.run(self._services.record_return, handover_id, condition, notes, grade,
                        checklist or [], on_done=done,
                        on_error=lambda e: show_error(self, e), owner=self)

    def print_return_act(self) -> None:
        if self.return_act_path is not None:
            self.print_file(self, self.return_act_path)

    def closeEvent(self, event: Any) -> None:  # the customer screen goes with the page
        self.watch.stop()
        self.customer.close()
        self.files.close()  # and the plain copies shown in the system viewer
        if self.acts is not None:
            self.acts.files.close()
        super().closeEvent(event)
