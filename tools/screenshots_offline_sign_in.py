"""Render the sign-in dialog of an offline start whose role is not confirmed (issue 14) to
docs/screenshots (offscreen, at 125 % as on a 1366×768 screen).

    python -m tools.screenshots_offline_sign_in [--out docs/screenshots] [--lang lv|en]

The kept sign-in's roles are damaged on purpose and the central service is gone: the dialog
says the sign-in must be renewed online and offers viewing only.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1.25")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", choices=("lv", "en"), default="lv")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.accounts import SignInService
    from desktop.i18n import install_translator
    from desktop.settings import Settings, check_server_url
    from desktop.tasks import TaskRunner
    from desktop.views.sign_in_dialog import SignInDialog
    from sync.credentials import MemoryCredentials
    from sync.devserver.seeding import MAIN_INSTITUTION
    from sync.devserver.server import DevServer

    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    install_translator(qt_app, args.lang)
    server = DevServer(seed=1).start()
    credentials, url = MemoryCredentials(), server.url
    try:
        SignInService(credentials, Settings()).sign_in(url, "desk", "demo")
    finally:
        server.stop()
    credentials.save_claims(url, "desk", "{bojāts")
    settings = Settings(server_url=url, username="desk", institution_id=MAIN_INSTITUTION,
                        institution_name="Rīgas Āgenskalna Valsts ģimnāzija", role="admin")
    service = SignInService(credentials, settings, language=args.lang)
    tasks = TaskRunner(qt_app)
    dialog = SignInDialog(tasks, service.sign_in, check_server=check_server_url,
                          server_url=url, username="desk", last_institution=MAIN_INSTITUTION,
                          resume=service.resume)
    dialog.show()
    loop = QEventLoop()
    QTimer.singleShot(1500, loop.quit)
    loop.exec()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "lv" else "-en"
    path = args.out / f"sign-in-offline-read-only{suffix}.png"
    dialog.grab().save(str(path))
    dialog.close()
    tasks.wait()
    print(f"screenshot written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
