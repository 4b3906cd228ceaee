"""The HTTP face of the reference service: the FastAPI app over ``DevState``.

The endpoints live in ``sync.devserver.routes``, one router per area; this module builds the
app, puts the middleware in front and turns every error into ``application/problem+json``
(RFC 9457), FastAPI's own validation errors and unknown routes included. The token endpoint
alone answers RFC 6749 errors (see ``routes.auth``). Nothing here logs requests or personal
data.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Route
from starlette.types import Scope

from sync.devserver.faults import ErrorShield, FaultMiddleware, Faults
from sync.devserver.openapi_doc import describe
from sync.devserver.problems import INVALID, ProblemError
from sync.devserver.push import MAX_HOLD, FeedWaiters
from sync.devserver.routes import DEV_ROUTERS, ROUTERS
from sync.devserver.routes.auth import OAuthErrorBody
from sync.devserver.routes.common import answer_response, problem_response
from sync.devserver.state import DevState

__all__ = ["OAuthErrorBody", "create_app"]


def create_app(state: DevState, faults: Faults, *, dev: bool = False,
               max_hold: float = MAX_HOLD) -> FastAPI:
    """The FastAPI application serving ``state``, with ``faults`` in front of it; the
    development controls (``/_dev/…``) only with ``dev``. The push channel holds a request
    at most ``max_hold`` seconds (0: it answers at once, for schemathesis)."""
    app = FastAPI(
        title="Resursi reference central service",
        version="1",
        description="The central register's API as the Resursi desktop app speaks it "
                    "(devserver: tests, benchmarks and --demo).",
    )
    # The routers are shared by every app in the process; each finds its own service here.
    app.state.dev_state = state
    app.state.dev_faults = faults
    waiters = FeedWaiters(max_hold)
    app.state.feed_waiters = waiters
    if state is not None:  # None: only the OpenAPI document is wanted
        state.db.add_listener(waiters.notify)
    app.add_middleware(ErrorShield)

    @app.middleware("http")
    async def _no_referrer(request: Request, call_next: Any) -> Response:
        # an e-service page's URL may hold the desk's receipt token: no link passes it on
        response: Response = await call_next(request)
        if request.url.path.startswith("/e-service/"):
            response.headers["Referrer-Policy"] = "no-referrer"
        return response

    app.add_middleware(FaultMiddleware, faults=faults)
    _add_error_handlers(app)
    for router in ROUTERS + (DEV_ROUTERS if dev else ()):
        app.include_router(router)
    describe(app)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _on_problem(request: Request, exc: ProblemError) -> Response:
        return answer_response(exc.answer())

    @app.exception_handler(RequestValidationError)
    async def _on_invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")),
                   "type": str(e.get("type", ""))} for e in exc.errors()]
        return problem_response(422, "the request is not valid", type_=INVALID, errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _on_http(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else None
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            # Starlette names only the first route that matched the path; the path may have
            # several (GET and PUT of an item), and Allow must list them all.
            headers["Allow"] = ", ".join(_methods_of(app, request.scope))
        return problem_response(exc.status_code, detail, headers=headers)


def _methods_of(app: FastAPI, scope: Scope) -> list[str]:
    methods: set[str] = set()
    for route in app.router.routes:
        match, _ = route.matches({**scope, "method": "GET"})
        if match is not Match.NONE and isinstance(route, APIRoute | Route):
            methods |= set(route.methods or ())
    return sorted(methods)
