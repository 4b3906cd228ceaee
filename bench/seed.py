"""Fill a local store with a large, realistic, deterministic data set for benchmarks.

    python -m bench.seed --applications 100000 --data-dir D [--seed S] [--institution ID] [--plain]

The data set itself is made by ``sync.devserver.sample_data`` (the devserver seeds itself with
it, and ``sync`` never imports ``bench``); this module is its command line, and keeps the names
that benchmarks, tools and tests import from ``bench.seed``.

The seeded data folder is encrypted like any data folder: its key comes from the OS keyring,
or from the passphrase in RESURSI_PASSPHRASE where there is no keyring
(``desktop.models.store_key``). The key is made first and the rows are written encrypted from
the store's first page (``seed(..., key=...)``): no plain file with children's names is ever
written, and there is no second full copy to make. ``--plain`` leaves it unencrypted (the
benches' "encryption off" column).

At the end it prints the time, the rows per second, and a floor measured in the same run: the
same number of bare rows written with one ``executemany`` into one table of a new store, with
the same key and pragmas, so that a slower (or busier) machine moves both.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.models import store_key
from desktop.models.store import (
    DB_FILENAME,
    Store,
    StoreError,
    connect,
    is_plain_sqlite,
    open_store,
)
from sync.devserver.sample_data import (
    DEFAULT_INSTITUTION,
    NOW,
    OTHER_INSTITUTION,
    SeedError,
    StoreNotEmptyError,
    seed,
)

__all__ = [
    "DEFAULT_INSTITUTION",
    "NOW",
    "Floor",
    "OTHER_INSTITUTION",
    "SeedError",
    "StoreNotEmptyError",
    "main",
    "measure_floor",
    "report",
    "seed",
    "seed_encrypted",
]

# The tables ``sample_data.seed`` asks about before it writes anything.
_DATA_TABLES = ("institutions", "resource_kinds", "staff_users", "items", "applications")


def _has_data(store: Store) -> bool:
    with store.engine.connect() as conn:
        return any(
            conn.exec_driver_sql(f"SELECT EXISTS (SELECT 1 FROM {table})").scalar()  # noqa: S608
            for table in _DATA_TABLES
        )


def _refuse_used_folder(folder: Path) -> None:
    """Refuse a folder whose store holds data before a key is made for it (a key made for a
    folder that is then refused would move its plain store under that key at its next open)."""
    path = folder / DB_FILENAME
    if not path.exists() or not path.stat().st_size:
        return  # a new folder (a key already described beside it is checked by ``unlock``)
    store = open_store(folder) if is_plain_sqlite(path) else store_key.open_for_command(folder)
    try:
        used = _has_data(store)
    finally:
        store.close()
    if used:
        raise StoreNotEmptyError(
            f"the store in {folder} already has data; "
            "seed only into an empty data folder (pick a new --data-dir)")


def seed_encrypted(data_dir: Path, applications: int, *, rng_seed: int = 1,
                   institution_id: str = DEFAULT_INSTITUTION) -> dict[str, int]:
    """``seed`` into an encrypted store, under the folder's key (the keyring's or
    RESURSI_PASSPHRASE's).

    The key is settled before the data is made: without a keyring or a passphrase nothing is
    written. The rows are written encrypted: no plain copy of them ever reaches the disk."""
    folder = Path(data_dir)
    _refuse_used_folder(folder)
    key = store_key.unlock(folder, secrets=store_key.default_secrets(),
                           ask=store_key.env_passphrase)
    return seed(folder, applications, rng_seed=rng_seed, institution_id=institution_id, key=key)


@dataclass(frozen=True)
class Floor:
    rows: int
    seconds: float


def measure_floor(rows: int, *, encrypted: bool) -> Floor:
    """The time to write ``rows`` bare rows with one ``executemany`` into one table of a new
    store (encrypted with a throw-away key when ``encrypted``), as the seeder writes: one
    transaction, no syncing, the rollback journal in memory."""
    with tempfile.TemporaryDirectory(prefix="resursi-floor-") as tmp:
        conn = connect(Path(tmp) / DB_FILENAME, os.urandom(32) if encrypted else None)
        try:
            conn.isolation_level = None
            conn.execute("PRAGMA journal_mode = MEMORY")
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute("PRAGMA cache_size = -262144")
            conn.execute("CREATE TABLE floor (id INTEGER PRIMARY KEY, n INTEGER, label TEXT)")
            started = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("INSERT INTO floor VALUES (?, ?, ?)",
                             ((i, i * 7, "Bērziņa") for i in range(1, rows + 1)))
            conn.execute("COMMIT")
            return Floor(rows, time.perf_counter() - started)
        finally:
            conn.close()


def report(counts: dict[str, int], seconds: float, floor: Floor) -> list[str]:
    """The closing lines: the time, rows per second, and the floor beside it."""
    rows = sum(counts.values())
    per_second = rows / seconds if seconds > 0 else 0.0
    floor_rate = floor.rows / floor.seconds if floor.seconds > 0 else 0.0
    ratio = seconds / floor.seconds if floor.seconds > 0 else 0.0
    return [
        f"rows:  {rows:,} in {seconds:.2f} s ({per_second:,.0f} rows/s; "
        f"{counts.get('applications', 0):,} applications; issue 17 target <= 5 s)",
        f"floor: {floor.rows:,} bare rows, one executemany into one table, in "
        f"{floor.seconds:.2f} s ({floor_rate:,.0f} rows/s); seeding took {ratio:.1f}x the floor",
    ]


def _table(counts: dict[str, int]) -> str:
    width = max(len(name) for name in counts)
    lines = [f"{'table':<{width}}  {'rows':>9}", f"{'-' * width}  {'-' * 9}"]
    lines += [f"{name:<{width}}  {n:>9,}" for name, n in counts.items()]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.seed",
        description="Fill an empty local Resursi store with a realistic data set.",
    )
    parser.add_argument("--applications", type=int, required=True, metavar="N",
                        help="how many applications (items: about one per four)")
    parser.add_argument("--data-dir", type=Path, required=True, metavar="D",
                        help="the data folder; created if missing, must hold no data")
    parser.add_argument("--seed", type=int, default=1, metavar="S",
                        help="random seed; the same seed gives the same data (default 1)")
    parser.add_argument("--institution", default=DEFAULT_INSTITUTION, metavar="ID",
                        help=f"the school's registration number (default {DEFAULT_INSTITUTION})")
    parser.add_argument("--plain", action="store_true",
                        help="leave the data folder unencrypted (by default it is encrypted with "
                             f"a key in the OS keyring, or from {store_key.PASSPHRASE_ENV})")
    args = parser.parse_args(argv)
    if args.applications < 0:
        parser.error("--applications cannot be negative")
    fill = seed if args.plain else seed_encrypted
    started = time.perf_counter()
    try:
        counts = fill(args.data_dir, args.applications, rng_seed=args.seed,
                      institution_id=args.institution)
    except (SeedError, StoreError) as exc:
        print(f"bench.seed: {exc}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    print(_table(counts))
    how = "unencrypted" if args.plain else "encrypted"
    print(f"seeded {args.data_dir} ({how}) in {elapsed:.2f} s")
    floor = measure_floor(sum(counts.values()), encrypted=not args.plain)
    for line in report(counts, elapsed, floor):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
