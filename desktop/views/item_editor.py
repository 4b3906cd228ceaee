"""The item editor: an inventory item's recorded details, who holds it, its status and its
history (every handover of it, and every status change).

The dialog collects what was typed and hands it to the ``save`` callable (the composition root
binds it to ``inventory.create_item`` / ``edit_item``) on the task runner; the core checks every
value and refuses with a Latvian message naming the field, which the dialog shows beside that
field. Status changes offer only the manual actions of the item state machine, so an item in
use becomes available only through a return. Without the catalogue permission everything is
read-only and the disabled controls say why.

Who holds the item (issued, or reserved for an application not yet handed out) shows at the top
of the right-hand side with a link to that application; the editor does not open it itself but
says so (``open_application``), and the composition root shows it in the applications section.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import changes_of
from desktop.models.catalogue import HistoryRow, ItemRow
from desktop.models.changes import OpChanges
from desktop.models.codes import HandoverStatus, ItemStatus
from desktop.models.custody import ItemCustody, ItemHandover
from desktop.models.workflow import ItemAction, item_actions_from
from desktop.tasks import TaskRunner
from desktop.views.availability_chart import ITEM_STATUS_COLOURS
from desktop.views.catalogue_models import OVERDUE_COLOUR, day, learner
from desktop.views.dates import shown_datetime
from desktop.views.edits import clear_invalid, when_edited
from desktop.views.qt_typed import QT_TRANSLATE_NOOP
from desktop.views.table_model import ListTableModel

Index = QModelIndex | QPersistentModelIndex
ERROR_COLOUR = "#b3261e"
MUTED_COLOUR = "#5f6368"
EMPTY = "—"
ERROR_STYLE = f"border: 2px solid {ERROR_COLOUR}; border-radius: 3px;"


def _action_labels() -> dict[str, str]:
    """What each action did, in words; one context ("ItemEditor") for lupdate and lookup."""
    return {
        "create": QCoreApplication.translate("ItemEditor", "Pievienots"),
        "import": QCoreApplication.translate("ItemEditor", "Importēts no CSV"),
        "commission": QCoreApplication.translate("ItemEditor", "Padarīts pieejams izsniegšanai"),
        "store": QCoreApplication.translate("ItemEditor", "Novietots rezervē"),
        "release": QCoreApplication.translate("ItemEditor", "Atbrīvots no rezerves"),
        "reserve": QCoreApplication.translate("ItemEditor", "Rezervēts pieteikumam"),
        "unreserve": QCoreApplication.translate("ItemEditor", "Rezervācija atcelta"),
        "hand_out": QCoreApplication.translate("ItemEditor", "Izsniegts"),
        "return_working": QCoreApplication.translate("ItemEditor", "Atgriezts darba kārtībā"),
        "return_damaged": QCoreApplication.translate("ItemEditor", "Atgriezts bojāts"),
        "report_lost": QCoreApplication.translate("ItemEditor", "Nozaudēts"),
        "report_stolen": QCoreApplication.translate("ItemEditor", "Nozagts"),
        "send_to_maintenance": QCoreApplication.translate("ItemEditor", "Nodots apkopē"),
        "send_to_repair": QCoreApplication.translate("ItemEditor", "Nodots remontā"),
        "mark_damaged": QCoreApplication.translate("ItemEditor", "Atzīmēts kā bojāts"),
        "back_in_service": QCoreApplication.translate("ItemEditor", "Atkal padarīts pieejams izsniegšanai"),
        "recover": QCoreApplication.translate("ItemEditor", "Atrasts"),
        "discard": QCoreApplication.translate("ItemEditor", "Atjaunots centrālā servisa stāvoklis"),
    }


class HistoryModel(ListTableModel):
    """An item's status changes, newest first."""

    columns = (
        ("at", QT_TRANSLATE_NOOP("HistoryModel", "Laiks")),
        ("change", QT_TRANSLATE_NOOP("HistoryModel", "Statuss")),
        ("reason", QT_TRANSLATE_NOOP("HistoryModel", "Pamatojums")),
        ("actor", QT_TRANSLATE_NOOP("HistoryModel", "Kas")),
    )

    def __init__(self, language: str = "lv", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        key = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "at":
                return shown_datetime(r.at)
            if key == "change":
                before = r.from_status.label(self._language) if r.from_status else EMPTY
                return f"{before} → {r.to_status.label(self._language)}"
            if key == "reason":
                return r.reason or ""
            if key == "actor":
                return r.actor + ("" if r.source == "local" else self.tr(" (centrāli)"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "reason" and r.reason:
                return r.reason
            if key == "change":  # what happened, in words
                return _action_labels().get(r.action, r.action)
        if role == Qt.ItemDataRole.DecorationRole and key == "change":
            return QColor(ITEM_STATUS_COLOURS[r.to_status])
        return None


class HandoversModel(ListTableModel):
    """Every handover of the item, newest first; the one holding it now in bold."""

    columns = (
        ("application", QT_TRANSLATE_NOOP("HandoversModel", "Pieteikums")),
        ("learner", QT_TRANSLATE_NOOP("HandoversModel", "Izglītojamais")),
        ("issued", QT_TRANSLATE_NOOP("HandoversModel", "Izsniegts")),
        ("returned", QT_TRANSLATE_NOOP("HandoversModel", "Atgriezts")),
        ("state", QT_TRANSLATE_NOOP("HandoversModel", "Stāvoklis")),
        ("act", QT_TRANSLATE_NOOP("HandoversModel", "Akts")),
    )

    def __init__(self, language: str = "lv", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language

    def application_at(self, row: int) -> int | None:
        h: ItemHandover | None = self.row_at(row)
        return None if h is None else h.application_id

    def _text(self, h: ItemHandover, key: str) -> str:
        if key == "application":
            return h.application_number
        if key == "learner":
            return learner(h)
        if key == "issued":
            return day(h.issued_at) if h.issued_at else ""
        if key == "returned":
            return day(h.returned_at) if h.returned_at else ""
        if key == "state":
            if h.status is HandoverStatus.RETURNED and h.return_condition is not None:
                return h.return_condition.label(self._language)
            return h.status.label(self._language)
        if key == "act":
            return h.act_number or ""
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        h: ItemHandover = self._rows[index.row()]
        key = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(h, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "application":
                return self.tr("Dubultklikšķis vai Enter atver pieteikumu")
            if key == "issued" and h.reserved:
                return self.tr("Rezervēts kopš {0}; vēl nav izsniegts").format(day(h.since))
            if key == "state" and h.status is HandoverStatus.RETURNED:
                return self.tr("Atgriezts {0}").format(day(h.returned_at))
            text = self._text(h, key)
            return text or None
        if role == Qt.ItemDataRole.FontRole and h.holds:
            font = QFont()
            font.setBold(True)
            return font
        return None


@dataclass(frozen=True)
class ItemEditorServices:
    """What the editor may do: plain callables, run on the task runner."""

    save: Callable[[str | None, dict[str, object]], Any]  # → Outcome (with item_id)
    change_status: Callable[[str, ItemAction, str | None], Any]
    load_item: Callable[[str], ItemRow]
    load_history: Callable[[str], list[HistoryRow]]
    # who holds the item and every handover of it (custody.item_custody); without it the
    # editor shows neither
    load_custody: Callable[[str], ItemCustody] | None = None


class ItemEditor(QDialog):
    """Add a new item (``item=None``) or view and edit one."""

    saved = Signal(str)  # the item's id, after a save or a status change
    changed = Signal(object)  # what the save or status change changed (OpChanges)
    open_application = Signal(int)  # the holder's (or a past handover's) application

    def __init__(self, tasks: TaskRunner, services: ItemEditorServices, *,
                 kinds: Sequence[tuple[str, str]], can_edit: bool,
                 item: ItemRow | None = None, language: str = "lv",
                 today: Callable[[], date] = date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._services = services
        self._language = language
        self._can_edit = can_edit
        self._item = item
        self._today = today
        self._busy = False
        self.custody: ItemCustody | None = None
        self.setWindowTitle(self.tr("Jauns resurss") if item is None
                            else self.tr("Resurss {0}").format(item.inventory_no))
        self.setMinimumWidth(880)

        self.kind = QComboBox()
        for code, label in kinds:
            self.kind.addItem(label, code)
        self.inventory_no = QLineEdit()
        self.inventory_no.setPlaceholderText(self.tr("piem., RAVĢ-2024-000154"))
        self.serial_no = QLineEdit()
        self.manufacturer = QLineEdit()
        self.model = QLineEdit()
        self.year = QLineEdit()
        self.year.setPlaceholderText(self.tr("piem., 2024"))
        self.year.setMaximumWidth(110)
        self.acquisition_value = QLineEdit()
        self.acquisition_value.setPlaceholderText(self.tr("piem., 649,99"))
        self.acquisition_value.setMaximumWidth(140)
        # the row's label says what it is: the box stays narrow, leaving the width to the
        # handovers' table
        self.socially_supported = QCheckBox()
        self.socially_supported.setAccessibleName(
            self.tr("Iegādāts sociāli atbalstāmiem izglītojamajiem"))
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("piem., Informātikas kabinets 108"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(72)
        self.fields: dict[str, QWidget] = {
            "kind_code": self.kind, "inventory_no": self.inventory_no,
            "serial_no": self.serial_no, "manufacturer": self.manufacturer,
            "model": self.model, "year": self.year,
            "acquisition_value": self.acquisition_value,
            "socially_supported": self.socially_supported, "location": self.location,
            "notes": self.notes,
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Resursa veids"), self.kind)
        form.addRow(self.tr("Inventāra numurs"), self.inventory_no)
        form.addRow(self.tr("Sērijas numurs"), self.serial_no)
        form.addRow(self.tr("Ražotājs"), self.manufacturer)
        form.addRow(self.tr("Modelis"), self.model)
        form.addRow(self.tr("Iegādes gads"), self.year)
        form.addRow(self.tr("Iegādes vērtība, €"), self.acquisition_value)
        form.addRow(self.tr("Sociāli atbalstāmajiem"), self.socially_supported)
        form.addRow(self.tr("Atrašanās vieta"), self.location)
        form.addRow(self.tr("Piezīmes"), self.notes)
        details = QGroupBox(self.tr("Uzskaites dati"))
        details.setLayout(form)

        # status and history
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.action = QComboBox()
        self.action.setAccessibleName(self.tr("Jaunais statuss"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Statusa maiņas pamatojums"))
        self.reason.setPlaceholderText(self.tr("Pamatojums (nav obligāts)"))
        self.status_button = QPushButton(self.tr("Mainīt statusu"))
        self.status_button.clicked.connect(self.change_status)
        self.status_note = QLabel()
        self.status_note.setWordWrap(True)
        self.status_note.setStyleSheet(f"color: {MUTED_COLOUR};")
        change_row = QHBoxLayout()
        change_row.addWidget(self.action, 1)
        change_row.addWidget(self.status_button)
        self.history_model = HistoryModel(language, self)
        self.history = QTableView()
        self.history.setAccessibleName(self.tr("Statusu vēsture"))
        self.history.setModel(self.history_model)
        self.history.verticalHeader().hide()
        self.history.setAlternatingRowColors(True)
        self.history.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.history.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the reason: the rest
        self.history.setWordWrap(False)
        self.history.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.handovers_model = HandoversModel(language, self)
        self.handovers = QTableView()
        self.handovers.setModel(self.handovers_model)
        self.handovers.verticalHeader().hide()
        self.handovers.setAlternatingRowColors(True)
        self.handovers.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.handovers.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.handovers.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.handovers.setWordWrap(False)
        self.handovers.setAccessibleName(self.tr("Izsniegšanas vēsture"))
        handovers_header = self.handovers.horizontalHeader()
        handovers_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        handovers_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the learner
        # one signal only: a double-click also emits ``activated``
        self.handovers.activated.connect(self._handover_activated)
        self.history_tabs = QTabWidget()
        self.history_tabs.addTab(self.handovers, self.tr("Izsniegšanas vēsture"))
        self.history_tabs.addTab(self.history, self.tr("Statusa maiņas"))
        status_box = QGroupBox(self.tr("Statuss un vēsture"))
        status_layout = QVBoxLayout(status_box)
        status_layout.addWidget(self.status_label)
        status_layout.addLayout(change_row)
        status_layout.addWidget(self.reason)
        status_layout.addWidget(self.status_note)
        status_layout.addWidget(self.history_tabs, 1)

        self.holder_label = QLabel()
        self.holder_label.setTextFormat(Qt.TextFormat.RichText)
        self.holder_label.setWordWrap(True)
        self.holder_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction)  # the link, by mouse or keyboard
        self.holder_label.linkActivated.connect(self._link_activated)
        self.holder_box = QGroupBox(self.tr("Lietotājs"))
        holder_layout = QVBoxLayout(self.holder_box)
        holder_layout.addWidget(self.holder_label)
        right = QVBoxLayout()
        right.addWidget(self.holder_box)
        right.addWidget(status_box, 1)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.error_label.setAccessibleName(self.tr("Kļūda"))
        self.error_label.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Pievienot") if item is None else self.tr("Saglabāt"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(self.tr("Aizvērt"),
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.save_button.setDefault(True)

        columns = QHBoxLayout()
        columns.addWidget(details, 4)
        columns.addLayout(right, 7)  # the handovers' table needs the room
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        for name, widget in self.fields.items():
            self._watch(name, widget)
        with_custody = item is not None and services.load_custody is not None
        self.holder_box.setVisible(with_custody)
        self.history_tabs.setTabVisible(0, with_custody)
        if item is not None:
            self._fill(item)
        else:
            status_box.setEnabled(False)
            self.status_label.setText(self.tr("Jauns resurss tiek pievienots statusā "
                                              "„Jauns“."))
        self._apply_permission()
        if item is not None:
            self.reload()

    @property
    def item_id(self) -> str | None:
        """The item shown (None: a new one, not saved yet)."""
        return self._item.id if self._item is not None else None

    # -- filling and reading ---------------------------------------------------------------
    def _fill(self, item: ItemRow) -> None:
        self._item = item
        at = self.kind.findData(item.kind_code)
        if at < 0:
            self.kind.addItem(item.kind_label, item.kind_code)
            at = self.kind.count() - 1
        self.kind.setCurrentIndex(at)
        self.inventory_no.setText(item.inventory_no)
        self.serial_no.setText(item.serial_no or "")
        self.manufacturer.setText(item.manufacturer or "")
        self.model.setText(item.model or "")
        self.year.setText("" if item.year is None else str(item.year))
        self.acquisition_value.setText(
            "" if item.acquisition_value is None
            else f"{item.acquisition_value:.2f}".replace(".", ","))
        self.socially_supported.setChecked(item.socially_supported)
        self.location.setText(item.location or "")
        self.notes.setPlainText(item.notes or "")
        self._show_status(item.status)

    def _show_status(self, status: ItemStatus) -> None:
        colour = ITEM_STATUS_COLOURS[status]
        self.status_label.setText(
            self.tr("Pašreizējais statuss: {0}").format(
                f"<span style='color:{colour}; font-size:14pt'>■</span> "
                f"<b>{status.label(self._language)}</b>"))
        self.action.clear()
        for action in item_actions_from(status):
            self.action.addItem(_action_labels().get(action.value, action.value),
                                action.value)
        if status in (ItemStatus.IN_USE, ItemStatus.RESERVED):
            note = self.tr("Šis resurss ir piesaistīts pieteikumam. Pieejams tas kļūst tikai "
                           "pēc atgriešanas vai izsniegšanas atcelšanas sadaļā „Izsniegšana“.")
        elif not self.action.count():
            note = self.tr("No šī statusa manuāli mainīt nevar.")
        else:
            note = ""
        self.status_note.setText(note)
        self.status_note.setVisible(bool(note))
        self._apply_permission()

    def values(self) -> dict[str, object]:
        """What the form holds, as ``inventory.create_item`` / ``edit_item`` take it."""
        value = self.acquisition_value.text().replace("€", "").replace(" ", "").strip()
        year = self.year.text().strip()
        return {
            "kind_code": self.kind.currentData() or "",
            "inventory_no": self.inventory_no.text(),
            "serial_no": self.serial_no.text(),
            "manufacturer": self.manufacturer.text(),
            "model": self.model.text(),
            "year": year,
            "acquisition_value": value.replace(",", "."),
            "socially_supported": self.socially_supported.isChecked(),
            "location": self.location.text(),
            "notes": self.notes.toPlainText(),
        }

    # -- permission and errors ---------------------------------------------------------------
    def _apply_permission(self) -> None:
        why = self.tr("Katalogu labot var tikai administrators")
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(not self._can_edit)
            else:
                widget.setEnabled(self._can_edit)
            widget.setToolTip("" if self._can_edit else why)
        can_change = self._can_edit and self.action.count() > 0 and not self._busy
        for widget in (self.action, self.reason, self.status_button):
            widget.setEnabled(can_change)
            if not self._can_edit:
                widget.setToolTip(why)
        self.save_button.setEnabled(self._can_edit and not self._busy)
        self.save_button.setToolTip("" if self._can_edit else why)

    def _watch(self, name: str, widget: QWidget) -> None:
        when_edited(widget, lambda: clear_invalid(widget))

    def show_problem(self, exc: Exception) -> None:
        """The core's Latvian message; the named field outlined in red and focused."""
        message = getattr(exc, "message_lv", None)
        if not isinstance(message, str) or not message.strip():
            message = self.tr("Neizdevās saglabāt: negaidīta kļūda ({0}). Mēģiniet vēlreiz."
                              ).format(type(exc).__name__)
        self.error_label.setText(message)
        self.error_label.show()
        widget = self.fields.get(str(getattr(exc, "field", "")))
        if widget is not None:
            widget.setProperty("invalid", True)
            widget.setStyleSheet(ERROR_STYLE)
            widget.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._apply_permission()

    # -- actions ---------------------------------------------------------------------------
    def save(self) -> None:
        if not self._can_edit or self._busy:
            return
        self.error_label.hide()
        self._set_busy(True)
        item_id = self._item.id if self._item else None
        self._run(self._services.save, item_id, self.values(),
                        on_done=self._saved, on_error=self._failed)

    def _saved(self, outcome: Any) -> None:
        self._set_busy(False)
        item_id = getattr(outcome, "item_id", None) or (self._item.id if self._item else "")
        self.changed.emit(changes_of(outcome, OpChanges.of(items=[item_id], outbox=True)))
        self.saved.emit(str(item_id))
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.show_problem(exc)

    def change_status(self) -> None:
        if self._item is None or not self._can_edit or self._busy or not self.action.count():
            return
        self.error_label.hide()
        self._set_busy(True)
        action = ItemAction(self.action.currentData())
        self._run(self._services.change_status, self._item.id, action,
                        self.reason.text() or None,
                        on_done=self._status_changed, on_error=self._failed)

    def _status_changed(self, outcome: Any) -> None:
        self._set_busy(False)
        self.reason.clear()
        if self._item is not None:
            self.changed.emit(changes_of(outcome, OpChanges.of(items=[self._item.id],
                                                               outbox=True)))
            self.saved.emit(self._item.id)
        self.reload()

    def reload(self) -> None:
        """Read the item, its holder and its history again (after a status change, a
        handover or a sync); what is typed in the form stays."""
        if self._item is None:
            return
        item_id = self._item.id
        self._run(self._services.load_item, item_id, on_done=self._reloaded,
                        on_error=self._failed)
        self._run(self._services.load_history, item_id,
                        on_done=self.history_model.set_rows, on_error=self._failed)
        if self._services.load_custody is not None:
            self._run(self._services.load_custody, item_id, on_done=self.show_custody,
                      on_error=self._failed)

    # -- who holds it ------------------------------------------------------------------------
    def show_custody(self, custody: ItemCustody) -> None:
        self.custody = custody
        self.holder_label.setText(self._holder_html(custody.holder))
        self.handovers_model.set_rows(custody.handovers)
        self.history_tabs.setTabText(0, self.tr("Izsniegšanas vēsture ({0})").format(
            len(custody.handovers)))

    def _holder_html(self, h: ItemHandover | None) -> str:
        if h is None:
            nobody = html.escape(self.tr("Šobrīd resurss nav ne izsniegts, ne rezervēts."))
            return f"<span style='color:{MUTED_COLOUR}'>{nobody}</span>"
        status = ItemStatus.IN_USE if h.issued else ItemStatus.RESERVED
        what = self.tr("Izsniegts") if h.issued else self.tr("Rezervēts")
        name = f"<b>{html.escape(h.learner_name)}</b>"
        if h.learner_class:
            name += html.escape(self.tr(", {0} klase").format(h.learner_class))
        first = (f"<span style='color:{ITEM_STATUS_COLOURS[status]}; font-size:14pt'>■</span>"
                 f" <b>{html.escape(what)}</b>: {name}")
        facts = [self.tr("kopš {0}").format(day(h.since))]
        if h.reserved:
            facts.append(self.tr("{0}, vēl nav izsniegts").format(
                h.status.label(self._language).lower()))
        facts_html = [html.escape(f) for f in facts]
        if h.return_deadline is not None:
            deadline = html.escape(self.tr("jāatgriež līdz {0}").format(day(h.return_deadline)))
            if h.overdue(self._today()):
                late = html.escape(self.tr("nokavēts"))
                deadline = (f"<span style='color:{OVERDUE_COLOUR}; font-weight:bold'>"
                            f"{deadline} ({late})</span>")
            facts_html.append(deadline)
        if h.act_number:
            facts_html.append(html.escape(self.tr("akts Nr. {0}").format(h.act_number)))
        link = (f"<a href='application:{h.application_id}'>"
                f"{html.escape(h.application_number)}</a>")
        application = html.escape(self.tr("Pieteikums")) + f" {link}"
        return "<br>".join((first, " · ".join(facts_html), application))

    def _link_activated(self, link: str) -> None:
        kind, _, number = link.partition(":")
        if kind == "application" and number.isdigit():
            self.open_application.emit(int(number))

    def _handover_activated(self, index: QModelIndex) -> None:
        application_id = self.handovers_model.application_at(index.row())
        if application_id is not None:
            self.open_application.emit(application_id)

    def _reloaded(self, item: ItemRow) -> None:
        self._item = item
        self._show_status(item.status)

    def _run(self, fn: Callable[..., Any], *args: Any,
             on_done: Callable[..., Any] | None = None,
             on_error: Callable[[Exception], Any] | None = None) -> None:
        """On the task runner; the callbacks are dropped if this widget is gone by then."""
        self._tasks.run(fn, *args, on_done=on_done, on_error=on_error, owner=self)
