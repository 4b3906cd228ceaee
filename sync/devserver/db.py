"""The reference service's own SQLite database: aggregates as wire JSON, a changes feed.

Every aggregate is stored as the JSON of its wire model (``sync.protocol``) next to its
version and institution. The ``changes`` table is the feed: when an aggregate changes, its
older change rows go and the new one is appended, so the feed holds the latest version of
each aggregate in commit order. All access goes through one re-entrant lock; a write is one
``BEGIN IMMEDIATE`` … ``COMMIT`` (nested ``transaction()`` blocks join the outer one; a nested
``savepoint()`` can be undone alone, as a batch's refused command is). After a commit that
moved feeds, the listeners (the push channel's waiters) hear which schools' feeds moved, once
for the whole transaction; a rolled-back transaction tells nobody.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    id TEXT PRIMARY KEY, institution_id TEXT NOT NULL, sha256 TEXT NOT NULL,
    size INTEGER NOT NULL, media_type TEXT NOT NULL, content BLOB NOT NULL,
    created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS institutions (
    id TEXT PRIMARY KEY, version INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS resource_kinds (code TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS offered_kinds (
    id TEXT PRIMARY KEY, institution_id TEXT NOT NULL, kind_code TEXT NOT NULL,
    version INTEGER NOT NULL, body TEXT NOT NULL, UNIQUE (institution_id, kind_code));
CREATE TABLE IF NOT EXISTS items (
    id TEXT PRIMARY KEY, institution_id TEXT NOT NULL, inventory_no TEXT NOT NULL,
    version INTEGER NOT NULL, body TEXT NOT NULL, UNIQUE (institution_id, inventory_no));
CREATE TABLE IF NOT EXISTS applications (
    id INTEGER PRIMARY KEY, institution_id TEXT NOT NULL, version INTEGER NOT NULL,
    body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS handovers (
    id TEXT PRIMARY KEY, application_id INTEGER NOT NULL, act_number TEXT UNIQUE);
CREATE INDEX IF NOT EXISTS ix_handovers_application ON handovers (application_id);
CREATE TABLE IF NOT EXISTS changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, institution_id TEXT NOT NULL,
    entity TEXT NOT NULL, entity_id TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ix_changes_feed ON changes (institution_id, seq);
CREATE INDEX IF NOT EXISTS ix_changes_entity ON changes (entity, entity_id);
CREATE TABLE IF NOT EXISTS idempotency (
    key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, institution_id TEXT,
    command TEXT NOT NULL, status INTEGER NOT NULL, body TEXT NOT NULL,
    headers TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
    username TEXT PRIMARY KEY, display_name TEXT NOT NULL, password_hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS memberships (
    username TEXT NOT NULL, institution_id TEXT NOT NULL, role TEXT NOT NULL,
    PRIMARY KEY (username, institution_id));
CREATE TABLE IF NOT EXISTS tokens (
    hash TEXT PRIMARY KEY, kind TEXT NOT NULL, username TEXT NOT NULL,
    expires_at REAL NOT NULL, workstation_id TEXT);
CREATE TABLE IF NOT EXISTS workstations (
    institution_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL,
    last_user TEXT NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
    revoked_at TEXT, revoked_by TEXT, PRIMARY KEY (institution_id, id));
CREATE INDEX IF NOT EXISTS ix_workstations_id ON workstations (id);
"""

#: The aggregate tables and what the feed calls their entity.
ENTITY_TABLES = {
    "application": "applications",
    "item": "items",
    "offered_kind": "offered_kinds",
    "institution": "institutions",
}


class Database:
    """One SQLite file (WAL) behind one lock; see the module docstring."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.lock = threading.RLock()
        self._depth = 0
        self._moved: set[str] = set()  # the schools whose feed this transaction moved
        self._listeners: list[Callable[[Iterable[str]], None]] = []
        self.conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA busy_timeout=10000")
        self.conn.executescript(SCHEMA)
        self._upgrade()
        with self.transaction() as conn:
            if self.meta("epoch") is None:
                conn.execute("INSERT INTO meta VALUES ('epoch', ?)", (secrets.token_hex(6),))
                conn.execute("INSERT INTO meta VALUES ('floor', '0')")

    def _upgrade(self) -> None:
        """Bring a database an older service wrote up to ``SCHEMA``: its tokens gain the
        workstation they were issued to (none: they stay unbound, as they were issued)."""
        with self.lock:
            columns = {row[1] for row in self.conn.execute("PRAGMA table_info(tokens)")}
            if "workstation_id" not in columns:
                self.conn.execute("ALTER TABLE tokens ADD COLUMN workstation_id TEXT")
            self.conn.execute("CREATE INDEX IF NOT EXISTS ix_tokens_workstation "
                              "ON tokens (workstation_id)")

    def close(self) -> None:
        with self.lock:
            self.conn.close()

    # -- transactions ---------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Hold the lock and one write transaction; an exception rolls everything back."""
        with self.lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self.conn
            except BaseException:
                self._depth = 0
                self._moved.clear()
                self.conn.execute("ROLLBACK")
                raise
            self._depth = 0
            self.conn.execute("COMMIT")
            moved, self._moved = self._moved, set()
            if moved:
                for listener in list(self._listeners):
                    listener(moved)

    @contextmanager
    def savepoint(self) -> Iterator[sqlite3.Connection]:
        """Inside a transaction: a part of it that an exception undoes alone (``SAVEPOINT`` …
        ``ROLLBACK TO``), the rest of the transaction going on; outside one, a transaction of
        its own. A batch applies each command in one, so a refused command leaves nothing
        behind while the others commit together."""
        with self.lock:
            if not self._depth:
                with self.transaction() as conn:
                    yield conn
                return
            name = f"part{self._depth}"
            moved = set(self._moved)
            self.conn.execute(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield self.conn
            except BaseException:
                self._depth -= 1
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
                self._moved = moved  # what the undone part moved did not happen
                raise
            self._depth -= 1
            self.conn.execute(f"RELEASE {name}")

    def add_listener(self, listener: Callable[[Iterable[str]], None]) -> None:
        """``listener(institution_ids)`` after each commit that moved those schools' feeds
        ("*": every school's). Called on the committing thread, under the lock: it must only
        hand the news on (``FeedWaiters.notify``), never wait."""
        with self.lock:
            self._listeners.append(listener)

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        with self.lock:
            yield self.conn

    # -- meta -----------------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        with self.lock:
            row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def is_empty(self) -> bool:
        with self.lock:
            return self.conn.execute("SELECT NOT EXISTS (SELECT 1 FROM institutions)").fetchone()[0]

    # -- aggregates -----------------------------------------------------------------------------
    def body(self, entity: str, entity_id: str | int) -> str | None:
        table = ENTITY_TABLES[entity]
        with self.lock:
            row = self.conn.execute(
                f"SELECT body FROM {table} WHERE id = ?", (entity_id,)  # noqa: S608
            ).fetchone()
        return None if row is None else row[0]

    def record_change(self, institution_id: str, entity: str, entity_id: str,
                      change_json: str) -> None:
        """Replace the aggregate's older change rows with this one (the feed keeps the latest)."""
        with self.transaction() as conn:
            conn.execute(
                "DELETE FROM changes WHERE entity = ? AND entity_id = ? AND institution_id = ?",
                (entity, entity_id, institution_id),
            )
            conn.execute(
                "INSERT INTO changes (institution_id, entity, entity_id, body) "
                "VALUES (?, ?, ?, ?)",
                (institution_id, entity, entity_id, change_json),
            )
            self._moved.add(institution_id)

    # -- the feed -------------------------------------------------------------------------------
    def page(self, institution_id: str, after: int, limit: int) -> list[tuple[int, str]]:
        with self.lock:
            return self.conn.execute(
                "SELECT seq, body FROM changes WHERE institution_id = ? AND seq > ? "
                "ORDER BY seq LIMIT ?",
                (institution_id, after, limit),
            ).fetchall()

    def raise_floor(self) -> int:
        """Expire every cursor handed out so far; the current feed is renumbered above it."""
        with self.transaction() as conn:
            top = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM changes").fetchone()[0]
            seq_row = conn.execute(
                "SELECT seq FROM sqlite_sequence WHERE name = 'changes'").fetchone()
            top = max(top, seq_row[0] if seq_row else 0)
            floor = top + 1
            if seq_row is None:
                conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('changes', ?)",
                             (floor,))
            else:
                conn.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'changes'",
                             (floor,))
            conn.execute(
                "INSERT INTO changes (institution_id, entity, entity_id, body) "
                "SELECT institution_id, entity, entity_id, body FROM changes WHERE seq < ? "
                "ORDER BY seq",
                (floor,),
            )
            conn.execute("DELETE FROM changes WHERE seq < ?", (floor,))
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('floor', ?)", (str(floor),))
            self._moved.add("*")  # every waiter's cursor has just expired: tell them all
        return floor
