"""Render the desk's act list, the paper-signing step and the overdue tab to PNG files
(offscreen, Latvian demo data, a 1366×768 laptop at 125 %: QT_SCALE_FACTOR=1.25).

    python -m tools.screenshots_desk_lifecycle [--out docs/screenshots] [--language lv|en]

The desk page is drawn at the size it gets in the main window on that screen (the window less
the navigation, the menu, the tabs and the status bar). Writes desk-acts.png (the "Akti" tab:
filed acts, one signed on paper, one returned, one filed on another workstation and not
fetched yet), desk-signed-on-paper.png (the paper act printed, "Parakstīts uz papīra…"
offered) and desk-overdue.png (overdue devices with phone and e-mail, two selected).
``--language en`` writes the same with an ``-en`` suffix through the English translation
compiled from ``--ts``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tools.shots import english

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1.25")

SCREEN = (1366, 768)  # physical pixels
NAVIGATION = 190 + 10  # the main window's navigation list and the splitter (logical pixels)
CHROME = 110  # title bar, menu, status bar (logical pixels)
STAFF = "Ģirts Ļaviņš"



def _seed(store: object, actor: object) -> list[int]:
    """Fourteen granted applications (bench's ordinary school), of which: five with acts filed
    (one signed on paper, one returned with its return act, one filed on another workstation
    and not here yet) and four overdue; the rest wait at the counter."""
    from bench.desk_bench import _seed as seed_school
    from desktop.desk import paper_act, produce_act, take_back
    from desktop.models import desk, lifecycle
    from desktop.models.codes import HandoverStatus, ItemStatus
    from desktop.models.schema import Application, Handover, Item, fold, new_id

    ids = seed_school(store, 14)
    now = datetime.now(UTC)
    phones = ["+37129123456", "+37126554433", None, "+37120011223", "+37122334455"]
    mail = ["inbox.lv", None, "gmail.com", "apollo.lv", "inbox.lv"]
    out = ids[5:14]  # the devices already handed over, the oldest first
    for app_id in out:
        desk.start_handover(store, actor, app_id)  # type: ignore[arg-type]
    with store.write() as s:  # type: ignore[attr-defined]
        for n, app_id in enumerate(out):
            h = s.query(Handover).filter(Handover.application_id == app_id).one()
            app = s.get(Application, app_id)
            domain = mail[n % len(mail)]
            app.phone = phones[n % len(phones)]
            app.email = (f"{fold(app.submitter_name).replace(' ', '.')}@{domain}" if domain
                         else None)
            if n == 8:
                continue  # signed on paper below, from "ready for issue"
            h.status = HandoverStatus.ISSUED
            h.issued_at = now - timedelta(days=90 - 9 * n, hours=n)
            s.get(Item, h.item_id).status = ItemStatus.IN_USE
            if n < 4:  # overdue: the deadline passed 40, 21, 9 and 2 days ago
                h.return_deadline = date.today() - timedelta(days=(40, 21, 9, 2)[n])
    for n, app_id in enumerate(out):
        with store.read() as s:  # type: ignore[attr-defined]
            handover_id = s.query(Handover.id).filter(Handover.application_id == app_id
                                                      ).scalar()
        if n in (4, 6, 7):
            produce_act(store, actor, handover_id, STAFF)  # type: ignore[arg-type]
        if n == 5:  # filed on another workstation: the id came with the sync, the file not
            with store.write() as s:  # type: ignore[attr-defined]
                h = s.get(Handover, handover_id)
                h.act_document_id, h.act_sha256 = new_id(), "0" * 64
        if n == 7:
            take_back(store, actor, handover_id, "returned_working_order", None,  # type: ignore[arg-type]
                      STAFF)
        if n == 8:
            pdf = paper_act(store, actor, handover_id, STAFF).read_bytes()  # type: ignore[arg-type]
            lifecycle.sign_on_paper(store, actor, handover_id, pdf)  # type: ignore[arg-type]
    return ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--language", choices=("lv", "en"), default="lv")
    parser.add_argument("--ts", type=Path, default=Path("desktop/i18n/resursi_en.ts"),
                        help="the Qt Linguist source of the English translation")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from bench.desk_bench import SCHOOL, _item_id
    from desktop.desk import HandoverWatch, acts_service, desk_services, produce_act
    from desktop.models import desk
    from desktop.models.codes import StaffRole
    from desktop.models.journal import Actor
    from desktop.models.schema import Item
    from desktop.models.store import open_store
    from desktop.tasks import TaskRunner
    from desktop.views.customer_screen import CustomerScreen
    from desktop.views.desk_page import DeskPage

    qt_app = QApplication.instance() or QApplication([])
    actor = Actor("desk.girts", SCHOOL, StaffRole.DESK)

    def settle(seconds: float = 0.3) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            qt_app.processEvents()
            time.sleep(0.01)

    suffix = "" if args.language == "lv" else "-en"
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="resursi-desk-lifecycle-shots-") as folder:
        translator = english(Path(folder), args.ts) if args.language == "en" else None
        store = open_store(Path(folder) / "data")
        ids = _seed(store, actor)
        tasks = TaskRunner()
        watch = HandoverWatch(tasks, lambda hid: desk.handover_state(store, actor, hid),
                              lambda hid: produce_act(store, actor, hid, STAFF), poll_ms=200)

        def nothing(*_: object) -> None:  # the lifecycle's dialogs are not part of these shots
            return None

        services = desk_services(store, lambda: actor, url_template=lambda: (
            "https://e.latvija.lv/resursi/pieteikumi/{application_id}/sanemsana"),
            staff_name=lambda: STAFF, sign_on_paper=nothing, change_deadline=nothing, remind_return=nothing,
            record_incident=nothing, acts=acts_service(store, lambda: actor))
        customer = CustomerScreen()
        page = DeskPage(tasks, services, watch, customer)
        page.print_file = lambda _parent, _path: True  # "printed"
        page.full_screen.setChecked(False)
        scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
        page.resize(int(SCREEN[0] / scale) - NAVIGATION, int(SCREEN[1] / scale) - CHROME)
        page.show()

        def shot(name: str) -> None:
            settle(0.4)
            target = out / f"{name}{suffix}.png"
            image = page.grab()
            image.save(str(target))
            written.append(target)
            print(f"{target}: {image.width()}×{image.height()} px")

        # the paper act printed for the applicant at the counter, to sign by hand
        page.cases.reload()
        settle()
        target = ids[3]
        page.cases.table.setCurrentIndex(
            page.cases.model.index_of(lambda r: r.application_id == target))
        settle(0.2)
        with store.read() as s:
            page.scan.setText(s.get(Item, _item_id(3)).inventory_no)  # type: ignore[union-attr]
        page.start_button.click()
        settle(0.6)
        page.paper_button.click()
        settle(0.6)
        customer.hide()
        shot("desk-signed-on-paper")

        page.tabs.setCurrentWidget(page.acts)
        settle(0.4)
        assert page.acts is not None
        waiting = page.acts.model.index_of(lambda r: not r.available)
        page.acts.table.setCurrentIndex(waiting)
        shot("desk-acts")

        page.tabs.setCurrentWidget(page.overdue)
        settle(0.4)
        page.overdue.table.selectRow(0)
        page.overdue.table.selectionModel().select(
            page.overdue.model.index(1, 0),
            page.overdue.table.selectionModel().SelectionFlag.Select
            | page.overdue.table.selectionModel().SelectionFlag.Rows)
        shot("desk-overdue")

        page.close()
        customer.close()
        tasks.shutdown(5000)
        store.close()
        del translator
    return 0


if __name__ == "__main__":
    sys.exit(main())
