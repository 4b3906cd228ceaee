"""Where sign-in tokens live: the OS keyring, or (when there is none) memory only.

Tokens are never written to a file or the database. With no usable keyring backend the app
says so and keeps the tokens for this run only; the user signs in again next time.

Beside the tokens the keyring keeps the last token's claims (the schools and roles the central
service answered, as opaque JSON text): what an offline start may trust, where the settings
file is something any user can edit.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Protocol

from desktop.models.keyring_backend import secure_keyring

log = logging.getLogger(__name__)

SERVICE = "Resursi"


@dataclass(frozen=True)
class Tokens:
    access_token: str
    refresh_token: str


class Credentials(Protocol):
    """Keeps one user's tokens for one server."""

    persistent: bool

    def load(self, server: str, username: str) -> Tokens | None: ...

    def save(self, server: str, username: str, tokens: Tokens) -> None: ...

    def forget(self, server: str, username: str) -> None: ...

    def load_password(self, server: str, username: str) -> str | None: ...

    def load_claims(self, server: str, username: str) -> str | None: ...

    def save_claims(self, server: str, username: str, claims: str) -> None: ...

    def forget_claims(self, server: str, username: str) -> None: ...


class MemoryCredentials:
    """For a machine without a keyring (and for tests): gone when the process ends."""

    persistent = False

    def __init__(self) -> None:
        self._tokens: dict[tuple[str, str], Tokens] = {}
        self._passwords: dict[tuple[str, str], str] = {}
        self._claims: dict[tuple[str, str], str] = {}

    def load(self, server: str, username: str) -> Tokens | None:
        return self._tokens.get((server, username))

    def save(self, server: str, username: str, tokens: Tokens) -> None:
        self._tokens[(server, username)] = tokens

    def forget(self, server: str, username: str) -> None:
        self._tokens.pop((server, username), None)
        self.forget_claims(server, username)

    def load_claims(self, server: str, username: str) -> str | None:
        return self._claims.get((server, username))

    def save_claims(self, server: str, username: str, claims: str) -> None:
        self._claims[(server, username)] = claims

    def forget_claims(self, server: str, username: str) -> None:
        self._claims.pop((server, username), None)

    def load_password(self, server: str, username: str) -> str | None:
        return self._passwords.get((server, username))

    def remember_password(self, server: str, username: str, password: str) -> None:
        self._passwords[(server, username)] = password


class KeyringCredentials:
    """The OS keyring (Secret Service, Windows Credential Manager, macOS Keychain).

    A keyring that fails at run time (locked, no D-Bus session in a scheduled task) is not
    fatal: reading gives nothing, and tokens that cannot be saved stay in memory for this run
    (never in a file), with a warning in the log.
    """

    persistent = True

    def __init__(self) -> None:
        import keyring
        import keyring.errors

        self._keyring = keyring
        self._errors = keyring.errors
        self._memory = MemoryCredentials()

    @staticmethod
    def available() -> bool:
        """True when a real, secure backend is configured (``keyring_backend``)."""
        return secure_keyring()

    def _key(self, server: str) -> str:
        return f"{SERVICE} {server}"

    def load(self, server: str, username: str) -> Tokens | None:
        try:
            raw = self._keyring.get_password(self._key(server), f"{username}#tokens")
        except self._errors.KeyringError as exc:
            log.warning("cannot read the keyring (%s)", type(exc).__name__)
            raw = None
        if not raw:
            return self._memory.load(server, username)
        try:
            data = json.loads(raw)
            return Tokens(str(data["access_token"]), str(data["refresh_token"]))
        except (ValueError, KeyError, TypeError):
            return None

    def save(self, server: str, username: str, tokens: Tokens) -> None:
        try:
            self._keyring.set_password(
                self._key(server), f"{username}#tokens",
                json.dumps({"access_token": tokens.access_token,
                            "refresh_token": tokens.refresh_token}),
            )
        except self._errors.KeyringError as exc:
            log.warning("cannot save the sign-in in the keyring (%s); it is kept in memory "
                        "for this run only", type(exc).__name__)
            self._memory.save(server, username, tokens)
        else:
            self._memory.forget(server, username)

    def forget(self, server: str, username: str) -> None:
        self._memory.forget(server, username)
        self._delete(server, f"{username}#tokens")
        self._delete(server, f"{username}#claims")

    def _delete(self, server: str, entry: str) -> None:
        try:
            self._keyring.delete_password(self._key(server), entry)
        except self._errors.PasswordDeleteError:
            pass  # nothing was stored
        except self._errors.KeyringError as exc:
            log.warning("cannot remove the sign-in from the keyring (%s)", type(exc).__name__)

    def load_claims(self, server: str, username: str) -> str | None:
        try:
            raw = self._keyring.get_password(self._key(server), f"{username}#claims")
        except self._errors.KeyringError as exc:
            log.warning("cannot read the keyring (%s)", type(exc).__name__)
            raw = None
        return raw or self._memory.load_claims(server, username)

    def save_claims(self, server: str, username: str, claims: str) -> None:
        try:
            self._keyring.set_password(self._key(server), f"{username}#claims", claims)
        except self._errors.KeyringError as exc:
            log.warning("cannot save the sign-in's roles in the keyring (%s); they are kept "
                        "in memory for this run only", type(exc).__name__)
            self._memory.save_claims(server, username, claims)
        else:
            self._memory.forget_claims(server, username)

    def forget_claims(self, server: str, username: str) -> None:
        self._memory.forget_claims(server, username)
        self._delete(server, f"{username}#claims")

    def load_password(self, server: str, username: str) -> str | None:
        try:
            return self._keyring.get_password(self._key(server), username)
        except self._errors.KeyringError as exc:
            log.warning("cannot read the keyring (%s)", type(exc).__name__)
            return None


def default_credentials() -> tuple[Credentials, str | None]:
    """The keyring when there is one; otherwise memory, with a warning for the user."""
    if KeyringCredentials.available():
        return KeyringCredentials(), None
    log.warning("no OS keyring backend; sign-in tokens are kept in memory only")
    return MemoryCredentials(), (
        "Sistēmā nav pieejama drošā paroļu glabātava (keyring); pierakstīšanās dati tiek "
        "glabāti tikai atmiņā līdz programmas aizvēršanai."
    )
