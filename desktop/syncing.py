"""Runs the sync engine in the background on a timer, on demand and on reconnect, and tells
the window what happened. Qt-side glue only: the engine itself is Qt-free (sync.engine).

The push channel (``sync.push``): one wait on the school's feed per workstation, held by this
controller on a thread of its own (``TaskRunner.start_loop``) while someone watches (the desk
showing a QR code) or, with ``push="always"``, all the time. When the feed moves, the
controller syncs at once. A service without the channel falls back to the timer: while a
watch is on, a sync every ``watch_ms`` as before."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.changes import ChangeBus
from desktop.tasks import BackgroundLoop, TaskRunner, error_text
from sync.client import AuthError, CentralError, RetryLaterError, TlsError, WorkstationRevokedError
from sync.engine import SyncEngine, SyncReport
from sync.protocol import PayloadError
from sync.push import PushEnd, PushLoop

#: When the push channel runs: never, while someone watches, or all the time.
PUSH_MODES = ("off", "watch", "always")

log = logging.getLogger(__name__)


class SyncController(QObject):
    """Online/offline state, the last sync time, and when to try again. What each sync
    changed is published on ``changes`` (with the controller as its source)."""

    synced = Signal(object)  # SyncReport
    connection_changed = Signal(bool, str)  # online, a line for the status bar (UI language)
    running_changed = Signal(bool)
    # The central service refused the sign-in (the refresh token too): only a password helps.
    sign_in_required = Signal()
    # The central service revoked this workstation: its data is to be erased (a message).
    workstation_revoked = Signal(str)

    def __init__(self, tasks: TaskRunner, engine: SyncEngine, *, interval_s: int = 60,
                 changes: ChangeBus | None = None, parent: QObject | None = None,
                 language: str = "lv", push: str = "watch",
                 push_loop: PushLoop | None = None) -> None:
        """``push``: when the push channel runs (``PUSH_MODES``); ``push_loop``: its loop
        (tests give one with a short hold or a quick backoff)."""
        super().__init__(parent)
        if push not in PUSH_MODES:
            raise ValueError(f"push must be one of {PUSH_MODES}")
        self._language = language
        self._tasks = tasks
        self._changes = changes
        self._engine = engine
        self._interval_ms = interval_s * 1000
        self._running = False
        self._watchers = 0
        self._watch_ms = 1000
        self.online: bool | None = None
        self.last_sync: datetime | None = None
        self._push_mode = push
        self._push = push_loop or PushLoop(engine)
        self._push_thread: BackgroundLoop | None = None
        self._push_refused = False  # the service has no channel: the timer it is
        self._again = False  # the feed moved during a sync: one more right after it
        self._stopped = False
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.sync_now)
        self._watch_network()

    def start(self) -> None:
        self._stopped = False
        self.sync_now()
        self._update_push()

    def set_interval(self, seconds: int) -> None:
        """A new interval counts from the next sync (the running wait is not cut short)."""
        self._interval_ms = seconds * 1000

    def stop(self) -> None:
        """No more syncs on the timer, and the push wait ends now (its socket is shut)."""
        self._stopped = True
        self._timer.stop()
        self._stop_push()

    @property
    def running(self) -> bool:
        """A sync is on its way (its end is said by ``running_changed(False)``)."""
        return self._running

    @property
    def watching(self) -> bool:
        return self._watchers > 0

    @property
    def pushing(self) -> bool:
        """The push channel is waiting on the feed (no timer-driven watch syncs then)."""
        return self._push_thread is not None and self._push_thread.running

    def watch(self, on: bool, *, interval_ms: int = 1000) -> None:
        """While someone waits for a central change (the applicant confirming receipt at the
        desk), wait on the push channel and sync as soon as the feed moves; where the service
        has no channel, sync every ``interval_ms`` instead of every interval (a no-change sync
        costs about 50 ms). Calls nest: each ``watch(True)`` is ended by one
        ``watch(False)``. Offline, the backoff still applies, so a dead link is not hammered."""
        self._watchers = max(0, self._watchers + (1 if on else -1))
        self._watch_ms = interval_ms
        if on:
            self._stopped = False  # a new watch is asked for: the channel may open again
        self._update_push()
        if on and self.online is not False:
            self._feed_moved()  # a sync now (after the one on its way): the desk's own news

    # -- the push channel ---------------------------------------------------------------------
    def _update_push(self) -> None:
        wanted = (not self._stopped and not self._push_refused and (
            self._push_mode == "always" or (self._push_mode == "watch" and self._watchers > 0)))
        if wanted and not self.pushing:
            self._start_push()
        elif not wanted and self._push_thread is not None:
            self._stop_push()

    def _start_push(self) -> None:
        self._push_thread = self._tasks.start_loop(
            self._push.run, on_report=self._feed_moved, on_finished=self._push_ended,
            on_error=self._push_failed, interrupt=self._push.interrupt, name="resursi-push")

    def _stop_push(self) -> None:
        loop, self._push_thread = self._push_thread, None
        if loop is not None:
            loop.stop()  # the runner forgets it (it is its parent) once it has ended

    def _feed_moved(self, _: object = None) -> None:
        """The push channel says the school's feed moved: pull now (or right after the sync
        on its way, which may have read the feed before the change)."""
        if self._running:
            self._again = True
            return
        self.sync_now()

    def _push_ended(self, end: PushEnd) -> None:
        self._push_thread = None
        if end is PushEnd.UNAVAILABLE:
            self._push_refused = True
            if self._watchers and not self._running:
                self.sync_now()  # the timer takes over: its watch interval from this sync on
        # REFUSED (sign-in, permission, TLS): the sync meets the same refusal and says why

    def _push_failed(self, exc: Exception) -> None:
        log.warning("the push channel failed (%s); syncing on the timer", type(exc).__name__)
        self._push_ended(PushEnd.REFUSED)

    def _timer_ms(self) -> int:
        if self._watchers and not self.pushing:
            return self._watch_ms
        return self._interval_ms

    def sync_now(self) -> None:
        if self._running:
            return
        self._running = True
        self.running_changed.emit(True)
        self._timer.stop()
        self._tasks.run(self._engine.sync_once, on_done=self._done, on_error=self._failed)

    def _done(self, report: SyncReport) -> None:
        self._running = False
        self.running_changed.emit(False)
        self.online = True
        self.last_sync = datetime.now().astimezone()
        self.connection_changed.emit(True, self.tr("Tiešsaistē · sinhronizēts {0}").format(
            f"{self.last_sync:%H:%M}"))
        self.synced.emit(report)
        if self._changes is not None:
            self._changes.publish(report.changes, self)
        self._push.synced()
        if self._again:
            self._again = False
            self.sync_now()
            return
        self._timer.start(self._timer_ms())

    def _failed(self, exc: Exception) -> None:
        self._running = False
        self.running_changed.emit(False)
        self._again = False  # the backoff decides when to try again
        self._push.synced(ok=False)
        if isinstance(exc, WorkstationRevokedError):
            self._timer.stop()  # never again from this data folder
            self.online = False
            self.connection_changed.emit(False, self._said(exc))
            self.workstation_revoked.emit(self._said(exc))
            return
        if isinstance(exc, AuthError | TlsError):
            # Waiting will not help: the user must sign in again or configure the CA bundle.
            self.online = False
            self.connection_changed.emit(False, self._said(exc))
            if isinstance(exc, AuthError):
                self.sign_in_required.emit()
            return
        retry_after = exc.retry_after if isinstance(exc, RetryLaterError) else None
        delay = self._engine.backoff.next_delay(retry_after)
        self.online = False
        reason = self._said(exc) if isinstance(exc, CentralError | PayloadError) else None
        log.info("sync failed (%s); next attempt in %.0f s", type(exc).__name__, delay)
        self.connection_changed.emit(False, self.tr(
            "Bezsaistē · {0} · nākamais mēģinājums pēc {1} s").format(
                reason or self.tr("sinhronizācija neizdevās"), max(1, round(delay))))
        self._timer.start(int(min(delay, self._interval_ms / 1000 * 5) * 1000))

    def _said(self, exc: Exception) -> str:
        return error_text(exc, self._language)

    def _watch_network(self) -> None:
        """Reachability changes are only a hint to try now; the sync itself decides."""
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if not QNetworkInformation.loadDefaultBackend():
                return
            info = QNetworkInformation.instance()
        except (ImportError, RuntimeError):
            return
        if info is not None:
            info.reachabilityChanged.connect(lambda *_: self.sync_now())
