"""A sheet of inventory labels as a PDF: a QR code with the inventory number, and the school.

The QR code holds the inventory number and nothing else, so a keyboard-wedge scanner "types"
it into whatever search field has the focus, and the app finds that item. Many scanners in
keyboard mode cannot type Latvian letters, so the code is the number folded to ASCII capitals
(``scan_code``: RAVĢ-2020-000001 → RAVG-2020-000001), and the number printed beside it is the
same text, so that what staff read off a label they can type back on any keyboard; every
lookup of a scanned number folds diacritics and case the same way.
Layouts are the common A4 self-adhesive sheets; ``start_at`` skips labels already peeled off a
partly used sheet. The QR is drawn as vector squares (sharp at any printer resolution) with
its four-module quiet zone, and always as a full QR code: segno's ``make`` would pick a Micro
QR for short texts, which many handheld scanners do not read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import segno
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from desktop.models.scan_codes import scan_code

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
_FONTS = Path(__file__).with_name("fonts")
QUIET_ZONE = 4  # modules of white around the code, as ISO/IEC 18004 asks


@dataclass(frozen=True)
class LabelLayout:
    """An A4 label sheet: columns × rows of width × height mm, at these margins and pitch."""

    key: str
    name_lv: str
    columns: int
    rows: int
    width_mm: float
    height_mm: float
    left_mm: float
    top_mm: float
    pitch_x_mm: float
    pitch_y_mm: float

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows


LAYOUTS: dict[str, LabelLayout] = {layout.key: layout for layout in (
    # 24 per sheet, edge to edge (e.g. Avery 3475, Herma 4453)
    LabelLayout("3x8", "3 × 8 (70 × 37 mm, 24 uzlīmes)", 3, 8, 70.0, 37.0, 0.0, 0.5,
                70.0, 37.0),
    # 14 per sheet (e.g. Avery L7163)
    LabelLayout("2x7", "2 × 7 (99,1 × 38,1 mm, 14 uzlīmes)", 2, 7, 99.1, 38.1, 4.65, 15.15,
                101.6, 38.1),
    # 21 per sheet (e.g. Avery L7160)
    LabelLayout("3x7", "3 × 7 (63,5 × 38,1 mm, 21 uzlīme)", 3, 7, 63.5, 38.1, 7.21, 15.15,
                66.04, 38.1),
)}
DEFAULT_LAYOUT = "3x8"


@dataclass(frozen=True)
class Label:
    inventory_no: str  # as in the catalogue; the label shows and encodes its ``scan_code``
    school: str
    caption: str | None = None  # e.g. the kind and model, in small print


def register_fonts() -> None:
    """Register the embedded DejaVu Sans once (reportlab's registry is process-wide)."""
    registered = pdfmetrics.getRegisteredFontNames()
    if FONT not in registered:
        pdfmetrics.registerFont(TTFont(FONT, str(_FONTS / "DejaVuSans.ttf")))
    if FONT_BOLD not in registered:
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(_FONTS / "DejaVuSans-Bold.ttf")))


def qr_matrix(text: str) -> list[list[bool]]:
    """The dark modules of a full QR code for ``text`` (UTF-8 flagged by ECI when needed)."""
    qr = segno.make_qr(text, error="m", eci=not text.isascii())
    return [[bool(cell) for cell in row] for row in qr.matrix]


def _draw_qr(c: Canvas, text: str, x: float, y: float, size: float) -> None:
    matrix = qr_matrix(text)
    modules = len(matrix) + 2 * QUIET_ZONE
    unit = size / modules
    c.setFillColor(colors.black)
    for r, row in enumerate(matrix):
        top = y + size - (r + QUIET_ZONE + 1) * unit
        col = 0
        while col < len(row):  # one rectangle per run of dark modules: smaller, crisper PDF
            if not row[col]:
                col += 1
                continue
            start = col
            while col < len(row) and row[col]:
                col += 1
            c.rect(x + (start + QUIET_ZONE) * unit, top, (col - start) * unit, unit,
                   stroke=0, fill=1)


def _fit(text: str, font: str, size: float, width: float, smallest: float) -> float:
    while size > smallest and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _wrap(text: str, font: str, size: float, width: float, lines: int) -> list[str]:
    """Words in at most ``lines`` lines of ``width``; the last one ends in … if cut."""
    out: list[str] = []
    words = text.split()
    while words and len(out) < lines:
        line = words.pop(0)
        while words and pdfmetrics.stringWidth(f"{line} {words[0]}", font, size) <= width:
            line = f"{line} {words.pop(0)}"
        out.append(line)
    if words or (out and pdfmetrics.stringWidth(out[-1], font, size) > width):
        last = out[-1]
        while last and pdfmetrics.stringWidth(last + "…", font, size) > width:
            last = last[:-1]
        out[-1] = last.rstrip() + "…"
    return out


def _draw_label(c: Canvas, label: Label, x: float, y: float, w: float, h: float) -> None:
    pad = 2.0 * mm
    qr_size = h - 2 * pad + 2 * mm  # the quiet zone may run into the padding
    code = scan_code(label.inventory_no)
    _draw_qr(c, code, x + pad - 1 * mm, y + pad - 1 * mm, qr_size)
    text_x = x + pad + qr_size
    text_w = x + w - pad - text_x
    number_size = _fit(code, FONT_BOLD, 13, text_w, 6)
    c.setFillColor(colors.black)
    c.setFont(FONT_BOLD, number_size)
    top = y + h - pad - number_size
    c.drawString(text_x, top, code)
    c.setFont(FONT, 6.5)
    line_y = top - 9
    for line in _wrap(label.school, FONT, 6.5, text_w, 3):
        c.drawString(text_x, line_y, line)
        line_y -= 7.5
    if label.caption:
        c.setFillColor(colors.HexColor("#444444"))
        c.setFont(FONT, 6)
        for line in _wrap(label.caption, FONT, 6, text_w, 1):
            c.drawString(text_x, y + pad, line)


def label_sheet_pdf(labels: Sequence[Label], layout: str | LabelLayout = DEFAULT_LAYOUT, *,
                    start_at: int = 0, outlines: bool = False, title: str = "Uzlīmes") -> bytes:
    """The PDF (one or more A4 pages) with one label per item, in order.

    ``start_at`` is the first free position on the first sheet (0 = top left, row by row);
    ``outlines`` draws the label edges (for a test print on plain paper).
    """
    sheet = LAYOUTS[layout] if isinstance(layout, str) else layout
    if not labels:
        raise ValueError("no labels to print")
    if not 0 <= start_at < sheet.per_sheet:
        raise ValueError(f"start_at must be 0…{sheet.per_sheet - 1}")
    register_fonts()
    out = BytesIO()
    c = Canvas(out, pagesize=A4, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("Resursi")
    _page_w, page_h = A4
    position = start_at
    for label in labels:
        if position == sheet.per_sheet:
            c.showPage()
            position = 0
        row, col = divmod(position, sheet.columns)
        x = sheet.left_mm * mm + col * sheet.pitch_x_mm * mm
        y = page_h - sheet.top_mm * mm - row * sheet.pitch_y_mm * mm - sheet.height_mm * mm
        if outlines:
            c.setStrokeColor(colors.HexColor("#bbbbbb"))
            c.setLineWidth(0.3)
            c.rect(x, y, sheet.width_mm * mm, sheet.height_mm * mm, stroke=1, fill=0)
        _draw_label(c, label, x, y, sheet.width_mm * mm, sheet.height_mm * mm)
        position += 1
    c.showPage()
    c.save()
    return out.getvalue()
