"""Issue 17: the engine sends batches as large as the service takes (it says so on every batch
answer), its default to a service that does not say, and smaller ones after a 413; the
acknowledged applications are written in bulk exactly as one by one; a sync keeps out of the
GUI thread's way (the collector paused, the GIL handed over sooner) and restores both."""

from __future__ import annotations

import gc
import sys
import uuid
from typing import Any

import pytest
from sqlalchemy import select

from desktop.models import decisions
from desktop.models.codes import ApplicationStatus, CommandState, HandoverStatus
from desktop.models.schema import Application, OutboxCommand, StatusHistory
from sync import mapping
from sync.background import SYNC_SWITCH_INTERVAL, Gentle, gentle
from sync.client import WIRE_MAX_BATCH
from sync.devserver.state import DevState
from sync.engine import DEFAULT_BATCH
from sync.protocol import ApplicationWire
from synctools import ADMIN, SCHOOL, Side, assert_converged, make_side, open_application_ids


def _sizes_seen(server: Any, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of commands in each batch that reaches the service."""
    sizes: list[int] = []
    real = DevState.batch

    def counting(self: DevState, principal: Any, institution_id: str, commands: Any) -> str:
        commands = list(commands)
        sizes.append(len(commands))
        return real(self, principal, institution_id, commands)

    monkeypatch.setattr(DevState, "batch", counting)
    return sizes


def _decide(side: Side, count: int) -> list[int]:
    ids = open_application_ids(side.store)[:count]
    assert len(ids) == count
    for i, app_id in enumerate(ids):
        if i % 2:
            decisions.refuse(side.store, ADMIN, app_id, "Ierīču skaits ir ierobežots")
        else:
            decisions.defer(side.store, ADMIN, app_id, "Gaidām piegādi pēc brīvlaika")
    return ids


def test_the_engine_learns_the_maximum_and_keeps_to_it(side: Side, server, monkeypatch):
    monkeypatch.setattr(server.state, "max_batch", 3)
    sizes = _sizes_seen(server, monkeypatch)
    assert side.client.max_batch is None
    assert side.engine.batch_limit() == DEFAULT_BATCH
    _decide(side, 4)
    report = side.engine.sync_once()
    # the first batch (all four) met the 413, which said 3: nothing of it was applied
    assert sizes == [4, 3, 1]
    assert (report.pushed, report.conflicts) == (4, 0)
    assert side.client.max_batch == 3 and side.engine.batch_limit() == 3
    sizes.clear()
    _decide(side, 5)
    side.engine.sync_once()
    assert sizes == [3, 2]  # heard once, kept from then on
    assert_converged(side, server.url)


def test_a_service_that_takes_more_gets_more(side: Side, server, monkeypatch):
    sizes = _sizes_seen(server, monkeypatch)
    side.engine.batch_size = 2  # the engine's own cap still holds
    _decide(side, 3)
    side.engine.sync_once()
    assert sizes == [2, 1]
    assert side.client.max_batch == server.state.max_batch
    side.engine.batch_size = None
    assert side.engine.batch_limit() == server.state.max_batch


def test_a_service_that_does_not_say_gets_the_default(side: Side, monkeypatch):
    class Headers:
        def __init__(self, said: str | None) -> None:
            self.headers = {} if said is None else {"X-Resursi-Max-Batch": said}

    for said, heard in ((None, None), ("daudz", None), ("0", None), ("-4", None),
                        ("120", 120), (str(10 * WIRE_MAX_BATCH), WIRE_MAX_BATCH)):
        side.client.max_batch = None
        side.client._note_max_batch(Headers(said))  # type: ignore[arg-type]
        assert side.client.max_batch == heard, said
        assert side.engine.batch_limit() == (heard or DEFAULT_BATCH)


def test_a_413_that_names_no_smaller_size_falls_back_to_one_by_one(side: Side, server,
                                                                   monkeypatch):
    from sync.client import BatchTooLargeError

    def too_large(*args: Any, **kwargs: Any) -> None:
        raise BatchTooLargeError("batch answered 413", None)

    monkeypatch.setattr(side.client, "send_batch", too_large)
    _decide(side, 2)
    report = side.engine.sync_once()
    assert (report.pushed, report.conflicts) == (2, 0)
    assert_converged(side, server.url)


def _wire_changed_by_the_service(wire: ApplicationWire) -> ApplicationWire:
    """What the service might answer: a newer version, another status, and the handovers
    moved on (the first one cancelled, the second gone, a new cancelled one)."""
    handovers = list(wire.handovers)
    if handovers:
        first = handovers[0]
        handovers = [first.model_copy(update={
            "status": HandoverStatus.CANCELLED, "return_notes": "Atcelts; skrāpējums uz vāka",
        }), *handovers[2:], first.model_copy(update={
            "id": str(uuid.uuid4()), "status": HandoverStatus.CANCELLED, "act_number": None,
            "act_document_id": None, "receipt_token": None, "act_sha256": None})]
    status = (ApplicationStatus.POSTPONED if wire.status is not ApplicationStatus.POSTPONED
              else ApplicationStatus.DECLINED)
    return wire.model_copy(update={"version": wire.version + 1, "status": status,
                                   "decision_reason": "Gaidām jaunu piegādi",
                                   "notes": "Zvanīja māte; lūdz ziņot",
                                   "handovers": handovers})


def test_bulk_replacement_writes_what_one_by_one_would(tmp_path, server, side: Side):
    """``replace_applications`` against ``apply_application`` (the ORM path): the same rows,
    the same history, on two stores synced alike."""
    other = make_side(tmp_path / "other", server.url)
    try:
        other.engine.sync_once()
        wires = [_wire_changed_by_the_service(server.application(i))
                 for i in server.application_ids(SCHOOL)]
        assert any(w.handovers for w in wires)
        with side.store.write() as s:
            s.scalars(select(Application)).all()  # ORM copies in the session are expired
            mapping.replace_applications(s, wires)
            for wire in wires:  # what the session reads now is what was written
                held = s.get(Application, wire.id)
                assert held is not None and held.server_version == wire.version
        with other.store.write() as s:
            for wire in wires:
                assert mapping.apply_application(s, wire)
        from synctools import local_state

        assert local_state(side.store) == local_state(other.store)

        def history(store: Any) -> list[tuple[Any, ...]]:
            with store.read() as s:
                return sorted(s.execute(select(
                    StatusHistory.entity_type, StatusHistory.entity_id,
                    StatusHistory.from_status, StatusHistory.to_status, StatusHistory.source,
                    StatusHistory.at)).all())

        assert history(side.store) == history(other.store)
        assert {row[0] for row in history(side.store)} == {"application", "handover"}
        with side.store.read() as s:
            keys = {a.id: (a.search_key, a.learner_sort) for a in s.scalars(select(Application))}
        with other.store.read() as s:
            assert keys == {a.id: (a.search_key, a.learner_sort)
                            for a in s.scalars(select(Application))}
    finally:
        other.close()


def test_a_sync_pauses_the_collector_and_restores_it(side: Side, monkeypatch):
    seen: list[tuple[bool, float]] = []
    monkeypatch.setattr(side.engine, "progress",
                        lambda p: seen.append((gc.isenabled(), sys.getswitchinterval())))
    interval = sys.getswitchinterval()
    assert gc.isenabled()
    _decide(side, 1)
    side.engine.sync_once()
    assert seen and all(s == (False, SYNC_SWITCH_INTERVAL) for s in seen)
    assert gc.isenabled() and sys.getswitchinterval() == interval
    assert gentle.holders == 0


def test_the_pause_nests_and_leaves_a_paused_collector_paused():
    pause = Gentle()
    with pause:
        with pause:
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()  # the GUI's start-up pauses it on its own
    try:
        with pause:
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_outbox_rows_are_done_after_a_bulk_acknowledgement(side: Side):
    ids = _decide(side, 5)
    side.engine.sync_once()
    with side.store.read() as s:
        states = set(s.scalars(select(OutboxCommand.state).where(
            OutboxCommand.application_id.in_(ids))))
        versions = {a.id: a.server_version for a in s.scalars(
            select(Application).where(Application.id.in_(ids)))}
    assert states == {CommandState.DONE}
    assert all(v > 1 for v in versions.values())
