"""Classifier codes of the central register, with their Latvian and English labels.

The codes are the register's own, used unchanged on the wire and in the local store so that
the client maps 1:1 to the central service; labels are for display only.
"""

from __future__ import annotations

from enum import StrEnum


class Coded(StrEnum):
    """A classifier code that knows its Latvian and English labels."""

    @property
    def label_lv(self) -> str:
        return _LABELS[_key(self)][0]

    @property
    def label_en(self) -> str:
        return _LABELS[_key(self)][1]

    def label(self, language: str = "lv") -> str:
        return self.label_en if language == "en" else self.label_lv


class ApplicationStatus(Coded):
    SUBMITTED = "submitted"
    POSTPONED = "postponed"
    CONFIRMED = "confirmed"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    DELETED = "deleted"


class HandoverStatus(Coded):
    PREPARING = "preparing"
    PREPARED = "prepared"
    ISSUED = "issued"
    RETURNED = "returned"
    LOST = "lost"
    STOLEN = "stolen"
    CANCELLED = "cancelled"


class ItemStatus(Coded):
    NEW = "new"
    IN_RESERVE = "in_reserve"
    AVAILABLE = "available"
    RESERVED = "reserved"
    IN_USE = "in_use"
    MAINTENANCE = "maintenance"
    UNDER_REPAIR = "under_repair"
    DAMAGED = "damaged"
    LOST = "lost"
    STOLEN = "stolen"


class TargetGroup(Coded):
    ALL = "all"
    LEARNER = "learner"
    SOCIALLY_DISADVANTAGED_LEARNER = "socially_disadvantaged_learner"
    EMPLOYEE = "employee"


class SocialStatus(Coded):
    POOR_FAMILY = "poor_family"
    LOW_INCOME_FAMILY = "low_income_family"
    DISABILITY = "disability"
    MEDICAL_RECOMMENDATIONS = "medical_recommendations"

    @property
    def viis_code(self) -> str:
        return _VIIS_CODES[self]

    @classmethod
    def from_viis_code(cls, letter: str) -> SocialStatus:
        for status, code in _VIIS_CODES.items():
            if code == letter:
                return status
        raise ValueError(f"unknown VIIS social status code {letter!r}")


class ApplicantRole(Coded):
    PARENT_GUARDIAN = "parent_guardian"
    LEARNER = "learner"
    EMPLOYEE = "employee"


class WithdrawalReason(Coded):
    BOUGHT_HIMSELF = "bought_himself"
    NEED_DISAPPEARED = "need_disappeared"
    EDUCATIONAL_INSTITUTION_CHANGE = "educational_institution_change"


class ReturnCondition(Coded):
    RETURNED_WORKING_ORDER = "returned_working_order"
    DAMAGED = "damaged"


class ReturnGrade(Coded):
    """How worn a device came back: the desk's finer word beside the register's condition."""

    AS_NEW = "as_new"
    GOOD = "good"
    FAIR = "fair"
    DAMAGED = "damaged"

    @property
    def condition(self) -> ReturnCondition:
        """The register's condition this grade means (only a damaged device is damaged)."""
        if self is ReturnGrade.DAMAGED:
            return ReturnCondition.DAMAGED
        return ReturnCondition.RETURNED_WORKING_ORDER


class DocumentType(Coded):
    PNA = "pna"
    EXPLOITATION_RULES = "exploitation_rules"
    HYPERLINK = "hyperlink"
    PNA_SIGNED = "pna_signed"  # the scan of an act signed on paper
    INCIDENT_ATTACHMENT = "incident_attachment"  # e.g. the police report of a theft


class NotificationKind(Coded):
    """What the central service told the applicant's contacts, and why."""

    READY_FOR_ISSUE = "ready_for_issue"
    REFUSED = "refused"
    DEADLINE_CHANGED = "deadline_changed"
    RETURN_REMINDER = "return_reminder"
    RETURNED = "returned"
    LOSS_RECORDED = "loss_recorded"


class CancelReason(Coded):
    SUBMITTER_REFUSED = "submitter_refused"
    ITEM_UNSUITABLE = "item_unsuitable"
    OTHER = "other"


class GuardianCheck(Coded):
    """Result of the VIIS guardianship check for a parent/guardian application."""

    VERIFIED = "verified"
    NOT_VERIFIED = "not_verified"
    NOT_APPLICABLE = "not_applicable"


class StaffRole(Coded):
    ADMIN = "admin"
    REVIEWER = "reviewer"
    DESK = "desk"


class CommandState(Coded):
    """Where an outbox command stands on its way to the central service."""

    PENDING = "pending"
    CONFLICT = "conflict"
    DONE = "done"
    DISCARDED = "discarded"


_VIIS_CODES: dict[SocialStatus, str] = {
    SocialStatus.POOR_FAMILY: "T",
    SocialStatus.LOW_INCOME_FAMILY: "M",
    SocialStatus.DISABILITY: "I",
    SocialStatus.MEDICAL_RECOMMENDATIONS: "P",
}

def _key(member: Coded) -> tuple[type[Coded], str]:
    """A label's key. Not the member itself: StrEnum members hash and compare as their text,
    so TargetGroup.EMPLOYEE and ApplicantRole.EMPLOYEE would share one entry."""
    return type(member), member.value


_LABELS: dict[tuple[type[Coded], str], tuple[str, str]] = {
    _key(ApplicationStatus.SUBMITTED): ("Iesniegts", "Submitted"),
    _key(ApplicationStatus.POSTPONED): ("Atlikta izskatīšana", "Postponed"),
    _key(ApplicationStatus.CONFIRMED): ("Piešķirts", "Granted"),
    _key(ApplicationStatus.DECLINED): ("Atteikts", "Refused"),
    _key(ApplicationStatus.WITHDRAWN): ("Atsaukts", "Withdrawn"),
    _key(ApplicationStatus.DELETED): ("Dzēsts", "Deleted"),
    _key(HandoverStatus.PREPARING): ("Sagatavošanā", "Preparing"),
    _key(HandoverStatus.PREPARED): ("Gatavs izsniegšanai", "Ready for issue"),
    _key(HandoverStatus.ISSUED): ("Izsniegts", "Issued"),
    _key(HandoverStatus.RETURNED): ("Atgriezts", "Returned"),
    _key(HandoverStatus.LOST): ("Nozaudēts", "Lost"),
    _key(HandoverStatus.STOLEN): ("Nozagts", "Stolen"),
    _key(HandoverStatus.CANCELLED): ("Atcelts", "Cancelled"),
    _key(ItemStatus.NEW): ("Jauns", "New"),
    _key(ItemStatus.IN_RESERVE): ("Rezervē", "In reserve"),
    _key(ItemStatus.AVAILABLE): ("Pieejams", "Available"),
    _key(ItemStatus.RESERVED): ("Rezervēts", "Reserved"),
    _key(ItemStatus.IN_USE): ("Lietošanā", "In use"),
    _key(ItemStatus.MAINTENANCE): ("Apkopē", "Maintenance"),
    _key(ItemStatus.UNDER_REPAIR): ("Remontā", "Under repair"),
    _key(ItemStatus.DAMAGED): ("Bojāts", "Damaged"),
    _key(ItemStatus.LOST): ("Nozaudēts", "Lost"),
    _key(ItemStatus.STOLEN): ("Nozagts", "Stolen"),
    _key(TargetGroup.ALL): ("Visiem", "Everyone"),
    _key(TargetGroup.LEARNER): ("Izglītojamajiem", "Learners"),
    _key(TargetGroup.SOCIALLY_DISADVANTAGED_LEARNER): (
        "Sociāli atbalstāmajiem izglītojamajiem",
        "Socially supported learners",
    ),
    _key(TargetGroup.EMPLOYEE): ("Darbiniekiem", "Employees"),
    _key(SocialStatus.POOR_FAMILY): ("Trūcīga ģimene", "Poor family"),
    _key(SocialStatus.LOW_INCOME_FAMILY): ("Maznodrošināta ģimene", "Low-income family"),
    _key(SocialStatus.DISABILITY): ("Invaliditāte", "Disability"),
    _key(SocialStatus.MEDICAL_RECOMMENDATIONS): ("PMK vai psihologa atzinums",
                                                    "Medical commission or psychologist's assessment"),
    _key(ApplicantRole.PARENT_GUARDIAN): ("Vecāks vai aizbildnis", "Parent or guardian"),
    _key(ApplicantRole.LEARNER): ("Pilngadīgs izglītojamais", "Adult learner"),
    _key(ApplicantRole.EMPLOYEE): ("Iestādes darbinieks", "Employee"),
    _key(WithdrawalReason.BOUGHT_HIMSELF): ("Iegādājās pats", "Bought one themselves"),
    _key(WithdrawalReason.NEED_DISAPPEARED): ("Zuda nepieciešamība", "No longer needed"),
    _key(WithdrawalReason.EDUCATIONAL_INSTITUTION_CHANGE): (
        "Izglītības iestādes maiņa",
        "Changed school",
    ),
    _key(ReturnCondition.RETURNED_WORKING_ORDER): ("Darba kārtībā", "In working order"),
    _key(ReturnCondition.DAMAGED): ("Bojāts", "Damaged"),
    _key(ReturnGrade.AS_NEW): ("Kā jauns", "Like new"),
    _key(ReturnGrade.GOOD): ("Labs", "Good"),
    _key(ReturnGrade.FAIR): ("Apmierinošs", "Fair"),
    _key(ReturnGrade.DAMAGED): ("Bojāts", "Damaged"),
    _key(DocumentType.PNA): ("Pieņemšanas-nodošanas akts", "Acceptance-handover act"),
    _key(DocumentType.EXPLOITATION_RULES): ("Lietošanas noteikumi", "Usage rules"),
    _key(DocumentType.HYPERLINK): ("Saite", "Link"),
    _key(DocumentType.PNA_SIGNED): ("Parakstītā akta skenējums", "Scan of the signed act"),
    _key(DocumentType.INCIDENT_ATTACHMENT): ("Pielikums", "Attachment"),
    _key(NotificationKind.READY_FOR_ISSUE): ("Gatavs izsniegšanai", "Ready for issue"),
    _key(NotificationKind.REFUSED): ("Atteikts", "Refused"),
    _key(NotificationKind.DEADLINE_CHANGED): ("Mainīts atgriešanas termiņš",
                                              "Return deadline changed"),
    _key(NotificationKind.RETURN_REMINDER): ("Atgādinājums atgriezt resursu",
                                             "Reminder to return the device"),
    _key(NotificationKind.RETURNED): ("Atgriezts", "Returned"),
    _key(NotificationKind.LOSS_RECORDED): ("Reģistrēta nozaudēšana vai zādzība",
                                           "Loss or theft recorded"),
    _key(CancelReason.SUBMITTER_REFUSED): ("Iesniedzējs atteicās pieņemt resursu",
                                           "The applicant refused the device"),
    _key(CancelReason.ITEM_UNSUITABLE): ("Resurss nav piemērots", "The device is unsuitable"),
    _key(CancelReason.OTHER): ("Cits iemesls", "Other reason"),
    _key(GuardianCheck.VERIFIED): ("Apstiprināta", "Verified"),
    _key(GuardianCheck.NOT_VERIFIED): ("Nav apstiprināta", "Not verified"),
    _key(GuardianCheck.NOT_APPLICABLE): ("Nav attiecināms", "Not applicable"),
    _key(StaffRole.ADMIN): ("Administrators", "Administrator"),
    _key(StaffRole.REVIEWER): ("Izskatītājs", "Reviewer"),
    _key(StaffRole.DESK): ("Izsniedzējs", "Issuing desk"),
    _key(CommandState.PENDING): ("Gaida sinhronizāciju", "Waiting to sync"),
    _key(CommandState.CONFLICT): ("Konflikts", "Conflict"),
    _key(CommandState.DONE): ("Sinhronizēts", "Synced"),
    _key(CommandState.DISCARDED): ("Atmests", "Discarded"),
}
