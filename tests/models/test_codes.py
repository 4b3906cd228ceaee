"""Every classifier code has its own Latvian and English label, even where two code lists
share a code's text (StrEnum members compare and hash as their text)."""

from __future__ import annotations

import pytest

from desktop.models import catalogue, codes
from desktop.models.codes import ApplicantRole, Coded, ItemStatus, ReturnCondition, TargetGroup

CODED = sorted((c for c in vars(codes).values()
                if isinstance(c, type) and issubclass(c, Coded) and c is not Coded),
               key=lambda c: c.__name__)
MEMBERS = [m for enum in CODED for m in enum]


def test_the_code_lists_are_all_found() -> None:
    assert {TargetGroup, ApplicantRole, ItemStatus, ReturnCondition} <= set(CODED)
    assert len(CODED) >= 13


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_member_has_both_labels(member: Coded) -> None:
    assert member.label_lv.strip() and member.label_en.strip()
    assert member.label("lv") == member.label_lv and member.label("en") == member.label_en
    assert member.label_lv != member.value  # a label, not the code itself


def test_no_label_entry_is_left_without_its_member() -> None:
    keys = {(type(m), m.value) for m in MEMBERS}
    assert set(codes._LABELS) == keys
    assert len(codes._LABELS) == len(MEMBERS)


def test_within_one_code_list_the_latvian_labels_differ() -> None:
    for enum in CODED:
        labels = [m.label_lv for m in enum]
        assert len(set(labels)) == len(labels), enum.__name__


def test_target_groups_are_not_labelled_as_applicant_roles() -> None:
    # the same texts "employee" and "learner" are codes of both lists
    assert TargetGroup.EMPLOYEE == ApplicantRole.EMPLOYEE
    assert TargetGroup.EMPLOYEE.label_lv == "Darbiniekiem"
    assert TargetGroup.EMPLOYEE.label_en == "Employees"
    assert TargetGroup.LEARNER.label_lv == "Izglītojamajiem"
    assert TargetGroup.LEARNER.label_en == "Learners"
    assert TargetGroup.ALL.label_lv == "Visiem"
    assert TargetGroup.SOCIALLY_DISADVANTAGED_LEARNER.label_lv == (
        "Sociāli atbalstāmajiem izglītojamajiem")
    assert ApplicantRole.EMPLOYEE.label_lv == "Iestādes darbinieks"
    assert ApplicantRole.LEARNER.label_lv == "Pilngadīgs izglītojamais"
    assert ApplicantRole.LEARNER.label_en == "Adult learner"


def test_catalogue_shows_the_target_group_labels() -> None:
    assert catalogue.target_group_label(TargetGroup.EMPLOYEE) == "Darbiniekiem"
    assert catalogue.target_group_label("learner", "en") == "Learners"
    assert catalogue.target_group_label("all") == "Visiem"


def test_labels_use_the_glossary_and_the_registers_wording() -> None:
    """docs/GLOSSARY.md: the register's own reasons, the desk role as a person."""
    from desktop.models.codes import SocialStatus, StaffRole, WithdrawalReason

    assert SocialStatus.MEDICAL_RECOMMENDATIONS.label_lv == "PMK vai psihologa atzinums"
    assert WithdrawalReason.NEED_DISAPPEARED.label_lv == "Zuda nepieciešamība"
    assert (WithdrawalReason.EDUCATIONAL_INSTITUTION_CHANGE.label_lv
            == "Izglītības iestādes maiņa")
    assert StaffRole.DESK.label_lv == "Izsniedzējs"
