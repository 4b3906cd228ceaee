"""Applications: staff commands, one at a time (idempotent, version-checked) or in a batch.

Handovers have no routes of their own: every handover change is a command on its application.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header
from fastapi.responses import Response

from sync.devserver.problems import INVALID, ProblemError
from sync.devserver.routes.auth import Staff
from sync.devserver.routes.common import JSON, ApplicationId, State, answer_response
from sync.protocol import BatchRequest, BatchResponse, CommandAccepted, CommandRequest, parse_etag

router = APIRouter(tags=["commands"])


@router.post("/v1/applications/{application_id}/commands", response_model=CommandAccepted)
def command(application_id: ApplicationId, body: CommandRequest, who: Staff, state: State,
            idempotency_key: Annotated[str | None, Header()] = None,
            if_match: Annotated[str | None, Header()] = None) -> Response:
    if idempotency_key is None or idempotency_key.strip() != body.command_id:
        raise ProblemError(422, "the Idempotency-Key header must equal command_id",
                           type_=INVALID)
    if if_match is None:
        raise ProblemError(428, "send If-Match with the application's version",
                           type_="urn:resursi:problem:precondition-required")
    version = parse_etag(if_match)
    if version is None or version != body.base_version:
        raise ProblemError(422, "If-Match must be the ETag of base_version",
                           type_=INVALID)
    return answer_response(state.command(who, application_id, body))


@router.post("/v1/institutions/{institution_id}/commands:batch", response_model=BatchResponse)
def batch(institution_id: str, body: BatchRequest, who: Staff, state: State) -> Response:
    text = state.batch(who, institution_id,
                       [(c.application_id, c.command) for c in body.commands])
    return Response(text, media_type=JSON)
