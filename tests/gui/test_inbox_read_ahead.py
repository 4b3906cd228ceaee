"""The inbox reads the rows in sight together with the ids, as parts of blocks (the rest of a
block is read when it is first shown), and a reload puts the reviewer's place back without a
second trip to the workers and without walking the ids on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.models import queries
from desktop.models.codes import ApplicationStatus
from desktop.models.inbox_window import InboxSource
from desktop.models.queries import InboxFilter
from desktop.tasks import TaskRunner
from desktop.views.inbox_model import COLUMNS, PLACEHOLDER, InboxModel
from desktop.views.inbox_page import InboxPage
from desktop.views.view_state import ViewState, locate, top_row
from factories import SCHOOL, add_application, seed_catalogue

NAME = [c[0] for c in COLUMNS].index("learner_name")


def _counting(store, calls: list[list[int]]):
    def fetch(ids):
        calls.append(list(ids))
        return queries.inbox_rows(store, ids)
    return fetch


def _many(store, n: int = 25) -> list[int]:
    seed_catalogue(store)
    for k in range(n):
        add_application(store, learner=f"Anna Ābele {k:03d}",
                        status=ApplicationStatus.POSTPONED if k % 3 == 0
                        else ApplicationStatus.SUBMITTED)
    return queries.inbox_ids(store, InboxFilter(SCHOOL))


def test_rows_read_ahead_are_shown_and_the_rest_of_their_block_when_it_is_first_shown(
        qtmodeltester, store) -> None:
    ids = _many(store)
    calls: list[list[int]] = []
    model = InboxModel(_counting(store, calls))
    model.BLOCK = 10
    parts = model.read_ahead(ids, [(3, 7)])
    assert calls == [ids[3:8]]  # only the rows asked for, in one query
    model.set_ids(ids, parts)
    assert [model.is_fetched(r) for r in (2, 3, 7, 8)] == [False, True, True, False]
    assert model.index(5, NAME).data() == model.row_at(5).learner_name  # type: ignore[union-attr]
    assert len(calls) == 1  # read with the ids: nothing more
    assert model.index(8, NAME).data()  # a row of the same block, not read yet
    assert calls[1:] == [ids[0:10]]  # ... comes with the rest of its block
    assert all(model.is_fetched(r) for r in range(10))
    qtmodeltester.check(model, force_py=True)


def test_spans_that_share_a_block_are_read_as_one(store) -> None:
    ids = _many(store)
    calls: list[list[int]] = []
    model = InboxModel(_counting(store, calls))
    model.BLOCK = 10
    parts = model.read_ahead(ids, [(12, 14), (0, 4), (6, 11)])
    assert calls == [ids[0:15]]
    assert {b: (lo, hi) for b, (lo, hi, _) in parts.items()} == {0: (0, 9), 1: (10, 14)}
    assert set(parts[1][2]) == set(ids[10:15])
    calls.clear()
    parts = model.read_ahead(ids, [(20, 24), (0, 4)])
    assert calls == [ids[0:5] + ids[20:25]]  # different blocks: still one query
    assert {b: (lo, hi) for b, (lo, hi, _) in parts.items()} == {0: (0, 4), 2: (20, 24)}
    assert model.read_ahead(ids, []) == {}


def test_in_sight_near_the_end_is_the_last_rows() -> None:
    assert InboxModel.in_sight(0, 30, 100) == (0, 29)
    assert InboxModel.in_sight(90, 30, 100) == (70, 99)  # a view at the bottom shows those
    assert InboxModel.in_sight(-1, 30, 10) == (0, 9)
    assert InboxModel.in_sight(0, 30, 0) is None


def test_a_part_read_again_for_a_block_that_is_here_keeps_it_and_reads_the_rest(
        qtbot, store) -> None:
    ids = _many(store)
    calls: list[list[int]] = []
    tasks = TaskRunner()
    model = InboxModel(_counting(store, calls), tasks=tasks)
    model.BLOCK = 10
    model.set_ids(ids, model.read_ahead(ids, [(0, 9)]))
    assert all(model.is_fetched(r) for r in range(10))
    # the same ids again (a sync that moved nothing), with new rows for part of the block
    model.set_ids(list(ids), model.read_ahead(ids, [(2, 4)]))
    assert model.index(7, NAME).data()  # the block's other rows stay in sight meanwhile ...
    with qtbot.waitSignal(model.rowsFetched, timeout=5000) as fetched:
        pass  # ... while all of it is read again in the background
    assert fetched.args == [0, 9]
    assert all(model.is_fetched(r) for r in range(10))
    tasks.wait()


def test_locate_finds_the_rows_of_a_few_or_many_keys() -> None:
    keys = list(range(1000, 0, -1))
    assert locate(keys, [1000, 1, 5000, None]) == {1000: 0, 1: 999}
    many = [1000, 999, 998, 997, 996, 5000, 3]
    assert locate(keys, many) == {1000: 0, 999: 1, 998: 2, 997: 3, 996: 4, 3: 997}
    state = ViewState(selected=[7], current=7, anchor=7, anchor_offset=2, top_row=40)
    assert state.keys == [7]
    assert top_row(state, {7: 100}.get) == 98
    assert top_row(state, lambda _k: -1) == 40  # the anchor is gone: about the same place
    assert top_row(ViewState(), lambda _k: 0) == -1


def _page(store, tasks: TaskRunner) -> InboxPage:
    return InboxPage(
        tasks,
        institution_id=SCHOOL,
        source=InboxSource(store),
        count_statuses=lambda: queries.status_counts(store, SCHOOL),
    )


def test_a_reload_shows_the_rows_in_sight_at_once_even_where_the_old_list_ended(
        qtbot, store) -> None:
    _many(store, 300)
    tasks = TaskRunner()
    page = _page(store, tasks)
    qtbot.addWidget(page)
    page.resize(1000, 520)
    page.show()
    model, table = page.model, page.table
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.status_filter.setCurrentIndex(
            page.status_filter.findData(ApplicationStatus.POSTPONED.value))
    assert model.rowCount() == 100
    table.scrollToBottom()
    top = table.rowAt(0)
    # its window is read as it is painted (as painting it would, offscreen)
    qtbot.waitUntil(lambda: model.index(top, 0).data() != PLACEHOLDER)
    anchor = model.id_at(top)
    assert top > 50

    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.status_filter.setCurrentIndex(0)  # every status: the list grows to 300
    row = model.row_of(anchor)
    assert row > 100  # further down than the filtered list was long
    assert table.rowAt(0) == row  # the row at the top stays at the top
    bottom = table.rowAt(table.viewport().height() - 1)
    shown = range(row, (bottom if bottom >= 0 else model.rowCount() - 1) + 1)
    assert all(model.is_fetched(r) for r in shown)  # no placeholder where rows were
    assert all(model.is_fetched(r) for r in range(20))  # nor at the top (↓ from the search)
    tasks.wait()
    table.viewport().repaint()  # what is in sight asks the model for its rows
    assert tasks.pending == 0  # ... and finds them all: no block is read again
    tasks.wait()


def test_sorting_keeps_the_current_application_where_it_was_in_the_window(qtbot, store) -> None:
    _many(store, 300)
    tasks = TaskRunner()
    page = _page(store, tasks)
    qtbot.addWidget(page)
    page.resize(1000, 520)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()
    model, table = page.model, page.table
    table.scrollTo(model.index(35, 0), table.ScrollHint.PositionAtTop)
    table.setCurrentIndex(model.index(40, 0))
    chosen = model.id_at(40)
    offset = table.rowViewportPosition(40)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    row = model.row_of(chosen)
    assert model.id_at(table.currentIndex().row()) == chosen
    assert table.rowViewportPosition(row) == offset  # at the same height in the window
    assert model.is_fetched(row)
    tasks.wait()
