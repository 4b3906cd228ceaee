"""The app opens its store without reading every page (the check takes most of a large
encrypted store's opening) and checks it right after the window is up: a damaged file is
said and the app closes, with nothing written to it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.app import Application
from desktop.models.store import open_store
from tests.factories import damaged_at_its_end


def test_a_damaged_store_found_after_start_is_said_and_left_as_it_was(
        qtbot: QtBot, qapp, data_dir: Path, said: list[str]) -> None:
    path = damaged_at_its_end(data_dir)
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    app = Application(qapp, open_store(data_dir, check_later=True))
    qtbot.addWidget(app.window)
    try:
        app.start()
        qtbot.waitUntil(lambda: bool(said), timeout=15000)
        assert "bojāts" in said[0]
        assert not app.window.isVisible()
    finally:
        app.window.close()
        app.shutdown()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_sound_store_is_checked_after_start_and_written_to(qtbot: QtBot, qapp,
                                                            data_dir: Path) -> None:
    open_store(data_dir).close()
    store = open_store(data_dir, check_later=True)
    app = Application(qapp, store)
    qtbot.addWidget(app.window)
    try:
        app.start()
        qtbot.waitUntil(store._checked.is_set, timeout=15000)
        store.verify()  # passed: no error kept
        with store.write():
            pass
    finally:
        app.window.close()
        app.shutdown()
