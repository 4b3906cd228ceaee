"""Inbox benchmarks on stores of 10,000, 100,000 and 300,000 applications, with encryption off
and on (issues: desktop app, 15, 17).

    python -m bench.inbox_bench [--sizes 10000,100000,300000] [--sync-applications 20000]
                                [--encryption off|on|both]

Prints one table of figures against the issue's targets, a column per store size and mode (a
plain store, or the same data encrypted with a random key; "on" unless --encryption says
otherwise): first rows visible after the inbox opens; filter, search and sort (p95 of 50 runs
each, from the user's action to the new rows on screen); a jump with the scroll bar (p95 of 20:
to the rows then in sight); the floors measured in the same process (a task that does nothing,
through a worker and back to the GUI thread; the table's repaint with its rows here), below
which no figure can go; peak RSS; start to an interactive window (a fresh process). With
several sizes the targets hold when the largest meets them: the cost must not grow with the
store.

Below it, the longest stall of the GUI thread while a 20,000-application sync into a new store
runs (a QTimer heartbeat every 10 ms; the reference server runs in its own process so that its
work does not count against the GUI): measured once per mode, it does not depend on the size.

Each size and mode is measured in a process of its own (its peak RSS is its own, and no Qt
state is carried from one to the other); the modes of a size on the same seeded data.
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
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.side_by_side import Row, add_encryption_option, format_table, modes

DEFAULT_SIZES = (10000, 100000, 300000)

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
    # as the app opens it: the pages checked on a worker once the window is up
    app = Application(qt_app, open_store(Path(data_dir), key=_bench_key(), check_later=True))
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


def _nothing() -> None:
    return None


def _quitting(loop: Any) -> Callable[[object], None]:
    return lambda _result: loop.quit()


def measure(data: Path, synced: Path | None, server_url: str,
            sync_applications: int) -> dict[str, float]:
    """One mode's figures (the store key, if any, is in KEY_ENV), in seconds and MB; the sync
    only with ``synced``."""
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

    # a jump with the scroll bar: until the rows then in sight are on screen (not placeholders)
    table, model = page.table, page.model
    bar = table.verticalScrollBar()

    def in_sight() -> range:
        top = max(table.rowAt(0), 0)
        bottom = table.rowAt(table.viewport().height() - 1)
        return range(top, (bottom if bottom >= 0 else model.rowCount() - 1) + 1)

    jumps = []
    for i in range(20):
        started = time.perf_counter()
        bar.setValue(int(bar.maximum() * ((i * 7919) % 97) / 96))
        while True:
            rows = in_sight()
            for r in rows:  # what painting asks for (offscreen, nothing is painted unasked)
                model.index(r, 0).data()
            if all(model.is_fetched(r) for r in rows):
                break
            qt_app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
        jumps.append(time.perf_counter() - started)
    figures["jump_p95"] = _p95(jumps)

    # the floors: a task that does nothing, through a worker and back; a repaint of the table
    trips = []
    for _ in range(50):
        back = QEventLoop()
        started = time.perf_counter()
        app.tasks.run(_nothing, on_done=_quitting(back))
        back.exec()
        trips.append(time.perf_counter() - started)
    figures["floor_task_p95"] = _p95(trips)
    paints = []
    for _ in range(20):
        started = time.perf_counter()
        table.viewport().repaint()
        paints.append(time.perf_counter() - started)
    figures["floor_paint_p95"] = _p95(paints)
    app.shutdown()
    if synced is None:
        figures["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return figures

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


Column = tuple[int, str]  # (applications, mode)


def _size_table(results: dict[Column, dict[str, float]]) -> str:
    """A row per figure, a column per size and mode, the target, whether the largest meets
    it."""
    columns = sorted(results)
    rows: list[tuple[str, str, float, float | None, float]] = [
        # (name, figure, scale to the unit, target, moonshot)
        ("start to an interactive window (median of 3)", "start", 1.0, 2.0, 0),
        ("first rows visible after the inbox opens", "first", 1000, 100.0, 0),
        ("filter (p95 of 50)", "filter_p95", 1000, 50.0, 16),
        ("  median", "filter_median", 1000, None, 0),
        ("search (p95 of 50)", "search_p95", 1000, 50.0, 16),
        ("  median", "search_median", 1000, None, 0),
        ("sort (p95 of 50)", "sort_p95", 1000, 50.0, 16),
        ("  median", "sort_median", 1000, None, 0),
        ("jump with the scroll bar (p95 of 20)", "jump_p95", 1000, 50.0, 16),
        ("floor: a task that does nothing, to a worker and back (p95)", "floor_task_p95",
         1000, None, 0),
        ("floor: the table's repaint, rows here (p95)", "floor_paint_p95", 1000, None, 0),
        ("peak RSS of the measuring process", "rss_mb", 1.0, 400.0, 0),
    ]
    units = {"start": "s", "rss_mb": "MB"}
    header = ["figure", *(f"{n // 1000}k {mode}" for n, mode in columns), "target", "ok"]
    lines = [header]
    for name, figure, scale, limit, moon in rows:
        unit = units.get(figure, "ms")
        values = [results[c].get(figure) for c in columns]
        cells = ["–" if v is None else (f"{v * scale:.2f} s" if unit == "s"
                                        else f"{v * scale:.1f} {unit}" if v * scale < 10
                                        else f"{v * scale:.0f} {unit}") for v in values]
        target = "" if limit is None else (f"≤ {limit:g} {unit}"
                                           + (f" ({moon:g})" if moon else ""))
        largest = [v * scale for (n, _m), v in zip(columns, values, strict=True)
                   if v is not None and n == max(c[0] for c in columns)]
        ok = "" if limit is None or not largest else (
            ("yes" + (", moonshot too" if moon and max(largest) <= moon else ""))
            if max(largest) <= limit else "NO")
        lines.append([name, *cells, target, ok])
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for k, line in enumerate(lines):
        parts = [line[0].ljust(widths[0])] + [c.rjust(w) for c, w in
                                              zip(line[1:-1], widths[1:-1], strict=True)]
        out.append("  ".join([*parts, line[-1]]).rstrip())
        if k == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def _sync_rows(results: dict[str, dict[str, float]], sync_applications: int) -> list[Row]:
    def both(figure: str, scale: float = 1.0) -> tuple[float | None, float | None]:
        off, on = (results.get(m, {}).get(figure) for m in ("off", "on"))
        return (None if off is None else off * scale, None if on is None else on * scale)

    return [
        Row(f"GUI thread's longest stall during a {sync_applications:,}-application sync",
            *both("stall", 1000), "ms", 100),
        Row("  the sync took", *both("sync"), "s"),
        Row("  failed attempts before it (must be none)", *both("sync_failures"), "", 0),
    ]


def _wait_for_port(port: int, server: subprocess.Popen[str]) -> None:
    deadline = time.time() + 120
    while time.time() < deadline and server.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the reference server did not start")


def _sizes(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=_sizes, default=list(DEFAULT_SIZES),
                        help="store sizes in applications, comma-separated "
                             "(default 10000,100000,300000)")
    parser.add_argument("--applications", type=int, help="one size (as --sizes N)")
    parser.add_argument("--sync-applications", type=int, default=20000,
                        help="the sync measured for the GUI stall (0: none)")
    add_encryption_option(parser, default="on")
    parser.add_argument("--child-start", help=argparse.SUPPRESS)
    # one mode's measurement, in its own process: --measure DATA SYNCED URL OUT ("-": no sync)
    parser.add_argument("--measure", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_start:
        return child_start(args.child_start)
    if args.measure:
        data, synced, url, out = args.measure
        figures = measure(Path(data), None if synced == "-" else Path(synced), url,
                          args.sync_applications)
        Path(out).write_text(json.dumps(figures), encoding="utf-8")
        return 0
    sizes = [args.applications] if args.applications else args.sizes

    from desktop.models.store import DB_FILENAME, is_plain_sqlite, open_store

    results: dict[Column, dict[str, float]] = {}
    synced_figures: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = {**os.environ, "XDG_CONFIG_HOME": tmp_name}
        env.pop(KEY_ENV, None)
        server = None
        port = _free_port()
        if args.sync_applications:
            server = subprocess.Popen(
                [sys.executable, "-m", "sync.devserver", "--port", str(port), "--seed",
                 str(args.sync_applications), "--db", str(tmp / "central.sqlite3")],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True, env=env)
        try:
            if server is not None:
                _wait_for_port(port, server)
            for n, size in enumerate(sizes):
                seeded = tmp / "seeded"
                subprocess.run([sys.executable, "-m", "bench.seed", "--plain",
                                "--applications", str(size), "--data-dir", str(seeded)],
                               check=True, capture_output=True, env=env)
                for mode in modes(args.encryption):
                    data = tmp / f"data-{size}-{mode}"
                    shutil.copytree(seeded, data)
                    mode_env = dict(env)
                    if mode == "on":
                        # the same data, moved under a random key as a plain folder is at
                        # first open
                        key = os.urandom(32)
                        open_store(data, key=key).close()
                        mode_env[KEY_ENV] = key.hex()
                    # what each column measures: a plain file, or one SQLite cannot read
                    # without the key
                    assert is_plain_sqlite(data / DB_FILENAME) == (mode == "off")
                    out = tmp / f"{size}-{mode}.json"
                    # the sync into a new store does not depend on the size: once per mode
                    synced = str(tmp / f"synced-{mode}") if n == 0 and server else "-"
                    subprocess.run(
                        [sys.executable, "-m", "bench.inbox_bench", "--sync-applications",
                         str(args.sync_applications), "--measure", str(data), synced,
                         f"http://127.0.0.1:{port}", str(out)],
                        check=True, env=mode_env)
                    figures = json.loads(out.read_text(encoding="utf-8"))
                    results[(size, mode)] = figures
                    if synced != "-":
                        synced_figures[mode] = figures
                    shutil.rmtree(data)
                shutil.rmtree(seeded)
        finally:
            if server is not None:
                server.terminate()
                server.wait(10)

    print("inbox rows by store size; off = a plain store, on = the same data encrypted with a "
          "random key (SQLCipher). The targets are met when the largest store meets them.")
    print(_size_table(results))
    if synced_figures:
        print()
        print(format_table(_sync_rows(synced_figures, args.sync_applications)))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    code = main()
    # Leave without the interpreter's final garbage collection: PySide6 objects collected
    # after QApplication's teardown can abort there, which would hide the figures' exit code.
    os._exit(code)
