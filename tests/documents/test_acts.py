"""Act PDFs: the Latvian text survives (extracted with pypdf), fonts are embedded, the paper
variant has signature lines, the return act states the condition, and acts made one after
another reuse the registered fonts (how fast is bench/desk_bench.py's)."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

from pypdf import PdfReader

from desktop.documents.acts import ActData, handover_act_pdf, return_act_pdf, write_pdf
from pdf_render import render_pages

DATA = ActData(
    act_number="P-2026-001042-A1", application_number="P-2026-001042",
    school_name="Rīgas Āgenskalna Valsts ģimnāzija", school_address="Lavīzes iela 2a, Rīga",
    applicant_name="Līga Bērziņa", applicant_role="Vecāks vai aizbildnis",
    learner_name="Jānis Ķēniņš-Žīgurs", learner_class="7.b",
    resource="Windows portatīvais dators", inventory_no="INV-0042", serial_no="SN0001042Č",
    model="Lenovo ThinkPad E14", act_date=date(2026, 9, 3), return_deadline=date(2027, 6, 30),
    documents=("Resursu lietošanas noteikumi", "Drošības instrukcija skolēniem"),
    confirmed_at=datetime(2026, 9, 3, 9, 12, tzinfo=UTC), staff_name="Ģirts Ļaviņš",
)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _fonts(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            obj = font.get_object()
            descriptor = obj["/FontDescriptor"].get_object() if "/FontDescriptor" in obj else None
            if descriptor is None and "/DescendantFonts" in obj:
                descriptor = obj["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                names.add(str(obj["/BaseFont"]))
    return names


def test_handover_act_states_everything_with_diacritics() -> None:
    pdf = handover_act_pdf(DATA)
    text = _text(pdf)
    for needle in ("Pieņemšanas-nodošanas akts", "P-2026-001042-A1", "Rīgas Āgenskalna Valsts",
                   "ģimnāzija", "Līga Bērziņa", "Jānis Ķēniņš-Žīgurs", "7.b klase",
                   "Windows portatīvais dators", "SN0001042Č", "INV-0042", "03.09.2026",
                   "30.06.2027", "Resursu lietošanas noteikumi",
                   "Drošības instrukcija skolēniem", "apstiprināja elektroniski",
                   "Ģirts Ļaviņš", "iepazinies(-usies)", "Izsniegšanas datums",
                   "e-pakalpojumā latvija.gov.lv"):
        assert needle in text, needle
    assert "paraksts" not in text
    assert any("DejaVuSans" in f for f in _fonts(pdf))  # embedded, not a base-14 font


def test_paper_variant_has_signature_lines() -> None:
    text = _text(handover_act_pdf(DATA, paper=True))
    assert text.count("(paraksts, vārds, uzvārds)") == 2
    assert "Pieņēmējs (iesniedzējs)" in text and "apstiprināja elektroniski" not in text


def test_unconfirmed_act_says_so_and_no_documents_is_said() -> None:
    data = ActData(**{**DATA.__dict__, "confirmed_at": None, "documents": ()})
    text = _text(handover_act_pdf(data))
    assert "vēl nav saņemts" in text and "Apstiprināmu dokumentu nav" in text


def test_return_act_states_condition_and_notes() -> None:
    data = ActData(**{**DATA.__dict__, "returned_on": date(2027, 6, 20),
                      "condition": "Bojāts", "return_notes": "Ieplaisājis ekrāns, trūkst lādētāja"})
    text = _text(return_act_pdf(data))
    for needle in ("Resursa atgriešanas akts", "P-2026-001042-A1-R", "20.06.2027", "Bojāts",
                   "Ieplaisājis ekrāns, trūkst lādētāja", "Jānis Ķēniņš-Žīgurs"):
        assert needle in text, needle


def test_renders_and_is_written_whole(tmp_path: Path) -> None:
    pdf = handover_act_pdf(DATA)
    pages = render_pages(pdf, dpi=40)
    assert len(pages) == 1
    # something dark is printed in the upper half (the title and the tables)
    top = pages[0].crop((0, 0, pages[0].width, pages[0].height // 2)).convert("L")
    assert top.getextrema()[0] < 80
    path = write_pdf(pdf, tmp_path / "a" / "act.pdf")
    assert path.read_bytes() == pdf and not (tmp_path / "a" / "act.pdf.part").exists()


def test_acts_one_after_another_reuse_the_fonts_and_each_stands_alone(monkeypatch) -> None:
    """Fonts are registered once per process (what keeps an act cheap; its time is
    bench/desk_bench.py's to print), and every act still carries its own facts."""
    from reportlab.pdfbase import pdfmetrics

    handover_act_pdf(DATA)  # the first act registers the fonts
    registered: list[object] = []
    monkeypatch.setattr(pdfmetrics, "registerFont", registered.append)
    for n in range(1, 6):
        number = f"P-2026-00104{n}-A1"
        pdf = handover_act_pdf(ActData(**{**DATA.__dict__, "act_number": number}))
        text = _text(pdf)
        assert number in text and "Jānis Ķēniņš-Žīgurs" in text
        assert any("DejaVuSans" in f for f in _fonts(pdf))
    assert registered == []
