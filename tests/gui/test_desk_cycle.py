"""One applicant after another at the issuing desk (issue 13): nothing of the last applicant
stays on the desk or on the applicant's screen once the next case is selected; after the
confirmation the desk offers "Nākamais iesniedzējs" and the applicant's screen goes back to a
neutral welcome page, after a delay (the screen's timer, fired here) or at once on "next"."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from desktop.desk import HandoverWatch, desk_services, produce_act
from desktop.models import desk
from desktop.models.codes import HandoverStatus, ItemStatus, ReturnCondition
from desktop.models.decisions import grant
from desktop.models.schema import Handover, Item
from desktop.tasks import TaskRunner
from desktop.views.customer_screen import CustomerScreen
from desktop.views.desk_page import DeskPage
from factories import DESK, REVIEWER, add_application, add_item, seed_catalogue

TEMPLATE = "https://e.latvija.lv/resursi/pieteikumi/{application_id}"
NOW = datetime(2026, 9, 3, 8, 0, tzinfo=UTC)
FIRST_PARENT = "Līga Ģērķe"


@pytest.fixture
def school(store):
    """Two granted applications, each with its device reserved."""
    seed_catalogue(store)
    ids = {}
    for learner, submitter, inventory_no in (
            ("Žanis Ģērķis", FIRST_PARENT, "RAVĢ-0042"),
            ("Anna Ozoliņa", "Pēteris Ozoliņš", "RAVĢ-0043")):
        item = add_item(store, inventory_no=inventory_no)
        app_id = add_application(store, learner=learner, submitter=submitter)
        grant(store, REVIEWER, app_id, item_id=item, return_deadline=date(2027, 6, 30), now=NOW)
        ids[learner] = app_id
    return store, ids


@pytest.fixture
def page(qtbot, school):
    store = school[0]
    tasks = TaskRunner()
    watch = HandoverWatch(tasks, lambda hid: desk.handover_state(store, DESK, hid),
                          lambda hid: produce_act(store, DESK, hid, "Ģirts Ļaviņš"), poll_ms=50)
    services = desk_services(store, lambda: DESK, url_template=lambda: TEMPLATE)
    customer = CustomerScreen()
    page = DeskPage(tasks, services, watch, customer)
    printed: list[Path] = []
    page.print_file = lambda _parent, path: printed.append(path) or True
    page.full_screen.setChecked(False)
    page.resize(1200, 700)
    qtbot.addWidget(page)
    qtbot.addWidget(customer)
    page.show()
    page.printed = printed
    yield page
    page.close()
    tasks.wait()


def _select(qtbot, page: DeskPage, learner: str) -> None:
    """The staff member clicks the learner's row in the full list."""
    page.cases.search.clear()
    page.cases.reload()
    qtbot.waitUntil(lambda: page.cases.model.index_of(
        lambda r: r.learner_name == learner).isValid(), timeout=3000)
    page.cases.table.setCurrentIndex(page.cases.model.index_of(
        lambda r: r.learner_name == learner))
    assert page.cases.current().learner_name == learner


def _start(qtbot, page: DeskPage, learner: str) -> None:
    _select(qtbot, page, learner)
    page.start_button.click()
    qtbot.waitUntil(lambda: page.card is not None
                    and page.card.application_id == page.cases.current().application_id,
                    timeout=3000)


def _confirm(qtbot, page: DeskPage, store) -> str:
    """What a pull writes when the applicant confirmed; the watch files the act."""
    act_number = page.card.act_number
    with store.write() as s:
        h = s.get(Handover, page.card.handover_id)
        h.status, h.issued_at = HandoverStatus.ISSUED, datetime.now(UTC)
        s.get(Item, h.item_id).status = ItemStatus.IN_USE
    qtbot.waitUntil(lambda: page.act_path is not None, timeout=3000)
    qtbot.waitUntil(lambda: page.cases.model.row_total() == 1, timeout=3000)  # it left the list
    return act_number


def _customer_text(page: DeskPage) -> str:
    return " ".join(label.text() for label in page.customer.findChildren(QLabel))


@pytest.fixture
def issued(qtbot, page, school) -> str:
    """Žanis's device was issued: the act number."""
    _start(qtbot, page, "Žanis Ģērķis")
    return _confirm(qtbot, page, school[0])


# -- after the confirmation ------------------------------------------------------------------


def test_after_the_confirmation_the_case_says_issued_and_cannot_be_started_again(
        qtbot, page, issued) -> None:
    assert f"akts {issued}" in page.status_text()  # the banner, while this case is shown
    assert "Gatavs izsniegšanai" not in page.case_facts.text()
    assert "Izsniegts" in page.case_facts.text()
    assert not page.start_button.isEnabled()
    assert not page.paper_button.isEnabled() and not page.cancel_button.isEnabled()
    assert page.print_button.isEnabled()
    assert page.next_button.isVisibleTo(page) and page.next_button.isEnabled()


def test_the_applicant_screen_goes_back_to_welcome_after_a_delay(qtbot, page, issued) -> None:
    customer = page.customer
    assert customer.confirmed and FIRST_PARENT in _customer_text(page)
    assert customer.welcome_timer.isActive()
    customer.welcome_timer.timeout.emit()  # the delay is over (no waiting in a test)
    assert customer.welcoming and not customer.confirmed
    assert FIRST_PARENT not in _customer_text(page)
    assert customer.code.url == ""
    assert "Izsniegts" in page.status_text()  # the desk keeps its banner until "next"


def test_next_applicant_clears_the_desk_and_the_applicant_screen_at_once(
        qtbot, page, issued) -> None:
    page.cases.search.setText("ģērķis")
    page.next_button.click()
    assert page.customer.welcoming and FIRST_PARENT not in _customer_text(page)
    assert not page.customer.welcome_timer.isActive()
    assert page.status_text() == "" and page.card is None and page.act_path is None
    assert page.card_label == ""
    assert not page.next_button.isVisibleTo(page)
    for button in (page.start_button, page.print_button, page.paper_button,
                   page.cancel_button, page.signed_button):
        assert not button.isEnabled(), button.text()
    # the search box waits for the next number, name or label (the window's focus widget)
    assert page.cases.search.text() == "" and page.focusWidget() is page.cases.search
    assert page.case_facts.text() == ""
    qtbot.waitUntil(lambda: page.cases.model.row_total() == 1, timeout=3000)
    assert page.cases.current() is None  # "next" selects nobody, not the one left in the list


# -- selecting another application -----------------------------------------------------------


def test_selecting_another_application_drops_the_issued_banner(qtbot, page, issued) -> None:
    _select(qtbot, page, "Anna Ozoliņa")
    assert issued not in page.status_text()
    assert "Izsniegts" not in page.status_text()
    assert page.card is None and page.act_path is None
    assert not page.print_button.isEnabled() and not page.next_button.isVisibleTo(page)
    assert page.start_button.isEnabled()
    assert "Pēteris Ozoliņš" in page.case_facts.text()


def test_show_applicant_screen_after_selecting_another_shows_no_previous_name(
        qtbot, page, issued) -> None:
    _select(qtbot, page, "Anna Ozoliņa")
    page.show_button.click()
    assert page.customer.isVisible()
    assert FIRST_PARENT not in _customer_text(page)
    assert page.customer.welcoming


def test_the_paper_act_is_the_new_applicants(qtbot, page, issued) -> None:
    _select(qtbot, page, "Anna Ozoliņa")
    assert not page.paper_button.isEnabled()
    page.print_paper_act()  # even if asked: nothing of the last applicant is printed
    assert page.printed == []
    page.start_button.click()
    qtbot.waitUntil(lambda: page.paper_button.isEnabled(), timeout=3000)
    new_act = page.card.act_number
    assert new_act != issued
    page.paper_button.click()
    qtbot.waitUntil(lambda: page.printed != [], timeout=3000)
    assert page.printed[0].name.startswith(new_act) and issued not in page.printed[0].name


def test_selecting_another_application_while_one_waits_leaves_the_first(
        qtbot, page, school) -> None:
    _start(qtbot, page, "Žanis Ģērķis")
    assert page.watch.active and FIRST_PARENT in _customer_text(page)
    # one monitor here: the applicant's window stays above the desk's
    assert page.customer.windowHandle().transientParent() is page.windowHandle()
    _select(qtbot, page, "Anna Ozoliņa")
    assert not page.watch.active and page.card is None
    assert "Gatavs izsniegšanai" not in page.status_text()
    assert FIRST_PARENT not in _customer_text(page) and page.customer.welcoming
    assert not page.cancel_button.isEnabled() and not page.paper_button.isEnabled()
    # back to the first: it is still ready for issue and starts again where it was
    _start(qtbot, page, "Žanis Ģērķis")
    assert "Gatavs izsniegšanai" in page.status_text() and page.watch.active


def test_a_background_reload_keeps_the_issued_banner(qtbot, page, issued) -> None:
    """A sync's reload with one case left does not pick it (nobody selected it)."""
    page.reload()
    page.cases.reload(pick_single=False)
    qtbot.waitUntil(lambda: page.cases.model.row_total() == 1, timeout=3000)
    assert page.cases.current() is None
    assert f"akts {issued}" in page.status_text()


def test_scanning_the_next_label_starts_a_clean_case(qtbot, page, issued) -> None:
    page.cases.search.setText("RAVĢ-0043")  # the scanner types into the search
    page.cases.reload()
    qtbot.waitUntil(lambda: page.cases.current() is not None, timeout=3000)
    assert page.cases.current().learner_name == "Anna Ozoliņa"
    assert page.scan.text() == "RAVĢ-0043" and page.status_text() == ""
    assert page.customer.welcoming and FIRST_PARENT not in _customer_text(page)


# -- the return tab --------------------------------------------------------------------------


def test_selecting_another_return_drops_the_last_return_act(qtbot, page, school) -> None:
    store, ids = school
    out = []
    for learner in ("Žanis Ģērķis", "Anna Ozoliņa"):
        handover_id = desk.start_handover(store, DESK, ids[learner]).handover_id
        with store.write() as s:
            h = s.get(Handover, handover_id)
            h.status, h.issued_at = HandoverStatus.ISSUED, NOW
            s.get(Item, h.item_id).status = ItemStatus.IN_USE
        out.append(handover_id)
    page.tabs.setCurrentWidget(page.return_tab)
    qtbot.waitUntil(lambda: page.returns.model.row_total() == 2, timeout=3000)
    page.returns.table.selectRow(page.returns.model.index_of(
        lambda r: r.handover_id == out[0]).row())
    page.run_return(out[0], ReturnCondition.RETURNED_WORKING_ORDER.value, None)
    qtbot.waitUntil(lambda: page.returns.model.row_total() == 1, timeout=3000)
    assert page.print_return_button.isEnabled() and "pieņemts" in page.return_status.text()
    assert page.returns.current() is None  # the one left is not picked for the user
    page.returns.table.selectRow(0)
    assert page.return_status.text() == ""
    assert not page.print_return_button.isEnabled() and page.return_act_path is None


def test_a_handover_made_ready_after_the_desk_moved_on_is_not_shown(qtbot, page,
                                                                    school) -> None:
    """"Sākt izsniegšanu" for Žanis, then Anna selected before the answer came: the desk and
    the applicant's screen stay with Anna; Žanis's handover waits, ready, in the list."""
    import dataclasses
    import threading

    release = threading.Event()
    start = page._services.start

    def slow_start(*args: object) -> object:
        release.wait(5)
        return start(*args)

    page._services = dataclasses.replace(page._services, start=slow_start)
    _select(qtbot, page, "Žanis Ģērķis")
    page.start_button.click()
    _select(qtbot, page, "Anna Ozoliņa")
    release.set()
    qtbot.waitUntil(lambda: any(r.status_label == "Gatavs izsniegšanai"
                                for r in page.cases.model.rows()), timeout=3000)
    assert page.card is None and not page.watch.active
    assert page.cases.current().learner_name == "Anna Ozoliņa"
    assert FIRST_PARENT not in _customer_text(page) and not page.customer.isVisible()
    assert "Pēteris Ozoliņš" in page.case_facts.text() and page.status_text() == ""


def test_a_return_answered_after_another_device_was_selected_is_not_shown_on_it(
        qtbot, page, school) -> None:
    """Žanis's device taken back, Anna's selected before the answer came: Anna's row shows no
    "pieņemts atpakaļ" and no return act to print (Žanis's act stays in the acts list)."""
    import dataclasses
    import threading

    store, ids = school
    out = []
    for learner in ("Žanis Ģērķis", "Anna Ozoliņa"):
        handover_id = desk.start_handover(store, DESK, ids[learner]).handover_id
        with store.write() as s:
            h = s.get(Handover, handover_id)
            h.status, h.issued_at = HandoverStatus.ISSUED, NOW
            s.get(Item, h.item_id).status = ItemStatus.IN_USE
        out.append(handover_id)
    release = threading.Event()
    record = page._services.record_return

    def slow_record(*args: object) -> object:
        release.wait(5)
        return record(*args)

    page._services = dataclasses.replace(page._services, record_return=slow_record)
    page.tabs.setCurrentWidget(page.return_tab)
    qtbot.waitUntil(lambda: page.returns.model.row_total() == 2, timeout=3000)
    page.returns.table.selectRow(page.returns.model.index_of(
        lambda r: r.handover_id == out[0]).row())
    page.run_return(out[0], ReturnCondition.RETURNED_WORKING_ORDER.value, None)
    page.returns.table.selectRow(page.returns.model.index_of(
        lambda r: r.handover_id == out[1]).row())
    release.set()
    qtbot.waitUntil(lambda: page.returns.model.row_total() == 1, timeout=3000)
    assert page.returns.current() is not None
    assert page.returns.current().handover_id == out[1]
    assert "pieņemts" not in page.return_status.text()
    assert not page.print_return_button.isEnabled() and page.return_act_path is None
