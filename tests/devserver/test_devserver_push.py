"""Issue 17: the push channel, ``GET …/changes/wait`` (a long-poll on the school's feed).

Behaviour only, never wall-clock time: a held request is seen through the server's own count
of waiters (``DevServer.push``), never by sleeping.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx
import pytest
from devserver_support import SCHOOL, assert_problem, post_command

from sync.devserver import DevServer
from sync.protocol import ChangeSignal, ChangesPage, parse_changes_page

WAIT = f"/v1/institutions/{SCHOOL}/changes/wait"


def head_cursor(http: httpx.Client, headers: dict[str, str]) -> str:
    """The cursor of a client that has pulled the whole feed."""
    cursor = None
    while True:
        params: dict[str, str | int] = {"limit": 5000}
        if cursor:
            params["cursor"] = cursor
        response = http.get(f"/v1/institutions/{SCHOOL}/changes", headers=headers,
                            params=params)
        assert response.status_code == 200, response.text
        page: ChangesPage = parse_changes_page(response.content)
        cursor = page.next_cursor
        if not page.has_more:
            return cursor


def signal(response: httpx.Response) -> ChangeSignal:
    assert response.status_code == 200, response.text
    return ChangeSignal.model_validate_json(response.content)


def contact_change(server: DevServer) -> None:
    """A commit to the school's feed: an applicant edits their phone number."""
    app_id = server.application_ids(SCHOOL)[0]
    server.applicant_contact(app_id, phone="+37120000017")


def test_answers_at_once_when_the_feed_is_past_the_cursor(http, auth) -> None:
    got = signal(http.get(WAIT, headers=auth["desk"], params={"timeout": 55}))
    assert got.changed  # no cursor: the feed holds everything
    cursor = head_cursor(http, auth["desk"])
    assert got.cursor == cursor


def test_times_out_with_no_change(http, auth) -> None:
    cursor = head_cursor(http, auth["desk"])
    got = signal(http.get(WAIT, headers=auth["desk"],
                          params={"cursor": cursor, "timeout": 0.05}))
    assert got == ChangeSignal(changed=False, cursor=cursor)


def test_wakes_when_another_request_commits(http, auth, server, world) -> None:
    app = world.application(learner="Līga Ūdre")
    cursor = head_cursor(http, auth["desk"])
    answers: list[httpx.Response] = []
    waiting = threading.Thread(target=lambda: answers.append(http.get(
        WAIT, headers=auth["desk"], params={"cursor": cursor, "timeout": 55})))
    waiting.start()
    assert server.push.wait_until(1, SCHOOL)
    # an administrator's decision over HTTP: another request's commit moves the feed
    reply = post_command(http, auth["admin"], app.id, "grant", {}, app.version)
    assert reply.status_code == 200, reply.text
    waiting.join(timeout=30)
    assert not waiting.is_alive()
    got = signal(answers[0])
    assert got.changed and got.cursor != cursor
    assert server.push.waiting(SCHOOL) == 0


def test_another_schools_commit_does_not_wake_it(http, auth, server) -> None:
    other = f"/v1/institutions/{SCHOOL}/changes/wait"
    cursor = head_cursor(http, auth["desk"])
    server.push.notify(["4313900999"])  # news for another school only
    got = signal(http.get(other, headers=auth["desk"],
                          params={"cursor": cursor, "timeout": 0.05}))
    assert not got.changed


def test_a_hundred_waiters_do_not_block_an_ordinary_request(server, auth) -> None:
    async def scenario() -> tuple[list[httpx.Response], int, int]:
        limits = httpx.Limits(max_connections=150, max_keepalive_connections=150)
        async with httpx.AsyncClient(base_url=server.url, timeout=60, limits=limits) as client:
            with httpx.Client(base_url=server.url, timeout=20) as sync_http:
                cursor = head_cursor(sync_http, auth["desk"])
            waits = [asyncio.ensure_future(client.get(
                WAIT, headers=auth["desk"], params={"cursor": cursor, "timeout": 55}))
                for _ in range(100)]
            held = await asyncio.to_thread(server.push.wait_until, 100, SCHOOL)
            assert held
            # the feed and a sign-in go through while a hundred requests are held
            page = await client.get(f"/v1/institutions/{SCHOOL}/changes",
                                    headers=auth["desk"], params={"limit": 1})
            token = await client.post("/v1/oauth/token", data={
                "grant_type": "password", "username": "reviewer", "password": "demo"})
            still = server.push.waiting(SCHOOL)
            await asyncio.to_thread(contact_change, server)
            return [*(await asyncio.gather(*waits)), page, token], still, page.status_code

    answers, still_held, page_status = asyncio.run(scenario())
    assert page_status == 200 and answers[-1].status_code == 200
    assert still_held == 100
    assert all(signal(a).changed for a in answers[:100])


@pytest.mark.parametrize("params, status", [
    ({"cursor": "bm90LWEtY3Vyc29y"}, 400),
    ({"timeout": 56}, 422),
    ({"timeout": -1}, 422),
])
def test_bad_parameters(http, auth, params: dict[str, Any], status: int) -> None:
    assert_problem(http.get(WAIT, headers=auth["desk"], params=params), status)


def test_staff_only(http, auth) -> None:
    assert_problem(http.get(WAIT), 401)
    assert_problem(http.get("/v1/institutions/4313900999/changes/wait",
                            headers=auth["desk"], params={"timeout": 0}), 403)


def test_an_expired_cursor_answers_410_at_once_and_wakes_the_held(http, auth, server) -> None:
    cursor = head_cursor(http, auth["desk"])
    answers: list[httpx.Response] = []
    waiting = threading.Thread(target=lambda: answers.append(http.get(
        WAIT, headers=auth["desk"], params={"cursor": cursor, "timeout": 55})))
    waiting.start()
    assert server.push.wait_until(1, SCHOOL)
    server.expire_cursors()
    waiting.join(timeout=30)
    assert_problem(answers[0], 410)
    assert_problem(http.get(WAIT, headers=auth["desk"], params={"cursor": cursor}), 410)


def test_stopping_the_server_answers_the_held_requests() -> None:
    with DevServer(seed=3) as server, httpx.Client(base_url=server.url, timeout=60) as http:
        token = http.post("/v1/oauth/token", data={
            "grant_type": "password", "username": "desk", "password": "demo"}).json()
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        cursor = head_cursor(http, headers)
        answers: list[httpx.Response] = []
        waiting = threading.Thread(target=lambda: answers.append(http.get(
            WAIT, headers=headers, params={"cursor": cursor, "timeout": 55})))
        waiting.start()
        assert server.push.wait_until(1, SCHOOL)
        server.stop()
        waiting.join(timeout=30)
        assert not waiting.is_alive()
        assert not signal(answers[0]).changed
