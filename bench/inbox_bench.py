"""Inbox benchmarks on a 100,000-application store (issue: desktop app).

    python -m bench.inbox_bench [--applications 100000] [--sync-applications 20000]

Prints a table of figures against the issue's targets: first rows visible after the inbox
opens; filter, search and sort (p95 of 50 runs each, from the user's action to the new rows
on screen); the longest stall of the GUI thread while a 20,000-application sync runs (a QTimer
heartbeat every 10 ms; the reference server runs in its own process so that its work does not
count against the GUI); peak RSS; start to an interactive window (a fresh process).
"""

from __future__ import annotations

import argparse
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SCHOOL = "4313900123"


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(len(ordered) * 0.95)) - 1)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def child_start(data_dir: str) -> int:
    """Run in a fresh process: from interpreter start to a window with rows on screen."""
    from PySide6.QtWidgets import QApplication

    from desktop.app import Application
    from desktop.models.store import open_store

    qt_app = QApplication(sys.argv)
    app = Application(qt_app, open_store(Path(data_dir)))
    done = {}

    def shown(_count: int) -> None:
        app.inbox.model.index(0, 0).data()
        done["t"] = time.perf_counter()
        qt_app.quit()

    app.inbox.loaded.connect(shown)
    app.start()
    qt_app.exec()
    app.shutdown()
    # perf_counter is process-relative; report the wall clock of "interactive" instead.
    print(f"{time.time() - (time.perf_counter() - done['t']):.6f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=100000)
    parser.add_argument("--sync-applications", type=int, default=20000)
    parser.add_argument("--child-start", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_start:
        return child_start(args.child_start)

    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import Application, Connection
    from desktop.models.codes import ApplicationStatus
    from desktop.models.store import open_store
    from sync.credentials import MemoryCredentials

    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        data = Path(tmp) / "data"
        subprocess.run([sys.executable, "-m", "bench.seed", "--applications",
                        str(args.applications), "--data-dir", str(data)],
                       check=True, capture_output=True)

        # start to an interactive window, in a fresh process
        starts = []
        for _ in range(3):
            before = time.time()
            out = subprocess.run([sys.executable, "-m", "bench.inbox_bench", "--child-start",
                                  str(data)], capture_output=True, text=True, check=True)
            starts.append(float(out.stdout.strip().splitlines()[-1]) - before)
        start_s = statistics.median(starts)
        rows.append(("start to an interactive window (median of 3)", f"{start_s:.2f} s",
                     "≤ 2 s", "yes" if start_s <= 2 else "NO"))

        qt_app = QApplication.instance() or QApplication(sys.argv)
        store = open_store(data)
        app = Application(qt_app, store)  # type: ignore[arg-type]
        page = app.inbox

        def until_loaded(action: Callable[[], None]) -> float:
            loop = QEventLoop()
            page.loaded.connect(loop.quit)
            started = time.perf_counter()
            action()
            QTimer.singleShot(10000, loop.quit)
            loop.exec()
            page.loaded.disconnect(loop.quit)
            for r in range(min(30, page.model.rowCount())):  # what the screen shows
                page.model.index(r, 2).data()
            return time.perf_counter() - started

        first = until_loaded(app.start)
        rows.append(("first rows visible after the inbox opens", f"{first * 1000:.0f} ms",
                     "≤ 300 ms", "yes" if first <= 0.3 else "NO"))

        statuses = [s.value for s in ApplicationStatus if s is not ApplicationStatus.DELETED]
        cases: dict[str, list[float]] = {"filter": [], "search": [], "sort": []}
        words = ["bērziņ", "ozol", "kalniņa", "7.b", "P-2025-01", "līga", "ņikitin", "jānis"]
        # Each measured action starts from an idle page: the undo of the previous action is
        # waited for (unmeasured), and typing is measured without the typing pause.
        page._debounce.setInterval(0)
        for i in range(50):
            status = statuses[i % len(statuses)]
            cases["filter"].append(until_loaded(
                lambda s=status: page.status_filter.setCurrentIndex(
                    page.status_filter.findData(s))))
            until_loaded(lambda: page.status_filter.setCurrentIndex(0))
            word = words[i % len(words)]
            cases["search"].append(until_loaded(lambda w=word: page.search.setText(w)))
            until_loaded(page.search.clear)
            column = (0, 1, 2, 3, 5, 6)[i % 6]
            cases["sort"].append(until_loaded(
                lambda c=column, d=i % 2: page.table.sortByColumn(
                    c, Qt.SortOrder.DescendingOrder if d else Qt.SortOrder.AscendingOrder)))
        for name, values in cases.items():
            p95 = _p95(values)
            rows.append((f"{name} (p95 of 50; median {statistics.median(values) * 1000:.0f} ms)",
                         f"{p95 * 1000:.0f} ms", "≤ 100 ms", "yes" if p95 <= 0.1 else "NO"))
        app.shutdown()

        # a 20,000-application sync into a new store while the GUI thread ticks
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "sync.devserver", "--port", str(port), "--seed",
             str(args.sync_applications), "--db", str(Path(tmp) / "central.sqlite3")],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            deadline = time.time() + 120
            while time.time() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                    break
                except OSError:
                    time.sleep(0.2)
            store2 = open_store(Path(tmp) / "synced")
            app2 = Application(qt_app, store2, connection=Connection(  # type: ignore[arg-type]
                f"http://127.0.0.1:{port}", "admin", "demo", SCHOOL, MemoryCredentials()))
            gaps: list[float] = []
            clock = QElapsedTimer()
            beat = QTimer()
            beat.setInterval(10)
            last = {"t": 0}

            def tick() -> None:
                now = clock.elapsed()
                gaps.append(now - last["t"])
                last["t"] = now

            beat.timeout.connect(tick)
            loop = QEventLoop()
            app2.start()
            assert app2.sync is not None
            app2.sync.synced.connect(lambda _r: loop.quit())
            clock.start()
            beat.start()
            started = time.perf_counter()
            QTimer.singleShot(120000, loop.quit)
            loop.exec()
            sync_s = time.perf_counter() - started
            beat.stop()
            stall = max(gaps[1:]) if len(gaps) > 1 else 0.0
            rows.append((f"GUI thread's longest stall during a {args.sync_applications:,}-"
                         f"application sync ({sync_s:.1f} s)", f"{stall:.0f} ms", "≤ 100 ms",
                         "yes" if stall <= 100 else "NO"))
            app2.shutdown()
        finally:
            server.terminate()
            server.wait(10)

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append(("peak RSS of this process", f"{peak:.0f} MB", "≤ 400 MB",
                     "yes" if peak <= 400 else "NO"))

    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>9}  {'target':>9}  ok")
    print(f"{'-' * width}  {'-' * 9}  {'-' * 9}  --")
    for name, value, target, ok in rows:
        print(f"{name:<{width}}  {value:>9}  {target:>9}  {ok}")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    code = main()
    # Leave without the interpreter's final garbage collection: PySide6 objects collected
    # after QApplication's teardown can abort there, which would hide the figures' exit code.
    os._exit(code)
