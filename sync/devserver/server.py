"""``DevServer``: the reference central service as a real HTTP server in a background thread.

    with DevServer(seed="demo") as server:          # 300 applications, demo accounts
        requests.post(f"{server.url}/v1/oauth/token", data={...})
        server.faults.add("GET", "/v1/institutions", status=503, count=2)
        server.application(1)                          # an ApplicationWire, read in-process

uvicorn serves a socket bound beforehand on a free loopback port; ``stop()`` shuts it down
and waits for the thread. With ``db_path=None`` the database lives in a temporary folder that
goes with ``stop()``; a later ``start()`` then begins a new database (a new feed epoch: old
cursors answer 410) on the same port.
"""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import uvicorn

from desktop.models.codes import StaffRole, WithdrawalReason
from sync.devserver.app import create_app
from sync.devserver.db import Database
from sync.devserver.faults import Faults
from sync.devserver.problems import Answer
from sync.devserver.push import MAX_HOLD, FeedWaiters
from sync.devserver.seeding import seed_count, seed_state
from sync.devserver.state import DevState, prepared_handover
from sync.protocol import (
    ApplicantIncident,
    ApplicantSubmission,
    ApplicantWithdrawal,
    ApplicationWire,
    CommandRequest,
    Contact,
    InstitutionWire,
    ItemWire,
    OfferedKindWire,
    ResourceKindWire,
)

DB_FILENAME = "devserver.sqlite3"


class DevServerError(RuntimeError):
    """The devserver could not start."""


class DevServer:
    """The reference central service; see the module docstring."""

    def __init__(self, db_path: Path | str | None = None, *, seed: str | int | None = None,
                 token_ttl: int = 3600, host: str = "127.0.0.1", port: int = 0,
                 rng_seed: int = 1, dev: bool = False, max_hold: float = MAX_HOLD) -> None:
        self.db_path = None if db_path is None else Path(db_path)
        self.seed = seed
        self.token_ttl = token_ttl
        self.host = host
        self.port = port
        self.rng_seed = rng_seed
        self.dev = dev  # the /_dev/... controls over HTTP (the in-process helpers need none)
        self.faults = Faults()
        self.max_hold = max_hold  # the push channel's longest hold, in seconds
        self._waiters: FeedWaiters | None = None
        self._state: DevState | None = None
        self._db: Database | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._sock: socket.socket | None = None
        self._tmpdir: Path | None = None
        self.seed_seconds: float | None = None

    # -- lifecycle ------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        if self._server is None:
            raise DevServerError("the devserver is not running")
        return f"http://{self.host}:{self.port}"

    @property
    def state(self) -> DevState:
        if self._state is None:
            raise DevServerError("the devserver is not started")
        return self._state

    @property
    def push(self) -> FeedWaiters:
        """The push channel's held requests (tests wait until a client is waiting)."""
        if self._waiters is None:
            raise DevServerError("the devserver is not started")
        return self._waiters

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> DevServer:
        if self.running:
            return self
        path = self.db_path
        if path is None:
            self._tmpdir = Path(tempfile.mkdtemp(prefix="resursi-devserver-"))
            path = self._tmpdir / DB_FILENAME
        self._db = Database(path)
        self._state = DevState(self._db, token_ttl=self.token_ttl)
        if self.seed is not None and self._db.is_empty():
            started = time.perf_counter()
            seed_state(self._state, seed_count(self.seed), rng_seed=self.rng_seed)
            self.seed_seconds = time.perf_counter() - started

        # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY on accepted connections only when the
        # listening socket names its protocol; without it Nagle's algorithm met the client's
        # delayed ACK and every request on a kept-alive connection waited some 40 ms.
        sock = socket.socket(socket.AF_INET6 if ":" in self.host else socket.AF_INET,
                             socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.host, self.port))
        except OSError as exc:
            sock.close()
            self._close_db()
            raise DevServerError(f"cannot listen on {self.host}:{self.port}: {exc}") from exc
        sock.listen(128)
        self.port = sock.getsockname()[1]
        app = create_app(self._state, self.faults, dev=self.dev, max_hold=self.max_hold)
        self._waiters = app.state.feed_waiters
        config = uvicorn.Config(
            app, log_config=None, log_level="warning",
            access_log=False, lifespan="off", timeout_graceful_shutdown=2,
            timeout_keep_alive=5, server_header=False,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]},
                                        name=f"devserver:{self.port}", daemon=True)
        self._thread.start()
        self._sock = sock
        self._wait_until_up()
        return self

    def _wait_until_up(self, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        assert self._server is not None
        while not self._server.started:
            if not self.running:
                self.stop()
                raise DevServerError("the devserver thread ended during start-up")
            if time.monotonic() > deadline:
                self.stop()
                raise DevServerError("the devserver did not start in time")
            time.sleep(0.01)
        try:
            with urllib.request.urlopen(f"{self.url}/health", timeout=5.0) as response:
                status = response.status
        except OSError as exc:
            self.stop()
            raise DevServerError(f"the devserver does not answer: {exc}") from exc
        if status != 200:
            self.stop()
            raise DevServerError(f"the devserver answered {status} on start")

    def stop(self) -> None:
        if self._waiters is not None:
            # held push requests answer now: a graceful shutdown would wait for them
            self._waiters.release_all()
            self._waiters = None
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
            if self._thread.is_alive() and self._server is not None:
                self._server.force_exit = True
                self._thread.join(timeout=5)
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        self._server = None
        self._thread = None
        self._close_db()

    def _close_db(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        self._state = None
        if self._tmpdir is not None:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None

    def __enter__(self) -> DevServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # -- in-process helpers (the same logic as the HTTP endpoints) ------------------------------
    def add_user(self, username: str, password: str,
                 memberships: Mapping[str, StaffRole | str], *,
                 display_name: str | None = None) -> None:
        self.state.add_user(username, password, memberships, display_name=display_name)

    def application(self, application_id: int) -> ApplicationWire:
        return self.state.application(application_id)

    def applications(self, institution_id: str | None = None) -> list[ApplicationWire]:
        return self.state.applications(institution_id)

    def application_ids(self, institution_id: str | None = None) -> list[int]:
        return self.state.application_ids(institution_id)

    def item(self, item_id: str) -> ItemWire:
        found = self.state.find_item(item_id)
        if found is None:
            raise KeyError(item_id)
        return found

    def items(self, institution_id: str | None = None) -> list[ItemWire]:
        return self.state.items(institution_id)

    def offered_kinds(self, institution_id: str | None = None) -> list[OfferedKindWire]:
        return self.state.offered_kinds(institution_id)

    def institutions(self) -> list[InstitutionWire]:
        return self.state.institutions()

    def resource_kinds(self) -> list[ResourceKindWire]:
        return self.state.resource_kinds()

    def command(self, application_id: int, request: CommandRequest) -> Answer:
        """Apply a command as a trusted caller (no role check), idempotency included."""
        return self.state.command(None, application_id, request)

    def applicant_submit(self, submission: ApplicantSubmission | Mapping[str, Any]
                         ) -> ApplicationWire:
        """A new application from the e-service (a model or its JSON-like dict)."""
        if not isinstance(submission, ApplicantSubmission):
            submission = ApplicantSubmission.model_validate(submission)
        return self.state.applicant_submit(submission)

    def applicant_withdraw(self, application_id: int,
                           withdrawal: ApplicantWithdrawal | WithdrawalReason | str
                           ) -> ApplicationWire:
        """The applicant withdraws: ``applicant_withdraw(7, "bought_himself")`` or a model."""
        if not isinstance(withdrawal, ApplicantWithdrawal):
            withdrawal = ApplicantWithdrawal(reason=WithdrawalReason(withdrawal))
        return self.state.applicant_withdraw(application_id, withdrawal)

    def applicant_contact(self, application_id: int, contact: Contact | None = None, *,
                          phone: str | None = None, email: str | None = None
                          ) -> ApplicationWire:
        """New contact details: a ``Contact``, or ``phone=``/``email=``."""
        if contact is None:
            contact = Contact(phone=phone, email=email)
        return self.state.applicant_contact(application_id, contact)

    def applicant_incident(self, application_id: int, incident: ApplicantIncident | str,
                           description: str = "Ziņojums no e-pakalpojuma.") -> ApplicationWire:
        """A lost/stolen report: an ``ApplicantIncident``, or ``"lost"``/``"stolen"``."""
        if not isinstance(incident, ApplicantIncident):
            incident = ApplicantIncident(kind=incident, description=description)
        return self.state.applicant_incident(application_id, incident)

    def applicant_confirm_receipt(self, application_id: int,
                                  handover_id: str | None = None) -> ApplicationWire:
        """The applicant confirms receipt (what the receipt page's button does), as if with
        the QR code the desk shows: the prepared handover's own receipt token."""
        prepared = prepared_handover(self.state.find_application(application_id))
        if handover_id is None:
            handover_id = prepared.id if prepared else ""
        token = (prepared.receipt_token if prepared and prepared.id == handover_id else None)
        return self.state.confirm_receipt(application_id, handover_id, token or "")

    def applicant_token(self, personal_code: str) -> str:
        """A signed-in applicant's token (as the simulated latvija.lv sign-in gives it): the
        bearer token of the JSON actions and the value of the pages' session cookie."""
        token, _ = self.state.applicant_sessions.sign_in(personal_code)
        return token

    def eservice_page(self, application_id: int) -> str:
        """The application's e-service page as its submitter sees it on their phone after
        scanning the desk's QR code (signed in, the receipt token in the URL)."""
        from sync.devserver.applicants import COOKIE

        token = self.applicant_token(self.state.application(application_id)
                                     .submitter.personal_code)
        request = urllib.request.Request(self.receipt_url(application_id),
                                         headers={"Cookie": f"{COOKIE}={token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return str(response.read().decode("utf-8"))

    def expire_cursors(self) -> int:
        return self.state.expire_cursors()

    def expire_tokens(self) -> None:
        self.state.expire_tokens()

    def delete_application(self, application_id: int) -> str:
        """Retention: delete the application; a tombstone enters the feed."""
        return self.state.delete_application(application_id)

    def delete_item(self, item_id: str) -> str:
        """An item written off the register; a tombstone enters the feed."""
        return self.state.delete_record("item", item_id)

    def delete_offered_kind(self, offered_kind_id: str) -> str:
        """A kind the school no longer lends; a tombstone enters the feed."""
        return self.state.delete_record("offered_kind", offered_kind_id)

    def receipt_url(self, application_id: int) -> str:
        """The e-service page the QR code at the issuing desk opens, with the prepared
        handover's receipt token as the desk adds it."""
        prepared = prepared_handover(self.state.find_application(application_id))
        url = self.receipt_url_template().format(application_id=application_id)
        token = prepared.receipt_token if prepared else None
        return f"{url}?receipt={token}" if token else url

    def receipt_url_template(self) -> str:
        """The same as a template, as the app's QR URL setting holds it."""
        return f"{self.url}/e-service/applications/{{application_id}}"
