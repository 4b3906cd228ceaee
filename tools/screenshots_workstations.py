"""Render the administrator's workstation list of issue 15 to docs/screenshots (offscreen, a
1366×768 laptop at 125 %: QT_SCALE_FACTOR=1.25):

- workstations.png: "Darbstacijas" with this computer, two active laptops and a revoked one,
  a lost laptop chosen;
- workstations-confirm.png: the question before revoking it.

    python -m tools.screenshots_workstations [--out docs/screenshots] [--lang lv|en]
                                             [--extra-ts PATH]

The list comes from plain callables (as the app's come from the central service). Fails
(exit 1) when a window would not fit the screen.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1.25")

LOST = "5e1f8a77-2d0b-4c6a-8f45-0d9e3b7a1c22"


def main(argv: list[str] | None = None) -> int:
    from tools.shots import arguments, start

    args = arguments(__doc__).parse_args(argv)
    shots = start(args)
    qt_app = shots.qt_app


    from desktop.tasks import TaskRunner
    from desktop.views.workstations_dialog import WorkstationsDialog
    from desktop.workstations import Row


    rows = [
        Row("0b7c5d52-3c41-4b8e-9a39-6f1f5a3c9d01", "KANCELEJA-1", "nina.ozola",
            datetime(2026, 3, 2, 8, 30, tzinfo=UTC), this=True),
        Row(LOST, "BIBLIOTEKA-KLEPJDATORS", "girts.liepa",
            datetime(2026, 2, 27, 14, 5, tzinfo=UTC)),
        Row("3c4d5e6f-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "SKOLOTAJU-ISTABA-2", "ilze.kalnina",
            datetime(2026, 2, 26, 16, 40, tzinfo=UTC)),
        Row("9a2d4c11-7e3f-4a58-b6c0-1f2e3d4c5b66", "KIMIJAS-KABINETS", "ilze.kalnina",
            datetime(2026, 1, 12, 9, 0, tzinfo=UTC),
            revoked_at=datetime(2026, 1, 20, 10, 0, tzinfo=UTC)),
    ]
    tasks = TaskRunner(qt_app)

    dialog = WorkstationsDialog(tasks, lambda: rows, lambda _id: None, language=args.lang)
    dialog.show()
    shots.settle()
    dialog.table.setCurrentIndex(dialog.model.index(1, 0))
    dialog.table.setFocus()
    shots.shoot(dialog, "workstations")
    box, _yes = dialog.confirmation(rows[1])
    shots.shoot(box, "workstations-confirm")
    box.close()
    dialog.close()
    tasks.shutdown()
    return shots.finish()


if __name__ == "__main__":
    sys.exit(main())
