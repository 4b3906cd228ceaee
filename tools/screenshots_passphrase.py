"""Render the data folder's passphrase dialog (issue 15) to docs/screenshots (offscreen, a
1366×768 laptop at 125 %):

- passphrase-new.png: a new folder on a computer without a keyring (chosen twice);
- passphrase-wrong.png: an existing folder after a wrong passphrase.

    python -m tools.screenshots_passphrase [--out docs/screenshots] [--lang lv|en]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1.25")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", choices=("lv", "en"), default="lv")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from desktop.i18n import install_qt_translator
    from desktop.views.passphrase_dialog import PassphraseDialog
    from tools.shots import english

    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    keep: list[object] = []
    tmp = Path(tempfile.mkdtemp(prefix="resursi-shots-"))
    if args.lang == "en":
        keep.append(english(tmp, Path("desktop/i18n/resursi_en.ts")))
    else:
        install_qt_translator(qt_app, "lv")
    suffix = "" if args.lang == "lv" else "-en"
    args.out.mkdir(parents=True, exist_ok=True)
    folder = Path.home() / ".local/share/Resursi"
    for name, dialog in (
            ("passphrase-new", PassphraseDialog(folder, new=True)),
            ("passphrase-wrong", PassphraseDialog(folder, new=False, wrong=True))):
        dialog.first.setText("••••••••••••")
        dialog.second.setText("••••••••••••")
        dialog.adjustSize()
        dialog.show()
        qt_app.processEvents()
        target = args.out / f"{name}{suffix}.png"
        dialog.grab().save(str(target))
        print(target, f"{dialog.width()}×{dialog.height()}")
        dialog.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
