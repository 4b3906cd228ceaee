"""Drawing the handover and return acts (``desktop.documents.acts``) with reportlab; imported
at the first act, not at start."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.documents import markup
from desktop.documents.acts import ActData
from desktop.documents.report_pdf import FONT, FONT_BOLD, GRID, HEADER_BG, register_fonts

_MARGIN = 18 * mm
_WIDTH = A4[0] - 2 * _MARGIN


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()  # before any Paragraph: reportlab resolves the font name at once
    return {
        "title": ParagraphStyle("title", fontName=FONT_BOLD, fontSize=14, leading=18,
                                alignment=1),
        "sub": ParagraphStyle("sub", fontName=FONT, fontSize=10, leading=13, alignment=1),
        "h": ParagraphStyle("h", fontName=FONT_BOLD, fontSize=10, leading=13,
                            spaceBefore=4, spaceAfter=2),
        "body": ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13),
        "cell": ParagraphStyle("cell", fontName=FONT, fontSize=9.5, leading=12),
        "strong": ParagraphStyle("strong", fontName=FONT_BOLD, fontSize=9.5, leading=12),
        "key": ParagraphStyle("key", fontName=FONT, fontSize=9, leading=12,
                              textColor=colors.HexColor("#4a5366")),
        "small": ParagraphStyle("small", fontName=FONT, fontSize=8, leading=10,
                                textColor=colors.HexColor("#555555")),
    }


def _d(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else "—"


def _facts(rows: list[tuple[str, str | None]], st: dict[str, ParagraphStyle],
           strong: frozenset[str] = frozenset()) -> Table:
    """A two-column table of facts; the rows named in ``strong`` stand out (what is missing)."""
    data = [[Paragraph(markup.text(k), st["key"]),
             Paragraph(markup.text(v or "—"), st["strong" if k in strong else "cell"])]
            for k, v in rows]
    table = Table(data, colWidths=[_WIDTH * 0.32, _WIDTH * 0.68])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (0, -1), HEADER_BG),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _learner(data: ActData) -> str:
    # "7.b" reads "7.b klase"; a class already written out is left as it is
    if not data.learner_class:
        return data.learner_name
    klass = data.learner_class
    return f"{data.learner_name}, {klass}" + ("" if "klase" in klass else " klase")


def _parties(data: ActData, st: dict[str, ParagraphStyle], *,
             returned: bool = False) -> list[Any]:
    """Who hands over to whom: at a return the applicant hands back and the school takes."""
    school = data.school_name + (f", {data.school_address}" if data.school_address else "")
    applicant = f"{data.applicant_name} ({data.applicant_role})"
    parties = ([("Nodevējs (iesniedzējs)", applicant),
                ("Pieņēmējs (izglītības iestāde)", school)] if returned else
               [("Nodevējs (izglītības iestāde)", school),
                ("Pieņēmējs (iesniedzējs)", applicant)])
    return [
        Paragraph("Puses", st["h"]),
        _facts([
            *parties,
            ("Izglītojamais un klase", _learner(data)),
            ("Pieteikuma numurs", data.application_number),
        ], st),
    ]


def _device(data: ActData, st: dict[str, ParagraphStyle]) -> list[Any]:
    return [
        Paragraph("Resurss", st["h"]),
        _facts([
            ("Resursa veids", data.resource),
            ("Ražotājs un modelis", data.model),
            ("Inventāra numurs", data.inventory_no),
            ("Sērijas numurs", data.serial_no),
        ], st),
    ]


def _signatures(left: str, right: str, st: dict[str, ParagraphStyle]) -> Table:
    line = "_" * 34
    data = [
        [Paragraph(markup.text(left), st["key"]), Paragraph(markup.text(right), st["key"])],
        [Paragraph(line, st["body"]), Paragraph(line, st["body"])],
        [Paragraph("(paraksts, vārds, uzvārds)", st["small"]),
         Paragraph("(paraksts, vārds, uzvārds)", st["small"])],
        [Paragraph("Datums: ____.____.________", st["body"]),
         Paragraph("Datums: ____.____.________", st["body"])],
    ]
    table = Table(data, colWidths=[_WIDTH / 2, _WIDTH / 2])
    table.setStyle(TableStyle([("TOPPADDING", (0, 1), (-1, 1), 14),
                               ("TOPPADDING", (0, 3), (-1, 3), 8)]))
    return table


def _build(title: str, data: ActData, story: list[Any]) -> bytes:
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=_MARGIN, rightMargin=_MARGIN, topMargin=_MARGIN,
        bottomMargin=_MARGIN, title=f"{title} {data.act_number}", author=data.school_name,
        creator="Resursi",
    )

    def footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.setFillColor(colors.HexColor("#777777"))
        canvas.drawString(_MARGIN, 9 * mm, f"Resursi · {title} {data.act_number}")
        canvas.drawRightString(A4[0] - _MARGIN, 9 * mm, f"{document.page}. lpp.")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _terms(data: ActData, st: dict[str, ParagraphStyle]) -> list[Any]:
    """The school's own act text, a paragraph per blank-line-separated block, or the
    standard sentence when the school has none in force."""
    if not data.terms:
        return [Paragraph(
            f"{markup.text(data.school_name)} nodod un iesniedzējs pieņem lietošanā šajā aktā "
            "norādīto resursu izglītības procesa nodrošināšanai.", st["body"])]
    blocks = [b.strip() for b in data.terms.replace("\r\n", "\n").split("\n\n") if b.strip()]
    story: list[Any] = []
    for block in blocks:  # a blank line in the template is a new paragraph, as written
        if story:
            story.append(Spacer(1, 2 * mm))
        story.append(Paragraph(markup.text(block).replace("\n", "<br/>"), st["body"]))
    return story


def handover_act_pdf(data: ActData, *, paper: bool = False) -> bytes:
    """The PNA: who gave what to whom, when, and which documents the applicant confirmed.

    ``paper`` makes the fallback to sign by hand (signature lines instead of the e-service
    confirmation).
    """
    st = _styles()
    story: list[Any] = [
        Paragraph("Pieņemšanas-nodošanas akts", st["title"]),
        Paragraph(f"Nr. {markup.text(data.act_number)} · {_d(data.act_date)}", st["sub"]),
        Spacer(1, 6 * mm),
        *_terms(data, st),
        Spacer(1, 3 * mm),
        *_parties(data, st),
        Spacer(1, 2 * mm),
        *_device(data, st),
        Spacer(1, 2 * mm),
        Paragraph("Nosacījumi", st["h"]),
        _facts([
            ("Izsniegšanas datums", _d(data.act_date)),
            ("Atgriešanas termiņš", _d(data.return_deadline)),
        ], st),
        Spacer(1, 2 * mm),
        Paragraph("Iepazīšanās ar dokumentiem", st["h"]),
    ]
    if data.documents:
        story.append(Paragraph("Iesniedzējs apliecina, ka ir iepazinies(-usies) ar:", st["body"]))
        story += [Paragraph(f"• {markup.text(t)}", st["body"]) for t in data.documents]
    else:
        story.append(Paragraph("Apstiprināmu dokumentu nav.", st["body"]))
    story.append(Spacer(1, 5 * mm))
    if paper:
        story += [
            Paragraph("Resursu nodeva un pieņēma, to apliecina ar parakstiem:", st["body"]),
            Spacer(1, 2 * mm),
            _signatures("Nodevējs (iestādes darbinieks)", "Pieņēmējs (iesniedzējs)", st),
        ]
    elif data.confirmed_at is not None:
        story.append(Paragraph(
            "Iesniedzējs resursa saņemšanu apstiprināja elektroniski e-pakalpojumā "
            f"latvija.gov.lv {data.confirmed_at.strftime('%d.%m.%Y plkst. %H:%M')}. "
            "Akts sagatavots elektroniski un ir derīgs bez paraksta.", st["body"]))
    else:
        story.append(Paragraph(
            "Saņemšanas apstiprinājums e-pakalpojumā latvija.gov.lv vēl nav saņemts.", st["body"]))
    if data.staff_name:
        story += [Spacer(1, 3 * mm),
                  Paragraph(f"Izsniedza: {markup.text(data.staff_name)}", st["small"])]
    return _build("Pieņemšanas-nodošanas akts", data, story)


def _state(data: ActData) -> str | None:
    """"Labs (darba kārtībā)": the desk's grade with the register's condition it means."""
    if data.grade is None:
        return data.condition
    if data.condition is None or data.condition == data.grade:
        return data.grade
    return f"{data.grade} ({data.condition.lower()})"


def _checklist(data: ActData, st: dict[str, ParagraphStyle]) -> list[Any]:
    """What of the kind's checklist came back and what is missing (nothing for a return
    recorded without a checklist)."""
    if not data.returned_items and not data.missing_items:
        return []
    rows: list[tuple[str, str | None]] = [
        ("Atgriezts", ", ".join(data.returned_items) or "nekas no komplektācijas")]
    if data.missing_items:
        rows.append(("Trūkst", ", ".join(data.missing_items)))
    story: list[Any] = [Spacer(1, 2 * mm), Paragraph("Komplektācija", st["h"]),
                        _facts(rows, st, strong=frozenset({"Trūkst"}))]
    if not data.missing_items:
        story.append(Paragraph("Komplektācija atgriezta pilnībā.", st["small"]))
    return story


def return_act_pdf(data: ActData) -> bytes:
    """The act of taking the device back: when, in what condition (the desk's grade), what of
    the kind's checklist came back and what is missing, with the desk's notes."""
    st = _styles()
    story: list[Any] = [
        Paragraph("Resursa atgriešanas akts", st["title"]),
        Paragraph(f"Nr. {markup.text(data.act_number)}-R · {_d(data.returned_on)}", st["sub"]),
        Spacer(1, 6 * mm),
        Paragraph(
            f"Iesniedzējs atgriež un {markup.text(data.school_name)} pieņem resursu, kas nodots "
            f"ar pieņemšanas-nodošanas aktu Nr. {markup.text(data.act_number)} "
            f"({_d(data.act_date)}).", st["body"]),
        Spacer(1, 3 * mm),
        *_parties(data, st, returned=True),
        Spacer(1, 2 * mm),
        *_device(data, st),
        Spacer(1, 2 * mm),
        Paragraph("Atgriešana", st["h"]),
        _facts([
            ("Atgriešanas datums", _d(data.returned_on)),
            ("Atgriešanas termiņš", _d(data.return_deadline)),
            ("Stāvoklis", _state(data)),
            ("Piezīmes", data.return_notes),
        ], st),
        *_checklist(data, st),
        Spacer(1, 6 * mm),
        _signatures("Pieņēma (iestādes darbinieks)", "Nodeva (iesniedzējs)", st),
    ]
    if data.staff_name:
        story += [Spacer(1, 3 * mm),
                  Paragraph(f"Pieņēma: {markup.text(data.staff_name)}", st["small"])]
    return _build("Resursa atgriešanas akts", data, story)
