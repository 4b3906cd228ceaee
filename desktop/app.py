"""Composition root: the one place that builds the store, the task runner and the views and
wires them together. Views receive plain callables, never a Session or the store itself.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from functools import partial
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.models import queries
from desktop.models.schema import ResourceKind
from desktop.models.store import Store, StoreError, open_store
from desktop.tasks import TaskRunner
from desktop.views.inbox_page import InboxPage
from desktop.views.main_window import MainWindow

log = logging.getLogger(__name__)

APP_NAME = "Resursi"
DEMO_APPLICATIONS = 2000


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def demo_data_dir() -> tempfile.TemporaryDirectory[str]:
    """A fresh folder per demo run, removed at exit: the demo never touches real data."""
    return tempfile.TemporaryDirectory(prefix="resursi-demo-", ignore_cleanup_errors=True)


def _seed_demo(store: Store) -> None:
    from bench.seed import seed  # only the demo uses the seeder

    store.close()
    seed(store.data_dir, DEMO_APPLICATIONS)


def _kinds(store: Store, language: str) -> list[tuple[str, str]]:
    from sqlalchemy import select

    with store.read() as s:
        rows = s.execute(select(ResourceKind.code, ResourceKind.label_lv,
                                ResourceKind.label_en).order_by(ResourceKind.code)).all()
    return [(code, en if language == "en" else lv) for code, lv, en in rows]


class Application:
    """The running app: owns the store, the task runner and the main window."""

    def __init__(self, qt_app: QApplication, store: Store, *, language: str = "lv") -> None:
        self.qt_app = qt_app
        self.store = store
        self.language = language
        self.tasks = TaskRunner(qt_app)
        self.settings = QSettings(APP_NAME, APP_NAME)
        institution = queries.first_institution(store)
        school = (queries.institution_name(store, institution) if institution else None) or ""
        self.window = MainWindow(
            school_name=school or qt_app.translate("app", "nav iestādes datu"),
            user_label="",
            settings=self.settings,
        )
        self.inbox = InboxPage(
            self.tasks,
            institution_id=institution or "",
            query_ids=lambda f, key, desc: queries.inbox_ids(store, f, sort=key,
                                                             descending=desc),
            fetch_rows=partial(queries.inbox_rows, store, language=language),
            count_statuses=lambda: queries.status_counts(store, institution or ""),
            kinds=_kinds(store, language),
            language=language,
        )
        self.window.add_section(qt_app.translate("app", "Pieteikumi"), self.inbox, "Ctrl+1")
        self.refresh_sync_counts()

    def refresh_sync_counts(self) -> None:
        self.tasks.run(partial(queries.sync_counts, self.store),
                       on_done=lambda counts: self.window.show_sync_counts(*counts))

    def start(self) -> None:
        self.window.show()
        self.inbox.reload()

    def shutdown(self) -> None:
        self.tasks.wait()
        self.store.close()


def run_gui(*, demo: bool, data_dir: Path | None, language: str = "lv",
            quit_after_ms: int | None = None) -> int:
    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    qt_app.setApplicationName(APP_NAME)
    qt_app.setOrganizationName(APP_NAME)
    demo_dir = demo_data_dir() if demo and data_dir is None else None
    folder = data_dir or (Path(demo_dir.name) if demo_dir else default_data_dir())
    try:
        store = open_store(folder)
        if demo and queries.first_institution(store) is None:
            _seed_demo(store)
            store = open_store(folder)
    except StoreError as exc:
        QMessageBox.critical(None, APP_NAME, exc.message_lv if language == "lv" else str(exc))
        if demo_dir:
            demo_dir.cleanup()
        return 2
    app = Application(qt_app, store, language=language)
    app.start()
    if quit_after_ms is not None:
        QTimer.singleShot(quit_after_ms, qt_app.quit)
    try:
        return qt_app.exec()
    finally:
        app.shutdown()
        if demo_dir:
            demo_dir.cleanup()
