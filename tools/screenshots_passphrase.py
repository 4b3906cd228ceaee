"""Render the data folder's passphrase dialog (issue 15) to docs/screenshots (offscreen, a
1366×768 laptop at 125 %):

- passphrase-new.png: a new folder on a computer without a keyring (chosen twice);
- passphrase-wrong.png: an existing folder after a wrong passphrase.

    python -m tools.screenshots_passphrase [--out docs/screenshots] [--lang lv|en]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1.25")


def main(argv: list[str] | None = None) -> int:
    from tools.shots import arguments, start

    args = arguments(__doc__).parse_args(argv)
    shots = start(args)

    from desktop.views.passphrase_dialog import PassphraseDialog

    folder = Path.home() / ".local/share/Resursi"
    for name, dialog in (
            ("passphrase-new", PassphraseDialog(folder, new=True)),
            ("passphrase-wrong", PassphraseDialog(folder, new=False, wrong=True))):
        dialog.first.setText("••••••••••••")
        dialog.second.setText("••••••••••••")
        dialog.adjustSize()
        dialog.show()
        shots.qt_app.processEvents()
        if dialog.width() > shots.room[0] or dialog.height() > shots.room[1]:
            print(f"{name} does not fit the laptop's screen", file=sys.stderr)
            return 1
        target = shots.out / f"{name}{shots.suffix}.png"
        dialog.grab().save(str(target))
        print(target, f"{dialog.width()}×{dialog.height()}")
        dialog.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
