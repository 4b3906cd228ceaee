"""Render the check-in checklist to PNG files (offscreen, a 1366×768 laptop at 125 %:
QT_SCALE_FACTOR=1.25).

    python -m tools.screenshots_checklist [--out docs/screenshots] [--lang lv|en] [--ts TS]

On the demo's data set (``bench.seed``, 300 applications), as an administrator:

- check-in-checklist-kinds.png: the catalogue's "Resursu veidi" tab with the chosen kind's
  checklist editor beside it (embedded as ``embed_checklist`` says the page should, until the
  page does so itself);
- check-in-checklist-return.png: taking a laptop back with the kind's checklist (the sample
  data's: charger and bag), the charger not ticked, the grade chosen and the notes saying
  where the charger is;
- check-in-checklist-act.png: the first page of the return act that return files.

``--lang en`` writes the screens with an ``-en`` suffix through the English translation
compiled from ``--ts`` (the act is Latvian either way). Fails (exit 1) when a screen would not
fit 1366×768 at 125 %.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1.25")

SCREEN = (1366, 768)  # physical pixels
NAVIGATION = 190 + 10  # the main window's navigation list and the splitter (logical pixels)
CHROME = 110  # title bar, menu, status bar (logical pixels)
STAFF = "Ilze Ozoliņa"


def embed_checklist(page: Any, load: Any, save: Any) -> Any:
    """What the catalogue page's kinds tab does with the checklist editor: beside the chosen
    kind's box, following the chosen kind, saved like the kind's other changes. (The lines
    for catalogue_page.py itself are in the issue's report; this stands in for them.)"""
    from PySide6.QtWidgets import QHBoxLayout

    from desktop.views.kind_checklist import KindChecklistBox

    box = getattr(page, "kind_checklist", None)
    if box is not None:
        return box
    tab = page.tabs.widget(1)
    layout = tab.layout()
    detail = page.kind_title.parentWidget()
    index = layout.indexOf(detail)
    layout.removeWidget(detail)
    box = KindChecklistBox(page._tasks, load=load, save=save, can_edit=page.can_edit)
    below = QHBoxLayout()
    below.addWidget(detail, 1)
    below.addWidget(box, 1)
    layout.insertLayout(index, below, 0)

    def follow(current: Any, _previous: Any) -> None:
        kind = page.kinds_model.row_at(current.row())
        box.show_kind(kind.id if kind is not None else None)

    page.kinds.selectionModel().currentRowChanged.connect(follow)
    box.failed.connect(page._failed)
    page.kind_checklist = box
    return box


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", choices=("lv", "en"), default="lv")
    parser.add_argument("--ts", type=Path, default=Path("desktop/i18n/resursi_en.ts"),
                        help="the Qt Linguist source of the English translation")
    parser.add_argument("--applications", type=int, default=300)
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "lv" else "-en"

    import pypdfium2
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QWidget
    from sqlalchemy import select

    from bench.seed import DEFAULT_INSTITUTION, seed
    from desktop.app import catalogue_services
    from desktop.desk import act_data
    from desktop.documents.acts import return_act_pdf
    from desktop.models import handovers, kind_checklists
    from desktop.models.codes import HandoverStatus, ReturnGrade, StaffRole
    from desktop.models.journal import Actor
    from desktop.models.schema import Application, Handover, Item, OfferedKind
    from desktop.models.store import open_store
    from desktop.tasks import TaskRunner
    from desktop.views.catalogue_page import CataloguePage
    from desktop.views.return_dialog import ReturnDialog
    from tools.shots import english as _english

    qt_app = QApplication.instance() or QApplication(sys.argv)
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    too_big: list[str] = []

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shot(name: str, widget: QWidget) -> None:
        frame = widget.frameGeometry()
        if frame.width() * scale > SCREEN[0] or frame.height() * scale > SCREEN[1]:
            too_big.append(f"{name}: {frame.width()}×{frame.height()} logical at {scale}")
        target = out / f"{name}{suffix}.png"
        image = widget.grab()
        image.save(str(target))
        print(f"{target}: {image.width()}×{image.height()} px")

    with tempfile.TemporaryDirectory(prefix="resursi-checklist-shots-") as folder:
        os.environ["XDG_CONFIG_HOME"] = folder  # never the user's real settings
        translator = _english(Path(folder), args.ts) if args.lang == "en" else None
        seed(Path(folder) / "data", args.applications)
        store = open_store(Path(folder) / "data")
        school = DEFAULT_INSTITUTION
        admin = Actor("admin.ņina", school, StaffRole.ADMIN)
        with store.read() as s:
            laptops = s.scalars(select(OfferedKind.id).where(
                OfferedKind.institution_id == school,
                OfferedKind.kind_code == "windows_laptop")).one()
            handover_id, learner, number, inventory_no = s.execute(
                select(Handover.id, Application.learner_name, Application.number,
                       Item.inventory_no)
                .join(Application, Application.id == Handover.application_id)
                .join(Item, Item.id == Handover.item_id)
                .where(Application.institution_id == school,
                       Handover.status == HandoverStatus.ISSUED.value,
                       Item.kind_code == "windows_laptop")
                .order_by(Application.number).limit(1)).one()
        # the sample data's laptops come with a charger and a bag
        checklist = kind_checklists.checklist_for_handover(store, admin, handover_id)

        tasks = TaskRunner(qt_app)
        page = CataloguePage(tasks, catalogue_services(store, school, lambda: admin,
                                                       args.lang),
                             can_edit=True, language=args.lang)
        try:
            embed_checklist(
                page, lambda kind_id: kind_checklists.kind_checklist(store, admin, kind_id),
                lambda kind_id, entries: kind_checklists.set_check_in_checklist(
                    store, admin, kind_id, entries))
            page.resize(int(SCREEN[0] / scale) - NAVIGATION, int(SCREEN[1] / scale) - CHROME)
            page.show()
            page.refresh()
            page.tabs.setCurrentIndex(1)
            settle(900)
            row = next(n for n in range(page.kinds_model.rowCount())
                       if page.kinds_model.row_at(n).id == laptops)
            page.kinds.selectRow(row)
            settle(500)
            page.kind_checklist.list.setCurrentRow(1)
            settle(200)
            shot("check-in-checklist-kinds", page)

            dialog = ReturnDialog(f"{number} · {learner} · {inventory_no}", checklist=checklist)
            dialog.show()
            settle(200)
            for item in dialog.items[1:]:
                item.setChecked(True)
            dialog.grades[ReturnGrade.GOOD].setChecked(True)
            dialog.notes.setPlainText("Lādētājs palika mājās; māte to atnesīs pirmdien.")
            dialog.items[0].setFocus()
            settle(200)
            shot("check-in-checklist-return", dialog)
            answer = dialog.answer()
            dialog.close()

            handovers.record_return(store, admin, handover_id, answer.condition,
                                    grade=answer.grade, notes=answer.notes,
                                    checklist=answer.checklist)
            pdf = return_act_pdf(act_data(store, admin, handover_id, STAFF))
            document = pypdfium2.PdfDocument(pdf)
            try:
                image = document[0].render(scale=110 / 72).to_pil().convert("RGB")
            finally:
                document.close()
            target = out / "check-in-checklist-act.png"
            image.save(target)
            print(f"{target}: {image.width}×{image.height} px")
        finally:
            tasks.wait()
            page.close()
            tasks.shutdown()
            store.close()
            del translator
    if too_big:
        print("does not fit 1366×768 at 125 %:\n  " + "\n  ".join(too_big))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
