"""The availability chart: per kind, the items by status against the open demand.

Drawn with QPainter (QtCharts is not part of PySide6-Essentials). Each kind has two bars on one
scale: its items stacked by status, and the applications still waiting for a device (submitted,
postponed, granted without an item). Every colour has its text too (a legend, numbers in the
segments, "Trūkst N" beside the kind), so the chart reads without telling colours apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.models.catalogue import AvailabilityRow
from desktop.models.codes import ItemStatus

ITEM_STATUS_COLOURS: dict[ItemStatus, str] = {
    ItemStatus.AVAILABLE: "#2e7d32",
    ItemStatus.NEW: "#7e57c2",
    ItemStatus.IN_RESERVE: "#8d6e63",
    ItemStatus.RESERVED: "#f9a825",
    ItemStatus.IN_USE: "#1565c0",
    ItemStatus.MAINTENANCE: "#00838f",
    ItemStatus.UNDER_REPAIR: "#ef6c00",
    ItemStatus.DAMAGED: "#c62828",
    ItemStatus.LOST: "#757575",
    ItemStatus.STOLEN: "#37474f",
}
# The order of the stacked segments: what can be lent first.
STATUS_ORDER = list(ITEM_STATUS_COLOURS)
DEMAND_COLOURS: dict[str, str] = {
    "submitted": "#90a4ae",
    "postponed": "#ce93d8",
    "granted_without_item": "#ef9a9a",
}
SHORTAGE_COLOUR = "#b3261e"
ENOUGH_COLOUR = "#1d7a3a"


def _text_colour(background: str) -> QColor:
    c = QColor(background)
    return QColor("#000000") if c.lightness() > 150 else QColor("#ffffff")


class AvailabilityChart(QWidget):
    """Horizontal bars per kind; ``set_rows`` gives the figures."""

    LABEL_WIDTH = 230
    VERDICT_WIDTH = 110
    ROW_HEIGHT = 74
    BAR_HEIGHT = 20

    def __init__(self, parent: QWidget | None = None, *, language: str = "lv") -> None:
        super().__init__(parent)
        self._language = language
        self._rows: list[AvailabilityRow] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(620)
        self.setAccessibleName(self.tr("Pieejamības diagramma"))

    def set_rows(self, rows: Sequence[AvailabilityRow]) -> None:
        self._rows = list(rows)
        self.setAccessibleDescription(self.summary())
        self.updateGeometry()
        self.update()

    def rows(self) -> list[AvailabilityRow]:
        return list(self._rows)

    def summary(self) -> str:
        """The chart in words (screen readers, tooltips, tests)."""
        parts = []
        for r in self._rows:
            verdict = (self.tr("trūkst {0}").format(r.shortage) if r.shortage
                       else self.tr("pietiek"))
            parts.append(self.tr("{0}: pieejami {1} no {2}, gaida {3}, {4}").format(
                r.label, r.available, r.total_items, r.open_demand, verdict))
        return "; ".join(parts)

    def demand_labels(self) -> dict[str, str]:
        return {
            "submitted": self.tr("Iesniegti pieteikumi"),
            "postponed": self.tr("Atlikti"),
            "granted_without_item": self.tr("Piešķirti bez resursa"),
        }

    def _legend_entries(self) -> list[tuple[str, str]]:
        used = {s for r in self._rows for s, n in r.items.items() if n}
        entries = [(ITEM_STATUS_COLOURS[s], s.label(self._language))
                   for s in STATUS_ORDER if s in used]
        entries += [(DEMAND_COLOURS[k], label) for k, label in self.demand_labels().items()]
        return entries

    def _legend_height(self, width: int) -> int:
        fm = QFontMetrics(self.font())
        x, lines = 0, 1
        for _colour, label in self._legend_entries():
            w = 18 + fm.horizontalAdvance(label) + 16
            if x + w > width and x > 0:
                lines += 1
                x = 0
            x += w
        return lines * (fm.height() + 6) + 8

    def sizeHint(self) -> QSize:
        width = 760
        return QSize(width, self._legend_height(width) + 24 +
                     max(1, len(self._rows)) * self.ROW_HEIGHT)

    def minimumSizeHint(self) -> QSize:
        return QSize(620, 160)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return (self._legend_height(width) + 24 +
                max(1, len(self._rows)) * self.ROW_HEIGHT)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        fm = QFontMetrics(self.font())
        width = self.width()
        y = self._paint_legend(p, fm, width)
        if not self._rows:
            p.setPen(self.palette().placeholderText().color())
            p.drawText(QRectF(0, y, width, 60), Qt.AlignmentFlag.AlignCenter,
                       self.tr("Iestādei vēl nav neviena resursu veida"))
            p.end()
            return
        scale_max = max(max(r.total_items, r.open_demand) for r in self._rows) or 1
        bar_left = self.LABEL_WIDTH
        bar_width = max(60, width - bar_left - self.VERDICT_WIDTH - 12)
        for r in self._rows:
            self._paint_row(p, fm, r, y, bar_left, bar_width, scale_max)
            y += self.ROW_HEIGHT
        p.end()

    def _paint_legend(self, p: QPainter, fm: QFontMetrics, width: int) -> float:
        x, y = 8.0, 8.0
        for colour, label in self._legend_entries():
            w = 18 + fm.horizontalAdvance(label) + 16
            if x + w > width and x > 8:
                x = 8.0
                y += fm.height() + 6
            p.fillRect(QRectF(x, y + (fm.height() - 12) / 2, 12, 12), QColor(colour))
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(x + 18, y, w, fm.height()), Qt.AlignmentFlag.AlignVCenter, label)
            x += w
        return y + fm.height() + 18

    def _paint_row(self, p: QPainter, fm: QFontMetrics, r: AvailabilityRow, y: float,
                   left: float, width: float, scale_max: int) -> None:
        text = self.palette().text().color()
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(text)
        name = QFontMetrics(bold).elidedText(r.label, Qt.TextElideMode.ElideRight,
                                             self.LABEL_WIDTH - 16)
        p.drawText(QRectF(8, y, self.LABEL_WIDTH - 16, fm.height()),
                   Qt.AlignmentFlag.AlignVCenter, name)
        p.setFont(self.font())
        p.setPen(self.palette().placeholderText().color())
        p.drawText(QRectF(8, y + fm.height() + 2, self.LABEL_WIDTH - 16, fm.height()),
                   Qt.AlignmentFlag.AlignVCenter,
                   self.tr("Resursi: {0} · pieejami: {1}").format(r.total_items, r.available))
        p.drawText(QRectF(8, y + 2 * fm.height() + 4, self.LABEL_WIDTH - 16, fm.height()),
                   Qt.AlignmentFlag.AlignVCenter,
                   self.tr("Gaida resursu: {0}").format(r.open_demand))
        unit = width / scale_max
        top = y + 2
        segments = [(n, ITEM_STATUS_COLOURS[s], s.label(self._language))
                    for s in STATUS_ORDER if (n := r.items.get(s, 0))]
        self._paint_bar(p, fm, segments, left, top, unit, self.tr("nav resursu"))
        demand = [(getattr(r, key), DEMAND_COLOURS[key], label)
                  for key, label in self.demand_labels().items() if getattr(r, key)]
        self._paint_bar(p, fm, demand, left, top + self.BAR_HEIGHT + 6, unit,
                        self.tr("neviens negaida"), hatched=True)
        # the scale's line under both bars
        p.setPen(QPen(self.palette().mid().color(), 1))
        p.drawLine(int(left), int(top - 2), int(left), int(top + 2 * self.BAR_HEIGHT + 8))
        verdict_rect = QRectF(left + width + 12, top, self.VERDICT_WIDTH, 2 * self.BAR_HEIGHT + 6)
        p.setFont(bold)
        if r.shortage:
            p.setPen(QColor(SHORTAGE_COLOUR))
            p.drawText(verdict_rect, Qt.AlignmentFlag.AlignVCenter,
                       self.tr("⚠ Trūkst {0}").format(r.shortage))
        else:
            p.setPen(QColor(ENOUGH_COLOUR))
            p.drawText(verdict_rect, Qt.AlignmentFlag.AlignVCenter, self.tr("✓ Pietiek"))
        p.setFont(self.font())

    def _paint_bar(self, p: QPainter, fm: QFontMetrics, segments: list[tuple[int, str, str]],
                   left: float, top: float, unit: float, empty: str, *,
                   hatched: bool = False) -> None:
        x = left
        if not segments:
            p.setPen(self.palette().placeholderText().color())
            p.drawText(QRectF(left + 6, top, 300, self.BAR_HEIGHT),
                       Qt.AlignmentFlag.AlignVCenter, empty)
            return
        for count, colour, _label in segments:
            w = count * unit
            rect = QRectF(x, top, w, self.BAR_HEIGHT)
            p.fillRect(rect, QColor(colour))
            if hatched:  # demand, not devices: diagonal lines over the colour
                p.fillRect(rect, QBrush(QColor(255, 255, 255, 110), Qt.BrushStyle.BDiagPattern))
            p.setPen(QPen(self.palette().base().color(), 1))
            p.drawRect(rect)
            number = str(count)
            if fm.horizontalAdvance(number) + 6 <= w:
                p.setPen(_text_colour(colour))
                p.drawText(rect, Qt.AlignmentFlag.AlignCenter, number)
            x += w
