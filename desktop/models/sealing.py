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
import stat
from pathlib import Path

from desktop.models.errors import StoreError
from desktop.models.files import DOCUMENTS_DIR, write_whole
from desktop.models.store import (
    BACKUP_DIRNAME,
    DB_FILENAME,
    backup_copy,
    connect,
    is_plain_sqlite,
    make_private,
)
from desktop.models.vault import MAGIC, FileVault

__all__ = ["MARKER_FILENAME", "PLAIN_SUFFIX", "SEALING_SUFFIX", "SIDECARS", "finish_sealing", "recover",
           "seal_plain_folder", "shred"]

log = logging.getLogger(__name__)

SEALING_SUFFIX = ".sealing"  # the encrypted copy while it is being made
PLAIN_SUFFIX = ".plain"  # the plain file between the swap and its removal
#: Lies in the data folder from the start of a move until its last file is sealed: a start
#: that finds it finishes the move (a crash after the store's swap left the rest plain).
MARKER_FILENAME = "sealing-in-progress"
_CHUNK = 1 << 20


def shred(path: Path) -> None:
    """Overwrite ``path`` with zeros, flush it to the disk, then remove it. A link (or anything
    but a plain file) is removed without being opened: what it points to is never touched."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if not stat.S_ISREG(info.st_mode):
        if not stat.S_ISDIR(info.st_mode):
            path.unlink()
        return
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "wb") as fh:
        left = info.st_size
        zeros = bytes(min(_CHUNK, info.st_size))
        while left > 0:
            step = min(left, len(zeros))
            fh.write(zeros[:step])
            left -= step
        fh.flush()
        os.fsync(fh.fileno())
    path.unlink()


def _fsync(path: Path) -> None:
    """The file's bytes, or a folder's entries (POSIX), on the disk before the next step."""
    if path.is_dir() and os.name != "posix":
        return  # Windows cannot open a folder to flush it; NTFS journals its renames
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


#: The files SQLite keeps beside a database: its WAL, shared memory and rollback journal.
SIDECARS = ("-wal", "-shm", "-journal")


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + s) for s in SIDECARS]


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
    """Put ``sealed`` in the place of ``plain``, then overwrite and remove the plain bytes. The
    sealed copy and both renames are on the disk before a byte of the original is zeroed."""
    _fsync(sealed)
    aside = plain.with_name(plain.name + PLAIN_SUFFIX)
    plain.replace(aside)
    sealed.replace(plain)
    _fsync(plain.parent)
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
    for directory in _document_dirs(folder):
        for path in sorted(directory.iterdir()):
            if path.is_symlink() or not path.is_file():
                continue
            if path.name.endswith((".part", SEALING_SUFFIX)):
                shred(path)  # a write that never finished: plain bytes nobody will read
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


def _document_dirs(folder: Path) -> list[Path]:
    """``documents/<application>/``: the only folders acts and attachments are filed in."""
    documents = folder / DOCUMENTS_DIR
    if documents.is_symlink() or not documents.is_dir():
        return []
    return [d for d in sorted(documents.iterdir()) if d.is_dir() and not d.is_symlink()]


def _backups(folder: Path) -> Path | None:
    backups = folder / BACKUP_DIRNAME
    return backups if backups.is_dir() and not backups.is_symlink() else None


def seal_plain_folder(folder: Path, key: bytes) -> None:
    """The plain store in ``folder``, its backups and its documents, encrypted with ``key``.

    The caller has checked that the store is a sound Resursi file. A backup of it, encrypted,
    is kept in the backups folder as the one made before a migration is."""
    marker = write_whole(folder / MARKER_FILENAME, b"")
    _fsync(marker)
    _seal_database(folder / DB_FILENAME, key)
    finish_sealing(folder, key)


def finish_sealing(folder: Path, key: bytes) -> None:
    """Seal whatever of the folder is still plain (the backups, the documents), then remove
    the marker. Safe to run again after any interruption."""
    store = folder / DB_FILENAME
    backups = _backups(folder)
    if backups is not None:
        for old in sorted(backups.glob("*.sqlite3")):
            if not old.is_symlink() and old.is_file() and old.stat().st_size and (
                    is_plain_sqlite(old)):
                _seal_database(old, key)
    if backups is None or not list(backups.glob("*-before-encryption-*")):
        backup_copy(store, "before-encryption", key)
    sealed_files = _seal_files(folder, FileVault(key))
    shred(folder / MARKER_FILENAME)
    _fsync(folder)
    log.info("the data folder is now encrypted (%d documents sealed)", sealed_files)


def _leftovers(folder: Path) -> list[Path]:
    """The move's own half-way files, by name, where the move puts them; nothing else."""
    found = [folder / (DB_FILENAME + PLAIN_SUFFIX), folder / (DB_FILENAME + SEALING_SUFFIX)]
    backups = _backups(folder)
    if backups is not None:
        found += backups.glob(f"*.sqlite3{PLAIN_SUFFIX}")
        found += backups.glob(f"*.sqlite3{SEALING_SUFFIX}")
    for directory in _document_dirs(folder):
        found += directory.glob(f"*{PLAIN_SUFFIX}")
        found += directory.glob(f"*{SEALING_SUFFIX}")
    return [p for p in found if p.is_file() and not p.is_symlink()]


def recover(folder: Path) -> None:
    """Finish or undo a move that stopped half-way (see the module's note)."""
    for path in _leftovers(folder):
        if path.name.endswith(PLAIN_SUFFIX):
            original = path.with_name(path.name[:-len(PLAIN_SUFFIX)])
            if original.exists():
                shred(path)  # the encrypted file is in place: only the plain bytes were left
            else:
                path.replace(original)  # stopped between the renames: back to the plain file
        else:
            with contextlib.suppress(OSError):
                shred(path)  # a copy being made when the move stopped; made again
