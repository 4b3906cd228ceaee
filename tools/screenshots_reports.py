"""Render the audit log, the reports page and a report PDF to docs/screenshots (offscreen).

    python -m tools.screenshots_reports [--out docs/screenshots] [--applications 1500]

The audit log is filled by real core operations on seeded data (decisions, returns, viewings
of personal data, an export), so the screenshot shows what a school's log looks like.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _fill_audit_log(store: object, school: str) -> None:
    from sqlalchemy import select

    from desktop.cli_export import export_report
    from desktop.models import audit_queries, decisions, handovers
    from desktop.models.codes import ApplicationStatus, HandoverStatus, ReturnCondition, StaffRole
    from desktop.models.journal import Actor
    from desktop.models.schema import Application, Handover

    reviewer = Actor("ilze.kalnina", school, StaffRole.REVIEWER)
    desk = Actor("girts.ozols", school, StaffRole.DESK)
    admin = Actor("nina.liepa", school, StaffRole.ADMIN)
    with store.read() as s:  # type: ignore[attr-defined]
        waiting = list(s.scalars(select(Application.id).where(
            Application.institution_id == school,
            Application.status == ApplicationStatus.SUBMITTED.value)
            .order_by(Application.id).limit(12)))
        issued = list(s.scalars(select(Handover.id).join(Application).where(
            Application.institution_id == school,
            Handover.status == HandoverStatus.ISSUED.value).order_by(Handover.id).limit(4)))
    for n, app_id in enumerate(waiting):
        audit_queries.record_view(store, reviewer, app_id)  # type: ignore[arg-type]
        if n % 3 == 0:
            decisions.grant(store, reviewer, app_id)  # type: ignore[arg-type]
        elif n % 3 == 1:
            decisions.refuse(store, reviewer, app_id,  # type: ignore[arg-type]
                             "Iestādē vairs nav brīvu ierīču šim resursa veidam")
        else:
            decisions.defer(store, reviewer, app_id,  # type: ignore[arg-type]
                            "Gaidām VIIS apstiprinājumu par sociālo statusu",
                            revisit_on=date.today() + timedelta(days=14))
    for handover_id in issued:
        handovers.record_return(store, desk, handover_id,  # type: ignore[arg-type]
                                ReturnCondition.RETURNED_WORKING_ORDER)
    with tempfile.TemporaryDirectory() as tmp:
        export_report(store, admin.username, school, "overdue", "pdf",  # type: ignore[arg-type]
                      Path(tmp) / "nokavetie.pdf")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--applications", type=int, default=1500)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from bench.seed import DEFAULT_INSTITUTION, seed
    from desktop.cli_export import export_report
    from desktop.documents.report_pdf import save_report_pdf
    from desktop.models import audit_queries
    from desktop.models.queries import institution_name
    from desktop.models.reports import build_report
    from desktop.models.retention import purge_expired
    from desktop.models.store import open_store
    from desktop.tasks import TaskRunner
    from desktop.views.audit_page import AuditLogPage
    from desktop.views.reports_page import ReportsPage

    school = DEFAULT_INSTITUTION
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp  # never the user's real settings
        seed(Path(tmp) / "data", args.applications)
        store = open_store(Path(tmp) / "data")
        purge_expired(store)  # as at start-up: the seed holds cases closed over 25 months ago
        _fill_audit_log(store, school)
        qt_app = QApplication.instance() or QApplication(sys.argv)
        tasks = TaskRunner(qt_app)

        def settle(ms: int = 500) -> None:
            loop = QEventLoop()
            QTimer.singleShot(ms, loop.quit)
            loop.exec()

        audit = AuditLogPage(
            tasks, institution_id=school,
            load_page=partial(audit_queries.audit_page, store),
            load_choices=partial(audit_queries.audit_choices, store, school),
            export=lambda f, path: 0,
            load_deletions=partial(audit_queries.deletion_runs, store),
        )
        audit.resize(1400, 760)
        audit.show()
        audit.reload()
        settle()
        audit.grab().save(str(args.out / "audit-log.png"))

        reports = ReportsPage(
            tasks, load=lambda kind: build_report(store, kind, school),
            export=lambda kind, fmt, path: export_report(store, "demo", school, kind, fmt, path),
        )
        reports.resize(1400, 860)
        reports.show()
        reports.show_kind("issued")
        settle()
        reports.grab().save(str(args.out / "reports.png"))
        reports.show_kind("overdue")
        settle()
        reports.grab().save(str(args.out / "reports-overdue.png"))

        pdf = Path(tmp) / "issued.pdf"
        save_report_pdf(build_report(store, "issued", school), pdf,
                        school_name=institution_name(store, school) or "")
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1",
                            "-singlefile", str(pdf), str(args.out / "report-pdf")],
                           check=True, timeout=120)
        else:
            print("pdftoppm not found: report-pdf.png not made", file=sys.stderr)
        tasks.wait()
        settle(100)  # let the last results arrive before the widgets go
        for widget in (audit, reports):
            widget.close()
            widget.deleteLater()
        settle(100)
        store.close()
    print(f"screenshots written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
