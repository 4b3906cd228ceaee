"""The inbox a window at a time: windows read after a key or from an offset are the list read
whole, in every order and under every filter (classes without a grade too); the count is exact
after any write (the counts table's triggers); an application's row is found again."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import delete, update

from desktop.models import inbox_window as w
from desktop.models import queries
from desktop.models.codes import ApplicationStatus, SocialStatus
from desktop.models.queries import InboxFilter
from desktop.models.schema import Application
from factories import SCHOOL, add_application, seed_catalogue

STATUSES = [ApplicationStatus.SUBMITTED, ApplicationStatus.POSTPONED,
            ApplicationStatus.CONFIRMED]
NAMES = ["Ērika Ķuze", "Jānis Bērziņš", "Ļena Ozola", "Anna Ābele", "Žanete Šmite",
         "Ģirts Vītols", "Ņina Ābele"]
CLASSES = ["7.b", "10.a", "2.a", "PII", "", "7.a", "12"]


@pytest.fixture
def filled(store):
    seed_catalogue(store)
    for n in range(61):
        add_application(store, learner=NAMES[n % 7], learner_class=CLASSES[n % 7],
                        status=STATUSES[n % 3], kind="tablet" if n % 4 == 0 else
                        "windows_laptop", social=SocialStatus.POOR_FAMILY if n % 5 == 0
                        else None)
    return store


FILTERS = [
    InboxFilter(SCHOOL),
    InboxFilter(SCHOOL, statuses=frozenset({ApplicationStatus.POSTPONED})),
    InboxFilter(SCHOOL, kind_code="tablet"),
    InboxFilter(SCHOOL, statuses=frozenset({ApplicationStatus.SUBMITTED}),
                kind_code="windows_laptop"),
    InboxFilter(SCHOOL, class_grade=7),
    InboxFilter(SCHOOL, class_grade=7, class_parallel="b"),
    InboxFilter(SCHOOL, text="ābele"),
    InboxFilter(SCHOOL, social_status=SocialStatus.POOR_FAMILY),
]


def _paged(store, order: w.InboxOrder, size: int) -> list[int]:
    """The list read window after window, each after the last key of the one before."""
    read: list[int] = []
    after = None
    while True:
        window = w.inbox_window(store, order, after=after, limit=size)
        read += [row.id for _, row in window]
        if len(window) < size:
            return read
        after = window[-1][0]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: repr(f)[12:60])
def test_windows_after_a_key_or_from_an_offset_are_the_whole_list(filled, f) -> None:
    for sort, descending in itertools.product(w._COLUMNS, (True, False)):
        whole = queries.inbox_ids(filled, f, sort=sort, descending=descending)
        for sparse in (None, True, False):
            order = w.InboxOrder(f, sort, descending, sparse)
            assert _paged(filled, order, 4) == whole, (sort, descending, sparse)
            offset = [row.id for _, row in w.inbox_window(filled, order, offset=5, limit=7)]
            assert offset == whole[5:12]
            assert w.inbox_window_ids(filled, order, 5, 7) == whole[5:12]
        assert w.inbox_count(filled, f) == len(whole)
        planned = w.plan(filled, w.InboxOrder(f, sort, descending))
        assert planned.sparse is not None
        assert _paged(filled, planned, 9) == whole


def test_an_application_is_found_again_where_it_went(filled) -> None:
    f = InboxFilter(SCHOOL, statuses=frozenset({ApplicationStatus.SUBMITTED}))
    for sort in ("learner_name", "learner_class"):
        order = w.InboxOrder(f, sort, descending=False)
        whole = queries.inbox_ids(filled, f, sort=sort, descending=False)
        few = [whole[0], whole[7], whole[-1], 999_999]
        assert w.inbox_positions(filled, order, few) == {
            whole[0]: 0, whole[7]: 7, whole[-1]: len(whole) - 1}
        many = whole[::2][:w.FEW_POSITIONS + 3]
        assert w.inbox_positions(filled, order, many) == {i: whole.index(i) for i in many}
        # the rows around one, read both ways from its key: the list's rows there
        for app_id in (whole[0], whole[7], whole[-1]):
            for places in (w.inbox_places(filled, order, [app_id]),
                           w.inbox_places(filled, order, many + [app_id])):
                row, key = places[app_id]
                around = w.inbox_window_around(filled, order, key, before=min(row, 3),
                                               limit=6)
                top = row - min(row, 3)
                assert [r.id for _, r in around] == whole[top:top + 6]


def test_the_counts_stay_exact_whatever_writes_the_rows(filled) -> None:
    def counted() -> dict[ApplicationStatus, int]:
        return w.status_counts(filled, SCHOOL)

    def grouped() -> dict[ApplicationStatus, int]:  # the rows themselves, counted
        return {st: len(queries.inbox_ids(filled, InboxFilter(SCHOOL, statuses=frozenset({st}))))
                for st in ApplicationStatus if st is not ApplicationStatus.DELETED}

    assert counted() == {k: v for k, v in grouped().items() if v}
    ids = queries.inbox_ids(filled, InboxFilter(SCHOOL))
    with filled.write() as s:  # a decision, a sync's update, a deletion (retention)
        s.execute(update(Application).where(Application.id.in_(ids[:5]))
                  .values(status=ApplicationStatus.DECLINED))
        s.execute(update(Application).where(Application.id == ids[5])
                  .values(kind_code="tablet", class_grade=None, class_parallel=None))
        s.execute(update(Application).where(Application.id == ids[6])
                  .values(learner_name="Inese Ģērmane"))  # not counted: no change
        s.execute(delete(Application).where(Application.id.in_(ids[7:9])))
    add_application(filled, status=ApplicationStatus.WITHDRAWN, learner="Ōskars Ūdris")
    assert counted() == {k: v for k, v in grouped().items() if v}
    for f in FILTERS:
        assert w.inbox_count(filled, f) == len(queries.inbox_ids(filled, f)), f
    assert w.inbox_count(filled, InboxFilter("another-school")) == 0


def test_the_search_index_follows_the_rows(filled) -> None:
    def found(text: str) -> list[int]:
        return queries.inbox_ids(filled, InboxFilter(SCHOOL, text=text))

    renamed = found("ļena ozola")[0]
    gone = found("žanete")[0]
    with filled.write() as s:  # a rename (its search key is written again), a deletion
        app = s.get(Application, renamed)
        app.learner_name = "Inese Ģērmane"
        s.delete(s.get(Application, gone))
    assert renamed in found("ģērman") and renamed not in found("ļena ozola")
    assert gone not in found("žanete")
    added = add_application(filled, learner="Ōskars Ūdris", learner_class="5.c")
    assert found("oskars udris") == [added]  # diacritics folded, two words
    assert added in found("5.c") and added in found("ūd")  # a short word: read in the keys
    assert found("zzz ūdris") == []
