"""Applications: staff commands, one at a time (idempotent, version-checked) or in a batch.

Handovers have no routes of their own: every handover change is a command on its application.
A batch is applied in one transaction (``DevState.batch``); every answer of the batch route
says how many commands a batch may hold (``X-Resursi-Max-Batch``), and a larger batch is
refused whole with a 413 problem saying the same.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header
from fastapi.responses import Response
from pydantic import Field

from sync.devserver.problems import INVALID, ProblemError
from sync.devserver.routes.auth import Staff
from sync.devserver.routes.common import JSON, ApplicationId, State, answer_response
from sync.protocol import (
    MAX_BATCH,
    MAX_BATCH_HEADER,
    BatchCommand,
    BatchResponse,
    CommandAccepted,
    CommandRequest,
    parse_etag,
)
from sync.protocol import BatchRequest as WireBatchRequest

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


class BatchRequest(WireBatchRequest):
    """The wire's ``BatchRequest`` as the route reads it (the document's name for it too): a batch over the service's maximum reaches the
    service, which refuses it with a 413 naming the maximum (not a 422 about a list's length);
    the document still says the maximum (``maxItems``)."""

    commands: list[BatchCommand] = Field(min_length=1,
                                         json_schema_extra={"maxItems": MAX_BATCH})


_MAX_BATCH_DOC = {MAX_BATCH_HEADER: {
    "description": "the most commands a batch may hold here", "schema": {"type": "integer"}}}


@router.post("/v1/institutions/{institution_id}/commands:batch", response_model=BatchResponse,
             responses={200: {"headers": _MAX_BATCH_DOC},
                        413: {"description": "more commands than the service takes in one "
                                             "batch (max_batch: how many it takes)",
                              "headers": _MAX_BATCH_DOC}})
def batch(institution_id: str, body: BatchRequest, who: Staff, state: State) -> Response:
    text = state.batch(who, institution_id,
                       [(c.application_id, c.command) for c in body.commands])
    return Response(text, media_type=JSON,
                    headers={MAX_BATCH_HEADER: str(state.max_batch)})
