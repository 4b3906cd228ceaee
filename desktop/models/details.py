"""Everything the detail view shows about one application, read in one go.

``application_detail`` answers with frozen dataclasses only (no ORM objects leave the core),
with the display labels already chosen for the requested language. It costs one query per
collection (statuses, documents, handovers with their items, history, outbox), never one per
row.

Personal codes are carried in full for the view's "show" button, but never in ``repr`` (so a
detail written to a log by mistake does not leak them); the masked form is the default.

Files (a handover's act, its attachments) are only checked, never carried: ``available`` says
the file is on this workstation and intact (the sha256 of its content matches; a sealed file
is opened whole to check it, at most 20 MB). ``document_file`` gives the view the path to
open or print (read it through the store's vault: on disk it may be sealed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, or_, select

from desktop.models.codes import (
    ApplicantRole,
    ApplicationStatus,
    CancelReason,
    CommandState,
    DocumentType,
    GuardianCheck,
    HandoverStatus,
    ItemStatus,
    NotificationKind,
    ReturnCondition,
    SocialStatus,
    WithdrawalReason,
)
from desktop.models.duplicates import others_column, split_others
from desktop.models.files import intact
from desktop.models.journal import Actor
from desktop.models.lifecycle import file_path
from desktop.models.schema import (
    Application,
    ApplicationSocialStatus,
    Document,
    DocumentAcknowledgement,
    Handover,
    Item,
    OutboxCommand,
    ResourceKind,
    StatusHistory,
)
from desktop.models.store import Store
from desktop.models.validation import mask_personal_code

CENTRAL_SOURCE = "central"

_SOCIAL_ORDER = {status: n for n, status in enumerate(SocialStatus)}

# Which classifier a history row's from/to codes belong to.
_STATUS_CODES: dict[str, type[StrEnum]] = {
    "application": ApplicationStatus,
    "handover": HandoverStatus,
    "item": ItemStatus,
}


@dataclass(frozen=True)
class SocialStatusDetail:
    status: SocialStatus
    label: str
    viis_code: str
    confirmed: bool
    confirmed_at: datetime | None


@dataclass(frozen=True)
class DocumentDetail:
    """A document the applicant confirmed having read in the e-service."""

    title: str
    doc_type: DocumentType
    type_label: str
    acknowledged_at: datetime
    url: str | None = None


@dataclass(frozen=True)
class AttachmentDetail:
    """A file filed with a handover (the scan of a paper act, a police report…)."""

    id: str  # the Document id
    doc_type: DocumentType
    type_label: str
    title: str
    available: bool  # the file is on this workstation and intact


@dataclass(frozen=True)
class NotificationDetail:
    """A message the central service sent to the applicant's contacts."""

    kind: str  # a NotificationKind code (an unknown code is kept as it is)
    kind_label: str
    at: datetime
    channels: tuple[str, ...]  # "email", "sms"
    handover_id: str | None = None


@dataclass(frozen=True)
class HandoverDetail:
    id: str
    status: HandoverStatus
    status_label: str
    act_number: str | None
    item_id: str | None
    # None when the item is not (yet) in the local store: references across aggregates are
    # plain columns, and the item may arrive a page after the handover that names it.
    item_inventory_no: str | None
    item_manufacturer: str | None
    item_model: str | None
    created_at: datetime
    status_changed_at: datetime
    prepared_at: datetime | None
    issued_at: datetime | None
    returned_at: datetime | None
    return_deadline: date | None
    return_condition: ReturnCondition | None
    return_condition_label: str | None
    return_notes: str | None
    cancel_reason: CancelReason | None
    cancel_reason_label: str | None
    incident_description: str | None
    incident_reported_at: datetime | None
    incident_acknowledged_at: datetime | None
    closed_at: datetime | None
    item_serial_no: str | None = None
    # the pickup the school arranged ahead of the visit
    pickup_place: str | None = None
    pickup_from: datetime | None = None
    pickup_to: datetime | None = None
    contact_person: str | None = None
    contact_phone: str | None = None
    kind_differs: bool = False  # the device is of another kind than the one applied for
    issued_on_paper: bool = False
    act_document_id: str | None = None
    act_available: bool = False  # the act's file is on this workstation and intact
    attachments: tuple[AttachmentDetail, ...] = ()
    incident_occurred_on: date | None = None

    @property
    def arranged(self) -> bool:
        """A pickup arrangement is recorded."""
        return any(v is not None for v in (self.pickup_place, self.pickup_from,
                                           self.contact_person))

    @property
    def incident(self) -> bool:
        """A loss or theft is on record."""
        return (self.status in (HandoverStatus.LOST, HandoverStatus.STOLEN)
                or bool(self.incident_description) or self.incident_reported_at is not None)

    @property
    def can_sign_on_paper(self) -> bool:
        return self.status is HandoverStatus.PREPARED

    @property
    def can_change_deadline(self) -> bool:
        return self.status in (HandoverStatus.PREPARING, HandoverStatus.PREPARED,
                               HandoverStatus.ISSUED)

    @property
    def can_record_incident(self) -> bool:
        return self.status is HandoverStatus.ISSUED

    @property
    def can_close_case(self) -> bool:
        """A lost or stolen case the school acknowledged and has not closed yet."""
        return (self.status in (HandoverStatus.LOST, HandoverStatus.STOLEN)
                and self.incident_acknowledged_at is not None and self.closed_at is None)

    @property
    def item_known(self) -> bool:
        return self.item_inventory_no is not None

    @property
    def item_description(self) -> str | None:
        """"Lenovo ThinkPad E14" or None when nothing is known about the device."""
        text = " ".join(p for p in (self.item_manufacturer, self.item_model) if p)
        return text or None


@dataclass(frozen=True)
class DuplicateDetail:
    """Another open application of the same learner for the same kind (checkDuplicate)."""

    id: int
    number: str
    status: ApplicationStatus
    status_label: str


@dataclass(frozen=True)
class TimelineEntry:
    """One status change of the application or one of its handovers."""

    id: int
    entity_type: str  # application | handover
    entity_id: str
    action: str
    from_status: str | None
    from_label: str | None
    to_status: str
    to_label: str
    reason: str | None
    actor: str
    source: str  # local | central
    at: datetime

    @property
    def central(self) -> bool:
        """The change came from the central service (the e-service side)."""
        return self.source == CENTRAL_SOURCE


@dataclass(frozen=True)
class ApplicationDetail:
    id: int
    number: str
    institution_id: str
    status: ApplicationStatus
    status_label: str
    submitted_at: datetime
    status_changed_at: datetime
    kind_code: str
    kind_label: str  # the code itself while the kind is not known locally
    submitter_name: str
    submitter_role: ApplicantRole
    submitter_role_label: str
    submitter_code_masked: str
    learner_name: str
    learner_class: str | None
    learner_code_masked: str
    guardian_check: GuardianCheck
    guardian_check_label: str
    guardian_checked_at: datetime | None
    social_statuses: tuple[SocialStatusDetail, ...]
    documents: tuple[DocumentDetail, ...]
    phone: str | None
    email: str | None
    notes: str | None
    decision_reason: str | None
    revisit_on: date | None
    withdrawal_reason: WithdrawalReason | None
    withdrawal_reason_label: str | None
    handovers: tuple[HandoverDetail, ...]  # oldest first
    commands_waiting: int
    in_conflict: bool
    timeline: tuple[TimelineEntry, ...]  # oldest first
    notifications: tuple[NotificationDetail, ...] = ()  # oldest first
    duplicates: tuple[DuplicateDetail, ...] = ()  # by number
    # Full codes, for the one place a person must compare them; never in repr.
    submitter_personal_code: str = field(default="", repr=False)
    learner_personal_code: str = field(default="", repr=False)

    @property
    def current_handover(self) -> HandoverDetail | None:
        """The newest handover (the active one, if there is one)."""
        return self.handovers[-1] if self.handovers else None

    @property
    def social_status_confirmed(self) -> bool:
        return any(s.confirmed for s in self.social_statuses)


def _label(code: StrEnum | None, language: str) -> str | None:
    if code is None:
        return None
    label = getattr(code, "label", None)
    return label(language) if callable(label) else str(code)


def _status_label(entity_type: str, code: str | None, language: str) -> str | None:
    """The label of a history row's status code; an unknown code is shown as it is."""
    if code is None:
        return None
    enum = _STATUS_CODES.get(entity_type)
    if enum is None:
        return code
    try:
        return _label(enum(code), language)
    except ValueError:
        return code


def _intact(store: Store, relative: str | None, sha256: str | None) -> bool:
    return intact(store.data_dir, relative, sha256, store.vault) is not None


def _refs(value: object) -> list[Mapping[str, Any]]:
    """The well-formed entries of a JSON list column (a damaged row shows nothing, not a crash)."""
    if not isinstance(value, list):
        return []
    return [entry for entry in value if isinstance(entry, Mapping) and entry.get("id")]


def _document_type(code: object) -> DocumentType:
    try:
        return DocumentType(str(code))
    except ValueError:
        return DocumentType.INCIDENT_ATTACHMENT


def _instant(value: object) -> datetime | None:
    """An ISO timestamp from a JSON column, as an aware datetime (UTC when it names none)."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return None
    else:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _notifications(value: object, language: str) -> tuple[NotificationDetail, ...]:
    found = []
    for entry in value if isinstance(value, list) else []:
        if not isinstance(entry, Mapping):
            continue
        at = _instant(entry.get("at"))
        if at is None:
            continue
        code = str(entry.get("kind") or "")
        try:
            label = NotificationKind(code).label(language)
        except ValueError:
            label = code  # a kind this version does not know yet
        channels = entry.get("channels")
        found.append(NotificationDetail(
            kind=code, kind_label=label, at=at,
            channels=tuple(str(c) for c in channels) if isinstance(channels, list) else (),
            handover_id=str(entry["handover_id"]) if entry.get("handover_id") else None))
    return tuple(sorted(found, key=lambda n: n.at))


def _available_documents(store: Store, rows: Iterable[tuple[str, str | None, str | None]],
                         ) -> dict[str, str]:
    """Document id -> sha256 of the documents whose files are here and intact."""
    return {doc_id: sha for doc_id, relative, sha in rows
            if sha is not None and _intact(store, relative, sha)}


def document_file(store: Store, actor: Actor, document_id: str) -> Path | None:
    """The intact local file of one of the actor's school's documents, to open or print;
    None when it is not this school's, not here (yet) or damaged."""
    with store.read() as session:
        doc = session.get(Document, document_id)
        if doc is None or doc.institution_id != actor.institution_id:
            return None
        if doc.application_id is not None:
            owner = session.scalar(select(Application.institution_id)
                                   .where(Application.id == doc.application_id))
            if owner != actor.institution_id:
                return None
    return file_path(store, doc)  # the loaded row stays readable after the session


def application_detail(
    store: Store, institution_id: str, application_id: int, *, language: str = "lv"
) -> ApplicationDetail | None:
    """The application with everything that hangs on it, or None if it is not this school's."""
    kind_label = ResourceKind.label_en if language == "en" else ResourceKind.label_lv
    with store.read() as s:
        row = s.execute(
            select(Application, kind_label, others_column(Application))
            .outerjoin(ResourceKind, ResourceKind.code == Application.kind_code)
            .where(Application.id == application_id,
                   Application.institution_id == institution_id)
        ).one_or_none()
        if row is None:
            return None
        app, kind, others = row

        socials = s.execute(
            select(ApplicationSocialStatus.status, ApplicationSocialStatus.viis_code,
                   ApplicationSocialStatus.confirmed, ApplicationSocialStatus.confirmed_at)
            .where(ApplicationSocialStatus.application_id == app.id)
        ).all()
        # in the classifier's own order (T, M, I, P), not alphabetically by code
        socials = sorted(socials, key=lambda r: _SOCIAL_ORDER[r[0]])

        documents = s.execute(
            select(Document.title, Document.doc_type, DocumentAcknowledgement.acknowledged_at,
                   Document.url)
            .join(Document, Document.id == DocumentAcknowledgement.document_id)
            .where(DocumentAcknowledgement.application_id == app.id)
            .order_by(DocumentAcknowledgement.acknowledged_at, Document.title)
        ).all()

        handover_rows = s.execute(
            select(Handover, Item.inventory_no, Item.manufacturer, Item.model,
                   Item.serial_no)
            # no foreign key: the item may not have reached this store yet
            .outerjoin(Item, and_(Item.id == Handover.item_id,
                                  Item.institution_id == app.institution_id))
            .where(Handover.application_id == app.id)
            .order_by(Handover.created_at, Handover.id)
        ).all()
        handover_ids = [h.id for h, *_ in handover_rows]
        # the act and the attachments: a file is here when its Document row is (the sync
        # writes the row once it has fetched the file)
        document_ids = {str(ref["id"]) for h, *_ in handover_rows for ref in _refs(h.attachments)}
        document_ids.update(h.act_document_id for h, *_ in handover_rows if h.act_document_id)
        document_rows = s.execute(
            select(Document.id, Document.file_path, Document.sha256)
            .where(Document.id.in_(document_ids),
                   Document.institution_id == app.institution_id)
        ).all() if document_ids else []

        history_filter = StatusHistory.application_id == app.id
        if handover_ids:
            history_filter = or_(
                history_filter,
                and_(StatusHistory.entity_type == "handover",
                     StatusHistory.entity_id.in_(handover_ids)),
            )
        history = s.execute(
            select(StatusHistory.id, StatusHistory.entity_type, StatusHistory.entity_id,
                   StatusHistory.action, StatusHistory.from_status, StatusHistory.to_status,
                   StatusHistory.reason, StatusHistory.actor, StatusHistory.source,
                   StatusHistory.at)
            .where(history_filter, StatusHistory.entity_type.in_(("application", "handover")))
            .order_by(StatusHistory.at, StatusHistory.id)
        ).all()

        commands = dict(
            s.execute(
                select(OutboxCommand.state, func.count())
                .where(OutboxCommand.application_id == app.id,
                       OutboxCommand.state.in_((CommandState.PENDING.value,
                                                CommandState.CONFLICT.value)))
                .group_by(OutboxCommand.state)
            ).all()
        )

    # the session is closed: hashing files holds no read transaction open
    available = _available_documents(store, document_rows)

    def attachments(h: Handover) -> tuple[AttachmentDetail, ...]:
        found = []
        for ref in _refs(h.attachments):
            doc_type = _document_type(ref.get("doc_type"))
            sha = available.get(str(ref["id"]))
            found.append(AttachmentDetail(
                id=str(ref["id"]), doc_type=doc_type, type_label=doc_type.label(language),
                title=str(ref.get("title") or doc_type.label(language)),
                available=sha is not None and ref.get("sha256") in (None, sha)))
        return tuple(found)

    def act_available(h: Handover) -> bool:
        sha = available.get(h.act_document_id) if h.act_document_id else None
        return sha is not None and h.act_sha256 in (None, sha)

    handovers = tuple(
        HandoverDetail(
            id=h.id,
            status=h.status,
            status_label=h.status.label(language),
            act_number=h.act_number,
            item_id=h.item_id,
            item_inventory_no=inventory_no,
            item_manufacturer=manufacturer,
            item_model=model,
            created_at=h.created_at,
            status_changed_at=h.status_changed_at,
            prepared_at=h.prepared_at,
            issued_at=h.issued_at,
            returned_at=h.returned_at,
            return_deadline=h.return_deadline,
            return_condition=h.return_condition,
            return_condition_label=_label(h.return_condition, language),
            return_notes=h.return_notes,
            cancel_reason=h.cancel_reason,
            cancel_reason_label=_label(h.cancel_reason, language),
            incident_description=h.incident_description,
            incident_reported_at=h.incident_reported_at,
            incident_acknowledged_at=h.incident_acknowledged_at,
            closed_at=h.closed_at,
            item_serial_no=serial_no,
            pickup_place=h.pickup_place,
            pickup_from=h.pickup_from,
            pickup_to=h.pickup_to,
            contact_person=h.contact_person,
            contact_phone=h.contact_phone,
            kind_differs=bool(h.kind_differs),
            issued_on_paper=bool(h.issued_on_paper),
            act_document_id=h.act_document_id,
            act_available=act_available(h),
            attachments=attachments(h),
            incident_occurred_on=h.incident_occurred_on,
        )
        for h, inventory_no, manufacturer, model, serial_no in handover_rows
    )

    return ApplicationDetail(
        id=app.id,
        number=app.number,
        institution_id=app.institution_id,
        status=app.status,
        status_label=app.status.label(language),
        submitted_at=app.submitted_at,
        status_changed_at=app.status_changed_at,
        kind_code=app.kind_code,
        kind_label=kind or app.kind_code,
        submitter_name=app.submitter_name,
        submitter_role=app.submitter_role,
        submitter_role_label=app.submitter_role.label(language),
        submitter_code_masked=mask_personal_code(app.submitter_personal_code),
        learner_name=app.learner_name,
        learner_class=app.learner_class,
        learner_code_masked=mask_personal_code(app.learner_personal_code),
        guardian_check=app.guardian_check,
        guardian_check_label=app.guardian_check.label(language),
        guardian_checked_at=app.guardian_checked_at,
        social_statuses=tuple(
            SocialStatusDetail(status=status, label=status.label(language),
                               viis_code=viis or status.viis_code, confirmed=bool(ok),
                               confirmed_at=confirmed_at)
            for status, viis, ok, confirmed_at in socials
        ),
        documents=tuple(
            DocumentDetail(title=title, doc_type=doc_type,
                           type_label=doc_type.label(language), acknowledged_at=at,
                           url=url)
            for title, doc_type, at, url in documents
        ),
        phone=app.phone,
        email=app.email,
        notes=app.notes,
        decision_reason=app.decision_reason,
        revisit_on=app.revisit_on,
        withdrawal_reason=app.withdrawal_reason,
        withdrawal_reason_label=_label(app.withdrawal_reason, language),
        handovers=handovers,
        commands_waiting=commands.get(CommandState.PENDING, 0),
        in_conflict=commands.get(CommandState.CONFLICT, 0) > 0,
        notifications=_notifications(app.notifications, language),
        duplicates=tuple(DuplicateDetail(id=i, number=number, status=status,
                                         status_label=status.label(language))
                         for i, number, status in split_others(others)),
        timeline=tuple(
            TimelineEntry(
                id=hid, entity_type=etype, entity_id=eid, action=action,
                from_status=before,
                from_label=_status_label(etype, before, language),
                to_status=after,
                to_label=_status_label(etype, after, language) or after,
                reason=reason, actor=actor, source=source, at=at,
            )
            for hid, etype, eid, action, before, after, reason, actor, source, at in history
        ),
        submitter_personal_code=app.submitter_personal_code,
        learner_personal_code=app.learner_personal_code,
    )
