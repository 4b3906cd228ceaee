"""Helpers of the devserver tests: sign-in, commands over HTTP, and builders of cases.

Cases are made fresh through the applicant simulator and in-process commands (the same logic
the HTTP endpoints run), so tests never depend on how the random seed spread its data.
"""

from __future__ import annotations

import itertools
import json
import uuid
from datetime import date
from typing import Any

import httpx

from sync.devserver import DevServer
from sync.protocol import (
    ApplicantSubmission,
    ApplicationWire,
    CommandRequest,
    Contact,
    ItemUpsert,
    ItemWire,
    Learner,
    SocialStatusClaim,
    Submitter,
    etag,
)

SCHOOL = "4313900123"
OTHER_SCHOOL = "4313900999"
PROBLEM = "application/problem+json"
_numbers = itertools.count(1)


def sign_in(http: httpx.Client, username: str, password: str = "demo") -> httpx.Response:
    return http.post("/v1/oauth/token", data={"grant_type": "password", "username": username,
                                              "password": password})


def post_command(http: httpx.Client, headers: dict[str, str], application_id: int,
                 command: str, payload: dict[str, Any], base_version: int, *,
                 command_id: str | None = None, idempotency_key: str | None = None,
                 if_match: str | None = "same") -> httpx.Response:
    command_id = command_id or str(uuid.uuid4())
    body = {"command_id": command_id, "command": command, "base_version": base_version,
            "payload": payload}
    all_headers = {**headers, "Idempotency-Key": idempotency_key or command_id,
                   "Content-Type": "application/json"}
    if if_match == "same":
        all_headers["If-Match"] = etag(base_version)
    elif if_match is not None:
        all_headers["If-Match"] = if_match
    return http.post(f"/v1/applications/{application_id}/commands",
                     content=json.dumps(body), headers=all_headers)


def applicant_headers(server: DevServer, personal_code: str) -> dict[str, str]:
    """The Authorization header of an applicant signed in with ``personal_code``."""
    return {"Authorization": f"Bearer {server.applicant_token(personal_code)}"}


def phone(server: DevServer, personal_code: str | None) -> httpx.Client:
    """The applicant's phone browser on the e-service pages: signed in as ``personal_code``
    (None: not signed in); its forms are posted from the e-service's own pages."""
    from sync.devserver.applicants import COOKIE

    cookies = {COOKIE: server.applicant_token(personal_code)} if personal_code else None
    return httpx.Client(base_url=server.url, cookies=cookies, headers={"Origin": server.url},
                        timeout=20.0)


def receipt_of(app: ApplicationWire) -> str:
    """The receipt token of the application's prepared handover (what the QR code carries)."""
    token = next(h.receipt_token for h in app.handovers if h.status == "prepared")
    assert token
    return token


class World:
    """Builds fresh cases on the server, in-process."""

    def __init__(self, server: DevServer) -> None:
        self.server = server

    def application(self, *, kind: str = "windows_laptop", role: str = "parent_guardian",
                    social: bool | None = None, learner: str = "Jānis Bērziņš",
                    institution: str = SCHOOL, submitter_code: str | None = None
                    ) -> ApplicationWire:
        n = next(_numbers)
        statuses = [] if social is None else [
            SocialStatusClaim(status="poor_family", viis_code="T", confirmed=social)]
        parent = role == "parent_guardian"
        return self.server.applicant_submit(ApplicantSubmission(
            institution_id=institution, kind_code=kind,
            submitter=Submitter(name="Anna Bērziņa" if parent else learner,
                                personal_code=submitter_code
                                or f"0101{80 + n % 10:02d}-1{n % 10000:04d}",
                                role=role),
            learner=Learner(name=learner, personal_code=f"0202{10 + n % 10:02d}-2{n % 10000:04d}",
                            class_grade=7 if role != "employee" else None,
                            class_parallel="b" if role != "employee" else None),
            contact=Contact(phone="+37120000000", email="anna@example.lv"),
            social_statuses=statuses,
        ))

    def item(self, *, kind: str = "windows_laptop", status: str = "available",
             supported: bool = False, institution: str = SCHOOL) -> ItemWire:
        n = next(_numbers)
        code, item = self.server.state.put_item(
            None, institution, str(uuid.uuid4()),
            ItemUpsert(kind_code=kind, inventory_no=f"TEST-{n:06d}", serial_no=f"SN{n:08d}",
                       manufacturer="Lenovo", model="ThinkPad E14", year=2024,
                       acquisition_value="650.00", socially_supported=supported,
                       status=status),
            if_none_match="*")
        assert code == 201
        return item

    def run(self, application_id: int, command: str, payload: dict[str, Any],
            base_version: int | None = None) -> dict[str, Any]:
        if base_version is None:
            base_version = self.server.application(application_id).version
        answer = self.server.command(application_id, CommandRequest(
            command_id=str(uuid.uuid4()), command=command, base_version=base_version,
            payload=payload))
        assert answer.status == 200, answer.body
        return json.loads(answer.body)

    def granted(self, *, with_item: bool = True, **kwargs: Any
                ) -> tuple[ApplicationWire, ItemWire | None, str | None]:
        app = self.application(**kwargs)
        if not with_item:
            self.run(app.id, "grant", {})
            return self.server.application(app.id), None, None
        item = self.item(kind=app.kind_code)
        handover_id = str(uuid.uuid4())
        self.run(app.id, "grant", {"item_id": item.id, "handover_id": handover_id,
                                   "return_deadline": date(2027, 6, 19).isoformat()})
        return self.server.application(app.id), self.server.item(item.id), handover_id

    def prepared(self, **kwargs: Any) -> tuple[ApplicationWire, ItemWire, str]:
        app, item, hid = self.granted(**kwargs)
        assert item is not None and hid is not None
        self.run(app.id, "prepare_handover", {"handover_id": hid, "item_id": item.id,
                                              "act_number": f"{app.number}-A1"})
        return self.server.application(app.id), self.server.item(item.id), hid

    def issued(self, **kwargs: Any) -> tuple[ApplicationWire, ItemWire, str]:
        app, item, hid = self.prepared(**kwargs)
        self.server.applicant_confirm_receipt(app.id)
        return self.server.application(app.id), self.server.item(item.id), hid


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM), response.headers
    body = response.json()
    assert body["status"] == status
    assert body["title"]
    return body
