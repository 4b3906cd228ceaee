"""The reference service's HTTP endpoints, one ``APIRouter`` per area.

``sync.devserver.app.create_app`` includes them in ``ROUTERS``' order. Order matters to
Starlette's matching only where paths could overlap, and keeping the order of the former
single module keeps the OpenAPI document identical too.
"""

from __future__ import annotations

from fastapi import APIRouter

from sync.devserver.routes import (
    applicant,
    auth,
    catalogue,
    commands,
    dev,
    eservice_pages,
    feed,
    files,
    workstations,
)

#: Every router of the service, in the order the app includes them.
ROUTERS: tuple[APIRouter, ...] = (
    dev.health_router,
    auth.router,
    feed.router,
    commands.router,
    catalogue.router,
    files.router,
    applicant.router,
    eservice_pages.router,
    workstations.router,
)

#: Only with ``--dev``: the development controls.
DEV_ROUTERS: tuple[APIRouter, ...] = (dev.router,)

__all__ = ["DEV_ROUTERS", "ROUTERS"]
