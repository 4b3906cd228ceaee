"""The changes feed a school's desktop pulls with its cursor."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from sync.devserver.routes.auth import Staff
from sync.devserver.routes.common import JSON, State
from sync.devserver.state import DEFAULT_LIMIT, MAX_LIMIT
from sync.protocol import ChangesPage

router = APIRouter(tags=["sync"])


@router.get("/v1/institutions/{institution_id}/changes", response_model=ChangesPage)
def changes(institution_id: str, who: Staff, state: State, cursor: str | None = None,
            limit: Annotated[int, Query(ge=1)] = DEFAULT_LIMIT) -> Response:
    body = state.changes_page(who, institution_id, cursor, min(limit, MAX_LIMIT))
    return Response(body, media_type=JSON)
