"""Opening, migrating and refusing store files."""

from __future__ import annotations

import hashlib
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text

from desktop.models.codes import ApplicationStatus, SocialStatus
from desktop.models.schema import Application, Base
from desktop.models.store import (
    DB_FILENAME,
    DamagedStoreError,
    ForeignFileError,
    NewerStoreError,
    head_revision,
    open_store,
)
from tests.factories import damaged_at_its_end


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_store_is_at_head_with_wal_and_foreign_keys(data_dir: Path) -> None:
    store = open_store(data_dir)
    try:
        with store.read() as s:
            assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                head_revision()
            )
        assert store.backup is None  # nothing to back up in a new file
    finally:
        store.close()


def _modelled(name: str | None, type_: str, _parent: object) -> bool:
    """Not the search's FTS5 table and its shadow tables (revision 0013): SQLite's own, kept
    by triggers, never a model."""
    return not (type_ == "table" and name is not None
                and name.startswith("applications_search"))


def test_migrations_produce_exactly_the_models(data_dir: Path) -> None:
    store = open_store(data_dir)
    try:
        with store.engine.connect() as conn:
            diff = compare_metadata(
                MigrationContext.configure(conn, opts={"include_name": _modelled}),
                Base.metadata)
        assert diff == []
    finally:
        store.close()


FIRST_REVISION_ROWS = [
    "INSERT INTO institutions (id, name, server_version) VALUES ('4313900123', "
    "'Rīgas Āgenskalna Valsts ģimnāzija', 3)",
    "INSERT INTO resource_kinds VALUES ('windows_laptop', 'computer', "
    "'Windows portatīvais dators', 'Windows laptop')",
    "INSERT INTO applications (id, number, institution_id, kind_code, status, "
    "status_changed_at, submitted_at, submitter_role, submitter_name, submitter_personal_code, "
    "learner_name, learner_personal_code, learner_class, guardian_check, server_version, "
    "updated_at) VALUES (7, 'P-2026-000007', '4313900123', 'windows_laptop', 'submitted', "
    "'2026-09-01 08:30:00.000000', '2026-09-01 08:30:00.000000', 'parent_guardian', "
    "'Līga Bērziņa', '010180-10006', 'Jānis Bērziņš', '150312-20004', '7.b', 'verified', 4, "
    "'2026-09-01 08:30:00.000000')",
    "INSERT INTO application_social_statuses VALUES (7, 'poor_family', 'T', 1, NULL)",
    "INSERT INTO status_history (entity_type, entity_id, application_id, action, from_status, "
    "to_status, actor, source, at) VALUES ('application', '7', 7, 'submit', NULL, 'submitted', "
    "'e-pakalpojums', 'central', '2026-09-01 08:30:00.000000')",
]


def test_first_revision_store_with_data_upgrades_intact_and_backed_up(data_dir: Path) -> None:
    old = open_store(data_dir, target_revision="0001")
    with old.engine.begin() as conn:
        for statement in FIRST_REVISION_ROWS:
            conn.exec_driver_sql(statement)
    old.close()

    store = open_store(data_dir)
    try:
        assert store.backup is not None and store.backup.exists()
        backup = sqlcipher.connect(store.backup)
        try:
            assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == (
                "0001",
            )
            assert backup.execute("SELECT learner_name FROM applications").fetchone() == (
                "Jānis Bērziņš",
            )
        finally:
            backup.close()

        with store.read() as s:
            app = s.scalars(select(Application)).one()
            assert app.number == "P-2026-000007"
            assert app.learner_name == "Jānis Bērziņš"
            assert app.status is ApplicationStatus.SUBMITTED
            assert app.server_version == 4
            assert app.submitted_at == datetime(2026, 9, 1, 8, 30, tzinfo=UTC)
            assert [x.status for x in app.social_statuses] == [SocialStatus.POOR_FAMILY]
            # the new revision filled the folded search key for the old row
            assert "berzins" in app.search_key and "7.b" in app.search_key
            assert app.learner_sort.startswith("janis berzin~s")  # 0004: Latvian sort key
            assert s.execute(text("SELECT count(*) FROM status_history")).scalar() == 1
    finally:
        store.close()


def test_text_file_is_refused_and_left_untouched(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / DB_FILENAME
    path.write_text("Šis nav datubāzes fails\n", encoding="utf-8")
    before = _digest(path)
    with pytest.raises(ForeignFileError) as err:
        open_store(data_dir)
    assert "not a Resursi data file" in str(err.value)
    assert "nav Resursi datu fails" in err.value.message_lv
    assert _digest(path) == before
    assert not (data_dir / "backups").exists()


def test_other_programs_database_is_refused_and_left_untouched(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / DB_FILENAME
    conn = sqlcipher.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('pīrāgi')")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(ForeignFileError):
        open_store(data_dir)
    assert _digest(path) == before


def test_damaged_store_is_refused_and_left_untouched(data_dir: Path) -> None:
    store = open_store(data_dir)
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO audit_log (at, actor, action, entity_type, entity_id, details) "
            "VALUES ('2026-01-01 00:00:00', 'x', 'y', 'z', '1', '{}')"
        )
    store.close()  # the last connection closing checkpoints the WAL into the main file
    assert not (data_dir / (DB_FILENAME + "-wal")).exists()
    path = data_dir / DB_FILENAME
    raw = bytearray(path.read_bytes())
    page = 4096
    for p in range(1, len(raw) // page):  # scribble over every b-tree page header after page 1
        raw[p * page] = 0x77
    path.write_bytes(bytes(raw))
    before = _digest(path)
    with pytest.raises(DamagedStoreError) as err:
        open_store(data_dir)
    assert "damaged" in str(err.value)
    assert "bojāts" in err.value.message_lv
    assert _digest(path) == before


def test_store_from_newer_version_is_refused(data_dir: Path) -> None:
    store = open_store(data_dir)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    store.close()
    path = data_dir / DB_FILENAME
    before = _digest(path)
    with pytest.raises(NewerStoreError):
        open_store(data_dir)
    assert _digest(path) == before


def test_reopening_at_head_makes_no_backup(data_dir: Path) -> None:
    open_store(data_dir).close()
    store = open_store(data_dir)
    try:
        assert store.backup is None
    finally:
        store.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_data_folder_and_the_store_are_private(tmp_path) -> None:
    """Issue 14 (medium): the data folder was 755 and the store 644."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    store = open_store(folder)
    with store.write() as s:  # a write makes the -wal file too
        s.execute(text("CREATE TABLE IF NOT EXISTS t (x)"))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.glob("resursi.sqlite3*"):
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
    store.close()


def test_a_check_left_for_later_finds_the_damage_and_no_write_touches_the_file(
        data_dir: Path) -> None:
    path = damaged_at_its_end(data_dir)
    before = _digest(path)
    store = open_store(data_dir, check_later=True)  # the app's start: the window first
    try:
        with pytest.raises(DamagedStoreError) as err:
            store.verify()
        assert "bojāts" in err.value.message_lv
        with pytest.raises(DamagedStoreError), store.write() as s:
            s.execute(text("DELETE FROM audit_log"))
    finally:
        store.close()
    assert _digest(path) == before


def test_a_write_waits_for_the_check_left_for_later(data_dir: Path) -> None:
    import threading

    open_store(data_dir).close()
    store = open_store(data_dir, check_later=True)
    wrote = threading.Event()

    def write() -> None:
        with store.write() as s:
            s.execute(text("INSERT INTO audit_log (at, actor, action, entity_type, entity_id, "
                           "details) VALUES ('2026-01-01 00:00:00', 'x', 'y', 'z', '1', '{}')"))
        wrote.set()

    writer = threading.Thread(target=write)
    try:
        writer.start()
        assert not wrote.wait(0.2)  # held until the pages are checked
        store.verify()
        writer.join(timeout=30)
        assert wrote.is_set()
    finally:
        store.close()


def test_a_store_to_be_migrated_is_checked_first_even_when_asked_later(data_dir: Path) -> None:
    open_store(data_dir, target_revision="0011").close()
    path = data_dir / DB_FILENAME
    raw = bytearray(path.read_bytes())
    for p in range(2, len(raw) // 4096):
        raw[p * 4096] = 0x77
    path.write_bytes(bytes(raw))
    before = _digest(path)
    with pytest.raises(DamagedStoreError):
        open_store(data_dir, check_later=True)
    assert _digest(path) == before
    assert not list((data_dir / "backups").glob("*")) if (data_dir / "backups").exists() else True
