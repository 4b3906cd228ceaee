"""Moving a plain data folder (store, backups, acts, attachments) under its key, once.

Every step leaves a usable folder behind if the process stops there: the encrypted copy is
made and checked beside the plain file, swapped in by two renames, and only then is the plain
file overwritten and removed. ``recover`` finishes or undoes an interrupted move at the next
start.

Overwriting before removing keeps the plain bytes out of the freed blocks of a plain disk; an
SSD or a copy-on-write file system may keep older copies of a block anyway, which is why
PRIVACY.md asks for full-disk encryption as well.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from desktop.models.errors import StoreError
from desktop.models.files import DOCUMENTS_DIR
from desktop.models.store import (
    BACKUP_DIRNAME,
    DB_FILENAME,
    backup_copy,
    connect,
    is_plain_sqlite,
    make_private,
)
from desktop.models.vault import MAGIC, FileVault

__all__ = ["PLAIN_SUFFIX", "SEALING_SUFFIX", "recover", "seal_plain_folder", "shred"]

log = logging.getLogger(__name__)

SEALING_SUFFIX = ".sealing"  # the encrypted copy while it is being made
PLAIN_SUFFIX = ".plain"  # the plain file between the swap and its removal
_CHUNK = 1 << 20


def shred(path: Path) -> None:
    """Overwrite ``path`` with zeros, flush it to the disk, then remove it."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    with path.open("r+b") as fh:
        left = size
        zeros = bytes(min(_CHUNK, size))
        while left > 0:
            step = min(left, len(zeros))
            fh.write(zeros[:step])
            left -= step
        fh.flush()
        os.fsync(fh.fileno())
    path.unlink()


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal")]


def _tables(conn: object) -> dict[str, int]:
    execute = conn.execute  # type: ignore[attr-defined]
    names = [r[0] for r in execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    # the names come from the file's own catalogue, quoted as identifiers
    return {n: execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]  # noqa: S608
            for n in names}


def _encrypted_copy(plain: Path, target: Path, key: bytes) -> None:
    """``target`` := ``plain`` encrypted with ``key``, checked table by table."""
    for stale in (target, *_sidecars(target)):
        shred(stale)
    conn = connect(plain, None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"ATTACH DATABASE ? AS sealed KEY \"x'{key.hex()}'\"", (str(target),))
        conn.execute("SELECT sqlcipher_export('sealed')")
        conn.execute(f"PRAGMA sealed.user_version = {int(version)}")
        conn.execute("DETACH DATABASE sealed")
        counts = _tables(conn)
    finally:
        conn.close()
    check = connect(target, key)
    try:
        verdict = check.execute("PRAGMA quick_check").fetchone()[0]
        sealed_counts = _tables(check)
    finally:
        check.close()
    if verdict != "ok" or sealed_counts != counts:
        shred(target)
        raise StoreError(
            f"the encrypted copy of {plain.name} did not match it; the plain file was left "
            "as it was",
            f"Šifrētā {plain.name} kopija neatbilda oriģinālam; nešifrētais fails netika mainīts")
    make_private(target)


def _swap(plain: Path, sealed: Path) -> None:
    """Put ``sealed`` in the place of ``plain``, then overwrite and remove the plain bytes."""
    aside = plain.with_name(plain.name + PLAIN_SUFFIX)
    plain.replace(aside)
    sealed.replace(plain)
    shred(aside)
    for sidecar in _sidecars(aside):
        shred(sidecar)


def _seal_database(path: Path, key: bytes) -> None:
    sealed = path.with_name(path.name + SEALING_SUFFIX)
    _encrypted_copy(path, sealed, key)
    for sidecar in _sidecars(path):  # the checkpoint emptied them; nothing of them is kept
        shred(sidecar)
    _swap(path, sealed)


def _seal_files(folder: Path, vault: FileVault) -> int:
    count = 0
    documents = folder / DOCUMENTS_DIR
    if not documents.is_dir():
        return 0
    for path in sorted(p for p in documents.rglob("*") if p.is_file()):
        if path.is_symlink() or path.name.endswith(".part"):
            continue
        content = path.read_bytes()
        if content.startswith(MAGIC):
            continue
        sealed = path.with_name(path.name + SEALING_SUFFIX)
        vault.write(sealed, content)
        _swap(path, sealed)
        make_private(path)
        count += 1
    return count


def seal_plain_folder(folder: Path, key: bytes) -> None:
    """The plain store in ``folder``, its backups and its documents, encrypted with ``key``.

    The caller has checked that the store is a sound Resursi file. A backup of it, encrypted,
    is kept in the backups folder as the one made before a migration is."""
    store = folder / DB_FILENAME
    backups = folder / BACKUP_DIRNAME
    _seal_database(store, key)
    if backups.is_dir():
        for old in sorted(backups.glob("*.sqlite3")):
            if old.stat().st_size and is_plain_sqlite(old):
                _seal_database(old, key)
    backup_copy(store, "before-encryption", key)
    sealed_files = _seal_files(folder, FileVault(key))
    log.info("the data folder is now encrypted (%d documents sealed)", sealed_files)


def recover(folder: Path) -> None:
    """Finish or undo a move that stopped half-way (see the module's note)."""
    for aside in folder.rglob(f"*{PLAIN_SUFFIX}"):
        original = aside.with_name(aside.name[:-len(PLAIN_SUFFIX)])
        if original.exists():
            shred(aside)  # the encrypted file is in place: only the plain bytes were left
        else:
            aside.replace(original)  # stopped between the renames: back to the plain file
    for partial in folder.rglob(f"*{SEALING_SUFFIX}"):
        with contextlib.suppress(OSError):
            shred(partial)
