"""The reference central service (a real HTTP server) for tests, benchmarks and ``--demo``.

Never imported by the app except in ``--demo``. See ``server.DevServer``.
"""

from __future__ import annotations

from sync.devserver.faults import FaultRule, Faults
from sync.devserver.problems import Answer, ProblemError
from sync.devserver.server import DevServer, DevServerError
from sync.devserver.state import DevState, InstitutionSettings

__all__ = [
    "Answer",
    "DevServer",
    "DevServerError",
    "DevState",
    "FaultRule",
    "Faults",
    "InstitutionSettings",
    "ProblemError",
]
