"""`resursi inventory import/export`, through the parser the command line builds."""

from __future__ import annotations

import argparse
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.cli_inventory import add_inventory_parser
from desktop.models.schema import AuditEntry, Item, OutboxCommand
from desktop.models.store import Store
from desktop.models.store_key import open_for_command
from factories import add_item, seed_catalogue
from sync.devserver.server import DevServer

# The commands open the data folder as a scheduled task would: no keyring, RESURSI_PASSPHRASE.
pytestmark = pytest.mark.usefixtures("headless_passphrase")

HEADER = "Inventāra numurs;Resursa veids;Sērijas numurs;Gads;Iegādes vērtība;Statuss"


def resursi(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="resursi")
    add_inventory_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    return int(args.func(args))


@pytest.fixture(scope="module")
def central() -> Iterator[DevServer]:
    """The reference service on a free loopback port: admin, reviewer, desk (password demo)."""
    with DevServer(seed=0) as srv:
        yield srv


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESURSI_PASSWORD", "demo")
    for var in ("RESURSI_SERVER", "RESURSI_USER"):
        monkeypatch.delenv(var, raising=False)


def as_user(central: DevServer, user: str) -> tuple[str, ...]:
    return ("--server", central.url, "--user", user)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "dati"
    store = open_for_command(data)
    seed_catalogue(store)  # two schools: the commands must be told which
    add_item(store, inventory_no="RĀVĢ-0001")
    store.close()
    return data


def item_count(folder: Path) -> int:
    store: Store = open_for_command(folder)
    try:
        with store.read() as s:
            return int(s.scalar(select(func.count()).select_from(Item)) or 0)
    finally:
        store.close()


def written(folder: Path) -> tuple[int, int, int]:
    """Items, queued commands and audit rows: what an import would add to."""
    store: Store = open_for_command(folder)
    try:
        with store.read() as s:
            items, queued, audited = (int(s.scalar(select(func.count()).select_from(t)) or 0)
                                      for t in (Item, OutboxCommand, AuditEntry))
        return items, queued, audited
    finally:
        store.close()


def write(tmp_path: Path, *rows: str, encoding: str = "cp1257") -> Path:
    path = tmp_path / "inventārs.csv"
    path.write_bytes("\r\n".join((HEADER, *rows)).encode(encoding))
    return path


def test_bad_rows_exit_1_with_the_row_report_and_nothing_imported(
        central: DevServer, folder: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "RĀVĢ-0002;tablet;R9W1;2024;219;Pieejams",
                 "RĀVĢ-0001;tablet;R9W2;2024;219;",
                 "RĀVĢ-0003;planšete;R9W3;pērn;219;")
    code = resursi("inventory", "import", str(path), "--data-dir", str(folder),
                   "--institution", "4313900123", *as_user(central, "admin"))
    out, err = capsys.readouterr()
    assert code == 1
    assert out.splitlines() == [
        "rinda / row 3, Inventāra numurs / Inventory number: inventāra numurs RĀVĢ-0001 šajā "
        "iestādē jau ir izmantots / the inventory number RĀVĢ-0001 is already used at this "
        "school",
        "rinda / row 4, Resursa veids / Resource kind: nezināms resursa veids „planšete“ / "
        "unknown resource kind “planšete”",
        "rinda / row 4, Gads / Year: jābūt veselam skaitlim / Input should be a valid integer, "
        "unable to parse string as an integer",
    ]
    assert err == "resursi inventory import: 2 bad row(s) of 3; nothing was imported\n"
    assert item_count(folder) == 1


def test_dry_run_then_import_then_export(central: DevServer, folder: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "RĀVĢ-0002;Planšetdators;R9W1;2024;219,00;Pieejams",
                 "RĀVĢ-0003;windows_laptop;PF4X;2023;649,99;")
    base = ("--data-dir", str(folder), "--institution", "4313900123")
    assert resursi("inventory", "import", str(path), "--dry-run", *base) == 0
    assert "all can be imported; dry run" in capsys.readouterr().out
    assert item_count(folder) == 1
    assert resursi("inventory", "import", str(path), *base, *as_user(central, "admin")) == 0
    out = capsys.readouterr().out
    assert out.startswith("imported 2 items from 2 rows (Windows-1257, ';')")
    assert item_count(folder) == 3
    store = open_for_command(folder)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxCommand)) == 2
        # The audit rows name the user who signed in, with the role the token gave.
        assert set(s.scalars(select(AuditEntry.actor))) == {"admin"}
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


def test_one_line_failures(central: DevServer, folder: Path, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "RĀVĢ-0002;tablet;R9W1;2024;219;")
    assert resursi("inventory", "import", str(path), "--data-dir", str(folder),
                   *as_user(central, "admin")) == 1
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


def assert_refused(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("resursi inventory import: "), err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err
    return err


def test_a_reviewer_cannot_import_the_catalogue(central: DevServer, folder: Path,
                                                tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "RĀVĢ-0002;tablet;R9W1;2024;219;Pieejams")
    before = written(folder)
    assert resursi("inventory", "import", str(path), "--data-dir", str(folder),
                   "--institution", "4313900123", *as_user(central, "reviewer")) == 1
    assert_refused(capsys, "reviewer may not import the inventory at 4313900123",
                   "nothing was imported", "labot katalogu")
    assert written(folder) == before


def test_a_school_where_the_user_has_no_role_is_refused(
        central: DevServer, folder: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "RĀVĢ-0002;tablet;R9W1;2024;219;")
    before = written(folder)
    assert resursi("inventory", "import", str(path), "--data-dir", str(folder),
                   "--institution", "4313900999", *as_user(central, "desk")) == 1
    assert_refused(capsys, "desk has no role at 4313900999")
    assert written(folder) == before


def test_a_wrong_password_is_refused_with_a_message(
        central: DevServer, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("RESURSI_PASSWORD", "nepareizā-parole")
    path = write(tmp_path, "RĀVĢ-0002;tablet;R9W1;2024;219;")
    before = written(folder)
    assert resursi("inventory", "import", str(path), "--data-dir", str(folder),
                   "--institution", "4313900123", *as_user(central, "admin")) == 1
    err = assert_refused(capsys, "cannot sign in as admin", "user name or password is wrong")
    assert "nepareizā-parole" not in err
    assert written(folder) == before


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(("setup", "words"), [
    ("no password", ("no password for admin", "RESURSI_PASSWORD")),
    ("no server", ("give --server", "RESURSI_SERVER")),
    ("offline", ("does not work offline", "nothing was changed")),
])
def test_without_a_sign_in_nothing_is_imported(
        central: DevServer, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], setup: str, words: tuple[str, ...]) -> None:
    server = central.url
    if setup == "no password":
        monkeypatch.delenv("RESURSI_PASSWORD")
    elif setup == "offline":
        server = f"http://127.0.0.1:{closed_port()}"
    path = write(tmp_path, "RĀVĢ-0002;tablet;R9W1;2024;219;")
    before = written(folder)
    server_args = () if setup == "no server" else ("--server", server)
    assert resursi("inventory", "import", str(path), "--data-dir", str(folder),
                   "--institution", "4313900123", "--user", "admin", *server_args) == 1
    assert_refused(capsys, *words)
    assert written(folder) == before


def test_the_user_may_come_from_the_environment(
        central: DevServer, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("RESURSI_SERVER", central.url)
    monkeypatch.setenv("RESURSI_USER", "admin")
    path = write(tmp_path, "RĀVĢ-0002;Planšetdators;R9W1;2024;219;")
    assert resursi("inventory", "import", str(path), "--data-dir", str(folder),
                   "--institution", "4313900123") == 0, capsys.readouterr().err
