"""Render the Applications section (inbox and detail) on a school laptop's screen.

    python -m tools.screenshots_laptop_inbox [--scale 1.25|1] [--lang lv|en] [--ts FILE]
        [--out docs/screenshots] [--name NAME] [--main-window] [--sections]

The app as ``make run`` shows it (the demo's reference server, signed in and synced) on a
1366×768 screen at the given scale (QT_SCALE_FACTOR; 1.25: 1093×614 logical pixels), the
window filling the screen less a title bar and a task bar, an application with a handover
selected. Writes laptop/inbox-125.png (-100, -en: the scale and the language) unless
``--name`` says otherwise; with ``--main-window`` also main-window.png (-en), the window at
1480×860 as the README shows it; with ``--sections`` every other section too, as
laptop/<section>-125.png (catalogue, reports, conflicts, desk, audit). Exits 1 when the inbox
scrolls sideways to its status column or the detail is wider than its pane.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

LAPTOP = (1366, 768)  # physical pixels
WINDOW_CHROME = 60  # the title bar and the task bar the offscreen platform does not draw
README_SIZE = (1480, 860)  # the README's main window
# the sections by their title in either language -> the file name's key
SECTION_KEYS = {"Katalogs": "catalogue", "Catalogue": "catalogue", "Pārskati": "reports",
                "Reports": "reports", "Konflikti": "conflicts", "Conflicts": "conflicts",
                "Izsniegšana": "desk", "Issuing desk": "desk", "Audita žurnāls": "audit",
                "Audit log": "audit"}


def _laptop_screen(scale: str) -> None:
    """The offscreen platform with one 1366×768 screen (set before QApplication exists)."""
    config = Path(tempfile.mkdtemp(prefix="resursi-screens-")) / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": LAPTOP[0], "height": LAPTOP[1],
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = scale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--scale", default="1.25")
    parser.add_argument("--lang", "--language", dest="lang", choices=("lv", "en"), default="lv")
    parser.add_argument("--ts", type=Path, default=Path("desktop/i18n/resursi_en.ts"))
    parser.add_argument("--name", help="the file's name, without .png")
    parser.add_argument("--main-window", action="store_true")
    parser.add_argument("--sections", action="store_true")
    args = parser.parse_args(argv)
    _laptop_screen(args.scale)

    from PySide6.QtWidgets import QApplication

    from desktop.app import DEMO_INSTITUTION, DEMO_PASSWORD, DEMO_USER, Application, Connection
    from desktop.models.store import open_store
    from desktop.views.inbox_model import COLUMNS
    from sync.credentials import MemoryCredentials
    from sync.devserver.server import DevServer
    from tools.shots import english, latvian

    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    suffix = "" if args.lang == "lv" else "-en"
    percent = round(float(args.scale) * 100)
    name = args.name or f"inbox-{percent}{suffix}"
    faults: list[str] = []

    def settle(seconds: float = 0.5) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            qt_app.processEvents()
            time.sleep(0.01)

    def wait_for(check: object, seconds: float = 20) -> bool:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            if check():  # type: ignore[operator]
                return True
            settle(0.05)
        return False

    with tempfile.TemporaryDirectory(prefix="resursi-inbox-shots-") as folder:
        os.environ["XDG_CONFIG_HOME"] = folder  # never the user's real settings
        translator = (english(Path(folder), args.ts) if args.lang == "en"
                      else latvian(Path(folder)))
        server = DevServer(seed="demo").start()
        try:
            store = open_store(Path(folder) / "data")
            app = Application(qt_app, store, language=args.lang, connection=Connection(
                server.url, DEMO_USER, DEMO_PASSWORD, DEMO_INSTITUTION, MemoryCredentials()))
            screen = qt_app.primaryScreen().availableGeometry()
            app.window.setGeometry(screen.adjusted(0, 0, 0, -WINDOW_CHROME))
            app.start()
            wait_for(lambda: app.inbox.model.rowCount() > 0
                     and app.window.sync_label.text().endswith(": 0"))
            settle(1.0)
            _select_a_handover(app, settle)
            args.out.joinpath("laptop").mkdir(parents=True, exist_ok=True)
            target = args.out / "laptop" / f"{name}.png"
            app.window.grab().save(str(target))
            print(f"{target}: {app.window.width()}×{app.window.height()} logical px")
            faults += _cut_off(app, COLUMNS)
            if args.sections:
                nav = app.window.navigation
                for row in range(1, nav.count()):
                    nav.setCurrentRow(row)
                    settle(0.3)
                    wait_for(lambda: app.tasks.pending == 0, 20)
                    settle(0.8)
                    key = SECTION_KEYS.get(nav.item(row).text(), f"section{row}")
                    target = args.out / "laptop" / f"{key}-{percent}{suffix}.png"
                    app.window.grab().save(str(target))
                    print(target)
                nav.setCurrentRow(0)
                settle(0.3)
            if args.main_window:
                app.window.setGeometry(0, 0, *README_SIZE)
                settle(0.6)
                target = args.out / f"main-window{suffix}.png"
                app.window.grab().save(str(target))
                print(target)
            app.window.close()
            app.shutdown()
            store.close()
        finally:
            server.stop()
            del translator
    for fault in faults:
        print(fault)
    return 1 if faults else 0


def _select_a_handover(app: object, settle: object) -> None:
    """The first application (of the first rows) whose detail shows a handover's status,
    selected as a click would: the detail's header then carries two status pills."""
    inbox, detail = app.inbox, app.detail  # type: ignore[attr-defined]
    for row in range(min(inbox.model.rowCount(), 60)):
        inbox.table.selectRow(row)
        settle(0.25)  # type: ignore[operator]
        if detail.handover_status_label.isVisible() and detail.handover_status_label.text():
            return
    inbox.table.selectRow(0)
    settle(0.3)  # type: ignore[operator]


def _cut_off(app: object, columns: list[tuple[str, str, str | None]]) -> list[str]:
    """What the reviewer would have to scroll sideways for."""
    inbox, detail = app.inbox, app.detail  # type: ignore[attr-defined]
    table = inbox.table
    faults = []
    for key in ("number", "learner_name", "learner_class", "kind_label", "status"):
        column = [c[0] for c in columns].index(key)
        left = table.columnViewportPosition(column)
        right = left + table.columnWidth(column)
        if table.isColumnHidden(column) or left < 0 or right > table.viewport().width():
            faults.append(f"the inbox's {key} column is not wholly in sight")
    content = detail.scroll_area.widget()
    if content.width() > detail.scroll_area.viewport().width():
        faults.append("the detail is wider than its pane")
    return faults


if __name__ == "__main__":
    sys.exit(main())
