"""Loading many rows into tables at once: their secondary indexes and full-text insert
triggers set aside for the load and made again after it.

SQLite builds an index over rows already in place by sorting them, several times quicker than
keeping each index up to date row by row; FTS5's 'rebuild' reads the content table once where
an insert trigger tokenizes row by row. The seeder (``sync.devserver.sample_data``) uses it.
Every statement is read back from the file itself, so whatever a migration added is made again
exactly as it was. DDL is transactional in SQLite: done inside the load's transaction, a
failed load leaves the indexes and triggers as they were.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol

__all__ = ["defer_indexes", "defer_text_indexes", "drop_indexes", "restore"]


class _Executes(Protocol):
    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...


def drop_indexes(conn: _Executes, tables: Sequence[str]) -> list[str]:
    """Drop the secondary indexes of ``tables``; return the statements that make them again.

    SQLite builds an index over rows already in place by sorting them, several times quicker
    than keeping twenty indexes of the applications up to date row by row. Read from the file,
    so an index a migration adds is rebuilt as it was; the UNIQUE ones check on rebuild."""
    marks = ", ".join("?" * len(tables))
    found = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "  # noqa: S608
        f"AND tbl_name IN ({marks}) ORDER BY rowid",
        tuple(tables),
    ).fetchall()
    for name, _ in found:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in found]


_EXTERNAL_FTS = re.compile(r"USING\s+fts5\s*\(.*\bcontent\s*=\s*'(\w+)'", re.I | re.S)
_TRIGGER_BODY = re.compile(r"\bAFTER\s+INSERT\s+ON\s+\"?(\w+)\"?\s.*?\bBEGIN\b(.*)\bEND\s*$",
                           re.I | re.S)


def defer_text_indexes(conn: _Executes, tables: Sequence[str]) -> list[str]:
    """Drop the insert triggers that only index new rows into a full-text table kept from one
    of ``tables`` (FTS5 "external content"); return what rebuilds the index and the triggers.

    Such a trigger tokenizes row by row (most of the applications' insert time); FTS5's
    'rebuild' reads the content table once and gives the same index."""
    fts = {
        name: match.group(1)
        for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE "
            "'CREATE VIRTUAL TABLE%'")
        if (match := _EXTERNAL_FTS.search(sql)) and match.group(1) in tables
    }
    again: list[str] = []
    for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall():
        match = _TRIGGER_BODY.search(sql)
        if match is None or match.group(1) not in tables:
            continue
        steps = [step.strip() for step in match.group(2).split(";") if step.strip()]
        targets = {re.match(r"INSERT\s+INTO\s+\"?(\w+)\"?\s*\(", step, re.I) for step in steps}
        indexed = {m.group(1) for m in targets if m is not None}
        if None in targets or len(indexed) != 1 or not indexed <= fts.keys():
            continue  # a trigger that does anything else runs row by row as always
        (target,) = indexed
        if fts[target] != match.group(1):
            continue
        conn.execute(f'DROP TRIGGER "{name}"')
        rebuild = f"INSERT INTO {target} ({target}) VALUES ('rebuild')"  # noqa: S608
        again += [rebuild, sql]
    return list(dict.fromkeys(again))  # one rebuild per full-text table


def defer_indexes(conn: _Executes, tables: Sequence[str]) -> list[str]:
    """Both of the above: the statements that make everything set aside again, in order."""
    return drop_indexes(conn, tables) + defer_text_indexes(conn, tables)


def restore(conn: _Executes, statements: Sequence[str]) -> None:
    """Make again what ``defer_indexes`` set aside (after the rows are in)."""
    for sql in statements:
        conn.execute(sql)
