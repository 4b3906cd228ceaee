"""`resursi inventory import/export`, through the parser the command line builds."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.cli_inventory import add_inventory_parser
from desktop.models.schema import AuditEntry, Item, OutboxCommand
from desktop.models.store import Store, open_store
from factories import add_item, seed_catalogue

HEADER = "Inventāra numurs;Resursa veids;Sērijas numurs;Gads;Iegādes vērtība;Statuss"


def resursi(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="resursi")
    add_inventory_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    return int(args.func(args))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "dati"
    store = open_store(data)
    seed_catalogue(store)  # two schools: the commands must be told which
    add_item(store, inventory_no="RĀVĢ-0001")
    store.close()
    return data


def item_count(folder: Path) -> int:
    store: Store = open_store(folder)
    try:
        with store.read() as s:
            return int(s.scalar(select(func.count()).select_from(Item)) or 0)
    finally:
        store.close()


def write(tmp_path: Path, *rows: str, encoding: str = "cp1257") -> Path:
    path = tmp_path / "inventārs.csv"
    path.write_bytes("\r\n".join((HEADER, *rows)).encode(encoding))
    return path


def test_bad_rows_exit_1_with_the_row_report_and_nothing_imported(
        folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "RĀVĢ-0002;tablet;R9W1;2024;219;Pieejams",
                 "RĀVĢ-0001;tablet;R9W2;2024;219;",
                 "RĀVĢ-0003;planšete;R9W3;pērn;219;")
    code = resursi("inventory", "import", str(path), "--data-dir", str(folder),
                   "--institution", "4313900123")
    out, err = capsys.readouterr()
    assert code == 1
    assert out.splitlines() == [
        "rinda / row 3, Inventāra numurs / Inventory number: inventāra numurs RĀVĢ-0001 šajā "
        "iestādē jau ir izmantots / the inventory number RĀVĢ-0001 is already used at this "
        "school",
        "rinda / row 4, Resursa veids / Resource kind: nezināms resursa veids “planšete” / "
        "unknown resource kind “planšete”",
        "rinda / row 4, Gads / Year: jābūt veselam skaitlim / Input should be a valid integer, "
        "unable to parse string as an integer",
    ]
    assert err == "resursi inventory import: 2 bad row(s) of 3; nothing was imported\n"
    assert item_count(folder) == 1


def test_dry_run_then_import_then_export(folder: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "RĀVĢ-0002;Planšetdators;R9W1;2024;219,00;Pieejams",
                 "RĀVĢ-0003;windows_laptop;PF4X;2023;649,99;")
    base = ("--data-dir", str(folder), "--institution", "4313900123")
    assert resursi("inventory", "import", str(path), "--dry-run", *base) == 0
    assert "all can be imported; dry run" in capsys.readouterr().out
    assert item_count(folder) == 1
    assert resursi("inventory", "import", str(path), *base, "--user", "it.admin") == 0
    out = capsys.readouterr().out
    assert out.startswith("imported 2 items from 2 rows (Windows-1257, ';')")
    assert item_count(folder) == 3
    store = open_store(folder)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxCommand)) == 2
        assert set(s.scalars(select(AuditEntry.actor))) == {"it.admin"}
    store.close()

    target = tmp_path / "eksports.csv"
    assert resursi("inventory", "export", "-o", str(target), *base) == 0
    assert capsys.readouterr().out == f"exported 3 items to {target}\n"
    lines = target.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Inventāra numurs;Resursa veids;")
    assert [line.split(";")[0] for line in lines[1:]] == ["RĀVĢ-0001", "RĀVĢ-0002", "RĀVĢ-0003"]


def test_export_to_standard_output(folder: Path, capsysbinary: pytest.CaptureFixture[bytes]
                                   ) -> None:
    assert resursi("inventory", "export", "--data-dir", str(folder),
                   "--institution", "4313900123") == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"\xef\xbb\xbf") and "RĀVĢ-0001".encode() in out


def test_one_line_failures(folder: Path, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "RĀVĢ-0002;tablet;R9W1;2024;219;")
    assert resursi("inventory", "import", str(path), "--data-dir", str(folder)) == 1
    assert capsys.readouterr().err == (
        "resursi inventory import: choose the school with --institution "
        "(4313900123, 4313900999)\n")
    assert resursi("inventory", "import", str(tmp_path / "nav.csv"),
                   "--data-dir", str(folder)) == 1
    assert "no such file" in capsys.readouterr().err
    empty = tmp_path / "tukša"
    assert resursi("inventory", "export", "--data-dir", str(empty)) == 1
    err = capsys.readouterr().err
    assert err.startswith("resursi inventory export: no Resursi data in") and err[-1] == "\n"
    assert not empty.exists()
