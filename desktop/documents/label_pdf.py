"""Drawing a sheet of inventory labels (``desktop.documents.labels``) with reportlab and segno;
imported at the first print, not at start."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

import segno
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from desktop.documents.labels import Label, LabelLayout
from desktop.documents.report_pdf import FONT, FONT_BOLD, register_fonts
from desktop.models.scan_codes import scan_code

QUIET_ZONE = 4  # modules of white around the code, as ISO/IEC 18004 asks


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


def label_sheet_pdf(labels: Sequence[Label], sheet: LabelLayout, *, start_at: int = 0,
                    outlines: bool = False, title: str = "Uzlīmes") -> bytes:
    """The PDF (``desktop.documents.labels.label_sheet_pdf``)."""
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
