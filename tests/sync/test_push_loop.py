"""``sync.push.PushLoop`` over a scripted engine: what it does after each kind of answer.
No network, no wall clock (a fake clock says how long each wait was held)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from sync.client import AuthError, OfflineError, PushUnavailableError, RetryLaterError
from sync.engine import Backoff
from sync.push import PushEnd, PushLoop


class _Client:
    def __init__(self) -> None:
        self.aborted = 0
        self.resumed = 0

    def abort_wait(self) -> None:
        self.aborted += 1

    def resume_waits(self) -> None:
        self.resumed += 1


class _Engine:
    """Answers the loop's waits from a script: (seconds held, True/False or an exception)."""

    def __init__(self, script: list[tuple[float, Any]], stop: threading.Event) -> None:
        self.script = script
        self.stop = stop
        self.client = _Client()
        self.now = 0.0
        self.holds: list[float] = []

    def clock(self) -> float:
        return self.now

    def wait_for_changes(self, timeout: float) -> bool:
        self.holds.append(timeout)
        if not self.script:
            self.stop.set()
            return False
        held, answer = self.script.pop(0)
        self.now += held
        if isinstance(answer, Exception):
            raise answer
        return bool(answer)


class _Stop(threading.Event):
    """A stop event whose waits (the backoff's) are recorded instead of slept."""

    def __init__(self) -> None:
        super().__init__()
        self.slept: list[float] = []

    def wait(self, timeout: float | None = None) -> bool:
        self.slept.append(timeout or 0.0)
        return self.is_set()


def _run(script: list[tuple[float, Any]], on_change: Callable[[PushLoop], None] | None = None
         ) -> tuple[PushEnd, PushLoop, _Engine, _Stop, list[bool]]:
    stop = _Stop()
    engine = _Engine(script, stop)
    loop = PushLoop(engine, hold=25.0, min_hold=5.0, cut_after=1.0,  # type: ignore[arg-type]
                    backoff=Backoff(base=1.0, cap=8.0, rng=lambda: 1.0), clock=engine.clock)
    said: list[bool] = []

    def changed(value: bool) -> None:
        said.append(value)
        (on_change or (lambda lp: lp.synced()))(loop)

    end = loop.run(stop, changed)
    return end, loop, engine, stop, said


def test_each_change_asks_for_one_sync_and_waits_for_it() -> None:
    end, loop, engine, stop, said = _run([(0.1, True), (25.0, False), (3.0, True)])
    assert end is PushEnd.STOPPED
    assert said == [True, True] and loop.waits == 4  # the script's three, and the last
    assert stop.slept == []  # no backoff: every answer was a good one


def test_quick_failures_back_off_and_a_good_answer_resets_it() -> None:
    end, loop, _engine, stop, _ = _run([
        (0.0, OfflineError("atteikts")), (0.0, OfflineError("atteikts")),
        (0.0, RetryLaterError("503", retry_after=6.0)), (25.0, False),
        (0.0, OfflineError("atteikts"))])
    assert end is PushEnd.STOPPED
    assert stop.slept == [1.0, 2.0, 6.0, 1.0]  # doubling, Retry-After honoured, reset


def test_a_cut_after_a_long_hold_waits_again_at_once_and_holds_shorter() -> None:
    end, loop, engine, stop, _ = _run([(10.0, OfflineError("pārtrūka")), (8.0, False)])
    assert end is PushEnd.STOPPED
    assert stop.slept == [] and loop.cuts == 1
    assert engine.holds[:2] == [25.0, 8.0]  # under the proxy's 10 s idle limit
    assert engine.holds[2] == 10.0  # a clean hold grows back slowly


def test_a_failed_pull_backs_off_before_the_next_wait() -> None:
    # never pulled (or an expired cursor): the engine says "changed" at once every time; a
    # pull that fails must not turn that into a tight loop
    end, loop, _engine, stop, said = _run([(0.0, True), (0.0, True)],
                                          on_change=lambda lp: lp.synced(ok=False))
    assert said == [True, True]
    assert stop.slept == [1.0, 2.0]


def test_no_channel_or_a_refused_sign_in_ends_the_loop() -> None:
    assert _run([(0.0, PushUnavailableError("404"))])[0] is PushEnd.UNAVAILABLE
    assert _run([(0.0, AuthError("401"))])[0] is PushEnd.REFUSED


def test_interrupt_aborts_the_clients_wait() -> None:
    def stop_now(loop: PushLoop) -> None:
        loop.interrupt()

    end, loop, engine, stop, said = _run([(0.0, True)], on_change=stop_now)
    assert engine.client.aborted == 1 and engine.client.resumed == 1
