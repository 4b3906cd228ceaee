"""A report as a PDF: title, school and date, a bar chart, and the table (reportlab).

The DejaVu Sans font is embedded (see the package doc), so ā č ē ģ ī ķ ļ ņ š ū ž print the
same everywhere. A wide table (more than five columns) turns the page to landscape.
"""

from __future__ import annotations

from datetime import date, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.documents import markup
from desktop.models.reports import Report

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
_FONTS = Path(__file__).with_name("fonts")
BAR_COLOUR = colors.HexColor("#2f6db5")
HEADER_BG = colors.HexColor("#e8eef7")
GRID = colors.HexColor("#b8c4d6")


def register_fonts() -> None:
    """Register the embedded fonts once (reportlab keeps a process-wide registry)."""
    registered = pdfmetrics.getRegisteredFontNames()
    if FONT not in registered:
        pdfmetrics.registerFont(TTFont(FONT, str(_FONTS / "DejaVuSans.ttf")))
    if FONT_BOLD not in registered:
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(_FONTS / "DejaVuSans-Bold.ttf")))


def _cell(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def _short(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def nice_step(top: int, ticks: int = 5) -> int:
    """A grid step of 1, 2 or 5 times a power of ten giving at most ``ticks`` lines."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if top / step <= ticks:
                return step
        magnitude *= 10


def bar_chart(report: Report, width: float, height: float = 70 * mm) -> Drawing:
    """The report's series as vertical bars, each with its value above it."""
    drawing = Drawing(width, height)
    data = [v for _, v in report.chart] or [0]
    labels = [label for label, _ in report.chart] or [""]
    many = len(labels) > 6
    bottom = 22 * mm if many else 12 * mm  # room for slanted labels
    chart = VerticalBarChart()
    # types-reportlab declares PlotArea's x, y, width and height as int (its defaults);
    # reportlab itself validates them as any number (isNumber), and points are floats.
    chart.x, chart.y = 14 * mm, bottom  # type: ignore[assignment]
    chart.width, chart.height = width - 20 * mm, height - bottom - 12 * mm  # type: ignore[assignment]
    chart.data = [data]
    chart.bars[0].fillColor = BAR_COLOUR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    chart.valueAxis.valueMin = 0
    step = nice_step(max(data))
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = step * (max(data) * 1.1 // step + 1)
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = GRID
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.visibleGrid = True
    chart.categoryAxis.strokeColor = GRID
    chart.categoryAxis.categoryNames = [_short(x, 14 if many else 28) for x in labels]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 6.5 if many else 7.5
    if many:  # slanted, so that many class names never run into each other
        chart.categoryAxis.labels.angle = 45
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.categoryAxis.labels.dy = -2
    drawing.add(chart)
    drawing.add(String(0, height - 8, report.chart_title, fontName=FONT_BOLD, fontSize=9))
    return drawing


def render_report_pdf(report: Report, *, school_name: str = "",
                      generated_at: datetime | None = None) -> bytes:
    """The PDF's bytes."""
    register_fonts()
    wide = len(report.columns) > 5
    pagesize = landscape(A4) if wide else A4
    buffer = BytesIO()
    generated_at = generated_at or datetime.now().astimezone()
    doc = SimpleDocTemplate(
        buffer, pagesize=pagesize, leftMargin=16 * mm, rightMargin=16 * mm,
        topMargin=16 * mm, bottomMargin=16 * mm, title=report.title,
        author=school_name or "Resursi", creator="Resursi",
    )
    width = pagesize[0] - 32 * mm
    title = ParagraphStyle("title", fontName=FONT_BOLD, fontSize=15, leading=19)
    meta = ParagraphStyle("meta", fontName=FONT, fontSize=9, leading=12,
                          textColor=colors.HexColor("#555555"))
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10)
    cell_right = ParagraphStyle("cellr", parent=cell, alignment=TA_RIGHT)
    head = ParagraphStyle("head", fontName=FONT_BOLD, fontSize=8, leading=10)

    story: list[Any] = [Paragraph(markup.text(report.title), title), Spacer(1, 2 * mm)]
    line = " · ".join(markup.text(x) for x in (
        school_name,
        f"Sagatavots {generated_at.strftime('%d.%m.%Y %H:%M')}",
        f"Kopā: {report.total}" if report.kind != "overdue" else f"Kopā: {len(report.rows)}",
    ) if x)
    story += [Paragraph(line, meta), Spacer(1, 5 * mm), bar_chart(report, width),
              Spacer(1, 6 * mm)]

    if report.rows:
        data = [[Paragraph(markup.text(c), head) for c in report.columns]]
        for row in report.rows:
            data.append([Paragraph(markup.text(_cell(v)),
                                   cell_right if i in report.numeric else cell)
                         for i, v in enumerate(row)])
        first = width * (0.28 if not wide else 0.14)
        rest = (width - first) / max(1, len(report.columns) - 1)
        table = Table(data, colWidths=[first] + [rest] * (len(report.columns) - 1),
                      repeatRows=1)
        style: list[tuple[str, tuple[int, int], tuple[int, int], *tuple[Any, ...]]] = [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if report.rows and report.rows[-1] and report.rows[-1][0] == "Kopā":
            style.append(("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1),
                          colors.HexColor("#f3f5f9")))
        table.setStyle(TableStyle(style))
        story.append(table)
    else:
        story.append(Paragraph("Nav ierakstu.", meta))

    def footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.setFillColor(colors.HexColor("#777777"))
        canvas.drawRightString(pagesize[0] - 16 * mm, 9 * mm, f"{document.page}. lpp.")
        canvas.drawString(16 * mm, 9 * mm, "Resursi")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def save_report_pdf(report: Report, path: Path, *, school_name: str = "",
                    generated_at: datetime | None = None) -> Path:
    path.write_bytes(render_report_pdf(report, school_name=school_name,
                                       generated_at=generated_at))
    return path
