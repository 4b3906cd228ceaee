"""`resursi sync --once` as a scheduled task runs it: a subprocess against a devserver."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.models import decisions
from desktop.models.codes import ApplicationStatus, StaffRole
from desktop.models.journal import Actor
from desktop.models.schema import Application
from desktop.models.store_key import open_for_command
from sync.devserver.server import DevServer

# The commands open the data folder as a scheduled task would: no keyring, RESURSI_PASSPHRASE.
pytestmark = pytest.mark.usefixtures("headless_passphrase")

ROOT = Path(__file__).resolve().parents[2]
SCHOOL = "4313900123"
ADMIN = Actor("admin", SCHOOL, StaffRole.ADMIN)


@pytest.fixture(scope="module")
def central() -> Iterator[DevServer]:
    with DevServer(seed=12) as srv:
        yield srv


def resursi(*args: str, password: str | None = "demo") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)  # the isolated HOME and the 'fail' keyring of conftest
    env.pop("RESURSI_PASSWORD", None)
    if password is not None:
        env["RESURSI_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "desktop", "sync", "--once", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def personal_data(server: DevServer) -> set[str]:
    found = set()
    for app in server.applications(SCHOOL):
        for person in (app.learner, app.submitter):
            found |= {person.name, person.personal_code, person.personal_code.replace("-", "")}
    return found


def assert_one_line_failure(result: subprocess.CompletedProcess[str], *words: str) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("resursi sync: ")
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_sync_once_pulls_then_pushes(central: DevServer, tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = resursi("--server", central.url, "--data-dir", str(data), "--user", "admin",
                    "--institution", SCHOOL)
    assert first.returncode == 0, first.stderr
    assert first.stderr == ""
    [line] = first.stdout.splitlines()
    assert "pulled" in line and "pushed 0 commands" in line
    expected = len(central.application_ids(SCHOOL))
    store = open_for_command(data)
    try:
        with store.read() as s:
            assert s.scalar(select(func.count()).select_from(Application)) == expected
        app_id = next(a.id for a in central.applications(SCHOOL)
                      if a.status == ApplicationStatus.SUBMITTED)
        decisions.refuse(store, ADMIN, app_id, "Nav pieejamu ierīču")
    finally:
        store.close()

    # admin works at two schools: without --institution the one this store syncs is used.
    second = resursi("--server", central.url + "/", "--data-dir", str(data), "--user", "admin")
    assert second.returncode == 0, second.stderr
    [line] = second.stdout.splitlines()
    assert "pushed 1 commands" in line and "conflicts 0, waiting 0" in line
    assert central.application(app_id).status == ApplicationStatus.DECLINED

    private = personal_data(central)
    for result in (first, second):
        for secret in private:
            assert secret not in result.stdout + result.stderr


def test_a_fresh_store_and_two_schools_need_institution(central: DevServer,
                                                        tmp_path: Path) -> None:
    result = resursi("--server", central.url, "--data-dir", str(tmp_path / "d"),
                     "--user", "admin")
    assert_one_line_failure(result, "--institution", "4313900123", "4313900999")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def foreign_data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "foreign"
    folder.mkdir()
    (folder / "resursi.sqlite3").write_bytes(b"these are my holiday photos, not Resursi\n" * 9)
    return folder


def a_file(tmp_path: Path) -> Path:
    path = tmp_path / "not-a-folder"
    path.write_text("x")
    return path


FAILURES = {
    "wrong password": (lambda url, tmp: ["--server", url, "--data-dir", str(tmp / "d"),
                                         "--user", "admin"], "nope", ["AuthError"]),
    "server not reachable": (
        lambda url, tmp: ["--server", f"http://127.0.0.1:{closed_port()}",
                          "--data-dir", str(tmp / "d"), "--user", "admin"],
        "demo", ["OfflineError", "no answer"]),
    "no password": (lambda url, tmp: ["--server", url, "--data-dir", str(tmp / "d"),
                                      "--user", "admin"], None, ["RESURSI_PASSWORD"]),
    "foreign data file": (lambda url, tmp: ["--server", url, "--data-dir",
                                            str(foreign_data_dir(tmp)), "--user", "admin"],
                          "demo", ["not a Resursi"]),
    "data dir is a file": (lambda url, tmp: ["--server", url, "--data-dir", str(a_file(tmp)),
                                             "--user", "admin"], "demo", ["data folder"]),
    "plain http to another computer": (
        lambda url, tmp: ["--server", "http://central.example", "--data-dir", str(tmp / "d"),
                          "--user", "admin"], "demo", ["https://"]),
    "look-alike loopback name": (
        lambda url, tmp: ["--server", "http://127.0.0.1.evil.example", "--data-dir",
                          str(tmp / "d"), "--user", "admin"], "demo", ["https://"]),
    "missing CA bundle": (
        lambda url, tmp: ["--server", url, "--data-dir", str(tmp / "d"), "--user", "admin",
                          "--ca-bundle", str(tmp / "school-ca.pem")], "demo",
        ["CA bundle", "does not exist"]),
    "https to a plain http server": (
        lambda url, tmp: ["--server", url.replace("http://", "https://"), "--data-dir",
                          str(tmp / "d"), "--user", "admin"], "demo", ["TlsError"]),
    "no role at that school": (
        lambda url, tmp: ["--server", url, "--data-dir", str(tmp / "d"), "--user", "desk",
                          "--institution", "4313900999"], "demo", ["no role"]),
}


@pytest.mark.parametrize("case", list(FAILURES))
def test_failures_exit_1_with_one_line(central: DevServer, tmp_path: Path, case: str) -> None:
    make_args, password, words = FAILURES[case]
    result = resursi(*make_args(central.url, tmp_path), password=password)
    line = assert_one_line_failure(result, *words)
    for secret in personal_data(central):
        assert secret not in line
    if case in ("wrong password", "no password", "plain http to another computer",
                "missing CA bundle"):
        assert not (tmp_path / "d").exists()  # refused before touching the data folder


def test_a_revoked_workstation_erases_its_folder_and_says_so(central: DevServer,
                                                              tmp_path: Path) -> None:
    from desktop.models.workstation import FILENAME, workstation_id
    from sync.client import CentralClient
    from sync.credentials import MemoryCredentials

    data = tmp_path / "data"
    first = resursi("--server", central.url, "--data-dir", str(data), "--user", "admin",
                    "--institution", SCHOOL)
    assert first.returncode == 0, first.stderr
    this = workstation_id(data)
    office = CentralClient(central.url, username="admin", credentials=MemoryCredentials())
    try:
        office.sign_in("demo")
        assert this in {w.id for w in office.workstations()}  # the scheduled task was seen
        office.revoke_workstation(this)
    finally:
        office.close()

    again = resursi("--server", central.url, "--data-dir", str(data), "--user", "admin",
                    "--institution", SCHOOL)
    assert_one_line_failure(again, "revoked", "was erased")
    assert [p.name for p in data.iterdir()] == [FILENAME]
