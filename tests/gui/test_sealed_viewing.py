"""Issue 15: a sealed act is printed from memory and shown in the system viewer from a private
plain copy that goes with the page; a changed one is refused with a clear message."""

from __future__ import annotations

import os
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

import desktop.views.desk_print as desk_print
from desktop.desk import desk_services, paper_act
from desktop.models import desk
from desktop.models.decisions import grant
from desktop.models.vault import MAGIC, FileVault
from desktop.views.desk_print import FileShower
from factories import DESK, REVIEWER, add_application, add_item, seed_catalogue

ACT = "%PDF-1.7\nPieņemšanas-nodošanas akts · Žanis Ģērķis\n".encode()


@pytest.fixture
def sealed(tmp_path: Path) -> tuple[FileVault, Path]:
    vault = FileVault(os.urandom(32))
    return vault, vault.write(tmp_path / "documents" / "7" / "P-2026-000109-A1.pdf", ACT)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[object]]:
    seen: dict[str, list[object]] = {"opened": [], "printed": [], "warned": []}
    monkeypatch.setattr(desk_print, "open_in_viewer",
                        lambda path: seen["opened"].append(path) or True)
    monkeypatch.setattr(desk_print, "print_pdf",
                        lambda parent, pdf, name="": seen["printed"].append((pdf, name)) or True)
    monkeypatch.setattr(desk_print, "_pdfium", lambda: object())
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text: seen["warned"].append(text))
    return seen


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_viewer_gets_a_private_plain_copy_gone_with_the_page(qtbot, sealed, shown) -> None:
    vault, path = sealed
    page = QWidget()
    qtbot.addWidget(page)
    files = FileShower(page, vault.read)
    assert files.open(path)
    (copy,) = shown["opened"]
    assert isinstance(copy, Path) and copy.read_bytes() == ACT and copy.name == path.name
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(files.copies.folder.stat().st_mode) == 0o700  # type: ignore[union-attr]
    assert files.open(path)  # the same file again: a second copy, never the first overwritten
    assert len({p.parent for p in shown["opened"]}) == 2  # type: ignore[union-attr]
    folder = files.copies.folder
    files.close()
    assert not copy.exists() and folder is not None and not folder.exists()


def test_printing_uses_the_bytes_in_memory(qtbot, sealed, shown) -> None:
    vault, path = sealed
    page = QWidget()
    qtbot.addWidget(page)
    files = FileShower(page, vault.read)
    assert files.print(page, path)
    assert shown["printed"] == [(ACT, path.stem)]
    assert files.copies.folder is None  # no plain file was written for printing


def test_a_changed_file_is_refused_with_a_clear_message(qtbot, sealed, shown) -> None:
    vault, path = sealed
    data = bytearray(path.read_bytes())
    data[-3] ^= 0x10
    path.write_bytes(bytes(data))
    page = QWidget()
    qtbot.addWidget(page)
    files = FileShower(page, vault.read)
    assert not files.open(path) and not files.print(page, path)
    assert shown["opened"] == [] and shown["printed"] == []
    assert len(shown["warned"]) == 2 and "mainīts" in str(shown["warned"][0])


def test_in_english_the_refusal_is_said_in_english(qtbot, sealed, shown) -> None:
    from PySide6.QtCore import QLocale

    from desktop.i18n import set_default_locale

    vault, path = sealed
    data = bytearray(path.read_bytes())
    data[-3] ^= 0x10
    path.write_bytes(bytes(data))
    page = QWidget()
    qtbot.addWidget(page)
    before = QLocale()
    set_default_locale("en")
    try:
        assert not FileShower(page, vault.read).open(path)
    finally:
        QLocale.setDefault(before)
    assert shown["warned"] == [
        "the file P-2026-000109-A1.pdf was changed or sealed with another key; "
        "it cannot be opened"]


def test_a_page_not_given_the_vault_refuses_a_sealed_file(qtbot, sealed, shown) -> None:
    _, path = sealed
    page = QWidget()
    qtbot.addWidget(page)
    assert not FileShower(page).print(page, path)
    assert shown["printed"] == [] and "atslēgas" in str(shown["warned"][0])


def test_the_desks_paper_act_is_sealed_and_read_through_its_services(store) -> None:
    store.key = os.urandom(32)
    seed_catalogue(store)
    item = add_item(store, inventory_no="RAVĢ-0042")
    app_id = add_application(store, learner="Žanis Ģērķis", submitter="Līga Ģērķe")
    grant(store, REVIEWER, app_id, item_id=item, return_deadline=date(2027, 6, 30),
          now=datetime(2026, 9, 3, 9, 0, tzinfo=UTC))
    card = desk.start_handover(store, DESK, app_id)
    path = paper_act(store, DESK, card.handover_id, "Ģirts Ļaviņš")
    assert path.read_bytes().startswith(MAGIC)
    services = desk_services(store, lambda: DESK, url_template=lambda: "")
    assert services.read_file is not None
    assert services.read_file(path).startswith(b"%PDF")
