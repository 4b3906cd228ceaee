"""Duplicates (the register's checkDuplicate): the same learner's other open application for
the same kind, found with the inbox's rows and the detail, in one indexed look-up per row."""

from __future__ import annotations

import pytest

from desktop.models import queries
from desktop.models.codes import ApplicationStatus, HandoverStatus
from desktop.models.details import application_detail
from desktop.models.duplicates import is_open
from desktop.models.schema import Application
from desktop.models.store import Store
from factories import OTHER_SCHOOL, SCHOOL, add_application, add_handover, seed_catalogue

MĀRA = "210814-21236"
ARTŪRS = "050611-20871"

S, P, C = ApplicationStatus.SUBMITTED, ApplicationStatus.POSTPONED, ApplicationStatus.CONFIRMED
D, W = ApplicationStatus.DECLINED, ApplicationStatus.WITHDRAWN
H = HandoverStatus

# (application status, its handovers, open?)
OPEN_CASES = [
    (S, [], True),
    (P, [], True),
    (C, [], True),  # granted, the device not prepared yet
    (C, [H.PREPARING], True),
    (C, [H.PREPARED], True),
    (C, [H.ISSUED], True),  # the device is with the learner
    (C, [H.CANCELLED], True),  # still granted: the desk may prepare another device
    (C, [H.RETURNED], False),
    (C, [H.LOST], False),
    (C, [H.STOLEN], False),
    (C, [H.RETURNED, H.PREPARING], True),
    (D, [], False),
    (W, [], False),
    (W, [H.CANCELLED], False),
    (ApplicationStatus.DELETED, [], False),
]


def _app(store: Store, code: str, *, kind: str = "windows_laptop",
         status: ApplicationStatus = S, school: str = SCHOOL,
         handovers: tuple[HandoverStatus, ...] = (), learner: str = "Māra Ozoliņa") -> int:
    app_id = add_application(store, kind=kind, status=status, institution=school,
                             learner=learner)
    with store.write() as s:
        row = s.get(Application, app_id)
        assert row is not None
        row.learner_personal_code = code
    for status_ in handovers:
        add_handover(store, app_id, None, status_)
    return app_id


def _number(app_id: int) -> str:
    return f"P-2026-{app_id:06d}"


@pytest.mark.parametrize(("status", "handovers", "expected"), OPEN_CASES)
def test_open_is_the_same_in_python_and_in_sql(store, status, handovers, expected) -> None:
    seed_catalogue(store)
    other = _app(store, MĀRA, status=status, handovers=tuple(handovers))
    shown = _app(store, MĀRA)
    assert is_open(status, handovers) is expected
    row = queries.inbox_rows(store, [shown])[0]
    assert row.duplicates == ((_number(other),) if expected else ())


def test_the_same_learner_and_kind_still_open_is_a_duplicate(store) -> None:
    seed_catalogue(store)
    first = _app(store, MĀRA)
    second = _app(store, MĀRA, status=P)
    closed = _app(store, MĀRA, status=D)
    other_kind = _app(store, MĀRA, kind="chromebook_laptop")
    other_learner = _app(store, ARTŪRS, learner="Artūrs Kalniņš")
    elsewhere = _app(store, MĀRA, school=OTHER_SCHOOL)
    rows = {r.id: r for r in queries.inbox_rows(
        store, [first, second, closed, other_kind, other_learner, elsewhere])}
    assert rows[first].duplicates == (_number(second),)
    assert rows[second].duplicates == (_number(first),)
    # a refused application is not open, but another open one for the learner is named on it
    assert rows[closed].duplicates == (_number(first), _number(second))
    assert rows[other_kind].duplicates == ()
    assert rows[other_learner].duplicates == ()
    assert rows[elsewhere].duplicates == ()  # another school's applications are its own


def test_the_detail_names_the_other_open_applications(store) -> None:
    seed_catalogue(store)
    first = _app(store, MĀRA)
    second = _app(store, MĀRA, status=C, handovers=(H.ISSUED,))
    _app(store, MĀRA, status=C, handovers=(H.RETURNED,))
    detail = application_detail(store, SCHOOL, first)
    assert detail is not None
    assert [(d.number, d.status_label) for d in detail.duplicates] == [
        (_number(second), "Piešķirts")]
    alone = _app(store, ARTŪRS, learner="Artūrs Kalniņš")
    only = application_detail(store, SCHOOL, alone)
    assert only is not None and only.duplicates == ()


def test_the_look_up_uses_the_learner_and_kind_index(store) -> None:
    """100,000 applications: one index look-up per row shown, never a scan of the table."""
    seed_catalogue(store)
    app_id = _app(store, MĀRA)
    statement = queries._inbox_rows_statement("lv").params(ids=[app_id])
    sql = str(statement.compile(store.engine, compile_kwargs={"literal_binds": True}))
    with store.read() as s:
        plan = [str(row[-1]) for row in
                s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql).all()]
    assert any("other USING INDEX ix_applications_institution_learner_kind" in p
               for p in plan), plan
    assert not any(p.startswith("SCAN") and "applications" in p for p in plan), plan
