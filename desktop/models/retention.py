"""Retention: a closed case is deleted 25 calendar months after it closed.

DOMAIN.md: an application whose handover is ``returned``, every ``declined`` one and every
``withdrawn`` one is deleted with its documents 25 months after that status was reached;
lost/stolen cases once the school has closed them (``closed_at``), then the same term.
The clock starts on the local calendar day of that moment; months are calendar months,
clamped to the month's end (returned 2024-01-31 → deleted from 2026-02-28). An application
the central service marked ``deleted`` goes at once: the service has already forgotten it.

What goes with an application: its social statuses, handovers, documents and
acknowledgements, status history, the audit rows about it and about its handovers, outbox
commands already acknowledged or discarded, and pulled changes held back for it — then the
generated files under ``<data dir>/documents/<application id>/`` and any file a document
row names. Everything but the files in ONE transaction; the files after it commits (a file
that cannot be removed then is retried by the next run's sweep, never the other way round:
a row is never left pointing at a deleted file).

**Unsent decisions win over the clock.** An application with an outbox command still
pending or in conflict is held back (counted, not deleted): deleting it would drop the
command (the outbox row cascades with the application) and the central service would never
learn of a decision a person made. It is deleted by the first run after the command is
acknowledged or discarded.

**A date that has not come yet cannot start the clock.** A case cannot have closed on a day
later than tomorrow (a day of clock skew): such a date came damaged or from a hostile server,
and taken as it is (year 9999) it would keep the case forever. The case counts instead from
the latest moment recorded for it that is not in the future (its last local write, its
submission, its handovers' and its history's moments); when it has none, it goes at once.

A row in ``deletion_log`` records each run: counts and dates only.
"""

from __future__ import annotations

import calendar
import logging
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta
from sqlalchemy import (
    CursorResult,
    Delete,
    Executable,
    String,
    and_,
    case,
    cast,
    delete,
    exists,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from desktop.models.changes import OpChanges
from desktop.models.codes import ApplicationStatus, CommandState, HandoverStatus
from desktop.models.files import DOCUMENTS_DIR
from desktop.models.schema import (
    Application,
    AuditEntry,
    DeferredChange,
    DeletionLog,
    Document,
    Handover,
    OutboxCommand,
    StatusHistory,
    utcnow,
)
from desktop.models.sealing import shred
from desktop.models.store import BACKUP_DIRNAME, Store

log = logging.getLogger(__name__)

RETENTION_MONTHS = 25

_CLOSED_STATUSES = (ApplicationStatus.DECLINED, ApplicationStatus.WITHDRAWN)
_OPEN_HANDOVERS = (HandoverStatus.PREPARING, HandoverStatus.PREPARED, HandoverStatus.ISSUED)
_INCIDENTS = (HandoverStatus.LOST, HandoverStatus.STOLEN)
_UNSENT = (CommandState.PENDING.value, CommandState.CONFLICT.value)


# -- month arithmetic ------------------------------------------------------------------------
def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole calendar months, clamped to the target month's last day
    (dateutil's rule: 2024-01-31 + 25 months = 2026-02-28)."""
    return day + relativedelta(months=months)


def deletion_date(clock_start: date) -> date:
    """The first day on which a case whose clock started on ``clock_start`` is deleted."""
    return add_months(clock_start, RETENTION_MONTHS)


def latest_expired_start(today: date) -> date:
    """The latest clock start that is due on ``today``: ``deletion_date(d) <= today`` holds
    exactly for ``d <= latest_expired_start(today)`` (``deletion_date`` never decreases).

    Clamping makes several starts share one deletion day (Jan 29, 30, 31 → Feb 28), so on the
    last day of a month every start up to the end of the matching month is due.
    """
    back = add_months(today, -RETENTION_MONTHS)
    if today.day == _last_day(today.year, today.month):
        return back.replace(day=_last_day(back.year, back.month))
    return back


def local_day(moment: datetime) -> date:
    """The calendar day at the workstation, where the school's "today" is counted."""
    try:
        return moment.astimezone().date()
    except OverflowError:  # year 1 or 9999 moved across midnight: out of range, keep its day
        return moment.date()


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone()


# -- the report ------------------------------------------------------------------------------
@dataclass
class PurgeReport:
    """What one run deleted (and held back). Counts and dates only."""

    run_on: date
    trigger: str = "retention"
    applications: int = 0
    handovers: int = 0
    documents: int = 0
    files: int = 0
    history_rows: int = 0
    audit_rows: int = 0
    outbox_rows: int = 0
    held_back: int = 0
    oldest_start: date | None = None
    newest_start: date | None = None
    file_errors: int = 0
    backups: int = 0  # copies made before a migration, past BACKUP_KEEP_DAYS

    @property
    def changes(self) -> OpChanges:
        """Retention deletes whole cases by count: every view that shows them reloads."""
        return OpChanges(everything=True) if self.applications or self.handovers else OpChanges()
    purged_ids: list[int] = field(default_factory=list, repr=False)  # in memory only

    def summary(self) -> str:
        return (f"deleted {self.applications} applications, {self.handovers} handovers, "
                f"{self.documents} documents, {self.files} files; held back {self.held_back}")


# -- finding what is due ---------------------------------------------------------------------
def _clock_starts(session: Session, cutoff: datetime, horizon: datetime
                  ) -> tuple[dict[int, datetime], set[int]]:
    """Applications whose retention clock started before ``cutoff`` with that moment, and
    the ids of those due whatever the date: marked ``deleted`` by the central service, or
    with only impossible dates (see the module docstring).

    ``cutoff`` is the local midnight after the latest due day, so this is a superset check
    done by indexes; the exact calendar rule is applied to each result afterwards. A start
    at or after ``horizon`` cannot be real and is replaced by ``_credible_start``.
    """
    starts: dict[int, datetime] = {}
    immediate: set[int] = set()
    closed = select(Application.id, Application.status, Application.status_changed_at).where(
        Application.status.in_([s.value for s in _CLOSED_STATUSES]),
        Application.status_changed_at < cutoff,
    )
    for app_id, _status, changed in session.execute(closed):
        starts[app_id] = changed
    impossible = set(session.scalars(select(Application.id).where(
        Application.status.in_([s.value for s in _CLOSED_STATUSES]),
        Application.status_changed_at >= horizon)))
    for app_id, _status, changed in session.execute(
        select(Application.id, Application.status, Application.status_changed_at)
        .where(Application.status == ApplicationStatus.DELETED.value)
    ):
        starts[app_id] = changed
        immediate.add(app_id)

    # Granted cases: every handover ended (returned, or a lost/stolen case the school closed)
    # and none still open; the clock starts at the last ending.
    handover_end = case(
        (Handover.status == HandoverStatus.RETURNED.value,
         func.coalesce(Handover.returned_at, Handover.status_changed_at)),
        (Handover.status.in_([s.value for s in _INCIDENTS]), Handover.closed_at),
        else_=None,
    )
    other = aliased(Handover)
    blocking = exists().where(
        other.application_id == Application.id,
        or_(other.status.in_([s.value for s in _OPEN_HANDOVERS]),
            and_(other.status.in_([s.value for s in _INCIDENTS]), other.closed_at.is_(None))),
    )
    granted = (
        select(Application.id, func.max(handover_end))
        .join(Handover, Handover.application_id == Application.id)
        .where(Application.status == ApplicationStatus.CONFIRMED.value, ~blocking)
        .group_by(Application.id)
        .having(func.max(handover_end).is_not(None))
    )
    for app_id, ended_at in session.execute(granted):
        moment = _as_utc(ended_at)
        if moment < cutoff:
            starts[app_id] = moment
        elif moment >= horizon:
            impossible.add(app_id)
    for app_id in impossible:
        credible = _credible_start(session, app_id, horizon)
        if credible is None:
            immediate.add(app_id)
            starts[app_id] = horizon
        elif credible < cutoff:
            starts[app_id] = credible
    return starts, immediate


def _credible_start(session: Session, app_id: int, horizon: datetime) -> datetime | None:
    """The latest moment recorded for a case that is not beyond ``horizon``, if any."""
    app = session.get(Application, app_id)
    if app is None:
        return None
    moments: list[datetime | None] = [app.updated_at, app.submitted_at,
                                      app.guardian_checked_at, app.status_changed_at]
    for h in app.handovers:
        moments += [h.status_changed_at, h.created_at, h.prepared_at, h.issued_at,
                    h.returned_at, h.closed_at, h.incident_reported_at,
                    h.incident_acknowledged_at]
    moments += session.scalars(select(StatusHistory.at)
                               .where(StatusHistory.application_id == app_id))
    credible = [_as_utc(m) for m in moments if m is not None and _as_utc(m) < horizon]
    return max(credible, default=None)


def _as_utc(value: datetime | str) -> datetime:
    """An aggregate over a UTC column comes back as the stored naive text; make it aware."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _held_back(session: Session, ids: Iterable[int]) -> set[int]:
    wanted = list(ids)
    held: set[int] = set()
    for chunk in _chunks(wanted):
        held.update(session.scalars(
            select(OutboxCommand.application_id).distinct()
            .where(OutboxCommand.application_id.in_(chunk), OutboxCommand.state.in_(_UNSENT))
        ))
    return held


def _chunks(values: list[int], size: int = 500) -> Iterable[list[int]]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


# -- deleting --------------------------------------------------------------------------------
def _count(session: Session, stmt: Executable) -> int:
    return int(session.execute(stmt).scalar() or 0)


def _deleted(session: Session, stmt: Delete) -> int:
    """How many rows the DELETE removed (a DML statement's result is a CursorResult)."""
    result = session.execute(stmt)
    assert isinstance(result, CursorResult)
    return result.rowcount


def _delete_cases(session: Session, ids: list[int], report: PurgeReport) -> list[str]:
    """Delete the applications and all that hangs on them; return the files to remove."""
    files: list[str] = []
    for chunk in _chunks(ids):
        keys = [str(i) for i in chunk]
        handover_ids = list(session.scalars(
            select(Handover.id).where(Handover.application_id.in_(chunk))))
        doc_filter = or_(Document.application_id.in_(chunk),
                         Document.handover_id.in_(handover_ids))
        files.extend(p for p in session.scalars(select(Document.file_path).where(doc_filter))
                     if p)
        report.handovers += len(handover_ids)
        report.documents += _count(session, select(func.count()).select_from(Document)
                                   .where(doc_filter))
        report.history_rows += _count(session, select(func.count()).select_from(StatusHistory)
                                      .where(StatusHistory.application_id.in_(chunk)))
        report.outbox_rows += _count(session, select(func.count()).select_from(OutboxCommand)
                                     .where(OutboxCommand.application_id.in_(chunk)))
        audit_about = or_(
            and_(AuditEntry.entity_type == "application", AuditEntry.entity_id.in_(keys)),
            and_(AuditEntry.entity_type == "handover", AuditEntry.entity_id.in_(handover_ids)),
            func.json_extract(AuditEntry.details, "$.application").in_(chunk),
        )
        report.audit_rows += _deleted(session, delete(AuditEntry).where(audit_about))
        session.execute(delete(DeferredChange).where(DeferredChange.entity == "application",
                                                     DeferredChange.entity_id.in_(keys)))
        # The rest cascades from the application row (statuses, handovers, documents,
        # acknowledgements, history, outbox): foreign keys are on in every store session.
        session.execute(delete(Document).where(doc_filter))
        report.applications += _deleted(
            session, delete(Application).where(Application.id.in_(chunk)))
    return files


def _inside(root: Path, candidate: Path) -> bool:
    try:
        candidate.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def _remove_files(data_dir: Path, paths: Iterable[str], ids: Iterable[int],
                  report: PurgeReport) -> None:
    """Remove named files and each application's documents folder; never outside the data
    folder (a damaged row must not make retention delete someone else's file)."""
    for rel in paths:
        target = data_dir / rel
        if not _inside(data_dir, target):
            report.file_errors += 1
            continue
        try:
            target.unlink()
            report.files += 1
        except FileNotFoundError:
            pass
        except OSError:
            report.file_errors += 1
    docs = data_dir / DOCUMENTS_DIR
    for app_id in ids:
        folder = docs / str(app_id)
        if folder.is_dir() and _inside(docs, folder):
            report.files += sum(1 for p in folder.rglob("*") if p.is_file())
            shutil.rmtree(folder, ignore_errors=True)
            if folder.exists():
                report.file_errors += 1


def _log(session: Session, report: PurgeReport) -> None:
    session.add(DeletionLog(
        at=utcnow(), run_on=report.run_on, trigger=report.trigger,
        applications=report.applications, handovers=report.handovers,
        documents=report.documents, files=report.files, history_rows=report.history_rows,
        audit_rows=report.audit_rows, outbox_rows=report.outbox_rows,
        held_back=report.held_back, oldest_start=report.oldest_start,
        newest_start=report.newest_start,
    ))


def purge_expired(store: Store, today: date | None = None) -> PurgeReport:
    """Delete every case whose 25 months are up on ``today`` (default: the local today).

    Rows go in one transaction, files after it; a ``deletion_log`` row records the run (its
    file count is written after the files went, in a second small transaction).
    """
    today = today or local_day(utcnow())
    report = PurgeReport(run_on=today)
    cutoff = _local_midnight(latest_expired_start(today) + timedelta(days=1))
    # Today and tomorrow (a day of clock skew) are possible closing days; later ones are not.
    horizon = _local_midnight(today + timedelta(days=2))
    with store.write() as session:
        starts, immediate = _clock_starts(session, cutoff, horizon)
        due: dict[int, date] = {}
        for app_id, moment in starts.items():
            start_day = local_day(_as_utc(moment))
            if app_id in immediate or deletion_date(start_day) <= today:
                due[app_id] = start_day
        held = _held_back(session, due)
        report.held_back = len(held)
        ids = sorted(set(due) - held)
        if ids:
            days = [due[i] for i in ids]
            report.oldest_start, report.newest_start = min(days), max(days)
            files = _delete_cases(session, ids, report)
        else:
            files = []
        report.purged_ids = ids
        _log(session, report)
        session.flush()
        log_id = session.scalars(select(func.max(DeletionLog.id))).one()
    _remove_files(store.data_dir, files, ids, report)
    if report.files or report.file_errors:
        with store.write() as session:
            row = session.get(DeletionLog, log_id)
            if row is not None:
                row.files = report.files
    log.info("retention: %s", report.summary())
    # Also whatever earlier deletions left: a tombstone applied late (held back behind an
    # unsent decision), or a file that could not be removed last time.
    sweep_orphans(store, today=today)
    report.backups = expire_backups(store.data_dir, today)
    return report


#: How long a copy made before a migration is kept: long enough to notice a failed upgrade,
#: short enough that a case retention removed does not live on in it.
BACKUP_KEEP_DAYS = 30


def expire_backups(data_dir: Path, today: date) -> int:
    """Overwrite and remove the backups older than ``BACKUP_KEEP_DAYS`` (by the day they were
    written); the number removed."""
    folder = data_dir / BACKUP_DIRNAME
    if not folder.is_dir():
        return 0
    limit = today - timedelta(days=BACKUP_KEEP_DAYS)
    removed = 0
    for backup in sorted(folder.iterdir()):
        try:
            if backup.is_symlink() or not backup.is_file():
                continue
            if date.fromtimestamp(backup.stat().st_mtime) < limit:
                shred(backup)
                removed += 1
        except OSError as exc:
            log.warning("retention: a backup could not be removed (%s)", type(exc).__name__)
    return removed


def sweep_orphans(store: Store, *, trigger: str = "tombstone",
                  today: date | None = None) -> PurgeReport:
    """Remove what outlived its application (after tombstones from the central service).

    The sync engine deletes a tombstoned application's rows, which cascade; the files under
    ``documents/<id>/`` and the audit rows about it are not tied to it by foreign keys, so
    they are removed here. Idempotent and cheap when there is nothing to do; logged only
    when something went.
    """
    report = PurgeReport(run_on=today or local_day(utcnow()), trigger=trigger)
    docs = store.data_dir / DOCUMENTS_DIR
    folder_ids = [int(p.name) for p in docs.iterdir() if p.is_dir() and p.name.isdigit()] \
        if docs.is_dir() else []
    with store.write() as session:
        # Only the folders on disk are checked (not every application id): after a first
        # sync with tombstones there are none, and this runs inside the sync.
        gone_folders = [i for i in folder_ids
                        if session.get(Application, i) is None] if folder_ids else []
        live_handovers = select(Handover.id)
        orphan_audit = or_(
            and_(AuditEntry.entity_type == "application",
                 AuditEntry.entity_id.not_in(select(cast(Application.id, String)))),
            and_(AuditEntry.entity_type == "handover",
                 AuditEntry.entity_id.not_in(live_handovers),
                 func.json_extract(AuditEntry.details, "$.application").not_in(
                     select(Application.id))),
        )
        report.audit_rows = _deleted(session, delete(AuditEntry).where(orphan_audit))
    _remove_files(store.data_dir, [], gone_folders, report)
    if report.audit_rows or report.files:
        with store.write() as session:
            _log(session, report)
    return report

