"""Render the issuing desk to PNG files in docs/screenshots (offscreen, Latvian demo data).

    python -m tools.screenshots_desk [--out docs/screenshots] [--lang lv|en] [--ts FILE]

The desk as a school runs it with a second monitor turned to the applicant: the offscreen
platform is given two screens, the staff's 1366×768 laptop at 125 % (QT_SCALE_FACTOR=1.25)
and a 1920×1080 monitor beside it, so the desk offers the second one, full screen, for the
applicant's screen. The main window fills the laptop's screen less a title bar and a task
bar. Writes:
- desk.png: a handover waiting for the applicant's confirmation;
- desk-picker.png: a case with no device reserved, its label scanned (an ASCII scanner's
  RAVG-… for RAVĢ-…): the device picker beside the case list, that device highlighted;
- customer-screen.png: the applicant's monitor with the QR code;
- customer-screen-confirmed.png: the applicant's monitor once the receipt is confirmed;
- desk-incidents.png: lost/stolen reports;
- act-pdf.png and return-act-pdf.png: the acts' first pages at 80 dpi.
``--lang en`` writes the screens with an ``-en`` suffix through the English translation
compiled from ``--ts`` (the acts, Latvian documents, only with ``--lang lv``). Fails (exit 1) when the picker would scroll sideways or the desk's panel is
squeezed below its size.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

LAPTOP = (1366, 768)  # physical pixels
MONITOR = (1920, 1080)  # the applicant's, to the right of the laptop
SCALE = "1.25"
WINDOW_CHROME = 60  # the title bar and the task bar the offscreen platform does not draw
STAFF = "Ģirts Ļaviņš"
SCHOOL_NAME = "Rīgas Āgenskalna Valsts ģimnāzija"
TEMPLATE = "https://e.latvija.lv/resursi/pieteikumi/{application_id}/sanemsana"
# (inventory number, maker, model, serial number, location): devices of the desk's kind
# without an application yet, for the case the picker is shown with
SPARE = (
    ("RAVĢ-2024-000101", "Lenovo", "ThinkPad E14 Gen 5", "PF4XK2Q1", "Informātikas kab. 204"),
    ("RAVĢ-2024-000102", "HP", "ProBook 450 G10", "5CD3481JQW", "Bibliotēka, 2. stāvs"),
    ("RAVĢ-2024-000103", "HP", "ProBook 450 G10", "5CD3481JR2", "Bibliotēka, 2. stāvs"),
    ("RAVĢ-2023-000057", "Dell", "Latitude 3540", "7QHZ3X3", "Noliktava, 1. stāvs"),
    ("RAVĢ-2023-000058", "Acer", "TravelMate P2", "NXVPKEL00H", "Noliktava, 1. stāvs"),
    ("RAVĢ-2022-000014", "Lenovo", "ThinkPad L13", "PF2K9ZAB", "Skolotāju istaba"),
)
SCANNED = "RAVĢ-2024-000102"


def _two_screens() -> None:
    """The offscreen platform with the laptop's screen and the applicant's monitor (set
    before QApplication exists). Windows' names: the platform adds the screens in the order
    of their names, and the first is the primary one."""
    config = Path(tempfile.mkdtemp(prefix="resursi-screens-")) / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": r"\\.\DISPLAY1", "x": 0, "y": 0, "width": LAPTOP[0], "height": LAPTOP[1],
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
        {"name": r"\\.\DISPLAY2", "x": LAPTOP[0], "y": 0, "width": MONITOR[0], "height": MONITOR[1],
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    ]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ.setdefault("QT_SCALE_FACTOR", SCALE)


def _render_pdf(pdf: Path, target: Path) -> None:
    """The first page at 80 dpi, with PDFium (a dependency already: no system tool)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf.read_bytes())
    try:
        document[0].render(scale=80 / 72).to_pil().convert("RGB").save(target)
    finally:
        document.close()


def _unreserved_case(store: object, school: str) -> int:
    """A granted application with no device reserved, and spare devices of its kind."""
    from desktop.models.codes import ApplicantRole, ApplicationStatus, GuardianCheck, StaffRole
    from desktop.models.decisions import grant
    from desktop.models.journal import Actor
    from desktop.models.schema import Application, Item

    when = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
    app_id = 10_900
    with store.write() as s:  # type: ignore[attr-defined]
        for inventory_no, maker, model, serial_no, location in SPARE:
            s.add(Item(institution_id=school, kind_code="windows_laptop",
                       inventory_no=inventory_no, serial_no=serial_no, manufacturer=maker,
                       model=model, year=2024, location=location, status="available"))
        s.add(Application(
            id=app_id, number=f"P-2026-{app_id:06d}", institution_id=school,
            kind_code="windows_laptop", status=ApplicationStatus.SUBMITTED,
            status_changed_at=when, submitted_at=when,
            submitter_role=ApplicantRole.PARENT_GUARDIAN, submitter_name="Ilze Ūdre",
            submitter_personal_code="010180-10006", learner_name="Elīza Ūdre",
            learner_personal_code="150312-20004", learner_class="6.a",
            guardian_check=GuardianCheck.VERIFIED, guardian_checked_at=when))
    grant(store, Actor("ilze.reviewer", school, StaffRole.REVIEWER),  # type: ignore[arg-type]
          app_id, return_deadline=date(2027, 6, 30), now=when)
    return app_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", "--language", dest="lang", choices=("lv", "en"), default="lv")
    parser.add_argument("--ts", type=Path, default=Path("desktop/i18n/resursi_en.ts"),
                        help="the Qt Linguist source of the English translation")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    _two_screens()

    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from bench.desk_bench import SCHOOL, _item_id, _seed
    from desktop.desk import HandoverWatch, desk_services, produce_act, take_back
    from desktop.models import desk
    from desktop.models.codes import DocumentType, HandoverStatus, ItemStatus, StaffRole
    from desktop.models.journal import Actor
    from desktop.models.scan_codes import scan_code
    from desktop.models.schema import Document, DocumentAcknowledgement, Handover, Item
    from desktop.models.store import open_store
    from desktop.settings import SettingsStore
    from desktop.tasks import TaskRunner
    from desktop.views.customer_screen import CustomerScreen
    from desktop.views.desk_page import DeskPage
    from desktop.views.main_window import MainWindow
    from tools.shots import english as _english

    qt_app = QApplication.instance() or QApplication([])
    assert isinstance(qt_app, QApplication)
    actor = Actor("desk.girts", SCHOOL, StaffRole.DESK)
    suffix = "" if args.lang == "lv" else "-en"
    written: list[Path] = []

    def settle(seconds: float = 0.3) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            qt_app.processEvents()
            time.sleep(0.01)

    def save(image: QImage, name: str) -> None:
        target = out / f"{name}{suffix}.png"
        image.save(str(target))
        written.append(target)
        print(f"{target}: {image.width()}×{image.height()} px")

    with tempfile.TemporaryDirectory(prefix="resursi-desk-shots-") as folder:
        translator = _english(Path(folder), args.ts) if args.lang == "en" else None
        store = open_store(Path(folder) / "data")
        ids = _seed(store, 14)
        unreserved = _unreserved_case(store, SCHOOL)
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
                              lambda hid: produce_act(store, actor, hid, STAFF), poll_ms=200)
        services = desk_services(store, lambda: actor, url_template=lambda: TEMPLATE,
                                 staff_name=lambda: STAFF, language=args.lang)
        customer = CustomerScreen()  # the screens QGuiApplication reports: laptop and monitor
        page = DeskPage(tasks, services, watch, customer, language=args.lang)
        page.print_file = lambda _parent, _path: True
        window = MainWindow(school_name=SCHOOL_NAME, user_label=STAFF,
                            settings=SettingsStore.in_memory())
        window.add_section(page.tr("Izsniegšana"), page, icon_name="desk")
        laptop = qt_app.primaryScreen().availableGeometry()
        window.setGeometry(laptop.adjusted(0, 0, 0, -WINDOW_CHROME))
        window.show()
        page.cases.reload()
        settle()
        assert page.full_screen.isChecked() and page.screen_choice.currentIndex() == 1, (
            "the desk does not offer the second monitor")

        # a case without a device: found by name, then the device's label scanned
        page.cases.search.setText("Ūdre")
        page.cases.reload()
        settle(0.4)
        case = page.cases.current()
        assert case is not None and case.application_id == unreserved, (
            "the case without a device is not listed")
        page.scan.setText(scan_code(SCANNED))  # RAVG-…: what any scanner types
        settle(0.4)
        choice = page.items.current_choice()
        assert choice is not None and choice.inventory_no == SCANNED, "nothing preselected"
        table = page.items.table
        sideways = table.horizontalHeader().length() > table.viewport().width()
        box = page.issue_box
        squeezed = box.minimumSizeHint().height() > box.height()
        save(window.grab().toImage(), "desk-picker")

        page.cases.search.clear()
        page.cases.reload()
        settle()
        target = ids[3]
        page.cases.table.setCurrentIndex(
            page.cases.model.index_of(lambda r: r.application_id == target))
        settle(0.2)
        with store.read() as s:
            page.scan.setText(s.get(Item, _item_id(3)).inventory_no)  # type: ignore[union-attr]
        page.start_button.click()
        settle(0.8)
        assert customer.isFullScreen() and customer.screen().name().endswith("2"), (
            "the applicant's screen is not on the second monitor")
        save(window.grab().toImage(), "desk")
        save(customer.grab().toImage(), "customer-screen")

        handover_id = page.card.handover_id  # type: ignore[union-attr]
        with store.write() as s:  # what the pull writes once the applicant confirmed
            confirmed = s.get(Handover, handover_id)
            assert confirmed is not None
            confirmed.status, confirmed.issued_at = HandoverStatus.ISSUED, datetime.now(UTC)
            s.get(Item, confirmed.item_id).status = ItemStatus.IN_USE  # type: ignore[union-attr]
        settle(1.2)
        save(customer.grab().toImage(), "customer-screen-confirmed")
        assert page.act_path is not None, "the act was not filed"
        returned = take_back(store, actor, handover_id, "damaged",
                             "Ieplaisājis ekrāna stūris, trūkst lādētāja; saskaņots ar "
                             "iesniedzēju.", STAFF)
        if args.lang == "lv":  # the acts are Latvian documents whatever the screens speak
            for pdf, name in ((page.act_path, "act-pdf"), (returned, "return-act-pdf")):
                _render_pdf(pdf, out / f"{name}.png")
                print(out / f"{name}.png")

        page.tabs.setCurrentWidget(page.incidents)
        settle(0.4)
        save(window.grab().toImage(), "desk-incidents")
        window.close()
        customer.close()
        tasks.shutdown(5000)
        store.close()
        del translator
    if sideways or squeezed:
        print("the picker scrolls sideways" if sideways else "the desk's panel is squeezed")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
