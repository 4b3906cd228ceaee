"""Issue 15: this computer's identity, kept in the data folder, never silently renewed."""

from __future__ import annotations

import json
import os
import stat
import sys
import uuid

import pytest

from desktop.models import workstation
from desktop.models.errors import StoreError
from desktop.models.workstation import FILENAME, workstation_id, workstation_name


def test_the_first_call_makes_a_uuid4_and_later_calls_read_the_same(tmp_path):
    data = tmp_path / "Skolas dati — Ērgļi"
    made = workstation_id(data)
    assert uuid.UUID(made).version == 4
    assert workstation_id(data) == made
    assert json.loads((data / FILENAME).read_text("utf-8")) == {"workstation_id": made}
    assert not (data / (FILENAME + ".part")).exists()


def test_two_data_folders_are_two_workstations(tmp_path):
    assert workstation_id(tmp_path / "a") != workstation_id(tmp_path / "b")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_file_is_this_users_only(tmp_path):
    workstation_id(tmp_path)
    assert stat.S_IMODE(os.stat(tmp_path / FILENAME).st_mode) == 0o600


@pytest.mark.parametrize("content", [
    b"", b"\xff\xfe nav json", b"[]", b'{"workstation_id": 7}',
    b'{"workstation_id": "nav-uuid"}', b'{"cits": "lauks"}',
    json.dumps({"workstation_id": str(uuid.uuid1())}).encode(),
    json.dumps({"workstation_id": str(uuid.uuid4()).upper()}).encode(),
])
def test_a_damaged_or_foreign_file_is_an_error_not_a_new_id(tmp_path, content):
    (tmp_path / FILENAME).write_bytes(content)
    with pytest.raises(StoreError) as raised:
        workstation_id(tmp_path)
    assert "bojāts" in raised.value.message_lv
    assert "damaged" in str(raised.value)
    assert (tmp_path / FILENAME).read_bytes() == content  # left for the administrator


def test_an_unreadable_file_is_a_store_error(tmp_path):
    (tmp_path / FILENAME).mkdir()  # a folder where the file should be
    with pytest.raises(StoreError) as raised:
        workstation_id(tmp_path)
    assert "nevar nolasīt" in raised.value.message_lv


def test_the_name_is_the_host_name_without_control_characters_and_cut(monkeypatch):
    monkeypatch.setattr(workstation.socket, "gethostname",
                        lambda: " Bibliotēka\x00-\u202edators" + "ž" * 100)
    name = workstation_name()
    assert name.startswith("Bibliotēka-datorsž")
    assert len(name) == 80


def test_a_host_name_that_cannot_be_read_is_an_empty_name(monkeypatch):
    def fails() -> str:
        raise OSError("nav")

    monkeypatch.setattr(workstation.socket, "gethostname", fails)
    assert workstation_name() == ""
