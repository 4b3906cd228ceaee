"""Render the grant dialog's device picker to a PNG (offscreen, a 1366×768 laptop at 125 %:
QT_SCALE_FACTOR=1.25).

    python -m tools.screenshots_picker [--out docs/screenshots] [--lang lv|en] [--ts FILE]

Writes device-picker-grant.png: the grant dialog with twelve devices of a school, the
type-ahead filter "probook" applied and one device highlighted. ``--lang en`` writes
device-picker-grant-en.png through the English translation compiled from ``--ts``. Fails
(exit 1) when the dialog would not fit the screen.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from tools.shots import english

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1.25")

SCREEN = (1366, 768)  # physical pixels
LABEL = "P-2026-000109 · Jānis Bērziņš, 7.b"



def _devices() -> list[object]:
    from desktop.models.codes import ItemStatus, ReturnCondition
    from desktop.models.device_choices import DeviceChoice

    ok, damaged = ReturnCondition.RETURNED_WORKING_ORDER, ReturnCondition.DAMAGED
    rows = [
        ("001", "Lenovo", "ThinkPad E14 Gen 5", "PF4ŠK2L1", "IT kabinets, skapis Nr. 3", ok,
         "Lādētājs nomainīts"),
        ("004", "HP", "ProBook 450 G10", "5CD3481ŽQ7", "IT kabinets, skapis Nr. 3", ok, None),
        ("007", "HP", "ProBook 450 G10", "5CD34819KM", "Bibliotēka, 2. stāvs", damaged,
         "Skrāpējums uz vāka; taustiņš „Ē“ atjaunots"),
        ("011", "Dell", "Latitude 3440", "HXQ9C94", "Datorklase 214", None, None),
        ("012", "HP", "ProBook 450 G10", "5CD3482A1P", "Datorklase 214", None, None),
        ("015", "Lenovo", "ThinkPad E14 Gen 5", "PF4ŠK2M7", "Ēdnīcas noliktava", ok, None),
        ("018", "HP", "ProBook 440 G9", "5CD2230LŅ4", "IT kabinets, skapis Nr. 1", ok,
         "Akumulators tur 3 stundas"),
        ("021", "Dell", "Latitude 3440", "HXQ9C97", "Datorklase 214", ok, None),
        ("022", "Acer", "TravelMate P2", "NXVLLEL00421", "Bibliotēka, 2. stāvs", None, None),
        ("025", "HP", "ProBook 450 G10", "5CD3483QRZ", "Direktora vietnieka kabinets", ok,
         None),
        ("030", "Lenovo", "ThinkPad L13", "PF3ĢA9T2", "IT kabinets, skapis Nr. 1", damaged,
         "Ekrāna rāmis pielīmēts"),
        ("031", "Lenovo", "ThinkPad L13", "PF3ĢA9T8", "IT kabinets, skapis Nr. 1", None, None),
    ]
    return [DeviceChoice(
        item_id=f"item-{number}", inventory_no=f"RAVĢ-2024-{number}",
        kind_code="windows_laptop", kind_label="Windows portatīvais dators",
        manufacturer=maker, model=model, serial_no=serial, location=place,
        status=ItemStatus.AVAILABLE, last_return_condition=condition,
        last_returned_at=datetime(2026, 6, 12, 9, 0, tzinfo=UTC) if condition else None,
        last_return_notes=notes)
        for number, maker, model, serial, place, condition, notes in rows]


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

    from desktop.views.decision_dialogs import GrantDialog

    qt_app = QApplication.instance() or QApplication([])
    assert isinstance(qt_app, QApplication)
    with tempfile.TemporaryDirectory(prefix="resursi-picker-shots-") as folder:
        translator = english(Path(folder), args.ts) if args.lang == "en" else None
        dialog = GrantDialog(LABEL, _devices(), language=args.lang)  # type: ignore[arg-type]
        dialog.show()
        for _ in range(5):
            qt_app.processEvents()
        dialog.picker.filter_edit.setText("probook")
        dialog.picker.table.selectRow(1)
        for _ in range(5):
            qt_app.processEvents()
        scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
        frame = dialog.frameGeometry()
        target = out / ("device-picker-grant.png" if args.lang == "lv"
                        else "device-picker-grant-en.png")
        image = dialog.grab()
        image.save(str(target))
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
