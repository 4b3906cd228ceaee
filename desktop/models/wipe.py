"""Erasing this computer's copy of a school's data: what a revoked workstation does.

Everything Resursi keeps of children in a data folder goes: the store with its WAL and
backups, the acts and attachments, the key (in the keyring) and its description. Each file is
overwritten before it is removed (``sealing.shred``). What stays is ``workstation.json``: a
laptop the school revoked stays revoked if it comes back (the central service refuses its id),
instead of signing in again as a new workstation; and whatever else a person keeps in a folder
they chose as the data folder, which is not Resursi's to erase.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from desktop.models.files import DOCUMENTS_DIR
from desktop.models.sealing import (
    MARKER_FILENAME,
    PLAIN_SUFFIX,
    SEALING_SUFFIX,
    SIDECARS,
    shred,
)
from desktop.models.store import BACKUP_DIRNAME, DB_FILENAME
from desktop.models.store_key import KEYINFO_FILENAME, SecretStore, forget_key

__all__ = ["wipe_data_folder"]

log = logging.getLogger(__name__)


def _ours(folder: Path) -> list[Path]:
    """What Resursi writes in a data folder, by name: a folder a person chose may hold their
    own files too, and those are never touched."""
    names = [DB_FILENAME, KEYINFO_FILENAME, MARKER_FILENAME]
    found = [folder / n for n in names]
    found += [folder / (DB_FILENAME + suffix) for suffix in _STORE_SUFFIXES]
    backups = folder / BACKUP_DIRNAME
    if backups.is_dir() and not backups.is_symlink():
        found += [p for p in backups.iterdir()
                  if p.name.startswith(Path(DB_FILENAME).stem + "-")
                  and any(p.name.endswith(".sqlite3" + x) for x in ("", *_STORE_SUFFIXES))]
    return found


#: The store's companions: SQLite's WAL and journal, the move's half-way files and theirs
#: (sealing.py), a write cut short.
_STORE_SUFFIXES = (*SIDECARS, ".part",
                   *(half + side for half in (PLAIN_SUFFIX, SEALING_SUFFIX)
                     for side in ("", *SIDECARS)))


def _erase_tree(folder: Path, failed: list[Path]) -> None:
    """Everything under ``folder`` (the documents: Resursi's own), deepest first; links are
    removed, never followed."""
    for root, dirs, files in os.walk(folder, topdown=False, followlinks=False):
        here = Path(root)
        for name in files:
            _erase(here / name, failed)
        for name in dirs:
            path = here / name
            with contextlib.suppress(OSError):
                if path.is_symlink():
                    path.unlink()
                else:
                    path.rmdir()
    with contextlib.suppress(OSError):
        folder.rmdir()


def _erase(path: Path, failed: list[Path]) -> None:
    try:
        shred(path)
    except OSError as exc:
        log.warning("could not erase a file of the data folder (%s)",
                    os.strerror(exc.errno) if exc.errno else type(exc).__name__)
        failed.append(path)


def wipe_data_folder(folder: Path, secrets: SecretStore | None) -> list[Path]:
    """Erase the school's data in ``folder`` (the store must be closed); the files that could
    not be erased (in use, no permission) are returned and logged by name only. Only what
    Resursi wrote goes: the store and its companions, the key's description, the backups it
    made and the documents folder; anything else a person keeps in the folder stays."""
    forget_key(folder, secrets)
    failed: list[Path] = []
    for path in _ours(folder):
        _erase(path, failed)
    backups = folder / BACKUP_DIRNAME
    with contextlib.suppress(OSError):
        if backups.is_symlink():
            backups.unlink()
        elif backups.is_dir():
            backups.rmdir()  # only when nothing else is in it
    documents = folder / DOCUMENTS_DIR
    if documents.is_symlink():
        documents.unlink()
    elif documents.is_dir():
        _erase_tree(documents, failed)
    return failed
