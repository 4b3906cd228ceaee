"""Fixtures of the devserver tests: one seeded server per test module (for speed)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from devserver_support import World, sign_in

from sync.devserver import DevServer


@pytest.fixture(scope="module")
def server() -> Iterator[DevServer]:
    with DevServer(seed="demo", dev=True) as s:
        yield s


@pytest.fixture(scope="module")
def http(server: DevServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=20.0) as client:
        yield client


@pytest.fixture(scope="module")
def auth(http: httpx.Client) -> dict[str, dict[str, str]]:
    """Authorization headers of the demo accounts: admin, reviewer, desk."""
    headers = {}
    for username in ("admin", "reviewer", "desk"):
        response = sign_in(http, username)
        assert response.status_code == 200, response.text
        headers[username] = {"Authorization": f"Bearer {response.json()['access_token']}"}
    return headers


@pytest.fixture(scope="module")
def world(server: DevServer) -> World:
    return World(server)
