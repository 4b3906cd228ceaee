"""Shared fixtures. Tests never touch the user's real settings, keyring or data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Hypothesis fails an example that runs longer than 200 ms by default: a wall-clock assertion
# (issue 11). Tests check answers; how fast is for bench/.
settings.register_profile("resursi", deadline=None)
settings.load_profile("resursi")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point every per-user location (settings, data, keyring) at a throw-away folder."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("HOME", ""),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        path = home / sub
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(path))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    yield


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[object]:
    from desktop.models.store import open_store

    s = open_store(data_dir)
    yield s
    s.close()


@pytest.fixture
def headless_passphrase(monkeypatch: pytest.MonkeyPatch) -> str:
    """What a scheduled task without a keyring has: RESURSI_PASSPHRASE (and a cheap KDF, whose
    cost the rules do not depend on)."""
    from desktop.models import store_key

    passphrase = "Ūdens ņirbēja ezerā 12"
    monkeypatch.setenv(store_key.PASSPHRASE_ENV, passphrase)
    monkeypatch.setattr(store_key, "DEFAULT_COST",
                        {"iterations": 1, "lanes": 1, "memory_kib": 64})
    return passphrase
