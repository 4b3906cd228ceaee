"""Opening the local store: checks on the file, a backup before migrating, SQLite pragmas.

The store is one SQLite file in the data folder, encrypted with SQLCipher when opened with a
key (every page, the WAL and the backups; ``desktop.models.store_key`` says where the key comes
from). Before Alembic touches an existing file it is checked (is it SQLite, is it ours, is it
intact, is it not from a newer Resursi) and copied aside with SQLite's online backup; a file
that fails a check is left exactly as it was. A plain store opened with a key is first moved
into an encrypted one (``desktop.models.sealing``).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from desktop.models.errors import StoreError, store_error
from desktop.models.files import make_private
from desktop.models.vault import FileVault

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = ["DB_FILENAME", "HEAD_REVISION", "integrity_check", "DamagedStoreError", "ForeignFileError",
           "NewerStoreError", "Store", "StoreError", "backup_copy", "connect", "head_revision",
           "is_plain_sqlite", "known_head", "make_private", "open_store"]

DB_FILENAME = "resursi.sqlite3"
BACKUP_DIRNAME = "backups"
_MIGRATIONS = Path(__file__).with_name("migrations")
_SQLITE_MAGIC = b"SQLite format 3\x00"


class ForeignFileError(StoreError):
    """The file exists but is not a Resursi data file."""


class DamagedStoreError(StoreError):
    """The file is a Resursi store but SQLite reports damage."""


class NewerStoreError(StoreError):
    """The file was written by a newer Resursi than this one."""


#: The newest migration's revision. Opening a store already at it (every start but the first
#: after an update) then needs no Alembic: loading Alembic and reading the migrations costs
#: some 150 ms of each start (issue 17). tests/models/test_store_head_revision.py fails when a
#: migration is added and this is not updated; ``known_head`` does not trust it even then.
HEAD_REVISION = "0013"


def _alembic_config() -> Config:
    from alembic.config import Config  # only when a migration or a revision walk is needed

    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    return cfg


def known_head() -> str | None:
    """HEAD_REVISION when no migration file is newer than it (None: ask Alembic). Migration
    files are named after their revision ("0012_stock_reasons.py"), so one directory listing
    tells a stale constant without loading any migration."""
    newest = max((p.name for p in (_MIGRATIONS / "versions").glob("[0-9]*_*.py")), default="")
    return HEAD_REVISION if newest.startswith(f"{HEAD_REVISION}_") else None


def head_revision() -> str:
    """The newest migration's revision, as Alembic reads it from the migrations."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def connect(path: Path, key: bytes | None, *, read_only: bool = False) -> sqlcipher.Connection:
    """A driver connection to ``path``, unlocked with ``key`` before anything else reads it.

    The raw 32-byte key is given as SQLCipher's hex blob: no passphrase derivation on every
    connection (the key is already random, or derived once by ``store_key``)."""
    target = f"{path.as_uri()}?mode=ro" if read_only else str(path)
    conn = sqlcipher.connect(target, uri=read_only, check_same_thread=False)
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def is_plain_sqlite(path: Path) -> bool:
    """True when ``path`` starts as an unencrypted SQLite file does."""
    with path.open("rb") as fh:
        return fh.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC


def _damaged(path: Path, check: str) -> DamagedStoreError:
    return DamagedStoreError(
        f"{path} is damaged (SQLite integrity check: {check}); it was left untouched.",
        f"{path} ir bojāts (SQLite pārbaude: {check}); fails netika mainīts.",
    )


def integrity_check(path: Path, key: bytes | None) -> None:
    """SQLite's ``quick_check`` over every page of the file: ``DamagedStoreError`` if it finds
    damage. Read-only; some 0.2 s plain and 0.5-0.9 s encrypted on 100k applications."""
    try:
        conn = connect(path, key, read_only=True)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except (sqlite3.DatabaseError, sqlcipher.DatabaseError) as exc:
        said = store_error(exc, path)
        if said is not None:
            raise said from exc
        raise _damaged(path, str(exc)) from exc
    if check != "ok":
        raise _damaged(path, check)


def _inspect_existing(path: Path, key: bytes | None = None, *, full: bool = True) -> str | None:
    """Return the file's Alembic revision (None for an empty file) or raise a StoreError.
    ``full`` False leaves the page-by-page integrity check for later (``Store.verify``)."""
    with path.open("rb") as fh:
        header = fh.read(len(_SQLITE_MAGIC))
    if not header:
        return None
    if key is None and header != _SQLITE_MAGIC:
        raise ForeignFileError(
            f"{path} is not a Resursi data file (it is not an SQLite database, or it is an "
            "encrypted one whose key this folder does not name); it was left untouched. "
            "Choose another data folder or move the file away.",
            f"{path} nav Resursi datu fails (tā nav SQLite datubāze vai ir šifrēta bez "
            "atslēgas ziņām šajā mapē); fails netika mainīts. "
            "Izvēlieties citu datu mapi vai pārvietojiet failu.",
        )
    try:
        conn = connect(path, key, read_only=True)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0] if full else "ok"
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except (sqlite3.DatabaseError, sqlcipher.DatabaseError) as exc:
        said = store_error(exc, path)  # locked, unreadable, a disk error: not damage
        if said is not None:
            raise said from exc
        raise DamagedStoreError(
            f"{path} is damaged ({exc}); it was left untouched. Restore it from a backup in "
            f"the '{BACKUP_DIRNAME}' folder beside it, or sync into a new data folder.",
            f"{path} ir bojāts ({exc}); fails netika mainīts. Atjaunojiet to no rezerves kopijas "
            f"mapē '{BACKUP_DIRNAME}' vai sinhronizējiet jaunā datu mapē.",
        ) from exc
    if check != "ok":
        raise _damaged(path, check)
    if tables and revision is None:
        raise ForeignFileError(
            f"{path} is an SQLite database of another program; it was left untouched.",
            f"{path} ir citas programmas SQLite datubāze; fails netika mainīts.",
        )
    # The current revision is known without Alembic; any other is looked up in the migrations.
    if revision is not None and revision != known_head() and revision not in _known_revisions():
        raise NewerStoreError(
            f"{path} was written by a newer version of Resursi (schema {revision}); "
            "update Resursi to open it.",
            f"{path} ir saglabāts ar jaunāku Resursi versiju (shēma {revision}); "
            "atjauniniet Resursi.",
        )
    return revision


def backup_copy(path: Path, label: str, key: bytes | None = None) -> Path:
    """Copy a live SQLite file consistently (WAL included) into the backups folder, encrypted
    with the same key as the store (SQLCipher's backup copies pages of the same key)."""
    folder = path.parent / BACKUP_DIRNAME
    folder.mkdir(parents=True, exist_ok=True)
    make_private(folder)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{path.stem}-{label}-{stamp}{path.suffix}"
    src = connect(path, key, read_only=True)
    dst = connect(target, key)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    make_private(target)
    return target


#: SQLite's page cache per connection of an encrypted store (KiB, as SQLite's negative
#: cache_size): the OS caches a plain file's pages, but SQLCipher decrypts every page it reads
#: again unless SQLite keeps it. 2 MB (the default) made a filter on 100k applications 2.4×
#: slower encrypted than plain; 64 MB brings it level (bench/inbox_bench.py). Filled only as
#: pages are read.
ENCRYPTED_CACHE_KIB = 64 * 1024


def _install_pragmas(engine: Engine, *, encrypted: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlcipher.Connection, record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin (see _on_begin).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=10000")
        if encrypted:
            cur.execute(f"PRAGMA cache_size=-{ENCRYPTED_CACHE_KIB}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the lock at BEGIN so that a check and the write it guards cannot be
        # interleaved with another writer's.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def _migrate(engine: Engine, target_revision: str) -> None:
    from alembic import command

    cfg = _alembic_config()
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        # Batch migrations copy and drop tables; with foreign keys on, SQLite would cascade
        # that drop into the child rows. Checked again before the migration commits.
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target_revision)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise StoreError(
                        f"migration left {len(broken)} broken references; nothing was changed",
                        f"migrācija atstāja {len(broken)} bojātas saites; nekas netika mainīts",
                    )
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


@dataclass
class Store:
    """An open local store: the engine and the two ways of using it."""

    path: Path
    engine: Engine
    _reader: sessionmaker[Session]
    _writer: sessionmaker[Session]
    backup: Path | None = None
    #: The data folder's key (None: a plain store, as the tests and the benches' "off" use).
    key: bytes | None = field(default=None, repr=False)
    #: Set once the file's pages were checked (at opening, or by ``verify`` after it); a
    #: write waits for it, so a damaged file is never written to.
    _checked: threading.Event = field(default_factory=threading.Event, repr=False)
    _damage: StoreError | None = field(default=None, repr=False)

    def verify(self) -> None:
        """The integrity check an opening with ``check_later`` left for now (on a worker: it
        reads every page). ``DamagedStoreError`` when the file is damaged; every write from
        then on refuses with the same error, so the file stays as it was."""
        if self._checked.is_set():
            if self._damage is not None:
                raise self._damage
            return
        try:
            integrity_check(self.path, self.key)
        except StoreError as exc:
            self._damage = exc
            raise
        finally:
            self._checked.set()

    def _wait_for_check(self) -> None:
        if not self._checked.is_set():
            self._checked.wait()
        if self._damage is not None:
            raise self._damage

    @property
    def data_dir(self) -> Path:
        return self.path.parent

    @property
    def vault(self) -> FileVault:
        """Seals and opens the act PDFs and attachments with this store's key."""
        vault = getattr(self._local, "vault", None)
        if vault is None:
            vault = self._local.vault = FileVault(self.key)
        return vault

    _local: threading.local = field(default_factory=threading.local, repr=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries. Closing it ends the transaction without expiring what was
        loaded, so plain values read inside stay readable after the block.

        Inside a ``write()`` on the same thread this is that write's session: a step of a
        composed operation reads what the steps before it wrote."""
        outer = getattr(self._local, "session", None)
        if outer is not None:
            yield outer
            return
        with self._saying_why(), self._reader() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed if the block finishes, rolled back if it raises.

        Operations compose: a ``write()`` inside another on the same thread joins the outer
        transaction (as a savepoint), so re-apply, bulk decisions or a return with its act
        commit together or not at all."""
        outer = getattr(self._local, "session", None)
        if outer is not None:
            with outer.begin_nested():
                yield outer
            return
        self._wait_for_check()
        # Only the outermost write says why: a step inside may catch the driver's own error.
        with self._saying_why(), self._writer() as session, session.begin():
            self._local.session = session
            try:
                yield session
            finally:
                self._local.session = None

    @contextmanager
    def _saying_why(self) -> Iterator[None]:
        with _saying_why(self.path):
            yield

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def _saying_why(path: Path) -> Iterator[None]:
    """Turn a driver or OS error (disk full, read-only, locked, duplicate, too large) into a
    ``StoreError`` that names the cause; anything else goes on unchanged."""
    try:
        yield
    except Exception as exc:
        said = store_error(exc, path)
        if said is None or said is exc:
            raise
        raise said from exc


def open_store(data_dir: Path | str, *, target_revision: str = "head",
               key: bytes | None = None, check_later: bool = False) -> Store:
    """Open (creating or migrating) the store in ``data_dir``, encrypted with ``key`` (32 bytes;
    a plain store found there is moved into an encrypted one first). Without a key the store
    is a plain SQLite file: what the tests and the benches' "encryption off" use; the app and
    its commands always come through ``store_key.open_data_folder``.

    Raises a ``StoreError`` subclass with a message for the user when the file cannot be used
    (not ours, damaged, newer, or the disk full, read-only, locked); the file is then left
    untouched. ``check_later``: a store already at its revision opens without reading every
    page; the caller runs ``Store.verify`` off the GUI thread, and writes wait for it (the
    app's start: the check is the longest part of opening a large encrypted store). A store
    about to be migrated is always checked first.
    """
    folder = Path(data_dir)
    path = folder / DB_FILENAME
    try:
        with _saying_why(path):
            return _open_store(folder, target_revision, key, check_later)
    except (OSError, sqlite3.Error, sqlcipher.Error) as exc:  # a cause without its own sentence: still no traceback
        detail = getattr(exc, "strerror", None) or str(exc)
        raise StoreError(
            f"the data folder {folder} cannot be used ({detail}); nothing was changed. "
            "Choose another data folder.",
            f"Datu mapi {folder} nevar izmantot ({detail}); nekas netika mainīts. "
            "Izvēlieties citu datu mapi.",
        ) from exc


def _open_store(folder: Path, target_revision: str, key: bytes | None,
                check_later: bool = False) -> Store:
    if key is not None and len(key) != 32:
        raise ValueError("a store key is 32 bytes")
    folder.mkdir(parents=True, exist_ok=True)
    make_private(folder)
    path = folder / DB_FILENAME
    # Each way below reads the file's revision once, with the page check it owes.
    inspected = False
    if key is not None:
        from desktop.models import sealing  # the move of a plain folder, once

        sealing.recover(folder)
        if path.exists() and path.stat().st_size and is_plain_sqlite(path):
            current = _inspect_existing(path)  # a plain file that fails a check stays as is
            sealing.seal_plain_folder(folder, key)  # its copy is checked page by page too
            inspected = True
        elif (folder / sealing.MARKER_FILENAME).exists():
            current = _inspect_existing(path, key)  # the key opens the swapped store
            sealing.finish_sealing(folder, key)
            inspected = True
    if not inspected:
        current = (_inspect_existing(path, key, full=not check_later) if path.exists()
                   else None)
    wanted = (known_head() or head_revision()) if target_revision == "head" else target_revision
    checked = inspected or not check_later or current is None

    backup = None
    if current is not None and current != wanted:
        if not checked:  # nothing is migrated, nor copied aside, unchecked
            integrity_check(path, key)
            checked = True
        backup = backup_copy(path, f"before-{wanted}-from-{current}", key)

    # The driver is SQLCipher's build of SQLite for every store (a plain one too): one
    # driver, one set of errors, and "encryption off" in the benches differs by the key only.
    engine = create_engine(f"sqlite:///{path}", future=True, module=sqlcipher,
                           creator=lambda: connect(path, key))
    _install_pragmas(engine, encrypted=key is not None)
    if current != wanted:  # a store at its revision already: Alembic stays unloaded
        try:
            _migrate(engine, target_revision)
        except Exception:
            engine.dispose()
            raise
    for private in (path, *path.parent.glob(f"{DB_FILENAME}-*"), folder / BACKUP_DIRNAME):
        if private.exists():
            make_private(private)
    writer_engine = engine.execution_options(sqlite_begin="IMMEDIATE")
    store = Store(
        path=path,
        engine=engine,
        _reader=sessionmaker(engine, expire_on_commit=False),
        _writer=sessionmaker(writer_engine, expire_on_commit=False),
        backup=backup,
        key=key,
    )
    if checked:
        store._checked.set()
    return store
