"""The one way to run work off the GUI thread: a thread pool whose results come back as signals.

A view calls ``tasks.run(fn, *args, on_done=..., on_error=...)``; ``fn`` runs on a worker
thread (it must not touch widgets), and the callbacks run on the GUI thread through queued
signal delivery. Errors become calls of ``on_error`` with the exception, never tracebacks on
screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; worker threads emit through it."""

    done = Signal(object, object)  # (task id, result)
    failed = Signal(object, object)  # (task id, exception)


class _Job(QRunnable):
    def __init__(self, task_id: int, fn: Callable[..., Any], args: tuple[Any, ...],
                 relay: _Relay) -> None:
        super().__init__()
        self._task_id = task_id
        self._fn = fn
        self._args = args
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn(*self._args)
        except Exception as exc:  # every failure is reported, none escapes the thread
            log.debug("background task %s failed: %s", getattr(self._fn, "__name__", "?"),
                      type(exc).__name__)
            self._relay.failed.emit(self._task_id, exc)
        else:
            self._relay.done.emit(self._task_id, result)


class TaskRunner(QObject):
    """Runs callables on a small pool and hands results back on the GUI thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._next_id = 0
        self._closed = False
        self._callbacks: dict[int, tuple[Callable[[Any], None] | None,
                                         Callable[[Exception], None] | None]] = {}

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> int:
        if self._closed:  # a timer that fired during teardown: nothing is left to answer
            return 0
        self._next_id += 1
        task_id = self._next_id
        self._callbacks[task_id] = (on_done, on_error)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(task_id, fn, args, self._relay))
        return task_id

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for running jobs (for shutdown and tests); queued callbacks still need events."""
        return self._pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 30000) -> bool:
        """Wait for running jobs, then forget every callback: results still on their way to
        the GUI thread are dropped, not delivered to views that are being torn down."""
        self._closed = True
        finished = self._pool.waitForDone(msecs)
        if self._callbacks:
            self._callbacks.clear()
            self.busy_changed.emit(False)
        return finished

    def _finish(self, task_id: int) -> tuple[Callable[[Any], None] | None,
                                             Callable[[Exception], None] | None]:
        callbacks = self._callbacks.pop(task_id, (None, None))
        if not self._callbacks:
            self.busy_changed.emit(False)
        return callbacks

    @Slot(object, object)
    def _on_done(self, task_id: int, result: Any) -> None:
        on_done, _ = self._finish(task_id)
        if on_done is not None:
            on_done(result)

    @Slot(object, object)
    def _on_failed(self, task_id: int, exc: Exception) -> None:
        _, on_error = self._finish(task_id)
        if on_error is not None:
            on_error(exc)
        else:
            log.warning("background task failed without a handler: %s", type(exc).__name__)
