"""Issue 15: the reference service records which computers work with a school's data, and an
administrator revokes a lost one; its every later request, sign-in included, is refused."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from urllib.parse import quote

import httpx
import pytest
from devserver_support import OTHER_SCHOOL, PROBLEM, SCHOOL, sign_in

from sync.devserver import DevServer
from sync.protocol import WORKSTATION_REVOKED

PASSWORD = "Parole-ķēde-1"


def _ws(workstation_id: str, name: str = "Skolotāju-istaba-1") -> dict[str, str]:
    return {"X-Resursi-Workstation": workstation_id,
            "X-Resursi-Workstation-Name": quote(name)}


def _token(http: httpx.Client, username: str, password: str = "demo",
           headers: dict[str, str] | None = None) -> dict[str, str]:
    response = http.post("/v1/oauth/token", headers=headers or {},
                         data={"grant_type": "password", "username": username,
                               "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def _listed(http: httpx.Client, admin: dict[str, str], workstation_id: str) -> dict | None:
    response = http.get("/v1/workstations", headers=admin)
    assert response.status_code == 200, response.text
    return next((w for w in response.json() if w["id"] == workstation_id), None)


@pytest.fixture(scope="module")
def admin(http: httpx.Client) -> dict[str, str]:
    return _token(http, "admin")


def test_a_staff_request_with_the_headers_records_the_workstation(http, admin, server):
    laptop = str(uuid.uuid4())
    desk = _token(http, "desk", headers=_ws(laptop, "Bibliotēkas dators"))
    assert http.get(f"/v1/institutions/{SCHOOL}/changes", params={"limit": 1},
                    headers={**desk, **_ws(laptop, "Bibliotēkas dators")}).status_code == 200

    seen = _listed(http, admin, laptop)
    assert seen is not None
    assert seen["name"] == "Bibliotēkas dators"
    assert seen["institution_id"] == SCHOOL
    assert seen["last_user"] == "desk"
    assert seen["revoked_at"] is None
    assert datetime.fromisoformat(seen["first_seen"]) <= datetime.fromisoformat(
        seen["last_seen"])


def test_the_times_are_the_services_clock(http, admin, server):
    laptop = str(uuid.uuid4())
    state = server.state
    real = state.clock
    state.clock = lambda: datetime(2026, 2, 3, 9, 15, tzinfo=UTC).timestamp()
    try:
        _token(http, "reviewer", headers=_ws(laptop))
    finally:
        state.clock = real
    seen = _listed(http, admin, laptop)
    assert seen is not None
    assert datetime.fromisoformat(seen["first_seen"]) == datetime(2026, 2, 3, 9, 15, tzinfo=UTC)


def test_without_the_header_nothing_is_recorded_and_the_request_is_served(http, admin):
    before = http.get("/v1/workstations", headers=admin).json()
    assert http.get(f"/v1/institutions/{SCHOOL}/changes", params={"limit": 1},
                    headers=admin).status_code == 200
    assert http.get("/v1/workstations", headers=admin).json() == before


def test_revoking_refuses_the_next_request_and_the_next_sign_in(http, admin):
    laptop = str(uuid.uuid4())
    desk = _token(http, "desk", headers=_ws(laptop))
    changes = f"/v1/institutions/{SCHOOL}/changes"
    assert http.get(changes, headers={**desk, **_ws(laptop)}).status_code == 200
    last_seen = _listed(http, admin, laptop)["last_seen"]  # type: ignore[index]

    assert http.post(f"/v1/workstations/{laptop}/revoke", headers=admin).status_code == 204

    refused = http.get(changes, headers={**desk, **_ws(laptop)})
    assert refused.status_code == 403
    assert refused.headers["content-type"].startswith(PROBLEM)
    assert refused.json()["type"] == WORKSTATION_REVOKED
    assert "darbstacija" in refused.json()["detail_lv"]
    # the sign-in is refused before the password is looked at; a refresh too
    for form in ({"grant_type": "password", "username": "desk", "password": "demo"},
                 {"grant_type": "password", "username": "desk", "password": "nepareiza"},
                 {"grant_type": "refresh_token", "refresh_token": "jebkas"}):
        answer = http.post("/v1/oauth/token", data=form, headers=_ws(laptop))
        assert answer.status_code == 403
        assert answer.json()["type"] == WORKSTATION_REVOKED
    # an expired or missing token does not hide it either
    assert http.get(changes, headers=_ws(laptop)).json()["type"] == WORKSTATION_REVOKED
    # never recorded as seen again
    listed = _listed(http, admin, laptop)
    assert listed is not None
    assert listed["last_seen"] == last_seen
    assert listed["revoked_at"] is not None
    # the same user, signed in on another computer, goes on working
    elsewhere = _ws(str(uuid.uuid4()), "Lietvedības dators")
    assert http.get(changes, headers={**_token(http, "desk", headers=elsewhere),
                                      **elsewhere}).status_code == 200


def test_revoking_twice_is_the_same_answer_and_keeps_the_first_time(http, admin):
    laptop = str(uuid.uuid4())
    _token(http, "reviewer", headers=_ws(laptop))
    assert http.post(f"/v1/workstations/{laptop}/revoke", headers=admin).status_code == 204
    first = _listed(http, admin, laptop)["revoked_at"]  # type: ignore[index]
    again = http.post(f"/v1/workstations/{laptop.upper().replace('-', '')}/revoke",
                      headers=admin)
    assert again.status_code == 204
    assert _listed(http, admin, laptop)["revoked_at"] == first  # type: ignore[index]


def test_another_schools_administrator_gets_the_same_404_as_for_an_unknown_one(http, server):
    laptop = str(uuid.uuid4())
    server.add_user("citas.skolas.admins", PASSWORD, {OTHER_SCHOOL: "admin"},
                    display_name="Pēteris Bērziņš")
    server.add_user("galvenās.skolas.lietvede", PASSWORD, {SCHOOL: "desk"})
    _token(http, "galvenās.skolas.lietvede", PASSWORD, headers=_ws(laptop))
    other = _token(http, "citas.skolas.admins", PASSWORD)

    foreign = http.post(f"/v1/workstations/{laptop}/revoke", headers=other)
    unknown = http.post(f"/v1/workstations/{uuid.uuid4()}/revoke", headers=other)
    assert foreign.status_code == unknown.status_code == 404
    assert foreign.json() == unknown.json()
    assert all(w["id"] != laptop for w in http.get("/v1/workstations", headers=other).json())


def test_a_desk_user_may_neither_list_nor_revoke(http, admin):
    laptop = str(uuid.uuid4())
    desk = {**_token(http, "desk", headers=_ws(laptop)), **_ws(laptop)}
    assert http.get("/v1/workstations", headers=desk).status_code == 403
    refused = http.post(f"/v1/workstations/{laptop}/revoke", headers=desk)
    assert refused.status_code == 403
    assert refused.json()["type"] != WORKSTATION_REVOKED
    assert _listed(http, admin, laptop)["revoked_at"] is None  # type: ignore[index]


@pytest.mark.parametrize("bad", ["nav-uuid", "1234", str(uuid.uuid4()) + "0",
                                 "{" + str(uuid.uuid4()) + "}", "g" * 32])
def test_a_malformed_workstation_header_is_a_400_problem(http, admin, bad):
    response = http.get("/v1/workstations", headers={**admin, "X-Resursi-Workstation": bad})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith(PROBLEM)
    # at the token endpoint it is an RFC 6749 invalid_request, as all its bad input
    token = http.post("/v1/oauth/token", headers={"X-Resursi-Workstation": bad},
                      data={"grant_type": "password", "username": "admin", "password": "demo"})
    assert token.status_code == 400
    assert token.json()["error"] == "invalid_request"


def test_the_name_is_decoded_cleaned_and_cut(http, admin):
    laptop = str(uuid.uuid4())
    _token(http, "reviewer",
           headers={"X-Resursi-Workstation": laptop,
                    "X-Resursi-Workstation-Name": quote("  Ērgļu\u202e dators\x07 " + "ž" * 100)})
    name = _listed(http, admin, laptop)["name"]  # type: ignore[index]
    assert name.startswith("Ērgļu dators ž")
    assert len(name) == 80
    assert "\u202e" not in name and "\x07" not in name


def test_a_revoked_workstation_stays_revoked_after_a_restart(tmp_path):
    laptop = str(uuid.uuid4())
    path = tmp_path / "devserver.sqlite3"
    with DevServer(path, seed="demo") as server, httpx.Client(base_url=server.url) as http:
        _token(http, "desk", headers=_ws(laptop))
        assert http.post(f"/v1/workstations/{laptop}/revoke",
                         headers=_token(http, "admin")).status_code == 204
    with DevServer(path, seed="demo") as server, httpx.Client(base_url=server.url) as http:
        assert sign_in(http, "desk").status_code == 200
        refused = http.post("/v1/oauth/token", headers=_ws(laptop), data={
            "grant_type": "password", "username": "desk", "password": "demo"})
        assert refused.status_code == 403


def test_a_name_header_past_its_limit_is_a_400_problem(http, admin):
    response = http.get("/v1/workstations", headers={
        **admin, "X-Resursi-Workstation": str(uuid.uuid4()),
        "X-Resursi-Workstation-Name": "a" * 1001})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith(PROBLEM)


def test_the_openapi_document_names_the_headers_the_routes_and_the_problem():
    from sync.devserver.app import create_app
    from sync.devserver.faults import Faults

    document = create_app(None, Faults()).openapi()  # type: ignore[arg-type]
    types = document["components"]["schemas"]["Problem"]["properties"]["type"]["enum"]
    assert WORKSTATION_REVOKED in types
    token = document["paths"]["/v1/oauth/token"]["post"]
    assert PROBLEM in token["responses"]["403"]["content"]
    listing = document["paths"]["/v1/workstations"]["get"]
    assert {"400", "401", "403"} <= set(listing["responses"])
    names = {p["name"] for p in listing["parameters"]}
    assert {"X-Resursi-Workstation", "X-Resursi-Workstation-Name"} <= names
    revoke = document["paths"]["/v1/workstations/{workstation_id}/revoke"]["post"]
    assert {"204", "403", "404"} <= set(revoke["responses"])


# -- tokens belong to the workstation they were issued to (a thief leaves the header out) ------
def _grant(http: httpx.Client, form: dict[str, str],
           headers: dict[str, str] | None = None) -> httpx.Response:
    return http.post("/v1/oauth/token", data=form, headers=headers or {})


def _pair(http: httpx.Client, username: str, headers: dict[str, str] | None = None,
          password: str = "demo") -> dict[str, str]:
    response = _grant(http, {"grant_type": "password", "username": username,
                             "password": password}, headers)
    assert response.status_code == 200, response.text
    return response.json()


def _bearer(tokens: dict[str, str]) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


def _refresh(tokens: dict[str, str]) -> dict[str, str]:
    return {"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]}


def _refused_as_another_workstations(response: httpx.Response) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.json()["type"] != WORKSTATION_REVOKED
    assert "workstation" in response.json()["detail"]
    assert "invalid_token" in response.headers["www-authenticate"]


def test_a_revoked_workstations_tokens_are_worth_nothing_without_the_header(http, admin):
    laptop = str(uuid.uuid4())
    tokens = _pair(http, "desk", _ws(laptop, "Pazudušais klēpjdators"))  # in its keyring
    changes = f"/v1/institutions/{SCHOOL}/changes"
    assert http.get(changes, headers={**_bearer(tokens), **_ws(laptop)}).status_code == 200
    assert http.post(f"/v1/workstations/{laptop}/revoke", headers=admin).status_code == 204

    with_header = http.get(changes, headers={**_bearer(tokens), **_ws(laptop)})
    assert with_header.json()["type"] == WORKSTATION_REVOKED
    assert http.get(changes, headers=_bearer(tokens)).status_code == 401
    assert http.get(changes, headers={**_bearer(tokens),
                                      **_ws(str(uuid.uuid4()))}).status_code == 401
    for headers in ({}, _ws(str(uuid.uuid4()))):
        refreshed = _grant(http, _refresh(tokens), headers)
        assert refreshed.status_code == 400, refreshed.text
        assert refreshed.json()["error"] == "invalid_grant"


def test_revoking_removes_the_workstations_tokens_at_every_school_it_was_seen_at(http, server):
    laptop = str(uuid.uuid4())
    server.add_user("divu.skolu.lietvede", PASSWORD, {SCHOOL: "desk", OTHER_SCHOOL: "desk"},
                    display_name="Līga Ozoliņa")
    server.add_user("citas.skolas.pārzine", PASSWORD, {OTHER_SCHOOL: "admin"})
    tokens = _pair(http, "divu.skolu.lietvede", _ws(laptop), PASSWORD)
    other_admin = _bearer(_pair(http, "citas.skolas.pārzine", password=PASSWORD))
    assert http.post(f"/v1/workstations/{laptop}/revoke",
                     headers=other_admin).status_code == 204

    with server.state.db.reading() as conn:
        left = conn.execute("SELECT COUNT(*) FROM tokens WHERE workstation_id = ?",
                            (laptop,)).fetchone()[0]
    assert left == 0
    for school in (SCHOOL, OTHER_SCHOOL):
        assert http.get(f"/v1/institutions/{school}/changes",
                        headers=_bearer(tokens)).status_code == 401


def test_a_token_is_refused_without_its_workstations_header_or_with_another(http, admin):
    laptop, other = str(uuid.uuid4()), str(uuid.uuid4())
    tokens = _pair(http, "desk", _ws(laptop))
    changes = f"/v1/institutions/{SCHOOL}/changes"
    _refused_as_another_workstations(http.get(changes, headers=_bearer(tokens)))
    _refused_as_another_workstations(
        http.get(changes, headers={**_bearer(tokens), **_ws(other, "Svešs dators")}))
    assert _listed(http, admin, other) is None  # a refused request is not a sighting
    assert http.get(changes, headers={**_bearer(tokens), **_ws(laptop)}).status_code == 200
    # the id is compared as a UUID, not as text
    upper = {**_bearer(tokens), **_ws(laptop.upper().replace("-", ""))}
    assert http.get(changes, headers=upper).status_code == 200


def test_a_bound_refresh_token_renews_only_with_its_header_and_the_new_pair_stays_bound(http):
    laptop = str(uuid.uuid4())
    tokens = _pair(http, "reviewer", _ws(laptop))
    for headers in ({}, _ws(str(uuid.uuid4()))):
        refused = _grant(http, _refresh(tokens), headers)
        assert refused.status_code == 400
        assert refused.json()["error"] == "invalid_grant"
    # the refused attempts did not spend it
    renewed = _grant(http, _refresh(tokens), _ws(laptop))
    assert renewed.status_code == 200, renewed.text
    fresh = renewed.json()
    changes = f"/v1/institutions/{SCHOOL}/changes"
    assert http.get(changes, headers=_bearer(fresh)).status_code == 401
    assert http.get(changes, headers={**_bearer(fresh), **_ws(laptop)}).status_code == 200
    assert _grant(http, _refresh(fresh)).status_code == 400


def test_tokens_issued_without_the_header_stay_unbound(http):
    tokens = _pair(http, "desk")  # an old client, or the command line's sign-in
    changes = f"/v1/institutions/{SCHOOL}/changes"
    assert http.get(changes, headers=_bearer(tokens)).status_code == 200
    assert http.get(changes, headers={**_bearer(tokens),
                                      **_ws(str(uuid.uuid4()))}).status_code == 200
    renewed = _grant(http, _refresh(tokens))
    assert renewed.status_code == 200
    assert http.get(changes, headers=_bearer(renewed.json())).status_code == 200


def test_an_unbound_refresh_token_renewed_with_the_header_gives_a_bound_pair(http):
    laptop = str(uuid.uuid4())
    renewed = _grant(http, _refresh(_pair(http, "desk")), _ws(laptop))
    assert renewed.status_code == 200
    changes = f"/v1/institutions/{SCHOOL}/changes"
    assert http.get(changes, headers=_bearer(renewed.json())).status_code == 401
    assert http.get(changes, headers={**_bearer(renewed.json()),
                                      **_ws(laptop)}).status_code == 200


def test_a_token_of_a_workstation_revoked_behind_the_services_back_hears_it(http, server):
    """Revoking removes the tokens; one issued in the same instant (or left by an older
    service) still answers the revoked problem, with the header or without it."""
    laptop = str(uuid.uuid4())
    tokens = _pair(http, "desk", _ws(laptop))
    with server.state.db.transaction() as conn:
        conn.execute("UPDATE workstations SET revoked_at = '2026-02-03T09:15:00+00:00', "
                     "revoked_by = 'admin' WHERE id = ?", (laptop,))
    refused = http.get(f"/v1/institutions/{SCHOOL}/changes", headers=_bearer(tokens))
    assert refused.status_code == 403
    assert refused.json()["type"] == WORKSTATION_REVOKED
    renewal = _grant(http, _refresh(tokens))
    assert renewal.status_code == 403
    assert renewal.json()["type"] == WORKSTATION_REVOKED


def test_an_older_services_database_gains_the_tokens_workstation(tmp_path):
    import sqlite3

    path = tmp_path / "vecā-datubāze.sqlite3"
    with sqlite3.connect(path) as old:
        old.execute("CREATE TABLE tokens (hash TEXT PRIMARY KEY, kind TEXT NOT NULL, "
                    "username TEXT NOT NULL, expires_at REAL NOT NULL)")
        old.execute("INSERT INTO tokens VALUES ('x', 'access', 'desk', 0)")
    laptop = str(uuid.uuid4())
    with DevServer(path, seed="demo") as server, httpx.Client(base_url=server.url) as http:
        tokens = _pair(http, "desk", _ws(laptop))
        assert http.get(f"/v1/institutions/{SCHOOL}/changes",
                        headers=_bearer(tokens)).status_code == 401
