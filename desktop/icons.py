"""The app's SVG line icons, looked up by name: ``icon("settings")``.

The icons live as plain files in ``resources/icons/<name>.svg`` at the repository root rather
than in a compiled Qt resource (.qrc), so a designer can edit one SVG and see it on the next
start without a build step, and the sheet tool and the tests read the very same files. When the
app is frozen by PyInstaller the same folder is unpacked under ``sys._MEIPASS``, so the lookup
follows it there. An unknown name raises ``KeyError``: asking for an icon that does not exist is
a programming error, and failing loudly lets the tests catch it instead of a blank button.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon


def icons_dir() -> Path:
    """The folder holding the SVG files (the PyInstaller bundle's copy when frozen)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources" / "icons"
    return Path(__file__).resolve().parents[1] / "resources" / "icons"


def icon_names() -> list[str]:
    """Every icon name available, sorted (the file names without ``.svg``)."""
    return sorted(path.stem for path in icons_dir().glob("*.svg"))


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``; raises ``KeyError`` naming an unknown icon.

    Cached: a QIcon is a cheap shared handle and Qt renders (and caches) each size on demand.
    Call only after a QGuiApplication exists (QIcon needs one).
    """
    path = icons_dir() / f"{name}.svg"
    if not path.is_file():
        raise KeyError(f"no icon named {name!r} in {icons_dir()}")
    return QIcon(str(path))
