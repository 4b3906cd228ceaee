"""Fill a local store with a large, realistic, deterministic data set for benchmarks.

    python -m bench.seed --applications 100000 --data-dir D [--seed S] [--institution ID] [--plain]

The data set itself is made by ``sync.devserver.sample_data`` (the devserver seeds itself with
it, and ``sync`` never imports ``bench``); this module is its command line, and keeps the names
that benchmarks, tools and tests import from ``bench.seed``.

The seeded data folder is encrypted like any data folder: its key comes from the OS keyring,
or from the passphrase in RESURSI_PASSPHRASE where there is no keyring
(``desktop.models.store_key``). ``--plain`` leaves it unencrypted (the benches' "encryption
off" column). The rows are written into a plain store first (``sample_data.seed`` opens its
store without a key) and the folder is then moved under its key as the app moves an old plain
folder: the plain file is overwritten and removed. The ``seed`` function itself stays plain,
for the tests and tools that build stores with it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from desktop.models import store_key
from desktop.models.store import DB_FILENAME, Store, StoreError, is_plain_sqlite, open_store
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
    "OTHER_INSTITUTION",
    "SeedError",
    "StoreNotEmptyError",
    "main",
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
    plain = is_plain_sqlite(path)
    store = open_store(folder) if plain else store_key.open_for_command(folder)
    try:
        used = _has_data(store)
    finally:
        store.close()
    if used:
        raise StoreNotEmptyError(
            f"the store in {folder} already has data; "
            "seed only into an empty data folder (pick a new --data-dir)")
    if not plain:
        raise SeedError(
            f"the data folder {folder} is already encrypted; the sample data is written before "
            "a folder is encrypted, so seed into a new, empty data folder (pick a new --data-dir)")


def seed_encrypted(data_dir: Path, applications: int, *, rng_seed: int = 1,
                   institution_id: str = DEFAULT_INSTITUTION) -> dict[str, int]:
    """``seed``, then the folder moved under its key (the keyring's or RESURSI_PASSPHRASE's).

    The key is settled before the data is made: without a keyring or a passphrase nothing is
    written (minutes of seeding are not spent on a folder that cannot be encrypted)."""
    folder = Path(data_dir)
    _refuse_used_folder(folder)
    store_key.unlock(folder, secrets=store_key.default_secrets(), ask=store_key.env_passphrase)
    counts = seed(folder, applications, rng_seed=rng_seed, institution_id=institution_id)
    store_key.open_for_command(folder).close()  # opening it with its key seals the plain file
    return counts


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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
