"""The return act lists what came back and what is missing, with the grade and the notes, and
names the parties the right way round (the applicant hands back, the school takes)."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, date, datetime

from pypdf import PdfReader

from desktop.documents.acts import ActData, return_act_pdf
from pdf_render import render_pages

DATA = ActData(
    act_number="P-2026-001042-A1", application_number="P-2026-001042",
    school_name="Rīgas Āgenskalna Valsts ģimnāzija", school_address="Lavīzes iela 2a, Rīga",
    applicant_name="Līga Bērziņa", applicant_role="Vecāks vai aizbildnis",
    learner_name="Jānis Ķēniņš-Žīgurs", learner_class="7.b",
    resource="Windows portatīvais dators", inventory_no="RAVĢ-2026-000042",
    serial_no="SN0001042Č", model="Lenovo ThinkPad E14", act_date=date(2026, 9, 3),
    return_deadline=date(2027, 6, 30), confirmed_at=datetime(2026, 9, 3, 9, 12, tzinfo=UTC),
    staff_name="Ģirts Ļaviņš", returned_on=date(2027, 6, 20), condition="Darba kārtībā",
    grade="Labs", return_notes="Lādētājs palika mājās; vecāks to atnesīs līdz 22.06.",
    returned_items=("Soma", "Irbulis"), missing_items=("Lādētājs",),
)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_return_act_lists_the_missing_charger_the_grade_and_the_notes() -> None:
    text = _text(return_act_pdf(DATA))
    for needle in ("Komplektācija", "Atgriezts", "Soma", "Irbulis", "Trūkst", "Lādētājs",
                   "Stāvoklis", "Labs", "Lādētājs palika mājās", "P-2026-001042-A1-R"):
        assert needle in text, needle
    missing_at = text.index("Trūkst")
    assert "Lādētājs" in text[missing_at:missing_at + 40]
    assert "Nodevējs (iesniedzējs)" in text and "Pieņēmējs (izglītības iestāde)" in text


def test_a_return_without_a_checklist_says_nothing_of_one() -> None:
    older = replace(DATA, grade=None, returned_items=(), missing_items=(),
                    return_notes=None)
    text = _text(return_act_pdf(older))
    assert "Komplektācija" not in text and "Trūkst" not in text
    assert "Darba kārtībā" in text


def test_everything_back_says_nothing_is_missing() -> None:
    whole = replace(DATA, returned_items=("Lādētājs", "Soma", "Irbulis"), missing_items=())
    text = _text(return_act_pdf(whole))
    assert "Trūkst" not in text and "atgriezta pilnībā" in text


def test_the_return_act_is_one_page(tmp_path) -> None:
    many = replace(DATA, returned_items=tuple(f"Piederums Nr. {n}" for n in range(1, 13)),
                   missing_items=("Lādētājs", "Irbulis", "Vāciņš"))
    pages = render_pages(return_act_pdf(many), dpi=60)
    assert len(pages) == 1
