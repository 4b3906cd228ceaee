"""HTTP to the central service: one requests Session, a timeout on every call, TLS verified.

Transport retries are for idempotent GETs only; commands are retried by the sync engine with
their idempotency key. Failures become typed errors the engine and the UI can act on.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from sync.credentials import Credentials, Tokens
from sync.protocol import (
    PROBLEM_JSON,
    BatchCommand,
    BatchRequest,
    BatchResponse,
    ChangesPage,
    CommandAccepted,
    CommandRequest,
    ItemStatusChange,
    ItemUpsert,
    ItemWire,
    OfferedKindPatch,
    OfferedKindWire,
    PayloadError,
    Problem,
    TokenResponse,
    etag,
    parse,
    parse_changes_page,
)

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = (3.05, 20.0)  # (connect, read) seconds


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


class AuthError(CentralError):
    """Not signed in, or the sign-in is no longer valid."""

    message_lv = "Jāpierakstās vēlreiz"


class ForbiddenError(CentralError):
    message_lv = "Centrālais serviss šai lomai to neatļauj"


class CursorExpiredError(CentralError):
    """410: the server no longer has changes that old; start again from scratch."""


class BadResponseError(CentralError):
    """The answer does not follow the protocol."""

    message_lv = "Centrālā servisa atbilde nav derīga"


@dataclass(frozen=True)
class CommandOutcome:
    """A command's answer: 200 with the new state, or a problem (409/412/422/…)."""

    status: int
    accepted: CommandAccepted | None = None
    problem: Problem | None = None


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        from datetime import UTC, datetime

        return max(0.0, (when - datetime.now(UTC)).total_seconds())


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
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.username = username
        self._credentials = credentials
        self._timeout = timeout
        self._tokens: Tokens | None = credentials.load(self.base_url, username)
        self.session = requests.Session()
        # Verification stays on; a school's own CA can be added, never switched off.
        self.session.verify = str(ca_bundle) if ca_bundle else True
        self.session.headers["User-Agent"] = "Resursi"
        self.session.headers["Accept"] = f"application/json, {PROBLEM_JSON}"
        gets_only = Retry(total=2, connect=2, read=2, status=0, backoff_factor=0.2,
                          allowed_methods=frozenset({"GET"}), raise_on_status=False,
                          respect_retry_after_header=False)
        self.session.mount("http://", HTTPAdapter(max_retries=gets_only))
        self.session.mount("https://", HTTPAdapter(max_retries=gets_only))

    @property
    def signed_in(self) -> bool:
        return self._tokens is not None

    def close(self) -> None:
        self.session.close()

    # -- sign-in ------------------------------------------------------------------------------
    def sign_in(self, password: str) -> TokenResponse:
        token = self._token_request({"grant_type": "password", "username": self.username,
                                     "password": password})
        return token

    def sign_out(self) -> None:
        self._tokens = None
        self._credentials.forget(self.base_url, self.username)

    def _token_request(self, form: Mapping[str, str]) -> TokenResponse:
        try:
            response = self.session.post(f"{self.base_url}/v1/oauth/token", data=form,
                                         timeout=self._timeout)
        except requests.RequestException as exc:
            raise OfflineError(f"sign-in failed: {type(exc).__name__}") from exc
        if response.status_code in (400, 401):
            raise AuthError("the user name or password is wrong, or the sign-in expired")
        self._raise_for_transient(response)
        if response.status_code != 200:
            raise CentralError(f"sign-in answered {response.status_code}")
        token = self._parse(TokenResponse, response, "token")
        self._tokens = Tokens(token.access_token, token.refresh_token)
        self._credentials.save(self.base_url, self.username, self._tokens)
        return token

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
    def _send(self, method: str, path: str, *, headers: dict[str, str] | None = None,
              **kwargs: Any) -> requests.Response:
        if self._tokens is None:
            raise AuthError("not signed in")
        for attempt in (1, 2):
            all_headers = {"Authorization": f"Bearer {self._tokens.access_token}",
                           **(headers or {})}
            try:
                response = self.session.request(method, f"{self.base_url}{path}",
                                                headers=all_headers, timeout=self._timeout,
                                                **kwargs)
            except requests.RequestException as exc:
                raise OfflineError(f"{method} {path.split('?')[0]}: {type(exc).__name__}") from exc
            if response.status_code == 401 and attempt == 1 and self._refresh():
                continue
            break
        if response.status_code == 401:
            raise AuthError("the central service refused the sign-in")
        if response.status_code == 403:
            raise ForbiddenError(self._problem_text(response))
        self._raise_for_transient(response)
        return response

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
        if response.status_code != 200:
            raise CentralError(f"batch answered {response.status_code}: "
                               f"{self._problem_text(response)}")
        return self._parse(BatchResponse, response, "batch")

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
