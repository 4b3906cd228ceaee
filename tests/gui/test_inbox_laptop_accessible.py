"""Every control a person can reach in the inbox and the detail has an accessible name
(issue 16): a screen reader says what a combo, a date or the search's clear button is for."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QToolButton,
    QWidget,
)

from desktop.models import queries
from desktop.models.decisions import grant
from desktop.models.details import application_detail
from desktop.models.handovers import prepare_handover
from desktop.models.inbox_window import InboxSource
from desktop.tasks import TaskRunner
from desktop.views.detail_page import ApplicationDetailView
from desktop.views.inbox_page import InboxPage
from factories import DESK, REVIEWER, SCHOOL, add_application, add_item, seed_catalogue

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractItemView)
# their own parts (a date's text field, a table's header and corner button) are named by Qt
COMPOUND = (QComboBox, QAbstractSpinBox, QAbstractItemView)


def _unnamed(root: QWidget) -> list[str]:
    unnamed = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or widget.accessibleName():
            continue
        parent = widget.parentWidget()
        inside = False
        while parent is not None and parent is not root:
            inside = inside or isinstance(parent, COMPOUND)
            parent = parent.parentWidget()
        if not inside:
            text = widget.text() if isinstance(widget, QAbstractButton | QLineEdit) else ""
            unnamed.append(f"{type(widget).__name__} {widget.objectName()!r} {text!r}")
    return unnamed


def test_the_inbox_names_every_control(qtbot, store) -> None:
    seed_catalogue(store)
    add_application(store, learner="Ērika Ķuze", learner_class="3.a")
    tasks = TaskRunner()
    page = InboxPage(
        tasks, institution_id=SCHOOL,
        source=InboxSource(store),
        count_statuses=lambda: queries.status_counts(store, SCHOOL),
        kinds=[("windows_laptop", "Windows portatīvais dators")],
        classes=queries.learner_classes(store, SCHOOL))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()
    assert _unnamed(page) == []
    clear = [b for b in page.search.findChildren(QToolButton)]
    assert clear and all(b.accessibleName() == "Notīrīt meklēšanu" for b in clear)
    assert page.table.accessibleName() == "Pieteikumi"
    assert page.date_from.accessibleName() and page.date_to.accessibleName()
    tasks.wait()


def test_the_detail_names_every_control(qtbot, store) -> None:
    seed_catalogue(store)
    item = add_item(store, inventory_no="RAVĢ-2024-000042")
    granted = add_application(store, learner="Žanete Šmite", learner_class="11.c")
    grant(store, REVIEWER, granted, item_id=item)
    prepare_handover(store, DESK, granted, return_deadline=date(2027, 6, 30))
    tasks = TaskRunner()
    view = ApplicationDetailView(lambda i: application_detail(store, SCHOOL, i), tasks=tasks,
                                 save_notes=lambda *_: None, can_annotate=lambda: True)
    view.setMinimumSize(300, 300)
    view.resize(600, 700)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.show_application(granted)
    QApplication.processEvents()
    assert _unnamed(view) == []
    tasks.wait()
