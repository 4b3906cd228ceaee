"""A layout that puts widgets side by side while they fit and wraps onto the next line when
they do not (Qt's own flow layout example): long Latvian labels never push a pane wider."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Buttons side by side while they fit, on the next line when they do not: a row of
    long Latvian labels never pushes the pane wider than it is. A widget wider than the
    line gets the line's width (a word-wrapped label the height its text then needs)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)
        # the items of a line centred on its height (a big number beside smaller status
        # pills); otherwise each at the line's top
        self.center_lines = False
        self.line_spacing: int | None = None  # between lines; None: the spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self.spacing()
        # first the lines (each item's place in its line and its size), then their heights
        lines: list[list[tuple[QLayoutItem, int, QSize]]] = [[]]
        x = area.x()
        for item in self._items:
            if item.isEmpty():  # a hidden button takes no room
                continue
            hint = item.sizeHint()
            width = min(hint.width(), area.width())
            height = (item.heightForWidth(width)
                      if width < hint.width() and item.hasHeightForWidth() else hint.height())
            if x > area.x() and x + width > area.right() + 1:
                lines.append([])
                x = area.x()
            lines[-1].append((item, x, QSize(width, max(height, 0))))
            x += width + gap
        y = area.y()
        between = gap if self.line_spacing is None else self.line_spacing
        for number, line in enumerate(lines):
            if not line:
                continue
            if number and y > area.y():
                y += between
            tallest = max(size.height() for _item, _x, size in line)
            if move:
                for item, left, size in line:
                    top = y + (tallest - size.height()) // 2 if self.center_lines else y
                    item.setGeometry(QRect(QPoint(left, top), size))
            y += tallest
        return y - rect.y() + margins.bottom()
