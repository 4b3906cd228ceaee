"""The school's document templates in the local store: listing, saving, the one in force.

Saving is one transaction: the local ``Document`` row and the ``set_document_template``
command on the kind's offered-kind aggregate (published with If-Match like the kind's other
changes). The checks are the registry payload's (``TemplateFields``), reported as
``InputError`` naming the field, before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.codes import CommandState, DocumentType
from desktop.models.commands import CommandName, SetDocumentTemplatePayload, TemplateFields
from desktop.models.decisions import Outcome
from desktop.models.errors import InputError, NotFoundError
from desktop.models.journal import Actor, Command, record
from desktop.models.permissions import Permission, require
from desktop.models.schema import (
    Document,
    OfferedKind,
    OutboxCommand,
    ResourceKind,
    new_id,
    utcnow,
)
from desktop.models.store import Store
from desktop.models.templates import (
    PLACEHOLDERS,
    TEMPLATE_TYPES,
    Validity,
    in_force,
    unknown_placeholders,
)


@dataclass(frozen=True)
class TemplateRow:
    id: str
    offered_kind_id: str
    kind_code: str
    kind_label: str
    doc_type: DocumentType
    title: str
    body: str
    valid_from: date | None
    valid_to: date | None
    in_force: bool  # the one of its kind and type that applies today
    waiting_sync: bool  # saved here, not yet accepted by the central service


def document_templates(store: Store, institution_id: str, *, today: date | None = None,
                       language: str = "lv") -> list[TemplateRow]:
    """Every template of the school's offered kinds, by kind, type and start."""
    day = today or date.today()
    with store.read() as session:
        rows = session.execute(
            select(Document, OfferedKind, ResourceKind)
            .join(OfferedKind, OfferedKind.id == Document.offered_kind_id)
            .outerjoin(ResourceKind, ResourceKind.code == OfferedKind.kind_code)
            .where(OfferedKind.institution_id == institution_id, Document.body.is_not(None))
            .order_by(OfferedKind.kind_code, Document.doc_type, Document.valid_from,
                      Document.id)).all()
        pending = {p["template"]["id"] for p in session.scalars(select(OutboxCommand.payload)
                   .where(OutboxCommand.command == CommandName.SET_DOCUMENT_TEMPLATE.value,
                          OutboxCommand.state == CommandState.PENDING.value))}
        current: dict[tuple[str, DocumentType], str | None] = {}
        for doc, offered, _ in rows:
            key = (offered.id, doc.doc_type)
            if key not in current:
                current[key] = in_force(
                    (Validity(d.id, d.doc_type, d.valid_from, d.valid_to)
                     for d, o, _k in rows if o.id == offered.id), doc.doc_type, day)
        return [TemplateRow(
            id=doc.id, offered_kind_id=offered.id, kind_code=offered.kind_code,
            kind_label=(kind.label_en if language == "en" else kind.label_lv) if kind
            else offered.kind_code,
            doc_type=doc.doc_type, title=doc.title, body=doc.body or "",
            valid_from=doc.valid_from, valid_to=doc.valid_to,
            in_force=current.get((offered.id, doc.doc_type)) == doc.id,
            waiting_sync=doc.id in pending) for doc, offered, kind in rows]


def _check(template_id: str, doc_type: DocumentType, title: str, body: str,
           valid_from: date | None, valid_to: date | None) -> TemplateFields:
    """The registry's payload, or InputError naming the field in Latvian."""
    if DocumentType(doc_type) not in TEMPLATE_TYPES:
        raise InputError("doc_type", "a template is the act's text or usage rules",
                         "Veidne var būt akta teksts vai lietošanas noteikumi")
    if not title.strip():
        raise InputError("title", "a title is required", "Norādiet veidnes nosaukumu")
    if not body.strip():
        raise InputError("body", "the text is empty", "Veidnes teksts ir tukšs")
    unknown = unknown_placeholders(body)
    if unknown:
        known = ", ".join("{{" + n + "}}" for n in PLACEHOLDERS)
        raise InputError("body", f"unknown placeholders: {', '.join(unknown)}",
                         f"Nezināmi aizstājamie lauki: {', '.join(unknown)}. Atļautie: {known}")
    if valid_from is None:
        raise InputError("valid_from", "the first valid day is required",
                         "Norādiet, no kura datuma veidne ir spēkā")
    if valid_to is not None and valid_to < valid_from:
        raise InputError("valid_to", "the last day is before the first",
                         "Veidnes beigu datums ir pirms sākuma datuma")
    try:
        return TemplateFields(id=template_id, doc_type=doc_type, title=" ".join(title.split()),
                              body=body.strip(), valid_from=valid_from, valid_to=valid_to)
    except ValidationError as exc:
        field = str(exc.errors()[0]["loc"][0]) if exc.errors()[0]["loc"] else "body"
        raise InputError(field, exc.errors()[0]["msg"],
                         "Veidne nav derīga: nosaukums līdz 200, teksts līdz 20 000 "
                         "rakstzīmēm") from None


def save_document_template(store: Store, actor: Actor, offered_kind_id: str, *,
                           template_id: str | None, doc_type: DocumentType, title: str,
                           body: str, valid_from: date | None, valid_to: date | None,
                           now: datetime | None = None) -> Outcome:
    """Write a new template or replace one (administrators); one transaction."""
    require(actor, Permission.EDIT_CATALOGUE)
    fields = _check(template_id or new_id(), doc_type, title, body, valid_from, valid_to)
    at = now or utcnow()
    with store.write() as session:
        offered = _offered(session, actor, offered_kind_id)
        doc = session.get(Document, fields.id)
        if doc is not None and (doc.offered_kind_id != offered.id or doc.body is None):
            raise NotFoundError("template", "Veidne", fields.id)
        if doc is None:
            doc = Document(id=fields.id, institution_id=offered.institution_id,
                           offered_kind_id=offered.id, created_at=at)
            session.add(doc)
        doc.doc_type, doc.title, doc.body = fields.doc_type, fields.title, fields.body
        doc.valid_from, doc.valid_to, doc.url = fields.valid_from, fields.valid_to, None
        offered.updated_at = at
        session.flush()
        command_id = record(
            session, actor, action=CommandName.SET_DOCUMENT_TEMPLATE.value,
            entity_type="offered_kind", entity_id=offered.id, changes=[],
            audit_details={"kind": offered.kind_code, "template": fields.id,
                           "doc_type": fields.doc_type.value},
            command=Command("offered_kind", offered.id, CommandName.SET_DOCUMENT_TEMPLATE,
                            offered.server_version,
                            SetDocumentTemplatePayload(offered_kind_id=offered.id,
                                                       kind_code=offered.kind_code,
                                                       template=fields)),
            now=at)
        return Outcome(None, fields.doc_type.value, command_id)


def _offered(session: Session, actor: Actor, offered_kind_id: str) -> OfferedKind:
    offered = session.get(OfferedKind, offered_kind_id)
    if offered is None or offered.institution_id != actor.institution_id:
        raise NotFoundError("offered kind", "Piedāvātais resursu veids", offered_kind_id)
    return offered


def template_in_force(session: Session, institution_id: str, kind_code: str,
                      doc_type: DocumentType, day: date) -> Document | None:
    """The school's template of ``doc_type`` for ``kind_code`` in force on ``day``."""
    docs = session.scalars(
        select(Document).join(OfferedKind, OfferedKind.id == Document.offered_kind_id)
        .where(OfferedKind.institution_id == institution_id,
               OfferedKind.kind_code == kind_code, Document.doc_type == doc_type.value,
               Document.body.is_not(None))).all()
    chosen = in_force((Validity(d.id, d.doc_type, d.valid_from, d.valid_to) for d in docs),
                      doc_type, day)
    return next((d for d in docs if d.id == chosen), None)
