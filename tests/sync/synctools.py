"""Fixtures for sync tests: a reference server on loopback, a fault proxy in front of it,
and a client store that syncs through the proxy."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from desktop.models.codes import ApplicationStatus, CommandState, StaffRole
from desktop.models.journal import Actor
from desktop.models.queries import InboxFilter, inbox_ids
from desktop.models.schema import Application, Institution, Item, OfferedKind, OutboxCommand
from desktop.models.store import Store, open_store
from faultproxy import FaultProxy
from sync.client import CentralClient
from sync.credentials import MemoryCredentials
from sync.devserver.server import DevServer
from sync.engine import SyncEngine
from sync.mapping import (
    application_to_wire,
    institution_to_wire,
    item_to_wire,
    offered_kind_to_wire,
)

SCHOOL = "4313900123"
ADMIN = Actor("admin", SCHOOL, StaffRole.ADMIN)


@pytest.fixture
def server() -> Iterator[DevServer]:
    with DevServer(seed=40) as srv:
        yield srv


@pytest.fixture
def proxy(server: DevServer) -> Iterator[FaultProxy]:
    port = int(server.url.rsplit(":", 1)[1])
    p = FaultProxy(port)
    yield p
    p.close()


@dataclass
class Side:
    """One workstation: its store, client and engine (rebuildable, as after a restart)."""

    folder: Path
    url: str
    store: Store
    client: CentralClient
    engine: SyncEngine
    credentials: MemoryCredentials
    timeout: tuple[float, float] = (1.0, 3.0)

    def restart(self) -> None:
        self.client.close()
        self.store.close()
        self.store = open_store(self.folder)
        self.client = CentralClient(self.url, username="admin", credentials=self.credentials,
                                    timeout=self.timeout)
        self.engine = SyncEngine(self.store, self.client, SCHOOL, page_size=10)

    def close(self) -> None:
        self.client.close()
        self.store.close()


def make_side(folder: Path, url: str, *,
              timeout: tuple[float, float] = (1.0, 3.0)) -> Side:
    credentials = MemoryCredentials()
    client = CentralClient(url, username="admin", credentials=credentials, timeout=timeout)
    client.sign_in("demo")
    store = open_store(folder)
    return Side(folder, url, store, client, SyncEngine(store, client, SCHOOL, page_size=10),
                credentials, timeout)


@pytest.fixture
def side(tmp_path: Path, proxy: FaultProxy) -> Iterator[Side]:
    s = make_side(tmp_path / "client", proxy.url)
    s.engine.sync_once()
    yield s
    s.close()


def open_application_ids(store: Store, status: ApplicationStatus = ApplicationStatus.SUBMITTED
                         ) -> list[int]:
    return inbox_ids(store, InboxFilter(SCHOOL, statuses=frozenset({status})),
                     sort="number", descending=False)


def server_state(url: str) -> dict[tuple[str, str], dict]:
    """Everything the server holds for the school, read straight off its feed."""
    token = requests.post(f"{url}/v1/oauth/token", data={
        "grant_type": "password", "username": "admin", "password": "demo"}, timeout=10).json()
    headers = {"Authorization": f"Bearer {token['access_token']}"}
    state: dict[tuple[str, str], dict] = {}
    cursor = None
    while True:
        params: dict[str, object] = {"limit": 1000}
        if cursor:
            params["cursor"] = cursor
        page = requests.get(f"{url}/v1/institutions/{SCHOOL}/changes", params=params,
                            headers=headers, timeout=10).json()
        for change in page["changes"]:
            if change["entity"] == "tombstone":
                state.pop((change["of"], str(change["id"])), None)
            elif change["entity"] in ("application", "item", "offered_kind"):
                data = change["data"]
                if data.get("institution_id") == SCHOOL:
                    state[(change["entity"], str(data["id"]))] = data
            elif change["entity"] == "institution" and change["data"]["id"] == SCHOOL:
                state[("institution", SCHOOL)] = change["data"]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return state


def local_state(store: Store) -> dict[tuple[str, str], dict]:
    with store.read() as s:
        apps = s.scalars(select(Application).where(Application.institution_id == SCHOOL)).all()
        items = s.scalars(select(Item).where(Item.institution_id == SCHOOL)).all()
        state = {("application", str(a.id)): json.loads(application_to_wire(s, a)
                                                         .model_dump_json()) for a in apps}
        state.update({("item", i.id): json.loads(item_to_wire(i).model_dump_json())
                      for i in items})
        offered = s.scalars(select(OfferedKind).where(OfferedKind.institution_id == SCHOOL))
        state.update({("offered_kind", o.id): json.loads(
            offered_kind_to_wire(s, o).model_dump_json()) for o in offered})
        school = s.get(Institution, SCHOOL)
        if school is not None:
            state[("institution", SCHOOL)] = json.loads(
                institution_to_wire(school).model_dump_json())
    return state


def assert_converged(side: Side, server_url: str) -> None:
    """Nothing waits, nothing is in conflict, and the local copy equals the server's."""
    with side.store.read() as s:
        left = s.scalars(select(OutboxCommand).where(OutboxCommand.state.in_(
            [CommandState.PENDING.value, CommandState.CONFLICT.value]))).all()
        assert left == [], [(c.command, c.state, c.last_error) for c in left]
    local = local_state(side.store)
    remote = server_state(server_url)
    assert local.keys() == remote.keys()
    for key in remote:
        assert local[key] == remote[key], (key, {f: (local[key].get(f), v) for f, v in remote[key].items() if local[key].get(f) != v})
