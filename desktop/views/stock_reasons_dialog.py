"""The editor of the school's stock refusal and deferral reasons (issue 16): the ready-made
texts the refuse and defer dialogs offer above the reason.

Two tabs (refusal, deferral), the list, the text of the chosen reason and buttons to add it
as a new one, save it over the chosen one, remove, move up or down, or go back to the built-in
defaults. Each button is one change in the core (``desktop.models.stock_reasons``: one
transaction with its audit row), run off the GUI thread; the answer is the list as it now
stands. Keys: Delete removes, Ctrl+Up / Ctrl+Down move, Esc closes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from desktop.models import stock_reasons
from desktop.models.journal import Actor
from desktop.models.store import Store
from desktop.tasks import TaskRunner, error_text

ERROR_COLOUR = "#b3261e"
MUTED_COLOUR = "#5f6368"
KINDS = stock_reasons.KINDS  # the tabs' order
# Logical pixels: inside 1366×768 at 125 % (1093×614 less the frame and the task bar).
DIALOG_SIZE = (820, 500)


@dataclass(frozen=True)
class StockReasonsService:
    """What the editor may ask for; each answers the kind's list as a ``StockReasons``."""

    load: Callable[[str], Any]  # kind
    add: Callable[[str, str], Any]  # (kind, text)
    edit: Callable[[str, int, str, str], Any]  # (kind, index, text, text shown there)
    remove: Callable[[str, int, str], Any]  # (kind, index, text shown there)
    move: Callable[[str, int, int, str], Any]  # (kind, index, offset, text shown there)
    reset: Callable[[str], Any]  # kind


def stock_reasons_service(store: Store, actor: Callable[[], Actor]) -> StockReasonsService:
    """The service over the store, acting as whoever ``actor()`` names at call time."""
    sr = stock_reasons
    return StockReasonsService(
        load=lambda kind: sr.stock_reasons(store, actor(), kind),
        add=lambda kind, text: sr.add_reason(store, actor(), kind, text),
        edit=lambda kind, i, text, shown: sr.edit_reason(store, actor(), kind, i, text,
                                                         shown=shown),
        remove=lambda kind, i, shown: sr.remove_reason(store, actor(), kind, i, shown=shown),
        move=lambda kind, i, offset, shown: sr.move_reason(store, actor(), kind, i, offset,
                                                           shown=shown),
        reset=lambda kind: sr.reset_reasons(store, actor(), kind))


class StockReasonsDialog(QDialog):
    """Edit the school's stock reasons; ``can_edit`` False shows them read-only."""

    shown_list = Signal()  # a list arrived and is shown (for tests and screenshots)

    def __init__(self, tasks: TaskRunner, service: StockReasonsService, *,
                 can_edit: bool = True, language: str = "lv",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._service = service
        self._can_edit = can_edit
        self._language = language
        self._busy = True  # until the first list arrives
        self._defaults = True
        self.setWindowTitle(self.tr("Gatavie pamatojumi"))
        self.resize(*DIALOG_SIZE)

        intro = QLabel(self.tr("Atteikuma un atlikšanas logā šie pamatojumi ir piedāvāti virs "
                               "teksta lauka: izvēlētais aizpilda pamatojumu, ko vēl var "
                               "labot."))
        intro.setWordWrap(True)
        self.tabs = QTabBar()
        self.tabs.addTab(self.tr("Atteikumam"))
        self.tabs.addTab(self.tr("Atlikšanai"))
        self.tabs.setAccessibleName(self.tr("Lēmuma veids"))
        self.tabs.currentChanged.connect(lambda _n: self.reload())
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setStyleSheet(f"color: {MUTED_COLOUR};")

        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Pamatojumi"))
        self.list.setToolTip(self.tr("Delete dzēš, Ctrl+↑ un Ctrl+↓ pārvieto"))
        self.list.currentRowChanged.connect(self._chosen)
        for keys, slot in ((QKeySequence.StandardKey.Delete, self.remove),
                           (QKeySequence("Ctrl+Up"), lambda: self.move_reason(-1)),
                           (QKeySequence("Ctrl+Down"), lambda: self.move_reason(1))):
            QShortcut(keys, self.list, slot, context=Qt.ShortcutContext.WidgetShortcut)

        self.text_label = QLabel(self.tr("&Teksts:"))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("Pamatojuma teksts"))
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 3 + 14)
        self.text_label.setBuddy(self.text)
        self.text.textChanged.connect(self._update)

        self.add_button = QPushButton(self.tr("Pievienot kā jaunu"))
        self.save_button = QPushButton(self.tr("Saglabāt labojumu"))
        self.remove_button = QPushButton(self.tr("Dzēst"))
        self.up_button = QPushButton(self.tr("Uz augšu"))
        self.down_button = QPushButton(self.tr("Uz leju"))
        self.reset_button = QPushButton(self.tr("Atjaunot noklusētos"))
        self.reset_button.setToolTip(self.tr(
            "Aizmirst skolas sarakstu un atkal piedāvāt programmas noklusētos pamatojumus"))
        for button in (self.add_button, self.save_button, self.remove_button, self.up_button,
                       self.down_button, self.reset_button):
            button.setAutoDefault(False)  # Enter in the list must not move or delete a reason
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move_reason(-1))
        self.down_button.clicked.connect(lambda: self.move_reason(1))
        self.reset_button.clicked.connect(self.reset)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.setAccessibleName(self.tr("Kļūda"))
        self.error.hide()
        self.box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.box.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Aizvērt"))
        self.box.rejected.connect(self.reject)

        side = QVBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            side.addWidget(button)
        side.addStretch(1)
        side.addWidget(self.reset_button)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 1)
        middle.addLayout(side)
        edit_row = QGridLayout()
        edit_row.addWidget(self.text_label, 0, 0, 1, 2)
        edit_row.addWidget(self.text, 1, 0, 1, 2)
        edit_row.addWidget(self.add_button, 2, 0, Qt.AlignmentFlag.AlignLeft)
        edit_row.addWidget(self.save_button, 2, 1, Qt.AlignmentFlag.AlignLeft)
        edit_row.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs)
        layout.addWidget(self.state)
        layout.addLayout(middle, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self.error)
        layout.addWidget(self.box)
        self.reload()
        self.list.setFocus()

    # -- what is shown ---------------------------------------------------------------------
    def kind(self) -> str:
        return KINDS[max(0, self.tabs.currentIndex())]

    def texts(self) -> list[str]:
        return [self.list.item(n).text() for n in range(self.list.count())]

    def reload(self) -> None:
        """Read the chosen tab's list (off the GUI thread)."""
        self._run(self._service.load, self.kind(), select=0)

    def _run(self, work: Callable[..., Any], *args: Any, select: int) -> None:
        self._busy = True
        self._update()
        kind = self.kind()
        self._tasks.run(work, *args, on_done=partial(self._show, kind, select),
                        on_error=self._failed, owner=self, key="reasons", latest=True)

    def _show(self, kind: str, select: int, held: Any) -> None:
        self._busy = False
        if kind != self.kind():
            self.reload()  # the other tab was chosen meanwhile
            return
        self._defaults = bool(held.defaults)
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems(list(held.texts))
        self.list.blockSignals(False)
        row = min(select, self.list.count() - 1)
        self.list.setCurrentRow(row)
        self._chosen(row)
        self.state.setText(
            self.tr("Skola vēl nav saglabājusi savu sarakstu: rādīti programmas noklusētie "
                    "pamatojumi. Pirmā izmaiņa tos saglabā kā skolas sarakstu.")
            if self._defaults else
            self.tr("Skolas saraksts: {0} no {1} pamatojumiem").format(
                self.list.count(), stock_reasons.MAX_STOCK_REASONS))
        self.error.hide()
        self._update()
        self.shown_list.emit()

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        self.error.setText(error_text(exc, self._language))
        self.error.show()
        self._update()

    def _chosen(self, row: int) -> None:
        self.text.setPlainText(self.list.item(row).text() if row >= 0 else "")
        self._update()

    def _update(self) -> None:
        edit = self._can_edit and not self._busy
        row = self.list.currentRow()
        count = self.list.count()
        typed = self.text.toPlainText().strip()
        self.add_button.setEnabled(edit and bool(typed) and typed not in self.texts())
        self.save_button.setEnabled(edit and row >= 0 and bool(typed)
                                    and typed != self.list.item(row).text())
        self.remove_button.setEnabled(edit and row >= 0)
        self.up_button.setEnabled(edit and row > 0)
        self.down_button.setEnabled(edit and 0 <= row < count - 1)
        self.reset_button.setEnabled(edit and not self._defaults)
        self.text.setReadOnly(not self._can_edit)

    # -- changes ---------------------------------------------------------------------------
    def _shown(self) -> tuple[int, str] | None:
        row = self.list.currentRow()
        return (row, self.list.item(row).text()) if row >= 0 else None

    def add(self) -> None:
        if self.add_button.isEnabled():
            self._run(self._service.add, self.kind(), self.text.toPlainText(),
                      select=self.list.count())

    def save(self) -> None:
        shown = self._shown()
        if self.save_button.isEnabled() and shown is not None:
            row, before = shown
            self._run(self._service.edit, self.kind(), row, self.text.toPlainText(), before,
                      select=row)

    def remove(self) -> None:
        shown = self._shown()
        if self.remove_button.isEnabled() and shown is not None:
            row, before = shown
            self._run(self._service.remove, self.kind(), row, before, select=row)

    def move_reason(self, offset: int) -> None:
        shown = self._shown()
        button = self.up_button if offset < 0 else self.down_button
        if button.isEnabled() and shown is not None:
            row, before = shown
            self._run(self._service.move, self.kind(), row, offset, before,
                      select=row + offset)

    def reset(self) -> None:
        if self.reset_button.isEnabled():
            self._run(self._service.reset, self.kind(), select=0)
