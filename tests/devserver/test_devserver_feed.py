"""The changes feed: paging, cursors, 410, tombstones."""

from __future__ import annotations

import base64
import json
from collections import Counter

import httpx
from devserver_support import SCHOOL, assert_problem

from sync.devserver import DevServer
from sync.protocol import ChangesPage, parse_changes_page


def changes(http, headers, cursor=None, limit=None, institution=SCHOOL):
    params = {}
    if cursor is not None:
        params["cursor"] = cursor
    if limit is not None:
        params["limit"] = limit
    return http.get(f"/v1/institutions/{institution}/changes", headers=headers, params=params)


def pull(http, headers, cursor=None, limit=97) -> tuple[list, str, int]:
    """Every change from ``cursor`` on, the last cursor, and the number of pages."""
    seen, pages = [], 0
    while True:
        response = changes(http, headers, cursor, limit)
        assert response.status_code == 200, response.text
        page = parse_changes_page(response.content)
        pages += 1
        seen.extend(page.changes)
        cursor = page.next_cursor
        if not page.has_more:
            return seen, cursor, pages


def key(change) -> tuple[str, str]:
    if change.entity == "tombstone":
        return (change.of, change.id)
    data = change.data
    return (change.entity, str(getattr(data, "id", None) or data.code))


def test_the_feed_pages_cover_everything_exactly_once(http, auth, server):
    seen, _, pages = pull(http, auth["admin"])
    assert pages > 3
    counts = Counter(key(c) for c in seen)
    assert set(counts.values()) == {1}
    kinds = Counter(c.entity for c in seen)
    assert kinds["institution"] == 1
    assert kinds["resource_kind"] == 3
    assert kinds["offered_kind"] == len(server.offered_kinds(SCHOOL)) == 3
    assert kinds["item"] == len(server.items(SCHOOL))
    assert kinds["application"] == len(server.application_ids(SCHOOL)) >= 300
    # Reference data first, in this order.
    order = [c.entity for c in seen]
    assert order[:7] == ["institution"] + ["resource_kind"] * 3 + ["offered_kind"] * 3
    assert order.index("application") > max(i for i, e in enumerate(order) if e == "item")
    # The latest version of each aggregate.
    app = next(c.data for c in seen if c.entity == "application")
    assert app == server.application(app.id)


def test_the_other_school_has_its_own_feed(http, auth, server):
    response = changes(http, auth["admin"], institution="4313900999", limit=5000)
    page = parse_changes_page(response.content)
    assert not page.has_more
    assert {c.data.institution_id for c in page.changes if c.entity in ("item", "offered_kind")
            } == {"4313900999"}
    assert Counter(c.entity for c in page.changes)["institution"] == 1


def test_a_cursor_resumes_after_what_was_seen(http, auth, server, world):
    _, cursor, _ = pull(http, auth["reviewer"], limit=1000)
    empty = parse_changes_page(changes(http, auth["reviewer"], cursor).content)
    assert empty.changes == [] and not empty.has_more
    assert empty.next_cursor == cursor
    app = world.application()
    world.run(app.id, "defer", {"reason": "Vēlāk"})
    page = parse_changes_page(changes(http, auth["reviewer"], cursor).content)
    assert [(c.entity, c.data.id, c.data.version) for c in page.changes] == [
        ("application", app.id, 2)]
    after = parse_changes_page(changes(http, auth["reviewer"], page.next_cursor).content)
    assert after.changes == []


def test_limits(http, auth):
    everything, _, _ = pull(http, auth["admin"], limit=5000)
    page = parse_changes_page(changes(http, auth["admin"]).content)
    assert len(page.changes) == min(500, len(everything))  # the default limit
    assert page.has_more == (len(everything) > 500)
    assert len(parse_changes_page(changes(http, auth["admin"], limit=9999).content).changes
               ) <= 5000
    assert_problem(changes(http, auth["admin"], limit=0), 422)


def test_bad_and_foreign_cursors(http, auth):
    assert_problem(changes(http, auth["admin"], "%%%not-base64"), 400)
    assert_problem(changes(http, auth["admin"], base64.urlsafe_b64encode(b"x:y").decode()), 400)
    foreign = base64.urlsafe_b64encode(b"0123456789ab:5").decode().rstrip("=")
    body = assert_problem(changes(http, auth["admin"], foreign), 410)
    assert "epoch" in body["detail"]


def test_a_cursor_of_a_recreated_server_is_gone():
    with DevServer(seed=0, dev=True) as server, httpx.Client(base_url=server.url) as http:
        server.add_user("a", "a", {SCHOOL: "admin"})
        token = http.post("/v1/oauth/token", data={"grant_type": "password", "username": "a",
                                                   "password": "a"}).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        page = parse_changes_page(changes(http, headers).content)
        assert [c.entity for c in page.changes][:1] == ["institution"]
        old_cursor = page.next_cursor
        server.stop()
        server.start()  # a new temporary database: a new epoch, on the same port
        server.add_user("a", "a", {SCHOOL: "admin"})
        token = http.post("/v1/oauth/token", data={"grant_type": "password", "username": "a",
                                                   "password": "a"}).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        assert_problem(changes(http, headers, old_cursor), 410)


def test_expire_cursors_answers_410_then_a_full_resync_works():
    with DevServer(seed=40, dev=True) as server, httpx.Client(base_url=server.url) as http:
        token = http.post("/v1/oauth/token", data={"grant_type": "password",
                                                   "username": "admin", "password": "demo"})
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        before, end_cursor, _ = pull(http, headers, limit=7)
        middle = parse_changes_page(changes(http, headers, limit=3).content).next_cursor
        assert http.post("/_dev/expire-cursors", headers=headers).status_code == 200
        assert_problem(changes(http, headers, end_cursor), 410)
        assert_problem(changes(http, headers, middle), 410)
        after, fresh_cursor, _ = pull(http, headers, limit=7)
        assert [key(c) for c in after] == [key(c) for c in before]
        assert changes(http, headers, fresh_cursor).status_code == 200


def test_retention_writes_a_tombstone(http, auth, server, world):
    _, cursor, _ = pull(http, auth["admin"], limit=5000)
    app = world.application()
    assert_problem(http.post(f"/_dev/retention/{app.id}"), 401)  # issue 14: no token, no
    assert_problem(http.post(f"/_dev/retention/{app.id}", headers=auth["desk"]), 403)
    response = http.post(f"/_dev/retention/{app.id}", headers=auth["admin"])
    assert response.status_code == 200
    assert json.loads(response.text)["of"] == "application"
    page: ChangesPage = parse_changes_page(changes(http, auth["admin"], cursor).content)
    assert [(c.entity, c.of, c.id) for c in page.changes] == [
        ("tombstone", "application", str(app.id))]
    assert app.id not in server.application_ids()
    assert_problem(http.post(f"/_dev/retention/{app.id}", headers=auth["admin"]), 404)
    # From scratch, only the tombstone is left of it.
    everything, _, _ = pull(http, auth["admin"], limit=5000)
    assert [c.entity for c in everything if key(c) == ("application", str(app.id))] == [
        "tombstone"]
