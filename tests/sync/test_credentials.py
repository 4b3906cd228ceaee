"""Where sign-in tokens live: the OS keyring behind a small interface, or memory only, and
never a file or the database."""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend

from desktop.models.store import open_store
from sync.client import CentralClient
from sync.credentials import (
    SERVICE,
    KeyringCredentials,
    MemoryCredentials,
    Tokens,
    default_credentials,
)
from sync.devserver.server import DevServer
from sync.engine import SyncEngine

SCHOOL = "4313900123"
SERVER = "https://central.example"


class DictKeyring(KeyringBackend):
    """A keyring that lives in a dict: what a real OS keyring does, minus the OS."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.items[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError(username) from None


class LockedKeyring(KeyringBackend):
    """A keyring that is there but refuses every call (locked, no D-Bus session, …)."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked("locked")


@contextlib.contextmanager
def using(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def dict_keyring() -> Iterator[DictKeyring]:
    with using(DictKeyring()) as backend:
        yield backend  # type: ignore[misc]


@pytest.fixture
def locked_keyring() -> Iterator[LockedKeyring]:
    with using(LockedKeyring()) as backend:
        yield backend  # type: ignore[misc]


@pytest.fixture(scope="module")
def central() -> Iterator[DevServer]:
    with DevServer(seed=8) as srv:
        yield srv


def files_holding(needles: list[str], *folders: Path) -> list[Path]:
    """Every file under the folders whose bytes contain one of the needles."""
    wanted = [n.encode() for n in needles]
    found = []
    for folder in folders:
        for root, _dirs, names in os.walk(folder):
            for name in names:
                path = Path(root, name)
                try:
                    data = path.read_bytes()
                except OSError:
                    continue
                if any(w in data for w in wanted):
                    found.append(path)
    return found


# -- no keyring ----------------------------------------------------------------------------------

def test_without_a_keyring_memory_only_and_the_user_is_told(caplog) -> None:
    assert not KeyringCredentials.available()  # the autouse fixture's 'fail' backend
    with caplog.at_level(logging.WARNING, logger="sync.credentials"):
        credentials, warning = default_credentials()
    assert isinstance(credentials, MemoryCredentials)
    assert not credentials.persistent
    assert warning is not None
    assert "keyring" in warning and "tikai atmiņā" in warning  # Latvian, for the window
    assert "memory only" in caplog.text
    tokens = Tokens("access-1", "refresh-1")
    credentials.save(SERVER, "ilze", tokens)
    assert credentials.load(SERVER, "ilze") == tokens
    assert MemoryCredentials().load(SERVER, "ilze") is None  # gone with the process
    credentials.forget(SERVER, "ilze")
    assert credentials.load(SERVER, "ilze") is None


def test_file_keyrings_do_not_count_as_a_keyring() -> None:
    plaintext = type("PlaintextKeyring", (DictKeyring,), {"__module__": "keyrings.alt.file"})
    with using(plaintext()):
        assert not KeyringCredentials.available()
        credentials, warning = default_credentials()
        assert isinstance(credentials, MemoryCredentials) and warning


# -- an OS keyring -------------------------------------------------------------------------------

def test_with_a_keyring_tokens_round_trip_through_it(dict_keyring: DictKeyring) -> None:
    assert KeyringCredentials.available()
    credentials, warning = default_credentials()
    assert isinstance(credentials, KeyringCredentials) and warning is None
    assert credentials.persistent
    tokens = Tokens("access-2", "refresh-2")
    credentials.save(SERVER, "ilze", tokens)
    raw = dict_keyring.items[(f"{SERVICE} {SERVER}", "ilze#tokens")]
    assert json.loads(raw) == {"access_token": "access-2", "refresh_token": "refresh-2"}
    assert KeyringCredentials().load(SERVER, "ilze") == tokens  # a new process reads it back
    assert KeyringCredentials().load(SERVER, "juris") is None
    assert KeyringCredentials().load("https://other.example", "ilze") is None
    credentials.forget(SERVER, "ilze")
    assert dict_keyring.items == {}
    credentials.forget(SERVER, "ilze")  # nothing there: no error
    dict_keyring.items[(f"{SERVICE} {SERVER}", "ilze")] = "pw"
    assert credentials.load_password(SERVER, "ilze") == "pw"
    dict_keyring.items[(f"{SERVICE} {SERVER}", "ilze#tokens")] = "{not json"
    assert credentials.load(SERVER, "ilze") is None


def test_a_sign_in_goes_to_the_keyring_and_no_file(dict_keyring: DictKeyring,
                                                   central: DevServer, tmp_path: Path) -> None:
    credentials, _ = default_credentials()
    client = CentralClient(central.url, username="admin", credentials=credentials)
    token = client.sign_in("demo")
    client.close()
    stored = json.loads(dict_keyring.items[(f"{SERVICE} {central.url}", "admin#tokens")])
    assert stored["access_token"] == token.access_token
    again = CentralClient(central.url, username="admin", credentials=KeyringCredentials())
    assert again.signed_in and again.changes(SCHOOL, None, limit=1).changes
    again.close()
    needles = [token.access_token, token.refresh_token]
    assert files_holding(needles, tmp_path, Path(os.environ["HOME"])) == []


def test_a_locked_keyring_keeps_the_sign_in_in_memory(locked_keyring: LockedKeyring,
                                                      central: DevServer, caplog) -> None:
    credentials = KeyringCredentials()
    assert credentials.load(central.url, "admin") is None
    assert credentials.load_password(central.url, "admin") is None
    client = CentralClient(central.url, username="admin", credentials=credentials)
    with caplog.at_level(logging.WARNING, logger="sync.credentials"):
        token = client.sign_in("demo")  # saving fails: not fatal
    assert "kept in memory" in caplog.text
    assert token.access_token not in caplog.text
    assert credentials.load(central.url, "admin") == Tokens(token.access_token,
                                                            token.refresh_token)
    assert client.changes(SCHOOL, None, limit=1).changes
    client.sign_out()  # forgetting fails in the keyring: not fatal either
    assert credentials.load(central.url, "admin") is None
    client.close()


# -- never a file, never the database -------------------------------------------------------------

def test_tokens_appear_in_no_file_after_a_sync(central: DevServer, tmp_path: Path) -> None:
    credentials = MemoryCredentials()
    client = CentralClient(central.url, username="admin", credentials=credentials)
    first = client.sign_in("demo")
    data = tmp_path / "data"
    store = open_store(data)
    try:
        SyncEngine(store, client, SCHOOL).sync_once()
        central.expire_tokens()
        SyncEngine(store, client, SCHOOL).sync_once()  # refreshed on 401 along the way
    finally:
        store.close()
        client.close()
    second = credentials.load(central.url, "admin")
    assert second is not None and second.access_token != first.access_token
    assert (data / "resursi.sqlite3").stat().st_size > 0
    needles = [first.access_token, first.refresh_token, second.access_token,
               second.refresh_token]
    assert files_holding(needles, tmp_path, Path(os.environ["HOME"])) == []
    # The scan itself works: a token written to a file would be found.
    (tmp_path / "leak.txt").write_text(second.refresh_token)
    assert files_holding(needles, tmp_path) == [tmp_path / "leak.txt"]
