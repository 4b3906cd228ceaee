"""The three state machines of DOMAIN.md (application, handover, inventory item), pure.

Nothing here touches the store: each function answers "from this state, this action leads
there" or raises a ``TransitionError`` naming the state and the action. The operations in
``desktop.models.operations`` call these before writing anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.models.codes import (
    ApplicantRole,
    ApplicationStatus,
    HandoverStatus,
    ItemStatus,
    TargetGroup,
)
from desktop.models.command_names import CommandName


class ApplicationAction(StrEnum):
    GRANT = CommandName.GRANT.value
    REFUSE = CommandName.REFUSE.value
    DEFER = CommandName.DEFER.value
    WITHDRAW = "withdraw"  # by the applicant only, through the e-service


class HandoverAction(StrEnum):
    PREPARE = "prepare"
    CONFIRM_RECEIPT = "confirm_receipt"  # by the applicant only, through the e-service
    CANCEL = "cancel"
    RETURN = "return"
    REPORT_LOST = "report_lost"  # by the applicant
    REPORT_STOLEN = "report_stolen"  # by the applicant
    SIGN_ON_PAPER = "sign_on_paper"  # by the school: the paper act was signed at the desk
    RECORD_LOST = "record_lost"  # by the school, e.g. the parent phoned it in
    RECORD_STOLEN = "record_stolen"
    ACKNOWLEDGE_INCIDENT = CommandName.ACKNOWLEDGE_INCIDENT.value  # after a lost/stolen report


class ItemAction(StrEnum):
    COMMISSION = "commission"
    STORE = "store"
    RELEASE = "release"
    RESERVE = "reserve"
    UNRESERVE = "unreserve"
    HAND_OUT = "hand_out"
    RETURN_WORKING = "return_working"
    RETURN_DAMAGED = "return_damaged"
    REPORT_LOST = "report_lost"
    REPORT_STOLEN = "report_stolen"
    SEND_TO_MAINTENANCE = "send_to_maintenance"
    SEND_TO_REPAIR = "send_to_repair"
    MARK_DAMAGED = "mark_damaged"
    BACK_IN_SERVICE = "back_in_service"
    RECOVER = "recover"


class WorkflowError(Exception):
    """A rule of the domain refused the request; the message says which and why."""

    def __init__(self, message_en: str, message_lv: str) -> None:
        super().__init__(message_en)
        self.message_lv = message_lv


class TransitionError(WorkflowError):
    """The action is not allowed from the entity's current state."""

    def __init__(self, entity: str, current: StrEnum, action: StrEnum, why: str = "") -> None:
        self.entity = entity
        self.current = current
        self.action = action
        detail = f": {why}" if why else ""
        super().__init__(
            f"cannot {action.value.replace('_', ' ')} the {entity}: it is {current.value}"
            f"{'; ' + why if why else ''}",
            f"{_ENTITY_LV.get(entity, entity)} statusā „{_label_lv(current)}“ nevar veikt "
            f"darbību „{_ACTION_LV.get(action.value, action.value)}“{detail}",
        )


class GrantRuleError(WorkflowError):
    """The item may not be granted for this application."""


_ENTITY_LV = {"application": "Pieteikumam", "handover": "Izsniegšanai", "item": "Resursam"}
_ACTION_LV = {
    CommandName.GRANT: "piešķirt",
    CommandName.REFUSE: "atteikt",
    CommandName.DEFER: "atlikt",
    "withdraw": "atsaukt",
    "prepare": "sagatavot izsniegšanai",
    "confirm_receipt": "apstiprināt saņemšanu",
    "cancel": "atcelt",
    "return": "pieņemt atpakaļ",
    "report_lost": "ziņot par nozaudēšanu",
    "report_stolen": "ziņot par zādzību",
    "sign_on_paper": "atzīmēt kā parakstītu uz papīra",
    "record_lost": "reģistrēt nozaudēšanu",
    "record_stolen": "reģistrēt zādzību",
    CommandName.ARRANGE_PICKUP: "vienoties par saņemšanu",
    CommandName.SET_RETURN_DEADLINE: "mainīt atgriešanas termiņu",
    CommandName.CLOSE_CASE: "slēgt lietu",
    CommandName.REMIND_RETURN: "atgādināt par atgriešanu",
    CommandName.FILE_ACT: "pievienot aktu",
    CommandName.ACKNOWLEDGE_INCIDENT: "apstiprināt ziņojumu par nozaudēšanu vai zādzību",
    "commission": "padarīt pieejamu izsniegšanai",
    "store": "novietot rezervē",
    "release": "atbrīvot no rezerves",
    "reserve": "rezervēt",
    "unreserve": "atcelt rezervāciju",
    "hand_out": "izsniegt",
    "return_working": "pieņemt darba kārtībā",
    "return_damaged": "pieņemt bojātu",
    "send_to_maintenance": "nodot apkopē",
    "send_to_repair": "nodot remontā",
    "mark_damaged": "atzīmēt kā bojātu",
    "back_in_service": "atkal padarīt pieejamu izsniegšanai",
    "recover": "atzīmēt kā atrastu",
}


def _label_lv(code: StrEnum) -> str:
    label = getattr(code, "label_lv", None)
    return label if isinstance(label, str) else code.value


A = ApplicationStatus
H = HandoverStatus
I = ItemStatus  # noqa: E741

APPLICATION_TRANSITIONS: dict[tuple[ApplicationStatus, ApplicationAction], ApplicationStatus] = {
    (A.SUBMITTED, ApplicationAction.GRANT): A.CONFIRMED,
    (A.SUBMITTED, ApplicationAction.REFUSE): A.DECLINED,
    (A.SUBMITTED, ApplicationAction.DEFER): A.POSTPONED,
    (A.SUBMITTED, ApplicationAction.WITHDRAW): A.WITHDRAWN,
    (A.POSTPONED, ApplicationAction.GRANT): A.CONFIRMED,
    (A.POSTPONED, ApplicationAction.REFUSE): A.DECLINED,
    (A.POSTPONED, ApplicationAction.WITHDRAW): A.WITHDRAWN,
    (A.CONFIRMED, ApplicationAction.WITHDRAW): A.WITHDRAWN,
}

HANDOVER_TRANSITIONS: dict[tuple[HandoverStatus, HandoverAction], HandoverStatus] = {
    (H.PREPARING, HandoverAction.PREPARE): H.PREPARED,
    (H.PREPARED, HandoverAction.CONFIRM_RECEIPT): H.ISSUED,
    (H.PREPARED, HandoverAction.SIGN_ON_PAPER): H.ISSUED,
    (H.ISSUED, HandoverAction.RECORD_LOST): H.LOST,
    (H.ISSUED, HandoverAction.RECORD_STOLEN): H.STOLEN,
    (H.PREPARING, HandoverAction.CANCEL): H.CANCELLED,
    (H.PREPARED, HandoverAction.CANCEL): H.CANCELLED,
    (H.ISSUED, HandoverAction.RETURN): H.RETURNED,
    (H.ISSUED, HandoverAction.REPORT_LOST): H.LOST,
    (H.ISSUED, HandoverAction.REPORT_STOLEN): H.STOLEN,
}

ITEM_TRANSITIONS: dict[tuple[ItemStatus, ItemAction], ItemStatus] = {
    (I.NEW, ItemAction.COMMISSION): I.AVAILABLE,
    (I.NEW, ItemAction.STORE): I.IN_RESERVE,
    (I.AVAILABLE, ItemAction.STORE): I.IN_RESERVE,
    (I.IN_RESERVE, ItemAction.RELEASE): I.AVAILABLE,
    (I.AVAILABLE, ItemAction.RESERVE): I.RESERVED,
    (I.RESERVED, ItemAction.UNRESERVE): I.AVAILABLE,
    (I.RESERVED, ItemAction.HAND_OUT): I.IN_USE,
    (I.IN_USE, ItemAction.RETURN_WORKING): I.AVAILABLE,
    (I.IN_USE, ItemAction.RETURN_DAMAGED): I.DAMAGED,
    (I.IN_USE, ItemAction.REPORT_LOST): I.LOST,
    (I.IN_USE, ItemAction.REPORT_STOLEN): I.STOLEN,
    (I.NEW, ItemAction.SEND_TO_MAINTENANCE): I.MAINTENANCE,
    (I.AVAILABLE, ItemAction.SEND_TO_MAINTENANCE): I.MAINTENANCE,
    (I.IN_RESERVE, ItemAction.SEND_TO_MAINTENANCE): I.MAINTENANCE,
    (I.AVAILABLE, ItemAction.SEND_TO_REPAIR): I.UNDER_REPAIR,
    (I.IN_RESERVE, ItemAction.SEND_TO_REPAIR): I.UNDER_REPAIR,
    (I.MAINTENANCE, ItemAction.SEND_TO_REPAIR): I.UNDER_REPAIR,
    (I.DAMAGED, ItemAction.SEND_TO_REPAIR): I.UNDER_REPAIR,
    (I.NEW, ItemAction.MARK_DAMAGED): I.DAMAGED,
    (I.AVAILABLE, ItemAction.MARK_DAMAGED): I.DAMAGED,
    (I.IN_RESERVE, ItemAction.MARK_DAMAGED): I.DAMAGED,
    (I.MAINTENANCE, ItemAction.MARK_DAMAGED): I.DAMAGED,
    (I.UNDER_REPAIR, ItemAction.MARK_DAMAGED): I.DAMAGED,
    (I.MAINTENANCE, ItemAction.BACK_IN_SERVICE): I.AVAILABLE,
    (I.UNDER_REPAIR, ItemAction.BACK_IN_SERVICE): I.AVAILABLE,
    (I.LOST, ItemAction.RECOVER): I.MAINTENANCE,
    (I.STOLEN, ItemAction.RECOVER): I.MAINTENANCE,
}

# What staff may choose by hand in the item editor. The rest happen only as part of a handover
# (reserve on grant, hand out on receipt, return…), so e.g. an in-use item becomes available
# only through a return.
MANUAL_ITEM_ACTIONS = frozenset(
    {
        ItemAction.COMMISSION,
        ItemAction.STORE,
        ItemAction.RELEASE,
        ItemAction.SEND_TO_MAINTENANCE,
        ItemAction.SEND_TO_REPAIR,
        ItemAction.MARK_DAMAGED,
        ItemAction.BACK_IN_SERVICE,
        ItemAction.RECOVER,
    }
)

# Items in these states are never offered for a grant (DOMAIN.md).
NEVER_OFFERED = frozenset({I.MAINTENANCE, I.UNDER_REPAIR, I.DAMAGED, I.LOST, I.STOLEN})


def next_application_status(
    current: ApplicationStatus,
    action: ApplicationAction,
    *,
    handover_status: HandoverStatus | None = None,
) -> ApplicationStatus:
    target = APPLICATION_TRANSITIONS.get((current, action))
    if target is None:
        raise TransitionError("application", current, action)
    if (
        current is A.CONFIRMED
        and action is ApplicationAction.WITHDRAW
        and handover_status in (H.ISSUED, H.RETURNED, H.LOST, H.STOLEN)
    ):
        raise TransitionError(
            "application", current, action, f"its device was already {handover_status.value}"
        )
    return target


def next_handover_status(current: HandoverStatus, action: HandoverAction) -> HandoverStatus:
    target = HANDOVER_TRANSITIONS.get((current, action))
    if target is None:
        raise TransitionError("handover", current, action)
    return target


def next_item_status(current: ItemStatus, action: ItemAction) -> ItemStatus:
    target = ITEM_TRANSITIONS.get((current, action))
    if target is None:
        raise TransitionError("item", current, action)
    return target


def item_actions_from(current: ItemStatus, *, manual_only: bool = True) -> list[ItemAction]:
    """The actions that may be offered for an item in ``current`` (for menus)."""
    return [
        action
        for (state, action) in ITEM_TRANSITIONS
        if state is current and (not manual_only or action in MANUAL_ITEM_ACTIONS)
    ]


@dataclass(frozen=True)
class GrantFacts:
    """What the grant rule needs to know, read from the store by the caller."""

    requested_kind: str
    applicant_role: ApplicantRole
    social_status_confirmed: bool
    kind_target_group: TargetGroup
    item_kind: str
    item_status: ItemStatus
    item_socially_supported: bool
    allow_other_kind: bool = False  # staff confirmed issuing another kind (ResourceDiffer)


def check_grant(facts: GrantFacts) -> None:
    """Raise ``GrantRuleError`` unless the item may go to this application."""
    if facts.item_status is not I.AVAILABLE:
        raise GrantRuleError(
            f"the item is {facts.item_status.value}; only an available item can be granted",
            f"resurss ir statusā „{facts.item_status.label_lv}“; piešķirt var tikai pieejamu "
            "resursu",
        )
    if facts.item_kind != facts.requested_kind and not facts.allow_other_kind:
        raise GrantRuleError(
            f"the item is a {facts.item_kind}, the application asks for a "
            f"{facts.requested_kind}",
            f"resursa veids ({facts.item_kind}) nesakrīt ar pieprasīto ({facts.requested_kind})",
        )
    group = facts.kind_target_group
    if group is TargetGroup.EMPLOYEE and facts.applicant_role is not ApplicantRole.EMPLOYEE:
        raise GrantRuleError(
            "this kind is lent to employees only",
            "šis resursu veids tiek izsniegts tikai darbiniekiem",
        )
    if group in (TargetGroup.LEARNER, TargetGroup.SOCIALLY_DISADVANTAGED_LEARNER) and (
        facts.applicant_role is ApplicantRole.EMPLOYEE
    ):
        raise GrantRuleError(
            "this kind is lent to learners only",
            "šis resursu veids tiek izsniegts tikai izglītojamajiem",
        )
    needs_social = (
        facts.item_socially_supported or group is TargetGroup.SOCIALLY_DISADVANTAGED_LEARNER
    )
    if needs_social and not facts.social_status_confirmed:
        raise GrantRuleError(
            "this device was bought for socially supported learners and the application has "
            "no social status confirmed by VIIS",
            "šis resurss iegādāts sociāli atbalstāmiem izglītojamajiem, bet pieteikumam nav "
            "VIIS apstiprināta sociālā statusa",
        )
