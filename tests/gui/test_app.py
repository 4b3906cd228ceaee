"""The composed application: the main window opens on a store and on the demo."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bench.seed import seed
from desktop.app import Application
from desktop.models.store import open_store
from qt_helpers import deliver_queued


def test_main_window_shows_the_school_and_its_inbox(qtbot, qapp, tmp_path: Path) -> None:
    seed(tmp_path / "data", 300)
    store = open_store(tmp_path / "data")
    app = Application(qapp, store)
    qtbot.addWidget(app.window)
    with qtbot.waitSignal(app.inbox.loaded, timeout=10000) as loaded:
        app.start()
    try:
        assert loaded.args[0] > 0
        assert app.window.isVisible()
        assert "Rīgas Āgenskalna Valsts ģimnāzija" in app.window.windowTitle()
        assert app.window.navigation.item(0).text() == "Pieteikumi"
        qtbot.waitUntil(lambda: app.window.sync_label.text() != "", timeout=5000)
        assert app.window.sync_label.text() == "Gaida sinhronizāciju: 0"
    finally:
        app.window.close()
        app.shutdown()


def test_resursi_demo_starts_and_quits_cleanly(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--demo", "--quit-after", "4000"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.glob("resursi-demo-*")) == []  # the demo folder is removed


def test_version_answers(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "desktop", "--version"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.startswith("Resursi 0.1.0")


def test_signs_in_syncs_and_shows_online_then_offline(qtbot, qapp, tmp_path: Path) -> None:
    from desktop.app import Connection
    from sync.credentials import MemoryCredentials
    from sync.devserver.server import DevServer

    server = DevServer(seed=60).start()
    store = open_store(tmp_path / "data")
    app = Application(qapp, store, connection=Connection(
        server.url, "reviewer", "demo", "4313900123", MemoryCredentials()))
    qtbot.addWidget(app.window)
    try:
        with qtbot.waitSignal(app.inbox.loaded, timeout=15000,
                              check_params_cb=lambda n: n > 0):
            app.start()
        qtbot.waitUntil(lambda: app.window.connection_label.text().startswith("Tiešsaistē"),
                        timeout=10000)
        # the school's name is read off the GUI thread after the sync that brought it
        qtbot.waitUntil(lambda: "Rīgas Āgenskalna Valsts ģimnāzija"
                        in app.window.windowTitle(), timeout=10000)
        assert app.window.sync_action.isEnabled()

        server.stop()  # the connection drops
        with qtbot.waitSignal(app.sync.connection_changed, timeout=15000) as changed:
            app.window.sync_action.trigger()
        assert changed.args[0] is False
        assert app.window.connection_label.text().startswith("Bezsaistē")
        assert app.inbox.model.rowCount() > 0  # the local data stays usable offline
    finally:
        app.window.close()
        app.shutdown()
        server.stop()


def test_moving_through_the_inbox_shows_each_applications_detail(qtbot, qapp,
                                                                   tmp_path: Path) -> None:
    seed(tmp_path / "data", 200)
    store = open_store(tmp_path / "data")
    app = Application(qapp, store)
    qtbot.addWidget(app.window)
    try:
        with qtbot.waitSignal(app.inbox.loaded, timeout=10000):
            app.start()
        table = app.inbox.table
        with qtbot.waitSignal(app.detail.loaded, timeout=5000) as shown:
            table.setCurrentIndex(app.inbox.model.index(3, 0))
        assert shown.args == [app.inbox.model.id_at(3)]
        assert app.detail.detail is not None
        assert app.detail.detail.number == app.inbox.model.index(3, 0).data()
    finally:
        app.window.close()
        app.shutdown()


def test_the_sections_are_in_the_order_of_a_school_day(qtbot, qapp, tmp_path: Path) -> None:
    store = open_store(tmp_path / "data")
    app = Application(qapp, store)
    qtbot.addWidget(app.window)
    try:
        titles = [app.window.navigation.item(r).text()
                  for r in range(app.window.navigation.count())]
        assert titles[0] == "Pieteikumi" and "Katalogs" in titles and "Pārskati" in titles
        assert titles[-1] == "Audita žurnāls"  # nobody signed in: a local, full view
        assert all(not app.window.navigation.item(r).icon().isNull()
                   for r in range(app.window.navigation.count()))
    finally:
        app.window.close()
        app.shutdown()


def test_a_label_scanned_into_the_inbox_search_opens_the_item(qtbot, qapp,
                                                              tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from factories import add_item, seed_catalogue
    from qt_helpers import type_text

    store = open_store(tmp_path / "data")
    seed_catalogue(store)
    add_item(store, inventory_no="RAVĢ-0042")
    add_item(store, inventory_no="RAVĢ-00421")
    app = Application(qapp, store)
    qtbot.addWidget(app.window)
    try:
        app.start()
        type_text(app.inbox.search, "RAVĢ-0042")
        qtbot.keyClick(app.inbox.search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: app.window.stack.currentWidget() is app.catalogue,
                        timeout=5000)
        qtbot.waitUntil(lambda: app.catalogue.selected_item_ids() != [], timeout=5000)
        [chosen] = app.catalogue.selected_item_ids()
        assert app.catalogue.items_model.row_at(
            app.catalogue.items_model.row_of(chosen)).inventory_no == "RAVĢ-0042"
        # an ASCII-only scanner types the label's code: RAVG finds the same item
        app.window.show_section(app._applications)
        app.catalogue.items.clearSelection()
        app.inbox.search.clear()
        type_text(app.inbox.search, "RAVG-00421")
        qtbot.keyClick(app.inbox.search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: app.window.stack.currentWidget() is app.catalogue,
                        timeout=5000)
        qtbot.waitUntil(lambda: [app.catalogue.items_model.row_at(
            app.catalogue.items_model.row_of(i)).inventory_no
            for i in app.catalogue.selected_item_ids()] == ["RAVĢ-00421"], timeout=5000)
    finally:
        for w in qapp.topLevelWidgets():
            if w is not app.window and w.isVisible():
                w.close()
        app.window.close()
        app.shutdown()


def test_an_items_holder_opens_the_application_in_the_detail(qtbot, qapp,
                                                              tmp_path: Path) -> None:
    seed(tmp_path / "data", 50)
    store = open_store(tmp_path / "data")
    app = Application(qapp, store)
    qtbot.addWidget(app.window)
    try:
        with qtbot.waitSignal(app.inbox.loaded, timeout=10000):
            app.start()
        wanted = app.inbox.model.id_at(2)
        app.window.show_section(app.catalogue)
        with qtbot.waitSignal(app.detail.loaded, timeout=5000) as shown:
            app.catalogue.open_application.emit(wanted)
        assert shown.args == [wanted]
        assert app.window.stack.currentWidget() is app._applications
    finally:
        app.window.close()
        app.shutdown()


def test_notes_written_in_the_detail_reach_the_register(qtbot, qapp, tmp_path: Path) -> None:
    from desktop.app import Connection
    from desktop.models.schema import Application as ApplicationRow
    from sync.credentials import MemoryCredentials
    from sync.devserver.server import DevServer

    server = DevServer(seed=30).start()
    store = open_store(tmp_path / "data")
    app = Application(qapp, store, connection=Connection(
        server.url, "reviewer", "demo", "4313900123", MemoryCredentials()))
    qtbot.addWidget(app.window)
    text = "Zvanīt vecmāmiņai Ģertrūdei pēc 15:00"
    try:
        with qtbot.waitSignal(app.inbox.loaded, timeout=15000,
                              check_params_cb=lambda n: n > 0):
            app.start()
        qtbot.waitUntil(lambda: app.window.connection_label.text().startswith("Tiešsaistē"),
                        timeout=10000)
        wanted = app.inbox.model.id_at(0)
        with qtbot.waitSignal(app.detail.loaded, timeout=5000):
            app.inbox.table.setCurrentIndex(app.inbox.model.index(0, 0))
        assert app.detail.notes_button.isVisibleTo(app.window)
        assert app.detail.notes_button.isEnabled()
        app.detail.edit_notes()
        app.detail.notes_dialog.editor.setPlainText(text)
        app.detail.notes_dialog.accept()
        qtbot.waitUntil(lambda: app.detail.notes.text() == text, timeout=15000)
        with store.read() as s:
            assert s.get(ApplicationRow, wanted).notes == text
        # the change goes out by itself: the register holds the notes
        qtbot.waitUntil(lambda: app.window.sync_label.text() == "Gaida sinhronizāciju: 0",
                        timeout=15000)
        assert server.state.application(wanted).notes == text

        # a duplicate's link in the detail shows the other application, audited as a view
        from sqlalchemy import select

        from desktop.models.audit_queries import VIEW_ACTION
        from desktop.models.schema import AuditEntry

        other = app.inbox.model.id_at(1)
        with qtbot.waitSignal(app.detail.loaded, timeout=5000) as shown:
            app.detail.applicationRequested.emit(other)
        assert shown.args == [other]

        def viewed() -> bool:
            with store.read() as s:
                return s.scalar(select(AuditEntry.id).where(
                    AuditEntry.action == VIEW_ACTION,
                    AuditEntry.entity_id == str(other))) is not None
        qtbot.waitUntil(viewed, timeout=5000)
    finally:
        app.window.close()
        app.shutdown()
        server.stop()


def test_the_desk_role_lands_on_the_issuing_desk(qtbot, qapp, tmp_path: Path) -> None:
    from desktop.app import Connection
    from desktop.models.codes import StaffRole
    from sync.credentials import MemoryCredentials

    store = open_store(tmp_path / "data")
    for role, landing in ((StaffRole.DESK, "desk"), (StaffRole.REVIEWER, "applications")):
        app = Application(qapp, store, connection=Connection(
            "https://127.0.0.1:9", "ieva", None, "4313900123", MemoryCredentials(), role=role))
        qtbot.addWidget(app.window)
        try:
            expected = app.desk if landing == "desk" else app._applications
            assert app.window.stack.currentWidget() is expected
        finally:
            app.window.close()
            app.shutdown()


def test_help_about_tells_the_version_data_folder_and_server(qtbot, qapp,
                                                            tmp_path: Path) -> None:
    from desktop import app_version
    from desktop.app import Connection
    from sync.credentials import MemoryCredentials

    store = open_store(tmp_path / "data")
    app = Application(qapp, store, connection=Connection(
        "https://resursi.skola.lv", "ieva", None, "4313900123", MemoryCredentials()))
    qtbot.addWidget(app.window)
    try:
        menus = [a.text() for a in app.window.menuBar().actions()]
        assert "&Palīdzība" in menus
        text = app.about_text()
        assert f"Resursi {app_version()}" in text
        assert str(tmp_path / "data") in text and "https://resursi.skola.lv" in text
    finally:
        app.window.close()
        app.shutdown()


def test_every_section_loads_without_an_error(qtbot, qapp, tmp_path: Path) -> None:
    """Open each section of a seeded store as a user would: none reports a failure."""
    from PySide6.QtWidgets import QLabel

    seed(tmp_path / "data", 200)
    store = open_store(tmp_path / "data")
    app = Application(qapp, store)
    qtbot.addWidget(app.window)
    try:
        app.start()
        for row in range(app.window.navigation.count()):
            app.window.navigation.setCurrentRow(row)

            def settled() -> bool:
                # The section's reads are done and their results delivered (a result may
                # start another read: wait until nothing is left, not for a while).
                app.tasks.wait()
                deliver_queued()
                return app.tasks.pending == 0

            qtbot.waitUntil(settled, timeout=30000)
            page = app.window.stack.currentWidget()
            texts = " ".join(label.text() for label in page.findChildren(QLabel))
            assert "Neizdevās" not in texts, (app.window.navigation.item(row).text(), texts)
        assert app.reports.model.rowCount() > 0
    finally:
        app.window.close()
        app.shutdown()


def test_a_background_failure_is_said_in_the_status_bar(qtbot, qapp, tmp_path: Path) -> None:
    from desktop.models.workflow import WorkflowError

    store = open_store(tmp_path / "data")
    app = Application(qapp, store)
    qtbot.addWidget(app.window)

    def refused() -> None:
        raise WorkflowError("the item is not available", "Resurss RAVĢ-0042 nav pieejams")

    try:
        app.start()
        app.tasks.run(refused)  # no on_error of its own: the one error display
        qtbot.waitUntil(lambda: app.window.error_label.isVisible(), timeout=5000)
        assert app.window.error_label.text() == "Resurss RAVĢ-0042 nav pieejams"
        assert app.window.school_label.isVisible()  # said beside, not instead of, the rest
        app.tasks.run(lambda: {}["personas_kods"])
        qtbot.waitUntil(lambda: "KeyError" in app.window.error_label.text(), timeout=5000)
        assert "personas_kods" not in app.window.error_label.text()
        assert "Traceback" not in app.window.error_label.text()
    finally:
        app.window.close()
        app.shutdown()
