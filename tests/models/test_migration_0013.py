"""Revision 0013: a store written before it upgrades with its counts and its search index
filled from its rows and the inbox's indexes, and goes back down without them."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from desktop.models import inbox_window, queries
from desktop.models.codes import ApplicationStatus
from desktop.models.queries import InboxFilter
from desktop.models.store import DB_FILENAME, _alembic_config, open_store
from tests.models.test_migration_0010 import SCHOOL, _old_rows

_INDEXES = ("ix_applications_institution_status", "ix_applications_institution_kind_status")


def _names(conn, kind: str) -> set[str]:
    return {r[0] for r in conn.execute(text(
        f"SELECT name FROM sqlite_master WHERE type = '{kind}'"))}


def test_an_old_store_upgrades_with_its_counts_and_goes_back_down(data_dir: Path) -> None:
    old = open_store(data_dir, target_revision="0012")
    _old_rows(old)  # one confirmed application, "Jānis Bērziņš"
    old.close()

    store = open_store(data_dir)
    try:
        assert inbox_window.status_counts(store, SCHOOL) == {ApplicationStatus.CONFIRMED: 1}
        with store.engine.begin() as conn:  # the triggers count a row written afterwards
            conn.execute(text("UPDATE applications SET status = 'declined'"))
        assert inbox_window.status_counts(store, SCHOOL) == {ApplicationStatus.DECLINED: 1}
        with store.engine.connect() as conn:
            assert set(_INDEXES) <= _names(conn, "index")
            assert len(_names(conn, "trigger")) == 6  # the counts' and the search's
        found = queries.inbox_ids(store, InboxFilter(SCHOOL, text="key"))  # its key: "key"
        assert len(found) == 1  # the old row's key, indexed by the upgrade
    finally:
        store.close()

    engine = create_engine(f"sqlite:///{data_dir / DB_FILENAME}")
    try:
        with engine.begin() as conn:
            cfg = _alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0012")
        with engine.begin() as conn:
            assert not {"application_counts", "applications_search"} & _names(conn, "table")
            assert not set(_INDEXES) & _names(conn, "index")
            assert not _names(conn, "trigger")
            conn.execute(text("DELETE FROM applications"))  # no trigger left to fail
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() \
                == "0012"
    finally:
        engine.dispose()
