"""A hypothesis state machine over every command of the registry, with lost answers, server
faults, outages, restarts, the applicant's own actions, a second workstation changing the same
records, and conflicts resolved both ways (re-apply or discard).

Each example starts on a fresh reference server and first queues, offline, one command of
every kind in the registry (so every run covers them all, whatever hypothesis draws next);
then the drawn steps decide more, sync, lose answers, fail, restart and race.

Whatever the order, once the network is back and conflicts are resolved: lost decisions = 0,
duplicates applied = 0, local state = server state.
"""

from __future__ import annotations

import contextlib
import itertools
import tempfile
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from sqlalchemy import select

from desktop.models import (
    catalogue,
    decisions,
    desk,
    document_templates,
    handovers,
    inventory,
    kind_checklists,
    lifecycle,
    notes,
    school_settings,
)
from desktop.models.codes import (
    ApplicationStatus,
    CancelReason,
    CommandState,
    DocumentType,
    HandoverStatus,
    ItemStatus,
    ReturnCondition,
    ReturnGrade,
    TargetGroup,
)
from desktop.models.commands import REGISTRY, CommandName, RefusePayload
from desktop.models.lifecycle import NewFile, PickupPlan
from desktop.models.schema import Application, Handover, Item, OfferedKind, OutboxCommand
from desktop.models.workflow import ItemAction, WorkflowError
from faultproxy import FaultProxy
from sync import conflicts
from sync.client import CentralError
from sync.devserver.server import DevServer
from sync.protocol import CommandRequest, ItemUpsert
from synctools import ADMIN, SCHOOL, assert_converged, make_side, open_application_ids, server_state

_folders = itertools.count()
# The current example's reference server and the fault proxy in front of it (one per example,
# so that no example finds the applications of an earlier one used up).
server: DevServer
proxy: FaultProxy
PICK = st.integers(0, 50)


def make_machine(root: Path, seen: set[CommandName]) -> type[RuleBasedStateMachine]:
    class Sync(RuleBasedStateMachine):
        @initialize()
        def start(self) -> None:
            global server, proxy
            server = DevServer(seed=80).start()
            for n in range(4):  # devices for the lifecycle's cases (a small seed stays quick)
                server.state.put_item(None, SCHOOL, str(uuid.uuid4()), ItemUpsert(
                    kind_code="windows_laptop", inventory_no=f"RAVG-2026-9{n:05d}",
                    manufacturer="HP", model="ProBook 450 G10", status=ItemStatus.AVAILABLE),
                    if_none_match="*")
            proxy = FaultProxy(int(server.url.rsplit(":", 1)[1]))
            # generous timeouts: a machine twice as slow must not turn answers into faults
            self.side = make_side(root / f"c{next(_folders)}", proxy.url, timeout=(5.0, 30.0))
            self.side.engine.sync_once()
            self.chosen: set[str] = set()  # commands a person discarded or re-applied
            self.elsewhere: dict[str, int] = {}
            self._every_command_once()

        def _every_command_once(self) -> None:
            """Cases for the handover commands on the server, then one command of each kind
            queued offline; versions are counted from the moment before they were queued."""
            store = self._store()
            open_ids = open_application_ids(store)
            grantable = [(a, items[0][0]) for a in open_ids
                         if (items := decisions.offerable_items(store, ADMIN, a))]
            used_items: set[str] = set()
            cases = []
            for app_id, _ in grantable:
                offered = [i for i, _ in decisions.offerable_items(store, ADMIN, app_id)
                           if i not in used_items]
                if offered and len(cases) < 6:
                    used_items.add(offered[0])
                    cases.append(decisions.grant(store, ADMIN, app_id, item_id=offered[0]))
            assert len(cases) == 6, "the seed has too few grantable applications"
            to_prepare, to_cancel, to_return, to_acknowledge, to_sign, to_lose = cases
            for case in (to_return, to_acknowledge, to_sign, to_lose):
                handovers.prepare_handover(store, ADMIN, case.application_id)
            self.side.engine.sync_once()
            for case in (to_return, to_acknowledge, to_lose):
                server.applicant_confirm_receipt(case.application_id)
            server.applicant_incident(to_acknowledge.application_id, "stolen",
                                      "Nozagts no skapīša sporta zālē")
            self.side.engine.sync_once()
            self.start_versions = {k[1]: v["version"]
                                   for k, v in server_state(server.url).items()
                                   if k[0] == "application"}
            with store.read() as s:  # the set-up's commands are in the start versions
                self.before = set(s.scalars(select(OutboxCommand.command_id)))
            granted = {c.application_id for c in cases}
            rest = [a for a in open_application_ids(store) if a not in granted]
            proxy.offline = True
            decisions.grant(store, ADMIN, rest[0])
            lifecycle.prepare_ahead(store, ADMIN, [rest[0]], PickupPlan(
                "Skolas bibliotēka, 2. stāvs", datetime(2026, 12, 8, 9, tzinfo=UTC),
                datetime(2026, 12, 8, 15, tzinfo=UTC), "Māra Ozoliņa", "+37120000000"))
            decisions.refuse(store, ADMIN, rest[1], "Nav pieejamu ierīču; atteikts")
            decisions.defer(store, ADMIN, rest[2], "Gaidām piegādi no Rīgas")
            notes.set_application_notes(store, ADMIN, rest[3],
                                        "Zvanīt mātei pēc 16:00 (Ēriks Ķēniņš)")
            handovers.prepare_handover(store, ADMIN, to_prepare.application_id)
            assert to_cancel.handover_id and to_return.handover_id
            assert to_acknowledge.handover_id
            handovers.cancel_handover(store, ADMIN, to_cancel.handover_id,
                                      CancelReason.SUBMITTER_REFUSED)
            desk.file_act(store, ADMIN, to_return.handover_id, b"%PDF-1.7 akts " + uuid.uuid4().bytes)
            handovers.record_return(store, ADMIN, to_return.handover_id,
                                    ReturnCondition.RETURNED_WORKING_ORDER,
                                    grade=ReturnGrade.FAIR, notes="Trūkst lādētāja",
                                    checklist=[("Lādētājs", False), ("Soma", True)])
            handovers.acknowledge_incident(store, ADMIN, to_acknowledge.handover_id)
            lifecycle.close_case(store, ADMIN, to_acknowledge.handover_id, "Policija lietu slēdza")
            assert to_sign.handover_id and to_lose.handover_id and to_prepare.handover_id
            lifecycle.sign_on_paper(store, ADMIN, to_sign.handover_id, "%PDF-1.7 papīrs".encode(),
                                    scan=NewFile("skenējums.png", b"\x89PNG\r\n\x1a\n dati"))
            lifecycle.set_return_deadlines(store, ADMIN, [to_prepare.handover_id],
                                           date(2027, 5, 31))
            lifecycle.record_incident(store, ADMIN, to_lose.handover_id, lost=True,
                                      description="Vecāks zvanīja: pazudis autobusā",
                                      occurred_on=date.today(),
                                      attachments=[NewFile("iesniegums.pdf", "%PDF-1.4 ziņa".encode())])
            with store.read() as s:
                free = list(s.scalars(select(Item.id).where(
                    Item.institution_id == SCHOOL,
                    Item.status.in_([ItemStatus.AVAILABLE.value, ItemStatus.NEW.value,
                                     ItemStatus.IN_RESERVE.value]),
                    Item.id.not_in(used_items)).order_by(Item.inventory_no).limit(2)))
                assert len(free) == 2, "the seed has too few free items"
                kinds = [(o.id, o.accepting_applications, o.target_group)
                         for o in s.scalars(select(OfferedKind).where(
                             OfferedKind.institution_id == SCHOOL)
                             .order_by(OfferedKind.kind_code))]
            self._edit_location(free[0], "Direktora kabinets (Ēkas A spārns)")
            inventory.change_item_status(store, ADMIN, free[1], ItemAction.SEND_TO_MAINTENANCE,
                                         reason="Plānotā apkope: ventilatora tīrīšana")
            inventory.set_accepting_applications(store, ADMIN, kinds[0][0], not kinds[0][1])
            other = TargetGroup.LEARNER if kinds[1][2] is TargetGroup.ALL else TargetGroup.ALL
            catalogue.set_target_group(store, ADMIN, kinds[1][0], other)
            school_settings.set_default_return_deadline(store, ADMIN, date(2027, 5, 31))
            overdue = desk.overdue(store, ADMIN)
            assert overdue, "the seed has no overdue device"
            lifecycle.remind_return(store, ADMIN, [overdue[0].handover_id])
            document_templates.save_document_template(
                store, ADMIN, kinds[2][0], template_id=None, doc_type=DocumentType.PNA,
                title="Akta teksts", body="{{skola}} nodod {{izglitojamais}} {{resurss}}.",
                valid_from=date(2026, 9, 1), valid_to=None)
            kind_checklists.set_check_in_checklist(store, ADMIN, kinds[0][0],
                                                   ["Lādētājs", "Soma", "Irbulis"])
            proxy.offline = False
            with store.read() as s:
                queued = {CommandName(c) for c in s.scalars(
                    select(OutboxCommand.command).where(
                        OutboxCommand.state == CommandState.PENDING.value))}
            assert queued == set(REGISTRY), sorted(set(REGISTRY) - queued)

        def _edit_location(self, item_id: str, location: str) -> None:
            with self._store().read() as s:
                item = s.get(Item, item_id)
                assert item is not None
                values = {n: getattr(item, n) for n in (
                    "kind_code", "inventory_no", "serial_no", "manufacturer", "model", "year",
                    "acquisition_value", "socially_supported", "notes")}
            values["location"] = location
            self._try(inventory.edit_item, self._store(), ADMIN, item_id, values)

        # -- helpers ---------------------------------------------------------------------------
        def _store(self) -> Any:
            return self.side.store

        def _pick(self, values: list[Any], pick: int) -> Any | None:
            return values[pick % len(values)] if values else None

        def _try(self, call: Any, *args: Any, **kwargs: Any) -> None:
            # A decision the rules refuse on the local state is simply not made.
            with contextlib.suppress(WorkflowError):
                call(*args, **kwargs)

        def _local_handovers(self, *statuses: HandoverStatus) -> list[str]:
            with self._store().read() as s:
                return list(s.scalars(select(Handover.id).where(Handover.status.in_(statuses))
                                      .order_by(Handover.application_id,
                                                Handover.created_at)))

        def _local_apps(self, status: ApplicationStatus) -> list[int]:
            with self._store().read() as s:
                return list(s.scalars(select(Application.id).where(
                    Application.institution_id == SCHOOL, Application.status == status)
                    .order_by(Application.id).limit(20)))

        def _bump(self, app_id: int) -> None:
            key = str(app_id)
            self.elsewhere[key] = self.elsewhere.get(key, 0) + 1

        # -- decisions on applications -----------------------------------------------------------
        @rule(pick=PICK, refuse=st.booleans())
        def refuse_or_defer(self, pick: int, refuse: bool) -> None:
            app_id = self._pick(open_application_ids(self._store())[:12], pick)
            if app_id is None:
                return
            if refuse:
                self._try(decisions.refuse, self._store(), ADMIN, app_id,
                          "Nav pieejamu ierīču; atteikts")
            else:
                self._try(decisions.defer, self._store(), ADMIN, app_id,
                          "Gaidām piegādi no Rīgas")

        @rule(pick=PICK, with_item=st.booleans())
        def grant(self, pick: int, with_item: bool) -> None:
            app_id = self._pick(open_application_ids(self._store())[:12], pick)
            if app_id is None:
                return
            item_id = None
            if with_item:
                offered = decisions.offerable_items(self._store(), ADMIN, app_id)
                item_id = offered[pick % len(offered)][0] if offered else None
            self._try(decisions.grant, self._store(), ADMIN, app_id, item_id=item_id)

        @rule(pick=PICK)
        def prepare(self, pick: int) -> None:
            app_id = self._pick(self._local_apps(ApplicationStatus.CONFIRMED), pick)
            if app_id is None:
                return
            with self._store().read() as s:
                app = s.get(Application, app_id)
                assert app is not None
                has_item = any(h.status is HandoverStatus.PREPARING and h.item_id
                               for h in app.handovers)
            item_id = None
            if not has_item:
                offered = decisions.offerable_items(self._store(), ADMIN, app_id)
                item_id = offered[0][0] if offered else None
            self._try(handovers.prepare_handover, self._store(), ADMIN, app_id,
                      item_id=item_id)

        @rule(pick=PICK)
        def cancel(self, pick: int) -> None:
            hid = self._pick(self._local_handovers(HandoverStatus.PREPARING,
                                                   HandoverStatus.PREPARED), pick)
            if hid is not None:
                self._try(handovers.cancel_handover, self._store(), ADMIN, hid,
                          CancelReason.SUBMITTER_REFUSED)

        @rule(pick=PICK, grade=st.sampled_from(list(ReturnGrade)), charger=st.booleans())
        def take_back(self, pick: int, grade: ReturnGrade, charger: bool) -> None:
            hid = self._pick(self._local_handovers(HandoverStatus.ISSUED), pick)
            if hid is not None:
                whole = charger and grade is not ReturnGrade.DAMAGED
                self._try(handovers.record_return, self._store(), ADMIN, hid,
                          grade.condition, grade=grade,
                          checklist=[("Lādētājs", charger), ("Soma", True)],
                          notes=None if whole else "Saskrāpēts vāks, trūkst lādētāja")

        @rule(pick=PICK)
        def acknowledge(self, pick: int) -> None:
            with self._store().read() as s:
                reports = list(s.scalars(select(Handover.id).where(
                    Handover.status.in_([HandoverStatus.LOST, HandoverStatus.STOLEN]),
                    Handover.incident_acknowledged_at.is_(None))
                    .order_by(Handover.application_id, Handover.created_at)))
            hid = self._pick(reports, pick)
            if hid is not None:
                self._try(handovers.acknowledge_incident, self._store(), ADMIN, hid)

        @rule(pick=PICK, clear=st.booleans())
        def write_notes(self, pick: int, clear: bool) -> None:
            with self._store().read() as s:
                ids = list(s.scalars(select(Application.id).where(
                    Application.institution_id == SCHOOL).order_by(Application.id).limit(20)))
            app_id = self._pick(ids, pick)
            if app_id is not None:
                self._try(notes.set_application_notes, self._store(), ADMIN, app_id,
                          None if clear else f"Piezīme Nr. {pick}: zvanīt pēc 16:00")

        # -- the catalogue -----------------------------------------------------------------------
        @rule(pick=PICK)
        def edit_item(self, pick: int) -> None:
            with self._store().read() as s:
                ids = list(s.scalars(select(Item.id).where(Item.institution_id == SCHOOL)
                                     .order_by(Item.inventory_no).limit(10)))
            item_id = self._pick(ids, pick)
            if item_id is not None:
                self._edit_location(item_id, f"Kabinets Nr. {pick} (Ēkas ziemeļu spārns)")

        @rule(pick=PICK, back=st.booleans())
        def item_status(self, pick: int, back: bool) -> None:
            wanted = ItemStatus.MAINTENANCE if back else ItemStatus.AVAILABLE
            with self._store().read() as s:
                ids = list(s.scalars(select(Item.id).where(
                    Item.institution_id == SCHOOL, Item.status == wanted)
                    .order_by(Item.inventory_no).limit(10)))
            item_id = self._pick(ids, pick)
            if item_id is not None:
                self._try(inventory.change_item_status, self._store(), ADMIN, item_id,
                          ItemAction.BACK_IN_SERVICE if back
                          else ItemAction.SEND_TO_MAINTENANCE,
                          reason="Plānotā apkope: ventilatora tīrīšana")

        @rule(pick=PICK, stylus=st.booleans())
        def kind_checklist(self, pick: int, stylus: bool) -> None:
            with self._store().read() as s:
                kinds = list(s.scalars(select(OfferedKind.id).where(
                    OfferedKind.institution_id == SCHOOL).order_by(OfferedKind.kind_code)))
            chosen = self._pick(kinds, pick)
            if chosen is not None:
                self._try(kind_checklists.set_check_in_checklist, self._store(), ADMIN, chosen,
                          ["Lādētājs", "Irbulis"] if stylus else ["Lādētājs", f"Soma {pick}"])

        @rule(pick=PICK, accepting=st.booleans())
        def offered_kind(self, pick: int, accepting: bool) -> None:
            """Open or close applications, or change to whom the kind is lent: always a real
            change (the same value again writes nothing and sends nothing)."""
            with self._store().read() as s:
                kinds = [(o.id, o.accepting_applications, o.target_group)
                         for o in s.scalars(select(OfferedKind).where(
                             OfferedKind.institution_id == SCHOOL)
                             .order_by(OfferedKind.kind_code))]
            chosen = self._pick(kinds, pick)
            if chosen is None:
                return
            offered_id, open_now, group = chosen
            if accepting:
                self._try(inventory.set_accepting_applications, self._store(), ADMIN,
                          offered_id, not open_now)
            else:
                other = TargetGroup.LEARNER if group is TargetGroup.ALL else TargetGroup.ALL
                self._try(catalogue.set_target_group, self._store(), ADMIN, offered_id, other)

        # -- the network and the workstation -----------------------------------------------------
        @rule()
        def sync(self) -> None:
            with contextlib.suppress(CentralError):
                self.side.engine.sync_once()

        @rule(offline=st.booleans())
        def network(self, offline: bool) -> None:
            proxy.offline = offline

        @rule()
        def lose_next_answer(self) -> None:
            proxy.add(lambda m, p: m in ("POST", "PUT", "PATCH"), "drop_after_forward")

        @rule(status=st.sampled_from([500, 503, 429]))
        def server_error(self, status: int) -> None:
            server.faults.add(path_prefix="/v1/", status=status, retry_after=0, count=1)

        @rule()
        def restart(self) -> None:
            self.side.restart()

        @rule(reapply=st.booleans())
        def resolve_conflicts(self, reapply: bool) -> None:
            self._resolve(reapply)

        def _resolve(self, reapply: bool) -> None:
            for c in conflicts.list_conflicts(self._store(), SCHOOL):
                before = self._discarded()
                if reapply:
                    try:
                        conflicts.reapply(self._store(), ADMIN, c.command_id)
                    except WorkflowError:  # refused on the new state: changed nothing
                        conflicts.discard(self._store(), ADMIN, c.command_id)
                else:
                    conflicts.discard(self._store(), ADMIN, c.command_id)
                self.chosen |= self._discarded() - before

        def _discarded(self) -> set[str]:
            with self._store().read() as s:
                return set(s.scalars(select(OutboxCommand.command_id).where(
                    OutboxCommand.state == CommandState.DISCARDED.value)))

        # -- the applicant and the other workstation ---------------------------------------------
        def _remote(self, *statuses: str) -> list[Any]:
            return [a for a in server.applications(SCHOOL) if a.status.value in statuses]

        @rule(pick=PICK)
        def applicant_withdraws(self, pick: int) -> None:
            app = self._pick(self._remote("submitted", "postponed"), pick)
            if app is not None:
                server.applicant_withdraw(app.id, "need_disappeared")
                self._bump(app.id)

        @rule(pick=PICK)
        def applicant_confirms_receipt(self, pick: int) -> None:
            ready = [a for a in self._remote("confirmed")
                     if any(h.status is HandoverStatus.PREPARED for h in a.handovers)]
            app = self._pick(ready, pick)
            if app is not None:
                server.applicant_confirm_receipt(app.id)
                self._bump(app.id)

        @rule(pick=PICK, lost=st.booleans())
        def applicant_reports_incident(self, pick: int, lost: bool) -> None:
            issued = [a for a in self._remote("confirmed")
                      if any(h.status is HandoverStatus.ISSUED for h in a.handovers)]
            app = self._pick(issued, pick)
            if app is not None:
                server.applicant_incident(app.id, "lost" if lost else "stolen",
                                          "Soma ar datoru atstāta autobusā Nr. 22")
                self._bump(app.id)

        @rule(pick=PICK)
        def another_workstation_refuses(self, pick: int) -> None:
            app = self._pick(self._remote("submitted", "postponed"), pick)
            if app is None:
                return
            answer = server.command(app.id, CommandRequest(
                command_id=str(uuid.uuid4()), command=CommandName.REFUSE,
                base_version=app.version,
                payload=RefusePayload(reason="Atteikts citā darbstacijā").model_dump()))
            if answer.status == 200:
                self._bump(app.id)

        @rule(pick=PICK)
        def another_workstation_writes_notes(self, pick: int) -> None:
            app = self._pick(server.applications(SCHOOL)[:20], pick)
            if app is None:
                return
            answer = server.command(app.id, CommandRequest(
                command_id=str(uuid.uuid4()), command=CommandName.SET_APPLICATION_NOTES,
                base_version=app.version,
                payload={"notes": f"Citā darbstacijā: ģimene zvanīja ({pick})"}))
            if answer.status == 200:
                self._bump(app.id)

        # -- the invariants, once everything is back -------------------------------------------
        def teardown(self) -> None:
            try:
                proxy.offline = False
                proxy.clear()
                server.faults.clear()
                for _ in range(3):  # re-applied decisions go out in the next round
                    with self._store().write() as s:  # no waiting for backoff in a test
                        for c in s.scalars(select(OutboxCommand)):
                            c.next_attempt_at = None
                    self.side.engine.sync_once()
                    self._resolve(reapply=True)
                self._resolve(reapply=False)
                self.side.engine.sync_once()
                with self._store().read() as s:
                    cmds = list(s.scalars(select(OutboxCommand)))
                seen.update(CommandName(c.command) for c in cmds)
                # nothing lost: every command was applied or visibly resolved by a person
                lost = [c.command for c in cmds if c.state is CommandState.PENDING
                        or (c.state is CommandState.DISCARDED
                            and c.command_id not in self.chosen)]
                assert lost == []
                # nothing twice: each application's version moved once per applied command
                remote = server_state(server.url)
                done: dict[str, int] = {}
                for c in cmds:
                    if (c.state is CommandState.DONE and c.aggregate_type == "application"
                            and c.command_id not in self.before):
                        done[str(c.application_id)] = done.get(str(c.application_id), 0) + 1
                for app_id, first in self.start_versions.items():
                    expected = first + done.get(app_id, 0) + self.elsewhere.get(app_id, 0)
                    assert remote[("application", app_id)]["version"] == expected, app_id
                # and the copies agree
                assert_converged(self.side, server.url)
            finally:
                self.side.close()
                proxy.close()
                server.stop()

    return Sync


def test_sync_state_machine_over_every_command() -> None:
    seen: set[CommandName] = set()
    with tempfile.TemporaryDirectory() as tmp:
        machine = make_machine(Path(tmp), seen)
        run_state_machine_as_test(
            machine,
            settings=settings(max_examples=12, stateful_step_count=25, deadline=None,
                              database=None, suppress_health_check=list(HealthCheck)),
        )
    # Every command of the registry went through the whole cycle in every example.
    assert seen == set(REGISTRY), sorted(set(REGISTRY) - seen)
