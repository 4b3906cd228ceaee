"""Reports on screen: open applications, items by status, issued devices, overdue returns.

Each report shows a bar chart (painted with QPainter) above its table, and can be saved as
CSV or PDF. The page gets plain callables from the composition root (``load(kind)`` bound to
``desktop.models.reports.build_report``, ``export(kind, fmt, path)`` to
``desktop.cli_export.export_report``, which also audits the export) and runs them on the task
runner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import ChangeBus, WhenSeen
from desktop.models.changes import OpChanges
from desktop.models.reports import REPORT_KINDS, TITLES, Report, is_total_row, text
from desktop.tasks import TaskRunner
from desktop.views.audit_page import ask_save_path
from desktop.views.dates import shown_date
from desktop.views.detail_page import CONFLICT_COLOUR
from desktop.views.qt_typed import QT_TRANSLATE_NOOP
from desktop.views.table_model import Index

log = logging.getLogger(__name__)

BAR_COLOUR = "#2f6db5"
TAB_LABELS: dict[str, str] = {  # marked for Qt Linguist, translated in the page's context
    "applications": QT_TRANSLATE_NOOP("ReportsPage", "Atvērtie pieteikumi"),
    "items": QT_TRANSLATE_NOOP("ReportsPage", "Resursi"),
    "issued": QT_TRANSLATE_NOOP("ReportsPage", "Izsniegtie resursi"),
    "overdue": QT_TRANSLATE_NOOP("ReportsPage", "Kavēta atgriešana"),
}


def nice_step(top: int, ticks: int = 5) -> int:
    """A grid step of 1, 2 or 5 times a power of ten giving at most ``ticks`` lines."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if top / (factor * magnitude) <= ticks:
                return factor * magnitude
        magnitude *= 10


def _cell(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, date):
        return shown_date(value)
    return str(value)


class ReportTableModel(QAbstractTableModel):
    """A report's rows; numbers right-aligned, the "Kopā" (total) row in bold."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._report: Report | None = None

    def set_report(self, report: Report | None) -> None:
        self.beginResetModel()
        self._report = report
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._report is None else len(self._report.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._report is None else len(self._report.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (self._report is not None and orientation == Qt.Orientation.Horizontal
                and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._report.columns)):
            return self._report.columns[section]  # already in the UI language
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self._report
        if r is None or not index.isValid() or not (0 <= index.row() < len(r.rows)):
            return None
        row = r.rows[index.row()]
        if not (0 <= index.column() < len(row)):
            return None
        value = row[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in r.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and is_total_row(row):
            font = QFont()
            font.setBold(True)
            return font
        return None


class BarChart(QWidget):
    """Vertical bars with their values, a light grid and the category names below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = ""
        self._bars: tuple[tuple[str, int], ...] = ()
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Diagramma"))

    def set_series(self, title: str, bars: tuple[tuple[str, int], ...]) -> None:
        self._title, self._bars = title, bars
        self.setAccessibleDescription(", ".join(f"{k}: {v}" for k, v in bars))
        self.update()

    def bars(self) -> tuple[tuple[str, int], ...]:
        return self._bars

    def sizeHint(self) -> QSize:
        return QSize(640, 260)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            self._paint(p)
        finally:
            p.end()

    def _paint(self, p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlpha(40)
        title_font = QFont(self.font())
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(text)
        fm_title = QFontMetrics(title_font)
        p.drawText(0, fm_title.ascent() + 2, self._title)
        p.setFont(self.font())
        fm = QFontMetrics(self.font())
        values = [v for _, v in self._bars]
        if not values:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Nav datu"))
            return
        step = nice_step(max(values))
        top = step * (int(max(values) * 1.1) // step + 1)
        many = len(values) > 8
        longest = min(120, max(fm.horizontalAdvance(k) for k, _ in self._bars))
        label_room = longest * 0.75 + fm.height() if many else fm.height() * 2
        axis_w = fm.horizontalAdvance(str(top)) + 10
        area = QRectF(axis_w, fm_title.height() + 12, self.width() - axis_w - 8,
                      self.height() - fm_title.height() - 12 - label_room)
        if area.height() < 20 or area.width() < 20:
            return
        # grid and value axis
        for tick in range(0, top + 1, step):
            y = area.bottom() - area.height() * tick / top
            p.setPen(QPen(grid, 1))
            p.drawLine(int(area.left()), int(y), int(area.right()), int(y))
            p.setPen(text)
            p.drawText(QRectF(0, y - fm.height() / 2, axis_w - 6, fm.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(tick))
        slot = area.width() / len(values)
        bar_w = max(4.0, min(slot * 0.62, 90.0))
        for i, (label, value) in enumerate(self._bars):
            x = area.left() + slot * i + (slot - bar_w) / 2
            h = area.height() * value / top
            p.fillRect(QRectF(x, area.bottom() - h, bar_w, h), QColor(BAR_COLOUR))
            p.setPen(text)
            p.drawText(QRectF(x - 20, area.bottom() - h - fm.height() - 2, bar_w + 40,
                              fm.height()), Qt.AlignmentFlag.AlignCenter, str(value))
            centre = area.left() + slot * i + slot / 2
            if many:  # slanted names, so that many classes never overlap
                p.save()
                p.translate(centre, area.bottom() + 6)
                p.rotate(-45)
                p.drawText(QRectF(-label_room * 1.4, -fm.height() / 2, label_room * 1.4,
                                  fm.height()),
                           Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                           fm.elidedText(label, Qt.TextElideMode.ElideRight, 120))
                p.restore()
            else:
                p.drawText(QRectF(centre - slot / 2, area.bottom() + 4, slot, label_room),
                           Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                           | Qt.TextFlag.TextWordWrap, label)


class ReportsPage(QWidget):
    """The four reports as tabs; a chart and a table for the one chosen; CSV/PDF export."""

    loaded = Signal(str)  # the report kind, after it was shown
    exported = Signal(str)  # the path written
    failed = Signal(str)  # the Latvian message shown

    def __init__(
        self,
        tasks: TaskRunner,
        *,
        load: Callable[[str, str], Report],
        export: Callable[[str, str, Path], object],
        ask_path: Callable[[QWidget | None, str, str], Path | None] | None = None,
        language: str = "lv",
        changes: ChangeBus | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        # In the app the page is read when first opened and, after changes, when next seen.
        self._when_seen = WhenSeen(self, self.reload, stale=True) if changes else None
        if changes is not None:
            changes.changed.connect(self.follow_changes)
        #: ``load(kind, language)``: the core writes the report's texts in the UI language
        self._load = load
        self._language = language
        self._export = export
        #: asked for the export file; tests replace it with a function returning a path
        self.ask_path = ask_path or ask_save_path
        self.report: Report | None = None

        self.tabs = QTabBar()
        self.tabs.setAccessibleName(self.tr("Pārskati"))
        for kind in REPORT_KINDS:
            self.tabs.addTab(self.tr(TAB_LABELS[kind]))
        self.tabs.setExpanding(False)

        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel()
        self.refresh_button = QPushButton(self.tr("Atsvaidzināt"))
        self.csv_button = QPushButton(self.tr("Eksportēt CSV…"))
        self.pdf_button = QPushButton(self.tr("Eksportēt PDF…"))
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.refresh_button)
        head.addWidget(self.csv_button)
        head.addWidget(self.pdf_button)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()

        self.chart = BarChart()
        self.model = ReportTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Pārskata tabula"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(head)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.chart, 2)
        layout.addWidget(self.table, 3)

        self.tabs.currentChanged.connect(lambda _i: self.reload())
        self.refresh_button.clicked.connect(self.reload)
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self._set_buttons(False)

    def _run(self, fn: Callable[..., Any], *args: Any, **callbacks: Any) -> int:
        return self._tasks.run(fn, *args, owner=self, **callbacks)

    @property
    def kind(self) -> str:
        return REPORT_KINDS[max(0, self.tabs.currentIndex())]

    def show_kind(self, kind: str) -> None:
        index = REPORT_KINDS.index(kind)
        if index == self.tabs.currentIndex():
            self.reload()
        else:
            self.tabs.setCurrentIndex(index)  # reloads

    def follow_changes(self, changes: OpChanges, _source: object) -> None:
        """Counts of applications, devices and handovers: read again when next seen."""
        if self._when_seen is not None and (changes.touches_applications
                                            or changes.touches_catalogue):
            self._when_seen.request()

    def reload(self) -> None:
        kind = self.kind
        self.title.setText(text(TITLES[kind], self._language))
        self._set_buttons(False)
        # only the report last asked for is shown (another tab may be chosen meanwhile)
        self._run(self._load, kind, self._language, on_done=self._show,
                  on_error=lambda exc: self._fail(exc, self.tr(
                      "Neizdevās sagatavot pārskatu.")), key="report", latest=True)

    def _show(self, report: Report) -> None:
        self.report = report
        self.model.set_report(report)
        self.title.setText(report.title)
        self.chart.set_series(report.chart_title, report.chart)
        count = len(report.rows) if report.kind == "overdue" else report.total
        self.summary.setText(self.tr("Kopā: {n}").format(n=count) if report.rows
                             else self.tr("Nav ierakstu."))
        self.message.hide()
        self._set_buttons(True)
        self.loaded.emit(report.kind)

    def _set_buttons(self, ready: bool) -> None:
        self.csv_button.setEnabled(ready)
        self.pdf_button.setEnabled(ready)

    def export(self, fmt: str) -> None:
        kind = self.kind
        suggested = f"resursi-{kind}-{date.today().isoformat()}.{fmt}"
        file_filter = self.tr("CSV faili (*.csv)") if fmt == "csv" else self.tr(
            "PDF faili (*.pdf)")
        path = self.ask_path(self, suggested, file_filter)
        if path is None:
            return
        self._set_buttons(False)
        self._run(self._export, kind, fmt, path,
                        on_done=lambda _rows: self._exported(path),
                        on_error=lambda exc: self._fail(exc, self.tr(
                            "Neizdevās saglabāt failu {name}.").format(name=path.name)))

    def _exported(self, path: Path) -> None:
        self._set_buttons(True)
        self.message.setStyleSheet("QLabel { color: #1d7a3a; }")
        self.message.setText(self.tr("Saglabāts: {path}").format(path=str(path)))
        self.message.show()
        self.exported.emit(str(path))

    def _fail(self, exc: Exception, fallback: str) -> None:
        log.warning("reports page: %s", type(exc).__name__)
        self._set_buttons(self.report is not None)
        text = getattr(exc, "message_lv", None) or fallback
        self.message.setStyleSheet(f"QLabel {{ color: {CONFLICT_COLOUR}; }}")
        self.message.setText(text)
        self.message.show()
        self.failed.emit(text)
