"""The push channel's client loop: one per workstation, waiting on the school's feed.

``PushLoop.run`` waits on ``GET …/changes/wait`` (``SyncEngine.wait_for_changes``) again and
again; when the feed has moved past this store's cursor it calls ``changed`` (the app pulls at
once) and waits for that sync to end (``synced``) before it waits again, since until the pull
the feed is still past the cursor and the server would answer at once. Qt-free: the desktop
runs it on a thread of its own (``desktop.tasks.BackgroundLoop``) and ``interrupt`` ends a
held wait at once (the socket is shut), so stopping never waits for the server's hold.

Failures: a connection cut after it was held a while (a proxy that drops idle connections, a
server restart) just starts the next wait, with a shorter hold so that the proxy's idle limit
is not met again; anything else waits the engine's ``Backoff`` (jittered, capped) first. A
server without the channel (``PushUnavailableError``) or a sign-in it refuses ends the loop:
the caller syncs on a timer instead, as before the channel existed.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from enum import Enum

from sync.client import (
    AuthError,
    CentralError,
    ForbiddenError,
    OfflineError,
    PushUnavailableError,
    RetryLaterError,
    TlsError,
)
from sync.engine import Backoff, SyncEngine
from sync.protocol import PUSH_HOLD, PayloadError

log = logging.getLogger(__name__)

#: The hold asked of the server (the wire's: under the common 30 s idle limit of proxies).
DEFAULT_HOLD = PUSH_HOLD


class PushEnd(Enum):
    """Why ``PushLoop.run`` returned."""

    STOPPED = "stopped"  # asked to stop
    UNAVAILABLE = "unavailable"  # the service has no push channel: poll instead
    REFUSED = "refused"  # sign-in, permission or TLS refused: the sync says why


class PushLoop:
    """Waits on the school's feed and says when it moved; see the module docstring."""

    def __init__(self, engine: SyncEngine, *, hold: float = DEFAULT_HOLD,
                 min_hold: float = 5.0, cut_after: float = 1.0,
                 backoff: Backoff | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.engine = engine
        self.hold = self.max_hold = hold
        self.min_hold = min(min_hold, hold)
        # A wait that broke off after holding this long was cut (the link works): wait again
        # at once. One that broke sooner is a failure, and backs off.
        self.cut_after = cut_after
        self.backoff = backoff or Backoff(base=1.0, cap=60.0)
        self._clock = clock
        self._synced = threading.Event()
        self._sync_ok = True
        self._stopping = threading.Event()
        self.waits = 0  # answered waits (bench and tests)
        self.cuts = 0  # waits cut mid-way and started again

    def synced(self, ok: bool = True) -> None:
        """A sync has ended (``ok``: it pulled; else it failed): the next wait may start."""
        self._sync_ok = ok
        self._synced.set()

    def interrupt(self) -> None:
        """From any thread: end the held wait now (``run`` then sees its stop event)."""
        self._stopping.set()
        self._synced.set()
        self.engine.client.abort_wait()

    def run(self, stop: threading.Event, changed: Callable[[bool], None]) -> PushEnd:
        """Wait, say ``changed(True)``, wait for ``synced()``, again; until ``stop`` is set.
        (``changed`` takes the news as a value: ``desktop.tasks``' loops report values.)"""
        self._stopping.clear()
        self.engine.client.resume_waits()
        while not stop.is_set():
            started = self._clock()
            try:
                moved = self.engine.wait_for_changes(self.hold)
            except PushUnavailableError:
                log.info("the central service has no push channel; syncing on a timer")
                return PushEnd.UNAVAILABLE
            except (AuthError, ForbiddenError, TlsError):
                return PushEnd.REFUSED
            except (CentralError, PayloadError, OSError) as exc:
                if stop.is_set() or self._stopping.is_set():
                    break
                self._after_failure(exc, self._clock() - started, stop)
                continue
            self.waits += 1
            if not moved:
                self.backoff.reset()
                # a clean hold: a hold shortened by a cut grows back slowly
                self.hold = min(self.max_hold, self.hold * 1.25)
                continue
            self._synced.clear()
            changed(True)
            # Until that sync has pulled, the feed is past our cursor and the server would
            # answer at once; the sync always ends (pulled or failed), the bound is for safety.
            self._synced.wait(self.max_hold + 30.0)
            if self._sync_ok:
                self.backoff.reset()
            elif not stop.is_set():
                # the pull failed (offline, refused): the feed is still past our cursor and
                # the next wait would answer at once, so wait the backoff first
                stop.wait(self.backoff.next_delay())
        return PushEnd.STOPPED

    def _after_failure(self, exc: Exception, held: float, stop: threading.Event) -> None:
        if isinstance(exc, OfflineError) and held >= self.cut_after:
            # cut mid-wait: the link works, the connection was dropped while idle
            self.cuts += 1
            self.backoff.reset()
            self.hold = max(self.min_hold, min(self.hold, held * 0.8))
            log.debug("push wait cut after %.1f s; waiting again (hold %.0f s)", held,
                      self.hold)
            return
        retry_after = exc.retry_after if isinstance(exc, RetryLaterError) else None
        delay = self.backoff.next_delay(retry_after)
        log.info("push wait failed (%s); again in %.1f s", type(exc).__name__, delay)
        stop.wait(delay)
