"""The Applications section's decisions: grant, refuse and defer (also on a selection).

Glue between the views (dialogs, inbox, detail) and the core operations: every database step
runs through desktop.tasks, results come back on the GUI thread, and a refusal by a rule or a
typed field is shown as its Latvian message, never as a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QDialog, QMessageBox, QWidget

from desktop.changes import ChangeBus, changes_of
from desktop.icons import icon
from desktop.models import bulk, decisions, stock_reasons
from desktop.models.changes import OpChanges
from desktop.models.command_names import CommandName
from desktop.models.commands import REGISTRY
from desktop.models.device_choices import device_choices
from desktop.models.journal import Actor
from desktop.models.permissions import Permission, allows
from desktop.models.store import Store
from desktop.tasks import TaskRunner
from desktop.views.decision_dialogs import DeferDialog, GrantDialog, RefuseDialog, show_error
from desktop.views.inbox_page import InboxPage


def _icon(name: CommandName) -> str:
    picture = REGISTRY[name].icon
    assert picture is not None
    return picture


class Decisions(QObject):
    """Owns the three actions and runs them for the inbox's selection; what a decision
    changed is published on ``changes`` with the inbox as its source (the inbox repaints the
    decided rows and keeps its list as it is); ``finished`` says in a line what a refusal or
    deferral of one or many did, for the status bar."""

    finished = Signal(str)

    def __init__(self, tasks: TaskRunner, store: Store, inbox: InboxPage, parent: QWidget,
                 actor: Callable[[], Actor | None], changes: ChangeBus, *,
                 language: str = "lv") -> None:
        super().__init__(parent)
        self._language = language
        self._tasks = tasks
        self._changes = changes
        self._store = store
        self._inbox = inbox
        self._parent = parent
        self._actor = actor
        self.grant_action = QAction(icon(_icon(CommandName.GRANT)), self.tr("Piešķirt…"), parent)
        self.grant_action.setShortcut(QKeySequence("Ctrl+G"))
        self.grant_action.triggered.connect(self.grant)
        self.refuse_action = QAction(icon(_icon(CommandName.REFUSE)), self.tr("Atteikt…"), parent)
        self.refuse_action.setShortcut(QKeySequence("Ctrl+R"))
        self.refuse_action.triggered.connect(self.refuse)
        self.defer_action = QAction(icon(_icon(CommandName.DEFER)), self.tr("Atlikt…"), parent)
        self.defer_action.setShortcut(QKeySequence("Ctrl+D"))
        self.defer_action.triggered.connect(self.defer)
        self.actions = [self.grant_action, self.refuse_action, self.defer_action]
        self._selected = 0  # rows selected in the inbox
        # a stand-in inbox (tests) may not say what is selected: grant then stays enabled and
        # asks for one application when it is triggered
        selected = getattr(inbox, "selectedCountChanged", None)
        if selected is not None:
            selected.connect(self._selection_changed)
            self._selected = len(inbox.selected_ids())
        self.update_permissions()

    def update_permissions(self) -> None:
        """What the role may not do is disabled, with the reason in the tooltip; on a larger
        selection the grant's tooltip says what a bulk grant does. An enabled action's tooltip
        names its shortcut."""
        actor = self._actor()
        may = actor is not None and allows(actor.role, Permission.DECIDE)
        for action in self.actions:
            action.setEnabled(may)
            action.setToolTip(self._with_shortcut(action) if may else self.tr(
                "Lemt par pieteikumiem drīkst izskatītājs vai administrators"))
        if may and self._selected > 1:
            self.grant_action.setToolTip(self.tr(
                "Piešķirt visus atlasītos; katram var rezervēt pirmo pieejamo atbilstošā veida "
                "resursu ({0})").format(
                    self.grant_action.shortcut().toString(
                        QKeySequence.SequenceFormat.NativeText)))

    @staticmethod
    def _with_shortcut(action: QAction) -> str:
        """"Piešķirt (Ctrl+G)": the action's words without the dialog's "…", and its keys."""
        words = action.text().replace("&", "").rstrip("…").rstrip(".")
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        return f"{words} ({keys})" if keys else words

    def _selection_changed(self, count: int) -> None:
        if (count > 1) != (self._selected > 1):
            self._selected = count
            self.update_permissions()
        self._selected = count

    def _selection(self) -> list[int] | None:
        ids = self._inbox.selected_ids()
        if not ids:
            QMessageBox.information(self._parent, "Resursi",
                                    self.tr("Vispirms izvēlieties pieteikumu sarakstā."))
            return None
        return ids

    def _label(self, application_id: int) -> str:
        row = self._inbox.model.row_of(application_id)
        data = self._inbox.model.row_at(row) if row >= 0 else None
        return f"{data.number} · {data.learner_name}" if data else str(application_id)

    def grant(self) -> None:
        actor = self._actor()
        ids = self._selection()
        if actor is None or ids is None:
            return
        if len(ids) > 1:
            self._grant_many(actor, ids)
            return
        app_id = ids[0]
        # The dialog opens at once; its picker reads the described devices on a worker.
        dialog = GrantDialog(self._label(app_id), parent=self._parent, tasks=self._tasks,
                             load=partial(device_choices, self._store, actor, app_id,
                                          self._language),
                             language=self._language)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        item_id, deadline = dialog.result_values()
        self._run(lambda: decisions.grant(self._store, actor, app_id, item_id=item_id,
                                          return_deadline=deadline), [app_id])

    def ask_bulk_grant(self, count: int) -> bool | None:
        """Whether to grant ``count`` applications, and to reserve a device for each
        (None: cancelled). A method of its own so that a test can answer it."""
        box = QMessageBox(QMessageBox.Icon.Question, "Resursi",
                          self.tr("Piešķirt %n atlasītos pieteikumus?", "", count),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self._parent)
        box.setInformativeText(self.tr(
            "Katram tiks rezervēts pirmais pieejamais atbilstošā veida resurss (pēc inventāra "
            "numura), kamēr tādi ir; pārējiem resursu izvēlēsies izsniegšanas vietā."))
        assign = QCheckBox(self.tr("Rezervēt resursus automātiski"))
        assign.setChecked(True)
        box.setCheckBox(assign)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Piešķirt"))
        if box.exec() != QMessageBox.StandardButton.Yes:
            return None
        return assign.isChecked()

    def _grant_many(self, actor: Actor, ids: list[int]) -> None:
        assign = self.ask_bulk_grant(len(ids))
        if assign is None:
            return

        def said(result: bulk.BulkResult) -> str:
            text = self.tr("Piešķirti pieteikumi: %n", "", len(result.done))
            if assign and result.without_device:
                text += "; " + self.tr("bez rezervēta resursa: %n", "",
                                       len(result.without_device))
            return text

        self._run_bulk(lambda: bulk.grant_many(self._store, actor, ids, assign=assign), said)

    def refuse(self) -> None:
        actor = self._actor()
        ids = self._selection()
        if actor is None or ids is None:
            return
        dialog = RefuseDialog(self._label(ids[0]) if len(ids) == 1 else "", count=len(ids),
                              parent=self._parent, tasks=self._tasks,
                              load_reasons=partial(stock_reasons.reason_texts, self._store,
                                                   actor, stock_reasons.REFUSE))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            reason = dialog.reason()
            self._run_bulk(lambda: bulk.refuse_many(self._store, actor, ids, reason),
                           lambda r: self.tr("Atteikti pieteikumi: %n", "", len(r.done)))

    def defer(self) -> None:
        actor = self._actor()
        ids = self._selection()
        if actor is None or ids is None:
            return
        dialog = DeferDialog(self._label(ids[0]) if len(ids) == 1 else "", count=len(ids),
                             parent=self._parent, tasks=self._tasks,
                             load_reasons=partial(stock_reasons.reason_texts, self._store,
                                                  actor, stock_reasons.DEFER))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            reason, revisit = dialog.values()
            self._run_bulk(lambda: bulk.defer_many(self._store, actor, ids, reason,
                                                   revisit_on=revisit),
                           lambda r: self.tr("Atlikti pieteikumi: %n", "", len(r.done)))

    def _run(self, work: Callable[[], object], ids: list[int]) -> None:
        self._tasks.run(work, on_done=lambda outcome: self._changes.publish(
                            changes_of(outcome, OpChanges.of(applications=ids, outbox=True)),
                            self._inbox),
                        on_error=lambda e: show_error(self._parent, e))

    def _run_bulk(self, work: Callable[[], bulk.BulkResult],
                  said: Callable[[bulk.BulkResult], str]) -> None:
        """Run a decision on many; ``finished`` then says how many went through (the status
        bar shows it), and a warning lists any that did not, each with its reason."""
        def done(result: bulk.BulkResult) -> None:
            if result.done:
                self._changes.publish(changes_of(result, OpChanges.of(
                    applications=result.done, outbox=True)), self._inbox)
                self.finished.emit(said(result))
            if result.failed:
                lines = "\n".join(f"• {self._label(i)}: {why}" for i, why in result.failed[:10])
                more = len(result.failed) - 10
                if more > 0:
                    lines += "\n" + self.tr("… un vēl {0}").format(more)
                QMessageBox.warning(
                    self._parent, "Resursi",
                    self.tr("Izdevās: {0}. Neizdevās: {1}.").format(
                        len(result.done), len(result.failed)) + "\n\n" + lines)

        self._tasks.run(work, on_done=done, on_error=lambda e: show_error(self._parent, e))
