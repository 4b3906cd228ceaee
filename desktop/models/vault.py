"""Act PDFs and attachments on disk, sealed with the store's key.

A sealed file is ``MAGIC + nonce + AES-256-GCM(content)``: nobody without the key reads it, and
a changed byte makes it unreadable rather than quietly different. The file key is derived from
the store's key (HKDF), so a file key never opens the store and the other way round.

A store without a key (tests, benches with encryption off) has a vault that writes files as
they are; such a vault refuses a sealed file rather than handing its ciphertext on as a PDF.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.models.errors import StoreError
from desktop.models.files import write_private, write_whole

__all__ = ["MAGIC", "FileVault", "SealedFileError"]

MAGIC = b"RESURSI-SEALED\x01"
_NONCE = 12


class SealedFileError(StoreError):
    """A file that cannot be opened with this data folder's key (changed, or another key's)."""


def _file_key(store_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"resursi files v1").derive(store_key)


class FileVault:
    """Seals and opens the data folder's files with one key (or passes them through)."""

    def __init__(self, store_key: bytes | None) -> None:
        self._aead = AESGCM(_file_key(store_key)) if store_key is not None else None

    @property
    def sealed(self) -> bool:
        return self._aead is not None

    def seal(self, content: bytes) -> bytes:
        if self._aead is None:
            return content
        nonce = os.urandom(_NONCE)
        return MAGIC + nonce + self._aead.encrypt(nonce, content, MAGIC)

    def unseal(self, data: bytes, *, name: str = "") -> bytes:
        if not data.startswith(MAGIC):
            if self._aead is None:
                return data
            raise SealedFileError(
                f"the file {name} is not sealed with this data folder's key",
                f"Fails {name} nav šifrēts ar šīs datu mapes atslēgu, tāpēc to neatver.")
        if self._aead is None:
            raise SealedFileError(
                f"the file {name} is sealed, and this data folder has no key",
                f"Fails {name} ir šifrēts, bet šai datu mapei nav atslēgas.")
        body = data[len(MAGIC):]
        try:
            return self._aead.decrypt(body[:_NONCE], body[_NONCE:], MAGIC)
        except InvalidTag as exc:
            raise SealedFileError(
                f"the file {name} was changed or sealed with another key; it cannot be opened",
                f"Fails {name} ir mainīts vai šifrēts ar citu atslēgu; to nevar atvērt.") from exc

    def write(self, path: Path, content: bytes, *, make_folder: bool = True) -> Path:
        """``content`` sealed into ``path``, whole or not at all."""
        return write_whole(path, self.seal(content), make_folder=make_folder)

    def read(self, path: Path) -> bytes:
        """The content of ``path``, opened (OSError when it cannot be read)."""
        return self.unseal(path.read_bytes(), name=path.name)

    def digest(self, path: Path) -> str:
        """The sha256 of the content (not of the sealed bytes): what the central service and
        the rows record."""
        return hashlib.sha256(self.read(path)).hexdigest()

    @contextmanager
    def plain_copy(self, path: Path) -> Iterator[Path]:
        """The content of ``path`` in a private temporary file (0600, in a 0700 folder of its
        own) for a viewer that needs a file name; removed when the block ends."""
        content = self.read(path)
        with tempfile.TemporaryDirectory(prefix="resursi-view-") as folder:
            yield write_private(Path(folder) / path.name, content)
