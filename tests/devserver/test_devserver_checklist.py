"""The reference service and the check-in checklist: the offered kind's PATCH takes it (the
same check as the desktop's, administrators only, If-Match), and a return records each entry
and a grade, refused without notes when something is missing or the device is damaged."""

from __future__ import annotations

import json
from datetime import timedelta

import httpx
from devserver_support import SCHOOL, assert_problem, post_command

from sync.protocol import CommandAccepted, OfferedKindWire, etag, parse

CHECKLIST = ["Lādētājs", "Soma", "Irbulis"]


def _patch(http: httpx.Client, headers: dict[str, str], offered_id: str, body: object,
           version: int | None) -> httpx.Response:
    extra = {} if version is None else {"If-Match": etag(version)}
    return http.patch(f"/v1/institutions/{SCHOOL}/offered-kinds/{offered_id}",
                      content=json.dumps(body),
                      headers={**headers, "Content-Type": "application/json", **extra})


def test_the_offered_kinds_patch_sets_the_checklist(http, auth, server):
    offered = next(o for o in server.offered_kinds(SCHOOL) if o.kind_code == "windows_laptop")
    assert offered.check_in_checklist == ["Lādētājs", "Soma"]  # the sample data's
    patched = _patch(http, auth["admin"], offered.id, {"check_in_checklist": CHECKLIST},
                     offered.version)
    assert patched.status_code == 200, patched.text
    body = parse(OfferedKindWire, patched.content, "offered kind")
    assert (body.check_in_checklist, body.version) == (CHECKLIST, offered.version + 1)
    assert body.accepting_applications == offered.accepting_applications  # nothing else moved
    got = http.get(f"/v1/institutions/{SCHOOL}/offered-kinds/{offered.id}",
                   headers=auth["desk"])
    assert got.json()["check_in_checklist"] == CHECKLIST

    # the same list again is no change: the version stays
    same = _patch(http, auth["admin"], offered.id, {"check_in_checklist": CHECKLIST},
                  body.version)
    assert same.json()["version"] == body.version
    assert_problem(_patch(http, auth["admin"], offered.id, {"check_in_checklist": ["Soma"]},
                          offered.version), 412)
    assert_problem(_patch(http, auth["desk"], offered.id, {"check_in_checklist": ["Soma"]},
                          body.version), 403)
    for bad in ([f"Daļa {n}" for n in range(16)], ["Ā" * 61], ["Soma", "SOMA"], [""]):
        assert_problem(_patch(http, auth["admin"], offered.id, {"check_in_checklist": bad},
                              body.version), 422)
    assert server.offered_kinds(SCHOOL) and next(
        o for o in server.offered_kinds(SCHOOL) if o.id == offered.id
    ).check_in_checklist == CHECKLIST


def _return(http, auth, app, hid, **payload):
    issued_at = next(h.issued_at for h in app.handovers if h.id == hid)
    return post_command(http, auth["desk"], app.id, "record_return",
                        {"handover_id": hid, "returned_at":
                         (issued_at + timedelta(microseconds=1)).isoformat(), **payload},
                        app.version)


def test_a_return_records_the_checklist_and_the_grade(http, auth, world):
    app, _, hid = world.issued()
    response = _return(http, auth, app, hid, condition="returned_working_order",
                       grade="good", notes="Irbulis pazaudēts; vecāks atnesīs jaunu",
                       checklist=[{"name": "Lādētājs", "returned": True},
                                  {"name": "Irbulis", "returned": False}])
    assert response.status_code == 200, response.text
    body = parse(CommandAccepted, response.content, "command answer")
    h = next(x for x in body.application.handovers if x.id == hid)
    assert (h.status, h.return_grade, h.return_condition) == (
        "returned", "good", "returned_working_order")
    assert [(e.name, e.returned) for e in h.return_checklist] == [
        ("Lādētājs", True), ("Irbulis", False)]


def test_a_return_missing_something_or_damaged_without_notes_is_refused(http, auth, world):
    app, _, hid = world.issued()
    missing = assert_problem(_return(
        http, auth, app, hid, condition="returned_working_order", grade="as_new",
        checklist=[{"name": "Lādētājs", "returned": False}]), 409)
    assert "Lādētājs" in missing["detail_lv"] and "piezīm" in missing["detail_lv"]
    damaged = assert_problem(_return(http, auth, app, hid, condition="damaged",
                                     grade="damaged"), 409)
    assert "piezīm" in damaged["detail_lv"]
    # a grade that says damaged while the condition says working is malformed
    assert_problem(_return(http, auth, app, hid, condition="returned_working_order",
                           grade="damaged", notes="Ekrāns"), 422)
