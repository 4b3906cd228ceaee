"""The GUI thread never runs a query (issue 11): every SQL statement of start-up, inbox
scrolling, filtering, searching, showing a detail and a sync runs on a worker thread.

A listener on the store's engine notes each statement that runs on the main thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from bench.seed import seed
from desktop.app import Application, Connection
from desktop.models.codes import ApplicationStatus
from desktop.models.store import Store, open_store
from qt_helpers import type_text
from sync.credentials import MemoryCredentials
from sync.devserver.server import DevServer

SCHOOL = "4313900123"


@contextmanager
def sql_on_the_gui_thread(store: Store) -> Iterator[list[str]]:
    """The statements (their first words) that ran on the main thread meanwhile."""
    seen: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if threading.current_thread() is threading.main_thread():
            seen.append(" ".join(statement.split()[:8]))

    event.listen(store.engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", before)


def _shown(app: Application, row: int) -> bool:
    """The row's cells hold data (not the placeholder shown while its block is read)."""
    model = app.inbox.model
    return model.is_fetched(row) and bool(model.index(row, 0).data())


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[Store]:
    seed(tmp_path / "data", 3000)
    store = open_store(tmp_path / "data")
    yield store


def test_start_scrolling_filtering_and_searching_run_no_sql_on_the_gui_thread(
        qtbot, qapp, seeded: Store) -> None:
    with sql_on_the_gui_thread(seeded) as seen:
        app = Application(qapp, seeded)
        qtbot.addWidget(app.window)
        try:
            with qtbot.waitSignal(app.inbox.loaded, timeout=15000) as loaded:
                app.start()
            assert loaded.args[0] > 2000
            qtbot.waitUntil(lambda: _shown(app, 0), timeout=5000)
            qtbot.waitUntil(lambda: "Rīgas Āgenskalna" in app.window.windowTitle(),
                            timeout=5000)
            table, model = app.inbox.table, app.inbox.model

            # scrolling to the bottom: the rows come in blocks read in the background
            table.scrollToBottom()
            app.window.grab()  # paints what is in sight now (asking the model for its rows)
            last = model.rowCount() - 1
            qtbot.waitUntil(lambda: _shown(app, last), timeout=10000)
            for row in range(last - 30, last + 1, 7):
                app.window.grab()
                qtbot.waitUntil(lambda r=row: _shown(app, r), timeout=10000)

            # a filter, a search, and a row's detail
            status = app.inbox.status_filter
            with qtbot.waitSignal(app.inbox.loaded, timeout=10000):
                status.setCurrentIndex(status.findData(ApplicationStatus.SUBMITTED.value))
            app.window.grab()
            with qtbot.waitSignal(app.inbox.loaded, timeout=10000):
                type_text(app.inbox.search, "bērz")
            app.window.grab()
            if model.rowCount():
                with qtbot.waitSignal(app.detail.loaded, timeout=10000):
                    table.selectRow(0)
            app.tasks.wait()
        finally:
            app.window.close()
            app.shutdown()
    assert seen == [], "\n".join(seen)


def test_a_sync_runs_no_sql_on_the_gui_thread(qtbot, qapp, tmp_path: Path) -> None:
    server = DevServer(seed=40).start()
    store = open_store(tmp_path / "data")
    try:
        with sql_on_the_gui_thread(store) as seen:
            app = Application(qapp, store, connection=Connection(
                server.url, "reviewer", "demo", SCHOOL, MemoryCredentials()))
            qtbot.addWidget(app.window)
            try:
                with qtbot.waitSignal(app.inbox.loaded, timeout=15000,
                                      check_params_cb=lambda n: n > 0):
                    app.start()
                qtbot.waitUntil(lambda: app.window.connection_label.text().startswith(
                    "Tiešsaistē"), timeout=15000)
                app.window.grab()
                qtbot.waitUntil(lambda: _shown(app, 0), timeout=5000)
                first = server.application_ids(SCHOOL)[0]
                server.applicant_contact(first, phone="+37120000077")
                # the sync, and the inbox following what it brought
                with qtbot.waitSignals([app.sync.synced, app.inbox.loaded], timeout=15000):
                    app.window.sync_action.trigger()
                app.window.grab()
                qtbot.waitUntil(lambda: "Rīgas Āgenskalna" in app.window.windowTitle(),
                                timeout=5000)
                app.tasks.wait()
            finally:
                app.window.close()
                app.shutdown()
    finally:
        server.stop()
    assert seen == [], "\n".join(seen)
