"""``TaskRunner.start_loop``: a long-lived loop on a thread of its own (the push channel's),
reporting on the GUI thread, ended at once by ``stop``/``shutdown`` through its interrupt."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QThread
from pytestqt.qtbot import QtBot

from desktop.tasks import TaskRunner


def _blocking_loop(gate: threading.Event, seen: list[str]
                   ) -> Callable[[threading.Event, Callable[[object], None]], str]:
    def run(stop: threading.Event, report: Callable[[object], None]) -> str:
        report("čaklā bite")
        gate.wait()  # a held wait: only the interrupt ends it
        seen.append("beidzās")
        return "apturēts" if stop.is_set() else "beidzās pats"
    return run


def test_reports_arrive_on_the_gui_thread_and_stop_interrupts(qtbot: QtBot) -> None:
    tasks = TaskRunner()
    gate = threading.Event()
    seen: list[str] = []
    reports: list[tuple[object, bool]] = []
    finished: list[object] = []
    gui = QThread.currentThread()
    loop = tasks.start_loop(_blocking_loop(gate, seen),
                            on_report=lambda v: reports.append((v, QThread.currentThread()
                                                                is gui)),
                            on_finished=finished.append, interrupt=gate.set, name="tests-loop")
    assert loop is not None and loop.running
    qtbot.waitUntil(lambda: reports == [("čaklā bite", True)], timeout=5000)
    assert loop.stop()  # interrupted, joined
    assert seen == ["beidzās"] and not loop.running
    QCoreApplication.processEvents()  # what the joined thread posted: dropped after stop()
    assert finished == []
    tasks.shutdown()


def test_an_ending_loop_hands_over_its_result(qtbot: QtBot) -> None:
    tasks = TaskRunner()
    finished: list[object] = []
    loop = tasks.start_loop(lambda stop, report: "gatavs", on_finished=finished.append)
    assert loop is not None
    qtbot.waitUntil(lambda: finished == ["gatavs"], timeout=5000)
    tasks.shutdown()


def test_a_failing_loop_reports_its_error(qtbot: QtBot) -> None:
    tasks = TaskRunner()
    errors: list[Exception] = []

    def broken(stop: threading.Event, report: Callable[[object], None]) -> None:
        raise OSError("savienojums pārtrūka")

    tasks.start_loop(broken, on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert isinstance(errors[0], OSError)
    tasks.shutdown()


def test_shutdown_stops_every_loop_and_starts_none(qtbot: QtBot) -> None:
    tasks = TaskRunner()
    gate = threading.Event()
    seen: list[str] = []
    loop = tasks.start_loop(_blocking_loop(gate, seen), interrupt=gate.set)
    assert loop is not None
    tasks.shutdown()
    assert seen == ["beidzās"] and not loop.running
    assert tasks.start_loop(_blocking_loop(gate, seen)) is None
