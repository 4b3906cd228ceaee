"""Issue 17: the push channel under faults. The desk waits on the school's feed through the
fault proxy with the timer sync effectively off; the push connection is cut mid-wait, the
server is restarted, a proxy drops idle connections. In each the applicant's confirmation
still reaches the desk, and nothing is applied twice: one issue of the handover on either
side, every outbox command acknowledged once.

No sleeps: a held wait is seen through the server's and the proxy's counts; the timeouts
below bound a stuck desk, they are not measurements.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.desk import HandoverWatch, produce_act
from desktop.models import decisions, desk
from desktop.models.codes import CommandState, HandoverStatus
from desktop.models.schema import OutboxCommand, StatusHistory
from desktop.syncing import SyncController
from desktop.tasks import TaskRunner
from faultproxy import FaultProxy
from sync.client import PushUnavailableError
from sync.devserver.server import DevServer
from sync.engine import Backoff
from sync.push import PushLoop
from synctools import ADMIN, SCHOOL, Side, make_side, open_application_ids

DAY_MS = 86_400_000  # a watch interval no test outlives: the timer never syncs


@pytest.fixture
def central(tmp_path: Path) -> Iterator[DevServer]:
    """A server with its database in a file, so that it can be restarted on the same port."""
    server = DevServer(tmp_path / "central" / "devserver.sqlite3", seed=40)
    server.start()
    yield server
    server.stop()


def _proxy(central: DevServer, idle_cut: float | None = None) -> Iterator[FaultProxy]:
    p = FaultProxy(central.port, idle_cut=idle_cut)
    yield p
    p.close()


@pytest.fixture
def proxy(central: DevServer) -> Iterator[FaultProxy]:
    yield from _proxy(central)


@pytest.fixture
def idle_proxy(central: DevServer) -> Iterator[FaultProxy]:
    # Closes a connection on which the server has said nothing for 0.3 s: every held wait.
    yield from _proxy(central, idle_cut=0.3)


@dataclass
class Desk:
    side: Side
    sync: SyncController
    watch: HandoverWatch
    loop: PushLoop
    tasks: TaskRunner
    app_id: int
    handover_id: str
    issued: list[Path]
    rounds: list[object]


@pytest.fixture
def open_desk(qtbot: QtBot, tmp_path: Path, central: DevServer) -> Iterator:
    made: list[Desk] = []

    def make(proxy: FaultProxy, *, watch_ms: int = DAY_MS,
             before_watch: Callable[[Side], None] | None = None) -> Desk:
        side = make_side(tmp_path / "desk", proxy.url)
        side.engine.sync_once()
        app_id = open_application_ids(side.store)[0]
        item_id = decisions.offerable_items(side.store, ADMIN, app_id)[0][0]
        decisions.grant(side.store, ADMIN, app_id, item_id=item_id)
        card = desk.start_handover(side.store, ADMIN, app_id)
        side.engine.sync_once()  # the prepared handover is on the server
        tasks = TaskRunner()
        # quick backoff and a short cut threshold: the faults below recover in test time
        loop = PushLoop(side.engine, hold=25.0, min_hold=0.1, cut_after=0.2,
                        backoff=Backoff(base=0.05, cap=0.5))
        sync = SyncController(tasks, side.engine, interval_s=600, push_loop=loop)
        watch = HandoverWatch(
            tasks, lambda hid: desk.handover_state(side.store, ADMIN, hid),
            lambda hid: produce_act(side.store, ADMIN, hid, "Ģirts Ļaviņš"),
            watch_sync=lambda on: sync.watch(on, interval_ms=watch_ms), poll_ms=DAY_MS)
        sync.synced.connect(watch.refresh)
        the_desk = Desk(side, sync, watch, loop, tasks, app_id, card.handover_id, [], [])
        watch.issued.connect(the_desk.issued.append)
        sync.synced.connect(the_desk.rounds.append)
        if before_watch is not None:
            before_watch(side)
        made.append(the_desk)
        watch.start(card.handover_id)
        qtbot.waitUntil(lambda: the_desk.rounds != [] and not sync.running, timeout=10000)
        return the_desk

    yield make
    for d in made:
        d.watch.stop()
        d.sync.stop()
        d.tasks.shutdown()
        d.side.close()


def assert_applied_once(d: Desk, central: DevServer) -> None:
    """One issue of the handover on the server and in the store; the outbox drained, each
    command acknowledged once (the server's idempotency table holds each key once)."""
    d.side.engine.sync_once()  # whatever the act's filing queued goes now
    handovers = [h for h in central.application(d.app_id).handovers if h.id == d.handover_id]
    assert [h.status for h in handovers] == [HandoverStatus.ISSUED]
    with d.side.store.read() as s:
        issues = s.scalars(select(StatusHistory).where(
            StatusHistory.entity_type == "handover",
            StatusHistory.entity_id == d.handover_id,
            StatusHistory.to_status == HandoverStatus.ISSUED.value)).all()
        commands = s.scalars(select(OutboxCommand)).all()
    assert len(issues) == 1
    assert commands and {c.state for c in commands} == {CommandState.DONE}
    ids = [c.command_id for c in commands]
    assert len(set(ids)) == len(ids)
    with sqlite3.connect(central.db_path) as db:  # type: ignore[arg-type]
        stored = [row[0] for row in db.execute(
            f"SELECT key FROM idempotency WHERE key IN ({','.join('?' * len(ids))})", ids)]
    assert sorted(stored) == sorted(ids)
    assert desk.handover_state(d.side.store, ADMIN, d.handover_id).act_filed


def test_push_connection_cut_mid_wait(qtbot: QtBot, central: DevServer, proxy: FaultProxy,
                                      open_desk) -> None:
    d = open_desk(proxy)
    assert d.sync.pushing
    assert central.push.wait_until(1, SCHOOL)
    assert proxy.cut_open() == 1  # the network drops the held connection
    assert proxy.wait_for(lambda: proxy.cut >= 1)
    central.applicant_confirm_receipt(d.app_id)  # maybe before the next wait: no matter
    qtbot.waitUntil(lambda: d.issued != [], timeout=30000)
    assert len(d.rounds) == 2  # the first sync and the one pull the channel asked for
    assert_applied_once(d, central)


def test_server_restarted_while_the_desk_waits(qtbot: QtBot, central: DevServer,
                                               proxy: FaultProxy, open_desk) -> None:
    d = open_desk(proxy)
    assert d.sync.pushing
    assert central.push.wait_until(1, SCHOOL)
    central.stop()  # the held wait is answered (no change); the next ones find no server
    assert proxy.wait_for(lambda: proxy.refused >= 1)
    central.start()  # same port, same database file: the same feed and tokens
    assert central.push.wait_until(1, SCHOOL)  # the desk found its way back
    central.applicant_confirm_receipt(d.app_id)
    qtbot.waitUntil(lambda: d.issued != [], timeout=30000)
    assert len(d.rounds) == 2
    assert_applied_once(d, central)


def test_a_proxy_that_drops_idle_connections(qtbot: QtBot, central: DevServer,
                                             idle_proxy: FaultProxy, open_desk) -> None:
    d = open_desk(idle_proxy)
    assert d.sync.pushing
    assert idle_proxy.wait_for(lambda: idle_proxy.cut >= 2)  # every long hold is cut ...
    assert d.loop.cuts >= 1 and d.loop.hold < 25.0  # ... so the desk holds shorter
    central.applicant_confirm_receipt(d.app_id)
    qtbot.waitUntil(lambda: d.issued != [], timeout=30000)
    assert len(d.rounds) == 2
    assert_applied_once(d, central)


def test_the_watch_ending_closes_the_channel(qtbot: QtBot, central: DevServer,
                                             proxy: FaultProxy, open_desk) -> None:
    d = open_desk(proxy)
    assert d.sync.pushing
    assert central.push.wait_until(1, SCHOOL)
    d.watch.stop()  # the desk shows another applicant: nobody waits any more
    assert not d.sync.pushing
    assert central.push.wait_until_idle(SCHOOL)


def test_a_server_without_the_channel_falls_back_to_the_timer(
        qtbot: QtBot, central: DevServer, proxy: FaultProxy, open_desk) -> None:
    def older_server(side: Side) -> None:
        def refuse(*_: object) -> bool:
            raise PushUnavailableError("the push channel answered 404")
        side.client.wait_for_changes = refuse  # type: ignore[method-assign,assignment]

    d = open_desk(proxy, watch_ms=50, before_watch=older_server)
    qtbot.waitUntil(lambda: not d.sync.pushing, timeout=10000)
    central.applicant_confirm_receipt(d.app_id)
    qtbot.waitUntil(lambda: d.issued != [], timeout=30000)  # the 50 ms watch sync found it
    assert central.push.waiting() == 0
    assert_applied_once(d, central)
