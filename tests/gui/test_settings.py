"""The per-user settings registry and its dialog: typed values, Latvian refusals, defaults
for damaged stored values, nothing saved when a value is refused."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.settings import (
    DEFAULT_QR_TEMPLATE,
    SettingError,
    Settings,
    SettingsStore,
    check_qr_template,
    check_server_url,
)
from desktop.views.settings_dialog import SettingsDialog


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    return SettingsStore(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def test_a_new_user_starts_from_the_defaults(store) -> None:
    s = store.load()
    assert s == Settings()
    assert s.language == "lv" and s.sync_interval_s == 60
    assert s.qr_url_template == DEFAULT_QR_TEMPLATE
    assert s.data_path.name == "Resursi"


def test_saved_values_come_back_typed(store, tmp_path: Path) -> None:
    ca = tmp_path / "skolas-ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    wanted = Settings(data_dir=str(tmp_path / "Resursu dati ā"), server_url="https://r.skola.lv/",
                      ca_bundle=str(ca), qr_url_template="https://e.skola.lv/p/{application_id}",
                      language="en", sync_interval_s=300, username="ilze.kalnina",
                      institution_id="4313900123", institution_name="Ķengaraga vidusskola",
                      role="reviewer")
    store.save(wanted)
    again = store.load()
    assert again == replace(wanted, server_url="https://r.skola.lv")
    assert isinstance(again.sync_interval_s, int)


def test_damaged_stored_values_fall_back_to_their_defaults(store) -> None:
    q = store.qsettings
    q.setValue("settings/language", "klingoņu")
    q.setValue("settings/sync_interval_s", "ik pēc brīža")
    q.setValue("settings/server_url", "http://ārējs.example.lv")
    q.setValue("settings/role", "direktors")
    q.setValue("settings/username", "jānis")
    s = store.load()
    assert (s.language, s.sync_interval_s, s.server_url, s.role) == ("lv", 60, "", "")
    assert s.username == "jānis"


@pytest.mark.parametrize(("template", "fragment"), [
    ("https://e.lv/pieteikums", "{application_id}"),
    ("https://e.lv/{application_id}/{vards}", "{application_id}"),
    ("ftp://e.lv/{application_id}", "https://"),
    ("http://e.lv/{application_id}", "https://"),
])
def test_a_bad_qr_template_is_refused_in_latvian(template: str, fragment: str) -> None:
    with pytest.raises(SettingError) as caught:
        check_qr_template(template)
    assert caught.value.field == "qr_url_template"
    assert fragment in caught.value.message_lv


def test_plain_http_only_to_this_computer() -> None:
    assert check_server_url("http://127.0.0.1:8765/") == "http://127.0.0.1:8765"
    assert check_qr_template("http://localhost:9/e/{application_id}")
    with pytest.raises(SettingError, match="https"):
        check_server_url("http://10.0.0.5")
    with pytest.raises(SettingError):
        check_server_url("https://lietotājs:parole@r.skola.lv")


def test_the_dialog_refuses_a_bad_value_and_saves_nothing(qtbot, store) -> None:
    store.save(Settings(server_url="https://r.skola.lv"))
    dialog = SettingsDialog(store.load(), store.save, default_data_dir="/home/ilze/Resursi")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.qr_url_template.setText("https://e.lv/bez-numura")
    dialog.sync_interval.setCurrentIndex(dialog.sync_interval.findData(300))
    dialog._accept()
    assert dialog.isVisible() and dialog.saved is None
    assert "{application_id}" in dialog.message.text()
    assert dialog.focusWidget() is dialog.qr_url_template
    assert store.load().sync_interval_s == 60  # nothing was saved


def test_the_dialog_saves_and_says_what_needs_a_restart(qtbot, store) -> None:
    dialog = SettingsDialog(store.load(), store.save, default_data_dir="/home/ilze/Resursi")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.sync_interval.setCurrentIndex(dialog.sync_interval.findData(120))
    with qtbot.waitSignal(dialog.accepted):
        dialog._accept()
    assert store.load().sync_interval_s == 120 and not dialog.needs_restart()
    dialog = SettingsDialog(store.load(), store.save, default_data_dir="/home/ilze/Resursi")
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog._accept()
    assert store.load().language == "en" and dialog.needs_restart()


def test_layout_and_the_inbox_filter_are_typed_and_survive_damage(store) -> None:
    from PySide6.QtCore import QByteArray

    from desktop.settings import InboxFilterMemory

    assert store.window_geometry() is None and store.splitter_state("applications") is None
    store.set_window_geometry(QByteArray(b"\x01\xd9\xd0\xcb"))
    store.set_splitter_state("applications_splitter", QByteArray(b"\x00\xff"))
    store.set_column_layout("ilze.kalniņa/4313900123", QByteArray(b"\x00\x01"))
    remembered = InboxFilterMemory(status="postponed", kind="windows_laptop",
                                   learner_class="7.b", social="disability", waiting=True)
    store.set_inbox_filter("ilze.kalniņa/4313900123", remembered)
    store.qsettings.sync()
    again = SettingsStore(QSettings(store.qsettings.fileName(), QSettings.Format.IniFormat))
    assert again.window_geometry() == QByteArray(b"\x01\xd9\xd0\xcb")
    assert again.splitter_state("applications_splitter") == QByteArray(b"\x00\xff")
    assert again.column_layout("ilze.kalniņa/4313900123") == QByteArray(b"\x00\x01")
    assert again.inbox_filter("ilze.kalniņa/4313900123") == remembered
    assert again.inbox_filter("jānis/4313900123") == InboxFilterMemory()  # per user

    # a hand-edited file: values the app does not know count as "any", layouts as none
    q = again.qsettings
    q.setValue("main_window/geometry", "liels logs")
    q.setValue("inbox/ilze.kalniņa/4313900123/filter/status", "apstiprināts")
    q.setValue("inbox/ilze.kalniņa/4313900123/filter/waiting", "varbūt")
    assert again.window_geometry() is None
    damaged = again.inbox_filter("ilze.kalniņa/4313900123")
    assert damaged.status == "" and damaged.waiting is False
    assert damaged.kind == "windows_laptop"


def test_an_app_without_settings_handed_in_writes_none(tmp_path: Path) -> None:
    from PySide6.QtCore import QByteArray

    memory = SettingsStore.in_memory()
    memory.set_window_geometry(QByteArray(b"\x01"))
    memory.update(username="ilze.kalniņa")
    assert memory.window_geometry() == QByteArray(b"\x01")
    assert memory.load().username == "ilze.kalniņa"


def test_the_data_folder_in_use_is_shown_not_only_the_default(qtbot, store) -> None:
    """Issue 16: the settings showed the default data folder, not the one the app was using
    (a --data-dir or a folder chosen earlier)."""
    dialog = SettingsDialog(store.load(), store.save, default_data_dir="/home/ilze/Resursi",
                            data_dir_in_use="/srv/skola/Resursi-dati")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.data_dir.placeholderText() == "/srv/skola/Resursi-dati"
    assert "/srv/skola/Resursi-dati" in dialog.data_dir_in_use.text()
    assert dialog.data_dir_in_use.isVisibleTo(dialog)
