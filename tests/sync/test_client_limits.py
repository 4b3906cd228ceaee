"""A hostile or broken server cannot make the client hold an endless answer or wait forever:
every answer has a size cap (read in pieces, stopped at the cap) and every request an overall
deadline on an injected clock. Either failure is a failed round; nothing of it is applied.

The clocks here are fakes that step forward each time the client looks at them (and let the
server send its next byte): nothing waits on wall time."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.models import decisions
from desktop.models.codes import CommandState
from desktop.models.schema import Application, OutboxCommand, SyncState
from desktop.models.store import open_store
from faultproxy import FaultProxy
from sync.client import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_RESPONSE_BYTES,
    CentralClient,
    DeadlineExceededError,
    ResponseTooLargeError,
    RetryLaterError,
)
from sync.credentials import MemoryCredentials, Tokens
from sync.engine import SyncEngine
from synctools import ADMIN, SCHOOL, Side, assert_converged, open_application_ids

FILE_ID = "ābols-čipsi"  # any id: the loopback server answers every path the same
BIG = 64 * 1024 * 1024  # what the hostile server would send if the client let it
REASON = "Nav pieejamu ierīču; mēģiniet pēc ziemas brīvlaika"


class StepClock:
    """A monotonic clock that moves ``step`` seconds each time it is read and, if given a
    semaphore, lets a dripping server send one more byte."""

    def __init__(self, step: float, drip: threading.Semaphore | None = None) -> None:
        self.now = 1000.0
        self.step = step
        self.reads = 0
        self._drip = drip

    def __call__(self) -> float:
        self.reads += 1
        self.now += self.step
        if self._drip is not None:
            self._drip.release()
        return self.now


class Hostile(BaseHTTPRequestHandler):
    """Answers every GET by the server's ``mode``: a body larger than any cap (with or without
    Content-Length), a Content-Length that announces one, or a drip of one byte per clock read.
    ``sent`` counts the body bytes the client accepted before it stopped reading."""

    protocol_version = "HTTP/1.1"
    server: HostileServer

    def do_GET(self) -> None:
        srv = self.server
        body_head = b'{"changes": ['
        if srv.mode == "drip-head":
            self._drip_head()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if srv.mode == "announced":
            self.send_header("Content-Length", str(BIG))
        elif srv.mode == "drip":
            self.send_header("Content-Length", "1000")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            if srv.mode == "drip":
                for _ in range(1000):
                    # 10 s: a bound for a client that stopped asking, not a measurement
                    if not srv.drip.acquire(timeout=10):
                        return
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    srv.sent += 1
                return
            self.wfile.write(body_head)
            chunk = b" " * 65536
            while srv.sent < BIG:
                self.wfile.write(chunk)
                srv.sent += len(chunk)
        except OSError:
            return  # the client hung up: what the tests want

    def _drip_head(self) -> None:
        """The status line and headers, one byte per clock read, and never the blank line."""
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: " + b"a" * 5000
        try:
            for i in range(len(head)):
                # 10 s: a bound for a client that stopped asking, not a measurement
                if not self.server.drip.acquire(timeout=10):
                    return
                self.wfile.write(head[i:i + 1])
                self.wfile.flush()
                self.server.head_sent += 1
        except OSError:
            return

    def log_message(self, format: str, *args: object) -> None:
        pass


class HostileServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Hostile)
        self.mode = "endless"
        self.sent = 0
        self.head_sent = 0
        self.drip = threading.Semaphore(0)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def hostile() -> Iterator[HostileServer]:
    srv = HostileServer()
    thread = threading.Thread(target=srv.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def signed_in_client(url: str, **kwargs: object) -> CentralClient:
    """A client that believes it is signed in (the hostile server checks no token)."""
    creds = MemoryCredentials()
    creds.save(url.rstrip("/"), "admin", Tokens("access", "refresh"))
    return CentralClient(url, username="admin", credentials=creds,
                         **kwargs)  # type: ignore[arg-type]


# -- the client ----------------------------------------------------------------------------------

def test_defaults_are_a_sensible_cap_and_deadline() -> None:
    assert DEFAULT_MAX_RESPONSE_BYTES == 32 * 1024 * 1024
    assert DEFAULT_DEADLINE == 60.0


@pytest.mark.parametrize("bad", [{"deadline": 0}, {"deadline": -1.0},
                                 {"deadline": float("inf")}, {"max_response_bytes": 0},
                                 {"max_response_bytes": -5}])
def test_limits_must_be_positive(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="positive"):
        CentralClient("http://127.0.0.1:1", username="admin", credentials=MemoryCredentials(),
                      **bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", ["endless", "announced"])
def test_an_oversized_page_is_refused_at_the_cap(hostile: HostileServer, mode: str) -> None:
    hostile.mode = mode
    client = signed_in_client(hostile.url, max_response_bytes=256 * 1024)
    with pytest.raises(ResponseTooLargeError) as raised:
        client.changes(SCHOOL, None)
    client.close()
    # what and how much, in both languages; it is a failed round like a 5xx
    assert isinstance(raised.value, RetryLaterError)
    assert "larger than 262144 bytes" in str(raised.value)
    assert "changes" in str(raised.value)
    assert "pārsniedz" in raised.value.message_lv and "0,25 MB" in raised.value.message_lv
    # streamed: the client stopped reading long before the server's 64 MB
    assert hostile.sent < BIG // 2


def test_a_file_larger_than_its_limit_is_stopped_while_streaming(
        hostile: HostileServer) -> None:
    client = signed_in_client(hostile.url)
    with pytest.raises(ResponseTooLargeError, match="larger than 100000 bytes"):
        client.get_file(SCHOOL, FILE_ID, max_bytes=100_000)
    client.close()
    assert hostile.sent < BIG // 2


def test_a_dripping_server_is_cut_at_the_deadline(hostile: HostileServer) -> None:
    hostile.mode = "drip"
    clock = StepClock(5.0, hostile.drip)  # each look at the clock: 5 s later, one more byte
    client = signed_in_client(hostile.url, deadline=60.0, clock=clock)
    with pytest.raises(DeadlineExceededError) as raised:
        client.changes(SCHOOL, None)
    client.close()
    assert isinstance(raised.value, RetryLaterError)
    assert "60 s" in str(raised.value) and "changes" in str(raised.value)
    assert "60 s" in raised.value.message_lv
    # the client gave up after about 60 / 5 looks, not after the 1000 bytes
    assert clock.reads <= 14
    assert hostile.sent < 20


def test_a_dripped_head_is_cut_at_the_deadline(hostile: HostileServer) -> None:
    """A server that drips its status line and headers: the deadline holds there too."""
    hostile.mode = "drip-head"
    clock = StepClock(5.0, hostile.drip)
    client = signed_in_client(hostile.url, deadline=60.0, clock=clock)
    with pytest.raises(DeadlineExceededError, match="60 s"):
        client.changes(SCHOOL, None)
    client.close()
    assert clock.reads <= 16
    assert hostile.head_sent < 20


def test_a_slow_head_counts_against_the_deadline(hostile: HostileServer) -> None:
    """The headers took the whole deadline: refused before a byte of the body is read."""
    hostile.mode = "drip"
    client = signed_in_client(hostile.url, deadline=60.0, clock=StepClock(61.0))
    with pytest.raises(DeadlineExceededError):
        client.get_file(SCHOOL, FILE_ID, max_bytes=10_000)
    client.close()
    assert hostile.sent == 0


# -- the sync engine: a failed round, nothing of it applied, the next round catches up ---------

def limited_side(folder: Path, url: str, **limits: object) -> Side:
    credentials = MemoryCredentials()
    client = CentralClient(url, username="admin", credentials=credentials,
                           timeout=(1.0, 3.0), **limits)  # type: ignore[arg-type]
    client.sign_in("demo")
    store = open_store(folder)
    return Side(folder, url, store, client, SyncEngine(store, client, SCHOOL, page_size=10),
                credentials)


def test_an_oversized_page_fails_the_round_and_applies_nothing(
        tmp_path: Path, server, proxy: FaultProxy) -> None:
    side = limited_side(tmp_path / "fresh", proxy.url, max_response_bytes=1024 * 1024)
    try:
        proxy.add(lambda m, p: m == "GET" and "/changes" in p, "oversize")
        with pytest.raises(ResponseTooLargeError):
            side.engine.sync_once()
        assert proxy.oversize_sent < 64 * 1024 * 1024
        with side.store.read() as s:
            assert s.scalar(select(func.count()).select_from(Application)) == 0
            state = s.get(SyncState, SCHOOL)
            assert state is None or state.cursor is None
        side.engine.sync_once()  # the server behaves again: the next round catches up
        assert_converged(side, server.url)
    finally:
        side.close()


def test_a_dripped_answer_to_a_push_keeps_the_command_for_the_next_round(
        tmp_path: Path, server, proxy: FaultProxy) -> None:
    clock = StepClock(0.0)
    side = limited_side(tmp_path / "desk", proxy.url, clock=clock)
    try:
        side.engine.sync_once()
        app_id = open_application_ids(side.store)[0]
        decisions.refuse(side.store, ADMIN, app_id, REASON)
        proxy.add(lambda m, p: m == "POST" and "commands" in p, "drip")
        clock.step, clock._drip = 5.0, proxy.drip_step  # from now on: a slow server
        with pytest.raises(DeadlineExceededError):
            side.engine.sync_once()
        assert proxy.dripped < 20
        with side.store.read() as s:
            (cmd,) = s.scalars(select(OutboxCommand)).all()
            assert cmd.state == CommandState.PENDING
            assert cmd.last_error == "DeadlineExceededError"
        clock.step, clock._drip = 0.0, None
        side.engine.sync_once()  # same idempotency key: the stored answer is replayed
        assert_converged(side, server.url)
    finally:
        side.close()
