"""A decision made offline shows in the lists at once: the inbox filtered to "Iesniegts" lets
the refused application go, and the counts per status follow, without any sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.app import Application, Connection
from desktop.models.codes import ApplicationStatus
from qt_helpers import accepting_reason_dialog
from sync.credentials import MemoryCredentials
from sync.devserver.seeding import MAIN_INSTITUTION
from sync.devserver.server import DevServer

REASON = "Šajā mācību gadā ierīču vairs nav; lūdzam pieteikties atkārtoti rudenī"


_Refusing = accepting_reason_dialog(REASON)


@pytest.fixture
def offline_reviewer(qtbot, qapp, tmp_path: Path, monkeypatch):
    """A reviewer who synced once, then lost the connection for good."""
    from desktop.models.store import open_store

    server = DevServer(seed=40).start()
    store = open_store(tmp_path / "data")
    app = Application(qapp, store, connection=Connection(
        server.url, "reviewer", "demo", MAIN_INSTITUTION, MemoryCredentials()))
    qtbot.addWidget(app.window)
    with qtbot.waitSignal(app.inbox.loaded, timeout=15000, check_params_cb=lambda n: n > 0):
        app.start()
    qtbot.waitUntil(lambda: app.window.connection_label.text().startswith("Tiešsaistē"),
                    timeout=15000)
    monkeypatch.setattr("desktop.deciding.RefuseDialog", _Refusing)
    server.stop()  # offline from here on
    yield app
    app.window.close()
    app.shutdown()


# The inbox's own decisions used to repaint only their rows (InboxPage.follow_changes, source
# is self); the reload that applies the filter came with the sync's changes, and offline none
# come. A list narrowed by status or by "waiting to sync" now reloads on its own change too.
def test_an_offline_refusal_leaves_the_submitted_list_at_once(qtbot, offline_reviewer) -> None:
    app = offline_reviewer
    combo = app.inbox.status_filter
    with qtbot.waitSignal(app.inbox.loaded, timeout=10000):
        combo.setCurrentIndex(combo.findData(ApplicationStatus.SUBMITTED.value))
    qtbot.waitUntil(lambda: app.inbox._counts is not None, timeout=5000)
    submitted = app.inbox._counts[ApplicationStatus.SUBMITTED]
    assert app.inbox.model.rowCount() == submitted > 0
    app_id = app.inbox.model.id_at(0)
    app.inbox.table.selectRow(0)

    app.decisions.refuse_action.trigger()
    # gone from "Iesniegts" and counted as refused, while the sync cannot reach anyone
    qtbot.waitUntil(lambda: app.inbox.model.row_of(app_id) < 0, timeout=10000)
    assert app.inbox.model.rowCount() == submitted - 1
    qtbot.waitUntil(lambda: f"Iesniegts: {submitted - 1}" in app.inbox.counts.text(),
                    timeout=5000)
    assert "Atteikts:" in app.inbox.counts.text()
    qtbot.waitUntil(lambda: app.window.sync_label.text() == "Gaida sinhronizāciju: 1",
                    timeout=5000)
