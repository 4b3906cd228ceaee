"""Inbox benchmarks on a 100,000-application store, with encryption off and on (issues: desktop
app, 15).

    python -m bench.inbox_bench [--applications 100000] [--sync-applications 20000]
                                [--encryption off|on|both]

Prints one table of figures against the issue's targets, a column per mode (a plain store, and
the same data encrypted with a random key) and their ratio: first rows visible after the inbox
opens; filter, search and sort (p95 of 50 runs each, from the user's action to the new rows on
screen); the longest stall of the GUI thread while a 20,000-application sync into a new store
runs (a QTimer heartbeat every 10 ms; the reference server runs in its own process so that its
work does not count against the GUI); peak RSS; start to an interactive window (a fresh
process).

Each mode is measured in a process of its own (its peak RSS is its own, and no Qt state is
carried from one to the other) on the same seeded data, against the same reference server.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.side_by_side import Row, add_encryption_option, format_table, modes

SCHOOL = "4313900123"
#: The encrypted mode's store key (hex) for the processes it starts; a random key for data
#: made up for the run, which the run deletes.
KEY_ENV = "RESURSI_BENCH_KEY"


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(len(ordered) * 0.95)) - 1)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _bench_key() -> bytes | None:
    hex_key = os.environ.get(KEY_ENV)
    return bytes.fromhex(hex_key) if hex_key else None


def child_start(data_dir: str) -> int:
    """Run in a fresh process: from interpreter start to a window with rows on screen."""
    from PySide6.QtWidgets import QApplication

    from desktop.app import Application
    from desktop.models.store import open_store

    qt_app = QApplication(sys.argv)
    app = Application(qt_app, open_store(Path(data_dir), key=_bench_key()))
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


def measure(data: Path, synced: Path, server_url: str, sync_applications: int) -> dict[str, float]:
    """One mode's figures (the store key, if any, is in KEY_ENV), in seconds and MB."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import Application, Connection
    from desktop.models.codes import ApplicationStatus
    from desktop.models.store import open_store
    from sync.credentials import MemoryCredentials

    key = _bench_key()
    figures: dict[str, float] = {}
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)

    # start to an interactive window, in a fresh process
    starts = []
    for _ in range(3):
        before = time.time()
        out = subprocess.run([sys.executable, "-m", "bench.inbox_bench", "--child-start",
                              str(data)], capture_output=True, text=True, check=True)
        starts.append(float(out.stdout.strip().splitlines()[-1]) - before)
    figures["start"] = statistics.median(starts)

    qt_app = QApplication.instance() or QApplication(sys.argv)
    store = open_store(data, key=key)
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

    figures["first"] = until_loaded(app.start)

    statuses = [s.value for s in ApplicationStatus if s is not ApplicationStatus.DELETED]
    cases: dict[str, list[float]] = {"filter": [], "search": [], "sort": []}
    words = ["bērziņ", "ozol", "kalniņa", "7.b", "P-2025-01", "līga", "ņikitin", "jānis"]
    # Each measured action starts from an idle page: the undo of the previous action is
    # waited for (unmeasured), and typing is measured without the typing pause.
    page._debounce.setInterval(0)

    def choose(status: str) -> Callable[[], None]:
        return lambda: page.status_filter.setCurrentIndex(page.status_filter.findData(status))

    def type_in(word: str) -> Callable[[], None]:
        return lambda: page.search.setText(word)

    def sort_by(column: int, descending: bool) -> Callable[[], None]:
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        return lambda: page.table.sortByColumn(column, order)

    for i in range(50):
        cases["filter"].append(until_loaded(choose(statuses[i % len(statuses)])))
        until_loaded(lambda: page.status_filter.setCurrentIndex(0))
        cases["search"].append(until_loaded(type_in(words[i % len(words)])))
        until_loaded(page.search.clear)
        cases["sort"].append(until_loaded(sort_by((0, 1, 2, 3, 5, 6)[i % 6], bool(i % 2))))
    for name, values in cases.items():
        figures[f"{name}_p95"] = _p95(values)
        figures[f"{name}_median"] = statistics.median(values)
    app.shutdown()

    # a 20,000-application sync into a new store while the GUI thread ticks
    store2 = open_store(synced, key=key)
    app2 = Application(qt_app, store2, connection=Connection(  # type: ignore[arg-type]
        server_url, "admin", "demo", SCHOOL, MemoryCredentials()))
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
    # a sync that fails is retried after a backoff: say why, so that a figure spoiled by a
    # failed attempt is not taken for the sync's own
    failures: list[str] = []
    app2.sync.connection_changed.connect(
        lambda online, line: None if online else failures.append(line))
    app2.sync.sign_in_required.connect(loop.quit)
    app2.sync.workstation_revoked.connect(lambda _line: loop.quit())
    clock.start()
    beat.start()
    started = time.perf_counter()
    QTimer.singleShot(120000, loop.quit)
    loop.exec()
    figures["sync"] = time.perf_counter() - started
    figures["sync_failures"] = len(failures)
    for line in failures:
        print(f"inbox_bench: a sync attempt failed: {line}", file=sys.stderr)
    beat.stop()
    figures["stall"] = (max(gaps[1:]) if len(gaps) > 1 else 0.0) / 1000
    app2.shutdown()

    figures["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def _rows(results: dict[str, dict[str, float]], sync_applications: int) -> list[Row]:
    def both(figure: str, scale: float = 1.0) -> tuple[float | None, float | None]:
        off, on = (results.get(m, {}).get(figure) for m in ("off", "on"))
        return (None if off is None else off * scale, None if on is None else on * scale)

    rows = [
        Row("start to an interactive window (median of 3)", *both("start"), "s", 2),
        Row("first rows visible after the inbox opens", *both("first", 1000), "ms", 300),
    ]
    for name in ("filter", "search", "sort"):
        rows.append(Row(f"{name} (p95 of 50)", *both(f"{name}_p95", 1000), "ms", 100))
        rows.append(Row("  median", *both(f"{name}_median", 1000), "ms"))
    rows += [
        Row(f"GUI thread's longest stall during a {sync_applications:,}-application sync",
            *both("stall", 1000), "ms", 100),
        Row("  the sync took", *both("sync"), "s"),
        Row("  failed attempts before it (must be none)", *both("sync_failures"), "", 0),
        Row("peak RSS of the measuring process", *both("rss_mb"), "MB", 400),
    ]
    return rows


def _wait_for_port(port: int, server: subprocess.Popen[str]) -> None:
    deadline = time.time() + 120
    while time.time() < deadline and server.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the reference server did not start")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--applications", type=int, default=100000)
    parser.add_argument("--sync-applications", type=int, default=20000)
    add_encryption_option(parser)
    parser.add_argument("--child-start", help=argparse.SUPPRESS)
    # one mode's measurement, in its own process: --measure DATA SYNCED URL OUT
    parser.add_argument("--measure", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_start:
        return child_start(args.child_start)
    if args.measure:
        data, synced, url, out = args.measure
        figures = measure(Path(data), Path(synced), url, args.sync_applications)
        Path(out).write_text(json.dumps(figures), encoding="utf-8")
        return 0

    from desktop.models.store import DB_FILENAME, is_plain_sqlite, open_store

    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = {**os.environ, "XDG_CONFIG_HOME": tmp_name}
        env.pop(KEY_ENV, None)
        seeded = tmp / "seeded"
        subprocess.run([sys.executable, "-m", "bench.seed", "--plain", "--applications",
                        str(args.applications), "--data-dir", str(seeded)],
                       check=True, capture_output=True, env=env)
        folders: dict[str, tuple[Path, dict[str, str]]] = {}
        for mode in modes(args.encryption):
            data = tmp / f"data-{mode}"
            shutil.copytree(seeded, data)
            mode_env = dict(env)
            if mode == "on":
                # the same data, moved under a random key as a plain folder is at first open
                key = os.urandom(32)
                open_store(data, key=key).close()
                mode_env[KEY_ENV] = key.hex()
            # what each column measures: a plain file, or one SQLite cannot read without the key
            assert is_plain_sqlite(data / DB_FILENAME) == (mode == "off")
            folders[mode] = (data, mode_env)
        shutil.rmtree(seeded)

        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "sync.devserver", "--port", str(port), "--seed",
             str(args.sync_applications), "--db", str(tmp / "central.sqlite3")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True, env=env)
        try:
            _wait_for_port(port, server)
            for mode, (data, mode_env) in folders.items():
                out = tmp / f"{mode}.json"
                subprocess.run(
                    [sys.executable, "-m", "bench.inbox_bench", "--sync-applications",
                     str(args.sync_applications), "--measure", str(data),
                     str(tmp / f"synced-{mode}"), f"http://127.0.0.1:{port}", str(out)],
                    check=True, env=mode_env)
                results[mode] = json.loads(out.read_text(encoding="utf-8"))
        finally:
            server.terminate()
            server.wait(10)

    print(f"inbox on {args.applications:,} applications; encryption off = a plain store, "
          "on = the same data encrypted with a random key (SQLCipher)")
    print(format_table(_rows(results, args.sync_applications)))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    code = main()
    # Leave without the interpreter's final garbage collection: PySide6 objects collected
    # after QApplication's teardown can abort there, which would hide the figures' exit code.
    os._exit(code)
