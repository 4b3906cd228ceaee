"""Catalogue conflicts resolved both ways against the reference server on loopback: a kind or
a device changed centrally meanwhile, a local change refused with both versions kept; then
*discard* (the local copy becomes the central one) or *re-apply* (a new command on the
central version, accepted; no conflict left, no version counted twice)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.models import catalogue, inventory
from desktop.models.codes import CommandState, ItemStatus, TargetGroup
from desktop.models.schema import DeferredChange, Item, OfferedKind, OutboxCommand
from desktop.models.workflow import ItemAction
from faultproxy import FaultProxy
from sync import conflicts
from sync.client import OfflineError
from sync.devserver.server import DevServer
from sync.protocol import ItemStatusChange, OfferedKindPatch, OfferedKindWire, etag
from synctools import ADMIN, SCHOOL, Side, assert_converged


def central(server: DevServer, offered_id: str) -> OfferedKindWire:
    [found] = [o for o in server.state.offered_kinds(SCHOOL) if o.id == offered_id]
    return found


def local(side: Side, offered_id: str) -> tuple[TargetGroup, bool, int]:
    with side.store.read() as s:
        o = s.get(OfferedKind, offered_id)
        return o.target_group, o.accepting_applications, o.server_version


def a_kind(side: Side) -> OfferedKind:
    with side.store.read() as s:
        return s.scalars(select(OfferedKind).where(OfferedKind.institution_id == SCHOOL)
                         .order_by(OfferedKind.kind_code)).first()


def other_group(group: TargetGroup, *not_these: TargetGroup) -> TargetGroup:
    return next(g for g in TargetGroup if g is not group and g not in not_these)


def open_commands(side: Side) -> list[OutboxCommand]:
    with side.store.read() as s:
        return list(s.scalars(select(OutboxCommand).where(OutboxCommand.state.in_(
            [CommandState.PENDING.value, CommandState.CONFLICT.value]))))


def change_centrally(server: DevServer, offered_id: str, patch: OfferedKindPatch
                     ) -> OfferedKindWire:
    before = central(server, offered_id)
    return server.state.patch_offered_kind(None, SCHOOL, offered_id, patch,
                                           if_match=etag(before.version))


def test_the_target_group_is_published_with_if_match(side: Side, server: DevServer) -> None:
    kind = a_kind(side)
    before = central(server, kind.id)
    wanted = other_group(kind.target_group)
    catalogue.set_target_group(side.store, ADMIN, kind.id, wanted)
    report = side.engine.sync_once()
    assert report.conflicts == 0 and report.pushed == 1
    after = central(server, kind.id)
    assert after.target_group is wanted and after.version == before.version + 1
    assert local(side, kind.id) == (wanted, after.accepting_applications, after.version)
    assert open_commands(side) == []


def test_a_lost_answer_to_the_target_group_is_not_a_conflict(side: Side, server: DevServer,
                                                             proxy: FaultProxy) -> None:
    kind = a_kind(side)
    wanted = other_group(kind.target_group)
    catalogue.set_target_group(side.store, ADMIN, kind.id, wanted)
    proxy.add(lambda m, p: m == "PATCH", "drop_after_forward")
    with pytest.raises(OfflineError):
        side.engine.sync_once()
    applied = central(server, kind.id)
    assert applied.target_group is wanted
    report = side.engine.sync_once()  # the retry meets 412 holding exactly our change
    assert report.conflicts == 0
    assert open_commands(side) == []
    assert central(server, kind.id) == applied  # not applied a second time
    assert local(side, kind.id)[0] is wanted


def _kind_conflict(side: Side, server: DevServer) -> tuple[OfferedKind, OfferedKindWire,
                                                           TargetGroup]:
    """Local: a new target group. Central, meanwhile: applications closed or opened."""
    kind = a_kind(side)
    wanted = other_group(kind.target_group)
    catalogue.set_target_group(side.store, ADMIN, kind.id, wanted)
    now_central = change_centrally(server, kind.id, OfferedKindPatch(
        accepting_applications=not kind.accepting_applications))
    assert side.engine.sync_once().conflicts == 1
    return kind, now_central, wanted


def test_a_refused_target_group_shows_both_versions(side: Side, server: DevServer) -> None:
    kind, now_central, wanted = _kind_conflict(side, server)
    [view] = conflicts.list_conflicts(side.store, SCHOOL)
    assert (view.command, view.http_status, view.aggregate_type) == (
        "set_target_group", 412, "offered_kind")
    assert view.payload["target_group"] == wanted.value
    assert view.server_record is not None
    assert view.server_record["version"] == now_central.version
    assert view.server_record["target_group"] == kind.target_group.value
    assert view.server_record["accepting_applications"] is now_central.accepting_applications
    assert view.record_name and view.record_name != kind.kind_code  # the kind's Latvian name
    # nothing was overwritten on either side
    assert central(server, kind.id) == now_central
    assert local(side, kind.id)[:2] == (wanted, kind.accepting_applications)


def test_discarding_a_kind_conflict_makes_the_local_copy_the_central_one(
        side: Side, server: DevServer) -> None:
    kind, now_central, _wanted = _kind_conflict(side, server)
    [view] = conflicts.list_conflicts(side.store, SCHOOL)
    dropped = conflicts.discard(side.store, ADMIN, view.command_id)
    assert dropped.command_ids == [view.command_id]
    assert dropped.changes.offered_kinds == {kind.id} and dropped.changes.outbox
    assert local(side, kind.id) == (now_central.target_group,
                                    now_central.accepting_applications, now_central.version)
    assert conflicts.list_conflicts(side.store, SCHOOL) == []
    report = side.engine.sync_once()
    assert report.conflicts == 0 and report.pushed == 0
    assert central(server, kind.id) == now_central
    assert local(side, kind.id)[2] == now_central.version
    assert_converged(side, server.url)


def test_reapplying_a_kind_conflict_sends_a_new_command_on_the_central_version(
        side: Side, server: DevServer) -> None:
    kind, now_central, wanted = _kind_conflict(side, server)
    [view] = conflicts.list_conflicts(side.store, SCHOOL)
    outcome = conflicts.reapply(side.store, ADMIN, view.command_id)
    assert outcome.command_id and outcome.command_id != view.command_id
    [pending] = open_commands(side)
    assert pending.command == "set_target_group"
    assert pending.base_version == now_central.version  # built on the central version
    # locally: the central record with our change on top
    assert local(side, kind.id)[:2] == (wanted, now_central.accepting_applications)
    report = side.engine.sync_once()
    assert report.conflicts == 0 and report.pushed == 1
    after = central(server, kind.id)
    assert after.target_group is wanted
    assert after.accepting_applications is now_central.accepting_applications
    assert after.version == now_central.version + 1  # one new version, not two
    assert local(side, kind.id) == (wanted, after.accepting_applications, after.version)
    assert open_commands(side) == []
    assert side.engine.sync_once().pushed == 0


def test_the_accepting_switch_conflict_resolves_both_ways(side: Side,
                                                          server: DevServer) -> None:
    kind = a_kind(side)
    wanted = not kind.accepting_applications
    inventory.set_accepting_applications(side.store, ADMIN, kind.id, wanted)
    now_central = change_centrally(server, kind.id, OfferedKindPatch(
        target_group=other_group(kind.target_group)))
    assert side.engine.sync_once().conflicts == 1
    [view] = conflicts.list_conflicts(side.store, SCHOOL)
    assert view.server_record is not None
    assert view.server_record["target_group"] == now_central.target_group.value
    conflicts.reapply(side.store, ADMIN, view.command_id)
    assert side.engine.sync_once().conflicts == 0
    after = central(server, kind.id)
    assert after.accepting_applications is wanted
    assert after.target_group is now_central.target_group
    assert after.version == now_central.version + 1
    assert local(side, kind.id) == (after.target_group, wanted, after.version)
    assert open_commands(side) == []

    # again, and this time discarded: the central switch stands here too
    inventory.set_accepting_applications(side.store, ADMIN, kind.id, not wanted)
    now_central = change_centrally(server, kind.id, OfferedKindPatch(
        target_group=other_group(after.target_group)))
    assert side.engine.sync_once().conflicts == 1
    [view] = conflicts.list_conflicts(side.store, SCHOOL)
    conflicts.discard(side.store, ADMIN, view.command_id)
    assert local(side, kind.id) == (now_central.target_group, wanted, now_central.version)
    assert side.engine.sync_once().conflicts == 0
    assert central(server, kind.id) == now_central


def test_a_central_change_held_back_during_the_conflict_applies_after_discard(
        side: Side, server: DevServer) -> None:
    kind, _now_central, _wanted = _kind_conflict(side, server)
    # a second central change arrives through the feed while the conflict waits: held back
    later = change_centrally(server, kind.id, OfferedKindPatch(
        target_group=other_group(kind.target_group, _wanted)))
    report = side.engine.sync_once()
    assert report.deferred >= 1
    with side.store.read() as s:
        assert s.get(DeferredChange, ("offered_kind", kind.id)) is not None
    [view] = conflicts.list_conflicts(side.store, SCHOOL)
    conflicts.discard(side.store, ADMIN, view.command_id)
    assert local(side, kind.id) == (later.target_group, later.accepting_applications,
                                    later.version)
    with side.store.read() as s:
        assert s.get(DeferredChange, ("offered_kind", kind.id)) is None


def test_a_kind_conflict_without_the_central_record_resyncs_on_discard(
        side: Side, server: DevServer) -> None:
    kind, now_central, _wanted = _kind_conflict(side, server)
    with side.store.write() as s:  # as an older client stored it: no central record
        cmd = s.scalars(select(OutboxCommand).where(
            OutboxCommand.state == CommandState.CONFLICT.value)).one()
        cmd.conflict = {**cmd.conflict, "current_offered_kind": None}
    [view] = conflicts.list_conflicts(side.store, SCHOOL)
    assert view.server_record is None
    conflicts.discard(side.store, ADMIN, view.command_id)
    side.engine.sync_once()
    assert local(side, kind.id) == (now_central.target_group,
                                    now_central.accepting_applications, now_central.version)


def _an_available_item(side: Side) -> str:
    with side.store.read() as s:
        return s.scalars(select(Item.id).where(Item.status == ItemStatus.AVAILABLE,
                                               Item.institution_id == SCHOOL)
                         .order_by(Item.inventory_no)).first()


def _item_values(side: Side, item_id: str) -> dict[str, object]:
    [row] = catalogue.item_rows(side.store, [item_id])
    return row.editable_values()


def test_an_item_edit_conflict_shows_the_central_device_and_reapplies(
        side: Side, server: DevServer) -> None:
    item_id = _an_available_item(side)
    values = _item_values(side, item_id)
    values["location"] = "Ķīmijas kabinets 114, skapis Nr. 2"
    inventory.edit_item(side.store, ADMIN, item_id, values)
    # meanwhile, at the central service, someone sends it to maintenance
    server.state.change_item_status(
        None, SCHOOL, item_id, ItemStatusChange(action="send_to_maintenance",
                                                reason="Jānomaina akumulators"),
        if_match=etag(server.item(item_id).version))
    assert side.engine.sync_once().conflicts == 1
    [view] = conflicts.list_conflicts(side.store, SCHOOL)
    assert view.server_record is not None
    assert view.server_record["status"] == ItemStatus.MAINTENANCE.value
    assert view.server_record["version"] == server.item(item_id).version
    assert view.record_name == values["inventory_no"]
    conflicts.reapply(side.store, ADMIN, view.command_id)
    assert side.engine.sync_once().conflicts == 0
    held = server.item(item_id)
    assert held.location == "Ķīmijas kabinets 114, skapis Nr. 2"
    assert held.status is ItemStatus.MAINTENANCE  # the central change stands beside ours
    assert_converged(side, server.url)


def test_an_item_status_conflict_discarded_leaves_the_central_status(
        side: Side, server: DevServer) -> None:
    item_id = _an_available_item(side)
    inventory.change_item_status(side.store, ADMIN, item_id, ItemAction.SEND_TO_REPAIR,
                                 reason="Neieslēdzas")
    server.state.change_item_status(
        None, SCHOOL, item_id, ItemStatusChange(action="mark_damaged",
                                                reason="Saplīsis ekrāns"),
        if_match=etag(server.item(item_id).version))
    assert side.engine.sync_once().conflicts == 1
    [view] = conflicts.list_conflicts(side.store, SCHOOL)
    assert view.server_record is not None and view.server_record["status"] == "damaged"
    conflicts.discard(side.store, ADMIN, view.command_id)
    with side.store.read() as s:
        assert s.get(Item, item_id).status is ItemStatus.DAMAGED
    side.engine.sync_once()
    assert_converged(side, server.url)


def test_a_change_waiting_behind_a_kind_conflict_is_reapplied_after_it(
        side: Side, server: DevServer) -> None:
    kind = a_kind(side)
    wanted = other_group(kind.target_group)
    catalogue.set_target_group(side.store, ADMIN, kind.id, wanted)
    inventory.set_accepting_applications(side.store, ADMIN, kind.id,
                                         not kind.accepting_applications)
    now_central = change_centrally(server, kind.id, OfferedKindPatch(
        target_group=other_group(kind.target_group, wanted)))
    assert side.engine.sync_once().conflicts == 1
    [view] = conflicts.list_conflicts(side.store, SCHOOL)
    assert view.command == "set_target_group" and view.waiting_behind == 1
    conflicts.reapply(side.store, ADMIN, view.command_id)
    assert [c.command for c in open_commands(side)] == ["set_target_group",
                                                        "set_accepting_applications"]
    report = side.engine.sync_once()
    assert report.conflicts == 0 and report.pushed == 2
    after = central(server, kind.id)
    assert (after.target_group, after.accepting_applications) == (
        wanted, not kind.accepting_applications)
    assert after.version == now_central.version + 2
    assert local(side, kind.id) == (wanted, not kind.accepting_applications, after.version)
    assert open_commands(side) == []
