"""Plain aggregate data that the command rules work on: no ORM, no wire, no I/O.

The desktop core fills these from its SQLAlchemy rows, the reference server from its wire
records; both hand them to the same rule (``desktop.models.rules``) and write back what it
changed. Field names follow the register's wire format, so converting is a copy, not a map.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from desktop.models.codes import (
    ApplicantRole,
    ApplicationStatus,
    CancelReason,
    HandoverStatus,
    ItemStatus,
    ReturnCondition,
    ReturnGrade,
    TargetGroup,
    WithdrawalReason,
)


@dataclass
class HandoverData:
    id: str
    status: HandoverStatus
    status_changed_at: datetime
    created_at: datetime
    item_id: str | None = None
    act_number: str | None = None
    prepared_at: datetime | None = None
    issued_at: datetime | None = None
    returned_at: datetime | None = None
    return_deadline: date | None = None
    return_condition: ReturnCondition | None = None
    return_notes: str | None = None
    # The desk's grade and the kind's checklist at the return: [{name, returned}, …] as the
    # wire's ``ChecklistEntry`` dumps them (empty for a return recorded without one).
    return_grade: ReturnGrade | None = None
    return_checklist: list[dict[str, Any]] = field(default_factory=list)
    cancel_reason: CancelReason | None = None
    incident_description: str | None = None
    incident_reported_at: datetime | None = None
    incident_acknowledged_at: datetime | None = None
    closed_at: datetime | None = None
    # The pickup the school arranged with the applicant (prepared ahead of the visit).
    pickup_place: str | None = None
    pickup_from: datetime | None = None
    pickup_to: datetime | None = None
    contact_person: str | None = None
    contact_phone: str | None = None
    kind_differs: bool = False  # the register's ResourceDiffer: another kind than requested
    issued_on_paper: bool = False  # the paper act was signed instead of the e-service receipt
    act_document_id: str | None = None  # the act, once filed (by whichever workstation first)
    receipt_token: str | None = None  # what the desk's QR code carries (see commands.py)
    act_sha256: str | None = None
    incident_occurred_on: date | None = None
    # Files attached to the handover (a police report, the scan of a signed act): plain dicts
    # {id, doc_type, title, sha256, size}, as the wire's ``AttachmentWire`` dumps them.
    attachments: list[dict[str, Any]] = field(default_factory=list)


#: The handover fields, in wire order: what a side copies in and out.
HANDOVER_FIELDS: tuple[str, ...] = tuple(HandoverData.__dataclass_fields__)

#: The application fields a rule may change; the rest (who applied, for whom) it only reads.
APPLICATION_WRITABLE = ("status", "status_changed_at", "decision_reason", "revisit_on",
                        "withdrawal_reason", "notes")


@dataclass
class ApplicationData:
    id: int
    number: str
    institution_id: str
    kind_code: str
    status: ApplicationStatus
    status_changed_at: datetime
    applicant_role: ApplicantRole
    social_status_confirmed: bool
    decision_reason: str | None = None
    revisit_on: date | None = None
    withdrawal_reason: WithdrawalReason | None = None
    handovers: list[HandoverData] = field(default_factory=list)
    notes: str | None = None  # the school's own notes on the application (the register's)


@dataclass
class ItemData:
    id: str
    institution_id: str
    kind_code: str
    inventory_no: str
    status: ItemStatus
    socially_supported: bool = False


@dataclass
class OfferedKindData:
    id: str
    institution_id: str
    kind_code: str
    target_group: TargetGroup
    accepting_applications: bool
    # The kind's documents as the wire dumps them ({id, doc_type, title, url, body, …}).
    documents: list[dict[str, Any]] = field(default_factory=list)
    # What belongs with a device of the kind, checked when it is taken back.
    check_in_checklist: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Change:
    """One status change of one entity: a status-history row on the desktop."""

    entity_type: str
    entity_id: str
    action: str
    from_status: StrEnum | None
    to_status: StrEnum
    application_id: int | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Context:
    """What a rule may ask of the world beyond its aggregate; each side answers from its store.

    ``find_item`` answers None for an item unknown to this school (the desktop may raise its
    own not-found error instead); ``offered_target_group`` None when the school does not lend
    the kind.
    """

    now: datetime
    find_item: Callable[[str], ItemData | None]
    offered_target_group: Callable[[str], TargetGroup | None]
    handover_id_used: Callable[[str], bool] = lambda _id: False


@dataclass
class Applied:
    """A rule's answer when it allows the command: the new state and what changed."""

    application: ApplicationData | None
    items: dict[str, ItemData]  # every item the rule looked at, as it is now
    changed_items: list[str]  # those whose status the rule moved, in order
    created_handovers: list[str]
    changes: list[Change]
    item: ItemData | None = None  # item commands: the item as it is now
    offered_kind: OfferedKindData | None = None  # offered-kind commands

    @property
    def handover_ids(self) -> list[str]:
        return [c.entity_id for c in self.changes if c.entity_type == "handover"]


@dataclass(frozen=True)
class Refused:
    """A rule's answer when it refuses: why, in both languages."""

    message_en: str
    message_lv: str
    error: Exception
