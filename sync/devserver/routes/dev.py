"""Development controls (``/_dev/...``): faults, expiring cursors and tokens, retention.

Only the reference service has them; tests and benchmarks use them to stage what a real
central service does on its own (outages, cursor expiry, deletion after retention).
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from sync.devserver.faults import FaultRule
from sync.devserver.routes.common import JSON, ApplicationId, FaultsDep, State

router = APIRouter(tags=["dev"])


@router.get("/_dev/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/_dev/faults", response_model=list[FaultRule])
def list_faults(faults: FaultsDep) -> list[FaultRule]:
    return faults.rules()


@router.post("/_dev/faults", response_model=list[FaultRule], status_code=201)
def add_fault(rule: FaultRule, faults: FaultsDep) -> list[FaultRule]:
    faults.add_rule(rule)
    return faults.rules()


@router.delete("/_dev/faults", status_code=204)
def clear_faults(faults: FaultsDep) -> Response:
    faults.clear()
    return Response(status_code=204)


@router.post("/_dev/expire-cursors")
def expire_cursors(state: State) -> dict[str, int]:
    return {"floor": state.expire_cursors()}


@router.post("/_dev/expire-tokens", status_code=204)
def expire_tokens(state: State) -> Response:
    state.expire_tokens()
    return Response(status_code=204)


@router.post("/_dev/retention/{application_id}")
def retention(application_id: ApplicationId, state: State) -> Response:
    return Response(state.delete_application(application_id), media_type=JSON)
