"""Reading the audit log: filtered pages, the filter choices, CSV export, and viewing records.

The audit log is append-only: nothing here changes or deletes a row. Retention removes the
rows about purged applications (``retention.py``); that is the only deletion there is.
Exporting the log and viewing an applicant's personal data are themselves audited.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from desktop.models.audit_words import (
    EXPORT_ACTION,
    VIEW_ACTION,
    action_label,
    describe_details,
    entity_label,
    report_label,
)
from desktop.models.errors import PermissionDeniedError
from desktop.models.journal import Actor
from desktop.models.permissions import Permission, require
from desktop.models.reports import write_csv
from desktop.models.schema import (
    Application,
    AuditEntry,
    DeletionLog,
    Document,
    Handover,
    Institution,
    Item,
    OfferedKind,
    ResourceKind,
    StaffUser,
    utcnow,
)
from desktop.models.store import Store

# Opening the same applicant's detail again within this time is one viewing, not many:
# the log stays readable when someone pages back and forth through the inbox.
VIEW_COALESCE = timedelta(minutes=5)

CSV_COLUMNS = ("Laiks", "Lietotājs", "Darbība", "Objekts", "Objekta ID", "Sīkāk")


@dataclass(frozen=True)
class AuditFilter:
    """What to show; ``None`` or empty means any. Dates are local calendar days, inclusive.

    ``language`` is not a filter: it is the language the rows' words come back in.
    """

    institution_id: str | None = None
    actor: str | None = None
    action: str | None = None
    entity_type: str | None = None
    entity_id: str | None = None
    since: date | None = None
    until: date | None = None
    language: str = "lv"

    def described(self) -> dict[str, str]:
        """The filter as plain values, for the audit row of an export (no personal data:
        the fields are user names, codes, record ids and dates)."""
        return {k: (v.isoformat() if isinstance(v, date) else str(v))
                for k, v in vars(self).items() if v not in (None, "") and k != "language"}


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str
    details: dict[str, Any] = field(default_factory=dict)
    #: what names the record for a person (an application's or act's number, an inventory
    #: number, a kind's or report's name), looked up by the query; None when not known
    number: str | None = None
    details_text: str = ""
    #: the user's display name when the store knows it, else the user name
    actor_name: str = ""
    language: str = "lv"

    @property
    def action_label(self) -> str:
        return action_label(self.action, self.language)

    @property
    def entity_label(self) -> str:
        return entity_label(self.entity_type, self.language)

    @property
    def subject(self) -> str:
        """"Pieteikums P-2026-000046", "Ierīce RAVĢ-2024-000017", or the kind of record
        alone (a purged one); a kind of record this version does not know with its id."""
        if self.number:
            return f"{self.entity_label} {self.number}"
        if self.entity_label == self.entity_type and self.entity_id:
            return f"{self.entity_type} {self.entity_id}"
        return self.entity_label

    @property
    def who(self) -> str:
        return self.actor_name or self.actor


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    total: int
    offset: int


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone()


def _conditions(f: AuditFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if f.institution_id:
        conds.append(AuditEntry.institution_id == f.institution_id)
    if f.actor:
        conds.append(AuditEntry.actor == f.actor)
    if f.action:
        conds.append(AuditEntry.action == f.action)
    if f.entity_type:
        conds.append(AuditEntry.entity_type == f.entity_type)
    if f.entity_id:
        conds.append(AuditEntry.entity_id == f.entity_id.strip())
    if f.since:
        conds.append(AuditEntry.at >= _local_midnight(f.since))
    if f.until:
        conds.append(AuditEntry.at < _local_midnight(f.until + timedelta(days=1)))
    return conds


def _application_of(e: AuditEntry) -> int | None:
    if e.entity_type == "application" and e.entity_id.isdigit():
        return int(e.entity_id)
    value = (e.details or {}).get("application")
    return value if isinstance(value, int) else None


def _of_type(entries: Sequence[AuditEntry], entity_type: str) -> set[str]:
    return {e.entity_id for e in entries if e.entity_type == entity_type}


def _detail_values(entries: Sequence[AuditEntry], *keys: str) -> set[Any]:
    return {v for e in entries for k in keys
            if isinstance(v := (e.details or {}).get(k), (int, str))}


class _Names:
    """What names the records a page of rows refers to: one query per kind of record for
    the whole page (never one per row), so a page of 200 rows costs a handful of reads."""

    def __init__(self, s: Session, entries: Sequence[AuditEntry], language: str) -> None:
        handovers = _of_type(entries, "handover")
        self.handover_app: dict[str, int] = _pairs(
            s, Handover.id, Handover.application_id, handovers)
        app_ids = {i for i in map(_application_of, entries) if i is not None}
        app_ids |= set(self.handover_app.values())
        self.applications: dict[int, str] = _pairs(s, Application.id, Application.number, app_ids)
        self.items: dict[str, str] = _pairs(s, Item.id, Item.inventory_no,
                                            _of_type(entries, "item"))
        self.offered: dict[str, str] = _pairs(s, OfferedKind.id, OfferedKind.kind_code,
                                              _of_type(entries, "offered_kind"))
        codes = set(self.offered.values()) | {v for v in _detail_values(entries, "kind")
                                              if isinstance(v, str)}
        label = ResourceKind.label_en if language == "en" else ResourceKind.label_lv
        self.kinds: dict[str, str] = _pairs(s, ResourceKind.code, label, codes)
        documents = {v for v in _detail_values(entries, "document", "scan", "template")
                     if isinstance(v, str)}
        self.documents: dict[str, str] = _pairs(s, Document.id, Document.title, documents)
        self.schools: dict[str, str] = _pairs(s, Institution.id, Institution.name,
                                              _of_type(entries, "institution"))
        self.people = display_names(s, {e.actor for e in entries})
        self.language = language

    def subject(self, e: AuditEntry, app_id: int | None) -> str | None:
        """The number or name that stands for the row's record, when it is known."""
        kind = e.entity_type
        if kind in ("application", "handover"):
            if app_id is None and kind == "handover":
                app_id = self.handover_app.get(e.entity_id)
            return self.applications.get(app_id) if app_id is not None else None
        if kind == "item":
            found = self.items.get(e.entity_id)
            inventory_no = (e.details or {}).get("inventory_no")
            return found or (inventory_no if isinstance(inventory_no, str) else None)
        if kind == "offered_kind":
            code = self.offered.get(e.entity_id)
            return self.kinds.get(code, code) if code else None
        if kind == "institution":
            return self.schools.get(e.entity_id)
        if kind == "report":
            return report_label(e.entity_id, self.language)
        if kind == "audit_log":
            return e.entity_id.upper()  # the format: "CSV"
        return None

    def references(self) -> dict[tuple[str, Any], str]:
        """The details' references in words, for ``describe_details``."""
        found: dict[tuple[str, Any], str] = {}
        found.update({("application", i): n for i, n in self.applications.items()})
        for key in ("document", "scan", "template"):
            found.update({(key, i): t for i, t in self.documents.items()})
        found.update({("kind", c): label for c, label in self.kinds.items()})
        return found


def _pairs(s: Session, key: Any, value: Any, wanted: set[Any]) -> dict[Any, Any]:
    """``key -> value`` for the ``wanted`` keys, in one query (nothing asked for none)."""
    if not wanted:
        return {}
    return {k: v for k, v in s.execute(select(key, value).where(key.in_(wanted)))}


def display_names(s: Session, usernames: set[str]) -> dict[str, str]:
    """Staff's display names for their user names (those the store knows)."""
    return _pairs(s, StaffUser.username, StaffUser.display_name, usernames)


def _rows(s: Session, entries: Sequence[AuditEntry], language: str = "lv") -> list[AuditRow]:
    """Rows with the records named (numbers, titles, names) and the details in words."""
    names = _Names(s, entries, language)
    references = names.references()
    rows = []
    for e in entries:
        details = dict(e.details or {})
        app_id = _application_of(e)
        rows.append(AuditRow(e.id, e.at, e.actor, e.action, e.entity_type, e.entity_id,
                             details, names.subject(e, app_id),
                             describe_details(details, references, language),
                             names.people.get(e.actor, e.actor), language))
    return rows


def audit_page(store: Store, f: AuditFilter, offset: int = 0, limit: int = 200) -> AuditPage:
    """One page of the log, newest first, and how many rows the filter matches in all."""
    conds = _conditions(f)
    with store.read() as s:
        total = s.scalar(select(func.count()).select_from(AuditEntry).where(*conds)) or 0
        entries = s.scalars(select(AuditEntry).where(*conds)
                            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
                            .offset(max(0, offset)).limit(max(1, limit))).all()
        return AuditPage(_rows(s, entries, f.language), int(total), max(0, offset))


@dataclass(frozen=True)
class AuditChoices:
    actors: list[str]
    actions: list[str]
    entity_types: list[str]
    #: display names of those actors the store knows (user name -> name)
    actor_names: dict[str, str] = field(default_factory=dict)


def audit_choices(store: Store, institution_id: str | None = None) -> AuditChoices:
    """The values the filters can offer: who, which actions and which kinds of record."""
    where = [AuditEntry.institution_id == institution_id] if institution_id else []
    with store.read() as s:
        def distinct(col: Any) -> list[str]:
            return sorted(s.scalars(select(col).distinct().where(*where)))

        actors = distinct(AuditEntry.actor)
        return AuditChoices(actors, distinct(AuditEntry.action),
                            distinct(AuditEntry.entity_type), display_names(s, set(actors)))


def _csv_rows(rows: Sequence[AuditRow]) -> list[tuple[str, ...]]:
    return [(r.at.astimezone().strftime("%d.%m.%Y %H:%M:%S"), r.who, r.action_label,
             r.subject, r.entity_id, r.details_text) for r in rows]


def export_csv(store: Store, actor: Actor, f: AuditFilter, path: Path) -> int:
    """Write every row the filter matches to ``path`` (CSV); the export itself is audited.

    The file is written first; the audit row follows only if it was, so the log never claims
    an export that did not happen. Returns the number of rows written. Only a role that may
    read the audit log may export it, and only its own school's.
    """
    require(actor, Permission.VIEW_AUDIT)
    if f.institution_id is None:  # "any school" means this actor's school
        f = replace(f, institution_id=actor.institution_id)
    if f.institution_id != actor.institution_id:
        raise PermissionDeniedError(
            "the audit log of another school cannot be exported",
            "Citas iestādes audita žurnālu eksportēt nevar")
    rows: list[AuditRow] = []
    offset = 0
    while True:  # in pages, so a long log is never one huge query result
        page = audit_page(store, f, offset, 5000)
        rows.extend(page.rows)
        offset += len(page.rows)
        if not page.rows or offset >= page.total:
            break
    buffer = io.StringIO()
    n = write_csv(buffer, CSV_COLUMNS, _csv_rows(rows))
    Path(path).write_bytes(buffer.getvalue().encode("utf-8-sig"))
    record_export(store, actor.username, actor.institution_id, "audit_log", "csv",
                  {"rows": n, "filter": f.described()})
    return n


def record_export(store: Store, username: str, institution_id: str | None, entity_type: str,
                  what: str, details: dict[str, Any] | None = None) -> None:
    """An "exported" audit row: what was exported (a report name or the log), never data.

    Takes a plain user name so the command line, which has no signed-in role, can log too.
    """
    with store.write() as s:
        s.add(AuditEntry(at=utcnow(), actor=username, institution_id=institution_id,
                         action=EXPORT_ACTION, entity_type=entity_type, entity_id=what,
                         details=details or {}))


def record_view(store: Store, actor: Actor, application_id: int,
                now: datetime | None = None) -> bool:
    """Log that ``actor`` viewed an applicant's personal data; return whether a row was added.

    A second look at the same application by the same person within ``VIEW_COALESCE`` is the
    same viewing and adds nothing.
    """
    at = now or utcnow()
    key = str(application_id)
    with store.write() as s:
        recent = s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.actor == actor.username, AuditEntry.action == VIEW_ACTION,
            AuditEntry.entity_type == "application", AuditEntry.entity_id == key,
            AuditEntry.at > at - VIEW_COALESCE, AuditEntry.at <= at))
        if recent:
            return False
        s.add(AuditEntry(at=at, actor=actor.username, institution_id=actor.institution_id,
                         action=VIEW_ACTION, entity_type="application", entity_id=key,
                         details={}))
        return True


@dataclass(frozen=True)
class DeletionRun:
    """One row of the deletion log: when, why, and how much went (counts only)."""

    at: datetime
    run_on: date
    trigger: str
    applications: int
    handovers: int
    documents: int
    files: int


def deletion_runs(store: Store, limit: int = 10, *, only_with_deletions: bool = True
                  ) -> list[DeletionRun]:
    """The latest retention runs and tombstone sweeps, newest first."""
    stmt = select(DeletionLog).order_by(DeletionLog.at.desc(), DeletionLog.id.desc())
    if only_with_deletions:
        stmt = stmt.where((DeletionLog.applications + DeletionLog.files
                           + DeletionLog.audit_rows) > 0)
    with store.read() as s:
        return [DeletionRun(r.at, r.run_on, r.trigger, r.applications, r.handovers,
                            r.documents, r.files)
                for r in s.scalars(stmt.limit(max(1, limit)))]


def latvian_count(n: int, one: str, many: str) -> str:
    """"1 pieteikums", "21 pieteikums", "11 pieteikumi", "5 pieteikumi" (Latvian agreement:
    numbers ending in 1, except 11, take the singular)."""
    return f"{n} {one if n % 10 == 1 and n % 100 != 11 else many}"


def describe_run(run: DeletionRun, language: str = "lv") -> str:
    """A deletion run in one sentence, Latvian or (``language="en"``) English."""
    when = run.run_on.strftime('%d.%m.%Y')
    if language == "en":
        why = ("after 25 months" if run.trigger == "retention"
               else "after deletion by the central service")
        parts = [_english_count(run.applications, "application"),
                 _english_count(run.handovers, "handover"),
                 _english_count(run.documents, "document"),
                 _english_count(run.files, "file")]
        return f"{when} deleted {why}: {', '.join(parts)}"
    why = "pēc 25 mēnešiem" if run.trigger == "retention" else "pēc centrālā servisa dzēšanas"
    parts = [latvian_count(run.applications, "pieteikums", "pieteikumi"),
             latvian_count(run.handovers, "izsniegšana", "izsniegšanas"),
             latvian_count(run.documents, "dokuments", "dokumenti"),
             latvian_count(run.files, "fails", "faili")]
    return f"{when} {why} dzēsti: {', '.join(parts)}"


def _english_count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
