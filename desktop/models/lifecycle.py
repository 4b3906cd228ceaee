"""The handover's life beyond the counter: prepared ahead with a pickup arrangement, signed on
paper, return deadlines, losses recorded by staff, closing a case, and each handover's act
filed once for every workstation.

Every operation is one registry command per application (``operations``), one transaction for
the whole request: a selection is decided inside one ``store.write()``, each application as a
savepoint, so one that a rule refuses is reported and the others stand. Files that go with a
command (a signed scan, a police report) are stored with their ``Document`` row in the same
transaction; the sync sends their bytes before the command.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.bulk import BulkResult, each_application
from desktop.models.codes import DocumentType, HandoverStatus
from desktop.models.commands import (
    MAX_FILE_BYTES,
    Arrangement,
    ArrangePickupPayload,
    CloseCasePayload,
    CommandName,
    DocumentRef,
    FileActPayload,
    IncidentPayload,
    Payload,
    RemindPayload,
    SetDeadlinePayload,
    SignPayload,
    spec,
)
from desktop.models.decisions import (
    Outcome,
    active_handover,
    clean_reason,
    free_id,
    load_application,
    offerable_items,
)
from desktop.models.device_choices import DeviceChoice, describe_items
from desktop.models.errors import InputError, NotFoundError
from desktop.models.files import DOCUMENTS_DIR, inside, intact
from desktop.models.handovers import prepare_handover_body
from desktop.models.journal import Actor
from desktop.models.operations import run_application_command
from desktop.models.permissions import Permission, require
from desktop.models.schema import (
    Application,
    Document,
    Handover,
    Institution,
    OutboxCommand,
    new_id,
    utcnow,
)
from desktop.models.store import Store

#: What an attachment may be: a scan or a photo of a paper, or a PDF.
_MAGIC = {b"%PDF-": ".pdf", b"\x89PNG\r\n\x1a\n": ".png", b"\xff\xd8\xff": ".jpg"}


@dataclass(frozen=True)
class PickupPlan:
    """The pickup a person arranged in a form; checked into an ``Arrangement``."""

    place: str
    starts_at: datetime
    ends_at: datetime
    contact_person: str
    contact_phone: str | None = None


@dataclass(frozen=True)
class NewFile:
    """A file a person chose to attach: its name (for the title) and its bytes."""

    name: str
    content: bytes


def arrangement(plan: PickupPlan) -> Arrangement:
    """The plan as the command carries it, or ``InputError`` naming what is wrong."""
    phone = "".join((plan.contact_phone or "").split()) or None
    if phone is not None and not phone.startswith("+"):
        phone = "+371" + phone  # a Latvian number typed without its country code
    try:
        return Arrangement(place=plan.place.strip(), starts_at=plan.starts_at,
                           ends_at=plan.ends_at, contact_person=plan.contact_person.strip(),
                           contact_phone=phone)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = str(first["loc"][0]) if first["loc"] else "arrangement"
        lv = {
            "place": "Norādiet saņemšanas vietu (līdz 200 rakstzīmēm)",
            "contact_person": "Norādiet skolas kontaktpersonu (līdz 200 rakstzīmēm)",
            "contact_phone": "Tālruņa numurs: 8 līdz 15 cipari, piemēram, +37167000000",
        }.get(where, "Saņemšanas laikam jābeidzas pēc tā sākuma un jāilgst ne vairāk kā "
                     "divus mēnešus")
        raise InputError(where, first["msg"], lv) from None


def default_return_deadline(store: Store, actor: Actor) -> date | None:
    """The school's default return deadline (the settings), if it set one."""
    with store.read() as session:
        inst = session.get(Institution, actor.institution_id)
        return inst.default_return_deadline if inst is not None else None


def prepare_device_choices(store: Store, actor: Actor, application_id: int,
                           language: str = "lv") -> tuple[list[DeviceChoice], str | None]:
    """The devices one application may be prepared with, described, and the inventory number
    of the one already reserved for it (None when none).

    The others are the grant rule's choice (the prepare rule checks the same: the kind asked
    for, available, allowed for the applicant). A device reserved at the grant is among them:
    preparing without naming a device keeps it, so the person sees it and may swap it.
    Raises ``NotFoundError`` for an application of another school or none."""
    allowed = [item_id for item_id, _ in offerable_items(store, actor, application_id)]
    with store.read() as session:
        handover = active_handover(session, application_id)
        reserved_id = (handover.item_id if handover is not None
                       and handover.status is HandoverStatus.PREPARING else None)
    wanted = allowed if reserved_id is None else [*allowed, reserved_id]
    choices = describe_items(store, actor.institution_id, wanted, language)
    reserved = next((c.inventory_no for c in choices if c.item_id == reserved_id), None)
    return choices, reserved


def prepare_ahead(
    store: Store,
    actor: Actor,
    application_ids: Iterable[int],
    plan: PickupPlan,
    *,
    item_ids: Mapping[int, str] | None = None,
    notify: bool = True,
    return_deadline: date | None = None,
    allow_other_kind: bool = False,
    now: datetime | None = None,
) -> BulkResult:
    """Prepare granted applications ahead of the visit, each with the same arrangement.

    Where ``item_ids`` names a device the handover becomes "Ready for issue" with it reserved;
    without one the arrangement is recorded and the desk picks the device when they come.
    The return deadline defaults to the school's. ``notify`` asks the central service to tell
    the applicant. Raises ``InputError`` (nothing written) for a bad arrangement.
    """
    require(actor, Permission.HAND_OVER)
    agreed = arrangement(plan)
    at = now or utcnow()
    deadline = return_deadline or default_return_deadline(store, actor)
    chosen = dict(item_ids or {})

    def act(session: Session, app_id: int) -> object:
        item_id = chosen.get(app_id)
        handover = active_handover(session, app_id)
        if item_id is not None or (handover is not None and handover.item_id is not None):
            return prepare_handover_body(
                session, actor, app_id, item_id=item_id, return_deadline=deadline, at=at,
                arrangement=agreed, notify=notify, allow_other_kind=allow_other_kind)
        hid = handover.id if handover is not None else free_id(session, None)
        return run_application_command(
            session, actor, load_application(session, app_id, actor), CommandName.ARRANGE_PICKUP,
            ArrangePickupPayload(handover_id=hid, arrangement=agreed, notify=notify,
                                 return_deadline=deadline),
            at=at, audit_entity=("handover", hid),
            audit_details={"application": app_id, "notify": notify})

    return each_application(store, application_ids, act)


def _handover(session: Session, actor: Actor, handover_id: str) -> Handover:
    handover = session.get(Handover, handover_id)
    if handover is None or handover.application.institution_id != actor.institution_id:
        raise NotFoundError("handover", "Izsniegšanas ieraksts", handover_id)
    return handover


def _outcome(h: Handover, command_id: str) -> Outcome:
    return Outcome(h.application_id, h.status.value, command_id, h.id, h.item_id)


# -- files -----------------------------------------------------------------------------------


def suffix_of(content: bytes) -> str:
    """The file name suffix of a PDF, PNG or JPEG; InputError for anything else."""
    for magic, suffix in _MAGIC.items():
        if content.startswith(magic):
            return suffix
    raise InputError("file", "only PDF, PNG and JPEG files can be attached",
                     "Pievienot var tikai PDF, PNG vai JPEG failus")


def store_file(session: Session, store: Store, app_id: int, handover_id: str | None,
               doc_type: DocumentType, title: str, content: bytes, *,
               doc_id: str | None = None, at: datetime) -> DocumentRef:
    """Write ``content`` under ``documents/<application>/`` with its Document row.

    The file is written before the row (the caller's transaction); a file without a row is
    swept by retention, a row is never left without its file.
    """
    if not content:
        raise InputError("file", "the file is empty", "Fails ir tukšs")
    if len(content) > MAX_FILE_BYTES:
        raise InputError("file", "the file is larger than 20 MB",
                         "Fails ir lielāks par 20 MB")
    suffix = suffix_of(content)
    doc_id = doc_id or new_id()
    digest = hashlib.sha256(content).hexdigest()
    # sealed with the store's key (issue 15); the row keeps the content's sha256
    target = store.vault.write(inside(store.data_dir, DOCUMENTS_DIR, str(app_id),
                                      f"{doc_id}{suffix}"), content)
    title = " ".join(title.split())[:200] or doc_type.label_lv
    session.add(Document(id=doc_id, institution_id=_institution_of(session, app_id),
                         application_id=app_id, handover_id=handover_id, doc_type=doc_type,
                         title=title, file_path=target.relative_to(store.data_dir).as_posix(),
                         sha256=digest, created_at=at))
    session.flush()
    return DocumentRef(id=doc_id, doc_type=doc_type, title=title, sha256=digest,
                       size=len(content))


def _institution_of(session: Session, app_id: int) -> str:
    app = session.get(Application, app_id)
    assert app is not None
    return app.institution_id


def file_path(store: Store, doc: Document) -> Path | None:
    """A document's file, if it is here and intact (the sha256 of its content still matches);
    it may be sealed: read it through ``store.vault``."""
    return intact(store.data_dir, doc.file_path, doc.sha256, store.vault)


# -- signed on paper, the act --------------------------------------------------------------


def sign_on_paper(store: Store, actor: Actor, handover_id: str, act_pdf: bytes, *,
                  scan: NewFile | None = None, now: datetime | None = None) -> Outcome:
    """The applicant signed the paper act at the desk: the handover is issued, the paper
    act (and the scan of the signed page, if there is one) filed as its act."""
    require(actor, Permission.HAND_OVER)
    at = now or utcnow()
    with store.write() as session:
        h = _handover(session, actor, handover_id)
        if h.status is not HandoverStatus.PREPARED:
            raise InputError("handover", "only a handover ready for issue can be signed",
                             "Uz papīra parakstīt var tikai tad, ja izsniegšana ir „Gatavs izsniegšanai“")
        app_id = h.application_id
        act = store_file(session, store, app_id, h.id, DocumentType.PNA,
                         f"Pieņemšanas-nodošanas akts {h.act_number}", act_pdf, at=at)
        scanned = None
        if scan is not None:
            scanned = store_file(session, store, app_id, h.id, DocumentType.PNA_SIGNED,
                                 f"Parakstītais akts {h.act_number} ({scan.name})",
                                 scan.content, at=at)
        _, command_id = run_application_command(
            session, actor, h.application, CommandName.SIGN_HANDOVER,
            SignPayload(handover_id=h.id, act=act, scan=scanned), at=at,
            audit_entity=("handover", h.id),
            audit_details={"application": app_id, "document": act.id,
                           "scan": scanned.id if scanned else None})
        return _outcome(h, command_id)


def file_act_command(session: Session, actor: Actor, h: Handover, act: DocumentRef, *,
                     at: datetime) -> str | None:
    """Queue the act as the handover's act, unless it has one already (then None)."""
    if h.act_document_id is not None:
        return None
    _, command_id = run_application_command(
        session, actor, h.application, CommandName.FILE_ACT,
        FileActPayload(handover_id=h.id, act=act), at=at, audit_entity=("handover", h.id),
        audit_details={"application": h.application_id, "document": act.id})
    return command_id


#: How far back the sync files missing acts by itself; an older case's act is made when a
#: person opens it (a first sync must not render the acts of years of handovers).
AUTO_FILE_DAYS = 60


#: Acts one sync round files at most (~15 ms each): a backlog (a first sync) is worked off
#: over the following rounds instead of stretching one sync by seconds.
ACTS_PER_ROUND = 10


def acts_to_file(store: Store, actor: Actor, limit: int = ACTS_PER_ROUND,
                 now: datetime | None = None) -> list[str]:
    """Handovers confirmed (anywhere) lately whose act nobody has filed yet: this workstation
    files them. Those with an act command still unsent are left to it."""
    since = (now or utcnow()) - timedelta(days=AUTO_FILE_DAYS)
    with store.read() as session:
        pending = select(OutboxCommand.application_id).where(
            OutboxCommand.command.in_([CommandName.FILE_ACT.value,
                                       CommandName.SIGN_HANDOVER.value]),
            OutboxCommand.state.in_(["pending", "conflict"]))
        rows = session.scalars(
            select(Handover.id)
            .join(Application, Application.id == Handover.application_id)
            .where(Application.institution_id == actor.institution_id,
                   Handover.status.in_([HandoverStatus.ISSUED.value,
                                        HandoverStatus.RETURNED.value,
                                        HandoverStatus.LOST.value,
                                        HandoverStatus.STOLEN.value]),
                   Handover.act_document_id.is_(None),
                   Handover.act_number.is_not(None),
                   Handover.issued_at >= since,
                   Application.id.not_in(pending))
            .order_by(Handover.issued_at, Handover.id).limit(limit)).all()
        return list(rows)


# -- return deadlines ------------------------------------------------------------------------


def set_return_deadlines(store: Store, actor: Actor, handover_ids: Sequence[str],
                         deadline: date, *, notify: bool = True,
                         now: datetime | None = None) -> BulkResult:
    """Change the return deadline of each handover (a selection in one transaction)."""
    require(actor, Permission.HAND_OVER)
    at = now or utcnow()
    if deadline < at.astimezone().date():
        raise InputError("return_deadline", f"the deadline {deadline.isoformat()} is past",
                         f"Atgriešanas termiņš {deadline:%d.%m.%Y} ir pagātnē")
    by_app: dict[int, str] = {}
    with store.read() as session:
        for hid in dict.fromkeys(handover_ids):
            by_app[_handover(session, actor, hid).application_id] = hid

    def act(session: Session, app_id: int) -> object:
        h = _handover(session, actor, by_app[app_id])
        return run_application_command(
            session, actor, h.application, CommandName.SET_RETURN_DEADLINE,
            SetDeadlinePayload(handover_id=h.id, return_deadline=deadline, notify=notify),
            at=at, audit_entity=("handover", h.id),
            audit_details={"application": app_id, "return_deadline": deadline.isoformat(),
                           "notify": notify})

    return each_application(store, by_app, act)


# -- losses and closing ----------------------------------------------------------------------


def record_incident(store: Store, actor: Actor, handover_id: str, *, lost: bool,
                    description: str, occurred_on: date,
                    attachments: Sequence[NewFile] = (),
                    now: datetime | None = None) -> Outcome:
    """Staff record a loss or theft (the parent phoned it in), with files such as the
    police report; the device becomes lost or stolen at once."""
    require(actor, Permission.HAND_OVER)
    text = clean_reason(description, required=True) or ""
    if len(attachments) > 10:
        raise InputError("attachments", "at most 10 files", "Ne vairāk kā 10 pielikumi")
    at = now or utcnow()
    with store.write() as session:
        h = _handover(session, actor, handover_id)
        refs = [store_file(session, store, h.application_id, h.id,
                           DocumentType.INCIDENT_ATTACHMENT, f.name, f.content, at=at)
                for f in attachments]
        _, command_id = run_application_command(
            session, actor, h.application, CommandName.RECORD_INCIDENT,
            IncidentPayload(handover_id=h.id, kind="lost" if lost else "stolen",
                            description=text, occurred_on=occurred_on, attachments=refs),
            at=at, audit_entity=("handover", h.id),
            audit_details={"application": h.application_id,
                           "incident": "lost" if lost else "stolen",
                           "attachments": len(refs)})
        return _outcome(h, command_id)


def remind_return(store: Store, actor: Actor, handover_ids: Sequence[str], *,
                  now: datetime | None = None) -> BulkResult:
    """Ask the central service to remind the applicants of overdue devices (a selection of
    the overdue list, one transaction); one not overdue any more is reported, not sent."""
    require(actor, Permission.HAND_OVER)
    at = now or utcnow()
    by_app: dict[int, str] = {}
    with store.read() as session:
        for hid in dict.fromkeys(handover_ids):
            by_app[_handover(session, actor, hid).application_id] = hid

    def act(session: Session, app_id: int) -> object:
        h = _handover(session, actor, by_app[app_id])
        return run_application_command(
            session, actor, h.application, CommandName.REMIND_RETURN,
            RemindPayload(handover_id=h.id), at=at, audit_entity=("handover", h.id),
            audit_details={"application": app_id})

    return each_application(store, by_app, act)


def close_case(store: Store, actor: Actor, handover_id: str, notes: str | None = None, *,
               now: datetime | None = None) -> Outcome:
    """Close a lost or stolen case: its data is deleted 25 months from now."""
    require(actor, Permission.HAND_OVER)
    text = clean_reason(notes, required=False)
    at = now or utcnow()
    with store.write() as session:
        h = _handover(session, actor, handover_id)
        _, command_id = run_application_command(
            session, actor, h.application, CommandName.CLOSE_CASE,
            CloseCasePayload(handover_id=h.id, notes=text), at=at,
            audit_entity=("handover", h.id), audit_details={"application": h.application_id})
        return _outcome(h, command_id)


def run_again(store: Store, actor: Actor, application_id: int, name: CommandName,
              payload: Payload, *, now: datetime | None = None) -> Outcome:
    """A lifecycle command made again as it was (re-applying a conflict): its ids and
    files are the same, the rule judges it on the current state."""
    require(actor, spec(name).permission)
    at = now or utcnow()
    with store.write() as session:
        app = load_application(session, application_id, actor)
        hid = getattr(payload, "handover_id", None)
        _, command_id = run_application_command(
            session, actor, app, name, payload, at=at,
            audit_entity=("handover", hid) if hid else None,
            audit_details={"application": application_id, "again": True})
        h = session.get(Handover, hid) if hid else None
        return Outcome(application_id, h.status.value if h else app.status.value, command_id,
                       hid, h.item_id if h else None)
