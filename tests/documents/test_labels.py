"""Label sheets: rendered pages whose QR codes, decoded, give back the inventory numbers in the
ASCII form any keyboard-mode scanner can type (RAVĢ-0004 → RAVG-0004)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from desktop.documents.labels import LAYOUTS, Label, label_sheet_pdf
from desktop.models.scan_codes import scan_code
from pdf_render import render_pages

SCHOOL = "Rīgas Āgenskalna Valsts ģimnāzija"


def render(pdf: bytes, tmp_path: Path, dpi: int = 150) -> list[Image.Image]:
    return render_pages(pdf, dpi=dpi)


def decoded(page: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(page, formats=zxingcpp.BarcodeFormat.QRCode)]


@pytest.mark.parametrize("layout", ["3x8", "2x7"])
def test_each_label_decodes_to_its_ascii_code(layout: str, tmp_path: Path) -> None:
    per_sheet = LAYOUTS[layout].per_sheet
    numbers = [f"RĀVĢ-{n:04d}" if n % 4 == 0 else f"INV-2024/{n:03d}"
               for n in range(1, per_sheet + 4)]  # spills onto a second page
    pdf = label_sheet_pdf([Label(n, SCHOOL, "Lenovo ThinkPad E14 · Windows portatīvais dators")
                           for n in numbers], layout)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    text = reader.pages[0].extract_text()
    assert "Āgenskalna" in text and "ģimnāzija" in text  # the embedded font keeps diacritics
    pages = render(pdf, tmp_path)
    first, second = decoded(pages[0]), decoded(pages[1])
    assert sorted(first) == sorted(scan_code(n) for n in numbers[:per_sheet])
    assert sorted(second) == sorted(scan_code(n) for n in numbers[per_sheet:])
    assert all(code.isascii() for code in first + second)
    assert "RAVG-0004" in first


def test_the_printed_number_is_the_code_a_scanner_types(tmp_path: Path) -> None:
    """Staff may type what they read under the code: the same ASCII text the QR holds."""
    pdf = label_sheet_pdf([Label("RAVĢ-2020-000001", SCHOOL, "Planšetdators · Lenovo")], "3x8")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "RAVG-2020-000001" in text
    assert "RAVĢ" not in text
    assert "ģimnāzija" in text  # the school's name keeps its letters
    assert decoded(render(pdf, tmp_path)[0]) == ["RAVG-2020-000001"]


def test_a_number_with_no_ascii_form_is_printed_as_it_is(tmp_path: Path) -> None:
    pdf = label_sheet_pdf([Label("ИНВ-1", SCHOOL)], "3x8")
    assert decoded(render(pdf, tmp_path)[0]) == ["ИНВ-1"]


def test_start_at_skips_used_positions_and_outlines_print(tmp_path: Path) -> None:
    pdf = label_sheet_pdf([Label("INV-1", SCHOOL), Label("INV-2", SCHOOL)], "2x7",
                          start_at=13, outlines=True)
    pages = render(pdf, tmp_path, dpi=100)
    assert len(pages) == 2
    assert decoded(pages[0]) == ["INV-1"] and decoded(pages[1]) == ["INV-2"]
    # position 13 is the bottom right label: its code is in the lower right quarter
    [hit] = zxingcpp.read_barcodes(pages[0])
    width, height = pages[0].size
    assert hit.position.top_left.x > width / 2 and hit.position.top_left.y > height * 0.75


def test_bad_requests_are_refused() -> None:
    with pytest.raises(ValueError):
        label_sheet_pdf([], "3x8")
    with pytest.raises(ValueError):
        label_sheet_pdf([Label("INV-1", SCHOOL)], "3x8", start_at=24)
    with pytest.raises(KeyError):
        label_sheet_pdf([Label("INV-1", SCHOOL)], "5x13")
