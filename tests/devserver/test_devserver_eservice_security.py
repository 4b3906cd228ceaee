"""Issue 14: the e-service behaves like the real one. The applicant signs in (the simulated
latvija.lv sign-in), sees and confirms only what they submitted; the QR code's URL carries an
unguessable per-handover token; the confirmation form has a CSRF token and checks the origin.

Each test here failed on the main of the session start: a bare POST from another origin
issued the handover, and ``GET /e-service/applications/1..10`` listed children's names."""

from __future__ import annotations

import re

import httpx
import pytest
from devserver_support import (
    SCHOOL,
    applicant_headers,
    assert_problem,
    phone,
    receipt_of,
    sign_in,
)

from sync.devserver.applicants import COOKIE

SUBMITTER = "010180-10000"  # a code with its check digit right (the sign-in checks it)


def _csrf(page: httpx.Response) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found, page.text
    return found.group(1)


def test_the_json_actions_need_an_applicant_sign_in_and_not_a_staff_token(http, auth, world):
    app = world.application()
    actions = [("POST", "/v1/applicant/applications", {}),
               ("POST", "/v1/applicant/applications/check-duplicate",
                {"personal_code": SUBMITTER, "kind_code": "windows_laptop"}),
               ("POST", f"/v1/applicant/applications/{app.id}/withdraw",
                {"reason": "bought_himself"}),
               ("PUT", f"/v1/applicant/applications/{app.id}/contact", {"phone": None}),
               ("POST", f"/v1/applicant/applications/{app.id}/incident",
                {"kind": "lost", "description": "Pazaudēts."})]
    for method, path, body in actions:
        for headers in ({}, auth["admin"], {"Authorization": "Bearer nav-derigs"}):
            response = http.request(method, path, json=body, headers=headers)
            assert_problem(response, 401)
            assert "Bearer" in response.headers["WWW-Authenticate"]


def test_someone_else_learns_nothing_of_an_application(http, server, world):
    app, _, _ = world.issued()
    stranger = applicant_headers(server, SUBMITTER)
    for method, path, body in (
            ("POST", f"/v1/applicant/applications/{app.id}/withdraw",
             {"reason": "bought_himself"}),
            ("PUT", f"/v1/applicant/applications/{app.id}/contact", {"phone": "+37129999999"}),
            ("POST", f"/v1/applicant/applications/{app.id}/incident",
             {"kind": "stolen", "description": "Nozagts."})):
        same_as_missing = assert_problem(http.request(method, path, json=body,
                                                      headers=stranger), 404)
        assert same_as_missing["detail"] == f"no application {app.id}"
    assert server.application(app.id) == app  # nothing changed


def test_a_submission_only_in_ones_own_name(http, server):
    from test_devserver_applicant import SUBMISSION

    other = applicant_headers(server, "010100-10700")
    body = assert_problem(http.post("/v1/applicant/applications", json=SUBMISSION,
                                    headers=other), 403)
    assert "savā vārdā" in body["detail_lv"]


def test_sign_in_over_json_checks_the_code_and_echoes_nothing(http):
    token = http.post("/v1/applicant/sign-in", json={"personal_code": SUBMITTER})
    assert token.status_code == 200, token.text
    assert token.json()["token_type"] == "Bearer" and token.json()["expires_in"] > 0
    mine = {"Authorization": f"Bearer {token.json()['access_token']}"}
    assert http.post("/v1/applicant/applications/check-duplicate", headers=mine,
                     json={"personal_code": "020212-20002", "kind_code": "tablet"}
                     ).status_code in (200, 404)
    wrong = http.post("/v1/applicant/sign-in", json={"personal_code": "010180-10001"})
    assert_problem(wrong, 422)
    assert "010180-10001" not in wrong.text


def test_the_receipt_page_asks_for_sign_in_first_and_comes_back(server, world):
    app, _, _ = world.prepared(learner="Ģirts Ēķis", submitter_code=SUBMITTER)
    token = receipt_of(app)
    with phone(server, None) as browser:
        page = browser.get(f"/e-service/applications/{app.id}", params={"receipt": token})
        assert page.status_code == 303
        assert "Ģirts" not in page.text
        location = page.headers["location"]
        assert location.startswith("/e-service/sign-in?next=")
        form = browser.get(location)
        assert form.status_code == 200 and "Personas kods" in form.text
        target = re.search(r'name="next" value="([^"]+)"', form.text).group(1)
        assert target.replace("&amp;", "&") == f"/e-service/applications/{app.id}?receipt={token}"
        signed = browser.post("/e-service/sign-in", data={
            "personal_code": app.submitter.personal_code, "next": target})
        assert signed.status_code == 303, signed.text
        cookie = signed.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie and "path=/e-service" in cookie
        assert signed.headers["location"] == f"/e-service/applications/{app.id}?receipt={token}"
        back = browser.get(signed.headers["location"])
        assert "Ģirts Ēķis" in back.text and "Apstiprinu saņemšanu" in back.text


@pytest.mark.parametrize("target", ["https://launais.example/", "//launais.example/x",
                                    "/e-service/\\\\evil", "/v1/institutions"])
def test_sign_in_goes_back_only_to_an_e_service_page(server, target):
    with phone(server, None) as browser:
        signed = browser.post("/e-service/sign-in", data={"personal_code": SUBMITTER,
                                                          "next": target})
        assert signed.headers["location"] == "/e-service/"


def test_sign_in_from_another_origin_is_refused(server):
    with phone(server, None) as browser:
        refused = browser.post("/e-service/sign-in", data={"personal_code": SUBMITTER},
                               headers={"Origin": "https://launais.example"})
        assert refused.status_code == 403 and COOKIE not in refused.headers.get("set-cookie", "")


def test_someone_else_signed_in_sees_not_found(server, world):
    app, _, _ = world.prepared(learner="Ilze Šķēle")
    with phone(server, SUBMITTER) as browser:
        page = browser.get(f"/e-service/applications/{app.id}",
                           params={"receipt": receipt_of(app)})
        assert page.status_code == 404 and "Šķēle" not in page.text
        # not even the ten first ids tell a name
        for app_id in range(1, 11):
            assert "Izglītojamais" not in browser.get(f"/e-service/applications/{app_id}").text


def test_without_the_qr_codes_token_there_is_no_confirm_form(server, world):
    app, _, hid = world.prepared()
    with phone(server, app.submitter.personal_code) as browser:
        for params in ({}, {"receipt": "A" * 43}):
            page = browser.get(f"/e-service/applications/{app.id}", params=params)
            assert page.status_code == 200
            assert "Apstiprinu saņemšanu" not in page.text
            assert "noskenējiet QR kodu" in page.text


def test_a_confirmation_from_another_origin_or_without_csrf_issues_nothing(server, world):
    app, _, hid = world.prepared()
    token = receipt_of(app)
    url = f"/e-service/applications/{app.id}/confirm-receipt"
    with phone(server, app.submitter.personal_code) as browser:
        csrf = _csrf(browser.get(f"/e-service/applications/{app.id}",
                                 params={"receipt": token}))
        good = {"handover_id": hid, "receipt": token, "csrf": csrf}
        assert browser.post(url, data=good, headers={
            "Origin": "https://launais.example"}).status_code == 403
        no_origin = httpx.Client(base_url=server.url, cookies=browser.cookies)
        assert no_origin.post(url, data=good).status_code == 403
        assert no_origin.post(url, data=good, headers={
            "Referer": f"{server.url}/e-service/applications/{app.id}"}).status_code == 200
        no_origin.close()
    assert next(h for h in server.application(app.id).handovers
                if h.id == hid).status == "issued"


def test_a_confirmation_needs_the_csrf_of_ones_own_session(server, world):
    app, _, hid = world.prepared()
    token = receipt_of(app)
    url = f"/e-service/applications/{app.id}/confirm-receipt"
    with phone(server, app.submitter.personal_code) as first, \
            phone(server, app.submitter.personal_code) as second:
        csrf = _csrf(first.get(f"/e-service/applications/{app.id}", params={"receipt": token}))
        for data in ({"handover_id": hid, "receipt": token},
                     {"handover_id": hid, "receipt": token, "csrf": csrf[:-1] + "x"}):
            assert first.post(url, data=data).status_code == 403
        assert second.post(url, data={"handover_id": hid, "receipt": token,
                                      "csrf": csrf}).status_code == 403
    assert server.application(app.id) == app


def test_a_wrong_or_old_token_confirms_nothing(server, world):
    app, _, hid = world.prepared()
    url = f"/e-service/applications/{app.id}/confirm-receipt"
    with phone(server, app.submitter.personal_code) as browser:
        csrf = _csrf(browser.get(f"/e-service/applications/{app.id}",
                                 params={"receipt": receipt_of(app)}))
        for token in ("", "A" * 43, receipt_of(app)[:-1]):
            refused = browser.post(url, data={"handover_id": hid, "receipt": token,
                                              "csrf": csrf})
            assert refused.status_code == 409
    assert server.application(app.id) == app


def test_a_signed_out_confirmation_says_so(server, world):
    app, _, hid = world.prepared()
    with phone(server, None) as browser:
        answer = browser.post(f"/e-service/applications/{app.id}/confirm-receipt",
                              data={"handover_id": hid, "receipt": receipt_of(app)})
        assert answer.status_code == 401 and "Pieslēdzieties" in answer.text


def test_receipt_tokens_differ_per_handover_and_reach_the_school_only(server, world, http, auth):
    first, _, _ = world.prepared()
    second, _, _ = world.prepared()
    assert receipt_of(first) != receipt_of(second)
    assert len(receipt_of(first)) == 43
    changes = http.get(f"/v1/institutions/{SCHOOL}/changes", headers=auth["desk"])
    assert receipt_of(first) in changes.text or changes.json().get("next_cursor")
    assert sign_in  # staff sign-in stays the OAuth endpoint


def test_no_applicant_answer_carries_the_receipt_token(http, server, world):
    """Review of issue 14: the JSON actions answered with the application as the staff see it,
    receipt token included, so the submitter could confirm from home without the desk's code."""
    app, _, hid = world.prepared()
    token = receipt_of(app)
    mine = applicant_headers(server, app.submitter.personal_code)
    contact = http.put(f"/v1/applicant/applications/{app.id}/contact",
                       json={"phone": "+37129999999", "email": None}, headers=mine)
    refused = http.post(f"/v1/applicant/applications/{app.id}/incident",
                        json={"kind": "lost", "description": "Pazaudēts."}, headers=mine)
    withdrawn = http.post(f"/v1/applicant/applications/{app.id}/withdraw",
                          json={"reason": "bought_himself"}, headers=mine)
    assert (contact.status_code, refused.status_code, withdrawn.status_code) == (200, 409, 200)
    for answer in (contact, refused, withdrawn):
        assert token not in answer.text, answer.request.url


@pytest.mark.parametrize("field", ["receipt", "csrf"])
def test_letters_outside_ascii_in_a_token_are_a_refusal_not_a_500(server, world, field):
    app, _, hid = world.prepared()
    with phone(server, app.submitter.personal_code) as browser:
        page = browser.get(f"/e-service/applications/{app.id}", params={"receipt": "āāāāā"})
        assert page.status_code == 200 and "Apstiprinu saņemšanu" not in page.text
        csrf = _csrf(browser.get(f"/e-service/applications/{app.id}",
                                 params={"receipt": receipt_of(app)}))
        form = {"handover_id": hid, "receipt": receipt_of(app), "csrf": csrf}
        form[field] = "ā" * 43
        answer = browser.post(f"/e-service/applications/{app.id}/confirm-receipt", data=form)
        assert answer.status_code in (403, 409), answer.text
        assert answer.headers["content-type"].startswith("text/html")


def test_a_wrong_token_says_the_code_does_not_match(server, world):
    app, _, hid = world.prepared()
    with phone(server, app.submitter.personal_code) as browser:
        csrf = _csrf(browser.get(f"/e-service/applications/{app.id}",
                                 params={"receipt": receipt_of(app)}))
        answer = browser.post(f"/e-service/applications/{app.id}/confirm-receipt",
                              data={"handover_id": hid, "receipt": "A" * 43, "csrf": csrf})
        assert answer.status_code == 409 and "QR kods neatbilst" in answer.text
        assert answer.headers["referrer-policy"] == "no-referrer"


def test_the_forms_are_in_the_openapi_document():
    from sync.devserver.app import create_app
    from sync.devserver.faults import Faults

    paths = create_app(None, Faults()).openapi()["paths"]  # type: ignore[arg-type]
    confirm = paths["/e-service/applications/{application_id}/confirm-receipt"]["post"]
    form = confirm["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
    assert set(form["properties"]) == {"handover_id", "receipt", "csrf"}
    sign_in = paths["/e-service/sign-in"]["post"]["requestBody"]["content"]
    assert set(sign_in["application/x-www-form-urlencoded"]["schema"]["properties"]) == {
        "personal_code", "next"}
    assert "application/problem+json" in confirm["responses"]["413"]["content"]
