"""Headless subcommands of `resursi` (no Qt): `resursi sync --once`, for scheduled tasks.

On success one summary line goes to stdout; on failure exactly one line (the reason, never a
traceback, never personal data) goes to stderr and the exit status is 1.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli_signin import PASSWORD_ENV

if TYPE_CHECKING:
    from desktop.models.store import Store
    from sync.client import CentralClient
    from sync.credentials import Credentials

# The store, SQLAlchemy and the client are imported by the run itself, not by this module:
# `resursi --version` and `resursi sync --help` build this parser and need none of them.

__all__ = ["PASSWORD_ENV", "add_sync_parser", "run_sync"]

log = logging.getLogger(__name__)


class _Failure(Exception):
    """A reason to stop, already worded for the user."""


def add_sync_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    p = sub.add_parser("sync", help="sync the local store with the central service, headless")
    p.add_argument("--once", action="store_true", required=True,
                   help="one push and pull, then exit (for scheduled tasks)")
    p.add_argument("--server", required=True, help="the central service's URL")
    p.add_argument("--data-dir", type=Path, required=True, help="the data folder")
    p.add_argument("--user", required=True, help="the staff user name")
    p.add_argument("--institution", help="the school's registration number, when several")
    p.add_argument("--ca-bundle", type=Path, help="a CA bundle for the server's certificate")
    p.set_defaults(func=run_sync)


def _fail(reason: str) -> int:
    line = " ".join(reason.split())  # one line, whatever the message held
    print(f"resursi sync: {line}", file=sys.stderr)
    return 1


def run_sync(args: argparse.Namespace) -> int:
    try:
        return _run_sync(args)
    except _Failure as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted")
    except Exception as exc:  # the last line of defence: one line, no traceback, no data
        log.debug("sync failed", exc_info=True)
        return _fail(f"unexpected error ({type(exc).__name__}); nothing more is shown here "
                     f"because the details may hold personal data")


def _run_sync(args: argparse.Namespace) -> int:
    from desktop.models.store import StoreError
    from desktop.models.store_key import default_secrets
    from desktop.models.wipe import wipe_data_folder
    from desktop.models.workstation import existing_identity
    from sync.client import CentralClient, WorkstationRevokedError, check_server_url
    from sync.credentials import KeyringCredentials, MemoryCredentials

    try:
        server = check_server_url(args.server)
    except ValueError as exc:
        raise _Failure(str(exc)) from None

    # No warning here when there is no keyring: the password comes from the environment and
    # the tokens live in memory for this one run anyway.
    credentials: Credentials = (KeyringCredentials() if KeyringCredentials.available()
                                else MemoryCredentials())
    try:
        # A scheduled sync is this computer too: the same workstation as the app's. A folder
        # not made yet gets its id once the store is there (a refused sign-in makes nothing).
        client = CentralClient(server, username=args.user, credentials=credentials,
                               ca_bundle=args.ca_bundle,
                               workstation=existing_identity(args.data_dir))
    except (StoreError, ValueError) as exc:
        raise _Failure(str(exc)) from None
    try:
        return _sync_with(args, client, credentials, server)
    except WorkstationRevokedError as exc:
        failed = wipe_data_folder(args.data_dir, default_secrets())
        left = f"; {len(failed)} files could not be erased" if failed else ""
        raise _Failure(f"{exc.message_en}: the data folder {args.data_dir} was erased{left}"
                       ) from None
    finally:
        client.close()


def _sync_with(args: argparse.Namespace, client: CentralClient, credentials: Credentials,
               server: str) -> int:
    from desktop.models.store import StoreError
    from desktop.models.store_key import open_for_command
    from desktop.models.workstation import identity
    from sync.client import CentralError, WorkstationRevokedError
    from sync.engine import SyncEngine
    from sync.protocol import PayloadError

    password = os.environ.get(PASSWORD_ENV) or credentials.load_password(server, args.user)
    if not password and not client.signed_in:
        raise _Failure(f"no password: set {PASSWORD_ENV} or store it in the keyring")
    started = time.perf_counter()
    # With a password, sign in afresh: it checks the account and brings the roles.
    # Without one, the tokens kept in the keyring are used (and refreshed on 401).
    try:
        memberships = {m.institution_id: m for m in client.sign_in(password).memberships
                       } if password else {}
    except WorkstationRevokedError:
        raise
    except CentralError as exc:
        raise _Failure(f"{type(exc).__name__}: {exc}") from None
    try:
        store = open_for_command(args.data_dir)
    except StoreError as exc:
        raise _Failure(str(exc)) from None
    except OSError as exc:
        raise _Failure(f"cannot use the data folder {args.data_dir}: "
                       f"{exc.strerror or type(exc).__name__}") from None
    try:
        if client.workstation is None:
            client.identify(identity(args.data_dir))
    except StoreError as exc:
        store.close()
        raise _Failure(str(exc)) from None
    try:
        institution = _choose_institution(args, memberships, store)
        engine = SyncEngine(store, client, institution)
        report = engine.sync_once()
        waiting = engine.pending_count()
    except WorkstationRevokedError:
        raise
    except (CentralError, PayloadError) as exc:
        raise _Failure(f"{type(exc).__name__}: {exc}") from None
    finally:
        store.close()
    elapsed = time.perf_counter() - started
    print(f"pulled {report.pulled} changes in {report.pages} pages"
          f"{' (full resync)' if report.full_resync else ''}, deleted {report.deleted}, "
          f"held back {report.deferred}; pushed {report.pushed} commands, "
          f"conflicts {report.conflicts}, waiting {waiting}; {elapsed:.2f} s")
    return 0


def _choose_institution(args: argparse.Namespace, memberships: Mapping[str, object],
                        store: Store) -> str:
    """--institution; else the user's only school; else the one school this store syncs."""
    from sqlalchemy import select

    from desktop.models.schema import SyncState

    institution: str | None = args.institution
    if institution is not None:
        if memberships and institution not in memberships:
            raise _Failure(f"{args.user} has no role at {institution}")
        return institution
    if len(memberships) == 1:
        return next(iter(memberships))
    with store.read() as s:
        synced = [i for i in s.scalars(select(SyncState.institution_id)
                                       .where(SyncState.cursor.is_not(None)))
                  if not memberships or i in memberships]
    if len(synced) == 1:
        return synced[0]
    if not memberships and not synced:
        from desktop.models.queries import first_institution

        found = first_institution(store)
        if found is not None:
            return found
    choices = ", ".join(sorted(memberships or synced)) or "none known"
    raise _Failure(f"choose the school with --institution ({choices})")
