"""The act PDF rendered from a school's template (page 1 as a PNG): python -m tools.screenshots_act_template."""

from __future__ import annotations

import sys
from datetime import date, datetime

from desktop.documents.acts import ActData, handover_act_pdf
from desktop.models.templates import render, sample_values

body = ("{{skola}}, {{skolas_adrese}} (turpmāk — Iestāde), nodod un {{iesniedzejs}} pieņem "
        "bezatlīdzības lietošanā izglītojamajam {{izglitojamais}} ({{klase}} klase) šādu "
        "resursu: {{resurss}}, {{modelis}}, inv. Nr. {{inventara_nr}}.\n\n"
        "Iesniedzējs apņemas resursu lietot saudzīgi, nenodot trešajām personām un "
        "nekavējoties ziņot Iestādei par tā nozaudēšanu vai zādzību.\n\n"
        "Resurss jāatgriež līdz {{atgriesanas_termins}}.")
data = ActData(act_number="P-2026-000123-A1", application_number="P-2026-000123",
    school_name="Rīgas 1. pamatskola", school_address="Skolas iela 1, Rīga",
    applicant_name="Līga Bērziņa", applicant_role="Vecāks vai aizbildnis",
    learner_name="Jānis Bērziņš", learner_class="7.b", resource="Windows portatīvais dators",
    inventory_no="RAVĢ-2026-000123", serial_no="5CD1234XYZ", model="HP ProBook 450 G10",
    act_date=date(2026, 12, 7), return_deadline=date(2027, 5, 31),
    documents=("Datora lietošanas noteikumi",), confirmed_at=datetime(2026, 12, 7, 10, 15).astimezone(),
    terms=render(body, sample_values()))
pdf = handover_act_pdf(data)
from pathlib import Path  # noqa: E402

import pypdfium2  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots" / "act-pdf-template.png"
document = pypdfium2.PdfDocument(pdf)
document[0].render(scale=70 / 72).to_pil().convert("RGB").save(OUT)
document.close()
print(OUT, file=sys.stderr)
