"""Switchable faults for tests: answer the next N matching requests with 429/503/500, or delay.

    server.faults.add(method="GET", path_prefix="/v1/institutions", status=503, count=2,
                      retry_after=1)
    server.faults.add(path_prefix="/v1/applications", delay_ms=300)   # slow, then normal
    server.faults.clear()

Or over HTTP on the devserver: ``POST /_dev/faults`` with the same fields as JSON,
``GET /_dev/faults`` to list, ``DELETE /_dev/faults`` to clear. Requests under ``/_dev/`` are
never faulted. Dropped connections are not simulated here (a TCP proxy does that).
"""

from __future__ import annotations

import asyncio
import logging
import threading
import traceback
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.devserver.problems import INJECTED, problem_json
from sync.protocol import PROBLEM_JSON

log = logging.getLogger(__name__)


class FaultRule(BaseModel):
    """For requests matching ``method`` and ``path_prefix``: the next ``count`` answers are
    ``status`` (with ``Retry-After`` for 429/503) and/or come ``delay_ms`` late.

    ``count`` None: every matching request until the rules are cleared.
    """

    model_config = ConfigDict(extra="forbid")

    method: str = "*"
    path_prefix: str = "/"
    status: Literal[429, 500, 502, 503, 504] | None = None
    count: Annotated[int, Field(ge=1)] | None = 1
    retry_after: Annotated[int, Field(ge=0, le=3600)] | None = None
    delay_ms: Annotated[int, Field(ge=0, le=60000)] = 0

    def matches(self, method: str, path: str) -> bool:
        return self.method in ("*", method.upper()) and path.startswith(self.path_prefix)


class Faults:
    """The rules in force; thread-safe (tests set them while the server thread serves)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[FaultRule] = []
        # Every request that reached the service (the /_dev/ controls aside): the desk bench
        # counts what a waiting desk costs the server, push channel on and off.
        self.requests = 0

    def add(self, method: str = "*", path_prefix: str = "/", *, status: int | None = None,
            count: int | None = 1, retry_after: int | None = None,
            delay_ms: int = 0) -> FaultRule:
        rule = FaultRule(method=method.upper(), path_prefix=path_prefix, status=status,
                         count=count, retry_after=retry_after, delay_ms=delay_ms)
        return self.add_rule(rule)

    def add_rule(self, rule: FaultRule) -> FaultRule:
        if rule.status in (429, 503) and rule.retry_after is None:
            rule = rule.model_copy(update={"retry_after": 1})
        rule = rule.model_copy(update={"method": rule.method.upper()})
        with self._lock:
            self._rules.append(rule)
        return rule

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def rules(self) -> list[FaultRule]:
        with self._lock:
            return list(self._rules)

    def take(self, method: str, path: str) -> FaultRule | None:
        """The first rule matching this request, used up by one (removed at zero)."""
        with self._lock:
            for i, rule in enumerate(self._rules):
                if not rule.matches(method, path):
                    continue
                if rule.count is not None:
                    left = rule.count - 1
                    if left <= 0:
                        del self._rules[i]
                    else:
                        self._rules[i] = rule.model_copy(update={"count": left})
                return rule
        return None


class ErrorShield:
    """Answers an unexpected exception with a 500 problem and logs no message or values.

    Starlette's own last-resort handler would log the exception's text, and a pydantic
    error's text quotes the input (personal codes); here only the type and frames are logged.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            log.error("devserver: %s on %s %s\n%s", type(exc).__name__, scope["method"],
                      scope["path"], "".join(traceback.format_tb(exc.__traceback__)))
            if started:
                return
            body = problem_json(500, "the devserver failed on this request").encode()
            await send({"type": "http.response.start", "status": 500, "headers": [
                (b"content-type", PROBLEM_JSON.encode()),
                (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})


class FaultMiddleware:
    """Pure ASGI middleware applying ``Faults`` before the application sees the request."""

    def __init__(self, app: ASGIApp, faults: Faults) -> None:
        self.app = app
        self.faults = faults

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/_dev/"):
            await self.app(scope, receive, send)
            return
        self.faults.requests += 1  # on the event loop only: no lock needed
        rule = self.faults.take(scope["method"], scope["path"])
        if rule is None:
            await self.app(scope, receive, send)
            return
        if rule.delay_ms:
            await asyncio.sleep(rule.delay_ms / 1000)
        if rule.status is None:
            await self.app(scope, receive, send)
            return
        body = problem_json(rule.status, "a fault injected by the devserver",
                            type_=INJECTED).encode()
        headers: list[Any] = [
            (b"content-type", PROBLEM_JSON.encode()),
            (b"content-length", str(len(body)).encode()),
        ]
        if rule.retry_after is not None:
            headers.append((b"retry-after", str(rule.retry_after).encode()))
        await send({"type": "http.response.start", "status": rule.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
