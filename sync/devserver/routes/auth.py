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

from sync.devserver.problems import UNAUTHORIZED, ProblemError
from sync.devserver.routes.common import JSON, State, model_response
from sync.devserver.state import OAuthError, Principal
from sync.protocol import TokenResponse

router = APIRouter(tags=["auth"])


class OAuthErrorBody(BaseModel):
    """RFC 6749 §5.2 error body of the token endpoint."""

    error: str
    error_description: str | None = None


def principal(state: State,
              authorization: Annotated[str | None, Header()] = None) -> Principal:
    """The signed-in staff member of a request, from its ``Authorization: Bearer`` header."""
    if not authorization:
        raise ProblemError(401, "sign in first", type_=UNAUTHORIZED,
                           headers={"WWW-Authenticate": 'Bearer realm="resursi"'})
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ProblemError(401, "use a Bearer token", type_=UNAUTHORIZED,
                           headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
    return state.principal_for(token.strip())


#: A parameter of this type makes a route staff-only (401 problem without a valid token).
Staff = Annotated[Principal, Depends(principal)]


@router.post("/v1/oauth/token", response_model=TokenResponse)
async def token(request: Request, state: State) -> Response:
    """OAuth 2.0 token endpoint (form-encoded): password and refresh_token grants."""
    form = dict(parse_qsl((await request.body()).decode("utf-8", "replace"),
                          keep_blank_values=True))
    no_store = {"Cache-Control": "no-store", "Pragma": "no-cache"}
    grant = form.get("grant_type")
    try:
        if grant == "password":
            if not form.get("username") or "password" not in form:
                raise OAuthError("invalid_request", "username and password are required")
            answer = await run_in_threadpool(state.password_grant, form["username"],
                                             form["password"])
        elif grant == "refresh_token":
            if not form.get("refresh_token"):
                raise OAuthError("invalid_request", "refresh_token is required")
            answer = await run_in_threadpool(state.refresh_grant, form["refresh_token"])
        else:
            raise OAuthError("unsupported_grant_type",
                             "use grant_type=password or grant_type=refresh_token")
    except OAuthError as exc:
        body = {"error": exc.error, "error_description": exc.description}
        return Response(OAuthErrorBody(**body).model_dump_json(), status_code=400,
                        headers=no_store, media_type=JSON)
    return model_response(answer, headers=no_store)
