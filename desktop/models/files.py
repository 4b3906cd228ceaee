"""File names made from outside values (an act number from the central service, say).

Every such name passes ``safe_name``: a short run of ASCII letters, digits, ``.``, ``_`` and
``-``, not a name Windows reserves, not dots only; and ``inside`` joins it under a folder and
checks the result stays in that folder, whatever links lie on the way.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.models.errors import InputError, StoreError

if TYPE_CHECKING:  # the vault writes through this module: no import cycle at run time
    from desktop.models.vault import FileVault

#: The folder under the data folder where the acts and attachments of each application live.
DOCUMENTS_DIR = "documents"

_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
# CON, PRN, AUX, NUL, COM1-9, LPT1-9, with or without an extension, in any case.
_RESERVED = re.compile(r"(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?")


def safe_name(value: str, *, what: str = "file name") -> str:
    """``value`` if it is a safe single file name, else ``InputError`` (nothing is written)."""
    if not _SAFE.fullmatch(value) or _RESERVED.fullmatch(value) or value.endswith("."):
        raise InputError(
            "file_name", f"the {what} {value[:80]!r} cannot be used as a file name",
            f"Nederīgs faila nosaukums ({what}): atļauti tikai latīņu burti, cipari, . _ -")
    return value


def inside(folder: Path, *names: str) -> Path:
    """``folder / names…`` after ``safe_name`` on each part, checked to stay in ``folder``."""
    target = folder.joinpath(*(safe_name(n) for n in names))
    base = folder.resolve()
    resolved = target.resolve()
    if resolved != base and base not in resolved.parents:
        raise InputError("file_name", f"{target} would lie outside {folder}",
                         "Fails atrastos ārpus datu mapes; tas netika rakstīts")
    return target


def write_whole(path: Path, content: bytes, *, make_folder: bool = True) -> Path:
    """Write ``content`` to ``path`` whole or not at all: a reader never sees half a file and
    a half-written file never replaces a whole one. ``make_folder`` False: a folder a person
    chose must exist (OSError otherwise)."""
    if make_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(content)
    partial.replace(path)
    return path


def intact(folder: Path, relative: str | None, sha256: str | None,
           vault: FileVault | None = None) -> Path | None:
    """The file ``relative`` to ``folder`` if it is there, inside it, and the sha256 of its
    content still matches; None otherwise.

    ``vault``: the data folder's vault; the digest is then of the opened content (what the
    rows and the central service record), and a file the vault cannot open (changed, another
    key's) is not intact. Without it the file is hashed as it lies, in chunks."""
    if not relative or not sha256:
        return None
    try:  # a row written by an older version or a hostile copy: never outside the folder
        path = inside(folder, *Path(relative).parts)
        if vault is not None:
            digest = vault.digest(path)
        else:
            with path.open("rb") as stream:
                digest = hashlib.file_digest(stream, "sha256").hexdigest()
    except (InputError, StoreError, OSError):
        return None
    return path if digest == sha256 else None


def make_private(path: Path) -> None:
    """Children's data is for this user only: folders 0700, files 0600 (POSIX; on Windows the
    user's profile folder already keeps other users out). SQLite gives its -wal and -shm files
    the database file's permissions."""
    if os.name != "posix":
        return
    path.chmod(0o700 if path.is_dir() else 0o600)


def write_private(path: Path, content: bytes) -> Path:
    """``content`` in a new file at ``path`` readable by this user only (0600), never through
    a file someone put there first (it must not exist)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(content)
    return path
