"""The handover's life beyond the counter from the views: prepare a selection ahead, change
return deadlines, sign on paper, record a theft with its police report, close the case. Real
store, real task runner; the modal dialogs are the real ones, filled in as a person would."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy import event, select

from desktop.changes import ChangeBus
from desktop.lifecycle import Lifecycle, active_handovers
from desktop.models import queries
from desktop.models.codes import ApplicationStatus, DocumentType, HandoverStatus, ItemStatus
from desktop.models.inbox_window import InboxSource
from desktop.models.schema import Document, Handover, Item, OutboxCommand
from desktop.models.store import Store
from desktop.tasks import TaskRunner
from desktop.views.inbox_page import InboxPage
from desktop.views.lifecycle_dialogs import (
    CloseCaseDialog,
    DeadlineDialog,
    IncidentDialog,
    PrepareAheadDialog,
    SignOnPaperDialog,
)
from factories import DESK, REVIEWER, SCHOOL, add_application, add_item, seed_catalogue
from qt_helpers import type_text

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

Accepted = QDialog.DialogCode.Accepted
TODAY = date.today()  # the dialogs' limits are today's; no assertion measures time
PEOPLE = [("Jānis Bērziņš", "Līga Bērziņa", "7.b"), ("Ērika Ķuze", "Ģirts Ķuzis", "7.b"),
          ("Žanete Šmite", "Ņina Šmite", "7.b"), ("Ļena Vītola", "Ēriks Vītols", "8.a")]
PLACE = "Skolas 12. kabinets, 2. stāvs"
CONTACT = "Ilze Ozoliņa"
DESCRIPTION = "Soma ar datoru nozagta autobusā Nr. 22; māte ziņoja pa tālruni."
PDF = "%PDF-1.4\n% Valsts policijas izziņa\n".encode()
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


# --- the dialogs, filled in as a person would --------------------------------------------------


class FilledPrepare(PrepareAheadDialog):
    offered: list[Any] = []

    def exec(self) -> QDialog.DialogCode:
        FilledPrepare.offered.append(self)
        self.place.setText(PLACE)
        self.contact.setText(CONTACT)
        self.phone.setText("67 000 000")
        self.day.setDate(QDate.currentDate().addDays(2))
        if self.picker is not None and self.picker.choices():
            self.picker.table.selectRow(0)
        self.use_deadline.setChecked(True)
        self.deadline.setDate(QDate(TODAY.year + 1, 5, 31))
        assert self.ok_button.isEnabled()
        return Accepted


class FilledDeadline(DeadlineDialog):
    shown: list[Any] = []

    def exec(self) -> QDialog.DialogCode:
        FilledDeadline.shown.append(self)
        self.deadline.setDate(QDate(TODAY.year + 1, 6, 14))
        self.notify.setChecked(False)
        return Accepted


class FilledIncident(IncidentDialog):
    report: Path

    def exec(self) -> QDialog.DialogCode:
        self.stolen.setChecked(True)
        self.description.setPlainText(DESCRIPTION)
        assert self.add_file(FilledIncident.report)
        return Accepted


class FilledClose(CloseCaseDialog):
    def exec(self) -> QDialog.DialogCode:
        self.notes_edit.setPlainText("Policija lietu izbeidza; ģimene atlīdzināja zaudējumus.")
        return Accepted


class FilledSign(SignOnPaperDialog):
    scan_path: Path

    def exec(self) -> QDialog.DialogCode:
        self.signed.setChecked(True)
        assert self.add_scan(FilledSign.scan_path)
        return Accepted


@contextmanager
def sql_on_the_gui_thread(store: Store) -> Iterator[list[str]]:
    seen: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if threading.current_thread() is threading.main_thread():
            seen.append(" ".join(statement.split()[:6]))

    event.listen(store.engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", before)


# --- the set-up ------------------------------------------------------------------------------


@pytest.fixture
def school(store):
    seed_catalogue(store)
    ids = [add_application(store, learner=who, submitter=by, learner_class=cls,
                           status=ApplicationStatus.CONFIRMED) for who, by, cls in PEOPLE]
    items = [add_item(store, inventory_no=f"INV-77{n}") for n in range(2)]
    return store, ids, items


@pytest.fixture
def desk(qtbot, school, monkeypatch, tmp_path: Path):
    store, ids, items = school
    tasks = TaskRunner()
    changes = ChangeBus()
    inbox = InboxPage(
        tasks, institution_id=SCHOOL,
        source=InboxSource(store),
        count_statuses=lambda: queries.status_counts(store, SCHOOL))
    qtbot.addWidget(inbox)
    window = QWidget()
    qtbot.addWidget(window)
    lifecycle = Lifecycle(tasks, store, inbox, window, lambda: DESK, changes,
                          lambda: date(TODAY.year + 1, 5, 31), staff_name=lambda: CONTACT)
    inbox.add_actions(lifecycle.actions)
    with qtbot.waitSignal(inbox.loaded, timeout=5000):
        inbox.reload()
    for name, dialog in (("PrepareAheadDialog", FilledPrepare),
                         ("DeadlineDialog", FilledDeadline), ("IncidentDialog", FilledIncident),
                         ("CloseCaseDialog", FilledClose), ("SignOnPaperDialog", FilledSign)):
        monkeypatch.setattr(f"desktop.lifecycle.{name}", dialog)
    FilledPrepare.offered = []
    FilledDeadline.shown = []
    FilledIncident.report = tmp_path / "izziņa-policijai.pdf"
    FilledIncident.report.write_bytes(PDF)
    FilledSign.scan_path = tmp_path / "parakstītā-lapa.png"
    FilledSign.scan_path.write_bytes(PNG)
    warnings: list[str] = []
    monkeypatch.setattr("desktop.lifecycle.QMessageBox.warning",
                        lambda *args: warnings.append(str(args[-1])))
    monkeypatch.setattr("desktop.views.decision_dialogs.QMessageBox.warning",
                        lambda *args: warnings.append(str(args[-1])))
    yield store, ids, items, inbox, lifecycle, changes, warnings
    tasks.wait()


def _select(inbox: InboxPage, ids: list[int]) -> None:
    inbox.table.clearSelection()
    for app_id in ids:
        row = inbox.model.row_of(app_id)
        assert row >= 0
        inbox.table.selectionModel().select(
            inbox.model.index(row, 0),
            inbox.table.selectionModel().SelectionFlag.Select
            | inbox.table.selectionModel().SelectionFlag.Rows)
    assert sorted(inbox.selected_ids()) == sorted(ids)


def _handovers(store: Store) -> dict[int, Handover]:
    with store.read() as s:
        rows = s.scalars(select(Handover)).all()
        s.expunge_all()
        return {h.application_id: h for h in rows}


def _commands(store: Store) -> list[tuple[str, int]]:
    with store.read() as s:
        return [(c.command, c.application_id)
                for c in s.scalars(select(OutboxCommand).order_by(OutboxCommand.id))]


# --- the tests -------------------------------------------------------------------------------


def test_the_actions_are_in_the_inbox_context_menu(desk) -> None:
    _store, _ids, _items, inbox, lifecycle, _changes, _warnings = desk
    assert [a.text() for a in inbox.table.actions()] == [
        "Sagatavot izsniegšanai…", "Mainīt atgriešanas termiņu…"]
    assert lifecycle.prepare_action.isEnabled() and lifecycle.deadline_action.isEnabled()


def test_a_reviewer_may_not_prepare(qtbot, school) -> None:
    store, _ids, _items = school
    tasks = TaskRunner()
    inbox = InboxPage(tasks, institution_id=SCHOOL, query_ids=lambda *a: [],
                      fetch_rows=lambda ids: [], count_statuses=lambda: {})
    qtbot.addWidget(inbox)
    lifecycle = Lifecycle(tasks, store, inbox, inbox, lambda: REVIEWER, ChangeBus())
    assert not lifecycle.prepare_action.isEnabled()
    assert not lifecycle.deadline_action.isEnabled()
    assert "izsniegšanas darbinieks" in lifecycle.prepare_action.toolTip()
    tasks.wait()


def test_prepare_a_selection_of_three_ahead(qtbot, desk) -> None:
    store, ids, _items, inbox, lifecycle, changes, warnings = desk
    chosen = ids[:3]
    _select(inbox, chosen)
    published: list[tuple[Any, Any]] = []
    changes.changed.connect(lambda c, source: published.append((c, source)))
    with sql_on_the_gui_thread(store) as on_gui, \
            qtbot.waitSignal(lifecycle.finished, timeout=10000) as said:
        lifecycle.prepare_action.trigger()
    assert on_gui == []  # every read and write ran on a worker
    assert said.args == ["Izsniegšanai sagatavoti 3 pieteikumi"]
    assert warnings == []
    dialog = FilledPrepare.offered[-1]
    assert dialog.picker is None  # a selection: the desk picks the devices
    assert dialog.heading.text() == "Atlasīti 3 pieteikumi"

    handovers = _handovers(store)
    assert sorted(handovers) == sorted(chosen)
    for h in handovers.values():
        assert h.status is HandoverStatus.PREPARING and h.item_id is None
        assert (h.pickup_place, h.contact_person, h.contact_phone) == (
            PLACE, CONTACT, "+37167000000")
        assert h.pickup_from is not None and h.pickup_to is not None
        assert h.pickup_from.astimezone().hour == 9 and h.pickup_to.astimezone().hour == 15
        assert h.return_deadline == date(TODAY.year + 1, 5, 31)
    assert sorted(_commands(store)) == sorted(("arrange_pickup", i) for i in chosen)
    assert published and published[-1][1] is lifecycle
    assert set(chosen) <= published[-1][0].applications and published[-1][0].outbox


def test_prepare_one_with_its_device(qtbot, desk) -> None:
    store, ids, items, inbox, lifecycle, _changes, _warnings = desk
    _select(inbox, [ids[0]])
    with qtbot.waitSignal(lifecycle.finished, timeout=10000) as said:
        lifecycle.prepare_action.trigger()
    assert said.args == ["Izsniegšanai sagatavots 1 pieteikums"]
    dialog = FilledPrepare.offered[-1]
    assert dialog.heading.text() == f"P-2026-{ids[0]:06d} · Jānis Bērziņš"
    assert dialog.picker is not None
    assert [c.inventory_no for c in dialog.picker.choices()] == ["INV-770", "INV-771"]
    assert dialog.contact.text() == CONTACT
    h = _handovers(store)[ids[0]]
    assert h.status is HandoverStatus.PREPARED and h.item_id == items[0]
    assert h.pickup_place == PLACE and h.act_number
    with store.read() as s:
        assert s.get(Item, items[0]).status is ItemStatus.RESERVED
    assert _commands(store) == [("prepare_handover", ids[0])]


def test_prepare_one_describes_the_devices_and_takes_the_one_typed_for(
        qtbot, desk, monkeypatch) -> None:
    store, ids, items, inbox, lifecycle, _changes, warnings = desk
    probook = add_item(store, inventory_no="RAVĢ-2024-017")
    add_item(store, inventory_no="RAVĢ-2024-031", kind="tablet")  # not the kind asked for
    with store.write() as s:
        item = s.get(Item, probook)
        item.manufacturer, item.model, item.serial_no = "HP", "ProBook 450 G10", "5CD3481ŽQ7"
        item.location = "Skapis Nr. 3, 214. kabinets"
    seen: list[list[str]] = []

    def exec_(dialog: PrepareAheadDialog) -> QDialog.DialogCode:
        """The desk types where the device is, moves to it and presses Enter."""
        assert dialog.picker is not None
        table = dialog.picker.table.model()
        seen.extend([table.index(r, c).data() for c in range(table.columnCount())]
                    for r in range(table.rowCount()))
        dialog.place.setText(PLACE)
        type_text(dialog.picker.filter_edit, "214. kabin")
        QTest.keyClick(dialog.picker.filter_edit, Qt.Key.Key_Down)
        QTest.keyClick(dialog.picker.filter_edit, Qt.Key.Key_Return)
        return QDialog.DialogCode(dialog.result())

    monkeypatch.setattr("desktop.lifecycle.PrepareAheadDialog", PrepareAheadDialog)
    monkeypatch.setattr(PrepareAheadDialog, "exec", exec_)
    _select(inbox, [ids[0]])
    with sql_on_the_gui_thread(store) as on_gui, \
            qtbot.waitSignal(lifecycle.finished, timeout=10000) as said:
        lifecycle.prepare_action.trigger()
    assert on_gui == []
    assert said.args == ["Izsniegšanai sagatavots 1 pieteikums"]
    assert warnings == []
    assert ["RAVĢ-2024-017", "Windows portatīvais dators", "HP ProBook 450 G10", "5CD3481ŽQ7",
            "Skapis Nr. 3, 214. kabinets", "Pieejams", "—", "—"] in seen
    assert sorted(row[0] for row in seen) == ["INV-770", "INV-771", "RAVĢ-2024-017"]
    h = _handovers(store)[ids[0]]
    assert (h.status, h.item_id, h.pickup_place) == (HandoverStatus.PREPARED, probook, PLACE)
    with store.read() as s:
        assert s.get(Item, probook).status is ItemStatus.RESERVED
        assert {s.get(Item, i).status for i in items} == {ItemStatus.AVAILABLE}


def test_change_the_deadline_of_two_and_say_which_had_none(qtbot, desk) -> None:
    store, ids, _items, inbox, lifecycle, _changes, warnings = desk
    _select(inbox, ids[:2])
    with qtbot.waitSignal(lifecycle.finished, timeout=10000):
        lifecycle.prepare_action.trigger()
    _select(inbox, [ids[0], ids[1], ids[3]])  # the fourth has no handover yet
    with qtbot.waitSignal(lifecycle.finished, timeout=10000) as said:
        lifecycle.deadline_action.trigger()
    assert said.args == ["Atgriešanas termiņš mainīts 2 pieteikumiem"]
    dialog = FilledDeadline.shown[-1]
    assert dialog.heading.text() == "Atlasīti 2 pieteikumi"
    assert dialog.current_label.text() == \
        f"Pašreizējais termiņš: 31.05.{TODAY.year + 1}"  # both share it
    handovers = _handovers(store)
    assert {handovers[i].return_deadline for i in ids[:2]} == {date(TODAY.year + 1, 6, 14)}
    assert sorted(c for c in _commands(store) if c[0] == "set_return_deadline") == [
        ("set_return_deadline", ids[0]), ("set_return_deadline", ids[1])]
    qtbot.waitUntil(lambda: len(warnings) == 1, timeout=5000)
    assert "Izdevās: 2. Neizdevās: 1." in warnings[0]
    assert f"P-2026-{ids[3]:06d} · Ļena Vītola: pieteikumam nav aktīvas izsniegšanas" \
        in warnings[0]


def test_sign_on_paper_then_a_theft_with_its_report_then_close(qtbot, desk) -> None:
    store, ids, items, inbox, lifecycle, changes, warnings = desk
    _select(inbox, [ids[0]])
    with qtbot.waitSignal(lifecycle.finished, timeout=10000):
        lifecycle.prepare_action.trigger()
    h = _handovers(store)[ids[0]]
    label = f"P-2026-{ids[0]:06d} · Jānis Bērziņš"

    with sql_on_the_gui_thread(store) as on_gui, \
            qtbot.waitSignal(lifecycle.finished, timeout=10000) as said:
        lifecycle.sign_on_paper(h.id, label, h.act_number or "")
    assert on_gui == []
    assert said.args == [f"Izsniegts ar aktu uz papīra: {label}"]
    signed = _handovers(store)[ids[0]]
    assert signed.status is HandoverStatus.ISSUED and signed.issued_on_paper
    with store.read() as s:
        kinds = sorted(d.doc_type.value for d in s.scalars(
            select(Document).where(Document.handover_id == h.id)))
    assert kinds == [DocumentType.PNA.value, DocumentType.PNA_SIGNED.value]

    published: list[Any] = []
    changes.changed.connect(lambda c, source: published.append((c, source)))
    with qtbot.waitSignal(lifecycle.finished, timeout=10000) as said:
        lifecycle.record_incident(h.id, label)
    assert said.args == [f"Reģistrēta zādzība: {label}"]
    stolen = _handovers(store)[ids[0]]
    assert stolen.status is HandoverStatus.STOLEN
    assert stolen.incident_description == DESCRIPTION
    assert stolen.incident_occurred_on == TODAY
    with store.read() as s:
        report = s.scalars(select(Document).where(
            Document.doc_type == DocumentType.INCIDENT_ATTACHMENT)).one()
        assert report.title == "izziņa-policijai.pdf"
        assert (store.data_dir / report.file_path).read_bytes() == PDF
        assert s.get(Item, items[0]).status is ItemStatus.STOLEN
    assert published[-1][1] is lifecycle and h.id in published[-1][0].handovers

    with qtbot.waitSignal(lifecycle.finished, timeout=10000) as said:
        lifecycle.close_case(h.id, label)
    assert said.args == [f"Lieta slēgta: {label}"]
    assert _handovers(store)[ids[0]].closed_at is not None
    assert [c for c, _app in _commands(store)] == [
        "prepare_handover", "sign_handover", "record_incident", "close_case"]
    assert warnings == []


def test_a_refused_deadline_change_from_another_view_says_why(qtbot, desk) -> None:
    store, ids, _items, inbox, lifecycle, _changes, warnings = desk
    _select(inbox, [ids[0]])
    with qtbot.waitSignal(lifecycle.finished, timeout=10000):
        lifecycle.prepare_action.trigger()
    h = _handovers(store)[ids[0]]
    with qtbot.waitSignal(lifecycle.finished, timeout=10000):
        lifecycle.close_case(h.id, "P-2026 · Jānis Bērziņš")  # not lost: refused
        lifecycle.change_deadline([h.id], h.return_deadline, "Jānis Bērziņš, 7.b")
    assert FilledDeadline.shown[-1].heading.text() == "Jānis Bērziņš, 7.b"
    qtbot.waitUntil(lambda: len(warnings) == 1, timeout=5000)
    assert _handovers(store)[ids[0]].closed_at is None
    assert _handovers(store)[ids[0]].return_deadline == date(TODAY.year + 1, 6, 14)


def test_active_handovers_are_read_for_the_selection_only(school) -> None:
    store, ids, _items = school
    assert active_handovers(store, DESK, ids) == []
    assert active_handovers(store, DESK, [987_654]) == []


class FakeDetail(QObject):
    """What the detail page offers the lifecycle: four requests, its label, its handovers."""

    signOnPaperRequested = Signal(str)
    deadlineRequested = Signal(str)
    incidentRequested = Signal(str)
    closeCaseRequested = Signal(str)

    def __init__(self, label: str, handovers: dict[str, Any]) -> None:
        super().__init__()
        self.case_label = label
        self._handovers = handovers

    def handover(self, handover_id: str) -> Any:
        return self._handovers.get(handover_id)


def test_the_detail_pages_requests_run_with_what_it_shows(qtbot, desk) -> None:
    store, ids, _items, inbox, lifecycle, _changes, warnings = desk
    _select(inbox, [ids[1]])
    with qtbot.waitSignal(lifecycle.finished, timeout=10000):
        lifecycle.prepare_action.trigger()
    h = _handovers(store)[ids[1]]
    label = f"P-2026-{ids[1]:06d} · Ērika Ķuze"
    view = FakeDetail(label, {h.id: SimpleNamespace(act_number=h.act_number,
                                                    return_deadline=h.return_deadline)})
    lifecycle.connect_detail(view)
    with qtbot.waitSignal(lifecycle.finished, timeout=10000) as said:
        view.deadlineRequested.emit(h.id)
    assert said.args == ["Atgriešanas termiņš mainīts 1 pieteikumam"]
    dialog = FilledDeadline.shown[-1]
    assert dialog.heading.text() == label
    assert dialog.current_label.text() == f"Pašreizējais termiņš: 31.05.{TODAY.year + 1}"
    assert _handovers(store)[ids[1]].return_deadline == date(TODAY.year + 1, 6, 14)
    assert warnings == []
