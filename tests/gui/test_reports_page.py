"""The reports page over a real store: tabs, the painted chart, the table and the exports."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.cli_export import export_report
from desktop.models.audit_queries import EXPORT_ACTION, AuditFilter, audit_page
from desktop.models.codes import ApplicationStatus, HandoverStatus, ItemStatus
from desktop.models.reports import build_report
from desktop.models.schema import Handover
from desktop.models.store import Store
from desktop.tasks import TaskRunner
from desktop.views.reports_page import BAR_COLOUR, ReportsPage, ReportTableModel, nice_step
from factories import SCHOOL, add_application, add_handover, add_item, seed_catalogue

TODAY = date(2026, 11, 20)


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


@pytest.fixture
def school(store: Store) -> Store:
    seed_catalogue(store)
    for status in (ApplicationStatus.SUBMITTED, ApplicationStatus.SUBMITTED,
                   ApplicationStatus.POSTPONED):
        add_application(store, status=status)
    for n, learner_class in enumerate(("5.a", "5.a", "11.c")):
        app_id = add_application(store, status=ApplicationStatus.CONFIRMED,
                                 learner=f"Marta Ozoliņa {n}", learner_class=learner_class)
        item = add_item(store, status=ItemStatus.IN_USE)
        h_id = add_handover(store, app_id, item, HandoverStatus.ISSUED)
        with store.write() as s:
            h = s.get(Handover, h_id)
            assert h is not None
            h.return_deadline = date(2026, 6, 1 + n)
    return store


def _page(qtbot, tasks: TaskRunner, store: Store, **overrides) -> ReportsPage:
    callables = dict(
        load=lambda kind, language: build_report(store, kind, SCHOOL, TODAY, language),
        export=lambda kind, fmt, path: export_report(store, "ilze.reviewer", SCHOOL, kind, fmt,
                                                     path, TODAY),
    )
    callables.update(overrides)
    page = ReportsPage(tasks, **callables)
    page.setMinimumSize(300, 300)
    page.resize(1100, 750)
    qtbot.addWidget(page)
    page.show()
    return page


def _show(qtbot, page: ReportsPage, kind: str) -> None:
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.show_kind(kind)


def test_model_passes_qtmodeltester(qtmodeltester, school: Store) -> None:
    model = ReportTableModel()
    model.set_report(build_report(school, "issued", SCHOOL, TODAY))
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Klase"
    assert model.index(0, 0).data() == "5.a"
    last = model.rowCount() - 1
    assert model.index(last, 0).data() == "Kopā"
    assert model.index(last, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) is not None


def test_every_tab_shows_its_report_and_chart(qtbot, tasks, school: Store) -> None:
    page = _page(qtbot, tasks, school)
    _show(qtbot, page, "applications")
    assert page.title.text() == "Atvērtie pieteikumi pa statusiem un resursu veidiem"
    assert page.chart.bars() == (("Iesniegts", 2), ("Atlikta izskatīšana", 1),
                                 ("Piešķirts", 0))
    assert page.summary.text() == "Kopā: 3"

    with qtbot.waitSignal(page.loaded, timeout=5000) as blocker:
        page.tabs.setCurrentIndex(2)
    assert blocker.args == ["issued"]
    assert page.chart.bars() == (("5.a", 2), ("11.c", 1))
    assert page.model.index(0, 0).data() == "5.a"

    _show(qtbot, page, "overdue")
    assert page.model.rowCount() == 3
    assert page.model.index(0, 5).data() == "01.06.2026"
    assert page.summary.text() == "Kopā: 3"

    _show(qtbot, page, "items")
    assert page.model.index(0, 0).data() == "Lietošanā"
    # the chart is painted: its bar colour is on screen
    image = page.chart.grab().toImage()
    blue = QColor(BAR_COLOUR).rgb()
    assert any(image.pixel(x, y) == blue for x in range(0, image.width(), 3)
               for y in range(0, image.height(), 3))


def test_empty_report_says_so(qtbot, tasks, store: Store) -> None:
    seed_catalogue(store)
    page = _page(qtbot, tasks, store)
    _show(qtbot, page, "overdue")
    assert page.summary.text() == "Nav ierakstu." and page.model.rowCount() == 0
    page.chart.grab()  # painting an empty series must not fail


@pytest.mark.parametrize("fmt", ["csv", "pdf"])
def test_export_writes_the_file_and_audits_it(qtbot, tasks, school: Store, tmp_path: Path,
                                              fmt: str) -> None:
    target = tmp_path / f"pārskats.{fmt}"
    page = _page(qtbot, tasks, school)
    page.ask_path = lambda *_: target
    _show(qtbot, page, "issued")
    button = page.csv_button if fmt == "csv" else page.pdf_button
    with qtbot.waitSignal(page.exported, timeout=10000):
        button.click()
    if fmt == "pdf":
        assert "Izsniegtie resursi pa klasēm" in PdfReader(target).pages[0].extract_text()
    else:
        assert target.read_bytes().decode("utf-8-sig").startswith("Klase;")
    assert str(target) in page.message.text()
    rows = audit_page(school, AuditFilter(action=EXPORT_ACTION), 0, 5).rows
    assert [(r.entity_id, r.details["format"]) for r in rows] == [("issued", fmt)]


def test_a_failure_is_a_latvian_message(qtbot, tasks, school: Store, tmp_path: Path) -> None:
    def broken(*_args: object) -> object:
        raise OSError("disk full: Marta Ozoliņa")

    page = _page(qtbot, tasks, school, export=broken)
    page.ask_path = lambda *_: tmp_path / "x.pdf"
    _show(qtbot, page, "issued")
    with qtbot.waitSignal(page.failed, timeout=5000) as blocker:
        page.pdf_button.click()
    assert blocker.args == ["Neizdevās saglabāt failu x.pdf."]
    assert "Ozoliņa" not in page.message.text() and page.pdf_button.isEnabled()


def test_steps_match_the_pdf_chart() -> None:
    from desktop.documents.report_pdf import nice_step as pdf_step

    assert all(nice_step(n) == pdf_step(n) for n in range(0, 3000, 7))


def test_many_classes_are_drawn_slanted_without_errors(qtbot, tasks, store: Store) -> None:
    page = _page(qtbot, tasks, store, load=partial(_many_classes))
    _show(qtbot, page, "issued")
    assert len(page.chart.bars()) == 36
    assert not page.chart.grab().isNull()


def _many_classes(kind: str, _language: str):
    from desktop.models.reports import Report

    bars = tuple((f"{n}.{c}", n) for n in range(1, 13) for c in "abc")
    return Report(kind=kind, title="Izsniegtie resursi pa klasēm", columns=("Klase", "Kopā"),
                  rows=tuple((k, v) for k, v in bars), chart_title="Pa klasēm", chart=bars,
                  numeric=frozenset({1}))


def test_a_result_arriving_after_the_page_closed_is_dropped(qtbot, tasks, school: Store) -> None:
    import threading

    from PySide6.QtCore import QCoreApplication, QEvent

    release = threading.Event()
    seen: list[str] = []

    def slow(kind: str, _language: str):
        release.wait(5)
        seen.append(kind)
        return build_report(school, kind, SCHOOL, TODAY)

    page = ReportsPage(tasks, load=slow, export=lambda *_: None)
    page.reload()
    page.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    assert tasks.wait(5000)
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=5000)  # the callback ran, quietly
    assert seen == ["applications"]


def test_an_english_page_asks_for_an_english_report(qtbot, tasks, school: Store) -> None:
    asked: list[str] = []

    def load(kind: str, language: str):
        asked.append(language)
        return build_report(school, kind, SCHOOL, TODAY, language)

    page = _page(qtbot, tasks, school, load=load, language="en")
    _show(qtbot, page, "items")
    assert asked[-1] == "en"
    assert page.title.text() == "Devices by status"
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(page.model.columnCount())]
    assert headers[0] == "Status" and headers[-1] == "Total"
    total = page.model.index(page.model.rowCount() - 1, 0)
    assert page.model.data(total) == "Total"
    assert page.model.data(total, Qt.ItemDataRole.FontRole).bold()
