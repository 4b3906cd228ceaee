"""Render the detail's notes when another workstation's note came in while one was typed.

    python -m tools.screenshots_notes_conflict [--out docs/screenshots] [--lang lv|en] [--ts TS]

The main window as a reviewer sees it on a 1366×768 laptop at 125 % (QT_SCALE_FACTOR=1.25),
on the demo's data set (``bench.seed``, 300 applications): the notes dialog was opened, a
sync brought a colleague's note meanwhile, and the save was refused. Writes
notes-changed-meanwhile.png (the detail scrolled to its notes: the colleague's note, the
message quoting it and saying that the typed text waits in the dialog). ``--lang en`` writes
the same with an ``-en`` suffix, through the English translation compiled from ``--ts``.
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
COLLEAGUE = "Kolēģe Ināra: dokumenti vēl jāpārbauda, zvanīt Ģirtam Ķēniņam pēc 15:00"
TYPED = "Māte atnāks pēc datora piektdien; līdzi ņems izziņu no sociālā dienesta."


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

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from bench.seed import seed
    from desktop.app import Application
    from desktop.models import notes, queries
    from desktop.models.changes import OpChanges
    from desktop.models.codes import StaffRole
    from desktop.models.journal import Actor
    from desktop.models.queries import InboxFilter
    from desktop.models.schema import Application as ApplicationRow
    from desktop.models.store import open_store
    from tools.shots import english as _english

    suffix = "" if args.lang == "lv" else "-en"
    with tempfile.TemporaryDirectory(prefix="resursi-notes-shots-") as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp  # never the user's real settings
        seed(Path(tmp) / "data", 300)
        store = open_store(Path(tmp) / "data")
        chosen = queries.inbox_ids(store, InboxFilter(SCHOOL))[0]

        qt_app = QApplication.instance() or QApplication(sys.argv)
        translator = _english(Path(tmp), args.ts) if args.lang == "en" else None
        app = Application(qt_app, store, language=args.lang)
        scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
        app.window.resize(int(SCREEN[0] / scale), int(SCREEN[1] / scale))
        reviewer = Actor("ilze", SCHOOL, StaffRole.REVIEWER)
        detail = app.detail
        # the save as the composition root binds it (naming the notes the dialog started
        # from) for a signed-in reviewer: the offline demo has no one signed in
        detail._save_notes = lambda app_id, text, started_from: notes.set_application_notes(
            store, reviewer, app_id, text, expected_notes=started_from)
        detail._can_annotate = lambda: True
        app.start()

        def settle(ms: int = 700) -> None:
            loop = QEventLoop()
            QTimer.singleShot(ms, loop.quit)
            loop.exec()

        settle()
        inbox = app.inbox
        inbox.table.setCurrentIndex(inbox.model.index(inbox.model.row_of(chosen), 0))
        settle()
        detail.edit_notes()
        dialog = detail.notes_dialog
        assert dialog is not None
        # a sync lands while the dialog is open: a colleague's note
        with store.write() as s:
            row = s.get(ApplicationRow, chosen)
            assert row is not None
            row.notes = COLLEAGUE
        app.changes.publish(OpChanges.of(applications=[chosen]), None)
        dialog.editor.setPlainText(TYPED)
        dialog.accept()
        settle()
        detail.scroll_area.ensureWidgetVisible(detail.notes_message, 0, 40)
        settle(300)
        target = out / f"notes-changed-meanwhile{suffix}.png"
        shot = app.window.grab()
        shot.save(str(target))
        print(f"{target}: {shot.width()}×{shot.height()} px")
        app.shutdown()
        del translator
    return 0


if __name__ == "__main__":
    sys.exit(main())
