"""The conflicts panel with catalogue conflicts: the central service's record shown beside
the local change (a kind: to whom it is lent, applications open or closed, version; a device:
status, place, version), and a real kind conflict resolved both ways against the reference
server."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.models import catalogue
from desktop.models.codes import CommandState, TargetGroup
from desktop.models.schema import OfferedKind, OutboxCommand
from desktop.tasks import TaskRunner
from desktop.views.conflicts_panel import (
    COLUMNS,
    ConflictsModel,
    ConflictsPanel,
    command_label,
    server_rows,
    server_state_label,
)
from faultproxy import FaultProxy
from sync import conflicts
from sync.conflicts import ConflictView
from sync.devserver.server import DevServer
from sync.protocol import OfferedKindPatch, OfferedKindWire, etag

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from synctools import ADMIN, SCHOOL, Side, make_side

DECIDED = datetime(2026, 11, 27, 9, 40, tzinfo=UTC)
KIND_ID = "7a1c3e52-0000-4000-8000-00000000a001"
ITEM_ID = "3f2c9a4e-0000-4000-8000-000000000001"


def _kind_conflict(**changes: object) -> ConflictView:
    values: dict[str, object] = dict(
        command_id="k-1", application_id=None, aggregate_type="offered_kind",
        aggregate_id=KIND_ID, command="set_target_group",
        payload={"offered_kind_id": KIND_ID, "kind_code": "windows_laptop",
                 "target_group": "employee"},
        decided_by="jānis.bērziņš", decided_at=DECIDED, http_status=412,
        title="Precondition Failed", detail="the offered kind is at version 4",
        local_status=None, server_status=None, server_handover_statuses=[],
        server_version=None, waiting_behind=0,
        server_record={"id": KIND_ID, "version": 4, "institution_id": SCHOOL,
                       "kind_code": "windows_laptop", "target_group": "learner",
                       "accepting_applications": False, "documents": []},
        record_name="Portatīvais dators (Windows)")
    values.update(changes)
    return ConflictView(**values)  # type: ignore[arg-type]


def _item_conflict() -> ConflictView:
    return ConflictView(
        command_id="i-1", application_id=None, aggregate_type="item", aggregate_id=ITEM_ID,
        command="upsert_item",
        payload={"item_id": ITEM_ID, "inventory_no": "RĀVĢ-0042", "manufacturer": "Lenovo",
                 "model": "ThinkPad E14", "location": "Ķīmijas kabinets 114"},
        decided_by="jānis.bērziņš", decided_at=DECIDED, http_status=412,
        title="Precondition Failed", detail=None, local_status=None, server_status=None,
        server_handover_statuses=[], server_version=None, waiting_behind=0,
        server_record={"id": ITEM_ID, "version": 7, "inventory_no": "RĀVĢ-0042",
                       "manufacturer": "Lenovo", "model": "ThinkPad E14",
                       "status": "maintenance", "location": "Dienesta telpa 2. stāvā"},
        record_name="RĀVĢ-0042")


def _cell(model: ConflictsModel, row: int, key: str) -> str:
    return model.index(row, [c[0] for c in COLUMNS].index(key)).data()


def test_model_with_catalogue_conflicts_passes_qtmodeltester(qtmodeltester) -> None:
    model = ConflictsModel()
    model.set_conflicts([_kind_conflict(), _item_conflict()])
    qtmodeltester.check(model, force_py=True)


def test_the_central_record_is_shown_for_a_kind_and_a_device() -> None:
    assert command_label("set_target_group") == "Mainīt, kam izsniedz"
    model = ConflictsModel()
    model.set_conflicts([_kind_conflict(), _item_conflict()])
    assert _cell(model, 0, "record") == "Resursa veids: Portatīvais dators (Windows)"
    assert _cell(model, 0, "decision") == "Mainīt, kam izsniedz"
    assert _cell(model, 0, "server") == "Kam izsniedz: Izglītojamajiem · pieteikšanās slēgta"
    assert _cell(model, 0, "reason") == "Ieraksts centrālajā servisā mainījies"
    assert _cell(model, 1, "record") == "Resurss RĀVĢ-0042"
    assert _cell(model, 1, "server") == "Apkopē"
    assert dict(server_rows(_kind_conflict()))["Kam izsniedz"] == "Izglītojamajiem"
    assert dict(server_rows(_kind_conflict()))["Pieteikšanās"] == "slēgta"
    assert dict(server_rows(_kind_conflict()))["Versija"] == "4"
    item = dict(server_rows(_item_conflict()))
    assert item["Statuss"] == "Apkopē"
    assert item["Atrašanās vieta"] == "Dienesta telpa 2. stāvā"
    assert item["Versija"] == "7"
    assert "Nav zināms" not in " ".join(v for _, v in server_rows(_kind_conflict()))
    # without the central record (an older conflict) the panel says it is not known
    unknown = _kind_conflict(server_record=None)
    assert server_state_label(unknown) == "Nav zināms"


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


def _panel(qtbot, tasks: TaskRunner, **callables) -> ConflictsPanel:
    panel = ConflictsPanel(tasks, **callables)
    panel.setMinimumSize(300, 300)
    panel.resize(1100, 640)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def _reload(qtbot, panel: ConflictsPanel) -> int:
    with qtbot.waitSignal(panel.loaded, timeout=5000) as blocker:
        panel.reload()
    return blocker.args[0]


def test_the_detail_shows_both_versions_of_a_kind(qtbot, tasks) -> None:
    panel = _panel(qtbot, tasks, load=lambda: [_kind_conflict(), _item_conflict()],
                   reapply=print, discard=print)
    assert _reload(qtbot, panel) == 2
    mine, theirs = panel.decision_box.values, panel.server_box.values
    assert mine["Darbība"].text() == "Mainīt, kam izsniedz"
    assert mine["Resursa veids"].text() == "Portatīvais dators (Windows)"
    assert mine["Kam izsniedz"].text() == "Darbiniekiem"  # the target group's, not a role's
    assert theirs["Kam izsniedz"].text() == "Izglītojamajiem"
    assert theirs["Pieteikšanās"].text() == "slēgta"
    assert theirs["Versija"].text() == "4"
    assert "Servisa ziņojums" not in theirs  # the English version note adds nothing here
    assert panel.select_command("i-1")
    assert panel.server_box.values["Statuss"].text() == "Apkopē"
    assert panel.server_box.values["Atrašanās vieta"].text() == "Dienesta telpa 2. stāvā"


# -- a real kind conflict against the reference server -----------------------------------------
@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[DevServer, Side]]:
    with DevServer(seed=40) as server:
        proxy = FaultProxy(int(server.url.rsplit(":", 1)[1]))
        side = make_side(tmp_path / "client", proxy.url)
        try:
            side.engine.sync_once()
            yield server, side
        finally:
            side.close()
            proxy.close()


def _conflict_on_a_kind(server: DevServer, side: Side) -> tuple[OfferedKind, TargetGroup]:
    with side.store.read() as s:
        kind = s.scalars(select(OfferedKind).where(OfferedKind.institution_id == SCHOOL)
                         .order_by(OfferedKind.kind_code)).first()
    wanted = next(g for g in TargetGroup if g is not kind.target_group)
    catalogue.set_target_group(side.store, ADMIN, kind.id, wanted)
    [before] = [o for o in server.state.offered_kinds(SCHOOL) if o.id == kind.id]
    server.state.patch_offered_kind(
        None, SCHOOL, kind.id,
        OfferedKindPatch(accepting_applications=not before.accepting_applications),
        if_match=etag(before.version))
    assert side.engine.sync_once().conflicts == 1
    return kind, wanted


def _real_panel(qtbot, tasks: TaskRunner, side: Side) -> ConflictsPanel:
    return _panel(qtbot, tasks, load=partial(conflicts.list_conflicts, side.store, SCHOOL),
                  reapply=partial(conflicts.reapply, side.store, ADMIN),
                  discard=partial(conflicts.discard, side.store, ADMIN),
                  confirm=lambda *_: True)


def _central(server: DevServer, kind_id: str) -> OfferedKindWire:
    [found] = [o for o in server.state.offered_kinds(SCHOOL) if o.id == kind_id]
    return found


def test_a_kind_conflict_discarded_from_the_panel(qtbot, tasks, world) -> None:
    server, side = world
    kind, wanted = _conflict_on_a_kind(server, side)
    central = _central(server, kind.id)
    panel = _real_panel(qtbot, tasks, side)
    assert _reload(qtbot, panel) == 1
    assert panel.decision_box.values["Kam izsniedz"].text() == wanted.label_lv
    assert panel.server_box.values["Kam izsniedz"].text() == kind.target_group.label_lv
    assert panel.server_box.values["Pieteikšanās"].text() == (
        "atvērta" if central.accepting_applications else "slēgta")
    assert panel.server_box.values["Versija"].text() == str(central.version)
    with qtbot.waitSignal(panel.resolved, timeout=5000):
        qtbot.mouseClick(panel.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    with side.store.read() as s:
        held = s.get(OfferedKind, kind.id)
        assert (held.target_group, held.accepting_applications, held.server_version) == (
            central.target_group, central.accepting_applications, central.version)


def test_a_kind_conflict_reapplied_from_the_panel(qtbot, tasks, world) -> None:
    server, side = world
    kind, wanted = _conflict_on_a_kind(server, side)
    central = _central(server, kind.id)
    panel = _real_panel(qtbot, tasks, side)
    assert _reload(qtbot, panel) == 1
    with qtbot.waitSignal(panel.resolved, timeout=5000):
        qtbot.mouseClick(panel.reapply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert "piemērots vēlreiz" in panel.message.text()
    assert side.engine.sync_once().conflicts == 0
    after = _central(server, kind.id)
    assert after.target_group is wanted and after.version == central.version + 1
    with side.store.read() as s:
        assert s.scalars(select(OutboxCommand).where(OutboxCommand.state.in_(
            [CommandState.PENDING.value, CommandState.CONFLICT.value]))).all() == []


def test_the_waiting_note_says_reapply_runs_the_waiting_changes_again(qtbot, tasks) -> None:
    asked: list[str] = []
    reapplied: list[str] = []
    panel = _panel(qtbot, tasks, load=lambda: [_kind_conflict(waiting_behind=1)],
                   reapply=reapplied.append, discard=print,
                   confirm=lambda _p, _title, text, _accept: asked.append(text) or True)
    _reload(qtbot, panel)
    assert panel.waiting_note.isVisible()
    assert "gaida vēl 1 darbība" in panel.waiting_note.text()
    assert "arī tā tiks veikta vēlreiz" in panel.waiting_note.text()
    with qtbot.waitSignal(panel.resolved, timeout=5000):
        panel.reapply_button.click()
    assert reapplied == ["k-1"]
    assert len(asked) == 1 and "un 1 vēlāka darbība ar šo ierakstu" in asked[0]
    assert "tiks veikti vēlreiz" in asked[0]
