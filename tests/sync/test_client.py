"""CentralClient against the real devserver on loopback (and a tiny HTTPS server for TLS):
sign-in, refresh on 401, GET-only transport retries, timeouts, Retry-After, TLS."""

from __future__ import annotations

import json
import socket
import ssl
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

from desktop.models.codes import ApplicationStatus
from faultproxy import FaultProxy
from sync.client import (
    AuthError,
    CentralClient,
    OfflineError,
    RetryLaterError,
    TlsError,
    _retry_after,
    check_server_url,
)
from sync.credentials import MemoryCredentials, Tokens
from sync.devserver.server import DevServer
from sync.protocol import CommandRequest

SCHOOL = "4313900123"


@pytest.fixture(scope="module")
def central() -> Iterator[DevServer]:
    with DevServer(seed=10) as srv:
        yield srv


@pytest.fixture
def devserver(central: DevServer) -> Iterator[DevServer]:
    yield central
    central.faults.clear()


@pytest.fixture
def relay(central: DevServer) -> Iterator[FaultProxy]:
    p = FaultProxy(int(central.url.rsplit(":", 1)[1]))
    yield p
    p.close()


def client_for(url: str, credentials: MemoryCredentials | None = None, **kwargs: object
               ) -> CentralClient:
    return CentralClient(url, username="admin", credentials=credentials or MemoryCredentials(),
                         **kwargs)  # type: ignore[arg-type]


def is_changes(method: str, path: str) -> bool:
    return method == "GET" and "/changes" in path


# -- sign-in and tokens ------------------------------------------------------------------------

def test_sign_in_saves_the_tokens_and_brings_the_roles(devserver: DevServer) -> None:
    creds = MemoryCredentials()
    client = client_for(devserver.url, creds)
    assert not client.signed_in
    token = client.sign_in("demo")
    assert client.signed_in
    assert {m.institution_id for m in token.memberships} >= {SCHOOL}
    assert creds.load(devserver.url, "admin") == Tokens(token.access_token, token.refresh_token)
    page = client.changes(SCHOOL, None, limit=5)
    assert page.changes
    client.close()


def test_wrong_password_is_an_auth_error_and_saves_nothing(devserver: DevServer) -> None:
    creds = MemoryCredentials()
    client = client_for(devserver.url, creds)
    with pytest.raises(AuthError):
        client.sign_in("not-the-password")
    assert not client.signed_in
    assert creds.load(devserver.url, "admin") is None
    with pytest.raises(AuthError):  # nothing to call with
        client.changes(SCHOOL, None)
    client.close()


def test_an_expired_access_token_is_refreshed_and_the_rotation_saved(
        devserver: DevServer) -> None:
    creds = MemoryCredentials()
    client = client_for(devserver.url, creds)
    client.sign_in("demo")
    first = creds.load(devserver.url, "admin")
    devserver.expire_tokens()
    page = client.changes(SCHOOL, None, limit=3)  # 401 → refresh → the same GET again
    assert page.changes
    second = creds.load(devserver.url, "admin")
    assert second is not None and first is not None
    assert second.access_token != first.access_token
    assert second.refresh_token != first.refresh_token  # rotated, and the new one kept
    # A new client (as after a restart) starts from what the credentials hold.
    again = client_for(devserver.url, creds)
    assert again.signed_in
    assert again.changes(SCHOOL, None, limit=1).changes
    client.close()
    again.close()


def test_a_token_that_keeps_expiring_is_refreshed_transparently_every_time(
        devserver: DevServer) -> None:
    """A short token lifetime, with its lapses made by the dev control instead of waited for."""
    creds = MemoryCredentials()
    client = client_for(devserver.url, creds)
    client.sign_in("demo")
    seen = [creds.load(devserver.url, "admin")]
    for _ in range(3):
        devserver.expire_tokens()
        assert client.changes(SCHOOL, None, limit=2).changes
        seen.append(creds.load(devserver.url, "admin"))
    assert None not in seen
    assert len({t.access_token for t in seen}) == len({t.refresh_token for t in seen}) == 4
    client.close()


def test_a_failed_refresh_is_an_auth_error_and_forgets_the_tokens(
        devserver: DevServer) -> None:
    creds = MemoryCredentials()
    client = client_for(devserver.url, creds)
    client.sign_in("demo")
    stale = creds.load(devserver.url, "admin")
    devserver.expire_tokens()
    client.changes(SCHOOL, None, limit=1)  # rotates: the stale refresh token is spent
    client.close()

    old = MemoryCredentials()
    assert stale is not None
    old.save(devserver.url, "admin", stale)
    devserver.expire_tokens()
    restarted = client_for(devserver.url, old)
    with pytest.raises(AuthError):
        restarted.changes(SCHOOL, None, limit=1)
    assert not restarted.signed_in
    assert old.load(devserver.url, "admin") is None
    restarted.close()


# -- transport retries and timeouts -------------------------------------------------------------

def test_a_get_whose_answer_is_lost_is_retried(devserver: DevServer,
                                               relay: FaultProxy) -> None:
    client = client_for(relay.url)
    client.sign_in("demo")
    relay.forwarded = relay.dropped = 0
    relay.add(is_changes, "drop_after_forward", count=1)
    assert client.changes(SCHOOL, None, limit=2).changes
    assert (relay.dropped, relay.forwarded) == (1, 1)

    relay.forwarded = relay.dropped = 0
    relay.add(is_changes, "drop_after_forward", count=5)
    with pytest.raises(OfflineError):
        client.changes(SCHOOL, None, limit=2)
    assert (relay.dropped, relay.forwarded) == (3, 0)  # one try and two retries, no more
    client.close()


def test_a_post_whose_answer_is_lost_is_not_retried(devserver: DevServer,
                                                    relay: FaultProxy) -> None:
    client = client_for(relay.url)
    client.sign_in("demo")
    app = next(a for a in devserver.applications(SCHOOL)
               if a.status == ApplicationStatus.SUBMITTED)
    command = CommandRequest(command_id=str(uuid.uuid4()), command="refuse",
                             base_version=app.version, payload={"reason": "Nav ierīču"})
    relay.forwarded = relay.dropped = 0
    relay.add(lambda m, p: m == "POST", "drop_after_forward", count=5)
    with pytest.raises(OfflineError):
        client.send_command(app.id, command)
    assert (relay.dropped, relay.forwarded) == (1, 0)  # exactly one attempt
    # The server did apply it: only the idempotency key makes the engine's retry safe.
    assert devserver.application(app.id).status == ApplicationStatus.DECLINED
    relay.clear()
    outcome = client.send_command(app.id, command)
    assert outcome.status == 200
    assert devserver.application(app.id).version == app.version + 1
    client.close()


class SlammingDoor:
    """Accepts each connection and closes it at once, counting them."""

    def __init__(self) -> None:
        self.accepted = 0
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            self.accepted += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._sock.close()


def test_only_gets_are_retried_when_the_connection_breaks() -> None:
    door = SlammingDoor()
    try:
        creds = MemoryCredentials()
        client = client_for(door.url, creds)
        with pytest.raises(OfflineError, match="no answer from"):
            client.sign_in("demo")
        assert door.accepted == 1  # a POST: one attempt
        creds.save(door.url, "admin", Tokens("a", "r"))
        client = client_for(door.url, creds)
        with pytest.raises(OfflineError):
            client.changes(SCHOOL, None)
        assert door.accepted == 1 + 3  # a GET: one attempt and two retries
        client.close()
    finally:
        door.close()


def test_a_refused_connection_is_retried_for_gets_only(monkeypatch) -> None:
    """urllib3 would retry a refused connect for any method; the client does for GET only."""
    import urllib3.util.connection

    attempts: list[tuple[str, int]] = []

    def refuse(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        attempts.append(address)
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(urllib3.util.connection, "create_connection", refuse)
    creds = MemoryCredentials()
    client = client_for("http://127.0.0.1:9", creds)
    with pytest.raises(OfflineError):
        client.sign_in("demo")
    assert len(attempts) == 1
    creds.save("http://127.0.0.1:9", "admin", Tokens("a", "r"))
    client = client_for("http://127.0.0.1:9", creds)
    with pytest.raises(OfflineError):
        client.changes(SCHOOL, None)
    assert len(attempts) == 1 + 3
    client.close()


def _timed_out(exc: BaseException) -> bool:
    """Whether a read timeout is among the causes of this error."""
    import urllib3.exceptions

    seen: list[object] = [exc]
    while seen:
        item = seen.pop()
        if isinstance(item, urllib3.exceptions.ReadTimeoutError | requests.exceptions.ReadTimeout):
            return True
        if isinstance(item, BaseException):
            seen += [item.__cause__, item.__context__, getattr(item, "reason", None), *item.args]
    return False


def test_every_call_has_a_timeout(devserver: DevServer, relay: FaultProxy) -> None:
    # The proxy holds each connection until released (30 s at most): only the client's own
    # 0.5 s read timeout can end the call with a read timeout. How long it took is not asserted.
    client = client_for(relay.url, timeout=(1.0, 0.5))
    relay.add(lambda m, p: m == "POST", "hang")
    with pytest.raises(OfflineError) as err:
        client.sign_in("demo")
    assert _timed_out(err.value)
    assert relay.wait_for(lambda: relay.hung == 1)  # a POST: one attempt
    relay.clear()

    client.sign_in("demo")
    relay.hung = 0
    relay.add(is_changes, "hang", count=3)
    with pytest.raises(OfflineError) as err:
        client.changes(SCHOOL, None, limit=1)
    assert _timed_out(err.value)
    assert relay.wait_for(lambda: relay.hung == 3)  # a GET: three bounded tries
    relay.clear()
    client.close()


@pytest.mark.parametrize("timeout", [(0, 1), (1, -1), (1, float("inf")), (1, float("nan"))])
def test_a_timeout_must_be_finite_and_positive(timeout: tuple[float, float]) -> None:
    with pytest.raises(ValueError, match="timeout"):
        client_for("http://127.0.0.1:9", timeout=timeout)


# -- the service asks us to wait ----------------------------------------------------------------

@pytest.mark.parametrize("status", [429, 503])
def test_busy_answers_carry_retry_after(devserver: DevServer, status: int) -> None:
    client = client_for(devserver.url)
    client.sign_in("demo")
    devserver.faults.add("GET", "/v1/institutions", status=status, count=1, retry_after=7)
    with pytest.raises(RetryLaterError) as err:
        client.changes(SCHOOL, None, limit=1)
    assert err.value.retry_after == 7
    assert client.changes(SCHOOL, None, limit=1).changes  # 503 is not retried by transport
    client.close()


def answer_with(retry_after: str | None) -> requests.Response:
    response = requests.Response()
    response.status_code = 503
    if retry_after is not None:
        response.headers["Retry-After"] = retry_after
    return response


def test_retry_after_in_both_forms() -> None:
    assert _retry_after(answer_with("120")) == 120
    assert _retry_after(answer_with(" 1.5 ")) == 1.5
    assert _retry_after(answer_with("-3")) == 0
    now = datetime(2026, 9, 3, 8, 0, 0, tzinfo=UTC)  # a fixed clock: exact answers
    in_30s = format_datetime(now + timedelta(seconds=30), usegmt=True)
    assert _retry_after(answer_with(in_30s), now=now) == 30
    naive = format_datetime(now.replace(tzinfo=None) + timedelta(seconds=60))
    assert naive.endswith("-0000")
    assert _retry_after(answer_with(naive), now=now) == 60
    assert _retry_after(answer_with("Wed, 21 Oct 2015 07:28:00 GMT"), now=now) == 0  # past
    assert _retry_after(answer_with("Wed, 21 Oct 2015 07:28:00 GMT")) == 0  # and without one
    for junk in (None, "", "soon", "inf", "nan", "Wed, 99 Foo 2015"):
        assert _retry_after(answer_with(junk)) is None


# -- TLS -----------------------------------------------------------------------------------------

class _TokenHandler(BaseHTTPRequestHandler):
    """Just enough of the protocol for a sign-in and an empty changes page."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._json({"access_token": "tls-access", "refresh_token": "tls-refresh",
                    "token_type": "Bearer", "expires_in": 60, "username": "admin",
                    "display_name": "Ņina Ozola",
                    "memberships": [{"institution_id": SCHOOL,
                                     "institution_name": "Testa skola", "role": "admin"}]})

    def do_GET(self) -> None:
        self._json({"changes": [], "next_cursor": "1", "has_more": False})

    def _json(self, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _TlsServer(ThreadingHTTPServer):
    daemon_threads = True
    accepted = 0

    def get_request(self):  # type: ignore[no-untyped-def]
        self.accepted += 1
        return super().get_request()


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[_TlsServer, Path]]:
    trustme = pytest.importorskip("trustme")
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    ca_pem = tmp_path_factory.mktemp("ca") / "school-ca.pem"
    ca.cert_pem.write_to_path(str(ca_pem))
    httpd = _TlsServer(("127.0.0.1", 0), _TokenHandler)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield httpd, ca_pem
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def tls_url(server: _TlsServer) -> str:
    return f"https://127.0.0.1:{server.server_address[1]}"


def test_an_untrusted_certificate_is_a_tls_error_not_offline(tls_server) -> None:
    httpd, _ca = tls_server
    creds = MemoryCredentials()
    client = client_for(tls_url(httpd), creds)
    httpd.accepted = 0
    with pytest.raises(TlsError) as err:
        client.sign_in("demo")
    assert not isinstance(err.value, OfflineError)
    assert tls_url(httpd) in str(err.value)
    assert "not trusted" in str(err.value) and "CA bundle" in str(err.value)
    assert "sertifikāts nav uzticams" in err.value.message_lv
    assert creds.load(tls_url(httpd), "admin") is None

    creds.save(tls_url(httpd), "admin", Tokens("a", "r"))
    getter = client_for(tls_url(httpd), creds)
    with pytest.raises(TlsError):
        getter.changes(SCHOOL, None)
    assert httpd.accepted == 2  # one handshake each: a TLS failure is never retried
    client.close()
    getter.close()


def test_the_school_ca_bundle_makes_it_trusted(tls_server) -> None:
    httpd, ca_pem = tls_server
    client = client_for(tls_url(httpd), ca_bundle=ca_pem)
    assert client.session.verify == str(ca_pem)
    assert client.sign_in("demo").access_token == "tls-access"
    assert client.changes(SCHOOL, None).next_cursor == "1"
    client.close()


def test_the_configured_bundle_wins_over_the_environment(tls_server, tmp_path: Path,
                                                         monkeypatch) -> None:
    httpd, ca_pem = tls_server
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", requests.certs.where())
    client = client_for(tls_url(httpd), ca_bundle=ca_pem)
    assert client.sign_in("demo").access_token == "tls-access"
    client.close()
    # Without a configured bundle the environment's is honoured (verification stays on) …
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(ca_pem))
    client = client_for(tls_url(httpd))
    assert client.sign_in("demo").access_token == "tls-access"
    client.close()
    # … and one that does not exist falls back to the default store, not to "no checks".
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tmp_path / "missing.pem"))
    client = client_for(tls_url(httpd))
    with pytest.raises(TlsError):
        client.sign_in("demo")
    client.close()


def test_verification_cannot_be_switched_off(tls_server, tmp_path: Path) -> None:
    httpd, ca_pem = tls_server
    client = client_for(tls_url(httpd))
    assert client.session.verify is True
    with pytest.raises(ValueError, match="cannot be switched off"):
        client.session.verify = False
    with pytest.raises(ValueError, match="cannot be switched off"):
        client.session.verify = ""
    assert client.session.verify is True
    with pytest.raises(ValueError, match="cannot be switched off"):
        client.session.get(f"{tls_url(httpd)}/v1/x", verify=False, timeout=2)
    with pytest.raises(ValueError, match="does not exist"):
        client_for(tls_url(httpd), ca_bundle=tmp_path / "missing.pem")
    with pytest.raises(ValueError, match="does not exist"):
        client_for(tls_url(httpd), ca_bundle=tmp_path)  # a folder is not a bundle
    junk = tmp_path / "junk.pem"
    junk.write_text("this is not a certificate\n")
    with pytest.raises(ValueError, match="no usable PEM certificate"):
        client_for(tls_url(httpd), ca_bundle=junk)
    client.close()


@pytest.mark.parametrize("url", ["http://central.example", "http://10.0.0.5:8000",
                                 "http://127.evil.example", "http://localhost.evil.example",
                                 "ftp://127.0.0.1", "https://", "https://u:p@central.example",
                                 "https://central.example/?x=1"])
def test_plain_http_only_on_this_computer(url: str) -> None:
    with pytest.raises(ValueError):
        check_server_url(url)
    with pytest.raises(ValueError):
        client_for(url)


@pytest.mark.parametrize(("url", "base"), [
    ("https://central.example/", "https://central.example"),
    ("https://central.example:8443/api/", "https://central.example:8443/api"),
    ("http://127.0.0.1:8765", "http://127.0.0.1:8765"),
    ("http://localhost:1", "http://localhost:1"),
    ("http://[::1]:1/", "http://[::1]:1"),
])
def test_server_urls_that_are_fine(url: str, base: str) -> None:
    assert check_server_url(url) == base
