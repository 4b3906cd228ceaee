"""Inventory CSV import benchmark (issues 5 and 14): time and peak memory.

    python -m bench.import_bench [--rows 1000000] [--encoding cp1257|utf-16]

Generates a CSV of Latvian inventory rows (Windows-1257, ``;``, as Excel in Latvia saves it),
then measures, each in a fresh child process so that its peak resident memory is its own:

* ``import`` — the whole import (survey, decode, sniff, validate every row, check duplicates
  folded as a scanner reads them, then read the file again and commit items + status history
  + audit + outbox in batches inside one transaction) into a fresh store;
* ``dry run`` — the preview alone (what ``--dry-run`` and the import dialog do);
* ``import of a tenth`` — the same import on the first tenth of the rows: memory that stays
  flat in the file's size gives a ratio near 1;
* the floors, in the same run: the same file through a bare streamed ``csv`` parse and one
  ``executemany`` into an empty SQLite table (time), and a process that loads the same
  modules and opens the same store, and reads nothing (memory).

The target is a peak of at most 200 MB for the whole import.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from desktop.models.codes import StaffRole, TargetGroup
from desktop.models.inventory_csv import COLUMNS, import_file, preview_file
from desktop.models.journal import Actor
from desktop.models.schema import Institution, OfferedKind, ResourceKind
from desktop.models.store import Store, open_store

SCHOOL = "4313900123"
TARGET_MB = 200.0

_MODELS = (
    ("windows_laptop", "Lenovo", "ThinkPad E14 Gen 5", "649,99"),
    ("windows_laptop", "HP", "ProBook 450 G10", "712,00"),
    ("windows_laptop", "Dell", "Latitude 3540", "689,50"),
    ("chromebook_laptop", "Acer", "Chromebook Spin 511", "329,00"),
    ("chromebook_laptop", "ASUS", "Chromebook CR1100", "289,90"),
    ("tablet", "Samsung", "Galaxy Tab A9+", "219,00"),
)
_PLACES = ("Kabinets 214", "Bibliotēka, skapis Nr. 3", "Informātikas kabinets 108",
           "Direktora vietnieka kabinets", "Noliktava (pagrabstāvs)", "Skolotāju istaba")
_NOTES = ("", "", "", "Jauns lādētājs", "Skrāpējums uz vāka", "Nomainīta tastatūra",
          "Ar somu un peli", "Garantija līdz 2027. gada jūnijam")
_STATUSES = ("Pieejams", "Pieejams", "Pieejams", "Jauns", "Rezervē", "Apkopē")


def write_csv(path: Path, rows: int, *, encoding: str = "cp1257", seed: int = 5) -> None:
    """``rows`` rows written as they are made (a million rows never sit in memory)."""
    rnd = random.Random(seed)
    with path.open("w", encoding=encoding, newline="") as out:
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow([lv for _n, lv, _en in COLUMNS])
        for n in range(1, rows + 1):
            kind, maker, model, value = rnd.choice(_MODELS)
            writer.writerow([
                f"RĀVĢ-{n:07d}", kind, f"{maker[:2].upper()}{rnd.randrange(10**9):09d}",
                maker, model, str(rnd.choice((2021, 2022, 2023, 2024, 2025))), value,
                "jā" if rnd.random() < 0.25 else "nē", rnd.choice(_PLACES),
                rnd.choice(_NOTES), rnd.choice(_STATUSES),
            ])


def make_csv(rows: int, *, seed: int = 5) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "inventars.csv"
        write_csv(path, rows, seed=seed)
        return path.read_bytes()


def fresh_store(folder: Path) -> Store:
    store = open_store(folder)
    with store.write() as s:
        s.add(Institution(id=SCHOOL, name="Rīgas Āgenskalna Valsts ģimnāzija"))
        s.add_all([
            ResourceKind(code="windows_laptop", type_code="computer",
                         label_lv="Windows portatīvais dators", label_en="Windows laptop"),
            ResourceKind(code="chromebook_laptop", type_code="computer",
                         label_lv="Chromebook portatīvais dators", label_en="Chromebook"),
            ResourceKind(code="tablet", type_code="tablet", label_lv="Planšetdators",
                         label_en="Tablet"),
        ])
        s.flush()
        s.add_all([OfferedKind(institution_id=SCHOOL, kind_code=k, target_group=TargetGroup.ALL)
                   for k in ("windows_laptop", "chromebook_laptop", "tablet")])
    return store


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def child(mode: str, csv_path: Path, work: Path, encoding: str) -> dict[str, float]:
    """One measurement in this (child) process: seconds, rows, peak MB."""
    if mode == "floor":
        db = sqlite3.connect(work / "floor.sqlite3")
        db.execute(f"CREATE TABLE t ({', '.join(f'c{i} TEXT' for i in range(len(COLUMNS)))})")
        started = time.perf_counter()
        with csv_path.open(encoding=encoding, newline="") as f, db:
            reader = csv.reader(f, delimiter=";")
            next(reader)
            marks = ", ".join("?" for _ in COLUMNS)
            db.executemany(f"INSERT INTO t VALUES ({marks})", reader)  # noqa: S608 - "?" only
        elapsed = time.perf_counter() - started
        written = db.execute("SELECT count(*) FROM t").fetchone()[0]
        db.close()
        return {"seconds": elapsed, "rows": written, "peak_mb": _peak_mb()}
    store = fresh_store(work / "store")
    actor = Actor("admin.bench", SCHOOL, StaffRole.ADMIN)
    try:
        started = time.perf_counter()
        if mode == "idle":
            written = 0
        elif mode == "dry":
            preview = preview_file(store, SCHOOL, csv_path)
            written = preview.row_count if preview.ok else -1
        else:
            preview, written = import_file(store, actor, csv_path)
            if not preview.ok:
                written = -1
        elapsed = time.perf_counter() - started
    finally:
        store.close()
    return {"seconds": elapsed, "rows": written, "peak_mb": _peak_mb()}


def measure(mode: str, csv_path: Path, folder: Path, encoding: str) -> dict[str, float]:
    folder.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "bench.import_bench", "--child", mode, str(csv_path),
         str(folder), encoding], check=True, capture_output=True, text=True,
        cwd=Path(__file__).resolve().parent.parent)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _row(figure: str, value: str, target: str = "", ratio: str = "") -> str:
    return f"| {figure:<44} | {value:>10} | {target:>9} | {ratio:>9} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--encoding", default="cp1257", choices=("cp1257", "utf-8", "utf-16"))
    parser.add_argument("--child", nargs=4, metavar=("MODE", "CSV", "WORK", "ENCODING"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, csv_path, work, encoding = args.child
        print(json.dumps(child(mode, Path(csv_path), Path(work), encoding)))
        return 0
    tenth_rows = max(1, args.rows // 10)
    with tempfile.TemporaryDirectory(prefix="resursi-import-bench-") as tmp:
        work = Path(tmp)
        csv_path, tenth_path = work / "inventars.csv", work / "desmitdala.csv"
        write_csv(csv_path, args.rows, encoding=args.encoding)
        write_csv(tenth_path, tenth_rows, encoding=args.encoding)
        size = csv_path.stat().st_size
        idle = measure("idle", csv_path, work / "idle", args.encoding)
        floor = measure("floor", csv_path, work / "floor", args.encoding)
        dry = measure("dry", csv_path, work / "dry", args.encoding)
        tenth = measure("import", tenth_path, work / "tenth", args.encoding)
        full = measure("import", csv_path, work / "full", args.encoding)
    ok = (full["rows"] == args.rows and dry["rows"] == args.rows
          and full["peak_mb"] <= TARGET_MB)
    print(f"Inventory CSV import: {args.rows:,} rows ({args.encoding}, ';'), {size:,} bytes; "
          "each figure from its own process")
    print()
    print(_row("figure", "value", "target", "ratio"))
    print(f"|{'-' * 46}|{'-' * 12}|{'-' * 11}|{'-' * 11}|")
    print(_row("import: time (s)", f"{full['seconds']:.1f}", "",
               f"{full['seconds'] / floor['seconds']:.1f}× floor"))
    print(_row("import: peak memory (MB)", f"{full['peak_mb']:.0f}", f"≤ {TARGET_MB:.0f}",
               f"{full['peak_mb'] / TARGET_MB:.2f}"))
    print(_row("dry run (preview only): time (s)", f"{dry['seconds']:.1f}", "",
               f"{dry['seconds'] / floor['seconds']:.1f}× floor"))
    print(_row("dry run: peak memory (MB)", f"{dry['peak_mb']:.0f}", f"≤ {TARGET_MB:.0f}",
               f"{dry['peak_mb'] / TARGET_MB:.2f}"))
    print(_row(f"import of a tenth ({tenth_rows:,} rows): peak (MB)",
               f"{tenth['peak_mb']:.0f}", "",
               f"{full['peak_mb'] / tenth['peak_mb']:.2f}× →full"))
    print(_row("floor: streamed csv + executemany (s)", f"{floor['seconds']:.1f}", "", ""))
    print(_row("floor: same modules, store open (MB)", f"{idle['peak_mb']:.0f}", "",
               f"{full['peak_mb'] / idle['peak_mb']:.2f}× →full"))
    print(_row("rows written", f"{full['rows']:,}", f"{args.rows:,}", ""))
    print()
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
