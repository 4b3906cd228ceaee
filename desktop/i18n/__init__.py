"""Translations: Latvian is the source language of every string; English comes from
``resursi_en.ts`` (Qt Linguist), compiled to ``resursi_en.qm`` by ``make``."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

log = logging.getLogger(__name__)
FOLDER = Path(__file__).parent
LANGUAGES = {"lv": "Latviešu", "en": "English"}


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install the translation for ``language``; Latvian needs none (it is the source)."""
    if language == "lv":
        return None
    translator = QTranslator(app)
    if not translator.load(str(FOLDER / f"resursi_{language}.qm")):
        log.warning("no compiled translation for %s; showing Latvian", language)
        return None
    app.installTranslator(translator)
    return translator
