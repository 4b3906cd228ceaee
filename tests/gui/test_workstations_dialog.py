"""Issue 15: the administrator's "Darbstacijas" dialog: the list, revoking a lost laptop after
a confirmation, this computer and a revoked one not revocable, failures shown in the dialog.
The list and the revocation run off the GUI thread, as in the app."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QTableView

from desktop.tasks import TaskRunner
from desktop.views.workstations_dialog import WorkstationsDialog, WorkstationsModel
from desktop.workstations import Row, rows_of
from sync.client import ForbiddenError, OfflineError
from sync.protocol import WorkstationWire

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

THIS = "0b7c5d52-3c41-4b8e-9a39-6f1f5a3c9d01"
LOST = "5e1f8a77-2d0b-4c6a-8f45-0d9e3b7a1c22"
OLD = "9a2d4c11-7e3f-4a58-b6c0-1f2e3d4c5b66"


def _rows() -> list[Row]:
    return [
        Row(THIS, "Kanceleja-1", "ņina.ozola", datetime(2026, 3, 2, 8, 30, tzinfo=UTC),
            this=True),
        Row(LOST, "Bibliotēkas klēpjdators", "ģirts.liepa",
            datetime(2026, 2, 27, 14, 5, tzinfo=UTC)),
        Row(OLD, "Ķīmijas kabinets", "ilze.kalniņa", datetime(2026, 1, 12, 9, 0, tzinfo=UTC),
            revoked_at=datetime(2026, 1, 20, 10, 0, tzinfo=UTC)),
    ]


class FakeCentral:
    """The two callables the dialog takes, over a list in memory; records the thread used."""

    def __init__(self) -> None:
        self.rows = _rows()
        self.threads: set[int] = set()
        self.revoked: list[str] = []
        self.fail: Exception | None = None

    def load(self) -> list[Row]:
        self.threads.add(threading.get_ident())
        if self.fail is not None:
            raise self.fail
        return list(self.rows)

    def revoke(self, workstation_id: str) -> None:
        self.threads.add(threading.get_ident())
        if self.fail is not None:
            raise self.fail
        self.revoked.append(workstation_id)
        self.rows = [Row(r.id, r.name, r.last_user, r.last_seen,
                         datetime(2026, 3, 3, 9, 0, tzinfo=UTC), r.this)
                     if r.id == workstation_id else r for r in self.rows]


@pytest.fixture
def tasks():
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def _open(qtbot, tasks: TaskRunner, central: FakeCentral, **kwargs) -> WorkstationsDialog:
    dialog = WorkstationsDialog(tasks, central.load, central.revoke, **kwargs)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.shown_rows, timeout=3000):
        dialog.show()
    return dialog


def _choose(dialog: WorkstationsDialog, workstation_id: str) -> None:
    row = next(n for n in range(dialog.model.rowCount())
               if getattr(dialog.model.row_at(n), "id", None) == workstation_id)
    dialog.table.setCurrentIndex(dialog.model.index(row, 0))


def _texts(dialog: WorkstationsDialog) -> list[list[str]]:
    model = dialog.model
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_the_list_shows_name_user_last_sync_and_status(qtbot, tasks) -> None:
    central = FakeCentral()
    dialog = _open(qtbot, tasks, central)
    assert dialog.windowTitle() == "Darbstacijas"
    headers = [dialog.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(dialog.model.columnCount())]
    assert headers == ["Nosaukums", "Lietotājs", "Pēdējā sinhronizācija", "Statuss"]
    texts = _texts(dialog)
    assert texts[0][0] == "Kanceleja-1 (šī)"
    assert texts[1][:2] == ["Bibliotēkas klēpjdators", "ģirts.liepa"]
    assert texts[1][3] == "Aktīva"
    assert texts[2][3] == "Atsaukta 20.01.2026"
    assert texts[0][2].startswith("02.03.2026")
    assert threading.get_ident() not in central.threads  # never on the GUI thread


def test_revoking_asks_first_and_then_shows_the_new_status(qtbot, tasks) -> None:
    central = FakeCentral()
    asked: list[Row] = []

    def confirm(row: Row) -> bool:
        asked.append(row)
        return True

    dialog = _open(qtbot, tasks, central, confirm=confirm)
    _choose(dialog, LOST)
    assert dialog.revoke_button.isEnabled()
    with qtbot.waitSignal(dialog.shown_rows, timeout=3000):
        dialog.revoke_button.click()
    assert [r.id for r in asked] == [LOST]
    assert central.revoked == [LOST]
    chosen = dialog.chosen()
    assert chosen is not None and chosen.id == LOST  # the row stays chosen, now revoked
    assert _texts(dialog)[1][3] == "Atsaukta 03.03.2026"
    assert not dialog.revoke_button.isEnabled()
    assert threading.get_ident() not in central.threads


def test_saying_no_revokes_nothing(qtbot, tasks) -> None:
    central = FakeCentral()
    dialog = _open(qtbot, tasks, central, confirm=lambda row: False)
    _choose(dialog, LOST)
    dialog.revoke_button.click()
    tasks.wait()
    assert central.revoked == []


def test_this_workstation_and_a_revoked_one_cannot_be_revoked(qtbot, tasks) -> None:
    dialog = _open(qtbot, tasks, FakeCentral(), confirm=lambda row: True)
    _choose(dialog, THIS)
    assert not dialog.revoke_button.isEnabled()
    assert "pašas" in dialog.revoke_button.toolTip()
    _choose(dialog, OLD)
    assert not dialog.revoke_button.isEnabled()
    assert "jau ir atsaukta" in dialog.revoke_button.toolTip()


@pytest.mark.parametrize("failure", [OfflineError("nav tīkla"), ForbiddenError("tikai admins")])
def test_a_failure_is_shown_in_the_dialog(qtbot, tasks, failure) -> None:
    central = FakeCentral()
    central.fail = failure
    dialog = WorkstationsDialog(tasks, central.load, central.revoke)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.error.isVisible, timeout=3000)
    assert dialog.error.text() == failure.message_lv
    assert not dialog.revoke_button.isEnabled()
    assert dialog.reload_button.isEnabled()

    central.fail = None
    with qtbot.waitSignal(dialog.shown_rows, timeout=3000):
        dialog.reload_button.click()
    assert not dialog.error.isVisible()
    assert dialog.model.rowCount() == 3


def test_a_failed_revocation_is_shown_and_nothing_changes(qtbot, tasks) -> None:
    central = FakeCentral()
    dialog = _open(qtbot, tasks, central, confirm=lambda row: True)
    _choose(dialog, LOST)
    central.fail = OfflineError("nav tīkla")
    dialog.revoke_button.click()
    qtbot.waitUntil(dialog.error.isVisible, timeout=3000)
    assert dialog.error.text() == OfflineError.message_lv
    assert _texts(dialog)[1][3] == "Aktīva"


def test_every_control_has_an_accessible_name(qtbot, tasks) -> None:
    dialog = _open(qtbot, tasks, FakeCentral())
    controls = [w for w in dialog.findChildren(QAbstractButton) + dialog.findChildren(QTableView)
                if not w.objectName().startswith("qt_")]  # Qt's own parts
    assert len(controls) == 4
    for widget in controls:
        assert widget.accessibleName(), widget
    for label in dialog.findChildren(QLabel):
        if label in (dialog.state, dialog.error):
            assert label.accessibleName()


def test_the_model_passes_the_model_tester(qtmodeltester) -> None:
    model = WorkstationsModel()
    model.set_rows(_rows())
    qtmodeltester.check(model)
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_one_row_per_computer_even_when_it_works_for_two_schools() -> None:
    def wire(school: str, user: str, seen: datetime, revoked: datetime | None = None):
        return WorkstationWire(id=LOST, name="Klēpjdators", institution_id=school,
                               last_user=user, first_seen=datetime(2026, 1, 5, tzinfo=UTC),
                               last_seen=seen, revoked_at=revoked)

    rows = rows_of([wire("4313900123", "ģirts.liepa", datetime(2026, 2, 1, tzinfo=UTC)),
                    wire("4313900999", "ņina.ozola", datetime(2026, 2, 9, tzinfo=UTC),
                         datetime(2026, 2, 10, tzinfo=UTC))], this_id=THIS)
    assert len(rows) == 1
    assert rows[0].last_user == "ņina.ozola"
    assert rows[0].revoked and not rows[0].this
