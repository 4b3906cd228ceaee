"""What every area's routes share: the service objects of the app, and response builders.

The routers are module-level templates that any number of apps include (tests run several
servers in one process), so the ``DevState`` and ``Faults`` an endpoint works on come from the
app serving the request (``app.state``, set by ``create_app``), never from a module global.
"""

from __future__ import annotations

from typing import Annotated, Any, cast

from fastapi import Depends, Path, Request
from fastapi.responses import Response
from pydantic import BaseModel

from sync.devserver.faults import Faults
from sync.devserver.problems import Answer, problem_json
from sync.devserver.state import DevState
from sync.protocol import PROBLEM_JSON, etag

JSON = "application/json"


# Async so that FastAPI calls them on the event loop: a plain ``def`` dependency would cost a
# thread-pool hop on every request just to read an attribute.
async def dev_state(request: Request) -> DevState:
    """The ``DevState`` of the app serving ``request``."""
    return cast(DevState, request.app.state.dev_state)


async def dev_faults(request: Request) -> Faults:
    """The ``Faults`` of the app serving ``request``."""
    return cast(Faults, request.app.state.dev_faults)


State = Annotated[DevState, Depends(dev_state)]
# An application id in a path: what SQLite's integer holds, or a 422 naming the field (an id
# past 2^63 used to reach the store and come back as a 500).
ApplicationId = Annotated[int, Path(ge=1, le=2**63 - 1)]
FaultsDep = Annotated[Faults, Depends(dev_faults)]


def model_response(model: BaseModel, status: int = 200, *, version: int | None = None,
                   headers: dict[str, str] | None = None) -> Response:
    """``model`` as JSON, with its ``ETag`` when ``version`` is given."""
    all_headers = dict(headers or {})
    if version is not None:
        all_headers["ETag"] = etag(version)
    return Response(model.model_dump_json(), status_code=status, headers=all_headers,
                    media_type=JSON)


def answer_response(answer: Answer) -> Response:
    """A ready ``Answer`` of ``DevState`` (a stored or computed reply) as it stands."""
    return Response(answer.body, status_code=answer.status, headers=answer.headers,
                    media_type=answer.media_type)


def problem_response(status: int, detail: str | None = None,
                     headers: dict[str, str] | None = None, **extensions: Any) -> Response:
    """An RFC 9457 ``application/problem+json`` response."""
    return Response(problem_json(status, detail, **extensions), status_code=status,
                    headers=headers, media_type=PROBLEM_JSON)
