"""The encrypted store: its key from the keyring or a passphrase, a plain store moved into it,
and nothing of a child readable in the folder's bytes."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.models import store_key
from desktop.models.files import DOCUMENTS_DIR
from desktop.models.schema import Application
from desktop.models.sealing import PLAIN_SUFFIX, recover
from desktop.models.store import (
    BACKUP_DIRNAME,
    DB_FILENAME,
    DamagedStoreError,
    is_plain_sqlite,
    open_store,
)
from desktop.models.store_key import (
    KEYINFO_FILENAME,
    KeyUnavailableError,
    MemorySecrets,
    MissingPassphraseError,
    PassphraseRequest,
    StoreError,
    WeakPassphraseError,
    WrongPassphraseError,
    open_data_folder,
    unlock,
)
from desktop.models.vault import MAGIC, FileVault
from tests.factories import add_application, seed_catalogue
from tests.plain_bytes import needles, plain_bytes_found

LEARNER = "Jānis Bērziņš"
SUBMITTER = "Līga Bērziņa"
WANTED = needles([LEARNER, SUBMITTER], ["150312-20004", "010180-10006"])
PASSPHRASE = "Šķūņa žēlīgā ģitāra 7"


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real cost is 64 MiB; the rules do not depend on it."""
    monkeypatch.setattr(store_key, "DEFAULT_COST", {"iterations": 1, "lanes": 1,
                                                     "memory_kib": 64})


def _asker(*answers: str | None) -> tuple[list[PassphraseRequest], store_key.Ask]:
    asked: list[PassphraseRequest] = []

    def ask(request: PassphraseRequest) -> str | None:
        asked.append(request)
        return answers[len(asked) - 1] if len(asked) <= len(answers) else None

    return asked, ask


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _fill(store_folder: Path, key: bytes | None) -> None:
    store = open_store(store_folder, key=key)
    try:
        seed_catalogue(store)
        add_application(store, learner=LEARNER, submitter=SUBMITTER)
    finally:
        store.close()


def test_an_encrypted_store_holds_no_name_or_code_in_plain_bytes(data_dir: Path) -> None:
    key = os.urandom(32)
    store = open_store(data_dir, key=key)
    try:
        seed_catalogue(store)
        add_application(store, learner=LEARNER, submitter=SUBMITTER)
        # the WAL is still there with the last writes in it
        assert plain_bytes_found(data_dir, WANTED) == []
        with store.read() as s:
            assert s.scalars(select(Application.learner_name)).all() == [LEARNER]
    finally:
        store.close()
    assert not is_plain_sqlite(data_dir / DB_FILENAME)
    assert plain_bytes_found(data_dir, WANTED) == []


def test_a_plain_store_has_them_in_plain_bytes_so_the_check_above_can_fail(
        data_dir: Path) -> None:
    _fill(data_dir, None)
    assert (DB_FILENAME, LEARNER.encode()) in plain_bytes_found(data_dir, WANTED)


def test_the_backup_before_a_migration_is_encrypted_with_the_same_key(data_dir: Path) -> None:
    key = os.urandom(32)
    store = open_store(data_dir, key=key, target_revision="0010")
    try:
        seed_catalogue(store)
    finally:
        store.close()
    store = open_store(data_dir, key=key)
    try:
        assert store.backup is not None and store.backup.exists()
        assert not is_plain_sqlite(store.backup)
        backup = open_store(store.backup.parent / "check", key=key)  # a usable copy
        backup.close()
    finally:
        store.close()
    assert plain_bytes_found(data_dir, needles(["Āgenskalna"], [])) == []


def test_the_wrong_key_is_refused_and_the_file_left_as_it_was(data_dir: Path) -> None:
    _fill(data_dir, os.urandom(32))
    before = _digests(data_dir)
    with pytest.raises(DamagedStoreError):
        open_store(data_dir, key=os.urandom(32))
    assert _digests(data_dir) == before


def test_a_new_folder_keeps_a_random_key_in_the_keyring_and_opens_with_it(
        data_dir: Path) -> None:
    secrets = MemorySecrets()
    asked, ask = _asker()
    store = open_data_folder(data_dir, secrets=secrets, ask=ask)
    try:
        seed_catalogue(store)
        add_application(store, learner=LEARNER, submitter=SUBMITTER)
    finally:
        store.close()
    info = store_key.read_keyinfo(data_dir)
    assert info is not None and info.method == "keyring"
    kept = secrets.get(info.key_id)
    assert kept is not None and kept not in (data_dir / KEYINFO_FILENAME).read_text()
    assert asked == []  # the keyring answers; nobody is asked
    store = open_data_folder(data_dir, secrets=secrets, ask=ask)
    try:
        with store.read() as s:
            assert s.scalars(select(Application.learner_name)).all() == [LEARNER]
    finally:
        store.close()
    assert oct((data_dir / KEYINFO_FILENAME).stat().st_mode & 0o777) == "0o600"


def test_a_key_gone_from_the_keyring_says_so_and_touches_nothing(data_dir: Path) -> None:
    secrets = MemorySecrets()
    open_data_folder(data_dir, secrets=secrets, ask=_asker()[1]).close()
    info = store_key.read_keyinfo(data_dir)
    assert info is not None
    secrets.delete(info.key_id)
    before = _digests(data_dir)
    with pytest.raises(KeyUnavailableError) as err:
        open_data_folder(data_dir, secrets=secrets, ask=_asker()[1])
    assert "keyring" in str(err.value) and "paroļu glabātav" in err.value.message_lv
    with pytest.raises(KeyUnavailableError):  # a machine with no keyring at all
        open_data_folder(data_dir, secrets=None, ask=_asker(PASSPHRASE)[1])
    assert _digests(data_dir) == before


def test_without_a_keyring_a_new_folder_asks_for_a_passphrase_and_writes_no_key(
        data_dir: Path) -> None:
    asked, ask = _asker(PASSPHRASE)
    store = open_data_folder(data_dir, secrets=None, ask=ask)
    key = store.key
    store.close()
    assert [(r.new, r.attempt, r.wrong) for r in asked] == [(True, 1, False)]
    assert key is not None
    every_byte = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert key not in every_byte and key.hex().encode() not in every_byte
    assert PASSPHRASE.encode() not in every_byte
    info = store_key.read_keyinfo(data_dir)
    assert info is not None and info.method == "passphrase" and info.argon2id is not None


def test_the_right_passphrase_opens_and_a_wrong_one_is_asked_again(data_dir: Path) -> None:
    open_data_folder(data_dir, secrets=None, ask=_asker(PASSPHRASE)[1]).close()
    asked, ask = _asker("nepareiza parole", PASSPHRASE)
    store = open_data_folder(data_dir, secrets=None, ask=ask)
    store.close()
    assert [(r.new, r.attempt, r.wrong) for r in asked] == [(False, 1, False), (False, 2, True)]


def test_a_wrong_passphrase_is_refused_with_a_message_and_the_folder_untouched(
        data_dir: Path) -> None:
    store = open_data_folder(data_dir, secrets=None, ask=_asker(PASSPHRASE)[1])
    seed_catalogue(store)
    add_application(store, learner=LEARNER, submitter=SUBMITTER)
    store.close()
    before = _digests(data_dir)
    with pytest.raises(WrongPassphraseError) as err:
        open_data_folder(data_dir, secrets=None, ask=_asker("Šķūņa žēlīgā ģitāra 8")[1])
    assert err.value.message_lv == "Parole neatver šo datu mapi; nekas netika mainīts"
    assert _digests(data_dir) == before


def test_headless_commands_read_the_passphrase_from_the_environment(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(store_key.PASSPHRASE_ENV, raising=False)
    with pytest.raises(MissingPassphraseError) as err:
        unlock(data_dir, secrets=None, ask=store_key.env_passphrase)
    assert store_key.PASSPHRASE_ENV in str(err.value)
    assert not (data_dir / KEYINFO_FILENAME).exists()
    monkeypatch.setenv(store_key.PASSPHRASE_ENV, PASSPHRASE)
    first = unlock(data_dir, secrets=None, ask=store_key.env_passphrase)
    assert unlock(data_dir, secrets=None, ask=store_key.env_passphrase) == first
    monkeypatch.setenv(store_key.PASSPHRASE_ENV, PASSPHRASE + "!")
    with pytest.raises(WrongPassphraseError):
        unlock(data_dir, secrets=None, ask=store_key.env_passphrase)


def test_a_short_new_passphrase_creates_nothing(data_dir: Path) -> None:
    with pytest.raises(WeakPassphraseError):
        unlock(data_dir, secrets=None, ask=_asker("īsa")[1])
    assert not (data_dir / KEYINFO_FILENAME).exists()


def test_a_damaged_key_description_is_named_and_nothing_is_opened(data_dir: Path) -> None:
    open_data_folder(data_dir, secrets=MemorySecrets(), ask=_asker()[1]).close()
    (data_dir / KEYINFO_FILENAME).write_text('{"method": "nekas"}', encoding="utf-8")
    before = _digests(data_dir)
    with pytest.raises(store_key.StoreError) as err:
        unlock(data_dir, secrets=MemorySecrets(), ask=_asker()[1])
    assert KEYINFO_FILENAME in str(err.value)
    assert _digests(data_dir) == before


def test_an_encrypted_store_without_its_key_description_is_not_given_a_new_key(
        data_dir: Path) -> None:
    _fill(data_dir, os.urandom(32))
    with pytest.raises(store_key.StoreError) as err:
        unlock(data_dir, secrets=MemorySecrets(), ask=_asker(PASSPHRASE)[1])
    assert "missing" in str(err.value) and "not a Resursi data file" in str(err.value)
    assert not (data_dir / KEYINFO_FILENAME).exists()


def test_a_plain_store_with_data_backups_and_acts_is_moved_into_an_encrypted_one(
        data_dir: Path) -> None:
    open_store(data_dir, target_revision="0011").close()
    _fill(data_dir, None)  # the migration to head leaves a plain backup behind
    plain_backups = sorted((data_dir / BACKUP_DIRNAME).glob("*.sqlite3"))
    assert len(plain_backups) == 1 and is_plain_sqlite(plain_backups[0])
    act = data_dir / DOCUMENTS_DIR / "1" / "RAVĢ-act.pdf"
    act.parent.mkdir(parents=True)
    act.write_bytes(b"%PDF-1.4 " + LEARNER.encode() + b" 150312-20004")
    plain_copy = data_dir / BACKUP_DIRNAME / "resursi-copy-by-hand.sqlite3"
    plain_copy.write_bytes((data_dir / DB_FILENAME).read_bytes())
    assert {f for f, _ in plain_bytes_found(data_dir, WANTED)} >= {
        DB_FILENAME, f"{DOCUMENTS_DIR}/1/RAVĢ-act.pdf", f"{BACKUP_DIRNAME}/{plain_copy.name}"}

    secrets = MemorySecrets()
    store = open_data_folder(data_dir, secrets=secrets, ask=_asker()[1])
    try:
        with store.read() as s:
            assert s.scalars(select(Application.learner_name)).all() == [LEARNER]
        assert store.vault.read(act).startswith(b"%PDF-1.4 ")
    finally:
        store.close()
    assert plain_bytes_found(data_dir, WANTED) == []
    assert act.read_bytes().startswith(MAGIC)
    assert not any(is_plain_sqlite(p) for p in (*plain_backups, plain_copy))
    backups = sorted((data_dir / BACKUP_DIRNAME).glob("*before-encryption*"))
    assert len(backups) == 1 and not is_plain_sqlite(backups[0])
    assert not list(data_dir.rglob(f"*{PLAIN_SUFFIX}")) and not list(data_dir.rglob("*.sealing"))


def test_a_move_stopped_between_its_renames_goes_back_to_the_plain_file(
        data_dir: Path) -> None:
    _fill(data_dir, None)
    store_file = data_dir / DB_FILENAME
    aside = data_dir / (DB_FILENAME + PLAIN_SUFFIX)
    store_file.replace(aside)
    recover(data_dir)
    assert store_file.exists() and is_plain_sqlite(store_file) and not aside.exists()
    store = open_data_folder(data_dir, secrets=MemorySecrets(), ask=_asker()[1])
    try:
        with store.read() as s:
            assert s.scalars(select(Application.learner_name)).all() == [LEARNER]
    finally:
        store.close()


def test_a_plain_file_left_after_the_swap_is_removed_at_the_next_start(data_dir: Path) -> None:
    secrets = MemorySecrets()
    open_data_folder(data_dir, secrets=secrets, ask=_asker()[1]).close()
    leftover = data_dir / (DB_FILENAME + PLAIN_SUFFIX)
    leftover.write_bytes(LEARNER.encode())
    open_data_folder(data_dir, secrets=secrets, ask=_asker()[1]).close()
    assert not leftover.exists()


def test_the_vault_of_an_encrypted_store_seals_files(data_dir: Path) -> None:
    store = open_store(data_dir, key=os.urandom(32))
    try:
        assert isinstance(store.vault, FileVault) and store.vault.sealed
    finally:
        store.close()


@pytest.mark.parametrize("change", [
    {"lanes": 16, "memory_kib": 8},          # memory below 8 * lanes
    {"salt": "!!!!!!!!!!!!!!!!"},            # 16 characters, not base64
    {"salt": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="},  # 37 bytes: too long
    {"memory_kib": 64 * 1024 * 1024},  # 64 GiB: a start that never ends
])
def test_an_edited_cost_argon2id_refuses_is_a_damaged_description(
        data_dir: Path, change: dict[str, object]) -> None:
    unlock(data_dir, secrets=None, ask=lambda r: PASSPHRASE)
    path = data_dir / KEYINFO_FILENAME
    info = json.loads(path.read_text())
    info["argon2id"].update(change)
    path.write_text(json.dumps(info))
    with pytest.raises(StoreError) as err:
        unlock(data_dir, secrets=None, ask=lambda r: PASSPHRASE if r.attempt == 1 else None)
    assert KEYINFO_FILENAME in str(err.value)


def test_another_salt_only_makes_another_key_so_the_passphrase_is_wrong(data_dir: Path) -> None:
    unlock(data_dir, secrets=None, ask=lambda r: PASSPHRASE)
    path = data_dir / KEYINFO_FILENAME
    info = json.loads(path.read_text())
    info["argon2id"]["salt"] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="
    path.write_text(json.dumps(info))
    with pytest.raises(WrongPassphraseError):
        unlock(data_dir, secrets=None, ask=lambda r: PASSPHRASE if r.attempt == 1 else None)


def test_an_encrypted_store_keeps_a_larger_page_cache(data_dir: Path) -> None:
    """SQLCipher decrypts a page again each time SQLite re-reads it: the cache is what keeps
    filters on a large encrypted store as fast as on a plain one (bench/inbox_bench.py)."""
    from sqlalchemy import text

    from desktop.models.store import ENCRYPTED_CACHE_KIB

    sizes = {}
    for name, key in (("off", None), ("on", os.urandom(32))):
        store = open_store(data_dir / name, key=key)
        try:
            with store.read() as s:
                sizes[name] = s.execute(text("PRAGMA cache_size")).scalar()
        finally:
            store.close()
    assert sizes["on"] == -ENCRYPTED_CACHE_KIB and sizes["off"] != sizes["on"]
