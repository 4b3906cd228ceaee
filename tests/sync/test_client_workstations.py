"""Issue 15: the client names its workstation on every request, lists and revokes them as an
administrator, and hears a revocation as ``WorkstationRevokedError`` wherever it comes."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from sync.client import (
    CentralClient,
    ForbiddenError,
    UnknownWorkstationError,
    WorkstationRevokedError,
)
from sync.credentials import MemoryCredentials
from sync.devserver.server import DevServer

SCHOOL = "4313900123"
NAME = "Skolotāju istaba — Ērgļi"


@pytest.fixture(scope="module")
def central() -> Iterator[DevServer]:
    with DevServer(seed=10) as server:
        yield server


def _client(server: DevServer, username: str = "admin", *,
            workstation: tuple[str, str] | None = None,
            credentials: MemoryCredentials | None = None) -> CentralClient:
    return CentralClient(server.url, username=username,
                         credentials=credentials or MemoryCredentials(),
                         workstation=workstation)


def test_every_request_names_the_workstation_and_the_admin_sees_it(central):
    laptop = str(uuid.uuid4())
    desk = _client(central, "desk", workstation=(laptop, NAME))
    desk.sign_in("demo")
    desk.changes(SCHOOL, None, limit=1)
    admin = _client(central)
    admin.sign_in("demo")

    seen = {w.id: w for w in admin.workstations()}[laptop]
    assert seen.name == NAME  # percent-encoded on the wire, read back whole
    assert seen.last_user == "desk"
    assert seen.institution_id == SCHOOL
    assert seen.revoked_at is None
    assert seen.first_seen <= seen.last_seen


def test_a_client_without_a_workstation_is_not_recorded(central):
    admin = _client(central)
    admin.sign_in("demo")
    before = admin.workstations()
    admin.changes(SCHOOL, None, limit=1)
    assert admin.workstations() == before


def test_after_revoking_the_next_sync_and_the_next_sign_in_are_refused(central):
    laptop = str(uuid.uuid4())
    credentials = MemoryCredentials()
    desk = _client(central, "desk", workstation=(laptop, NAME), credentials=credentials)
    desk.sign_in("demo")
    admin = _client(central)
    admin.sign_in("demo")

    admin.revoke_workstation(laptop)
    admin.revoke_workstation(laptop)  # again: no change, no error

    with pytest.raises(WorkstationRevokedError) as raised:
        desk.changes(SCHOOL, None, limit=1)
    assert "darbstacija" in raised.value.message_lv
    assert not desk.signed_in  # the stored sign-in is forgotten with it
    assert credentials.load(desk.base_url, "desk") is None
    with pytest.raises(WorkstationRevokedError):
        desk.sign_in("demo")
    revoked = {w.id: w for w in admin.workstations()}[laptop]
    assert revoked.revoked_at is not None


def test_a_revocation_is_heard_from_resume_and_from_a_refresh(central):
    laptop = str(uuid.uuid4())
    credentials = MemoryCredentials()
    first = _client(central, "reviewer", workstation=(laptop, NAME), credentials=credentials)
    first.sign_in("demo")
    admin = _client(central)
    admin.sign_in("demo")
    admin.revoke_workstation(laptop)

    # the app starting again on the laptop: the stored refresh token
    again = _client(central, "reviewer", workstation=(laptop, NAME), credentials=credentials)
    with pytest.raises(WorkstationRevokedError):
        again.resume()

    # an access token that lapsed: the refresh on the way hears it too
    other = str(uuid.uuid4())
    later = _client(central, "reviewer", workstation=(other, NAME))
    later.sign_in("demo")
    admin.revoke_workstation(other)
    central.expire_tokens()
    with pytest.raises(WorkstationRevokedError):
        later.changes(SCHOOL, None, limit=1)


def test_only_an_administrator_lists_or_revokes(central):
    laptop = str(uuid.uuid4())
    desk = _client(central, "desk", workstation=(laptop, NAME))
    desk.sign_in("demo")
    with pytest.raises(ForbiddenError):
        desk.workstations()
    with pytest.raises(ForbiddenError):
        desk.revoke_workstation(laptop)


def test_revoking_an_unknown_workstation_says_so(central):
    admin = _client(central)
    admin.sign_in("demo")
    with pytest.raises(UnknownWorkstationError) as raised:
        admin.revoke_workstation(str(uuid.uuid4()))
    assert "darbstacij" in raised.value.message_lv
