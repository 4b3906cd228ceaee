"""Sign-in: the OAuth 2.0 token endpoint, and the Bearer-token dependency of staff routes.

The token endpoint alone answers RFC 6749 errors (``{"error": …}``, ``application/json``)
instead of problem+json, because that is what OAuth clients expect.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qsl

from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from sync.devserver.problems import INVALID, UNAUTHORIZED, ProblemError
from sync.devserver.routes.common import JSON, State, answer_response, model_response
from sync.devserver.state import OAuthError, Principal
from sync.devserver.workstations import MalformedWorkstation, Workstation, workstation_from
from sync.protocol import WORKSTATION_HEADER, WORKSTATION_NAME_HEADER, TokenResponse

router = APIRouter(tags=["auth"])


class OAuthErrorBody(BaseModel):
    """RFC 6749 §5.2 error body of the token endpoint."""

    error: str
    error_description: str | None = None


# The computer a request comes from (both optional; openapi_doc gives the id its pattern).
WorkstationId = Annotated[str | None, Header(
    alias=WORKSTATION_HEADER, description="the workstation's id (a UUID it keeps)")]
WorkstationName = Annotated[str | None, Header(
    alias=WORKSTATION_NAME_HEADER, description="its host name, percent-encoded UTF-8")]


def principal(state: State,
              authorization: Annotated[str | None, Header()] = None,
              x_workstation: WorkstationId = None,
              x_workstation_name: WorkstationName = None) -> Principal:
    """The signed-in staff member of a request, from its ``Authorization: Bearer`` header;
    the workstation it names is refused when revoked (before the token: a lost laptop's
    expired sign-in must still hear it), else recorded as seen."""
    try:
        workstation = workstation_from(x_workstation, x_workstation_name)
    except MalformedWorkstation as exc:
        raise ProblemError(400, str(exc), type_=INVALID) from exc
    state.workstations.check(workstation)
    who = _signed_in(state, authorization, workstation)
    state.workstations.seen(workstation, who.username, who.roles)
    return who


def _signed_in(state: State, authorization: str | None,
               workstation: Workstation | None) -> Principal:
    if not authorization:
        raise ProblemError(401, "sign in first", type_=UNAUTHORIZED,
                           headers={"WWW-Authenticate": 'Bearer realm="resursi"'})
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ProblemError(401, "use a Bearer token", type_=UNAUTHORIZED,
                           headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
    return state.principal_for(token.strip(), workstation.id if workstation else None)


#: A parameter of this type makes a route staff-only (401 problem without a valid token).
Staff = Annotated[Principal, Depends(principal)]


@router.post("/v1/oauth/token", response_model=TokenResponse)
async def token(request: Request, state: State, x_workstation: WorkstationId = None,
                x_workstation_name: WorkstationName = None) -> Response:
    """OAuth 2.0 token endpoint (form-encoded): password and refresh_token grants. A revoked
    workstation is refused (403 problem) before the credentials are looked at. The tokens are
    bound to the workstation the request names; a bound refresh token renews only with it."""
    form = dict(parse_qsl((await request.body()).decode("utf-8", "replace"),
                          keep_blank_values=True))
    no_store = {"Cache-Control": "no-store", "Pragma": "no-cache"}
    grant = form.get("grant_type")
    workstation: Workstation | None = None
    try:
        try:
            workstation = workstation_from(x_workstation, x_workstation_name)
        except MalformedWorkstation as exc:
            raise OAuthError("invalid_request", str(exc)) from exc
        await run_in_threadpool(state.workstations.check, workstation)  # before credentials
        bound = workstation.id if workstation else None
        if grant == "password":
            if not form.get("username") or "password" not in form:
                raise OAuthError("invalid_request", "username and password are required")
            answer = await run_in_threadpool(state.password_grant, form["username"],
                                             form["password"], bound)
        elif grant == "refresh_token":
            if not form.get("refresh_token"):
                raise OAuthError("invalid_request", "refresh_token is required")
            answer = await run_in_threadpool(state.refresh_grant, form["refresh_token"],
                                             bound)
        else:
            raise OAuthError("unsupported_grant_type",
                             "use grant_type=password or grant_type=refresh_token")
    except ProblemError as exc:  # a revoked workstation
        return answer_response(exc.answer())
    except OAuthError as exc:
        body = {"error": exc.error, "error_description": exc.description}
        return Response(OAuthErrorBody(**body).model_dump_json(), status_code=400,
                        headers=no_store, media_type=JSON)
    try:
        await run_in_threadpool(state.workstations.seen, workstation, answer.username,
                                [m.institution_id for m in answer.memberships])
    except ProblemError as exc:  # revoked between the check and now: no tokens go out
        return answer_response(exc.answer())
    return model_response(answer, headers=no_store)
