"""`resursi inventory import FILE` and `resursi inventory export` (no Qt).

Import signs in first (``desktop.cli_signin``): it runs as the signed-in user with their role at
the school, which must allow editing the catalogue; a dry run writes nothing and needs no
sign-in. Import checks every row first and writes all of them in one transaction, or none: when
any row is bad, the row report (line, field, reason in Latvian and English) goes to stdout, one summary
line to stderr, and the exit status is 1. Export writes UTF-8 with a BOM and ``;`` (Excel in
Latvia). Failures are one line on stderr, never a traceback or personal data.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli_export import DB_FILENAME, default_data_dir
from desktop.cli_signin import (
    SIGN_IN_HELP,
    CliAccount,
    SignInFailure,
    add_sign_in_arguments,
    sign_in,
)

if TYPE_CHECKING:
    from desktop.models.journal import Actor
    from desktop.models.store import Store

# The store and the models are imported by the run, not by this module: `resursi --help`
# builds this parser and needs neither SQLAlchemy nor the models.

log = logging.getLogger(__name__)


class _Failure(Exception):
    """A reason to stop, already worded for the user."""


def add_inventory_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    p = sub.add_parser("inventory", help="import or export the inventory as CSV")
    inv = p.add_subparsers(dest="inventory_command", metavar="ACTION", required=True)

    imp = inv.add_parser("import", help="import items from a CSV file (all rows or none)",
                         description="Import items from a CSV file, all rows or none. "
                                     + SIGN_IN_HELP + " Importing needs a role that may edit "
                                     "the catalogue (administrator); --dry-run needs no "
                                     "sign-in.")
    imp.add_argument("file", type=Path, metavar="FILE",
                     help="CSV in UTF-8, UTF-16 or Windows-1257, separated by ';' or ','")
    imp.add_argument("--dry-run", action="store_true",
                     help="check every row and report, write nothing")
    _common(imp)
    add_sign_in_arguments(imp)
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


def _fail(command: str, reason: str) -> int:
    print(f"resursi inventory {command}: {' '.join(reason.split())}", file=sys.stderr)
    return 1


def _guarded(command: str, args: argparse.Namespace) -> int:
    try:
        return _run_import(args) if command == "import" else _run_export(args)
    except (_Failure, SignInFailure) as exc:
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


def _folder(args: argparse.Namespace) -> Path:
    return Path(args.data_dir or default_data_dir())


def _open(args: argparse.Namespace) -> Store:
    from desktop.models.store import StoreError
    from desktop.models.store_key import open_for_command

    folder = _folder(args)
    if not (folder / DB_FILENAME).exists():
        # A fresh store knows no resource kinds, so every row would be refused: say why.
        raise _Failure(f"no Resursi data in {folder}; sync it first (resursi sync --once) "
                       "or give --data-dir")
    try:
        return open_for_command(folder)
    except StoreError as exc:
        raise _Failure(str(exc)) from None
    except OSError as exc:
        raise _Failure(f"cannot use the data folder {folder}: "
                       f"{exc.strerror or type(exc).__name__}") from None


def _institution(args: argparse.Namespace, store: Store,
                 account: CliAccount | None = None) -> str:
    """--institution; else the one school this store syncs; else its only school (of those
    where the signed-in user has a role)."""
    from sqlalchemy import select

    from desktop.models.schema import Institution, SyncState

    with store.read() as s:
        known = list(s.scalars(select(Institution.id).order_by(Institution.id)))
        synced = list(s.scalars(select(SyncState.institution_id)
                                .where(SyncState.cursor.is_not(None))))
    if args.institution is not None:
        if args.institution not in known:
            raise _Failure(f"the school {args.institution} is not in this data folder")
        return str(args.institution)
    if account is not None:
        known = [i for i in known if i in account.roles] or known
        synced = [i for i in synced if i in account.roles]
    if len(synced) == 1:
        return synced[0]
    if len(known) == 1:
        return known[0]
    raise _Failure(f"choose the school with --institution ({', '.join(known) or 'none known'})")


def _actor(account: CliAccount, institution: str) -> Actor:
    from desktop.models.permissions import Permission

    try:
        return account.actor(institution, Permission.EDIT_CATALOGUE,
                             what="import the inventory")
    except SignInFailure as exc:
        raise SignInFailure(f"{exc}; nothing was imported") from None


def _run_import(args: argparse.Namespace) -> int:
    from desktop.models import inventory_csv
    from desktop.models.workflow import WorkflowError

    path: Path = args.file
    if not path.is_file():
        raise _Failure(f"no such file: {path}")
    # Who runs this is settled before the store is opened: a refusal leaves it untouched.
    account = None if args.dry_run else sign_in(args, _folder(args))
    store = _open(args)
    try:
        institution = _institution(args, store, account)
        actor = None if account is None else _actor(account, institution)
        preview = inventory_csv.preview_file(store, institution, path)
        if preview.ignored_columns:
            print(f"columns left out / kolonnas netiek importētas: "
                  f"{', '.join(preview.ignored_columns)}")
        if not preview.ok:
            for error in preview.errors:
                print(error.line())
            bad = preview.bad_row_count or 1
            return _fail("import", f"{bad} bad row(s) of {preview.row_count}; nothing was "
                                   "imported")
        what = f"{preview.row_count} rows ({preview.encoding_label}, '{preview.delimiter}')"
        if actor is None:
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
