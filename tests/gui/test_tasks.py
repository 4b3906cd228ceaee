"""The background-work helper: results come back on the GUI thread; after shutdown nothing
is delivered to views that are being torn down."""

from __future__ import annotations

import threading

from desktop.tasks import TaskRunner
from qt_helpers import deliver_queued


def test_results_and_errors_come_back_on_the_gui_thread(qtbot, qapp) -> None:
    tasks = TaskRunner(qapp)
    gui = threading.get_ident()
    seen: list[tuple[str, object, int]] = []
    tasks.run(lambda: threading.get_ident(),
              on_done=lambda worker: seen.append(("done", worker != gui, threading.get_ident())))
    tasks.run(lambda: 1 / 0,
              on_error=lambda exc: seen.append(("error", type(exc).__name__,
                                                threading.get_ident())))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert sorted(s[:2] for s in seen) == [("done", True), ("error", "ZeroDivisionError")]
    assert {s[2] for s in seen} == {gui}
    tasks.shutdown()


def test_after_shutdown_late_results_and_new_work_are_dropped(qtbot, qapp) -> None:
    tasks = TaskRunner(qapp)
    release = threading.Event()
    delivered: list[object] = []
    tasks.run(lambda: release.wait(5) and "vēlu", on_done=delivered.append)
    threading.Timer(0.1, release.set).start()
    assert tasks.shutdown()
    assert tasks.pending == 0
    assert tasks.run(lambda: "pēc", on_done=delivered.append) == 0
    deliver_queued()  # the late result was posted before shutdown returned: it would arrive now
    assert delivered == []
