"""What belongs with a device of the chosen kind ("Lādētājs", "Soma", "Irbulis"): the list the
desk ticks off when the device comes back.

Shown on the catalogue's "Resursu veidi" tab beside the chosen kind; administrators add,
rename (F2 or a double-click), reorder and remove entries and save the list, the others read
it. Loaded and saved through the task runner; the change goes to the central service like the
kind's other changes (``set_check_in_checklist``). The core checks the list again (0–15
entries of 1–60 characters, none twice) and its message is shown here when it refuses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.rules import MAX_CHECKLIST, MAX_CHECKLIST_ENTRY, checklist_key
from desktop.tasks import TaskRunner, core_message

ERROR_COLOUR = "#b3261e"
MUTED_COLOUR = "#5f6368"


class KindChecklistBox(QGroupBox):
    """``load(offered kind id)`` → a ``kind_checklists.KindChecklist``;
    ``save(offered kind id, entries)`` → an Outcome."""

    loaded = Signal()
    saved = Signal(object)  # the Outcome, for the page's change bus
    failed = Signal(object)  # the exception, for the page's message line

    def __init__(self, tasks: TaskRunner, *, load: Callable[[str], Any],
                 save: Callable[[str, list[str]], Any], can_edit: Callable[[], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Komplektācija, ko pārbauda, pieņemot atpakaļ"), parent)
        self._tasks = tasks
        self._load = load
        self._save = save
        self._can_edit = can_edit
        self._kind_id: str | None = None
        self._held: list[str] = []

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Komplektācijas pozīcijas"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setMinimumHeight(90)
        self.list.model().rowsMoved.connect(self._changed)
        self.list.itemChanged.connect(self._renamed)
        self.list.currentRowChanged.connect(self._changed)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list,
                  self.remove, context=Qt.ShortcutContext.WidgetShortcut)

        self.new_entry = QLineEdit()
        self.new_entry.setMaxLength(MAX_CHECKLIST_ENTRY)
        self.new_entry.setPlaceholderText(self.tr("Piemēram, Lādētājs"))
        self.new_entry.setAccessibleName(self.tr("Jauna komplektācijas pozīcija"))
        self.new_entry.returnPressed.connect(self.add)
        self.new_entry.textChanged.connect(self._changed)
        self.add_button = QPushButton(self.tr("Pievienot"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Noņemt"))
        self.remove_button.clicked.connect(self.remove)
        self.up_button = QPushButton(self.tr("Uz augšu"))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(self.tr("Uz leju"))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.save_button = QPushButton(self.tr("Saglabāt komplektāciju"))
        self.save_button.clicked.connect(self.save)
        self.count_label = QLabel()
        self.count_label.setStyleSheet(f"color: {MUTED_COLOUR};")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()
        hint = QLabel(self.tr("Pieņemot resursu atpakaļ, katru pozīciju atzīmē; ja kaut kas "
                              "trūkst, tas jāapraksta piezīmēs un tiek norādīts atgriešanas "
                              "aktā."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED_COLOUR};")

        entry_row = QHBoxLayout()
        entry_row.addWidget(self.new_entry, 1)
        entry_row.addWidget(self.add_button)
        side = QGridLayout()
        side.addLayout(entry_row, 0, 0, 1, 3)
        side.addWidget(self.remove_button, 1, 0)
        side.addWidget(self.up_button, 1, 1)
        side.addWidget(self.down_button, 1, 2)
        side.addWidget(self.count_label, 2, 0, 1, 3)
        side.addWidget(hint, 3, 0, 1, 3)
        side.addWidget(self.error, 4, 0, 1, 3)
        side.setRowStretch(5, 1)
        side.addWidget(self.save_button, 6, 0, 1, 3, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        right = QVBoxLayout()
        right.addLayout(side)
        layout.addLayout(right, 1)
        self.apply_permission()

    # -- what is shown ---------------------------------------------------------------------
    def entries(self) -> list[str]:
        return [self.list.item(n).text().strip() for n in range(self.list.count())]

    def show_kind(self, offered_kind_id: str | None) -> None:
        """The chosen kind's list (None: no kind chosen, nothing to edit). The same kind
        again (the page reloads its kinds after any change) keeps edits not saved yet."""
        if (offered_kind_id is not None and offered_kind_id == self._kind_id
                and self.entries() != self._held):
            return
        self._kind_id = offered_kind_id
        self._fill([])
        self._held = []
        self.error.hide()
        self.apply_permission()
        if offered_kind_id is not None:
            self._tasks.run(self._load, offered_kind_id,
                            on_done=lambda held: self._show(offered_kind_id, held),
                            on_error=self._error, owner=self, key="load", latest=True)

    def reload(self) -> None:
        """Read the shown kind's list again (after a sync), unless it is being edited."""
        self.show_kind(self._kind_id)

    def _show(self, offered_kind_id: str, held: Any) -> None:
        if offered_kind_id != self._kind_id:
            return  # another kind was chosen meanwhile
        self._held = list(held.entries)
        self._fill(self._held)
        self.apply_permission()
        self.loaded.emit()

    def _fill(self, names: list[str]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for name in names:
            self.list.addItem(self._item(name))
        self.list.blockSignals(False)

    def _item(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name)
        flags = item.flags() | Qt.ItemFlag.ItemIsDragEnabled
        if self._can_edit():
            flags |= Qt.ItemFlag.ItemIsEditable
        item.setFlags(flags & ~Qt.ItemFlag.ItemIsDropEnabled)
        return item

    def apply_permission(self) -> None:
        allowed = bool(self._can_edit()) and self._kind_id is not None
        why = "" if self._can_edit() else self.tr("Komplektāciju maina administrators")
        count = self.list.count()
        row = self.list.currentRow()
        room = count < MAX_CHECKLIST
        self.new_entry.setEnabled(allowed and room)
        self.add_button.setEnabled(allowed and room and bool(self.new_entry.text().strip()))
        self.remove_button.setEnabled(allowed and row >= 0)
        self.up_button.setEnabled(allowed and row > 0)
        self.down_button.setEnabled(allowed and 0 <= row < count - 1)
        self.save_button.setEnabled(allowed and self.entries() != self._held)
        self.list.setDragEnabled(allowed)
        for widget in (self.new_entry, self.add_button, self.remove_button, self.up_button,
                       self.down_button, self.save_button, self.list):
            widget.setToolTip(why)
        self.count_label.setText(self.tr("{0} no {1} pozīcijām").format(count, MAX_CHECKLIST))

    # -- editing ---------------------------------------------------------------------------
    def add(self) -> None:
        name = " ".join(self.new_entry.text().split())
        if not name or self._kind_id is None or not self._can_edit():
            return
        if self.list.count() >= MAX_CHECKLIST:
            self._say(self.tr("Komplektācijā var būt ne vairāk kā {0} pozīcijas.").format(
                MAX_CHECKLIST))
            return
        taken = {checklist_key(e): e for e in self.entries()}
        if checklist_key(name) in taken:
            self._say(self.tr("„{0}“ komplektācijā jau ir.").format(taken[checklist_key(name)]))
            return
        self.list.addItem(self._item(name))
        self.list.setCurrentRow(self.list.count() - 1)
        self.new_entry.clear()
        self.error.hide()
        self.apply_permission()
        self.new_entry.setFocus()

    def remove(self) -> None:
        row = self.list.currentRow()
        if row < 0 or self._kind_id is None or not self._can_edit():
            return
        self.list.takeItem(row)
        self.apply_permission()

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        self.list.blockSignals(True)
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(target)
        self.apply_permission()

    def _renamed(self, item: QListWidgetItem) -> None:
        name = " ".join(item.text().split())[:MAX_CHECKLIST_ENTRY]
        if name != item.text():
            self.list.blockSignals(True)
            item.setText(name)
            self.list.blockSignals(False)
        self._changed()

    def _changed(self, *_: object) -> None:
        self.apply_permission()

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        if self._kind_id is None:
            return
        kind_id, entries = self._kind_id, self.entries()
        self.save_button.setEnabled(False)
        self._tasks.run(self._save, kind_id, entries,
                        on_done=lambda outcome: self._done(kind_id, entries, outcome),
                        on_error=self._error, owner=self)

    def _done(self, kind_id: str, entries: list[str], outcome: object) -> None:
        if kind_id == self._kind_id:
            self._held = [" ".join(e.split()) for e in entries if e.strip()]
            self._fill(self._held)
            self.error.hide()
            self.apply_permission()
        self.saved.emit(outcome)

    def _error(self, exc: Exception) -> None:
        message = core_message(exc)
        if message is not None:
            self._say(message)
        self.apply_permission()
        self.failed.emit(exc)

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
