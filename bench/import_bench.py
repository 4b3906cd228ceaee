"""Inventory CSV import benchmark (issue 5: catalogue and inventory).

    python -m bench.import_bench [--rows 5000] [--runs 3]

Generates a CSV of Latvian inventory rows (Windows-1257, ``;``, as Excel in Latvia saves it),
then times the whole import (read, decode, sniff, validate every row, check duplicates, and
commit items + status history + audit + outbox in one transaction) into a fresh store; the
median of ``--runs``. The floor is the same file through a bare ``csv`` parse and one
``executemany`` into an empty SQLite table, measured in the same run, so the ratio says what
the checks and the journal rows cost on this machine.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from desktop.models.codes import StaffRole, TargetGroup
from desktop.models.inventory_csv import COLUMNS, import_file
from desktop.models.journal import Actor
from desktop.models.schema import Institution, OfferedKind, ResourceKind
from desktop.models.store import Store, open_store

SCHOOL = "4313900123"
TARGET_S = 5.0

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


def make_csv(rows: int, *, seed: int = 5) -> bytes:
    rnd = random.Random(seed)
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([lv for _n, lv, _en in COLUMNS])
    for n in range(1, rows + 1):
        kind, maker, model, value = rnd.choice(_MODELS)
        writer.writerow([
            f"RĀVĢ-{n:05d}", kind, f"{maker[:2].upper()}{rnd.randrange(10**9):09d}", maker,
            model, str(rnd.choice((2021, 2022, 2023, 2024, 2025))), value,
            "jā" if rnd.random() < 0.25 else "nē", rnd.choice(_PLACES), rnd.choice(_NOTES),
            rnd.choice(_STATUSES),
        ])
    return out.getvalue().encode("cp1257")


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


def time_import(csv_path: Path, work: Path, run: int) -> tuple[float, int]:
    store = fresh_store(work / f"store-{run}")
    actor = Actor("admin.bench", SCHOOL, StaffRole.ADMIN)
    try:
        started = time.perf_counter()
        preview, written = import_file(store, actor, csv_path)
        elapsed = time.perf_counter() - started
    finally:
        store.close()
    if not preview.ok:
        raise SystemExit(f"the generated file has bad rows: {preview.errors[:3]}")
    return elapsed, written


def time_floor(csv_path: Path, work: Path, run: int) -> float:
    db = sqlite3.connect(work / f"floor-{run}.sqlite3")
    db.execute(f"CREATE TABLE t ({', '.join(f'c{i} TEXT' for i in range(len(COLUMNS)))})")
    started = time.perf_counter()
    text = csv_path.read_bytes().decode("cp1257")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))[1:]
    with db:
        marks = ", ".join("?" for _ in COLUMNS)
        db.executemany(f"INSERT INTO t VALUES ({marks})", rows)  # noqa: S608 - only "?" marks
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="resursi-import-bench-") as tmp:
        work = Path(tmp)
        csv_path = work / "inventars.csv"
        csv_path.write_bytes(make_csv(args.rows))
        size = csv_path.stat().st_size
        imports, floors, written = [], [], 0
        for run in range(args.runs):
            elapsed, written = time_import(csv_path, work, run)
            imports.append(elapsed)
            floors.append(time_floor(csv_path, work, run))
    median, floor = statistics.median(imports), statistics.median(floors)
    print(f"Inventory CSV import: {args.rows} rows (Windows-1257, ';'), median of {args.runs}"
          f", {size:,} bytes")
    print()
    print(f"| {'figure':<44} | {'value':>9} | {'target':>8} | {'ratio':>7} |")
    print(f"|{'-' * 46}|{'-' * 11}|{'-' * 10}|{'-' * 9}|")
    print(f"| {'import incl. history, audit, outbox (s)':<44} | {median:>9.3f} | "
          f"{'≤ ' + format(TARGET_S, '.1f'):>8} | {median / TARGET_S:>7.2f} |")
    print(f"| {'floor: csv parse + one executemany (s)':<44} | {floor:>9.3f} | {'':>8} | "
          f"{median / floor:>6.1f}× |")
    print(f"| {'rows written':<44} | {written:>9} | {args.rows:>8} | {'':>7} |")
    print()
    print(f"runs (s): {', '.join(f'{t:.3f}' for t in imports)}; "
          f"{'PASS' if median <= TARGET_S and written == args.rows else 'FAIL'}")
    return 0 if median <= TARGET_S and written == args.rows else 1


if __name__ == "__main__":
    raise SystemExit(main())
