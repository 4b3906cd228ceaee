"""The inbox's first rows are read next to the start-up facts, not after them, and shown once
the facts are (the title and the filters come first): ``TaskRunner.run(..., after=...)``."""

from __future__ import annotations

import threading
from pathlib import Path

from bench.seed import seed
from desktop.app import Application
from desktop.models.store import open_store
from desktop.tasks import TaskRunner
from qt_helpers import deliver_queued


def test_an_answer_waits_for_the_task_it_comes_after_though_both_run_at_once(
        qtbot, qapp) -> None:
    tasks = TaskRunner(qapp)
    first_may_end = threading.Event()
    second_ran = threading.Event()
    seen: list[str] = []

    def slow() -> str:
        assert second_ran.wait(5)  # the second ran meanwhile, on the other worker
        first_may_end.wait(5)
        return "facts"

    def fast() -> str:
        second_ran.set()
        return "rows"

    first = tasks.run(slow, on_done=seen.append)
    tasks.run(fast, on_done=seen.append, after=first)
    # the second has finished (its answer is posted), the first still runs
    qtbot.waitUntil(lambda: second_ran.is_set() and tasks._pool.activeThreadCount() == 1,
                    timeout=5000)
    deliver_queued()
    assert seen == []  # the rows are here, but wait for the facts
    first_may_end.set()
    qtbot.waitUntil(lambda: seen == ["facts", "rows"], timeout=5000)
    assert tasks.pending == 0
    tasks.shutdown()


def test_a_task_started_later_can_be_handed_over_before(qtbot, qapp) -> None:
    tasks = TaskRunner(qapp)
    counts_may_end = threading.Event()
    seen: list[str] = []
    rows = tasks.run(lambda: "rows", on_done=seen.append)
    tasks.run(lambda: counts_may_end.wait(5) and "counts", on_done=seen.append, before=rows)
    qtbot.waitUntil(lambda: tasks._pool.activeThreadCount() == 1, timeout=5000)
    deliver_queued()
    assert seen == []  # the rows are read, and wait for the counts started after them
    counts_may_end.set()
    qtbot.waitUntil(lambda: seen == ["counts", "rows"], timeout=5000)
    tasks.shutdown()


def test_a_failed_or_dropped_task_before_lets_the_answer_after_it_through(qtbot, qapp) -> None:
    tasks = TaskRunner(qapp)
    seen: list[object] = []
    failing = tasks.run(lambda: 1 / 0, on_error=lambda exc: seen.append(type(exc).__name__))
    tasks.run(lambda: "after a failure", on_done=seen.append, after=failing)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert seen == ["ZeroDivisionError", "after a failure"]

    release = threading.Event()
    seen.clear()
    older = tasks.run(lambda: release.wait(5) and "old", on_done=seen.append, key="k",
                      latest=True)
    tasks.run(lambda: "after the dropped", on_done=seen.append, after=older)
    tasks.run(lambda: "new", on_done=seen.append, key="k", latest=True)  # drops the older
    qtbot.waitUntil(lambda: sorted(map(str, seen)) == ["after the dropped", "new"],
                    timeout=5000)
    release.set()
    tasks.wait()
    deliver_queued()
    assert "old" not in seen
    tasks.shutdown()


def test_without_a_sign_in_the_first_rows_come_with_the_school_and_after_its_facts(
        qtbot, qapp, tmp_path: Path) -> None:
    seed(tmp_path / "data", 300)
    store = open_store(tmp_path / "data")
    app = Application(qapp, store)
    qtbot.addWidget(app.window)
    started: list[str] = []
    titles: list[str] = []
    app.inbox.loaded.connect(lambda _n: titles.append(app.window.windowTitle()))
    source = app.inbox._source
    if source is not None:  # the list read a window at a time: its plan comes first
        plan = source.plan

        def planned(order):  # type: ignore[no-untyped-def]
            started.append(order.filter.institution_id)
            return plan(order)

        source.plan = planned  # type: ignore[method-assign]
    else:
        query_ids = app.inbox._query_ids
        assert query_ids is not None

        def noted(f, key, desc):  # type: ignore[no-untyped-def]
            started.append(f.institution_id)
            return query_ids(f, key, desc)

        app.inbox._query_ids = noted  # type: ignore[method-assign]
    try:
        with qtbot.waitSignal(app.inbox.loaded, timeout=10000) as loaded:
            app.start()
        assert loaded.args[0] > 0
        assert started == [""]  # asked for at start, before the school was known ...
        assert "Rīgas Āgenskalna" in titles[0]  # ... and shown after the facts
        app.tasks.wait()
        deliver_queued()
        assert len(titles) == 1  # the facts did not make the inbox read its rows again
        assert app.inbox.current_filter.institution_id == "4313900123"
    finally:
        app.window.close()
        app.shutdown()
