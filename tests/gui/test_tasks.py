"""The background-work helper: results come back on the GUI thread; after shutdown nothing
is delivered to views that are being torn down."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEvent

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


def test_a_widgets_results_are_dropped_when_the_widget_is_destroyed(qtbot, qapp) -> None:
    from PySide6.QtWidgets import QLabel

    tasks = TaskRunner(qapp)
    label = QLabel("Pieteikumi")
    release = threading.Event()
    delivered: list[object] = []
    tasks.run(lambda: release.wait(5) and "vēlu", on_done=delivered.append, owner=label)
    tasks.run(lambda: 1 / 0, on_error=delivered.append, owner=label)
    other = tasks.run(lambda: release.wait(5) and "citam", on_done=delivered.append)
    assert tasks.pending == 3
    label.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # deleted now
    assert tasks.pending == 1  # only the task that no widget owns is still awaited
    release.set()
    assert tasks.wait()
    deliver_queued()
    assert delivered == ["citam"] and other > 0
    tasks.shutdown()


def test_latest_only_a_newer_task_with_the_same_key_wins(qtbot, qapp) -> None:
    from PySide6.QtCore import QObject

    tasks = TaskRunner(qapp, max_threads=4)
    owner, neighbour = QObject(), QObject()
    slow = threading.Event()
    got: list[str] = []
    tasks.run(lambda: slow.wait(5) and "vecais filtrs", on_done=got.append, owner=owner,
              key="inbox-ids", latest=True)
    tasks.run(lambda: "jaunais filtrs", on_done=got.append, owner=owner,
              key="inbox-ids", latest=True)
    # the same key of another widget is another queue
    tasks.run(lambda: "kaimiņš", on_done=got.append, owner=neighbour, key="inbox-ids",
              latest=True)
    qtbot.waitUntil(lambda: len(got) == 2, timeout=5000)
    slow.set()  # the old answer comes last ...
    assert tasks.wait()
    deliver_queued()
    assert sorted(got) == ["jaunais filtrs", "kaimiņš"]  # ... and is dropped
    tasks.run(lambda: "atcelts", on_done=got.append, owner=owner, key="detail")
    tasks.cancel(owner, "detail")
    assert tasks.wait()
    deliver_queued()
    assert "atcelts" not in got
    tasks.shutdown()


def test_a_failure_without_a_handler_goes_to_the_one_error_display(qtbot, qapp) -> None:
    from desktop.models.workflow import WorkflowError
    from desktop.tasks import error_text

    shown: list[str] = []
    tasks = TaskRunner(qapp, error_display=lambda exc: shown.append(error_text(exc)))
    tasks.run(lambda: (_ for _ in ()).throw(WorkflowError(
        "the item is not available", "Resurss nav pieejams")))
    tasks.run(lambda: {}["personas_kods"])
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=5000)
    assert "Resurss nav pieejams" in shown
    [generic] = [s for s in shown if s != "Resurss nav pieejams"]
    assert "KeyError" in generic and "personas_kods" not in generic  # no internals
    assert "Traceback" not in generic
    tasks.shutdown()


def test_error_text_speaks_the_users_language() -> None:
    from desktop.models.workflow import WorkflowError
    from desktop.tasks import error_text

    refused = WorkflowError("the item is not available", "Resurss nav pieejams")
    assert error_text(refused, "lv") == "Resurss nav pieejams"
    assert error_text(refused, "en") == "the item is not available"
    assert error_text(OSError("disk"), "lv").startswith("Darbību neizdevās pabeigt")



def test_the_generic_error_text_speaks_english_too(qapp, tmp_path) -> None:
    import subprocess
    import sys
    from pathlib import Path

    from PySide6.QtCore import QTranslator

    import desktop.i18n
    from desktop.tasks import error_text

    ts = Path(desktop.i18n.__file__).with_name("resursi_en.ts")
    qm = tmp_path / "en.qm"
    subprocess.run([str(Path(sys.executable).with_name("pyside6-lrelease")), str(ts),
                    "-qm", str(qm)], check=True, capture_output=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        text = error_text(OSError("disks"), "en")
    finally:
        qapp.removeTranslator(translator)
    assert text.startswith("The action could not be completed: unexpected error (OSError)")
