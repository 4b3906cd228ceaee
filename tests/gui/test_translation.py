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
    from desktop.settings import SettingsStore
    from desktop.views.main_window import MainWindow

    settings = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
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

    rows = {1: SimpleNamespace(id=1, in_conflict=True, waiting_to_sync=False, duplicates=()),
            2: SimpleNamespace(id=2, in_conflict=False, waiting_to_sync=True,
                               duplicates=("P-2026-000007",))}
    model = InboxModel(lambda ids: [rows[i] for i in ids])
    model.set_ids([1, 2])
    sync = [k for k, _lv, _sort in COLUMNS].index("sync")

    assert model.data(model.index(0, sync)) == "Conflict"
    assert model.data(model.index(1, sync)) == "Waiting to sync"
    assert model.data(model.index(1, sync), Qt.ItemDataRole.ToolTipRole).startswith(
        "Waiting to sync\nPossible duplicate: this learner has another open application")


def test_inbox_headers_speak_english(english) -> None:
    from desktop.views.inbox_model import InboxModel

    model = InboxModel(lambda ids: [])
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Number"


# -- the whole .ts, and the screens a first-time English user sees --------------------------

LATVIAN_LETTERS = re.compile(r"[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]")
ANY_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def test_the_ts_file_is_complete_and_keeps_named_placeholders() -> None:
    """Named placeholders ({application_id}, {n}) and file-dialog filters survive translation."""
    root = ET.parse(TS_FILE).getroot()
    assert root.get("language") == "en" and root.get("sourcelanguage") == "lv"
    problems = []
    for context, message in _messages():
        source = message.findtext("source") or ""
        for text in _translations(message):
            if sorted(ANY_PLACEHOLDER.findall(source)) != sorted(ANY_PLACEHOLDER.findall(text)):
                problems.append(f"{context}: {source!r} -> {text!r}")
            if source.count("&") != text.count("&"):
                problems.append(f"{context}: {source!r} -> {text!r} changes the accelerator")
            if re.findall(r"\(\*[^)]*\)", source) != re.findall(r"\(\*[^)]*\)", text):
                problems.append(f"{context}: {source!r} -> {text!r} changes the file filter")
            if source.endswith("…") != text.endswith("…"):
                problems.append(f"{context}: {source!r} -> {text!r} changes the ellipsis")
    assert not problems, "\n".join(problems)
    kinds = {m.find("translation").get("type") for _c, m in _messages()}
    assert kinds == {None}, f"left unfinished or obsolete: {kinds}"


def test_lrelease_reports_nothing_unfinished(tmp_path: Path) -> None:
    if not LRELEASE.exists():
        pytest.skip(f"{LRELEASE} is not installed")
    result = subprocess.run([str(LRELEASE), str(TS_FILE), "-qm", str(tmp_path / "en.qm")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert re.search(r"Generated \d+ translation\(s\) \(\d+ finished and 0 unfinished\)",
                     result.stdout), result.stdout


def _chrome_texts(widget) -> list[str]:
    """Every fixed text a dialog shows: title, labels, buttons, placeholders (not data)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit

    texts = [widget.windowTitle()]
    texts += [w.text() for w in widget.findChildren(QLabel)]
    texts += [w.text() for w in widget.findChildren(QAbstractButton)]
    texts += [w.placeholderText() for w in widget.findChildren(QLineEdit)]
    return [t for t in texts if t]


def test_the_application_chrome_speaks_english(qtbot, qapp, english, tmp_path: Path) -> None:
    from bench.seed import seed
    from desktop.app import Application
    from desktop.models.store import open_store

    seed(tmp_path / "data", 20)
    app = Application(qapp, open_store(tmp_path / "data"))
    qtbot.addWidget(app.window)
    try:
        navigation = app.window.navigation
        titles = [navigation.item(i).text() for i in range(navigation.count())]
        # the issuing desk shows only when the desk is wired in and the role may use it
        assert [t for t in titles if t != "Issuing desk"] == [
            "Applications", "Catalogue", "Reports", "Conflicts", "Audit log"]
        assert not [t for t in titles if LATVIAN_LETTERS.search(t)], titles
        menus = [a.text() for a in app.window.menuBar().actions()]
        assert "&Program" in menus
        assert app.sign_out_action.text() == "Sign out"
    finally:
        app.shutdown()


def test_the_sign_in_dialog_speaks_english(qtbot, qapp, english) -> None:
    from desktop.settings import check_server_url
    from desktop.tasks import TaskRunner
    from desktop.views.sign_in_dialog import SignInDialog

    runner = TaskRunner(qapp)
    dialog = SignInDialog(runner, lambda *a: [], check_server=check_server_url)
    qtbot.addWidget(dialog)
    texts = _chrome_texts(dialog)
    assert dialog.windowTitle() == "Sign in — Resursi"
    assert dialog.ok_button.text() == "Sign in"
    for wanted in ("Cancel", "Username:", "Password:", "Central service address:",
                   "Lending of educational devices"):
        assert wanted in texts
    # the example user name is data; everything else must be English
    assert not [t for t in texts if LATVIAN_LETTERS.search(t)], texts
    runner.wait()


def test_the_settings_dialog_speaks_english(qtbot, english, tmp_path: Path) -> None:
    from desktop.settings import SettingsStore
    from desktop.views.settings_dialog import SettingsDialog

    store = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = SettingsDialog(store.load(), store.save, default_data_dir="/home/ilze/Resursi")
    qtbot.addWidget(dialog)
    texts = _chrome_texts(dialog)
    assert dialog.windowTitle() == "Settings — Resursi"
    for wanted in ("Save", "Cancel", "Language:", "Sync:", "Data folder:",
                   "QR code address template:"):
        assert wanted in texts
    assert dialog.sync_interval.itemText(0).startswith("every ")
    assert not [t for t in texts if LATVIAN_LETTERS.search(t)], texts


def test_the_status_tool_counts_the_ts_and_finds_unmarked_latvian(tmp_path: Path) -> None:
    from tools.translation_status import ts_problems, unmarked_latvian

    total, done, problems = ts_problems(TS_FILE)
    assert sum(total.values()) == sum(done.values()) > 300
    assert problems == []
    view = tmp_path / "view.py"
    view.write_text('"""Skats ar garumzīmēm."""\n'
                    'TITLE = "Ierīču saraksts"\n'
                    'def f(self):\n'
                    '    return self.tr("Ierīču katalogs")\n', encoding="utf-8")
    assert unmarked_latvian(view) == [f'{view}:2: "Ierīču saraksts"']


# -- strings lupdate used to miss: helpers, f-strings, unmarked headers, the Qt-free core -------

def _headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_refuse_and_defer_dialogs_speak_english(qtbot, english, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.views.decision_dialogs import DeferDialog, RefuseDialog, show_error

    refuse = RefuseDialog("Pieteikums 2026-0042 — Anna Bērziņa")
    qtbot.addWidget(refuse)
    assert refuse.windowTitle() == "Refuse application"
    assert refuse.ok_button.text() == "Refuse" and refuse.cancel_button.text() == "Cancel"
    refuse.reason_edit.setPlainText("  ")
    refuse.accept()
    assert refuse.error_label.text() == "Give a reason for the refusal"
    many = RefuseDialog(count=3)
    qtbot.addWidget(many)
    assert many.windowTitle() == "Refuse 3 applications"

    defer = DeferDialog("Pieteikums 2026-0042 — Anna Bērziņa")
    qtbot.addWidget(defer)
    assert defer.windowTitle() == "Postpone reviewing the application"
    assert defer.ok_button.text() == "Postpone"
    defer.accept()
    assert defer.error_label.text() == "Give a reason for postponing"
    texts = _chrome_texts(defer)
    assert not [t for t in texts if LATVIAN_LETTERS.search(t) and "Bērziņa" not in t], texts

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda _parent, title, text, *a, **k: shown.append((title, text))))
    show_error(None, RuntimeError("x"))
    assert shown == [("The action was not carried out",
                      "The action could not be completed: unexpected error (RuntimeError). "
                      "Please try again; if the error keeps happening, contact support.")]


def test_item_editor_status_actions_and_history_speak_english(qtbot, qapp, english) -> None:
    from desktop.models.catalogue import ItemRow
    from desktop.models.codes import ItemStatus
    from desktop.tasks import TaskRunner
    from desktop.views.item_editor import HistoryModel, ItemEditor, ItemEditorServices

    item = ItemRow(id="i-1", inventory_no="INV-0042", kind_code="tablet",
                   kind_label="Planšetdators", serial_no=None, manufacturer="Lenovo",
                   model="Tab M10", year=2024, acquisition_value=None,
                   socially_supported=False, location="Kabinets 21", notes=None,
                   status=ItemStatus.AVAILABLE, server_version=1, waiting_sync=False,
                   in_conflict=False)
    services = ItemEditorServices(save=lambda *a: None, change_status=lambda *a: None,
                                  load_item=lambda _id: item, load_history=lambda _id: [])
    runner = TaskRunner(qapp)
    editor = ItemEditor(runner, services, kinds=[("tablet", "Tablet")], can_edit=True,
                        item=item, language="en")
    qtbot.addWidget(editor)
    actions = [editor.action.itemText(i) for i in range(editor.action.count())]
    assert actions and "Put in storage" in actions
    assert not [a for a in actions if LATVIAN_LETTERS.search(a)], actions
    assert _headers(HistoryModel("en")) == ["Time", "Status", "Reason", "Who"]
    runner.wait()


def test_catalogue_and_import_headers_speak_english(english) -> None:
    from desktop.views.catalogue_models import ItemsModel, OfferedKindsModel
    from desktop.views.import_dialog import PreviewModel

    assert _headers(ItemsModel("en")) == [
        "Inventory no.", "Type", "Status", "Holder", "Due back by", "Make and model",
        "Serial no.", "Year", "Value, €", "For socially supported", "Location", "Sync"]
    assert _headers(OfferedKindsModel("en")) == [
        "Device type", "Issued to", "Applications open", "Documents", "Devices", "Sync"]
    assert _headers(PreviewModel()) == [
        "Row", "Inventory number", "Device type", "Make and model", "Year", "Value", "Status",
        "Errors"]


def test_conflicts_panel_speaks_english(qtbot, qapp, english) -> None:
    from datetime import UTC, datetime

    from desktop.models.codes import ApplicationStatus, HandoverStatus
    from desktop.tasks import TaskRunner
    from desktop.views.conflicts_panel import ConflictsPanel

    conflict = SimpleNamespace(
        command_id="c-1", command="refuse", aggregate_type="application",
        aggregate_id="a-1", application_id=7, application_number="2026-0007",
        payload={"reason": "Ierīču nav"}, http_status=412, title=None, detail=None,
        decided_by="ilze.ozola", decided_at=datetime(2026, 11, 20, 9, 30, tzinfo=UTC),
        local_status="declined", server_status=ApplicationStatus.WITHDRAWN,
        server_handover_statuses=[HandoverStatus.CANCELLED], server_version=5,
        waiting_behind=0, server_record=None)
    runner = TaskRunner(qapp)
    panel = ConflictsPanel(runner, load=lambda: [conflict], reapply=lambda _c: None,
                           discard=lambda _c: None, language="en")
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.reload()
    assert _headers(panel.model) == ["Application", "Your decision", "Decided by",
                                     "State at the central service", "Reason", "Waiting behind it"]
    row = [panel.model.data(panel.model.index(0, c)) for c in range(panel.model.columnCount())]
    assert row[1] == "Refuse"
    assert row[3] == "Withdrawn · handover: Cancelled"
    assert row[4] == "Application changed in the central service"
    panel.select_command("c-1")
    mine, theirs = panel.decision_box.text(), panel.server_box.text()
    assert "Action: Refuse" in mine and "Reason: Ierīču nav" in mine
    assert "Status: Withdrawn" in theirs and "Reason for refusal:" in theirs
    captions = [line.split(":")[0] for line in (mine + "\n" + theirs).splitlines()]
    assert not [c for c in captions if LATVIAN_LETTERS.search(c)], captions
    runner.wait()


def test_reports_and_deletion_runs_in_english(tmp_path: Path) -> None:
    from datetime import date, datetime

    from bench.seed import DEFAULT_INSTITUTION, seed
    from desktop.models.audit_queries import DeletionRun, describe_run
    from desktop.models.reports import build_report
    from desktop.models.store import open_store

    seed(tmp_path / "data", 20)
    store = open_store(tmp_path / "data")
    report = build_report(store, "items", DEFAULT_INSTITUTION, date(2026, 11, 20),
                          language="en")
    assert report.title == "Devices by status"
    assert report.columns[0] == "Status" and report.columns[-1] == "Total"
    assert not [c for c in report.columns if LATVIAN_LETTERS.search(c)], report.columns
    run = DeletionRun(datetime(2026, 2, 28, 3, 0), date(2026, 2, 28), "retention", 1, 2, 0, 1)
    assert describe_run(run, "en") == ("28.02.2026 deleted after 25 months: 1 application, "
                                       "2 handovers, 0 documents, 1 file")


def test_the_sync_status_line_speaks_english(qtbot, english) -> None:
    from desktop.syncing import SyncController
    from desktop.tasks import TaskRunner
    from sync.client import DEFAULT_MAX_RESPONSE_BYTES, ResponseTooLargeError
    from sync.engine import Backoff

    class _FailingEngine:
        backoff = Backoff()

        def sync_once(self) -> None:
            raise error

    # An English UI said "Bezsaistē · Centrālā servisa atbilde pārsniedz 32 MB · …".
    tasks = TaskRunner()
    error = ResponseTooLargeError("GET /v1/institutions/4313900123/changes",
                                  DEFAULT_MAX_RESPONSE_BYTES)
    sync = SyncController(tasks, _FailingEngine(), interval_s=600,  # type: ignore[arg-type]
                          language="en")
    with qtbot.waitSignal(sync.connection_changed, timeout=3000) as changed:
        sync.sync_now()
    _online, text = changed.args
    assert text.startswith("Offline · ") and "next attempt in" in text
    assert "larger than" in text and "Bezsaistē" not in text
    sync.stop()
    tasks.wait()


def test_qt_s_own_buttons_speak_latvian(qapp) -> None:
    """A Latvian UI said "Cancel" in the return dialog and "Yes"/"No" in the loss question."""
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.i18n import install_qt_translator

    translator = install_qt_translator(qapp, "lv")
    assert translator is not None
    try:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.Yes
                                   | QDialogButtonBox.StandardButton.No)
        texts = {b.text().replace("&", "") for b in buttons.buttons()}
        assert texts == {"Atcelt", "Jā", "Nē"}
    finally:
        qapp.removeTranslator(translator)
    assert install_qt_translator(qapp, "en") is None  # Qt's source language
