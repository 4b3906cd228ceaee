"""Render the app's screens to PNG files in docs/screenshots (offscreen, on seeded data).

    python -m tools.screenshots [--out docs/screenshots] [--applications 3000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--applications", type=int, default=3000)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from bench.seed import seed
    from desktop.app import Application
    from desktop.models.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp  # never the user's real settings
        seed(Path(tmp) / "data", args.applications)
        qt_app = QApplication.instance() or QApplication(sys.argv)
        store = open_store(Path(tmp) / "data")
        app = Application(qt_app, store)  # type: ignore[arg-type]
        app.window.resize(1600, 900)
        app.start()

        def settle(ms: int = 600) -> None:
            loop = QEventLoop()
            QTimer.singleShot(ms, loop.quit)
            loop.exec()

        settle()
        args.out.mkdir(parents=True, exist_ok=True)
        app.inbox.table.setCurrentIndex(app.inbox.model.index(2, 0))
        settle()
        app.window.grab().save(str(args.out / "inbox.png"))
        app.inbox.search.setText("bērziņ")
        settle()
        app.inbox.table.setCurrentIndex(app.inbox.model.index(0, 0))
        settle()
        app.window.grab().save(str(args.out / "inbox-search.png"))
        _dialogs(app, args.out, settle)
        app.shutdown()
    print(f"screenshots written to {args.out}")
    return 0


def _dialogs(app: object, out: Path, settle: object) -> None:
    """The sign-in dialog (and its school picker, against a reference server) and settings."""
    from desktop.accounts import SignInService
    from desktop.settings import Settings, check_server_url, default_data_dir
    from desktop.views.settings_dialog import SettingsDialog
    from desktop.views.sign_in_dialog import SignInDialog
    from sync.credentials import MemoryCredentials
    from sync.devserver.server import DevServer

    server = DevServer(seed=5).start()
    try:
        service = SignInService(MemoryCredentials(), Settings())
        dialog = SignInDialog(app.tasks, service.sign_in,  # type: ignore[attr-defined]
                              check_server=check_server_url, server_url=server.url,
                              username="admin")
        dialog.show()
        dialog.password.setText("demo")
        settle(200)  # type: ignore[operator]
        dialog.grab().save(str(out / "sign-in.png"))
        dialog.ok_button.click()
        settle(1500)  # type: ignore[operator]
        dialog.grab().save(str(out / "sign-in-school.png"))
        dialog.close()
    finally:
        server.stop()
    settings = SettingsDialog(Settings(server_url="https://resursi.izm.gov.lv",
                                       sync_interval_s=60),
                              lambda s: s, default_data_dir=str(default_data_dir()))
    settings.show()
    settle(200)  # type: ignore[operator]
    settings.grab().save(str(out / "settings.png"))
    settings.close()


if __name__ == "__main__":
    sys.exit(main())
