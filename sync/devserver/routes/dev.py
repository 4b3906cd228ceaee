"""Development controls (``/_dev/...``): faults, expiring cursors and tokens, retention.

Only the reference service has them, and only when started with ``--dev`` (``DevServer(dev=True)``);
tests and benchmarks use them to stage what a real central service does on its own (outages,
cursor expiry, deletion after retention). Every one needs the token of a user who is an
administrator somewhere: nobody who merely reaches the port may delete an application or switch
the service off. The health check (``/health``) is not one of them and is always there.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from desktop.models.codes import StaffRole
from sync.devserver.faults import FaultRule
from sync.devserver.problems import FORBIDDEN, ProblemError
from sync.devserver.routes.auth import Staff
from sync.devserver.routes.common import JSON, ApplicationId, FaultsDep, State
from sync.devserver.state import Principal


def administrator(who: Staff) -> Principal:
    if StaffRole.ADMIN not in who.roles.values():
        raise ProblemError(403, "the development controls are for administrators",
                           type_=FORBIDDEN)
    return who


Admin = Annotated[Principal, Depends(administrator)]
router = APIRouter(tags=["dev"])
health_router = APIRouter(tags=["health"])


@health_router.get("/health")
def health() -> dict[str, str]:
    """Whether the service is up (no sign-in: it tells nothing else)."""
    return {"status": "ok"}


@router.get("/_dev/faults", response_model=list[FaultRule])
def list_faults(faults: FaultsDep, _admin: Admin) -> list[FaultRule]:
    return faults.rules()


@router.post("/_dev/faults", response_model=list[FaultRule], status_code=201)
def add_fault(rule: FaultRule, faults: FaultsDep, _admin: Admin) -> list[FaultRule]:
    faults.add_rule(rule)
    return faults.rules()


@router.delete("/_dev/faults", status_code=204)
def clear_faults(faults: FaultsDep, _admin: Admin) -> Response:
    faults.clear()
    return Response(status_code=204)


@router.post("/_dev/expire-cursors")
def expire_cursors(state: State, _admin: Admin) -> dict[str, int]:
    return {"floor": state.expire_cursors()}


@router.post("/_dev/expire-tokens", status_code=204)
def expire_tokens(state: State, _admin: Admin) -> Response:
    state.expire_tokens()
    return Response(status_code=204)


@router.post("/_dev/retention/{application_id}")
def retention(application_id: ApplicationId, state: State, _admin: Admin) -> Response:
    return Response(state.delete_application(application_id), media_type=JSON)
