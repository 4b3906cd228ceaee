"""Render the audit log in the main window, as on the staff's laptop, to docs/screenshots.

    python -m tools.screenshots_audit [--out docs/screenshots] [--lang lv|en] [--ts FILE]
                                      [--scale 1.25]

The laptop is 1366×768 at 125 % (QT_SCALE_FACTOR=1.25): the window gets what is left of the
screen once the title bar and the task bar are drawn. The log is filled by real core
operations on seeded data (decisions, returns, viewings, an export) and by a few rows of the
kinds that used to show raw codes and ids (an imported device, a filed act, a changed kind),
so the picture shows every object named by its number or title. ``--lang en`` writes
``audit-log-en.png`` through the English translation compiled from ``--ts``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

LAPTOP = (1366, 768)  # physical pixels
WINDOW_CHROME = 60  # the title bar and the task bar the offscreen platform does not draw
SCHOOL_NAME = "Rīgas Āgenskalna Valsts ģimnāzija"


def _extra_rows(store: object, school: str) -> None:
    """The rows that used to show codes and UUIDs: an import, a filed act, a kind's change;
    and the staff's names, as the central service sends them."""
    from sqlalchemy import select

    from desktop.models.command_names import CommandName
    from desktop.models.schema import (
        AuditEntry,
        Document,
        Handover,
        Item,
        OfferedKind,
        StaffUser,
        utcnow,
    )

    with store.write() as s:  # type: ignore[attr-defined]
        for username, name in (("ilze.kalnina", "Ilze Kalniņa"), ("girts.ozols", "Ģirts Ozols"),
                               ("nina.liepa", "Ņina Liepa")):
            s.add(StaffUser(username=username, display_name=name))
        item = s.scalars(select(Item).where(Item.institution_id == school).limit(1)).first()
        handover = s.scalars(select(Handover).where(Handover.act_number.is_not(None))
                             .limit(1)).first()
        offered = s.scalars(select(OfferedKind).where(OfferedKind.institution_id == school)
                            .limit(1)).first()
        now = utcnow()
        if item is not None:
            s.add(AuditEntry(at=now, actor="nina.liepa", institution_id=school,
                             action="import_item", entity_type="item", entity_id=item.id,
                             details={"inventory_no": item.inventory_no}))
        if handover is not None:
            doc = Document(institution_id=school, application_id=handover.application_id,
                           handover_id=handover.id, doc_type="pna",
                           title=f"Pieņemšanas-nodošanas akts {handover.act_number}")
            s.add(doc)
            s.flush()
            s.add(AuditEntry(at=now, actor="girts.ozols", institution_id=school,
                             action=CommandName.FILE_ACT, entity_type="handover", entity_id=handover.id,
                             details={"application": handover.application_id,
                                      "document": doc.id, "returned": False}))
        if offered is not None:
            s.add(AuditEntry(at=now, actor="nina.liepa", institution_id=school,
                             action=CommandName.SET_TARGET_GROUP, entity_type="offered_kind",
                             entity_id=offered.id,
                             details={"kind": offered.kind_code, "from": "all",
                                      "to": "learner"}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", "--language", dest="lang", choices=("lv", "en"), default="lv")
    parser.add_argument("--ts", type=Path, default=Path("desktop/i18n/resursi_en.ts"))
    parser.add_argument("--scale", default="1.25", help="QT_SCALE_FACTOR (1 for 100 %%)")
    parser.add_argument("--applications", type=int, default=400)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = args.scale
    args.out.mkdir(parents=True, exist_ok=True)

    from functools import partial

    from PySide6.QtWidgets import QApplication

    from bench.seed import DEFAULT_INSTITUTION, seed
    from desktop.models import audit_queries
    from desktop.models.retention import purge_expired
    from desktop.models.store import open_store
    from desktop.settings import SettingsStore
    from desktop.tasks import TaskRunner
    from desktop.views.audit_page import AuditLogPage
    from desktop.views.main_window import MainWindow
    from tools.screenshots_reports import _fill_audit_log
    from tools.shots import english

    school = DEFAULT_INSTITUTION
    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    scale = float(args.scale)
    suffix = "" if args.lang == "lv" else "-en"

    def settle(seconds: float = 0.5) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            qt_app.processEvents()
            time.sleep(0.01)

    with tempfile.TemporaryDirectory(prefix="resursi-audit-shots-") as folder:
        os.environ["XDG_CONFIG_HOME"] = folder  # never the user's real settings
        translator = english(Path(folder), args.ts) if args.lang == "en" else None
        seed(Path(folder) / "data", args.applications)
        store = open_store(Path(folder) / "data")
        purge_expired(store)
        _fill_audit_log(store, school)
        _extra_rows(store, school)
        tasks = TaskRunner(qt_app)
        window = MainWindow(school_name=SCHOOL_NAME, user_label="nina.liepa",
                            settings=SettingsStore.in_memory())
        audit = AuditLogPage(
            tasks, institution_id=school,
            load_page=partial(audit_queries.audit_page, store),
            load_choices=partial(audit_queries.audit_choices, store, school),
            export=lambda f, path: 0,
            load_deletions=partial(audit_queries.deletion_runs, store),
            language=args.lang)
        title = qt_app.translate("app", "Audita žurnāls")
        window.add_section(title, audit, "Ctrl+1", "audit")
        window.resize(round(LAPTOP[0] / scale), round((LAPTOP[1] - WINDOW_CHROME) / scale))
        window.show()
        audit.reload()
        settle(1.5)
        target = args.out / f"audit-log{suffix}.png"
        window.grab().save(str(target))
        print(f"{target}: {window.width()}×{window.height()} (logical)")
        tasks.shutdown()
        window.close()
        settle(0.1)
        store.close()
        del translator
    return 0


if __name__ == "__main__":
    sys.exit(main())
