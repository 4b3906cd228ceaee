"""Report PDFs: the text is there (Latvian letters included), the font is embedded, the chart
is drawn, and the page renders."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.documents.report_pdf import nice_step, render_report_pdf, save_report_pdf
from desktop.models.reports import Report
from pdf_render import render_pages

WHEN = datetime(2026, 11, 20, 10, 15).astimezone()


def _report(rows: int = 3, kind: str = "issued") -> Report:
    classes = [f"{n}.{c}" for n in range(1, 13) for c in "abc"][:rows]
    return Report(
        kind=kind, title="Izsniegtie resursi pa klasēm",
        columns=("Klase", "Windows portatīvais dators", "Kopā"),
        rows=tuple((c, i + 1, i + 1) for i, c in enumerate(classes)) + (
            ("Kopā", sum(range(1, rows + 1)), sum(range(1, rows + 1))),),
        chart_title="Izsniegtie resursi pa klasēm",
        chart=tuple((c, i + 1) for i, c in enumerate(classes)),
        numeric=frozenset({1, 2}), generated_on=date(2026, 11, 20),
    )


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_pdf_holds_the_title_school_rows_and_chart_labels() -> None:
    pdf = render_report_pdf(_report(), school_name="Rīgas Āgenskalna Valsts ģimnāzija",
                            generated_at=WHEN)
    text = _text(pdf)
    assert "Izsniegtie resursi pa klasēm" in text
    assert "Rīgas Āgenskalna Valsts ģimnāzija" in text
    assert "Sagatavots 20.11.2026 10:15" in text
    for cell in ("Windows portatīvais", "1.a", "1.c", "Kopā"):
        assert cell in text
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {str(f["/BaseFont"]) for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}
    assert any("DejaVuSans" in f for f in fonts)  # embedded, not a standard-14 font
    assert reader.metadata is not None and reader.metadata.title == "Izsniegtie resursi pa klasēm"


def test_a_long_table_runs_onto_more_pages_with_the_header_repeated() -> None:
    pdf = render_report_pdf(_report(rows=36), generated_at=WHEN)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 2
    assert "Klase" in reader.pages[1].extract_text()
    assert "12.c" in _text(pdf)


def test_a_wide_report_is_landscape_and_an_empty_one_says_so() -> None:
    wide = Report(kind="overdue", title="Kavēta atgriešana",
                  columns=("Pieteikums", "Izglītojamais", "Klase", "Inventāra Nr.",
                           "Resursa veids", "Jāatgriež līdz", "Nokavētas dienas"),
                  rows=(), chart_title="Nokavējuma ilgums", chart=(("1–7 dienas", 0),))
    reader = PdfReader(io.BytesIO(render_report_pdf(wide, generated_at=WHEN)))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)
    assert "Nav ierakstu." in reader.pages[0].extract_text()


@pytest.mark.parametrize(("top", "step"), [(0, 1), (3, 1), (9, 2), (10, 2), (11, 5),
                                           (48, 10), (502, 200), (973, 200), (1001, 500)])
def test_grid_steps_are_round(top: int, step: int) -> None:
    assert nice_step(top) == step


def test_the_page_renders_with_a_drawn_chart(tmp_path: Path) -> None:
    path = save_report_pdf(_report(rows=10), tmp_path / "r.pdf", generated_at=WHEN)
    image = render_pages(path, dpi=40)[0]
    # the bars' blue is on the page
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert any(abs(r - 0x2F) < 12 and abs(g - 0x6D) < 12 and abs(b - 0xB5) < 12 and n > 50
               for n, (r, g, b) in colours)


@pytest.mark.parametrize("school", ["Skola <unclosed & co", "Skola <font size=60>LIELS</font>",
                                    "Ģimnāzija & <b>treknā</b> ņ"])
def test_a_school_name_is_text_never_markup(school: str) -> None:
    """Issue 14: the name went into reportlab's markup unescaped (a huge font, or a failure)."""
    text = _text(render_report_pdf(_report(), school_name=school, generated_at=WHEN))
    assert school in text.replace("\n", " ")
