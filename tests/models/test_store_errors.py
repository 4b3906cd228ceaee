"""Issue 14 (low): a failed write or a store that cannot be opened says what is wrong (disk
full, read-only, locked by another program, a duplicate value, a number too large) in Latvian
and English, and nothing is written. Never "damaged, restore from a backup" for those, never
"unexpected error (OperationalError)".

Tests run as root in CI, where chmod does not stop a write: the read-only cases make SQLite
itself refuse (``PRAGMA query_only``), which gives the same error a read-only file gives."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import event, func, select

from desktop.models import store as store_module
from desktop.models.errors import (
    DuplicateValueError,
    NumberTooLargeError,
    StoreAccessError,
    StoreBusyError,
    StoreError,
    StoreFullError,
    StoreReadOnlyError,
)
from desktop.models.schema import Institution, Item
from desktop.models.store import DB_FILENAME, Store, open_store
from desktop.tasks import error_text

SCHOOL = "4313900123"


@pytest.fixture
def opened(data_dir: Path) -> Iterator[Store]:
    store = open_store(data_dir)
    with store.write() as s:
        s.add(Institution(id=SCHOOL, name="Rīgas Āgenskalna Valsts ģimnāzija"))
        s.add(Item(institution_id=SCHOOL, kind_code="windows_laptop", inventory_no="INV-ŠĶ-1"))
    yield store
    store.close()


def _on_every_connection(store: Store, pragma: Callable[[sqlite3.Connection], None]) -> None:
    """Run ``pragma`` on each new connection and drop the pooled ones so it applies now."""

    def _connect(dbapi_conn: sqlite3.Connection, record: Any) -> None:
        pragma(dbapi_conn)

    event.listen(store.engine, "connect", _connect)
    store.engine.dispose()


def _counts(store: Store) -> tuple[int, int]:
    with store.read() as s:
        return (s.scalar(select(func.count()).select_from(Institution)) or 0,
                s.scalar(select(func.count()).select_from(Item)) or 0)


def _clean_counts(data_dir: Path) -> tuple[int, int]:
    """Counted on a fresh connection without the test's pragmas."""
    conn = sqlcipher.connect(data_dir / DB_FILENAME)
    try:
        return (conn.execute("SELECT count(*) FROM institutions").fetchone()[0],
                conn.execute("SELECT count(*) FROM items").fetchone()[0])
    finally:
        conn.close()


def _says(exc: BaseException, en: str, lv: str) -> None:
    assert en in str(exc).lower(), str(exc)
    assert lv in exc.message_lv.lower(), exc.message_lv  # type: ignore[attr-defined]
    assert error_text(exc, "en") == str(exc)
    assert error_text(exc, "lv") == exc.message_lv  # type: ignore[attr-defined]
    for text in (str(exc), exc.message_lv):  # type: ignore[attr-defined]
        assert "damaged" not in text and "bojāts" not in text
        assert "OperationalError" not in text and "Traceback" not in text


def test_disk_full_on_a_write_says_so_and_writes_nothing(opened: Store, data_dir: Path) -> None:
    with opened.read() as s:
        pages = s.connection().exec_driver_sql("PRAGMA page_count").scalar()
    _on_every_connection(opened, lambda c: c.execute(f"PRAGMA max_page_count = {pages}"))
    with pytest.raises(StoreFullError) as err, opened.write() as s:
        s.add(Institution(id="4313900999", name="Liepājas Raiņa 6. vidusskola"))
        for n in range(2000):
            s.add(Item(institution_id=SCHOOL, kind_code="windows_laptop",
                       inventory_no=f"INV-{n:05d}", notes="ā" * 500))
    _says(err.value, "disk is full", "disks ir pilns")
    assert _clean_counts(data_dir) == (1, 1)


def test_read_only_store_on_a_write_says_so_and_writes_nothing(opened: Store,
                                                               data_dir: Path) -> None:
    _on_every_connection(opened, lambda c: c.execute("PRAGMA query_only = ON"))
    with pytest.raises(StoreReadOnlyError) as err, opened.write() as s:
        s.add(Institution(id="4313900999", name="Liepājas Raiņa 6. vidusskola"))
    _says(err.value, "read-only", "tikai lasām")
    assert _clean_counts(data_dir) == (1, 1)


def test_store_locked_by_another_program_says_so_and_writes_nothing(opened: Store,
                                                                    data_dir: Path) -> None:
    _on_every_connection(opened, lambda c: c.execute("PRAGMA busy_timeout = 0"))
    other = sqlcipher.connect(data_dir / DB_FILENAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreBusyError) as err, opened.write() as s:
            s.add(Institution(id="4313900999", name="Liepājas Raiņa 6. vidusskola"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    _says(err.value, "another program", "cita programma")
    assert _counts(opened) == (1, 1)


def test_a_number_too_large_says_so_and_writes_nothing(opened: Store) -> None:
    with pytest.raises(NumberTooLargeError) as err, opened.write() as s:
        s.add(Institution(id="4313900999", name="Liepājas Raiņa 6. vidusskola",
                          server_version=2**63))
    _says(err.value, "too large", "pārāk liels")
    assert _counts(opened) == (1, 1)


def test_a_duplicate_inventory_number_names_the_field_and_value(opened: Store) -> None:
    with pytest.raises(DuplicateValueError) as err, opened.write() as s:
        s.add(Institution(id="4313900999", name="Liepājas Raiņa 6. vidusskola"))
        s.flush()
        s.add(Item(institution_id=SCHOOL, kind_code="windows_laptop", inventory_no="INV-ŠĶ-1"))
    _says(err.value, "inventory number", "inventāra numurs")
    assert "INV-ŠĶ-1" in str(err.value) and "INV-ŠĶ-1" in err.value.message_lv
    assert err.value.field == "inventory_no"
    assert _counts(opened) == (1, 1)


def test_errors_inside_a_write_that_the_caller_handles_are_not_changed(opened: Store) -> None:
    """A step that catches the driver's own error (e.g. sync's page check) still gets it."""
    from sqlalchemy.exc import IntegrityError

    with opened.write() as s:
        try:
            with opened.write() as inner:
                inner.add(Item(institution_id=SCHOOL, kind_code="windows_laptop",
                               inventory_no="INV-ŠĶ-1"))
                inner.flush()
        except IntegrityError:
            pass
        s.add(Institution(id="4313900999", name="Liepājas Raiņa 6. vidusskola"))
    assert _counts(opened) == (2, 1)


def test_a_new_store_in_a_read_only_place_says_read_only_not_damaged(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = store_module._install_pragmas

    def read_only(engine: Any, **options: Any) -> None:
        plain(engine, **options)
        event.listen(engine, "connect", lambda c, r: c.execute("PRAGMA query_only = ON"))

    monkeypatch.setattr(store_module, "_install_pragmas", read_only)
    with pytest.raises(StoreReadOnlyError) as err:
        open_store(data_dir)
    _says(err.value, "read-only", "tikai lasām")


def test_an_existing_store_locked_at_opening_says_locked_not_damaged(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_store(data_dir).close()
    real_connect = sqlite3.connect

    def locked(*args: Any, **kwargs: Any) -> sqlcipher.Connection:
        raise sqlcipher.OperationalError("database is locked")

    monkeypatch.setattr(store_module.sqlcipher, "connect", locked)
    try:
        with pytest.raises(StoreBusyError) as err:
            open_store(data_dir)
    finally:
        monkeypatch.setattr(store_module.sqlcipher, "connect", real_connect)
    _says(err.value, "another program", "cita programma")


@pytest.mark.parametrize(("code", "cls", "en", "lv"), [
    (errno.ENOSPC, StoreFullError, "disk is full", "disks ir pilns"),
    (errno.EROFS, StoreReadOnlyError, "read-only", "tikai lasām"),
    (errno.EACCES, StoreAccessError, "permission", "atļauj"),
])
def test_a_data_folder_that_cannot_be_made_says_why(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch, code: int, cls: type[StoreError],
        en: str, lv: str) -> None:
    def refuse(self: Path, *args: Any, **kwargs: Any) -> None:
        raise OSError(code, os.strerror(code), str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(cls) as err:
        open_store(data_dir)
    _says(err.value, en, lv)


def test_any_other_os_error_at_opening_is_a_store_error_naming_the_folder(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Path, *args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(StoreError) as err:
        open_store(data_dir)
    assert str(data_dir) in str(err.value) and str(data_dir) in err.value.message_lv
    assert os.strerror(errno.ENAMETOOLONG) in str(err.value)
    assert "nevar izmantot" in err.value.message_lv
