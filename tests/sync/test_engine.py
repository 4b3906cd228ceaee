"""The engine's own behaviour: backoff, progress, full resync on 410, tombstones."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.models import decisions
from desktop.models.schema import Application, OutboxCommand
from sync.client import RetryLaterError
from sync.engine import Backoff, Progress
from synctools import ADMIN, Side, assert_converged, open_application_ids, server_state


def test_backoff_grows_with_jitter_and_honours_retry_after() -> None:
    values = iter([0.0, 1.0, 0.5, 0.0])
    backoff = Backoff(base=1.0, cap=8.0, rng=lambda: next(values))
    assert backoff.next_delay() == 0.5  # ceiling 1: between 0.5 and 1
    assert backoff.next_delay() == 2.0  # ceiling 2, top of the range
    assert backoff.next_delay() == 3.0  # ceiling 4, middle
    assert backoff.next_delay(retry_after=30) == 30  # the server's word wins when longer
    backoff.reset()
    assert backoff.failures == 0
    capped = Backoff(base=1.0, cap=8.0, rng=lambda: 1.0)
    assert max(capped.next_delay() for _ in range(20)) == 8.0


def test_progress_is_reported_for_push_and_pull(side: Side, server) -> None:
    events: list[Progress] = []
    side.engine.progress = events.append
    app_id = open_application_ids(side.store)[0]
    decisions.refuse(side.store, ADMIN, app_id, "Nav pieejamu ierīču")
    side.engine.sync_once()
    assert [e.phase for e in events if e.phase == "push"] == ["push"]
    assert events[0] == Progress("push", 1, 1)
    assert any(e.phase == "pull" for e in events)


def test_expired_cursor_resyncs_from_scratch_and_keeps_the_outbox(side: Side, server) -> None:
    app_id = open_application_ids(side.store)[0]
    server.expire_cursors()
    decisions.refuse(side.store, ADMIN, app_id, "Nav pieejamu ierīču")
    report = side.engine.sync_once()
    assert report.full_resync
    assert report.pushed == 1
    assert server_state(server.url)[("application", str(app_id))]["status"] == "declined"
    assert_converged(side, server.url)


def test_tombstone_removes_the_local_copy(side: Side, server) -> None:
    app_id = open_application_ids(side.store)[0]
    server.delete_application(app_id)
    report = side.engine.sync_once()
    assert report.deleted == 1
    with side.store.read() as s:
        assert s.get(Application, app_id) is None
    assert_converged(side, server.url)


def test_tombstone_waits_while_a_local_decision_is_unsent(side: Side, server, proxy) -> None:
    app_id = open_application_ids(side.store)[0]
    proxy.offline = True
    decisions.refuse(side.store, ADMIN, app_id, "Nav pieejamu ierīču")
    proxy.offline = False
    server.faults.add(method="POST", path_prefix="/v1/", status=503, count=1)
    server.delete_application(app_id)
    with pytest.raises(RetryLaterError):  # the push met the fault; the pull did not run
        side.engine.sync_once()
    side.engine.pull()
    with side.store.read() as s:  # held back: the decision is not silently dropped
        assert s.get(Application, app_id) is not None
        assert s.scalar(select(func.count()).select_from(OutboxCommand)) == 1
    side.engine.sync_once()  # the command meets a deleted application: a visible conflict
    from sync import conflicts

    [conflict] = conflicts.list_conflicts(side.store, "4313900123")
    conflicts.discard(side.store, ADMIN, conflict.command_id)
    side.engine.sync_once()
    assert_converged(side, server.url)


def test_a_batch_refused_whole_falls_back_to_one_by_one(side: Side, server, monkeypatch) -> None:
    """One bad command must not hold the others back (permanent errors never block)."""
    from desktop.models.codes import CommandState
    from sync import conflicts
    from sync.client import CentralError

    first, second = open_application_ids(side.store)[:2]
    decisions.refuse(side.store, ADMIN, first, "Nav pieejamu ierīču")
    decisions.defer(side.store, ADMIN, second, "Gaidām piegādi")
    with side.store.write() as s:  # a command the server will find invalid
        bad = s.scalars(select(OutboxCommand).where(OutboxCommand.application_id == first)).one()
        bad.payload = {"reason": ""}

    def refuse_batches(*args, **kwargs):
        raise CentralError("batch answered 422: invalid")

    monkeypatch.setattr(side.client, "send_batch", refuse_batches)
    report = side.engine.sync_once()
    assert report.pushed == 1 and report.conflicts == 1
    with side.store.read() as s:
        states = dict(s.execute(select(OutboxCommand.application_id, OutboxCommand.state)).all())
    assert states == {first: CommandState.CONFLICT, second: CommandState.DONE}
    [conflict] = conflicts.list_conflicts(side.store, "4313900123")
    assert conflict.http_status == 422
