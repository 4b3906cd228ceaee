"""Commands over HTTP: every command's happy path, 409/412/422/428, idempotency, batches."""

from __future__ import annotations

import json
import threading
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from devserver_support import SCHOOL, assert_problem, post_command

from sync.protocol import (
    BatchResponse,
    CommandAccepted,
    HandoverWire,
    Problem,
    etag,
    parse,
)


def accepted(response: httpx.Response) -> CommandAccepted:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = parse(CommandAccepted, response.content, "command answer")
    assert response.headers["ETag"] == etag(body.application.version)
    return body


def handover(body: CommandAccepted, handover_id: str) -> HandoverWire:
    return next(h for h in body.application.handovers if h.id == handover_id)


# --- happy paths --------------------------------------------------------------------------------


def test_grant_with_an_item_reserves_it_and_starts_a_handover(http, auth, world, server):
    app = world.application()
    item = world.item()
    hid = str(uuid.uuid4())
    before = datetime.now(UTC)
    body = accepted(post_command(http, auth["reviewer"], app.id, "grant",
                                 {"item_id": item.id, "handover_id": hid,
                                  "return_deadline": "2027-06-19"}, app.version))
    assert body.application.status == "confirmed"
    assert body.application.version == app.version + 1
    assert body.application.status_changed_at >= before  # server time, not the client's
    h = handover(body, hid)
    assert (h.status, h.item_id, str(h.return_deadline)) == ("preparing", item.id, "2027-06-19")
    assert [(i.id, i.status, i.version) for i in body.items] == [
        (item.id, "reserved", item.version + 1)]
    assert server.application(app.id) == body.application
    assert server.item(item.id).status == "reserved"


def test_grant_without_an_item_clears_the_deferral(http, auth, world):
    app = world.application()
    world.run(app.id, "defer", {"reason": "Gaidām VIIS", "revisit_on": "2027-01-10"})
    deferred = world.server.application(app.id)
    assert (deferred.status, deferred.decision_reason) == ("postponed", "Gaidām VIIS")
    body = accepted(post_command(http, auth["admin"], app.id, "grant", {}, deferred.version))
    assert body.application.status == "confirmed"
    assert body.application.decision_reason is None and body.application.revisit_on is None
    assert body.application.handovers == [] and body.items == []


def test_refuse_and_defer(http, auth, world):
    app = world.application()
    body = accepted(post_command(http, auth["reviewer"], app.id, "refuse",
                                 {"reason": "Nemācās šajā skolā."}, app.version))
    assert (body.application.status, body.application.decision_reason) == (
        "declined", "Nemācās šajā skolā.")
    other = world.application()
    body = accepted(post_command(http, auth["reviewer"], other.id, "defer",
                                 {"reason": "Nav datoru.", "revisit_on": "2027-02-01"},
                                 other.version))
    assert body.application.status == "postponed"
    assert str(body.application.revisit_on) == "2027-02-01"


def test_notes_are_written_by_every_role_and_tell_the_applicant_nothing(http, auth, world):
    app = world.application()
    version = app.version
    for role, notes in (("reviewer", "Zvanīt mātei pēc 16:00."), ("desk", None),
                        ("admin", "Ģimene pārcēlās; jauns tālrunis pie Ērikas.")):
        body = accepted(post_command(http, auth[role], app.id, "set_application_notes",
                                     {"notes": notes}, version))
        assert body.application.notes == notes
        assert body.application.version == version + 1
        version = body.application.version
    assert body.application.status == "submitted" and body.application.notifications == []
    # If-Match like every command on the application: a stale version is 412
    stale = post_command(http, auth["admin"], app.id, "set_application_notes",
                         {"notes": "Vecāka versija"}, version - 1)
    assert assert_problem(stale, 412)["current"]["notes"] == notes
    for bad in ({"notes": "  atstarpes  "}, {"notes": ""}, {"notes": "ā" * 2001}):
        assert_problem(post_command(http, auth["admin"], app.id, "set_application_notes",
                                    bad, version), 422)


def test_prepare_a_new_handover_for_a_granted_application(http, auth, world):
    app, _, _ = world.granted(with_item=False)
    item = world.item()
    hid = str(uuid.uuid4())
    body = accepted(post_command(http, auth["desk"], app.id, "prepare_handover",
                                 {"handover_id": hid, "item_id": item.id,
                                  "act_number": f"{app.number}-A1"}, app.version))
    h = handover(body, hid)
    assert (h.status, h.act_number, h.item_id) == ("prepared", f"{app.number}-A1", item.id)
    assert h.prepared_at is not None
    assert [(i.id, i.status) for i in body.items] == [(item.id, "reserved")]


def test_prepare_the_handover_started_at_grant(http, auth, world, server):
    app, item, hid = world.granted()
    body = accepted(post_command(http, auth["desk"], app.id, "prepare_handover",
                                 {"handover_id": hid, "item_id": item.id,
                                  "act_number": f"{app.number}-A1"}, app.version))
    assert handover(body, hid).status == "prepared"
    assert str(handover(body, hid).return_deadline) == "2027-06-19"  # kept from the grant
    # The item was only looked at: reported as it is, no new version.
    assert body.items == [item] == [server.item(item.id)]
    duplicate_act = world.granted()
    again = post_command(http, auth["desk"], duplicate_act[0].id, "prepare_handover",
                         {"handover_id": duplicate_act[2], "item_id": duplicate_act[1].id,
                          "act_number": f"{app.number}-A1"}, duplicate_act[0].version)
    assert "act number" in assert_problem(again, 409)["detail"]


def test_prepare_with_another_item_releases_the_first(http, auth, world, server):
    app, first, hid = world.granted()
    second = world.item()
    body = accepted(post_command(http, auth["desk"], app.id, "prepare_handover",
                                 {"handover_id": hid, "item_id": second.id,
                                  "act_number": f"{app.number}-A1",
                                  "return_deadline": "2027-05-31"}, app.version))
    assert handover(body, hid).item_id == second.id
    assert str(handover(body, hid).return_deadline) == "2027-05-31"
    assert {i.id: i.status for i in body.items} == {first.id: "available",
                                                     second.id: "reserved"}
    assert server.item(first.id).version == first.version + 1


def test_cancel_releases_the_item(http, auth, world):
    app, item, hid = world.prepared()
    body = accepted(post_command(http, auth["desk"], app.id, "cancel_handover",
                                 {"handover_id": hid, "reason": "item_unsuitable",
                                  "notes": "Cits modelis"}, app.version))
    h = handover(body, hid)
    assert (h.status, h.cancel_reason) == ("cancelled", "item_unsuitable")
    assert [(i.id, i.status) for i in body.items] == [(item.id, "available")]


@pytest.mark.parametrize(("condition", "item_status"), [
    ("returned_working_order", "available"), ("damaged", "damaged")])
def test_record_return(http, auth, world, condition, item_status):
    app, item, hid = world.issued()
    issued_at = handover_of(app, hid).issued_at
    body = accepted(post_command(http, auth["desk"], app.id, "record_return",
                                 {"handover_id": hid, "condition": condition,
                                  "notes": "Ekrāns ieplaisājis", "returned_at":
                                  (issued_at + timedelta(microseconds=1)).isoformat()},
                                 app.version))
    h = handover(body, hid)
    assert (h.status, h.return_condition, h.return_notes) == (
        "returned", condition, "Ekrāns ieplaisājis")
    assert h.returned_at == issued_at + timedelta(microseconds=1)
    assert [(i.id, i.status) for i in body.items] == [(item.id, item_status)]


def handover_of(app, hid):
    return next(h for h in app.handovers if h.id == hid)


def test_a_return_dated_by_a_wrong_clock_is_taken_at_server_time(http, auth, world):
    app, _, hid = world.issued()
    a_year_ahead = datetime.now(UTC) + timedelta(days=365)
    before = datetime.now(UTC)
    body = accepted(post_command(http, auth["desk"], app.id, "record_return",
                                 {"handover_id": hid, "condition": "returned_working_order",
                                  "returned_at": a_year_ahead.isoformat()}, app.version))
    returned_at = handover(body, hid).returned_at
    assert before <= returned_at <= datetime.now(UTC)


def test_acknowledge_a_reported_loss(http, auth, world, server):
    app, item, hid = world.issued()
    reported = server.applicant_incident(app.id, _incident("lost"))
    assert handover_of(reported, hid).status == "lost"
    assert server.item(item.id).status == "in_use"  # until the school acknowledges
    body = accepted(post_command(http, auth["desk"], app.id, "acknowledge_incident",
                                 {"handover_id": hid}, reported.version))
    assert handover(body, hid).incident_acknowledged_at is not None
    assert [(i.id, i.status) for i in body.items] == [(item.id, "lost")]
    again = post_command(http, auth["desk"], app.id, "acknowledge_incident",
                         {"handover_id": hid}, body.application.version)
    assert "already acknowledged" in assert_problem(again, 409)["detail"]


def _incident(kind):
    from sync.protocol import ApplicantIncident

    return ApplicantIncident(kind=kind, description="Aizmirsu autobusā.")


def test_commands_appear_in_the_feed(http, auth, world):
    page = http.get(f"/v1/institutions/{SCHOOL}/changes", headers=auth["admin"],
                    params={"limit": 5000}).json()
    cursor = page["next_cursor"]
    while page["has_more"]:
        page = http.get(f"/v1/institutions/{SCHOOL}/changes", headers=auth["admin"],
                        params={"limit": 5000, "cursor": cursor}).json()
        cursor = page["next_cursor"]
    app = world.application()
    item = world.item()
    accepted(post_command(http, auth["reviewer"], app.id, "grant",
                          {"item_id": item.id, "handover_id": str(uuid.uuid4())}, app.version))
    page = http.get(f"/v1/institutions/{SCHOOL}/changes", headers=auth["admin"],
                    params={"cursor": cursor}).json()
    latest = [(c["entity"], c["data"]["id"], c["data"]["version"]) for c in page["changes"]]
    assert ("application", app.id, app.version + 1) in latest
    assert ("item", item.id, item.version + 1) in latest
    assert latest.count(("application", app.id, app.version + 1)) == 1
    assert not any(e == "application" and i == app.id and v == app.version
                   for e, i, v in latest)


# --- refusals -----------------------------------------------------------------------------------


def test_409_when_the_state_machine_refuses(http, auth, world):
    app = world.application()
    world.run(app.id, "refuse", {"reason": "Ne."})
    declined = world.server.application(app.id)
    body = assert_problem(post_command(http, auth["reviewer"], app.id, "grant", {},
                                       declined.version), 409)
    assert "declined" in body["detail"] and body["detail_lv"]
    assert body["current"]["status"] == "declined"
    assert body["current"]["version"] == declined.version


def test_409_when_the_grant_rule_refuses_with_the_item_as_it_is(http, auth, world, server):
    app = world.application(social=False)
    item = world.item(supported=True)
    response = post_command(http, auth["reviewer"], app.id, "grant",
                            {"item_id": item.id, "handover_id": str(uuid.uuid4())},
                            app.version)
    body = assert_problem(response, 409)
    assert "socially supported" in body["detail"]
    problem = parse(Problem, response.content, "problem")
    assert problem.current == server.application(app.id)
    assert problem.current_items == [server.item(item.id)]
    assert server.application(app.id).version == app.version  # nothing applied
    assert server.item(item.id).status == "available"


def test_409_for_an_item_of_another_school(http, auth, world):
    app = world.application()
    foreign = world.item(institution="4313900999")
    body = assert_problem(post_command(http, auth["reviewer"], app.id, "grant",
                                       {"item_id": foreign.id}, app.version), 409)
    assert "inventory" in body["detail"]


def test_412_carries_the_current_state(http, auth, world, server):
    app, item, hid = world.granted()
    response = post_command(http, auth["desk"], app.id, "cancel_handover",
                            {"handover_id": hid, "reason": "other", "notes": "x"},
                            app.version - 1)
    assert_problem(response, 412)
    problem = parse(Problem, response.content, "problem")
    assert problem.current == server.application(app.id)
    assert problem.current_items == [server.item(item.id)]


def test_422_invalid_payload_names_the_field(http, auth, world):
    app = world.application()
    body = assert_problem(post_command(http, auth["reviewer"], app.id, "refuse",
                                       {"reasons": "typo"}, app.version), 422)
    assert {tuple(e["loc"]) for e in body["errors"]} >= {("reason",), ("reasons",)}


def test_422_for_an_unknown_command_and_a_bad_body(http, auth, world):
    app = world.application()
    assert_problem(post_command(http, auth["reviewer"], app.id, "approve", {}, app.version),
                   422)
    response = http.post(f"/v1/applications/{app.id}/commands", content=b"{not json",
                         headers={**auth["reviewer"], "Content-Type": "application/json",
                                  "Idempotency-Key": str(uuid.uuid4()), "If-Match": '"1"'})
    assert_problem(response, 422)


def test_422_when_the_idempotency_key_is_not_the_command_id(http, auth, world):
    app = world.application()
    assert_problem(post_command(http, auth["reviewer"], app.id, "refuse", {"reason": "x"},
                                app.version, idempotency_key=str(uuid.uuid4())), 422)


def test_428_without_if_match(http, auth, world, server):
    app = world.application()
    assert_problem(post_command(http, auth["reviewer"], app.id, "refuse", {"reason": "x"},
                                app.version, if_match=None), 428)
    assert server.application(app.id).status == "submitted"


def test_404_and_403(http, auth, world):
    assert_problem(post_command(http, auth["reviewer"], 9_999_999, "refuse", {"reason": "x"},
                                1), 404)
    app = world.application()
    body = assert_problem(post_command(http, auth["desk"], app.id, "grant", {}, app.version),
                          403)
    assert "desk" in body["detail"]
    other = world.application(kind="tablet", role="employee", institution="4313900999")
    assert_problem(post_command(http, auth["reviewer"], other.id, "grant", {}, other.version),
                   403)


# --- idempotency --------------------------------------------------------------------------------


def test_the_same_key_five_times_applies_once(http, auth, world, server):
    app = world.application()
    item = world.item()
    command_id = str(uuid.uuid4())
    payload = {"item_id": item.id, "handover_id": str(uuid.uuid4())}
    answers = [post_command(http, auth["reviewer"], app.id, "grant", payload, app.version,
                            command_id=command_id) for _ in range(5)]
    assert {a.status_code for a in answers} == {200}
    assert len({a.content for a in answers}) == 1
    assert len({a.headers["ETag"] for a in answers}) == 1
    assert server.application(app.id).version == app.version + 1
    assert server.item(item.id).version == item.version + 1
    # Replayed even now that the state moved on, and even with a rebased If-Match.
    world.run(app.id, "cancel_handover", {"handover_id": payload["handover_id"],
                                          "reason": "other"})
    replay = post_command(http, auth["reviewer"], app.id, "grant", payload, app.version + 2,
                          command_id=command_id)
    assert (replay.status_code, replay.content) == (200, answers[0].content)
    # The same key with another request is refused.
    other = post_command(http, auth["reviewer"], app.id, "refuse", {"reason": "x"},
                         app.version, command_id=command_id)
    assert "Idempotency-Key" in assert_problem(other, 422)["detail"]


def test_the_same_key_ten_times_concurrently_applies_once(server, auth, world):
    app = world.application()
    item = world.item()
    command_id = str(uuid.uuid4())
    payload = {"item_id": item.id, "handover_id": str(uuid.uuid4())}
    barrier = threading.Barrier(10)
    answers: list[httpx.Response] = []
    lock = threading.Lock()

    def send() -> None:
        with httpx.Client(base_url=server.url, timeout=20.0) as client:
            barrier.wait()
            response = post_command(client, auth["reviewer"], app.id, "grant", payload,
                                    app.version, command_id=command_id)
        with lock:
            answers.append(response)

    threads = [threading.Thread(target=send) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(answers) == 10
    assert {a.status_code for a in answers} == {200}
    assert len({a.content for a in answers}) == 1
    assert server.application(app.id).version == app.version + 1
    assert len(server.application(app.id).handovers) == 1
    assert server.item(item.id).version == item.version + 1


# --- batches ------------------------------------------------------------------------------------


def test_a_batch_answers_each_command_as_the_single_endpoint_would(http, auth, world, server):
    first, second, third = world.application(), world.application(), world.application()
    replayed_id = str(uuid.uuid4())
    single = post_command(http, auth["admin"], third.id, "refuse", {"reason": "Ne."},
                          third.version, command_id=replayed_id)
    assert single.status_code == 200
    defer_id, refuse_id = str(uuid.uuid4()), str(uuid.uuid4())
    commands = [
        {"application_id": first.id, "command": {
            "command_id": defer_id, "command": "defer", "base_version": first.version,
            "payload": {"reason": "Vēlāk"}}},
        # The second command on the same application sees the first one's version.
        {"application_id": first.id, "command": {
            "command_id": refuse_id, "command": "refuse", "base_version": first.version + 1,
            "payload": {"reason": "Ne."}}},
        {"application_id": second.id, "command": {
            "command_id": str(uuid.uuid4()), "command": "grant",
            "base_version": second.version + 7, "payload": {}}},
        {"application_id": third.id, "command": {
            "command_id": replayed_id, "command": "refuse", "base_version": third.version,
            "payload": {"reason": "Ne."}}},
        {"application_id": second.id, "command": {
            "command_id": str(uuid.uuid4()), "command": "refuse", "base_version":
            second.version, "payload": {}}},
    ]
    response = http.post(f"/v1/institutions/{SCHOOL}/commands:batch",
                         headers={**auth["admin"], "Content-Type": "application/json"},
                         content=json.dumps({"commands": commands}))
    assert response.status_code == 200, response.text
    results = parse(BatchResponse, response.content, "batch").results
    assert [r.status for r in results] == [200, 200, 412, 200, 422]
    assert [r.command_id for r in results] == [c["command"]["command_id"] for c in commands]
    assert results[1].accepted.application.status == "declined"
    assert results[2].problem.current.id == second.id
    assert results[3].accepted == parse(CommandAccepted, single.content, "command answer")
    assert server.application(first.id).version == first.version + 2


def test_a_batch_needs_a_role_at_the_institution(http, auth):
    response = http.post("/v1/institutions/4313900999/commands:batch", headers=auth["desk"],
                         json={"commands": [{"application_id": 1, "command": {
                             "command_id": str(uuid.uuid4()), "command": "grant",
                             "base_version": 1}}]})
    assert_problem(response, 403)
    assert_problem(http.post(f"/v1/institutions/{SCHOOL}/commands:batch",
                             headers=auth["admin"], json={"commands": []}), 422)


@pytest.mark.parametrize("act", ["/abs/path", "A/../../../x", "CON", "x" * 40])
def test_an_act_number_outside_its_pattern_is_refused(http, auth, world, act):
    """Issue 14: the act number names the act's file on every workstation."""
    app, _, _ = world.granted(with_item=False)
    item = world.item()
    response = post_command(http, auth["desk"], app.id, "prepare_handover",
                            {"handover_id": str(uuid.uuid4()), "item_id": item.id,
                             "act_number": act}, app.version)
    body = assert_problem(response, 422)
    assert "act_number" in json.dumps(body)
