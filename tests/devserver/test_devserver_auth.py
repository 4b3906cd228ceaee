"""Sign-in (OAuth 2.0 password and refresh grants), token expiry, roles."""

from __future__ import annotations

import httpx
import pytest
from devserver_support import OTHER_SCHOOL, SCHOOL, assert_problem, sign_in

from sync.devserver import DevServer
from sync.protocol import TokenResponse, parse


def test_sign_in_answers_tokens_and_memberships(http):
    response = sign_in(http, "admin")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    token = parse(TokenResponse, response.content, "token")
    assert (token.username, token.display_name, token.token_type) == (
        "admin", "Ņina Ozola", "Bearer")
    assert token.expires_in == 3600
    assert {(m.institution_id, m.role) for m in token.memberships} == {
        (SCHOOL, "admin"), (OTHER_SCHOOL, "admin")}
    assert {m.institution_name for m in token.memberships} == {
        "Rīgas Āgenskalna Valsts ģimnāzija", "Liepājas Raiņa 6. vidusskola"}
    desk = parse(TokenResponse, sign_in(http, "desk").content, "token")
    assert [(m.institution_id, m.role) for m in desk.memberships] == [(SCHOOL, "desk")]


@pytest.mark.parametrize(("username", "password"), [("admin", "wrong"), ("nobody", "demo"),
                                                    ("admin", "")])
def test_wrong_credentials_are_invalid_grant(http, username, password):
    response = sign_in(http, username, password)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"
    assert "access_token" not in response.text


def test_unsupported_grant_and_missing_fields(http):
    response = http.post("/v1/oauth/token", data={"grant_type": "client_credentials"})
    assert (response.status_code, response.json()["error"]) == (400, "unsupported_grant_type")
    response = http.post("/v1/oauth/token", data={"grant_type": "password"})
    assert (response.status_code, response.json()["error"]) == (400, "invalid_request")


def test_refresh_tokens_rotate(http):
    first = sign_in(http, "reviewer").json()
    response = http.post("/v1/oauth/token", data={"grant_type": "refresh_token",
                                                  "refresh_token": first["refresh_token"]})
    assert response.status_code == 200, response.text
    second = response.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    assert second["memberships"] == first["memberships"]
    again = http.post("/v1/oauth/token", data={"grant_type": "refresh_token",
                                               "refresh_token": first["refresh_token"]})
    assert (again.status_code, again.json()["error"]) == (400, "invalid_grant")
    ok = http.get(f"/v1/institutions/{SCHOOL}/changes", params={"limit": 1},
                  headers={"Authorization": f"Bearer {second['access_token']}"})
    assert ok.status_code == 200


def test_no_or_a_bad_token_is_401(http):
    response = http.get(f"/v1/institutions/{SCHOOL}/changes")
    assert_problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    response = http.get(f"/v1/institutions/{SCHOOL}/changes",
                        headers={"Authorization": "Bearer not-a-token"})
    assert_problem(response, 401)
    assert response.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    response = http.get(f"/v1/institutions/{SCHOOL}/changes",
                        headers={"Authorization": "Basic YWRtaW46ZGVtbw=="})
    assert_problem(response, 401)


def test_access_tokens_expire_and_refresh_still_works():
    # The ttl is what the token answer says; its lapse is the dev control, not a sleep.
    with DevServer(token_ttl=90) as server, httpx.Client(base_url=server.url) as http:
        server.add_user("ilze", "s3cret", {SCHOOL: "reviewer"}, display_name="Ilze")
        token = sign_in(http, "ilze", "s3cret").json()
        assert token["expires_in"] == 90
        assert token["memberships"] == [
            {"institution_id": SCHOOL, "institution_name": SCHOOL, "role": "reviewer"}]
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        assert http.get(f"/v1/institutions/{SCHOOL}/changes", headers=headers).status_code == 200
        server.expire_tokens()
        response = http.get(f"/v1/institutions/{SCHOOL}/changes", headers=headers)
        assert_problem(response, 401)
        assert response.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
        fresh = http.post("/v1/oauth/token", data={"grant_type": "refresh_token",
                                                   "refresh_token": token["refresh_token"]})
        assert fresh.status_code == 200
        assert fresh.json()["expires_in"] == 90
        renewed = {"Authorization": f"Bearer {fresh.json()['access_token']}"}
        assert http.get(f"/v1/institutions/{SCHOOL}/changes", headers=renewed).status_code == 200
        # An unseeded server has no demo accounts.
        assert sign_in(http, "admin").status_code == 400


def test_dev_control_expires_every_access_token():
    with DevServer(dev=True) as server, httpx.Client(base_url=server.url) as http:
        server.add_user("desk", "x", {SCHOOL: "desk"})
        server.add_user("ilze", "y", {SCHOOL: "admin"})
        headers = {"Authorization": f"Bearer {sign_in(http, 'desk', 'x').json()['access_token']}"}
        admin = {"Authorization": f"Bearer {sign_in(http, 'ilze', 'y').json()['access_token']}"}
        assert http.get(f"/v1/institutions/{SCHOOL}/changes", headers=headers).status_code == 200
        assert_problem(http.post("/_dev/expire-tokens"), 401)  # not for whoever reaches the port
        assert_problem(http.post("/_dev/expire-tokens", headers=headers), 403)  # nor a desk
        assert http.post("/_dev/expire-tokens", headers=admin).status_code == 204
        assert_problem(http.get(f"/v1/institutions/{SCHOOL}/changes", headers=headers), 401)


def test_roles_are_per_institution(http, auth):
    assert_problem(http.get(f"/v1/institutions/{OTHER_SCHOOL}/changes", headers=auth["desk"]),
                   403)
    assert http.get(f"/v1/institutions/{OTHER_SCHOOL}/changes",
                    headers=auth["admin"]).status_code == 200


def test_a_token_lapses_when_its_lifetime_has_passed_on_the_servers_clock():
    """The lifetime itself, not the expire-now control: the server's clock is moved on."""
    from sync.devserver.problems import ProblemError
    from sync.devserver.state import OAuthError

    with DevServer(seed="demo", token_ttl=60) as server:
        state = server.state
        start = state.clock()
        moved = [0.0]
        state.clock = lambda: start + moved[0]
        token = state.password_grant("admin", "demo")
        moved[0] = 59.0
        assert state.principal_for(token.access_token).username == "admin"
        moved[0] = 61.0
        with pytest.raises(ProblemError) as lapsed:
            state.principal_for(token.access_token)
        assert lapsed.value.status == 401
        renewed = state.refresh_grant(token.refresh_token)  # the refresh token lives longer
        assert state.principal_for(renewed.access_token).username == "admin"
        moved[0] = 61.0 + 31 * 86400
        with pytest.raises(OAuthError):
            state.refresh_grant(renewed.refresh_token)


def test_a_refresh_revokes_the_access_token_it_replaces(http):
    """Issue 14: the old access token stops working the moment a refresh replaces it."""
    first = sign_in(http, "reviewer").json()
    old = {"Authorization": f"Bearer {first['access_token']}"}
    assert http.get(f"/v1/institutions/{SCHOOL}/changes", params={"limit": 1},
                    headers=old).status_code == 200
    response = http.post("/v1/oauth/token", data={"grant_type": "refresh_token",
                                                  "refresh_token": first["refresh_token"]})
    assert response.status_code == 200, response.text
    second = response.json()
    refused = http.get(f"/v1/institutions/{SCHOOL}/changes", params={"limit": 1}, headers=old)
    assert_problem(refused, 401)
    assert refused.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    new = {"Authorization": f"Bearer {second['access_token']}"}
    assert http.get(f"/v1/institutions/{SCHOOL}/changes", params={"limit": 1},
                    headers=new).status_code == 200
    # The refresh token used is spent too (rotation), and a second refresh revokes the second
    # access token in turn.
    again = http.post("/v1/oauth/token", data={"grant_type": "refresh_token",
                                               "refresh_token": first["refresh_token"]})
    assert (again.status_code, again.json()["error"]) == (400, "invalid_grant")
    third = http.post("/v1/oauth/token", data={"grant_type": "refresh_token",
                                               "refresh_token": second["refresh_token"]}).json()
    assert_problem(http.get(f"/v1/institutions/{SCHOOL}/changes", params={"limit": 1},
                            headers=new), 401)
    assert http.get(f"/v1/institutions/{SCHOOL}/changes", params={"limit": 1},
                    headers={"Authorization": f"Bearer {third['access_token']}"}
                    ).status_code == 200


def test_a_refresh_leaves_the_users_other_sign_ins_alone(http):
    """Only the replaced token goes: the same user signed in on another workstation stays."""
    here = sign_in(http, "reviewer").json()
    there = sign_in(http, "reviewer").json()
    assert http.post("/v1/oauth/token", data={
        "grant_type": "refresh_token", "refresh_token": here["refresh_token"]}).status_code == 200
    assert http.get(f"/v1/institutions/{SCHOOL}/changes", params={"limit": 1},
                    headers={"Authorization": f"Bearer {there['access_token']}"}
                    ).status_code == 200
