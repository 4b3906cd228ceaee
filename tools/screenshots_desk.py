"""Render the issuing desk to PNG files in docs/screenshots (offscreen, on Latvian demo data).

    python -m tools.screenshots_desk [--out docs/screenshots]

Writes desk.png (the desk with a handover waiting for the applicant), customer-screen.png
(the applicant's screen with the QR code), customer-screen-confirmed.png ("Saņemts"),
desk-incidents.png (lost/stolen reports), act-pdf.png and return-act-pdf.png (the acts'
first pages, rendered with pdftoppm at 80 dpi).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


TEMPLATE = "https://e.latvija.lv/resursi/pieteikumi/{application_id}/sanemsana"


def _render_pdf(pdf: Path, target: Path) -> None:
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm (poppler-utils) is needed to render the act PDFs")
    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(stem)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from bench.desk_bench import SCHOOL, _item_id, _seed
    from desktop.desk import HandoverWatch, desk_services, produce_act, take_back
    from desktop.models import desk
    from desktop.models.codes import DocumentType, HandoverStatus, ItemStatus, StaffRole
    from desktop.models.journal import Actor
    from desktop.models.schema import Document, DocumentAcknowledgement, Handover, Item
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

    with tempfile.TemporaryDirectory(prefix="resursi-desk-shots-") as folder:
        store = open_store(Path(folder))
        ids = _seed(store, 14)
        now = datetime.now(UTC)
        # three devices already out: one overdue, one reported lost, one to take back
        out_ids = ids[10:]
        for app_id in out_ids:
            desk.start_handover(store, actor, app_id)
        with store.write() as s:
            for n, h in enumerate(s.query(Handover).filter(
                    Handover.application_id.in_(out_ids)).order_by(Handover.application_id)):
                h.status, h.issued_at = HandoverStatus.ISSUED, now - timedelta(days=40)
                s.get(Item, h.item_id).status = ItemStatus.IN_USE  # type: ignore[union-attr]
                if n == 0:
                    h.return_deadline = date.today() - timedelta(days=12)
                if n == 1:
                    h.status = HandoverStatus.LOST
                    h.incident_reported_at = now - timedelta(hours=5)
                    h.incident_description = ("Dators atstāts autobusā Nr. 22 pie Āgenskalna "
                                              "tirgus; pārvadātājam zvanījām, neatrada.")
        with store.write() as s:  # the documents the applicant confirms in the e-service
            for n, title in enumerate(("Portatīvo datoru lietošanas noteikumi",
                                       "Drošības instrukcija izglītojamajiem")):
                s.add(Document(id=f"doc-{n}", institution_id=SCHOOL,
                               doc_type=DocumentType.EXPLOITATION_RULES, title=title))
                s.flush()
                s.add(DocumentAcknowledgement(application_id=ids[3], document_id=f"doc-{n}",
                                              acknowledged_at=now))
        tasks = TaskRunner()
        watch = HandoverWatch(tasks, lambda hid: desk.handover_state(store, actor, hid),
                              lambda hid: produce_act(store, actor, hid, "Ģirts Ļaviņš"),
                              poll_ms=200)
        services = desk_services(store, lambda: actor, url_template=lambda: TEMPLATE,
                                 staff_name=lambda: "Ģirts Ļaviņš")
        customer = CustomerScreen()
        page = DeskPage(tasks, services, watch, customer)
        page.full_screen.setChecked(False)
        page.resize(1280, 760)
        customer.resize(720, 900)
        page.show()
        page.cases.reload()
        settle()
        target = ids[3]
        row = page.cases.model.index_of(lambda r: r.application_id == target)
        page.cases.table.setCurrentIndex(row)
        settle(0.2)
        with store.read() as s:
            page.scan.setText(s.get(Item, _item_id(3)).inventory_no)  # type: ignore[union-attr]
        page.start_button.click()
        settle(0.6)
        page.grab().save(str(out / "desk.png"))
        customer.grab().save(str(out / "customer-screen.png"))

        handover_id = page.card.handover_id
        with store.write() as s:  # what the pull writes once the applicant confirmed
            h = s.get(Handover, handover_id)
            h.status, h.issued_at = HandoverStatus.ISSUED, datetime.now(UTC)
            s.get(Item, h.item_id).status = ItemStatus.IN_USE  # type: ignore[union-attr]
        settle(1.0)
        customer.grab().save(str(out / "customer-screen-confirmed.png"))
        assert page.act_path is not None, "the act was not filed"
        _render_pdf(page.act_path, out / "act-pdf.png")

        returned = take_back(store, actor, handover_id, "damaged",
                             "Ieplaisājis ekrāna stūris, trūkst lādētāja; saskaņots ar "
                             "iesniedzēju.", "Ģirts Ļaviņš")
        _render_pdf(returned, out / "return-act-pdf.png")

        page.tabs.setCurrentIndex(2)
        settle(0.4)
        page.grab().save(str(out / "desk-incidents.png"))
        page.close()
        tasks.wait()
        store.close()
    for name in ("desk.png", "customer-screen.png", "customer-screen-confirmed.png",
                 "act-pdf.png", "return-act-pdf.png", "desk-incidents.png"):
        print(out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
