"""The three pure state machines of DOMAIN.md and the grant rule, pair by pair.

The expected tables below are written from DOMAIN.md (and, for the item editor's own moves,
from the catalogue rules the app documents), not read from ``desktop.models.workflow``: every
(state, action) pair of every machine is checked against them, allowed or refused.
"""

from __future__ import annotations

import itertools
import re

import pytest

from desktop.models.codes import (
    ApplicantRole,
    ApplicationStatus,
    HandoverStatus,
    ItemStatus,
    TargetGroup,
)
from desktop.models.workflow import (
    MANUAL_ITEM_ACTIONS,
    ApplicationAction,
    GrantFacts,
    GrantRuleError,
    HandoverAction,
    ItemAction,
    TransitionError,
    WorkflowError,
    check_grant,
    item_actions_from,
    next_application_status,
    next_handover_status,
    next_item_status,
)

A, AA = ApplicationStatus, ApplicationAction
H, HA = HandoverStatus, HandoverAction
I, IA = ItemStatus, ItemAction  # noqa: E741

# --- the expected machines, from DOMAIN.md ----------------------------------------------------

# Application: submitted → confirmed | declined | postponed | withdrawn; postponed → confirmed |
# declined | withdrawn (deferring again is not a move of the machine); confirmed → withdrawn
# (only while the handover is not issued, see below); declined, withdrawn, deleted are final.
EXPECTED_APPLICATION: dict[ApplicationStatus, dict[ApplicationAction, ApplicationStatus]] = {
    A.SUBMITTED: {
        AA.GRANT: A.CONFIRMED,
        AA.REFUSE: A.DECLINED,
        AA.DEFER: A.POSTPONED,
        AA.WITHDRAW: A.WITHDRAWN,
    },
    A.POSTPONED: {AA.GRANT: A.CONFIRMED, AA.REFUSE: A.DECLINED, AA.WITHDRAW: A.WITHDRAWN},
    A.CONFIRMED: {AA.WITHDRAW: A.WITHDRAWN},
    A.DECLINED: {},
    A.WITHDRAWN: {},
    A.DELETED: {},
}

# Handover (PNA): preparing → prepared; prepared → issued (the applicant's receipt, or the
# paper act signed at the desk: the register's PUT {id}/sign); preparing and prepared →
# cancelled; issued → returned | lost | stolen (reported by the applicant or recorded by the
# school); the last four are final.
EXPECTED_HANDOVER: dict[HandoverStatus, dict[HandoverAction, HandoverStatus]] = {
    H.PREPARING: {HA.PREPARE: H.PREPARED, HA.CANCEL: H.CANCELLED},
    H.PREPARED: {HA.CONFIRM_RECEIPT: H.ISSUED, HA.SIGN_ON_PAPER: H.ISSUED,
                 HA.CANCEL: H.CANCELLED},
    H.ISSUED: {HA.RETURN: H.RETURNED, HA.REPORT_LOST: H.LOST, HA.REPORT_STOLEN: H.STOLEN,
               HA.RECORD_LOST: H.LOST, HA.RECORD_STOLEN: H.STOLEN},
    H.RETURNED: {},
    H.LOST: {},
    H.STOLEN: {},
    H.CANCELLED: {},
}

# Inventory item. From DOMAIN.md: granted (reserved) only when available; reserved → in use on
# receipt; reserved → available when the handover is cancelled; in use → available | damaged on
# return, → lost | stolen on a report. The catalogue's own moves: a new item is commissioned
# (available) or stored (in reserve); stock moves between reserve and available; items that are
# not lent out go to maintenance / repair or are marked damaged; maintenance and repair end back
# in service; a damaged item goes to repair; a found lost/stolen item is checked (maintenance).
# Nothing moves a reserved or lent item except its handover.
EXPECTED_ITEM: dict[ItemStatus, dict[ItemAction, ItemStatus]] = {
    I.NEW: {
        IA.COMMISSION: I.AVAILABLE,
        IA.STORE: I.IN_RESERVE,
        IA.SEND_TO_MAINTENANCE: I.MAINTENANCE,
        IA.MARK_DAMAGED: I.DAMAGED,
    },
    I.IN_RESERVE: {
        IA.RELEASE: I.AVAILABLE,
        IA.SEND_TO_MAINTENANCE: I.MAINTENANCE,
        IA.SEND_TO_REPAIR: I.UNDER_REPAIR,
        IA.MARK_DAMAGED: I.DAMAGED,
    },
    I.AVAILABLE: {
        IA.STORE: I.IN_RESERVE,
        IA.RESERVE: I.RESERVED,
        IA.SEND_TO_MAINTENANCE: I.MAINTENANCE,
        IA.SEND_TO_REPAIR: I.UNDER_REPAIR,
        IA.MARK_DAMAGED: I.DAMAGED,
    },
    I.RESERVED: {IA.UNRESERVE: I.AVAILABLE, IA.HAND_OUT: I.IN_USE},
    I.IN_USE: {
        IA.RETURN_WORKING: I.AVAILABLE,
        IA.RETURN_DAMAGED: I.DAMAGED,
        IA.REPORT_LOST: I.LOST,
        IA.REPORT_STOLEN: I.STOLEN,
    },
    I.MAINTENANCE: {
        IA.SEND_TO_REPAIR: I.UNDER_REPAIR,
        IA.MARK_DAMAGED: I.DAMAGED,
        IA.BACK_IN_SERVICE: I.AVAILABLE,
    },
    I.UNDER_REPAIR: {IA.MARK_DAMAGED: I.DAMAGED, IA.BACK_IN_SERVICE: I.AVAILABLE},
    I.DAMAGED: {IA.SEND_TO_REPAIR: I.UNDER_REPAIR},
    I.LOST: {IA.RECOVER: I.MAINTENANCE},
    I.STOLEN: {IA.RECOVER: I.MAINTENANCE},
}

# What staff may pick by hand in the item editor; the rest happen only through a handover.
EXPECTED_MANUAL = {
    IA.COMMISSION,
    IA.STORE,
    IA.RELEASE,
    IA.SEND_TO_MAINTENANCE,
    IA.SEND_TO_REPAIR,
    IA.MARK_DAMAGED,
    IA.BACK_IN_SERVICE,
    IA.RECOVER,
}

LV_LETTERS = re.compile(r"[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]")


def _pairs(states: type, actions: type) -> list[pytest.param]:
    return [
        pytest.param(state, action, id=f"{state.value}-{action.value}")
        for state, action in itertools.product(states, actions)
    ]


def _assert_refusal(exc: TransitionError, current: object, action: object) -> None:
    message = str(exc)
    assert exc.current is current
    assert exc.action is action
    assert current.value in message, message
    # The English message spells the action out ("confirm receipt"); either form names it.
    assert action.value in message or action.value.replace("_", " ") in message, message
    lv = exc.message_lv
    assert isinstance(lv, str) and lv.strip()
    assert lv != message
    assert "nevar" in lv, lv  # "… nevar veikt darbību …"
    assert current.label_lv in lv, lv  # the state by its Latvian label, not its code
    assert LV_LETTERS.search(lv), lv
    # The action is named in Latvian, never by its code.
    assert f"„{action.value}“" not in lv, lv


# --- the tables are complete ---------------------------------------------------------------


def test_expected_tables_cover_every_state() -> None:
    assert set(EXPECTED_APPLICATION) == set(ApplicationStatus)
    assert set(EXPECTED_HANDOVER) == set(HandoverStatus)
    assert set(EXPECTED_ITEM) == set(ItemStatus)


# --- application ------------------------------------------------------------------------------


@pytest.mark.parametrize(("state", "action"), _pairs(ApplicationStatus, ApplicationAction))
def test_application_transition(state: ApplicationStatus, action: ApplicationAction) -> None:
    expected = EXPECTED_APPLICATION[state].get(action)
    if expected is not None:
        assert next_application_status(state, action) is expected
    else:
        with pytest.raises(TransitionError) as info:
            next_application_status(state, action)
        _assert_refusal(info.value, state, action)
        assert info.value.entity == "application"


WITHDRAW_AFTER_HANDOVER = {
    None: True,
    H.PREPARING: True,
    H.PREPARED: True,
    H.CANCELLED: True,
    H.ISSUED: False,
    H.RETURNED: False,
    H.LOST: False,
    H.STOLEN: False,
}


def test_withdraw_table_covers_every_handover_status() -> None:
    assert set(WITHDRAW_AFTER_HANDOVER) == {None, *HandoverStatus}


@pytest.mark.parametrize(
    "handover_status",
    [pytest.param(h, id=f"handover-{h.value if h else 'none'}") for h in WITHDRAW_AFTER_HANDOVER],
)
def test_confirmed_withdrawal_depends_on_the_handover(
    handover_status: HandoverStatus | None,
) -> None:
    if WITHDRAW_AFTER_HANDOVER[handover_status]:
        result = next_application_status(
            A.CONFIRMED, AA.WITHDRAW, handover_status=handover_status
        )
        assert result is A.WITHDRAWN
    else:
        with pytest.raises(TransitionError) as info:
            next_application_status(A.CONFIRMED, AA.WITHDRAW, handover_status=handover_status)
        _assert_refusal(info.value, A.CONFIRMED, AA.WITHDRAW)
        assert handover_status.value in str(info.value)


@pytest.mark.parametrize(
    "handover_status", [pytest.param(h, id=h.value) for h in HandoverStatus]
)
@pytest.mark.parametrize("state", [A.SUBMITTED, A.POSTPONED])
def test_withdrawal_before_grant_ignores_handover_status(
    state: ApplicationStatus, handover_status: HandoverStatus
) -> None:
    # The special rule is about a granted application only.
    assert next_application_status(
        state, AA.WITHDRAW, handover_status=handover_status
    ) is A.WITHDRAWN


# --- handover ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("state", "action"), _pairs(HandoverStatus, HandoverAction))
def test_handover_transition(state: HandoverStatus, action: HandoverAction) -> None:
    expected = EXPECTED_HANDOVER[state].get(action)
    if expected is not None:
        assert next_handover_status(state, action) is expected
    else:
        with pytest.raises(TransitionError) as info:
            next_handover_status(state, action)
        _assert_refusal(info.value, state, action)
        assert info.value.entity == "handover"


# --- inventory item ---------------------------------------------------------------------------


@pytest.mark.parametrize(("state", "action"), _pairs(ItemStatus, ItemAction))
def test_item_transition(state: ItemStatus, action: ItemAction) -> None:
    expected = EXPECTED_ITEM[state].get(action)
    if expected is not None:
        assert next_item_status(state, action) is expected
    else:
        with pytest.raises(TransitionError) as info:
            next_item_status(state, action)
        _assert_refusal(info.value, state, action)
        assert info.value.entity == "item"


def test_manual_item_actions() -> None:
    assert set(MANUAL_ITEM_ACTIONS) == EXPECTED_MANUAL


@pytest.mark.parametrize("state", [pytest.param(s, id=s.value) for s in ItemStatus])
def test_item_menu_offers_exactly_the_allowed_manual_actions(state: ItemStatus) -> None:
    allowed = {a for a in EXPECTED_ITEM[state] if a in EXPECTED_MANUAL}
    assert set(item_actions_from(state)) == allowed
    assert set(item_actions_from(state, manual_only=False)) == set(EXPECTED_ITEM[state])


def test_reserved_and_lent_items_have_no_manual_moves() -> None:
    assert item_actions_from(I.RESERVED) == []
    assert item_actions_from(I.IN_USE) == []


# --- the grant rule ---------------------------------------------------------------------------


def _facts(**overrides: object) -> GrantFacts:
    """Facts that pass the rule: an available laptop of the asked kind, lent to everyone."""
    values: dict[str, object] = {
        "requested_kind": "windows_laptop",
        "applicant_role": ApplicantRole.PARENT_GUARDIAN,
        "social_status_confirmed": False,
        "kind_target_group": TargetGroup.ALL,
        "item_kind": "windows_laptop",
        "item_status": I.AVAILABLE,
        "item_socially_supported": False,
    }
    values.update(overrides)
    return GrantFacts(**values)  # type: ignore[arg-type]


def _assert_grant_refused(facts: GrantFacts) -> GrantRuleError:
    with pytest.raises(GrantRuleError) as info:
        check_grant(facts)
    err = info.value
    assert isinstance(err, WorkflowError)
    assert str(err).strip()
    assert err.message_lv.strip() and LV_LETTERS.search(err.message_lv), err.message_lv
    return err


def test_the_base_facts_pass() -> None:
    check_grant(_facts())


@pytest.mark.parametrize(
    "status", [pytest.param(s, id=s.value) for s in ItemStatus if s is not I.AVAILABLE]
)
def test_grant_refused_for_an_item_that_is_not_available(status: ItemStatus) -> None:
    err = _assert_grant_refused(_facts(item_status=status))
    assert status.value in str(err)
    assert status.label_lv in err.message_lv


def test_grant_refused_for_another_kind() -> None:
    err = _assert_grant_refused(_facts(item_kind="chromebook_laptop"))
    assert "chromebook_laptop" in str(err) and "windows_laptop" in str(err)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        pytest.param(ApplicantRole.PARENT_GUARDIAN, False, id="parent_guardian-refused"),
        pytest.param(ApplicantRole.LEARNER, False, id="learner-refused"),
        pytest.param(ApplicantRole.EMPLOYEE, True, id="employee-allowed"),
    ],
)
def test_employee_only_kind(role: ApplicantRole, allowed: bool) -> None:
    facts = _facts(kind_target_group=TargetGroup.EMPLOYEE, applicant_role=role)
    if allowed:
        check_grant(facts)
    else:
        _assert_grant_refused(facts)


@pytest.mark.parametrize(
    ("group", "role", "allowed"),
    [
        pytest.param(TargetGroup.LEARNER, ApplicantRole.EMPLOYEE, False,
                     id="learner-kind-employee-refused"),
        pytest.param(TargetGroup.LEARNER, ApplicantRole.PARENT_GUARDIAN, True,
                     id="learner-kind-parent-allowed"),
        pytest.param(TargetGroup.LEARNER, ApplicantRole.LEARNER, True,
                     id="learner-kind-adult-learner-allowed"),
        pytest.param(TargetGroup.SOCIALLY_DISADVANTAGED_LEARNER, ApplicantRole.EMPLOYEE, False,
                     id="social-kind-employee-refused"),
        pytest.param(TargetGroup.SOCIALLY_DISADVANTAGED_LEARNER, ApplicantRole.PARENT_GUARDIAN,
                     True, id="social-kind-parent-allowed"),
        pytest.param(TargetGroup.SOCIALLY_DISADVANTAGED_LEARNER, ApplicantRole.LEARNER, True,
                     id="social-kind-adult-learner-allowed"),
        pytest.param(TargetGroup.ALL, ApplicantRole.EMPLOYEE, True, id="all-employee-allowed"),
        pytest.param(TargetGroup.ALL, ApplicantRole.LEARNER, True, id="all-learner-allowed"),
    ],
)
def test_learner_kinds_against_role(group: TargetGroup, role: ApplicantRole, allowed: bool) -> None:
    # Social status confirmed so that only the target group decides here.
    facts = _facts(kind_target_group=group, applicant_role=role, social_status_confirmed=True)
    if allowed:
        check_grant(facts)
    else:
        _assert_grant_refused(facts)


@pytest.mark.parametrize(
    ("group", "item_social", "confirmed", "allowed"),
    [
        pytest.param(TargetGroup.ALL, True, False, False, id="social-item-unconfirmed-refused"),
        pytest.param(TargetGroup.ALL, True, True, True, id="social-item-confirmed-allowed"),
        pytest.param(TargetGroup.LEARNER, True, False, False,
                     id="social-item-learner-kind-unconfirmed-refused"),
        pytest.param(TargetGroup.SOCIALLY_DISADVANTAGED_LEARNER, False, False, False,
                     id="social-kind-unconfirmed-refused"),
        pytest.param(TargetGroup.SOCIALLY_DISADVANTAGED_LEARNER, False, True, True,
                     id="social-kind-confirmed-allowed"),
        pytest.param(TargetGroup.SOCIALLY_DISADVANTAGED_LEARNER, True, False, False,
                     id="social-kind-social-item-unconfirmed-refused"),
        pytest.param(TargetGroup.SOCIALLY_DISADVANTAGED_LEARNER, True, True, True,
                     id="social-kind-social-item-confirmed-allowed"),
        pytest.param(TargetGroup.ALL, False, False, True, id="ordinary-item-unconfirmed-allowed"),
    ],
)
def test_socially_supported_devices_need_a_confirmed_status(
    group: TargetGroup, item_social: bool, confirmed: bool, allowed: bool
) -> None:
    facts = _facts(
        kind_target_group=group,
        item_socially_supported=item_social,
        social_status_confirmed=confirmed,
    )
    if allowed:
        check_grant(facts)
    else:
        err = _assert_grant_refused(facts)
        assert "VIIS" in err.message_lv


def test_grant_rule_matrix() -> None:
    """Every combination of the rule's inputs against an independent statement of the rule."""
    wrong = []
    for status, same_kind, role, group, item_social, confirmed in itertools.product(
        ItemStatus, (True, False), ApplicantRole, TargetGroup, (False, True), (False, True)
    ):
        learner_groups = (TargetGroup.LEARNER, TargetGroup.SOCIALLY_DISADVANTAGED_LEARNER)
        role_fits = not (
            (group is TargetGroup.EMPLOYEE and role is not ApplicantRole.EMPLOYEE)
            or (group in learner_groups and role is ApplicantRole.EMPLOYEE)
        )
        social_fits = confirmed or not (
            item_social or group is TargetGroup.SOCIALLY_DISADVANTAGED_LEARNER
        )
        expected = status is I.AVAILABLE and same_kind and role_fits and social_fits
        facts = _facts(
            item_status=status,
            item_kind="windows_laptop" if same_kind else "tablet",
            applicant_role=role,
            kind_target_group=group,
            item_socially_supported=item_social,
            social_status_confirmed=confirmed,
        )
        try:
            check_grant(facts)
            got = True
        except GrantRuleError:
            got = False
        if got != expected:
            wrong.append((facts, expected, got))
    assert not wrong, "\n".join(f"{f}: expected {e}, got {g}" for f, e, g in wrong[:20])
