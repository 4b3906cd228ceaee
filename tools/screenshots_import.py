"""Render the inventory import dialog on a big file (issue 14) to PNG, 1366×768 at 125 %.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_import [--lang lv|en]

A 5,000-row Windows-1257 file in which 1,500 rows have a bad year: the summary counts every
row, the table shows the first rows and the bad ones up to the cap, and says how many bad rows
it does not show. Saves docs/screenshots/import-preview-large[-en].png and checks that the
dialog fits the screen (1093×614 logical pixels at 125 %).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_SCALE_FACTOR", "1.25")
SCREEN = (1366, 768)
QM_FILE = Path("desktop/i18n/resursi_en.qm")


def _write_file(path: Path, rows: int) -> None:
    header = ("Inventāra numurs;Resursa veids;Sērijas numurs;Ražotājs;Modelis;Gads;"
              "Iegādes vērtība;Sociāli atbalstāmajiem;Atrašanās vieta;Piezīmes;Statuss")
    lines = [header]
    for n in range(1, rows + 1):
        year = "divi tūkst." if n % 10 in (3, 6, 9) and n > 40 else "2024"
        lines.append(f"RĀVĢ-{n:05d};tablet;R9WT{n:05d};Samsung;Galaxy Tab A9+;{year};"
                     "219,00;nē;Ķīmijas kabinets;;Pieejams")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1257"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", choices=("lv", "en"), default="lv")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QEventLoop, QTimer, QTranslator
    from PySide6.QtWidgets import QApplication

    from bench.import_bench import SCHOOL, fresh_store
    from desktop.models import inventory_csv
    from desktop.models.codes import StaffRole
    from desktop.models.journal import Actor
    from desktop.tasks import TaskRunner
    from desktop.views.import_dialog import ImportDialog

    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    if args.lang == "en":
        translator = QTranslator(qt_app)
        if not translator.load(str(QM_FILE)):
            raise SystemExit(f"cannot load {QM_FILE}")
        qt_app.installTranslator(translator)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    name = "import-preview-large.png" if args.lang == "lv" else "import-preview-large-en.png"
    with tempfile.TemporaryDirectory(prefix="resursi-import-shots-") as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp  # never the user's real settings
        store = fresh_store(Path(tmp) / "data")
        admin = Actor("admin.ņina", SCHOOL, StaffRole.ADMIN)
        path = Path(tmp) / "inventārs-5000.csv"
        _write_file(path, 5000)
        tasks = TaskRunner(qt_app)
        dialog = ImportDialog(
            tasks, preview=lambda p: inventory_csv.preview_file(store, SCHOOL, p),
            commit=lambda p: inventory_csv.commit(store, admin, p), can_edit=True)
        dialog.resize(1060, 580)
        dialog.show()
        dialog.load(str(path))
        loop = QEventLoop()
        while dialog.preview is None:
            QTimer.singleShot(100, loop.quit)
            loop.exec()
        for _ in range(5):
            qt_app.processEvents()
        scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
        size = dialog.frameGeometry()
        dialog.grab().save(str(out / name))
        print(f"{out / name}: {round(size.width() * scale)}×{round(size.height() * scale)} px")
        dialog.close()
        tasks.wait()
        store.close()
    if size.width() * scale > SCREEN[0] or size.height() * scale > SCREEN[1]:
        print("does not fit 1366×768 at 125 %")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
