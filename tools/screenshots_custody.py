"""Render who holds each device to PNG files (offscreen, Latvian demo data, a 1366×768 laptop
at 125 %: QT_SCALE_FACTOR=1.25).

    python -m tools.screenshots_custody [--out docs/screenshots] [--lang lv|en] [--ts TS]

Writes item-holder-list.png (the catalogue's inventory with the "Lietotājs" and "Jāatgriež
līdz" columns: devices issued, reserved and overdue) and item-holder-editor.png (the item
editor of a device out on loan: its holder with the link to the application, and every
handover of it). The page is drawn at the size it gets in the main window on that screen (the
window less the navigation, the menu and the status bar); the editor at a size that fits the
screen. ``--lang en`` writes the same with an ``-en`` suffix through the English translation
compiled from ``--ts``.

``build_services`` is the Catalogue's wiring with custody (the holder in the list, the holder
and handovers in the editor), as the composition root binds it.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from tools.shots import english

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if True:  # the Qt-free imports first; PySide6 loads in main()
    from desktop.app import catalogue_services
    from desktop.models import custody
    from desktop.models.journal import Actor
    from desktop.models.store import Store

SCREEN = (1366, 768)  # physical pixels
NAVIGATION = 190 + 10  # the main window's navigation list and the splitter (logical pixels)
CHROME = 110  # title bar, menu, status bar (logical pixels)
EDITOR = (1072, 560)  # logical pixels: within 1093×614 with the window's title bar



def custody_services(services: Any, store: Store, school_of: Callable[[], str],
                     language: str = "lv") -> Any:
    """The Catalogue's services with custody: the list's rows and the editor's item carry
    their holder, and the editor reads the item's handovers."""
    return dataclasses.replace(
        services,
        query_items=lambda f: custody.items(store, school_of(), f, language),
        item_editor=dataclasses.replace(
            services.item_editor,
            load_item=lambda item_id: custody.item(store, school_of(), item_id, language),
            load_custody=lambda item_id: custody.item_custody(store, school_of(), item_id)),
    )


def build_services(store: Store, school: str, actor: Callable[[], Actor],
                   language: str = "lv") -> Any:
    return custody_services(catalogue_services(store, school, actor, language), store,
                            lambda: school, language)


def _story(store: Store, school: str) -> str:
    """One laptop with a past: issued twice before (returned once damaged), lent now with an
    act; the id of that item."""
    from sqlalchemy import select

    from desktop.models.codes import HandoverStatus, ItemStatus, ReturnCondition
    from desktop.models.schema import Application, Handover, Item

    with store.write() as s:
        laptop = s.scalars(select(Item).where(Item.institution_id == school,
                                              Item.status == ItemStatus.IN_USE)
                           .order_by(Item.inventory_no)).first()
        assert laptop is not None
        current = s.scalars(select(Handover).where(
            Handover.item_id == laptop.id, Handover.status == HandoverStatus.ISSUED)).one()
        done = s.scalars(select(Application).where(
            Application.institution_id == school, Application.kind_code == laptop.kind_code,
            ~Application.handovers.any()).order_by(Application.id).limit(2)).all()
        for n, (app, condition) in enumerate(zip(done, (ReturnCondition.DAMAGED,
                                                        ReturnCondition.RETURNED_WORKING_ORDER),
                                                 strict=True)):
            start = datetime(2024 - n, 9, 2, 9, tzinfo=UTC)
            s.add(Handover(application_id=app.id, item_id=laptop.id,
                           status=HandoverStatus.RETURNED, act_number=f"{app.number}-A1",
                           created_at=start, prepared_at=start, issued_at=start,
                           status_changed_at=start + timedelta(days=270),
                           returned_at=start + timedelta(days=270),
                           return_deadline=date(start.year + 1, 5, 31),
                           return_condition=condition))
        current.return_deadline = current.return_deadline or date(2027, 5, 31)
        return laptop.id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", choices=("lv", "en"), default="lv")
    parser.add_argument("--ts", type=Path, default=Path("desktop/i18n/resursi_en.ts"),
                        help="the Qt Linguist source of the English translation")
    parser.add_argument("--applications", type=int, default=600)
    args = parser.parse_args(argv)
    # 125 %, set here rather than on import: the tests import build_services from this module
    os.environ.setdefault("QT_SCALE_FACTOR", "1.25")

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from bench.seed import DEFAULT_INSTITUTION, NOW, seed
    from desktop.models.codes import StaffRole
    from desktop.models.store import open_store
    from desktop.tasks import TaskRunner
    from desktop.views.catalogue_page import CataloguePage

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "lv" else "-en"
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

    with tempfile.TemporaryDirectory(prefix="resursi-custody-shots-") as folder:
        os.environ["XDG_CONFIG_HOME"] = folder  # never the user's real settings
        translator = english(Path(folder), args.ts) if args.lang == "en" else None
        seed(Path(folder) / "data", args.applications)
        store = open_store(Path(folder) / "data")
        school = DEFAULT_INSTITUTION
        admin = Actor("admin.ņina", school, StaffRole.ADMIN)
        laptop = _story(store, school)
        tasks = TaskRunner(qt_app)
        # the seeded data's own today, so that its deadlines read as the school would see them
        page = CataloguePage(tasks, build_services(store, school, lambda: admin, args.lang),
                             can_edit=True, language=args.lang, today=lambda: NOW.date())
        try:
            page.resize(int(SCREEN[0] / scale) - NAVIGATION, int(SCREEN[1] / scale) - CHROME)
            page.show()
            page.refresh()
            settle(900)
            page.items.resizeColumnsToContents()
            # in sight: a reservation among devices out on loan, some of them overdue
            model = page.items_model
            rows = [model.row_at(n) for n in range(model.rowCount())]
            reserved = next((n for n, r in enumerate(rows) if r.holder and r.holder.reserved),
                            0)
            page.items.scrollTo(model.index(reserved, 0),
                                page.items.ScrollHint.PositionAtCenter)
            page.items.selectRow(reserved + 3)  # a device out on loan: the reservation's
            # grey italics stay in sight
            settle(200)
            shot("item-holder-list", page)

            editor = page.open_editor(custody.item(store, school, laptop, args.lang))
            editor.resize(*EDITOR)
            settle(700)
            shot("item-holder-editor", editor)
            hint = editor.minimumSizeHint()
            if hint.width() * scale > SCREEN[0] or hint.height() * scale > SCREEN[1]:
                too_big.append(f"editor's minimum size {hint.width()}×{hint.height()}")
            editor.close()
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
    raise SystemExit(main())
