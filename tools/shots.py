"""What the screenshot tools share."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


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


#: A school laptop: 1366×768 physical pixels; a window's frame and the task bar take this
#: much of it (logical pixels).
SCREEN = (1366, 768)
FRAME = (16, 90)


@dataclass
class Session:
    """A QApplication in the language asked for, and where and how big the shots go."""

    qt_app: Any
    out: Path
    suffix: str  # "" for Latvian, "-en" for English
    room: tuple[int, int]  # the logical pixels a window may take on the laptop's screen
    keep: list[object] = field(default_factory=list)  # translators: alive while rendering
    too_big: list[str] = field(default_factory=list)  # windows the laptop's screen cannot hold

    def settle(self, ms: int = 400) -> None:
        """Let layouts, timers and background loads finish before a grab."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shoot(self, widget: Any, name: str, *, close: bool = False) -> None:
        """``widget`` shown, settled, checked against the laptop's room and saved as
        ``<out>/<name><suffix>.png``."""
        widget.show()
        self.settle()
        if widget.width() > self.room[0] or widget.height() > self.room[1]:
            self.too_big.append(f"{name}: {widget.width()}×{widget.height()} > {self.room}")
        widget.grab().save(str(self.out / f"{name}{self.suffix}.png"))
        if close:
            widget.close()

    def finish(self) -> int:
        """1 (and what did not fit) when a window was too big for the screen, else 0."""
        self.keep.clear()
        if self.too_big:
            print("\n".join(self.too_big), file=sys.stderr)
            return 1
        print(f"screenshots written to {self.out}")
        return 0


def arguments(description: str | None) -> argparse.ArgumentParser:
    """--out, --lang and --extra-ts, as every screenshot tool takes them."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", choices=("lv", "en"), default="lv")
    parser.add_argument("--extra-ts", type=Path)
    return parser


def start(args: argparse.Namespace) -> Session:
    """The QApplication with the language of ``args.lang`` installed as the app does."""
    from PySide6.QtWidgets import QApplication

    from desktop.i18n import install_qt_translator

    qt_app = QApplication.instance() or QApplication(sys.argv)
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    room = (round(SCREEN[0] / scale) - FRAME[0], round(SCREEN[1] / scale) - FRAME[1])
    session = Session(qt_app, args.out, "" if args.lang == "lv" else "-en", room)
    folder = Path(tempfile.mkdtemp(prefix="resursi-shots-"))
    if args.lang == "en":
        session.keep.append(english(folder, Path("desktop/i18n/resursi_en.ts")))
        if getattr(args, "extra_ts", None):
            (folder / "extra").mkdir()
            session.keep.append(english(folder / "extra", args.extra_ts))
    else:
        install_qt_translator(qt_app, "lv")
    args.out.mkdir(parents=True, exist_ok=True)
    return session
