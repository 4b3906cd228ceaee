"""The wipe of a revoked workstation erases the data folder and nothing outside it."""

from __future__ import annotations

from pathlib import Path

from desktop.models.store_key import MemorySecrets, open_data_folder, read_keyinfo
from desktop.models.wipe import wipe_data_folder
from desktop.models.workstation import FILENAME, workstation_id


def test_the_wipe_leaves_only_the_workstation_id_and_never_follows_a_link(
        tmp_path: Path) -> None:
    folder = tmp_path / "dati"
    secrets = MemorySecrets()
    open_data_folder(folder, secrets=secrets, ask=lambda request: None).close()
    this = workstation_id(folder)
    outside = tmp_path / "mājas"
    outside.mkdir()
    (outside / "vēstule.txt").write_text("Dārgā Anna", encoding="utf-8")
    (folder / "documents").mkdir()
    (folder / "documents" / "saite").symlink_to(outside, target_is_directory=True)
    (folder / "documents" / "akts.pdf").write_bytes(b"x" * 5000)
    info = read_keyinfo(folder)
    assert info is not None

    assert wipe_data_folder(folder, secrets) == []

    assert [p.name for p in folder.iterdir()] == [FILENAME]
    assert workstation_id(folder) == this
    assert secrets.get(info.key_id) is None
    assert (outside / "vēstule.txt").read_text(encoding="utf-8") == "Dārgā Anna"


def test_a_folder_of_the_users_own_keeps_their_files(tmp_path: Path) -> None:
    documents = tmp_path / "Dokumenti"  # the user chose this as the data folder
    (documents / "Darbs").mkdir(parents=True)
    thesis = documents / "Darbs" / "maģistra darbs.docx"
    thesis.write_bytes(b"three years of work")
    photo = documents / "atvaļinājums.jpg"
    photo.write_bytes(b"\xff\xd8 photo")
    secrets = MemorySecrets()
    open_data_folder(documents, secrets=secrets, ask=lambda request: None,
                     target_revision="0011").close()
    open_data_folder(documents, secrets=secrets, ask=lambda request: None).close()  # a backup
    (documents / "documents" / "3").mkdir(parents=True)
    (documents / "documents" / "3" / "akts.pdf").write_bytes(b"sealed")

    assert wipe_data_folder(documents, secrets) == []

    left = sorted(str(p.relative_to(documents)) for p in documents.rglob("*"))
    assert left == ["Darbs", "Darbs/maģistra darbs.docx", "atvaļinājums.jpg"]
