"""What the screenshot tools share."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def english(folder: Path, ts: Path) -> object:
    """The English translation compiled from the .ts into ``folder``, installed on the
    application; keep the returned translator alive while rendering."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    qm = folder / "resursi_en.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    if not translator.load(str(qm)):
        raise SystemExit(f"cannot load {qm}")
    QCoreApplication.installTranslator(translator)
    return translator
