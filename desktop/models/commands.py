"""The command registry: every change a person makes, described once for both sides.

For each command: its name (``CommandName``), its payload model (pydantic; the very model the
wire carries), the permission it needs, its label in both languages, the kind of record it
acts on, and its rule (``desktop.models.rules``). The desktop core builds payloads through
these models when it queues a command, so a malformed command never reaches the outbox; the
reference server validates the same models and runs the same rules when the command arrives.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from desktop.models import rules
from desktop.models.aggregates import ApplicationData, Applied, Context, Refused
from desktop.models.codes import (
    CancelReason,
    DocumentType,
    ItemStatus,
    ReturnCondition,
    ReturnGrade,
    TargetGroup,
)
from desktop.models.command_names import CommandName
from desktop.models.permissions import Permission
from desktop.models.templates import MAX_BODY, TEMPLATE_TYPES, unknown_placeholders
from desktop.models.wire_dates import ArrangedAt, DueOn, HappenedOn
from desktop.models.workflow import WorkflowError

Uuid = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"
                                                r"[0-9a-f]{4}-[0-9a-f]{12}$")]
KindCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,59}$")]
Reason = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
ShortText = Annotated[str, StringConstraints(max_length=2000)]
# A local record's id as the URL carries it (the register makes UUIDs; the store takes any key).
RecordId = Annotated[str, StringConstraints(min_length=1, max_length=36)]
# "<application number>-A<n>" (DESIGN.md): the only shape an act number has; it also names the
# act's file, so nothing else may pass (ASCII digits only).
ActNumber = Annotated[str, StringConstraints(pattern=r"^P-[0-9]{4}-[0-9]{6}-A[0-9]{1,3}$")]
# The secret the desk's QR code carries to the e-service's receipt page: only whoever sees the
# code at the desk can confirm this handover (32 random bytes, URL-safe base64).
ReceiptToken = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{43}$")]


def new_receipt_token() -> str:
    """A fresh receipt token: made once where the command is written, then carried by its
    payload, so the desk's QR code and the register's check agree without asking anyone."""
    return secrets.token_urlsafe(32)


class Payload(BaseModel):
    """Strict: a misspelt field is an error, not silently dropped; frozen once built."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- the payloads (also the wire's) -------------------------------------------------------


PersonName = Annotated[str, StringConstraints(min_length=1, max_length=200)]
# The register's phone numbers: "+" and 8 to 15 digits, no spaces (the forms strip them).
Phone = Annotated[str, StringConstraints(pattern=r"^\+[0-9]{8,15}$")]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_NOTES = 2000


class Arrangement(Payload):
    """Where and when the applicant collects the device, and whom to ask at the school."""

    place: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    starts_at: ArrangedAt
    ends_at: ArrangedAt
    contact_person: PersonName
    contact_phone: Phone | None = None

    @model_validator(mode="after")
    def _window(self) -> Arrangement:
        if self.ends_at <= self.starts_at:
            raise ValueError("the pickup window must end after it starts")
        if (self.ends_at - self.starts_at).days > 62:
            raise ValueError("the pickup window may be at most two months long")
        return self


class DocumentRef(Payload):
    """A file that goes with a command: its bytes travel first (``PUT …/files/{id}``)."""

    id: Uuid
    doc_type: DocumentType
    title: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    sha256: Sha256
    size: Annotated[int, Field(ge=1, le=MAX_FILE_BYTES)]


class GrantPayload(Payload):
    handover_id: Uuid | None = None
    item_id: Uuid | None = None
    return_deadline: DueOn | None = None
    allow_other_kind: bool = False


class RefusePayload(Payload):
    reason: Reason


class DeferPayload(Payload):
    reason: Reason
    revisit_on: DueOn | None = None


class PreparePayload(Payload):
    handover_id: Uuid
    item_id: Uuid
    act_number: ActNumber
    receipt_token: ReceiptToken = Field(default_factory=new_receipt_token)
    return_deadline: DueOn | None = None
    arrangement: Arrangement | None = None
    notify: bool = False
    allow_other_kind: bool = False


class ArrangePickupPayload(Payload):
    """Prepared ahead without choosing the device: the desk picks it when they come."""

    handover_id: Uuid
    arrangement: Arrangement
    notify: bool = False
    return_deadline: DueOn | None = None


class SignPayload(Payload):
    """The paper act was signed at the desk: the handover is issued with it as its act."""

    handover_id: Uuid
    act: DocumentRef
    scan: DocumentRef | None = None

    @model_validator(mode="after")
    def _kinds(self) -> SignPayload:
        if self.act.doc_type is not DocumentType.PNA:
            raise ValueError("the act must be a pna document")
        if self.scan is not None and self.scan.doc_type is not DocumentType.PNA_SIGNED:
            raise ValueError("the scan must be a pna_signed document")
        return self


class FileActPayload(Payload):
    handover_id: Uuid
    act: DocumentRef

    @model_validator(mode="after")
    def _kind(self) -> FileActPayload:
        if self.act.doc_type is not DocumentType.PNA:
            raise ValueError("the act must be a pna document")
        return self


class SetDeadlinePayload(Payload):
    handover_id: Uuid
    return_deadline: DueOn
    notify: bool = False


class IncidentPayload(Payload):
    """A loss or theft the school records itself (the parent phoned, the police report)."""

    handover_id: Uuid
    kind: Literal["lost", "stolen"]
    description: Reason
    occurred_on: HappenedOn
    attachments: list[DocumentRef] = Field(default_factory=list, max_length=10)


class RemindPayload(Payload):
    """Ask the central service to remind the applicant that the device is due back."""

    handover_id: Uuid


class CloseCasePayload(Payload):
    handover_id: Uuid
    notes: Reason | None = None


class CancelPayload(Payload):
    handover_id: Uuid
    reason: CancelReason
    notes: Reason | None = None


def _checked_names(names: list[str]) -> list[str]:
    """The checklist rule (``rules.check_checklist``) as a model's validation error."""
    try:
        rules.check_checklist(names)
    except WorkflowError as exc:
        raise ValueError(str(exc)) from None
    return names


ChecklistName = Annotated[str, StringConstraints(min_length=1,
                                                 max_length=rules.MAX_CHECKLIST_ENTRY)]
#: What belongs with a device of a kind: 0 to 15 names, each written once.
Checklist = Annotated[list[ChecklistName], Field(max_length=rules.MAX_CHECKLIST),
                      AfterValidator(_checked_names)]


class ChecklistEntry(Payload):
    """One entry of the kind's checklist at a return: did it come back?"""

    name: ChecklistName
    returned: bool


def _checked_entries(entries: list[ChecklistEntry]) -> list[ChecklistEntry]:
    _checked_names([e.name for e in entries])
    return entries


ReturnedChecklist = Annotated[list[ChecklistEntry], Field(max_length=rules.MAX_CHECKLIST),
                              AfterValidator(_checked_entries)]


class ReturnPayload(Payload):
    """A device taken back: the register's condition, and the desk's grade and checklist
    (both optional on the wire: an older workstation sends neither)."""

    handover_id: Uuid
    condition: ReturnCondition
    notes: Reason | None = None
    # Not bounded here: the rule takes the server's time for a moment outside issue..now
    # (a desk with a wrong clock still records its return).
    returned_at: AwareDatetime
    grade: ReturnGrade | None = None
    checklist: ReturnedChecklist = Field(default_factory=list)

    @model_validator(mode="after")
    def _grade_means_the_condition(self) -> ReturnPayload:
        if self.grade is not None and self.grade.condition is not self.condition:
            raise ValueError(f"the grade {self.grade.value} means the condition "
                             f"{self.grade.condition.value}, not {self.condition.value}")
        return self


class AcknowledgePayload(Payload):
    handover_id: Uuid


class SetApplicationNotesPayload(Payload):
    """The school's notes on an application (the register's ``Notes``); None clears them."""

    notes: Annotated[str, StringConstraints(min_length=1, max_length=MAX_NOTES)] | None = None

    @model_validator(mode="after")
    def _trimmed(self) -> SetApplicationNotesPayload:
        if self.notes is not None and (not self.notes.strip() or self.notes != self.notes.strip()):
            raise ValueError("notes are given without surrounding space, and never blank")
        return self


class ItemFields(Payload):
    """An item's own fields: the central service's PUT body (``ItemUpsert`` on the wire)."""

    kind_code: KindCode
    inventory_no: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    serial_no: Annotated[str, StringConstraints(max_length=80)] | None = None
    manufacturer: Annotated[str, StringConstraints(max_length=80)] | None = None
    model: Annotated[str, StringConstraints(max_length=120)] | None = None
    year: Annotated[int, Field(ge=1990, le=2100)] | None = None
    acquisition_value: Annotated[str, StringConstraints(pattern=r"^\d{1,6}(\.\d{1,2})?$")] | None = None
    socially_supported: bool = False
    location: Annotated[str, StringConstraints(max_length=120)] | None = None
    notes: ShortText | None = None
    status: ItemStatus


class UpsertItemPayload(ItemFields):
    item_id: Uuid

    def fields(self) -> ItemFields:
        return ItemFields.model_validate(self.model_dump(exclude={"item_id"}))


class SetItemStatusPayload(Payload):
    item_id: Uuid
    action: Annotated[str, StringConstraints(pattern=r"^[a-z_]{3,40}$")]
    status: ItemStatus  # where the action leads: a lost answer is recognised by it
    reason: Reason | None = None


class SetAcceptingPayload(Payload):
    offered_kind_id: RecordId
    kind_code: KindCode
    accepting_applications: bool


class SetTargetGroupPayload(Payload):
    offered_kind_id: RecordId
    kind_code: KindCode
    target_group: TargetGroup


class TemplateFields(Payload):
    """A document the school writes: the act's text or the usage rules, with placeholders."""

    id: Uuid
    doc_type: DocumentType
    title: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    body: Annotated[str, StringConstraints(min_length=1, max_length=MAX_BODY)]
    valid_from: DueOn
    valid_to: DueOn | None = None

    @model_validator(mode="after")
    def _check(self) -> TemplateFields:
        if self.doc_type not in TEMPLATE_TYPES:
            raise ValueError("a template is the act's text (pna) or usage rules")
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        unknown = unknown_placeholders(self.body)
        if unknown:
            raise ValueError(f"unknown placeholders: {', '.join(unknown)}")
        return self


class SetDocumentTemplatePayload(Payload):
    offered_kind_id: RecordId
    kind_code: KindCode
    template: TemplateFields


class SetCheckInChecklistPayload(Payload):
    """What belongs with a device of the kind, checked at its return (replaces the list)."""

    offered_kind_id: RecordId
    kind_code: KindCode
    checklist: Checklist = Field(default_factory=list)


class SetDefaultDeadlinePayload(Payload):
    """The school's default return deadline (None: no default)."""

    institution_id: Annotated[str, StringConstraints(pattern=r"^[0-9]{10}$")]
    default_return_deadline: DueOn | None = None


# --- the registry ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CommandSpec:
    name: CommandName
    payload: type[Payload]
    permission: Permission
    aggregate: str  # "application" | "item" | "offered_kind"
    label_lv: str
    label_en: str
    # Application commands: the rule over a working copy. Catalogue commands have rules of
    # their own shape (``rules.upsert_item`` …), called by both sides' catalogue code.
    rule: Callable[[rules.Work, Any], None] | None = None
    icon: str | None = None  # the picture in resources/icons for the command's action

    def label(self, language: str = "lv") -> str:
        return self.label_en if language == "en" else self.label_lv

    def parse(self, raw: Mapping[str, Any]) -> Payload:
        """Validate a payload (raises pydantic's ValidationError naming the field)."""
        return self.payload.model_validate(dict(raw))


_SPECS = [
    CommandSpec(CommandName.GRANT, GrantPayload, Permission.DECIDE, "application",
                "Piešķirt", "Grant", rules.grant, icon="grant"),
    CommandSpec(CommandName.REFUSE, RefusePayload, Permission.DECIDE, "application",
                "Atteikt", "Refuse", rules.refuse, icon="refuse"),
    CommandSpec(CommandName.DEFER, DeferPayload, Permission.DECIDE, "application",
                "Atlikt", "Postpone", rules.defer, icon="defer"),
    CommandSpec(CommandName.PREPARE_HANDOVER, PreparePayload, Permission.HAND_OVER,
                "application", "Sagatavot izsniegšanai", "Prepare for handover",
                rules.prepare_handover),
    CommandSpec(CommandName.ARRANGE_PICKUP, ArrangePickupPayload, Permission.HAND_OVER,
                "application", "Vienoties par saņemšanu", "Arrange the pickup",
                rules.arrange_pickup),
    CommandSpec(CommandName.CANCEL_HANDOVER, CancelPayload, Permission.HAND_OVER,
                "application", "Atcelt izsniegšanu", "Cancel handover",
                rules.cancel_handover),
    CommandSpec(CommandName.SIGN_HANDOVER, SignPayload, Permission.HAND_OVER,
                "application", "Parakstīts uz papīra", "Signed on paper",
                rules.sign_handover),
    CommandSpec(CommandName.FILE_ACT, FileActPayload, Permission.HAND_OVER,
                "application", "Pievienot aktu", "File the act", rules.file_act),
    CommandSpec(CommandName.SET_RETURN_DEADLINE, SetDeadlinePayload, Permission.HAND_OVER,
                "application", "Mainīt atgriešanas termiņu", "Change the return deadline",
                rules.set_return_deadline),
    CommandSpec(CommandName.RECORD_RETURN, ReturnPayload, Permission.HAND_OVER,
                "application", "Pieņemt atpakaļ", "Take back", rules.record_return,
                icon="return"),
    CommandSpec(CommandName.REMIND_RETURN, RemindPayload, Permission.HAND_OVER,
                "application", "Atgādināt par atgriešanu", "Remind to return",
                rules.remind_return),
    CommandSpec(CommandName.RECORD_INCIDENT, IncidentPayload, Permission.HAND_OVER,
                "application", "Reģistrēt nozaudēšanu vai zādzību", "Record a loss or theft",
                rules.record_incident),
    CommandSpec(CommandName.ACKNOWLEDGE_INCIDENT, AcknowledgePayload, Permission.HAND_OVER,
                "application", "Apstiprināt ziņojumu", "Acknowledge report",
                rules.acknowledge_incident),
    CommandSpec(CommandName.CLOSE_CASE, CloseCasePayload, Permission.HAND_OVER,
                "application", "Slēgt lietu", "Close the case", rules.close_case),
    CommandSpec(CommandName.SET_APPLICATION_NOTES, SetApplicationNotesPayload,
                Permission.ANNOTATE, "application", "Mainīt piezīmes", "Change the notes",
                rules.set_application_notes),
    CommandSpec(CommandName.UPSERT_ITEM, UpsertItemPayload, Permission.EDIT_CATALOGUE,
                "item", "Labot resursu", "Edit device"),
    CommandSpec(CommandName.SET_ITEM_STATUS, SetItemStatusPayload, Permission.EDIT_CATALOGUE,
                "item", "Mainīt resursa statusu", "Change device status"),
    CommandSpec(CommandName.SET_ACCEPTING_APPLICATIONS, SetAcceptingPayload,
                Permission.EDIT_CATALOGUE, "offered_kind", "Pieteikšanās atvēršana/slēgšana",
                "Opening/closing applications"),
    CommandSpec(CommandName.SET_TARGET_GROUP, SetTargetGroupPayload,
                Permission.EDIT_CATALOGUE, "offered_kind", "Mainīt, kam izsniedz",
                "Change who it is issued to"),
    CommandSpec(CommandName.SET_DEFAULT_RETURN_DEADLINE, SetDefaultDeadlinePayload,
                Permission.EDIT_CATALOGUE, "institution",
                "Mainīt skolas noklusēto atgriešanas termiņu",
                "Change the school's default return deadline"),
    CommandSpec(CommandName.SET_DOCUMENT_TEMPLATE, SetDocumentTemplatePayload,
                Permission.EDIT_CATALOGUE, "offered_kind", "Saglabāt dokumenta veidni",
                "Save a document template"),
    CommandSpec(CommandName.SET_CHECK_IN_CHECKLIST, SetCheckInChecklistPayload,
                Permission.EDIT_CATALOGUE, "offered_kind",
                "Mainīt komplektāciju, ko pārbauda, pieņemot atpakaļ",
                "Change what is checked when a device is taken back"),
]

REGISTRY: dict[CommandName, CommandSpec] = {spec.name: spec for spec in _SPECS}
APPLICATION_COMMANDS = frozenset(n for n, s in REGISTRY.items() if s.aggregate == "application")


def spec(name: str | CommandName) -> CommandSpec:
    """The registry entry of ``name``; ValueError for a name the registry does not know."""
    return REGISTRY[CommandName(name)]


def apply_command(name: str | CommandName, app: ApplicationData, payload: Payload,
                  ctx: Context) -> Applied:
    """Run an application command's rule on a copy of ``app``; raise WorkflowError if refused.

    ``app`` itself is never changed, so a refusal leaves the caller's data as it was.
    """
    entry = spec(name)
    if entry.rule is None or not isinstance(payload, entry.payload):
        raise TypeError(f"{entry.name} takes a {entry.payload.__name__}")
    work = rules.start(app, ctx)
    entry.rule(work, payload)
    return work.applied()


def try_command(name: str | CommandName, app: ApplicationData, payload: Payload,
                ctx: Context) -> Applied | Refused:
    """``apply_command`` that answers a refusal as a value instead of raising it."""
    try:
        return apply_command(name, app, payload, ctx)
    except WorkflowError as exc:
        return Refused(str(exc), exc.message_lv, exc)


def documents_of(payload: Payload) -> list[DocumentRef]:
    """The files a command refers to: their bytes must reach the service before it."""
    found: list[DocumentRef] = []
    for name in ("act", "scan"):
        ref = getattr(payload, name, None)
        if isinstance(ref, DocumentRef):
            found.append(ref)
    found.extend(getattr(payload, "attachments", None) or [])
    return found


def touched_items(app: ApplicationData, payload: Payload) -> list[str]:
    """The items a command on ``app`` would touch, as far as the payload and ``app`` say."""
    ids: list[str] = []
    handover_id = getattr(payload, "handover_id", None)
    for h in app.handovers:
        if h.id == handover_id and h.item_id:
            ids.append(h.item_id)
    item_id = getattr(payload, "item_id", None)
    if item_id:
        ids.append(item_id)
    return list(dict.fromkeys(ids))


__all__ = [
    "APPLICATION_COMMANDS",
    "REGISTRY",
    "AcknowledgePayload",
    "ArrangePickupPayload",
    "Arrangement",
    "CancelPayload",
    "Checklist",
    "ChecklistEntry",
    "CloseCasePayload",
    "DocumentRef",
    "FileActPayload",
    "IncidentPayload",
    "SetDeadlinePayload",
    "SignPayload",
    "CommandName",
    "CommandSpec",
    "DeferPayload",
    "GrantPayload",
    "ItemFields",
    "Payload",
    "PreparePayload",
    "ReceiptToken",
    "RefusePayload",
    "RemindPayload",
    "ReturnPayload",
    "ReturnedChecklist",
    "SetAcceptingPayload",
    "SetApplicationNotesPayload",
    "SetCheckInChecklistPayload",
    "SetDefaultDeadlinePayload",
    "SetDocumentTemplatePayload",
    "SetItemStatusPayload",
    "SetTargetGroupPayload",
    "TemplateFields",
    "UpsertItemPayload",
    "apply_command",
    "documents_of",
    "spec",
    "touched_items",
    "try_command",
]

