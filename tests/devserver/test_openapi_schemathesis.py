"""Issue 14: schemathesis against the reference server, with sign-in, every check, a fixed
seed and a few hundred examples per operation: no failure.

The server's own ASGI app is called in-process (no sockets), over a seeded demo state, with
an administrator's token on the staff API, an applicant's token on the applicant API and an
applicant's session cookie on the e-service's pages (each also tried without, by the checks
that leave authentication out). How many examples: ``RESURSI_SCHEMATHESIS_EXAMPLES``
(default 200). The command the README gives runs the same from the command line.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from sync.devserver.app import create_app
from sync.devserver.applicants import COOKIE
from sync.devserver.db import Database
from sync.devserver.faults import Faults
from sync.devserver.seeding import seed_state
from sync.devserver.state import DevState

EXAMPLES = int(os.environ.get("RESURSI_SCHEMATHESIS_EXAMPLES", "200"))
APPLICANT = "010180-10000"


# Built when the module is collected (the schemathesis plugin's lazy fixture schema does not run
# under pytest 9): a small seeded service, called in-process, removed when the module is done.
_FOLDER = Path(tempfile.mkdtemp(prefix="resursi-schemathesis-"))
_DB = Database(_FOLDER / "devserver.sqlite3")
_STATE = DevState(_DB)
seed_state(_STATE, 20)
# max_hold=0: the push channel (``…/changes/wait``) answers at once instead of holding each
# generated request for up to 55 s; the document still says what a real server holds.
schema = schemathesis.openapi.from_asgi("/openapi.json",
                                        create_app(_STATE, Faults(), max_hold=0))


@pytest.fixture(scope="module", autouse=True)
def _remove_the_service() -> Iterator[None]:
    yield
    _DB.close()
    shutil.rmtree(_FOLDER, ignore_errors=True)


@pytest.fixture(scope="module")
def credentials() -> dict[str, str]:
    token, _ = _STATE.applicant_sessions.sign_in(APPLICANT)
    return {"staff": _STATE.password_grant("admin", "demo").access_token, "applicant": token}


@schema.parametrize()
@settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
          suppress_health_check=list(HealthCheck))
def test_the_reference_server_keeps_its_openapi_document(case, credentials) -> None:
    if case.path.startswith("/v1/applicant/"):
        headers = {"Authorization": f"Bearer {credentials['applicant']}"}
    elif case.path.startswith("/e-service/"):
        headers = {"Cookie": f"{COOKIE}={credentials['applicant']}",
                   "Origin": "http://testserver"}
    else:
        headers = {"Authorization": f"Bearer {credentials['staff']}"}
    case.call_and_validate(headers=headers)
