"""Sync benchmarks against the reference server over loopback (issue: central service).

    python -m bench.sync_bench [--applications 20000] [--decisions 1000]

Prints a table of figures and ratios: the devserver's seeding and serving the whole feed (the
figures tests/devserver/test_devserver_seeding.py does not time), then the client's. The floor
is measured in the same run: the same pages fetched with bare requests, parsed with json, and
inserted with one executemany into an empty SQLite table — what any client must at least do.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import requests

from desktop.models import decisions
from desktop.models.codes import ApplicationStatus, StaffRole
from desktop.models.journal import Actor
from desktop.models.queries import InboxFilter, inbox_ids
from desktop.models.store import open_store
from sync.client import CentralClient
from sync.credentials import MemoryCredentials
from sync.devserver.server import DevServer
from sync.engine import SyncEngine

SCHOOL = "4313900123"
PAGE = 1000


def floor_fetch(url: str, folder: Path) -> tuple[float, float, int]:
    """(seconds in all, seconds of the fetch alone, changes): the fetch is the server serving
    the whole feed, the rest is the least any client does with it."""
    token = requests.post(f"{url}/v1/oauth/token", data={
        "grant_type": "password", "username": "admin", "password": "demo"}, timeout=30).json()
    headers = {"Authorization": f"Bearer {token['access_token']}"}
    started = time.perf_counter()
    rows: list[tuple[str, str]] = []
    cursor = None
    with requests.Session() as http:
        while True:
            params: dict[str, object] = {"limit": PAGE}
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
    db = sqlite3.connect(folder / "floor.sqlite3")
    db.execute("CREATE TABLE changes (entity TEXT, body TEXT)")
    with db:
        db.executemany("INSERT INTO changes VALUES (?, ?)", rows)
    db.close()
    return time.perf_counter() - started, fetched, len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=20000)
    parser.add_argument("--decisions", type=int, default=1000)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp, DevServer(seed=args.applications) as server:
        folder = Path(tmp)
        seeded = server.seed_seconds
        floors, fetches = [], []
        for run in range(3):
            seconds, fetched, n_changes = floor_fetch(server.url, folder / f"floor{run}")
            floors.append(seconds)
            fetches.append(fetched)
        floor = statistics.median(floors)
        served = statistics.median(fetches)

        initials = []
        for run in range(3):  # each into a new, empty store; the last one is kept
            store = open_store(folder / f"client{run}")
            client = CentralClient(server.url, username="admin",
                                   credentials=MemoryCredentials())
            client.sign_in("demo")
            engine = SyncEngine(store, client, SCHOOL, page_size=PAGE)
            started = time.perf_counter()
            first = engine.sync_once()
            initials.append(time.perf_counter() - started)
            if run < 2:
                client.close()
                store.close()
        initial = statistics.median(initials)

        quiet = []
        for _ in range(7):
            started = time.perf_counter()
            engine.sync_once()
            quiet.append(time.perf_counter() - started)

        actor = Actor("admin", SCHOOL, StaffRole.ADMIN)
        open_ids = inbox_ids(store, InboxFilter(SCHOOL, statuses=frozenset(
            {ApplicationStatus.SUBMITTED})))[: args.decisions]
        for i, app_id in enumerate(open_ids):
            if i % 2:
                decisions.refuse(store, actor, app_id, "Ierīču skaits ir ierobežots; "
                                 "prioritāte sociāli atbalstāmajiem izglītojamajiem")
            else:
                decisions.defer(store, actor, app_id, "Gaidām jaunu piegādi pēc brīvlaika")
        queued = engine.pending_count()
        started = time.perf_counter()
        pushed = engine.push()
        drain = time.perf_counter() - started
        left = engine.pending_count()
        client.close()
        store.close()

    rows = [
        (f"devserver seeded with {args.applications:,} applications",
         f"{seeded:.2f} s" if seeded is not None else "-", "≤ 20 s",
         "yes" if seeded is not None and seeded <= 20 else "NO"),
        ("changes in the feed", f"{n_changes:,}", "", ""),
        ("  the feed served whole, bare fetch (median of 3)", f"{served:.2f} s", "≤ 4 s",
         "yes" if served <= 4 else "NO"),
        ("floor: bare fetch + json + executemany (median of 3)", f"{floor:.2f} s", "", ""),
        (f"initial sync of {args.applications:,} applications (median of 3)",
         f"{initial:.2f} s", "≤ 15 s",
         "yes" if initial <= 15 else "NO"),
        ("  ratio to the floor", f"{initial / floor:.2f}×", "≤ 3×",
         "yes" if initial / floor <= 3 else "NO"),
        ("  applied / pages", f"{first.pulled:,} / {first.pages}", "", ""),
        ("sync with no changes (median of 7)", f"{statistics.median(quiet) * 1000:.0f} ms",
         "≤ 150 ms", "yes" if statistics.median(quiet) <= 0.150 else "NO"),
        ("  worst of 7", f"{max(quiet) * 1000:.0f} ms", "", ""),
        (f"{queued:,} queued decisions drained", f"{drain:.2f} s", "≤ 10 s",
         "yes" if drain <= 10 and left == 0 else "NO"),
        ("  acknowledged / conflicts / left", f"{pushed.pushed} / {pushed.conflicts} / {left}",
         "", ""),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>12}  {'target':>9}  ok")
    print(f"{'-' * width}  {'-' * 12}  {'-' * 9}  --")
    for name, value, target, ok in rows:
        print(f"{name:<{width}}  {value:>12}  {target:>9}  {ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
