"""Fault tests against the reference server over loopback. In every case: no decision is
lost, none is applied twice, and afterwards the local state equals the server's."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.models import decisions
from desktop.models.codes import ApplicationStatus, CommandState
from desktop.models.schema import Application, OutboxCommand, SyncState, utcnow
from desktop.models.workflow import TransitionError
from sync import conflicts
from sync.client import CentralClient, OfflineError, RetryLaterError
from sync.credentials import MemoryCredentials
from sync.protocol import CommandRequest
from synctools import (
    ADMIN,
    SCHOOL,
    Side,
    assert_converged,
    make_side,
    open_application_ids,
    server_state,
)

REASON = "Nav pieejamu ierīču; mēģiniet pēc ziemas brīvlaika"


def server_status(url: str, app_id: int) -> str:
    return server_state(url)[("application", str(app_id))]["status"]


def server_version(url: str, app_id: int) -> int:
    return server_state(url)[("application", str(app_id))]["version"]


def commands(side: Side) -> list[OutboxCommand]:
    with side.store.read() as s:
        return list(s.scalars(select(OutboxCommand).order_by(OutboxCommand.id)))


def test_initial_sync_equals_the_server(side: Side, server) -> None:
    assert_converged(side, server.url)


def test_answer_lost_after_the_server_committed(side: Side, server, proxy) -> None:
    app_id = open_application_ids(side.store)[0]
    before = server_version(server.url, app_id)
    decisions.refuse(side.store, ADMIN, app_id, REASON)
    proxy.add(lambda m, p: m == "POST" and "commands" in p, "drop_after_forward")
    with pytest.raises(OfflineError):
        side.engine.sync_once()
    assert proxy.dropped == 1
    # the server applied it; the client does not know and keeps the command
    assert server_status(server.url, app_id) == "declined"
    assert [c.state for c in commands(side)] == [CommandState.PENDING]
    side.engine.sync_once()  # same idempotency key: the stored answer is replayed
    assert server_version(server.url, app_id) == before + 1
    assert_converged(side, server.url)


def test_pull_cut_after_page_k_resumes_from_its_cursor(tmp_path: Path, server, proxy) -> None:
    side = make_side(tmp_path / "fresh", proxy.url)
    try:
        seen = {"n": 0}

        def third_page(method: str, path: str) -> bool:
            if method == "GET" and "/changes" in path:
                seen["n"] += 1
                return seen["n"] >= 3
            return False

        # the third page and both transport retries of it are cut
        proxy.add(third_page, "drop_after_forward", count=3)
        with pytest.raises(OfflineError):
            side.engine.sync_once()
        assert proxy.dropped == 3
        with side.store.read() as s:
            state = s.get(SyncState, SCHOOL)
            assert state is not None and state.cursor is not None  # pages 1–2 kept
            kept = s.scalar(select(func.count()).select_from(Application))
        assert 0 < kept < len(server_state(server.url))
        side.engine.sync_once()
        assert_converged(side, server.url)
    finally:
        side.close()


@pytest.mark.parametrize("times", [2, 5, 10])
def test_the_same_command_delivered_many_times(side: Side, server, times: int) -> None:
    app_id = open_application_ids(side.store)[0]
    before = server_version(server.url, app_id)
    command = CommandRequest(command_id=str(uuid.uuid4()), command="defer",
                             base_version=before,
                             payload={"reason": "Gaidām piegādi", "revisit_on": None})
    client = CentralClient(server.url, username="admin", credentials=MemoryCredentials())
    client.sign_in("demo")
    answers = [client.send_command(app_id, command) for _ in range(times)]
    assert {a.status for a in answers} == {200}
    assert len({a.accepted.model_dump_json() for a in answers}) == 1
    assert server_version(server.url, app_id) == before + 1
    client.close()


def test_the_same_command_delivered_concurrently(side: Side, server) -> None:
    app_id = open_application_ids(side.store)[1]
    before = server_version(server.url, app_id)
    command = CommandRequest(command_id=str(uuid.uuid4()), command="refuse",
                             base_version=before, payload={"reason": REASON})
    answers = []
    lock = threading.Lock()

    def send() -> None:
        client = CentralClient(server.url, username="admin", credentials=MemoryCredentials())
        client.sign_in("demo")
        outcome = client.send_command(app_id, command)
        with lock:
            answers.append(outcome)
        client.close()

    threads = [threading.Thread(target=send) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(answers) == 8
    assert {a.status for a in answers} == {200}
    assert len({a.accepted.model_dump_json() for a in answers}) == 1
    assert server_version(server.url, app_id) == before + 1


@pytest.mark.parametrize(("status", "retry_after"), [(503, 2), (429, 1), (500, None)])
def test_server_errors_then_recovery(side: Side, server, status: int,
                                     retry_after: int | None) -> None:
    app_id = open_application_ids(side.store)[0]
    decisions.refuse(side.store, ADMIN, app_id, REASON)
    server.faults.add(method="POST", path_prefix="/v1/", status=status,
                      retry_after=retry_after, count=1)
    with pytest.raises(RetryLaterError) as err:
        side.engine.sync_once()
    if retry_after:
        assert err.value.retry_after == retry_after
        assert side.engine.backoff.next_delay(err.value.retry_after) >= retry_after
    assert [c.state for c in commands(side)] == [CommandState.PENDING]
    side.engine.sync_once()
    assert server_status(server.url, app_id) == "declined"
    assert_converged(side, server.url)


def test_timeout_then_recovery(side: Side, server, proxy) -> None:
    app_id = open_application_ids(side.store)[0]
    decisions.defer(side.store, ADMIN, app_id, "Gaidām piegādi")
    proxy.add(lambda m, p: m == "POST", "hang")
    with pytest.raises(OfflineError):
        side.engine.sync_once()  # the client's read timeout is 3 s
    proxy.clear()
    side.engine.sync_once()
    assert server_status(server.url, app_id) == "postponed"
    assert_converged(side, server.url)


KILL_AFTER_LOCAL_WRITE = textwrap.dedent("""
    import os, signal, sys
    from desktop.models import decisions
    from desktop.models.codes import StaffRole
    from desktop.models.journal import Actor
    from desktop.models.store import open_store
    store = open_store(sys.argv[1])
    decisions.refuse(store, Actor("admin", "4313900123", StaffRole.ADMIN), int(sys.argv[2]),
                     "Nav pieejamu ierīču")
    os.kill(os.getpid(), signal.SIGKILL)  # before any push
""")

KILL_BEFORE_ACKNOWLEDGEMENT = textwrap.dedent("""
    import os, signal, sys
    from desktop.models.store import open_store
    from sync.client import CentralClient
    from sync.credentials import MemoryCredentials
    from sync import engine as engine_module
    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)  # the server answered; nothing recorded yet
    engine_module.SyncEngine._acknowledge = die
    store = open_store(sys.argv[1])
    client = CentralClient(sys.argv[3], username="admin", credentials=MemoryCredentials())
    client.sign_in("demo")
    engine_module.SyncEngine(store, client, "4313900123").push()
""")


def _run_and_get_killed(script: str, *args: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script, *args], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == -9, result.stderr


def test_killed_between_the_local_write_and_the_push(side: Side, server) -> None:
    app_id = open_application_ids(side.store)[0]
    side.close()
    _run_and_get_killed(KILL_AFTER_LOCAL_WRITE, str(side.folder), str(app_id))
    side.restart()
    assert [(c.command, c.state) for c in commands(side)] == [("refuse", CommandState.PENDING)]
    side.engine.sync_once()
    assert server_status(server.url, app_id) == "declined"
    assert_converged(side, server.url)


def test_killed_between_the_answer_and_the_acknowledgement(side: Side, server) -> None:
    app_id = open_application_ids(side.store)[0]
    before = server_version(server.url, app_id)
    decisions.refuse(side.store, ADMIN, app_id, REASON)
    side.close()
    _run_and_get_killed(KILL_BEFORE_ACKNOWLEDGEMENT, str(side.folder), str(app_id), side.url)
    assert server_status(server.url, app_id) == "declined"
    side.restart()
    assert [c.state for c in commands(side)] == [CommandState.PENDING]
    side.engine.sync_once()
    assert server_version(server.url, app_id) == before + 1  # applied once
    assert_converged(side, server.url)


def test_applicant_withdraws_while_offline_then_discard(side: Side, server, proxy) -> None:
    app_id, other_id = open_application_ids(side.store)[:2]
    proxy.offline = True
    decisions.refuse(side.store, ADMIN, app_id, REASON)
    decisions.defer(side.store, ADMIN, other_id, "Gaidām piegādi")
    with pytest.raises(OfflineError):
        side.engine.sync_once()
    server.applicant_withdraw(app_id, "bought_himself")
    proxy.offline = False
    report = side.engine.sync_once()
    assert report.conflicts == 1
    assert server_status(server.url, other_id) == "postponed"  # not blocked by the conflict
    [conflict] = conflicts.list_conflicts(side.store, SCHOOL)
    assert conflict.application_id == app_id
    assert conflict.server_status is ApplicationStatus.WITHDRAWN
    assert conflict.local_status == "declined"
    with pytest.raises(TransitionError):  # a withdrawn application cannot be refused
        conflicts.reapply(side.store, ADMIN, conflict.command_id)
    assert len(conflicts.list_conflicts(side.store, SCHOOL)) == 1  # nothing changed
    conflicts.discard(side.store, ADMIN, conflict.command_id)
    side.engine.sync_once()
    assert_converged(side, server.url)


def test_applicant_edits_contact_while_offline_then_reapply(side: Side, server, proxy) -> None:
    app_id = open_application_ids(side.store)[0]
    proxy.offline = True
    decisions.refuse(side.store, ADMIN, app_id, REASON)
    server.applicant_contact(app_id, phone="+37129999999", email="jauns.epasts@skola.lv")
    proxy.offline = False
    assert side.engine.sync_once().conflicts == 1
    [conflict] = conflicts.list_conflicts(side.store, SCHOOL)
    assert conflict.http_status == 412
    conflicts.reapply(side.store, ADMIN, conflict.command_id)
    side.engine.sync_once()
    state = server_state(server.url)[("application", str(app_id))]
    assert state["status"] == "declined"
    assert state["contact"]["phone"] == "+37129999999"
    assert_converged(side, server.url)


@pytest.mark.parametrize("skew", [timedelta(days=365), timedelta(days=-365)])
def test_client_clock_off_by_a_year(tmp_path: Path, server, proxy, skew: timedelta) -> None:
    side = make_side(tmp_path / "skewed", proxy.url)
    try:
        side.engine._clock = lambda: utcnow() + skew
        side.engine.sync_once()
        app_id = open_application_ids(side.store)[0]
        decisions.refuse(side.store, ADMIN, app_id, REASON, now=utcnow() + skew)
        side.engine.sync_once()
        assert server_status(server.url, app_id) == "declined"
        assert_converged(side, server.url)
    finally:
        side.close()


def _an_available_item(side: Side) -> str:
    from desktop.models.codes import ItemStatus
    from desktop.models.schema import Item

    with side.store.read() as s:
        return s.scalars(select(Item.id).where(Item.status == ItemStatus.AVAILABLE,
                                               Item.institution_id == SCHOOL)
                         .order_by(Item.inventory_no)).first()


def test_catalogue_write_whose_answer_was_lost_is_not_a_conflict(side: Side, server,
                                                                   proxy) -> None:
    from desktop.models import inventory
    from sync.mapping import item_to_wire

    item_id = _an_available_item(side)
    with side.store.read() as s:
        from desktop.models.schema import Item

        values = item_to_wire(s.get(Item, item_id)).model_dump(
            include={"kind_code", "inventory_no", "serial_no", "manufacturer", "model", "year",
                     "acquisition_value", "socially_supported", "location", "notes"})
    values["location"] = "Kabinets 214 (skapis Nr. 3)"
    inventory.edit_item(side.store, ADMIN, item_id, values)
    proxy.add(lambda m, p: m == "PUT", "drop_after_forward")
    with pytest.raises(OfflineError):
        side.engine.sync_once()
    assert server.item(item_id).location == "Kabinets 214 (skapis Nr. 3)"
    report = side.engine.sync_once()  # the retry meets 412 with exactly our change
    assert report.conflicts == 0
    assert_converged(side, server.url)


def test_catalogue_change_made_centrally_meanwhile_is_a_conflict(side: Side, server) -> None:
    from desktop.models import inventory
    from desktop.models.workflow import ItemAction

    item_id = _an_available_item(side)
    inventory.change_item_status(side.store, ADMIN, item_id, ItemAction.SEND_TO_MAINTENANCE,
                                 reason="Tastatūra jānomaina")
    from sync.protocol import ItemStatusChange, etag

    # someone else, at the central service, marked it damaged in the meantime
    server.state.change_item_status(
        None, SCHOOL, item_id, ItemStatusChange(action="mark_damaged", reason="Ekrāns saplīsis"),
        if_match=etag(server.item(item_id).version))
    assert side.engine.sync_once().conflicts == 1
    [conflict] = conflicts.list_conflicts(side.store, SCHOOL)
    assert conflict.aggregate_type == "item"
    conflicts.discard(side.store, ADMIN, conflict.command_id)
    side.engine.sync_once()
    assert_converged(side, server.url)
