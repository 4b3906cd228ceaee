"""The inbox read a window at a time: the rows on screen, their count, where a row went.

The list never reads every matching id (100,000 ids cost 20-35 ms, 300,000 three times that,
however few rows are on screen). A window is read from an index on (school, <filter>, <sort
key>) that yields the rows already in order, so it costs its own rows, not the store's:

* the next window after a known row: ``WHERE (<sort key>, id) > (<its key>, <its id>)``
  (keyset paging: a seek in the index, then the window's rows);
* a window in the middle of the list (the scroll bar dragged there): ``OFFSET n`` on the same
  index, which steps over index entries without reading a table row (300,000: 8 ms at most);
* the count for the status bar and the scroll bar: from ``application_counts`` (kept by
  triggers, revision 0013) when only status, kind and class narrow the list, else a COUNT on
  the filter's index;
* where an application went after a reload (to keep the selection): a COUNT of the rows
  before its key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    false,
    func,
    or_,
    select,
    tuple_,
    type_coerce,
)

from desktop.models import queries
from desktop.models.codes import ApplicationStatus
from desktop.models.queries import InboxFilter, InboxRow, narrowing
from desktop.models.schema import Application, ApplicationCount
from desktop.models.store import Store

Key = tuple[Any, ...]  # a row's sort key's values, then its id

# The sort columns (Latvian alphabetical order through the indexed sort key; classes by grade
# as a number, then parallel). Only the class's columns may be NULL.
_COLUMNS: dict[str, tuple[Any, ...]] = {
    "number": (Application.number,),
    "submitted_at": (Application.submitted_at,),
    "learner_name": (Application.learner_sort,),
    "learner_class": (Application.class_grade, Application.class_parallel),
    "kind_code": (Application.kind_code,),
    "status": (Application.status,),
}
_NULLABLE = frozenset({"learner_class"})


@dataclass(frozen=True)
class InboxOrder:
    """What the list shows and in which order."""

    filter: InboxFilter
    sort: str = "submitted_at"
    descending: bool = True
    # The filter keeps few rows (``plan``): they are found through the filter's index and
    # sorted, rather than by walking the sort's index. Fixed for one reload, so that every
    # window's keys are of the same kind.
    sparse: bool | None = None

    def __post_init__(self) -> None:
        if self.sort not in _COLUMNS:
            raise ValueError(f"cannot sort by {self.sort!r}")


def _indexed(f: InboxFilter, sort: str) -> bool:
    """An index yields the filter's rows in this order: none narrows it, or only one status
    or only a kind does (an index per sort column for each, revision 0013), or a grade or
    class when sorted by class."""
    if not _counted(f):
        return False  # text, social status, dates, sync state: no index holds them
    by = (bool(f.statuses), bool(f.kind_code), f.class_grade is not None)
    if by == (True, False, False):
        return len(f.statuses) == 1
    return by in ((False, False, False), (False, True, False)) or (
        by == (False, False, True) and sort == "learner_class")


# Walking the sort's index tests some window / density rows; finding the filter's matches and
# sorting them costs their number. Below this share of the school, the matches are sorted
# (300,000 applications: 9,000 matches sort in some 10 ms).
SPARSE_SHARE = 0.03
SPARSE_ROWS = 5000


def plan(store: Store, order: InboxOrder) -> InboxOrder:
    """``order`` with how its windows are read, decided once per reload: through the sort's
    index (an index on the filter and sort, or matches dense enough to walk it), or through
    the filter's (few matches, sorted). The counts table says how many match, at no cost."""
    f = order.filter
    if _indexed(f, order.sort):
        sparse = False
    elif not _counted(f):
        sparse = True  # text, social status, sync marks, dates: few rows, or unknown
    else:
        matches = inbox_count(store, f)
        total = inbox_count(store, InboxFilter(f.institution_id))
        sparse = matches <= max(SPARSE_ROWS, SPARSE_SHARE * total)
    return replace(order, sparse=sparse)


def _sparse(order: InboxOrder) -> bool:
    if order.sparse is not None:
        return order.sparse
    return not _indexed(order.filter, order.sort)


def _columns(order: InboxOrder) -> tuple[Any, ...]:
    columns = _COLUMNS[order.sort]
    if _sparse(order):
        # an expression cannot use the sort's index: SQLite then reads the filter's matches
        # and sorts them (a number stays a number: 2 before 10)
        columns = tuple(c + 0 if c is Application.class_grade
                        else type_coerce(c, String).concat("") for c in columns)
    return (*columns, Application.id)


def _order_by(order: InboxOrder) -> list[Any]:
    return [c.desc() if order.descending else c.asc() for c in _columns(order)]


def _beyond(order: InboxOrder, key: Key, *, before: bool = False) -> ColumnElement[bool]:
    """The rows after ``key`` in the list's order (before it with ``before``)."""
    columns = _columns(order)
    later = order.descending == before  # the rows sought have greater values
    if order.sort not in _NULLABLE:
        # a row value: SQLite seeks to it in the index
        row, value = tuple_(*columns), tuple_(*key)
        return row > value if later else row < value
    # NULL compares as unknown in a row value: spelled out, NULL first as SQLite sorts it
    condition: ColumnElement[bool] = columns[-1] > key[-1] if later else columns[-1] < key[-1]
    for column, value in zip(reversed(columns[:-1]), reversed(key[:-1]), strict=True):
        if value is None:
            same = column.is_(None)
            past = column.is_not(None) if later else false()
        else:
            same = column == value
            past = column > value if later else or_(column < value, column.is_(None))
        condition = or_(past, and_(same, condition))
    first, value = columns[0], key[0]
    if value is not None and later:  # where the index seek starts
        condition = and_(first >= value, condition)
    return condition


def _with_rows(store: Store, keys: list[Key], language: str) -> list[tuple[Key, InboxRow]]:
    """Each key (its id last) with its row, in the keys' order; a row gone meanwhile is left
    out."""
    rows = {r.id: r for r in queries.inbox_rows(store, [k[-1] for k in keys], language)}
    return [(k, rows[k[-1]]) for k in keys if k[-1] in rows]


def inbox_window(store: Store, order: InboxOrder, *, offset: int = 0, after: Key | None = None,
                 limit: int = 200, language: str = "lv") -> list[tuple[Key, InboxRow]]:
    """Up to ``limit`` rows with their keys: those after the row whose key is ``after``, or
    from the ``offset``-th row (0 is the first)."""
    conditions = [*queries._conditions(order.filter)]
    if after is not None:
        conditions.append(_beyond(order, after))
    keys = _columns(order)
    # the window's ids and keys from the index first, then its rows by id: the row's other
    # columns (and its kind's label) are read for the window's rows only
    window = (select(*keys).where(and_(*conditions)).order_by(*_order_by(order))
              .limit(limit).offset(None if after is not None else offset or None))
    with store.read() as s:
        found = [tuple(r) for r in s.connection().execute(window)]
    return _with_rows(store, found, language)


def inbox_window_ids(store: Store, order: InboxOrder, offset: int,
                     limit: int | None) -> list[int]:
    """The ids of ``limit`` rows (None: all) from the ``offset``-th."""
    statement = (select(Application.id).where(and_(*queries._conditions(order.filter)))
                 .order_by(*_order_by(order)).limit(limit).offset(offset or None))
    with store.read() as s:
        return list(s.scalars(statement))


def _counted(f: InboxFilter) -> bool:
    """Only status, kind and class narrow the list: its count is in ``application_counts``."""
    return not (f.text.strip() or f.social_status or f.waiting_to_sync or f.in_conflict
                or f.submitted_from or f.submitted_to)


def inbox_count(store: Store, f: InboxFilter) -> int:
    """How many applications the filter keeps (exact: the counts table is kept by triggers
    in the same transaction as the rows)."""
    if _counted(f):
        c = ApplicationCount
        conds: list[ColumnElement[bool]] = [c.institution_id == f.institution_id,
                                            *narrowing(c, f)]
        statement = select(func.coalesce(func.sum(c.count), 0)).where(and_(*conds))
    else:
        statement = (select(func.count()).select_from(Application)
                     .where(and_(*queries._conditions(f))))
    with store.read() as s:
        return int(s.execute(statement).scalar() or 0)


def status_counts(store: Store, institution_id: str) -> dict[ApplicationStatus, int]:
    """The school's applications per status, from the counts table (a few rows)."""
    return queries.status_counts(store, institution_id)


# A sparse list (a search, a rare filter) of at most this many rows is read whole, its ids only
# (20,000 ids: some 10 ms): its count, places and windows then cost nothing more.
FEW_IDS = 20000

# Where a few applications went are counted one by one (a COUNT on the index each); for more,
# one pass numbers every matching row.
FEW_POSITIONS = 8


def inbox_places(store: Store, order: InboxOrder,
                 ids: Iterable[int]) -> dict[int, tuple[int, Key]]:
    """The rows and keys of those ``ids`` the list still shows (an id it no longer shows is
    left out). A row's place is the count of the rows before its key: the index's entries
    up to it (300,000 applications: up to some 10 ms, warm)."""
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    conditions = queries._conditions(order.filter)
    keys = _columns(order)
    with store.read() as s:
        conn = s.connection()
        if len(wanted) > FEW_POSITIONS:
            numbered = (select(*keys, func.row_number().over(order_by=_order_by(order))
                               .label("n"))
                        .where(and_(*conditions)).subquery())
            columns = list(numbered.c)
            return {row[-2]: (row[-1] - 1, tuple(row[:-1])) for row in conn.execute(
                select(*columns).where(columns[-2].in_(wanted)))}
        found: dict[int, tuple[int, Key]] = {}
        for app_id in wanted:
            key = conn.execute(select(*keys).where(and_(Application.id == app_id, *conditions))
                               ).first()
            if key is None:
                continue
            before = conn.execute(
                select(func.count()).select_from(Application)
                .where(and_(*conditions, _beyond(order, tuple(key), before=True)))).scalar()
            found[app_id] = (int(before or 0), tuple(key))
        return found


def inbox_positions(store: Store, order: InboxOrder, ids: Iterable[int]) -> dict[int, int]:
    """The rows of those ``ids`` the list still shows."""
    return {app_id: row for app_id, (row, _key) in inbox_places(store, order, ids).items()}


def inbox_window_around(store: Store, order: InboxOrder, key: Key, *, before: int,
                        limit: int, language: str = "lv") -> list[tuple[Key, InboxRow]]:
    """``limit`` rows from ``before`` rows above the row whose key is ``key`` (found by
    ``inbox_places``): both ways from its key in the index, never counting up to it."""
    conditions = queries._conditions(order.filter)
    keys = _columns(order)
    upwards = replace(order, descending=not order.descending)
    with store.read() as s:
        conn = s.connection()
        above = [tuple(r) for r in conn.execute(
            select(*keys).where(and_(*conditions, _beyond(order, key, before=True)))
            .order_by(*_order_by(upwards)).limit(before))] if before > 0 else []
        below = [tuple(r) for r in conn.execute(
            select(*keys).where(and_(*conditions, _beyond(order, key)))
            .order_by(*_order_by(order)).limit(max(limit - len(above) - 1, 0)))]
    return _with_rows(store, [*reversed(above), key, *below], language)


class InboxSource:
    """The inbox's reads from one store (called on the page's workers, never the GUI
    thread). A filter without a school is the school ``school`` names when it is read."""

    def __init__(self, store: Store, *, language: str = "lv",
                 school: Callable[[], str] | None = None) -> None:
        self._store = store
        self._language = language
        self._school = school

    def _order(self, order: InboxOrder) -> InboxOrder:
        if order.filter.institution_id or self._school is None:
            return order
        return replace(order, filter=replace(order.filter, institution_id=self._school()))

    def plan(self, order: InboxOrder) -> InboxOrder:
        return plan(self._store, self._order(order))

    def count(self, order: InboxOrder) -> int:
        return inbox_count(self._store, self._order(order).filter)

    def window(self, order: InboxOrder, offset: int, after: Key | None,
               limit: int) -> list[tuple[Key, InboxRow]]:
        return inbox_window(self._store, self._order(order), offset=offset, after=after,
                            limit=limit, language=self._language)

    def places(self, order: InboxOrder, ids: Iterable[int]) -> dict[int, tuple[int, Key]]:
        return inbox_places(self._store, self._order(order), ids)

    def around(self, order: InboxOrder, key: Key, before: int,
               limit: int) -> list[tuple[Key, InboxRow]]:
        return inbox_window_around(self._store, self._order(order), key, before=before,
                                   limit=limit, language=self._language)

    def ids(self, order: InboxOrder, offset: int, limit: int | None) -> list[int]:
        return inbox_window_ids(self._store, self._order(order), offset, limit)

    def few(self, order: InboxOrder) -> list[int] | None:
        """Every id a sparse list shows, in order, when there are at most FEW_IDS (one pass
        over the filter's matches gives the count, the rows' places and the windows); None
        for a list read a window at a time."""
        if not order.sparse:
            return None
        ids = self.ids(order, 0, FEW_IDS + 1)
        return ids if len(ids) <= FEW_IDS else None

    def rows(self, ids: Sequence[int]) -> list[InboxRow]:
        return queries.inbox_rows(self._store, ids, self._language)



__all__ = ["FEW_IDS", "FEW_POSITIONS", "InboxOrder", "InboxSource", "Key", "inbox_count",
           "inbox_places", "inbox_positions", "inbox_window", "inbox_window_around",
           "inbox_window_ids", "plan", "status_counts"]
