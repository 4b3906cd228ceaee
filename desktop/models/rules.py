"""The lending cycle's rules, once: pure functions over plain aggregate data.

Each staff command's rule takes a working copy of the aggregate (``Work``) and its payload and
either changes the copy or raises a ``WorkflowError`` saying why not. The desktop core runs it
inside its one transaction; the reference server runs the very same function when the command
arrives (``desktop.models.commands.apply_command``). The applicant's own actions on the
e-service (withdraw, confirm receipt, report lost or stolen) are here too, so the server keeps
no copy of any rule.
"""

from __future__ import annotations

import copy
import hmac
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from desktop.models.aggregates import (
    ApplicationData,
    Applied,
    Change,
    Context,
    HandoverData,
    ItemData,
    OfferedKindData,
)
from desktop.models.codes import (
    ApplicationStatus,
    CancelReason,
    HandoverStatus,
    ItemStatus,
    ReturnCondition,
    WithdrawalReason,
)
from desktop.models.command_names import CommandName
from desktop.models.workflow import (
    MANUAL_ITEM_ACTIONS,
    ApplicationAction,
    GrantFacts,
    HandoverAction,
    ItemAction,
    TransitionError,
    WorkflowError,
    check_grant,
    next_application_status,
    next_handover_status,
    next_item_status,
)

if TYPE_CHECKING:
    from desktop.models.commands import (
        AcknowledgePayload,
        Arrangement,
        ArrangePickupPayload,
        CancelPayload,
        CloseCasePayload,
        DeferPayload,
        DocumentRef,
        FileActPayload,
        GrantPayload,
        IncidentPayload,
        PreparePayload,
        RefusePayload,
        RemindPayload,
        ReturnPayload,
        SetAcceptingPayload,
        SetApplicationNotesPayload,
        SetCheckInChecklistPayload,
        SetDeadlinePayload,
        SetDefaultDeadlinePayload,
        SetDocumentTemplatePayload,
        SetItemStatusPayload,
        SetTargetGroupPayload,
        SignPayload,
        UpsertItemPayload,
    )

StrEnumLike = HandoverAction | CommandName

ACTIVE = (HandoverStatus.PREPARING, HandoverStatus.PREPARED, HandoverStatus.ISSUED)
HANDED_OVER = (HandoverStatus.RETURNED, HandoverStatus.LOST, HandoverStatus.STOLEN)
#: A kind's check-in checklist: at most this many entries, each at most this long.
MAX_CHECKLIST = 15
MAX_CHECKLIST_ENTRY = 60
#: Statuses an item may be created with: the others belong to a handover.
CREATABLE_ITEM_STATUSES = frozenset({
    ItemStatus.NEW, ItemStatus.IN_RESERVE, ItemStatus.AVAILABLE, ItemStatus.MAINTENANCE,
    ItemStatus.UNDER_REPAIR, ItemStatus.DAMAGED,
})


class RuleRefused(WorkflowError):
    """A rule of the register (not a state machine) refuses the command."""


class ActAlreadyFiled(RuleRefused):
    """Another workstation filed this handover's act first: theirs is the act."""


@dataclass
class Work:
    """One command on one aggregate: a working copy, changed in place by a rule."""

    app: ApplicationData
    ctx: Context

    def __post_init__(self) -> None:
        self.items: dict[str, ItemData] = {}
        self.changed_items: list[str] = []
        self.created: list[str] = []
        self.changes: list[Change] = []

    @property
    def now(self) -> datetime:
        return self.ctx.now

    # -- reading -------------------------------------------------------------------------------
    def handover(self, handover_id: str) -> HandoverData | None:
        return next((h for h in self.app.handovers if h.id == handover_id), None)

    def require_handover(self, handover_id: str) -> HandoverData:
        h = self.handover(handover_id)
        if h is None:
            raise RuleRefused(f"the application has no handover {handover_id}",
                              f"pieteikumam nav izsniegšanas {handover_id}")
        return h

    def active_handover(self) -> HandoverData | None:
        return next((h for h in self.app.handovers if h.status in ACTIVE), None)

    def item(self, item_id: str) -> ItemData:
        if item_id not in self.items:
            found = self.ctx.find_item(item_id)
            if found is None or found.institution_id != self.app.institution_id:
                raise RuleRefused(f"the item {item_id} is not in this school's inventory",
                                  f"resurss {item_id} nav šīs iestādes inventārā")
            self.items[item_id] = copy.copy(found)
        return self.items[item_id]

    def check_grant(self, item: ItemData, allow_other_kind: bool = False) -> None:
        group = self.ctx.offered_target_group(self.app.kind_code)
        if group is None:
            raise RuleRefused(f"this school does not lend {self.app.kind_code}",
                              f"šī iestāde neizsniedz resursu veidu „{self.app.kind_code}“")
        check_grant(GrantFacts(
            requested_kind=self.app.kind_code,
            applicant_role=self.app.applicant_role,
            social_status_confirmed=self.app.social_status_confirmed,
            kind_target_group=group,
            item_kind=item.kind_code,
            item_status=item.status,
            item_socially_supported=item.socially_supported,
            allow_other_kind=allow_other_kind,
        ))

    # -- changing ------------------------------------------------------------------------------
    def set_status(self, action: ApplicationAction, reason: str | None = None) -> None:
        handed = next((h for h in reversed(self.app.handovers) if h.status in HANDED_OVER),
                      None)
        shown = handed or self.active_handover()
        before = self.app.status
        self.app.status = next_application_status(
            before, action, handover_status=None if shown is None else shown.status)
        self.app.status_changed_at = self.now
        self.changes.append(Change("application", str(self.app.id), action.value, before,
                                   self.app.status, self.app.id, reason))

    def move_item(self, item: ItemData, action: ItemAction) -> None:
        before = item.status
        item.status = next_item_status(before, action)
        if item.id not in self.changed_items:
            self.changed_items.append(item.id)
        self.changes.append(Change("item", item.id, action.value, before, item.status))

    def move_handover(self, h: HandoverData, action: HandoverAction,
                      reason: str | None = None) -> None:
        before = h.status
        h.status = next_handover_status(before, action)
        h.status_changed_at = self.now
        self.changes.append(Change("handover", h.id, action.value, before, h.status,
                                   self.app.id, reason))

    def new_handover(self, handover_id: str | None, item_id: str | None,
                     return_deadline: date | None) -> HandoverData:
        hid = handover_id or str(uuid.uuid4())
        if self.handover(hid) is not None or self.ctx.handover_id_used(hid):
            raise RuleRefused(f"the handover id {hid} is already used",
                              f"izsniegšanas identifikators {hid} jau ir izmantots")
        h = HandoverData(id=hid, status=HandoverStatus.PREPARING, status_changed_at=self.now,
                         created_at=self.now, item_id=item_id, return_deadline=return_deadline)
        if item_id is not None:
            h.kind_differs = self.item(item_id).kind_code != self.app.kind_code
        self.app.handovers.append(h)
        self.created.append(hid)
        self.changes.append(Change("handover", hid, "create", None, h.status, self.app.id))
        return h

    def release(self, h: HandoverData) -> None:
        if h.item_id is not None:
            item = self.item(h.item_id)
            if item.status is ItemStatus.RESERVED:
                self.move_item(item, ItemAction.UNRESERVE)

    def applied(self) -> Applied:
        return Applied(application=self.app, items=self.items,
                       changed_items=list(self.changed_items),
                       created_handovers=list(self.created), changes=list(self.changes))


def start(app: ApplicationData, ctx: Context) -> Work:
    """A working copy: the caller's data is never changed, whatever the rule decides."""
    return Work(copy.deepcopy(app), ctx)


# --- the staff's commands on an application ------------------------------------------------


def grant(w: Work, p: GrantPayload) -> None:
    w.set_status(ApplicationAction.GRANT)
    w.app.decision_reason = None
    w.app.revisit_on = None
    if p.item_id is None:
        return
    active = w.active_handover()
    if active is not None:
        raise TransitionError("handover", active.status, HandoverAction.PREPARE,
                              "the application already has one")
    item = w.item(p.item_id)
    w.check_grant(item, p.allow_other_kind)
    w.move_item(item, ItemAction.RESERVE)
    w.new_handover(p.handover_id, p.item_id, p.return_deadline)


def refuse(w: Work, p: RefusePayload) -> None:
    w.set_status(ApplicationAction.REFUSE, p.reason)
    w.app.decision_reason = p.reason
    w.app.revisit_on = None


def defer(w: Work, p: DeferPayload) -> None:
    w.set_status(ApplicationAction.DEFER, p.reason)
    w.app.decision_reason = p.reason
    w.app.revisit_on = p.revisit_on


def prepare_handover(w: Work, p: PreparePayload) -> None:
    if w.app.status is not ApplicationStatus.CONFIRMED:
        raise TransitionError("application", w.app.status, HandoverAction.PREPARE,
                              "only a granted application can be prepared for issue")
    h = w.handover(p.handover_id)
    if h is not None:
        next_handover_status(h.status, HandoverAction.PREPARE)  # still preparing?
        if h.item_id != p.item_id:
            new = w.item(p.item_id)
            w.check_grant(new, p.allow_other_kind)
            if h.item_id is not None:
                w.release(h)
            w.move_item(new, ItemAction.RESERVE)
            h.item_id = p.item_id
    else:
        _may_start_handover(w, HandoverAction.PREPARE)
        new = w.item(p.item_id)
        w.check_grant(new, p.allow_other_kind)
        w.move_item(new, ItemAction.RESERVE)
        h = w.new_handover(p.handover_id, p.item_id, p.return_deadline)
    assert h.item_id is not None
    item = w.item(h.item_id)
    if item.status is not ItemStatus.RESERVED:
        raise TransitionError("item", item.status, HandoverAction.PREPARE,
                              "the device must be reserved for this handover")
    w.move_handover(h, HandoverAction.PREPARE)
    h.prepared_at = w.now
    h.act_number = p.act_number
    h.receipt_token = p.receipt_token
    h.kind_differs = item.kind_code != w.app.kind_code
    if p.return_deadline is not None:
        h.return_deadline = p.return_deadline
    if p.arrangement is not None:
        _arrange(h, p.arrangement)


def _may_start_handover(w: Work, action: StrEnumLike) -> None:
    for other in w.app.handovers:
        if other.status in ACTIVE:
            raise TransitionError("handover", other.status, action,
                                  "the application already has an active handover")
        if other.status in HANDED_OVER:
            # A returned, lost or stolen device ends the case; only a cancelled handover
            # may be followed by another one.
            raise TransitionError("handover", other.status, action,
                                  "this application's device was already handed over")


def _arrange(h: HandoverData, a: Arrangement) -> None:
    h.pickup_place = a.place
    h.pickup_from = a.starts_at
    h.pickup_to = a.ends_at
    h.contact_person = a.contact_person
    h.contact_phone = a.contact_phone


def _ref(ref: DocumentRef) -> dict[str, Any]:
    return ref.model_dump(mode="json")


def arrange_pickup(w: Work, p: ArrangePickupPayload) -> None:
    """Agree the pickup ahead of the visit; without a device the handover stays preparing."""
    if w.app.status is not ApplicationStatus.CONFIRMED:
        raise TransitionError("application", w.app.status, CommandName.ARRANGE_PICKUP,
                              "only a granted application can be prepared for issue")
    h = w.handover(p.handover_id)
    if h is None:
        _may_start_handover(w, CommandName.ARRANGE_PICKUP)
        h = w.new_handover(p.handover_id, None, p.return_deadline)
    elif h.status not in (HandoverStatus.PREPARING, HandoverStatus.PREPARED):
        raise TransitionError("handover", h.status, CommandName.ARRANGE_PICKUP,
                              "the device was already handed over or the handover cancelled")
    _arrange(h, p.arrangement)
    if p.return_deadline is not None:
        h.return_deadline = p.return_deadline


def sign_handover(w: Work, p: SignPayload) -> None:
    """The paper act is signed: prepared → issued, the device in use, the act filed."""
    h = w.require_handover(p.handover_id)
    w.move_handover(h, HandoverAction.SIGN_ON_PAPER)
    h.issued_at = w.now
    h.issued_on_paper = True
    if h.item_id is None:
        raise RuleRefused("the handover has no device", "izsniegšanai nav resursa")
    w.move_item(w.item(h.item_id), ItemAction.HAND_OUT)
    if h.act_document_id is None:
        h.act_document_id = p.act.id
        h.act_sha256 = p.act.sha256
    if p.scan is not None:
        h.attachments = [*h.attachments, _ref(p.scan)]


def file_act(w: Work, p: FileActPayload) -> None:
    """The handover's act, once: the first workstation's act is the act."""
    h = w.require_handover(p.handover_id)
    if h.status not in (HandoverStatus.ISSUED, *HANDED_OVER):
        raise TransitionError("handover", h.status, CommandName.FILE_ACT,
                              "an act is filed once the device is issued")
    if h.act_document_id == p.act.id:
        return  # this very act, already filed: nothing to do
    if h.act_document_id is not None:
        raise ActAlreadyFiled("the act of this handover was already filed",
                              "šīs izsniegšanas akts jau ir pievienots")
    h.act_document_id = p.act.id
    h.act_sha256 = p.act.sha256


def set_return_deadline(w: Work, p: SetDeadlinePayload) -> None:
    h = w.require_handover(p.handover_id)
    if h.status not in ACTIVE:
        raise TransitionError("handover", h.status, CommandName.SET_RETURN_DEADLINE,
                              "the device is no longer with the applicant")
    if p.return_deadline < w.now.date():
        raise RuleRefused("a return deadline cannot be in the past",
                          "atgriešanas termiņš nevar būt pagātnē")
    if h.return_deadline == p.return_deadline:
        return
    w.changes.append(Change("handover", h.id, CommandName.SET_RETURN_DEADLINE.value,
                            h.status, h.status, w.app.id, p.return_deadline.isoformat()))
    h.return_deadline = p.return_deadline


def cancel_handover(w: Work, p: CancelPayload) -> None:
    h = w.require_handover(p.handover_id)
    w.move_handover(h, HandoverAction.CANCEL, p.notes or p.reason.value)
    h.cancel_reason = p.reason
    w.release(h)


def record_return(w: Work, p: ReturnPayload) -> None:
    h = w.require_handover(p.handover_id)
    w.move_handover(h, HandoverAction.RETURN, p.notes)
    check_return_notes(p.condition, ((e.name, e.returned) for e in p.checklist), p.notes)
    # The desk's clock says when; the register's bounds it (not before issue, not future).
    ok = h.issued_at is not None and h.issued_at <= p.returned_at <= w.now
    h.returned_at = p.returned_at if ok else w.now
    h.return_condition = p.condition
    h.return_notes = p.notes
    h.return_grade = p.grade
    h.return_checklist = [e.model_dump(mode="json") for e in p.checklist]
    if h.item_id is None:
        raise RuleRefused("the handover has no device", "izsniegšanai nav resursa")
    working = p.condition is ReturnCondition.RETURNED_WORKING_ORDER
    w.move_item(w.item(h.item_id),
                ItemAction.RETURN_WORKING if working else ItemAction.RETURN_DAMAGED)


def missing_from(checklist: Iterable[tuple[str, bool]]) -> list[str]:
    """The checklist's entries that did not come back, in order."""
    return [name for name, returned in checklist if not returned]


def check_return_notes(condition: ReturnCondition, checklist: Iterable[tuple[str, bool]],
                       notes: str | None) -> None:
    """A damaged device or a missing entry of the checklist is described in the notes: the
    return act and the next loan must say what is wrong, not only that something is."""
    if notes is not None and notes.strip():
        return
    missing = missing_from(checklist)
    if missing:
        names = ", ".join(missing)
        raise RuleRefused(f"notes are required when something is missing ({names})",
                          f"Trūkst: {names}. Aprakstiet piezīmēs, kas trūkst un kāpēc")
    if condition is ReturnCondition.DAMAGED:
        raise RuleRefused("notes are required for a damaged device",
                          "Bojātam resursam aprakstiet bojājumu piezīmēs")


def remind_return(w: Work, p: RemindPayload) -> None:
    """Only a device out on loan past its deadline is asked back; the state stays as it is
    (the central service sends the message: ``notices``)."""
    h = w.require_handover(p.handover_id)
    if h.status is not HandoverStatus.ISSUED:
        raise TransitionError("handover", h.status, CommandName.REMIND_RETURN,
                              "the device is not out on loan")
    if h.return_deadline is None or h.return_deadline >= w.now.date():
        raise RuleRefused("the device is not overdue", "resursa atgriešanas termiņš nav nokavēts")


def record_incident(w: Work, p: IncidentPayload) -> None:
    """The school records a loss or theft itself: reported and acknowledged at once."""
    h = w.require_handover(p.handover_id)
    lost = p.kind == "lost"
    if h.issued_at is not None and p.occurred_on < h.issued_at.date():
        raise RuleRefused("the loss cannot be before the device was issued",
                          "nozaudēšana nevar būt pirms resursa izsniegšanas")
    if p.occurred_on > w.now.date():
        raise RuleRefused("the loss cannot be in the future",
                          "nozaudēšanas datums nevar būt nākotnē")
    w.move_handover(h, HandoverAction.RECORD_LOST if lost else HandoverAction.RECORD_STOLEN,
                    p.description)
    h.incident_description = p.description
    h.incident_reported_at = w.now
    h.incident_acknowledged_at = w.now
    h.incident_occurred_on = p.occurred_on
    h.attachments = [*h.attachments, *(_ref(a) for a in p.attachments)]
    if h.item_id is None:
        raise RuleRefused("the handover has no device", "izsniegšanai nav resursa")
    w.move_item(w.item(h.item_id), ItemAction.REPORT_LOST if lost else ItemAction.REPORT_STOLEN)


def close_case(w: Work, p: CloseCasePayload) -> None:
    """A lost or stolen case is closed: its 25-month retention clock starts now."""
    h = w.require_handover(p.handover_id)
    if h.status not in (HandoverStatus.LOST, HandoverStatus.STOLEN):
        raise TransitionError("handover", h.status, CommandName.CLOSE_CASE,
                              "only a lost or stolen case is closed by hand")
    if h.closed_at is not None:
        raise TransitionError("handover", h.status, CommandName.CLOSE_CASE,
                              "the case is already closed")
    if h.incident_acknowledged_at is None:
        raise RuleRefused("acknowledge the report before closing the case",
                          "pirms lietas slēgšanas apstipriniet ziņojumu")
    h.closed_at = w.now
    w.changes.append(Change("handover", h.id, CommandName.CLOSE_CASE.value, h.status,
                            h.status, w.app.id, p.notes))


def acknowledge_incident(w: Work, p: AcknowledgePayload) -> None:
    h = w.require_handover(p.handover_id)
    if h.status not in (HandoverStatus.LOST, HandoverStatus.STOLEN):
        raise TransitionError("handover", h.status, HandoverAction.ACKNOWLEDGE_INCIDENT,
                              "there is no lost or stolen report to acknowledge")
    if h.incident_acknowledged_at is not None:
        raise TransitionError("handover", h.status, HandoverAction.ACKNOWLEDGE_INCIDENT,
                              "the report was already acknowledged")
    if h.item_id is None:
        raise RuleRefused("the handover has no device", "izsniegšanai nav resursa")
    h.incident_acknowledged_at = w.now
    lost = h.status is HandoverStatus.LOST
    w.move_item(w.item(h.item_id), ItemAction.REPORT_LOST if lost else ItemAction.REPORT_STOLEN)


def set_application_notes(w: Work, p: SetApplicationNotesPayload) -> None:
    """The school's notes on an application, whatever its status, as long as the register
    holds it; the applicant is told nothing (``notices``) and no status changes."""
    if w.app.status is ApplicationStatus.DELETED:
        raise RuleRefused("the application was deleted", "pieteikums ir dzēsts")
    w.app.notes = p.notes


# --- the applicant's actions on the e-service ------------------------------------------------


def withdraw(w: Work, reason: WithdrawalReason) -> None:
    """The applicant withdraws; a handover not yet issued is cancelled and its device freed."""
    w.set_status(ApplicationAction.WITHDRAW)
    w.app.withdrawal_reason = reason
    active = w.active_handover()
    if active is not None and active.status in (HandoverStatus.PREPARING,
                                                HandoverStatus.PREPARED):
        w.move_handover(active, HandoverAction.CANCEL, CancelReason.SUBMITTER_REFUSED.value)
        active.cancel_reason = CancelReason.SUBMITTER_REFUSED
        w.release(active)


def confirm_receipt(w: Work, handover_id: str, receipt_token: str) -> HandoverData:
    """The applicant confirms receipt on their phone: prepared → issued, device in use.

    Only with the token of the QR code the desk shows for this very handover: a guessed URL,
    an old code or another handover's code confirms nothing.
    """
    prepared = next((h for h in w.app.handovers if h.status is HandoverStatus.PREPARED), None)
    if prepared is not None and prepared.id == handover_id and not (
            prepared.receipt_token and receipt_token
            and hmac.compare_digest(prepared.receipt_token.encode(),
                                    receipt_token.encode())):
        raise RuleRefused("the QR code does not belong to this handover",
                          "QR kods neatbilst šai izsniegšanai: noskenējiet kodu, ko rāda "
                          "izsniegšanas vietā")
    if prepared is None or prepared.id != handover_id:
        shown = w.active_handover() or (w.app.handovers[-1] if w.app.handovers else None)
        if shown is None:
            raise RuleRefused("nothing is ready for issue on this application",
                              "šim pieteikumam nekas nav gatavs izsniegšanai")
        raise TransitionError("handover", shown.status, HandoverAction.CONFIRM_RECEIPT,
                              "nothing is ready for issue")
    w.move_handover(prepared, HandoverAction.CONFIRM_RECEIPT)
    prepared.issued_at = w.now
    if prepared.item_id is not None:
        w.move_item(w.item(prepared.item_id), ItemAction.HAND_OUT)
    return prepared


def report_incident(w: Work, lost: bool, description: str) -> None:
    """The applicant reports the issued device lost or stolen."""
    action = HandoverAction.REPORT_LOST if lost else HandoverAction.REPORT_STOLEN
    issued = next((h for h in w.app.handovers if h.status is HandoverStatus.ISSUED), None)
    if issued is None:
        if not w.app.handovers:
            raise RuleRefused("no device was issued on this application",
                              "šim pieteikumam resurss nav izsniegts")
        raise TransitionError("handover", w.app.handovers[-1].status, action,
                              "no device is issued on this application")
    w.move_handover(issued, action)
    issued.incident_description = description
    issued.incident_reported_at = w.now


# --- the catalogue's commands ----------------------------------------------------------------


def upsert_item(current: ItemData | None, p: UpsertItemPayload, institution_id: str) -> ItemData:
    """An item's own fields, created or replaced; its status changes only by other commands."""
    if current is None:
        if p.status not in CREATABLE_ITEM_STATUSES:
            raise RuleRefused(f"a new item cannot be {p.status.value}",
                              f"jaunu resursu nevar izveidot statusā „{p.status.label_lv}“")
        return ItemData(id=p.item_id, institution_id=institution_id, kind_code=p.kind_code,
                        inventory_no=p.inventory_no, status=p.status,
                        socially_supported=p.socially_supported)
    if p.status is not current.status:
        raise RuleRefused("the status changes only through a status change or a handover",
                          "statuss mainās tikai ar statusa maiņu vai izsniegšanu")
    if p.kind_code != current.kind_code and current.status in (ItemStatus.RESERVED,
                                                                ItemStatus.IN_USE):
        raise RuleRefused("the kind of a reserved or lent item cannot change",
                          "Rezervētam vai izsniegtam resursam veidu mainīt nevar")
    return ItemData(id=current.id, institution_id=current.institution_id,
                    kind_code=p.kind_code, inventory_no=p.inventory_no, status=current.status,
                    socially_supported=p.socially_supported)


def set_item_status(current: ItemData, p: SetItemStatusPayload) -> Change:
    """A status chosen by hand (maintenance, repair, …); the others belong to a handover."""
    action = ItemAction(p.action)
    if action not in MANUAL_ITEM_ACTIONS:
        raise TransitionError("item", current.status, action,
                              "this change happens only through a handover or a return")
    before = current.status
    current.status = next_item_status(before, action)
    return Change("item", current.id, action.value, before, current.status, None, p.reason)


def set_accepting(offered: OfferedKindData, p: SetAcceptingPayload) -> None:
    offered.accepting_applications = p.accepting_applications


def set_target_group(offered: OfferedKindData, p: SetTargetGroupPayload) -> None:
    offered.target_group = p.target_group


def set_default_return_deadline(p: SetDefaultDeadlinePayload, today: date) -> date | None:
    """The school's default return deadline: a day still ahead, or none."""
    if p.default_return_deadline is not None and p.default_return_deadline < today:
        raise RuleRefused("a default return deadline cannot be in the past",
                          "noklusētais atgriešanas termiņš nevar būt pagātnē")
    return p.default_return_deadline


def set_document_template(offered: OfferedKindData, p: SetDocumentTemplatePayload) -> None:
    """Write or replace one of the kind's templates (the other documents stay as they are)."""
    for doc in offered.documents:
        if doc["id"] == p.template.id and doc.get("body") is None:
            raise RuleRefused("a linked document is not a template",
                              "saite uz dokumentu nav veidne, to labot nevar")
    template = {**p.template.model_dump(mode="json"), "url": None}
    others = [d for d in offered.documents if d["id"] != p.template.id]
    offered.documents = sorted([*others, template], key=lambda d: d["id"])


def checklist_key(name: str) -> str:
    """Two entries that differ only in case (or in how a letter is composed) are one."""
    return unicodedata.normalize("NFC", name).casefold()


def check_checklist(names: Sequence[str]) -> None:
    """A kind's checklist: 0 to 15 entries of 1 to 60 characters, written without surrounding
    space or line breaks, none twice (case folded). RuleRefused names what is wrong."""
    if len(names) > MAX_CHECKLIST:
        raise RuleRefused(
            f"a checklist has at most {MAX_CHECKLIST} entries, not {len(names)}",
            f"Komplektācijā var būt ne vairāk kā {MAX_CHECKLIST} pozīcijas "
            f"(norādītas: {len(names)})")
    seen: dict[str, str] = {}
    for name in names:
        if not name.strip():
            raise RuleRefused("an entry of the checklist is empty",
                              "Komplektācijas pozīcija ir tukša")
        if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in name):
            raise RuleRefused(f"the entry {name!r} has a line break or a control character",
                              f"Pozīcijā „{' '.join(name.split())}“ ir jauna rindiņa vai "
                              "vadības rakstzīme")
        if name != name.strip():
            raise RuleRefused(f"the entry {name!r} has space before or after it",
                              f"Pozīcijai „{name.strip()}“ ir atstarpe sākumā vai beigās")
        if len(name) > MAX_CHECKLIST_ENTRY:
            raise RuleRefused(
                f"the entry {name[:20]!r}… is {len(name)} characters long, at most "
                f"{MAX_CHECKLIST_ENTRY} are allowed",
                f"Pozīcija „{name[:20]}…“ ir par garu: {_characters(len(name))}, atļautas ne "
                f"vairāk kā {MAX_CHECKLIST_ENTRY}")
        key = checklist_key(name)
        if key in seen:
            raise RuleRefused(f"the entry {name!r} is in the checklist twice",
                              f"Pozīcija „{name}“ komplektācijā ir divreiz")
        seen[key] = name


def _characters(n: int) -> str:
    """"61 rakstzīme", "60 rakstzīmes": Latvian counts ending in 1 (not 11) are singular."""
    return f"{n} rakstzīme" if n % 10 == 1 and n % 100 != 11 else f"{n} rakstzīmes"


def set_check_in_checklist(offered: OfferedKindData, p: SetCheckInChecklistPayload) -> None:
    """Replace the kind's checklist (its returns so far keep the list they were taken with)."""
    check_checklist(p.checklist)
    offered.check_in_checklist = list(p.checklist)
