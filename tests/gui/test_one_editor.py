"""One item editor per item, whatever opens it (issue 13): a double-click used to open two
(the view's ``doubleClicked`` and ``activated`` were both connected), and either one could
overwrite the other's save."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from desktop.models.codes import ItemStatus
from desktop.models.store import Store
from desktop.tasks import TaskRunner
from desktop.views.catalogue_page import CataloguePage
from desktop.views.item_editor import ItemEditor
from factories import ADMIN, SCHOOL, add_item, seed_catalogue
from tools.screenshots_catalogue import build_services

# The offscreen platform cannot raise a window; it says so each time an open editor is raised.
pytestmark = pytest.mark.qt_log_ignore("does not support raise")


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture
def school(store: Store) -> Store:
    seed_catalogue(store)
    for n in range(1, 4):
        add_item(store, status=ItemStatus.AVAILABLE, inventory_no=f"RĀVĢ-{n:04d}")
    return store


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


def make_page(qtbot, tasks: TaskRunner, store: Store) -> CataloguePage:
    page = CataloguePage(tasks, build_services(store, SCHOOL, lambda: ADMIN),  # type: ignore[arg-type]
                         can_edit=True)
    page.resize(1200, 700)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: tasks.pending == 0 and page.items_model.rowCount() == 3)
    return page


def double_click(widget: QWidget, at: QPoint) -> None:
    """What a mouse sends: a click, then the second press as a double-click (Qt 6's
    mouseDClick alone sends no first press, which item views need to see)."""
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=at)
    QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=at)


def open_editors(page: CataloguePage) -> list[ItemEditor]:
    return [e for e in page.findChildren(ItemEditor) if e.isVisible()]


def test_a_double_click_opens_one_editor_and_activating_again_raises_it(
        qtbot, tasks: TaskRunner, school: Store) -> None:
    page = make_page(qtbot, tasks, school)
    row = page.items_model.row_at(1)
    rect = page.items.visualRect(page.items_model.index(1, 0))
    double_click(page.items.viewport(), rect.center())
    qtbot.waitUntil(lambda: bool(open_editors(page)))
    qtbot.waitUntil(lambda: tasks.pending == 0)
    editors = open_editors(page)
    assert len(editors) == 1
    first = editors[0]
    assert first.inventory_no.text() == row.inventory_no

    # the same row again: Enter on the list, another double-click, the Open button
    page.items.setFocus()
    QTest.keyClick(page.items, Qt.Key.Key_Return)
    double_click(page.items.viewport(), rect.center())
    page.edit_button.click()
    qtbot.waitUntil(lambda: tasks.pending == 0)
    assert open_editors(page) == [first]
    assert page.editor is first


def test_the_same_item_from_elsewhere_raises_its_editor(qtbot, tasks: TaskRunner,
                                                        school: Store) -> None:
    page = make_page(qtbot, tasks, school)
    row = page.items_model.row_at(0)
    first = page.open_editor(row)
    first.inventory_no.setText("RĀVĢ-0001-labots")  # typed, not saved: must not be lost
    page.open_item(row.id)  # as the desk or another section would ask
    qtbot.waitUntil(lambda: tasks.pending == 0)
    page.show_item_by_number(row.inventory_no)  # a scanned label
    qtbot.waitUntil(lambda: tasks.pending == 0)
    assert open_editors(page) == [first]
    assert first.inventory_no.text() == "RĀVĢ-0001-labots"

    other = page.open_editor(page.items_model.row_at(2))  # another item: its own editor
    assert other is not first and len(open_editors(page)) == 2
    first.close()
    qtbot.waitUntil(lambda: open_editors(page) == [other])
    again = page.open_editor(row)  # closed, so a fresh one with the stored values
    assert again is not first and again.inventory_no.text() == "RĀVĢ-0001"


def test_one_new_item_editor_at_a_time(qtbot, tasks: TaskRunner, school: Store) -> None:
    page = make_page(qtbot, tasks, school)
    page.new_button.click()
    page.new_button.click()
    assert len(open_editors(page)) == 1
