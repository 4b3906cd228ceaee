"""The store knows the newest schema revision without loading Alembic (issue 17): opening a
current store is the common case, and Alembic with its migrations costs some 150 ms of every
start. The constant must follow the migrations; this test is what keeps it in step."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.script import ScriptDirectory

from desktop.models import store as store_module
from desktop.models.store import HEAD_REVISION, head_revision, open_store


def test_the_constant_is_the_newest_migration() -> None:
    # A migration added without updating HEAD_REVISION fails here (and the store would fall
    # back to asking Alembic at every start, see the next test).
    script = ScriptDirectory.from_config(store_module._alembic_config())
    assert script.get_current_head() == HEAD_REVISION
    assert head_revision() == HEAD_REVISION


def test_a_newer_migration_file_is_not_skipped(monkeypatch) -> None:
    # A stale constant is never trusted: a migration file newer than it sends the store
    # back to Alembic's own answer.
    monkeypatch.setattr(store_module, "HEAD_REVISION", "0001")
    assert store_module.known_head() is None


def _modules_after_open(folder: Path) -> set[str]:
    code = ("import sys; from pathlib import Path; from desktop.models.store import open_store;"
            f" open_store(Path({str(folder)!r})).close(); print(' '.join(sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    return set(out.stdout.split())


def test_a_current_store_opens_without_alembic(tmp_path: Path) -> None:
    folder = tmp_path / "Mācību līdzekļi"
    open_store(folder).close()  # made and migrated to the head (Alembic runs here)
    loaded = _modules_after_open(folder)
    assert "alembic" not in loaded
    assert "desktop.models.store" in loaded


def test_an_older_store_is_still_migrated(tmp_path: Path) -> None:
    folder = tmp_path / "vecā mape"
    open_store(folder, target_revision="0011").close()
    loaded = _modules_after_open(folder)
    assert "alembic" in loaded  # the migration to the head ran
    assert list((folder / "backups").glob(f"*before-{HEAD_REVISION}-from-0011*"))  # copied aside first
    store = open_store(folder)
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
                HEAD_REVISION)
    finally:
        store.close()
