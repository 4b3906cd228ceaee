"""Issue 14: a refresh revokes the access token it replaces, and the desktop client keeps
working across it (at start-up's resume and on a 401 in the middle of a sync)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from sync.client import CentralClient
from sync.credentials import MemoryCredentials
from sync.devserver.server import DevServer

SCHOOL = "4313900123"


@pytest.fixture(scope="module")
def central() -> Iterator[DevServer]:
    with DevServer(seed=3) as srv:
        yield srv


def _status(server: DevServer, access_token: str) -> int:
    return requests.get(f"{server.url}/v1/institutions/{SCHOOL}/changes",
                        params={"limit": 1}, timeout=10,
                        headers={"Authorization": f"Bearer {access_token}"}).status_code


def test_the_client_works_across_a_refresh_and_the_old_token_is_dead(central: DevServer) -> None:
    creds = MemoryCredentials()
    client = CentralClient(central.url, username="admin", credentials=creds)
    client.sign_in("demo")
    signed_in = creds.load(central.url, "admin")
    assert signed_in is not None
    # Start-up's resume is a refresh: the access token it replaces stops working at once.
    client.resume()
    resumed = creds.load(central.url, "admin")
    assert resumed is not None and resumed.access_token != signed_in.access_token
    assert _status(central, signed_in.access_token) == 401
    assert client.changes(SCHOOL, None, limit=1).changes
    # A lapse mid-sync: 401, refresh, the same request again; the lapsed token stays dead.
    central.expire_tokens()
    assert client.changes(SCHOOL, None, limit=1).changes
    renewed = creds.load(central.url, "admin")
    assert renewed is not None and renewed.access_token != resumed.access_token
    assert _status(central, resumed.access_token) == 401
    assert _status(central, renewed.access_token) == 200
    client.close()
