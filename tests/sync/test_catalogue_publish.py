"""Publishing the catalogue to the central service with If-Match, against the reference
server on loopback: a change made centrally meanwhile is never overwritten, and both versions
stay visible until someone chooses."""

from __future__ import annotations

from sqlalchemy import select

from desktop.models import catalogue, inventory, inventory_csv
from desktop.models.codes import CommandState, TargetGroup
from desktop.models.schema import OfferedKind, OutboxCommand
from sync.devserver.server import DevServer
from sync.protocol import OfferedKindPatch, OfferedKindWire, etag
from synctools import ADMIN, SCHOOL, Side


def central_offered(server: DevServer, kind_code: str) -> OfferedKindWire:
    [found] = [o for o in server.state.offered_kinds(SCHOOL) if o.kind_code == kind_code]
    return found


def a_local_offered_kind(side: Side) -> OfferedKind:
    with side.store.read() as s:
        return s.scalars(select(OfferedKind).where(OfferedKind.institution_id == SCHOOL)
                         .order_by(OfferedKind.kind_code)).first()


def test_the_accepting_switch_is_published_with_if_match(side: Side, server) -> None:
    offered = a_local_offered_kind(side)
    before = central_offered(server, offered.kind_code)
    wanted = not offered.accepting_applications
    inventory.set_accepting_applications(side.store, ADMIN, offered.id, wanted)
    report = side.engine.sync_once()
    assert report.conflicts == 0
    after = central_offered(server, offered.kind_code)
    assert after.accepting_applications is wanted and after.version == before.version + 1
    [row] = [r for r in catalogue.offered_kinds(side.store, SCHOOL) if r.id == offered.id]
    assert not row.waiting_sync and not row.in_conflict
    assert row.server_version == after.version


def test_a_conflicting_central_change_overwrites_nothing_and_shows_both(side: Side,
                                                                         server) -> None:
    offered = a_local_offered_kind(side)
    central_before = central_offered(server, offered.kind_code)
    local_wanted = not offered.accepting_applications
    inventory.set_accepting_applications(side.store, ADMIN, offered.id, local_wanted)
    # meanwhile, at the central service, someone changes to whom the kind is lent
    new_group = next(g for g in TargetGroup if g is not central_before.target_group)
    server.state.patch_offered_kind(None, SCHOOL, central_before.id,
                                    OfferedKindPatch(target_group=new_group),
                                    if_match=etag(central_before.version))

    report = side.engine.sync_once()

    assert report.conflicts == 1
    central_after = central_offered(server, offered.kind_code)
    # the central change stands, and ours was not applied on top of it
    assert central_after.target_group is new_group
    assert central_after.accepting_applications is central_before.accepting_applications
    assert central_after.version == central_before.version + 1
    # the local copy keeps what this computer decided: nothing was overwritten here either
    with side.store.read() as s:
        held = s.get(OfferedKind, offered.id)
        assert held.accepting_applications is local_wanted
        [cmd] = s.scalars(select(OutboxCommand).where(
            OutboxCommand.aggregate_id == offered.id)).all()
        assert cmd.state is CommandState.CONFLICT
    [conflict] = catalogue.catalogue_conflicts(side.store, SCHOOL)
    assert conflict.http_status == 412 and conflict.aggregate_id == offered.id
    shown = {True: "atvērta", False: "slēgta"}
    assert conflict.local["accepting_applications"] == shown[local_wanted]
    assert conflict.central["accepting_applications"] == shown[
        central_before.accepting_applications]
    assert conflict.central["target_group"] == catalogue.target_group_label(new_group)
    assert conflict.local["target_group"] == catalogue.target_group_label(offered.target_group)
    assert conflict.central_version == central_after.version
    [row] = [r for r in catalogue.offered_kinds(side.store, SCHOOL) if r.id == offered.id]
    assert row.in_conflict
    # a second sync sends nothing more for it: the conflict waits for a person
    assert side.engine.sync_once().conflicts == 0
    assert central_offered(server, offered.kind_code) == central_after


def test_imported_items_reach_the_central_service(side: Side, server, tmp_path) -> None:
    path = tmp_path / "inventars.csv"
    path.write_bytes(("Inventāra numurs;Resursa veids;Ražotājs;Modelis;Gads;Iegādes vērtība\r\n"
                      "RĀVĢ-9001;windows_laptop;Lenovo;ThinkPad E14;2024;649,99\r\n"
                      "RĀVĢ-9002;windows_laptop;HP;ProBook 450;2023;712\r\n").encode("cp1257"))
    preview, written = inventory_csv.import_file(side.store, ADMIN, path)
    assert written == 2, preview.errors
    report = side.engine.sync_once()
    assert report.conflicts == 0
    central = {i.inventory_no: i for i in server.items(SCHOOL)}
    assert central["RĀVĢ-9001"].acquisition_value == "649.99"
    assert central["RĀVĢ-9002"].manufacturer == "HP"
