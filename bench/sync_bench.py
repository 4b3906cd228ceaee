"""Sync benchmarks against the reference server over loopback, with encryption off and on
(issues: central service, 15).

    python -m bench.sync_bench [--applications 20000] [--decisions 1000] [--encryption off|on|both]

Prints one table of figures and ratios, a column per mode (the client's store plain, or
encrypted with a random key) and their ratio: the devserver's seeding and serving the whole
feed (the figures tests/devserver/test_devserver_seeding.py does not time), then the client's.
The floor is measured in the same run: the same pages fetched with bare requests, parsed with
json, and inserted with one executemany into an empty SQLite table — what any client must at
least do; in the "on" column that table is in a file encrypted the same way (SQLCipher), and
the initial sync is also compared with the plain floor.

Both modes run against one devserver, their runs taking turns (floor off, floor on, floor on,
floor off, ..., then the initial syncs, then the syncs with no changes the same way) so that the load of a shared machine falls on both alike; before deciding,
a mode pulls the decisions the other pushed, so each decides applications of its own.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import requests

from bench.side_by_side import Row, add_encryption_option, format_table, modes
from desktop.models import decisions
from desktop.models.codes import ApplicationStatus, StaffRole
from desktop.models.journal import Actor
from desktop.models.queries import InboxFilter, inbox_ids
from desktop.models.store import Store, connect, is_plain_sqlite, open_store
from sync.client import CentralClient
from sync.credentials import MemoryCredentials
from sync.devserver.server import DevServer
from sync.engine import SyncEngine

SCHOOL = "4313900123"
PAGE = 1000


def floor_fetch(url: str, folder: Path, key: bytes | None = None) -> tuple[float, float, int]:
    """(seconds in all, seconds of the fetch alone, changes): the fetch is the server serving
    the whole feed, the rest is the least any client does with it (into a file encrypted with
    ``key`` when one is given)."""
    token = requests.post(f"{url}/v1/oauth/token", data={
        "grant_type": "password", "username": "admin", "password": "demo"}, timeout=30).json()
    headers = {"Authorization": f"Bearer {token['access_token']}"}
    started = time.perf_counter()
    rows: list[tuple[str, str]] = []
    cursor = None
    with requests.Session() as http:
        while True:
            params: dict[str, str | int] = {"limit": PAGE}
            if cursor:
                params["cursor"] = cursor
            page = http.get(f"{url}/v1/institutions/{SCHOOL}/changes", params=params,
                            headers=headers, timeout=60).json()
            rows.extend((c["entity"], json.dumps(c)) for c in page["changes"])
            cursor = page["next_cursor"]
            if not page["has_more"]:
                break
    fetched = time.perf_counter() - started
    folder.mkdir(parents=True, exist_ok=True)
    # the plain floor keeps the stdlib driver it was first measured with; the encrypted one
    # needs SQLCipher's (each file is only ever opened by the one library)
    db = (sqlite3.connect(folder / "floor.sqlite3") if key is None
          else connect(folder / "floor.sqlite3", key))
    db.execute("CREATE TABLE changes (entity TEXT, body TEXT)")
    with db:
        db.executemany("INSERT INTO changes VALUES (?, ?)", rows)
    db.close()
    return time.perf_counter() - started, fetched, len(rows)


def _turns(keys: dict[str, bytes | None], run: int) -> list[tuple[str, bytes | None]]:
    """The modes in the order of this run: each goes first every other run (the first run
    after a start meets a colder server and cache)."""
    order = list(keys.items())
    return order if run % 2 == 0 else order[::-1]


def measure(args: argparse.Namespace, folder: Path,
            keys: dict[str, bytes | None]) -> dict[str, dict[str, float | str]]:
    """Each mode's figures (seconds, counts) against one devserver, the modes' runs taking
    turns so that the load of a shared machine falls on both alike."""
    figures: dict[str, dict[str, float | str]] = {mode: {} for mode in keys}
    with DevServer(seed=args.applications) as server:
        floors: dict[str, list[float]] = {mode: [] for mode in keys}
        fetches: dict[str, list[float]] = {mode: [] for mode in keys}
        for run in range(3):
            for mode, key in _turns(keys, run):
                seconds, fetched, n_changes = floor_fetch(
                    server.url, folder / mode / f"floor{run}", key)
                floors[mode].append(seconds)
                fetches[mode].append(fetched)
                figures[mode]["changes"] = n_changes
        for mode in keys:
            if server.seed_seconds is not None:
                figures[mode]["seeded"] = server.seed_seconds  # one server: the same figure
            figures[mode]["floor"] = statistics.median(floors[mode])
            figures[mode]["served"] = statistics.median(fetches[mode])

        initials: dict[str, list[float]] = {mode: [] for mode in keys}
        stores: dict[str, Store] = {}
        clients: dict[str, CentralClient] = {}
        engines: dict[str, SyncEngine] = {}
        for run in range(3):  # each into a new, empty store; the last ones are kept
            for mode, key in _turns(keys, run):
                if mode in stores:
                    clients[mode].close()
                    stores[mode].close()
                store = stores[mode] = open_store(folder / mode / f"client{run}", key=key)
                assert is_plain_sqlite(store.path) == (key is None)  # the mode is what it says
                client = clients[mode] = CentralClient(
                    server.url, username="admin", credentials=MemoryCredentials())
                client.sign_in("demo")
                engine = engines[mode] = SyncEngine(store, client, SCHOOL, page_size=PAGE)
                started = time.perf_counter()
                first = engine.sync_once()
                initials[mode].append(time.perf_counter() - started)
                figures[mode]["applied"] = f"{first.pulled:,} / {first.pages}"
        for mode in keys:
            figures[mode]["initial"] = statistics.median(initials[mode])

        quiet: dict[str, list[float]] = {mode: [] for mode in keys}
        for run in range(7):
            for mode, _key in _turns(keys, run):
                started = time.perf_counter()
                engines[mode].sync_once()
                quiet[mode].append(time.perf_counter() - started)
        for mode in keys:
            figures[mode]["quiet"] = statistics.median(quiet[mode])
            figures[mode]["quiet_worst"] = max(quiet[mode])

        actor = Actor("admin", SCHOOL, StaffRole.ADMIN)
        for mode in keys:
            store, engine = stores[mode], engines[mode]
            # unmeasured: pull what the mode before pushed, so that this one decides other
            # applications than it did (no conflicts to count)
            engine.sync_once()
            open_ids = inbox_ids(store, InboxFilter(SCHOOL, statuses=frozenset(
                {ApplicationStatus.SUBMITTED})))[: args.decisions]
            for i, app_id in enumerate(open_ids):
                if i % 2:
                    decisions.refuse(store, actor, app_id, "Ierīču skaits ir ierobežots; "
                                     "prioritāte sociāli atbalstāmajiem izglītojamajiem")
                else:
                    decisions.defer(store, actor, app_id, "Gaidām jaunu piegādi pēc brīvlaika")
            figures[mode]["queued"] = engine.pending_count()
            started = time.perf_counter()
            pushed = engine.push()
            figures[mode]["drain"] = time.perf_counter() - started
            left = engine.pending_count()
            figures[mode]["left"] = left
            figures[mode]["pushed"] = f"{pushed.pushed} / {pushed.conflicts} / {left}"
        for mode in keys:
            clients[mode].close()
            stores[mode].close()
    return figures


def _rows(results: dict[str, dict[str, float | str]], args: argparse.Namespace) -> list[Row]:
    def both(figure: str, scale: float = 1.0) -> tuple[float | str | None, float | str | None]:
        values = []
        for mode in ("off", "on"):
            value = results.get(mode, {}).get(figure)
            values.append(value * scale if isinstance(value, float | int) else value)
        return values[0], values[1]

    def number(mode: str, figure: str) -> float | None:
        value = results.get(mode, {}).get(figure)
        return float(value) if isinstance(value, float | int) else None

    def ratio(numerator: str, denominator: str, floors: tuple[str, str] = ("off", "on"),
              ) -> tuple[float | None, float | None]:
        out: list[float | None] = []
        for mode, floor_mode in zip(("off", "on"), floors, strict=True):
            top, bottom = number(mode, numerator), number(floor_mode, denominator)
            out.append(top / bottom if top is not None and bottom else None)
        return out[0], out[1]

    queued = next((int(r["queued"]) for r in results.values()), 0)
    drained = [r for r in results.values() if int(r["left"])]
    rows = [
        Row(f"devserver seeded with {args.applications:,} applications (one for both)",
            *both("seeded"), "s", 20, shared=True),
        Row("changes in the feed", *both("changes")),
        Row("  the feed served whole, bare fetch (median of 3)", *both("served"), "s", 4),
        Row("floor: bare fetch + json + executemany (median of 3)", *both("floor"), "s"),
        Row(f"initial sync of {args.applications:,} applications (median of 3)",
            *both("initial"), "s", 15),
        Row("  ratio to the floor (its own column's)", *ratio("initial", "floor"), "×", 3),
        Row("  ratio to the plain floor", *ratio("initial", "floor", ("off", "off")), "×", 3),
        Row("  applied / pages", *both("applied")),
        Row("sync with no changes (median of 7)", *both("quiet", 1000), "ms", 150),
        Row("  worst of 7", *both("quiet_worst", 1000), "ms"),
        Row(f"{queued:,} queued decisions drained", *both("drain"), "s", 10),
        Row("  acknowledged / conflicts / left", *both("pushed")),
    ]
    if drained:
        rows.append(Row("  decisions left undrained (must be none)", *both("left"), "", 0))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--applications", type=int, default=20000)
    parser.add_argument("--decisions", type=int, default=1000)
    add_encryption_option(parser)
    args = parser.parse_args(argv)

    # a random key for stores made up for the run (no keyring, no passphrase)
    keys = {mode: os.urandom(32) if mode == "on" else None for mode in modes(args.encryption)}
    with tempfile.TemporaryDirectory() as tmp:
        results = measure(args, Path(tmp), keys)

    print(f"sync of {args.applications:,} applications; encryption off = a plain client store, "
          "on = one encrypted with a random key (SQLCipher)")
    print(format_table(_rows(results, args)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
