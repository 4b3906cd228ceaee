"""Where a data folder's key comes from: the OS keyring, or a passphrase the user types.

A new data folder gets a random 32-byte key kept in the keyring; on a machine without a secure
keyring the user chooses a passphrase instead and the key is derived from it with Argon2id
(memory-hard, so guessing passphrases against a stolen disk is slow and costly). The key
itself is never written to a file or a log.

Beside the store lies ``store-key.json``: which of the two the folder uses, the keyring entry's
name or the passphrase's salt and cost, and a check value (an HMAC of a fixed text under the
key) that tells a wrong passphrase from a damaged store before the store is touched.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from desktop.models.errors import StoreError
from desktop.models.files import write_whole
from desktop.models.store import DB_FILENAME, Store, is_plain_sqlite, make_private, open_store

__all__ = [
    "KEYINFO_FILENAME", "KEYRING_SERVICE", "MIN_PASSPHRASE", "PASSPHRASE_ENV", "KeyInfo",
    "KeyUnavailableError", "KeyringSecrets", "MemorySecrets", "MissingPassphraseError",
    "PassphraseRequest", "SecretStore", "WeakPassphraseError", "WrongPassphraseError",
    "env_passphrase", "forget_key", "open_data_folder", "open_for_command", "unlock",
]

KEYINFO_FILENAME = "store-key.json"
PASSPHRASE_ENV = "RESURSI_PASSPHRASE"
KEYRING_SERVICE = "Resursi data folder"
MIN_PASSPHRASE = 10
_CHECK_TEXT = b"resursi store key check v1"


class WrongPassphraseError(StoreError):
    """The passphrase does not open this data folder; nothing was touched."""


class MissingPassphraseError(StoreError):
    """No passphrase was given (the dialog was cancelled, or RESURSI_PASSPHRASE is not set)."""


class WeakPassphraseError(StoreError):
    """A new passphrase too short to protect children's data."""


class KeyUnavailableError(StoreError):
    """The folder's key is in a keyring this computer does not have (any more)."""


class SecretStore(Protocol):
    """The OS keyring as far as data-folder keys go (a memory one in tests)."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class MemorySecrets:
    """Keys for this process only: tests, and the demo's throw-away folder."""

    def __init__(self) -> None:
        self._values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self._values.get(name)

    def set(self, name: str, value: str) -> None:
        self._values[name] = value

    def delete(self, name: str) -> None:
        self._values.pop(name, None)


class KeyringSecrets:
    """The OS keyring (Secret Service, Windows Credential Manager, macOS Keychain)."""

    def __init__(self) -> None:
        import keyring

        self._keyring = keyring

    def get(self, name: str) -> str | None:
        import keyring.errors

        try:
            return self._keyring.get_password(KEYRING_SERVICE, name)
        except keyring.errors.KeyringError as exc:
            raise _keyring_failed(exc) from exc

    def set(self, name: str, value: str) -> None:
        import keyring.errors

        try:
            self._keyring.set_password(KEYRING_SERVICE, name, value)
        except keyring.errors.KeyringError as exc:
            raise _keyring_failed(exc) from exc

    def delete(self, name: str) -> None:
        import keyring.errors

        try:
            self._keyring.delete_password(KEYRING_SERVICE, name)
        except keyring.errors.PasswordDeleteError:
            pass  # already gone
        except keyring.errors.KeyringError as exc:
            raise _keyring_failed(exc) from exc


def _keyring_failed(exc: Exception) -> StoreError:
    return KeyUnavailableError(
        f"the OS keyring did not answer ({type(exc).__name__}); unlock it and start again",
        "Operētājsistēmas paroļu glabātava (keyring) neatbildēja; atbloķējiet to un "
        "palaidiet programmu vēlreiz")


class Argon2Cost(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    salt: str = Field(min_length=16, max_length=64)  # base64 of 16-32 random bytes
    # Bounded both ways: an edited file can neither make a start take minutes or gigabytes
    # nor ask Argon2id for what it refuses (it then reads as a damaged description).
    iterations: int = Field(ge=1, le=10)
    lanes: int = Field(ge=1, le=16)
    memory_kib: int = Field(ge=8, le=1024 * 1024)

    @model_validator(mode="after")
    def _argon2_accepts(self) -> Argon2Cost:
        try:
            salt = base64.b64decode(self.salt, validate=True)
        except ValueError as exc:
            raise ValueError("the salt is not base64") from exc
        if not 16 <= len(salt) <= 32:
            raise ValueError("the salt is 16 to 32 bytes")
        if self.memory_kib < 8 * self.lanes:
            raise ValueError("Argon2id needs at least 8 KiB per lane")
        return self


#: What a new passphrase costs to try: 64 MiB and three passes (some 0.1 s here, once per
#: start; a guesser pays the same for every guess).
DEFAULT_COST = {"iterations": 3, "lanes": 4, "memory_kib": 64 * 1024}


class KeyInfo(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1] = 1
    method: Literal["keyring", "passphrase"]
    key_id: str = Field(pattern=r"^[0-9a-f-]{36}$")  # the keyring entry's name
    check: str = Field(pattern=r"^[0-9a-f]{64}$")
    argon2id: Argon2Cost | None = None


@dataclass(frozen=True)
class PassphraseRequest:
    """What the person is asked: a new passphrase (chosen twice) or the folder's one."""

    folder: Path
    new: bool
    attempt: int  # 1 for the first ask; more after a wrong passphrase
    wrong: bool  # the previous answer did not open the folder


Ask = Callable[[PassphraseRequest], str | None]


def key_check(key: bytes) -> str:
    return hmac.new(key, _CHECK_TEXT, hashlib.sha256).hexdigest()


def derive(passphrase: str, cost: Argon2Cost) -> bytes:
    return Argon2id(salt=base64.b64decode(cost.salt), length=32, iterations=cost.iterations,
                    lanes=cost.lanes, memory_cost=cost.memory_kib).derive(
        passphrase.encode("utf-8"))


def read_keyinfo(folder: Path) -> KeyInfo | None:
    path = folder / KEYINFO_FILENAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise _damaged_keyinfo(path, str(exc)) from exc
    try:
        return KeyInfo.model_validate(json.loads(text))
    except (ValueError, ValidationError) as exc:
        raise _damaged_keyinfo(path, "not the key description Resursi writes") from exc


def _damaged_keyinfo(path: Path, why: str) -> StoreError:
    return StoreError(
        f"{path} cannot be read ({why}); without it the data folder cannot be opened. "
        "Restore it from a copy of the folder, or sync into a new data folder.",
        f"{path} nevar nolasīt; bez tā datu mapi nevar atvērt. Atjaunojiet to no mapes "
        "kopijas vai sinhronizējiet jaunā datu mapē.")


def _write_keyinfo(folder: Path, info: KeyInfo) -> None:
    target = write_whole(folder / KEYINFO_FILENAME,
                         info.model_dump_json(indent=2, exclude_none=True).encode())
    make_private(target)


def env_passphrase(request: PassphraseRequest) -> str | None:
    """Headless commands: the passphrase from RESURSI_PASSPHRASE, once (a wrong one is not
    asked again: there is no one to ask)."""
    return os.environ.get(PASSPHRASE_ENV) if request.attempt == 1 else None


def _new_key(folder: Path, secrets: SecretStore | None, ask: Ask) -> bytes:
    key_id = str(uuid.uuid4())
    if secrets is not None:
        key = os.urandom(32)
        secrets.set(key_id, base64.b64encode(key).decode())
        _write_keyinfo(folder, KeyInfo(method="keyring", key_id=key_id, check=key_check(key)))
        return key
    passphrase = ask(PassphraseRequest(folder, new=True, attempt=1, wrong=False))
    if passphrase is None:
        raise MissingPassphraseError(
            f"this computer has no keyring for the data folder's key, and no passphrase was "
            f"given (headless commands read it from {PASSPHRASE_ENV}); nothing was created",
            f"Šim datoram nav paroļu glabātavas datu mapes atslēgai, un parole netika dota "
            f"(komandrindā to nolasa no {PASSPHRASE_ENV}); nekas netika izveidots")
    if len(passphrase) < MIN_PASSPHRASE:
        raise WeakPassphraseError(
            f"the passphrase is shorter than {MIN_PASSPHRASE} characters; nothing was created",
            f"Parole ir īsāka par {MIN_PASSPHRASE} rakstzīmēm; nekas netika izveidots")
    cost = Argon2Cost(salt=base64.b64encode(os.urandom(16)).decode(), **DEFAULT_COST)
    key = derive(passphrase, cost)
    _write_keyinfo(folder, KeyInfo(method="passphrase", key_id=key_id, check=key_check(key),
                                   argon2id=cost))
    return key


def unlock(folder: Path, *, secrets: SecretStore | None, ask: Ask) -> bytes:
    """The key of the data folder ``folder``, made on first use.

    ``secrets`` is the OS keyring (None where there is no secure one); ``ask`` asks for the
    passphrase (None: cancelled). A wrong passphrase is asked again while ``ask`` answers;
    nothing in the folder is read or changed before the key is known to be right."""
    info = read_keyinfo(folder)
    if info is None:
        store = folder / DB_FILENAME
        if store.exists() and store.stat().st_size and not is_plain_sqlite(store):
            raise StoreError(
                f"{store} is not a Resursi data file, or an encrypted one whose "
                f"{KEYINFO_FILENAME} is missing beside it; it was left untouched. Restore the "
                "folder from a copy, or sync into a new one.",
                f"{store} nav Resursi datu fails vai ir šifrēts, bet blakus trūkst "
                f"{KEYINFO_FILENAME}; fails netika mainīts. Atjaunojiet mapi no kopijas vai "
                "sinhronizējiet jaunā mapē.")
        folder.mkdir(parents=True, exist_ok=True)
        make_private(folder)
        return _new_key(folder, secrets, ask)
    if info.method == "keyring":
        stored = secrets.get(info.key_id) if secrets is not None else None
        key = base64.b64decode(stored) if stored else None
        if key is None or not hmac.compare_digest(key_check(key), info.check):
            raise KeyUnavailableError(
                f"the key of {folder} is not in this computer's keyring; the data cannot be "
                "opened here. Sync into a new data folder (the central service has the school's "
                "data) or open the folder on the computer and user that made it.",
                f"Datu mapes {folder} atslēga nav šī datora paroļu glabātavā; datus šeit nevar "
                "atvērt. Sinhronizējiet jaunā datu mapē vai atveriet mapi datorā un lietotāja "
                "kontā, kurā tā izveidota.")
        return key
    assert info.argon2id is not None
    attempt, wrong = 1, False
    while True:
        passphrase = ask(PassphraseRequest(folder, new=False, attempt=attempt, wrong=wrong))
        if passphrase is None:
            if wrong:
                raise WrongPassphraseError(
                    "the passphrase does not open this data folder; nothing was changed",
                    "Parole neatver šo datu mapi; nekas netika mainīts")
            raise MissingPassphraseError(
                f"the data folder is protected by a passphrase and none was given "
                f"(headless commands read it from {PASSPHRASE_ENV}); nothing was opened",
                f"Datu mapi aizsargā parole, un tā netika dota (komandrindā to nolasa no "
                f"{PASSPHRASE_ENV}); nekas netika atvērts")
        try:
            key = derive(passphrase, info.argon2id)
        except ValueError as exc:  # what Argon2id refuses and the model let through
            raise _damaged_keyinfo(folder / KEYINFO_FILENAME, str(exc)) from exc
        if hmac.compare_digest(key_check(key), info.check):
            return key
        attempt, wrong = attempt + 1, True


def forget_key(folder: Path, secrets: SecretStore | None) -> None:
    """Remove the folder's key from the keyring (the wipe of a revoked workstation)."""
    try:
        info = read_keyinfo(folder)
    except StoreError:
        return
    if info is not None and info.method == "keyring" and secrets is not None:
        secrets.delete(info.key_id)


def open_data_folder(folder: Path, *, secrets: SecretStore | None, ask: Ask,
                     target_revision: str = "head", check_later: bool = False) -> Store:
    """The app's and the commands' one way in: unlock the folder, then open its store."""
    key = unlock(folder, secrets=secrets, ask=ask)
    return open_store(folder, key=key, target_revision=target_revision,
                      check_later=check_later)


def default_secrets() -> SecretStore | None:
    """The OS keyring when a secure one is configured (see ``sync.credentials``), else None."""
    from desktop.models.keyring_backend import secure_keyring

    return KeyringSecrets() if secure_keyring() else None


def open_for_command(folder: Path, *, target_revision: str = "head") -> Store:
    """The headless commands' way in: the keyring when there is one, else RESURSI_PASSPHRASE."""
    return open_data_folder(folder, secrets=default_secrets(), ask=env_passphrase,
                            target_revision=target_revision)
