"""Render the stock reasons of issue 16 to docs/screenshots (offscreen, a 1366×768 laptop at
125 %: QT_SCALE_FACTOR=1.25):

- stock-reasons-refuse.png: the refuse dialog with the school's reasons above the text, the
  second one picked with the arrows and a few words added to it;
- stock-reasons-editor.png: the editor of the list (Programma → Gatavie pamatojumi…) with
  the school's own list, one reason chosen.

    python -m tools.screenshots_stock_reasons [--out docs/screenshots] [--lang lv|en]
                                              [--extra-ts PATH]

``--extra-ts`` installs a further translation over the project's (strings not yet in
desktop/i18n/resursi_en.ts). Fails (exit 1) when a dialog would not fit the screen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1.25")

LABEL = "P-2026-000214 · Marta Kalniņa, 6.a"


def main(argv: list[str] | None = None) -> int:
    from tools.shots import arguments, start

    args = arguments(__doc__).parse_args(argv)
    shots = start(args)
    qt_app = shots.qt_app

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop.models import stock_reasons as sr
    from desktop.models.codes import StaffRole
    from desktop.models.journal import Actor
    from desktop.models.store import open_store
    from desktop.tasks import TaskRunner
    from desktop.views.decision_dialogs import RefuseDialog
    from desktop.views.stock_reasons_dialog import StockReasonsDialog, stock_reasons_service


    store = open_store(Path(tempfile.mkdtemp(prefix="resursi-shots-")) / "data")
    actor = Actor("ilze.ozolina", "4313900123", StaffRole.REVIEWER)
    sr.add_reason(store, actor, sr.REFUSE,
                  "Pieteikums iesniegts pēc 15. septembra: lūdzam pieteikties nākamajā mācību "
                  "gadā")
    sr.move_reason(store, actor, sr.REFUSE, 3, -2)
    tasks = TaskRunner(qt_app)

    refuse = RefuseDialog(LABEL, tasks=tasks,
                          load_reasons=partial(sr.reason_texts, store, actor, sr.REFUSE))
    refuse.show()
    shots.settle()
    for _ in range(2):
        QTest.keyClick(refuse.stock_list, Qt.Key.Key_Down)
    refuse.reason_edit.moveCursor(refuse.reason_edit.textCursor().MoveOperation.End)
    refuse.reason_edit.insertPlainText(" (Marta mācās Rīgas 45. vidusskolā)")
    refuse.stock_list.setFocus()
    shots.shoot(refuse, "stock-reasons-refuse", close=True)

    editor = StockReasonsDialog(tasks, stock_reasons_service(store, lambda: actor),
                                language=args.lang)
    editor.show()
    shots.settle()
    editor.list.setCurrentRow(1)
    editor.list.setFocus()
    shots.shoot(editor, "stock-reasons-editor", close=True)
    tasks.shutdown()
    store.close()
    return shots.finish()


if __name__ == "__main__":
    sys.exit(main())
