"""The command line signs in like the app and acts as who the central service says it is.

``--user`` is not a name to write in the audit log: it is the account signed in with the
password from ``RESURSI_PASSWORD`` or the keyring, or with the sign-in the keyring keeps. The
role at each school comes from the token's memberships, so a reviewer cannot import the
catalogue by calling themselves an administrator.

There is no offline fallback here: the app's offline start trusts the school and role of its
last sign-in, kept where a user cannot edit it, but a command line run from a scheduled task
or a script has no such last time of its own. A command that writes or exports refuses to run
without the central service rather than guess a role.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a command runs: building the parser needs none of them
    from desktop.models.codes import StaffRole
    from desktop.models.journal import Actor
    from desktop.models.permissions import Permission

PASSWORD_ENV = "RESURSI_PASSWORD"
SERVER_ENV = "RESURSI_SERVER"
USER_ENV = "RESURSI_USER"

SIGN_IN_HELP = (
    f"Signs in to the central service as --user with the password in {PASSWORD_ENV} or the "
    "keyring (or the sign-in the keyring keeps) and acts with that user's role at the "
    "school; a role that does not allow the action is refused. Without a reachable central "
    "service the command is refused (the command line does not work offline)."
)


class SignInFailure(Exception):
    """Why the command line could not find out who runs it; worded for the user."""


@dataclass(frozen=True)
class CliAccount:
    """Who signed in and their role at each school, as the central service's token says."""

    username: str
    roles: dict[str, StaffRole] = field(default_factory=dict)

    def actor(self, institution_id: str, permission: Permission | None = None,
              *, what: str = "do this") -> Actor:
        """The actor at ``institution_id``; SignInFailure when there is no role there or the
        role does not allow ``permission``."""
        from desktop.models.errors import PermissionDeniedError
        from desktop.models.journal import Actor
        from desktop.models.permissions import require

        role = self.roles.get(institution_id)
        if role is None:
            raise SignInFailure(f"{self.username} has no role at {institution_id} "
                                f"(roles at: {', '.join(sorted(self.roles)) or 'none'})")
        actor = Actor(self.username, institution_id, role)
        if permission is not None:
            try:
                require(actor, permission)
            except PermissionDeniedError as exc:
                raise SignInFailure(f"{self.username} may not {what} at {institution_id}: "
                                    f"{exc} / {exc.message_lv}") from None
        return actor


def add_sign_in_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--server", default=None,
                   help=f"the central service's URL (default: ${SERVER_ENV})")
    p.add_argument("--user", default=None,
                   help=f"the staff user name to sign in as (default: ${USER_ENV}); the audit "
                        "log names this user")
    p.add_argument("--ca-bundle", type=Path, help="a CA bundle for the server's certificate")


def sign_in(args: argparse.Namespace, data_dir: Path | None = None) -> CliAccount:
    """Sign in with what the arguments and the environment give; SignInFailure otherwise.
    ``data_dir``: the folder the command works on; its workstation id (when it has one) goes
    with the requests, as the app's does, since the central service binds tokens to it."""
    from desktop.models.errors import StoreError
    from sync.client import (
        AuthError,
        CentralClient,
        CentralError,
        OfflineError,
        TlsError,
        check_server_url,
    )
    from sync.credentials import Credentials, KeyringCredentials, MemoryCredentials

    raw_server = args.server or os.environ.get(SERVER_ENV)
    username = args.user or os.environ.get(USER_ENV)
    if not raw_server:
        raise SignInFailure(f"give --server (or set {SERVER_ENV}): the command line signs in "
                            "to the central service to learn your role")
    if not username:
        raise SignInFailure(f"give --user (or set {USER_ENV}): the user to sign in as")
    try:
        server = check_server_url(raw_server)
    except ValueError as exc:
        raise SignInFailure(str(exc)) from None
    credentials: Credentials = (KeyringCredentials() if KeyringCredentials.available()
                                else MemoryCredentials())
    from desktop.models.workstation import existing_identity

    try:
        workstation = existing_identity(data_dir) if data_dir is not None else None
        client = CentralClient(server, username=username, credentials=credentials,
                               ca_bundle=getattr(args, "ca_bundle", None),
                               workstation=workstation)
    except (ValueError, StoreError) as exc:
        raise SignInFailure(str(exc)) from None
    try:
        password = os.environ.get(PASSWORD_ENV) or credentials.load_password(server, username)
        if not password and not client.signed_in:
            raise SignInFailure(f"no password for {username}: set {PASSWORD_ENV} or store it "
                                "in the keyring")
        # A password checks the account afresh; the kept sign-in is renewed otherwise. Both
        # bring the memberships, which are the only source of the role.
        token = client.sign_in(password) if password else client.resume()
    except AuthError as exc:
        raise SignInFailure(f"cannot sign in as {username} at {server}: {exc}") from None
    except OfflineError as exc:
        raise SignInFailure(f"{exc}; the command line needs the central service to check who "
                            "you are and what your role allows (it does not work offline; "
                            "nothing was changed)") from None
    except TlsError as exc:
        raise SignInFailure(str(exc)) from None
    except CentralError as exc:
        raise SignInFailure(f"cannot sign in as {username} at {server}: "
                            f"{type(exc).__name__}: {exc}") from None
    finally:
        client.close()
    return CliAccount(username, {m.institution_id: m.role for m in token.memberships})
