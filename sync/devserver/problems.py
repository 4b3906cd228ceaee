"""RFC 9457 problems as exceptions, and the answers the service gives."""

from __future__ import annotations

from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from pydantic import ValidationError

from sync.protocol import PROBLEM_JSON, Problem
from sync.protocol import WORKSTATION_REVOKED as WORKSTATION_REVOKED

#: Problem types of this service (URNs: stable names a client may switch on).
STALE = "urn:resursi:problem:stale-version"
CONFLICT = "urn:resursi:problem:not-allowed-now"
INVALID = "urn:resursi:problem:invalid-request"
KEY_REUSED = "urn:resursi:problem:idempotency-key-reused"
PRECONDITION_REQUIRED = "urn:resursi:problem:precondition-required"
FORBIDDEN = "urn:resursi:problem:forbidden"
UNAUTHORIZED = "urn:resursi:problem:unauthorized"
NOT_FOUND = "urn:resursi:problem:not-found"
CURSOR_EXPIRED = "urn:resursi:problem:cursor-expired"
BAD_CURSOR = "urn:resursi:problem:bad-cursor"
DUPLICATE = "urn:resursi:problem:duplicate"
INJECTED = "urn:resursi:problem:injected-fault"
# WORKSTATION_REVOKED (imported above, sync.protocol names it for the client): 403 on every
# request from a revoked workstation, sign-in included.


@dataclass
class Answer:
    """One HTTP answer as the service computed it (and as the idempotency table replays it)."""

    status: int
    body: str
    headers: dict[str, str] = field(default_factory=dict)
    media_type: str = "application/json"


def reason_phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def problem_json(status: int, detail: str | None = None, *, type_: str = "about:blank",
                 title: str | None = None, **extensions: Any) -> str:
    problem = Problem(type=type_, title=title or reason_phrase(status), status=status,
                      detail=detail, **extensions)
    return problem.model_dump_json(exclude_none=True)


class ProblemError(Exception):
    """Raised anywhere in the service; the HTTP layer answers it as application/problem+json."""

    def __init__(self, status: int, detail: str | None = None, *, type_: str = "about:blank",
                 title: str | None = None, headers: dict[str, str] | None = None,
                 **extensions: Any) -> None:
        super().__init__(detail or title or reason_phrase(status))
        self.status = status
        self.headers = dict(headers or {})
        self.body = problem_json(status, detail, type_=type_, title=title, **extensions)

    def answer(self) -> Answer:
        return Answer(self.status, self.body, self.headers, PROBLEM_JSON)

    @property
    def problem(self) -> Problem:
        return Problem.model_validate_json(self.body)


def validation_errors(exc: ValidationError) -> list[dict[str, Any]]:
    """Which fields and why, without echoing the input (it may hold personal codes)."""
    return [
        {"loc": [str(p) for p in err["loc"]], "msg": err["msg"], "type": err["type"]}
        for err in exc.errors(include_url=False, include_input=False, include_context=False)
    ]


def invalid(exc: ValidationError, what: str) -> ProblemError:
    return ProblemError(422, f"the {what} is not valid", type_=INVALID,
                        errors=validation_errors(exc))
