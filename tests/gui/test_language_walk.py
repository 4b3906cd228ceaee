"""One language at a time (issue 16): every section and every dialog, walked.

In English, no text the UI itself writes may be Latvian: a label, a button, a title, a tab, a
column header, a combo's choice, a placeholder or a tooltip with a Latvian letter fails, unless
each such word comes from the data (names, places, the school's own texts), which stays as
the school wrote it. In Latvian, none of Qt's standard buttons may speak English.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)
from sqlalchemy import String, Text, select
from test_accessible_names import _dialogs

from bench.seed import seed
from desktop.app import Application
from desktop.i18n import install_qt_translator
from desktop.models import schema
from desktop.models.store import Store, open_store
from qt_helpers import deliver_queued

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "desktop" / "i18n" / "resursi_en.ts"
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")
LATVIAN_LETTERS = re.compile(r"[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]")
WORD = re.compile(r"[\wāčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]+")
# Qt's standard buttons and file dialog words as Qt writes them in English
QT_ENGLISH = {"Cancel", "Yes", "No", "Save", "Close", "Open", "Apply", "Reset", "Discard",
              "Help", "Yes to All", "No to All", "Abort", "Retry", "Ignore", "Restore Defaults",
              "Look in:", "File name:", "Files of type:"}


@pytest.fixture
def english(qapp, tmp_path: Path) -> Iterator[QTranslator]:
    if not LRELEASE.exists():
        pytest.skip(f"{LRELEASE} is not installed")
    qm = tmp_path / "resursi_en.qm"
    subprocess.run([str(LRELEASE), str(TS_FILE), "-qm", str(qm)], check=True,
                   capture_output=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        yield translator
    finally:
        qapp.removeTranslator(translator)


def _data_words(store: Store) -> set[str]:
    """Every word of every text column of the store: what the school and the applicants
    wrote, which no translation touches."""
    words: set[str] = set()
    with store.read() as session:
        for table in schema.Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String | Text)]
            if not columns:
                continue
            for row in session.execute(select(*columns)):
                for value in row:
                    if isinstance(value, str):
                        words |= set(WORD.findall(value.casefold()))
    return words


def _texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of what the UI writes on the widgets under ``root``."""
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        where = f"{type(w).__name__} {w.objectName()!r}"
        if w.isWindow():
            yield where + " title", w.windowTitle()
        if isinstance(w, QLabel):
            yield where, w.text()
        if isinstance(w, QAbstractButton):
            yield where, w.text()
        if isinstance(w, QGroupBox):
            yield where, w.title()
        if isinstance(w, QLineEdit):
            yield where + " placeholder", w.placeholderText()
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                yield f"{where} tab {i}", w.tabText(i)
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{where} item {i}", w.itemText(i)
        if isinstance(w, QTableView | QTreeView) and w.model() is not None:
            model = w.model()
            for c in range(model.columnCount(QModelIndex())):
                yield f"{where} header {c}", str(model.headerData(c, _HORIZONTAL) or "")
        yield where + " tooltip", w.toolTip()
        yield where + " accessible name", w.accessibleName()


_HORIZONTAL = Qt.Orientation.Horizontal


# A language is named in itself in the language chooser, whatever the UI's language.
OWN_NAMES = {"latviešu"}


def latvian_texts(root: QWidget, data: set[str]) -> list[str]:
    found = []
    for where, text in _texts(root):
        plain = re.sub(r"<[^>]+>", " ", text or "")
        latvian = [w for w in WORD.findall(plain) if LATVIAN_LETTERS.search(w)
                   and w.casefold() not in data | OWN_NAMES
                   and not w.isupper()]  # a code such as an inventory number's RAVĢ
        if latvian:
            found.append(f"{where}: {plain.strip()[:90]!r}")
    return sorted(set(found))


@pytest.fixture
def seeded(tmp_path: Path) -> Store:
    seed(tmp_path / "data", 60)
    return open_store(tmp_path / "data")


def _walk_sections(qtbot, app: Application) -> None:
    for row in range(app.window.navigation.count()):
        app.window.navigation.setCurrentRow(row)

        def settled() -> bool:
            app.tasks.wait()
            deliver_queued()
            return app.tasks.pending == 0

        qtbot.waitUntil(settled, timeout=30000)


def test_in_english_no_section_writes_latvian(qtbot, qapp, english, seeded: Store) -> None:
    data = _data_words(seeded)
    app = Application(qapp, seeded, language="en")
    qtbot.addWidget(app.window)
    app.start()
    try:
        found: list[str] = []
        for row in range(app.window.navigation.count()):
            app.window.navigation.setCurrentRow(row)
            _walk_sections(qtbot, app)
            found += latvian_texts(app.window, data)
        for menu in app.window.menuBar().findChildren(QWidget):
            for action in menu.actions():
                if LATVIAN_LETTERS.search(action.text()):
                    found.append(f"menu: {action.text()!r}")
        assert not sorted(set(found)), "\n".join(sorted(set(found)))
    finally:
        app.window.close()
        app.shutdown()


def test_in_english_no_dialog_writes_latvian(qtbot, english, tmp_path: Path) -> None:
    # the dialogs' own sample data (names, places, the kind's label as the register sends it)
    data = {w.casefold() for w in WORD.findall(
        "Pieteikums P-2026-001001 Jānis Bērziņš IT kabinets, skapis Nr. 3 Lādētājs Soma "
        "Windows portatīvais dators Planšetdators Ilze Ozoliņa Kabinets 21 RAVĢ-2024-001")}
    found: list[str] = []
    for dialog in _dialogs(qtbot, tmp_path):
        qtbot.addWidget(dialog)
        dialog.show()
        found += [f"{type(dialog).__name__} › {t}" for t in latvian_texts(dialog, data)]
        dialog.close()
    assert not found, "\n".join(found)


def test_in_latvian_no_dialog_has_qt_s_english_buttons(qtbot, qapp, tmp_path: Path) -> None:
    translator = install_qt_translator(qapp, "lv")
    try:
        found = []
        for dialog in _dialogs(qtbot, tmp_path):
            qtbot.addWidget(dialog)
            dialog.show()
            for button in dialog.findChildren(QAbstractButton):
                if button.isVisibleTo(dialog) and button.text().replace("&", "") in QT_ENGLISH:
                    found.append(f"{type(dialog).__name__}: {button.text()!r}")
            dialog.close()
        assert not found, "\n".join(found)
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)
