"""`resursi export …`: files written, audited, and one-line failures."""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli_export import add_export_parser
from desktop.models.audit_queries import EXPORT_ACTION, AuditFilter, audit_page
from desktop.models.store_key import open_for_command
from factories import OTHER_SCHOOL, SCHOOL, add_application, seed_catalogue
from sync.devserver.server import DevServer

# The commands open the data folder as a scheduled task would: no keyring, RESURSI_PASSPHRASE.
pytestmark = pytest.mark.usefixtures("headless_passphrase")


@pytest.fixture(scope="module")
def central() -> Iterator[DevServer]:
    """The reference service on a free loopback port: admin, reviewer, desk (password demo)."""
    with DevServer(seed=0) as srv:
        yield srv


@pytest.fixture(autouse=True)
def _signed_in(central: DevServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every run signs in as admin unless a test says otherwise (the environment's way)."""
    monkeypatch.setenv("RESURSI_PASSWORD", "demo")
    monkeypatch.setenv("RESURSI_SERVER", central.url)
    monkeypatch.setenv("RESURSI_USER", "admin")


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="resursi")
    add_export_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return int(args.func(args))


def _exports(folder: Path) -> list[object]:
    store = open_for_command(folder)
    try:
        return list(audit_page(store, AuditFilter(action=EXPORT_ACTION), 0, 5).rows)
    finally:
        store.close()


@pytest.fixture
def folder(data_dir: Path) -> Path:
    store = open_for_command(data_dir)
    try:
        seed_catalogue(store)
        add_application(store, learner="Ēriks Šņore")
        add_application(store, kind="chromebook_laptop")
    finally:
        store.close()
    return data_dir


def test_csv_to_a_file_is_written_and_audited(folder: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pieteikumi.csv"
    assert _run(["export", "applications", "--format", "csv", "--data-dir", str(folder),
                 "-o", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Resursa veids" and rows[-1] == ["Kopā", "2", "0", "0", "2"]
    assert "written to" in capsys.readouterr().out
    store = open_for_command(folder)
    try:
        exported = audit_page(store, AuditFilter(action=EXPORT_ACTION), 0, 5).rows
    finally:
        store.close()
    assert len(exported) == 1
    assert exported[0].actor == "admin"  # the signed-in user, not the OS login
    assert (exported[0].entity_type, exported[0].entity_id) == ("report", "applications")
    assert exported[0].details == {"format": "csv", "rows": 3}


def test_pdf_goes_to_a_dated_file_by_default(folder: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert _run(["export", "items", "--format", "pdf", "--data-dir", str(folder),
                 "--today", "2026-11-20"]) == 0
    pdf = tmp_path / "resursi-items-2026-11-20.pdf"
    text = PdfReader(pdf).pages[0].extract_text()
    assert "Resursi pa statusiem" in text and "Rīgas Āgenskalna Valsts ģimnāzija" in text


def test_csv_goes_to_standard_output_by_default(folder: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c",
         "import argparse, sys; from desktop.cli_export import add_export_parser;"
         "p = argparse.ArgumentParser(); add_export_parser(p.add_subparsers());"
         "a = p.parse_args(sys.argv[1:]); sys.exit(a.func(a))",
         "export", "overdue", "--format", "csv", "--data-dir", str(folder)],
        capture_output=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8-sig").startswith("Pieteikums;Izglītojamais;")
    assert done.stderr == b""


@pytest.mark.parametrize(("argv", "says"), [
    (["--format", "pdf", "-o", "-"], "cannot go to standard output"),
    (["--format", "csv", "-o", "/nonexistent/dir/x.csv"], "cannot write /nonexistent/dir/x.csv"),
])
def test_failures_are_one_line(folder: Path, argv: list[str], says: str,
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["export", "items", "--data-dir", str(folder), *argv]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err and "Traceback" not in err


def test_a_folder_without_data_is_not_turned_into_a_store(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    empty = tmp_path / "tukša"
    empty.mkdir()
    assert _run(["export", "items", "--format", "csv", "--data-dir", str(empty)]) == 1
    assert "no Resursi data in" in capsys.readouterr().err
    assert list(empty.iterdir()) == []


def test_an_unknown_report_is_refused_by_the_parser(folder: Path) -> None:
    with pytest.raises(SystemExit) as err:
        _run(["export", "learners", "--format", "csv", "--data-dir", str(folder)])
    assert err.value.code == 2


def test_school_named_in_the_store_is_the_default(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    assert _run(["export", "applications", "--format", "csv", "--data-dir", str(folder),
                 "--institution", SCHOOL, "-o", str(out)]) == 0
    assert out.read_bytes() == (_csv_without_institution(folder, tmp_path))


def _csv_without_institution(folder: Path, tmp_path: Path) -> bytes:
    out = tmp_path / "b.csv"
    assert _run(["export", "applications", "--format", "csv", "--data-dir", str(folder),
                 "-o", str(out)]) == 0
    return out.read_bytes()


@pytest.mark.parametrize("user", ["reviewer", "desk"])
def test_every_role_at_the_school_may_export_and_is_named(
        folder: Path, tmp_path: Path, user: str) -> None:
    out = tmp_path / "r.csv"
    assert _run(["export", "items", "--format", "csv", "--data-dir", str(folder),
                 "--user", user, "-o", str(out)]) == 0
    assert [row.actor for row in _exports(folder)] == [user]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("argv", "password", "says"), [
    (["--institution", OTHER_SCHOOL, "--user", "reviewer"], "demo",
     "reviewer has no role at 4313900999"),
    (["--user", "admin"], "nepareizā-parole", "user name or password is wrong"),
    (["--user", "nav.tāda"], "demo", "cannot sign in as nav.tāda"),
])
def test_a_refused_sign_in_exports_nothing(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], argv: list[str], password: str,
        says: str) -> None:
    monkeypatch.setenv("RESURSI_PASSWORD", password)
    out = tmp_path / "r.csv"
    assert _run(["export", "applications", "--format", "csv", "--data-dir", str(folder),
                 "-o", str(out), *argv]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err and "Traceback" not in err, err
    assert password not in err
    assert not out.exists()
    assert _exports(folder) == []


def test_without_the_central_service_the_export_is_refused(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("RESURSI_SERVER", f"http://127.0.0.1:{port}")
    out = tmp_path / "r.csv"
    assert _run(["export", "items", "--format", "csv", "--data-dir", str(folder),
                 "-o", str(out)]) == 1
    assert "does not work offline" in capsys.readouterr().err
    assert not out.exists() and _exports(folder) == []


def test_an_export_signs_in_as_this_folders_workstation(folder: Path, tmp_path: Path,
                                                         central: DevServer) -> None:
    """The central service binds a sign-in to the workstation that made it: the commands
    say which one they are, as the app does, so that they renew the same sign-in."""
    from desktop.models.workstation import workstation_id
    from sync.client import CentralClient
    from sync.credentials import MemoryCredentials

    this = workstation_id(folder)
    assert _run(["export", "applications", "--format", "csv", "--data-dir", str(folder),
                 "-o", str(tmp_path / "p.csv")]) == 0
    office = CentralClient(central.url, username="admin", credentials=MemoryCredentials())
    try:
        office.sign_in("demo")
        assert this in {w.id for w in office.workstations()}
    finally:
        office.close()
