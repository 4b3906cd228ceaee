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

# The layouts are what the Catalogue's print dialog lists at start; the drawing (reportlab and
# segno, some 60 ms to import) is in ``desktop.documents.label_pdf``, loaded at the first print.


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


def label_sheet_pdf(labels: Sequence[Label], layout: str | LabelLayout = DEFAULT_LAYOUT, *,
                    start_at: int = 0, outlines: bool = False, title: str = "Uzlīmes") -> bytes:
    """The PDF (one or more A4 pages) with one label per item, in order.

    ``start_at`` is the first free position on the first sheet (0 = top left, row by row);
    ``outlines`` draws the label edges (for a test print on plain paper).
    """
    from desktop.documents import label_pdf

    return label_pdf.label_sheet_pdf(labels, LAYOUTS[layout] if isinstance(layout, str)
                                     else layout, start_at=start_at, outlines=outlines,
                                     title=title)
