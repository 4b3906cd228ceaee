"""Fill a local store with a large, realistic, deterministic data set for benchmarks.

    python -m bench.seed --applications 100000 --data-dir D [--seed S] [--institution ID]

The data set itself is made by ``sync.devserver.sample_data`` (the devserver seeds itself with
it, and ``sync`` never imports ``bench``); this module is its command line, and keeps the names
that benchmarks, tools and tests import from ``bench.seed``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from desktop.models.store import StoreError
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
    args = parser.parse_args(argv)
    if args.applications < 0:
        parser.error("--applications cannot be negative")
    started = time.perf_counter()
    try:
        counts = seed(args.data_dir, args.applications, rng_seed=args.seed,
                      institution_id=args.institution)
    except (SeedError, StoreError) as exc:
        print(f"bench.seed: {exc}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    print(_table(counts))
    print(f"seeded {args.data_dir} in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
