"""Render the duplicate warning in the inbox and in the detail to PNG files (offscreen).

    python -m tools.screenshots_duplicates [--out docs/screenshots] [--lang lv|en] [--ts TS]

The main window as a reviewer sees it on a 1366×768 laptop at 125 % (QT_SCALE_FACTOR=1.25),
on the demo's data set (``bench.seed``, 300 applications) in which a parent applied twice
for the same child and kind. Writes duplicate-warning-inbox.png (the list with the marked
rows: a warning sign on the number and a tinted row) and duplicate-warning-detail.png (one
of them open: the warning naming the other application). ``--lang en`` writes the same with
an ``-en`` suffix, through the English translation compiled from ``--ts``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1.25")

SCREEN = (1366, 768)  # physical pixels
SCHOOL = "4313900123"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", "--language", dest="lang", choices=("lv", "en"),
                        default="lv")
    parser.add_argument("--ts", type=Path, default=Path("desktop/i18n/resursi_en.ts"),
                        help="the Qt Linguist source of the English translation")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from bench.seed import seed
    from desktop.app import Application
    from desktop.models import queries
    from desktop.models.queries import InboxFilter
    from desktop.models.store import open_store
    from desktop.views.inbox_model import COLUMNS
    from tools.shots import english as _english

    suffix = "" if args.lang == "lv" else "-en"
    with tempfile.TemporaryDirectory(prefix="resursi-duplicates-shots-") as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp  # never the user's real settings
        seed(Path(tmp) / "data", 300)
        store = open_store(Path(tmp) / "data")
        rows = queries.inbox_rows(store, queries.inbox_ids(store, InboxFilter(SCHOOL)))
        marked = [r for r in rows if r.duplicates and r.status.value == "submitted"]
        if not marked:
            raise SystemExit("the seeded data set has no open duplicate")
        chosen = marked[0]

        qt_app = QApplication.instance() or QApplication(sys.argv)
        translator = _english(Path(tmp), args.ts) if args.lang == "en" else None
        app = Application(qt_app, store, language=args.lang)
        scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
        app.window.resize(int(SCREEN[0] / scale), int(SCREEN[1] / scale))
        app.start()

        def settle(ms: int = 700) -> None:
            loop = QEventLoop()
            QTimer.singleShot(ms, loop.quit)
            loop.exec()

        settle()
        inbox = app.inbox
        # the list by number, the marked rows in sight
        number = [c[0] for c in COLUMNS].index("number")
        inbox.table.sortByColumn(number, Qt.SortOrder.DescendingOrder)
        settle()
        row = inbox.model.row_of(chosen.id)
        inbox.table.scrollTo(inbox.model.index(max(row - 3, 0), 0),
                             inbox.table.ScrollHint.PositionAtTop)
        inbox.table.setCurrentIndex(inbox.model.index(row, 0))
        settle()
        target = out / f"duplicate-warning-inbox{suffix}.png"
        app.window.grab().save(str(target))
        print(f"{target}: {app.window.grab().width()}×{app.window.grab().height()} px")

        # the same learner found by name: both applications, one open in the detail
        inbox.search.setText(chosen.learner_name)
        settle()
        inbox.table.setCurrentIndex(inbox.model.index(inbox.model.row_of(chosen.id), 0))
        settle()
        target = out / f"duplicate-warning-detail{suffix}.png"
        app.window.grab().save(str(target))
        print(f"{target}: {app.window.grab().width()}×{app.window.grab().height()} px")
        app.shutdown()
        del translator
    return 0


if __name__ == "__main__":
    sys.exit(main())
