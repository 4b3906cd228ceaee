"""Document templates per school: placeholders, validity, saving, and the act rendered from
the template in force on its day."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from desktop.desk import act_data
from desktop.documents.acts import handover_act_pdf
from desktop.models import desk
from desktop.models.codes import DocumentType, HandoverStatus
from desktop.models.decisions import grant
from desktop.models.document_templates import document_templates, save_document_template
from desktop.models.errors import InputError, PermissionDeniedError
from desktop.models.schema import Document, Handover, OutboxCommand
from desktop.models.store import Store
from desktop.models.templates import (
    PLACEHOLDERS,
    Validity,
    in_force,
    placeholders_in,
    render,
    unknown_placeholders,
)
from factories import ADMIN, DESK, REVIEWER, SCHOOL, add_application, add_item, seed_catalogue

ACT_TEXT = ("{{skola}} nodod {{iesniedzejs}} lietošanā {{resurss}} ({{modelis}}, inv. Nr. "
            "{{inventara_nr}}) izglītojamajam {{izglitojamais}}, {{klase}} klase.\n\n"
            "Resurss jāatdod līdz {{atgriesanas_termins}}.")


@pytest.fixture
def seeded(store: Store) -> Store:
    seed_catalogue(store)
    return store


def test_placeholders_are_found_rendered_and_unknown_ones_named() -> None:
    assert placeholders_in("{{skola}} un {{ klase }} un {{skola}}") == ["skola", "klase"]
    assert unknown_placeholders("{{skola}} {{vārds}} {{klase}}") == ["vārds"]
    assert render("Sveiki, {{izglitojamais}} ({{klase}})!",
                  {"izglitojamais": "Žanis Ģērķis", "klase": None}) == "Sveiki, Žanis Ģērķis (—)!"
    assert set(placeholders_in(ACT_TEXT)) <= set(PLACEHOLDERS)


def test_the_template_in_force_is_the_latest_started_still_valid() -> None:
    pna = DocumentType.PNA
    old = Validity("a", pna, date(2025, 9, 1), None)
    school_year = Validity("b", pna, date(2026, 9, 1), date(2027, 6, 30))
    rules = Validity("c", DocumentType.EXPLOITATION_RULES, date(2026, 9, 1), None)
    every = [old, school_year, rules]
    assert in_force(every, pna, date(2025, 8, 31)) is None
    assert in_force(every, pna, date(2026, 8, 31)) == "a"
    assert in_force(every, pna, date(2026, 9, 1)) == "b"
    assert in_force(every, pna, date(2027, 6, 30)) == "b"
    assert in_force(every, pna, date(2027, 7, 1)) == "a"  # the older one is open-ended
    assert in_force(every, DocumentType.EXPLOITATION_RULES, date(2027, 1, 1)) == "c"


@pytest.mark.parametrize(("title", "body", "start", "end", "field"), [
    ("", ACT_TEXT, date(2026, 9, 1), None, "title"),
    ("Akta teksts", "   ", date(2026, 9, 1), None, "body"),
    ("Akta teksts", "Sveiki, {{vards}}!", date(2026, 9, 1), None, "body"),
    ("Akta teksts", ACT_TEXT, date(2026, 9, 1), date(2026, 8, 31), "valid_to"),
    ("Akta teksts", ACT_TEXT, None, None, "valid_from"),
])
def test_a_bad_template_is_refused_naming_the_field_and_nothing_is_written(
        seeded: Store, title: str, body: str, start: date | None, end: date | None,
        field: str) -> None:
    with pytest.raises(InputError) as caught:
        save_document_template(seeded, ADMIN, "ok-win", template_id=None,
                               doc_type=DocumentType.PNA, title=title, body=body,
                               valid_from=start, valid_to=end)
    assert caught.value.field == field and caught.value.message_lv
    with seeded.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxCommand)) == 0
        assert s.scalar(select(func.count()).select_from(Document)
                        .where(Document.body.is_not(None))) == 0


def test_only_an_administrator_edits_templates(seeded: Store) -> None:
    for actor in (DESK, REVIEWER):
        with pytest.raises(PermissionDeniedError):
            save_document_template(seeded, actor, "ok-win", template_id=None,
                                   doc_type=DocumentType.PNA, title="Akts", body=ACT_TEXT,
                                   valid_from=date(2026, 9, 1), valid_to=None)


def test_saving_writes_the_template_and_one_command_and_edits_replace_it(seeded: Store) -> None:
    outcome = save_document_template(
        seeded, ADMIN, "ok-win", template_id=None, doc_type=DocumentType.PNA,
        title="Akta teksts 2026./2027. m. g.", body=ACT_TEXT, valid_from=date(2026, 9, 1),
        valid_to=date(2027, 6, 30))
    assert outcome.command_id
    [row] = document_templates(seeded, SCHOOL, today=date(2026, 12, 7))
    assert (row.kind_code, row.doc_type, row.in_force, row.waiting_sync) == (
        "windows_laptop", DocumentType.PNA, True, True)
    save_document_template(seeded, ADMIN, "ok-win", template_id=row.id,
                           doc_type=DocumentType.PNA, title=row.title,
                           body=ACT_TEXT + "\n\nParaksts nav vajadzīgs.",
                           valid_from=row.valid_from, valid_to=row.valid_to)
    [again] = document_templates(seeded, SCHOOL, today=date(2027, 7, 1))
    assert again.id == row.id and again.body.endswith("Paraksts nav vajadzīgs.")
    assert not again.in_force  # past its last day
    with seeded.read() as s:
        commands = s.scalars(select(OutboxCommand.command)).all()
    assert commands == ["set_document_template", "set_document_template"]


def test_the_act_is_rendered_from_the_template_in_force_on_its_day(seeded: Store) -> None:
    save_document_template(seeded, ADMIN, "ok-win", template_id=None,
                           doc_type=DocumentType.PNA, title="Vecais akta teksts",
                           body="Vecais teksts: {{skola}} nodod resursu.",
                           valid_from=date(2025, 9, 1), valid_to=None)
    save_document_template(seeded, ADMIN, "ok-win", template_id=None,
                           doc_type=DocumentType.PNA, title="Akta teksts 2026./2027.",
                           body=ACT_TEXT, valid_from=date(2026, 9, 1),
                           valid_to=date(2027, 6, 30))
    item_id = add_item(seeded)
    app_id = add_application(seeded, learner="Žanis Ģērķis", submitter="Līga Šķēle")
    grant(seeded, REVIEWER, app_id, item_id=item_id, return_deadline=date(2027, 5, 31),
          now=datetime(2026, 9, 2, 9, tzinfo=UTC))
    card = desk.start_handover(seeded, DESK, app_id, now=datetime(2026, 9, 3, 9, tzinfo=UTC))
    with seeded.write() as s:  # the applicant confirmed on 3 September
        h = s.get(Handover, card.handover_id)
        assert h is not None
        h.status, h.issued_at = HandoverStatus.ISSUED, datetime(2026, 9, 3, 10, tzinfo=UTC)
    data = act_data(seeded, DESK, card.handover_id)
    assert data.terms is not None and "Vecais" not in data.terms
    assert "nodod Līga Šķēle lietošanā" in data.terms and "Žanis Ģērķis" in data.terms
    assert "31.05.2027" in data.terms and "{{" not in data.terms
    text = " ".join((p.extract_text() or "") for p in
                    PdfReader(io.BytesIO(handover_act_pdf(data))).pages)
    assert "Žanis Ģērķis" in text and "Resurss jāatdod līdz 31.05.2027" in text
    with seeded.write() as s:  # the same case issued in the summer: the old text applies
        h = s.get(Handover, card.handover_id)
        assert h is not None
        h.issued_at = datetime(2027, 7, 2, 10, tzinfo=UTC)
    summer = act_data(seeded, DESK, card.handover_id).terms
    assert summer is not None and summer.startswith("Vecais teksts: ")
    assert summer.endswith(" nodod resursu.") and "{{" not in summer


def test_the_schools_default_return_deadline_is_set_by_an_administrator(seeded: Store) -> None:
    from desktop.models.lifecycle import default_return_deadline
    from desktop.models.school_settings import set_default_return_deadline
    from desktop.models.workflow import WorkflowError

    now = datetime(2026, 12, 7, 10, tzinfo=UTC)
    with pytest.raises(PermissionDeniedError):
        set_default_return_deadline(seeded, DESK, date(2027, 5, 31), now=now)
    with pytest.raises(WorkflowError) as past:
        set_default_return_deadline(seeded, ADMIN, date(2026, 12, 6), now=now)
    assert past.value.message_lv == "noklusētais atgriešanas termiņš nevar būt pagātnē"
    with seeded.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxCommand)) == 0
    outcome = set_default_return_deadline(seeded, ADMIN, date(2027, 5, 31), now=now)
    assert outcome.command_id and default_return_deadline(seeded, ADMIN) == date(2027, 5, 31)
    assert set_default_return_deadline(seeded, ADMIN, date(2027, 5, 31), now=now).command_id \
        is None  # the same day again: nothing to send
    set_default_return_deadline(seeded, ADMIN, None, now=now)
    assert default_return_deadline(seeded, ADMIN) is None
    with seeded.read() as s:
        commands = s.scalars(select(OutboxCommand.command)).all()
    assert commands == ["set_default_return_deadline"] * 2
