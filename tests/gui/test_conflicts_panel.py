"""The conflicts panel: its model, its texts, and real conflicts resolved both ways against the
reference server."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from desktop.models import decisions
from desktop.models.codes import ApplicationStatus, CommandState, HandoverStatus
from desktop.models.schema import OutboxCommand
from desktop.models.workflow import ApplicationAction, TransitionError
from desktop.tasks import TaskRunner
from desktop.views.conflicts_panel import (
    COLUMNS,
    CommandIdRole,
    ConflictsModel,
    ConflictsPanel,
    command_label,
    http_reason,
)
from faultproxy import FaultProxy
from sync import conflicts
from sync.client import OfflineError
from sync.conflicts import ConflictView
from sync.devserver.server import DevServer

# synctools lives beside the sync tests, whose conftest (and path) is not loaded from here
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from synctools import (
    ADMIN,
    SCHOOL,
    Side,
    assert_converged,
    make_side,
    open_application_ids,
    server_state,
)

REASON = "Nav pieejamu ierīču; mēģiniet pēc ziemas brīvlaika"
DECIDED = datetime(2026, 11, 12, 8, 15, tzinfo=UTC)


def _conflict(**changes: object) -> ConflictView:
    values: dict[str, object] = dict(
        command_id="c-1", application_id=17, aggregate_type="application", aggregate_id="17",
        command="refuse", payload={"reason": REASON}, decided_by="ilze.reviewer",
        decided_at=DECIDED, http_status=412, title="Precondition Failed",
        detail="the application is at version 3, the command was based on version 2",
        local_status="declined", server_status=ApplicationStatus.WITHDRAWN,
        server_handover_statuses=[], server_version=3, waiting_behind=0)
    values.update(changes)
    return ConflictView(**values)  # type: ignore[arg-type]


HAND_MADE = [
    _conflict(),
    _conflict(command_id="c-2", application_id=18, aggregate_id="18", command="prepare_handover",
              payload={"handover_id": "h-1", "item_id": "i-1", "act_number": "P-2026-000018-A1",
                       "return_deadline": "2027-06-30"},
              http_status=409, title="Conflict", detail=None, local_status="confirmed",
              server_status=ApplicationStatus.CONFIRMED,
              server_handover_statuses=[HandoverStatus.CANCELLED], waiting_behind=2),
    _conflict(command_id="c-3", application_id=None, aggregate_type="item",
              aggregate_id="3f2c9a4e-0000-4000-8000-000000000001", command="set_item_status",
              payload={"item_id": "3f2c9a4e", "action": "send_to_maintenance",
                       "status": "maintenance", "reason": "Tastatūra"},
              http_status=412, local_status=None, server_status=None, server_version=None),
]


def _cell(model: ConflictsModel, row: int, key: str) -> str:
    return model.index(row, [c[0] for c in COLUMNS].index(key)).data()


# -- the model -------------------------------------------------------------------------------
def test_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = ConflictsModel()
    model.set_conflicts(HAND_MADE)
    qtmodeltester.check(model, force_py=True)
    model.set_conflicts([])
    qtmodeltester.check(model, force_py=True)


def test_model_texts_are_latvian() -> None:
    model = ConflictsModel()
    model.set_conflicts(HAND_MADE)
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(len(COLUMNS))]
    assert headers == ["Pieteikums", "Jūsu lēmums", "Lēmuma pieņēmējs", "Stāvoklis centrālajā servisā", "Iemesls",
                       "Gaida aiz šī"]
    assert _cell(model, 0, "record") == "ID 17"
    assert _cell(model, 0, "decision") == "Atteikt"
    assert _cell(model, 0, "decided").startswith("ilze.reviewer · ")
    assert _cell(model, 0, "server") == "Atsaukts"
    assert _cell(model, 0, "reason") == "Pieteikums centrālajā servisā mainījies"
    assert _cell(model, 1, "decision") == "Sagatavot izsniegšanai"
    assert _cell(model, 1, "server") == "Piešķirts · izsniegšana: Atcelts"
    assert _cell(model, 1, "reason") == "Darbība vairs nav atļauta"
    assert _cell(model, 1, "waiting") == "2"
    assert _cell(model, 2, "record") == "Resurss 3f2c9a4e"
    assert _cell(model, 2, "decision") == "Mainīt resursa statusu"
    assert model.index(2, 0).data(CommandIdRole) == "c-3"
    assert model.row_of("c-2") == 1 and model.row_of("nav") == -1


def test_every_command_and_status_has_words() -> None:
    for name, label in [("grant", "Piešķirt"), ("defer", "Atlikt"),
                        ("cancel_handover", "Atcelt izsniegšanu"),
                        ("record_return", "Pieņemt atpakaļ"),
                        ("acknowledge_incident", "Apstiprināt ziņojumu"),
                        ("upsert_item", "Labot resursu"),
                        ("set_accepting_applications", "Pieteikšanās atvēršana/slēgšana")]:
        assert command_label(name) == label
    assert http_reason(422) == "Nederīgi dati"
    assert http_reason(404) == "Ieraksts dzēsts"
    assert http_reason(403) == "Nav tiesību"
    assert http_reason(500) == "Centrālais serviss noraidīja (500)"


# -- the panel with plain callables ------------------------------------------------------------
@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


def _panel(qtbot, tasks: TaskRunner, **callables) -> ConflictsPanel:
    panel = ConflictsPanel(tasks, **callables)
    # a minimum of its own keeps the offscreen platform from warning about the window size
    panel.setMinimumSize(300, 300)
    panel.resize(1100, 600)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def _reload(qtbot, panel: ConflictsPanel) -> int:
    with qtbot.waitSignal(panel.loaded, timeout=5000) as blocker:
        panel.reload()
    return blocker.args[0]


def test_empty_state(qtbot, tasks) -> None:
    panel = _panel(qtbot, tasks, load=list, reapply=print, discard=print)
    with qtbot.waitSignal(panel.countChanged, timeout=5000) as blocker:
        panel.reload()
    assert blocker.args == [0]
    assert panel.stack.currentWidget() is panel.empty
    assert panel.empty.text() == "Konfliktu nav"
    assert not panel.reapply_button.isEnabled() and not panel.discard_button.isEnabled()


def test_detail_side_by_side_and_declined_confirmation(qtbot, tasks) -> None:
    discarded: list[str] = []
    panel = _panel(qtbot, tasks, load=lambda: list(HAND_MADE), reapply=print,
                   discard=discarded.append, confirm=lambda *_: False)
    assert _reload(qtbot, panel) == 3
    assert panel.current_command_id() == "c-1"
    assert panel.decision_box.title() == "Jūsu lēmums"
    assert panel.server_box.title() == "Centrālajā servisā"
    assert panel.decision_box.values["Darbība"].text() == "Atteikt"
    assert panel.decision_box.values["Pamatojums"].text() == REASON
    assert panel.server_box.values["Statuss"].text() == "Atsaukts"
    assert "mainījies" in panel.server_box.values["Noraidījuma iemesls"].text()
    assert not panel.waiting_note.isVisible()

    assert panel.select_command("c-2")
    assert panel.decision_box.values["Atgriešanas termiņš"].text() == "30.06.2027"
    assert panel.server_box.values["Izsniegšana"].text() == "Atcelts"
    assert panel.waiting_note.isVisible() and "2" in panel.waiting_note.text()

    panel.discard_button.click()  # the question is answered "no": nothing runs
    assert tasks.pending == 0 and discarded == []
    assert panel.current_command_id() == "c-2"


def test_an_unexpected_failure_is_a_message_not_a_traceback(qtbot, tasks) -> None:
    def broken(_command_id: str) -> None:
        raise RuntimeError("database is locked")

    panel = _panel(qtbot, tasks, load=lambda: list(HAND_MADE), reapply=broken, discard=broken)
    _reload(qtbot, panel)
    with qtbot.waitSignal(panel.failed, timeout=5000) as blocker:
        panel.reapply_button.click()
    assert blocker.args[0] == "Neizdevās atrisināt konfliktu (RuntimeError). Mēģiniet vēlreiz."
    assert panel.message.isVisible()
    assert "database is locked" not in panel.message.text()


# -- real conflicts against the reference server ---------------------------------------------
@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[DevServer, FaultProxy, Side]]:
    with DevServer(seed=40) as server:
        proxy = FaultProxy(int(server.url.rsplit(":", 1)[1]))
        side = make_side(tmp_path / "client", proxy.url)
        try:
            side.engine.sync_once()
            yield server, proxy, side
        finally:
            side.close()
            proxy.close()


def _refuse_offline(proxy: FaultProxy, side: Side, app_id: int) -> None:
    proxy.offline = True
    decisions.refuse(side.store, ADMIN, app_id, REASON)
    with pytest.raises(OfflineError):
        side.engine.sync_once()


def _real_panel(qtbot, tasks: TaskRunner, side: Side) -> ConflictsPanel:
    return _panel(qtbot, tasks,
                  load=partial(conflicts.list_conflicts, side.store, SCHOOL),
                  reapply=partial(conflicts.reapply, side.store, ADMIN),
                  discard=partial(conflicts.discard, side.store, ADMIN))


def _pending(side: Side) -> list[OutboxCommand]:
    with side.store.read() as s:
        return list(s.scalars(select(OutboxCommand).where(
            OutboxCommand.state == CommandState.PENDING.value)))


def test_withdrawn_meanwhile_reapply_refused_then_discarded(qtbot, tasks, world,
                                                            monkeypatch) -> None:
    server, proxy, side = world
    app_id = open_application_ids(side.store)[0]
    _refuse_offline(proxy, side, app_id)
    server.applicant_withdraw(app_id, "bought_himself")
    proxy.offline = False
    assert side.engine.sync_once().conflicts == 1

    panel = _real_panel(qtbot, tasks, side)
    with qtbot.waitSignal(panel.countChanged, timeout=5000) as counted:
        panel.reload()
    assert counted.args == [1]
    model = panel.model
    assert model.rowCount() == 1
    assert _cell(model, 0, "decision") == "Atteikt"
    assert _cell(model, 0, "server") == "Atsaukts"
    assert panel.server_box.values["Statuss"].text() == "Atsaukts"
    assert panel.decision_box.values["Pamatojums"].text() == REASON
    command_id = panel.current_command_id()
    assert command_id is not None

    # a withdrawn application cannot be refused: the core's Latvian reason, nothing changed
    expected = TransitionError("application", ApplicationStatus.WITHDRAWN,
                               ApplicationAction.REFUSE).message_lv
    with qtbot.waitSignal(panel.failed, timeout=5000) as failed:
        qtbot.mouseClick(panel.reapply_button, Qt.MouseButton.LeftButton)
    assert expected in failed.args[0]
    assert panel.message.isVisible() and expected in panel.message.text()
    assert "Traceback" not in panel.message.text()
    qtbot.waitUntil(lambda: tasks.pending == 0 and panel.reapply_button.isEnabled())
    assert model.rowCount() == 1
    assert len(conflicts.list_conflicts(side.store, SCHOOL)) == 1

    asked: list[str] = []
    monkeypatch.setattr(panel, "confirm", lambda _parent, title, text, accept: (
        asked.append(text) or True))
    counts: list[int] = []
    panel.countChanged.connect(counts.append)
    with qtbot.waitSignal(panel.resolved, timeout=5000) as done:
        qtbot.mouseClick(panel.discard_button, Qt.MouseButton.LeftButton)
    assert done.args == [command_id]
    qtbot.waitUntil(lambda: counts == [0])
    assert len(asked) == 1 and "Atsaukts" in asked[0]
    assert model.rowCount() == 0
    assert panel.stack.currentWidget() is panel.empty
    assert panel.empty.text() == "Konfliktu nav"
    assert "atmests" in panel.message.text()
    assert conflicts.list_conflicts(side.store, SCHOOL) == []

    side.engine.sync_once()
    assert server_state(server.url)[("application", str(app_id))]["status"] == "withdrawn"
    assert_converged(side, server.url)


def test_contact_edited_meanwhile_reapply_succeeds(qtbot, tasks, world) -> None:
    server, proxy, side = world
    app_id = open_application_ids(side.store)[0]
    _refuse_offline(proxy, side, app_id)
    server.applicant_contact(app_id, phone="+37129999999")
    proxy.offline = False
    assert side.engine.sync_once().conflicts == 1
    assert _pending(side) == []

    panel = _real_panel(qtbot, tasks, side)
    assert _reload(qtbot, panel) == 1
    assert _cell(panel.model, 0, "reason") == "Pieteikums centrālajā servisā mainījies"
    assert _cell(panel.model, 0, "server") == "Iesniegts"
    command_id = panel.current_command_id()

    counts: list[int] = []
    panel.countChanged.connect(counts.append)
    with qtbot.waitSignal(panel.resolved, timeout=5000) as done:
        qtbot.mouseClick(panel.reapply_button, Qt.MouseButton.LeftButton)
    assert done.args == [command_id]
    qtbot.waitUntil(lambda: counts == [0])
    assert panel.model.rowCount() == 0
    assert "piemērots vēlreiz" in panel.message.text()
    [again] = _pending(side)
    assert again.command == "refuse" and again.command_id != command_id

    side.engine.sync_once()
    state = server_state(server.url)[("application", str(app_id))]
    assert state["status"] == "declined"
    assert state["contact"]["phone"] == "+37129999999"
    assert_converged(side, server.url)


def test_message_label_is_plain_text(qtbot, tasks) -> None:
    markup = _conflict(payload={"reason": "<b>treknrakstā</b>"})
    panel = _panel(qtbot, tasks, load=lambda: [markup], reapply=print, discard=print)
    _reload(qtbot, panel)
    shown = panel.decision_box.values["Pamatojums"]
    assert isinstance(shown, QLabel)
    assert shown.textFormat() == Qt.TextFormat.PlainText
    assert shown.text() == "<b>treknrakstā</b>"


def test_a_resolution_is_published_and_a_change_elsewhere_reloads_the_list(qtbot, tasks) -> None:
    from types import SimpleNamespace

    from desktop.changes import ChangeBus
    from desktop.models.changes import OpChanges

    bus = ChangeBus()
    shown = [[_conflict(), _conflict(command_id="c-2", application_id=18, aggregate_id="18")]]
    reapplied = OpChanges.of(applications=[17], outbox=True)
    panel = _panel(qtbot, tasks, load=lambda: list(shown[0]),
                   reapply=lambda _cid: SimpleNamespace(changes=reapplied),
                   discard=lambda _cid: ["c-2"],  # (a discard that does not say what changed)
                   changes=bus)
    panel.confirm = lambda *_args: True
    assert _reload(qtbot, panel) == 2
    heard: list[tuple[OpChanges, object]] = []
    bus.changed.connect(lambda changes, source: heard.append((changes, source)))

    shown[0] = shown[0][1:]
    panel.select_command("c-1")
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.reapply_current()
    assert heard == [(reapplied, panel)]
    shown[0] = []
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.discard_current()
    assert heard[1] == (OpChanges(everything=True), panel)

    # a sync that pushed (a change from elsewhere) makes the panel read the list again
    shown[0] = [_conflict(command_id="c-3")]
    with qtbot.waitSignal(panel.loaded, timeout=5000) as loaded:
        bus.publish(OpChanges(outbox=True), object())
    assert loaded.args == [1]
