"""Issue 14: the import dialog on a big file shows counts, the first rows and the bad ones."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.models import inventory_csv
from desktop.models.store import Store
from desktop.tasks import TaskRunner
from desktop.views.import_dialog import ImportDialog
from factories import ADMIN, SCHOOL, seed_catalogue

HEADER = "Inventāra numurs;Resursa veids;Ražotājs;Gads;Atrašanās vieta\r\n"


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


@pytest.fixture
def cat(store: Store) -> Store:
    seed_catalogue(store)
    return store


def dialog_for(qtbot, tasks: TaskRunner, store: Store) -> ImportDialog:
    dialog = ImportDialog(
        tasks, preview=lambda path: inventory_csv.preview_file(store, SCHOOL, path),
        commit=lambda preview: inventory_csv.commit(store, ADMIN, preview), can_edit=True)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_big_file_with_bad_rows_says_how_many_and_how_many_are_not_shown(
        qtbot, tasks: TaskRunner, cat: Store, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inventory_csv, "PREVIEW_ROWS", 4)
    monkeypatch.setattr(inventory_csv, "MAX_ERROR_ROWS", 3)
    rows = [f"RĀVĢ-{n:04d};tablet;Samsung;{'pērn' if n % 10 == 0 else '2024'};Ķīmijas kabinets"
            for n in range(1, 61)]  # six bad years
    path = tmp_path / "liels.csv"
    path.write_bytes((HEADER + "\r\n".join(rows) + "\r\n").encode("cp1257"))
    dialog = dialog_for(qtbot, tasks, cat)
    dialog.load(str(path))
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
    text = dialog.summary.text()
    assert "60 rindas" in text and "6 rindās ir kļūdas" in text
    assert "Vēl 3 kļūdainas rindas nav parādītas" in text
    assert not dialog.import_button.isEnabled()
    assert dialog.only_bad.isChecked() and dialog.proxy.rowCount() == 3
    dialog.only_bad.setChecked(False)
    assert dialog.proxy.rowCount() == 7  # the first four and the three bad rows kept


def test_a_big_clean_utf16_file_imports_every_row_though_few_are_shown(
        qtbot, tasks: TaskRunner, cat: Store, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inventory_csv, "PREVIEW_ROWS", 4)
    rows = [f"RĀVĢ-{n:04d};tablet;Samsung;2024;Ķīmijas kabinets" for n in range(1, 31)]
    path = tmp_path / "unicode.txt"
    path.write_bytes((HEADER + "\r\n".join(rows) + "\r\n").encode("utf-16"))
    dialog = dialog_for(qtbot, tasks, cat)
    dialog.load(str(path))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    text = dialog.summary.text()
    assert "UTF-16" in text and "30 rindas" in text
    assert "tabulā redzamas pirmās 4" in text
    assert dialog.proxy.rowCount() == 4
    assert dialog.import_button.text() == "Importēt 30 resursus"
    with qtbot.waitSignal(dialog.imported, timeout=5000) as blocker:
        dialog.import_button.click()
    assert blocker.args == [30]


def test_an_all_valid_file_shows_its_rows_under_headers_that_are_not_cut(
        qtbot, tasks: TaskRunner, cat: Store, tmp_path: Path) -> None:
    """Issue 16: the preview's headers were clipped, and an all-valid file showed no rows."""
    rows = [f"RAVĢ-2024-{n:06d};tablet;Samsung;2024;Ķīmijas kabinets" for n in range(1, 6)]
    path = tmp_path / "tīrs.csv"
    path.write_bytes((HEADER + "\r\n".join(rows) + "\r\n").encode("utf-8"))
    dialog = dialog_for(qtbot, tasks, cat)
    dialog.resize(1000, 600)
    dialog.load(str(path))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    assert dialog.proxy.rowCount() == 5 and not dialog.only_bad.isChecked()
    header = dialog.table.horizontalHeader()
    for column in range(dialog.proxy.columnCount()):
        if not header.isSectionHidden(column):
            assert header.sectionSize(column) >= header.sectionSizeFromContents(
                column).width(), dialog.proxy.headerData(column, Qt.Orientation.Horizontal)
