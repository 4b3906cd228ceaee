"""The wire format between Resursi and the central service, shared by both sides.

Every payload that crosses the wire is one of these pydantic models, using the register's
classifier codes. A payload that fails validation raises ``PayloadError`` naming the field;
the sync engine then applies nothing from that page.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from desktop.models.classes import (
    MAX_GRADE,
    MAX_PARALLEL,
    MIN_GRADE,
    class_label,
    normal_class,
    parse_class,
)
from desktop.models.codes import (
    ApplicantRole,
    ApplicationStatus,
    CancelReason,
    DocumentType,
    GuardianCheck,
    HandoverStatus,
    NotificationKind,
    ReturnCondition,
    ReturnGrade,
    SocialStatus,
    StaffRole,
    TargetGroup,
    WithdrawalReason,
)
from desktop.models.commands import (
    REGISTRY,
    ActNumber,
    Checklist,
    CommandName,
    DocumentRef,
    ItemFields,
    KindCode,
    Payload,
    Phone,
    Reason,
    ReceiptToken,
    ReturnedChecklist,
    ShortText,
    TemplateFields,
    Uuid,
)
from desktop.models.templates import MAX_BODY
from desktop.models.validation import first_control
from desktop.models.wire_dates import (
    ArrangedAt,
    DueOn,
    Happened,
    HappenedOn,
)
from desktop.models.workstation import MAX_NAME

API_PREFIX = "/v1"
PROBLEM_JSON = "application/problem+json"

#: Which computer a staff request comes from (a random UUID the app keeps in its data folder)
#: and its host name, percent-encoded UTF-8 (a header value is Latin-1 at best). Both optional:
#: an old client sends neither and is not recorded.
WORKSTATION_HEADER = "X-Resursi-Workstation"
WORKSTATION_NAME_HEADER = "X-Resursi-Workstation-Name"
#: How the workstation id header must look: a UUID, 8-4-4-4-12 hex digits, the dashes optional
#: (RFC 9562's hex form; schemathesis tries only letters and digits in headers).
WORKSTATION_ID_PATTERN = (r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?"
                          r"[0-9a-fA-F]{12}$")
#: The longest workstation name kept (a host name is at most 63 characters per label).
MAX_WORKSTATION_NAME = MAX_NAME
#: The 403 problem type a revoked workstation gets on every request, sign-in included: the
#: app then erases its local copy.
WORKSTATION_REVOKED = "urn:resursi:problem:workstation-revoked"

def _plain_text(value: str) -> str:
    """A name a person can read: no control or format characters (NUL, U+202E and other
    direction overrides, zero-width marks), no line breaks, not blank, no surrounding space."""
    bad = first_control(value)
    if bad is not None:
        raise ValueError(f"contains the control character U+{ord(bad):04X}")
    if not value.strip():
        raise ValueError("is blank")
    if value != value.strip():
        raise ValueError("has space before or after it")
    return value


Name = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_plain_text)]
PersonalCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{6}-[0-9]{5}$")]
InstitutionId = Annotated[str, StringConstraints(pattern=r"^[0-9]{10}$")]


class Wire(BaseModel):
    """Strict about unknown fields: a misspelt field is an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- the aggregates ----------------------------------------------------------------------


class Person(Wire):
    name: Name
    personal_code: PersonalCode


class Submitter(Person):
    role: ApplicantRole


class Learner(Person):
    """The learner, with the class as the register keeps it: a grade (1–12) and a parallel
    (``ResourceTargetPersonClassGrade``, ``ResourceTargetPersonClassParallel``)."""

    class_grade: Annotated[int, Field(ge=MIN_GRADE, le=MAX_GRADE)] | None = None
    class_parallel: Annotated[str, StringConstraints(min_length=1, max_length=MAX_PARALLEL),
                              AfterValidator(_plain_text)] | None = None

    @model_validator(mode="before")
    @classmethod
    def _class_as_one_text(cls, data: Any) -> Any:
        """A class written as one text (``class_name``: "5.b", what older forms sent) is
        split into grade and parallel; a text that names no grade becomes the parallel."""
        if not isinstance(data, dict) or "class_name" not in data:
            return data
        data = dict(data)
        text = data.pop("class_name")
        if text is not None and not isinstance(text, str):
            raise ValueError("class_name must be a text")
        if text is None or "class_grade" in data or "class_parallel" in data:
            return data
        grade, parallel = parse_class(text)
        data["class_grade"] = grade
        data["class_parallel"] = parallel if grade is not None else (text.strip() or None)
        return data

    @field_validator("class_parallel")
    @classmethod
    def _parallel_as_kept(cls, value: str | None, info: ValidationInfo) -> str | None:
        """A class's parallel as the one-text split keeps it ("B" → "b": "5.B" and "5.b" are
        one class); a group name without a grade as written."""
        return normal_class(info.data.get("class_grade"), value)[1]

    @property
    def class_label(self) -> str | None:
        """"5.b", as staff read it."""
        return class_label(self.class_grade, self.class_parallel)


class Contact(Wire):
    phone: Annotated[str, StringConstraints(pattern=r"^\+[0-9]{8,15}$")] | None = None
    email: Annotated[str, StringConstraints(max_length=254)] | None = None


class SocialStatusClaim(Wire):
    status: SocialStatus
    viis_code: Literal["T", "M", "I", "P"]
    confirmed: bool
    confirmed_at: Happened | None = None


class DocumentAck(Wire):
    document_id: Uuid
    doc_type: DocumentType
    title: Name
    acknowledged_at: Happened


class HandoverWire(Wire):
    id: Uuid
    status: HandoverStatus
    item_id: Uuid | None = None
    act_number: ActNumber | None = None
    status_changed_at: Happened
    created_at: Happened
    prepared_at: Happened | None = None
    issued_at: Happened | None = None
    returned_at: Happened | None = None
    return_deadline: DueOn | None = None
    return_condition: ReturnCondition | None = None
    return_notes: ShortText | None = None
    # the desk's grade and which of the kind's checklist came back (none: recorded without)
    return_grade: ReturnGrade | None = None
    return_checklist: ReturnedChecklist = Field(default_factory=list)
    cancel_reason: CancelReason | None = None
    incident_description: ShortText | None = None
    incident_reported_at: Happened | None = None
    incident_acknowledged_at: Happened | None = None
    closed_at: Happened | None = None
    pickup_place: Name | None = None
    pickup_from: ArrangedAt | None = None
    pickup_to: ArrangedAt | None = None
    contact_person: Name | None = None
    contact_phone: Phone | None = None
    kind_differs: bool = False
    issued_on_paper: bool = False
    act_document_id: Uuid | None = None
    receipt_token: ReceiptToken | None = None  # for the school's desks to show in the QR code
    act_sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = None
    incident_occurred_on: HappenedOn | None = None
    attachments: list[DocumentRef] = Field(default_factory=list, max_length=20)


class NotificationWire(Wire):
    """One message the central service sent to the applicant's contacts."""

    kind: NotificationKind
    at: Happened
    handover_id: Uuid | None = None
    channels: list[Literal["email", "sms"]] = Field(default_factory=list, max_length=2)


class ApplicationWire(Wire):
    id: Annotated[int, Field(ge=1)]
    version: Annotated[int, Field(ge=1)]
    number: Annotated[str, StringConstraints(pattern=r"^P-[0-9]{4}-[0-9]{6}$")]
    institution_id: InstitutionId
    kind_code: KindCode
    status: ApplicationStatus
    status_changed_at: Happened
    submitted_at: Happened
    submitter: Submitter
    learner: Learner
    guardian_check: GuardianCheck
    guardian_checked_at: Happened | None = None
    contact: Contact
    social_statuses: list[SocialStatusClaim] = Field(default_factory=list, max_length=4)
    documents_acknowledged: list[DocumentAck] = Field(default_factory=list, max_length=20)
    decision_reason: ShortText | None = None
    revisit_on: DueOn | None = None
    withdrawal_reason: WithdrawalReason | None = None
    # the school's notes on the application (the register's Notes; staff write them with
    # set_application_notes)
    notes: ShortText | None = None
    handovers: list[HandoverWire] = Field(default_factory=list, max_length=50)
    notifications: list[NotificationWire] = Field(default_factory=list, max_length=200)


#: An item's own fields; the PUT body (If-Match its version; If-None-Match: * to create).
ItemUpsert = ItemFields


class ItemWire(ItemFields):
    id: Uuid
    version: Annotated[int, Field(ge=1)]
    institution_id: InstitutionId


class DocumentWire(Wire):
    id: Uuid
    doc_type: DocumentType
    title: Name
    url: Annotated[str, StringConstraints(max_length=500, pattern=r"^https?://")] | None = None
    # A template the school wrote (``TemplateFields``): its text and the days it is valid.
    body: Annotated[str, StringConstraints(max_length=MAX_BODY)] | None = None
    valid_from: date | None = None
    valid_to: date | None = None


class OfferedKindWire(Wire):
    id: Uuid
    version: Annotated[int, Field(ge=1)]
    institution_id: InstitutionId
    kind_code: KindCode
    target_group: TargetGroup
    accepting_applications: bool
    documents: list[DocumentWire] = Field(default_factory=list, max_length=20)
    # what belongs with a device of the kind, checked at its return (set_check_in_checklist)
    check_in_checklist: Checklist = Field(default_factory=list)


class ResourceKindWire(Wire):
    code: KindCode
    type_code: KindCode
    label_lv: Name
    label_en: Name


class InstitutionWire(Wire):
    id: InstitutionId
    version: Annotated[int, Field(ge=1)]
    name: Name
    address: Annotated[str, StringConstraints(max_length=300)] | None = None
    default_return_deadline: DueOn | None = None


# --- the changes feed ---------------------------------------------------------------------


class ApplicationChange(Wire):
    entity: Literal["application"]
    data: ApplicationWire


class ItemChange(Wire):
    entity: Literal["item"]
    data: ItemWire


class OfferedKindChange(Wire):
    entity: Literal["offered_kind"]
    data: OfferedKindWire


class ResourceKindChange(Wire):
    entity: Literal["resource_kind"]
    data: ResourceKindWire


class InstitutionChange(Wire):
    entity: Literal["institution"]
    data: InstitutionWire


class Tombstone(Wire):
    """A deletion (retention): the local copy and its files go too."""

    entity: Literal["tombstone"]
    of: Literal["application", "item", "offered_kind"]
    id: Annotated[str, StringConstraints(min_length=1, max_length=36)]
    deleted_at: Happened


Change = Annotated[
    ApplicationChange | ItemChange | OfferedKindChange | ResourceKindChange | InstitutionChange
    | Tombstone,
    Field(discriminator="entity"),
]


class ChangesPage(Wire):
    changes: list[Change] = Field(max_length=5000)
    next_cursor: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    has_more: bool


class ChangeSignal(Wire):
    """The push channel's answer (``GET …/changes/wait``): whether the school's feed moved
    past the cursor the client waited on, and the feed's head. The client pulls the feed with
    its own cursor when ``changed``; the head only says where the feed stood."""

    changed: bool
    cursor: Annotated[str, StringConstraints(min_length=1, max_length=200)]


# --- commands -------------------------------------------------------------------------------
# The payload models are the command registry's (desktop.models.commands): one model for the
# desktop that queues a command and the service that receives it.

COMMAND_PAYLOADS: dict[CommandName, type[Payload]] = {
    name: entry.payload for name, entry in REGISTRY.items()
}


class SchoolSettingsPatch(Wire):
    """PATCH body of a school's settings (If-Match its version)."""

    default_return_deadline: DueOn | None = None


class OfferedKindPatch(Wire):
    """PATCH body of an offered kind (If-Match its version)."""

    accepting_applications: bool | None = None
    target_group: TargetGroup | None = None
    template: TemplateFields | None = None  # write or replace one document template
    check_in_checklist: Checklist | None = None  # replaces the kind's checklist


class CommandRequest(Wire):
    """One staff decision. ``command_id`` doubles as the Idempotency-Key."""

    command_id: Uuid
    command: CommandName
    base_version: Annotated[int, Field(ge=0)]
    payload: dict[str, Any] = Field(default_factory=dict)


class CommandAccepted(Wire):
    """200: the command was applied; the application and the items it touched, as now."""

    command_id: Uuid
    application: ApplicationWire
    items: list[ItemWire] = Field(default_factory=list, max_length=10)


class BatchCommand(Wire):
    application_id: Annotated[int, Field(ge=1)]
    command: CommandRequest


#: The push channel's hold: what a wait asks for (under the common 30 s idle limit of
#: proxies) and the longest one the service serves (under a 60 s one).
PUSH_HOLD = 25.0
PUSH_MAX_HOLD = 55.0

#: The most commands one batch may hold: the wire's own bound. A service may allow fewer and
#: says how many in the batch route's ``MAX_BATCH_HEADER``; a client never sends more.
MAX_BATCH = 500
MAX_BATCH_HEADER = "X-Resursi-Max-Batch"


class BatchRequest(Wire):
    commands: list[BatchCommand] = Field(min_length=1, max_length=MAX_BATCH)


class BatchResult(Wire):
    """One command's answer inside a batch: ``status`` as the single-command endpoint's."""

    command_id: Uuid
    status: Annotated[int, Field(ge=100, le=599)]
    accepted: CommandAccepted | None = None
    problem: Problem | None = None


class BatchResponse(Wire):
    results: list[BatchResult]


# --- auth -------------------------------------------------------------------------------


class Membership(Wire):
    institution_id: InstitutionId
    institution_name: Name
    role: StaffRole


class TokenResponse(Wire):
    access_token: str
    refresh_token: str
    token_type: Literal["Bearer"] = "Bearer"
    expires_in: Annotated[int, Field(ge=1)]
    username: str
    display_name: Name
    memberships: list[Membership]


# --- workstations --------------------------------------------------------------------------

#: A workstation's name as the service keeps it: printable, possibly empty (a host name that
#: held nothing but control characters).
WorkstationName = Annotated[str, StringConstraints(max_length=MAX_WORKSTATION_NAME)]


class WorkstationWire(Wire):
    """A computer that has worked with one school's data, as its administrator sees it."""

    id: Uuid
    name: WorkstationName
    institution_id: InstitutionId
    last_user: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    first_seen: Happened
    last_seen: Happened
    revoked_at: Happened | None = None

    @field_validator("name")
    @classmethod
    def _printable(cls, value: str) -> str:
        if first_control(value) is not None:
            raise ValueError("contains a control character")
        return value


# --- errors (RFC 9457) -------------------------------------------------------------------


class Problem(BaseModel):
    """application/problem+json; extension members allowed, as the RFC says."""

    model_config = ConfigDict(extra="allow", frozen=True)

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    detail_lv: str | None = None  # the rule's own Latvian wording, for the conflicts panel
    # 409/412: the state the command was refused on, so the client can show and resolve it
    current: ApplicationWire | None = None
    current_items: list[ItemWire] | None = None
    current_item: ItemWire | None = None
    current_offered_kind: OfferedKindWire | None = None
    current_institution: InstitutionWire | None = None
    errors: list[dict[str, Any]] | None = None  # 422: which fields, why


BatchResult.model_rebuild()
BatchResponse.model_rebuild()


# --- parsing ------------------------------------------------------------------------------


class PayloadError(ValueError):
    """A payload from the server is not what the protocol says; names the field."""

    def __init__(self, what: str, exc: ValidationError) -> None:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(the whole payload)"
        self.field = where
        self.count = exc.error_count()
        more = f" (and {self.count - 1} more problems)" if self.count > 1 else ""
        super().__init__(f"{what}: field {where}: {first['msg']}{more}")
        self.message_lv = (
            f"Centrālā servisa atbilde nav derīga ({what}): lauks {where}: {first['msg']}"
        )


_PAGE = TypeAdapter(ChangesPage)


def parse_changes_page(raw: bytes | str) -> ChangesPage:
    try:
        return _PAGE.validate_json(raw)
    except ValidationError as exc:
        raise PayloadError("changes page", exc) from exc


def parse(model: type[Wire] | type[Problem], raw: bytes | str, what: str) -> Any:
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        raise PayloadError(what, exc) from exc


def utc(dt: datetime) -> datetime:
    """Refuse naive datetimes at the border: every wire timestamp carries its offset."""
    if dt.tzinfo is None:
        raise ValueError("naive datetime on the wire")
    return dt


class ItemStatusChange(Wire):
    """POST body of a hand-chosen item status change (If-Match the item's version)."""

    action: Annotated[str, StringConstraints(pattern=r"^[a-z_]{3,40}$")]
    reason: Reason | None = None


class ApplicantSubmission(Wire):
    """The reference server's applicant simulator: what the e-service would submit."""

    institution_id: InstitutionId
    kind_code: KindCode
    submitter: Submitter
    learner: Learner
    contact: Contact
    social_statuses: list[SocialStatusClaim] = Field(default_factory=list, max_length=4)


class DuplicateCheck(Wire):
    """The e-service's question before a submission (the register's ``checkDuplicate``): has
    this learner an open application for this kind anywhere?"""

    personal_code: PersonalCode
    kind_code: KindCode


class DuplicateFound(Wire):
    """The answer when there is one: only the school it is at, nothing of the application."""

    institution_id: InstitutionId
    institution_name: Name


class ApplicantWithdrawal(Wire):
    reason: WithdrawalReason


class ApplicantSignIn(Wire):
    """The simulated latvija.lv sign-in: the applicant's personal code (the real portal
    authenticates them; the reference service takes the code as proof)."""

    personal_code: PersonalCode


class ApplicantToken(Wire):
    """A signed-in applicant's bearer token for the e-service's JSON actions."""

    access_token: Annotated[str, StringConstraints(min_length=20, max_length=200)]
    token_type: Literal["Bearer"] = "Bearer"
    expires_in: Annotated[int, Field(ge=1)]


class ApplicantIncident(Wire):
    kind: Literal["lost", "stolen"]
    description: Reason


def etag(version: int) -> str:
    return f'"{version}"'


def parse_etag(value: str | None) -> int | None:
    """The version in an ETag/If-Match header, or None when absent or not ours."""
    if not value:
        return None
    text = value.strip()
    if text.startswith("W/"):
        text = text[2:]
    text = text.strip('"')
    return int(text) if text.isascii() and text.isdigit() else None
