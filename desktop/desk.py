"""The issuing desk's glue: the services the desk's views call, and the watch on one handover
while the applicant-facing screen is open.

The watch asks the sync to follow the school's feed (``SyncController.watch``: the push
channel, a wait the server answers when the feed moves, then a pull at once; every second
where the service has no channel), re-reads the handover from the local store every second
and after each sync, and when the central service reports
the applicant's confirmation it files the act PDF and says so. Offline nothing breaks: the QR
code needs no network, and the confirmation is picked up by the first sync that gets through.
"""

from __future__ import annotations

import atexit
import logging
import shutil
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.documents import qr
from desktop.documents.acts import ActData, handover_act_pdf, return_act_pdf
from desktop.models import acts as act_list
from desktop.models import desk, handovers, kind_checklists, lifecycle
from desktop.models.changes import OpChanges
from desktop.models.codes import CancelReason, HandoverStatus, ReturnCondition, ReturnGrade
from desktop.models.device_choices import device_choices
from desktop.models.files import safe_name
from desktop.models.journal import Actor
from desktop.models.store import Store
from desktop.models.workflow import WorkflowError
from desktop.tasks import TaskRunner, core_message
from desktop.views.desk_services import DeskServices

log = logging.getLogger(__name__)


def act_data(store: Store, actor: Actor, handover_id: str, staff_name: str = "") -> ActData:
    return ActData(**desk.act_facts(store, actor, handover_id),  # type: ignore[arg-type]
                   staff_name=staff_name)


def produce_act(store: Store, actor: Actor, handover_id: str, staff_name: str = "") -> Path:
    """The handover's act PDF, filed with the application; made only once."""
    existing = desk.act_path(store, actor, handover_id)
    if existing is not None:
        return existing
    pdf = handover_act_pdf(act_data(store, actor, handover_id, staff_name))
    return desk.file_act(store, actor, handover_id, pdf).path


def file_missing_acts(store: Store, actor: Actor, staff_name: str = "") -> int:
    """File the act of every confirmed handover that has none yet, wherever it was
    confirmed (the sync calls this after each pull); the number filed. The first workstation
    to send an act makes it the act; the others fetch that one."""
    filed = 0
    for handover_id in lifecycle.acts_to_file(store, actor):
        try:
            produce_act(store, actor, handover_id, staff_name)
        except WorkflowError as exc:  # e.g. filed meanwhile elsewhere: the next sync brings it
            log.info("act of a handover not filed: %s", type(exc).__name__)
            continue
        filed += 1
    return filed


def paper_act(store: Store, actor: Actor, handover_id: str, staff_name: str = "") -> Path:
    """The fallback to sign by hand; a print-out, not filed (the signed paper is the record).
    Sealed like the filed acts: read it through ``store.vault`` (the desk prints it from
    memory)."""
    data = act_data(store, actor, handover_id, staff_name)
    # A folder of its own (0700, a fresh name: nothing planted in /tmp is followed), removed
    # with the program: the print-out holds a child's name and class, so it is
    # sealed with the store's key as well (issue 15).
    folder = Path(tempfile.mkdtemp(prefix="resursi-print-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return store.vault.write(folder / safe_name(f"{data.act_number}-paraksti.pdf"),
                             handover_act_pdf(data, paper=True), make_folder=False)


def take_back(store: Store, actor: Actor, handover_id: str, condition: str,
              notes: str | None, staff_name: str = "", *, grade: str | None = None,
              checklist: Sequence[tuple[str, bool]] = ()) -> Path:
    """Record the return and file its act, in one transaction: a return act that cannot be
    made leaves the device out on loan, as it was, and says why."""
    with store.write():
        handovers.record_return(store, actor, handover_id, ReturnCondition(condition),
                                notes=notes, grade=ReturnGrade(grade) if grade else None,
                                checklist=checklist)
        pdf = return_act_pdf(act_data(store, actor, handover_id, staff_name))
        return desk.file_act(store, actor, handover_id, pdf, returned=True).path


def desk_services(store: Store, actor: Callable[[], Actor], *,
                  url_template: Callable[[], str],
                  staff_name: Callable[[], str] = lambda: "",
                  sign_on_paper: Callable[[str, str, str], object] | None = None,
                  change_deadline: Callable[[list[str], date | None, str], object] | None = None,
                  record_incident: Callable[[str, str], object] | None = None,
                  remind_return: Callable[[list[str]], object] | None = None,
                  acts: Callable[[str], list[Any]] | None = None,
                  language: str = "lv") -> DeskServices:
    """The desk's callables for the signed-in ``actor`` (read at each call); the devices
    offered are described in ``language`` (the UI's).

    ``sign_on_paper``, ``change_deadline`` and ``record_incident`` are the composition root's
    ``Lifecycle`` methods (GUI thread, with their own dialogs); ``acts`` lists the school's
    filed acts (``acts_service(store, actor)``). Each left None hides what the desk would offer
    with it."""
    return DeskServices(
        find=lambda text, scope: desk.find(store, actor(), text, desk.DeskScope(scope),
                                           language=language),
        offerable=lambda app_id: device_choices(store, actor(), app_id, language),
        start=lambda app_id, inv, item: desk.start_handover(store, actor(), app_id,
                                                            inventory_no=inv, item_id=item),
        cancel=lambda hid, reason, notes: handovers.cancel_handover(
            store, actor(), hid, CancelReason(reason), notes=notes),
        state=lambda hid: desk.handover_state(store, actor(), hid),
        produce_act=lambda hid: produce_act(store, actor(), hid, staff_name()),
        paper_act=lambda hid: paper_act(store, actor(), hid, staff_name()),
        record_return=lambda hid, cond, notes, grade=None, checklist=(): take_back(
            store, actor(), hid, cond, notes, staff_name(), grade=grade, checklist=checklist),
        return_checklist=lambda hid: kind_checklists.checklist_for_handover(store, actor(),
                                                                            hid),
        incidents=lambda: desk.open_incidents(store, actor()),
        acknowledge=lambda hid: handovers.acknowledge_incident(store, actor(), hid),
        overdue=lambda: act_list.overdue_rows(store, actor()),
        receipt_url=lambda app_id, token: qr.receipt_url(url_template(), app_id, token),
        act_file=lambda hid, returned: desk.act_path(store, actor(), hid, returned=returned),
        export_overdue=lambda rows, path: act_list.export_overdue(store, actor(), rows, path),
        # the vault of the calling thread (the GUI's, when the desk prints)
        read_file=lambda path: store.vault.read(path),
        acts=acts,
        sign_on_paper=sign_on_paper,
        change_deadline=change_deadline,
        record_incident=record_incident,
        remind_return=remind_return,
    )


def acts_service(store: Store, actor: Callable[[], Actor]) -> Callable[[str], list[Any]]:
    """The school's filed acts for the desk's "Akti" tab: search text -> ``ActRow`` list."""
    return lambda text: act_list.acts(store, actor(), text)


class HandoverWatch(QObject):
    """Watches one handover until it is issued or cancelled (see the module docstring)."""

    status_changed = Signal(object)  # HandoverState
    issued = Signal(object)  # Path of the filed act
    failed = Signal(str)  # a Latvian message (the act could not be made or filed)

    def __init__(self, tasks: TaskRunner, state: Callable[[str], desk.HandoverState],
                 produce: Callable[[str], Path], *,
                 watch_sync: Callable[[bool], None] | None = None, poll_ms: int = 1000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._state = state
        self._produce = produce
        self._watch_sync = watch_sync
        self._timer = QTimer(self, interval=poll_ms)
        self._timer.timeout.connect(self.refresh)
        self.handover_id: str | None = None
        self._last: HandoverStatus | None = None
        self._reading = False
        self._sync_on = False
        self._producing: str | None = None  # the handover whose act is being made

    @property
    def active(self) -> bool:
        return self.handover_id is not None

    def start(self, handover_id: str) -> None:
        self.stop()
        self.handover_id = handover_id
        self._last = None
        self._timer.start()
        if self._watch_sync is not None:
            self._watch_sync(True)
            self._sync_on = True
        self.refresh()

    def stop(self) -> None:
        """Stop watching; an act still being made is filed but no longer reported (the desk
        may show another applicant by then)."""
        self._timer.stop()
        self.handover_id = None
        self._producing = None
        if self._sync_on and self._watch_sync is not None:
            self._watch_sync(False)
        self._sync_on = False

    def follow_changes(self, changes: OpChanges, _source: object) -> None:
        """A sync (or the desk) changed applications or handovers: re-read the watched one
        at once rather than at the next tick."""
        if changes.touches_applications:
            self.refresh()

    def refresh(self, *_: object) -> None:
        """Re-read the handover (connect the sync's ``synced`` here for the quickest news)."""
        if self.handover_id is None or self._reading:
            return
        self._reading = True
        watched = self.handover_id
        self._tasks.run(self._state, watched,
                        on_done=lambda s: self._seen(watched, s),
                        on_error=lambda e: self._read_failed(watched, e))

    def _read_failed(self, watched: str, exc: Exception) -> None:
        self._reading = False
        if watched == self.handover_id:
            self.failed.emit(core_message(exc) or self.tr(
                "Izsniegšanas statusu neizdevās nolasīt"))

    def _seen(self, watched: str, state: desk.HandoverState) -> None:
        self._reading = False
        if watched != self.handover_id:
            return  # the desk moved on to another applicant meanwhile
        if state.status is not self._last:
            self._last = state.status
            self.status_changed.emit(state)
        if state.status is HandoverStatus.ISSUED:
            self.stop()
            self._producing = watched
            self._tasks.run(self._produce, watched,
                            on_done=lambda path: self._produced(watched, path),
                            on_error=lambda e: self._produce_failed(watched, e))
        elif state.status is not HandoverStatus.PREPARED:
            self.stop()  # cancelled elsewhere (or never prepared): nothing more to wait for

    def _produced(self, watched: str, path: Path) -> None:
        if watched == self._producing:
            self._producing = None
            self.issued.emit(path)

    def _produce_failed(self, watched: str, exc: Exception) -> None:
        if watched != self._producing:
            return  # the next sync files it (file_missing_acts)
        self._producing = None
        self.failed.emit(core_message(exc) or self.tr(
            "Saņemšana apstiprināta, bet aktu neizdevās sagatavot ({0}). Izdrukājiet papīra "
            "aktu.").format(type(exc).__name__))
