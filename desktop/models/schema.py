"""The local store's tables, as typed SQLAlchemy 2 models.

Codes are stored as the register's text codes (see ``codes``) so a row reads the same on the
wire and on disk. Rows created centrally (applications) keep the central integer id; rows a
school may create while offline (items, handovers, documents, offered kinds) get client-made
UUIDs so that they never need renumbering when they reach the central service.
"""

from __future__ import annotations

import unicodedata
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    event,
    inspect,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from desktop.models.classes import class_label, parse_class
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
    ReturnGrade,
    SocialStatus,
    StaffRole,
    TargetGroup,
    WithdrawalReason,
)

# Named constraints keep Alembic's batch migrations on SQLite deterministic.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return str(uuid.uuid4())


_LATVIAN = str.maketrans("āčēģīķļņōŗšūž", "acegiklnorsuz")


def fold(text: str) -> str:
    """Lower-case and strip diacritics, so that "berzins" finds "Bērziņš"."""
    folded = text.casefold().translate(_LATVIAN)
    if folded.isascii():  # the common case, without Unicode decomposition
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Latvian alphabetical order: č ģ ķ ļ ņ š ž are letters of their own after c g k l n s z;
# long vowels (ā ē ī ū) sort with their short ones and only break ties.
_LATVIAN_PRIMARY = str.maketrans({
    "ā": "a", "ē": "e", "ī": "i", "ū": "u", "ō": "o",
    "č": "c~", "ģ": "g~", "ķ": "k~", "ļ": "l~", "ņ": "n~", "ŗ": "r~", "š": "s~", "ž": "z~",
})


def latvian_sort_key(text: str) -> str:
    """A text that sorts byte-wise in Latvian alphabetical order (for an indexed ORDER BY)."""
    lowered = text.casefold()
    return f"{fold(lowered.translate(_LATVIAN_PRIMARY))}\x00{lowered}"


def search_key_for(
    number: str, learner_name: str, submitter_name: str, learner_class: str | None
) -> str:
    return fold(" ".join(p for p in (number, learner_name, submitter_name, learner_class) if p))


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out; SQLite itself keeps naive text."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Code(TypeDecorator[str]):
    """A classifier code column: refuses values outside its enumeration on the way in."""

    impl = String(40)
    cache_ok = True

    def __init__(self, enum: type, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.enum = enum

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return self.enum(value).value

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        return None if value is None else self.enum(value)


# References between aggregates (an application's kind, a handover's item, a row's school)
# are plain columns, not foreign keys: the changes feed delivers each aggregate's newest
# version in commit order, so a reference may arrive a page before what it refers to.
# Foreign keys stay within an aggregate (an application and its statuses, handovers, acks).


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Institution(Base):
    __tablename__ = "institutions"

    id: Mapped[str] = mapped_column(String(20), primary_key=True)  # VIIS registration number
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    # The deadline a new handover gets unless staff choose another (e.g. the school year's end).
    default_return_deadline: Mapped[date | None] = mapped_column(Date)
    server_version: Mapped[int] = mapped_column(Integer, default=0)


class StaffUser(Base):
    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    memberships: Mapped[list[StaffMembership]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )


class StaffMembership(Base):
    """A user's role at one school; a user may serve several."""

    __tablename__ = "staff_memberships"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("staff_users.id", ondelete="CASCADE"), primary_key=True
    )
    institution_id: Mapped[str] = mapped_column(
        ForeignKey("institutions.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[StaffRole] = mapped_column(Code(StaffRole))
    user: Mapped[StaffUser] = relationship(back_populates="memberships")


class ResourceKind(Base):
    """The register's classifier of resource types and subtypes (e.g. computer/chromebook)."""

    __tablename__ = "resource_kinds"

    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    type_code: Mapped[str] = mapped_column(String(60))
    label_lv: Mapped[str] = mapped_column(String(120))
    label_en: Mapped[str] = mapped_column(String(120))


class OfferedKind(Base):
    """A resource kind that one school lends, to whom, and whether it takes applications."""

    __tablename__ = "offered_kinds"
    __table_args__ = (UniqueConstraint("institution_id", "kind_code"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    institution_id: Mapped[str] = mapped_column(String(20))
    kind_code: Mapped[str] = mapped_column(String(60))
    target_group: Mapped[TargetGroup] = mapped_column(Code(TargetGroup))
    accepting_applications: Mapped[bool] = mapped_column(Boolean, default=True)
    # What belongs with a device of the kind ("Lādētājs", "Soma"), checked at its return.
    check_in_checklist: Mapped[list[str]] = mapped_column(JSON, default=list)
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Item(Base):
    """One inventory item (a device) that the school lends."""

    __tablename__ = "items"
    __table_args__ = (
        UniqueConstraint("institution_id", "inventory_no"),
        Index("ix_items_institution_kind_status", "institution_id", "kind_code", "status"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    institution_id: Mapped[str] = mapped_column(String(20))
    kind_code: Mapped[str] = mapped_column(String(60))
    inventory_no: Mapped[str] = mapped_column(String(60))
    serial_no: Mapped[str | None] = mapped_column(String(80))
    manufacturer: Mapped[str | None] = mapped_column(String(80))
    model: Mapped[str | None] = mapped_column(String(120))
    year: Mapped[int | None] = mapped_column(Integer)
    acquisition_value: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    socially_supported: Mapped[bool] = mapped_column(Boolean, default=False)
    location: Mapped[str | None] = mapped_column(String(120))
    notes: Mapped[str | None] = mapped_column(Text)
    status: Mapped[ItemStatus] = mapped_column(Code(ItemStatus), default=ItemStatus.NEW)
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Application(Base):
    """An applicant's request for a device, as submitted through the state e-service."""

    __tablename__ = "applications"
    __table_args__ = (
        Index("ix_applications_institution_status_submitted", "institution_id", "status",
              "submitted_at"),
        Index("ix_applications_institution_kind", "institution_id", "kind_code"),
        # filter by grade, sort by grade (2 before 10) then parallel (revision 0009)
        Index("ix_applications_institution_class_grade", "institution_id", "class_grade",
              "class_parallel"),
        # the same learner's other applications for the same kind (duplicates, 0009)
        Index("ix_applications_institution_learner_kind", "institution_id",
              "learner_personal_code", "kind_code"),
        Index("ix_applications_institution_submitted", "institution_id", "submitted_at"),
        Index("ix_applications_status_changed", "status", "status_changed_at"),
        Index("ix_applications_institution_learner_sort", "institution_id", "learner_sort"),
        Index("ix_applications_institution_number", "institution_id", "number"),
        # free-text search scans this narrow index instead of the table (revision 0006)
        Index("ix_applications_institution_search", "institution_id", "search_key"),
        # The inbox reads a window of rows in order from an index on (school, filter, sort
        # key; the id is the index's last column in SQLite): unfiltered and sorted by
        # status, or narrowed by a status or a kind and sorted by any column (revision 0013).
        Index("ix_applications_institution_status", "institution_id", "status"),
        Index("ix_applications_institution_status_number", "institution_id", "status",
              "number"),
        Index("ix_applications_institution_status_learner_sort", "institution_id", "status",
              "learner_sort"),
        Index("ix_applications_institution_status_class_grade", "institution_id", "status",
              "class_grade", "class_parallel"),
        Index("ix_applications_institution_status_kind_code", "institution_id", "status",
              "kind_code"),
        Index("ix_applications_institution_kind_submitted", "institution_id", "kind_code",
              "submitted_at"),
        Index("ix_applications_institution_kind_number", "institution_id", "kind_code",
              "number"),
        Index("ix_applications_institution_kind_learner_sort", "institution_id", "kind_code",
              "learner_sort"),
        Index("ix_applications_institution_kind_class_grade", "institution_id", "kind_code",
              "class_grade", "class_parallel"),
        Index("ix_applications_institution_kind_status", "institution_id", "kind_code",
              "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    institution_id: Mapped[str] = mapped_column(String(20))
    kind_code: Mapped[str] = mapped_column(String(60))
    status: Mapped[ApplicationStatus] = mapped_column(Code(ApplicationStatus))
    status_changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    submitter_role: Mapped[ApplicantRole] = mapped_column(Code(ApplicantRole))
    submitter_name: Mapped[str] = mapped_column(String(200))
    submitter_personal_code: Mapped[str] = mapped_column(String(12))
    learner_name: Mapped[str] = mapped_column(String(200))
    learner_personal_code: Mapped[str] = mapped_column(String(12))
    # The class as staff read it ("5.b"); an old store's text that names no grade is kept here
    # as it was. Sorting and filtering use the register's grade and parallel.
    learner_class: Mapped[str | None] = mapped_column(String(10))
    class_grade: Mapped[int | None] = mapped_column(Integer)  # 1–12
    class_parallel: Mapped[str | None] = mapped_column(String(10))
    guardian_check: Mapped[GuardianCheck] = mapped_column(Code(GuardianCheck))
    guardian_checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    notes: Mapped[str | None] = mapped_column(Text)
    decision_reason: Mapped[str | None] = mapped_column(Text)
    revisit_on: Mapped[date | None] = mapped_column(Date)
    withdrawal_reason: Mapped[WithdrawalReason | None] = mapped_column(Code(WithdrawalReason))
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Folded text for the inbox's free-text search: SQLite's LIKE folds only ASCII.
    search_key: Mapped[str] = mapped_column(Text, default="")
    # The learner's name as a Latvian sort key, so sorting by name can use an index.
    learner_sort: Mapped[str] = mapped_column(Text, default="")
    # What the central service told the applicant: [{kind, at, handover_id, channels}].
    notifications: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    social_statuses: Mapped[list[ApplicationSocialStatus]] = relationship(
        back_populates="application", cascade="all, delete-orphan", passive_deletes=True
    )
    handovers: Mapped[list[Handover]] = relationship(
        back_populates="application", cascade="all, delete-orphan", passive_deletes=True
    )


class ApplicationCount(Base):
    """How many of a school's applications have a status, kind and class: the inbox's count
    for the status bar and the scroll bar without counting rows (revision 0013). Kept by
    triggers on ``applications`` in the same transaction as the rows, so it is always exact,
    whichever write path (a decision, a sync, an import, retention) changed them. No class
    is grade 0 and parallel "" here (a key column is never NULL)."""

    __tablename__ = "application_counts"

    institution_id: Mapped[str] = mapped_column(String(20), primary_key=True)
    status: Mapped[str] = mapped_column(String(20), primary_key=True)
    kind_code: Mapped[str] = mapped_column(String(60), primary_key=True)
    class_grade: Mapped[int] = mapped_column(Integer, primary_key=True)
    class_parallel: Mapped[str] = mapped_column(String(10), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)


class ApplicationSocialStatus(Base):
    """A social status the applicant declared, and whether VIIS confirmed it."""

    __tablename__ = "application_social_statuses"

    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True
    )
    status: Mapped[SocialStatus] = mapped_column(Code(SocialStatus), primary_key=True)
    viis_code: Mapped[str] = mapped_column(String(1))
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    application: Mapped[Application] = relationship(back_populates="social_statuses")


class Document(Base):
    """A document: the rules/act template a kind asks to confirm, or an application's act."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    institution_id: Mapped[str] = mapped_column(String(20))
    offered_kind_id: Mapped[str | None] = mapped_column(
        ForeignKey("offered_kinds.id", ondelete="CASCADE"), index=True
    )
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    handover_id: Mapped[str | None] = mapped_column(
        ForeignKey("handovers.id", ondelete="CASCADE"), index=True
    )
    doc_type: Mapped[DocumentType] = mapped_column(Code(DocumentType))
    title: Mapped[str] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(500))
    file_path: Mapped[str | None] = mapped_column(String(500))  # relative to the data folder
    sha256: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # A template the school wrote (desktop.models.templates): its text and validity.
    body: Mapped[str | None] = mapped_column(Text)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)


class DocumentAcknowledgement(Base):
    """The applicant confirmed having read a document (electronically, in the e-service)."""

    __tablename__ = "document_acknowledgements"

    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True
    )
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    acknowledged_at: Mapped[datetime] = mapped_column(UTCDateTime)


ACTIVE_HANDOVER_STATUSES = (
    HandoverStatus.PREPARING,
    HandoverStatus.PREPARED,
    HandoverStatus.ISSUED,
)


class Handover(Base):
    """The acceptance-handover (PNA) of one item for one application."""

    __tablename__ = "handovers"
    __table_args__ = (
        # One active handover per application, enforced by the store itself.
        Index(
            "uq_handovers_one_active",
            "application_id",
            unique=True,
            sqlite_where=text("status IN ('preparing', 'prepared', 'issued')"),
        ),
        Index("ix_handovers_status_deadline", "status", "return_deadline"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[str | None] = mapped_column(String(36), index=True)
    act_number: Mapped[str | None] = mapped_column(String(40), unique=True)
    status: Mapped[HandoverStatus] = mapped_column(Code(HandoverStatus))
    status_changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    prepared_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    return_deadline: Mapped[date | None] = mapped_column(Date)
    return_condition: Mapped[ReturnCondition | None] = mapped_column(Code(ReturnCondition))
    return_notes: Mapped[str | None] = mapped_column(Text)
    return_grade: Mapped[ReturnGrade | None] = mapped_column(Code(ReturnGrade))
    # [{name, returned}, …]: the kind's checklist as the desk ticked it at the return
    return_checklist: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    cancel_reason: Mapped[CancelReason | None] = mapped_column(Code(CancelReason))
    incident_description: Mapped[str | None] = mapped_column(Text)
    incident_reported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    incident_acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    pickup_place: Mapped[str | None] = mapped_column(String(200))
    pickup_from: Mapped[datetime | None] = mapped_column(UTCDateTime)
    pickup_to: Mapped[datetime | None] = mapped_column(UTCDateTime)
    contact_person: Mapped[str | None] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(20))
    kind_differs: Mapped[bool] = mapped_column(Boolean, default=False)
    issued_on_paper: Mapped[bool] = mapped_column(Boolean, default=False)
    act_document_id: Mapped[str | None] = mapped_column(String(36))
    receipt_token: Mapped[str | None] = mapped_column(String(64))  # the desk's QR code's secret
    act_sha256: Mapped[str | None] = mapped_column(String(64))
    incident_occurred_on: Mapped[date | None] = mapped_column(Date)
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    application: Mapped[Application] = relationship(back_populates="handovers")


class StatusHistory(Base):
    """Every status change of an application, handover or item, in order."""

    __tablename__ = "status_history"
    __table_args__ = (Index("ix_status_history_entity", "entity_type", "entity_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(String(36))
    # Set for application and handover rows so that retention can purge them with the case.
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(40))
    to_status: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(80))
    source: Mapped[str] = mapped_column(String(10), default="local")  # local | central
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditEntry(Base):
    """Who did what, when. Append-only; details never carry personal codes or names."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(80))
    institution_id: Mapped[str | None] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(40))
    entity_type: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(String(36))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class OutboxCommand(Base):
    """A staff decision on its way to the central service; survives crashes and restarts."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_state_id", "state", "id"),
        Index("ix_outbox_application_state", "application_id", "state"),
        Index("ix_outbox_aggregate", "aggregate_type", "aggregate_id", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # the order of pushing
    command_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    institution_id: Mapped[str] = mapped_column(String(20))
    aggregate_type: Mapped[str] = mapped_column(String(20))  # application | item | offered_kind
    aggregate_id: Mapped[str] = mapped_column(String(36))
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE")
    )
    command: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    base_version: Mapped[int] = mapped_column(Integer)
    state: Mapped[CommandState] = mapped_column(
        Code(CommandState), default=CommandState.PENDING
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    conflict: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    actor: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class DeferredChange(Base):
    """A pulled change held back because local commands on that aggregate are unsent.

    It is applied once those commands are acknowledged or discarded, if still the newest.
    """

    __tablename__ = "sync_deferred"

    entity: Mapped[str] = mapped_column(String(20), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)  # the change as it came over the wire
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SyncState(Base):
    """Where the pull of one school's changes stands: the server's opaque cursor."""

    __tablename__ = "sync_state"

    institution_id: Mapped[str] = mapped_column(
        ForeignKey("institutions.id", ondelete="CASCADE"), primary_key=True
    )
    cursor: Mapped[str | None] = mapped_column(String(200))
    last_pull_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_push_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)


@event.listens_for(Application, "before_insert")
@event.listens_for(Application, "before_update")
def _refresh_search_key(mapper: Any, connection: Any, target: Application) -> None:
    _match_class(target)
    target.search_key = search_key_for(
        target.number, target.learner_name, target.submitter_name, target.learner_class
    )
    target.learner_sort = latvian_sort_key(target.learner_name)


def _match_class(target: Application) -> None:
    """Keep the class's text and its grade and parallel saying the same: whichever was set
    (a class given as one text, "5.b", is split as the register keeps it)."""
    state = inspect(target)

    def changed(name: str) -> bool:
        return bool(state.attrs[name].history.has_changes())

    split = target.class_grade is not None or target.class_parallel is not None
    if not state.has_identity:  # a new row
        if split:
            target.learner_class = class_label(target.class_grade, target.class_parallel)
        else:
            target.class_grade, target.class_parallel = parse_class(target.learner_class)
    elif changed("class_grade") or changed("class_parallel"):
        target.learner_class = class_label(target.class_grade, target.class_parallel)
    elif changed("learner_class"):
        target.class_grade, target.class_parallel = parse_class(target.learner_class)


class DeletionLog(Base):
    """One run of retention (or one sweep after tombstones): counts and dates, nothing else.

    It proves that deletion happened and how much went, without keeping what was deleted:
    no ids, numbers, names or codes.
    """

    __tablename__ = "deletion_log"
    __table_args__ = (Index("ix_deletion_log_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    run_on: Mapped[date] = mapped_column(Date)  # the day the rule was applied for
    trigger: Mapped[str] = mapped_column(String(20))  # retention | tombstone
    applications: Mapped[int] = mapped_column(Integer, default=0)
    handovers: Mapped[int] = mapped_column(Integer, default=0)
    documents: Mapped[int] = mapped_column(Integer, default=0)
    files: Mapped[int] = mapped_column(Integer, default=0)
    history_rows: Mapped[int] = mapped_column(Integer, default=0)
    audit_rows: Mapped[int] = mapped_column(Integer, default=0)
    outbox_rows: Mapped[int] = mapped_column(Integer, default=0)
    held_back: Mapped[int] = mapped_column(Integer, default=0)  # due, but decisions unsent
    oldest_start: Mapped[date | None] = mapped_column(Date)  # earliest clock start purged
    newest_start: Mapped[date | None] = mapped_column(Date)  # latest clock start purged


class StockReason(Base):
    """One of a school's ready-made refusal or deferral reasons, offered in the decision
    dialogs. Kept on this workstation only: staff pick one and may still edit the text, and
    the decision carries the text itself, so the list never needs to reach the service."""

    __tablename__ = "stock_reasons"
    __table_args__ = (Index("ix_stock_reasons_institution_id_kind_position",
                            "institution_id", "kind", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    institution_id: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(10))  # refuse | defer
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)  # 0, 1, 2… in the order shown
