"""The applicant's side: sign-in, submit, withdraw, contact, incident, and the receipt page."""

from __future__ import annotations

import re

import pytest
from devserver_support import SCHOOL, applicant_headers, assert_problem, phone, receipt_of

from sync.protocol import ApplicationWire, parse

SUBMISSION = {
    "institution_id": SCHOOL, "kind_code": "windows_laptop",
    "submitter": {"name": "Anna Bērziņa", "personal_code": "010180-10000",
                  "role": "parent_guardian"},
    "learner": {"name": "Jānis Bērziņš", "personal_code": "020212-20002", "class_grade": 5,
                "class_parallel": "a"},
    "contact": {"phone": "+37120000001", "email": "anna@example.lv"},
    "social_statuses": [{"status": "low_income_family", "viis_code": "M", "confirmed": True,
                         "confirmed_at": "2026-09-01T08:00:00Z"}],
}


@pytest.fixture(scope="module")
def anna(server):
    """Anna Bērziņa, the submitter of SUBMISSION, signed in."""
    return applicant_headers(server, SUBMISSION["submitter"]["personal_code"])


def _as_submitter(server, app):
    return applicant_headers(server, app.submitter.personal_code)


def test_submit(http, server, anna):
    response = http.post("/v1/applicant/applications", json=SUBMISSION, headers=anna)
    assert response.status_code == 201, response.text
    app = parse(ApplicationWire, response.content, "application")
    assert re.fullmatch(r"P-\d{4}-\d{6}", app.number)
    assert (app.status, app.version, app.guardian_check) == ("submitted", 1, "verified")
    assert app.id > 300 and app.number.endswith(f"{app.id:06d}")
    assert [d.doc_type for d in app.documents_acknowledged] == ["exploitation_rules"]
    assert server.application(app.id) == app
    adult = {**SUBMISSION, "submitter": {**SUBMISSION["submitter"], "role": "learner"}}
    second = http.post("/v1/applicant/applications", json=adult, headers=anna).json()
    assert second["id"] == app.id + 1
    assert (second["guardian_check"], second["guardian_checked_at"]) == ("not_applicable", None)


def test_submit_refusals(http, anna):
    closed = {**SUBMISSION, "institution_id": "4313900999"}  # windows_laptop not accepting
    assert_problem(http.post("/v1/applicant/applications", json=closed, headers=anna), 409)
    not_offered = {**SUBMISSION, "institution_id": "4313900999", "kind_code": "chromebook_laptop"}
    assert_problem(http.post("/v1/applicant/applications", json=not_offered,
                             headers=anna), 409)
    assert_problem(http.post("/v1/applicant/applications", json={**SUBMISSION, "extra": 1},
                             headers=anna), 422)


def test_withdraw_cancels_a_prepared_handover_and_frees_the_item(http, world, server):
    app, item, hid = world.prepared()
    response = http.post(f"/v1/applicant/applications/{app.id}/withdraw",
                         json={"reason": "bought_himself"}, headers=_as_submitter(server, app))
    assert response.status_code == 200, response.text
    withdrawn = parse(ApplicationWire, response.content, "application")
    assert (withdrawn.status, withdrawn.withdrawal_reason) == ("withdrawn", "bought_himself")
    h = next(h for h in withdrawn.handovers if h.id == hid)
    assert (h.status, h.cancel_reason) == ("cancelled", "submitter_refused")
    assert server.item(item.id).status == "available"
    assert server.item(item.id).version == item.version + 1


def test_withdraw_after_issue_is_refused(http, world, server):
    app, _, _ = world.issued()
    mine = _as_submitter(server, app)
    body = assert_problem(http.post(f"/v1/applicant/applications/{app.id}/withdraw",
                                    json={"reason": "need_disappeared"}, headers=mine), 409)
    assert "issued" in body["detail"]
    assert_problem(http.post("/v1/applicant/applications/9999999/withdraw",
                             json={"reason": "need_disappeared"}, headers=mine), 404)


def test_contact(http, world, server):
    app = world.application()
    mine = _as_submitter(server, app)
    response = http.put(f"/v1/applicant/applications/{app.id}/contact",
                        json={"phone": "+37126666666", "email": None}, headers=mine)
    assert response.status_code == 200
    assert response.json()["contact"] == {"phone": "+37126666666", "email": None}
    assert response.json()["version"] == app.version + 1
    assert_problem(http.put(f"/v1/applicant/applications/{app.id}/contact",
                            json={"phone": "26666666"}, headers=mine), 422)


def test_in_process_helpers_take_plain_values(world, server):
    app, item, hid = world.prepared()
    assert server.applicant_contact(app.id, phone="+37121234567").contact.phone == "+37121234567"
    withdrawn = server.applicant_withdraw(app.id, "educational_institution_change")
    assert withdrawn.withdrawal_reason == "educational_institution_change"
    issued, _, issued_hid = world.issued()
    reported = server.applicant_incident(issued.id, "stolen")
    assert next(h for h in reported.handovers if h.id == issued_hid).status == "stolen"


def test_incident(http, world, server):
    app, item, hid = world.issued()
    mine = _as_submitter(server, app)
    response = http.post(f"/v1/applicant/applications/{app.id}/incident",
                         json={"kind": "stolen", "description": "Nozagts tramvajā."},
                         headers=mine)
    assert response.status_code == 200, response.text
    h = next(h for h in response.json()["handovers"] if h["id"] == hid)
    assert (h["status"], h["incident_description"]) == ("stolen", "Nozagts tramvajā.")
    assert h["incident_reported_at"] is not None
    assert server.item(item.id).status == "in_use"
    again = http.post(f"/v1/applicant/applications/{app.id}/incident",
                      json={"kind": "lost", "description": "x"}, headers=mine)
    assert_problem(again, 409)


def test_receipt_page_and_confirmation(world, server):
    app, item, hid = world.prepared(learner="Jānis Bērziņš")
    token = receipt_of(app)
    with phone(server, app.submitter.personal_code) as browser:
        page = browser.get(f"/e-service/applications/{app.id}", params={"receipt": token})
        assert page.status_code == 200
        assert page.headers["content-type"] == "text/html; charset=utf-8"
        text = page.text
        assert "Jānis Bērziņš" in text and app.number in text
        assert "Windows portatīvais dators" in text
        assert "Apstiprinu saņemšanu" in text and 'name="viewport"' in text
        assert "esat to saņēmis(-usi)" in text
        assert "lietošanas noteikumi" in text
        assert f'action="/e-service/applications/{app.id}/confirm-receipt"' in text
        csrf = re.search(r'name="csrf" value="([^"]+)"', text).group(1)

        done = browser.post(f"/e-service/applications/{app.id}/confirm-receipt",
                            data={"handover_id": hid, "receipt": token, "csrf": csrf})
        assert done.status_code == 200, done.text
        assert "Saņemšana apstiprināta" in done.text
        issued = server.application(app.id)
        h = next(h for h in issued.handovers if h.id == hid)
        assert h.status == "issued" and h.issued_at is not None
        assert issued.version == app.version + 1
        assert server.item(item.id).status == "in_use"

        twice = browser.post(f"/e-service/applications/{app.id}/confirm-receipt",
                             data={"handover_id": hid, "receipt": token, "csrf": csrf})
        assert twice.status_code == 409
        assert twice.headers["content-type"].startswith("text/html")
        assert "Apstiprinu saņemšanu" not in browser.get(
            f"/e-service/applications/{app.id}", params={"receipt": token}).text


def test_receipt_page_escapes_and_knows_nothing_ready(world, server):
    app = world.application(learner="<script>alert(1)</script> Ēriks")
    with phone(server, app.submitter.personal_code) as browser:
        page = browser.get(f"/e-service/applications/{app.id}")
        assert "<script>alert(1)" not in page.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Ēriks" in page.text
        assert "Apstiprinu saņemšanu" not in page.text
        csrf = "x" * 43
        assert browser.post(f"/e-service/applications/{app.id}/confirm-receipt",
                            data={"csrf": csrf}).status_code == 403
        assert browser.get("/e-service/applications/9999999").status_code == 404


@pytest.mark.parametrize("path", ["/e-service/applications/99999999999999999999",
                                  "/e-service/applications/9223372036854775808",
                                  "/e-service/applications/0"])
def test_an_id_past_what_the_store_holds_is_a_422_not_a_500(http, path):
    """Issue 14 (low): ids of 2^63 and more reached SQLite and came back as a 500."""
    response = http.get(path)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")


def test_the_class_is_kept_as_grade_and_parallel(http, anna):
    app = http.post("/v1/applicant/applications", json=SUBMISSION, headers=anna).json()
    assert (app["learner"]["class_grade"], app["learner"]["class_parallel"]) == (5, "a")
    assert "class_name" not in app["learner"]
    # a form that still sends the class as one text: split as the register keeps it
    older = {**SUBMISSION, "learner": {**SUBMISSION["learner"], "personal_code": "020212-20010"}}
    del older["learner"]["class_grade"], older["learner"]["class_parallel"]
    older["learner"]["class_name"] = "10. A"
    again = http.post("/v1/applicant/applications", json=older, headers=anna).json()
    assert (again["learner"]["class_grade"], again["learner"]["class_parallel"]) == (10, "a")
    for grade in (0, 13):
        wrong = {**SUBMISSION, "learner": {**SUBMISSION["learner"], "class_grade": grade}}
        assert_problem(http.post("/v1/applicant/applications", json=wrong, headers=anna), 422)


def test_check_duplicate_names_the_school_of_an_open_application(http, anna):
    """The register's checkDuplicate: before submitting, the e-service asks whether the
    learner already has an open application for the kind, and at which school."""
    learner = {**SUBMISSION["learner"], "name": "Māra Ozoliņa", "personal_code": "210814-21230"}
    submission = {**SUBMISSION, "learner": learner}
    question = {"personal_code": learner["personal_code"], "kind_code": "windows_laptop"}
    assert_problem(http.post("/v1/applicant/applications/check-duplicate", json=question,
                                     headers=anna), 404)
    first = http.post("/v1/applicant/applications", json=submission, headers=anna).json()
    found = http.post("/v1/applicant/applications/check-duplicate", json=question,
                                     headers=anna)
    assert found.status_code == 200, found.text
    assert found.json() == {"institution_id": SCHOOL,
                            "institution_name": "Rīgas Āgenskalna Valsts ģimnāzija"}
    # another kind is not a duplicate
    tablet = {**question, "kind_code": "tablet"}
    assert_problem(http.post("/v1/applicant/applications/check-duplicate", json=tablet,
                                     headers=anna), 404)
    # a submission is still accepted (the register flags it; the school's inbox marks it)
    again = http.post("/v1/applicant/applications", json=submission, headers=anna)
    assert again.status_code == 201
    # once both are closed, no duplicate is left
    for app_id in (first["id"], again.json()["id"]):
        http.post(f"/v1/applicant/applications/{app_id}/withdraw",
                  json={"reason": "need_disappeared"}, headers=anna)
    assert_problem(http.post("/v1/applicant/applications/check-duplicate", json=question,
                                     headers=anna), 404)
    assert_problem(http.post("/v1/applicant/applications/check-duplicate",
                             json={**question, "personal_code": "12345"}, headers=anna), 422)


def test_submit_checks_personal_codes_phone_and_email_as_the_e_service_does(http, server,
                                                                            anna):
    """A code whose check digit is wrong is refused, naming the field in both languages and
    not echoing the code; a remainder-10 code (check digit 0) and a 32-code with its check
    digit are accepted; the phone and e-mail come back normalised."""
    wrong = {**SUBMISSION, "learner": {**SUBMISSION["learner"], "personal_code": "020212-20001"},
             "contact": {"phone": "+37120000001", "email": "anna@example"}}
    response = http.post("/v1/applicant/applications", json=wrong, headers=anna)
    problem = assert_problem(response, 422)
    locs = {tuple(e["loc"]) for e in problem["errors"]}
    assert locs == {("learner", "personal_code"), ("contact", "email")}
    assert all(e["msg_lv"] for e in problem["errors"])
    assert "020212-20001" not in response.text
    fine = {**SUBMISSION,
            "submitter": {**SUBMISSION["submitter"], "personal_code": "010100-10700"},
            "learner": {**SUBMISSION["learner"], "personal_code": "325794-61005"},
            "contact": {"phone": "+37120000001",
                        "email": "Anna.Bērziņa@Example.LV"}}
    response = http.post("/v1/applicant/applications", json=fine,
                         headers=applicant_headers(server, "010100-10700"))
    assert response.status_code == 201, response.text
    assert response.json()["contact"]["email"] == "Anna.Bērziņa@example.lv"
