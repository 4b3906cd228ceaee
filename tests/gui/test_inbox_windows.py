"""The inbox model over a list read a window at a time: Qt's model checks hold, a block after
a known one is read after its last key, a block in the middle by its place, and only the ids
of rows read are ever held."""

from __future__ import annotations

from desktop.models import queries
from desktop.models.codes import ApplicationStatus
from desktop.models.inbox_window import InboxOrder, InboxSource
from desktop.models.queries import InboxFilter
from desktop.views.inbox_model import UNKNOWN, IdRole, InboxModel
from factories import SCHOOL, add_application, seed_catalogue

NAME = 2


def _store(store, n: int = 45):
    seed_catalogue(store)
    for k in range(n):
        add_application(store, learner=f"Ērika Ķuze {k:03d}",
                        status=ApplicationStatus.POSTPONED if k % 3 == 0
                        else ApplicationStatus.SUBMITTED)
    return store


def _windowed(store, order: InboxOrder, calls: list[tuple[int, object, int]]) -> InboxModel:
    source = InboxSource(store)

    def window(offset: int, after: object, limit: int):
        calls.append((offset, after, limit))
        return source.window(order, offset, after, limit)  # type: ignore[arg-type]

    model = InboxModel(source.rows)
    model.BLOCK = 10
    model.set_window(source.count(order), [(0, source.window(order, 0, None, 10))], window)
    return model


def test_a_windowed_list_passes_qts_model_checks(qtmodeltester, store) -> None:
    _store(store)
    order = InboxOrder(InboxFilter(SCHOOL), "learner_name", descending=False)
    model = _windowed(store, order, [])
    assert model.rowCount() == 45
    qtmodeltester.check(model, force_py=True)


def test_blocks_are_read_after_the_last_key_or_by_their_place(store) -> None:
    _store(store)
    f = InboxFilter(SCHOOL, statuses=frozenset({ApplicationStatus.SUBMITTED}))
    order = InboxOrder(f, "learner_name", descending=True)
    whole = queries.inbox_ids(store, f, sort="learner_name", descending=True)
    calls: list[tuple[int, object, int]] = []
    model = _windowed(store, order, calls)
    assert model.rowCount() == len(whole) == 30
    assert model.id_at(25) == UNKNOWN and model.index(25, 0).data(IdRole) is None
    assert model.index(25, NAME).data().startswith("Ērika Ķuze")  # the middle: by its place
    assert calls[-1] == (20, None, 10)
    assert model.index(12, NAME).data()  # after block 0, whose last key is known
    assert calls[-1][0] == 10 and calls[-1][1] is not None
    assert model.ids() == whole[:30] and model.id_at(25) == whole[25]
    assert [model.row_of(i) for i in (whole[0], whole[29])] == [0, 29]
    assert model.row_of(999_999) == -1


def test_a_selection_over_rows_never_read_names_all_its_applications(qtbot, store) -> None:
    from desktop.tasks import TaskRunner
    from desktop.views.inbox_page import InboxPage

    _store(store, 260)
    tasks = TaskRunner()
    page = InboxPage(tasks, institution_id=SCHOOL, source=InboxSource(store),
                     count_statuses=lambda: queries.status_counts(store, SCHOOL))
    qtbot.addWidget(page)
    page.resize(1000, 520)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()
    assert page.model.id_at(250) == UNKNOWN  # only the rows in sight were read
    with qtbot.waitSignal(page.selectedCountChanged, timeout=5000,
                          check_params_cb=lambda n: n == 260):
        page.table.selectAll()  # Ctrl+A
    assert sorted(page.selected_ids()) == sorted(queries.inbox_ids(store, InboxFilter(SCHOOL)))
    tasks.wait()
    tasks.shutdown()
