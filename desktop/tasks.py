"""The one way to run work off the GUI thread: a thread pool whose results come back as signals.

A view calls ``tasks.run(fn, *args, on_done=..., on_error=..., owner=self)``; ``fn`` runs on a
worker thread (it must not touch widgets), and the callbacks run on the GUI thread through
queued signal delivery.

- **Owned work.** A task given an ``owner`` (the widget that asked) belongs to it: when the
  widget is destroyed, its results still on their way are dropped, never delivered to a
  half-deleted view.
- **Latest result only.** ``run(..., key="inbox-ids", latest=True)``: a newer task with the
  same key (and owner) makes the older one's result be dropped, so a slow answer to an old
  filter never overwrites the answer to the new one. ``cancel(owner, key)`` drops them all.
- **In order after another task.** ``run(..., after=task_id)``: the answer is handed over only
  once that task's was (or it failed, or was dropped), though both run at once: a view's first
  rows can be read next to the facts that must be shown before them. ``before=task_id`` is
  the same the other way round, for a task started later whose answer must come first.
- **Long-lived loops.** ``start_loop(fn, ...)`` runs ``fn(stop, report)`` on a thread of its
  own (a wait that holds a connection open for half a minute would take one of the pool's
  two threads): ``report(value)`` reaches ``on_report`` on the GUI thread, the return value
  ``on_finished``. ``BackgroundLoop.stop()`` sets ``stop``, calls the loop's ``interrupt``
  (which ends a blocked wait: the push channel shuts its socket) and joins briefly; nothing
  more is delivered after it. ``shutdown()`` stops every loop first.
- **One error display.** A failure without an ``on_error`` goes to the display the
  composition root set (``set_error_display``: the main window's status bar); the text is the
  exception's Latvian ``message_lv`` or its English text per language (``error_text``), never
  a traceback.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import weakref
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

ErrorDisplay = Callable[[Exception], None]


def core_message(exc: BaseException, language: str = "lv") -> str | None:
    """The core's own message about ``exc`` in ``language``; None when it has none (an
    unexpected error: the caller says its own sentence)."""
    message_lv = getattr(exc, "message_lv", None)
    if not isinstance(message_lv, str) or not message_lv.strip():
        return None
    if language != "en":
        return message_lv
    message_en = getattr(exc, "message_en", None)
    if isinstance(message_en, str) and message_en.strip():
        return message_en
    return str(exc) or message_lv  # the core's errors carry English as their text


def error_text(exc: BaseException, language: str = "lv") -> str:
    """What to tell a person about ``exc``: the core's message in their language, or a
    generic sentence naming the error's type (never a traceback, never internal details)."""
    message = core_message(exc, language)
    if message is not None:
        return message
    # the sentence the decision dialogs say for an unexpected error (one text, one translation)
    return QCoreApplication.translate(
        "decision_dialogs",
        "Darbību neizdevās pabeigt: negaidīta kļūda ({0}). Mēģiniet vēlreiz; "
        "ja kļūda atkārtojas, sazinieties ar atbalsta dienestu.").format(type(exc).__name__)


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


class BackgroundLoop(QObject):
    """A long-lived worker on a thread of its own; see the module docstring (``start_loop``).

    A daemon thread: should ``interrupt`` fail to end a blocked call, ``stop`` still returns
    after its wait and the process can exit; nothing the loop says afterwards is delivered.
    """

    _reported = Signal(object)
    _ended = Signal(object, object)  # (succeeded, result or exception)

    def __init__(self, fn: Callable[[threading.Event, Callable[[Any], None]], Any], *,
                 on_report: Callable[[Any], object] | None = None,
                 on_finished: Callable[[Any], object] | None = None,
                 on_error: Callable[[Exception], object] | None = None,
                 interrupt: Callable[[], None] | None = None, name: str = "resursi-loop",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._on_report = on_report
        self._on_finished = on_finished
        self._on_error = on_error
        self._interrupt = interrupt
        self._name = name
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._delivering = False
        self._reported.connect(self._deliver_report)
        self._ended.connect(self._deliver_end)

    @property
    def running(self) -> bool:
        """The thread is alive and not asked to stop."""
        return (self._thread is not None and self._thread.is_alive()
                and not self._stop.is_set())

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("a BackgroundLoop runs once; make another")
        self._delivering = True
        self._thread = threading.Thread(target=self._main, name=self._name, daemon=True)
        self._thread.start()

    def stop(self, msecs: int = 5000) -> bool:
        """Ask the loop to end, interrupt its blocked call, wait up to ``msecs`` for the thread;
        True when it has ended. Nothing more is delivered either way."""
        self._delivering = False
        self._stop.set()
        if self._interrupt is not None:
            try:
                self._interrupt()
            except Exception as exc:  # a failed interrupt must not stop the shutdown
                log.warning("interrupting %s failed: %s", self._name, type(exc).__name__)
        if self._thread is None:
            return True
        if self._thread is not threading.current_thread():
            self._thread.join(msecs / 1000)
        return not self._thread.is_alive()

    def _main(self) -> None:
        try:
            result = self._fn(self._stop, self._report)
        except Exception as exc:  # reported like a task's failure, never lost in the thread
            log.debug("background loop %s failed: %s", self._name, type(exc).__name__)
            self._emit(self._ended, False, exc)
        else:
            self._emit(self._ended, True, result)

    def _report(self, value: Any) -> None:
        self._emit(self._reported, value)

    def _emit(self, signal: Any, *args: Any) -> None:
        # After stop() the loop's owner may be torn down: what it says then goes nowhere.
        if not self._delivering or not shiboken6.isValid(self):
            return
        with contextlib.suppress(RuntimeError):  # deleted between the check and the emit
            signal.emit(*args)

    @Slot(object)
    def _deliver_report(self, value: Any) -> None:
        if self._delivering and self._on_report is not None:
            self._on_report(value)

    @Slot(object, object)
    def _deliver_end(self, succeeded: bool, value: Any) -> None:
        if not self._delivering:
            return
        self._delivering = False
        if succeeded:
            if self._on_finished is not None:
                self._on_finished(value)
        elif self._on_error is not None:
            self._on_error(value)
        else:
            log.warning("background loop %s failed without a handler: %s", self._name,
                        type(value).__name__)


Scope = tuple[int, Hashable]  # (the owner's id or 0, the key)


@dataclass
class _Pending:
    on_done: Callable[[Any], object] | None  # (what a callback returns is ignored)
    on_error: Callable[[Exception], object] | None
    owner: weakref.ReferenceType[QObject] | None
    owner_id: int
    scope: Scope | None
    after: set[int]  # the tasks whose answers are handed over first
    held: tuple[bool, Any] | None = None  # (succeeded, result or exception), waiting for it


class TaskRunner(QObject):
    """Runs callables on a small pool and hands results back on the GUI thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2,
                 error_display: ErrorDisplay | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._next_id = 0
        self._closed = False
        self._pending: dict[int, _Pending] = {}
        self._latest: dict[Scope, int] = {}
        self._owners: set[int] = set()  # owners whose destruction is watched
        self._error_display = error_display
        self._loops: list[BackgroundLoop] = []

    @property
    def pending(self) -> int:
        """Results still to be delivered (dropped ones are not counted)."""
        return len(self._pending)

    def set_error_display(self, display: ErrorDisplay | None) -> None:
        """Where failures without an ``on_error`` are shown (None: only logged)."""
        self._error_display = display

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], object] | None = None,
        on_error: Callable[[Exception], object] | None = None,
        owner: QObject | None = None,
        key: Hashable | None = None,
        latest: bool = False,
        after: int = 0,
        before: int = 0,
    ) -> int:
        """Run ``fn(*args)`` on a worker; see the module docstring. Returns the task's id
        (0 when the runner is shut down and nothing was started)."""
        if self._closed:  # a timer that fired during teardown: nothing is left to answer
            return 0
        if latest and key is None:
            raise ValueError("latest=True needs a key")
        self._next_id += 1
        task_id = self._next_id
        owner_id = id(owner) if owner is not None else 0
        scope: Scope | None = (owner_id, key) if key is not None else None
        if latest and scope is not None:
            older = self._latest.get(scope)
            if older is not None:
                self._drop([older])
            self._latest[scope] = task_id
        if owner is not None and owner_id not in self._owners:
            self._owners.add(owner_id)
            owner.destroyed.connect(lambda *_: self._owner_gone(owner_id))
        was_idle = not self._pending
        self._pending[task_id] = _Pending(on_done, on_error,
                                          weakref.ref(owner) if owner is not None else None,
                                          owner_id, scope,
                                          {after} if after in self._pending else set())
        if before in self._pending:
            self._pending[before].after.add(task_id)
        if was_idle:
            self.busy_changed.emit(True)
        self._pool.start(_Job(task_id, fn, args, self._relay))
        return task_id

    def start_loop(self, fn: Callable[[threading.Event, Callable[[Any], None]], Any], *,
                   on_report: Callable[[Any], object] | None = None,
                   on_finished: Callable[[Any], object] | None = None,
                   on_error: Callable[[Exception], object] | None = None,
                   interrupt: Callable[[], None] | None = None,
                   name: str = "resursi-loop") -> BackgroundLoop | None:
        """Run ``fn(stop, report)`` on a thread of its own (see the module docstring); None
        when the runner is shut down. ``shutdown()`` stops it."""
        if self._closed:
            return None
        self._loops = [loop for loop in self._loops if loop.running]
        loop = BackgroundLoop(fn, on_report=on_report, on_finished=on_finished,
                              on_error=on_error, interrupt=interrupt, name=name, parent=self)
        self._loops.append(loop)
        loop.start()
        return loop

    def cancel(self, owner: QObject | None = None, key: Hashable | None = None) -> None:
        """Drop the results still to come of ``owner``'s tasks (those with ``key`` only,
        when given); the work itself finishes, unseen."""
        owner_id = id(owner) if owner is not None else 0
        self._drop([task_id for task_id, p in self._pending.items()
                    if p.owner_id == owner_id and (key is None or (
                        p.scope is not None and p.scope[1] == key))])

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for running jobs (for shutdown and tests); queued callbacks still need events."""
        return self._pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 30000) -> bool:
        """Wait for running jobs, then forget every callback: results still on their way to
        the GUI thread are dropped, not delivered to views that are being torn down."""
        self._closed = True
        for loop in self._loops:
            loop.stop(min(msecs, 5000))
        self._loops.clear()
        finished = self._pool.waitForDone(msecs)
        self._drop(list(self._pending))
        return finished

    # -- bookkeeping -------------------------------------------------------------------------
    def _owner_gone(self, owner_id: int) -> None:
        self._owners.discard(owner_id)
        self._drop([task_id for task_id, p in self._pending.items() if p.owner_id == owner_id])

    def _drop(self, task_ids: list[int]) -> None:
        if not task_ids:
            return
        had = bool(self._pending)
        for task_id in task_ids:
            self._forget(task_id)
        if had and not self._pending:
            self.busy_changed.emit(False)
        for task_id in task_ids:
            self._release(task_id)

    def _forget(self, task_id: int) -> _Pending | None:
        pending = self._pending.pop(task_id, None)
        if pending is not None and pending.scope is not None \
                and self._latest.get(pending.scope) == task_id:
            del self._latest[pending.scope]
        return pending

    def _finish(self, task_id: int) -> _Pending | None:
        pending = self._forget(task_id)
        if pending is not None and not self._pending:
            self.busy_changed.emit(False)
        if pending is not None and pending.owner is not None:
            owner = pending.owner()
            if owner is None or not shiboken6.isValid(owner):
                return None  # its widget is gone: the answer has nobody to go to
        return pending

    def _release(self, task_id: int) -> None:
        """``task_id`` is settled: the answers that waited for it are handed over."""
        for follower_id, pending in list(self._pending.items()):
            if task_id in pending.after:
                pending.after.discard(task_id)
                if not pending.after and pending.held is not None:
                    self._hand_over(follower_id, *pending.held)

    @Slot(object, object)
    def _on_done(self, task_id: int, result: Any) -> None:
        self._settle(task_id, True, result)

    @Slot(object, object)
    def _on_failed(self, task_id: int, exc: Exception) -> None:
        self._settle(task_id, False, exc)

    def _settle(self, task_id: int, succeeded: bool, value: Any) -> None:
        pending = self._pending.get(task_id)
        if pending is None:
            return  # dropped
        if pending.after:
            pending.held = (succeeded, value)  # handed over once the task before it is
            return
        self._hand_over(task_id, succeeded, value)

    def _hand_over(self, task_id: int, succeeded: bool, value: Any) -> None:
        pending = self._finish(task_id)
        try:
            if pending is None:
                pass
            elif succeeded:
                if pending.on_done is not None:
                    pending.on_done(value)
            elif pending.on_error is not None:
                pending.on_error(value)
            elif self._error_display is not None:
                self._error_display(value)
            else:
                log.warning("background task failed without a handler: %s",
                            type(value).__name__)
        finally:
            self._release(task_id)
