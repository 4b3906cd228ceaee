"""Issue 15 review: the move of a plain folder survives an interruption at any step, never
follows a link out of the folder, leaves no plain write behind, and flushes the sealed copy
before a byte of the original is zeroed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.models import sealing
from desktop.models.files import DOCUMENTS_DIR
from desktop.models.store import BACKUP_DIRNAME, DB_FILENAME, is_plain_sqlite, open_store
from desktop.models.store_key import MemorySecrets, open_data_folder
from tests.factories import add_application, seed_catalogue
from tests.plain_bytes import needles, plain_bytes_found

LEARNER = "Jānis Bērziņš"
WANTED = needles([LEARNER], ["150312-20004"])


class Crash(BaseException):
    pass


def _plain_folder(data_dir: Path) -> Path:
    open_store(data_dir, target_revision="0011").close()
    store = open_store(data_dir)  # migration leaves a plain backup
    seed_catalogue(store)
    add_application(store, learner=LEARNER)
    store.close()
    act = data_dir / DOCUMENTS_DIR / "1" / "act.pdf"
    act.parent.mkdir(parents=True)
    act.write_bytes(b"%PDF-1.4 " + LEARNER.encode() + b" 150312-20004")
    return act


@pytest.mark.parametrize("where", ["_seal_database", "backup_copy", "_seal_files"])
def test_a_move_interrupted_after_the_store_swap_is_finished_at_the_next_start(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    act = _plain_folder(data_dir)
    secrets = MemorySecrets()

    calls = []
    real = sealing._seal_database

    def crash(*a, **k):
        calls.append(a)
        if where == "_seal_database" and len(calls) == 1:
            return real(*a, **k)  # the store itself goes through; the plain backup next
        raise Crash()

    with monkeypatch.context() as m:
        m.setattr(sealing, where, crash)
        with pytest.raises(Crash):
            open_data_folder(data_dir, secrets=secrets, ask=lambda r: None)
    assert not is_plain_sqlite(data_dir / DB_FILENAME)  # the store was swapped

    # next start, nothing interrupted
    store = open_data_folder(data_dir, secrets=secrets, ask=lambda r: None)
    try:
        assert store.vault.read(act).startswith(b"%PDF-1.4 ")  # sealed, and whole
    finally:
        store.close()
    found = plain_bytes_found(data_dir, WANTED)
    found += [(str(b.relative_to(data_dir)), b"SQLite format 3")
              for b in (data_dir / BACKUP_DIRNAME).glob("*.sqlite3") if is_plain_sqlite(b)]
    assert found == [], sorted({f for f, _ in found})


def test_recover_never_zeroes_a_file_outside_the_folder_through_a_link(
        data_dir: Path, tmp_path: Path) -> None:
    secrets = MemorySecrets()
    open_data_folder(data_dir, secrets=secrets, ask=lambda r: None).close()
    outside = tmp_path / "outside" / "thesis.txt"
    outside.parent.mkdir()
    outside.write_bytes(b"precious work of the user " * 10)
    other = tmp_path / "outside" / "notes.txt"
    other.write_bytes(b"more precious work")
    docs = data_dir / "documents" / "1"
    docs.mkdir(parents=True)
    (docs / "a.pdf").write_bytes(b"x")
    os.symlink(outside, docs / "a.pdf.plain")       # original exists -> shred(aside)
    os.symlink(other, docs / "b.pdf.sealing")       # always shredded
    open_data_folder(data_dir, secrets=secrets, ask=lambda r: None).close()
    assert outside.read_bytes().startswith(b"precious"), "file outside the folder zeroed"
    assert other.read_bytes().startswith(b"more"), "file outside the folder zeroed"




def test_sealed_copy_is_durable_before_the_plain_act_is_zeroed(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_store(data_dir).close()
    act = data_dir / DOCUMENTS_DIR / "1" / "act.pdf"
    act.parent.mkdir(parents=True)
    act.write_bytes(b"%PDF-1.4 " + LEARNER.encode())
    events: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        events.append("fsync " + os.path.basename(os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    open_data_folder(data_dir, secrets=MemorySecrets(), ask=lambda r: None).close()
    doc_events = [e for e in events if "act.pdf" in e]
    # the new sealed act.pdf (or its .sealing/.part) must be fsync'd before act.pdf.plain is
    assert doc_events and doc_events[0] != "fsync act.pdf.plain", doc_events


def test_a_plain_part_file_left_by_a_cut_write_is_erased(data_dir: Path) -> None:
    open_store(data_dir).close()
    part = data_dir / DOCUMENTS_DIR / "1" / "act.pdf.part"
    part.parent.mkdir(parents=True)
    part.write_bytes(b"%PDF-1.4 " + LEARNER.encode())   # an act write cut short before
    open_data_folder(data_dir, secrets=MemorySecrets(), ask=lambda r: None).close()
    found = plain_bytes_found(data_dir, needles([LEARNER], []))
    assert found == []
