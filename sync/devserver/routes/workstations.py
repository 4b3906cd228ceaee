"""Workstations of a school (issue 15): the administrator's list, and revoking a lost one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import Response
from pydantic import TypeAdapter
from starlette.concurrency import run_in_threadpool

from sync.devserver.routes.auth import Staff
from sync.devserver.routes.common import JSON, State
from sync.protocol import WORKSTATION_ID_PATTERN, WorkstationWire

router = APIRouter(tags=["workstations"])
_LIST = TypeAdapter(list[WorkstationWire])
WorkstationId = Annotated[str, Path(pattern=WORKSTATION_ID_PATTERN)]


@router.get("/v1/workstations", response_model=list[WorkstationWire])
async def list_workstations(who: Staff, state: State) -> Response:
    """The workstations of every school where the caller is administrator, most recently
    seen first (403 for a caller who administers none)."""
    rows = await run_in_threadpool(state.workstations.listing, who.roles)
    return Response(_LIST.dump_json(rows), media_type=JSON)


@router.post("/v1/workstations/{workstation_id}/revoke", status_code=204)
async def revoke_workstation(workstation_id: WorkstationId, who: Staff,
                             state: State) -> Response:
    """Revoke one of the caller's schools' workstations; its next request is refused and it
    erases its copy. Again: 204, nothing changes. Unknown or another school's: 404."""
    await run_in_threadpool(state.workstations.revoke, who.roles, who.username,
                            workstation_id)
    return Response(status_code=204)
