"""A handover's life beyond the counter, for the views: prepare ahead (also a selection), change
return deadlines, sign on paper, record a loss or theft, close a case.

Glue between the views (the inbox's selection, the detail page and the desk, which call the
public methods with a handover id) and ``desktop.models.lifecycle``, in the shape of
``desktop.deciding``: every database step runs through ``desktop.tasks``, results come back on
the GUI thread, what changed is published on the ``ChangeBus`` with this object as its source,
a refusal is shown as its Latvian message (``show_error``), and a selection's result is
summarised (what was done, and what was not, with the core's reason for each).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.changes import ChangeBus, changes_of
from desktop.desk import act_data
from desktop.documents.acts import handover_act_pdf
from desktop.models import bulk, decisions, lifecycle
from desktop.models.changes import OpChanges
from desktop.models.codes import HandoverStatus
from desktop.models.decisions import Outcome
from desktop.models.device_choices import DeviceChoice
from desktop.models.errors import InputError
from desktop.models.journal import Actor
from desktop.models.lifecycle import NewFile, PickupPlan
from desktop.models.permissions import Permission, allows
from desktop.models.rules import RuleRefused
from desktop.models.schema import Application
from desktop.models.store import Store
from desktop.tasks import TaskRunner
from desktop.views.decision_dialogs import show_error
from desktop.views.inbox_page import InboxPage
from desktop.views.lifecycle_dialogs import (
    CloseCaseDialog,
    DeadlineDialog,
    IncidentDialog,
    PrepareAheadDialog,
    SignOnPaperDialog,
)


class _Handover(Protocol):
    @property
    def act_number(self) -> str | None: ...

    @property
    def return_deadline(self) -> date | None: ...


class DetailView(Protocol):
    """What ``connect_detail`` uses of the detail page (``ApplicationDetailView``)."""

    signOnPaperRequested: SignalInstance
    deadlineRequested: SignalInstance
    incidentRequested: SignalInstance
    closeCaseRequested: SignalInstance

    @property
    def case_label(self) -> str: ...

    def handover(self, handover_id: str) -> _Handover | None: ...


Accepted = QDialog.DialogCode.Accepted
MAX_LINES = 10  # failures listed by name in a summary; the rest are counted


# -- the reads this glue needs (on a worker thread) ------------------------------------------


@dataclass(frozen=True)
class ActiveHandover:
    """An application's active handover, as the deadline dialog needs it."""

    application_id: int
    handover_id: str
    status: HandoverStatus
    return_deadline: date | None
    label: str  # "P-2026-001000 · Jānis Bērziņš"


def active_handovers(store: Store, actor: Actor,
                     application_ids: Iterable[int]) -> list[ActiveHandover]:
    """The active handover (preparing, ready for issue, issued) of each of these applications
    of the actor's school, in their order; those without one are left out."""
    found: list[ActiveHandover] = []
    with store.read() as session:
        for app_id in dict.fromkeys(int(i) for i in application_ids):
            app = session.get(Application, app_id)
            if app is None or app.institution_id != actor.institution_id:
                continue
            handover = decisions.active_handover(session, app_id)
            if handover is not None:
                found.append(ActiveHandover(app_id, handover.id, handover.status,
                                            handover.return_deadline,
                                            f"{app.number} · {app.learner_name}"))
    return found


@dataclass(frozen=True)
class PrepareFacts:
    """What the prepare dialog is filled with: the devices to offer, described, and the one
    already reserved (one application only), and the school's default return deadline."""

    choices: list[DeviceChoice] | None
    reserved: str | None  # the reserved device's inventory number
    school_deadline: date | None


def prepare_facts(store: Store, actor: Actor, application_ids: Sequence[int],
                  language: str = "lv") -> PrepareFacts:
    choices, reserved = (
        lifecycle.prepare_device_choices(store, actor, application_ids[0], language)
        if len(application_ids) == 1 else (None, None))
    return PrepareFacts(choices, reserved, lifecycle.default_return_deadline(store, actor))


def sign_with_paper_act(store: Store, actor: Actor, handover_id: str, scan: NewFile | None,
                        staff_name: str = "") -> Outcome:
    """The paper act (as printed for signing) filed as the act, the handover issued."""
    pdf = handover_act_pdf(act_data(store, actor, handover_id, staff_name), paper=True)
    return lifecycle.sign_on_paper(store, actor, handover_id, pdf, scan=scan)


# -- the glue --------------------------------------------------------------------------------


class Lifecycle(QObject):
    """Owns "Sagatavot izsniegšanai…" and "Mainīt atgriešanas termiņu…" for the inbox's
    selection, and runs the per-handover operations other views ask for.

    ``finished`` carries a one-line Latvian summary of each operation that went through (for
    the status bar); refusals are shown in a message box."""

    finished = Signal(str)

    def __init__(self, tasks: TaskRunner, store: Store, inbox: InboxPage, parent: QWidget,
                 actor: Callable[[], Actor | None], changes: ChangeBus,
                 settings_deadline: Callable[[], date | None] = lambda: None, *,
                 staff_name: Callable[[], str] = lambda: "",
                 today: Callable[[], date] = date.today, language: str = "lv") -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._store = store
        self._inbox = inbox
        self._parent = parent
        self._actor = actor
        self._changes = changes
        self._settings_deadline = settings_deadline
        self._staff_name = staff_name
        self._today = today
        self._language = language  # the devices' kinds and states are described in it
        self._last_plan: PickupPlan | None = None  # a class is usually prepared alike
        self.prepare_action = QAction(self.tr("Sagatavot izsniegšanai…"), parent)
        self.prepare_action.triggered.connect(self.prepare_selection)
        self.deadline_action = QAction(self.tr("Mainīt atgriešanas termiņu…"), parent)
        self.deadline_action.triggered.connect(self.change_selection_deadline)
        self.actions = [self.prepare_action, self.deadline_action]
        self.update_permissions()

    def update_permissions(self) -> None:
        """What the role may not do is disabled, with the reason in the tooltip."""
        actor = self._actor()
        may = actor is not None and allows(actor.role, Permission.HAND_OVER)
        why = self.tr("Izsniegt resursus drīkst izsniegšanas darbinieks vai administrators")
        self.prepare_action.setEnabled(may)
        self.prepare_action.setToolTip(self.tr(
            "Vienoties par saņemšanas vietu un laiku atlasītajiem piešķirtajiem pieteikumiem")
            if may else why)
        self.deadline_action.setEnabled(may)
        self.deadline_action.setToolTip(self.tr(
            "Mainīt atlasīto pieteikumu resursu atgriešanas termiņu") if may else why)

    # -- the inbox's selection -----------------------------------------------------------------

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

    def _default_deadline(self, school: date | None) -> date | None:
        """The school's default return deadline if it set one that is still ahead, else this
        workstation's (the settings' day and month of the school year's end)."""
        today = self._today()
        if school is not None and school >= today:
            return school
        own = self._settings_deadline()
        return own if own is not None and own >= today else None

    def prepare_selection(self) -> None:
        """Prepare the selected applications ahead of the visit (one: with its device)."""
        actor = self._actor()
        ids = self._selection()
        if actor is None or ids is None:
            return
        self._tasks.run(prepare_facts, self._store, actor, ids, self._language,
                        on_done=lambda facts: self._ask_prepare(actor, ids, facts),
                        on_error=lambda e: show_error(self._parent, e))

    def _ask_prepare(self, actor: Actor, ids: list[int], facts: PrepareFacts) -> None:
        last = self._last_plan
        dialog = PrepareAheadDialog(
            self._label(ids[0]) if len(ids) == 1 else "", len(ids), facts.choices,
            self._default_deadline(facts.school_deadline),
            last.contact_person if last else self._staff_name(), self._parent, previous=last,
            today=self._today(), language=self._language, reserved=facts.reserved)
        if dialog.exec() != Accepted:
            return
        plan, item_id, deadline, notify = dialog.values()
        self._last_plan = plan
        item_ids = {ids[0]: item_id} if item_id is not None else None
        labels = {i: self._label(i) for i in ids}

        def work() -> bulk.BulkResult:
            return lifecycle.prepare_ahead(self._store, actor, ids, plan, item_ids=item_ids,
                                           notify=notify, return_deadline=deadline)

        def said(n: int) -> str:
            return self.tr("Izsniegšanai sagatavoti %n pieteikumi", "", n)

        # a swapped reservation frees the device reserved before
        before = next((c.item_id for c in facts.choices or ()
                       if c.inventory_no == facts.reserved), None)
        self._run_bulk(work, labels, said, extra=OpChanges.of(items=[item_id, before]))

    def change_selection_deadline(self) -> None:
        """Change the return deadline of the selected applications' active handovers."""
        actor = self._actor()
        ids = self._selection()
        if actor is None or ids is None:
            return
        self._tasks.run(active_handovers, self._store, actor, ids,
                        on_done=lambda found: self._ask_deadline(ids, found),
                        on_error=lambda e: show_error(self._parent, e))

    def _ask_deadline(self, ids: list[int], found: list[ActiveHandover]) -> None:
        if not found:
            QMessageBox.information(self._parent, "Resursi", self.tr(
                "Atlasītajiem pieteikumiem nav izsniegšanas, kurai mainīt atgriešanas termiņu."))
            return
        with_one = {h.application_id for h in found}
        skipped = [(i, self.tr("pieteikumam nav aktīvas izsniegšanas"))
                   for i in ids if i not in with_one]
        deadlines = {h.return_deadline for h in found}
        current = next(iter(deadlines)) if len(deadlines) == 1 else None
        labels = {i: self._label(i) for i in ids} | {h.application_id: h.label for h in found}
        self._deadline([h.handover_id for h in found], current, labels, skipped,
                       "" if len(found) > 1 else found[0].label)

    # -- for other views, with a handover id ----------------------------------------------------

    def change_deadline(self, handover_ids: list[str], current: date | None,
                        label: str) -> None:
        """Ask for a new return deadline of these handovers and set it."""
        self._deadline(list(handover_ids), current, {}, [], label)

    def _deadline(self, handover_ids: list[str], current: date | None,
                  labels: dict[int, str], skipped: list[tuple[int, str]], label: str) -> None:
        actor = self._actor()
        if actor is None or not handover_ids:
            return
        dialog = DeadlineDialog(len(handover_ids), current, self._parent,
                                today=self._today())
        if label:
            dialog.heading.setText(label)
        if dialog.exec() != Accepted:
            return
        deadline, notify = dialog.values()

        def work() -> bulk.BulkResult:
            done = lifecycle.set_return_deadlines(self._store, actor, handover_ids, deadline,
                                                  notify=notify)
            return bulk.BulkResult(done.done, [*done.failed, *skipped])

        def said(n: int) -> str:
            return self.tr("Atgriešanas termiņš mainīts %n pieteikumiem", "", n)

        self._run_bulk(work, labels, said, extra=OpChanges.of(handovers=handover_ids),
                       single_label=label)

    def remind_return(self, handover_ids: list[str]) -> None:
        """Have the central service remind the applicants of these overdue devices."""
        actor = self._actor()
        if actor is None or not handover_ids:
            return
        ids = list(handover_ids)

        def said(n: int) -> str:
            return self.tr("Atgādinājums nosūtīts %n iesniedzējiem", "", n)

        self._run_bulk(lambda: lifecycle.remind_return(self._store, actor, ids), {}, said,
                       extra=OpChanges.of(handovers=ids), single_label="")

    def record_incident(self, handover_id: str, label: str) -> None:
        """Record a loss or theft the school was told of."""
        self._incident(IncidentDialog(label, self._parent, today=self._today()),
                       handover_id, label)

    def _incident(self, dialog: IncidentDialog, handover_id: str, label: str) -> None:
        actor = self._actor()
        if actor is None or dialog.exec() != Accepted:
            return
        lost, description, occurred_on, files = dialog.values()
        done_text = (self.tr("Reģistrēta nozaudēšana: {0}") if lost
                     else self.tr("Reģistrēta zādzība: {0}")).format(label)
        self._run(lambda: lifecycle.record_incident(
                      self._store, actor, handover_id, lost=lost, description=description,
                      occurred_on=occurred_on, attachments=files),
                  handover_id, done_text,
                  again=lambda: self._incident(dialog, handover_id, label))

    def close_case(self, handover_id: str, label: str) -> None:
        """Close a lost or stolen case (its data is deleted 25 months later)."""
        actor = self._actor()
        dialog = CloseCaseDialog(label, self._parent)
        if actor is None or dialog.exec() != Accepted:
            return
        notes = dialog.notes()
        self._run(lambda: lifecycle.close_case(self._store, actor, handover_id, notes),
                  handover_id, self.tr("Lieta slēgta: {0}").format(label))

    def sign_on_paper(self, handover_id: str, label: str, act_number: str) -> None:
        """Record that the applicant signed the printed act: the paper act is filed as the
        handover's act (with the scan of the signed page, if there is one)."""
        self._sign(SignOnPaperDialog(label, act_number, self._parent), handover_id, label)

    def _sign(self, dialog: SignOnPaperDialog, handover_id: str, label: str) -> None:
        actor = self._actor()
        if actor is None or dialog.exec() != Accepted:
            return
        scan = dialog.scan()
        staff = self._staff_name()
        self._run(lambda: sign_with_paper_act(self._store, actor, handover_id, scan, staff),
                  handover_id, self.tr("Izsniegts ar aktu uz papīra: {0}").format(label),
                  again=lambda: self._sign(dialog, handover_id, label))

    def connect_detail(self, view: DetailView) -> None:
        """Run what the application's detail page asks for: its signals carry a handover id;
        the label, the act number and the current deadline are what the page shows."""
        def act_number(hid: str) -> str:
            h = view.handover(hid)
            return (h.act_number or "") if h is not None else ""

        def deadline(hid: str) -> date | None:
            h = view.handover(hid)
            return h.return_deadline if h is not None else None

        view.signOnPaperRequested.connect(
            lambda hid: self.sign_on_paper(hid, view.case_label, act_number(hid)))
        view.deadlineRequested.connect(
            lambda hid: self.change_deadline([hid], deadline(hid), view.case_label))
        view.incidentRequested.connect(lambda hid: self.record_incident(hid, view.case_label))
        view.closeCaseRequested.connect(lambda hid: self.close_case(hid, view.case_label))

    # -- running ------------------------------------------------------------------------------

    def _run(self, work: Callable[[], Outcome], handover_id: str, done_text: str, *,
             again: Callable[[], None] | None = None) -> None:
        def done(outcome: Outcome) -> None:
            self._changes.publish(changes_of(outcome, OpChanges.of(
                handovers=[handover_id], outbox=True)), self)
            self.finished.emit(done_text)

        def failed(exc: Exception) -> None:
            show_error(self._parent, exc)
            # a typed value the core refused: the dialog again, with what was typed in it
            if again is not None and isinstance(exc, InputError | RuleRefused):
                again()

        self._tasks.run(work, on_done=done, on_error=failed)

    def _run_bulk(self, work: Callable[[], bulk.BulkResult], labels: dict[int, str],
                  said: Callable[[int], str], *, extra: OpChanges | None = None,
                  single_label: str = "") -> None:
        def label(app_id: int) -> str:
            return labels.get(app_id) or single_label or self._label(app_id)

        def done(result: bulk.BulkResult) -> None:
            if result.done:
                self._changes.publish(changes_of(result, OpChanges.of(
                    applications=result.done, outbox=True)) | (extra or OpChanges()), self)
                self.finished.emit(said(len(result.done)))
            if result.failed:
                lines = "\n".join(f"• {label(i)}: {why}" for i, why in result.failed[:MAX_LINES])
                more = len(result.failed) - MAX_LINES
                if more > 0:
                    lines += "\n" + self.tr("… un vēl {0}").format(more)
                QMessageBox.warning(
                    self._parent, "Resursi",
                    self.tr("Izdevās: {0}. Neizdevās: {1}.").format(
                        len(result.done), len(result.failed)) + "\n\n" + lines)

        self._tasks.run(work, on_done=done, on_error=lambda e: show_error(self._parent, e))
