"""Injected faults (429/503/500, delays), set in-process and over HTTP; errors; OpenAPI."""

from __future__ import annotations

import logging
import uuid

import httpx
import pytest
from devserver_support import PROBLEM, SCHOOL, applicant_headers, assert_problem, post_command


@pytest.fixture(autouse=True)
def _no_faults_left(server):
    server.faults.clear()
    yield
    server.faults.clear()


def test_503_with_retry_after_then_normal(http, auth, server):
    server.faults.add("GET", f"/v1/institutions/{SCHOOL}/changes", status=503, count=2,
                      retry_after=3)
    for _ in range(2):
        response = http.get(f"/v1/institutions/{SCHOOL}/changes", headers=auth["admin"])
        assert_problem(response, 503)
        assert response.headers["Retry-After"] == "3"
    assert http.get(f"/v1/institutions/{SCHOOL}/changes",
                    headers=auth["admin"]).status_code == 200
    assert server.faults.rules() == []


def test_429_only_for_the_matching_method_and_path(http, auth, server, world):
    server.faults.add("POST", "/v1/applications/", status=429)
    assert http.get(f"/v1/institutions/{SCHOOL}/changes", params={"limit": 1},
                    headers=auth["admin"]).status_code == 200
    app = world.application()
    response = post_command(http, auth["reviewer"], app.id, "refuse", {"reason": "x"},
                            app.version)
    assert_problem(response, 429)
    assert response.headers["Retry-After"] == "1"
    assert server.application(app.id).version == app.version  # not applied
    assert post_command(http, auth["reviewer"], app.id, "refuse", {"reason": "x"},
                        app.version).status_code == 200


def test_faults_over_http_and_a_500(http, auth):
    assert_problem(http.post("/_dev/faults", json={"status": 503, "count": None}), 401)
    dev = auth["admin"]
    added = http.post("/_dev/faults", json={"method": "GET", "path_prefix": "/v1/",
                                            "status": 500, "count": 1}, headers=dev)
    assert added.status_code == 201
    assert added.json()[0]["status"] == 500
    response = http.get(f"/v1/institutions/{SCHOOL}/changes", headers=auth["admin"])
    assert_problem(response, 500)
    assert "Retry-After" not in response.headers
    http.post("/_dev/faults", json={"path_prefix": "/v1/", "status": 503, "count": None},
              headers=dev)
    assert http.get("/_dev/faults", headers=dev).json()[0]["count"] is None
    for _ in range(3):
        assert http.get(f"/v1/institutions/{SCHOOL}/changes",
                        headers=auth["admin"]).status_code == 503
    assert http.delete("/_dev/faults", headers=dev).status_code == 204
    assert http.get(f"/v1/institutions/{SCHOOL}/changes", params={"limit": 1},
                    headers=auth["admin"]).status_code == 200
    assert_problem(http.post("/_dev/faults", json={"status": 418}, headers=dev), 422)


def test_a_delay(http, auth, server):
    # The outcome of a delay, not its length: a client whose read timeout is far shorter than
    # the delay gives up; the rule is then spent and the next request is answered as usual.
    server.faults.add("GET", "/v1/institutions", delay_ms=2000)
    with httpx.Client(base_url=server.url, timeout=httpx.Timeout(20.0, read=0.2)) as hasty, \
            pytest.raises(httpx.ReadTimeout):
        hasty.get(f"/v1/institutions/{SCHOOL}/changes", params={"limit": 1},
                  headers=auth["admin"])
    assert server.faults.rules() == []
    response = http.get(f"/v1/institutions/{SCHOOL}/changes", params={"limit": 1},
                        headers=auth["admin"])
    assert response.status_code == 200


def test_every_error_is_problem_json(http, auth, world, server):
    app = world.application()
    answers = [
        http.get("/no/such/route"),
        http.delete(f"/v1/institutions/{SCHOOL}/changes", headers=auth["admin"]),
        http.get(f"/v1/institutions/{SCHOOL}/changes"),
        http.get(f"/v1/institutions/{SCHOOL}/changes", params={"cursor": "@@"},
                 headers=auth["admin"]),
        http.get(f"/v1/institutions/{SCHOOL}/changes", params={"limit": "many"},
                 headers=auth["admin"]),
        http.get("/v1/institutions/4313900999/changes", headers=auth["desk"]),
        http.get(f"/v1/institutions/{SCHOOL}/items/{uuid.uuid4()}", headers=auth["admin"]),
        http.post("/v1/applications/abc/commands", json={}, headers=auth["admin"]),
        post_command(http, auth["reviewer"], app.id, "grant", {}, app.version + 3),
        post_command(http, auth["reviewer"], app.id, "grant", {}, app.version, if_match=None),
        http.post("/v1/applicant/applications", json={"kind_code": "x"},
                  headers=applicant_headers(server, "010180-10000")),
        http.post("/v1/applicant/applications", json={"kind_code": "x"}),
    ]
    statuses = [a.status_code for a in answers]
    assert statuses == [404, 405, 401, 400, 422, 403, 404, 422, 412, 428, 422, 401]
    for answer in answers:
        assert answer.headers["content-type"] == PROBLEM, answer.request.url
        body = answer.json()
        assert body["status"] == answer.status_code and body["title"]


def test_no_personal_code_is_echoed_in_validation_errors(http, server):
    response = http.post("/v1/applicant/applications", headers=applicant_headers(
        server, "010180-10000"), json={
        "institution_id": SCHOOL, "kind_code": "windows_laptop",
        "submitter": {"name": "A", "personal_code": "010180-1234", "role": "learner"},
        "learner": {"name": "A", "personal_code": "010180-12347"}, "contact": {}})
    assert_problem(response, 422)
    assert "010180-1234" not in response.text


def test_a_crash_is_a_500_problem_and_logs_no_values(http, auth, server, monkeypatch, caplog):
    def boom(*args, **kwargs):
        raise ValueError("personal code " + "-".join(("010180", "12345")))

    monkeypatch.setattr(server.state, "changes_page", boom)
    with caplog.at_level(logging.ERROR, logger="sync.devserver"):
        response = http.get(f"/v1/institutions/{SCHOOL}/changes", headers=auth["admin"])
    assert_problem(response, 500)
    assert "010180-12347" not in response.text
    assert "ValueError" in caplog.text
    assert "010180-12347" not in caplog.text


def test_openapi_lists_the_command_path(http):
    response = http.get("/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "post" in paths["/v1/applications/{application_id}/commands"]
    assert "/v1/institutions/{institution_id}/changes" in paths
    assert "/v1/institutions/{institution_id}/commands:batch" in paths
