"""The inbox marks an application whose learner has another open application for the same kind
(a warning sign on its number, the row tinted, the other numbers in the tooltip)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from desktop.models import queries
from desktop.models.codes import ApplicationStatus
from desktop.models.inbox_window import InboxSource
from desktop.models.queries import InboxFilter
from desktop.models.schema import Application
from desktop.tasks import TaskRunner
from desktop.views.inbox_model import COLUMNS, DuplicatesRole, InboxModel
from desktop.views.inbox_page import InboxPage
from factories import SCHOOL, add_application, seed_catalogue

NUMBER = [c[0] for c in COLUMNS].index("number")
NAME = [c[0] for c in COLUMNS].index("learner_name")


def _with_code(store, app_id: int, code: str) -> int:
    with store.write() as s:
        row = s.get(Application, app_id)
        assert row is not None
        row.learner_personal_code = code
    return app_id


def _school(store) -> tuple[int, int, int]:
    seed_catalogue(store)
    first = _with_code(store, add_application(store, learner="Māra Ozoliņa"), "210814-21236")
    again = _with_code(store, add_application(store, learner="Māra Ozoliņa",
                                              status=ApplicationStatus.POSTPONED),
                       "210814-21236")
    alone = _with_code(store, add_application(store, learner="Artūrs Kalniņš"), "050611-20871")
    return first, again, alone


def test_model_marks_duplicates_with_a_sign_a_tint_and_the_other_numbers(
        qtbot, qtmodeltester, store) -> None:
    first, again, alone = _school(store)
    model = InboxModel(partial(queries.inbox_rows, store))
    model.set_ids([first, again, alone])
    qtmodeltester.check(model, force_py=True)

    number = model.index(0, NUMBER)
    assert number.data() == f"P-2026-{first:06d}"  # the number itself stays as it is
    assert not number.data(Qt.ItemDataRole.DecorationRole).isNull()
    tip = number.data(Qt.ItemDataRole.ToolTipRole)
    assert f"P-2026-{again:06d}" in tip and "atvērts" in tip
    assert model.index(0, NAME).data(Qt.ItemDataRole.ToolTipRole).startswith("Māra Ozoliņa")
    assert isinstance(model.index(0, NAME).data(Qt.ItemDataRole.BackgroundRole), QBrush)
    assert model.index(1, NUMBER).data(DuplicatesRole) == [f"P-2026-{first:06d}"]

    plain = model.index(2, NUMBER)
    assert plain.data(Qt.ItemDataRole.DecorationRole) is None
    assert plain.data(Qt.ItemDataRole.BackgroundRole) is None
    assert plain.data(DuplicatesRole) == []


def test_the_page_shows_the_mark_once_its_rows_arrive(qtbot, store) -> None:
    first, again, alone = _school(store)
    tasks = TaskRunner()
    page = InboxPage(
        tasks, institution_id=SCHOOL,
        source=InboxSource(store),
        count_statuses=lambda: queries.status_counts(store, SCHOOL),
        kinds=[("windows_laptop", "Windows portatīvais dators")])
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()
    marked = {page.model.id_at(r) for r in range(page.model.rowCount())
              if page.model.index(r, NUMBER).data(Qt.ItemDataRole.DecorationRole) is not None}
    assert marked == {first, again}
    # the other application is refused: the mark goes with the next reload
    from desktop.models import decisions
    from factories import REVIEWER

    decisions.refuse(store, REVIEWER, again, "Dublikāts, atteikts")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()
    row = page.model.row_of(first)
    assert page.model.index(row, NUMBER).data(Qt.ItemDataRole.DecorationRole) is None
    assert queries.inbox_ids(store, InboxFilter(SCHOOL)) != []
    tasks.wait()
