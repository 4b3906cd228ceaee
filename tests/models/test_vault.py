"""The vault that seals act PDFs and attachments with the data folder's key (issue 15)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop.models.vault import MAGIC, FileVault, SealedFileError

ACT = "%PDF-1.7\nPieņemšanas-nodošanas akts · Ērika Ķuze · 150306-20571\n".encode()


@pytest.fixture
def key() -> bytes:
    return os.urandom(32)


def test_round_trip_and_nothing_readable_on_disk(tmp_path: Path, key: bytes) -> None:
    vault = FileVault(key)
    target = vault.write(tmp_path / "documents" / "7" / "P-2026-000109-A1.pdf", ACT)
    on_disk = target.read_bytes()
    assert on_disk.startswith(MAGIC)
    assert b"%PDF" not in on_disk and "Ērika".encode() not in on_disk
    assert vault.read(target) == ACT
    assert vault.sealed and not FileVault(None).sealed
    # two seals of the same content differ (a fresh nonce each time)
    assert vault.seal(ACT) != vault.seal(ACT)


def test_the_digest_is_of_the_content_not_of_the_sealed_bytes(tmp_path: Path, key: bytes) -> None:
    import hashlib

    target = FileVault(key).write(tmp_path / "a.pdf", ACT)
    assert FileVault(key).digest(target) == hashlib.sha256(ACT).hexdigest()


def test_a_changed_byte_is_refused_with_a_clear_message(tmp_path: Path, key: bytes) -> None:
    vault = FileVault(key)
    target = vault.write(tmp_path / "a.pdf", ACT)
    data = bytearray(target.read_bytes())
    data[-5] ^= 0x01
    target.write_bytes(bytes(data))
    with pytest.raises(SealedFileError) as caught:
        vault.read(target)
    assert "a.pdf" in caught.value.message_lv and "mainīts" in caught.value.message_lv


def test_another_key_cannot_open_it(tmp_path: Path, key: bytes) -> None:
    target = FileVault(key).write(tmp_path / "a.pdf", ACT)
    with pytest.raises(SealedFileError):
        FileVault(os.urandom(32)).read(target)


def test_a_plain_vault_refuses_a_sealed_file(tmp_path: Path, key: bytes) -> None:
    target = FileVault(key).write(tmp_path / "a.pdf", ACT)
    with pytest.raises(SealedFileError) as caught:
        FileVault(None).read(target)
    assert "nav atslēgas" in caught.value.message_lv


def test_a_keyed_vault_refuses_a_plain_file(tmp_path: Path, key: bytes) -> None:
    """A plain PDF planted in the data folder is not passed on as the act."""
    target = FileVault(None).write(tmp_path / "a.pdf", ACT)
    assert target.read_bytes() == ACT  # no key: written as it is
    assert FileVault(None).read(target) == ACT
    with pytest.raises(SealedFileError):
        FileVault(key).read(target)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_plain_copy_is_private_and_gone_after_the_block(tmp_path: Path, key: bytes) -> None:
    vault = FileVault(key)
    target = vault.write(tmp_path / "P-2026-000109-A1.pdf", ACT)
    with vault.plain_copy(target) as copy:
        assert copy.read_bytes() == ACT and copy.name == target.name
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    assert not copy.exists() and not copy.parent.exists()
