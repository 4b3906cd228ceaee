"""The changes feed a school's desktop pulls with its cursor, and the push channel that tells
it when to pull (``…/changes/wait``, a long-poll: see ``sync.devserver.push``)."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Annotated, cast

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from sync.devserver.push import DEFAULT_HOLD, MAX_HOLD, FeedWaiters
from sync.devserver.routes.auth import Staff
from sync.devserver.routes.common import JSON, State, model_response
from sync.devserver.state import DEFAULT_LIMIT, MAX_LIMIT
from sync.protocol import ChangeSignal, ChangesPage

router = APIRouter(tags=["sync"])


@router.get("/v1/institutions/{institution_id}/changes", response_model=ChangesPage)
def changes(institution_id: str, who: Staff, state: State, cursor: str | None = None,
            limit: Annotated[int, Query(ge=1)] = DEFAULT_LIMIT) -> Response:
    body = state.changes_page(who, institution_id, cursor, min(limit, MAX_LIMIT))
    return Response(body, media_type=JSON)


@router.get("/v1/institutions/{institution_id}/changes/wait", response_model=ChangeSignal)
async def wait_for_changes(
        request: Request, institution_id: str, who: Staff, state: State,
        cursor: str | None = None,
        timeout: Annotated[float, Query(ge=0, le=MAX_HOLD)] = DEFAULT_HOLD) -> Response:
    """Answers once the school's feed holds changes past ``cursor`` (at once when it already
    does), or with ``changed: false`` after ``timeout`` seconds (at most 55). One per
    workstation: the desktop pulls the feed when it answers ``changed``."""
    waiters = cast(FeedWaiters, request.app.state.feed_waiters)
    hold = min(timeout, waiters.max_hold)
    # Registered before the feed is read: a commit in between still wakes this request.
    event = waiters.register(institution_id)
    try:
        # The feed is read on the pool (its lock may be held by a commit for a moment); only
        # the wait itself stays on the event loop.
        signal = await run_in_threadpool(state.feed_signal, who, institution_id, cursor)
        if not signal.changed and hold > 0 and await _woken(request, event, hold):
            signal = await run_in_threadpool(state.feed_signal, who, institution_id, cursor)
    finally:
        waiters.unregister(institution_id, event)
    return model_response(signal)


async def _woken(request: Request, event: asyncio.Event, hold: float) -> bool:
    """Wait for ``event`` up to ``hold`` seconds; stop early when the client has gone (a
    cut connection frees its place at once rather than after the hold). True when woken."""
    woken = asyncio.ensure_future(event.wait())
    gone = asyncio.ensure_future(_disconnected(request))
    try:
        await asyncio.wait({woken, gone}, timeout=hold, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (woken, gone):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
    return event.is_set()


async def _disconnected(request: Request) -> None:
    """Returns when the ASGI server says the client disconnected (the request's empty body
    is read first)."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            return
