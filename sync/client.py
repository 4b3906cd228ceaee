"""HTTP to the central service: one requests Session, a timeout on every call, TLS verified.

Transport retries are for idempotent GETs only; commands are retried by the sync engine with
their idempotency key. Failures become typed errors the engine and the UI can act on.
"""

from __future__ import annotations

import contextlib
import http.client
import io
import logging
import math
import os
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import quote

import requests
from pydantic import TypeAdapter, ValidationError
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import ConnectionPool, HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import MaxRetryError
from urllib3.response import BaseHTTPResponse
from urllib3.util.retry import Retry

from desktop.models.urls import UrlError, check_url
from sync.credentials import Credentials, Tokens
from sync.protocol import (
    MAX_BATCH,
    MAX_BATCH_HEADER,
    PROBLEM_JSON,
    PUSH_HOLD,
    PUSH_MAX_HOLD,
    WORKSTATION_HEADER,
    WORKSTATION_NAME_HEADER,
    WORKSTATION_REVOKED,
    BatchCommand,
    BatchRequest,
    BatchResponse,
    ChangeSignal,
    ChangesPage,
    CommandAccepted,
    CommandRequest,
    InstitutionWire,
    ItemStatusChange,
    ItemUpsert,
    ItemWire,
    OfferedKindPatch,
    OfferedKindWire,
    PayloadError,
    Problem,
    SchoolSettingsPatch,
    TokenResponse,
    WorkstationWire,
    etag,
    parse,
    parse_changes_page,
)

if TYPE_CHECKING:
    from requests.sessions import _Settings  # the stubs' name for what requests returns

log = logging.getLogger(__name__)
_WORKSTATIONS = TypeAdapter(list[WorkstationWire])

DEFAULT_TIMEOUT = (3.05, 20.0)  # (connect, read) seconds
# The read timeout bounds one silence, not a whole answer: a server that sends a byte every
# few seconds never trips it. The deadline bounds the whole request, the cap the whole body
# (a JSON page of 1000 changes is well under 1 MB; 32 MB leaves room without letting a
# hostile answer take the memory).
DEFAULT_DEADLINE = 60.0  # seconds, from sending the request to the body's last byte
DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024
#: The wire's own bound on a batch (``BatchRequest``): never more, whatever a service says.
WIRE_MAX_BATCH = MAX_BATCH
# The push channel's wait is held by the server up to its timeout; the read timeout and the
# deadline of that one call are longer by this much (the answer's own way back), and its
# answer is a few dozen bytes.
PUSH_GRACE = 10.0
_PUSH_MAX_BYTES = 64 * 1024
_READ_PIECE = 64 * 1024


class CentralError(Exception):
    """Talking to the central service failed; ``message_lv`` is for the status bar."""

    message_lv = "Neizdevās sazināties ar centrālo servisu"


class OfflineError(CentralError):
    """No answer (connection refused, dropped, timed out): try again later."""

    message_lv = "Nav savienojuma ar centrālo servisu"


class RetryLaterError(CentralError):
    """The service asked us to wait (429/503) or failed (5xx)."""

    def __init__(self, message: str, retry_after: float | None) -> None:
        super().__init__(message)
        self.retry_after = retry_after

    message_lv = "Centrālais serviss ir aizņemts; mēģināsim vēlreiz"


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.2f}".rstrip("0").rstrip(".").replace(".", ",") + " MB"


class ResponseTooLargeError(RetryLaterError):
    """An answer larger than the cap: refused while it streams in, before it is used.

    A failed round like a 5xx (the engine keeps every command and retries later), not a
    refusal of one command: the service misbehaved, the commands did nothing wrong."""

    def __init__(self, what: str, limit: int) -> None:
        super().__init__(f"{what}: the answer is larger than {limit} bytes; refused", None)
        self.message_lv = f"Centrālā servisa atbilde pārsniedz {_megabytes(limit)}"


class DeadlineExceededError(RetryLaterError):
    """The whole answer did not arrive within the deadline (a server that drips bytes never
    trips the per-read timeout). A failed round; the answer may have been lost after the
    service applied a command, so the command goes again with its idempotency key."""

    def __init__(self, what: str, deadline: float) -> None:
        super().__init__(f"{what}: no complete answer within {deadline:g} s", None)
        self.message_lv = f"Centrālais serviss neatbildēja {deadline:g} s laikā"


class AuthError(CentralError):
    """Not signed in, or the sign-in is no longer valid."""

    message_lv = "Jāpierakstās vēlreiz"


class ForbiddenError(CentralError):
    message_lv = "Centrālais serviss šai lomai to neatļauj"


class WorkstationRevokedError(CentralError):
    """403 workstation-revoked: an administrator revoked this computer (a lost laptop). Not
    transient: the app erases its local copy; the stored sign-in is already forgotten."""

    message_lv = "Šī darbstacija ir atsaukta centrālajā servisā; tās dati tiek dzēsti"
    message_en = ("This workstation has been revoked in the central service; its data are "
                  "being erased")


class UnknownWorkstationError(CentralError):
    """404 on revoking: the service knows no such workstation at the caller's schools."""

    message_lv = "Centrālajā sistēmā šīs skolas darbstaciju sarakstā tādas nav"


class PushUnavailableError(CentralError):
    """The service has no push channel (an older one answers 404/405/501): the caller falls
    back to syncing on a timer. Not transient: asking again will not help."""

    message_lv = "Centrālais serviss nesniedz izmaiņu paziņojumus; sinhronizē ik pēc brīža"
    message_en = "The central service offers no change notifications; syncing on a timer"


class CursorExpiredError(CentralError):
    """410: the server no longer has changes that old; start again from scratch."""


class BadResponseError(CentralError):
    """The answer does not follow the protocol."""

    message_lv = "Centrālā servisa atbilde nav derīga"


class BatchTooLargeError(CentralError):
    """413 on a batch: the service takes at most ``max_batch`` commands in one (None: it did
    not say). Nothing of the batch was applied."""

    def __init__(self, message: str, max_batch: int | None) -> None:
        super().__init__(message)
        self.max_batch = max_batch


class TlsError(CentralError):
    """The TLS connection cannot be trusted (typically: the server's certificate is not signed
    by a CA we trust). Not transient: retrying will not help until the configuration changes."""

    message_lv = ("Centrālā servisa sertifikāts nav uzticams; ja skolai ir sava sertifikācijas "
                  "iestāde (CA), norādiet tās sertifikātu")

    def __init__(self, message: str, message_lv: str | None = None) -> None:
        super().__init__(message)
        if message_lv is not None:
            self.message_lv = message_lv


@dataclass(frozen=True)
class CommandOutcome:
    """A command's answer: 200 with the new state, or a problem (409/412/422/…)."""

    status: int
    accepted: CommandAccepted | None = None
    problem: Problem | None = None


def _retry_after(response: requests.Response, now: datetime | None = None) -> float | None:
    """Retry-After as seconds from ``now`` (the current time when not given): delta-seconds or
    an HTTP-date (RFC 9110 10.2.3)."""
    value = (response.headers.get("Retry-After") or "").strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:  # "-0000" parses naive; HTTP dates are GMT anyway
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)


def check_server_url(url: str) -> str:
    """The server's base URL without a trailing slash, or ValueError saying what is wrong.

    The one URL policy (``desktop.models.urls``): https:// always, plain http:// only to this
    computer (the devserver, tests), because TLS is never switched off for a real server.
    """
    text = url.strip()
    try:
        check_url(text, allow_query=False)
    except UrlError as exc:
        raise ValueError(f"the server URL {text!r} {exc.message_en}") from exc
    return text.rstrip("/")


def _check_ca_bundle(ca_bundle: Path | str | None) -> str | None:
    """The CA bundle's path if it is a readable PEM file with a certificate, else ValueError."""
    if ca_bundle is None:
        return None
    path = Path(ca_bundle)
    if not str(ca_bundle).strip():
        raise ValueError("the CA bundle path is empty")
    if not path.is_file():
        raise ValueError(f"the CA bundle {path} does not exist or is not a file")
    try:
        ssl.create_default_context(cafile=str(path))
    except (ssl.SSLError, OSError, ValueError) as exc:
        raise ValueError(f"the CA bundle {path} holds no usable PEM certificate "
                         f"({getattr(exc, 'reason', None) or type(exc).__name__})") from exc
    return str(path)


class _VerifiedSession(requests.Session):
    """A Session whose certificate verification cannot be switched off.

    ``verify`` is True (the default trust store) or the configured CA bundle; assigning False
    (or anything else) raises ValueError, and so does a per-request ``verify=False``. The
    configured bundle also wins over REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE (requests would let the
    environment replace it); without one, an environment bundle that exists is honoured.
    """

    def __init__(self, ca_bundle: str | None = None) -> None:
        self._verify: str | bool = True
        self._warned_env = False
        super().__init__()
        self.verify = ca_bundle or True

    @property
    def verify(self) -> str | bool:
        return self._verify

    @verify.setter
    def verify(self, value: object) -> None:
        if value is True:
            self._verify = True
        elif isinstance(value, str | os.PathLike) and Path(value).is_file():
            self._verify = os.fspath(value)
        else:
            raise ValueError("TLS certificate verification cannot be switched off; "
                             "give a CA bundle file instead")

    def merge_environment_settings(self, url: str | bytes | None, proxies: Any, stream: Any,
                                   verify: Any, cert: Any) -> _Settings:
        if verify is not None and verify is not True and verify != self._verify:
            raise ValueError("TLS certificate verification cannot be switched off per request")
        settings = super().merge_environment_settings(url, proxies, stream, None, cert)
        if self._verify is not True:
            settings["verify"] = self._verify
        elif settings.get("verify") is not True:
            env_bundle = settings.get("verify")
            if not (isinstance(env_bundle, str) and os.path.exists(env_bundle)):
                if not self._warned_env:
                    self._warned_env = True
                    log.warning("ignoring REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE: not an existing "
                                "path; the default trust store is used")
                settings["verify"] = True
        return settings


class _GetOnlyRetry(Retry):
    """Transport retries for GET only.

    urllib3 retries a failed *connect* for any method; here every other method gets exactly
    one attempt (commands are retried by the sync engine, with their idempotency key).
    """

    def increment(self, method: str | None = None, url: str | None = None,
                  response: BaseHTTPResponse | None = None, error: Exception | None = None,
                  _pool: ConnectionPool | None = None,
                  _stacktrace: TracebackType | None = None) -> Self:
        if error is not None and (method is None or not self._is_method_retryable(method)):
            # urllib3 types the pool as required yet hands increment() None when it has
            # none; its own Retry.increment raises MaxRetryError(_pool, ...) the same way.
            raise MaxRetryError(_pool, url, error) from error  # type: ignore[arg-type]
        return super().increment(method, url, response, error, _pool, _stacktrace)


_watch = threading.local()  # the running request's deadline check, for the socket reads


class _DeadlineReader(io.RawIOBase):
    """The socket as http.client reads it, with the request's deadline checked before every
    receive: the status line and headers too, which a server can drip as slowly as a body
    (each byte resets the read timeout, so that alone never ends it)."""

    def __init__(self, raw: io.RawIOBase) -> None:
        super().__init__()
        self._raw = raw

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        check: Callable[[], None] | None = getattr(_watch, "check", None)
        if check is not None:
            check()
        return self._raw.readinto(buffer)

    def close(self) -> None:
        self._raw.close()  # releases http.client's hold on the socket, as makefile() does
        super().close()


class _DeadlineResponse(http.client.HTTPResponse):
    def __init__(self, sock: socket.socket, *args: Any, **kwargs: Any) -> None:
        super().__init__(sock, *args, **kwargs)
        self.fp.close()
        self.fp = io.BufferedReader(_DeadlineReader(sock.makefile("rb", buffering=0)))


def _announce_socket(sock: socket.socket | None) -> None:
    """Tell the running request which socket it waits on (the push wait keeps it, so that
    stopping the wait can shut the socket and end a blocked read at once)."""
    seen: Callable[[socket.socket], None] | None = getattr(_watch, "socket_seen", None)
    if seen is not None and sock is not None:
        seen(sock)


class _DeadlineHTTPConnection(HTTPConnection):
    response_class = _DeadlineResponse

    def getresponse(self) -> Any:  # the stubs' return type differs between urllib3 versions
        _announce_socket(self.sock)
        return super().getresponse()


class _DeadlineHTTPSConnection(HTTPSConnection):
    response_class = _DeadlineResponse

    def getresponse(self) -> Any:
        _announce_socket(self.sock)
        return super().getresponse()


class _DeadlineHTTPPool(HTTPConnectionPool):
    ConnectionCls = _DeadlineHTTPConnection


class _DeadlineHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _DeadlineHTTPSConnection


class _DeadlineAdapter(HTTPAdapter):
    """An HTTPAdapter whose connections read through ``_DeadlineReader``."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _DeadlineHTTPPool,
                                                   "https": _DeadlineHTTPSPool}


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception, its causes/contexts, and the errors wrapped in args or ``reason``."""
    seen: set[int] = set()
    todo: list[Any] = [exc]
    while todo:
        item = todo.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        todo.extend([item.__cause__, item.__context__, getattr(item, "reason", None),
                     *item.args])


def _transport_error(server: str, what: str, exc: requests.RequestException) -> CentralError:
    """A requests failure as a typed error: TlsError for an untrusted certificate (and other
    TLS failures that are not a dropped connection), OfflineError for everything else."""
    if isinstance(exc, requests.exceptions.SSLError):
        causes = list(_causes(exc))
        for cause in causes:
            if isinstance(cause, ssl.SSLCertVerificationError):
                detail = cause.verify_message or "certificate verify failed"
                return TlsError(
                    f"the certificate of {server} is not trusted ({detail}); if the school "
                    f"uses its own certificate authority, configure its CA bundle")
        if not any(isinstance(c, ssl.SSLEOFError | ssl.SSLZeroReturnError | ConnectionError)
                   for c in causes):
            if "certificate verify failed" in str(exc):
                return TlsError(f"the certificate of {server} is not trusted; if the school "
                                f"uses its own certificate authority, configure its CA bundle")
            reason = next((c.reason for c in causes
                           if isinstance(c, ssl.SSLError) and c.reason), None)
            return TlsError(f"a secure (TLS) connection to {server} failed"
                            f"{f' ({reason})' if reason else ''}",
                            "Neizdevās izveidot drošu (TLS) savienojumu ar centrālo servisu")
    return OfflineError(f"{what}: no answer from {server} ({type(exc).__name__})")


class CentralClient:
    """The central service's API as methods; one instance per signed-in user and server."""

    def __init__(
        self,
        base_url: str,
        *,
        username: str,
        credentials: Credentials,
        ca_bundle: Path | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        clock: Callable[[], float] = time.monotonic,
        workstation: tuple[str, str] | None = None,
    ) -> None:
        """``workstation``: (id, name) of this computer, sent with every request so that an
        administrator sees it and can revoke it (``desktop.models.workstation``)."""
        self.base_url = check_server_url(base_url)
        self.username = username
        self._credentials = credentials
        if (len(timeout) != 2
                or not all(isinstance(t, int | float) and 0 < t < math.inf for t in timeout)):
            raise ValueError("timeout must be (connect, read) seconds, both positive")
        self._timeout = (float(timeout[0]), float(timeout[1]))
        if not (isinstance(deadline, int | float) and 0 < deadline < math.inf):
            raise ValueError("deadline must be a positive number of seconds")
        if not (isinstance(max_response_bytes, int) and max_response_bytes > 0):
            raise ValueError("max_response_bytes must be a positive number of bytes")
        self._deadline = float(deadline)
        self._max_response_bytes = max_response_bytes
        self._clock = clock  # monotonic; injected by tests so that none of them waits
        # Verification stays on; a school's own CA can be given, never switched off.
        self._ca_bundle: str | None = _check_ca_bundle(ca_bundle)
        self.session: requests.Session = _VerifiedSession(self._ca_bundle)
        self._tokens: Tokens | None = credentials.load(self.base_url, username)
        # The push wait runs on a thread of its own next to the sync: one refresh at a time,
        # or both would spend the same refresh token and the second would sign us out.
        self._refresh_lock = threading.Lock()
        self._push_session: requests.Session | None = None  # the push wait's own connection
        self._push_lock = threading.Lock()
        self._push_socket: socket.socket | None = None
        self._push_aborted = False
        self.session.headers["User-Agent"] = "Resursi"
        self.session.headers["Accept"] = f"application/json, {PROBLEM_JSON}"
        self.workstation: tuple[str, str] | None = None
        # How many commands the service takes in one batch, as its batch answers say (None:
        # not heard yet, or a service that does not say; the engine then sends its default).
        self.max_batch: int | None = None
        if workstation is not None:
            self.identify(workstation)
        # Connect and read failures of a GET are retried twice (a few hundred ms apart);
        # no status is retried here (429/503 go to the engine's backoff), nothing else at all.
        gets_only = _GetOnlyRetry(total=2, connect=2, read=2, status=0, other=0, redirect=0,
                                  backoff_factor=0.2, allowed_methods=frozenset({"GET"}),
                                  raise_on_status=False, respect_retry_after_header=False)
        self.session.mount("http://", _DeadlineAdapter(max_retries=gets_only))
        self.session.mount("https://", _DeadlineAdapter(max_retries=gets_only))

    @property
    def signed_in(self) -> bool:
        return self._tokens is not None

    def close(self) -> None:
        self.abort_wait()
        self.session.close()

    # -- sign-in ------------------------------------------------------------------------------
    def sign_in(self, password: str) -> TokenResponse:
        token = self._token_request({"grant_type": "password", "username": self.username,
                                     "password": password})
        return token

    def resume(self) -> TokenResponse:
        """At start-up: a fresh token from the stored refresh token, with the memberships.

        AuthError when nothing is stored or the refresh token was refused (the stored tokens
        are then forgotten); transport failures pass through, so the caller can work offline.
        """
        if self._tokens is None:
            raise AuthError("not signed in")
        try:
            return self._token_request({"grant_type": "refresh_token",
                                        "refresh_token": self._tokens.refresh_token})
        except AuthError:
            self.sign_out()
            raise

    def sign_out(self) -> None:
        self._tokens = None
        self._credentials.forget(self.base_url, self.username)

    def _token_request(self, form: Mapping[str, str]) -> TokenResponse:
        response = self._request("POST", "/v1/oauth/token", "sign-in", data=form)
        self._raise_if_revoked(response)
        if response.status_code in (400, 401):
            if form.get("grant_type") == "password":
                error = AuthError("the user name or password is wrong")
                error.message_lv = "Nepareizs lietotājvārds vai parole"
                raise error
            raise AuthError("the sign-in expired; sign in again")
        self._raise_for_transient(response)
        if response.status_code != 200:
            raise CentralError(f"sign-in answered {response.status_code}")
        token = self._parse(TokenResponse, response, "token")
        self._tokens = Tokens(token.access_token, token.refresh_token)
        self._credentials.save(self.base_url, self.username, self._tokens)
        return token

    def _refreshed_since(self, used: Tokens) -> bool:
        """After a 401 to ``used``: fresh tokens (another thread's refresh counts), or False."""
        with self._refresh_lock:
            if self._tokens is not None and self._tokens != used:
                return True  # the other thread (sync or push wait) has just refreshed
            return self._refresh()

    def _refresh(self) -> bool:
        if self._tokens is None:
            return False
        try:
            self._token_request({"grant_type": "refresh_token",
                                 "refresh_token": self._tokens.refresh_token})
        except AuthError:
            self.sign_out()
            return False
        return True

    # -- plumbing -----------------------------------------------------------------------------
    def _request(self, method: str, path: str, what: str, *, max_bytes: int | None = None,
                 timeout: tuple[float, float] | None = None, deadline: float | None = None,
                 session: requests.Session | None = None,
                 socket_seen: Callable[[socket.socket], None] | None = None,
                 **kwargs: Any) -> requests.Response:
        """The one place a request goes out: always with the timeout, never redirected, the
        body read in pieces up to ``max_bytes`` (the client's cap when not given) and the
        whole of it within the deadline. The response comes back fully read. The push wait
        alone gives its own timeout, deadline and session (see ``wait_for_changes``)."""
        limit = self._max_response_bytes if max_bytes is None else max_bytes
        until = self._deadline if deadline is None else deadline
        started = self._clock()
        _watch.check = lambda: self._check_deadline(what, started, until)
        _watch.socket_seen = socket_seen
        try:
            try:
                response = (session or self.session).request(
                    method, f"{self.base_url}{path}", timeout=timeout or self._timeout,
                    allow_redirects=False, stream=True, **kwargs)
            except requests.RequestException as exc:
                raise _transport_error(self.base_url, what, exc) from exc
            try:
                body = self._read_body(response, what, limit, started, until)
            except BaseException:
                response.close()  # a half-read answer: the connection is not reused
                raise
        finally:
            _watch.check = None
            _watch.socket_seen = None
        response._content = body  # requests' own cache of .content: read once, here
        if response.raw is not None:
            response.raw.release_conn()
        return response

    def _read_body(self, response: requests.Response, what: str, limit: int,
                   started: float, deadline: float) -> bytes:
        """The body, piece by piece: ``read1`` returns what one socket read brings, so a
        server that drips bytes still hands control back here to look at the clock."""
        self._check_deadline(what, started, deadline)
        declared = response.headers.get("Content-Length", "").strip()
        if declared.isdigit() and int(declared) > limit:
            raise ResponseTooLargeError(what, limit)
        if not hasattr(response.raw, "read1"):
            # an adapter that answered from memory (no socket): only the cap applies
            held = response.content or b""
            if len(held) > limit:
                raise ResponseTooLargeError(what, limit)
            return held
        pieces: list[bytes] = []
        size = 0
        try:
            while True:
                piece = response.raw.read1(_READ_PIECE, decode_content=True)
                self._check_deadline(what, started, deadline)
                if not piece:
                    break
                size += len(piece)
                if size > limit:
                    raise ResponseTooLargeError(what, limit)
                pieces.append(piece)
        except (Urllib3Error, OSError) as exc:
            raise OfflineError(f"{what}: the answer from {self.base_url} broke off "
                               f"({type(exc).__name__})") from exc
        return b"".join(pieces)

    def _check_deadline(self, what: str, started: float, deadline: float) -> None:
        if self._clock() - started > deadline:
            raise DeadlineExceededError(what, deadline)

    def _send(self, method: str, path: str, *, headers: dict[str, str] | None = None,
              keep: tuple[int, ...] = (), **kwargs: Any) -> requests.Response:
        if self._tokens is None:
            raise AuthError("not signed in")
        for attempt in (1, 2):
            tokens = self._tokens
            if tokens is None:  # signed out meanwhile (on another thread)
                raise AuthError("not signed in")
            all_headers = {"Authorization": f"Bearer {tokens.access_token}",
                           **(headers or {})}
            response = self._request(method, path, f"{method} {path.split('?')[0]}",
                                     headers=all_headers, **kwargs)
            if response.status_code == 401 and attempt == 1 and self._refreshed_since(tokens):
                continue
            break
        self._raise_if_revoked(response)
        if response.status_code == 401:
            raise AuthError("the central service refused the sign-in")
        if response.status_code == 403:
            raise ForbiddenError(self._problem_text(response))
        if response.status_code not in keep:  # statuses the caller reads itself
            self._raise_for_transient(response)
        return response

    def _raise_if_revoked(self, response: requests.Response) -> None:
        """A revoked workstation: the stored tokens go (they are worth nothing now) and the
        caller hears ``WorkstationRevokedError``, from sign-in, resume and refresh too."""
        if response.status_code != 403:
            return
        if self._problem(response).type != WORKSTATION_REVOKED:
            return
        self.sign_out()
        raise WorkstationRevokedError(self._problem_text(response))

    @staticmethod
    def _raise_for_transient(response: requests.Response) -> None:
        if response.status_code in (429, 503) or response.status_code >= 500:
            raise RetryLaterError(f"the central service answered {response.status_code}",
                                  _retry_after(response))

    @staticmethod
    def _parse(model: Any, response: requests.Response, what: str) -> Any:
        try:
            return parse(model, response.content, what)
        except PayloadError as exc:
            raise BadResponseError(str(exc)) from exc

    def _problem(self, response: requests.Response) -> Problem:
        try:
            return parse(Problem, response.content, "problem")
        except PayloadError:
            return Problem(title=response.reason or "error", status=response.status_code)

    def _problem_text(self, response: requests.Response) -> str:
        problem = self._problem(response)
        return problem.detail or problem.title

    # -- the API ----------------------------------------------------------------------------
    def changes(self, institution_id: str, cursor: str | None, limit: int = 1000) -> ChangesPage:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        response = self._send("GET", f"/v1/institutions/{institution_id}/changes",
                              params=params)
        if response.status_code == 410:
            raise CursorExpiredError("the sync cursor expired")
        if response.status_code != 200:
            raise CentralError(f"changes answered {response.status_code}: "
                               f"{self._problem_text(response)}")
        try:
            return parse_changes_page(response.content)
        except PayloadError as exc:
            raise BadResponseError(str(exc)) from exc

    def wait_for_changes(self, institution_id: str, cursor: str | None,
                         timeout: float = PUSH_HOLD) -> bool:
        """The push channel: True as soon as the school's feed holds changes past ``cursor``,
        False when the server's hold of ``timeout`` seconds passed without any.

        The call waits longer than any other, so it has its own read timeout and deadline
        (the hold plus ``PUSH_GRACE``) and its own connection, never retried here (the
        caller's loop decides when to wait again). ``PushUnavailableError`` when the server
        has no such channel (404/405/501: an older one), ``CursorExpiredError`` on 410,
        ``OfflineError`` when the connection broke off or ``abort_wait`` ended it."""
        if not (isinstance(timeout, int | float) and 0 <= timeout <= PUSH_MAX_HOLD):
            raise ValueError(f"the push wait holds 0 to {PUSH_MAX_HOLD:.0f} seconds")
        params: dict[str, Any] = {"timeout": f"{timeout:g}"}
        if cursor:
            params["cursor"] = cursor
        session = self._wait_session()
        if session is None:
            raise OfflineError("the push wait was stopped")
        response = self._send(
            "GET", f"/v1/institutions/{institution_id}/changes/wait", params=params,
            session=session, max_bytes=_PUSH_MAX_BYTES, keep=(501,),
            timeout=(self._timeout[0], timeout + PUSH_GRACE), deadline=timeout + PUSH_GRACE,
            socket_seen=self._hold_socket)
        if response.status_code in (404, 405, 501):
            raise PushUnavailableError(f"the push channel answered {response.status_code}")
        if response.status_code == 410:
            raise CursorExpiredError("the sync cursor expired")
        if response.status_code != 200:
            raise CentralError(f"the push wait answered {response.status_code}: "
                               f"{self._problem_text(response)}")
        return bool(self._parse(ChangeSignal, response, "change signal").changed)

    def abort_wait(self) -> None:
        """End a push wait now, from any thread (the app or the watch stops): its socket is
        shut, so the blocked read returns at once; later waits raise ``OfflineError`` until
        ``resume_waits``."""
        with self._push_lock:
            self._push_aborted = True
            sock, self._push_socket = self._push_socket, None
            session, self._push_session = self._push_session, None
        if sock is not None:
            with contextlib.suppress(OSError):  # already closed: nothing waits on it
                sock.shutdown(socket.SHUT_RDWR)
        if session is not None:
            session.close()

    def resume_waits(self) -> None:
        """Allow push waits again after ``abort_wait`` (the watch starts again)."""
        with self._push_lock:
            self._push_aborted = False

    def _wait_session(self) -> requests.Session | None:
        """The push wait's own session: its connection is held for the whole wait, and a
        shut socket must not break a pooled connection the sync is using."""
        with self._push_lock:
            if self._push_aborted:
                return None
            if self._push_session is None:
                fresh = _VerifiedSession(self._ca_bundle)
                adapter = _DeadlineAdapter(max_retries=0)
                fresh.mount("http://", adapter)
                fresh.mount("https://", adapter)
                self._push_session = fresh
            session = self._push_session
        session.headers.clear()
        session.headers.update(self.session.headers)  # user agent, workstation id and name
        return session

    def _hold_socket(self, sock: socket.socket) -> None:
        with self._push_lock:
            aborted = self._push_aborted
            if not aborted:
                self._push_socket = sock
        if aborted:  # stopped between the check and the send: end it now
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def send_command(self, application_id: int, command: CommandRequest) -> CommandOutcome:
        response = self._send(
            "POST", f"/v1/applications/{application_id}/commands",
            headers={"Idempotency-Key": command.command_id,
                     "If-Match": etag(command.base_version),
                     "Content-Type": "application/json"},
            data=command.model_dump_json(),
        )
        return self._outcome(response)

    def send_batch(self, institution_id: str,
                   commands: list[tuple[int, CommandRequest]]) -> BatchResponse:
        body = BatchRequest(commands=[BatchCommand(application_id=a, command=c)
                                      for a, c in commands])
        response = self._send("POST", f"/v1/institutions/{institution_id}/commands:batch",
                              headers={"Content-Type": "application/json"},
                              data=body.model_dump_json())
        self._note_max_batch(response)
        if response.status_code == 413:
            raise BatchTooLargeError(f"batch answered 413: {self._problem_text(response)}",
                                     self.max_batch)
        if response.status_code != 200:
            raise CentralError(f"batch answered {response.status_code}: "
                               f"{self._problem_text(response)}")
        return self._parse(BatchResponse, response, "batch")

    def _note_max_batch(self, response: requests.Response) -> None:
        """Keep what the service says it takes in one batch (within the wire's bound); a
        header that is not a positive number is not heard."""
        said = response.headers.get(MAX_BATCH_HEADER, "").strip()
        if said.isdigit() and int(said) > 0:
            self.max_batch = min(int(said), WIRE_MAX_BATCH)

    def _outcome(self, response: requests.Response) -> CommandOutcome:
        if response.status_code == 200:
            return CommandOutcome(200, accepted=self._parse(CommandAccepted, response,
                                                            "command answer"))
        return CommandOutcome(response.status_code, problem=self._problem(response))

    def put_item(self, institution_id: str, item_id: str, body: ItemUpsert,
                 base_version: int) -> tuple[int, ItemWire | None, Problem | None]:
        headers = {"Content-Type": "application/json"}
        if base_version == 0:
            headers["If-None-Match"] = "*"
        else:
            headers["If-Match"] = etag(base_version)
        response = self._send("PUT", f"/v1/institutions/{institution_id}/items/{item_id}",
                              headers=headers, data=body.model_dump_json())
        if response.status_code in (200, 201):
            return response.status_code, self._parse(ItemWire, response, "item"), None
        return response.status_code, None, self._problem(response)

    def change_item_status(self, institution_id: str, item_id: str, body: ItemStatusChange,
                           base_version: int) -> tuple[int, ItemWire | None, Problem | None]:
        response = self._send(
            "POST", f"/v1/institutions/{institution_id}/items/{item_id}/status",
            headers={"Content-Type": "application/json", "If-Match": etag(base_version)},
            data=body.model_dump_json(),
        )
        if response.status_code == 200:
            return 200, self._parse(ItemWire, response, "item"), None
        return response.status_code, None, self._problem(response)

    def patch_settings(self, institution_id: str, body: SchoolSettingsPatch, base_version: int
                       ) -> tuple[int, InstitutionWire | None, Problem | None]:
        response = self._send(
            "PATCH", f"/v1/institutions/{institution_id}/settings",
            headers={"Content-Type": "application/json", "If-Match": etag(base_version)},
            data=body.model_dump_json())
        if response.status_code == 200:
            return 200, self._parse(InstitutionWire, response, "school settings"), None
        return response.status_code, None, self._problem(response)

    def patch_offered_kind(self, institution_id: str, offered_kind_id: str,
                           body: OfferedKindPatch, base_version: int
                           ) -> tuple[int, OfferedKindWire | None, Problem | None]:
        response = self._send(
            "PATCH", f"/v1/institutions/{institution_id}/offered-kinds/{offered_kind_id}",
            headers={"Content-Type": "application/json", "If-Match": etag(base_version)},
            data=body.model_dump_json(exclude_none=True),
        )
        if response.status_code == 200:
            return 200, self._parse(OfferedKindWire, response, "offered kind"), None
        return response.status_code, None, self._problem(response)

    def identify(self, workstation: tuple[str, str]) -> None:
        """Send (id, name) of this computer from now on: a command whose data folder is made
        only after the sign-in says who it is once the folder exists."""
        workstation_id, name = workstation
        self.workstation = workstation
        self.session.headers[WORKSTATION_HEADER] = workstation_id
        # a header value is Latin-1 at best; the host name may be any Unicode
        self.session.headers[WORKSTATION_NAME_HEADER] = quote(name, safe="")

    # -- workstations (an administrator's) -------------------------------------------------
    def workstations(self) -> list[WorkstationWire]:
        """The workstations of the schools the signed-in user administers (ForbiddenError for
        anyone else)."""
        response = self._send("GET", "/v1/workstations")
        if response.status_code != 200:
            raise CentralError(f"the workstation list answered {response.status_code}: "
                               f"{self._problem_text(response)}")
        try:
            return _WORKSTATIONS.validate_json(response.content)
        except ValidationError as exc:
            raise BadResponseError(str(PayloadError("workstation list", exc))) from exc

    def revoke_workstation(self, workstation_id: str) -> None:
        """Revoke one of the administrator's schools' workstations (again: no change).
        ``UnknownWorkstationError`` when the service knows no such workstation at those schools."""
        response = self._send("POST", f"/v1/workstations/{quote(workstation_id, safe='')}"
                                      "/revoke")
        if response.status_code == 404:
            raise UnknownWorkstationError(self._problem_text(response))
        if response.status_code != 204:
            raise CentralError(f"revoking the workstation answered {response.status_code}: "
                               f"{self._problem_text(response)}")

    # -- files that go with commands ------------------------------------------------------------
    def put_file(self, institution_id: str, file_id: str, content: bytes) -> int:
        """Upload a file's bytes under its id (201 new, 200 already there)."""
        response = self._send("PUT", f"/v1/institutions/{institution_id}/files/{file_id}",
                              headers={"Content-Type": "application/octet-stream"},
                              data=content)
        if response.status_code in (200, 201):
            return response.status_code
        raise CentralError(f"the file upload answered {response.status_code}: "
                           f"{self._problem_text(response)}")

    def get_file(self, institution_id: str, file_id: str, max_bytes: int) -> bytes:
        """A file's bytes; refused (ResponseTooLargeError) as soon as more than ``max_bytes``
        have come, without holding the rest."""
        response = self._send("GET", f"/v1/institutions/{institution_id}/files/{file_id}",
                              max_bytes=max_bytes)
        if response.status_code != 200:
            raise CentralError(f"the file download answered {response.status_code}: "
                               f"{self._problem_text(response)}")
        return response.content
