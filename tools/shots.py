"""What the screenshot tools share."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def _install(folder: Path, ts: Path, language: str) -> object:
    """``ts`` compiled into ``folder`` and installed, with ``language``'s locale, as the app
    does; keep the returned translator alive while rendering."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from desktop.i18n import set_default_locale

    qm = folder / f"resursi_{language}.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    if not translator.load(str(qm)):
        raise SystemExit(f"cannot load {qm}")
    QCoreApplication.installTranslator(translator)
    set_default_locale(language)
    return translator


def english(folder: Path, ts: Path) -> object:
    """The English translation compiled from the .ts into ``folder``, installed on the
    application; keep the returned translator alive while rendering."""
    return _install(folder, ts, "en")


def latvian(folder: Path, ts: Path = Path("desktop/i18n/resursi_lv.ts")) -> object:
    """The Latvian plural forms (the only Latvian "translation": Latvian is the source) and
    the Latvian locale, as the app installs them; keep the returned translator alive."""
    return _install(folder, ts, "lv")
