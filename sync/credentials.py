"""Where sign-in tokens live: the OS keyring, or (when there is none) memory only.

Tokens are never written to a file or the database. With no usable keyring backend the app
says so and keeps the tokens for this run only; the user signs in again next time.
"""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import dataclass
from typing import Protocol

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


class MemoryCredentials:
    """For a machine without a keyring (and for tests): gone when the process ends."""

    persistent = False

    def __init__(self) -> None:
        self._tokens: dict[tuple[str, str], Tokens] = {}
        self._passwords: dict[tuple[str, str], str] = {}

    def load(self, server: str, username: str) -> Tokens | None:
        return self._tokens.get((server, username))

    def save(self, server: str, username: str, tokens: Tokens) -> None:
        self._tokens[(server, username)] = tokens

    def forget(self, server: str, username: str) -> None:
        self._tokens.pop((server, username), None)

    def load_password(self, server: str, username: str) -> str | None:
        return self._passwords.get((server, username))

    def remember_password(self, server: str, username: str, password: str) -> None:
        self._passwords[(server, username)] = password


class KeyringCredentials:
    """The OS keyring (Secret Service, Windows Credential Manager, macOS Keychain)."""

    persistent = True

    def __init__(self) -> None:
        import keyring

        self._keyring = keyring

    @staticmethod
    def available() -> bool:
        """True when a real backend is configured (not the 'fail' or null backends)."""
        try:
            import keyring
            from keyring.backends import fail

            backend = keyring.get_keyring()
        except Exception:  # any import/config error means: no keyring here
            return False
        if isinstance(backend, fail.Keyring):
            return False
        return getattr(backend, "priority", 0) > 0

    def _key(self, server: str) -> str:
        return f"{SERVICE} {server}"

    def load(self, server: str, username: str) -> Tokens | None:
        raw = self._keyring.get_password(self._key(server), f"{username}#tokens")
        if not raw:
            return None
        try:
            data = json.loads(raw)
            return Tokens(str(data["access_token"]), str(data["refresh_token"]))
        except (ValueError, KeyError, TypeError):
            return None

    def save(self, server: str, username: str, tokens: Tokens) -> None:
        self._keyring.set_password(
            self._key(server), f"{username}#tokens",
            json.dumps({"access_token": tokens.access_token,
                        "refresh_token": tokens.refresh_token}),
        )

    def forget(self, server: str, username: str) -> None:
        with contextlib.suppress(self._keyring.errors.PasswordDeleteError):
            self._keyring.delete_password(self._key(server), f"{username}#tokens")

    def load_password(self, server: str, username: str) -> str | None:
        return self._keyring.get_password(self._key(server), username)


def default_credentials() -> tuple[Credentials, str | None]:
    """The keyring when there is one; otherwise memory, with a warning for the user."""
    if KeyringCredentials.available():
        return KeyringCredentials(), None
    log.warning("no OS keyring backend; sign-in tokens are kept in memory only")
    return MemoryCredentials(), (
        "Sistēmā nav pieejama drošā paroļu glabātava (keyring); pierakstīšanās dati tiek "
        "glabāti tikai atmiņā līdz programmas aizvēršanai."
    )
