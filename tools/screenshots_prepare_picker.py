"""Render the prepare-ahead dialog's device picker to a PNG (offscreen, a 1366×768 laptop at
125 %: QT_SCALE_FACTOR=1.25).

    python -m tools.screenshots_prepare_picker [--out docs/screenshots] [--lang lv|en] [--ts FILE]

Writes prepare-ahead-picker.png: preparing one application ahead with twelve devices of a
school described, the type-ahead filter "probook" applied, one device highlighted and last
time's pickup arrangement filled in. ``--lang en`` writes prepare-ahead-picker-en.png through
the English translation compiled from ``--ts``. Fails (exit 1) when the dialog would not fit
the screen or its device table would scroll sideways.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1.25")

from tools.screenshots_picker import LABEL, SCREEN, _devices
from tools.shots import english as _english


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", choices=("lv", "en"), default="lv")
    parser.add_argument("--ts", type=Path, default=Path("desktop/i18n/resursi_en.ts"),
                        help="the Qt Linguist source of the English translation")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from desktop.models.lifecycle import PickupPlan
    from desktop.views.lifecycle_dialogs import PrepareAheadDialog

    qt_app = QApplication.instance() or QApplication([])
    assert isinstance(qt_app, QApplication)
    today = date.today()
    year_end = date(today.year if today <= date(today.year, 5, 31) else today.year + 1, 5, 31)
    tomorrow = datetime.now().replace(second=0, microsecond=0) + timedelta(days=1)
    previous = PickupPlan("Skolas 12. kabinets (2. stāvs)",
                          tomorrow.replace(hour=9, minute=0).astimezone(),
                          tomorrow.replace(hour=15, minute=0).astimezone(),
                          "Ilze Ozoliņa", "+371 67 000 123")
    with tempfile.TemporaryDirectory(prefix="resursi-prepare-shots-") as folder:
        translator = _english(Path(folder), args.ts) if args.lang == "en" else None
        dialog = PrepareAheadDialog(LABEL, 1, _devices(), year_end,  # type: ignore[arg-type]
                                    "Ilze Ozoliņa", previous=previous, language=args.lang)
        dialog.show()
        for _ in range(5):
            qt_app.processEvents()
        assert dialog.picker is not None
        dialog.picker.filter_edit.setText("probook")
        dialog.picker.table.selectRow(1)
        for _ in range(5):
            qt_app.processEvents()
        scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
        frame = dialog.frameGeometry()
        target = out / ("prepare-ahead-picker.png" if args.lang == "lv"
                        else "prepare-ahead-picker-en.png")
        dialog.grab().save(str(target))
        print(f"{target}: {round(frame.width() * scale)}×{round(frame.height() * scale)} px")
        fits = frame.width() * scale <= SCREEN[0] and frame.height() * scale <= SCREEN[1]
        header = dialog.picker.table.horizontalHeader()
        sideways = header.length() > dialog.picker.table.viewport().width()
        dialog.close()
        del translator
    if not fits or sideways:
        print("does not fit 1366×768 at 125 %" if not fits else "the table scrolls sideways")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
