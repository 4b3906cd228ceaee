"""A quick start (issue 17): whole-process figures against their floors, measured in one run.

    python -m bench.start_bench [--applications 100000] [--runs 5] [--encryption off|on|both]

Prints one table, a row per figure: its median and p95 over ``--runs`` fresh processes, the
floor's median measured in the same run (the runs taking turns with the floor's, so that the
load of a shared machine falls on both alike), their ratio, and the target:

* ``resursi --version``; floor: ``python -c pass``.
* ``resursi sync --once`` with nothing to do, against a reference server on loopback (in this
  process, seeded with the demo data; the client's folder synced once before the runs);
  floor: a process that imports requests and GETs ``/health`` once. The command runs as a
  scheduled task does on a computer without a keyring: the folder is encrypted under
  RESURSI_PASSPHRASE, so each run includes one Argon2id derivation (its cost is a row of its
  own). The keyring is switched off (``keyring.backends.fail``) for every child.
* start to an interactive window on a seeded store (``bench.seed``; 100,000 applications):
  from the interpreter's start to the inbox's first rows on screen, as
  ``bench.inbox_bench --child-start`` defines it (reused here), after importing the app the
  way ``resursi`` does (``desktop.__main__.load_gui``). "off": a plain store; "on": the same
  data encrypted with a random raw key (no passphrase, no keyring, no Argon2id). Floor: a bare
  QMainWindow with one QTableView, shown with a row in it.
* what the store's integrity check (``PRAGMA quick_check``) costs on that store, plain and
  encrypted: it runs on a worker right after the window is up (writes wait for it), so it is
  not part of the start figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from bench.inbox_bench import KEY_ENV
from bench.side_by_side import add_encryption_option, modes

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SCHOOL = "4313900123"
PASSPHRASE = "Ūdens ņirbēja ezerā 12"  # the bench folder's, made up for the run


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(len(ordered) * 0.95)) - 1)]


def _wall_at_exit(out: str) -> float:
    return float(out.strip().splitlines()[-1])


# -- children ---------------------------------------------------------------------------------

def child_start(data_dir: str) -> int:
    """The app's start in a fresh process, imported as ``resursi`` imports it."""
    from bench.inbox_bench import child_start as until_first_rows
    from desktop.__main__ import load_gui

    load_gui()
    return until_first_rows(data_dir)


def child_floor() -> int:
    """The least a Qt window with a table can cost: shown, with one row read."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    qt_app = QApplication(sys.argv)
    window = QMainWindow()
    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem("Jānis Bērziņš"))
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1366, 768)
    done = {}

    def shown() -> None:
        model.index(0, 0).data()
        done["t"] = time.perf_counter()
        qt_app.quit()

    window.show()
    QTimer.singleShot(0, shown)
    qt_app.exec()
    print(f"{time.time() - (time.perf_counter() - done['t']):.6f}")
    return 0


# -- measuring --------------------------------------------------------------------------------

@dataclass
class Figure:
    name: str
    target: float | None
    runs: list[float]
    floor: list[float]
    floor_name: str

    def cells(self) -> tuple[str, ...]:
        median = statistics.median(self.runs)
        floor = statistics.median(self.floor) if self.floor else None
        ratio = f"{median / floor:.1f}×" if floor else ""
        verdict = "" if self.target is None else ("yes" if median <= self.target else "NO")
        return (self.name, f"{median:.3f} s", f"{_p95(self.runs):.3f} s",
                f"{floor:.3f} s" if floor is not None else "", ratio,
                f"≤ {self.target:g} s" if self.target is not None else "", verdict,
                self.floor_name)


def format_table(figures: list[Figure]) -> str:
    header = ("figure", "median", "p95", "floor", "ratio", "target", "ok", "floor is")
    rows = [header, *(f.cells() for f in figures)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:6], widths[1:6],
                                                                          strict=True)]
        cells += [row[6].ljust(widths[6]), row[7]]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _process_seconds(argv: list[str], env: dict[str, str]) -> float:
    """A whole process, from its launch to its exit (it must succeed)."""
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:4])}… failed: {done.stderr.strip()[-500:]}")
    return took


def _until_printed(argv: list[str], env: dict[str, str]) -> float:
    """From the launch to the wall-clock moment the child prints (its window interactive)."""
    before = time.time()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:4])}… failed: {done.stderr.strip()[-500:]}")
    return _wall_at_exit(done.stdout) - before


def _taking_turns(runs: int, measured: Callable[[], float],
                  floor: Callable[[], float]) -> tuple[list[float], list[float]]:
    values: list[float] = []
    floors: list[float] = []
    for i in range(runs):
        pair = (measured, floor) if i % 2 == 0 else (floor, measured)
        for fn in pair:
            (values if fn is measured else floors).append(fn())
    return values, floors


def _resursi() -> list[str]:
    """The installed ``resursi`` script beside this interpreter (what a user runs)."""
    script = Path(sys.executable).with_name("resursi")
    return [str(script)] if script.exists() else [sys.executable, "-m", "desktop"]


def _quick_check_seconds(folder: Path, key: bytes | None, runs: int) -> list[float]:
    from desktop.models.store import DB_FILENAME, connect

    values = []
    for _ in range(runs):
        started = time.perf_counter()
        conn = connect(folder / DB_FILENAME, key, read_only=True)
        try:
            assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
        values.append(time.perf_counter() - started)
    return values


def _argon2_seconds(runs: int) -> list[float]:
    import base64

    from desktop.models.store_key import DEFAULT_COST, Argon2Cost, derive

    cost = Argon2Cost(salt=base64.b64encode(os.urandom(16)).decode(), **DEFAULT_COST)
    values = []
    for _ in range(runs):
        started = time.perf_counter()
        derive(PASSPHRASE, cost)
        values.append(time.perf_counter() - started)
    return values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--applications", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per figure")
    add_encryption_option(parser)
    parser.add_argument("--child-start", help=argparse.SUPPRESS)
    parser.add_argument("--child-floor", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_start:
        return child_start(args.child_start)
    if args.child_floor:
        return child_floor()

    from desktop.models.store import open_store
    from sync.devserver.server import DevServer

    figures: list[Figure] = []
    me = [sys.executable, "-m", "bench.start_bench"]
    with tempfile.TemporaryDirectory(prefix="resursi-start-bench-") as tmp_name:
        tmp = Path(tmp_name)
        env = {**os.environ, "XDG_CONFIG_HOME": str(tmp / "config"),
               "XDG_DATA_HOME": str(tmp / "data"), "XDG_CACHE_HOME": str(tmp / "cache"),
               "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
               "RESURSI_PASSWORD": "demo", "RESURSI_PASSPHRASE": PASSPHRASE}
        env.pop(KEY_ENV, None)
        resursi = _resursi()

        runs, floor = _taking_turns(
            args.runs, lambda: _process_seconds([*resursi, "--version"], env),
            lambda: _process_seconds([sys.executable, "-c", "pass"], env))
        figures.append(Figure("resursi --version", 0.3, runs, floor, "python -c pass"))

        with DevServer(seed="demo") as server:
            client = tmp / "client"
            sync = [*resursi, "sync", "--once", "--server", server.url, "--data-dir",
                    str(client), "--user", "admin", "--institution", SCHOOL]
            _process_seconds(sync, env)  # the first sync: the folder made and filled
            health = ("import sys, requests; "
                      "assert requests.get(sys.argv[1] + '/health', timeout=10).ok")
            runs, floor = _taking_turns(
                args.runs, lambda: _process_seconds(sync, env),
                lambda: _process_seconds([sys.executable, "-c", health, server.url], env))
        figures.append(Figure("resursi sync --once, nothing to do (demo data)", 1.0, runs,
                              floor, "import requests + GET /health"))
        figures.append(Figure("  of which: Argon2id (RESURSI_PASSPHRASE, no keyring)", None,
                              _argon2_seconds(args.runs), [], ""))

        seeded = tmp / "seeded"
        subprocess.run([sys.executable, "-m", "bench.seed", "--plain", "--applications",
                        str(args.applications), "--data-dir", str(seeded)],
                       check=True, capture_output=True, env=env)
        chosen = modes(args.encryption)
        for mode in chosen:
            folder = tmp / f"data-{mode}"
            shutil.copytree(seeded, folder)
            mode_env = dict(env)
            key = None
            if mode == "on":
                key = os.urandom(32)
                open_store(folder, key=key).close()  # moved under the key, as at a first open
                shutil.rmtree(folder / "backups", ignore_errors=True)
                mode_env[KEY_ENV] = key.hex()
            start = [*me, "--child-start", str(folder)]
            runs, floor = _taking_turns(
                args.runs, partial(_until_printed, start, mode_env),
                partial(_until_printed, [*me, "--child-floor"], env))
            how = "plain" if mode == "off" else "encrypted, raw key"
            figures.append(Figure(
                f"start to an interactive window ({args.applications:,}, {how})", 1.0, runs,
                floor, "QMainWindow + QTableView shown"))
            figures.append(Figure("  then, after the window: the store's quick_check", None,
                                  _quick_check_seconds(folder, key, args.runs), [], ""))
        shutil.rmtree(seeded)

    print(f"a quick start (issue 17): {args.runs} fresh processes per figure, floors measured "
          "in the same run, taking turns")
    print(format_table(figures))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    code = main()
    # Leave without the interpreter's final garbage collection: PySide6 objects collected
    # after QApplication's teardown can abort there, which would hide the figures' exit code.
    os._exit(code)
