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
        return _LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _LABELS[self][1]

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


class DocumentType(Coded):
    PNA = "pna"
    EXPLOITATION_RULES = "exploitation_rules"
    HYPERLINK = "hyperlink"


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

_LABELS: dict[Coded, tuple[str, str]] = {
    ApplicationStatus.SUBMITTED: ("Iesniegts", "Submitted"),
    ApplicationStatus.POSTPONED: ("Atlikta izskatīšana", "Postponed"),
    ApplicationStatus.CONFIRMED: ("Piešķirts", "Granted"),
    ApplicationStatus.DECLINED: ("Atteikts", "Refused"),
    ApplicationStatus.WITHDRAWN: ("Atsaukts", "Withdrawn"),
    ApplicationStatus.DELETED: ("Dzēsts", "Deleted"),
    HandoverStatus.PREPARING: ("Sagatavošanā", "Preparing"),
    HandoverStatus.PREPARED: ("Gatavs izsniegšanai", "Ready for issue"),
    HandoverStatus.ISSUED: ("Izsniegts", "Issued"),
    HandoverStatus.RETURNED: ("Atgriezts", "Returned"),
    HandoverStatus.LOST: ("Nozaudēts", "Lost"),
    HandoverStatus.STOLEN: ("Nozagts", "Stolen"),
    HandoverStatus.CANCELLED: ("Atcelts", "Cancelled"),
    ItemStatus.NEW: ("Jauns", "New"),
    ItemStatus.IN_RESERVE: ("Rezervē", "In reserve"),
    ItemStatus.AVAILABLE: ("Pieejams", "Available"),
    ItemStatus.RESERVED: ("Rezervēts", "Reserved"),
    ItemStatus.IN_USE: ("Lietošanā", "In use"),
    ItemStatus.MAINTENANCE: ("Apkopē", "Maintenance"),
    ItemStatus.UNDER_REPAIR: ("Remontā", "Under repair"),
    ItemStatus.DAMAGED: ("Bojāts", "Damaged"),
    ItemStatus.LOST: ("Nozaudēts", "Lost"),
    ItemStatus.STOLEN: ("Nozagts", "Stolen"),
    TargetGroup.ALL: ("Visi", "Everyone"),
    TargetGroup.LEARNER: ("Izglītojamie", "Learners"),
    TargetGroup.SOCIALLY_DISADVANTAGED_LEARNER: (
        "Sociāli atbalstāmie izglītojamie",
        "Socially supported learners",
    ),
    TargetGroup.EMPLOYEE: ("Darbinieki", "Employees"),
    SocialStatus.POOR_FAMILY: ("Trūcīga ģimene", "Poor family"),
    SocialStatus.LOW_INCOME_FAMILY: ("Maznodrošināta ģimene", "Low-income family"),
    SocialStatus.DISABILITY: ("Invaliditāte", "Disability"),
    SocialStatus.MEDICAL_RECOMMENDATIONS: ("Ārstu rekomendācijas", "Medical recommendations"),
    ApplicantRole.PARENT_GUARDIAN: ("Vecāks vai aizbildnis", "Parent or guardian"),
    ApplicantRole.LEARNER: ("Pilngadīgs izglītojamais", "Adult learner"),
    ApplicantRole.EMPLOYEE: ("Iestādes darbinieks", "Employee"),
    WithdrawalReason.BOUGHT_HIMSELF: ("Iegādājās pats", "Bought one themselves"),
    WithdrawalReason.NEED_DISAPPEARED: ("Vajadzība zudusi", "No longer needed"),
    WithdrawalReason.EDUCATIONAL_INSTITUTION_CHANGE: (
        "Mainīta izglītības iestāde",
        "Changed school",
    ),
    ReturnCondition.RETURNED_WORKING_ORDER: ("Darba kārtībā", "In working order"),
    ReturnCondition.DAMAGED: ("Bojāts", "Damaged"),
    DocumentType.PNA: ("Pieņemšanas-nodošanas akts", "Acceptance-handover act"),
    DocumentType.EXPLOITATION_RULES: ("Lietošanas noteikumi", "Usage rules"),
    DocumentType.HYPERLINK: ("Saite", "Link"),
    CancelReason.SUBMITTER_REFUSED: ("Iesniedzējs atteicās", "The applicant refused"),
    CancelReason.ITEM_UNSUITABLE: ("Resurss nav piemērots", "The device is unsuitable"),
    CancelReason.OTHER: ("Cits iemesls", "Other reason"),
    GuardianCheck.VERIFIED: ("Apstiprināta", "Verified"),
    GuardianCheck.NOT_VERIFIED: ("Nav apstiprināta", "Not verified"),
    GuardianCheck.NOT_APPLICABLE: ("Nav attiecināms", "Not applicable"),
    StaffRole.ADMIN: ("Administrators", "Administrator"),
    StaffRole.REVIEWER: ("Izskatītājs", "Reviewer"),
    StaffRole.DESK: ("Izsniegšanas vieta", "Issuing desk"),
    CommandState.PENDING: ("Gaida sinhronizāciju", "Waiting to sync"),
    CommandState.CONFLICT: ("Konflikts", "Conflict"),
    CommandState.DONE: ("Sinhronizēts", "Synced"),
    CommandState.DISCARDED: ("Atmests", "Discarded"),
}
