"""Render the Catalogue screens to PNG files in docs/screenshots (offscreen, on seeded data).

    python -m tools.screenshots_catalogue [--out docs/screenshots] [--applications 600]

Writes catalogue.png (the inventory), catalogue-kinds.png (the kinds offered, with a conflict
showing both versions), catalogue-availability.png (the chart), item-editor.png,
import-preview-errors.png and label-sheet.png (the first page of a label PDF, rendered with
pdftoppm). ``build_services`` is the wiring the composition root uses.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if True:  # the Qt-free imports first; PySide6 loads in main()
    from desktop.app import catalogue_services
    from desktop.models import catalogue, inventory
    from desktop.models.catalogue import ItemFilter
    from desktop.models.journal import Actor


build_services = catalogue_services  # the composition root's wiring, used as is


_BROKEN_CSV = (
    "Inventāra numurs;Resursa veids;Sērijas numurs;Ražotājs;Modelis;Gads;Iegādes vērtība;"
    "Sociāli atbalstāmajiem;Atrašanās vieta;Piezīmes;Statuss\r\n"
    "RAVĢ-2001;Windows portatīvais dators;PF4K2L01;Lenovo;ThinkPad E14 Gen 5;2024;649,99;nē;"
    "Informātikas kabinets 108;;Pieejams\r\n"
    "RAVĢ-2002;chromebook_laptop;NXKB7702;Acer;Chromebook Spin 511;2023;329,00;jā;"
    "Bibliotēka, skapis Nr. 3;Ar somu;Jauns\r\n"
    "RAVĢ-2002;tablet;R9WT1203;Samsung;Galaxy Tab A9+;2024;219,00;nē;Skolotāju istaba;;\r\n"
    "RAVĢ-2004;Windows portatīvais dators;5CG3321;HP;ProBook 450 G10;divi tūkst.;712,00;nē;"
    "Kabinets 214;;Pieejams\r\n"
    "RAVĢ-2005;planšete;R9WT1205;Samsung;Galaxy Tab A9+;2024;219,00;nē;;;\r\n"
    "RAVĢ-2006;chromebook_laptop;NXKB7706;Acer;Chromebook Spin 511;2023;-5;varbūt;;;Lietošanā\r\n"
    "RAVĢ-2007;Windows portatīvais dators;PF4K2L07;Lenovo;ThinkPad E14 Gen 5;2024;649,99\r\n"
    "RAVĢ-2008;Windows portatīvais dators;PF4K2L08;Lenovo;ThinkPad E14 Gen 5;2024;649,99;nē;"
    "Direktora vietnieka kabinets;;Pieejams\r\n"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--applications", type=int, default=600)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from bench.seed import DEFAULT_INSTITUTION, seed
    from desktop.models.codes import CommandState, StaffRole
    from desktop.models.schema import OfferedKind, OutboxCommand
    from desktop.models.store import open_store
    from desktop.tasks import TaskRunner
    from desktop.views.catalogue_page import CataloguePage

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp  # never the user's real settings
        seed(Path(tmp) / "data", args.applications)
        qt_app = QApplication.instance() or QApplication(sys.argv)
        store = open_store(Path(tmp) / "data")
        school = DEFAULT_INSTITUTION
        admin = Actor("admin.ņina", school, StaffRole.ADMIN)
        # one catalogue change that the central service refused (someone changed it there)
        with store.read() as s:
            offered = s.scalars(select(OfferedKind).where(OfferedKind.institution_id == school)
                                .order_by(OfferedKind.kind_code)).first()
        assert offered is not None
        inventory.set_accepting_applications(store, admin, offered.id,
                                             not offered.accepting_applications)
        with store.write() as s:
            cmd = s.scalars(select(OutboxCommand).where(
                OutboxCommand.aggregate_id == offered.id)).one()
            cmd.state = CommandState.CONFLICT
            cmd.conflict = {"status": 412, "title": "stale", "current_offered_kind": {
                "id": offered.id, "version": offered.server_version + 1,
                "institution_id": school, "kind_code": offered.kind_code,
                "target_group": "learner",
                "accepting_applications": offered.accepting_applications, "documents": []}}

        tasks = TaskRunner(qt_app)
        page = CataloguePage(tasks, build_services(store, school, lambda: admin),  # type: ignore[arg-type]
                             can_edit=True, ask_open_path=lambda _w: None)

        def settle(ms: int = 400) -> None:
            loop = QEventLoop()
            QTimer.singleShot(ms, loop.quit)
            loop.exec()

        page.resize(1440, 860)
        page.show()
        page.refresh()
        settle(800)
        page.items.selectRow(3)
        page.grab().save(str(out / "catalogue.png"))
        page.tabs.setCurrentIndex(1)
        settle()
        page.grab().save(str(out / "catalogue-kinds.png"))
        page.tabs.setCurrentIndex(2)
        settle()
        page.grab().save(str(out / "catalogue-availability.png"))
        page.tabs.setCurrentIndex(0)

        # the item editor on an item with some history
        from desktop.models.codes import ItemStatus
        from desktop.models.workflow import ItemAction

        [row] = catalogue.item_rows(store, catalogue.item_ids(
            store, school, ItemFilter(status=ItemStatus.AVAILABLE))[2:3])
        for action, reason in ((ItemAction.SEND_TO_MAINTENANCE, "Jāatjauno operētājsistēma"),
                               (ItemAction.BACK_IN_SERVICE, None),
                               (ItemAction.SEND_TO_REPAIR, "Nedarbojas tastatūra; nosūtīts "
                                                           "servisam SIA “Datoru darbnīca”")):
            inventory.change_item_status(store, admin, row.id, action, reason=reason)
        inventory.edit_item(store, admin, row.id, {**catalogue.item_rows(store, [row.id])[0]
                                                   .editable_values(),
                                                   "location": "Informātikas kabinets 108",
                                                   "notes": "Ar somu un bezvadu peli"})
        [row] = catalogue.item_rows(store, [row.id])
        editor = page.open_editor(row)
        editor.resize(1060, 600)
        settle(600)
        editor.grab().save(str(out / "item-editor.png"))
        editor.close()

        # the import preview of a file with broken rows
        broken = Path(tmp) / "inventars-ar-kludam.csv"
        broken.write_bytes(_BROKEN_CSV.encode("utf-8"))
        dialog = page.open_import()
        dialog.resize(1280, 520)
        dialog.load(str(broken))
        settle(800)
        dialog.only_bad.setChecked(False)
        settle(200)
        dialog.grab().save(str(out / "import-preview-errors.png"))
        dialog.close()

        # a label sheet, rendered like the printer would get it
        ids = catalogue.item_ids(store, school)[:24]
        pdf = Path(tmp) / "uzlimes.pdf"
        pdf.write_bytes(build_services(store, school, lambda: admin).label_pdf(  # type: ignore[attr-defined]
            ids, "3x8", 0))
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1",
                            "-singlefile", str(pdf), str(out / "label-sheet")], check=True)
        tasks.wait()
        page.close()
        store.close()
    print(f"catalogue screenshots written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
