"""A hypothesis state machine over staff decisions, lost answers, server faults, outages,
restarts and applicant actions. Whatever the order, once the network is back and conflicts
are resolved: lost decisions = 0, duplicates applied = 0, local state = server state."""

from __future__ import annotations

import contextlib
import itertools
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from sqlalchemy import select

from desktop.models import decisions
from desktop.models.codes import CommandState
from desktop.models.schema import OutboxCommand
from desktop.models.workflow import TransitionError
from faultproxy import FaultProxy
from sync import conflicts
from sync.client import CentralError
from synctools import ADMIN, SCHOOL, assert_converged, make_side, open_application_ids, server_state

_folders = itertools.count()


def make_machine(server, proxy: FaultProxy, root: Path) -> type[RuleBasedStateMachine]:
    class Sync(RuleBasedStateMachine):
        @initialize()
        def start(self) -> None:
            proxy.offline = False
            proxy.clear()
            server.faults.clear()
            self.side = make_side(root / f"c{next(_folders)}", proxy.url)
            self.side.engine.sync_once()
            self.start_versions = {k[1]: v["version"]
                                   for k, v in server_state(server.url).items()
                                   if k[0] == "application"}
            self.applicant_actions: dict[str, int] = {}
            self.discarded: set[str] = set()

        def _open(self) -> list[int]:
            return open_application_ids(self.side.store)[:12]

        @rule(pick=st.integers(0, 11), refuse=st.booleans())
        def decide(self, pick: int, refuse: bool) -> None:
            open_ids = self._open()
            if not open_ids:
                return
            app_id = open_ids[pick % len(open_ids)]
            try:
                if refuse:
                    decisions.refuse(self.side.store, ADMIN, app_id, "Nav pieejamu ierīču")
                else:
                    decisions.defer(self.side.store, ADMIN, app_id, "Gaidām piegādi")
            except TransitionError:
                pass

        @rule()
        def sync(self) -> None:
            with contextlib.suppress(CentralError):
                self.side.engine.sync_once()

        @rule(offline=st.booleans())
        def network(self, offline: bool) -> None:
            proxy.offline = offline

        @rule()
        def lose_next_answer(self) -> None:
            proxy.add(lambda m, p: m == "POST", "drop_after_forward")

        @rule(status=st.sampled_from([500, 503, 429]))
        def server_error(self, status: int) -> None:
            server.faults.add(method="POST", path_prefix="/v1/", status=status,
                              retry_after=0, count=1)

        @rule()
        def restart(self) -> None:
            self.side.restart()

        @rule(pick=st.integers(0, 11))
        def applicant_withdraws(self, pick: int) -> None:
            remote = [str(a.id) for a in server.applications(SCHOOL)
                      if a.status.value in ("submitted", "postponed")]
            if remote:
                app_id = sorted(remote)[pick % len(remote)]
                server.applicant_withdraw(int(app_id), "need_disappeared")
                self.applicant_actions[app_id] = self.applicant_actions.get(app_id, 0) + 1

        def teardown(self) -> None:
            try:
                proxy.offline = False
                proxy.clear()
                server.faults.clear()
                with self.side.store.write() as s:  # no waiting for backoff in a test
                    for c in s.scalars(select(OutboxCommand)):
                        c.next_attempt_at = None
                self.side.engine.sync_once()
                for c in conflicts.list_conflicts(self.side.store, SCHOOL):
                    self.discarded.update(conflicts.discard(self.side.store, ADMIN,
                                                            c.command_id).command_ids)
                self.side.engine.sync_once()
                with self.side.store.read() as s:
                    cmds = list(s.scalars(select(OutboxCommand)))
                # lost decisions: every command was applied or visibly discarded
                lost = [c for c in cmds if c.state is CommandState.PENDING
                        or (c.state is CommandState.DISCARDED
                            and c.command_id not in self.discarded)]
                assert lost == []
                # duplicates: each application's version moved once per applied command
                remote = server_state(server.url)
                done = {}
                for c in cmds:
                    if c.state is CommandState.DONE:
                        done[str(c.application_id)] = done.get(str(c.application_id), 0) + 1
                for app_id, start in self.start_versions.items():
                    expected = start + done.get(app_id, 0) + self.applicant_actions.get(app_id, 0)
                    assert remote[("application", app_id)]["version"] == expected, app_id
                assert_converged(self.side, server.url)
            finally:
                self.side.close()

    return Sync


def test_sync_state_machine(server, proxy) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        machine = make_machine(server, proxy, Path(tmp))
        run_state_machine_as_test(
            machine,
            settings=settings(max_examples=12, stateful_step_count=14, deadline=None,
                              suppress_health_check=list(HealthCheck)),
        )
