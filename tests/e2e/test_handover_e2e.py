"""End to end at the issuing desk, against the reference server on loopback:

grant → prepare → the customer screen is grabbed as an image → its QR code, decoded here,
is this application's e-service URL → that confirmation page is submitted over HTTP → the
desk shows "issued" by itself (the push channel, or the watch-mode sync; how soon is
bench/desk_bench.py's) → the act PDF is filed, and its text holds the Latvian names with their
diacritics.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
import requests
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QIODevice
from pytestqt.qtbot import QtBot

from desktop.desk import HandoverWatch, desk_services, produce_act, take_back
from desktop.models import decisions, desk
from desktop.models.codes import HandoverStatus, ItemStatus, StaffRole
from desktop.models.handovers import acknowledge_incident
from desktop.models.journal import Actor
from desktop.models.schema import Document, Item
from desktop.models.store import Store, open_store
from desktop.syncing import SyncController
from desktop.tasks import TaskRunner
from desktop.views.customer_screen import CustomerScreen
from desktop.views.desk_page import DeskPage
from sync.client import CentralClient
from sync.credentials import MemoryCredentials
from sync.devserver.server import DevServer
from sync.engine import SyncEngine

SCHOOL = "4313900123"
ADMIN = Actor("admin", SCHOOL, StaffRole.ADMIN)
SUBMITTER = "Līga Šķēle-Ņikitina"
LEARNER = "Žanis Ģērķis"


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[DevServer, Store, SyncEngine, int]]:
    with DevServer(seed=40) as server:
        app_id = server.applicant_submit({
            "institution_id": SCHOOL, "kind_code": "windows_laptop",
            "submitter": {"role": "parent_guardian", "name": SUBMITTER,
                          "personal_code": "120385-12342"},
            "learner": {"name": LEARNER, "personal_code": "325794-61232",
                        "class_name": "7.b"},
            "contact": {"phone": "+37129123456", "email": "liga.skele@example.lv"},
        }).id
        client = CentralClient(server.url, username="admin", credentials=MemoryCredentials(),
                               timeout=(1.0, 3.0))
        client.sign_in("demo")
        store = open_store(tmp_path / "data")
        engine = SyncEngine(store, client, SCHOOL, page_size=200)
        engine.sync_once()
        try:
            yield server, store, engine, app_id
        finally:
            client.close()
            store.close()


def _decode(image_png: bytes) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(image_png)))]


def test_grant_prepare_scan_confirm_issue_act(
        qtbot: QtBot, world: tuple[DevServer, Store, SyncEngine, int]) -> None:
    server, store, engine, app_id = world
    # the reviewer grants with an item; the decision reaches the central service
    item_id = decisions.offerable_items(store, ADMIN, app_id)[0][0]
    decisions.grant(store, ADMIN, app_id, item_id=item_id,
                    return_deadline=date.today() + timedelta(days=270))
    engine.sync_once()

    tasks = TaskRunner()
    sync = SyncController(tasks, engine, interval_s=600)
    watch = HandoverWatch(tasks, lambda hid: desk.handover_state(store, ADMIN, hid),
                          lambda hid: produce_act(
                              store, ADMIN, hid, "Ģirts Ļaviņš"),
                          watch_sync=sync.watch)
    sync.synced.connect(watch.refresh)
    services = desk_services(store, lambda: ADMIN, url_template=server.receipt_url_template)
    customer = CustomerScreen()
    page = DeskPage(tasks, services, watch, customer)
    qtbot.addWidget(page)
    qtbot.addWidget(customer)
    page.full_screen.setChecked(False)
    page.resize(1200, 700)
    page.show()

    # at the counter: find by the learner's name typed without diacritics
    page.cases.search.setText("zanis gerkis")
    page.cases.reload()
    qtbot.waitUntil(lambda: page.cases.model.row_total() == 1, timeout=3000)
    assert page.cases.current().application_id == app_id
    with store.read() as s:
        inventory_no = s.get(Item, item_id).inventory_no  # type: ignore[union-attr]
    page.scan.setText(inventory_no)  # the scanner reads the item's label

    with qtbot.waitSignal(customer.code.painted, timeout=3000):
        page.start_button.click()
    qtbot.waitUntil(lambda: page.card is not None, timeout=3000)
    assert "Gatavs izsniegšanai" in page.status_text()
    assert sync.watching
    # the applicant's screen shows their name, the resource and the code, nobody else's data
    assert customer.name.text() == SUBMITTER
    assert customer.resource.text() == "Windows portatīvais dators"
    shown = " ".join(w.text() for w in (customer.name, customer.resource, customer.steps))
    assert LEARNER not in shown and "120385" not in shown

    # grab the screen as an image and decode the QR code in the test
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert customer.grab().save(buffer, "PNG")
    urls = _decode(bytes(buffer.data()))
    # the code carries the handover's own receipt token (made when the desk prepared it)
    assert page.card.receipt_token and len(page.card.receipt_token) == 43
    assert urls == [f"{server.url}/e-service/applications/{app_id}"
                    f"?receipt={page.card.receipt_token}"]
    qtbot.waitUntil(lambda: any(h.status is HandoverStatus.PREPARED for h in
                                server.state.application(app_id).handovers), timeout=30000)
    assert server.receipt_url(app_id) == urls[0]

    # the applicant opens it on their phone, signs in (latvija.lv) and confirms receipt
    phone = requests.Session()
    phone.headers["Origin"] = server.url  # the browser posts from the e-service's pages
    sign_in_form = phone.get(urls[0], timeout=5)
    assert "Personas kods" in sign_in_form.text and SUBMITTER not in sign_in_form.text
    back_to = re.search(r'name="next" value="([^"]+)"', sign_in_form.text).group(1)
    page_html = phone.post(f"{server.url}/e-service/sign-in", timeout=5, data={
        "personal_code": "120385-12342", "next": back_to.replace("&amp;", "&")})
    assert page_html.status_code == 200 and "Apstiprinu saņemšanu" in page_html.text
    form = dict(re.findall(r'name="(handover_id|receipt|csrf)" value="([^"]+)"',
                           page_html.text))
    handover_id = form["handover_id"]
    assert handover_id == page.card.handover_id
    assert form["receipt"] == page.card.receipt_token
    action = re.search(r'<form method="post" action="([^"]+)"', page_html.text).group(1)
    answer = phone.post(f"{server.url}{action}", data=form, timeout=5)
    assert answer.status_code == 200 and "Saņemšana apstiprināta" in answer.text

    # Nothing here syncs and the normal interval is 600 s: only the watch (the push channel,
    # or a sync every second where there is none) can bring the confirmation. The timeout is
    # a bound for a stuck desk, not the target, which bench/desk_bench.py measures.
    qtbot.waitUntil(lambda: customer.confirmed and page.act_path is not None, timeout=30000)
    assert "Izsniegts" in page.status_text()
    assert page.print_button.isEnabled()
    assert not sync.watching  # back to the normal interval

    state = desk.handover_state(store, ADMIN, handover_id)
    assert state.status is HandoverStatus.ISSUED and state.act_filed
    with store.read() as s:
        assert s.get(Item, item_id).status is ItemStatus.IN_USE  # type: ignore[union-attr]
        doc = s.query(Document).filter(Document.handover_id == handover_id).one()
        assert doc.file_path == f"documents/{app_id}/{page.card.act_number}.pdf"
    assert page.act_path == store.data_dir / doc.file_path
    text = "\n".join(p.extract_text() for p in PdfReader(page.act_path).pages)
    for needle in (SUBMITTER, LEARNER, "7.b klase", inventory_no, page.card.act_number,
                   "Pieņemšanas-nodošanas akts", "apstiprināja elektroniski"):
        assert needle in text, needle

    sync.stop()
    page.close()
    tasks.wait()


def _push_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "resursi-push" and t.is_alive()]


def test_with_polling_off_the_push_channel_alone_brings_the_confirmation(
        qtbot: QtBot, world: tuple[DevServer, Store, SyncEngine, int]) -> None:
    """Issue 17: no timer sync at all (600 s interval, a watch interval of days): the desk
    learns of the confirmation through the push channel, and one wait is held meanwhile."""
    server, store, engine, app_id = world
    item_id = decisions.offerable_items(store, ADMIN, app_id)[0][0]
    decisions.grant(store, ADMIN, app_id, item_id=item_id)
    card = desk.start_handover(store, ADMIN, app_id)
    engine.sync_once()  # the prepared handover reaches the central service

    tasks = TaskRunner()
    sync = SyncController(tasks, engine, interval_s=600)
    rounds: list[object] = []
    sync.synced.connect(rounds.append)
    watch = HandoverWatch(tasks, lambda hid: desk.handover_state(store, ADMIN, hid),
                          lambda hid: produce_act(store, ADMIN, hid, "Ģirts Ļaviņš"),
                          watch_sync=lambda on: sync.watch(on, interval_ms=86_400_000),
                          poll_ms=86_400_000)
    sync.synced.connect(watch.refresh)
    issued: list[Path] = []
    watch.issued.connect(issued.append)
    watch.start(card.handover_id)
    assert sync.pushing
    qtbot.waitUntil(lambda: len(rounds) == 1 and not sync.running, timeout=10000)
    assert server.push.wait_until(1, SCHOOL)  # the desk's one open connection
    assert server.push.waiting() == 1

    server.applicant_confirm_receipt(app_id)  # "Apstiprinu saņemšanu" on the phone
    qtbot.waitUntil(lambda: issued != [], timeout=30000)
    assert desk.handover_state(store, ADMIN, card.handover_id).status is HandoverStatus.ISSUED
    assert len(rounds) == 2  # the one pull the push channel asked for
    # the watch has ended: the channel closes at once, no wait is left on the server
    qtbot.waitUntil(lambda: not sync.pushing, timeout=3000)
    assert _push_threads() == []
    assert server.push.wait_until_idle()
    tasks.wait()


def test_stopping_the_sync_ends_a_held_wait_at_once(
        qtbot: QtBot, world: tuple[DevServer, Store, SyncEngine, int]) -> None:
    """Shutdown never waits for the server's 25 s hold: the wait's socket is shut."""
    server, _store, engine, _app_id = world
    tasks = TaskRunner()
    sync = SyncController(tasks, engine, interval_s=600, push="always")
    sync.start()
    qtbot.waitUntil(lambda: not sync.running, timeout=10000)
    assert server.push.wait_until(1, SCHOOL)
    sync.stop()  # joins the push thread: it has ended by the time stop() returns
    assert _push_threads() == [] and not sync.pushing
    assert server.push.wait_until_idle()  # the server saw the connection go
    tasks.shutdown()


def test_offline_desk_still_shows_the_code_and_picks_up_the_confirmation_later(
        qtbot: QtBot, world: tuple[DevServer, Store, SyncEngine, int]) -> None:
    server, store, engine, app_id = world
    item_id = decisions.offerable_items(store, ADMIN, app_id)[0][0]
    decisions.grant(store, ADMIN, app_id, item_id=item_id)
    engine.sync_once()
    card = desk.start_handover(store, ADMIN, app_id)
    engine.sync_once()  # the prepared handover reaches the central service

    tasks = TaskRunner()
    calls: list[bool] = []
    produced = []

    def produce(hid: str) -> Path:
        path = produce_act(store, ADMIN, hid)
        produced.append(path)
        return path

    reads: list[HandoverStatus] = []

    def state(hid: str) -> desk.HandoverState:
        seen = desk.handover_state(store, ADMIN, hid)
        reads.append(seen.status)
        return seen

    watch = HandoverWatch(tasks, state, produce, watch_sync=calls.append, poll_ms=50)
    issued: list[Path] = []
    watch.issued.connect(issued.append)
    watch.start(card.handover_id)
    assert calls == [True]
    # the link is down: nothing arrives; the QR URL needs no network at all
    services = desk_services(store, lambda: ADMIN, url_template=server.receipt_url_template)
    assert services.receipt_url(app_id, card.receipt_token) == (
        f"{server.url}/e-service/applications/{app_id}?receipt={card.receipt_token}")
    server.applicant_confirm_receipt(app_id)
    before = len(reads)
    qtbot.waitUntil(lambda: len(reads) >= before + 3, timeout=10000)  # it keeps looking ...
    assert set(reads) == {HandoverStatus.PREPARED}  # ... and sees nothing new
    assert issued == [] and watch.active
    # the connection is back: the next sync brings the confirmation, the act follows
    engine.sync_once()
    qtbot.waitUntil(lambda: issued != [], timeout=3000)
    assert calls == [True, False] and not watch.active
    assert issued[0].exists() and produced == issued
    tasks.wait()


def test_lost_report_reaches_the_desk_and_its_acknowledgement_the_server(
        world: tuple[DevServer, Store, SyncEngine, int]) -> None:
    server, store, engine, app_id = world
    item_id = decisions.offerable_items(store, ADMIN, app_id)[0][0]
    decisions.grant(store, ADMIN, app_id, item_id=item_id)
    card = desk.start_handover(store, ADMIN, app_id)
    engine.sync_once()
    server.applicant_confirm_receipt(app_id)
    server.applicant_incident(app_id, "stolen",
                              "Soma ar datoru nozagta Rīgas Centrālajā stacijā; iesniegts "
                              "iesniegums Valsts policijā.")
    engine.sync_once()
    reports = desk.open_incidents(store, ADMIN)
    assert [(r.handover_id, r.status) for r in reports] == [
        (card.handover_id, HandoverStatus.STOLEN)]
    assert reports[0].description.startswith("Soma ar datoru nozagta Rīgas")  # type: ignore[union-attr]
    assert reports[0].applicant_name == SUBMITTER
    acknowledge_incident(store, ADMIN, card.handover_id)
    engine.sync_once()
    assert desk.open_incidents(store, ADMIN) == []
    assert server.item(item_id).status is ItemStatus.STOLEN
    with store.read() as s:
        assert s.get(Item, item_id).status is ItemStatus.STOLEN  # type: ignore[union-attr]


def test_a_return_reaches_the_server_with_its_act_kept_locally(
        world: tuple[DevServer, Store, SyncEngine, int]) -> None:
    server, store, engine, app_id = world
    item_id = decisions.offerable_items(store, ADMIN, app_id)[0][0]
    decisions.grant(store, ADMIN, app_id, item_id=item_id)
    card = desk.start_handover(store, ADMIN, app_id)
    engine.sync_once()
    server.applicant_confirm_receipt(app_id)
    engine.sync_once()
    path = take_back(store, ADMIN, card.handover_id, "returned_working_order", None)
    engine.sync_once()
    assert server.item(item_id).status is ItemStatus.AVAILABLE
    wire = server.application(app_id)
    assert [h.status for h in wire.handovers] == [HandoverStatus.RETURNED]
    assert path.name == f"{card.act_number}-R.pdf"
    text = PdfReader(path).pages[0].extract_text()
    assert "Resursa atgriešanas akts" in text and LEARNER in text and "Darba kārtībā" in text
