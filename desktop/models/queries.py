"""Read-only queries the views need, answered as plain dataclasses (never ORM objects).

The inbox asks for the ordered ids of everything matching its filter once, then for the rows
it is about to show, a block at a time; so 100,000 applications cost a list of integers.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    bindparam,
    column,
    exists,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
    type_coerce,
)
from sqlalchemy.orm import QueryableAttribute

from desktop.models.codes import ApplicationStatus, CommandState, SocialStatus
from desktop.models.duplicates import numbers_column, split_numbers
from desktop.models.schema import (
    Application,
    ApplicationCount,
    ApplicationSocialStatus,
    Institution,
    OutboxCommand,
    ResourceKind,
    fold,
)
from desktop.models.store import Store
from desktop.models.validation import mask_personal_code

SORTABLE = ("number", "submitted_at", "learner_name", "learner_class", "kind_code", "status")


@dataclass(frozen=True)
class InboxFilter:
    institution_id: str
    statuses: frozenset[ApplicationStatus] = frozenset()
    kind_code: str | None = None
    social_status: SocialStatus | None = None
    class_grade: int | None = None  # every class of the grade, or with a parallel one class
    class_parallel: str | None = None
    submitted_from: date | None = None
    submitted_to: date | None = None
    waiting_to_sync: bool = False
    in_conflict: bool = False
    text: str = ""


@dataclass(frozen=True)
class InboxRow:
    id: int
    number: str
    submitted_at: datetime
    learner_name: str
    learner_class: str | None
    submitter_name: str
    kind_code: str
    kind_label: str
    status: ApplicationStatus
    waiting_to_sync: bool
    in_conflict: bool
    masked_learner_code: str = field(repr=False, default="")
    # the same learner's other open applications for the same kind (their numbers)
    duplicates: tuple[str, ...] = ()


# The search keys' trigrams (an FTS5 table kept by triggers, revision 0013): the applications
# holding every trigram of the words, whatever the store holds (300,000 encrypted: under a
# millisecond, where reading every key took 25 ms).
_SEARCH = table("applications_search", column("rowid"))
_SEARCH_MATCH: ColumnElement[Any] = literal_column("applications_search")


def trigram_query(words: Sequence[str]) -> str | None:
    """An FTS5 query for the applications whose key holds every trigram of ``words`` (None:
    no word has three letters). Without positions (detail=none) it may find a few more than
    hold the words themselves: those are tested after."""
    grams = sorted({w[i:i + 3] for w in words for i in range(len(w) - 2)})
    return " AND ".join('"' + g.replace('"', '""') + '"' for g in grams) or None


def narrowing(table: Any, f: InboxFilter) -> list[ColumnElement[bool]]:
    """Status, kind and class of ``f`` on ``table``: the applications, or the counts kept of
    them (``ApplicationCount``), which name those columns alike."""
    conds: list[ColumnElement[bool]] = []
    if f.statuses:
        conds.append(table.status.in_([s.value for s in f.statuses]))
    if f.kind_code:
        conds.append(table.kind_code == f.kind_code)
    if f.class_grade is not None:
        conds.append(table.class_grade == f.class_grade)
        if f.class_parallel:
            conds.append(table.class_parallel == f.class_parallel)
    return conds


def _conditions(f: InboxFilter) -> list[ColumnElement[bool]]:
    words = fold(f.text).split()
    conds: list[ColumnElement[bool]] = []
    grams = trigram_query(words)
    if grams is not None:
        # the candidates from the trigram index, then the words tested in their keys only
        conds.append(Application.id.in_(
            select(_SEARCH.c.rowid).where(_SEARCH_MATCH.op("MATCH")(grams))))
        # an expression, not the column: SQLite would walk the (school, search key) index
        # and test each entry against the candidates, rather than read the candidates
        conds.append(type_coerce(Application.institution_id, String).concat("")
                     == f.institution_id)
        conds += [func.instr(Application.search_key, word) > 0 for word in words]
    elif words:
        # Words of one or two letters: looked for in the index on (school, search key)
        # rather than the table, and the matches are then read by id: SQLite would
        # otherwise walk the sort index and read every row (100,000: 16 ms against 42 ms).
        conds.append(Application.id.in_(
            select(Application.id).where(
                Application.institution_id == f.institution_id,
                *(func.instr(Application.search_key, word) > 0 for word in words))))
    else:
        conds.append(Application.institution_id == f.institution_id)
    conds += narrowing(Application, f)
    # Dates are the staff's local calendar days; the column holds UTC instants.
    if f.submitted_from:
        conds.append(Application.submitted_at >= _local_midnight(f.submitted_from))
    if f.submitted_to:
        conds.append(Application.submitted_at < _local_midnight(f.submitted_to
                                                                + timedelta(days=1)))
    if f.social_status:
        conds.append(
            exists().where(
                ApplicationSocialStatus.application_id == Application.id,
                ApplicationSocialStatus.status == f.social_status.value,
            )
        )
    if f.waiting_to_sync:
        conds.append(_has_command(CommandState.PENDING))
    if f.in_conflict:
        conds.append(_has_command(CommandState.CONFLICT))
    return conds


def _narrowed(f: InboxFilter) -> bool:
    return bool(f.statuses or f.kind_code or f.class_grade is not None or f.social_status
                or f.submitted_from or f.submitted_to or f.waiting_to_sync or f.in_conflict
                or f.text.strip())


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone()


def _has_command(state: CommandState) -> ColumnElement[bool]:
    return exists().where(
        OutboxCommand.application_id == Application.id, OutboxCommand.state == state.value
    )


# Names sort in Latvian alphabetical order through their indexed sort key; classes by grade as a
# number, then parallel (the register's two fields), through their index.
_SORT_COLUMNS: dict[str, tuple[ColumnElement[Any] | QueryableAttribute[Any], ...]] = {
    "learner_name": (Application.learner_sort,),
    "learner_class": (Application.class_grade, Application.class_parallel),
}


def inbox_ids(
    store: Store, f: InboxFilter, *, sort: str = "submitted_at", descending: bool = True
) -> list[int]:
    """Ids of matching applications in display order."""
    if sort not in SORTABLE:
        raise ValueError(f"cannot sort by {sort!r}")
    columns = _SORT_COLUMNS.get(sort) or (getattr(Application, sort),)
    if _narrowed(f) and sort != "submitted_at":
        # With a filter, SQLite would still walk the whole sort index and look up every row
        # to test it (a status filter sorted by name: 170-240 ms on 100,000 applications).
        # An expression cannot use that index, so the filter's index finds the rows and the
        # few thousand left are sorted (10-30 ms). A number stays a number (2 before 10).
        columns = tuple(c + 0 if c is Application.class_grade
                        else type_coerce(c, String).concat("") for c in columns)
    order = [*(c.desc() if descending else c.asc() for c in columns),
             Application.id.desc() if descending else Application.id.asc()]
    statement = select(Application.id).where(and_(*_conditions(f))).order_by(*order)
    with store.read() as s:
        # 100,000 ids through the driver's cursor cost a quarter of building ORM rows for them
        # (measured: 30 ms against 115 ms); SQLAlchemy still binds the typed parameters.
        result = s.connection().execute(statement)
        try:
            return [row_id for (row_id,) in result.cursor.fetchall()]
        finally:
            result.close()


@functools.cache
def _inbox_rows_statement(language: str) -> Select[*tuple[Any, ...]]:
    """The inbox rows' query, built once per language: the ids are one expanding parameter
    (built per call, its coercion and cache key cost more than reading 30 rows)."""
    label = ResourceKind.label_en if language == "en" else ResourceKind.label_lv
    pending = _has_command(CommandState.PENDING).label("pending")
    conflict = _has_command(CommandState.CONFLICT).label("conflict")
    return (
        select(
            Application.id, Application.number, Application.submitted_at,
            Application.learner_name, Application.learner_class,
            Application.submitter_name, Application.kind_code, label,
            Application.status, pending, conflict, Application.learner_personal_code,
            numbers_column(Application).label("duplicates"),
        )
        # an outer join: a kind may reach us after the applications that name it
        .outerjoin(ResourceKind, ResourceKind.code == Application.kind_code)
        .where(Application.id.in_(bindparam("ids", expanding=True)))
    )


def inbox_rows(store: Store, ids: Sequence[int], language: str = "lv") -> list[InboxRow]:
    """The rows for ``ids``, in the same order."""
    if not ids:
        return []
    with store.read() as s:
        # plain column values: the connection's result, not the ORM's (a third less time)
        result = s.connection().execute(_inbox_rows_statement(language),
                                        {"ids": list(ids)}).all()
    by_id = {
        app_id: InboxRow(app_id, number, submitted_at, learner_name, learner_class,
                         submitter_name, kind_code, kind_label or kind_code, status, waiting,
                         in_conflict, masked_learner_code=mask_personal_code(personal_code),
                         duplicates=split_numbers(duplicates))
        for (app_id, number, submitted_at, learner_name, learner_class, submitter_name,
             kind_code, kind_label, status, waiting, in_conflict, personal_code,
             duplicates) in result
    }
    return [by_id[i] for i in ids if i in by_id]


def status_counts(store: Store, institution_id: str) -> dict[ApplicationStatus, int]:
    """The school's applications per status, from the counts the triggers keep (a few rows,
    whatever the store holds; revision 0013)."""
    c = ApplicationCount
    with store.read() as s:
        rows = s.execute(select(c.status, func.sum(c.count))
                         .where(c.institution_id == institution_id)
                         .group_by(c.status)).all()
    return {ApplicationStatus(status): int(n) for status, n in rows if n}


def sync_counts(store: Store) -> tuple[int, int]:
    """(commands waiting to sync, commands in conflict)."""
    with store.read() as s:
        rows = dict(
            s.execute(
                select(OutboxCommand.state, func.count())
                .where(or_(OutboxCommand.state == CommandState.PENDING.value,
                           OutboxCommand.state == CommandState.CONFLICT.value))
                .group_by(OutboxCommand.state)
            ).all()
        )
    return rows.get(CommandState.PENDING, 0), rows.get(CommandState.CONFLICT, 0)


def institution_name(store: Store, institution_id: str) -> str | None:
    with store.read() as s:
        inst = s.get(Institution, institution_id)
        return None if inst is None else inst.name


def first_institution(store: Store) -> str | None:
    with store.read() as s:
        return s.scalars(select(Institution.id).order_by(Institution.id)).first()


# SQLite answers DISTINCT by walking every entry of the (school, grade, parallel) index
# (100,000 applications: 9-12 ms, at start-up); hopping from one grade to the next and from
# one parallel to the next in that index costs one look-up per class instead (36 classes:
# a few ms, most of it the driver's round trips).
_NEXT_GRADE = text("""
    SELECT min(class_grade) FROM applications
    WHERE institution_id = :school AND class_grade > :after""")
_WITHOUT_PARALLEL = text("""
    SELECT 1 FROM applications
    WHERE institution_id = :school AND class_grade = :grade AND class_parallel IS NULL
    LIMIT 1""")
_NEXT_PARALLEL = text("""
    SELECT min(class_parallel) FROM applications
    WHERE institution_id = :school AND class_grade = :grade AND class_parallel > :after""")


def learner_classes(store: Store, institution_id: str) -> list[tuple[int, str | None]]:
    """The classes with a grade that occur in the school's applications, in school order
    (2.a before 10.a), as (grade, parallel): (5, None) for a grade's learners without a
    parallel, (5, "b") for a class. Pairs, not labels: a parallel is any text ("1", "a1")."""
    found: list[tuple[int, str | None]] = []
    with store.read() as s:
        grade = s.execute(_NEXT_GRADE, {"school": institution_id, "after": 0}).scalar()
        while grade is not None:
            without = s.execute(_WITHOUT_PARALLEL, {"school": institution_id,
                                                    "grade": grade}).scalar()
            if without is not None:
                found.append((grade, None))
            parallel = s.execute(_NEXT_PARALLEL, {"school": institution_id, "grade": grade,
                                                  "after": ""}).scalar()
            while parallel is not None:
                found.append((grade, parallel))
                parallel = s.execute(_NEXT_PARALLEL, {"school": institution_id,
                                                      "grade": grade, "after": parallel}
                                     ).scalar()
            grade = s.execute(_NEXT_GRADE, {"school": institution_id, "after": grade}).scalar()
    return found
