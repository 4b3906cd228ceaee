"""Files that go with commands: an act, the scan of a signed act, a police report.

A workstation uploads a file's bytes under the id its command names before it sends the
command; the command is refused (422) while a file it names is missing or differs. Files are
kept once: the same bytes again are accepted, other bytes under a used id are a conflict.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from sync.devserver.routes.auth import Staff
from sync.devserver.routes.common import State

router = APIRouter(tags=["files"])

FileId = Annotated[str, Path(min_length=36, max_length=36)]


@router.put("/v1/institutions/{institution_id}/files/{file_id}", status_code=201,
            responses={200: {"description": "the same file was already here"},
                       409: {"description": "the id holds another file"},
                       413: {"description": "empty or larger than 20 MB"},
                       415: {"description": "not a PDF, PNG or JPEG"}})
async def put_file(institution_id: str, file_id: FileId, request: Request, who: Staff,
                   state: State) -> Response:
    content = await request.body()
    # The store's lock may be held by a worker thread: never wait for it on the event loop.
    status = await run_in_threadpool(state.put_file, who, institution_id, file_id, content)
    return Response(status_code=status,
                    headers={"Location": f"/v1/institutions/{institution_id}/files/{file_id}"})


@router.get("/v1/institutions/{institution_id}/files/{file_id}",
            responses={200: {"content": {"application/pdf": {}, "image/png": {},
                                         "image/jpeg": {}}}})
def get_file(institution_id: str, file_id: FileId, who: Staff, state: State) -> Response:
    content, media_type = state.get_file(who, institution_id, file_id)
    return Response(content, media_type=media_type,
                    headers={"Cache-Control": "private, no-store"})
