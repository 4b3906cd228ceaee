"""The desk page against a real local store: find, a refused scan says why, start shows the
applicant's screen, cancel frees the item, a confirmation (as a pull brings it) files and
prints the act, returns make a return act, incidents are acknowledged, overdue is listed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QLabel

from desktop.desk import HandoverWatch, desk_services, produce_act
from desktop.models import desk
from desktop.models.codes import ApplicationStatus, HandoverStatus, ItemStatus
from desktop.models.decisions import grant
from desktop.models.schema import Handover, Item
from desktop.tasks import TaskRunner
from desktop.views.customer_screen import CustomerScreen, beside_geometry
from desktop.views.desk_page import DeskPage
from factories import (
    DESK,
    REVIEWER,
    add_application,
    add_handover,
    add_item,
    seed_catalogue,
)
from qt_helpers import deliver_queued

TEMPLATE = "https://e.latvija.lv/resursi/pieteikumi/{application_id}"
NOW = datetime(2026, 9, 3, 8, 0, tzinfo=UTC)


@pytest.fixture
def school(store):
    seed_catalogue(store)
    reserved = add_item(store, inventory_no="RAVĢ-0042")
    add_item(store, inventory_no="RAVĢ-0043")
    app_id = add_application(store, learner="Žanis Ģērķis", submitter="Līga Ģērķe")
    grant(store, REVIEWER, app_id, item_id=reserved, return_deadline=date(2027, 6, 30), now=NOW)
    other = add_application(store, learner="Anna Ozoliņa", submitter="Pēteris Ozoliņš")
    grant(store, REVIEWER, other, now=NOW)
    return store, app_id, reserved, other


@pytest.fixture
def desk_page(qtbot, school):
    store = school[0]
    tasks = TaskRunner()
    sync_calls: list[bool] = []
    watch = HandoverWatch(tasks, lambda hid: desk.handover_state(store, DESK, hid),
                          lambda hid: produce_act(store, DESK, hid, "Ģirts Ļaviņš"),
                          watch_sync=sync_calls.append, poll_ms=50)
    template = [TEMPLATE]
    services = desk_services(store, lambda: DESK, url_template=lambda: template[0])
    customer = CustomerScreen()
    page = DeskPage(tasks, services, watch, customer)
    printed: list[Path] = []
    page.print_file = lambda _parent, path: printed.append(path) or True
    page.full_screen.setChecked(False)
    page.setMinimumSize(600, 400)
    customer.setMinimumSize(400, 500)
    page.resize(1200, 700)
    qtbot.addWidget(page)
    qtbot.addWidget(customer)
    page.show()
    page.sync_calls, page.printed, page.template = sync_calls, printed, template
    yield page
    page.close()
    tasks.wait()


def _find(qtbot, page: DeskPage, text: str, rows: int) -> None:
    page.cases.search.setText(text)
    page.cases.reload()
    qtbot.waitUntil(lambda: page.cases.model.row_total() == rows, timeout=3000)


def test_models(qtmodeltester, desk_page, qtbot) -> None:
    _find(qtbot, desk_page, "", 2)
    qtmodeltester.check(desk_page.cases.model)
    qtmodeltester.check(desk_page.returns.model)
    qtmodeltester.check(desk_page.incidents.model)
    qtmodeltester.check(desk_page.overdue.model)


def test_a_scanned_label_finds_the_case_and_a_wrong_one_is_refused(qtbot, desk_page, school):
    store, app_id, reserved, _ = school
    _find(qtbot, desk_page, "RAVĢ-0042", 1)
    assert desk_page.cases.current().application_id == app_id
    assert desk_page.scan.text() == "RAVĢ-0042"  # the scan verifies the reserved item
    desk_page.scan.setText("RAVĢ-0043")
    desk_page.start_button.click()
    qtbot.waitUntil(lambda: desk_page.error.isVisibleTo(desk_page), timeout=3000)
    assert "Noskenēts cits resurss (RAVĢ-0043)" in desk_page.error.text()
    assert "RAVĢ-0042" in desk_page.error.text()
    assert desk_page.card is None and not desk_page.customer.isVisible()
    with store.read() as s:
        assert s.get(Handover, desk.find(store, DESK, "RAVĢ-0042")[0].handover_id
                     ).status is HandoverStatus.PREPARING  # type: ignore[union-attr]


def test_start_cancel_frees_the_item(qtbot, desk_page, school):
    store, app_id, reserved, _ = school
    _find(qtbot, desk_page, "zanis", 1)
    with qtbot.waitSignal(desk_page.customer.code.painted, timeout=3000):
        desk_page.start_button.click()
    qtbot.waitUntil(lambda: desk_page.card is not None, timeout=3000)
    assert desk_page.customer.isVisible()
    token = desk_page.card.receipt_token
    assert token and len(token) == 43  # issue 14: the code carries the handover's own token
    assert desk_page.customer.code.url == (
        f"{TEMPLATE.format(application_id=app_id)}?receipt={token}")
    labels = " ".join(lbl.text() for lbl in desk_page.customer.findChildren(QLabel))
    assert "Līga Ģērķe" in labels and "Žanis" not in labels and "Ozoliņ" not in labels
    assert "Gatavs izsniegšanai" in desk_page.status_text()
    assert desk_page.sync_calls == [True]
    desk_page.run_cancel("submitter_refused", None)
    qtbot.waitUntil(lambda: desk_page.card is None, timeout=3000)
    assert "atcelta" in desk_page.status_text()
    assert not desk_page.customer.isVisible() and desk_page.customer.code.url == ""
    assert desk_page.sync_calls == [True, False]
    with store.read() as s:
        assert s.get(Item, reserved).status is ItemStatus.AVAILABLE  # type: ignore[union-attr]


def test_confirmation_files_and_prints_the_act(qtbot, desk_page, school):
    store, app_id, reserved, _ = school
    _find(qtbot, desk_page, "ģērķis", 1)
    desk_page.start_button.click()
    qtbot.waitUntil(lambda: desk_page.card is not None, timeout=3000)
    handover_id = desk_page.card.handover_id
    with store.write() as s:  # what the pull writes when the applicant confirmed
        h = s.get(Handover, handover_id)
        h.status, h.issued_at = HandoverStatus.ISSUED, datetime.now(UTC)
        s.get(Item, reserved).status = ItemStatus.IN_USE
    qtbot.waitUntil(lambda: desk_page.act_path is not None, timeout=3000)
    assert desk_page.customer.confirmed
    assert "Izsniegts" in desk_page.status_text()
    text = PdfReader(desk_page.act_path).pages[0].extract_text()
    assert "Līga Ģērķe" in text and "Žanis Ģērķis" in text and "Ģirts Ļaviņš" in text
    desk_page.print_button.click()
    assert desk_page.printed == [desk_page.act_path]


def test_paper_act_while_waiting(qtbot, desk_page, school):
    _find(qtbot, desk_page, "zanis", 1)
    desk_page.start_button.click()
    qtbot.waitUntil(lambda: desk_page.paper_button.isEnabled(), timeout=3000)
    desk_page.paper_button.click()
    qtbot.waitUntil(lambda: desk_page.printed != [], timeout=3000)
    text = PdfReader(desk_page.printed[0]).pages[0].extract_text()
    assert "(paraksts, vārds, uzvārds)" in text and "Žanis Ģērķis" in text


def _offered(qtbot, page: DeskPage, rows: int) -> None:
    """The picker of a case without a reserved device has its devices in."""
    qtbot.waitUntil(lambda: page.items.model.rowCount() == rows, timeout=3000)


def test_no_item_reserved_needs_a_choice(qtbot, desk_page, school):
    _find(qtbot, desk_page, "ozolina", 1)
    _offered(qtbot, desk_page, 1)  # RAVĢ-0043 only
    assert desk_page.items.current_item_id() is None  # "Sākt" would issue a current one
    desk_page.start_button.click()
    assert "Noskenējiet vai izvēlieties" in desk_page.error.text()
    desk_page.items.table.selectRow(0)
    desk_page.start_button.click()
    qtbot.waitUntil(lambda: desk_page.card is not None, timeout=3000)
    assert desk_page.card.inventory_no == "RAVĢ-0043"


def _shown_cells(page: DeskPage, row: int) -> dict[str, str]:
    """Header → text of the picker's visible columns in ``row``."""
    table = page.items.table
    model = table.model()
    return {model.headerData(c, Qt.Orientation.Horizontal): model.index(row, c).data()
            for c in range(model.columnCount()) if not table.isColumnHidden(c)}


def test_the_desk_picker_describes_each_device(qtbot, desk_page, school):
    store = school[0]
    with store.write() as s:
        item = s.query(Item).filter(Item.inventory_no == "RAVĢ-0043").one()
        item.location = "Bibliotēka, 2. stāvs"
    _find(qtbot, desk_page, "ozolina", 1)
    _offered(qtbot, desk_page, 1)
    cells = _shown_cells(desk_page, 0)
    assert cells["Inventāra Nr."] == "RAVĢ-0043"
    assert cells["Ražotājs un modelis"] == "Lenovo ThinkPad E14"
    assert cells["Sērijas Nr."].startswith("SN")
    assert cells["Atrašanās vieta"] == "Bibliotēka, 2. stāvs"
    assert "Resursa veids" not in cells  # the application's kind, the same on every row
    model = desk_page.items.table.model()
    assert model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) == "Bibliotēka, 2. stāvs"


def test_a_scanned_ascii_label_preselects_the_device_in_the_picker(qtbot, desk_page, school):
    _find(qtbot, desk_page, "ozolina", 1)
    _offered(qtbot, desk_page, 1)
    desk_page.scan.setText("RAVG-0043")  # what an ASCII scanner types for "RAVĢ-0043"
    assert desk_page.items.current_choice().inventory_no == "RAVĢ-0043"
    desk_page.scan.setText("RAVG-0099")  # a device not offered: the picker claims none
    assert desk_page.items.current_item_id() is None


def test_a_label_scanned_before_the_devices_came_is_preselected(qtbot, desk_page, school):
    _find(qtbot, desk_page, "ozolina", 1)
    desk_page.scan.setText("ravg-0043")
    _offered(qtbot, desk_page, 1)
    qtbot.waitUntil(lambda: desk_page.items.current_item_id() is not None, timeout=3000)
    assert desk_page.items.current_choice().inventory_no == "RAVĢ-0043"


def test_type_ahead_and_enter_start_the_handover_with_that_device(qtbot, desk_page, school):
    store = school[0]
    add_item(store, inventory_no="RAVĢ-0044")
    _find(qtbot, desk_page, "ozolina", 1)
    _offered(qtbot, desk_page, 2)
    picker = desk_page.items
    qtbot.keyClicks(picker.filter_edit, "0044")
    assert picker.current_choice().inventory_no == "RAVĢ-0044"
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk_page.card is not None, timeout=3000)
    assert desk_page.card.inventory_no == "RAVĢ-0044"


def test_arrow_keys_pick_from_the_filter_field(qtbot, desk_page, school):
    store = school[0]
    add_item(store, inventory_no="RAVĢ-0044")
    _find(qtbot, desk_page, "ozolina", 1)
    _offered(qtbot, desk_page, 2)
    picker = desk_page.items
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Down)
    assert picker.current_choice().inventory_no == "RAVĢ-0044"
    qtbot.keyClick(picker.table, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: desk_page.card is not None, timeout=3000)
    assert desk_page.card.inventory_no == "RAVĢ-0044"


def test_a_device_picked_after_a_scan_replaces_the_scanned_number(qtbot, desk_page, school):
    _find(qtbot, desk_page, "ozolina", 1)
    _offered(qtbot, desk_page, 1)
    desk_page.scan.setText("RAVG-0099")  # not offered: the staff pick from the list instead
    desk_page.items.table.selectRow(0)
    assert desk_page.scan.text() == ""  # "Sākt" issues what is picked, not the number
    desk_page.start_button.click()
    qtbot.waitUntil(lambda: desk_page.card is not None, timeout=3000)
    assert desk_page.card.inventory_no == "RAVĢ-0043"


def test_a_reserved_device_is_checked_by_scan_without_the_picker(qtbot, desk_page, school):
    _find(qtbot, desk_page, "zanis", 1)
    assert not desk_page.items.isVisibleTo(desk_page)
    _find(qtbot, desk_page, "ozolina", 1)
    _offered(qtbot, desk_page, 1)
    assert desk_page.items.isVisibleTo(desk_page) and desk_page.items.isEnabled()


# 1366×768 at 125 %: the desk's page inside the maximised main window (beside the section
# list, under the title bar and the tool bar, over the status bar and the task bar), in
# logical pixels (tools/screenshots_desk.py draws it)
LAPTOP_DESK = (900, 500)
LAPTOP_NAVIGATION = 194  # the main window's section list left of the page
LAPTOP_AVAILABLE = QRect(0, 0, 1093, 584)  # the screen less a task bar


def test_the_picker_fits_beside_the_case_list_on_a_laptop(qtbot, desk_page, school):
    desk_page.setMinimumSize(0, 0)
    desk_page.signed_button.show()  # as in the app, which records acts signed on paper
    desk_page.resize(*LAPTOP_DESK)
    qtbot.waitUntil(lambda: desk_page.issue_box.width() < LAPTOP_DESK[0] // 2, timeout=3000)
    narrow = desk_page.issue_box.width()
    # on a laptop alone the applicant's window covers the list, and the panel stays in sight
    left = desk_page.issue_box.mapTo(desk_page, QPoint(0, 0)).x() + LAPTOP_NAVIGATION
    assert left > beside_geometry(LAPTOP_AVAILABLE).right()
    store = school[0]
    add_item(store, inventory_no="RAVĢ-2024-000102")
    add_item(store, inventory_no="RAVĢ-0045")
    with store.write() as s:
        for item in s.query(Item).filter(Item.status == ItemStatus.AVAILABLE):
            item.location = "Bibliotēka, 2. stāvs"
    _find(qtbot, desk_page, "ozolina", 1)
    _offered(qtbot, desk_page, 3)
    qtbot.waitUntil(lambda: desk_page.items.table.isVisible(), timeout=3000)
    table = desk_page.items.table
    assert set(_shown_cells(desk_page, 0)) == {
        "Inventāra Nr.", "Ražotājs un modelis", "Sērijas Nr.", "Atrašanās vieta"}
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()  # no sideways scrolling
    assert header.sectionSize(0) >= table.sizeHintForColumn(0)  # numbers in full, as labelled
    assert table.viewport().height() >= 3 * table.rowHeight(0)  # the devices in sight
    cases = desk_page.cases.table.horizontalHeader()  # the list keeps number and learner
    assert cases.sectionViewportPosition(1) + cases.sectionSize(1) <= cases.width()
    box = desk_page.issue_box
    assert box.minimumSizeHint().height() <= box.height()  # nothing squeezed or cut off
    assert box.width() > narrow  # the room the picker took from the list

    table.selectRow(0)
    desk_page.start_button.click()
    qtbot.waitUntil(lambda: not desk_page.items.isVisibleTo(desk_page), timeout=3000)
    # the room given back: on a laptop alone the applicant's window covers the list and
    # leaves the panel in sight
    assert abs(desk_page.issue_box.width() - narrow) <= 2


def test_a_bad_url_template_changes_nothing(qtbot, desk_page, school):
    store = school[0]
    desk_page.template[0] = "http://e.latvija.lv/{application_id}"
    _find(qtbot, desk_page, "zanis", 1)
    desk_page.start_button.click()
    assert "https://" in desk_page.error.text() and desk_page.card is None
    with store.read() as s:
        assert s.query(Handover).filter(Handover.status == "prepared").count() == 0


def test_return_with_damage_makes_a_return_act(qtbot, desk_page, school):
    store, app_id, reserved, _ = school
    handover_id = desk.start_handover(store, DESK, app_id).handover_id
    with store.write() as s:
        h = s.get(Handover, handover_id)
        h.status, h.issued_at = HandoverStatus.ISSUED, NOW
        s.get(Item, reserved).status = ItemStatus.IN_USE
    desk_page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: desk_page.returns.model.row_total() == 1, timeout=3000)
    desk_page.run_return(handover_id, "damaged", "Ieplaisājis ekrāns")
    qtbot.waitUntil(lambda: desk_page.return_act_path is not None, timeout=3000)
    qtbot.waitUntil(lambda: desk_page.returns.model.row_total() == 0, timeout=3000)
    text = PdfReader(desk_page.return_act_path).pages[0].extract_text()
    assert "Resursa atgriešanas akts" in text and "Ieplaisājis ekrāns" in text
    with store.read() as s:
        assert s.get(Item, reserved).status is ItemStatus.DAMAGED  # type: ignore[union-attr]
        assert s.get(Handover, handover_id).status is HandoverStatus.RETURNED  # type: ignore[union-attr]


def test_incidents_and_overdue_tabs(qtbot, desk_page, school):
    store = school[0]
    lost_app = add_application(store, status=ApplicationStatus.CONFIRMED,
                               learner="Marta Kalniņa", submitter="Ilze Kalniņa")
    late_app = add_application(store, status=ApplicationStatus.CONFIRMED,
                               learner="Oskars Vītols", submitter="Dace Vītola")
    lost_item = add_item(store, status=ItemStatus.IN_USE, inventory_no="RAVĢ-0100")
    lost = add_handover(store, lost_app, lost_item, HandoverStatus.LOST)
    late = add_handover(store, late_app, add_item(store, status=ItemStatus.IN_USE),
                        HandoverStatus.ISSUED)
    with store.write() as s:
        s.get(Handover, lost).incident_description = "Atstāts autobusā, neatradām"
        s.get(Handover, late).return_deadline = date.today() - timedelta(days=21)
    desk_page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: desk_page.incidents.model.row_total() == 1, timeout=3000)
    assert desk_page.incidents.description.toPlainText() == "Atstāts autobusā, neatradām"
    desk_page.incidents.run_acknowledge(lost)
    qtbot.waitUntil(lambda: desk_page.incidents.model.row_total() == 0, timeout=3000)
    assert desk_page.incidents.empty.isVisibleTo(desk_page.incidents)
    with store.read() as s:
        assert s.get(Item, lost_item).status is ItemStatus.LOST  # type: ignore[union-attr]
    desk_page.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: desk_page.overdue.model.row_total() == 1, timeout=3000)
    model = desk_page.overdue.model
    assert model.index(0, 1).data() == "Oskars Vītols"
    assert model.index(0, model.columnCount() - 1).data() == "21 diena"


class _Engine:
    """Counts syncs; as fast as a no-change sync."""

    def __init__(self) -> None:
        from sync.engine import Backoff

        self.calls = 0
        self.backoff = Backoff()

    def sync_once(self):
        from sync.engine import SyncReport

        self.calls += 1
        return SyncReport()


def test_sync_controller_watch_syncs_every_second_while_watched(qtbot) -> None:
    from desktop.syncing import SyncController

    tasks = TaskRunner()
    engine = _Engine()
    sync = SyncController(tasks, engine, interval_s=600)
    with qtbot.waitSignal(sync.synced, timeout=3000):
        sync.watch(True, interval_ms=30)
    assert sync.watching and engine.calls == 1
    sync.watch(True, interval_ms=30)  # a second watcher nests
    qtbot.waitUntil(lambda: engine.calls >= 4, timeout=3000)
    sync.watch(False)
    assert sync.watching
    sync.watch(False)
    assert not sync.watching
    # At most the sync already running (or the one already due) finishes; the next one is
    # then set 600 s away. Read off the controller's timer rather than waited for.
    (timer,) = sync.findChildren(QTimer)
    qtbot.waitUntil(lambda: timer.isActive() and timer.interval() == 600_000, timeout=3000)
    settled = engine.calls
    tasks.wait()
    deliver_queued()
    assert engine.calls == settled and timer.interval() == 600_000
    sync.stop()
    tasks.wait()


def test_print_pages_draws_the_act_onto_a_printer(qtbot, tmp_path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from desktop.documents.acts import ActData, handover_act_pdf
    from desktop.views.desk_print import print_pages

    act = tmp_path / "akts.pdf"
    act.write_bytes(handover_act_pdf(ActData(
        act_number="P-2026-000001-A1", application_number="P-2026-000001",
        school_name="Rīgas Āgenskalna Valsts ģimnāzija", school_address=None,
        applicant_name="Līga Ģērķe", applicant_role="Vecāks vai aizbildnis",
        learner_name="Žanis Ģērķis", learner_class="7.b", resource="Planšetdators",
        inventory_no="RAVĢ-0001", serial_no=None, model=None, act_date=date(2026, 9, 3))))
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pages(printer, act) == 1
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == 1
    # the page was drawn as an image: the printout carries one large picture
    images = printed.pages[0].images
    assert len(images) == 1 and images[0].image.width > 1000


def test_watch_says_when_the_act_cannot_be_made(qtbot, school) -> None:
    store, app_id, _, _ = school
    card = desk.start_handover(store, DESK, app_id)
    with store.write() as s:
        s.get(Handover, card.handover_id).status = HandoverStatus.ISSUED
    tasks = TaskRunner()

    def broken(_hid: str) -> Path:
        raise OSError("disk full")

    watch = HandoverWatch(tasks, lambda hid: desk.handover_state(store, DESK, hid), broken,
                          poll_ms=50)
    with qtbot.waitSignal(watch.failed, timeout=3000) as failed:
        watch.start(card.handover_id)
    assert "papīra aktu" in failed.args[0] and "OSError" in failed.args[0]
    assert not watch.active
    tasks.wait()


def test_watch_drops_news_of_a_handover_it_no_longer_watches(qtbot, school) -> None:
    store, app_id, _, _ = school
    first = desk.start_handover(store, DESK, app_id)
    tasks = TaskRunner()
    seen: list[object] = []
    watch = HandoverWatch(tasks, lambda hid: desk.handover_state(store, DESK, hid),
                          lambda hid: Path(hid), poll_ms=10_000)
    watch.status_changed.connect(seen.append)
    watch.start(first.handover_id)
    watch.stop()  # the desk moved on before the first read came back
    tasks.wait()
    deliver_queued()
    assert tasks.pending == 0  # the read came back ...
    assert seen == []  # ... and was dropped


def test_watch_drops_the_act_of_a_handover_the_desk_left_meanwhile(qtbot, school) -> None:
    """The act is being made when the desk moves on to the next applicant: neither the act
    nor a failure to make it reaches the desk, which may already show another handover."""
    import threading

    store, app_id, _, _ = school
    card = desk.start_handover(store, DESK, app_id)
    with store.write() as s:
        s.get(Handover, card.handover_id).status = HandoverStatus.ISSUED
    tasks = TaskRunner()
    release = threading.Event()
    outcomes = iter([Path("akts.pdf"), OSError("disk full")])

    def produce(_hid: str) -> Path:
        release.wait(5)
        outcome = next(outcomes)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    watch = HandoverWatch(tasks, lambda hid: desk.handover_state(store, DESK, hid), produce,
                          poll_ms=10_000)
    heard: list[object] = []
    watch.issued.connect(heard.append)
    watch.failed.connect(heard.append)
    for _ in range(2):  # the act made, then the act failing
        with qtbot.waitSignal(watch.status_changed, timeout=3000):
            watch.start(card.handover_id)
        watch.stop()  # "Nākamais iesniedzējs" while the act is being made
        release.set()
        tasks.wait()
        deliver_queued()
        release.clear()
    assert heard == []


def test_take_back_ticks_off_the_kinds_checklist_and_the_act_lists_the_missing_charger(
        qtbot, desk_page, school, monkeypatch):
    """Issue 13: the desk passes the kind's checklist into the return dialog."""
    from desktop.models import kind_checklists
    from desktop.models.codes import ReturnGrade
    from desktop.views.return_dialog import ReturnDialog
    from factories import ADMIN

    store, app_id, reserved, _ = school
    kind_checklists.set_check_in_checklist(store, ADMIN, "ok-win", ["Lādētājs", "Soma"])
    handover_id = desk.start_handover(store, DESK, app_id).handover_id
    with store.write() as s:
        h = s.get(Handover, handover_id)
        h.status, h.issued_at = HandoverStatus.ISSUED, NOW
        s.get(Item, reserved).status = ItemStatus.IN_USE
    shown: list[list[str]] = []

    def exec_(dialog: ReturnDialog) -> int:
        shown.append([box.text() for box in dialog.items])
        dialog.items[1].setChecked(True)
        dialog.grades[ReturnGrade.GOOD].setChecked(True)
        dialog.notes.setPlainText("Lādētājs palika mājās")
        return ReturnDialog.DialogCode.Accepted

    monkeypatch.setattr(ReturnDialog, "exec", exec_)
    desk_page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: desk_page.returns.model.row_total() == 1, timeout=3000)
    desk_page.returns.table.selectRow(0)
    desk_page.take_back()
    qtbot.waitUntil(lambda: desk_page.return_act_path is not None, timeout=3000)
    assert shown == [["Lādētājs", "Soma"]]
    text = PdfReader(desk_page.return_act_path).pages[0].extract_text()
    assert "Trūkst" in text and "Lādētājs" in text and "Labs" in text
    with store.read() as s:
        h = s.get(Handover, handover_id)
        assert h.return_grade is ReturnGrade.GOOD
        assert h.return_checklist == [{"name": "Lādētājs", "returned": False},
                                      {"name": "Soma", "returned": True}]
