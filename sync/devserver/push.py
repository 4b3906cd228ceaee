"""The push channel's waiting room: requests held open until a school's feed moves.

``GET /v1/institutions/{id}/changes/wait`` (``routes.feed``) registers an ``asyncio.Event``
here and awaits it on the server's event loop: a held request costs a coroutine, not a
thread-pool thread, so a hundred workstations waiting do not starve the pool the ordinary
(``def``) routes run on. The commit paths run on pool threads; ``Database`` tells
``notify`` which schools' feeds a commit moved, after the commit, and ``notify`` wakes their
waiters with ``loop.call_soon_threadsafe`` (each waiter on the loop it awaits on: the
in-process test client runs a loop per request).

``release_all`` answers every held request and every later one at once: a stopping server
must not keep a workstation's connection (or its own shutdown) waiting for the hold.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterable

from sync.protocol import PUSH_HOLD, PUSH_MAX_HOLD

#: What ``notify`` is given when every school's feed moved (cursors expired).
EVERY_SCHOOL = "*"

# The hold a wait asks for when it names none, and the longest one served (the wire's).
DEFAULT_HOLD = PUSH_HOLD
MAX_HOLD = PUSH_MAX_HOLD


class FeedWaiters:
    """The requests waiting on each school's feed; see the module docstring."""

    def __init__(self, max_hold: float = MAX_HOLD) -> None:
        # The longest hold this service grants: the schemathesis run lowers it to 0 so that
        # thousands of generated requests never wait.
        self.max_hold = max_hold
        self._lock = threading.Condition()
        self._waiting: dict[str, dict[asyncio.Event, asyncio.AbstractEventLoop]] = {}
        self._released = False

    # -- the route's side (on the event loop) --------------------------------------------------
    def register(self, institution_id: str) -> asyncio.Event:
        """A new waiter on ``institution_id``'s feed, registered before the feed is read, so
        a commit between the read and the wait still wakes it."""
        event = asyncio.Event()
        loop = asyncio.get_running_loop()
        with self._lock:
            if self._released:
                event.set()
            else:
                self._waiting.setdefault(institution_id, {})[event] = loop
            self._lock.notify_all()
        return event

    def unregister(self, institution_id: str, event: asyncio.Event) -> None:
        with self._lock:
            waiters = self._waiting.get(institution_id)
            if waiters is not None:
                waiters.pop(event, None)
                if not waiters:
                    del self._waiting[institution_id]
            self._lock.notify_all()

    # -- the commit side (any thread) ----------------------------------------------------------
    def notify(self, institution_ids: Iterable[str]) -> None:
        """The feeds of ``institution_ids`` moved (``EVERY_SCHOOL``: all of them)."""
        ids = set(institution_ids)
        with self._lock:
            if EVERY_SCHOOL in ids:
                ids = set(self._waiting)
            woken = [(event, loop) for i in ids for event, loop in
                     self._waiting.get(i, {}).items()]
        for event, loop in woken:
            with contextlib.suppress(RuntimeError):  # its loop closed: the request is gone
                loop.call_soon_threadsafe(event.set)

    def release_all(self) -> None:
        """Answer every held request now and every later one at once (the server stops)."""
        with self._lock:
            self._released = True
        self.notify([EVERY_SCHOOL])

    # -- for tests and the bench ---------------------------------------------------------------
    def waiting(self, institution_id: str | None = None) -> int:
        """How many requests are held (on one school's feed, or on all)."""
        with self._lock:
            return self._count(institution_id)

    def wait_until(self, count: int, institution_id: str | None = None,
                   timeout: float = 10.0) -> bool:
        """Block until at least ``count`` requests are held; False after ``timeout`` seconds
        (a bound for a stuck test, not a measurement)."""
        with self._lock:
            return self._lock.wait_for(lambda: self._count(institution_id) >= count, timeout)

    def wait_until_idle(self, institution_id: str | None = None,
                        timeout: float = 10.0) -> bool:
        """Block until no request is held (the clients have gone); False after ``timeout``."""
        with self._lock:
            return self._lock.wait_for(lambda: self._count(institution_id) == 0, timeout)

    def _count(self, institution_id: str | None) -> int:
        if institution_id is not None:
            return len(self._waiting.get(institution_id, {}))
        return sum(len(w) for w in self._waiting.values())
