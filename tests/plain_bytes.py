"""Looking for children's data in plain bytes anywhere under a folder."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

#: What must never lie readable on the disk: a PDF's header, and the fixtures' people.
PDF_HEADER = b"%PDF"


def needles(names: Iterable[str], codes: Iterable[str]) -> list[bytes]:
    """Every form in which a name or a personal code could be written: UTF-8 and UTF-16 (a
    PDF's text strings), a code with and without its hyphen."""
    out: list[bytes] = [PDF_HEADER]
    for name in names:
        out += [name.encode("utf-8"), name.encode("utf-16-be"), name.encode("utf-16-le")]
        for part in name.split():
            if len(part) >= 5:
                out.append(part.encode("utf-8"))
    for code in codes:
        out += [code.encode(), code.replace("-", "").encode()]
    return out


def plain_bytes_found(folder: Path, wanted: list[bytes]) -> list[tuple[str, bytes]]:
    """(file, needle) for every needle found in every file under ``folder``."""
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        found += [(str(path.relative_to(folder)), n) for n in wanted if n in data]
    return found
