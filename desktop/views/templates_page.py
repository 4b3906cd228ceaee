"""The school's document templates: the act's text and the usage rules, per offered kind.

A tab of the Catalogue section. The list shows every template with the days it is valid,
which one is in force today and which wait to be sent to the central service. The editor
(a dialog) has the template's kind, type, title and days, its text with the placeholders the
act fills in (a list that inserts ``{{name}}`` at the cursor) and a preview rendered with
sample values. Saving runs the ``save`` callable (bound by the composition root to
``document_templates.save_document_template``) on the task runner; the core checks every value
and refuses with a Latvian message naming the field, which the editor shows under that field
and stays open. Only an administrator edits templates: for anyone else the list is read-only,
the editor opens to look only, and the disabled controls say why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import changes_of
from desktop.models.catalogue import OfferedKindRow
from desktop.models.changes import NO_CHANGES, OpChanges
from desktop.models.codes import DocumentType
from desktop.models.document_templates import TemplateRow
from desktop.models.templates import PLACEHOLDERS, TEMPLATE_TYPES, render, sample_values
from desktop.models.wire_dates import EARLIEST, FURTHEST_AHEAD
from desktop.tasks import TaskRunner, core_message
from desktop.views.dates import shown_date
from desktop.views.edits import clear_invalid, when_edited
from desktop.views.qt_typed import QT_TRANSLATE_NOOP, to_date
from desktop.views.table_model import ListTableModel
from desktop.views.view_state import capture, restore

Index = QModelIndex | QPersistentModelIndex
ERROR_COLOUR = "#b3261e"
SUCCESS_COLOUR = "#1d7a3a"
MUTED_COLOUR = "#5f6368"
WAITING_COLOUR = "#8a6d00"
ERROR_STYLE = f"border: 2px solid {ERROR_COLOUR}; border-radius: 3px;"
DATE_FORMAT = "dd.MM.yyyy"
TemplateIdRole = Qt.ItemDataRole.UserRole + 1
InForceRole = Qt.ItemDataRole.UserRole + 2

SaveTemplate = Callable[..., Any]  # (offered_kind_id, *, template_id, doc_type, …) → Outcome


def type_label(doc_type: DocumentType | str) -> str:
    """"Akta teksts" / "Lietošanas noteikumi" (one context for the list and the editor)."""
    if DocumentType(doc_type) is DocumentType.PNA:
        return QCoreApplication.translate("TemplatesPage", "Akta teksts")
    if DocumentType(doc_type) is DocumentType.EXPLOITATION_RULES:
        return QCoreApplication.translate("TemplatesPage", "Lietošanas noteikumi")
    return DocumentType(doc_type).label_lv


def why_read_only() -> str:
    return QCoreApplication.translate("TemplatesPage", "Veidnes labot var tikai administrators")


def day_text(day: date | None) -> str:
    return shown_date(day)


def validity_text(row: TemplateRow) -> str:
    """"01.09.2026 – 31.08.2027", or "no 01.09.2026" when it has no last day."""
    if row.valid_to is None:
        return QCoreApplication.translate("TemplatesModel", "no {0}").format(
            day_text(row.valid_from))
    return f"{day_text(row.valid_from)} – {day_text(row.valid_to)}"


class TemplatesModel(ListTableModel):
    """The school's templates, by kind, type and first day (the order the core gives)."""

    columns = (
        ("kind", QT_TRANSLATE_NOOP("TemplatesModel", "Resursa veids")),
        ("type", QT_TRANSLATE_NOOP("TemplatesModel", "Dokuments")),
        ("title", QT_TRANSLATE_NOOP("TemplatesModel", "Nosaukums")),
        ("valid", QT_TRANSLATE_NOOP("TemplatesModel", "Spēkā no – līdz")),
        ("in_force", QT_TRANSLATE_NOOP("TemplatesModel", "Statuss")),
        ("sync", QT_TRANSLATE_NOOP("TemplatesModel", "Sinhronizācija")),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def row_of(self, template_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == template_id), -1)

    def _text(self, r: TemplateRow, key: str) -> str:
        if key == "kind":
            return r.kind_label
        if key == "type":
            return type_label(r.doc_type)
        if key == "title":
            return r.title
        if key == "valid":
            return validity_text(r)
        if key == "in_force":
            return self.tr("Spēkā") if r.in_force else ""
        if key == "sync":
            return self.tr("Gaida sinhronizāciju") if r.waiting_sync else ""
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r: TemplateRow = self._rows[index.row()]
        key = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, key)
        if role == TemplateIdRole:
            return r.id
        if role == InForceRole:
            return r.in_force
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "title":  # the whole title and the start of the text
                body = r.body if len(r.body) <= 400 else r.body[:400] + "…"
                return f"{r.title}\n\n{body}"
            if key == "in_force" and r.in_force:
                return self.tr("Šo veidni izmanto dokumentiem, kas tiek sagatavoti šodien")
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "in_force" and r.in_force:
                return QBrush(QColor(SUCCESS_COLOUR))
            if key == "sync" and r.waiting_sync:
                return QBrush(QColor(WAITING_COLOUR))
        if role == Qt.ItemDataRole.FontRole and key == "in_force" and r.in_force:
            font = QFont()
            font.setBold(True)
            return font
        return None


class _ReturnInserts(QObject):
    """Enter on the placeholder list inserts the chosen one (and does not press "Saglabāt")."""

    def __init__(self, insert: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._insert = insert

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._insert()
            return True
        return False


class TemplateEditor(QDialog):
    """Write a new template (``template=None``) or change one; read-only without the right."""

    saved = Signal(object)  # what the save changed (OpChanges)

    def __init__(self, tasks: TaskRunner, save: SaveTemplate, *,
                 kinds: Sequence[tuple[str, str]], can_edit: bool,
                 template: TemplateRow | None = None, kind_id: str | None = None,
                 today: date | None = None, language: str = "lv",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._save = save
        self._can_edit = can_edit
        self._template = template
        self._language = language
        self._busy = False
        if template is None:
            self.setWindowTitle(self.tr("Jauna dokumenta veidne"))
        elif can_edit:
            self.setWindowTitle(self.tr("Labot veidni „{0}“").format(template.title))
        else:
            self.setWindowTitle(self.tr("Veidne „{0}“").format(template.title))
        self.setMinimumSize(900, 520)

        # -- what and when ------------------------------------------------------------------
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Resursa veids"))
        for offered_id, kind_label in kinds:
            self.kind.addItem(kind_label, offered_id)
        self.doc_type = QComboBox()
        self.doc_type.setAccessibleName(self.tr("Dokumenta veids"))
        for doc_type in TEMPLATE_TYPES:
            self.doc_type.addItem(type_label(doc_type), doc_type.value)
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Nosaukums"))
        self.title.setPlaceholderText(self.tr("piem., Pieņemšanas-nodošanas akts (portatīvie "
                                              "datori)"))
        self.title.setMaxLength(200)
        self.valid_from = self._date_edit(self.tr("Spēkā no"))
        self.has_end = QCheckBox(self.tr("līdz"))
        self.has_end.setAccessibleName(self.tr("Ir beigu datums"))
        self.has_end.setToolTip(self.tr("Bez beigu datuma veidne ir spēkā, līdz to aizstāj "
                                        "veidne ar vēlāku sākuma datumu"))
        self.valid_to = self._date_edit(self.tr("Spēkā līdz"))
        self.valid_to.setEnabled(False)
        self.has_end.toggled.connect(self._end_toggled)

        # -- the text, the placeholders and the preview -------------------------------------
        self.body = QPlainTextEdit()
        self.body.setAccessibleName(self.tr("Veidnes teksts"))
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(self.tr("Dokumenta teksts; aizstājamos laukus ievietojiet "
                                             "no saraksta labajā pusē"))
        self.placeholders = QListWidget()
        self.placeholders.setAccessibleName(self.tr("Aizstājamie lauki"))
        self.placeholders.setAccessibleDescription(
            self.tr("Dubultklikšķis vai Enter ievieto lauku teksta kursora vietā"))
        for name, (label_lv, label_en) in PLACEHOLDERS.items():
            item = QListWidgetItem(label_en if language == "en" else label_lv)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip("{{" + name + "}}")
            self.placeholders.addItem(item)
        self.placeholders.setCurrentRow(0)
        self.placeholders.itemDoubleClicked.connect(lambda item: self.insert_placeholder(
            str(item.data(Qt.ItemDataRole.UserRole))))
        self.placeholders.installEventFilter(_ReturnInserts(self._insert_current,
                                                            self.placeholders))
        self.insert_button = QPushButton(self.tr("Ievietot"))
        self.insert_button.setAccessibleName(self.tr("Ievietot lauku tekstā"))
        self.insert_button.clicked.connect(self._insert_current)
        self.tag_label = QLabel()
        self.tag_label.setStyleSheet(f"color: {MUTED_COLOUR};")
        self.tag_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.placeholders.currentItemChanged.connect(lambda _c, _p: self._show_tag())
        self._show_tag()
        self.preview = QPlainTextEdit()
        self.preview.setAccessibleName(self.tr("Priekšskatījums"))
        self.preview.setReadOnly(True)
        self.preview.setStyleSheet("QPlainTextEdit { background: palette(window); }")
        self.body.textChanged.connect(self._update_preview)

        # an error is shown under the field it names
        self.field_errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {
            "offered_kind": self.kind, "doc_type": self.doc_type, "title": self.title,
            "valid_from": self.valid_from, "valid_to": self.valid_to, "body": self.body,
        }
        for name in self.fields:
            problem = QLabel()
            problem.setWordWrap(True)
            problem.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
            problem.setAccessibleName(self.tr("Kļūda"))
            problem.hide()
            self.field_errors[name] = problem

        top = QGridLayout()
        top.setColumnStretch(1, 3)
        top.setColumnStretch(3, 2)
        top.addWidget(self._label(self.tr("Resursa veids"), self.kind), 0, 0)
        top.addWidget(self.kind, 0, 1)
        top.addWidget(self._label(self.tr("Dokuments"), self.doc_type), 0, 2)
        top.addWidget(self.doc_type, 0, 3)
        top.addWidget(self.field_errors["offered_kind"], 1, 1)
        top.addWidget(self.field_errors["doc_type"], 1, 3)
        top.addWidget(self._label(self.tr("Nosaukums"), self.title), 2, 0)
        top.addWidget(self.title, 2, 1)
        top.addWidget(self._label(self.tr("Spēkā no"), self.valid_from), 2, 2)
        dates = QHBoxLayout()
        dates.addWidget(self.valid_from)
        dates.addWidget(self.has_end)
        dates.addWidget(self.valid_to)
        dates.addStretch(1)
        top.addLayout(dates, 2, 3)
        top.addWidget(self.field_errors["title"], 3, 1)
        date_errors = QVBoxLayout()
        date_errors.addWidget(self.field_errors["valid_from"])
        date_errors.addWidget(self.field_errors["valid_to"])
        top.addLayout(date_errors, 3, 3)

        text_box = QGroupBox(self.tr("Teksts"))
        text_layout = QVBoxLayout(text_box)
        text_layout.addWidget(self.body, 1)
        text_layout.addWidget(self.field_errors["body"])
        fields_box = QGroupBox(self.tr("Aizstājamie lauki"))
        fields_layout = QVBoxLayout(fields_box)
        fields_layout.addWidget(self.placeholders, 1)
        fields_layout.addWidget(self.tag_label)
        fields_layout.addWidget(self.insert_button)
        hint = QLabel(self.tr("Dubultklikšķis vai Enter ievieto lauku teksta kursora vietā"))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED_COLOUR};")
        fields_layout.addWidget(hint)
        preview_box = QGroupBox(self.tr("Priekšskatījums ar parauga datiem"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        for pane in (text_box, fields_box, preview_box):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setStretchFactor(2, 5)
        fields_box.setMinimumWidth(180)
        fields_box.setMaximumWidth(300)
        self.splitter.setSizes([440, 210, 390])  # the text and its preview get the room

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.error_label.setAccessibleName(self.tr("Kļūda"))
        self.error_label.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("Saglabāt"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(
            self.tr("Atcelt") if can_edit else self.tr("Aizvērt"),
            QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.save_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(1040, 560)

        for name, widget in self.fields.items():
            self._watch(name, widget)
        start = QDate(today.year, today.month, today.day) if today else QDate.currentDate()
        self.valid_from.setDate(start)
        self.valid_to.setDate(start)
        if template is not None:
            self._fill(template)
        else:
            at = self.kind.findData(kind_id) if kind_id is not None else 0
            self.kind.setCurrentIndex(max(0, at))
        self._update_preview()
        self._apply_permission()

    # -- building ----------------------------------------------------------------------------
    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    @staticmethod
    def _date_edit(name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        # the register takes template dates from 2000 to ten years ahead (wire_dates)
        edit.setMinimumDate(QDate(EARLIEST.year, EARLIEST.month, EARLIEST.day))
        edit.setMaximumDate(QDate.currentDate().addDays(FURTHEST_AHEAD.days))
        return edit

    def _fill(self, template: TemplateRow) -> None:
        at = self.kind.findData(template.offered_kind_id)
        if at < 0:
            self.kind.addItem(template.kind_label, template.offered_kind_id)
            at = self.kind.count() - 1
        self.kind.setCurrentIndex(at)
        self.kind.setEnabled(False)  # a template stays with its kind
        self.kind.setToolTip(self.tr("Saglabātas veidnes resursa veidu mainīt nevar; "
                                     "izveidojiet jaunu veidni citam veidam"))
        self.doc_type.setCurrentIndex(max(0, self.doc_type.findData(template.doc_type.value)))
        self.title.setText(template.title)
        if template.valid_from is not None:
            self.valid_from.setDate(QDate(template.valid_from.year, template.valid_from.month,
                                          template.valid_from.day))
        if template.valid_to is not None:
            self.valid_to.setDate(QDate(template.valid_to.year, template.valid_to.month,
                                        template.valid_to.day))
            self.has_end.setChecked(True)
        self.body.setPlainText(template.body)

    # -- the text ----------------------------------------------------------------------------
    def insert_placeholder(self, name: str) -> None:
        """``{{name}}`` at the text's cursor (replacing what is selected there)."""
        if self.body.isReadOnly():
            return
        self.body.insertPlainText("{{" + name + "}}")
        self.body.setFocus()

    def _insert_current(self) -> None:
        item = self.placeholders.currentItem()
        if item is not None:
            self.insert_placeholder(str(item.data(Qt.ItemDataRole.UserRole)))

    def _show_tag(self) -> None:
        item = self.placeholders.currentItem()
        self.tag_label.setText("{{" + str(item.data(Qt.ItemDataRole.UserRole)) + "}}"
                               if item is not None else "")

    def _update_preview(self) -> None:
        self.preview.setPlainText(render(self.body.toPlainText(), sample_values()))

    def _end_toggled(self, on: bool) -> None:
        self.valid_to.setEnabled(on and self._can_edit)
        if on and self.valid_to.date() < self.valid_from.date():
            self.valid_to.setDate(self.valid_from.date())

    # -- values, permission, errors ----------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """What the form holds, as ``save_document_template`` takes it (after the kind)."""
        return {
            "template_id": self._template.id if self._template else None,
            "doc_type": DocumentType(str(self.doc_type.currentData())),
            "title": self.title.text(),
            "body": self.body.toPlainText(),
            "valid_from": to_date(self.valid_from.date()),
            "valid_to": to_date(self.valid_to.date()) if self.has_end.isChecked() else None,
        }

    def _apply_permission(self) -> None:
        why = "" if self._can_edit else why_read_only()
        for text in (self.title, self.body):
            text.setReadOnly(not self._can_edit)
            text.setToolTip(why)
        for widget in (self.doc_type, self.valid_from, self.has_end, self.placeholders,
                       self.insert_button):
            widget.setEnabled(self._can_edit and not self._busy)
            widget.setToolTip(why)
        if not self._can_edit:
            self.kind.setEnabled(False)
            self.kind.setToolTip(why)
        self.valid_to.setEnabled(self._can_edit and not self._busy
                                 and self.has_end.isChecked())
        self.save_button.setEnabled(self._can_edit and not self._busy)
        self.save_button.setToolTip(why)
        self.save_button.setVisible(self._can_edit)

    def _watch(self, name: str, widget: QWidget) -> None:
        def clear() -> None:
            self.field_errors[name].hide()
            clear_invalid(widget)
        when_edited(widget, clear)

    def clear_problems(self) -> None:
        self.error_label.hide()
        for name, widget in self.fields.items():
            self.field_errors[name].hide()
            if widget.property("invalid"):
                widget.setProperty("invalid", False)
                widget.setStyleSheet("")

    def show_problem(self, exc: Exception) -> None:
        """The core's Latvian message under the field it names (outlined and focused); a
        message naming no field goes under the whole form."""
        message = core_message(exc, self._language) or self.tr(
            "Neizdevās saglabāt: negaidīta kļūda ({0}). Mēģiniet vēlreiz.").format(
                type(exc).__name__)
        field = str(getattr(exc, "field", ""))
        widget = self.fields.get(field)
        if widget is None:
            self.error_label.setText(message)
            self.error_label.show()
            return
        self.field_errors[field].setText(message)
        self.field_errors[field].show()
        widget.setProperty("invalid", True)
        selector = type(widget).__name__
        widget.setStyleSheet(f"{selector} {{ {ERROR_STYLE} }}")
        widget.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._apply_permission()

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> None:
        if not self._can_edit or self._busy:
            return
        self.clear_problems()
        kind_id = self.kind.currentData()
        if kind_id is None:
            self.show_problem(_NoKind())
            return
        self._set_busy(True)
        self._tasks.run(partial(self._save, str(kind_id), **self.values()),
                        on_done=lambda outcome: self._saved(str(kind_id), outcome),
                        on_error=self._failed, owner=self)

    def _saved(self, kind_id: str, outcome: object) -> None:
        self._set_busy(False)
        self.saved.emit(OpChanges.of(offered_kinds=[kind_id], outbox=True)
                        | changes_of(outcome, NO_CHANGES))
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.show_problem(exc)


class _NoKind(Exception):
    """No offered kind to write a template for (the school lends nothing yet)."""

    field = "offered_kind"

    @property
    def message_lv(self) -> str:
        return QCoreApplication.translate("TemplatesPage",
                                          "Izvēlieties resursa veidu, kuram ir šī veidne")


class TemplatesPage(QWidget):
    """The list of templates with "Jauna veidne…" and "Labot…"; the editor on top."""

    changed = Signal(object)  # a save's OpChanges, for the change bus

    def __init__(self, tasks: TaskRunner, *, load: Callable[[], list[TemplateRow]],
                 load_kinds: Callable[[], list[OfferedKindRow]], save: SaveTemplate,
                 can_edit: Callable[[], bool] | bool, language: str = "lv",
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._load = load
        self._load_kinds = load_kinds
        self._save = save
        self._can_edit = can_edit if callable(can_edit) else (lambda: bool(can_edit))
        self._language = language
        self._today = today
        self._kinds: list[tuple[str, str]] = []
        self._select_after_load: str | None = None
        self._known_before_save: set[str] | None = None
        self.editor: TemplateEditor | None = None

        intro = QLabel(self.tr(
            "Akta teksts un lietošanas noteikumi katram resursa veidam. Dokumentam izmanto "
            "veidni, kas ir spēkā tā sagatavošanas dienā (no vairākām — ar vēlāko sākuma "
            "datumu). Saglabātās veidnes tiek publicētas centrālajā servisā nākamajā "
            "sinhronizācijā."))
        intro.setWordWrap(True)
        intro.setStyleSheet(f"color: {MUTED_COLOUR};")
        self.new_button = QPushButton(self.tr("Jauna veidne…"))
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button = QPushButton(self.tr("Labot…"))
        self.edit_button.clicked.connect(self._open_current)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.edit_button)
        actions.addStretch(1)

        self.model = TemplatesModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Dokumentu veidnes"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # every column as wide as its texts, the title the rest (elided, whole in its tooltip):
        # the list fits the section at 1366×768 and 125 % without a horizontal scroll bar
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            [c[0] for c in TemplatesModel.columns].index("title"), QHeaderView.ResizeMode.Stretch)
        # double-click and Enter: "activated" is both (never connect doubleClicked as well)
        self.table.activated.connect(lambda index: self._open_row(index.row()))
        self.table.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self.apply_permission())

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.apply_permission()

    # -- permission and messages -------------------------------------------------------------
    def can_edit(self) -> bool:
        return bool(self._can_edit())

    def apply_permission(self) -> None:
        allowed = self.can_edit()
        self.new_button.setEnabled(allowed and bool(self._kinds))
        if not allowed:
            self.new_button.setToolTip(why_read_only())
        elif not self._kinds:
            self.new_button.setToolTip(self.tr("Iestādei vēl nav neviena resursu veida"))
        else:
            self.new_button.setToolTip("")
        self.edit_button.setText(self.tr("Labot…") if allowed else self.tr("Skatīt…"))
        self.edit_button.setToolTip("" if allowed else why_read_only())
        self.edit_button.setEnabled(self._current_row() is not None)

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
    def reload(self) -> None:
        """Read the templates and the kinds they may belong to (on the task runner)."""
        self._tasks.run(self._load, on_done=self._loaded, on_error=self._failed, owner=self,
                        key="templates", latest=True)
        self._tasks.run(self._load_kinds, on_done=self._kinds_loaded, on_error=self._failed,
                        owner=self, key="template-kinds", latest=True)

    def _template_id_at(self, row: int) -> str | None:
        template = self.model.row_at(row)
        return template.id if template is not None else None

    def _loaded(self, rows: Sequence[TemplateRow]) -> None:
        state = capture(self.table, self._template_id_at)
        self.model.set_rows(rows)
        restore(self.table, state, self.model.row_of)
        wanted = self._select_after_load
        known = self._known_before_save
        self._select_after_load, self._known_before_save = None, None
        if wanted is None and known is not None:
            wanted = next((r.id for r in rows if r.id not in known), None)
        if wanted is not None and (row := self.model.row_of(wanted)) >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self.apply_permission()

    def _kinds_loaded(self, kinds: Sequence[OfferedKindRow]) -> None:
        self._kinds = [(k.id, k.label(self._language)) for k in kinds]
        self.apply_permission()

    # -- the editor --------------------------------------------------------------------------
    def _current_row(self) -> TemplateRow | None:
        index = self.table.currentIndex()
        row: TemplateRow | None = self.model.row_at(index.row()) if index.isValid() else None
        return row

    def _open_current(self) -> None:
        row = self._current_row()
        if row is not None:
            self.open_editor(row)

    def _open_row(self, row: int) -> None:
        template = self.model.row_at(row)
        if template is not None:
            self.open_editor(template)

    def open_editor(self, template: TemplateRow | None) -> TemplateEditor | None:
        """The editor on ``template`` (a new one for None); read-only without the right."""
        if self.editor is not None:  # one at a time
            self.editor.raise_()
            self.editor.activateWindow()
            return self.editor
        allowed = self.can_edit()
        if template is None and not (allowed and self._kinds):
            return None
        current = self._current_row()
        editor = TemplateEditor(self._tasks, self._save, kinds=self._kinds, can_edit=allowed,
                                template=template,
                                kind_id=current.offered_kind_id if current else None,
                                today=self._today, language=self._language, parent=self)
        editor.saved.connect(lambda changes: self._saved(editor, changes))
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor = editor
        editor.finished.connect(lambda _r: setattr(self, "editor", None))
        editor.open()
        return editor

    def _saved(self, editor: TemplateEditor, changes: OpChanges) -> None:
        # the outcome does not name a new template: it is the one id the list did not have
        self._select_after_load = editor.values()["template_id"]
        self._known_before_save = {r.id for r in self._rows()}
        self.say(self.tr("Veidne saglabāta; tā tiks publicēta centrālajā servisā nākamajā "
                         "sinhronizācijā."))
        self.changed.emit(changes)
        self.reload()

    def _rows(self) -> list[TemplateRow]:
        return [r for n in range(self.model.rowCount()) if (r := self.model.row_at(n))]

    def select_template(self, template_id: str) -> bool:
        row = self.model.row_of(template_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True
