"""This computer's identity towards the central service (issue 15: revoking a lost laptop).

A random UUID made once and kept in ``<data folder>/workstation.json`` (readable by this user
only), and the computer's host name: the app sends both with every request, so the school's
administrator sees which computers hold its data and can revoke one. A damaged file is not
silently replaced by a new id: that would slip a revoked laptop past its revocation.
"""

from __future__ import annotations

import json
import re
import socket
import uuid
from pathlib import Path

from desktop.models.errors import StoreError
from desktop.models.files import make_private, write_whole
from desktop.models.validation import printable

FILENAME = "workstation.json"
#: The longest name kept (the service keeps no more either).
MAX_NAME = 80
_CANONICAL = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def workstation_id(data_dir: Path) -> str:
    """This computer's id, made (and written, 0600) on the first call in ``data_dir``.

    ``StoreError`` when the file is there but is not one this app wrote (damaged, edited,
    another program's): the person is told to ask the administrator rather than the app
    quietly becoming a new workstation."""
    path = data_dir / FILENAME
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return _create(path)
    except OSError as exc:
        raise StoreError(
            f"the workstation file {path} cannot be read ({exc.strerror or exc})",
            f"Darbstacijas identitātes failu {path} nevar nolasīt "
            f"({exc.strerror or exc}); pārbaudiet datu mapes piekļuves tiesības") from exc
    return _parse(path, raw)


def _create(path: Path) -> str:
    new_id = str(uuid.uuid4())
    content = json.dumps({"workstation_id": new_id}, indent=2).encode() + b"\n"
    try:
        make_private(write_whole(path, content))  # the id is what the service knows us by
    except OSError as exc:
        raise StoreError(
            f"the workstation file {path} cannot be written ({exc.strerror or exc})",
            f"Darbstacijas identitātes failu {path} nevar ierakstīt "
            f"({exc.strerror or exc}); pārbaudiet datu mapes piekļuves tiesības") from exc
    return new_id


def _parse(path: Path, raw: bytes) -> str:
    try:
        held = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        held = None
    value = held.get("workstation_id") if isinstance(held, dict) else None
    if not isinstance(value, str) or not _CANONICAL.fullmatch(value):
        raise StoreError(
            f"the workstation file {path} is damaged or was not written by Resursi; "
            f"ask the school's administrator before removing it",
            f"Darbstacijas identitātes fails {path} ir bojāts vai nav šīs programmas "
            f"rakstīts. Jaunu identitāti programma pati neveido: sazinieties ar skolas "
            f"administratoru, pirms šo failu dzēšat")
    return value


def identity(data_dir: Path) -> tuple[str, str]:
    """(id, host name) of this computer as the client sends them (the id made if new)."""
    return workstation_id(data_dir), workstation_name()


def existing_identity(data_dir: Path) -> tuple[str, str] | None:
    """``identity`` while ``data_dir`` has an id, None before (a command makes nothing
    before its sign-in)."""
    return identity(data_dir) if (data_dir / FILENAME).is_file() else None


def workstation_name() -> str:
    """The computer's host name as the administrator will see it: no control or format
    characters, at most ``MAX_NAME`` characters."""
    try:
        name = socket.gethostname()
    except OSError:
        name = ""
    return printable(name, MAX_NAME)
