"""Render every icon at 48 px and 22 px, with its name, on a white sheet (offscreen).

    python -m tools.icon_sheet [--out docs/screenshots/icons.png]

A quick visual check for the icon set: each cell shows the icon large (to judge the drawing)
and at toolbar size (to judge whether it still reads), plus a faint 24-unit frame so clipping
and off-centre drawings stand out.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CELL_W, CELL_H, COLUMNS = 150, 110, 6
LARGE, SMALL = 48, 22


def render(out: Path) -> Path:
    """Draw the sheet into ``out`` (PNG) and return the path."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

    from desktop.icons import icon, icon_names

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    names = icon_names()
    rows = (len(names) + COLUMNS - 1) // COLUMNS
    image = QImage(CELL_W * COLUMNS, CELL_H * rows, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(13)
    painter.setFont(font)
    for index, name in enumerate(names):
        x, y = (index % COLUMNS) * CELL_W, (index // COLUMNS) * CELL_H
        large = QRect(x + 30, y + 14, LARGE, LARGE)
        small = QRect(x + 96, y + 14 + (LARGE - SMALL) // 2, SMALL, SMALL)
        painter.setPen(QPen(QColor("#e3e7ee"), 1))
        painter.drawRect(large.adjusted(-1, -1, 0, 0))
        painter.drawRect(small.adjusted(-1, -1, 0, 0))
        icon(name).paint(painter, large)
        icon(name).paint(painter, small)
        painter.setPen(QColor("#2f3b4c"))
        painter.drawText(QRect(x, y + 72, CELL_W, 24), Qt.AlignmentFlag.AlignHCenter, name)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise OSError(f"could not write {out}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots/icons.png"))
    args = parser.parse_args(argv)
    print(render(args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
