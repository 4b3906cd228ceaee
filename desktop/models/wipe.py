"""Erasing this computer's copy of a school's data: what a revoked workstation does.

Everything a data folder holds of children goes: the store with its WAL and backups, the acts
and attachments, the key (in the keyring) and its description. Each file is overwritten before
it is removed (``sealing.shred``). What stays is ``workstation.json``: a laptop the school
revoked stays revoked if it comes back (the central service refuses its id), instead of
signing in again as a new workstation.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from desktop.models.sealing import shred
from desktop.models.store_key import SecretStore, forget_key
from desktop.models.workstation import FILENAME as WORKSTATION_FILENAME

__all__ = ["wipe_data_folder"]

log = logging.getLogger(__name__)


def wipe_data_folder(folder: Path, secrets: SecretStore | None) -> list[Path]:
    """Erase the school's data in ``folder`` (the store must be closed); the files that could
    not be erased (in use, no permission) are returned and logged by name only."""
    forget_key(folder, secrets)
    failed: list[Path] = []
    keep = folder / WORKSTATION_FILENAME
    # os.walk does not follow links: a link planted in the folder never leads the wipe out.
    for root, dirs, files in os.walk(folder, topdown=False, followlinks=False):
        here = Path(root)
        for name in files:
            path = here / name
            if path == keep:
                continue
            try:
                if path.is_symlink():
                    path.unlink()
                else:
                    shred(path)
            except OSError as exc:
                log.warning("could not erase a file of the data folder (%s)",
                            os.strerror(exc.errno) if exc.errno else type(exc).__name__)
                failed.append(path)
        for name in dirs:
            path = here / name
            with contextlib.suppress(OSError):
                if path.is_symlink():
                    path.unlink()
                else:
                    path.rmdir()  # emptied above (deepest first)
    return failed
