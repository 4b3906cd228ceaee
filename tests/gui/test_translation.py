"""The English translation: complete, placeholders intact, and actually used by the views."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSettings, Qt, QTranslator

import desktop.i18n

TS_FILE = Path(desktop.i18n.__file__).with_name("resursi_en.ts")
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")
PLACEHOLDER = re.compile(r"\{\d+\}")


def _messages() -> list[tuple[str, ET.Element]]:
    """(context name, <message>) for every message the translation is expected to cover."""
    root = ET.parse(TS_FILE).getroot()
    found = []
    for context in root.iter("context"):
        for message in context.iter("message"):
            kind = message.find("translation").get("type")
            if kind in ("vanished", "obsolete"):  # no longer in the sources: not compiled
                continue
            found.append((context.findtext("name"), message))
    return found


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


@pytest.fixture
def english(qapp, tmp_path: Path) -> Iterator[QTranslator]:
    """The compiled English translation installed on the application, removed afterwards."""
    if not LRELEASE.exists():
        pytest.skip(f"{LRELEASE} is not installed")
    qm = tmp_path / "resursi_en.qm"
    result = subprocess.run([str(LRELEASE), str(TS_FILE), "-qm", str(qm)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    translator = QTranslator()
    assert translator.load(str(qm))
    assert qapp.installTranslator(translator)
    try:
        yield translator
    finally:
        qapp.removeTranslator(translator)


def test_every_message_is_translated_with_its_placeholders() -> None:
    messages = _messages()
    assert messages
    problems = []
    for context, message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation.get("type") == "unfinished":
            problems.append(f"{context}: {source!r} is unfinished")
            continue
        wanted = sorted(PLACEHOLDER.findall(source))
        for text in _translations(message):
            if not text.strip():
                problems.append(f"{context}: {source!r} has an empty translation")
            elif sorted(PLACEHOLDER.findall(text)) != wanted:
                problems.append(f"{context}: {source!r} -> {text!r} changes the placeholders")
    assert not problems, "\n".join(problems)


def test_main_window_speaks_english(qtbot, english, tmp_path: Path) -> None:
    from desktop.views.main_window import MainWindow

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(school_name="x", user_label="", settings=settings)
    qtbot.addWidget(window)

    assert window.windowTitle() == "Resursi — x"
    assert window.sync_action.text() == "Sync now"
    assert window.sync_action.toolTip() == "Sync with the central service (F5)"
    assert window.connection_label.text() == "Offline"
    assert window.navigation.accessibleName() == "Sections"
    window.show_sync_running(True)
    assert window.sync_action.text() == "Syncing…"
    window.show_sync_running(False)
    assert window.sync_action.text() == "Sync now"
    window.show_sync_counts(3, 2)
    assert window.sync_label.text() == "Waiting to sync: 3  ·  Conflicts: 2"


def test_inbox_model_speaks_english(english) -> None:
    from desktop.views.inbox_model import COLUMNS, InboxModel

    rows = {1: SimpleNamespace(id=1, in_conflict=True, waiting_to_sync=False),
            2: SimpleNamespace(id=2, in_conflict=False, waiting_to_sync=True)}
    model = InboxModel(lambda ids: [rows[i] for i in ids])
    model.set_ids([1, 2])
    sync = [k for k, _lv, _sort in COLUMNS].index("sync")

    assert model.data(model.index(0, sync)) == "Conflict"
    assert model.data(model.index(1, sync)) == "Waiting to sync"
    assert model.data(model.index(1, sync), Qt.ItemDataRole.ToolTipRole) == "Waiting to sync"


def test_inbox_headers_speak_english(english) -> None:
    from desktop.views.inbox_model import InboxModel

    model = InboxModel(lambda ids: [])
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Number"
