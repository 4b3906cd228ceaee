"""GUI fixtures: the Latvian UI as the app shows it, plural forms included."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator

import desktop.i18n

LV_TS = Path(desktop.i18n.__file__).with_name("resursi_lv.ts")
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


@pytest.fixture(scope="session", autouse=True)
def latvian_plurals(qapp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[QTranslator]:
    """The app installs resursi_lv.qm for Latvian (a %n message has one source text; the file
    holds "1 resurss" / "2 resursi"): every GUI test sees the counts as a Latvian user does.
    Compiled here from the .ts, so a test never reads a stale .qm. An English translator a
    test installs goes on top and wins."""
    if not LRELEASE.exists():
        pytest.skip(f"{LRELEASE} is not installed")
    qm = tmp_path_factory.mktemp("i18n") / "resursi_lv.qm"
    result = subprocess.run([str(LRELEASE), str(LV_TS), "-qm", str(qm)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    before = QLocale()
    desktop.i18n.set_default_locale("lv")
    try:
        yield translator
    finally:
        qapp.removeTranslator(translator)
        QLocale.setDefault(before)


@pytest.fixture(autouse=True)
def no_modifier_left_held(qapp) -> Iterator[None]:
    """A test that types Ctrl+G or Shift+↓ with QTest leaves the application believing the
    modifier is still held (Qt keeps the last key event's modifiers); the next test's
    ``selectRow`` would then toggle instead of select. One plain key event puts it right."""
    yield
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    if QGuiApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        sink = QWidget()
        QTest.keyClick(sink, Qt.Key.Key_F24)
        sink.deleteLater()


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the app tells the person in a critical message box at start or when it must close
    (recorded, not shown: a modal box would wait for a click)."""
    from PySide6.QtWidgets import QMessageBox

    from desktop import app as app_module

    messages: list[str] = []

    def critical(parent: object, title: str, text: str, *args: object) -> int:
        messages.append(text)
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(app_module.QMessageBox, "critical", critical)
    return messages
