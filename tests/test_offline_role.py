"""An offline start takes the role from the last token's claims kept in the keyring, never
from the settings file a user can edit (issue 14)."""

from __future__ import annotations

import copy
import json

import pytest

from desktop.accounts import SignInService
from desktop.models.codes import StaffRole
from desktop.settings import Settings
from sync.credentials import KeyringCredentials, MemoryCredentials, Tokens
from sync.devserver.seeding import MAIN_INSTITUTION, OTHER_INSTITUTION
from sync.devserver.server import DevServer

SCHOOL = "Rīgas Ķengaraga vidusskola"


@pytest.fixture(scope="module")
def kept_desk_sign_in() -> tuple[str, MemoryCredentials]:
    """A desk user signed in once, online; the central service is gone since."""
    server = DevServer(seed=1).start()
    credentials, url = MemoryCredentials(), server.url
    try:
        SignInService(credentials, Settings()).sign_in(url, "desk", "demo")
    finally:
        server.stop()
    return url, credentials


def _offline(kept: tuple[str, MemoryCredentials], **remembered: str):
    url, credentials = kept
    credentials = copy.deepcopy(credentials)
    settings = Settings(server_url=url, username="desk", institution_id=MAIN_INSTITUTION,
                        institution_name=SCHOOL, **remembered)
    service = SignInService(credentials, settings)
    assert service.can_resume()
    return service, credentials


def test_a_settings_file_edited_to_admin_gives_no_admin_offline(kept_desk_sign_in) -> None:
    service, _ = _offline(kept_desk_sign_in, role="admin")
    [school] = service.resume()
    account = service.account(school)
    assert account.offline
    assert account.role is not StaffRole.ADMIN
    assert account.role is StaffRole.DESK  # what the central service said at the last sign-in


def test_the_genuine_last_role_works_offline_whatever_the_file_says(kept_desk_sign_in) -> None:
    for written in ("", "desk", "reviewer"):
        service, _ = _offline(kept_desk_sign_in, role=written)
        [school] = service.resume()
        assert service.account(school).role is StaffRole.DESK
        assert not school.read_only


@pytest.mark.parametrize("damage", ["{bojāts", json.dumps({"memberships": "admin"}),
                                    json.dumps({"memberships": [{"institution_id": "x"}]}),
                                    None])
def test_a_broken_seal_gives_no_role_and_asks_for_renewal(kept_desk_sign_in, damage) -> None:
    service, credentials = _offline(kept_desk_sign_in, role="admin")
    url = kept_desk_sign_in[0]
    if damage is None:
        credentials.forget_claims(url, "desk")
    else:
        credentials.save_claims(url, "desk", damage)
    [school] = service.resume()
    account = service.account(school)
    assert account.offline and account.role is None and account.needs_renewal
    assert school.read_only and school.institution_id == MAIN_INSTITUTION
    assert school.name == SCHOOL  # the file's name is fine for display


def test_a_school_edited_into_the_file_gives_no_role_there(kept_desk_sign_in) -> None:
    service, _ = _offline(kept_desk_sign_in, role="admin")
    service.settings = Settings(server_url=service.settings.server_url, username="desk",
                                institution_id=OTHER_INSTITUTION, role="admin")
    [school] = service.resume()
    assert service.account(school).role is None and school.read_only


def test_claims_of_one_user_do_not_serve_another(kept_desk_sign_in) -> None:
    url, credentials = kept_desk_sign_in
    credentials = copy.deepcopy(credentials)
    # the file names another user whose tokens are kept but whose claims are not
    credentials.save(url, "reviewer", credentials.load(url, "desk"))
    service = SignInService(credentials, Settings(
        server_url=url, username="reviewer", institution_id=MAIN_INSTITUTION, role="admin"))
    [school] = service.resume()
    assert service.account(school).role is None


def test_forgetting_a_sign_in_forgets_its_claims(kept_desk_sign_in) -> None:
    url, credentials = kept_desk_sign_in
    credentials = copy.deepcopy(credentials)
    assert credentials.load_claims(url, "desk")
    credentials.forget(url, "desk")
    assert credentials.load_claims(url, "desk") is None


class _FakeKeyring:
    """Stands in for the keyring module: tests never touch the real keyring."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, user: str) -> str | None:
        return self.entries.get((service, user))

    def set_password(self, service: str, user: str, value: str) -> None:
        self.entries[(service, user)] = value

    def delete_password(self, service: str, user: str) -> None:
        import keyring.errors

        if (service, user) not in self.entries:
            raise keyring.errors.PasswordDeleteError(user)
        del self.entries[(service, user)]


def test_the_keyring_keeps_the_claims_beside_the_tokens() -> None:
    credentials = KeyringCredentials()
    fake = _FakeKeyring()
    credentials._keyring = fake  # type: ignore[assignment]
    url = "https://resursi.skola.lv"
    credentials.save(url, "jānis", Tokens("a", "r"))
    credentials.save_claims(url, "jānis", '{"memberships": []}')
    assert credentials.load_claims(url, "jānis") == '{"memberships": []}'
    assert ("Resursi https://resursi.skola.lv", "jānis#claims") in fake.entries
    credentials.forget(url, "jānis")
    assert credentials.load_claims(url, "jānis") is None and fake.entries == {}
