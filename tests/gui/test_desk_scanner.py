"""Every label of the demo catalogue, scanned by a scanner that types ASCII only, finds its
device at the desk: the label sheet is printed and its QR codes decoded, and each decoded text
is typed key by key into the desk's fields, then Enter, as a keyboard-mode scanner does.

Cases whose device is reserved are found in the issue tab's search box, issued devices in the
return tab's, and every other device through the scan field of a case being served (found:
the answer names the device; only an unknown number is "nav atrasts")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.desk import HandoverWatch, desk_services, produce_act
from desktop.documents.labels import Label, label_sheet_pdf
from desktop.models import desk
from desktop.models.codes import ApplicationStatus, HandoverStatus, ItemStatus
from desktop.models.errors import InputError
from desktop.models.scan_codes import scan_code
from desktop.models.schema import Application, Handover, Institution, Item
from desktop.models.store import Store, open_store
from desktop.tasks import TaskRunner
from desktop.views.customer_screen import CustomerScreen
from desktop.views.desk_page import DeskPage
from factories import DESK, SCHOOL
from pdf_render import render_pages
from sync.devserver.sample_data import seed
from sync.devserver.seeding import DEMO_APPLICATIONS

TEMPLATE = "https://e.latvija.lv/resursi/pieteikumi/{application_id}"
LIVE = (HandoverStatus.PREPARING, HandoverStatus.PREPARED, HandoverStatus.ISSUED)


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "data"
    seed(folder, DEMO_APPLICATIONS)
    return folder


@pytest.fixture
def demo(demo_folder: Path, tmp_path: Path) -> Iterator[Store]:
    """A fresh copy of the demo store for each test (the scans change it)."""
    copy = tmp_path / "data"
    copy.mkdir()
    for path in demo_folder.iterdir():
        if path.is_file():
            (copy / path.name).write_bytes(path.read_bytes())
    store = open_store(copy)
    yield store
    store.close()


@pytest.fixture
def page(qtbot: Any, demo: Store) -> Iterator[DeskPage]:
    tasks = TaskRunner()
    watch = HandoverWatch(tasks, lambda hid: desk.handover_state(demo, DESK, hid),
                          lambda hid: produce_act(demo, DESK, hid, "Ģirts Ļaviņš"),
                          watch_sync=lambda _wait: None, poll_ms=50)
    services = desk_services(demo, lambda: DESK, url_template=lambda: TEMPLATE)
    customer = CustomerScreen()
    desk_page = DeskPage(tasks, services, watch, customer)
    desk_page.print_file = lambda _parent, _path: True
    desk_page.full_screen.setChecked(False)
    desk_page.resize(1200, 700)
    qtbot.addWidget(desk_page)
    qtbot.addWidget(customer)
    desk_page.show()
    yield desk_page
    desk_page.close()
    tasks.wait()


def _scanned_labels(store: Store) -> dict[str, Item]:
    """What a scanner reads off each of the school's printed labels → the labelled item."""
    with store.read() as s:
        school = s.get(Institution, SCHOOL)
        assert school is not None
        items = list(s.scalars(select(Item).where(Item.institution_id == SCHOOL)
                               .order_by(Item.inventory_no)))
        s.expunge_all()
    pdf = label_sheet_pdf([Label(i.inventory_no, school.name) for i in items], "3x8")
    decoded = [r.text for page in render_pages(pdf, dpi=150)
               for r in zxingcpp.read_barcodes(page, formats=zxingcpp.BarcodeFormat.QRCode)]
    assert len(decoded) == len(items) > 0
    assert all(text.isascii() for text in decoded)  # what any scanner can type
    assert any(i.inventory_no != i.inventory_no.encode("ascii", "ignore").decode()
               for i in items), "the demo's numbers carry Latvian letters"
    by_code = {scan_code(i.inventory_no): i for i in items}
    assert len(by_code) == len(items)  # no two labels read alike
    assert sorted(decoded) == sorted(by_code)
    return {text: by_code[text] for text in decoded}


def _live_cases(store: Store) -> dict[str, tuple[int, HandoverStatus]]:
    """item id → (application, handover status) for the school's reserved and issued items."""
    with store.read() as s:
        rows = s.execute(
            select(Handover.item_id, Application.id, Handover.status)
            .join(Application, Application.id == Handover.application_id)
            .where(Application.institution_id == SCHOOL,
                   Application.status == ApplicationStatus.CONFIRMED,
                   Handover.status.in_([h.value for h in LIVE]),
                   Handover.item_id.is_not(None))).all()
    return {item_id: (app_id, status) for item_id, app_id, status in rows}


def _served_cases(store: Store) -> list[tuple[int, str]]:
    """(id, number) of confirmed applications with no device yet: cases at the counter."""
    with store.read() as s:
        busy = select(Handover.application_id).where(
            Handover.status != HandoverStatus.CANCELLED.value)
        cases = s.execute(select(Application.id, Application.number).where(
            Application.institution_id == SCHOOL,
            Application.status == ApplicationStatus.CONFIRMED,
            Application.id.not_in(busy)).order_by(Application.number)).all()
    assert cases
    return [(app_id, number) for app_id, number in cases]


def _served_case(store: Store) -> str:
    return _served_cases(store)[0][1]


def _reserve_one(store: Store) -> None:
    """Make one device ready for issue (the demo at its size has none waiting)."""
    with store.read() as s:
        free = list(s.scalars(select(Item.inventory_no).where(
            Item.institution_id == SCHOOL, Item.status == ItemStatus.AVAILABLE)))
    for app_id, _ in _served_cases(store):
        for number in free:
            try:
                desk.start_handover(store, DESK, app_id, inventory_no=number)
            except InputError:
                continue  # the grant rule wants another kind
            return
    raise AssertionError("no available device fits any case")


def _serve(qtbot: Any, page: DeskPage, store: Store) -> None:
    """Find a case without a device and wait until the desk shows it (not the case selected
    before the search: a scan into the desk's field would go to that one)."""
    number = _served_case(store)
    _scan_into(qtbot, page.cases.search, number)
    qtbot.waitUntil(lambda: page.cases.current() is not None
                    and page.cases.current().number == number, timeout=3000)


def _scan_into(qtbot: Any, field: Any, text: str) -> None:
    """The scanner's keystrokes: the characters, then Enter."""
    field.clear()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _listed(search_list: Any) -> list[int]:
    return [row.application_id for row in search_list.model.rows()]


def test_every_demo_label_typed_by_an_ascii_scanner_finds_its_item(
    qtbot: Any, page: DeskPage, demo: Store
) -> None:
    _reserve_one(demo)
    labels = _scanned_labels(demo)
    live = _live_cases(demo)
    to_issue = {t: i for t, i in labels.items() if live.get(i.id, (0, None))[1]
                in (HandoverStatus.PREPARING, HandoverStatus.PREPARED)}
    issued = {t: i for t, i in labels.items() if live.get(i.id, (0, None))[1]
              is HandoverStatus.ISSUED}
    others = {t: i for t, i in labels.items() if i.id not in live}
    assert to_issue and issued and others

    for text, item in to_issue.items():
        _scan_into(qtbot, page.cases.search, text)
        qtbot.waitUntil(lambda item=item: _listed(page.cases) == [live[item.id][0]],
                        timeout=3000)
        assert page.cases.current().inventory_no == item.inventory_no

    page.tabs.setCurrentWidget(page.return_tab)
    for text, item in issued.items():
        _scan_into(qtbot, page.returns.search, text)
        qtbot.waitUntil(lambda item=item: _listed(page.returns) == [live[item.id][0]],
                        timeout=3000)

    page.tabs.setCurrentWidget(page.issue_tab)
    _serve(qtbot, page, demo)
    for text, item in others.items():
        before = page.card
        _scan_into(qtbot, page.scan, text)
        qtbot.waitUntil(lambda before=before: page.error.isVisibleTo(page)
                        or page.card is not before, timeout=3000)
        if page.error.isVisibleTo(page):
            answer = page.error.text()
            assert "nav atrasts" not in answer, (text, answer)
            assert item.inventory_no in answer, (text, answer)  # the device, found by name
        else:
            with demo.read() as s:
                handover = s.get(Handover, page.card.handover_id)  # type: ignore[union-attr]
                assert handover is not None and handover.item_id == item.id


def test_an_unknown_code_is_still_not_found(qtbot: Any, page: DeskPage, demo: Store) -> None:
    _serve(qtbot, page, demo)
    _scan_into(qtbot, page.scan, "RAVG-1999-999999")
    qtbot.waitUntil(lambda: page.error.isVisibleTo(page), timeout=3000)
    assert "RAVG-1999-999999 nav atrasts" in page.error.text()


def test_a_scanned_ascii_label_of_the_reserved_item_fills_the_scan_field(
    qtbot: Any, page: DeskPage, demo: Store
) -> None:
    _reserve_one(demo)
    labels = _scanned_labels(demo)
    live = _live_cases(demo)
    text, item = next((t, i) for t, i in labels.items() if live.get(i.id, (0, None))[1]
                      in (HandoverStatus.PREPARING, HandoverStatus.PREPARED))
    _scan_into(qtbot, page.cases.search, text)
    qtbot.waitUntil(lambda: _listed(page.cases) == [live[item.id][0]], timeout=3000)
    assert page.scan.text() == item.inventory_no  # the reserved device verified at once
