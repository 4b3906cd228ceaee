"""Signing in for the app: the dialog's callables, and who the user is once it closes.

Qt-free glue between the sign-in dialog and ``sync.client``. The role comes from the token's
memberships; the last token's memberships are kept in the keyring beside the tokens, so that a
start without a connection still lets the user work as what they were, the central service
refusing anything the role no longer allows once it is reachable again.

The settings file remembers the school (and a role) for display only: any user can edit it,
so an offline start never takes a role from it. Without kept memberships naming that school
(none kept, damaged, another user's, another school) the start is read-only, as when nobody is
signed in, and the user is told to sign in again online.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from desktop.models.codes import StaffRole
from desktop.settings import Settings
from desktop.views.sign_in_dialog import School
from sync.client import (
    CentralClient,
    OfflineError,
    WorkstationRevokedError,
    check_server_url,
)
from sync.credentials import Credentials
from sync.protocol import Membership, TokenResponse

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Account:
    """Who works, where, as what; ``offline`` when the sign-in could not be renewed."""

    server_url: str
    username: str
    institution_id: str
    institution_name: str
    role: StaffRole | None  # None: read-only, the role could not be confirmed offline
    offline: bool = False

    @property
    def needs_renewal(self) -> bool:
        """Offline without a confirmed role: the sign-in must be renewed online to work."""
        return self.offline and self.role is None


_MEMBERSHIPS = TypeAdapter(list[Membership])


def keep_claims(credentials: Credentials, server_url: str, username: str,
                token: TokenResponse) -> None:
    """Keep the token's memberships in the keyring: what a later offline start may trust."""
    credentials.save_claims(server_url, username, json.dumps(
        {"memberships": [m.model_dump(mode="json") for m in token.memberships]}))


def kept_memberships(credentials: Credentials, server_url: str,
                     username: str) -> list[Membership] | None:
    """The memberships of this user's last token, from the keyring; None if none are kept or
    what is kept is damaged."""
    raw = credentials.load_claims(server_url, username)
    if not raw:
        return None
    try:
        return _MEMBERSHIPS.validate_python(json.loads(raw)["memberships"])
    except (ValueError, KeyError, TypeError, ValidationError):
        log.warning("the kept sign-in's roles are damaged; they are not used")
        return None


def offline_membership(credentials: Credentials, server_url: str, username: str,
                       institution_id: str) -> Membership | None:
    """The school's membership of the last token, or None: never a settings file's role."""
    kept = kept_memberships(credentials, server_url, username) or []
    return next((m for m in kept if m.institution_id == institution_id), None)


def offline_role(credentials: Credentials, settings: Settings) -> StaffRole | None:
    """The role an offline start may use at the settings' school (``settings.role`` is never
    read: the file is the user's to edit)."""
    found = offline_membership(credentials, settings.server_url, settings.username,
                               settings.institution_id)
    return found.role if found is not None else None


class SignInService:
    """Runs on the task runner's threads; the dialog shows what it answers."""

    def __init__(self, credentials: Credentials, settings: Settings, *,
                 language: str = "lv", workstation: tuple[str, str] | None = None,
                 on_revoked: Callable[[], object] | None = None) -> None:
        self.credentials = credentials
        self.settings = settings
        # This computer's id and name for the central service, and what to do when the
        # service answers that it was revoked (erase the data folder; see desktop.models.wipe).
        self.workstation = workstation
        self.on_revoked = on_revoked
        self.language = language
        self.server_url = settings.server_url
        self.username = settings.username
        self.offline = False
        self._roles: dict[str, tuple[str, StaffRole | None]] = {}

    def _client(self, server_url: str, username: str) -> CentralClient:
        ca = Path(self.settings.ca_bundle) if self.settings.ca_bundle else None
        # This computer's id goes only to the server this data folder syncs with (or to the
        # first one, when there is none yet): a typed address is not told who we are.
        own = self._own_server(server_url) or not self.settings.server_url
        return CentralClient(server_url, username=username, credentials=self.credentials,
                             ca_bundle=ca, workstation=self.workstation if own else None)

    def _own_server(self, server_url: str) -> bool:
        try:
            return bool(self.settings.server_url) and (
                check_server_url(server_url) == check_server_url(self.settings.server_url))
        except ValueError:
            return False

    def _revoked(self, server_url: str) -> None:
        """Erase the data folder only on the word of the server it syncs with: any address
        typed into the dialog could answer "revoked"."""
        if self.on_revoked is not None and self._own_server(server_url):
            self.on_revoked()

    def _schools(self, token: TokenResponse) -> list[School]:
        self._roles = {m.institution_id: (m.institution_name, m.role) for m in token.memberships}
        return [School(m.institution_id, m.institution_name, m.role.label(self.language))
                for m in token.memberships]

    def sign_in(self, server_url: str, username: str, password: str) -> list[School]:
        client = self._client(server_url, username)
        try:
            token = client.sign_in(password)
        except WorkstationRevokedError:
            self._revoked(server_url)
            raise
        finally:
            client.close()
        keep_claims(self.credentials, client.base_url, username, token)
        self.server_url, self.username, self.offline = server_url, username, False
        return self._schools(token)

    def can_resume(self) -> bool:
        s = self.settings
        return bool(s.server_url and s.username
                    and self.credentials.load(s.server_url, s.username) is not None)

    def resume(self) -> list[School]:
        """Renew the kept sign-in; without a connection, the school of last time with the role
        the keyring's claims give there (read-only when they give none)."""
        s = self.settings
        client = self._client(s.server_url, s.username)
        try:
            token = client.resume()
        except WorkstationRevokedError:
            self._revoked(s.server_url)
            raise
        except OfflineError:
            if not s.institution_id:
                raise
            return [self._offline_school(client.base_url)]
        finally:
            client.close()
        keep_claims(self.credentials, client.base_url, s.username, token)
        self.offline = False
        return self._schools(token)

    def _offline_school(self, server_url: str) -> School:
        s = self.settings
        log.info("central service unreachable at start; working offline")
        self.offline = True
        found = offline_membership(self.credentials, server_url, s.username, s.institution_id)
        if found is None:
            log.warning("the role of the kept sign-in is not confirmed; starting read-only")
            name = s.institution_name or s.institution_id
            self._roles = {s.institution_id: (name, None)}
            return School(s.institution_id, name, "", read_only=True)
        self._roles = {s.institution_id: (found.institution_name, found.role)}
        return School(s.institution_id, found.institution_name,
                      found.role.label(self.language))

    def account(self, school: School) -> Account:
        name, role = self._roles[school.institution_id]
        return Account(self.server_url, self.username, school.institution_id, name, role,
                       offline=self.offline)


class Renewal:
    """The sign-in dialog's callable when the sign-in of the user at work lapsed: the running
    app's own client signs in again (so that its sync goes on with the new tokens), for the
    school the app is open at. Runs on a worker; the dialog never touches the network."""

    def __init__(self, client: CentralClient, credentials: Credentials, institution_id: str,
                 *, language: str = "lv") -> None:
        self.client = client
        self.credentials = credentials
        self.institution_id = institution_id
        self.language = language
        self.token: TokenResponse | None = None

    def sign_in(self, server_url: str, username: str, password: str) -> list[School]:
        """``server_url`` and ``username`` are the client's own (the dialog shows them fixed)."""
        token = self.client.sign_in(password)
        keep_claims(self.credentials, self.client.base_url, self.client.username, token)
        self.token = token
        return [School(m.institution_id, m.institution_name, m.role.label(self.language))
                for m in token.memberships if m.institution_id == self.institution_id]
