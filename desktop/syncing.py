"""Runs the sync engine in the background on a timer, on demand and on reconnect, and tells
the window what happened. Qt-side glue only: the engine itself is Qt-free (sync.engine)."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.changes import ChangeBus
from desktop.tasks import TaskRunner, error_text
from sync.client import AuthError, CentralError, RetryLaterError, TlsError, WorkstationRevokedError
from sync.engine import SyncEngine, SyncReport
from sync.protocol import PayloadError

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
                 language: str = "lv") -> None:
        super().__init__(parent)
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
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.sync_now)
        self._watch_network()

    def start(self) -> None:
        self.sync_now()

    def set_interval(self, seconds: int) -> None:
        """A new interval counts from the next sync (the running wait is not cut short)."""
        self._interval_ms = seconds * 1000

    def stop(self) -> None:
        self._timer.stop()

    @property
    def running(self) -> bool:
        """A sync is on its way (its end is said by ``running_changed(False)``)."""
        return self._running

    @property
    def watching(self) -> bool:
        return self._watchers > 0

    def watch(self, on: bool, *, interval_ms: int = 1000) -> None:
        """While someone waits for a central change (the applicant confirming receipt at the
        desk), sync every ``interval_ms`` instead of every interval; a no-change sync costs
        about 50 ms. Calls nest: each ``watch(True)`` is ended by one ``watch(False)``.
        Offline, the backoff still applies, so a dead link is not hammered."""
        self._watchers = max(0, self._watchers + (1 if on else -1))
        self._watch_ms = interval_ms
        if on and not self._running and self.online is not False:
            self.sync_now()

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
        self._timer.start(self._watch_ms if self._watchers else self._interval_ms)

    def _failed(self, exc: Exception) -> None:
        self._running = False
        self.running_changed.emit(False)
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
