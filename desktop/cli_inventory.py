"""`resursi inventory import FILE` and `resursi inventory export` (no Qt).

Import checks every row first and writes all of them in one transaction, or none: when any row
is bad, the row report (line, field, reason in Latvian and English) goes to stdout, one summary
line to stderr, and the exit status is 1. Export writes UTF-8 with a BOM and ``;`` (Excel in
Latvia). Failures are one line on stderr, never a traceback or personal data.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from pathlib import Path

import platformdirs
from sqlalchemy import select

from desktop.models.codes import StaffRole
from desktop.models.journal import Actor
from desktop.models.schema import Institution, SyncState
from desktop.models.store import DB_FILENAME, Store, StoreError, open_store
from desktop.models.workflow import WorkflowError

log = logging.getLogger(__name__)
APP_NAME = "Resursi"  # the per-user data folder's name, as desktop.settings names it


class _Failure(Exception):
    """A reason to stop, already worded for the user."""


def add_inventory_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    p = sub.add_parser("inventory", help="import or export the inventory as CSV")
    inv = p.add_subparsers(dest="inventory_command", metavar="ACTION", required=True)

    imp = inv.add_parser("import", help="import items from a CSV file (all rows or none)")
    imp.add_argument("file", type=Path, metavar="FILE",
                     help="CSV in UTF-8 or Windows-1257, separated by ';' or ','")
    imp.add_argument("--dry-run", action="store_true",
                     help="check every row and report, write nothing")
    _common(imp)
    imp.set_defaults(func=run_import)

    exp = inv.add_parser("export", help="export the items as CSV (UTF-8 with BOM, ';')")
    exp.add_argument("-o", "--output", type=Path, metavar="FILE",
                     help="the file to write (default: standard output)")
    _common(exp)
    exp.set_defaults(func=run_export)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", type=Path,
                   help="the data folder (default: the per-user Resursi data folder)")
    p.add_argument("--institution", help="the school's registration number, when several")
    p.add_argument("--user", default=None,
                   help="the name recorded in the audit log (default: the login name)")


def _fail(command: str, reason: str) -> int:
    print(f"resursi inventory {command}: {' '.join(reason.split())}", file=sys.stderr)
    return 1


def _guarded(command: str, args: argparse.Namespace) -> int:
    try:
        return _run_import(args) if command == "import" else _run_export(args)
    except _Failure as exc:
        return _fail(command, str(exc))
    except KeyboardInterrupt:
        return _fail(command, "interrupted")
    except Exception as exc:  # the last line of defence: one line, no traceback, no data
        log.debug("inventory %s failed", command, exc_info=True)
        return _fail(command, f"unexpected error ({type(exc).__name__})")


def run_import(args: argparse.Namespace) -> int:
    return _guarded("import", args)


def run_export(args: argparse.Namespace) -> int:
    return _guarded("export", args)


def _open(args: argparse.Namespace) -> Store:
    folder = args.data_dir or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if not (folder / DB_FILENAME).exists():
        # A fresh store knows no resource kinds, so every row would be refused: say why.
        raise _Failure(f"no Resursi data in {folder}; sync it first (resursi sync --once) "
                       "or give --data-dir")
    try:
        return open_store(folder)
    except StoreError as exc:
        raise _Failure(str(exc)) from None
    except OSError as exc:
        raise _Failure(f"cannot use the data folder {folder}: "
                       f"{exc.strerror or type(exc).__name__}") from None


def _institution(args: argparse.Namespace, store: Store) -> str:
    """--institution; else the one school this store syncs; else its only school."""
    with store.read() as s:
        known = list(s.scalars(select(Institution.id).order_by(Institution.id)))
        synced = list(s.scalars(select(SyncState.institution_id)
                                .where(SyncState.cursor.is_not(None))))
    if args.institution is not None:
        if args.institution not in known:
            raise _Failure(f"the school {args.institution} is not in this data folder")
        return str(args.institution)
    if len(synced) == 1:
        return synced[0]
    if len(known) == 1:
        return known[0]
    raise _Failure(f"choose the school with --institution ({', '.join(known) or 'none known'})")


def _actor(args: argparse.Namespace, institution: str) -> Actor:
    # Whoever can write the data folder can change it; the role is the catalogue editor's so
    # that the core's check passes, and the audit log records who ran the command.
    name = args.user or f"cli:{getpass.getuser()}"
    return Actor(name, institution, StaffRole.ADMIN)


def _run_import(args: argparse.Namespace) -> int:
    from desktop.models import inventory_csv

    path: Path = args.file
    if not path.is_file():
        raise _Failure(f"no such file: {path}")
    store = _open(args)
    try:
        actor = _actor(args, _institution(args, store))
        preview = inventory_csv.preview_file(store, actor.institution_id, path)
        if preview.ignored_columns:
            print(f"columns left out / kolonnas netiek importētas: "
                  f"{', '.join(preview.ignored_columns)}")
        if not preview.ok:
            for error in preview.errors:
                print(error.line())
            bad = len(preview.bad_rows) or 1
            return _fail("import", f"{bad} bad row(s) of {len(preview.rows)}; nothing was "
                                   "imported")
        what = f"{len(preview.rows)} rows ({preview.encoding_label}, '{preview.delimiter}')"
        if args.dry_run:
            print(f"checked {what}: all can be imported; dry run, nothing was written")
            return 0
        try:
            written = inventory_csv.commit(store, actor, preview)
        except inventory_csv.ImportRefusedError as exc:
            for error in exc.errors:
                print(error.line())
            return _fail("import", f"{exc}")
        except WorkflowError as exc:
            raise _Failure(str(exc)) from None
    finally:
        store.close()
    print(f"imported {written} items from {what}; they go to the central service at the "
          "next sync")
    return 0


def _run_export(args: argparse.Namespace) -> int:
    from desktop.models import inventory_csv

    store = _open(args)
    try:
        institution = _institution(args, store)
        if args.output is None:
            sys.stdout.buffer.write(inventory_csv.export_csv(store, institution))
            sys.stdout.flush()
            return 0
        try:
            count = inventory_csv.export_file(store, institution, args.output)
        except OSError as exc:
            raise _Failure(f"cannot write {args.output}: "
                           f"{exc.strerror or type(exc).__name__}") from None
    finally:
        store.close()
    print(f"exported {count} items to {args.output}")
    return 0
