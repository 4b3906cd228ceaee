"""Translations: Latvian is the source language of every string; English comes from
``resursi_en.ts`` (Qt Linguist), compiled to ``resursi_en.qm`` by ``make``.

Latvian needs a translation of its own only for the plurals: a message with ``%n`` has one
source text, and ``resursi_lv.ts`` (made with ``lupdate -pluralonly``) holds its three Latvian
forms (21 uzlīme, 24 uzlīmes, 0 uzlīmju)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)
FOLDER = Path(__file__).parent
LANGUAGES = {"lv": "Latviešu", "en": "English"}
# Numbers (decimal comma or point) follow the UI language; dates keep one pattern (views/dates.py)
LOCALES = {
    "lv": (QLocale.Language.Latvian, QLocale.Country.Latvia),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


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


def set_default_locale(language: str) -> None:
    """QLocale() everywhere (numbers, month names) speaks the UI language."""
    lang, country = LOCALES.get(language, LOCALES["lv"])
    QLocale.setDefault(QLocale(lang, country))


def ui_language() -> str:
    """The UI's language, as ``set_default_locale`` left it: "en" or "lv"."""
    return "en" if QLocale().language() == QLocale.Language.English else "lv"


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install our translation for ``language`` (for Latvian: its plural forms only), Qt's
    own for it, and the default QLocale."""
    set_default_locale(language)
    install_qt_translator(app, language)
    translator = QTranslator(app)
    if not translator.load(str(FOLDER / f"resursi_{language}.qm")):
        if language == "lv":
            log.warning("no compiled Latvian plurals; counts read as their source text")
        else:
            log.warning("no compiled translation for %s; showing Latvian", language)
        return None
    app.installTranslator(translator)
    return translator
