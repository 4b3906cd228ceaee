"""Who holds each device, on screen (issue 13): the inventory list shows the holder and the
return deadline (a reservation set apart, an overdue deadline in red), sorts and searches by
holder, and opens the holder's application; the item editor shows the holder with a link to
the application and every handover of the item, newest first."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date

import pytest
from lending import lend
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.changes import ChangeBus
from desktop.models.changes import OpChanges
from desktop.models.codes import HandoverStatus, ItemStatus, ReturnCondition
from desktop.models.store import Store
from desktop.tasks import TaskRunner
from desktop.views.catalogue_models import ApplicationIdRole, ItemsModel
from desktop.views.catalogue_page import CataloguePage
from desktop.views.item_editor import ItemEditor
from factories import ADMIN, SCHOOL, add_item, seed_catalogue
from qt_helpers import type_text
from tools.screenshots_custody import build_services

TODAY = date(2026, 11, 15)

pytestmark = pytest.mark.qt_log_ignore("does not support raise")


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture
def school(store: Store) -> dict[str, object]:
    """Four laptops: one free (lent and returned before), one issued to Jānis (with a past
    handover), one reserved for Ērika, one overdue with Žanis."""
    seed_catalogue(store)
    free = add_item(store, inventory_no="RĀVĢ-0001")
    lent = add_item(store, status=ItemStatus.IN_USE, inventory_no="RĀVĢ-0002")
    reserved = add_item(store, status=ItemStatus.RESERVED, inventory_no="RĀVĢ-0003")
    late = add_item(store, status=ItemStatus.IN_USE, inventory_no="RĀVĢ-0004")
    before, _ = lend(store, free, learner="Pēteris Ozoliņš", learner_class="11.a",
                     created="2025-09-01", issued="2025-09-01", returned="2026-05-29",
                     condition=ReturnCondition.RETURNED_WORKING_ORDER)
    past, _ = lend(store, lent, learner="Marta Šķēle", learner_class="6.c",
                   created="2024-09-02", issued="2024-09-02", returned="2025-06-10",
                   condition=ReturnCondition.DAMAGED)
    jānis, _ = lend(store, lent, learner="Jānis Bērziņš", learner_class="7.b",
                    created="2026-09-01", issued="2026-09-03", deadline=date(2027, 5, 31))
    ērika, _ = lend(store, reserved, learner="Ērika Ķēniņa", learner_class="9.a",
                    status=HandoverStatus.PREPARED, created="2026-11-10",
                    deadline=date(2027, 5, 31), act=False)
    žanis, _ = lend(store, late, learner="Žanis Ģērķis", learner_class="12.a",
                    created="2025-09-01", issued="2025-09-01", deadline=date(2026, 10, 1))
    return {"store": store, "free": free, "lent": lent, "reserved": reserved, "late": late,
            "before": before, "past": past, "jānis": jānis, "ērika": ērika,
            "žanis": žanis}


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


def make_page(qtbot, tasks: TaskRunner, store: Store, **kwargs: object) -> CataloguePage:
    page = CataloguePage(tasks, build_services(store, SCHOOL, lambda: ADMIN),  # type: ignore[arg-type]
                         can_edit=True, today=lambda: TODAY, **kwargs)
    page.resize(1300, 700)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: tasks.pending == 0 and page.items_model.rowCount() == 4)
    return page


def column(model: ItemsModel, key: str) -> int:
    return [c[0] for c in model.columns].index(key)


def cells(model: ItemsModel, key: str, role: int = Qt.ItemDataRole.DisplayRole) -> list:
    return [model.index(r, column(model, key)).data(role) for r in range(model.rowCount())]


def open_editor(qtbot, tasks: TaskRunner, page: CataloguePage, item_id: str) -> ItemEditor:
    editor = page.open_editor(page.items_model.row_at(page.items_model.row_of(item_id)))
    qtbot.waitUntil(lambda: tasks.pending == 0 and editor.custody is not None)
    return editor


def test_the_list_shows_who_holds_each_device(qtbot, qtmodeltester, tasks: TaskRunner,
                                              school: dict) -> None:
    page = make_page(qtbot, tasks, school["store"])
    model = page.items_model
    qtmodeltester.check(model)
    assert cells(model, "holder") == ["", "Jānis Bērziņš, 7.b", "Ērika Ķēniņa, 9.a (rezervēts)",
                                      "Žanis Ģērķis, 12.a"]
    assert cells(model, "deadline") == ["", "31.05.2027", "31.05.2027", "01.10.2026"]
    assert cells(model, "holder", ApplicationIdRole) == [
        None, school["jānis"], school["ērika"], school["žanis"]]
    # a reservation reads differently from a device out on loan: in words and in grey italics
    fonts = cells(model, "holder", Qt.ItemDataRole.FontRole)
    assert fonts[1] is None and fonts[2].italic()
    assert cells(model, "holder", Qt.ItemDataRole.ForegroundRole)[2].color().name() == "#5f6368"
    tips = cells(model, "holder", Qt.ItemDataRole.ToolTipRole)
    number = f"P-2026-{school['jānis']:06d}"
    assert tips[1] == (f"Izsniegts 03.09.2026\nPieteikums {number}\nAkts Nr. {number}-A1\n"
                       "Jāatgriež līdz 31.05.2027")
    assert tips[2] == (f"Rezervēts kopš 10.11.2026 (gatavs izsniegšanai); vēl nav izsniegts\n"
                       f"Pieteikums P-2026-{school['ērika']:06d}\nJāatgriež līdz 31.05.2027")
    # only the deadline that has passed is red and says so (a reservation is never late)
    late = cells(model, "deadline", Qt.ItemDataRole.ForegroundRole)
    assert late[3].color().name() == "#b3261e" and late[1] is None
    assert cells(model, "deadline", Qt.ItemDataRole.FontRole)[3].bold()
    assert cells(model, "deadline", Qt.ItemDataRole.ToolTipRole)[3] == (
        "Atgriešanas termiņš ir nokavēts")


def test_sorting_by_holder_keeps_the_selection(qtbot, tasks: TaskRunner,
                                               school: dict) -> None:
    page = make_page(qtbot, tasks, school["store"])
    model = page.items_model
    page.items.selectRow(model.row_of(school["lent"]))
    page.items.sortByColumn(column(model, "holder"), Qt.SortOrder.AscendingOrder)
    # Latvian order (Ē with E, Ž after Z); nobody's last
    assert cells(model, "inventory_no") == ["RĀVĢ-0003", "RĀVĢ-0002", "RĀVĢ-0004",
                                            "RĀVĢ-0001"]
    assert page.selected_item_ids() == [school["lent"]]
    assert model.row_at(page.items.currentIndex().row()).id == school["lent"]
    page.items.sortByColumn(column(model, "holder"), Qt.SortOrder.DescendingOrder)
    assert cells(model, "inventory_no") == ["RĀVĢ-0004", "RĀVĢ-0002", "RĀVĢ-0003",
                                            "RĀVĢ-0001"]
    page.items.sortByColumn(column(model, "deadline"), Qt.SortOrder.AscendingOrder)
    assert cells(model, "inventory_no")[0] == "RĀVĢ-0004"  # the overdue one first
    page.reload_items()  # a reload keeps the order chosen
    qtbot.waitUntil(lambda: tasks.pending == 0)
    assert cells(model, "inventory_no")[0] == "RĀVĢ-0004"
    page.items.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # back to the query's order
    assert cells(model, "inventory_no") == ["RĀVĢ-0001", "RĀVĢ-0002", "RĀVĢ-0003",
                                            "RĀVĢ-0004"]


def test_the_search_finds_a_device_by_its_holder(qtbot, tasks: TaskRunner,
                                                 school: dict) -> None:
    page = make_page(qtbot, tasks, school["store"])
    page.search.setFocus()
    type_text(page.search, "ķēniņa")
    qtbot.waitUntil(lambda: page.items_model.rowCount() == 1, timeout=5000)
    assert page.items_model.row_at(0).id == school["reserved"]


def test_the_holders_application_opens_from_the_list(qtbot, tasks: TaskRunner,
                                                     school: dict) -> None:
    page = make_page(qtbot, tasks, school["store"])
    page.items.selectRow(page.items_model.row_of(school["free"]))
    assert not page.application_button.isEnabled()
    page.items.selectRow(page.items_model.row_of(school["late"]))
    assert page.application_button.isEnabled()
    assert page.application_button.toolTip() == (
        f"Pieteikums P-2026-{school['žanis']:06d}: Žanis Ģērķis")
    with qtbot.waitSignal(page.open_application) as opened:
        page.application_button.click()
    assert opened.args == [school["žanis"]]


def test_the_editor_shows_the_holder_and_every_handover(qtbot, tasks: TaskRunner,
                                                        school: dict) -> None:
    page = make_page(qtbot, tasks, school["store"])
    editor = open_editor(qtbot, tasks, page, school["lent"])
    number = f"P-2026-{school['jānis']:06d}"
    text = editor.holder_label.text()
    for part in ("Izsniegts", "<b>Jānis Bērziņš</b>, 7.b klase", "kopš 03.09.2026",
                 "jāatgriež līdz 31.05.2027", f"akts Nr. {number}-A1",
                 f"<a href='application:{school['jānis']}'>{number}</a>"):
        assert part in text
    assert "nokavēts" not in text
    model = editor.handovers_model
    assert editor.history_tabs.tabText(0) == "Izsniegšanas vēsture (2)"
    rows = [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]
    past = f"P-2026-{school['past']:06d}"
    assert rows == [
        [number, "Jānis Bērziņš, 7.b", "03.09.2026", "", "Izsniegts", f"{number}-A1"],
        [past, "Marta Šķēle, 6.c", "02.09.2024", "10.06.2025", "Bojāts", f"{past}-A1"],
    ]
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()  # the holder's
    # the link, and Enter on a past handover, open that application
    with qtbot.waitSignal(page.open_application) as opened:
        editor.holder_label.linkActivated.emit(f"application:{school['jānis']}")
    assert opened.args == [school["jānis"]]
    editor.history_tabs.setCurrentIndex(0)
    editor.handovers.setCurrentIndex(model.index(1, 0))
    with qtbot.waitSignal(page.open_application) as opened:
        QTest.keyClick(editor.handovers, Qt.Key.Key_Return)
    assert opened.args == [school["past"]]


def test_the_editor_says_reserved_late_or_nobody(qtbot, tasks: TaskRunner,
                                                 school: dict) -> None:
    page = make_page(qtbot, tasks, school["store"])
    reserved = open_editor(qtbot, tasks, page, school["reserved"])
    text = reserved.holder_label.text()
    assert "Rezervēts" in text and "<b>Ērika Ķēniņa</b>, 9.a klase" in text
    assert "kopš 10.11.2026" in text and "gatavs izsniegšanai, vēl nav izsniegts" in text
    assert "akts" not in text and "nokavēts" not in text
    late = open_editor(qtbot, tasks, page, school["late"])
    assert "jāatgriež līdz 01.10.2026 (nokavēts)" in late.holder_label.text()
    free = open_editor(qtbot, tasks, page, school["free"])
    assert "nav ne izsniegts, ne rezervēts" in free.holder_label.text()
    assert free.handovers_model.rowCount() == 1
    assert free.handovers_model.index(0, 4).data() == "Darba kārtībā"


def test_an_open_editor_follows_a_handover_made_elsewhere(qtbot, tasks: TaskRunner,
                                                          school: dict) -> None:
    bus = ChangeBus()
    page = make_page(qtbot, tasks, school["store"], changes=bus)
    editor = open_editor(qtbot, tasks, page, school["free"])
    app_id, handover_id = lend(school["store"], school["free"], learner="Anna Vītola",
                               learner_class="5.a", status=HandoverStatus.PREPARING,
                               created="2026-11-14")
    bus.publish(OpChanges.of(handovers=[handover_id], applications=[app_id]), object())
    qtbot.waitUntil(lambda: "Anna Vītola" in editor.holder_label.text(), timeout=5000)
    assert "Rezervēts" in editor.holder_label.text()
    qtbot.waitUntil(lambda: cells(page.items_model, "holder")[0] == "Anna Vītola, 5.a "
                    "(rezervēts)", timeout=5000)
