"""Render the data folder's passphrase dialog (issue 15) to docs/screenshots (offscreen, a
1366×768 laptop at 125 %):

- passphrase-new.png: a new folder on a computer without a keyring (chosen twice);
- passphrase-wrong.png: an existing folder after a wrong passphrase.

    python -m tools.screenshots_passphrase [--out docs/screenshots] [--lang lv|en]
"""

from __future__ import annotations

import os
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
        shots.shoot(dialog, name, close=True)
    return shots.finish()


if __name__ == "__main__":
    raise SystemExit(main())
