"""The catalogue's item list with and without its holders (issue 13).

    python -m bench.catalogue_bench [--applications 20000] [--runs 21]

Seeds a store (20,000 applications give a school of 5,000 items, about half of them out on
loan or reserved) and reads the whole list, as the Catalogue page does on showing it and after
every change, and a free-text search:

* ``catalogue`` — the list as the app reads it without holders: the ids
  (``catalogue.item_ids``), then the rows by id (``catalogue.item_rows``);
* ``custody`` — the list with each item's holder in the same statement
  (``custody.items``);
* ``custody by ids`` — ``custody.item_ids`` then ``custody.item_rows`` (the shape of the old
  wiring, for comparison).

Each figure is the median and the p95 of ``--runs`` runs after one warm-up run.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.seed import DEFAULT_INSTITUTION, seed
from desktop.models import catalogue, custody
from desktop.models.catalogue import ItemFilter
from desktop.models.store import open_store


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(len(ordered) * 0.95)) - 1)]


def _measure(fn: Callable[[], Sequence[object]], runs: int) -> tuple[float, float, int]:
    fn()
    times = []
    count = 0
    for _ in range(runs):
        started = time.perf_counter()
        count = len(fn())
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), _p95(times), count


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.catalogue_bench",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="an already seeded data folder (default: seed a new one)")
    args = parser.parse_args(argv)
    school = DEFAULT_INSTITUTION
    with tempfile.TemporaryDirectory(prefix="resursi-catalogue-bench-") as folder:
        data = args.data_dir or Path(folder) / "data"
        if args.data_dir is None:
            seed(data, args.applications)
        store = open_store(data)
        held = sum(1 for r in custody.items(store, school) if r.holder is not None)
        cases: list[tuple[str, Callable[[], Sequence[object]]]] = [
            ("catalogue", lambda: catalogue.item_rows(
                store, catalogue.item_ids(store, school))),
            ("custody", lambda: custody.items(store, school)),
            ("custody by ids", lambda: custody.item_rows(
                store, custody.item_ids(store, school))),
            ("catalogue search", lambda: catalogue.item_rows(
                store, catalogue.item_ids(store, school, ItemFilter(text="lenovo")))),
            ("custody search", lambda: custody.items(store, school,
                                                     ItemFilter(text="lenovo"))),
        ]
        print(f"{held:,} of the school's items are held by someone")
        print(f"{'list':<18} {'rows':>6} {'median':>9} {'p95':>9}")
        for name, fn in cases:
            median, p95, rows = _measure(fn, args.runs)
            print(f"{name:<18} {rows:>6,} {median:>7.1f}ms {p95:>7.1f}ms")
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
