"""Issue 17: ``CentralClient.wait_for_changes``, the push channel's client side, against the
reference server on loopback. No wall-clock assertions: a held wait is seen through the
server's count of waiters."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sync.client import (
    CentralClient,
    CursorExpiredError,
    OfflineError,
    PushUnavailableError,
)
from sync.credentials import MemoryCredentials, Tokens
from sync.devserver.server import DevServer

SCHOOL = "4313900123"
WAIT_PATH = f"/v1/institutions/{SCHOOL}/changes/wait"


@pytest.fixture(scope="module")
def central() -> Iterator[DevServer]:
    with DevServer(seed=10) as srv:
        yield srv


@pytest.fixture
def client(central: DevServer) -> Iterator[CentralClient]:
    # a read timeout far shorter than any hold: the wait must bring its own
    c = CentralClient(central.url, username="admin", credentials=MemoryCredentials(),
                      timeout=(1.0, 0.2), deadline=0.5)
    c.sign_in("demo")
    yield c
    c.close()
    central.faults.clear()


def head(client: CentralClient) -> str:
    cursor = None
    while True:
        page = client.changes(SCHOOL, cursor, 1000)
        cursor = page.next_cursor
        if not page.has_more:
            return cursor


def test_true_at_once_when_behind(client: CentralClient) -> None:
    assert client.wait_for_changes(SCHOOL, None, 25) is True


def test_false_when_the_hold_passes(client: CentralClient) -> None:
    # the hold is longer than the client's read timeout and deadline (0.2 s, 0.5 s): the wait
    # has its own, or this would fail as a timeout
    assert client.wait_for_changes(SCHOOL, head(client), 0.7) is False


def test_true_when_the_feed_moves_while_held(client: CentralClient, central: DevServer) -> None:
    cursor = head(client)
    answers: list[bool] = []
    waiting = threading.Thread(target=lambda: answers.append(
        client.wait_for_changes(SCHOOL, cursor, 25)))
    waiting.start()
    assert central.push.wait_until(1, SCHOOL)
    central.applicant_contact(central.application_ids(SCHOOL)[0], phone="+37126000017")
    waiting.join(timeout=30)
    assert answers == [True]


@pytest.mark.parametrize("status", [404, 405, 501])
def test_an_older_server_without_the_channel(status: int) -> None:
    class Older(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = json.dumps({"title": "Not here", "status": status}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/problem+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    older = ThreadingHTTPServer(("127.0.0.1", 0), Older)
    threading.Thread(target=older.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{older.server_address[1]}"
    credentials = MemoryCredentials()
    credentials.save(url, "admin", Tokens("access-token", "refresh-token"))
    client = CentralClient(url, username="admin", credentials=credentials)
    try:
        with pytest.raises(PushUnavailableError):
            client.wait_for_changes(SCHOOL, None, 1)
    finally:
        client.close()
        older.shutdown()
        older.server_close()


def test_an_expired_cursor(client: CentralClient, central: DevServer) -> None:
    cursor = head(client)
    central.expire_cursors()
    with pytest.raises(CursorExpiredError):
        client.wait_for_changes(SCHOOL, cursor, 1)


def test_abort_ends_a_held_wait_at_once(client: CentralClient, central: DevServer) -> None:
    cursor = head(client)
    failures: list[BaseException] = []

    def wait() -> None:
        try:
            client.wait_for_changes(SCHOOL, cursor, 55)
        except OfflineError as exc:
            failures.append(exc)

    waiting = threading.Thread(target=wait)
    waiting.start()
    assert central.push.wait_until(1, SCHOOL)
    client.abort_wait()
    waiting.join(timeout=5)  # a bound: without the abort it would hold 55 s
    assert not waiting.is_alive() and len(failures) == 1
    assert central.push.wait_until_idle(SCHOOL)
    with pytest.raises(OfflineError):  # stopped: no new wait starts ...
        client.wait_for_changes(SCHOOL, cursor, 1)
    client.resume_waits()  # ... until the watch starts again
    assert client.wait_for_changes(SCHOOL, None, 1) is True
    # the ordinary session was never touched
    assert client.changes(SCHOOL, None, 1).changes


def test_the_hold_is_bounded(client: CentralClient) -> None:
    with pytest.raises(ValueError):
        client.wait_for_changes(SCHOOL, None, 56)
