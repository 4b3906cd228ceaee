"""Everything the detail view shows about one application, read in one go.

``application_detail`` answers with frozen dataclasses only (no ORM objects leave the core),
with the display labels already chosen for the requested language. It costs one query per
collection (statuses, documents, handovers with their items, history, outbox), never one per
row.

Personal codes are carried in full for the view's "show" button, but never in ``repr`` (so a
detail written to a log by mistake does not leak them); the masked form is the default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

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
    ReturnCondition,
    SocialStatus,
    WithdrawalReason,
)
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

    @property
    def item_known(self) -> bool:
        return self.item_inventory_no is not None

    @property
    def item_description(self) -> str | None:
        """"Lenovo ThinkPad E14" or None when nothing is known about the device."""
        text = " ".join(p for p in (self.item_manufacturer, self.item_model) if p)
        return text or None


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


def application_detail(
    store: Store, institution_id: str, application_id: int, *, language: str = "lv"
) -> ApplicationDetail | None:
    """The application with everything that hangs on it, or None if it is not this school's."""
    kind_label = ResourceKind.label_en if language == "en" else ResourceKind.label_lv
    with store.read() as s:
        row = s.execute(
            select(Application, kind_label)
            .outerjoin(ResourceKind, ResourceKind.code == Application.kind_code)
            .where(Application.id == application_id,
                   Application.institution_id == institution_id)
        ).one_or_none()
        if row is None:
            return None
        app, kind = row

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
            select(Handover, Item.inventory_no, Item.manufacturer, Item.model)
            # no foreign key: the item may not have reached this store yet
            .outerjoin(Item, and_(Item.id == Handover.item_id,
                                  Item.institution_id == app.institution_id))
            .where(Handover.application_id == app.id)
            .order_by(Handover.created_at, Handover.id)
        ).all()
        handover_ids = [h.id for h, *_ in handover_rows]

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
            )
            for h, inventory_no, manufacturer, model in handover_rows
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
