"""Issue 14: the development controls exist only when the server is started with ``--dev``,
and even then only for an administrator."""

from __future__ import annotations

import httpx
from devserver_support import SCHOOL, assert_problem, sign_in

from sync.devserver import DevServer
from sync.devserver.__main__ import build_parser


def _admin(server: DevServer, http: httpx.Client) -> dict[str, str]:
    server.add_user("ārija", "šķūnis", {SCHOOL: "admin"})
    token = sign_in(http, "ārija", "šķūnis").json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def test_without_dev_the_controls_do_not_exist_even_for_an_administrator():
    with DevServer() as server, httpx.Client(base_url=server.url) as http:
        admin = _admin(server, http)
        for method, path in (("POST", "/_dev/faults"), ("GET", "/_dev/faults"),
                             ("POST", "/_dev/expire-tokens"), ("POST", "/_dev/retention/1"),
                             ("POST", "/_dev/expire-cursors")):
            assert_problem(http.request(method, path, headers=admin, json={"status": 503}), 404)
        assert http.get("/health").json() == {"status": "ok"}
        paths = http.get("/openapi.json").json()["paths"]
        assert not [p for p in paths if p.startswith("/_dev")]


def test_with_dev_they_answer_an_administrator_only():
    with DevServer(dev=True) as server, httpx.Client(base_url=server.url) as http:
        admin = _admin(server, http)
        assert_problem(http.post("/_dev/expire-tokens"), 401)
        assert http.post("/_dev/expire-tokens", headers=admin).status_code == 204
        assert "/_dev/faults" in http.get("/openapi.json").json()["paths"]


def test_the_command_line_switches_them_on_by_name_only():
    assert build_parser().parse_args([]).dev is False
    assert build_parser().parse_args(["--dev"]).dev is True


def test_the_openapi_document_names_every_status_and_problem_type():
    """Issue 14 (low): it omitted 401/403/404/409/412/428, problem+json and the token body."""
    from sync.devserver import problems
    from sync.devserver.app import create_app
    from sync.devserver.faults import Faults

    document = create_app(None, Faults()).openapi()  # type: ignore[arg-type]
    command = document["paths"]["/v1/applications/{application_id}/commands"]["post"]
    assert {"400", "401", "403", "404", "409", "412", "422", "428", "500"} <= set(
        command["responses"])
    assert "application/problem+json" in command["responses"]["412"]["content"]
    token = document["paths"]["/v1/oauth/token"]["post"]
    form = token["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
    assert form["properties"]["grant_type"]["enum"] == ["password", "refresh_token"]
    assert "OAuthErrorBody" in token["responses"]["400"]["content"]["application/json"][
        "schema"]["$ref"]
    types = document["components"]["schemas"]["Problem"]["properties"]["type"]["enum"]
    assert problems.STALE in types and problems.CURSOR_EXPIRED in types
    page = document["paths"]["/e-service/applications/{application_id}"]["get"]
    assert {"200", "303", "404", "422"} <= set(page["responses"])
    assert "text/html" in page["responses"]["200"]["content"]
