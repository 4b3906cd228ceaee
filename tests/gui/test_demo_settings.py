"""`--demo` never touches the user's real settings (issue 11): window geometry, the splitter,
the inbox's columns and filter all go to the demo's own throw-away settings file."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer

import desktop.app as app_module
from desktop.models.codes import ApplicationStatus
from desktop.settings import APP_NAME


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_demo_leaves_the_users_real_settings_file_unchanged(qtbot, qapp, monkeypatch,
                                                                tmp_path: Path) -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"])  # the conftest's throw-away home
    real = config / APP_NAME / f"{APP_NAME}.conf"
    real.parent.mkdir(parents=True, exist_ok=True)
    real.write_text("[settings]\nlanguage=lv\nusername=ilze.kalniņa\n"
                    "institution_name=Ķengaraga vidusskola\n", encoding="utf-8")
    assert Path(QSettings(APP_NAME, APP_NAME).fileName()) == real  # the file the app would use
    before = _files(config)
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # the demo's folder, removed at exit
    used: list[str] = []
    run = app_module._exec

    def exec_and_use(qt_app, app, quit_after_ms):
        def use() -> None:
            # what a person trying the demo does: a filter, a column, the splitter, the size
            inbox = app.inbox
            inbox.status_filter.setCurrentIndex(
                inbox.status_filter.findData(ApplicationStatus.POSTPONED.value))
            inbox.table.setColumnWidth(2, 321)
            app._applications.setSizes([500, 700])
            app._applications.splitterMoved.emit(500, 1)
            app.window.resize(1111, 777)
            used.append("lietots")
            apps.append(app)
            app.window.close()  # the window keeps its geometry on closing
            qt_app.quit()

        QTimer.singleShot(0, use)
        return run(qt_app, app, quit_after_ms)

    monkeypatch.setattr(app_module, "_exec", exec_and_use)
    apps: list[app_module.Application] = []
    # (no --quit-after: its timer would outlive the test and quit the next one's event loop;
    # nor a quit when the window closes, which would be delivered to the next test)
    qapp.setQuitOnLastWindowClosed(False)
    try:
        code = app_module.run_gui(demo=True, data_dir=None, language="lv", quit_after_ms=None)
    finally:
        qapp.setQuitOnLastWindowClosed(True)
        for app in apps:
            for widget in (app.window, app.customer_screen):
                widget.deleteLater()
        QCoreApplication.sendPostedEvents()
    assert code == 0 and used == ["lietots"]
    assert _files(config) == before  # byte for byte, and no other file beside it
    assert list(tmp_path.glob("resursi-demo-*")) == []  # the demo's own settings went too
