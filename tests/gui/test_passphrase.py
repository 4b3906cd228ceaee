"""Opening the data folder at start: the key from the keyring without a word, the passphrase
asked where there is no keyring, a wrong one refused with a message and the folder untouched."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop import app as app_module
from desktop.models import store_key
from desktop.models.schema import Application
from desktop.models.store import DB_FILENAME, is_plain_sqlite
from desktop.models.store_key import KEYINFO_FILENAME, MemorySecrets
from desktop.views.passphrase_dialog import PassphraseDialog
from tests.factories import add_application, seed_catalogue

PASSPHRASE = "Rūķīši ēd ķiršus 2026"
LEARNER = "Ārija Ķēniņa"


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_key, "DEFAULT_COST", {"iterations": 1, "lanes": 1,
                                                     "memory_kib": 64})




def answer_dialogs(*answers: Callable[[PassphraseDialog], None]) -> list[PassphraseDialog]:
    """Answer the passphrase dialogs as they open, one answer each, in order."""
    seen: list[PassphraseDialog] = []

    def next_answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PassphraseDialog):
            QTimer.singleShot(10, next_answer)
            return
        seen.append(dialog)
        answers[len(seen) - 1](dialog)
        if len(seen) < len(answers):
            QTimer.singleShot(0, next_answer)

    QTimer.singleShot(0, next_answer)
    return seen


def type_in(first: str, second: str | None = None) -> Callable[[PassphraseDialog], None]:
    def answer(dialog: PassphraseDialog) -> None:
        dialog.first.setText(first)
        dialog.second.setText(second if second is not None else first)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return answer


def cancel(dialog: PassphraseDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def fill(folder: Path, secrets: MemorySecrets | None, *answers: Callable[[PassphraseDialog],
                                                                         None]) -> None:
    answer_dialogs(*answers)
    store = app_module._open_store_or_say(folder, "lv", secrets)
    assert store is not None
    try:
        seed_catalogue(store)
        add_application(store, learner=LEARNER)
    finally:
        store.close()


def learners(folder: Path, secrets: MemorySecrets | None) -> list[str]:
    store = app_module._open_store_or_say(folder, "lv", secrets)
    assert store is not None
    try:
        with store.read() as s:
            return list(s.scalars(select(Application.learner_name)))
    finally:
        store.close()


def test_with_a_keyring_the_app_opens_without_asking(
        qtbot: QtBot, data_dir: Path, said: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def never(self: PassphraseDialog) -> int:
        raise AssertionError("the passphrase was asked although the keyring has the key")

    monkeypatch.setattr(PassphraseDialog, "exec", never)
    secrets = MemorySecrets()
    fill(data_dir, secrets)
    assert learners(data_dir, secrets) == [LEARNER]
    assert not is_plain_sqlite(data_dir / DB_FILENAME)
    assert said == []


def test_without_a_keyring_a_new_folder_asks_twice_then_opens_with_the_passphrase(
        qtbot: QtBot, data_dir: Path, said: list[str]) -> None:
    fill(data_dir, None, type_in(PASSPHRASE))
    seen = answer_dialogs(type_in(PASSPHRASE))
    assert learners(data_dir, None) == [LEARNER]
    assert len(seen) == 1 and not seen[0].new and seen[0].second.isHidden()
    assert said == []


def test_a_wrong_passphrase_is_asked_again_then_refused_with_a_message_and_nothing_changed(
        qtbot: QtBot, data_dir: Path, said: list[str]) -> None:
    fill(data_dir, None, type_in(PASSPHRASE))
    before = digests(data_dir)
    seen = answer_dialogs(type_in("Rūķīši ēd ķiršus 2025"), cancel)
    assert app_module._open_store_or_say(data_dir, "lv", None) is None
    assert seen[1].error.isVisibleTo(seen[1])
    assert seen[1].error.text() == "Parole neatver šo datu mapi; mēģiniet vēlreiz."
    assert said == ["Parole neatver šo datu mapi; nekas netika mainīts"]
    assert digests(data_dir) == before


def test_cancelling_the_first_ask_creates_nothing_and_says_why(
        qtbot: QtBot, data_dir: Path, said: list[str]) -> None:
    answer_dialogs(cancel)
    assert app_module._open_store_or_say(data_dir, "lv", None) is None
    assert not (data_dir / KEYINFO_FILENAME).exists()
    assert not (data_dir / DB_FILENAME).exists()
    assert len(said) == 1 and "parole netika dota" in said[0]


def test_a_new_passphrase_must_be_long_enough_and_typed_the_same_twice(
        qtbot: QtBot, data_dir: Path) -> None:
    dialog = PassphraseDialog(data_dir, new=True)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.first.setText("īsa")
    dialog.second.setText("īsa")
    ok.click()
    assert dialog.passphrase is None and "vismaz 10 rakstzīmju" in dialog.error.text()
    dialog.first.setText(PASSPHRASE)
    dialog.second.setText(PASSPHRASE + "!")
    ok.click()
    assert dialog.passphrase is None and dialog.error.text() == "Abas paroles nesakrīt."
    dialog.second.setText(PASSPHRASE)
    ok.click()
    assert dialog.passphrase == PASSPHRASE
