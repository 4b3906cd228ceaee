"""The desk beyond the counter, against a real local store: the "Akti" tab (search, reprint,
an act not fetched yet, the return act, reloading on the change bus), the overdue tab's
actions (a new deadline for a selection, taking one back, recording a loss, the CSV), and
"Parakstīts uz papīra…" while the handover is ready for issue."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.changes import ChangeBus
from desktop.desk import HandoverWatch, acts_service, desk_services, produce_act
from desktop.models import desk, lifecycle
from desktop.models.acts import OVERDUE_CSV_COLUMNS
from desktop.models.changes import OpChanges
from desktop.models.codes import ApplicationStatus, HandoverStatus, ItemStatus, ReturnCondition
from desktop.models.decisions import grant
from desktop.models.handovers import record_return
from desktop.models.schema import Application, AuditEntry, Handover, Item, new_id
from desktop.tasks import TaskRunner
from desktop.views.acts_panel import ActsPanel
from desktop.views.customer_screen import CustomerScreen
from desktop.views.desk_page import DeskPage
from desktop.views.return_dialog import ReturnDialog
from factories import DESK, REVIEWER, add_application, add_handover, add_item, seed_catalogue

TEMPLATE = "https://e.latvija.lv/resursi/pieteikumi/{application_id}"
NOW = datetime(2026, 9, 3, 8, 0, tzinfo=UTC)


def _issued(store, learner: str, submitter: str, days_ago: int,
            inventory_no: str | None = None) -> tuple[int, str]:
    item_id = add_item(store, inventory_no=inventory_no)
    app_id = add_application(store, learner=learner, submitter=submitter)
    grant(store, REVIEWER, app_id, item_id=item_id, return_deadline=date(2027, 6, 30), now=NOW)
    handover_id = desk.start_handover(store, DESK, app_id, now=NOW).handover_id
    with store.write() as s:
        h = s.get(Handover, handover_id)
        h.status, h.issued_at = HandoverStatus.ISSUED, datetime.now(UTC) - timedelta(days=days_ago)
        s.get(Item, item_id).status = ItemStatus.IN_USE
    return app_id, handover_id


@pytest.fixture
def school(store):
    """To issue: Žanis (item reserved). Filed acts: Anna (returned, both acts), Kristaps;
    Ņikita's act filed on another workstation, its file not fetched yet."""
    seed_catalogue(store)
    reserved = add_item(store, inventory_no="RAVĢ-0042")
    app_id = add_application(store, learner="Žanis Ģērķis", submitter="Līga Ģērķe")
    grant(store, REVIEWER, app_id, item_id=reserved, return_deadline=date(2027, 6, 30), now=NOW)
    cases = {"anna": _issued(store, "Anna Ozoliņa", "Pēteris Ozoliņš", 20),
             "kristaps": _issued(store, "Kristaps Šķēle", "Ērika Šķēle", 10, "RAVĢ-0100"),
             "nikita": _issued(store, "Ņikita Čakste", "Ūna Čakste", 5)}
    for key in ("anna", "kristaps"):
        produce_act(store, DESK, cases[key][1], "Ģirts Ļaviņš")
    with store.write() as s:
        h = s.get(Handover, cases["nikita"][1])
        h.act_document_id, h.act_sha256 = new_id(), "0" * 64
    record_return(store, DESK, cases["anna"][1], ReturnCondition.RETURNED_WORKING_ORDER)
    desk.file_act(store, DESK, cases["anna"][1], b"%PDF-1.4 atgriezts", returned=True)
    return store, app_id, reserved, cases


@pytest.fixture
def calls():
    return {"sign": [], "deadline": [], "incident": [], "remind": []}


@pytest.fixture
def page(qtbot, school, calls):
    store = school[0]
    tasks = TaskRunner()
    watch = HandoverWatch(tasks, lambda hid: desk.handover_state(store, DESK, hid),
                          lambda hid: produce_act(store, DESK, hid, "Ģirts Ļaviņš"), poll_ms=50)

    def sign(hid: str, label: str, act_number: str) -> None:
        calls["sign"].append((hid, label, act_number))
        lifecycle.sign_on_paper(store, DESK, hid, b"%PDF-1.4 papira akts")

    services = desk_services(
        store, lambda: DESK, url_template=lambda: TEMPLATE, sign_on_paper=sign,
        change_deadline=lambda ids, current, label: calls["deadline"].append(
            (ids, current, label)),
        record_incident=lambda hid, label: calls["incident"].append((hid, label)),
        remind_return=lambda ids: calls["remind"].append(ids),
        acts=acts_service(store, lambda: DESK))
    bus = ChangeBus()
    page = DeskPage(tasks, services, watch, CustomerScreen(), changes=bus)
    printed: list[Path] = []
    page.print_file = lambda _parent, path: printed.append(path) or True
    opened: list[Path] = []
    page.acts.open_file = lambda path: opened.append(path) or True
    page.full_screen.setChecked(False)
    page.resize(1200, 700)
    qtbot.addWidget(page)
    qtbot.addWidget(page.customer)
    page.show()
    page.printed, page.opened, page.bus = printed, opened, bus
    yield page
    page.close()
    tasks.wait()


def _show_acts(qtbot, page: DeskPage, rows: int) -> ActsPanel:
    panel = page.acts
    assert panel is not None
    page.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.model.row_total() == rows, timeout=3000)
    return panel


def _select(panel: ActsPanel, learner: str) -> None:
    panel.table.setCurrentIndex(panel.model.index_of(lambda r: r.learner_name == learner))


# -- the act list ----------------------------------------------------------------------------


def test_acts_model(qtmodeltester, qtbot, page) -> None:
    panel = _show_acts(qtbot, page, 3)
    qtmodeltester.check(panel.model)
    headers = [panel.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(panel.model.columnCount())]
    assert headers[:3] == ["Akts", "Akta fails", "Izglītojamais"]
    # newest first: Ņikita (5 days ago), Kristaps (10), Anna (20)
    assert [r.learner_name for r in panel.model.rows()] == [
        "Ņikita Čakste", "Kristaps Šķēle", "Anna Ozoliņa"]


def test_an_act_not_fetched_yet_says_so_and_cannot_be_printed(qtbot, page) -> None:
    panel = _show_acts(qtbot, page, 3)
    _select(panel, "Ņikita Čakste")
    row = panel.table.currentIndex().row()
    file_column = [key for key, _ in panel.model.columns].index("file")
    assert panel.model.index(row, file_column).data() == "Tiks saņemts ar sinhronizāciju"
    assert panel.model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "tiks saņemts ar sinhronizāciju" in panel.current_label.text()
    for button in (panel.open_button, panel.print_button, panel.open_return_button,
                   panel.print_return_button):
        assert not button.isEnabled()
    panel.print_act()
    assert page.printed == []


def test_reprint_and_open_the_act_and_the_return_act(qtbot, page, school) -> None:
    store, _, _, cases = school
    panel = _show_acts(qtbot, page, 3)
    _select(panel, "Kristaps Šķēle")
    assert panel.print_button.isEnabled() and not panel.print_return_button.isEnabled()
    panel.print_button.click()
    qtbot.waitUntil(lambda: len(page.printed) == 1, timeout=3000)
    assert page.printed[0] == desk.act_path(store, DESK, cases["kristaps"][1])
    _select(panel, "Anna Ozoliņa")
    assert panel.print_return_button.isEnabled() and panel.open_return_button.isEnabled()
    panel.print_return_button.click()
    qtbot.waitUntil(lambda: len(page.printed) == 2, timeout=3000)
    assert page.printed[1].name.endswith("-R.pdf")
    panel.open_button.click()
    qtbot.waitUntil(lambda: len(page.opened) == 1, timeout=3000)
    assert page.opened[0] == desk.act_path(store, DESK, cases["anna"][1])


def test_a_file_damaged_since_the_list_was_read_is_not_printed(qtbot, page, school) -> None:
    store, _, _, cases = school
    panel = _show_acts(qtbot, page, 3)
    _select(panel, "Kristaps Šķēle")
    desk.act_path(store, DESK, cases["kristaps"][1]).write_bytes(b"%PDF-1.4 changed")
    panel.print_button.click()
    qtbot.waitUntil(lambda: panel.message.isVisibleTo(panel), timeout=3000)
    assert "bojāts" in panel.message.text() and page.printed == []
    qtbot.waitUntil(lambda: not panel.print_button.isEnabled(), timeout=3000)  # re-read


def test_search_by_name_without_diacritics_and_act_number(qtbot, page, school) -> None:
    store, _, _, cases = school
    panel = _show_acts(qtbot, page, 3)
    panel.search.setText("skele")
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.row_total() == 1, timeout=3000)
    assert panel.model.rows()[0].learner_name == "Kristaps Šķēle"
    with store.read() as s:
        act_number = s.get(Handover, cases["anna"][1]).act_number
    panel.search.setText(act_number)
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rows()[0].learner_name == "Anna Ozoliņa", timeout=3000)
    panel.search.setText("Ņina Ķirse")
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.row_total() == 0, timeout=3000)
    assert panel.summary.text() == "Nav atrasts neviens akts"


def test_the_fetched_act_becomes_available_after_a_sync_says_so(qtbot, page, school) -> None:
    store, _, _, cases = school
    panel = _show_acts(qtbot, page, 3)
    _select(panel, "Ņikita Čakste")
    with store.write() as s:  # the sync fetched the act another workstation filed
        h = s.get(Handover, cases["nikita"][1])
        h.act_document_id = None
    desk.file_act(store, DESK, cases["nikita"][1], b"%PDF-1.4 no citas darbstacijas")
    page.bus.publish(OpChanges.of(handovers=[cases["nikita"][1]]), None)
    qtbot.waitUntil(lambda: panel.print_button.isEnabled(), timeout=3000)
    assert panel.current().learner_name == "Ņikita Čakste"  # the selection stayed


def test_no_acts_service_no_tab(qtbot, school) -> None:
    store = school[0]
    tasks = TaskRunner()
    watch = HandoverWatch(tasks, lambda hid: desk.handover_state(store, DESK, hid),
                          lambda hid: produce_act(store, DESK, hid))
    page = DeskPage(tasks, desk_services(store, lambda: DESK, url_template=lambda: TEMPLATE),
                    watch, CustomerScreen())
    qtbot.addWidget(page)
    qtbot.addWidget(page.customer)
    assert page.acts is None and page.tabs.count() == 4
    assert page.signed_button.isHidden()
    assert page.overdue.buttons["deadline"].isHidden()
    assert page.overdue.buttons["incident"].isHidden()
    assert not page.overdue.buttons["export"].isHidden()
    page.close()
    tasks.wait()


# -- overdue ---------------------------------------------------------------------------------


def _late(store, learner: str, submitter: str, days: int, **contact: str | None) -> str:
    app_id = add_application(store, status=ApplicationStatus.CONFIRMED, learner=learner,
                             submitter=submitter)
    handover_id = add_handover(store, app_id, add_item(store, status=ItemStatus.IN_USE),
                               HandoverStatus.ISSUED)
    with store.write() as s:
        s.get(Handover, handover_id).return_deadline = date.today() - timedelta(days=days)
        app = s.get(Application, app_id)
        app.phone = contact.get("phone", app.phone)
        app.email = contact.get("email", app.email)
    return handover_id


@pytest.fixture
def overdue(qtbot, page, school):
    store = school[0]
    ids = [_late(store, "Oskars Vītols", "Dace Vītola", 21, phone="+37129111111",
                 email="dace.vitola@example.lv"),
           _late(store, "=cmd|' /c calc'!A0", "@Ērika Ļoļa", 3, email="-x@example.lv"),
           _late(store, "Māra Zīle", "Jānis Zīle", 40)]
    page.tabs.setCurrentWidget(page.overdue)
    qtbot.waitUntil(lambda: page.overdue.model.row_total() == 3, timeout=3000)
    return page.overdue, ids


def test_overdue_model_shows_phone_and_email(qtmodeltester, overdue) -> None:
    panel, _ = overdue
    qtmodeltester.check(panel.model)
    model = panel.model
    keys = [key for key, _ in model.columns]
    row = model.index_of(lambda r: r.learner_name == "Oskars Vītols").row()
    assert model.index(row, keys.index("phone")).data() == "+37129111111"
    assert model.index(row, keys.index("email")).data() == "dace.vitola@example.lv"
    assert model.index(row, keys.index("late")).data() == "21 diena"
    assert panel.summary.text() == "Atgriešanas termiņš nokavēts: 3"


def test_change_deadline_for_the_selected_rows(qtbot, overdue, calls) -> None:
    panel, ids = overdue
    assert not panel.buttons["deadline"].isEnabled()
    panel.table.selectRow(0)  # Māra, 40 days
    panel.buttons["deadline"].click()
    (handover_ids, current, label), = calls["deadline"]
    assert handover_ids == [ids[2]] and current == date.today() - timedelta(days=40)
    assert label.startswith("P-2026-") and "Māra Zīle" in label
    panel.table.selectAll()
    assert not panel.buttons["take_back"].isEnabled()
    assert not panel.buttons["incident"].isEnabled()
    panel.buttons["deadline"].click()
    handover_ids, current, label = calls["deadline"][1]
    assert handover_ids == [ids[2], ids[0], ids[1]]  # as listed: the longest overdue first
    assert current is None  # the deadlines differ
    assert label == ""  # the dialog says how many are selected


def test_record_a_loss_for_one_row(qtbot, overdue, calls) -> None:
    panel, ids = overdue
    panel.table.selectRow(1)
    panel.buttons["incident"].click()
    assert calls["incident"] == [(ids[0], calls["incident"][0][1])]
    assert "Oskars Vītols" in calls["incident"][0][1]


def test_take_back_switches_to_the_return_flow(qtbot, page, overdue, monkeypatch) -> None:
    panel, ids = overdue
    asked: list[str] = []

    def exec_(dialog: ReturnDialog) -> int:
        asked.append(dialog.windowTitle())
        return ReturnDialog.DialogCode.Rejected

    monkeypatch.setattr(ReturnDialog, "exec", exec_)
    panel.table.selectRow(1)  # Oskars
    panel.buttons["take_back"].click()
    qtbot.waitUntil(lambda: asked != [], timeout=3000)
    assert page.tabs.currentWidget() is page.return_tab
    assert page.returns.current().handover_id == ids[0]
    assert page.returns.search.text().startswith("P-2026-")


def test_export_writes_the_visible_rows_with_bom_and_defused_cells(qtbot, overdue, school,
                                                                   tmp_path) -> None:
    store = school[0]
    panel, _ = overdue
    target = tmp_path / "kavētie.csv"
    panel.ask_path = lambda *_: target
    with qtbot.waitSignal(panel.exported, timeout=3000):
        panel.buttons["export"].click()
    content = target.read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert table[0] == list(OVERDUE_CSV_COLUMNS) and len(table) == 4
    assert table[0][0] == "Pieteikums" and "E-pasts" in table[0]
    by_learner = {row[1]: row for row in table[1:]}
    evil = by_learner["'=cmd|' /c calc'!A0"]
    assert evil[3] == "'@Ērika Ļoļa" and evil[5] == "'-x@example.lv"
    assert by_learner["Oskars Vītols"][4] == "'+37129111111"
    assert by_learner["Oskars Vītols"][5] == "dace.vitola@example.lv"
    assert "Saglabāts" in panel.message.text()
    with store.read() as s:  # the export is audited, without the data
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity_id == "overdue_desk")).one()
        assert entry.details == {"format": "csv", "rows": 3}


def test_a_failed_export_says_so(qtbot, overdue, tmp_path) -> None:
    panel, _ = overdue
    panel.ask_path = lambda *_: tmp_path / "nav-tādas-mapes" / "x.csv"
    panel.buttons["export"].click()
    qtbot.waitUntil(lambda: panel.message.isVisibleTo(panel), timeout=3000)
    assert "Neizdevās saglabāt" in panel.message.text()
    assert panel.buttons["export"].isEnabled()


# -- signed on paper -------------------------------------------------------------------------


def test_signed_on_paper_only_while_ready_for_issue(qtbot, page, school, calls) -> None:
    store, app_id, reserved, _ = school
    assert page.signed_button.isVisible() and not page.signed_button.isEnabled()
    page.cases.search.setText("zanis")
    page.cases.reload()
    qtbot.waitUntil(lambda: page.cases.model.row_total() == 1, timeout=3000)
    page.start_button.click()
    qtbot.waitUntil(lambda: page.card is not None, timeout=3000)
    assert page.signed_button.isEnabled()
    page.paper_button.click()
    qtbot.waitUntil(lambda: page.printed != [], timeout=3000)
    assert "Parakstīts uz papīra" in page.status_text()
    page.signed_button.click()
    card = page.card
    (handover_id, label, act_number), = calls["sign"]
    assert (handover_id, act_number) == (card.handover_id, card.act_number)
    assert label.startswith("P-2026-") and label.endswith(" · Žanis Ģērķis")
    # the watch sees the handover issued and shows the (paper) act as the act
    qtbot.waitUntil(lambda: page.act_path is not None, timeout=3000)
    assert not page.signed_button.isEnabled()
    assert page.act_path.read_bytes() == b"%PDF-1.4 papira akts"
    with store.read() as s:
        h = s.get(Handover, card.handover_id)
        assert h.status is HandoverStatus.ISSUED and h.issued_on_paper
        assert s.get(Item, reserved).status is ItemStatus.IN_USE
    # and it is among the acts, marked as signed on paper
    panel = _show_acts(qtbot, page, 4)
    first = panel.model.rows()[0]
    assert first.handover_id == card.handover_id and first.issued_on_paper


def test_signed_on_paper_is_disabled_after_a_cancel(qtbot, page, calls) -> None:
    page.cases.search.setText("zanis")
    page.cases.reload()
    qtbot.waitUntil(lambda: page.cases.model.row_total() == 1, timeout=3000)
    page.start_button.click()
    qtbot.waitUntil(lambda: page.signed_button.isEnabled(), timeout=3000)
    page.run_cancel("submitter_refused", None)
    qtbot.waitUntil(lambda: page.card is None, timeout=3000)
    assert not page.signed_button.isEnabled()
    page.signed_on_paper()
    assert calls["sign"] == []


def test_remind_the_applicants_of_the_selected_rows(qtbot, overdue, calls) -> None:
    panel, ids = overdue
    assert not panel.buttons["remind"].isEnabled()
    panel.table.selectAll()
    assert panel.buttons["remind"].isEnabled()
    panel.buttons["remind"].click()
    assert calls["remind"] == [[ids[2], ids[0], ids[1]]]
