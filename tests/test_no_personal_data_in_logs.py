"""A whole working day against the reference server, with every logger at DEBUG: no personal
code, name, e-mail or phone of any applicant ends up in a log line, the audit log or the
deletion log.

The flow: sync a school from the reference server (Latvian names and personal codes), an
applicant submits through the e-service simulator, staff view, grant (with a device),
refuse and defer, the desk prepares a handover, the applicant confirms receipt on the
"phone", the device comes back; reports and the audit log are exported (screen path and
command line); the central service deletes one case (tombstone) and local retention purges
the rest 25 months on; a failing sync is logged too.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.cli_export import add_export_parser, export_report
from desktop.models import audit_queries, decisions, handovers
from desktop.models.codes import (
    ApplicationStatus,
    HandoverStatus,
    ReturnCondition,
    StaffRole,
)
from desktop.models.journal import Actor
from desktop.models.retention import purge_expired, sweep_orphans
from desktop.models.schema import Application, Handover
from desktop.models.store import Store
from desktop.models.store_key import open_for_command
from sync.client import CentralClient
from sync.credentials import MemoryCredentials
from sync.devserver.server import DevServer
from sync.engine import SyncEngine

# The commands open the data folder as a scheduled task would: no keyring, RESURSI_PASSPHRASE.
pytestmark = pytest.mark.usefixtures("headless_passphrase")

SCHOOL = "4313900123"
ADMIN = Actor("admin", SCHOOL, StaffRole.ADMIN)
# An applicant we know by name: diacritics in every part, a legacy and a new-form code.
SUBMITTER = ("Līga", "Šķēle-Ņikitina", "120385-12342")
LEARNER = ("Žanis", "Ģērķis", "325794-61232")


# SQLAlchemy's engine and pool loggers are its ``echo`` switch: at INFO they print every
# statement with its parameters and rows, by design. They are a debugging tool for the data
# itself, not the app's log; left out here (see the report for pinning them in the app).
ECHO_LOGGERS = ("sqlalchemy.engine", "sqlalchemy.pool", "sqlalchemy.orm")


def _is_echo(name: str) -> bool:
    return any(name == e or name.startswith(e + ".") for e in ECHO_LOGGERS)


@pytest.fixture
def every_logger_at_debug(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Root and every named logger at DEBUG, captured (a logger with its own level set to
    WARNING would otherwise hide what it would say at DEBUG)."""
    loggers = [logging.getLogger()] + [
        logging.getLogger(name) for name in list(logging.root.manager.loggerDict)
        if not _is_echo(name)]
    echo = [logging.getLogger(name) for name in ECHO_LOGGERS]
    echo_levels = [lg.level for lg in echo]
    for lg in echo:
        lg.setLevel(logging.WARNING)
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.DEBUG)
    caplog.set_level(logging.DEBUG)
    yield caplog
    for lg, level in zip(loggers + echo, levels + echo_levels, strict=True):
        lg.setLevel(level)


def _needles(store: Store) -> set[str]:
    """Everything personal the store holds about applicants, in every written form."""
    found: set[str] = set()
    with store.read() as s:
        for a in s.scalars(select(Application)):
            for name in (a.learner_name, a.submitter_name):
                found.add(name)
            for code in (a.learner_personal_code, a.submitter_personal_code):
                found.add(code)
                found.add(code.replace("-", ""))
            found.update(x for x in (a.email, a.phone) if x)
    return {n for n in found if len(n) >= 6}


def _submit(server: DevServer) -> int:
    wire = server.applicant_submit({
        "institution_id": SCHOOL,
        "kind_code": "windows_laptop",
        "submitter": {"role": "parent_guardian", "name": f"{SUBMITTER[0]} {SUBMITTER[1]}",
                      "personal_code": SUBMITTER[2]},
        "learner": {"name": f"{LEARNER[0]} {LEARNER[1]}", "personal_code": LEARNER[2],
                    "class_name": "7.b"},
        "contact": {"phone": "+37129123456", "email": "liga.skele@example.lv"},
    })
    return wire.id


def _table_text(store: Store, table: str) -> str:
    with store.read() as s:
        rows = s.execute(text(f"SELECT * FROM {table}")).all()
    return "\n".join(" ".join(str(v) for v in row) for row in rows)


def test_a_whole_day_leaves_no_personal_data_in_logs(
        tmp_path: Path, every_logger_at_debug: pytest.LogCaptureFixture,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    caplog = every_logger_at_debug
    with DevServer(seed=40) as server:
        known_id = _submit(server)
        credentials = MemoryCredentials()
        client = CentralClient(server.url, username="admin", credentials=credentials,
                               timeout=(1.0, 5.0))
        client.sign_in("demo")
        store = open_for_command(tmp_path / "data")
        try:
            engine = SyncEngine(store, client, SCHOOL, page_size=50)
            engine.sync_once()
            needles = _needles(store)
            assert f"{SUBMITTER[0]} {SUBMITTER[1]}" in needles  # the known applicant came
            assert LEARNER[2] in needles and len(needles) > 50

            with store.read() as s:
                waiting = list(s.scalars(select(Application.id).where(
                    Application.institution_id == SCHOOL,
                    Application.status == ApplicationStatus.SUBMITTED.value,
                    Application.kind_code == "windows_laptop").order_by(Application.id)))
            assert known_id in waiting and len(waiting) >= 3
            others = [i for i in waiting if i != known_id]

            # reviewing: viewing personal data is audited; three decisions
            for app_id in (known_id, *others[:2]):
                audit_queries.record_view(store, ADMIN, app_id)
            item_id = decisions.offerable_items(store, ADMIN, known_id)[0][0]
            decisions.grant(store, ADMIN, known_id, item_id=item_id,
                            return_deadline=date.today() + timedelta(days=300))
            decisions.refuse(store, ADMIN, others[0], "Nav pieejamu ierīču šim veidam")
            decisions.defer(store, ADMIN, others[1], "Gaidām VIIS apstiprinājumu",
                            revisit_on=date.today() + timedelta(days=7))
            outcome = handovers.prepare_handover(store, ADMIN, known_id)
            engine.sync_once()

            # the applicant confirms receipt on their phone; the device comes back later
            server.applicant_confirm_receipt(known_id)
            engine.sync_once()
            with store.read() as s:
                handover = s.get(Handover, outcome.handover_id)
                assert handover is not None and handover.status is HandoverStatus.ISSUED
            handovers.record_return(store, ADMIN, outcome.handover_id,
                                    ReturnCondition.RETURNED_WORKING_ORDER)
            engine.sync_once()

            # exports: the files hold names (that is their job); the logs must not
            out = tmp_path / "out"
            out.mkdir()
            for kind in ("applications", "items", "issued", "overdue"):
                export_report(store, ADMIN.username, SCHOOL, kind, "pdf", out / f"{kind}.pdf")
                export_report(store, ADMIN.username, SCHOOL, kind, "csv", out / f"{kind}.csv")
            audit_queries.export_csv(store, ADMIN, audit_queries.AuditFilter(), out / "a.csv")
            parser = argparse.ArgumentParser()
            add_export_parser(parser.add_subparsers())
            monkeypatch.setenv("RESURSI_PASSWORD", "demo")
            for argv in (["export", "overdue", "--format", "csv", "--data-dir",
                          str(tmp_path / "data"), "-o", str(out / "cli.csv"),
                          "--server", server.url, "--user", "admin"],
                         ["export", "overdue", "--format", "csv", "--data-dir",
                          str(tmp_path / "data"), "-o", str(out / "no" / "such" / "x.csv"),
                          "--server", server.url, "--user", "admin"]):
                args = parser.parse_args(argv)
                args.func(args)
            assert (out / "cli.csv").stat().st_size > 0  # signed in and exported

            # the central service deletes one case; the tombstone and the sweep follow
            server.delete_application(others[0])
            engine.sync_once()
            sweep_orphans(store)
            # 25 months on, local retention purges the closed ones (the returned case too)
            report = purge_expired(store, today=date.today() + timedelta(days=31 * 26))
            assert report.applications >= 1
            with store.read() as s:
                assert s.get(Application, known_id) is None

            # a sync that fails (the server has gone) is logged as well
            server.stop()
            with pytest.raises(Exception):  # noqa: B017 - any failure will do
                engine.sync_once()

            audit_text = _table_text(store, "audit_log")
            deletion_text = _table_text(store, "deletion_log")
            state_text = _table_text(store, "sync_state")
            errors_text = "\n".join(
                str(v) for (v,) in store.engine.connect().execute(
                    text("SELECT last_error FROM outbox WHERE last_error IS NOT NULL")).all())
        finally:
            store.close()
            client.close()

    printed = capsys.readouterr()
    log_text = "\n".join(
        f"{r.name} {r.levelname} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert any(r.levelno == logging.DEBUG for r in caplog.records), "the capture is not working"
    # the scan can find what it looks for: the overdue list names learners, as it should
    exported = (out / "overdue.csv").read_text(encoding="utf-8-sig").casefold()
    assert any(n.casefold() in exported for n in needles)
    assert "view_personal_data" in audit_text and "export" in audit_text
    assert deletion_text  # retention ran and was logged
    for where, body in (("log records", log_text), ("audit_log", audit_text),
                        ("deletion_log", deletion_text), ("sync_state", state_text),
                        ("outbox errors", errors_text), ("stdout", printed.out),
                        ("stderr", printed.err)):
        leaked = sorted(n for n in needles if n.casefold() in body.casefold())
        assert leaked == [], f"personal data in {where}: {len(leaked)} values"
