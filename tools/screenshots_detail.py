"""Render the application detail's handover box to PNG files (offscreen, Latvian demo data).

    python -m tools.screenshots_detail [--out docs/screenshots] [--language lv|en]

The detail pane as a reviewer sees it on a 1366×768 laptop at 125 % (QT_SCALE_FACTOR=1.25):
the pane at its minimum width (440 px), scrolled to the "Izsniegšana" group. Writes
detail-handover-box.png (issued on paper, with the pickup arrangement, the act here and a
notification to the applicant) and detail-incident.png (a stolen device, the police report
attached). ``--language en`` writes the same with an ``-en`` suffix, through the English
translation compiled from ``--ts`` (the project's .ts unless told otherwise).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from tools.shots import english

if TYPE_CHECKING:
    from desktop.models.store import Store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1.25")

SCREEN = (1366, 768)  # physical pixels
PANE_WIDTH = 440  # the detail pane's minimum width (app.py), in logical pixels



def _seed(store: Store, folder: Path) -> tuple[int, int]:
    """Two applications of one school: one issued on paper, one whose device was stolen."""
    from sqlalchemy import update

    from desktop.desk import paper_act
    from desktop.models import lifecycle
    from desktop.models.codes import (
        ApplicantRole,
        ApplicationStatus,
        GuardianCheck,
        ItemStatus,
        SocialStatus,
        StaffRole,
        TargetGroup,
    )
    from desktop.models.decisions import grant
    from desktop.models.journal import Actor
    from desktop.models.schema import (
        Application,
        ApplicationSocialStatus,
        Handover,
        Institution,
        Item,
        OfferedKind,
        ResourceKind,
    )

    school = "4313900123"
    reviewer = Actor("ilze.kalnina", school, StaffRole.REVIEWER)
    desk = Actor("girts.lavins", school, StaffRole.DESK)
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    with store.write() as s:
        s.add_all([
            Institution(id=school, name="Rīgas Āgenskalna Valsts ģimnāzija"),
            ResourceKind(code="windows_laptop", type_code="computer",
                         label_lv="Windows portatīvais dators", label_en="Windows laptop"),
        ])
        s.flush()
        s.add(OfferedKind(id="ok-win", institution_id=school, kind_code="windows_laptop",
                          target_group=TargetGroup.ALL))
        for n, (learner, submitter, klass, phone) in enumerate((
                ("Ērika Ķuze", "Ģirts Ķuzis", "8.a", "+37129123456"),
                ("Jānis Bērziņš", "Līga Bērziņa", "7.b", "+37126555012"))):
            s.add(Item(id=f"00000000-0000-4000-8000-00000000000{n}", institution_id=school,
                       kind_code="windows_laptop", inventory_no=f"RAVG-01{n}7",
                       serial_no=f"PF4XK{n}9Q", manufacturer="Lenovo",
                       model="ThinkPad E14 Gen 5", year=2024, status=ItemStatus.AVAILABLE))
            s.add(Application(
                id=1201 + n, number=f"P-2026-00{1201 + n}", institution_id=school,
                kind_code="windows_laptop", status=ApplicationStatus.SUBMITTED,
                status_changed_at=now - timedelta(days=30),
                submitted_at=now - timedelta(days=30),
                submitter_role=ApplicantRole.PARENT_GUARDIAN, submitter_name=submitter,
                submitter_personal_code="010180-10006", learner_name=learner,
                learner_personal_code="150312-20004", learner_class=klass,
                guardian_check=GuardianCheck.VERIFIED,
                guardian_checked_at=now - timedelta(days=30), phone=phone,
                email="vecaki@example.lv"))
            s.flush()
            s.add(ApplicationSocialStatus(application_id=1201 + n,
                                          status=SocialStatus.LOW_INCOME_FAMILY,
                                          viis_code="M", confirmed=True))
    issued, stolen = 1201, 1202
    handovers = {}
    for n, app_id in enumerate((issued, stolen)):
        item = f"00000000-0000-4000-8000-00000000000{n}"
        grant(store, reviewer, app_id, item_id=item, now=now - timedelta(days=20))
        start = (now - timedelta(days=14)).replace(hour=8, minute=0)
        plan = lifecycle.PickupPlan("Skolas bibliotēka, 2. stāvs, 214. kabinets", start,
                                    start + timedelta(hours=2, minutes=30),
                                    "Inese Kalniņa", "29 123 456")
        lifecycle.prepare_ahead(store, desk, [app_id], plan,
                                item_ids={app_id: item},
                                return_deadline=date(now.year + 1, 6, 30),
                                now=now - timedelta(days=15))
        with store.read() as s:
            hid = s.query(Handover.id).filter(Handover.application_id == app_id).scalar()
        handovers[app_id] = hid
        act = paper_act(store, desk, hid, "Ģirts Ļaviņš").read_bytes()
        lifecycle.sign_on_paper(store, desk, hid, act,
                                now=start + timedelta(minutes=25))
    with store.write() as s:
        # what the pull writes: the device is of another kind than applied for, and the
        # central service told the applicant
        s.execute(update(Handover).where(Handover.id == handovers[issued])
                  .values(kind_differs=True))
        ready = now - timedelta(days=15)
        first, second = s.get(Application, issued), s.get(Application, stolen)
        assert first is not None and second is not None
        first.notifications = [
            {"kind": "ready_for_issue", "at": ready.isoformat(),
             "handover_id": handovers[issued], "channels": ["email", "sms"]},
        ]
        second.notifications = [
            {"kind": "ready_for_issue", "at": ready.isoformat(),
             "handover_id": handovers[stolen], "channels": ["email"]},
        ]
    police = folder / "izzina.pdf"
    police.write_bytes(paper_act(store, desk, handovers[stolen]).read_bytes())
    lifecycle.record_incident(
        store, desk, handovers[stolen], lost=False,
        description="Dators nozagts no somas trolejbusā Nr. 3 pie Brīvības ielas; "
                    "iesniedzēja par to ziņoja Valsts policijai.",
        occurred_on=(now - timedelta(days=2)).date(),
        attachments=[lifecycle.NewFile("Valsts policijas izziņa Nr. 11-2026-004512.pdf",
                                       police.read_bytes())],
        now=now - timedelta(days=1))
    with store.write() as s:
        case = s.get(Application, stolen)
        assert case is not None
        case.notifications = [
            *case.notifications,
            {"kind": "loss_recorded", "at": (now - timedelta(days=1)).isoformat(),
             "handover_id": handovers[stolen], "channels": ["email", "sms"]},
        ]
    return issued, stolen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--language", choices=("lv", "en"), default="lv")
    parser.add_argument("--ts", type=Path, default=Path("desktop/i18n/resursi_en.ts"),
                        help="the Qt Linguist source of the English translation")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    from desktop.models.codes import StaffRole
    from desktop.models.details import application_detail, document_file
    from desktop.models.journal import Actor
    from desktop.models.store import open_store
    from desktop.tasks import TaskRunner
    from desktop.views.detail_page import ApplicationDetailView

    qt_app = QApplication.instance() or QApplication([])

    def settle(seconds: float = 0.3) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            qt_app.processEvents()
            time.sleep(0.01)

    suffix = "" if args.language == "lv" else "-en"
    with tempfile.TemporaryDirectory(prefix="resursi-detail-shots-") as folder:
        translator = english(Path(folder), args.ts) if args.language == "en" else None
        store = open_store(Path(folder) / "data")
        issued, stolen = _seed(store, Path(folder))
        actor = Actor("ilze.kalnina", "4313900123", StaffRole.REVIEWER)
        tasks = TaskRunner()
        view = ApplicationDetailView(
            lambda app_id: application_detail(store, actor.institution_id, app_id,
                                              language=args.language),
            tasks=tasks, document_file=lambda doc: document_file(store, actor, doc))
        scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
        # the window's height on the screen, less its title bar, menu, tabs and status bar
        height = int(SCREEN[1] / scale) - 110
        view.resize(PANE_WIDTH, height)
        view.show()
        for app_id, name in ((issued, "detail-handover-box"), (stolen, "detail-incident")):
            view.show_application(app_id)
            tasks.wait(5000)
            settle()
            # the group's top; where it is taller than the pane, its end (the loss, the
            # actions and the notifications)
            group = view.handover_group
            top = group.mapTo(view.scroll_area.viewport(), QPoint(0, 0)).y() + (
                view.scroll_area.verticalScrollBar().value())
            visible = view.scroll_area.viewport().height()
            if app_id == stolen and group.height() > visible:
                top += group.height() - visible + 8
            view.scroll_area.verticalScrollBar().setValue(top)
            settle()
            target = out / f"{name}{suffix}.png"
            view.grab().save(str(target))
            print(f"{target}: {view.grab().width()}×{view.grab().height()} px")
        tasks.shutdown(5000)
        store.close()
        del translator
    return 0


if __name__ == "__main__":
    sys.exit(main())
