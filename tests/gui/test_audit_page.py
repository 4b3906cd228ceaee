"""The audit log page over a real store: filters, paging, export, and failures as messages."""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from desktop.changes import ChangeBus
from desktop.models import audit_queries
from desktop.models.audit_queries import AuditFilter, AuditRow
from desktop.models.schema import AuditEntry, StaffUser
from desktop.models.store import Store
from desktop.tasks import TaskRunner
from desktop.views.audit_page import NO_DATE, AuditLogPage, AuditTableModel
from factories import ADMIN, SCHOOL

BASE = datetime(2026, 10, 5, 12, tzinfo=UTC)


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


@pytest.fixture
def log(store: Store) -> Store:
    with store.write() as s:
        for n in range(25):
            s.add(AuditEntry(at=BASE + timedelta(hours=n), actor="ilze.reviewer",
                             institution_id=SCHOOL, action="grant", entity_type="application",
                             entity_id=str(1000 + n), details={"from": "submitted",
                                                               "to": "confirmed"}))
        s.add(AuditEntry(at=BASE + timedelta(days=3), actor="desk.ģirts", institution_id=SCHOOL,
                         action="record_return", entity_type="handover", entity_id="h-1",
                         details={"application": 1001, "item": "RAVĢ-2024-000017"}))
        s.add(AuditEntry(at=BASE + timedelta(days=4), actor="ilze.reviewer",
                         institution_id=SCHOOL, action="view_personal_data",
                         entity_type="application", entity_id="1001", details={}))
    return store


def _page(qtbot, tasks: TaskRunner, store: Store, **overrides) -> AuditLogPage:
    callables = dict(
        load_page=partial(audit_queries.audit_page, store),
        load_choices=partial(audit_queries.audit_choices, store, SCHOOL),
        export=partial(audit_queries.export_csv, store, ADMIN),
    )
    callables.update(overrides)
    page = AuditLogPage(tasks, institution_id=SCHOOL, page_size=10, **callables)
    page.setMinimumSize(300, 300)
    page.resize(1200, 700)
    qtbot.addWidget(page)
    page.show()
    return page


def _reload(qtbot, page: AuditLogPage) -> int:
    with qtbot.waitSignal(page.loaded, timeout=5000) as blocker:
        page.reload()
    return blocker.args[0]


def test_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = AuditTableModel()
    model.set_rows([AuditRow(1, BASE, "ilze.reviewer", "grant", "application", "7",
                             {"from": "submitted", "to": "confirmed"}, "P-2026-000007",
                             "Iesniegts → Piešķirts"),
                    AuditRow(2, BASE, "desk.ģirts", "export", "report", "overdue", {})])
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "Piešķirts"
    assert model.index(0, 3).data() == "Pieteikums P-2026-000007"
    assert model.index(1, 3).data() == "Pārskats"
    assert model.index(0, 5).data() == "Iesniegts → Piešķirts"


def test_pages_and_filters(qtbot, tasks, log: Store) -> None:
    page = _page(qtbot, tasks, log)
    assert _reload(qtbot, page) == 27
    assert page.model.rowCount() == 10
    assert page.position.text() == "1–10 no 27"
    assert not page.previous_button.isEnabled() and page.next_button.isEnabled()
    # newest first: the viewing of personal data is on top, in its warning colour
    assert page.model.index(0, 2).data() == "Skatīti personas dati"
    assert page.model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole) is not None

    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.next_button.click()
    assert page.position.text() == "11–20 no 27"
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.next_button.click()
    assert page.position.text() == "21–27 no 27" and not page.next_button.isEnabled()

    assert [page.actor_box.itemText(i) for i in range(page.actor_box.count())] == [
        "Visi lietotāji", "desk.ģirts", "ilze.reviewer"]
    with qtbot.waitSignal(page.loaded, timeout=5000) as blocker:
        page.actor_box.setCurrentIndex(page.actor_box.findData("desk.ģirts"))
    assert blocker.args == [1]
    assert page.position.text() == "1–1 no 1"  # a new filter starts on the first page
    assert page.model.index(0, 3).data() == "Izsniegšana"

    with qtbot.waitSignal(page.loaded, timeout=5000) as blocker:
        page.clear_filters()
    assert blocker.args == [27]
    with qtbot.waitSignal(page.loaded, timeout=5000) as blocker:
        page.action_box.setCurrentIndex(page.action_box.findData("grant"))
    assert blocker.args == [25]
    with qtbot.waitSignal(page.loaded, timeout=5000) as blocker:
        page.since.setDate(QDate(2026, 10, 6))  # from the second local day on
    expected = sum(1 for n in range(25)
                   if (BASE + timedelta(hours=n)).astimezone().date() >= date(2026, 10, 6))
    assert blocker.args == [expected] and 0 < expected < 25
    assert page.current_filter().since is not None and page.until.date() == NO_DATE


def test_the_deletion_log_summary(qtbot, tasks, store: Store) -> None:
    from desktop.models.retention import purge_expired
    from desktop.models.schema import Application
    from factories import add_application, seed_catalogue

    seed_catalogue(store)
    app_id = add_application(store, learner="Ēriks Šņore")
    with store.write() as s:
        app = s.get(Application, app_id)
        app.status = "declined"
        app.status_changed_at = datetime(2024, 1, 31, 12, tzinfo=UTC)
    page = _page(qtbot, tasks, store, load_deletions=partial(audit_queries.deletion_runs, store))
    _reload(qtbot, page)
    qtbot.waitUntil(lambda: bool(page.deletions.text()), timeout=5000)
    assert page.deletions.text() == ("Automātiskā dzēšana (25 mēneši pēc lietas slēgšanas): "
                                     "vēl nekas nav dzēsts.")
    purge_expired(store, today=date(2026, 2, 28))
    _reload(qtbot, page)
    qtbot.waitUntil(lambda: "pēdējoreiz" in page.deletions.text(), timeout=5000)
    assert page.deletions.text() == (
        "Automātiskā dzēšana, pēdējoreiz: 28.02.2026 pēc 25 mēnešiem dzēsti: 1 pieteikums, "
        "0 izsniegšanas, 0 dokumenti, 0 faili.")
    assert "Šņore" not in page.deletions.toolTip()


def test_entity_id_filter(qtbot, tasks, log: Store) -> None:
    page = _page(qtbot, tasks, log)
    _reload(qtbot, page)
    page.entity_id.setText(" 1001 ")
    with qtbot.waitSignal(page.loaded, timeout=5000) as blocker:
        page.entity_id.editingFinished.emit()
    assert blocker.args == [2]  # the grant and the viewing


def test_export_writes_the_file_and_shows_the_export_in_the_log(qtbot, tasks, log: Store,
                                                                tmp_path: Path) -> None:
    target = tmp_path / "žurnāls.csv"
    page = _page(qtbot, tasks, log)
    page.ask_path = lambda *_: target
    _reload(qtbot, page)
    with qtbot.waitSignal(page.exported, timeout=5000) as blocker:
        page.export_button.click()
    assert blocker.args == [27]
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert len(rows) == 28
    qtbot.waitUntil(lambda: page.total == 28, timeout=5000)
    assert page.model.index(0, 2).data() == "Eksportēts"
    assert "ierakstu skaits: 27" in page.message.text()


def test_cancelled_export_does_nothing(qtbot, tasks, log: Store) -> None:
    page = _page(qtbot, tasks, log)
    page.ask_path = lambda *_: None
    _reload(qtbot, page)
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=5000)
    page.export_button.click()
    assert tasks.pending == 0


def test_a_failure_is_a_latvian_message(qtbot, tasks, log: Store, tmp_path: Path) -> None:
    def broken(*_args: object) -> object:
        raise RuntimeError("database is locked: 010180-10006")

    page = _page(qtbot, tasks, log, export=broken)
    page.ask_path = lambda *_: tmp_path / "x.csv"
    _reload(qtbot, page)
    with qtbot.waitSignal(page.failed, timeout=5000) as blocker:
        page.export_button.click()
    assert blocker.args == ["Neizdevās saglabāt failu x.csv."]
    assert page.message.isVisible() and "010180" not in page.message.text()
    assert page.export_button.isEnabled()

    page_b = _page(qtbot, tasks, log, load_page=broken)
    with qtbot.waitSignal(page_b.failed, timeout=5000) as blocker:
        page_b.reload()
    assert blocker.args == ["Neizdevās nolasīt audita žurnālu."]


def test_actions_records_and_people_in_words_in_english(qtbot, tasks, log: Store) -> None:
    with log.write() as s:
        s.add(StaffUser(username="desk.ģirts", display_name="Ģirts Ozols"))
        s.add(AuditEntry(at=BASE + timedelta(days=5), actor="desk.ģirts", institution_id=SCHOOL,
                         action="import_item", entity_type="item",
                         entity_id="3f2a9c1e-0000-4000-8000-00000000abcd",
                         details={"inventory_no": "RAVĢ-2024-000099"}))
    page = _page(qtbot, tasks, log, language="en")
    _reload(qtbot, page)
    qtbot.waitUntil(lambda: page.action_box.count() > 1, timeout=5000)
    row = [page.model.index(0, c).data() for c in range(4)]
    assert row[1:] == ["Ģirts Ozols", "Device imported", "Device RAVĢ-2024-000099"]
    assert "3f2a9c1e" not in " ".join(row)  # no UUID as the object…
    assert "3f2a9c1e" in page.model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)  # …at hand
    assert page.table.isColumnHidden(4)
    assert page.model.index(1, 2).data() == "Personal data viewed"
    actions = [page.action_box.itemText(i) for i in range(1, page.action_box.count())]
    assert "Granted" in actions and "Device imported" in actions
    actors = [page.actor_box.itemText(i) for i in range(1, page.actor_box.count())]
    assert "Ģirts Ozols" in actors
    assert page.current_filter().language == "en"


def test_the_first_open_after_signing_in_again_shows_the_entries(qtbot, log: Store) -> None:
    """Signed out after narrowing the log, signed in again: the page is built anew and,
    when first opened, shows the school's entries without "Clear filters" being pressed.

    After a sign-in the workers are busy with the first sync and retention, so the page's
    first read waits its turn: until it is back the page says it is reading, never that no
    entry matches the (default) filter.
    """
    first_session = TaskRunner()
    first = _page(qtbot, first_session, log, changes=ChangeBus())
    qtbot.waitUntil(lambda: first.total == 27, timeout=5000)
    with qtbot.waitSignal(first.loaded, timeout=5000):
        first.actor_box.setCurrentIndex(first.actor_box.findData("desk.ģirts"))
    first.close()
    first_session.shutdown()

    second_session = TaskRunner()
    busy = threading.Event()
    for _ in range(2):  # the sign-in's sync and retention hold both workers
        second_session.run(busy.wait, 10)
    page = AuditLogPage(second_session, institution_id=SCHOOL, page_size=10,
                        load_page=partial(audit_queries.audit_page, log),
                        load_choices=partial(audit_queries.audit_choices, log, SCHOOL),
                        export=partial(audit_queries.export_csv, log, ADMIN),
                        changes=ChangeBus())
    qtbot.addWidget(page)
    try:
        page.show()  # first opened: read now
        assert page.position.text() == "Ielādē audita žurnālu…"
        assert not page.export_button.isEnabled()
        with qtbot.waitSignal(page.loaded, timeout=5000) as loaded:
            busy.set()
        assert loaded.args == [27]
        assert page.position.text() == "1–10 no 27" and page.model.rowCount() == 10
        assert page.current_filter() == AuditFilter(institution_id=SCHOOL)
    finally:
        busy.set()
        second_session.shutdown()


def test_an_empty_log_is_not_a_filter_that_matches_nothing(qtbot, tasks, store: Store) -> None:
    page = _page(qtbot, tasks, store)
    assert _reload(qtbot, page) == 0
    assert page.position.text() == "Žurnālā vēl nav ierakstu"
    page.entity_id.setText("1001")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.entity_id.editingFinished.emit()
    assert page.position.text() == "Nav ierakstu, kas atbilst filtram"
