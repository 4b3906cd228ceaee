"""Issuing desk benchmarks (issue 6).

    python -m bench.desk_bench [--runs 50] [--confirm-runs 10] [--push both|on|off]
                               [--idle-seconds 5]

1. "Start handover" clicked → the QR code painted on the applicant's screen: the click, the
   handover prepared in the store on a worker thread (one transaction with history, audit
   and outbox), the customer screen filled and shown, and its QR widget's paint finished.
   Target ≤ 100 ms. Floor: segno making the code and Qt decoding it into an image.
2. The act PDF (facts read from the store + reportlab with the embedded font), and the whole
   filing (PDF written, its Document row and audit row). Target ≤ 300 ms. Floor: reportlab
   making a one-line PDF with the same embedded font.
3. The applicant confirms receipt (on the reference server, over loopback) → the act filed at
   the desk: the desk waits as it does in use, the handover re-read after each sync. Side by
   side (issue 17): with the push channel on (the desk's one held wait answers when the feed
   moves, and the pull follows at once; target ≤ 300 ms p95) and off (the sync every second
   while the code is shown, as before; target ≤ 3 s). Floor: one sync with no changes.
   ``--confirm-runs`` runs; ``--push`` picks the columns.
4. What a desk that waits costs the server, for each: requests per second and connections
   held over ``--idle-seconds`` of a desk showing a code that nobody confirms.

Each figure is the median and the p95 of ``--runs`` runs, with the floor measured in the same
run and the ratio to it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


SCHOOL = "4313900123"
BOYS = ["Jānis", "Ģirts", "Kārlis", "Žanis", "Pēteris", "Oskars", "Mārtiņš", "Roberts"]
MOTHERS = ["Līga", "Ērika", "Ņina", "Anna", "Dace", "Ilze", "Marta", "Inese", "Solvita"]
LAST = [("Bērziņš", "Bērziņa"), ("Ozoliņš", "Ozoliņa"), ("Kalniņš", "Kalniņa"),
        ("Ķēniņš", "Ķēniņa"), ("Vītols", "Vītola"), ("Šķēle", "Šķēle"), ("Ģērķis", "Ģērķe")]


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(len(ordered) * 0.95)) - 1)]


def _seed(store: object, count: int) -> list[int]:
    """``count`` granted applications, each with a reserved laptop (an ordinary school)."""
    from desktop.models.codes import (
        ApplicantRole,
        ApplicationStatus,
        GuardianCheck,
        StaffRole,
        TargetGroup,
    )
    from desktop.models.decisions import grant
    from desktop.models.journal import Actor
    from desktop.models.schema import Application, Institution, Item, OfferedKind, ResourceKind

    when = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
    reviewer = Actor("ilze.reviewer", SCHOOL, StaffRole.REVIEWER)
    with store.write() as s:  # type: ignore[attr-defined]
        s.add(Institution(id=SCHOOL, name="Rīgas Āgenskalna Valsts ģimnāzija",
                          address="Lavīzes iela 2a, Rīga"))
        s.add(ResourceKind(code="windows_laptop", type_code="computer",
                           label_lv="Windows portatīvais dators", label_en="Windows laptop"))
        s.flush()
        s.add(OfferedKind(institution_id=SCHOOL, kind_code="windows_laptop",
                          target_group=TargetGroup.ALL))
        for n in range(count):
            first = BOYS[n % len(BOYS)]
            last = LAST[n % len(LAST)]
            s.add(Item(id=_item_id(n), institution_id=SCHOOL, kind_code="windows_laptop",
                       inventory_no=f"RAVĢ-{n:05d}", serial_no=f"SN{n:08d}",
                       manufacturer="Lenovo", model="ThinkPad E14", year=2024,
                       status="available"))
            s.add(Application(
                id=10_000 + n, number=f"P-2026-{10_000 + n:06d}", institution_id=SCHOOL,
                kind_code="windows_laptop", status=ApplicationStatus.SUBMITTED,
                status_changed_at=when, submitted_at=when,
                submitter_role=ApplicantRole.PARENT_GUARDIAN,
                submitter_name=f"{MOTHERS[(n + 3) % len(MOTHERS)]} {last[1]}",
                submitter_personal_code="010180-10000", learner_name=f"{first} {last[0]}",
                learner_personal_code="150312-20009", learner_class=f"{5 + n % 7}.b",
                guardian_check=GuardianCheck.VERIFIED, guardian_checked_at=when))
    ids = [10_000 + n for n in range(count)]
    for n, app_id in enumerate(ids):
        grant(store, reviewer, app_id, item_id=_item_id(n),  # type: ignore[arg-type]
              return_deadline=date(2027, 6, 30), now=when)
    return ids


def _item_id(n: int) -> str:
    """Item ids are UUIDs, as the register makes them (the command payloads check it)."""
    return str(uuid.UUID(int=n + 1))


def _wait(signal: object, timeout_ms: int = 5000) -> bool:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    fired = {"ok": False}

    def done(*_: object) -> None:
        fired["ok"] = True
        loop.quit()

    signal.connect(done)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(done)  # type: ignore[attr-defined]
    return fired["ok"]


def _until(check: Callable[[], bool], timeout_s: float = 5.0) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.perf_counter() + timeout_s
    while not check():
        if time.perf_counter() > end:
            raise TimeoutError("the desk did not answer in time")
        QApplication.processEvents()
        time.sleep(0.001)


def confirm_to_issued(runs: int, push: bool = False
                      ) -> tuple[list[float], list[float]]:
    """Milliseconds from the applicant's confirmation on the server to the act filed at the
    desk, ``runs`` times; and the floor, a sync with no changes, after each run. ``push``:
    the desk waits on the push channel, else it syncs every second (the channel off)."""
    from PySide6.QtWidgets import QApplication

    from desktop.desk import HandoverWatch, produce_act, take_back
    from desktop.models import decisions, desk
    from desktop.models.codes import StaffRole
    from desktop.models.journal import Actor
    from desktop.models.store import open_store
    from desktop.syncing import SyncController
    from desktop.tasks import TaskRunner
    from sync.client import CentralClient
    from sync.credentials import MemoryCredentials
    from sync.devserver.server import DevServer
    from sync.engine import SyncEngine

    admin = Actor("admin", SCHOOL, StaffRole.ADMIN)
    confirm_ms: list[float] = []
    floor_ms: list[float] = []
    with tempfile.TemporaryDirectory(prefix="resursi-confirm-bench-") as folder, \
            DevServer(seed=40) as server:
        app_ids = [server.applicant_submit({
            "institution_id": SCHOOL, "kind_code": "windows_laptop",
            "submitter": {"role": "parent_guardian", "name": "Līga Šķēle-Ņikitina",
                          "personal_code": "120385-12342"},
            "learner": {"name": "Žanis Ģērķis", "personal_code": "325794-61232",
                        "class_name": "7.b"},
            "contact": {"phone": "+37129123456", "email": None},
        }).id for _ in range(runs)]
        client = CentralClient(server.url, username="admin", credentials=MemoryCredentials())
        client.sign_in("demo")
        store = open_store(Path(folder))
        engine = SyncEngine(store, client, SCHOOL, page_size=1000)
        engine.sync_once()
        tasks = TaskRunner()
        sync = SyncController(tasks, engine, interval_s=600, push="watch" if push else "off")
        for app_id in app_ids:
            decisions.grant(store, admin, app_id,
                            item_id=decisions.offerable_items(store, admin, app_id)[0][0])
            card = desk.start_handover(store, admin, app_id)
            engine.sync_once()  # the prepared handover reaches the server
            watch = HandoverWatch(tasks, lambda hid: desk.handover_state(store, admin, hid),
                                  lambda hid: produce_act(store, admin, hid, "Ģirts Ļaviņš"),
                                  watch_sync=sync.watch)
            sync.synced.connect(watch.refresh)
            watch.start(card.handover_id)
            if not _wait(sync.synced):  # the desk has been showing the code for a moment
                raise TimeoutError("the watch-mode sync did not run")
            if push:  # and its one wait is held on the server
                _until(lambda: server.push.waiting(SCHOOL) >= 1)
            started = time.perf_counter()
            server.applicant_confirm_receipt(app_id)
            if not _wait(watch.issued, 15000):
                raise TimeoutError("the desk did not see the confirmation")
            confirm_ms.append((time.perf_counter() - started) * 1000)
            sync.synced.disconnect(watch.refresh)
            sync.stop()
            tasks.wait()
            QApplication.processEvents()  # a sync still running ends, the timer goes quiet
            sync.stop()
            # the device comes back, so the next run has one to hand over (any seed will do)
            take_back(store, admin, card.handover_id, "returned_working_order", None)
            engine.sync_once()
            started = time.perf_counter()
            engine.sync_once()
            floor_ms.append((time.perf_counter() - started) * 1000)
        tasks.wait()
        client.close()
        store.close()
    return confirm_ms, floor_ms


def waiting_cost(push: bool, seconds: float) -> tuple[float, int]:
    """A desk showing a code nobody confirms, for ``seconds``: the requests per second that
    reach the server, and the connections it holds open at the end."""
    from PySide6.QtWidgets import QApplication

    from desktop.models.store import open_store
    from desktop.syncing import SyncController
    from desktop.tasks import TaskRunner
    from sync.client import CentralClient
    from sync.credentials import MemoryCredentials
    from sync.devserver.server import DevServer
    from sync.engine import SyncEngine

    with tempfile.TemporaryDirectory(prefix="resursi-wait-bench-") as folder, \
            DevServer(seed=40) as server:
        client = CentralClient(server.url, username="admin", credentials=MemoryCredentials())
        client.sign_in("demo")
        store = open_store(Path(folder))
        engine = SyncEngine(store, client, SCHOOL, page_size=1000)
        engine.sync_once()
        tasks = TaskRunner()
        sync = SyncController(tasks, engine, interval_s=600, push="watch" if push else "off")
        sync.watch(True)
        if not _wait(sync.synced):
            raise TimeoutError("the watch-mode sync did not run")
        if push:
            _until(lambda: server.push.waiting(SCHOOL) >= 1)
        before = server.faults.requests
        started = time.perf_counter()
        while time.perf_counter() - started < seconds:
            QApplication.processEvents()
            time.sleep(0.005)
        rate = (server.faults.requests - before) / (time.perf_counter() - started)
        held = server.push.waiting(SCHOOL)
        sync.watch(False)
        sync.stop()
        tasks.shutdown()
        client.close()
        store.close()
    return rate, held


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--confirm-runs", type=int, default=10)
    parser.add_argument("--push", choices=("both", "on", "off"), default="both",
                        help="the confirmation row with the push channel on, off, or both")
    parser.add_argument("--idle-seconds", type=float, default=5.0,
                        help="how long a waiting desk is watched for its cost to the server")
    args = parser.parse_args(argv)
    runs = args.runs

    import segno
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication
    from reportlab.pdfgen.canvas import Canvas

    from desktop.desk import HandoverWatch, act_data, desk_services, produce_act
    from desktop.documents.acts import handover_act_pdf
    from desktop.documents.report_pdf import FONT, register_fonts
    from desktop.models import desk
    from desktop.models.codes import StaffRole
    from desktop.models.journal import Actor
    from desktop.models.schema import Handover, utcnow
    from desktop.models.store import open_store
    from desktop.tasks import TaskRunner
    from desktop.views.customer_screen import CustomerScreen
    from desktop.views.desk_page import DeskPage

    qt_app = QApplication.instance() or QApplication([])
    actor = Actor("desk.girts", SCHOOL, StaffRole.DESK)
    template = "https://e.latvija.lv/resursi/pieteikumi/{application_id}/sanemsana"
    with tempfile.TemporaryDirectory(prefix="resursi-desk-bench-") as folder:
        store = open_store(Path(folder))
        ids = _seed(store, runs + 5)
        tasks = TaskRunner()
        watch = HandoverWatch(tasks, lambda hid: desk.handover_state(store, actor, hid),
                              lambda hid: produce_act(store, actor, hid))
        services = desk_services(store, lambda: actor, url_template=lambda: template)
        customer = CustomerScreen()
        page = DeskPage(tasks, services, watch, customer)
        page.full_screen.setChecked(False)
        page.resize(1280, 760)
        customer.resize(720, 900)
        page.show()

        # warm-up: fonts, the first SQL statements, the first show of the customer screen
        for app_id in ids[runs:runs + 2]:
            page.cases.search.setText(f"P-2026-{app_id:06d}")
            page.cases.reload()
            _until(lambda app_id=app_id: page.cases.current() is not None
                   and page.cases.current().application_id == app_id)
            page.start_button.click()
            _wait(customer.code.painted)
            _until(lambda app_id=app_id: page.card is not None
                   and page.card.application_id == app_id)

        start_ms: list[float] = []
        for app_id in ids[:runs]:
            page.cases.search.setText(f"P-2026-{app_id:06d}")
            page.cases.reload()
            _until(lambda app_id=app_id: page.cases.current() is not None
                   and page.cases.current().application_id == app_id)
            tasks.wait()
            qt_app.processEvents()
            started = time.perf_counter()
            page.start_button.click()
            if not _wait(customer.code.painted):
                raise TimeoutError("the QR code was not painted")
            start_ms.append((time.perf_counter() - started) * 1000)
            _until(lambda app_id=app_id: page.card is not None
                   and page.card.application_id == app_id)
            watch.stop()
            tasks.wait()
            qt_app.processEvents()

        qr_floor: list[float] = []
        for app_id in ids[:runs]:
            started = time.perf_counter()
            out = BytesIO()
            segno.make(template.format(application_id=app_id), error="m").save(
                out, kind="png", scale=1, border=4)
            QImage.fromData(out.getvalue(), "PNG")
            qr_floor.append((time.perf_counter() - started) * 1000)

        # the act: every prepared handover becomes issued, as the pull would write it
        with store.write() as s:
            handover_ids = [h.id for h in s.query(Handover).filter(
                Handover.status == "prepared").order_by(Handover.application_id)][:runs]
            for h in s.query(Handover).filter(Handover.id.in_(handover_ids)):
                h.status, h.issued_at = "issued", utcnow()
        act_ms: list[float] = []
        filed_ms: list[float] = []
        for hid in handover_ids:
            started = time.perf_counter()
            handover_act_pdf(act_data(store, actor, hid, "Ģirts Ļaviņš"))
            act_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            produce_act(store, actor, hid, "Ģirts Ļaviņš")
            filed_ms.append((time.perf_counter() - started) * 1000)
        register_fonts()
        pdf_floor: list[float] = []
        for _ in handover_ids:
            started = time.perf_counter()
            buffer = BytesIO()
            canvas = Canvas(buffer)
            canvas.setFont(FONT, 11)
            canvas.drawString(72, 720, "Pieņemšanas-nodošanas akts Nr. P-2026-010000-A1")
            canvas.save()
            pdf_floor.append((time.perf_counter() - started) * 1000)

        page.close()
        tasks.wait()
        store.close()

    modes = {"both": (True, False), "on": (True,), "off": (False,)}[args.push]
    confirmed = {push: confirm_to_issued(args.confirm_runs, push) for push in modes}
    costs = {push: waiting_cost(push, args.idle_seconds) for push in modes}

    def row(name: str, values: list[float], target: float, floor: list[float]) -> str:
        med, p95, fmed = statistics.median(values), _p95(values), statistics.median(floor)
        verdict = "ok" if p95 <= target else "OVER"
        return (f"| {name:<44} | {med:7.1f} | {p95:7.1f} | ≤ {target:>4.0f} {verdict:<4} "
                f"| {fmed:6.1f} | {med / fmed:6.1f}× |")

    print(f"Issuing desk, {runs} runs each (milliseconds)")
    print("| measure                                      |  median |     p95 | target    "
          "|  floor |  ratio |")
    print("|----------------------------------------------|---------|---------|-----------"
          "|--------|--------|")
    print(row("Start handover click → QR painted", start_ms, 100, qr_floor))
    print(row("Act PDF (facts + reportlab, embedded font)", act_ms, 300, pdf_floor))
    print(row("Act filed (PDF + file + Document + audit)", filed_ms, 300, pdf_floor))
    for push in modes:
        confirm_ms, sync_floor = confirmed[push]
        label = "push on" if push else "push off, 1 s sync"
        print(row(f"Confirms → act filed, {label} ({args.confirm_runs})", confirm_ms,
                  300 if push else 3000, sync_floor))
    print("floors: QR = segno make + PNG + QImage decode; PDF = reportlab one-line PDF with "
          "the embedded DejaVu font; confirmation = one sync with no changes (loopback)")
    print()
    print(f"A desk waiting for a confirmation, {args.idle_seconds:g} s (what it costs the server)")
    print("| push channel       | requests/s | connections held |")
    print("|--------------------|------------|------------------|")
    for push in modes:
        rate, held = costs[push]
        print(f"| {'on' if push else 'off (1 s sync)':<18} | {rate:10.2f} | {held:16d} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
