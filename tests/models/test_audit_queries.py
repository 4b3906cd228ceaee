"""Reading the audit log: filters, pages, choices, CSV export and viewing records."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.models import decisions
from desktop.models.audit_queries import (
    EXPORT_ACTION,
    VIEW_ACTION,
    AuditFilter,
    audit_choices,
    audit_page,
    deletion_runs,
    describe_run,
    export_csv,
    latvian_count,
    record_view,
)
from desktop.models.errors import PermissionDeniedError
from desktop.models.schema import AuditEntry
from desktop.models.store import Store
from factories import ADMIN, DESK, REVIEWER, SCHOOL, add_application, add_item, seed_catalogue


def _entry(store: Store, at: datetime, actor: str, action: str, entity_type: str = "application",
           entity_id: str = "1", institution: str = SCHOOL) -> None:
    with store.write() as s:
        s.add(AuditEntry(at=at, actor=actor, institution_id=institution, action=action,
                         entity_type=entity_type, entity_id=entity_id, details={"n": 1}))


@pytest.fixture
def log(store: Store) -> Store:
    base = datetime(2026, 10, 5, 12, tzinfo=UTC)
    for day in range(10):
        _entry(store, base + timedelta(days=day), "ilze.reviewer", "grant", entity_id=str(day))
        _entry(store, base + timedelta(days=day, hours=1), "desk.ģirts", "record_return",
               "handover", f"h-{day}")
    _entry(store, base, "admin.ņina", "create_item", "item", "i-1")
    _entry(store, base, "cits.lietotājs", "grant", institution="4313900999")
    return store


def test_pages_are_newest_first_and_count_everything(log: Store) -> None:
    f = AuditFilter(institution_id=SCHOOL)
    first = audit_page(log, f, 0, 8)
    second = audit_page(log, f, 8, 8)
    assert first.total == second.total == 21
    assert len(first.rows) == len(second.rows) == 8
    times = [r.at for r in first.rows + second.rows]
    assert times == sorted(times, reverse=True)
    assert {r.id for r in first.rows}.isdisjoint({r.id for r in second.rows})


@pytest.mark.parametrize(("f", "expected"), [
    (AuditFilter(institution_id=SCHOOL, actor="desk.ģirts"), 10),
    (AuditFilter(institution_id=SCHOOL, action="grant"), 10),
    (AuditFilter(action="grant"), 11),  # without a school: every school's rows
    (AuditFilter(institution_id=SCHOOL, entity_type="item"), 1),
    (AuditFilter(institution_id=SCHOOL, entity_type="application", entity_id=" 3 "), 1),
    (AuditFilter(institution_id=SCHOOL, since=date(2026, 10, 12)), 6),  # 12th–14th: 3 days × 2
    (AuditFilter(institution_id=SCHOOL, until=date(2026, 10, 5)), 3),
    (AuditFilter(institution_id=SCHOOL, since=date(2026, 10, 6), until=date(2026, 10, 6),
                 actor="ilze.reviewer"), 1),
])
def test_filters(log: Store, f: AuditFilter, expected: int) -> None:
    page = audit_page(log, f, 0, 100)
    assert page.total == expected == len(page.rows)


def test_choices_offer_what_the_school_has(log: Store) -> None:
    c = audit_choices(log, SCHOOL)
    assert c.actors == ["admin.ņina", "desk.ģirts", "ilze.reviewer"]
    assert c.actions == ["create_item", "grant", "record_return"]
    assert c.entity_types == ["application", "handover", "item"]


def test_export_writes_the_filtered_rows_and_is_itself_audited(log: Store,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "audits.csv"
    n = export_csv(log, ADMIN, AuditFilter(institution_id=SCHOOL, actor="desk.ģirts"), path)
    assert n == 10
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Laiks", "Lietotājs", "Darbība", "Objekts", "Objekta ID", "Sīkāk"]
    assert len(rows) == 11
    assert {r[1] for r in rows[1:]} == {"desk.ģirts"}
    assert rows[1][2] == "Pieņemts atpakaļ" and rows[1][3] == "Izsniegšana"
    exported = audit_page(log, AuditFilter(action=EXPORT_ACTION), 0, 10).rows
    assert len(exported) == 1
    assert exported[0].actor == ADMIN.username and exported[0].entity_type == "audit_log"
    assert exported[0].details == {"rows": 10, "filter": {"institution_id": SCHOOL,
                                                          "actor": "desk.ģirts"}}


def test_export_that_cannot_be_written_is_not_logged(log: Store, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        export_csv(log, ADMIN, AuditFilter(), tmp_path / "missing" / "x.csv")
    assert audit_page(log, AuditFilter(action=EXPORT_ACTION), 0, 10).total == 0


def test_viewing_personal_data_is_logged_once_per_five_minutes(store: Store) -> None:
    seed_catalogue(store)
    app_id = add_application(store)
    t0 = datetime(2026, 11, 2, 9, tzinfo=UTC)
    assert record_view(store, REVIEWER, app_id, now=t0)
    assert not record_view(store, REVIEWER, app_id, now=t0 + timedelta(minutes=4))
    assert record_view(store, DESK, app_id, now=t0 + timedelta(minutes=4))  # someone else
    assert record_view(store, REVIEWER, app_id, now=t0 + timedelta(minutes=6))
    rows = audit_page(store, AuditFilter(action=VIEW_ACTION), 0, 10).rows
    assert [(r.actor, r.entity_id) for r in rows] == [
        ("ilze.reviewer", str(app_id)), ("desk.ģirts", str(app_id)),
        ("ilze.reviewer", str(app_id))]
    assert all(r.details == {} and r.action_label == "Skatīti personas dati" for r in rows)


def test_reading_and_exporting_never_change_existing_rows(store: Store, tmp_path: Path) -> None:
    seed_catalogue(store)
    app_id = add_application(store)
    item = add_item(store)
    decisions.grant(store, REVIEWER, app_id, item_id=item)
    with store.read() as s:
        before = [(e.id, e.at, e.actor, e.action, e.details)
                  for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    audit_page(store, AuditFilter(), 0, 50)
    export_csv(store, ADMIN, AuditFilter(), tmp_path / "a.csv")
    with store.read() as s:
        after = [(e.id, e.at, e.actor, e.action, e.details)
                 for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == len(before) + 1
    assert after[: len(before)] == before


def test_rows_carry_the_application_number_and_latvian_details(store: Store) -> None:
    seed_catalogue(store)
    app_id = add_application(store)
    item = add_item(store)
    decisions.grant(store, REVIEWER, app_id, item_id=item)
    with store.write() as s:
        s.add(AuditEntry(actor="desk.ģirts", institution_id=SCHOOL, action="record_return",
                         entity_type="handover", entity_id="h-1",
                         details={"application": app_id, "item": "RAVĢ-2024-000017",
                                  "condition": "returned_working_order"}))
    rows = audit_page(store, AuditFilter(), 0, 10).rows
    number = f"P-2026-{app_id:06d}"
    assert [r.subject for r in rows] == [f"Izsniegšana {number}", f"Pieteikums {number}"]
    assert rows[0].details_text == (f"pieteikums: {number}; resurss: RAVĢ-2024-000017; "
                                    "stāvoklis: Darba kārtībā")
    assert rows[1].details_text.startswith("Iesniegts → Piešķirts; ar resursu: jā")


@pytest.mark.parametrize(("n", "expected"), [
    (0, "0 pieteikumi"), (1, "1 pieteikums"), (11, "11 pieteikumi"), (21, "21 pieteikums"),
    (111, "111 pieteikumi"), (60, "60 pieteikumi")])
def test_latvian_count(n: int, expected: str) -> None:
    assert latvian_count(n, "pieteikums", "pieteikumi") == expected


def test_deletion_runs_show_what_retention_removed(store: Store) -> None:
    from desktop.models.retention import purge_expired
    from desktop.models.schema import Application

    seed_catalogue(store)
    app_id = add_application(store)
    with store.write() as s:
        app = s.get(Application, app_id)
        app.status = "declined"
        app.status_changed_at = datetime(2024, 1, 31, 12, tzinfo=UTC)
    purge_expired(store, today=date(2026, 2, 27))  # nothing due: not listed
    assert deletion_runs(store) == []
    assert len(deletion_runs(store, only_with_deletions=False)) == 1
    purge_expired(store, today=date(2026, 2, 28))
    [run] = deletion_runs(store)
    assert (run.trigger, run.applications, run.run_on) == ("retention", 1, date(2026, 2, 28))
    assert describe_run(run) == ("28.02.2026 pēc 25 mēnešiem dzēsti: 1 pieteikums, "
                                 "0 izsniegšanas, 0 dokumenti, 0 faili")


@pytest.mark.parametrize("actor", [DESK, REVIEWER])
def test_a_role_that_may_not_read_the_log_may_not_export_it(log: Store, tmp_path: Path,
                                                            actor) -> None:
    """Issue 14: a desk actor exported the audit log (no permission check in the core)."""
    path = tmp_path / "audits.csv"
    before = audit_page(log, AuditFilter(), 0, 1000).total
    with pytest.raises(PermissionDeniedError):
        export_csv(log, actor, AuditFilter(institution_id=SCHOOL), path)
    assert not path.exists()
    assert audit_page(log, AuditFilter(), 0, 1000).total == before


def test_another_schools_log_is_not_exported(log: Store, tmp_path: Path) -> None:
    with pytest.raises(PermissionDeniedError):
        export_csv(log, ADMIN, AuditFilter(institution_id="4313900999"), tmp_path / "a.csv")
    assert not (tmp_path / "a.csv").exists()
