"""The Applications section on a school laptop (issue 16): 1366×768 at 125 % is 1093×614
logical pixels. The inbox shows number, learner, class, kind and status without scrolling
sideways; the detail scrolls inside itself and never gets wider than its pane."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea

from bench.seed import seed
from desktop.app import Application
from desktop.models.details import application_detail
from desktop.models.store import open_store
from desktop.tasks import TaskRunner
from desktop.views.detail_page import ApplicationDetailView
from desktop.views.inbox_model import COLUMNS
from factories import SCHOOL

LAPTOP = (1093, 614)  # 1366×768 at QT_SCALE_FACTOR=1.25, in logical pixels
DETAIL_LEAST = 440  # the detail pane's minimum width beside the inbox (desktop/app.py)
ESSENTIAL = ("number", "learner_name", "learner_class", "kind_label", "status")


@pytest.fixture
def laptop_app(qtbot, qapp, tmp_path: Path):
    seed(tmp_path / "data", 40)
    app = Application(qapp, open_store(tmp_path / "data"))
    qtbot.addWidget(app.window)
    app.window.resize(*LAPTOP)
    with qtbot.waitSignal(app.inbox.loaded, timeout=15000):
        app.start()
    qtbot.waitExposed(app.window)
    QApplication.processEvents()
    yield app
    app.window.close()
    app.shutdown()


def _in_sight(app: Application, key: str) -> bool:
    table = app.inbox.table
    column = [c[0] for c in COLUMNS].index(key)
    left = table.columnViewportPosition(column)
    return (not table.isColumnHidden(column) and left >= 0
            and left + table.columnWidth(column) <= table.viewport().width())


def test_the_status_column_is_wholly_in_sight_on_a_school_laptop(laptop_app) -> None:
    table = laptop_app.inbox.table
    status = [c[0] for c in COLUMNS].index("status")
    rect = table.visualRect(table.model().index(0, status))
    assert table.viewport().rect().contains(rect), (rect, table.viewport().rect())
    for key in ESSENTIAL:
        assert _in_sight(laptop_app, key), key
    assert table.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways to


def test_the_learner_column_takes_what_is_left(qtbot, laptop_app) -> None:
    """A wider window widens the learner's column, and the columns left out come back."""
    table = laptop_app.inbox.table
    learner = [c[0] for c in COLUMNS].index("learner_name")
    narrow = table.columnWidth(learner)
    hidden = sum(table.isColumnHidden(c) for c in range(len(COLUMNS)))
    laptop_app.window.resize(1900, 1000)
    qtbot.waitUntil(lambda: table.columnWidth(learner) > narrow
                    or sum(table.isColumnHidden(c) for c in range(len(COLUMNS))) < hidden)
    for key in ESSENTIAL:
        assert _in_sight(laptop_app, key), key
    assert table.horizontalScrollBar().maximum() == 0


def test_dragging_the_splitter_keeps_both_panes_in_the_window(qtbot, laptop_app) -> None:
    splitter = laptop_app._applications
    assert not splitter.childrenCollapsible()
    window = laptop_app.window
    for position in (10_000, 0):  # as far right, then as far left, as the handle goes
        splitter.moveSplitter(position, 1)
        QApplication.processEvents()
        for pane in (laptop_app.inbox, laptop_app.detail):
            assert pane.width() > 0
            right = pane.mapTo(window, pane.rect().topRight()).x()
            assert right <= window.width(), (pane, right, window.width())
        for key in ESSENTIAL:  # never pushed out of the inbox's own viewport either
            assert _in_sight(laptop_app, key) or position == 0, key


def test_the_detail_scrolls_inside_itself_at_its_narrowest(qtbot, store) -> None:
    """Two status pills and the sync state never make the detail wider than its pane: the
    header wraps, the pane scrolls up and down only."""
    from datetime import date

    from desktop.models.decisions import grant
    from desktop.models.handovers import prepare_handover
    from factories import DESK, REVIEWER, add_application, add_item, seed_catalogue

    seed_catalogue(store)
    item = add_item(store, inventory_no="RAVĢ-2024-000042")
    granted = add_application(store, learner="Žanete Šmite-Ozoliņa", learner_class="11.c")
    grant(store, REVIEWER, granted, item_id=item)
    prepare_handover(store, DESK, granted, return_deadline=date(2027, 6, 30))
    tasks = TaskRunner()
    view = ApplicationDetailView(lambda i: application_detail(store, SCHOOL, i), tasks=tasks)
    view.setMinimumSize(300, 300)
    view.resize(DETAIL_LEAST, 560)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.show_application(granted)
    QApplication.processEvents()
    area = view.scroll_area
    assert isinstance(area, QScrollArea) and area.widgetResizable()
    viewport, content = area.viewport(), area.widget()
    assert content is not None and content.width() <= viewport.width()
    for label in (view.number_label, view.status_label, view.handover_status_label,
                  view.sync_state_label):
        right = label.mapTo(viewport, label.rect().topRight()).x()
        assert label.isVisible() and right <= viewport.width(), (label.text(), right)
    tasks.wait()
