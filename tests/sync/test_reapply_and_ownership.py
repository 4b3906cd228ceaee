"""Resolving conflicts without losing a decision, and deletions that wait for unsent edits.

Defect seen in use (issue 11): grant with an item while offline; another workstation sends
that item to maintenance; after the sync the grant is a conflict. "Re-apply" used to discard
the command in its own transaction before the grant rule refused, so the conflict and the
decision were gone. Re-apply is now one transaction: a refusal changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.models import catalogue, decisions, handovers, inventory
from desktop.models.codes import (
    CancelReason,
    CommandState,
    ItemStatus,
    ReturnCondition,
    TargetGroup,
)
from desktop.models.schema import Item, OfferedKind, OutboxCommand
from desktop.models.workflow import GrantRuleError, ItemAction
from factories import snapshot
from sync import conflicts
from synctools import (
    ADMIN,
    SCHOOL,
    Side,
    assert_converged,
    make_side,
    open_application_ids,
)


@pytest.fixture
def other(tmp_path: Path, server: Any) -> Iterator[Side]:
    """A second workstation of the same school, straight to the server."""
    s = make_side(tmp_path / "other", server.url)
    s.engine.sync_once()
    yield s
    s.close()


def _grantable(side: Side) -> tuple[int, str]:
    for app_id in open_application_ids(side.store):
        offered = decisions.offerable_items(side.store, ADMIN, app_id)
        if offered:
            return app_id, offered[0][0]
    raise AssertionError("the seed has no application with an item it may be granted")


def test_reapply_that_the_rules_now_refuse_leaves_the_conflict_as_it_was(
        side: Side, other: Side, proxy: Any, server: Any) -> None:
    app_id, item_id = _grantable(side)
    proxy.offline = True
    decisions.grant(side.store, ADMIN, app_id, item_id=item_id)
    inventory.change_item_status(other.store, ADMIN, item_id, ItemAction.SEND_TO_MAINTENANCE,
                                 reason="Ekrāns mirgo; nodots apkopē")
    other.engine.sync_once()
    proxy.offline = False
    report = side.engine.sync_once()
    assert report.conflicts == 1
    [conflict] = conflicts.list_conflicts(side.store, SCHOOL)
    before = snapshot(side.store)

    with pytest.raises(GrantRuleError) as refused:
        conflicts.reapply(side.store, ADMIN, conflict.command_id)

    assert "Apkopē" in refused.value.message_lv  # says why: the item is in maintenance
    assert snapshot(side.store) == before  # nothing at all changed
    [still] = conflicts.list_conflicts(side.store, SCHOOL)
    assert (still.command_id, still.command, still.payload) == (
        conflict.command_id, conflict.command, conflict.payload)
    # The person can still choose: discarding converges with the central state.
    conflicts.discard(side.store, ADMIN, conflict.command_id)
    side.engine.sync_once()
    assert_converged(side, server.url)


def test_reapply_that_still_fits_makes_the_decision_again_in_one_go(
        side: Side, other: Side, proxy: Any, server: Any) -> None:
    """A refusal raced by a deferral elsewhere: re-applied, it stands on the new version."""
    app_id = open_application_ids(side.store)[0]
    proxy.offline = True
    decisions.refuse(side.store, ADMIN, app_id, "Nav pieejamu ierīču; pieteikums atteikts")
    decisions.defer(other.store, ADMIN, app_id, "Gaidām jaunu piegādi no Rīgas")
    other.engine.sync_once()
    proxy.offline = False
    assert side.engine.sync_once().conflicts == 1
    [conflict] = conflicts.list_conflicts(side.store, SCHOOL)
    outcome = conflicts.reapply(side.store, ADMIN, conflict.command_id)
    assert outcome.status == "declined"
    assert app_id in outcome.changes.applications and outcome.changes.outbox
    side.engine.sync_once()
    assert server.application(app_id).status.value == "declined"
    assert_converged(side, server.url)


def test_reapply_keeps_the_handover_that_later_decisions_name(
        side: Side, other: Side, proxy: Any, server: Any) -> None:
    """Grant with an item, then cancel that handover, offline; the grant meets a change made
    elsewhere. Re-applied, the grant makes the same handover, so the cancel still finds it."""
    app_id, item_id = _grantable(side)
    proxy.offline = True
    granted = decisions.grant(side.store, ADMIN, app_id, item_id=item_id)
    assert granted.handover_id is not None
    handovers.cancel_handover(side.store, ADMIN, granted.handover_id,
                              CancelReason.SUBMITTER_REFUSED)
    decisions.defer(other.store, ADMIN, app_id, "Gaidām vecāku apstiprinājumu")
    other.engine.sync_once()
    proxy.offline = False
    assert side.engine.sync_once().conflicts == 1
    [conflict] = conflicts.list_conflicts(side.store, SCHOOL)
    assert conflict.waiting_behind == 1
    outcome = conflicts.reapply(side.store, ADMIN, conflict.command_id)
    assert outcome.handover_id == granted.handover_id
    assert side.engine.sync_once().conflicts == 0
    remote = server.application(app_id)
    assert remote.status.value == "confirmed"
    assert [(h.id, h.status.value) for h in remote.handovers] == [
        (granted.handover_id, "cancelled")]
    assert server.item(item_id).status.value == "available"
    assert_converged(side, server.url)


# --- one ownership rule: a deletion waits for unsent edits, for every record type --------------


def _outbox(side: Side) -> list[tuple[str, str]]:
    with side.store.read() as s:
        return [(c.command, c.state.value) for c in s.scalars(select(OutboxCommand))]


def test_item_deletion_waits_for_an_unsent_edit(side: Side, proxy: Any, server: Any) -> None:
    with side.store.read() as s:
        item_id = s.scalars(select(Item.id).where(Item.institution_id == SCHOOL,
                                                  Item.status == ItemStatus.AVAILABLE)).first()
    assert item_id is not None
    proxy.offline = True
    inventory.edit_item(side.store, ADMIN, item_id, {
        **_item_values(side, item_id), "location": "Skolotāju istaba, 2. stāvs"})
    proxy.offline = False
    server.delete_item(item_id)
    side.engine.pull()  # the deletion arrives before the edit was sent
    with side.store.read() as s:
        assert s.get(Item, item_id) is not None  # held back, the edit is not dropped
    assert _outbox(side) == [("upsert_item", "pending")]
    side.engine.sync_once()  # the edit meets a deleted item: a visible conflict
    [conflict] = conflicts.list_conflicts(side.store, SCHOOL)
    assert conflict.command == "upsert_item"
    conflicts.discard(side.store, ADMIN, conflict.command_id)
    side.engine.sync_once()
    with side.store.read() as s:
        assert s.get(Item, item_id) is None  # then the deletion is applied
    assert_converged(side, server.url)


def test_offered_kind_deletion_waits_for_an_unsent_edit(side: Side, proxy: Any,
                                                        server: Any) -> None:
    with side.store.read() as s:
        offered = s.scalars(select(OfferedKind).where(OfferedKind.institution_id == SCHOOL)
                            ).first()
        assert offered is not None
        offered_id, group = offered.id, offered.target_group
    proxy.offline = True
    new_group = (TargetGroup.EMPLOYEE if group is not TargetGroup.EMPLOYEE
                 else TargetGroup.ALL)
    catalogue.set_target_group(side.store, ADMIN, offered_id, new_group)
    proxy.offline = False
    server.delete_offered_kind(offered_id)
    side.engine.pull()
    with side.store.read() as s:
        assert s.get(OfferedKind, offered_id) is not None
        pending = s.scalar(select(func.count()).select_from(OutboxCommand).where(
            OutboxCommand.state == CommandState.PENDING.value))
    assert pending == 1
    side.engine.sync_once()
    [conflict] = conflicts.list_conflicts(side.store, SCHOOL)
    conflicts.discard(side.store, ADMIN, conflict.command_id)
    side.engine.sync_once()
    with side.store.read() as s:
        assert s.get(OfferedKind, offered_id) is None
    assert_converged(side, server.url)


def _item_values(side: Side, item_id: str) -> dict[str, object]:
    with side.store.read() as s:
        item = s.get(Item, item_id)
        assert item is not None
        return {name: getattr(item, name) for name in (
            "kind_code", "inventory_no", "serial_no", "manufacturer", "model", "year",
            "acquisition_value", "socially_supported", "location", "notes")}


def test_a_pulled_item_waits_for_an_unsent_return_of_its_handover(
        side: Side, other: Side, proxy: Any, server: Any) -> None:
    """A return names only its handover; the item it frees is still the return's to decide."""
    app_id, item_id = _grantable(side)
    handover_id = decisions.grant(side.store, ADMIN, app_id, item_id=item_id).handover_id
    assert handover_id is not None
    handovers.prepare_handover(side.store, ADMIN, app_id)
    side.engine.sync_once()
    server.applicant_confirm_receipt(app_id)
    side.engine.sync_once()
    proxy.offline = True
    handovers.record_return(side.store, ADMIN, handover_id,
                            ReturnCondition.RETURNED_WORKING_ORDER)
    server.applicant_incident(app_id, "lost", "Atstāts vilcienā Rīga–Jelgava")
    other.engine.sync_once()
    inventory.edit_item(other.store, ADMIN, item_id, {
        **_item_values(other, item_id), "location": "Skolotāju istaba"})
    other.engine.sync_once()
    proxy.offline = False
    side.engine.pull()  # the item's new version arrives before the return was sent
    with side.store.read() as s:
        item = s.get(Item, item_id)
        assert item is not None and item.status is ItemStatus.AVAILABLE  # still the return's
    assert side.engine.sync_once().conflicts == 1  # the device was reported lost meanwhile
    [conflict] = conflicts.list_conflicts(side.store, SCHOOL)
    conflicts.discard(side.store, ADMIN, conflict.command_id)
    side.engine.sync_once()
    with side.store.read() as s:
        item = s.get(Item, item_id)
        assert item is not None and item.location == "Skolotāju istaba"
    assert_converged(side, server.url)
