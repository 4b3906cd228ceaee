"""Render the session screens of issue 16 to docs/screenshots (offscreen, at 125 % on a
1366×768 screen): the question asked when signing out with decisions not yet sent, the
sign-in asked for when it lapsed, and the conflicts section saying a conflict in words.

    python -m tools.screenshots_session [--out docs/screenshots] [--lang lv|en]
                                        [--extra-ts PATH]

``--extra-ts`` installs a further translation over the project's (strings not yet in
desktop/i18n/resursi_en.ts, to see the English before the .ts is filled in).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sync.conflicts import ConflictView

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1.25")

SCREEN = (1366, 768)  # pixels; the logical size is this divided by the scale factor
DECIDED = datetime(2026, 11, 28, 12, 57, tzinfo=UTC)


def _conflicts() -> list[ConflictView]:
    from desktop.models.codes import ApplicationStatus
    from desktop.models.command_names import CommandName
    from sync.conflicts import ConflictView

    common: dict[str, object] = dict(
        aggregate_type="application", decided_by="ilze.bērziņa", decided_at=DECIDED,
        http_status=412, title="Precondition Failed", server_handover_statuses=[],
        waiting_behind=0)
    return [
        ConflictView(command_id="c-1", application_id=2, aggregate_id="2", command=CommandName.REFUSE,
                     payload={"reason": "Nav pieejamu ierīču; mēģiniet pēc ziemas brīvlaika"},
                     detail="the application is at version 2, the command was based on "
                            "version 1",
                     local_status="declined", server_status=ApplicationStatus.WITHDRAWN,
                     server_version=2, application_number="P-2026-000002",
                     server_withdrawal_reason="Iegādājās pats",
                     **common),  # type: ignore[arg-type]
        ConflictView(command_id="c-2", application_id=6, aggregate_id="6", command=CommandName.DEFER,
                     payload={"reason": "Gaidām jaunu piegādi", "revisit_on": "2027-01-11"},
                     detail="the application is at version 3, the command was based on "
                            "version 2",
                     local_status="postponed", server_status=ApplicationStatus.CONFIRMED,
                     server_version=3, application_number="P-2026-000006",
                     **common),  # type: ignore[arg-type]
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", choices=("lv", "en"), default="lv")
    parser.add_argument("--extra-ts", type=Path)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.i18n import install_qt_translator
    from desktop.settings import check_server_url
    from desktop.tasks import TaskRunner
    from desktop.views.conflicts_panel import ConflictsPanel
    from desktop.views.sign_in_dialog import SignInDialog, sign_out_question
    from tools.shots import english

    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    logical = (round(SCREEN[0] / scale), round(SCREEN[1] / scale))
    keep: list[object] = []
    folder = Path(tempfile.mkdtemp(prefix="resursi-shots-"))
    if args.lang == "en":
        keep.append(english(folder, Path("desktop/i18n/resursi_en.ts")))
        if args.extra_ts:
            (folder / "extra").mkdir()
            keep.append(english(folder / "extra", args.extra_ts))
    else:
        install_qt_translator(qt_app, "lv")
    suffix = "" if args.lang == "lv" else "-en"
    args.out.mkdir(parents=True, exist_ok=True)

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    box = sign_out_question(None, 2, True)
    box.show()
    settle()
    box.grab().save(str(args.out / f"sign-out-warning{suffix}.png"))
    box.close()

    tasks = TaskRunner(qt_app)
    dialog = SignInDialog(
        tasks, lambda *_: [], check_server=check_server_url,
        server_url="https://resursi.skola.lv", username="ilze.bērziņa", fixed_account=True,
        notice=qt_app.translate(
            "app", "Pierakstīšanās ir beigusies. Ierakstiet paroli, lai turpinātu "
                   "sinhronizāciju; līdz tam izmaiņas paliek šajā datorā."))
    dialog.show()
    settle()
    dialog.grab().save(str(args.out / f"sign-in-expired{suffix}.png"))
    dialog.close()

    rows = _conflicts()
    panel = ConflictsPanel(tasks, load=lambda: rows, reapply=print, discard=print,
                           language=args.lang)
    panel.resize(*logical)
    panel.show()
    panel.reload()
    settle(600)
    panel.grab().save(str(args.out / f"conflicts{suffix}.png"))
    panel.close()
    tasks.wait()
    print(f"screenshots written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
