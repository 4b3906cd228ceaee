"""The inbox's row query: one statement per language, the rows in the order of the ids asked
for, missing ids left out, readable inside a write (a composed operation's later step)."""

from __future__ import annotations

from desktop.models import queries
from desktop.models.codes import ApplicationStatus
from desktop.models.queries import InboxFilter
from factories import SCHOOL, add_application, seed_catalogue


def test_inbox_rows_in_the_order_asked_for_in_either_language(store) -> None:
    seed_catalogue(store)
    first = add_application(store, learner="Ērika Ķuze", status=ApplicationStatus.POSTPONED)
    second = add_application(store, learner="Jānis Bērziņš")
    rows = queries.inbox_rows(store, [second, 999_999, first])
    assert [r.id for r in rows] == [second, first]  # the missing id is left out
    assert rows[1].learner_name == "Ērika Ķuze"
    assert rows[1].status is ApplicationStatus.POSTPONED
    assert rows[1].submitted_at.tzinfo is not None
    assert rows[0].masked_learner_code and "20004" not in rows[0].masked_learner_code
    lv = queries.inbox_rows(store, [first])[0].kind_label
    en = queries.inbox_rows(store, [first], language="en")[0].kind_label
    assert lv != en and "dators" in lv.lower()
    assert queries.inbox_rows(store, []) == []


def test_inbox_rows_inside_a_write_see_what_it_wrote(store) -> None:
    seed_catalogue(store)
    app_id = add_application(store)
    from desktop.models.schema import Application

    with store.write() as s:
        s.get(Application, app_id).learner_name = "Inese Ģērmane"
        s.flush()
        assert queries.inbox_rows(store, [app_id])[0].learner_name == "Inese Ģērmane"


def test_inbox_rows_for_every_id_of_a_school(store) -> None:
    seed_catalogue(store)
    made = [add_application(store, learner=f"Anna Ābele {n}") for n in range(130)]
    ids = queries.inbox_ids(store, InboxFilter(SCHOOL))
    assert sorted(ids) == sorted(made)
    assert [r.id for r in queries.inbox_rows(store, ids)] == ids
