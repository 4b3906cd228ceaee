"""Headless subcommands of `resursi` (no Qt): `resursi sync --once`, for scheduled tasks."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from desktop.models.store import StoreError, open_store

PASSWORD_ENV = "RESURSI_PASSWORD"


def add_sync_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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
    print(f"resursi sync: {reason}", file=sys.stderr)
    return 1


def run_sync(args: argparse.Namespace) -> int:
    from sync.client import CentralClient, CentralError
    from sync.credentials import KeyringCredentials, MemoryCredentials
    from sync.engine import SyncEngine
    from sync.protocol import PayloadError

    server = args.server.rstrip("/")
    if not server.startswith(("https://", "http://127.", "http://localhost", "http://[::1]")):
        return _fail("the server URL must use https:// (plain http only on this computer)")
    if args.ca_bundle is not None and not args.ca_bundle.is_file():
        return _fail(f"the CA bundle {args.ca_bundle} does not exist")

    credentials = KeyringCredentials() if KeyringCredentials.available() else MemoryCredentials()
    password = os.environ.get(PASSWORD_ENV) or credentials.load_password(server, args.user)
    try:
        store = open_store(args.data_dir)
    except StoreError as exc:
        return _fail(str(exc))
    client = CentralClient(server, username=args.user, credentials=credentials,
                           ca_bundle=args.ca_bundle)
    started = time.perf_counter()
    try:
        if not client.signed_in:
            if not password:
                return _fail(f"no password: set {PASSWORD_ENV} or store it in the keyring")
            token = client.sign_in(password)
            memberships = {m.institution_id: m for m in token.memberships}
        else:
            memberships = {}
        institution = args.institution
        if institution is None:
            if len(memberships) == 1:
                institution = next(iter(memberships))
            elif not memberships:
                from desktop.models.queries import first_institution

                institution = first_institution(store)
            if institution is None:
                choices = ", ".join(sorted(memberships)) or "none"
                return _fail(f"choose the school with --institution ({choices})")
        elif memberships and institution not in memberships:
            return _fail(f"{args.user} has no role at {institution}")
        engine = SyncEngine(store, client, institution)
        report = engine.sync_once()
        waiting = engine.pending_count()
    except (CentralError, PayloadError) as exc:
        return _fail(f"{type(exc).__name__}: {exc}")
    finally:
        client.close()
        store.close()
    elapsed = time.perf_counter() - started
    print(f"pulled {report.pulled} changes in {report.pages} pages"
          f"{' (full resync)' if report.full_resync else ''}, deleted {report.deleted}, "
          f"held back {report.deferred}; pushed {report.pushed} commands, "
          f"conflicts {report.conflicts}, waiting {waiting}; {elapsed:.2f} s")
    return 0
