"""`resursi export applications|items|issued|overdue --format csv|pdf`: a report, headless.

Reads the local store (never creates one), writes the report to ``-o FILE`` (CSV may go to
standard output with ``-o -``, the default for CSV; a PDF goes to
``resursi-<report>-<date>.pdf`` unless told otherwise) and records the export in the audit
log under the signed-in user (``desktop.cli_signin``: any role at the school may export a
report; without the central service the export is refused). On failure exactly one line goes to stderr and the exit status is 1; no traceback and no
personal data.
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from desktop.cli_signin import SIGN_IN_HELP, SignInFailure, add_sign_in_arguments, sign_in

if TYPE_CHECKING:
    from desktop.models.reports import Report
    from desktop.models.store import Store

# The store and the reports are imported by the run, not by this module: `resursi --help`
# builds this parser and needs neither SQLAlchemy nor the models.

log = logging.getLogger(__name__)
#: desktop.models.reports.REPORT_KINDS, named here for the parser without importing the store
#: (tests/test_cli_export.py keeps the two equal).
REPORT_CHOICES = ("applications", "items", "issued", "overdue")
DB_FILENAME = "resursi.sqlite3"  # desktop.models.store.DB_FILENAME (kept equal by the test)

# desktop.settings names the same folder, but it imports Qt; a report needs none.
APP_NAME = "Resursi"
PDF_STEM = "resursi-{kind}-{day}.pdf"


class _Failure(Exception):
    """A reason to stop, already worded for the user."""


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def add_export_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    p = sub.add_parser("export", help="write a report (CSV or PDF) from the local store",
                       description="Write a report (CSV or PDF) from the local store; the "
                                   "audit log records the export. " + SIGN_IN_HELP
                                   + " Any role at the school may export a report.")
    p.add_argument("report", choices=REPORT_CHOICES,
                   help="open applications, items by status, issued devices per class, "
                        "or overdue returns")
    p.add_argument("--format", choices=("csv", "pdf"), required=True, dest="fmt")
    p.add_argument("--data-dir", type=Path, help="the data folder (default: per user)")
    p.add_argument("-o", "--output", help="the file to write ('-' for standard output, "
                                          "CSV only; default: stdout for CSV, "
                                          "resursi-<report>-<date>.pdf for PDF)")
    p.add_argument("--institution", help="the school's registration number, when several")
    add_sign_in_arguments(p)
    p.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    p.set_defaults(func=run_export)


def _fail(reason: str) -> int:
    print(f"resursi export: {' '.join(reason.split())}", file=sys.stderr)
    return 1


def run_export(args: argparse.Namespace) -> int:
    try:
        return _run_export(args)
    except (_Failure, SignInFailure) as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted")
    except Exception as exc:  # the last line of defence: one line, no traceback, no data
        log.debug("export failed: %s", type(exc).__name__)  # no traceback: it may hold data
        return _fail(f"unexpected error ({type(exc).__name__}); nothing more is shown here "
                     f"because the details may hold personal data")


def _run_export(args: argparse.Namespace) -> int:
    from desktop.models.audit_queries import record_export
    from desktop.models.queries import first_institution
    from desktop.models.reports import build_report
    from desktop.models.store import StoreError
    from desktop.models.store_key import open_for_command

    folder: Path = args.data_dir or default_data_dir()
    if not (folder / DB_FILENAME).is_file():
        raise _Failure(f"no Resursi data in {folder} (sync first, or give --data-dir)")
    output = args.output or ("-" if args.fmt == "csv" else None)
    if output == "-" and args.fmt == "pdf":
        raise _Failure("a PDF cannot go to standard output; give -o FILE")
    # Who runs this is settled before the store is opened: a refusal leaves it untouched.
    account = sign_in(args, folder)
    try:
        store = open_for_command(folder)
    except StoreError as exc:
        raise _Failure(str(exc)) from None
    try:
        institution = args.institution or first_institution(store)
        if args.institution is None and institution not in account.roles and len(
                account.roles) == 1:
            institution = next(iter(account.roles))  # the one school this user works at
        if institution is None:
            raise _Failure(f"the store in {folder} holds no school yet; sync first")
        actor = account.actor(institution, what="export a report")
        today = args.today or date.today()
        report = build_report(store, args.report, institution, today)
        data = report_bytes(store, report, args.fmt, institution)
        target = output or PDF_STEM.format(kind=args.report, day=today.isoformat())
        if target == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            try:
                Path(target).write_bytes(data)
            except OSError as exc:
                raise _Failure(f"cannot write {target}: "
                               f"{exc.strerror or type(exc).__name__}") from None
        record_export(store, actor.username, institution, "report", args.report,
                      {"format": args.fmt, "rows": len(report.rows)})
    finally:
        store.close()
    if target != "-":
        print(f"{args.report}: {len(report.rows)} rows written to {target}")
    return 0


def report_bytes(store: Store, report: Report, fmt: str, institution_id: str) -> bytes:
    if fmt == "csv":
        from desktop.models.reports import report_csv

        return report_csv(report)
    from desktop.documents.report_pdf import render_report_pdf
    from desktop.models.queries import institution_name

    return render_report_pdf(report,
                             school_name=institution_name(store, institution_id) or "")


def export_report(store: Store, username: str, institution_id: str, kind: str, fmt: str,
                  path: Path, today: date | None = None) -> int:
    """Build a report, write it to ``path`` as CSV or PDF and audit the export; the screen's
    export buttons call this (through the task runner). Returns the number of rows."""
    from desktop.models.audit_queries import record_export
    from desktop.models.reports import build_report

    report = build_report(store, kind, institution_id, today or date.today())
    Path(path).write_bytes(report_bytes(store, report, fmt, institution_id))
    record_export(store, username, institution_id, "report", kind,
                  {"format": fmt, "rows": len(report.rows)})
    return len(report.rows)
