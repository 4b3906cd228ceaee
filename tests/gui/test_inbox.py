"""The Applications section: the table model and the page's filter and search flows."""

from __future__ import annotations

from functools import partial

import pytest
from PySide6.QtCore import Qt

from desktop.models import queries
from desktop.models.codes import ApplicationStatus
from desktop.models.inbox_window import InboxSource
from desktop.models.queries import InboxFilter
from desktop.settings import SettingsStore
from desktop.tasks import TaskRunner
from desktop.views.inbox_model import COLUMNS, PLACEHOLDER, IdRole, InboxModel
from desktop.views.inbox_page import InboxPage
from factories import SCHOOL, add_application, seed_catalogue
from qt_helpers import type_text

PEOPLE = [
    ("Jānis Bērziņš", "Līga Bērziņa", "7.b", ApplicationStatus.SUBMITTED),
    ("Ērika Ķuze", "Ģirts Ķuzis", "3.a", ApplicationStatus.POSTPONED),
    ("Mārtiņš Ozols", "Anna Ozola", "11.c", ApplicationStatus.CONFIRMED),
    ("Žanete Šmite", "Ņina Šmite", "5.a", ApplicationStatus.DECLINED),
    ("Ļena Vītola", "Ēriks Vītols", "7.b", ApplicationStatus.SUBMITTED),
]


@pytest.fixture
def school(store):
    seed_catalogue(store)
    ids = [
        add_application(store, learner=who, submitter=s, learner_class=c, status=st)
        for who, s, c, st in PEOPLE
    ]
    return store, ids


@pytest.fixture
def page(qtbot, school):
    store, _ = school
    tasks = TaskRunner()
    widget = InboxPage(
        tasks,
        institution_id=SCHOOL,
        source=InboxSource(store),
        count_statuses=lambda: queries.status_counts(store, SCHOOL),
        kinds=[("windows_laptop", "Windows portatīvais dators")],
        classes=queries.learner_classes(store, SCHOOL),
    )
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=5000):
        widget.reload()
    yield widget
    tasks.wait()


def _names(page: InboxPage) -> list[str]:
    col = [c[0] for c in COLUMNS].index("learner_name")
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def test_model_passes_qtmodeltester(qtmodeltester, school) -> None:
    store, _ = school
    model = InboxModel(partial(queries.inbox_rows, store))
    model.set_ids(queries.inbox_ids(store, InboxFilter(SCHOOL)))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(PEOPLE)


def test_rows_are_fetched_in_blocks_only_when_shown(school) -> None:
    store, _ = school
    calls: list[int] = []

    def fetch(ids):
        calls.append(len(ids))
        return queries.inbox_rows(store, ids)

    model = InboxModel(fetch)
    model.BLOCK = 2
    model.set_ids(queries.inbox_ids(store, InboxFilter(SCHOOL)))
    assert calls == []  # nothing fetched until a row is shown
    model.index(0, 0).data()
    model.index(1, 2).data()
    assert calls == [2]
    model.index(4, 0).data()
    assert calls == [2, 1]


def test_page_lists_all_and_shows_counts(page: InboxPage) -> None:
    assert sorted(_names(page)) == sorted(p[0] for p in PEOPLE)
    assert "Atrasti: 5" in page.counts.text()
    assert "Iesniegts: 2" in page.counts.text()


def test_status_filter(qtbot, page: InboxPage) -> None:
    index = page.status_filter.findData(ApplicationStatus.SUBMITTED.value)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.status_filter.setCurrentIndex(index)
    assert sorted(_names(page)) == ["Jānis Bērziņš", "Ļena Vītola"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("bērziņš", ["Jānis Bērziņš"]),
        ("berzins", ["Jānis Bērziņš"]),  # typed without diacritics
        ("ĶUZ", ["Ērika Ķuze"]),
        ("7.b", ["Jānis Bērziņš", "Ļena Vītola"]),
        ("ozola 11", ["Mārtiņš Ozols"]),  # by the submitter's name and the class
        ("100%_", []),
    ],
)
def test_search(qtbot, page: InboxPage, typed: str, expected: list[str]) -> None:
    with qtbot.waitSignal(page.loaded, timeout=5000):
        type_text(page.search, typed)
    assert sorted(_names(page)) == expected


def test_sort_by_learner(qtbot, page: InboxPage) -> None:
    col = [c[0] for c in COLUMNS].index("learner_name")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    # Latvian alphabetical order: Ē with E, then J, then Ļ after L, M, Ž last
    assert _names(page) == ["Ērika Ķuze", "Jānis Bērziņš", "Ļena Vītola", "Mārtiņš Ozols",
                            "Žanete Šmite"]
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    assert _names(page)[0] == "Žanete Šmite"


def test_activating_a_row_names_its_application(qtbot, page: InboxPage, school) -> None:
    _, ids = school
    index = page.model.index(0, 0)
    with qtbot.waitSignal(page.applicationActivated, timeout=2000) as blocker:
        page.table.activated.emit(index)
    assert blocker.args == [index.data(IdRole)]
    assert blocker.args[0] in ids


def _page(store, settings=None):
    tasks = TaskRunner()
    widget = InboxPage(
        tasks,
        institution_id=SCHOOL,
        source=InboxSource(store),
        count_statuses=lambda: queries.status_counts(store, SCHOOL),
        kinds=[("windows_laptop", "Windows portatīvais dators")],
        classes=queries.learner_classes(store, SCHOOL),
        settings=settings,
        settings_scope="ilze/4313900123",
    )
    return widget, tasks


def test_class_filter_lists_grades_and_classes_in_school_order(qtbot, page: InboxPage) -> None:
    classes = [page.class_filter.itemText(i) for i in range(1, page.class_filter.count())]
    assert classes == ["Visas 3. klases", "3.a", "Visas 5. klases", "5.a", "Visas 7. klases",
                       "7.b", "Visas 11. klases", "11.c"]
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.class_filter.setCurrentIndex(page.class_filter.findText("7.b"))
    assert sorted(_names(page)) == ["Jānis Bērziņš", "Ļena Vītola"]


GRADES = [("Anna Ābele", "10.a"), ("Jānis Bērziņš", "2.b"), ("Ērika Ķuze", "2.a"),
          ("Mārtiņš Ozols", "12"), ("Žanete Šmite", "10.b"), ("Inese Ģērmane", None)]


def test_sorting_by_class_puts_grade_2_before_grade_10(qtbot, store) -> None:
    seed_catalogue(store)
    for who, klass in GRADES:
        add_application(store, learner=who, learner_class=klass)  # type: ignore[arg-type]
    page, tasks = _page(store)
    qtbot.addWidget(page)
    col = [c[0] for c in COLUMNS].index("learner_class")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    shown = [page.model.index(r, col).data() for r in range(page.model.rowCount())]
    assert shown == ["", "2.a", "2.b", "10.a", "10.b", "12"]  # no class first, as SQL sorts
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    shown = [page.model.index(r, col).data() for r in range(page.model.rowCount())]
    assert shown == ["12", "10.b", "10.a", "2.b", "2.a", ""]
    tasks.wait()


def test_filtering_by_grade_finds_every_class_of_it(qtbot, store) -> None:
    seed_catalogue(store)
    for who, klass in GRADES:
        add_application(store, learner=who, learner_class=klass)  # type: ignore[arg-type]
    page, tasks = _page(store)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.class_filter.setCurrentIndex(page.class_filter.findText("Visas 10. klases"))
    assert sorted(_names(page)) == ["Anna Ābele", "Žanete Šmite"]
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.class_filter.setCurrentIndex(page.class_filter.findText("2.a"))
    assert _names(page) == ["Ērika Ķuze"]
    # a grade's learners without a parallel are in the grade's choice
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.class_filter.setCurrentIndex(page.class_filter.findText("Visas 12. klases"))
    assert _names(page) == ["Mārtiņš Ozols"]
    # and under a filter a sort by class is still by number
    col = [c[0] for c in COLUMNS].index("learner_class")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.status_filter.setCurrentIndex(
            page.status_filter.findData(ApplicationStatus.SUBMITTED.value))
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.class_filter.setCurrentIndex(0)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    shown = [page.model.index(r, col).data() for r in range(page.model.rowCount())]
    assert shown == ["", "2.a", "2.b", "10.a", "10.b", "12"]
    tasks.wait()


def test_social_status_filter(qtbot, store) -> None:
    from desktop.models.codes import SocialStatus

    seed_catalogue(store)
    add_application(store, learner="Artūrs Ķēniņš", social=SocialStatus.DISABILITY)
    add_application(store, learner="Inese Ģērmane")
    page, tasks = _page(store)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.social_filter.setCurrentIndex(page.social_filter.findData("disability"))
    assert _names(page) == ["Artūrs Ķēniņš"]
    assert "(I)" in page.social_filter.currentText()  # the VIIS letter is shown
    tasks.wait()


def test_waiting_to_sync_filter_shows_local_decisions(qtbot, page: InboxPage, school) -> None:
    from desktop.models import decisions
    from factories import REVIEWER

    store, ids = school
    decisions.refuse(store, REVIEWER, ids[0], "Nav pieejamu ierīču")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.waiting_only.setChecked(True)
    assert _names(page) == ["Jānis Bērziņš"]
    sync_col = [c[0] for c in COLUMNS].index("sync")
    assert page.model.index(0, sync_col).data() == "Gaida sinhronizāciju"


def test_date_range_filter(qtbot, page: InboxPage) -> None:
    from PySide6.QtCore import QDate

    page.date_from.setDate(QDate(2026, 9, 1))
    page.date_to.setDate(QDate(2026, 9, 1))
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.use_dates.setChecked(True)
    assert len(_names(page)) == 5  # all were submitted on 1 September (factories.WHEN)
    page.date_from.setDate(QDate(2026, 9, 2))
    page.date_to.setDate(QDate(2026, 9, 30))
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)


def test_last_filter_is_remembered_per_user(qtbot, school, tmp_path) -> None:
    from PySide6.QtCore import QSettings

    store, _ = school
    settings = SettingsStore(QSettings(str(tmp_path / "settings.ini"),
                                       QSettings.Format.IniFormat))
    first, tasks = _page(store, settings)
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.loaded, timeout=5000):
        first.status_filter.setCurrentIndex(
            first.status_filter.findData(ApplicationStatus.POSTPONED.value))
    tasks.wait()
    again, tasks2 = _page(store, settings)
    qtbot.addWidget(again)
    assert again.status_filter.currentData() == ApplicationStatus.POSTPONED.value
    with qtbot.waitSignal(again.loaded, timeout=5000):
        again.reload()
    assert _names(again) == ["Ērika Ķuze"]
    tasks2.wait()


def test_down_from_the_search_goes_to_the_first_row_and_on(qtbot, page) -> None:
    page.show()
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 0
    with qtbot.waitSignal(page.currentApplicationChanged) as moved:
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert moved.args == [page.model.id_at(1)]


def test_column_widths_and_sort_are_remembered(qtbot, school, tmp_path) -> None:
    from PySide6.QtCore import QSettings

    store, _ = school
    settings = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))

    def make() -> InboxPage:
        tasks = TaskRunner()
        widget = InboxPage(
            tasks, institution_id=SCHOOL,
            source=InboxSource(store),
            count_statuses=lambda: queries.status_counts(store, SCHOOL),
            kinds=[], settings=settings, settings_scope="ilze/4313900123")
        qtbot.addWidget(widget)
        return widget

    first = make()
    name_col = [c[0] for c in COLUMNS].index("learner_name")
    first.table.setColumnWidth(name_col, 333)
    with qtbot.waitSignal(first.loaded, timeout=5000):
        first.table.sortByColumn(name_col, Qt.SortOrder.AscendingOrder)
    second = make()
    assert second.table.columnWidth(name_col) == 333
    with qtbot.waitSignal(second.loaded, timeout=5000):
        second.reload()
    # Latvian order: Ē after E, Ļ after L, Ž after Z
    assert _names(second) == ["Ērika Ķuze", "Jānis Bērziņš", "Ļena Vītola", "Mārtiņš Ozols",
                              "Žanete Šmite"]


@pytest.mark.parametrize("key", ["number", "learner_name", "learner_class", "kind_code",
                                 "status", "submitted_at"])
def test_every_sort_works_under_a_filter(school, key) -> None:
    store, _ = school
    only_submitted = InboxFilter(SCHOOL, statuses=frozenset({ApplicationStatus.SUBMITTED}))
    up = queries.inbox_ids(store, only_submitted, sort=key, descending=False)
    down = queries.inbox_ids(store, only_submitted, sort=key, descending=True)
    assert len(up) == 2 and up == list(reversed(down))
    everyone = queries.inbox_ids(store, InboxFilter(SCHOOL), sort=key, descending=False)
    assert [i for i in everyone if i in up] == up  # the same order as without the filter
    if key == "learner_name":
        rows = queries.inbox_rows(store, up)
        assert [r.learner_name for r in rows] == ["Jānis Bērziņš", "Ļena Vītola"]


def test_a_reload_keeps_the_selection_the_current_row_and_the_scroll_position(
        qtbot, store) -> None:
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    seed_catalogue(store)
    first = ["Anna", "Ērika", "Jānis", "Ļena", "Mārtiņš", "Žanete", "Ģirts", "Ņina"]
    last = ["Ābele", "Bērziņš", "Ķuze", "Ozols", "Šmite", "Vītola"]
    for n in range(160):
        add_application(store, learner=f"{first[n % 8]} {last[n % 6]}",
                        status=ApplicationStatus.SUBMITTED if n % 3
                        else ApplicationStatus.POSTPONED)
    page, tasks = _page(store)
    qtbot.addWidget(page)
    page.resize(1000, 520)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()
    model, table = page.model, page.table
    table.scrollTo(model.index(70, 0), table.ScrollHint.PositionAtTop)
    # the rows scrolled to arrive with their window (ids and all), read as they are painted
    # (as painting them would, offscreen)
    qtbot.waitUntil(lambda: all(model.index(r, 0).data() != PLACEHOLDER for r in range(70, 81)))
    chosen = QItemSelection(model.index(78, 0), model.index(80, len(COLUMNS) - 1))
    table.selectionModel().select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    table.selectionModel().setCurrentIndex(model.index(79, 2),
                                           QItemSelectionModel.SelectionFlag.NoUpdate)
    selected = page.selected_ids()
    current = model.id_at(79)
    height = table.rowViewportPosition(79)
    assert len(selected) == 3 and height > 0
    moved: list[int] = []
    page.currentApplicationChanged.connect(moved.append)

    # two new applications arrive (the newest first: every row moves down by two)
    add_application(store, learner="Inese Ģērmane")
    add_application(store, learner="Artūrs Ķēniņš")
    with qtbot.waitSignal(page.loaded, timeout=5000) as loaded:
        page.reload()
    assert loaded.args == [162]
    assert model.row_of(current) != 79  # the rows did move
    assert page.selected_ids() == selected
    assert model.id_at(table.currentIndex().row()) == current
    assert table.currentIndex().column() == 2
    assert table.rowViewportPosition(model.row_of(current)) == height  # no jump
    assert moved == []  # the same application: the detail is not asked to load it again
    tasks.wait()


def test_rows_are_read_in_the_background_with_a_placeholder_until_they_come(
        qtbot, qtmodeltester, school) -> None:
    import threading

    store, _ = school
    tasks = TaskRunner()
    release = threading.Event()
    threads: list[bool] = []

    def fetch(ids):
        threads.append(threading.current_thread() is threading.main_thread())
        release.wait(5)
        return queries.inbox_rows(store, ids)

    model = InboxModel(fetch, tasks=tasks)
    model.set_ids(queries.inbox_ids(store, InboxFilter(SCHOOL), sort="learner_name",
                                    descending=False))
    name = [c[0] for c in COLUMNS].index("learner_name")
    assert model.index(0, 0).data() == "…"  # in grey, until the block arrives
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#9e9e9e"
    assert model.index(0, name).data() is None and not model.is_fetched(0)
    assert model.index(0, 0).data(IdRole) == model.id_at(0)  # the id is always there
    with qtbot.waitSignal(model.rowsFetched, timeout=5000) as fetched:
        release.set()
    assert fetched.args == [0, len(PEOPLE) - 1]
    assert model.index(0, name).data() == "Ērika Ķuze" and model.is_fetched(0)

    # rows read again (a decision, a sync) stay in sight until their new version comes
    release.clear()
    model.refresh_rows({model.id_at(0)})
    assert model.index(0, name).data() == "Ērika Ķuze" and not model.is_fetched(0)
    with qtbot.waitSignal(model.rowsFetched, timeout=5000):
        release.set()
    assert model.is_fetched(0)
    assert threads and not any(threads)  # never on the GUI thread
    qtmodeltester.check(model, force_py=True)
    tasks.wait()


def test_classes_whose_parallel_has_digits_are_listed_and_filter(qtbot, store) -> None:
    """Defect (review of issue 13): the register's parallel is any text up to ten characters,
    but the filter read its choices back from their labels, letters only, and left out
    "10.1" and "5.a1"."""
    seed_catalogue(store)
    for who, klass in [("Anna Ābele", "10.1"), ("Jānis Bērziņš", "10.2"),
                       ("Ērika Ķuze", "5.a1"), ("Mārtiņš Ozols", "5.a")]:
        add_application(store, learner=who, learner_class=klass)
    page, tasks = _page(store)
    qtbot.addWidget(page)
    classes = [page.class_filter.itemText(i) for i in range(1, page.class_filter.count())]
    assert classes == ["Visas 5. klases", "5.a", "5.a1", "Visas 10. klases", "10.1", "10.2"]
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.class_filter.setCurrentIndex(page.class_filter.findText("10.1"))
    assert page.class_filter.currentData() == (10, "1")  # the pair, never the label re-read
    assert _names(page) == ["Anna Ābele"]
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.class_filter.setCurrentIndex(page.class_filter.findText("5.a1"))
    assert _names(page) == ["Ērika Ķuze"]
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.class_filter.setCurrentIndex(page.class_filter.findText("Visas 10. klases"))
    assert sorted(_names(page)) == ["Anna Ābele", "Jānis Bērziņš"]
    tasks.wait()


def test_a_remembered_class_with_digits_is_chosen_again(qtbot, store, tmp_path) -> None:
    from PySide6.QtCore import QSettings

    seed_catalogue(store)
    for who, klass in [("Anna Ābele", "10.1"), ("Ērika Ķuze", "5.a1")]:
        add_application(store, learner=who, learner_class=klass)
    settings = SettingsStore(QSettings(str(tmp_path / "settings.ini"),
                                       QSettings.Format.IniFormat))
    first, tasks = _page(store, settings)
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.loaded, timeout=5000):
        first.class_filter.setCurrentIndex(first.class_filter.findText("5.a1"))
    tasks.wait()
    assert settings.inbox_filter("ilze/4313900123").learner_class == "5.a1"
    again, tasks2 = _page(store, settings)
    qtbot.addWidget(again)
    assert again.class_filter.currentText() == "5.a1"
    with qtbot.waitSignal(again.loaded, timeout=5000):
        again.reload()
    assert _names(again) == ["Ērika Ķuze"]
    tasks2.wait()
