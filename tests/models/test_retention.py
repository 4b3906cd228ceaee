"""Retention: the 25-month rule on a fixed clock, what goes with a case, and what stays."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.models.codes import (
    ApplicationStatus,
    CommandState,
    DocumentType,
    HandoverStatus,
    ItemStatus,
)
from desktop.models.retention import (
    add_months,
    deletion_date,
    latest_expired_start,
    purge_expired,
    sweep_orphans,
)
from desktop.models.schema import (
    Application,
    AuditEntry,
    DeferredChange,
    DeletionLog,
    Document,
    DocumentAcknowledgement,
    Handover,
    OutboxCommand,
    StatusHistory,
)
from desktop.models.store import Store
from factories import SCHOOL, add_application, add_item, seed_catalogue


def noon(day: date) -> datetime:
    """Midday UTC: the same calendar day in every time zone the tests may run in."""
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


# -- month arithmetic ------------------------------------------------------------------------
@pytest.mark.parametrize(("start", "months", "expected"), [
    (date(2024, 1, 31), 25, date(2026, 2, 28)),   # the issue's example: clamped to Feb 28
    (date(2024, 2, 29), 25, date(2026, 3, 29)),   # leap day start, ordinary target
    (date(2022, 1, 31), 25, date(2024, 2, 29)),   # clamped into a leap February
    (date(2022, 1, 29), 25, date(2024, 2, 29)),
    (date(2023, 12, 31), 25, date(2026, 1, 31)),  # across two year ends
    (date(2024, 3, 31), 25, date(2026, 4, 30)),   # 31 → 30-day month
    (date(2024, 11, 30), 25, date(2026, 12, 30)),
    (date(2026, 3, 31), -1, date(2026, 2, 28)),
    (date(2026, 2, 28), -25, date(2024, 1, 28)),
    (date(2024, 1, 15), 0, date(2024, 1, 15)),
])
def test_add_months_clamps_to_the_end_of_the_month(start: date, months: int,
                                                   expected: date) -> None:
    assert add_months(start, months) == expected


def test_latest_expired_start_is_exactly_the_inverse_of_the_rule() -> None:
    # For every day of three years (two leap Februaries among them): a start is due on that
    # day exactly when it is not after latest_expired_start.
    starts = [date(2021, 10, 1) + timedelta(days=i) for i in range(1000)]
    today = date(2026, 1, 1)
    while today < date(2028, 4, 1):
        bound = latest_expired_start(today)
        for start in starts:
            assert (deletion_date(start) <= today) == (start <= bound), (start, today)
        today += timedelta(days=1)


# -- cases on disk ---------------------------------------------------------------------------
def _case(store: Store, *, status: ApplicationStatus, changed: date,
          handovers: list[tuple[HandoverStatus, date | None]] = (),  # type: ignore[assignment]
          with_file: bool = True, learner: str = "Jānis Bērziņš") -> int:
    """An application with its history, audit rows, handovers and a generated act on disk."""
    app_id = add_application(store, status=status, learner=learner)
    item_id = add_item(store, status=ItemStatus.AVAILABLE)
    with store.write() as s:
        app = s.get(Application, app_id)
        assert app is not None
        app.status_changed_at = noon(changed)
        s.add(StatusHistory(entity_type="application", entity_id=str(app_id),
                            application_id=app_id, action="sync", from_status="submitted",
                            to_status=status.value, actor="central", source="central",
                            at=noon(changed)))
        s.add(AuditEntry(actor="ilze.reviewer", institution_id=SCHOOL, action="refuse",
                         entity_type="application", entity_id=str(app_id), details={}))
        for n, (h_status, ended) in enumerate(handovers):
            h = Handover(application_id=app_id, item_id=item_id, status=h_status,
                         act_number=f"{app.number}-A{n + 1}", status_changed_at=noon(changed),
                         returned_at=noon(ended) if ended and h_status is HandoverStatus.RETURNED
                         else None,
                         closed_at=noon(ended) if ended and h_status in (
                             HandoverStatus.LOST, HandoverStatus.STOLEN) else None)
            s.add(h)
            s.flush()
            s.add(AuditEntry(actor="desk.ģirts", institution_id=SCHOOL,
                             action="record_return", entity_type="handover", entity_id=h.id,
                             details={"application": app_id, "item": "INV-1"}))
            if with_file:
                rel = f"documents/{app_id}/{h.act_number}.pdf"
                path = store.data_dir / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(b"%PDF-1.4 akts")
                doc = Document(institution_id=SCHOOL, application_id=app_id,
                               handover_id=h.id, doc_type=DocumentType.PNA,
                               title="Pieņemšanas-nodošanas akts", file_path=rel)
                s.add(doc)
                s.flush()
                s.add(DocumentAcknowledgement(application_id=app_id, document_id=doc.id,
                                              acknowledged_at=noon(changed)))
    return app_id


def _exists(store: Store, app_id: int) -> bool:
    with store.read() as s:
        return s.get(Application, app_id) is not None


@pytest.fixture
def catalogue(store: Store) -> Store:
    seed_catalogue(store)
    return store


def test_returned_on_31_january_is_deleted_from_28_february_two_years_later(
        catalogue: Store) -> None:
    store = catalogue
    app_id = _case(store, status=ApplicationStatus.CONFIRMED, changed=date(2023, 9, 1),
                   handovers=[(HandoverStatus.RETURNED, date(2024, 1, 31))])
    folder = store.data_dir / "documents" / str(app_id)
    assert any(folder.iterdir())

    before = purge_expired(store, today=date(2026, 2, 27))  # the day before
    assert before.applications == 0 and _exists(store, app_id) and folder.is_dir()

    report = purge_expired(store, today=date(2026, 2, 28))  # the day of deletion
    assert report.applications == 1 and report.handovers == 1 and report.documents == 1
    assert report.files == 1
    assert not _exists(store, app_id)
    assert not folder.exists()  # the generated act is gone from the disk too
    with store.read() as s:
        for table in (Handover, Document, DocumentAcknowledgement):
            assert s.scalar(select(func.count()).select_from(table)) == 0
        assert s.scalar(select(func.count()).select_from(StatusHistory)
                        .where(StatusHistory.application_id == app_id)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_declined_on_a_leap_day_is_kept_until_the_29th_of_march(catalogue: Store) -> None:
    store = catalogue
    app_id = _case(store, status=ApplicationStatus.DECLINED, changed=date(2024, 2, 29),
                   with_file=False)
    assert purge_expired(store, today=date(2026, 3, 28)).applications == 0
    assert _exists(store, app_id)
    assert purge_expired(store, today=date(2026, 3, 29)).applications == 1
    assert not _exists(store, app_id)


def test_withdrawn_follows_the_same_term(catalogue: Store) -> None:
    store = catalogue
    app_id = _case(store, status=ApplicationStatus.WITHDRAWN, changed=date(2024, 5, 15))
    assert purge_expired(store, today=date(2026, 6, 14)).applications == 0
    assert purge_expired(store, today=date(2026, 6, 15)).applications == 1
    assert not _exists(store, app_id)


def test_open_cases_are_never_deleted(catalogue: Store) -> None:
    store = catalogue
    long_ago = date(2020, 1, 10)
    kept = [
        _case(store, status=ApplicationStatus.SUBMITTED, changed=long_ago),
        _case(store, status=ApplicationStatus.POSTPONED, changed=long_ago),
        _case(store, status=ApplicationStatus.CONFIRMED, changed=long_ago),  # no handover
        _case(store, status=ApplicationStatus.CONFIRMED, changed=long_ago,
              handovers=[(HandoverStatus.ISSUED, None)]),
        # returned once, then lent again: the second loan is still out
        _case(store, status=ApplicationStatus.CONFIRMED, changed=long_ago,
              handovers=[(HandoverStatus.RETURNED, long_ago), (HandoverStatus.ISSUED, None)]),
        # lost and not yet closed by the school: stays until it is
        _case(store, status=ApplicationStatus.CONFIRMED, changed=long_ago,
              handovers=[(HandoverStatus.LOST, None)]),
        # only a cancelled handover: the case is not over
        _case(store, status=ApplicationStatus.CONFIRMED, changed=long_ago,
              handovers=[(HandoverStatus.CANCELLED, None)]),
    ]
    report = purge_expired(store, today=date(2030, 1, 1))
    assert report.applications == 0
    assert all(_exists(store, i) for i in kept)


def test_a_closed_lost_case_counts_from_its_closing(catalogue: Store) -> None:
    store = catalogue
    app_id = _case(store, status=ApplicationStatus.CONFIRMED, changed=date(2023, 1, 5),
                   handovers=[(HandoverStatus.STOLEN, date(2024, 4, 30))])
    assert purge_expired(store, today=date(2026, 5, 29)).applications == 0
    assert purge_expired(store, today=date(2026, 5, 30)).applications == 1
    assert not _exists(store, app_id)


def test_an_unsent_decision_holds_the_case_back_until_it_is_acknowledged(
        catalogue: Store) -> None:
    store = catalogue
    app_id = _case(store, status=ApplicationStatus.DECLINED, changed=date(2023, 1, 2))
    with store.write() as s:
        s.add(OutboxCommand(institution_id=SCHOOL, aggregate_type="application",
                            aggregate_id=str(app_id), application_id=app_id, command="refuse",
                            payload={"reason": "Nav pieejamu ierīču"}, base_version=1,
                            actor="ilze.reviewer"))
        s.add(DeferredChange(entity="application", entity_id=str(app_id), version=5,
                             body="{}"))
    report = purge_expired(store, today=date(2026, 1, 1))
    assert report.applications == 0 and report.held_back == 1
    assert _exists(store, app_id)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxCommand)) == 1

    with store.write() as s:
        cmd = s.scalars(select(OutboxCommand)).one()
        cmd.state = CommandState.DONE
    report = purge_expired(store, today=date(2026, 1, 1))
    assert report.applications == 1 and report.outbox_rows == 1 and report.held_back == 0
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxCommand)) == 0
        assert s.scalar(select(func.count()).select_from(DeferredChange)) == 0


def test_other_records_survive_a_purge(catalogue: Store) -> None:
    store = catalogue
    old = _case(store, status=ApplicationStatus.DECLINED, changed=date(2023, 1, 2))
    young = _case(store, status=ApplicationStatus.DECLINED, changed=date(2025, 6, 1),
                  learner="Anna Kalniņa")
    item_id = add_item(store)
    with store.write() as s:
        s.add(AuditEntry(actor="admin.ņina", institution_id=SCHOOL, action="create_item",
                         entity_type="item", entity_id=item_id, details={"inventory_no": "X"}))
        s.add(StatusHistory(entity_type="item", entity_id=item_id, action="commission",
                            from_status="new", to_status="available", actor="admin.ņina"))
    assert purge_expired(store, today=date(2026, 1, 1)).applications == 1
    assert not _exists(store, old) and _exists(store, young)
    with store.read() as s:
        actions = sorted(s.scalars(select(AuditEntry.action)))
        assert actions == ["create_item", "refuse"]  # the young case's and the item's
        assert s.scalar(select(func.count()).select_from(StatusHistory)
                        .where(StatusHistory.entity_type == "item")) == 1


def test_deleted_by_the_central_service_goes_at_once(catalogue: Store) -> None:
    store = catalogue
    app_id = _case(store, status=ApplicationStatus.DELETED, changed=date(2026, 8, 1))
    assert purge_expired(store, today=date(2026, 8, 2)).applications == 1
    assert not _exists(store, app_id)


def test_a_file_path_outside_the_data_folder_is_never_deleted(catalogue: Store,
                                                             tmp_path: Path) -> None:
    store = catalogue
    outside = tmp_path / "outside.pdf"
    outside.write_bytes(b"not ours")
    app_id = _case(store, status=ApplicationStatus.DECLINED, changed=date(2023, 1, 2),
                   with_file=False)
    with store.write() as s:
        s.add(Document(institution_id=SCHOOL, application_id=app_id, doc_type=DocumentType.PNA,
                       title="Akts", file_path="../outside.pdf"))
    report = purge_expired(store, today=date(2026, 1, 1))
    assert report.applications == 1 and report.file_errors == 1
    assert outside.read_bytes() == b"not ours"


def test_the_deletion_log_keeps_counts_and_dates_only(catalogue: Store) -> None:
    store = catalogue
    app_id = _case(store, status=ApplicationStatus.CONFIRMED, changed=date(2023, 9, 1),
                   handovers=[(HandoverStatus.RETURNED, date(2024, 1, 31))],
                   learner="Ēriks Šņore")
    with store.read() as s:
        number = s.get(Application, app_id).number  # type: ignore[union-attr]
    purge_expired(store, today=date(2026, 2, 27))
    purge_expired(store, today=date(2026, 3, 1))
    with store.read() as s:
        rows = list(s.scalars(select(DeletionLog).order_by(DeletionLog.id)))
        text = " ".join(str(v) for r in rows for k, v in vars(r).items()
                        if not k.startswith("_"))
    assert len(rows) == 2  # every run is logged, also one that deleted nothing
    assert (rows[0].applications, rows[1].applications) == (0, 1)
    assert rows[1].files == 1 and rows[1].handovers == 1 and rows[1].documents == 1
    assert rows[1].oldest_start == rows[1].newest_start == date(2024, 1, 31)
    assert rows[1].run_on == date(2026, 3, 1)
    for secret in ("Ēriks", "Šņore", "Bērziņa", "010180", "150312", number, str(app_id),
                   "liga.berzina", "+371"):
        assert secret not in text


def test_sweep_removes_what_a_tombstone_left_behind(catalogue: Store) -> None:
    store = catalogue
    gone = _case(store, status=ApplicationStatus.CONFIRMED, changed=date(2026, 1, 1),
                 handovers=[(HandoverStatus.RETURNED, date(2026, 2, 1))])
    kept = _case(store, status=ApplicationStatus.CONFIRMED, changed=date(2026, 1, 1),
                 handovers=[(HandoverStatus.RETURNED, date(2026, 2, 1))])
    with store.write() as s:  # what the sync engine does with a tombstone
        s.delete(s.get(Application, gone))
    assert (store.data_dir / "documents" / str(gone)).is_dir()

    report = sweep_orphans(store)
    assert report.files == 1 and report.audit_rows == 2
    assert not (store.data_dir / "documents" / str(gone)).exists()
    assert (store.data_dir / "documents" / str(kept)).is_dir()
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 2  # the kept case's
        log_row = s.scalars(select(DeletionLog)).one()
        assert log_row.trigger == "tombstone" and log_row.files == 1
    assert sweep_orphans(store).files == 0  # nothing more to do, nothing more logged
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(DeletionLog)) == 1


def test_a_failure_midway_deletes_nothing_and_keeps_the_files(catalogue: Store,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    store = catalogue
    app_id = _case(store, status=ApplicationStatus.CONFIRMED, changed=date(2023, 9, 1),
                   handovers=[(HandoverStatus.RETURNED, date(2024, 1, 31))])
    folder = store.data_dir / "documents" / str(app_id)

    def broken(*_args: object) -> None:
        raise OSError("disk full")

    from desktop.models import retention

    monkeypatch.setattr(retention, "_log", broken)  # fails after the rows were deleted
    with pytest.raises(OSError):
        purge_expired(store, today=date(2026, 3, 1))
    assert _exists(store, app_id) and any(folder.iterdir())  # rolled back, files untouched
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Handover)) == 1
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 2


def test_the_daily_run_also_sweeps_what_a_late_tombstone_left(catalogue: Store) -> None:
    store = catalogue
    gone = _case(store, status=ApplicationStatus.CONFIRMED, changed=date(2026, 1, 1),
                 handovers=[(HandoverStatus.RETURNED, date(2026, 2, 1))])
    with store.write() as s:
        s.delete(s.get(Application, gone))
    report = purge_expired(store, today=date(2026, 3, 1))
    assert report.applications == 0
    assert not (store.data_dir / "documents" / str(gone)).exists()
    with store.read() as s:
        triggers = sorted(s.scalars(select(DeletionLog.trigger)))
    assert triggers == ["retention", "tombstone"]


# -- impossible dates (issue 14: "a year-9999 status date keeps a case forever") ------------
YEAR_9999 = datetime(9999, 12, 31, 12, tzinfo=UTC)


def _every_moment(store: Store, app_id: int, day: date) -> None:
    """Pin every moment recorded for the case (incl. the local write) to ``day``, so that
    nothing in the test depends on the clock the factories read."""
    with store.write() as s:
        app = s.get(Application, app_id)
        assert app is not None
        app.updated_at = app.submitted_at = app.status_changed_at = noon(day)
        app.guardian_checked_at = None
        for h in app.handovers:
            h.status_changed_at = h.created_at = noon(day)
        for row in s.scalars(select(StatusHistory).where(StatusHistory.application_id == app_id)):
            row.at = noon(day)


def test_a_year_9999_decline_counts_from_the_last_credible_moment(catalogue: Store) -> None:
    store = catalogue
    app_id = _case(store, status=ApplicationStatus.DECLINED, changed=date(2024, 1, 10),
                   with_file=False)
    _every_moment(store, app_id, date(2024, 1, 10))
    with store.write() as s:
        app = s.get(Application, app_id)
        assert app is not None
        app.status_changed_at = YEAR_9999  # as a hostile page (or a damaged store) left it
        for row in s.scalars(select(StatusHistory)
                             .where(StatusHistory.application_id == app_id)):
            row.at = YEAR_9999
    assert purge_expired(store, today=date(2026, 2, 9)).applications == 0
    assert _exists(store, app_id)
    assert purge_expired(store, today=date(2026, 2, 10)).applications == 1
    assert not _exists(store, app_id)


def test_a_return_dated_year_9999_counts_from_the_handovers_other_moments(
        catalogue: Store) -> None:
    store = catalogue
    app_id = _case(store, status=ApplicationStatus.CONFIRMED, changed=date(2023, 9, 1),
                   handovers=[(HandoverStatus.RETURNED, date(2024, 1, 31))])
    _every_moment(store, app_id, date(2023, 9, 1))
    with store.write() as s:
        h = s.scalars(select(Handover).where(Handover.application_id == app_id)).one()
        h.issued_at = noon(date(2023, 9, 5))
        h.returned_at = YEAR_9999
    assert purge_expired(store, today=date(2025, 10, 4)).applications == 0
    report = purge_expired(store, today=date(2025, 10, 5))  # 25 months after the issue
    assert report.applications == 1 and report.files == 1
    assert not _exists(store, app_id)


def test_a_case_with_no_credible_date_at_all_goes_at_once(catalogue: Store) -> None:
    store = catalogue
    app_id = _case(store, status=ApplicationStatus.WITHDRAWN, changed=date(2024, 5, 15),
                   with_file=False)
    with store.write() as s:
        app = s.get(Application, app_id)
        assert app is not None
        app.updated_at = app.submitted_at = app.status_changed_at = YEAR_9999
        app.guardian_checked_at = None
        for row in s.scalars(select(StatusHistory)
                             .where(StatusHistory.application_id == app_id)):
            row.at = YEAR_9999
    assert purge_expired(store, today=date(2026, 1, 1)).applications == 1
    assert not _exists(store, app_id)


def test_a_closing_day_of_tomorrow_is_clock_skew_and_taken_as_it_is(catalogue: Store) -> None:
    store = catalogue
    app_id = _case(store, status=ApplicationStatus.DECLINED, changed=date(2026, 1, 2),
                   with_file=False)
    _every_moment(store, app_id, date(2026, 1, 2))
    assert purge_expired(store, today=date(2026, 1, 1)).applications == 0  # not "at once"
    assert purge_expired(store, today=date(2028, 2, 1)).applications == 0
    assert purge_expired(store, today=date(2028, 2, 2)).applications == 1
    assert not _exists(store, app_id)


def test_backups_older_than_thirty_days_go_with_the_daily_run(data_dir: Path) -> None:
    import os

    from desktop.models.retention import BACKUP_KEEP_DAYS, purge_expired
    from desktop.models.store import BACKUP_DIRNAME, open_store

    open_store(data_dir, target_revision="0011").close()
    store = open_store(data_dir)  # the migration leaves a backup
    try:
        [backup] = (data_dir / BACKUP_DIRNAME).glob("*.sqlite3")
        today = date(2026, 12, 8)
        written = datetime(2026, 12, 8, 12, tzinfo=UTC) - timedelta(days=BACKUP_KEEP_DAYS)
        os.utime(backup, (written.timestamp(), written.timestamp()))
        assert purge_expired(store, today=today).backups == 0  # thirty days: still kept
        older = written - timedelta(days=1)
        os.utime(backup, (older.timestamp(), older.timestamp()))
        assert purge_expired(store, today=today).backups == 1
        assert not backup.exists()
    finally:
        store.close()
