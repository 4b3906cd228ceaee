"""The issuing desk's reads and the filing of acts, Qt-free.

Finding the application at the counter (by number, name or the item's scanned label),
checking a scanned item before it is handed over, the facts an act states, filing the act's
PDF with the application, and the lists of reported incidents and overdue devices.
The state changes themselves live in ``handovers`` (one transaction each).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import cast

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from desktop.models.changes import OpChanges
from desktop.models.codes import (
    ApplicantRole,
    ApplicationStatus,
    DocumentType,
    HandoverStatus,
    ItemStatus,
)
from desktop.models.commands import CommandName, DocumentRef
from desktop.models.decisions import (
    Outcome,
    active_handover,
    check_item_for,
    load_application,
    load_item,
)
from desktop.models.document_templates import template_in_force
from desktop.models.errors import InputError, NotFoundError
from desktop.models.files import DOCUMENTS_DIR, inside, intact
from desktop.models.handovers import prepare_handover
from desktop.models.journal import Actor, record
from desktop.models.lifecycle import file_act_command, file_path
from desktop.models.permissions import Permission, require
from desktop.models.scan_codes import items_matching
from desktop.models.schema import (
    Application,
    Document,
    DocumentAcknowledgement,
    Handover,
    Institution,
    Item,
    ResourceKind,
    fold,
    utcnow,
)
from desktop.models.store import Store
from desktop.models.templates import render
from desktop.models.workflow import GrantRuleError

SEARCH_LIMIT = 50


class DeskScope(StrEnum):
    """Which cases a desk search looks at."""

    TO_ISSUE = "to_issue"  # granted, not yet handed over (no handover, preparing, prepared)
    ISSUED = "issued"  # handed over, for a return


@dataclass(frozen=True)
class DeskRow:
    """One case at the counter, as the desk's list shows it."""

    application_id: int
    number: str
    learner_name: str
    learner_class: str | None
    submitter_name: str
    resource: str
    handover_id: str | None
    handover_status: HandoverStatus | None
    item_id: str | None
    inventory_no: str | None
    act_number: str | None
    return_deadline: date | None
    language: str = "lv"  # the UI's, in which the status is told

    @property
    def status_label(self) -> str:
        if self.handover_status is not None:
            return self.handover_status.label(self.language)
        return ApplicationStatus.CONFIRMED.label(self.language)  # granted, nothing prepared yet


@dataclass(frozen=True)
class CustomerCard:
    """The only facts the applicant-facing screen may show: whose, what, and the act."""

    application_id: int
    handover_id: str
    applicant_name: str
    resource: str
    inventory_no: str
    act_number: str
    item_id: str | None = None
    # The secret the QR code carries (the desk adds it to the URL; the applicant's screen
    # never shows it as text).
    receipt_token: str | None = field(default=None, repr=False)
    # What starting the handover changed (empty when it was already prepared): the screens
    # reload from this, the applicant's screen shows only the fields above.
    changes: OpChanges = field(default_factory=OpChanges, compare=False)


@dataclass(frozen=True)
class HandoverState:
    status: HandoverStatus
    issued_at: datetime | None
    act_filed: bool


@dataclass(frozen=True)
class FiledAct:
    document_id: str
    path: Path  # absolute
    sha256: str


@dataclass(frozen=True)
class IncidentRow:
    handover_id: str
    application_id: int
    number: str
    applicant_name: str
    learner_name: str
    inventory_no: str | None
    status: HandoverStatus  # lost | stolen
    description: str | None
    reported_at: datetime | None


@dataclass(frozen=True)
class OverdueRow:
    handover_id: str
    application_id: int
    number: str
    applicant_name: str
    learner_name: str
    learner_class: str | None
    inventory_no: str | None
    return_deadline: date
    days_overdue: int
    phone: str | None
    email: str | None = None


def _kind_label(session: Session, code: str, language: str = "lv") -> str:
    column = ResourceKind.label_en if language == "en" else ResourceKind.label_lv
    return session.scalar(select(column).where(ResourceKind.code == code)) or code


def _rows_query(actor: Actor) -> Select[Application, Handover | None, Item | None]:
    live = and_(
        Handover.application_id == Application.id,
        Handover.status.in_([HandoverStatus.PREPARING.value, HandoverStatus.PREPARED.value,
                             HandoverStatus.ISSUED.value]),
    )
    query = (
        select(Application, Handover, Item)
        .outerjoin(Handover, live)
        .outerjoin(Item, Item.id == Handover.item_id)
        .where(Application.institution_id == actor.institution_id,
               Application.status == ApplicationStatus.CONFIRMED.value)
    )
    # SQLAlchemy types an entity in select() as always present; the outer joins make the
    # handover and the item optional, which the rows' users must check.
    return cast("Select[Application, Handover | None, Item | None]", query)


def find(store: Store, actor: Actor, text: str, scope: DeskScope = DeskScope.TO_ISSUE,
         *, limit: int = SEARCH_LIMIT, language: str = "lv") -> list[DeskRow]:
    """Cases matching a number, a name (diacritics optional) or an item's inventory number;
    kinds and statuses told in ``language`` (the UI's)."""
    query = _rows_query(actor)
    if scope is DeskScope.ISSUED:
        query = query.where(Handover.status == HandoverStatus.ISSUED.value)
    else:
        query = query.where(or_(Handover.id.is_(None), Handover.status.in_(
            [HandoverStatus.PREPARING.value, HandoverStatus.PREPARED.value])))
    needle = text.strip()
    with store.read() as session:
        if needle:
            # A scanned label may lack the number's diacritics: items are matched folded.
            item_ids = [i for i, _ in items_matching(session, actor.institution_id, needle)]
            query = query.where(or_(
                Application.search_key.contains(fold(needle), autoescape=True),
                Item.id.in_(item_ids),
            ))
        query = query.order_by(Application.learner_sort, Application.id).limit(limit)
        labels: dict[str, str] = {}
        rows = []
        for app, handover, item in session.execute(query).all():
            if app.kind_code not in labels:
                labels[app.kind_code] = _kind_label(session, app.kind_code, language)
            rows.append(DeskRow(
                application_id=app.id, number=app.number, learner_name=app.learner_name,
                learner_class=app.learner_class, submitter_name=app.submitter_name,
                resource=labels[app.kind_code],
                handover_id=handover.id if handover else None,
                handover_status=handover.status if handover else None,
                item_id=item.id if item else None,
                inventory_no=item.inventory_no if item else None,
                act_number=handover.act_number if handover else None,
                return_deadline=handover.return_deadline if handover else None,
                language=language,
            ))
        return rows


def _item_by_inventory(session: Session, actor: Actor, inventory_no: str) -> Item:
    needle = inventory_no.strip()
    if not needle:
        raise InputError("item", "scan or type the inventory number",
                         "Noskenējiet vai ierakstiet resursa inventāra numuru")
    found = items_matching(session, actor.institution_id, needle)
    if not found:
        raise InputError("item", f"no item has the inventory number {needle}",
                         f"Resurss ar inventāra numuru {needle} nav atrasts šīs iestādes "
                         "inventārā")
    if len(found) > 1:
        # Their labels read the same to a scanner: the staff must tell which one it is.
        names = ", ".join(number for _, number in found)
        raise InputError(
            "item", f"{needle} fits more than one item ({names}), whose labels a scanner "
            "cannot tell apart: choose the device in the list, or type its number with its "
            "diacritics",
            f"{needle} atbilst vairākiem resursiem ({names}), kuru uzlīmes skeneris nevar "
            "atšķirt. Izvēlieties resursu sarakstā vai ierakstiet tā inventāra numuru ar "
            "garumzīmēm un mīkstinājuma zīmēm")
    item = session.get(Item, found[0][0])
    assert item is not None  # read in this very session
    return item


def verify_item(store: Store, actor: Actor, application_id: int, inventory_no: str) -> str:
    """The item's id if it may be handed over for this application; else a Latvian refusal.

    The item reserved for the application passes. Another item is refused while one is
    reserved (the desk must not hand out a different device by a slip of the scanner); with
    none reserved, the item must be available and allowed by the grant rule.
    """
    with store.read() as session:
        app = load_application(session, application_id, actor)
        item = _item_by_inventory(session, actor, inventory_no)
        handover = active_handover(session, app.id)
        reserved_id = handover.item_id if handover else None
        if reserved_id is not None and reserved_id != item.id:
            reserved = session.get(Item, reserved_id)
            name = reserved.inventory_no if reserved else reserved_id
            raise InputError(
                "item", f"this application has another item reserved ({name})",
                f"Noskenēts cits resurss ({item.inventory_no}). Šim pieteikumam rezervēts "
                f"resurss {name}")
        if reserved_id == item.id:
            return item.id
        if item.status is not ItemStatus.AVAILABLE:
            raise InputError(
                "item", f"the item is {item.status.value}",
                f"Resurss {item.inventory_no} nav pieejams izsniegšanai: tā statuss ir "
                f"„{item.status.label_lv}“")
        try:
            check_item_for(session, actor, app, item)
        except GrantRuleError as exc:
            raise InputError("item", str(exc), f"Resursu {item.inventory_no} šim pieteikumam "
                             f"izsniegt nevar: {exc.message_lv}") from exc
        return item.id


def start_handover(store: Store, actor: Actor, application_id: int, *,
                   inventory_no: str | None = None, item_id: str | None = None,
                   return_deadline: date | None = None,
                   now: datetime | None = None) -> CustomerCard:
    """Check the scanned (or chosen) item and make the handover "Ready for issue"."""
    require(actor, Permission.HAND_OVER)
    if inventory_no:
        item_id = verify_item(store, actor, application_id, inventory_no)
    with store.read() as session:
        handover = active_handover(session, application_id)
        if handover is not None and handover.status is HandoverStatus.PREPARED and (
                item_id is None or item_id == handover.item_id):
            return _card(session, actor, handover.id)  # already prepared: show it again
    outcome: Outcome = prepare_handover(store, actor, application_id, item_id=item_id,
                                        return_deadline=return_deadline, now=now)
    assert outcome.handover_id is not None
    card = customer_card(store, actor, outcome.handover_id)
    return replace(card, changes=outcome.changes)


def _load_handover(session: Session, actor: Actor, handover_id: str) -> Handover:
    handover = session.get(Handover, handover_id)
    if handover is None or handover.application.institution_id != actor.institution_id:
        raise NotFoundError("handover", "Izsniegšanas ieraksts", handover_id)
    return handover


def _card(session: Session, actor: Actor, handover_id: str) -> CustomerCard:
    handover = _load_handover(session, actor, handover_id)
    app = handover.application
    item = session.get(Item, handover.item_id) if handover.item_id else None
    return CustomerCard(
        application_id=app.id, handover_id=handover.id, applicant_name=app.submitter_name,
        resource=_kind_label(session, app.kind_code),
        inventory_no=item.inventory_no if item else "",
        act_number=handover.act_number or "",
        item_id=handover.item_id,
        receipt_token=handover.receipt_token,
    )


def customer_card(store: Store, actor: Actor, handover_id: str) -> CustomerCard:
    with store.read() as session:
        return _card(session, actor, handover_id)


def _act_title(handover: Handover, *, returned: bool) -> str:
    prefix = "Atgriešanas akts" if returned else "Pieņemšanas-nodošanas akts"
    return f"{prefix} {handover.act_number}"


def handover_state(store: Store, actor: Actor, handover_id: str) -> HandoverState:
    """What the watcher re-reads after each sync."""
    with store.read() as session:
        handover = _load_handover(session, actor, handover_id)
        filed = session.scalar(select(func.count()).select_from(Document).where(
            Document.handover_id == handover.id,
            or_(Document.id == handover.act_document_id,
                Document.title == _act_title(handover, returned=False)))) or 0
        return HandoverState(handover.status, handover.issued_at, filed > 0)


def act_facts(store: Store, actor: Actor, handover_id: str) -> dict[str, object]:
    """The facts of the act as plain values (``desktop.documents.acts.ActData``'s fields)."""
    with store.read() as session:
        handover = _load_handover(session, actor, handover_id)
        app = handover.application
        item = load_item(session, handover.item_id, actor) if handover.item_id else None
        school = session.get(Institution, app.institution_id)
        documents = tuple(session.scalars(
            select(Document.title)
            .join(DocumentAcknowledgement, DocumentAcknowledgement.document_id == Document.id)
            .where(DocumentAcknowledgement.application_id == app.id)
            .order_by(DocumentAcknowledgement.acknowledged_at, Document.title)).all())
        issued = handover.issued_at or handover.prepared_at or handover.created_at
        model = " ".join(p for p in (item.manufacturer, item.model) if p) if item else None
        act_day = issued.astimezone().date()
        template = template_in_force(session, app.institution_id, app.kind_code,
                                     DocumentType.PNA, act_day)
        terms = None if template is None or not template.body else render(template.body, {
            "skola": school.name if school else app.institution_id,
            "skolas_adrese": school.address if school else None,
            "iesniedzejs": app.submitter_name, "izglitojamais": app.learner_name,
            "klase": app.learner_class, "resurss": _kind_label(session, app.kind_code),
            "modelis": model or None, "inventara_nr": item.inventory_no if item else None,
            "serijas_nr": item.serial_no if item else None,
            "akta_nr": handover.act_number, "pieteikuma_nr": app.number,
            "datums": f"{act_day:%d.%m.%Y}",
            "atgriesanas_termins": (f"{handover.return_deadline:%d.%m.%Y}"
                                    if handover.return_deadline else None)})
        return {
            "terms": terms,
            "act_number": handover.act_number or handover.id,
            "application_number": app.number,
            "school_name": school.name if school else app.institution_id,
            "school_address": school.address if school else None,
            "applicant_name": app.submitter_name,
            "applicant_role": ApplicantRole(app.submitter_role).label_lv,
            "learner_name": app.learner_name,
            "learner_class": app.learner_class,
            "resource": _kind_label(session, app.kind_code),
            "inventory_no": item.inventory_no if item else "—",
            "serial_no": item.serial_no if item else None,
            "model": model or None,
            "act_date": act_day,
            "return_deadline": handover.return_deadline,
            "documents": documents,
            "confirmed_at": handover.issued_at.astimezone() if handover.issued_at else None,
            "returned_on": (handover.returned_at.astimezone().date()
                            if handover.returned_at else None),
            "condition": handover.return_condition.label_lv if handover.return_condition
            else None,
            "grade": handover.return_grade.label_lv if handover.return_grade else None,
            "return_notes": handover.return_notes,
            # the kind's checklist as the desk ticked it, in its own order
            "returned_items": tuple(str(e["name"]) for e in handover.return_checklist or ()
                                    if e.get("returned")),
            "missing_items": tuple(str(e["name"]) for e in handover.return_checklist or ()
                                   if not e.get("returned")),
        }


def file_act(store: Store, actor: Actor, handover_id: str, content: bytes, *,
             returned: bool = False, now: datetime | None = None) -> FiledAct:
    """Keep an act's PDF with its application: the file, then its Document row and audit.

    The file goes to ``<data>/documents/<application id>/<act number>[-R].pdf``; filing again
    (a reprint after a correction) replaces the file and updates the same row. If the row
    cannot be written, a new file is removed again, so no file is left without its row.
    """
    require(actor, Permission.HAND_OVER)
    at = now or utcnow()
    digest = hashlib.sha256(content).hexdigest()
    with store.write() as session:
        handover = _load_handover(session, actor, handover_id)
        if not handover.act_number:
            raise InputError("act", "the handover has no act number yet",
                             "Izsniegšanai vēl nav akta numura: vispirms sagatavojiet izsniegšanu")
        if not returned and handover.act_document_id is not None:
            return _filed_elsewhere(store, session, handover)
        app = handover.application
        # The act number came from outside (the central service): one safe-name function,
        # and the file must stay inside the data folder.
        name = f"{handover.act_number}{'-R' if returned else ''}.pdf"
        target = inside(store.data_dir, DOCUMENTS_DIR, str(app.id), name)
        relative = target.relative_to(store.data_dir)
        existed = target.exists()
        # sealed with the store's key (issue 15); the digest above is of the content, what
        # the central service checks and what a reprint elsewhere compares
        store.vault.write(target, content)
        try:
            title = _act_title(handover, returned=returned)
            doc = session.scalars(select(Document).where(
                Document.handover_id == handover.id, Document.title == title)).first()
            if doc is None:
                doc = Document(institution_id=app.institution_id, application_id=app.id,
                               handover_id=handover.id, doc_type=DocumentType.PNA, title=title,
                               created_at=at)
                session.add(doc)
            doc.file_path = relative.as_posix()
            doc.sha256 = digest
            session.flush()
            if not returned and handover.status in _HANDED_OUT:
                # The handover's act for every workstation: the first one filed is the act
                # (the command carries its own audit row).
                file_act_command(session, actor, handover, DocumentRef(
                    id=doc.id, doc_type=DocumentType.PNA, title=title, sha256=digest,
                    size=len(content)), at=at)
            else:
                record(session, actor, action=CommandName.FILE_ACT.value,
                       entity_type="handover", entity_id=handover.id, changes=[],
                       audit_details={"application": app.id, "document": doc.id,
                                      "returned": returned}, now=at)
            return FiledAct(doc.id, target, digest)
        except Exception:
            if not existed:
                target.unlink(missing_ok=True)
            raise


_HANDED_OUT = (HandoverStatus.ISSUED, HandoverStatus.RETURNED, HandoverStatus.LOST,
               HandoverStatus.STOLEN)


def _filed_elsewhere(store: Store, session: Session, handover: Handover) -> FiledAct:
    """The handover's act is known (filed here or on another workstation): never a second
    one. Its file is here once the sync has fetched it."""
    doc = session.get(Document, handover.act_document_id)
    path = file_path(store, doc) if doc is not None else None
    if doc is None or path is None or doc.sha256 is None:
        raise InputError("act", "the act was filed on another workstation and has not been "
                         "fetched yet", "Aktu jau pievienoja cita darbstacija; tas tiks "
                         "saņemts ar nākamo sinhronizāciju")
    return FiledAct(doc.id, path, doc.sha256)


def act_path(store: Store, actor: Actor, handover_id: str, *,
             returned: bool = False) -> Path | None:
    """The filed act's file, if it exists and is intact (the sha256 of its content still
    matches). It may be sealed: read it through ``store.vault``."""
    with store.read() as session:
        handover = _load_handover(session, actor, handover_id)
        doc = None
        if not returned and handover.act_document_id is not None:
            doc = session.get(Document, handover.act_document_id)
        if doc is None:
            doc = session.scalars(select(Document).where(
                Document.handover_id == handover.id,
                Document.title == _act_title(handover, returned=returned))).first()
        if doc is None:
            return None
        relative, digest = doc.file_path, doc.sha256
    return intact(store.data_dir, relative, digest, store.vault)


def open_incidents(store: Store, actor: Actor) -> list[IncidentRow]:
    """Lost/stolen reports from applicants that the school has not acknowledged yet."""
    with store.read() as session:
        rows = session.execute(
            select(Handover, Application, Item.inventory_no)
            .join(Application, Application.id == Handover.application_id)
            .outerjoin(Item, Item.id == Handover.item_id)
            .where(Application.institution_id == actor.institution_id,
                   Handover.status.in_([HandoverStatus.LOST.value,
                                        HandoverStatus.STOLEN.value]),
                   Handover.incident_acknowledged_at.is_(None))
            .order_by(Handover.incident_reported_at, Handover.id)).all()
        return [IncidentRow(h.id, a.id, a.number, a.submitter_name, a.learner_name, inv,
                            h.status, h.incident_description, h.incident_reported_at)
                for h, a, inv in rows]


def overdue(store: Store, actor: Actor, today: date | None = None) -> list[OverdueRow]:
    """Issued devices past their return deadline, the longest overdue first."""
    day = today or date.today()
    with store.read() as session:
        rows = session.execute(
            select(Handover, Application, Item.inventory_no)
            .join(Application, Application.id == Handover.application_id)
            .outerjoin(Item, Item.id == Handover.item_id)
            .where(Application.institution_id == actor.institution_id,
                   Handover.status == HandoverStatus.ISSUED.value,
                   Handover.return_deadline < day)
            .order_by(Handover.return_deadline, Application.number)).all()
        return [OverdueRow(h.id, a.id, a.number, a.submitter_name, a.learner_name,
                           a.learner_class, inv, h.return_deadline,
                           (day - h.return_deadline).days, a.phone, a.email)
                for h, a, inv in rows if h.return_deadline is not None]
