"""Translations: Latvian is the source language of every string; English comes from
``resursi_en.ts`` (Qt Linguist), compiled to ``resursi_en.qm`` by ``make``."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)
FOLDER = Path(__file__).parent
LANGUAGES = {"lv": "Latviešu", "en": "English"}


def install_qt_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Qt's own texts (standard buttons "Atcelt", "Jā"/"Nē", file and print dialogs) in
    ``language``, from the translations Qt ships; English needs none (Qt's source)."""
    if language == "en":
        return None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QLocale(language), "qtbase", "_", folder):
        log.warning("Qt's own translation for %s is missing; its dialogs stay English", language)
        return None
    app.installTranslator(translator)
    return translator


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install the translation for ``language`` and Qt's own for it; Latvian needs none of
    ours (it is the source)."""
    install_qt_translator(app, language)
    if language == "lv":
        return None
    translator = QTranslator(app)
    if not translator.load(str(FOLDER / f"resursi_{language}.qm")):
        log.warning("no compiled translation for %s; showing Latvian", language)
        return None
    app.installTranslator(translator)
    return translator
