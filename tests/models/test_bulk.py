"""Refusing and deferring a selection: one transaction, each application a savepoint in it.

A selection that mixes applications that may be decided with some that may not (already
declined, withdrawn, granted, gone) decides the former, one outbox command each, and reports
the latter with a Latvian message, leaving them untouched. A blank reason, a past date or a
role without the right writes nothing at all.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from desktop.models.bulk import BulkResult, defer_many, refuse_many
from desktop.models.codes import ApplicationStatus
from desktop.models.errors import InputError, PermissionDeniedError
from desktop.models.schema import Application, AuditEntry, OutboxCommand, StatusHistory
from factories import DESK, REVIEWER, add_application, seed_catalogue

NOW = datetime(2026, 9, 14, 10, 0, tzinfo=UTC)
REASON = "Šobrīd nav brīvu ierīču; lūdzam pieteikties atkārtoti nākamajā mēnesī."
S = ApplicationStatus


@pytest.fixture
def selection(store):
    """Two that may be decided, and one each that may not (declined, withdrawn, granted)."""
    seed_catalogue(store)
    ids = {
        "submitted": add_application(store, status=S.SUBMITTED, learner="Jānis Bērziņš"),
        "declined": add_application(store, status=S.DECLINED, learner="Ērika Ķuze"),
        "postponed": add_application(store, status=S.POSTPONED, learner="Mārtiņš Ozols"),
        "withdrawn": add_application(store, status=S.WITHDRAWN, learner="Žanete Šmite"),
        "confirmed": add_application(store, status=S.CONFIRMED, learner="Ļena Vītola"),
    }
    return store, ids


def _statuses(store, ids) -> dict[int, ApplicationStatus]:
    with store.read() as s:
        return {a.id: a.status for a in s.scalars(select(Application)
                                                   .where(Application.id.in_(ids)))}


def _outbox(store) -> list[tuple[int | None, str, dict]]:
    with store.read() as s:
        return [(c.application_id, c.command, c.payload)
                for c in s.scalars(select(OutboxCommand).order_by(OutboxCommand.id))]


def _row_counts(store) -> tuple[int, int, int]:
    with store.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(table))
                     for table in (OutboxCommand, AuditEntry, StatusHistory))


def test_refuse_many_decides_what_it_may_and_reports_the_rest(selection) -> None:
    store, ids = selection
    order = [ids[k] for k in ("submitted", "declined", "postponed", "withdrawn", "confirmed")]

    result = refuse_many(store, REVIEWER, order, f"  {REASON}\n", now=NOW)

    assert isinstance(result, BulkResult)
    assert result.done == [ids["submitted"], ids["postponed"]]
    assert [app_id for app_id, _ in result.failed] == [
        ids["declined"], ids["withdrawn"], ids["confirmed"]]
    messages = dict(result.failed)
    assert messages[ids["declined"]] == (
        "Pieteikumam statusā „Atteikts“ nevar veikt darbību „atteikt“")
    assert "„Atsaukts“" in messages[ids["withdrawn"]]
    assert "„Piešķirts“" in messages[ids["confirmed"]]
    for message in messages.values():
        assert "nevar veikt darbību „atteikt“" in message
    assert result.total == 5

    # the refused transitions changed nothing; the others were decided regardless
    assert _statuses(store, order) == {
        ids["submitted"]: S.DECLINED, ids["declined"]: S.DECLINED,
        ids["postponed"]: S.DECLINED, ids["withdrawn"]: S.WITHDRAWN,
        ids["confirmed"]: S.CONFIRMED,
    }
    # exactly one outbox command per decided application, carrying the trimmed reason
    assert _outbox(store) == [(app_id, "refuse", {"reason": REASON}) for app_id in result.done]
    assert _row_counts(store) == (2, 2, 2)  # outbox, audit, status history: one each
    with store.read() as s:
        assert s.get(Application, ids["submitted"]).decision_reason == REASON


def test_defer_many_with_a_revisit_date(selection) -> None:
    store, ids = selection
    order = [ids[k] for k in ("confirmed", "submitted", "withdrawn", "postponed")]

    result = defer_many(store, REVIEWER, order, REASON, date(2026, 10, 1), now=NOW)

    # only a submitted application may be postponed: not a granted or withdrawn one, nor one
    # that is postponed already
    assert result.done == [ids["submitted"]]
    assert [app_id for app_id, _ in result.failed] == [
        ids["confirmed"], ids["withdrawn"], ids["postponed"]]
    for _, message in result.failed:
        assert "nevar veikt darbību „atlikt“" in message
    commands = _outbox(store)
    assert [c[0] for c in commands] == result.done
    assert all(c[1] == "defer" and c[2] == {"reason": REASON, "revisit_on": "2026-10-01"}
               for c in commands)
    with store.read() as s:
        app = s.get(Application, ids["submitted"])
        assert app.status is S.POSTPONED
        assert app.revisit_on == date(2026, 10, 1)


def test_an_application_that_is_gone_is_reported_not_fatal(selection) -> None:
    store, ids = selection
    result = refuse_many(store, REVIEWER, [987654, ids["submitted"]], REASON, now=NOW)
    assert result.done == [ids["submitted"]]
    assert result.failed == [(987654, "Pieteikums 987654 nav atrasts")]


def test_each_application_is_decided_once_even_if_selected_twice(selection) -> None:
    store, ids = selection
    result = refuse_many(store, REVIEWER, [ids["submitted"], ids["submitted"]], REASON, now=NOW)
    assert result.done == [ids["submitted"]]
    assert result.failed == []
    assert len(_outbox(store)) == 1


def test_an_empty_selection_does_nothing(selection) -> None:
    store, _ = selection
    assert refuse_many(store, REVIEWER, [], REASON) == BulkResult([], [])
    assert _row_counts(store) == (0, 0, 0)


@pytest.mark.parametrize("blank", ["", "   ", "\n\t \n"])
@pytest.mark.parametrize("operation", [refuse_many, defer_many])
def test_a_blank_reason_writes_nothing(selection, operation, blank) -> None:
    store, ids = selection
    before = _statuses(store, ids.values())

    with pytest.raises(InputError) as caught:
        operation(store, REVIEWER, list(ids.values()), blank)

    assert caught.value.field == "reason"
    assert caught.value.message_lv == "Jānorāda pamatojums"
    assert _row_counts(store) == (0, 0, 0)
    assert _statuses(store, ids.values()) == before


def test_a_too_long_reason_writes_nothing(selection) -> None:
    store, ids = selection
    with pytest.raises(InputError, match="at most 2000"):
        refuse_many(store, REVIEWER, list(ids.values()), "ā" * 2001)
    assert _row_counts(store) == (0, 0, 0)


def test_a_revisit_date_in_the_past_writes_nothing(selection) -> None:
    store, ids = selection
    with pytest.raises(InputError) as caught:
        defer_many(store, REVIEWER, list(ids.values()), REASON, date(2026, 9, 13), now=NOW)
    assert caught.value.field == "revisit_on"
    assert caught.value.message_lv == "Atkārtotas izskatīšanas datums 13.09.2026 ir pagātnē"
    assert _row_counts(store) == (0, 0, 0)


@pytest.mark.parametrize("operation", [refuse_many, defer_many])
def test_a_role_that_may_not_decide_writes_nothing(selection, operation) -> None:
    store, ids = selection
    with pytest.raises(PermissionDeniedError):
        operation(store, DESK, list(ids.values()), REASON)
    assert _row_counts(store) == (0, 0, 0)


def test_a_failure_midway_writes_nothing_at_all(selection, monkeypatch) -> None:
    """The selection is one transaction: a crash after two decisions keeps neither."""
    from desktop.models import bulk, decisions

    store, ids = selection
    before = _row_counts(store), _statuses(store, list(ids.values()))
    real = decisions.refuse
    calls = []

    def refuse_then_crash(*args, **kwargs):
        calls.append(args[2])
        if len(calls) == 3:
            raise RuntimeError("the disk went away")
        return real(*args, **kwargs)

    monkeypatch.setattr(bulk.decisions, "refuse", refuse_then_crash)
    with pytest.raises(RuntimeError):
        refuse_many(store, REVIEWER, [ids["submitted"], ids["declined"], ids["postponed"]],
                    REASON, now=NOW)
    assert len(calls) == 3
    assert (_row_counts(store), _statuses(store, list(ids.values()))) == before


def test_grant_many_reserves_the_first_allowed_device_for_each_while_any_is_left(store) -> None:
    """Issue 16: bulk grant where a device can be assigned automatically. Each application
    gets the first available device of its kind the grant rule allows, in inventory order;
    when the devices run out the rest are granted without one (the desk picks it later), and
    the result says which."""
    from desktop.models.bulk import grant_many
    from desktop.models.codes import ItemStatus
    from desktop.models.schema import Handover
    from factories import add_item

    seed_catalogue(store)
    first = add_item(store, inventory_no="RAVĢ-2024-000002")
    second = add_item(store, inventory_no="RAVĢ-2024-000001")
    add_item(store, inventory_no="RAVĢ-2024-000003", status=ItemStatus.IN_USE)
    ids = [add_application(store, learner=name)
           for name in ("Jānis Bērziņš", "Ērika Ķuze", "Mārtiņš Ozols")]
    declined = add_application(store, status=S.DECLINED, learner="Žanete Šmite")
    result = grant_many(store, REVIEWER, [*ids, declined], assign=True,
                        return_deadline=date(2027, 6, 18), now=NOW)
    assert result.done == ids and [i for i, _ in result.failed] == [declined]
    assert result.without_device == [ids[2]]
    assert _statuses(store, ids) == dict.fromkeys(ids, S.CONFIRMED)
    with store.read() as s:
        reserved = {h.application_id: h.item_id for h in s.scalars(select(Handover))}
    assert reserved == {ids[0]: second, ids[1]: first}  # RAVĢ-…001 before …002
    assert [c[1] for c in _outbox(store)] == ["grant"] * 3


def test_grant_many_without_assigning_grants_only(store) -> None:
    from desktop.models.bulk import grant_many
    from factories import add_item

    seed_catalogue(store)
    add_item(store)
    ids = [add_application(store, learner="Ģirts Ļaviņš"), add_application(store)]
    result = grant_many(store, REVIEWER, ids, assign=False, now=NOW)
    assert result.done == ids and result.without_device == ids
    assert all(c[2].get("item_id") is None for c in _outbox(store))


def test_grant_many_needs_the_right_to_decide(store) -> None:
    from desktop.models.bulk import grant_many

    seed_catalogue(store)
    app_id = add_application(store)
    with pytest.raises(PermissionDeniedError):
        grant_many(store, DESK, [app_id], assign=True, now=NOW)
    assert _row_counts(store) == (0, 0, 0) or _statuses(store, [app_id]) == {
        app_id: S.SUBMITTED}
