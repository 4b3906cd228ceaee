"""Counts, dates and numbers through Qt: tr() with %n picks the plural form of the UI language
(Latvian: 1 and 21 singular, 11 and 5 plural, 0 its own), QLocale formats the numbers."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

import desktop.i18n
from desktop.documents.labels import LabelLayout
from desktop.views.catalogue_page import LabelsDialog
from desktop.views.dates import shown_date, shown_datetime

LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


def _sheet(columns: int, rows: int) -> LabelLayout:
    return LabelLayout("x", "", columns, rows, 70.0, 37.5, 0.0, 0.0, 70.0, 37.5)


def _compile(language: str, folder: Path) -> Path:
    ts = Path(desktop.i18n.__file__).with_name(f"resursi_{language}.ts")
    qm = folder / f"resursi_{language}.qm"
    result = subprocess.run([str(LRELEASE), str(ts), "-qm", str(qm)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    return qm


@pytest.fixture
def installed(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """install_translator(language) as the app calls it, from freshly compiled files; Qt's
    own translation is left out (it would stay installed for the tests after this one)."""
    if not LRELEASE.exists():
        pytest.skip(f"{LRELEASE} is not installed")
    monkeypatch.setattr(desktop.i18n, "FOLDER", tmp_path)
    monkeypatch.setattr(desktop.i18n, "install_qt_translator", lambda _app, _language: None)
    before = QLocale()
    done: list[QTranslator] = []

    def install(language: str) -> QTranslator:
        _compile(language, tmp_path)
        translator = desktop.i18n.install_translator(qapp, language)
        assert translator is not None
        done.append(translator)
        return translator

    yield install
    for translator in done:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


SHEETS = [((1, 1), "1 × 1 (70 × 37,5 mm, 1 uzlīme)"),
          ((3, 7), "3 × 7 (70 × 37,5 mm, 21 uzlīme)"),
          ((1, 11), "1 × 11 (70 × 37,5 mm, 11 uzlīmes)"),
          ((1, 5), "1 × 5 (70 × 37,5 mm, 5 uzlīmes)"),
          ((3, 8), "3 × 8 (70 × 37,5 mm, 24 uzlīmes)"),
          ((0, 8), "0 × 8 (70 × 37,5 mm, 0 uzlīmju)")]


@pytest.mark.parametrize(("size", "expected"), SHEETS)
def test_label_sheet_names_count_in_latvian(qtbot, installed, size, expected) -> None:
    installed("lv")
    dialog = LabelsDialog(1)
    qtbot.addWidget(dialog)
    assert dialog._sheet_name(_sheet(*size)) == expected


@pytest.mark.parametrize(("size", "expected"), [
    ((1, 1), "1 × 1 (70 × 37.5 mm, 1 label)"), ((3, 7), "3 × 7 (70 × 37.5 mm, 21 labels)"),
    ((1, 11), "1 × 11 (70 × 37.5 mm, 11 labels)"), ((1, 5), "1 × 5 (70 × 37.5 mm, 5 labels)"),
    ((0, 8), "0 × 8 (70 × 37.5 mm, 0 labels)")])
def test_label_sheet_names_count_in_english(qtbot, installed, size, expected) -> None:
    installed("en")
    dialog = LabelsDialog(1)
    qtbot.addWidget(dialog)
    assert dialog._sheet_name(_sheet(*size)) == expected


@pytest.mark.parametrize(("count", "lv", "en"), [
    (31, "Atlasīts 31 pieteikums", "31 applications selected"),  # (one: no count shown)
    (21, "Atlasīts 21 pieteikums", "21 applications selected"),
    (11, "Atlasīti 11 pieteikumi", "11 applications selected"),
    (5, "Atlasīti 5 pieteikumi", "5 applications selected")])
def test_a_plural_from_a_view_in_both_languages(qtbot, installed, count, lv, en) -> None:
    from desktop.views.decision_dialogs import RefuseDialog

    installed("lv")
    dialog = RefuseDialog(count=count, reasons=["Nav pieejamu resursu"])
    qtbot.addWidget(dialog)
    assert dialog.heading.text() == lv
    installed("en")  # on top: English wins
    dialog = RefuseDialog(count=count, reasons=["Nav pieejamu resursu"])
    qtbot.addWidget(dialog)
    assert dialog.heading.text() == en


def test_the_default_locale_follows_the_ui_language(installed) -> None:
    installed("lv")
    assert QLocale().language() == QLocale.Language.Latvian
    assert QLocale().toString(37.5, "g", 4) == "37,5"
    assert QCoreApplication.translate("OverduePanel", "%n dienas", None, 21) == "21 diena"
    installed("en")
    assert (QLocale().language(), QLocale().territory()) == (
        QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert QLocale().toString(37.5, "g", 4) == "37.5"
    assert QCoreApplication.translate("OverduePanel", "%n dienas", None, 21) == "21 days"


@pytest.mark.parametrize("language", ["lv", "en"])
def test_dates_keep_the_school_s_pattern_in_both_languages(installed, language) -> None:
    """28.02.2026 in English too: the core's messages and the PDF acts write it so."""
    installed(language)
    assert shown_date(date(2026, 2, 28)) == "28.02.2026"
    assert shown_date(None, "—") == "—"
    moment = datetime(2026, 2, 28, 9, 5, 7).astimezone()
    assert shown_datetime(moment) == "28.02.2026 09:05"
    assert shown_datetime(moment, seconds=True) == "28.02.2026 09:05:07"
    assert shown_date(datetime(2026, 2, 28, 12, tzinfo=UTC).astimezone()) == "28.02.2026"
