"""Signing in for the app: the dialog's callables, and who the user is once it closes.

Qt-free glue between the sign-in dialog and ``sync.client``. The role comes from the token's
memberships; the last one is remembered (it is not a secret) so that a start without a
connection still lets the user work as what they were, the central service refusing anything
the role no longer allows once it is reachable again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from desktop.models.codes import StaffRole
from desktop.settings import Settings
from desktop.views.sign_in_dialog import School
from sync.client import CentralClient, OfflineError
from sync.credentials import Credentials
from sync.protocol import TokenResponse

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Account:
    """Who works, where, as what; ``offline`` when the sign-in could not be renewed."""

    server_url: str
    username: str
    institution_id: str
    institution_name: str
    role: StaffRole
    offline: bool = False


class SignInService:
    """Runs on the task runner's threads; the dialog shows what it answers."""

    def __init__(self, credentials: Credentials, settings: Settings, *,
                 language: str = "lv") -> None:
        self.credentials = credentials
        self.settings = settings
        self.language = language
        self.server_url = settings.server_url
        self.username = settings.username
        self.offline = False
        self._roles: dict[str, tuple[str, StaffRole]] = {}

    def _client(self, server_url: str, username: str) -> CentralClient:
        ca = Path(self.settings.ca_bundle) if self.settings.ca_bundle else None
        return CentralClient(server_url, username=username, credentials=self.credentials,
                             ca_bundle=ca)

    def _schools(self, token: TokenResponse) -> list[School]:
        self._roles = {m.institution_id: (m.institution_name, m.role) for m in token.memberships}
        return [School(m.institution_id, m.institution_name, m.role.label(self.language))
                for m in token.memberships]

    def sign_in(self, server_url: str, username: str, password: str) -> list[School]:
        client = self._client(server_url, username)
        try:
            token = client.sign_in(password)
        finally:
            client.close()
        self.server_url, self.username, self.offline = server_url, username, False
        return self._schools(token)

    def can_resume(self) -> bool:
        s = self.settings
        return bool(s.server_url and s.username
                    and self.credentials.load(s.server_url, s.username) is not None)

    def resume(self) -> list[School]:
        """Renew the kept sign-in; without a connection, the school and role of last time."""
        s = self.settings
        client = self._client(s.server_url, s.username)
        try:
            token = client.resume()
        except OfflineError:
            if not (s.institution_id and s.role):
                raise
            log.info("central service unreachable at start; working offline")
            self.offline = True
            self._roles = {s.institution_id: (s.institution_name, StaffRole(s.role))}
            return [School(s.institution_id, s.institution_name or s.institution_id,
                           StaffRole(s.role).label(self.language))]
        finally:
            client.close()
        self.offline = False
        return self._schools(token)

    def account(self, school: School) -> Account:
        name, role = self._roles[school.institution_id]
        return Account(self.server_url, self.username, school.institution_id, name, role,
                       offline=self.offline)
