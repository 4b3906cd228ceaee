"""The core's operations against a real store, from every starting state of their entity.

An allowed operation writes the new state, exactly its status-history rows, one audit row and
one pending outbox command, with the item following as DOMAIN.md says. A refused one raises
and leaves every table exactly as it was.
"""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.models.codes import (
    ApplicantRole,
    ApplicationStatus,
    CancelReason,
    CommandState,
    HandoverStatus,
    ItemStatus,
    ReturnCondition,
    SocialStatus,
    StaffRole,
)
from desktop.models.decisions import defer, grant, refuse
from desktop.models.errors import InputError, NotFoundError, PermissionDeniedError
from desktop.models.handovers import (
    acknowledge_incident,
    cancel_handover,
    prepare_handover,
    record_return,
)
from desktop.models.inventory import change_item_status, create_item, edit_item
from desktop.models.journal import Actor
from desktop.models.schema import (
    Application,
    AuditEntry,
    Handover,
    Item,
    OutboxCommand,
    StatusHistory,
)
from desktop.models.store import DB_FILENAME, Store, open_store
from desktop.models.workflow import GrantRuleError, ItemAction, TransitionError, WorkflowError
from factories import (
    ADMIN,
    DESK,
    OTHER_SCHOOL,
    REVIEWER,
    SCHOOL,
    add_application,
    add_handover,
    add_item,
    seed_catalogue,
    snapshot,
)

A, H, I = ApplicationStatus, HandoverStatus, ItemStatus  # noqa: E741
IA = ItemAction

NOW = datetime(2026, 9, 10, 9, 15, tzinfo=UTC)
APP_VERSION = 7
ITEM_VERSION = 3
REASON = "Nav pieejamu ierīču; mēģiniet pēc ziemas brīvlaika"
DEFER_REASON = "Gaidām jaunu piegādi; izskatīsim pēc Ziemassvētkiem"
NOTES = "Ekrānā plaisa, trūkst taustiņa “Ē”"
LEARNER = "Ķēniņš Ūdris"
SUBMITTER = "Žanna Ģērmane"
PERSONAL_BITS = (
    LEARNER,
    SUBMITTER,
    "Ķēniņš",
    "Ģērmane",
    "Jānis Bērziņš",
    "Līga Bērziņa",
    "Bērziņ",
    "010180-10006",
    "150312-20004",
    "01018010006",
    "15031220004",
    "liga.berzina@example.lv",
    "+37120000000",
)


# --- helpers ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated store with the factories' catalogue, made once; each test gets a copy."""
    folder = tmp_path_factory.mktemp("template")
    template = open_store(folder)
    seed_catalogue(template)
    template.close()
    assert not (folder / f"{DB_FILENAME}-wal").exists()
    return folder / DB_FILENAME


@pytest.fixture
def seeded(seeded_template: Path, data_dir: Path) -> Iterator[Store]:
    """Like the ``store`` fixture (a fresh migrated store) plus ``seed_catalogue``, only faster."""
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(seeded_template, data_dir / DB_FILENAME)
    store = open_store(data_dir)
    assert store.backup is None
    yield store
    store.close()




def get(store: Store, model: type, key: object) -> Any:
    with store.read() as s:
        obj = s.get(model, key)
        s.expunge_all()
        return obj


def all_rows(store: Store, stmt: Any) -> list[Any]:
    with store.read() as s:
        rows = list(s.scalars(stmt).all())
        s.expunge_all()
        return rows


def marks(store: Store) -> tuple[int, int, int]:
    with store.read() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.coalesce(func.max(m.id), 0)))
            for m in (StatusHistory, AuditEntry, OutboxCommand)
        )


def set_versions(
    store: Store, *, app_id: int | None = None, item_id: str | None = None, **app_fields: Any
) -> None:
    with store.write() as s:
        if app_id is not None:
            app = s.get(Application, app_id)
            app.server_version = APP_VERSION
            for name, value in app_fields.items():
                setattr(app, name, value)
        if item_id is not None:
            s.get(Item, item_id).server_version = ITEM_VERSION


def assert_refused(
    store: Store, error: type[Exception], call: Callable[[], object], **attrs: object
) -> Exception:
    before = snapshot(store)
    with pytest.raises(error) as info:
        call()
    for name, value in attrs.items():
        assert getattr(info.value, name) == value, (name, info.value)
    if isinstance(info.value, WorkflowError):
        assert info.value.message_lv.strip()
    assert snapshot(store) == before, "a refused operation changed the store"
    return info.value


HistoryRow = tuple[str, str, str, str | None, str, int | None]


def assert_journal(
    store: Store,
    since: tuple[int, int, int],
    *,
    outcome: Any,
    actor: Actor,
    history: list[HistoryRow],
    audit_action: str,
    audit_entity: tuple[str, str],
    command: str,
    aggregate: tuple[str, str],
    base_version: int,
    application_id: int | None,
    history_reason: str | None = None,
) -> OutboxCommand:
    """Exactly these history rows, one audit row and one pending outbox command were written."""
    h0, a0, o0 = since
    new_history = all_rows(store, select(StatusHistory).where(StatusHistory.id > h0))
    got = [
        (r.entity_type, r.entity_id, r.action, r.from_status, r.to_status, r.application_id)
        for r in new_history
    ]
    assert len(got) == len(history), got
    assert sorted(got, key=repr) == sorted(history, key=repr)
    for r in new_history:
        assert r.actor == actor.username
        assert r.source == "local"
        assert r.at == NOW
    if history_reason is not None:
        assert any(r.reason == history_reason for r in new_history)

    audits = all_rows(store, select(AuditEntry).where(AuditEntry.id > a0))
    assert len(audits) == 1, audits
    (audit,) = audits
    assert (audit.action, audit.entity_type, audit.entity_id) == (audit_action, *audit_entity)
    assert audit.actor == actor.username
    assert audit.institution_id == actor.institution_id
    assert audit.at == NOW

    commands = all_rows(store, select(OutboxCommand).where(OutboxCommand.id > o0))
    assert len(commands) == 1, commands
    (cmd,) = commands
    assert cmd.command_id == outcome.command_id
    assert str(uuid.UUID(cmd.command_id)) == cmd.command_id
    same_id = all_rows(
        store, select(OutboxCommand).where(OutboxCommand.command_id == cmd.command_id)
    )
    assert len(same_id) == 1
    assert cmd.state is CommandState.PENDING
    assert cmd.command == command
    assert (cmd.aggregate_type, cmd.aggregate_id) == aggregate
    assert cmd.base_version == base_version
    assert cmd.application_id == application_id
    assert cmd.institution_id == actor.institution_id
    assert cmd.actor == actor.username
    assert cmd.attempts == 0
    assert cmd.created_at == NOW
    json.dumps(cmd.payload)  # goes on the wire as JSON
    return cmd


def application_history(app_id: int, action: str, before: A, after: A) -> HistoryRow:
    return ("application", str(app_id), action, before.value, after.value, app_id)


def item_history(item_id: str, action: str, before: I, after: I) -> HistoryRow:
    return ("item", item_id, action, before.value, after.value, None)


def handover_history(
    handover_id: str, action: str, before: H | None, after: H, app_id: int
) -> HistoryRow:
    return ("handover", handover_id, action, before.value if before else None, after.value,
            app_id)


def new_application(store: Store, status: A = A.SUBMITTED, **kw: Any) -> int:
    kw.setdefault("learner", LEARNER)
    kw.setdefault("submitter", SUBMITTER)
    app_id = add_application(store, status=status, **kw)
    fields: dict[str, Any] = {}
    if status is A.POSTPONED:
        fields = {"decision_reason": "Iepriekš atlikts", "revisit_on": date(2026, 9, 20)}
    set_versions(store, app_id=app_id, **fields)
    return app_id


def new_item(store: Store, status: I = I.AVAILABLE, **kw: Any) -> str:
    item_id = add_item(store, status=status, **kw)
    set_versions(store, item_id=item_id)
    return item_id


def app_ids(status_list: Any) -> list[Any]:
    return [pytest.param(s, id=s.value) for s in status_list]


# --- grant ------------------------------------------------------------------------------------

DECIDABLE = {A.SUBMITTED, A.POSTPONED}


@pytest.mark.parametrize("with_item", [pytest.param(True, id="item"),
                                       pytest.param(False, id="no-item")])
@pytest.mark.parametrize("status", app_ids(ApplicationStatus))
def test_grant_from_every_status(seeded: Store, status: A, with_item: bool) -> None:
    app_id = new_application(seeded, status)
    item_id = new_item(seeded)
    item_arg = item_id if with_item else None
    deadline = date(2027, 6, 15)

    def call() -> Any:
        return grant(seeded, REVIEWER, app_id, item_id=item_arg, return_deadline=deadline,
                     now=NOW)

    if status not in DECIDABLE:
        err = assert_refused(seeded, TransitionError, call)
        assert err.current is status
        return

    since = marks(seeded)
    outcome = call()
    app = get(seeded, Application, app_id)
    assert outcome.status == "confirmed" and app.status is A.CONFIRMED
    assert app.status_changed_at == NOW
    assert app.decision_reason is None and app.revisit_on is None
    item = get(seeded, Item, item_id)
    handovers = all_rows(seeded, select(Handover).where(Handover.application_id == app_id))
    history = [application_history(app_id, "grant", status, A.CONFIRMED)]
    if with_item:
        assert item.status is I.RESERVED
        (handover,) = handovers
        assert handover.status is H.PREPARING
        assert handover.item_id == item_id
        assert handover.return_deadline == deadline
        assert outcome.handover_id == handover.id
        history += [
            item_history(item_id, "reserve", I.AVAILABLE, I.RESERVED),
            handover_history(handover.id, "create", None, H.PREPARING, app_id),
        ]
    else:
        assert item.status is I.AVAILABLE
        assert handovers == []
        assert outcome.handover_id is None
    cmd = assert_journal(
        seeded, since, outcome=outcome, actor=REVIEWER, history=history,
        audit_action="grant", audit_entity=("application", str(app_id)), command="grant",
        aggregate=("application", str(app_id)), base_version=APP_VERSION,
        application_id=app_id,
    )
    if with_item:
        assert cmd.payload["item_id"] == item_id
        assert cmd.payload["handover_id"] == outcome.handover_id
        assert cmd.payload["return_deadline"] == "2027-06-15"


@pytest.mark.parametrize(
    "item_status", app_ids([s for s in ItemStatus if s is not I.AVAILABLE])
)
def test_grant_refuses_an_item_that_is_not_available(seeded: Store, item_status: I) -> None:
    app_id = new_application(seeded)
    item_id = new_item(seeded, item_status)
    assert_refused(seeded, GrantRuleError,
                   lambda: grant(seeded, REVIEWER, app_id, item_id=item_id, now=NOW))


@pytest.mark.parametrize(
    ("app_kw", "item_kw", "allowed"),
    [
        pytest.param({}, {"kind": "chromebook_laptop"}, False, id="other-kind"),
        pytest.param({}, {"socially_supported": True}, False, id="social-item-no-status"),
        pytest.param({"social": SocialStatus.POOR_FAMILY, "social_confirmed": False},
                     {"socially_supported": True}, False, id="social-item-unconfirmed"),
        pytest.param({"social": SocialStatus.LOW_INCOME_FAMILY},
                     {"socially_supported": True}, True, id="social-item-confirmed"),
        pytest.param({"kind": "chromebook_laptop"}, {"kind": "chromebook_laptop"}, False,
                     id="social-kind-no-status"),
        pytest.param({"kind": "chromebook_laptop", "social": SocialStatus.DISABILITY},
                     {"kind": "chromebook_laptop"}, True, id="social-kind-confirmed"),
        pytest.param({"kind": "chromebook_laptop", "social": SocialStatus.DISABILITY,
                      "role": ApplicantRole.EMPLOYEE},
                     {"kind": "chromebook_laptop"}, False, id="social-kind-employee"),
        pytest.param({"kind": "tablet"}, {"kind": "tablet"}, False, id="employee-kind-parent"),
        pytest.param({"kind": "tablet", "role": ApplicantRole.EMPLOYEE}, {"kind": "tablet"},
                     True, id="employee-kind-employee"),
    ],
)
def test_grant_rule_in_the_store(
    seeded: Store, app_kw: dict[str, Any], item_kw: dict[str, Any], allowed: bool
) -> None:
    app_id = new_application(seeded, **app_kw)
    item_id = new_item(seeded, **item_kw)
    if allowed:
        grant(seeded, REVIEWER, app_id, item_id=item_id, now=NOW)
        assert get(seeded, Item, item_id).status is I.RESERVED
    else:
        assert_refused(seeded, GrantRuleError,
                       lambda: grant(seeded, REVIEWER, app_id, item_id=item_id, now=NOW))


def test_grant_refuses_another_schools_item(seeded: Store) -> None:
    app_id = new_application(seeded)
    item_id = new_item(seeded, institution=OTHER_SCHOOL)
    assert_refused(seeded, NotFoundError,
                   lambda: grant(seeded, REVIEWER, app_id, item_id=item_id, now=NOW))


# --- refuse -----------------------------------------------------------------------------------


@pytest.mark.parametrize("status", app_ids(ApplicationStatus))
def test_refuse_from_every_status(seeded: Store, status: A) -> None:
    app_id = new_application(seeded, status)

    def call() -> Any:
        return refuse(seeded, REVIEWER, app_id, f"  {REASON}\n", now=NOW)

    if status not in DECIDABLE:
        assert_refused(seeded, TransitionError, call)
        return
    since = marks(seeded)
    outcome = call()
    app = get(seeded, Application, app_id)
    assert outcome.status == "declined" and app.status is A.DECLINED
    assert app.decision_reason == REASON
    assert app.revisit_on is None
    cmd = assert_journal(
        seeded, since, outcome=outcome, actor=REVIEWER,
        history=[application_history(app_id, "refuse", status, A.DECLINED)],
        audit_action="refuse", audit_entity=("application", str(app_id)), command="refuse",
        aggregate=("application", str(app_id)), base_version=APP_VERSION,
        application_id=app_id, history_reason=REASON,
    )
    assert cmd.payload == {"reason": REASON}


@pytest.mark.parametrize("reason", [pytest.param("", id="empty"), pytest.param("   ", id="spaces"),
                                    pytest.param("\n\t ", id="whitespace"),
                                    pytest.param(None, id="none")])
def test_refuse_needs_a_reason(seeded: Store, reason: str | None) -> None:
    app_id = new_application(seeded)
    assert_refused(seeded, InputError,
                   lambda: refuse(seeded, REVIEWER, app_id, reason, now=NOW),  # type: ignore[arg-type]
                   field="reason")


def test_refuse_reason_too_long(seeded: Store) -> None:
    app_id = new_application(seeded)
    assert_refused(seeded, InputError,
                   lambda: refuse(seeded, REVIEWER, app_id, "ā" * 2001, now=NOW), field="reason")


# --- defer ------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", app_ids(ApplicationStatus))
def test_defer_from_every_status(seeded: Store, status: A) -> None:
    app_id = new_application(seeded, status)
    revisit = date(2026, 10, 1)

    def call() -> Any:
        return defer(seeded, REVIEWER, app_id, DEFER_REASON, revisit_on=revisit, now=NOW)

    if status is not A.SUBMITTED:  # deferring again is not a move of the machine
        assert_refused(seeded, TransitionError, call)
        return
    since = marks(seeded)
    outcome = call()
    app = get(seeded, Application, app_id)
    assert outcome.status == "postponed" and app.status is A.POSTPONED
    assert app.decision_reason == DEFER_REASON
    assert app.revisit_on == revisit
    cmd = assert_journal(
        seeded, since, outcome=outcome, actor=REVIEWER,
        history=[application_history(app_id, "defer", status, A.POSTPONED)],
        audit_action="defer", audit_entity=("application", str(app_id)), command="defer",
        aggregate=("application", str(app_id)), base_version=APP_VERSION,
        application_id=app_id, history_reason=DEFER_REASON,
    )
    assert cmd.payload == {"reason": DEFER_REASON, "revisit_on": "2026-10-01"}


def test_defer_with_a_past_revisit_date(seeded: Store) -> None:
    app_id = new_application(seeded)
    err = assert_refused(
        seeded, InputError,
        lambda: defer(seeded, REVIEWER, app_id, DEFER_REASON,
                      revisit_on=NOW.date() - timedelta(days=1), now=NOW),
        field="revisit_on",
    )
    assert "09.09.2026" in err.message_lv


def test_defer_to_today_and_without_a_date(seeded: Store) -> None:
    first = new_application(seeded)
    second = new_application(seeded)
    defer(seeded, REVIEWER, first, DEFER_REASON, revisit_on=NOW.date(), now=NOW)
    defer(seeded, REVIEWER, second, DEFER_REASON, now=NOW)
    assert get(seeded, Application, first).revisit_on == NOW.date()
    assert get(seeded, Application, second).revisit_on is None


@pytest.mark.parametrize("reason", [pytest.param("", id="empty"),
                                    pytest.param("  \t", id="whitespace")])
def test_defer_needs_a_reason(seeded: Store, reason: str) -> None:
    app_id = new_application(seeded)
    assert_refused(seeded, InputError,
                   lambda: defer(seeded, REVIEWER, app_id, reason, now=NOW), field="reason")


# --- handovers: one case per handover status --------------------------------------------------

# The item's status that goes with each handover status (lost/stolen: reported by the applicant,
# not yet acknowledged by the school, so the item is still in use).
ITEM_FOR_HANDOVER = {
    H.PREPARING: I.RESERVED,
    H.PREPARED: I.RESERVED,
    H.ISSUED: I.IN_USE,
    H.RETURNED: I.AVAILABLE,
    H.LOST: I.IN_USE,
    H.STOLEN: I.IN_USE,
    H.CANCELLED: I.AVAILABLE,
}


def make_case(store: Store, status: H, **app_kw: Any) -> tuple[int, str, str]:
    """A granted application with a handover in ``status`` and its item; (app, handover, item)."""
    app_id = new_application(store, A.CONFIRMED, **app_kw)
    item_id = new_item(store, ITEM_FOR_HANDOVER[status])
    handover_id = add_handover(store, app_id, item_id, status)
    with store.write() as s:
        h = s.get(Handover, handover_id)
        number = s.get(Application, app_id).number
        if status is not H.PREPARING and status is not H.CANCELLED:
            h.prepared_at = h.created_at
            h.act_number = f"{number}-A1"
        if status in (H.ISSUED, H.RETURNED, H.LOST, H.STOLEN):
            h.issued_at = h.created_at
        if status is H.RETURNED:
            h.returned_at = h.created_at
            h.return_condition = ReturnCondition.RETURNED_WORKING_ORDER
        if status in (H.LOST, H.STOLEN):
            h.incident_description = "Atstāts autobusā"
            h.incident_reported_at = h.created_at
        if status is H.CANCELLED:
            h.cancel_reason = CancelReason.SUBMITTER_REFUSED
    return app_id, handover_id, item_id


def handover_ids(statuses: Any = HandoverStatus) -> list[Any]:
    return [pytest.param(s, id=s.value) for s in statuses]


# prepare: a preparing handover is made ready; after a cancelled one a new handover starts.
# A handover already prepared or issued cannot be prepared again, and a case whose device was
# issued and then returned, lost or stolen is over (a new device needs a new application).
PREPARE_ALLOWED = {H.PREPARING, H.CANCELLED}


@pytest.mark.parametrize("status", handover_ids())
def test_prepare_handover_from_every_status(seeded: Store, status: H) -> None:
    app_id, handover_id, old_item = make_case(seeded, status)
    replacement = new_item(seeded)  # the desk scans another device
    number = get(seeded, Application, app_id).number
    deadline = date(2027, 6, 30)

    def call() -> Any:
        return prepare_handover(seeded, DESK, app_id, item_id=replacement,
                                return_deadline=deadline, now=NOW)

    if status not in PREPARE_ALLOWED:
        assert_refused(seeded, TransitionError, call)
        return
    since = marks(seeded)
    outcome = call()
    assert outcome.status == "prepared"
    handover = get(seeded, Handover, outcome.handover_id)
    assert handover.status is H.PREPARED
    assert handover.item_id == replacement
    assert handover.prepared_at == NOW
    assert handover.return_deadline == deadline
    assert get(seeded, Item, replacement).status is I.RESERVED
    assert get(seeded, Item, old_item).status is I.AVAILABLE
    assert get(seeded, Application, app_id).status is A.CONFIRMED
    if status is H.PREPARING:
        assert outcome.handover_id == handover_id
        assert handover.act_number == f"{number}-A1"
        history = [
            item_history(old_item, "unreserve", I.RESERVED, I.AVAILABLE),
            item_history(replacement, "reserve", I.AVAILABLE, I.RESERVED),
            handover_history(handover_id, "prepare", H.PREPARING, H.PREPARED, app_id),
        ]
    else:  # after a cancelled handover: a new one, the old one stays cancelled
        assert outcome.handover_id != handover_id
        assert get(seeded, Handover, handover_id).status is H.CANCELLED
        assert handover.act_number == f"{number}-A2"
        history = [
            handover_history(outcome.handover_id, "create", None, H.PREPARING, app_id),
            item_history(replacement, "reserve", I.AVAILABLE, I.RESERVED),
            handover_history(outcome.handover_id, "prepare", H.PREPARING, H.PREPARED, app_id),
        ]
    cmd = assert_journal(
        seeded, since, outcome=outcome, actor=DESK, history=history,
        audit_action="prepare_handover", audit_entity=("handover", outcome.handover_id),
        command="prepare_handover", aggregate=("application", str(app_id)),
        base_version=APP_VERSION, application_id=app_id,
    )
    # the receipt token the QR code will carry travels in the command, the same on both sides
    assert cmd.payload["receipt_token"] == handover.receipt_token and len(
        handover.receipt_token) == 43
    assert cmd.payload == {
        "handover_id": outcome.handover_id,
        "item_id": replacement,
        "act_number": handover.act_number,
        "receipt_token": handover.receipt_token,
        "return_deadline": "2027-06-30",
        "arrangement": None,
        "notify": False,
        "allow_other_kind": False,
    }


def test_prepare_handover_with_the_reserved_item(seeded: Store) -> None:
    app_id, handover_id, item_id = make_case(seeded, H.PREPARING)
    since = marks(seeded)
    outcome = prepare_handover(seeded, DESK, app_id, now=NOW)
    assert outcome.handover_id == handover_id and outcome.item_id == item_id
    assert get(seeded, Handover, handover_id).status is H.PREPARED
    assert get(seeded, Item, item_id).status is I.RESERVED
    assert_journal(
        seeded, since, outcome=outcome, actor=DESK,
        history=[handover_history(handover_id, "prepare", H.PREPARING, H.PREPARED, app_id)],
        audit_action="prepare_handover", audit_entity=("handover", handover_id),
        command="prepare_handover", aggregate=("application", str(app_id)),
        base_version=APP_VERSION, application_id=app_id,
    )


def test_prepare_handover_after_a_grant_without_item(seeded: Store) -> None:
    app_id = new_application(seeded, A.CONFIRMED)
    item_id = new_item(seeded)
    since = marks(seeded)
    outcome = prepare_handover(seeded, DESK, app_id, item_id=item_id, now=NOW)
    assert outcome.status == "prepared"
    assert get(seeded, Item, item_id).status is I.RESERVED
    assert_journal(
        seeded, since, outcome=outcome, actor=DESK,
        history=[
            handover_history(outcome.handover_id, "create", None, H.PREPARING, app_id),
            item_history(item_id, "reserve", I.AVAILABLE, I.RESERVED),
            handover_history(outcome.handover_id, "prepare", H.PREPARING, H.PREPARED, app_id),
        ],
        audit_action="prepare_handover", audit_entity=("handover", outcome.handover_id),
        command="prepare_handover", aggregate=("application", str(app_id)),
        base_version=APP_VERSION, application_id=app_id,
    )


def test_prepare_handover_without_any_item(seeded: Store) -> None:
    app_id = new_application(seeded, A.CONFIRMED)
    assert_refused(seeded, InputError, lambda: prepare_handover(seeded, DESK, app_id, now=NOW),
                   field="item")


@pytest.mark.parametrize("status", app_ids([s for s in ApplicationStatus if s is not A.CONFIRMED]))
def test_prepare_handover_needs_a_granted_application(seeded: Store, status: A) -> None:
    app_id = new_application(seeded, status)
    item_id = new_item(seeded)
    assert_refused(seeded, TransitionError,
                   lambda: prepare_handover(seeded, DESK, app_id, item_id=item_id, now=NOW))


@pytest.mark.parametrize(
    ("item_kw", "error"),
    [
        pytest.param({"status": I.MAINTENANCE}, GrantRuleError, id="in-maintenance"),
        pytest.param({"status": I.IN_USE}, GrantRuleError, id="in-use"),
        pytest.param({"socially_supported": True}, GrantRuleError, id="social-item"),
        pytest.param({"kind": "tablet"}, GrantRuleError, id="other-kind"),
        pytest.param({"institution": OTHER_SCHOOL}, NotFoundError, id="other-school"),
    ],
)
def test_prepare_handover_checks_the_new_item(
    seeded: Store, item_kw: dict[str, Any], error: type[Exception]
) -> None:
    app_id, _, _ = make_case(seeded, H.PREPARING)
    other = new_item(seeded, **item_kw)
    assert_refused(seeded, error,
                   lambda: prepare_handover(seeded, DESK, app_id, item_id=other, now=NOW))


# cancel


@pytest.mark.parametrize("status", handover_ids())
def test_cancel_handover_from_every_status(seeded: Store, status: H) -> None:
    app_id, handover_id, item_id = make_case(seeded, status)

    def call() -> Any:
        return cancel_handover(seeded, DESK, handover_id, CancelReason.SUBMITTER_REFUSED,
                               now=NOW)

    if status not in (H.PREPARING, H.PREPARED):
        assert_refused(seeded, TransitionError, call)
        return
    since = marks(seeded)
    outcome = call()
    handover = get(seeded, Handover, handover_id)
    assert outcome.status == "cancelled" and handover.status is H.CANCELLED
    assert handover.cancel_reason is CancelReason.SUBMITTER_REFUSED
    assert handover.status_changed_at == NOW
    assert get(seeded, Item, item_id).status is I.AVAILABLE
    assert get(seeded, Application, app_id).status is A.CONFIRMED
    cmd = assert_journal(
        seeded, since, outcome=outcome, actor=DESK,
        history=[
            handover_history(handover_id, "cancel", status, H.CANCELLED, app_id),
            item_history(item_id, "unreserve", I.RESERVED, I.AVAILABLE),
        ],
        audit_action="cancel_handover", audit_entity=("handover", handover_id),
        command="cancel_handover", aggregate=("application", str(app_id)),
        base_version=APP_VERSION, application_id=app_id, history_reason="submitter_refused",
    )
    assert cmd.payload == {"handover_id": handover_id, "reason": "submitter_refused",
                           "notes": None}


def test_cancel_for_another_reason_needs_notes(seeded: Store) -> None:
    _, handover_id, _ = make_case(seeded, H.PREPARED)
    assert_refused(seeded, InputError,
                   lambda: cancel_handover(seeded, DESK, handover_id, CancelReason.OTHER,
                                           notes="   ", now=NOW),
                   field="reason")
    outcome = cancel_handover(seeded, DESK, handover_id, CancelReason.OTHER, notes=NOTES,
                              now=NOW)
    assert outcome.status == "cancelled"
    rows = all_rows(seeded, select(StatusHistory).where(StatusHistory.entity_id == handover_id))
    assert [r.reason for r in rows] == [NOTES]


# return


@pytest.mark.parametrize(
    "condition",
    [pytest.param(ReturnCondition.RETURNED_WORKING_ORDER, id="working"),
     pytest.param(ReturnCondition.DAMAGED, id="damaged")],
)
@pytest.mark.parametrize("status", handover_ids())
def test_record_return_from_every_status(
    seeded: Store, status: H, condition: ReturnCondition
) -> None:
    app_id, handover_id, item_id = make_case(seeded, status)
    notes = NOTES if condition is ReturnCondition.DAMAGED else None

    def call() -> Any:
        return record_return(seeded, DESK, handover_id, condition, notes=notes, now=NOW)

    if status is not H.ISSUED:
        assert_refused(seeded, TransitionError, call)
        return
    since = marks(seeded)
    outcome = call()
    handover = get(seeded, Handover, handover_id)
    assert outcome.status == "returned" and handover.status is H.RETURNED
    assert handover.returned_at == NOW
    assert handover.return_condition is condition
    assert handover.return_notes == notes
    working = condition is ReturnCondition.RETURNED_WORKING_ORDER
    item_after = I.AVAILABLE if working else I.DAMAGED
    assert get(seeded, Item, item_id).status is item_after
    cmd = assert_journal(
        seeded, since, outcome=outcome, actor=DESK,
        history=[
            handover_history(handover_id, "return", H.ISSUED, H.RETURNED, app_id),
            item_history(item_id, "return_working" if working else "return_damaged",
                         I.IN_USE, item_after),
        ],
        audit_action="record_return", audit_entity=("handover", handover_id),
        command="record_return", aggregate=("application", str(app_id)),
        base_version=APP_VERSION, application_id=app_id,
    )
    assert cmd.payload["condition"] == condition.value
    assert cmd.payload["notes"] == notes


def test_damaged_return_needs_notes(seeded: Store) -> None:
    _, handover_id, _ = make_case(seeded, H.ISSUED)
    assert_refused(seeded, InputError,
                   lambda: record_return(seeded, DESK, handover_id, ReturnCondition.DAMAGED,
                                         now=NOW),
                   field="reason")


# acknowledge a lost / stolen report


@pytest.mark.parametrize("status", handover_ids())
def test_acknowledge_incident_from_every_status(seeded: Store, status: H) -> None:
    app_id, handover_id, item_id = make_case(seeded, status)

    def call() -> Any:
        return acknowledge_incident(seeded, DESK, handover_id, now=NOW)

    if status not in (H.LOST, H.STOLEN):
        assert_refused(seeded, TransitionError, call)
        return
    since = marks(seeded)
    outcome = call()
    item_after = I.LOST if status is H.LOST else I.STOLEN
    handover = get(seeded, Handover, handover_id)
    assert handover.status is status and outcome.status == status.value
    assert handover.incident_acknowledged_at == NOW
    assert get(seeded, Item, item_id).status is item_after
    assert_journal(
        seeded, since, outcome=outcome, actor=DESK,
        history=[item_history(item_id, "report_lost" if status is H.LOST else "report_stolen",
                              I.IN_USE, item_after)],
        audit_action="acknowledge_incident", audit_entity=("handover", handover_id),
        command="acknowledge_incident", aggregate=("application", str(app_id)),
        base_version=APP_VERSION, application_id=app_id,
    )
    # A second acknowledgement is refused and changes nothing.
    assert_refused(seeded, TransitionError, call)


# --- inventory --------------------------------------------------------------------------------

# The item editor's manual moves (DOMAIN.md + the catalogue rules; see test_workflow.py).
MANUAL_MOVES: dict[tuple[I, IA], I] = {
    (I.NEW, IA.COMMISSION): I.AVAILABLE,
    (I.NEW, IA.STORE): I.IN_RESERVE,
    (I.NEW, IA.SEND_TO_MAINTENANCE): I.MAINTENANCE,
    (I.NEW, IA.MARK_DAMAGED): I.DAMAGED,
    (I.IN_RESERVE, IA.RELEASE): I.AVAILABLE,
    (I.IN_RESERVE, IA.SEND_TO_MAINTENANCE): I.MAINTENANCE,
    (I.IN_RESERVE, IA.SEND_TO_REPAIR): I.UNDER_REPAIR,
    (I.IN_RESERVE, IA.MARK_DAMAGED): I.DAMAGED,
    (I.AVAILABLE, IA.STORE): I.IN_RESERVE,
    (I.AVAILABLE, IA.SEND_TO_MAINTENANCE): I.MAINTENANCE,
    (I.AVAILABLE, IA.SEND_TO_REPAIR): I.UNDER_REPAIR,
    (I.AVAILABLE, IA.MARK_DAMAGED): I.DAMAGED,
    (I.MAINTENANCE, IA.SEND_TO_REPAIR): I.UNDER_REPAIR,
    (I.MAINTENANCE, IA.MARK_DAMAGED): I.DAMAGED,
    (I.MAINTENANCE, IA.BACK_IN_SERVICE): I.AVAILABLE,
    (I.UNDER_REPAIR, IA.MARK_DAMAGED): I.DAMAGED,
    (I.UNDER_REPAIR, IA.BACK_IN_SERVICE): I.AVAILABLE,
    (I.DAMAGED, IA.SEND_TO_REPAIR): I.UNDER_REPAIR,
    (I.LOST, IA.RECOVER): I.MAINTENANCE,
    (I.STOLEN, IA.RECOVER): I.MAINTENANCE,
}
MANUAL = [IA.COMMISSION, IA.STORE, IA.RELEASE, IA.SEND_TO_MAINTENANCE, IA.SEND_TO_REPAIR,
          IA.MARK_DAMAGED, IA.BACK_IN_SERVICE, IA.RECOVER]


@pytest.mark.parametrize(
    ("status", "action"),
    [pytest.param(s, a, id=f"{s.value}-{a.value}") for s in ItemStatus for a in MANUAL],
)
def test_change_item_status_from_every_status(seeded: Store, status: I, action: IA) -> None:
    item_id = new_item(seeded, status)
    reason = "Nodots servisā “Datoru Ārsts”; atgriezīs pēc divām nedēļām"

    def call() -> Any:
        return change_item_status(seeded, ADMIN, item_id, action, reason=reason, now=NOW)

    target = MANUAL_MOVES.get((status, action))
    if target is None:
        assert_refused(seeded, TransitionError, call)
        return
    since = marks(seeded)
    outcome = call()
    item = get(seeded, Item, item_id)
    assert outcome.status == target.value and item.status is target
    assert item.updated_at == NOW
    cmd = assert_journal(
        seeded, since, outcome=outcome, actor=ADMIN,
        history=[item_history(item_id, action.value, status, target)],
        audit_action="change_item_status", audit_entity=("item", item_id),
        command="set_item_status", aggregate=("item", item_id), base_version=ITEM_VERSION,
        application_id=None, history_reason=reason,
    )
    assert cmd.payload == {"item_id": item_id, "action": action.value, "status": target.value,
                           "reason": reason}


@pytest.mark.parametrize(
    ("status", "action"),
    [
        pytest.param(I.AVAILABLE, IA.RESERVE, id="available-reserve"),
        pytest.param(I.RESERVED, IA.UNRESERVE, id="reserved-unreserve"),
        pytest.param(I.RESERVED, IA.HAND_OUT, id="reserved-hand_out"),
        pytest.param(I.IN_USE, IA.RETURN_WORKING, id="in_use-return_working"),
        pytest.param(I.IN_USE, IA.RETURN_DAMAGED, id="in_use-return_damaged"),
        pytest.param(I.IN_USE, IA.REPORT_LOST, id="in_use-report_lost"),
        pytest.param(I.IN_USE, IA.REPORT_STOLEN, id="in_use-report_stolen"),
    ],
)
def test_handover_only_item_moves_are_refused_by_hand(seeded: Store, status: I, action: IA) -> None:
    item_id = new_item(seeded, status)
    assert_refused(seeded, TransitionError,
                   lambda: change_item_status(seeded, ADMIN, item_id, action, now=NOW))


def test_change_status_of_another_schools_item(seeded: Store) -> None:
    item_id = new_item(seeded, institution=OTHER_SCHOOL)
    assert_refused(seeded, NotFoundError,
                   lambda: change_item_status(seeded, ADMIN, item_id, IA.STORE, now=NOW))


ITEM_VALUES: dict[str, object] = {
    "kind_code": "windows_laptop",
    "inventory_no": "RĀVĢ-2026/001",
    "serial_no": "PF4XYZ12",
    "manufacturer": "Lenovo",
    "model": "ThinkPad E14 Gen 6",
    "year": 2025,
    "acquisition_value": "649.90",
    "location": "Kabinets 204, skapis “B”",
    "notes": "Iegādāts no pašvaldības līdzekļiem",
}


def test_create_item(seeded: Store) -> None:
    since = marks(seeded)
    outcome = create_item(seeded, ADMIN, dict(ITEM_VALUES), now=NOW)
    item = get(seeded, Item, outcome.item_id)
    assert outcome.status == "new" and item.status is I.NEW
    assert item.institution_id == SCHOOL
    assert item.inventory_no == "RĀVĢ-2026/001"
    assert str(item.acquisition_value) == "649.90"
    assert item.location == "Kabinets 204, skapis “B”"
    cmd = assert_journal(
        seeded, since, outcome=outcome, actor=ADMIN,
        history=[("item", item.id, "create", None, "new", None)],
        audit_action="create_item", audit_entity=("item", item.id), command="upsert_item",
        aggregate=("item", item.id), base_version=item.server_version, application_id=None,
    )
    assert cmd.payload["inventory_no"] == "RĀVĢ-2026/001"
    assert cmd.payload["acquisition_value"] == "649.90"
    assert cmd.payload["status"] == "new"


def test_create_item_with_a_duplicate_inventory_number(seeded: Store) -> None:
    new_item(seeded, inventory_no="INV-DUP-1")
    err = assert_refused(
        seeded, InputError,
        lambda: create_item(seeded, ADMIN, {**ITEM_VALUES, "inventory_no": " INV-DUP-1 "},
                            now=NOW),
        field="inventory_no",
    )
    assert "INV-DUP-1" in str(err) and "INV-DUP-1" in err.message_lv


def test_the_same_inventory_number_at_another_school_is_fine(seeded: Store) -> None:
    new_item(seeded, inventory_no="INV-SHARED-1", institution=OTHER_SCHOOL)
    outcome = create_item(seeded, ADMIN, {**ITEM_VALUES, "inventory_no": "INV-SHARED-1"},
                          now=NOW)
    assert get(seeded, Item, outcome.item_id).institution_id == SCHOOL


@pytest.mark.parametrize(
    ("field", "value"),
    [
        pytest.param("year", "divtūkstoši", id="year-text"),
        pytest.param("year", 1989, id="year-too-old"),
        pytest.param("year", 2101, id="year-too-late"),
        pytest.param("year", 2024.5, id="year-fraction"),
        pytest.param("acquisition_value", "-0.01", id="value-negative"),
        pytest.param("acquisition_value", "12.345", id="value-three-decimals"),
        pytest.param("acquisition_value", "dārgs", id="value-text"),
        pytest.param("acquisition_value", "100000.01", id="value-too-high"),
        pytest.param("inventory_no", "", id="inventory-empty"),
        pytest.param("inventory_no", "INV 1", id="inventory-space"),
        pytest.param("kind_code", "typewriter", id="kind-unknown"),
        pytest.param("kind_code", "  ", id="kind-blank"),
    ],
)
def test_create_item_refuses_a_bad_value(seeded: Store, field: str, value: object) -> None:
    err = assert_refused(
        seeded, InputError,
        lambda: create_item(seeded, ADMIN, {**ITEM_VALUES, field: value}, now=NOW),
        field=field,
    )
    assert err.message_lv.strip()


# --- permissions and other schools ------------------------------------------------------------


def _decision_ops(store: Store) -> dict[str, Callable[[Actor], object]]:
    app_id = new_application(store)
    item_id = new_item(store)
    return {
        "grant": lambda a: grant(store, a, app_id, item_id=item_id, now=NOW),
        "refuse": lambda a: refuse(store, a, app_id, REASON, now=NOW),
        "defer": lambda a: defer(store, a, app_id, DEFER_REASON, now=NOW),
    }


def _handover_ops(store: Store) -> dict[str, Callable[[Actor], object]]:
    prep_app, _, _ = make_case(store, H.PREPARING)
    _, cancel_id, _ = make_case(store, H.PREPARED)
    _, issued_id, _ = make_case(store, H.ISSUED)
    _, lost_id, _ = make_case(store, H.LOST)
    return {
        "prepare_handover": lambda a: prepare_handover(store, a, prep_app, now=NOW),
        "cancel_handover": lambda a: cancel_handover(
            store, a, cancel_id, CancelReason.ITEM_UNSUITABLE, now=NOW),
        "record_return": lambda a: record_return(
            store, a, issued_id, ReturnCondition.RETURNED_WORKING_ORDER, now=NOW),
        "acknowledge_incident": lambda a: acknowledge_incident(store, a, lost_id, now=NOW),
    }


def _catalogue_ops(store: Store) -> dict[str, Callable[[Actor], object]]:
    item_id = new_item(store)
    return {
        "create_item": lambda a: create_item(store, a, dict(ITEM_VALUES), now=NOW),
        "edit_item": lambda a: edit_item(
            store, a, item_id,
            {**ITEM_VALUES, "inventory_no": "RĀVĢ-2026/777", "notes": "Mainīta vieta"},
            now=NOW),
        "change_item_status": lambda a: change_item_status(
            store, a, item_id, IA.SEND_TO_MAINTENANCE, now=NOW),
    }


GROUPS = {"decide": _decision_ops, "hand_over": _handover_ops, "catalogue": _catalogue_ops}
ALLOWED_GROUPS = {
    StaffRole.ADMIN: {"decide", "hand_over", "catalogue"},
    StaffRole.REVIEWER: {"decide"},
    StaffRole.DESK: {"hand_over"},
}
OPS_BY_GROUP = {
    "decide": ["grant", "refuse", "defer"],
    "hand_over": ["prepare_handover", "cancel_handover", "record_return",
                  "acknowledge_incident"],
    "catalogue": ["create_item", "edit_item", "change_item_status"],
}


@pytest.mark.parametrize(
    ("actor", "group", "op"),
    [
        pytest.param(actor, group, op, id=f"{actor.role.value}-{op}")
        for actor in (ADMIN, REVIEWER, DESK)
        for group, ops in OPS_BY_GROUP.items()
        for op in ops
    ],
)
def test_permissions(seeded: Store, actor: Actor, group: str, op: str) -> None:
    call = GROUPS[group](seeded)[op]
    if group in ALLOWED_GROUPS[actor.role]:
        since = marks(seeded)
        outcome = call(actor)
        assert outcome.command_id is not None
        assert marks(seeded) != since
    else:
        err = assert_refused(seeded, PermissionDeniedError, lambda: call(actor))
        assert actor.role.label_lv in err.message_lv


def _foreign_ops(store: Store) -> dict[str, Callable[[], object]]:
    app_id = new_application(store, institution=OTHER_SCHOOL)
    granted = new_application(store, A.CONFIRMED, institution=OTHER_SCHOOL)
    item_id = new_item(store)
    foreign_item = new_item(store, institution=OTHER_SCHOOL, status=I.RESERVED)
    handover_id = add_handover(store, granted, foreign_item, H.PREPARING)
    return {
        "grant": lambda: grant(store, ADMIN, app_id, item_id=item_id, now=NOW),
        "refuse": lambda: refuse(store, ADMIN, app_id, REASON, now=NOW),
        "defer": lambda: defer(store, ADMIN, app_id, DEFER_REASON, now=NOW),
        "prepare_handover": lambda: prepare_handover(store, ADMIN, granted, item_id=item_id,
                                                     now=NOW),
        "cancel_handover": lambda: cancel_handover(
            store, ADMIN, handover_id, CancelReason.SUBMITTER_REFUSED, now=NOW),
        "change_item_status": lambda: change_item_status(
            store, ADMIN, foreign_item, IA.SEND_TO_MAINTENANCE, now=NOW),
        "edit_item": lambda: edit_item(store, ADMIN, foreign_item, dict(ITEM_VALUES), now=NOW),
    }


@pytest.mark.parametrize(
    "op", ["grant", "refuse", "defer", "prepare_handover", "cancel_handover",
           "change_item_status", "edit_item"],
)
def test_another_schools_records_are_not_found(seeded: Store, op: str) -> None:
    call = _foreign_ops(seeded)[op]
    assert_refused(seeded, NotFoundError, call)


def test_unknown_application_is_not_found(seeded: Store) -> None:
    assert_refused(seeded, NotFoundError, lambda: refuse(seeded, ADMIN, 987654, REASON, now=NOW))


# --- the audit log carries no personal data ---------------------------------------------------


def test_audit_rows_carry_no_names_or_personal_codes(seeded: Store) -> None:
    # A full round of operations on applications of named people.
    a1 = new_application(seeded)
    i1 = new_item(seeded)
    grant(seeded, ADMIN, a1, item_id=i1, now=NOW)
    prepare_handover(seeded, ADMIN, a1, now=NOW)
    h1 = get(seeded, Handover, all_rows(
        seeded, select(Handover.id).where(Handover.application_id == a1))[0])
    cancel_handover(seeded, ADMIN, h1.id, CancelReason.OTHER,
                    notes=f"{SUBMITTER} atteicās no ierīces", now=NOW)
    refuse(seeded, ADMIN, new_application(seeded), REASON, now=NOW)
    defer(seeded, ADMIN, new_application(seeded), DEFER_REASON, revisit_on=date(2026, 12, 1),
          now=NOW)
    _, issued, _ = make_case(seeded, H.ISSUED)
    record_return(seeded, ADMIN, issued, ReturnCondition.DAMAGED,
                  notes=f"{LEARNER} nometa datoru", now=NOW)
    _, stolen, _ = make_case(seeded, H.STOLEN)
    acknowledge_incident(seeded, ADMIN, stolen, now=NOW)
    created = create_item(seeded, ADMIN, dict(ITEM_VALUES), now=NOW)
    change_item_status(seeded, ADMIN, created.item_id, IA.COMMISSION, now=NOW)

    audits = all_rows(seeded, select(AuditEntry))
    assert len(audits) >= 9
    for row in audits:
        text = json.dumps(
            {"details": row.details, "entity_id": row.entity_id, "action": row.action},
            ensure_ascii=False,
        )
        for bit in PERSONAL_BITS:
            assert bit not in text, (bit, text)
