"""Items, offered kinds and settings: ETag/If-Match, duplicates, roles, the feed."""

from __future__ import annotations

import json
import uuid

from devserver_support import SCHOOL, applicant_headers, assert_problem

from sync.protocol import InstitutionWire, ItemWire, OfferedKindWire, etag, parse

ITEM = {
    "kind_code": "windows_laptop", "inventory_no": "RAVĢ-2026-T00001", "serial_no": "PF4XK2",
    "manufacturer": "Lenovo", "model": "ThinkPad E14 Gen 6", "year": 2026,
    "acquisition_value": "689.99", "socially_supported": False, "location": "Kabinets 214",
    "notes": None, "status": "new",
}


def put(http, headers, item_id, body, **extra):
    return http.put(f"/v1/institutions/{SCHOOL}/items/{item_id}", content=json.dumps(body),
                    headers={**headers, "Content-Type": "application/json", **extra})


def test_create_read_update_an_item(http, auth, server):
    item_id = str(uuid.uuid4())
    created = put(http, auth["admin"], item_id, ITEM, **{"If-None-Match": "*"})
    assert created.status_code == 201, created.text
    assert created.headers["ETag"] == etag(1)
    assert created.headers["Location"].endswith(item_id)
    item = parse(ItemWire, created.content, "item")
    assert (item.id, item.version, item.institution_id, item.status) == (
        item_id, 1, SCHOOL, "new")
    got = http.get(f"/v1/institutions/{SCHOOL}/items/{item_id}", headers=auth["desk"])
    assert (got.status_code, got.headers["ETag"]) == (200, etag(1))
    assert parse(ItemWire, got.content, "item") == item

    updated = put(http, auth["admin"], item_id, {**ITEM, "location": "IT kabinets 108"},
                  **{"If-Match": etag(1)})
    assert updated.status_code == 200, updated.text
    assert (updated.json()["version"], updated.json()["location"]) == (2, "IT kabinets 108")
    assert server.item(item_id).version == 2
    # Unchanged: nothing written, same version.
    same = put(http, auth["admin"], item_id, {**ITEM, "location": "IT kabinets 108"},
               **{"If-Match": etag(2)})
    assert same.json()["version"] == 2


def test_item_preconditions(http, auth):
    item_id = str(uuid.uuid4())
    body = {**ITEM, "inventory_no": "RAVĢ-2026-T00002"}
    assert put(http, auth["admin"], item_id, body, **{"If-None-Match": "*"}).status_code == 201
    again = assert_problem(put(http, auth["admin"], item_id, body, **{"If-None-Match": "*"}),
                           412)
    assert again["current_item"]["id"] == item_id
    stale = assert_problem(put(http, auth["admin"], item_id, {**body, "notes": "x"},
                               **{"If-Match": etag(7)}), 412)
    assert stale["current_item"]["version"] == 1
    assert_problem(put(http, auth["admin"], item_id, {**body, "notes": "x"}), 428)
    assert_problem(put(http, auth["admin"], str(uuid.uuid4()), body, **{"If-Match": etag(1)}),
                   404)


def test_duplicate_inventory_number_is_409(http, auth):
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    body = {**ITEM, "inventory_no": "RAVĢ-2026-T00003"}
    assert put(http, auth["admin"], first, body, **{"If-None-Match": "*"}).status_code == 201
    assert_problem(put(http, auth["admin"], second, body, **{"If-None-Match": "*"}), 409)
    other = {**ITEM, "inventory_no": "RAVĢ-2026-T00004"}
    assert put(http, auth["admin"], second, other, **{"If-None-Match": "*"}).status_code == 201
    assert_problem(put(http, auth["admin"], second, body, **{"If-Match": etag(1)}), 409)


def test_invalid_items_are_422_and_only_admins_write(http, auth):
    item_id = str(uuid.uuid4())
    fresh = {**ITEM, "inventory_no": "RAVĢ-2026-T00099"}
    body = assert_problem(put(http, auth["admin"], item_id, {**ITEM, "year": 1800},
                              **{"If-None-Match": "*"}), 422)
    assert any(e["loc"][-1] == "year" for e in body["errors"])
    assert_problem(put(http, auth["admin"], item_id, {**ITEM, "kind_code": "abacus"},
                       **{"If-None-Match": "*"}), 422)
    assert_problem(put(http, auth["admin"], item_id, {**fresh, "status": "in_use"},
                       **{"If-None-Match": "*"}), 422)
    assert_problem(put(http, auth["admin"], "not-a-uuid", fresh, **{"If-None-Match": "*"}), 422)
    assert_problem(put(http, auth["reviewer"], item_id, fresh, **{"If-None-Match": "*"}), 403)
    assert_problem(http.get(f"/v1/institutions/{SCHOOL}/items/{uuid.uuid4()}",
                            headers=auth["admin"]), 404)


def test_manual_item_status_changes(http, auth, world):
    item = world.item(status="available")
    url = f"/v1/institutions/{SCHOOL}/items/{item.id}/status"
    response = http.post(url, json={"action": "send_to_maintenance", "reason": "Tīrīšana"},
                         headers={**auth["admin"], "If-Match": etag(item.version)})
    assert response.status_code == 200, response.text
    assert (response.json()["status"], response.json()["version"]) == (
        "maintenance", item.version + 1)
    assert response.headers["ETag"] == etag(item.version + 1)
    stale = http.post(url, json={"action": "back_in_service"},
                      headers={**auth["admin"], "If-Match": etag(item.version)})
    assert assert_problem(stale, 412)["current_item"]["status"] == "maintenance"
    not_manual = http.post(url, json={"action": "reserve"},
                           headers={**auth["admin"], "If-Match": etag(item.version + 1)})
    assert "handover" in assert_problem(not_manual, 409)["detail"]
    not_now = http.post(url, json={"action": "commission"},
                        headers={**auth["admin"], "If-Match": etag(item.version + 1)})
    assert_problem(not_now, 409)
    assert_problem(http.post(url, json={"action": "fly_away"},
                             headers={**auth["admin"], "If-Match": etag(item.version + 1)}),
                   422)
    assert_problem(http.post(url, json={"action": "back_in_service"}, headers=auth["admin"]),
                   428)
    assert_problem(http.post(url, json={"action": "back_in_service"},
                             headers={**auth["desk"], "If-Match": etag(item.version + 1)}),
                   403)


def test_offered_kind_patch_closes_applications(http, auth, server, world):
    offered = next(o for o in server.offered_kinds(SCHOOL) if o.kind_code == "tablet")
    url = f"/v1/institutions/{SCHOOL}/offered-kinds/{offered.id}"
    got = http.get(url, headers=auth["desk"])
    assert got.headers["ETag"] == etag(offered.version)
    assert parse(OfferedKindWire, got.content, "offered kind") == offered
    patched = http.patch(url, json={"accepting_applications": False},
                         headers={**auth["admin"], "If-Match": etag(offered.version)})
    assert patched.status_code == 200, patched.text
    assert (patched.json()["accepting_applications"], patched.json()["version"]) == (
        False, offered.version + 1)
    liga = applicant_headers(server, "120385-11112")
    submit = http.post("/v1/applicant/applications", json=_submission("tablet"), headers=liga)
    assert_problem(submit, 409)
    assert_problem(http.patch(url, json={"accepting_applications": True},
                              headers={**auth["admin"], "If-Match": etag(offered.version)}),
                   412)
    assert_problem(http.patch(url, json={"accepting_applications": True},
                              headers={**auth["reviewer"],
                                       "If-Match": etag(offered.version + 1)}), 403)
    reopened = http.patch(url, json={"accepting_applications": True},
                          headers={**auth["admin"], "If-Match": etag(offered.version + 1)})
    assert reopened.json()["accepting_applications"] is True
    assert http.post("/v1/applicant/applications",
                     json=_submission("tablet"), headers=liga).status_code == 201


def _submission(kind):
    return {
        "institution_id": SCHOOL, "kind_code": kind,
        "submitter": {"name": "Līga Ozola", "personal_code": "120385-11112", "role": "employee"},
        "learner": {"name": "Līga Ozola", "personal_code": "120385-11112"},
        "contact": {"phone": "+37129999999"},
    }


def test_settings(http, auth, server):
    url = f"/v1/institutions/{SCHOOL}/settings"
    got = http.get(url, headers=auth["desk"])
    inst = parse(InstitutionWire, got.content, "institution")
    assert got.headers["ETag"] == etag(inst.version)
    response = http.put(url, json={"name": inst.name, "address": "Lavīzes iela 2a, Rīga"},
                        headers={**auth["admin"], "If-Match": etag(inst.version)})
    assert response.status_code == 200, response.text
    assert (response.json()["address"], response.json()["version"]) == (
        "Lavīzes iela 2a, Rīga", inst.version + 1)
    assert_problem(http.put(url, json={"name": "X"},
                            headers={**auth["admin"], "If-Match": etag(inst.version)}), 412)
    assert_problem(http.put(url, json={"name": ""},
                            headers={**auth["admin"], "If-Match": etag(inst.version + 1)}), 422)
    assert_problem(http.put(url, json={"name": "X"},
                            headers={**auth["desk"], "If-Match": etag(inst.version + 1)}), 403)
    assert server.state.find_institution(SCHOOL).address == "Lavīzes iela 2a, Rīga"
